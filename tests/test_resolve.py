"""Resolution: relative dates, recurrences, freezes, time zones and stable ids."""

from __future__ import annotations

import dataclasses
import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from edcal.errors import InputErrors
from edcal.model.article import Article
from edcal.model.calendar import Calendar
from edcal.model.plan import Plan
from helpers import PARIS_CALENDAR, article, by_id, calendar_from, plan_of


def test_relative_dates_keep_the_wall_clock_across_dst() -> None:
    calendar = calendar_from(PARIS_CALENDAR + "posts:\n  - promote: lancement\n    networks: [x]\n"
                             "    schedule: [at publication, +2 weeks, +1 day at 12:00, +36 hours]\n")
    # Published on the Saturday before the clocks go forward (2027-03-28).
    plan = plan_of(calendar, [article("lancement", "2027-03-20T09:00", calendar)])
    starts = [i.start for i in plan.items if i.kind == "post"]
    local = [s.astimezone(calendar.zone) for s in starts]
    assert [s.strftime("%Y-%m-%d %H:%M %z") for s in local] == [
        "2027-03-20 09:00 +0100",
        "2027-03-21 12:00 +0100",
        "2027-03-21 21:00 +0100",  # +36 hours is elapsed time
        "2027-04-03 09:00 +0200",  # +2 weeks is the same wall-clock time, in summer time
    ]


def test_hours_and_minutes_are_elapsed_time_across_the_change_of_clocks() -> None:
    """`+6 hours` was added to the wall clock: from 22:00 on the Saturday the clocks go forward it gave 04:00,
    five hours later, and on the night they go back 04:00 too, seven hours later (calendar.md: hours and
    minutes are elapsed time)."""
    calendar = calendar_from(PARIS_CALENDAR + "posts:\n  - promote: printemps\n    networks: [x]\n"
                             "    schedule: [-90 minutes, at publication, +6 hours]\n"
                             "  - promote: automne\n    networks: [x]\n    schedule: [at publication, +6 hours]\n")
    plan = plan_of(calendar, [article("printemps", "2027-03-27T22:00", calendar),
                              article("automne", "2027-10-31T04:00", calendar)])
    local = {k: v.start.astimezone(calendar.zone).strftime("%d %H:%M %z") for k, v in by_id(plan).items()
             if v.kind == "post"}
    assert local == {
        "printemps-x-90min-before": "27 20:30 +0100",
        "printemps-x-0": "27 22:00 +0100", "printemps-x-6h": "28 05:00 +0200",
        "automne-x-0": "31 04:00 +0100", "automne-x-6h": "31 10:00 +0100",
    }
    autumn = by_id(plan_of(calendar, [article("printemps", "2027-03-27T22:00", calendar),
                                      article("automne", "2027-10-30T23:00", calendar)]))
    assert autumn["automne-x-6h"].start.astimezone(calendar.zone).strftime("%d %H:%M %z") == "31 04:00 +0100"


def test_day_offsets_land_on_the_networks_slot_unless_a_time_is_given() -> None:
    calendar = calendar_from(PARIS_CALENDAR + "posts:\n  - promote: lancement\n    networks: [linkedin, x]\n"
                             "    schedule: [at publication, +2 days, +3 days at 18:00]\n")
    # Published Tuesday 10:00; LinkedIn's slots are tue 09:00 and thu 12:30, X has none.
    items = by_id(plan_of(calendar, [article("lancement", "2027-01-12T10:00", calendar)]))
    local = {k: v.start.astimezone(calendar.zone).strftime("%a %H:%M") for k, v in items.items() if v.kind == "post"}
    assert local == {
        "lancement-linkedin-0": "Tue 10:00", "lancement-x-0": "Tue 10:00",  # at publication: exact
        "lancement-linkedin-2d": "Thu 12:30", "lancement-x-2d": "Thu 10:00",  # the slot, else the same time
        "lancement-linkedin-3d": "Fri 18:00", "lancement-x-3d": "Fri 18:00",  # an explicit time wins
    }

def test_promotions_of_an_article_given_a_date_only_keep_to_the_day_not_midnight() -> None:
    calendar = calendar_from(PARIS_CALENDAR + "default_time: \"08:45\"\nposts:\n  - promote: lancement\n"
                             "    networks: [linkedin, x]\n    schedule: [at publication, +2 days, +1 day at 18:00, +2 hours]\n")
    # `date: 2027-01-12` (a Tuesday): online from midnight. LinkedIn posts tue 09:00 / thu 12:30, X has no slot.
    items = by_id(plan_of(calendar, [article("lancement", "2027-01-12T00:00", calendar, date_only=True)],
                          now="2027-01-01T10:00:00+01:00"))
    local = {k: v.start.astimezone(calendar.zone).strftime("%a %H:%M") for k, v in items.items() if v.kind == "post"}
    assert local == {
        "lancement-linkedin-0": "Tue 09:00", "lancement-x-0": "Tue 08:45",  # the day's slot, else default_time
        "lancement-linkedin-2d": "Thu 12:30", "lancement-x-2d": "Thu 08:45",
        "lancement-linkedin-1d": "Wed 18:00", "lancement-x-1d": "Wed 18:00",  # an explicit time wins
        "lancement-linkedin-2h": "Tue 11:00", "lancement-x-2h": "Tue 10:45",  # hours count from the day's time
    }
    # `date: 2027-01-12 00:00`, written to the minute: midnight was meant, and kept.
    items = by_id(plan_of(calendar, [article("lancement", "2027-01-12T00:00", calendar)],
                          now="2027-01-01T10:00:00+01:00"))
    assert items["lancement-x-0"].start.astimezone(calendar.zone).strftime("%a %H:%M") == "Tue 00:00"



def _promotion_texts(entries: str, *articles: tuple[str, str]) -> dict[str, str]:
    """The posts' texts of two-step promotions: ``entries`` under ``posts:``, articles (slug, title)."""
    calendar = calendar_from(PARIS_CALENDAR + ("posts:\n" + entries if entries else "") +
                             "blog:\n  promote: {networks: [x], schedule: [at publication, +3 days]}\n")
    made = [article(slug, f"2027-01-{12 + n}T10:00", calendar, **({"title": title} if title else {}))
            for n, (slug, title) in enumerate(articles)]
    return {item.id: item.text for item in plan_of(calendar, made).items if item.kind == "post"}


def test_a_reminder_reads_differently_from_the_first_post() -> None:
    missed = "Au cas où vous l'auriez manqué\u00a0: "
    # After the colon, the article's title in guillemets, as French typography quotes a title (not twice).
    texts = _promotion_texts("", ("lancement", "Le lancement"), ("cite", "« Le salon » et nous"))
    assert texts["lancement-x-0"].startswith("Le lancement")
    assert texts["lancement-x-3d"].startswith(missed + "«\u00a0Le lancement\u00a0»")
    assert texts["cite-x-3d"].startswith(missed + "«\u00a0Le salon\u00a0» et nous")
    # A title with a colon is quoted too, its colon after a no-break space as on the blog.
    colon = _promotion_texts("", ("salon", "Le salon : J-7"))
    assert colon["salon-x-3d"].startswith(missed + "«\u00a0Le salon\u00a0: J-7\u00a0»")
    # A title typed with a combining accent (E + U+0301) is quoted too: the text is composed to NFC.
    decomposed = _promotion_texts("", ("ete", "E\u0301te\u0301 a\u0300 l'atelier"))
    assert decomposed["ete-x-3d"].startswith(missed + "«\u00a0Été à l'atelier\u00a0»")
    # A text of the writer's own opens with a small letter; a proper noun keeps its capital.
    promoted = "  - {{promote: {slug}, networks: [x], schedule: [at publication, +3 days], text: \"{text}\"}}\n"
    texts = _promotion_texts("".join(promoted.format(slug=slug, text=text) for slug, text in (
        ("lyon", "Lyon vous attend"), ("atelier", "L'atelier ouvre"), ("salon", "La Rochelle accueille le salon"))),
        ("lyon", ""), ("atelier", ""), ("salon", ""))
    assert texts["lyon-x-3d"].startswith(missed + "Lyon vous attend")
    assert texts["atelier-x-3d"].startswith(missed + "l'atelier ouvre")
    assert texts["salon-x-3d"].startswith(missed + "La Rochelle accueille")


