"""What an English-speaking team (Ireland, Britain) writes by habit in calendar.yaml, and what edcal tells it:
times with a dot (``10.30``), ``IST`` for Irish time, an empty ``promote:``, "fortnightly", ``Tues``."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import load_errors as errors
from helpers import load_in as load

BASE = """\
version: 1
timezone: Europe/Dublin
team:
  - {id: aoife, name: Aoife}
networks:
  linkedin: {slots: [tue 09:00], cadence: 2/week}
  x: {}
"""


def first_error(tmp_path: Path, text: str) -> list[str]:
    """The first error's lines: the located message, then its hint when it has one."""
    return errors(tmp_path, text)[0].splitlines()


@pytest.mark.parametrize(("text", "message", "hint"), [
    # A date and a time, as Irish and British writers put the time: 10.30.
    ("posts:\n  - {id: a, networks: [x], text: T, at: 2027-01-05 10.30}\n",
     "found '2027-01-05 10.30', expected YYYY-MM-DD HH:MM (e.g. 2027-01-12 09:00)",
     "times are written with a colon: 2027-01-05 10:30"),
    # Both the date and the time as written in Ireland: each is given as calendar.yaml takes it.
    ("posts:\n  - {id: a, networks: [x], text: T, at: 25.1.2027 10.30}\n",
     "expected a date, YYYY-MM-DD, or a date and time, YYYY-MM-DD HH:MM (e.g. 2027-01-12 or 2027-01-12 09:00)",
     "dates are written year first: 2027-01-25 10:30"),
    # A network's slot: the message names the time alone, the hint gives the slot.
    ("  bluesky: {slots: [tue 9.00, thu 12.30]}\n",
     "found '9.00', expected a time as HH:MM (e.g. 09:30)",
     "times are written with a colon: tue 09:00"),
    # A recurring post's time.
    ("posts:\n  - {id: a, networks: [x], text: T, repeat: {every: week, from: 2027-01-05, at: 18.15}}\n",
     "found '18.15', expected a time or a named slot as HH:MM (e.g. 09:30)",
     "times are written with a colon: 18:15"),
    # A post's time after a key date: the hint gave examples only.
    ("key_dates:\n  - {id: salon, name: Salon, on: 2027-01-26}\n"
     "posts:\n  - {id: a, networks: [x], text: T, at: salon -1 day at 18.00}\n",
     "after key date 'salon': found '-1 day at 18.00', expected a time (HH:MM), a slot or an offset such as "
     "'-7 days' or '-1 day at 18:00'",
     "times are written with a colon: salon -1 day at 18:00"),
    # A promotion's step: no hint at all.
    ("blog:\n  promote: {networks: [x], schedule: [at publication, +2 days at 12.30]}\n",
     "found '12.30', expected a time as HH:MM (e.g. 09:30)",
     "times are written with a colon: +2 days at 12:30"),
    # A step said in words with such a time: the step to write, with its time as written.
    ("blog:\n  promote: {networks: [x], schedule: [at publication, 3 days later at 12.30]}\n",
     "found '3 days later at 12.30', expected 'at publication' or a signed offset such as '+2 days', "
     "'+2 days at 12:00', '+1 week' or '-1 day at 18:00'",
     "write '+3 days at 12:30'"),
])
def test_a_time_written_with_a_dot_is_given_with_a_colon(tmp_path: Path, text: str, message: str,
                                                         hint: str) -> None:
    """`10.30` was refused with no hint at all: the writer did not know what was wrong with it."""
    found = first_error(tmp_path, BASE + text)
    assert found[0].endswith(message), found
    assert found[1:] == [f"    hint: {hint}"], found


def test_a_date_written_with_dots_is_still_told_year_first(tmp_path: Path) -> None:
    """06.01.2027 is a date, not two times (read both ways: these tests' site has no `DEFAULT_LANG`)."""
    found = first_error(tmp_path, BASE + "posts:\n  - {id: a, networks: [x], text: T, at: 06.01.2027}\n")
    assert found[1] == ("    hint: dates are written year first: 2027-01-06 if the day comes first, 2027-06-01 if "
                        "the month does"), found


