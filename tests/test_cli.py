"""The command line, through click's CliRunner: exit codes and what a user reads."""

from __future__ import annotations

import json
import os
import re
from datetime import date
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from conftest import ROOT, run_edcal, write_pelicanconf
from edcal import __version__
from edcal.__main__ import cli
from helpers import ctrl_c_at


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"edcal, version {__version__}\n"


def test_help_lists_the_commands_with_examples(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["build", "--help"])
    assert result.exit_code == 0
    assert "--site" in result.output and "Example:\n    edcal build --site . -s publishconf.py\n" in result.output


@pytest.mark.parametrize(("args", "expected"), [
    (["check", "--format", "xml"], "--format: error: 'xml' is not one of 'text', 'json', 'github'\n"
                                   "    hint: 'edcal check --help' lists its options and arguments\n"),
    (["check", "--format", "jsn"], "--format: error: 'jsn' is not one of 'text', 'json', 'github'\n"
                                   "    hint: did you mean 'json'? 'edcal check --help' lists its options and arguments\n"),
    (["check", "--strikt"], "--strikt: error: no such option '--strikt'\n"
                            "    hint: did you mean '--strict' or '--site'? 'edcal check --help' lists its options and arguments\n"),
    (["biuld"], "edcal: error: no such command 'biuld'\n"
                "    hint: did you mean 'build'? 'edcal --help' lists the commands\n"),
    # A command's own option before the command: where it goes.
    (["--days", "3", "agenda"], "--days: error: no such option '--days'\n"
                                "    hint: options of a command go after it: edcal agenda --days …\n"),
    # Beside a shared option, which may stay there, the command's own is the one named.
    (["--site", ".", "--days", "3", "agenda"], "--days: error: no such option '--days'\n"
                                               "    hint: options of a command go after it: edcal agenda --days …\n"),
    # A shared option, which may come before the command, waits for one.
    (["--site", "."], "edcal: error: missing command\n    hint: 'edcal --help' lists the commands\n"),
    (["-v"], "edcal: error: missing command\n    hint: 'edcal --help' lists the commands\n"),
    # init has no --site: the shared options are moved after a command that has them only.
    (["--site", ".", "init", "x"], "--site: error: no such option '--site'\n"
                                   "    hint: 'edcal init --help' lists its options and arguments\n"),
    # click's "0 is not in the range 1<=x<=3660".
    (["agenda", "--days", "0"], "--days: error: found 0, expected a whole number from 1 to 3660\n"
                                "    hint: 'edcal agenda --help' lists its options and arguments\n"),
    (["serve", "--port", "http"], "--port: error: found 'http', expected a whole number from 0 to 65535\n"
                                  "    hint: 'edcal serve --help' lists its options and arguments\n"),
    (["new"], "TITLE: error: missing argument 'TITLE'\n"
              "    hint: 'edcal new --help' lists its options and arguments\n"),
    (["export"], "FORMAT: error: missing argument 'FORMAT'. Choose from: hootsuite, csv, json\n"
                 "    hint: 'edcal export --help' lists its options and arguments\n"),
    (["check", "--only"], "--only: error: option '--only' requires an argument\n"
                          "    hint: 'edcal check --help' lists its options and arguments\n"),
    # click kept the last: moved by two days, exported Mastodon alone.
    (["move", "hello", "--by", "+1d", "--by", "+2d"], "--by: error: given more than once; it takes one value\n"
                                                      "    hint: 'edcal move --help' lists its options and arguments\n"),
    (["agenda", "--days", "3", "--days", "5"], "--days: error: given more than once; it takes one value\n"
                                               "    hint: 'edcal agenda --help' lists its options and arguments\n"),
    # ":1:1: error:  not found in .", a variable left empty in a script.
    (["agenda", "-s", ""], "-s: error: found an empty name, expected a settings file such as publishconf.py\n"
                           "    hint: 'edcal agenda --help' lists its options and arguments\n"),
])
def test_usage_errors_are_in_edcals_form(runner: CliRunner, args: list[str], expected: str) -> None:
    """click's own "Usage: … Error: Invalid value for '--format'" block, in the form of every other error."""
    result = runner.invoke(cli, args)
    assert result.exit_code == 2
    assert result.output == expected


NBSP = "\u00a0"


@pytest.mark.usefixtures("site_language")
def test_click_s_usage_errors_speak_the_site_s_language(runner: CliRunner, site: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """A French team read click's English ("No such command", "requires an argument") amid French errors."""
    monkeypatch.chdir(site / "content")  # in the site, as its team runs edcal: no --site
    for args, expected in (
        (["check", "--only"], "--only: error: l'option '--only' attend une valeur\n"
                              "    hint: 'edcal check --help' liste ses options et ses arguments\n"),
        (["chek"], "edcal: error: commande 'chek' inconnue\n"
                   f"    hint: vouliez-vous dire 'check'{NBSP}? 'edcal --help' liste les commandes\n"),
        (["agenda", "--days", "x"], f"--days: error: trouvé 'x', attendu{NBSP}: un nombre entier de 1 à 3660\n"
                                    "    hint: 'edcal agenda --help' liste ses options et ses arguments\n"),
        (["check", "--format", "jsn"],
         f"--format: error: 'jsn' ne fait pas partie des valeurs possibles{NBSP}: 'text', 'json', 'github'\n"
         f"    hint: vouliez-vous dire 'json'{NBSP}? 'edcal check --help' liste ses options et ses arguments\n"),
        (["export"], f"FORMAT: error: argument 'FORMAT' manquant. Au choix{NBSP}: hootsuite, csv, json\n"
                     "    hint: 'edcal export --help' liste ses options et ses arguments\n"),
        (["--days", "3", "agenda"], "--days: error: option '--days' inconnue\n"
                                    f"    hint: les options d'une commande se placent après elle{NBSP}: "
                                    "edcal agenda --days …\n"),
        (["check", "en", "trop"], "edcal: error: arguments en trop (en trop)\n"
                                  "    hint: 'edcal check --help' liste ses options et ses arguments\n"),
    ):
        result = runner.invoke(cli, args)
        assert (result.exit_code, result.output) == (2, expected), args
    # Named with --site from anywhere else, the site speaks its language as well.
    monkeypatch.chdir(site.parent)
    named = runner.invoke(cli, ["check", "--site", str(site), "--strikt"])
    assert named.exit_code == 2 and named.output.startswith("--strikt: error: option '--strikt' inconnue\n")
    # Asked for English ($EDCAL_LANG), the same errors read as before.
    monkeypatch.setenv("EDCAL_LANG", "en")
    english = runner.invoke(cli, ["check", "--site", str(site), "--only"])
    assert (english.exit_code, english.output) == (2, "--only: error: option '--only' requires an argument\n"
                                                      "    hint: 'edcal check --help' lists its options and "
                                                      "arguments\n")


@pytest.mark.usefixtures("site_language")
def test_click_s_usage_errors_are_english_on_an_english_site_or_where_no_site_is(
        runner: CliRunner, site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_pelicanconf(site, 'DEFAULT_LANG = "en"\n')
    monkeypatch.chdir(site)
    english = runner.invoke(cli, ["chek"])
    assert (english.exit_code, english.output) == (2, "edcal: error: no such command 'chek'\n"
                                                      "    hint: did you mean 'check'? 'edcal --help' lists the "
                                                      "commands\n")
    nowhere = tmp_path / "nowhere"
    nowhere.mkdir()
    monkeypatch.chdir(nowhere)  # no site: no language to learn
    missing = runner.invoke(cli, ["new"])
    assert (missing.exit_code, missing.output) == (2, "TITLE: error: missing argument 'TITLE'\n"
                                                      "    hint: 'edcal new --help' lists its options and "
                                                      "arguments\n")
    monkeypatch.setenv("EDCAL_LANG", "fr")  # a French reader, anywhere
    french = runner.invoke(cli, ["new"])
    assert french.exit_code == 2 and french.output.startswith("TITLE: error: argument 'TITLE' manquant\n")
    assert "Traceback" not in english.output + missing.output + french.output


def test_the_click_messages_edcal_says_again_are_click_s_and_have_their_french() -> None:
    """Each of click's templates edcal reads back is still in click's source (a new click may reword
    one: it would be printed as click wrote it), and edcal's words for it are translated."""
    import click

    from edcal._usage import CLICK_MESSAGES, MISSING
    from helpers import assert_french

    source = "".join(path.read_text(encoding="utf-8") for path in Path(click.__file__).parent.glob("*.py"))
    for template, _fixed, _ours in CLICK_MESSAGES:
        assert f'"{template}"' in source, template
    assert_french([ours for _template, _fixed, ours in CLICK_MESSAGES] + [t for pair in MISSING.values() for t in pair])


def test_edcal_alone_prints_its_help(runner: CliRunner) -> None:
    """click's help for a bare `edcal` was flattened into one "edcal: error: usage: …" line."""
    result = runner.invoke(cli, [])
    assert result.exit_code == 2
    assert result.output.startswith("Usage: ") and "\nCommands:\n" in result.output and "error:" not in result.output


def test_check_on_a_valid_site(runner: CliRunner, site: Path) -> None:
    result = runner.invoke(cli, ["check", "--site", str(site), "--only", "text-too-long"])
    assert result.exit_code == 0, result.output
    assert result.output == "0 errors, 0 warnings\n"


def test_the_site_options_may_come_before_the_command(runner: CliRunner, site: Path) -> None:
    """`edcal --site ../blog check -q`, as `git -C ../blog status`: the same run as with them after it."""
    after = runner.invoke(cli, ["check", "--site", str(site), "-s", "pelicanconf.py", "-q", "--strict"])
    assert after.exit_code == 1 and " warning: " in after.output
    for before in (["--site", str(site), "-s", "pelicanconf.py", "-q", "check", "--strict"],
                   [f"--site={site}", "--settings=pelicanconf.py", "--quiet", "check", "--strict"]):
        result = runner.invoke(cli, before)
        assert (result.exit_code, result.output) == (after.exit_code, after.output), before


def test_check_quiet_prints_what_fails_the_run_only(runner: CliRunner, site: Path) -> None:
    warned = runner.invoke(cli, ["check", "--site", str(site)])
    assert warned.exit_code == 0 and " warning: " in warned.output  # the fixture has warnings, no error
    quiet = runner.invoke(cli, ["check", "--site", str(site), "-q"])
    assert quiet.exit_code == 0 and quiet.output == ""
    strict = runner.invoke(cli, ["check", "--site", str(site), "-q", "--strict"])
    assert strict.exit_code == 1 and strict.output == warned.output
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace("text: Bonjour le monde", "text: " + "é" * 3001),
                        encoding="utf-8")
    failing = runner.invoke(cli, ["check", "--site", str(site), "-q"])
    assert failing.exit_code == 1 and " warning: " not in failing.output
    lines = failing.output.splitlines()
    assert len([line for line in lines if " error: " in line]) == 2  # LinkedIn and Mastodon
    assert lines[-1] == "2 errors, 13 warnings"  # the summary still counts the warnings
    # The build stopped by those errors says the same: errors only under -q, with the whole count.
    build = runner.invoke(cli, ["build", "--site", str(site), "-q"])
    assert build.exit_code == 1 and " warning: " not in build.output
    assert "2 errors, 13 warnings" in build.output and not (site / "output").exists()


def test_windows_and_output_files_that_cannot_be_are_usage_errors(runner: CliRunner, site: Path,
                                                                   tmp_path: Path) -> None:
    """An empty --after read from an empty file was "now": a scheduled job never found anything due."""
    for args, message in (
        (["next-change", "--after", ""], "--after: error: found '', expected an ISO 8601 date"),
        (["check", "--since", "2027-02-01", "--until", "2027-01-01"],
         "--until: error: --until 2027-01-01 is not after --since 2027-02-01: the window holds nothing\n"
         "    hint: swap the two dates"),
        (["export", "json", "--since", "2027-03-31T16:00Z", "--until", "2027-03-31T16:00Z"],
         "hint: give --until a later instant; a date alone runs to the end of its day"),
        (["export", "csv", "--since", ""], "--since: error: found '', expected an ISO 8601 date"),
        (["check", "--until", "2020-01-01"], "--until: error: --until 2020-01-01 is not after now (2027-02-15 10:00)"),
        (["export", "csv", "-o", str(tmp_path / "missing" / "posts.csv")],
         f"--output: error: cannot write {tmp_path / 'missing' / 'posts.csv'}: no such file or folder"),
    ):
        result = runner.invoke(cli, [*args, "--site", str(site)])
        assert result.exit_code == 2, (args, result.output)
        assert message in result.output and "Traceback" not in result.output, (args, result.output)


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


def test_an_error_in_pelicanconf_read_through_publishconf_is_at_its_own_line(runner: CliRunner,
                                                                           site: Path) -> None:
    """`edcal build -s publishconf.py`, as CI runs it, said `publishconf.py:59:11` of a syntax error at
    pelicanconf.py:59 (publishconf.py, 2 lines long, imports it), and `publishconf.py:1` of a NameError there."""
    conf = site / "pelicanconf.py"
    (site / "publishconf.py").write_text("from pelicanconf import *\nSITEURL = 'https://blog.example.fr'\n",
                                         encoding="utf-8")
    good = conf.read_text(encoding="utf-8")
    line = len(good.splitlines()) + 1
    for broken, error in (("SITEURL = (\n", f"pelicanconf.py:{line}:11: error: Python syntax error: "),
                          ("X = undefined_name\n", f"pelicanconf.py:{line}:1: error: could not read the settings: "
                                                   "name 'undefined_name' is not defined")):
        conf.write_text(good + broken, encoding="utf-8")
        for command in ("check", "build"):
            result = runner.invoke(cli, [command, "--site", str(site), "-s", "publishconf.py"],
                                   env={"EDCAL_LANG": "en"})
            assert result.exit_code == 2
            assert error in result.output
            assert "publishconf.py:" not in result.output


def test_a_module_the_settings_import_that_is_not_installed_says_where_to_install_it(runner: CliRunner,
                                                                                    site: Path) -> None:
    """A blog's pelicanconf.py importing a plugin's module read as Python's bare words in the pre-commit
    hook, whose environment holds edcal alone: nothing said that the hook installs more only when told."""
    conf = site / "pelicanconf.py"
    conf.write_text("from pelican_jupyter import markup\n" + conf.read_text(encoding="utf-8"), encoding="utf-8")
    result = runner.invoke(cli, ["check", "--site", str(site)], env={"EDCAL_LANG": "en"})
    assert result.exit_code == 2
    assert ("pelicanconf.py:1:1: error: could not read the settings: No module named 'pelican_jupyter'\n"
            "    hint: install what provides it beside edcal: a line of requirements.txt for CI, and, for the "
            "pre-commit hook, additional_dependencies: [its package] under edcal-check in "
            ".pre-commit-config.yaml\n") in result.output

@pytest.mark.parametrize("code", ["0", "3", "'bye'"])
def test_settings_that_exit_are_a_located_error(runner: CliRunner, site: Path, code: str) -> None:
    """A pelicanconf.py calling sys.exit(0) (a script's habit) made `edcal check` say nothing and exit 0: CI
    passed with nothing checked; sys.exit(3) exited 3, sys.exit('bye') printed 'bye' and exited 1."""
    conf = site / "pelicanconf.py"
    good = conf.read_text(encoding="utf-8")
    conf.write_text(good + f"import sys\nsys.exit({code})\n", encoding="utf-8")
    line = len(good.splitlines()) + 2
    for command in ("check", "build"):
        result = runner.invoke(cli, [command, "--site", str(site)], env={"EDCAL_LANG": "en"})
        assert result.exit_code == 2, result.output
        assert (f"pelicanconf.py:{line}:1: error: found sys.exit() in the settings, which ended the program "
                "while they were read\n    hint: a settings file only sets values: remove sys.exit() (and "
                "what it stops)") in result.output
        assert not (site / "output").exists() and not (site / "planning").exists()


def test_a_build_refuses_a_plugin_of_plugins_that_is_not_installed(runner: CliRunner, site: Path) -> None:
    """Pelican logged "Cannot load plugin" and built the blog without it, exit 0: CI, whose requirements.txt
    lacked the plugin, deployed a blog without what it adds. The check, which the pre-commit hook runs where
    only edcal is installed, does not need the plugins."""
    write_pelicanconf(site, 'PLUGINS = ["edcal", "pelican_readtime"]\n')
    line = len((site / "pelicanconf.py").read_text(encoding="utf-8").splitlines())
    result = runner.invoke(cli, ["build", "--site", str(site)])
    assert result.exit_code == 2
    assert (f"pelicanconf.py:{line}:1: error: the plugin 'pelican_readtime' of PLUGINS is not installed\n"
            "    hint: install it beside edcal (in CI, a line of requirements.txt), or remove it from PLUGINS: "
            "the blog would be built without it\n") in result.output
    assert not (site / "output").exists() and not (site / "planning").exists()
    assert runner.invoke(cli, ["check", "--site", str(site)]).exit_code == 0


def test_a_build_refuses_a_plugin_of_plugins_whose_code_fails_when_imported(runner: CliRunner, site: Path) -> None:
    """A plugin whose module raises as it is imported (a NameError after an upgrade) was left to Pelican, which
    logged it and built the blog without it, exit 0: the deploy the missing plugin's error stops."""
    (site / "plugins_du_site").mkdir()
    (site / "plugins_du_site" / "compteur.py").write_text("import pelican\nsignals.initialized  # a slip\n",
                                                           encoding="utf-8")
    write_pelicanconf(site, 'PLUGIN_PATHS = ["plugins_du_site"]\nPLUGINS = ["edcal", "compteur"]\n')
    line = len((site / "pelicanconf.py").read_text(encoding="utf-8").splitlines())
    result = runner.invoke(cli, ["build", "--site", str(site)])
    assert result.exit_code == 2, result.output
    assert (f"pelicanconf.py:{line}:1: error: the plugin 'compteur' of PLUGINS cannot be imported: NameError: "
            "name 'signals' is not defined\n    hint: its own code fails: fix it, or remove it from PLUGINS: the blog "
            "would be built without it\n") in result.output
    assert not (site / "output").exists() and not (site / "planning").exists()


def test_check_q_says_nothing_of_a_plugin_not_installed_and_check_says_it_once(site: Path) -> None:
    """`edcal check -q` in a pre-commit hook, whose environment holds edcal alone, printed Pelican's "Cannot load
    plugin `pelican_readtime`" and "Cannot import plugin" on every commit. It is the check's warning now, at
    the PLUGINS line: -q prints nothing and passes, as for any warning; --strict fails on it."""
    write_pelicanconf(site, 'PLUGINS = ["edcal", "pelican_readtime"]\n')
    line = len((site / "pelicanconf.py").read_text(encoding="utf-8").splitlines())
    quiet = run_edcal("check", "-q", cwd=site)
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, "", "")
    said = run_edcal("check", cwd=site)
    assert said.returncode == 0 and "Cannot" not in said.stdout + said.stderr, said.stderr
    assert (f"pelicanconf.py:{line}:1: warning: the plugin 'pelican_readtime' of PLUGINS is not installed: "
            "edcal reads the articles without it [plugin-not-installed]\n    hint: install it beside edcal: "
            "for the pre-commit hook, additional_dependencies: [its package] under edcal-check in "
            ".pre-commit-config.yaml; for CI, a line of requirements.txt (edcal build stops without it)\n"
            ) in said.stdout
    assert said.stdout.count("pelican_readtime") == 1
    strict = run_edcal("check", "-q", "--strict", cwd=site)
    assert strict.returncode == 1 and "[plugin-not-installed]" in strict.stdout
    agenda = run_edcal("agenda", cwd=site)  # the agenda says it once, in edcal's words, as a warning
    assert agenda.returncode == 0 and agenda.stderr == (
        f"pelicanconf.py:{line}:1: warning: the plugin 'pelican_readtime' of PLUGINS is not installed: edcal reads "
        "the articles without it\n")


