"""The article a post is about: the one it promotes (``promote:``, ``article:``), else the site's article
its ``link:`` or its text points to.

The checks ask it (a post before its article is online) and so does the drafts review, which shows on a
post's card what ``edcal check`` says about that article.
"""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Iterable, Mapping

from edcal.addresses import is_site_url, page_path, site_page
from edcal.errors import closest
from edcal.i18n import Message, say
from edcal.ids import slugify
from edcal.model.article import Article
from edcal.model.plan import Item, Plan
from edcal.plan.compose import URL_IN_TEXT

#: What a date's strftime codes write, for ``{date:%Y/%m}`` in ``ARTICLE_URL``.
_DATE_CODES = {"Y": r"\d{4}", "y": r"\d{2}", "m": r"\d{2}", "d": r"\d{2}", "H": r"\d{2}", "M": r"\d{2}",
               "S": r"\d{2}", "j": r"\d{3}", "b": r"[^/\d]+?", "B": r"[^/\d]+?", "a": r"[^/\d]+?",
               "A": r"[^/\d]+?"}


def _date_code(part: re.Match[str]) -> str:
    """What a strftime code (``%Y``) matches in a URL; the text between codes as written."""
    return _DATE_CODES.get(part.group(1), r".+?") if part.group(1) else re.escape(part.group(2))


@functools.lru_cache(maxsize=16)
def url_pattern(template: str) -> re.Pattern[str]:
    """A regular expression for the URLs a Pelican ``ARTICLE_URL`` template produces, the slug as the
    group ``slug``.

    A ``{date:%Y}`` is four digits, not anything: ``/jobs/welder/`` is no article address of
    ``{date:%Y}/{slug}/``, and was judged dead.
    """
    pattern = ""
    for literal, field, spec, _ in string.Formatter().parse(template):
        pattern += re.escape(literal)
        if field is None:
            continue
        if field == "date" and spec:
            pattern += re.sub(r"%(.)|([^%]+)", _date_code, spec)
        elif field == "slug":
            pattern += r"(?P=slug)" if "(?P<slug>" in pattern else r"(?P<slug>[^/]+?)"
        else:
            pattern += r"[^/]+?" if field != "date" else r".+?"
    return re.compile(pattern + r"(?:index\.html)?$")


def undated_article(path: str | None, template: str | None, by_slug: dict[str, Article]) -> Article | None:
    """The article with no date yet whose address has the shape of ``path``, a path in the blog's folder
    (:func:`edcal.addresses.blog_path`: ``/2027//brioche/`` and ``/2027/%2e%2e/2027/brioche/`` open
    ``2027/brioche/``), if any.

    Its address is not known until it has a date (``{date:%Y}/{slug}/``): a post that links to
    ``/2027/brioche/`` before the draft ``brioche`` is dated links to it all the same, and was told it
    linked to no article at all.

    :param by_slug: the original articles by slug; a translation's address follows another template.
    """
    if not template or path is None:
        return None
    shape = url_pattern(template.lstrip("/"))
    found = shape.match(path) or shape.match(path.rstrip("/") + "/")
    slug = found.groupdict().get("slug") if found is not None else None
    article = (by_slug.get(slug) or by_slug.get(slug.lower())) if slug else None
    return article if article is not None and not article.url else None


def title_key(text: str) -> str:
    """A title as a writer retypes it: without case, accents, punctuation or spacing
    (``Prévenir la corrosion : l'entretien`` is ``prevenir-la-corrosion-l-entretien``)."""
    return slugify(text, max_length=len(text) * 4 + 1)  # none cut: 'œ' is two letters, '…' three


def articles_by_title(articles: Iterable[Article]) -> dict[str, Article]:
    """The articles by :func:`title_key` (the first of a title)."""
    found: dict[str, Article] = {}
    for article in articles:
        found.setdefault(title_key(article.title), article)
    found.pop("", None)
    return found


def article_titled(text: str, articles: Iterable[Article]) -> Article | None:
    """The article whose title ``text`` is (:func:`title_key`): written where its slug or its file goes."""
    key = title_key(text)
    return next((article for article in articles if title_key(article.title) == key), None) if key else None


def slug_hint(found: str, by_slug: Mapping[str, Article]) -> Message | None:
    """"did you mean 'portail-automatique'?" for an unknown slug: the article whose title it is, else the
    closest slug; None when nothing is near."""
    titled = article_titled(found, by_slug.values())
    if titled is not None:
        return say("did you mean '{match}'?", match=titled.slug)
    # A slug cut short (`five-lessons` for `five-lessons-from-x`) is no slip difflib finds close.
    written = found.strip().lower()
    starting = sorted(slug for slug in by_slug if written and slug.lower().startswith(written))
    near = closest(found, by_slug)
    within = sorted(slug for slug in by_slug if len(written) >= 3 and written in slug.lower())
    matches = starting or ([near] if near else within)
    if len(matches) > 1:
        shown = ", ".join(f"'{slug}'" for slug in matches[:SHOWN_SLUGS])
        more = ", …" if len(matches) > SHOWN_SLUGS else ""
        return say("did you mean one of {slugs}?", slugs=shown + more)
    return say("did you mean '{match}'?", match=matches[0]) if matches else None


#: How many slugs an unknown slug's hint names, of those it starts.
SHOWN_SLUGS = 5


def articles_by_page(plan: Plan) -> dict[str, Article]:
    """Every article, translations included, by the page of its URL (``2027/portail``)."""
    return {page: a for a in plan.articles if a.url and (page := site_page(a.url, plan.site_url)) is not None}


def linked_article(post: Item, by_page: dict[str, Article], site_url: str) -> Article | None:
    """The site's article a post links to by URL, in ``link:`` or in its text, without ``article:``.

    Tracking parameters and fragments do not matter: the path names the page.
    """
    urls = [post.url] if post.url else []
    urls += URL_IN_TEXT.findall(post.text or "")
    for url in urls:
        page = page_path(url, site_url) if is_site_url(url, site_url) else None
        if page is not None and page in by_page:
            return by_page[page]
    return None


def post_article(post: Item, plan: Plan, by_page: dict[str, Article]) -> Article | None:
    """The article ``post`` promotes or announces (a teaser has no link), else the one it links to.

    :param by_page: :func:`articles_by_page` of ``plan``, computed once for every post.
    """
    return plan.article_of(post) or linked_article(post, by_page, plan.site_url)