def test_ist_is_told_it_may_be_irish_time(tmp_path: Path) -> None:
    """In Ireland, IST is Irish Standard Time: the hint named India's zone alone, 4 h 30 off for Dublin."""
    found = first_error(tmp_path, BASE.replace("Europe/Dublin", "IST"))
    assert found[0].endswith("found time zone 'IST', expected an IANA name like 'Europe/Paris'"), found
    assert found[1] == ("    hint: 'IST' is an abbreviation of several zones; write the place's zone: "
                        "'Europe/Dublin' (Ireland), 'Asia/Kolkata' (India) or 'Asia/Jerusalem' (Israel)"), found


@pytest.mark.parametrize(("entry", "message", "hint"), [
    ("  - promote:\n    networks: [x]\n",
     "calendar.yaml:9:5: error: `promote:` is empty, expected the slug of the article to promote",
     "the slug is the article file's name without .md: promote: welcome for content/articles/welcome.md"),
    ("  - at:\n    networks: [x]\n    text: Hello\n",
     "calendar.yaml:9:5: error: `at:` is empty, expected when the post goes out",
     "e.g. at: 2027-01-12 09:00"),
    ("  - repeat:\n    networks: [x]\n    text: Hello\n",
     "calendar.yaml:9:5: error: `repeat:` is empty, expected the rule of the recurring post",
     "e.g. repeat: {every: week, on: tue, from: 2027-01-12}"),
    # Written empty between quotes, or as spaces: "unknown article slug ''", "found ''" with no hint.
    ("  - promote: ''\n    networks: [x]\n",
     "calendar.yaml:9:5: error: `promote:` is empty, expected the slug of the article to promote",
     "the slug is the article file's name without .md: promote: welcome for content/articles/welcome.md"),
    ("  - {at: '  ', networks: [x], text: Hello}\n",
     "calendar.yaml:9:6: error: `at:` is empty, expected when the post goes out",
     "e.g. at: 2027-01-12 09:00"),
])
def test_a_timing_written_empty_is_told_at_its_line(tmp_path: Path, entry: str, message: str, hint: str) -> None:
    """`promote:` with the slug forgotten was told "a post needs one of `at:`, `promote:` or `repeat:`" at the
    entry: the writer had written `promote:`, and did not know it was the slug that was missing."""
    assert errors(tmp_path, BASE + "posts:\n" + entry) == [f"{message}\n    hint: {hint}"]


@pytest.mark.parametrize("written", ["fortnightly", "once a fortnight", "every fortnight"])
def test_a_fortnightly_cadence_is_told_to_count_per_month(tmp_path: Path, written: str) -> None:
    """"fortnightly" got the generic hint, with French examples first: the two-week reading was not offered."""
    found = first_error(tmp_path, BASE.replace("cadence: 2/week", f"cadence: {written}"))
    assert found[0].endswith(f"found '{written}', expected a count per day, week or month"), found
    assert found[1] == ("    hint: a cadence counts posts per day, week or month, not the time between them: for "
                        "every two weeks, write '2/month'"), found


@pytest.mark.parametrize("written", ["fortnight", "fortnightly", "quinzaine"])
def test_a_fortnightly_repeat_is_told_its_interval(tmp_path: Path, written: str) -> None:
    """`every: biweekly` was told "did you mean 'week'?": a post every week, twice what was meant."""
    found = first_error(tmp_path, BASE + "posts:\n  - {id: a, networks: [x], text: T, repeat: "
                        f"{{every: {written}, from: 2027-01-05}}}}\n")
    assert found[0].endswith(f"found '{written}', expected one of: day, week, month"), found
    assert found[1] == "    hint: write every: week and interval: 2 (every 2 weeks)", found


@pytest.mark.parametrize("written", ["biweekly", "Bi-weekly", "bi weekly"])  # spaced: "did you mean week?"
def test_biweekly_is_told_its_two_readings(tmp_path: Path, written: str) -> None:
    """`every: biweekly` was told to post every two weeks, and `cadence: biweekly` two posts a month: English
    says it for twice a week too, four times as many posts, and the writer was never asked which."""
    found = first_error(tmp_path, BASE + "posts:\n  - {id: a, networks: [x], text: T, repeat: "
                        f"{{every: {written}, from: 2027-01-05}}}}\n")
    assert found[1] == (f"    hint: '{written.lower()}' is said for every two weeks and for twice a week: for every two "
                        "weeks, write every: week and interval: 2; for twice a week, every: week and its two days "
                        "in on:, e.g. on: [tue, fri]"), found
    found = first_error(tmp_path, BASE.replace("cadence: 2/week", f"cadence: {written}"))
    assert found[0].endswith(f"found '{written}', expected a count per day, week or month"), found
    assert found[1] == (f"    hint: '{written}' is said for every two weeks and for twice a week: write '2/month' "
                        "for every two weeks, '2/week' for twice a week"), found


