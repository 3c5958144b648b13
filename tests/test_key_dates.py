"""Key dates: the days a plan revolves around, and posts scheduled relative to them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from conftest import run_edcal
from helpers import by_id, plan_of
from helpers import load_errors as errors
from helpers import load_in as load

CALENDAR = """\
version: 1
timezone: Europe/Paris
slots: {matin: "08:30"}
networks:
  linkedin: {slots: [tue 09:00, thu 12:30]}
  bluesky: {slots: [mon-fri 08:30]}
  instagram: {slots: [wed 18:00]}
key_dates:
  - {id: salon, name: Salon de la métallerie, from: 2027-03-16, until: 2027-03-18}
  - {id: journee-femmes, name: Journée des droits des femmes, on: 2027-03-08}
posts:
  - id: j-7
    networks: [linkedin, bluesky, instagram]
    at: salon -7 days
    text: Plus qu'une semaine
    image: https://example.org/plan.png
    alt: Le plan du salon
    variants:
      instagram: {at: salon -6 days}
  - id: veille
    networks: [linkedin]
    at: salon -1 day at 18:00
    text: Demain, le salon
  - id: ouverture
    networks: [linkedin]
    at: salon matin
    text: C'est parti
  - id: femmes
    networks: [bluesky]
    at: journee-femmes
    text: Journée des droits des femmes
"""
NOW = "2027-02-15T10:00+01:00"




def starts(tmp_path: Path, text: str) -> dict[str, str]:
    items = by_id(plan_of(load(tmp_path, text), [], now=NOW))
    return {key: f"{item.start:%a %Y-%m-%d %H:%M}" for key, item in items.items()}


def test_posts_land_relative_to_their_key_date_at_each_networks_slot(tmp_path: Path) -> None:
    found = starts(tmp_path, CALENDAR)
    assert found["j-7-linkedin"] == "Tue 2027-03-09 09:00"  # a week before the first day, LinkedIn's Tuesday slot
    assert found["j-7-bluesky"] == "Tue 2027-03-09 08:30"
    assert found["j-7-instagram"] == "Wed 2027-03-10 18:00"  # its variant: six days before, Wednesday's slot
    assert found["veille-linkedin"] == "Mon 2027-03-15 18:00"
    assert found["ouverture-linkedin"] == "Tue 2027-03-16 08:30"  # the slot named matin
    assert found["femmes-bluesky"] == "Mon 2027-03-08 08:30"  # the id alone: its day, at the slot


def test_moving_a_key_date_moves_every_post_written_relative_to_it(tmp_path: Path) -> None:
    before = starts(tmp_path, CALENDAR)
    after = starts(tmp_path, CALENDAR.replace("from: 2027-03-16, until: 2027-03-18",
                                              "from: 2027-03-23, until: 2027-03-25"))
    moved = {key for key in before if before[key] != after[key]}
    assert moved == {"j-7-linkedin", "j-7-bluesky", "j-7-instagram", "veille-linkedin", "ouverture-linkedin"}
    assert after["veille-linkedin"] == "Mon 2027-03-22 18:00"


def test_a_freeze_can_name_a_key_date(tmp_path: Path) -> None:
    calendar = load(tmp_path, CALENDAR + "freeze:\n  - {from: salon -1 day, until: salon +2 days, reason: Salon}\n")
    window = calendar.freezes[0]
    zone = calendar.zone
    assert window.start == dt.datetime(2027, 3, 15, tzinfo=zone)
    assert window.end == dt.datetime(2027, 3, 19, tzinfo=zone)  # until a date: that whole day


@pytest.mark.parametrize(("at", "message", "hint"), [
    ("salom -7 days", "unknown key date 'salom'", "did you mean 'salon'?"),
    ("salon +3 hours", "after key date 'salon': found '+3 hours', expected an offset in days, weeks or months",
     "e.g. salon -7 days, salon -1 day at 18:00, salon 09:00"),
    ("salon tot", "after key date 'salon': found 'tot', expected a time (HH:MM), a slot (matin) or an offset", None),
    ("salon -7 days 18:00", "after key date 'salon': found '-7 days 18:00', expected a time (HH:MM), a slot", None),
    ("sal -7 days", "unknown key date 'sal'", "did you mean 'salon'?"),
    ("Journée des droits des femmes -7 days", "unknown key date 'Journée des droits des femmes'",
     "'Journée des droits des femmes' is the name of 'journee-femmes': write its id"),
    # The first words of a long name, in another case and without its accents.
    ("journee des droits -7 days", "unknown key date 'journee des droits'",
     "'Journée des droits des femmes' is the name of 'journee-femmes': write its id"),
    ("Salon de la métallerie -7 days", "after key date 'salon': found 'de la métallerie -7 days'",
     "'Salon de la métallerie' is the name of 'salon': write its id"),
    ("demain", "unknown key date 'demain'", "dates are written YYYY-MM-DD; name a day under `key_dates:`"),
])
def test_a_wrong_anchor_is_a_located_error(tmp_path: Path, at: str, message: str, hint: str | None) -> None:
    text = CALENDAR + f"  - {{id: faux, networks: [linkedin], at: {at}, text: T}}\n"
    found = errors(tmp_path, text)
    assert len(found) == 1, found
    lines = found[0].splitlines()
    assert lines[0].startswith("calendar.yaml:32:") and message in lines[0], lines
    if hint:
        assert hint in lines[1]


MORE_KEY_DATES = """\
  - {id: noel, name: Noël, on: 2027-12-25}
  - {id: fete-nationale, name: 14 Juillet, on: 2027-07-14}
  - {id: jpo-mars, name: Journée portes ouvertes (mars), on: 2027-03-20}
  - {id: jpo-juin, name: Journée portes ouvertes (juin), on: 2027-06-19}
  - {id: salon-lyon, name: Salon de la métallerie de Lyon, on: 2027-05-04}
