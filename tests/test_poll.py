"""Polls: `poll:` on a post (a network's own under `variants:`), from calendar.yaml to the drafts' sidecars,
plan.json, the exports and the feeds; what each network takes is checked by `poll-limits` (test_checks.py)."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
from pathlib import Path

import jsonschema
import pytest

from edcal.load.timeparse import parse_poll_duration
from edcal.outputs.drafts import sidecar
from edcal.outputs.exports import generic_csv, hootsuite_files, posts_json, render
from edcal.outputs.plan_json import document
from edcal.plan.resolve import resolve_plan
from helpers import SITE, by_id, calendar_from, composer, load_errors, plan_of

ENGLISH_SITE = dataclasses.replace(SITE, lang="en")

ROOT = Path(__file__).parents[1]
HEAD = """\
version: 1
timezone: Europe/Paris
networks:
  x: {}
  linkedin: {}
  mastodon: {}
posts:
  - id: sondage
    networks: [x, linkedin, mastodon]
    at: 2027-03-02 09:00
    text: Quel portail préférez-vous ?
"""
POLL = """\
    poll:
      question: Votre portail ?
      options: [Battant, Coulissant, Sur mesure]
      duration: 1 semaine
"""


def _plan(yaml: str = HEAD + POLL):  # type: ignore[no-untyped-def]
    return plan_of(calendar_from(yaml), [], now="2027-02-15T10:00+01:00")


@pytest.mark.parametrize(("written", "minutes"), [
    ("5 minutes", 5), ("2h", 120), ("1 day", 1440), ("3 jours", 3 * 1440), ("1 semaine", 7 * 1440),
    ("2 weeks", 14 * 1440), ("P3D", 3 * 1440), ("P1W", 7 * 1440), ("P1DT12H", 36 * 60), ("PT30M", 30)])
def test_a_poll_s_duration_is_written_as_edcal_writes_durations_with_days_and_weeks(written: str,
                                                                                    minutes: int) -> None:
    assert parse_poll_duration(written) == minutes


def test_a_poll_is_read_with_where_each_answer_is_written_and_a_variant_s_replaces_it() -> None:
    items = by_id(_plan(HEAD + POLL + "    variants:\n      x:\n        poll: {options: [Oui, Non], duration: 2h}\n"))
    poll = items["sondage-linkedin"].poll
    assert (poll.options, poll.minutes, poll.duration, poll.question) == (
        ("Battant", "Coulissant", "Sur mesure"), 7 * 1440, "1 semaine", "Votre portail\u00a0?")
    assert [(s.line, s.column) for s in poll.option_sources] == [(14, 17), (14, 26), (14, 38)]
    assert items["sondage-mastodon"].poll == poll
    assert (items["sondage-x"].poll.options, items["sondage-x"].poll.minutes) == (("Oui", "Non"), 120)


@pytest.mark.parametrize(("poll", "expected"), [
    ("    poll: {options: [Battant], duration: 1 day}\n",
     "calendar.yaml:12:21: error: found one answer, expected 2 at least"),
    ("    poll: {options: [Battant, battant], duration: 1 day}\n",
     "calendar.yaml:12:21: error: found the answer 'battant' twice, expected each answer once"),
    # the same answer to the eye: an accent typed apart (NFD), two spaces, a zero-width space
    ("    poll: {options: [Café, \"Cafe\\u0301\"], duration: 1 day}\n",
     "calendar.yaml:12:21: error: found the answer 'Cafe\u0301' twice, expected each answer once"),
    ("    poll: {options: [Sur mesure, \"sur  mesure\"], duration: 1 day}\n",
     "calendar.yaml:12:21: error: found the answer 'sur  mesure' twice, expected each answer once"),
    ("    poll: {options: [Oui, \"Oui\\u200b\"], duration: 1 day}\n",
     "calendar.yaml:12:21: error: found the answer 'Oui\u200b' twice, expected each answer once"),
    # posts.csv writes the answers one per line: an answer of two lines read back as two
    ("    poll: {options: [\"Battant\\nmotorisé\", Coulissant], duration: 1 day}\n",
     "calendar.yaml:12:22: error: found a line break in the answer 'Battant / motorisé', expected an answer on one"),
    ("    poll: {options: [Battant, ''], duration: 1 day}\n",
     "calendar.yaml:12:31: error: found nothing, expected text"),
    ("    poll: {options: [Battant, Coulissant], duration: 1 an}\n",
     "calendar.yaml:12:54: error: found '1 an', expected a duration such as '2 hours', '1 day' or '1 week'\n"
     "    hint: write a number of minutes, hours, days or weeks, e.g. '3 days' or '1 week' (months and years "
     "are not taken"),
    ("    poll: {options: [Battant, Coulissant], duraton: 1 day}\n",
     "calendar.yaml:12:44: error: unknown field 'duraton' in posts entry 'sondage', poll\n"
     "    hint: did you mean 'duration'?"),
    ("    poll: {options: [Battant, Coulissant]}\n",
     "calendar.yaml:12:11: error: missing required field 'duration'"),
])
def test_a_poll_written_wrong_is_a_located_error(tmp_path: Path, poll: str, expected: str) -> None:
    errors = load_errors(tmp_path, HEAD + poll)
    assert len(errors) == 1 and errors[0].startswith(expected), errors


def test_a_network_s_poll_rules_are_overridden_under_networks(tmp_path: Path) -> None:
    calendar = calendar_from(HEAD.replace("  mastodon: {}", "  mastodon: {poll_options: 6, poll_option_limit: 100, "
                                          "poll_max_duration: 1 week}") + POLL)
    mastodon, linkedin = calendar.networks["mastodon"], calendar.networks["linkedin"]
    assert (mastodon.poll_options, mastodon.poll_option_limit, mastodon.poll_max_duration) == (6, 100, 7 * 1440)
    assert linkedin.poll_durations == (1440, 3 * 1440, 7 * 1440, 14 * 1440) and linkedin.poll_question_limit == 140
    errors = load_errors(tmp_path, HEAD.replace("  mastodon: {}", "  mastodon: {poll_max_duration: longtemps}"))
    assert errors and "found 'longtemps', expected a duration" in errors[0]
    # Settings no poll could meet: no duration at all, a shortest time over the longest (the built-in one's).
    errors = load_errors(tmp_path, HEAD.replace("  mastodon: {}", "  mastodon: {poll_durations: []}"))
    assert len(errors) == 1 and "error: found `poll_durations: []`, expected the times a poll may be open " \
        "there, one at least" in errors[0], errors
    errors = load_errors(tmp_path, HEAD.replace("  mastodon: {}", "  mastodon: {poll_min_duration: 60 days}"))
    assert len(errors) == 1 and "error: found a poll's shortest time (60 days) longer than its longest " \
        "(30 days) on Mastodon" in errors[0], errors


def test_the_draft_stays_the_text_and_its_sidecar_plan_json_and_exports_carry_the_poll() -> None:
    plan = _plan()
    items = by_id(plan)
    linkedin = items["sondage-linkedin"]
    expected = {"question": "Votre portail\u00a0?", "options": ["Battant", "Coulissant", "Sur mesure"],
                "duration": "1 semaine", "minutes": 7 * 1440}
    # The .txt is what to paste into the text box: the answers go in the network's poll fields.
    assert "Battant" not in linkedin.pasted
    assert sidecar(linkedin, plan)["poll"] == expected
    data = {item["id"]: item for item in document(plan)["items"]}
    assert data["sondage-linkedin"]["poll"] == expected
    schema = json.loads((ROOT / "docs" / "plan.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(document(plan), schema)
    assert json.loads(posts_json([linkedin], plan))["posts"][0]["poll"] == expected
    rows = list(csv.DictReader(io.StringIO(generic_csv([linkedin], plan).lstrip("\ufeff"))))
    assert rows[0]["poll"] == "Votre portail\u00a0?\n---\nBattant\nCoulissant\nSur mesure\n---\n1 semaine"
    # Hootsuite's bulk file carries no poll: the post is left out, and the export says so.
    assert hootsuite_files([linkedin], Path("h.csv")) == []
    _, notes = render("hootsuite", [linkedin], plan, Path("h.csv"))
    assert any("1 post with a poll is left out (sondage-linkedin)" in note for note in notes)
    # Without a poll: null in the sidecar, absent from plan.json.
    plain = _plan(HEAD)
    assert sidecar(by_id(plain)["sondage-x"], plain)["poll"] is None
    assert "poll" not in {item["id"]: item for item in document(plain)["items"]}["sondage-x"]


def test_a_french_post_s_poll_is_spaced_as_its_text_and_an_english_one_is_left_as_typed() -> None:
    """French spacing (a no-break space before `?`, `!`, `:`, after `«`) in the question and the answers a
    network shows, as in the post's text: "Vous venez ?" must not end a line on "?". The lengths stay:
    only typed spaces change. A post about an English article keeps the words as typed."""
    yaml = HEAD + """\
    poll:
      question: "« Sur mesure » : pourquoi ?"
      options: [Oui !, "Non : trop cher", "`a ?`"]
      duration: 1 day
