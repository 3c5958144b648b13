"""One count of a cadence's weeks for every view: `edcal check`'s cadence-gap, the planning page's objectives,
the report (planning/report.html) and plan.json's `months`.

The site below has a week split by the end of a month (Monday 29 March to Sunday 4 April 2027, most of its days
in April), an account given up mid-March (X, `until:`) and one begun later (Mastodon, `since:`, with a stray post
before it), and a cadence-gap horizon of three weeks, shorter than the two months the objectives show.
"""

from __future__ import annotations

import dataclasses
import html
import json
import re
from pathlib import Path
from typing import Any

from edcal.checks import run_checks
from edcal.outputs import calendar_page
from edcal.outputs import report as report_page
from edcal.outputs.plan_json import document
from edcal.plan.report import report
from helpers import calendar_from, page_text, plan_of, write_planning_page

ROOT = Path(__file__).resolve().parent.parent

SPLIT_WEEK_SITE = """\
version: 1
timezone: Europe/Paris
networks:
  linkedin: {cadence: 2/week}
  x: {cadence: 1/week, until: 2027-03-17}
  mastodon: {cadence: 1/week, since: 2027-03-24}
checks: {cadence-gap: {horizon: 3 weeks}}
posts:
  - {id: mardi, networks: [linkedin], text: Mardi,
     repeat: {every: week, on: tue, from: 2027-03-02, until: 2027-05-04, at: "09:00"}}
  - {id: jeudi, networks: [linkedin], text: Jeudi,
     repeat: {every: week, on: thu, from: 2027-04-08, until: 2027-04-29, at: "12:30"}}
  - {id: lundi, networks: [x], text: Lundi,
     repeat: {every: week, on: mon, from: 2027-03-01, until: 2027-03-15, at: "09:00"}}
  - {id: egare, networks: [mastodon], text: Égaré, at: 2027-03-02 09:00}
  - {id: hebdo, networks: [mastodon], text: Hebdo,
     repeat: {every: week, on: thu, from: 2027-03-25, until: 2027-05-27, at: "10:00"}}
"""
#: A Tuesday: the week of 29 March (its Tuesday's post only) and that of 5 April are over.
NOW = "2027-04-13T10:00:00+02:00"


def split_week_plan() -> Any:
    return plan_of(calendar_from(SPLIT_WEEK_SITE), now=NOW)


def _report_cells(page: str) -> dict[tuple[str, str], str]:
    """The report's "below the cadence" cell, by (month, network)."""
    cells = {}
    parts = re.split(r'id="month-(\d{4}-\d{2})"', page)[1:]
    for month, part in zip(parts[::2], parts[1::2], strict=True):
        for network, row in re.findall(r'<tr data-network="([a-z]+)"[^>]*>(.*?)</tr>', part, re.S):
            below = re.search(r'data-count="below"[^>]*>(.*?)</td>', row, re.S)
            assert below is not None
            cells[(month, network)] = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", below.group(1))).split())
    return cells


def test_the_report_counts_a_week_in_the_month_holding_most_of_its_days_as_the_objectives_do(
        tmp_path: Path) -> None:
    """The week of 29 March to 4 April 2027 was March's on the report (the month it starts in) and April's on
    the objectives (the month holding most of its days): "⚠ 5 sur 5 semaines" in March and "0 sur 1 semaine"
    in April on one page, "avril 2027 (5 semaines)" with that week below the cadence on the other."""
    plan = split_week_plan()
    write_planning_page(calendar_page, plan, tmp_path)
    text = page_text(tmp_path / "index.html")
    assert "avril 2027 (5 semaines) : 9 publications pour 10 (4 publiées, 5 prévues) ⚠ sous le rythme visé : " \
           "du 29 mars au 4 avril 2027 (période écoulée) : 1 publication (il en manque 1) " in text, text
    write_planning_page(report_page, plan, tmp_path)
    cells = _report_cells((tmp_path / "report.html").read_text(encoding="utf-8"))
    assert cells[("2027-04", "linkedin")] == "⚠ 1 sur 2 semaines"
    assert cells[("2027-03", "linkedin")] == "⚠ 4 sur 4 semaines"


def test_the_report_judges_an_account_over_the_days_it_is_used() -> None:
    """The report ignored `since:` and `until:`, which cadence-gap and the objectives honour: X, given up on
    Wednesday 17 March, read "⚠ 2 sur 5 semaines" in March and "⚠ 1 sur 1 semaine" in April for the weeks after;
    Mastodon, begun on Wednesday 24 March, "⚠ 2 sur 5 semaines" in March for the weeks before, judged from a
    stray post of the 2nd."""
    rows = {(m.first.isoformat()[:7], c.network): c for m in report(split_week_plan()).months for c in m.channels}
    # X: the weeks of 1 and 8 March; that of the 15th is used 3 days of 7, those after not at all.
    assert (rows[("2027-03", "x")].judged, rows[("2027-03", "x")].below) == (2, 0)
    assert ("2027-04", "x") not in rows  # a month after `until:` is no month of the account's
    # Mastodon: the week of 22 March (used from the 24th, five days of seven) is judged, not those before.
    assert (rows[("2027-03", "mastodon")].judged, rows[("2027-03", "mastodon")].below) == (1, 0)
    assert (rows[("2027-04", "mastodon")].judged, rows[("2027-04", "mastodon")].below) == (2, 0)