"""


@pytest.mark.parametrize(("at", "hint"), [
    # Its id written right, then what is wrong: its name, the same but for its accent, is no hint.
    ("noel 25h", "e.g. noel -7 days"),
    ("Noël -1 day", "'Noël' is the name of 'noel': write its id"),
    # A whole name that starts with a figure, as the team writes the day.
    ("14 juillet -1 day", "'14 Juillet' is the name of 'fete-nationale': write its id"),
    # The first words of two names: both said, not the first one found.
    ("Journée portes ouvertes -7 days", "write the id of the key date meant, one of: 'jpo-mars' (Journée portes "
                                        "ouvertes (mars)), 'jpo-juin' (Journée portes ouvertes (juin))"),
    ("journée portes ouvertes (juin) -7 days", "'Journée portes ouvertes (juin)' is the name of 'jpo-juin'"),
    # The name that accounts for the most words written, not a shorter one it starts with.
    ("Salon de la métallerie de Lyon -7 days", "'Salon de la métallerie de Lyon' is the name of 'salon-lyon'"),
])
def test_a_key_date_written_by_its_name_is_told_its_id_when_one_is_meant(tmp_path: Path, at: str,
                                                                         hint: str) -> None:
    """The hint named one key date of several that a name's first words fit, said "write its id" of the id
    written right ("noel 25h"), and missed a name starting with a figure ("14 Juillet")."""
    text = CALENDAR.replace("posts:\n", MORE_KEY_DATES + "posts:\n", 1)
    found = errors(tmp_path, text + f"  - {{id: faux, networks: [linkedin], at: {at}, text: T}}\n")
    assert len(found) == 1, found
    assert found[0].splitlines()[1].startswith(f"    hint: {hint}"), found


@pytest.mark.parametrize(("entry", "message"), [
    ("{id: x, name: X, on: 2027-03-01, from: 2027-03-01}", "found both `on:` and `from:`, expected `on:` alone"),
    ("{id: 2027-01-19, name: X, on: 2027-03-01}", "found key date id '2027-01-19', which reads as a date"),
    ("{id: x, name: X}", "key date 'x' has no day"),
    ("{id: x, name: X, from: 2027-03-05, until: 2027-03-01}", "key date 'x' ends (2027-03-01) before it starts"),
    ("{id: salon, name: Encore, on: 2027-03-01}", "key date 'salon'"),
])
def test_key_dates_themselves_are_checked(tmp_path: Path, entry: str, message: str) -> None:
    text = CALENDAR.replace("posts:\n", f"  - {entry}\nposts:\n")
    assert any(message in error for error in errors(tmp_path, text)), errors(tmp_path, text)


@pytest.mark.parametrize(("days", "message"), [
    # docs/calendar.md: `until` goes with `from`; `on` is one day.
    ("on: 2027-03-16, until: 2027-03-18",
     "calendar.yaml:9:63: error: found both `on:` and `until:`, expected `on:` alone, or `from:` and `until:`\n"
     "    hint: on: for one day; from: and until: for several"),
    ("on: 2027-03-16, from: 2027-03-16", "error: found both `on:` and `from:`"),
    # `until` before `on`: the same error, not also "ends before it starts" with a hint to swap a `from`.
    ("on: 2027-03-18, until: 2027-03-16", "error: found both `on:` and `until:`"),
    ("from: 2027-03-18, until: 2027-03-16", "error: key date 'salon' ends (2027-03-16) before it starts (2027-03-18)"),
    ("description: Sans date", "calendar.yaml:9:5: error: key date 'salon' has no day"),
])
def test_a_key_dates_error_is_said_once_not_again_at_every_post_and_campaign_naming_it(
        tmp_path: Path, days: str, message: str) -> None:
    """`on:` with `until:` gave its error, then "unknown key date 'salon'" at every post written relative
    to it, and "unknown campaign" at every post of a campaign that follows it: for a key date in the file."""
    text = CALENDAR.replace("from: 2027-03-16, until: 2027-03-18", days)
    text = text.replace("posts:\n", "campaigns:\n  - {id: salon-2027, name: Salon, from: salon -2 weeks, "
                                    "until: salon end}\nposts:\n")
    text += "  - {id: stand, networks: [linkedin], at: salon -1 day, text: Stand B42, campaign: salon-2027}\n"
    found = errors(tmp_path, text)
    assert len(found) == 1 and message in found[0], found
    # An error of the post's own is still said.
    found = errors(tmp_path, text + "  - {id: tard, networks: [linkedin], at: salon +3 hours, text: T}\n")
    assert len(found) == 2 and "after key date 'salon': found '+3 hours', expected an offset" in found[1], found


def test_a_calendar_d_file_adds_key_dates(tmp_path: Path) -> None:
    calendar = load(tmp_path, CALENDAR, {"salons.yaml": "key_dates:\n  - {id: batimat, name: Batimat, on: 2027-10-04}\n"})
    assert list(calendar.key_dates) == ["salon", "journee-femmes", "batimat"]


@pytest.mark.usefixtures("site_language")
def test_key_dates_in_plan_json_the_planning_calendar_and_the_agenda(empty_site) -> None:
    site = empty_site(CALENDAR)
    assert run_edcal("build", cwd=site).returncode == 0
    plan = json.loads((site / "planning" / "plan.json").read_text(encoding="utf-8"))
    assert plan["key_dates"] == [
        {"id": "journee-femmes", "name": "Journée des droits des femmes", "start": "2027-03-08",
         "end": "2027-03-08", "description": None, "source": "calendar.yaml:10"},
        {"id": "salon", "name": "Salon de la métallerie", "start": "2027-03-16", "end": "2027-03-18",
         "description": None, "source": "calendar.yaml:9"},
    ]
    month = (site / "planning" / "agenda" / "2027-03.html").read_text(encoding="utf-8")
    assert 'mardi 16 mars 2027 — <span class="key-date">◆ Salon de la métallerie</span>' in month
    page = (site / "planning" / "index.html").read_text(encoding="utf-8")
    assert '"key_dates":[{"first":"2027-03-08","last":"2027-03-08","name":"Journée des droits des femmes"}' in page
    agenda = run_edcal("agenda", "--since", "2027-03-08", "--until", "2027-03-18", cwd=site).stdout
    assert "Lundi 8 mars 2027 — ◆ Journée des droits des femmes" in agenda
    assert "Mardi 16 mars 2027 — ◆ Salon de la métallerie" in agenda
    # A key date's day has its heading even with nothing planned: the fair's last day.
    assert "Jeudi 18 mars 2027 — ◆ Salon de la métallerie\n  Rien de prévu.\n" in agenda


def test_the_last_day_of_a_key_date_is_its_end(tmp_path: Path) -> None:
    found = starts(tmp_path, CALENDAR + "  - {id: bilan, networks: [linkedin], at: salon end +1 day at 17:00, text: Merci}\n")
    assert found["bilan-linkedin"] == "Fri 2027-03-19 17:00"  # the day after the fair's last day (18 March)


@pytest.mark.parametrize(("at", "message"), [
    ("2027-02-30", "February 2027 has 28 days"),
    ("2027-01-19 25:00", "expected a time between 00:00 and 23:59"),
])
def test_a_mistyped_date_keeps_its_own_message_where_key_dates_exist(tmp_path: Path, at: str, message: str) -> None:
    found = errors(tmp_path, CALENDAR + f"  - {{id: faux, networks: [linkedin], at: {at}, text: T}}\n")
    assert len(found) == 1 and message in found[0] and "key date" not in found[0], found


def test_month_offsets_fin_and_a_freeze_to_a_key_dates_end(tmp_path: Path) -> None:
    text = CALENDAR.replace("posts:\n", "  - {id: fin-janvier, name: Soldes, on: 2027-01-31}\nposts:\n") + """\
  - {id: un-mois, networks: [linkedin], at: fin-janvier +1 month at 10:00, text: Un mois après}
