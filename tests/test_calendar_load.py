"""calendar.yaml: every mistake located, explained, and with a suggestion when one is likely."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from conftest import run_edcal
from edcal.errors import InputErrors
from helpers import PARIS_CALENDAR
from helpers import load_errors as errors
from helpers import load_in as load

BASE = """\
version: 1
timezone: Europe/Paris
team:
  - {id: camille, name: Camille}
networks:
  linkedin: {slots: [tue 09:00], cadence: 2/week}
  x: {}
"""




def test_a_cadence_is_read_as_a_french_or_english_team_writes_it(tmp_path: Path) -> None:
    calendar = load(tmp_path, BASE.replace("cadence: 2/week", "cadence: 2 fois par semaine")
                    + "  mastodon: {cadence: twice a month}\nblog:\n  cadence: 1 fois par semaine\n")
    assert calendar.networks["linkedin"].cadence.label == "2/week"
    assert calendar.networks["mastodon"].cadence.label == "2/month"
    assert calendar.blog.cadence.label == "1/week"


@pytest.mark.parametrize(("setting", "column", "message"), [
    ("{slots: [tue 09:00], cadence: 8/week, max_per_day: 1}", 43,
     "found cadence 8/week on LinkedIn, more than max_per_day: 1 lets it post (7/week)"),
    ("{slots: [tue 09:00], cadence: 500/day, max_per_day: 3}", 43,
     "found cadence 500/day on LinkedIn, more than max_per_day: 3 lets it post (3/day)"),
    # A month's target is asked of February: 30/month with one a day was read, and told each February.
    ("{slots: [tue 09:00], cadence: 30/month, max_per_day: 1}", 43,
     "found cadence 30/month on LinkedIn, more than max_per_day: 1 lets it post (28/month)"),
])
def test_a_cadence_the_network_s_max_per_day_forbids_is_an_error(tmp_path: Path, setting: str, column: int,
                                                                  message: str) -> None:
    """`cadence: 8/week` with `max_per_day: 1` was read: cadence-gap then asked every week for posts that
    too-many-per-day would refuse."""
    text = BASE.replace("{slots: [tue 09:00], cadence: 2/week}", setting)
    february = " (a month's target is asked of February too: 28 days)" if "/month" in message else ""
    assert errors(tmp_path, text) == [f"calendar.yaml:6:{column}: error: {message}\n"
                                      f"    hint: lower `cadence:`, or raise `max_per_day:`{february}"]


def test_a_campaign_s_cadence_a_network_s_max_per_day_forbids_is_an_error(tmp_path: Path) -> None:
    text = BASE.replace("  x: {}", "  x: {max_per_day: 1}") + (
        "campaigns:\n  - {id: salon, name: Salon, from: 2027-01-04, until: 2027-01-31, cadence: 2/day, "
        "networks: [linkedin, x]}\n")
    assert errors(tmp_path, text) == [
        "calendar.yaml:9:76: error: found cadence 2/day on campaign 'salon', more than max_per_day: 1 lets X "
        "post (1/day)\n    hint: lower the campaign's `cadence:`, or raise X's `max_per_day:` in `networks:`: a "
        "campaign's cadence is asked of each network its `networks:` names (without `networks:`, of its posts on "
        "all networks together)"]
    # As many as the maximum allows: the most a week of it holds is no error.
    calendar = load(tmp_path, text.replace("cadence: 2/day", "cadence: 7/week"))
    assert calendar.campaigns["salon"].cadence.label == "7/week"


@pytest.mark.parametrize("written", ["-2/week", "-1 par semaine", "- 3 per month"])
def test_a_negative_cadence_is_told_as_zero_is(tmp_path: Path, written: str) -> None:
    """`cadence: -2/week` was told the examples ('twice a week'…), as a word edcal does not know."""
    assert errors(tmp_path, BASE.replace("cadence: 2/week", f"cadence: '{written}'")) == [
        f"calendar.yaml:6:43: error: found '{written}', expected at least 1 per period\n"
        "    hint: to set no regularity target, remove `cadence:`"]


@pytest.mark.parametrize(("written", "most"), [
    ("100000000000000000000/day", "1440/day"), ("1441 par jour", "1440/day"), ("20000/week", "10080/week"),
    ("40321/month", "40320/month"), ("9" * 5000 + "/day", "1440/day"),
])
def test_a_cadence_no_team_could_plan_is_an_error(tmp_path: Path, written: str, most: str) -> None:
    """`cadence: 100000000000000000000/day` was read when no `max_per_day:` bounded it (and 5,000 digits
    were told Python's own words): more than a post a minute, day and night, is a slip of the keyboard."""
    shown = written if len(written) <= 40 else written[:40] + "…"
    assert errors(tmp_path, BASE.replace("cadence: 2/week", f"cadence: '{written}'")) == [
        f"calendar.yaml:6:43: error: found cadence '{shown}', expected at most {most}: a post a minute, day and "
        "night\n    hint: a cadence is the posts the team plans per day, week or month, e.g. '2/week' or "
        "'3 per day'"]
    # As many as a minute each is no error, as a network's `max_per_day:` allows.
    calendar = load(tmp_path, BASE.replace("cadence: 2/week", f"cadence: {most}"))
    assert calendar.networks["linkedin"].cadence.label == most


def test_a_cadence_written_with_leading_zeros_is_its_count(tmp_path: Path) -> None:
    """`0000000002/week` (ten characters, a spreadsheet's padding) was refused as more than a post a minute."""
    calendar = load(tmp_path, BASE.replace("cadence: 2/week", "cadence: 0000000002/week"))
    assert calendar.networks["linkedin"].cadence.count == 2


def test_a_cadence_of_too_many_digits_a_year_is_not_told_another_count(tmp_path: Path) -> None:
    """`10000000000/year` was told "40321 a year is about '110/day'": a count it did not write."""
    (told,) = errors(tmp_path, BASE.replace("cadence: 2/week", "cadence: 10000000000/year"))
    assert "40321" not in told and "110/day" not in told
    assert told.startswith("calendar.yaml:6:43: error: found '10000000000/year', expected a count per day, "
                           "week or month")


def test_a_max_per_day_over_a_post_a_minute_is_an_error(tmp_path: Path) -> None:
    assert errors(tmp_path, BASE.replace("  x: {}", "  x: {max_per_day: 100000}")) == [
        "calendar.yaml:7:20: error: found max_per_day: 100000 on X, expected at most 1440: a post a minute, day "
        "and night\n    hint: max_per_day is the most posts the account may have on one day, e.g. 2"]


@pytest.mark.parametrize("written", ["last", "Last day", "dernier", "dernier jour", "-1"])
def test_the_last_day_of_the_month_is_written_in_words_too(tmp_path: Path, written: str) -> None:
    """`on: last`, the words a writer told to avoid day 31 reaches for, was refused: only `-1` said it."""
    calendar = load(tmp_path, BASE + "posts:\n  - {id: a, networks: [x], text: T, repeat: {every: month, "
                    f"on: '{written}', from: 2027-01-01, count: 3}}}}\n")
    assert calendar.posts[0].recurrence.rrule == "FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=-1"


def test_a_valid_calendar_loads(tmp_path: Path) -> None:
    calendar = load(tmp_path, BASE + "posts:\n  - {id: a, at: 2027-01-12 09:00, networks: [twitter], text: Hi}\n")
    assert calendar.timezone == "Europe/Paris"
    assert calendar.networks["linkedin"].cadence.count == 2
    # An alias is the network it names.
    assert calendar.posts[0].networks == ("x",)


def test_misspelt_network_suggests_the_right_one(tmp_path: Path) -> None:
    messages = errors(tmp_path, BASE + "posts:\n  - {at: 2027-01-12, networks: [linkdin], text: Hi}\n")
    assert messages == ["calendar.yaml:9:33: error: unknown network 'linkdin'\n    hint: did you mean 'linkedin'?"]


@pytest.mark.parametrize(("written", "meant"), [
    ("LI", "linkedin"), ("fb", "facebook"), ("IG", "instagram"), ("Insta", "instagram"), ("masto", "mastodon"),
    ("bsky", "bluesky"), ("yt", "youtube"), ("tw", "x"), ("X/Twitter", "x"), ("tweeter", "x"),
    ("Facebook (Meta)", "facebook"), ("Linked In", "linkedin"),
    # look-alikes from a phone's keyboard or a pasted text: full-width, a Roman numeral
    ("ｘ", "x"), ("Ⅹ", "x"), ("ＬｉｎｋｅｄＩｎ", "linkedin"),
])
def test_an_abbreviated_or_old_network_name_suggests_the_network_s_id(tmp_path: Path, written: str,
                                                                       meant: str) -> None:
    """`LI`, `fb`, `ig` or `yt`, as a team abbreviates them, were told only the networks set up; `X/Twitter`
    and `tweeter` were told 'twitter', an alias, rather than the network's id."""
    messages = errors(tmp_path, BASE + f"posts:\n  - {{at: 2027-01-12, networks: ['{written}'], text: Hi}}\n")
    assert messages == [f"calendar.yaml:9:33: error: unknown network '{written}'\n"
                        f"    hint: did you mean '{meant}'?"], messages


@pytest.mark.parametrize("written", ["linkedin et x", "LinkedIn & X", "li/tw", "linkedin x"])
def test_two_networks_in_one_name_are_told_one_per_item(tmp_path: Path, written: str) -> None:
    """`networks: linkedin et x` was told "did you mean 'linkedin'?": following it dropped X."""
    messages = errors(tmp_path, BASE + f"posts:\n  - {{at: 2027-01-12, networks: ['{written}'], text: Hi}}\n")
    assert messages == [f"calendar.yaml:9:33: error: unknown network '{written}'\n"
                        f"    hint: '{written}' names several networks: one per item, [linkedin, x]"], messages


@pytest.mark.parametrize(("written", "meant"), [("LI", "linkedin"), ("fb", "facebook"), ("X/Twitter", "x")])
def test_an_abbreviated_network_set_up_under_networks_suggests_its_id(tmp_path: Path, written: str,
                                                                      meant: str) -> None:
    messages = errors(tmp_path, BASE.replace("  x: {}", f"  '{written}': {{}}"))
    assert messages == [f"calendar.yaml:7:3: error: unknown network '{written}'\n"
                        f"    hint: did you mean '{meant}'? To declare a network of your own, add `custom: true` "
                        "(or `like: linkedin`), `name:` and `limit:`."], messages


def test_an_abbreviation_a_site_makes_an_alias_is_read(tmp_path: Path) -> None:
    """An abbreviation edcal only suggests is read once the site lists it among a network's `aliases:`."""
    calendar = load(tmp_path, BASE.replace("  x: {}", "  x: {}\n  facebook: {aliases: [fb]}")
                    + "posts:\n  - {id: a, at: 2027-01-12, networks: [fb], text: Hi}\n")
    assert calendar.posts[0].networks == ("facebook",)


def test_a_network_far_from_any_is_told_the_networks_set_up(tmp_path: Path) -> None:
    """`networks: [vk]`, close to no network, was refused with no hint: the writer had to open `networks:`."""
    messages = errors(tmp_path, BASE + "posts:\n  - {at: 2027-01-12, networks: [vk], text: Hi}\n")
    assert messages == ["calendar.yaml:9:33: error: unknown network 'vk'\n    hint: set up: linkedin, x"], messages


@pytest.mark.parametrize("written", ["“x”", "« LinkedIn »"])
def test_a_network_between_typographic_quotes_is_told_to_lose_them(tmp_path: Path, written: str) -> None:
    """`networks: [linkedin, “x”]`, as a word processor quotes a name: told the networks set up, not that the
    quotes were the slip."""
    messages = errors(tmp_path, BASE + f"posts:\n  - {{at: 2027-01-12, networks: [{written}], text: Hi}}\n")
    meant = "x" if "x" in written else "linkedin"
    assert messages == [f"calendar.yaml:9:33: error: unknown network '{written}'\n    hint: did you mean '{meant}'? "
                        "remove the quotes"], messages


@pytest.mark.parametrize(("line", "hint"), [
    ("draft: true", "write `status: draft` instead (Decap CMS's and Hugo's `draft: true`)"),
    ("draft: false", "delete the line: without it, the entry is planned as usual (`draft: false` is Decap CMS's "
                     "and Hugo's)")])
def test_a_post_s_draft_flag_is_told_what_edcal_writes(tmp_path: Path, line: str, hint: str) -> None:
    """`draft: false` on a post was told "a header says `status: draft` (or review, published)": a post has no
    header, no `published` status, and following it withheld a post meant to go out."""
    messages = errors(tmp_path, BASE + f"posts:\n  - id: a\n    at: 2027-01-12\n    networks: [x]\n    text: Hi\n"
                                       f"    {line}\n")
    assert messages == [f"calendar.yaml:13:5: error: unknown field 'draft' in posts entry 'a'\n    hint: {hint}"]
    # An idea has no `draft` status: `status: draft` there was refused in turn.
    (idea,) = errors(tmp_path, BASE + "ideas:\n  - {title: T, draft: true}\n")
    assert idea.endswith("unknown field 'draft' in ideas entry 'T'\n    hint: delete the line, or give `status:` one "
                         "of: idea, writing, review"), idea


def test_both_link_and_article_say_which_to_keep(tmp_path: Path) -> None:
    messages = errors(tmp_path, BASE + "posts:\n  - {at: 2027-01-12, networks: [x], article: a, link: /a/, text: Hi}\n")
    assert messages == ["calendar.yaml:9:37: error: found both `link:` and `article:`, expected one\n"
                        "    hint: keep `article:` (the post links to the article), or `link:` for another page (a "
                        "link to one of the site's articles makes the post that article's too)"]


def test_a_network_not_set_up_is_an_error(tmp_path: Path) -> None:
    messages = errors(tmp_path, BASE + "posts:\n  - {at: 2027-01-12, networks: [tiktok], text: Hi}\n")
    assert "network 'tiktok' is not set up under `networks:`" in messages[0]
    assert messages[0].startswith("calendar.yaml:9:")
    # What to write, and where: "add it to `networks:`" left the writer to guess `tiktok: {}`.
    assert messages[0].endswith("hint: add `tiktok: {}` under `networks:` to post there (set up: linkedin, x)")


def test_a_slot_name_with_an_apostrophe_is_given_one_to_write(tmp_path: Path) -> None:
    messages = errors(tmp_path, BASE + "slots:\n  l’apéro: \"17:30\"\n")
    assert messages == ["calendar.yaml:9:3: error: found slot name 'l’apéro', expected a word such as 'lunch'\n"
                        "    hint: write it with letters, digits and dashes, e.g. 'l-apero', and the same in the "
                        "entries that name it"]
    # A name that begins with a digit is offered no name that would be refused in its turn ('12-h').
    assert errors(tmp_path, BASE + "slots:\n  12 h: \"12:00\"\n") == [
        "calendar.yaml:9:3: error: found slot name '12 h', expected a word such as 'lunch'"]


def test_unknown_field_suggests_the_known_one(tmp_path: Path) -> None:
    messages = errors(tmp_path, BASE + "posts:\n  - at: 2027-01-12\n    networks: [x]\n    txt: Hi\n")
    assert messages[0] == ("calendar.yaml:11:5: error: unknown field 'txt' in posts entry 1\n"
                           "    hint: did you mean 'text'?")
    # Names from other tools and French words point at the field meant, not at the nearest spelling
    # ('alt_text' was 'did you mean text?', and following it published the alt text as the caption).
    for wrong, meant in (("alt_text", "alt"), ("image_alt", "alt"), ("time", "at"), ("titre", "title"),
                         ("lien", "link"), ("réseaux", "networks"), ("carrousel", "images")):
        messages = errors(tmp_path, BASE + f"posts:\n  - at: 2027-01-12\n    networks: [x]\n    text: Hi\n"
                                           f"    {wrong}: valeur\n")
        assert messages[0].endswith(f"hint: did you mean '{meant}'?"), (wrong, messages)


def test_an_unknown_field_does_not_hide_the_next_stages_errors(tmp_path: Path) -> None:
    """An unknown field stopped the reading at the schema: a post's date that does not exist came in the
    next run. The field is read as the one it likely means for the rest of the reading (a misspelt
    `slots:` does not make every named slot unknown), and what follows only from that guess is not told."""
    text = BASE.replace("  x: {}\n", "  x: {colour: blue}\n") + (
        "créneaux: {midi: '12:15'}\n"
        "posts:\n"
        "  - {at: 2027-02-31 09:00, networks: [x], text: Hi}\n"
        "  - {at: 2027-03-02 midi, networks: [linkedin], text: Salut}\n"
        "  - {at: 2027-03-03 25:00, networks: [x], txt: Hi}\n"
        "  - {at: 2027-03-04, networks: [x], text: Hi, alt_text: Une rampe}\n")
    messages = errors(tmp_path, text)
    assert [m.split("\n")[0] for m in messages] == [
        "calendar.yaml:7:7: error: unknown field 'colour' in networks.x",
        "calendar.yaml:8:1: error: unknown field 'créneaux'",
        "calendar.yaml:10:10: error: found '2027-02-31': February 2027 has 28 days; expected a real date as "
        "YYYY-MM-DD",
        "calendar.yaml:12:10: error: found '25:00', expected a time between 00:00 and 23:59",
        "calendar.yaml:12:43: error: unknown field 'txt' in posts entry 3",
        "calendar.yaml:13:47: error: unknown field 'alt_text' in posts entry 4",
    ], messages


def test_a_top_level_field_read_as_meant_is_told_of_where_it_is_written(tmp_path: Path) -> None:
    """The next stage read the file as written: `réseaux:` read as `networks:` had its unknown network at
    calendar.yaml:1:1, and `timezon:`'s wrong zone too, which follows from the guess and is not told."""
    text = BASE.replace("networks:", "réseaux:").replace("  x: {}\n", "  linkdin: {}\n").replace(
        "timezone:", "timezon:").replace("Europe/Paris", "Europe/Pariss") + (
        "posts:\n  - {at: 2027-02-31 09:00, networks: [linkedin], text: Hi}\n")
    assert [m.split("\n")[0] for m in errors(tmp_path, text)] == [
        "calendar.yaml:2:1: error: unknown field 'timezon'",
        "calendar.yaml:5:1: error: unknown field 'réseaux'",
        "calendar.yaml:7:3: error: unknown network 'linkdin'",
        "calendar.yaml:9:10: error: found '2027-02-31': February 2027 has 28 days; expected a real date as "
        "YYYY-MM-DD"]
    # A mapping's place is its first key's: that key's own error holds whatever the field is read as.
    assert [m.split("\n")[0] for m in errors(tmp_path, BASE + "créneaux:\n  l’apéro: '17:30'\n")] == [
        "calendar.yaml:8:1: error: unknown field 'créneaux'",
        "calendar.yaml:9:3: error: found slot name 'l’apéro', expected a word such as 'lunch'"]
    team = BASE.replace("team:", "équipe:").replace("networks:", "  - {id: camille, name: Camille R.}\nnetworks:")
    assert [m.split("\n")[0] for m in errors(tmp_path, team)] == [
        "calendar.yaml:3:1: error: unknown field 'équipe'",
        "calendar.yaml:5:5: error: person 'camille' is defined twice (first at calendar.yaml:4)"]


def test_a_misspelt_required_field_does_not_hide_the_next_stages_errors(tmp_path: Path) -> None:
    """A required field written misspelt is also missing: the reading stopped there, as before."""
    text = BASE + ("blog:\n  promote: {networkz: [x], schedule: [at publication]}\n"
                   "posts:\n  - {at: 2027-02-31 09:00, networks: [x], text: Hi}\n")
    assert [m.split("\n")[0] for m in errors(tmp_path, text)] == [
        "calendar.yaml:9:13: error: unknown field 'networkz' in blog.promote",
        "calendar.yaml:11:10: error: found '2027-02-31': February 2027 has 28 days; expected a real date as "
        "YYYY-MM-DD"]


def test_a_top_level_field_left_out_does_not_make_what_it_holds_unknown(tmp_path: Path) -> None:
    """`créneaux:` beside `slots:` (or a field near none) is left out: each post naming one of its slots
    was told of an unknown slot, which follows only from leaving it out."""
    posts = "posts:\n  - {at: 2027-03-02 midi, networks: [x], text: Hi}\n"
    for extra in ("slots: {soir: '18:00'}\ncréneaux: {midi: '12:15'}\n", "zzz: {midi: '12:15'}\n"):
        messages = errors(tmp_path, BASE + extra + posts)
        assert len(messages) == 1 and "unknown field" in messages[0], (extra, messages)


@pytest.mark.parametrize(("text", "where", "meant"), [
    # The top level: `equipe:` was given the 22 known fields, where `reseaux:` in a post was told 'networks'.
    ("equipe:\n  - {id: lea, name: Léa}\n", "9:1: error: unknown field 'equipe'", "team"),
    ("Équipe:\n  - {id: lea, name: Léa}\n", "9:1: error: unknown field 'Équipe'", "team"),
    ("réseaux:\n  bluesky: {}\n", "9:1: error: unknown field 'réseaux'", "networks"),
    ("campagnes:\n  - {id: ete, name: Été}\n", "9:1: error: unknown field 'campagnes'", "campaigns"),
    ("publications:\n  - {at: 2027-01-12, networks: [x], text: Hi}\n", "9:1: error: unknown field 'publications'",
     "posts"),
    ("idées:\n  - {title: Le levain}\n", "9:1: error: unknown field 'idées'", "ideas"),
    ("gel:\n  - {from: 2027-01-12, reason: Crise}\n", "9:1: error: unknown field 'gel'", "freeze"),
    ("dates-clés:\n  - {id: salon, name: Salon, on: 2027-03-02}\n", "9:1: error: unknown field 'dates-clés'",
     "key_dates"),
    ("fuseau_horaire: Europe/Paris\n", "9:1: error: unknown field 'fuseau_horaire'", "timezone"),
    ("pays: FR\n", "9:1: error: unknown field 'pays'", "country"),
    ("créneaux: {midi: '12:15'}\n", "9:1: error: unknown field 'créneaux'", "slots"),
    # Inside the top level's entries.
    ("campaigns:\n  - {id: ete, nom: Été}\n", "10:15: error: unknown field 'nom' in campaigns entry 'ete'", "name"),
    ("freeze:\n  - {from: 2027-01-12, raison: Crise}\n", "10:24: error: unknown field 'raison' in freeze entry 1",
     "reason"),
    ("ambassadors:\n  jours: 10\n", "10:3: error: unknown field 'jours' in ambassadors", "days"),
])
def test_a_french_name_for_a_field_is_told_the_field_at_every_level(tmp_path: Path, text: str, where: str,
                                                                      meant: str) -> None:
    messages = errors(tmp_path, BASE.replace("  - {id: camille, name: Camille}\n",
                                             "  - {id: camille, name: Camille}\n  - {id: ana, name: Ana, courriel: a@b.fr}\n")
                      + text)
    assert f"calendar.yaml:{where}\n    hint: did you mean '{meant}'?" in messages, messages
    assert "calendar.yaml:5:26: error: unknown field 'courriel' in team entry 'ana'\n    hint: did you mean 'email'?" \
        in messages, messages


@pytest.mark.parametrize(("key", "meant"), [("“title”", "title"), ("« text »", "text"), ("‘titre’", "title"),
                                            ("“at”", "at")])
def test_a_key_between_typographic_quotes_is_told_to_lose_them(tmp_path: Path, key: str, meant: str) -> None:
    """`“title”: …` got the hint of a comma ending a text, with no comma in it."""
    messages = errors(tmp_path, BASE + f"posts:\n  - at: 2027-01-12\n    networks: [x]\n    text: Hi\n"
                                       f"    {key}: La rampe au salon\n")
    assert messages == [f"calendar.yaml:12:5: error: unknown field '{key}' in posts entry 1\n"
                        f"    hint: did you mean '{meant}'? remove the quotes"]
    # The comma of a text between such quotes still gets its own hint.
    comma = errors(tmp_path, BASE + "posts:\n  - {at: 2027-01-12, networks: [x], text: “Samedi, portes ouvertes”}\n")
    assert "hint: typographic quotes “ ” are not quotes to YAML, so a comma in the text ended it" in comma[0]


@pytest.mark.parametrize(("key", "hint"), [
    ("title\u00a0", "did you mean 'title'? the key has a no-break space (U+00A0) at its end: retype it as 'title:'"),
    ("\u200btitle", "did you mean 'title'? the key has a zero-width space (U+200B) at its start: retype it as "
                    "'title:'"),
    ("ow\u200bner", "did you mean 'owner'? the key has a zero-width space (U+200B) at character 3: retype it as "
                    "'owner:'"),
    ("zzz\u00a0", "the key has a no-break space (U+00A0) at its end, which looks like a space or like nothing: "
                  "retype the key without it"),
])
def test_a_character_that_looks_like_a_space_in_a_key_is_named(tmp_path: Path, key: str, hint: str) -> None:
    """`title\u00a0:` (a French keyboard's space before the colon) gave "unknown field 'title '", did you mean 'title'?"""
    messages = errors(tmp_path, BASE + f"posts:\n  - at: 2027-01-12\n    networks: [x]\n    text: Hi\n"
                                       f"    {key}: La rampe au salon\n")
    assert len(messages) == 1 and messages[0].endswith(f"\n    hint: {hint}"), messages


def test_unknown_person_and_timezone(tmp_path: Path) -> None:
    text = BASE.replace("Europe/Paris", "Europe/Pariss") + "ideas:\n  - {title: T, owner: camile}\n"
    messages = errors(tmp_path, text)
    assert "calendar.yaml:2:11: error: found time zone 'Europe/Pariss'" in messages[0]
    assert "did you mean 'Europe/Paris'?" in messages[0]
    assert messages[1].startswith("calendar.yaml:9:")
    assert "unknown person 'camile'\n    hint: did you mean 'camille'?" in messages[1]


def test_a_variants_owner_is_a_person_of_the_team(tmp_path: Path) -> None:
    """A network's own `owner:` under `variants:` names someone of `team:`, as the entry's does: a typo is told
    where it is written, with the id it was meant to be; beside `skip: true` it would be dropped."""
    post = "posts:\n  - {id: p, at: 2027-01-12, networks: [linkedin, x], text: Hi, variants: {x: {owner: %s}}}\n"
    assert errors(tmp_path, BASE + post % "camile") == [
        "calendar.yaml:9:86: error: unknown person 'camile'\n    hint: did you mean 'camille'?"]
    assert errors(tmp_path, BASE + post % "Camille") == [
        "calendar.yaml:9:86: error: unknown person 'Camille'\n"
        "    hint: 'Camille' is the name of 'camille': write owner: camille (the id)"]
    skipped = errors(tmp_path, BASE + post.replace("{owner: %s}", "{skip: true, owner: camille}"))
    assert skipped[0].startswith("calendar.yaml:9:91: error: found `owner:` beside `skip: true` in the variant for "
                                 "'x'"), skipped


def test_a_person_or_campaign_written_by_name_points_at_its_id(tmp_path: Path) -> None:
    # The planning pages show names: writers copy "Camille" or "Salon Industrie" where an id is expected.
    text = (BASE.replace("name: Camille}", "name: Camille Roux, email: camille@example.org}")
            + "campaigns:\n  - {id: salon, name: Salon Industrie, from: 2027-03-01, until: 2027-03-31}\n"
            + "ideas:\n  - {title: T, owner: camille roux}\n  - {title: U, owner: camille@example.org}\n"
            + "  - {title: V, campaign: Salon  Industrie}\n")
    messages = errors(tmp_path, text)
    assert messages[0] == ("calendar.yaml:11:23: error: unknown person 'camille roux'\n"
                           "    hint: 'camille roux' is the name of 'camille': write owner: camille (the id)")
    assert "hint: 'camille@example.org' is the name of 'camille': write owner: camille" in messages[1]
    assert "hint: 'Salon  Industrie' is the name of 'salon': write campaign: salon (the id)" in messages[2]


def test_impossible_date_is_located(tmp_path: Path) -> None:
    messages = errors(tmp_path, BASE + "posts:\n  - {at: 2027-02-30 09:00, networks: [x], text: Hi}\n")
    assert messages[0].startswith("calendar.yaml:9:10: error: found '2027-02-30': February 2027 has 28 days")


def test_a_custom_network_needs_to_say_so(tmp_path: Path) -> None:
    messages = errors(tmp_path, BASE + "  intranet: {limit: 5000}\n")
    assert "unknown network 'intranet'" in messages[0]
    assert "custom: true" in messages[0]
    calendar = load(tmp_path, BASE + "  intranet: {custom: true, name: Le Fil, limit: 5000}\n")
    assert calendar.networks["intranet"].limit.max == 5000
    assert calendar.networks["intranet"].builtin is False


def test_site_overrides_a_builtin_limit(tmp_path: Path) -> None:
    calendar = load(tmp_path, BASE + "  mastodon: {limit: 1000}\n")
    mastodon = calendar.networks["mastodon"]
    assert (mastodon.limit.max, mastodon.limit.counting, mastodon.url_length) == (1000, "graphemes", 23)


def test_a_post_needs_exactly_one_timing(tmp_path: Path) -> None:
    messages = errors(tmp_path, BASE + "posts:\n  - {networks: [x], text: Hi}\n"
                      "  - {at: 2027-01-12, promote: a, networks: [x]}\n")
    assert "a post needs one of `at:`" in messages[0]
    assert "found both `at:` and `promote:`" in messages[1]


def test_promote_with_a_date_is_told_to_write_article(tmp_path: Path) -> None:
    """A blog adopting edcal posts about its older articles on dates it chooses: `promote:` with `at:` got
    no hint; `article:` with `at:` (or `repeat:`) is what it means."""
    messages = errors(tmp_path, BASE + "posts:\n  - {promote: architecture-2025, networks: [x], at: 2027-01-12}\n"
                      "  - {promote: hello, networks: [x], repeat: {every: week, on: tue, from: 2027-01-05}}\n")
    assert messages[0] == (
        "calendar.yaml:9:6: error: found both `at:` and `promote:`, expected only one of at, promote and repeat\n"
        "    hint: for a post about that article on a date of your own, write `article: architecture-2025` "
        "with `at:`; `promote:` dates its posts from the article's publication (`schedule:`)")
    assert messages[1].endswith("write `article: hello` with `repeat:`; `promote:` dates its posts from the "
                                "article's publication (`schedule:`)")


def test_dst_gap_in_a_freeze_is_an_error(tmp_path: Path) -> None:
    messages = errors(tmp_path, BASE + "freeze:\n  - {from: 2027-03-28 02:30, reason: Crise}\n")
    assert messages[0].startswith("calendar.yaml:9:12: error: 2027-03-28 02:30 does not exist in Europe/Paris")


def test_a_freeze_written_in_a_hurry_is_told_what_to_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bad buzz, a phone, the web editor: "maintenant" got "unknown key date" and a hint about key dates,
    "jusqu'à nouvel ordre" no hint at all, an empty reason no error (every withheld item showed no reason)."""
    monkeypatch.setenv("EDCAL_NOW", "2027-01-12T10:03:27+01:00")

    def freeze(start: str, end: str, reason: str, networks: str) -> str:
        return BASE + f"freeze:\n  - from: {start}\n    until: {end}\n    reason: {reason}\n    networks: {networks}\n"

    now = errors(tmp_path, freeze("maintenant", "jusqu'à nouvel ordre", "Crise", "tous"))
    assert now == [
        "calendar.yaml:9:11: error: found 'maintenant', expected the moment the freeze starts, a date and a time\n"
        "    hint: calendar.yaml holds no \"now\", which would move at every build: write the moment, "
        "`from: 2027-01-12 10:03` for now",
        "calendar.yaml:10:12: error: found 'jusqu'à nouvel ordre', expected the day the freeze ends\n"
        "    hint: leave `until:` out for a freeze until further notice, and write it when the freeze is lifted",
        "calendar.yaml:12:15: error: unknown network 'tous'\n    hint: leave `networks` out to freeze every network",
    ]
    same = errors(tmp_path, freeze("2027-01-12 9h40", "2027-01-12 09:40", "Crise", "[x]"))
    assert same == ["calendar.yaml:10:12: error: the freeze ends (2027-01-12 09:40) before it starts (2027-01-12 9h40)"
                    "\n    hint: write an end after the start, or leave `until:` out for a freeze until further notice"]
    assert errors(tmp_path, freeze("2027-01-12 09:40", "2027-01-13", '" "', "[x]")) == [
        "calendar.yaml:11:13: error: found only spaces, expected text\n"
        "    hint: say why: the reason shows on every withheld item"]
    # `reason:` and nothing after it, the likelier slip on a phone, gets the same hint.
    assert errors(tmp_path, freeze("2027-01-12 09:40", "2027-01-13", "", "[x]")) == [
        "calendar.yaml:11:12: error: found nothing, expected text\n"
        "    hint: say why: the reason shows on every withheld item"]
    # A key date's id mistyped is still one.
    typo = errors(tmp_path, BASE + "key_dates:\n  - {id: salon, name: Salon, on: 2027-02-01}\n"
                  "freeze:\n  - {from: salom, reason: Crise}\n")
    assert typo == ["calendar.yaml:11:12: error: unknown key date 'salom'\n    hint: did you mean 'salon'?"]


def test_a_freeze_over_a_holiday_written_in_words_is_told_to_write_its_days(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """A studio closed over the holidays, `from: Christmas Eve`, `until: Boxing Day`, was told that
    calendar.yaml holds no "now" (`from: 2026-12-07 06:40` "for now") and to leave `until:` out for a freeze
    until further notice: hints for a crisis, not for a day named in words."""
    monkeypatch.setenv("EDCAL_NOW", "2026-12-07T11:40:00+01:00")
    freeze = BASE + "freeze:\n  - from: Christmas Eve\n    until: Boxing Day\n    reason: Studio closed\n"
    assert errors(tmp_path, freeze) == [
        "calendar.yaml:9:11: error: found 'Christmas Eve', expected the day the freeze starts, a date (and a "
        "time if need be)\n"
        "    hint: a day's name is no date: write the day as today is written, `from: 2026-12-07` (a time after "
        "it for a moment of the day, `2026-12-07 18:00`), or the id of a day under `key_dates:`",
        "calendar.yaml:10:12: error: found 'Boxing Day', expected the day the freeze ends\n"
        "    hint: a day's name is no date: write the last day as today is written, `until: 2026-12-07` (the day "
        "included), or the id of a day under `key_dates:`; leave `until:` out for a freeze until further notice"]
    # "Now" in other words than "maintenant" is still told the moment to write.
    now = errors(tmp_path, BASE + "freeze:\n  - {from: right now, reason: Crise}\n")
    assert now == [
        "calendar.yaml:9:12: error: found 'right now', expected the moment the freeze starts, a date and a time\n"
        "    hint: calendar.yaml holds no \"now\", which would move at every build: write the moment, "
        "`from: 2026-12-07 11:40` for now"]



def test_a_freeze_until_now_or_today_is_told_the_day_not_a_days_name(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """`until: aujourd'hui` (or now, ASAP) was told "a day's name is no date": it names no day, it names today,
    which calendar.yaml cannot hold (it would move at every build)."""
    monkeypatch.setenv("EDCAL_NOW", "2026-12-07T11:40:00+01:00")
    for word in ("aujourd'hui", "now", "ASAP"):
        found = errors(tmp_path, BASE + f'freeze:\n  - {{from: 2026-12-01, until: "{word}", reason: Crise}}\n')
        assert [line.split("error: ", 1)[1] for line in found] == [
            f"found '{word}', expected the day the freeze ends\n"
            "    hint: calendar.yaml holds no \"now\", which would move at every build: write the last day, "
            "`until: 2026-12-07` for today (the day included)"], word

def test_calendar_d_files_add_entries_and_collisions_are_reported(tmp_path: Path) -> None:
    extra = {"rh.yaml": "team:\n  - {id: sophie, name: Sophie}\n  - {id: camille, name: Autre}\n"}
    messages = errors(tmp_path, BASE, extra)
    assert messages == [
        "calendar.d/rh.yaml:3:5: error: person 'camille' is defined twice (first at calendar.yaml:4)\n"
        "    hint: keep one of them, or rename one"
    ]
    calendar = load(tmp_path, BASE, {"rh.yaml": "team:\n  - {id: sophie, name: Sophie}\n"})
    assert set(calendar.team) == {"camille", "sophie"}
    assert calendar.files == ("calendar.yaml", "calendar.d/rh.yaml")


def test_calendar_d_files_that_would_not_be_read_are_errors(tmp_path: Path) -> None:
    """A web editor's file without extension, or `.YAML`: its posts were missing without a word."""
    post = "posts:\n  - {id: r, networks: [x], at: 2027-03-03 10:00, text: Hop}\n"
    extra = {"recrutement": post, "salon.YAML": post, "ete.yaml.txt": post, "notes.md": "Nos notes",
             "README": "À lire", "ok.yml": "ideas:\n  - {title: Lu}\n", "ok.yml~": post, "#ok.yml#": post,
             "ok.yml.orig": post, "Thumbs.db": "\x00", "notes.txt": "Des notes", "._ok.yml": "\x00\x05",
             ".#ok.yml": post}
    messages = errors(tmp_path, BASE, extra)
    assert messages == [
        "calendar.d/ete.yaml.txt:1:1: error: found calendar.d/ete.yaml.txt, which is not read: calendar.d/ reads "
        "files named *.yaml\n    hint: rename it ete.yaml",
        "calendar.d/recrutement:1:1: error: found calendar.d/recrutement, which is not read: calendar.d/ reads "
        "files named *.yaml\n    hint: rename it recrutement.yaml",
        "calendar.d/salon.YAML:1:1: error: found calendar.d/salon.YAML, which is not read: calendar.d/ reads "
        "files named *.yaml\n    hint: rename it salon.yaml"]


def test_site_wide_settings_belong_to_calendar_yaml(tmp_path: Path) -> None:
    messages = errors(tmp_path, BASE, {"other.yaml": "timezone: UTC\n"})
    assert messages[0].startswith("calendar.d/other.yaml:1:1: error: 'timezone' can only be set in calendar.yaml")


def test_yaml_1_1_traps_do_not_happen(tmp_path: Path) -> None:
    calendar = load(tmp_path, BASE + "slots:\n  midi: 12:30\ncountry: NO\n")
    assert str(calendar.slots["midi"]) == "12:30:00"
    assert calendar.country == "NO"


def test_all_errors_of_a_file_at_once(tmp_path: Path) -> None:
    text = BASE + "posts:\n  - {at: 2027-02-30, networks: [x], text: a}\n  - {at: 2027-01-12, networks: [linkdin], text: b}\n"
    assert len(errors(tmp_path, text)) == 2


def test_an_entry_with_a_misspelt_field_does_not_hide_the_other_entries_errors(tmp_path: Path) -> None:
    """Seven slips, seven errors in one run: a field's error used to stop before the dates and the
    networks were read, and the writer fixed one slip a run."""
    text = BASE + ("posts:\n"
                   "  - {at: 2027-13-02 10:00, networks: [x], text: a}\n"
                   "  - {at: 2027-01-12, networks: [linkdin], text: b}\n"
                   "  - {at: 2027-01-13, networks: [x], txt: c}\n"
                   "ideas:\n"
                   "  - {title: Idée, owner: camile}\n"
                   "  - {titel: Autre idée}\n"
                   "freeze:\n"
                   "  - {from: 2027-02-01, untill: 2027-02-02}\n")
    assert [message.split(" error: ")[0] for message in errors(tmp_path, text)] == [
        "calendar.yaml:9:10:", "calendar.yaml:10:33:", "calendar.yaml:11:37:",  # month 13, network, field
        "calendar.yaml:13:26:", "calendar.yaml:14:6:",  # person, field
        "calendar.yaml:16:5:", "calendar.yaml:16:24:"]  # no reason, field
    # An entry other entries refer to is not left out: its error alone is told, not the false
    # "unknown campaign" of every post of it.
    text = BASE + ("campaigns:\n  - {id: salon, name: Salon, form: 2027-01-01}\n"
                   "posts:\n  - {at: 2027-01-12, networks: [x], text: a, campaign: salon}\n")
    assert [message.split(" error: ")[1].split("\n")[0] for message in errors(tmp_path, text)] == [
        "missing required field 'until' in campaigns entry 'salon'",
        "unknown field 'form' in campaigns entry 'salon'"]


def test_the_blog_is_not_a_network_id(tmp_path: Path) -> None:
    found = errors(tmp_path, "version: 1\ntimezone: Europe/Paris\nnetworks:\n  blog: {custom: true, limit: 500}\n")
    assert found[0].startswith("calendar.yaml:4:3: error: found network 'blog', a name edcal keeps")


def test_an_unknown_country_or_subdivision_is_located_with_a_suggestion(tmp_path: Path) -> None:
    country = errors(tmp_path, BASE + "country: FX\n")
    assert len(country) == 1
    assert "error: found country 'FX', expected an ISO 3166 code known to the holidays library" in country[0]
    assert "hint: e.g. FR, BE, CH, CA" in country[0]
    assert "did you mean 'FR'?" in errors(tmp_path, BASE + "country: FRX\n")[0]
    subdivision = errors(tmp_path, BASE + "country: FR\nsubdivision: '9741'\n")
    assert len(subdivision) == 1
    assert "error: found subdivision '9741', expected one of FR's" in subdivision[0]
    assert "did you mean '974'?" in subdivision[0]
    assert load(tmp_path, BASE + "country: fr\nsubdivision: '974'\n").country == "FR"


def test_a_text_written_as_key_and_value_gets_the_quoting_hint(tmp_path: Path) -> None:
    """`- Salon: J-7` is a one-entry mapping to YAML; the hint says to quote it."""
    found = errors(tmp_path, BASE + "posts:\n  - id: a\n    at: 2027-01-12 09:00\n    networks: [x]\n"
                                    "    texts:\n      - Salon: J-7\n    repeat: {every: week, from: 2027-01-12, count: 2}\n")
    assert any('found a mapping, expected text\n    hint: a text containing \': \' must be quoted, e.g. "Salon: J-7"'
               in error for error in found), found



@pytest.mark.parametrize(("post", "expected"), [
    ("text: ''", "calendar.yaml:12:11: error: found nothing, expected text\n    hint: write the post's words, or leave `text:` out"),
    ("text: '   '", "calendar.yaml:12:11: error: found only spaces, expected text"),
    ("text: T\n    variants:\n      x: {text: ''}", "calendar.yaml:14:17: error: found nothing, expected text"),
    ("texts: [T, '']\n    repeat: {every: week, from: 2027-01-12, count: 2}",
     "calendar.yaml:11:16: error: found nothing, expected text\n    hint: write the post's words, or remove the empty item"),
    ("texts: []\n    repeat: {every: week, from: 2027-01-12, count: 2}",
     "calendar.yaml:11:12: error: found an empty list, expected at least one text"),
])
def test_an_empty_text_is_an_error_not_an_empty_post(tmp_path: Path, post: str, expected: str) -> None:
    """`text: ''` planned a post of nothing, and `texts: [A, '']` an empty post every other week, without a word;
    a variant's `text: ''` was replaced by the entry's."""
    entry = "posts:\n  - id: a\n    networks: [x]\n" + ("" if "repeat" in post else "    at: 2027-01-12 09:00\n")
    found = errors(tmp_path, BASE + entry + "    " + post + "\n")
    assert any(expected in error for error in found), found


SLIPS = [
    # (calendar.yaml after BASE, the error's first line ends with, its hint)
    ("posts:\n  - {id: a, networks: [x], text: T, at: 02/03/2027 10:00}\n",
     "expected a date, YYYY-MM-DD, or a date and time, YYYY-MM-DD HH:MM (e.g. 2027-01-12 or 2027-01-12 09:00)",
     "dates are written year first: 2027-03-02 10:00 if the day comes first, 2027-02-03 10:00 if the month does"),
    ("posts:\n  - {id: a, networks: [x], text: T, at: 12/22/2026}\n",  # an American writer's date
     "expected a date, YYYY-MM-DD, or a date and time, YYYY-MM-DD HH:MM (e.g. 2027-01-12 or 2027-01-12 09:00)",
     "dates are written year first: 2026-12-22"),
    # Day first with dashes, as a French writer types it into a web form: it had no hint at all.
    ("posts:\n  - {id: a, networks: [x], text: T, at: 15-03-2027 09:00}\n",
     "expected a date, YYYY-MM-DD, or a date and time, YYYY-MM-DD HH:MM (e.g. 2027-01-12 or 2027-01-12 09:00)",
     "dates are written year first: 2027-03-15 09:00"),
    ("posts:\n  - {id: a, networks: [x], text: T, at: 2026-12-22 9pm}\n",
     "found '2026-12-22 9pm', expected YYYY-MM-DD HH:MM (e.g. 2027-01-12 09:00)",
     "times are written on the 24-hour clock: 2026-12-22 21:00"),
    ("  bluesky: {slots: [tue,thu 17:00]}\n",  # under BASE's networks:
     "found 'tue', expected weekdays and a time, e.g. 'tue 09:00' or 'mon-fri 08:30'",
     'a slot needs a time after its weekdays; in a [ … ] list a comma separates slots, so quote a slot on several '
     'days: ["tue,thu 17:00"]'),
    ("  bluesky: {slots: [weekdays midi]}\n",
     "found 'midi' in a network's slot, expected a time as HH:MM (e.g. 12:15): a network's slots take times, not "
     "the site's named slots", None),
    ("campaigns:\n  - {id: c, name: C, from: 2027-01-01, until: 2027-02-01, objective: {text: T, measured: 2027-01-04}}\n",
     "found `measured:` without `current:`, expected the figure measured that day, e.g. current: 1180", None),
    ("campaigns:\n  - {id: c, name: C, from: 2027-01-01, until: 2027-02-01, objective: {text: T, current: -5}}\n",
     "found '-5', expected a number of at least 0", None),
    ("campaigns:\n  - {id: c, name: C, from: 2027-01-01, until: 2027-02-01, objective: {text: T, target: -5}}\n",
     "calendar.yaml:9:88: error: found '-5', expected a target of 0 or more (the figure to reach)",
     "write the figure to reach, without a minus sign, e.g. `target: 1500` with `unit: followers`: edcal compares "
     "`current:` with it; an objective of lowering a figure is said in its `text:`, without `target:`"),
    ("  mastodon: {cadence: toutes les deux semaines}\n",  # under BASE's networks:
     "calendar.yaml:8:23: error: found 'toutes les deux semaines', expected a count per day, week or month",
     "a cadence counts posts per day, week or month, not the time between them: for every two weeks, write "
     "'2/month'"),
    ("default_time: 9 heures\n",  # a time in words is no slot: no word about slots
     "found '9 heures', expected a time as HH:MM (e.g. 09:30)", None),
    ("posts:\n  - {id: a, networks: [x], text: T, at: 2027-3-2}\n",
     "expected a date, YYYY-MM-DD, or a date and time, YYYY-MM-DD HH:MM (e.g. 2027-01-12 or 2027-01-12 09:00)",
     "write months and days with two digits: 2027-03-02"),
    ("posts:\n  - {id: a, networks: [x], text: T, at: 2027-03-02\u00a010:00}\n",
     "expected a date, YYYY-MM-DD, or a date and time, YYYY-MM-DD HH:MM (e.g. 2027-01-12 or 2027-01-12 09:00)",
     "it contains a no-break space (U+00A0) at character 11, which looks like a space or like nothing: retype "
     "it as a plain space, or delete it"),
    ("posts:\n  - {id: a, networks: [x], text: T, at: “2027-03-02”}\n",
     "expected a date, YYYY-MM-DD, or a date and time, YYYY-MM-DD HH:MM (e.g. 2027-01-12 or 2027-01-12 09:00)",
     'typographic quotes “…” are part of the text to YAML: write straight quotes "…" or none'),
    ("ideas:\n  - {title: T, owner: camille\u200b}\n", "unknown person 'camille\u200b'",
     "it contains a zero-width space (U+200B) at character 8, which looks like a space or like nothing: retype "
     "it as a plain space, or delete it"),
    # The joiners of an emoji (👩‍👩‍👧) are its own: the hint named the first one, for a control character.
    ('posts:\n  - {id: a, networks: [x], at: 2027-03-02, text: "En famille 👩\u200d👩\u200d👧 \\x85 ok"}\n',
     "found the control character U+0085 in text, expected printable text", None),
    ('ideas:\n  - {title: T, owner: "👍\u200dcamille"}\n', "unknown person '👍\u200dcamille'",
     "it contains a zero-width joiner (U+200D) at character 2, which looks like a space or like nothing: retype "
     "it as a plain space, or delete it"),
    ("ideas:\n  - {title: T, draft_due: 2027-03-20 18:00}\n",
     "expected a date as YYYY-MM-DD (e.g. 2027-01-12)", "this is a whole day, without a time: 2027-03-20"),
    ("posts:\n  - {id: a, networks: [x], text: T, at: 2027-03-02, status: brouillon}\n",
     "found 'brouillon', expected one of: draft, review, scheduled", "did you mean 'draft'?"),
    ("ideas:\n  - {title: T, status: en cours}\n",
     "found 'en cours', expected one of: idea, writing, review", "did you mean 'writing'?"),
    ("posts:\n  - id: a\n    networks: [x]\n    text: T\n    title: “Salon : J-7”\n    at: 2027-03-02\n",
     "found ': ' inside the value of 'title', which YAML reads as a second key; expected the value between "
     "straight quotes",
     'typographic quotes “ ” are not quotes to YAML: write straight quotes, e.g. title: "Salon : J-7"'),
    ("posts:\n  - id: a\n    networks: [x]\n    text: @malik vous attend\n    at: 2027-03-02\n",
     "found '@' at the start of a value, a character YAML keeps for itself; expected the value between quotes",
     'a value starting with @ must be quoted, e.g. text: "@malik vous attend"'),
    ("posts:\n  - id: a\n\u00a0\u00a0\u00a0\u00a0networks: [x]\n    text: T\n    at: 2027-03-02\n",
     "calendar.yaml:10:1: error: found a no-break space (U+00A0) where YAML reads the file's structure; expected a "
     "plain space",
     "this line has a no-break space (U+00A0) at column 1, which YAML does not take as a space: retype it as a "
     "plain space"),
    # Pasted from a web page: the parser stops at the next key, lines below, whose indentation is right.
    ("blog:\n \u00a0cadence: 2/month\n  # Each article is promoted so\n  promote:\n    networks: [x]\n",
     "calendar.yaml:9:2: error: found a no-break space (U+00A0) where YAML reads the file's structure; expected a "
     "plain space",
     "this line has a no-break space (U+00A0) at column 2, which YAML does not take as a space: retype it as a "
     "plain space"),
    ("campaigns:\n  - {id: c, name: C, from: 2027-01-01, until: 2027-02-01, hashtags: [“#Salon”]}\n",
     "found hashtag '“#Salon”', expected # then letters, digits or _ (networks end a hashtag at a space, a dash "
     "or punctuation), e.g. '#Salon'",
     'typographic quotes “…” are part of the text to YAML: write straight quotes "…" or none'),
    ("campaigns:\n  - {id: c, name: C, from: 2027-01-01, until: 2027-02-01, hashtags: ['#Salon,#Lyon']}\n",
     "expected # then letters, digits or _ (networks end a hashtag at a space, a dash or punctuation), one per "
     'item: ["#Salon", "#Lyon"]', None),
    ("campaigns:\n  - {id: c, name: C, from: 2027-01-01, until: 2027-02-01, hashtags: ['#2027']}\n",
     "found hashtag '#2027', which has no letter: networks do not link a hashtag made of digits only", None),
    ("campaigns:\n  - {id: c, name: C, from: 2027-01-01, until: 2027-02-01, hashtags: ['#Fait-Main']}\n",
     "(networks end a hashtag at a space, a dash or punctuation), e.g. '#FaitMain'", None),
    ("posts:\n  - {id: a, networks: [x], text: T, repeat: {every: month, on: [15, 31], from: 2027-03-01}}\n",
     "found day 31 of the month, which February (and April, June… for 31) does not have; those months would get "
     "no post", "write `last` (or -1) for the last day of every month (-2 the day before), or an earlier day; "
     "`rrule:` says it otherwise if skipping is what you mean"),
    ("posts:\n  - {id: a, networks: [x], text: T, repeat: {every: week, on: thrusday, from: 2027-03-01}}\n",
     "sat, sun); did you mean 'thursday'?", None),
    # An accented letter is a lowercase letter to a French writer: the id meant is given.
    ("posts:\n  - {id: chantier-rezé, networks: [x], text: T, at: 2027-03-02}\n",
     "found id 'chantier-rezé', which is not a valid id",
     "did you mean 'chantier-reze'? ids use lowercase letters without accents (a-z), digits and dashes"),
]


SLIPS += [
    # Dates as web editors and people write them.
    ("posts:\n  - {id: a, networks: [x], text: T, at: 2027/03/02}\n",
     "expected a date, YYYY-MM-DD, or a date and time, YYYY-MM-DD HH:MM (e.g. 2027-01-12 or 2027-01-12 09:00)",
     "dates are written with dashes: 2027-03-02"),
    ("posts:\n  - {id: a, networks: [x], text: T, at: 2027-03-02 09}\n",
     "found '2027-03-02 09', expected YYYY-MM-DD HH:MM (e.g. 2027-01-12 09:00)", "times are written HH:MM: 2027-03-02 09:00"),
    ("posts:\n  - {id: a, networks: [x], text: T, at: mardi 2 mars 2027 9h}\n",
     "expected a date, YYYY-MM-DD, or a date and time, YYYY-MM-DD HH:MM (e.g. 2027-01-12 or 2027-01-12 09:00)",
     "dates are written with digits, year first: 2027-03-02 09:00"),
    ("posts:\n  - {id: a, networks: [x], text: T, at: 18 décembre 2027 à 11h40}\n",
     "expected a date, YYYY-MM-DD, or a date and time, YYYY-MM-DD HH:MM (e.g. 2027-01-12 or 2027-01-12 09:00)",
     "dates are written with digits, year first: 2027-12-18 11:40"),
    ("posts:\n  - {id: a, networks: [x], text: T, at: 18 décembre 2027 en fin de matinée}\n",
     "expected a date, YYYY-MM-DD, or a date and time, YYYY-MM-DD HH:MM (e.g. 2027-01-12 or 2027-01-12 09:00)",
     "dates are written with digits, year first: 2027-12-18, then the time as HH:MM"),
    # Without its year: the coming one is offered ("now" is 2027-02-15 in the tests).
    ("posts:\n  - {id: a, networks: [x], text: T, at: 19 mars}\n",
     "expected a date, YYYY-MM-DD, or a date and time, YYYY-MM-DD HH:MM (e.g. 2027-01-12 or 2027-01-12 09:00)",
     "dates are written with digits, year first, and with their year: 2027-03-19"),
    ("posts:\n  - {id: a, networks: [x], text: T, at: 12 janvier 10h}\n",
     "expected a date, YYYY-MM-DD, or a date and time, YYYY-MM-DD HH:MM (e.g. 2027-01-12 or 2027-01-12 09:00)",
     "dates are written with digits, year first, and with their year: 2028-01-12 10:00"),
    # With its weekday, in the coming year the day is on that weekday (2027-05-15 is a Saturday).
    ("posts:\n  - {id: a, networks: [x], text: T, at: lundi 15 mai}\n",
     "expected a date, YYYY-MM-DD, or a date and time, YYYY-MM-DD HH:MM (e.g. 2027-01-12 or 2027-01-12 09:00)",
     "dates are written with digits, year first, and with their year: 2028-05-15"),
    ("posts:\n  - {id: a, networks: [x], text: T, at: \"Thu, 16 March\"}\n",
     "expected a date, YYYY-MM-DD, or a date and time, YYYY-MM-DD HH:MM (e.g. 2027-01-12 or 2027-01-12 09:00)",
     "dates are written with digits, year first, and with their year: 2028-03-16"),
    # The month first, as Outlook and Google Calendar write it in English, weekday and all.
    ("posts:\n  - {id: a, networks: [x], text: T, at: \"Thursday, March 16\"}\n",
     "expected a date, YYYY-MM-DD, or a date and time, YYYY-MM-DD HH:MM (e.g. 2027-01-12 or 2027-01-12 09:00)",
     "dates are written with digits, year first, and with their year: 2028-03-16"),
    ("posts:\n  - {id: a, networks: [x], text: T, at: \"Thu, Mar 16, 2028 10:00\"}\n",
     "expected a date, YYYY-MM-DD, or a date and time, YYYY-MM-DD HH:MM (e.g. 2027-01-12 or 2027-01-12 09:00)",
     "dates are written with digits, year first: 2028-03-16 10:00"),
    # A day the coming year lacks is offered in the year that has it; a day no month has, not at all.
    ("posts:\n  - {id: a, networks: [x], text: T, at: 29 février}\n",
     "expected a date, YYYY-MM-DD, or a date and time, YYYY-MM-DD HH:MM (e.g. 2027-01-12 or 2027-01-12 09:00)",
     "dates are written with digits, year first, and with their year: 2028-02-29"),
    ("posts:\n  - {id: a, networks: [x], text: T, at: 31 avril}\n",
     "expected a date, YYYY-MM-DD, or a date and time, YYYY-MM-DD HH:MM (e.g. 2027-01-12 or 2027-01-12 09:00)", None),
    ("posts:\n  - {id: a, networks: [x], text: T, at: 31 avril 2027}\n",
     "expected a date, YYYY-MM-DD, or a date and time, YYYY-MM-DD HH:MM (e.g. 2027-01-12 or 2027-01-12 09:00)", None),
    ("posts:\n  - {id: a, networks: [x], text: T, at: 2027-03-02, campaign: Salon 12 mars 2027}\n",  # no date hint
     "unknown campaign 'Salon 12 mars 2027'", "add it under `campaigns:`"),
    ("posts:\n  - {id: a, networks: [x], text: T, at: 2027-03-02, status: \"draft\u200b\"}\n",
     "found 'draft\u200b', expected one of: draft, review, scheduled",
     "it contains a zero-width space (U+200B) at character 6, which looks like a space or like nothing: retype "
     "it as a plain space, or delete it"),
]


SLIPS += [
    # Empty values and block values get no hint about quotes they do not have.
    ("posts:\n  - {id: a, networks: [x], text: T, at: ''}\n",
     "`at:` is empty, expected when the post goes out", "e.g. at: 2027-01-12 09:00"),
    ("posts:\n  - {id: a, networks: [x], text: T, repeat: {every: week, from: ''}}\n",
     "expected a date, YYYY-MM-DD, or a date and time, YYYY-MM-DD HH:MM (e.g. 2027-01-12 or 2027-01-12 09:00)", None),
    ("posts:\n  - id: a\n    text: Bonjour\n     networks:\n      - x\n",
     "found a line indented out of line with the lines around it; expected the lines of one level one under the other",
     "this line is indented 5 spaces and line 10 above it 4 spaces: the keys of one mapping line up, one under the other"),
    # Which line is off, when the parser stops on another: a key pushed to the margin among its siblings,
    # a block's first key as far left as the key that opens the block, a key indented less than its siblings.
    ("campaigns:\n  - id: c\n    name: C\ncolor: red\n    until: 2027-02-01\n",
     "found a line indented out of line with the lines around it; expected the lines of one level one under the other",
     "this line is indented 0 spaces and the lines around it 4 spaces: the keys of one mapping line up, one under the other"),
    ("networks:\nlinkedin:\n    cadence: 2/week\n  x: {}\n",
     "found a line indented out of line with the lines around it; expected the lines of one level one under the other",
     "this line is indented 0 spaces, as much as line 8 whose block it starts: indent it as that block's lines "
     "(2 spaces, as line 11)"),
    ("campaigns:\n  - id: c\n    name: C\n  until: 2027-02-01\n",
     "found a line indented out of line with the lines around it; expected the lines of one level one under the other",
     "this line is indented 2 spaces and line 10 above it 4 spaces: the keys of one mapping line up, one under the other"),
]


SLIPS += [
    # "did you mean 'week'?" gave weekly posts to a writer who wanted them every other week.
    ("posts:\n  - {id: a, networks: [x], text: T, repeat: {every: 2 weeks, on: fri, from: 2027-01-01}}\n",
     "found '2 weeks', expected one of: day, week, month", "write every: week and interval: 2 (every 2 weeks)"),
    ("posts:\n  - {id: a, networks: [x], text: T, repeat: {every: 1 week, on: fri, from: 2027-01-01}}\n",
     "found '1 week', expected one of: day, week, month", "write every: week"),
    # A missing field says what it is for (the schema's description), as docs/calendar.md does.
    ("freeze:\n  - {from: 2027-01-01, until: 2027-01-02}\n", "missing required field 'reason' in freeze entry 1",
     "add reason: (why: shown on every withheld item)"),
    # A US date with a 12-hour time: both fixed in one hint (fixing the date alone gave a second error).
    ("posts:\n  - {id: a, networks: [x], text: T, at: 03/15/2027 4:00 PM}\n",
     "(e.g. 2027-01-12 or 2027-01-12 09:00)", "dates are written year first: 2027-03-15 16:00"),
]


def test_a_block_whose_lines_are_not_indented_under_it_names_the_line_that_is_off(tmp_path: Path) -> None:
    """`instagram:` then `text: …` at the same indentation: two errors, "found nothing, expected a mapping",
    and no word of indentation (docs/calendar.md promises one)."""
    hint = ("    hint: line 14 ('text:') is indented 6 spaces, as much as 'instagram:' on line 13, which has no value: "
            "indent the lines meant inside 'instagram:' deeper (8 spaces, as in `instagram:` then `  text: …`)")
    variants = errors(tmp_path, BASE + "posts:\n  - id: a\n    at: 2027-01-12 09:00\n    networks: [x]\n"
                                       "    variants:\n      instagram:\n      text: Salut\n")
    assert variants == ["calendar.yaml:13:17: error: found nothing, expected a mapping (key: value lines)\n" + hint,
                        "calendar.yaml:14:13: error: found 'Salut', expected a mapping (key: value lines)\n" + hint]
    # A field of its own (a model, not a mapping of networks), which may be left empty: the key below is
    # unknown where it is.
    repeat = errors(tmp_path, BASE + "posts:\n  - id: a\n    at: 2027-01-12 09:00\n    networks: [x]\n    text: T\n"
                                     "    repeat:\n    every: week\n")
    assert repeat[0].startswith("calendar.yaml:14:5: error: unknown field 'every' in posts entry 'a'\n"
                                "    hint: line 14 ('every:') is indented 4 spaces, as much as 'repeat:' on line 13"), repeat
    # A key left empty above a sibling that is right where it is gets no such hint.
    alone = errors(tmp_path, BASE + "posts:\n  - id: a\n    at: 2027-01-12 09:00\n    networks: [x]\n    text: T\n"
                                    "    variants:\n      instagram:\n      x: {text: Salut}\n")
    assert alone == ["calendar.yaml:14:17: error: found nothing, expected a mapping (key: value lines)"], alone


def test_a_no_break_space_in_a_post_s_text_is_not_blamed_for_the_line_that_stops_the_parser(tmp_path: Path) -> None:
    """A French text keeps its no-break spaces (`voir\u00a0!`); a calendar edited in GitHub's web editor, a
    tab for the text's indentation or a key indented off below it, was told at the no-break space's column
    to retype it as a plain space, and not what was wrong."""
    entry = "posts:\n  - id: a\n    at: 2027-01-12 09:00\n    networks: [x]\n    text: |\n"
    tab = errors(tmp_path, BASE + entry + "\tVenez nous voir\u00a0! L'atelier ouvre.\n")
    assert tab == ["calendar.yaml:13:1: error: found a tab in this line's indentation; expected spaces\n"
                   "    hint: indent with spaces, not tabs"], tab
    off = errors(tmp_path, BASE + entry + "      Venez nous voir\u00a0!\n   owner: camille\n")
    assert off[0].startswith("calendar.yaml:14:4: error: found a line indented out of line"), off
    assert "this line is indented 3 spaces" in off[0] and "no-break" not in off[0], off
    # Where YAML reads structure, the look-alike space is still the one named.
    glued = errors(tmp_path, BASE + "posts:\n  - id: a\n    at:\u00a02027-01-12 09:00\n    networks: [x]\n")
    assert "a no-break space (U+00A0) at column 8" in glued[0], glued


def test_a_yes_in_french_where_true_or_false_is_expected_is_told(tmp_path: Path) -> None:
    messages = errors(tmp_path, BASE + "  intranet: {custom: oui, name: Le Fil, limit: 5000}\n")
    assert messages == ["calendar.yaml:8:22: error: found 'oui', expected true or false\n"
                        "    hint: write true or false (oui/non are not understood)"]


def test_a_slot_on_12_hours_is_given_as_written_on_24(tmp_path: Path) -> None:
    """The message names the time alone ('9am'); the hint gives the slot to write."""
    first = errors(tmp_path, BASE.replace("slots: [tue 09:00]", "slots: [tuesday 9am]"))[0].splitlines()
    assert first[0].endswith("found '9am', expected a time as HH:MM (e.g. 09:30)")
    assert first[1] == "    hint: times are written on the 24-hour clock: tuesday 09:00"


@pytest.mark.parametrize(("zone", "message", "hint"), [
    ("CST", "expected an IANA name like 'Europe/Paris'",
     "'CST' is an abbreviation; write the place's zone, e.g. 'America/Chicago' (its clock changes when the "
     "place's does)"),
    ("Europe/Pari", "expected an IANA name like 'Europe/Paris'", "did you mean 'Europe/Paris'?"),
    # A valid IANA name, but -05:00 all year: a New York site's posts an hour off all summer, silently.
    ("EST", "a fixed offset without summer time, expected a place's IANA name like 'Europe/Paris'",
     "'EST' is an abbreviation; write the place's zone, e.g. 'America/New_York' (its clock changes when the "
     "place's does)"),
    # GMT is London's and Dublin's clock in winter only: a 09:00 slot went out at 10:00 there all summer.
    ("GMT", "a fixed offset without summer time, expected a place's IANA name like 'Europe/Paris'",
     "'GMT' has no summer time; write the place's zone: 'Europe/London' (United Kingdom), "
     "'Europe/Dublin' (Ireland) or 'Europe/Lisbon' (Portugal), or 'UTC' for the same offset all year"),
    ("Greenwich", "a fixed offset without summer time, expected a place's IANA name like 'Europe/Paris'",
     "'Greenwich' has no summer time; write the place's zone: 'Europe/London' (United Kingdom), "
     "'Europe/Dublin' (Ireland) or 'Europe/Lisbon' (Portugal), or 'UTC' for the same offset all year"),
    ("BST", "expected an IANA name like 'Europe/Paris'",
     "'BST' is an abbreviation; write the place's zone, e.g. 'Europe/London' (its clock changes when the "
     "place's does)"),
    ("CEST", "expected an IANA name like 'Europe/Paris'",
     "'CEST' is an abbreviation; write the place's zone, e.g. 'Europe/Paris' (its clock changes when the "
     "place's does)"),
])
def test_a_zone_abbreviation_gets_the_zone_it_stands_for(tmp_path: Path, zone: str, message: str, hint: str) -> None:
    """`timezone: CST` was told "did you mean 'UCT'?": UTC, six hours off for Chicago."""
    first = errors(tmp_path, BASE.replace("Europe/Paris", zone))[0].splitlines()
    assert first[0].endswith(f"found time zone '{zone}', {message}")
    assert first[1] == f"    hint: {hint}"


def test_a_networks_zone_country_and_region_are_read_as_the_sites(empty_site: Any) -> None:
    """An account's `timezone:`, `country:` and `subdivision:` (networks.<id>) are told where they are written,
    with what was meant, as the site's are; `edcal check` stops with exit 2."""
    site = empty_site(PARIS_CALENDAR + "  linkedin-qc: {like: linkedin, name: LinkedIn Québec, timezone: "
                      "Amerika/Montreal,\n                country: Canada, subdivision: QC}\n"
                      "  linkedin-be: {like: linkedin, name: LinkedIn Belgique, timezone: CST, country: BE, "
                      "subdivision: XX}\n  bluesky: {subdivision: QC}\n")
    result = run_edcal("check", cwd=site)
    assert result.returncode == 2, result.stderr
    assert result.stderr.splitlines()[:10] == [
        "calendar.yaml:9:66: error: found time zone 'Amerika/Montreal', expected an IANA name like 'Europe/Paris'",
        "    hint: did you mean 'America/Montreal'?",
        "calendar.yaml:10:26: error: found country 'Canada', expected an ISO 3166 code known to the holidays library",
        "    hint: write its code: country: CA",
        "calendar.yaml:11:68: error: found time zone 'CST', expected an IANA name like 'Europe/Paris'",
        "    hint: 'CST' is an abbreviation; write the place's zone, e.g. 'America/Chicago' (its clock changes when "
        "the place's does)",
        "calendar.yaml:11:99: error: found subdivision 'XX', expected one of BE's",
        "    hint: Flemish, French, German",
        "calendar.yaml:12:13: error: `subdivision` needs `country`",
        "    hint: add `country:` to bluesky, or to the site",
    ], result.stderr


@pytest.mark.parametrize("zone", ["UTC", "Etc/UTC", "Etc/GMT", "CET", "WET"])
def test_a_zone_that_keeps_its_clock_on_purpose_or_changes_it_in_summer_is_taken(zone: str) -> None:
    """UTC is a team's choice; CET and WET are IANA zones with the European summer time (CEST, WEST)."""
    from helpers import calendar_from

    assert calendar_from(BASE.replace("Europe/Paris", zone)).timezone == zone


def test_a_network_written_without_settings_is_told_how_to_write_none(tmp_path: Path) -> None:
    """`bluesky:` alone said "expected a mapping" and no more: `bluesky: {}` was not to be guessed."""
    found = errors(tmp_path, BASE + "  bluesky:\n")[0].splitlines()
    assert found == ["calendar.yaml:8:11: error: found nothing, expected a mapping (key: value lines)",
                     "    hint: write `bluesky: {}` to leave all its settings to their defaults, or put them on the "
                     "lines below it, indented by two more spaces"]
    from helpers import calendar_from

    assert "bluesky" in calendar_from(BASE + "  bluesky: {}\n").networks


@pytest.mark.parametrize(("text", "message", "hint"), SLIPS)
def test_common_slips_get_a_hint_that_says_what_to_type(tmp_path: Path, text: str, message: str,
                                                        hint: str | None) -> None:
    first = errors(tmp_path, BASE + text)[0].splitlines()
    assert first[0].endswith(message), first
    assert (first[1] if len(first) > 1 else None) == (f"    hint: {hint}" if hint else None)


@pytest.mark.parametrize(("lang", "written", "meant"), [
    ("fr", "02/03/2027 10:00", "les dates s'écrivent l'année en premier\u00a0: 2027-03-02 10:00"),
    ("fr", "19/03", "les dates s'écrivent en chiffres, l'année en premier, et avec leur année\u00a0: 2027-03-19"),
    ("fr", "02/03 9h", "les dates s'écrivent en chiffres, l'année en premier, et avec leur année\u00a0: "
                       "2027-03-02 9h"),
    ("en-GB", "02/03/2027", "dates are written year first: 2027-03-02"),
    ("en-US", "02/03/2027", "dates are written year first: 2027-02-03"),
    ("en-US", "3/19", "dates are written with digits, year first, and with their year: 2027-03-19"),
    ("en", "02/03/2027", "dates are written year first: 2027-03-02 if the day comes first, 2027-02-03 if the "
                         "month does"),
])
def test_a_team_s_date_is_read_as_its_language_writes_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         lang: str, written: str, meant: str) -> None:
    """In French 02/03 is the 2nd of March, never February 3, and in US English the reverse: the hint gives
    that reading alone (plain English, both), and a day written without its year gets the coming one (now:
    15 February 2027)."""
    from edcal.i18n import speak

    monkeypatch.setenv("EDCAL_LANG", lang)
    speak(None)
    found = errors(tmp_path, BASE + f"posts:\n  - {{id: a, networks: [x], text: T, at: {written}}}\n")
    assert found[0].splitlines()[1] == f"    hint: {meant}"


