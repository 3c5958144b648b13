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
BUILTINS = {"echo", "printf", "read", "exit", "[", "test", "if", "then", "else", "elif", "fi", "!", "export",
            "command"}


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


def triggers(workflow: dict[str, Any]) -> dict[str, Any]:
    return workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true


def test_the_workflow_runs_on_pushes_to_the_default_branch_pull_requests_and_every_15_minutes(
        workflow: dict[str, Any]) -> None:
    on = triggers(workflow)
    assert set(on) == {"push", "pull_request", "schedule", "workflow_dispatch"}
    # Pushes to the default branch only: a push to a branch with a pull request ran the workflow twice.
    assert on["push"] == {"branches": ["main", "master"]}
    # Four times an hour, never at minute 0 (GitHub's busiest: its runs start the latest, or not at all).
    minutes, *every_hour = on["schedule"][0]["cron"].split()
    assert [len(on["schedule"]), every_hour] == [1, ["*", "*", "*", "*"]]
    assert [int(minute) for minute in minutes.split(",")] == [2, 17, 32, 47]
    assert "minute 0 is GitHub's busiest" in WORKFLOW.read_text(encoding="utf-8")  # said where it is changed


def test_the_emergency_build_is_an_input_of_the_run_by_hand(workflow: dict[str, Any]) -> None:
    """`edcal build --no-check`, the documented emergency, could not be reached: the check step failed first."""
    assert triggers(workflow)["workflow_dispatch"]["inputs"]["no_check"] == {
        "description": "Emergency: build and deploy even if edcal check finds errors (edcal build --no-check)",
        "type": "boolean", "default": False}
    check = next(s for s in steps(workflow) if s.get("run") == "edcal check")
    assert check["continue-on-error"] == "${{ inputs.no_check == true }}"


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
            elif program == "date":  # the build's clock
                assert words == ["date", "-u", "+%Y-%m-%dT%H:%M:%SZ"], words
            elif program == "rm":  # the list of written files, not deployed
                assert words == ["rm", "-f", "output/.edcal-files", "output/.edcal-files.journal"], words
            else:
                assert program in BUILTINS, f"a step runs {program!r}: only pip, edcal, rm and shell built-ins"
            used.add(" ".join(words[:2]))
    assert {"pip install", "edcal build", "edcal next-change", "edcal check"} <= used
    setup = next(s for s in steps(workflow) if s.get("uses", "").startswith("actions/setup-python@"))
    assert setup["with"]["cache-dependency-path"] == "requirements.txt"  # a site has no pyproject.toml


