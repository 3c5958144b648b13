"""`edcal --help` and each command's --help, in the language of the site's team."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
import yaml
from click.testing import CliRunner

from conftest import run_edcal, write_pelicanconf
from edcal.__main__ import cli

NBSP = "\u00a0"


def lines(result: click.testing.Result) -> list[str]:
    assert result.exit_code == 0, result.output
    return result.output.splitlines()


def test_check_s_help_is_french_when_asked(runner: CliRunner) -> None:
    """A French community manager read `edcal check --help` in English amid French errors and findings."""
    french = lines(runner.invoke(cli, ["check", "--help"], env={"EDCAL_LANG": "fr"}, prog_name="edcal"))
    for line in (
        f"Utilisation{NBSP}: edcal check [OPTIONS]",
        f"  Vérifier le plan{NBSP}: longueurs, visuels, liens, rythme, publications trop",
        f"Options{NBSP}:",
        "  --strict                     Échouer (code 1) sur les avertissements aussi.",
        "  --list                       Lister les règles, sans les appliquer.",
        "  -h, --help                   Afficher cette aide.",
        f"                               défaut{NBSP}: text]",
        f"  Exemples{NBSP}:",
        "    edcal check --format github --strict",
    ):
        assert line in french, "\n".join(french)
    english = lines(runner.invoke(cli, ["check", "--help"], env={"EDCAL_LANG": "en"}, prog_name="edcal"))
    for line in ("Usage: edcal check [OPTIONS]", "Options:", "  --strict                     Exit 1 on warnings too.",
                 "  -h, --help                   Show this message and exit."):
        assert line in english, "\n".join(english)
    assert "[default: text]" in " ".join(" ".join(english).split())


def test_edcal_s_help_lists_the_commands_in_french(runner: CliRunner) -> None:
    french = lines(runner.invoke(cli, ["--help"], env={"EDCAL_LANG": "fr"}, prog_name="edcal"))
    assert f"Commandes{NBSP}:" in french and f"Utilisation{NBSP}: edcal [OPTIONS] COMMAND [ARGS]..." in french
    assert f"  agenda       Afficher ce qui arrive{NBSP}: publications, articles, échéances, en un" in french, \
        "\n".join(french)
    # `edcal` alone prints the same page, on standard error, and exits 2.
    alone = runner.invoke(cli, [], env={"EDCAL_LANG": "fr"}, prog_name="edcal")
    assert alone.exit_code == 2 and alone.output.splitlines() == french


@pytest.mark.usefixtures("site_language")
def test_help_speaks_the_site_s_language_as_errors_do(runner: CliRunner, site: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """In the French site, as its team runs edcal (no EDCAL_LANG): French; in an English site, English."""
    monkeypatch.chdir(site / "content")
    assert f"Options{NBSP}:" in lines(runner.invoke(cli, ["agenda", "--help"]))
    write_pelicanconf(site, 'DEFAULT_LANG = "en"\n')
    assert "Options:" in lines(runner.invoke(cli, ["agenda", "--help"]))


def commands(group: click.Group) -> list[tuple[str, click.Command]]:
    """Every command of edcal, the group first, with its command line (`edcal move`)."""
    found: list[tuple[str, click.Command]] = [("edcal", group)]
    for name, command in group.commands.items():
        found += commands(command) if isinstance(command, click.Group) else [(f"edcal {name}", command)]
    return found


def test_every_help_text_has_its_french_translation() -> None:
    """A new command or option, or a reworded help, cannot ship with an English-only help page."""
    from edcal._help import CLICK_WORDS, example_commands, paragraphs
    from edcal.i18n import catalog

    french = catalog("fr")
    missing = []
    texts = list(CLICK_WORDS)
    for line, command in commands(cli):
        ctx = click.Context(command, info_name=line)
        texts += paragraphs(command.help) + paragraphs(command.epilog) + paragraphs(command.short_help)
        for param in command.get_params(ctx):
            if isinstance(param, click.Argument):
                assert not getattr(param, "help", None), f"{line} {param.name}: say it in the command's help"
            else:
                texts += paragraphs(getattr(param, "help", None))
    assert len(texts) > 80
    worded = [line for _line, command in commands(cli) for line in example_commands(command.epilog)
              if line in french]  # an example's words, not its command (a title): in the team's language
    for text in texts:
        if text not in french:
            missing.append(text)
    assert not missing, "no French translation in translations/fr/help.yaml of:\n" + "\n".join(missing)
    catalogue = Path(__file__).resolve().parents[1] / "plugins" / "edcal" / "translations" / "fr" / "help.yaml"
    stale = set(yaml.safe_load(catalogue.read_text(encoding="utf-8"))) - set(texts) - set(worded)
    assert not stale, "help.yaml translates texts no help page shows any more:\n" + "\n".join(sorted(stale))


@pytest.mark.parametrize("line", [line for line, _command in commands(cli)])
def test_french_help_wraps_without_breaking_before_its_punctuation(runner: CliRunner, line: str) -> None:
    """French puts a no-break space before ':' ';' '?' '!' '»': a line never starts with them, on the
    narrowest help click lays out (50 columns)."""
    result = runner.invoke(cli, [*line.split()[1:], "--help"], env={"EDCAL_LANG": "fr"}, terminal_width=50)
    page = lines(result)
    assert f"Options{NBSP}:" in page
    for shown in page:
        assert not re.match(r"\s*[:;?!»]", shown), shown
        assert not re.search(r"\S [:;?!»]", shown), f"a plain space before its punctuation: {shown!r}"
        assert not shown.endswith(NBSP), shown
        if len(shown) > 50:  # an option's names, an example command (kept whole, to copy), a long word
            assert shown.lstrip().startswith(("-", "edcal ")) or " " not in shown.strip(), shown


#: A settings file that would hang whoever runs it (a network call, a stuck import), and leaves a mark.
SLOW_SETTINGS = "import pathlib, time\npathlib.Path(__file__).with_name('ran').touch()\ntime.sleep(60)\n"


@pytest.mark.parametrize("words, french", [
    (["check", "--help"], f"Utilisation{NBSP}: python -m edcal check [OPTIONS]"),
    (["--help"], f"Commandes{NBSP}:"),
    (["check", "--strikt"], "error: option '--strikt' inconnue"),
    (["move", "--since", "2027-02-20", "--by", "demain"], "error: trouvé"),
    (["check", "--list"], "Le texte d'une publication est plus long"),
])
def test_help_and_usage_errors_never_run_the_settings(site: Path, words: list[str], french: str) -> None:
    """`edcal check --help` in a site whose pelicanconf.py sleeps (or calls the network) hung: it ran the
    settings to learn the site's language. It reads DEFAULT_LANG as written, and answers at once, in French.

    The settings leave a mark as they start: whether they ran is that, not a number of seconds (5 s could
    fail on a loaded machine); the time out, below their minute of sleep, stops a run that waits for them."""
    conf = site / "pelicanconf.py"
    conf.write_text(SLOW_SETTINGS + conf.read_text(encoding="utf-8"), encoding="utf-8")
    try:
        result = subprocess.run([sys.executable, "-m", "edcal", *words], cwd=site,
                                capture_output=True, text=True, timeout=50, check=False,
                                env={key: value for key, value in os.environ.items() if key != "EDCAL_LANG"})
    except subprocess.TimeoutExpired:
        pytest.fail(f"edcal {' '.join(words)} ran the settings, which sleep")
    assert not (site / "ran").exists(), f"edcal {' '.join(words)} ran the settings"
    assert french in result.stdout + result.stderr, result.stdout + result.stderr


@pytest.mark.parametrize("words", [["--help"], ["check", "--help"]])
def test_help_in_a_language_edcal_does_not_speak_says_so_once_on_stderr(site: Path, words: list[str]) -> None:
    """`EDCAL_LANG=xx edcal --help`: the help page on stdout in the site's language, whole, and one warning on
    stderr that names the languages there are."""
    result = run_edcal(*words, cwd=site, env={"EDCAL_LANG": "xx"})
    assert result.returncode == 0 and result.stdout == run_edcal(*words, cwd=site, env={"EDCAL_LANG": ""}).stdout
    assert result.stdout.startswith(f"Utilisation{NBSP}: python -m edcal") and "warning" not in result.stdout
    assert result.stderr == ("warning: EDCAL_LANG is 'xx', a language edcal does not speak (en, fr): messages are "
                             "in the site's language\n")


def test_edcal_s_help_after_the_site_options_is_the_help_of_that_site(site: Path, tmp_path: Path) -> None:
    """`edcal --site ../blog --help` (as `git -C ../blog --help`) said "error: missing command", exit 2."""
    for words in (["--site", str(site), "--help"], ["--help", "--site", str(site)],
                  [f"--site={site}", "-s", "pelicanconf.py", "-q", "--help"]):
        result = run_edcal(*words, cwd=tmp_path, env={"EDCAL_LANG": ""})
        assert result.returncode == 0 and result.stderr == "", result.stderr
        assert result.stdout.startswith(f"Utilisation{NBSP}: python -m edcal [OPTIONS] COMMAND")
    assert run_edcal("--site", str(site), cwd=tmp_path).returncode == 2  # no help asked: a command is missing


@pytest.mark.parametrize(("words", "lang", "example", "other"), [
    (["new"], "en", 'edcal new "Our apprentices in the spotlight" --date "2027-02-02 09:00" --author "Sophie Benali" '
     '--category "The workshop" --tags apprenticeship,hiring', "Nos apprentis"),
    (["new"], "fr", 'edcal new "Nos apprentis à l\'honneur" --date "2027-02-02 09:00" --author "Sophie Benali" '
     '--category "L\'atelier" --tags apprentissage,recrutement', "Our apprentices"),
    (["init"], "en", 'edcal init my-blog --name "The Durand Joinery blog" --url https://blog.durand-joinery.co.uk',
     "Menuiserie"),
    (["init"], "fr", 'edcal init mon-blog --name "Le blog de la Menuiserie Durand" '
     '--url https://blog.menuiserie-durand.fr', "Joinery"),
])
def test_an_example_s_words_are_in_the_language_of_its_help(runner: CliRunner, words: list[str], lang: str,
                                                            example: str, other: str) -> None:
    """`edcal new --help` in English gave a French title, category and tags to copy, amid English words: an
    English site's first article named "Nos apprentis à l'honneur"."""
    page = runner.invoke(cli, [*words, "--help"], env={"EDCAL_LANG": lang}, prog_name="edcal").output
    assert f"    {example}\n" in page, page
    assert other not in page, page


