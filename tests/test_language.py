"""The command line speaks the site's language (DEFAULT_LANG), or EDCAL_LANG's, to the site's team."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_edcal, write_pelicanconf

pytestmark = pytest.mark.usefixtures("site_language")

NBSP = "\u00a0"


def test_check_speaks_french_on_a_french_site_and_english_when_asked(site: Path) -> None:
    french = run_edcal("check", cwd=site)
    assert french.returncode == 0, french.stderr
    assert "calendar.yaml:7:3: warning: LinkedIn\u00a0: 0 publication dans la semaine du 15/02 au 21/02/2027, " \
        "rythme visé 2/semaine [cadence-gap]\n    hint: prévoyez une publication" in french.stdout
    assert french.stdout.endswith("\n0 erreur, 13 avertissements\n")  # French plurals: "0 erreur"
    english = run_edcal("check", cwd=site, env={"EDCAL_LANG": "en"})
    assert "calendar.yaml:7:3: warning: LinkedIn: 0 posts in the week of 2027-02-15 to 2027-02-21, cadence " \
        "2/week [cadence-gap]\n    hint: plan a post" in english.stdout
    assert english.stdout.endswith("\n0 errors, 13 warnings\n")
    # The same findings, in the same order: only the words change.
    assert [line.split(": ", 2)[:2] for line in french.stdout.splitlines() if ": warning: " in line] == \
        [line.split(": ", 2)[:2] for line in english.stdout.splitlines() if ": warning: " in line]


def test_a_week_across_the_new_year_gives_its_first_day_its_year_in_french(site: Path) -> None:
    """ISO week 53 of 2026 runs from Monday 28 December 2026 to Sunday 3 January 2027: French said "la semaine du
    28/12 au 03/01/2027", the 28th of December of 2027 as read. A week within one year keeps one year."""
    french = run_edcal("check", "--only", "cadence-gap", cwd=site, env={"EDCAL_NOW": "2026-12-28T10:00"})
    assert french.returncode == 0, french.stderr
    lines = [line for line in french.stdout.splitlines() if ": warning: " in line]
    assert lines[:2] == [
        f"calendar.yaml:7:3: warning: LinkedIn{NBSP}: 0 publication dans la semaine du 28/12/2026 au 03/01/2027, "
        "rythme visé 2/semaine [cadence-gap]",
        f"calendar.yaml:7:3: warning: LinkedIn{NBSP}: 0 publication dans la semaine du 04/01 au 10/01/2027, "
        "rythme visé 2/semaine [cadence-gap]"], lines
    english = run_edcal("check", "--only", "cadence-gap", cwd=site,
                        env={"EDCAL_NOW": "2026-12-28T10:00", "EDCAL_LANG": "en"})
    assert "LinkedIn: 0 posts in the week of 2026-12-28 to 2027-01-03, cadence 2/week" in english.stdout


def test_check_list_describes_the_rules_in_the_sites_language(site: Path, tmp_path: Path) -> None:
    """`edcal check --list` read no site: its descriptions stayed in English on a French site. The ids and the
    severities stay as `checks:` takes them."""
    french = run_edcal("check", "--list", cwd=site)
    assert french.returncode == 0, french.stderr
    assert "post-before-article         error    Une publication mène à un article ou en fait la promotion avant sa " \
        "mise en ligne, ou mène à un article qui n'est pas prêt\n" in french.stdout
    assert "missing-alt-text            warning  Une image n'a pas de texte alternatif\n" in french.stdout
    english = run_edcal("check", "--list", cwd=site, env={"EDCAL_LANG": "en"})
    assert "missing-alt-text            warning  An image has no alt text\n" in english.stdout
    assert [line[:37] for line in french.stdout.splitlines()] == [line[:37] for line in english.stdout.splitlines()]
    # The ids in one column, the longest too (`planning-url-feeds-only` pushed its severity out of it).
    assert len({line.index(" error " if " error " in line else " warning ") for line in english.stdout.splitlines()}) == 1
    outside = run_edcal("check", "--list", cwd=tmp_path)  # no site: English, as before any settings are read
    assert outside.returncode == 0 and "An image has no alt text" in outside.stdout