def test_check_refuses_a_plugin_of_plugins_whose_code_fails_when_imported(site: Path) -> None:
    """A plugin whose own code raises as it is imported gave `edcal check` a traceback (exit 1); it is the
    build's located error, exit 2, -q or not."""
    (site / "plugins_du_site").mkdir()
    (site / "plugins_du_site" / "compteur.py").write_text("import pelican\nsignals.initialized  # a slip\n",
                                                           encoding="utf-8")
    write_pelicanconf(site, 'PLUGIN_PATHS = ["plugins_du_site"]\nPLUGINS = ["edcal", "compteur"]\n')
    line = len((site / "pelicanconf.py").read_text(encoding="utf-8").splitlines())
    for options in ([], ["-q"]):
        result = run_edcal("check", *options, cwd=site)
        assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
        assert (f"pelicanconf.py:{line}:1: error: the plugin 'compteur' of PLUGINS cannot be imported: NameError: "
                "name 'signals' is not defined\n") in result.stderr + result.stdout


def test_a_plugin_of_plugins_that_exits_as_it_is_imported_is_a_located_error(site: Path) -> None:
    """A plugin calling `sys.exit(3)` as it is imported ended `edcal check` and `build` silently with exit 3."""
    (site / "plugins_du_site").mkdir()
    (site / "plugins_du_site" / "sortie.py").write_text("import sys\nsys.exit(3)\n", encoding="utf-8")
    write_pelicanconf(site, 'PLUGIN_PATHS = ["plugins_du_site"]\nPLUGINS = ["edcal", "sortie"]\n')
    line = len((site / "pelicanconf.py").read_text(encoding="utf-8").splitlines())
    for command in ("check", "build"):
        result = run_edcal(command, cwd=site)
        assert result.returncode == 2 and "Traceback" not in result.stderr, (command, result.stderr)
        assert (f"pelicanconf.py:{line}:1: error: the plugin 'sortie' of PLUGINS cannot be imported: SystemExit: 3"
                in result.stderr + result.stdout), result.stderr
    assert not (site / "output").exists() and not (site / "planning").exists()


def test_a_site_without_the_plugin_is_a_usage_error(runner: CliRunner, site: Path) -> None:
    """A blog adopting edcal has plugins of its own: the error is at its PLUGINS line, and the hint keeps
    them (it said `PLUGINS = ["edcal"]`, which would drop them, and pointed at line 1)."""
    conf = site / "pelicanconf.py"
    conf.write_text(conf.read_text(encoding="utf-8").replace('PLUGINS = ["edcal"]', 'PLUGINS = ["readtime"]'),
                    encoding="utf-8")
    line = conf.read_text(encoding="utf-8").splitlines().index('PLUGINS = ["readtime"]') + 1
    (site / "publishconf.py").write_text("from pelicanconf import *\nSITEURL = 'https://blog.example.fr'\n",
                                         encoding="utf-8")
    for settings in ("pelicanconf.py", "publishconf.py"):
        result = runner.invoke(cli, ["check", "--site", str(site), "-s", settings])
        assert result.exit_code == 2
        assert f"pelicanconf.py:{line}:1: error: the edcal plugin is not enabled\n" \
               "    hint: add it to the site's plugins: PLUGINS = ['readtime', 'edcal']\n" in result.output
    conf.write_text(conf.read_text(encoding="utf-8").replace('PLUGINS = ["readtime"]\n', ""), encoding="utf-8")
    result = runner.invoke(cli, ["check", "--site", str(site)])
    assert "pelicanconf.py:1:1: error: the edcal plugin is not enabled\n" \
           "    hint: add it to the site's plugins: PLUGINS = ['edcal']\n" in result.output


def test_a_pelican_blog_without_calendar_is_told_what_to_write(runner: CliRunner, site: Path) -> None:
    """An existing blog adopting edcal: the hint said `create one with edcal init`, as for a new site; it
    says that `edcal init .` adopts the blog, with the zone of its settings, and it does."""
    (site / "calendar.yaml").unlink()
    result = runner.invoke(cli, ["check", "--site", str(site)])
    assert result.exit_code == 2
    assert "calendar.yaml:1:1: error: calendar.yaml not found in the site folder\n    hint: a Pelican blog " \
           "adopting edcal: `edcal init .` in its folder writes it, with `timezone: Europe/Paris`, and says what " \
           "remains to do" in result.output
    assert runner.invoke(cli, ["init", str(site)]).exit_code == 0  # what the hint said
    assert "\ntimezone: Europe/Paris " in (site / "calendar.yaml").read_text(encoding="utf-8")
    assert runner.invoke(cli, ["check", "--site", str(site)]).exit_code == 0


def test_a_missing_site_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["build", "--site", str(tmp_path)])
    assert result.exit_code == 2
    assert result.output.startswith(f"{tmp_path}: error: found no calendar.yaml here"), result.output
    (tmp_path / "calendar.yaml").write_text("version: 1\n", encoding="utf-8")  # a site without its settings
    result = runner.invoke(cli, ["build", "--site", str(tmp_path)])
    assert result.exit_code == 2 and "pelicanconf.py not found" in result.output
    nowhere = runner.invoke(cli, ["check", "--site", str(tmp_path / "nope")])
    assert nowhere.exit_code == 2
    assert nowhere.output.startswith(f"--site: error: found '{tmp_path / 'nope'}', which is not a folder")


def test_an_invalid_edcal_now_is_located(runner: CliRunner, site: Path, monkeypatch) -> None:
    monkeypatch.setenv("EDCAL_NOW", "demain")
    result = runner.invoke(cli, ["check", "--site", str(site)])
    assert result.exit_code == 2
    assert "$EDCAL_NOW: error: found 'demain', expected an ISO 8601 date" in result.output
    # An ISO-shaped value that is no real day says what is wrong with it, as calendar.yaml's dates do.
    monkeypatch.setenv("EDCAL_NOW", "2027-01-12T10:00")
    since = runner.invoke(cli, ["check", "--site", str(site), "--since", "2027-02-30T10:00"])
    assert since.exit_code == 2
    assert "--since: error: found '2027-02-30T10:00': February 2027 has 28 days" in since.output
    # A wall-clock time the clocks skip is no instant (the site is in Europe/Paris).
    monkeypatch.setenv("EDCAL_NOW", "2027-03-28T02:30")
    skipped = runner.invoke(cli, ["check", "--site", str(site)])
    assert skipped.exit_code == 2
    assert ("$EDCAL_NOW: error: found '2027-03-28T02:30': 2027-03-28 02:30 does not exist in Europe/Paris"
            in skipped.output) and "e.g. 03:30" in skipped.output
    monkeypatch.setenv("EDCAL_NOW", "2027-03-28T03:30")
    assert runner.invoke(cli, ["check", "--site", str(site)]).exit_code in (0, 1)


def test_next_change_prints_the_next_scheduled_article(runner: CliRunner, site: Path) -> None:
    result = runner.invoke(cli, ["next-change", "--site", str(site)])
    assert result.exit_code == 0, result.output
    assert result.output == "2027-03-25T09:00:00+01:00\n"
    # What became due since an earlier deployment: the past instant says "rebuild now".
    since = runner.invoke(cli, ["next-change", "--site", str(site), "--after", "2027-01-01T00:00:00Z"])
    assert since.output == "2027-02-01T09:00:00+01:00\n"


def on_a_terminal(site: Path, *arguments: str, env: dict[str, str | None] | None = None) -> tuple[int, str]:
    """edcal run on a terminal (a pseudo-terminal), in the site's folder, with ``env``'s variables (None
    removes one): its exit code and what it showed."""
    import pty
    import sys

    pid, fd = pty.fork()
    if pid == 0:  # the child: edcal on a terminal
        os.chdir(site)
        for name, value in (env or {}).items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        os.execv(sys.executable, [sys.executable, "-m", "edcal", *arguments])
    shown = b""
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the terminal closes with the child
            break
        if not chunk:
            break
        shown += chunk
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), shown.decode("utf-8", "replace").replace("\r\n", "\n")


def test_next_change_tells_a_person_when_nothing_planned_changes_the_site(site: Path) -> None:
    """A year after the last article, `edcal next-change` on a terminal showed nothing at all, as if it had not
    run: a script reads the empty output, a person is told why. Piped, as CI reads it, it stays empty."""
    later = {"EDCAL_NOW": "2031-01-01T10:00", "EDCAL_LANG": "en"}
    code, shown = on_a_terminal(site, "next-change", env=later)
    assert code == 0 and shown == ("note: nothing planned changes the public site by itself any more: it changes "
                                   "when its sources do (a new article, a date moved)\n"), shown
    assert on_a_terminal(site, "next-change", "-q", env=later) == (0, "")
    piped = run_edcal("next-change", cwd=site, env=later)
    assert (piped.returncode, piped.stdout, piped.stderr) == (0, "", "")
    code, shown = on_a_terminal(site, "next-change", env={"EDCAL_NOW": "2027-02-15T10:00", "EDCAL_LANG": "en"})
    assert (code, shown) == (0, "2027-03-25T09:00:00+01:00\n")  # a moment: nothing else


def test_next_change_names_the_moment_a_posts_own_image_goes_online(runner: CliRunner, site: Path,
                                                                   monkeypatch) -> None:
    """An image only posts show stays out of output/ until the last of them goes out: next-change said the
    next article's date, and the scheduled builds published the image up to weeks later."""
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace("posts:\n", (
        "posts:\n  - id: carte\n    networks: [linkedin, mastodon]\n    at: 2027-02-20 12:15\n"
        "    text: Bonne année\n    image: images/carte.png\n    alt: Une carte de vœux\n"
        "    variants: {mastodon: {at: 2027-02-20 12:30}}\n"), 1), encoding="utf-8")
    images = site / "content" / "images"
    (images / "carte.png").write_bytes((images / "public.png").read_bytes())
    assert runner.invoke(cli, ["next-change", "--site", str(site)]).output == "2027-02-20T12:30:00+01:00\n"
    for now, online in (("2027-02-20T12:29:00+01:00", False), ("2027-02-20T12:30:00+01:00", True)):
        result = run_edcal("build", cwd=site, env={"EDCAL_NOW": now})
        assert result.returncode == 0, result.stderr
        assert (site / "output" / "images" / "carte.png").exists() is online, now
    monkeypatch.setenv("EDCAL_NOW", "2027-02-20T12:30:00+01:00")
    assert runner.invoke(cli, ["next-change", "--site", str(site)]).output == "2027-03-25T09:00:00+01:00\n"


def test_next_change_waits_for_the_article_that_names_a_post_s_cover_by_its_address(runner: CliRunner,
                                                                                   site: Path) -> None:
    """A video's cover that an article to come shows by its address (`![](/images/…)`, as web editors write
    it) stays out of output/ until the article is online: next-change named the post's time, and the builds
    a minute before and after it were the same. It names the first moment output/ differs."""
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace(
        "  bluesky: {slots: [mon-fri 08:30]}\n", "  bluesky: {slots: [mon-fri 08:30]}\n  instagram: {}\n").replace(
        "posts:\n", "posts:\n  - id: reel\n    networks: [instagram]\n    at: 2027-03-10 07:30\n    text: La visite\n"
        "    video: {file: https://cdn.example.org/v.mp4, cover: images/futur-secret.png, alt: Visite}\n", 1),
        encoding="utf-8")
    article = site / "content" / "articles" / "futur.md"
    article.write_text(article.read_text(encoding="utf-8").replace("image: images/futur-secret.png\n", "").replace(
        "Texte futur", "![Atelier](/images/futur-secret.png)\n\nTexte futur"), encoding="utf-8")
    assert runner.invoke(cli, ["next-change", "--site", str(site)]).output == "2027-03-25T09:00:00+01:00\n"

    def output_at(now: str) -> dict[str, bytes]:
        result = run_edcal("build", cwd=site, env={"EDCAL_NOW": now})
        assert result.returncode == 0, result.stderr
        return {p.relative_to(site / "output").as_posix(): p.read_bytes()
                for p in (site / "output").rglob("*") if p.is_file()}

    before, after = output_at("2027-03-10T07:29:00+01:00"), output_at("2027-03-10T07:31:00+01:00")
    assert before == after and "images/futur-secret.png" not in after
    before, after = output_at("2027-03-25T08:59:00+01:00"), output_at("2027-03-25T09:00:00+01:00")
    assert before != after and "images/futur-secret.png" in after


def test_next_change_names_the_moments_published_feeds_change(runner: CliRunner, site: Path, monkeypatch) -> None:
    """Published (`feeds: publish:`), the feeds are part of the public site, and change at each post's time
    and reminder: next-change named the next article only, and the public feeds went stale for weeks."""
    monkeypatch.setenv("EDCAL_NOW", "2027-03-02T08:00:00+01:00")
    assert runner.invoke(cli, ["next-change", "--site", str(site)]).output == "2027-03-25T09:00:00+01:00\n"
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace(
        "posts:\n", "feeds:\n  publish: calendriers\n  reminders: {networks: 30 minutes}\nposts:\n", 1),
        encoding="utf-8")
    assert runner.invoke(cli, ["next-change", "--site", str(site)]).output == "2027-03-02T09:30:00+01:00\n"
    monkeypatch.setenv("EDCAL_NOW", "2027-03-02T09:30:00+01:00")
    assert runner.invoke(cli, ["next-change", "--site", str(site)]).output == "2027-03-02T10:00:00+01:00\n"
    before, after = (published_feed(site, now) for now in ("2027-03-02T09:59:00+01:00", "2027-03-02T10:00:00+01:00"))
    assert before != after


def test_next_change_planning_names_the_moments_the_teams_planning_changes(runner: CliRunner, site: Path,
                                                                           monkeypatch) -> None:
    """A CI trial: planning/ deployed to the team's own server went stale between articles (the schedule
    rebuilt when the public site changed only). `--planning` names its moments too, as if published."""
    monkeypatch.setenv("EDCAL_NOW", "2027-03-02T08:00:00+01:00")
    assert runner.invoke(cli, ["next-change", "--site", str(site)]).output == "2027-03-25T09:00:00+01:00\n"
    # A post at 10:00 today: its event and pages say "publié" from then on.
    assert runner.invoke(cli, ["next-change", "--planning", "--site", str(site)]).output == \
        "2027-03-02T10:00:00+01:00\n"
    monkeypatch.setenv("EDCAL_NOW", "2027-03-02T10:00:00+01:00")
    # Then midnight, when the pages mark the new day, though no item is due before it.
    moment = runner.invoke(cli, ["next-change", "--planning", "--site", str(site)]).output
    assert "2027-03-02T10:00:00+01:00" < moment <= "2027-03-03T00:00:00+01:00\n", moment


def test_a_key_date_leaves_the_published_feeds_at_the_moment_next_change_names(runner: CliRunner, site: Path,
                                                                             monkeypatch) -> None:
    """With `past:`, a key date leaves the feeds a week after its last day: next-change did not name that
    moment, and an event named at its very moment was still there then (it left one second later)."""
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace("posts:\n", (
        "key_dates:\n  - {id: salon, name: Salon de Lyon, from: 2027-02-18, until: 2027-02-20}\n"
        "feeds:\n  publish: calendriers\n  past: 7 days\nposts:\n"), 1), encoding="utf-8")
    monkeypatch.setenv("EDCAL_NOW", "2027-02-22T10:00:00+01:00")
    assert runner.invoke(cli, ["next-change", "--site", str(site)]).output == "2027-02-28T00:00:00+01:00\n"
    assert ["Salon de Lyon" in published_feed(site, now)
            for now in ("2027-02-27T23:59:59+01:00", "2027-02-28T00:00:00+01:00")] == [True, False]


def test_next_change_leaves_out_the_moments_of_posts_a_freeze_withholds(runner: CliRunner, site: Path,
                                                                         monkeypatch) -> None:
    """A post a freeze withholds is in no feed: next-change named its time, its reminder's and the moment it
    would have left them (`past:`), and the scheduled build rebuilt feeds that had not changed."""
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace("posts:\n", (
        "feeds:\n  publish: calendriers\n  reminders: {networks: 30 minutes}\n  past: 1 day\nposts:\n"), 1),
        encoding="utf-8")
    monkeypatch.setenv("EDCAL_NOW", "2027-03-31T12:00:00+02:00")  # the post "gel" is on 1 April, frozen
    # The freeze ends as 3 April begins: its own event then says what it withheld in the past ("Il a retenu").
    assert runner.invoke(cli, ["next-change", "--site", str(site)]).output == "2027-04-03T00:00:00+02:00\n"
    assert "CANARY-WITHHELD" not in published_feed(site, "2027-04-01T10:00:00+02:00")
    assert published_feed(site, "2027-03-31T12:00:00+02:00") == published_feed(site, "2027-04-02T23:59:00+02:00")
    # It leaves the feeds a day (`past:`) after it ends, as 3 April ends: the next change.
    monkeypatch.setenv("EDCAL_NOW", "2027-04-03T00:00:00+02:00")
    assert runner.invoke(cli, ["next-change", "--site", str(site)]).output == "2027-04-04T00:00:00+02:00\n"
    assert published_feed(site, "2027-04-03T00:00:00+02:00") == published_feed(site, "2027-04-03T23:59:00+02:00")
    monkeypatch.setenv("EDCAL_NOW", "2027-04-04T00:00:00+02:00")
    assert runner.invoke(cli, ["next-change", "--site", str(site)]).output == "2027-04-08T08:00:00+02:00\n"
    assert published_feed(site, "2027-04-04T00:00:00+02:00") == published_feed(site, "2027-04-08T07:59:00+02:00")
    # The planning site published, its pages mark the post past from its time (the feeds have none of it).
    calendar.write_text(calendar.read_text(encoding="utf-8") + "planning:\n  publish: planning\n", encoding="utf-8")
    monkeypatch.setenv("EDCAL_NOW", "2027-04-01T09:00:00+02:00")
    assert runner.invoke(cli, ["next-change", "--site", str(site)]).output == "2027-04-01T10:00:00+02:00\n"