@pytest.mark.parametrize(("written", "rule"), [
    ("weekly", "{every: week, from: 2027-02-16}"),
    ("every tuesday", "{every: week, on: tue, from: 2027-02-16}"),
    ("Tuesdays and Fridays", "{every: week, on: [tue, fri], from: 2027-02-16}"),
    ("chaque mardi", "{every: week, on: tue, from: 2027-02-16}"),
    ("tous les jours", "{every: day, from: 2027-02-16}"),
    ("monthly", "{every: month, from: 2027-02-16}"),
    ("every 2 weeks on monday", "{every: week, interval: 2, on: mon, from: 2027-02-22}"),
    ("tous les ② mardis", "{every: week, on: tue, from: 2027-02-16}"),  # a digit int() does not read
    ("every ٣ weeks", "{every: week, interval: 3, from: 2027-02-16}"),
    ("fortnightly", "{every: week, interval: 2, from: 2027-02-16}"),
    ("une fois par quinzaine", "{every: week, interval: 2, from: 2027-02-16}"),
    ("bimestriel", "{every: month, interval: 2, from: 2027-02-16}"),
    ("twice a month", "{every: month, on: [1, 15], from: 2027-03-01}"),
    ("semi-monthly", "{every: month, on: [1, 15], from: 2027-03-01}"),
])
def test_a_repeat_written_in_words_is_told_the_rule_to_write(tmp_path: Path, written: str, rule: str) -> None:
    """`repeat: weekly` or `repeat: chaque mardi` was told "expected a mapping (key: value lines)", with no
    word of what the mapping holds: the writer had to find `every:`, `on:` and `from:` in the docs."""
    found = first_error(tmp_path, BASE + f"posts:\n  - id: a\n    networks: [x]\n    text: T\n    repeat: {written}\n")
    assert found[0].endswith(f"found '{written}', expected a mapping (key: value lines)"), found
    assert found[1] == (f"    hint: write the rule's parts: repeat: {rule} (from: its first day; until: or count: "
                        "ends it)"), found


@pytest.mark.parametrize(("written", "other", "twice"), [
    ("biweekly", "week", "{every: week, on: [tue, fri], from: 2027-02-16}"),
    ("Bi-monthly", "month", "{every: month, on: [1, 15], from: 2027-03-01}"),
])
def test_a_repeat_written_biweekly_in_words_is_told_both_its_readings(tmp_path: Path, written: str, other: str,
                                                                      twice: str) -> None:
    """`repeat: biweekly` was told to write `{every: week, on: tue}`: a weekly rule, neither reading, where
    `every: biweekly` is told both."""
    found = first_error(tmp_path, BASE + f"posts:\n  - id: a\n    networks: [x]\n    text: T\n    repeat: {written}\n")
    assert found[1] == (f"    hint: '{written}' is said for every two {other}s and for twice a {other}: every two "
                        f"{other}s is repeat: {{every: {other}, interval: 2, from: 2027-02-16}}; twice a {other}, "
                        f"repeat: {twice}"), found


