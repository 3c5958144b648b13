"""``edcal diff``: what a change of the site does to the plan, for the reader of a pull request.

The site is read twice, at the same "now": as it was at a git revision
(extracted with ``git archive`` into a temporary folder, read with this
engine) and as it is in the working tree. The plans are compared item by
item (:mod:`edcal.plan.changes`) and the changes written for people (text),
for a pull request (Markdown, e.g. the job summary) or for scripts (JSON).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from edcal.clock import NOW_VARIABLE
from edcal.errors import InputError, InputErrors
from edcal.i18n import long_date, say_count, translator
from edcal.model.plan import Item, Plan
from edcal.model.source import Source
from edcal.outputs.plan_json import item_document
from edcal.plan.changes import ItemChange, PlanChanges, compare_plans

#: Where errors about the revision argument point (an argument has no line).
REVISION = Source("REVISION", 1, 1)


def diff(site: Path, settings_file: str, revision: str, fmt: str, everything: bool = False) -> str:
    """The plan's changes from ``revision`` to the working tree, in ``fmt``.

    :param everything: compare past items too (by default, only what is still to come).
    :raises InputErrors: not a git repository, an unknown revision, a site that does not load
        (at the revision, its paths are given as ``REV:path``).
    """
    from edcal.pelican_plugin.metadata import NOW, read_plan

    with _site_modules_forgotten(site):
        after = read_plan(site, settings_file, compose_from=NOW)
    with _site_at(site, revision) as (old_site, commit):
        before = None
        if old_site is not None and (old_site / settings_file).is_file():
            with _site_modules_forgotten(old_site), _now_pinned(after.now), _located_at(revision):
                before = read_plan(old_site, settings_file, compose_from=NOW)
    changes = compare_plans(before, after, None if everything else after.now)
    return RENDERERS[fmt](changes, after, Revision(revision, commit))


@dataclass(frozen=True, slots=True)
class Revision:
    """The revision compared with: as the user named it, and its commit."""

    name: str
    commit: str

    def __str__(self) -> str:
        return f"{self.name} ({self.commit[:7]})" if not self.commit.startswith(self.name) else self.name


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, timeout=60,
                              check=False)
    except FileNotFoundError:
        raise InputErrors([InputError(REVISION, "git is not installed", "edcal diff reads the revision "
                                      "with git: install it, or compare by hand")]) from None


@contextlib.contextmanager
def _site_at(site: Path, revision: str) -> Iterator[tuple[Path | None, str]]:
    """The site's folder as it was at ``revision``, extracted into a temporary folder, and the
    commit's hash; None when the site's folder did not exist then."""
    if not revision or revision.startswith("-"):
        raise InputErrors([InputError(REVISION, f"found '{revision}', expected a git revision",
                                      "a branch, a tag or a commit: main, origin/main, HEAD~3")])
    top = _git(site, "rev-parse", "--show-toplevel")
    if top.returncode != 0:
        raise InputErrors([InputError(REVISION, f"{site.resolve()} is not in a git repository",
                                      "edcal diff compares with a git revision: run it in the site's "
                                      "repository")])
    found = _git(site, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}")
    if found.returncode != 0:
        raise InputErrors([InputError(
            REVISION, f"unknown revision '{revision}'",
            "a branch, a tag or a commit (git log --oneline lists them); in CI, fetch it first "
            "(actions/checkout with fetch-depth: 0)")])
    commit = found.stdout.strip()
    prefix = _git(site, "rev-parse", "--show-prefix").stdout.strip()
    with tempfile.TemporaryDirectory(prefix="edcal-diff-") as folder:
        root = Path(folder)
        process = subprocess.Popen(["git", "archive", "--format=tar", commit, "--", prefix or "."],
                                   cwd=top.stdout.strip(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert process.stdout is not None
        try:
            with tarfile.open(fileobj=process.stdout, mode="r|") as archive:
                archive.extractall(root, filter="data")  # no link or path out of the folder
        except tarfile.ReadError:  # an empty archive: the site's folder did not exist at the commit
            pass
        except tarfile.FilterError as exc:
            raise InputErrors([InputError(REVISION, f"cannot extract the site at '{revision}': {exc}")]) \
                from None
        finally:
            process.stdout.close()
            process.wait()
        old_site = root / prefix
        yield (old_site if old_site.is_dir() else None), commit


@contextlib.contextmanager
def _site_modules_forgotten(site: Path) -> Iterator[None]:
    """Python modules loaded from ``site`` (its settings, its plugins) are forgotten afterwards.

    The two sites have files of the same names: ``publishconf.py`` imports
    ``pelicanconf``, which must be each site's own, not the one read first.
    edcal itself stays: the revision's copy of the engine, if the site holds
    one, is not run.
    """
    root = str(site.resolve())
    try:
        yield
    finally:
        for name, module in list(sys.modules.items()):
            path = getattr(module, "__file__", None) or ""
            engine = name == "edcal" or name.startswith("edcal.")  # this engine reads both sites
            if not engine and (path.startswith(root + os.sep) or name in ("pelicanconf", "publishconf")):
                del sys.modules[name]


@contextlib.contextmanager
def _now_pinned(now: dt.datetime) -> Iterator[None]:
    """Both plans at the same instant: an item past in one and to come in the other is no change."""
    previous = os.environ.get(NOW_VARIABLE)
    os.environ[NOW_VARIABLE] = now.isoformat()
    try:
        yield
    finally:
        if previous is None:
            del os.environ[NOW_VARIABLE]
        else:
            os.environ[NOW_VARIABLE] = previous


@contextlib.contextmanager
def _located_at(revision: str) -> Iterator[None]:
    """Errors in the site at ``revision`` name it as git does: ``main:calendar.yaml:12:3``."""
    try:
        yield
    except InputErrors as exc:
        errors = [InputError(Source(f"{revision}:{e.source.path}", e.source.line, e.source.column),
                             e.message, e.hint) if e.source.in_file else e for e in exc.errors]
        raise InputErrors(errors, outcome=f"the site at {revision} does not load; "
                                          "compare with a revision where it does") from None


# Rendering -------------------------------------------------------------------------------------

#: How each compared field is named to people (translated), in COMPARED's order.
FIELD_LABELS = {
    "start": "Date", "status": "Status", "withheld_reason": "Withheld", "title": "Title",
    "network": "Network", "text": "Text", "limit": "Limit", "url": "Link", "media": "Images",
    "owner": "Owner", "campaign": "Campaign",
}
#: An empty value (no owner, no campaign, no image), in every language.
NOTHING_SHOWN = "—"
_KIND_LABELS = {"article": "Blog", "deadline": "Deadline", "idea": "Idea", "post": "Post"}
_MARKS = {"added": "+", "removed": "-", "changed": "~"}


class _Words:
    """The words of a plan's language, and how its items and values read in them."""

    def __init__(self, plan: Plan):
        self.plan = plan
        self._ = translator(plan.lang)

    def when(self, start: dt.datetime | dt.date | None) -> str:
        _ = self._
        if start is None:
            return _("undated")
        if isinstance(start, dt.datetime):
            local = start.astimezone(self.plan.calendar.zone)
            return f"{long_date(local.date(), self.plan.lang)} {local:%H:%M}"
        return f"{long_date(start, self.plan.lang)}, {_('all day')}"

    def where(self, item: Item) -> str:
        network = self.plan.calendar.networks.get(item.network or "")
        return network.name if network is not None else self._(_KIND_LABELS[item.kind])

    def value(self, name: str, item: Item) -> str:
        _ = self._
        calendar = self.plan.calendar
        if name == "start":
            return self.when(item.start)
        if name == "status":
            return _(item.status)
        if name == "network":
            return self.where(item)
        if name == "owner":
            person = calendar.team.get(item.owner or "")
            return person.name if person is not None else item.owner or NOTHING_SHOWN
        if name == "campaign":
            campaign = calendar.campaigns.get(item.campaign or "")
            return campaign.name if campaign is not None else item.campaign or NOTHING_SHOWN
        if name == "media":
            return ", ".join(media.path for media in item.media) or NOTHING_SHOWN
        if name == "limit":
            return str(item.limit) if item.limit is not None else NOTHING_SHOWN
        text = {"withheld_reason": item.withheld_reason, "title": item.title, "url": item.url}.get(name)
        return text or NOTHING_SHOWN

    def summary(self, changes: PlanChanges, revision: Revision) -> str:
        _ = self._
        if not changes.changes:
            return _("No change to the plan since {revision}.").format(revision=revision)
        counts = [say_count(changes.count(kind), one, many).translated(_) for kind, one, many in (
            ("added", "{count} item added", "{count} items added"),
            ("removed", "{count} item removed", "{count} items removed"),
            ("changed", "{count} item changed", "{count} items changed")) if changes.count(kind)]
        return _("Plan changes since {revision}: {counts}.").format(revision=revision,
                                                                     counts=", ".join(counts))

    def scope(self, changes: PlanChanges) -> str:
        _ = self._
        if changes.since is None:
            return _("Past items included.")
        return _("Items from {day} on; past items are left out.").format(
            day=self.when(changes.since))

    def length(self, item: Item) -> str | None:
        if item.text is None or item.length is None or item.limit is None:
            return None
        counted = self._("{length} of {limit} characters, as {network} counts").format(
            length=item.length, limit=item.limit, network=self.where(item))
        return counted + (f" — {self._('over the limit')}" if item.length > item.limit else "")

    def field_line(self, label: str, before: str, after: str) -> str:
        return self._("{label}: {before} → {after}").format(label=label, before=before, after=after)

    def changed_fields(self, change: ItemChange) -> list[tuple[str, str, str]]:
        """(label, before, after) of each field shown on one line: all but the text."""
        assert change.before is not None and change.after is not None
        return [(self._(FIELD_LABELS[name]), self.value(name, change.before), self.value(name, change.after))
                for name in change.fields if name != "text"]


