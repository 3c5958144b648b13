"""Writing output files: UTF-8, folders created; where each post's draft is written; which written feeds
are too heavy for calendar apps (said by the planning page and by ``edcal build``)."""

from __future__ import annotations

import math
from collections.abc import Iterable
from pathlib import Path

from edcal.model.plan import Item, Plan

#: planning/drafts/, where every post's text is written (drafts), linked from the review and calendar pages.
FOLDER = "drafts"

#: Folders already created in this process (thousands of drafts share a few folders).
_made: set[Path] = set()


def write_file(path: Path, data: str | bytes) -> None:
    """Write a file of an output, creating its folder."""
    folder = path.parent
    if folder not in _made:
        folder.mkdir(parents=True, exist_ok=True)
        if len(_made) > 10_000:  # a long `edcal serve` session stages a new folder per build
            _made.clear()
        _made.add(folder)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(path, "wb") as handle:
        handle.write(data)


def drafted(plan: Plan) -> list[Item]:
    """The posts that get a draft: every post not withheld."""
    return [item for item in plan.items if item.kind == "post" and item.status != "withheld"]


def draft_path(item: Item, plan: Plan) -> str:
    """``drafts/<network>/<local date and time>-<id>`` without extension."""
    assert isinstance(item.start, object) and item.network
    local = item.start.astimezone(plan.calendar.zone)  # type: ignore[union-attr]
    return f"{FOLDER}/{item.network}/{local:%Y-%m-%dT%H%M}-{item.id}"


#: The heaviest feed Google Calendar is known to read whole (its help gives 1 MB for an imported file; a
#: subscribed feed beyond it is reported to lose events, silently). Outlook.com publishes no limit.
FEED_LIMIT_BYTES = 1_000_000


def heavy_feeds(folder: Path, paths: Iterable[str]) -> dict[str, tuple[float, int]]:
    """The feeds written under ``folder`` heavier than :data:`FEED_LIMIT_BYTES`: each path's size in MB
    (rounded up to a tenth) and its events."""
    heavy = {}
    for path in paths:
        try:
            size = (folder / path).stat().st_size
        except OSError:
            continue
        if size > FEED_LIMIT_BYTES:
            events = (folder / path).read_bytes().count(b"BEGIN:VEVENT")
            heavy[path] = (math.ceil(size / 100_000) / 10, events)
    return heavy