def test_a_default_promotion_waits_for_its_article() -> None:
    calendar = calendar_from(PARIS_CALENDAR + "blog:\n  promote: {networks: [x]}\n")
    items = by_id(plan_of(calendar, [article("relu", "2027-01-12T10:00", calendar, status="review")]))
    assert items["relu-x-0"].status == "draft"


def test_a_hidden_article_is_promoted_only_when_a_promote_entry_names_it() -> None:
    """`status: hidden` (a landing page, in no list) went out on the company's networks by `blog: promote:`
    while the ambassadors' page kept it off: no default promotes it; a `promote:` entry does."""
    text = PARIS_CALENDAR + "blog:\n  promote: {networks: [x]}\n"

    def made(calendar):
        return [article("page-cachee", "2027-01-12T10:00", calendar, status="hidden"),
                article("visible", "2027-01-13T10:00", calendar)]

    calendar = calendar_from(text)
    posts = [i.id for i in plan_of(calendar, made(calendar)).items if i.kind == "post"]
    assert posts == ["visible-x-0"]
    calendar = calendar_from(text + "posts:\n  - {promote: page-cachee, networks: [linkedin]}\n")
    posts = [i.id for i in plan_of(calendar, made(calendar)).items if i.kind == "post"]
    assert posts == ["page-cachee-linkedin-0", "visible-x-0"]


def test_a_hidden_article_is_not_one_of_the_blog_s_articles_in_the_counts() -> None:
    """Two job offers as `status: hidden` pages: the build said "4 articles publiés", and the report met the
    blog's `cadence: 2/month` with them."""
    from edcal.plan.cadence import cadence_gaps
    from edcal.plan.report import report
    from edcal.plan.summary import summarize

    calendar = calendar_from(PARIS_CALENDAR + "blog: {cadence: 2/month}\n")
    plan = plan_of(calendar, [article("offre-1", "2027-01-05T10:00", calendar, status="hidden"),
                              article("offre-2", "2027-01-06T10:00", calendar, status="hidden"),
                              article("vrai", "2027-01-07T10:00", calendar)], now="2027-01-20T10:00:00+01:00")
    assert summarize(plan).articles == {"published": 1, "hidden": 2}
    january = next(row for row in report(plan).months[0].channels if row.network is None)
    assert january.tally.done == 1
    # Ahead, with the offers to come in February: one article, below the blog's two a month.
    plan = plan_of(calendar, [article("offre-1", "2027-02-05T10:00", calendar, status="hidden"),
                              article("offre-2", "2027-02-06T10:00", calendar, status="hidden"),
                              article("vrai", "2027-02-07T10:00", calendar)], now="2027-01-20T10:00:00+01:00")
    february = [gap for gap in cadence_gaps(plan, plan.now, 45) if gap.first == dt.date(2027, 2, 1)]
    assert [(gap.name, gap.found) for gap in february] == [("Blog", 1)]


def test_an_account_opened_later_has_no_past_promotions_of_older_articles() -> None:
    """X added to `blog: promote: networks:` a year on: 14 promotions of 2026 articles appeared, "publié";
    `blog: promote: since:` took the past promotions of every network away, and the log's lines with them."""
    text = PARIS_CALENDAR.replace("  x: {}", "  x: {since: 2027-03-01}") + "blog:\n  promote: {networks: [x, mastodon]}\n"
    calendar = calendar_from(text)
    plan = plan_of(calendar, [article("ancien", "2026-10-06T10:00", calendar),
                              article("nouveau", "2027-03-02T10:00", calendar)], now="2027-03-05T10:00:00+01:00")
    assert sorted(i.id for i in plan.items if i.kind == "post") == [
        "ancien-mastodon-0", "nouveau-mastodon-0", "nouveau-x-0"]
    # A promotion asked for by name is left as written.
    calendar = calendar_from(text + "posts:\n  - {promote: ancien, networks: [x]}\n")
    plan = plan_of(calendar, [article("ancien", "2026-10-06T10:00", calendar)], now="2027-03-05T10:00:00+01:00")
    assert [i.id for i in plan.items if i.kind == "post"] == ["ancien-x-0"]


def test_recurrence_weekly_with_count_and_slot_time() -> None:
    calendar = calendar_from(PARIS_CALENDAR + "posts:\n  - id: tip\n    networks: [linkedin]\n"
                             "    repeat: {every: week, on: [tue, thu], from: 2027-03-15, count: 4}\n"
                             "    text: Astuce\n")
    plan = plan_of(calendar)
    posts = [i for i in plan.items if i.kind == "post"]
    assert [i.id for i in posts] == ["tip-linkedin-20270316", "tip-linkedin-20270318",
                                     "tip-linkedin-20270323", "tip-linkedin-20270325"]
    # No time given: the network's slot for that weekday (tue 09:00, thu 12:30).
    assert [p.start.strftime("%a %H:%M") for p in posts] == ["Tue 09:00", "Thu 12:30", "Tue 09:00", "Thu 12:30"]


def test_a_recurrence_leaves_out_the_days_under_except() -> None:
    """No tip during the fair: the day is left out, still counted (RFC 5545's EXDATE), texts go on in turn."""
    calendar = calendar_from(PARIS_CALENDAR + "key_dates:\n  - {id: salon, name: Salon, on: 2027-03-23}\n"
                             "posts:\n  - id: tip\n    networks: [linkedin]\n"
                             "    repeat: {every: week, on: [tue, thu], from: 2027-03-15, count: 4, "
                             "except: [2027-03-18, salon]}\n    texts: [un, deux]\n")
    posts = [i for i in plan_of(calendar).items if i.kind == "post"]
    assert [i.id for i in posts] == ["tip-linkedin-20270316", "tip-linkedin-20270325"]
    assert [p.text for p in posts] == ["un", "deux"]
    with pytest.raises(InputErrors) as caught:
        calendar_from(PARIS_CALENDAR + "posts:\n  - id: tip\n    networks: [linkedin]\n"
                      "    repeat: {every: week, on: tue, from: 2027-03-15, except: [2027-03-17]}\n    text: T\n")
    assert [e.format() for e in caught.value.errors] == [
        "calendar.yaml:12:63: error: found 2027-03-17 under `except:`, which is not a day of this rule\n"
        "    hint: its days near it: 2027-03-16, 2027-03-23"]


def test_a_moved_occurrence_keeps_its_id_its_text_and_the_rules_time() -> None:
    """RFC 5545's RECURRENCE-ID: the occurrence of the 18th happens on the 19th, still named by the 18th (its
    calendar event is updated, not replaced), with its text in turn; a time written is its own."""
    calendar = calendar_from(PARIS_CALENDAR + "posts:\n  - id: tip\n    networks: [linkedin, x]\n"
                             "    repeat: {every: week, on: [tue, thu], at: '16:30', from: 2027-03-15, count: 4,\n"
                             "             moved: {2027-03-18: 2027-03-19, 2027-03-23: 2027-03-22 midi}}\n"
                             "    texts: [un, deux]\nslots: {midi: '12:15'}\n")
    posts = [i for i in plan_of(calendar).items if i.kind == "post" and i.network == "linkedin"]
    assert [(p.id, p.start.isoformat(), p.text) for p in posts] == [
        ("tip-linkedin-20270316", "2027-03-16T16:30:00+01:00", "un"),
        ("tip-linkedin-20270318", "2027-03-19T16:30:00+01:00", "deux"),
        ("tip-linkedin-20270323", "2027-03-22T12:15:00+01:00", "un"),
        ("tip-linkedin-20270325", "2027-03-25T16:30:00+01:00", "deux")]
    # Findings about a moved occurrence point at its new day.
    assert (posts[1].source.line, posts[1].source.column) == (13, 34)


