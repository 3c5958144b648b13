"""The rule a `repeat:` written in words is told to write, and its `from:`: the site's today, a first day
to come, the day the writer gave, as it is."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_edcal, site  # noqa: F401  (the fixture)
from helpers import load_errors

PARIS = """\
version: 1
timezone: Europe/Paris
networks:
  linkedin: {slots: [tue 09:00]}
"""


def hint_for(folder: Path, written: str) -> str:
    """The hint a recurring post's `repeat:` written as ``written`` is given."""
    found = load_errors(folder, PARIS + f"posts:\n  - id: a\n    networks: [linkedin]\n    text: T\n"
                                        f"    repeat: {written}\n")
    return found[0].splitlines()[1]


def told(rule: str) -> str:
    return f"    hint: write the rule's parts: repeat: {rule} (from: its first day; until: or count: ends it)"


@pytest.mark.parametrize(("now", "written", "rule"), [
    # 23:30 in UTC on Monday 4 January is 00:30 on Tuesday 5 January in Paris: today is Tuesday there
    ("2027-01-04T23:30:00Z", "tous les jours", "{every: day, from: 2027-01-06}"),
    ("2027-01-04T18:30:00-05:00", "every tuesday", "{every: week, on: tue, from: 2027-01-12}"),
    # 00:30 in UTC on Tuesday is 01:30 in Paris, Tuesday too; 23:30 in Paris on Monday is Monday
    ("2027-01-05T00:30:00Z", "tous les jours", "{every: day, from: 2027-01-06}"),
    ("2027-01-04T23:30:00+01:00", "tous les jours", "{every: day, from: 2027-01-05}"),
])
def test_today_is_the_site_s(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, now: str, written: str,
                             rule: str) -> None:
    """"Today" was taken in UTC: from 23:00 to midnight in UTC (00:00 to 01:00 in Paris), the hint gave
    today's date in Paris as the first day to come, the rule starting on a day whose hours had begun."""
    monkeypatch.setenv("EDCAL_NOW", now)
    assert hint_for(tmp_path, written) == told(rule)


@pytest.mark.parametrize(("written", "rule"), [
    # Tuesday 2 March 2027: each start is the rule's first day after today, as `every tuesday`'s
    ("every tuesday", "{every: week, on: tue, from: 2027-03-09}"),
    ("chaque mardi à partir du 2 mars", "{every: week, on: tue, from: 2027-03-09}"),
    ("tous les jours à partir du 2 mars", "{every: day, from: 2027-03-03}"),
    ("tous les ans le 2 mars", "{rrule: FREQ=YEARLY, from: 2028-03-02}"),
    ("every year on march 2", "{rrule: FREQ=YEARLY, from: 2028-03-02}"),
    # a day to come is the writer's
    ("chaque mardi à partir du 3 mars", "{every: week, on: tue, from: 2027-03-03}"),
    ("tous les ans le 3 mars", "{rrule: FREQ=YEARLY, from: 2027-03-03}"),
])
def test_a_day_without_its_year_starts_the_rule_after_today(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             written: str, rule: str) -> None:
    """`every tuesday` on a Tuesday started next Tuesday, `chaque mardi à partir du 2 mars` and `tous les ans
    le 2 mars` on 2 March started that day: a rule whose first day has begun, its time perhaps past."""
    monkeypatch.setenv("EDCAL_NOW", "2027-03-02T10:00:00+01:00")
    assert hint_for(tmp_path, written) == told(rule)


def test_the_command_line_gives_the_site_s_first_day(site: Path) -> None:  # noqa: F811
    """As a user runs it: `edcal check` at 18:30 in New York, 00:30 the next day in Paris, where the site is."""
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace(
        "posts:\n", "posts:\n  - {id: chaque-jour, networks: [linkedin], text: T, repeat: tous les jours}\n", 1),
        encoding="utf-8")
    result = run_edcal("check", cwd=site, env={"EDCAL_NOW": "2027-01-04T18:30:00-05:00"})
    assert result.returncode == 2, result.stdout + result.stderr
    assert told("{every: day, from: 2027-01-06}") in (result.stdout + result.stderr).splitlines()
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(("written", "problem", "rule"), [
    ("every tuesday from 2027-02-30", "there is no 2027-02-30: February 2027 has 28 days",
     "{every: week, on: tue, from: …}"),
    ("chaque mois le 15 à partir du 2027-13-01", "there is no 2027-13-01: there is no month 13",
     "{every: month, on: 15, from: …}"),
    ("tous les ans le 15 mars à partir du 2027-04-31", "there is no 2027-04-31: April 2027 has 30 days",
     "{rrule: FREQ=YEARLY, from: …}"),
])
def test_an_impossible_first_day_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, written: str,
                                          problem: str, rule: str) -> None:
    """`every tuesday from 2027-02-30` was told `from:` the next Tuesday, the day written passed over: the
    writer pasted a start they never chose, without a word of the slip."""
    monkeypatch.setenv("EDCAL_NOW", "2027-01-12T10:00:00+01:00")
    assert hint_for(tmp_path, written) == f"    hint: {problem}; " + told(rule)[len("    hint: "):]