def test_next_change_names_the_moment_a_frozen_post_the_log_says_went_out_comes_back(
        runner: CliRunner, site: Path, monkeypatch) -> None:
    """Sent by hand during the freeze and logged, the post is back in the feeds from its log line's moment:
    next-change passed over it (withheld until then), and the published feed stayed stale for a week."""
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace("posts:\n", (
        "feeds:\n  publish: calendriers\nposted:\n  - {item: gel-bluesky, at: 2027-04-01 10:20}\nposts:\n"), 1),
        encoding="utf-8")
    monkeypatch.setenv("EDCAL_NOW", "2027-03-31T12:00:00+02:00")
    assert runner.invoke(cli, ["next-change", "--site", str(site)]).output == "2027-04-01T10:20:00+02:00\n"
    assert "CANARY-WITHHELD" not in published_feed(site, "2027-04-01T10:19:00+02:00")
    assert "CANARY-WITHHELD" in published_feed(site, "2027-04-01T10:20:00+02:00")


def published_feed(site: Path, now: str) -> str:
    """The published calendar.ics (`feeds: publish: calendriers`) of a build at ``now``."""
    result = run_edcal("build", cwd=site, env={"EDCAL_NOW": now})
    assert result.returncode == 0, result.stderr
    return (site / "output" / "calendriers" / "calendar.ics").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", [["next-change"], ["agenda", "--days", "400"]])
def test_next_change_and_agenda_compose_no_post(runner: CliRunner, site: Path, monkeypatch,
                                                command: list[str]) -> None:
    """They read dates, statuses and titles only: composing 10,000 drafts would cost seconds."""
    def refuse(self, parts):  # type: ignore[no-untyped-def]
        raise AssertionError(f"{parts.item_id} was composed")

    monkeypatch.setattr("edcal.plan.compose.Composer.compose", refuse)
    result = runner.invoke(cli, [*command, "--site", str(site)])
    assert result.exit_code == 0, result.output
    assert result.output.strip()


def test_next_change_prints_nothing_when_nothing_is_scheduled(runner: CliRunner, site: Path, monkeypatch) -> None:
    monkeypatch.setenv("EDCAL_NOW", "2028-01-01T00:00:00+01:00")
    result = runner.invoke(cli, ["next-change", "--site", str(site)])
    assert result.exit_code == 0 and result.output == ""


@pytest.mark.usefixtures("site_language")
def test_agenda_says_its_times_are_the_sites_on_a_computer_in_another_zone(runner: CliRunner, site: Path,
                                                                           monkeypatch) -> None:
    """A teammate in Montréal read 10:00 (Paris) as her own 10:00: the table did not say whose times it shows."""
    monkeypatch.setenv("EDCAL_NOW", "2027-03-02T08:00:00+01:00")
    monkeypatch.setenv("TZ", "America/Toronto")
    result = runner.invoke(cli, ["agenda", "--site", str(site), "--days", "7"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == f"Heures{NBSP}: heure de Paris, celle du site (cet ordinateur est à l'heure de Toronto)."
    assert lines[1].strip() == "Mardi 2 mars 2027 — aujourd'hui"
    # The site's own zone, one whose clocks keep the same time all year (Brussels), or a server's clock: no line.
    for same in ("Europe/Paris", ":Europe/Paris", "Europe/Brussels", "UTC"):
        monkeypatch.setenv("TZ", same)
        assert runner.invoke(cli, ["agenda", "--site", str(site), "--days", "7"]).output.startswith(" Mardi"), same
    monkeypatch.setenv("EDCAL_LANG", "en")
    monkeypatch.setenv("TZ", "America/Toronto")
    english = runner.invoke(cli, ["agenda", "--site", str(site), "--days", "7"])
    assert english.output.splitlines()[0] == "Times: Paris time, the site's (this computer keeps Toronto time)."
    # Montréal's computers keep America/Montreal, which the database links to Toronto: named by its own city.
    monkeypatch.setenv("TZ", "America/Montreal")
    montreal = runner.invoke(cli, ["agenda", "--site", str(site), "--days", "7"])
    assert montreal.output.splitlines()[0] == "Times: Paris time, the site's (this computer keeps Montreal time)."
    # In French, the city as French writes it (the database's names are English, without accents).
    monkeypatch.setenv("EDCAL_LANG", "fr")
    montreal = runner.invoke(cli, ["agenda", "--site", str(site), "--days", "7"])
    assert montreal.output.splitlines()[0] == (f"Heures{NBSP}: heure de Paris, celle du site (cet ordinateur est à "
                                               "l'heure de Montréal).")


@pytest.mark.usefixtures("site_language")
def test_agenda_lists_whats_coming_with_today_highlighted(runner: CliRunner, site: Path, monkeypatch) -> None:
    monkeypatch.setenv("EDCAL_NOW", "2027-03-02T08:00:00+01:00")
    result = runner.invoke(cli, ["agenda", "--site", str(site), "--days", "7"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].strip() == "Mardi 2 mars 2027 — aujourd'hui"
    assert any("10:00" in line and "LinkedIn" in line and "Bonjour le monde" in line for line in lines)
    assert "Mercredi 10 mars" not in result.output  # beyond 7 days
    only = runner.invoke(cli, ["agenda", "--site", str(site), "--days", "30", "--network", "mastodon"])
    assert "Mastodon" in only.output and "LinkedIn" not in only.output
    assert runner.invoke(cli, ["agenda", "--site", str(site), "--owner", "anna"]).exit_code == 2
    # A network by one of its aliases, as calendar.yaml takes it.
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8") + (
        "  - {id: tweet, networks: [twitter], at: 2027-03-03 10:00, text: Un tweet}\n"), encoding="utf-8")
    aliased = runner.invoke(cli, ["agenda", "--site", str(site), "--days", "7", "--network", "Twitter"])
    assert aliased.exit_code == 0 and "Un tweet" in aliased.output and "Mastodon" not in aliased.output
    # A period of the manager's choosing, past days included (February alone, last week's review).
    window = runner.invoke(cli, ["agenda", "--site", str(site), "--since", "2027-03-03", "--until", "2027-03-03"])
    assert window.exit_code == 0, window.output
    assert window.output.splitlines()[0].strip() == "Mercredi 3 mars 2027" and "Un tweet" in window.output
    assert "aujourd'hui" not in window.output and "Mardi 2 mars" not in window.output
    past = runner.invoke(cli, ["agenda", "--site", str(site), "--since", "2027-03-01T00:00", "--days", "2"])
    assert "Mardi 2 mars 2027 — aujourd'hui" in past.output and "Bonjour le monde" in past.output
    # Since a day weeks ago, without --days: on to today and the two weeks ahead ("since last month's review").
    since = runner.invoke(cli, ["agenda", "--site", str(site), "--since", "2027-02-01"])
    assert since.output.splitlines()[0].strip() == "Lundi 1er février 2027", since.output
    assert "Mardi 2 mars 2027 — aujourd'hui" in since.output and "Un tweet" in since.output
    helped = " ".join(runner.invoke(cli, ["agenda", "--help"], env={"EDCAL_LANG": "en"}).output.split())
    assert "without --days, a --since in the past shows up to 14 days from today" in helped, helped
    both = runner.invoke(cli, ["agenda", "--site", str(site), "--since", "2027-03-01", "--until", "2027-03-10",
                               "--days", "2"])
    assert both.exit_code == 2 and "--days: error: trouvé à la fois --days et --until" in both.output
    empty = runner.invoke(cli, ["agenda", "--site", str(site), "--since", "2031-01-01", "--until", "2031-01-02"])
    assert empty.exit_code == 0 and empty.output.strip() == "Rien de prévu sur cette période."


def test_agenda_of_a_stand_in_lists_the_posts_they_cover_and_the_absence(runner: CliRunner, site: Path,
                                                                       monkeypatch) -> None:
    """A user trial: Ben stands in for Ana, away, and his calendar feed holds her posts of those days; `edcal
    agenda --owner ben` showed his own items alone, neither hers he was to post nor her absence."""
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace(
        "{id: ana, name: Ana Lopes}", "{id: ana, name: Ana Lopes, away: [{from: 2027-04-19, until: 2027-04-23, "
        "reason: Congés, stand_in: ben}]}").replace(
        "{id: ben, name: Ben Marchal}", "{id: ben, name: Ben Marchal, away: [{from: 2027-04-22, until: 2027-04-22}]}")
        + "  - {id: pendant, networks: [x], at: 2027-04-20 09:00, text: Pendant, owner: ana}\n"
          "  - {id: jeudi, networks: [x], at: 2027-04-22 09:00, text: Le jeudi, owner: ana}\n"
          "  - {id: avant, networks: [x], at: 2027-04-16 09:00, text: Avant, owner: ana}\n"
          "  - {id: sien, networks: [mastodon], at: 2027-04-21 09:00, text: Le sien, owner: ben}\n",
        encoding="utf-8")
    monkeypatch.setenv("EDCAL_NOW", "2027-04-01T08:00:00+02:00")

    def agenda(*args: str, since: str = "2027-04-15") -> list[str]:
        result = runner.invoke(cli, ["agenda", "--site", str(site), "--since", since, "--until", "2027-04-24", *args],
                               env={"COLUMNS": "200"})
        assert result.exit_code == 0, result.output
        return [" ".join(line.split()) for line in result.output.splitlines()]

    absence = "Ana Lopes away from 19 to 23 April 2027 (Congés) — Ben Marchal stands in"
    ben = agenda("--owner", "ben")
    # Her post of the 20th, for her; not the one of the 22nd, when he is away too, nor the one before.
    assert any(line.endswith("[for Ana Lopes] Pendant scheduled Ana Lopes") for line in ben), ben
    assert any("Le sien" in line for line in ben) and not any("Le jeudi" in line or "Avant" in line for line in ben)
    assert absence in ben and ben[ben.index(absence) - 1] == "Monday 19 April 2027", ben
    # Under each day's heading within it: its first and last days, those with something planned between, and
    # the 22nd, when Ben is away too (his own absence, which his agenda lists as well).
    assert ben.count(absence) == 5 and "Ben Marchal away on 22 April 2027" in ben
    # Ana's own agenda: her posts as before, without the mark, and her absence.
    ana = agenda("--owner", "ana")
    assert any(line.endswith("Pendant scheduled Ana Lopes") for line in ana), ana
    assert any("Le jeudi" in line for line in ana) and any("Avant" in line for line in ana)
    assert absence in ana and not any("[for" in line for line in ana)
    everyone = agenda()
    assert absence in everyone and not any("[for" in line for line in everyone)
    assert not any("Ana Lopes away" in line for line in agenda("--owner", "ben", since="2027-04-24"))