@pytest.mark.parametrize(("written", "rule"), [
    ("every year", "{rrule: FREQ=YEARLY, from: 2027-02-16}"),
    ("yearly", "{rrule: FREQ=YEARLY, from: 2027-02-16}"),
    ("Annually", "{rrule: FREQ=YEARLY, from: 2027-02-16}"),
    ("once a year", "{rrule: FREQ=YEARLY, from: 2027-02-16}"),
    ("every 2 years", "{rrule: FREQ=YEARLY;INTERVAL=2, from: 2027-02-16}"),
    ("tous les ans", "{rrule: FREQ=YEARLY, from: 2027-02-16}"),
    ("chaque année", "{rrule: FREQ=YEARLY, from: 2027-02-16}"),
    ("une fois par an", "{rrule: FREQ=YEARLY, from: 2027-02-16}"),
    ("every 100 weeks", "{every: week, interval: 100, from: 2027-02-16}"),
    ("tous les 18 mois", "{every: month, interval: 18, from: 2027-02-16}"),
    # a day of the month is no interval
    ("tous les ans le 15 mars", "{rrule: FREQ=YEARLY, from: 2027-03-15}"),  # its from: is the day it says
    ("every year on march 15", "{rrule: FREQ=YEARLY, from: 2027-03-15}"),
    ("tous les ans le 10 février", "{rrule: FREQ=YEARLY, from: 2028-02-10}"),  # the next one after today
    ("chaque mois le 15", "{every: month, on: 15, from: 2027-03-15}"),
    ("le 10 de chaque mois", "{every: month, on: 10, from: 2027-03-10}"),
    ("every month on the last day", "{every: month, on: -1, from: 2027-02-28}"),
    ("le dernier jour du mois", "{every: month, on: -1, from: 2027-02-28}"),
    # a weekday's position was lost: `{every: month}`, the weekday of `from:`'s place in its month
    ("dernier vendredi du mois", "{every: month, on: last fri, from: 2027-02-26}"),
    ("every first monday of the month", "{every: month, on: first mon, from: 2027-03-01}"),
    ("chaque dernier jour du mois", "{every: month, on: -1, from: 2027-02-28}"),
])
def test_a_repeat_written_yearly_in_words_is_told_the_rule_that_says_it(tmp_path: Path, written: str,
                                                                         rule: str) -> None:
    """`repeat: every year` or `repeat: tous les ans` was told to write `{every: week, on: tue}`, and
    `repeat: every 100 weeks` `{every: week}`: weekly posts, fifty or a hundred times what was meant."""
    found = first_error(tmp_path, BASE + f"posts:\n  - id: a\n    networks: [x]\n    text: T\n    repeat: {written}\n")
    assert found[1] == (f"    hint: write the rule's parts: repeat: {rule} (from: its first day; until: or count: "
                        "ends it)"), found


@pytest.mark.parametrize(("written", "problem", "rule"), [
    ("every 100000000000000000000 weeks", "'100000000000000000000' is no interval: an interval is a whole number "
     "from 1 to 1,000,000,000", "{every: week, from: 2027-02-16}"),
    ("every -2 weeks", "'-2' is no interval: an interval is a whole number from 1 to 1,000,000,000",
     "{every: week, from: 2027-02-16}"),
    ("tous les −3 mois", "'−3' is no interval: an interval is a whole number from 1 to 1,000,000,000",
     "{every: month, from: 2027-02-16}"),
    ("every 0 days", "'0' is no interval: an interval is a whole number from 1 to 1,000,000,000",
     "{every: day, from: 2027-02-16}"),
    ("every -2 years", "'-2' is no interval: an interval is a whole number from 1 to 1,000,000,000",
     "{rrule: FREQ=YEARLY, from: 2027-02-16}"),
    ("chaque mois le 32", "a month has no day 32", "{every: month, from: 2027-02-16}"),
    ("tous les 32 du mois", "a month has no day 32", "{every: month, from: 2027-02-16}"),
    ("tous les ans le 30 février", "no year has a day '30 février'", "{rrule: FREQ=YEARLY, from: 2027-02-16}"),
    # RFC 5545 skips a month without the day: the hint read `{every: month}` (the day of `from:`), the 30 lost.
    ("every month on the 30", "not every month has a day 30 (February has none): a month without it would get no "
     "post, and -1 is the last day of every month", "{every: month, on: -1, from: 2027-02-28}"),
    ("every month on the 29", "not every month has a day 29 (February, three years in four): a month without it "
     "would get no post, and -1 is the last day of every month", "{every: month, on: -1, from: 2027-02-28}"),
    ("chaque mois le 31", "not every month has a day 31 (February has none): a month without it would get no "
     "post, and -1 is the last day of every month", "{every: month, on: -1, from: 2027-02-28}"),
    # A yearly rule on 29 February posts in leap years only: every four years, or never (INTERVAL=2 from 2029).
    ("tous les 2 ans le 29 février", "29 February comes in leap years only: a yearly rule on it would post every "
     "four years; BYMONTH=2;BYMONTHDAY=-1 is the last day of February",
     "{rrule: FREQ=YEARLY;INTERVAL=2;BYMONTH=2;BYMONTHDAY=-1, from: 2028-02-29}"),
])
def test_a_repeat_in_words_that_says_no_rule_is_told_so(tmp_path: Path, written: str, problem: str,
                                                         rule: str) -> None:
    """`repeat: every -2 weeks` was told `interval: 2` (the minus dropped), `every 10**20 weeks` an interval
    the next load refuses, `tous les 32 du mois` `interval: 32`: each hint read a rule the words do not say."""
    found = first_error(tmp_path, BASE + f"posts:\n  - id: a\n    networks: [x]\n    text: T\n    repeat: {written}\n")
    assert found[1] == (f"    hint: {problem}; write the rule's parts: repeat: {rule} (from: its first day; until: or "
                        "count: ends it)"), found


