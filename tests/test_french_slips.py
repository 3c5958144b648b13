"""What a French team writes by habit in calendar.yaml, and what edcal tells it: ``bihebdomadaire``,
``bimensuel``, ``bimestriel``, words French dictionaries give one reading and French speakers two."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import load_errors as errors

BASE = """\
version: 1
timezone: Europe/Paris
networks:
  linkedin: {slots: [mar 09:00], cadence: 2 fois par semaine}
  x: {}
"""
TWICE_A_WEEK = ("'{found}' means twice a week, and is said for every two weeks too: ")
TWICE_A_MONTH = ("'{found}' means twice a month, and is said for every two months too: ")


def hint(tmp_path: Path, text: str) -> str:
    """The first error's hint."""
    return errors(tmp_path, text)[0].splitlines()[1].removeprefix("    hint: ")


@pytest.mark.parametrize(("written", "told"), [
    ("bihebdomadaire", TWICE_A_WEEK + "for twice a week, write every: week and its two days in on:, e.g. "
                                      "on: [tue, fri]; for every two weeks, every: week and interval: 2"),
    ("Bi-hebdomadaire", TWICE_A_WEEK + "for twice a week, write every: week and its two days in on:, e.g. "
                                       "on: [tue, fri]; for every two weeks, every: week and interval: 2"),
    ("bimensuel", TWICE_A_MONTH + "for twice a month, write every: month and its two days in on:, e.g. "
                                  "on: [1, 15]; for every two months, every: month and interval: 2"),
    ("bimensuelle", TWICE_A_MONTH + "for twice a month, write every: month and its two days in on:, e.g. "
                                    "on: [1, 15]; for every two months, every: month and interval: 2"),
])
def test_every_said_for_two_periods_is_told_both_readings(tmp_path: Path, written: str, told: str) -> None:
    """`every: bihebdomadaire` was told nothing, `every: bimensuel` to post every two weeks: twice a week and
    twice a month are what the words mean, every two weeks and every two months what many write them for."""
    assert hint(tmp_path, BASE + "posts:\n  - {id: a, networks: [x], text: T, repeat: "
                f"{{every: {written}, from: 2027-01-05}}}}\n") == told.replace("{found}", written.lower())


@pytest.mark.parametrize(("written", "told"), [
    ("bihebdomadaire", TWICE_A_WEEK + "twice a week is repeat: {every: week, on: [tue, fri], from: 2027-02-16}; "
                                      "every two weeks, repeat: {every: week, interval: 2, from: 2027-02-16}"),
    ("bimensuel", TWICE_A_MONTH + "twice a month is repeat: {every: month, on: [1, 15], from: 2027-03-01}; "
                                  "every two months, repeat: {every: month, interval: 2, from: 2027-02-16}"),
])
def test_a_repeat_said_for_two_periods_is_told_both_rules(tmp_path: Path, written: str, told: str) -> None:
    """`repeat: bihebdomadaire` was told a rule every Tuesday, neither reading."""
    assert hint(tmp_path, BASE + f"posts:\n  - id: a\n    networks: [x]\n    text: T\n    repeat: {written}\n") \
        == told.replace("{found}", written)