def test_a_networks_own_owner_is_whom_every_view_gives_that_post(runner: CliRunner, site: Path,
                                                                  monkeypatch) -> None:
    """A user trial: Léa handles Instagram, not LinkedIn, but a post's one `owner:` put both networks' posts in
    her feed. A network's `owner:` under `variants:` gives that network's post to its own person: her feed,
    `edcal agenda --owner`, `owner-away`, plan.json, the exports and the planning page's filter all follow."""
    import csv
    import io

    import icalendar

    from conftest import load_plan

    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace(
        "{id: ana, name: Ana Lopes}", "{id: ana, name: Ana Lopes, away: [{from: 2027-03-09, until: 2027-03-09}]}")
        + "  - id: portes\n    networks: [linkedin, mastodon]\n    at: 2027-03-09 09:00\n"
          "    text: Portes ouvertes\n    owner: ana\n    variants:\n      mastodon: {owner: ben}\n",
        encoding="utf-8")
    now = "2027-03-01T08:00:00+01:00"
    monkeypatch.setenv("EDCAL_NOW", now)
    result = runner.invoke(cli, ["agenda", "--site", str(site), "--since", "2027-03-09", "--until", "2027-03-09",
                                 "--owner", "ben"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    ben = [" ".join(line.split()) for line in result.output.splitlines()]
    assert any("Portes ouvertes" in line and line.endswith("Ben Marchal") for line in ben), ben
    assert len([line for line in ben if "Portes ouvertes" in line]) == 1, ben  # Mastodon's, not LinkedIn's
    # owner-away tells Ana's LinkedIn post only: Ben, there that day, posts on Mastodon.
    found = json.loads(run_edcal("check", "--only", "owner-away", "--format", "json", cwd=site,
                                 env={"EDCAL_NOW": now}).stdout)["findings"]
    assert [f["item"] for f in found] == ["portes-linkedin"], found
    built = run_edcal("build", cwd=site, env={"EDCAL_NOW": now})
    assert built.returncode == 0, built.stderr
    owners = {i["id"]: i["owner"] for i in load_plan(site)["items"] if i["id"].startswith("portes")}
    assert owners == {"portes-linkedin": "ana", "portes-mastodon": "ben"}
    events = {who: {str(e["SUMMARY"]): str(e["DESCRIPTION"]) for e in icalendar.Calendar.from_ical(
        (site / "planning" / "calendars" / "people" / f"{who}.ics").read_bytes()).walk("VEVENT")}
        for who in ("ana", "ben")}
    assert "[LinkedIn] Portes ouvertes" in events["ana"] and "[Mastodon] Portes ouvertes" not in events["ana"]
    assert "[LinkedIn] Portes ouvertes" not in events["ben"]
    assert "Responsable\u00a0: Ben Marchal" in events["ben"]["[Mastodon] Portes ouvertes"].splitlines()
    rows = list(csv.DictReader(io.StringIO((site / "planning" / "exports" / "posts.csv").read_text(
        encoding="utf-8-sig"), newline="")))
    assert {r["id"]: r["owner"] for r in rows if r["id"].startswith("portes")} == owners
    # The planning page's person filter reads each card's data-owner.
    page = (site / "planning" / "agenda" / "2027-03.html").read_text(encoding="utf-8")
    cards = dict(re.findall(r'id="item-(portes-\w+)"[^<>]*data-owner="(\w*)"', page))
    assert cards == owners, cards


def test_an_articles_social_gives_an_owner_per_network(site: Path) -> None:
    """An article's `social:` takes `owner:` for a network, as it takes its text and note there: its promotion's
    posts on that network are that person's; the promotion entry's own `owner:` wins, as its note does; an
    unknown id is told in the header, with the id it was meant to be."""
    from conftest import load_plan

    header = site / "content" / "articles" / "futur.md"
    header.write_text(header.read_text(encoding="utf-8").replace(
        "tags: [secret-future-tag]\n", "tags: [secret-future-tag]\nowner: ana\nsocial: {bluesky: {owner: ben}}\n"),
        encoding="utf-8")
    env = {"EDCAL_NOW": "2027-03-01T08:00:00+01:00"}

    def owners() -> dict[str, str]:
        built = run_edcal("build", cwd=site, env=env)
        assert built.returncode == 0, built.stderr
        return {i["id"]: i["owner"] for i in load_plan(site)["items"] if i["id"].startswith("futur-")}

    assert owners() == {"futur-linkedin-0": "ana", "futur-linkedin-2w": "ana",
                        "futur-bluesky-0": "ben", "futur-bluesky-2w": "ben"}
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace(
        "  - promote: futur\n", "  - promote: futur\n    owner: ana\n"), encoding="utf-8")
    assert set(owners().values()) == {"ana"}
    header.write_text(header.read_text(encoding="utf-8").replace("owner: ben}", "owner: bne}"), encoding="utf-8")
    told = run_edcal("check", cwd=site, env={**env, "EDCAL_LANG": "en"})
    assert told.returncode == 2 and ("content/articles/futur.md:6:27: error: unknown person 'bne'\n"
                                     "    hint: did you mean 'ben'?") in told.stderr, told.stderr


def test_agenda_titles_are_the_plans_and_printed_as_written(runner: CliRunner, site: Path, monkeypatch) -> None:
    """A post without title: shows its text's first words, as plan.json does; brackets are not markup."""
    from conftest import load_plan, run_edcal

    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8") + """\
  - id: astuce
    networks: [mastodon]
    repeat: {every: week, on: thu, at: "12:15", from: 2027-03-04, count: 2}
    texts: [Huilez vos gonds chaque hiver, Graissez les serrures]
  - {id: crochets, networks: [mastodon], at: 2027-03-05 09:00, title: "Portes ouvertes [/JPO] [i]", text: Venez}
""", encoding="utf-8")
    monkeypatch.setenv("EDCAL_NOW", "2027-03-02T08:00:00+01:00")
    result = runner.invoke(cli, ["agenda", "--site", str(site), "--days", "7"], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    assert "Huilez vos gonds chaque hiver" in result.output and "Portes ouvertes [/JPO] [i]" in result.output
    assert run_edcal("build", cwd=site, env={"EDCAL_NOW": "2027-03-02T08:00:00+01:00"}).returncode == 0
    titles = {i["id"]: i["title"] for i in load_plan(site)["items"]}
    assert titles["astuce-mastodon-20270304"] == "Huilez vos gonds chaque hiver"
    assert titles["astuce-mastodon-20270311"] == "Graissez les serrures"


@pytest.mark.usefixtures("site_language")
def test_agenda_on_the_sample_site(runner: CliRunner, monkeypatch) -> None:
    from conftest import ROOT

    monkeypatch.setenv("EDCAL_NOW", "2026-11-23T10:00:00+01:00")
    result = runner.invoke(cli, ["agenda", "--site", str(ROOT), "--days", "60"], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    assert "Prévenir la corrosion" in result.output and "Vœux 2027" in result.output
    assert "Mardi 12 janvier 2027" in result.output and "Mardi 26 janvier 2027" not in result.output
    typo = runner.invoke(cli, ["agenda", "--site", str(ROOT), "--network", "instagam"], env={"EDCAL_LANG": "en"})
    assert typo.exit_code == 2
    assert "--network: error: unknown network 'instagam'" in typo.output and "'instagram'" in typo.output
    # A person or a campaign by id in any case, or by name, as the team writes them.
    by_id = runner.invoke(cli, ["agenda", "--site", str(ROOT), "--days", "60", "--owner", "camille"])
    for owner in ("Camille", "camille roux", "CAMILLE ROUX"):
        by_name = runner.invoke(cli, ["agenda", "--site", str(ROOT), "--days", "60", "--owner", owner])
        assert by_name.exit_code == 0 and by_name.output == by_id.output, owner
    assert "Camille Roux" in by_id.output and "Sophie Benali" not in by_id.output
    empty = runner.invoke(cli, ["agenda", "--site", str(ROOT), "--days", "1", "--network", "intranet"])
    assert empty.output.strip() == "Rien de prévu aujourd'hui."  # it said "dans les 1 prochains jours"
    # At 10:00 on 12 January, the article and its posts of 09:00 have gone out: nothing *more* today.
    monkeypatch.setenv("EDCAL_NOW", "2027-01-12T10:00:00+01:00")
    later = runner.invoke(cli, ["agenda", "--site", str(ROOT), "--days", "1"])
    assert later.output.strip() == "Plus rien de prévu aujourd'hui."


def test_new_creates_an_article_that_checks_and_builds(runner: CliRunner, site: Path) -> None:
    from conftest import load_plan, run_edcal

    result = runner.invoke(cli, ["new", "Salon 2027 : J-30", "--site", str(site), "--date", "2027-02-24 09:00",
                                 "--tags", "salon, industrie", "--author", "Ana Lopes"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "content/articles/salon-2027-j-30.md"
    assert runner.invoke(cli, ["check", "--site", str(site), "--only", "text-too-long"]).exit_code == 0
    # Its first paragraph is to be replaced: left as it is, it would be the summary of the article and its posts.
    # Nine days ahead, the check says so; the build that would publish it refuses it.
    told = run_edcal("check", cwd=site)
    assert told.returncode == 0 and "warning: article 'salon-2027-j-30' still begins with" in told.stdout
    refused = run_edcal("build", cwd=site, env={"EDCAL_NOW": "2027-02-24T09:00:00+01:00"})
    assert refused.returncode == 1 and "[placeholder-text]" in refused.stderr
    path = site / "content" / "articles" / "salon-2027-j-30.md"
    text = path.read_text(encoding="utf-8")
    paragraph = next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith("Le premier paragraphe"))
    assert f"content/articles/salon-2027-j-30.md:{paragraph}:1: error: " in refused.stderr  # the line to rewrite
    path.write_text(text.split("---\n")[0] + "---\n" + text.split("---\n")[1] + "---\nJ-30 avant le salon.\n",
                    encoding="utf-8")
    assert run_edcal("build", cwd=site).returncode == 0
    article = next(i for i in load_plan(site)["items"] if i["id"] == "article-salon-2027-j-30")
    assert (article["title"], article["start"], article["status"]) == \
        ("Salon 2027 : J-30", "2027-02-24T09:00:00+01:00", "scheduled")
    again = runner.invoke(cli, ["new", "Salon 2027 : J-30", "--site", str(site)])
    assert again.exit_code == 2 and "exists already" in again.output
    bad = runner.invoke(cli, ["new", "Autre", "--site", str(site), "--date", "2027-02-30"])
    assert bad.exit_code == 2 and "February 2027 has 28 days" in bad.output
    # A slug names the file: `../../../tmp/x` wrote outside the site.
    for slug in ("../../../../tmp/evil-new", "ok\n"):
        escaping = runner.invoke(cli, ["new", "Autre", "--site", str(site), "--slug", slug])
        assert escaping.exit_code == 2 and "expected letters, digits and dashes" in escaping.output
    assert not Path("/tmp/evil-new.md").exists()
    # A time the clocks skip in Paris: refused here as the build would refuse the article.
    skipped = runner.invoke(cli, ["new", "Autre", "--site", str(site), "--date", "2027-03-28 02:30"])
    assert skipped.exit_code == 2 and not (site / "content" / "articles" / "autre.md").exists()
    assert skipped.output.startswith("--date: error: 2027-03-28 02:30 does not exist in Europe/Paris")
    # Values the build would refuse are refused here, on their option (a trial's `new` wrote files check refused).
    for args, expected in (
            (["“Bonjour”"], "TITLE: error: found title “Bonjour”, between typographic quotes"),
            # Pasted with its line break: the page, the posts' "Lire l'article : …" and the events broke there.
            (["Portes ouvertes\nle programme"], "TITLE: error: found title on 2 lines ('Portes ouvertes' then 'le "
                                                 "programme'), expected one line\n    hint: give the title on one "
                                                 "line: edcal new \"Portes ouvertes le programme\""),
            (["Autre", "--tags", "#salon,#pain"], "--tags: error: found tags '#salon, #pain', written as hashtags"),
            (["Autre", "--category", "“Actus”"], "--category: error: found category “Actus”, between typographic"),
            (["Autre", "--tags", "un deux trois quatre cinq six"], "--tags: error: found one tag of 6 words; "
                                                                   "expected tags separated by commas")):
        refused = runner.invoke(cli, ["new", *args, "--site", str(site)])
        assert refused.exit_code == 2 and refused.output.startswith(expected), refused.output
    # The hint is the option's own syntax, not the header's (`tags: escalier, inox`).
    hashtags = runner.invoke(cli, ["new", "Autre", "--site", str(site), "--tags", "#escalier,#inox"])
    assert "\n    hint: write --tags escalier,inox (posts make their hashtags from the tags)\n" in hashtags.output
    assert sorted(p.name for p in (site / "content" / "articles").iterdir()) == [
        "brouillon.md", "futur.md", "publie.md", "relecture.md", "salon-2027-j-30.md"]
    draft = runner.invoke(cli, ["new", "Sans date", "--site", str(site)])
    assert "status: draft" in (site / draft.output.strip()).read_text(encoding="utf-8")
    # Apostrophes are written as a French writer types them, not doubled inside single quotes.
    quoted = runner.invoke(cli, ["new", "L'établi idéal : nos conseils", "--site", str(site), "--tags", "l'atelier"])
    header = (site / quoted.output.strip()).read_text(encoding="utf-8").split("---\n")[1]
    assert header == "title: \"L'établi idéal : nos conseils\"\nstatus: draft\ntags: [l'atelier]\n"
    brackets = runner.invoke(cli, ["new", "Outils", "--site", str(site), "--tags", "outils [pro], acier"])
    assert "tags: [\"outils [pro]\", acier]\n" in (site / brackets.output.strip()).read_text(encoding="utf-8")
    # `--tags ""` (a script's empty variable) or a stray comma names no tag: none written, no traceback.
    for empty in ("", ", "):
        untagged = runner.invoke(cli, ["new", f"Sans étiquette {len(empty)}", "--site", str(site), "--tags", empty])
        assert untagged.exit_code == 0, untagged.output
        header = (site / untagged.output.strip()).read_text(encoding="utf-8").split("---\n")[1]
        assert header == f"title: Sans étiquette {len(empty)}\nstatus: draft\n"


def test_new_refuses_the_slug_of_an_article_in_another_folder(runner: CliRunner, site: Path) -> None:
    """Last year's articles moved into content/articles/2026/: `edcal new` wrote an article named as one of them,
    which the next build refused (one slug, two articles). A translation, in its own language, is no clash."""
    from conftest import run_edcal

    articles = site / "content" / "articles"
    (articles / "2026").mkdir()
    (articles / "publie.md").rename(articles / "2026" / "publie.md")
    result = runner.invoke(cli, ["new", "Publié", "--site", str(site), "--date", "2027-03-09 09:00"])
    assert result.exit_code == 2, result.output
    assert result.output.startswith(
        "content/articles/publie.md: error: an article with this slug exists already\n"
        "    hint: content/articles/2026/publie.md has the slug 'publie': choose another title, or pass --slug\n"), \
        result.output
    assert not (articles / "publie.md").exists()
    (articles / "2026" / "bilan.md").write_text(
        "Title: Our review\nDate: 2027-02-01 09:00\nLang: en\n\nHello.\n", encoding="utf-8")
    made = runner.invoke(cli, ["new", "Bilan", "--site", str(site), "--date", "2027-03-09 09:00"])
    assert made.exit_code == 0, made.output
    assert "slug" not in run_edcal("check", cwd=site).stdout


@pytest.mark.parametrize(("source", "name", "header", "line"), [
    ("basename", "ancien-nom.md", "Title: Salon 2026\nDate: 2026-03-09 09:00\nSlug: salon\n", 3),
    ("basename", "2026/ancien-nom.md", "Title: Salon 2026\nDate: 2026-03-09 09:00\nSlug: salon\n", 3),
    ("title", "vieux.md", "Date: 2026-03-09 09:00\nTitle: Salon !\n", 2),
])
def test_new_refuses_the_slug_another_article_gives_in_its_header(runner: CliRunner, site: Path, source: str,
                                                                  name: str, header: str, line: int) -> None:
    """An article named otherwise whose `slug:` says the new one's (a file renamed, its address kept), or, where
    Pelican slugs titles (SLUGIFY_SOURCE = "title"), whose title it makes that slug of ('Salon !' gives salon):
    `edcal new` wrote the article, and the build refused both. Refused as a file of that name is."""
    write_pelicanconf(site, f'SLUGIFY_SOURCE = "{source}"\n')
    articles = site / "content" / "articles"
    (articles / "2026").mkdir()
    (articles / name).write_text(header + "\nTexte.\n", encoding="utf-8")
    result = runner.invoke(cli, ["new", "Salon", "--site", str(site), "--date", "2027-03-09 09:00"])
    assert result.exit_code == 2, result.output
    assert result.output.startswith(
        "content/articles/salon.md: error: an article with this slug exists already\n"
        f"    hint: content/articles/{name}:{line} has the slug 'salon': choose another title, or pass --slug\n"), \
        result.output
    assert not (articles / "salon.md").exists()


def test_new_in_a_blog_that_slugs_titles_writes_the_slug_its_file_is_named(runner: CliRunner, site: Path) -> None:
    """Pelican's default, SLUGIFY_SOURCE = "title" (a blog adopted as it was), makes the slug from the title its
    own way: `edcal new "L'équipe d'été n°3"` printed content/articles/l-equipe-d-ete-n3.md, whose address and id
    were lequipe-dete-ndeg3 (`edcal move l-equipe-d-ete-n3`: unknown id); `--slug court` named the file alone."""
    write_pelicanconf(site, 'SLUGIFY_SOURCE = "title"\n')
    for args, slug in ((["L'équipe d'été n°3"], "l-equipe-d-ete-n3"), (["Mon titre", "--slug", "court"], "court")):
        result = runner.invoke(cli, ["new", *args, "--site", str(site), "--date", "2027-03-09 09:00"])
        assert result.exit_code == 0, result.output
        assert result.output == f"content/articles/{slug}.md\n"
        assert f"\nslug: {slug}\n" in (site / "content" / "articles" / f"{slug}.md").read_text(encoding="utf-8")
    write_pelicanconf(site)  # in a site named after its files, the file's name is the slug: no `slug:` to write
    result = runner.invoke(cli, ["new", "Autre titre", "--site", str(site)])
    assert "slug" not in (site / "content" / "articles" / "autre-titre.md").read_text(encoding="utf-8")


def test_new_writes_the_header_style_and_key_casing_the_blog_s_articles_use(runner: CliRunner, site: Path) -> None:
    """An agency's Pelican blog, its articles all `Title: …` headers: `edcal new` wrote YAML front matter, and
    her articles came in two styles. It writes the style most of the blog's articles use, keys cased as they
    are; YAML when none, or as many, use `Key: value` lines."""
    from edcal.load.frontmatter import split_article

    articles = site / "content" / "articles"
    (articles / "ancien.md").write_text("Title: Ancien\nDate: 2026-01-05 09:00\n\nTexte.\n", encoding="utf-8")
    result = runner.invoke(cli, ["new", "Salon 2027 : J-30", "--site", str(site), "--date", "2027-02-24 9h",
                                 "--tags", "salon, inox", "--author", "Camille Roux", "--category", "Salons"])
    assert result.exit_code == 0, result.output
    text = (site / result.output.strip()).read_text(encoding="utf-8")
    assert text.startswith("Title: Salon 2027 : J-30\nDate: 2027-02-24 09:00\nAuthors: Camille Roux\n"
                           "Category: Salons\nTags: salon, inox\n\n"), text
    assert split_article(text, "x.md").metadata["tags"] == "salon, inox"
    draft = runner.invoke(cli, ["new", "Brouillon d'été", "--site", str(site)])
    assert (site / draft.output.strip()).read_text(encoding="utf-8").startswith(
        "Title: Brouillon d'été\nStatus: draft\n\n")
    for path in articles.glob("*.md"):  # lowercase keys, as some blogs write them
        path.write_text(re.sub(r"(?m)^([A-Z][a-z_]*):", lambda m: m.group(1).lower() + ":",
                               path.read_text(encoding="utf-8")), encoding="utf-8")
    lower = runner.invoke(cli, ["new", "Minuscules", "--site", str(site)])
    assert (site / lower.output.strip()).read_text(encoding="utf-8").startswith("title: Minuscules\nstatus: draft\n\n")
    for name in ("ancien.md", "salon-2027-j-30.md", "brouillon-d-ete.md", "minuscules.md"):
        (articles / name).unlink()
    even = runner.invoke(cli, ["new", "Autant", "--site", str(site)])  # two and two: YAML, as it was
    assert (site / even.output.strip()).read_text(encoding="utf-8").startswith("---\ntitle: Autant\n")


def test_new_with_a_past_date_says_the_article_goes_online_backdated(site: Path) -> None:
    """`--date 2020-01-01` wrote an article the next build put online at once, under an old date, without a
    word."""
    from conftest import run_edcal

    result = run_edcal("new", "Vieux", "--date", "2020-01-01 09:00", cwd=site, env={"EDCAL_LANG": "en"})
    assert result.returncode == 0 and result.stdout == "content/articles/vieux.md\n", result.stderr
    # "dated then" read as the build's day: the article keeps its own date, and the blog lists it by that.
    assert result.stderr == ("warning: --date 2020-01-01 09:00 is past: the next build publishes the article at "
                             "once, dated 2020-01-01 09:00, listed below the articles published since; without "
                             "--date it is a draft\n")
    ahead = run_edcal("new", "Neuf", "--date", "2027-03-01 09:00", cwd=site, env={"EDCAL_LANG": "en"})
    assert ahead.returncode == 0 and ahead.stderr == ""
    today = run_edcal("new", "Ce jour", "--date", "2027-02-15", cwd=site, env={"EDCAL_LANG": "en"})
    assert today.returncode == 0 and today.stderr == ""  # the day, not its midnight
    quiet = run_edcal("new", "Ancien", "--date", "2020-01-01", "-q", cwd=site, env={"EDCAL_LANG": "en"})
    assert quiet.returncode == 0 and quiet.stderr == "" and quiet.stdout == ""


def test_new_on_a_full_disk_leaves_no_empty_article_and_says_why(runner: CliRunner, site: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A full disk gave a traceback, exit 1, and an empty court.md: the rerun then said the slug existed."""
    from conftest import full_disk

    articles = site / "content" / "articles"
    before = sorted(p.name for p in articles.iterdir())
    with full_disk(monkeypatch):
        result = runner.invoke(cli, ["new", "Court", "--site", str(site)])
    assert result.exit_code == 2, result.output
    assert result.output == ("content/articles/court.md: error: cannot write the article: no space left on the disk\n"
                             "    hint: check the folder's permissions and free space\n"
                             "edcal: 1 error in the input; nothing was written.\n")
    assert sorted(p.name for p in articles.iterdir()) == before  # neither court.md nor a file beside it
    french = runner.invoke(cli, ["new", "Court", "--site", str(site)], env={"EDCAL_LANG": "fr"})
    assert french.exit_code == 0 and french.output == "content/articles/court.md\n", french.output
    # A folder made for the article is removed with it: `content/billets` did not exist.
    write_pelicanconf(site, 'ARTICLE_PATHS = ["billets/2027"]\n')
    with full_disk(monkeypatch):
        french = runner.invoke(cli, ["new", "Court", "--site", str(site)], env={"EDCAL_LANG": "fr"})
    assert french.exit_code == 2
    assert french.output.startswith("content/billets/2027/court.md: error: impossible d'écrire l'article\u00a0: "
                                    "plus de place sur le disque\n")
    assert not (site / "content" / "billets").exists()


@pytest.mark.parametrize("obstacle", ["file", "broken link"])
def test_new_names_what_stands_where_the_articles_folder_goes(runner: CliRunner, site: Path, obstacle: str) -> None:
    """A file or a link to nothing at content/articles gave FileExistsError's traceback."""
    import shutil

    articles = site / "content" / "articles"
    shutil.rmtree(articles)
    if obstacle == "file":
        articles.write_text("notes\n", encoding="utf-8")
        expected = ("content/articles: error: found a file; expected a folder\n"
                    "    hint: move the file away, or set ARTICLE_PATHS to another folder\n")
    else:
        articles.symlink_to(site / "elsewhere")
        expected = (f"content/articles: error: found a link to {site / 'elsewhere'}, which does not exist; expected "
                    "a folder\n    hint: create the folder it points to, or remove the link\n")
    result = runner.invoke(cli, ["new", "Court", "--site", str(site)])
    assert result.exit_code == 2 and result.output == expected + "edcal: 1 error in the input; nothing was written.\n"
    assert not (site / "elsewhere").exists() and (articles.is_symlink() or articles.read_text() == "notes\n")


def test_init_creates_a_site_that_builds_and_checks_clean(runner: CliRunner, tmp_path: Path) -> None:
    from conftest import run_edcal

    target = tmp_path / "nouveau"
    # A name YAML would read otherwise ("Durand : …", "#1 …") is quoted in calendar.yaml.
    name = "Durand : métallerie #1"
    result = runner.invoke(cli, ["init", str(target), "--name", name, "--url", "https://blog.durand.fr"])
    assert result.exit_code == 0, result.output
    assert {p.name for p in target.iterdir()} >= {"calendar.yaml", "content", "pelicanconf.py", "publishconf.py",
                                                   "overrides", ".gitignore", "README.md"}
    assert f"SITENAME = '{name}'" in (target / "pelicanconf.py").read_text(encoding="utf-8")
    # `edcal new` writes no category without --category: the article was filed under "articles", its folder.
    uncategorised = runner.invoke(cli, ["new", "Sans catégorie", "--site", str(target), "--date", "2026-01-05 09:00"])
    assert uncategorised.exit_code == 0, uncategorised.output
    written = target / uncategorised.stdout.strip()
    assert uncategorised.stderr.startswith("warning: --date 2026-01-05 09:00 is past")
    # Online already (a past date): its placeholder paragraph stops the build until it is written.
    refused = run_edcal("build", cwd=target)
    assert refused.returncode == 1 and "[placeholder-text]" in refused.stderr
    header, _, _ = written.read_text(encoding="utf-8").rpartition("---\n")
    written.write_text(header + "---\nUn premier paragraphe écrit.\n", encoding="utf-8")
    built = run_edcal("build", cwd=target)
    assert built.returncode == 0, built.stderr
    assert "blog: 2 published articles -> output/" in built.stdout
    assert (target / "output" / "category" / "divers" / "index.html").is_file()
    assert not (target / "output" / "category" / "articles").exists()
    # What docs/theme.md describes: robots.txt naming the sitemap, one folder per category and author page.
    robots = (target / "output" / "robots.txt").read_text(encoding="utf-8")
    assert "Sitemap: https://blog.durand.fr/sitemap.xml" in robots
    assert list((target / "output" / "category").glob("*/index.html"))
    assert list((target / "output" / "author").glob("*/index.html"))
    # Once the example person and account `edcal init` wrote are replaced (init said where), nothing to say.
    checked = run_edcal("check", cwd=target)
    assert checked.returncode == 0 and checked.stdout.count("[placeholder-name]") == 2, checked.stdout
    calendar = target / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace("Prénom Nom", "Claire Durand").replace(
        "@mon_entreprise@exemple.social", "@durand@mastodon.social"), encoding="utf-8")
    checked = run_edcal("check", cwd=target)
    assert checked.returncode == 0 and checked.stdout.strip() == "0 errors, 0 warnings"
    # What builds write, and a killed build's staging copy of the private plan, stay out of `git add .`.
    import subprocess

    (target / ".planning.edcal-staging-999999-x1y2").mkdir()
    (target / ".planning.edcal-staging-999999-x1y2" / "plan.json").write_text("{}", encoding="utf-8")
    subprocess.run(["git", "init", "-q", str(target)], check=True)
    status = subprocess.run(["git", "-C", str(target), "status", "--porcelain", "--untracked-files=all"],
                            capture_output=True, text=True, check=True).stdout
    assert "?? output/" not in status and "?? planning/" not in status and "staging" not in status, status
    assert "?? overrides/README.md\n" in status  # the site's changes to the theme
    written = {path: path.read_bytes() for path in target.rglob("*") if path.is_file()}
    adopted = runner.invoke(cli, ["init", str(target)])  # a site init made is a Pelican blog edcal has adopted
    assert adopted.exit_code == 0 and adopted.output.startswith(
        f"{target} is an edcal site already: nothing written.\n"), adopted.output
    assert {path: path.read_bytes() for path in target.rglob("*") if path.is_file()} == written
    (target / "pelicanconf.py").rename(target / "settings.py")  # no Pelican blog: every file clashes
    again = runner.invoke(cli, ["init", str(target)])  # each is named (up to ten), located at the folder
    first = again.output.splitlines()[0]
    # content/articles/ holds an article: init would write no sample beside it, which clashes with nothing.
    assert again.exit_code == 2 and first == (
        f"{target}: error: found 7 files edcal init would overwrite: .github/workflows/site.yml, "
        ".pre-commit-config.yaml, calendar.yaml, content/images/default.png, overrides/README.md, "
        "publishconf.py, requirements.txt"), again.output
    assert "country: FR\n" in (target / "calendar.yaml").read_text(encoding="utf-8")  # Europe/Paris's