@pytest.mark.parametrize(("written", "rrule"), [
    ("year", "FREQ=YEARLY"), ("yearly", "FREQ=YEARLY"), ("annuel", "FREQ=YEARLY"), ("an", "FREQ=YEARLY"),
    ("2 years", "FREQ=YEARLY;INTERVAL=2"), ("2 ans", "FREQ=YEARLY;INTERVAL=2"),
])
def test_every_year_is_told_the_yearly_rrule(tmp_path: Path, written: str, rrule: str) -> None:
    """`every: year` was refused with no hint: every: takes no year, and the rule that does was not named."""
    found = first_error(tmp_path, BASE + "posts:\n  - {id: a, networks: [x], text: T, repeat: "
                        f"{{every: {written}, from: 2027-01-05}}}}\n")
    assert found[0].endswith(f"found '{written}', expected one of: day, week, month"), found
    assert found[1] == f"    hint: a yearly rule is an RFC 5545 one: write rrule: {rrule} in place of every:", found
    assert load(tmp_path, BASE + "posts:\n  - {id: a, networks: [x], text: T, repeat: "
                f"{{rrule: '{rrule}', from: 2027-01-05, count: 2}}}}\n").posts[0].recurrence.rrule == rrule


def test_a_repeat_written_in_words_edcal_cannot_read_is_shown_the_rule_s_shape(tmp_path: Path) -> None:
    found = first_error(tmp_path, BASE + "posts:\n  - id: a\n    networks: [x]\n    text: T\n    repeat: souvent\n")
    assert found[1] == ("    hint: write the rule's parts: repeat: {every: week, on: tue, from: 2027-02-16} (from: its "
                        "first day; until: or count: ends it)"), found


@pytest.mark.parametrize(("now", "written", "rule"), [
    # Wednesday 17 February 2027: the coming days the rule names, from tomorrow
    ("2027-02-17T10:00:00+01:00", "every tuesday", "{every: week, on: tue, from: 2027-02-23}"),
    ("2027-02-17T10:00:00+01:00", "Tuesdays and Fridays", "{every: week, on: [tue, fri], from: 2027-02-19}"),
    ("2027-02-17T10:00:00+01:00", "fortnightly", "{every: week, interval: 2, from: 2027-02-18}"),
    ("2027-02-17T10:00:00+01:00", "twice a month", "{every: month, on: [1, 15], from: 2027-03-01}"),
    # Friday 29 January: a monthly rule's day is its from:'s, and February has no 30th
    ("2027-01-29T10:00:00+01:00", "monthly", "{every: month, from: 2027-02-01}"),
    ("2027-01-29T10:00:00+01:00", "le dernier jour du mois", "{every: month, on: -1, from: 2027-01-31}"),
    # the day the writer gave is the rule's first, not a number of its rule (2027-03-02 read interval: 3)
    ("2027-02-17T10:00:00+01:00", "every tuesday from 2027-03-02", "{every: week, on: tue, from: 2027-03-02}"),
    ("2027-02-17T10:00:00+01:00", "chaque mardi à partir du 2 mars", "{every: week, on: tue, from: 2027-03-02}"),
    # a yearly day and the day to start from: its first such day from then (from: 2027-06-01 posted each 1 June)
    ("2027-02-17T10:00:00+01:00", "every year on march 15 from 2027-06-01", "{rrule: FREQ=YEARLY, from: 2028-03-15}"),
    ("2027-02-17T10:00:00+01:00", "tous les ans le 15 mars à partir du 2027-03-15",
     "{rrule: FREQ=YEARLY, from: 2027-03-15}"),
])
def test_a_repeat_in_words_is_told_a_first_day_to_come(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, now: str,
                                                       written: str, rule: str) -> None:
    """Every hint wrote `from: 2027-01-05`, a day long past by the time a writer reads it, and no day of
    the rule it gave (`twice a month` from a 5th): a rule pasted as told started in the past."""
    monkeypatch.setenv("EDCAL_NOW", now)
    found = first_error(tmp_path, BASE + f"posts:\n  - id: a\n    networks: [x]\n    text: T\n    repeat: {written}\n")
    assert found[1] == (f"    hint: write the rule's parts: repeat: {rule} (from: its first day; until: or count: "
                        "ends it)"), found


