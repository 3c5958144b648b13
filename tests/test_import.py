"""`edcal import`: posts planned in a spreadsheet, into a calendar.d/ file the real loader reads."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import add_site_plugin, run_edcal, run_edcal_with_ctrl_c_after
from edcal.load.spreadsheet import CalendarText, ImportedPost, calendar_text
from edcal.load.table import column_letter, split_records
from edcal.load.yamlfile import load_yaml, strip_locs
from edcal.model.source import Source
from helpers import assert_french, translatable_words

ROOT = Path(__file__).resolve().parents[1]

#: A sheet as Excel saves it with a French locale: BOM, semicolons, CRLF, a line break inside a cell,
#: a person and a campaign by their names.
FRENCH_SHEET = (
    "\ufeffDate;Heure;Réseau;Texte;Lien;Campagne;Responsable\r\n"
    '03/03/2027;09:30;LinkedIn, Mastodon;"Nouvelle machine !\r\nVenez la voir.";'
    "https://blog.example.fr/offres/;Lancement;Ben Marchal\r\n"
    "04/03/2027;12h15;Bluesky;#Astuce Serrez bien vos vis.;;;\r\n"
    ";;;;;;\r\n"
)


def write_sheet(site: Path, text: str, name: str = "plan.csv", encoding: str = "utf-8") -> Path:
    path = site / name
    path.write_bytes(text.encode(encoding))
    return path


def items_of(site: Path, path: str = "calendar.d/plan.yaml") -> dict[str, str]:
    """The items a file plans, by id, with their start, as the site now reads."""
    from edcal.pelican_plugin.metadata import read_plan

    return {item.id: item.start.isoformat() for item in read_plan(site, "pelicanconf.py").items
            if item.source.path == path and item.start is not None}


def refused(site: Path, *args: str) -> str:
    """An import that writes nothing: its errors."""
    result = run_edcal("import", *args, cwd=site)
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.endswith("nothing was written.\n"), result.stderr
    assert not (site / "calendar.d").exists()
    assert "Traceback" not in result.stderr
    return result.stderr


@pytest.mark.usefixtures("site_language")
def test_a_french_sheet_becomes_a_calendar_file_the_site_reads(site: Path) -> None:
    write_sheet(site, FRENCH_SHEET)
    result = run_edcal("import", "plan.csv", cwd=site)
    assert result.returncode == 0, result.stderr
    written = (site / "calendar.d" / "plan.yaml").read_text(encoding="utf-8")
    assert written == (
        "# Importé de plan.csv par edcal import\u00a0: une entrée par ligne.\n"  # the site's language
        "posts:\n"
        "  - id: nouvelle-machine-venez-la-voir\n"
        "    networks: [linkedin, mastodon]\n"
        "    at: 2027-03-03 09:30\n"
        "    campaign: launch\n"
        "    owner: ben\n"
        "    text: |-\n"
        "      Nouvelle machine !\n"
        "      Venez la voir.\n"
        "    link: https://blog.example.fr/offres/\n"
        "  - id: astuce-serrez-bien-vos-vis\n"
        "    networks: [bluesky]\n"
        "    at: 2027-03-04 12:15\n"
        '    text: "#Astuce Serrez bien vos vis."\n')
    assert result.stdout.startswith(
        "2 lignes importées dans calendar.d/plan.yaml\u00a0:\n"
        "  plan.csv:2  mercredi 3 mars 2027 09:30 · LinkedIn, Mastodon · Nouvelle machine ! Venez la voir.\n"
        "  plan.csv:4  jeudi 4 mars 2027 12:15 · Bluesky · #Astuce Serrez bien vos vis.\n")
    assert items_of(site) == {
        "nouvelle-machine-venez-la-voir-linkedin": "2027-03-03T09:30:00+01:00",
        "nouvelle-machine-venez-la-voir-mastodon": "2027-03-03T09:30:00+01:00",
        "astuce-serrez-bien-vos-vis-bluesky": "2027-03-04T12:15:00+01:00",
    }


@pytest.mark.usefixtures("site_language")
def test_what_the_checks_find_new_is_shown_at_the_cells(site: Path) -> None:
    long_text = "Un texte bien trop long pour X. " * 10
    write_sheet(site, f"date,network,text\n2027-03-09 10:00,x,{long_text}\n2027-03-10 11:00,bluesky,Court\n")
    result = run_edcal("import", "plan.csv", cwd=site)
    assert result.returncode == 1, result.stderr  # written, but the check finds an error
    assert (site / "calendar.d" / "plan.yaml").is_file()
    findings = result.stdout.split("edcal check relève, dans ce qu'apporte l'import\u00a0:\n")[1]
    # At the text's cell, in the site's language.
    assert findings.startswith("plan.csv:2:20: error: la publication X 'un-texte-bien-trop-long-pour-x' fait "
                               "319 caractères pondérés")
    assert "plan.csv:3:1: warning: la publication Bluesky 'court-bluesky' est prévue le mer. 10/03 à 11:00, " \
        "en dehors des créneaux prévus pour Bluesky" in findings
    assert "\n0 erreur" not in findings and "1 erreur, 1 avertissement\n" in findings
    assert "calendar.yaml:" not in findings  # the plan's own findings are not the import's
    assert result.stdout.endswith("edcal build refusera de construire le site tant que ces erreurs "
                                  "resteront\u00a0: corrigez-les dans calendar.d/plan.yaml, ou supprimez-le "
                                  "et importez de nouveau le tableau.\n")


def test_a_finding_elsewhere_that_the_import_brings_is_shown(site: Path) -> None:
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace(
        "linkedin: {slots: [tue 09:00, thu 12:30], cadence: 2/week}",
        "linkedin: {slots: [tue 09:00, thu 12:30], cadence: 2/week, max_per_day: 1}"), encoding="utf-8")
    write_sheet(site, "date,network,text\n2027-03-02 16:00,linkedin,Un autre\n")
    result = run_edcal("import", "plan.csv", cwd=site)
    assert "[too-many-per-day]" in result.stdout, result.stdout


def test_a_network_the_site_does_not_set_up_says_what_to_write_in_calendar_yaml(site: Path) -> None:
    # A sheet names networks its own way: a built-in network calendar.yaml does not list, a short word.
    write_sheet(site, "Date,Réseau,Texte\n"
                      "09/03/2027 10:00,Facebook,Bonjour\n"
                      "10/03/2027 10:00,Masto,Salut\n"
                      "11/03/2027 10:00,FB,Re\n")
    assert refused(site, "plan.csv") == (
        "plan.csv:2:18: error: network 'facebook' is not set up under `networks:`\n"
        "    hint: add `facebook: {}` under `networks:` to post there (set up: bluesky, linkedin, mastodon, x)\n"
        "plan.csv:3:18: error: unknown network 'Masto'\n"
        "    hint: did you mean Mastodon (mastodon)? To keep 'Masto' in the sheet, add `aliases: [masto]` to "
        "`mastodon:` under `networks:` in calendar.yaml\n"
        "plan.csv:4:18: error: unknown network 'FB'\n"
        "    hint: known: bluesky, linkedin, mastodon, x; the sheet's own word for one of them is read once it "
        "is among its `aliases:` under `networks:` in calendar.yaml (`aliases: [fb]`)\n"
        "edcal: 3 errors in the input; nothing was written.\n")
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace(
        "  mastodon: {}\n", "  mastodon: {aliases: [masto]}\n  facebook: {aliases: [fb]}\n"), encoding="utf-8")
    result = run_edcal("import", "plan.csv", cwd=site)
    assert result.returncode == 0, result.stderr
    assert set(items_of(site)) == {"bonjour-facebook", "salut-mastodon", "re-facebook"}


def test_a_short_word_for_a_network_not_set_up_says_to_set_it_up_with_the_word(site: Path) -> None:
    # `Insta` in a site without Instagram: the hint listed the networks set up, as if it were one of them
    write_sheet(site, "Date,Réseau,Texte\n09/03/2027 10:00,\"LinkedIn, Insta\",Bonjour\n")
    assert refused(site, "plan.csv") == (
        "plan.csv:2:18: error: unknown network 'Insta'\n"
        "    hint: did you mean Instagram (instagram)? It is not set up: add `instagram: {aliases: [insta]}` "
        "under `networks:` in calendar.yaml\n"
        "edcal: 1 error in the input; nothing was written.\n")
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace(
        "  mastodon: {}\n", "  mastodon: {}\n  instagram: {aliases: [insta]}\n"), encoding="utf-8")
    result = run_edcal("import", "plan.csv", cwd=site)
    assert result.returncode in (0, 1), result.stderr  # Instagram wants an image: a finding, not a refusal
    assert set(items_of(site)) == {"bonjour-linkedin", "bonjour-instagram"}


def test_a_link_without_its_scheme_gets_the_whole_address_to_write(site: Path) -> None:
    write_sheet(site, "Date,Réseau,Texte,Lien\n09/03/2027 10:00,linkedin,Bonjour,www.example.fr/offres\n")
    assert refused(site, "plan.csv") == (
        "plan.csv:2:35: error: found link 'www.example.fr/offres', expected an http(s) URL or a path on the "
        "site starting with /\n"
        "    hint: write the whole address: https://www.example.fr/offres\n"
        "edcal: 1 error in the input; nothing was written.\n")


def test_a_french_to_do_status_is_a_draft(site: Path) -> None:
    write_sheet(site, "Date,Réseau,Texte,Statut\n09/03/2027 10:00,linkedin,Bonjour,À faire\n"
                      "10/03/2027 10:00,linkedin,Bonsoir,À valider\n")
    result = run_edcal("import", "plan.csv", cwd=site)
    assert result.returncode == 0, result.stderr
    written = (site / "calendar.d" / "plan.yaml").read_text(encoding="utf-8")
    assert "    status: draft\n    text: Bonjour\n" in written
    # "À valider" was a draft: the row's word that it is written, and waits for approval, was lost.
    assert "    status: review\n    text: Bonsoir\n" in written
    # Told as pages and feeds tell a post awaiting approval, not as an article "in review".
    (site / "calendar.d" / "plan.yaml").unlink()
    told = run_edcal("import", "plan.csv", cwd=site, env={"EDCAL_LANG": "fr"}).stdout
    assert "· LinkedIn · Bonsoir (à valider)" in told and "en relecture" not in told


def test_statuses_agreed_with_publication_a_feminine_word(site: Path) -> None:
    # "Programmée", "Publiée", "Annulée": a sheet of publications agrees its statuses; each was refused
    write_sheet(site, "Date;Réseau;Texte;Statut\n"
                      "02/02/2027 09:00;linkedin;Partie;Publiée\n03/02/2027 09:00;linkedin;Pas partie;Annulée\n"
                      "09/03/2027 10:00;linkedin;Prête;Programmée\n10/03/2027 10:00;linkedin;Relue;En relecture\n")
    result = run_edcal("import", "plan.csv", "--past", "log", cwd=site)
    assert result.returncode == 0, result.stderr
    written = (site / "calendar.d" / "plan.yaml").read_text(encoding="utf-8")
    assert "  - id: prete\n    networks: [linkedin]\n    at: 2027-03-09 10:00\n    status: scheduled\n" in written
    # Read again, awaiting approval: `status: review`.
    assert "  - id: relue\n    networks: [linkedin]\n    at: 2027-03-10 10:00\n    status: review\n" in written
    assert written.endswith("posted:\n  - partie-linkedin\n  - {item: pas-partie-linkedin, skipped: true}\n")


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "plan.csv:2:12: error: found 'nine' for the time, expected HH:MM (09:30, 9:30 AM)\n"
           "    hint: write the time as 09:30, or leave it out for the network's slot\n"
           "plan.csv:2:32: error: found status 'maybe', expected a draft (draft, to do, in progress), a post "
           "awaiting approval (review, to approve, pending approval) or a post ready (scheduled, ready, approved)\n"
           "    hint: leave the cell empty for a post ready\n"),
    ("fr", "plan.csv:2:12: error: trouvé 'nine' pour l'heure, attendu\u00a0: HH:MM (09:30, 9h30)\n"
           "    hint: écrivez l'heure sous la forme 09:30, ou omettez-la pour prendre le créneau du réseau\n"
           "plan.csv:2:32: error: trouvé le statut 'maybe', attendu\u00a0: un brouillon (brouillon, à écrire, à faire, "
           "en cours), une publication à valider (à valider, en attente, en validation, en relecture, à relire) ou "
           "une publication prête (planifié, programmé, prêt, validé)\n"
           "    hint: laissez la cellule vide pour une publication prête\n"),
])
def test_a_bad_time_or_status_is_told_with_the_words_of_the_reader_s_language(site: Path, lang: str,
                                                                              expected: str) -> None:
    """An English team was told "09:30, 9h30, 9:30 AM" and a status list of French and English words mixed;
    a French team read "9:30 AM", "to do", "ready". Each language gives its own (both are still read)."""
    write_sheet(site, "Date,Time,Network,Text,Status\n2027-03-09,nine,linkedin,Hello,maybe\n")
    result = run_edcal("import", "plan.csv", cwd=site, env={"EDCAL_LANG": lang})
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.startswith(expected), result.stderr


def test_every_bad_cell_is_located_at_once(site: Path) -> None:
    write_sheet(site, "Date,Réseau,Texte,Likes,Statut\n"
                      "31/02/2027 09:00,Linkdin,Bonjour,3,\n"
                      "03/03/2027 25:00,linkedin,Salut,,peut-être\n"
                      "12/31/2027,linkedin,Re,,\n"
                      "05/03/27,,Court,,\n"
                      "lundi 16/03/2027,linkedin,,,publié\n"
                      "ma 16/03/2027,linkedin,Mardi,,\n")
    assert refused(site, "plan.csv") == (
        "plan.csv:1:19: error: found column 'Likes' (D), which is not a field of a post\n"
        "    hint: leave it out: --skip-column Likes, or rename it (known: alt, article, campaign, cw, date, "
        "first_comment, id, image, link, networks, note, owner, poll, poll_duration, poll_question, promotional, "
        "status, text, thread, time, title, video)\n"
        "plan.csv:2:1: error: found '31/02/2027 09:00': February 2027 has 28 days\n"
        "    hint: write a real date, DD/MM/YYYY HH:MM\n"
        "plan.csv:2:18: error: unknown network 'Linkdin'\n"
        "    hint: did you mean LinkedIn (linkedin)?\n"
        "plan.csv:3:1: error: found '25:00', expected a time from 00:00 to 23:59\n"
        "    hint: write the time as HH:MM\n"
        "plan.csv:3:34: error: found status 'peut-être', expected a draft (draft, to do, in progress), a post "
        "awaiting approval (review, to approve, pending approval) or a post ready (scheduled, ready, approved)\n"
        "    hint: leave the cell empty for a post ready\n"
        "plan.csv:4:1: error: found '12/31/2027': there is no month 31 when the day comes first "
        "(DD/MM/YYYY HH:MM)\n"
        "    hint: the file writes the month first: --date-order mdy\n"
        "plan.csv:5:1: error: found '05/03/27', a year in two digits\n"
        "    hint: write the year in full: 05/03/2027\n"
        "plan.csv:5:10: error: found no network in this row (column B)\n"
        "    hint: write one (bluesky, linkedin, mastodon, x), or give the rows without one theirs: "
        "--network linkedin\n"
        "plan.csv:6:1: error: found 'lundi 16/03/2027': 2027-03-16 is a Tuesday\n"
        "    hint: correct the weekday or the date\n"
        "plan.csv:6:27: error: found no text in this row (column C)\n"
        "    hint: write the post's text, or delete the row\n"
        "plan.csv:7:1: error: found 'ma 16/03/2027': 'ma' is no day of the week\n"
        "    hint: write the date alone, e.g. 16/03/2027\n"
        "edcal: 11 errors in the input; nothing was written.\n")


@pytest.mark.usefixtures("site_language")
def test_bad_cells_are_told_in_the_sites_language(site: Path) -> None:
    write_sheet(site, "Date,Réseau,Texte,Likes\n"
                      "31/02/2027 09:00,Linkdin,Bonjour,3\n"
                      "lundi 16/03/2027,linkedin,Salut,\n")
    result = run_edcal("import", "plan.csv", cwd=site)
    assert result.returncode == 2, result.stderr
    assert result.stderr == (
        "plan.csv:1:19: error: trouvé la colonne 'Likes' (D), qui n'est pas un champ de publication\n"
        "    hint: ignorez-la\u00a0: --skip-column Likes, ou renommez-la (champs connus\u00a0: alt, article, "
        "campaign, cw, date, first_comment, id, image, link, networks, note, owner, poll, poll_duration, "
        "poll_question, promotional, status, text, thread, time, title, video)\n"
        "plan.csv:2:1: error: trouvé '31/02/2027 09:00'\u00a0: février 2027 a 28 jours\n"
        "    hint: écrivez une date qui existe, DD/MM/YYYY HH:MM\n"
        "plan.csv:2:18: error: réseau 'Linkdin' inconnu\n"
        "    hint: vouliez-vous dire LinkedIn (linkedin)\u00a0?\n"
        "plan.csv:3:1: error: trouvé 'lundi 16/03/2027'\u00a0: le 2027-03-16 est un mardi\n"
        "    hint: corrigez le jour de la semaine ou la date\n"
        "edcal: 4 erreurs de saisie\u00a0; rien n'a été écrit.\n")


def test_dates_and_times_as_sheets_write_them(site: Path) -> None:
    write_sheet(site, "sep=;\n"
                      "Planning de mars;;\n"
                      "Date;Heure;Réseau;Texte\n"
                      "9 mars 2027;9 h 30;linkedin;Un\n"
                      "mardi 9/03/2027 à 14h;;mastodon;Deux\n"
                      "10-03-2027;2 PM;bluesky;Trois\n"
                      "11.03.2027;09.45;x;Quatre\n"
                      "2027-03-11;;linkedin;Cinq\n"
                      "le 12 mars 2027;10:00;linkedin;Six\n"  # was taken for a weekday, 'le'
                      "Le vendredi 12/03/2027;11:00;linkedin;Sept\n")
    result = run_edcal("import", "plan.csv", cwd=site)
    assert result.returncode == 0, result.stderr
    assert items_of(site) == {"un-linkedin": "2027-03-09T09:30:00+01:00",
                              "deux-mastodon": "2027-03-09T14:00:00+01:00",
                              "trois-bluesky": "2027-03-10T14:00:00+01:00",
                              "quatre-x": "2027-03-11T09:45:00+01:00",
                              "cinq-linkedin": "2027-03-11T12:30:00+01:00",  # a day alone: its slot
                              "six-linkedin": "2027-03-12T10:00:00+01:00",
                              "sept-linkedin": "2027-03-12T11:00:00+01:00"}


def test_a_date_without_its_year_is_refused_with_the_year_to_write(site: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # "mardi 12 janvier", as French sheets write a day: it was told to format the column as a date
    monkeypatch.setenv("EDCAL_NOW", "2027-02-15T10:00:00+01:00")
    write_sheet(site, "Date;Réseau;Texte\nmardi 12 janvier;linkedin;A\n10 mars à 9h;linkedin;B\n"
                      "12/01 09:00;linkedin;C\n")
    assert refused(site, "plan.csv") == (
        "plan.csv:2:1: error: found 'mardi 12 janvier': the date has no year\n"
        "    hint: write its year: mardi 12 janvier 2027\n"  # the year it is a Tuesday, though past
        "plan.csv:3:1: error: found '10 mars à 9h': the date has no year\n"
        "    hint: write its year: 10 mars 2027 à 9h\n"
        "plan.csv:4:1: error: found '12/01 09:00': the date has no year\n"
        "    hint: write its year: 12/01/2028 09:00\n"  # the next 12 January
        "edcal: 3 errors in the input; nothing was written.\n")


def test_times_in_utc_are_written_in_the_sites_time(site: Path) -> None:
    # A scheduler's export in UTC: `08:00Z` was written as is, and `edcal move` then refused to move the
    # post across the change to summer time ("09:00 would become 10:00")
    write_sheet(site, "Text,Date\nA,2027-03-03T08:00:00Z\nB,2027-03-05 23:30+00:00\nC,2027-10-31 00:30Z\n")
    result = run_edcal("import", "plan.csv", "--network", "linkedin", cwd=site)
    assert result.returncode in (0, 1), result.stderr
    written = (site / "calendar.d" / "plan.yaml").read_text(encoding="utf-8")
    assert [line for line in written.splitlines() if "at:" in line] == [
        "    at: 2027-03-03 09:00", "    at: 2027-03-06 00:30",
        "    at: 2027-10-31 02:30+02:00"]  # the hour that happens twice keeps its offset
    assert items_of(site)["a-linkedin"] == "2027-03-03T09:00:00+01:00"
    moved = run_edcal("move", "a", "--by", "+1 month", cwd=site)
    assert moved.returncode == 0, moved.stderr
    assert items_of(site)["a-linkedin"] == "2027-04-03T09:00:00+02:00"


def test_excels_french_day_month_year_with_dashes(site: Path) -> None:
    # Excel's "j-mmm-aaaa" format: `2-mars-2027` was told to be formatted as a date, as it was
    write_sheet(site, "Date;Réseau;Texte\n02-mars-27;linkedin;Trois\n", name="court.csv")
    assert refused(site, "court.csv").startswith(
        "court.csv:2:1: error: found '02-mars-27', a year in two digits\n"
        "    hint: write the year in full: 02-mars-2027\n")
    write_sheet(site, "Date;Heure;Réseau;Texte\n2-mars-2027;09:00;linkedin;Un\n12-janv.-2028;;linkedin;Deux\n")
    result = run_edcal("import", "plan.csv", cwd=site)
    assert result.returncode == 0, result.stderr
    assert items_of(site) == {"un-linkedin": "2027-03-02T09:00:00+01:00",
                              "deux-linkedin": "2028-01-12T09:00:00+01:00"}


def test_a_date_column_named_with_utc_is_read_in_utc(site: Path) -> None:
    # "Date (GMT)", as a scheduler's export heads it: the brackets were dropped with the zone, and 08:00 GMT
    # planned at 08:00 in Paris, an hour early, without a word
    write_sheet(site, "Date (GMT);Heure;Réseau;Texte\n02/03/2027 08:00;;linkedin;Un\n03/03/2027;08:00;linkedin;Deux\n"
                      "04/03/2027;;linkedin;Trois\n")
    result = run_edcal("import", "plan.csv", cwd=site)
    assert result.returncode == 0, result.stderr
    assert items_of(site) == {"un-linkedin": "2027-03-02T09:00:00+01:00", "deux-linkedin": "2027-03-03T09:00:00+01:00",
                              "trois-linkedin": "2027-03-04T12:30:00+01:00"}  # a day alone: the slot, in Paris
    write_sheet(site, "Date;Heure (UTC+2);Réseau;Texte\n02/06/2027;09:00;linkedin;Quatre\n", name="ete.csv")
    assert run_edcal("import", "ete.csv", cwd=site).returncode == 0
    assert items_of(site, "calendar.d/ete.yaml") == {"quatre-linkedin": "2027-06-02T09:00:00+02:00"}


def test_month_first_dates(site: Path) -> None:
    write_sheet(site, "date,time,network,text\n03/09/2027,2:30 PM,linkedin,Bonjour\n")
    result = run_edcal("import", "plan.csv", "--date-order", "mdy", cwd=site)
    assert result.returncode == 0, result.stderr
    assert items_of(site) == {"bonjour-linkedin": "2027-03-09T14:30:00+01:00"}


def test_the_loaders_errors_are_shown_at_the_cell(site: Path) -> None:
    write_sheet(site, "date,network,text,owner,id\n"
                      "2027-03-09 10:00,linkedin,Bonjour,ana,\n"
                      "2027-03-10 10:00,linkedin,Encore,ana,Pas un id\n")
    assert refused(site, "plan.csv").startswith(
        "plan.csv:3:38: error: found id 'Pas un id', which is not a valid id\n")
    # A time the clocks skip (2027-03-28 02:30 in Paris), at the time's own cell.
    write_sheet(site, "date,time,network,text\n2027-03-28,02:30,linkedin,Nuit\n")
    errors = refused(site, "plan.csv")
    assert errors.startswith("plan.csv:2:12: error: ") and "2027-03-28 02:30" in errors, errors
    assert "calendar.d/" not in errors  # the file the user never saw is never named


def test_an_error_of_the_file_not_written_names_the_sheet_or_says_it_is_in_the_yaml_alone() -> None:
    """An error of the site read with the new file, where nothing was written: "(first at
    calendar.d/plan.yaml:3)", its file and line given apart, named the file the user never saw; one at a
    line no cell gives (`posts:`) was put at the sheet's first cell, as if its header were wrong."""
    from edcal.commands.import_ import _at_cell
    from edcal.errors import InputError
    from edcal.i18n import say

    shown = "calendar.d/plan.yaml"
    row = Source("plan.csv", 2, 1)
    written = CalendarText("# Imported\nposts:\n  - id: bonjour\n    networks: [x]\n",
                           {3: row, 4: Source("plan.csv", 2, 18)}, {3: row})
    twice = InputError(Source("calendar.yaml", 30, 5),
                       say("post id '{id}' is defined twice (first at {path}:{line})", id="bonjour", path=shown,
                           line=3), say("give each post its own id"))
    assert _at_cell(twice, written, shown).format() == (
        "calendar.yaml:30:5: error: post id 'bonjour' is defined twice (first at plan.csv:2)\n"
        "    hint: give each post its own id")
    at_key = InputError(Source(shown, 2, 1), say("found a problem"))
    assert _at_cell(at_key, written, shown).format() == (
        "plan.csv: error: found a problem (in calendar.d/plan.yaml as the import would write it, line 2, "
        "`posts:`, which no cell of the sheet gives)")


