"""What a network would refuse or cut: length, media, hashtags, links, alt text."""

from __future__ import annotations

import dataclasses
import math
import os
import posixpath
import re
import unicodedata
import urllib.parse
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from edcal.addresses import blog_path
from edcal.checks.registry import THE_POSTS, CheckContext, Option, PostText, Problem, rule
from edcal.checks.rules._files import (
    LinkingText,
    common_tail,
    in_content,
    is_file,
    linking_texts,
    missing_published_file,
    names_an_article,
    nearest_file,
    outside_content,
    outside_copy,
    outside_problem,
)
from edcal.hints import INVISIBLE, emoji_joiners
from edcal.i18n import Message, say, say_count, say_duration, say_list
from edcal.imagesize import image_size
from edcal.model.article import IMAGE_SUFFIXES, content_path
from edcal.model.network import Network, aspect_ratio
from edcal.model.plan import Item
from edcal.model.source import Source
from edcal.networks.counting import COUNTERS, counting_description, unlinked_addresses
from edcal.networks.facets import tag_starts
from edcal.networks.mastodon_urls import OTHER_SCHEMES, mastodon_links, scheme_matches
from edcal.networks.twitter_urls import url_entities
from edcal.plan.compose import (
    CAMPAIGN_PARAMETERS,
    HASHTAG,
    URL_IN_TEXT,
    app_links,
    hashtags_in,
    track,
    tracking_values,
)


def _unit(counting: str, text: str, network: Network | None = None) -> Message:
    """What a length is counted in (Mastodon's graphemes with each URL as 23); on X, a URL twitter-text does
    not take for a link (``.example``) counts in full, not 23: said so when the text has one."""
    unlinked = unlinked_addresses(text) if counting == "twitter" else []
    if not unlinked:
        return say(counting_description(counting, network))
    shown = [address if len(address) <= 40 else address[:address.find("/", 8) + 1 or 39] + "…"
             for address in dict.fromkeys(unlinked)]
    return say_count(len(shown), "weighted characters (twitter-text v3; each URL counts 23, but {addresses} is "
                     "no link for X (unknown domain) and counts in full)",
                     "weighted characters (twitter-text v3; each URL counts 23, but {addresses} are no links for "
                     "X (unknown domain) and count in full)", addresses=", ".join(shown))


@rule("text-too-long", "error", "A post's text is longer than its network allows")
def text_too_long(ctx: CheckContext) -> Iterator[Problem]:
    networks = ctx.plan.calendar.networks
    articles = ctx.plan.articles_by_slug()
    for post in ctx.posts():
        network = networks[post.network or ""]
        entry = ctx.entry(post)
        variant = entry.variants.get(post.network or "") if entry else None
        own_text = bool(entry and (entry.text or entry.texts or (variant and variant.text)))
        article = articles.get(post.article or "")
        override = article.social.per_network.get(post.network or "") if article else None
        source = ctx.text_source(post)  # the text to shorten
        for counting, length, limit in post.lengths:
            if length <= limit:
                continue
            unit = _unit(counting, post.text or "", network)
            hint = say("shorten `text:` by {excess:,} (or this network's text under `variants:`)",
                       excess=length - limit)
            if variant is not None and variant.text:
                hint = say("shorten the {network} text under `variants:` by {excess:,}", network=network.name,
                           excess=length - limit)
            elif not own_text and override is not None and override.text:
                # The article's own text for this network (`social:` in its front matter).
                hint = say("shorten the {network} text under `social:` by {excess:,}", network=network.name,
                           excess=length - limit)
                source = override.source or source
            elif post.article and not own_text and entry is None:
                hint = say("the article's summary was already cut to fit: write a shorter {network} text under "
                           "`social:` in the article, or shorten its title", network=network.name)
            elif post.article and not own_text:
                hint = say("the article's summary was already cut to fit: write a shorter `text:` for this "
                           "network under `variants:`, or shorten the title")
            if post.cw:  # the warning counts with the text: shortening it is a way too
                hint = say("{hint}; its content warning counts too ({count:,} of the {length:,})", hint=hint,
                           count=COUNTERS[counting](post.cw), length=length)
            yield Problem(source, say("{network} post '{id}' is {length:,} long, over the limit of "
                                           "{limit:,} by {excess:,}, counted in {unit}", network=network.name,
                                           id=post.id, length=length, limit=limit, excess=length - limit,
                                           unit=unit), hint, post,
                          together=say("{network}: {posts} are {length:,} long, over the limit of {limit:,} by "
                                       "{excess:,}, counted in {unit}", network=network.name, posts=THE_POSTS,
                                       length=length, limit=limit, excess=length - limit, unit=unit))


@rule("share-too-long", "warning", "The words suggested to staff are longer than a network allows")
def share_too_long(ctx: CheckContext) -> Iterator[Problem]:
    for share in ctx.plan.sharing.shares:
        for words in share.texts:
            for counting, length, limit in words.lengths:
                if length <= limit:
                    continue
                hint = (say("shorten the suggestion's `text:` by {excess:,}", excess=length - limit) if share.chosen
                        else say("write the words yourself under `ambassadors: suggestions:` (`article: {slug}`, "
                                 "`text:`), or shorten the article's title", slug=share.article))
                yield Problem(share.source, say(
                    "the words suggested to staff for {network} on '{title}' are {length:,} long, over the limit "
                    "of {limit:,} by {excess:,}, counted in {unit}", network=words.network_name, title=share.title,
                    length=length, limit=limit, excess=length - limit,
                    unit=_unit(counting, words.text)), hint)


@rule("share-image-left", "warning", "The ambassadors' page leaves off an image only unpublished content shows")
def share_image_left(ctx: CheckContext) -> Iterator[Problem]:
    for share in ctx.plan.sharing.shares:
        if share.image_left is not None:
            yield Problem(share.image_left_source or share.source, say(
                "the suggestion '{title}' names the image '{image}', which only content not online yet "
                "shows: the ambassadors' page leaves it off until that content is online",
                title=share.title, image=share.image_left),
                say("name an image already online, or wait: it appears once the article or the post that "
                    "shows it is out"))


@rule("title-too-long", "error", "A post's title is longer than the network allows (Pinterest, YouTube)")
def title_too_long(ctx: CheckContext) -> Iterator[Problem]:
    networks = ctx.plan.calendar.networks
    for post in ctx.posts():
        network = networks[post.network or ""]
        if network.title_limit is not None and len(post.title) > network.title_limit:
            entry = ctx.entry(post)
            hint = say("shorten `title:`")
            if post.article and entry is None:  # the blog's own promotion: the article's title
                hint = say("the title is the article's: give {network} a shorter one with a `promote: {slug}` "
                           "entry in calendar.yaml (`title:`, `networks: [{id}]`), or shorten the article's "
                           "title", network=network.name, slug=post.article, id=network.id)
            elif post.article and entry is not None and not entry.title:
                hint = say("the title is the article's: write a shorter `title:` in this entry")
            yield Problem(post.source, say("{network} post '{id}' has a title of {length:,} characters, "
                                           "over the limit of {limit:,}", network=network.name, id=post.id,
                                           length=len(post.title), limit=network.title_limit),
                          hint, post,
                          together=say("{network}: {posts} have a title of {length:,} characters, over the "
                                       "limit of {limit:,}", network=network.name, posts=THE_POSTS,
                                       length=len(post.title), limit=network.title_limit))


@rule("media-required", "error", "A post on an image-first network has no image or video")
def media_required(ctx: CheckContext) -> Iterator[Problem]:
    networks = ctx.plan.calendar.networks
    for post in ctx.posts():
        network = networks[post.network or ""]
        if network.media == "video" and not any(m.is_video for m in post.media):
            yield Problem(post.source, say("{network} post '{id}' has no video, and {network} requires one",
                                           network=network.name, id=post.id),
                          say("add `video:` to the entry, e.g. video: videos/workshop-tour.mp4 (or give "
                              "{network} its own under `variants:`)", network=network.name), post,
                          together=say("{network}: {posts} have no video, and {network} requires one",
                                       network=network.name, posts=THE_POSTS))
        elif network.media == "required" and not post.media:
            yield Problem(post.source, say("{network} post '{id}' has no image, and {network} requires one",
                                           network=network.name, id=post.id),
                          say("add `image:` and `alt:` to the entry (or an `image:` to the article)"), post,
                          together=say("{network}: {posts} have no image, and {network} requires one",
                                       network=network.name, posts=THE_POSTS))


@rule("too-many-images", "error", "A post has more images than its network takes")
def too_many_images(ctx: CheckContext) -> Iterator[Problem]:
    networks = ctx.plan.calendar.networks
    for post in ctx.posts():
        network = networks[post.network or ""]
        images = [m for m in post.media if not m.is_video]
        if network.max_images is None or len(images) <= network.max_images:
            continue
        first_over = images[network.max_images]  # where the images it would refuse start
        yield Problem(first_over.source or post.source,
                      say("post '{id}' has {count} images on {network}, which takes at most {limit}",
                          id=post.parent or post.id, count=len(images), network=network.name,
                          limit=network.max_images),
                      say("keep at most {limit}, or give {network} its own `images:` under `variants:`",
                          limit=network.max_images, network=network.name), post,
                      together=say("{posts} have {count} images on {network}, which takes at most {limit}",
                                   posts=THE_POSTS, count=len(images), network=network.name,
                                   limit=network.max_images))


