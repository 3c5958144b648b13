"""Links that would break on the day: promoting an article not live yet, or that does not exist, the
links of articles' texts that are dead on the blog, and a SITEURL that is no public address."""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import glob
import html
import posixpath
import re
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from edcal.addresses import (
    absolute,
    article_key,
    blog_path,
    is_site_url,
    on_other_port,
    page_key,
    site_pages,
    unreachable_site_url,
)
from edcal.checks.registry import THE_POSTS, CheckContext, PostText, Problem, rule
from edcal.checks.rules._files import (
    LinkingText,
    closest_file_name,
    is_file,
    linking_texts,
    missing_published_file,
    names_a_page,
    names_an_article,
    nearest_file,
)
from edcal.errors import closest
from edcal.i18n import Message, say
from edcal.load.articles import MARKDOWN_EXTENSIONS
from edcal.load.calendar_files import DEFAULT_SETTINGS
from edcal.model.article import IMAGE_SUFFIXES, Article
from edcal.model.calendar import PostEntry, Variant
from edcal.model.days import as_instant
from edcal.model.plan import BlogFiles, Item
from edcal.model.source import Source
from edcal.plan.compose import URL_IN_TEXT
from edcal.plan.linked import (
    articles_by_page,
    articles_by_title,
    post_article,
    title_key,
    undated_article,
    url_pattern,
)
from edcal.plan.share import site_addresses
from edcal.plan.status import article_state


@rule("post-before-article", "error",
      "A post links to or promotes an article before it is live, or an article that is not ready")
def post_before_article(ctx: CheckContext) -> Iterator[Problem]:
    plan = ctx.plan
    originals = plan.articles_by_slug()
    by_page = articles_by_page(plan)
    started: set[str | None] | None = None
    zone = plan.calendar.zone
    for post in ctx.posts():
        article = post_article(post, plan, by_page)
        if article is None or post.start is None:
            continue
        # Point at the entry's `article:`, `promote:`, `link:` or `text:` line: that is what to change (the
        # post itself is not copied with it: a copy of a post took 20 µs, for every post linking an article).
        entry = ctx.entry(post)
        where = post.source
        if entry is not None and not entry.implicit:
            variant = entry.variants.get(post.network or "")
            named = "article" in entry.field_sources or "promote" in entry.field_sources
            fields = ("article", "promote", "link") if named else ("link", "text")
            field = next((name for name in fields if name in entry.field_sources), None)
            elsewhere = None if named or _given_link(ctx, post) else _link_only_below(ctx, post)
            if not named and variant is not None and variant.link and "link" in variant.field_sources:
                where = variant.field_sources["link"]
            elif elsewhere is not None:  # written in its first comment, or a reply, only
                where = elsewhere
            elif field is not None:
                where = entry.field_sources[field]
        state = article_state(article, plan.calendar, plan.now, originals)  # a translation waits for its original
        when = post.start.astimezone(zone)  # type: ignore[attr-defined]  # a post has a time
        if article.status in ("draft", "review"):
            if post.status == "draft":
                continue  # the post waits for its article (a default promotion does)
            # A promotion of an article set back to draft: one finding for its posts, not one each.
            if post.url is None:  # a teaser: no link, but it announces an article that may never come
                being = say("a draft") if article.status == "draft" else say("still in review")
                message = say("post '{id}' ({when:%Y-%m-%d %H:%M}) announces '{slug}', which is {state}: it "
                              "may not be online when announced", id=post.id, when=when, slug=article.slug,
                              state=being)
                together = say("{posts} announce '{slug}', which is {state}: it may not be online when announced",
                               posts=THE_POSTS, slug=article.slug, state=being)
            elif article.status == "draft":
                message = say("post '{id}' ({when:%Y-%m-%d %H:%M}) links to '{slug}', which is a draft: "
                              "it will not be online", id=post.id, when=when, slug=article.slug)
                together = say("{posts} link to '{slug}', which is a draft: it will not be online",
                               posts=THE_POSTS, slug=article.slug)
            else:
                message = say("post '{id}' ({when:%Y-%m-%d %H:%M}) links to '{slug}', which is still in "
                              "review: it will not be online", id=post.id, when=when, slug=article.slug)
                together = say("{posts} link to '{slug}', which is still in review: it will not be online",
                               posts=THE_POSTS, slug=article.slug)
            if started is None:  # entries whose link to the article went out already (a teaser has none; a
                # skipped or withheld post did not go out): computed once, for the first finding
                started = {i.parent for i in plan.items
                           if i.kind == "post" and i.url is not None and i.skipped is None
                           and i.status == "published" and isinstance(i.start, dt.datetime)
                           and as_instant(i.start) <= as_instant(plan.now)}
            if entry is not None and entry.kind == "promote" and post.parent in started:
                # Taken down after its first posts (a job offer filled): what is still to come is to remove.
                hint = say("{path} was taken down after its first posts: remove the steps still to come from "
                           "`schedule:` (or end the entry), or publish it again", path=article.source.path)
            elif entry is not None and entry.kind == "promote" and not entry.implicit and article.status == "draft":
                # The line to change, and what to write there (`status: review` reads in either header style)
                hint = say("when {path} is written, write `status: review` for `status: draft` ({where}): its "
                           "promotions then wait for it; or publish it, or remove this entry until then",
                           path=article.source.path, where=article.where("status"))
            else:
                hint = say("publish the article ({path}) or move or remove the post", path=article.source.path)
            yield Problem(where, message, hint, post, together=together)
        elif state.live_at is None and state.waits_for is not None:
            original = state.waits_for.source.path
            yield Problem(where, say("post '{id}' ({when:%Y-%m-%d %H:%M}) links to '{slug}', a translation "
                                           "that waits for '{original}', not ready: it will not be online",
                                           id=post.id, when=when, slug=article.slug, original=original),
                          say("publish the original, or move or remove the post"), post,
                          together=say(
                              "{posts} link to '{slug}', a translation that waits for '{original}', not ready: "
                              "it will not be online", posts=THE_POSTS, slug=article.slug, original=original))
        elif state.live_at is None:
            yield Problem(where, say("post '{id}' ({when:%Y-%m-%d %H:%M}) links to '{slug}', held back "
                                           "by a freeze with no end", id=post.id, when=when, slug=article.slug),
                          say("end the freeze, or remove the post"), post,
                          together=say(
                              "{posts} link to '{slug}', held back by a freeze with no end", posts=THE_POSTS,
                              slug=article.slug))
        elif as_instant(post.start) < as_instant(state.live_at) and post.url is not None:  # type: ignore[arg-type]
            # (a teaser, a promotion's step before the article is online, has no link: nothing dead)
            if entry is None or entry.kind == "promote":  # a promotion's schedule: its offsets
                hint = say("schedule it at publication or later (`at publication`, `+1 day`…)")
            elif entry.kind == "repeat":
                hint = say("start the repetition once the article is online (`from:` under `repeat:`)")
            else:
                hint = say("move `at:` after the article goes online, or write the entry as `promote: {slug}` "
                           "with `schedule: [at publication]`", slug=article.slug)
            live = state.live_at.astimezone(zone)
            yield Problem(where, say("post '{id}' goes out {when:%Y-%m-%d %H:%M}, before '{slug}' is "
                                           "online ({live:%Y-%m-%d %H:%M}): its link would be a dead page",
                                           id=post.id, when=when, slug=article.slug, live=live), hint, post,
                          together=say(
                              "{posts} go out before '{slug}' is online ({live:%Y-%m-%d %H:%M}): their links "
                              "would be dead pages", posts=THE_POSTS, slug=article.slug, live=live))
    yield from _promoted_undated(ctx)


