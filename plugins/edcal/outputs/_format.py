"""Instants and media as the outputs write them (plan.json, the drafts' sidecars, the exports): one format
each."""

from __future__ import annotations

import datetime as dt
from typing import Any

from edcal.model.article import content_path
from edcal.model.calendar import Calendar, Media

#: planning/media/: the files the planning pages and feeds show, copied from content/.
MEDIA_FOLDER = "media"


def local_stamp(instant: dt.datetime, calendar: Calendar) -> str:
    """ISO 8601 in the site's zone with its offset: ``2027-01-12T08:00:00+01:00``."""
    return instant.astimezone(calendar.zone).isoformat(timespec="seconds")


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