freeze:
  - {from: salon, until: salon fin, reason: Tout le monde au salon}
"""
    calendar = load(tmp_path, text)
    found = starts(tmp_path, text)
    assert found["un-mois-linkedin"] == "Sun 2027-02-28 10:00"  # 31 February is the month's last day
    window = calendar.freezes[0]
    assert (window.start, window.end) == (dt.datetime(2027, 3, 16, tzinfo=calendar.zone),
                                          dt.datetime(2027, 3, 19, tzinfo=calendar.zone))


def test_key_dates_are_all_day_events_of_calendar_ics_only(empty_site) -> None:
    import icalendar
    import vobject
    from ical.calendar_stream import IcsCalendarStream

    site = empty_site(CALENDAR.replace("{id: salon, name: Salon de la métallerie,",
                                       "{id: salon, name: Salon de la métallerie, description: Hall B,"))
    assert run_edcal("build", cwd=site).returncode == 0
    data = (site / "planning" / "calendar.ics").read_bytes()
    IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))  # strict
    vobject.readOne(data.decode("utf-8"), validate=True)
    fair = [e for e in icalendar.Calendar.from_ical(data).walk("VEVENT") if str(e["SUMMARY"]).startswith("◆")]
    assert [str(e["SUMMARY"]) for e in fair] == ["◆ Journée des droits des femmes", "◆ Salon de la métallerie"]
    salon = fair[1]
    assert salon.decoded("DTSTART") == dt.date(2027, 3, 16) and salon.decoded("DTEND") == dt.date(2027, 3, 19)
    assert str(salon["DESCRIPTION"]).startswith("Hall B\n") and str(salon["TRANSP"]) == "TRANSPARENT"
    assert "VALARM" not in salon.to_ical().decode()
    assert "◆".encode() not in (site / "planning" / "calendars" / "linkedin.ics").read_bytes()  # not in subsets
    # Its UID follows its id: renamed and moved, the fair is the same event in subscribers' apps.
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace(
        "name: Salon de la métallerie, description: Hall B, from: 2027-03-16",
        "name: Salon Métal Expo, description: Hall B, from: 2027-03-17"), encoding="utf-8")
    assert run_edcal("build", cwd=site).returncode == 0
    moved = next(e for e in icalendar.Calendar.from_ical((site / "planning" / "calendar.ics").read_bytes())
                 .walk("VEVENT") if str(e["SUMMARY"]) == "◆ Salon Métal Expo")
    assert moved["UID"] == salon["UID"] and moved.decoded("DTSTART") == dt.date(2027, 3, 17)


def test_a_campaign_can_end_with_its_key_date_and_follows_it(tmp_path: Path) -> None:
    text = CALENDAR.replace("posts:\n", "campaigns:\n  - {id: c, name: C, from: salon -3 weeks, until: salon end}\n"
                            "posts:\n", 1)
    campaign = load(tmp_path, text).campaigns["c"]
    assert (campaign.start, campaign.end) == (dt.date(2027, 2, 23), dt.date(2027, 3, 18))
    moved = load(tmp_path, text.replace("from: 2027-03-16, until: 2027-03-18", "from: 2027-03-23, until: 2027-03-25"))
    assert (moved.campaigns["c"].start, moved.campaigns["c"].end) == (dt.date(2027, 3, 2), dt.date(2027, 3, 25))
    refused = errors(tmp_path, text.replace("until: salon end", "until: salon end 18:00"))
    assert "found 'salon end 18:00', a time, expected a day" in refused[0]


def test_a_recurring_post_can_run_through_its_key_date(tmp_path: Path) -> None:
    """Every day of the fair: the rule's days follow the key date."""
    text = CALENDAR + "  - {id: chaque-jour, networks: [linkedin], text: Au salon, " \
        "repeat: {every: day, at: '08:00', from: salon, until: salon end}}\n"
    days = [item.start.date() for item in plan_of(load(tmp_path, text)).items if item.parent == "chaque-jour"]
    assert days == [dt.date(2027, 3, 16), dt.date(2027, 3, 17), dt.date(2027, 3, 18)]
    moved = load(tmp_path, text.replace("from: 2027-03-16, until: 2027-03-18", "from: 2027-03-23, until: 2027-03-24"))
    assert [i.start.date() for i in plan_of(moved).items if i.parent == "chaque-jour"] == [
        dt.date(2027, 3, 23), dt.date(2027, 3, 24)]
    typo = errors(tmp_path, text.replace("from: salon,", "from: salom,"))
    assert typo == ["calendar.yaml:32:101: error: unknown key date 'salom'\n    hint: did you mean 'salon'?"]