def test_json_and_github_annotations_keep_their_keys_and_ids_and_carry_french_words(site: Path) -> None:
    document = json.loads(run_edcal("check", "--format", "json", cwd=site).stdout)
    first = document["findings"][0]
    assert (first["rule"], first["severity"], first["file"], first["line"]) == ("cadence-gap", "warning",
                                                                              "calendar.yaml", 7)
    assert first["message"].startswith(f"LinkedIn{NBSP}: 0 publication") and first["hint"].startswith("prévoyez")
    annotations = run_edcal("check", "--format", "github", cwd=site).stdout.splitlines()
    assert annotations[0].startswith("::warning file=calendar.yaml,line=7,col=3,title=cadence-gap::LinkedIn")
    notice = annotations[-1].split("%0A")
    assert notice[0] == "::notice title=edcal check::0 erreur, 13 avertissements"
    assert notice[1] == f"par règle{NBSP}:" and notice[2].split() == ["cadence-gap", "6", "avertissements"]


def test_input_errors_keep_their_form_and_say_the_rest_in_french(site: Path) -> None:
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace("linkedin:", "linkdin:", 1), encoding="utf-8")
    result = run_edcal("build", cwd=site)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr == (
        "calendar.yaml:7:3: error: réseau 'linkdin' inconnu\n"
        f"    hint: vouliez-vous dire 'linkedin'{NBSP}? Pour déclarer votre propre réseau, ajoutez `custom: true` "
        "(ou `like: linkedin`), `name:` et `limit:`.\n"
        f"edcal: 1 erreur de saisie{NBSP}; rien n'a été écrit.\n")
    english = run_edcal("build", cwd=site, env={"EDCAL_LANG": "en"})
    assert english.stderr.startswith("calendar.yaml:7:3: error: unknown network 'linkdin'\n"
                                     "    hint: did you mean 'linkedin'? To declare")
    assert english.stderr.endswith("edcal: 1 error in the input; nothing was written.\n")
    assert not (site / "output").exists() and not (site / "planning").exists()


def test_a_missing_fields_purpose_is_said_in_french(site: Path) -> None:
    """The hint gave the schema's English description: "ajoutez reason: (why: shown on every withheld item)"."""
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace("freeze:\n", "freeze:\n  - {from: 2027-03-01}\n", 1),
                        encoding="utf-8")
    result = run_edcal("check", cwd=site)
    assert result.returncode == 2
    assert f"    hint: ajoutez reason: (pourquoi{NBSP}: affiché sur chaque élément retenu)\n" in result.stderr


def test_the_build_summary_is_in_french_and_edcal_lang_chooses_english(site: Path) -> None:
    french = run_edcal("build", cwd=site)
    assert french.returncode == 0, french.stderr
    assert f"plan{NBSP}: " in french.stdout and f"  idées{NBSP}: " in french.stdout
    assert f"flux d'agenda{NBSP}: planning/calendar.ics et planning/calendars/" in french.stdout
    assert f"\npage des ambassadeurs{NBSP}: " in french.stdout and " à partager -> planning/share/\n" in french.stdout
    english = run_edcal("build", cwd=site, env={"EDCAL_LANG": "en"})
    assert ("feeds: planning/calendar.ics and planning/calendars/, which cannot be subscribed to until "
            "`planning: url:` is set in calendar.yaml; planning site: planning/index.html") in english.stdout


def test_an_english_site_speaks_english_unless_edcal_lang_says_french(site: Path) -> None:
    write_pelicanconf(site, 'DEFAULT_LANG = "en"\n')
    english = run_edcal("check", cwd=site)
    assert english.stdout.endswith("\n0 errors, 13 warnings\n"), english.stdout
    french = run_edcal("check", cwd=site, env={"EDCAL_LANG": "fr"})
    assert french.stdout.endswith("\n0 erreur, 13 avertissements\n")
    other = run_edcal("check", cwd=site, env={"EDCAL_LANG": "de"})  # no German catalogue: English
    assert other.stdout == english.stdout


