"""``edcal init DIR``: a new site repository with a small working sample, ready to commit."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shlex
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from edcal import clock
from edcal.addresses import WEB_ADDRESS
from edcal.errors import InputError, InputErrors, did_you_mean, message_of
from edcal.files import make_folders, os_reason, remove_folders, write_new
from edcal.i18n import Message, say, say_count
from edcal.model.source import Source
from edcal.zones import country_zone, machine_zone, zone_country, zone_hint, zone_named

TEMPLATE_SUFFIX = ".tmpl"
#: Skeleton files and folders whose name differs in the site (dot files are not shipped as such).
RENAMED = {"gitignore": ".gitignore", "pre-commit-config.yaml.tmpl": ".pre-commit-config.yaml.tmpl",
           "github": ".github"}
#: Where edcal lives, when it was not installed from its repository (the site's owner writes it in).
ENGINE_PLACEHOLDER = ("https://github.com/your-org/edcal", "COMMIT")


#: The languages a new site's sample is written in: a folder of the skeleton each.
LANGUAGES = ("fr", "en")
#: What a new site's skeleton holds beside its files: a folder per language, and what adopting a blog
#: writes (``edcal.commands.adopt``).
ADOPTION_FOLDER = "adopt"
TOP_SKIPPED = (*LANGUAGES, ADOPTION_FOLDER)
#: Countries where a site is French by default (``edcal init`` without ``--lang``).
FRENCH_SPEAKING = frozenset("""FR MC BE LU CH RE GP MQ GF YT NC PF PM WF BL MF SN CI ML BF NE TG BJ CM GA
                               CG CD MG HT TN MA DZ""".split())


#: Countries whose English site names its territory (``DEFAULT_LANG = 'en-GB'``, ``'en-US'``): its pages'
#: ``lang`` and ``og:locale`` then say which English (a bare ``en`` reads as ``en_US``), and a US site writes
#: its dates month first, its calendar's weeks from Sunday (``edcal.i18n.MONTH_FIRST``).
ENGLISH_TERRITORIES = frozenset(("GB", "IE", "AU", "NZ", "US"))


def default_language(timezone: str, country: str | None) -> str:
    """``fr`` for a site in a French-speaking country (given, or the time zone's), in Quebec's zone
    (America/Montreal), or in a zone without one (UTC), else ``en``: ``--timezone America/Chicago`` alone
    gave a French site."""
    # A country whose holidays are unknown (`--country ZZ`, an error said next) leaves the zone's say: its
    # error was in English on a Paris site.
    code = (given_country(country) if country else "") or zone_country(timezone) or ""
    if code == "CA" and not country and timezone == "America/Montreal":  # Quebec's zone (Canada's: Toronto's)
        return "fr"
    return "fr" if not code or code in FRENCH_SPEAKING else "en"


def given_country(country: str) -> str:
    """The ISO code of a ``--country`` given as a code (``fr``) or a name (``France``); "" when its
    public holidays are not known."""
    from edcal import public_holidays

    code = country.strip().upper()
    return code if public_holidays.known_country(code) else public_holidays.code_for_name(country) or ""


#: Files a new repository starts with (GitHub's and GitLab's README and .gitignore) that init also
#: writes: kept, with edcal's lines added at their end, rather than refused.
EXTENDED = (".gitignore", "README.md")
#: How many clashing files the refusal names (a second `init` in a site clashes on every file).
SHOWN_CLASHES = 10


@dataclass(frozen=True)
class NewSite:
    """What ``init_site`` wrote: every file, and the files it added to."""

    written: list[Path]
    extended: list[Path]
    #: The articles the folder held already (pelican-import's), for which no sample was written, and where.
    found: int = 0
    found_in: str = ""
    #: The country whose public holidays calendar.yaml names ("" for none: a zone of no country, UTC).
    country: str = ""


@dataclass(frozen=True)
class SiteDefaults:
    """A new site's name, time zone and language, from the options or what the computer says, and where
    its zone came from, for the report to say it: ``option`` (--timezone), ``computer`` (TZ,
    /etc/localtime), ``country`` (--country), ``locale`` (LC_ALL or LANG: en_GB.UTF-8 on a UTC computer),
    ``default`` (edcal's, Paris, for a French site)."""

    name: str
    timezone: str
    lang: str
    zone_from: str
    #: The locale variable and its value the zone came from ("LANG", "en_GB.UTF-8"), for ``locale``.
    locale: tuple[str, str] = ("", "")
    #: Whether --lang was given.
    chosen_lang: bool = False

    @property
    def spoken(self) -> str:
        """The language init speaks: the site's, unless nothing chose it (edcal's default French site in a
        container, whose team nothing shows to read French): then English, the command line's own."""
        return "en" if self.zone_from == "default" and not self.chosen_lang else self.lang


#: A locale's language and territory: ``en_GB.UTF-8``, ``fr_FR@euro``, ``de_CH``.
LOCALE = re.compile(r"([a-z]{2,3})_([A-Z]{2})\b")


def locale_country(environ: Mapping[str, str]) -> tuple[str, str, str, str] | None:
    """The locale the C library reads first (``LC_ALL``, else ``LANG``), when it names a country whose zone
    and public holidays are known: the variable, its value, its language and its country."""
    from edcal import public_holidays

    for variable in ("LC_ALL", "LANG"):
        value = environ.get(variable, "").strip()
        if not value:
            continue
        found = LOCALE.match(value)
        if found is None or not public_holidays.known_country(found[2]) or not country_zone(found[2]):
            return None  # C.UTF-8, POSIX: no place; the first variable set is the one that counts
        return variable, value, found[1], found[2]
    return None


def new_site_defaults(site_name: str | None, timezone: str | None, lang: str | None, country: str | None,
                      environ: Mapping[str, str], folder: str = "DIR") -> SiteDefaults:
    """The new site's name, time zone and language: the options', else what the others imply (the
    computer's zone; ``--country GB`` alone: Europe/London, in English; on a computer whose clock keeps no
    place's time, its locale's country: en_GB.UTF-8, London), else Paris and French.

    ``--timezone ""`` (a variable unset) is kept, for :func:`init_site` to refuse, not replaced.

    :raises InputErrors: for a site in English with no zone from anywhere: Paris would be a guess, and
        France's public holidays with it (a London company's site in a container).
    """
    zone_from, locale = "option", ("", "")
    site_lang = lang
    if timezone is None:
        local = machine_zone(environ)
        code = given_country(country) if country else None
        # The computer's zone, unless --country names another country (a site made for a client abroad)
        if local and code and zone_country(local) != code:
            local = None
        found = locale_country(environ) if not local and not country else None
        if found is not None and lang is not None and found[2] != lang:
            # A locale of another language tells nothing of where the site asked for lives: `--lang fr` in a
            # container left in en_US.UTF-8 was a French site on New York time with US public holidays.
            found = None
        if local:
            timezone, zone_from = local, "computer"
        elif code and country_zone(code):
            # A British site made with --country GB alone was on Paris time, with its posts an hour off.
            timezone, zone_from = country_zone(code) or DEFAULT_ZONE, "country"
        elif found is not None:
            variable, value, spoken, code = found
            timezone, zone_from, locale = country_zone(code) or DEFAULT_ZONE, "locale", (variable, value)
            site_lang = lang or (spoken if spoken in LANGUAGES else None)
        elif lang is not None and lang != DEFAULT_LANGUAGE and not country:  # (--country ZZ: its own error)
            raise InputErrors([InputError(
                Source("--lang", 1, 1), say("found no time zone on this computer, expected --country or "
                                            "--timezone"),
                say("e.g. edcal init {folder} --lang {lang} --country GB, or --timezone Europe/London",
                    folder=shlex.quote(folder), lang=lang))])
        else:
            timezone, zone_from = DEFAULT_ZONE, "default"
    site_lang = site_lang or default_language(timezone, country)
    name = site_name if site_name is not None else {"fr": "Mon blog"}.get(site_lang, "My blog")
    return SiteDefaults(name, timezone, site_lang, zone_from, locale, chosen_lang=lang is not None)


def init_site(target: Path, site_name: str, site_url: str, timezone: str, lang: str,
              country: str | None = None) -> NewSite:
    """Write a new site into ``target``: a missing folder, or one holding nothing init writes (``.git``,
    a LICENSE, the README and .gitignore of a new repository, which init adds to).

    :param country: ISO code whose public holidays ``edcal check`` knows; default: the
        time zone's country (America/New_York: US), none for a zone without one (UTC).
    :raises InputErrors: when the folder holds a file init writes, or a value is invalid.
    """
    _check_writable(target)
    skeleton = resources.files("edcal.skeleton")
    sources = [(_site_path(relative), source)
               for relative, source in [*_walk(skeleton), *_walk(skeleton / lang)]]
    found, found_in = articles_found(target)
    if found:  # the sample article and page would go online beside the blog's own (a WordPress import)
        sources = [(relative, source) for relative, source in sources
                   if not (relative.parts[0] == "content" and relative.suffix == ".md")]
    # No copy of the theme: the site takes edcal's own (pelicanconf.py's THEME), fixes and all, with each
    # upgrade, and keeps its changes in overrides/. A copy kept the templates of the edcal that made the
    # site, and a new edcal's fixes to the blog, the drafts and the planning pages never reached it.
    clashes = _clashes(target, [relative for relative, _ in sources])
    if clashes:
        example = "mon-site" if lang == "fr" else "my-site"
        shown = ", ".join(clashes[:SHOWN_CLASHES]) + (", …" if len(clashes) > SHOWN_CLASHES else "")
        raise InputErrors([InputError(
            Source(str(target), 0, 0),
            say_count(len(clashes), "found {count} file edcal init would overwrite: {files}",
                      "found {count} files edcal init would overwrite: {files}", files=shown),
            say("move them away, or choose a new folder: edcal init {example}", example=example))])
    try:
        zone = zone_named(timezone)
    except ValueError as exc:
        raise InputErrors([InputError(Source("--timezone", 1, 1), message_of(exc), zone_hint(timezone))]) \
            from None
    code = site_country(timezone, country)
    if not WEB_ADDRESS.match(site_url):
        raise InputErrors([InputError(Source("--url", 1, 1), say("found '{url}', expected the public site's "
                                                                 "address, e.g. https://www.example.fr",
                                                                 url=site_url[:80]))])
    if re.search(r"[<>]", site_name):  # the theme shows SITENAME as HTML: `<script>` ran on every page
        raise InputErrors([InputError(Source("--name", 1, 1), say("found '{name}', with < or >, expected the "
                                                                  "site's name as text", name=site_name[:80]),
                                      say("write it without < and > (the theme shows it as HTML)"))])
    now = clock.now(zone)
    values = {
        "site_name": site_name,
        # calendar.yaml quotes it: "Morel : métallerie" or "#1 Métallerie" are no plain YAML values
        "site_name_yaml": json.dumps(site_name, ensure_ascii=False),
        "site_url": site_url.rstrip("/"),
        "timezone": timezone,
        **engine_lines(lang),
        "lang": lang,
        "site_lang": f"{lang}-{code}" if lang == "en" and code in ENGLISH_TERRITORIES else lang,
        "default_category": "Divers" if lang == "fr" else "Misc",
        "country_line": country_line(code, lang, timezone),
        # Published yesterday, before the networks' `since:` (today): not announced, no post "gone out"
        # before the site existed; a first post the day after tomorrow.
        "first_article": f"{(now - dt.timedelta(days=1)):%Y-%m-%d} 09:00",
        "first_post": f"{(now + dt.timedelta(days=2)):%Y-%m-%d}",
        "today": f"{now:%Y-%m-%d}",
        "year_end": f"{now.year + 1}-12-31",  # an objective of a year or so
    }
    made = Undo(target)
    try:
        site = _write_site(target, sources, values, made)
    except OSError as exc:  # the system refused what os.access allowed (/proc, a full disk, a locked folder)
        undone = made.undo()
        raise InputErrors([InputError(Source(str(target), 0, 0),
                                      say("cannot create the site in {folder}: {reason}", folder=target,
                                          reason=os_reason(exc)),
                                      say("choose a folder you may write in, e.g. edcal init my-site"))],
                          outcome=None if undone else say("some files may be written")) from None
    return NewSite(site.written, site.extended, found, found_in, code)


def articles_found(target: Path) -> tuple[int, str]:
    """How many articles ``target``'s content/ holds already (Markdown files with a header, pages aside:
    pelican-import's ``--dir-page`` puts them in content/articles/pages/), and the folder that holds them."""
    from edcal.load.articles import markdown_with_a_header

    content = target / "content"
    if not content.is_dir():
        return 0, ""
    found = [Path(path).relative_to(target) for path in markdown_with_a_header(str(content))]
    articles = [path for path in found if "pages" not in path.parts[1:-1]]
    folder = "content/articles" if all(path.parts[1] == "articles" for path in articles) else "content"
    return len(articles), folder


class Undo:
    """What init wrote, to take back when it cannot finish: a full disk left a dozen files, and the next
    ``edcal init`` took the half-made site for a blog to adopt, and failed."""

    def __init__(self, target: Path) -> None:
        self.target = target
        self.files: list[Path] = []  # files made, in order
        self.folders: list[Path] = []  # folders made, the highest first
        self.extended: list[tuple[Path, int]] = []  # files added to, with their size before

    def folder(self, folder: Path) -> None:
        """Make ``folder`` and the missing ones above it, remembering each."""
        self.folders += make_folders(folder)

    def undo(self) -> bool:
        """Remove what was made, give the files added to their old end; whether all went."""
        undone = True
        for path in reversed(self.files):
            try:
                path.unlink(missing_ok=True)
            except OSError:
                undone = False
        for path, size in self.extended:
            try:
                os.truncate(path, size)
            except OSError:
                undone = False
        return remove_folders(self.folders) and undone


def _write_site(target: Path, sources: list[tuple[Path, Any]], values: dict[str, str],
                made: Undo) -> NewSite:
    written: list[Path] = []
    extended: list[Path] = []
    made.folder(target)
    for relative, source in sources:
        destination = target / relative
        data = source.read_bytes()
        if source.name.endswith(TEMPLATE_SUFFIX):
            data = data.decode("utf-8").format(**values).encode("utf-8")
        made.folder(destination.parent)
        if destination.is_file():  # one of EXTENDED (_clashes refused any other)
            before = destination.read_bytes()
            data = added_to_kept(before, data, relative.name)
            extended.append(destination)
            made.extended.append((destination, len(before)))
            with destination.open("ab") as kept:
                kept.write(data)
        else:
            write_new(destination, data)  # whole or not at all, never over a file
            made.files.append(destination)
        written.append(destination)
    return NewSite(written, extended)


def _check_writable(target: Path) -> None:
    """The site's folder can be made or written in: a file in the way (``edcal init notes.txt/site``), a
    folder of the system or of another user stopped init half-way with a Python traceback.

    :raises InputErrors: before anything is written.
    """
    existing = target
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    reason = None
    if existing.exists() and not existing.is_dir():
        reason = say("{path} is a file", path=existing)
    elif not os.access(existing, os.W_OK | os.X_OK):
        reason = say("{path} may not be written", path=existing)
    if reason is not None:
        raise InputErrors([InputError(Source(str(target), 0, 0),
                                      say("cannot create the site in {folder}: {reason}", folder=target,
                                          reason=reason),
                                      say("choose a folder you may write in, e.g. edcal init my-site"))])


def site_country(timezone: str, country: str | None) -> str:
    """The ISO code of the country whose public holidays ``edcal check`` knows: ``--country``, else the time
    zone's; "" for a zone without one (UTC).

    :raises InputErrors: for a ``--country`` whose holidays are not known.
    """
    from edcal import public_holidays

    if country is None:
        code = zone_country(timezone) or ""
        return code if code and public_holidays.known_country(code) else ""
    code = given_country(country)
    if not code:
        raise InputErrors([InputError(
            Source("--country", 1, 1), say("found country '{country}', expected an ISO 3166 code "
                                           "whose public holidays are known", country=country),
            did_you_mean(country.upper(), public_holidays.countries()) or say("e.g. FR, BE, CH, CA, US"))])
    return code


def country_line(code: str, lang: str, timezone: str = "") -> str:
    """calendar.yaml's ``country:`` line (with England's subdivision, or the state or province the time
    zone names in Australia and Canada), commented out without a country."""
    if not code:
        return _NO_COUNTRY[lang]
    region = _ZONE_SUBDIVISIONS.get(code, {}).get(timezone)
    if region is not None:
        return f"country: {code}\nsubdivision: {region}   # {_SUBDIVISION_COMMENTS[lang][code]}"
    return f"country: {code}{_SUBDIVISION_LINES.get(code, '')}"


def _site_path(relative: Path) -> Path:
    """Where a skeleton file goes in the site: dot names restored, ``.tmpl`` dropped."""
    path = Path(*(RENAMED.get(part, part) for part in relative.parts))
    return path.with_name(path.name.removesuffix(TEMPLATE_SUFFIX))


def _clashes(target: Path, planned: list[Path]) -> list[str]:
    """The files and folders of ``target`` that writing ``planned`` (relative files) would overwrite, or
    that stand where init makes a folder (a file named ``content``), as sorted relative paths."""
    found: set[str] = set()
    for relative in planned:
        for parent in reversed(relative.parents[:-1]):  # `content`, then `content/articles`
            if (target / parent).exists() and not (target / parent).is_dir():
                found.add(parent.as_posix())
                break
        else:
            path = target / relative
            kept = relative.as_posix() in EXTENDED and path.is_file() and not path.is_symlink()
            if (path.exists() or path.is_symlink()) and not kept:
                found.add(relative.as_posix())
    return sorted(found)


def added_to_kept(kept: bytes, ours: bytes, name: str) -> bytes:
    """What init adds at the end of a README.md or .gitignore the folder has: the README's text without its
    title (the repository's stays first), every line of the .gitignore; in the file's line ends (CRLF in a
    clone on Windows: LF lines added would leave it mixed) and its encoding (UTF-16, Notepad's "Unicode")."""
    encoding = _UTF16.get(kept[:2], "utf-8")
    before = kept[2:].decode(encoding, errors="replace") if encoding != "utf-8" else kept.decode(
        "utf-8", errors="replace")
    text = ours.decode("utf-8")
    if name == "README.md":
        text = text.partition("\n")[2].lstrip("\n")
    text = ("" if not before or before.endswith("\n") else "\n") + "\n" + text
    return (text.replace("\n", "\r\n") if "\r\n" in before else text).encode(encoding)


#: The byte order marks of UTF-16, and the encoding each says (the mark itself is the file's, kept).
_UTF16 = {b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be"}


#: Countries whose nations keep bank holidays of their own: without a subdivision, the United Kingdom's
#: holidays lack England's Easter Monday and August bank holiday.
_SUBDIVISION_LINES = {
    "GB": "\nsubdivision: ENG   # England's bank holidays; NIR, SCT, WLS: Northern Ireland, Scotland, Wales",
}


#: Countries whose states or provinces keep most public holidays, by the zone that names one (the
#: `holidays` library's codes): without it, Sydney lacks the King's Birthday and Labour Day, Toronto
#: Victoria Day and Thanksgiving. A zone several of them share (Canada/Eastern) names none.
_ZONE_SUBDIVISIONS = {
    "AU": {"Australia/Sydney": "NSW", "Australia/NSW": "NSW", "Australia/Broken_Hill": "NSW",
           "Australia/Lord_Howe": "NSW", "Australia/Canberra": "ACT", "Australia/ACT": "ACT",
           "Australia/Melbourne": "VIC", "Australia/Victoria": "VIC", "Australia/Brisbane": "QLD",
           "Australia/Queensland": "QLD", "Australia/Lindeman": "QLD", "Australia/Adelaide": "SA",
           "Australia/South": "SA", "Australia/Perth": "WA", "Australia/West": "WA", "Australia/Eucla": "WA",
           "Australia/Hobart": "TAS", "Australia/Tasmania": "TAS", "Australia/Darwin": "NT",
           "Australia/North": "NT"},
    "CA": {"America/Vancouver": "BC", "Canada/Pacific": "BC",
           "America/Edmonton": "AB", "Canada/Mountain": "AB",
           "America/Regina": "SK", "America/Swift_Current": "SK", "Canada/Saskatchewan": "SK",
           "America/Winnipeg": "MB", "Canada/Central": "MB",
           "America/Toronto": "ON", "America/Montreal": "QC",
           "America/Halifax": "NS", "America/Glace_Bay": "NS", "Canada/Atlantic": "NS",
           "America/Moncton": "NB",
           "America/St_Johns": "NL", "America/Goose_Bay": "NL", "Canada/Newfoundland": "NL",
           "America/Whitehorse": "YT", "America/Dawson": "YT", "Canada/Yukon": "YT",
           "America/Yellowknife": "NT", "America/Inuvik": "NT",
           "America/Iqaluit": "NU", "America/Rankin_Inlet": "NU", "America/Cambridge_Bay": "NU"},
}
_SUBDIVISION_COMMENTS = {
    "en": {"AU": "the state's public holidays (NSW, VIC, QLD, SA, WA, TAS, ACT, NT)",
           "CA": "the province's public holidays (ON, QC, BC, AB, MB, SK, NS, NB, NL, PE, YT, NT, NU)"},
    "fr": {"AU": "les jours fériés de l'État (NSW, VIC, QLD, SA, WA, TAS, ACT, NT)",
           "CA": "les jours fériés de la province (QC, ON, BC, AB, MB, SK, NS, NB, NL, PE, YT, NT, NU)"},
}


#: calendar.yaml's `country:` line for a zone without a country (UTC), in the site's language.
_NO_COUNTRY = {
    "en": "# country: FR   # public holidays (edcal check), e.g. FR, BE, CA, US",
    "fr": "# country: FR   # jours fériés (edcal check), par exemple FR, BE, CA, US",
}


#: What requirements.txt and .pre-commit-config.yaml say while edcal's address is unknown (site's language).
_ENGINE_TODO = {
    "en": ("# TODO: write where edcal lives and the tag or commit to build with, then uncomment:",
           "# TODO: write where edcal lives and the tag or commit to check with, then uncomment these lines\n"
           "# and remove `repos: []`:"),
    "fr": ("# TODO : indiquez où se trouve edcal et l'étiquette ou le commit avec lequel construire, puis "
           "décommentez :",
           "# TODO : indiquez où se trouve edcal et l'étiquette ou le commit avec lequel vérifier, puis "
           "décommentez ces\n# lignes et retirez `repos: []` :"),
}


def engine_lines(lang: str = "en") -> dict[str, str]:
    """The edcal this site is made with, for requirements.txt and the pre-commit hook.

    Installed from its git repository (``pip install "edcal @ git+URL@COMMIT"``), pip
    recorded the URL and the commit: the new site pins the same. Otherwise (a local
    checkout) a placeholder says what to write.
    """
    import json
    from importlib import metadata

    repo, rev = ENGINE_PLACEHOLDER
    try:
        recorded = metadata.distribution("edcal").read_text("direct_url.json")
        origin = json.loads(recorded) if recorded else {}
    except (metadata.PackageNotFoundError, ValueError):
        origin = {}
    vcs = origin.get("vcs_info") or {}
    known = vcs.get("vcs") == "git" and origin.get("url") and vcs.get("commit_id")
    if known:
        repo, rev = str(origin["url"]), str(vcs["commit_id"])
    hook = (f"repos:\n  - repo: {repo}\n    rev: {rev}\n    hooks:\n      - id: edcal-check")
    if known:
        line = f"edcal @ git+{repo}@{rev}"
    else:  # commented out: pip, CI and pre-commit say what is missing, not fail on an address that is none
        todo = _ENGINE_TODO["fr" if lang == "fr" else "en"]
        line = f"{todo[0]}\n# edcal @ git+{repo}@{rev}"
        hook = todo[1] + "\n" + "\n".join(f"# {row}" for row in hook.splitlines()) + "\nrepos: []"
    return {"engine_line": line, "engine_hook": hook}


def engine_pinned(written: list[Path]) -> bool:
    """Whether the new site's requirements.txt names the edcal to build with (else its CI cannot run)."""
    requirements = next((p for p in written if p.name == "requirements.txt"), None)
    if requirements is None:
        return True
    return any(line.strip() and not line.lstrip().startswith("#")
               for line in requirements.read_text(encoding="utf-8").splitlines())


def pin_reminder() -> Message:
    """What a site whose requirements.txt does not pin edcal yet is told (its CI cannot run)."""
    return say("Before the first push: write in requirements.txt (and .pre-commit-config.yaml) where edcal "
               "lives and the tag or commit to build with; CI installs it from there (edcal's "
               "docs/deployment.md).")


def repository_note(folder: Path, written: list[Path]) -> Message | None:
    """What a site made in a folder of a git repository (``edcal init blog`` beside the company's code)
    is told: GitHub runs the workflows of the repository's root only, and pre-commit reads its config
    there, so the files init wrote in the site's folder would never run. None for a site at the root of
    its repository (a clone), or outside git.
    """
    here = folder.resolve()
    root = next((parent for parent in (here, *here.parents) if (parent / ".git").exists()), None)
    workflow = folder / ".github" / "workflows" / "site.yml"
    if root is None or root == here or workflow not in written:
        return None
    hook = folder / ".pre-commit-config.yaml"
    ours: str | Message = workflow.as_posix()
    if hook in written:
        ours = say("{workflow} and {hook}", workflow=workflow.as_posix(), hook=hook.as_posix())
    return say("{folder} is in the git repository {root}: if the site is committed there, GitHub runs "
               "only the workflows of {workflows}, and pre-commit reads only {config}. Move {ours} there, "
               "with the site's folder written in them (edcal's docs/deployment.md, \"A site in a folder "
               "of its repository\").",
               folder=here.name if here == Path.cwd().resolve() else folder.as_posix(), root=str(root),
               workflows=os.path.relpath(root / ".github" / "workflows") + "/",
               config=os.path.relpath(root / ".pre-commit-config.yaml"), ours=ours)


def creation_report(site: NewSite, folder: Path, site_url: str, defaults: SiteDefaults) -> list[Message]:
    """What ``init`` prints after making a site: where, in which language, time zone (and where it came
    from) and country, and what to run next; then what remains to write before publishing (SITEURL, the
    team's names, where edcal lives)."""
    from edcal.addresses import unreachable_site_url
    from edcal.site import setting_source
    from edcal.skeleton import PLACEHOLDER_PEOPLE

    lang = defaults.lang
    names = {"fr": say("French"), "en": say("English")}
    other = "en" if lang == "fr" else "fr"
    commands = "edcal build && edcal agenda"
    if folder.resolve() != Path.cwd().resolve():  # `edcal init .` said "cd . && …"
        commands = f"cd {shlex.quote(str(folder))} && {commands}"
    origin = {
        "computer": say("(the computer's; --timezone for another)"),
        "country": say("(that of {country}; --timezone for another)", country=site.country),
        "locale": say("(from {variable}={value}: this computer's clock names no place; --timezone for "
                      "another)", variable=defaults.locale[0], value=defaults.locale[1]),
        # Paris was silent: a team in a container took it for its own zone
        "default": say("(edcal's default: this computer's clock names no place; --country GB or --timezone "
                       "Europe/London for another)"),
    }.get(defaults.zone_from, say("(--timezone for another)"))
    holidays = (say("with the public holidays of {country} (--country for another)", country=site.country)
                if site.country else say("with no public holidays (--country for a country's)"))
    told = [say("Site created in {folder}, in {language} (--lang {other} for {other_language}), in the time "
                "zone {zone} {origin}, {holidays}. Next: {commands}", folder=str(folder),
                language=names[lang],
                other=other, other_language=names[other], zone=defaults.timezone, origin=origin,
                holidays=holidays, commands=commands)]
    if site.found:
        told.append(say_count(site.found,
                              "{count} article found in {folder}: no sample article or page written.",
                              "{count} articles found in {folder}: no sample article or page written.",
                              folder=(folder / site.found_in).as_posix()))
    if unreachable_site_url(site_url.rstrip("/")):
        where = setting_source(folder, folder / "pelicanconf.py", "SITEURL")
        told.append(say("SITEURL is {url}, no public address: before publishing, write the site's address "
                        "in {where} (edcal check and edcal build warn until then).", url=site_url,
                        where=f"{(folder / where.path).as_posix()}:{where.line}"))
    calendar_file = folder / "calendar.yaml"
    if calendar_file in site.written:
        lines = calendar_file.read_text(encoding="utf-8").splitlines()
        name_line = next((n for n, text in enumerate(lines, start=1)
                          if any(text.endswith(f"name: {name}") for name in PLACEHOLDER_PEOPLE)), None)
        if name_line is not None:
            line = f"{calendar_file.as_posix()}:{name_line}"
            told.append(say("Under team: in {where}, write your name, and your accounts under networks: "
                            "(edcal check warns until then).", where=line))
    if site.extended:
        told.append(say_count(len(site.extended),
                              "Kept the folder's {files}, with edcal's lines added at its end.",
                              "Kept the folder's {files}, with edcal's lines added at their end.",
                              files=", ".join(sorted(path.name for path in site.extended))))
    if not engine_pinned(site.written):
        told.append(pin_reminder())
    elsewhere = repository_note(folder, site.written)
    if elsewhere is not None:
        told.append(elsewhere)
    return told


#: The time zone and language of a site made without ``--timezone`` nor ``--lang``, on a computer whose clock
#: keeps no place's time (a server's UTC) and whose locale names no country, without a ``--country`` the
#: database knows: edcal's first users are French.
DEFAULT_ZONE = "Europe/Paris"
DEFAULT_LANGUAGE = "fr"


def _walk(folder, prefix: Path = Path()):  # type: ignore[no-untyped-def]
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name in ("__init__.py", "__pycache__") or (not prefix.parts and entry.name in TOP_SKIPPED):
            continue
        if entry.is_dir():
            yield from _walk(entry, prefix / entry.name)
        else:
            yield prefix / entry.name, entry