@pytest.mark.parametrize(("value", "expected"), [
    ("1 180", ["found '1 180', expected a number", "    hint: write the number without a thousands separator: 1180"]),
    ("'12,5'", ["found '12,5', expected a number", "    hint: write the decimal part after a point: 12.5"]),
    ("'1,180'", ["found '1,180', expected a number",
                 "    hint: numbers take no thousands separator and a decimal point: 1180, or 1.18"]),
    ("dix", ["found 'dix', expected a number"]),
    # YAML reads 1.180 as 1.18: a French reader wrote 1180 followers. Both readings are offered.
    ("1.180", ["found '1.180', expected a number with one reading",
               "    hint: numbers take no thousands separator and a decimal point: 1180, or 1.18"]),
    ("'2.500'", ["found '2.500', expected a number with one reading",
                 "    hint: numbers take no thousands separator and a decimal point: 2500, or 2.5"]),
])
def test_a_value_every_branch_of_a_union_refuses_is_one_error(tmp_path: Path, value: str,
                                                              expected: list[str]) -> None:
    """`current:` is a whole number or not: pydantic refused each branch, and each was an error."""
    text = BASE + f"campaigns:\n  - {{id: c, name: C, from: 2027-01-01, until: 2027-02-01, objective: {{text: T, current: {value}}}}}\n"
    found = errors(tmp_path, text)
    assert len(found) == 1, found
    lines = found[0].splitlines()
    assert lines[0].endswith(expected[0]) and lines[1:] == expected[1:], lines