def _promoted_undated(ctx: CheckContext) -> Iterator[Problem]:
    """A `promote:` entry for a draft or an article in review that has no `date:` yet: it has no posts to
    judge (nothing to count its steps from), but it is the same slip as a dated draft's promotion."""
    originals = ctx.plan.articles_by_slug()
    for entry in ctx.plan.calendar.posts:
        article = originals.get(entry.article or "") if entry.kind == "promote" and not entry.implicit else None
        if article is None or article.date is not None or article.status not in ("draft", "review"):
            continue
        if "post-before-article" in entry.silenced:
            continue
        unready = say("a draft") if article.status == "draft" else say("still in review")
        yield Problem(entry.field_sources.get("promote", entry.source),
                      say("article '{slug}' is {state}, with no date to promote it from", slug=article.slug,
                          state=unready),
                      say("a promotion is for an article going online: remove this entry until {path} is ready "
                          "(`status: published` and its `date:`)", path=article.source.path))


@rule("unknown-article-link", "error", "A post or a suggestion to staff links to an address of the site that "
      "does not exist (an article, a page, a tag page, a file)")
def unknown_article_link(ctx: CheckContext) -> Iterator[Problem]:
    plan = ctx.plan
    if not plan.site_url or not plan.article_url_template:
        return
    site_path = urllib.parse.urlsplit(plan.site_url).path.rstrip("/")
    written = {urllib.parse.urlsplit(a.url).path for a in plan.articles if a.url}  # for suggestions, as they are
    known = articles_by_page(plan).keys()
    pages = site_pages(plan.page_urls, plan.site_url)
    shape = url_pattern(plan.article_url_template.lstrip("/"))
    originals = plan.articles_by_slug()

    files = plan.blog_files  # what the build writes (None: a plan not read through Pelican)
    files_written = sorted({f"{site_path}/{file.removesuffix('index.html')}" for file in files.files}) \
        if files is not None else []

    def in_blog(path: str) -> str | None:
        """The path in the blog's folder a URL's path opens (``//2027/a/`` names no host: servers read
        ``/2027/a/``)."""
        return blog_path("/" + path.lstrip("/"), plan.site_url)

    def dead(path: str) -> bool:
        opened = in_blog(path)
        if opened is None or page_key(opened) in known or page_key(opened) in pages:
            return False
        if files is not None and files.writes(opened):
            return False  # shaped as an article's, a page the build writes all the same (an archive: 2027/02/)
        if shape.match(opened):
            # An undated draft's address (no date, no address yet): the link waits for it, as an `article:` does.
            return undated_article(opened, plan.article_url_template, originals) is None
        # Another address of the blog: a tag page no article makes, a page or a file that is not there. One
        # that an article or a page held back makes (its tag's page) comes with it: `coming` judges when.
        return files is not None and not files.opens(opened) and not files.opens_later(opened)

    to_come = _PagesToCome(plan)

    def coming(path: str, when: dt.datetime) -> tuple[str, dt.datetime | None] | None:
        return to_come.after(in_blog(path), when)

    in_capitals = {article_key(address): address for address in [*files_written, *sorted(written)]}

    def meant(path: str) -> str | None:
        """The address the link meant: the one it is in other capitals (an article's first), else the
        article's address it is close to, else (a tag page, a file) the nearest address the build writes."""
        if (same := in_capitals.get(article_key(path))) is not None:
            return same
        if shape.match(in_blog(path) or ""):
            return closest(path, written)
        found = difflib.get_close_matches(path.casefold(), files_written, n=1, cutoff=0.85)
        return found[0] if found else None

    for suggestion in plan.calendar.ambassadors.suggestions:  # every employee would share a dead page
        addresses = [("link", absolute(suggestion.link, plan.site_url))] if suggestion.link else []
        addresses += [("text", url) for url in dict.fromkeys(site_addresses(suggestion.text or "", plan.site_url))]
        for field, url in addresses:
            path = urllib.parse.urlsplit(url).path
            if not is_site_url(url, plan.site_url) or not dead(path):
                continue
            yield Problem(suggestion.field_sources.get(field, suggestion.source),
                          say("the suggestion to staff '{title}' links to {path}, which is no article or page "
                              "of the site", title=suggestion.title or suggestion.article or "", path=path),
                          _meant_hint(path, meant(path)), when=ctx.now)
    host = urllib.parse.urlsplit(plan.site_url).netloc.removeprefix("www.").lower()
    for post in ctx.posts():
        # Its link (`link:`, or the first address of the site in its text, its first comment or a reply),
        # then any other address of the site these hold: a second link, mistyped, is as dead on the day.
        found = [(text, path) for text in ctx.texts(post, pasted=True) if host and host in text.text.lower()
                 for path in dict.fromkeys(urllib.parse.urlsplit(url).path
                                           for url in site_addresses(text.text, plan.site_url, paths=False)
                                           if is_site_url(url, plan.site_url))]
        told: set[str] = set()
        yield from _on_other_port(ctx, post)
        if post.url and not post.article and is_site_url(post.url, plan.site_url):
            path = urllib.parse.urlsplit(post.url).path
            # Told at its `link:`, or at the text that holds it: a comment's or a reply's link is told there.
            if _given_link(ctx, post) or not any(text.part != "text" and seen == path for text, seen in found):
                told.add(path)
                if dead(path):
                    yield _dead_link(ctx, post, "link", path, meant(path))
                elif (later := coming(path, post.start)) is not None:  # type: ignore[arg-type]
                    yield _before_its_page(ctx, post, "link", path, *later)
        for text, path in found:
            if path in told:  # one path, told once: at the first text that holds it
                continue
            told.add(path)
            if not dead(path):
                if (later := coming(path, post.start)) is not None:  # type: ignore[arg-type]
                    yield _before_its_page(ctx, post, text.part, path, *later, text)
                continue
            close = meant(path)
            if text.part == "text":
                yield _dead_link(ctx, post, "text", path, close)
                continue
            hint = _meant_hint(path, close)
            if text.part == "comment":
                yield Problem(ctx.written_at(post, text),
                              say("post '{id}' links to {path} in its first comment, which is no article or page "
                                  "of the site", id=post.id, path=path), hint, post,
                              together=say("{posts} link to {path} in their first comment, which is no article "
                                           "or page of the site", posts=THE_POSTS, path=path))
            else:
                yield Problem(ctx.written_at(post, text),
                              say("post '{id}' links to {path} in reply {number} of its thread, which is no "
                                  "article or page of the site", id=post.id, path=path, number=text.index + 1),
                              hint, post)