@pytest.mark.parametrize(("moved", "expected"), [
    ("{2027-03-17: 2027-03-18}", "13:22: error: found 2027-03-17 under `moved:`, which is not a day of this rule\n"
                                 "    hint: its days near it: 2027-03-16, 2027-03-23"),
    ("{2027-03-16: 2027-03-18}, except: [2027-03-16]",
     "13:22: error: found 2027-03-16 under `moved:`, and under `except:` (line 13), expected one\n"
     "    hint: a day under `except:` is not posted at all: remove it from one of them"),
    ("[2027-03-16]", "13:21: error: found a list in `moved:`, expected the rule's days with the date each moves "
                     "to\n    hint: e.g. moved: {2027-01-21: 2027-01-22, 2027-02-04: 2027-02-05 16:00}"),
    ("{2027-03-16: }", "13:34: error: found nothing for 2027-03-16 in `moved:`, expected the date it moves to\n"
                       "    hint: e.g. 2027-03-16: 2027-03-17, or with a time: 2027-03-16: \"2027-03-17 16:00\""),
    ("{2027-03-16: mardi}", "13:34: error: unknown key date 'mardi'\n    hint: dates are written YYYY-MM-DD; name a "
                            "day under `key_dates:` to schedule posts relative to it"),
    ("{2027-03-16: '2027-03-28 02:30'}", "13:34: error: 2027-03-28 02:30 does not exist in Europe/Paris: the "
                                         "clocks go forward that night (occurrence of 2027-03-16 moved, LinkedIn)\n"
                                         "    hint: choose another time, e.g. 03:30"),

    # Onto a day the series posts on, or where another occurrence moves: two posts that day, at one minute.
    ("{2027-03-16: 2027-03-23 10:00}", "13:34: error: found 2027-03-23 as the new day of 2027-03-16 in `moved:`, "
                                       "a day this series posts on already\n    hint: move it to another day, or "
                                       "leave that day out first with `except:`"),
    ("{2027-03-16: 2027-03-24, 2027-03-23: 2027-03-24}",
     "13:58: error: found 2027-03-24 as the new day of 2027-03-23 in `moved:`, where 2027-03-16 moves too (line "
     "13)\n    hint: a series posts once a day: move one of them to another day"),
])
def test_a_moved_occurrence_must_be_a_day_of_the_rule_moved_to_a_date(moved: str, expected: str) -> None:
    with pytest.raises(InputErrors) as caught:
        plan_of(calendar_from(PARIS_CALENDAR + "posts:\n  - id: tip\n    networks: [linkedin]\n"
                              "    repeat: {every: week, on: tue, from: 2027-03-15,\n"
                              f"             moved: {moved}}}\n    text: T\n"))
    assert [e.format() for e in caught.value.errors] == [f"calendar.yaml:{expected}"]


def test_an_occurrence_may_move_onto_a_day_left_free_by_except_or_by_another_move() -> None:
    for moved in ("{2027-03-16: 2027-03-23}, except: [2027-03-23]", "{2027-03-16: 2027-03-23, 2027-03-23: 2027-03-24}"):
        calendar = calendar_from(PARIS_CALENDAR + "posts:\n  - id: tip\n    networks: [linkedin]\n"
                                 "    repeat: {every: week, on: tue, at: '09:00', from: 2027-03-15, count: 3,\n"
                                 f"             moved: {moved}}}\n    text: T\n")
        days = sorted(i.start.date().isoformat() for i in plan_of(calendar).items if i.kind == "post")
        assert days == (["2027-03-23", "2027-03-30"] if "except" in moved else ["2027-03-23", "2027-03-24", "2027-03-30"])


def test_monthly_recurrence_on_the_first_friday_and_until() -> None:
    calendar = calendar_from(PARIS_CALENDAR + "posts:\n  - id: m\n    networks: [x]\n"
                             "    repeat: {every: month, on: first fri, at: '18:00', from: 2027-01-01, until: 2027-04-30}\n"
                             "    texts: [un, deux]\n")
    posts = [i for i in plan_of(calendar).items if i.kind == "post"]
    assert [p.start.date().isoformat() for p in posts] == ["2027-01-01", "2027-02-05", "2027-03-05", "2027-04-02"]
    # Texts are used in turn.
    assert [p.text for p in posts] == ["un", "deux", "un", "deux"]


def test_a_monthly_rule_takes_days_of_the_month_or_weekday_positions_not_both() -> None:
    """RFC 5545 would keep only the days that are both (the last day *and* a Friday): refused, located."""
    repeat = "    repeat: {every: month, on: [%s], from: 2027-01-01, count: 3}\n    text: Bilan\n"
    with pytest.raises(InputErrors) as caught:
        calendar_from(PARIS_CALENDAR + "posts:\n  - id: m\n    networks: [x]\n" + repeat % "-1, last fri")
    assert caught.value.errors[0].format().startswith(
        "calendar.yaml:12:32: error: found days of the month (-1) and weekday positions (last fri) in one `on:`")
    calendar = calendar_from(PARIS_CALENDAR + "posts:\n  - id: m\n    networks: [x]\n" + repeat % "-1")
    assert [i.start.date().isoformat() for i in plan_of(calendar).items if i.kind == "post"] == [
        "2027-01-31", "2027-02-28", "2027-03-31"]


def test_open_ended_recurrence_stops_at_the_horizon() -> None:
    calendar = calendar_from(PARIS_CALENDAR + "horizon: 4 weeks\nposts:\n  - id: d\n    networks: [x]\n"
                             "    repeat: {every: week, from: 2027-01-04}\n    text: Chaque lundi\n")
    posts = [i for i in plan_of(calendar, now="2027-01-01T00:00:00+01:00").items if i.kind == "post"]
    assert len(posts) == 4


def test_freeze_withholds_posts_and_articles_until_it_ends() -> None:
    calendar = calendar_from(PARIS_CALENDAR + "freeze:\n  - {from: 2027-02-10, until: 2027-02-11, reason: Crise}\n"
                             "posts:\n  - {id: p, at: 2027-02-10 10:00, networks: [x, mastodon], text: Joyeux}\n"
                             "  - {id: q, at: 2027-02-12 10:00, networks: [x], text: Après}\n")
    articles = [article("pendant", "2027-02-11T09:00", calendar)]
    during = by_id(plan_of(calendar, articles, now="2027-02-11T12:00:00+01:00"))
    assert during["p-x"].status == "withheld" and during["p-x"].withheld_reason == "Crise"
    assert during["p-mastodon"].status == "withheld"
    assert during["q-x"].status == "scheduled"
    assert during["article-pendant"].status == "withheld"
    # Once the window is over, the article goes live; the withheld posts stay withheld.
    after = by_id(plan_of(calendar, articles, now="2027-02-12T00:00:01+01:00"))
    assert after["article-pendant"].status == "published"
    assert after["p-x"].status == "withheld"
    # It is online from the window's end, before and after: its feed event, the agenda and plan.json say
    # so, as its promotions and `edcal next-change` do (it came back dated inside the freeze).
    end = dt.datetime(2027, 2, 12, tzinfo=ZoneInfo("Europe/Paris"))
    assert during["article-pendant"].start == after["article-pendant"].start == end
    # Two freezes end to end: it waits for the second one's end.
    chained = calendar_from(PARIS_CALENDAR + "freeze:\n  - {from: 2027-02-10, until: 2027-02-11, reason: Crise}\n"
                            "  - {from: 2027-02-12, until: 2027-02-13, reason: Deuil}\n")
    items = by_id(plan_of(chained, [article("pendant", "2027-02-11T09:00", chained)], now="2027-02-12T12:00:00+01:00"))
    assert items["article-pendant"].status == "withheld"
    assert items["article-pendant"].start == dt.datetime(2027, 2, 14, tzinfo=ZoneInfo("Europe/Paris"))


