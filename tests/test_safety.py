"""Determinism, atomic outputs and hostile input: what CI, subscribers and the public rely on."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import icalendar
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import (
    EPOCH,
    NOW,
    ROOT,
    add_site_plugin,
    copy_sample,
    run_edcal,
    run_pelican,
    run_without_root_rights,
    tree,
    tree_text,
    write_pelicanconf,
)
from edcal.checks import all_rules
from edcal.errors import ErrorCollector, InputErrors
from edcal.load.articles import validate_article
from edcal.load.frontmatter import split_article
from helpers import PARIS_CALENDAR, calendar_from

ENV = {"EDCAL_NOW": NOW, "SOURCE_DATE_EPOCH": EPOCH}
LOCATED = re.compile(r"^(calendar\.yaml|content/[\w/.-]+):\d+:\d+: error: ", re.MULTILINE)
TRACEBACK = re.compile(r"Traceback|File \".*\", line \d+")


# -- determinism ------------------------------------------------------------

def test_two_builds_in_different_folders_give_byte_identical_outputs(tmp_path: Path) -> None:
    first = copy_sample(tmp_path / "a")
    second = copy_sample(tmp_path / "somewhere" / "much-deeper" / "b")
    # Each in a new process with a hash seed of its own: an order that follows a set's shows.
    for seed, site in enumerate((first, second), start=1):
        result = run_edcal("build", cwd=site, env={**ENV, "PYTHONHASHSEED": str(seed)})
        assert result.returncode == 0, result.stderr
    for name in ("output", "planning"):
        one, two = tree(first / name), tree(second / name)
        assert sorted(one) == sorted(two)
        different = [path for path in one if one[path] != two[path]]
        assert not different, f"{name}/ differs between two builds: {different[:5]}"
        for path, data in two.items():
            assert str(tmp_path).encode() not in data, f"{name}/{path} holds an absolute path of the build"


def test_an_article_named_with_a_decomposed_accent_on_macos_gives_the_linux_builds_bytes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A Mac app saved "publié.md" with e + U+0301; git committed the name composed, as Linux checks it out.
    The plan, feeds and drafts of the Mac build said the other spelling of the path (in their "source"), so
    the two builds of one commit differed, and the planning's link to the file on the forge was another name."""
    from click.testing import CliRunner

    from edcal.__main__ import cli

    def normalization_insensitive(a: Any, b: Any) -> bool:  # as macOS's APFS finds a name, in either spelling
        import unicodedata
        names = [unicodedata.normalize("NFC", os.fsdecode(p)) for p in (a, b)]
        if not any(os.path.exists(p) for p in (a, b)):
            raise FileNotFoundError(a)
        return names[0] == names[1]

    for name, value in {**ENV, "EDCAL_JOBS": "1"}.items():
        monkeypatch.setenv(name, value)
    plans = {}
    for system, accent in (("linux", "\u00e9"), ("macos", "e\u0301")):
        site = shutil.copytree(ROOT / "tests" / "fixtures" / "site", tmp_path / system / "site")
        write_pelicanconf(site)
        articles = site / "content" / "articles"
        (articles / "publie.md").rename(articles / f"publi{accent}.md")
        if system == "macos":
            monkeypatch.setattr(os.path, "samefile", normalization_insensitive)
        result = CliRunner().invoke(cli, ["build", "--site", str(site)])
        assert result.exit_code == 0, result.output
        plans[system] = tree(site / "planning")
    assert "content/articles/publi\u00e9.md".encode() in plans["macos"]["plan.json"]
    assert plans["macos"] == plans["linux"]


def test_a_blog_feed_with_no_article_yet_is_dated_by_the_inputs_not_the_clock(site: Path) -> None:
    """A blog whose articles are all to come (a new site, an adopted blog before its first article): its
    Atom feed's <updated> was the build's clock time (feedgenerator's), so two builds differed."""
    env = {**ENV, "EDCAL_NOW": "2020-01-01T10:00:00+01:00"}
    feeds = []
    for _ in range(2):
        result = run_edcal("build", "--no-check", cwd=site, env=env)
        assert result.returncode == 0, result.stderr
        feeds.append((site / "output" / "feeds" / "all.atom.xml").read_text(encoding="utf-8"))
        time.sleep(1.1)
    assert "<entry>" not in feeds[0]
    assert "<updated>2026-09-21T14:13:20+00:00</updated>" in feeds[0], feeds[0]  # SOURCE_DATE_EPOCH
    assert feeds[0] == feeds[1]


# -- atomic outputs ---------------------------------------------------------

def test_a_build_that_fails_while_writing_leaves_the_previous_files(site: Path) -> None:
    assert run_edcal("build", cwd=site, env=ENV).returncode == 0
    before, blog = tree(site / "planning"), tree(site / "output")
    # A broken template override: the planning page fails after plan.json, feeds and drafts were written.
    override = site / "overrides" / "planning"
    override.mkdir(parents=True)
    (override / "index.html.j2").write_text("{{ no_such_variable.attribute }}\n", encoding="utf-8")
    write_pelicanconf(site, 'THEME_TEMPLATES_OVERRIDES = ["overrides"]\n')
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace("Bonjour le monde", "Bonjour modifié"),
                        encoding="utf-8")
    result = run_edcal("build", cwd=site, env=ENV)
    assert result.returncode == 2 and not TRACEBACK.search(result.stderr)
    assert "overrides/planning/index.html.j2:1:1: error: template error: 'no_such_variable' is undefined" \
        in result.stderr
    assert tree(site / "planning") == before, "a failed build changed planning/"
    assert written_by_blog(site) == written_by_blog(site, blog), "a failed build changed output/"
    assert not [p for p in site.iterdir() if p.name.startswith(".planning.edcal-")], "staging folder left behind"


def test_a_bug_in_python_a_template_calls_is_not_blamed_on_the_theme(site: Path, monkeypatch) -> None:
    """A KeyError in edcal's own reading-time helper read "themes/…/lists.html:11:1: error: template error",
    exit 2, its traceback dropped: the theme was blamed for edcal's bug."""
    from click.testing import CliRunner

    from edcal.__main__ import cli

    def broken(content: Any) -> int:
        return {}["simulated edcal bug"]

    monkeypatch.setattr("edcal.blog.helpers.reading_time", broken)
    monkeypatch.setenv("EDCAL_JOBS", "1")
    result = CliRunner().invoke(cli, ["build", "--site", str(site)])
    assert isinstance(result.exception, KeyError) and "template error" not in result.output


def written_by_blog(site: Path, files: dict[str, bytes] | None = None) -> dict[str, bytes]:
    """output/'s files but edcal's lists of them (a build that started writing notes itself there, and
    journals what it writes)."""
    return {path: data for path, data in (files or tree(site / "output")).items()
            if path not in (".edcal-files", ".edcal-files.journal")}