#: What an address on port 80 or 443 holds (``:443/``, ``:0080``): a text without it holds none, and is not read
#: for its addresses (each post's, for every post).
_DEFAULT_PORT = re.compile(r":0*(?:80|443)(?![0-9])")


def _on_other_port(ctx: CheckContext, post: Item) -> Iterator[Problem]:
    """A post's link to the blog written on another scheme's port (``http://…:443/``): no page, and no
    address of the blog to the other checks (:func:`edcal.addresses.on_other_port`)."""
    written = [("link", post.url)] if post.url and _DEFAULT_PORT.search(post.url) else []
    written += [(text.part, url) for text in ctx.texts(post, pasted=True) if _DEFAULT_PORT.search(text.text)
                for url in URL_IN_TEXT.findall(text.text)]
    told: set[str] = set()
    for field, url in written:
        meant = on_other_port(url, ctx.plan.site_url)
        if meant is None or url in told:
            continue
        told.add(url)
        port = urllib.parse.urlsplit(url).port
        yield Problem(_dead_link(ctx, post, "link" if field == "link" else "text", url, None).source,
                      say("post '{id}' links to {url}, an address of the blog on another scheme's port ({port}): "
                          "a browser opens no page there", id=post.id, url=url, port=port),
                      say("write {link}", link=meant), post)


def _before_its_page(ctx: CheckContext, post: Item, field: str, path: str, maker: str,
                     online: dt.datetime | None, text: PostText | None = None) -> Problem:
    """A post's link to a page the blog writes once an article or a page held back is online (a tag's page
    only an article to come has), going out before: dead on the day. Told where the link is written."""
    where = _dead_link(ctx, post, "link" if field == "link" else "text", path, None).source \
        if field in ("link", "text") or text is None else ctx.written_at(post, text)
    zone = ctx.plan.calendar.zone
    when = post.start.astimezone(zone)  # type: ignore[union-attr]
    if online is None:
        return Problem(where, say("post '{id}' ({when:%Y-%m-%d %H:%M}) links to {path}, which the blog writes only "
                                  "once {file} is online, and it is not ready (a draft, or no date)", id=post.id,
                                  when=when, path=path, file=maker),
                       say("publish {file} before the post, or link to a page that is online by then", file=maker),
                       post)
    return Problem(where, say("post '{id}' ({when:%Y-%m-%d %H:%M}) links to {path}, which the blog writes once "
                              "{file} is online, on {online:%Y-%m-%d %H:%M}: after the post", id=post.id, when=when,
                              path=path, file=maker, online=online),
                   say("move the post to {online:%Y-%m-%d %H:%M} or later, or link to a page that is online by "
                       "then", online=online), post)


def _link_only_below(ctx: CheckContext, post: Item) -> Source | None:
    """Where a post's link is written when its first comment or a reply holds it, and its text does not."""
    if not post.url:
        return None
    path = urllib.parse.urlsplit(post.url).path
    if path in (post.text or ""):
        return None
    if path in (post.first_comment or ""):
        return ctx.comment_source(post)
    return next((ctx.reply_source(post, index) for index, reply in enumerate(post.thread) if path in reply.text),
                None)


def _given_link(ctx: CheckContext, post: Item) -> bool:
    """Whether a post's link is written as `link:` (its network's under `variants:`, or the entry's)."""
    entry = ctx.entry(post)
    variant = entry.variants.get(post.network or "") if entry is not None else None
    return any(written is not None and written.link and "link" in written.field_sources
               for written in (variant, entry))


def _meant_hint(path: str, close: str | None) -> Message:
    """What to write for a link to ``path``, no page of the site: ``close``, the address it meant, saying so
    when only its capitals differ (edcal reads it as that page; the web server, as most hosts, does not)."""
    if close is None:
        return say("check the link, or use `article: <slug>`")
    if article_key(close) == article_key(path):
        return say("did you mean '{path}'? Its capitals differ: the web server answers 'not found'", path=close)
    return say("did you mean '{path}'?", path=close)