def _text_lines(before: str | None, after: str | None) -> list[str]:
    """A post's text, line by line, marked ``-``/``+``/`` `` where it changed (whole texts: short)."""
    old, new = (before or "").splitlines(), (after or "").splitlines()
    lines = list(difflib.unified_diff(old, new, n=len(old) + len(new), lineterm=""))[3:]  # no ---/+++/@@
    if not lines:  # the same lines: only a final line break or a line separator changed
        return [f"  {line}" for line in new]
    return [f"{line[:1]} {line[1:]}" for line in lines]  # as git shows a change: removed lines first


def render_text(changes: PlanChanges, plan: Plan, revision: Revision) -> str:
    """For a terminal: one line per item, then what changed, indented."""
    words = _Words(plan)
    _ = words._
    lines = [words.summary(changes, revision), words.scope(changes)]
    for change in changes.changes:
        item = change.item
        lines.append("")
        lines.append(f"{_MARKS[change.kind]} {words.when(item.start)} · {words.where(item)} · "
                     f"{item.title} ({_(item.status)})  [{item.source}]")
        for label, old, new in words.changed_fields(change) if change.kind == "changed" else ():
            lines.append(f"    {words.field_line(label, old, new)}")
        if item.kind == "post" and change.kind != "removed" and (
                change.kind == "added" or "text" in change.fields):
            lines.append(f"    {_('Text:')}")
            text_lines = (_text_lines(change.before.text, item.text) if change.kind == "changed"
                          else [f"  {line}" for line in (item.text or "").splitlines()])
            lines.extend(f"      {line}" for line in text_lines)
            counted = words.length(item)
            if counted:
                lines.append(f"    ({counted})")
    return "\n".join(lines) + "\n"


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|#~!])")


