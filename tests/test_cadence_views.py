"""One count of a cadence's weeks for every view: `edcal check`'s cadence-gap, the planning page's objectives,
the report (planning/report.html) and plan.json's `months`.

The site below has a week split by the end of a month (Monday 29 March to Sunday 4 April 2027, most of its days
in April), an account given up mid-March (X, `until:`) and one begun later (Mastodon, `since:`, with a stray post
before it).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from edcal.outputs import calendar_page
from edcal.outputs import report as report_page
from edcal.plan.report import report
from helpers import calendar_from, page_text, plan_of, write_planning_page

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
        for network, row in re.findall(r'<tr data-network="([a-z]+)">(.*?)</tr>', part, re.S):
            below = re.search(r'data-count="below"[^>]*>(.*?)</td>', row, re.S)
            assert below is not None
            cells[(month, network)] = " ".join(re.sub(r"<[^>]+>", " ", below.group(1)).split())
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
