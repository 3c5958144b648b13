"""The code stays formatted, linted (ruff) and type-checked (mypy), both configured in pyproject.toml."""

from __future__ import annotations

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
