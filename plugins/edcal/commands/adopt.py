"""``edcal init DIR`` in a Pelican blog: edcal adopted in place.

The blog keeps its settings, theme, content and plugins: only the files it lacks are written (calendar.yaml,
the CI workflow, the pre-commit hook), its requirements.txt and .gitignore get edcal's lines, and what
only its owner may change in its Python settings is said, computed from them.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import shlex
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from edcal import clock
from edcal.addresses import unreachable_site_url
from edcal.commands.init import (
    ADOPTION_FOLDER,
    TEMPLATE_SUFFIX,
    Undo,
    added_to_kept,
    country_line,
    engine_lines,
    pin_reminder,
    repository_note,
    site_country,
)
from edcal.errors import InputError, InputErrors, message_of
from edcal.files import os_reason, write_new
from edcal.i18n import Message, language, say, say_count, speak
from edcal.load.calendar_files import DEFAULT_SETTINGS
from edcal.model.source import Source
from edcal.site import PLUGIN, pelican_settings, setting_source, setting_written
from edcal.zones import zone_hint, zone_named

#: Where edcal's workflow goes, and the other files an adopted blog gets when it lacks them.
WORKFLOW = Path(".github/workflows/site.yml")
PRE_COMMIT = Path(".pre-commit-config.yaml")
REQUIREMENTS = Path("requirements.txt")
GITIGNORE = Path(".gitignore")
CALENDAR = Path("calendar.yaml")
PUBLISH_SETTINGS = "publishconf.py"
#: What a workflow runs to deploy a Pelican blog: Pelican's own reusable workflow, ghp-import, the
#: quickstart Makefile's targets.
_PELICAN_DEPLOY = re.compile(r"github_pages\.ya?ml|ghp-import|\bmake\s+(github|publish)\b")
#: A workflow that runs Pelican and deploys what it built by other means (deploy-pages, a gh-pages branch).
_RUNS_PELICAN = re.compile(r"\bpelican\b(?!-)", re.IGNORECASE)
_DEPLOYS = re.compile(r"deploy|gh-pages|upload-pages-artifact|rsync|s3 sync", re.IGNORECASE)
#: A .gitignore line that keeps the team's planning/ out of git.
_PLANNING_IGNORED = frozenset(("/planning/", "planning/", "/planning", "planning"))


@dataclass
class Adoption:
    """What adopting a blog wrote, what it left to its owner, and in which language it speaks."""

    lang: str
    #: calendar.yaml's zone, when it was written with the blog's TIMEZONE.
    zone: str | None
    written: list[Path] = field(default_factory=list)
    extended: list[Path] = field(default_factory=list)
    #: What remains to do by hand, each step a message.
    steps: list[Message] = field(default_factory=list)
    #: What the owner may want to change, said once, when calendar.yaml is written (not a step to do).
    notes: list[Message] = field(default_factory=list)


def adopt_site(target: Path, timezone: str | None, lang: str | None, country: str | None,
               name: str | None = None, url: str | None = None) -> Adoption:
    """Adopt the Pelican blog in ``target`` (it holds pelicanconf.py): write what edcal needs that it lacks.

    :param timezone: ``--timezone``, needed only when pelicanconf.py sets no ``TIMEZONE``.
    :param lang: ``--lang``; default: the blog's ``DEFAULT_LANG``.
    :param name: ``--name``, and ``url``: ``--url``, when given: a new site's, refused (the blog's settings
        say them).
    :raises InputErrors: when pelicanconf.py does not load, the zone is missing or unknown, or ``--name`` or
        ``--url`` is given.
    """
    settings_path = target / DEFAULT_SETTINGS
    settings = _read(target, DEFAULT_SETTINGS)
    lang = lang or ("fr" if language(str(settings.get("DEFAULT_LANG") or "en")) == "fr" else "en")
    speak(lang)  # its refusals too, in the blog's language (--name was refused in English)
    _refuse_new_site_options(name, url)
    adoption = Adoption(lang, None)
    made = Undo(target)
    try:
        _write_what_lacks(adoption, made, target, settings, timezone, country)
    except OSError as exc:  # a full disk, a locked folder: the blog as it was, not half adopted
        undone = made.undo()
        failed = Path(exc.filename).as_posix() if isinstance(exc.filename, str) else target.as_posix()
        raise InputErrors([InputError(Source(failed, 1, 1),
                                      say("cannot write the file: {reason}", reason=os_reason(exc)),
                                      say("check the folder's permissions and free space"))],
                          outcome=None if undone else say("some files may be written")) from None
    for workflow in _deploying_workflows(target):
        adoption.steps.append(say("{file} deploys the blog too: with {ours}, both would deploy it, in turn. "
                                  "Remove {file} once {ours} has deployed.",
                                  file=workflow, ours=WORKFLOW.as_posix()))
    adoption.steps.extend(_settings_steps(target, settings_path, settings))
    restructured = _restructured_sources(target, settings)
    if restructured:
        shown = ", ".join(restructured[:3]) + (", …" if len(restructured) > 3 else "")
        adoption.steps.append(say_count(
            len(restructured),
            "{files} is written in reStructuredText, which edcal does not read (edcal check and edcal build "
            "refuse it): write it in Markdown, as a .md file with the same fields (Title:, Date:, Tags:…).",
            "{count} articles and pages are written in reStructuredText, which edcal does not read ({files}; "
            "edcal check names each, and edcal build refuses them): write them in Markdown, as .md files "
            "with the same fields (Title:, Date:, Tags:…).", files=shown))
    if not (target / PUBLISH_SETTINGS).is_file():
        adoption.steps.append(say("The workflow builds with publishconf.py, which the blog lacks: write one "
                                  "(`from pelicanconf import *` and the public SITEURL)."))
    if not _pins_edcal((target / REQUIREMENTS).read_text(encoding="utf-8", errors="replace")):
        adoption.steps.append(pin_reminder())
    elsewhere = repository_note(target, adoption.written)
    if elsewhere is not None:
        adoption.steps.append(elsewhere)
    return adoption


def _write_what_lacks(adoption: Adoption, made: Undo, target: Path, settings: dict[str, Any],
                      timezone: str | None, country: str | None) -> None:
    """Write the files edcal needs that the blog lacks, and edcal's lines in those it has, each in ``made``.

    :raises OSError: when one cannot be written (``made`` takes back the others).
    """
    lang = adoption.lang
    skeleton = resources.files("edcal.skeleton")
    engine = engine_lines(lang)
    if not (target / CALENDAR).exists():
        zone = _zone(target, settings, timezone)
        code = site_country(zone, country)
        values = {"site_name": " ".join(str(settings.get("SITENAME") or "").split()) or target.resolve().name,
                  "timezone": zone, "country_line": country_line(code, lang, zone),
                  "today": f"{clock.now(zone_named(zone)).date():%Y-%m-%d}",
                  "first_post": f"{clock.now(zone_named(zone)).date() + dt.timedelta(days=7):%Y-%m-%d}"}
        if settings.get("TIMEZONE"):
            adoption.zone = zone
        else:
            adoption.steps.append(say("Add TIMEZONE = '{zone}' to {file}, calendar.yaml's zone (without it, "
                                      "Pelican dates the feeds in UTC).", zone=zone,
                                      file=_shown(target, DEFAULT_SETTINGS)))
        if code == "US" and str(settings.get("DEFAULT_LANG") or "en").replace("_", "-").lower() == "en":
            adoption.notes.append(_us_dates_note(target, settings))
        calendar = _template(skeleton / ADOPTION_FOLDER / lang, CALENDAR, values)
        _write(adoption, made, target / CALENDAR, calendar)
    if not (target / WORKFLOW).exists():
        workflow = (skeleton / "github" / "workflows" / WORKFLOW.name).read_bytes()
        _write(adoption, made, target / WORKFLOW, workflow)
    elif not _is_edcals(target / WORKFLOW):
        adoption.steps.append(say("{file} is the blog's own: edcal's workflow was not written. Rename yours, "
                                  "then run edcal init again.", file=WORKFLOW.as_posix()))
    if not (target / PRE_COMMIT).exists():
        _write(adoption, made, target / PRE_COMMIT,
               _template(skeleton / lang, Path("pre-commit-config.yaml"), engine))
    requirements = _template(skeleton / lang, REQUIREMENTS, engine)
    if not (target / REQUIREMENTS).exists():
        _write(adoption, made, target / REQUIREMENTS, requirements)
    elif not _names_edcal((target / REQUIREMENTS).read_text(encoding="utf-8", errors="replace")):
        _append(adoption, made, target / REQUIREMENTS, requirements)
    _ignore_builds(adoption, made, target, (skeleton / ADOPTION_FOLDER / lang / "gitignore").read_bytes())


def _refuse_new_site_options(name: str | None, url: str | None) -> None:
    """``--name`` and ``--url`` write a new site's settings; a blog's are its own (init never changes
    them)."""
    errors = []
    if name is not None:
        errors.append(InputError(Source("--name", 1, 1),
                                 say("found --name '{name}', expected none: the blog's name is SITENAME in "
                                     "its settings", name=name),
                                 say("leave --name out: init adopts the blog with its settings as they are")))
    if url is not None:
        errors.append(InputError(Source("--url", 1, 1),
                                 say("found --url {url}, expected none: the blog's address is SITEURL in its "
                                     "settings", url=url),
                                 say("leave --url out, and write the address as SITEURL in pelicanconf.py "
                                     "(and publishconf.py)")))
    if errors:
        raise InputErrors(errors)


def _read(target: Path, settings_file: str) -> dict[str, Any]:
    """The blog's settings, read by Pelican; their errors located from where ``init`` was run."""
    quiet = logging.getLogger("pelican.settings")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # its warnings (no SITEURL, no TIMEZONE) are said as steps or errors here
    try:
        return pelican_settings(target, settings_file, require_plugin=False)
    except InputErrors as errors:
        raise InputErrors([InputError(Source(_shown(target, error.source.path), error.source.line,
                                             error.source.column), error.message, error.hint)
                           if error.source.in_file else error for error in errors.errors]) from None
    finally:
        quiet.setLevel(level)