def test_a_past_row_at_the_minute_of_a_past_promotion_is_no_twin(site: Path) -> None:
    # The draft article brouillon is promoted on LinkedIn at 2027-01-15 09:00: a past row of another text
    # at that minute was refused as "planned already, with the same text" (both texts left uncomposed)
    write_sheet(site, "Date;Réseau;Texte;Statut\n15/01/2027 09:00;LinkedIn;Bonne année !;Publié\n"
                      "09/03/2027 10:00;linkedin;À venir;\n")
    result = run_edcal("import", "plan.csv", "--past", "log", cwd=site)
    assert result.returncode == 0, result.stderr
    assert "  plan.csv:2  " in result.stdout and "Bonne année !" in result.stdout
    assert "    text: Bonne année !\n" in (site / "calendar.d" / "plan.yaml").read_text(encoding="utf-8")


def test_names_are_checked_at_their_cells_and_options_once(site: Path) -> None:
    write_sheet(site, "date,network,text,owner,campaign\n"
                      "2027-03-09 10:00,linkedin,Bonjour,Ana Lpes,\n"
                      "2027-03-10 10:00,linkedin,Encore,ben,Lancemnt\n")
    assert refused(site, "plan.csv") == (
        "plan.csv:2:35: error: unknown person 'Ana Lpes'\n"
        "    hint: did you mean Ana Lopes (ana)?\n"
        "plan.csv:3:38: error: unknown campaign 'Lancemnt'\n"
        "    hint: did you mean Lancement (launch)?\n"
        "edcal: 2 errors in the input; nothing was written.\n")
    write_sheet(site, "date,network,text\n2027-03-09 10:00,linkedin,A\n2027-03-10 10:00,linkedin,B\n")
    assert refused(site, "plan.csv", "--campaign", "nope", "--owner", "bne") == (
        "--campaign: error: unknown campaign 'nope'\n"
        "    hint: known: launch\n"
        "--owner: error: unknown owner 'bne'\n"
        "    hint: did you mean Ben Marchal (ben)?\n"
        "edcal: 2 errors in the input; nothing was written.\n")