def test_init_in_english_writes_an_english_site(runner: CliRunner, tmp_path: Path) -> None:
    """`--lang en` wrote the French sample: a US company's first build put French pages online."""
    import re

    from conftest import run_edcal

    target = tmp_path / "acme"
    result = runner.invoke(cli, ["init", str(target), "--lang", "en", "--timezone", "America/New_York",
                                 "--url", "https://blog.acme.example"])
    assert result.exit_code == 0, result.output
    calendar = (target / "calendar.yaml").read_text(encoding="utf-8")
    assert "country: US\n" in calendar and "# Check: `edcal check`" in calendar  # the zone's country
    assert sorted(p.name for p in (target / "content").rglob("*.md")) == ["about.md", "welcome.md"]
    built = run_edcal("build", "-s", "publishconf.py", cwd=target)
    assert built.returncode == 0, built.stderr
    import json

    import jsonschema

    schema = json.loads((Path(__file__).parents[1] / "docs" / "plan.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads((target / "planning" / "plan.json").read_text(encoding="utf-8")), schema)
    french = re.compile(r"[àâçéèêëîïôûùœ«»]|\b(?:le|la|les|des|nous|votre|notre)\b", re.IGNORECASE)
    pages = [*(target / "output").rglob("*.html"), *(target / "output").rglob("*.xml"),
             *(target / "planning").rglob("*.html"), *(target / "planning").rglob("*.txt")]
    leaks = {p.relative_to(target).as_posix(): french.findall(p.read_text(encoding="utf-8")) for p in pages}
    assert not {path: found for path, found in leaks.items() if found}
    assert (target / "output" / "404.html").is_file() and (target / "output" / "feeds" / "news.atom.xml").is_file()
    assert 'property="og:image" content="https://blog.acme.example/images/default.png"' in \
        (target / "output" / "index.html").read_text(encoding="utf-8")
    # What CI and pre-commit need: the workflow edcal's own repository runs, the engine pinned.
    assert (target / ".github" / "workflows" / "site.yml").read_bytes() == \
        (Path(__file__).parents[1] / ".github" / "workflows" / "site.yml").read_bytes()
    # Not installed from git here: the engine's line waits, commented out, and the command says so.
    assert "\n# edcal @ git+https://github.com/your-org/edcal@COMMIT" in (target / "requirements.txt").read_text()
    assert "Before the first push: write in requirements.txt" in result.output
    # The hook waits likewise: `pre-commit install` with an address that does not exist broke every commit.
    hook = (target / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert "\n#       - id: edcal-check\nrepos: []\n" in hook and yaml.safe_load(hook) == {"repos": []}
    # English titles keep their words whole in the slug: "we're" is "were", not "we-re".
    new = runner.invoke(cli, ["new", "Why we're hiring: the company's plans", "--site", str(target)])
    assert new.exit_code == 0 and new.output.strip().endswith("why-were-hiring-the-companys-plans.md")
    # A degree sign is dropped, not spelt out: "n°3" gave ndeg3, "20°C" 20degc (permanent URLs).
    new = runner.invoke(cli, ["new", "Portail n°3 à 20°C", "--site", str(target)])
    assert new.exit_code == 0 and new.output.strip().endswith("/portail-n3-a-20c.md"), new.output
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "calendar.yaml").write_text("version: 1\n", encoding="utf-8")
    taken = runner.invoke(cli, ["init", str(tmp_path / "taken"), "--lang", "en", "--country", "GB"])
    assert "hint: move them away, or choose a new folder: edcal init my-site" in taken.output
    eastern = runner.invoke(cli, ["init", str(tmp_path / "eastern"), "--timezone", "US/Eastern"])  # an alias
    assert eastern.exit_code == 0 and "country: US\n" in (tmp_path / "eastern" / "calendar.yaml").read_text()
    # Without --lang, a US zone gives a US English site (it gave a French one), Paris or Brussels a French one.
    assert "in English (--lang fr for French)" in eastern.output
    assert "DEFAULT_LANG = 'en-US'" in (tmp_path / "eastern" / "pelicanconf.py").read_text(encoding="utf-8")
    brussels = runner.invoke(cli, ["init", str(tmp_path / "bx"), "--timezone", "Europe/Brussels"])
    assert "DEFAULT_LANG = 'fr'" in (tmp_path / "bx" / "pelicanconf.py").read_text(encoding="utf-8")
    assert "in French (--lang en for English)" in brussels.output
    utc = runner.invoke(cli, ["init", str(tmp_path / "utc"), "--lang", "en", "--timezone", "UTC"])
    assert utc.exit_code == 0 and "\n# country: FR" in (tmp_path / "utc" / "calendar.yaml").read_text(encoding="utf-8")
    wrong = runner.invoke(cli, ["init", str(tmp_path / "x"), "--country", "Franse"])
    assert wrong.exit_code == 2 and "--country: error: found country 'Franse'" in wrong.output


def test_serve_says_why_it_cannot_listen_before_building(site: Path) -> None:
    """A port in use, an address of no interface or a name that resolves to none ended in a traceback, after a
    whole build."""
    import socket
    import subprocess
    import sys

    def refused(*options: str) -> subprocess.CompletedProcess[str]:
        result = subprocess.run([sys.executable, "-m", "edcal", "serve", "--no-watch", *options], cwd=site,
                                capture_output=True, text=True, timeout=60, check=False)
        assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
        assert not (site / "output").exists()  # said before building
        return result

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert refused("--port", str(port)).stderr.startswith(
            f"--port: error: port {port} is in use on 127.0.0.1\n    hint: another server listens there (an edcal "
            f"serve left running?): stop it, or choose another port, e.g. --port {port + 1}\n")
    assert refused("--bind", "10.255.255.254").stderr.startswith(
        "--bind: error: 10.255.255.254 is not an address of this computer\n")
    assert refused("--bind", "nowhere.invalid").stderr.startswith(
        "--bind: error: found 'nowhere.invalid', expected an address of this computer or its name\n")


def test_serve_with_nothing_to_serve_says_so(site: Path) -> None:
    """A first build that fails on a fresh clone: serve said "still serving the previous files" and served
    404 pages. Without --watch it ends; watching, it says that the site is built again on save. The line
    went to stderr, where the first test of it did not look: it still said "previous files" (the new-user
    trial), with no output/ at all or only edcal's own list of what it wrote."""
    import shutil
    import subprocess
    import sys

    (site / "calendar.yaml").write_text("version: 1\ntimezone: Europe/Paris\nnetworks: {linkdin: {}}\n",
                                        encoding="utf-8")
    env = {**os.environ, "EDCAL_LANG": "en"}
    for own_files, quiet in ((False, ()), (True, ()), (False, ("-q",))):  # -q hid the errors: exit 2, no word
        shutil.rmtree(site / "output", ignore_errors=True)
        if own_files:  # edcal's own list of what it wrote is no page to serve (a review found)
            (site / "output").mkdir()
            (site / "output" / ".edcal-files").write_text("", encoding="utf-8")
        result = subprocess.run([sys.executable, "-m", "edcal", "serve", *quiet, "--no-watch", "--port", "0"],
                                cwd=site, capture_output=True, text=True, timeout=60, check=False, env=env)
        assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
        said = result.stdout + result.stderr
        assert "calendar.yaml:3:" in said and "previous files" not in said, said
        assert said.endswith("build failed (exit 2); nothing to serve: fix the errors above and run edcal serve "
                             "again\n"), said
    process = subprocess.Popen([sys.executable, "-m", "edcal", "serve", "--port", "0"], cwd=site, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        lines = []
        for line in process.stdout:  # type: ignore[union-attr]
            lines.append(line)
            if "watching" in line:
                break
        assert "build failed (exit 2); nothing to serve yet: fix the errors above, and the site is built again " \
            "on save\n" in lines, lines
        assert not [line for line in lines if "previous files" in line], lines
    finally:
        process.kill()
        process.wait()


def test_serve_listens_on_ipv6(site: Path) -> None:
    """`--bind ::1` failed with "Address family for hostname not supported"; its address is written in brackets."""
    import urllib.request

    from edcal.commands.serve import SiteHandler, listening, url

    (site / "output").mkdir()
    (site / "output" / "index.html").write_text("<p>Bonjour</p>", encoding="utf-8")
    server = listening("::1", 0, lambda *args: SiteHandler(*args, output=site / "output", planning=site / "planning"))
    try:
        import threading

        threading.Thread(target=server.serve_forever, daemon=True).start()
        address = url("::1", server.server_address[1])
        assert address.startswith("http://[::1]:")
        with urllib.request.urlopen(address, timeout=10) as response:
            assert response.read() == b"<p>Bonjour</p>"
    finally:
        server.shutdown()
        server.server_close()
    # Written in brackets, as `edcal serve` prints it (http://[::1]:8000/), the same address.
    bracketed = listening("[::1]", 0, SiteHandler)
    try:
        assert bracketed.server_address[0] == "::1"
    finally:
        bracketed.server_close()


def test_serve_prints_no_traceback_for_a_browser_that_leaves_mid_request(capsys: pytest.CaptureFixture[str]) -> None:
    """A browser that cancels a request (a page left while it loads; a client's timeout on a busy machine) broke
    the pipe, and the terminal showed "Exception occurred during processing of request" and a traceback among
    serve's own lines. A real fault of the server is still printed."""
    from edcal.commands.serve import SiteHandler, listening

    server = listening("127.0.0.1", 0, SiteHandler)
    try:
        for gone in (BrokenPipeError(32, "Broken pipe"), ConnectionResetError(104, "Connection reset by peer")):
            try:
                raise gone
            except OSError:
                server.handle_error(None, ("127.0.0.1", 50000))  # type: ignore[arg-type]
        assert capsys.readouterr().err == ""
        try:
            raise ValueError("a fault of the server")
        except ValueError:
            server.handle_error(None, ("127.0.0.1", 50000))  # type: ignore[arg-type]
        assert "ValueError: a fault of the server" in capsys.readouterr().err
    finally:
        server.server_close()


def test_serve_serves_the_blog_and_the_plan_and_rebuilds_on_change(site: Path) -> None:
    import shutil
    import socket
    import subprocess
    import sys
    import time
    import urllib.error
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    import signal

    # The site's changes to the theme, in a folder of its own naming (an adopted blog's; `edcal init` says
    # overrides/): followed as the settings name it.
    (site / "mes-gabarits" / "translations").mkdir(parents=True)
    (site / "mes-gabarits" / "translations" / "fr.yaml").write_text("Skip to content: Aller au contenu\n",
                                                                    encoding="utf-8")
    write_pelicanconf(site, 'THEME_TEMPLATES_OVERRIDES = ["mes-gabarits"]\n')
    server = subprocess.Popen([sys.executable, "-m", "edcal", "serve", "--port", str(port)], cwd=site,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))  # a CI shell's SIG_IGN
    base = f"http://127.0.0.1:{port}"

    def fetch(path: str) -> tuple[str, bytes]:
        with urllib.request.urlopen(base + path, timeout=5) as response:
            return response.headers["Content-Type"], response.read()

    def wait_for(predicate, seconds: float = 30) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                if predicate():
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise AssertionError("timed out")

    try:
        wait_for(lambda: fetch("/")[0].startswith("text/html"))
        kind, body = fetch("/planning/plan.json")
        assert kind == "application/json; charset=utf-8" and b"hello-linkedin" in body
        # A query string (a view's link, a tracking parameter) leaves the address where it is.
        for address in ("/planning?view=month", "/planning/?view=month", "/planning/index.html?x=1"):
            kind, body = fetch(address)
            assert kind.startswith("text/html") and b"plan.json" in body, address
        assert fetch("/planning/plan.json?v=2")[1] == fetch("/planning/plan.json")[1]
        # A missing page of the blog gets the blog's own 404 page (DIRECT_TEMPLATES' 404), as the host serves it.
        (site / "output" / "404.html").write_text("<p>Page introuvable</p>\n", encoding="utf-8")
        with pytest.raises(urllib.error.HTTPError) as missing:
            fetch("/2027/no-such-article/")
        assert missing.value.code == 404 and missing.value.read() == b"<p>Page introuvable</p>\n"
        with pytest.raises(urllib.error.HTTPError) as missing:
            fetch("/planning/no-such-page.html")  # the plan's own: the server's
        assert missing.value.code == 404 and b"introuvable" not in missing.value.read()
        calendar = site / "calendar.yaml"
        calendar.write_text(calendar.read_text(encoding="utf-8").replace("Bonjour le monde", "Bonjour la planète"),
                            encoding="utf-8")
        wait_for(lambda: "Bonjour la planète" in fetch("/planning/plan.json")[1].decode("utf-8"))
        # Saved as vim, sed -i or an IDE's safe write do: a new file renamed over the old one, twice.
        for word in ("Bonsoir", "Bonne nuit"):
            replacement = site / ".calendar.yaml.tmp"
            replacement.write_text(calendar.read_text(encoding="utf-8").replace(
                "Bonjour la planète" if word == "Bonsoir" else "Bonsoir la planète", f"{word} la planète"),
                encoding="utf-8")
            replacement.replace(calendar)
            wait_for(lambda word=word: f"{word} la planète" in fetch("/planning/plan.json")[1].decode("utf-8"))
        # A calendar.d/ created while serving is followed, file by file.
        (site / "calendar.d").mkdir()
        extra = site / "calendar.d" / "ete.yaml"
        extra.write_text("posts:\n  - {id: ete, networks: [mastodon], at: 2027-07-01 10:00, text: Vive l'été}\n",
                         encoding="utf-8")
        wait_for(lambda: "Vive l'été" in fetch("/planning/plan.json")[1].decode("utf-8"))
        extra.write_text(extra.read_text(encoding="utf-8").replace("l'été", "les vacances"), encoding="utf-8")
        wait_for(lambda: "Vive les vacances" in fetch("/planning/plan.json")[1].decode("utf-8"))
        # Removed and made again (a git checkout between branches): still followed.
        shutil.rmtree(site / "calendar.d")
        wait_for(lambda: "Vive les vacances" not in fetch("/planning/plan.json")[1].decode("utf-8"))
        (site / "calendar.d").mkdir()
        extra.write_text(extra.read_text(encoding="utf-8") if extra.exists() else
                         "posts:\n  - {id: ete, networks: [mastodon], at: 2027-07-01 10:00, text: Bel automne}\n",
                         encoding="utf-8")
        wait_for(lambda: "Bel automne" in fetch("/planning/plan.json")[1].decode("utf-8"))
        extra.write_text(extra.read_text(encoding="utf-8").replace("Bel automne", "Bel hiver"), encoding="utf-8")
        wait_for(lambda: "Bel hiver" in fetch("/planning/plan.json")[1].decode("utf-8"))
        # A word saved in the site's override folder shows.
        (site / "mes-gabarits" / "translations" / "fr.yaml").write_text("Home: Page d’accueil\n",
                                                                        encoding="utf-8")
        wait_for(lambda: "Page d’accueil" in fetch("/")[1].decode("utf-8"))
    finally:
        server.send_signal(signal.SIGINT)  # Ctrl+C, as it says: its way to stop, not an interrupted build
        try:
            output = server.communicate(timeout=30)[0]
        except subprocess.TimeoutExpired:
            server.kill()
            raise
    assert server.returncode == 0 and output.rstrip().endswith("stopped") and "interrupted" not in output, output
    assert "warning" not in output  # on 127.0.0.1, the plan stays on this computer


def test_commands_find_the_site_from_one_of_its_folders(site: Path) -> None:
    """A writer in content/articles/ runs edcal where they are, as with git."""
    from conftest import run_edcal

    inside = run_edcal("check", "--only", "text-too-long", cwd=site / "content" / "articles")
    assert inside.returncode == 0, inside.stderr
    assert inside.stdout == "0 errors, 0 warnings\n"
    made = run_edcal("new", "Écrit depuis le dossier des articles", cwd=site / "content" / "articles")
    assert made.returncode == 0, made.stderr
    assert list((site / "content" / "articles").glob("ecrit-depuis-le-dossier-des-articles.md"))


def test_init_pins_the_edcal_it_was_installed_from(monkeypatch) -> None:
    """pip records where edcal came from: a site made with it pins that repository and commit."""
    from importlib import metadata

    from edcal.commands import init

    class Installed:
        def read_text(self, name: str) -> str:
            assert name == "direct_url.json"
            return ('{"url": "https://github.com/acme/edcal.git", '
                    '"vcs_info": {"vcs": "git", "commit_id": "0123abcd", "requested_revision": "v1.2"}}')

    monkeypatch.setattr(metadata, "distribution", lambda name: Installed())
    assert init.engine_lines() == {"engine_line": "edcal @ git+https://github.com/acme/edcal.git@0123abcd",
                                   "engine_hook": "repos:\n  - repo: https://github.com/acme/edcal.git\n"
                                                  "    rev: 0123abcd\n    hooks:\n      - id: edcal-check"}


def test_init_refuses_a_name_or_address_that_would_be_html_or_code(runner: CliRunner, tmp_path: Path) -> None:
    """The theme shows SITENAME as HTML: `<script>` ran on every page; a quote in --url ended SITEURL's string."""
    for args, expected in ((["--name", "<script>alert(1)</script>"], "--name: error: found '<script>alert(1)"),
                           (["--url", 'https://x.example/"; import os'], "--url: error: found 'https://x.example/\"")):
        result = runner.invoke(cli, ["init", str(tmp_path / "site"), *args])
        assert result.exit_code == 2 and result.output.startswith(expected), result.output
        assert not (tmp_path / "site").exists()


def test_a_command_outside_any_site_says_there_is_no_site(tmp_path: Path) -> None:
    """It said `pelicanconf.py:1:1: error: pelicanconf.py not found in .`: a file to open, and not the problem."""
    from conftest import run_edcal

    result = run_edcal("check", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith(f"{tmp_path}: error: found no calendar.yaml here: this is not an edcal site\n"
                                    "    hint: run edcal in the site's folder (or one inside it), pass --site DIR, "
                                    "or create a site with edcal init DIR\n"), result.stderr


@pytest.mark.usefixtures("site_language")
def test_the_agenda_lists_an_article_a_freeze_held_back_as_going_online(site: Path) -> None:
    """It showed at 00:00 of the freeze's end as "gelé", read as "still frozen" at the moment it goes online."""
    from conftest import run_edcal

    (site / "content" / "articles" / "pendant.md").write_text(
        "---\ntitle: Pendant le gel\ndate: 2027-04-01 09:00\n---\nTexte.\n", encoding="utf-8")
    result = run_edcal("agenda", "--since", "2027-04-01", "--until", "2027-04-03", cwd=site)
    assert result.returncode == 0, result.stderr
    lines = [line.split() for line in result.stdout.splitlines() if "Blog" in line]
    assert lines == [["00:00", "Blog", "Pendant", "le", "gel", "en", "ligne", "après", "le", "gel"]], result.stdout


def test_a_new_sites_country_and_language_come_from_its_own_zone() -> None:
    """Indian/Reunion links to Asia/Dubai in the time zone database, Europe/Amsterdam to Europe/Brussels:
    init gave Réunion the Emirates' holidays and an English site, the Netherlands Belgium's and a French one."""
    from edcal.commands.init import default_language
    from edcal.zones import zone_country

    assert [zone_country(zone) for zone in ("Indian/Reunion", "Europe/Amsterdam", "US/Eastern", "UTC")] == \
        ["RE", "NL", "US", None]
    assert [default_language(zone, None) for zone in ("Indian/Reunion", "Europe/Amsterdam", "Africa/Kinshasa")] == \
        ["fr", "en", "fr"]
    assert default_language("America/Chicago", "Belgique") == "fr"  # a country by its name, as --country takes it


def test_a_country_alone_gives_the_new_site_its_time_zone(runner: CliRunner, tmp_path: Path) -> None:
    """`edcal init --country GB` made a British site on Paris time: every post an hour off, in every feed."""
    made = {}
    for country in ("GB", "Germany", "US", "FR"):
        result = runner.invoke(cli, ["init", str(tmp_path / country), "--country", country])
        assert result.exit_code == 0, result.output
        made[country] = (result.output, (tmp_path / country / "calendar.yaml").read_text(encoding="utf-8"),
                         (tmp_path / country / "pelicanconf.py").read_text(encoding="utf-8"))
    output, calendar, settings = made["GB"]
    assert "in the time zone Europe/London (that of GB; --timezone for another)" in output
    assert "timezone: Europe/London\n" in calendar and "TIMEZONE = 'Europe/London'" in settings
    assert "timezone: Europe/Berlin\n" in made["Germany"][1]  # by its name, its main zone (not Büsingen's)
    # A country of several zones gets its first, and init names it: the team sees it and can choose another.
    assert "in the time zone America/New_York (that of US; --timezone for another)" in made["US"][0]
    assert "timezone: Europe/Paris\n" in made["FR"][1]
    chosen = runner.invoke(cli, ["init", str(tmp_path / "chicago"), "--country", "US", "--timezone", "America/Chicago"])
    assert "timezone: America/Chicago\n" in (tmp_path / "chicago" / "calendar.yaml").read_text(encoding="utf-8")
    assert chosen.exit_code == 0


def test_init_in_london_gives_englands_bank_holidays(runner: CliRunner, tmp_path: Path) -> None:
    """`country: GB` alone lacks Easter Monday and the August bank holiday, England's."""
    from conftest import run_edcal
    from edcal.pelican_plugin.state import BuildState
    from edcal.public_holidays import holidays_between
    from edcal.site import pelican_settings

    result = runner.invoke(cli, ["init", str(tmp_path / "uk"), "--timezone", "Europe/London"])
    assert result.exit_code == 0, result.output
    assert "\ncountry: GB\nsubdivision: ENG   #" in (tmp_path / "uk" / "calendar.yaml").read_text(encoding="utf-8")
    assert run_edcal("check", cwd=tmp_path / "uk").returncode == 0
    calendar = BuildState.start(pelican_settings(tmp_path / "uk"), render=False).calendar
    days = holidays_between(calendar, date(2027, 3, 1), date(2027, 8, 31), "en")
    assert days[date(2027, 3, 29)] == "Easter Monday" and date(2027, 8, 30) in days


@pytest.mark.parametrize(("zone", "region", "day", "name"), [
    ("Australia/Sydney", "NSW", date(2027, 6, 14), "King's Birthday"),
    ("Australia/Melbourne", "VIC", date(2027, 3, 8), "Labour Day"),
    ("America/Toronto", "ON", date(2027, 10, 11), "Thanksgiving Day"),
    ("America/Vancouver", "BC", date(2027, 5, 24), "Victoria Day"),
])
def test_init_in_australia_or_canada_gives_the_states_holidays(runner: CliRunner, tmp_path: Path, zone: str,
                                                                region: str, day: date, name: str) -> None:
    """`country: AU` alone lacks the King's Birthday and Labour Day, `country: CA` Victoria Day and
    Thanksgiving: the states' and provinces' holidays. The zone names the state or province."""
    from edcal.pelican_plugin.state import BuildState
    from edcal.public_holidays import holidays_between
    from edcal.site import pelican_settings

    result = runner.invoke(cli, ["init", str(tmp_path / "site"), "--timezone", zone])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "site" / "calendar.yaml").read_text(encoding="utf-8")
    assert f"\ncountry: {'AU' if zone.startswith('Australia') else 'CA'}\nsubdivision: {region}   # " in text
    calendar = BuildState.start(pelican_settings(tmp_path / "site"), render=False).calendar
    assert holidays_between(calendar, day, day, "en") == {day: name}


def test_a_network_the_site_has_not_set_up_is_said_so_by_agenda_and_export(runner: CliRunner, site: Path) -> None:
    """`--network facebook` said "unknown network", as if edcal did not know Facebook."""
    for command in (["agenda"], ["export", "csv"]):
        result = runner.invoke(cli, [*command, "--site", str(site), "--network", "facebook"])
        assert result.exit_code == 2
        assert "--network: error: network 'facebook' is not set up under `networks:`" in result.output
        assert "hint: networks: bluesky, linkedin, mastodon, x" in result.output
        typo = runner.invoke(cli, [*command, "--site", str(site), "--network", "linkdin"])
        assert "unknown network 'linkdin'" in typo.output and "did you mean 'linkedin'?" in typo.output
        # As a team abbreviates it (docs/calendar.md): told the id.
        short = runner.invoke(cli, [*command, "--site", str(site), "--network", "LI"])
        assert "unknown network 'LI'\n    hint: did you mean 'linkedin'?" in short.output, short.output
        # A nickname of a network edcal knows but the site has not set up: said so (it was told the list).
        nickname = runner.invoke(cli, [*command, "--site", str(site), "--network", "fb"])
        assert ("unknown network 'fb'\n    hint: 'fb' would be facebook, which is not set up under `networks:` "
                "(networks: bluesky, linkedin, mastodon, x)") in nickname.output, nickname.output
        alias = runner.invoke(cli, [*command, "--site", str(site), "--network", "twitter"])
        assert alias.exit_code == 0, alias.output


_ENDING = """
import atexit, sys
import click
from edcal import _console

class Held:
    def __del__(self):
        print("torn down")

held = Held()

@click.command()
@click.argument("code")
def command(code):
    atexit.register(lambda: print("handler ran"))
    print("output,", end=" ")
    sys.exit(int(code) if code.isdigit() else code)

_console.main(command)
"""


@pytest.mark.parametrize(("code", "status", "stderr"), [("0", 0, ""), ("3", 3, ""), ("refusé", 1, "refusé\n")])
def test_the_console_script_ends_without_pythons_teardown_but_with_its_output_and_status(
        tmp_path: Path, code: str, status: int, stderr: str) -> None:
    """After a build, freeing every object one by one took 0.3 s: the script skips that teardown, and must
    still flush what it printed into a pipe, run the exit handlers (a failed build's note in output/) and
    exit with the command's status."""
    import subprocess
    import sys

    script = tmp_path / "ending.py"
    script.write_text(_ENDING, encoding="utf-8")
    # Buffered, as a pipe is by default (a CI's environment may set PYTHONUNBUFFERED): flushed at the end.
    env = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}
    result = subprocess.run([sys.executable, str(script), code], capture_output=True, text=True, timeout=60,
                            check=False, env=env)
    assert (result.returncode, result.stdout, result.stderr) == (status, "output, handler ran\n", stderr)


#: The console script (.venv/bin/edcal), with Ctrl-C the instant Python looks for ``{module}``.
_LOADING = """
import os, signal, sys

class Interrupting:
    def find_spec(self, name, path=None, target=None):
        if name == {module!r}:
            sys.meta_path.remove(self)
            os.kill(os.getpid(), signal.SIGINT)
        return None

sys.meta_path.insert(0, Interrupting())
import re
from edcal._console import main
sys.exit(main())
"""


@pytest.mark.parametrize(("module", "words"), [("typing", ["--version"]), ("click", ["--version"]),
                                               ("edcal.site", ["check", "--help"]),
                                               ("edcal.site", ["check", "--strikt"])])
def test_ctrl_c_while_edcal_loads_exits_130_without_traceback(tmp_path: Path, module: str,
                                                              words: list[str]) -> None:
    """Ctrl-C in the first tenths of a second of a command, while its modules load: the console script's own
    (``typing``, loaded by edcal._console) gave Python's traceback and an exit by SIGINT, and so did Ctrl-C
    while a help page or a usage error learnt the site's language (``edcal.site``, 60 ms); the CLI's
    (``click``) exit 130, as Ctrl-C later does."""
    import signal
    import subprocess
    import sys

    script = tmp_path / "edcal"
    script.write_text(_LOADING.format(module=module), encoding="utf-8")
    result = subprocess.run([sys.executable, str(script), *words], capture_output=True, text=True,
                            timeout=60, check=False, env={**os.environ, "PYTHONPATH": str(ROOT / "plugins")},
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))  # a CI shell's SIG_IGN
    assert (result.returncode, result.stdout, result.stderr) == (130, "", "\nedcal: interrupted\n"), result.stderr


