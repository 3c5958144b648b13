"""`edcal move`: a selection of the plan moved in bulk, in the files people write."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import run_edcal
from edcal.commands import move as move_command
from edcal.errors import InputError, InputErrors
from edcal.load.edits import DayEdit, edited_text, write_texts
from edcal.load.yamlfile import read_text
from edcal.model.source import Source
from edcal.plan import moves
from helpers import assert_french, translatable_words

KEY_DATES = """key_dates:
  - {id: salon, name: Salon de Lyon, on: 2027-03-10}
"""
ANCHORED = """  - id: veille-salon
    networks: [linkedin]
    at: salon -1 day at 18:00
    text: Demain, le salon
"""


def changed_lines(before: str, after: str) -> list[tuple[str, str]]:
    """The lines that differ, as (before, after): what `git diff` would show."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    assert len(old) == len(new)
    return [(a, b) for a, b in zip(old, new, strict=True) if a != b]


def starts(site: Path) -> dict[str, str]:
    """Each item's start as the site now reads."""
    from edcal.pelican_plugin.metadata import read_plan

    return {item.id: item.start.isoformat() for item in read_plan(site, "pelicanconf.py").items
            if item.start is not None}


def test_a_window_moves_and_only_its_days_are_rewritten(site: Path) -> None:
    calendar = site / "calendar.yaml"
    before = calendar.read_text(encoding="utf-8")
    result = run_edcal("move", "--since", "2027-03-01", "--until", "2027-03-05", "--by", "+2 days", cwd=site)
    assert result.returncode == 0, result.stderr
    assert changed_lines(before, calendar.read_text(encoding="utf-8")) == [
        ("    at: 2027-03-02 10:00\n", "    at: 2027-03-04 10:00\n")]
    out = result.stdout
    assert out.startswith("1 date déplacée (+2 days)\u00a0:\n"
                          "  calendar.yaml:23  2027-03-02 → 2027-03-04  (hello (LinkedIn, Mastodon))\n")
    assert "~ jeudi 4 mars 2027 10:00 · LinkedIn, Mastodon · Bonjour le monde (planifié)" in out
    assert "Date\u00a0: mardi 2 mars 2027 10:00 → jeudi 4 mars 2027 10:00" in out
    assert out.endswith("edcal check dit si les nouvelles dates respectent les règles du plan.\n")
    assert starts(site)["hello-linkedin"] == "2027-03-04T10:00:00+01:00"


def test_an_article_moves_and_its_promotions_follow(site: Path) -> None:
    article = site / "content" / "articles" / "futur.md"
    before = article.read_text(encoding="utf-8")
    result = run_edcal("move", "futur", "--by", "+3 days", cwd=site)
    assert result.returncode == 0, result.stderr
    assert changed_lines(before, article.read_text(encoding="utf-8")) == [
        ("date: 2027-03-25 09:00\n", "date: 2027-03-28 09:00\n")]
    assert "content/articles/futur.md:3  2027-03-25 → 2027-03-28  (futur)" in result.stdout
    items = starts(site)
    assert items["article-futur"] == "2027-03-28T09:00:00+02:00"
    # The promotion entry (at publication, +2 weeks) follows without being rewritten.
    assert items["futur-linkedin-1"] == "2027-03-28T09:00:00+02:00"
    assert items["futur-linkedin-2"] == "2027-04-11T09:00:00+02:00"
    assert "· Blog · Article futur" in result.stdout and "LinkedIn" in result.stdout


def test_a_dry_run_shows_the_move_and_writes_nothing(site: Path) -> None:
    files = {path: (path.read_bytes(), path.stat().st_mtime_ns)
             for path in [site / "calendar.yaml", *sorted((site / "content").rglob("*.md"))]}
    result = run_edcal("move", "hello", "futur", "--to", "2027-03-09", "--dry-run", cwd=site)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Déplacerait 2 dates (--to 2027-03-09)\u00a0:\n"
                                    "  calendar.yaml:23  2027-03-02 → 2027-03-09")
    assert "content/articles/futur.md:3  2027-03-25 → 2027-04-01" in result.stdout
    assert "Rien d'écrit (--dry-run)\u00a0: 2 fichiers à modifier." in result.stdout
    # The article lands in the freeze of 1–2 April: the plan shows it held back.
    assert "(gelé)" in result.stdout
    assert {path: (path.read_bytes(), path.stat().st_mtime_ns) for path in files} == files


