"""date-in-text: a weekday the day contradicts, a date outside the key date a post is written relative to."""

from __future__ import annotations

import datetime as dt

import pytest

from edcal.checks import run_checks
from edcal.checks.rules._dates import named_dates
from edcal.i18n import translator
from edcal.plan.resolve import Site, resolve_plan
from helpers import PARIS_CALENDAR, article, calendar_from, composer, plan_of

NOW = "2027-03-01T08:00:00+01:00"
#: The fair, moved from 16–19 March to 23–26 March 2027.
FAIR = "key_dates:\n  - {id: salon-industrie, name: Salon Industrie, from: 2027-03-23, until: 2027-03-26}\n"


def findings(entries: str, extra: str = FAIR, lang: str = "fr", articles: tuple = ()) -> list:
    calendar = calendar_from(PARIS_CALENDAR + extra + "posts:\n" + entries)
    if lang == "fr":
        plan = plan_of(calendar, [make(calendar) for make in articles], now=NOW)
    else:
        site = Site(url="https://blog.example.com", lang=lang)
        plan = resolve_plan(calendar, [], now=dt.datetime.fromisoformat(NOW),
                            generated_at=dt.datetime(2027, 1, 1, tzinfo=dt.UTC), site=site,
                            composer=composer(site, calendar))
    return run_checks(plan, only=["date-in-text"])


def entry(text: str, at: str = "2027-03-09 09:00", networks: str = "[linkedin]") -> str:
    return f"  - {{id: p, at: {at}, networks: {networks}, text: '{text}'}}\n"


def test_a_weekday_the_day_contradicts() -> None:
    found = findings(entry("Rendez-vous mardi 18 mars à l''atelier"))
    assert [(f.rule, f.severity, f.item) for f in found] == [("date-in-text", "warning", "p-linkedin")]
    assert found[0].message == "the text of 'p-linkedin' says 'mardi 18 mars', but 2027-03-18 is a Thursday"
    assert found[0].hint == "correct the weekday or the date in the text"
    assert str(found[0].source) == "calendar.yaml:12"  # the entry's `text:`, on its line
    french = translator("fr")
    assert found[0].message.translated(french).replace("\u00a0", " ") == \
        "le texte de 'p-linkedin' dit « mardi 18 mars », mais le 18/03/2027 est un jeudi"
    # The right weekday, or none, is no finding.
    assert not findings(entry("Rendez-vous jeudi 18 mars à l''atelier"))
    assert not findings(entry("Rendez-vous le 18 mars, et mardi prochain à 10 h"))


@pytest.mark.parametrize("text", [
    "Mardi 18 mars : portes ouvertes", "du mardi 16 au mardi 19 mars", "Le mardi 18/03 on ouvre",
    "mardi 18 mars 2027", "rendez-vous le mardi 1er avril",
])
def test_weekdays_as_french_writes_dates(text: str) -> None:
    assert len(findings(entry(text))) == 1, text


def test_one_text_on_several_networks_is_one_finding() -> None:
    found = findings(entry("Rendez-vous mardi 18 mars", networks="[linkedin, mastodon, x]"))
    assert len(found) == 1


def test_the_finding_points_at_the_text_that_holds_the_date() -> None:
    """It pointed at the entry's first line and named the variant's text only in its hint, while docs/checks.md
    says the rules about a post's text point at the text it takes."""
    variant = ("  - id: v\n    at: 2027-03-09 09:00\n    networks: [linkedin, x]\n"
               "    text: Rendez-vous jeudi 18 mars\n    variants:\n      x: {text: Rendez-vous mardi 18 mars}\n")
    [found] = findings(variant)
    assert (found.item, str(found.source), found.source.column, found.hint) == (
        "v-x", "calendar.yaml:17", 17, "correct the weekday or the date in the text")
    # A promotion's text is its article's summary.
    summary = "Nos portes ouvertes, mardi 18 mars, à Villeurbanne."
    promotion = "  - {promote: portes, networks: [linkedin], schedule: [at publication]}\n"
    [found] = findings(promotion,
                       articles=(lambda c: article("portes", "2027-03-09 10:00", c, summary=summary),))
    assert found.item == "portes-linkedin-0"
    assert str(found.source) == "content/articles/portes.md:1"


def test_a_day_without_its_year_is_read_in_the_year_nearest_the_post() -> None:
    # Posted in December 2027, "mardi 4 janvier" is January 2028, a Tuesday: no finding; read in
    # 2027 (a Monday) it would be one.
    assert not findings(entry("Rendez-vous mardi 4 janvier", at="2027-12-28 09:00"))
    assert findings(entry("Rendez-vous lundi 4 janvier", at="2027-12-28 09:00"))[0].message.endswith(
        "2028-01-04 is a Tuesday")