def test_output_that_cannot_be_written_at_the_end_is_said_and_fails(tmp_path: Path) -> None:
    """Skipping the teardown must not hide what Python says of an output it could not write (a full disk)."""
    import subprocess
    import sys

    script = tmp_path / "ending.py"
    script.write_text(_ENDING, encoding="utf-8")
    env = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}
    with open("/dev/full", "w", encoding="utf-8") as full:
        result = subprocess.run([sys.executable, str(script), "0"], stdout=full, stderr=subprocess.PIPE,
                                text=True, timeout=60, check=False, env=env)
    assert result.returncode == 120
    assert result.stderr == "edcal: cannot write the output: [Errno 28] No space left on device\n"


def _x_posts(site: Path, count: int) -> None:
    """``count`` scheduled posts on X, ten a day from 3 May 2027, in calendar.d/x.yaml."""
    from datetime import timedelta

    lines = ["posts:\n"]
    for number in range(count):
        day = date(2027, 5, 3) + timedelta(days=number // 10)
        lines.append(f"  - {{id: p{number}, at: {day} {9 + number % 10:02d}:00, networks: [x], text: Message {number}}}\n")
    (site / "calendar.d").mkdir(exist_ok=True)
    (site / "calendar.d" / "x.yaml").write_text("".join(lines), encoding="utf-8")


def test_an_export_on_a_full_disk_leaves_the_old_file_as_it_was(runner: CliRunner, site: Path, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The old file was cut to nothing while the command said "nothing was written"."""
    from conftest import full_disk

    target = tmp_path / "y.csv"
    target.write_bytes(b"last week's export\n")
    with full_disk(monkeypatch):
        result = runner.invoke(cli, ["export", "csv", "--site", str(site), "-o", str(target)],
                               env={"EDCAL_LANG": "fr"})
    assert result.exit_code == 2
    assert result.output == (f"--output: error: impossible d'écrire {target}\u00a0: plus de place sur le disque\n"
                             "    hint: libérez de la place sur son disque, ou écrivez l'export ailleurs\n"
                             "edcal: 1 erreur de saisie\u00a0; rien n'a été écrit.\n")
    assert target.read_bytes() == b"last week's export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "y.csv"]  # nothing left beside it


def test_a_split_export_is_written_whole_or_not_at_all(runner: CliRunner, site: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk filled up after x-1.csv: x-1.csv was left, with half of the posts, for someone to upload."""
    from conftest import full_disk

    _x_posts(site, 360)
    with full_disk(monkeypatch, after=1):
        result = runner.invoke(cli, ["export", "hootsuite", "--site", str(site), "--network", "x", "--since",
                                     "2027-05-01", "-o", str(tmp_path / "x.csv")])
    assert result.exit_code == 2, result.output
    assert f"--output: error: cannot write {tmp_path / 'x-2.csv'}: no space left on the disk\n" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


@pytest.mark.parametrize("stopped", ["os.fsync", "os.replace"])
def test_ctrl_c_while_an_export_is_written_leaves_every_file_as_it_was(tmp_path: Path, stopped: str,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C between two renames left x-1.csv new beside x-2.csv old, and the .edcal-tmp files of the rest
    beside them; Ctrl-C while the second file was written, the first one's."""
    from edcal import files

    first, second, third = tmp_path / "x-1.csv", tmp_path / "x-2.csv", tmp_path / "x-3.csv"
    first.write_bytes(b"old 1\n")
    second.write_bytes(b"old 2\n")
    ctrl_c_at(monkeypatch, stopped.removeprefix("os."))
    with pytest.raises(KeyboardInterrupt):
        files.write_all([(first, b"new 1\n"), (second, b"new 2\n"), (third, b"new 3\n")])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x-1.csv", "x-2.csv"]  # nothing beside them
    assert (first.read_bytes(), second.read_bytes()) == (b"old 1\n", b"old 2\n")


_TERMINATED = """
import os, signal, sys
from pathlib import Path
from edcal import files

real = os.replace
calls = []

def replace(source, target):
    calls.append(target)
    if len(calls) == 2:
        os.kill(os.getpid(), signal.SIGTERM)
    real(source, target)

os.replace = replace
folder = Path(sys.argv[1])
files.write_all([(folder / name, b"new\\n") for name in ("x-1.csv", "x-2.csv", "x-3.csv")])
print("not stopped")
"""


@pytest.mark.skipif(os.name != "posix", reason="SIGTERM as POSIX sends it")
def test_sigterm_while_an_export_is_written_leaves_every_file_as_it_was_and_ends_the_process(tmp_path: Path) -> None:
    """SIGTERM between two renames (a CI job cancelled) ended the process at once: x-1.csv new, x-2.csv old,
    the .edcal-tmp files of the rest left beside them."""
    import signal
    import subprocess
    import sys

    script = tmp_path / "terminated.py"
    script.write_text(_TERMINATED, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "x-1.csv").write_bytes(b"old 1\n")
    (out / "x-2.csv").write_bytes(b"old 2\n")
    result = subprocess.run([sys.executable, str(script), str(out)], capture_output=True, text=True, timeout=60,
                            check=False)
    assert (result.returncode, result.stdout, result.stderr) == (-signal.SIGTERM, "", "")
    assert sorted(p.name for p in out.iterdir()) == ["x-1.csv", "x-2.csv"]
    assert ((out / "x-1.csv").read_bytes(), (out / "x-2.csv").read_bytes()) == (b"old 1\n", b"old 2\n")


def test_a_shorter_split_export_removes_the_numbered_files_an_earlier_one_left(runner: CliRunner, site: Path,
                                                                              tmp_path: Path) -> None:
    """x-3.csv of a longer export stayed beside the new x-1.csv and x-2.csv: its posts could be uploaded."""
    out = tmp_path / "out"
    out.mkdir()

    def export(*options: str) -> str:
        result = runner.invoke(cli, ["export", "hootsuite", "--site", str(site), "--network", "x", "--since",
                                     "2027-05-01", "-o", str(out / "x.csv"), *options])
        assert result.exit_code == 0, result.output
        return result.output

    _x_posts(site, 710)
    export()
    assert sorted(p.name for p in out.iterdir()) == ["x-1.csv", "x-2.csv", "x-3.csv"]
    (out / "x-7.csv").write_text("date;notes\nnot an export of edcal's\n", encoding="utf-8")  # someone's own
    said = export("--until", "2027-06-07")  # 360 posts
    assert sorted(p.name for p in out.iterdir()) == ["x-1.csv", "x-2.csv", "x-7.csv"]
    assert f"note: removed {out / 'x-3.csv'}, left by an earlier export of this name: this one replaces it\n" in said
    # An archive of edcal's own, named with a year: no part of x.csv (it was removed, a review found).
    archive = runner.invoke(cli, ["export", "hootsuite", "--site", str(site), "--network", "x", "--since",
                                  "2027-05-01", "--until", "2027-05-05", "-o", str(out / "x-2026.csv")])
    assert archive.exit_code == 0, archive.output
    said = export("--until", "2027-05-05")  # one file: every numbered part of an earlier export goes
    assert sorted(p.name for p in out.iterdir()) == ["x-2026.csv", "x-7.csv", "x.csv"]
    assert f"note: removed {out / 'x-1.csv'}, {out / 'x-2.csv'}, left by an earlier export of this name: this " \
        "one replaces them\n" in said


def test_dash_is_standard_output_and_an_empty_path_is_refused(runner: CliRunner, site: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """`-o -` wrote a file named "-"; `-o ''` said "cannot write .: Is a directory"."""
    monkeypatch.chdir(tmp_path)
    dash = runner.invoke(cli, ["export", "csv", "--site", str(site), "-o", "-"])
    assert dash.exit_code == 0 and dash.stdout.startswith("\ufeffid,network,scheduled,")
    assert not (tmp_path / "-").exists()
    # The file's bytes, BOM and CRLF, whatever the terminal's encoding (latin-1 stopped on the BOM).
    import subprocess
    import sys

    written = subprocess.run(
        [sys.executable, "-m", "edcal", "export", "csv", "--site", str(site), "-o", "-"], capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "latin-1"}, check=False).stdout
    assert runner.invoke(cli, ["export", "csv", "--site", str(site), "-o", "posts.csv"]).exit_code == 0
    assert written == (tmp_path / "posts.csv").read_bytes()
    (tmp_path / "posts.csv").unlink()
    _x_posts(site, 360)
    split = runner.invoke(cli, ["export", "hootsuite", "--site", str(site), "--network", "x", "-o", "-"])
    assert split.exit_code == 2 and "--output: error: 360 posts for Hootsuite" in split.output
    empty = runner.invoke(cli, ["export", "csv", "--site", str(site), "-o", ""], env={"EDCAL_LANG": "fr"})
    assert empty.exit_code == 2
    assert empty.output == ("--output: error: trouvé un chemin vide, attendu\u00a0: le fichier à écrire, ou - pour "
                            "la sortie standard\n    hint: par exemple -o posts.csv\n"
                            "edcal: 1 erreur de saisie\u00a0; rien n'a été écrit.\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


@pytest.mark.parametrize("fmt", ["csv", "json", "hootsuite"])
def test_an_export_without_any_post_says_so(runner: CliRunner, site: Path, tmp_path: Path, fmt: str) -> None:
    """`--since 2030-01-01` wrote an empty file and said nothing."""
    network = ["--network", "linkedin"] if fmt == "hootsuite" else []
    target = tmp_path / f"posts.{fmt}"
    written = runner.invoke(cli, ["export", fmt, "--site", str(site), *network, "--since", "2030-01-01",
                                  "-o", str(target)])
    assert written.exit_code == 0 and target.is_file()
    assert written.output == f"note: no post matched: {target} holds none\n"
    printed = runner.invoke(cli, ["export", fmt, "--site", str(site), *network, "--since", "2030-01-01"],
                            env={"EDCAL_LANG": "fr"})
    assert printed.exit_code == 0
    assert printed.stderr == "note: aucune publication ne correspond\u00a0: l'export n'en contient aucune\n"
    quiet = runner.invoke(cli, ["export", fmt, "--site", str(site), *network, "--since", "2030-01-01", "-q"])
    assert quiet.exit_code == 0 and quiet.stderr == ""
    some = runner.invoke(cli, ["export", fmt, "--site", str(site), *network, "-o", str(target)])
    assert some.exit_code == 0 and "no post matched" not in some.output


def test_an_export_says_how_many_posts_a_freeze_left_out(runner: CliRunner, site: Path, tmp_path: Path) -> None:
    """During a crisis `edcal export hootsuite` said "no post matched", as for a period with nothing planned:
    nothing told whoever re-exported for the scheduler that a freeze held them, nor to pause those uploaded."""
    target = tmp_path / "bluesky.csv"
    written = runner.invoke(cli, ["export", "hootsuite", "--site", str(site), "--network", "bluesky",
                                  "--since", "2027-03-31", "--until", "2027-04-02", "-o", str(target)],
                            env={"EDCAL_LANG": "fr"})
    assert written.exit_code == 0, written.output
    assert written.stderr == (
        f"note: aucune publication ne correspond\u00a0: {target} n'en contient aucune\n"
        "note: 1 publication de cette sélection est retenue par un gel et laissée de côté\u00a0: importée avant le "
        "gel dans un outil de programmation, elle y partirait quand même\u00a0: mettez-la en pause\n")
    # A selection the freeze does not touch says nothing of it.
    other = runner.invoke(cli, ["export", "csv", "--site", str(site), "--network", "linkedin", "-o", str(target)])
    assert other.exit_code == 0 and "freeze" not in other.output


def test_the_systems_refusals_are_said_in_the_teams_words() -> None:
    """"impossible d'écrire … : No such file or directory / Is a directory / No space left on device": Python's
    English amid French words, in export, move, import, init and new."""
    import errno

    from edcal.files import os_reason
    from edcal.i18n import translator

    french = translator("fr")
    said = {code: os_reason(OSError(code, os.strerror(code), "x")) for code in (
        errno.ENOENT, errno.EISDIR, errno.ENOTDIR, errno.ENOSPC, errno.EACCES, errno.EPERM, errno.EROFS, errno.EEXIST,
        errno.EDQUOT)}
    assert {code: french(reason) for code, reason in said.items()} == {
        errno.ENOENT: "fichier ou dossier introuvable", errno.EISDIR: "c'est un dossier",
        errno.ENOTDIR: "une partie de son chemin est un fichier, pas un dossier",
        errno.ENOSPC: "plus de place sur le disque", errno.EACCES: "permission refusée",
        errno.EPERM: "opération non autorisée", errno.EROFS: "le système de fichiers est en lecture seule",
        errno.EEXIST: "il existe déjà", errno.EDQUOT: "le quota de disque est atteint"}
    assert said[errno.ENOSPC] == "no space left on the disk"  # and in English, no Python's words either
    # Another refusal: the system's words, as a reason is written in a sentence.
    assert os_reason(OSError(errno.EMFILE, "Too many open files")) == "too many open files"
    assert os_reason(OSError("no number")) == "the system refused"


def test_check_on_a_terminal_is_coloured_unless_no_color_is_set(site: Path) -> None:
    """https://no-color.org: a terminal's user who set NO_COLOR got the findings in colour all the same."""
    coloured = CliRunner().invoke(cli, ["check", "--site", str(site)], color=True)  # as on a terminal
    assert "warning" in coloured.output and "\x1b[" in coloured.output
    plain = CliRunner().invoke(cli, ["check", "--site", str(site)], color=True, env={"NO_COLOR": "1"})
    assert plain.exit_code == coloured.exit_code and "\x1b[" not in plain.output
    assert plain.output == coloured.output.replace("\x1b[0m", "").replace("\x1b[1m", "").replace(
        "\x1b[2m", "").replace("\x1b[31m", "").replace("\x1b[33m", "")


def test_the_paths_a_terminal_shows_are_from_the_current_folder(site: Path) -> None:
    """`edcal check --site blog`, a pre-commit hook's for a site in a folder of its repository, printed
    `calendar.yaml:52:11`, which the terminal and the editor opened from the repository's root: the wrong
    file. Paths are shown from where the command ran, as git shows them; JSON keeps them the site's."""
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace("timezone:", "timzone:", 1), encoding="utf-8")
    line = next(n for n, text in enumerate(calendar.read_text(encoding="utf-8").splitlines(), 1)
                if text.startswith("timzone:"))
    from_parent = run_edcal("check", "--site", site.name, cwd=site.parent)
    assert from_parent.returncode == 2
    assert from_parent.stderr.startswith(f"{site.name}/calendar.yaml:{line}:1: error: unknown field 'timzone'")
    articles = site / "content" / "articles"
    from_articles = run_edcal("check", cwd=articles)  # the site found above, as git finds its repository
    assert from_articles.stderr.startswith(f"../../calendar.yaml:{line}:1: error:"), from_articles.stderr
    assert run_edcal("check", cwd=site).stderr.startswith(f"calendar.yaml:{line}:1: error:")
    # A finding too; and what scripts read is the site's path, wherever the command ran.
    calendar.write_text(calendar.read_text(encoding="utf-8").replace("timzone:", "timezone:", 1), encoding="utf-8")
    (articles / "lien.md").write_text("Title: Lien\nDate: 2027-02-20 09:00\n\nVoir [ici](absent.md).\n",
                                      encoding="utf-8")
    found = run_edcal("check", "--only", "article-link", "--site", site.name, cwd=site.parent)
    assert f"{site.name}/content/articles/lien.md:4:" in found.stdout, found.stdout
    as_json = run_edcal("check", "--only", "article-link", "--format", "json", "--site", site.name, cwd=site.parent)
    assert {f["file"] for f in json.loads(as_json.stdout)["findings"]} == {"content/articles/lien.md"}


def test_the_spinner_on_a_terminal_speaks_the_sites_language(site: Path) -> None:
    """On a terminal, `edcal build` showed "Building the blog and the plan…" on a French site: the spinner
    came before the site's settings were read."""
    code, shown = on_a_terminal(site, "build", "--no-check", env={"EDCAL_LANG": None})  # no language forced
    assert code == 0, shown
    assert "Construction du blog et du plan…" in shown
    assert "Building the blog" not in shown


def test_a_site_reached_by_a_link_in_the_current_folder_shows_its_paths_from_it(site: Path) -> None:
    """`--site blog`, blog a link to the site's folder elsewhere (a checkout shared between projects): the
    paths were the site's own, calendar.yaml:52:1, which the terminal opened in the current folder."""
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace("timezone:", "timzone:", 1), encoding="utf-8")
    line = next(n for n, text in enumerate(calendar.read_text(encoding="utf-8").splitlines(), 1)
                if text.startswith("timzone:"))
    elsewhere = site.parent / "projet"
    elsewhere.mkdir()
    (elsewhere / "blog").symlink_to(site, target_is_directory=True)
    result = run_edcal("check", "--site", "blog", cwd=elsewhere)
    assert result.returncode == 2
    assert result.stderr.startswith(f"blog/calendar.yaml:{line}:1: error: unknown field 'timzone'"), result.stderr


def test_new_prints_the_articles_path_from_the_current_folder(site: Path) -> None:
    """`edcal new --site blog "Titre"` printed content/articles/titre.md, which `$EDITOR "$(edcal new …)"`
    opened, empty, in the current folder: the path is from there, as the errors' are."""
    result = run_edcal("new", "--site", site.name, "Nos portails", cwd=site.parent)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"{site.name}/content/articles/nos-portails.md\n"
    assert (site.parent / result.stdout.strip()).is_file()
    assert run_edcal("new", "Nos grilles", cwd=site).stdout == "content/articles/nos-grilles.md\n"


def test_the_paths_in_a_messages_words_are_from_the_current_folder_too(site: Path) -> None:
    """`edcal check --site blog` said `blog/calendar.d/b.yaml:2:10: error: post id 'hello' is defined twice
    (first at calendar.yaml:21)`: the first path opened, the second did not, from where the command ran."""
    (site / "calendar.d").mkdir(exist_ok=True)
    (site / "calendar.d" / "b.yaml").write_text(
        "posts:\n  - {id: hello, at: 2027-03-02 09:00, networks: [mastodon], text: Encore}\n", encoding="utf-8")
    line = next(n for n, text in enumerate((site / "calendar.yaml").read_text(encoding="utf-8").splitlines(), 1)
                if text.strip() == "- id: hello")
    result = run_edcal("check", "--site", site.name, cwd=site.parent)
    assert result.returncode == 2
    assert f"{site.name}/calendar.d/b.yaml:2:10: error: " in result.stderr, result.stderr
    assert f"(first at {site.name}/calendar.yaml:{line})" in result.stderr, result.stderr
    assert f"(first at calendar.yaml:{line})" in run_edcal("check", cwd=site).stderr


def test_new_writes_the_date_as_the_header_writes_it(runner: CliRunner, site: Path) -> None:
    """`--date "2026-12-15 9h"`, which the build reads as 09:00, was written as typed: a reader of the header
    (and another tool reading it) did not know when the article goes live."""
    for typed, written in (("2027-03-15 9h", "2027-03-15 09:00"), ("2027-03-16 14h30", "2027-03-16 14:30"),
                           ("2027-03-17", "2027-03-17"), ("2027-03-18T10:30+02:00", "2027-03-18T10:30+02:00")):
        result = runner.invoke(cli, ["new", f"Article {typed}", "--site", str(site), "--date", typed],
                               env={"EDCAL_LANG": "en"})
        assert result.exit_code == 0, result.output
        header = (site / result.output.strip()).read_text(encoding="utf-8").split("---\n")[1]
        assert f"date: {written}\n" in header.replace("'", "").replace('"', "")


def test_new_with_a_slot_for_a_time_names_the_slot_s_time(site: Path) -> None:
    """`--date "2027-03-02 midi"` in a site whose calendar.yaml names `midi` was told "expected a time (HH:MM) or
    a slot named in slots: (none are defined)": the slots are there, and an article's date takes none."""
    from conftest import run_edcal

    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace("timezone: Europe/Paris\n",
                                                                     "timezone: Europe/Paris\nslots: {midi: \"12:15\"}\n",
                                                                     1), encoding="utf-8")
    result = run_edcal("new", "Midi", "--date", "2027-03-02 midi", cwd=site, env={"EDCAL_LANG": "en"})
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith("--date: error: found 'midi' after the date, expected a time (HH:MM)\n"
                                    "    hint: slots are the networks' times, not the blog's: write the time of "
                                    "'midi', 2027-03-02 12:15\n"), result.stderr
    assert not (site / "content" / "articles" / "midi.md").exists()


#: The night the clocks go back in Paris: 02:00 to 03:00 happens twice, at +02:00 then at +01:00.
REPEATED_HOUR = """\
version: 1
timezone: Europe/Paris
networks:
  x: {}
  mastodon: {}
posts:
  - {id: premier, at: '2027-10-31 02:40+02:00', networks: [x], text: Premier passage}
  - {id: second, at: '2027-10-31 02:10+01:00', networks: [x], text: Second passage}
  - {id: brouillon, at: '2027-10-31 02:10+01:00', networks: [mastodon], text: Pas prêt, status: draft}
"""


def test_the_repeated_hour_s_second_pass_is_after_its_first(runner: CliRunner, empty_site, monkeypatch) -> None:
    """At 02:20 +02:00 (00:20 UTC), a post at 02:10 +01:00 (01:10 UTC) is 50 minutes ahead. The agenda left it
    out as past, called the draft at that time "not gone out" already, and next-change skipped the article of
    that time: the site's "now" and the items' times are of one zone, which Python compares by wall clocks."""
    article = "Title: Nuit\nDate: 2027-10-31T02:10:00+01:00\n\nTexte.\n"
    site = empty_site(REPEATED_HOUR, {"nuit.md": article})
    monkeypatch.setenv("EDCAL_NOW", "2027-10-31T02:20:00+02:00")
    agenda = runner.invoke(cli, ["agenda", "--site", str(site), "--days", "1"])
    assert agenda.exit_code == 0, agenda.output
    rows = [" ".join(line.split()) for line in agenda.output.splitlines()[1:]]
    # Each pass of the repeated hour with its offset: which 02:10 is which.
    assert rows == ["02:40 (UTC+02:00) ● X Premier passage scheduled", "02:10 (UTC+01:00) Blog Nuit scheduled",
                    "02:10 (UTC+01:00) ● Mastodon Pas prêt draft",
                    "02:10 (UTC+01:00) ● X Second passage scheduled"], rows
    change = runner.invoke(cli, ["next-change", "--site", str(site)])
    assert change.exit_code == 0 and change.output.strip() == "2027-10-31T02:10:00+01:00", change.output
    # At 02:20 +01:00, the first pass's 02:40 went out 40 minutes ago: the agenda from now no longer shows it.
    monkeypatch.setenv("EDCAL_NOW", "2027-10-31T02:20:00+01:00")
    later = runner.invoke(cli, ["agenda", "--site", str(site), "--days", "1"])
    assert "Premier passage" not in later.output and "Nothing more planned today" in later.output, later.output


#: A post every night at 02:30, with no end: its nights of 2027 settled under `moved:`, as the errors said.
NIGHTLY_NO_END = """\
version: 1
timezone: Europe/Paris
networks:
  mastodon: {}
posts:
  - id: veille
    title: La veille de nuit
    networks: [mastodon]
    repeat:
      every: day
      at: '02:30'
      from: 2027-03-20
      moved: {2027-03-28: '2027-03-28 03:30', 2027-10-31: '2027-10-31 02:30+01:00'}
    text: La veille de nuit.
"""


def test_a_clock_change_a_rule_with_no_end_comes_to_stops_no_scheduled_build(empty_site) -> None:
    """A recurring post with no end is planned a year ahead (`horizon`). On 26 March 2027, with nothing
    changed, its night of 26 March 2028 (02:30 skipped) came into the plan as an input error: the scheduled
    build wrote nothing (no article due went online), and next-change failed. Such a night is left out of
    the plan, and `edcal check` says so with what to write; an end written, the errors stay (test_resolve)."""
    site = empty_site(NIGHTLY_NO_END)
    for now in ("2027-03-25T10:00:00+01:00", "2027-03-26T10:00:00+01:00"):
        build = run_edcal("build", cwd=site, env={"EDCAL_NOW": now})
        assert build.returncode == 0, (now, build.stderr)
        change = run_edcal("next-change", "--planning", cwd=site, env={"EDCAL_NOW": now})
        assert change.returncode == 0, change.stderr
    ids = {item["id"] for item in json.loads((site / "planning" / "plan.json").read_text(encoding="utf-8"))["items"]}
    assert {"veille-mastodon-20280325", "veille-mastodon-20270328"} <= ids
    assert "veille-mastodon-20280326" not in ids
    check = run_edcal("check", "--only", "clock-change-night", cwd=site, env={"EDCAL_NOW": "2027-03-26T10:00:00+01:00"})
    assert check.returncode == 0, check.stderr
    assert check.stdout == (
        "calendar.yaml:10:7: warning: 2028-03-26 02:30 does not exist in Europe/Paris: the clocks go forward "
        "that night (occurrence of 2028-03-26, Mastodon): 'veille' has no end, and leaves out that night "
        "[clock-change-night]\n"
        "    hint: under `repeat:`, give that day a time that exists: `moved: {2028-03-26: \"2028-03-26 "
        "03:30\"}`; or leave the day out: `except: [2028-03-26]`\n"
        "\n0 errors, 1 warning\n")


def test_a_piped_agenda_says_an_absence_on_one_line(runner: CliRunner, site: Path, monkeypatch) -> None:
    """Piped, the agenda is one line per item, whatever the width: an absence's words were cut at 80 columns,
    a line for grep split in two."""
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace(
        "{id: ana, name: Ana Lopes}", "{id: ana, name: Ana Lopes, away: [{from: 2027-04-19, until: 2027-04-23, "
        "reason: 'Congés d\'\'été, atelier fermé pour la semaine', stand_in: ben}]}"), encoding="utf-8")
    monkeypatch.setenv("EDCAL_NOW", "2027-04-01T08:00:00+02:00")
    result = runner.invoke(cli, ["agenda", "--site", str(site), "--since", "2027-04-19", "--until", "2027-04-20"])
    assert result.exit_code == 0, result.output
    assert ("  Ana Lopes away from 19 to 23 April 2027 (Congés d'été, atelier fermé pour la semaine) — Ben "
            "Marchal stands in\n") in result.output, result.output