@pytest.mark.parametrize(("written", "problem", "rule"), [
    # Tuesday 12 January 2027: 366 Tuesdays from 7 January 2020 to 5 January 2027
    ("every tuesday from 2020-01-07", "2020-01-07 is past: from it, the rule has 366 days before today, whose "
     "posts count as gone out (from: 2027-01-19 starts it after today)", "{every: week, on: tue, from: 2020-01-07}"),
    ("tous les jours à partir du 2027-01-11", "2027-01-11 is past: from it, the rule has 1 day before today, whose "
     "post counts as gone out (from: 2027-01-13 starts it after today)", "{every: day, from: 2027-01-11}"),
    ("chaque mois le 15 à partir du 2026-01-01", "2026-01-01 is past: from it, the rule has 12 days before today, "
     "whose posts count as gone out (from: 2027-01-15 starts it after today)",
     "{every: month, on: 15, from: 2026-01-01}"),
    ("tous les ans le 15 mars à partir du 2020-01-01", "2020-03-15 is past: from it, the rule has 7 days before "
     "today, whose posts count as gone out (from: 2027-03-15 starts it after today)",
     "{rrule: FREQ=YEARLY, from: 2020-03-15}"),
])
def test_a_first_day_long_past_is_told_what_it_makes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     written: str, problem: str, rule: str) -> None:
    """`every tuesday from 2020-01-07` was told `from: 2020-01-07` without a word: pasted, the rule planned
    366 posts before today, each counted as gone out (the report, the cadence), and no check said so."""
    monkeypatch.setenv("EDCAL_NOW", "2027-01-12T10:00:00+01:00")
    assert hint_for(tmp_path, written) == f"    hint: {problem}; " + told(rule)[len("    hint: "):]


def test_a_first_day_to_come_is_the_writer_s_without_a_word(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDCAL_NOW", "2027-01-12T10:00:00+01:00")
    assert hint_for(tmp_path, "every tuesday from 2027-01-12") == told("{every: week, on: tue, from: 2027-01-12}")


@pytest.mark.parametrize(("written", "date"), [
    # Tuesday 2 March 2027: `from: 2 mars` is today, whose hours have begun; the rule's next day is given
    ("{every: week, on: tue, from: 2 mars}", "2027-03-09"),
    ("{every: week, from: mardi 2 mars}", "2027-03-09"),
    ("{every: day, from: 2 mars}", "2027-03-03"),
    ("{every: month, on: 15, from: March 2}", "2027-03-15"),
    ("{rrule: FREQ=YEARLY, from: 2 mars}", "2028-03-02"),
])
def test_a_first_day_in_words_said_today_gives_the_rule_s_next_day(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                   written: str, date: str) -> None:
    """`repeat: {…, from: 2 mars}` written on 2 March was told `from: 2027-03-02`, the rule starting on a day
    whose hours had begun, where `chaque mardi à partir du 2 mars` is told 9 March."""
    monkeypatch.setenv("EDCAL_NOW", "2027-03-02T10:00:00+01:00")
    assert hint_for(tmp_path, written) == (f"    hint: dates are written with digits, year first, and with their "
                                           f"year: {date}, the rule's first day after today (2027-03-02, whose "
                                           f"hours have begun)")


def test_a_first_day_in_words_to_come_is_the_day_said(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDCAL_NOW", "2027-03-02T10:00:00+01:00")
    assert hint_for(tmp_path, "{every: week, on: tue, from: 3 mars}") == (
        "    hint: dates are written with digits, year first, and with their year: 2027-03-03")
