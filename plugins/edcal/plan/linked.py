"""The article a post is about: the one it promotes (``promote:``, ``article:``), else the site's article
its ``link:`` or its text points to.

The checks ask it (a post before its article is online) and so does the drafts review, which shows on a
post's card what ``edcal check`` says about that article.
"""

from __future__ import annotations

import urllib.parse

from edcal.model.article import Article
from edcal.model.plan import Item, Plan
from edcal.plan.compose import URL_IN_TEXT, is_site_url, plain_path


def page_path(path: str) -> str:
    """A page's path as servers answer it: ``/2027/a/``, ``/2027/a`` and ``/2027/a/index.html`` alike."""
    return plain_path(urllib.parse.unquote(path)).removesuffix("index.html").rstrip("/")


def articles_by_page(plan: Plan) -> dict[str, Article]:
    """Every article, translations included, by the path of its URL (``/2027/portail/``)."""
    return {page_path(urllib.parse.urlsplit(a.url).path): a for a in plan.articles if a.url}


def linked_article(post: Item, by_page: dict[str, Article], site_url: str) -> Article | None:
    """The site's article a post links to by URL, in ``link:`` or in its text, without ``article:``.

    Tracking parameters and fragments do not matter: the path names the page.
    """
    urls = [post.url] if post.url else []
    urls += URL_IN_TEXT.findall(post.text or "")
    for url in urls:
        if is_site_url(url, site_url):
            article = by_page.get(page_path(urllib.parse.urlsplit(url).path))
            if article is not None:
                return article
    return None


def post_article(post: Item, plan: Plan, by_page: dict[str, Article]) -> Article | None:
    """The article ``post`` promotes or announces (a teaser has no link), else the one it links to.

    :param by_page: :func:`articles_by_page` of ``plan``, computed once for every post.
    """
    return plan.article_of(post) or linked_article(post, by_page, plan.site_url)