def test_what_follows_something_else_is_said_and_left(site: Path) -> None:
    """A promotion follows its article, an occurrence its rule: nothing is written, exit 1."""
    calendar = site / "calendar.yaml"
    before = calendar.read_bytes()
    result = run_edcal("move", "--since", "2027-03-10", "--until", "2027-03-25", "--network", "mastodon",
                       "--network", "linkedin", "--by", "+1 day", cwd=site)
    assert result.returncode == 1, result.stderr
    out = result.stdout
    assert out.startswith("Rien n'a été déplacé.\n")
    assert "  mercredi 10 mars 2027 · Chaque mercredi · weekly (Mastodon)  [calendar.yaml:33]\n" \
        "    c'est une occurrence d'une publication récurrente, qui suit sa règle\n" \
        "    → changez le from:/until: de la règle ou ses jours (ligne 33)\n" in out
    assert "elle fait la promotion de l'article «\u00a0futur\u00a0» et suit sa date\n" \
        "    → déplacez l'article (edcal move futur …)\u00a0: ses promotions suivent\n" in out
    assert calendar.read_bytes() == before


def test_a_date_shared_with_an_unselected_network_is_left(site: Path) -> None:
    result = run_edcal("move", "hello", "--network", "linkedin", "--by", "+1 day", cwd=site)
    assert result.returncode == 1
    assert "sa date (ligne 23) date aussi Mastodon, non sélectionné\n" \
        "    → sélectionnez-les aussi, ou donnez à ce réseau son propre `at:` sous `variants:`" in result.stdout


def test_a_key_date_moves_and_what_is_written_relative_to_it_follows(site: Path) -> None:
    calendar = site / "calendar.yaml"
    text = calendar.read_text(encoding="utf-8").replace("ideas:", KEY_DATES + "ideas:", 1) + ANCHORED
    calendar.write_text(text, encoding="utf-8")
    # Selected by its day, the anchored post is left, and the hint names the key date to move.
    left = run_edcal("move", "--since", "2027-03-09", "--until", "2027-03-09", "--by", "+1 week", cwd=site)
    assert left.returncode == 1
    assert "elle est écrite par rapport à la date clé «\u00a0salon\u00a0», et la suit\n" \
        "    → déplacez la date clé (edcal move salon …)" in left.stdout
    result = run_edcal("move", "salon", "--by", "+1 week", cwd=site)
    assert result.returncode == 0, result.stderr
    assert changed_lines(text, calendar.read_text(encoding="utf-8")) == [
        ("  - {id: salon, name: Salon de Lyon, on: 2027-03-10}\n",
         "  - {id: salon, name: Salon de Lyon, on: 2027-03-17}\n")]
    assert "(date clé salon)" in result.stdout
    assert "Date\u00a0: mardi 9 mars 2027 18:00 → mardi 16 mars 2027 18:00" in result.stdout
    assert starts(site)["veille-salon-linkedin"] == "2027-03-16T18:00:00+01:00"


def test_past_items_stay_and_a_move_into_the_past_is_refused(site: Path) -> None:
    moved = run_edcal("move", "--since", "2027-01-01", "--until", "2027-03-05", "--by", "+1 day", cwd=site)
    assert moved.returncode == 0, moved.stderr
    assert "éléments de la sélection sont déjà passés\u00a0: ils restent tels quels." in moved.stdout
    assert starts(site)["article-publie"] == "2027-02-01T09:00:00+01:00"  # published: left
    back = run_edcal("move", "hello", "--by", "-30 days", cwd=site)
    assert back.returncode == 1
    assert "sa date deviendrait le 2027-02-01, avant aujourd'hui" in back.stdout


@pytest.mark.parametrize(("args", "expected"), [
    (("helo", "--by", "+1 day"), "ID: error: unknown id 'helo'\n    hint: did you mean 'hello'?"),
    (("hello", "--network", "linkdin", "--by", "+1 day"),
     "--network: error: unknown network 'linkdin'\n    hint: did you mean 'linkedin'?"),
    (("hello",), "--by: error: expected --by or --to (one of them)"),
    (("hello", "--by", "+2 hours"), "--by: error: found '+2 hours', expected days, weeks or months"),
    (("hello", "--by", "demain"), "--by: error: found 'demain', expected a signed offset"),
    (("--by", "+1 day"), "--since: error: found no selection"),
    (("--since", "2027-06-01", "--until", "2027-06-30", "--by", "+1 day"),
     "--since: error: found no item to come in the selection"),
    (("--since", "2027-02-30", "--by", "+1 day"), "--since: error: found '2027-02-30': February 2027 has 28 days"),
])
def test_bad_options_are_located_errors(site: Path, args: tuple[str, ...], expected: str) -> None:
    before = (site / "calendar.yaml").read_bytes()
    result = run_edcal("move", *args, cwd=site)
    assert result.returncode == 2, result.stdout
    assert result.stderr.startswith(expected), result.stderr
    assert "Traceback" not in result.stderr and result.stderr.endswith("nothing was written.\n")
    assert (site / "calendar.yaml").read_bytes() == before


