"""The rule registry: each rule is one function with an id, a default severity and options.

A rule is a generator over a :class:`CheckContext` that yields
:class:`Problem` values; the engine turns them into findings with the
severity the site chose, drops silenced ones and those outside the window.
Adding a rule is adding a decorated function in one of the modules listed in
:data:`edcal.checks.RULE_MODULES`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from edcal.i18n import Message, say
from edcal.model.article import Article
from edcal.model.calendar import Calendar, PostEntry
from edcal.model.plan import Item, Plan, article_item_id, made_by
from edcal.model.source import Source

Severity = Literal["error", "warning"]
#: A value of a finding's ``data``: a text, a number, null, figures by name (an object in JSON), or texts (a
#: list in JSON: the ids of the posts a finding is about).
DataValue = str | int | float | None | tuple[tuple[str, int], ...] | tuple[str, ...]
#: How many of the posts a finding about several names, the first ones (then "…").
FIRST_NAMED = 3
#: What ``{posts}`` says in a :attr:`Problem.together` until the engine counts them.
THE_POSTS = say("these posts")


@dataclass(frozen=True, slots=True)
class Problem:
    """What a rule found, before the engine applies the site's settings."""

    source: Source
    message: str
    hint: str | None = None
    item: Item | None = None
    #: When the problem happens, for --since/--until (default: the item's start).
    when: dt.datetime | dt.date | None = None
    #: What a script needs of a finding about a period rather than an item (``--format json``'s ``data``):
    #: texts, numbers and None, by name.
    data: tuple[tuple[str, DataValue], ...] = ()
    #: Said ahead of time: a warning, whatever the rule's severity, until what it is about comes due
    #: (a scheduled build must not stop on an article that is not going online with it).
    early: bool = False
    #: The problem said of several posts, for a rule that finds it in each post of one entry (a promotion
    #: of a draft, a recurring post too long every week): ``say("{posts} link to …", posts=THE_POSTS)``.
    #: The engine tells those of one rule at one line that say the same as one finding, ``{posts}`` then
    #: saying how many and the first few.
    together: Message | None = None
    #: The hint said of several posts with ``together``, where the hint names the post ("move it"): the
    #: hint otherwise.
    together_hint: Message | None = None


@dataclass(frozen=True, slots=True)
class Option:
    """A setting of a rule, e.g. ``window: 30 days`` for duplicate-text."""

    name: str
    default: Any
    parse: Callable[[str], Any]
    description: str
    #: What the parsed value counts (``days``, ``minutes``, ``hours``), for plan.json; none for a
    #: count or a share (0 to 1).
    unit: str = ""
    #: A list in calendar.yaml (``except: [Veterans Day, Columbus Day]``; one value alone is a list of one):
    #: ``parse`` reads each item, and the option's value is the tuple of them.
    many: bool = False
    #: For an option whose values are names: the names the site may write, by its calendar (case aside), and
    #: what they are ("a public holiday of US"); another name is a located error with a did-you-mean. None
    #: while the calendar cannot tell (an unknown ``country:``, an error of its own); raises ValueError when
    #: the site can name none (``except`` of public-holiday without ``country:``).
    choices: Callable[[Calendar], tuple[tuple[str, ...], Message] | None] | None = None
    #: For a value not among ``choices``: the rule's own hint by the calendar and the value as written, or
    #: None for the usual one (the closest name, or the list of them): a date told the holiday on it.
    refused_hint: Callable[[Calendar, str], Message | None] | None = None


def parse_count(text: str) -> int:
    """An option's whole number, in digits (``group_above: 3``)."""
    if not str(text).strip().isdigit():
        raise ValueError(say("found '{value}', expected a whole number, such as 5, in digits", value=text))
    return int(text)


@dataclass(frozen=True, slots=True)
class PostText:
    """One of the texts a post puts out: its own (``text``), its first comment (``comment``), or a reply of
    its thread (``reply``, the reply's index in ``index``)."""

    text: str
    part: Literal["text", "comment", "reply"]
    index: int = 0


def post_texts(post: Item, pasted: bool = False) -> list[PostText]:
    """What a post puts out, in order: its text, its first comment, each reply of its thread.

    :param pasted: the texts as pasted into the network's composer, their links in full where the network
        shows them short (Bluesky: ``blog.example.fr/2027/salo…``), to read the addresses they open.
    """
    text = post.pasted if pasted else post.text
    texts = [PostText(text, "text")] if text else []
    if post.first_comment:
        texts.append(PostText(post.first_comment, "comment"))
    return texts + [PostText(reply.pasted if pasted else reply.text, "reply", index)
                    for index, reply in enumerate(post.thread)]


