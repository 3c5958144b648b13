"""The GitHub Actions workflow: when it runs, what it runs, what it deploys, and its go-live decision."""

from __future__ import annotations

import os
import re
import shlex
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT
from edcal.__main__ import cli

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"
#: Shell built-ins and keywords the steps may use beside pip and edcal.
BUILTINS = {"echo", "printf", "read", "exit", "[", "test", "if", "then", "else", "elif", "fi", "!"}


@pytest.fixture(scope="module")
def workflow() -> dict[str, Any]:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def commands(script: str) -> list[list[str]]:
    """Each simple command of a shell script (words), command substitutions included."""
    found: list[list[str]] = []
    for line in script.splitlines():
        line = re.sub(r"(^|\s)#.*$", "", line).strip()
        for inner in re.findall(r"\$\(([^)]*)\)", line):
            found += commands(inner)
        line = re.sub(r"\$\([^)]*\)", "SUBSTITUTED", line)
        for part in re.split(r";|&&|\|\||\|", line):
            words = shlex.split(part)
            while words and (words[0] in ("if", "then", "else", "elif", "!") or re.match(r"^\w+=", words[0])):
                words = words[1:]
            if words:
                found.append(words)
    return found


def test_the_workflow_runs_on_push_pull_requests_and_every_15_minutes(workflow: dict[str, Any]) -> None:
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert {"push", "pull_request", "schedule"} <= set(triggers)
    assert triggers["schedule"] == [{"cron": "*/15 * * * *"}]