def _dead_link(ctx: CheckContext, post: Item, field: str, path: str, close: str | None) -> Problem:
    """A post's link to ``path``, no article or page of the site: told at the `link:` line that gives it
    (the network's own under `variants:` first), else at the text holding it."""
    entry = ctx.entry(post)
    variant = entry.variants.get(post.network or "") if entry is not None else None
    if field == "link" and variant is not None and variant.link and "link" in variant.field_sources:
        post = dataclasses.replace(post, source=variant.field_sources["link"])
    elif field == "link" and entry is not None and "link" in entry.field_sources:
        post = dataclasses.replace(post, source=entry.field_sources["link"])
    elif variant is not None and variant.text and "text" in variant.field_sources:
        post = dataclasses.replace(post, source=variant.field_sources["text"])
    elif entry is not None and "text" in entry.field_sources:
        post = dataclasses.replace(post, source=entry.field_sources["text"])
    return Problem(post.source, say("post '{id}' links to {path}, which is no article or page of the site",
                                    id=post.id, path=path),
                   _meant_hint(path, close), post,
                   together=say("{posts} link to {path}, which is no article or page of the site",
                                posts=THE_POSTS, path=path))


@rule("article-link", "error", "An article's or a page's text links to the site in a way that is dead on the blog")
def article_link(ctx: CheckContext) -> Iterator[Problem]:
    """Links Pelican leaves as written: a file's path (``entretien.md``, ``images/a.png``), another article's
    title for its address, an address of the site that is no article, a relative link to nothing the build
    writes (``Plan.blog_files``), or the address of an article not online yet (a dead link until then, and
    the future address shown to every reader); and ``{filename}`` links to an article's file that is not
    there (its title for its name, a path from the wrong folder), with the link to write.

    Judged for every article that is or will be online, whatever its date, as ``image-missing`` does, and
    for every page not in draft, online now (:func:`linking_texts`).
    """
    plan = ctx.plan
    content = plan.content_root
    site_path = urllib.parse.urlsplit(plan.site_url).path.rstrip("/") if plan.site_url else ""
    by_path = articles_by_page(plan)
    written = {urllib.parse.urlsplit(a.url).path for a in plan.articles if a.url}
    pages = site_pages(plan.page_urls, plan.site_url)
    shape = url_pattern(plan.article_url_template.lstrip("/")) if plan.article_url_template else None
    in_capitals = {article_key(address): address for address in sorted(written)}
    originals = plan.articles_by_slug()
    meant = _MeantArticle(plan)
    to_come = _PagesToCome(plan)
    for text in linking_texts(ctx):
        item, when = text.item, text.when
        if content is not None:
            for linked in text.files:
                if names_an_article(linked.written, linked.target) and not is_file(content / linked.target):
                    yield Problem(linked.source, say("'{written}' in {text} links to {path}, which does not "
                                                     "exist", written=linked.written, text=text.named,
                                                     path=Path(content.name) / linked.target),
                                  _missing_article_file(linked, text.file, content, meant), item, when=when)
        if not text.links:
            continue
        # When the text is online: an article's day (None: not known yet), a page's now.
        online = article_state(text.article, plan.calendar, plan.now, originals).live_at \
            if text.article is not None else ctx.now
        for link in text.links:
            if link.written.startswith(("[[", "![[")):
                yield dataclasses.replace(_wiki_link(link, text, content), item=item, when=when)
                continue
            parts = urllib.parse.urlsplit(link.written)
            resolved: tuple[str, bool] | None = None  # a relative link's path, and whether the build writes it
            if (parts.scheme or parts.netloc) and (parts.scheme.lower() not in ("http", "https")
                                                   or not is_site_url(link.written, plan.site_url)):
                continue  # another site's page: not ours to judge
            if parts.scheme or parts.netloc or link.written.startswith("/"):
                path, opened = parts.path, blog_path(link.written, plan.site_url)
                if opened is None:  # the host's, out of the blog's folder: not its to judge
                    continue
            else:
                # `[la suite](Prévenir la corrosion : l'entretien…)`: a title has no / (a path to a page may
                # read as one, `../a-propos/`)
                titled = meant.titled(urllib.parse.unquote(parts.path)) if "/" not in parts.path else None
                if titled is not None:
                    yield Problem(link.source, say("'{written}' in {text} is the title of {path}, not its "
                                                   "address: a dead link on the blog", written=link.written,
                                                   text=text.named, path=titled.source.path),
                                  say("write {link}", link="{filename}" + _file_from(titled, text.file)), item,
                                  when=when)
                    continue
                # Read from the text's address, as a browser reads it: fine when the build writes what it opens
                # (`../../images/a.png`); dead when it writes nothing there (known from a build's reading of the
                # site, and for a text with an address). Out of the blog's folder: not its to judge.
                opened = blog_path(link.written, plan.site_url, base=text.url or plan.site_url.rstrip("/") + "/")
                if opened is not None and parts.path and text.url and plan.blog_files is not None:
                    resolved = f"{site_path}/{opened}", plan.blog_files.opens(opened)
                if resolved is not None and resolved[1]:
                    continue
                problem = _file_link(link, text, content, meant, opened, plan.blog_files)
                if problem is not None:
                    yield dataclasses.replace(problem, item=item, when=when)
                    continue
                if opened is None:
                    continue
                path = f"{site_path}/{opened}"
            target = by_path.get(page_key(opened)) or undated_article(opened, plan.article_url_template, originals)
            if target is not None:
                if target.source.path == text.file:
                    continue
                reason = _not_online_yet(target, online, plan)
                if reason is None:
                    continue
                yield Problem(link.source, say("'{written}' in {text} links to the address of '{target}', {reason}: "
                                               "a dead link until then, and its address shown to every reader",
                                               written=link.written, text=text.named, target=target.slug,
                                               reason=reason),
                              say("link to its file, [text]({{filename}}{file}): the words show without a link until "
                                  "it is online", file=_file_from(target, text.file)), item, when=when)
                continue
            if page_key(opened) not in pages and shape is not None and shape.match(opened):
                # A slip of an article's address: told with the address it is close to, or is in other capitals.
                close = in_capitals.get(article_key(path)) \
                    or next(iter(difflib.get_close_matches(path, sorted(written), n=1, cutoff=0.85)), None)
                if close:
                    yield Problem(link.source, say("'{written}' in {text} links to {path}, which is no article or "
                                                   "page of the site", written=link.written, text=text.named,
                                                   path=path),
                                  _meant_hint(path, close), item, when=when)
                    continue
            if names_a_page(opened) and to_come.made_later(opened):
                # A page the blog writes once an article to come is online (the index's second page, a tag's):
                # dead while the text is online before it. (A file is image-missing's: one that live content
                # shows by its address is online with it, which the build's list may not know.)
                later = to_come.after(opened, online) if online is not None else None
                if later is not None:
                    yield _before_its_maker(link, text, path, *later)
                continue
            files = plan.blog_files
            if resolved is None and files is not None and not files.opens(opened) and not files.opens_later(opened) \
                    and names_a_page(opened):
                # In full or from the root, in a folder the blog writes in (2024/, tag/): no page of it, dead (an
                # old address of a blog moved from WordPress). Another of its host's (boutique/) is not judged,
                # nor a file's (an image is image-missing's; a category's feed, written by publishconf.py's
                # settings and not pelicanconf.py's, would be told dead under check's default settings).
                yield Problem(link.source, say("'{written}' in {text} links to {path}, which is no article or "
                                               "page of the site", written=link.written, text=text.named,
                                               path=path),
                              _moved_article_hint(opened, text, originals) or _other_form_hint(opened, site_path, files)
                              or _dead_relative_hint(path, parts.path, text, site_path, plan, originals),
                              item, when=when)
                continue
            if resolved is None and not link.image and content is not None \
                    and missing_published_file(content, opened, files) and not _image_elsewhere(content, opened):
                # From the root, a file of a folder of content/ the build publishes (images/), not there: a
                # broken link online (an image shown is image-missing's, as is an image's name the content
                # folder has elsewhere, told with its address).
                yield _no_file_problem(link, text, content, posixpath.dirname(opened),
                                       nearest_file(content, opened, link.written), item, when)
                continue
            if resolved is not None and names_a_page(opened):
                # Relative, and the build writes no page there: dead. (An address of the site written in full,
                # or from its root, out of the folders the blog writes in may be another program's on the same
                # server: not judged; nor a file's, as from the root: a feed publishconf.py writes.)
                yield Problem(link.source, say("'{written}' in {text} leads to {path}, which the blog does not "
                                               "have: a dead link", written=link.written, text=text.named,
                                               path=resolved[0]),
                              _dead_relative_hint(resolved[0], parts.path, text, site_path, plan, originals),
                              item, when=when)


