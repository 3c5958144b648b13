"""planning/exports/: upcoming posts as files for bulk schedulers.

- ``hootsuite-<network>.csv``: Hootsuite's Bulk Composer format, one file per
  built-in network or network `like:` one (the profile is chosen at upload; a
  custom network is none of Hootsuite's): rows of date-time, message and link, no header, UTF-8.
  Hootsuite takes at most 350 messages per upload, so a longer list is split
  into ``-1``, ``-2``… files. Its unconfirmed rules (minutes ending in 0 or 5,
  at least 10 minutes ahead, no duplicate messages) are reported as warnings,
  never applied silently.
- ``posts.csv``: every upcoming post, one row each, with a header.
- ``posts.json``: the same, for schedulers' APIs.

"Upcoming" means after "now" and not withheld; Hootsuite files also leave
out posts whose status is still ``draft``. ``edcal export`` writes one of
these, filtered by network and dates, to a chosen path (a long Hootsuite
export split as the build splits its own).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from edcal.i18n import Message, say, say_count
from edcal.model.days import as_instant
from edcal.model.network import Network
from edcal.model.plan import Item, Plan
from edcal.networks.counting import measure_all
from edcal.networks.facets import facets
from edcal.outputs._files import write_file
from edcal.outputs._format import (
    images_document,
    local_stamp,
    poll_cell,
    poll_document,
    utc_stamp,
    video_document,
)
from edcal.outputs.context import OutputContext
from edcal.zones import ZoneClock

FOLDER = "exports"
FORMATS = ("hootsuite", "csv", "json")
#: Hootsuite's Bulk Composer limit per upload.
HOOTSUITE_MAX_ROWS = 350
HOOTSUITE_MIN_LEAD = dt.timedelta(minutes=10)
#: Between the replies of a thread in posts.csv's ``thread`` cell: a line of its own.
THREAD_SEPARATOR = "\n---\n"
CSV_COLUMNS = ("id", "network", "scheduled", "status", "title", "text", "link", "image", "alt",
               "campaign", "owner", "source", "promotional", "length", "limit", "cw", "first_comment",
               "thread", "video", "note", "poll", "account")
#: Spreadsheets (Excel above all) read a CSV file as UTF-8 only when it starts with a byte-order mark.
BOM = "\ufeff"


def upcoming(plan: Plan, network: str | None = None, since: dt.datetime | None = None,
             until: dt.datetime | None = None, withheld: bool = False) -> list[Item]:
    """Posts after ``since`` (default: now) and before ``until``, not withheld (only those a freeze
    withholds, with ``withheld``)."""
    since = since or plan.now
    return [
        item for item in plan.items
        if item.kind == "post" and (item.status == "withheld") is withheld
        and isinstance(item.start, dt.datetime) and as_instant(item.start) > as_instant(since)
        and (until is None or as_instant(item.start) < as_instant(until))
        and (network is None or item.network == network)
    ]


def write(context: OutputContext, folder: Path) -> list[str]:
    plan = context.plan
    posts = upcoming(plan)
    warnings: list[str] = []
    for network in sorted(plan.calendar.networks):
        if plan.calendar.networks[network].platform is None:  # an intranet, a network of the site's own
            continue
        files = hootsuite_files([p for p in posts if p.network == network], Path(f"hootsuite-{network}.csv"))
        for name, rows in files:
            data, notes = hootsuite(rows, plan)
            write_file(folder / FOLDER / name, data)
            warnings += [say("{file}: {note}", file=f"{FOLDER}/{name}", note=note) for note in notes]
        if len(files) > 1:
            warnings.append(_split_note(f"{FOLDER}/hootsuite-{network}-*.csv", files))
        polls = [p for p in posts if p.network == network and p.status == "scheduled" and p.poll is not None]
        if polls:
            warnings.append(say("{file}: {note}", file=f"{FOLDER}/hootsuite-{network}.csv",
                                note=_polls_note(polls)))
    write_file(folder / FOLDER / "posts.csv", generic_csv(posts, plan))
    write_file(folder / FOLDER / "posts.json", posts_json(posts, plan))
    return warnings


def render(fmt: str, posts: Sequence[Item], plan: Plan,
           name: Path) -> tuple[list[tuple[Path, bytes]], list[str]]:
    """One export as files named after ``name`` (``edcal export``), with its warnings.

    A Hootsuite export past :data:`HOOTSUITE_MAX_ROWS` rows is split into
    ``-1``, ``-2``… files, as the build splits its own.
    """
    if fmt == "hootsuite":
        files = hootsuite_files(posts, name) or [(name, [])]
        written: list[tuple[Path, bytes]] = []
        warnings: list[str] = []
        for path, rows in files:
            data, notes = hootsuite(rows, plan)
            written.append((path, data.encode("utf-8")))
            warnings += notes if len(files) == 1 else [say("{file}: {note}", file=str(path), note=note)
                                                      for note in notes]
        if len(files) > 1:
            warnings.append(_split_note(str(name.with_name(f"{name.stem}-*{name.suffix}")), files))
        past = sum(1 for post in posts if post.status == "published")
        drafts = sum(1 for post in posts if post.status == "draft")
        unapproved = sum(1 for post in posts if post.status == "review")
        if past:  # `--since` a day gone by: the JSON and CSV exports give them, Hootsuite takes none
            warnings.append(say_count(
                past,
                "{count} post whose time has passed is left out: Hootsuite schedules only what is to come",
                "{count} posts whose time has passed are left out: Hootsuite schedules only what is to come"))
        if drafts:
            warnings.append(say_count(
                drafts, "{count} draft post is left out (status: draft, or its article still in review)",
                "{count} draft posts are left out (status: draft, or their article still in review)"))
        if unapproved:
            warnings.append(say_count(
                unapproved, "{count} post awaiting approval is left out (status: review)",
                "{count} posts awaiting approval are left out (status: review)"))
        polls = [post for post in posts if post.status == "scheduled" and post.poll is not None]
        if polls:
            warnings.append(_polls_note(polls))
        return written, warnings
    if fmt == "csv":
        return [(name, generic_csv(posts, plan).encode("utf-8"))], []
    return [(name, posts_json(posts, plan).encode("utf-8"))], []


def hootsuite_files(posts: Sequence[Item], name: Path) -> list[tuple[Path, list[Item]]]:
    """The Hootsuite files of ``posts`` and their rows: drafts left out, ``name`` split into ``-1``,
    ``-2``… files past :data:`HOOTSUITE_MAX_ROWS` rows; none without a row."""
    rows = [p for p in posts if p.status == "scheduled" and p.poll is None]  # Hootsuite's file has no poll
    parts = [rows[i:i + HOOTSUITE_MAX_ROWS] for i in range(0, len(rows), HOOTSUITE_MAX_ROWS)]
    if len(parts) == 1:
        return [(name, parts[0])]
    return [(name.with_name(f"{name.stem}-{number}{name.suffix}"), part)
            for number, part in enumerate(parts, start=1)]


def _polls_note(posts: Sequence[Item]) -> Message:
    """Posts with a poll, which Hootsuite's bulk file cannot carry: left out, to schedule by hand."""
    return say_count(
        len(posts), "{count} post with a poll is left out ({posts}): Hootsuite's bulk file carries no poll; "
        "schedule it in the network's own app (posts.csv gives its answers)",
        "{count} posts with a poll are left out ({posts}): Hootsuite's bulk file carries no poll; schedule "
        "them in the network's own app (posts.csv gives their answers)", posts=_first_named(posts))


