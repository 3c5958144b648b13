"""`posted:`: the log of what went out, each post by its id, with when and where (or that it did not).

The ids name items of the resolved plan, so they are checked against it when
the plan is resolved (:mod:`edcal.plan.posted`); this module reads the values.
"""

from __future__ import annotations

import datetime as dt
import urllib.parse

from edcal.addresses import WEB_ADDRESS
from edcal.errors import message_of
from edcal.hints import value_hint
from edcal.i18n import say
from edcal.load import timeparse
from edcal.load.sections._reading import Document, Reading, item_of, key_of, value_of
from edcal.load.sections.key_dates import instant_of
from edcal.model.calendar import PostedRecord
from edcal.model.source import Source


def read_posted(reading: Reading, documents: list[Document]) -> None:
    # `posted:` with nothing under it yet is a log begun, as `posted: []` is.
    kept = [doc for doc in documents
            if doc.spec.posted is not None or (doc.spec.loc is not None and "posted" in doc.spec.loc.fields)]
    if not kept:
        return
    reading.calendar.posted_key = key_of(kept[-1].spec.loc, "posted")
    records: list[PostedRecord] = []
    #: Each address logged, with the line that gave it: a line copied from the one above keeps its `url:`.
    addresses: dict[str, PostedRecord] = {}
    for doc in kept:
        for index, spec in enumerate(doc.spec.posted or ()):
            # A line written as the id alone has no mapping of its own: it is where the list's item is.
            line = item_of(doc.spec.loc, "posted", index)
            at = _moment(reading, spec.at, value_of(spec.loc, "at")) if spec.at is not None else None
            url = spec.url.strip() if spec.url is not None else None
            if url is not None and not (WEB_ADDRESS.match(url) and _opens(url)):
                reading.errors.add(value_of(spec.loc, "url"),
                                   say("found url '{value}', expected the post's address on the network, "
                                       "starting with https://", value=url[:80]),
                                   say("open the post on the network and copy its address, e.g. "
                                       "https://www.linkedin.com/feed/update/urn:li:activity:7150000000000000000/"))
                url = None
            if spec.at is not None and at is None:
                continue
            if spec.skipped and (spec.at is not None or spec.url is not None):
                field = "at" if spec.at is not None else "url"
                reading.errors.add(value_of(spec.loc, field),
                                   say("found `{field}:` on a line with `skipped: true`, expected either a "
                                       "post that went out (with its `at:` or `url:`) or one that did not",
                                       field=field),
                                   say("a post that went out late went out: remove `skipped: true`; one that "
                                       "did not go out has no time nor address: remove `{field}:`",
                                       field=field))
                continue
            record = PostedRecord(spec.item.strip(), at, url, line,
                                  value_of(spec.loc, "item") if spec.loc is not None else line, spec.skipped,
                                  value_of(spec.loc, "url") if url is not None else None)
            first = addresses.setdefault(_same_post(url), record) if url is not None else record
            if first is not record and first.item != record.item:  # the same post twice is told as such
                reading.errors.add(value_of(spec.loc, "url"),
                                   say("found url '{value}', the address of '{other}' ({path}:{line}) too, "
                                       "expected this post's own address", value=url, other=first.item,
                                       path=first.source.path, line=first.source.line),
                                   say("open this post on the network and copy its own address; if you do "
                                       "not have it, remove `url:`"))
                continue
            records.append(record)
    reading.calendar.posted = records


def _moment(reading: Reading, text: str, where: Source) -> dt.datetime | dt.date | None:
    """When a post went out: a date and time in the site's zone (or with its UTC offset), or a day."""
    calendar = reading.calendar
    try:
        when = timeparse.parse_when(text, frozenset(calendar.slots))
    except ValueError as exc:
        reading.errors.add(where, message_of(exc),
                           value_hint(text, str(exc), past=True)
                           or say("write when it went out, e.g. 2027-01-12 09:14, or its day alone"))
        return None
    if when.time is None and when.slot is None:
        return when.date
    return instant_of(reading, when, where)


def _opens(url: str) -> bool:
    """Whether a browser opens the address: a host, a port in range, brackets closed (``https://[::1/x``)."""
    try:
        parts = urllib.parse.urlsplit(url)
        return bool(parts.hostname) and (parts.port is None or parts.port > 0)
    except ValueError:
        return False


def _same_post(url: str) -> str:
    """An address as the post it opens: its host in any capitals and with or without ``www.``, its path
    with or without a final slash, its fragment left out (``…/#comments``); its query kept, which names the
    post on some networks (``permalink.php?story_fbid=…``)."""
    try:
        parts = urllib.parse.urlsplit(url.strip())
    except ValueError:  # an address Python cannot read: as written
        return url
    host = parts.netloc.lower().removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}?{parts.query}"