class _PagesToCome:
    """The pages the blog writes once an article or a page held back is online (a tag's page only an article
    to come has, an image only it shows, the index's second page the next articles fill), and when."""

    def __init__(self, plan: Any) -> None:
        self.plan = plan
        self.files: BlogFiles | None = plan.blog_files
        self.by_file = {article.source.path: article for article in plan.articles}
        self.originals = plan.articles_by_slug()

    def made_later(self, opened: str | None) -> bool:
        """Whether the path ``opened`` is such a page, not there at this build."""
        return opened is not None and self.files is not None and self.files.opens_later(opened) \
            and not self.files.writes_now(opened)

    def after(self, opened: str | None, when: dt.datetime) -> tuple[str, dt.datetime | None] | None:
        """When a link online at ``when`` opens such a page, and none of the articles and pages that make it
        is online by then: the file of the first to come online, and when (None: none has a date, or all are
        drafts). None when the page is there by then."""
        makers = self.files.made_by(opened) if self.files is not None and opened is not None else ()
        if not makers or (opened is not None and self.files is not None and self.files.writes_now(opened)):
            return None
        plan = self.plan
        dates: list[tuple[dt.datetime, str]] = []
        for maker in makers:
            article = self.by_file.get(maker)
            online = article_state(article, plan.calendar, plan.now, self.originals).live_at \
                if article is not None and article.status not in ("draft", "review") else None
            if online is not None:
                dates.append((as_instant(online), maker))
        if not dates:
            return makers[0], None
        online, maker = min(dates)
        return (maker, online.astimezone(plan.calendar.zone)) if online > as_instant(when) else None


class _MeantArticle:
    """The article a link meant, by its file's name or its title; the titles read once, when first asked."""

    def __init__(self, plan: Any) -> None:
        self.articles: list[Article] = plan.articles
        self._titles: dict[str, Article] | None = None

    def titled(self, text: str) -> Article | None:
        """The article whose title ``text`` is (case, accents and punctuation aside)."""
        if self._titles is None:
            self._titles = articles_by_title(self.articles)
        key = title_key(text)
        return self._titles.get(key) if key else None

    def by_file(self, target: str) -> Article | None:
        """The article a link to the file ``target`` (from the content folder) meant: a file of that name in
        another folder (``{filename}/entretien.md`` for articles/entretien.md), else the article whose title
        the name is (``{filename}Prévenir la corrosion.md``)."""
        name = posixpath.basename(target)
        found = next((a for a in self.articles if posixpath.basename(a.source.path) == name), None)
        stem, suffix = posixpath.splitext(name)
        return found or self.titled(stem if suffix.lower() in MARKDOWN_EXTENSIONS else name)


