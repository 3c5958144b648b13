"""What one build (or check) knows about the site: shared by the plugin's parts.

Pelican passes its settings dict to every generator and reader; the build's
state travels in it under :data:`STATE_KEY`, as a token (:func:`attach_state`):
Pelican passes the settings to the templates too, and a site's template
printed the plan (drafts' titles, ideas, posts to come) from the state itself.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import os
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from edcal import clock
from edcal.blog import BUILD_TIME_SETTING
from edcal.checks import all_rules
from edcal.errors import ErrorCollector, InputError, InputErrors
from edcal.i18n import say
from edcal.load.calendar import load_calendar
from edcal.load.calendar_files import CALENDAR_DIR, CALENDAR_FILE, DEFAULT_SETTINGS
from edcal.model.article import Article
from edcal.model.calendar import Calendar
from edcal.model.plan import Plan
from edcal.model.source import Source
from edcal.site import SITE_SETTING

STATE_KEY = "EDCAL_STATE"
#: Settings a site may set in pelicanconf.py (with edcal.site.SITE_SETTING).
PLANNING_SETTING = "EDCAL_PLANNING_PATH"
EXTRA_METADATA_SETTING = "EDCAL_EXTRA_METADATA"
#: Names no article, page or public file has, added to Pelican's ``IGNORE_FILES``: macOS's AppleDouble files
#: (``._article.md``, on USB keys and network shares), and editors' and merges' leftovers (``article.md~``,
#: ``#article.md#``, ``article.md.orig``, ``.article.md.swp``), which a static folder over the articles
#: (``STATIC_PATHS = ["."]``) copied into output/, a draft's text and its plan with them.
LEFTOVERS = ("._*", "*~", "#*#", ".#*", "*.bak", "*.orig", "*.rej", "*.swp", "*.swo")


@dataclass
class BuildState:
    site: Path
    calendar: Calendar
    now: dt.datetime
    generated_at: dt.datetime
    settings: dict[str, Any]
    render: bool = True
    errors: ErrorCollector = field(default_factory=ErrorCollector)
    articles: list[Article] = field(default_factory=list)
    plan: Plan | None = None
    #: What the checks found on the plan (all severities).
    findings: list[Any] = field(default_factory=list)
    #: The plan's job (resolve, check, write planning/), in a worker process or in place.
    plan_run: Any = None
    #: Processes a build may use (``EDCAL_JOBS``).
    processes: int = 1
    #: Pelican's runs in this process so far, this one included (``pelican -r`` runs again on each change,
    #: each run with a state of its own).
    runs: int = 0
    #: planning/ written aside by the plan's job (worker.Staged), waited for before the blog goes in output/.
    staged: Any = None
    #: What the checks' verdict brought back: counts for the build's summary.
    summary: Any = None
    #: Images only posts not published yet show (from the verdict), kept out of output/.
    unpublished_media: set[str] = field(default_factory=set)
    #: The link-in-bio page's entries (from the verdict); None without ``link_in_bio:``.
    link_in_bio: Any = None
    #: Notes from the outputs (e.g. Hootsuite's unconfirmed rules), for the build's summary.
    warnings: list[str] = field(default_factory=list)
    page_paths: tuple[Path, ...] = ()
    #: URLs of the site's pages (relative, as Pelican gives them), for link checks.
    page_urls: set[str] = field(default_factory=set)
    #: Each page's address (in full, under SITEURL) by its file, for the links of its text read from it.
    page_addresses: dict[str, str] = field(default_factory=dict)
    #: What the build writes in output/ (:func:`edcal.pelican_plugin.collisions.blog_files`), once the
    #: pages are read.
    blog_files: Any = None
    #: The URLs of pages not online (draft pages, translations waiting for a draft, the tag, category and
    #: author pages that only articles not online have), each with the articles and pages (their files, as
    #: ``source`` fields name them) whose going online makes it: a share suggestion linking to one waits for
    #: it, and a post to come linking to one before any of them is online links to nothing.
    offline_makers: dict[str, set[str]] = field(default_factory=dict)
    #: The articles of Pelican's list (its originals) not online at this build, by their file (as ``source``
    #: fields name them): the tag, category and author pages they fill once online (their lists' further
    #: pages, :class:`edcal.pelican_plugin.collisions.ListPagesToCome`).
    coming_articles: dict[str, Any] = field(default_factory=dict)
    #: Files of the content folder the pages' texts link to (``{static}``…), with each page's path.
    page_files: list[tuple[str, Any]] = field(default_factory=list)
    #: The addresses the pages' texts link to (``/2027/salon/``), with each page's path.
    page_links: list[tuple[str, Any]] = field(default_factory=list)
    extra_metadata: frozenset[str] = frozenset()
    #: Static files (paths in content/) shown by live content, and by content not live yet (each with the
    #: files of the articles and pages not online that show it: the first of them online brings it).
    public_static: set[str] = field(default_factory=set)
    private_static: dict[str, set[str]] = field(default_factory=dict)
    #: Paths in output/ that content not online names by their address (``/images/salon.png``, as a web
    #: editor writes it), rather than with ``{static}``, each with the files of that content.
    private_addresses: dict[str, set[str]] = field(default_factory=dict)
    #: The rendered texts of what is online (articles, pages): a file they name stays in output/.
    live_texts: list[str] = field(default_factory=list)
    #: Where Pelican puts this run's static files in output/ (kept by the sweep even when not copied again).
    static_outputs: set[str] = field(default_factory=set)
    #: Files Pelican reported writing in this run (content_written, feed_written), relative to output/.
    written_outputs: set[str] = field(default_factory=set)
    #: Articles not online, by their path in the content folder: links to them become plain text.
    hidden_sources: set[str] = field(default_factory=set)
    #: The articles Pelican publishes (their links are rewritten when pages are read).
    live_contents: list[Any] = field(default_factory=list)
    #: What the sweep at the end of the build did (sweep.Sweep).
    sweep: Any = None
    #: The file system's time when this run started writing (see sweep.sweep_output).
    output_started_ns: int | None = None
    #: output/.edcal-files.journal while this run writes (sweep.Journal).
    journal: Any = None
    #: Pelican's ``DELETE_OUTPUT_DIRECTORY`` (or ``--delete-output-directory``): the sweep, once the build
    #: has succeeded, removes every file it did not write, not only those an earlier build wrote.
    delete_output: bool = False

    @classmethod
    def start(cls, settings: dict[str, Any], render: bool = True) -> BuildState:
        """Load the calendar and pin the clock for a build over these Pelican settings.

        :raises InputErrors: when the calendar is invalid.
        """
        site = find_site(settings)
        calendar = load_calendar(site, all_rules(), settings.get("TIMEZONE"))
        _check_timezone(calendar, settings, site)
        content = Path(settings["PATH"])
        page_paths = tuple(content / p for p in settings.get("PAGE_PATHS", ()))
        ignored = list(settings.get("IGNORE_FILES") or [])
        settings["IGNORE_FILES"] = [*ignored, *(name for name in LEFTOVERS if name not in ignored)]
        from edcal.load.articles import articles_in_static, articles_outside, links_outside, unread_articles

        folders = [(folder, settings.get(f"{kind}_EXCLUDES", ()))
                   for kind in ("ARTICLE", "PAGE") for folder in settings.get(f"{kind}_PATHS", ())]
        misnamed = unread_articles(site, content, folders, settings.get("IGNORE_FILES", ()))
        published = [*(settings.get("ARTICLE_PATHS") or ()), *(settings.get("PAGE_PATHS") or ()),
                     *(settings.get("STATIC_PATHS") or ())]
        misnamed += links_outside(site, content, published, settings.get("IGNORE_FILES", ()))
        misnamed += articles_in_static(site, content, settings.get("STATIC_PATHS") or (),
                                       [folder for folder, _excludes in folders],
                                       settings.get("IGNORE_FILES", ()), settings.get("STATIC_EXCLUDES", ()))
        misnamed += articles_outside(site, content, settings.get("ARTICLE_PATHS") or (),
                                     settings.get("PAGE_PATHS") or (), settings.get("STATIC_PATHS") or (),
                                     settings.get("IGNORE_FILES", ()))
        from edcal.themes import site_template_errors

        misnamed += site_template_errors(settings, site)  # a site's words and templates, before any is read
        if misnamed:
            raise InputErrors(misnamed)
        extra = frozenset(str(n).lower() for n in settings.get(EXTRA_METADATA_SETTING, ()))
        _check_extra_metadata(site, settings, extra)
        return cls(
            site=site,
            calendar=calendar,
            now=clock.now(calendar.zone),
            generated_at=clock.build_time(site, input_paths(site, settings)),
            settings=settings,
            render=render,
            page_paths=page_paths,
            extra_metadata=extra,
        )

    def relative(self, path: Path) -> str:
        """A site file's path as shown in messages and ``source`` fields."""
        text = os.path.abspath(path)
        if text.startswith(self._roots[0]):
            return composed(self.site, Path(text[len(self._roots[0]):]).as_posix())
        try:  # a symlinked content folder
            return path.resolve().relative_to(self.site.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def is_page(self, path: Path) -> bool:
        text = os.path.abspath(path)
        return any(text.startswith(root) for root in self._roots[1:])

    @functools.cached_property
    def _roots(self) -> tuple[str, ...]:
        """The site's folder, then the page folders, as absolute path prefixes (computed once)."""
        folders = [self.site, *self.page_paths]
        return tuple(os.path.join(os.path.abspath(folder), "") for folder in folders)

    @property
    def planning_path(self) -> Path:
        return planning_path(self.settings, self.site)


def planning_path(settings: dict[str, Any], site: Path) -> Path:
    """Where the team's plan is written: ``EDCAL_PLANNING_PATH``, else the site's ``planning/``."""
    configured = settings.get(PLANNING_SETTING)
    return Path(configured) if configured else site / "planning"


def composed(site: Path, path: str) -> str:
    """``path`` with its accents composed (NFC) when that names the same file, as on macOS, where a name saved
    with ``e`` + U+0301 is also found as ``é``: the plan, its feeds and its drafts then say the path as the
    Linux build of the same commit does (git commits the name composed there), byte for byte."""
    name = unicodedata.normalize("NFC", path)
    if name == path:
        return path
    try:
        return name if os.path.samefile(site / name, site / path) else path
    except OSError:  # no such name: a file system that tells them apart (Linux)
        return path


#: Build states by the token their settings carry (:func:`attach_state`).
_STATES: dict[str, BuildState] = {}
_TOKENS = itertools.count(1)


def attach_state(settings: dict[str, Any], state: BuildState) -> None:
    """Give ``settings`` the build's state, by a token a template sees as a word, not the state: Pelican
    passes the settings to the templates, and ``{{ EDCAL_STATE.articles }}`` printed drafts' titles."""
    _STATES.pop(settings.get(STATE_KEY, ""), None)
    token = f"edcal-build-{next(_TOKENS)}"
    _STATES[token] = state
    settings[STATE_KEY] = token
    settings[BUILD_TIME_SETTING] = state.generated_at  # for the blog's side, which imports no plugin


def detach_state(settings: dict[str, Any]) -> None:
    _STATES.pop(settings.pop(STATE_KEY, ""), None)
    settings.pop(BUILD_TIME_SETTING, None)


def find_state(settings: dict[str, Any]) -> BuildState | None:
    """The build's state ``settings`` (or a context made from them) carry, if any."""
    token = settings.get(STATE_KEY)
    return _STATES.get(token) if isinstance(token, str) else None


def state_of(settings: dict[str, Any]) -> BuildState:
    state = find_state(settings)
    if state is None:  # pragma: no cover - the plugin sets it at initialisation
        raise RuntimeError("edcal's build state is missing: is the edcal plugin registered?")
    return state


def find_site(settings: dict[str, Any]) -> Path:
    """The site's root: ``EDCAL_SITE``, else the folder holding calendar.yaml."""
    configured = settings.get(SITE_SETTING)
    if configured:
        return Path(configured).resolve()
    content = Path(settings["PATH"]).resolve()
    for candidate in (Path.cwd(), content.parent, content):
        if (candidate / CALENDAR_FILE).is_file():
            return candidate.resolve()
    raise InputErrors(
        [InputError(Source(CALENDAR_FILE, 1, 1),
                    say("calendar.yaml not found beside {folder}/ or in the current folder",
                        folder=content.name),
                    say("run from the site's folder, or set EDCAL_SITE in pelicanconf.py"))]
    )


def input_paths(site: Path, settings: dict[str, Any]) -> list[str]:
    """The files a plan depends on, for the "last revised" timestamp."""
    content = Path(settings["PATH"]).resolve()
    names = [CALENDAR_FILE, CALENDAR_DIR]
    if content == site.resolve():  # PATH = ".": the content's own folders, not output/ or .git
        for key in ("ARTICLE_PATHS", "PAGE_PATHS", "STATIC_PATHS"):
            names += [Path(name).as_posix() for name in settings.get(key) or () if name not in ("", ".")]
        if len(names) == 2:  # ARTICLE_PATHS = [""]: the whole site is content
            names.append(".")
    elif content.is_relative_to(site):
        names.append(content.relative_to(site).as_posix())
    # SITEURL or SITENAME are in every event's links and names: a change there is a revision too.
    names += [name for name in SETTINGS_FILES if (site / name).is_file()]
    # The site's own templates of drafts make the posts' texts (the feeds' descriptions, plan.json), and
    # those of the planning pages their pages, and the words of its translations/ the drafts' words: edcal's
    # own, outside the site, change with its version.
    from edcal.themes import template_folders

    root = site.resolve()
    for kind in ("drafts", "planning", "translations"):
        for folder in template_folders(settings, kind):
            resolved = (site / folder).resolve()
            if resolved.is_dir() and resolved.is_relative_to(root):
                names.append(resolved.relative_to(root).as_posix())
    return sorted(set(names), key=names.index)


#: The Pelican settings files of a site, as `edcal init` writes them.
SETTINGS_FILES = ("pelicanconf.py", "publishconf.py")


def _check_extra_metadata(site: Path, settings: dict[str, Any], extra: frozenset[str]) -> None:
    """``EDCAL_EXTRA_METADATA`` names fields of the site's theme and plugins, never edcal's own: with
    ``status`` there, drafts went online, taken for a theme's field."""
    from edcal.load.articles import ArticleSpec
    from edcal.site import SETTINGS_FILE_SETTING, setting_source

    own = sorted(extra & {name for name in ArticleSpec.model_fields if name != "loc"})
    if not own:
        return
    settings_file = Path(settings.get(SETTINGS_FILE_SETTING) or site / DEFAULT_SETTINGS)
    raise InputErrors([InputError(
        setting_source(site, settings_file, EXTRA_METADATA_SETTING),
        say("found {names} in {setting}, which edcal reads itself (articles.md lists them); expected only "
            "the fields of your theme or plugins", names=", ".join(f"'{name}'" for name in own),
            setting=EXTRA_METADATA_SETTING),
        say("remove {names} from {setting}", names=", ".join(f"'{name}'" for name in own),
            setting=EXTRA_METADATA_SETTING))])


def _check_timezone(calendar: Calendar, settings: dict[str, Any], site: Path) -> None:
    from edcal.zones import zone_named

    configured = settings.get("TIMEZONE")
    if configured and configured != calendar.timezone:
        try:
            zone_named(str(configured))
            hint = say("use the same zone in both files")
        except ValueError:  # GMT, EST, an abbreviation: the calendar's zone is the one to write
            hint = say("write TIMEZONE = '{here}' in the Pelican settings ('{there}' is refused in "
                       "calendar.yaml too)", here=calendar.timezone, there=configured)
        from edcal.site import SETTINGS_FILE_SETTING, setting_source

        settings_file = Path(settings.get(SETTINGS_FILE_SETTING) or site / DEFAULT_SETTINGS)
        where = setting_source(site, settings_file, "TIMEZONE")
        raise InputErrors([InputError(
            calendar.timezone_source or calendar.source,
            say("timezone is '{here}' here but '{there}' in the Pelican settings (TIMEZONE, {where})",
                here=calendar.timezone, there=configured, where=where), hint)])
    settings["TIMEZONE"] = calendar.timezone
