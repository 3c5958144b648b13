"""The log of what went out (`posted:`) and the report that compares it with the plan (planning/report.html)."""

from __future__ import annotations

import datetime as dt
import html
import re
import time
from pathlib import Path
from typing import Any

import pytest

from browser import browser, serve
from conftest import EPOCH, copy_sample, load_plan, run_edcal
from edcal.errors import InputErrors
from edcal.outputs import plan_json
from edcal.plan.report import report
from helpers import article, calendar_from, plan_of

CALENDAR = """\
version: 1
timezone: Europe/Paris
networks:
  linkedin: {cadence: 2/week}
  mastodon: {}
posts:
  - id: lundi
    networks: [linkedin, mastodon]
    repeat: {every: week, on: mon, from: 2026-12-07, until: 2027-01-31, at: "09:00"}
    text: Bonne semaine à tous
ideas:
  - {id: mesurer, title: Mesurer ses réseaux, publish: 2027-01-06}
"""
#: A Wednesday: the week of 4 January is over, the week of 11 January is not.
NOW = "2027-01-13T12:00:00+01:00"


def errors_of(log: str) -> list[str]:
    calendar = calendar_from(CALENDAR, {"log.yaml": log})
    with pytest.raises(InputErrors) as caught:
        plan_of(calendar, now=NOW)
    return [error.format() for error in caught.value.errors]


def test_the_log_is_matched_once_the_plan_has_no_error() -> None:
    """A promoted article renamed: its 8 log lines were errors first ("names no post", hint: "a change to its
    schedule"), and the cause, the entry's unknown slug, came last."""
    calendar = calendar_from(CALENDAR.replace("ideas:", "  - {promote: garde-corps, networks: [mastodon]}\nideas:"),
                             {"log.yaml": "posted:\n  - garde-corps-mastodon-0\n"})
    with pytest.raises(InputErrors) as caught:
        plan_of(calendar, now=NOW)
    assert [error.message for error in caught.value.errors] == ["unknown article slug 'garde-corps'"]


def test_a_line_of_a_promotion_an_account_s_since_leaves_out_says_so() -> None:
    """`since:` set after the account's first promotions went out: the hint blamed a change to `schedule:`."""
    calendar = calendar_from(CALENDAR.replace("  mastodon: {}", "  mastodon: {since: 2027-01-10}")
                             + "blog:\n  promote: {networks: [mastodon]}\n",
                             {"log.yaml": "posted:\n  - vieux-mastodon-0\n"})
    with pytest.raises(InputErrors) as caught:
        plan_of(calendar, [article("vieux", "2027-01-05T10:00", calendar)], now=NOW)
    assert [error.hint for error in caught.value.errors] == [
        "Mastodon's `since:` or `until:` leaves out of the plan the blog's promotions there outside those days: if "
        "this one went out, move that day"]


def test_a_mistyped_line_on_an_account_with_since_is_told_the_post_it_means() -> None:
    """`edcal init` writes `since:` on every account: any line naming no post there (a recurring post's id with
    its entry mistyped) was told that `since:` leaves out the blog's promotions, not the post it meant."""
    calendar = calendar_from(CALENDAR.replace("  mastodon: {}", "  mastodon: {since: 2026-12-01}"),
                             {"log.yaml": "posted:\n  - lundy-mastodon-20270104\n"})
    with pytest.raises(InputErrors) as caught:
        plan_of(calendar, now=NOW)
    assert [error.hint for error in caught.value.errors] == ["did you mean 'lundi-mastodon-20270104'?"]


def test_a_line_s_hint_never_names_a_post_the_log_names_already() -> None:
    """X retired: each X line's hint named the same day's LinkedIn post, logged already: following it, "logged
    twice"."""
    found = errors_of("""\
posted:
  - lundi-linkedin-20270104
  - lundi-linkedn-20270104
""")
    (error,) = found
    assert error.startswith("calendar.d/log.yaml:3:5: error: found 'lundi-linkedn-20270104', which names no post of "
                            "the plan\n    hint: did you mean 'lundi-linkedin-2027")
    assert "'lundi-linkedin-20270104'" not in error


def test_a_line_that_does_not_fit_the_plan_is_a_located_error_that_says_what_was_meant() -> None:
    found = errors_of("""\
posted:
  - lundi-linkedin-20270104
  - lundi-linkdin-20270111
  - lundi-20270104
  - lundi-linkedin-20270104
  - idea-mesurer
""")
    assert found == [
        "calendar.d/log.yaml:3:5: error: found 'lundi-linkdin-20270111', which names no post of the plan\n"
        "    hint: did you mean 'lundi-linkedin-20270111'?",
        "calendar.d/log.yaml:4:5: error: found 'lundi-20270104', which names an entry (as `edcal agenda --ids` "
        "shows it), expected the id of one of its posts\n"
        "    hint: a line names one post, on one network: lundi-mastodon-20270104",
        "calendar.d/log.yaml:5:5: error: post 'lundi-linkedin-20270104' is logged twice (first at "
        "calendar.d/log.yaml:2)\n"
        "    hint: keep one line per post: a post that went out again is a post of its own in `posts:`",
        "calendar.d/log.yaml:6:5: error: found 'idea-mesurer', an item that is not a post, expected a post's id\n"
        "    hint: only posts are logged under `posted:`: an article goes online by itself on its date",
    ]


def test_a_rhythm_changed_after_posts_went_out_is_told_as_such() -> None:
    """Mondays became Tuesdays in the entry: the days of the posts that went out changed with it, and the
    hint of each of their lines said "did you mean" another week's post. It says what happened, and the
    `until:` that keeps what went out; a single mistyped day keeps the closest id."""
    changed = CALENDAR.replace("on: mon", "on: tue")
    log = "posted:\n  - lundi-linkedin-20261207\n  - lundi-mastodon-20261207\n  - lundi-linkedin-20261214\n"
    calendar = calendar_from(changed, {"log.yaml": log})
    with pytest.raises(InputErrors) as caught:
        plan_of(calendar, now=NOW)
    found = [error.format() for error in caught.value.errors]
    assert len(found) == 3
    assert found[0] == (
        "calendar.d/log.yaml:2:5: error: found 'lundi-linkedin-20261207', which names no post of the plan\n"
        "    hint: the log names 3 posts of 'lundi' on days or networks it no longer gives: a change to its "
        "rhythm moved the posts that went out too. Keep the entry as it was, ending with `until: 2026-12-14` "
        "(its last post in the log), and plan the new rhythm as another entry")
    # What the hint says to write builds: the entry as it was, ended, and the new rhythm apart.
    split = CALENDAR.replace("until: 2027-01-31", "until: 2026-12-14").replace("ideas:", """\
  - id: mardi
    networks: [linkedin, mastodon]
    repeat: {every: week, on: tue, from: 2026-12-15, until: 2027-01-31, at: "09:00"}
    text: Bonne semaine à tous
ideas:""")
    plan = plan_of(calendar_from(split, {"log.yaml": log}), now=NOW)
    assert sum(item.posted is not None for item in plan.items) == 3
    # One day mistyped is a typo: the post of the nearest day.
    assert errors_of("posted:\n  - lundi-linkedin-20261208\n")[0].startswith(
        "calendar.d/log.yaml:2:5: error: found 'lundi-linkedin-20261208', which names no post of the plan\n"
        "    hint: did you mean 'lundi-linkedin-20261207'")


def test_a_line_naming_the_day_a_post_went_out_gets_that_post_not_another_week_s() -> None:
    """A recurring post's id ends with its day: the community manager who wrote the day she posted (a day late,
    or the day the post was moved to) was told another week's post, ids alike as strings ('lundi-linkedin-20261208'
    got '-20261228'): following the hint logged a post to come as gone out, and left hers unconfirmed."""
    calendar = CALENDAR.replace('at: "09:00"}', 'at: "09:00", moved: {2027-01-11: 2027-01-12}}')

    def hint_of(line: str) -> str:
        with pytest.raises(InputErrors) as caught:
            plan_of(calendar_from(calendar, {"log.yaml": f"posted:\n  - {line}\n"}), now=NOW)
        (error,) = caught.value.errors
        return error.hint

    late, moved, typo = map(hint_of, ["lundi-linkedin-20261208", "lundi-mastodon-20270112", "lundi-linkdin-20270104"])
    assert late == ("did you mean 'lundi-linkedin-20261207', planned on 2026-12-07? A post that went out on "
                    "another day keeps its id, with the day it went out: "
                    "`{item: lundi-linkedin-20261207, at: 2026-12-08}`")
    assert moved == ("did you mean 'lundi-mastodon-20270111'? Its id keeps the day of its rule, 2027-01-11, "
                     "while it goes out on 2027-01-12")
    assert typo == "did you mean 'lundi-linkedin-20270104'?"
    # Both networks of the moved day logged by that day: no change of rhythm, which the hint said, to split the entry.
    with pytest.raises(InputErrors) as caught:
        plan_of(calendar_from(calendar, {"log.yaml": "posted:\n  - lundi-linkedin-20270112\n"
                                                     "  - lundi-mastodon-20270112\n"}), now=NOW)
    assert [error.hint for error in caught.value.errors] == [moved.replace("mastodon", "linkedin"), moved]


def test_two_posts_that_went_out_a_day_late_are_not_told_as_a_change_of_rhythm() -> None:
    """Two Monday posts, each posted on the Tuesday and logged by that day: the hint said the entry's rhythm had
    changed, and to split it in two. Each line is told its post, and the line to write."""
    found = errors_of("posted:\n  - lundi-linkedin-20261208\n  - lundi-linkedin-20261215\n")
    assert [error.splitlines()[1] for error in found] == [
        "    hint: did you mean 'lundi-linkedin-20261207', planned on 2026-12-07? A post that went out on another day "
        "keeps its id, with the day it went out: `{item: lundi-linkedin-20261207, at: 2026-12-08}`",
        "    hint: did you mean 'lundi-linkedin-20261214', planned on 2026-12-14? A post that went out on another day "
        "keeps its id, with the day it went out: `{item: lundi-linkedin-20261214, at: 2026-12-15}`"]


def test_two_ids_written_on_one_line_are_told_to_go_on_two_lines() -> None:
    """Two posts that went out together, written on one line: the hint named a third post, alike as a string
    ('salon-j-7-bluesky, salon-j-7-linkedin' got 'salon-jour-j-linkedin')."""
    found = errors_of("posted:\n  - lundi-linkedin-20270104, lundi-mastodon-20270104\n"
                      "  - lundi-linkedin-20270111 lundi-mastodon-20270111\n")
    assert found == [
        "calendar.d/log.yaml:2:5: error: found 'lundi-linkedin-20270104, lundi-mastodon-20270104', which names no "
        "post of the plan\n"
        "    hint: a line names one post: write each on a line of its own, `- lundi-linkedin-20270104`, "
        "`- lundi-mastodon-20270104`",
        "calendar.d/log.yaml:3:5: error: found 'lundi-linkedin-20270111 lundi-mastodon-20270111', which names no "
        "post of the plan\n"
        "    hint: a line names one post: write each on a line of its own, `- lundi-linkedin-20270111`, "
        "`- lundi-mastodon-20270111`"]