@pytest.mark.parametrize("value", ["1180", "1.18", "0.125", "12.5", "1.1805", "1180.000"])
def test_a_figure_with_one_reading_is_taken(tmp_path: Path, value: str) -> None:
    text = BASE + f"campaigns:\n  - {{id: c, name: C, from: 2027-01-01, until: 2027-02-01, objective: {{text: T, target: {value}}}}}\n"
    assert load(tmp_path, text).campaigns["c"].objective.target == float(value)


def test_a_calendar_d_sub_folder_is_judged_by_what_it_holds(tmp_path: Path) -> None:
    (tmp_path / "calendar.d" / "images").mkdir(parents=True)
    (tmp_path / "calendar.d" / "images" / "a.png").write_bytes(b"png")
    assert load(tmp_path, BASE).files == ("calendar.yaml",)
    (tmp_path / "calendar.d" / "rh").mkdir()
    (tmp_path / "calendar.d" / "rh" / "a.yaml").write_text("ideas:\n  - {title: T}\n", encoding="utf-8")
    assert errors(tmp_path, BASE)[0].startswith("calendar.d/rh:1:1: error: found the folder calendar.d/rh/")


def test_a_monthly_day_29_to_31_is_refused_only_where_a_month_lacks_it(tmp_path: Path) -> None:
    def repeat(rule: str) -> str:
        return BASE + f"posts:\n  - {{id: a, networks: [x], text: T, repeat: {{every: month, {rule}}}}}\n"

    for fine in ("on: 30, from: 2027-03-01, until: 2027-12-31", "on: 31, from: 2027-01-31, count: 2, interval: 2",
                 "on: 29, from: 2028-01-10, until: 2028-03-01",  # 2028 is a leap year
                 "interval: 12, from: 2027-01-31", "interval: 2, on: 31, from: 2027-01-31, count: 4"):
        assert load(tmp_path, repeat(fine)).posts[0].recurrence is not None, fine
    for refused in ("on: 30, from: 2027-01-01, until: 2027-03-31", "on: 31, from: 2027-01-01, count: 3",
                    "on: 29, from: 2027-01-01", "from: 2027-01-31, until: 2027-06-30"):
        assert "found day" in errors(tmp_path, repeat(refused))[0], refused