def test_checkout_keeps_history_and_the_blog_is_built_for_production(workflow: dict[str, Any]) -> None:
    checkout = next(s for s in steps(workflow) if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    builds = [words for s in steps(workflow) for words in commands(s.get("run", ""))
              if words[:2] == ["edcal", "build"]]
    assert builds == [["edcal", "build", "-s", "publishconf.py", "--no-check"],  # run by hand with no_check
                      ["edcal", "build", "-s", "publishconf.py"]]


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
#: The commit before a push (`github.event.before`).
BEFORE = "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a291807"


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


def test_runs_of_the_default_branch_build_and_deploy_in_the_order_they_started(workflow: dict[str, Any]) -> None:
    """Two pushes a minute apart: the older commit's build ended last and deployed it over the newer one (for
    up to 15 minutes, until the next scheduled run). Runs of the branch wait for each other; a pull
    request's never wait for a deployment."""
    # The whole run, build and deployment: a job's group is let go before the run's deployment starts,
    # and GitHub does not promise the order of jobs queued within minutes of each other.
    assert workflow["concurrency"] == {"group": "site-${{ github.ref }}", "cancel-in-progress": False}
    assert "concurrency" not in workflow["jobs"]["build"]
    assert workflow["jobs"]["deploy"]["concurrency"] == {"group": "pages", "cancel-in-progress": False}


def test_the_docs_show_the_workflow_edcal_init_writes() -> None:
    """deployment.md said "`edcal init` writes the GitHub workflow below" and showed none of it."""
    docs = (ROOT / "docs" / "deployment.md").read_text(encoding="utf-8")
    shown = docs.split("```yaml\n# Checks the plan and builds the blog", 1)[1].split("\n```\n", 1)[0]
    assert ("# Checks the plan and builds the blog" + shown + "\n").encode("utf-8") == WORKFLOW.read_bytes()


def test_the_builds_clock_is_utc_whatever_the_machines_zone_and_taken_first(workflow: dict[str, Any],
                                                                           tmp_path: Path) -> None:
    """`printf '%(…Z)T'` wrote local time with a Z: right only because the job set TZ=UTC."""
    import datetime as dt

    first = workflow["jobs"]["build"]["steps"][0]
    assert first["id"] == "clock" and "env" not in workflow["jobs"]["build"]
    outputs, env_file = tmp_path / "output", tmp_path / "env"
    env = {**os.environ, "TZ": "America/New_York", "GITHUB_OUTPUT": str(outputs), "GITHUB_ENV": str(env_file)}
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    subprocess.run(["bash", "-e", "-c", first["run"]], env=env, check=True, timeout=30)
    after = dt.datetime.now(dt.UTC)
    now = outputs.read_text(encoding="utf-8").removeprefix("now=").strip()
    assert env_file.read_text(encoding="utf-8") == f"EDCAL_NOW={now}\n" and now.endswith("Z")
    assert before <= dt.datetime.fromisoformat(now) <= after


def test_the_list_of_written_files_is_not_deployed(workflow: dict[str, Any], tmp_path: Path) -> None:
    """output/.edcal-files, the list a build keeps for the next build in its folder, was published at the
    site's root (upload-pages-artifact takes hidden files): the build step leaves it out, the blog whole."""
    step = next(step for step in workflow["jobs"]["build"]["steps"] if "edcal build" in step.get("run", ""))
    stub = tmp_path / "bin" / "edcal"
    stub.parent.mkdir()
    stub.write_text("#!/bin/sh\nmkdir -p output\necho index.html > output/.edcal-files\n"
                    ": > output/.edcal-files.journal\necho '<h1>Blog</h1>' > output/index.html\n", encoding="utf-8")
    stub.chmod(0o755)
    env = {**os.environ, "PATH": f"{stub.parent}{os.pathsep}{os.environ['PATH']}", "NO_CHECK": "false"}
    subprocess.run(["bash", "-e", "-c", step["run"]], cwd=tmp_path, env=env, check=True, timeout=30)
    assert sorted(path.name for path in (tmp_path / "output").iterdir()) == ["index.html"]
    # GitLab's job in deployment.md does the same before `mv output public`.
    docs = (ROOT / "docs" / "deployment.md").read_text(encoding="utf-8")
    gitlab = docs.split("## GitLab CI and GitLab Pages", 1)[1]
    assert gitlab.index("rm -f output/.edcal-files output/.edcal-files.journal") < gitlab.index("mv output public")


class Job:
    """The build and deploy jobs run as GitHub runs them, in a site: each step's `if:`, its shell script with
    the runner's files ($GITHUB_OUTPUT, $GITHUB_ENV), the actions as what they leave behind. `edcal check`,
    `edcal build` and `edcal diff` are stand-ins (recorded; the check fails on demand; the diff is edcal's own
    with `real_diff`), `edcal next-change` is edcal's own."""

    def __init__(self, workflow: dict[str, Any], site: Path, *, event: str, now: str, ref: str = "refs/heads/main",
                 deployed: str | None = None, failing_check: bool = False, edcal_installed: bool = True,
                 inputs: dict[str, Any] | None = None, before: str = BEFORE, real_diff: bool = False) -> None:
        self.workflow, self.site = workflow, site
        self.github = {"event_name": event, "ref": ref, "run_id": "7", "sha": HEAD,
                       "base_ref": "main" if event == "pull_request" else "",
                       "event": {"repository": {"default_branch": "main"},
                                 **({"before": before} if event == "push" else {})}}
        self.inputs = inputs or {}
        self.deployed = deployed
        self.ran: list[str] = []
        self.steps: dict[str, dict[str, Any]] = {}
        self.failed = False
        self.log = ""  # what the steps printed
        bin_folder = site / "runner-bin"
        bin_folder.mkdir(exist_ok=True)
        self.calls = site / "edcal-calls"
        self.calls.write_text("", encoding="utf-8")
        stubs = {"pip": "exit 0\n",  # requirements.txt is read by the real pip on the runner
                 "date": f"echo {now}\n"}  # the runner's clock, at the scenario's instant
        if edcal_installed:
            check = "echo 'calendar.yaml:3:1: error: …' >&2; exit 1" if failing_check else "exit 0"
            stubs["edcal"] = (f'echo "$*" >> {shlex.quote(str(self.calls))}\n'
                              f'case "$1" in\n  check) {check};;\n  {"build" if real_diff else "build|diff"}) exit 0;;\n'
                              'esac\n'
                              f'exec {shlex.quote(sys.executable)} -m edcal "$@"\n')
        for name, body in stubs.items():
            stub = bin_folder / name
            stub.write_text("#!/bin/sh\n" + body, encoding="utf-8")
            stub.chmod(stub.stat().st_mode | stat.S_IEXEC)
        self.env = {"PATH": f"{bin_folder}{os.pathsep}/usr/bin{os.pathsep}/bin", "HOME": str(site),
                    "PYTHONPATH": os.environ.get("PYTHONPATH", ""), "EDCAL_LANG": "en",
                    "GITHUB_EVENT_NAME": event, "GITHUB_SHA": HEAD, "GITHUB_REF": ref,
                    "GITHUB_BASE_REF": "main" if event == "pull_request" else "",
                    "GITHUB_STEP_SUMMARY": str(site / "summary.md")}

    def value(self, expression: str) -> Any:
        """A GitHub expression, as far as this workflow writes them."""
        expression = expression.strip().removeprefix("${{").removesuffix("}}").strip()
        parts = re.split(r"('[^']*')", expression)  # the strings stay as they are
        for index in range(0, len(parts), 2):
            part = parts[index].replace("&&", " and ").replace("||", " or ").replace("!=", " <> ")
            part = re.sub(r"!", " not ", part).replace(" <> ", " != ")
            part = re.sub(r"\b(true|false|null)\b", lambda m: {"true": "True", "false": "False"}.get(m[1], "None"),
                          part)
            parts[index] = re.sub(r"\b([a-z_]+(?:\.[\w-]+)+)", r'look("\1")', part)
        # The workflow's own expressions, turned into Python: no input of a test reaches them.
        return eval("".join(parts), {"look": self.look, "cancelled": lambda: False,
                                     "success": lambda: not self.failed, "always": lambda: True,
                                     "format": lambda text, *values: text.format(*values),
                                     "startsWith": lambda text, start: str(text or "").startswith(start)})

    def look(self, path: str) -> Any:
        found: Any = {"github": self.github, "inputs": self.inputs, "steps": self.steps, "secrets": {}}
        if path.startswith("needs.build.outputs."):
            found["needs"] = {"build": {"outputs": self.outputs}}
        for key in path.split("."):
            found = found.get(key) if isinstance(found, dict) else None
        return found

    def text(self, value: str) -> str:
        """An env value or a `with:` value with its `${{ }}` replaced as GitHub writes them."""
        def written(match: re.Match[str]) -> str:
            result = self.value(match[0])
            return "" if result is None else str(result).lower() if isinstance(result, bool) else str(result)

        return re.sub(r"\$\{\{.*?\}\}", written, str(value))

    def runs(self, condition: Any) -> bool:
        if condition is None:
            return not self.failed
        condition = str(condition)
        if not re.search(r"\b(cancelled|success|always|failure)\(\)", condition):
            condition = f"success() && ({condition.strip().removeprefix('${{').removesuffix('}}')})"
        return bool(self.value(condition))

    def run_steps(self, job: str) -> None:
        for step in self.workflow["jobs"][job]["steps"]:
            name = step.get("name") or step["uses"].split("@")[0]
            if not self.runs(step.get("if")):
                self.steps[step.get("id", name)] = {"outcome": "skipped", "outputs": {}}
                continue
            self.ran.append(name)
            outputs: dict[str, str] = {}
            outcome = "success"
            if "run" in step:
                output_file, env_file = self.site / "github-output", self.site / "github-env"
                output_file.write_text("", encoding="utf-8")
                env_file.write_text("", encoding="utf-8")
                env = {**self.env, **{k: self.text(v) for k, v in step.get("env", {}).items()},
                       "GITHUB_OUTPUT": str(output_file), "GITHUB_ENV": str(env_file)}
                result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                                        cwd=self.site, env=env, capture_output=True, text=True, timeout=120,
                                        check=False)
                self.log += result.stdout + result.stderr
                outputs = dict(line.split("=", 1) for line in output_file.read_text(encoding="utf-8").splitlines())
                self.env.update(line.split("=", 1) for line in env_file.read_text(encoding="utf-8").splitlines())
                outcome = "success" if result.returncode == 0 else "failure"
            elif step["uses"].startswith("actions/cache/restore@") and self.deployed:
                (self.site / ".edcal-deployed-at").write_text(self.deployed + "\n", encoding="utf-8")
            self.steps[step.get("id", name)] = {"outcome": outcome, "outputs": outputs}
            if outcome == "failure" and not self.value(str(step.get("continue-on-error", False))):
                self.failed = True

    @property
    def outputs(self) -> dict[str, str]:
        declared = self.workflow["jobs"]["build"]["outputs"]
        return {key: self.text(value) for key, value in declared.items()}

    def run(self) -> Job:
        self.run_steps("build")
        deploy = self.workflow["jobs"]["deploy"]
        self.deploys = not self.failed and self.runs(deploy["if"])
        return self

    def edcal(self) -> list[str]:
        return self.calls.read_text(encoding="utf-8").splitlines()


