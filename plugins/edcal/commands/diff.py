"""``edcal diff``: what a change of the site does to the plan, for the reader of a pull request.

The site is read twice, at the same "now": as it is in the working tree (in
this process), and as it was at a git revision: its folder checked out from
git into a temporary folder (a private index, so the user's checkout and
index are untouched) and read in a child process started there, so that the
two reads share no settings module, plugin or signal handler. The plans are
compared item by item (:mod:`edcal.plan.changes`) and the changes written
for people (text), for a pull request (Markdown, e.g. the job summary), for
scripts (JSON) or for a workflow (GitHub's annotations: a warning at each post
put in the past).
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
import tempfile
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from edcal.commands._child import ChildRead, now_pinned, reading_in_child, spare_readers
from edcal.errors import InputError, InputErrors, shown_path
from edcal.i18n import (
    Message,
    clock_time,
    day_and_time,
    long_date,
    number,
    say,
    say_count,
    say_duration,
    speak,
    team_language,
    translator,
)
from edcal.model.calendar import Campaign, FreezeWindow, KeyDate, PostedRecord
from edcal.model.plan import Item, Plan, made_by, status_word
from edcal.model.source import Source
from edcal.outputs.plan_json import item_document
from edcal.plan.changes import CHANGE_KINDS, ItemChange, LeavingArticle, LogChange, PlanChanges, compare_plans
from edcal.zones import zone_time

#: Where errors about the revision argument point (an argument has no line).
REVISION = Source("REVISION", 1, 1)
#: ``main...``: compare with where the branch left ``main`` (their merge base), as a pull request does;
#: ``main...feature``: where ``feature`` left ``main``, compared with ``feature``.
BRANCH_POINT = "..."
#: ``main..feature``: one revision compared with another, both read from git.
RANGE = ".."


@dataclass(frozen=True, slots=True)
class Revision:
    """A revision compared: as the user named it, and its commit."""

    name: str
    commit: str
    #: Said on standard error, not in the output (a branch that moved on since).
    notes: tuple[str, ...] = field(default=())
    #: The site's folder in the repository ("" at its root, else e.g. "blog/").
    prefix: str = ""
    #: The repository's top folder.
    repository: str = ""
    #: What it is compared with when that is a revision too (``main..feature``); None: the working tree.
    target: Revision | None = None

    def __str__(self) -> str:
        return f"{self.name} ({self.commit[:7]})" if not self.commit.startswith(self.name) else self.name

    @property
    def argument(self) -> str:
        """The comparison as the command line writes it: ``main``, ``main...``, ``main..feature``."""
        if self.target is None or BRANCH_POINT in self.name:
            return self.name
        return f"{self.name}{RANGE}{self.target.name}"

    def path(self, path: str) -> str:
        """A site file at the revision as git names it: ``main:blog/calendar.yaml`` (``git show`` it)."""
        ref = self.commit[:7] if BRANCH_POINT in self.name else self.name
        return f"{ref}:{self.prefix}{path}"


def diff(site: Path, settings_file: str, revision: str, fmt: str, everything: bool = False,
         target: str | None = None) -> tuple[str, tuple[str, ...]]:
    """The plan's changes from ``revision`` to the working tree (or to the revision it names after
    ``..``: ``main..feature``), in ``fmt``, and notes for stderr.

    The revision's site is read in a child process while this one reads the working tree (or a second
    child the other revision): on two cores, the two reads take the time of one.

    :param everything: compare past items too (by default, only what is still to come).
    :param target: the revision compared with, given apart (``edcal diff main feature``, as git diff
        takes it): ``main..feature``.
    :raises InputErrors: not a git repository, an unknown revision, a site that does not load
        (at the revision, its paths are given as git names them: ``main:calendar.yaml``).
    """
    from edcal.pelican_plugin.metadata import read_plan, tell_plugin_problems

    settings_file = _settings_in(site, settings_file)
    if target is not None:
        if RANGE in revision or RANGE in target:
            raise InputErrors([InputError(REVISION, say("found '{revision}' and '{target}', expected one "
                                                        "range or two revisions", revision=revision,
                                                        target=target),
                                          say("e.g. edcal diff main..feature, or edcal diff main feature"))])
        revision = f"{revision}{RANGE}{target}"
    resolved = resolve_revision(site, revision)
    if resolved.target is None and not (site / settings_file).is_file():
        # The folder's first: a file missing in both was blamed on the revision ("HEAD:nope.py").
        raise InputErrors([InputError(Source(settings_file, 1, 1),
                                      say("{file} not found in {site}", file=settings_file, site=site),
                                      say("run in the site's folder, or pass --site DIR"))])
    with spare_readers(1 if resolved.target is None else 2), now_pinned(), \
            _site_at(resolved) as (old_site, work), \
            _reading(old_site, work, settings_file, resolved) as before:
        if resolved.target is None:
            # Every post composed, past ones too: a post moved out of the past has a text to compare.
            after = read_plan(site, settings_file, compose_from=None)
        else:  # from git too: the working tree is neither read nor touched
            with _site_at(resolved.target) as (new_site, new_work), \
                    _reading(new_site, new_work, settings_file, resolved.target, needed=True) as read:
                plan = read()
            assert plan is not None
            after = plan
            speak(after.lang)  # no settings read here: the notes in the site's language all the same
        old = before()
    # Each side's plugins not installed, once: the working tree's are told as it is read.
    if resolved.target is not None:
        tell_plugin_problems(after.plugin_problems, resolved.target.path)
    told = {message for _where, message, _hint in after.plugin_problems}
    if old is not None:
        tell_plugin_problems([problem for problem in old.plugin_problems if problem[1] not in told],
                             resolved.path)
    changes = compare_plans(old, after, None if everything else after.now)
    if fmt == "github":
        from edcal.checks.report import repository_folder
        from edcal.site import setting_source

        def setting(name: str) -> Source:
            return setting_source(site, site / settings_file, name)

        rendered = render_github(changes, old, after, resolved, everything, repository_folder(site),
                                 setting if resolved.target is None else None)
    else:
        rendered = RENDERERS[fmt](changes, old, after, resolved, everything)
    return rendered, resolved.notes


def _settings_in(site: Path, settings_file: str) -> str:
    """The settings file named from the site's folder: the same name is read at the revision."""
    path = Path(settings_file)
    if not path.is_absolute():
        return settings_file
    try:
        return path.resolve().relative_to(site.resolve()).as_posix()
    except ValueError:
        raise InputErrors([InputError(
            Source("--settings", 1, 1), say("found '{file}', outside the site's folder", file=settings_file),
            say("name a settings file of the site, e.g. -s publishconf.py: edcal diff reads the same file "
                "at the revision"))]) from None