def test_rows_planned_already_in_the_plan_or_the_sheet_or_past_are_refused(site: Path) -> None:
    write_sheet(site, "date,network,text\n"
                      "2027-03-02 10:00,\"linkedin, x\",Bonjour le monde\n"
                      "2027-03-09 10:00,linkedin,Deux fois\n"
                      "2027-03-09 10:00,linkedin,Deux fois\n"
                      "2026-03-09 10:00,linkedin,Mauvaise année\n")
    assert refused(site, "plan.csv") == (
        "plan.csv:2:1: error: this row is planned already: 'hello' (calendar.yaml:21) on LinkedIn, at the "
        "same time, with the same text\n"
        "    hint: take LinkedIn out of the row's networks: it would be posted twice there\n"
        "plan.csv:4:1: error: this row is planned already: line 3 on LinkedIn, at the same time, with the "
        "same text\n"
        "    hint: delete the row: it would be posted twice\n"
        "plan.csv:5:1: error: this row is not to come (2026-03-09 10:00; now is 2027-02-15 10:00): it "
        "would be planned as out, and nobody posted it\n"
        "    hint: check its year; or leave the row out: --past skip\n"
        "edcal: 3 errors in the input; nothing was written.\n")


def year_sheet() -> str:
    """An agency's year of social-media planning, from Google Sheets: 60 rows, the first 45 past (now is
    2027-02-15 10:00), most of them "Publié", some "Brouillon", two "Annulé"; the last 15 to come."""
    past = ["Publié"] * 45
    for line, status in ((7, "Brouillon"), (12, "Brouillon"), (20, ""), (37, "Annulé"), (43, "Annulé")):
        past[line - 2] = status
    networks = ["LinkedIn", "Mastodon", "Bluesky", "LinkedIn, Mastodon"]
    rows = ["Date;Heure;Réseau;Texte;Statut"]
    rows += [f"{(dt.date(2026, 3, 3) + dt.timedelta(weeks=n)):%d/%m/%Y};09:30;{networks[n % 4]};"
             f"Astuce n°{n + 1} de l'atelier;{past[n]}" for n in range(45)]
    rows += [f"{(dt.date(2027, 2, 16) + dt.timedelta(days=3 * n)):%d/%m/%Y};10:15;{networks[n % 4]};"
             f"À venir n°{n + 1};{'Brouillon' if n % 3 == 0 else 'Programmé'}" for n in range(15)]
    return "\ufeff" + "\r\n".join(rows) + "\r\n"


def refused_into(site: Path, *args: str) -> str:
    """An import that writes nothing, also in a site with a calendar.d/ already: its errors."""
    def files() -> list[Path]:
        return sorted((site / "calendar.d").iterdir()) if (site / "calendar.d").is_dir() else []

    before = {path: path.read_bytes() for path in files()}
    result = run_edcal("import", *args, cwd=site)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert {path: path.read_bytes() for path in files()} == before
    return result.stderr


@pytest.mark.usefixtures("site_language")
def test_past_rows_are_one_error_that_counts_them_and_names_past(site: Path) -> None:
    write_sheet(site, year_sheet(), "annee-2026.csv")
    result = run_edcal("import", "annee-2026.csv", cwd=site)
    assert result.returncode == 2
    assert result.stderr == (
        "annee-2026.csv:2:1: error: 45 lignes ne sont pas à venir (lignes 2-46\u00a0; nous sommes le "
        "15/02/2027 à\u00a010:00)\u00a0: elles seraient planifiées comme déjà en ligne, sans que le journal dise "
        "qu'elles sont parties\n"
        "    hint: pour n'importer que les lignes à venir\u00a0: --past skip\u00a0; pour importer aussi les "
        "passées, en notant au journal celles marquées publiées comme parties\u00a0: --past log\n"
        "edcal: 1 erreur de saisie\u00a0; rien n'a été écrit.\n")
    assert not (site / "calendar.d").exists()


def test_past_skip_leaves_the_past_rows_out_and_says_which(site: Path) -> None:
    write_sheet(site, year_sheet(), "annee-2026.csv")
    result = run_edcal("import", "annee-2026.csv", "--past", "skip", cwd=site)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Imported 15 rows into calendar.d/annee-2026.yaml:\n"
                                    "  annee-2026.csv:47  Tuesday 16 February 2027 10:15 · LinkedIn · "
                                    "À venir n°1 (draft)\n")
    assert "\nLeft out 45 rows whose time has passed (--past skip): lines 2-46.\n" in result.stdout
    written = (site / "calendar.d" / "annee-2026.yaml").read_text(encoding="utf-8")
    assert "Astuce" not in written and "posted:" not in written
    assert len(items_of(site, "calendar.d/annee-2026.yaml")) == 18  # 15 rows, 3 of them on two networks
    write_sheet(site, "date,network,text\n2026-03-09 10:00,linkedin,Passé\n", "old.csv")
    assert refused_into(site, "old.csv", "--past", "skip") == (
        "old.csv:1:1: error: found no row to come: its one row is past (--past skip)\n"
        "    hint: there is nothing to import; to import the past rows with what went out: --past log\n"
        "edcal: 1 error in the input; nothing was written.\n")
    # In French: "la 1 ligne est passée" read as no French sentence does.
    french = run_edcal("import", "old.csv", "--past", "skip", cwd=site, env={"EDCAL_LANG": "fr"})
    assert french.stderr.startswith("old.csv:1:1: error: aucune ligne à venir\u00a0: sa seule ligne est passée "
                                    "(--past skip)\n"), french.stderr


