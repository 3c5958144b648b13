"""Time, pinned for reproducible runs.

- "Now" decides what is published, scheduled or past: ``EDCAL_NOW`` (ISO 8601)
  when set, else the system clock.
- The timestamp written into outputs (plan.json's ``generated_at``, feeds'
  DTSTAMP) is never "now": ``SOURCE_DATE_EPOCH`` when set, else the time of
  the last git commit touching the site's inputs, else their newest
  modification time. The same input therefore gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from collections.abc import Sequence
from pathlib import Path
from zoneinfo import ZoneInfo

from edcal.dates import FIRST_YEAR, LAST_YEAR, parse_date
from edcal.errors import InputError, InputErrors
from edcal.hints import value_hint
from edcal.i18n import Message, say
from edcal.model.days import as_instant, start_of_day
from edcal.model.source import Source
from edcal.zones import WallClockError, localize

NOW_VARIABLE = "EDCAL_NOW"
EPOCH_VARIABLE = "SOURCE_DATE_EPOCH"


def now(zone: ZoneInfo) -> dt.datetime:
    """The current instant in ``zone``; ``EDCAL_NOW`` pins it.

    :raises InputErrors: when ``EDCAL_NOW`` is not ISO 8601.
    """
    pinned = os.environ.get(NOW_VARIABLE)
    if not pinned:
        return dt.datetime.now(dt.UTC).astimezone(zone)
    return parse_instant(pinned, zone, NOW_VARIABLE)


def parse_instant(text: str, zone: ZoneInfo, name: str) -> dt.datetime:
    """An ISO 8601 date or date-time; naive values are in ``zone``.

    :param name: where the text comes from, for errors: an option (``--since``) or an
        environment variable (``EDCAL_NOW``, shown as ``$EDCAL_NOW``).
    """
    value = text.strip()
    where = Source(name if name.startswith("-") else f"${name}", 1, 1)
    try:
        if len(value) == 10:
            parsed = dt.datetime.combine(dt.date.fromisoformat(value), dt.time())
        else:
            parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        if not FIRST_YEAR <= parsed.year <= LAST_YEAR:
            raise ValueError(f"year {parsed.year} is out of range")
    except ValueError:
        message: str = say("found '{text}', expected an ISO 8601 date or date-time such as 2027-01-12T09:00 "
                           "or 2027-01-12T08:00:00Z", text=text)
        if re.match(r"\d{4}-\d\d-\d\d(?!\d)", value):
            try:
                parse_date(value[:10])
            except ValueError as exc:  # ISO-shaped, but no such day: say which part is wrong
                said = exc.args[0] if exc.args else None
                if isinstance(said, Message) and said.values.get("text") == value[:10]:  # timeparse's own
                    message = say(said.template, **{**said.values, "text": text})
                else:
                    message = str(exc).replace(f"found '{value[:10]}'", f"found '{text}'")
        # 03/03/2027: "dates are written year first: 2027-03-03"
        raise InputErrors([InputError(where, message, value_hint(text))]) from None
    if parsed.tzinfo is None and len(value) == 10:  # a day starts at its first instant, after a gap at 00:00
        return start_of_day(parsed.date(), zone)
    if parsed.tzinfo is None:  # a wall-clock time the clocks skip, or show twice, is no instant
        try:
            return localize(parsed, zone)
        except WallClockError as exc:
            message = say("found '{text}': {problem}", text=text, problem=exc.message)
            raise InputErrors([InputError(where, message, exc.hint)]) from None
    return parsed.astimezone(zone)


def parse_window(since: str | None, until: str | None, zone: ZoneInfo,
                 now: dt.datetime | None = None) -> tuple[dt.datetime | None, dt.datetime | None]:
    """``--since`` and ``--until``: instants in ``zone``; a date as ``--until`` runs to the end of its day.

    :param now: where the window starts without ``--since``.
    :raises InputErrors: for an invalid or empty value, or a window that ends before it starts.
    """
    start = parse_instant(since, zone, "--since") if since is not None else None
    end = None
    if until is not None:
        end = parse_instant(until, zone, "--until")
        if len(until.strip()) == 10 and end.year == 2199 and end.month == 12 and end.day == 31:
            end = end.replace(hour=23, minute=59, second=59, microsecond=999999)  # no next day to name
        elif len(until.strip()) == 10:  # a date: up to the end of that day, where the next day starts
            end = parse_instant((end.date() + dt.timedelta(days=1)).isoformat(), zone, "--until")
    if start is not None and end is not None and as_instant(end) <= as_instant(start):
        hint = (say("swap the two dates") if as_instant(end) < as_instant(start)
                else say("give --until a later instant; a date alone runs to the end of its day"))
        message = say("--until {until} is not after --since {since}: the window holds nothing",
                      until=until, since=since)
        raise InputErrors([InputError(Source("--until", 1, 1), message, hint)])
    if start is None and end is not None and now is not None and as_instant(end) <= as_instant(now):
        message = say("--until {until} is not after now ({now:%Y-%m-%d %H:%M}): the window holds nothing",
                      until=until, now=now.astimezone(zone))
        raise InputErrors([InputError(Source("--until", 1, 1), message,
                                      say("give a later date, or --since to look back"))])
    return start, end


def source_date_epoch() -> dt.datetime | None:
    """``SOURCE_DATE_EPOCH`` as an instant in UTC, None when it is not set.

    :raises InputErrors: when it is no number of seconds.
    """
    epoch = os.environ.get(EPOCH_VARIABLE)
    if not epoch:
        return None
    try:
        if not (epoch.isascii() and epoch.isdigit()):  # int() takes -1, +5, 1_000 and ' 5'; the spec, digits
            raise ValueError(epoch)
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    except (ValueError, OverflowError, OSError):
        raise InputErrors(
            [InputError(Source(f"${EPOCH_VARIABLE}", 1, 1),
                        say("found '{epoch}', expected a number of seconds since 1970", epoch=epoch),
                        say("the last commit's time: SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)"))]
        ) from None


def build_time(site: Path, inputs: Sequence[str]) -> dt.datetime:
    """The instant the inputs were last revised, in UTC, for timestamps in outputs."""
    epoch = source_date_epoch()
    if epoch is not None:
        return epoch
    committed = _last_commit_time(site, inputs)
    if committed is not None:
        return committed
    return dt.datetime.fromtimestamp(int(_newest_mtime(site, inputs)), dt.UTC)


def _newest_mtime(site: Path, inputs: Sequence[str]) -> float:
    """The newest modification time of the input files, folders walked (an edited article counts)."""
    newest = 0.0
    for name in inputs:
        path = site / name
        if not path.exists():
            continue
        newest = max(newest, path.stat().st_mtime)
        for folder, dirs, files in os.walk(path):
            dirs[:] = [name for name in dirs if not name.startswith(".")]  # .git, editors' folders
            for file in files:
                try:
                    newest = max(newest, os.stat(os.path.join(folder, file)).st_mtime)
                except OSError:  # a broken link, a file removed meanwhile
                    continue
    return newest


def _last_commit_time(site: Path, inputs: Sequence[str]) -> dt.datetime | None:
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%ct", "--", *inputs],
            cwd=site, capture_output=True, text=True, timeout=10, check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0 or not result.stdout.strip():
        return None
    if _has_uncommitted_changes(site, inputs):
        return None
    return dt.datetime.fromtimestamp(int(result.stdout.strip()), dt.UTC)


def _has_uncommitted_changes(site: Path, inputs: Sequence[str]) -> bool:
    """Edited inputs make the last commit's time wrong; fall back to file times."""
    try:
        result = subprocess.run(
            ["git", "status", "--porcelain", "--", *inputs],
            cwd=site, capture_output=True, text=True, timeout=10, check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return True
    return bool(result.stdout.strip())