def _split_note(files: str, parts: list[tuple[Path, list[Item]]]) -> str:
    return say("{files}: {count} posts split into {parts} files: Hootsuite takes at most {limit} per upload",
               files=files, count=sum(len(rows) for _, rows in parts), parts=len(parts),
               limit=HOOTSUITE_MAX_ROWS)


def hootsuite(posts: Sequence[Item], plan: Plan) -> tuple[str, list[str]]:
    """Rows of date-time, message, link; and warnings about Hootsuite's unconfirmed rules."""
    calendar = plan.calendar
    pattern = calendar.exports.hootsuite_date_format
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    warnings: list[str] = []
    messages: Counter[str] = Counter()
    zoned: dict[str, Network] = {}
    for post in posts:
        network = calendar.networks[post.network or ""]
        start: dt.datetime = post.start  # type: ignore[assignment]
        # Its date column has no zone: an account on another clock (its `timezone:`) gets its own times, and
        # the note says which zone they are in.
        local = start.astimezone(network.zone or calendar.zone)
        if calendar.zoned(network):
            zoned[network.id] = network
        message = post.pasted  # a shortened link text means nothing to Hootsuite: the real URL
        link = ""
        # Hootsuite adds the link to the text, where it is clickable; a pin's link is the pin's own field,
        # whether or not its text also shows it.
        # A link the first comment or a reply of the thread carries is not added to the text (it is there on
        # purpose).
        if post.url and ((network.links_clickable and post.url not in message
                          and post.url not in (post.first_comment or "") and not post.link_in_thread)
                         or network.link_field):
            link = post.url
        writer.writerow([local.strftime(pattern), message, link])
        messages[message] += 1
        if network.link_display == "shortened" and message != post.text:
            warnings += _over_with_whole_links(post, message, network)
        if local.minute % 5:
            warnings.append(say("{post} at {time:%H:%M}: Hootsuite may refuse times whose minutes do not end "
                                "in 0 or 5 (unconfirmed rule)", post=post.id, time=local))
        if as_instant(start) - as_instant(plan.now) < HOOTSUITE_MIN_LEAD:
            warnings.append(say("{post}: less than 10 minutes ahead; Hootsuite may refuse it "
                                "(unconfirmed rule)", post=post.id))
    warnings += [zone_note(network.name, network.timezone or "") for network in zoned.values()]
    # What Hootsuite's bulk file cannot carry, to add in Hootsuite after the upload: a note names the posts.
    left_out = (
        ([post for post in posts if any(not m.is_video for m in post.media)], lambda count, named: say_count(
            count,
            "{count} post with an image ({posts}): Hootsuite's bulk file carries no image; attach it in "
            "Hootsuite after the upload (posts.csv names it)",
            "{count} posts with images ({posts}): Hootsuite's bulk file carries no image; attach them in "
            "Hootsuite after the upload (posts.csv names them)", posts=named)),
        ([post for post in posts if any(m.is_video for m in post.media)], lambda count, named: say_count(
            count,
            "{count} post with a video ({posts}): Hootsuite's bulk file carries no video; attach it in "
            "Hootsuite after the upload (posts.csv names it)",
            "{count} posts with a video ({posts}): Hootsuite's bulk file carries no video; attach them in "
            "Hootsuite after the upload (posts.csv names them)", posts=named)),
        ([post for post in posts if post.cw], lambda count, named: say_count(
            count,
            "{count} post with a content warning ({posts}): Hootsuite's bulk file carries none; add it in "
            "Hootsuite after the upload (posts.csv gives it)",
            "{count} posts with a content warning ({posts}): Hootsuite's bulk file carries none; add them in "
            "Hootsuite after the upload (posts.csv gives them)", posts=named)),
        ([post for post in posts if post.first_comment], lambda count, named: say_count(
            count,
            "{count} post with a first comment ({posts}): Hootsuite's bulk file carries none; add it in "
            "Hootsuite after the upload (posts.csv gives it)",
            "{count} posts with a first comment ({posts}): Hootsuite's bulk file carries none; add them in "
            "Hootsuite after the upload (posts.csv gives them)", posts=named)),
        ([post for post in posts if post.thread], lambda count, named: say_count(
            count,
            "{count} post with a thread ({posts}): Hootsuite's bulk file carries no reply; post them as "
            "replies once it is out (posts.csv gives them)",
            "{count} posts with a thread ({posts}): Hootsuite's bulk file carries no reply; post them as "
            "replies once they are out (posts.csv gives them)", posts=named)),
        # Never posted, and what to do once it is out (pin it, tag a partner): Hootsuite's review step shows
        # nothing of it, whoever uploads the file reads it here.
        ([post for post in posts if post.note], lambda count, named: say_count(
            count,
            "{count} post with a note for whoever posts it ({posts}): Hootsuite's bulk file carries none; "
            "read it before scheduling (posts.csv gives it)",
            "{count} posts with a note for whoever posts them ({posts}): Hootsuite's bulk file carries none; "
            "read them before scheduling (posts.csv gives them)", posts=named)),
    )
    warnings += [note(len(named), _first_named(named)) for named, note in left_out if named]
    for message, count in messages.items():
        if count > 1:
            warnings.append(say("the same message appears {count} times; Hootsuite may refuse duplicates "
                                "(unconfirmed rule): {text}", count=count, text=_quoted(message)))
    return buffer.getvalue(), warnings