def test_the_objectives_say_which_short_weeks_lie_beyond_the_check_s_horizon(tmp_path: Path) -> None:
    """The objectives named May's empty weeks below the cadence, and `edcal check`, looking three weeks ahead,
    told none of them: a manager took the check's silence for a plan on target. The weeks beyond its horizon
    say so."""
    write_planning_page(calendar_page, split_week_plan(), tmp_path)
    text = page_text(tmp_path / "index.html")
    assert "mai 2027 (4 semaines) : 1 publication pour 8 ⚠ sous le rythme visé : du 3 au 9 mai 2027 : " \
           "1 publication (il en manque 1) ; du 10 au 16 mai 2027 (au-delà des 21 jours d'edcal check, à partir " \
           "de cette semaine) : 0 publication (il en manque 2) ; du 17 au 23 mai 2027 : 0 publication (il en " \
           "manque 2) ; du 24 au 30 mai 2027 : 0 publication (il en manque 2) " in text, text


def test_the_check_s_horizon_is_said_once_a_month_at_the_first_week_beyond_it(tmp_path: Path) -> None:
    """Each of May's three weeks past the horizon said "(au-delà des 21 jours d'edcal check)", "(beyond edcal
    check's 21 days)" in English: three times the same words in one line. The first week beyond says it, and
    that it holds from there on; a month's line still says it on its own."""
    write_planning_page(calendar_page, dataclasses.replace(split_week_plan(), lang="en"), tmp_path)
    text = page_text(tmp_path / "index.html")
    assert "May 2027 (4 weeks): 1 post for 8 ⚠ below the cadence: 3 to 9 May 2027: 1 post (1 missing); " \
           "10 to 16 May 2027 (beyond edcal check's 21 days, from this week on): 0 posts (2 missing); " \
           "17 to 23 May 2027: 0 posts (2 missing); 24 to 30 May 2027: 0 posts (2 missing) " in text, text
    assert text.count("beyond edcal check") == 1, text


def test_plan_json_lists_the_short_weeks_the_page_names_and_the_check_reports_those_it_looks_at() -> None:
    """plan.json's `months` said how many weeks fell below the cadence, not which: a dashboard could not show the
    weeks the page names. Each month lists them, over or not, beyond cadence-gap's horizon or not; those neither
    over nor beyond are the ones `edcal check` reports."""
    plan = split_week_plan()
    data = document(plan)
    linkedin = next(n for n in data["networks"] if n["id"] == "linkedin")
    assert linkedin["months"] == [
        {"month": "2027-04", "planned": 9, "published": 4, "gone_out": 4, "unconfirmed": 0, "target": 10,
         "below": 1, "short": [{"first_day": "2027-03-29", "last_day": "2027-04-04", "found": 1, "unconfirmed": 0,
                                "over": True, "beyond_horizon": False}]},
        {"month": "2027-05", "planned": 1, "published": 0, "gone_out": 0, "unconfirmed": 0, "target": 8, "below": 4,
         "short": [{"first_day": "2027-05-03", "last_day": "2027-05-09", "found": 1, "unconfirmed": 0,
                    "over": False, "beyond_horizon": False}]
         + [{"first_day": f"2027-05-{first:02}", "last_day": f"2027-05-{first + 6:02}", "found": 0,
             "unconfirmed": 0, "over": False, "beyond_horizon": True} for first in (10, 17, 24)]}]
    import jsonschema

    jsonschema.validate(data, json.loads((ROOT / "docs" / "plan.schema.json").read_text(encoding="utf-8")))
    told = {(dict(f.data)["network"], dict(f.data)["first_day"], dict(f.data)["last_day"])
            for f in run_checks(plan, only=["cadence-gap"])}
    listed = {(network["id"], short["first_day"], short["last_day"]) for network in data["networks"]
              for month in network["months"] for short in month["short"]
              if not short["over"] and not short["beyond_horizon"]}
    assert told == listed == {("linkedin", "2027-05-03", "2027-05-09")}