def test_an_article_taken_offline_leaves_output_with_its_pages_and_image(site: Path) -> None:
    """A build removes from output/ what it did not write: nothing of an earlier build stays online."""
    output = site / "output"
    (output / ".git").mkdir(parents=True)
    (output / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n", encoding="utf-8")
    # Static files Pelican does not copy again when unchanged must stay all the same.
    write_pelicanconf(site, 'OUTPUT_RETENTION = ["CNAME"]\nSTATIC_CHECK_IF_MODIFIED = True\n')
    (site / "content" / "images" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    assert run_edcal("build", cwd=site, env=ENV).returncode == 0
    (output / "CNAME").write_text("blog.example.fr\n", encoding="utf-8")
    (output / "left-by-hand.html").write_text("old page\n", encoding="utf-8")
    pages = [output / "2027" / "publie" / "index.html", output / "images" / "public.png",
             output / "tag" / "test" / "index.html"]
    assert all(page.is_file() for page in pages) and (output / "images" / "logo.png").is_file()
    article = site / "content" / "articles" / "publie.md"
    article.write_text(article.read_text(encoding="utf-8").replace("Category: Essais", "Category: Essais\nStatus: draft"),
                       encoding="utf-8")
    result = run_edcal("build", cwd=site, env=ENV)
    assert result.returncode == 0, result.stderr
    assert not [page for page in pages if page.exists()], "an unpublished article's files stayed in output/"
    assert not (output / "tag" / "test").exists()
    assert not [path for path, text in tree_text(output) if "Un article publié" in text]
    assert (output / "images" / "logo.png").is_file() and (output / "index.html").is_file()
    # A deployment repository and the files listed in OUTPUT_RETENTION stay.
    assert (output / ".git" / "HEAD").is_file() and (output / "CNAME").read_text(encoding="utf-8") == "blog.example.fr\n"
    # A file no build wrote is never removed, and the build says so.
    assert (output / "left-by-hand.html").read_text(encoding="utf-8") == "old page\n"
    assert "output/: left alone 1 file that no edcal build wrote (left-by-hand.html): remove it, " \
           "or name it in OUTPUT_RETENTION" in result.stdout
    assert re.search(r"output/: removed \d+ files? an earlier build wrote and this one did not", result.stdout)


def test_a_folder_edcal_did_not_fill_loses_nothing(site: Path, tmp_path: Path) -> None:
    """OUTPUT_PATH pointed at a folder of someone's files: the build adds the site, removes nothing."""
    elsewhere = tmp_path / "home"
    (elsewhere / ".ssh").mkdir(parents=True)
    (elsewhere / ".ssh" / "id_ed25519").write_text("secret\n", encoding="utf-8")
    (elsewhere / "index.html").write_text("mine\n", encoding="utf-8")
    write_pelicanconf(site, f"OUTPUT_PATH = {str(elsewhere)!r}\n")
    for _ in range(2):
        result = run_edcal("build", cwd=site, env=ENV)
        assert result.returncode == 0, result.stderr
        assert (elsewhere / ".ssh" / "id_ed25519").read_text(encoding="utf-8") == "secret\n"
        assert (elsewhere / "2027" / "publie" / "index.html").is_file()
    assert "left alone 1 file that no edcal build wrote (.ssh/id_ed25519)" in result.stdout
    # Its index.html was overwritten by the blog's (Pelican writes it), and is the build's own from now on.
    assert "index.html" in (elsewhere / ".edcal-files").read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("how", ["setting", "option"])
def test_delete_output_directory_clears_what_a_build_before_edcal_left(site: Path, how: str) -> None:
    """A blog adopting edcal: its output/ from plain Pelican held a draft's page and a future article's
    (Pelican publishes both). Its publishconf.py says DELETE_OUTPUT_DIRECTORY = True (Pelican's
    quickstart writes it): those pages stayed, "left alone", and were deployed with the blog."""
    conf = site / "pelicanconf.py"
    conf.write_text(conf.read_text(encoding="utf-8").replace('PLUGINS = ["edcal"]', "PLUGINS = []")
                    + 'THEME = "simple"\n', encoding="utf-8")
    assert run_pelican(site).returncode == 0
    output = site / "output"
    left = [output / "drafts" / "brouillon.html", output / "2027" / "futur" / "index.html",
            output / "tag" / "secret-future-tag" / "index.html", output / "images" / "futur-secret.png"]
    assert all(page.is_file() for page in left)
    (output / "CNAME").write_text("blog.example.fr\n", encoding="utf-8")
    (output / ".git").mkdir()
    (output / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n", encoding="utf-8")
    write_pelicanconf(site, 'OUTPUT_RETENTION = ["CNAME"]\n'
                            + ("DELETE_OUTPUT_DIRECTORY = True\n" if how == "setting" else ""))
    if how == "setting":
        result = run_edcal("build", cwd=site, env=ENV)
        assert result.returncode == 0, result.stderr
        assert re.search(r"output/: removed \d+ files no edcal build wrote \(.*\), as DELETE_OUTPUT_DIRECTORY "
                         r"asks", result.stdout), result.stdout
        assert "left alone" not in result.stdout
    else:  # plain `pelican --delete-output-directory`, with the plugin
        result = run_pelican(site, "--delete-output-directory", env=ENV)
        assert result.returncode == 0, result.stderr
    assert not [page for page in left if page.exists()], "a page of an article not online stayed in output/"
    assert not [path for path, text in tree_text(output) if "CANARY" in text]
    assert (output / "CNAME").is_file() and (output / ".git" / "HEAD").is_file()
    assert (output / "2027" / "publie" / "index.html").is_file() and (output / "images" / "public.png").is_file()


def test_the_content_folder_may_be_the_sites_folder(site: Path) -> None:
    """Pelican's default PATH = "." with output/ beside the articles: not an overlap."""
    write_pelicanconf(site, 'PATH = "."\nARTICLE_PATHS = ["content/articles"]\nPAGE_PATHS = ["content/pages"]\n'
                            'STATIC_PATHS = ["content/images"]\n')
    # --no-check: the articles' image paths are relative to content/, not to the site's folder.
    env = {key: value for key, value in ENV.items() if key != "SOURCE_DATE_EPOCH"}
    stamps = []
    for _ in range(2):
        result = run_edcal("build", "--no-check", cwd=site, env={**env, "SOURCE_DATE_EPOCH": ""})
        assert result.returncode == 0, result.stderr
        stamps.append(json.loads((site / "planning" / "plan.json").read_text(encoding="utf-8"))["generated_at"])
    assert (site / "output" / "2027" / "publie" / "index.html").is_file()
    # The inputs' time, not output/'s: a rebuild gives the same timestamp.
    assert stamps[0] == stamps[1]


def break_tags_template(site: Path, settings: str = "") -> None:
    """A copy of the theme whose tags.html fails: the build fails while Pelican writes, after the checks."""
    theme = site / "theme"
    shutil.copytree(ROOT / "themes" / "edcal", theme)
    (theme / "templates" / "tags.html").write_text("{{ 1 | no_such_filter }}\n", encoding="utf-8")
    write_pelicanconf(site, f"{settings}THEME = {str(theme)!r}\n")


@pytest.mark.parametrize("failure", ["input", "theme"])
def test_a_failed_build_leaves_output_as_it_was(site: Path, failure: str) -> None:
    """Even with Pelican's DELETE_OUTPUT_DIRECTORY, which would empty it before reading."""
    write_pelicanconf(site, "DELETE_OUTPUT_DIRECTORY = True\n")
    assert run_edcal("build", cwd=site, env=ENV).returncode == 0
    blog = tree(site / "output")
    article = site / "content" / "articles" / "publie.md"
    article.write_text(article.read_text(encoding="utf-8").replace("Category: Essais", "Staus: draft"),
                       encoding="utf-8")
    if failure == "theme":  # fails while Pelican writes, after the checks
        article.write_text(article.read_text(encoding="utf-8").replace("Staus: draft", "Category: Essais"),
                           encoding="utf-8")
        break_tags_template(site, "DELETE_OUTPUT_DIRECTORY = True\n")
    result = run_edcal("build", cwd=site, env=ENV)
    assert result.returncode != 0
    if failure == "input":
        assert result.returncode == 2 and "publie.md:4:1: error: unknown field 'staus'" in result.stderr
    else:  # the blog's theme is the site's code too: a located error, as the planning's templates get
        assert result.returncode == 2 and not TRACEBACK.search(result.stderr), result.stderr
        assert result.stderr.startswith("theme/templates/tags.html:1:1: error: template error: ")
        assert "no_such_filter" in result.stderr and "hint: fix the theme's template" in result.stderr
    assert written_by_blog(site) == written_by_blog(site, blog)


def staged(site: Path) -> list[Path]:
    """The staging folders of output/ (edcal.pelican_plugin.staging)."""
    return sorted((site / "output").glob(".edcal-staging-*"))


def test_a_build_failing_while_pelican_writes_publishes_none_of_its_pages(site: Path) -> None:
    """Pelican rendered straight into output/: a template failing on the tags' page had published the article
    that went online that day, beside a home page and feeds that did not list it yet."""
    assert run_edcal("build", cwd=site, env=ENV).returncode == 0
    blog = tree(site / "output")
    break_tags_template(site)
    later = {**ENV, "EDCAL_NOW": "2027-04-01T10:00:00+02:00"}  # the future article is online by then
    failed = run_edcal("build", cwd=site, env={**later, "EDCAL_LANG": "en"})
    assert failed.returncode == 2 and "output/ and planning/ were left as they were" in failed.stderr, failed.stderr
    page = site / "output" / "2027" / "futur" / "index.html"
    assert not page.exists(), "the failed build published the article's page"
    assert written_by_blog(site) == written_by_blog(site, blog), "a failed build changed output/"
    assert not staged(site), "the pages written aside were left behind"
    write_pelicanconf(site, "")
    result = run_edcal("build", cwd=site, env=later)
    assert result.returncode == 0, result.stderr
    assert page.is_file() and "left alone" not in result.stdout
    assert not staged(site)


@pytest.mark.parametrize("in_the_way", ["folder", "file"])
def test_something_in_the_way_of_a_page_stops_the_build_before_any_page_is_moved_in(site: Path,
                                                                                   in_the_way: str) -> None:
    """Not even sitemap.xml and robots.txt, which edcal writes itself, may describe a build that failed."""
    assert run_edcal("build", cwd=site, env=ENV).returncode == 0
    output = site / "output"
    if in_the_way == "folder":  # where the tags' page goes
        (output / "tags.html").unlink()
        (output / "tags.html" / "notes").mkdir(parents=True)
        blocked = "output/tags.html"
    else:  # where the test tag's folder goes
        shutil.rmtree(output / "tag" / "test")
        (output / "tag" / "test").write_text("someone's\n", encoding="utf-8")
        blocked = "output/tag/test/index.html"
    blog = written_by_blog(site)
    later = {**ENV, "EDCAL_NOW": "2027-04-01T10:00:00+02:00", "EDCAL_LANG": "en"}  # an article goes online
    write_pelicanconf(site, 'SITEURL = "https://blog.example.fr"\n')  # robots.txt names the sitemap there
    result = run_edcal("build", cwd=site, env=later)
    assert result.returncode == 2 and not TRACEBACK.search(result.stderr), result.stderr
    assert f"OUTPUT_PATH: error: cannot put the page {blocked} in place" in result.stderr, result.stderr
    assert result.stderr.rstrip().endswith("output/ and planning/ were left as they were."), result.stderr
    assert written_by_blog(site) == blog and not staged(site)
    assert "futur" not in (output / "sitemap.xml").read_text(encoding="utf-8")


def test_a_link_in_output_is_refused_never_written_through(site: Path, tmp_path: Path) -> None:
    """output/images -> /somewhere (put there by hand, or pulled with a deployment repository in output/):
    Pelican copied the static files through it, outside output/, over what the link names. The build now
    refuses it before writing anything; a link among what the sweep keeps (.git) is left alone."""
    assert run_edcal("build", cwd=site, env=ENV).returncode == 0
    elsewhere = tmp_path / "ailleurs"
    elsewhere.mkdir()
    (elsewhere / "public.png").write_bytes(b"precious")
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    shutil.rmtree(site / "output" / "images")
    (site / "output" / "images").symlink_to(elsewhere)
    (site / "output" / "theme" / "css" / "edcal.css").unlink()
    (site / "output" / "theme" / "css" / "edcal.css").symlink_to(victim)
    (site / "output" / ".git").mkdir()
    (site / "output" / ".git" / "lien").symlink_to(victim)
    before = sorted(str(path) for path in (site / "output").rglob("*"))
    result = run_edcal("build", cwd=site, env={**ENV, "EDCAL_LANG": "en"})
    assert result.returncode == 2 and not TRACEBACK.search(result.stderr), result.stderr
    assert result.stderr.startswith(
        f"OUTPUT_PATH: error: found output/images, a link to {elsewhere}: the build would write the site's "
        "files through it, outside output/\n"
        "    hint: remove the link (what it names stays as it is): the build writes its own files in its place; "
        "to write the generated site on another disk, set OUTPUT_PATH to a folder there\n"
        f"OUTPUT_PATH: error: found output/theme/css/edcal.css, a link to {victim}: "), result.stderr
    assert ".git" not in result.stderr
    assert (elsewhere / "public.png").read_bytes() == b"precious" and victim.read_text(encoding="utf-8") == "precious\n"
    assert sorted(str(path) for path in (site / "output").rglob("*")) == before
    (site / "output" / "images").unlink()
    (site / "output" / "theme" / "css" / "edcal.css").unlink()
    result = run_edcal("build", cwd=site, env=ENV)
    assert result.returncode == 0, result.stderr
    assert (site / "output" / "images" / "public.png").is_file() and not (site / "output" / "images").is_symlink()
    assert list(elsewhere.iterdir()) == [elsewhere / "public.png"]


def test_a_staging_folder_of_a_build_running_beside_is_left_to_it(site: Path) -> None:
    output = site / "output"
    running = output / f".edcal-staging-{os.getpid()}-r8nn1ng"  # this test's process: alive
    killed = output / ".edcal-staging-4194305-k1ll3d"  # no process has this id
    for folder in (running, killed):
        (folder / "2027").mkdir(parents=True)
        (folder / "index.html").write_text("half written", encoding="utf-8")
    result = run_edcal("build", cwd=site, env=ENV)
    assert result.returncode == 0, result.stderr
    assert (running / "index.html").is_file() and not killed.exists()
    assert "left alone" not in result.stdout and not [p for p in staged(site) if p != running]


def test_a_read_only_folder_in_the_way_is_found_before_anything_moves(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """As the build's user sees it (a root user may write anywhere, so os.access answers here)."""
    from edcal.pelican_plugin import staging

    (tmp_path / "tag").mkdir()
    (tmp_path / "index.html").write_text("old", encoding="utf-8")
    monkeypatch.setattr(staging.os, "access", lambda path, mode: not str(path).endswith("tag"))
    assert staging._blocked(str(tmp_path), ["index.html", "tag/a/index.html", "tag/b.html"]) \
        == [("tag/a/index.html", "read-only"), ("tag/b.html", "read-only")]


def test_pages_whose_bytes_did_not_change_keep_their_time(site: Path) -> None:
    """What a web server says of a page (Last-Modified) and what rsync copies: only the pages that changed."""
    assert run_edcal("build", cwd=site, env=ENV).returncode == 0
    output = site / "output"
    pages = {path: path.stat().st_mtime_ns for path in output.rglob("*.html")}
    (output / "index.html").chmod(0o644)  # a page a web server reads as another user
    time.sleep(0.05)
    article = site / "content" / "articles" / "publie.md"
    article.write_text(article.read_text(encoding="utf-8").replace("Un article publié", "Un titre changé"),
                       encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "edcal", "build"], cwd=site, capture_output=True, text=True,
                            env={**os.environ, **ENV}, preexec_fn=lambda: os.umask(0o077), check=False)
    assert result.returncode == 0, result.stderr
    assert (output / "index.html").stat().st_mode & 0o777 == 0o644, "a changed page lost its mode"
    changed = sorted(path.relative_to(output).as_posix() for path, mtime in pages.items()
                     if path.stat().st_mtime_ns != mtime)
    assert "2027/publie/index.html" in changed and "index.html" in changed, changed  # its title
    assert not {"pages/contact.html", "tags.html", "authors.html", "categories.html"} & set(changed), changed


def after_the_page(action: str) -> str:
    """Settings that run ``action`` the instant Pelican has written the future article's page."""
    return f"""
import os as _os, signal as _signal
from pelican import signals as _signals
def _written(path, **kwargs):
    if "futur" in path:
        {action}
_signals.content_written.connect(_written, weak=False)
"""


#: Pelican's process kills itself (as the kernel's out-of-memory killer or a CI timeout would), before
#: any plugin hears of the page.
KILLED_AFTER_THE_PAGE = after_the_page("_os.kill(_os.getpid(), _signal.SIGKILL)")


def test_a_build_killed_outright_while_pelican_writes_leaves_output_as_it_was(site: Path) -> None:
    """SIGKILL (the out-of-memory killer, a CI timeout) gives no build a chance to tidy up: the pages it wrote
    aside stay aside, and the next build removes them."""
    assert run_edcal("build", cwd=site, env=ENV).returncode == 0
    blog = tree(site / "output")
    write_pelicanconf(site, KILLED_AFTER_THE_PAGE)
    later = {**ENV, "EDCAL_NOW": "2027-04-01T10:00:00+02:00"}  # the future article is online by then
    killed = run_edcal("build", "-q", cwd=site, env=later)
    assert killed.returncode != 0
    page = site / "output" / "2027" / "futur" / "index.html"
    assert [folder for folder in staged(site) if (folder / "2027" / "futur" / "index.html").is_file()], \
        "the killed build wrote the article's page aside"
    assert not page.exists(), "the killed build published the article's page"
    assert {path: data for path, data in written_by_blog(site).items() if not path.startswith(".edcal-staging-")} \
        == written_by_blog(site, blog)
    (site / "output" / "google123.html").write_text("verification\n", encoding="utf-8")  # someone's file
    write_pelicanconf(site, "")
    result = run_edcal("build", cwd=site, env=ENV)
    assert result.returncode == 0, result.stderr
    assert not page.exists() and not [path for path, text in tree_text(site / "output") if "CANARY-FUTURE" in text]
    assert not staged(site)
    assert (site / "output" / "google123.html").is_file() and "left alone 1 file that" in result.stdout
    assert not (site / "output" / ".edcal-files.journal").exists()


#: Ctrl-C, as a terminal sends it: SIGINT to the whole process group (Pelican's and the plan's worker).
INTERRUPTED_AFTER_THE_PAGE = after_the_page("_os.killpg(_os.getpgrp(), _signal.SIGINT)")


def test_ctrl_c_during_a_build_exits_130_without_traceback_and_keeps_the_plan(site: Path) -> None:
    assert run_edcal("build", cwd=site, env=ENV).returncode == 0
    planning = tree(site / "planning")
    write_pelicanconf(site, INTERRUPTED_AFTER_THE_PAGE)
    later = {**ENV, "EDCAL_NOW": "2027-04-01T10:00:00+02:00"}  # the future article is online by then
    interrupted = subprocess.run(  # a session of its own: the signal must not reach pytest
        [sys.executable, "-m", "edcal", "build"], cwd=site, capture_output=True, text=True, timeout=300,
        env={**os.environ, **later}, start_new_session=True, check=False,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))  # a CI shell may ignore it
    assert interrupted.returncode == 130, interrupted.stderr
    assert interrupted.stderr.strip().endswith("edcal: interrupted") and not TRACEBACK.search(interrupted.stderr)
    assert tree(site / "planning") == planning, "an interrupted build changed planning/"
    assert not [p for p in site.iterdir() if p.name.startswith(".planning.edcal-")], "staging folder left behind"
    write_pelicanconf(site, "")
    result = run_edcal("build", cwd=site, env=ENV)
    assert result.returncode == 0, result.stderr
    assert not (site / "output" / "2027" / "futur" / "index.html").exists()


#: Ctrl-C arriving while Python runs a finalizer: the KeyboardInterrupt is "ignored" there, and the build went on.
INTERRUPTED_IN_A_FINALIZER = after_the_page("""class _Late:
            def __del__(self):
                _os.kill(_os.getpid(), _signal.SIGINT)
                import time as _time
                _time.sleep(0.05)
        _Late()""")


def test_a_ctrl_c_python_swallows_in_a_finalizer_still_exits_130(site: Path) -> None:
    write_pelicanconf(site, INTERRUPTED_IN_A_FINALIZER)
    result = subprocess.run(
        [sys.executable, "-m", "edcal", "build"], cwd=site, capture_output=True, text=True, timeout=300,
        env={**os.environ, **ENV, "EDCAL_NOW": "2027-04-01T10:00:00+02:00"}, start_new_session=True, check=False,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    assert "Exception ignored in" in result.stderr  # Python's own word: the interrupt went nowhere
    assert result.returncode == 130 and result.stderr.strip().endswith("edcal: interrupted"), result.stderr


#: Ctrl-C arriving while Python runs a finalizer as the site's settings are read.
INTERRUPTED_IN_A_FINALIZER_OF_THE_SETTINGS = """
import os as _os, signal as _signal
class _Late:
    def __del__(self):
        _os.kill(_os.getpid(), _signal.SIGINT)
_Late()
"""


@pytest.mark.parametrize("words", [["move", "hello", "--by", "+1 day"], ["check"], ["diff", "HEAD"]])
def test_a_ctrl_c_python_swallows_stops_a_command_that_ends_with_its_own_exit_code(site: Path,
                                                                                  words: list[str]) -> None:
    """Ctrl-C raised in a finalizer (regex's, as twitter-text's expressions compile: seen with Ctrl-C 0.3 s into
    `edcal check`) is printed as ignored by Python. A command ending with its own exit code exited with it,
    Ctrl-C forgotten: `edcal check` 0, `edcal diff` 2 for the revision's errors, and `edcal move` wrote its
    files."""
    if words[0] == "diff":  # a revision with an error in calendar.yaml, fixed since
        calendar = site / "calendar.yaml"
        good = calendar.read_text(encoding="utf-8")
        calendar.write_text(good + "unknown_section: 1\n", encoding="utf-8")
        identity = ["-c", "user.name=Test", "-c", "user.email=test@example.org"]
        for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "An error"]):
            subprocess.run(["git", *identity, *command], cwd=site, capture_output=True, check=True)
        calendar.write_text(good, encoding="utf-8")
    write_pelicanconf(site, INTERRUPTED_IN_A_FINALIZER_OF_THE_SETTINGS)
    before = tree(site)
    result = subprocess.run(
        [sys.executable, "-m", "edcal", *words], cwd=site, capture_output=True, text=True, timeout=300,
        env={**os.environ, **ENV}, start_new_session=True, check=False,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    assert "Exception ignored in" in result.stderr  # Python's own word: the interrupt went nowhere
    assert result.returncode == 130 and result.stderr.endswith("edcal: interrupted\n"), result.stderr
    assert tree(site) == before, "the interrupted command wrote files"


def test_a_file_dated_in_the_future_is_not_taken_for_the_builds(site: Path) -> None:
    """An unzipped file with a time ahead of the clock was listed as written, then removed."""
    assert run_edcal("build", cwd=site, env=ENV).returncode == 0
    mine = site / "output" / "notes.txt"
    mine.write_text("mine\n", encoding="utf-8")
    ahead = time.time() + 3600
    os.utime(mine, (ahead, ahead))
    assert run_edcal("build", cwd=site, env=ENV).returncode == 0
    assert "notes.txt" not in (site / "output" / ".edcal-files").read_text(encoding="utf-8").splitlines()
    assert mine.read_text(encoding="utf-8") == "mine\n"


@pytest.mark.parametrize("setting, found", [
    ('"."', "found OUTPUT_PATH '.', which holds the site's folder"),
    ('"content/images"', "found OUTPUT_PATH 'content/images', which overlaps the content folder 'content'"),
    ('"calendar.yaml"', "found OUTPUT_PATH 'calendar.yaml', which is a file"),
])
def test_an_output_path_that_holds_the_sites_files_is_refused(site: Path, setting: str, found: str) -> None:
    write_pelicanconf(site, f"OUTPUT_PATH = {setting}\n")
    before = tree(site)
    result = run_edcal("build", cwd=site, env=ENV)
    assert result.returncode == 2 and not TRACEBACK.search(result.stderr)
    assert f"OUTPUT_PATH: error: {found}" in result.stderr and "hint: OUTPUT_PATH = 'output/'" in result.stderr
    assert {path: data for path, data in tree(site).items() if path in before} == before


def test_a_python_error_in_a_site_template_is_located(site: Path) -> None:
    override = site / "overrides" / "planning"
    override.mkdir(parents=True)
    (override / "index.html.j2").write_text("{% extends 'base.html.j2' %}\n{% set page = 'calendar' %}\n"
                                            "{% block content %}\n{{ plan.items | length + 'x' }}\n{% endblock %}\n",
                                            encoding="utf-8")
    write_pelicanconf(site, 'THEME_TEMPLATES_OVERRIDES = ["overrides"]\n')
    result = run_edcal("build", cwd=site, env=ENV)
    assert result.returncode == 2 and not TRACEBACK.search(result.stderr)
    assert "overrides/planning/index.html.j2:4:1: error: template error: unsupported operand" in result.stderr
    assert "output/ and planning/ were left as they were" in result.stderr
    # The planning pages are rendered while Pelican writes the blog aside: its pages go into output/ once
    # planning/ is written too, which is swapped in only when every output was written.
    assert not (site / "planning").exists() and not (site / "output" / "index.html").exists()
    assert not [p for p in site.iterdir() if p.name.startswith(".planning.edcal-")], "staging folder left behind"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_pelican_can_run_again_in_one_process(site: Path, jobs: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """``pelican -r`` runs the same Pelican object again after each change."""
    from pelican import Pelican

    from edcal.pelican_plugin.state import state_of
    from edcal.site import pelican_settings

    for name, value in {**ENV, "EDCAL_JOBS": jobs}.items():
        monkeypatch.setenv(name, value)
    monkeypatch.chdir(site)
    settings = pelican_settings(site)
    pelican = Pelican(settings)
    for attempt in range(3):
        (site / "calendar.yaml").touch()
        pelican.run()
        assert (site / "planning" / "plan.json").is_file(), f"run {attempt + 1}"
        assert state_of(settings).plan_run.forked == (jobs == "2"), "EDCAL_JOBS not followed"
    assert not [p for p in site.iterdir() if p.name.startswith(".planning.edcal-")]


@pytest.mark.parametrize("value", ["two", "²", "0"])  # '²' passed isdigit() and stopped int(): a traceback
def test_a_wrong_number_of_processes_is_an_error(site: Path, value: str) -> None:
    result = run_edcal("build", cwd=site, env={**ENV, "EDCAL_JOBS": value})
    assert result.returncode == 2 and not TRACEBACK.search(result.stderr), result.stderr
    assert f"$EDCAL_JOBS: error: found '{value}', expected a whole number of processes" in result.stderr
    assert not (site / "output").exists() and not (site / "planning").exists()


@pytest.mark.parametrize("value", ["-1", "1_748_851_200", "soon"])
def test_a_source_date_epoch_that_is_not_digits_is_an_error(site: Path, value: str) -> None:
    result = run_edcal("build", cwd=site, env={**ENV, "SOURCE_DATE_EPOCH": value, "EDCAL_LANG": "en"})
    assert result.returncode == 2 and not TRACEBACK.search(result.stderr), result.stderr
    assert f"$SOURCE_DATE_EPOCH: error: found '{value}', expected a number of seconds since 1970\n    hint: the " \
        "last commit's time: SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)" in result.stderr


def test_a_worker_process_and_one_process_give_the_same_bytes(tmp_path: Path) -> None:
    """The plan built in a worker process (the default on two cores) or in Pelican's process."""
    results = {}
    for jobs in ("1", "2"):
        site = copy_sample(tmp_path / f"jobs-{jobs}")
        result = run_edcal("build", cwd=site, env={**ENV, "EDCAL_JOBS": jobs, "PYTHONHASHSEED": jobs})
        assert result.returncode == 0, result.stderr
        summary = [line for line in result.stdout.splitlines() if " seconds." not in line]  # timed
        results[jobs] = (summary, tree(site / "output"), tree(site / "planning"))
    assert results["1"][0] == results["2"][0], "the build's summary differs"
    assert results["1"][1] == results["2"][1], "output/ differs"
    assert results["1"][2] == results["2"][2], "planning/ differs"


def test_a_killed_worker_is_a_clean_error_and_nothing_is_written(
        site: Path, runner, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """The system's out-of-memory killer ends the plan's worker: a message, not a traceback."""
    import os
    import signal

    from edcal.__main__ import cli

    def killed(settings, state):  # type: ignore[no-untyped-def]
        os.kill(os.getpid(), signal.SIGKILL)  # runs in the worker only: the build reads through Pelican

    monkeypatch.setattr("edcal.pelican_plugin.metadata.read_contents", killed)
    for name, value in {**ENV, "EDCAL_JOBS": "2"}.items():
        monkeypatch.setenv(name, value)
    result = runner.invoke(cli, ["build", "--site", str(site)])
    assert result.exit_code == 1, result.output
    assert ("edcal: error: the plan's worker process was killed (SIGKILL) before its work was done; "
            "nothing was written") in result.output
    assert "EDCAL_JOBS=1 edcal build" in result.output
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
    assert not (site / "output").exists() and not (site / "planning").exists()
    assert not [p for p in site.iterdir() if p.name.startswith(".planning.edcal-")]


@pytest.fixture
def watchdog() -> Iterator[None]:
    """Fail a test that hangs (a read that never ends) instead of hanging the suite."""
    import signal

    def expire(signum, frame):  # type: ignore[no-untyped-def]
        raise TimeoutError("the build hung")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(90)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def test_a_worker_killed_in_the_middle_of_a_large_message_does_not_hang_the_build(
        site: Path, runner, monkeypatch: pytest.MonkeyPatch, watchdog: None) -> None:  # type: ignore[no-untyped-def]
    """Half of a verdict of thousands of findings in the pipe, then the worker is gone."""
    import os
    import signal

    from edcal.__main__ import cli
    from edcal.checks import Finding
    from edcal.model.source import Source
    from edcal.pelican_plugin import worker
    from edcal.plan.summary import PlanSummary

    def job(state, processes=1):  # type: ignore[no-untyped-def]
        findings = tuple(Finding("outside-slots", "warning", f"{number:>500}", Source("calendar.yaml", 1, 1))
                         for number in range(20_000))  # distinct: 10 MB pickled
        yield worker.Checked(findings, frozenset(), PlanSummary(0, {}, {}, 0, (), 0, 0, 0, 0))
        time.sleep(0.3)  # the writer thread has started on the message's 10 MB; the pipe holds 64 KB
        os.kill(os.getpid(), signal.SIGKILL)

    from edcal.pelican_plugin.generator import PlanGenerator

    waits = PlanGenerator.generate_context

    def late(self):  # type: ignore[no-untyped-def]
        time.sleep(1.5)  # Pelican is busy: the main process reads the verdict after the worker died
        return waits(self)

    monkeypatch.setattr("edcal.pelican_plugin.worker.plan_job", job)
    monkeypatch.setattr(PlanGenerator, "generate_context", late)
    for name, value in {**ENV, "EDCAL_JOBS": "2"}.items():
        monkeypatch.setenv(name, value)
    result = runner.invoke(cli, ["build", "--site", str(site)])
    assert result.exit_code == 1, result.output
    assert "edcal: error: the plan's worker process was killed (SIGKILL)" in result.output
    assert "Traceback" not in result.output


def test_a_worker_that_cannot_send_its_verdict_is_reported_as_a_bug(
        site: Path, runner, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """A message that cannot be pickled is the job's failure, with its traceback, not "out of memory"."""
    from edcal.__main__ import cli
    from edcal.pelican_plugin import worker

    def job(state, processes=1):  # type: ignore[no-untyped-def]
        yield worker.Checked((lambda: None,), frozenset(), None)  # type: ignore[arg-type]

    monkeypatch.setattr("edcal.pelican_plugin.worker.plan_job", job)
    for name, value in {**ENV, "EDCAL_JOBS": "2"}.items():
        monkeypatch.setenv(name, value)
    result = runner.invoke(cli, ["build", "--site", str(site)])
    assert isinstance(result.exception, worker.WorkerCrashed), result.output
    # The worker's traceback, ending on what could not be sent.
    assert "sender.send(message)" in str(result.exception)
    assert "Can't pickle local object" in str(result.exception) and "<lambda>" in str(result.exception)
    assert "short of memory" not in result.output
    assert not (site / "output").exists()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_failure_writing_drafts_or_exports_stops_the_build_and_keeps_planning(
        site: Path, runner, monkeypatch: pytest.MonkeyPatch, jobs: str) -> None:  # type: ignore[no-untyped-def]
    """On two cores the worker writes the drafts and exports in a second process: a disk that fills up
    there stops the build as it does in one process, with the same located error (it was a traceback in
    both), and planning/ as it was."""
    from edcal.__main__ import cli

    for name, value in {**ENV, "EDCAL_JOBS": jobs}.items():
        monkeypatch.setenv(name, value)
    assert runner.invoke(cli, ["build", "--site", str(site)]).exit_code == 0
    before = tree(site / "planning")

    def full(context, folder):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device", str(folder / "exports" / "posts.csv"))

    monkeypatch.setattr("edcal.outputs.exports.write", full)
    result = runner.invoke(cli, ["build", "--site", str(site)])
    assert result.exit_code == 2, result.output
    assert "planning/: error: cannot write planning/exports/posts.csv: no space left on the disk" in result.output
    assert "hint: free some space" in result.output and not TRACEBACK.search(result.output)
    assert tree(site / "planning") == before, "a failed build changed planning/"
    assert not [p for p in site.iterdir() if p.name.startswith(".planning.edcal-")], "staging folder left behind"


def test_the_process_writing_drafts_ends_with_the_worker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker stopped (Ctrl-C, a failed build) leaves no process writing drafts into a folder nobody reads."""
    import types

    from edcal import outputs

    pid_file = tmp_path / "side.pid"

    def slow(context, folder):  # type: ignore[no-untyped-def]
        pid_file.write_text(str(os.getpid()), encoding="ascii")
        time.sleep(60)
        return []

    monkeypatch.setattr(outputs, "SIDE_OUTPUTS", (types.SimpleNamespace(write=slow, __name__="slow"),))
    worker = os.fork()
    if worker == 0:  # the worker: starts the side process, then is killed before waiting for it
        try:
            outputs._SideWriter(None, tmp_path)  # type: ignore[arg-type]
            time.sleep(60)
        finally:
            os._exit(0)
    deadline = time.monotonic() + 10
    while not (pid_file.exists() and pid_file.read_text(encoding="ascii")) and time.monotonic() < deadline:
        time.sleep(0.05)  # the file exists before its pid is written in it
    side = int(pid_file.read_text(encoding="ascii"))
    os.kill(worker, signal.SIGKILL)
    os.waitpid(worker, 0)
    deadline = time.monotonic() + 5
    while Path(f"/proc/{side}").exists() and _running(side) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _running(side), "the side process outlived its worker"


def _running(pid: int) -> bool:
    """Whether a process runs (a zombie waiting for init to reap it has ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def test_a_staging_folder_left_by_a_killed_build_is_cleaned_up(site: Path) -> None:
    mine = site / ".planning-notes"  # a user's folder with a similar name is never touched
    mine.mkdir()
    (mine / "todo.md").write_text("x", encoding="utf-8")
    stale = site / ".planning.edcal-staging-4194305-k1ll3d"  # no process has this id
    (stale / "drafts").mkdir(parents=True)
    (stale / "plan.json").write_text("{half written", encoding="utf-8")
    assert run_edcal("build", cwd=site, env=ENV).returncode == 0
    assert not stale.exists() and (mine / "todo.md").is_file()
    assert (site / "planning" / "plan.json").read_text(encoding="utf-8").startswith("{\n")


# -- hostile input ----------------------------------------------------------

HOSTILE_CALENDARS = {
    "alias bomb": "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
        f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(9)),
    "deep nesting": "version: 1\nposts: " + "[" * 200 + "]" * 200 + "\n",
    "object tag": "version: 1\ntimezone: !!python/object/apply:os.system ['echo pwned']\n",
    "duplicate key": "version: 1\ntimezone: Europe/Paris\ntimezone: Europe/Berlin\n",
    "wrong type deep down": PARIS_CALENDAR + "posts:\n  - id: a\n    networks: [x]\n    at: {nested: [1, 2]}\n",
    "path traversal in an id": PARIS_CALENDAR + "posts:\n  - {id: ../../etc/passwd, networks: [x], at: 2027-03-01, text: a}\n",
    "path traversal in an image": PARIS_CALENDAR + "posts:\n  - {networks: [x], at: 2027-03-01, text: a, image: ../../etc/passwd}\n",
    "control character": PARIS_CALENDAR + 'posts:\n  - {networks: [x], at: 2027-03-01, text: "a\\u0007b"}\n',
    "misspelt network": PARIS_CALENDAR + "posts:\n  - {networks: [linkedn], at: 2027-03-01, text: a}\n",
    # Each error's place was found by building the places of all the items: 10 s for 5,000, 3 min for 20,000.
    "5,000 empty items": PARIS_CALENDAR + "posts:\n" + "  - \n" * 5_000,
    # A folder of the zone database, and a name longer than a file's: the system's error came through.
    "zone folder": "version: 1\ntimezone: America\n",
    "zone of 10 KB": "version: 1\ntimezone: " + "x" * 10_000 + "\n",
}


@pytest.mark.parametrize("name", sorted(HOSTILE_CALENDARS))
def test_hostile_calendars_are_located_errors_in_under_a_second(name: str, tmp_path: Path) -> None:
    (tmp_path / "calendar.yaml").write_text(HOSTILE_CALENDARS[name], encoding="utf-8")
    start = time.process_time()
    with pytest.raises(InputErrors) as raised:
        from edcal.load.calendar import load_calendar

        load_calendar(tmp_path, all_rules())
    assert time.process_time() - start < 1.0
    for error in raised.value.errors:
        assert LOCATED.match(error.format()), error.format()


def test_hostile_bytes_and_sizes(tmp_path: Path) -> None:
    from edcal.load.calendar import load_calendar

    calendar = tmp_path / "calendar.yaml"
    calendar.write_bytes(b"version: 1\ntimezone: Europe/Paris\nteam:\n  - {id: ana, name: \xff\xfe}\n")
    with pytest.raises(InputErrors) as raised:
        load_calendar(tmp_path, all_rules())
    assert raised.value.errors[0].format().startswith("calendar.yaml:4:")
    calendar.write_bytes(b"version: 1\n" + b"# " + b"x" * (17 * 1024 * 1024) + b"\n")
    start = time.process_time()
    with pytest.raises(InputErrors) as raised:
        load_calendar(tmp_path, all_rules())
    assert time.process_time() - start < 1.0
    assert "bytes allowed" in raised.value.errors[0].format()


def test_hostile_input_through_the_command_exits_2_without_traceback(site: Path) -> None:
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8") + "extra: !!python/name:os.system ''\n",
                        encoding="utf-8")
    result = run_edcal("build", cwd=site, env=ENV)
    assert result.returncode == 2 and LOCATED.search(result.stderr) and not TRACEBACK.search(result.stderr)
    assert not (site / "output").exists() and not (site / "planning").exists()


def test_markup_and_line_breaks_in_texts_cannot_inject_anything(site: Path) -> None:
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8") + (
        "  - id: hostile\n    networks: [x]\n    at: 2027-03-05 10:00\n"
        "    title: \"<script>alert('t')</script>\"\n"
        "    text: \"=HYPERLINK(\\\"x\\\")\\r\\nEND:VEVENT\\r\\nBEGIN:VEVENT\\r\\nSUMMARY:injected <img src=x onerror=alert(1)>\"\n"),
        encoding="utf-8")
    result = run_edcal("build", cwd=site, env=ENV)
    assert result.returncode == 0, result.stderr
    planning = site / "planning"
    for page in (planning / "index.html", planning / "drafts" / "index.html"):
        text = page.read_text(encoding="utf-8")
        assert "<script>alert" not in text and "<img src=x" not in text, page
    feed = icalendar.Calendar.from_ical((planning / "calendar.ics").read_bytes())
    events = [e for e in feed.walk("VEVENT") if "injected" in str(e.get("DESCRIPTION", ""))]
    assert len(events) == 1 and not [e for e in feed.walk("VEVENT") if str(e["SUMMARY"]) == "injected"]
    rows = list(csv.DictReader(io.StringIO((planning / "exports" / "posts.csv").read_text(encoding="utf-8-sig"))))
    hostile = next(row for row in rows if row["id"] == "hostile-x")
    assert hostile["text"].startswith("'=HYPERLINK") and "\r" not in hostile["text"]


def test_markup_in_an_articles_header_is_escaped_on_every_page_of_the_blog(site: Path) -> None:
    """A title, category, tag or author holding markup was printed as is in the page, its cards and the menu."""
    published = site / "content" / "articles" / "publie.md"
    text = published.read_text(encoding="utf-8")
    text = text.replace("Title: Un article publié", "Title: XSS<script>alert(1)</script><img src=x onerror=alert(2)>")
    text = text.replace("Category: Essais", "Category: Cat<script>alert(3)</script>")
    text = text.replace("Tags: réseaux sociaux, test", "Tags: </script><script>alert(5)</script>, b<i>c")
    published.write_text(text.replace("Image:", "Authors: Auth<img src=x onerror=alert(6)>\nImage:"),
                         encoding="utf-8")
    result = run_edcal("build", cwd=site, env=ENV)
    assert result.returncode == 0, result.stderr
    pages = [p for p in (site / "output").rglob("*") if p.suffix in (".html", ".xml")]
    assert len(pages) > 10
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "<script>alert" not in text and "<img src=x" not in text and "<i>c" not in text, page
    article = next(p for p in pages if "XSS" in p.read_text(encoding="utf-8") and p.name == "index.html"
                   and "2027" in p.parts)
    assert "XSS&lt;script&gt;alert(1)&lt;/script&gt;" in article.read_text(encoding="utf-8")


def test_links_out_of_the_site_and_file_naming_ids_are_refused(site: Path, tmp_path: Path) -> None:
    """A link in content/ to /proc/self/environ published the CI job's secrets; a network id
    '../../output/leak' wrote an unpublished post into output/."""
    secret = tmp_path / "secret.txt"
    secret.write_text("MY_CI_TOKEN=supersecret123", encoding="utf-8")
    (site / "content" / "images" / "env.png").symlink_to(secret)
    (site / "content" / "images" / "etc").symlink_to(tmp_path, target_is_directory=True)
    (site / "content" / "images" / "inside.png").symlink_to(site / "content" / "images" / "public.png")
    (site / ".env").write_text("SECRET=1", encoding="utf-8")
    (site / "content" / "images" / "env-du-site.png").symlink_to(site / ".env")  # inside, but hidden
    result = run_edcal("build", cwd=site, env=ENV)
    assert result.returncode == 2, result.stderr
    assert f"content/images/env.png:1:1: error: found content/images/env.png, a link to {secret}, outside the site or " \
        in result.stderr
    assert "content/images/etc:1:1: error: found content/images/etc, a link to" in result.stderr
    assert "content/images/env-du-site.png:1:1: error: found content/images/env-du-site.png, a link to" \
        in result.stderr
    assert "inside.png" not in result.stderr and not TRACEBACK.search(result.stderr)
    assert not (site / "output").exists() and not (site / "planning").exists()
    for link in ("env.png", "etc", "env-du-site.png"):
        (site / "content" / "images" / link).unlink()
    (site / "calendar.d").mkdir()
    (site / "calendar.d" / "evil.yaml").write_text(
        'networks:\n  "../../output/leak": {custom: true, name: Leak, limit: 5000}\n', encoding="utf-8")
    result = run_edcal("build", cwd=site, env=ENV)
    assert result.returncode == 2
    assert "calendar.d/evil.yaml:2:3: error: found network id '../../output/leak', expected a-z, digits and dashes" \
        in result.stderr
    (site / "calendar.d" / "evil.yaml").unlink()
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8") + '  - {id: "nlid\\n", networks: [x], at: 2027-03-05 '
                        "10:00, text: Salut}\n", encoding="utf-8")
    result = run_edcal("build", cwd=site, env=ENV)
    assert result.returncode == 2 and "which is not a valid id" in result.stderr
    assert not list(site.rglob("*nlid*"))


@pytest.mark.parametrize("planning", ["content", "content/images", "themes-copy", "mine"])
def test_a_planning_path_over_the_sites_sources_or_a_users_folder_is_refused(site: Path, planning: str) -> None:
    """EDCAL_PLANNING_PATH = "content" replaced the articles with the plan; a folder of the user's lost its files."""
    (site / "mine").mkdir()
    (site / "mine" / "keep.txt").write_text("à moi", encoding="utf-8")
    shutil.copytree(ROOT / "themes" / "edcal", site / "themes-copy")
    write_pelicanconf(site, f'THEME = "themes-copy"\nEDCAL_PLANNING_PATH = "{planning}"\n')
    before = tree(site)
    result = run_edcal("build", cwd=site, env=ENV)
    assert result.returncode == 2, result.stdout + result.stderr
    assert f"EDCAL_PLANNING_PATH: error: found EDCAL_PLANNING_PATH '{planning}', which " in result.stderr
    assert not TRACEBACK.search(result.stderr)
    assert tree(site) == before


def test_a_planning_folder_of_its_own_is_rebuilt(site: Path) -> None:
    write_pelicanconf(site, 'EDCAL_PLANNING_PATH = "equipe/plan"\n')
    for _ in range(2):  # the second build replaces what the first wrote
        result = run_edcal("build", cwd=site, env=ENV)
        assert result.returncode == 0, result.stderr
    assert (site / "equipe" / "plan" / "plan.json").is_file()


def test_a_computer_zone_edcal_init_cannot_read_leaves_the_default(tmp_path: Path) -> None:
    """/etc/localtime linked to itself stopped `edcal init` with a traceback; TZ written as a file's path
    (glibc's ":/usr/share/zoneinfo/America/New_York") named no zone, and a New York site was made on Paris time."""
    from edcal.zones import machine_zone

    loop = tmp_path / "localtime"
    loop.symlink_to(tmp_path / "other")
    (tmp_path / "other").symlink_to(loop)
    assert machine_zone({}, loop) is None
    assert machine_zone({"TZ": ":/usr/share/zoneinfo/America/New_York"}, loop) == "America/New_York"
    for hostile in ("", ":", "../../etc/passwd", "/etc/passwd", ":/", "x" * 10_240, "Europe/Paris\0", "America"):
        assert machine_zone({"TZ": hostile}, loop) is None, hostile


#: Hostile values that ended in a traceback, or went through (the file, the text added, what is said).
HOSTILE_VALUES = {
    "template": ("content/articles/publie.md", "Template: ../../../../etc/passwd\n",
                 "found template '../../../../etc/passwd', which the theme does not have"),
    "save_as .": ("content/articles/publie.md", "Save_as: .\n", "found save_as '.', expected the path of a page's file"),
    "save_as .git": ("content/articles/publie.md", "Save_as: .git/config\n", "found save_as '.git/config'"),
    "year 1": ("calendar.yaml", "  - {id: a, networks: [x], at: 0001-01-01 00:00, text: A}\n",
               "year 1 is out of range; expected a year from 1900 to 2199"),
    "year 9999": ("calendar.yaml", "  - {id: a, networks: [x], at: 9999-12-31 23:59, text: A}\n",
                  "year 9999 is out of range"),
    "tracking brace": ("calendar.yaml", "tracking: {medium: '{'}\n", "found '{', expected text with placeholders"),
    "feed duration": ("calendar.yaml", "feeds: {duration: 99999999999 hours}\n", "expected a year at most"),
    # A draft's own file as an image: its address went into the public page's og:image.
    "image md": ("content/articles/brouillon.md", "Image: articles/futur.md\n",
                 "found image 'articles/futur.md', expected an image file (.avif, .gif, .jpeg, .jpg, .png, "
                 ".svg, .webp)"),
    "category ???": ("content/articles/brouillon.md", "Category: ???\n",
                     "found category '???', with no letter or digit: its page would have no address"),
    "post image pdf": ("calendar.yaml", "  - {id: a, networks: [x], at: 2027-03-01 09:00, text: A, image: a.pdf}\n",
                       "found image 'a.pdf', expected an image file"),
    "feed duration week": ("calendar.yaml", "feeds: {duration: 200 hours}\n", "expected at most a week"),
    # Numbers that overflowed Python's dates or counters, in the middle of writing (a hostile-input review).
    "reminder": ("calendar.yaml", "feeds: {reminders: {people: 99999999999 hours}}\n", "expected a year at most"),
    "feed past": ("calendar.yaml", "feeds: {past: 99999999999 years}\n", "expected a thousand years at most"),
    # An address written raw into iCalendar's URL lines and HTML attributes.
    "planning url": ("calendar.yaml", "planning: {url: \"https://p.example/a\\r\\nX-INJ:1\"}\n",
                     "found url 'https://p.example/a\\nX-INJ:1', expected a web address without spaces, line "
                     "breaks, quotes or < >"),
    "planning url quote": ("calendar.yaml", "planning: {url: 'https://x.example/\"><script>'}\n",
                           "expected a web address without spaces"),
    # A rule's option or severity given a mapping, a list or nothing: Python's own writing of it was shown
    # ("found '{'a': '1', '__loc__': Loc(source=Source(…"), or 'None'.
    "option mapping": ("calendar.yaml", "checks: {self-promotion: {minimum: {a: 1}}}\n",
                       "found a mapping in `minimum`, expected one value\n    hint: write one value after "
                       "`minimum:`, without brackets or braces"),
    "option list": ("calendar.yaml", "checks: {self-promotion: {ceiling: [35%, 40%]}}\n",
                    "found a list in `ceiling`, expected one value"),
    "option nothing": ("calendar.yaml", "checks: {self-promotion: {minimum: null}}\n",
                       "found nothing in `minimum`, expected one value"),
    "severity list": ("calendar.yaml", "checks: {self-promotion: {severity: [error]}}\n",
                      "found a list in `severity`, expected one value"),
    "severity mapping": ("calendar.yaml", "checks: {self-promotion: {severity: {a: b}}}\n",
                         "found a mapping in `severity`, expected one value"),
    "holiday nothing": ("calendar.yaml", "country: FR\nchecks: {public-holiday: {except: [Noël, null]}}\n",
                        "found nothing in `except`, expected one value per item\n    hint: write one value per "
                        "item, e.g. `except: [first, second]`"),
    "holiday nested": ("calendar.yaml", "country: FR\nchecks: {public-holiday: {except: [[Noël]]}}\n",
                       "found a list or a mapping in `except`, expected one value per item\n    hint: write "
                       "one value per item, e.g. `except: [first, second]`"),
    # A name of a megabyte was shown whole, in an error of a megabyte.
    "holiday of 1 MB": ("calendar.yaml", "country: FR\nchecks: {public-holiday: {except: " + "x" * 1_000_000 + "}}\n",
                        f"found '{'x' * 60}…', expected a public holiday of FR"),
}


@pytest.mark.parametrize("case", HOSTILE_VALUES.values(), ids=HOSTILE_VALUES.keys())
def test_hostile_values_are_located_errors(site: Path, case: tuple[str, str, str]) -> None:
    path, added, expected = case
    target = site / path
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("Date:", added + "Date:", 1) if path.endswith(".md") else text + added,
                      encoding="utf-8")
    result = run_edcal("check", cwd=site, env=ENV)
    assert result.returncode == 2 and expected in result.stderr, result.stderr
    assert LOCATED.search(result.stderr) and not TRACEBACK.search(result.stderr)


