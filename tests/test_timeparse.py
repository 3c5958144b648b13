"""Time expressions as people write them, in English and French."""

from __future__ import annotations

import datetime as dt

import pytest

from edcal.load import timeparse


@pytest.mark.parametrize(
    ("text", "expected"),
    [("09:00", dt.time(9)), ("9:05", dt.time(9, 5)), ("12h30", dt.time(12, 30)), ("9h", dt.time(9)),
     ("23:59:59", dt.time(23, 59, 59))],
)
def test_times(text: str, expected: dt.time) -> None:
    assert timeparse.parse_time(text) == expected


@pytest.mark.parametrize("text", ["24:00", "9.30", "noon", "12:60"])
def test_bad_times_say_what_was_expected(text: str) -> None:
    with pytest.raises(ValueError, match="expected a time"):
        timeparse.parse_time(text)


def test_impossible_dates_name_the_month_length() -> None:
    with pytest.raises(ValueError, match="February 2027 has 28 days"):
        timeparse.parse_date("2027-02-30")
    assert timeparse.parse_date("2028-02-29") == dt.date(2028, 2, 29)


def test_when_with_time_slot_date_and_offset() -> None:
    slots = frozenset({"midi"})
    assert timeparse.parse_when("2027-01-12 09:00") == timeparse.When(dt.date(2027, 1, 12), dt.time(9))
    assert timeparse.parse_when("2027-01-12 midi", slots).slot == "midi"
    assert timeparse.parse_when("2027-01-12").time is None
    offset = timeparse.parse_when("2026-10-25T02:30+01:00")
    assert offset.utc_offset == dt.timedelta(hours=1)
    with pytest.raises(ValueError, match="slot named in slots:"):
        timeparse.parse_when("2027-01-12 goûter", slots)


def test_slots_in_both_languages() -> None:
    slot = timeparse.parse_slot("mar 9h30")
    assert slot.weekdays == frozenset({1}) and slot.time == dt.time(9, 30)
    assert timeparse.parse_slot("mon-fri 08:30").weekdays == frozenset(range(5))
    assert timeparse.parse_slot("fri-mon 10:00").weekdays == frozenset({4, 5, 6, 0})
    with pytest.raises(ValueError, match="expected a weekday"):
        timeparse.parse_slot("tusday 09:00")  # a typo; `tues` is English for Tuesday


@pytest.mark.parametrize(("text", "count", "per"), [
    ("2/week", 2, "week"), ("3 par mois", 3, "month"), ("5 per week", 5, "week"), ("1/jour", 1, "day"),
    # As a French team writes it.
    ("2 fois par semaine", 2, "week"), ("1 fois par mois", 1, "month"), ("3 par semaine", 3, "week"),
    ("une fois par semaine", 1, "week"), ("Deux fois par mois", 2, "month"), ("2 fois/semaine", 2, "week"),
    ("2 fois la semaine", 2, "week"), ("hebdomadaire", 1, "week"), ("mensuelle", 1, "month"),
    # As an English one does.
    ("twice a week", 2, "week"), ("once a month", 1, "month"), ("2 per week", 2, "week"),
    ("three times a week", 3, "week"), ("2 times per month", 2, "month"), ("2x/week", 2, "week"),
    ("once every day", 1, "day"), ("weekly", 1, "week"), ("Daily", 1, "day"),
    # Once a period, said without a count.
    ("toutes les semaines", 1, "week"), ("tous les jours", 1, "day"), ("chaque mois", 1, "month"),
    ("Chaque semaine", 1, "week"), ("every week", 1, "week"), ("each month", 1, "month"),
])
def test_cadences_as_people_write_them(text: str, count: int, per: str) -> None:
    cadence = timeparse.parse_cadence(text)
    assert (cadence.count, cadence.per, cadence.label) == (count, per, f"{count}/{per}")


@pytest.mark.parametrize(("text", "message", "hint"), [
    ("2 fois par quinzaine", "found '2 fois par quinzaine', expected a count per day, week or month",
     "write it as 'twice a week', 'once a month', '2 per week' or '2/week'"),
    ("souvent", "found 'souvent', expected a count per day, week or month",
     "write it as 'twice a week', 'once a month', '2 per week' or '2/week'"),
    ("toutes les deux semaines", "found 'toutes les deux semaines', expected a count per day, week or month",
     "a cadence counts posts per day, week or month, not the time between them: for every two weeks, write "
     "'2/month'"),
    ("every 2 weeks", "found 'every 2 weeks', expected a count per day, week or month",
     "a cadence counts posts per day, week or month, not the time between them: for every two weeks, write "
     "'2/month'"),
    ("une fois toutes les deux semaines",
     "found 'une fois toutes les deux semaines', expected a count per day, week or month",
     "a cadence counts posts per day, week or month, not the time between them: for every two weeks, write "
     "'2/month'"),
    ("once every two weeks", "found 'once every two weeks', expected a count per day, week or month",
     "a cadence counts posts per day, week or month, not the time between them: for every two weeks, write "
     "'2/month'"),
    ("0 par semaine", "found '0 par semaine', expected at least 1 per period",
     "to set no regularity target, remove `cadence:`"),
])
def test_an_unreadable_cadence_says_what_to_write(text: str, message: str, hint: str) -> None:
    with pytest.raises(ValueError) as caught:
        timeparse.parse_cadence(text)
    assert [str(arg) for arg in caught.value.args] == [message, hint]