def _shown(target: Path, relative: str) -> str:
    return (target / relative).as_posix()


def _zone(target: Path, settings: dict[str, Any], given: str | None) -> str:
    """calendar.yaml's zone: the blog's TIMEZONE, or ``--timezone`` when it sets none (both must agree)."""
    configured = settings.get("TIMEZONE")
    where = setting_source(target, target / DEFAULT_SETTINGS, "TIMEZONE")
    source = Source(_shown(target, where.path), where.line, where.column)
    if configured:
        _known_zone(str(configured), source)
    if configured and given and given != configured:
        raise InputErrors([InputError(Source("--timezone", 1, 1),
                                      say("found --timezone {given}, but the blog's TIMEZONE is '{zone}' "
                                          "({where})", given=given, zone=configured,
                                          where=f"{source.path}:{source.line}"),
                                      say("leave --timezone out: calendar.yaml takes TIMEZONE's zone"))])
    zone = str(configured or given or "")
    if not zone:
        raise InputErrors([InputError(source, say("found no TIMEZONE in pelicanconf.py, expected the blog's "
                                                  "time zone, which calendar.yaml repeats"),
                                      say("add TIMEZONE = 'Europe/Paris' (the blog's zone) to "
                                          "pelicanconf.py, or pass --timezone"))])
    return _known_zone(zone, Source("--timezone", 1, 1))


