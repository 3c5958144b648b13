"""Instants and media as the outputs write them (plan.json, the drafts' sidecars, the exports): one format
each."""

from __future__ import annotations

import datetime as dt
from typing import Any

from edcal.dates import iso_stamp
from edcal.model.article import content_path
from edcal.model.calendar import Calendar, Media, Poll
from edcal.model.network import Network

#: planning/media/: the files the planning pages and feeds show, copied from content/.
MEDIA_FOLDER = "media"


def local_stamp(instant: dt.datetime, calendar: Calendar, network: Network | None = None) -> str:
    """ISO 8601 in the site's zone with its offset: ``2027-01-12T08:00:00+01:00`` (in UTC for a local mean
    time's instant, whose offset has seconds: :func:`edcal.dates.iso_stamp`); in ``network``'s account's zone
    when given (its ``timezone:``)."""
    return iso_stamp(instant.astimezone(calendar.zone_of(network)).replace(microsecond=0))


def utc_stamp(instant: dt.datetime) -> str:
    return instant.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def images_document(media: tuple[Media, ...]) -> list[dict[str, Any]]:
    """A post's images, in order, each ``{path, alt}`` (its video apart: :func:`video_document`)."""
    return [{"path": m.path, "alt": m.alt} for m in media if not m.is_video]


def video_document(media: tuple[Media, ...], planning_url: str | None) -> dict[str, Any] | None:
    """A post's video, ``{path, url, cover, subtitles, alt}``: ``url`` its address, as written when it is
    one, else its copy in planning/media/ on the planning site (None without ``planning.url``); None
    without one."""
    video = next((m for m in media if m.is_video), None)
    if video is None:
        return None
    path = content_path(video.path)
    url = path if "://" in path else f"{planning_url}{MEDIA_FOLDER}/{path}" if planning_url else None
    return {"path": video.path, "url": url, "cover": video.cover, "subtitles": video.subtitles,
            "alt": video.alt}


def poll_document(poll: Poll | None) -> dict[str, Any] | None:
    """A post's poll, ``{question, options, duration, minutes}`` (``duration`` as written, ``minutes`` its
    length), as the sidecars, plan.json and posts.json give it; None without one."""
    if poll is None:
        return None
    return {"question": poll.question, "options": list(poll.options), "duration": poll.duration,
            "minutes": poll.minutes}


#: Between the parts of a poll's cell in posts.csv (its question, its answers, its duration), as between
#: a thread's replies.
POLL_SEPARATOR = "\n---\n"


def poll_cell(poll: Poll | None) -> str:
    """A poll in one spreadsheet cell: its question (empty without one), its answers one per line, its
    duration as written, separated by lines ``---``; empty without a poll."""
    if poll is None:
        return ""
    return POLL_SEPARATOR.join((poll.question or "", "\n".join(poll.options), poll.duration))