@dataclass(frozen=True, slots=True)
class CheckContext:
    plan: Plan
    #: The plan's "now" (the clock or EDCAL_NOW): what is late, what is soon.
    now: dt.datetime
    #: Where the checked window starts (``--since``, else ``now``): the periods a rule looks at.
    since: dt.datetime
    options: dict[str, Any]
    #: Posts, articles, ideas and deadlines that start at or after ``since`` (undated ideas too).
    upcoming: tuple[Item, ...]
    #: The upcoming posts that will go out (not withheld), computed once for every rule.
    going_out: tuple[Item, ...]
    #: calendar.yaml's post entries by id (an item's ``parent``).
    entries: dict[str, PostEntry] = field(default_factory=dict)
    #: Where the checked window ends (``--until``), if it was given.
    until: dt.datetime | None = None
    #: Each post's texts (:meth:`texts`) by the post's ``id()`` and ``pasted``, with the post: one mapping for
    #: every rule of a run (seven rules read them, and built them again each: 60,000 times on 10,000 posts).
    texts_read: dict[tuple[int, bool], tuple[Item, tuple[PostText, ...]]] = field(default_factory=dict)

    def posts(self) -> Iterator[Item]:
        """Upcoming posts that will go out (not withheld)."""
        return iter(self.going_out)

    def texts(self, post: Item, pasted: bool = False) -> tuple[PostText, ...]:
        """:func:`post_texts`, read once per post for every rule."""
        key = (id(post), pasted)
        read = self.texts_read.get(key)
        if read is None or read[0] is not post:  # another post now at that address: a copy a rule made
            read = self.texts_read[key] = (post, tuple(post_texts(post, pasted)))
        return read[1]

    def entry(self, post: Item) -> PostEntry | None:
        """The calendar.yaml entry a post comes from (None for an article's own promotion, even when an entry
        has the article's slug for id)."""
        entry = self.entries.get(post.parent or "")
        return entry if entry is not None and made_by(entry, post) else None

    def articles_on_their_way(self) -> Iterator[tuple[Article, Item | None]]:
        """The articles that are or will be online, whatever their date, each with its plan item: the ones
        whose text is judged (a broken page online is a problem now). Drafts are not judged yet, nor
        what a freeze holds back without end."""
        items = {item.id: item for item in self.plan.items if item.kind == "article"}
        for article in self.plan.articles:
            if article.status == "draft":
                continue
            item = items.get(article_item_id(article))
            if item is None or item.status != "withheld":
                yield article, item

    def text_source(self, post: Item) -> Source:
        """Where a post's own text is written: its network's text under ``variants:``, else the entry's
        ``text:``; else the post's line."""
        return self._written_at(post, "text")

    def comment_source(self, post: Item) -> Source:
        """Where a post's first comment is written: its network's under ``variants:``, else the entry's
        ``first_comment:``, else its article's under ``social:``; else the post's line (a comment of the
        link or hashtags alone)."""
        where = self._written_at(post, "first_comment")
        if where is post.source and post.article:
            article = self.plan.articles_by_slug().get(post.article)
            override = article.social.per_network.get(post.network or "") if article else None
            if override is not None and override.first_comment and override.comment_source is not None:
                return override.comment_source
        return where

    def reply_source(self, post: Item, index: int) -> Source:
        """Where reply ``index`` of a post's thread is written: its network's ``thread:`` under
        ``variants:``, else the entry's, else its article's under ``social:``; else the post's line."""
        entry = self.entry(post)
        variant = entry.variants.get(post.network or "") if entry else None
        if variant is not None and variant.thread is not None:
            places = variant.thread_sources
        elif entry is not None and entry.thread:
            places = entry.thread_sources
        else:
            article = self.plan.articles_by_slug().get(post.article or "")
            override = article.social.per_network.get(post.network or "") if article else None
            places = override.thread_sources if override is not None else ()
        return places[index] if index < len(places) else post.source

    def written_at(self, post: Item, text: PostText) -> Source:
        """Where one of a post's texts (:func:`post_texts`) is written."""
        if text.part == "comment":
            return self.comment_source(post)
        if text.part == "reply":
            return self.reply_source(post, text.index)
        return self.text_source(post)

    def words_at(self, post: Item, text: PostText) -> Source:
        """Where the words of one of a post's texts are to be changed: :meth:`written_at`; for a text the
        post has none of its own, its recurring ``texts:``, or its article's (its ``social:`` text for the
        network, else its summary)."""
        where = self.written_at(post, text)
        if text.part != "text" or where != post.source:
            return where
        entry = self.entry(post)
        if entry is not None and entry.texts:
            return entry.field_sources.get("texts", where)
        article = self.plan.article_of(post) if post.article else None
        if article is None:
            return where
        override = article.social.per_network.get(post.network or "")
        if override is not None and override.text and override.source is not None:
            return override.source
        return article.where("summary")

    def _written_at(self, post: Item, name: str) -> Source:
        """Where a field of a post is written: its network's under ``variants:``, else the entry's; else
        the post's line."""
        entry = self.entry(post)
        variant = entry.variants.get(post.network or "") if entry else None
        for written in (variant, entry):
            if written is not None and getattr(written, name) and name in written.field_sources:
                return written.field_sources[name]
        return post.source

    def network_source(self, post: Item) -> Source:
        """Where a post's own network is written in its entry: a one-off post's ``at:`` under ``variants:``
        (its time there), else that network's line under ``variants:``; else the post's line (also for an
        occurrence moved by ``moved:``, whose line sets its day)."""
        entry = self.entry(post)
        variant = entry.variants.get(post.network or "") if entry is not None else None
        if entry is None or variant is None or (entry.kind == "repeat" and post.source != entry.source):
            return post.source
        if entry.kind == "once" and variant.when is not None and "at" in variant.field_sources:
            return variant.field_sources["at"]
        return variant.source or post.source


RuleFunction = Callable[[CheckContext], Iterator[Problem]]


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    severity: Severity
    title: str
    function: RuleFunction
    options: tuple[Option, ...] = field(default=())


RULES: dict[str, Rule] = {}


def rule(rule_id: str, severity: Severity, title: str,
         options: tuple[Option, ...] = ()) -> Callable[[RuleFunction], RuleFunction]:
    """Register a rule. ``title`` is one line for listings; the docs explain it in full."""

    def register(function: RuleFunction) -> RuleFunction:
        if rule_id in RULES:
            raise ValueError(f"rule {rule_id} registered twice")
        RULES[rule_id] = Rule(rule_id, severity, title, function, options)
        return function

    return register