def _git(folder: Path | str, *args: str,
         env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, timeout=120,
                              check=False, env=env)
    except FileNotFoundError as exc:
        if exc.filename != "git":  # the folder, not git: a submodule removed from the working tree
            raise InputErrors([InputError(REVISION, say("cannot run git in {folder}: it does not exist",
                                                        folder=str(folder)),
                                          "git submodule update --init --recursive")]) from None
        raise InputErrors([InputError(REVISION, say("git is not installed"),
                                      say("edcal diff reads the revision with git: install it, or compare "
                                          "by hand"))]) from None


_SHALLOW_HINT = say("this clone is shallow and lacks that history: git fetch --unshallow (in CI, "
                    "actions/checkout with fetch-depth: 0)")


def resolve_revision(site: Path, revision: str) -> Revision:
    """The commits ``revision`` names: ``REV`` (compared with the working tree), ``REV...`` (where
    HEAD's branch left REV), ``REV..OTHER`` (compared with OTHER), ``REV...OTHER`` (where OTHER left
    REV, compared with OTHER).

    :raises InputErrors: outside a git repository, for what is no revision, or for unknown ones.
    """
    name, dots, other = _split(revision)
    top = _git(site, "rev-parse", "--show-toplevel")
    if top.returncode != 0:
        raise InputErrors([InputError(REVISION, say("{folder} is not in a git repository",
                                                    folder=str(site.resolve())),
                                      say("edcal diff compares with a git revision: run it in the site's "
                                          "repository"))])
    shallow = _git(site, "rev-parse", "--is-shallow-repository").stdout.strip() == "true"
    commit, other_commit = _commits(site, name, other, shallow=shallow)
    prefix = _git(site, "rev-parse", "--show-prefix").stdout.strip()
    repository = top.stdout.strip()
    target = Revision(other, other_commit, prefix=prefix, repository=repository) if other else None
    if dots == BRANCH_POINT:
        base = _git(site, "merge-base", commit, other_commit or "HEAD")
        if base.returncode != 0:
            message = say("'{name}' and '{other}' have no commit in common", name=name, other=other) \
                if other else say("'{name}' and HEAD have no commit in common", name=name)
            hint = _SHALLOW_HINT if shallow else \
                say("compare them as they are: edcal diff {name}..{other}", name=name, other=other) if other \
                else say("compare with {name} itself: edcal diff {name}", name=name)
            raise InputErrors([InputError(REVISION, message, hint)])
        return Revision(revision, base.stdout.strip(), prefix=prefix, repository=repository, target=target)
    notes: tuple[str, ...] = ()
    if _git(site, "merge-base", "--is-ancestor", commit, other_commit or "HEAD").returncode == 1:
        ahead = _git(site, "rev-list", "--count", f"{other_commit or 'HEAD'}..{commit}").stdout.strip()
        values = {"name": name, "other": other or "HEAD", "branch": other or say("your branch"),
                  "command": f"edcal diff {name}{BRANCH_POINT}{other}",
                  "commits": say_count(int(ahead or 0), "{count} commit", "{count} commits")}
        notes = (say("note: {name} has {commits} that {other} does not have: their changes show here as "
                     "undone. '{command}' compares with where {branch} left {name}, as a pull request does "
                     "({hint}).", hint=_SHALLOW_HINT, **values) if shallow else
                 say("note: {name} has {commits} that {other} does not have: their changes show here as "
                     "undone. '{command}' compares with where {branch} left {name}, as a pull request "
                     "does.", **values),)
    return Revision(name, commit, notes, prefix, repository, target)


def _split(revision: str) -> tuple[str, str, str]:
    """``main..feature`` as ``("main", "..", "feature")``, ``main...`` as ``("main", "...", "")``.

    :raises InputErrors: for what names no revision, or only one side of ``..``.
    """
    dots = BRANCH_POINT if BRANCH_POINT in revision else RANGE if RANGE in revision else ""
    name, _, other = revision.partition(dots) if dots else (revision, "", "")
    if dots and (name or other) and not (name and (other or dots == BRANCH_POINT)):
        hint = say("edcal diff {name} compares {name} with your folder; edcal diff {name}..HEAD, with your "
                   "last commit", name=name) if name else \
            say("name both sides: HEAD is your last commit, e.g. HEAD{dots}{other}", dots=dots, other=other)
        raise InputErrors([InputError(REVISION, say("found '{revision}', expected a revision on each side of "
                                                    "'{dots}'", revision=revision, dots=dots), hint)])
    if not name or name.startswith(("-", ".")) or other.startswith(("-", ".")) or RANGE in name \
            or RANGE in other:
        raise InputErrors([InputError(REVISION, say("found '{revision}', expected a git revision",
                                                    revision=revision),
                                      say("a branch, a tag or a commit (main, origin/main, HEAD~3); "
                                          "main... for where your branch left main; main..feature to "
                                          "compare two"))])
    return name, dots, other