def _override(site: Path, relative: str, data: bytes) -> None:
    write_pelicanconf(site, 'THEME_TEMPLATES_OVERRIDES = ["overrides"]\n')
    target = site / "overrides" / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


def _replace_in(site: Path, relative: str, old: str, new: str) -> None:
    target = site / relative
    text = target.read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, new, 1), encoding="utf-8")


#: Found by a helper hunting tracebacks and silent drops: what a site wrote, and the located error it now gets.
#: Each stopped the build with a Python traceback, or was read without a word (the first one published drafts).
SETTINGS_AND_SITE_FILES: dict[str, tuple[Any, str]] = {
    "extra metadata status": (lambda site: write_pelicanconf(site, 'EDCAL_EXTRA_METADATA = ["status", "serie"]\n'),
                              "pelicanconf.py:18:1: error: found 'status' in EDCAL_EXTRA_METADATA, which edcal reads "
                              "itself"),
    "empty language": (lambda site: write_pelicanconf(site, 'DEFAULT_LANG = ""\n'),
                       "pelicanconf.py:18:1: error: found DEFAULT_LANG = ''; expected a language code"),
    "misspelt url field": (lambda site: write_pelicanconf(site, 'ARTICLE_URL = "{date:%Y}/{slgu}/"\n'),
                           "pelicanconf.py:18:1: error: found ARTICLE_URL = '{date:%Y}/{slgu}/', whose {slgu} no "
                           "article has\n    hint: did you mean 'slug'?"),
    "pagination as text": (lambda site: write_pelicanconf(site, 'DEFAULT_PAGINATION = "10"\n'),
                           "found DEFAULT_PAGINATION = '10'; expected a number of articles a page, or False"),
    "social as a dict": (lambda site: write_pelicanconf(site, 'SOCIAL = {"X": "https://x.com/a"}\n'),
                         "pelicanconf.py:18:1: error: found SOCIAL = {'X': 'https://x.com/a'}; expected (text, "
                         "address) pairs"),
    "words with a field misspelt": (lambda site: _override(site, "translations/fr.yaml",
                                                           b'"{minutes} min read": "{minuts} min de lecture"\n'),
                                    "overrides/translations/fr.yaml:1:23: error: found the translation '{minuts} min "
                                    "de lecture' of '{minutes} min read', which names {minuts}"),
    "words not yaml": (lambda site: _override(site, "translations/fr.yaml", b"Home: [\n"),
                       "overrides/translations/fr.yaml:"),
    "draft template in latin-1": (lambda site: _override(site, "drafts/linkedin.txt.j2", b"\xe9t\xe9 {{ text }}"),
                                  "overrides/drafts/linkedin.txt.j2:1:1: error: byte 0xe9 is not valid UTF-8"),
    # A site's template that Jinja cannot parse: `edcal check` passed it, the build stopped on it (a broken
    # planning template after output/ was written).
    "blog template that does not parse": (
        lambda site: _override(site, "base.html", b'{% extends "!theme/base.html" %}\n{% block footer_end %}'
                                                  b'{{ foo( }}{% endblock %}'),
        "overrides/base.html:2:1: error: template error: unexpected '}', expected ')'\n    hint: fix the "
        "template, or remove the override to use edcal's own"),
    "blog partial that does not parse": (
        lambda site: _override(site, "partials/lists.html", b"{% macro card(article) %}\n\n{% endif %}"),
        "overrides/partials/lists.html:3:1: error: template error: Encountered unknown tag 'endif'"),
    "planning template that does not parse": (lambda site: _override(site, "planning/base.html.j2", b"{{ x( }}"),
                                              "overrides/planning/base.html.j2:1:1: error: template error: "
                                              "unexpected '}', expected ')'"),
    "draft template no network uses that does not parse": (
        lambda site: _override(site, "drafts/unused.txt.j2", b"{{ text }}\n{% if %}"),
        "overrides/drafts/unused.txt.j2:2:1: error: template error: Expected an expression, got 'end of "
        "statement block'"),
    "word's line break": (lambda site: _replace_in(site, "calendar.yaml", "Bonjour le monde", "Bonjour\x0ble monde"),
                          "calendar.yaml:24:18: error: found the control character U+000B, which YAML does not take"),
    "value glued to its key": (lambda site: _replace_in(site, "calendar.yaml", "text: Bonjour", "text:Bonjour"),
                               "calendar.yaml:24:9: error: found 'text:' glued to its value; expected a space after "
                               "the colon\n    hint: write a space after 'text:' (text: Bonjour le monde)"),
    "limit with a thousands dot": (lambda site: _replace_in(site, "calendar.yaml", "mastodon: {}",
                                                            "mastodon: {limit: 5.000}"),
                                   "calendar.yaml:9:21: error: found '5.000', expected a whole number"),
    "calendar file name ending in a space": (
        lambda site: (site / "calendar.d").mkdir() or (site / "calendar.d" / "rec.yaml ").write_text(
            "posts:\n  - {id: rec, networks: [linkedin], at: 2027-03-02, text: Hop}\n", encoding="utf-8"),
        "calendar.d/rec.yaml :1:1: error: found calendar.d/rec.yaml , which is not read"),
    "article name ending in a dot": (
        lambda site: shutil.copyfile(site / "content" / "articles" / "publie.md",
                                     site / "content" / "articles" / "autre.md."),
        "content/articles/autre.md.:1:1: error: found content/articles/autre.md., which is not read"),
    "a setting Pelican renames into one it then misses": (
        lambda site: write_pelicanconf(site, "JINJA_EXTENSIONS = []\n"),
        "pelicanconf.py:18:1: error: found JINJA_EXTENSIONS, Pelican's old name for Jinja's extensions, which it "
        "reads only beside JINJA_ENVIRONMENT\n    hint: write in its place JINJA_ENVIRONMENT = {\"extensions\": "
        "[...]}, with the same list"),  # it said 'JINJA_ENVIRONMENT', then asked for a setting at line 1
    # Jinja's settings stopped the build with a traceback when Pelican made its templates' environment.
    "a Jinja option misspelt": (lambda site: write_pelicanconf(site, 'JINJA_ENVIRONMENT = {"trim_block": True}\n'),
                                "pelicanconf.py:18:1: error: found the option 'trim_block' in JINJA_ENVIRONMENT, "
                                "which Jinja does not know\n    hint: did you mean 'trim_blocks'?"),
    "a Jinja extension misspelt": (
        lambda site: write_pelicanconf(site, 'JINJA_ENVIRONMENT = {"extensions": ["jinja2.ext.dooo"]}\n'),
        "pelicanconf.py:18:1: error: found the Jinja extension 'jinja2.ext.dooo', which Python cannot import"),
    "Jinja filters as a list": (lambda site: write_pelicanconf(site, 'JINJA_FILTERS = ["upper"]\n'),
                                "pelicanconf.py:18:1: error: found JINJA_FILTERS = ['upper']; expected a mapping in "
                                "braces\n    hint: e.g. JINJA_FILTERS = {\"shout\": str.upper}"),
    "Jinja's options as a list": (lambda site: write_pelicanconf(site, 'JINJA_ENVIRONMENT = ["jinja2.ext.do"]\n'),
                                  "pelicanconf.py:18:1: error: found JINJA_ENVIRONMENT = ['jinja2.ext.do']; expected "
                                  "a mapping in braces"),
    "address as None": (lambda site: write_pelicanconf(site, "SITEURL = None\n"),
                        "pelicanconf.py:18:1: error: found SITEURL = None; expected text in quotes\n    hint: e.g. "
                        "SITEURL = \"https://blog.example.fr\""),  # Python's words, at line 1
    "translations paired by another field": (
        lambda site: write_pelicanconf(site, 'ARTICLE_TRANSLATION_ID = "tkey"\n'),
        "pelicanconf.py:18:1: error: found ARTICLE_TRANSLATION_ID = 'tkey'; edcal pairs an article with its "
        "translations by their slug"),
    "a status edcal does not know by default": (
        lambda site: write_pelicanconf(site, 'DEFAULT_METADATA = {"status": "brouillon"}\n'),
        "pelicanconf.py:18:1: error: found status 'brouillon' in DEFAULT_METADATA; expected draft, review, "
        "published or hidden"),
    "calendar in utf-16": (lambda site: (site / "calendar.yaml").write_bytes(
        (site / "calendar.yaml").read_text(encoding="utf-8").encode("utf-16")),
        "calendar.yaml:1:1: error: found a file saved as UTF-16 (Notepad's \"Unicode\"); expected UTF-8 text"),
}