def test_repeat_periods_take_the_words_writers_use(tmp_path: Path) -> None:
    for every, period in (("semaine", "week"), ("weekly", "week"), ("jours", "day"), ("mois", "month")):
        calendar = load(tmp_path, BASE + f"posts:\n  - {{id: a, networks: [x], text: T, "
                                          f"repeat: {{every: {every}, on: [1], from: 2027-03-01, count: 2}}}}\n"
                        if period == "month" else
                        BASE + f"posts:\n  - {{id: a, networks: [x], text: T, "
                               f"repeat: {{every: {every}, from: 2027-03-01, count: 2}}}}\n")
        assert f"FREQ={ {'day': 'DAILY', 'week': 'WEEKLY', 'month': 'MONTHLY'}[period]}" in \
            calendar.posts[0].recurrence.rrule, every
    assert hashtag_ok(tmp_path)


def hashtag_ok(tmp_path: Path) -> bool:
    calendar = load(tmp_path, BASE + "campaigns:\n  - {id: c, name: C, from: 2027-01-01, until: 2027-02-01, "
                                     "hashtags: ['#Salon', Lyon, '#2027Salon', '#Métallerie', '#Cafe\u0301', "
                                     "'#भारत']}\n")
    return calendar.campaigns["c"].hashtags == ("#Salon", "#Lyon", "#2027Salon", "#Métallerie", "#Café", "#भारत")


