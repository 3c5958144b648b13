"""The log of what went out (``posted:``), checked against the resolved plan and attached to its posts.

The log names posts by their item id (``voeux-2027-linkedin``), which exists only once the plan is
resolved: an id that names no post, or a post logged twice, is an input error located at the log's
line, never a line dropped. A line takes effect at its moment (its ``at:``, else the post's planned
time): a build pinned to an earlier "now" (``EDCAL_NOW``) shows the plan as it stood then, when the
post had not gone out yet.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from edcal.errors import ErrorCollector, closest
from edcal.i18n import say
from edcal.model.calendar import Calendar, PostedRecord
from edcal.model.plan import Item, Posted, occurrence_name


def attach_posted(items: list[Item], calendar: Calendar, now: dt.datetime, errors: ErrorCollector) -> None:
    """Give each logged post its :class:`Posted` (in place in ``items``); errors for the lines that do not
    fit the plan."""
    if not calendar.posted:
        return
    index = {item.id: position for position, item in enumerate(items)}
    first: dict[str, PostedRecord] = {}
    for record in calendar.posted:
        position = index.get(record.item)
        if position is None:
            _unknown(record, items, calendar, now, errors)
            continue
        item = items[position]
        if item.kind != "post":
            errors.add(record.item_source,
                       say("found '{id}', an item that is not a post, expected a post's id", id=record.item),
                       say("only posts are logged under `posted:`: an article goes online by itself on its "
                           "date"))
            continue
        if record.item in first:
            errors.add(record.item_source,
                       say("post '{id}' is logged twice (first at {path}:{line})", id=record.item,
                           path=first[record.item].source.path, line=first[record.item].source.line),
                       say("keep one line per post: a post that went out again is a post of its own in "
                           "`posts:`"))
            continue
        first[record.item] = record
        at = record.at if record.at is not None else item.start
        if at is None or _to_come(at, now, calendar):
            continue
        items[position] = dataclasses.replace(item, posted=Posted(at, record.url, record.source))


def _to_come(at: dt.datetime | dt.date, now: dt.datetime, calendar: Calendar) -> bool:
    if isinstance(at, dt.datetime):
        return at > now
    return at > now.astimezone(calendar.zone).date()


def _unknown(record: PostedRecord, items: list[Item], calendar: Calendar, now: dt.datetime,
             errors: ErrorCollector) -> None:
    """An id that names no item: the entry's or an occurrence's name gets its posts listed (those gone out
    last that the log does not name first), anything else the closest post's id."""
    posts = [item for item in items if item.kind == "post"]
    named = [item for item in posts if record.item in (item.parent, occurrence_name(item))]
    if named:
        logged = {line.item for line in calendar.posted or ()}
        # Most likely meant: the latest posts whose time has passed, not logged yet; then the next to come.
        passed = sorted((item for item in named if item.start is not None and item.id not in logged
                         and item.status != "withheld" and not _to_come(item.start, now, calendar)),
                        key=lambda item: item.sort_key(calendar.zone), reverse=True)
        rest = sorted((item for item in named if item not in passed and item.id not in logged),
                      key=lambda item: (item.status == "withheld", item.sort_key(calendar.zone)))
        ids = [item.id for item in passed + rest]
        hint = say("a line names one post, on one network: {ids}", ids=", ".join(ids[:6])
                   + (", …" if len(ids) > 6 else "")) if ids else \
            say("each of its posts is in the log already: delete this line")
        errors.add(record.item_source,
                   say("found '{id}', which names an entry (as `edcal agenda --ids` shows it), expected the "
                       "id of one of its posts", id=record.item), hint)
        return
    if " - " in record.item:  # `- a` then `  - b`: YAML reads the line indented more as the rest of the id
        errors.add(record.item_source, say("found '{id}', which names no post of the plan", id=record.item),
                   say("the lines below this one are indented more than its dash, so YAML reads them as the "
                       "rest of its id: line up the dashes of the log's lines"))
        return
    match = closest(record.item, (item.id for item in posts))
    hint = (say("did you mean '{match}'?", match=match) if match else
            say("a post's id is on its card in the planning pages and in its draft's file name "
                "(drafts/<network>/<day>T<time>-<id>.txt)"))
    errors.add(record.item_source, say("found '{id}', which names no post of the plan", id=record.item), hint)
