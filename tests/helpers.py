"""Build plans from a calendar.yaml text and model articles, without Pelican."""

from __future__ import annotations

import datetime as dt
import html
import re
import tempfile
from pathlib import Path
from typing import Any

import pytest

from edcal.checks import all_rules
from edcal.errors import InputErrors
from edcal.load.calendar import load_calendar
from edcal.model.article import Article, Social
from edcal.model.calendar import Calendar
from edcal.model.plan import Plan
from edcal.model.source import Source
from edcal.plan.compose import DRAFTS_FOLDER, Composer, DraftTemplates
from edcal.plan.resolve import Site, resolve_plan
from edcal.themes import DEFAULT_THEME

PARIS_CALENDAR = """\
version: 1
timezone: Europe/Paris
team:
  - {id: ana, name: Ana}
networks:
  linkedin: {slots: [tue 09:00, thu 12:30]}
  x: {}
  mastodon: {}
"""
SITE = Site(url="https://blog.example.fr", lang="fr")


def load_in(folder: Path, text: str, extra: dict[str, str] | None = None) -> Calendar:
    """calendar.yaml (and calendar.d/ files, by name) written into ``folder``, then loaded from there."""
    (folder / "calendar.yaml").write_text(text, encoding="utf-8")
    for name, body in (extra or {}).items():
        (folder / "calendar.d").mkdir(exist_ok=True)
        (folder / "calendar.d" / name).write_text(body, encoding="utf-8")
    return load_calendar(folder, all_rules())


def load_errors(folder: Path, text: str, extra: dict[str, str] | None = None) -> list[str]:
    """The located errors loading that calendar gives, as a user reads them."""
    with pytest.raises(InputErrors) as caught:
        load_in(folder, text, extra)
    return [e.format() for e in caught.value.errors]


def calendar_from(text: str, extra: dict[str, str] | None = None) -> Calendar:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "calendar.yaml").write_text(text, encoding="utf-8")
        for name, body in (extra or {}).items():
            (root / "calendar.d").mkdir(exist_ok=True)
            (root / "calendar.d" / name).write_text(body, encoding="utf-8")
        return load_calendar(root, all_rules())


def article(slug: str, date: str | None, calendar: Calendar, **fields: Any) -> Article:
    when = None
    if date is not None:
        when = dt.datetime.fromisoformat(date).replace(tzinfo=calendar.zone)
    values: dict[str, Any] = {
        "slug": slug, "title": fields.pop("title", slug.replace("-", " ").title()), "date": when,
        "status": fields.pop("status", "published"), "url": f"{SITE.url}/{slug}/", "lang": "fr",
        "source": Source(f"content/articles/{slug}.md", 1), "summary": fields.pop("summary", ""),
        "social": fields.pop("social", Social()),
    }
    values.update(fields)
    return Article(**values)


def composer(site: Site = SITE, calendar: Calendar | None = None) -> Composer:
    templates = DraftTemplates([DEFAULT_THEME / DRAFTS_FOLDER], site.lang)
    tracking = calendar.tracking if calendar else Calendar.__dataclass_fields__["tracking"].default_factory()  # type: ignore[misc]
    return Composer(templates, tracking, site.url, site.lang)


def plan_of(calendar: Calendar, articles: list[Article] | None = None,
            now: str = "2027-01-01T00:00:00+01:00") -> Plan:
    instant = dt.datetime.fromisoformat(now)
    return resolve_plan(calendar, articles or [], now=instant,
                        generated_at=dt.datetime(2027, 1, 1, tzinfo=dt.UTC), site=SITE,
                        composer=composer(calendar=calendar))


def stand_in_plan() -> Plan:
    """Ana away from 8 to 12 March 2027, Ben standing in, but on the 11th, when he is away too: her posts of
    the 10th and 11th, one before, and one of Ben's own."""
    calendar = calendar_from(PARIS_CALENDAR.replace(
        "{id: ana, name: Ana}", "{id: ana, name: Ana Lopez, away: [{from: 2027-03-08, until: 2027-03-12, "
        "reason: Congés, stand_in: ben}]}\n  - {id: ben, name: Ben Roy, away: [{from: 2027-03-11, until: 2027-03-11}]}")
        + "posts:\n"
          "  - {id: pendant, at: 2027-03-10 09:00, networks: [x], text: Pendant, owner: ana}\n"
          "  - {id: onze, at: 2027-03-11 09:00, networks: [x], text: Le onze, owner: ana}\n"
          "  - {id: avant, at: 2027-03-05 09:00, networks: [x], text: Avant, owner: ana}\n"
          "  - {id: sien, at: 2027-03-09 09:00, networks: [mastodon], text: Le sien, owner: ben}\n")
    return plan_of(calendar, now="2027-03-01T10:00:00+01:00")


def by_id(plan: Plan) -> dict[str, Any]:
    return {item.id: item for item in plan.items}


MONTREAL = "version: 1\ntimezone: America/Montreal\nnetworks:\n  x: {}\n"


def write_planning_page(module: Any, plan: Plan, folder: Path) -> None:
    """Write one planning page (``edcal.outputs.calendar_page``, ``review``) with the default theme."""
    from edcal.outputs.context import OutputContext

    module.write(OutputContext(plan=plan, findings=(), template_folders={"planning": (DEFAULT_THEME / "planning",)}),
                 folder)


def translatable_words(source: Path) -> list[str]:
    """The English texts a module gives the translator: ``_("…")``, ``self._("…")``, ``say("…")``,
    ``say_count(n, "…", "…")``, and the forms of a (count, "…", "…") table."""
    import ast

    words = []
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        called = node.func.id if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) else \
            node.func.attr if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) else None
        if called in ("_", "say", "say_count"):
            words += [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
        forms = node.elts[1:] if isinstance(node, ast.Tuple) and len(node.elts) == 3 else []
        if forms and all(isinstance(e, ast.Constant) and "{count}" in str(e.value) for e in forms):
            words += [e.value for e in forms]  # say_count's forms, given in a table: (count, one, many)
    return words


def assert_french(words: list[str]) -> None:
    """Each text has a French translation with the same ``{fields}``."""
    import string

    from edcal.i18n import catalog

    french = catalog("fr")
    for word in words:
        assert word in french, f"no French for {word!r} in translations/fr.yaml"
        assert {f for _, f, _, _ in string.Formatter().parse(word) if f} == \
            {f for _, f, _, _ in string.Formatter().parse(french[word]) if f}, word


def page_text(path: Path) -> str:
    """A page's words as a reader sees them (:func:`html_text`)."""
    return html_text(path.read_text(encoding="utf-8"))


def html_text(markup: str) -> str:
    """HTML's words as a reader sees them: tags dropped, entities read, spaces joined; the words for screen
    readers alone (a ``visually-hidden`` span's: "2 a week" beside "2/week") left out."""
    markup = re.sub(r'<span class="visually-hidden">[^<]*</span>', "", markup)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).replace("\u00a0", " ").split())


def ctrl_c_at(monkeypatch: pytest.MonkeyPatch, name: str, call: int = 2) -> None:
    """Ctrl-C (KeyboardInterrupt) at the ``call``-th call of ``os.<name>`` (``fsync``, ``replace``): a writer
    stopped between two files."""
    import os

    real = getattr(os, name)
    calls: list[object] = []

    def interrupted(*args: object) -> object:
        calls.append(args)
        if len(calls) == call:
            raise KeyboardInterrupt
        return real(*args)

    monkeypatch.setattr(os, name, interrupted)