def test_an_agenda_with_nothing_in_its_days_names_the_next_day_planned(runner: CliRunner, empty_site,
                                                                        site_language, monkeypatch) -> None:
    """A user trial: a new site plans its posts from next month; `edcal agenda`, the command init names,
    said only "nothing planned in the next 14 days", and not when its plan starts nor how to see it."""
    site = empty_site("version: 1\ntimezone: Europe/Paris\nnetworks: {linkedin: {}, mastodon: {}}\nposts:\n"
                      "  - {id: voeux, networks: [linkedin], at: 2027-03-16 09:00, text: Bonne année}\n"
                      "  - {id: loin, networks: [mastodon], at: 2027-05-04 09:00, text: Plus tard}\n")
    monkeypatch.setenv("EDCAL_NOW", "2027-02-15T10:00:00+01:00")
    result = runner.invoke(cli, ["agenda", "--site", str(site)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "Rien de prévu dans les 14 prochains jours.",
        "Ensuite\u00a0: mardi 16 mars 2027 (edcal agenda --since 2027-03-16).",
    ]
    # The filters given hold for the next day too.
    mastodon = runner.invoke(cli, ["agenda", "--site", str(site), "--network", "mastodon"])
    assert "Ensuite\u00a0: mardi 4 mai 2027 (edcal agenda --since 2027-05-04 --network mastodon)." in mastodon.output, mastodon.output
    # Nothing after either: the plan has no more, and the agenda says where posts are written.
    monkeypatch.setenv("EDCAL_NOW", "2027-06-01T10:00:00+02:00")
    after = runner.invoke(cli, ["agenda", "--site", str(site)])
    assert after.output.splitlines() == [
        "Rien de prévu dans les 14 prochains jours, ni après\u00a0: les publications s'ajoutent sous posts: "
        "dans calendar.yaml.",
    ]


def test_the_text_report_prints_the_first_100_input_errors_and_counts_the_rest(site: Path) -> None:
    """10,000 unknown networks printed 2.5 MB of errors, the summary line at its end; the JSON lists them all,
    and the exit code stays 2."""
    calendar = site / "calendar.yaml"
    posts = "".join(f"  - {{id: p{n}, networks: [reseau{n}], text: T, at: 2027-03-02 09:00}}\n" for n in range(150))
    calendar.write_text(calendar.read_text(encoding="utf-8").replace("posts:\n", "posts:\n" + posts, 1),
                        encoding="utf-8")
    runner = CliRunner()
    for command in (["check"], ["build"]):
        result = runner.invoke(cli, [*command, "--site", str(site)])
        lines = result.output.splitlines()
        assert result.exit_code == 2, result.output
        assert sum(": error: unknown network 'reseau" in line for line in lines) == 100, command
        more = "`--format json` lists them all" if command == ["check"] \
            else "`edcal check --format json` lists them all"
        assert lines[-2:] == [f"… and 50 more errors: {more}",
                              "edcal: 150 errors in the input" + ("" if command == ["check"] else
                                                                  "; nothing was written") + "."], lines[-3:]
    as_json = json.loads(runner.invoke(cli, ["check", "--site", str(site), "--format", "json"]).output)
    assert as_json["summary"]["errors"] == len(as_json["findings"]) == 150


def test_errors_no_command_lists_are_counted_without_naming_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """An imported sheet's errors: `edcal check` does not read the sheet, so the count names no command."""
    import io

    from edcal.errors import InputError, InputErrors, report
    from edcal.i18n import speak
    from edcal.model.source import Source

    errors = InputErrors(InputError(Source("plan.csv", line, 18), "unknown network 'x'") for line in range(1, 102))
    stream = io.StringIO()
    report(errors, stream, listing=None)
    assert stream.getvalue().splitlines()[-2:] == ["… and 1 more error, not shown",
                                                   "edcal: 101 errors in the input; nothing was written."]
    monkeypatch.setenv("EDCAL_LANG", "fr")
    speak(None)
    stream = io.StringIO()
    report(errors, stream)
    assert stream.getvalue().splitlines()[-2] == "… et 1 autre erreur\u00a0: `edcal check --format json` les liste toutes"


@pytest.mark.parametrize(("social", "column"), [("{linkedin: Texte A, LinkedIn: Texte B}", 29),
                                                 ("{x: Texte A, twitter: Texte B}", 22)])
def test_a_network_given_twice_in_social_is_an_error(runner: CliRunner, site: Path, social: str,
                                                     column: int) -> None:
    """`social: {linkedin: A, LinkedIn: B}` kept one text and dropped the other, without a word."""
    article = site / "content" / "articles" / "publie.md"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("\n---\n", f"\nsocial: {social}\n---\n", 1) if text.startswith("---")
                       else f"Social: {social}\n" + text, encoding="utf-8")
    result = runner.invoke(cli, ["check", "--site", str(site)], env={"EDCAL_LANG": "en"})
    assert result.exit_code == 2, result.output
    assert f":{column}: error: found '" in result.output and "given already in `social:` (" in result.output, \
        result.output


