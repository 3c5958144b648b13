"""The package as pip builds it: what a site repository, pre-commit or CI installs (not this checkout)."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

from conftest import ROOT


def test_the_package_list_names_every_package() -> None:
    """pyproject.toml lists the packages by hand (the theme is mapped in from themes/edcal)."""
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {init.parent.relative_to(ROOT / "plugins").as_posix().replace("/", ".")
             for init in (ROOT / "plugins" / "edcal").rglob("__init__.py")}
    assert listed == found | {"edcal.theme"}


def test_an_installed_wheel_creates_checks_and_builds_a_site(tmp_path: Path) -> None:
    """`pip install edcal` (pre-commit installs so) ships the theme: init, check and build work."""
    wheels = tmp_path / "wheels"
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(ROOT)],
                           capture_output=True, text=True, timeout=600, check=False, cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    wheel = next(wheels.glob("edcal-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "edcal/theme/templates/base.html" in names and "edcal/theme/drafts/x.txt.j2" in names
    target = tmp_path / "installed"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
                   capture_output=True, timeout=300, check=True)
    # Only the installed package and the dependencies: no site hooks, so not this checkout's editable install.
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(target), sysconfig.get_paths()["purelib"]]),
           "EDCAL_NOW": "2027-01-12T10:00", "SOURCE_DATE_EPOCH": "1800000000"}

    def edcal(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-S", "-m", "edcal", *args], cwd=cwd, env=env, capture_output=True,
                              text=True, timeout=300, check=False)

    where = edcal("init", "site", cwd=tmp_path)
    assert where.returncode == 0, where.stderr
    site = tmp_path / "site"
    check = edcal("check", cwd=site)
    assert check.returncode in (0, 1) and "Traceback" not in check.stderr, check.stderr
    build = edcal("build", cwd=site)
    assert build.returncode == 0, build.stderr
    assert (site / "output" / "index.html").is_file() and (site / "planning" / "drafts" / "index.html").is_file()


def test_the_pre_commit_hook_runs_on_what_the_checks_read() -> None:
    import re

    import yaml

    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    assert hook["entry"] == "edcal check -q" and hook["pass_filenames"] is False  # the errors that stop the commit
    files = re.compile(hook["files"])
    for path in ("calendar.yaml", "calendar.d/salon.yaml", "content/articles/a.md", "content/images/a.png",
                 "pelicanconf.py", "themes/edcal/drafts/x.txt.j2", "templates/drafts/x.txt.j2",
                 "overrides/drafts/linkedin.txt.j2", "overrides/translations/es.yaml",
                 # edcal check reads these too: a blog template at the override folder's top (its UTF-8, the
                 # templates articles name), the planning pages', a theme's own blog templates.
                 "overrides/base.html", "overrides/article-wide.html", "overrides/planning/index.html.j2",
                 "templates/article.html", "themes/acme/templates/base.html", "themes/acme/planning/base.html.j2"):
        assert files.search(path), path
    for path in ("README.md", "output/index.html", "planning/plan.json", "themes/edcal/static/css/edcal.css",
                 "overrides/README.md"):
        assert not files.search(path), path


def test_the_python_the_pre_commit_hook_needs_is_said_where_the_hook_is() -> None:
    """pre-commit installs the hook with the Python it runs with itself: with Python 3.10, `pre-commit install`
    stopped on "An unexpected error has occurred: CalledProcessError" and pip's line deep in its log, and no
    page said why. The minimum is pyproject.toml's, said where a site sets the hook up; the hook's manifest
    names no Python of its own, which would override the site's default_language_version (and name one
    executable a machine with only a newer Python lacks)."""
    import yaml

    minimum = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["requires-python"]
    version = minimum.removeprefix(">=")
    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    assert "language_version" not in hook
    checks = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    pre_commit = checks[checks.index("**Pre-commit.**"):checks.index("**CI.**")]
    for words in (f"Python {version} or newer",
                  f"ERROR: Package 'edcal' requires a different Python: 3.10.12 not in '{minimum}'",
                  "language_version: python3.12", "default_language_version:"):
        assert words in " ".join(pre_commit.split()), words
    for lang, words in (("en", f"Python {version} or newer"), ("fr", f"Python {version} ou plus récent")):
        config = ROOT / "plugins" / "edcal" / "skeleton" / lang / "pre-commit-config.yaml.tmpl"
        assert words in config.read_text(encoding="utf-8"), lang