def test_freeze_limited_to_some_networks() -> None:
    calendar = calendar_from(PARIS_CALENDAR + "freeze:\n  - {from: 2027-02-10, reason: Crise, networks: [x]}\n"
                             "posts:\n  - {id: p, at: 2027-02-10 10:00, networks: [x, mastodon], text: Hello}\n")
    items = by_id(plan_of(calendar))
    assert items["p-x"].status == "withheld"
    assert items["p-mastodon"].status == "scheduled"
    # A pause on X leaves the blog alone, unless the window says `blog: true`.
    for blog, status in (("", "scheduled"), (", blog: true", "withheld")):
        calendar = calendar_from(PARIS_CALENDAR + "freeze:\n  - {from: 2027-02-10, reason: Crise, networks: [x]"
                                 + blog + "}\n")
        items = by_id(plan_of(calendar, [article("pendant", "2027-02-10T09:00", calendar)]))
        assert items["article-pendant"].status == status, blog


def test_ids_survive_insertion_above_and_edits_of_text_and_time() -> None:
    before = calendar_from(PARIS_CALENDAR + "posts:\n"
                           "  - {title: Salon J-7, at: 2027-01-19 09:00, networks: [x], text: Bientôt}\n"
                           "  - {at: 2027-01-20 09:00, networks: [x], article: lancement, text: Lisez}\n"
                           "  - promote: lancement\n    networks: [x]\n    schedule: [at publication, +2 days]\n")
    after = calendar_from(PARIS_CALENDAR + "posts:\n"
                          "  - {id: nouveau, at: 2027-01-02 09:00, networks: [x], text: Inséré au-dessus}\n"
                          "  - promote: lancement\n    networks: [x]\n    schedule: [at publication, +2 days at 18:00]\n"
                          "  - {title: Salon J-7, at: 2027-01-18 17:00, networks: [x], text: Texte réécrit}\n"
                          "  - {at: 2027-01-21 10:00, networks: [x], article: lancement, text: Autre texte}\n")
    ids_before = {i.id for i in plan_of(before, [article("lancement", "2027-01-10T09:00", before)]).items}
    ids_after = {i.id for i in plan_of(after, [article("lancement", "2027-01-10T09:00", after)]).items}
    assert ids_before == {"salon-j-7-x", "post-lancement-x", "lancement-x-0", "lancement-x-2d", "article-lancement"}
    assert ids_after - ids_before == {"nouveau-x"}  # a step's time of day edited: its id stays


def test_derived_id_collisions_get_a_suffix_and_explicit_ones_are_errors() -> None:
    """Two entries deriving one id: -2 by file order, so that editing either one's time keeps both ids (a
    suffix by day renamed the others when one moved); `id-clash` tells that reordering them would swap them."""
    from edcal.checks import run_checks

    first, second = ("  - {title: Même, at: 2027-01-19 09:00, networks: [x], text: a}\n",
                     "  - {title: Même, at: 2027-02-20 09:00, networks: [x], text: b}\n")
    plan = plan_of(calendar_from(PARIS_CALENDAR + "posts:\n" + first + second))
    assert by_id(plan)["meme-x"].text == "a" and by_id(plan)["meme-2-x"].text == "b"
    moved = plan_of(calendar_from(PARIS_CALENDAR + "posts:\n" + first.replace("01-19", "03-30") + second))
    assert by_id(moved)["meme-x"].text == "a" and by_id(moved)["meme-2-x"].text == "b"
    found = run_checks(plan, only=["id-clash"])
    assert [(f.source.line, f.item, f.severity) for f in found] == [(11, "meme-2-x", "warning")]
    assert found[0].message.startswith("this entry derives the id of the entry at calendar.yaml:10, and is 'meme-2'")
    named = plan_of(calendar_from(PARIS_CALENDAR + "posts:\n" + first.replace("{title", "{id: un, title")
                                  + second.replace("{title", "{id: deux, title")))
    assert not run_checks(named, only=["id-clash"])
    with pytest.raises(InputErrors, match="post id 'a' is defined twice"):
        calendar_from(PARIS_CALENDAR + "posts:\n  - {id: a, at: 2027-01-19, networks: [x], text: a}\n"
                      "  - {id: a, at: 2027-01-20, networks: [x], text: b}\n")


def test_dst_gap_and_overlap_are_located_errors() -> None:
    calendar = calendar_from(PARIS_CALENDAR + "posts:\n  - {id: gap, at: 2027-03-28 02:30, networks: [x], text: a}\n"
                             "  - {id: twice, at: 2026-10-25 02:30, networks: [x], text: b}\n")
    with pytest.raises(InputErrors) as caught:
        plan_of(calendar)
    messages = [e.format() for e in caught.value.errors]
    assert messages[0].startswith("calendar.yaml:10:19: error: 2027-03-28 02:30 does not exist in Europe/Paris")
    assert messages[1].startswith("calendar.yaml:11:21: error: 2026-10-25 02:30 happens twice in Europe/Paris")
    assert "2026-10-25 02:30+02:00 (the first) or 2026-10-25 02:30+01:00 (the second)" in messages[1]
    # With the offset written, the ambiguity is settled.
    # Written once for three networks: told once, naming them (it was told once per network).
    three = calendar_from(PARIS_CALENDAR + "posts:\n  - {id: gap, at: 2027-03-28 02:30, networks: [x, linkedin, "
                          "mastodon], text: a}\n  - {id: tip, networks: [x, mastodon], text: c, repeat: {every: "
                          "week, on: sun, at: '02:30', from: 2027-03-21, count: 2}}\n")
    with pytest.raises(InputErrors) as caught:
        plan_of(three)
    assert [e.message for e in caught.value.errors] == [
        "2027-03-28 02:30 does not exist in Europe/Paris: the clocks go forward that night (X, LinkedIn, Mastodon)",
        "2027-03-28 02:30 does not exist in Europe/Paris: the clocks go forward that night (occurrence of "
        "2027-03-28, X, Mastodon)"]
    settled = calendar_from(PARIS_CALENDAR + "posts:\n  - {id: t, at: '2026-10-25 02:30+01:00', networks: [x], text: b}\n")
    start = by_id(plan_of(settled))["t-x"].start
    assert start.astimezone(dt.UTC).strftime("%H:%M") == "01:30"


NEW_YORK_CALENDAR = PARIS_CALENDAR.replace("Europe/Paris", "America/New_York")


def _nightly(repeat: str, zone_calendar: str = NEW_YORK_CALENDAR) -> object:
    return plan_of(calendar_from(zone_calendar + "posts:\n  - id: nuit\n    networks: [x]\n"
                                 f"    repeat: {{every: day, at: '01:30', from: 2027-11-05, count: 4{repeat}}}\n"
                                 "    text: T\n"))