@pytest.mark.parametrize("case", SETTINGS_AND_SITE_FILES.values(), ids=SETTINGS_AND_SITE_FILES.keys())
def test_settings_and_site_files_that_broke_a_build_are_located_errors(site: Path, case: tuple[Any, str]) -> None:
    setup, expected = case
    setup(site)
    for command in ("check", "build"):
        result = run_edcal(command, cwd=site, env={**ENV, "EDCAL_LANG": "en"})
        assert result.returncode == 2 and expected in result.stderr, result.stderr
        assert not TRACEBACK.search(result.stderr)
    assert not (site / "output").exists() and not (site / "planning").exists()


def test_a_blog_template_is_parsed_with_the_tags_the_sites_jinja_extensions_give(site: Path) -> None:
    """``{% do %}`` (JINJA_ENVIRONMENT's extension), and a tag another plugin's extension may give
    (i18n_subsites adds ``{% trans %}`` as Pelican makes its environment), are no errors of `edcal check`."""
    _override(site, "base.html", b'{% extends "!theme/base.html" %}{% block footer_end %}{% set x = [] %}'
                                 b'{% do x.append(1) %}{{ x }}{% endblock %}')
    write_pelicanconf(site, 'THEME_TEMPLATES_OVERRIDES = ["overrides"]\n'
                            'JINJA_ENVIRONMENT = {"extensions": ["jinja2.ext.do"]}\n')
    result = run_edcal("build", cwd=site, env={**ENV, "EDCAL_LANG": "en"})
    assert result.returncode in (0, 1), result.stderr
    assert "[1]" in (site / "output" / "index.html").read_text(encoding="utf-8")
    _override(site, "page.html", b'{% extends "!theme/page.html" %}{% block content %}{% trans %}Hi'
                                 b'{% endtrans %}{% endblock %}')
    result = run_edcal("check", cwd=site, env={**ENV, "EDCAL_LANG": "en"})
    assert result.returncode == 2, result.stderr
    assert "overrides/page.html:1:1: error: template error: Encountered unknown tag 'trans'" in result.stderr
    add_site_plugin(site, "trans", "from pelican import signals\n\ndef register():\n    "
                                   "signals.generator_init.connect(lambda g: g.env.add_extension('jinja2.ext.i18n'))\n")
    write_pelicanconf(site, 'THEME_TEMPLATES_OVERRIDES = ["overrides"]\nPLUGIN_PATHS += ["extra"]\n'
                            'PLUGINS += ["trans"]\nJINJA_ENVIRONMENT = {"extensions": ["jinja2.ext.do"]}\n')
    result = run_edcal("check", cwd=site, env={**ENV, "EDCAL_LANG": "en"})
    assert result.returncode in (0, 1), result.stderr


