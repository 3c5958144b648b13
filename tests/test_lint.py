"""The code stays formatted, linted (ruff) and type-checked (mypy), both configured in pyproject.toml."""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import ROOT


def test_ruff_finds_nothing() -> None:
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "plugins", "tests", "scripts"],
                            cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_finds_nothing() -> None:
    # pyproject.toml's [tool.mypy] names the package and where it lives (plugins/); the stubs are test extras.
    result = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True, check=False)
    missing = "\n(mypy comes with the test extras: make test, or pip install -e '.[test]')" \
        if "No module named mypy" in result.stderr else ""
    assert result.returncode == 0, result.stdout + result.stderr + missing


#: Letters French has and English lacks: a comment holding one is French, or quotes a French site's output.
FRENCH_LETTERS = re.compile(r"[éèêàâçôûùîïœÉÈÀÇ]")
COMMENTS = re.compile(r"(?<![:\"'\w])//[^\n]*|/\*.*?\*/", re.DOTALL)


def test_the_scripts_comments_are_english_and_say_when_they_quote_french() -> None:
    """planning.js explained itself with French examples alone ("4 éléments", "Mois précédent : décembre
    2026"): a reader without French lost the point. Each comment quoting French says it is a French site's
    output."""
    scripts = [ROOT / path for path in subprocess.run(["git", "ls-files", "*.js"], cwd=ROOT, capture_output=True,
                                                      text=True, check=True).stdout.split()
               if "node_modules" not in path and "vendor" not in path]
    assert any(path.name == "planning.js" for path in scripts)
    unsaid = [f"{path.relative_to(ROOT)}:{text.count(chr(10), 0, found.start()) + 1}"
              for path in scripts for text in [path.read_text(encoding="utf-8")]
              for found in COMMENTS.finditer(text)
              if FRENCH_LETTERS.search(found.group()) and "French" not in found.group()]
    assert not unsaid, unsaid
