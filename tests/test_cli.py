"""The command line, through click's CliRunner: exit codes and what a user reads."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from edcal import __version__
from edcal.__main__ import cli


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"edcal, version {__version__}\n"


def test_help_lists_the_commands_with_examples(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["build", "--help"])
    assert result.exit_code == 0
    assert "--site" in result.output and "Example: edcal build" in result.output


def test_check_on_a_valid_site(runner: CliRunner, site: Path) -> None:
    result = runner.invoke(cli, ["check", "--site", str(site), "--only", "text-too-long"])
    assert result.exit_code == 0, result.output
    assert result.output == "0 errors, 0 warnings\n"


def test_check_reports_located_errors_and_exits_2(runner: CliRunner, site: Path) -> None:
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace("networks: [linkedin, mastodon]",
                                                                     "networks: [linkdin, mastodon]"),
                        encoding="utf-8")
    result = runner.invoke(cli, ["check", "--site", str(site)])
    assert result.exit_code == 2
    assert "calendar.yaml:22:16: error: unknown network 'linkdin'" in result.output
    assert "hint: did you mean 'linkedin'?" in result.output
    assert "Traceback" not in result.output


def test_a_site_without_the_plugin_is_a_usage_error(runner: CliRunner, site: Path) -> None:
    conf = site / "pelicanconf.py"
    conf.write_text(conf.read_text(encoding="utf-8").replace('PLUGINS = ["edcal"]', "PLUGINS = []"),
                    encoding="utf-8")
    result = runner.invoke(cli, ["check", "--site", str(site)])
    assert result.exit_code == 2
    assert "pelicanconf.py:1:1: error: the edcal plugin is not enabled" in result.output


def test_a_missing_site_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["build", "--site", str(tmp_path)])
    assert result.exit_code == 2
    assert "pelicanconf.py not found" in result.output


def test_an_invalid_edcal_now_is_located(runner: CliRunner, site: Path, monkeypatch) -> None:
    monkeypatch.setenv("EDCAL_NOW", "demain")
    result = runner.invoke(cli, ["check", "--site", str(site)])
    assert result.exit_code == 2
    assert "$EDCAL_NOW:1:1: error: found 'demain', expected an ISO 8601 date" in result.output


def test_next_change_prints_the_next_scheduled_article(runner: CliRunner, site: Path) -> None:
    result = runner.invoke(cli, ["next-change", "--site", str(site)])
    assert result.exit_code == 0, result.output
    assert result.output == "2027-03-25T09:00:00+01:00\n"
    # What became due since an earlier deployment: the past instant says "rebuild now".
    since = runner.invoke(cli, ["next-change", "--site", str(site), "--after", "2027-01-01T00:00:00Z"])
    assert since.output == "2027-02-01T09:00:00+01:00\n"


def test_next_change_prints_nothing_when_nothing_is_scheduled(runner: CliRunner, site: Path, monkeypatch) -> None:
    monkeypatch.setenv("EDCAL_NOW", "2028-01-01T00:00:00+01:00")
    result = runner.invoke(cli, ["next-change", "--site", str(site)])
    assert result.exit_code == 0 and result.output == ""