#: An instant after the fixture's scheduled article went live (2027-03-25 09:00 in Paris, 08:00 UTC).
AFTER = "2027-03-25T08:32:05Z"


def test_a_scheduled_run_with_nothing_due_ends_green_even_when_the_check_fails(workflow: dict[str, Any],
                                                                              site: Path) -> None:
    """The check ran before "Anything due?": an error failed the run every 15 minutes, 96 failures a day,
    while nothing was to be built."""
    job = Job(workflow, site, event="schedule", now=AFTER, deployed=f"2027-03-25T08:17:03Z {HEAD}",
              failing_check=True).run()
    assert not job.failed and not job.deploys, job.log
    assert job.ran == ["Pin the build's clock", "actions/checkout", "actions/setup-python", "Install edcal",
                       "Recall the last deployment", "Anything due since then?"]
    assert job.outputs == {"built": "false", "now": AFTER}
    assert [call.split()[0] for call in job.edcal()] == ["next-change", "next-change"]
    assert "Nothing became due since 2027-03-25T08:17:03Z" in job.log


def test_a_scheduled_run_with_something_due_checks_builds_and_deploys(workflow: dict[str, Any], site: Path) -> None:
    job = Job(workflow, site, event="schedule", now=AFTER, deployed=f"2027-03-25T07:47:02Z {HEAD}").run()
    assert not job.failed and job.deploys, job.log
    assert job.edcal()[2:] == ["check", "build -s publishconf.py"]
    assert job.outputs == {"built": "true", "now": AFTER}
    assert "Hand the blog to GitHub Pages" in job.ran
    # The same with an error in the plan: the run fails (an article is late), nothing is built or deployed.
    failing = Job(workflow, site, event="schedule", now=AFTER, deployed=f"2027-03-25T07:47:02Z {HEAD}",
                  failing_check=True).run()
    assert failing.failed and not failing.deploys
    assert failing.edcal()[2:] == ["check", "check --format github"]
    assert "Hand the blog to GitHub Pages" not in failing.ran