def test_a_network_named_twice_in_social_networks_is_an_error(runner: CliRunner, site: Path) -> None:
    """An article's `social: {networks: [linkedin, LinkedIn]}` named the network twice, without a word."""
    article = site / "content" / "articles" / "publie.md"
    text = article.read_text(encoding="utf-8")
    social = "{networks: [linkedin, LinkedIn]}"
    article.write_text(text.replace("\n---\n", f"\nsocial: {social}\n---\n", 1) if text.startswith("---")
                       else f"Social: {social}\n" + text, encoding="utf-8")
    result = runner.invoke(cli, ["check", "--site", str(site)], env={"EDCAL_LANG": "en"})
    assert result.exit_code == 2, result.output
    assert "error: found 'LinkedIn', the network 'linkedin' given already in `networks:` (" in result.output, \
        result.output


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root gives files away")
def test_files_root_creates_in_someone_elses_folder_are_that_folders_owners(site: Path, tmp_path: Path) -> None:
    """`sudo edcal new`, or edcal in a CI container on a repository mounted in it: the new article, the
    calendar.d/ file (and folder) of an import, a new site were root's, which its owner could then not edit,
    while a file edcal replaces keeps its owner. A new file or folder takes the owner and group of the folder
    it is made in; in root's own folder, it stays root's."""
    def owners(root: Path) -> set[tuple[int, int]]:
        return {(path.stat().st_uid, path.stat().st_gid) for path in (root, *root.rglob("*"))}

    nobody = (65534, 65534)
    for path in (site, *site.rglob("*")):
        os.chown(path, *nobody, follow_symlinks=False)
    made = run_edcal("new", "Nos apprentis", "--date", "2027-03-09 09:00", cwd=site)
    assert made.returncode == 0, made.stderr
    sheet = tmp_path / "plan.csv"
    sheet.write_text("date,network,text\n2027-03-03 09:30,linkedin,Bonjour\n", encoding="utf-8")
    imported = run_edcal("import", str(sheet), cwd=site)
    assert imported.returncode == 0, imported.stdout + imported.stderr
    assert (site / "content" / "articles" / "nos-apprentis.md").is_file() and (site / "calendar.d").is_dir()
    assert owners(site) == {nobody}
    home = tmp_path / "home"
    home.mkdir()
    os.chown(home, *nobody)
    new_site = run_edcal("init", "blog", "--url", "https://blog.example.fr", cwd=home)
    assert new_site.returncode == 0, new_site.stderr
    assert owners(home / "blog") == {nobody}
    root_own = run_edcal("init", "blog", "--url", "https://blog.example.fr", cwd=tmp_path)
    assert root_own.returncode == 0, root_own.stderr
    assert owners(tmp_path / "blog") == {(0, 0)}


def test_new_refuses_an_author_with_a_comma_which_pelican_reads_as_two(runner: CliRunner, site: Path) -> None:
    """`edcal new --author "Smith, John"` wrote `Authors: Smith, John`: Pelican split it at its comma, two
    authors, 'Smith' and 'John', each with a page, without a word. One --author is one name; several authors,
    several --author."""
    articles = site / "content" / "articles"
    (articles / "ancien.md").write_text("Title: Ancien\nDate: 2026-01-05 09:00\n\nTexte.\n", encoding="utf-8")
    (articles / "autre.md").write_text("Title: Autre\nDate: 2026-01-06 09:00\n\nTexte.\n", encoding="utf-8")
    before = sorted(articles.iterdir())
    refused = runner.invoke(cli, ["new", "Salon", "--site", str(site), "--author", "Smith, John"],
                            env={"EDCAL_LANG": "en"})
    assert refused.exit_code == 2, refused.output
    assert refused.output.splitlines()[:2] == [
        "--author: error: found 'Smith, John', a name with a comma: Pelican reads a comma between two authors "
        "('Smith', 'John')",
        "    hint: one author: --author \"John Smith\"; several: --author Smith --author John"], refused.output
    assert sorted(articles.iterdir()) == before and "Traceback" not in refused.output
    two = runner.invoke(cli, ["new", "Salon", "--site", str(site), "--author", "Ana Lopes", "--author", "Ben Marchal"])
    assert two.exit_code == 0, two.output
    assert "Authors: Ana Lopes, Ben Marchal\n" in (site / two.output.strip()).read_text(encoding="utf-8")


@pytest.mark.usefixtures("site_language")
def test_the_agenda_says_the_freeze_in_force_and_why(tmp_path: Path) -> None:
    """In a crisis every line said "gelé", and nothing said since when, until when, nor why: the team
    running `edcal agenda` that morning had to open calendar.yaml to learn it."""
    from conftest import crisis_sample, run_edcal

    site = crisis_sample(tmp_path / "crisis")
    env = {"EDCAL_NOW": "2027-01-12T10:00"}
    result = run_edcal("agenda", "--days", "10", cwd=site, env=env)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:2] == [
        "Gel des publications en cours depuis le 12/01/2027 à\u00a009:40, jusqu'à nouvel ordre, sur tous les réseaux\u00a0: "
        "Bad buzz sur la vidéo du chantier : on suspend tout",
        "Gel des publications du 20/01/2027 au 21/01/2027 inclus, sur Mastodon\u00a0: Migration de notre "
        "compte Mastodon vers une nouvelle instance"], result.stdout
    assert "gelé" in lines[5]  # each withheld post says so still
    # A freeze of networks the agenda does not show is left out; a freeze not in the days shown too.
    linkedin = run_edcal("agenda", "--days", "10", "--network", "linkedin", cwd=site, env=env).stdout
    assert "Mastodon vers" not in linkedin and linkedin.startswith("Gel des publications en cours depuis")
    assert "Gel des" not in run_edcal("agenda", "--until", "2027-01-12T09:00", "--since", "2027-01-11",
                                      cwd=site, env=env).stdout


@pytest.mark.usefixtures("site_language")
def test_the_agenda_says_for_a_week_what_a_lifted_freeze_withheld_that_never_went_out(tmp_path: Path) -> None:
    """After the crisis the agenda showed the days to come and nothing of the posts that never went out: the team
    learnt it from `edcal check` or the planning pages only."""
    from conftest import crisis_sample, run_edcal

    lifted = '  - from: 2027-01-12 09:40\n    until: 2027-01-14 10:00\n    reason: "Bad buzz : on suspend tout"\n'
    site = crisis_sample(tmp_path / "crisis", lifted)
    result = run_edcal("agenda", cwd=site, env={"EDCAL_NOW": "2027-01-15T10:00"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(
        "Gel des publications levé, du 12/01/2027 à\u00a009:40 au 14/01/2027 à\u00a010:00 (Bad buzz : on suspend tout)"
        "\u00a0: 3 publications qu'il a retenues ne sont jamais parties\u00a0; edcal check --only withheld-now-past les "
        "nomme, et dit comment envoyer chacune\n"), result.stdout
    # A week after its end, the line is gone, as the planning pages' notice.
    later = run_edcal("agenda", cwd=site, env={"EDCAL_NOW": "2027-01-21T10:01"})
    assert "levé" not in later.stdout, later.stdout


@pytest.mark.usefixtures("site_language")
def test_agenda_gives_a_zoned_accounts_post_its_accounts_time_too(runner: CliRunner, site: Path, monkeypatch) -> None:
    """`edcal agenda --network linkedin-qc` showed a post written for 20:00 in Montréal as "Vendredi 21 mai 02:00"
    alone, the site's time: its owner in Montréal looked for a post at 02:00. Its row adds the account's time, as
    the feeds' *Heure :* line says it; a post on the site's clock keeps its row as it was."""
    monkeypatch.setenv("EDCAL_NOW", "2027-05-18T08:00:00+02:00")
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace(
        "networks:\n", "networks:\n  linkedin-qc: {like: linkedin, name: LinkedIn Québec, timezone: America/Toronto}\n",
        1) + "  - {id: soiree, networks: [linkedin-qc, linkedin], at: 2027-05-20 20:00, text: La soirée}\n",
        encoding="utf-8")
    every = runner.invoke(cli, ["agenda", "--site", str(site), "--days", "7"])
    rows = [" ".join(line.split()) for line in every.output.splitlines()]
    assert "20:00 ● LinkedIn La soirée planifié" in rows, every.output
    assert any(row.startswith("02:00 ; heure du compte : 20:00, jeudi 20 mai 2027 (heure de Toronto) ● LinkedIn "
                              "Québec") for row in rows), every.output


@pytest.mark.usefixtures("site_language")
def test_agenda_of_a_zoned_account_gives_its_days_on_its_clock(runner: CliRunner, site: Path, monkeypatch) -> None:
    """`edcal agenda --network linkedin-qc` listed the Montréal account's Thursday-evening post under Friday, the
    site's day, at 02:00 (and its own time after it): its owner, who asked for that account alone, read her week
    on Paris's clock. Its days and times are the account's, and the first line says so."""
    monkeypatch.setenv("EDCAL_NOW", "2027-05-18T08:00:00+02:00")
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace(
        "networks:\n", "networks:\n  linkedin-qc: {like: linkedin, name: LinkedIn Québec, timezone: America/Montreal}\n",
        1) + "  - {id: soiree, networks: [linkedin-qc, linkedin], at: 2027-05-20 20:00, text: La soirée}\n"
             "  - {id: matin, networks: [linkedin-qc], at: 2027-05-18 01:30, text: Tôt}\n",
        encoding="utf-8")
    result = runner.invoke(cli, ["agenda", "--site", str(site), "--days", "7", "--network", "linkedin-qc"])
    assert result.exit_code == 0, result.output
    rows = [" ".join(line.split()) for line in result.output.splitlines()]
    assert rows[0] == "Heures : heure de Montréal, celle du compte LinkedIn Québec (le site est à l'heure de Paris).", rows
    thursday = rows.index("Jeudi 20 mai 2027")
    assert rows[thursday + 1] == "20:00 ● LinkedIn Québec La soirée planifié", result.output
    assert "Vendredi 21 mai 2027" not in rows
    # 08:00 in Paris is 02:00 in Montréal: today is Tuesday there too, and its 01:30 post has gone.
    assert rows[1] == "Mardi 18 mai 2027 — aujourd'hui" and not any("Tôt" in row for row in rows), rows
    monkeypatch.setenv("EDCAL_LANG", "en")
    english = runner.invoke(cli, ["agenda", "--site", str(site), "--days", "7", "--network", "linkedin-qc"])
    assert english.output.splitlines()[0] == ("Times: Montreal time, the LinkedIn Québec account's (the site "
                                              "keeps Paris time).")
    # A network on the site's clock: the site's days, no line.
    paris = runner.invoke(cli, ["agenda", "--site", str(site), "--days", "7", "--network", "linkedin"])
    assert paris.output.splitlines()[0].startswith(" Tuesday 18 May 2027"), paris.output
