"""`edcal import`: posts planned in a spreadsheet, into a calendar.d/ file the real loader reads."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import run_edcal
from edcal.load.spreadsheet import ImportedPost, calendar_text
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


def items_of(site: Path, path: str) -> dict[str, str]:
    """The items a file plans, by id, with their start, as the site now reads."""
    from edcal.pelican_plugin.metadata import read_plan

    return {item.id: item.start.isoformat() for item in read_plan(site, "pelicanconf.py").items
            if item.source.path == path and item.start is not None}


def test_a_french_sheet_becomes_a_calendar_file_the_site_reads(site: Path) -> None:
    write_sheet(site, FRENCH_SHEET)
    result = run_edcal("import", "plan.csv", cwd=site)
    assert result.returncode == 0, result.stderr
    written = (site / "calendar.d" / "plan.yaml").read_text(encoding="utf-8")
    assert written == (
        "# Imported from plan.csv by edcal import: one entry per row.\n"
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
    assert items_of(site, "calendar.d/plan.yaml") == {
        "nouvelle-machine-venez-la-voir-linkedin": "2027-03-03T09:30:00+01:00",
        "nouvelle-machine-venez-la-voir-mastodon": "2027-03-03T09:30:00+01:00",
        "astuce-serrez-bien-vos-vis-bluesky": "2027-03-04T12:15:00+01:00",
    }
    assert run_edcal("check", cwd=site).returncode in (0, 1)


def test_the_checks_findings_are_shown_at_the_cells(site: Path) -> None:
    long_text = "Un texte bien trop long pour X. " * 10  # 320 characters
    write_sheet(site, f"date,network,text\n2027-03-09 10:00,x,{long_text}\n2027-03-10 11:00,bluesky,Court\n")
    result = run_edcal("import", "plan.csv", cwd=site)
    assert result.returncode == 1, result.stderr  # written, but the check finds an error
    assert (site / "calendar.d" / "plan.yaml").is_file()
    assert "edcal check relève, dans les lignes importées\u00a0:\n" in result.stdout
    findings = result.stdout.split("relève")[1]
    assert "\nplan.csv:2:20: error: X post 'un-texte-bien-trop-long-pour-x' is 319 long, over the limit of " \
        "280 by 39" in findings  # at the text's cell
    assert "[text-too-long]" in findings and "1 error, 1 warning" in findings


def test_every_bad_cell_is_located_and_nothing_is_written(site: Path) -> None:
    write_sheet(site, "Date,Réseau,Texte,Likes\n"
                      "31/02/2027 09:00,Linkdin,Bonjour,3\n"
                      "03/03/2027 25:00,linkedin,Salut,\n"
                      "12/31/2027,linkedin,Re,\n"
                      "05/03/27,linkedin,Court,\n")
    result = run_edcal("import", "plan.csv", cwd=site)
    assert result.returncode == 2
    assert result.stderr == (
        "plan.csv:1:19: error: found column 'Likes' (D), which is not a field of a post\n"
        "    hint: did you mean 'link'? Else leave it out: --skip-column Likes\n"
        "plan.csv:2:1: error: found '31/02/2027 09:00': February 2027 has 28 days\n"
        "    hint: write a real date, DD/MM/YYYY HH:MM\n"
        "plan.csv:2:18: error: unknown network 'Linkdin'\n"
        "    hint: did you mean 'linkedin'?\n"
        "plan.csv:3:1: error: found '25:00', expected a time from 00:00 to 23:59\n"
        "plan.csv:4:1: error: found '12/31/2027': there is no month 31 when the day comes first "
        "(DD/MM/YYYY HH:MM)\n"
        "    hint: the file writes the month first: --date-order mdy\n"
        "plan.csv:5:1: error: found '05/03/27', a year in two digits\n"
        "    hint: write the year in full: DD/MM/YYYY HH:MM\n"
        "edcal: 6 errors in the input; nothing was written.\n")
    assert not (site / "calendar.d").exists()


def test_the_loaders_errors_are_shown_at_the_cell(site: Path) -> None:
    write_sheet(site, "date,network,text,owner,id\n"
                      "2027-03-09 10:00,linkedin,Bonjour,ana,\n"
                      "2027-03-10 10:00,linkedin,Encore,ana,Pas un id\n")
    result = run_edcal("import", "plan.csv", cwd=site)
    assert result.returncode == 2
    assert result.stderr.startswith("plan.csv:3:38: error: found id 'Pas un id', which is not a valid id\n")
    write_sheet(site, "date,network,text,owner\n2027-03-09 10:00,linkedin,Bonjour,Paul\n")
    result = run_edcal("import", "plan.csv", cwd=site)
    assert result.returncode == 2
    assert result.stderr.startswith("plan.csv:2:35: error: unknown person 'Paul'\n")
    assert "calendar.d/plan.yaml" not in result.stderr  # the file the user never saw is never named
    assert not (site / "calendar.d").exists()


def test_a_row_planned_already_is_refused(site: Path) -> None:
    write_sheet(site, "date,network,text\n2027-03-02 10:00,linkedin,Bonjour le monde\n")
    result = run_edcal("import", "plan.csv", cwd=site)
    assert result.returncode == 2
    assert result.stderr.startswith(
        "plan.csv:2:1: error: this row is planned already: 'hello' (calendar.yaml:21) on LinkedIn, at the "
        "same time, with the same text\n    hint: delete the row: it would be posted twice\n")
    assert not (site / "calendar.d").exists()


def test_a_hootsuite_bulk_file_needs_its_network(site: Path) -> None:
    write_sheet(site, "09/03/2027 10:00,Texte pour Hootsuite,https://blog.example.fr/\n")
    refused = run_edcal("import", "plan.csv", cwd=site)
    assert refused.returncode == 2
    assert refused.stderr.startswith("plan.csv:1:1: error: found no network column (a file without a header "
                                     "row, as Hootsuite's: date, message, link)\n"
                                     "    hint: give the network: --network linkedin\n")
    result = run_edcal("import", "plan.csv", "--network", "LinkedIn", "--owner", "ana", cwd=site)
    assert result.returncode == 0, result.stderr
    assert "  plan.csv:1  mardi 9 mars 2027 10:00 · LinkedIn · Texte pour Hootsuite\n" in result.stdout
    assert items_of(site, "calendar.d/plan.yaml") == {"texte-pour-hootsuite-linkedin": "2027-03-09T10:00:00+01:00"}


def test_a_windows_excel_file_asks_for_its_encoding(site: Path) -> None:
    write_sheet(site, "Date;Réseau;Texte\n09/03/2027 10:00;linkedin;Café offert\n", encoding="cp1252")
    refused = run_edcal("import", "plan.csv", cwd=site)
    assert refused.returncode == 2
    assert refused.stderr.startswith("plan.csv:1:7: error: byte 0xe9 is not valid utf-8\n"
                                     "    hint: save it as \"CSV UTF-8\" in the spreadsheet, or give its "
                                     "encoding: --encoding cp1252")
    result = run_edcal("import", "plan.csv", "--encoding", "cp1252", cwd=site)
    assert result.returncode == 0, result.stderr
    assert "    text: Café offert\n" in (site / "calendar.d" / "plan.yaml").read_text(encoding="utf-8")


def test_month_first_dates_and_am_pm(site: Path) -> None:
    write_sheet(site, "date,time,network,text\n03/09/2027,2:30 PM,linkedin,Bonjour\n")
    result = run_edcal("import", "plan.csv", "--date-order", "mdy", cwd=site)
    assert result.returncode == 0, result.stderr
    assert items_of(site, "calendar.d/plan.yaml") == {"bonjour-linkedin": "2027-03-09T14:30:00+01:00"}


def test_a_dry_run_writes_nothing_and_shows_the_file(site: Path) -> None:
    write_sheet(site, FRENCH_SHEET)
    result = run_edcal("import", "plan.csv", "--dry-run", cwd=site)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Importerait 2 lignes dans calendar.d/plan.yaml\u00a0:\n")
    assert "Rien d'écrit (--dry-run). Le fichier serait\u00a0:\n\n# Imported from plan.csv" in result.stdout
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
                                   "    hint: it holds an earlier import: choose another name with --into")
    assert (site / "calendar.d" / "plan.yaml").read_bytes() == first
    outside = run_edcal("import", "plan.csv", "--into", "calendar.yaml", cwd=site)
    assert outside.returncode == 2
    assert outside.stderr.startswith("--into: error: found 'calendar.yaml', expected a file of calendar.d/")
    assert run_edcal("import", "plan.csv", "--into", "calendar.d/second.yaml", cwd=site).returncode == 0
    assert set(items_of(site, "calendar.d/second.yaml")) == {"second-linkedin"}


def test_columns_are_checked_before_rows(site: Path) -> None:
    write_sheet(site, "Titre,Texte,Statut\nA,Bonjour,brouillon\n")
    result = run_edcal("import", "plan.csv", "--network", "linkedin", cwd=site)
    assert result.returncode == 2
    assert result.stderr == ("plan.csv:1:1: error: found no date column\n"
                             "    hint: add a column named 'date' (known names: date, day, jour, date de "
                             "publication, publication date, scheduled…)\n"
                             "edcal: 1 error in the input; nothing was written.\n")
    own = run_edcal("import", "plan.csv", cwd=site, env={})
    assert own.returncode == 2
    write_sheet(site, "id,network,scheduled,status,title,text,link,image,alt,campaign,owner,source,"
                      "promotional,length,limit\nhello-linkedin,linkedin,2027-03-02 10:00,scheduled,,,,,,,,,,,\n")
    export = run_edcal("import", "plan.csv", cwd=site)
    assert "this is edcal's own export (planning/exports/posts.csv)" in export.stderr


def test_the_report_speaks_french() -> None:
    assert_french(translatable_words(ROOT / "plugins" / "edcal" / "commands" / "import_.py"))


# -- the CSV reader against Python's csv module -------------------------------------------------------

_CELLS = st.text(alphabet=st.sampled_from(list('ab é,;"\n\r\t\'x')), max_size=12)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_CELLS, min_size=1, max_size=5), min_size=1, max_size=6),
       st.sampled_from([",", ";", "\t"]), st.sampled_from(["\r\n", "\n"]))
def test_cells_split_as_the_csv_module_splits_them(rows: list[list[str]], delimiter: str, end: str) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator=end).writerows(rows)
    text = buffer.getvalue()
    expected = [tuple(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
                if any(cell.strip() for cell in r)]
    records = split_records(text, "f.csv", delimiter)
    assert [tuple(cell.text for cell in record) for record in records] == expected
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for record in records:  # each cell starts where its source says: its quote or its first character
        for cell in record:
            line = lines[cell.source.line - 1]
            rest = line[cell.source.column - 1:]
            assert rest.startswith('"') or rest.startswith(cell.text.split("\n")[0].split("\r")[0]), (cell, line)


def test_column_letters() -> None:
    assert [column_letter(i) for i in (0, 1, 25, 26, 27, 51, 52, 701, 702)] == \
        ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\ufeff")
               | st.just("\n"), min_size=1, max_size=60))
def test_every_text_is_written_as_yaml_that_reads_back(text: str) -> None:
    text = text.strip()
    if not text:
        return
    post = ImportedPost(Source("f.csv", 2), {"id": "p", "networks": ["linkedin"], "at": "2027-03-09 10:00",
                                              "text": text})
    written = calendar_text([post], "f.csv")
    document = strip_locs(load_yaml(written.text, "calendar.d/f.yaml"))
    assert document["posts"][0]["text"] == text
    assert all(source == Source("f.csv", 2) for source in written.lines.values())