def test_the_emergency_run_by_hand_shows_the_errors_then_builds_and_deploys(workflow: dict[str, Any],
                                                                           site: Path) -> None:
    job = Job(workflow, site, event="workflow_dispatch", now=AFTER, failing_check=True,
              inputs={"no_check": True}).run()
    assert not job.failed and job.deploys, job.log
    assert job.edcal() == ["check", "check --format github", "build -s publishconf.py --no-check"]
    assert job.steps["check"]["outcome"] == "failure"  # shown as failed, the run goes on
    assert "calendar.yaml:3:1: error" in job.log and "::warning::Built with --no-check" in job.log
    # Without the input, by hand or on a push, the errors stop the build, shown at their lines (a push is
    # still told of the posts it dates in the past).
    for event, inputs, calls in (("workflow_dispatch", {"no_check": False}, ["check", "check --format github"]),
                                 ("push", None, ["check", "check --format github",
                                                 f"diff {BEFORE} --format github"])):
        stopped = Job(workflow, site, event=event, now=AFTER, failing_check=True, inputs=inputs).run()
        assert stopped.failed and not stopped.deploys and stopped.edcal() == calls


def test_a_push_whose_check_fails_shows_the_errors_at_their_lines(workflow: dict[str, Any], site: Path) -> None:
    """A writer who commits from GitHub's web editor or Decap CMS pushes straight to main: the red cross
    led to the check step's log alone, where the error's path and line are words to look for; as
    annotations, the run's page and the commit list each error with a link to its line. A passing
    push is not annotated with every warning."""
    job = Job(workflow, site, event="push", now=AFTER, failing_check=True).run()
    assert job.failed and not job.deploys
    assert job.edcal()[:2] == ["check", "check --format github"]
    assert "Show the findings at their lines" in job.ran
    passing = Job(workflow, site, event="push", now=AFTER).run()
    assert not passing.failed and "check --format github" not in passing.edcal()