def test_tues_thurs_and_weds_are_read_as_their_days(tmp_path: Path) -> None:
    """Irish and British writers shorten Tuesday to Tues and Thursday to Thurs: they were refused."""
    calendar = load(tmp_path, BASE.replace("slots: [tue 09:00]", "slots: [Tues 09:00, thurs 12:30, Weds. 10:00]")
                    + "posts:\n  - {id: a, networks: [x], text: T, repeat: {every: week, on: [Tues, Thur], "
                    "from: 2027-01-05, count: 4}}\n")
    assert [sorted(slot.weekdays) for slot in calendar.networks["linkedin"].slots] == [[1], [3], [2]]
    assert calendar.posts[0].recurrence.rrule.endswith("BYDAY=TU,TH"), calendar.posts[0].recurrence


@pytest.mark.parametrize(("text", "message", "hint"), [
    (BASE.replace("slots: [tue 09:00]", "slots: [tue 9am]"),
     "found '9am', expected a time as HH:MM (e.g. 09:30)", "times are written on the 24-hour clock: tue 09:00"),
    (BASE.replace("slots: [tue 09:00]", "slots: [frday 09:00]"),
     "found 'frday', expected a weekday (mon, tue, wed, thu, fri, sat, sun); did you mean 'friday'?", None),
    (BASE.replace("slots: [tue 09:00]", "slots: [someday 09:00]"),
     "found 'someday', expected a weekday (mon, tue, wed, thu, fri, sat, sun)", None),
    (BASE.replace("cadence: 2/week", "cadence: sometimes"),
     "found 'sometimes', expected a count per day, week or month",
     "write it as 'twice a week', 'once a month', '2 per week' or '2/week'"),
    (BASE + "posts:\n  - {id: a, networks: [x], text: T, repeat: {every: week, on: [tue], at: 9am, "
            "from: 2027-01-05}}\n",
     "found '9am', expected a time or a named slot as HH:MM (e.g. 09:30)", None),
    (BASE.replace("  x: {}", "  mastodon: {}") + "posts:\n  - {id: a, networks: [mastodon], text: T, "
                                                   "at: 2027-01-05 09:00, poll: {options: [A, B], duration: 3 months}}\n",
     "found '3 months', expected a duration such as '2 hours', '1 day' or '1 week'",
     "write a number of minutes, hours, days or weeks, e.g. '3 days' or '1 week' (months and years are not "
     "taken: a network keeps a poll open 30 days at most)"),
    (BASE.replace("  x: {}", "  mastodon: {}") + "posts:\n  - {id: a, networks: [mastodon], text: T, "
                                                   "at: 2027-01-05 09:00, poll: {options: [A, B]}}\n",
     "missing required field 'duration' in posts entry 'a', poll",
     "add duration: (how long it is open: '2 hours', '1 day', '3 days', '1 week')"),
])
def test_an_english_message_gives_english_examples(tmp_path: Path, text: str, message: str,
                                                   hint: str | None) -> None:
    """`slots: [tue 9am]` was told "e.g. 09:30 or 9h30", a bad weekday "or lun, mar, mer…", a bad cadence
    "'2 fois par semaine', '1 fois par mois'…" first: French forms in an English team's messages."""
    found = first_error(tmp_path, text)
    assert found[0].endswith(message), found
    if hint is not None:
        assert found[1] == f"    hint: {hint}", found