def test_past_log_imports_the_year_with_what_went_out(site: Path) -> None:
    from edcal.pelican_plugin.metadata import read_plan
    from edcal.plan.report import report

    write_sheet(site, year_sheet(), "annee-2026.csv")
    result = run_edcal("import", "annee-2026.csv", "--past", "log", cwd=site)
    assert result.returncode == 0, result.stderr
    assert "\n  annee-2026.csv:2  Tuesday 3 March 2026 09:30 · LinkedIn · Astuce n°1 de l'atelier (gone out)\n" \
        in result.stdout
    assert "\n  annee-2026.csv:37  Tuesday 3 November 2026 09:30 · LinkedIn, Mastodon · Astuce n°36 de " \
        "l'atelier (skipped)\n" in result.stdout
    assert "\n  annee-2026.csv:7  Tuesday 7 April 2026 09:30 · Mastodon · Astuce n°6 de l'atelier " \
        "(draft)\n" in result.stdout
    assert ("\nLogged under posted: as gone out, 40 rows marked published: lines 2-6, 8-11, 13-19, 21-36, "
            "38-42, 44-46.\n"
            "Logged under posted: as not gone out (skipped), 2 rows marked cancelled: lines 37, 43.\n"
            "Not logged, 1 past row the sheet marks neither published nor cancelled: the planning report "
            "counts it as not confirmed until the log says: line 20.\n"
            "Not logged, 2 past rows still drafts in the sheet: the planning report counts them as not ready, "
            "never gone out: lines 7, 12.\n") in result.stdout
    written = (site / "calendar.d" / "annee-2026.yaml").read_text(encoding="utf-8")
    assert written.count("\n  - id: ") == 60
    assert "\n# Ce qui est parti, selon le statut du tableau (publié\u00a0; annulé\u00a0: skipped).\n" \
        "posted:\n  - astuce-n1-de-l-atelier-linkedin\n  - astuce-n2-de-l-atelier-mastodon\n" in written
    assert "  - {item: astuce-n36-de-l-atelier-mastodon, skipped: true}\n" in written
    # The planning report compares last year's plan with what went out.
    months = {month.first.isoformat()[:7]: month for month in report(read_plan(site, "pelicanconf.py")).months}
    april = {channel.network: channel.tally for channel in months["2026-04"].channels}
    assert (april["mastodon"].done, april["mastodon"].unready) == (1, 1)  # line 7, a draft: not ready
    november = {channel.network: channel.tally for channel in months["2026-11"].channels}
    assert november["mastodon"].skipped == 1


def test_a_status_published_on_a_row_to_come_is_refused_at_its_cell(site: Path) -> None:
    write_sheet(site, "date,network,text,statut\n2027-03-09 10:00,linkedin,Déjà ?,Publié\n"
                      "2027-03-10 10:00,linkedin,Non,Annulé\n")
    for past in ((), ("--past", "log")):
        assert refused(site, "plan.csv", *past) == (
            "plan.csv:2:34: error: found status 'Publié' on a row still to come (2027-03-09 10:00): a post goes "
            "out at its time\n"
            "    hint: check its date and its year, or its status\n"
            "plan.csv:3:31: error: found status 'Annulé': a row cancelled is no post to plan\n"
            "    hint: delete the row\n"
            "edcal: 2 errors in the input; nothing was written.\n")


def test_a_dry_run_previews_importing_the_sheet_again(site: Path) -> None:
    write_sheet(site, year_sheet(), "annee-2026.csv")
    assert run_edcal("import", "annee-2026.csv", "--past", "log", cwd=site).returncode == 0
    first = (site / "calendar.d" / "annee-2026.yaml").read_text(encoding="utf-8")
    # A month later, the team logs in a file of its own a post of that import.
    (site / "calendar.d" / "publie.yaml").write_text("posted:\n  - a-venir-n1-linkedin\n", encoding="utf-8")
    again = run_edcal("import", "annee-2026.csv", "--past", "log", "--dry-run", cwd=site)
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("Would import 60 rows into calendar.d/annee-2026.yaml:\n")
    # The ids are the first import's: the preview is the site once that file is deleted.
    assert again.stdout.endswith("The file would read:\n\n" + first + "\ncalendar.d/annee-2026.yaml exists: "
                                 "this is what importing the sheet again would write, once it is deleted (an "
                                 "import never changes a file).\n")
    assert (site / "calendar.d" / "annee-2026.yaml").read_text(encoding="utf-8") == first
    assert refused_into(site, "annee-2026.csv", "--past", "log").startswith(
        "calendar.d/annee-2026.yaml:1:1: error: this file exists already\n"
        "    hint: it holds an earlier import: to import the sheet again, delete it first (--dry-run shows what "
        "the import would then write)")