def test_promotions_changed_after_some_went_out_are_told_as_such() -> None:
    """The blog's `+2 days` became `+3 days`: the promotions of an article that went out took new ids, and
    the log's lines named none. The hint says so, and how to keep them: an entry of the article's own."""
    promoted = CALENDAR.replace("posts:", "blog:\n  promote: {networks: [linkedin, mastodon], "
                                          "schedule: [at publication, +3 days]}\nposts:")
    calendar = calendar_from(promoted, {"log.yaml": "posted:\n  - portail-linkedin-2d\n  - portail-mastodon-2d\n"})
    with pytest.raises(InputErrors) as caught:
        plan_of(calendar, [article("portail", "2027-01-04T10:00", calendar)], now=NOW)
    assert [error.format().splitlines()[1] for error in caught.value.errors] == [
        "    hint: the log names 2 promotions of 'portail' that the blog's `promote:` no longer gives: a change to "
        "its `schedule:` changed the ids of those that went out too. Give the article an entry of its own "
        "(`- promote: portail`) whose `schedule:` keeps the steps that went out"] * 2
    kept = promoted.replace("ideas:", "  - promote: portail\n    schedule: [at publication, +2 days]\nideas:")
    calendar = calendar_from(kept, {"log.yaml": "posted:\n  - portail-linkedin-2d\n  - portail-mastodon-2d\n"})
    plan = plan_of(calendar, [article("portail", "2027-01-04T10:00", calendar)], now=NOW)
    assert sorted(item.id for item in plan.items if item.posted) == ["portail-linkedin-2d", "portail-mastodon-2d"]


def test_the_agenda_s_rows_say_what_the_log_says_without_opening_them(tmp_path: Path) -> None:
    """A month's agenda said "publié" on every past post's row: which were not confirmed showed only once a
    row was opened. The row's badge says it, as `edcal agenda` and the report do."""
    from edcal.outputs import calendar_page
    from helpers import write_planning_page

    calendar = calendar_from(CALENDAR, {"log.yaml": "posted:\n  - lundi-linkedin-20270104\n"})
    write_planning_page(calendar_page, plan_of(calendar, now=NOW), tmp_path)
    page = (tmp_path / "agenda" / "2027-01.html").read_text(encoding="utf-8")

    def badge(item_id: str) -> str:
        row = page[page.index(f'id="item-{item_id}"'):]
        return html.unescape(re.search(r'<span class="badge[^"]*">([^<]*)</span>', row)[1])  # type: ignore[index]

    assert badge("lundi-linkedin-20270104") == "parti"
    assert badge("lundi-mastodon-20270104") == "non confirmé"
    assert badge("lundi-linkedin-20270118") == "planifié"


def test_a_post_s_calendar_event_says_what_the_log_says() -> None:
    """A community manager lives in her calendar app: a past post's event says it went out (when, and its
    address on the network) or that the log does not name it, as the report does; read by icalendar."""
    import uuid

    import icalendar

    from edcal.outputs.ics import EventWriter, namespace, serialise
    from edcal.plan.feeds import feeds

    log = ("posted:\n  - {item: lundi-linkedin-20270104, at: 2027-01-04 09:20, "
           "url: 'https://www.linkedin.com/feed/update/urn:li:activity:1/'}\n")
    plan = plan_of(calendar_from(CALENDAR, {"log.yaml": log}), now=NOW)
    everything = next(feed for feed in feeds(plan) if feed.path == "calendar.ics")
    parsed = icalendar.Calendar.from_ical(serialise(everything, plan, EventWriter(plan)))
    events = {str(event["UID"]): event for event in parsed.walk("VEVENT")}

    def log_line(item_id: str) -> str | None:
        event = events[str(uuid.uuid5(namespace(plan), item_id))]
        return next((line for line in str(event["DESCRIPTION"]).splitlines() if " journal" in line), None)

    # The site is French: so are its feeds.
    assert log_line("lundi-linkedin-20270104") == ("Partie, selon le journal\u00a0: lundi 4 janvier 2027, 09:20 · "
                                                   "https://www.linkedin.com/feed/update/urn:li:activity:1/")
    # With the line to add to the log: the id was only in the fragment of the event's address.
    assert log_line("lundi-mastodon-20270104") == ("Non confirmée\u00a0: le journal de ce qui est parti ne la cite "
                                                   "pas (si elle est partie, ligne à y ajouter\u00a0: "
                                                   "lundi-mastodon-20270104).")
    assert log_line("lundi-linkedin-20270118") is None  # still to come

    def status(item_id: str) -> str:
        event = events[str(uuid.uuid5(namespace(plan), item_id))]
        return next(line for line in str(event["DESCRIPTION"]).splitlines() if line.startswith("Statut"))

    # Its status, as the agenda's badge says it: not "publié" beside "Non confirmée".
    assert status("lundi-linkedin-20270104") == "Statut\u00a0: parti"
    assert status("lundi-mastodon-20270104") == "Statut\u00a0: non confirmé"
    assert status("lundi-linkedin-20270118") == "Statut\u00a0: planifié"
    # The event changed when the line took effect: logged at 09:20, it is stamped then (or later).
    stamp = events[str(uuid.uuid5(namespace(plan), "lundi-linkedin-20270104"))]["DTSTAMP"].dt
    assert stamp >= dt.datetime(2027, 1, 4, 8, 20, tzinfo=dt.UTC)
    # Logged as gone out the next day (a day, no time): not confirmed until that day began, then gone out.
    log = "posted:\n  - {item: lundi-mastodon-20270111, at: 2027-01-12}\n"
    plan = plan_of(calendar_from(CALENDAR, {"log.yaml": log}), now=NOW)
    everything = next(feed for feed in feeds(plan) if feed.path == "calendar.ics")
    parsed = icalendar.Calendar.from_ical(serialise(everything, plan, EventWriter(plan)))
    events = {str(event["UID"]): event for event in parsed.walk("VEVENT")}
    assert log_line("lundi-mastodon-20270111") == "Partie, selon le journal\u00a0: mardi 12 janvier 2027"
    stamp = events[str(uuid.uuid5(namespace(plan), "lundi-mastodon-20270111"))]["DTSTAMP"].dt
    assert stamp == dt.datetime(2027, 1, 11, 23, 0, tzinfo=dt.UTC), stamp  # it said "not confirmed" until then


def test_a_draft_post_whose_time_passed_is_held_back_not_to_confirm() -> None:
    """A draft whose time passed (a promotion of an article still in review) was "not confirmed": the report
    offered its line to paste in the log, for a post that could not have gone out. It is held back, as a freeze
    holds a post: in the report's tally, the feeds and the agenda alike, and its event does not change then."""
    import uuid

    import icalendar

    from edcal.outputs.ics import EventWriter, namespace, serialise
    from edcal.plan.feeds import feeds

    drafted = CALENDAR.replace("ideas:", "  - id: brouillon\n    networks: [linkedin]\n    at: 2027-01-05 10:00\n"
                                         "    text: Pas encore\n    status: draft\nideas:")
    plan = plan_of(calendar_from(drafted, {"log.yaml": "posted:\n  - lundi-linkedin-20270104\n"}), now=NOW)
    everything = next(feed for feed in feeds(plan) if feed.path == "calendar.ics")
    parsed = icalendar.Calendar.from_ical(serialise(everything, plan, EventWriter(plan)))
    event = next(e for e in parsed.walk("VEVENT") if str(e["UID"]) == str(uuid.uuid5(namespace(plan), "brouillon-linkedin")))
    # Said as what it is, a draft whose time passed: it did not go out.
    assert "Non confirmée" not in str(event["DESCRIPTION"])
    assert "Statut\u00a0: restée brouillon, pas partie" in str(event["DESCRIPTION"])
    assert event["DTSTAMP"].dt != dt.datetime(2027, 1, 5, 9, 0, tzinfo=dt.UTC)  # nothing changed at its time
    figures = report(plan)
    assert "brouillon-linkedin" not in [item.id for item in figures.to_confirm]
    january = _rows(plan)[("2027-01", "linkedin")].tally
    assert (january.unready, january.withheld, january.unconfirmed) == (1, 0, 1)  # the draft; the 11th, not logged

def test_a_post_the_log_says_went_out_despite_a_freeze_or_as_a_draft_is_gone_out_in_the_feeds() -> None:
    """The docs say a post sent despite a freeze is logged as any other; it disappeared from every feed (plan.json
    said `withheld` beside its `posted` time) while the report counted it as gone out."""
    import uuid

    import icalendar

    from edcal.outputs.ics import EventWriter, namespace, serialise
    from edcal.plan.feeds import feeds

    frozen = CALENDAR.replace("ideas:", "  - id: brouillon\n    networks: [linkedin]\n    at: 2027-01-05 10:00\n"
                                        "    text: Pas encore\n    status: draft\nideas:") \
        + "freeze:\n  - {from: 2027-01-11 08:00, until: 2027-01-11 12:00, networks: [linkedin], reason: Incident}\n"
    log = "posted:\n  - {item: lundi-linkedin-20270111, at: 2027-01-11 09:05}\n  - brouillon-linkedin\n"
    plan = plan_of(calendar_from(frozen, {"log.yaml": log}), now=NOW)
    items = {item.id: item for item in plan.items}
    for item_id in ("lundi-linkedin-20270111", "brouillon-linkedin"):
        assert (items[item_id].status, items[item_id].withheld_reason) == ("published", None)
    assert items["lundi-mastodon-20270111"].status == "published"  # the freeze held LinkedIn alone
    everything = next(feed for feed in feeds(plan) if feed.path == "calendar.ics")
    parsed = icalendar.Calendar.from_ical(serialise(everything, plan, EventWriter(plan)))
    events = {str(event["UID"]): event for event in parsed.walk("VEVENT")}
    for item_id in ("lundi-linkedin-20270111", "brouillon-linkedin"):
        event = events[str(uuid.uuid5(namespace(plan), item_id))]
        assert "Partie, selon le journal" in str(event["DESCRIPTION"]) and event["STATUS"] == "CONFIRMED"
    # Not logged, the frozen post stays out of the feed.
    plan = plan_of(calendar_from(frozen, {"log.yaml": "posted:\n  - lundi-mastodon-20270111\n"}), now=NOW)
    assert next(i for i in plan.items if i.id == "lundi-linkedin-20270111").status == "withheld"


SKIPPED = """\
posted:
  - lundi-linkedin-20270104
  - {item: lundi-mastodon-20270104, skipped: true}   # the instance was down
  - {item: lundi-linkedin-20270118, skipped: true}
"""


