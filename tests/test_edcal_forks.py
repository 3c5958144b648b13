"""The tests' fork server (tests/edcal_forks.py) gives what a new ``python -m edcal`` gives."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import edcal_forks
import pytest


def fresh(site: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "edcal", *args], cwd=site, capture_output=True, text=True,
                          env=env, timeout=300, check=False)


def test_a_forked_run_gives_a_new_processs_exit_code_stdout_and_stderr(site: Path) -> None:
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8") + "posts:\n  - {id: x, at: demain}\n", encoding="utf-8")
    for language in ("fr", "en", "fr"):  # one server: each child reads its own environment
        env = {**os.environ, "EDCAL_LANG": language, "COLUMNS": "200"}
        forked = edcal_forks.run(["check"], site, env, timeout=300)
        new = fresh(site, "check", env=env)
        assert (forked.returncode, forked.stdout, forked.stderr) == (new.returncode, new.stdout, new.stderr)
        assert forked.returncode == 2 and "calendar.yaml:" in forked.stderr
        assert ("erreur" in forked.stderr) == (language == "fr"), forked.stderr


def test_a_forked_run_reads_its_folder_and_time_and_ends_as_python_does(site: Path, tmp_path: Path) -> None:
    env = {**os.environ, "EDCAL_NOW": "2027-02-15T10:00:00+01:00"}
    listed = edcal_forks.run(["agenda", "--days", "30"], site, env, timeout=300)
    new = fresh(site, "agenda", "--days", "30", env=env)
    assert (listed.returncode, listed.stdout, listed.stderr) == (new.returncode, new.stdout, new.stderr)
    assert listed.returncode == 0 and listed.stdout
    later = edcal_forks.run(["agenda", "--days", "30"], site, {**env, "EDCAL_NOW": "2027-06-01T10:00:00+02:00"},
                            timeout=300)
    assert later.stdout != listed.stdout
    usage = edcal_forks.run(["no-such-command"], tmp_path, env, timeout=300)
    assert usage.returncode == 2 and "no such command 'no-such-command'" in usage.stderr and "Traceback" not in usage.stderr


def test_an_interpreter_setting_is_given_a_new_process() -> None:
    assert edcal_forks.forkable(dict(os.environ))
    assert not edcal_forks.forkable({**os.environ, "PYTHONHASHSEED": "12345"})
    assert not edcal_forks.forkable({**os.environ, "LC_ALL": "C" if os.environ.get("LC_ALL") != "C" else "C.UTF-8"})


def test_a_run_over_its_time_is_killed(site: Path) -> None:
    with pytest.raises(subprocess.TimeoutExpired):
        edcal_forks.run(["serve", "--no-watch", "--port", "0"], site, dict(os.environ), timeout=3)
    assert edcal_forks.run(["--version"], site, dict(os.environ), timeout=60).returncode == 0  # still serving


def test_a_forked_run_reads_the_terminals_settings_of_its_own_environment(site: Path) -> None:
    """Pelican's console, made as the server imported Pelican, had read FORCE_COLOR there: no colour."""
    env = {**os.environ, "EDCAL_NOW": "2027-02-15T10:00:00+01:00", "FORCE_COLOR": "1"}
    forked = edcal_forks.run(["build", "-v"], site, env, timeout=300)
    new = fresh(site, "build", "-v", env=env)
    assert new.returncode == forked.returncode == 0 and "\x1b[" in new.stdout
    assert "\x1b[" in forked.stdout, forked.stdout[:300]


def test_two_answers_the_server_sends_at_once_are_both_read_without_waiting() -> None:
    """A run that ends at once sends "pid N" and "exit C" in one read: the second is not left waiting."""
    server = subprocess.Popen([sys.executable, "-c", "import os, time; os.write(1, b'pid 7\\nexit 2\\n'); "
                               "time.sleep(60)"], stdout=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 20
        assert edcal_forks._line(server, deadline) == "pid 7\n"
        assert edcal_forks._line(server, deadline) == "exit 2\n"
        assert time.monotonic() < deadline - 10
    finally:
        server.kill()
        server.wait()
    assert edcal_forks._line(server, time.monotonic() + 5) == ""  # stopped: an empty answer, no wait