def test_a_move_the_site_would_not_load_after_writes_nothing(site: Path, monkeypatch) -> None:
    """The site is read again as the move leaves it; an error there stops the move before any write."""
    from edcal.pelican_plugin import metadata

    reads = []
    real = metadata.read_plan

    def read_plan(*args, **kwargs):  # the second read (the moved site) finds an error
        reads.append(args)
        if len(reads) == 2:  # the moved text is read, though not on disk
            assert "at: 2027-03-04 10:00" in read_text(site / "calendar.yaml", "calendar.yaml")
            assert "at: 2027-03-04 10:00" not in (site / "calendar.yaml").read_text(encoding="utf-8")
            raise InputErrors([InputError(Source("calendar.yaml", 23, 9), "an error after the move")])
        return real(*args, **kwargs)

    monkeypatch.setattr(metadata, "read_plan", read_plan)
    before = (site / "calendar.yaml").read_bytes()
    with pytest.raises(InputErrors) as caught:
        move_command.move(site, "pelicanconf.py", ("hello",), None, None, (), None, None, "+2 days", None)
    assert caught.value.outcome == "moved so, the site would not load; nothing was written"
    assert (site / "calendar.yaml").read_bytes() == before
    assert len(reads) == 2


def test_a_day_is_rewritten_in_place_whatever_surrounds_it(tmp_path: Path) -> None:
    text = ('\ufeffposts:\r\n  - at: "2027-01-12 matin"   # le mardi\r\n'
            "    variants: {x: {at: '2027-01-13'}}\r\n")
    edits = [DayEdit(Source("c.yaml", 2, 9), dt.date(2027, 1, 12), dt.date(2027, 1, 19)),
             DayEdit(Source("c.yaml", 3, 25), dt.date(2027, 1, 13), dt.date(2027, 1, 20))]
    edited = edited_text(text[1:], edits)
    assert edited == ('posts:\r\n  - at: "2027-01-19 matin"   # le mardi\r\n'
                      "    variants: {x: {at: '2027-01-20'}}\r\n")
    with pytest.raises(InputErrors, match=r"c\.yaml:3:25: error: expected 2027-01-13 here, found 2027-01-14"):
        edited_text(text[1:].replace("2027-01-13", "2027-01-14"), edits)
    path = tmp_path / "c.yaml"
    path.write_bytes(text.encode("utf-8"))
    path.chmod(0o640)
    write_texts({path: edited})
    assert path.read_bytes() == ("\ufeff" + edited).encode("utf-8")  # the byte order mark is kept
    assert path.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["c.yaml"]


def test_months_keep_to_the_end_of_a_month() -> None:
    assert moves.Shift(1, "months")(dt.date(2027, 1, 31)) == dt.date(2027, 2, 28)
    assert moves.Shift(-2, "weeks")(dt.date(2027, 3, 1)) == dt.date(2027, 2, 15)


def test_the_agenda_shows_the_ids_move_takes(site: Path) -> None:
    result = run_edcal("agenda", "--ids", "--since", "2027-03-02", "--until", "2027-03-02", cwd=site)
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if "Bonjour le monde" in line]
    assert len(lines) == 2 and all(line.rstrip().endswith(" hello") for line in lines)


def test_every_word_of_move_has_a_french_translation() -> None:
    words = [*translatable_words(Path(move_command.__file__)), *translatable_words(Path(moves.__file__))]
    assert len(words) > 25
    assert_french(words)


def test_a_file_that_cannot_be_written_is_a_located_error(site: Path, monkeypatch) -> None:
    def refused(texts) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(move_command, "write_texts", refused)
    with pytest.raises(InputErrors) as caught:
        move_command.move(site, "pelicanconf.py", ("hello",), None, None, (), None, None, "+2 days", None)
    assert [e.format() for e in caught.value.errors] == [
        "calendar.yaml:1:1: error: cannot write the file: Permission denied\n"
        "    hint: check its permissions, then run the command again"]
    assert caught.value.outcome == "nothing was written"