def test_a_misspelt_required_field_is_one_error_naming_the_entry(tmp_path: Path) -> None:
    messages = errors(tmp_path, BASE + "ideas:\n  - {titel: Portrait, owner: camille}\n"
                                       "posts:\n  - {id: salon, at: 2027-01-12, networks: [x], txt: Hi}\n")
    assert messages == [
        "calendar.yaml:9:6: error: unknown field 'titel' in ideas entry 1\n    hint: did you mean 'title'?",
        "calendar.yaml:11:48: error: unknown field 'txt' in posts entry 'salon'\n    hint: did you mean 'text'?"]


def test_an_idea_is_named_by_its_title_and_its_date_means_publish(tmp_path: Path) -> None:
    """A user's trial: `date:` on an idea was told "did you mean 'draft_due'?" where the day meant is its
    publication, and the idea, without an id, was "ideas entry 1" where its title says which."""
    messages = errors(tmp_path, BASE + "ideas:\n  - {title: 'Portrait : Gérard, trente ans de serrurerie', "
                                       "date: 2027-02-23}\n")
    assert messages == [
        "calendar.yaml:9:60: error: unknown field 'date' in ideas entry 'Portrait : Gérard, trente ans de "
        "serrurerie'\n    hint: did you mean 'publish'?"]


def test_a_country_written_by_name_is_told_its_code(tmp_path: Path) -> None:
    for name, code in (("France", "FR"), ("Belgique", "BE"), ("switzerland", "CH")):
        messages = errors(tmp_path, BASE.replace("timezone: Europe/Paris\n", f"timezone: Europe/Paris\ncountry: {name}\n"))
        assert messages == [f"calendar.yaml:3:10: error: found country '{name}', expected an ISO 3166 code known to "
                            f"the holidays library\n    hint: write its code: country: {code}"]
    messages = errors(tmp_path, BASE.replace("timezone: Europe/Paris\n", "timezone: Europe/Paris\ncountry: networks\n"))
    assert "found country 'networks'" in messages[0]


def test_a_network_named_by_its_alias_says_which_network_is_missing(tmp_path: Path) -> None:
    messages = errors(tmp_path, BASE.replace("  x: {}\n", "") + "posts:\n  - {at: 2027-01-12, networks: [twitter], text: Hi}\n")
    assert messages[0].startswith("calendar.yaml:8:33: error: network 'twitter' (that is, 'x') is not set up")


def test_a_misspelt_network_key_is_one_error_not_one_per_post(tmp_path: Path) -> None:
    text = BASE.replace("  linkedin:", "  linkdin:") + (
        "blog:\n  promote: {networks: [linkedin]}\n"
        "posts:\n  - {at: 2027-01-12, networks: [linkedin, x], text: Un}\n"
        "  - {at: 2027-01-13, networks: [linkedin], text: Deux}\n")
    messages = errors(tmp_path, text)
    assert len(messages) == 1 and messages[0].startswith("calendar.yaml:6:3: error: unknown network 'linkdin'")
    assert "did you mean 'linkedin'?" in messages[0]


@pytest.mark.parametrize(("repeat", "expected"), [
    ("{rrule: FREQ=MINUTELY, from: 2027-01-01}", "found FREQ=MINUTELY, expected DAILY, WEEKLY, MONTHLY or YEARLY"),
    ("{every: day, from: 2027-01-01, count: 100000000}", "found count 100000000, expected at most 3,660"),
    ("{every: day, from: 2027-01-01, until: 2199-12-31}", "found a rule that gives more than 3,660 posts"),
    ("{rrule: 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30', from: 2027-01-01}", "whose days never exist"),
    # INTERVAL=0 never moves on: every command hung at full CPU (a hostile-input review).
    ("{rrule: 'FREQ=WEEKLY;INTERVAL=0', from: 2027-01-01}", "found INTERVAL=0, expected a whole number from 1"),
    ("{rrule: 'FREQ=DAILY;INTERVAL=0', from: 2027-01-01}", "found INTERVAL=0, expected a whole number from 1"),
    ("{rrule: 'FREQ=DAILY;COUNT=5000', from: 2027-01-01}", "found COUNT=5000, expected 1 to 3,660"),
    ("{rrule: 'FREQ=DAILY;COUNT=0', from: 2027-01-01}", "found COUNT=0, expected 1 to 3,660"),
    # The rule library takes the last INTERVAL: the hang came back behind a first, valid one (a review).
    ("{rrule: 'FREQ=WEEKLY;INTERVAL=1;INTERVAL=0', from: 2027-01-01}", "found INTERVAL=0, expected a whole"),
    ('{rrule: "FREQ=WEEKLY;BYDAY=MO\\nEXDATE:20270118T000000", from: 2027-01-01}',
     "found several lines in `rrule:`, expected the rule alone"),
    ("{rrule: 'FREQ=WEEKLY;UNTIL=20261201', from: 2027-01-01}", "which gives no day from 2027-01-01 to 2026-12-01"),
    ("{rrule: 'FREQ=MONTHLY;BYDAY=5FR;BYSETPOS=7', from: 2027-01-01}",
     "found rule 'FREQ=MONTHLY;BYDAY=5FR;BYSETPOS=7', which gives no day from 2027-01-01 to 2037-01-08"),
    ("{rrule: 'FREQ=MONTHLY;BYMONTHDAY=31;INTERVAL=12', from: 2027-02-01, until: 2030-01-01}",
     "which gives no day from 2027-02-01 to 2030-01-01"),
    # The rule library's own words were Python's: "not enough values to unpack (expected 2, got 1)".
    ("{rrule: hello, from: 2027-01-01}", "found rule 'hello': 'hello' is no NAME=VALUE part"),
    ("{rrule: 'FREQ=WEEKLY;BYDAI=TU', from: 2027-01-01}", "BYDAI is no part of a rule (did you mean BYDAY?)"),
    ("{rrule: 'FREQ=WEEKLY;BYDAY=XX', from: 2027-01-01}", "BYDAY=XX is not a value its part takes"),
    ("{every: week, on: mon, at: '09:00', from: 2027-01-01, count: 99999999999}",
     "found '99999999999', expected a number of at most 1,000,000,000"),  # pydantic's "Input should be…"
])
def test_a_recurrence_that_would_never_end_is_refused_at_once(tmp_path: Path, repeat: str, expected: str) -> None:
    """Each kept a check busy for minutes to hours (a rule every minute took 58 s)."""
    import time

    from helpers import plan_of

    text = BASE + f"posts:\n  - {{id: a, networks: [linkedin], text: A, repeat: {repeat}}}\n"
    started = time.process_time()
    with pytest.raises(InputErrors) as caught:
        plan_of(load(tmp_path, text), now="2027-01-12T10:00:00+01:00")
    assert time.process_time() - started < 5  # 0.9 s alone for the slowest (BYSETPOS=7); the bug took minutes
    assert any(expected in e.format() and e.source.line == 9 for e in caught.value.errors), \
        [e.format() for e in caught.value.errors]


def test_a_horizon_is_at_most_ten_years(tmp_path: Path) -> None:
    assert any("found horizon '100 years', expected at most 10 years" in m
               for m in errors(tmp_path, BASE.replace("version: 1", "version: 1\nhorizon: 100 years")))