@pytest.mark.usefixtures("site_language")
def test_a_hootsuite_bulk_file_needs_its_network(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_sheet(site, "09/03/2027 10:00,Texte pour Hootsuite,https://blog.example.fr/\n")
    with monkeypatch.context() as english:
        english.setenv("EDCAL_LANG", "en")
        refusal = refused(site, "plan.csv")
    assert refusal.startswith(
        "plan.csv:1:1: error: found no network column (a file without a header row, as Hootsuite's: date, "
        "message, link)\n    hint: give the network: --network linkedin\n")
    result = run_edcal("import", "plan.csv", "--network", "LinkedIn", "--owner", "Ana Lopes", cwd=site)
    assert result.returncode == 0, result.stderr
    assert "  plan.csv:1  mardi 9 mars 2027 10:00 · LinkedIn · Texte pour Hootsuite\n" in result.stdout
    assert items_of(site) == {"texte-pour-hootsuite-linkedin": "2027-03-09T10:00:00+01:00"}
    assert "    owner: ana\n" in (site / "calendar.d" / "plan.yaml").read_text(encoding="utf-8")


def test_a_buffer_bulk_file_is_read_by_its_posting_time(site: Path) -> None:
    """Buffer's bulk upload file (Text, Image URL, Tags, Posting Time): its date column was not known."""
    write_sheet(site, "Text,Image URL,Tags,Posting Time\nTexte pour Buffer,,,2027-03-09 10:00\n")
    # Buffer's tags are its own labels, no field of a post: left out when said so, as any other column.
    result = run_edcal("import", "plan.csv", "--network", "linkedin", "--owner", "ana", "--skip-column", "Tags",
                       cwd=site)
    assert result.returncode == 0, result.stderr
    assert items_of(site) == {"texte-pour-buffer-linkedin": "2027-03-09T10:00:00+01:00"}


def test_encodings(site: Path) -> None:
    write_sheet(site, "Date;Réseau;Texte\n09/03/2027 10:00;linkedin;Café offert\n", encoding="cp1252")
    assert refused(site, "plan.csv").startswith(
        "plan.csv:1:7: error: byte 0xe9 is not valid utf-8\n"
        "    hint: save it as \"CSV UTF-8\" in the spreadsheet, or give its encoding: --encoding cp1252")
    assert refused(site, "plan.csv", "--encoding", "rot13").startswith("--encoding: error: unknown encoding")
    write_sheet(site, "\ufeffDate;Réseau;Texte\n09/03/2027 10:00;linkedin;Café\n")
    assert refused(site, "plan.csv", "--encoding", "cp1252").startswith(
        "--encoding: error: the file starts with the byte order mark of UTF-8: it is not cp1252\n")
    write_sheet(site, "Date;Réseau;Texte\n09/03/2027 10:00;linkedin;Café\n")
    assert refused(site, "plan.csv", "--encoding", "latin-1").startswith(
        "--encoding: error: the file is UTF-8, not latin-1\n")
    # After a BOM, in a file with CR line ends, a bad byte is shown where an editor shows it.
    (site / "plan.csv").write_bytes(b"\xef\xbb\xbfDate;R\xc3\xa9seau;Texte\r09/03/2027;linkedin;\xc3\xa9\xff")
    assert refused(site, "plan.csv").startswith("plan.csv:2:22: error: byte 0xff is not valid utf-8\n")
    write_sheet(site, "Date;Réseau;Texte\n09/03/2027 10:00;linkedin;Café offert\n", encoding="cp1252")
    result = run_edcal("import", "plan.csv", "--encoding", "ANSI", cwd=site)
    assert result.returncode == 0, result.stderr
    assert "    text: Café offert\n" in (site / "calendar.d" / "plan.yaml").read_text(encoding="utf-8")


def test_excel_unicode_text_is_read(site: Path) -> None:
    write_sheet(site, "\ufeffDate\tRéseau\tTexte\r\n09/03/2027 10:00\tlinkedin\tÉté\r\n", encoding="utf-16-le")
    result = run_edcal("import", "plan.csv", cwd=site)
    assert result.returncode == 0, result.stderr
    assert "    text: Été\n" in (site / "calendar.d" / "plan.yaml").read_text(encoding="utf-8")


def test_quotes_and_characters_a_post_cannot_hold(site: Path) -> None:
    write_sheet(site, 'Date;Réseau;Texte\n09/03/2027 10:00;linkedin;"Il a dit "bonjour" hier"\n')
    assert refused(site, "plan.csv").startswith(
        "plan.csv:2:38: error: found 'b' after the quote that closes a quoted cell\n")
    write_sheet(site, 'Date;Réseau;Texte\n09/03/2027 10:00;linkedin;"Salut"\u00a0\n')
    assert refused(site, "plan.csv").startswith(  # written '\xa0'
        "plan.csv:2:34: error: found a no-break space after the quote that closes a quoted cell\n")
    # Left open on a file split on semicolons: the error blamed the header's separators.
    write_sheet(site, 'Date;Réseau;Texte\n09/03/2027 10:00;linkedin;"Il a dit bonjour\n10/03/2027 10:00;x;Re\n')
    assert refused(site, "plan.csv").startswith(
        "plan.csv:2:27: error: found a quote that is never closed: the rest of the file would be one cell\n")
    write_sheet(site, "Date;Réseau;Texte\n09/03/2027 10:00;linkedin;Trois points\x85\n")
    assert refused(site, "plan.csv").startswith(
        "plan.csv:2:27: error: found the control character U+0085 in this cell\n"
        "    hint: the file is likely cp1252 rather than latin-1: --encoding cp1252\n")


def test_columns_and_options(site: Path) -> None:
    write_sheet(site, "Titre,Texte,Statut\nA,Bonjour,brouillon\n")
    assert refused(site, "plan.csv", "--network", "linkedin") == (
        "plan.csv:1:1: error: found no date column\n"
        "    hint: add a column named 'date' (known names: date, day, jour, date de publication, publication "
        "date, scheduled…)\n"
        "edcal: 1 error in the input; nothing was written.\n")
    write_sheet(site, "Date;Texte LinkedIn;Texte;Réseau\n09/03/2027;A;B;linkedin\n")
    assert refused(site, "plan.csv", "--skip-column", "Commentaire").startswith(
        "--skip-column: error: found no column 'Commentaire' in plan.csv\n"
        "    hint: its columns: Date, Texte LinkedIn, Texte, Réseau\n"
        "plan.csv:1:6: error: found column 'Texte LinkedIn' (B): a text for one network; a row is one post")
    # The export as the build writes it now (with `cw` and `first_comment`: it went unrecognised once `cw` was
    # added), and as earlier versions wrote it.
    from edcal.outputs.exports import CSV_COLUMNS

    for columns in (CSV_COLUMNS, CSV_COLUMNS[:15]):
        write_sheet(site, ",".join(columns) + "\nhello-linkedin,linkedin,2027-03-02 10:00,scheduled"
                    + "," * (len(columns) - 4) + "\n")
        assert "this is edcal's own export (planning/exports/posts.csv)" in refused(site, "plan.csv")
    write_sheet(site, "Date;Réseau;Texte\n")
    assert refused(site, "plan.csv").startswith("plan.csv:1:1: error: found no row to import below the header")


def test_fields_a_sheet_may_give(site: Path) -> None:
    write_sheet(site, "Date;Réseau;Texte;Visuel;Texte alternatif;Statut;Promo;Article;Likes\n"
                      "09/03/2027 10:00;linkedin;'@ana bravo;images/public.png;Une image;brouillon;oui;"
                      "Un article publié;12\n"
                      "10/03/2027 10:00;mastodon;Lire;;;;non;https://blog.example.fr/2027/publie/;\n",
                name="plan.csv")
    result = run_edcal("import", "plan.csv", "--skip-column", "I", "--delimiter", "semicolon", cwd=site)
    assert result.returncode == 0, result.stderr
    written = (site / "calendar.d" / "plan.yaml").read_text(encoding="utf-8")
    assert "    status: draft\n    promotional: true\n    text: \"@ana bravo\"\n" in written  # the guard off
    assert "    article: publie\n    image: images/public.png\n    alt: Une image\n" in written
    assert "    promotional: false\n    text: Lire\n    article: publie\n" in written
    assert "Likes" not in written and "12" not in written


@pytest.mark.usefixtures("site_language")
def test_a_dry_run_writes_nothing_and_shows_the_file(site: Path) -> None:
    write_sheet(site, FRENCH_SHEET)
    result = run_edcal("import", "plan.csv", "--dry-run", cwd=site)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Importerait 2 lignes dans calendar.d/plan.yaml\u00a0:\n")
    assert "Rien d'écrit (--dry-run). Le fichier serait\u00a0:\n\n# Importé de plan.csv" in result.stdout
    assert "    owner: ben\n" in result.stdout
    assert not (site / "calendar.d").exists()


def test_an_import_never_overwrites_and_stays_in_calendar_d(site: Path) -> None:
    write_sheet(site, "date,network,text\n2027-03-09 10:00,linkedin,Premier\n")
    assert run_edcal("import", "plan.csv", cwd=site).returncode == 0
    first = (site / "calendar.d" / "plan.yaml").read_bytes()
    write_sheet(site, "date,network,text\n2027-03-10 10:00,linkedin,Second\n")
    again = run_edcal("import", "plan.csv", cwd=site)
    assert again.returncode == 2
    assert again.stderr.startswith("calendar.d/plan.yaml:1:1: error: this file exists already\n"
                                   "    hint: it holds an earlier import: to import the sheet again, delete "
                                   "it first")
    assert (site / "calendar.d" / "plan.yaml").read_bytes() == first
    outside = run_edcal("import", "plan.csv", "--into", "calendar.yaml", cwd=site)
    assert outside.returncode == 2
    assert outside.stderr.startswith("--into: error: found 'calendar.yaml', expected a file of the site's "
                                     "calendar.d/")
    assert run_edcal("import", "plan.csv", "--into", "calendar.d/second.yml", cwd=site).returncode == 0
    assert set(items_of(site, "calendar.d/second.yml")) == {"second-linkedin"}
    # A name calendar.d/ does not read (a line break typed in it): told on the option, not "read without its
    # edits, please report it".
    broken = run_edcal("import", "plan.csv", "--into", "calendar.d/third\n.yaml", cwd=site, env={"EDCAL_LANG": "en"})
    assert broken.returncode == 2 and not (site / "calendar.d" / "third\n.yaml").exists()
    assert broken.stderr.startswith("--into: error: found the file name 'third\ufffd.yaml', which holds the control "
                                    "character U+000A\n"), broken.stderr


@pytest.mark.usefixtures("site_language")
def test_ctrl_c_once_the_import_is_written_says_so(site: Path) -> None:
    # Ctrl-C once calendar.d/plan.yaml was written, while the report was made: "edcal: interrupted" alone said
    # nothing of the file, which the team would take for an import that did not happen.
    write_sheet(site, FRENCH_SHEET)
    result = run_edcal_with_ctrl_c_after("edcal.commands.import_", "write_new", "import", "plan.csv", cwd=site)
    assert "\nposts:\n  - id: nouvelle-machine-venez-la-voir\n" in (site / "calendar.d" / "plan.yaml").read_text(
        encoding="utf-8")
    assert (result.returncode, result.stdout) == (130, ""), result.stderr
    assert result.stderr == (
        "\nedcal: interrupted\n"
        "note: les lignes étaient importées avant Ctrl-C, dans calendar.d/plan.yaml\u00a0: ne relancez pas "
        "l'import (edcal check vérifie le fichier)\n"), result.stderr


def test_derived_ids_never_name_another_rows_post(site: Path) -> None:
    write_sheet(site, "date,network,text,id\n"
                      "2027-03-09 10:00,linkedin,Salut,\n"
                      "2027-03-09 10:00,mastodon,Salut LinkedIn,\n"
                      "2027-03-10 10:00,linkedin,Autre,salut\n")
    result = run_edcal("import", "plan.csv", cwd=site)
    assert result.returncode == 0, result.stderr
    ids = items_of(site)
    assert len(ids) == 3 and "salut-linkedin" in ids  # the row that asked for `salut` has it
    assert ids["salut-linkedin"] == "2027-03-10T10:00:00+01:00"


def test_what_the_second_trial_broke(site: Path) -> None:
    # A day 0, a text that reads as an impossible date, an image name the system refuses: no traceback.
    write_sheet(site, "Date;Réseau;Texte\n00/03/2027;linkedin;A\n")
    assert refused(site, "plan.csv").startswith("plan.csv:2:1: error: found '00/03/2027': March 2027 has 31 "
                                                "days\n")
    long_name = "a" * 300 + ".png"
    write_sheet(site, f"Date;Réseau;Texte;Visuel\n09/03/2027 10:00;linkedin;2027-13-01;{long_name}\n")
    result = run_edcal("import", "plan.csv", "--dry-run", cwd=site)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert '    text: "2027-13-01"\n' in result.stdout and "plan.csv:2:38: error: image" in result.stdout
    # An id the plan has (a promotion written without id: would be renamed), and a row at now.
    write_sheet(site, "Date;Réseau;Texte;id\n09/03/2027 10:00;linkedin;A;futur\n15/02/2027 10:00;x;B;\n")
    assert refused(site, "plan.csv") == (
        "plan.csv:2:29: error: found id 'futur', which the plan has already (an entry, a post, an article, an "
        "idea or a key date)\n"
        "    hint: give the row another id, or none\n"
        "edcal: 1 error in the input; nothing was written.\n")
    write_sheet(site, "Date;Réseau;Texte\n15/02/2027 10:00;x;B\n")
    assert refused(site, "plan.csv").startswith("plan.csv:2:1: error: this row is not to come (2027-02-15 10:00; "
                                                "now is 2027-02-15 10:00)")


def test_files_that_are_not_what_they_seem(site: Path) -> None:
    (site / "plan.csv").write_bytes(b"PK\x03\x04\x14\x00rest of a workbook")
    assert refused(site, "plan.csv").startswith("plan.csv:1:1: error: this is a workbook (.xlsx, .ods or "
                                                ".xls), not a CSV file\n")
    (site / "plan.csv").write_bytes("Date;Réseau;Texte\r09/03/2027 10:00;linkedin;Été\r".encode("mac-roman"))
    assert "hint: give its encoding: --encoding mac-roman" in refused(site, "plan.csv")
    (site / "plan.csv").write_bytes("Date;Réseau;Texte\n09/03/2027 10:00;linkedin;Été\n".encode("cp1252")
                                    + "10/03/2027 10:00;linkedin;Café\n".encode())
    assert refused(site, "plan.csv", "--encoding", "cp1252").startswith(
        "plan.csv:3:30: error: found 'Ã©', UTF-8 read as cp1252: the file mixes encodings\n")


def test_a_title_with_commas_above_a_semicolon_header(site: Path) -> None:
    write_sheet(site, "Planning : LinkedIn, Mastodon, Bluesky;;\n"
                      "Date;Réseau;Texte;Article\n"
                      '09/03/2027 10:00;"LinkedIn\nMastodon";Lire;https://blog.example.fr/2027/publie/?utm_source=x\n')
    result = run_edcal("import", "plan.csv", "--status", "brouillon", cwd=site)
    assert result.returncode == 0, result.stderr
    written = (site / "calendar.d" / "plan.yaml").read_text(encoding="utf-8")
    assert "    networks: [linkedin, mastodon]\n" in written and "    status: draft\n" in written
    assert "    article: publie\n" in written
    write_sheet(site, "09/03/2027;;\nDate;Réseau;Texte\n09/03/2027 10:00;linkedin;B\n", name="date.csv")
    dated = run_edcal("import", "date.csv", cwd=site)  # a date as the title: still a sheet with a header
    assert dated.returncode == 0, dated.stderr
    write_sheet(site, "Date;Réseau;Texte\n09/03/2027 10:00;linkedin;A\n")
    result = run_edcal("import", "plan.csv", "--delimiter", "comma", "--into", "calendar.d/b.yaml", cwd=site)
    assert result.returncode == 2 and not (site / "calendar.d" / "b.yaml").exists()
    assert result.stderr.startswith(
        "plan.csv:1:1: error: found column 'Date;Réseau;Texte' (A), which holds separators\n"
        "    hint: the cells are split on another separator: give it, --delimiter semicolon")


def test_a_row_of_merged_cells_above_the_header_is_refused_at_its_line(site: Path) -> None:
    # Excel's merged cells over the column names ("Quand" over Date and Heure): the header was taken to
    # be the title's line, and every column said to have no name, at line 1
    write_sheet(site, "Planning de mars;;;\nQuand;;Quoi;\nDate;Heure;Réseau;Texte\n09/03/2027;10:00;linkedin;A\n")
    assert refused(site, "plan.csv") == (
        "plan.csv:2:1: error: found a row of several values ('Quand', 'Quoi') above the header row (line 3)\n"
        "    hint: delete this row in the sheet, and unmerge the cells above the column names: only a title in "
        "one cell may stand above them\n"
        "edcal: 1 error in the input; nothing was written.\n")


def test_a_semicolon_sheet_whose_texts_hold_more_commas_than_its_rows_hold_semicolons(site: Path) -> None:
    # Excel's French CSV: the comma split more cells than the semicolon, the header was one cell, and the
    # sheet was refused ("holds separators")
    write_sheet(site, "Date;Réseau;Texte;Budget\r\n"
                      "02/03/2027 09:00;LinkedIn;Acier, inox, alu, laiton, cuivre, zinc : on fait tout, vraiment;12,50\r\n"
                      "04/03/2027 12:30;LinkedIn;Portes, portails, grilles, garde-corps, verrières, etc.;3,25\r\n")
    result = run_edcal("import", "plan.csv", "--skip-column", "Budget", cwd=site)
    assert result.returncode == 0, result.stderr
    assert items_of(site) == {"acier-inox-alu-laiton-cuivre-zinc-linkedin": "2027-03-02T09:00:00+01:00",
                              "portes-portails-grilles-garde-corps-verrieres-linkedin":
                                  "2027-03-04T12:30:00+01:00"}


def test_a_date_merged_over_rows_says_the_sheet_gives_it_in_the_first_row_only(site: Path) -> None:
    # One date merged over a day's three posts: Excel exports it in the first row, and the other rows were
    # told to write the day or be deleted
    write_sheet(site, "Date;Réseau;Texte\n02/03/2027 09:00;linkedin;Un\n;mastodon;Deux\n;bluesky;Trois\n")
    merged = ("    hint: if the cell is merged with the one above, its value is in the first row only: unmerge the "
              "cells, and write the value on each row\n")
    assert refused(site, "plan.csv") == (
        "plan.csv:3:1: error: found no date in this row (column A)\n" + merged +
        "plan.csv:4:1: error: found no date in this row (column A)\n" + merged +
        "edcal: 2 errors in the input; nothing was written.\n")


def test_the_report_speaks_french() -> None:
    assert_french(translatable_words(ROOT / "plugins" / "edcal" / "commands" / "import_.py"))


# -- the CSV reader against Python's csv module -------------------------------------------------------

_CELLS = st.text(alphabet=st.sampled_from(list('ab é,;"\n\r\t\'x')), max_size=12)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_CELLS, min_size=1, max_size=5), min_size=1, max_size=6),
       st.sampled_from([",", ";", "\t"]), st.sampled_from(["\r\n", "\n", "\r"]))