def _inline(text: str) -> str:
    """Team's text inside Markdown: shown as written, never read as markup or HTML."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text.replace("&", "&amp;")).replace("\n", " ")


def _fenced(lines: list[str], language: str) -> list[str]:
    """A code block whose fence no line of the text can close."""
    longest = max((len(run) for line in lines for run in re.findall(r"`+", line)), default=0)
    fence = "`" * max(3, longest + 1)
    return [f"{fence}{language}", *lines, fence]


#: What a pull request shows at most: GitHub takes a comment of 65,536 characters, a job summary of 1 MiB.
MARKDOWN_ROWS = 200
MARKDOWN_TEXTS = 40


def render_markdown(changes: PlanChanges, plan: Plan, revision: Revision) -> str:
    """For a pull request (a job summary, a comment): a heading, a table, the texts in blocks."""
    words = _Words(plan)
    _ = words._
    marks = {"added": _("added"), "removed": _("removed"), "changed": _("changed")}
    lines = [f"### {_inline(words.summary(changes, revision))}", "", _inline(words.scope(changes))]
    if not changes.changes:
        return "\n".join(lines) + "\n"
    lines += ["", f"| | {_('When')} | {_('Where')} | {_('Title')} | {_('Status')} | {_('What changed')} |",
              "|---|---|---|---|---|---|"]
    for change in changes.changes[:MARKDOWN_ROWS]:
        item = change.item
        if change.kind == "changed":
            what = "<br>".join(_inline(words.field_line(label, old, new))
                               for label, old, new in words.changed_fields(change))
            if "text" in change.fields:
                what = "<br>".join(filter(None, [what, _inline(_("text changed (below)"))]))
        else:
            what = _inline(marks[change.kind])
        cells = [_MARKS[change.kind], *(_inline(cell) for cell in (
            words.when(item.start), words.where(item), item.title, _(item.status))), what]
        lines.append(f"| {' | '.join(cells)} |")
    texts = [change for change in changes.changes[:MARKDOWN_ROWS] if change.item.kind == "post" and (
        change.kind == "added" or (change.kind == "changed" and "text" in change.fields))]
    if texts:
        lines += ["", f"#### {_('Texts')}"]
    for change in texts[:MARKDOWN_TEXTS]:
        item = change.item
        lines += ["", f"**{_inline(words.where(item))}, {_inline(words.when(item.start))}** "
                      f"({_inline(marks[change.kind])}, `{item.source}`)", ""]
        if change.kind == "changed":
            lines += _fenced(_text_lines(change.before.text if change.before else None, item.text), "diff")
        else:
            lines += _fenced((item.text or "").splitlines(), "text")
        counted = words.length(item)
        if counted:
            lines += ["", _inline(counted)]
    left_out = max(0, len(changes.changes) - MARKDOWN_ROWS) + max(0, len(texts) - MARKDOWN_TEXTS)
    if left_out:
        lines += ["", _inline(_("Too long for a pull request: {rows} changes and {texts} texts are left "
                                "out. edcal diff {revision} shows them all.").format(
            rows=max(0, len(changes.changes) - MARKDOWN_ROWS), texts=max(0, len(texts) - MARKDOWN_TEXTS),
            revision=revision.name))]
    return "\n".join(lines) + "\n"


def render_json(changes: PlanChanges, plan: Plan, revision: Revision) -> str:
    """For scripts: each change with the item before and after, as plan.json writes items."""
    calendar = plan.calendar

    def document(item: Item | None) -> dict[str, Any] | None:
        return item_document(item, calendar) if item is not None else None

    return json.dumps({
        "revision": revision.name,
        "commit": revision.commit,
        "since": changes.since.isoformat() if changes.since is not None else None,
        "summary": {kind: changes.count(kind) for kind in ("added", "removed", "changed")},
        "changes": [{"change": change.kind, "id": change.item.id, "kind": change.item.kind,
                     "fields": list(change.fields), "before": document(change.before),
                     "after": document(change.after)} for change in changes.changes],
    }, ensure_ascii=False, indent=2) + "\n"


RENDERERS: dict[str, Callable[[PlanChanges, Plan, Revision], str]] = {
    "text": render_text, "markdown": render_markdown, "json": render_json,
}