def test_a_post_the_log_says_did_not_go_out_is_planned_not_gone_out_and_no_longer_to_confirm() -> None:
    """A community manager missed a post: she says so in the log (`skipped: true`) rather than leave it
    "not confirmed" on the report for ever, or delete it from the plan, which would hide the miss from the
    manager reading the report."""
    import icalendar

    from edcal.outputs.ics import EventWriter, serialise
    from edcal.plan.feeds import feeds

    plan = plan_of(calendar_from(CALENDAR, {"log.yaml": SKIPPED}), now=NOW)
    january = _rows(plan)[("2027-01", "mastodon")].tally
    assert (january.planned, january.done, january.skipped, january.unconfirmed, january.to_come) == (4, 0, 1, 1, 2)
    figures = report(plan)
    assert [item.id for item in figures.to_confirm] == ["lundi-linkedin-20270111", "lundi-mastodon-20270111"]
    items = {item["id"]: item for item in plan_json.document(plan)["items"]}
    assert items["lundi-mastodon-20270104"]["skipped"] == {"source": "calendar.d/log.yaml:3"}
    assert "posted" not in items["lundi-mastodon-20270104"]
    # A line takes effect at the post's planned time: on 13 January, the post of the 18th is still to come.
    assert "skipped" not in items["lundi-linkedin-20270118"]
    assert _rows(plan)[("2027-01", "linkedin")].tally.to_come == 2
    # Its calendar event says so, in the month view's title and in its description.
    everything = next(feed for feed in feeds(plan) if feed.path == "calendar.ics")
    events = {str(e["SUMMARY"]): e for e in icalendar.Calendar.from_ical(
        serialise(everything, plan, EventWriter(plan))).walk("VEVENT") if "2027-01-04" in str(e["DTSTART"].dt)}
    assert set(events) == {"[LinkedIn] Bonne semaine à tous", "[Mastodon] Bonne semaine à tous (annulé)"}
    skipped = str(events["[Mastodon] Bonne semaine à tous (annulé)"]["DESCRIPTION"])
    assert "Annulée\u00a0: le journal de ce qui est parti dit qu'elle n'est pas partie." in skipped.splitlines()
    assert "Statut\u00a0: annulé" in skipped.splitlines() and "publié" not in skipped  # not "its time passed"
    assert [str(events[title]["STATUS"]) for title in sorted(events)] == ["CONFIRMED", "CANCELLED"]
    # Not the log's line: a line added above it (a post above a log kept in calendar.yaml) left the
    # event as it was, as every event names its source file and not its line.
    plan = plan_of(calendar_from(CALENDAR, {"log.yaml": "# The log.\n" + SKIPPED}), now=NOW)
    everything = next(feed for feed in feeds(plan) if feed.path == "calendar.ics")
    events = {str(e["SUMMARY"]): e for e in icalendar.Calendar.from_ical(
        serialise(everything, plan, EventWriter(plan))).walk("VEVENT") if "2027-01-04" in str(e["DTSTART"].dt)}
    assert str(events["[Mastodon] Bonne semaine à tous (annulé)"]["DESCRIPTION"]) == skipped


def test_a_draft_the_log_says_did_not_go_out_is_skipped_in_its_event_s_title_as_in_its_status() -> None:
    """Its title said "(brouillon)" while its status line said "annulé": the log's word wins, as in the agenda."""
    import icalendar

    from edcal.outputs.ics import EventWriter, serialise
    from edcal.plan.feeds import feeds

    calendar = CALENDAR.replace("    text: Bonne semaine à tous\n",
                                "    text: Bonne semaine à tous\n    status: draft\n")
    plan = plan_of(calendar_from(calendar, {"log.yaml": SKIPPED}), now=NOW)
    everything = next(feed for feed in feeds(plan) if feed.path == "calendar.ics")
    events = {str(e["SUMMARY"]): str(e["DESCRIPTION"]) for e in icalendar.Calendar.from_ical(
        serialise(everything, plan, EventWriter(plan))).walk("VEVENT") if "2027-01-04" in str(e["DTSTART"].dt)}
    assert "[Mastodon] Bonne semaine à tous (annulé)" in events, events
    assert "Statut\u00a0: annulé" in events["[Mastodon] Bonne semaine à tous (annulé)"].splitlines()


def test_a_text_that_did_not_go_out_may_go_out_a_few_days_later() -> None:
    """`duplicate-text` compares a post with those gone out in the weeks before: not with one skipped."""
    from edcal.checks import run_checks

    calendar = """\
version: 1
timezone: Europe/Paris
networks: {linkedin: {}}
posts:
  - {id: portes-ouvertes, networks: [linkedin], at: "2027-01-11 09:00", text: Portes ouvertes samedi}
  - {id: portes-ouvertes-bis, networks: [linkedin], at: "2027-01-14 09:00", text: Portes ouvertes samedi}
"""
    log = "posted:\n  - {item: portes-ouvertes-linkedin, skipped: true}\n"
    found = run_checks(plan_of(calendar_from(calendar), now=NOW), only=["duplicate-text"])
    assert [f.item for f in found] == ["portes-ouvertes-bis-linkedin"]
    assert run_checks(plan_of(calendar_from(calendar, {"log.yaml": log}), now=NOW), only=["duplicate-text"]) == []


@pytest.mark.parametrize("url", ["https://[::1/x", "https://www.linkedin.com:99999/feed/update/1", "https:///feed/1"])
def test_an_address_no_browser_opens_is_an_error_in_the_log(tmp_path: Path, url: str) -> None:
    """A bracket left open, a port out of range, no host: the address was kept unread (not judged against the
    network's hosts), and the post's event linked to nothing."""
    from helpers import load_errors

    found = load_errors(tmp_path, CALENDAR + f"posted:\n  - {{item: lundi-linkedin-20270104, url: '{url}'}}\n")
    assert found[0].startswith(f"calendar.yaml:14:42: error: found url '{url}', expected the post's address on the "
                               "network, starting with https://"), found


def test_values_the_log_cannot_take_are_errors_where_they_are_written(tmp_path: Path) -> None:
    from helpers import load_errors

    found = load_errors(tmp_path, CALENDAR + """\
posted:
  - {item: lundi-linkedin-20270104, url: linkedin.com/feed/update/1}
  - {item: lundi-mastodon-20270104, at: lundi matin}
""")
    assert found[0].startswith("calendar.yaml:14:42: error: found url 'linkedin.com/feed/update/1', expected the "
                               "post's address on the network, starting with https://")
    assert found[1].startswith("calendar.yaml:15:41: error: found 'lundi matin', expected a date")
    assert "hint: write when it went out, e.g. 2027-01-12 09:14, or its day alone" in found[1]
    assert len(found) == 2
    # A post did not go out, or went out at a time: not both.
    assert load_errors(tmp_path, CALENDAR + "posted:\n  - {item: lundi-linkedin-20270104, skipped: true, "
                       "at: 2027-01-04 10:00}\n") == [
        "calendar.yaml:14:56: error: found `at:` on a line with `skipped: true`, expected either a post that "
        "went out (with its `at:` or `url:`) or one that did not\n    hint: a post that went out late went out: "
        "remove `skipped: true`; one that did not go out has no time nor address: remove `at:`"]
    # A field the log does not have is an error, never a value dropped.
    assert load_errors(tmp_path, CALENDAR + "posted:\n  - {item: lundi-mastodon-20261207, when: 2026-12-07}\n") == [
        "calendar.yaml:14:37: error: unknown field 'when' in posted entry 1\n    hint: did you mean 'at'?"]


def test_one_address_logged_for_two_posts_is_an_error_at_the_second(tmp_path: Path) -> None:
    """The line above copied for the next post, its `url:` left as it was: the second post's event and card
    linked to the first post, and nothing said so."""
    from helpers import load_errors

    url = "https://www.linkedin.com/feed/update/urn:li:activity:7150000000000000000/"
    assert load_errors(tmp_path, CALENDAR + f"""\
posted:
  - {{item: lundi-linkedin-20270104, url: "{url}"}}
  - lundi-mastodon-20270104
  - {{item: lundi-linkedin-20270111, url: "{url}"}}
""") == [f"calendar.yaml:16:42: error: found url '{url}', the address of 'lundi-linkedin-20270104' "
         "(calendar.yaml:14) too, expected this post's own address\n"
         "    hint: open this post on the network and copy its own address; if you do not have it, remove `url:`"]


def test_an_address_on_another_network_s_host_is_an_error_at_its_url() -> None:
    """A LinkedIn post's line given an X post's address, a Mastodon post's given a LinkedIn one: the post's
    event and card linked to another network's post, and nothing said so."""
    found = errors_of("""\
posted:
  - {item: lundi-linkedin-20270104, url: "https://x.com/atelier/status/1"}
  - {item: lundi-mastodon-20270104, url: "https://www.linkedin.com/feed/update/urn:li:activity:1/"}
  - {item: lundi-linkedin-20270111, url: "https://lnkd.in/e8xYz"}
  - {item: lundi-mastodon-20270111, url: "https://piaille.fr/@atelier/1137"}
""")
    assert found == [
        "calendar.d/log.yaml:2:42: error: found url 'https://x.com/atelier/status/1', on x.com, expected the "
        "address of a LinkedIn post (on linkedin.com, lnkd.in)\n"
        "    hint: open this post on LinkedIn and copy its address; a host of your own for LinkedIn posts goes in "
        "its `hosts:` under `networks:`",
        "calendar.d/log.yaml:3:42: error: found url 'https://www.linkedin.com/feed/update/urn:li:activity:1/', the "
        "address of a LinkedIn post, expected the address of a Mastodon post\n"
        "    hint: open this post on Mastodon and copy its address; if the line names the wrong post, write the "
        "LinkedIn post's id"]


def test_a_site_s_hosts_are_those_its_network_posts_on() -> None:
    """A Bluesky client of the team's own, or a network of the site's own: no address is judged against hosts
    edcal does not know."""
    calendar = calendar_from(CALENDAR.replace("  mastodon: {}", "  mastodon: {}\n  linkedin-rh: {like: linkedin, "
                                              "name: LinkedIn RH, hosts: [linkedin.com, lnkd.in, rh.example]}\n"
                                              "  fil: {custom: true, name: Le Fil, limit: 500}")
                             .replace("[linkedin, mastodon]", "[linkedin, mastodon, linkedin-rh, fil]"),
                             {"log.yaml": """\
posted:
  - {item: lundi-linkedin-rh-20270104, url: "https://rh.example/p/1"}
  - {item: lundi-fil-20270104, url: "https://www.linkedin.com/feed/update/urn:li:activity:1/"}
"""})
    plan = plan_of(calendar, now=NOW)
    assert {item.id: item.posted.url for item in plan.items if item.posted is not None} == {
        "lundi-linkedin-rh-20270104": "https://rh.example/p/1",
        "lundi-fil-20270104": "https://www.linkedin.com/feed/update/urn:li:activity:1/"}


def test_a_host_is_the_same_in_either_form_and_with_a_final_dot() -> None:
    """An address as a browser takes it: `bsky.app.` (a final dot) is bsky.app, and a host with an accent is
    the same written in Unicode or in Punycode, in `hosts:` as in `url:`; the accent in `hosts:` was an error,
    and either address on Bluesky's own host refused."""
    calendar = calendar_from(CALENDAR.replace("  mastodon: {}", "  mastodon: {}\n  bluesky: {hosts: [bsky.app, "
                                              "atelier-métal.fr, XN--Bcher-kva.de]}")
                             .replace("[linkedin, mastodon]", "[linkedin, mastodon, bluesky]"), {"log.yaml": """\
posted:
  - {item: lundi-bluesky-20270104, url: "https://bsky.app./profile/atelier/post/1"}
  - {item: lundi-bluesky-20261207, url: "https://xn--atelier-mtal-jeb.fr/p/2"}
  - {item: lundi-bluesky-20261214, url: "https://www.bücher.de/p/3"}
"""})
    plan = plan_of(calendar, now=NOW)
    assert sorted(item.id for item in plan.items if item.posted is not None and item.posted.url) == [
        "lundi-bluesky-20261207", "lundi-bluesky-20261214", "lundi-bluesky-20270104"]