def _before_its_maker(link: Any, text: LinkingText, path: str, maker: str, online: dt.datetime | None) -> Problem:
    """A text's link to a page the blog writes once ``maker`` is online, and not by the time the text is."""
    if online is None:
        return Problem(link.source, say("'{written}' in {text} links to {path}, which the blog writes only once "
                                        "{file} is online, and it is not ready (a draft, or no date): a dead link",
                                        written=link.written, text=text.named, path=path, file=maker),
                       say("publish {file} first, or link to a page that is online by then", file=maker),
                       text.item, when=text.when)
    return Problem(link.source, say("'{written}' in {text} links to {path}, which the blog writes once {file} is "
                                    "online, on {online:%Y-%m-%d %H:%M}: a dead link until then",
                                    written=link.written, text=text.named, path=path, file=maker, online=online),
                   say("link to a page that is online by then, or add the link on {online:%Y-%m-%d %H:%M}",
                       online=online), text.item, when=text.when)


def _missing_article_file(linked: Any, here: str, content: Path, meant: _MeantArticle) -> Message:
    """The hint for a ``{filename}`` link, in the file ``here`` (an article or a page), to an article's file
    the content folder does not have: the link to write, to the article of that file's name or title, else
    the nearest file."""
    found = meant.by_file(linked.target)
    if found is None:
        return nearest_file(content, linked.target, linked.written)
    marker = linked.written[:len("{filename}")]
    rest = re.search(r"[#?].*$", linked.written)
    return say("did you mean '{path}'?", path=marker + _file_from(found, here) + (rest.group(0) if rest else ""))


def _moved_article_hint(opened: str, text: LinkingText, originals: dict[str, Article]) -> Message | None:
    """For an address of the site that is no page but ends with an article's slug (its old address, on the
    blog it moved from): where that article is now, the link to write, and how to keep the old addresses."""
    target = _article_named(opened, text, originals)
    if target is None or not target.url:
        return None
    return say("'{slug}' is at {address}: write {link}; a blog moved from elsewhere keeps its old addresses with "
               "ARTICLE_URL and ARTICLE_SAVE_AS (edcal's docs/index.md, \"Coming from WordPress\")",
               slug=target.slug, address=urllib.parse.urlsplit(target.url).path or "/",
               link="{filename}" + _file_from(target, text.file))


def _article_named(address: str, text: LinkingText, originals: dict[str, Article]) -> Article | None:
    """The article, other than the text's own, whose slug an address ends with (``../entretien/``,
    ``/2024/05/entretien.html``), or None."""
    target = originals.get(posixpath.basename(urllib.parse.unquote(address).rstrip("/")).removesuffix(".html"))
    return target if target is not None and target.source.path != text.file else None


def _other_form_hint(opened: str, site_path: str, files: Any) -> Message | None:
    """For an address of the site that is no page: the page's address the build writes in the other form,
    ``category/essais.html`` for ``category/essais/`` (Pelican's default CATEGORY_URL) or the reverse."""
    stem = opened.rstrip("/").removesuffix(".html")
    other = next((form for form in (f"{stem}.html", f"{stem}/") if form != opened and files.writes(form)), None)
    return None if other is None else say("did you mean '{path}'?", path=f"{site_path}/{other}")


def _dead_relative_hint(path: str, written: str, text: LinkingText, site_path: str, plan: Any,
                        originals: dict[str, Article]) -> Message:
    """What to write for a relative link to nothing: the file of the article it names (``../entretien/``),
    else the nearest address the build writes, else how to link to an article."""
    target = _article_named(written, text, originals)
    if target is not None:
        return say("write {link}", link="{filename}" + _file_from(target, text.file))
    addresses = {f"{site_path}/{file.removesuffix('index.html')}" for file in plan.blog_files.files}
    close = difflib.get_close_matches(path.casefold(), sorted(addresses), n=1, cutoff=0.85)
    if close:
        return say("did you mean '{path}'?", path=close[0])
    return say("link to an article's file with {{filename}}, e.g. [text]({{filename}}autre-article.md)")


def _not_online_yet(target: Article, online: dt.datetime | None, plan: Any) -> Message | None:
    """Why an article linked by its address from a text online at ``online`` (None: its own date is not
    known yet) is not online then, or None when it is."""
    state = article_state(target, plan.calendar, plan.now, plan.articles_by_slug())
    if target.status not in ("draft", "review") and state.live_at is not None and (
            online is None or state.live_at <= online):
        return None
    return (say("which is a draft") if target.status == "draft" else
            say("which is still in review") if target.status == "review" else
            say("which waits for '{original}', not ready", original=state.waits_for.source.path)
            if state.live_at is None and state.waits_for is not None else
            say("which is held back by a freeze with no end") if state.live_at is None else
            say("online only from {day:%Y-%m-%d %H:%M}", day=state.live_at.astimezone(plan.calendar.zone)))


def _file_link(link: Any, text: LinkingText, content: Path | None, meant: _MeantArticle,
               opened: str | None, files: BlogFiles | None) -> Problem | None:
    """A relative link that names a file of the content folder: Pelican leaves it as written, a dead link.
    ``opened`` is the path it opens, read from the text's address (None: out of the blog's folder);
    ``files``, what the build writes (None: not known)."""
    if content is None:
        return None
    markdown = link.target.lower().endswith(MARKDOWN_EXTENSIONS)
    inside = posixpath.normpath(urllib.parse.unquote(urllib.parse.urlsplit(link.written).path))
    if is_file(content / link.target):
        shown = link.written
    elif not inside.startswith("..") and is_file(content / inside):
        shown = f"/{inside}"
    elif markdown:
        found = meant.by_file(link.target)
        return Problem(link.source, say("'{written}' in {text} is a file name, and no such file is in "
                                        "{folder}: a dead link on the blog", written=link.written,
                                        text=text.named, folder=posixpath.dirname(link.target) or "."),
                       say("write {link}", link="{filename}" + _file_from(found, text.file)) if found
                       else say("link to an article's file with {{filename}}, e.g. "
                                "[text]({{filename}}autre-article.md)"))
    else:
        return _missing_file(link, text, content, opened, files)
    marker = "{filename}" if markdown else "{static}"
    return Problem(link.source, say("'{written}' in {text} is a file's path: Pelican leaves it as "
                                    "written, a dead link on the blog", written=link.written, text=text.named),
                   say("write {link}", link=marker + shown))