def _known_zone(zone: str, source: Source) -> str:
    try:
        zone_named(zone)
    except ValueError as exc:
        raise InputErrors([InputError(source, message_of(exc), zone_hint(zone))]) from None
    return zone


def _template(folder: Any, relative: Path, values: dict[str, str]) -> bytes:
    text = (folder / f"{relative.name}{TEMPLATE_SUFFIX}").read_text(encoding="utf-8")
    return text.format(**values).encode("utf-8")


def _write(adoption: Adoption, made: Undo, path: Path, data: bytes) -> None:
    made.folder(path.parent)
    write_new(path, data)  # whole or not at all, never over a file
    made.files.append(path)
    adoption.written.append(path)


def _append(adoption: Adoption, made: Undo, path: Path, data: bytes) -> None:
    """``data`` added at the end of the blog's ``path``; not through a link to a file outside the blog (a
    shared .gitignore or requirements.txt of the machine's): the step says what to add there."""
    if path.is_symlink() and not path.resolve().is_relative_to(path.parent.resolve()):
        lines = added_to_kept(b"", data, path.name).decode("utf-8", errors="replace").strip()
        adoption.steps.append(say("{file} is a link to {target}, outside the blog: edcal did not write "
                                  "there. Add these lines to it, or to a file of the blog's own: {lines}",
                                  file=path.name, target=str(path.resolve()), lines=lines))
        return
    before = path.read_bytes()
    made.extended.append((path, len(before)))
    with path.open("ab") as kept:
        kept.write(added_to_kept(before, data, path.name))
    adoption.extended.append(path)