def test_a_repeated_hour_in_a_rule_says_to_move_that_day_with_its_offset() -> None:
    """The hint said "write the UTC offset: 2027-11-07 01:30-04:00", which a rule's `at:` cannot hold."""
    with pytest.raises(InputErrors) as caught:
        _nightly("")
    assert [e.format() for e in caught.value.errors] == [
        "calendar.yaml:12:13: error: 2027-11-07 01:30 happens twice in America/New_York: the clocks go back that "
        "night (occurrence of 2027-11-07, X)\n"
        "    hint: under `repeat:`, give that day its time with the UTC offset: "
        "`moved: {2027-11-07: \"2027-11-07 01:30-04:00\"}` (the first) or "
        "`moved: {2027-11-07: \"2027-11-07 01:30-05:00\"}` (the second); or leave the day out: `except: [2027-11-07]`"]
    # Either line, as written in the hint, settles it.
    first = by_id(_nightly(", moved: {2027-11-07: \"2027-11-07 01:30-04:00\"}"))["nuit-x-20271107"].start
    assert first.astimezone(dt.UTC) == dt.datetime(2027, 11, 7, 5, 30, tzinfo=dt.UTC)
    second = by_id(_nightly(", moved: {2027-11-07: \"2027-11-07 01:30-05:00\"}"))["nuit-x-20271107"].start
    assert second.astimezone(dt.UTC) == dt.datetime(2027, 11, 7, 6, 30, tzinfo=dt.UTC)
    assert "nuit-x-20271107" not in by_id(_nightly(", except: [2027-11-07]"))


def test_a_skipped_hour_in_a_rule_says_to_move_that_day() -> None:
    spring = NEW_YORK_CALENDAR.replace("America/New_York", "Europe/Paris")
    with pytest.raises(InputErrors) as caught:
        plan_of(calendar_from(spring + "posts:\n  - id: nuit\n    networks: [x]\n"
                              "    repeat: {every: day, at: '02:30', from: 2027-03-27, count: 3}\n    text: T\n"))
    assert caught.value.errors[0].hint == (
        "under `repeat:`, give that day a time that exists: `moved: {2027-03-28: \"2027-03-28 03:30\"}`; "
        "or leave the day out: `except: [2027-03-28]`")
    moved = plan_of(calendar_from(spring + "posts:\n  - id: nuit\n    networks: [x]\n"
                                  "    repeat: {every: day, at: '02:30', from: 2027-03-27, count: 3,\n"
                                  "             moved: {2027-03-28: \"2027-03-28 03:30\"}}\n    text: T\n"))
    assert by_id(moved)["nuit-x-20270328"].start.astimezone(dt.UTC) == dt.datetime(2027, 3, 28, 1, 30, tzinfo=dt.UTC)


def test_unknown_article_slug_suggests_the_closest() -> None:
    calendar = calendar_from(PARIS_CALENDAR + "posts:\n  - promote: lancemnt\n    networks: [x]\n")
    with pytest.raises(InputErrors) as caught:
        plan_of(calendar, [article("lancement", "2027-01-10T09:00", calendar)])
    assert caught.value.errors[0].format() == (
        "calendar.yaml:10:14: error: unknown article slug 'lancemnt'\n    hint: did you mean 'lancement'?"
    )


def test_an_articles_title_written_for_its_slug_is_told_its_slug() -> None:
    """`promote: "Portail automatique : 5 questions à se poser"`, the title where the slug goes: "unknown
    article slug", with no suggestion. Titles are compared without case, accents or punctuation."""
    calendar = calendar_from(PARIS_CALENDAR + "posts:\n  - promote: \"portail automatique, 5 QUESTIONS a se poser\"\n"
                             "    networks: [x]\n  - {id: p, at: 2027-01-12, networks: [x],\n"
                             "     article: \"Portail automatique : 5 questions à se poser\"}\n")
    with pytest.raises(InputErrors) as caught:
        plan_of(calendar, [article("portail-automatique", "2027-01-10T09:00", calendar,
                                   title="Portail automatique : 5 questions à se poser")])
    assert [(error.source.line, error.hint) for error in caught.value.errors] == [
        (10, "did you mean 'portail-automatique'?"), (13, "did you mean 'portail-automatique'?")]


def test_statuses_of_articles_and_posts() -> None:
    calendar = calendar_from(PARIS_CALENDAR + "posts:\n  - {id: d, at: 2027-01-05, networks: [x], text: a, status: draft}\n"
                             "  - {id: old, at: 2026-12-01, networks: [x], text: a}\n")
    articles = [article("live", "2026-12-01T09:00", calendar), article("soon", "2027-01-10T09:00", calendar),
                article("rev", "2027-01-10T09:00", calendar, status="review"),
                article("wip", None, calendar, status="draft")]
    items = by_id(plan_of(calendar, articles))
    assert [items[k].status for k in ("article-live", "article-soon", "article-rev", "article-wip")] == [
        "published", "scheduled", "review", "draft"]
    assert items["d-x"].status == "draft"
    assert items["old-x"].status == "published"
    assert items["article-wip"].start is None


def test_items_are_sorted_by_start_then_id_with_undated_last() -> None:
    calendar = calendar_from(PARIS_CALENDAR + "ideas:\n  - {title: Zzz sans date}\n  - {title: Aaa, publish: 2027-01-05}\n"
                             "posts:\n  - {id: b, at: 2027-01-05 09:00, networks: [x, mastodon], text: a}\n")
    ids = [i.id for i in plan_of(calendar).items]
    assert ids == ["idea-aaa", "b-mastodon", "b-x", "idea-zzz-sans-date"]


def test_deadlines_become_all_day_items() -> None:
    calendar = calendar_from(PARIS_CALENDAR + "ideas:\n  - {id: portrait, title: Portrait, owner: ana, draft_due: 2027-02-05, review_due: 2027-02-12}\n")
    items = by_id(plan_of(calendar))
    deadline = items["idea-portrait-draft-due"]
    assert deadline.all_day and deadline.start == dt.date(2027, 2, 5)
    assert deadline.title == "Remise du texte\u00a0: Portrait"
    assert deadline.owner == "ana" and deadline.parent == "idea-portrait"
    assert str(deadline.source) == "calendar.yaml:10"


def test_a_teaser_before_publication_has_no_link_and_reminders_follow_time() -> None:
    """`schedule: [at publication, +2 days, -1 day at 18:00]`: the teaser read "Dernier rappel :",
    linked to a page not online yet, and failed post-before-article."""
    from edcal.checks import run_checks

    calendar = calendar_from(PARIS_CALENDAR + "posts:\n  - {promote: lancement, networks: [x], "
                             "schedule: [at publication, +2 days, -1 day at 18:00, +1 week]}\n")
    plan = plan_of(calendar, [article("lancement", "2027-01-12T10:00", calendar, title="Le lancement")],
                   now="2027-01-01T10:00:00+01:00")
    items = by_id(plan)
    teaser = items["lancement-x-1d-before"]
    assert teaser.start == dt.datetime(2027, 1, 11, 18, 0, tzinfo=calendar.zone)
    assert teaser.text.startswith("Bientôt sur le blog\u00a0: «\u00a0Le lancement\u00a0»")
    assert teaser.url is None and "https://" not in teaser.text
    assert items["lancement-x-0"].text.startswith("Le lancement") and items["lancement-x-0"].url
    assert items["lancement-x-2d"].text.startswith("Au cas où vous l'auriez manqué\u00a0: ")
    assert items["lancement-x-1w"].text.startswith("Dernier rappel\u00a0: ")
    assert not [f for f in run_checks(plan) if f.rule == "post-before-article"]


def test_default_promotion_since_leaves_the_old_archive_alone() -> None:
    calendar = calendar_from(PARIS_CALENDAR + "blog:\n  promote: {networks: [x], since: 2027-01-01}\n")
    articles = [article("ancien", "2025-05-01T09:00", calendar), article("neuf", "2027-01-05T09:00", calendar)]
    ids = set(by_id(plan_of(calendar, articles)))
    assert "neuf-x-0" in ids
    assert not any(i.startswith("ancien-x") for i in ids)