def test_cells_split_as_the_csv_module_splits_them(rows: list[list[str]], delimiter: str, end: str) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator=end).writerows(rows)
    text = buffer.getvalue()
    expected = [tuple(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
                if any(cell.strip() for cell in r)]
    records = split_records(text, "f.csv", delimiter)
    assert [tuple(cell.text for cell in record) for record in records] == expected
    lines = re.split(r"\r\n|\r|\n", text)
    for record in records:  # each cell starts where its source says: at a line's start or after a separator
        for index, cell in enumerate(record):
            line = lines[cell.source.line - 1]
            if index == 0:
                assert cell.source.column == 1
            else:
                assert line[cell.source.column - 2] == delimiter, (cell, line)
            rest = line[cell.source.column - 1:]
            assert rest.startswith('"') or rest.startswith(re.split(r"\r|\n", cell.text)[0]), (cell, line)


def test_column_letters() -> None:
    assert [column_letter(i) for i in (0, 1, 25, 26, 27, 51, 52, 701, 702)] == \
        ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=60))
def test_every_text_is_written_as_yaml_that_reads_back(text: str) -> None:
    cells = {name: Source("f.csv", 2, column) for column, name in enumerate(("networks", "at", "text"), 1)}
    post = ImportedPost(Source("f.csv", 2), {"id": "p", "networks": ["linkedin"], "at": "2027-03-09 10:00",
                                              "text": text, "link": "https://example.org/"}, cells)
    written = calendar_text([post], "f.csv")
    document = strip_locs(load_yaml(written.text, "calendar.d/f.yaml"))
    assert document["posts"][0]["text"] == text
    assert_lines_map_to_cells(written, cells)


def assert_lines_map_to_cells(written: CalendarText, cells: dict[str, Source]) -> None:
    """Each line of the file is mapped to the cell of the field it writes (the entry's dash to the row)."""
    for number, line in enumerate(written.text.split("\n"), 1):
        field = re.match(r"^(?:  - |    )(\w+):", line)
        if field and field.group(1) in cells:
            assert written.cell_of(Source("calendar.d/f.yaml", number, 9)) == cells[field.group(1)]
    assert written.cell_of(Source("calendar.d/f.yaml", 3, 3)) == Source("f.csv", 2)