def test_a_push_is_warned_of_the_posts_it_dates_in_the_past(workflow: dict[str, Any], site: Path) -> None:
    """Straight to main, no pull request showed the change: the run warns at the line, from the commit
    before the push; the first push of a branch, with nothing before it, is not compared."""
    git = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org"]
    subprocess.run([*git, "init", "-q", "-b", "main"], cwd=site, check=True)
    subprocess.run([*git, "add", "-A"], cwd=site, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "Le site"], cwd=site, check=True)
    before = subprocess.run(["git", "rev-parse", "HEAD"], cwd=site, capture_output=True, text=True,
                            check=True).stdout.strip()
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace(
        "  - id: weekly\n", "  - {id: vieux, networks: [x], at: 2026-03-25 10:00, text: Oups}\n  - id: weekly\n"),
        encoding="utf-8")
    subprocess.run([*git, "commit", "-q", "-am", "Un post"], cwd=site, check=True)
    job = Job(workflow, site, event="push", now=AFTER, before=before, real_diff=True).run()
    assert not job.failed and job.deploys, job.log
    assert f"diff {before} --format github" in job.edcal()
    written = "  - {id: vieux, networks: [x], at: 2026-03-25 10:00, text: Oups}"
    line = calendar.read_text(encoding="utf-8").splitlines().index(written) + 1
    column = written.index("2026-03-25") + 1  # at its `at:`, the value to change
    assert (f"::warning file=calendar.yaml,line={line},col={column},title=post put in the past::The X post of Wednesday 25 "
            "March 2026 10:00 is already past: it will not go out as planned") in job.log
    first = Job(workflow, site, event="push", now=AFTER, before="0" * 40).run()
    assert not first.failed and not [call for call in first.edcal() if call.startswith("diff")]