def _wiki_link(link: Any, text: LinkingText, content: Path | None) -> Problem:
    """``[[entretien-portail]]`` (Obsidian's link), printed as written on the blog: the Markdown link to write."""
    image = link.written.startswith("!")
    name = link.target
    found: Path | None = None  # from content/
    if content is not None:  # as Obsidian finds it: a file of that name anywhere, with or without ".md"
        names = {name.lower(), f"{name}.md".lower()}
        found = next((path.relative_to(content) for path in sorted(content.rglob("*"))
                      if path.is_file() and path.name.lower() in names
                      and not any(part.startswith(".") for part in path.relative_to(content).parts)), None)
    if image:
        path = found.as_posix() if found is not None else "images/photo.jpg"  # a space holds up to the ")"
        return _wiki_problem(link, text, "![description]({static}/" + path + ")")
    if found is not None:
        here = posixpath.dirname(text.file.removeprefix(f"{content.name}/")) if content else ""
        path = posixpath.relpath(found.as_posix(), here or ".")
    else:
        path = "other-article.md"
    # `[[entretien-portail|nos conseils]]` shows its words: they stay the link's.
    words = link.written.partition("|")[2].removesuffix("]]").strip()
    if words:
        return _wiki_problem(link, text, f"[{words}]({{filename}}{path})")
    return _wiki_problem(link, text, say("[text]({{filename}}{path})", path=path))


def _wiki_problem(link: Any, text: LinkingText, fixed: str | Message) -> Problem:
    return Problem(link.source, say("'{written}' in {text} is an Obsidian link: the blog shows it as "
                                    "written, brackets included", written=link.written, text=text.named),
                   say("write {link}", link=fixed))


def _missing_file(link: Any, text: LinkingText, content: Path, opened: str | None,
                  files: BlogFiles | None) -> Problem | None:
    """A relative link to a file the content folder does not hold: a broken image or link on the blog.

    ``../images/nexiste.png`` (a file's name), or ``../images/atelir.png`` (close to one of that folder's).
    Anything else relative is an address, as is a file's path to no folder of the content folder that opens
    a folder it does not hold either, out of the content folder (``../../feeds/a.atom.xml`` from
    content/articles/) or where the build writes files (the same from content/articles/sub/ opens feeds/ too):
    the browser reads it from the article's address, not its file's, and as from the site's root only a page's
    address is judged. ``../../images/a.png`` names content/images/'s; ``../docs/a.pdf`` from
    content/articles/, content/docs/'s, which the build does not write in.
    """
    folder, name = posixpath.split(link.target)
    out = folder == ".." or folder.startswith("../")
    inside = not out and (content / folder).is_dir()
    opens = posixpath.dirname(opened) if opened is not None else ""
    if not inside and opened is not None and not names_a_page(opened) \
            and not (opens and (content / opens).is_dir()) \
            and (out or (files is not None and files.writes_in(opens))):
        return None
    names = [path.name for path in (content / folder).iterdir() if path.is_file()] if inside else []
    near = closest_file_name(name, names)
    if near is not None and near.lower().endswith(MARKDOWN_EXTENSIONS):
        near = None  # `[bienvenue](bienvenue/)` names a page: the address checks judge it
    if link.written.endswith("/") or (names_a_page(name) and near is None):
        return None
    return _no_file_problem(link, text, content, folder, nearest_file(content, link.target,
                                                                         "{static}/" + link.target))


def _image_elsewhere(content: Path, path: str) -> bool:
    """Whether an image's path names a file the content folder has in another folder (``uploads/a.jpg`` for
    ``images/a.jpg``): image-missing tells it, with the address to write."""
    name = posixpath.basename(path)
    return posixpath.splitext(name)[1].lower() in IMAGE_SUFFIXES \
        and any(found.is_file() for found in content.rglob(glob.escape(name)))


def _no_file_problem(link: Any, text: LinkingText, content: Path, folder: str, hint: Message,
                     item: Item | None = None, when: dt.datetime | None = None) -> Problem:
    """A link to a file that ``folder`` of the content folder does not hold: a broken image or link."""
    return Problem(link.source, say("'{written}' in {text} names no file of {folder}: a broken image or "
                                    "link on the blog", written=link.written, text=text.named,
                                    folder=posixpath.normpath(f"{content.name}/{folder}")),
                   hint, item, when=when)


def _file_from(target: Article, here: str) -> str:
    """The target's file as ``{filename}`` reads it from the folder of the file ``here`` (an article, a page)."""
    folder = posixpath.dirname(here)
    return posixpath.relpath(target.source.path, folder) if folder else target.source.path


def _may_redirect(text: str) -> bool:
    """Whether a text may hold a link through a redirection page, before any address is read (most hold none)."""
    return "/url?" in text or "/l.php?" in text or "/redir/" in text or "safelinks." in text


#: The query parameters that hold the real address, by redirection page.
_REDIRECT_PARAMETERS = {"Google": ("q", "url"), "Facebook": ("u",), "LinkedIn": ("url",), "Outlook": ("url",)}


def redirected(link: str) -> tuple[str, str] | None:
    """The service and the real address of a link copied through a redirection page: Google's
    (``https://www.google.com/url?q=…``, what Google Docs and Search put on a pasted link), Facebook's
    (``https://l.facebook.com/l.php?u=…``), LinkedIn's (``/redir/redirect?url=…``), Outlook's safe links."""
    if not _may_redirect(link):
        return None
    parts = urllib.parse.urlsplit(html.unescape(link))  # `&amp;` in a link pasted as HTML
    host, path = (parts.hostname or "").lower(), parts.path
    if re.fullmatch(r"(?:www\.)?google(?:\.[a-z]{2,3}){1,2}", host) and path == "/url":
        service = "Google"
    elif host in ("l.facebook.com", "lm.facebook.com") and path == "/l.php":
        service = "Facebook"
    elif host in ("linkedin.com", "www.linkedin.com") and path.startswith("/redir/redirect"):
        service = "LinkedIn"
    elif host.endswith(".safelinks.protection.outlook.com"):
        service = "Outlook"
    else:
        return None
    query = urllib.parse.parse_qs(parts.query)
    address = next((query[name][0] for name in _REDIRECT_PARAMETERS[service] if query.get(name)), "")
    return (service, address) if re.match(r"https?://", address, re.IGNORECASE) else None