def zone_note(network: str, zone: str) -> Message:
    """A Hootsuite file on its account's clock: Hootsuite reads its times in the zone it is set to. The zone
    named as the pages name it ("Montreal time", "heure de Montréal"), and as calendar.yaml wrote it."""
    return say("times are {network}'s, on its account's clock ({clock}: its `timezone:` {zone}), not the "
               "site's: set Hootsuite to that zone to upload them", network=network,
               clock=ZoneClock(zone), zone=zone)


def _first_named(posts: Sequence[Item]) -> str:
    """The first three posts' ids, for a note about them all."""
    return ", ".join(p.id for p in posts[:3]) + (" …" if len(posts) > 3 else "")


def _quoted(text: str, limit: int = 60) -> str:
    """A text in a note, on one line and quoted: ``repr`` wrote a French text's no-break spaces ``\xa0``."""
    flat = " ".join(text.split())
    return f"'{flat[:limit]}…'" if len(flat) > limit else f"'{flat}'"


def _over_with_whole_links(post: Item, message: str, network: Network) -> list[str]:
    """A note when the whole link makes a Bluesky text too long: its app counts the link as it shows it."""
    over = [m for m in measure_all(message, network) if not m.fits]
    if not over:
        return []
    return [say("{post}: {length:,} long with its whole link, over {network}'s {limit:,} ({shown:,} as "
                "{network}'s app shows the link); Hootsuite may refuse it unless it shortens links "
                "(unconfirmed rule)",
                post=post.id, length=over[0].length, network=network.name, limit=over[0].limit,
                shown=post.length)]