def test_promotions_of_an_article_a_freeze_held_back_go_out_at_the_next_slot_not_at_midnight() -> None:
    calendar = calendar_from(PARIS_CALENDAR + "freeze:\n  - {from: 2027-02-10, until: 2027-02-11, reason: Crise}\n"
                             "posts:\n  - {promote: pendant, networks: [linkedin, x], schedule: [at publication, +2 days]}\n")
    articles = [article("pendant", "2027-02-11T09:00", calendar, draft_due=dt.date(2027, 2, 1))]
    items = by_id(plan_of(calendar, articles, now="2027-02-01T12:00:00+01:00"))
    # The freeze ends at midnight on Friday 12/02; LinkedIn posts on tue 09:00 / thu 12:30.
    assert items["pendant-linkedin-0"].start == dt.datetime(2027, 2, 16, 9, 0, tzinfo=calendar.zone)
    # X has no slots: the article's own time of day, the day the freeze ends.
    assert items["pendant-x-0"].start == dt.datetime(2027, 2, 12, 9, 0, tzinfo=calendar.zone)
    assert items["pendant-x-2d"].start == dt.datetime(2027, 2, 14, 9, 0, tzinfo=calendar.zone)
    # Later steps keep their distance from the post each network released (docs/calendar.md, freeze:),
    # at that day's slot.
    assert items["pendant-linkedin-2d"].start == dt.datetime(2027, 2, 18, 12, 30, tzinfo=calendar.zone)
    # Its deadline was met; it is not withheld with the article (feeds keep it).
    assert items["article-pendant-draft-due"].status == "scheduled"


def test_promotions_of_an_article_in_review_inside_a_freeze_are_planned_after_it_as_once_published() -> None:
    """The planning page told "gelé / ne partira pas" of an article in review's posts; once approved, the
    article goes online after the freeze and its posts with it: the plan says so from the start."""
    calendar = calendar_from(PARIS_CALENDAR + "freeze:\n  - {from: 2027-02-10, until: 2027-02-11, reason: Crise}\n"
                             "posts:\n  - {promote: pendant, networks: [x], schedule: [at publication, +2 days]}\n")
    now = "2027-02-01T12:00:00+01:00"
    plans = {status: by_id(plan_of(calendar, [article("pendant", "2027-02-11T09:00", calendar, status=status)],
                                   now=now)) for status in ("review", "published")}
    for status, items in plans.items():
        assert items["pendant-x-0"].start == dt.datetime(2027, 2, 12, 9, 0, tzinfo=calendar.zone), status
        assert items["pendant-x-2d"].start == dt.datetime(2027, 2, 14, 9, 0, tzinfo=calendar.zone), status
        assert items["pendant-x-0"].status != "withheld", status
    assert plans["review"]["article-pendant"].status == "review"


def test_teasers_before_an_article_a_freeze_held_back_keep_its_planned_date() -> None:
    calendar = calendar_from(PARIS_CALENDAR + "freeze:\n  - {from: 2027-02-10, until: 2027-02-11, reason: Crise}\n"
                             "posts:\n  - {promote: pendant, networks: [x], schedule: [-1 day, -2 hours, at publication]}\n")
    items = by_id(plan_of(calendar, [article("pendant", "2027-02-11T09:00", calendar)], now="2027-02-01T12:00:00+01:00"))
    assert items["pendant-x-1d-before"].start == dt.datetime(2027, 2, 10, 9, 0, tzinfo=calendar.zone)
    assert items["pendant-x-1d-before"].status == items["pendant-x-2h-before"].status == "withheld"
    assert items["pendant-x-0"].start == dt.datetime(2027, 2, 12, 9, 0, tzinfo=calendar.zone)


def test_a_post_without_owner_takes_its_articles_then_its_campaigns() -> None:
    calendar = calendar_from(PARIS_CALENDAR.replace("  - {id: ana, name: Ana}\n",
                                                    "  - {id: ana, name: Ana}\n  - {id: bo, name: Bo}\n") + """\
campaigns:
  - {id: salon, name: Salon, from: 2027-01-01, until: 2027-01-31, owner: bo}
posts:
  - {id: annonce, campaign: salon, at: 2027-01-19 09:00, networks: [x], text: Salon}
  - {id: lecture, campaign: salon, article: lancement, at: 2027-01-20 09:00, networks: [x]}
  - {id: mien, campaign: salon, owner: ana, at: 2027-01-21 09:00, networks: [x], text: Moi}
""")
    for now in ("2027-01-01T00:00:00+01:00", "2027-02-01T00:00:00+01:00"):  # composed, and past (uncomposed)
        plan = plan_of(calendar, [article("lancement", "2027-01-12T10:00", calendar, owner="ana")], now=now)
        items = by_id(plan)
        assert items["annonce-x"].owner == "bo"  # the campaign's
        assert items["lecture-x"].owner == "ana"  # its article's first
        assert items["mien-x"].owner == "ana"


def test_a_post_without_title_is_named_by_its_first_words_without_its_link() -> None:
    """The title showed the whole tracked link, different on each network, in every calendar cell."""
    calendar = calendar_from(PARIS_CALENDAR + "posts:\n  - {id: soldes, at: 2027-02-10 10:00, networks: [x, mastodon], "
                             "text: 'Encore deux semaines de soldes ! https://blog.example.fr/soldes/'}\n")
    items = by_id(plan_of(calendar))
    assert items["soldes-x"].title == items["soldes-mastodon"].title == "Encore deux semaines de soldes !"


def test_an_entry_may_not_be_named_as_another_entrys_occurrence() -> None:
    """`weekly-20270324` named a post of its own and the 24 March occurrence of `weekly`: `edcal move` took both."""
    with pytest.raises(InputErrors) as caught:
        plan_of(calendar_from(PARIS_CALENDAR + "posts:\n"
                              "  - {id: weekly, networks: [x], text: T, repeat: {every: week, on: wed, from: 2027-03-10, count: 3}}\n"
                              "  - {id: weekly-20270324, networks: [x], at: 2027-03-24 15:00, text: Un}\n"))
    assert [e.format() for e in caught.value.errors] == [
        "calendar.yaml:11:5: error: found id 'weekly-20270324', the name of the 2027-03-24 occurrence of 'weekly'\n"
        "    hint: give the entry another id: edcal agenda --ids and edcal move name an occurrence so"]


@pytest.mark.usefixtures("site_language")
def test_resolution_errors_speak_french_on_a_french_site() -> None:
    from edcal.i18n import speak

    calendar = calendar_from(PARIS_CALENDAR + "posts:\n  - promote: lancemnt\n    networks: [x]\n"
                             "  - promote: lancement\n"
                             "  - {id: daily, networks: [x], text: a, repeat: {every: day, from: 2027-01-01, "
                             "until: 2040-12-31}}\n")
    with pytest.raises(InputErrors) as caught:
        plan_of(calendar, [article("lancement", "2027-01-10T09:00", calendar)])
    speak("fr")
    assert [error.format() for error in caught.value.errors] == [
        "calendar.yaml:10:14: error: slug d'article 'lancemnt' inconnu\n    hint: vouliez-vous dire 'lancement'\u00a0?",
        "calendar.yaml:12:5: error: aucun réseau sur lequel promouvoir 'lancement'\n    hint: ajoutez `networks:` à "
        "l'entrée, `social: networks:` à l'article, ou `blog: promote: networks:` à calendar.yaml",
        "calendar.yaml:13:49: error: trouvé une règle qui donne plus de 3\u00a0660 publications\u00a0; attendu\u00a0: 3\u00a0660 au plus\n"
        "    hint: donnez-lui un `until:` plus tôt, un `count:`, ou une règle moins fréquente",
    ]


