"""planning/drafts/: the exact text of every post, ready to paste, with a JSON sidecar.

``drafts/<network>/<YYYY-MM-DDTHHMM>-<item id>.txt`` holds the text to paste
and nothing else (UTF-8, no trailing newline; a link the network shows
shortened is written in full, as the network's composer expects it); the ``.json`` beside it holds what
a person or a script needs to publish it: counted length and limit, counting
rule, link, media with alt text (a video apart, with its cover and subtitles),
scheduled time, campaign, owner, source.
Withheld posts get no draft; the folder is rebuilt on every build, so drafts
of removed posts disappear.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from edcal.model.plan import Item, Plan
from edcal.networks.counting import RULE_DESCRIPTIONS
from edcal.networks.facets import facets
from edcal.outputs._files import draft_path, drafted, write_file
from edcal.outputs._format import images_document, local_stamp, poll_document, utc_stamp, video_document
from edcal.outputs.context import OutputContext
from edcal.outputs.pages import copy_media


def write(context: OutputContext, folder: Path) -> list[str]:
    plan = context.plan
    # A video's address in a sidecar is its copy on the planning site (the review pages copy the images).
    copy_media([path for item in drafted(plan) for m in item.media if m.is_video for path in m.files()],
               context, folder)
    for item in drafted(plan):
        base = folder / draft_path(item, plan)
        write_file(base.with_name(base.name + ".txt"), item.pasted)
        # One line: the C encoder (indent falls back to pure Python, 1.6 s for 10,000 sidecars).
        sidecar_text = json.dumps(sidecar(item, plan), ensure_ascii=False) + "\n"
        write_file(base.with_name(base.name + ".json"), sidecar_text)
    return []


def sidecar(item: Item, plan: Plan) -> dict[str, Any]:
    calendar = plan.calendar
    network = calendar.networks[item.network or ""]
    text = item.text or ""
    data: dict[str, Any] = {
        "id": item.id,
        "network": network.id,
        "network_name": network.name,
        "account": network.account,
        "title": item.title,
        "text": text,
        "length": item.length,
        "limit": item.limit,
        "counting": item.counting,
        "counting_rule": RULE_DESCRIPTIONS.get(item.counting or "", item.counting),
        "fits": all(length <= limit for _, length, limit in item.lengths),
        "lengths": _lengths(item.lengths),
        "scheduled": local_stamp(item.start, calendar),  # type: ignore[arg-type]
        "scheduled_utc": utc_stamp(item.start),  # type: ignore[arg-type]
        "status": item.status,
        "link": item.url,
        "link_text": item.link_text,
        "link_in_comment": item.link_in_comment,
        "link_in_thread": item.link_in_thread,
        "links_clickable": network.links_clickable,
        "facets": facets(item, network),  # [] where there are none, as in posts.json
        "media": images_document(item.media),
        "alt": next((m.alt for m in item.media if not m.is_video), None),
        "video": video_document(item.media, plan.planning_site_url()),
        "campaign": item.campaign,
        "owner": item.owner,
        "lang": plan.language_of(item),
        "cw": item.cw,
        "note": item.note,
        "poll": poll_document(item.poll),
        "first_comment": None if item.first_comment is None else {
            "text": item.first_comment, "length": item.comment_length, "limit": item.comment_limit,
            "fits": (item.comment_length or 0) <= (item.comment_limit or 0)},
        "thread": [{"text": reply.text, "pasted": reply.pasted, "length": reply.length, "limit": reply.limit,
                    "fits": reply.fits, "lengths": _lengths(reply.lengths), "facets": facets(reply, network)}
                   for reply in item.thread],
        "article": item.article,
        "promotional": item.promotional,
        "template": item.template,
        "source": str(item.source),
    }
    if calendar.zoned(network):  # an account on another clock: its time, as its own scheduler reads it
        data["timezone"] = network.timezone
        data["scheduled_account"] = local_stamp(item.start, calendar, network)  # type: ignore[arg-type]
    return data


def _lengths(lengths: tuple[tuple[str, int, int], ...]) -> list[dict[str, Any]]:
    """Every limit the network checks, as the sidecar gives it: ``{counting, length, limit}``."""
    return [{"counting": c, "length": n, "limit": m} for c, n, m in lengths]