def generic_csv(posts: Sequence[Item], plan: Plan) -> str:
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for post in posts:
        images, alts = _image_cells(post)
        writer.writerow([_cell(value) for value in (
            post.id, post.network, local_stamp(post.start, plan.calendar),  # type: ignore[arg-type]
            post.status, post.title, post.pasted, post.url or "", images, alts,
            post.campaign or "", post.owner or "", str(post.source),
            "true" if post.promotional else "false", str(post.length or ""), str(post.limit or ""),
            post.cw or "", post.first_comment or "",
            THREAD_SEPARATOR.join(reply.pasted for reply in post.thread),
            next((m.path for m in post.media if m.is_video), ""), post.note or "", poll_cell(post.poll),
            plan.calendar.networks[post.network or ""].account,
        )])
    return buffer.getvalue()


def _image_cells(post: Item) -> tuple[str, str]:
    """The ``image`` and ``alt`` cells: one image as written; several (a carousel) one per line, in order,
    the n-th line of ``alt`` describing the n-th image (an alt text's own line breaks become spaces). A
    video's alt text is in ``alt``, its file in ``video``."""
    if len(post.media) == 1:
        only = post.media[0]
        return "" if only.is_video else only.path, only.alt or ""
    return ("\n".join(m.path for m in post.media),
            "\n".join((m.alt or "").replace("\n", " ") for m in post.media))


def _cell(value: str | None) -> str:
    """A spreadsheet cell that is never run as a formula (OWASP CSV injection): ``'`` before = + - @."""
    text = value or ""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def posts_json(posts: Sequence[Item], plan: Plan) -> str:
    document: dict[str, Any] = {
        "version": 1,
        "timezone": plan.calendar.timezone,
        "generated_at": utc_stamp(plan.generated_at),
        "posts": [
            {
                "id": post.id,
                "network": post.network,
                "account": plan.calendar.networks[post.network or ""].account,
                "scheduled": local_stamp(post.start, plan.calendar),  # type: ignore[arg-type]
                "scheduled_utc": utc_stamp(post.start),  # type: ignore[arg-type]
                "status": post.status,
                "title": post.title,
                "text": post.text,
                "pasted": post.pasted,
                "facets": facets(post, plan.calendar.networks[post.network or ""]),
                "length": post.length,
                "limit": post.limit,
                "link": post.url,
                "link_in_comment": post.link_in_comment,
                "link_in_thread": post.link_in_thread,
                "media": images_document(post.media),
                "video": video_document(post.media, plan.planning_site_url()),
                "campaign": post.campaign,
                "owner": post.owner,
                "lang": plan.language_of(post),
                "cw": post.cw,
                "note": post.note,
                "poll": poll_document(post.poll),
                "first_comment": post.first_comment,
                "thread": [{"text": reply.text, "pasted": reply.pasted,
                            "facets": facets(reply, plan.calendar.networks[post.network or ""]),
                            "length": reply.length, "limit": reply.limit} for reply in post.thread],
                "promotional": post.promotional,
                "source": str(post.source),
            }
            for post in posts
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