@pytest.mark.parametrize(("zone", "before", "after"), [
    # In Los Angeles the 11th's 17:00 post is the 12th 01:00 UTC: the deadline for the 12th sorted before it.
    ("America/Los_Angeles", "veille-x", "idea-texte-draft-due"),
    # In Tokyo the 12th's 08:00 post is the 11th 23:00 UTC: the deadline sorted after it.
    ("Asia/Tokyo", "idea-texte-draft-due", "matin-x"),
])
def test_an_all_day_item_sorts_at_the_start_of_its_day_in_the_sites_zone(zone: str, before: str, after: str) -> None:
    calendar = calendar_from(f"version: 1\ntimezone: {zone}\nnetworks:\n  x: {{}}\n"
                             "ideas:\n  - {id: texte, title: Texte, draft_due: 2027-01-12}\n"
                             "posts:\n  - {id: veille, networks: [x], at: 2027-01-11 17:00, text: Veille}\n"
                             "  - {id: matin, networks: [x], at: 2027-01-12 08:00, text: Matin}\n")
    ids = [item.id for item in plan_of(calendar, now="2027-01-01T00:00:00+00:00").items]
    assert ids.index(before) < ids.index(after), ids


def test_a_promotions_steps_keep_their_ids_when_a_step_is_added_or_moved() -> None:
    """Ids were positions in `schedule`: a step inserted renumbered the later ones (diff showed them moved,
    calendars' events shifted, a past one read as published)."""
    def steps(schedule: str) -> dict[str, str]:
        calendar = calendar_from(PARIS_CALENDAR + f"posts:\n  - promote: lancement\n    networks: [x]\n"
                                 f"    schedule: [{schedule}]\n")
        plan = plan_of(calendar, [article("lancement", "2027-01-12T10:00", calendar)])
        return {i.id: i.start.astimezone(calendar.zone).strftime("%m-%d %H:%M") for i in plan.items if i.kind == "post"}

    before = steps("at publication, +1 week, +3 weeks, -1 day at 18:00")
    assert before == {"lancement-x-0": "01-12 10:00", "lancement-x-1w": "01-19 10:00",
                      "lancement-x-3w": "02-02 10:00", "lancement-x-1d-before": "01-11 18:00"}
    after = steps("-1 day at 18:00, at publication, +3 days, +1 week at 12:00, +3 weeks")
    assert after == {**before, "lancement-x-3d": "01-15 10:00", "lancement-x-1w": "01-19 12:00"}
    assert set(steps("+2 months, +30 minutes, +4 hours, +1 week, +1 week at 18:00")) == {
        "lancement-x-2mo", "lancement-x-30min", "lancement-x-4h", "lancement-x-1w", "lancement-x-1w-2"}


def test_a_promotion_step_at_a_time_the_clocks_skip_says_what_a_step_can_hold() -> None:
    """"Write the UTC offset" cannot be followed in `schedule:`: the hint names the step's time to change."""
    calendar = calendar_from(PARIS_CALENDAR + "posts:\n  - promote: lancement\n    networks: [x]\n"
                             "    schedule: [+1 day at 02:30]\n")
    with pytest.raises(InputErrors) as raised:
        plan_of(calendar, [article("lancement", "2027-03-27T10:00", calendar)])
    [error] = raised.value.errors
    assert "2027-03-28 02:30 does not exist in Europe/Paris" in error.message
    assert "'+1 day at 02:30' after 'lancement', X" in error.message
    assert error.hint.startswith("a step of `schedule:` cannot hold a UTC offset: give '+1 day at 02:30' another")


def test_a_posts_images_are_its_variants_else_its_entrys_else_its_articles_in_order() -> None:
    """A carousel: the network's own `images:` win, then the entry's; an image-first network without either
    shows the article's image; the order is kept, each image where it is written."""
    calendar = calendar_from(PARIS_CALENDAR + "  instagram: {}\nposts:\n"
                             "  - id: a\n    at: 2027-01-12 09:00\n    networks: [linkedin, x, mastodon]\n"
                             "    text: Hi\n    images:\n      - {image: images/3.png, alt: Trois}\n"
                             "      - {image: images/1.png, alt: Un}\n      - images/2.png\n"
                             "    variants:\n      x: {images: [{image: images/x2.png, alt: X2}, images/x1.png]}\n"
                             "      mastodon: {image: images/m.png, alt: M}\n"
                             "  - {id: b, at: 2027-01-12 10:00, networks: [instagram, linkedin], article: art}\n")
    plan = plan_of(calendar, [article("art", "2027-01-05T09:00", calendar, image="images/art.png",
                                      image_alt="L'article")])
    items = by_id(plan)
    assert [(m.path, m.alt) for m in items["a-linkedin"].media] == [
        ("images/3.png", "Trois"), ("images/1.png", "Un"), ("images/2.png", None)]
    assert [(m.path, m.alt, str(m.source)) for m in items["a-x"].media] == [
        ("images/x2.png", "X2", "calendar.yaml:20"), ("images/x1.png", None, "calendar.yaml:20")]
    assert [(m.path, str(m.source)) for m in items["a-mastodon"].media] == [("images/m.png", "calendar.yaml:21")]
    assert [m.path for m in items["b-instagram"].media] == ["images/art.png"]
    assert items["b-linkedin"].media == ()  # a link card shows the article's image there


@pytest.mark.parametrize(("texts", "message", "hint"), [
    ("[Demain sur le blog, Notre levain]",
     "found 2 texts in `texts:`, for 3 steps of `schedule:`, with a teaser before the article is online: taken in "
     "turn, a later step would repeat a teaser's words",
     "schedule: [-1 day, at publication, +3 weeks]: write a text for each step, in time order"),
    ("[Demain, Notre levain, Relisez-le, Encore]",
     "found 4 texts in `texts:`, for 3 steps of `schedule:`: the last ones would never be posted",
     "remove the last text, or add its step to `schedule:`"),
])
def test_a_promotion_s_texts_are_one_per_step_with_a_teaser_and_never_more(texts: str, message: str,
                                                                           hint: str) -> None:
    """Two texts for three steps: the reminder three weeks on took the teaser's "Demain sur le blog"; a fourth
    text was never posted. Neither said a word. (Reminders alone take fewer texts in turn: test_compose.)"""
    calendar = calendar_from(PARIS_CALENDAR + "posts:\n  - promote: levain\n    networks: [x]\n"
                             f"    schedule: [-1 day, at publication, +3 weeks]\n    texts: {texts}\n")
    with pytest.raises(InputErrors) as caught:
        plan_of(calendar, [article("levain", "2027-01-12T10:00", calendar)])
    assert [(e.source.line, e.message, e.hint) for e in caught.value.errors] == [(13, message, hint)]
    calendar = calendar_from(PARIS_CALENDAR + "posts:\n  - promote: levain\n    networks: [x]\n"
                             "    schedule: [-1 day, at publication, +3 weeks]\n    texts: [Demain, Ce matin, Relisez]\n")
    texts_of = {i.id: i.text for i in plan_of(calendar, [article("levain", "2027-01-12T10:00", calendar)]).items}
    assert "demain" in texts_of["levain-x-1d-before"] and "relisez" in texts_of["levain-x-3w"]


def test_a_post_at_the_second_0230_is_not_published_during_the_first() -> None:
    """On the night the clocks go back, a post at 02:30 +01:00 (01:30 UTC) read "published" from 02:30 +02:00
    (00:30 UTC), an hour early, in plan.json and the feeds: the command line's "now" is in the site's zone,
    and Python compares two times of one zone by their wall clocks. So did an article at that time."""
    from edcal.plan.resolve import resolve_plan
    from helpers import SITE, composer

    calendar = calendar_from(PARIS_CALENDAR + "posts:\n"
                             "  - {id: second, at: '2027-10-31 02:30+01:00', networks: [x], text: A}\n"
                             "  - {id: premier, at: '2027-10-31 02:30+02:00', networks: [x], text: B}\n")
    second = article("nuit", "2027-10-31T02:30", calendar)
    articles = [dataclasses.replace(second, date=second.date.replace(fold=1))]  # type: ignore[union-attr]

    def statuses(now: str) -> dict[str, str]:
        instant = dt.datetime.fromisoformat(now).astimezone(calendar.zone)  # as clock.now gives it
        plan = resolve_plan(calendar, articles, now=instant, generated_at=dt.datetime(2027, 1, 1, tzinfo=dt.UTC),
                            site=SITE, composer=composer(calendar=calendar))
        return {item.id: item.status for item in plan.items if item.kind in ("post", "article")}

    assert statuses("2027-10-31T00:40:00+00:00") == {  # 02:40 +02:00
        "premier-x": "published", "second-x": "scheduled", "article-nuit": "scheduled"}
    assert set(statuses("2027-10-31T01:40:00+00:00").values()) == {"published"}  # 02:40 +01:00