@pytest.mark.parametrize(("lang", "wrong", "right"), [
    ("en", "a copy of the theme", "the theme is edcal's own, with an overrides/ folder for the site's changes"),
    ("fr", "une copie du thème", "le thème est celui d'edcal, avec un dossier overrides/ pour les changements"),
])
def test_init_s_help_says_the_theme_is_edcal_s_own_as_init_makes_it(runner: CliRunner, lang: str, wrong: str,
                                                                   right: str) -> None:
    """`edcal init --help` said the new site held "a copy of the theme": init writes
    THEME = str(edcal.themes.DEFAULT_THEME) and an overrides/ folder, so that each upgrade brings the theme's
    fixes; a team reading the help looked for a themes/ folder to edit."""
    page = " ".join(runner.invoke(cli, ["init", "--help"], env={"EDCAL_LANG": lang}, prog_name="edcal")
                    .output.split())
    assert wrong not in page
    assert right in page.replace("\u00a0", " "), page


def test_help_of_a_site_whose_settings_python_cannot_parse_for_their_depth(site: Path) -> None:
    """A settings file nested deeper than Python's parser goes (a generated value, `x = ----…1`) made
    `ast.parse` raise MemoryError, not SyntaxError: `edcal check --help` traced back, exit 1, and so did
    `edcal check`, where reading the language for its error raised again. The help is French (the line
    `DEFAULT_LANG = "fr"` is read as written); the check's error is located, exit 2."""
    conf = site / "pelicanconf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + "DEEP = " + "-" * 200_000 + "1\n", encoding="utf-8")
    env = {"EDCAL_LANG": ""}
    helped = run_edcal("check", "--help", cwd=site, env=env)
    assert helped.returncode == 0 and "Traceback" not in helped.stderr, helped.stderr
    assert helped.stdout.startswith(f"Utilisation{NBSP}: python -m edcal check")
    checked = run_edcal("check", cwd=site, env=env)
    assert checked.returncode == 2 and "Traceback" not in checked.stderr, checked.stderr
    assert checked.stderr.startswith(f"pelicanconf.py:1:1: error: impossible de lire les réglages{NBSP}: MemoryError\n")


def test_help_reads_a_typed_default_lang_as_written(site: Path) -> None:
    """`DEFAULT_LANG: str = "fr"` (a settings file with type annotations) gave English help: only
    `DEFAULT_LANG = "fr"` was read."""
    conf = site / "pelicanconf.py"
    text = conf.read_text(encoding="utf-8")
    assert "DEFAULT_LANG = " in text
    conf.write_text(SLOW_SETTINGS + text.replace("DEFAULT_LANG = ", "DEFAULT_LANG: str = "), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "edcal", "check", "--help"], cwd=site, capture_output=True,
                            text=True, timeout=20, check=False,
                            env={key: value for key, value in os.environ.items() if key != "EDCAL_LANG"})
    assert result.stdout.startswith(f"Utilisation{NBSP}: python -m edcal check"), result.stdout + result.stderr