def tied(text: str, at: str = "salon-industrie -7 days") -> str:
    return f"  - {{id: salon-j-7, at: {at}, networks: [linkedin], text: '{text}'}}\n"


def test_a_text_naming_the_days_a_key_date_had_before_it_moved() -> None:
    found = findings(tied("Retrouvez-nous du 16 au 19 mars, stand B42"))
    assert len(found) == 1
    assert found[0].message == ("the text of 'salon-j-7-linkedin' names 'du 16 au 19 mars' (from 2027-03-16 to "
                                "2027-03-19), but the key date 'salon-industrie' it is written relative to is "
                                "from 2027-03-23 to 2027-03-26: was it moved?")
    assert str(found[0].source) == "calendar.yaml:12"
    assert found[0].hint == ("update the text, or say on the entry why that date is meant: "
                             "`silence: {date-in-text: …}`")
    assert found[0].message.translated(translator("fr")).replace("\u00a0", " ") == (
        "le texte de 'salon-j-7-linkedin' cite « du 16 au 19 mars » (du 16/03/2027 au 19/03/2027), mais la "
        "date clé 'salon-industrie' à laquelle la publication est accrochée a lieu du 23/03/2027 au 26/03/2027 : "
        "a-t-elle été déplacée ?")
    # The key date's real days, or a day among them, are no finding.
    assert not findings(tied("Retrouvez-nous du 23 au 26 mars, stand B42"))
    assert not findings(tied("Retrouvez-nous le 24 mars, stand B42"))
    assert not findings(tied("Retrouvez-nous le 24/03/2027, stand B42"))


@pytest.mark.parametrize("text", ["Retrouvez-nous le 16 mars", "Retrouvez-nous le 16/03", "du 22 au 25 mars",
                                  "Retrouvez-nous les 16 et 17 mars", "Du 16 mars au 19 mars 2027"])
def test_dates_outside_the_key_date(text: str) -> None:
    assert len(findings(tied(text))) == 1, text


def test_a_variants_at_relative_to_a_key_date_ties_its_post() -> None:
    entries = ("  - id: salon\n    at: 2027-03-10 09:00\n    networks: [linkedin, x]\n"
               "    text: Retrouvez-nous du 16 au 19 mars\n"
               "    variants:\n      x: {at: salon-industrie -3 days}\n")
    assert [f.item for f in findings(entries)] == ["salon-x"]


def test_a_text_also_naming_the_key_dates_days_names_other_days_on_purpose() -> None:
    text = "Salon du 23 au 26 mars : prenez rendez-vous avant le 12 mars"
    assert not findings(tied(text))
    # Another key date's day is meant too.
    extra = FAIR + "  - {id: portes-ouvertes, name: Portes ouvertes, on: 2027-04-03}\n"
    assert not findings(tied("Après le salon, nos portes ouvertes le 3 avril"), extra=extra)


def test_a_reply_naming_another_day_of_a_post_naming_the_key_dates_days_is_on_purpose() -> None:
    """The fair's days in the first post, "avant le 12 mars" in a reply: one post, as in one text."""
    entries = ("  - {id: salon-j-7, at: salon-industrie -7 days, networks: [mastodon],"
               " text: 'Salon du 23 au 26 mars 🧵', thread: ['Prenez rendez-vous avant le 12 mars']}\n")
    assert not findings(entries)
    # A reply alone names the other day: still told, at its line.
    entries = ("  - {id: salon-j-7, at: salon-industrie -7 days, networks: [mastodon],"
               " text: 'Le salon approche 🧵', thread: ['Prenez rendez-vous avant le 12 mars']}\n")
    found = findings(entries)
    assert [(f.source.line, f.source.column) for f in found] == [(12, 110)]
    # Named as what it is: the reply, not "the text".
    assert found[0].message.startswith("reply 1 of the thread of 'salon-j-7-mastodon' names '12 mars' (on 2027-03-12)")
    assert found[0].message.translated(translator("fr")).replace("\u00a0", " ").startswith(
        "la réponse 1 du fil de 'salon-j-7-mastodon' cite « 12 mars » (le 12/03/2027)")
    # A first comment's weekday that contradicts its date: the first comment's.
    comment = ("  - {id: atelier, at: 2027-03-10 09:00, networks: [linkedin], text: Un atelier,"
               " first_comment: 'Rendez-vous mardi 18 mars'}\n")
    (found,) = findings(comment)
    assert found.message == ("the first comment of 'atelier-linkedin' says 'mardi 18 mars', but 2027-03-18 is "
                             "a Thursday")


def test_a_post_written_at_a_fixed_date_is_not_judged_against_key_dates() -> None:
    assert not findings(entry("Retrouvez-nous du 16 au 19 mars"))