def test_a_month_past_the_check_s_horizon_says_so_against_a_monthly_cadence(tmp_path: Path) -> None:
    """Against `1/month` a month's line says what it lacks, not which weeks: May, past a one-week horizon,
    read "il en manque 1" like April, which `edcal check` reports."""
    calendar = calendar_from(SPLIT_WEEK_SITE.replace("checks: {cadence-gap: {horizon: 3 weeks}}",
                                                     "blog: {cadence: 1/month}\nchecks: {cadence-gap: {horizon: 1 week}}"))
    write_planning_page(calendar_page, plan_of(calendar, now=NOW), tmp_path)
    text = page_text(tmp_path / "index.html")
    assert "Blog 1/mois avril 2027 : 0 article pour 1 ⚠ il en manque 1 mai 2027 : 0 article pour 1 ⚠ il en " \
           "manque 1 (au-delà des 7 jours d'edcal check) " in text, text


def test_with_cadence_gap_off_no_view_names_weeks_below_the_cadence(tmp_path: Path) -> None:
    """A team that turned cadence-gap off (`checks: {cadence-gap: off}`) still read, on the objectives, "⚠ sous
    le rythme visé : du 3 au 9 mai 2027 : …" for every short week, ⚠ on the report and `short` in plan.json:
    the warnings it had turned off, on every page. The months keep their figures (9 posts for 10), and no
    view judges them."""
    site = SPLIT_WEEK_SITE.replace("checks: {cadence-gap: {horizon: 3 weeks}}", "checks: {cadence-gap: off}")
    plan = plan_of(calendar_from(site), now=NOW)
    write_planning_page(calendar_page, plan, tmp_path)
    text = page_text(tmp_path / "index.html")
    assert "avril 2027 (5 semaines) : 9 publications pour 10 (4 publiées, 5 prévues) mai 2027 (4 semaines) : " \
           "1 publication pour 8 " in text, text
    assert "sous le rythme visé" not in text.lower() and "⚠" not in text and "✓" not in text, text
    write_planning_page(report_page, plan, tmp_path)
    report_html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert 'data-count="below"' not in report_html and "Sous le rythme visé" not in report_html
    data = document(plan)
    linkedin = next(n for n in data["networks"] if n["id"] == "linkedin")
    assert [(m["month"], m["planned"], m["target"], m["below"], m["short"]) for m in linkedin["months"]] == [
        ("2027-04", 9, 10, None, []), ("2027-05", 1, 8, None, [])]
    import jsonschema

    jsonschema.validate(data, json.loads((ROOT / "docs" / "plan.schema.json").read_text(encoding="utf-8")))


LATE_START_SITE = """\
version: 1
timezone: Europe/Paris
networks:
  linkedin: {cadence: 2/week}
  mastodon: {cadence: 1/week, since: 2027-03-27}
  x: {cadence: 1/week, until: 2027-03-03}
posts:
  - {id: adieu, networks: [x], text: Adieu, at: 2027-03-01 09:00}
  - {id: mardi, networks: [linkedin], text: Mardi,
     repeat: {every: week, on: tue, from: 2027-03-02, until: 2027-05-04, at: "09:00"}}
  - {id: egare, networks: [mastodon], text: Égaré, at: 2027-03-02 09:00}
  - {id: hebdo, networks: [mastodon], text: Hebdo,
     repeat: {every: week, on: thu, from: 2027-04-01, until: 2027-05-27, at: "10:00"}}
"""


def test_a_report_month_with_no_week_judged_says_why(tmp_path: Path) -> None:
    """A month with no week judged read "aucune période achevée" ("no period over yet"), whether its weeks
    were still to end (April, on Friday 2 April 2027: its first week ends on Sunday the 4th) or would never
    be judged (Mastodon's March, its account begun on Saturday the 27th): the reader could not tell a week
    to come from a month out of the account's time."""
    plan = plan_of(calendar_from(LATE_START_SITE), now="2027-04-02T10:00:00+02:00")
    write_planning_page(report_page, plan, tmp_path / "fr")
    cells = _report_cells((tmp_path / "fr" / "report.html").read_text(encoding="utf-8"))
    assert cells[("2027-04", "linkedin")] == "aucune semaine de ce mois n'est encore terminée"
    assert cells[("2027-03", "mastodon")] == "non jugé : le compte démarre le 27 mars 2027"
    assert cells[("2027-03", "linkedin")] == "⚠ 4 sur 4 semaines"
    assert cells[("2027-03", "x")] == "non jugé : le dernier jour du compte était le 3 mars 2027"
    write_planning_page(report_page, dataclasses.replace(plan, lang="en"), tmp_path / "en")
    cells = _report_cells((tmp_path / "en" / "report.html").read_text(encoding="utf-8"))
    assert cells[("2027-04", "mastodon")] == "no week of this month is over yet"
    assert cells[("2027-03", "mastodon")] == "not judged: the account starts on 27 March 2027"