def _ignore_builds(adoption: Adoption, made: Undo, target: Path, ours: bytes) -> None:
    """A .gitignore that keeps planning/ (and what builds write) out of git: written, or completed with the
    lines of edcal's it lacks."""
    path = target / GITIGNORE
    if not path.exists():
        _write(adoption, made, path, ours)
        return
    kept = path.read_text(encoding="utf-8", errors="replace").splitlines()
    if _PLANNING_IGNORED.intersection(line.strip() for line in kept):
        return
    # `output/` (anywhere) already ignores edcal's `/output/` (at the top)
    present = {line.strip().lstrip("/") for line in kept if line.strip() and not line.startswith("#")}
    lines = [line for line in ours.decode("utf-8").splitlines()
             if line.startswith("#") or line.lstrip("/") not in present]
    _append(adoption, made, path, ("\n".join(lines) + "\n").encode("utf-8"))


def _us_dates_note(target: Path, settings: dict[str, Any]) -> Message:
    """What a US blog in plain English (pelican-quickstart's ``DEFAULT_LANG = 'en'``, or no DEFAULT_LANG,
    Pelican's 'en') gets, British dates, and the line that gives it US ones (``edcal.i18n.MONTH_FIRST``)."""
    source = setting_source(target, target / DEFAULT_SETTINGS, "DEFAULT_LANG")
    if setting_written(target / DEFAULT_SETTINGS, "DEFAULT_LANG"):
        setting = say("DEFAULT_LANG = 'en' ({where})", where=f"{_shown(target, source.path)}:{source.line}")
        fix = say("write DEFAULT_LANG = 'en-US' there")
    else:  # Pelican's default: no line to point at
        shown = _shown(target, source.path)
        setting = say("DEFAULT_LANG, 'en' when {path} leaves it out as it does,", path=shown)
        fix = say("add DEFAULT_LANG = 'en-US' to {path}", path=shown)
    if "{lang}" in str(settings.get("TRANSLATION_FEED_ATOM") or ""):
        return say("{setting} writes dates the British way on the planning pages, in the drafts, the feeds "
                   "and edcal's messages (Tuesday 12 January 2027, 16:00, weeks from Monday): for US dates "
                   "(Tuesday, January 12, 2027, 4:00 PM, weeks from Sunday), {fix}; Pelican then names its "
                   "feed of the language feeds/all-en-us.atom.xml, not feeds/all-en.atom.xml "
                   "(docs/settings.md in edcal's documentation).", setting=setting, fix=fix)
    return say("{setting} writes dates the British way on the planning pages, in the drafts, the feeds and "
               "edcal's messages (Tuesday 12 January 2027, 16:00, weeks from Monday): for US dates (Tuesday, "
               "January 12, 2027, 4:00 PM, weeks from Sunday), {fix} (docs/settings.md in edcal's "
               "documentation).", setting=setting, fix=fix)


