"""planning/plan.json: every resolved item, for scripts and other tools (version 1).

The contract (CONTRACTS.md) fixes ``version``, ``timezone``, ``generated_at``
and each item's fields; ``site``, ``networks``, ``campaigns``, ``people``,
``freezes``, ``log`` and the items' extra fields extend it. ``docs/plan.schema.json``
describes the whole file.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from edcal.checks import cadence_horizon
from edcal.model.calendar import Calendar, Person
from edcal.model.plan import Item, Plan, Reply
from edcal.outputs._files import write_file
from edcal.outputs._format import images_document, local_stamp, poll_document, utc_stamp, video_document
from edcal.outputs.context import OutputContext
from edcal.plan.cadence import month_tallies
from edcal.plan.report import first_logged_month, log_file

FILENAME = "plan.json"
VERSION = 1


def write(context: OutputContext, folder: Path) -> list[str]:
    write_file(folder / FILENAME, dumps(context.plan))
    return []


def dumps(plan: Plan) -> str:
    return json.dumps(document(plan), ensure_ascii=False, indent=2) + "\n"


def document(plan: Plan) -> dict[str, Any]:
    calendar = plan.calendar
    months = _months(plan)
    return {
        "version": VERSION,
        "timezone": calendar.timezone,
        "generated_at": utc_stamp(plan.generated_at),
        "site": {"url": plan.site_url, "lang": plan.lang},
        "blog": {"cadence": calendar.blog.cadence.label if calendar.blog.cadence else None,
                 "months": months.get((None, None), [])},
        "networks": _networks(calendar, months),
        "campaigns": _campaigns(calendar, months),
        "key_dates": [
            {"id": k.id, "name": k.name, "start": k.start.isoformat(), "end": k.end.isoformat(),
             "description": k.description, "source": str(k.source)}
            for k in calendar.key_dates_in_order()
        ],
        "people": [_person(p) for p in sorted(calendar.team.values(), key=lambda p: p.id)],
        "freezes": [
            {
                "start": local_stamp(f.start, calendar),
                "end": local_stamp(f.end, calendar) if f.end else None,
                "reason": f.reason,
                "networks": sorted(f.networks) if f.networks is not None else None,
                "blog": f.blog,
                "source": str(f.source),
            }
            for f in calendar.freezes
        ],
        "checks": _checks(plan),
        "log": _log(plan),
        "items": [item_document(item, calendar, plan.planning_site_url()) for item in plan.items],
    }


def _log(plan: Plan) -> dict[str, Any] | None:
    """The team's log of what went out, as the report reads it: from which day a post went out only by its
    word (an item's ``posted``; before, at the plan's word), and the file its next lines go in."""
    if plan.calendar.posted is None:
        return None
    since = first_logged_month(plan)
    assert since is not None  # a log, even one begun today with no line, covers a month
    return {"since": since.isoformat(), "file": log_file(plan.calendar)}


def _person(person: Person) -> dict[str, Any]:
    """One of the team, and the times they are away (when they have any)."""
    data: dict[str, Any] = {"id": person.id, "name": person.name}
    if person.away:
        data["away"] = [{"from": a.first.isoformat(), "until": a.last.isoformat(), "reason": a.reason,
                         "stand_in": a.stand_in} for a in person.away]
    return data


def item_document(item: Item, calendar: Calendar, planning_url: str | None = None) -> dict[str, Any]:
    """An item as plan.json gives it; ``planning_url``: the planning site's address, its video's there."""
    data: dict[str, Any] = {
        "id": item.id,
        "kind": item.kind,
        "title": item.title,
        "start": start_stamp(item.start, calendar),
        "all_day": item.all_day,
        "status": item.status,
    }
    if item.kind == "idea" and item.networks:  # an idea for a post, and its words so far
        data.update(networks=list(item.networks), **({"text": item.text} if item.text is not None else {}))
    if item.kind == "post":
        data.update(
            network=item.network,
            text=item.text,
            length=item.length,
            limit=item.limit,
            counting=item.counting,
        )
    data.update(
        url=item.url,
        campaign=item.campaign,
        owner=item.owner,
        source=str(item.source),
    )
    if item.article is not None:
        data["article"] = item.article
    if item.lang is not None:
        data["lang"] = item.lang
    if item.parent is not None:
        data["parent"] = item.parent
    if images_document(item.media):
        data["media"] = images_document(item.media)
    video = video_document(item.media, planning_url)
    if video is not None:
        data["video"] = video
    if item.kind == "post":
        data["promotional"] = item.promotional
        if item.cw is not None:
            data["cw"] = item.cw
        if item.note is not None:
            data["note"] = item.note
        if item.poll is not None:
            data["poll"] = poll_document(item.poll)
        if item.first_comment is not None:
            data["first_comment"] = {"text": item.first_comment, "length": item.comment_length,
                                     "limit": item.comment_limit}
        if item.thread:
            data["thread"] = [_reply(reply) for reply in item.thread]
        if len(item.lengths) > 1:
            data["lengths"] = [{"counting": c, "length": n, "limit": m} for c, n, m in item.lengths]
        if item.fitted:
            data["fitted"] = True
    if item.withheld_reason is not None:
        data["withheld_reason"] = item.withheld_reason
    if item.posted is not None:
        data["posted"] = {"at": start_stamp(item.posted.at, calendar), "url": item.posted.url,
                          "source": str(item.posted.source)}
    if item.skipped is not None:
        data["skipped"] = {"source": str(item.skipped)}
    return data


def _reply(reply: Reply) -> dict[str, Any]:
    """A reply of a post's thread, measured as its post is."""
    data: dict[str, Any] = {"text": reply.text, "length": reply.length, "limit": reply.limit}
    if len(reply.lengths) > 1:
        data["lengths"] = [{"counting": c, "length": n, "limit": m} for c, n, m in reply.lengths]
    return data