def test_a_pull_request_shows_the_findings_even_when_the_check_fails_and_never_deploys(
        workflow: dict[str, Any], site: Path) -> None:
    job = Job(workflow, site, event="pull_request", now=AFTER, ref="refs/pull/3/merge", failing_check=True).run()
    assert job.failed and not job.deploys
    assert job.edcal() == ["check", "check --format github", "diff origin/main --format markdown",
                           "diff origin/main --format github"]
    passing = Job(workflow, site, event="pull_request", now=AFTER, ref="refs/pull/3/merge").run()
    assert not passing.failed and not passing.deploys
    assert passing.edcal()[-1] == "build -s publishconf.py" and "Hand the blog to GitHub Pages" not in passing.ran
    # Run by hand on another branch: built, not deployed.
    branch = Job(workflow, site, event="workflow_dispatch", now=AFTER, ref="refs/heads/draft").run()
    assert not branch.failed and not branch.deploys


def test_a_requirements_txt_without_edcal_stops_at_the_install_saying_what_to_write(workflow: dict[str, Any],
                                                                                   site: Path) -> None:
    """The requirements.txt init writes holds comments until the team pins edcal: pip installed nothing
    and the next step failed with `edcal: command not found` (127)."""
    for event in ("push", "pull_request"):
        job = Job(workflow, site, event=event, now=AFTER, edcal_installed=False).run()
        assert job.failed and job.ran[-1] == "Install edcal", job.ran  # nothing after it: no 127 to read
        assert ("::error file=requirements.txt::requirements.txt installs no edcal: write in it the line "
                "'edcal @ git+https://github.com/your-org/edcal@COMMIT' with edcal's address and the tag or "
                "commit to build with (docs/deployment.md in edcal's repository).") in job.log
        assert "command not found" not in job.log


def test_an_edcal_in_a_private_repository_is_installed_with_the_edcal_token_secret(workflow: dict[str, Any],
                                                                                  tmp_path: Path) -> None:
    """git (which pip runs for `edcal @ git+https://github.com/…`) reads the token from the step's environment
    only, and only when the secret is set."""
    install = next(s for s in steps(workflow) if s.get("id") == "install")
    assert install["env"] == {"EDCAL_TOKEN": "${{ secrets.EDCAL_TOKEN }}"}
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    for name, body in (("pip", "git config --get-regexp '^url\\.' > \"$HOME/seen\" || true\n"),
                       ("edcal", "exit 0\n")):
        (bin_folder / name).write_text("#!/bin/sh\n" + body, encoding="utf-8")
        (bin_folder / name).chmod(0o755)
    for token, seen in (("ghp_secret", "url.https://x-access-token:ghp_secret@github.com/.insteadof https://github.com/\n"),
                        ("", "")):
        env = {"PATH": f"{bin_folder}{os.pathsep}/usr/bin{os.pathsep}/bin", "HOME": str(tmp_path),
               "EDCAL_TOKEN": token}
        subprocess.run(["bash", "-e", "-c", install["run"]], cwd=tmp_path, env=env, check=True, timeout=30)
        assert (tmp_path / "seen").read_text(encoding="utf-8") == seen
    assert not (tmp_path / ".gitconfig").exists()  # nothing left for the later steps
    rewritten = subprocess.run(
        ["git", "-c", "url.https://x-access-token:ghp_secret@github.com/.insteadOf=https://github.com/",
         "ls-remote", "--get-url", "https://github.com/your-org/edcal"], capture_output=True, text=True, check=True)
    assert rewritten.stdout == "https://x-access-token:ghp_secret@github.com/your-org/edcal\n"