def test_check_writes_figures_as_french_does(site: Path) -> None:
    """"objectif manqué, 1.5 sur 2.5 %", "1180 sur 1500 abonnés": English figures amid French words."""
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace(
        "  mastodon: {}\n",
        "  mastodon: {objective: {text: Taux d'engagement, target: 2.5, unit: '%', by: 2027-02-01, current: 1.5}}\n"
        "  x: {objective: {text: Abonnés, target: 1500, unit: abonnés, by: 2027-02-01, current: 1180}}\n").replace(
        '  x: {account: "@fixture"}\n', ""), encoding="utf-8")
    french = run_edcal("check", "--only", "objective-missed", cwd=site)
    assert french.returncode == 0, french.stderr
    assert f"warning: Mastodon{NBSP}: objectif manqué, 1,5 sur 2,5{NBSP}% au 01/02/2027 [objective-missed]" \
        in french.stdout
    assert f"warning: X{NBSP}: objectif manqué, 1{NBSP}180 sur 1{NBSP}500{NBSP}abonnés au 01/02/2027" in french.stdout
    english = run_edcal("check", "--only", "objective-missed", cwd=site, env={"EDCAL_LANG": "en"})
    assert "warning: Mastodon: objective missed, 1.5 of 2.5 % by 2027-02-01 [objective-missed]" in english.stdout
    assert "warning: X: objective missed, 1,180 of 1,500 abonnés by 2027-02-01" in english.stdout
    # The JSON's data keeps the figures as numbers.
    document = json.loads(run_edcal("check", "--only", "objective-missed", "--format", "json", cwd=site).stdout)
    assert {(f["data"].get("target"), f["data"].get("current")) for f in document["findings"]} == {(2.5, 1.5),
                                                                                                 (1500, 1180)}


def test_what_comes_before_the_settings_are_read_is_english(tmp_path: Path) -> None:
    """A folder that is no site has no language yet."""
    result = run_edcal("check", cwd=tmp_path)
    assert result.returncode == 2
    assert "error: found no calendar.yaml here: this is not an edcal site" in result.stderr


def test_an_options_error_found_before_the_site_is_read_is_in_the_sites_language(site: Path) -> None:
    """move and agenda judge their options before reading the site (seconds on a large plan)."""
    result = run_edcal("move", "--since", "2027-02-20", "--by", "une quinzaine", cwd=site)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"--by: error: trouvé 'une quinzaine', attendu{NBSP}: un décalage en jours")
    assert result.stderr.endswith(f"edcal: 1 erreur de saisie{NBSP}; rien n'a été écrit.\n")
    agenda = run_edcal("agenda", "--since", "20/02/2027", cwd=site)
    assert agenda.stderr.startswith(f"--since: error: trouvé '20/02/2027', attendu{NBSP}: une date")
    assert "hint: les dates s'écrivent l'année en premier" in agenda.stderr
    only = run_edcal("check", "--only", "cadence-gaps", cwd=site)
    assert only.returncode == 2
    assert only.stderr.startswith(f"--only: error: vérification 'cadence-gaps' inconnue\n    hint: vouliez-vous dire "
                                  f"'cadence-gap'{NBSP}?")
    english = run_edcal("move", "--since", "2027-02-20", "--by", "une quinzaine", cwd=site, env={"EDCAL_LANG": "en"})
    assert english.stderr.startswith("--by: error: found 'une quinzaine', expected an offset in days")
    write_pelicanconf(site, "DEFAULT_LANG = 'en'\nraise RuntimeError(\"broken\")\n")  # settings that cannot be read
    broken = run_edcal("move", "--since", "2027-02-20", "--by", "une quinzaine", cwd=site)
    assert broken.returncode == 2 and "Traceback" not in broken.stderr
    assert broken.stderr.startswith("--by: error: found 'une quinzaine', expected an offset in days"), broken.stderr