def test_a_campaigns_feed_holds_the_key_dates_it_refers_to_with_calendar_ics_uids(tmp_path: Path) -> None:
    """The campaign of a fair lacked the fair itself: a subscriber to it saw "J-7" and no J."""
    import icalendar

    from edcal.outputs.ics import EventWriter, serialise
    from edcal.plan.feeds import feeds

    text = CALENDAR.replace("posts:\n", (
        "campaigns:\n"
        "  - {id: salon-2027, name: Salon 2027, from: salon -3 weeks, until: salon end}\n"
        "  - {id: mars, name: Mars, from: 2027-03-01, until: 2027-03-31}\n"
        "  - {id: stands, name: Stands, from: 2027-03-01, until: 2027-03-31}\n"
        "  - {id: vide, name: Vide, from: 2027-03-01, until: 2027-03-31}\n"
        "posts:\n"
        "  - {id: chaque-jour, networks: [linkedin], text: Au salon, campaign: stands, "
        "repeat: {every: day, at: '08:00', from: salon, until: salon end}}\n"), 1)
    text = text.replace("    text: Journée des droits des femmes\n",
                        "    text: Journée des droits des femmes\n    campaign: mars\n")
    plan = plan_of(load(tmp_path, text), [], now=NOW)
    found = {feed.path: feed for feed in feeds(plan)}
    campaign = "calendars/campaigns/{}.ics".format
    # Its until: written as the fair's end; a post at the world day; a repetition over the fair's days.
    # The fair falls within "mars" too, but nothing of "mars" refers to it: it is left out there.
    assert [k.id for k in found[campaign("salon-2027")].key_dates] == ["salon"]
    assert [k.id for k in found[campaign("mars")].key_dates] == ["journee-femmes"]
    assert [k.id for k in found[campaign("stands")].key_dates] == ["salon"]
    assert found[campaign("vide")].key_dates == []
    # Networks, the blog and people hold posts, articles and what someone owns: no key date.
    assert [path for path, feed in found.items() if feed.key_dates] == [
        "calendar.ics", campaign("mars"), campaign("salon-2027"), campaign("stands")]
    # The same event as in calendar.ics: one UID, so a move or a rename updates it in both.
    writer = EventWriter(plan)

    def fairs(path: str) -> dict[str, str]:
        events = icalendar.Calendar.from_ical(serialise(found[path], plan, writer)).walk("VEVENT")
        return {str(e["SUMMARY"]): str(e["UID"]) for e in events if str(e["SUMMARY"]).startswith("◆")}

    assert fairs(campaign("salon-2027")) == {"◆ Salon de la métallerie": fairs("calendar.ics")["◆ Salon de la métallerie"]}