@pytest.mark.parametrize(("written", "told"), [
    ("bihebdomadaire", TWICE_A_WEEK + "write '2/week' for twice a week, '2/month' for every two weeks"),
    ("bimensuel", TWICE_A_MONTH + "write '2/month' for twice a month; every two months is less than a post a "
                                  "month, which a cadence does not count: leave cadence: out"),
    ("bimestriel", "'{found}' is less than a post a month, which a cadence does not count: leave cadence: out"),
    ("tous les deux mois", "'{found}' is less than a post a month, which a cadence does not count: leave "
                           "cadence: out"),
    ("une fois par an", "'{found}' is less than a post a month, which a cadence does not count: leave "
                        "cadence: out"),
    ("6 fois par an", "'{found}' is less than a post a month, which a cadence does not count: leave "
                      "cadence: out"),
    # Written as a count per period, it was told the examples
    ("6/year", "'{found}' is less than a post a month, which a cadence does not count: leave cadence: out"),
    ("1/an", "'{found}' is less than a post a month, which a cadence does not count: leave cadence: out"),
])
def test_a_cadence_said_for_two_periods_is_told_what_to_write(tmp_path: Path, written: str, told: str) -> None:
    """`cadence: bihebdomadaire` and `cadence: bimensuel` were told the examples ('twice a week'…) as any
    word is; `cadence: bimestriel` too, and `tous les deux mois` to write '2/month' for every two weeks."""
    assert hint(tmp_path, BASE.replace("cadence: 2 fois par semaine", f"cadence: {written}")) \
        == told.replace("{found}", written)


@pytest.mark.parametrize(("written", "told"), [
    ("52 fois par an", "a cadence counts posts per day, week or month: 52 a year is '1/week'"),
    ("24/an", "a cadence counts posts per day, week or month: 24 a year is '2/month'"),
    ("12 per year", "a cadence counts posts per day, week or month: 12 a year is '1/month'"),
    ("100 times a year", "a cadence counts posts per day, week or month: 100 a year is about '2/week'"),
    ("30/year", "a cadence counts posts per day, week or month: 30 a year is about '3/month'"),
    ("365 fois par an", "a cadence counts posts per day, week or month: 365 a year is '1/day'"),
])
def test_a_cadence_counted_per_year_is_told_its_count_per_week_or_month(
        tmp_path: Path, written: str, told: str) -> None:
    """`cadence: 52 fois par an` was told the examples ('twice a week'…), which a manager counting a year's
    posts has to convert alone."""
    assert hint(tmp_path, BASE.replace("cadence: 2 fois par semaine", f"cadence: {written}")) == told