@pytest.mark.parametrize(("text", "message"), [
    (BASE.replace("slots: [tue 09:00]", "slots: [mar 9am]"),
     "trouvé '9am', attendu\u00a0: une heure au format HH:MM (par exemple 09:30 ou 9h30)"),
    (BASE.replace("slots: [tue 09:00]", "slots: [mardu 09:00]"),
     "trouvé 'mardu', attendu\u00a0: un jour de la semaine (lun, mar, mer, jeu, ven, sam, dim ou mon, tue, wed, thu, "
     "fri, sat, sun)\u00a0; vouliez-vous dire 'mardi'\u00a0?"),
])
def test_a_french_message_keeps_its_french_examples(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str,
                                                    message: str) -> None:
    from edcal.i18n import speak

    monkeypatch.setenv("EDCAL_LANG", "fr")
    speak(None)
    assert first_error(tmp_path, text)[0].endswith(message)
    found = first_error(tmp_path, BASE.replace("cadence: 2/week", "cadence: parfois"))
    assert found[1] == "    hint: écrivez-le '2 fois par semaine', '1 fois par mois', '3 par semaine' ou '2/semaine'"
    found = first_error(tmp_path, BASE.replace("  x: {}", "  mastodon: {}") + "posts:\n  - {id: a, networks: "
                        "[mastodon], text: T, at: 2027-01-05 09:00, poll: {options: [A, B], duration: 3 mois}}\n")
    assert found[1] == ("    hint: écrivez un nombre de minutes, d'heures, de jours ou de semaines, par exemple "
                        "'3 jours' ou '1 semaine' (ni mois ni années\u00a0: un réseau garde un sondage ouvert "
                        "30 jours au plus)"), found


@pytest.mark.parametrize(("step", "hint"), [
    ("on publication", "write 'at publication'"),
    ("upon publication", "write 'at publication'"),
    ("3 days later", "write '+3 days'"),
    ("in 3 days", "write '+3 days'"),
    ("a week later at 12:00", "write '+1 week at 12:00'"),
    ("2 days after publication", "write '+2 days'"),
    ("1 day before", "write '-1 day'"),
    ("3 days", "write '+3 days'"),
])
def test_a_promotion_step_as_said_is_told_how_to_write_it(tmp_path: Path, step: str, hint: str) -> None:
    """`schedule: [on publication, 3 days later]` was refused with no hint: the forms to write were given
    only as examples of another shape."""
    found = first_error(tmp_path, BASE + f"blog:\n  promote: {{networks: [x], schedule: [{step}]}}\n")
    assert found[0].endswith(f"found '{step}', expected 'at publication' or a signed offset such as '+2 days', "
                             "'+2 days at 12:00', '+1 week' or '-1 day at 18:00'"), found
    assert found[1:] == [f"    hint: {hint}"], found