HOLIDAYS = """\
version: 1
timezone: Europe/Paris
country: {country}
networks:
  linkedin: {{slots: [tue 09:00, thu 12:30]}}
campaigns:
  - {{id: fetes, name: Fêtes, from: {start}, until: 2027-12-31}}
posts:
  - {{id: a, networks: [linkedin], at: {at}, text: T}}
"""


@pytest.mark.parametrize(("lang", "country", "at", "start", "expected"), [
    # The words written, quoted whole ("unknown key date 'Christmas'" quoted one of them); the holiday they name,
    # its next day after now (7 December 2026), to write instead.
    ("en", "FR", "Christmas Day at 09:00", "2027-01-01",
     ["calendar.yaml:9:39: error: unknown key date 'Christmas Day'",
      "    hint: 'Christmas Day' is a public holiday: write its date, 2026-12-25 09:00"]),
    ("en", "US", "2027-01-04", "Thanksgiving",
     ["calendar.yaml:7:36: error: unknown key date 'Thanksgiving'",
      "    hint: 'Thanksgiving Day' is a public holiday: write its date, 2027-11-25"]),
    ("en", "FR", "Christmas Eve", "2027-01-01",  # no French holiday: the words quoted, the usual hint
     ["calendar.yaml:9:39: error: unknown key date 'Christmas Eve'",
      "    hint: dates are written YYYY-MM-DD; name a day under `key_dates:` to schedule posts relative to it"]),
    ("fr", "FR", "Noël", "2027-01-01",
     ["calendar.yaml:9:39: error: trouvé 'Noël', attendu : une date",
      "    hint: 'Noël' est un jour férié : écrivez sa date, 2026-12-25"]),
    ("fr", "FR", "2027-01-04", "fête nationale",
     ["calendar.yaml:7:36: error: trouvé 'fête nationale', attendu : une date",
      "    hint: 'Fête nationale' est un jour férié : écrivez sa date, 2027-07-14"]),
])
def test_a_public_holiday_written_by_its_name_is_told_its_date(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, country: str, at: str, start: str,
        expected: list[str]) -> None:
    """`at: Christmas Eve` got "unknown key date 'Christmas'", one word of two, and no date; `at: Noël` in a
    French site with `country: FR` no word of the holiday it names."""
    from edcal.i18n import speak

    monkeypatch.setenv("EDCAL_LANG", lang)
    monkeypatch.setenv("EDCAL_NOW", "2026-12-07T12:00:00+01:00")
    speak(None)
    (found,) = errors(tmp_path, HOLIDAYS.format(country=country, at=at, start=start))
    lines = found.replace("\u00a0", " ").splitlines()
    assert lines[0].startswith(expected[0]) and lines[1] == expected[1], found