def test_a_freeze_ending_in_the_first_0245_lets_the_second_0230_go() -> None:
    """A freeze until 02:45 +02:00 (00:45 UTC) withheld a post at 02:30 +01:00 (01:30 UTC), 45 minutes after
    it ended: a window's bounds and a post's time were compared as wall clocks of one zone."""
    calendar = calendar_from(PARIS_CALENDAR + "freeze:\n  - {from: 2027-10-30 12:00, until: '2027-10-31 02:45+02:00', "
                             "reason: Crise}\nposts:\n"
                             "  - {id: apres, at: '2027-10-31 02:30+01:00', networks: [x], text: A}\n"
                             "  - {id: pendant, at: '2027-10-31 02:30+02:00', networks: [x], text: B}\n")
    statuses = {item.id: item.status for item in plan_of(calendar, now="2027-10-01T00:00:00+02:00").items}
    assert statuses == {"apres-x": "scheduled", "pendant-x": "withheld"}


def _plan_at(calendar: Calendar, now: str, articles: list[Article] | None = None) -> Plan:
    """The plan at ``now`` as the command line gives it (``clock.now``): in the site's zone, the tzinfo of the
    items' times, with which Python compares them by their wall clocks."""
    from edcal.plan.resolve import resolve_plan
    from helpers import SITE, composer

    return resolve_plan(calendar, articles or [], now=dt.datetime.fromisoformat(now).astimezone(calendar.zone),
                        generated_at=dt.datetime(2027, 1, 1, tzinfo=dt.UTC), site=SITE,
                        composer=composer(calendar=calendar))


def test_the_repeated_hour_s_log_lines_and_freezes_read_as_instants() -> None:
    """The night the clocks go back, 02:10 +01:00 (01:10 UTC) comes 30 minutes after 02:40 +02:00 (00:40 UTC).
    Compared by their wall clocks in the site's zone, a log line at 02:10 +01:00 took effect at 02:40 +02:00
    (the post read as gone out, 30 minutes before the line's time), and a freeze from the first 02:40 to the
    second 02:10 was refused as ending before it starts."""
    calendar = calendar_from(PARIS_CALENDAR + "posts:\n"
                             "  - {id: premier, at: '2027-10-31 02:30+02:00', networks: [x], text: A}\n"
                             "posted:\n  - {item: premier-x, at: '2027-10-31 02:10+01:00'}\n")
    early = by_id(_plan_at(calendar, "2027-10-31T02:50:00+02:00"))["premier-x"]
    assert early.posted is None
    late = by_id(_plan_at(calendar, "2027-10-31T02:15:00+01:00"))["premier-x"]
    assert late.posted is not None and late.posted.at.astimezone(dt.UTC) == dt.datetime(2027, 10, 31, 1, 10, tzinfo=dt.UTC)
    frozen = calendar_from(PARIS_CALENDAR + "freeze:\n"
                           "  - {from: '2027-10-31 02:40+02:00', until: '2027-10-31 02:10+01:00', reason: Crise}\n"
                           "posts:\n"
                           "  - {id: pendant, at: '2027-10-31 02:50+02:00', networks: [x], text: A}\n"
                           "  - {id: apres, at: '2027-10-31 02:20+01:00', networks: [x], text: B}\n")
    statuses = {item.id: item.status for item in _plan_at(frozen, "2027-10-01T00:00:00+02:00").items}
    assert statuses == {"pendant-x": "withheld", "apres-x": "scheduled"}


def test_a_teaser_in_the_repeated_hour_is_a_teaser() -> None:
    """An article at 02:10 +01:00 and a step 30 minutes before it, at 02:40 +02:00 (00:40 UTC): compared by wall
    clocks, the teaser came after the article and took the text of the first post once it is online."""
    calendar = calendar_from(PARIS_CALENDAR + "posts:\n"
                             "  - id: nuit-promo\n    promote: nuit\n    networks: [x]\n"
                             "    schedule: [-30 minutes, at publication]\n    texts: [Bientôt, En ligne]\n")
    night = article("nuit", "2027-10-31T02:10", calendar)
    night = dataclasses.replace(night, date=night.date.replace(fold=1))  # type: ignore[union-attr]
    texts = {item.id: item.text for item in _plan_at(calendar, "2027-10-01T00:00:00+02:00", [night]).items
             if item.kind == "post"}
    assert texts["nuit-promo-x-30min-before"].startswith("Bientôt"), texts
    assert texts["nuit-promo-x-0"].startswith("En ligne"), texts


def test_a_recurring_posts_and_a_promotions_variant_give_their_network_its_owner() -> None:
    """A network's `owner:` under `variants:` holds for every day of a recurring post and every step of a
    promotion, as its text does; the other networks keep the entry's owner."""
    calendar = calendar_from(PARIS_CALENDAR.replace("{id: ana, name: Ana}", "{id: ana, name: Ana}\n  - {id: lea, "
                                                    "name: Léa}") + """\
posts:
  - id: astuce
    networks: [linkedin, x]
    repeat: {every: week, on: tue, at: "09:00", from: 2027-01-05, count: 2}
    text: Une astuce
    owner: ana
    variants: {x: {owner: lea}}
  - promote: salon
    networks: [linkedin, x]
    schedule: [at publication, +1 week]
    variants: {linkedin: {owner: lea}}
""")
    plan = plan_of(calendar, [article("salon", "2027-01-12T09:00", calendar, owner="ana")])
    owners = {item.id: item.owner for item in plan.items if item.kind == "post"}
    assert owners == {"astuce-linkedin-20270105": "ana", "astuce-linkedin-20270112": "ana",
                      "astuce-x-20270105": "lea", "astuce-x-20270112": "lea",
                      "salon-linkedin-0": "lea", "salon-linkedin-1w": "lea", "salon-x-0": "ana", "salon-x-1w": "ana"}


def test_a_translation_s_author_does_not_take_the_owner_its_original_names() -> None:
    """An article Julien is in charge of (`owner: julien`), translated by Ben (`authors: Ben`, no `owner:`):
    its English posts went to Ben. A translation takes its original's owner when it names none; its author's
    is only for an original without any."""
    calendar = calendar_from(PARIS_CALENDAR.replace("  - {id: ana, name: Ana}", "  - {id: ana, name: Ana}\n"
                                                    "  - {id: ben, name: Ben}")
                             + "  linkedin-en: {like: linkedin, name: LinkedIn (English), lang: en}\n"
                             "posts:\n  - {promote: portail, networks: [linkedin, linkedin-en], schedule: [at publication]}\n")

    def owners(original_owner: str | None, translated_by: str | None) -> dict[str, str | None]:
        articles = [article("portail", "2027-01-12T09:00", calendar, owner=original_owner),
                    article("portail", "2027-01-12T09:00", calendar, lang="en", is_original=False,
                            owner=translated_by, owner_from_author=translated_by is not None)]
        return {key: item.owner for key, item in by_id(plan_of(calendar, articles)).items()
                if key.startswith("portail-")}

    assert owners("ana", "ben") == {"portail-linkedin-0": "ana", "portail-linkedin-en-0": "ana"}
    assert owners(None, "ben") == {"portail-linkedin-0": None, "portail-linkedin-en-0": "ben"}