def test_an_address_off_the_network_s_hosts_is_told_with_hosts_as_written() -> None:
    """The error named the hosts in Punycode (`on xn--atelier-mtal-jeb.fr` for `hosts: [atelier-métal.fr]`)
    and printed an address's host whole (2,000 letters on one line) where it cut the address at 80."""
    calendar = calendar_from(CALENDAR.replace("  mastodon: {}", "  mastodon: {}\n  bluesky: {hosts: [atelier-métal.fr]}")
                             .replace("[linkedin, mastodon]", "[linkedin, mastodon, bluesky]"), {"log.yaml": f"""\
posted:
  - {{item: lundi-bluesky-20270104, url: "https://{'a' * 2000}.fr/p/1"}}
"""})
    with pytest.raises(InputErrors) as caught:
        plan_of(calendar, now=NOW)
    message = caught.value.errors[0].message
    assert message == (f"found url 'https://{'a' * 72}', on {'a' * 79}…, expected the address of a Bluesky post "
                       "(on atelier-métal.fr)"), message


def test_hosts_written_empty_judge_no_address() -> None:
    """`hosts: []`, as the docs say, judges no address: a Mastodon line given an address on LinkedIn's host
    was still an error, the team's word to take any host unheard."""
    calendar = calendar_from(CALENDAR.replace("  mastodon: {}", "  mastodon: {hosts: []}"), {"log.yaml": """\
posted:
  - {item: lundi-mastodon-20270104, url: "https://www.linkedin.com/feed/update/urn:li:activity:1/"}
"""})
    plan = plan_of(calendar, now=NOW)
    assert [item.posted.url for item in plan.items if item.posted is not None and item.posted.url] == [
        "https://www.linkedin.com/feed/update/urn:li:activity:1/"]


def test_a_network_s_hosts_are_hosts_alone(tmp_path: Path) -> None:
    from helpers import load_errors

    assert load_errors(tmp_path, CALENDAR.replace("  mastodon: {}", "  mastodon: {}\n  bluesky: {hosts: ['https://bsky.app']}")) == [
        "calendar.yaml:6:21: error: found host 'https://bsky.app', expected the name of a host its posts' addresses "
        "are on\n    hint: write its host alone: 'bsky.app' (its subdomains are in)"]


def test_each_wrong_host_is_told_at_its_place_in_the_list(tmp_path: Path) -> None:
    """Only the first wrong host of a list was told, at the list's first line: a second one came out at the
    next run, and a host with an empty part (`a..b`) was told to be written alone."""
    from helpers import load_errors

    hosts = "\n".join(f"      - {host}" for host in ("bsky.app", "'https://Deer.social/profile/x'", "a..b"))
    assert load_errors(tmp_path, CALENDAR.replace("  mastodon: {}", f"  mastodon: {{}}\n  bluesky:\n    hosts:\n{hosts}")) == [
        "calendar.yaml:9:9: error: found host 'https://Deer.social/profile/x', expected the name of a host its posts' "
        "addresses are on\n    hint: write its host alone: 'deer.social' (its subdomains are in)",
        "calendar.yaml:10:9: error: found host 'a..b', with nothing between two of its dots\n    hint: a host's name is "
        "the part of its posts' addresses between `//` and the next `/`: check it was copied whole, and alone"]


@pytest.mark.parametrize(("host", "told"), [
    ("'bsky.app:443'", "write its host alone: 'bsky.app' (its subdomains are in)"),
    ("'*.bsky.app'", "write its host alone: 'bsky.app' (its subdomains are in)"),
    ("'me@bsky.app'", "write its host alone: 'bsky.app' (its subdomains are in)"),
])
def test_a_host_with_a_port_or_a_wildcard_is_told_the_host_to_write(tmp_path: Path, host: str, told: str) -> None:
    """`bsky.app:443` or `*.bsky.app` was told the examples (`hosts: [linkedin.com, lnkd.in]`), not its host."""
    from helpers import load_errors

    found = load_errors(tmp_path, CALENDAR.replace("  mastodon: {}", f"  mastodon: {{}}\n  bluesky: {{hosts: [{host}]}}"))
    assert found[0].splitlines()[1] == f"    hint: {told}", found


def test_an_empty_host_in_the_list_is_told_empty(tmp_path: Path) -> None:
    """`hosts: [bsky.app, '']` was told "found host '', with nothing between two of its dots"."""
    from helpers import load_errors

    found = load_errors(tmp_path, CALENDAR.replace("  mastodon: {}", "  mastodon: {}\n  bluesky: {hosts: [bsky.app, '']}"))
    assert found == ["calendar.yaml:6:31: error: found an empty host, expected the name of a host its posts' "
                     "addresses are on\n    hint: write the host's name (bsky.app), or remove the empty item"]


def test_hosts_written_with_nothing_after_it_is_told_what_to_write(tmp_path: Path) -> None:
    """`hosts:` with nothing after it kept the built-in hosts without a word, while `hosts: []` judges no
    address: the writer meant one of the two."""
    from helpers import load_errors

    assert load_errors(tmp_path, CALENDAR.replace("  mastodon: {}", "  mastodon: {}\n  bluesky:\n    hosts:")) == [
        "calendar.yaml:7:11: error: `hosts:` is empty on Bluesky, expected the hosts its posts' addresses are on\n"
        "    hint: write `hosts: []` to judge no address, or leave the line out for Bluesky's own (bsky.app)"]


@pytest.mark.parametrize("empty", ["''", '" "'])
def test_hosts_written_as_an_empty_text_is_told_as_nothing_after_it_is(tmp_path: Path, empty: str) -> None:
    """`hosts: ''` was read as `hosts: []`, judging no address, where `hosts:` alone is an error."""
    from helpers import load_errors

    assert load_errors(tmp_path, CALENDAR.replace("  mastodon: {}", f"  mastodon: {{}}\n  bluesky:\n    hosts: {empty}")) == [
        "calendar.yaml:7:12: error: `hosts:` is empty on Bluesky, expected the hosts its posts' addresses are on\n"
        "    hint: write `hosts: []` to judge no address, or leave the line out for Bluesky's own (bsky.app)"]


@pytest.mark.parametrize(("host", "message"), [
    ("a" * 64 + ".example.fr", f"found host '{'a' * 64}.example.fr', whose part '{'a' * 64}' has 64 characters, "
                               "expected 63 at most between two dots"),
    (".".join(["c" * 63] * 4) + ".fr", f"found host '{('.'.join(['c' * 63] * 4))[:80]}…' of 258 characters, "
                                       "expected 253 at most"),
    # 60 letters, but 66 characters as addresses carry them (Punycode, xn--…): it was told no host's name
    ("é" * 60 + ".fr", f"found host '{'é' * 60}.fr', whose part '{'é' * 60}' has 66 characters as addresses "
                       "write it (xn--9caaaaaa…), expected 63 at most between two dots"),
])
def test_a_host_longer_than_a_name_may_be_is_an_error(tmp_path: Path, host: str, message: str) -> None:
    """A host of 64 characters between two dots, or of 254 in all, was taken: no address is on it, and every
    `posted:` line's `url:` was then refused for being elsewhere."""
    from helpers import load_errors

    text = CALENDAR.replace("  mastodon: {}", "  mastodon: {}\n  bluesky: {hosts: [bsky.app, %s]}")
    assert load_errors(tmp_path, text % host) == [
        f"calendar.yaml:6:31: error: {message}\n    hint: a host's name is the part of its posts' addresses between "
        "`//` and the next `/`: check it was copied whole, and alone"]
    longest = ".".join(["b" * 61] * 4)  # 63 between two dots, 247 in all: a name may be so long
    assert calendar_from(text % longest).networks["bluesky"].hosts == ("bsky.app", longest)


def test_an_intranet_s_host_may_be_a_single_name(tmp_path: Path) -> None:
    """A company's intranet answers at `http://lefil/…`, a name without a dot: `hosts: [lefil]` was refused as
    no host's name, and the site could not have its own network's addresses judged."""
    from helpers import load_errors

    fil = CALENDAR.replace("  mastodon: {}", "  mastodon: {}\n  fil: {custom: true, name: Le Fil, limit: 500, "
                           "hosts: [lefil]}").replace("[linkedin, mastodon]", "[linkedin, mastodon, fil]")
    calendar = calendar_from(fil, {"log.yaml": "posted:\n  - {item: lundi-fil-20270104, url: 'http://lefil/actu/12'}\n"})
    assert [item.posted.url for item in plan_of(calendar, now=NOW).items if item.posted is not None] == [
        "http://lefil/actu/12"]
    with pytest.raises(InputErrors) as caught:
        plan_of(calendar_from(fil, {"log.yaml": "posted:\n  - {item: lundi-fil-20270104, "
                                                "url: 'https://www.linkedin.com/feed/update/urn:li:activity:1/'}\n"}),
                now=NOW)
    assert "the address of a LinkedIn post, expected the address of a Le Fil post" in caught.value.errors[0].format()
    assert load_errors(tmp_path, fil.replace("hosts: [lefil]", "hosts: ['12']"))[0].startswith(
        "calendar.yaml:6:57: error: found host '12'"), "a number is no host's name"


def test_plan_json_says_when_and_where_a_logged_post_went_out() -> None:
    calendar = calendar_from(CALENDAR, {"log.yaml": """\
posted:
  - lundi-linkedin-20270104
  - {item: lundi-mastodon-20270104, at: 2027-01-04 09:40, url: "https://mastodon.social/@atelier/1137"}
  - {item: lundi-mastodon-20261228, at: 2026-12-29}
  - lundi-linkedin-20270118
  - {item: lundi-mastodon-20270111, at: 2027-01-14 09:00}
"""})
    plan = plan_of(calendar, now=NOW)
    items = {item["id"]: item for item in plan_json.document(plan)["items"]}
    assert items["lundi-linkedin-20270104"]["posted"] == {
        "at": "2027-01-04T09:00:00+01:00", "url": None, "source": "calendar.d/log.yaml:2"}
    assert items["lundi-mastodon-20270104"]["posted"] == {
        "at": "2027-01-04T09:40:00+01:00", "url": "https://mastodon.social/@atelier/1137",
        "source": "calendar.d/log.yaml:3"}
    assert items["lundi-mastodon-20261228"]["posted"]["at"] == "2026-12-29"
    assert "posted" not in items["lundi-linkedin-20270111"]
    # A line takes effect at its moment: on 13 January, a post planned for the 18th, or logged as gone out on
    # the 14th, has not gone out yet (a build pinned to an earlier EDCAL_NOW shows the plan as it stood).
    assert "posted" not in items["lundi-linkedin-20270118"]
    assert "posted" not in items["lundi-mastodon-20270111"]
    later = {item.id: item for item in plan_of(calendar, now="2027-01-19T10:00:00+01:00").items}
    assert later["lundi-linkedin-20270118"].posted is not None
    assert later["lundi-mastodon-20270111"].posted is not None


def _rows(plan: Any) -> dict[tuple[str, str], Any]:
    return {(month.first.isoformat()[:7], channel.network or "blog"): channel
            for month in report(plan).months for channel in month.channels}


def test_the_report_counts_what_went_out_and_judges_the_cadence_on_it() -> None:
    calendar = calendar_from(CALENDAR, {"log.yaml": "posted:\n  - lundi-linkedin-20270104\n"})
    figures = report(plan_of(calendar, now=NOW))
    rows = _rows(plan_of(calendar, now=NOW))
    january = rows[("2027-01", "linkedin")]
    # 4 Mondays: the 4th logged, the 11th passed without the log's word, the 18th and 25th to come.
    assert (january.tally.planned, january.tally.done, january.tally.unconfirmed, january.tally.to_come) \
        == (4, 1, 1, 2)
    # One week over (4–10 January), with one post of the two the cadence asks.
    assert (january.judged, january.below) == (1, 1)
    # December is before the log's first post: a post counts as gone out once its time has passed.
    december = rows[("2026-12", "linkedin")]
    assert (december.tally.done, december.tally.unconfirmed) == (4, 0)
    assert [month.before_log for month in figures.months] == [False, True]
    # What to confirm: the posts of the log's months whose time has passed, oldest first.
    assert [item.id for item in figures.to_confirm] == [
        "lundi-mastodon-20270104", "lundi-linkedin-20270111", "lundi-mastodon-20270111"]


