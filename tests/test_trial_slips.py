"""What a London company's first calendar.yaml held, written from the docs alone, and what edcal told it:
one located error per slip, with a hint that keeps what was understood."""

from __future__ import annotations

from pathlib import Path

import pytest

from edcal.errors import InputErrors
from helpers import article, calendar_from, plan_of
from helpers import load_errors as errors

BASE = """\
version: 1
timezone: Europe/London
team:
  - {id: sam, name: Sam}
networks:
  linkedin: {slots: [thu 12:30], cadence: 2/week}
"""


def test_a_key_date_written_in_words_is_one_error_at_its_day(tmp_path: Path) -> None:
    """`on: 9 Feb 2027` gave two errors, one saying "key date 'launch' has no day, hint: add `on: YYYY-MM-DD`"
    though `on:` was there."""
    found = errors(tmp_path, BASE + "key_dates:\n  - id: launch\n    name: Launch\n    on: 9 Feb 2027\n")
    assert found == ["calendar.yaml:10:9: error: found '9 Feb 2027', expected a date as YYYY-MM-DD (e.g. "
                     "2027-01-12)\n    hint: dates are written with digits, year first: 2027-02-09"], found


@pytest.mark.parametrize(("written", "hint"), [
    ("five-lessons", "did you mean 'five-lessons-from-x'?"),  # the start of the slug
    ("lessons-from", "did you mean 'five-lessons-from-x'?"),  # a part of it
    ("five-lesons-from-x", "did you mean 'five-lessons-from-x'?"),  # a slip
    ("launch", "did you mean one of 'launch-day', 'launch-recap'?"),  # several start so
])
def test_an_article_slug_cut_short_is_told_the_slugs_it_starts(written: str, hint: str) -> None:
    """`article: five-lessons` for the article `five-lessons-from-x` was told "unknown article slug", with no
    suggestion, where calendar.md promises the closest slug."""
    calendar = calendar_from(BASE + f"posts:\n  - promote: {written}\n    networks: [linkedin]\n")
    articles = [article(slug, "2027-01-10T09:00", calendar)
                for slug in ("five-lessons-from-x", "launch-day", "launch-recap")]
    with pytest.raises(InputErrors) as caught:
        plan_of(calendar, articles)
    assert [(error.message, error.hint) for error in caught.value.errors] == [
        (f"unknown article slug '{written}'", hint)]


def test_a_key_date_offset_with_a_misspelt_unit_is_told_the_unit(tmp_path: Path) -> None:
    """`at: launch -1 wek` got the generic hint, examples of offsets; a promotion step `+2 dyas` none."""
    found = errors(tmp_path, BASE + "key_dates:\n  - {id: launch, name: Launch, on: 2027-02-09}\n"
                   "posts:\n  - {id: a, networks: [linkedin], text: T, at: launch -1 wek}\n")
    assert len(found) == 1 and found[0].splitlines()[1] == "    hint: did you mean 'week'? write 'launch -1 week'", found
    step = errors(tmp_path, BASE + "blog:\n  promote: {networks: [linkedin], schedule: [at publication, +2 dyas]}\n")
    assert step[0].splitlines()[1] == "    hint: did you mean 'days'? write '+2 days'", step


def test_a_repeat_in_words_keeps_its_time_and_end_in_the_hint(tmp_path: Path) -> None:
    """`repeat: every thursday at lunch until end of March` was told `{every: week, on: thu, from: …}`: the
    time and the end dropped without a word."""
    found = errors(tmp_path, BASE + "posts:\n  - id: a\n    networks: [linkedin]\n    text: T\n"
                   "    repeat: every thursday at 12:30 until 2027-03-31\n")
    assert found[0].splitlines()[1] == (
        "    hint: write the rule's parts: repeat: {every: week, on: thu, at: '12:30', from: 2027-02-18, until: "
        "2027-03-31} (from: its first day; until: or count: ends it)"), found
    lunch = errors(tmp_path, BASE + "posts:\n  - id: a\n    networks: [linkedin]\n    text: T\n"
                   "    repeat: every thursday at lunch until end of March\n")
    assert lunch[0].splitlines()[1] == (
        "    hint: write the rule's parts: repeat: {every: week, on: thu, from: 2027-02-18} (from: its first day; "
        "until: or count: ends it); not read: 'at lunch until end of March': write at: HH:MM and until: "
        "YYYY-MM-DD"), lunch