def test_offsets() -> None:
    assert timeparse.parse_offset("at publication").amount == 0
    offset = timeparse.parse_offset("+2 days at 12:00")
    assert (offset.amount, offset.unit, offset.time) == (2, "days", dt.time(12))
    assert timeparse.parse_offset("-1 jour à 18h").amount == -1
    assert timeparse.parse_offset("+1 week at midi", frozenset({"midi"})).slot == "midi"
    assert timeparse.parse_offset("+3 hours").unit == "hours"
    with pytest.raises(ValueError, match="'at' only follows days"):
        timeparse.parse_offset("+3 hours at 12:00")
    with pytest.raises(ValueError, match="signed offset"):
        timeparse.parse_offset("tomorrow")
    # The count in words, as a cadence takes it (`une fois par semaine`): `edcal move --by 'une semaine'`.
    for written, amount, unit in (("+une semaine", 1, "weeks"), ("-deux jours à 18h", -2, "days"),
                                  ("+a week", 1, "weeks"), ("+one month", 1, "months"), ("+Trois heures", 3, "hours")):
        offset = timeparse.parse_offset(written)
        assert (offset.amount, offset.unit) == (amount, unit), written
    for refused in ("+une", "+plusieurs semaines", "+unesemaine"):
        with pytest.raises(ValueError, match="signed offset"):
            timeparse.parse_offset(refused)


@pytest.mark.parametrize(("typed", "written", "french"), [
    ("lun-ven 9h", "mon-fri 09:00", "lun.-ven. 09:00"),
    ("tue,thu 12:30", "tue,thu 12:30", "mar.,jeu. 12:30"),
    ("daily 8h", "mon-sun 08:00", "lun.-dim. 08:00"),
    ("sam,dim,lun 10:00", "mon,sat,sun 10:00", "lun.,sam.,dim. 10:00"),
    ("mer-ven 18:00", "wed-fri 18:00", "mer.-ven. 18:00"),
])
def test_a_slot_is_written_in_one_form_whatever_was_typed(typed: str, written: str, french: str) -> None:
    """plan.json and messages show slots one way; the French reader reads French days."""
    slot = timeparse.parse_slot(typed)
    assert slot.written() == written
    assert timeparse.parse_slot(written).weekdays == slot.weekdays  # calendar.yaml reads it back
    assert slot.written(("lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim.")) == french


def test_a_day_given_alone_starts_at_its_first_instant_even_after_a_gap_at_midnight() -> None:
    """`--since 2027-04-30` in Cairo (clocks go from 00:00 to 01:00 that night) was refused once times the
    clocks skip became errors; a date alone means the day, which starts at 01:00 there."""
    from zoneinfo import ZoneInfo

    from edcal.clock import parse_instant, parse_window
    from edcal.errors import InputErrors

    cairo = ZoneInfo("Africa/Cairo")
    assert parse_instant("2027-04-30", cairo, "--since").isoformat() == "2027-04-30T01:00:00+03:00"
    assert parse_instant("2027-03-28", ZoneInfo("Europe/Paris"), "--since").isoformat() == "2027-03-28T00:00:00+01:00"
    start, end = parse_window("2027-04-29", "2027-04-29", cairo)
    assert end == parse_instant("2027-04-30", cairo, "--until")  # the 29th runs up to the 30th's first instant
    assert end.timestamp() - start.timestamp() == 24 * 3600
    with pytest.raises(InputErrors, match="does not exist in Africa/Cairo"):
        parse_instant("2027-04-30T00:30", cairo, "EDCAL_NOW")  # a time given explicitly is judged



def test_until_the_last_day_edcal_knows_runs_to_its_end() -> None:
    """`--until 2199-12-31` named 2200-01-01, a day the user never typed, as out of range."""
    from zoneinfo import ZoneInfo

    from edcal.clock import parse_window

    start, end = parse_window(None, "2199-12-31", ZoneInfo("Europe/Paris"))
    assert start is None and end is not None and (end.year, end.month, end.day, end.hour) == (2199, 12, 31, 23)
    assert parse_window(None, "2027-01-12", ZoneInfo("Europe/Paris"))[1].isoformat() == "2027-01-13T00:00:00+01:00"


@pytest.mark.parametrize(("written", "time"), [
    ("2027-01-21 à 9h30", dt.time(9, 30)), ("2027-01-21 9H30", dt.time(9, 30)),
    ("2027-01-21 10 h 30", dt.time(10, 30)), ("2027-01-21 10\u202fh\u202f30", dt.time(10, 30)),
    ("2027-01-21 at 09:30", dt.time(9, 30)), ("2027-01-21 à 10h", dt.time(10, 0))])
def test_a_time_as_french_writers_type_it(written: str, time: dt.time) -> None:
    """`à 9h30`, `10 h 30`: refused with "expected YYYY-MM-DD HH:MM", though `9h30` alone was taken."""
    when = timeparse.parse_when(written)
    assert (when.date, when.time) == (dt.date(2027, 1, 21), time)


@pytest.mark.parametrize("text", ["+twice weeks", "+once week", "twice weeks"])
def test_an_offset_counts_lengths_not_times(text: str) -> None:
    """The cadences' word list, shared with offsets, let `+twice weeks` move by two weeks."""
    from edcal.load.timeparse import parse_offset

    with pytest.raises(ValueError):
        parse_offset(text)


@pytest.mark.parametrize("text", ["a/week", "a per week", "an par semaine"])
def test_a_cadence_s_article_is_no_count(text: str) -> None:
    """`a` and `an`, an offset's counts (`+a week`), made `a/week` a cadence of one a week."""
    from edcal.load.timeparse import parse_cadence

    with pytest.raises(ValueError):
        parse_cadence(text)