def test_without_a_log_a_post_counts_as_gone_out_once_its_time_has_passed() -> None:
    figures = report(plan_of(calendar_from(CALENDAR), now=NOW))
    assert not figures.logged and figures.to_confirm == []
    rows = {(m.first.month, c.network): c for m in figures.months for c in m.channels}
    assert (rows[(1, "linkedin")].tally.done, rows[(1, "linkedin")].tally.unconfirmed) == (2, 0)


ENV = {"EDCAL_NOW": "2027-01-12T10:00:00+01:00", "SOURCE_DATE_EPOCH": EPOCH}


def _cells(page: str, month: str, network: str) -> dict[str, str]:
    section = page[page.index(f'id="month-{month}"'):]
    row = section[section.index(f'<tr data-network="{network}"'):section.index("</tr>",
                                                                                section.index(f'data-network="{network}"'))]
    return {name: html.unescape(re.sub(r"<[^>]+>", "", value)).strip()
            for name, value in re.findall(r'<td [^>]*data-count="([a-z-]+)"[^>]*>(.*?)</td>', row, re.S)}


def test_the_lines_to_confirm_copied_into_the_log_make_the_next_report_count_them(tmp_path: Path) -> None:
    """A community manager opens the report, copies the lines of what went out, pastes them under
    `posted:`, and the next build counts those posts as gone out."""
    site = copy_sample(tmp_path / "sample")
    assert run_edcal("build", cwd=site, env=ENV).returncode == 0
    report_page = site / "planning" / "report.html"
    page = report_page.read_text(encoding="utf-8")
    assert "<h1>Bilan\u00a0: prévu et réalisé</h1>" in page
    # The list to confirm says how to log a post that did not go out.
    assert "Une publication qui n'est pas partie se note aussi, pour qu'elle ne soit plus à confirmer\u00a0: " \
        "{item: …, skipped: true}." in html.unescape(page)
    # November: the log's first month; two posts never confirmed (Instagram on the 25th, Mastodon on the 26th).
    # Weeks below the cadence: that of the 23rd; that of the 30th, whose post on 2 December is unconfirmed, is
    # December's, which holds most of its days (it was November's on this page, December's on the objectives).
    assert _cells(page, "2026-11", "instagram") == {
        "planned": "4", "done": "3", "unconfirmed": "1", "skipped": "0", "to-come": "0", "withheld": "0", "unready": "0",
        "below": "⚠ 1 sur 4 semaines"}
    # December: the log says the post of the 23rd did not go out (`skipped: true`), the others are unconfirmed.
    assert _cells(page, "2026-12", "instagram") | {"below": ""} == {
        "planned": "4", "done": "0", "unconfirmed": "3", "skipped": "1", "to-come": "0", "withheld": "1", "unready": "0",
        "below": ""}
    assert _cells(page, "2027-01", "linkedin")["done"] == "0"
    # A network's objective, with its figure, in the month the figure was measured only: every month's row
    # said "Mesuré : 1 180 abonnés le lundi 4 janvier 2027", September's too.
    months = re.split(r'id="month-(\d{4}-\d{2})"', page)[1:]
    measured = {month for month, part in zip(months[::2], months[1::2], strict=True) if "Mesuré" in html.unescape(part)}
    assert measured == {"2027-01"}, measured
    # The agenda says of a logged post that it went out, and links to it on the network.
    agenda = (site / "planning" / "agenda" / "2026-11.html").read_text(encoding="utf-8")
    def card(item_id: str) -> str:
        start = agenda.index(f'id="item-{item_id}"')
        return agenda[start:agenda.index("</li>", start)]

    assert "✓ Partie, selon le journal\u00a0: mardi 3 novembre 2026, 09:00 · " \
        in html.unescape(card("nos-apprentis-linkedin-0"))
    assert 'href="https://www.linkedin.com/feed/update/urn:li:activity:7259000000000000001/"' \
        in card("nos-apprentis-linkedin-0")
    assert "Partie, selon le journal" not in card("coulisses-atelier-instagram-20261125")
    # The report's "Non confirmé", on the card its list links to; not on a logged post's.
    assert "Non confirmée\u00a0: le journal de ce qui est parti ne la cite pas." \
        in html.unescape(card("coulisses-atelier-instagram-20261125"))
    assert "Non confirmée" not in card("nos-apprentis-linkedin-0")
    with serve(site / "planning") as server, browser() as chromium:
        context = chromium.new_context(viewport={"width": 1200, "height": 900}, locale="fr-FR")
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.rstrip("/"))
        tab = context.new_page()
        # The month's calendar says of each past post what the log says, as the agenda's rows do.
        tab.goto(server + "index.html?view=month&date=2026-11")
        cell = tab.locator('.item[data-item-id="coulisses-atelier-instagram-20261125"] .badge')
        assert cell.inner_text() == "non confirmé"
        assert tab.locator('.item[data-item-id="nos-apprentis-linkedin-0"] .badge').inner_text() == "parti"
        tab.goto(server + "index.html?view=month&date=2026-12")
        assert tab.locator('.item[data-item-id="coulisses-atelier-instagram-20261223"] .badge').inner_text() \
            == "annulé"
        # The status filter keeps the past posts the log says that of: in the month view and on the agenda.
        tab.select_option('select[data-filter="status"]', "log:skipped")
        assert tab.locator(".item[data-item-id]:visible").evaluate_all(
            "items => items.map(item => item.dataset.itemId)") == ["coulisses-atelier-instagram-20261223"]
        tab.goto(server + "agenda/2026-11.html?status=log:unconfirmed")
        shown = tab.locator("li.item[data-item-id]:visible").evaluate_all(
            "items => items.map(item => item.dataset.itemId)")
        assert "coulisses-atelier-instagram-20261125" in shown and "nos-apprentis-linkedin-0" not in shown, shown
        assert all(tab.locator(f'li.item[data-item-id="{item}"] .badge').inner_text() == "non confirmé"
                   for item in shown)
        tab.goto(server + "index.html?view=month&date=2026-11")
        tab.goto(server + "index.html")
        tab.click('nav a:text("Bilan")')
        assert tab.url.endswith("/report.html")
        tab.click('button.copy:text("Copier les lignes")')
        tab.locator('#log-lines-status', has_text="Copié").wait_for(timeout=5000)
        lines = tab.evaluate("navigator.clipboard.readText()")
    # The lines of the last 31 days, oldest first, each with its network, time and title in a comment.
    assert lines.splitlines()[0] == ("  - verriere-atelier-bluesky-0   # Bluesky · 2026-12-15 09:00 · Une verrière "
                                     "d'atelier chez soi : les cinq questions à se poser")
    january = [line for line in lines.splitlines() if "· 2027-01-" in line]
    log = site / "calendar.d" / "publie.yaml"
    log.write_text(log.read_text(encoding="utf-8") + "\n".join(january) + "\n", encoding="utf-8")
    result = run_edcal("build", cwd=site, env=ENV)
    assert result.returncode == 0, result.stderr
    page = report_page.read_text(encoding="utf-8")
    # The nine January posts whose time has passed are gone out now; December's are still to confirm.
    assert _cells(page, "2027-01", "linkedin")["done"] == "3"  # the 5th, the 7th and the 12th
    assert _cells(page, "2027-01", "linkedin")["unconfirmed"] == "0"
    assert "voeux-2027-intranet" not in page[page.index('id="log-lines"'):]
    assert "verriere-atelier-linkedin-2d" in page[page.index('id="log-lines"'):]
    plan = load_plan(site)
    assert next(i for i in plan["items"] if i["id"] == "voeux-2027-intranet")["posted"]["at"] \
        == "2027-01-04T08:30:00+01:00"


#: A plan of 4,000 posts, one a day on four networks, all gone by NOW.
DAILY = """\
version: 1
timezone: Europe/Paris
networks: {linkedin: {}, mastodon: {}, bluesky: {}, x: {}}
posts:
  - id: chaque-jour
    networks: [linkedin, mastodon, bluesky, x]
    repeat: {every: day, from: 2024-01-01, until: 2026-09-26, at: "09:00"}
    text: Une astuce par jour
"""


def _ids_compared(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many ids the hints compare a line's id with (``edcal.plan.posted.closest``'s candidates), counted
    from now on: the work that grows with the plan, whatever the machine's load."""
    import edcal.plan.posted as posted

    closest = posted.closest
    compared = [0]

    def counted(found: str, candidates: Any) -> str | None:
        candidates = list(candidates)
        compared[0] += len(candidates)
        return closest(found, candidates)

    monkeypatch.setattr(posted, "closest", counted)
    return compared


