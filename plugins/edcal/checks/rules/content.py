"""What a network would refuse or cut: length, media, hashtags, links, alt text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from edcal.checks.registry import CheckContext, Problem, rule
from edcal.networks.counting import RULE_DESCRIPTIONS

_HASHTAG = re.compile(r"(?<![\w#&])#\w+", re.UNICODE)
_URL = re.compile(r"https?://[^\s<>\"]+[^\s<>\".,;:!?)\]'…»]", re.IGNORECASE)


@rule("text-too-long", "error", "A post's text is longer than its network allows")
def text_too_long(ctx: CheckContext) -> Iterator[Problem]:
    networks = ctx.plan.calendar.networks
    for post in ctx.posts():
        network = networks[post.network or ""]
        entry = ctx.entry(post)
        variant = entry.variants.get(post.network or "") if entry else None
        own_text = bool(entry and (entry.text or entry.texts or (variant and variant.text)))
        for counting, length, limit in post.lengths:
            if length <= limit:
                continue
            unit = RULE_DESCRIPTIONS.get(counting, counting)
            hint = f"shorten `text:` by {length - limit} (or this network's text under `variants:`)"
            if post.article and not own_text:
                hint = ("the article's summary was already cut to fit: write a shorter `text:` for this "
                        "network under `variants:`, or shorten the title")
            yield Problem(post.source, f"{network.name} post '{post.id}' is {length} long, over "
                          f"the limit of {limit} by {length - limit}, counted in {unit}", hint, post)


@rule("title-too-long", "error", "A post's title is longer than the network allows (Pinterest, YouTube)")
def title_too_long(ctx: CheckContext) -> Iterator[Problem]:
    networks = ctx.plan.calendar.networks
    for post in ctx.posts():
        network = networks[post.network or ""]
        if network.title_limit is not None and len(post.title) > network.title_limit:
            yield Problem(post.source, f"{network.name} post '{post.id}' has a title of "
                          f"{len(post.title)} characters, over the limit of {network.title_limit}",
                          "shorten `title:`", post)


@rule("media-required", "error", "A post on an image-first network has no image or video")
def media_required(ctx: CheckContext) -> Iterator[Problem]:
    networks = ctx.plan.calendar.networks
    for post in ctx.posts():
        network = networks[post.network or ""]
        if network.media == "required" and not post.media:
            yield Problem(post.source, f"{network.name} post '{post.id}' has no image, and "
                          f"{network.name} requires one", "add `image:` and `alt:` to the entry "
                          "(or an `image:` to the article)", post)


@rule("image-missing", "error", "A referenced image file does not exist")
def image_missing(ctx: CheckContext) -> Iterator[Problem]:
    content = ctx.plan.content_root
    if content is None:
        return
    exists: dict[str, bool] = {}
    for item in ctx.upcoming:
        if item.kind not in ("post", "article") or item.status == "withheld":
            continue
        for media in item.media:
            path = media.path.removeprefix("{static}").removeprefix("{attach}").lstrip("/")
            if "://" in path:
                continue
            if path not in exists:
                exists[path] = (content / path).is_file()
            if exists[path]:
                continue
            where = media.source or item.source
            yield Problem(where, f"image '{media.path}' of '{item.id}' does not exist in "
                          f"{Path(content.name) / path}", "check the file name and its folder", item)


@rule("missing-alt-text", "warning", "An image has no alt text")
def missing_alt_text(ctx: CheckContext) -> Iterator[Problem]:
    for item in ctx.upcoming:
        if item.kind not in ("post", "article") or item.status == "withheld":
            continue
        for media in item.media:
            if not (media.alt or "").strip():
                field = "image_alt:" if item.kind == "article" else "alt:"
                yield Problem(media.source or item.source, f"image '{media.path}' of '{item.id}' has "
                              "no alt text: people using screen readers will miss it",
                              f"describe the image in `{field}`", item)


@rule("alt-too-long", "error", "An image's alt text is longer than the network allows")
def alt_too_long(ctx: CheckContext) -> Iterator[Problem]:
    networks = ctx.plan.calendar.networks
    for post in ctx.posts():
        network = networks[post.network or ""]
        for media in post.media:
            if network.alt_limit is not None and len(media.alt or "") > network.alt_limit:
                yield Problem(media.source or post.source, f"the alt text of '{post.id}' is "
                              f"{len(media.alt or '')} characters, over {network.name}'s limit of "
                              f"{network.alt_limit}", "shorten `alt:`", post)


@rule("too-many-hashtags", "error", "A post has more hashtags than its network takes")
def too_many_hashtags(ctx: CheckContext) -> Iterator[Problem]:
    networks = ctx.plan.calendar.networks
    for post in ctx.posts():
        network = networks[post.network or ""]
        if network.max_hashtags is None:
            continue
        tags = _HASHTAG.findall(post.text or "")
        if len(tags) > network.max_hashtags:
            yield Problem(post.source, f"{network.name} post '{post.id}' has {len(tags)} hashtags "
                          f"({' '.join(tags)}); {network.name} takes at most {network.max_hashtags}",
                          "remove hashtags from `text:`, or from the campaign's `hashtags:`", post)


@rule("too-many-links", "error", "A post has more distinct links than its network takes")
def too_many_links(ctx: CheckContext) -> Iterator[Problem]:
    networks = ctx.plan.calendar.networks
    for post in ctx.posts():
        network = networks[post.network or ""]
        if network.max_links is None:
            continue
        links = set(_URL.findall(post.text or ""))
        if len(links) > network.max_links:
            yield Problem(post.source, f"{network.name} post '{post.id}' has {len(links)} distinct "
                          f"links; {network.name} takes at most {network.max_links}",
                          "keep the most important links", post)


@rule("forbidden-characters", "error", "A post contains characters its network refuses")
def forbidden_characters(ctx: CheckContext) -> Iterator[Problem]:
    networks = ctx.plan.calendar.networks
    for post in ctx.posts():
        network = networks[post.network or ""]
        if not network.forbidden_characters:
            continue
        found = sorted(set(post.text or "") & set(network.forbidden_characters))
        if found:
            yield Problem(post.source, f"{network.name} post '{post.id}' contains "
                          f"{' '.join(repr(c) for c in found)}, which {network.name} refuses",
                          "remove or replace them", post)