@rule("redirect-link", "warning", "A link goes through a redirection page (Google's, Facebook's, LinkedIn's) "
      "rather than to the page itself")
def redirect_link(ctx: CheckContext) -> Iterator[Problem]:
    """A link copied from Google Docs, a search result or a Facebook post is Google's or Facebook's, the real
    address in its query: each reader goes through that service, which records the click and may stop them
    on a warning page first. Judged in the texts of articles and pages (every article that is or will be
    online and every page not in draft, as ``article-link``: :func:`linking_texts`), in the posts' own texts
    and links, and in the suggestions to staff."""
    for text in linking_texts(ctx):
        for link in text.links:
            found = redirected(link.written)
            if found is not None:
                yield _redirect_problem(link.source, say("a link in {text}", text=text.named), link.written,
                                        *found, item=text.item, when=text.when)
    read: set[tuple[str, str]] = set()  # an entry's posts on a network, every week: their texts are read once
    told: set[tuple[str, str, str]] = set()  # an entry's text, on four networks: told once
    for post in ctx.posts():
        if (post.parent or "", post.network or "") in read:
            continue
        read.add((post.parent or "", post.network or ""))
        entry = ctx.entry(post)
        if entry is None:
            continue  # an article's own promotion: its text is the article's
        variant = entry.variants.get(post.network or "")
        written = []
        if (entry.id, "") not in read:  # the entry's own words: read once, not once a network
            read.add((entry.id, ""))
            written = _written_words(entry, entry.source)
            written += [("texts", text, entry.field_sources.get("texts", entry.source)) for text in entry.texts]
        if variant is not None:
            written += _written_words(variant, entry.source)
        for name, value, where in written:
            if not value or not _may_redirect(value) or (entry.id, name, value) in told:
                continue
            told.add((entry.id, name, value))
            for address, found in _redirects_in(value):
                yield _redirect_problem(where, say("post '{id}'", id=entry.id), address, *found, item=post)
    for suggestion in ctx.plan.calendar.ambassadors.suggestions:
        for name in ("link", "text"):
            value = getattr(suggestion, name)
            for address, found in _redirects_in(value or ""):
                yield _redirect_problem(suggestion.field_sources.get(name, suggestion.source),
                                        say("the suggestion to staff '{title}'",
                                            title=suggestion.title or suggestion.article or ""),
                                        address, *found, when=ctx.now)


def _written_words(holder: PostEntry | Variant, default: Source) -> list[tuple[str, str | None, Source]]:
    """An entry's, or a variant's, link, text, first comment and replies, each where it is written."""
    written = [(name, getattr(holder, name), holder.field_sources.get(name, default))
               for name in ("link", "text", "first_comment")]
    replies = holder.thread or ()
    places = (*holder.thread_sources, *(default,) * len(replies))  # a reply whose place is not known: the entry's
    return written + [("thread", reply, where) for reply, where in zip(replies, places, strict=False)]


def _redirects_in(text: str) -> Iterator[tuple[str, tuple[str, str]]]:
    """The links through a redirection page that a text or a ``link:`` holds, each with its service and address."""
    if not _may_redirect(text):
        return
    for address in dict.fromkeys(URL_IN_TEXT.findall(text)):
        found = redirected(address)
        if found is not None:
            yield address, found


def _redirect_problem(where: Source, what: Message, written: str, service: str, address: str,
                      item: Any = None, when: Any = None) -> Problem:
    shown = written if len(written) <= 60 else written[:59] + "…"
    return Problem(where, say("{what} goes through {service}'s redirection page ({shown}): each reader passes "
                              "through {service}, which records the click and may stop them on a warning page "
                              "first", what=what, service=service, shown=shown),
                   say("link to the page itself: {address}", address=address), item, when=when)


@rule("planning-url-feeds-only", "warning",
      "planning.url is the folder `feeds: publish:` fills, where there is no planning page to link to")
def planning_url_feeds_only(ctx: CheckContext) -> Iterator[Problem]:
    plan = ctx.plan
    planning = plan.calendar.planning
    if planning.url is None or not plan.planning_url_holds_feeds_only():
        return
    yield Problem(planning.url_source or plan.calendar.source,
                  say("planning.url is {url}, the folder where `feeds: publish:` copies the feeds alone: no planning "
                      "page or image is there, so the feeds link to none", url=planning.url),
                  say("remove `url:`: the planning page then gives the feeds' public addresses (SITEURL and "
                      "`feeds: publish:`); or give the address where planning/ is served"))


@rule("placeholder-site-url", "warning",
      "SITEURL is a placeholder (example.org), a local address or none: the blog's links would lead nowhere")
def placeholder_site_url(ctx: CheckContext) -> Iterator[Problem]:
    plan = ctx.plan
    found = unreachable_site_url(plan.site_url)
    if found is None:
        return
    kind, name = found
    url = plan.site_url[:80]
    if kind == "placeholder":
        message = say("SITEURL is '{url}', a placeholder ({name} is reserved for examples): the sitemap, the "
                      "feeds, the sharing tags and the posts' links would all point there", url=url, name=name)
    elif kind == "local":
        message = say("SITEURL is '{url}', a local address ({name}): the sitemap, the feeds, the sharing tags "
                      "and the posts' links would point where the public cannot go", url=url, name=name)
    elif url:
        message = say("SITEURL is '{url}', without https:// and a host: the sitemap, the feeds, the sharing "
                      "tags and the posts' links would not lead to the site", url=url)
    else:
        message = say("SITEURL is empty: the sitemap, the feeds, the sharing tags and the posts' links would "
                      "have no address")
    yield Problem(plan.site_url_source or Source(DEFAULT_SETTINGS, 1, 1), message,
                  say("write the site's real address there, e.g. SITEURL = 'https://blog.your-company.com'"))