def test_a_log_of_misspelt_ids_on_a_large_plan_is_told_quickly(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each id that names no post was compared with every post's id: 1,000 of them on a plan of 10,000
    posts took 78 s. A typo's post is found in the time of a look-up; the hint stays the closest id.

    Judged on the ids compared, not on seconds (4 s failed on a loaded machine): the two lines with no post
    one typo away are compared with the 4,000 posts' ids, the 400 typos each with the few one typo away
    (1.6 million ids compared, when each line was compared with every post's)."""
    compared = _ids_compared(monkeypatch)
    calendar = calendar_from(DAILY, {"log.yaml": "posted:\n" + "".join(
        f"  - chaque-jour-{network}-2025{month:02}{day:02}\n".replace("jour", "jur" if day % 2 else "joru")
        for network in ("linkedin", "mastodon", "bluesky", "x") for month in range(1, 11) for day in range(1, 11))
        + "  - chaque-jour-linkedin\n  - quelque-chose\n"})
    with pytest.raises(InputErrors) as caught:
        plan_of(calendar, now=NOW)
    found = [error.format() for error in caught.value.errors]
    assert len(found) == 402
    assert found[0] == ("calendar.d/log.yaml:2:5: error: found 'chaque-jur-linkedin-20250101', which names no post "
                        "of the plan\n    hint: did you mean 'chaque-jour-linkedin-20250101'?")
    assert found[1].endswith("hint: did you mean 'chaque-jour-linkedin-20250102'?")  # two letters swapped
    # No post one typo away: compared with every post's id, as before (the first twenty such lines).
    assert "hint: did you mean 'chaque-jour-linkedin-20" in found[-2]
    assert found[-1].endswith("hint: a post's id is on its card in the planning pages and in its draft's file name "
                              "(drafts/<network>/<day>T<time>-<id>.txt)")
    assert compared[0] < 2 * 4000 + 400 * 5, compared


def test_without_a_log_a_draft_whose_time_has_passed_has_not_gone_out() -> None:
    """The plan's word for a post still a draft on its day is that it did not go out: held back, as a frozen
    post is (with a log too: it is no line to paste into it); and not among the lines to paste into a log the
    site does not keep."""
    calendar = calendar_from(CALENDAR.replace("ideas:", """\
  - {id: brouillon, networks: [linkedin], status: draft, at: 2027-01-05 10:00, text: Pas fini}
ideas:"""))
    figures = report(plan_of(calendar, now=NOW))
    january = {c.network: c for m in figures.months if m.first.month == 1 for c in m.channels}["linkedin"]
    assert (january.tally.planned, january.tally.done, january.tally.unready) == (4, 2, 1)
    assert figures.to_confirm == []


def test_a_log_begun_with_nothing_under_it_yet_is_a_log() -> None:
    """`posted:` written alone, before the first post goes out, is a log (as `posted: []` is): the report
    counts this month's posts on its word, not the plan's."""
    for log in ("posted:\n", "# Le journal\nposted:   # rien encore\n", "posted: []\n"):
        figures = report(plan_of(calendar_from(CALENDAR, {"log.yaml": log}), now=NOW))
        assert figures.logged, log
        january = {c.network: c for m in figures.months if m.first.month == 1 for c in m.channels}["linkedin"]
        assert (january.tally.done, january.tally.unconfirmed) == (0, 2), log


def test_a_network_is_not_judged_below_its_cadence_in_the_months_before_its_first_post() -> None:
    """A blog with an article of March 2025 made the report judge LinkedIn's 2/week in every week since, 22
    months of "⚠ 5 of 5 weeks" for a network whose first post is of December 2026. A month of silence after
    the first post is one below the cadence still."""
    calendar = calendar_from(CALENDAR)
    archive = article("archives", "2025-03-10T10:00", calendar)
    figures = report(plan_of(calendar, [archive], now=NOW))
    rows = {(m.first.isoformat()[:7], c.network): c for m in figures.months for c in m.channels}
    assert [m.first.isoformat()[:7] for m in figures.months][-1] == "2025-03"
    assert ("2025-03", None) in rows  # the article's month has the blog's row
    # The months between, with nothing planned and no cadence begun, have no table of their own.
    assert [m.first.isoformat()[:7] for m in figures.months] == ["2027-01", "2026-12", "2025-03"]
    assert not [key for key in rows if key[1] == "linkedin" and key[0] < "2026-12"]
    assert (rows[("2026-12", "linkedin")].judged, rows[("2026-12", "linkedin")].below) == (4, 4)

    # A network with a cadence and nothing planned yet is judged from this month on.
    empty = calendar_from(CALENDAR.replace("mastodon: {}", "mastodon: {cadence: 1/week}").replace(
        "networks: [linkedin, mastodon]", "networks: [linkedin]"))
    rows = {(m.first.isoformat()[:7], c.network): c for m in report(plan_of(empty, now=NOW)).months
            for c in m.channels}
    assert [key for key in rows if key[1] == "mastodon"] == [("2027-01", "mastodon")]
    assert (rows[("2027-01", "mastodon")].judged, rows[("2027-01", "mastodon")].below) == (1, 1)

    # Nor in the weeks of its first month before its first post: LinkedIn's first Monday on 21 December, the
    # weeks of the 7th and 14th are not below its cadence (it said "⚠ 4 of 4 weeks"); the week of that post is
    # judged, and the next.
    later = calendar_from(CALENDAR.replace("from: 2026-12-07", "from: 2026-12-16"))
    rows = {(m.first.isoformat()[:7], c.network): c for m in report(plan_of(later, now=NOW)).months
            for c in m.channels}
    assert (rows[("2026-12", "linkedin")].judged, rows[("2026-12", "linkedin")].below) == (2, 2)


def test_a_line_far_longer_than_any_id_is_told_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A line of 40,000 characters (a text pasted into the log) is no post one typo away: it was copied
    40,000 times to look for one (1.6 GB, 3 s; a line of 100,000 characters took 10 GB).

    Judged on the characters copied, not on seconds (1.5 s could fail on a loaded machine); counted before
    the copies are made, so that the regression fails at once rather than fill the memory."""
    import edcal.plan.posted as posted

    shorter = posted._shorter
    copied = [0]

    def counted(text: str) -> list[str]:
        copied[0] += len(text) * (len(text) - 1)
        assert copied[0] < 1_000_000, f"{copied[0]:,} characters copied for ids one character shorter"
        return shorter(text)

    monkeypatch.setattr(posted, "_shorter", counted)
    calendar = calendar_from(CALENDAR, {"log.yaml": "posted:\n  - " + "lundi" * 8000 + "\n"})
    with pytest.raises(InputErrors) as caught:
        plan_of(calendar, now=NOW)
    assert [error.message for error in caught.value.errors] == [
        f"found '{'lundi' * 8000}', which names no post of the plan"]


def test_the_report_says_to_paste_the_lines_into_the_file_that_keeps_the_log(tmp_path: Path) -> None:
    """The log kept in calendar.d/publie.yaml: the report names that file, not calendar.yaml."""
    from edcal.outputs import report as report_page
    from helpers import write_planning_page

    calendar = calendar_from(CALENDAR, {"publie.yaml": "posted:\n  - lundi-linkedin-20270104\n"})
    write_planning_page(report_page, plan_of(calendar, now=NOW), tmp_path)
    text = html.unescape(re.sub(r"\s+", " ", (tmp_path / "report.html").read_text(encoding="utf-8")))
    assert "le journal de ce qui est parti (posted: dans calendar.d/publie.yaml) la cite" in text
    assert ("Copiez les lignes de celles qui sont parties sous posted: dans calendar.d/publie.yaml (une publication "
            "partie à une autre heure s'écrit avec l'heure où elle est partie : {item: …, at: 2027-01-12 09:40})."
            in text)  # it said "prend son heure", which reads "takes its time"
    assert "calendar.yaml" not in text


def test_a_time_written_the_french_way_gets_the_date_to_write(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """`at:` says when a post went out: a day without its year is the last such day, never the coming one."""
    from helpers import load_errors

    monkeypatch.setenv("EDCAL_NOW", "2027-02-01T09:00:00+01:00")
    found = load_errors(tmp_path, CALENDAR + """\
posted:
  - {item: lundi-linkedin-20270118, at: 18/01/2027 9h}
  - {item: lundi-mastodon-20270118, at: 18 janvier}
""")
    assert [error.splitlines()[1] for error in found] == [
        "    hint: dates are written year first: 2027-01-18 9h",
        "    hint: dates are written with digits, year first, and with their year: 2027-01-18",
    ]


def test_a_post_logged_with_an_at_still_to_come_is_not_offered_again_as_a_line_to_paste(tmp_path: Path) -> None:
    """`at: 2027-01-21` typed for the 12th: the report says where the log holds it, instead of telling the
    user the post is not in the log and giving a line that, pasted, would be a post logged twice."""
    from edcal.outputs import report as report_page
    from helpers import write_planning_page

    calendar = calendar_from(CALENDAR, {"publie.yaml": """\
posted:
  - {item: lundi-linkedin-20270111, at: 2027-01-21 09:05}
  - {item: lundi-mastodon-20270104, at: 2027-01-14}
"""})
    plan = plan_of(calendar, now=NOW)
    figures = report(plan)
    assert [item.id for item in figures.to_confirm] == ["lundi-linkedin-20270104", "lundi-mastodon-20270111"]
    assert [(item.id, str(line.source)) for item, line in figures.logged_ahead] == [
        ("lundi-mastodon-20270104", "calendar.d/publie.yaml:3"), ("lundi-linkedin-20270111", "calendar.d/publie.yaml:2")]
    write_planning_page(report_page, plan, tmp_path)
    page = html.unescape(re.sub(r"<[^>]+>", "", (tmp_path / "report.html").read_text(encoding="utf-8")))
    assert "2 publications dont l'heure est passée sont dans le journal avec un at: encore à venir" in page
    assert "— le journal (calendar.d/publie.yaml:2) dit\u00a0: jeudi 21 janvier 2027, 09:05" in page
    assert "— le journal (calendar.d/publie.yaml:3) dit\u00a0: jeudi 14 janvier 2027" in page
    lines = page[page.index("Lignes pour posted"):page.index("Copier les lignes")]
    assert "lundi-linkedin-20270104" in lines and "lundi-linkedin-20270111" not in lines


def test_the_lines_to_confirm_pasted_under_posts_are_told_where_they_go(tmp_path: Path) -> None:
    """The report's lines pasted at the end of calendar.yaml, whose last section is `posts:`."""
    from helpers import load_errors

    found = load_errors(tmp_path, CALENDAR.replace("ideas:\n  - {id: mesurer, title: Mesurer ses réseaux, "
                                                   "publish: 2027-01-06}\n", "")
                        + "  - lundi-linkedin-20270104   # LinkedIn · 2027-01-04 09:00 · Bonne semaine\n")
    assert found == [
        "calendar.yaml:11:5: error: found 'lundi-linkedin-20270104', expected a mapping (key: value lines)\n"
        "    hint: a post's id alone is a line of the log of what went out: it goes under `posted:` (write "
        "`posted:`, unindented, on the line above, or move it into the file that keeps the log), not under "
        "`posts:`"]
    # An idea's id alone under `ideas:` names no network: it is no line of the log.
    found = load_errors(tmp_path, CALENDAR + "  - mesurer-ses-reseaux\n")
    assert found == ["calendar.yaml:13:5: error: found 'mesurer-ses-reseaux', expected a mapping (key: value lines)"]


def test_an_entry_s_id_gets_the_ids_of_its_posts_most_likely_meant_first() -> None:
    """The posts gone out last and not logged yet come first, the logged ones not at all."""
    found = errors_of("""\
posted:
  - lundi-linkedin-20270111
  - lundi
  - {item: lundi-linkedin-20270104, at: 2027-01-04 09:30}
  - lundi-mastodon-20270104
  - lundi-20270104
""")
    assert found == [
        "calendar.d/log.yaml:3:5: error: found 'lundi', which names an entry (as `edcal agenda --ids` shows it), "
        "expected the id of one of its posts\n"
        "    hint: a line names one post, on one network: lundi-mastodon-20270111, lundi-mastodon-20261228, "
        "lundi-linkedin-20261228, lundi-mastodon-20261221, lundi-linkedin-20261221, lundi-mastodon-20261214, …",
        "calendar.d/log.yaml:6:5: error: found 'lundi-20270104', which names an entry (as `edcal agenda --ids` "
        "shows it), expected the id of one of its posts\n"
        "    hint: each of its posts is in the log already: delete this line",
    ]


def _agenda_rows(site: Path, until: str, monkeypatch: pytest.MonkeyPatch) -> set[str]:
    """`edcal agenda --since 2026-11-09 --until UNTIL` on ``site`` on 30 November: its rows, spaces collapsed."""
    from click.testing import CliRunner

    from edcal.__main__ import cli

    monkeypatch.setenv("EDCAL_NOW", "2026-11-30T09:00:00+01:00")
    result = CliRunner().invoke(cli, ["agenda", "--site", str(site), "--since", "2026-11-09", "--until", until],
                                env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    return {" ".join(line.split()) for line in result.output.splitlines()}


@pytest.mark.usefixtures("site_language")
def test_the_agenda_of_a_past_week_says_what_the_log_says(monkeypatch: pytest.MonkeyPatch) -> None:
    """`edcal agenda --since` for last week's review: the posts the report counts as gone out, at the time the
    log gives, and those it does not confirm, instead of "publié" for every post whose time has passed."""
    from conftest import ROOT

    rows = _agenda_rows(ROOT, "2026-11-29", monkeypatch)
    # Logged with `at: 2026-11-11 18:40`; logged; not in the log (the report's "Non confirmé").
    assert "18:00 ● Instagram Les coulisses de l'atelier parti 18:40 Camille Roux" in rows
    assert "16:30 ● LinkedIn L'astuce du jeudi parti Malik Haddad" in rows
    assert "16:30 ● Mastodon L'astuce du jeudi non confirmé Malik Haddad" in rows
    assert not any("publié" in row and "●" in row for row in rows)


@pytest.mark.usefixtures("site_language")
def test_the_agenda_says_another_day_of_going_out_as_the_site_writes_a_day(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A post logged as gone out on another day than planned: the French agenda said "parti 2026-11-13",
    the way the log is typed, not the way a French sentence writes a day."""
    site = copy_sample(tmp_path / "site")
    log = site / "calendar.d" / "publie.yaml"
    log.write_text(log.read_text(encoding="utf-8")
                   .replace("at: 2026-11-11 18:40}", "at: 2026-11-12 08:10}")
                   .replace("  - astuce-du-jeudi-linkedin-20261112\n",
                            "  - {item: astuce-du-jeudi-linkedin-20261112, at: 2026-11-13}\n"), encoding="utf-8")
    rows = _agenda_rows(site, "2026-11-15", monkeypatch)
    assert "18:00 ● Instagram Les coulisses de l'atelier parti le 12/11/2026 à 08:10 Camille Roux" in rows
    assert "16:30 ● LinkedIn L'astuce du jeudi parti le 13/11/2026 Malik Haddad" in rows


def test_the_posts_to_confirm_say_whose_times_they_are(tmp_path: Path) -> None:
    """A teammate in Montréal read "lundi 4 janvier 2027, 09:00" as her own 09:00, and wrote the hour it went
    out, hers, as the log's `at:`, which is the site's: the list said nowhere in which zone its times are."""
    from edcal.outputs import report as report_page
    from helpers import write_planning_page

    calendar = calendar_from(CALENDAR, {"publie.yaml": "posted:\n- lundi-linkedin-20270104\n"})
    write_planning_page(report_page, plan_of(calendar, now=NOW), tmp_path)
    page = html.unescape((tmp_path / "report.html").read_text(encoding="utf-8"))
    section = page[page.index('id="confirm-title"'):page.index('id="log-lines"')]
    assert re.search(r"Times of the posts: Paris time\.|Heure des publications\s?: heure de Paris\.", section), section


def test_the_lines_to_paste_line_up_with_the_log_s_dashes(tmp_path: Path) -> None:
    """A log written with its dashes at the start of the line: the report's lines are too, since a line
    indented more than the one above it would be read as the rest of that one's id."""
    from edcal.outputs import report as report_page
    from helpers import write_planning_page

    calendar = calendar_from(CALENDAR, {"publie.yaml": "posted:\n- lundi-linkedin-20270104\n"})
    write_planning_page(report_page, plan_of(calendar, now=NOW), tmp_path)
    page = html.unescape((tmp_path / "report.html").read_text(encoding="utf-8"))
    lines = page[page.index('id="log-lines"'):].split(">", 1)[1].split("</textarea>")[0]
    assert lines.splitlines()[0] == "- lundi-mastodon-20270104   # Mastodon · 2027-01-04 09:00 · Bonne semaine à tous"
    # What a log whose lines are indented less than the pasted ones reads as, and what the error says.
    assert errors_of("posted:\n- lundi-linkedin-20270104\n  - lundi-mastodon-20270104   # Mastodon\n") == [
        "calendar.d/log.yaml:2:3: error: found 'lundi-linkedin-20270104 - lundi-mastodon-20270104', which names "
        "no post of the plan\n"
        "    hint: the lines below this one are indented more than its dash, so YAML reads them as the rest of "
        "its id: line up the dashes of the log's lines"]


def test_a_network_renamed_on_a_plan_of_many_entries_is_told_quickly(monkeypatch: pytest.MonkeyPatch) -> None:
    """A network's key renamed (`linkedin` made `li`) leaves each log line naming no post. Finding the entry
    each line belongs to compared it with every entry's id: 4,000 lines on 4,000 entries took 5 s, a
    year's log on a large plan minutes. Each line is now looked up by the prefixes of its id.

    Judged on how the work grows, not on a number of seconds (3.5 s failed once on a loaded machine): the
    ids compared as strings are counted, and four times the lines and entries take about four times the
    CPU time besides (10 times and more when each line was compared with every entry)."""
    import edcal.plan.posted as posted

    closest = posted.closest
    compared = [0]
    comparing = [0.0]

    def counted(found: str, candidates: Any) -> str | None:
        started = time.process_time()
        candidates = list(candidates)
        compared[0] += len(candidates)
        try:
            return closest(found, candidates)
        finally:
            comparing[0] += time.process_time() - started

    monkeypatch.setattr(posted, "closest", counted)

    def told(size: int) -> tuple[float, InputErrors]:
        """The CPU time (this process's: the machine's other work is not in it) the plan with a log of
        ``size`` lines on as many entries takes, less that of the closest ids, and its errors."""
        entries = "".join(f"  - {{id: conseil-{n}, networks: [li], at: 2026-12-{n % 28 + 1:02} 09:00, "
                          "text: Conseil}\n" for n in range(size))
        calendar = calendar_from(
            "version: 1\ntimezone: Europe/Paris\nnetworks:\n  li: {like: linkedin, name: LinkedIn}\nposts:\n"
            + entries, {"log.yaml": "posted:\n" + "".join(f"  - conseil-{n}-linkedin\n" for n in range(size))})
        compared[0], comparing[0] = 0, 0.0
        started = time.process_time()
        with pytest.raises(InputErrors) as caught:
            plan_of(calendar, now=NOW)
        return time.process_time() - started - comparing[0], caught.value

    small, _errors = told(1000)
    large, caught = told(4000)
    assert len(caught.errors) == 4000
    assert caught.errors[0].format() == (
        "calendar.d/log.yaml:2:5: error: found 'conseil-0-linkedin', which names no post of the plan\n"
        "    hint: did you mean 'conseil-0-li'?")
    # Compared with each post's id for the first 20 lines with no post one typo away, with none for the others.
    assert compared[0] == posted._Meant.FULL_SEARCHES * 4000, compared
    assert large < 7 * small, (large, small)  # 0.4 s and 0.11 s (3.2 to 4.3 times); 4 s and 0.36 s, 11 times,
    # when each line was compared with every entry


def test_a_large_recurring_entry_s_id_alone_in_the_log_is_told_quickly() -> None:
    """An entry's id pasted as a line, for an entry of 4,000 posts: finding its posts to list took 3 s a line
    (each post looked for in a list of the others), and a log has several such lines.

    Judged on how the work grows, not on a number of seconds (2 s could fail on a loaded machine): four times
    the posts take about four times the CPU time of this process (3.2 to 4 times); 14 times and more when
    each post was looked for in a list."""
    log = {"log.yaml": "posted:\n  - chaque-jour-x-20260926\n  - chaque-jour\n  - chaque-jour\n"}

    def told(first_day: str) -> tuple[float, InputErrors]:
        """The CPU time the plan takes with the entry's posts from that day on, and its errors."""
        calendar = calendar_from(DAILY.replace("from: 2024-01-01", f"from: {first_day}"), log)
        started = time.process_time()
        with pytest.raises(InputErrors) as caught:
            plan_of(calendar, now=NOW)
        return time.process_time() - started, caught.value

    small = min(told("2026-01-20")[0] for _ in range(2))  # 250 days, 1,000 posts (the lower of two runs)
    # 1,000 days, 4,000 posts, the lower of two runs as well: one run of the full suite, the machine loaded,
    # measured 0.75 s against 0.067 s (a collection of the whole process's objects falling in it).
    (large, errors), (again, _errors) = told("2024-01-01"), told("2024-01-01")
    large = min(large, again)
    found = [error.format() for error in errors.errors]
    assert found[0] == (
        "calendar.d/log.yaml:3:5: error: found 'chaque-jour', which names an entry (as `edcal agenda --ids` shows "
        "it), expected the id of one of its posts\n    hint: a line names one post, on one network: "
        "chaque-jour-mastodon-20260926, chaque-jour-linkedin-20260926, chaque-jour-bluesky-20260926, "
        "chaque-jour-x-20260925, chaque-jour-mastodon-20260925, chaque-jour-linkedin-20260925, …")
    assert found[1] == found[0].replace(":3:5:", ":4:5:")
    assert large < 7 * small, (large, small)


def test_a_post_the_log_says_was_skipped_counts_in_no_rhythm_share_or_campaign_as_gone_out() -> None:
    """The report said "Annulé"; the cadence check, the share of promotional posts and the home page's campaign
    counted it as posted all the same: a week one post short was not warned, a share above the ceiling was not
    (2 promotional posts of 7 shown as 2 of 8), a campaign whose posts were all skipped said "2 publiées"."""
    from edcal.outputs.calendar_page import objectives
    from edcal.plan.cadence import cadence_gaps, campaign_gaps
    from edcal.plan.promotion import promotion_by_month

    text = """\
version: 1
timezone: Europe/Paris
networks:
  linkedin: {cadence: 1/week}
campaigns:
  - {id: salon, name: Salon, from: 2027-01-01, until: 2027-01-31, cadence: 1/week}
posts:
  - id: lundi
    networks: [linkedin]
    repeat: {every: week, on: mon, from: 2027-01-04, until: 2027-01-31, at: "09:00"}
    text: Venez au salon
    campaign: salon
    promotional: true
"""
    log = "posted:\n  - lundi-linkedin-20270104\n  - {item: lundi-linkedin-20270111, skipped: true}\n"
    plain, skipped = (plan_of(calendar_from(text, extra), now=NOW) for extra in (None, {"log.yaml": log}))
    january = ("linkedin", 2027, 1)
    assert [promotion_by_month(p, [january])[january].total for p in (plain, skipped)] == [4, 3]
    week = dt.date(2027, 1, 11)
    assert [week in [g.first for g in cadence_gaps(p, p.now, 14)] for p in (plain, skipped)] == [False, True]
    assert [week in [g.first for g in campaign_gaps(p, p.now, 14)] for p in (plain, skipped)] == [False, True]
    row = next(iter(objectives(skipped, dt.date(2027, 1, 13), [])["campaigns"]))
    assert (row.posts, row.published, row.skipped, row.scheduled) == (4, 1, 1, 2)


def test_a_month_with_nothing_planned_says_so_rather_than_showing_an_empty_table(tmp_path: Path) -> None:
    """The month in progress, nothing planned in it and no cadence to judge: a table of headings alone."""
    from edcal.outputs import report as report_page
    from helpers import write_planning_page

    calendar = calendar_from(CALENDAR.replace("linkedin: {cadence: 2/week}", "linkedin: {}"))
    write_planning_page(report_page, plan_of(calendar, now="2027-02-10T10:00:00+01:00"), tmp_path)
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    february = page[page.index('id="month-2027-02"'):page.index('id="month-2027-01"')]
    assert "<table" not in february
    assert '<p class="empty">Rien de prévu ce mois-ci.</p>' in february
    assert "<table" in page[page.index('id="month-2027-01"'):]  # a month with rows keeps its table


def test_a_month_over_with_nothing_gone_out_is_not_said_to_be_so_far(tmp_path: Path) -> None:
    """A year after the plan's last post, every month of the report read "Aucune publication partie pour
    l'instant, selon le journal": "for now" of a month over. Only the month in progress is "so far"."""
    from edcal.outputs import report as report_page
    from helpers import write_planning_page

    calendar = calendar_from(CALENDAR, {"publie.yaml": "posted:\n  - lundi-linkedin-20261207\n"})
    write_planning_page(report_page, plan_of(calendar, now="2027-04-14T12:00:00+02:00"), tmp_path)
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    said = {month: html.unescape(re.sub(r"\s+", " ", found.group(1)))
            for month, part in re.findall(r'id="month-(\d{4}-\d{2})"(.*?)</section>', page, re.S)
            if (found := re.search(r'<p class="gone-out-link[^"]*">([^<]*)</p>', part))}
    assert said == {"2027-04": "Aucune publication partie pour l'instant, selon le journal.",
                    "2027-03": "Aucune publication n'est partie ce mois-ci, selon le journal.",
                    "2027-02": "Aucune publication n'est partie ce mois-ci, selon le journal.",
                    "2027-01": "Le journal ne nomme aucune des publications de ce mois, alors que l'heure de 8 "
                               "d'entre elles est passée : est-il à jour ? Plus bas, le rythme est jugé "
                               "sur ce qu'il nomme."}, said


def test_a_month_whose_log_names_only_a_skipped_post_is_not_said_to_be_named_nowhere(tmp_path: Path) -> None:
    """A manager's retrial logged one of January's posts `skipped: true`: the report still said the log names
    none of January's posts. It names one: none gone out, the others not named."""
    from edcal.outputs import report as report_page
    from helpers import write_planning_page

    log = "posted:\n  - lundi-linkedin-20261207\n  - {item: lundi-linkedin-20270104, skipped: true}\n"
    calendar = calendar_from(CALENDAR, {"publie.yaml": log})
    write_planning_page(report_page, plan_of(calendar, now="2027-04-14T12:00:00+02:00"), tmp_path)
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    january = page[page.index('id="month-2027-01"'):]
    said = html.unescape(re.sub(r"\s+", " ", re.search(r'<p class="gone-out-link[^"]*">([^<]*)</p>', january)[1]))
    assert said == ("Le journal ne nomme aucune publication partie ce mois-ci, alors que l'heure de 7 qu'il ne "
                    "nomme pas est passée : est-il à jour ? Plus bas, le rythme est jugé sur ce qu'il nomme."), said


def test_each_month_of_the_report_links_to_what_went_out_in_it(tmp_path: Path) -> None:
    """"What did we actually post in November?" The report counted it, but nothing led to the posts."""
    site = copy_sample(tmp_path / "sample")
    assert run_edcal("build", cwd=site, env=ENV).returncode == 0
    page = (site / "planning" / "report.html").read_text(encoding="utf-8")
    months = dict(re.findall(r'id="month-(\d{4}-\d{2})"(.*?)</section>', page, re.S))
    links = {month: html.unescape(re.sub(r"[ \n]+", " ", found.group(1)))
             for month, part in months.items()
             if (found := re.search(r'<p class="gone-out-link[^"]*">(.*?)</p>', part, re.S))}
    assert links == {
        "2026-11": '<a href="agenda/2026-11.html?status=log:gone_out">22 publications parties, selon le journal\u00a0: '
                   "les voir dans l'agenda</a>",
        # A log not kept since November: said as such, not as months where nothing went out (a manager read
        # "⚠ 4 sur 4 semaines" as weeks without posts).
        # December's log names a post skipped (23 December, the workshop closed) and none gone out.
        "2026-12": "Le journal ne nomme aucune publication partie ce mois-ci, alors que l'heure de 23 qu'il ne nomme "
                   "pas est passée\u00a0: est-il à jour\u00a0? Plus bas, le rythme est jugé sur ce qu'il nomme.",
        "2027-01": "Le journal ne nomme aucune des publications de ce mois, alors que l'heure de 12 d'entre elles est "
                   "passée\u00a0: est-il à jour\u00a0? Plus bas, le rythme est jugé sur ce qu'il nomme.",
    }  # September and October are before the log's first post: counted at the plan's word
    with serve(site / "planning") as address, browser() as chromium:
        tab = chromium.new_page()
        tab.goto(address + "report.html")
        tab.click("#month-2026-11 .gone-out-link a")
        tab.wait_for_load_state()
        assert tab.url.endswith("agenda/2026-11.html?status=log:gone_out")
        shown = tab.eval_on_selector_all("[data-item-id]", "els => els.filter(e => e.getClientRects().length)"
                                                          ".map(e => e.dataset.log)")
        assert shown == ["gone_out"] * 22


def test_a_line_with_its_day_and_month_swapped_gets_the_post_of_that_day() -> None:
    """'lundi-linkedin-20260712' for the post of 7 December was told to log the first post of the series as gone
    out on 12 July, five months before the series began; '…-20270401' (4 January) got the last post before
    April."""
    swapped = [errors_of(f"posted:\n  - lundi-linkedin-{day}\n")[0].splitlines()[1] for day in ("20260712", "20270401")]
    assert swapped == [
        "    hint: did you mean 'lundi-linkedin-20261207'? An id ends with its day as year, month, day: 2026-12-07",
        "    hint: did you mean 'lundi-linkedin-20270104'? An id ends with its day as year, month, day: 2027-01-04"]
    # A day far from any post of the entry is no day it went out on: no `at:` line to write.
    assert errors_of("posted:\n  - lundi-linkedin-20260915\n")[0].splitlines()[1] == (
        "    hint: did you mean 'lundi-linkedin-20261207', planned on 2026-12-07?")


@pytest.mark.parametrize("second", ["https://www.linkedin.com/feed/update/urn:li:activity:7150000000000000000",
                                    "https://linkedin.com/feed/update/urn:li:activity:7150000000000000000/#comments",
                                    "HTTPS://WWW.LinkedIn.com/feed/update/urn:li:activity:7150000000000000000/"])
def test_one_address_logged_twice_in_another_form_is_an_error_too(tmp_path: Path, second: str) -> None:
    """The copied address with its final slash left out, or the host written otherwise, opens the same post: the
    second post's card still linked to the first."""
    from helpers import load_errors

    url = "https://www.linkedin.com/feed/update/urn:li:activity:7150000000000000000/"
    found = load_errors(tmp_path, CALENDAR + f"""\
posted:
  - {{item: lundi-linkedin-20270104, url: "{url}"}}
  - {{item: lundi-linkedin-20270111, url: "{second}"}}
""")
    assert [error.splitlines()[0] for error in found] == [
        f"calendar.yaml:15:42: error: found url '{second}', the address of 'lundi-linkedin-20270104' "
        "(calendar.yaml:14) too, expected this post's own address"]
    # Two posts of a network whose addresses differ by their query are two posts.
    from helpers import load_in

    load_in(tmp_path, CALENDAR + "posted:\n  - {item: lundi-linkedin-20270104, url: 'https://www.facebook.com/"
            "permalink.php?story_fbid=1&id=9'}\n  - {item: lundi-linkedin-20270111, url: 'https://www.facebook.com/"
            "permalink.php?story_fbid=2&id=9'}\n")


@pytest.mark.parametrize(("host", "label", "where"), [("-bad.fr", "-bad", "starts"), ("bad-.fr", "bad-", "ends"),
                                                      ("www.bad.fr-", "fr-", "ends")])
def test_a_host_whose_part_starts_or_ends_with_a_dash_is_an_error(tmp_path: Path, host: str, label: str,
                                                                  where: str) -> None:
    """`hosts: ['-bad.fr']` was taken: no host's name starts or ends a part with a dash (RFC 1123), no address is
    on it, and every `posted:` line's `url:` was then refused for being elsewhere."""
    from helpers import load_errors

    found = load_errors(tmp_path, CALENDAR.replace("  mastodon: {}", f"  mastodon: {{}}\n  bluesky: {{hosts: [bsky.app, "
                                                                    f"'{host}']}}"))
    assert found == [f"calendar.yaml:6:31: error: found host '{host}', whose part '{label}' {where} with a dash, "
                     "expected letters or digits at both ends of each part\n    hint: a host's name is the part of its "
                     "posts' addresses between `//` and the next `/`: check it was copied whole, and alone"], found


def test_the_report_says_what_its_campaign_counts_and_names_a_freeze_apart_from_a_draft(tmp_path: Path) -> None:
    """The report counted a campaign's article among its posts ("Prévu 15, Réalisé 1" where the objectives said
    14 publications and 1 article), and filed under one "Retenu" a post a freeze withheld ("gelé" on the
    calendar) and a draft whose time passed ("restée brouillon, pas partie"). It says the article apart, and
    gives each its column, in the calendar's words."""
    from edcal.outputs import report as report_page
    from helpers import page_text, write_planning_page

    calendar = calendar_from(CALENDAR.replace("posts:", """\
campaigns:
  - {id: salon, name: Salon, from: 2027-01-04, until: 2027-01-29}
freeze:
  - {from: 2027-01-05 00:00, until: 2027-01-06 00:00, networks: [mastodon], reason: Panne}
posts:
  - {id: brouillon, networks: [linkedin], at: 2027-01-05 10:00, text: Pas fini, status: draft, campaign: salon}
  - {id: gele, networks: [mastodon], at: 2027-01-05 11:00, text: Gelée, campaign: salon}
  - {id: stand, networks: [linkedin], at: 2027-01-07 10:00, text: Stand, campaign: salon}"""),
                             {"log.yaml": "posted:\n  - lundi-linkedin-20270104\n"})
    plan = plan_of(calendar, [article("salon-article", "2027-01-06T09:00", calendar, campaign="salon")], now=NOW)
    write_planning_page(report_page, plan, tmp_path)
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    campaign = re.search(r'<tr data-campaign="salon"[^>]*>(.*?)</tr>', page, re.S).group(1)
    cells = {name: " ".join(html.unescape(re.sub(r"<[^>]+>", " ", value)).split())
             for name, value in re.findall(r'<td [^>]*data-count="([a-z-]+)"[^>]*>(.*?)</td>', campaign, re.S)}
    assert cells == {"planned": "2 1 publication et 1 article", "done": "1 dont 1 article",
                     "unconfirmed": "1", "skipped": "0", "to-come": "0", "withheld": "1", "unready": "1"}, cells
    text = page_text(tmp_path / "report.html")
    assert "Retenu" not in text, text
    assert "Prévu Réalisé Non confirmé Annulé À venir Gelé Pas prête" in text, text
    # Each word said: a freeze's post, a post never made ready.
    assert "Gelé : retenue par un gel des publications. Pas prête : restée brouillon ou non validée à son heure, " \
           "elle n'est pas partie." in text, text
    january = _cells(page, "2027-01", "linkedin")
    assert (january["withheld"], january["unready"]) == ("0", "1")
    assert _cells(page, "2027-01", "mastodon")["withheld"] == "1"
    # The objectives' line of the campaign says them in the same words.
    from edcal.outputs import calendar_page

    write_planning_page(calendar_page, plan, tmp_path)
    objectives = (tmp_path / "index.html").read_text(encoding="utf-8")
    row = re.search(r'<tr data-campaign="salon"[^>]*>(.*?)</tr>', objectives, re.S).group(1)
    by_status = re.search(r'data-count="by-status">(.*?)</span>', row, re.S).group(1)
    assert " ".join(html.unescape(by_status).split()) == "0 publiée, 1 gelée, 1 pas prête, 1 non confirmée", by_status