#: The first major of each action that runs on Node.js 24. GitHub's runners run Node.js 20 actions on
#: Node.js 24 since June 2026, with a "Node.js 20 is deprecated" warning on every run (96 a day here).
NODE_24 = {"actions/checkout": 5, "actions/setup-python": 6, "actions/cache/restore": 5, "actions/cache/save": 5,
           "actions/upload-artifact": 6, "actions/download-artifact": 7,
           # Its own steps are a shell script; its upload-artifact is v7 from v5 on.
           "actions/upload-pages-artifact": 5, "actions/deploy-pages": 5}


def test_every_action_the_workflow_and_the_docs_use_runs_on_node_24(workflow: dict[str, Any]) -> None:
    docs = (ROOT / "docs" / "deployment.md").read_text(encoding="utf-8")
    used = re.findall(r"uses: (actions/[\w/-]+)@v(\d+)\b", WORKFLOW.read_text(encoding="utf-8") + docs)
    assert {name for name, _ in used} == set(NODE_24)
    assert [f"{name}@v{major}" for name, major in used if int(major) < NODE_24[name]] == []
    # From v4 on, upload-pages-artifact leaves out hidden files unless told: a site's .well-known/ (a
    # Bluesky handle's atproto-did, security.txt) went out with v3 and must still.
    pages = next(s for s in steps(workflow) if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert pages["with"] == {"path": "output/", "include-hidden-files": True}


def test_a_run_run_again_records_its_own_deployment(workflow: dict[str, Any], site: Path) -> None:
    """"Re-run all jobs" of an older run deploys its older commit, but its record could not be saved (the key
    of its first attempt was taken: GitHub never overwrites a cache entry): the record still named the newer
    commit, and the scheduled runs left the older site online until an article became due."""
    save = next(s for s in workflow["jobs"]["deploy"]["steps"] if s.get("uses", "").startswith("actions/cache/"))
    restore = next(s for s in steps(workflow) if s.get("uses", "").startswith("actions/cache/restore@"))
    keys = set()
    for attempt in ("1", "2"):
        job = Job(workflow, site, event="push", now=AFTER)
        job.github["run_attempt"] = attempt
        keys.add(job.text(save["with"]["key"]))
    assert len(keys) == 2 and all(key.startswith(restore["with"]["restore-keys"]) for key in keys)


def gitlab_section() -> str:
    docs = (ROOT / "docs" / "deployment.md").read_text(encoding="utf-8")
    return docs.split("## GitLab CI and GitLab Pages", 1)[1].split("\n## ", 1)[0]


def gitlab_pipeline() -> dict[str, Any]:
    """The .gitlab-ci.yml deployment.md shows."""
    loaded: dict[str, Any] = yaml.safe_load(gitlab_section().split("```yaml\n", 1)[1].split("\n```\n", 1)[0])
    return loaded


def test_the_gitlab_pipeline_uses_no_deprecated_global_keyword() -> None:
    """GitLab deprecates `before_script`, `cache`, `image`, `services` and `after_script` at the top of
    .gitlab-ci.yml, for `default:`."""
    gitlab = gitlab_pipeline()
    assert not {"before_script", "cache", "image", "services", "after_script"} & set(gitlab)
    assert {"image", "cache", "before_script"} <= set(gitlab["default"])


def test_gitlab_pipelines_of_the_default_branch_deploy_one_at_a_time_in_the_order_they_started() -> None:
    """GitLab has no `concurrency:`: two pipelines of main (two pushes, or a push and the schedule) ran their
    `pages` jobs side by side, and the older one ending last published the older site. The `pages` job holds
    a resource group, taken oldest pipeline first, and is never cancelled once started; the jobs whose result
    a newer pipeline replaces (a merge request's check and diff, the plan) may be."""
    gitlab = gitlab_pipeline()
    assert gitlab["pages"]["resource_group"] == "pages" and gitlab["pages"]["interruptible"] is False
    for job in ("check", "diff", "plan"):
        assert gitlab[job]["interruptible"] is True and "resource_group" not in gitlab[job], job
    told = " ".join(gitlab_section().split())
    assert "process_mode=oldest_first" in told and "/resource_groups/pages" in told