def test_a_full_disk_is_said_in_the_teams_words_and_leaves_no_file(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """"impossible d'écrire le fichier : No space left on device": the system's English amid French words; and a
    full temporary folder, where the site is read with the import, gave a traceback."""
    import tempfile

    from click.testing import CliRunner

    from conftest import full_disk
    from edcal.__main__ import cli

    write_sheet(site, FRENCH_SHEET)
    for after, expected in (
            (2, "calendar.d/plan.yaml:1:1: error: impossible d'écrire le fichier\u00a0: plus de place sur le disque\n"
                "    hint: vérifiez les droits du dossier et l'espace libre\n"),
            (0, f"{tempfile.gettempdir()}: error: impossible d'écrire dans le dossier temporaire "
                f"{tempfile.gettempdir()}\u00a0: plus de place sur le disque\n    hint: libérez-y de la place, ou réglez "
                "TMPDIR sur un dossier qui en a\u00a0: le site avec l'import y est lu avant que quoi que ce soit ne "
                "soit écrit\n")):
        with full_disk(monkeypatch, after=after):
            result = CliRunner().invoke(cli, ["import", str(site / "plan.csv"), "--site", str(site)],
                                        env={"EDCAL_LANG": "fr"})
        assert result.exit_code == 2, result.output
        assert result.output == expected + "edcal: 1 erreur de saisie\u00a0; rien n'a été écrit.\n"
        assert not (site / "calendar.d").exists()


def test_a_disk_without_hard_links_takes_the_import(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A site on a USB key (FAT, exFAT) or some network disks, which have no hard links: "cannot write the file:
    operation not permitted", with nothing wrong with the folder. The file is written as `edcal new` writes an
    article there, whole or not at all."""
    import errno
    import os

    from click.testing import CliRunner

    from edcal.__main__ import cli

    def no_hard_links(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(errno.EPERM, "Operation not permitted")

    write_sheet(site, FRENCH_SHEET)
    monkeypatch.setattr(os, "link", no_hard_links)
    result = CliRunner().invoke(cli, ["import", str(site / "plan.csv"), "--site", str(site)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Imported 2 rows into calendar.d/plan.yaml:\n"), result.output
    assert sorted(p.name for p in (site / "calendar.d").iterdir()) == ["plan.yaml"]
    assert "\nposts:\n  - id: nouvelle-machine-venez-la-voir\n" in (site / "calendar.d" / "plan.yaml").read_text(
        encoding="utf-8")


def test_a_process_that_cannot_be_started_is_no_temporary_folders_fault(site: Path, tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Python removed by an upgrade under a running edcal, or no process left to start: "cannot write in the
    temporary folder /tmp: no such file or folder", and TMPDIR to change, about a folder that was fine."""
    import errno
    import os
    import subprocess
    import sys

    from click.testing import CliRunner

    from edcal.__main__ import cli

    write_sheet(site, FRENCH_SHEET)
    gone = tmp_path / "python3.12"

    def no_process(*_args: object, **_kwargs: object) -> None:
        raise BlockingIOError(errno.EAGAIN, "Resource temporarily unavailable")

    # Where there is no fork (the site is then read by a new interpreter), or no process left to fork.
    with monkeypatch.context() as patched:
        patched.delattr(os, "fork")
        patched.setattr(sys, "executable", str(gone))
        result = CliRunner().invoke(cli, ["import", str(site / "plan.csv"), "--site", str(site)],
                                    env={"EDCAL_LANG": "fr"})
    assert result.exit_code == 2, result.output
    assert result.output == (
        f"{gone}: error: impossible de lancer le processus qui lit le site\u00a0: fichier ou dossier introuvable\n"
        f"    hint: edcal lit le site dans un processus à part, {gone} lancé dans {site}\u00a0: vérifiez que l'un "
        "et l'autre peuvent servir\n"
        "edcal: 1 erreur de saisie\u00a0; rien n'a été écrit.\n")
    with monkeypatch.context() as patched:
        patched.setattr(os, "fork", no_process)
        patched.setattr(subprocess, "Popen", no_process)
        result = CliRunner().invoke(cli, ["import", str(site / "plan.csv"), "--site", str(site)])
    assert result.exit_code == 2, result.output
    assert result.output.startswith(f"{sys.executable}: error: cannot start the process that reads the site: "
                                    "resource temporarily unavailable\n"), result.output
    assert not (site / "calendar.d").exists()


def test_the_site_with_the_import_is_read_in_a_process_forked_as_the_command_starts(
        site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Not in a new interpreter, which imports edcal's libraries again (half a second of a small import): the
    import reads the site even where no new Python can start; and in a process of its own, whose plugins
    are not the ones this process registered (a plugin counting its starts sees one in each)."""
    import subprocess
    import sys

    from click.testing import CliRunner

    from edcal.__main__ import cli

    write_sheet(site, FRENCH_SHEET)
    add_site_plugin(site, "compteur", "from pelican import signals\nSTARTS = []\n"
                    "def started(_pelican):\n    if STARTS:\n"
                    "        raise RuntimeError('compteur: deux départs dans un même processus')\n"
                    "    STARTS.append(1)\n"
                    "def register():\n    signals.initialized.connect(started)\n")

    def no_interpreter(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a new interpreter was started")

    try:
        with monkeypatch.context() as patched:
            patched.setattr(sys, "executable", str(tmp_path / "python-gone"))
            patched.setattr(subprocess, "Popen", no_interpreter)
            result = CliRunner().invoke(cli, ["import", str(site / "plan.csv"), "--site", str(site)])
    finally:  # this test's process builds other sites: the plugin leaves with the test
        from pelican import signals

        plugin = sys.modules.pop("compteur", None)
        if plugin is not None:
            signals.initialized.disconnect(plugin.started)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Imported 2 rows into calendar.d/plan.yaml:\n"), result.output

def test_the_sheet_named_from_another_folder_is_shown_as_typed(site: Path) -> None:
    """`edcal import --site blog plans/mars.csv` from the repository's root: the sheet's path is the one
    typed, from the current folder; its cells were shown as blog/plans/mars.csv:1:19, a file that is not
    there, and its rows' list said plans/mars.csv while the findings under it said blog/plans/…"""
    sheets = site.parent / "plans"
    sheets.mkdir()
    (sheets / "mars.csv").write_text("date,network,text,Likes\n2027-03-09 10:00,bluesky,Court\n",
                                     encoding="utf-8")
    wrong = run_edcal("import", "--site", site.name, "plans/mars.csv", "--dry-run", cwd=site.parent)
    assert wrong.returncode == 2 and wrong.stderr.startswith("plans/mars.csv:1:19: error: "), wrong.stderr
    (sheets / "mars.csv").write_text("date,network,text\n2027-03-10 11:00,bluesky,Court\n", encoding="utf-8")
    shown = run_edcal("import", "--site", site.name, "plans/mars.csv", "--dry-run", cwd=site.parent)
    assert shown.returncode == 0, shown.stderr
    assert "\n  plans/mars.csv:2  " in shown.stdout, shown.stdout
    assert "\nplans/mars.csv:2:1: warning: " in shown.stdout, shown.stdout
    articles = site / "content" / "articles"
    below = run_edcal("import", "../../../plans/mars.csv", "--dry-run", cwd=articles)
    assert "\n../../../plans/mars.csv:2:1: warning: " in below.stdout, below.stdout


@pytest.mark.usefixtures("site_language")
def test_a_sheet_gives_a_video_and_a_note(site: Path) -> None:
    from edcal.pelican_plugin.metadata import read_plan

    (site / "content" / "videos").mkdir()
    (site / "content" / "videos" / "visite.mp4").write_bytes(b"\0")
    write_sheet(site, "Date;Réseau;Texte;Lien vidéo;Texte alternatif;Note pour qui publie\n"
                      "09/03/2027 10:00;linkedin;La visite;videos/visite.mp4;Malik fait le tour;'@ana à taguer\n"
                      "10/03/2027 10:00;mastodon;Sans vidéo;;;Épingler\n")
    result = run_edcal("import", "plan.csv", cwd=site)
    assert result.returncode == 0, result.stdout + result.stderr
    written = (site / "calendar.d" / "plan.yaml").read_text(encoding="utf-8")
    # the alt text beside the video describes it, as calendar.yaml reads it; the formula guard is off the note
    assert "    video: videos/visite.mp4\n    alt: Malik fait le tour\n    note: \"@ana à taguer\"\n" in written
    items = {item.id: item for item in read_plan(site, "pelicanconf.py").items}
    video = items["la-visite-linkedin"].media
    assert [(m.kind, m.path, m.alt) for m in video] == [("video", "videos/visite.mp4", "Malik fait le tour")]
    assert items["la-visite-linkedin"].note == "@ana à taguer"
    assert items["sans-video-mastodon"].note == "Épingler" and not items["sans-video-mastodon"].media


@pytest.mark.parametrize(("header", "row", "expected"), [
    # a row with an image and a video: calendar.yaml refuses both on one post
    ("Date;Réseau;Texte;Visuel;Vidéo", "09/03/2027 10:00;linkedin;A;images/public.png;videos/v.mp4",
     "plan.csv:2:47: error: found an image and a video in this row: a post shows one or the other\n"
     "    hint: empty one of the two cells, or give the video a row of its own\n"),
    ("Date;Réseau;Texte;Video URL", "09/03/2027 10:00;linkedin;A;images/public.png",
     "plan.csv:2:29: error: found 'images/public.png' in the video column, expected a video file (.m4v, "
     ".mov, .mp4, .webm) or an https URL\n    hint: an image goes in the image column\n"),
    ("Date;Réseau;Texte;Video", "09/03/2027 10:00;linkedin;A;videos/visite.avi",
     "plan.csv:2:29: error: found 'videos/visite.avi' in the video column, expected a video file (.m4v, "
     ".mov, .mp4, .webm) or an https URL\n    hint: e.g. videos/workshop-tour.mp4\n"),
    ("Date;Réseau;Texte;Image", "09/03/2027 10:00;linkedin;A;videos/visite.MP4",
     "plan.csv:2:29: error: found 'videos/visite.MP4' in the image column: a video\n"
     "    hint: a video goes in a column named 'video' (or 'vidéo', 'lien vidéo')\n"),
    ("Date;Réseau;Texte;Vidéo;Alt", '09/03/2027 10:00;linkedin;A;"a.mp4\nb.mp4";Deux',
     "plan.csv:2:29: error: found several lines in the video cell: a post shows one video\n"
     "    hint: give each video a row of its own\n"),
])
def test_a_video_written_wrong_in_a_sheet_is_told_at_its_cell(site: Path, header: str, row: str,
                                                              expected: str) -> None:
    write_sheet(site, f"{header}\n{row}\n")
    assert refused(site, "plan.csv").startswith(expected)


def test_an_edited_export_carries_its_video_and_note(site: Path) -> None:
    """edcal's own posts.csv is refused whole (its posts are planned); once a team has moved its columns,
    its video, note, warning, thread and poll are read, and what no sheet gives is told, never dropped."""
    from edcal.outputs.exports import CSV_COLUMNS

    (site / "content" / "videos").mkdir()
    (site / "content" / "videos" / "visite.mp4").write_bytes(b"\0")
    columns = [c for c in CSV_COLUMNS if c != "id"] + ["id"]
    values = {"network": "linkedin", "scheduled": "2027-03-09 10:00", "status": "scheduled", "text": "La visite",
              "video": "videos/visite.mp4", "alt": "Malik fait le tour", "note": "Épingler", "source": "x.yaml:3",
              "length": "9", "limit": "3000", "promotional": "false"}
    # a Mastodon post with its warning, its thread and its poll, as posts.csv writes them (the question empty)
    warned = {"network": "mastodon", "scheduled": "2027-03-10 10:00", "status": "scheduled", "text": "Votre avis ?",
              "cw": "Chantier", "thread": "'-2/3 La suite\n---\n3/3 La fin", "poll": "\n---\nOui\nNon\n---\n1 jour",
              "source": "x.yaml:9", "length": "12", "limit": "500", "promotional": "false"}
    sheet = io.StringIO()
    csv.writer(sheet, lineterminator="\n").writerows(
        [columns, *([row.get(c, "") for c in columns] for row in (values, warned))])
    write_sheet(site, sheet.getvalue())
    told = refused(site, "plan.csv")
    assert "found column 'source' (K), which is not a field of a post" in told
    assert all(f"'{name}'" not in told for name in ("video", "note", "cw", "thread", "poll")), told
    result = run_edcal("import", "plan.csv", "--skip-column", "source", "--skip-column", "length",
                       "--skip-column", "limit", "--skip-column", "account", cwd=site)
    assert result.returncode == 0, result.stdout + result.stderr
    written = (site / "calendar.d" / "plan.yaml").read_text(encoding="utf-8")
    assert "    video: videos/visite.mp4\n    alt: Malik fait le tour\n    note: Épingler\n" in written
    assert ("    text: Votre avis ?\n    cw: Chantier\n    thread: [-2/3 La suite, 3/3 La fin]\n"
            "    poll:\n      options: [Oui, Non]\n      duration: 1 jour\n") in written, written


@pytest.mark.usefixtures("site_language")
def test_a_sheet_gives_a_poll_a_content_warning_a_thread_and_a_first_comment(site: Path) -> None:
    """The French names a team writes: the answers in one cell between `|`, the replies between lines `---`; the
    file written reads back, and the build gives each post its poll, warning, thread and comment."""
    import json

    write_sheet(site, "Date;Réseau;Texte;Sondage;Durée du sondage;Question du sondage;Avertissement;Fil;"
                      "Premier commentaire\n"
                      "09/03/2027 10:00;LinkedIn, Mastodon;Quel portail ?;Battant | Coulissant|Sur mesure;1 semaine;"
                      "Votre portail ?;;;Dites-nous pourquoi\n"
                      '10/03/2027 10:00;mastodon;Un chantier difficile;;;;Accident;"2/3 Ce qui s\'est passé\n---\n'
                      '3/3 Ce que nous changeons";\n')
    result = run_edcal("import", "plan.csv", cwd=site)
    assert result.returncode == 0, result.stdout + result.stderr
    written = (site / "calendar.d" / "plan.yaml").read_text(encoding="utf-8")
    assert ("    text: Quel portail ?\n"
            "    first_comment: Dites-nous pourquoi\n"
            "    poll:\n"
            "      question: Votre portail ?\n"
            "      options: [Battant, Coulissant, Sur mesure]\n"
            "      duration: 1 semaine\n") in written, written
    assert ("    text: Un chantier difficile\n"
            "    cw: Accident\n"
            "    thread: [2/3 Ce qui s'est passé, 3/3 Ce que nous changeons]\n") in written, written
    build = run_edcal("build", cwd=site)
    assert build.returncode == 0, build.stdout + build.stderr
    plan = json.loads((site / "planning" / "plan.json").read_text(encoding="utf-8"))
    items = {item["id"]: item for item in plan["items"]}
    poll = {"question": "Votre portail\u00a0?", "options": ["Battant", "Coulissant", "Sur mesure"],  # French spacing
            "duration": "1 semaine", "minutes": 7 * 1440}
    assert items["quel-portail-linkedin"]["poll"] == poll and items["quel-portail-mastodon"]["poll"] == poll
    assert items["quel-portail-linkedin"]["first_comment"]["text"] == "Dites-nous pourquoi"
    warned = items["un-chantier-difficile-mastodon"]
    assert warned["cw"] == "Accident"
    assert [reply["text"] for reply in warned["thread"]] == ["2/3 Ce qui s'est passé", "3/3 Ce que nous changeons"]


def test_english_names_and_answers_one_per_line(site: Path) -> None:
    write_sheet(site, "Date,Network,Text,Poll,Poll duration,Content warning,Thread,First comment\n"
                      '2027-03-09 10:00,mastodon,Which gate?,"Swing\nSliding",3 days,Spoiler,"More below\n --- \n'
                      'And the end\n---\n",\n')
    result = run_edcal("import", "plan.csv", cwd=site)
    assert result.returncode == 0, result.stdout + result.stderr
    written = (site / "calendar.d" / "plan.yaml").read_text(encoding="utf-8")
    assert ("    text: Which gate?\n    cw: Spoiler\n    thread: [More below, And the end]\n"
            "    poll:\n      options: [Swing, Sliding]\n      duration: 3 days\n") in written, written


def test_posts_csvs_answers_are_one_per_line_and_keep_their_bars(site: Path) -> None:
    """posts.csv writes a poll's answers a line each: an answer holding a | (calendar.yaml takes one) comes
    back whole, not as two answers."""
    write_sheet(site, 'Date,Network,Text,Poll\n2027-03-09 10:00,mastodon,Which?,"Gate?\n---\nSwing | left\n'
                      'Sliding\n---\n3 days"\n')
    result = run_edcal("import", "plan.csv", cwd=site)
    assert result.returncode == 0, result.stdout + result.stderr
    written = (site / "calendar.d" / "plan.yaml").read_text(encoding="utf-8")
    assert ("    poll:\n      question: Gate?\n      options: [Swing | left, Sliding]\n"
            "      duration: 3 days\n") in written, written


@pytest.mark.parametrize(("header", "row", "expected"), [
    # one answer: the separator was another ("Oui, Non")
    ("Date;Réseau;Texte;Sondage;Durée du sondage", "09/03/2027 10:00;mastodon;A;Oui, Non;1 jour",
     "plan.csv:2:29: error: found one answer in the poll cell ('Oui, Non'), expected 2 at least\n"
     "    hint: separate the answers with |, or write each on a line of its own: Oui | Non\n"),
    ("Date;Réseau;Texte;Sondage", "09/03/2027 10:00;mastodon;A;Oui | Non",
     "plan.csv:2:29: error: found a poll and no duration in this row\n"
     "    hint: write how long it is open in a column 'poll duration' (or 'durée du sondage'): 1 day, 3 days, "
     "1 week\n"),
    ("Date;Réseau;Texte;Sondage;Durée du sondage", "09/03/2027 10:00;mastodon;A;;1 jour",
     "plan.csv:2:30: error: found a poll duration and no poll answers in this row\n"
     "    hint: write the answers in the poll column (Oui | Non), or empty this cell\n"),
    ("Date;Réseau;Texte;Question du sondage", "09/03/2027 10:00;mastodon;A;Alors ?",
     "plan.csv:2:29: error: found a poll question and no poll answers in this row\n"
     "    hint: write the answers in the poll column (Oui | Non), or empty this cell\n"),
    # a line --- in the answers: posts.csv's cell has three parts (question, answers, duration)
    ("Date;Réseau;Texte;Sondage;Durée du sondage", '09/03/2027 10:00;mastodon;A;"Oui\n---\nNon";1 jour',
     "plan.csv:2:29: error: found 2 parts between lines --- in the poll cell, expected the answers alone (Oui | "
     "Non), or posts.csv's three: question, answers, duration\n"),
    # calendar.yaml's own validation, at the cell: a duration, the same answer twice
    ("Date;Réseau;Texte;Sondage;Durée du sondage", "09/03/2027 10:00;mastodon;A;Oui | Non;1 an",
     "plan.csv:2:39: error: found '1 an', expected a duration such as '2 hours', '1 day' or '1 week'\n"
     "    hint: write a number of minutes, hours, days or weeks"),
    ("Date;Réseau;Texte;Sondage;Durée du sondage", "09/03/2027 10:00;mastodon;A;Oui | oui;1 jour",
     "plan.csv:2:29: error: found the answer 'oui' twice, expected each answer once\n"),
    # an answer left empty between two: one forgotten, never dropped as if it were not there
    ("Date;Réseau;Texte;Sondage;Durée du sondage", "09/03/2027 10:00;mastodon;A;Oui || Non;1 jour",
     "plan.csv:2:29: error: found an empty answer in the poll cell ('Oui || Non'), expected an answer between "
     "each two |\n    hint: write the answer that is missing, or remove one |\n"),
])
def test_a_poll_written_wrong_in_a_sheet_is_told_at_its_cell(site: Path, header: str, row: str,
                                                             expected: str) -> None:
    write_sheet(site, f"{header}\n{row}\n")
    assert refused(site, "plan.csv").startswith(expected)


def test_a_tw_column_is_not_taken_for_a_content_warning(site: Path) -> None:
    # Sheets mark each network's posts in a column of its own ("FB", "TW" for Twitter, "x" in it): "TW" is
    # not a trigger warning, and an "x" is no content warning to post on Mastodon.
    write_sheet(site, "Date,Réseau,Texte,TW\n03/03/2027 09:30,linkedin,Bonjour,x\n")
    assert "found column 'TW' (D), which is not a field of a post" in refused(site, "plan.csv")


def test_a_question_column_is_a_poll_s_only_beside_a_poll_column(site: Path) -> None:
    # A sheet of tips, its "Question" column the one each post answers: not a poll's question on every row
    # (an error per row, whose hint said to empty the cells), but a column edcal does not know, as before.
    write_sheet(site, "Date,Réseau,Texte,Question\n03/03/2027 09:30,linkedin,Bonjour,Entretien\n"
                      "04/03/2027 09:30,linkedin,Re,Matériaux\n")
    told = refused(site, "plan.csv")
    assert told.startswith("plan.csv:1:19: error: found column 'Question' (D), which is not a field of a post\n"
                           "    hint: leave it out: --skip-column Question, or rename it"), told
    assert "no poll answers" not in told
    # Beside the answers, it is the poll's question.
    write_sheet(site, "Date,Réseau,Texte,Sondage,Durée du sondage,Question\n"
                      "03/03/2027 09:30,linkedin,Bonjour,Oui | Non,1 jour,Alors ?\n")
    assert run_edcal("import", "plan.csv", cwd=site).returncode == 0
    assert "      question: Alors ?\n" in (site / "calendar.d" / "plan.yaml").read_text(encoding="utf-8")


def test_a_row_before_its_article_is_told_in_the_sheets_columns(site: Path) -> None:
    write_sheet(site, "date,heure,network,text,article\n2027-03-09,10:00,linkedin,Bientôt,futur\n")
    result = run_edcal("import", "plan.csv", cwd=site)
    assert result.returncode == 1, result.stderr
    assert "plan.csv:2:35: error: post 'bientot-linkedin' goes out 2027-03-09 10:00, before 'futur' is online " \
        "(2027-03-25 09:00): its link would be a dead page [post-before-article]\n" \
        "    hint: move the row to 2027-03-25 09:00 or later, once the article is online (its date and time in " \
        "columns A and B); or take the article out of the row\n" in result.stdout, result.stdout
    assert "`at:`" not in result.stdout and "promote:" not in result.stdout
    write_sheet(site, "date,network,text,lien\n2027-03-09 10:00,linkedin,Lien bientôt,"
                      "https://blog.example.fr/2027/futur/\n", "lien.csv")
    result = run_edcal("import", "lien.csv", cwd=site)
    assert "    hint: move the row to 2027-03-25 09:00 or later, once the article is online (its date in column "\
        "A); or take the article out of the row\n" in result.stdout, result.stdout


def test_posts_to_confirm_are_told_at_the_row_to_confirm(site: Path) -> None:
    write_sheet(site, "date,network,text,statut\n2027-01-12 09:00,linkedin,Parti,Publié\n"
                      "2027-01-18 09:30,linkedin,Pas dit,\n2027-03-02 09:00,linkedin,À venir,\n")
    result = run_edcal("import", "plan.csv", "--past", "log", cwd=site)
    assert result.returncode == 0, result.stderr
    assert "\nplan.csv:3:1: warning: 5 posts whose time has passed in the last 31 days are not in the log of " \
        "what went out, the oldest 'pas-dit-linkedin' (2027-01-18 09:30) [posted-unconfirmed]\n" \
        "    hint: mark those that went out published, and those that did not cancelled, in the status column " \
        "(D); then delete calendar.d/plan.yaml and import the sheet again (--past log)\n" in result.stdout, \
        result.stdout
    assert "plan.csv:2:" not in result.stdout.split("check finds")[1]  # the row logged needs nothing


def test_times_with_a_zone_on_an_account_of_another_zone_are_written_on_its_clock(site: Path) -> None:
    """A Montréal account's row (its network's `timezone:`) from a scheduler's export in UTC was written in Paris
    time (`14:00` for 13:00 UTC), which calendar.yaml then reads on the account's clock: 14:00 in Montréal, five
    hours late. Its time is written on its account's clock; a row for accounts on two clocks keeps the instant
    with the site's offset; a time without a zone is the account's, as calendar.yaml reads it."""
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace(
        "networks:\n", "networks:\n  linkedin-qc: {like: linkedin, name: LinkedIn Québec, timezone: America/Toronto}\n",
        1), encoding="utf-8")
    write_sheet(site, "Date (UTC);Réseau;Texte\n2027-03-16 13:00;LinkedIn Québec;Un\n2027-03-16 13:00;LinkedIn;Deux\n"
                      "2027-03-16 13:00;LinkedIn, LinkedIn Québec;Trois\n")
    result = run_edcal("import", "plan.csv", cwd=site)
    assert result.returncode in (0, 1), result.stderr
    written = (site / "calendar.d" / "plan.yaml").read_text(encoding="utf-8")
    assert [line for line in written.splitlines() if "at:" in line] == [
        "    at: 2027-03-16 09:00", "    at: 2027-03-16 14:00", "    at: 2027-03-16 14:00+01:00"]
    assert items_of(site) == {"un-linkedin-qc": "2027-03-16T14:00:00+01:00", "deux-linkedin": "2027-03-16T14:00:00+01:00",
                              "trois-linkedin": "2027-03-16T14:00:00+01:00",
                              "trois-linkedin-qc": "2027-03-16T14:00:00+01:00"}
    write_sheet(site, "Date;Réseau;Texte\n2027-03-16 09:00+01:00;LinkedIn Québec;Quatre\n"
                      "2027-03-16 09:00;LinkedIn Québec;Cinq\n", name="sans.csv")
    result = run_edcal("import", "sans.csv", cwd=site)
    assert result.returncode in (0, 1), result.stderr
    assert items_of(site, "calendar.d/sans.yaml") == {"quatre-linkedin-qc": "2027-03-16T09:00:00+01:00",
                                                      "cinq-linkedin-qc": "2027-03-16T14:00:00+01:00"}


def test_a_network_id_with_a_hyphen_is_read_in_a_cell(site: Path) -> None:
    """`linkedin-qc`, a network's id as calendar.yaml writes it, was an unknown network in the sheet (its hyphen
    read as a space), with a hint to add `aliases: [linkedin qc]`: the id is read as written, and so is
    `linkedin qc`, the same words."""
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace(
        "networks:\n", "networks:\n  linkedin-qc: {like: linkedin, name: LinkedIn Québec}\n", 1), encoding="utf-8")
    write_sheet(site, "Date,Réseau,Texte\n2027-03-16 09:00,linkedin-qc,Un\n2027-03-16 10:00,LinkedIn QC,Deux\n")
    result = run_edcal("import", "plan.csv", cwd=site)
    assert result.returncode in (0, 1), result.stdout + result.stderr
    assert "unknown network" not in result.stdout + result.stderr
    assert items_of(site) == {"un-linkedin-qc": "2027-03-16T09:00:00+01:00",
                              "deux-linkedin-qc": "2027-03-16T10:00:00+01:00"}