@pytest.mark.parametrize("relative", ["planning/base.html.j2", "base.html"])
def test_a_template_that_fails_as_it_is_rendered_leaves_output_and_planning_as_they_were(
        built: Path, relative: str) -> None:
    """A template that parses but stops as a page is rendered (a macro it calls that nothing defines): the blog
    was moved into output/ before planning/'s pages were rendered, and the build said 'output/ was written'."""
    before = (built / "output" / "index.html").read_bytes()
    article = built / "content" / "articles" / "publie.md"
    article.write_text(article.read_text(encoding="utf-8").replace("Title: ", "Title: Nouveau ", 1),
                       encoding="utf-8")
    text = '{% extends "!theme/base.html" %}{% block footer_end %}{{ no_such_macro() }}{% endblock %}' \
        if relative == "base.html" else "{{ no_such_macro() }}"
    _override(built, relative, text.encode())
    result = run_edcal("build", cwd=built, env={**ENV, "EDCAL_LANG": "en"})
    assert result.returncode == 2 and not TRACEBACK.search(result.stderr), result.stderr
    assert f"overrides/{relative}:1:1: error: template error: 'no_such_macro' is undefined" in result.stderr
    assert "output/ and planning/ were left as they were." in result.stderr
    assert (built / "output" / "index.html").read_bytes() == before
    assert not list((built / "output").glob(".edcal-staging-*"))