@rule("image-missing", "error", "A referenced image or file does not exist")
def image_missing(ctx: CheckContext) -> Iterator[Problem]:
    content = ctx.plan.content_root
    if content is None:
        return
    exists: dict[str, bool] = {}
    yield from _missing_linked_files(ctx, content, exists)
    reported: set[tuple[Source, str]] = set()  # one entry's image, on four networks: one finding
    # An article online is judged whatever its date, as its body's links are: a broken page online is a
    # problem now (its `image:` is its header and its sharing card).
    coming = {i.id for i in ctx.upcoming}  # ids: comparing whole items took seconds on 10,000 posts
    online = [i for i in ctx.plan.items if i.kind == "article" and i.status == "published" and i.id not in coming]
    online_ids = {i.id for i in online}
    for item in [*online, *ctx.upcoming]:
        if item.kind not in ("post", "article") or item.status == "withheld":
            continue
        for written, local, where, what in _files_of(item):
            if local not in exists:
                exists[local] = is_file(content / local)
            if exists[local] and outside_content(content, local) and (where, local) not in reported:
                reported.add((where, local))
                yield outside_problem(where, written, content, local, item,
                                      ctx.now if item.id in online_ids else None)
            if exists[local] or (where, local) in reported:
                continue
            reported.add((where, local))
            shown = Path(content.name) / local
            named = item.parent or item.id
            message = (say("video '{video}' of '{id}' not found: there is no {path}", video=written, id=named,
                           path=shown) if what == "video"
                       else say("cover '{cover}' of the video of '{id}' not found: there is no {path}",
                                cover=written, id=named, path=shown) if what == "cover"
                       else say("subtitles '{subtitles}' of the video of '{id}' not found: there is no {path}",
                                subtitles=written, id=named, path=shown) if what == "subtitles"
                       else say("image '{image}' of '{id}' not found: there is no {path}", image=written,
                                id=named, path=shown))
            yield Problem(where, message, nearest_file(content, local), item,
                          when=ctx.now if item.id in online_ids else None)
    if ctx.plan.default_image is not None:
        image, where = ctx.plan.default_image
        path = content_path(image)
        if not is_file(content / path):
            yield Problem(where, say("DEFAULT_IMAGE is '{image}', and there is no {path}: every page without an "
                                     "image of its own would share a missing image", image=image,
                                     path=Path(content.name) / path),
                          nearest_file(content, path), when=ctx.now)
    for suggestion in ctx.plan.calendar.ambassadors.suggestions:
        staff = in_content(suggestion.image) if suggestion.image else None
        if staff is not None and not is_file(content / staff):
            yield Problem(suggestion.field_sources.get("image", suggestion.source),
                          say("image '{image}' of the suggestion to staff '{title}' not found: there is no {path}",
                              image=suggestion.image, title=suggestion.title or suggestion.article or "",
                              path=Path(content.name) / staff),
                          nearest_file(content, staff), when=ctx.now)


def _files_of(item: Item) -> Iterator[tuple[str, str, Source, str]]:
    """Each file of content/ an item shows: as written, its path from the folder, where it is written, and
    what it is ("image", "video", or a video's "cover" and "subtitles")."""
    for media in item.media:
        parts = ((media.path, media.source, media.kind), (media.cover, media.cover_source, "cover"),
                 (media.subtitles, media.subtitles_source, "subtitles"))
        for written, where, what in parts:
            path = in_content(written) if written else None
            if written and path is not None:
                yield written, path, where or item.source, what


def _missing_linked_files(ctx: CheckContext, content: Path, exists: dict[str, bool]) -> Iterator[Problem]:
    """``{static}``, ``{attach}`` and ``{filename}`` links of the articles' and pages' texts, to files that
    are not there.

    Pelican only logs them, and the page goes out with a broken image or link.
    Every article that is or will be online is judged, whatever its date: a
    broken page online is a problem now; so is every page not in draft (:func:`linking_texts`).
    """
    texts = list(linking_texts(ctx))
    for text in texts:
        for linked in text.files:
            if linked.target not in exists:
                exists[linked.target] = is_file(content / linked.target)
            if exists[linked.target]:
                if outside_content(content, linked.target):
                    yield outside_problem(linked.source, linked.written, content, linked.target, text.item,
                                          text.when)
                continue
            if names_an_article(linked.written, linked.target):
                continue  # a link to an article: article-link's, with the file to write
            yield Problem(linked.source, say("'{written}' in {text} links to {path}, which does not exist",
                                             written=linked.written, text=text.named,
                                             path=Path(content.name) / linked.target),
                          nearest_file(content, linked.target, linked.written), text.item, when=text.when)
    yield from _misplaced_addressed_images(ctx, content, texts)


def _misplaced_addressed_images(ctx: CheckContext, content: Path, texts: list[LinkingText]) -> Iterator[Problem]:
    """An image an article or a page shows by its address from the site's root (``![](/static/uploads/a.jpg)``,
    as a web editor whose public folder is not where it saved the file writes it), which the content folder does
    not have there but has elsewhere under that name: a broken image on the blog, Pelican saying nothing.
    Under a SITEURL with a folder (``https://example.fr/blog``), an address of its host outside that folder
    (``/images/a.png``) is a broken image too, whatever the content folder has there. An address naming no
    file of the content folder at all may be a theme's or a plugin's: not judged, unless it is in a folder of
    content/ the build publishes (``/images/nexiste.png``, content/images/ a folder of STATIC_PATHS)."""
    site_url = ctx.plan.site_url or ""
    prefix = urllib.parse.urlsplit(site_url).path.rstrip("/")
    by_name: dict[str, list[str]] | None = None
    for text in texts:
        for link in text.links:
            found = _addressed_image(link.written, site_url)
            if found is None:
                continue
            path, outside = found
            if not outside and is_file(content / path):
                continue
            if by_name is None:
                by_name = _files_by_name(content)
            named = by_name.get(unicodedata.normalize("NFC", posixpath.basename(path)))
            if named:
                # The file whose folders end as the address's do (`/static/uploads/a.jpg`: uploads/a.jpg); a
                # space as %20, which holds in every kind of link.
                best = max(named, key=lambda other: common_tail(other, path))
                hint: Message | None = say("the file is {file}: write {address}", file=Path(content.name) / best,
                                           address=f"{prefix}/{best.replace(' ', '%20')}")
            elif not outside and path.startswith("wp-content/uploads/"):
                # An article imported from WordPress: its images at the old site's address, which is the blog's.
                hint = say("WordPress's uploads: copy its wp-content/uploads/ folder into {content}/wp-content/"
                           "uploads/ and add \"wp-content\" to STATIC_PATHS, and the images keep their addresses",
                           content=content.name)
            else:  # Decap CMS's uploads in Hugo's static/, beside the content folder: the blog has none of them
                hint = None if outside else outside_copy(content, path)
                if hint is None:
                    if not outside and link.image and missing_published_file(content, path, ctx.plan.blog_files):
                        # `![r](/images/nexiste.png)`, in a folder of content/ the build publishes (a file linked
                        # to, not shown, is article-link's).
                        yield Problem(link.source, say("'{written}' in {text} links to {path}, which does not "
                                                       "exist", written=link.written, text=text.named,
                                                       path=Path(content.name) / path),
                                      nearest_file(content, path, link.written), text.item, when=text.when)
                    continue
            message = say("'{written}' in {text} shows an image at an address outside the blog ({site}): a "
                          "broken image", written=link.written, text=text.named, site=site_url) \
                if outside else say("'{written}' in {text} shows an image the blog does not have at that "
                                    "address: there is no {path}", written=link.written, text=text.named,
                                    path=Path(content.name) / path)
            yield Problem(link.source, message, hint, text.item, when=text.when)


def _addressed_image(written: str, site_url: str) -> tuple[str, bool] | None:
    """The path in the content folder of an image named by its address from the host's root or in full,
    read as a browser reads it (:func:`edcal.addresses.blog_path`), with whether that address is outside
    the blog's folder (its host's, under a SITEURL with a folder); None for another site's address, one
    relative to the article's, the theme's, or no image."""
    if not written.startswith("/") and "://" not in written:
        return None
    path, outside = blog_path(written, site_url), False
    if path is None and site_url:  # the host's: read from its root
        path, outside = blog_path(written, urllib.parse.urljoin(site_url, "/")), True
    if path is None or path.startswith("theme/") or posixpath.splitext(path)[1].lower() not in IMAGE_SUFFIXES:
        return None
    return path, outside


def _files_by_name(content: Path) -> dict[str, list[str]]:
    """The content folder's files by name (NFC), each with its paths from the folder, sorted."""
    found: dict[str, list[str]] = {}
    for folder, folders, files in os.walk(content):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in files:
            path = (Path(folder) / name).relative_to(content).as_posix()
            found.setdefault(unicodedata.normalize("NFC", name), []).append(path)
    return {name: sorted(paths) for name, paths in found.items()}


@rule("missing-alt-text", "warning", "An image has no alt text")
def missing_alt_text(ctx: CheckContext) -> Iterator[Problem]:
    for item in ctx.upcoming:
        if item.kind not in ("post", "article") or item.status == "withheld":
            continue
        for media in item.media:
            if not media.is_video and not (media.alt or "").strip():
                field = "image_alt:" if item.kind == "article" else "alt:"
                yield Problem(media.source or item.source,
                              say("image '{image}' of '{id}' has no alt text: people using screen readers "
                                  "will miss it", image=media.path, id=item.id),
                              say("describe the image in `{field}`", field=field), item,
                              together=say("image '{image}' of {posts} has no alt text: people using screen "
                                           "readers will miss it", image=media.path, posts=THE_POSTS))
        article = ctx.plan.article_of(item) if item.kind == "article" else None
        for where in article.unlabelled_images if article is not None else ():
            yield Problem(where, say("an image in the text of '{id}' has no alt text: people using screen "
                                     "readers will miss it", id=item.id),
                          say("describe it between the brackets, ![what the image shows](…), or in the "
                              "<img> tag's alt=\"…\""), item)
    yield from _suggestions_without_alt(ctx)


