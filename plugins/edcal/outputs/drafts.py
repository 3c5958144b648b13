"""planning/drafts/: the exact text of every post, ready to paste, with a JSON sidecar.

``drafts/<network>/<YYYY-MM-DDTHHMM>-<item id>.txt`` holds the text to paste
and nothing else (UTF-8, no trailing newline; a link the network shows
shortened is written in full, as the network's composer expects it); the ``.json`` beside it holds what
a person or a script needs to publish it: counted length and limit, counting
rule, link, media with alt text, scheduled time, campaign, owner, source.
Withheld posts get no draft; the folder is rebuilt on every build, so drafts
of removed posts disappear.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import regex

from edcal.model.network import Network
from edcal.model.plan import Item, Plan
from edcal.networks.counting import RULE_DESCRIPTIONS
from edcal.outputs._files import write_file
from edcal.outputs.context import OutputContext
from edcal.outputs.plan_json import local_stamp, utc_stamp

FOLDER = "drafts"


def drafted(plan: Plan) -> list[Item]:
    """The posts that get a draft: every post not withheld."""
    return [item for item in plan.items if item.kind == "post" and item.status != "withheld"]


def draft_path(item: Item, plan: Plan) -> str:
    """``drafts/<network>/<local date and time>-<id>`` without extension."""
    assert isinstance(item.start, object) and item.network
    local = item.start.astimezone(plan.calendar.zone)  # type: ignore[union-attr]
    return f"{FOLDER}/{item.network}/{local:%Y-%m-%dT%H%M}-{item.id}"


def write(context: OutputContext, folder: Path) -> list[str]:
    plan = context.plan
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
        "lengths": [{"counting": c, "length": n, "limit": m} for c, n, m in item.lengths],
        "scheduled": local_stamp(item.start, calendar),  # type: ignore[arg-type]
        "scheduled_utc": utc_stamp(item.start),  # type: ignore[arg-type]
        "status": item.status,
        "link": item.url,
        "link_text": item.link_text,
        "links_clickable": network.links_clickable,
        "media": [{"path": m.path, "alt": m.alt} for m in item.media],
        "alt": item.media[0].alt if item.media else None,
        "campaign": item.campaign,
        "owner": item.owner,
        "article": item.article,
        "promotional": item.promotional,
        "template": item.template,
        "source": str(item.source),
    }
    found = facets(item, network)
    if found:
        data["facets"] = found
    return data


#: Characters that end a word on Bluesky though they show nothing (soft hyphen, zero-width ones).
_UNSEEN = "\u00ad\u2060\u200a\u200b\u200c\u200d\u20e2"
#: A hashtag as Bluesky's own parser reads one: after a space or at the start, up to the next space, with
#: a character that is neither a digit nor punctuation (#2027 is none); its final punctuation is not its.
_BLUESKY_TAG = regex.compile(rf"(?:^|(?<=\s))[#＃](?!\ufe0f)"
                             rf"([^\s{_UNSEEN}]*[^\d\s\p{{P}}{_UNSEEN}][^\s{_UNSEEN}]*)")
_TRAILING_PUNCTUATION = regex.compile(r"\p{P}+$")
#: Bluesky's longest tag, in characters.
_TAG_LIMIT = 64


def facets(item: Item, network: Network) -> list[dict[str, Any]]:
    """Where each shortened link and each hashtag sits in the UTF-8 text, in order: Bluesky's facets.

    On a network with ``facets: true`` (Bluesky), a post sent through the API links nothing by itself:
    it needs a facet for each link (``uri``) and each hashtag (``tag``, without ``#``), found as
    Bluesky's own app finds them. Mentions would need the account's DID, which only its servers know.
    """
    text = item.text or ""
    spans: list[tuple[int, int, dict[str, str]]] = [(start, end, {"uri": url})
                                                    for start, end, url in item.link_spans()]
    if network.facets:
        links = [(start, end) for start, end, _ in spans]
        for found in _BLUESKY_TAG.finditer(text):
            tag = _TRAILING_PUNCTUATION.sub("", found.group(1))
            inside_a_link = any(start <= found.start() < end for start, end in links)  # a URL's #fragment
            if tag and len(tag) <= _TAG_LIMIT and not inside_a_link:
                spans.append((found.start(), found.start(1) + len(tag), {"tag": tag}))
    result = []
    for start, end, feature in sorted(spans, key=lambda span: span[0]):
        first = len(text[:start].encode("utf-8"))
        last = first + len(text[start:end].encode("utf-8"))
        result.append({"byteStart": first, "byteEnd": last, **feature})
    return result