def test_robots_or_sitemap_named_after_a_folder_of_the_blog_is_a_located_error(site: Path) -> None:
    """It stopped the build with IsADirectoryError, a traceback."""
    write_pelicanconf(site, 'ROBOTS_SAVE_AS = "feeds"\n')
    result = run_edcal("build", cwd=site, env={**ENV, "EDCAL_LANG": "en"})
    assert result.returncode == 2 and not TRACEBACK.search(result.stderr), result.stderr
    assert "pelicanconf.py:18:1: error: cannot write ROBOTS_SAVE_AS = 'feeds': it is a folder" in result.stderr


def test_pelicans_quickstart_publishconf_is_read_from_a_folder_of_the_site(site: Path) -> None:
    """`sys.path.append(os.curdir)` then `from pelicanconf import *`: run from content/articles/ (edcal finds the
    site above, as git does), the import failed."""
    (site / "publishconf.py").write_text("import os\nimport sys\n\nsys.path.append(os.curdir)\n"
                                         "from pelicanconf import *\n\nSITEURL = \"https://blog.example.fr\"\n",
                                         encoding="utf-8")
    result = run_edcal("check", "-s", "publishconf.py", cwd=site / "content" / "articles", env=ENV)
    assert result.returncode in (0, 1), result.stderr


def test_init_into_a_folder_it_cannot_make_is_a_located_error(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    result = run_edcal("init", "notes.txt/site", cwd=tmp_path, env={"EDCAL_LANG": "en"})
    assert result.returncode == 2 and not TRACEBACK.search(result.stderr), result.stderr
    assert "error: cannot create the site in notes.txt/site: notes.txt is a file" in result.stderr


def test_a_file_name_of_calendar_d_or_content_no_message_or_feed_can_hold(site: Path) -> None:
    """A calendar.d/ file named in bytes that are not UTF-8 ended in a traceback, output/ half written; one whose
    name holds a line break or an escape went on into every message naming it (a line of its own) and raw into
    the .ics feeds' descriptions (`Source: calendar.d/x\\x1b[31m.yaml`), as did an article's."""
    entries = "posts:\n  - {id: zz, networks: [linkedin], at: 2027-03-02 09:00, text: Bonjour}\n"
    (site / "calendar.d").mkdir(exist_ok=True)
    (site / "calendar.d").joinpath(os.fsdecode(b"plan\xff.yaml")).write_text(entries, encoding="utf-8")
    (site / "calendar.d" / "x\n::error::y.yaml").write_text(entries.replace("zz", "yy"), encoding="utf-8")
    published = site / "content" / "articles" / "publie.md"
    (site / "content" / "articles" / "x\x1b[31m.md").write_text(
        published.read_text(encoding="utf-8").replace("Title:", "Slug: autre\nTitle:", 1), encoding="utf-8")
    result = run_edcal("build", cwd=site, env=ENV)
    assert result.returncode == 2 and not TRACEBACK.search(result.stderr), result.stderr
    assert "calendar.d/plan\ufffd.yaml:1:1: error: found the file name 'plan\ufffd.yaml', which is not UTF-8" \
        in result.stderr
    assert "calendar.d/x\ufffd::error::y.yaml:1:1: error: found the file name 'x\ufffd::error::y.yaml', which " \
           "holds the control character U+000A" in result.stderr
    assert not any(line.startswith("::") for line in result.stderr.splitlines())
    for name in os.listdir(site / "calendar.d"):  # the articles are read once calendar.yaml is right
        (site / "calendar.d" / name).unlink()
    result = run_edcal("build", cwd=site, env=ENV)
    assert result.returncode == 2 and not TRACEBACK.search(result.stderr), result.stderr
    assert "content/articles/x\ufffd[31m.md:1:1: error: found the file name 'x\ufffd[31m.md', which holds the " \
           "control character U+001B" in result.stderr
    assert not (site / "output").exists() and not (site / "planning").exists()


def test_control_characters_and_file_names_no_page_can_have(site: Path) -> None:
    """A NUL in the text broke the blog's feed the day the article went online; a file name of 250
    bytes or not in UTF-8 ended in a traceback, half of output/ written."""
    articles = site / "content" / "articles"
    published = articles / "publie.md"
    published.write_text(published.read_text(encoding="utf-8") + "\nCollé \x00 là.\n", encoding="utf-8")
    (articles / ("a" * 230 + ".md")).write_text("Title: Long\nDate: 2027-01-05 09:00\n\nTexte.\n", encoding="utf-8")
    os.makedirs(site / "content" / "images", exist_ok=True)
    (site / "content" / "images").joinpath(os.fsdecode(b"bad\xff.png")).write_bytes(b"png")
    result = run_edcal("build", cwd=site, env=ENV)
    assert result.returncode == 2 and not TRACEBACK.search(result.stderr)
    assert f"content/articles/{'a' * 230}.md:1:1: error: found a file name of 233 bytes, expected at most 200" \
        in result.stderr
    assert "error: found the file name 'bad\ufffd.png', which is not UTF-8" in result.stderr
    (articles / ("a" * 230 + ".md")).unlink()
    (site / "content" / "images").joinpath(os.fsdecode(b"bad\xff.png")).unlink()
    result = run_edcal("build", cwd=site, env=ENV)
    assert result.returncode == 2 and not TRACEBACK.search(result.stderr)
    assert "content/articles/publie.md:10:7: error: found the control character U+0000 in the text" in result.stderr
    assert "could not read this file" not in result.stderr  # the check's own TypeError read as Pelican's
    assert result.stderr.count(" error: ") == 1, result.stderr
    assert not (site / "output").exists()


#: Markup python-markdown reads in a time that grows with its square (each took minutes before it was
#: refused), the column of its first opening, and what the error says.
SLOW_MARKUP = {
    "brackets": ("Voir " + "[" * 40_000, 6, "found 40,000 '[' that no ']' closes in one paragraph"),
    "link addresses": ("Voir " + "![a](" * 20_000, 10, "found 20,000 link addresses, after '](', that no ')'"),
    "tags": ("Voir " + "<pre " * 20_000 + "\n\n" + "Du texte. " * 20_000, 6,
             "found 20,000 '<' that open an HTML tag with no '>' after them"),
    "code fences": ("".join("`" * (3 + count) + "\n" for count in range(1_500)), 1,  # 86 s
                    "found 1,500 code fences that no fence closes"),
}


@pytest.mark.parametrize("markup", SLOW_MARKUP.values(), ids=SLOW_MARKUP.keys())
def test_markup_markdown_would_take_minutes_on_is_a_located_error_at_once(site: Path,
                                                                         markup: tuple[str, int, str]) -> None:
    body, column, expected = markup
    published = site / "content" / "articles" / "publie.md"
    published.write_text(published.read_text(encoding="utf-8") + "\n" + body + "\n", encoding="utf-8")
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "edcal", "build"], cwd=site, capture_output=True, text=True,
                            env={**os.environ, **ENV}, timeout=60, check=False)
    assert time.perf_counter() - start < 15  # the whole command; converting the article took minutes
    assert result.returncode == 2 and not TRACEBACK.search(result.stderr), result.stderr
    assert f"content/articles/publie.md:10:{column}: error: {expected}" in result.stderr, result.stderr
    assert not (site / "output").exists()