def test_a_french_promotion_step_as_said_is_told_how_to_write_it(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from edcal.i18n import speak

    monkeypatch.setenv("EDCAL_LANG", "fr")
    speak(None)
    found = errors(tmp_path, BASE + "blog:\n  promote: {networks: [x], schedule: [dès publication, "
                                    "3 jours plus tard, dans 2 semaines à 12h]}\n")
    assert [message.splitlines()[1] for message in found] == [
        "    hint: écrivez 'à la publication'", "    hint: écrivez '+3 jours'", "    hint: écrivez '+2 semaines à 12h'"]


@pytest.mark.parametrize(("written", "hint"), [
    # "did you mean 'month'?": a post every month, half what was meant, or half as many as meant.
    ("bimonthly", "'bimonthly' is said for every two months and for twice a month: for every two months, write "
                  "every: month and interval: 2; for twice a month, every: month and its two days in on:, e.g. on: [1, 15]"),
    ("bi-monthly", "'bi-monthly' is said for every two months and for twice a month: for every two months, write "
                   "every: month and interval: 2; for twice a month, every: month and its two days in on:, e.g. on: [1, 15]"),
    ("bimestriel", "write every: month and interval: 2 (every 2 months)"),
    # Twice a month is the 1st and the 15th: every two weeks drifts, and gives 27 posts a year, not 24.
    ("semi-monthly", "twice a month is every: month and its two days in on:, e.g. on: [1, 15]"),
])
def test_a_bimonthly_repeat_is_told_its_interval(tmp_path: Path, written: str, hint: str) -> None:
    found = first_error(tmp_path, BASE + "posts:\n  - {id: a, networks: [x], text: T, repeat: "
                        f"{{every: {written}, from: 2027-01-05}}}}\n")
    assert found[0].endswith(f"found '{written}', expected one of: day, week, month"), found
    assert found[1] == f"    hint: {hint}", found


@pytest.mark.parametrize(("written", "day"), [("1st", 1), ("the 15th", 15), ("2nd", 2), ("23rd", 23), ("1er", 1),
                                              ("first", 1), ("the first day", 1)])
def test_a_monthly_day_written_as_an_ordinal_is_told_its_number(tmp_path: Path, written: str, day: int) -> None:
    """`on: 1st` (the 1st of each month, as an English team writes it) was refused with no hint: the message
    spoke of days (15) and weekday positions ('first tue'), and `1st` is both a day and a position."""
    text = f"posts:\n  - {{id: a, networks: [x], text: T, repeat: {{every: month, on: {written}, from: 2027-01-01}}}}\n"
    assert first_error(tmp_path, BASE + text)[1:] == [
        f"    hint: a day of the month is written as a number: on: {day} (a weekday's place in the month, the first "
        "Tuesday, is on: first tue)"]



def test_a_monthly_ordinal_no_month_has_is_not_told_as_a_day(tmp_path: Path) -> None:
    """`on: 45th` was told 'on: 45', a day no month has, refused again: no such hint."""
    text = "posts:\n  - {id: a, networks: [x], text: T, repeat: {every: month, on: 45th, from: 2027-01-01}}\n"
    assert not any("on: 45" in line for line in first_error(tmp_path, BASE + text)[1:])

def test_a_monthly_day_written_as_an_ordinal_is_told_in_french_to_a_french_team(tmp_path: Path,
                                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from edcal.i18n import speak

    monkeypatch.setenv("EDCAL_LANG", "fr")
    speak(None)
    text = "posts:\n  - {id: a, networks: [x], text: T, repeat: {every: month, on: 1er, from: 2027-01-01}}\n"
    assert "    hint: un jour du mois s'écrit en chiffres\u00a0: on: 1 (la place" in first_error(tmp_path, BASE + text)[1]


@pytest.mark.parametrize(("text", "hint"), [
    ("posts:\n  - {id: a, networks: [x], text: T, at: 2027-01-05 noon}\n", "2027-01-05 12:00"),
    ("posts:\n  - {id: a, networks: [x], text: T, at: 2027-01-05 at midday}\n", "2027-01-05 at 12:00"),
    ("posts:\n  - {id: a, networks: [x], text: T, repeat: {every: week, from: 2027-01-05, at: Noon}}\n", "12:00"),
    # `12 noon`, as English often writes it, was told `2027-01-05 12 12:00`, refused again.
    ("posts:\n  - {id: a, networks: [x], text: T, at: 2027-01-05 12 noon}\n", "2027-01-05 12:00"),
    ("posts:\n  - {id: a, networks: [x], text: T, at: '2027-01-05 12:00 noon'}\n", "2027-01-05 12:00"),
    ("posts:\n  - {id: a, networks: [x], text: T, at: 2027-01-12 noon}\n", "2027-01-12 12:00"),  # its day kept
])
def test_noon_is_told_its_time(tmp_path: Path, text: str, hint: str) -> None:
    """`at: 2027-01-05 noon` was refused with no hint; a slot named `noon` is the site's own, when it has one (a
    network's `slots: [tue noon]` is told that its slots take times, not the site's named slots, which may be
    named so: no hint guesses 12:00 there)."""
    assert first_error(tmp_path, BASE + text)[1] == f"    hint: noon is written 12:00: {hint}"


def test_midi_without_its_slot_is_told_its_time_in_french(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A French site without a `midi` slot (the sample's) writes `at: 2027-01-05 midi`: told 12:00, or the slot."""
    from edcal.i18n import speak

    monkeypatch.setenv("EDCAL_LANG", "fr")
    speak(None)
    found = first_error(tmp_path, BASE + "posts:\n  - {id: a, networks: [x], text: T, at: 2027-01-05 midi}\n")
    assert found[1] == "    hint: midi s'écrit 12:00\u00a0: 2027-01-05 12:00"