def test_with_cadence_gap_off_the_objectives_count_the_agenda_s_weeks(tmp_path: Path) -> None:
    """The objectives count the posts planned ahead, and the team's load, over cadence-gap's horizon, which the
    lines below the cadence share ("⚠ 1 semaine sous le rythme visé dans les 21 prochains jours"). With the rule
    off, they still said "3 publications prévues dans les 21 prochains jours": the horizon of a rule that does
    not run, which nothing on the page explains. They count the six weeks the page's agenda shows."""
    team = "team:\n  - {id: ana, name: Ana}\n"
    on = calendar_from(team + SPLIT_WEEK_SITE.replace("text: Hebdo,", "text: Hebdo, owner: ana,"))
    write_planning_page(calendar_page, plan_of(on, now=NOW), tmp_path)
    text = page_text(tmp_path / "index.html")
    assert "3 publications prévues dans les 21 prochains jours" in text, text  # Mastodon, to 4 May
    assert "Équipe : qui a quoi dans les 21 prochains jours Personne Publications Articles Échéances Ana 3 " in text

    off = calendar_from(team + SPLIT_WEEK_SITE.replace("text: Hebdo,", "text: Hebdo, owner: ana,").replace(
        "checks: {cadence-gap: {horizon: 3 weeks}}", "checks: {cadence-gap: off}"))
    write_planning_page(calendar_page, plan_of(off, now=NOW), tmp_path)
    text = page_text(tmp_path / "index.html")
    assert "prochains jours" not in text, text
    # The agenda's weeks, from now: Mastodon's Thursdays from 15 April to 20 May, LinkedIn's two a week to 4 May.
    assert "Les 6 prochaines semaines, à partir de cette semaine." in text
    assert "mai 2027 (4 semaines) : 4 publications pour 4 6 publications prévues dans les 6 prochaines semaines " \
           in text, text
    assert "mai 2027 (4 semaines) : 1 publication pour 8 6 publications prévues dans les 6 prochaines semaines " \
           in text, text
    assert "X 1/semaine 0 publication prévue dans les 6 prochaines semaines " in text, text
    assert "Équipe : qui a quoi dans les 6 prochaines semaines Personne Publications Articles Échéances Ana 6 " \
           in text, text


#: The same site with a log of what went out begun in March: April's posts whose time has passed are not in it.
LOGGED_SITE = SPLIT_WEEK_SITE + "posted:\n  - mardi-linkedin-20270302\n"


def test_the_objectives_count_what_went_out_by_the_log_as_the_report_does(tmp_path: Path) -> None:
    """With a log covering the month, the objectives said "9 publications pour 10 (4 publiées, 5 prévues)"
    and plan.json `published: 4`, while the calendar marked those 4 "non confirmé", the campaigns' line "0
    publiée", and the report "Réalisé 0" and ⚠: two answers to "are we on target?". The network's line counts
    by the log's word, as the report does: none gone out, 4 not confirmed, and the weeks over judged on what
    the log names."""
    plan = plan_of(calendar_from(LOGGED_SITE), now=NOW)
    write_planning_page(calendar_page, plan, tmp_path)
    text = page_text(tmp_path / "index.html")
    assert "avril 2027 (5 semaines) : 9 publications pour 10 (0 publiée, 4 non confirmées, 5 prévues) ⚠ sous " \
           "le rythme visé : du 29 mars au 4 avril 2027 (période écoulée) : 0 publication, 1 non confirmée (il en " \
           "manque 2) ; du 5 au 11 avril 2027 (période écoulée) : 0 publication, 2 non confirmées (il en manque " \
           "2) " in text, text
    write_planning_page(report_page, plan, tmp_path)
    cells = _report_cells((tmp_path / "report.html").read_text(encoding="utf-8"))
    assert cells[("2027-04", "linkedin")] == "⚠ 2 sur 2 semaines"
    linkedin = next(n for n in document(plan)["networks"] if n["id"] == "linkedin")
    april = linkedin["months"][0]
    # `published` keeps its meaning (time passed: no longer to come); what the page calls published is `gone_out`.
    assert (april["planned"], april["published"], april["gone_out"], april["unconfirmed"], april["below"]) \
        == (9, 4, 0, 4, 2)
    assert [(s["first_day"], s["found"], s["unconfirmed"], s["over"]) for s in april["short"]] \
        == [("2027-03-29", 0, 1, True), ("2027-04-05", 0, 2, True)]
    # In English too.
    write_planning_page(calendar_page, dataclasses.replace(plan, lang="en"), tmp_path)
    text = page_text(tmp_path / "index.html")
    assert "April 2027 (5 weeks): 9 posts for 10 (0 posts published, 4 posts not confirmed, 5 posts planned) ⚠ " \
           "below the cadence: 29 March to 4 April 2027 (over): 0 posts, 1 post not confirmed (2 missing); " \
           "5 to 11 April 2027 (over): 0 posts, 2 posts not confirmed (2 missing) " in text, text
