"""Posts composed by several processes: the same plan, findings and files as one process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run_edcal
from edcal.errors import InputError, InputErrors
from edcal.model.source import Source
from edcal.pelican_plugin.metadata import plan_from_settings
from edcal.pelican_plugin.plan import resolve_state
from edcal.pelican_plugin.state import BuildState
from edcal.plan import parallel
from edcal.site import pelican_settings

ROOT = Path(__file__).resolve().parents[1]
CORPUS_NOW = "2025-06-02T10:00:00+02:00"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A synthetic site with about a thousand upcoming posts: enough for the split to happen."""
    folder = tmp_path_factory.mktemp("corpus")
    subprocess.run([sys.executable, str(ROOT / "scripts" / "make_corpus.py"), str(folder),
                    "--articles", "40", "--posts", "900"], check=True, capture_output=True)
    return folder


@pytest.fixture
def state(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> BuildState:
    from edcal.pelican_plugin.metadata import read_contents

    monkeypatch.setenv("EDCAL_NOW", CORPUS_NOW)
    monkeypatch.chdir(corpus)
    settings = pelican_settings(corpus, "pelicanconf.py", overrides={"EDCAL_RAISE_ERRORS": True})
    state = BuildState.start(settings, render=False)
    read_contents(settings, state)
    return state


def test_helpers_compose_their_share_and_the_plan_is_the_one_process_plan(
        state: BuildState, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    alone = resolve_state(state, state.now, processes=1)
    split = parallel.resolve_split
    shares: list[tuple[int, int] | None] = []

    def spy(resolve, processes, posts):  # type: ignore[no-untyped-def]
        def recorded(share):  # type: ignore[no-untyped-def]
            if share == (1, 2):  # in the helper: leave a trace the main process can see
                (tmp_path / "helper-ran").write_text(str(os.getpid()))
            shares.append(share)
            return resolve(share)
        return split(recorded, processes, posts)

    monkeypatch.setattr("edcal.pelican_plugin.plan.resolve_split", spy)
    together = resolve_state(state, state.now, processes=2)
    assert shares == [(0, 2)], "the main process composes only its share"
    assert int((tmp_path / "helper-ran").read_text()) != os.getpid(), "no helper process composed a share"
    composed = [item for item in together.items if item.lengths]
    assert len(composed) == len([item for item in alone.items if item.lengths]) > parallel.MIN_POSTS
    assert together.items == alone.items


def test_a_helper_that_fails_costs_time_not_posts(state: BuildState, monkeypatch: pytest.MonkeyPatch) -> None:
    alone = resolve_state(state, state.now, processes=1)
    split = parallel.resolve_split

    def failing(resolve, processes, posts):  # type: ignore[no-untyped-def]
        def helper_fails(share):  # type: ignore[no-untyped-def]
            if share == (1, 2):
                os._exit(3)  # killed in the middle of its work
            return resolve(share)
        return split(helper_fails, processes, posts)

    monkeypatch.setattr("edcal.pelican_plugin.plan.resolve_split", failing)
    assert resolve_state(state, state.now, processes=2).items == alone.items


def test_input_errors_are_reported_by_the_main_process_and_stop_the_helpers() -> None:
    def broken(share):  # type: ignore[no-untyped-def]
        raise InputErrors([InputError(Source("calendar.yaml", 3, 5), "unknown article slug 'x'")])

    with pytest.raises(InputErrors) as caught:
        parallel.resolve_split(broken, processes=2, posts=10_000)
    assert caught.value.errors[0].source == Source("calendar.yaml", 3, 5)
    assert not [p for p in __import__("multiprocessing").active_children() if p.name.startswith("edcal-")]


def test_a_small_plan_is_composed_in_one_process() -> None:
    calls = []

    def resolve(share):  # type: ignore[no-untyped-def]
        calls.append(share)
        raise SystemExit  # nothing to resolve here: only which share was asked matters

    with pytest.raises(SystemExit):
        parallel.resolve_split(resolve, processes=2, posts=parallel.MIN_POSTS - 1)
    assert calls == [None]


@pytest.mark.parametrize("command", [["check", "--format", "json"],
                                     ["export", "csv"]])
def test_commands_give_the_same_bytes_with_one_or_two_processes(corpus: Path, command: list[str]) -> None:
    outputs = {}
    for jobs in ("1", "2"):
        result = run_edcal(*command, cwd=corpus, env={"EDCAL_NOW": CORPUS_NOW, "EDCAL_JOBS": jobs})
        assert result.returncode in (0, 1), result.stderr
        outputs[jobs] = result.stdout
    assert len(outputs["1"]) > 10_000
    assert outputs["1"] == outputs["2"]


def test_plan_from_settings_follows_edcal_jobs(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = []
    real = parallel.resolve_split

    def spy(resolve, processes, posts):  # type: ignore[no-untyped-def]
        seen.append(processes)
        return real(resolve, processes, posts)

    monkeypatch.setattr("edcal.pelican_plugin.plan.resolve_split", spy)
    monkeypatch.setenv("EDCAL_NOW", CORPUS_NOW)
    monkeypatch.chdir(corpus)
    for jobs in ("1", "2"):
        monkeypatch.setenv("EDCAL_JOBS", jobs)
        plan_from_settings(pelican_settings(corpus, "pelicanconf.py"), "now")
    assert seen == [1, 2]