def _is_edcals(workflow: Path) -> bool:
    return "edcal build" in workflow.read_text(encoding="utf-8", errors="replace")


def _deploying_workflows(target: Path) -> list[str]:
    """The blog's workflows that deploy it with Pelican (not edcal's), as relative paths."""
    folder = target / WORKFLOW.parent
    found = []
    for path in sorted([*folder.glob("*.yml"), *folder.glob("*.yaml")]) if folder.is_dir() else []:
        if not path.is_file() or _is_edcals(path):
            continue
        text = "\n".join(line.split("#", 1)[0] for line in path.read_text(encoding="utf-8", errors="replace")
                         .splitlines())
        if _PELICAN_DEPLOY.search(text) or (_RUNS_PELICAN.search(text) and _DEPLOYS.search(text)):
            found.append(path.relative_to(target).as_posix())
    return found


def _settings_steps(target: Path, settings_path: Path, settings: dict[str, Any]) -> list[Message]:
    """What only the blog's owner changes in its Python settings, computed from them."""
    steps: list[Message] = []

    def where(name: str) -> str:
        source = setting_source(target, settings_path, name)
        return f"{_shown(target, source.path)}:{source.line}"

    plugins = settings.get("PLUGINS")
    names = [str(getattr(plugin, "__name__", plugin)) for plugin in plugins or []]
    if PLUGIN not in names:
        if plugins is None:  # Pelican loads every installed namespace plugin, and stops once PLUGINS is set
            from pelican.plugins._utils import get_namespace_plugins

            names = [name.removeprefix("pelican.plugins.") for name in get_namespace_plugins()]
            steps.append(say("Enable the plugin: add PLUGINS = {plugins} to {file} (Pelican loads edcal only "
                             "when PLUGINS names it).", plugins=repr([*names, PLUGIN]),
                             file=_shown(target, DEFAULT_SETTINGS)))
        else:
            steps.append(say("Enable the plugin, keeping the blog's: PLUGINS = {plugins} at {where}.",
                             plugins=repr([*names, PLUGIN]), where=where("PLUGINS")))
    if unreachable_site_url(str(settings.get("SITEURL") or "")) == ("none", ""):
        public = _public_url(target)
        steps.append(say("SITEURL is empty at {where}: write the blog's address there ({url}, as "
                         "publishconf.py says); the posts' links and the plan are built from it.",
                         where=where("SITEURL"), url=public) if public else
                     say("SITEURL is empty at {where}: write the blog's address there (and in "
                         "publishconf.py); the posts' links and the plan are built from it.",
                         where=where("SITEURL")))
    if settings.get("DEFAULT_DATE") == "fs":
        steps.append(say("DEFAULT_DATE = 'fs' ({where}) is not read by edcal: give each published article a "
                         "Date: header (edcal check names those without).", where=where("DEFAULT_DATE")))
    return steps


#: reStructuredText, which Pelican reads and edcal does not.
_RESTRUCTURED = (".rst", ".rest")


def _restructured_sources(target: Path, settings: dict[str, Any]) -> list[str]:
    """The blog's articles and pages in reStructuredText, as paths shown from where ``init`` was run."""
    content = target / str(settings.get("PATH") or ".")  # Pelican makes it absolute: target / it is it
    found: set[Path] = set()
    for folder in [*(settings.get("ARTICLE_PATHS") or ()), *(settings.get("PAGE_PATHS") or ())]:
        root = content / str(folder)
        if root.is_dir():
            found.update(path for path in root.rglob("*")
                         if path.suffix.lower() in _RESTRUCTURED and path.is_file()
                         and not any(part.startswith(".") for part in path.relative_to(content).parts))
    return sorted(_shown(target, os.path.relpath(path, target)) for path in found)