#: Articles with no word among thousands of lines or tags, what their page shows that many times, and how
#: many: Pelican's summary of each (its first 50 words, for the feeds and the lists) took minutes.
WORDLESS = {
    "table rows": ("| · | · |\n|---|---|\n" + "| · | · |\n" * 10_000, "<td>·</td>", 20_000),  # 127 s
}


@pytest.mark.parametrize("wordless", WORDLESS.values(), ids=WORDLESS.keys())
def test_an_article_without_words_is_summed_up_at_once(site: Path, wordless: tuple[str, str, int]) -> None:
    body, shown, times = wordless
    published = site / "content" / "articles" / "publie.md"
    published.write_text(published.read_text(encoding="utf-8") + "\n\n" + body, encoding="utf-8")
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "edcal", "build"], cwd=site, capture_output=True, text=True,
                            env={**os.environ, **ENV}, timeout=60, check=False)
    assert time.perf_counter() - start < 15  # the whole command; 1.7 s here, the summary took minutes
    assert result.returncode == 0, result.stderr
    page = (site / "output" / "2027" / "publie" / "index.html").read_text(encoding="utf-8")
    assert page.count(shown) == times
    feed = (site / "output" / "feeds" / "all.atom.xml").read_text(encoding="utf-8")
    assert "<title>Un article publié</title>" in feed


def test_a_long_table_or_list_of_half_open_intervals_is_built(site: Path) -> None:
    """Markdown reads each row of a table and each item of a list apart: a price list of 600 rows written
    `[0, 10[` (French half-open intervals) converts in 0.07 s, and was refused as "minutes to convert"."""
    from edcal.load.slowmarkup import slow_markup

    rows = "".join(f"| {i} à {i + 1} kg | [{i}, {i + 1}[ |\n" for i in range(600))
    items = "".join(f"- classe {i} : [{i}, {i + 1}[ kg\n" for i in range(600))
    published = site / "content" / "articles" / "publie.md"
    published.write_text(published.read_text(encoding="utf-8") + "\n\n| Poids | Intervalle |\n|---|---|\n" + rows
                         + "\n" + items, encoding="utf-8")
    result = run_edcal("build", cwd=site)
    assert result.returncode == 0, result.stderr
    page = (site / "output" / "2027" / "publie" / "index.html").read_text(encoding="utf-8")
    assert page.count("<td>[599, 600[</td>") == 1 and page.count("<li>classe ") == 600
    # The same lines right below a line of text are one paragraph to Markdown (2.6 s for these): refused.
    assert slow_markup("Les classes :\n" + items) is not None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["```", "````", "~~~", "```python", "``` {.yaml}", "```python x", "~~~  ", "```  ",
                                 '```hl_lines="1"', "texte [a", "", "    ```"]), min_size=1, max_size=9))
def test_fenced_code_is_set_apart_as_markdown_reads_it(lines: list[str]) -> None:
    """The blocks blanked before counting are python-markdown's own (its expression, run to find them, was
    itself slow on fences never closed)."""
    from markdown.extensions.fenced_code import FencedBlockPreprocessor

    from edcal.load.slowmarkup import without_fenced_code

    text = "\n".join(lines) + "\n"
    expected, index = list(text), 0
    while (block := FencedBlockPreprocessor.FENCED_BLOCK_RE.search(text, index)) is not None:
        expected[block.start():block.end()] = re.sub(r"[^\n]", " ", block.group(0))
        index = block.end()
    assert without_fenced_code(text)[0] == "".join(expected)


def test_written_markup_is_never_taken_for_markup_markdown_would_be_slow_on() -> None:
    from edcal.load.slowmarkup import slow_markup

    paragraph = ("Un [lien](https://example.com/a?x=(1)) et <b>du gras</b>, x < y, [0, 1[ ; une image "
                 "![alt](images/a.png) et un [renvoi][1]. ") * 40
    article = ("## Titre\n\n" + (paragraph + "\n\n") * 10 + "```python\nprint('<a' * 3)\n```\n\n") * 60
    assert len(article) > 2_500_000 and slow_markup(article) is None
    assert slow_markup("```\n" + "<a " * 20_000 + "\n```\n") is None  # code, which Markdown leaves alone
    assert slow_markup("Du code :\n\n```\n" + "[" * 5_000 + "\n```\n") is None
    assert slow_markup("Du code :\n\n```\n" + "[" * 5_000 + "\n") is not None  # a fence never closed is text
    assert slow_markup(("[" * 100 + "\n\n") * 1_000) is None  # a hundred per paragraph
    assert slow_markup("[" * 3_000) is not None


def test_a_file_too_large_is_refused_before_it_is_read(site: Path) -> None:
    (site / "calendar.d").mkdir()
    with open(site / "calendar.d" / "enorme.yaml", "wb") as handle:
        handle.truncate(3 * 1024**3)  # sparse: 3 GB on paper
    import time

    started = time.perf_counter()
    result = run_edcal("check", cwd=site, env=ENV)
    assert time.perf_counter() - started < 10
    assert result.returncode == 2
    assert "calendar.d/enorme.yaml:1:1: error: file is 3,221,225,472 bytes, more than the 16,777,216 bytes" \
        in result.stderr


# -- generated input: a plan or a located error, nothing else ---------------

FIELDS = ["version", "timezone", "team", "networks", "posts", "ideas", "campaigns", "freeze", "blog",
          "feeds", "planning", "tracking", "checks", "slots", "id", "at", "text", "networks", "every",
          "from", "until", "name", "title", "status", "link", "image", "alt", "linkedin", "x", "cadence"]
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-5, 3000), st.floats(allow_nan=False, width=32),
                    st.sampled_from(["2027-03-01", "2027-02-30", "09:00", "tue 09:00", "2/week", "Europe/Paris",
                                     "linkedin", "x", "../x", "", "€", "🎉", "at publication", "+2 days"]),
                    st.text(max_size=12))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(FIELDS), inner, max_size=5)), max_leaves=25)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=st.dictionaries(st.sampled_from(FIELDS), VALUES, max_size=6))
def test_generated_calendars_give_a_calendar_or_located_errors(document: dict, tmp_path_factory) -> None:
    folder = tmp_path_factory.mktemp("generated")
    (folder / "calendar.yaml").write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    from edcal.load.calendar import load_calendar

    try:
        load_calendar(folder, all_rules())
    except InputErrors as errors:
        assert errors.errors
        for error in errors.errors:
            assert LOCATED.match(error.format()), error.format()


ARTICLE_FIELDS = ["title", "date", "status", "tags", "category", "summary", "image", "image_alt", "slug",
                  "social", "campaign", "owner", "lang", "modified", "authors", "draft_due", "titel"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(header=st.dictionaries(st.sampled_from(ARTICLE_FIELDS), VALUES, max_size=6), body=st.text(max_size=40))
def test_generated_front_matter_gives_an_article_or_located_errors(header: dict, body: str) -> None:
    calendar = calendar_from(PARIS_CALENDAR)
    text = "---\n" + yaml.safe_dump(header, allow_unicode=True) + "---\n" + body
    errors = ErrorCollector()
    try:
        parsed = split_article(text, "content/articles/generated.md")
        validate_article(parsed, calendar, frozenset(), errors)
    except InputErrors as raised:
        errors.errors.extend(raised.errors)
    for error in errors.errors:
        assert LOCATED.match(error.format()), error.format()


def test_the_sweep_removes_only_listed_files_the_build_did_not_write(tmp_path: Path, monkeypatch: Any) -> None:
    """Time stamps cannot be trusted (coarse file systems, mounts): what Pelican reported writing
    stays whatever its time; a file no earlier build listed is never removed; a removal that
    fails is reported, not raised."""
    import time
    import types

    from edcal.pelican_plugin.sweep import MANIFEST, sweep_output

    output = tmp_path / "output"
    for name in ("page/index.html", "static.png", "gone/index.html", "stuck/index.html", "theirs.txt"):
        (output / name).parent.mkdir(parents=True, exist_ok=True)
        (output / name).write_text(name, encoding="utf-8")
    listed = ["page/index.html", "static.png", "gone/index.html", "stuck/index.html"]
    (output / MANIFEST).write_text("# header\n" + "\n".join(listed) + "\n", encoding="utf-8")
    state = types.SimpleNamespace(output_started_ns=time.time_ns() + 10**12,  # every file looks older
                                  static_outputs={"static.png"}, written_outputs={"page/index.html"}, journal=None,
                                  delete_output=False)
    real_unlink = Path.unlink

    def unlink(path: Path, missing_ok: bool = False) -> None:
        if path.name == "index.html" and path.parent.name == "stuck":
            raise PermissionError(1, "Operation not permitted")
        real_unlink(path, missing_ok)

    monkeypatch.setattr(Path, "unlink", unlink)
    sweep = sweep_output({"OUTPUT_PATH": str(output)}, state)
    assert sweep.removed == ["gone/index.html"] and not (output / "gone").exists()
    assert sweep.unknown == ["theirs.txt"] and (output / "theirs.txt").is_file()
    assert sweep.failed == ["stuck/index.html (operation not permitted)"]
    assert (output / "page" / "index.html").is_file() and (output / "static.png").is_file()
    # The new list: what this build wrote, and what it still has to remove; never theirs.txt.
    assert [line for line in (output / MANIFEST).read_text(encoding="utf-8").splitlines()
            if not line.startswith("#")] == ["page/index.html", "static.png", "stuck/index.html"]


def test_the_list_is_never_written_through_a_link(tmp_path: Path) -> None:
    import types

    from edcal.pelican_plugin.sweep import MANIFEST, sweep_output

    output, victim = tmp_path / "output", tmp_path / "victim.txt"
    output.mkdir()
    victim.write_text("precious\n", encoding="utf-8")
    (output / MANIFEST).symlink_to(victim)
    (output / "index.html").write_text("page\n", encoding="utf-8")
    state = types.SimpleNamespace(output_started_ns=0, static_outputs=set(), written_outputs={"index.html"},
                                  journal=None, delete_output=False)
    sweep_output({"OUTPUT_PATH": str(output)}, state)
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert not (output / MANIFEST).is_symlink() and "index.html" in (output / MANIFEST).read_text(encoding="utf-8")


def test_links_to_articles_not_online_become_their_text(site: Path) -> None:
    """A published article or page linking to a future article ({filename}) shows the words, no link:
    neither a dead link nor the future article's file name reaches output/."""
    article = site / "content" / "articles" / "publie.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nBientôt : [notre prochain article]({filename}futur.md).\n"
                       "\nEt [la même chose](|filename|/articles/futur.md#suite).\n", encoding="utf-8")
    (site / "content" / "articles" / "l'été.md").write_text(
        "---\ntitle: L'été secret\ndate: 2027-06-21 09:00\n---\nPlus tard.\n", encoding="utf-8")
    (site / "content" / "pages" / "brouillon.md").write_text(
        "---\ntitle: Page en brouillon\nstatus: draft\n---\nPas encore.\n", encoding="utf-8")
    article.write_text(article.read_text(encoding="utf-8") + "\nL'[été]({filename}l'été.md) aussi.\n"
                       "\n![une image]({filename}futur.md)\n"
                       '\n<p>Voir <a href="{filename}futur.md" title="t > x">ceci</a>.</p>\n'
                       "\nEt [une page]({filename}/pages/brouillon.md).\n", encoding="utf-8")
    page = site / "content" / "pages" / "contact.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nLire [la suite]({filename}../articles/futur.md).\n",
                    encoding="utf-8")
    result = run_edcal("build", cwd=site, env=ENV)
    assert result.returncode == 0, result.stderr
    texts = {path.relative_to(site / "output").as_posix(): text for path, text in tree_text(site / "output")}
    leaks = ("futur.md", "{filename}", "|filename|", "été.md", "brouillon", "drafts/")
    assert not [(path, leak) for path, text in texts.items() for leak in leaks if leak in text]
    published = texts["2027/publie/index.html"]
    assert "Bientôt\u00a0: notre prochain article." in published and "Et la même chose." in published
    assert "L'été aussi." in published and "Voir ceci." in published and "Et une page." in published
    assert '<img alt="une image"' in published  # its source is gone, not its words
    assert "Lire la suite." in texts["pages/contact.html"]