def test_a_cadence_counted_per_year_is_told_in_french(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from edcal.i18n import speak

    monkeypatch.setenv("EDCAL_LANG", "fr")
    speak(None)
    assert hint(tmp_path, BASE.replace("cadence: 2 fois par semaine", "cadence: 100 fois par an")) == (
        "un rythme compte les publications par jour, par semaine ou par mois\u00a0: 100 par an, c'est environ "
        "'2 fois par semaine'")


def test_bimensuel_is_told_in_french(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from edcal.i18n import speak

    monkeypatch.setenv("EDCAL_LANG", "fr")
    speak(None)
    assert hint(tmp_path, BASE.replace("cadence: 2 fois par semaine", "cadence: bimensuel")) == (
        "'bimensuel' veut dire deux fois par mois, et se dit aussi pour tous les deux mois\u00a0: écrivez "
        "'2 fois par mois' pour deux fois par mois\u00a0; tous les deux mois, c'est moins d'une publication par "
        "mois, ce qu'un rythme ne compte pas\u00a0: retirez cadence:")


def test_the_new_cadence_errors_say_rythme_visé_as_the_other_french_messages_do(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The French messages call a `cadence:` a "rythme" (visé): the errors on a cadence under a post a month
    and on one above `max_per_day:` said "cadence", and "plus que max_per_day: 1 ne le laisse publier"."""
    from edcal.i18n import speak

    monkeypatch.setenv("EDCAL_LANG", "fr")
    speak(None)
    assert hint(tmp_path, BASE.replace("cadence: 2 fois par semaine", "cadence: tous les deux mois")) == (
        "'tous les deux mois', c'est moins d'une publication par mois, ce qu'un rythme ne compte pas\u00a0: "
        "retirez cadence:")
    networks = (BASE.replace("cadence: 2 fois par semaine", "cadence: 8/semaine, max_per_day: 1")
                .replace("x: {}", "x: {max_per_day: 2}"))
    told = errors(tmp_path, networks + "campaigns:\n  - {id: salon, name: Salon, from: 2027-03-01, "
                  "until: 2027-03-31, networks: [x], cadence: 3/jour}\n")
    assert [line.split(": error: ")[-1] for line in "".join(told).replace("\u00a0", " ").splitlines()
            if ": error: " in line] == [
        "trouvé le rythme visé 8/semaine sur LinkedIn, plus que max_per_day: 1 ne permet d'y publier (7/semaine)",
        "trouvé le rythme visé 3/jour sur la campagne 'salon', plus que max_per_day: 2 ne permet de publier sur X "
        "(2/jour)"], told


@pytest.mark.parametrize(("written", "told"), [
    ("toutes les -2 semaines", "'-2' n'est pas un intervalle\u00a0: un intervalle est un nombre entier de 1 à "
     "1\u00a0000\u00a0000\u00a0000\u00a0; écrivez les éléments de la règle\u00a0: repeat: {every: week, from: "
     "2027-02-16}"),
    ("chaque mois le 32", "aucun mois n'a de jour 32\u00a0; écrivez les éléments de la règle\u00a0: repeat: "
     "{every: month, from: 2027-02-16}"),
    ("tous les ans le 30 février", "le '30 février' n'existe dans aucune année\u00a0; écrivez les éléments de la "
     "règle\u00a0: repeat: {rrule: FREQ=YEARLY, from: 2027-02-16}"),
    ("tous les ans le 15 mars", "écrivez les éléments de la règle\u00a0: repeat: {rrule: FREQ=YEARLY, from: "
     "2027-03-15}"),
])
def test_a_repeat_in_words_that_says_no_rule_is_told_so_in_french(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                   written: str, told: str) -> None:
    """`repeat: toutes les -2 semaines` was told `interval: 2`, `chaque mois le 32` a rule with no word of its day,
    `tous les ans le 15 mars` a first day in January: an RRULE repeats its first day."""
    from edcal.i18n import speak

    monkeypatch.setenv("EDCAL_LANG", "fr")
    speak(None)
    said = hint(tmp_path, BASE + f"posts:\n  - id: a\n    networks: [x]\n    text: T\n    repeat: {written}\n")
    assert said.startswith(told), said


def test_an_odd_cadence_is_a_located_error(tmp_path: Path) -> None:
    """A superscript figure counted per year (`cadence: '²/an'`) ended in a traceback (ValueError) instead of
    an error at its line."""
    found = errors(tmp_path, BASE.replace("cadence: 2 fois par semaine", "cadence: '²/an'"))
    assert found[0].splitlines()[0].endswith("error: found '²/an', expected a count per day, week or month")


@pytest.mark.parametrize("written", ["-52/an", "0/year", "-1 per year"])
def test_a_cadence_of_no_post_a_year_is_told_at_least_one(tmp_path: Path, written: str) -> None:
    """`cadence: -52/an` was told it was 'less than a post a month': it asks for no post at all."""
    found = errors(tmp_path, BASE.replace("cadence: 2 fois par semaine", f"cadence: {written}"))
    assert found[0].splitlines()[0].endswith(f"error: found '{written}', expected at least 1 per period")
    assert found[0].splitlines()[1] == "    hint: to set no regularity target, remove `cadence:`"


def test_a_tab_in_the_indentation_is_told_what_was_expected_as_other_errors_are(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """It read "…, attendu : des espaces" where every other "; expected" reads " ; attendu" in French."""
    from edcal.i18n import speak

    monkeypatch.setenv("EDCAL_LANG", "fr")
    speak(None)
    assert errors(tmp_path, BASE + "posts:\n  - id: a\n    networks: [x]\n    text: |\n\tVenez nous voir\n") == [
        "calendar.yaml:10:1: error: trouvé une tabulation dans l'indentation de cette ligne\u00a0; attendu\u00a0: "
        "des espaces\n    hint: indentez avec des espaces, pas des tabulations"]