@rule("missing-subtitles", "warning", "A video has no subtitles")
def missing_subtitles(ctx: CheckContext) -> Iterator[Problem]:
    """Most people scroll past a video with the sound off, and deaf people cannot hear it: its words belong in
    a subtitles file, which the review page plays and the networks take at upload."""
    for post in ctx.posts():
        for media in post.media:
            if media.is_video and not media.subtitles:
                yield Problem(media.source or post.source,
                              say("video '{video}' of '{id}' has no subtitles: people watching without sound, "
                                  "and deaf people, will miss what is said", video=media.path, id=post.id),
                              say("add its subtitles, e.g. video: {example} (silence the rule for a video "
                                  "without words)", example=_with_subtitles(media)), post,
                              together=say("video '{video}' of {posts} has no subtitles: people watching without "
                                           "sound, and deaf people, will miss what is said", video=media.path,
                                           posts=THE_POSTS))


def _with_subtitles(media: Any) -> str:
    """The video's mapping with its subtitles beside what it has (its cover, its alt text kept): the
    subtitles file named after the video, ``{file: videos/a.mp4, alt: …, subtitles: videos/a.vtt}``."""
    local = media.path if "://" not in media.path else "videos/" + media.path.rsplit("/", 1)[-1]  # a URL's
    parts = [f"file: {media.path}", *([f"cover: {media.cover}"] if media.cover else []),
             *(["alt: …"] if media.alt else []), f"subtitles: {local.rsplit('.', 1)[0]}.vtt"]
    return "{" + ", ".join(parts) + "}"


def _suggestions_without_alt(ctx: CheckContext) -> Iterator[Problem]:
    articles = ctx.plan.articles_by_slug()
    for suggestion in ctx.plan.calendar.ambassadors.suggestions:
        article = articles.get(suggestion.article or "")
        if article is not None and article.image == suggestion.image and article.image_alt:
            continue  # the article's own image, with the article's alt text
        if suggestion.image and not (suggestion.alt or "").strip():
            yield Problem(suggestion.field_sources.get("image", suggestion.source),
                          say("image '{image}' of the suggestion to staff '{title}' has no alt text: people "
                              "using screen readers will miss it", image=suggestion.image,
                              title=suggestion.title or suggestion.article or ""),
                          say("describe the image in `{field}`", field="alt:"), when=ctx.now)


@rule("alt-too-long", "error", "An image's alt text is longer than the network allows")
def alt_too_long(ctx: CheckContext) -> Iterator[Problem]:
    networks = ctx.plan.calendar.networks
    for post in ctx.posts():
        network = networks[post.network or ""]
        for media in post.media:  # an image's: a video's alt text is no network's field
            if network.alt_limit is not None and not media.is_video and len(media.alt or "") > network.alt_limit:
                yield Problem(media.source or post.source,
                              say("the alt text of '{id}' is {length:,} characters, over {network}'s limit of "
                                  "{limit:,}", id=post.id, length=len(media.alt or ""), network=network.name,
                                  limit=network.alt_limit), say("shorten `alt:`"), post,
                              together=say("the alt text of {posts} is {length:,} characters, over {network}'s "
                                           "limit of {limit:,}", posts=THE_POSTS, length=len(media.alt or ""),
                                           network=network.name, limit=network.alt_limit))