def _public_url(target: Path) -> str:
    """publishconf.py's SITEURL, when it sets a public one; "" otherwise."""
    if not (target / PUBLISH_SETTINGS).is_file():
        return ""
    try:
        url = str(_read(target, PUBLISH_SETTINGS).get("SITEURL") or "")
    except InputErrors:  # the production settings' own errors are for edcal build -s publishconf.py
        return ""
    return "" if unreachable_site_url(url) else url


def _names_edcal(requirements: str) -> bool:
    """Whether requirements.txt has edcal's line, pinned or still the commented placeholder init writes."""
    return any(re.match(r"#?\s*edcal\b", line.strip()) for line in requirements.splitlines())


def _pins_edcal(requirements: str) -> bool:
    return any(re.match(r"edcal\b", line.strip()) for line in requirements.splitlines())


def report(adoption: Adoption, target: Path) -> list[Message]:
    """What ``init`` prints after adopting a blog: what it wrote and added to, what remains by hand, and
    what to run next."""
    def listed(paths: list[Path]) -> str:
        return ", ".join(path.relative_to(target).as_posix() for path in paths)

    folder = target.resolve().name if target.resolve() == Path.cwd().resolve() else str(target)  # not "."
    if target / CALENDAR not in adoption.written:  # init run again: no blog is adopted
        return _set_up_already(adoption, target, folder, listed)
    lines: list[Message] = []
    if adoption.written:
        lines.append(say_count(len(adoption.written),
                               "Adopted the Pelican blog in {folder}: wrote {count} file, {files}.",
                               "Adopted the Pelican blog in {folder}: wrote {count} files, {files}.",
                               folder=folder, files=listed(adoption.written)))
    if adoption.zone:
        lines.append(say("calendar.yaml is in the time zone {zone}, the blog's TIMEZONE.",
                         zone=adoption.zone))
    lines.extend(adoption.notes)
    if adoption.extended:
        lines.append(say_count(len(adoption.extended),
                               "Kept the folder's {files}, with edcal's lines added at its end.",
                               "Kept the folder's {files}, with edcal's lines added at their end.",
                               files=listed(adoption.extended)))
    if adoption.steps:
        lines.extend(_steps(adoption))
        lines.append(say("Then run edcal check (it names what else the blog's articles need), and "
                         "edcal build."))
    else:
        lines.append(say("Next: edcal check (it names what the blog's articles need), then edcal build."))
    return lines


def _set_up_already(adoption: Adoption, target: Path, folder: str,
                    listed: Callable[[list[Path]], str]) -> list[Message]:
    """What ``init`` prints in a site that has its calendar.yaml already (one init made, or a blog adopted
    before): what it wrote, if anything, what remains by hand, and what to run. A second ``init`` on a new
    site was told of "the blog's articles", as if it were adopting one."""
    lines: list[Message] = []
    written = [*adoption.written, *adoption.extended]
    if written:
        lines.append(say_count(
            len(written), "{folder} is an edcal site already: wrote the file it lacked, {files}.",
            "{folder} is an edcal site already: wrote the {count} files it lacked, {files}.", folder=folder,
            files=listed(written)))
    else:
        lines.append(say("{folder} is an edcal site already: nothing written.", folder=folder))
    # With steps left (a blog's PLUGINS line), check says what else they leave to do.
    commands = "edcal check && edcal build" if adoption.steps else "edcal build && edcal agenda"
    if target.resolve() != Path.cwd().resolve():
        commands = f"cd {shlex.quote(str(target))} && {commands}"
    if adoption.steps:
        lines.extend(_steps(adoption))
        lines.append(say("Then: {commands}", commands=commands))
    else:
        lines.append(say("Next: {commands}", commands=commands))
    return lines


def _steps(adoption: Adoption) -> list[Message]:
    """What remains to do by hand, numbered."""
    return [say("Still to do by hand:"), *(say("{number}. {step}", number=number, step=step)
                                           for number, step in enumerate(adoption.steps, 1))]