def test_an_image_address_without_https_is_told_with_the_address_to_write(tmp_path: Path) -> None:
    """`//cdn…` was read as a file of content/ (cdn.example.org/x.png), which does not exist."""
    calendar = PARIS_CALENDAR + "posts:\n  - {id: a, networks: [x], at: 2027-03-01 09:00, text: a, " \
        "image: //cdn.example.org/x.png, alt: X}\n"
    assert errors(tmp_path, calendar) == [
        "calendar.yaml:10:66: error: found '//cdn.example.org/x.png', an address without https:\n"
        "    hint: write the whole address: https://cdn.example.org/x.png"]


def test_network_aliases_name_one_network_each(tmp_path: Path) -> None:
    """Two networks shared `intra`: posts went to one, `agenda --network intra` looked at the other; an alias that
    is another network's id was dropped; a built-in network's own aliases were dropped (a hostile-input review)."""
    head = "version: 1\ntimezone: Europe/Paris\nnetworks:\n  linkedin: {aliases: [li]}\n"
    site = head + ("  fil: {custom: true, name: Fil, limit: 500, aliases: [intra]}\n"
                   "  intranet: {custom: true, name: Intranet, limit: 500, aliases: [intra, bluesky, twitter, net]}\n")
    messages = errors(tmp_path, site)
    assert messages == [
        "calendar.yaml:6:66: error: found alias 'intra' on network 'intranet', an alias of the network 'fil' "
        "already\n    hint: give each network aliases of its own",
        "calendar.yaml:6:73: error: found alias 'bluesky' on network 'intranet', which is the id of the network "
        "'bluesky'\n    hint: remove it, or give another alias",
        "calendar.yaml:6:82: error: found alias 'twitter' on network 'intranet', an alias of the network 'x' "
        "already\n    hint: give each network aliases of its own"]
    reserved = errors(tmp_path, head + "  fil: {custom: true, name: Fil, limit: 500, aliases: [blog]}\n")
    assert reserved == ["calendar.yaml:5:56: error: found alias 'blog' on network 'fil', a name edcal keeps for "
                        "its own feeds and filters\n    hint: give another alias"]
    good = head
    calendar = load(tmp_path, good + "posts:\n  - {id: a, networks: [li], at: 2027-03-02 09:00, text: A}\n")
    assert calendar.posts[0].networks == ("linkedin",)


def test_a_slot_may_not_be_named_like_the_words_of_dates(tmp_path: Path) -> None:
    messages = errors(tmp_path, BASE + "slots: {end: '18:00'}\n")
    assert messages == ["calendar.yaml:8:9: error: found slot name 'end', a word dates are written with "
                        "(`salon-industrie end`, `at publication`)\n    hint: choose another name, e.g. 'evening'"]


@pytest.mark.usefixtures("site_language")
def test_calendar_errors_speak_the_sites_french(tmp_path: Path) -> None:
    """A French site's team reads calendar.yaml's errors and hints in French, values as written."""
    from edcal.i18n import speak

    speak("fr")
    text = BASE + """\
key_dates:
  - {id: salon, name: Salon, from: 2027-03-16, until: 2027-03-18}
  - {id: bilan, name: Bilan, from: 2027-03-18, until: 2027-03-16}
posts:
  - {at: 2027-01-12 09:00, networks: [linkedin], text: Hi, campaign: soldes}
  - {at: salom -7 days, networks: [linkedin], text: Hi}
  - {networks: [linkedin], text: Hi, repeat: {every: week, from: 2027-01-05, at: "25:00"}}
"""
    messages = errors(tmp_path, text)
    nbsp = "\u00a0"
    assert messages == [
        "calendar.yaml:10:55: error: la date clé 'bilan' finit (16/03/2027) avant de commencer (18/03/2027)\n"
        "    hint: inversez `from` et `until`",
        "calendar.yaml:12:70: error: campagne 'soldes' inconnue\n"
        "    hint: ajoutez-la sous `campaigns:`",
        "calendar.yaml:13:10: error: date clé 'salom' inconnue\n"
        f"    hint: vouliez-vous dire 'salon'{nbsp}?",
        "calendar.yaml:14:82: error: trouvé '25:00', attendu\u00a0: une heure entre 00:00 et 23:59 ou le nom d'un créneau",
    ], messages


@pytest.mark.usefixtures("site_language")
def test_a_french_site_reads_its_yaml_and_schema_errors_in_french(tmp_path: Path) -> None:
    """The errors writers meet most, as a French site's team reads them (errors-settings.yaml)."""
    from edcal.i18n import speak

    speak("fr")  # as pelican_settings() does on reading DEFAULT_LANG = "fr"
    assert errors(tmp_path, BASE + "timezone: UTC\n") == [
        "calendar.yaml:8:1: error: clé 'timezone' en double (déjà définie à la ligne 2)\n"
        "    hint: une clé ne peut figurer qu'une fois dans un dictionnaire\u00a0; supprimez ou renommez l'une "
        "des deux"]
    indented = errors(tmp_path, BASE + "posts:\n  - id: a\n    at: 2027-01-12 09:00\n   networks: [x]\n")
    assert indented == [
        "calendar.yaml:11:4: error: trouvé une ligne mal alignée sur les lignes qui l'entourent\u00a0; attendu\u00a0: "
        "les lignes d'un même niveau l'une sous l'autre\n    hint: cette ligne est indentée de 3 espaces, la ligne 10 au-dessus l'est de 4 "
        "espaces\u00a0: les clés d'un même dictionnaire s'alignent, l'une sous l'autre"]
    schema = errors(tmp_path, BASE + "posts:\n  - {id: a, at: 2027-01-12, networks: [x], titel: Hi, text: [a]}\n")
    assert schema == [
        "calendar.yaml:9:44: error: champ 'titel' inconnu dans posts, entrée 'a'\n"
        "    hint: vouliez-vous dire 'title'\u00a0?",
        "calendar.yaml:9:61: error: trouvé une liste, attendu\u00a0: du texte"]


def test_a_post_and_a_variant_carry_several_images_each_where_it_is_written(tmp_path: Path) -> None:
    """A carousel: `images:` in order, each with its alt text and its own line; a path alone has no alt text."""
    calendar = load(tmp_path, BASE + "posts:\n  - id: a\n    at: 2027-01-12 09:00\n    networks: [linkedin, x]\n"
                                     "    text: Hi\n    images:\n      - {image: images/a.png, alt: A}\n"
                                     "      - images/b.png\n      - image: images/c.png\n        alt: C\n"
                                     "    variants:\n      x:\n        images: [{image: images/x.png, alt: X}]\n")
    entry = calendar.posts[0]
    assert [(m.path, m.alt, str(m.source), m.source.column) for m in entry.images] == [
        ("images/a.png", "A", "calendar.yaml:14", 17), ("images/b.png", None, "calendar.yaml:15", 9),
        ("images/c.png", "C", "calendar.yaml:16", 16)]
    assert [(m.path, m.alt, str(m.source)) for m in entry.variants["x"].images] == [
        ("images/x.png", "X", "calendar.yaml:20")]
    # `image:` and `alt:` are one image, where they are written.
    single = load(tmp_path, BASE + "posts:\n  - {id: a, at: 2027-01-12 09:00, networks: [x], text: Hi, "
                                   "image: images/a.png, alt: A}\n")
    assert [(m.path, m.alt, str(m.source)) for m in single.posts[0].images] == [("images/a.png", "A", "calendar.yaml:9")]


@pytest.mark.parametrize(("written", "message"), [
    ("    image: images/z.png\n    images: [images/a.png]\n",
     "calendar.yaml:14:5: error: found both `image:` and `images:`, expected one\n"
     "    hint: write the first image under `images:`, e.g. images: [{image: images/z.png, alt: …}, …]"),
    ("    images: [images/a.png]\n    alt: Z\n",
     "calendar.yaml:14:5: error: found `alt:` beside `images:`: it describes none of them\n"
     "    hint: write each image's alt text with it: images: [{image: …, alt: …}, …]"),
    # Dropped without a word, on an entry as on a network's variant.
    ("    alt: Z\n", "calendar.yaml:13:5: error: found `alt:` and no image: it describes nothing\n"
                   "    hint: write the image it describes beside it (`image:`), or remove `alt:`"),
    ("    variants: {x: {alt: Z}}\n", "calendar.yaml:13:20: error: found `alt:` and no image: it describes nothing\n"
                                  "    hint: write the image it describes beside it (`image:`), or remove `alt:`"),
    ("    images: []\n",
     "calendar.yaml:13:13: error: found an empty list, expected at least one image, e.g. [{image: "
     "images/stand.png, alt: Our stand at the fair}]"),
    ("    images: [{image: images/a.png, atl: A}]\n",
     "calendar.yaml:13:36: error: unknown field 'atl' in posts entry 'a', images entry 1\n"
     "    hint: did you mean 'alt'?"),
    ("    images:\n      - images/a.png\n      - {alt: B}\n",
     "calendar.yaml:15:9: error: missing required field 'image' in posts entry 'a', images entry 2\n"
     "    hint: add image: (image path in content/ (or a URL))"),
    ("    images: [images/a.png, ../b.png]\n",
     "calendar.yaml:13:28: error: found image path '../b.png', expected a path inside content/ (or an https URL)\n"
     "    hint: e.g. images/salon-2027.jpg"),
    ("    variants:\n      x:\n        image: images/a.png\n        images: [images/b.png]\n",
     "calendar.yaml:16:9: error: found both `image:` and `images:`, expected one\n"
     "    hint: write the first image under `images:`, e.g. images: [{image: images/a.png, alt: …}, …]"),
    ("    image: images/z.png\n    video: videos/a.mp4\n",
     "calendar.yaml:14:5: error: found both `video:` and `image:`, expected one\n"
     "    hint: a post shows either a video or images: keep `video:`, or give the images a post of their own"),
    ("    variants:\n      x:\n        images: [images/b.png]\n        video: videos/a.mp4\n",
     "calendar.yaml:16:9: error: found both `video:` and `images:`, expected one\n"
     "    hint: a post shows either a video or images: keep `video:`, or give the images a post of their own"),
    ("    image: videos/visite.mp4\n",
     "calendar.yaml:13:12: error: found image 'videos/visite.mp4', expected an image file (.avif, .gif, .jpeg, "
     ".jpg, .png, .svg, .webp)\n    hint: a video goes under `video:`, e.g. video: videos/visite.mp4"),
    ("    video: images/a.png\n",
     "calendar.yaml:13:12: error: found video 'images/a.png', expected a video file (.m4v, .mov, .mp4, .webm)\n"
     "    hint: an image goes under `image:`, e.g. image: images/a.png"),
    ("    video: videos/a.avi\n",
     "calendar.yaml:13:12: error: found video 'videos/a.avi', expected a video file (.m4v, .mov, .mp4, .webm)\n"
     "    hint: e.g. video: videos/workshop-tour.mp4"),
    ("    video: ../a.mp4\n",
     "calendar.yaml:13:12: error: found video path '../a.mp4', expected a path inside content/ (or an https URL)\n"
     "    hint: e.g. videos/workshop-tour.mp4"),
    ("    video: {file: videos/a.mp4, cover: ../c.jpg}\n",
     "calendar.yaml:13:40: error: found image path '../c.jpg', expected a path inside content/ (or an https URL)\n"
     "    hint: e.g. images/salon-2027.jpg"),
    ("    video: {file: videos/a.mp4, subtitles: videos/a.txt}\n",
     "calendar.yaml:13:44: error: found subtitles 'videos/a.txt', expected a .vtt or .srt file inside content/ "
     "(or an https URL)\n    hint: e.g. subtitles: videos/workshop-tour.en.vtt"),
    ("    video: {file: videos/a.mp4, alt: A}\n    alt: B\n",
     "calendar.yaml:14:5: error: found `alt:` beside a video that has its own, expected one\n"
     "    hint: keep the video's `alt:`"),
    ("    video: {file: videos/a.mp4, poster: c.jpg}\n",
     "calendar.yaml:13:33: error: unknown field 'poster' in posts entry 'a', video\n"
     "    hint: did you mean 'cover'?"),
])
def test_images_and_videos_written_wrong_are_located_errors(tmp_path: Path, written: str, message: str) -> None:
    text = BASE + "posts:\n  - id: a\n    at: 2027-01-12 09:00\n    networks: [x]\n    text: Hi\n" + written
    assert errors(tmp_path, text) == [message]


def test_a_post_and_a_variant_carry_a_video_each_part_where_it_is_written(tmp_path: Path) -> None:
    """`video:` as a path alone (an `alt:` beside it describes it) or as {file, cover, alt, subtitles}."""
    calendar = load(tmp_path, BASE + "posts:\n  - id: a\n    at: 2027-01-12 09:00\n    networks: [linkedin, x]\n"
                                     "    text: Hi\n    video:\n      file: videos/a.mp4\n"
                                     "      cover: images/a.jpg\n      alt: A\n      subtitles: videos/a.fr.vtt\n"
                                     "    variants:\n      x:\n        video: https://cdn.example.org/x.webm\n"
                                     "        alt: X\n")
    entry = calendar.posts[0]
    video = entry.video
    assert entry.images == () and video is not None
    assert (video.kind, video.path, video.alt, video.cover, video.subtitles) == (
        "video", "videos/a.mp4", "A", "images/a.jpg", "videos/a.fr.vtt")
    assert (str(video.source), video.source.column, str(video.cover_source), str(video.subtitles_source)) == (
        "calendar.yaml:14", 13, "calendar.yaml:15", "calendar.yaml:17")
    assert video.files() == ("videos/a.mp4", "images/a.jpg", "videos/a.fr.vtt")
    other = entry.variants["x"].video
    assert other is not None and (other.path, other.alt, other.cover, str(other.source)) == (
        "https://cdn.example.org/x.webm", "X", None, "calendar.yaml:20")


def test_a_publish_folders_hint_gives_an_english_example(tmp_path: Path) -> None:
    """`publish: calendriers-7f3a9c` was the example on an English site too."""
    messages = errors(tmp_path, BASE + "feeds:\n  publish: .calendars\n")
    assert messages[0].endswith("hint: e.g. publish: calendars-7f3a9c (servers often refuse to serve hidden folders)")


def test_a_time_under_the_variant_of_a_promotion_or_a_recurring_post_is_an_error_not_a_value_ignored(
        tmp_path: Path) -> None:
    """Only a one-off post's variant moves in time: a recurring post's `variants: {mastodon: {at: "18:00"}}`
    was read and left unused, the Mastodon posts going out at the rule's time without a word."""
    found = errors(tmp_path, PARIS_CALENDAR + """\
posts:
  - id: astuce
    networks: [linkedin, mastodon]
    repeat: {every: week, on: thu, from: 2027-01-07, count: 3}
    text: Astuce
    variants:
      mastodon: {at: "18:00"}
  - promote: salon
    networks: [linkedin, x]
    variants:
      x: {text: Salon !, at: +1 day}
  - id: voeux
    networks: [linkedin, x]
    at: 2027-01-05 09:00
    text: Bonne année
    variants:
      x: {at: 2027-01-05 12:00}
""")
    assert found == [
        "calendar.yaml:15:22: error: found `at:` in the variant for 'mastodon' of a recurring post, expected it "
        "only in a one-off post's variant\n"
        "    hint: give 'mastodon' an entry of its own, with an `id:` and its own `repeat:`",
        "calendar.yaml:19:30: error: found `at:` in the variant for 'x' of a promotion, expected it only in a "
        "one-off post's variant\n"
        "    hint: give 'x' an entry of its own, with an `id:` and its own `schedule:`",
    ]


@pytest.mark.parametrize(("written", "hint"), [
    ("by: T1 2027", "a date names its day: 2027-03-31 for the last day of that period, 2027-01-01 for its first"),
    ("by: 2027-Q2", "a date names its day: 2027-06-30 for the last day of that period, 2027-04-01 for its first"),
    ("by: 2027-03", "a date names its day: 2027-03-31 for the last day of that period, 2027-03-01 for its first"),
    ("target: 12 %", "write the number alone, 12 (an objective's `unit:` says what it counts: \"%\")"),
    ("target: 600 abonnés", "write the number alone, 600 (an objective's `unit:` says what it counts: abonnés)"),
])
def test_an_objective_s_period_or_unit_in_its_figure_gets_what_to_write(tmp_path: Path, written: str,
                                                                       hint: str) -> None:
    """A manager's `by: T1 2027` and `target: 12 %` were refused with no hint ("expected a date as YYYY-MM-DD")."""
    text = PARIS_CALENDAR.replace("  x: {}\n", f"  x: {{objective: {{text: Abonnés, {written}}}}}\n")
    found = errors(tmp_path, text)
    assert len(found) == 1 and found[0].endswith(f"\n    hint: {hint}"), found


