"""planning/report.html: what was planned and what went out, month by month, against the targets.

The figures come from :func:`edcal.plan.report.report`; the page adds the log's lines to copy for the
posts whose time has passed that the log does not name yet.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from edcal.checks import cadence_horizon
from edcal.model.plan import Item, Plan
from edcal.outputs._files import write_file
from edcal.outputs.context import OutputContext
from edcal.outputs.pages import copy_assets, environment, item_link, objective_alerts
from edcal.plan.report import CONFIRM_DAYS, report

FILENAME = "report.html"


def write(context: OutputContext, folder: Path) -> list[str]:
    plan = context.plan
    copy_assets(context, folder)
    figures = report(plan)
    html = environment(context).get_template("report.html.j2").render(
        plan=plan, root="", page="report", report=figures, confirm_days=CONFIRM_DAYS,
        today=plan.now.astimezone(plan.calendar.zone).date(), alerts=objective_alerts(context.findings),
        # cadence-gap off: the team judges no period below the cadence, here no more than on the objectives
        judges_cadence=cadence_horizon(plan.calendar) is not None,
        log_lines="".join(log_line(item, plan, _dash_indent(plan)) + "\n" for item in figures.to_confirm),
        links={item.id: item_link("agenda", item, plan)
               for item in [*figures.to_confirm, *(item for item, _line in figures.logged_ahead)]},
    )
    write_file(folder / FILENAME, html)
    return []


def _dash_indent(plan: Plan) -> int:
    """How far the log's last line has its dash: the lines to paste line up with it (a line indented
    more than the one above would be read as the rest of its id)."""
    posted = plan.calendar.posted
    return max(posted[-1].source.column - 3, 0) if posted else 2  # `  - id`: the id at column 5


def log_line(item: Item, plan: Plan, indent: int = 2) -> str:
    """The line of ``posted:`` that says the post went out at its planned time, with a comment naming it
    (its network, planned time and title) for the person who pastes it; its dash ``indent`` spaces in."""
    assert item.start is not None
    network = plan.calendar.networks.get(item.network or "")
    name = network.name if network else item.network
    when = plan.day_of(item.start).isoformat()
    if isinstance(item.start, dt.datetime):
        when = f"{item.start.astimezone(plan.calendar.zone):%Y-%m-%d %H:%M}"
    title = " ".join(item.title.split())
    return f"{' ' * indent}- {item.id}   # {name} · {when} · {title}"