def test_the_build_summary_counts_in_each_language_s_plural(site: Path) -> None:
    """"1 article(s) publié(s)" read as a form left blank: each count takes its own form."""
    french = run_edcal("build", cwd=site)
    assert french.returncode == 0, french.stderr
    lines = french.stdout.replace(NBSP, " ").splitlines()  # French spacing: a no-break space before ":"
    assert "blog : 1 article publié -> output/" in lines
    assert "  publications : 22 sur 4 réseaux (bluesky, linkedin, mastodon, x), dont 1 à venir gelée" in lines
    # A freeze stops nothing already handed to a scheduler: the build says so while posts to come are held.
    assert "  1 publication à venir gelée : absente de planning/exports/ ; importée avant le gel dans un outil de " \
        "programmation (Hootsuite), elle y partirait quand même : mettez-la en pause (l'encadré du gel sur " \
        "planning/drafts/index.html la nomme)" in lines
    # ... and that page's notice does (the calendar's shows a freeze once it has begun: it named none).
    named = (site / "planning" / "drafts" / "index.html").read_text(encoding="utf-8").replace(NBSP, " ")
    assert "Il retient 1 publication à venir (1 sur Bluesky)" in named
    assert "vérifications : 13 avertissements ; `edcal check` les liste" in lines
    assert "  1 remarque sur les fichiers Hootsuite (une règle de Hootsuite non confirmée, ce qu'il faudra ajouter " \
        "après l'envoi) : `edcal export hootsuite --network RÉSEAU -o FICHIER` la montre" in lines
    assert "(s)" not in french.stdout
    english = run_edcal("build", cwd=site, env={"EDCAL_LANG": "en"}).stdout.splitlines()
    assert "blog: 1 published article -> output/" in english
    assert "  posts: 22 on 4 networks (bluesky, linkedin, mastodon, x), 1 post to come withheld by a freeze" in english
    assert "  1 post to come withheld by a freeze: not in planning/exports/; uploaded to a scheduler (Hootsuite) " \
        "before the freeze, it would still go out there: pause it (the freeze's notice on " \
        "planning/drafts/index.html names it)" in english
    assert "checks: 13 warnings: `edcal check` lists them" in english
    # Built with other settings, the check that lists the same findings reads them too.
    (site / "publishconf.py").write_text("from pelicanconf import *  # noqa: F403\n", encoding="utf-8")
    production = run_edcal("build", "-s", "publishconf.py", cwd=site, env={"EDCAL_LANG": "en"})
    assert "checks: 13 warnings: `edcal check -s publishconf.py` lists them" in production.stdout.splitlines()


def test_init_says_in_the_new_sites_language_which_zone_it_chose(tmp_path: Path) -> None:
    """cli.md promises that init says which zone it chose; a French site's team read English."""
    french = run_edcal("init", str(tmp_path / "fr"), cwd=tmp_path, env={"TZ": "Europe/Paris"})
    assert french.returncode == 0, french.stderr
    assert french.stdout.startswith(f"Site créé dans {tmp_path / 'fr'}, en français (--lang en pour un site en "
                                    "anglais), dans le fuseau horaire Europe/Paris (celui de l'ordinateur ; "
                                    "--timezone pour un autre), avec les jours fériés de FR (--country pour un "
                                    "autre pays).".replace(" ;", "\u00a0;")), french.stdout
    # An English site, said in French ($EDCAL_LANG): French is no "l'français".
    said = run_edcal("init", str(tmp_path / "uk"), "--lang", "en", cwd=tmp_path,
                    env={"EDCAL_LANG": "fr", "TZ": "Europe/London"})
    assert said.stdout.startswith(f"Site créé dans {tmp_path / 'uk'}, en anglais (--lang fr pour un site en "
                                  "français), dans le fuseau horaire"), said.stdout
    english = run_edcal("init", str(tmp_path / "en"), "--timezone", "America/Chicago", cwd=tmp_path)
    assert english.stdout.startswith(f"Site created in {tmp_path / 'en'}, in English (--lang fr for French), in the "
                                     "time zone America/Chicago (--timezone for another), with the public holidays "
                                     "of US (--country for another).")