def _commits(site: Path, *names: str, shallow: bool = False) -> list[str]:
    """The commit each name gives ("" for no name).

    :raises InputErrors: for each unknown one; its hint never suggests a name given beside it
        (``mian..main``: not ``main``), nor, in a shallow clone, a name for ``HEAD~1`` (its history is
        missing).
    """
    found = {name: _git(site, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{name}^{{commit}}")
             for name in names if name}
    unknown = [name for name, result in found.items() if result.returncode != 0]
    if unknown and _git(site, "rev-parse", "--verify", "--quiet", "HEAD").returncode != 0:
        raise InputErrors([InputError(REVISION, say("the repository has no commit yet"),
                                      say("commit the site first: edcal diff compares with a commit"))])
    if unknown:
        refs = _git(site, "for-each-ref", "--format=%(refname:short)", "refs/heads", "refs/remotes",
                    "refs/tags").stdout.split()
        others = [ref for ref in [*refs, "HEAD"] if ref not in names]
        raise InputErrors([InputError(REVISION, say("unknown revision '{name}'", name=name),
                                      _SHALLOW_HINT if shallow and re.search(r"[~^]|^[0-9a-f]{7,40}$", name)
                                      else _closest(name, others))
                           for name in unknown])
    return [found[name].stdout.strip() if name else "" for name in names]


def _closest(name: str, refs: list[str]) -> Message:
    """The hint for an unknown revision: the closest of ``refs``, if any is close."""
    # The other name of a default branch first: a repository made by `git init` has `master`.
    same = {"main": "master", "master": "main", "origin/main": "origin/master",
            "origin/master": "origin/main"}
    close = [same[name]] if same.get(name) in refs else difflib.get_close_matches(name, refs, n=1)
    if close:
        return say("did you mean '{match}'? a branch, a tag or a commit (git log --oneline lists them); in "
                   "CI, fetch it first (actions/checkout with fetch-depth: 0)", match=close[0])
    return say("a branch, a tag or a commit (git log --oneline lists them); in CI, fetch it first "
               "(actions/checkout with fetch-depth: 0)")


@contextlib.contextmanager
def _reading(site_at: Path | None, work: Path, settings_file: str, revision: Revision,
             needed: bool = False) -> Iterator[Callable[[], Plan | None]]:
    """Start reading the site at ``revision`` in a child process; the function given waits for its plan
    (None when the site had no calendar.yaml then).

    :param needed: the site compared with: its calendar.yaml missing is an error.
    """
    if site_at is None or not (site_at / "calendar.yaml").is_file():
        if needed:
            raise InputErrors([InputError(Source(revision.path("calendar.yaml"), 0, 0),
                                          say("the site has no calendar.yaml at {revision}",
                                              revision=revision.name),
                                          say("compare with a revision that has the site"))])
        yield lambda: None
        return
    if not (site_at / settings_file).is_file():
        raise InputErrors([InputError(
            Source(revision.path(settings_file), 1, 1),
            say("{file} not found in the site at {revision}", file=settings_file, revision=revision.name),
            say("was it renamed? compare with a revision that has it, or name the settings both have "
                "with -s"))])
    with reading_in_child(site_at, settings_file, work) as finished:
        yield lambda: _plan_at(finished(), settings_file, revision)


def _plan_at(read: ChildRead, settings_file: str, revision: Revision) -> Plan | None:
    if read.outcome is None:
        raise InputErrors([InputError(
            Source(revision.path(settings_file), 1, 1),
            read.stopped(say("the site at {revision}", revision=revision.name)),
            say("its settings or one of its plugins stopped it; compare with another revision"))])
    sys.stderr.write(read.said)  # Pelican's warnings about the revision's settings, a plugin's prints
    outcome, value = read.outcome
    if outcome == "errors":
        raise InputErrors(
            [InputError(Source(revision.path(e.source.path), e.source.line, e.source.column),
                        e.message, e.hint) if e.source.in_file else e for e in value],
            outcome=say("the site at {revision} does not load; compare with a revision where it does",
                        revision=revision.name))
    return value  # type: ignore[no-any-return]


@contextlib.contextmanager
def _site_at(revision: Revision) -> Iterator[tuple[Path | None, Path]]:
    """The site's folder as it was at ``revision``, in a temporary copy of the whole repository at
    that commit (links from the site to the rest of the repository resolve there), submodules
    included (None when the site's folder did not exist then), and a folder to work in.

    Through a private index (``GIT_INDEX_FILE``): every file is there as a checkout would write
    it (``export-ignore`` leaves nothing out), and the user's checkout and index are untouched.
    """
    with tempfile.TemporaryDirectory(prefix="edcal-diff-") as folder:
        copy = Path(folder) / "work" / "repository"
        _checkout(revision.repository, f"{revision.commit}^{{tree}}", copy, Path(folder) / "index", revision)
        old_site = copy / revision.prefix if revision.prefix else copy
        yield (old_site if old_site.is_dir() else None), Path(folder)


def _checkout(repository: str, tree: str, target: Path, index: Path, revision: Revision,
              where: str = "") -> None:
    """Every file of ``tree`` into ``target``, and each submodule's files at the commit it records."""
    env = {**os.environ, "GIT_INDEX_FILE": str(index)}
    for args in (("read-tree", tree), ("checkout-index", "--all", "--force", f"--prefix={target}/")):
        done = _git(repository, *args, env=env)
        if done.returncode != 0:
            reason = done.stderr.strip() or say("git failed")
            message = say("cannot check out {where} at '{revision}': {reason}", where=where,
                          revision=revision.name, reason=reason) if where else \
                say("cannot check out the site at '{revision}': {reason}", revision=revision.name,
                    reason=reason)
            raise InputErrors([InputError(REVISION, message,
                                          say("git fsck tells whether the repository is damaged"))])
    listed = _git(repository, "ls-tree", "-r", "-z", tree).stdout
    for entry in filter(None, listed.split("\0")):
        info, _, path = entry.partition("\t")
        _mode, kind, commit = info.split()
        if kind != "commit":  # a submodule: its commit, from its own checkout
            continue
        module = Path(repository) / path
        if not module.is_dir() or _git(module, "cat-file", "-e", f"{commit}^{{commit}}").returncode != 0 or \
                _git(module, "rev-parse", "--show-toplevel").stdout.strip() != str(module.resolve()):
            raise InputErrors([InputError(REVISION, say("the submodule {path} at '{revision}' is at commit "
                                                        "{commit}, which this checkout does not have",
                                                        path=f"{where}{path}", revision=revision.name,
                                                        commit=commit[:7]),
                                          say("git submodule update --init --recursive (and fetch it)"))])
        _checkout(str(module), f"{commit}^{{tree}}", target / path, index.with_name(index.name + "+"),
                  revision, f"{where}{path}/")


# Rendering -------------------------------------------------------------------------------------

#: How each compared field is named to people (translated), in COMPARED's order.
FIELD_LABELS = {
    "id": "Identifier", "start": "Date", "status": "Status", "withheld_reason": "Freeze reason",
    "title": "Title", "network": "Network", "limit": "Limit", "url": "Link", "media": "Images",
    "owner": "Owner", "campaign": "Campaign", "promotional": "Promotional", "cw": "Content warning",
    "first_comment": "First comment", "thread": "Thread", "note": "Note", "poll": "Poll",
}
#: What an added post's row shows beside its text, when it has it.
ADDED_FIELDS = ("media", "cw", "first_comment", "thread", "poll", "note")
#: An empty value (no owner, no campaign, no image), in every language.
NOTHING_SHOWN = "—"
_KIND_LABELS = {"article": "Blog", "deadline": "Deadline", "idea": "Idea", "post": "Post"}
_MARKS = {"added": "+", "removed": "-", "changed": "~"}


@dataclass(frozen=True, slots=True)
class _Row:
    """Changes shown as one: the occurrences of a recurring post changed alike, or one change."""

    changes: tuple[ItemChange, ...]

    @property
    def first(self) -> ItemChange:
        return self.changes[0]


def _rows(changes: PlanChanges, words: _Words) -> list[_Row]:
    """One row per change, except the items of one entry changed alike (an alt text on each of
    its networks, the words of a recurring post): one row, at the first one's place."""
    groups: dict[tuple[Any, ...], list[ItemChange]] = {}
    for change in changes.changes:
        item = change.item
        if item.parent is None:
            key: tuple[Any, ...] = (item.id,)
        else:
            shown = tuple(words.changed_fields(change)) if change.kind == "changed" \
                else tuple(words.added_fields(change))
            text = (tuple(_text_lines(change.before.text if change.before else None, item.text))
                    if change.text_changed else ())
            key = (change.kind, change.late, item.parent, item.kind, item.title, item.status,
                   item.withheld_reason, shown, text, words.length(item) if _counted(change) else None)
        groups.setdefault(key, []).append(change)
    return [_Row(tuple(group)) for group in groups.values()]


def _counted(change: ItemChange) -> bool:
    """Whether a change's row says the text's length: its words changed, or its network's limit."""
    return change.text_changed or (change.item.kind == "post" and "limit" in change.fields)


class _Words:
    """The words of the site's language, and how the items and values of both plans read in them."""

    def __init__(self, before: Plan | None, after: Plan, revision: Revision | None,
                 where: Callable[[Source, bool], str] | None = None):
        self.before = before
        self.where_shown = where
        self.plan = after
        self.revision = revision
        self._ = translator(team_language(after.lang))

    def when(self, start: dt.datetime | dt.date | None) -> str:
        _ = self._
        if start is None:
            return _("undated")
        if isinstance(start, dt.datetime):
            local = start.astimezone(self.plan.calendar.zone)
            return day_and_time(local, self._.tag)
        return f"{long_date(start, self._.tag)}, {_('all day')}"

    def account_time(self, item: Item, plan: Plan) -> str:
        """A post's time on its account's clock (its network's `timezone:`), in brackets after the site's:
        the day and time written; nothing for an account on the site's clock."""
        network = plan.calendar.networks.get(item.network or "")
        if network is None or network.zone is None or not plan.calendar.zoned(network) \
                or not isinstance(item.start, dt.datetime):
            return ""
        own, tag = item.start.astimezone(network.zone), self._.tag
        return " ({})".format(self._("{time}, {day} on its account's clock, {zone}").format(
            time=clock_time(own, tag), day=long_date(own.date(), tag),
            zone=zone_time(network.timezone or "", tag, own.year)))

    def row_when(self, row: _Row) -> str:
        starts = list(dict.fromkeys(change.item.start for change in row.changes))
        if len(starts) == 1:
            return self.when(starts[0])
        return say_count(len(starts) - 1, "{first} and one more, until {last}",
                         "{first} and {count} more, until {last}", first=self.when(starts[0]),
                         last=self.when(starts[-1])).translated(self._)

    def where(self, item: Item, plan: Plan | None = None) -> str:
        network = (plan or self.plan).calendar.networks.get(item.network or "")
        return network.name if network is not None else self._(_KIND_LABELS[item.kind])

    def row_where(self, row: _Row) -> str:
        """The networks of the row's items (a removed one's as the revision named it)."""
        return ", ".join(dict.fromkeys(
            self.where(c.item, self.before if c.kind == "removed" else None) for c in row.changes))

    def source(self, change: ItemChange | LogChange, terminal: bool = False) -> str:
        """Where the item (or the log's line) is written: in the working tree (or the revision compared
        with), or at the revision for a removed one. On a terminal, a file of the working tree is shown
        from the current folder, as edcal check shows it (``blog/calendar.yaml:52``)."""
        source = change.item.source if isinstance(change, ItemChange) else change.record.source
        at = self.revision if change.kind == "removed" or self.revision is None else self.revision.target
        if at is None and terminal and self.where_shown is not None:
            return self.where_shown(source, change.after is not None)
        if at is None:
            return f"{shown_path(source.path)}:{source.line}" if terminal else str(source)
        return f"{at.path(source.path)}:{source.line}"

    def value(self, name: str, item: Item, plan: Plan) -> str:
        _ = self._
        calendar = plan.calendar
        if name == "start":
            return self.when(item.start) + self.account_time(item, plan)
        if name == "status":
            return _(status_word(item.kind, item.status))
        if name == "network":
            return self.where(item, plan)
        if name == "owner":
            person = calendar.team.get(item.owner or "")
            return person.name if person is not None else item.owner or NOTHING_SHOWN
        if name == "campaign":
            campaign = calendar.campaigns.get(item.campaign or "")
            return campaign.name if campaign is not None else item.campaign or NOTHING_SHOWN
        if name == "media":
            # " · " between images (a carousel's, in order): an alt text may hold commas. A video's cover and
            # subtitles after it: changing either is a change of the post.
            return " · ".join(
                part for media in item.media for part in (
                    _("{path} (alt text: {alt})").format(path=media.path, alt=media.alt) if media.alt
                    else media.path,
                    *([f"{_('Cover:')} {media.cover}"] if media.cover else []),
                    *([f"{_('Subtitles:')} {media.subtitles}"] if media.subtitles else []))) or NOTHING_SHOWN
        if name == "limit":
            return str(item.limit) if item.limit is not None else NOTHING_SHOWN
        if name == "poll":  # its question, its answers in order, how long it is open
            poll = item.poll
            if poll is None:
                return NOTHING_SHOWN
            return " · ".join((*([poll.question] if poll.question else []), *poll.options)) \
                + f" ({say_duration(poll.minutes).translated(_)})"
        if name == "promotional":
            return _("yes") if item.promotional else _("no")
        text = {"id": item.id, "withheld_reason": item.withheld_reason, "title": item.title,
                "url": item.url, "cw": item.cw,
                # On the change's one line: its paragraphs joined, its no-break spaces kept.
                "first_comment": re.sub(r"\n+", " ", item.first_comment or ""),
                "thread": " · ".join(re.sub(r"\n+", " ", reply.text) for reply in item.thread),
                "note": re.sub(r"\n+", " ", item.note or "")}.get(name)
        return text or NOTHING_SHOWN

    def summary(self, changes: PlanChanges) -> str:
        _ = self._
        target = self.revision.target if self.revision is not None else None
        if not (changes.changes or changes.freezes_added or changes.freezes_removed or changes.key_dates
                or changes.campaigns or changes.leaving or changes.log or changes.feeds_gone
                or changes.accounts or changes.history_moved):
            if target is not None:
                return _("No change to the plan from {revision} to {target}.").format(revision=self.revision,
                                                                                      target=target)
            return _("No change to the plan since {revision}.").format(revision=self.revision)
        counts = [say_count(count, one, many).translated(_) for count, one, many in (
            (len(changes.leaving), "{count} live article leaves its address",
             "{count} live articles leave their address"),
            (changes.count("added"), "{count} item added", "{count} items added"),
            (changes.count("removed"), "{count} item removed", "{count} items removed"),
            (changes.count("changed"), "{count} item changed", "{count} items changed"),
            (len(changes.key_dates), "{count} key date", "{count} key dates"),
            (len(changes.campaigns), "{count} campaign", "{count} campaigns"),
            (len(changes.freezes_added) + len(changes.freezes_removed), "{count} freeze window",
             "{count} freeze windows"),
            (len(changes.log), "{count} line of the log of what went out",
             "{count} lines of the log of what went out"),
            (len(changes.feeds_gone), "{count} feed no longer written", "{count} feeds no longer written"),
            (len(changes.accounts), "{count} account changed", "{count} accounts changed"),
            (len(changes.history_moved), "{count} post gone out said to have gone out at another time",
             "{count} posts gone out said to have gone out at another time")) if count]
        if target is not None:
            return _("Plan changes from {revision} to {target}: {counts}.").format(
                revision=self.revision, target=target, counts=", ".join(counts))
        return _("Plan changes since {revision}: {counts}.").format(revision=self.revision,
                                                                     counts=", ".join(counts))

    def scope(self, changes: PlanChanges) -> str:
        _ = self._
        if changes.new_site and self.revision is not None:  # only a revision can lack the site
            return _("The site had no calendar.yaml at {revision}: everything in it is new.").format(
                revision=self.revision.name)
        if changes.since is None:
            return _("Past items included.")
        if any(change.late for change in changes.changes):  # shown though past: put there by the change
            scope = _("Items from {day} on; past items are left out, but for the posts this change puts in "
                      "the past.").format(day=self.when(changes.since))
        else:
            scope = _("Items from {day} on; past items are left out.").format(day=self.when(changes.since))
        if changes.past_left_out and self.revision is not None:
            scope += " " + say_count(
                changes.past_left_out, "{count} change to a past item is not shown: {command} shows it.",
                "{count} changes to past items are not shown: {command} shows them.",
                command=f"edcal diff {self.revision.argument} --all").translated(_)
        return scope

    def length(self, item: Item) -> str | None:
        """"417 characters for a limit of 300 (Bluesky's count): 117 too many"."""
        if item.text is None or item.length is None or item.limit is None:
            return None
        counted = self._("{length} characters for a limit of {limit} ({network}'s count)").format(
            length=self.number(item.length), limit=self.number(item.limit), network=self.where(item))
        excess = self.excess(item)
        return self._("{counted}: {excess}").format(counted=counted, excess=excess) if excess else counted

    def excess(self, item: Item) -> str | None:
        """"107 characters too many", for a text over its network's limit."""
        if item.length is None or item.limit is None or item.length <= item.limit:
            return None
        return self._("{excess} characters too many").format(excess=self.number(item.length - item.limit))

    def number(self, value: int) -> str:
        """A count of characters as the report's language writes it ("3,000", "3 000")."""
        return number(value, self._.language)

    def field_line(self, label: str, before: str, after: str) -> str:
        return self._("{label}: {before} → {after}").format(label=label, before=before, after=after)

    def changed_fields(self, change: ItemChange) -> list[tuple[str, str, str]]:
        """(label, before, after) of each field shown on one line: all but the text, and but the
        title of a post named by its first words when its words changed."""
        before, after = change.before, change.after
        assert before is not None and after is not None
        named_by_text = after.kind == "post" and (after.text or "").startswith(after.title.rstrip("…"))
        shown = []
        for name in change.fields:
            if name == "text" or (name == "title" and "text" in change.fields and named_by_text):
                continue
            if name == "id" and before.parent and after.parent and before.parent != after.parent:
                # The entry's `id:` renamed: as it is written (one line for its networks and days).
                shown.append((self._(FIELD_LABELS[name]), before.parent, after.parent))
                continue
            if name == "media" and [(m.path, m.cover, m.subtitles) for m in before.media] == \
                    [(m.path, m.cover, m.subtitles) for m in after.media]:
                # The same images (a video with the same cover and subtitles), in the same order: each changed
                # alt text on a line of its own.
                several = len(after.media) > 1
                shown += [(self._("Alt text of {path}").format(path=was.path) if several
                           else self._("Alt text"), was.alt or NOTHING_SHOWN, now.alt or NOTHING_SHOWN)
                          for was, now in zip(before.media, after.media, strict=True) if was.alt != now.alt]
                continue
            was, now = self.value(name, before, self.before or self.plan), self.value(name, after, self.plan)
            if was != now:  # a network's key renamed, its name kept: the id's line says it
                video = name == "media" and any(m.is_video for m in (*before.media, *after.media))
                shown.append((self._("Video") if video else self._(FIELD_LABELS[name]), was, now))
        return shown

    def added_fields(self, change: ItemChange) -> list[tuple[str, str]]:
        """(label, value) of what an added post carries beside its text (its images or video, content
        warning, first comment, thread, poll, note): whoever approves the post sees all it will show."""
        item = change.item
        if change.kind != "added" or item.kind != "post":
            return []
        video = any(m.is_video for m in item.media)
        return [(self._("Video") if name == "media" and video else self._(FIELD_LABELS[name]),
                 self.value(name, item, self.plan))
                for name in ADDED_FIELDS if getattr(item, name)]

    def field(self, label: str, value: str) -> str:
        return self._("{label}: {value}").format(label=label, value=value)

    def notes(self, change: ItemChange) -> list[str]:
        """What an item's row says beyond its kind: the freeze holding it; a post put in the past."""
        if "id" in change.fields:
            return [self._("Its id is its event's in the calendar feeds: subscribers will see the event "
                           "removed and added again")]
        if change.late and self.promotion(change.item):
            return [self._("Its time is already past: this post will not go out as planned (check its date; "
                           "an article published late loses its promotions of earlier)")]
        if change.late:
            return [self._("Its time is already past: this post will not go out as planned (check its "
                           "date)")]
        if change.kind != "changed" and change.item.withheld_reason:
            return [self._("Freeze reason: {reason}").format(reason=change.item.withheld_reason)]
        return []

    def leaving(self, article: LeavingArticle) -> str:
        """"L'article « … », en ligne depuis le …, quitte le site : son adresse … ne répondra plus (…)"."""
        _ = self._
        before = article.before
        values = {"title": before.title, "url": before.url or NOTHING_SHOWN,
                  "day": long_date(self.plan.day_of(before.start), self._.tag) if before.start else ""}
        if article.new_url is not None:
            said = _("The article “{title}”, online since {day}, changes address: {url} → {new}; the old "
                     "one will answer no more").format(new=article.new_url, **values)
        else:
            said = _("The article “{title}”, online since {day}, leaves the site: its address {url} will "
                     "answer no more").format(**values)
        if not article.posts_out:
            return said
        posts = say_count(article.posts_out, "{count} post that went out links to it",
                          "{count} posts that went out link to it").translated(_)
        return f"{said} ({posts})"

    def feed_gone(self, path: str) -> str:
        return self._("The feed {path} is no longer written: calendar apps subscribed to it will find no "
                      "calendar there (edcal build leaves the old file out of planning/)").format(path=path)

    def account(self, network: str, was: str | None, now: str | None) -> str:
        return self._("Account on {network}: {before} → {after} (in every event and draft of it, past ones "
                      "included)").format(network=network, before=was or NOTHING_SHOWN,
                                          after=now or NOTHING_SHOWN)

    def history_moved(self, moved: tuple[tuple[Item, Item], ...]) -> str:
        """One line for every post the log says went out whose planned time moved: the log says it too."""
        was, now = moved[0]
        said = say_count(
            len(moved), "{count} post the log says went out at its planned time now says another time ({id}: "
            "{before} → {after}): its log line gives no `at:`, so it follows the plan",
            "{count} posts the log says went out at their planned time now say another time ({id}: {before} "
            "→ {after}…): their log lines give no `at:`, so they follow the plan",
            id=now.id, before=self.when(was.start), after=self.when(now.start)).translated(self._)
        went = was.posted.at if was.posted is not None else was.start
        written = went.astimezone(self.plan.calendar.zone).strftime("%Y-%m-%d %H:%M") \
            if isinstance(went, dt.datetime) else str(went)
        hint = self._("to keep what happened, give each line the time it went out: {example}").format(
            example=f"{{item: {now.id}, at: {written}}}")
        return self._("{said}; {hint}").format(said=said, hint=hint)

    def feed_gone_title(self) -> str:
        """A workflow annotation's title for a feed no longer written."""
        return self._("feed no longer written")

    def leaving_title(self) -> str:
        """A workflow annotation's title for an article leaving its address."""
        return self._("article leaving its address")

    def leaving_source(self, article: LeavingArticle,
                       setting: Callable[[str], Source] | None = None) -> Source:
        """Where to annotate: the line of the article's header that moves it (the file, if deleted), or
        the settings' line when they do (``SITEURL``, ``ARTICLE_URL``: its slug and date are as they were).

        :param setting: where the settings the site was read with set a setting, when known.
        """
        now = article.after
        found = self.plan.article_of(now) if now is not None else None
        if now is None or found is None:
            return article.before.source
        if now.status != "published":
            return found.where("status")
        if now.id != article.before.id:
            return found.where("slug")
        if now.start == article.before.start and setting is not None and now.url and article.before.url:
            was, new = urllib.parse.urlsplit(article.before.url), urllib.parse.urlsplit(now.url)
            moved_site = (was.scheme, was.netloc) != (new.scheme, new.netloc) \
                or was.path.endswith(new.path) or new.path.endswith(was.path)
            return setting("SITEURL" if moved_site else "ARTICLE_URL")
        return found.where("date")

    def confirmation(self, change: LogChange) -> str:
        """"Confirmée partie : LinkedIn · Bonjour le monde, mardi 2 mars 2027 10:40", a line of the
        ``posted:`` log added, removed or changed, said of the post it names."""
        _ = self._
        item = change.item

        def went(record: PostedRecord) -> str:
            if record.skipped:
                return _("skipped")
            said = self.when(record.at if record.at is not None else item.start if item else None)
            return f"{said} · {record.url}" if record.url else said

        post = record_id = change.record.item
        if item is not None:
            post = f"{self.where(item, self.before if change.kind == 'removed' else None)} · {item.title}"
        if change.kind == "added":
            if change.record.skipped:
                # Its planned time tells apart the days of a recurring post, which share a title.
                return _("Logged as skipped (it did not go out): {post}, {when}").format(
                    post=post, when=self.when(item.start if item else None))
            return _("Confirmed gone out: {post}, {when}").format(post=post, when=went(change.record))
        assert change.before is not None
        if change.kind == "removed":
            if change.before.skipped:
                return _("No longer logged as skipped: {post}; {id} is to confirm again").format(
                    post=post, id=record_id)
            return _("Confirmation removed: {post} (it said {when}); {id} no longer counts as gone "
                     "out").format(post=post, when=went(change.before), id=record_id)
        return _("Confirmation changed: {post}, {before} → {after}").format(
            post=post, before=went(change.before), after=went(change.record))

    def promotion(self, item: Item) -> bool:
        """Whether a post promotes an article (a `promote:` entry's, or the blog's `promote:`), not one
        of the posts written out."""
        written = {entry.id for entry in self.plan.calendar.posts if entry.kind != "promote"}
        return item.article is not None and item.parent not in written

    def late_title(self) -> str:
        """A workflow annotation's title for a post put in the past."""
        return self._("post put in the past")

    def late_message(self, change: ItemChange) -> str:
        """"La publication LinkedIn du mercredi 14 janvier 2026 10:00 est déjà passée : …", for an
        annotation (the note of a row, said of the post it is at)."""
        if not self.promotion(change.item):
            return self._("The {network} post of {when} is already past: it will not go out as planned "
                          "(check its date)").format(network=self.where(change.item),
                                                     when=self.when(change.item.start))
        return self._("The {network} post of {when} is already past: it will not go out as planned (check "
                      "its date; an article published late loses its promotions of earlier)").format(
            network=self.where(change.item), when=self.when(change.item.start))

    def span(self, kind: str, before: KeyDate | Campaign | None, after: KeyDate | Campaign | None) -> str:
        """"Salon Industrie, Lyon: lundi 26 janvier 2027 → jeudi 29 janvier 2027", before → after (a
        key date's or a campaign's)."""
        def days(key_date: KeyDate | Campaign) -> str:
            first = long_date(key_date.start, self._.tag)
            if key_date.end == key_date.start:
                return first
            last = long_date(key_date.end, self._.tag)
            return self._("{first} to {last}").format(first=first, last=last)

        shown = after or before
        assert shown is not None
        if kind != "changed" or before is None or after is None:
            return self._("{name}: {days}").format(name=shown.name, days=days(shown))
        if before.name != after.name and (before.start, before.end) == (after.start, after.end):
            return self._("{name}: {days}").format(name=f"{before.name} → {after.name}", days=days(after))
        return self._("{name}: {days}").format(name=after.name, days=f"{days(before)} → {days(after)}")

    def freeze(self, window: FreezeWindow) -> str:
        _ = self._
        zone = self.plan.calendar.zone
        start = window.start.astimezone(zone)
        end = window.end.astimezone(zone) if window.end is not None else None
        if start.time() == dt.time() and (end is None or end.time() == dt.time()):  # whole days, as written
            first = long_date(start.date(), self._.tag)
            last = _("no end") if end is None else _("{day}, included").format(
                day=long_date(end.date() - dt.timedelta(days=1), self._.tag))
        else:
            first, last = self.when(start), self.when(end) if end is not None else _("no end")
        networks = (", ".join(window.network_names.get(n, n) for n in sorted(window.networks))
                    if window.networks is not None else _("every network"))
        return _("{start} → {end}, {networks}: {reason}").format(start=first, end=last, networks=networks,
                                                               reason=window.reason)


def _text_lines(before: str | None, after: str | None) -> list[str]:
    """A post's text, line by line, marked ``-``/``+``/`` `` where it changed (whole texts: short)."""
    old, new = (before or "").splitlines(), (after or "").splitlines()
    if before is None:
        return [f"  {line}" for line in new]
    lines = list(difflib.unified_diff(old, new, n=len(old) + len(new), lineterm=""))[3:]  # no ---/+++/@@
    if not lines:  # the same lines: only a final line break or a line separator changed
        return [f"  {line}" for line in new]
    return [f"{line[:1]} {line[1:]}" for line in lines]  # as git shows a change: removed lines first


def render_text(changes: PlanChanges, before: Plan | None, after: Plan, revision: Revision,
                everything: bool = False) -> str:
    """For a terminal: one line per item (or per series changed alike), then what changed, indented."""
    words = _Words(before, after, revision)
    return "\n".join([words.summary(changes), words.scope(changes),
                      *change_lines(changes, before, after, revision)]) + "\n"


def change_lines(changes: PlanChanges, before: Plan | None, after: Plan,
                 revision: Revision | None,
                 shown_at: Callable[[Source, bool], str] | None = None) -> list[str]:
    """The changes for a terminal, each after a blank line (``edcal move`` shows them too, with no
    revision: what it removes is where it is written now).

    :param shown_at: a place of the plan ``after`` (True) or ``before`` as the terminal shows it, where the
        files on disk are not those the plan was read from (``edcal move --dry-run``).
    """
    from edcal.checks.report import one_line

    words = _Words(before, after, revision, shown_at)
    _ = words._
    lines: list[str] = []
    for article in changes.leaving:
        lines += ["", "! " + words.leaving(article)]
    for path in changes.feeds_gone:
        lines += ["", "! " + words.feed_gone(path)]
    if changes.history_moved:
        lines += ["", "! " + words.history_moved(changes.history_moved)]
    for _id, network, account_was, account_now in changes.accounts:
        lines += ["", "~ " + words.account(network, account_was, account_now)]
    for kind, was, now in changes.key_dates:
        lines += ["", f"{_MARKS[kind]} " + _("Key date: {date}").format(date=words.span(kind, was, now))]
    for kind, earlier, later in changes.campaigns:
        lines += ["", f"{_MARKS[kind]} " + _("Campaign: {campaign}").format(
            campaign=words.span(kind, earlier, later))]
    for kind, window in changes.freezes():
        lines += ["", f"{_MARKS[kind]} " + _("Freeze window: {window}").format(window=words.freeze(window))]
    for line in changes.log:
        where = words.source(line, terminal=True)
        lines += ["", f"{_MARKS[line.kind]} {words.confirmation(line)}  [{where}]"]
    for row in _rows(changes, words):
        change = row.first
        item = change.item
        lines.append("")
        status = _(status_word(item.kind, item.status))
        lines.append(one_line(f"{_MARKS[change.kind]} {words.row_when(row)} · {words.row_where(row)} · "
                              f"{item.title} ({status})  [{words.source(change, terminal=True)}]"))
        for label, old, new in words.changed_fields(change) if change.kind == "changed" else ():
            lines.append(f"    {one_line(words.field_line(label, old, new))}")
        lines.extend(f"    {one_line(words.field(label, value))}"
                     for label, value in words.added_fields(change))
        lines.extend(f"    {one_line(note)}" for note in words.notes(change))
        if change.text_changed:
            lines.append(f"    {_('Text:')}")
            lines.extend(f"      {line}" for line in _text_lines(
                change.before.text if change.before is not None else None, item.text))
        counted = words.length(item) if _counted(change) else None
        if counted:
            lines.append(f"    {counted}")
    return lines


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|#~!])")


def _inline(text: str) -> str:
    """Team's text inside Markdown: shown as written, never read as markup or HTML."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text.replace("&", "&amp;")).replace("\n", " ")


def _fenced(lines: list[str], language: str) -> list[str]:
    """A code block whose fence no line of the text can close."""
    longest = max((len(run) for line in lines for run in re.findall(r"`+", line)), default=0)
    fence = "`" * max(3, longest + 1)
    return [f"{fence}{language}", *lines, fence]


#: What a pull request shows at most: GitHub takes a comment of 65,536 characters (a job summary
#: of 1 MiB). Rows stop at MARKDOWN_ROWS or once the page holds MARKDOWN_TABLE_CHARACTERS, texts once
#: it holds MARKDOWN_CHARACTERS; the page says how many it left out.
MARKDOWN_ROWS = 200
MARKDOWN_TABLE_CHARACTERS = 30_000
MARKDOWN_CHARACTERS = 60_000


def render_markdown(changes: PlanChanges, before: Plan | None, after: Plan, revision: Revision,
                    everything: bool = False) -> str:
    """For a pull request (a job summary, a comment): a heading, a table, the texts in blocks."""
    words = _Words(before, after, revision)
    _ = words._
    marks = {"added": _("added"), "removed": _("removed"), "changed": _("changed")}
    lines = [f"### {_inline(words.summary(changes))}", "", _inline(words.scope(changes))]
    size = sum(len(line) + 1 for line in lines)

    def add(*more: str) -> None:
        nonlocal size
        lines.extend(more)
        size += sum(len(line) + 1 for line in more)

    if changes.history_moved:
        add("", f"#### {_('Posts gone out, said at another time')}", "")
        add("- ⚠️ " + _inline(words.history_moved(changes.history_moved)))
    if changes.feeds_gone or changes.accounts:
        add("", f"#### {_('Feeds and accounts')}", "")
        for path in changes.feeds_gone:
            add("- ⚠️ " + _inline(words.feed_gone(path)))

        for _id, network, account_was, account_now in changes.accounts:
            add("- " + _inline(words.account(network, account_was, account_now)))
    if changes.leaving:
        add("", f"#### {_('Articles leaving their address')}", "")
        for article in changes.leaving:
            add("- ⚠️ " + _inline(words.leaving(article)))
    if changes.key_dates:
        add("", f"#### {_('Key dates')}", "")
        for kind, was, now in changes.key_dates:
            add(f"- **{_inline(marks[kind])}** " + _inline(words.span(kind, was, now)))
    if changes.campaigns:
        add("", f"#### {_('Campaigns')}", "")
        for kind, earlier, later in changes.campaigns:
            add(f"- **{_inline(marks[kind])}** " + _inline(words.span(kind, earlier, later)))
    windows = changes.freezes()
    if windows:
        add("", f"#### {_('Freezes')}", "")
        for kind, window in windows:
            add(f"- **{_inline(marks[kind])}** " + _inline(words.freeze(window)))
    if changes.log:
        add("", f"#### {_('Log of what went out')}", "")
        for line in changes.log:
            add(f"- {_inline(words.confirmation(line))} (`{words.source(line)}`)")
    rows = _rows(changes, words)
    if rows:
        add("", f"| | {_('When')} | {_('Where')} | {_('Title')} | {_('Status')} | {_('What changed')} |",
            "|---|---|---|---|---|---|")
    shown: list[_Row] = []
    for row in rows:
        if len(shown) >= MARKDOWN_ROWS or size >= MARKDOWN_TABLE_CHARACTERS:
            break
        change = row.first
        item = change.item
        what = [words.field_line(label, old, new) for label, old, new in words.changed_fields(change)] \
            if change.kind == "changed" else [marks[change.kind]]
        what += [words.field(label, value) for label, value in words.added_fields(change)]
        what += words.notes(change)
        if change.kind == "changed" and "text" in change.fields:
            what.append(_("text changed (below)"))
        excess = words.excess(item) if _counted(change) else None
        cell = "<br>".join(_inline(line) for line in what)
        if excess:
            cell += "<br>⚠️ **" + _inline(excess) + "**"
        cells = [_MARKS[change.kind], *(_inline(text) for text in (
            words.row_when(row), words.row_where(row), item.title,
            _(status_word(item.kind, item.status)))), cell]
        add(f"| {' | '.join(cells)} |")
        shown.append(row)
    texts = [row for row in shown if row.first.text_changed]
    if texts:
        add("", f"#### {_('Texts')}")
    written = 0
    for row in texts:
        change = row.first
        item = change.item
        block = (_fenced(_text_lines(change.before.text if change.before else None, item.text), "diff")
                 if change.kind == "changed" else _fenced((item.text or "").splitlines(), "text"))
        if size + sum(len(line) + 1 for line in block) + 300 > MARKDOWN_CHARACTERS:
            break
        parts = (words.row_where(row), item.title, words.row_when(row))
        heading = " · ".join(_inline(part) for part in parts)
        add("", f"**{heading}** ({_inline(marks[change.kind])}, `{words.source(change)}`)", "", *block)
        counted = words.length(item)
        if counted:
            add("", ("⚠️ **" + _inline(counted) + "**") if words.excess(item) else _inline(counted))
        written += 1
    rows_left, texts_left = len(rows) - len(shown), len(texts) - written
    if rows_left or texts_left:
        command = f"edcal diff {revision.argument}" + (" --all" if everything else "")
        add("", _inline(_("Too long for a pull request: {rows} changes and {texts} texts are left "
                          "out. {command} shows them all.").format(rows=rows_left, texts=texts_left,
                                                                    command=command)))
    return "\n".join(lines) + "\n"


def render_json(changes: PlanChanges, before: Plan | None, after: Plan, revision: Revision,
                everything: bool = False) -> str:
    """For scripts: each change with the item before and after, as plan.json writes items."""

    def document(item: Item | None, plan: Plan | None) -> dict[str, Any] | None:
        return item_document(item, (plan or after).calendar) if item is not None else None

    def span(date: KeyDate | Campaign | None) -> dict[str, Any] | None:
        if date is None:
            return None
        return {"name": date.name, "start": date.start.isoformat(), "end": date.end.isoformat(),
                "source": str(date.source)}

    def record(line: PostedRecord | None) -> dict[str, Any] | None:
        if line is None:
            return None
        return {"item": line.item, "at": line.at.isoformat() if line.at is not None else None,
                "url": line.url, "skipped": line.skipped, "source": str(line.source)}

    def freeze(window: FreezeWindow) -> dict[str, Any]:
        return {"start": window.start.isoformat(), "end": window.end.isoformat() if window.end else None,
                "networks": sorted(window.networks) if window.networks is not None else None,
                "blog": window.blog, "reason": window.reason, "source": str(window.source)}

    return json.dumps({
        "revision": revision.argument,
        "commit": revision.commit,
        "target_commit": revision.target.commit if revision.target is not None else None,
        "since": changes.since.isoformat() if changes.since is not None else None,
        "new_site": changes.new_site,
        "summary": {kind: changes.count(kind) for kind in CHANGE_KINDS},
        "key_dates": [{"change": kind, "id": (now or was).id,  # type: ignore[union-attr]
                       "before": span(was), "after": span(now)}
                      for kind, was, now in changes.key_dates],
        "campaigns": [{"change": kind, "id": (now or was).id,  # type: ignore[union-attr]
                       "before": span(was), "after": span(now)}
                      for kind, was, now in changes.campaigns],
        "leaving": [{"id": a.before.id, "after_id": a.after.id if a.after is not None else None,
                     "title": a.before.title, "url": a.before.url, "new_url": a.new_url,
                     "online_since": a.before.start.isoformat() if a.before.start else None,
                     "posts_out": a.posts_out, "source": str(a.before.source)} for a in changes.leaving],
        "feeds_gone": list(changes.feeds_gone),
        "history_moved": [{"id": now.id, "before": was.start.isoformat() if was.start else None,
                           "after": now.start.isoformat() if now.start else None}
                          for was, now in changes.history_moved],
        "accounts": [{"network": network_id, "name": name, "before": was, "after": now}
                     for network_id, name, was, now in changes.accounts],
        "posted": [{"change": line.kind, "item": line.record.item, "before": record(line.before),
                    "after": record(line.after)} for line in changes.log],
        "freezes": {"added": [freeze(w) for w in changes.freezes_added],
                    "removed": [freeze(w) for w in changes.freezes_removed]},
        "changes": [{"change": change.kind, "id": change.item.id, "kind": change.item.kind,
                     "fields": list(change.fields), "past": change.late,
                     "before": document(change.before, before), "after": document(change.after, after)}
                    for change in changes.changes],
    }, ensure_ascii=False, indent=2) + "\n"


def _when_source(item: Item, plan: Plan) -> Source:
    """Where a post's time is written, for an annotation on the line to change: a one-off post's `at:` (its
    network's under `variants:`, when it has one), else the post's line (a step of a schedule, a rule's or a
    moved day's line already)."""
    entry = next((e for e in plan.calendar.posts if made_by(e, item)), None)
    if entry is None or entry.kind != "once":
        return item.source
    variant = entry.variants.get(item.network or "")
    if variant is not None and variant.when is not None and "at" in variant.field_sources:
        return variant.field_sources["at"]
    return entry.field_sources.get("at", item.source)


def render_github(changes: PlanChanges, before: Plan | None, after: Plan, revision: Revision,
                  everything: bool = False, folder: str = "",
                  setting: Callable[[str], Source] | None = None) -> str:
    """For a workflow: a warning at each post the change puts in the past (on a pull request, GitHub
    shows it at the line), then the summary as a notice.

    :param folder: the site's folder in the repository (:func:`edcal.checks.report.repository_folder`).
    :param setting: where the settings of the site compared set a setting (an article moved by a new
        ``SITEURL`` is annotated there, not at its header's ``Date:``).
    """
    from edcal.checks.report import github_command

    words = _Words(before, after, revision)
    lines = [github_command("warning", words.leaving_title(), words.leaving(article),
                            words.leaving_source(article, setting), folder) for article in changes.leaving]
    lines += [github_command("warning", words.late_title(), words.late_message(change),
                             _when_source(change.item, after), folder)
              for change in changes.changes if change.late]
    lines += [github_command("warning", words.feed_gone_title(), words.feed_gone(path),
                             after.calendar.source, folder) for path in changes.feeds_gone]
    lines.append(github_command("notice", "edcal diff", words.summary(changes)))
    return "\n".join(lines) + "\n"


RENDERERS: dict[str, Callable[[PlanChanges, Plan | None, Plan, Revision, bool], str]] = {
    "text": render_text, "markdown": render_markdown, "json": render_json,
}