def test_a_new_site_gets_the_workflow_this_repository_runs() -> None:
    """One workflow: what `edcal init` writes into a site repository is what builds the sample site here."""
    shipped = ROOT / "plugins" / "edcal" / "skeleton" / "github" / "workflows" / "site.yml"
    assert shipped.read_bytes() == WORKFLOW.read_bytes()
    # Here, requirements.txt installs the checkout itself.
    lines = (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert [line for line in lines if line and not line.startswith("#")] == ["."]


def test_steps_install_the_pinned_engine_then_run_only_edcal(workflow: dict[str, Any]) -> None:
    scripts = [step["run"] for step in steps(workflow) if "run" in step]
    assert len(scripts) >= 5
    used = set()
    for script in scripts:
        for words in commands(script):
            program = words[0]
            if program == "pip":
                assert words == ["pip", "install", "-r", "requirements.txt"], words
            elif program == "edcal":
                assert words[1] in cli.commands, f"not an edcal command: {words}"
            else:
                assert program in BUILTINS, f"a step runs {program!r}: only pip, edcal and shell built-ins"
            used.add(" ".join(words[:2]))
    assert {"pip install", "edcal build", "edcal next-change", "edcal check"} <= used
    setup = next(s for s in steps(workflow) if s.get("uses", "").startswith("actions/setup-python@"))
    assert setup["with"]["cache-dependency-path"] == "requirements.txt"  # a site has no pyproject.toml


def test_checkout_keeps_history_and_the_blog_is_built_for_production(workflow: dict[str, Any]) -> None:
    checkout = next(s for s in steps(workflow) if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    builds = [s["run"] for s in steps(workflow) if "edcal build" in s.get("run", "")]
    assert builds == ["edcal build -s publishconf.py"]


def test_pull_requests_get_annotations_and_never_deploy(workflow: dict[str, Any]) -> None:
    annotate = next(s for s in steps(workflow) if "--format github" in s.get("run", ""))
    assert "pull_request" in annotate["if"] and "!cancelled()" in annotate["if"]
    deploy = workflow["jobs"]["deploy"]
    assert "github.event_name != 'pull_request'" in deploy["if"]
    # From the repository's default branch, whatever its name (`git init` gives `master` on many machines,
    # and a workflow that deployed from `main` only skipped every deployment without a word).
    assert "github.ref == format('refs/heads/{0}', github.event.repository.default_branch)" in deploy["if"]
    assert "'refs/heads/main'" not in WORKFLOW.read_text(encoding="utf-8")
    assert [s["uses"].split("@")[0] for s in deploy["steps"] if "uses" in s] == ["actions/deploy-pages",
                                                                                 "actions/cache/save"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert workflow["permissions"] == {"contents": "read"}


def test_output_goes_to_pages_and_planning_stays_a_private_artifact(workflow: dict[str, Any]) -> None:
    uploads = {s["uses"].split("@")[0]: s for s in steps(workflow) if "upload" in s.get("uses", "")}
    assert uploads["actions/upload-pages-artifact"]["with"]["path"] == "output/"
    assert "github.event_name != 'pull_request'" in uploads["actions/upload-pages-artifact"]["if"]
    assert uploads["actions/upload-artifact"]["with"] == {"name": "planning", "path": "planning/",
                                                          "retention-days": 30}
    touching_planning = [s for s in steps(workflow) if "planning" in str(s.get("with", "")) + s.get("run", "")]
    assert touching_planning == [uploads["actions/upload-artifact"]]  # never copied next to the blog


@pytest.fixture
def due_step(workflow: dict[str, Any], site: Path) -> Any:
    """Run the workflow's "Anything due?" step in the fixture site, as a scheduled run would."""
    script = next(s for s in steps(workflow) if s.get("id") == "due")["run"]
    venv = site / "bin"  # as `pip install -r requirements.txt` leaves it: edcal on the PATH
    venv.mkdir(parents=True)
    edcal = venv / "edcal"
    edcal.write_text(f'#!/bin/sh\nexec {shlex.quote(sys.executable)} -m edcal "$@"\n', encoding="utf-8")
    edcal.chmod(edcal.stat().st_mode | stat.S_IEXEC)

    def run(event: str, now: str, deployed_at: str | None) -> str:
        stamp = site / ".edcal-deployed-at"
        if deployed_at is None:
            stamp.unlink(missing_ok=True)
        else:
            stamp.write_text(deployed_at + "\n", encoding="utf-8")
        outputs = site / "github-output"
        outputs.write_text("", encoding="utf-8")
        env = {**os.environ, "GITHUB_EVENT_NAME": event, "GITHUB_OUTPUT": str(outputs), "EDCAL_NOW": now,
               "GITHUB_SHA": HEAD, "PATH": f"{venv}{os.pathsep}{os.environ['PATH']}"}
        result = subprocess.run(["bash", "-e", "-c", script], cwd=site, env=env, capture_output=True,
                                text=True, timeout=120, check=False)
        assert result.returncode == 0, result.stderr
        return outputs.read_text(encoding="utf-8").strip()

    return run


#: The commit a scheduled run checks out (main's head), as GITHUB_SHA gives it.
HEAD = "3f2c1a9e8b7d6c5b4a39281706f5e4d3c2b1a090"


def test_a_scheduled_run_rebuilds_only_when_an_article_became_due(due_step: Any) -> None:
    # The fixture's scheduled article goes live on 2027-03-25 at 09:00 in Paris (08:00 UTC).
    # Deployed the day before, and the runs in between were skipped: it catches up.
    assert due_step("schedule", "2027-03-25T08:15:00Z", f"2027-03-24T20:00:00Z {HEAD}") == "build=true"
    # Deployed after it went live: nothing to do until the next one.
    assert due_step("schedule", "2027-03-25T08:30:00Z", f"2027-03-25T08:15:00Z {HEAD}") == "build=false"
    # The last deployment was of an earlier commit (a push whose deployment failed): deploy main now.
    assert due_step("schedule", "2027-03-25T08:30:00Z", "2027-03-25T08:15:00Z 0123abc") == "build=true"
    # A record from before commits were recorded: deploy once, to record one.
    assert due_step("schedule", "2027-03-25T08:30:00Z", "2027-03-25T08:15:00Z") == "build=true"
    # No record of a deployment (first run, cache evicted): build.
    assert due_step("schedule", "2027-03-20T08:00:00Z", None) == "build=true"
    # Pushes always build.
    assert due_step("push", "2027-03-20T08:00:00Z", "2027-03-20T07:45:00Z") == "build=true"


@pytest.mark.usefixtures("site_language")
def test_a_pull_request_gets_the_plans_changes_on_its_summary_page(workflow: dict[str, Any], tmp_path: Path,
                                                                   site: Path) -> None:
    """The step as a pull request's run has it: the merge checked out, the base branch fetched."""
    step = next(s for s in steps(workflow) if "edcal diff" in s.get("run", ""))
    assert "pull_request" in step["if"] and "!cancelled()" in step["if"]
    assert step["continue-on-error"] is True  # a base that does not load must not stop the build
    git = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org"]
    subprocess.run([*git, "init", "-q", "-b", "main"], cwd=site, check=True)
    subprocess.run([*git, "add", "-A"], cwd=site, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "Le site"], cwd=site, check=True)
    checkout = tmp_path / "checkout"  # actions/checkout with fetch-depth: 0: origin/main is there
    subprocess.run(["git", "clone", "-q", str(site), str(checkout)], check=True)
    calendar = checkout / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace("text: Bonjour le monde",
                                                                     "text: Bonjour à toutes et à tous"),
                        encoding="utf-8")
    subprocess.run([*git, "commit", "-q", "-am", "Un texte plus accueillant"], cwd=checkout, check=True)
    summary = tmp_path / "summary.md"
    summary.write_text("", encoding="utf-8")
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    edcal = bin_folder / "edcal"
    edcal.write_text(f'#!/bin/sh\nexec {shlex.quote(sys.executable)} -m edcal "$@"\n', encoding="utf-8")
    edcal.chmod(edcal.stat().st_mode | stat.S_IEXEC)
    env = {**os.environ, "GITHUB_EVENT_NAME": "pull_request", "GITHUB_BASE_REF": "main",
           "GITHUB_STEP_SUMMARY": str(summary), "PATH": f"{bin_folder}{os.pathsep}{os.environ['PATH']}"}
    result = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=checkout, env=env, capture_output=True,
                            text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("### Changements du planning depuis origin/main")
    assert "```diff\n- Bonjour le monde\n+ Bonjour à toutes et à tous\n" in text