def test_a_thousands_comma_in_a_one_line_mapping_is_told_as_such(tmp_path: Path) -> None:
    """`{target: 1,200, …}`: "unknown field '200'" and the list of the objective's fields, where the same
    mistake over several lines got its hint."""
    text = PARIS_CALENDAR.replace("  x: {}\n", "  x: {objective: {text: Abonnés, target: 1,200, unit: abonnés}}\n")
    found = errors(tmp_path, text)
    assert len(found) == 1 and "unknown field '200'" in found[0], found
    assert found[0].endswith("\n    hint: in a {…} mapping written on one line, a comma separates the fields: a "
                             "number written with a thousands comma (1,200) is cut there; write it without one "
                             "(1200)"), found


def test_an_idea_for_posts_names_networks_set_up(tmp_path: Path) -> None:
    """`ideas:` with `networks:` are ideas for posts: a misspelt network is told, with the one meant; words
    (`text:`) on an idea for an article were kept without a word nowhere to show them."""
    text = PARIS_CALENDAR + ("ideas:\n  - {title: Portrait, networks: [linkdin]}\n"
                             "  - {title: Un article, text: Les mots}\n")
    # An empty list: leaving `networks` out makes it an idea for an article, not one for every network.
    empty = errors(tmp_path, PARIS_CALENDAR + "ideas:\n  - {title: Portrait, networks: []}\n")
    assert empty == ["calendar.yaml:10:33: error: found no network, expected at least one\n    hint: e.g. networks: "
                     "[linkedin]; leave `networks` out for an idea for an article"]
    assert errors(tmp_path, text) == [
        "calendar.yaml:10:34: error: unknown network 'linkdin'\n    hint: did you mean 'linkedin'?",
        "calendar.yaml:11:25: error: found `text:` on an idea with no `networks:`: an idea for an article has no "
        "text yet\n    hint: an idea for a post names its networks (networks: [linkedin]); an article's angle "
        "goes in `notes:`"]


@pytest.mark.parametrize("variant", ["{skip: true, thread: [Deux]}", "{skip: true, text: Autre}",
                                     "{cw: Spoiler, skip: true}", "{skip: true, video: videos/v.mp4}",
                                     "{skip: true, note: Épingler}"])
def test_what_a_skipped_variant_gives_is_an_error_not_dropped(tmp_path: Path, variant: str) -> None:
    """`variants: {x: {skip: true, thread: […]}}`: the thread (a text, a warning) was never posted, nothing said."""
    found = errors(tmp_path, BASE + "posts:\n  - id: a\n    networks: [x, linkedin]\n    at: 2027-01-12 09:00\n"
                                    f"    text: T\n    variants:\n      x: {variant}\n")
    field = next(name for name in ("thread", "text", "cw", "video", "note") if f"{name}:" in variant)
    assert any(f"error: found `{field}:` beside `skip: true` in the variant for 'x'" in error for error in found), found


def test_an_empty_name_is_an_error(tmp_path: Path) -> None:
    """A key date's `name: ''` was a nameless event ("◆ ") in every feed; a person's or a campaign's, a blank
    row on the planning page: all required, now filled too."""
    text = PARIS_CALENDAR.replace("{id: ana, name: Ana}", "{id: ana, name: '  '}") + (
        "campaigns:\n  - {id: c, name: '', from: 2027-03-01, until: 2027-03-10}\n"
        "key_dates:\n  - id: foire\n    name:\n    on: 2027-03-05\n")
    hint = "\n    hint: write the name the planning site and the calendar feeds show"
    assert errors(tmp_path, text) == [
        "calendar.yaml:4:21: error: found only spaces, expected text" + hint,
        "calendar.yaml:10:19: error: found nothing, expected text" + hint,
        "calendar.yaml:13:10: error: found nothing, expected text" + hint]


def test_a_refused_value_hides_none_of_the_other_mistakes(tmp_path: Path) -> None:
    """docs/calendar.md: the mistakes are told together. A refused `status:` took its whole entry out, so its
    unknown network, its date and its variant's network came one run after another; a refused value in a
    network's settings (`media: photo`) took the whole file out. Each is told, where it is, in one run; and
    what follows from a value left out (no `text:` once `text: [a]` is refused, a network of one's own told
    unknown once `custom: oui` is) is not told."""
    text = (BASE.replace("cadence: 2/week}", "cadence: 2/week, media: photo}")
            + "  intranet: {custom: oui, name: Le Fil, limit: 5000}\n"
            + "posts:\n"
            + '  - {id: noel, networks: [Insta], at: "12/07/2027 9h", status: à valider, first_coment: x, '
              "variants: {linkdin: {text: y}}}\n"
            + "  - {id: b, networks: [x], at: 2027-03-01, text: [a], promotional: peut-être, owner: nobody}\n"
            + "  - {id: c, networks: [intranet], text: T, repeat: {every: quinzaine, from: 2027-03-01}, "
              "campaign: nocamp}\n"
            + "ideas:\n  - {title: I, status: finie, owner: personne}\n")
    messages = [message.splitlines()[0] for message in errors(tmp_path, text)]
    assert messages == [
        "calendar.yaml:6:58: error: found 'photo', expected one of: required, video, optional, none",
        "calendar.yaml:8:22: error: found 'oui', expected true or false",
        "calendar.yaml:10:5: error: missing `text:` for this post",
        "calendar.yaml:10:27: error: unknown network 'Insta'",
        "calendar.yaml:10:39: error: found '12/07/2027 9h', expected a date, YYYY-MM-DD, or a date and time, "
        "YYYY-MM-DD HH:MM (e.g. 2027-01-12 or 2027-01-12 09:00)",
        "calendar.yaml:10:64: error: found 'à valider', expected one of: draft, review, scheduled",
        "calendar.yaml:10:75: error: unknown field 'first_coment' in posts entry 'noel'",
        "calendar.yaml:10:103: error: unknown network 'linkdin'",
        "calendar.yaml:11:50: error: found a list, expected text",
        "calendar.yaml:11:68: error: found 'peut-être', expected true or false",
        "calendar.yaml:11:86: error: unknown person 'nobody'",
        "calendar.yaml:12:60: error: found 'quinzaine', expected one of: day, week, month",
        "calendar.yaml:12:100: error: unknown campaign 'nocamp'",
        "calendar.yaml:14:24: error: found 'finie', expected one of: idea, writing, review",
        "calendar.yaml:14:38: error: unknown person 'personne'",
    ], messages


def test_a_network_is_set_up_by_its_id_and_named_in_any_case(tmp_path: Path) -> None:
    """`linkedIn:` or "linkedin " under `networks:` was read as linkedin without a word, while ids are written
    in lower case: told, with the id; what names it (a post's `networks:`, a variant) may write it in any case
    and with spaces around it, and the plan has the id."""
    for key in ("linkedIn", '"linkedin "'):
        messages = errors(tmp_path, BASE.replace("  linkedin: {", f"  {key}: {{")
                          + "posts:\n  - {at: 2027-01-12, networks: [linkedin], text: Hi}\n")
        assert messages == [f"calendar.yaml:6:3: error: found network '{key.strip(chr(34))}', expected its id, in "
                            "lower case and without spaces\n    hint: did you mean 'linkedin'?"], messages
    calendar = load(tmp_path, BASE + "posts:\n  - {id: a, at: 2027-01-12 09:00, networks: [LinkedIn, \" X \"], "
                                     "text: Hi, variants: {LINKEDIN: {text: Bonjour}}}\n")
    assert calendar.posts[0].networks == ("linkedin", "x")
    assert list(calendar.posts[0].variants) == ["linkedin"]


def test_an_account_given_up_before_it_began_is_a_located_error(tmp_path: Path) -> None:
    """`since: 2027-03-01`, `until: 2026-11-01` (a year typed wrong) gave a `network-ended` warning on each
    post and no word on the line to fix; an absence's days the other way round were an error already."""
    from helpers import PARIS_CALENDAR, load_errors

    errors = load_errors(tmp_path, PARIS_CALENDAR.replace("  x: {}", "  x: {since: 2027-03-01, until: 2026-11-01}"))
    assert errors == ["calendar.yaml:7:33: error: found until: 2026-11-01, before since: 2027-03-01 on X\n"
                      "    hint: `since:` is the first day the site posts on this account, `until:` the last"], errors


@pytest.mark.parametrize(("entry", "meant"), [
    ("posts:\n  - {id: a, networks: [x], text: T, at: 2027-19-01 09:40}\n", "2027-01-19 09:40"),
    ("posts:\n  - {id: a, networks: [x], text: T, at: 2027-19-01}\n", "2027-01-19"),
    ("campaigns:\n  - {id: c, name: C, from: 2027-13-01, until: 2027-02-01}\n", "2027-01-13"),
    ("freeze:\n  - {from: 2027-01-10, until: 2027-31-01, reason: Crise}\n", "2027-01-31"),
    # As ISO 8601 writes it, with a T: no hint at all.
    ("posts:\n  - {id: a, networks: [x], text: T, at: '2027-19-01T09:40'}\n", "2027-01-19T09:40"),
])
def test_a_date_written_with_its_day_before_its_month_is_told_the_date_meant(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, entry: str, meant: str) -> None:
    """`at: 2027-19-01 09:40` got "il n'y a pas de mois 19" and no word on the day and month swapped."""
    from edcal.i18n import speak

    monkeypatch.setenv("EDCAL_LANG", "fr")
    speak(None)
    (found,) = errors(tmp_path, BASE + entry)
    assert "il n'y a pas de mois" in found.splitlines()[0], found
    assert found.splitlines()[1] == f"    hint: le mois s'écrit avant le jour\u00a0: {meant}", found


@pytest.mark.parametrize("written", ["2027-13-13", "2027-19-31", "2027-00-12", "2027-14-30 09:40"])
def test_a_month_that_swapped_is_no_date_either_gets_no_swapped_hint(tmp_path: Path, written: str) -> None:
    """No date to offer: neither reading is a day of the calendar (a 30th of February neither)."""
    (found,) = errors(tmp_path, BASE + f"posts:\n  - {{id: a, networks: [x], text: T, at: {written}}}\n")
    assert "before the day" not in found, found


@pytest.mark.parametrize(("text", "error"), [
    # A promotion step: the build added it to the article's day and stopped on an OverflowError.
    ("blog:\n  promote: {networks: [x], schedule: [at publication, '+3000000 days']}\n",
     "calendar.yaml:9:55: error: found '+3000000 days', an offset of more than ten years"),
    ("blog:\n  promote: {networks: [x], schedule: ['+99999999999 minutes']}\n",
     "calendar.yaml:9:39: error: found '+99999999999 minutes', an offset of more than ten years"),
    # After a key date: a traceback (days), or Python's "year 10360 is out of range" (months).
    ("key_dates:\n  - {id: salon, name: Salon, on: 2027-01-26}\nposts:\n  - {at: salon -3000000 days, networks: [x], text: Hi}\n",
     "calendar.yaml:11:10: error: after key date 'salon': found '-3000000 days', an offset of more than ten years"),
    ("key_dates:\n  - {id: salon, name: Salon, on: 2027-01-26}\nposts:\n  - {at: salon +99999 months, networks: [x], text: Hi}\n",
     "calendar.yaml:11:10: error: after key date 'salon': found '+99999 months', an offset of more than ten years"),
])
def test_an_offset_of_more_than_ten_years_is_told_at_its_line(tmp_path: Path, text: str, error: str) -> None:
    """A step or a key date's offset with a typo in its figure (+3000000 days) stopped the build with a
    traceback, or told Python's words; it is refused as a move beyond ten years is."""
    found = errors(tmp_path, BASE + text)
    assert [message.split("\n") for message in found] == [
        [error, "    hint: an offset is in days, weeks or months, of ten years at most: e.g. '+2 days'"]], found


@pytest.mark.parametrize(("zone", "hint"), [
    # "did you mean 'GMT+0'?": an hour off, and a name refused in its turn.
    ("GMT+1", "'GMT+1' is an offset from UTC, not a place; write the place's zone, like 'Europe/Paris' (its "
              "clock changes when the place's does), or 'Etc/GMT-1' for UTC+01:00 all year"),
    # "did you mean 'UTC'?": the offset dropped.
    ("UTC+1", "'UTC+1' is an offset from UTC, not a place; write the place's zone, like 'Europe/Paris' (its "
              "clock changes when the place's does), or 'Etc/GMT-1' for UTC+01:00 all year"),
    ("utc-05:00", "'utc-05:00' is an offset from UTC, not a place; write the place's zone, like 'Europe/Paris' "
                  "(its clock changes when the place's does), or 'Etc/GMT+5' for UTC-05:00 all year"),
    # No Etc/ name has minutes: the place alone.
    ("UTC+05:30", "'UTC+05:30' is an offset from UTC, not a place; write the place's zone, like 'Europe/Paris' "
                  "(its clock changes when the place's does)"),
    # A name near Greenwich's is told as Greenwich's, not given the closest (refused in its turn).
    ("Greenwhich", "'Greenwhich' has no summer time; write the place's zone: 'Europe/London' (United Kingdom), "
                   "'Europe/Dublin' (Ireland) or 'Europe/Lisbon' (Portugal), or 'UTC' for the same offset all year"),
])
def test_a_zone_written_as_an_offset_is_told_the_place_or_the_etc_name(tmp_path: Path, zone: str,
                                                                       hint: str) -> None:
    first = errors(tmp_path, BASE.replace("Europe/Paris", zone))[0].splitlines()
    assert first[0].endswith(f"found time zone '{zone}', expected an IANA name like 'Europe/Paris'")
    assert first[1] == f"    hint: {hint}"


def test_an_empty_at_in_a_variant_is_told_what_it_lacks_as_the_entry_s(tmp_path: Path) -> None:
    """`variants: {linkedin: {at: }}` posted LinkedIn at the entry's time without a word, where the entry's own
    empty `at:` is an error."""
    entry = "posts:\n  - id: a\n    networks: [linkedin, x]\n    text: T\n    at: 2027-01-12 09:00\n    variants:\n"
    assert errors(tmp_path, BASE + entry + "      linkedin: {at: }\n") == [
        "calendar.yaml:14:18: error: `at:` is empty, expected when the post goes out\n"
        "    hint: e.g. at: 2027-01-12 09:00"]
    assert errors(tmp_path, BASE + entry + "      linkedin:\n        at: ''\n") == [
        "calendar.yaml:15:9: error: `at:` is empty, expected when the post goes out\n"
        "    hint: e.g. at: 2027-01-12 09:00"]
    # Under a promotion, any `at:` is the error it always was, empty or not.
    found = errors(tmp_path, BASE + "posts:\n  - {promote: a, networks: [linkedin], variants: {linkedin: {at: }}}\n")
    assert found[0].splitlines()[0].endswith(
        "error: found `at:` in the variant for 'linkedin' of a promotion, expected it only in a one-off post's variant")


def test_a_monthly_day_29_to_31_from_the_end_is_refused_as_the_29th_is(tmp_path: Path) -> None:
    """`on: -30` skipped February as `on: 30` does, silently: a post planned every month had none then."""
    found = errors(tmp_path, BASE + "posts:\n  - {id: a, networks: [x], text: T, "
                                    "repeat: {every: month, on: -30, from: 2027-01-01, count: 3}}\n")
    assert found[0].splitlines()[0].endswith(
        "error: found day -30 of the month, counted from its end, which February (and April, June… for -31) "
        "does not have; those months would get no post")
    assert load(tmp_path, BASE + "posts:\n  - {id: a, networks: [x], text: T, "
                                 "repeat: {every: month, on: -28, from: 2027-01-01, count: 3}}\n").posts


@pytest.mark.parametrize("every", ["week", "day"])
def test_a_day_of_the_month_in_a_weekly_rule_is_told_as_written(tmp_path: Path, every: str) -> None:
    """`every: week, on: -1` was told "found ''" (the text before the dash of a range of weekdays)."""
    found = errors(tmp_path, BASE + "posts:\n  - {id: a, networks: [x], text: T, "
                                    f"repeat: {{every: {every}, on: -1, from: 2027-01-01, count: 3}}}}\n")
    assert "error: found '-1', expected a weekday" in found[0].splitlines()[0]
    assert found[0].splitlines()[1] == ("    hint: '-1' is a day of the month: a rule on it is "
                                        "`every: month, on: -1`")


@pytest.mark.parametrize("part", ["BYMONTHDAY=0", "BYMONTHDAY=0,15", "BYYEARDAY=0", "BYWEEKNO=0", "BYSETPOS=0"])
def test_a_rule_part_of_zero_is_refused(tmp_path: Path, part: str) -> None:
    """`FREQ=MONTHLY;BYMONTHDAY=0` posted every day (the rule library drops the 0: a daily rule of a
    monthly one), `BYMONTHDAY=0,15` on the 15th alone; RFC 5545 has no day 0."""
    found = errors(tmp_path, BASE + "posts:\n  - {id: a, networks: [x], text: T, "
                                    f"repeat: {{rrule: 'FREQ=MONTHLY;{part}', from: 2027-01-01, count: 3}}}}\n")
    name = part.partition("=")[0]
    assert found[0].splitlines()[0].endswith(
        f"error: found {name}=0 in rule 'FREQ=MONTHLY;{part}', expected 1 or more, or -1 or less counted from "
        "the end (RFC 5545 has no 0)"), found