#: Each cadence's months, keyed by (network, campaign): a network's (network, None), the blog's (None, None).
Months = dict[tuple[str | None, str | None], list[dict[str, Any]]]


def _months(plan: Plan) -> Months:
    """Each cadence's this month and next, as the planning page's objectives count them
    (:func:`edcal.plan.cadence.month_tallies`)."""
    months: Months = {}
    today = plan.now.astimezone(plan.calendar.zone).date()
    tallies = month_tallies(plan, plan.now, cadence_horizon(plan.calendar), first_logged_month(plan))
    for tally in sorted(tallies, key=lambda t: (t.network or "", t.month)):
        data: dict[str, Any] = {"month": f"{tally.month:%Y-%m}"}
        if tally.campaign is not None:
            data["network"] = tally.network
        # `published` keeps plan.json 1's meaning, time passed (no longer to come); the page's "publiées" are
        # `gone_out`, the log's word where it keeps one, and `unconfirmed` the rest.
        data.update(planned=tally.found, published=tally.gone, gone_out=tally.gone - tally.unconfirmed,
                    unconfirmed=tally.unconfirmed, target=tally.target, below=tally.below,
                    short=[{"first_day": gap.first.isoformat(), "last_day": gap.last.isoformat(),
                            "found": gap.found, "unconfirmed": gap.unconfirmed, "over": gap.after <= today,
                            "beyond_horizon": tally.beyond_check(gap)} for gap in tally.short])
        months.setdefault((tally.network, tally.campaign), []).append(data)
    return months


def _networks(calendar: Calendar, months: Months) -> list[dict[str, Any]]:
    result = []
    for network in sorted(calendar.networks.values(), key=lambda n: n.id):
        result.append({
            "id": network.id,
            "name": network.name,
            "account": network.account,
            "color": network.color,
            "limit": network.limit.max,
            "counting": network.limit.counting,
            "cadence": network.cadence.label if network.cadence else None,
            "max_per_day": network.max_per_day,
            "slots": [slot.written() for slot in network.slots],  # one form, whatever was typed
            "objective": _objective(network.objective),
            "months": months.get((network.id, None), []),
            # An account on another clock than the site's (its `timezone:`): the times plan.json gives are
            # instants still, in the site's zone; this says which clock its team schedules it on. A
            # `timezone:` that is the site's own is no other clock: absent, as on the others.
            **({"timezone": network.timezone} if calendar.zoned(network) else {}),
        })
    return result


def _campaigns(calendar: Calendar, months: Months) -> list[dict[str, Any]]:
    return [
        {
            "id": c.id,
            "name": c.name,
            "start": c.start.isoformat(),
            "end": c.end.isoformat(),
            "hashtags": list(c.hashtags),
            "objective": _objective(c.objective),
            "owner": c.owner,
            "promotional": c.promotional,
            "cadence": c.cadence.label if c.cadence else None,
            "networks": list(c.networks),
            "utm_campaign": c.utm_campaign or c.id,
            "color": c.color,
            "description": c.description,
            "source": str(c.source),
            "months": [month for network in c.networks or (None,)
                       for month in months.get((network, c.id), [])],
        }
        for c in sorted(calendar.campaigns.values(), key=lambda c: (c.start, c.id))
    ]


def _checks(plan: Plan) -> dict[str, dict[str, Any]]:
    """Every rule's severity and options as this site runs them (the targets a dashboard compares with)."""
    from edcal.checks import all_rules, rule_settings

    result = {}
    for rule_id, rule in sorted(all_rules().items()):
        severity, options = rule_settings(plan.calendar, rule_id)
        named = {f"{o.name}_{o.unit}" if o.unit else o.name:
                 list(options[o.name]) if o.many else options[o.name] for o in rule.options}
        result[rule_id] = {"severity": severity, **named}
    return result


def _objective(objective: Any) -> dict[str, Any] | None:
    if objective is None:
        return None
    return {
        "text": objective.text,
        "target": objective.target,
        "unit": objective.unit,
        "by": objective.by.isoformat() if objective.by else None,
        "current": objective.current,
        "measured": objective.measured.isoformat() if objective.measured else None,
    }


def start_stamp(start: dt.datetime | dt.date | None, calendar: Calendar) -> str | None:
    if start is None:
        return None
    if isinstance(start, dt.datetime):
        return local_stamp(start, calendar)
    return start.isoformat()