def test_addresses_and_hashtags_name_no_date() -> None:
    text = "Le programme : https://salon.example/2027/03/16/ et salon.example/16/03 #16mars #Salon16Mars"
    assert not findings(tied(text))
    assert not named_dates("24/7, 9/10 clients satisfaits, 16 marseillais", "fr", dt.date(2027, 3, 9))


def test_an_english_site() -> None:
    found = findings(tied("Meet us March 16–19, booth B42"), lang="en")
    assert len(found) == 1 and "names 'March 16–19' (from 2027-03-16 to 2027-03-19)" in found[0].message
    assert not findings(tied("Meet us March 23–26, booth B42"), lang="en")
    assert findings(entry("See you on Tuesday, March 18"), lang="en")[0].message.endswith("is a Thursday")
    assert not findings(entry("See you on Thursday, March 18"), lang="en")
    assert not findings(entry("We march 16 miles on Tuesday"), lang="en")
    # French words on an English site are no dates.
    assert not findings(entry("Rendez-vous mardi 18 mars"), lang="en")


@pytest.mark.parametrize(("lang", "text", "first", "last"), [
    ("fr", "le 16 mars 2027", "2027-03-16", "2027-03-16"),
    ("fr", "1er avril", "2027-04-01", "2027-04-01"),
    ("fr", "16/03/2027", "2027-03-16", "2027-03-16"),
    ("fr", "du 30 mars au 2 avril", "2027-03-30", "2027-04-02"),
    ("fr", "du 30 au 2 avril", "2027-03-30", "2027-04-02"),
    ("fr", "du 28 décembre au 3 janvier", "2026-12-28", "2027-01-03"),
    ("fr", "16-19 mars", "2027-03-16", "2027-03-19"),
    ("en", "March 16", "2027-03-16", "2027-03-16"),
    ("en", "16 March", "2027-03-16", "2027-03-16"),
    ("en", "Tuesday 16th of March 2027", "2027-03-16", "2027-03-16"),
    ("en", "March 30 – April 2", "2027-03-30", "2027-04-02"),
    ("en", "from March 16 to 19, 2027", "2027-03-16", "2027-03-19"),
    ("en", "16–19 March", "2027-03-16", "2027-03-19"),
    ("en", "March 16 and 3 more days", "2027-03-16", "2027-03-16"),
    # Abbreviations, as calendars and agendas print them
    ("fr", "jeu. 18 mars", "2027-03-18", "2027-03-18"),
    ("fr", "du 16 au 19 avr.", "2027-04-16", "2027-04-19"),
    ("fr", "le 3 févr. 2027", "2027-02-03", "2027-02-03"),
    ("fr", "le 16 janv 2027", "2027-01-16", "2027-01-16"),
    ("en", "Thu, Mar 18", "2027-03-18", "2027-03-18"),
    ("en", "Sat 16 Jan", "2027-01-16", "2027-01-16"),
    ("en", "Sept 3–5", "2027-09-03", "2027-09-05"),
    ("en", "Jan. 16", "2027-01-16", "2027-01-16"),  # the style guides' own, with a dot
    ("en", "Tue., Mar. 16", "2027-03-16", "2027-03-16"),
    ("en", "Dec. 3, 2027", "2027-12-03", "2027-12-03"),
    ("en", "Sept. 3–5", "2027-09-03", "2027-09-05"),
])
def test_dates_as_each_language_writes_them(lang: str, text: str, first: str, last: str) -> None:
    [date] = named_dates(text, lang, dt.date(2027, 3, 9))
    assert (str(date.first), str(date.last)) == (first, last)


def test_abbreviated_weekdays_are_checked_and_words_are_not_abbreviations() -> None:
    near = dt.date(2027, 3, 9)
    [wrong] = named_dates("Rendez-vous mar. 18 mars sur le stand", "fr", near)
    assert wrong.wrong_days == (dt.date(2027, 3, 18),)  # a Thursday
    assert not named_dates("Rendez-vous jeu. 18 mars", "fr", near)[0].wrong_days
    assert named_dates("See you Tue, Mar 18", "en", near)[0].wrong_days == (dt.date(2027, 3, 18),)
    assert not named_dates("See you Thu. Mar 18", "en", near)[0].wrong_days
    # "sept" is seven, "mer" the sea and "jeu" a game without their dots; "Mar" is March only with its capital.
    assert not named_dates("Il y a 16 sept ans", "fr", near)
    assert not named_dates("la mer 18 mars", "fr", near)[0].wrong_days
    assert not named_dates("the mar 16 thing", "en", near)


def test_figures_follow_the_countrys_order() -> None:
    near = dt.date(2027, 3, 9)
    assert [str(d.first) for d in named_dates("on 03/16/2027", "en", near, "US")] == ["2027-03-16"]
    assert not named_dates("on 03/16/2027", "en", near, "GB")