def test_a_network_given_twice_in_variants_is_an_error(tmp_path: Path) -> None:
    """`variants: {x: {text: A}, twitter: {text: B}}` kept one variant and dropped the other, without a word."""
    found = errors(tmp_path, BASE + "posts:\n  - {id: a, networks: [x], at: 2027-01-12, text: T, "
                                    "variants: {x: {text: A}, twitter: {text: B}}}\n")
    assert found == ["calendar.yaml:9:78: error: found 'twitter', the network 'x' given already in `variants:` "
                     "(calendar.yaml:9)\n    hint: keep one entry per network: merge the two"], found



@pytest.mark.parametrize(("entry", "at", "written", "network"), [
    ("posts:\n  - {id: a, at: 2027-01-12, text: T, networks: [linkedin, LinkedIn]}\n", "9:59", "LinkedIn",
     "linkedin"),
    ("posts:\n  - {id: a, at: 2027-01-12, text: T, networks: [x, twitter]}\n", "9:52", "twitter", "x"),
    ("campaigns:\n  - {id: c, name: C, from: 2027-01-01, until: 2027-01-31, networks: [x, ' X ']}\n", "9:73",
     "X", "x"),
    ("freeze:\n  - {from: 2027-01-01, reason: R, networks: [x, twitter]}\n", "9:49", "twitter", "x"),
    ("ideas:\n  - {title: T, networks: [x, twitter]}\n", "9:30", "twitter", "x"),
    ("blog:\n  promote: {networks: [x, twitter]}\n", "9:27", "twitter", "x"),
    ("ambassadors:\n  networks: [linkedin, LinkedIn]\n", "9:24", "LinkedIn", "linkedin"),
    ("ambassadors:\n  suggestions:\n    - {link: 'https://e.fr/', title: T, networks: [x, twitter]}\n", "10:55",
     "twitter", "x"),
    ("link_in_bio:\n  networks: [instagram, Instagram]\n", "9:25", "Instagram", "instagram"),
])
def test_a_network_named_twice_in_a_list_is_an_error(tmp_path: Path, entry: str, at: str, written: str,
                                                     network: str) -> None:
    """`networks: [linkedin, LinkedIn]`, `[x, twitter]`: the network was read once and the second name dropped,
    without a word."""
    found = errors(tmp_path, BASE + entry)
    assert found == [f"calendar.yaml:{at}: error: found '{written}', the network '{network}' given already in "
                     f"`networks:` (calendar.yaml:{at.split(':')[0]})\n"
                     "    hint: remove it: a list names each network once"], found


def test_a_network_named_twice_in_a_block_list_names_the_first_one_s_line(tmp_path: Path) -> None:
    found = errors(tmp_path, BASE + "posts:\n  - id: a\n    at: 2027-01-12\n    text: T\n    networks:\n"
                                    "      - x\n      - twitter\n")
    assert found == ["calendar.yaml:14:9: error: found 'twitter', the network 'x' given already in `networks:` "
                     "(calendar.yaml:13)\n    hint: remove it: a list names each network once"], found


@pytest.mark.parametrize(("every", "on", "at", "written", "first"), [
    ("month", "[last, -1]", 71, "-1", "last"), ("month", "[first tue, premier mardi]", 76, "premier mardi",
                                                "first tue"),
    ("month", "[15, 15]", 69, "15", "15"), ("week", "[mon-fri, mercredi]", 73, "mercredi", "mon-fri"),
    ("day", "[tue, tuesday]", 68, "tuesday", "tue"),
])
def test_a_day_given_twice_in_on_is_an_error(tmp_path: Path, every: str, on: str, at: int, written: str,
                                             first: str) -> None:
    """`on: [last, -1]` made BYMONTHDAY=-1,-1 and `on: [mon-fri, wed]` one post on Wednesdays: the second was
    dropped without a word."""
    found = errors(tmp_path, BASE + f"posts:\n  - {{id: a, networks: [x], text: T, repeat: {{every: {every}, "
                                    f"on: {on}, from: 2027-01-01, count: 3}}}}\n")
    assert found == [f"calendar.yaml:9:{at}: error: found '{written}' in `on:`, a day given already by '{first}' "
                     "(calendar.yaml:9)\n    hint: remove it: a recurring post goes out once a day"], found


@pytest.mark.parametrize(("entry", "at", "field", "written", "first"), [
    ("posts:\n  - {id: a, networks: [x], text: T, repeat: {every: week, on: tue, from: 2027-01-01, count: 5, "
     "except: [2027-01-05, 2027-01-05]}}\n", "9:117", "except", "2027-01-05", "2027-01-05"),
    ("posts:\n  - {id: a, promote: hello, networks: [x], schedule: [at publication, '+1 day at 12:00', "
     "'+1 jour à 12h']}\n", "9:90", "schedule", "+1 jour à 12h", "+1 day at 12:00"),
    ("blog:\n  promote: {networks: [x], schedule: [at publication, at publication]}\n", "9:55", "schedule",
     "at publication", "at publication"),
    ("campaigns:\n  - {id: c, name: C, from: 2027-01-01, until: 2027-01-31, hashtags: ['#Salon', 'salon']}\n",
     "9:80", "hashtags", "#salon", "#Salon"),
    ("networks:\n  mastodon: {aliases: [masto2, Masto2]}\n", "8:32", "aliases", "Masto2", "masto2"),
    ("networks:\n  mastodon: {hosts: [piaille.fr, www.Piaille.fr]}\n", "8:34", "hosts", "www.Piaille.fr",
     "piaille.fr"),
    ("networks:\n  mastodon: {slots: [mon-fri 12:00, mercredi 12h]}\n", "8:37", "slots", "mercredi 12h",
     "mon-fri 12:00"),
    # shown as written (24 hours is one day), each at its column
    ("networks:\n  mastodon: {poll_durations: [1 day, 2 days, 24 hours]}\n", "8:46", "poll_durations", "24 hours",
     "1 day"),
    ("networks:\n  mastodon: {poll_durations: [24 hours, 2 days, 1 jour]}\n", "8:49", "poll_durations", "1 jour",
     "24 hours"),
    ("networks:\n  facebook: {in_first_comment: [link, link]}\n", "8:39", "in_first_comment", "link", "link"),
])
def test_a_value_given_twice_in_a_list_is_an_error(tmp_path: Path, entry: str, at: str, field: str, written: str,
                                                   first: str) -> None:
    """A list's item that says what an earlier one says was read once, the second dropped without a word."""
    text = BASE + entry.removeprefix("networks:\n") if entry.startswith("networks:") else BASE + entry
    found = errors(tmp_path, text)
    assert found == [f"calendar.yaml:{at}: error: found '{written}' in `{field}:`, given already by '{first}' "
                     f"(calendar.yaml:{at.split(':')[0]})\n    hint: remove it: a list holds each value once"], found


@pytest.mark.parametrize("alias", ["''", "'  '"])
def test_an_empty_alias_is_an_error(tmp_path: Path, alias: str) -> None:
    """`aliases: ['']` was taken: a name no post can write, which a slip (a comma too many) leaves."""
    found = errors(tmp_path, BASE + f"  mastodon: {{aliases: [masto2, {alias}]}}\n")
    assert found == ["calendar.yaml:8:32: error: found an empty alias on network 'mastodon', expected another "
                     "name it is written with\n    hint: write the name, e.g. 'masto', or remove the empty item"], \
        found


def test_an_alias_is_read_without_the_spaces_around_it(tmp_path: Path) -> None:
    """`aliases: [' m2 ']` named no network: a post's `m2` was told unknown."""
    calendar = load(tmp_path, BASE + "  mastodon: {aliases: [' m2 ']}\n"
                    "posts:\n  - {id: a, at: 2027-01-12, text: T, networks: [M2]}\n")
    assert calendar.posts[0].networks == ("mastodon",)


def test_an_empty_alias_of_a_network_of_one_s_own_is_an_error(tmp_path: Path) -> None:
    found = errors(tmp_path, BASE + "  intranet: {custom: true, name: Intranet, limit: 500, aliases: ['']}\n")
    assert found == ["calendar.yaml:8:66: error: found an empty alias on network 'intranet', expected another "
                     "name it is written with\n    hint: write the name, or remove the empty item"], found


@pytest.mark.parametrize("empty", ["''", "' '", "", "null"])
def test_a_cadence_written_empty_is_as_if_left_out(tmp_path: Path, empty: str) -> None:
    """`cadence: ''` was an error where `cadence:` with nothing after it sets no target, as docs/calendar.md
    says of every optional value written empty."""
    calendar = load(tmp_path, BASE.replace("cadence: 2/week", f"cadence: {empty}")
                    + f"  mastodon:\n    cadence: {empty}\ncampaigns:\n  - {{id: c, name: C, from: 2027-01-01, "
                    f"until: 2027-01-31, cadence: {empty or 'null'}}}\nblog:\n  cadence: {empty}\n")
    assert calendar.networks["linkedin"].cadence is None
    assert calendar.networks["mastodon"].cadence is None
    assert calendar.campaigns["c"].cadence is None
    assert calendar.blog is not None and calendar.blog.cadence is None


@pytest.mark.parametrize(("line", "found", "meant"), [
    ("  mastodon: {cadence: '٣/week'}\n", "٣/week", "3/week"),
    ("  mastodon: {max_per_day: '٣'}\n", "٣", "3"),
    ("  mastodon: {slots: ['tue ٠٩:٣٠']}\n", "tue ٠٩:٣٠", "tue 09:30"),
    ("posts:\n  - {id: a, networks: [x], text: T, at: '٢٠٢٧-٠١-١٢'}\n", "٢٠٢٧-٠١-١٢", "2027-01-12"),
    ("posts:\n  - {id: a, networks: [x], text: T, at: '2027-01-12 ۰۹:۳۰'}\n", "2027-01-12 ۰۹:۳۰", "2027-01-12 09:30"),
    ("posts:\n  - {id: a, promote: hello, networks: [x], schedule: ['+٢ days']}\n", "+٢ days", "+2 days"),
])
def test_a_figure_of_another_script_is_refused_with_the_value_in_figures_0_to_9(tmp_path: Path, line: str,
                                                                                found: str, meant: str) -> None:
    """`cadence: '٣/week'` was read as 3 a week (and a date or a time in Arabic-Indic figures read too) while
    `max_per_day: '٣'` was refused as no whole number: the same figure, two readings. Each is refused, and told
    the value in the figures 0 to 9, which the team's reviewers read."""
    found_errors = errors(tmp_path, BASE + line)
    figure = next(char for char in found if char.isdecimal() and not char.isascii())
    assert len(found_errors) == 1, found_errors
    message, hint = found_errors[0].split("\n")
    assert message.endswith(f"error: found '{found}', written with the figure '{figure}' of another script, "
                            "expected the figures 0 to 9"), found_errors
    assert hint == f"    hint: write '{meant}'", found_errors


@pytest.mark.parametrize(("written", "meant", "letter", "name"), [
    ("х", "x", "х", "cyrillic small letter ha"),
    ("linkedіn", "linkedin", "і", "cyrillic small letter byelorussian-ukrainian i"),
    ("Χ", "x", "Χ", "greek capital letter chi"),
    ("fаcebook", "facebook", "а", "cyrillic small letter a"),
])
def test_a_network_written_with_a_look_alike_letter_is_told_the_network_and_the_letter(
        tmp_path: Path, written: str, meant: str, letter: str, name: str) -> None:
    """`networks: [х]` (a Cyrillic ха, from a keyboard left in Russian or a pasted text) was told only the
    networks set up: the writer saw 'x' in the list and in the file. It is told the network, and the letter."""
    found = errors(tmp_path, BASE + f"posts:\n  - {{at: 2027-01-12, networks: ['{written}'], text: Hi}}\n")
    assert found == [f"calendar.yaml:9:33: error: unknown network '{written}'\n    hint: did you mean '{meant}'? "
                     f"Its '{letter}' is a look-alike from another script ({name}): retype it"], found


@pytest.mark.parametrize("empty", ["''", "' '"])
def test_a_count_or_a_limit_written_empty_is_as_if_left_out(tmp_path: Path, empty: str) -> None:
    """`max_per_day: ''` was refused ("expected a whole number") where `max_per_day:` sets none, as a cadence
    written empty was: docs/calendar.md says every optional value written empty is as if left out. A network's
    limits so written keep the built-in ones; a repeat's `count:` so written repeats until its `until:`."""
    calendar = load(tmp_path, BASE.replace("cadence: 2/week", f"cadence: 2/week, max_per_day: {empty}, "
                                           f"limit: {empty}, max_links: {empty}")
                    + "posts:\n  - {id: r, text: Bonjour, networks: [x], repeat: {every: week, on: tue, at: '09:00', "
                    f"from: 2027-01-05, until: 2027-01-26, count: {empty}}}}}\n")
    linkedin = calendar.networks["linkedin"]
    assert linkedin.max_per_day is None and linkedin.limit is not None and linkedin.limit.max == 3000
    recurrence = calendar.posts[0].recurrence
    assert recurrence is not None and (recurrence.count, recurrence.until) == (None, dt.date(2027, 1, 26))
    found = errors(tmp_path, BASE.replace("cadence: 2/week", "cadence: 2/week, max_per_day: '0'"))
    assert [line.split(": error: ")[1] for line in found] == ["found '0', expected a number of at least 1"], found  # a value, not empty: still judged


@pytest.mark.parametrize(("on", "at", "written", "text", "first"), [
    ('["thu, thu"]', 64, "thu", "thu, thu", "thu"),
    ('["mon-fri, wed"]', 64, "wed", "mon-fri, wed", "mon-fri"),
    ("[tue, 'jeudi, Thursday']", 69, "Thursday", "jeudi, Thursday", "jeudi"),
])
def test_a_day_given_twice_inside_one_item_of_on_is_an_error(tmp_path: Path, on: str, at: int, written: str,
                                                              text: str, first: str) -> None:
    """`on: ["thu, thu"]` (one string holding a comma list) made one post on Thursdays: the repeated day was
    dropped without a word, as `on: [thu, thu]` no longer was."""
    found = errors(tmp_path, BASE + f"posts:\n  - {{id: a, networks: [x], text: T, repeat: {{every: week, "
                                    f"on: {on}, from: 2027-01-01, count: 3}}}}\n")
    assert found == [f"calendar.yaml:9:{at}: error: found '{written}' in '{text}', a day given already by "
                     f"'{first}'\n    hint: remove it: each day is written once"], found


def test_a_day_given_twice_in_one_slot_is_an_error(tmp_path: Path) -> None:
    """`slots: ['tue, tue 09:00']` was read as one slot on Tuesdays, the second day dropped."""
    found = errors(tmp_path, BASE.replace("slots: [tue 09:00]", "slots: ['tue, mardi 09:00']"))
    assert found == ["calendar.yaml:6:22: error: found 'mardi' in 'tue, mardi', a day given already by 'tue'\n"
                     "    hint: remove it: each day is written once"], found


@pytest.mark.parametrize(("network", "alias", "at", "message"), [
    ("mastodon: {aliases: [masto2, Mastodon]}", "Mastodon", 32,
     "found alias 'Mastodon' on network 'mastodon', its own id\n    hint: remove it: the id names the network "
     "already"),
    ("fil: {custom: true, name: Fil, limit: 500, aliases: [fil]}", "fil", 56,
     "found alias 'fil' on network 'fil', its own id\n    hint: remove it: the id names the network already"),
    ("x: {aliases: [twitter]}", "twitter", 17,
     "found alias 'twitter' on network 'x', one of its built-in aliases\n    hint: remove it: it names the "
     "network already"),
])
def test_an_alias_that_names_its_own_network_already_is_an_error(tmp_path: Path, network: str, alias: str, at: int,
                                                                  message: str) -> None:
    """`mastodon: {aliases: [mastodon]}` was taken without a word: an alias that adds no name, which the writer
    may have meant for another network."""
    found = errors(tmp_path, BASE.replace("  x: {}\n", f"  {network}\n"))
    assert found == [f"calendar.yaml:7:{at}: error: {message}"], found


@pytest.mark.parametrize("day", ["2150-01-01", "2150-01-02"])
def test_a_day_under_except_after_the_days_a_rule_may_plan_is_told_so(tmp_path: Path, day: str) -> None:
    """`except: [2150-01-01]`, a Thursday of an open-ended weekly rule, was told it was no day of the rule, its
    days near it in 2096: the rule stopped where edcal stops planning, and said nothing of it."""
    found = errors(tmp_path, BASE + "posts:\n  - {id: a, networks: [x], text: T, repeat: {every: week, on: thu, "
                                    f"from: 2027-01-07, except: [{day}]}}}}\n")
    assert found == [f"calendar.yaml:9:95: error: found {day} under `except:`, after 2097-02-21, the last of the "
                     "3,660 days a recurring entry may plan\n"
                     "    hint: check the year: the plan stops at that many posts of one entry"], found