def test_two_articles_with_one_slug_is_one_located_error(site: Path) -> None:
    """Not Pelican's warning and a cascade of post id clashes with a hint that cannot be followed."""
    (site / "content" / "articles" / "copie.md").write_text(
        "---\ntitle: Copie\ndate: 2027-02-10 09:00\nslug: publie\n---\nTexte.\n", encoding="utf-8")
    for command in ("check", "build"):
        result = run_edcal(command, cwd=site, env=ENV)
        assert result.returncode == 2 and not TRACEBACK.search(result.stderr)
        errors = [line for line in result.stderr.splitlines() if ": error: " in line]
        assert errors == ["content/articles/copie.md:4:7: error: found the slug 'publie' (fr) again, already the slug "
                          "of content/articles/publie.md; expected one article per slug and language"]
        assert "There are 2" not in result.stderr and "WARNING" not in result.stderr  # not Pelican's too


@pytest.mark.parametrize(("name", "hint"), [
    ("publie-en.md", "hint: if content/articles/publie-en.md is the translation of content/articles/publie.md, give "
                     "it `lang: en`; else rename one of the files, or give it a `slug:` of its own"),
    ("copie.md", "hint: rename one of the files, or give it a `slug:` of its own; or, for a translation, give it "
                 "its language (`lang: en`)"),
])
def test_a_translation_without_its_language_is_told_to_give_it(site: Path, name: str, hint: str) -> None:
    """A translation without `Lang:` takes the site's language, and its slug clashes: the hint said only
    "rename one of the files"."""
    (site / "content" / "articles" / name).write_text(
        "Title: Published\nDate: 2027-02-10 09:00\nSlug: publie\n\nText.\n", encoding="utf-8")
    result = run_edcal("check", cwd=site, env=ENV)
    assert result.returncode == 2 and f"again, already the slug of content/articles/publie.md; expected one " \
        f"article per slug and language\n    {hint}\n" in result.stderr, result.stderr


def test_a_note_without_end_claims_no_file(tmp_path: Path) -> None:
    """A build killed before it could note its end: files added later are someone's, never removed."""
    import types

    from edcal.pelican_plugin.sweep import MANIFEST, sweep_output

    output = tmp_path / "output"
    output.mkdir()
    (output / "google123.html").write_text("verification\n", encoding="utf-8")
    (output / MANIFEST).write_text("# header\n@pending 1\n", encoding="utf-8")
    state = types.SimpleNamespace(output_started_ns=time.time_ns() + 10**12, static_outputs=set(),
                                  written_outputs=set(), journal=None, delete_output=False)
    sweep = sweep_output({"OUTPUT_PATH": str(output)}, state)
    assert sweep.removed == [] and sweep.unknown == ["google123.html"] and (output / "google123.html").is_file()


def test_plain_pelican_failing_while_writing_bounds_its_note(site: Path) -> None:
    """Plain `pelican` has no failure hook: the note gets its end at exit, so later files stay someone's."""
    assert run_edcal("build", cwd=site, env=ENV).returncode == 0
    break_tags_template(site)
    failed = run_pelican(site, env=ENV)
    assert failed.returncode != 0
    notes = [line for line in (site / "output" / ".edcal-files").read_text(encoding="utf-8").splitlines()
             if line.startswith("@pending")]
    assert len(notes) == 1 and len(notes[0].split()) == 3, notes  # start and end
    (site / "output" / "google123.html").write_text("verification\n", encoding="utf-8")
    write_pelicanconf(site, "")
    assert run_edcal("build", cwd=site, env=ENV).returncode == 0
    assert (site / "output" / "google123.html").is_file()


def test_a_file_pelican_cannot_read_stops_the_build_and_the_live_article_stays(site: Path) -> None:
    """Pelican logs "Could not process" and goes on without the file: a live article disappeared from output/
    with exit 0 (a hostile-input review). Now the file is an error, and output/ is left as it was."""
    assert run_edcal("build", cwd=site).returncode == 0
    live = site / "output" / "2027" / "publie" / "index.html"
    assert live.is_file()
    (site / "siteplugins").mkdir()
    (site / "siteplugins" / "boom.py").write_text(
        "from pelican import signals\n\n\ndef _boom(generator, metadata):\n"
        "    if str(metadata.get('title')) == 'Un article publié':\n        raise ValueError('a plugin failed here')\n\n\n"
        "def register():\n    signals.article_generator_context.connect(_boom)\n", encoding="utf-8")
    write_pelicanconf(site, 'PLUGINS = ["edcal", "boom"]\nPLUGIN_PATHS = PLUGIN_PATHS + ["siteplugins"]\n')
    before = tree(site / "output")
    for command in ("build", "check"):
        result = run_edcal(command, cwd=site)
        assert result.returncode == 2, result.stdout + result.stderr
        assert "content/articles/publie.md:1:1: error: Pelican could not read this file (ValueError: a plugin " \
            "failed here)" in result.stderr
    assert tree(site / "output") == before and live.is_file()


def test_unreadable_files_are_located_errors_not_tracebacks(site: Path) -> None:
    """Without the permission to read them (as a user who is not root): calendar.yaml, calendar.d/, an article;
    and an output/ the build may not write."""

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return run_without_root_rights(site, *args)

    (site / "calendar.d").mkdir()
    (site / "calendar.d" / "a.yaml").write_text("posts: []\n", encoding="utf-8")
    for path, expected in ((site / "calendar.yaml", "calendar.yaml:1:1: error: cannot read calendar.yaml: "
                                                    "permission denied"),
                           (site / "calendar.d", "calendar.d:1:1: error: cannot read calendar.d: permission denied"),
                           (site / "calendar.d" / "a.yaml", "calendar.d/a.yaml:1:1: error: cannot read "
                                                            "calendar.d/a.yaml: permission denied"),
                           (site / "content" / "articles" / "publie.md",
                            "content/articles/publie.md:1:1: error: cannot read content/articles/publie.md")):
        mode = path.stat().st_mode
        path.chmod(0)
        try:
            result = run("check")
        finally:
            path.chmod(mode)
        assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
        assert result.stderr.startswith(expected), result.stderr
    (site / "output").mkdir()
    (site / "output").chmod(0o555)
    try:
        result = run("build")
    finally:
        (site / "output").chmod(0o755)
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.startswith("OUTPUT_PATH: error: cannot write in ")
    assert not (site / "planning").exists()


@pytest.mark.parametrize(("setting", "expected"), [
    ("url_length: 99999999999999999999999", "calendar.yaml:9:26: error: found '99999999999999999999999', "
                                            "expected a number of at most 10,000"),
    ("max_per_day: 99999999999999999999999", "calendar.yaml:9:27: error: found '99999999999999999999999', "
                                             "expected a number of at most 1,000,000,000"),
])
def test_huge_network_numbers_are_located_errors(site: Path, setting: str, expected: str) -> None:
    """url_length: 10**23 overflowed the counting of every Mastodon text (a traceback)."""
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace("  mastodon: {}", f"  mastodon: {{{setting}}}"),
                        encoding="utf-8")
    result = run_edcal("check", cwd=site)
    assert result.returncode == 2 and result.stderr.startswith(expected), result.stderr


@pytest.mark.parametrize(("publish", "expected"), [
    ("images", "found publish 'images', where the blog writes the static folder 'images' (output/images)"),
    ("2027", "found publish '2027', where the blog writes 'Un article publié' (output/2027/publie/index.html)"),
    ("feeds/all.atom.xml", "found publish 'feeds/all.atom.xml', where the blog writes the site's Atom feed"),
    (".git", "found publish '.git', a hidden folder (its name starts with a dot)"),
    ("sitemap.xml", "found publish 'sitemap.xml', where the blog writes the sitemap (output/sitemap.xml)"),
])
def test_a_published_folder_where_the_blog_writes_is_refused_before_writing(site: Path, publish: str,
                                                                              expected: str) -> None:
    """It was found once both were written: exit 2 with output/ and planning/ changed (a hostile-input review)."""
    assert run_edcal("build", cwd=site).returncode == 0
    before = tree(site)
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8") + f"feeds: {{publish: '{publish}'}}\n",
                        encoding="utf-8")
    for command in ("check", "build"):
        result = run_edcal(command, cwd=site)
        assert result.returncode == 2 and f"error: {expected}" in result.stderr, result.stderr
    after = tree(site)
    assert {path: data for path, data in after.items() if path != "calendar.yaml"} == \
        {path: data for path, data in before.items() if path != "calendar.yaml"}


@pytest.mark.parametrize(("save_as", "expected"), [
    ("pages/contact.html", "is written at output/pages/contact.html, over 'Contact', which would be lost"),
    ("feeds/all.atom.xml", "is written at output/feeds/all.atom.xml, over the site's Atom feed (FEED_ALL_ATOM)"),
])
def test_a_save_as_over_a_page_or_a_feed_is_refused(site: Path, save_as: str, expected: str) -> None:
    """Pelican lets a `save_as:` replace another output: the About page and the site's feed were lost without a
    word. The home page may still be replaced (a page as the home page)."""
    article = site / "content" / "articles" / "publie.md"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("Date:", f"Save_as: {save_as}\nDate:", 1), encoding="utf-8")
    result = run_edcal("check", cwd=site)
    assert result.returncode == 2 and expected in result.stderr, result.stderr
    article.write_text(text.replace("Date:", "Save_as: index.html\nDate:", 1), encoding="utf-8")
    assert run_edcal("check", cwd=site).returncode != 2


def test_an_article_in_a_static_folder_is_refused(site: Path) -> None:
    """Pelican copies a static folder as it is: a draft saved in content/images/ was published, header and text."""
    (site / "content" / "images" / "note.md").write_text("Title: Secret\nStatus: draft\n\nCANARY-STATIC-5521\n",
                                                         encoding="utf-8")
    result = run_edcal("build", cwd=site)
    assert result.returncode == 2
    assert result.stderr.startswith("content/images/note.md:1:1: error: found content/images/note.md, an article in "
                                    "the static folder 'images': it would be copied into output/ as it is")
    assert not (site / "output").exists()
    # Unless STATIC_EXCLUDES leaves it out: Pelican copies none of it.
    write_pelicanconf(site, 'STATIC_EXCLUDES = ["images/note.md"]\n')
    assert run_edcal("check", cwd=site).returncode != 2


def test_a_read_only_planning_folder_leaves_no_copy_of_the_plan_behind(site: Path) -> None:
    """The replaced planning/ could not be removed (read-only): `.planning.edcal-old-*` kept the old plan in the
    site's folder, where `git add .` or a copy of the site took it (a hostile-input review)."""
    assert run_edcal("build", cwd=site).returncode == 0
    for folder in [site / "planning", *(p for p in (site / "planning").rglob("*") if p.is_dir())]:
        folder.chmod(0o555)
    result = run_without_root_rights(site, "build")
    assert result.returncode == 0, result.stderr
    assert [p.name for p in site.iterdir() if p.name.startswith(".planning")] == []
    assert (site / "planning" / "plan.json").is_file()
