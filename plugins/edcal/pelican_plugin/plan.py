"""Resolve the plan of a build or a check from its state."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from edcal.errors import InputError, InputErrors, did_you_mean, located_template_errors
from edcal.i18n import say
from edcal.load.calendar_files import DEFAULT_SETTINGS
from edcal.model.plan import Plan, Share, ShareKit
from edcal.model.source import Source
from edcal.pelican_plugin.state import BuildState
from edcal.plan.compose import DRAFTS_FOLDER, Composer, DraftTemplates
from edcal.plan.resolve import Site, resolve_plan
from edcal.site import SETTINGS_FILE_SETTING, override_problems, setting_source
from edcal.themes import copied_theme, template_folders, untranslated_words


def _settings_file(state: BuildState) -> Path:
    """The settings file the run read (`pelican content -s publishconf.py` does not say: pelicanconf.py)."""
    return Path(state.settings.get(SETTINGS_FILE_SETTING) or state.site / DEFAULT_SETTINGS)


def site_of(state: BuildState) -> Site:
    settings = state.settings
    settings_file = _settings_file(state)
    return Site(url=str(settings.get("SITEURL") or "").rstrip("/"),
                lang=str(settings.get("DEFAULT_LANG") or "en"),
                content=Path(settings["PATH"]), article_url=str(settings.get("ARTICLE_URL") or ""),
                name=str(settings.get("SITENAME") or ""),
                url_source=setting_source(state.site, settings_file, "SITEURL"))


def _check_named_templates(state: BuildState, templates: DraftTemplates) -> None:
    """A network's ``template:`` that no drafts folder has: its posts took the default template silently."""
    known = sorted(set(templates.environment.list_templates()))
    errors = [InputError(network.template_source,
                         say("found template '{name}', which no drafts folder has",
                             name=network.template),
                         did_you_mean(network.template, known) or say("templates: {templates}",
                                                                      templates=", ".join(known)))
              for network in state.calendar.networks.values()
              if network.template_source is not None and network.template not in known]
    if errors:
        raise InputErrors(errors)


def resolve_state(state: BuildState, compose_from: dt.datetime | None = None) -> Plan:
    """The plan of the articles read so far and the calendar.

    :raises InputErrors: for unresolved references and impossible times.
    """
    if state.errors:
        raise InputErrors(state.errors.errors)
    site = site_of(state)
    templates = DraftTemplates(template_folders(state.settings, DRAFTS_FOLDER), site.lang)
    _check_named_templates(state, templates)
    composer = Composer(templates, state.calendar.tracking, site.url, site.lang)
    with located_template_errors(state.site, copy=theme_copy(state)):
        plan = resolve_plan(state.calendar, state.articles, now=state.now,
                            generated_at=state.generated_at, site=site, composer=composer,
                            compose_from=compose_from)
    _add_site_facts(plan, state, site)
    state.plan = plan
    return plan


def _without_offline_pages(plan: Plan, offline_urls: Iterable[str]) -> ShareKit:
    """The share page without the suggestions that link to a page not online (a draft page, a tag page only
    articles to come have, an image only they show), or name its address in their words: they wait for it,
    as one for an article to come does (the page printed the link, its address telling the page's subject,
    and every employee would have shared a dead page)."""
    from edcal.addresses import is_site_url, page_path, site_pages
    from edcal.plan.share import site_addresses

    offline = site_pages(offline_urls, plan.site_url)  # as checks read pages

    def names_one(share: Share) -> bool:
        addresses = [share.url, *(found for text in share.texts
                                  for found in site_addresses(text.pasted, plan.site_url))]
        return any(is_site_url(url, plan.site_url) and page_path(url, plan.site_url) in offline
                   for url in addresses)

    shares = tuple(share for share in plan.sharing.shares if not names_one(share))
    return dataclasses.replace(plan.sharing, shares=shares)


def _add_site_facts(plan: Plan, state: BuildState, site: Site) -> None:
    """What the checks judge of the site around the plan: its pages' URLs and linked files, its default
    image, the theme's words without a translation into its language, what of its override folders nothing
    reads, a copy of edcal's theme."""
    plan.page_urls = frozenset(state.page_urls)
    plan.page_addresses = dict(state.page_addresses)
    plan.blog_files = state.blog_files
    # Pages not online, and images kept out until what shows them is: a suggestion linking there waits.
    offline = {*state.offline_makers, *(state.blog_files.withheld if state.blog_files is not None else ())}
    if offline and plan.sharing.shares:
        plan.sharing = _without_offline_pages(plan, offline)
    plan.page_files = tuple(sorted(state.page_files, key=lambda pair: (pair[0], pair[1].source.line)))
    plan.page_links = tuple(sorted(state.page_links, key=lambda pair: (pair[0], pair[1].source.line)))
    missing, own = untranslated_words(state.settings, site.lang)
    if missing:
        where = Source(state.relative(own), 1, 1) if own is not None \
            else setting_source(state.site, _settings_file(state), "DEFAULT_LANG")
        plan.untranslated = (tuple(missing), where)
    plan.override_problems = tuple(override_problems(state.site, _settings_file(state), state.settings))
    plan.theme_copy = theme_copy(state)
    default_image = state.settings.get("DEFAULT_IMAGE")
    if isinstance(default_image, str) and default_image and "://" not in default_image:
        where = setting_source(state.site, _settings_file(state), "DEFAULT_IMAGE")
        plan.default_image = (default_image, where)


def theme_copy(state: BuildState) -> tuple[str, Source] | None:
    """The site's THEME when it is a copy of edcal's theme (:func:`edcal.themes.copied_theme`), and where it
    is set."""
    copy = copied_theme(state.settings)
    if copy is None:
        return None
    return state.relative(copy), setting_source(state.site, _settings_file(state), "THEME")