@rule("image-unfit", "warning", "An image its network refuses through its API: too heavy, or out of its shapes")
def image_unfit(ctx: CheckContext) -> Iterator[Problem]:
    """Bluesky takes images of at most 1 MB, Instagram shapes from 4:5 to 1.91:1: a scheduler posting
    through the API fails, and the apps shrink or crop what the team chose."""
    content = ctx.plan.content_root
    if content is None:
        return
    networks = ctx.plan.calendar.networks
    measured: dict[str, tuple[int, tuple[int, int] | None] | None] = {}
    for post in ctx.posts():
        network = networks[post.network or ""]
        if network.max_image_bytes is None and network.image_aspect is None:
            continue
        for media in post.media:
            path = in_content(media.path) if not media.is_video else None
            if path is not None and path not in measured:
                try:
                    measured[path] = ((content / path).stat().st_size, image_size(content / path))
                except OSError:
                    measured[path] = None  # image-missing tells
            found = measured[path] if path is not None else None
            if found is None:
                continue
            size, shape = found
            where = media.source or post.source
            limit = network.max_image_bytes
            if limit is not None and size > limit:
                yield Problem(where, say("{network} post '{id}': image '{image}' weighs {size:,} kB, over {network}'s "
                                         "{limit:,} kB: refused when posted through its API or a scheduler",
                                         network=network.name, id=post.id, image=media.path,
                                         size=-(-size // 1000), limit=limit // 1000),
                              say("compress it (JPEG or WebP), or give {network} a lighter image under {place}",
                                  network=network.name, place=_image_place(ctx, post)), post,
                              together=say("{network}: image '{image}' of {posts} weighs {size:,} kB, over "
                                           "{network}'s {limit:,} kB: refused when posted through its API or a "
                                           "scheduler", network=network.name, posts=THE_POSTS, image=media.path,
                                           size=-(-size // 1000), limit=limit // 1000))
            if network.image_aspect is not None and shape is not None and shape[1]:
                narrowest, widest = network.image_aspect
                ratio = shape[0] / shape[1]
                # A hundredth of slack: 1080 x 566 is 1.908, Instagram's own "1.91:1".
                if (aspect_ratio(narrowest) or 0) - 0.01 <= ratio <= (aspect_ratio(widest) or 0) + 0.01:
                    continue
                yield Problem(where, say("{network} post '{id}': image '{image}' is {width}×{height} ({ratio}:1), "
                                         "outside {network}'s shapes from {narrowest} to {widest}: its app crops "
                                         "it, its API refuses it", network=network.name, id=post.id,
                                         image=media.path, width=shape[0], height=shape[1], ratio=f"{ratio:.2f}",
                                         narrowest=narrowest, widest=widest),
                              say("crop it between {narrowest} and {widest} (1080×{tallest} to 1080×{lowest}), "
                                  "or give {network} another image under {place}", place=_image_place(ctx, post),
                                  narrowest=narrowest,
                                  widest=widest, network=network.name,
                                  tallest=round(1080 / (aspect_ratio(narrowest) or 1)),
                                  lowest=round(1080 / (aspect_ratio(widest) or 1))), post,
                              together=say("{network}: image '{image}' of {posts} is {width}×{height} ({ratio}:1), "
                                           "outside {network}'s shapes from {narrowest} to {widest}: its app crops "
                                           "it, its API refuses it", network=network.name, posts=THE_POSTS,
                                           image=media.path, width=shape[0], height=shape[1], ratio=f"{ratio:.2f}",
                                           narrowest=narrowest, widest=widest))


#: The width an article's image needs: the theme's text column is 44rem (704 CSS pixels), 1,408 on a phone's
#: or a laptop's screen of two pixels a point.
_PAGE_IMAGE_WIDTH = 1600
#: A size with its unit: ``1 MB``, ``500 kB``, ``1,5 Mo``.
_SIZE = re.compile(r"(?P<number>\d+(?:[.,]\d+)?)\s*(?P<unit>[km])(?:b|o)?", re.IGNORECASE)


def _size(text: str) -> int:
    """``1 MB``, ``500 kB`` (``Mo``, ``ko`` in French): a size in bytes, counted as the messages say it (1 MB is
    1,000,000 bytes)."""
    found = _SIZE.fullmatch(str(text).strip())
    if found is None:
        raise ValueError(say("found '{text}', expected a size such as '1 MB' or '500 kB'", text=text))
    number = float(found.group("number").replace(",", "."))
    return round(number * (1_000_000 if found.group("unit").lower() == "m" else 1_000))


@rule("image-too-large", "warning", "An image an article shows weighs more than a page should load",
      options=(Option("max_size", 1_000_000, _size, "The heaviest an article's image may be (default 1 MB).",
                      unit="bytes"),))
def image_too_large(ctx: CheckContext) -> Iterator[Problem]:
    """A photo straight from a phone (3 to 10 MB) in an article's `image:` or text: every reader's page, on a
    phone too, loads it whole. Sizes only, from the file system: no image is read. Judged for every article that
    is or will be online, as image-missing is."""
    content = ctx.plan.content_root
    if content is None:
        return
    limit = int(ctx.options["max_size"])
    sizes: dict[str, int | None] = {}
    for article, item in ctx.articles_on_their_way():
        images = [(article.where("image"), article.image, content_path(article.image))] if article.image else []
        images += [(linked.source, linked.written, linked.target) for linked in article.linked_files
                   if os.path.splitext(linked.target)[1].lower() in IMAGE_SUFFIXES]
        for where, written, path in images:
            if "://" in path:
                continue
            if path not in sizes:
                try:
                    sizes[path] = os.stat(content / path).st_size
                except (OSError, ValueError):
                    sizes[path] = None  # image-missing tells
            size = sizes[path]
            if size is None or size <= limit:
                continue
            yield Problem(where, say("image '{image}' of article '{slug}' weighs {size:,.1f} MB, more than {limit:,} "
                                     "MB: every reader's page loads it whole, on a phone too", image=written,
                                     slug=article.slug, size=math.ceil(size / 100_000) / 10, limit=limit / 1_000_000),
                          say("resize it ({width:,} pixels wide is plenty for the page's column) and compress it (JPEG or "
                              "WebP, quality about 80), keeping its name: {path}", width=_PAGE_IMAGE_WIDTH,
                              path=Path(content.name) / path),
                          item, when=max(article.date, ctx.now) if article.date else None)


def _image_place(ctx: CheckContext, post: Item) -> str:
    """Where a network's own image is given: the entry's `variants:`, or an article's own promotion's `social:`."""
    if ctx.entry(post) is None and post.article:
        return say("`social:` in the article's header")
    return "`variants:`"


@rule("too-many-hashtags", "error", "A post has more hashtags than its network takes")
def too_many_hashtags(ctx: CheckContext) -> Iterator[Problem]:
    networks = ctx.plan.calendar.networks
    for post in ctx.posts():
        network = networks[post.network or ""]
        if network.max_hashtags is None:
            continue
        # Those of its first comment count too (Instagram's hashtags, moved there): the post's, as the draft
        # template counts them; whether a network counts a comment's apart is documented nowhere.
        tags = hashtags_in(post.text or "") + hashtags_in(post.first_comment or "")
        if len(tags) > network.max_hashtags == 0:
            yield Problem(ctx.text_source(post), say("{network} post '{id}' has hashtags ({tags}); {network} takes "
                                                     "none (max_hashtags: 0)", network=network.name,
                                                     id=post.id, tags=" ".join(tags)),
                          say("remove the hashtags from `text:`"), post,
                          together=say("{network}: {posts} have hashtags ({tags}); {network} takes none "
                                       "(max_hashtags: 0)", network=network.name, posts=THE_POSTS, tags=" ".join(tags)))
        elif len(tags) > network.max_hashtags:
            yield Problem(ctx.text_source(post), say("{network} post '{id}' has {count} hashtags ({tags}); {network} "
                                           "takes at most {limit}", network=network.name, id=post.id,
                                           count=len(tags), tags=" ".join(tags), limit=network.max_hashtags),
                          say("remove hashtags from `text:` (or `first_comment:`), or from the campaign's "
                              "`hashtags:`"), post,
                          together=say("{network}: {posts} have {count} hashtags ({tags}); {network} takes at most "
                                       "{limit}", network=network.name, posts=THE_POSTS, count=len(tags),
                                       tags=" ".join(tags), limit=network.max_hashtags))
        for index, reply in enumerate(post.thread):  # each reply is a post of its own
            tags = hashtags_in(reply.text)
            if len(tags) > network.max_hashtags:
                yield Problem(ctx.reply_source(post, index),
                              say("{network} post '{id}': reply {number} of its thread has {count} hashtags ({tags}); "
                                  "{network} takes at most {limit}", network=network.name, id=post.id,
                                  number=index + 1, count=len(tags), tags=" ".join(tags), limit=network.max_hashtags),
                              say("remove hashtags from this reply"), post)


@rule("content-warning-lost", "warning", "A post's content warning (`cw:`) is on a network that shows none: its "
      "text goes out unwarned")
def content_warning_lost(ctx: CheckContext) -> Iterator[Problem]:
    networks = ctx.plan.calendar.networks
    for post in ctx.posts():
        network = networks[post.network or ""]
        dropped = None if network.content_warning else _dropped(ctx, post, "cw")
        if dropped is None:
            continue
        cw, where = dropped
        yield Problem(where, say("{network} post '{id}' has a content warning ({cw}), which {network} does not "
                                 "show: its text goes out unwarned", network=network.name, id=post.id, cw=cw),
                      say("give {network} a text of its own under `variants:`, or leave it out there (`skip: "
                          "true`); or set `content_warning: true` on a network that has them", network=network.name),
                      post, together=say("{network}: {posts} have a content warning ({cw}), which {network} does "
                                         "not show: their text goes out unwarned", network=network.name,
                                         posts=THE_POSTS, cw=cw))


@rule("first-comment-too-long", "error", "A post's first comment is longer than its network allows")
def first_comment_too_long(ctx: CheckContext) -> Iterator[Problem]:
    networks = ctx.plan.calendar.networks
    for post in ctx.posts():
        if post.comment_length is None or post.comment_limit is None or post.comment_length <= post.comment_limit:
            continue
        network = networks[post.network or ""]
        length, limit = post.comment_length, post.comment_limit
        unit = _unit(network.limit.counting, post.first_comment or "", network)
        hint = say("shorten `first_comment:` by {excess:,} (or this network's under `variants:`)",
                   excess=length - limit)
        if network.in_first_comment:  # the tracked link (100 characters and more) or the hashtags count too
            hint = say("{hint}; what the network's `in_first_comment:` puts there ({moved}) counts too", hint=hint,
                       moved=", ".join(network.in_first_comment))
        yield Problem(ctx.comment_source(post),
                      say("{network} post '{id}' has a first comment {length:,} long, over the limit of {limit:,} "
                          "by {excess:,}, counted in {unit}", network=network.name, id=post.id, length=length,
                          limit=limit, excess=length - limit, unit=unit),
                      hint, post,
                      together=say("{network}: {posts} have a first comment {length:,} long, over the limit of "
                                   "{limit:,} by {excess:,}, counted in {unit}", network=network.name,
                                   posts=THE_POSTS, length=length, limit=limit, excess=length - limit, unit=unit))


@rule("first-comment-lost", "warning", "A post's first comment (`first_comment:`) is on a network that takes "
      "none: it is not posted")
def first_comment_lost(ctx: CheckContext) -> Iterator[Problem]:
    networks = ctx.plan.calendar.networks
    for post in ctx.posts():
        network = networks[post.network or ""]
        dropped = None if network.comment_limit is not None else _dropped(ctx, post, "first_comment")
        if dropped is None:
            continue
        comment, where = dropped
        shown = comment if len(comment) <= 60 else comment[:59] + "…"
        message = say("{network} post '{id}' has a first comment ({comment}), which {network} does not take: it "
                      "is not posted", network=network.name, id=post.id, comment=shown)
        link = URL_IN_TEXT.search(comment)
        if link is not None and post.url is None and not URL_IN_TEXT.search(post.text or ""):
            # LinkedIn's way, a link in the first comment, copied to a network that takes none: the post
            # goes out without any link (its draft has none).
            message = say("{message}, and with it the post's only link ({url})", message=message,
                          url=link.group(0))
        yield Problem(where, message,
                      say("post it as the thread's first reply (`thread:`): {network} answers a post with another",
                          network=network.name) if network.replies else
                      say("put what matters in {network}'s text under `variants:`, or leave the network out there "
                          "(`skip: true`); a network of your own that takes comments sets `comment_limit:`",
                          network=network.name),
                      post, together=say("{network}: {posts} have a first comment ({comment}), which {network} "
                                         "does not take: it is not posted", network=network.name,
                                         posts=THE_POSTS, comment=shown))


@rule("thread-too-long", "error", "A reply of a post's thread is longer than its network allows")
def thread_too_long(ctx: CheckContext) -> Iterator[Problem]:
    networks = ctx.plan.calendar.networks
    for post in ctx.posts():
        for index, reply in enumerate(post.thread):
            for counting, length, limit in reply.lengths:
                if length <= limit:
                    continue
                network = networks[post.network or ""]
                number = index + 1
                hint = say("shorten this reply by {excess:,}, or split it in two", excess=length - limit)
                if post.cw:
                    hint = say("{hint}; the content warning, which each reply carries, counts too ({count:,} of "
                               "the {length:,})", hint=hint, count=COUNTERS[counting](post.cw), length=length)
                yield Problem(ctx.reply_source(post, index),
                              say("{network} post '{id}': reply {number} of its thread is {length:,} long, over the "
                                  "limit of {limit:,} by {excess:,}, counted in {unit}", network=network.name,
                                  id=post.id, number=number, length=length, limit=limit, excess=length - limit,
                                  unit=_unit(counting, reply.text, network)),
                              hint, post,
                              together=say("{network}: {posts}: reply {number} of their thread is {length:,} long, "
                                           "over the limit of {limit:,} by {excess:,}, counted in {unit}",
                                           network=network.name, number=number, posts=THE_POSTS, length=length,
                                           limit=limit, excess=length - limit, unit=_unit(counting, reply.text, network)))
                break  # one finding a reply: its first limit broken


@rule("thread-lost", "warning", "A post's thread (`thread:`) is on a network that takes none: its replies are not "
      "posted")
def thread_lost(ctx: CheckContext) -> Iterator[Problem]:
    networks = ctx.plan.calendar.networks
    for post in ctx.posts():
        network = networks[post.network or ""]
        lost = _lost_thread(ctx, post)
        if lost is None:
            continue
        thread, where = lost
        count = len(thread)
        yield Problem(where, say_count(count, "{network} post '{id}' has a thread of {count} reply, which {network} "
                                       "does not take: it is not posted",
                                       "{network} post '{id}' has a thread of {count} replies, which {network} does "
                                       "not take: they are not posted", network=network.name, id=post.id),
                      say("give {network} a text of its own under `variants:` with what matters (or a first "
                          "comment, `first_comment:`, where it takes one), or leave it out there (`skip: true`); a "
                          "network of your own that takes replies sets `replies: true`", network=network.name),
                      post, together=say_count(count, "{network}: {posts} have a thread of {count} reply, which "
                                           "{network} does not take: it is not posted",
                                           "{network}: {posts} have a thread of {count} replies, which {network} "
                                           "does not take: they are not posted", network=network.name,
                                           posts=THE_POSTS))


def _lost_thread(ctx: CheckContext, post: Item) -> tuple[Any, Source] | None:
    """The thread a post's entry gives it on a network that takes none, with where it is written
    (`thread-lost`); None when it has none there, or its own words (a variant's text)."""
    network = ctx.plan.calendar.networks[post.network or ""]
    return None if network.replies else _dropped(ctx, post, "thread")


def _dropped(ctx: CheckContext, post: Item, name: str) -> tuple[Any, Source] | None:
    """What a post's entry gives it under ``name`` (``cw``, ``first_comment``, ``thread``), for a network that
    drops it: its variant's, else the entry's, and where it is written (a thread: its first reply); None
    without one, or where the network has words of its own (a variant's text, written for it) and no value
    of its own."""
    entry = ctx.entry(post)
    if entry is None:
        return None
    variant = entry.variants.get(post.network or "")
    own = variant is not None and getattr(variant, name) is not None
    written = variant if own and variant is not None else entry
    value = getattr(written, name)
    if not value or (not own and variant is not None and variant.text):
        return None
    where = (written.thread_sources[:1] or (None,))[0] if name == "thread" else written.field_sources.get(name)
    return value, where or post.source


#: What announces a thread in a post: the spool of thread (🧵), as networks' users write it.
THREAD_SIGN = "\U0001f9f5"


@rule("thread-promised", "warning", "A post announces a thread (🧵) that does not follow it")
def thread_promised(ctx: CheckContext) -> Iterator[Problem]:
    """An article's `social:` text with its 🧵 is every step's of its promotion, whose thread goes with one
    post only: the reminder "Au cas où vous l'auriez manqué : 🧵 …" promised replies nobody posts."""
    networks = ctx.plan.calendar.networks
    articles = ctx.plan.articles_by_slug()
    for post in ctx.posts():
        if post.thread or THREAD_SIGN not in (post.text or "") or _lost_thread(ctx, post) is not None:
            continue  # a thread its network drops: `thread-lost` tells it, and how to give it its own text
        network = networks[post.network or ""]
        entry = ctx.entry(post)
        article = articles.get(post.article or "")
        override = article.social.per_network.get(network.id) if article else None
        source = ctx.text_source(post)
        if source is post.source and override is not None and override.text and THREAD_SIGN in override.text:
            source = override.source or source
        variant = entry.variants.get(network.id) if entry is not None else None
        # Its promotion's thread, as resolution gives it (an empty `thread: []` under `variants:` gives none):
        # another step took it. A one-off post's thread is its own.
        promotion = entry is None or entry.kind == "promote"
        own = variant is not None and variant.thread is not None
        thread = (variant.thread if own and variant is not None else entry.thread if entry is not None else ()) \
            or (override.thread if override is not None and not own else ())
        threaded = bool(promotion and network.replies and thread)
        hint = (say("its promotion's thread goes with one post, its first once the article is online: give the "
                    "other steps texts of their own without 🧵 (`texts:` in its calendar.yaml entry), or make the "
                    "thread a post of its own (`at:` and `article:`), apart from the promotion")
                if threaded and entry is not None else
                # The blog's default promotion: no entry to give `texts:` to.
                say("its promotion's thread goes with one post, its first once the article is online: take 🧵 out "
                    "of the article's {network} text under `social:`, or make the thread a post of its own (`at:` "
                    "and `article:`) and the article's {network} text one without 🧵", network=network.name)
                if threaded else
                say("write its replies under `thread:`, or take 🧵 out of its text") if network.replies else
                say("{network} takes no thread: take 🧵 out of its text under `variants:`", network=network.name))
        yield Problem(source, say("{network} post '{id}' announces a thread (🧵), but no reply follows it",
                                  network=network.name, id=post.id), hint, post,
                      together=say("{network}: {posts} announce a thread (🧵), but no reply follows them",
                                   network=network.name, posts=THE_POSTS))


@rule("too-many-links", "error", "A post has more distinct links than its network takes")
def too_many_links(ctx: CheckContext) -> Iterator[Problem]:
    networks = ctx.plan.calendar.networks
    for post in ctx.posts():
        network = networks[post.network or ""]
        if network.max_links is None:
            continue
        links = set(URL_IN_TEXT.findall(post.pasted))  # a link Bluesky shows short is one too
        if len(links) > network.max_links:
            yield Problem(ctx.text_source(post), say("{network} post '{id}' has {count} distinct links; {network} "
                                           "takes at most {limit}", network=network.name, id=post.id,
                                           count=len(links), limit=network.max_links),
                          say("keep the most important links"), post,
                          together=say("{network}: {posts} have {count} distinct links; {network} takes at most "
                                       "{limit}", network=network.name, posts=THE_POSTS, count=len(links),
                                       limit=network.max_links))
        for index, reply in enumerate(post.thread):  # each reply is a post of its own
            links = set(URL_IN_TEXT.findall(reply.pasted))
            if len(links) > network.max_links:
                yield Problem(ctx.reply_source(post, index),
                              say("{network} post '{id}': reply {number} of its thread has {count} distinct links; "
                                  "{network} takes at most {limit}", network=network.name, id=post.id,
                                  number=index + 1, count=len(links), limit=network.max_links),
                              say("keep the most important links"), post)


@rule("link-not-clickable", "warning", "A post's text holds a URL its network does not make clickable")
def link_not_clickable(ctx: CheckContext) -> Iterator[Problem]:
    """Instagram, Pinterest and TikTok show a URL in a caption as text: a long tracked address nobody can
    follow, beside the draft's "Lien en bio"."""
    networks = ctx.plan.calendar.networks
    for post in ctx.posts():
        network = networks[post.network or ""]
        found = URL_IN_TEXT.search(post.pasted) if not network.links_clickable else None
        in_comment = URL_IN_TEXT.search(post.first_comment or "") if not network.links_clickable else None
        if in_comment is not None:
            yield Problem(ctx.comment_source(post),
                          say("{network} post '{id}' shows {url} as text in its first comment: {network} makes no "
                              "link in a comment clickable", network=network.name, id=post.id,
                              url=in_comment.group()),
                          say("leave the address out of the first comment: the draft points to the link in the "
                              "profile's bio"), post,
                          together=say("{network}: {posts} show {url} as text in their first comment: {network} "
                                       "makes no link in a comment clickable", network=network.name,
                                       posts=THE_POSTS, url=in_comment.group()))
        if found is None:
            continue
        source = ctx.text_source(post)
        hint = (say("leave the address out of the pin's text (under `variants:`): `link:` gives the pin its own "
                    "link, the one Pinterest makes clickable") if network.link_field else
                say("leave the address out of this network's text (under `variants:`): the draft points to the "
                    "link in the profile's bio"))
        yield Problem(source, say("{network} post '{id}' shows {url} as text: {network} makes no link in its "
                                  "text clickable", network=network.name, id=post.id, url=found.group()), hint, post,
                      together=say("{network}: {posts} show {url} as text: {network} makes no link in its text "
                                   "clickable", network=network.name, posts=THE_POSTS, url=found.group()))


#: An address as written, up to the next space (``gemini://…`` and Mastodon's other schemes too).
_WRITTEN_ADDRESS = re.compile(rf"(?:https?|{'|'.join(OTHER_SCHEMES)})://\S+", re.IGNORECASE)
#: What closes a quote or a bracket: glued after an address, Bluesky's app links it with the address.
_CLOSING = "»”’›\"'…]"
#: Quotes that open, before an address: the hint writes the space French typography puts after them.
_OPENING = "«“‘‹\"'["
#: English quotes, which take no space inside them: the hint writes the fix that links without one.
_ENGLISH_OPENING = "“‘\"'"
_ENGLISH_CLOSING = "”’\"'"


def _word_before(text: str, end: int) -> str:
    """The word that ends at ``end`` in ``text`` (at most its last 30 characters)."""
    start = end
    while start > 0 and end - start < 30 and not text[start - 1].isspace():
        start -= 1
    return text[start:end]


def _meant(written: str) -> str:
    """The address a writer means by ``written`` (up to the next space): without the punctuation, the quotes
    and the brackets that close around it (``…/Python_(langage)`` and ``…/Table[1]`` keep their own)."""
    opened = {")": written.count("("), "]": written.count("[")}  # none of them is taken off: counted once
    closed = {")": written.count(")"), "]": written.count("]")}
    end = len(written)
    while end:
        last = written[end - 1]
        if last in closed and opened[last] < closed[last]:  # `…/x)` closes no bracket of its own
            closed[last] -= 1
        elif last not in ".,;:!?»”’›\"'…":
            break
        end -= 1
    return written[:end]


#: The word at a place of a text, up to the next space.
_WORD = re.compile(r"\S+")


def _word_at(text: str, start: int) -> str:
    """The characters of ``text`` from ``start`` up to the next space (read there, not from a copy of the
    rest of the text: a 100 kB text holds thousands of addresses)."""
    found = _WORD.match(text, start)
    return found.group() if found else ""


#: How a network finds the links of a text: where each starts, and where it ends.
_LinkFinder = Callable[[str], dict[int, int]]


def _links_found(network: Network) -> _LinkFinder | None:
    """How ``network`` finds links in a text: as Bluesky's app does (its links shown short), as Mastodon's
    servers do (twitter-text's expression with their own path and query), as twitter-text does (X: a URL
    costs the same whatever its length, bare domains too); None when edcal does not know."""
    if network.link_display == "shortened":
        return lambda text: dict(app_links(text, bare=True))
    if network.finds_links_as_mastodon:
        return lambda text: dict(mastodon_links(text))
    if network.url_length is not None:
        return lambda text: {link["indices"][0]: link["indices"][1] for link in url_entities(text)}
    return None


#: An address that percent-encoded characters link whole: the characters (quoted, for a hint) and the address so
#: written.
_Encoded = tuple[str, str]


def _glued(text: str, network: Network) -> Iterator[tuple[str, int, str, str, _Encoded | None]]:
    """What ``network`` does not link as meant in ``text``, as ``(how, where, meant, link, encoded)``: ``before``,
    an address or a hashtag glued to the character before it, which the network makes nothing of; ``after``, an
    address the network links with what is glued after it (``link``); ``cut``, one it links part of. ``encoded``:
    the characters to percent-encode for the network to link the address whole once standing alone (where it
    is ``cut``, or would be once the space between it and what is glued to it is written), or None."""
    find = _links_found(network)
    if find is not None:
        written = [(found.start(), _meant(found.group())) for found in scheme_matches(_WRITTEN_ADDRESS, text)]
        if network.link_display == "shortened":  # the app links a bare domain as it does an address
            written += [(link["indices"][0], _meant(_word_at(text, link["indices"][0])))
                        for link in url_entities(text) if "://" not in link["url"]]
        links = find(text) if written else {}  # no address written: nothing to find (most texts)
        for start, address in sorted(written):
            if start not in links:
                alone = find(f" {address}").get(1) if start else None
                if alone is not None:  # standing alone, it is a link
                    yield "before", start, address, "", _encoding(address, alone - 1, find)
                continue
            link = text[start:links[start]]
            if link.startswith(address) and link[len(address):].strip("?"):  # "?" asks nothing
                alone = find(f" {address}").get(1)
                yield "after", start, address, link, None if alone is None else _encoding(address, alone - 1, find)
            elif link != address and address.startswith(link):
                encoded = _percent_encoded(address, link, find)
                if encoded is not None:
                    yield "cut", start, address, link, encoded
    if network.facets:  # hashtags are found by the app too
        tags = tag_starts(text)
        for found in HASHTAG.finditer(text):
            if found.start() not in tags and found.start() and tag_starts(f" {found.group()}"):
                yield "before", found.start(), found.group(), "", None


def _encoding(address: str, linked: int, find: _LinkFinder) -> _Encoded | None:
    """What to percent-encode in ``address`` for the network to link it whole, standing alone, where it links
    its first ``linked`` characters: None where it links it whole, or where no encoding links more."""
    return None if linked >= len(address) else _percent_encoded(address, address[:linked], find)


def _glued_after(meant: str, tracking: frozenset[str], values: dict[str, Any]) -> tuple[Message, Message]:
    """What link-glued says of ``meant`` linked with the character glued after it: in its query's last value
    (a tracked link's campaign), the page opens with that value; in its path, the address does not exist."""
    parts = urllib.parse.urlsplit(meant)
    if parts.fragment:  # the anchor has the character too: no such place in the page
        values = {**values, "fragment": f"#{parts.fragment}"}
        return (say("{network} post '{id}' has {address} glued to the '{char}' after it: {network} links {link} "
                    "with the '{char}', which opens the page at its top, not at {fragment}", **values),
                say("{network}: {posts} have {address} glued to the '{char}' after it: {network} links {link} "
                    "with the '{char}', which opens the page at its top, not at {fragment}", **values,
                    posts=THE_POSTS))
    name, _, value = parts.query.rpartition("&")[2].partition("=")
    if parts.query and not parts.fragment and value:
        values = {**values, "parameter": f"{name}={value}{values['char']}"}
        if name in tracking | CAMPAIGN_PARAMETERS:
            return (say("{network} post '{id}' has {address} glued to the '{char}' after it: {network} links {link} "
                        "with the '{char}', which opens the page but counts its visits under {parameter}", **values),
                    say("{network}: {posts} have {address} glued to the '{char}' after it: {network} links {link} "
                        "with the '{char}', which opens the page but counts their visits under {parameter}",
                        **values, posts=THE_POSTS))
        return (say("{network} post '{id}' has {address} glued to the '{char}' after it: {network} links {link} with "
                    "the '{char}', which opens the page with {parameter}", **values),
                say("{network}: {posts} have {address} glued to the '{char}' after it: {network} links {link} with "
                    "the '{char}', which opens the page with {parameter}", **values, posts=THE_POSTS))
    return (say("{network} post '{id}' has {address} glued to the '{char}' after it: {network} links {link} with the "
                "'{char}', an address that does not exist", **values),
            say("{network}: {posts} have {address} glued to the '{char}' after it: {network} links {link} with the "
                "'{char}', an address that does not exist", **values, posts=THE_POSTS))


#: Each bracket and the one that pairs with it: encoded together, the address reads as it was written.
_PAIRED = {"[": "]", "]": "[", "(": ")", ")": "(", "{": "}", "}": "{", "<": ">", ">": "<"}


def _percent_encoded(address: str, link: str, find: _LinkFinder) -> _Encoded | None:
    """The characters of ``address`` to percent-encode for a network that links ``link`` of it only (the one
    it stops before, the bracket paired with it, as often as it stops), and the address so written; None
    where it stops in the host or the port, or before a letter or a digit (no encoding links more)."""
    authority = _authority_end(address)
    encoded: set[str] = set()
    fixed = address
    while len(link) < len(fixed):
        stop = fixed[len(link)]
        if len(link) <= authority or stop in encoded or (stop.isascii() and stop.isalnum()) or stop == "%":
            return None
        encoded |= {stop} | ({_PAIRED[stop]} & set(address) if stop in _PAIRED else set())
        fixed = address[:authority] + "".join(urllib.parse.quote(char, safe="") if char in encoded else char
                                              for char in address[authority:])
        end = find(f" {fixed}").get(1)
        if end is None:
            return None
        link = fixed[:end - 1]
    characters = sorted(encoded, key=address.index)
    return " ".join(f"'{char}'" for char in characters), fixed


def _authority_end(address: str) -> int:
    """Where the host and port of ``address`` end: what is after them may be percent-encoded."""
    scheme_end = address.index("://") + 3
    return min((at for at in map(address.find, "/?#", [scheme_end] * 3) if at >= 0), default=len(address))


#: The parentheses of an address, percent-encoded: a ')' glued after it then closes the writer's bracket.
_PARENTHESES = "'(' ')'"


def _bracket_closed_after(address: str, network: Network) -> str | None:
    """``address`` with its own parentheses percent-encoded (``…/Serrurerie_%28métier%29``), where
    ``network`` links a ')' glued after it with it: Bluesky's app does when the address holds a '('
    (``(voir https://…/Serrurerie_(métier))``), and ends the link before the ')' once they are encoded; None
    where the network ends the link before the ')' already, or would not once they are encoded."""
    find = _links_found(network)
    if find is None or "(" not in address:
        return None
    end = find(f" {address})").get(1)
    if end is None or end - 1 <= len(address):
        return None
    authority = _authority_end(address)
    fixed = address[:authority] + address[authority:].replace("(", "%28").replace(")", "%29")
    return fixed if find(f" {fixed})").get(1) == len(fixed) + 1 else None


@rule("link-glued", "warning", "A post's address or hashtag is glued to a guillemet or another character before or "
      "after it, or holds one its network stops at: the network links none of it, part of it, or it with the "
      "character")
def link_glued(ctx: CheckContext) -> Iterator[Problem]:
    """``«https://exemple.fr/x»``: Bluesky's app links an address or a hashtag after a space or "(" only, to
    the next space; X's twitter-text links both, but no address glued to a letter or a digit (Mastodon finds
    links as it does)."""
    networks = ctx.plan.calendar.networks
    for post in ctx.posts():
        network = networks[post.network or ""]
        for text in ctx.texts(post, pasted=True):
            told = set()  # the same words glued again in a text: the same finding, told once
            for how, start, meant, link, encoded in _glued(text.text, network):
                said = (how, meant, link, _word_before(text.text, start), _word_at(text.text, start))
                if said not in told:
                    told.add(said)
                    yield _glued_problem(ctx, post, text, network, how, start, meant, link, encoded)


def _as_typed(ctx: CheckContext, post: Item, network: Network) -> Callable[[str], str]:
    """An address of ``post`` as its writer types it: without the parameters edcal added to it, those the
    writer typed kept (``?utm_source=newsletter``, which edcal leaves as written and adds nothing to)."""
    plan = ctx.plan
    tracking = plan.calendar.tracking
    if network.utm_medium is not None:
        tracking = dataclasses.replace(tracking, medium=network.utm_medium)
    values = tracking_values(network, plan.calendar.campaigns.get(post.campaign or ""),
                             plan.articles_by_slug().get(post.article or ""), post.parent or post.id, post.id)

    def typed(address: str) -> str:
        bare = tracking.untracked(address)
        return bare if bare != address and track(bare, values, tracking, plan.site_url) == address else address

    return typed


#: The quote each English closing quote closes.
_OPENER = {"”": "“", "’": "‘", '"': '"', "'": "'"}


def _quote_open(text: str, end: int, closing: str) -> bool:
    """Whether a quote that ``closing`` closes is open at ``end`` of ``text`` (within its last 280 characters):
    ``“See https://…”``, not ``Voir https://…”,`` nor ``l'adresse https://…'``, an apostrophe."""
    opener = _OPENER[closing]
    at = text.rfind(opener, max(0, end - 280), end)
    while at > 0 and opener == closing and not text[at - 1].isspace():  # an apostrophe, or a quote closed
        at = text.rfind(opener, max(0, end - 280), at)
    return at >= 0 and (opener == closing or closing not in text[at:end])


def _glued_problem(ctx: CheckContext, post: Item, text: PostText, network: Network, how: str, start: int,
                   meant: str, link: str, encoded: _Encoded | None) -> Problem:
    """link-glued's finding about ``meant``, an address or a hashtag at ``start`` in one of a post's texts: its
    message what the network does with it, its hint all there is to write for the network to link it whole
    (the percent-encoded address, and a space, at once: one followed, the other was told next)."""
    values = {"network": network.name, "id": post.id, "address": meant}
    # The messages give what the network links, edcal's tracking parameters included; the hints what to
    # write, the address as the writer types it.
    typed = _as_typed(ctx, post, network)
    address = meant if encoded is None else encoded[1]  # what to write
    if how == "cut":
        assert encoded is not None  # _glued told it for that reason
        characters, fixed = encoded
        rest = meant[len(link):]
        glued = _glued_after_encoded(text.text, start, meant, fixed, network)
        hint = say("percent-encode {characters} in the address: {fixed}", characters=characters,
                   fixed=typed(fixed)) if glued is None else _spaced_after(text.text, start, meant, glued, typed(fixed))
        if glued is not None:
            hint = say("percent-encode {characters} in the address, and {then}", characters=characters, then=hint)
        return Problem(ctx.words_at(post, text), say(
            "{network} post '{id}' has {address}: {network} links {link} only, and shows '{rest}' as text after it",
            **values, link=link, rest=rest), hint,
            post, together=say("{network}: {posts} have {address}: {network} links {link} only, and shows '{rest}' "
                               "as text after it", **{**values, "posts": THE_POSTS}, link=link, rest=rest))
    if how == "after":
        char = link[len(meant):]
        message, together = _glued_after(meant, ctx.plan.calendar.tracking.names, {**values, "char": char,
                                                                                    "link": link})
        closed = _bracket_closed_after(meant, network) if char == ")" and encoded is None else None
        if closed is not None:  # the writer's bracket closes glued: the address's own are encoded
            return Problem(ctx.words_at(post, text), message,
                           say("percent-encode {characters} in the address: {fixed}", characters=_PARENTHESES,
                               fixed=typed(closed) + _word_at(text.text, start)[len(meant):]),
                           post, together=together)
        return Problem(ctx.words_at(post, text), message,
                       _encoded_too(encoded, _spaced_after(text.text, start, meant, char, typed(address))),
                       post, together=together)
    char = text.text[start - 1]
    written = _word_at(text.text, start)
    closing = written[len(meant):len(meant) + 1]
    closed = _bracket_closed_after(meant, network) if closing == ")" and encoded is None \
        and not meant.startswith("#") else None
    if closed is not None:  # standing alone, the address would be linked with the bracket's ')'
        encoded = (_PARENTHESES, closed)
        address = closed
    # a quote closes after a space, as it opens; a bracket closes glued, which ends a hashtag as well
    fixed = (meant if meant.startswith("#") else typed(address)) + (
        f" {closing}" if closing and closing in _CLOSING else ")" if closing == ")" else "")
    if meant.startswith("#"):
        message = say("{network} post '{id}' has {address} glued to the '{char}' before it: {network} makes no "
                      "hashtag of it, and shows it as text", **values, char=char)
        together = say("{network}: {posts} have {address} glued to the '{char}' before it: {network} makes no "
                       "hashtag of it, and shows it as text", **{**values, "posts": THE_POSTS}, char=char)
    else:
        message = say("{network} post '{id}' has {address} glued to the '{char}' before it: {network} makes no "
                      "link of it, and shows the address whole, as text", **values, char=char)
        together = say("{network}: {posts} have {address} glued to the '{char}' before it: {network} makes no link "
                       "of it, and shows the address whole, as text", **{**values, "posts": THE_POSTS}, char=char)
    what = say("the hashtag") if meant.startswith("#") else say("the address")
    if char in _ENGLISH_OPENING and closing and closing in _ENGLISH_CLOSING:  # “https://…”: no space inside
        hint = say("write {what} without the quotes around it: {fixed}", what=what,
                   fixed=meant if meant.startswith("#") else typed(address))
    elif char in _ENGLISH_OPENING:  # “https://… is our site”: the one space that links it
        hint = say("put a space between '{char}' and {what}: {fixed}", char=char, what=what, fixed=f"{char} {fixed}")
    elif char in _OPENING:
        hint = say("put a space between '{char}' and {what}: {fixed} (or a narrow no-break space, U+202F)",
                   char=char, what=what, fixed=f"{char} {fixed}")
    else:  # `lignehttps://`: the word, not 'e'
        hint = say("put a space before {what}: {fixed}", what=what, fixed=f"{_word_before(text.text, start)} {fixed}")
    return Problem(ctx.words_at(post, text), message, _encoded_too(encoded, hint), post, together=together)


def _encoded_too(encoded: _Encoded | None, hint: Message) -> Message:
    """``hint``, told to percent-encode the address's ``encoded`` characters first if it has any."""
    return hint if encoded is None else say("percent-encode {characters} in the address, and {then}",
                                            characters=encoded[0], then=hint)


def _glued_after_encoded(text: str, start: int, meant: str, fixed: str, network: Network) -> str | None:
    """What ``network`` links glued after ``fixed``, ``meant`` percent-encoded, written in its place in
    ``text`` (the characters glued after ``meant`` there), or None."""
    find = _links_found(network)
    after = _word_at(text, start)[len(meant):]
    end = find(f" {fixed}{after}").get(1) if find is not None and after else None
    return f"{fixed}{after}"[len(fixed):end - 1] if end is not None and end - 1 > len(fixed) else None


def _spaced_after(text: str, start: int, meant: str, char: str, address: str) -> Message:
    """The hint for ``meant`` at ``start`` of ``text``, linked with ``char`` glued after it: the space to write
    between them, or the English quote to close before it; ``address``, the address to write."""
    # English closes its quote on the words, before the address (`“see https://…”`); not after a "("
    if char in _ENGLISH_CLOSING and text[start - 1:start].isspace() and _quote_open(text, start, char):
        return say("close the quote before the address: {fixed}",
                   fixed=f"{_word_before(text, start - 1)}{char} {address}")
    return say("put a space between the address and '{char}': {address} {written} (or a narrow no-break space, "
               "U+202F)", char=char, address=address, written=_word_at(text, start)[len(meant):])


@rule("forbidden-characters", "error", "A post contains characters its network refuses")
def forbidden_characters(ctx: CheckContext) -> Iterator[Problem]:
    networks = ctx.plan.calendar.networks
    for post in ctx.posts():
        network = networks[post.network or ""]
        if not network.forbidden_characters:
            continue
        found = sorted(set(post.text or "") & set(network.forbidden_characters))
        if found:
            yield Problem(ctx.text_source(post), say("{network} post '{id}' contains {characters}, which {network} "
                                           "refuses", network=network.name, id=post.id,
                                           characters=" ".join(repr(c) for c in found)),
                          say("remove or replace them"), post,
                          together=say("{network}: {posts} contain {characters}, which {network} refuses",
                                       network=network.name, posts=THE_POSTS,
                                       characters=" ".join(repr(c) for c in found)))


#: Characters that show as nothing, which a paste from a word processor or a web page leaves in a text.
_ZERO_WIDTH = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
#: A run of spaces, plain or not, read once (an expression wanting a no-break space in it tried a run of plain
#: spaces again from each of them: 40,000 took 9 seconds).
_SPACES = re.compile("[ \u00a0\u202f\u2009]+")
#: A space other than the plain one: where a run worth reading starts from (most runs are one plain space).
_OTHER_SPACE = re.compile("[\u00a0\u202f\u2009]")


def _space_gap(text: str) -> tuple[int, int, int] | None:
    """The first run of spaces wider than one with a no-break one in it (a word processor's layout), and where
    that no-break space is: ``(at, start, end)``; None without one. French typography's no-break space before
    ``: ; ! ? » %`` or after ``«`` is not the no-break space told, the composer putting one there in place of a
    plain space (two plain spaces before ``!`` are the writer's); two no-break spaces there are a double space."""
    position = 0
    while (other := _OTHER_SPACE.search(text, position)) is not None:  # only the runs that hold one
        start = other.start()
        while start and text[start - 1] == " ":  # the plain spaces before it, each read once
            start -= 1
        run = _SPACES.match(text, other.start())
        assert run is not None  # it starts with a space
        position = end = run.end()
        if end - start < 2:
            continue
        first, last = start, end
        if text[start - 1:start] == "«":
            first += 1
        if end < len(text) and text[end] in ":;!?»%":
            last -= 1
        at = next((index for index in range(first, last) if text[index] != " "), None)
        if at is not None:
            return at, start, end
    return None


@rule("invisible-character", "warning", "A post's text holds a character that shows as nothing (a soft hyphen, a "
      "zero-width space, a byte-order mark) or a run of no-break spaces, pasted from a word processor")
def invisible_character(ctx: CheckContext) -> Iterator[Problem]:
    """``#Portes\u00adOuvertes`` (Word's soft hyphen): the hashtag ends at the hyphen on the network, and the
    writer, who sees none, cannot tell why."""
    for post in ctx.posts():
        network = ctx.plan.calendar.networks[post.network or ""]
        for text in ctx.texts(post):
            part = (say("its text") if text.part == "text" else say("its first comment") if text.part == "comment"
                    else say("reply {number} of its thread", number=text.index + 1))
            # Said of the posts of one text at once (one for each network, each week): it is in the words.
            their = (say("their text") if text.part == "text" else say("their first comment")
                     if text.part == "comment" else say("reply {number} of their thread", number=text.index + 1))
            joiners = emoji_joiners(text.text)
            seen: dict[str, list[int]] = {}
            for found in _ZERO_WIDTH.finditer(text.text):
                if found.start() not in joiners:
                    seen.setdefault(found.group(), []).append(found.start())
            for char, places in seen.items():
                others = len(places) - 1
                hint = say("delete it (it came with text pasted from a word processor or a web page)") \
                    if not others else say_count(others, "delete it, and the other one in this text (they came "
                                                 "with text pasted from a word processor or a web page)",
                                                 "delete it, and the {count} others in this text (they came with "
                                                 "text pasted from a word processor or a web page)")
                values = {"char": INVISIBLE[char], "code": ord(char), "index": places[0] + 1,
                          "around": _around(text.text, places[0], places[0] + 1)}
                yield Problem(ctx.words_at(post, text), say(
                    "{network} post '{id}' has {char} (U+{code:04X}) at character {index} of {part}, in '{around}': "
                    "invisible, it is counted, and ends a hashtag, a link or a word where it stands",
                    network=network.name, id=post.id, part=part, **values), hint, post,
                    together=say("{posts} have {char} (U+{code:04X}) at character {index} of {part}, in "
                                 "'{around}': invisible, it is counted, and ends a hashtag, a link or a word where "
                                 "it stands", posts=THE_POSTS, part=their, **values))
            gap = _space_gap(text.text)
            if gap is not None:
                at, *run = gap
                char = text.text[at]
                values = {"char": INVISIBLE[char], "code": ord(char), "index": at + 1,
                          "around": _around(text.text, *run)}
                yield Problem(ctx.words_at(post, text), say(
                    "{network} post '{id}' has {char} (U+{code:04X}) at character {index} of {part}, in a run of "
                    "spaces ('{around}'): a gap pasted from a word processor, wider than one space, and counted",
                    network=network.name, id=post.id, part=part, **values),
                    say("write one plain space there"), post,
                    together=say("{posts} have {char} (U+{code:04X}) at character {index} of {part}, in a run of "
                                 "spaces ('{around}'): a gap pasted from a word processor, wider than one space, "
                                 "and counted", posts=THE_POSTS, part=their, **values))


def _around(text: str, start: int, end: int) -> str:
    """The words around ``text[start:end]``, its invisible characters named (``Portes[U+00AD]Ouvertes``)."""
    left, right = start, end
    while left > 0 and start - left < 20 and not text[left - 1].isspace():
        left -= 1
    while right < len(text) and right - end < 20 and not text[right].isspace():
        right += 1
    return "".join(f"[U+{ord(c):04X}]" if c in INVISIBLE else c for c in text[left:right])


#: A fediverse address (Mastodon…): ``@lea@piaille.fr``; not an e-mail (a word before the ``@``).
_FEDIVERSE_ADDRESS = re.compile(r"(?<![\w@/.])@[\w.-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+", re.IGNORECASE)
#: A Bluesky handle, a domain name: ``@lea.bsky.social``.
_DOMAIN_HANDLE = re.compile(r"(?<![\w@/.])@[^\W\d][\w-]*(?:\.[^\W\d][\w-]*)+(?![\w@.-])")
#: A plain ``@name`` (X's, Instagram's, a Mastodon local account): no one on Bluesky, whose handles are domains.
_PLAIN_HANDLE = re.compile(r"(?<![\w@/.])@[^\W\d]\w*(?![\w@.-]|\.\w)")


@rule("mention-elsewhere", "warning", "A post mentions someone by another network's address")
def mention_elsewhere(ctx: CheckContext) -> Iterator[Problem]:
    """``@lea@piaille.fr`` copied to X tags ``@lea``, someone else; ``@lea.bsky.social`` links no one on Mastodon.

    Dotted handles are judged on Mastodon-like networks and X only: Instagram,
    Threads, Facebook, TikTok and YouTube handles may hold dots (``@atelier.morel``).
    """
    networks = ctx.plan.calendar.networks
    for post in ctx.posts():
        network = networks[post.network or ""]
        # The text, then each reply of its thread (a thread written once for X, Mastodon and Bluesky).
        for text in ctx.texts(post):
            if text.part == "comment":
                continue
            for handle in _other_networks_handles(text.text, network):
                yield Problem(ctx.written_at(post, text),
                              say("{network} post '{id}' mentions {handle}, an address on another network: "
                                  "{network} would link another account, or none", network=network.name,
                                  id=post.id, handle=handle),
                              say("write that person's {network} handle, or their name, in the {network} text "
                                  "(`variants: {{{network_id}: {{text: …}}}}`)", network=network.name,
                                  network_id=network.id) if text.part == "text" else
                              say("write that person's {network} handle, or their name, in the {network} thread "
                                  "(`variants: {{{network_id}: {{thread: […]}}}}`)", network=network.name,
                                  network_id=network.id), post,
                              together=say("{network}: {posts} mention {handle}, an address on another network: "
                                           "{network} would link another account, or none", network=network.name,
                                           posts=THE_POSTS, handle=handle))


@rule("mention-not-tagged", "warning", "A LinkedIn or Facebook post's @mention, pasted, would tag no one")
def mention_not_tagged(ctx: CheckContext) -> Iterator[Problem]:
    """``Merci @Maison Dupont`` pasted into LinkedIn or Facebook stays words: no page is tagged nor told."""
    networks = ctx.plan.calendar.networks
    for post in ctx.posts():
        network = networks[post.network or ""]
        if not network.mentions_picked:  # an @Name pasted elsewhere is a mention (or another rule's)
            continue
        for text in ctx.texts(post):
            if "@" not in text.text:
                continue
            handles = list(dict.fromkeys(_PLAIN_HANDLE.findall(_FEDIVERSE_ADDRESS.sub(" ", text.text))))
            if not handles:
                continue
            handle = ", ".join(handles)
            yield Problem(ctx.written_at(post, text),
                          say("{network} post '{id}' mentions {handle}: pasted, {network} keeps it as text and "
                              "tags no one", network=network.name, id=post.id, handle=handle),
                          say("after pasting, type the mention again in {network}'s composer and pick the page "
                              "or the person from its list; or write the name without @", network=network.name),
                          post,
                          together=say("{network}: {posts} mention {handle}: pasted, {network} keeps it as text "
                                       "and tags no one", network=network.name, posts=THE_POSTS, handle=handle))


def _other_networks_handles(text: str, network: Network) -> list[str]:
    """The addresses of another network's accounts a text on ``network`` mentions someone by."""
    if "@" not in text:
        return []
    fediverse = _FEDIVERSE_ADDRESS.findall(text)
    dotted = _DOMAIN_HANDLE.findall(_FEDIVERSE_ADDRESS.sub(" ", text))
    # Counting @user@domain as @user is a fediverse network's (a network of the site's own may say only that).
    if network.handles == "fediverse" or network.mention_counting == "local-part":
        return dotted  # no dot in a local account
    if network.handles == "domain":  # handles are domains: @partner.bsky.social
        return fediverse + _PLAIN_HANDLE.findall(_FEDIVERSE_ADDRESS.sub(" ", text))
    if network.handles == "plain":
        return fediverse + dotted
    if network.handles == "dotted":
        return fediverse
    return []  # a network of the site's own that does not say how its accounts are named


@rule("poll-limits", "error", "A post's poll (`poll:`) breaks its network's rules: no polls there, too many answers, "
      "an answer or the question too long, a duration it does not take, images beside it")
def poll_limits(ctx: CheckContext) -> Iterator[Problem]:
    networks = ctx.plan.calendar.networks
    count_characters = COUNTERS["characters"]
    for post in ctx.posts():
        poll = post.poll
        if poll is None:
            continue
        network = networks[post.network or ""]
        where = poll.source or post.source
        values: dict[str, Any] = {"network": network.name, "id": post.id}
        if network.poll_options is None:
            takers = sorted(n.name for n in networks.values() if n.poll_options is not None)
            hint = say("polls go out on {networks}: leave {network} out of this entry (`skip: true` under "
                       "`variants:`), or post there without it: `poll: null` under `{id}:` under `variants:`",
                       networks=", ".join(takers), network=network.name, id=network.id) if takers \
                else say("polls go out on X, Mastodon, LinkedIn and Threads: post it there, or without a poll")
            yield Problem(where, say("{network} post '{id}' has a poll, which {network} does not take", **values),
                          hint, post)
            continue
        if len(poll.options) > network.poll_options:
            yield Problem(where, say("{network} post '{id}': its poll has {count} answers, {network} takes "
                                     "{limit} at most", count=len(poll.options), limit=network.poll_options, **values),
                          say("keep {limit}, or give {network} answers of its own under `variants:`",
                              limit=network.poll_options, network=network.name), post)
        if network.poll_option_limit is not None:
            for index, option in enumerate(poll.options):
                length = count_characters(option)
                if length > network.poll_option_limit:
                    yield Problem(
                        poll.option_sources[index] if index < len(poll.option_sources) else where,
                        say("{network} post '{id}': answer {number} of its poll ('{option}') is {length} characters "
                            "long, over {network}'s {limit}", number=index + 1, option=option, length=length,
                            limit=network.poll_option_limit, **values),
                        say("shorten it by {excess}, or give {network} shorter answers under `variants:`",
                            excess=length - network.poll_option_limit, network=network.name), post)
        if network.poll_question_limit is not None:
            if not poll.question:
                yield Problem(where, say("{network} post '{id}': its poll has no question, which {network} asks "
                                         "apart from the text", **values),
                              say("add `question:` under `poll:` ({limit} characters at most)",
                                  limit=network.poll_question_limit), post)
            elif count_characters(poll.question) > network.poll_question_limit:
                length = count_characters(poll.question)
                yield Problem(poll.question_source or where,
                              say("{network} post '{id}': the question of its poll is {length} characters long, "
                                  "over {network}'s {limit}", length=length, limit=network.poll_question_limit,
                                  **values),
                              say("shorten it by {excess}", excess=length - network.poll_question_limit), post)
        yield from _poll_duration_problems(post, network, where)
        if post.media and not network.poll_media:
            yield Problem(where, say("{network} post '{id}' has a poll and {media}: {network} takes a poll only on a "
                                     "post without images or video",
                                     media=say("a video") if any(m.is_video for m in post.media) else say("images"),
                                     **values),
                          say("give the poll a post of its own, or the images a post of their own"), post)


def _poll_duration_problems(post: Item, network: Network, where: Source) -> Iterator[Problem]:
    """A poll open for a time its network does not take."""
    poll = post.poll
    assert poll is not None
    at = poll.duration_source or where
    values: dict[str, Any] = {"network": network.name, "id": post.id, "duration": say_duration(poll.minutes)}
    if network.poll_durations and poll.minutes not in network.poll_durations:
        choices = say_list([say_duration(minutes) for minutes in network.poll_durations])
        yield Problem(at, say("{network} post '{id}': its poll is open {duration}, which {network} does not take",
                              **values),
                      say("write one of: {choices}", choices=choices), post)
    elif network.poll_min_duration is not None and poll.minutes < network.poll_min_duration:
        yield Problem(at, say("{network} post '{id}': its poll is open {duration}, shorter than {network}'s "
                              "{shortest}", shortest=say_duration(network.poll_min_duration), **values),
                      say("write {shortest} or more", shortest=say_duration(network.poll_min_duration)), post)
    elif network.poll_max_duration is not None and poll.minutes > network.poll_max_duration:
        yield Problem(at, say("{network} post '{id}': its poll is open {duration}, longer than {network}'s "
                              "{longest}", longest=say_duration(network.poll_max_duration), **values),
                      say("write {longest} or less", longest=say_duration(network.poll_max_duration)), post)
