"""Compiled templates kept between builds (edcal.template_cache): never a stale or a foreign one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import run_edcal, write_pelicanconf

pytestmark = pytest.mark.e2e


def build(site: Path, temporary: Path) -> None:
    result = run_edcal("build", cwd=site, env={"TMPDIR": str(temporary)})
    assert result.returncode == 0, result.stderr


def outputs(site: Path) -> dict[str, bytes]:
    return {str(path.relative_to(site)): path.read_bytes() for folder in ("output", "planning")
            for path in sorted((site / folder).rglob("*")) if path.is_file()}


def cache_of(temporary: Path) -> Path:
    return temporary / f"edcal-templates-{os.geteuid()}"


def write_overrides(overrides: Path, version: str) -> None:
    """A blog template, a draft template and a planning page of the site's, saying ``version``; written with
    the same time as before, as a checkout or a quick edit may leave it."""
    files = {
        overrides / "page.html": '{% extends "!theme/page.html" %}\n{% block title %}' + version + "{% endblock %}\n",
        overrides / "drafts" / "linkedin.txt.j2": version + " {{ title }}\n",
        overrides / "planning" / "report.html.j2": f"<!doctype html><title>{version}</title><p>{version}</p>\n",
    }
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        os.utime(path, (1_700_000_000, 1_700_000_000))


def test_a_template_edited_between_two_builds_is_compiled_again(site: Path, tmp_path: Path) -> None:
    """The second build reads the templates it compiled from the cache, and what was edited since from the
    file: the blog's (Pelican's environments), the drafts' and the planning pages' (edcal's)."""
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    overrides = site / "overrides"
    write_overrides(overrides, "Version une")
    write_pelicanconf(site, f"THEME_TEMPLATES_OVERRIDES = [{str(overrides)!r}]\n")
    build(site, temporary)
    assert "<title>Version une</title>" in (site / "output" / "pages" / "contact.html").read_text(encoding="utf-8")
    compiled = sorted(cache_of(temporary).iterdir())
    assert len(compiled) > 10, compiled  # the theme's templates and the site's
    write_overrides(overrides, "Version deux")
    build(site, temporary)
    assert "<title>Version deux</title>" in (site / "output" / "pages" / "contact.html").read_text(encoding="utf-8")
    drafts = [path.read_text(encoding="utf-8") for path in (site / "planning" / "drafts" / "linkedin").glob("*.txt")]
    assert drafts and all(text.startswith("Version deux") for text in drafts), drafts
    assert "<p>Version deux</p>" in (site / "planning" / "report.html").read_text(encoding="utf-8")


def test_sites_whose_jinja_options_differ_do_not_share_compiled_templates(site: Path, tmp_path: Path) -> None:
    """The theme's templates, compiled for a site with Pelican's whitespace options, are not those of a site
    that sets others: each builds as with no cache."""
    shared, empty = tmp_path / "shared", tmp_path / "empty"
    shared.mkdir()
    empty.mkdir()
    build(site, shared)
    trimmed = outputs(site)
    write_pelicanconf(site, 'JINJA_ENVIRONMENT = {"trim_blocks": False, "lstrip_blocks": False}\n')
    build(site, shared)
    after_the_other = outputs(site)
    build(site, empty)
    assert after_the_other == outputs(site)
    assert after_the_other != trimmed  # the options change the pages: a shared template would show


def test_a_cache_folder_others_may_write_in_or_a_damaged_file_is_not_read(site: Path, tmp_path: Path) -> None:
    """Its code is run: a folder left open to other users is not used, and a file cut short is compiled again."""
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    build(site, temporary)
    expected = outputs(site)
    for path in cache_of(temporary).iterdir():
        path.write_bytes(path.read_bytes()[:40])
    build(site, temporary)
    assert outputs(site) == expected
    opened = tmp_path / "opened"
    cache_of(opened).mkdir(parents=True)
    cache_of(opened).chmod(0o777)
    build(site, opened)
    assert outputs(site) == expected
    assert list(cache_of(opened).iterdir()) == []


def test_a_filter_that_now_takes_the_context_is_called_with_it(site: Path, tmp_path: Path) -> None:
    """How a filter is called is compiled in: one of the site's, now taking the context, is not called as
    the template compiled for the former was."""
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    overrides = site / "overrides"
    overrides.mkdir()
    (overrides / "page.html").write_text('{% extends "!theme/page.html" %}{% block title %}{{ "fort"|shout }}'
                                         "{% endblock %}\n", encoding="utf-8")
    where = f"THEME_TEMPLATES_OVERRIDES = [{str(overrides)!r}]\n"
    write_pelicanconf(site, where + 'JINJA_FILTERS = {"shout": lambda value: value.upper()}\n')
    build(site, temporary)
    assert "<title>FORT</title>" in (site / "output" / "pages" / "contact.html").read_text(encoding="utf-8")
    write_pelicanconf(site, where + "from jinja2 import pass_context\n\n@pass_context\n"
                      "def shout(context, value):\n    return value.upper() + '!'\n\n"
                      'JINJA_FILTERS = {"shout": shout}\n')
    build(site, temporary)
    assert "<title>FORT!</title>" in (site / "output" / "pages" / "contact.html").read_text(encoding="utf-8")