"""
    post = by_id(_plan(yaml))["sondage-linkedin"]
    assert post.text == "Quel portail préférez-vous\u00a0?"
    assert post.poll.question == "«\u00a0Sur mesure\u00a0»\u00a0: pourquoi\u00a0?"
    assert post.poll.options == ("Oui\u00a0!", "Non\u00a0: trop cher", "`a ?`")  # code as typed
    english = calendar_from(yaml)
    plan = resolve_plan(english, [], now=dt.datetime(2027, 2, 15, 10, tzinfo=dt.UTC),
                        generated_at=dt.datetime(2027, 1, 1, tzinfo=dt.UTC), site=ENGLISH_SITE,
                        composer=composer(ENGLISH_SITE, english))
    assert by_id(plan)["sondage-linkedin"].poll.options == ("Oui !", "Non : trop cher", "`a ?`")


def test_a_variant_s_poll_null_takes_the_poll_away_on_its_network() -> None:
    """A post with a poll on LinkedIn and X, none on Mastodon: `poll: null` (or `poll:` with nothing after it)
    under the network's variant, as `cw: ''` and `thread: []` take the entry's away."""
    items = by_id(_plan(HEAD + POLL + "    variants:\n      mastodon:\n        poll: null\n      x:\n        poll:\n"))
    assert items["sondage-mastodon"].poll is None and items["sondage-x"].poll is None
    assert items["sondage-linkedin"].poll.options == ("Battant", "Coulissant", "Sur mesure")
    # Not beside `skip: true`'s complaint: a network left out has no poll either.
    items = by_id(_plan(HEAD + POLL + "    variants:\n      mastodon: {skip: true, poll: null}\n"))
    assert "sondage-mastodon" not in items and items["sondage-x"].poll is not None
    # On a post without a poll it is what the post is there already: nothing to refuse.
    items = by_id(_plan(HEAD + "    variants:\n      mastodon:\n        poll: null\n"))
    assert items["sondage-mastodon"].poll is None


def test_a_variant_s_empty_cw_first_comment_and_thread_take_the_entry_s_away_as_docs_say() -> None:
    """calendar.md: `cw:`, `first_comment:` or `thread:` with nothing after them, under a variant, take the
    entry's away for that network; written so, they kept it (only `''` and `[]` did)."""
    entry = HEAD + ("    cw: Chantier\n    first_comment: Qu'en pensez-vous ?\n    thread: [La suite]\n"
                    "    variants:\n      mastodon:\n        cw:\n        thread:\n      x:\n        cw: null\n"
                    "      linkedin:\n        first_comment:\n")
    items = by_id(_plan(entry))
    assert (items["sondage-mastodon"].cw, items["sondage-mastodon"].thread) == (None, ())
    assert items["sondage-x"].cw is None and items["sondage-x"].thread
    assert items["sondage-linkedin"].first_comment is None
    kept = by_id(_plan(entry.replace("      linkedin:\n        first_comment:\n", "")))
    assert kept["sondage-linkedin"].first_comment.startswith("Qu'en pensez-vous") and kept["sondage-mastodon"].cw is None


def test_an_empty_poll_under_a_variant_is_told_to_write_null(tmp_path: Path) -> None:
    """`poll: {}` under a variant, meant as "no poll there", was told to add a duration: it now hints null."""
    from helpers import load_errors

    found = load_errors(tmp_path, HEAD + POLL + "    variants:\n      mastodon: {poll: {}}\n")
    assert found and all(error.endswith("hint: to post there without the entry's poll, write `poll: null`")
                         for error in found), found


def test_a_network_without_polls_is_told_how_to_post_there_without_it() -> None:
    from edcal.checks import run_checks

    yaml = HEAD.replace("  mastodon: {}", "  bluesky: {}").replace("mastodon]", "bluesky]") + POLL
    found = [f for f in run_checks(_plan(yaml), only=["poll-limits"]) if f.item == "sondage-bluesky"]
    assert len(found) == 1 and found[0].hint.endswith(
        "or post there without it: `poll: null` under `bluesky:` under `variants:`"), found[0].hint
    fixed = yaml + "    variants:\n      bluesky: {poll: null}\n"
    assert not [f for f in run_checks(_plan(fixed), only=["poll-limits"]) if f.item == "sondage-bluesky"]