def test_serve_speaks_the_sites_language_and_warns_when_the_plan_reaches_the_network(site: Path) -> None:
    """Its own lines sat in English among the build's French errors; `--bind 0.0.0.0` served the team's
    plan to the whole network without a word."""
    import signal
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    from edcal.commands import serve
    from helpers import assert_french, translatable_words

    assert_french(translatable_words(Path(serve.__file__)))
    assert [serve.exposed(host) for host in ("127.0.0.1", "127.0.0.2", "::1", "0.0.0.0", "::", "192.168.1.20",
                                             "fe80::1%eth0", "box.local")] == [False] * 3 + [True] * 5

    def served(*options: str) -> list[str]:
        """What `edcal serve` prints from its start to Ctrl+C."""
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        server = subprocess.Popen([sys.executable, "-m", "edcal", "serve", "--no-watch", "--port", str(port),
                                   *options], cwd=site, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                  preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/planning/plan.json", timeout=5):
                        break
                except OSError:
                    assert time.monotonic() < deadline and server.poll() is None, "edcal serve did not start"
                    time.sleep(0.3)
        finally:
            server.send_signal(signal.SIGINT)
            said = server.communicate(timeout=30)[0]
        assert server.returncode == 0, said
        return said.splitlines()

    warning = (f"warning: à l'écoute sur 0.0.0.0, au-delà de cet ordinateur{NBSP}: toute personne du réseau qui "
               f"l'atteint lit /planning/, le planning réservé à l'équipe (brouillons, dates, idées), et pas "
               f"seulement le blog{NBSP}; --bind 127.0.0.1 les garde tous deux sur cet ordinateur")
    lines = served("--bind", "0.0.0.0")
    assert lines[0] == f"construit{NBSP}: output/ et planning/ sont à jour"
    assert lines[1].startswith(f"blog{NBSP}:     http://0.0.0.0:") and lines[1].endswith("/")
    assert lines[2].startswith(f"planning{NBSP}: http://0.0.0.0:") and lines[2].endswith("/planning/")
    assert lines[3:] == [warning, "arrêté"]
    assert served("-q", "--bind", "0.0.0.0") == [warning]  # said even to -q, which hides the rest


def test_every_word_of_the_planning_and_drafts_templates_has_a_french_translation() -> None:
    """A card of a skipped post read "Skipped: the log of what went out says it did not go out (…)" in English on
    a French site: the template's sentence with its source had no French, and no test read the templates."""
    import re

    import yaml

    theme = Path(__file__).parent.parent / "themes" / "edcal"
    used: set[str] = set()
    for template in [*(theme / "planning").rglob("*.j2"), *(theme / "drafts").rglob("*.j2")]:
        text = template.read_text(encoding="utf-8")
        used |= {double or single for double, single in re.findall(r"""\b_\(\s*(?:"([^"]+)"|'([^']+)')""", text)}
        for forms in re.findall(r"""\bplural\([^,]+,\s*(?:"([^"]+)"|'([^']+)'),\s*(?:"([^"]+)"|'([^']+)')""", text):
            used |= {forms[0] or forms[1], forms[2] or forms[3]}
    catalogues = Path(__file__).parent.parent / "plugins" / "edcal" / "translations"
    french: dict[str, str] = {}
    for catalogue in [catalogues / "fr.yaml", *sorted((catalogues / "fr").glob("*.yaml"))]:
        french.update(yaml.safe_load(catalogue.read_text(encoding="utf-8")) or {})
    assert len(used) > 200
    assert sorted(used - set(french)) == [], "template words without a French translation"


def test_a_broken_settings_file_is_told_in_the_language_it_writes(site: Path) -> None:
    """A NameError in a French site's pelicanconf.py was told in French, a syntax error in English: the file
    that cannot be run is read as text for its DEFAULT_LANG, and through publishconf.py too."""
    conf = site / "pelicanconf.py"
    good = conf.read_text(encoding="utf-8")
    (site / "publishconf.py").write_text("from pelicanconf import *\nSITEURL = 'https://blog.example.fr'\n",
                                         encoding="utf-8")
    for broken, said in (("SITEURL = (\n", f"error: erreur de syntaxe Python{NBSP}: "),
                         ("X = nom_inconnu\n", f"error: impossible de lire les réglages{NBSP}: ")):
        conf.write_text(good + broken, encoding="utf-8")
        for settings in ("pelicanconf.py", "publishconf.py"):
            result = run_edcal("check", "-s", settings, cwd=site)
            assert result.returncode == 2 and said in result.stderr, result.stderr
            assert "Traceback" not in result.stderr


def test_an_edcal_lang_edcal_does_not_speak_leaves_the_site_s_and_says_so(site: Path) -> None:
    """`EDCAL_LANG=de` in a CI job gave English to a French team, without a word."""
    result = run_edcal("check", cwd=site, env={"EDCAL_LANG": "de"})
    assert result.returncode in (0, 1)
    assert result.stderr.startswith("warning: EDCAL_LANG is 'de', a language edcal does not speak (en, fr): "
                                    "messages are in the site's language")
    assert "avertissement" in result.stdout  # the site's French
    assert run_edcal("check", cwd=site, env={"EDCAL_LANG": "en-GB"}).stderr == ""
    # An option's error, told before the site is read, is in the site's language too; a stray space is no language.
    told = run_edcal("move", "--since", "2027-02-20", "--by", "une quinzaine", cwd=site, env={"EDCAL_LANG": "de"})
    assert told.returncode == 2 and "error: trouvé" in told.stderr, told.stderr
    assert "avertissement" in run_edcal("check", cwd=site, env={"EDCAL_LANG": " fr"}).stdout
