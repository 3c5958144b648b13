"""`edcal move`: a selection of the plan moved in bulk, in the files people write."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from conftest import NOW, ROOT, run_edcal, run_edcal_with_ctrl_c_after, run_without_root_rights
from edcal.commands import move as move_command
from edcal.errors import InputErrors
from edcal.i18n import speak, spoken
from edcal.load.edits import DayEdit, MovedDaysEdit, MovedEntryRemoval, edited_text, write_texts
from edcal.model.source import Source
from edcal.plan import move_refusals, moves
from helpers import assert_french, ctrl_c_at, translatable_words

#: Reports in the site's language (French here), as the team reads them.
pytestmark = pytest.mark.usefixtures("site_language")

KEY_DATES = """key_dates:
  - {id: salon, name: Salon de Lyon, on: 2027-03-10}
"""
ANCHORED = """  - id: veille-salon
    networks: [linkedin]
    at: salon -1 day at 18:00
    text: Demain, le salon
"""


def add_posts(site: Path, posts: str) -> str:
    """calendar.yaml with these entries added at the end of `posts:`; its new text."""
    calendar = site / "calendar.yaml"
    text = calendar.read_text(encoding="utf-8") + posts
    calendar.write_text(text, encoding="utf-8")
    return text


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
    assert out.startswith("1 date déplacée (+2 jours)\u00a0:\n"
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
    assert items["futur-linkedin-0"] == "2027-03-28T09:00:00+02:00"
    assert items["futur-linkedin-2w"] == "2027-04-11T09:00:00+02:00"
    assert "· Blog · Article futur" in result.stdout and "LinkedIn" in result.stdout


def test_an_articles_modified_day_moves_with_its_date(site: Path) -> None:
    """`modified:` stayed where it was: moved a week later, the article read "updated on 26 March" under its
    date, 1 April, an update before it was published (and so said its sharing tags and the sitemap)."""
    article = site / "content" / "articles" / "futur.md"
    article.write_text(article.read_text(encoding="utf-8").replace(
        "date: 2027-03-25 09:00\n", "date: 2027-03-25 09:00\nmodified: '2027-03-26 18:00'   # relu\n"),
        encoding="utf-8")
    before = article.read_text(encoding="utf-8")
    result = run_edcal("move", "futur", "--by", "+1 week", cwd=site)
    assert result.returncode == 0, result.stderr
    assert changed_lines(before, article.read_text(encoding="utf-8")) == [
        ("date: 2027-03-25 09:00\n", "date: 2027-04-01 09:00\n"),
        ("modified: '2027-03-26 18:00'   # relu\n", "modified: '2027-04-02 18:00'   # relu\n")]
    assert "content/articles/futur.md:4  2027-03-26 → 2027-04-02  (modified: de futur, avec sa date)" in result.stdout
    # One changed before its date (a slip of the pen) says nothing of the new one: it stays.
    article.write_text(before.replace("modified: '2027-03-26", "modified: '2027-03-20"), encoding="utf-8")
    result = run_edcal("move", "futur", "--by", "+1 week", cwd=site)
    assert result.returncode == 0, result.stderr
    assert "modified: '2027-03-20 18:00'" in article.read_text(encoding="utf-8")


@pytest.mark.parametrize(("by", "day", "said"), [
    ("une semaine", "2027-04-01", "+1 semaine"), ("un jour", "2027-03-26", "+1 jour"),
    ("one week", "2027-04-01", "+1 semaine"), ("a week", "2027-04-01", "+1 semaine"),
    ("deux semaines", "2027-04-08", "+2 semaines"), ("-une semaine", "2027-03-18", "-1 semaine"),
])
def test_by_takes_the_count_in_words_as_cadences_do(site: Path, by: str, day: str, said: str) -> None:
    """`--by 'une semaine'` was refused where `+1 semaine` moved, and a cadence takes `une fois par semaine`."""
    result = run_edcal("move", "futur", "--by", by, "--dry-run", cwd=site)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"Déplacerait 1 date ({said})\u00a0:\n"
                                    f"  content/articles/futur.md:3  2027-03-25 → {day}  (futur)\n"), result.stdout


def test_a_dry_run_shows_the_move_and_writes_nothing(site: Path) -> None:
    files = {path: (path.read_bytes(), path.stat().st_mtime_ns)
             for path in [site / "calendar.yaml", *sorted((site / "content").rglob("*.md"))]}
    result = run_edcal("move", "hello", "futur", "--to", "2027-03-09", "--dry-run", cwd=site)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Déplacerait 2 dates (--to 2027-03-09, +7 jours)\u00a0:\n"
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
    # The three Wednesdays of the series are one line, pointing at its rule.
    assert "  mercredi 10 mars 2027 et 2 autres, jusqu'au mercredi 24 mars 2027 · Chaque mercredi · " \
        "weekly (Mastodon)  [calendar.yaml:33]\n" \
        "    c'est une occurrence d'une publication récurrente, qui suit sa règle\n" \
        "    → changez le from:/until: de la règle ou ses jours (ligne 35)\u00a0; pour laisser un jour de côté, " \
        "ajoutez-le sous `except:`\u00a0; pour déplacer des jours seuls, sélectionnez-les par jour " \
        "(--since/--until)\n" in out
    assert "elle fait la promotion de l'article «\u00a0futur\u00a0» et suit sa date\n" \
        "    → déplacez l'article lui-même (edcal move futur --by …, sans --network)\u00a0: ses promotions " \
        "suivent\n" in out
    assert calendar.read_bytes() == before


def test_a_date_shared_with_an_unselected_network_is_left(site: Path) -> None:
    result = run_edcal("move", "hello", "--network", "linkedin", "--by", "+1 day", cwd=site)
    assert result.returncode == 1
    assert "la même date (ligne 23) vaut aussi pour Mastodon, non sélectionné\n" \
        "    → sélectionnez-les aussi, ou donnez à ce que vous déplacez sa propre date (pour un réseau\u00a0: son " \
        "propre `at:` sous `variants:`)" in result.stdout


def test_a_key_date_moves_and_what_is_written_relative_to_it_follows(site: Path) -> None:
    calendar = site / "calendar.yaml"
    text = calendar.read_text(encoding="utf-8").replace("ideas:", KEY_DATES + "ideas:", 1) + ANCHORED
    calendar.write_text(text, encoding="utf-8")
    # Selected by its day, the anchored post is left, and the hint says how to move it alone: it only named the
    # key date to move, which would move the fair and everything written relative to it for one post.
    left = run_edcal("move", "--since", "2027-03-09", "--until", "2027-03-09", "--by", "+1 week", cwd=site)
    assert left.returncode == 1
    line = text.count("\n") - 1  # ANCHORED's `at:`
    assert "elle est écrite par rapport à la date clé «\u00a0salon\u00a0», et la suit\n" \
        f"    → pour la déplacer seule, changez l'écart de son `at:` (ligne {line}), qui reste relatif à " \
        "«\u00a0salon\u00a0» (pour un réseau\u00a0: son propre `at:` sous `variants:`)\u00a0; " \
        "`edcal move salon …` déplace la date clé, et tout ce qui est écrit par rapport à elle\n" in left.stdout
    result = run_edcal("move", "salon", "--by", "+1 week", cwd=site)
    assert result.returncode == 0, result.stderr
    assert changed_lines(text, calendar.read_text(encoding="utf-8")) == [
        ("  - {id: salon, name: Salon de Lyon, on: 2027-03-10}\n",
         "  - {id: salon, name: Salon de Lyon, on: 2027-03-17}\n")]
    assert "(date clé salon)" in result.stdout
    assert "Date\u00a0: mardi 9 mars 2027 18:00 → mardi 16 mars 2027 18:00" in result.stdout
    assert starts(site)["veille-salon-linkedin"] == "2027-03-16T18:00:00+01:00"


def test_a_network_with_a_date_of_its_own_stays_and_the_report_says_so(site: Path) -> None:
    """The J-7 post followed the fair; its Mastodon variant, at a date of its own, stayed two weeks before it,
    and the report said nothing of it."""
    calendar = site / "calendar.yaml"
    text = calendar.read_text(encoding="utf-8").replace("ideas:", KEY_DATES + "ideas:", 1) + ANCHORED.replace(
        "networks: [linkedin]", "networks: [linkedin, mastodon]") + \
        "    variants:\n      mastodon: {at: 2027-03-09 12:00}\n"
    calendar.write_text(text, encoding="utf-8")
    line = text.splitlines().index("      mastodon: {at: 2027-03-09 12:00}") + 1
    result = run_edcal("move", "salon", "--by", "+1 week", cwd=site)
    assert result.returncode == 0, result.stderr  # nothing selected was left
    assert changed_lines(text, calendar.read_text(encoding="utf-8")) == [
        ("  - {id: salon, name: Salon de Lyon, on: 2027-03-10}\n",
         "  - {id: salon, name: Salon de Lyon, on: 2027-03-17}\n")]
    moved = starts(site)
    assert (moved["veille-salon-linkedin"], moved["veille-salon-mastodon"]) == (
        "2027-03-16T18:00:00+01:00", "2027-03-09T12:00:00+01:00")
    report = result.stdout.split("1 publication garde sa propre date, alors que son entrée suit la date clé\u00a0:\n")
    assert len(report) == 2, result.stdout
    assert report[1] == (
        f"  mardi 9 mars 2027 · Demain, le salon · veille-salon (Mastodon)  [calendar.yaml:{line}]\n"
        "    son `at:` sous `variants:` est une date à part, alors que le reste de son entrée suit la date clé "
        "«\u00a0salon\u00a0»\n"
        "    → déplacez-la aussi (edcal move veille-salon-mastodon --by …), ou écrivez son `at:` par rapport à la "
        "date clé (salon …) pour qu'elle la suive\n"
        "\nedcal check dit si les nouvelles dates respectent les règles du plan.\n")


def test_a_move_says_which_texts_name_the_dates_it_leaves_behind(site: Path) -> None:
    """The J-7 post moved with the fair; its text still said "mercredi 10 mars", and only a later check told."""
    calendar = site / "calendar.yaml"
    text = calendar.read_text(encoding="utf-8").replace("ideas:", KEY_DATES + "ideas:", 1) + ANCHORED.replace(
        "text: Demain, le salon", "text: \"Demain, mercredi 10 mars, le salon\"") + \
        "  - {id: apres, networks: [linkedin], at: salon +1 day, text: Merci}\n"
    calendar.write_text(text, encoding="utf-8")
    result = run_edcal("move", "salon", "--by", "+1 week", "--dry-run", cwd=site)
    assert result.returncode == 0, result.stderr
    report = result.stdout.split("1 texte nomme une date que le déplacement laisse derrière lui (date-in-text)\u00a0:\n")
    assert len(report) == 2, result.stdout
    assert report[1].startswith("  calendar.yaml:") and "mercredi 10 mars" in report[1]
    assert "apres" not in report[1]
    assert calendar.read_text(encoding="utf-8") == text  # --dry-run
    # A move that leaves every text right says nothing of them.
    calendar.write_text(text.replace("mercredi 10 mars, ", ""), encoding="utf-8")
    quiet = run_edcal("move", "salon", "--by", "+1 week", "--dry-run", cwd=site)
    assert "date-in-text" not in quiet.stdout


def test_a_text_already_wrong_still_says_the_date_the_move_leaves_behind(site: Path) -> None:
    """"jeudi 10 mars" (a Wednesday) was already reported; the move made it name a day outside the fair too,
    and the report kept quiet: it left out every post that date-in-text had anything to say of before."""
    calendar = site / "calendar.yaml"
    text = calendar.read_text(encoding="utf-8").replace("ideas:", KEY_DATES + "ideas:", 1)
    calendar.write_text(text + ANCHORED.replace("text: Demain, le salon", "text: \"Demain, jeudi 10 mars, le salon\""),
                        encoding="utf-8")
    result = run_edcal("move", "salon", "--by", "+1 week", "--dry-run", cwd=site)
    assert result.returncode == 0, result.stderr
    report = result.stdout.split("1 texte nomme une date que le déplacement laisse derrière lui (date-in-text)\u00a0:\n")
    assert len(report) == 2, result.stdout
    # The finding the move adds, alone: not the weekday's, there before it.
    said = report[1].split("\n\n")[0]  # the warnings the move brings besides follow
    assert said.startswith("  calendar.yaml:42  ") and said.count("\n") == 0  # at its `text:`
    assert "la date clé 'salon' à laquelle la publication est accrochée a lieu le 17/03/2027" in said


def test_a_move_says_the_errors_it_brings(site: Path) -> None:
    """A post moved before the article it links to: the move said nothing, exit 0, and the next build
    refused the plan. It is said, and the exit code is 1, as `edcal import`'s when its posts bring errors."""
    calendar = site / "calendar.yaml"
    add_posts(site, "  - {id: teaser, networks: [linkedin], at: 2027-03-26 12:30, article: futur, text: Lisez}\n")
    result = run_edcal("move", "teaser", "--to", "2027-03-23", cwd=site)
    assert result.returncode == 1, result.stderr  # moved, and the checks find errors: as `import` says it
    report = result.stdout.split("1 erreur d'edcal check qu'apporte le déplacement (edcal build refuse de "
                                 "construire tant qu'elle reste)\u00a0:\n")
    assert len(report) == 2, result.stdout
    assert report[1].startswith("  calendar.yaml:")
    assert "avant la mise en ligne de 'futur'" in report[1] and "[post-before-article]" in report[1]
    assert "2027-03-23 12:30" in calendar.read_text(encoding="utf-8")
    # Moved back after the article: nothing to say.
    back = run_edcal("move", "teaser", "--to", "2027-03-26", cwd=site)
    assert back.returncode == 0 and "erreur" not in back.stdout, back.stdout


def test_past_items_stay_and_a_move_into_the_past_is_refused(site: Path) -> None:
    moved = run_edcal("move", "--since", "2027-01-01", "--until", "2027-03-05", "--by", "+1 day", cwd=site)
    assert moved.returncode == 0, moved.stderr
    assert "éléments de la sélection sont déjà passés\u00a0: ils restent tels quels." in moved.stdout
    assert starts(site)["article-publie"] == "2027-02-01T09:00:00+01:00"  # published: left
    back = run_edcal("move", "hello", "--by", "-30 days", cwd=site)
    assert back.returncode == 1
    assert "sa nouvelle date (2027-02-01 10:00) serait passée" in back.stdout


def test_an_article_late_in_review_is_rescheduled_with_its_promotions(site: Path) -> None:
    """Still in review a month after its date: move said "no item to come matches 'relecture'; 1 already
    past", and the slipped article, what a team reschedules most, could not be moved. A move of days that
    leaves it late leaves it as it was, among the past items."""
    moved = run_edcal("move", "relecture", "--to", "2027-02-22", cwd=site)
    assert moved.returncode == 0, moved.stdout + moved.stderr
    assert "  content/articles/relecture.md:3  2027-01-20 → 2027-02-22  (relecture)\n" in moved.stdout
    after = starts(site)
    assert after["article-relecture"] == "2027-02-22T09:00:00+01:00"
    assert after["relecture-linkedin-0"] == "2027-02-22T09:00:00+01:00"  # its promotions follow it
    days = run_edcal("move", "--since", "2027-01-01", "--until", "2027-02-10", "--by", "+1 day", cwd=site)
    assert days.returncode == 2 and "; 5 sont en retard (jamais parus), et le déplacement les laisserait dans le passé" in days.stderr, days.stderr
    assert starts(site)["article-brouillon"] == "2027-01-15T09:00:00+01:00"  # late, and left so


def test_a_teaser_of_an_article_in_review_may_not_land_before_now(site: Path) -> None:
    """The safety net asked whether a post was out (a draft teaser never is): moved with its late article,
    the teaser the day before was written into the past, exit 0 (a review found it)."""
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace(
        "schedule: [at publication, +2 days at 12:00]", "schedule: [-1 day at 08:00, at publication]"),
        encoding="utf-8")
    result = run_edcal("move", "relecture", "--to", "2027-02-16", cwd=site, env={"EDCAL_LANG": "en"})
    assert result.returncode == 2, result.stdout + result.stderr
    assert "'relecture-linkedin-1d-before' would move to 2027-02-15 08:00, before now" in result.stderr
    days = run_edcal("move", "--since", "2027-01-19", "--until", "2027-01-21", "--by", "+3d", cwd=site,
                     env={"EDCAL_LANG": "en"})
    assert days.returncode == 2 and "5 are late (due, never out), and the move would leave them in the past" in days.stderr


def test_a_post_a_freeze_withheld_moves_after_it_rather_than_being_lost(site: Path) -> None:
    """The freeze is over; the post it stopped never went out. Move said "already past" and left it: the
    week a crisis froze could not be sent later (docs/cli.md offers move for just that)."""
    calendar = site / "calendar.yaml"
    before = calendar.read_text(encoding="utf-8")
    after_freeze = {"EDCAL_NOW": "2027-04-05T10:00:00+02:00"}
    result = run_edcal("move", "gel", "--to", "2027-04-06", cwd=site, env=after_freeze)
    assert result.returncode == 0, result.stderr
    assert changed_lines(before, calendar.read_text(encoding="utf-8")) == [
        ("    at: 2027-04-01 10:00\n", "    at: 2027-04-06 10:00\n")]
    assert "Statut\u00a0: gelé → planifié" in result.stdout
    # Onto a moment already past, it is refused as any move into the past.
    calendar.write_text(before, encoding="utf-8")
    back = run_edcal("move", "gel", "--by", "+1 day", cwd=site, env=after_freeze)
    assert back.returncode == 1 and "sa nouvelle date (2027-04-02 10:00) serait passée" in back.stdout


def test_a_slot_as_the_day_to_move_to_says_a_move_keeps_the_time(site: Path) -> None:
    """`--to midi`, to give a post the noon slot: told only to write a day, e.g. 2027-01-18."""
    calendar = site / "calendar.yaml"
    calendar.write_text("slots: {midi: \"12:15\"}\n" + calendar.read_text(encoding="utf-8"), encoding="utf-8")
    result = run_edcal("move", "hello", "--to", "midi", cwd=site, env={"EDCAL_LANG": "en"})
    assert result.returncode == 2, result.stdout
    assert result.stderr.startswith(
        "--to: error: found 'midi', expected a date as YYYY-MM-DD (e.g. 2027-01-12)\n"
        "    hint: a day, e.g. 2027-01-18; a move keeps each post's time or slot (to give a post another one, "
        "such as 'midi', edit its `at:`)\n"), result.stderr
    dated = run_edcal("move", "hello", "--to", "2027-03-11 midi", cwd=site, env={"EDCAL_LANG": "en"})
    assert "    hint: a day alone: 2027-03-11; a move keeps each post's time or slot" in dated.stderr
    other = run_edcal("move", "hello", "--to", "demain", cwd=site, env={"EDCAL_LANG": "en"})
    assert "    hint: a day, e.g. 2027-01-18\n" in other.stderr  # no slot of the site


@pytest.mark.parametrize(("args", "expected"), [
    (("helo", "--by", "+1 day"), "ID: error: unknown id 'helo'\n    hint: did you mean 'hello'?"),
    (("hello", "--network", "linkdin", "--by", "+1 day"),
     "--network: error: unknown network 'linkdin'\n    hint: did you mean 'linkedin'?"),
    # As agenda and export say them: a network edcal knows that the site has not set up, a person's name.
    (("hello", "--network", "facebook", "--by", "+1 day"),
     "--network: error: network 'facebook' is not set up under `networks:`\n    hint: networks: bluesky, linkedin"),
    (("hello", "--owner", "Ben Marshal", "--by", "+1 day"),
     "--owner: error: unknown owner 'Ben Marshal'\n    hint: did you mean 'ben' (Ben Marchal)?"),
    (("hello",), "--by: error: expected --by or --to (one of them)"),
    (("hello", "--by", "+2 hours"), "--by: error: found '+2 hours', expected an offset in days, weeks"),
    (("hello", "--by", "+2 days at 12:00"), "--by: error: found '+2 days at 12:00', expected an offset"),
    (("hello", "--by", "+9999999 days"), "--by: error: found '+9999999 days', a move of more than ten years"),
    (("hello", "--by", "0 days"), "--by: error: found '0 days', which moves nothing"),
    (("hello", "--by", "demain"), "--by: error: found 'demain', expected an offset"),
    (("hello", "--by", "1 wk"), "--by: error: found '1 wk', expected an offset in days, weeks or months (a sign is "
     "optional)"),
    # A US date: the hint gives both readings year first, as in calendar.yaml.
    (("--since", "12/10/2026", "--by", "+1 day"), "--since: error: found '12/10/2026', expected a date as YYYY-MM-DD "
     "(e.g. 2027-01-12)\n    hint: dates are written year first: 2026-10-12 if the day comes first"),
    (("--by", "+1 day"), "ID: error: found no selection"),
    # A bad --by without a selection: the option's error first (it was "found no selection" alone), then
    # the selection's.
    (("--by", "tomorrow"), "--by: error: found 'tomorrow', expected an offset in days, weeks or months (a sign is "
     "optional)\n    hint: e.g. --by '+7 days', --by -2d, --by '+1 week', --by '+1 month' (a move keeps each item's "
     "time)\nID: error: found no selection"),
    (("--network", "x", "--by", "+1 day"), "ID: error: found no selection"),
    (("sans-date", "--by", "+1 day"), "ID: error: article 'sans-date' has no date: nothing to move"),
    (("idea-sans-date", "--by", "+1 day"), "ID: error: idea 'sans-date' has no `publish:` day: nothing to move"),
    (("--campaign", "", "--by", "+1 day"), "--campaign: error: unknown campaign ''"),
    (("hello", "--owner", "ben", "--by", "+1 day"),
     "ID: error: found no item to come that matches 'hello' and --owner ben"),
    (("--since", "2027-06-01", "--until", "2027-06-30", "--by", "+1 day"),
     "ID: error: found no item to come that matches --since 2027-06-01 and --until 2027-06-30"),
    (("--since", "2027-02-30", "--by", "+1 day"), "--since: error: found '2027-02-30': February 2027 has 28 days"),
])
def test_bad_options_are_located_errors(site: Path, args: tuple[str, ...], expected: str,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDCAL_LANG", "en")
    (site / "content" / "articles" / "sans-date.md").write_text("Title: Sans date\nStatus: draft\n\nTexte.\n",
                                                                encoding="utf-8")
    before = (site / "calendar.yaml").read_bytes()
    result = run_edcal("move", *args, cwd=site)
    assert result.returncode == 2, result.stdout
    assert result.stderr.startswith(expected), result.stderr
    assert "Traceback" not in result.stderr and result.stderr.endswith("nothing was written.\n")
    assert (site / "calendar.yaml").read_bytes() == before


def test_a_move_the_site_would_not_load_after_writes_nothing(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The site is read again as moved (by the real readers, in a child process): 02:30 on the last
    Sunday of March does not exist in Paris, so nothing is written."""
    monkeypatch.setenv("EDCAL_LANG", "en")  # the errors asserted in English
    calendar = site / "calendar.yaml"
    add_posts(site, "  - id: nuit\n    networks: [x]\n    at: 2027-03-21 02:30\n    text: La nuit\n")
    before = calendar.read_bytes()
    result = run_edcal("move", "nuit", "--by", "+1 week", cwd=site)
    assert result.returncode == 2, result.stdout
    assert result.stderr.startswith("calendar.yaml:39:9: error: 2027-03-28 02:30 does not exist in Europe/Paris")
    assert "2027-03-28 02:30" in result.stderr
    assert result.stderr.endswith("moved so, the site would not load; nothing was written.\n")
    assert calendar.read_bytes() == before


NOCTURNE = """  - id: nocturne
    networks: [mastodon]
    repeat:
      every: week
      on: sat
      at: "02:30"
      from: 2027-03-06
      until: 2027-04-10
    text: La nuit
"""


def test_an_error_of_the_moved_site_is_located_in_the_file_as_it_is(site: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The moved site is read from texts the move wrote in memory, where a day added under a rule's
    `moved:` is a line more: its errors were located there (calendar.yaml:45:27, the line `text: La nuit` in
    the user's file; a post below, a line too far). Located in the file as the user has it, and an error in
    the text the move adds says what and where."""
    monkeypatch.setenv("EDCAL_LANG", "en")
    calendar = site / "calendar.yaml"
    add_posts(site, NOCTURNE + "  - id: nuit\n    networks: [x]\n    at: 2027-03-21 02:30\n    text: La nuit\n")
    before = calendar.read_bytes()
    assert calendar.read_text(encoding="utf-8").splitlines()[43] == "      until: 2027-04-10"
    # One occurrence onto the night the clocks go forward: the error is in the line the move would add.
    result = run_edcal("move", "nocturne-mastodon-20270327", "--by", "+1 day", cwd=site)
    assert result.returncode == 2, result.stdout
    assert result.stderr.startswith(
        "calendar.yaml:44:24: error: 2027-03-28 02:30 does not exist in Europe/Paris: the clocks go forward that "
        "night (occurrence of 2027-03-27 moved, Mastodon) (in `moved: {2027-03-27: 2027-03-28}`, the line the "
        "move would add after this one)\n"), result.stderr
    assert result.stderr.endswith("moved so, the site would not load; nothing was written.\n")
    # An occurrence moved (a line added above) and a post below it onto that night: the post's own line.
    result = run_edcal("move", "nocturne-mastodon-20270320", "nuit", "--by", "+1 week", cwd=site)
    assert result.returncode == 2, result.stdout
    assert result.stderr.startswith("calendar.yaml:48:9: error: 2027-03-28 02:30 does not exist in Europe/Paris"), \
        result.stderr
    assert calendar.read_bytes() == before


@pytest.mark.parametrize("indent", ["    ", "\t"])
def test_a_date_on_a_header_continuation_line_is_moved_and_located_there(site: Path, indent: str,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """`Date:` alone on its line, the date on the next, indented (the meta extension's continuation line, as
    a writer wraps a header): it was located on the `Date:` line, where the move found no date ("its date
    (line 2) is not written as YYYY-MM-DD") and an error pointed after the colon."""
    monkeypatch.setenv("EDCAL_LANG", "en")
    article = site / "content" / "articles" / "futur.md"
    article.write_text(f"Title: Article futur\nDate:\n{indent}2027-03-25 09:00\nTags: a\n\nTexte.\n",
                       encoding="utf-8")
    result = run_edcal("move", "futur", "--by", "+1 day", cwd=site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "  content/articles/futur.md:3  2027-03-25 → 2027-03-26  (futur)\n" in result.stdout
    assert article.read_text(encoding="utf-8") == f"Title: Article futur\nDate:\n{indent}2027-03-26 09:00\nTags: a\n" \
                                                  "\nTexte.\n"
    article.write_text(f"Title: Article futur\nDate:\n{indent}2027-03-28 02:30\n\nTexte.\n", encoding="utf-8")
    result = run_edcal("check", cwd=site)
    assert result.returncode == 2
    assert result.stderr.startswith(f"content/articles/futur.md:3:{len(indent) + 1}: error: 2027-03-28 02:30 does "
                                    "not exist in Europe/Paris"), result.stderr


def line_of(text: str, fragment: str) -> int:
    """The 1-based line of ``text`` that holds ``fragment``."""
    return next(n for n, line in enumerate(text.splitlines(), 1) if fragment in line)


def test_the_lines_a_move_quotes_are_those_of_the_file_on_disk(site: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """A day added under a rule's `moved:` is a line more: --dry-run quoted the plan's changes and the errors
    the move brings at their lines in the moved text (a line too far below it, where the file is untouched),
    and a move that writes quoted the dates it moved at their lines before the line was added."""
    monkeypatch.setenv("EDCAL_LANG", "en")
    calendar = site / "calendar.yaml"
    text = add_posts(site, NOCTURNE.replace('"02:30"', '"10:00"')
                     + "  - {id: teaser, networks: [linkedin], at: 2027-03-26 12:30, article: futur, text: Lisez}\n")
    until, teaser = line_of(text, "until: 2027-04-10"), line_of(text, "id: teaser")
    result = run_edcal("move", "nocturne-mastodon-20270320", "teaser", "--by", "-3 days", "--dry-run", cwd=site)
    assert result.returncode == 1, result.stderr  # the teaser before its article: an error brought
    out = result.stdout
    assert f"  calendar.yaml:{teaser}  2027-03-26 → 2027-03-23  (teaser (LinkedIn))\n" in out, out
    assert f"· Mastodon · La nuit (scheduled)  [calendar.yaml:{until}, the line the move would add after it]\n" \
        in out, out
    assert f"(scheduled)  [calendar.yaml:{teaser}]\n    Date: Friday 26 March 2027 12:30" in out, out
    brought = out.split("(edcal build refuses to build while it stays):\n")[1]
    assert brought.startswith(f"  calendar.yaml:{teaser}  "), out
    assert calendar.read_text(encoding="utf-8") == text
    # Written, the file has the line: what the move says is where it is now.
    result = run_edcal("move", "nocturne-mastodon-20270320", "teaser", "--by", "-3 days", cwd=site)
    assert result.returncode == 1, result.stderr
    moved = calendar.read_text(encoding="utf-8")
    assert line_of(moved, "moved: {2027-03-20: 2027-03-17}") == until + 1
    out = result.stdout
    assert f"  calendar.yaml:{teaser + 1}  2027-03-26 → 2027-03-23  (teaser (LinkedIn))\n" in out, out
    assert f"· Mastodon · La nuit (scheduled)  [calendar.yaml:{until + 1}]\n" in out, out
    assert f"(scheduled)  [calendar.yaml:{teaser + 1}]\n    Date: Friday 26 March 2027 12:30" in out, out
    assert out.split("(edcal build refuses to build while it stays):\n")[1].startswith(
        f"  calendar.yaml:{teaser + 1}  "), out


def test_a_line_a_reason_names_is_the_line_on_disk(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """"the same date (line 49) is also that of duo (Mastodon)": a move that added a `moved:` line above it
    named the line the date was on before it wrote the file."""
    monkeypatch.setenv("EDCAL_LANG", "en")
    calendar = site / "calendar.yaml"
    text = add_posts(site, NOCTURNE.replace('"02:30"', '"10:00"')
                     + "  - id: duo\n    networks: [linkedin, mastodon]\n    at: 2027-03-24 10:00\n    text: Duo\n")
    at = line_of(text, "at: 2027-03-24 10:00")
    args = ("move", "nocturne-mastodon-20270320", "duo-linkedin", "--by", "+1 day")
    said = "    the same date (line {line}) is also that of Mastodon, not selected\n"
    result = run_edcal(*args, "--dry-run", cwd=site)
    assert said.format(line=at) in result.stdout, result.stdout
    result = run_edcal(*args, cwd=site)
    assert line_of(calendar.read_text(encoding="utf-8"), "at: 2027-03-24 10:00") == at + 1
    assert said.format(line=at + 1) in result.stdout, result.stdout


def test_a_line_an_error_of_the_moved_site_names_is_the_line_of_the_file_as_it_is(site: Path) -> None:
    """"found 2027-03-10 twice under `moved:` (first at line 52)": an error of the site read as moved, below
    the line the move adds, was put at its line in the file as it is, but the line in its words was the
    moved text's, one line too far."""
    from edcal.load.edits import Change, applied

    speak("en")
    rule = '    text: Mercredi\n    repeat:\n      every: week\n      on: wed\n      at: "10:00"\n' \
           "      from: 2027-03-03\n      until: 2027-03-31\n"
    text = add_posts(site, "  - id: hebdo\n    networks: [x]\n" + rule + "  - id: autre\n    networks: [mastodon]\n"
                     + rule + "      moved:\n        2027-03-10: 2027-03-11\n        salon: 2027-03-12\n")
    text = text.replace("ideas:", KEY_DATES + "ideas:", 1)
    end = text.index("\n", text.index("until: 2027-03-31"))
    changes = {"calendar.yaml": [Change(end, 0, "\n      moved: {2027-03-17: 2027-03-18}")]}
    path = site / "calendar.yaml"
    with pytest.raises(InputErrors) as raised:
        move_command._read_moved(site, "pelicanconf.py", {path: applied(text, changes["calendar.yaml"])},
                                 {path: text}, changes)
    first, salon = line_of(text, "2027-03-10: 2027-03-11"), line_of(text, "salon: 2027-03-12")
    assert raised.value.errors[0].format().startswith(
        f"calendar.yaml:{salon}:9: error: found 2027-03-10 twice under `moved:` (first at line {first})\n"), \
        raised.value.errors[0].format()


def test_a_freeze_in_force_below_a_line_the_move_adds_is_not_lifted(site: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The freeze before the fair, in force, was matched with itself after the move by its line: with a day
    added under a rule's `moved:` above it, it was matched with none, and the move lifted it and started it
    again a day later without a word ("Would move 2 dates", exit 0)."""
    monkeypatch.setenv("EDCAL_LANG", "en")
    calendar = site / "calendar.yaml"
    text = calendar.read_text(encoding="utf-8").replace("ideas:", KEY_DATES.replace("2027-03-10", "2027-02-20")
                                                        + "ideas:", 1)
    text = re.sub(r"freeze:\n  - .*\n", "", text) + NOCTURNE.replace('"02:30"', '"10:00"') + (
        "freeze:\n  - {from: salon -10 days, until: salon, reason: Avant le salon}\n"
        "  - {from: 2027-04-01, until: 2027-04-02, reason: Crise}\n")
    calendar.write_text(text, encoding="utf-8")
    result = run_edcal("move", "salon", "nocturne-mastodon-20270320", "--by", "+1 day", "--dry-run", cwd=site)
    assert result.returncode == 2, result.stdout
    assert result.stderr.startswith(
        f"calendar.yaml:{line_of(text, 'Avant le salon')}:12: error: the freeze from 2027-02-10 is in "
        "force: the move would lift it and start it again later\n"), result.stderr


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
    # A file that cannot be written leaves every file as it was, with no temporary file behind.
    with pytest.raises(FileNotFoundError):
        write_texts({path: "posts: []\n", tmp_path / "gone" / "d.yaml": "x"})
    assert path.read_bytes() == ("\ufeff" + edited).encode("utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["c.yaml"]


def test_days_of_a_series_move_alone_under_its_rules_moved(site: Path) -> None:
    """One Wednesday of three, a day later: written under the rule's `moved:` (the occurrence keeps its id, so
    calendars update its event); moved again, the day written there changes; a second day joins the first."""
    calendar = site / "calendar.yaml"
    before = calendar.read_text(encoding="utf-8")
    rule = '    repeat: {every: week, on: wed, at: "08:00", from: 2027-03-10, count: 3'
    result = run_edcal("move", "--since", "2027-03-17", "--until", "2027-03-17", "--by", "+1 day", cwd=site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("1 date déplacée (+1 jour)\u00a0:\n  calendar.yaml:35  2027-03-17 → 2027-03-18  "
                                    "(weekly (Mastodon), ajoutée sous moved:)\n")
    assert "~ jeudi 18 mars 2027 08:00 · Mastodon · Chaque mercredi (planifié)" in result.stdout
    assert changed_lines(before, calendar.read_text(encoding="utf-8")) == [
        (rule + "}\n", rule + ", moved: {2027-03-17: 2027-03-18}}\n")]
    assert starts(site)["weekly-mastodon-20270317"] == "2027-03-18T08:00:00+01:00"
    result = run_edcal("move", "weekly-mastodon-20270317", "--by", "+1 day", cwd=site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "  calendar.yaml:35  2027-03-18 → 2027-03-19  (weekly (Mastodon))\n" in result.stdout
    result = run_edcal("move", "--since", "2027-03-24", "--until", "2027-03-24", "--to", "2027-03-26", cwd=site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert changed_lines(before, calendar.read_text(encoding="utf-8")) == [
        (rule + "}\n", rule + ", moved: {2027-03-17: 2027-03-19, 2027-03-24: 2027-03-26}}\n")]
    items = starts(site)
    assert [items[f"weekly-mastodon-202703{day}"] for day in (10, 17, 24)] == [
        "2027-03-10T08:00:00+01:00", "2027-03-19T08:00:00+01:00", "2027-03-26T08:00:00+01:00"]
    # Onto a day the series posts on: refused (it went out twice that day), nothing written.
    stacked = calendar.read_bytes()
    result = run_edcal("move", "--since", "2027-03-10", "--until", "2027-03-10", "--by", "+9 days", cwd=site)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "    la série publie déjà le 19/03/2027\n" in result.stdout  # the 17th's, moved there
    assert calendar.read_bytes() == stacked
    # An occurrence moved before, too: its new day was rewritten onto the 10th, posted twice.
    result = run_edcal("move", "--since", "2027-03-19", "--until", "2027-03-19", "--by", "-9 days", cwd=site)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "    la série publie déjà le 10/03/2027\n" in result.stdout
    assert calendar.read_bytes() == stacked
    # Named, the whole series follows its rule, moved days included: nothing is written.
    after = calendar.read_bytes()
    result = run_edcal("move", "weekly", "--by", "+1 day", cwd=site)
    assert result.returncode == 1 and result.stdout.startswith("Rien n'a été déplacé.\n"), result.stdout
    assert calendar.read_bytes() == after


def test_occurrences_moving_onto_each_other_stay_when_the_last_cannot_move(site: Path) -> None:
    """Two Wednesdays of three a week later: the second would land on the third, which stays (its own next
    day is not free), so the first, meant for the second's day, cannot move either. The first was written all
    the same: the moved site did not load, at a column of a line the user never wrote (calendar.yaml:35:97)."""
    calendar = site / "calendar.yaml"
    before = calendar.read_bytes()
    result = run_edcal("move", "--since", "2027-03-10", "--until", "2027-03-17", "--network", "mastodon",
                       "--by", "+1 week", cwd=site)
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout.startswith("Rien n'a été déplacé.\n"), result.stdout
    assert "  mercredi 10 mars 2027 · Chaque mercredi · weekly (Mastodon)  [calendar.yaml:33]\n" \
           "    la série publie déjà le 17/03/2027\n" in result.stdout
    assert "  mercredi 17 mars 2027 · Chaque mercredi · weekly (Mastodon)  [calendar.yaml:33]\n" \
           "    la série publie déjà le 24/03/2027\n" in result.stdout
    assert calendar.read_bytes() == before


def test_a_days_occurrence_moves_on_all_its_networks_or_not_at_all(site: Path) -> None:
    calendar = site / "calendar.yaml"
    text = add_posts(site, "  - id: conseil\n    networks: [linkedin, x]\n    text: Un conseil\n"
                           "    repeat: {every: week, on: fri, at: '11:00', from: 2027-03-05, until: 2027-03-26}\n")
    result = run_edcal("move", "--since", "2027-03-12", "--until", "2027-03-12", "--network", "x",
                       "--by", "+3 days", cwd=site)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "  vendredi 12 mars 2027 · Un conseil · conseil (X)  [calendar.yaml:37]\n" \
        "    l'occurrence du 2027-03-12 est aussi publiée sur LinkedIn, non sélectionné\n" \
        "    → sélectionnez-la sur tous les réseaux de la publication, ou sur aucun\n" in result.stdout
    assert calendar.read_text(encoding="utf-8") == text


def test_a_moved_day_is_added_last_in_the_rules_own_layout() -> None:
    """A block mapping gets a line after its last one (a multi-line value, comments and CRLF included), a flow
    mapping `, key: value` before its closing brace (quotes and comments skipped)."""
    block = ("posts:\r\n  - id: a\r\n    repeat:\r\n      every: week\r\n      from: >-\r\n        2027-03-01\r\n"
             "      # la fin\r\n\r\n    text: T\r\n")
    days = ((dt.date(2027, 3, 8), dt.date(2027, 3, 9)),)
    assert edited_text(block, [MovedDaysEdit(Source("c.yaml", 4, 7), False, days)]) == block.replace(
        "        2027-03-01\r\n", "        2027-03-01\r\n      moved: {2027-03-08: 2027-03-09}\r\n")
    moved = "  - repeat:\n      moved:\n        2027-03-01: 2027-03-02\n      every: week\n"
    assert edited_text(moved, [MovedDaysEdit(Source("c.yaml", 3, 9), True, days)]) == moved.replace(
        "2027-03-02\n", "2027-03-02\n        2027-03-08: 2027-03-09\n")
    flow = "  - repeat: {every: week, on: 'wed}', # un {\n      from: 2027-03-01}  # }\n"
    assert edited_text(flow, [MovedDaysEdit(Source("c.yaml", 1, 13), False, days)]) == flow.replace(
        "2027-03-01}", "2027-03-01, moved: {2027-03-08: 2027-03-09}}")
    assert edited_text("x: {moved: {}}\n", [MovedDaysEdit(Source("c.yaml", 1, 12), True, days)]) == \
        "x: {moved: {2027-03-08: 2027-03-09}}\n"
    # A comment before the closing brace stays after the new key (it was written inside the comment); a key's
    # list at the keys' own indent stays whole.
    commented = "x: {every: week,\n    from: 2027-03-01   # fin }\n   }\n"
    assert edited_text(commented, [MovedDaysEdit(Source("c.yaml", 1, 4), False, days)]) == commented.replace(
        "2027-03-01   #", "2027-03-01, moved: {2027-03-08: 2027-03-09}   #")
    listed = "  - repeat:\n      every: week\n      except:\n      - 2027-03-15\n    text: T\n"
    assert edited_text(listed, [MovedDaysEdit(Source("c.yaml", 2, 7), False, days)]) == listed.replace(
        "- 2027-03-15\n", "- 2027-03-15\n      moved: {2027-03-08: 2027-03-09}\n")


def test_a_moved_entry_leaves_the_mapping_in_its_own_layout() -> None:
    """An occurrence moved back on its rule's day: its `day: new day` goes, with its comma or its line;
    a new day with a time of its own stays (the time would be lost)."""
    def removed(text: str, line: int, key: int, value: int) -> str:
        return edited_text(text, [MovedEntryRemoval(Source("c.yaml", line, key), Source("c.yaml", line, value))])

    flow = "x: {moved: {2027-03-01: 2027-03-02, 2027-03-08: '2027-03-09', 2027-03-15: 2027-03-16}}\n"
    assert removed(flow, 1, 13, 25) == flow.replace("2027-03-01: 2027-03-02, ", "")
    assert removed(flow, 1, 37, 49) == flow.replace("2027-03-08: '2027-03-09', ", "")
    assert removed(flow, 1, 63, 75) == flow.replace(", 2027-03-15: 2027-03-16", "")
    assert removed("x: {moved: {2027-03-01: 2027-03-02}}\n", 1, 13, 25) == "x: {moved: {}}\n"
    block = "  - repeat:\r\n      moved:\r\n        2027-03-01: 2027-03-02  # fin\r\n        2027-03-08: 2027-03-09\r\n"
    assert removed(block, 3, 9, 21) == block.replace("        2027-03-01: 2027-03-02  # fin\r\n", "")
    with pytest.raises(InputErrors):  # a time of its own: not removed
        removed("x: {moved: {2027-03-01: 2027-03-01 16:00}}\n", 1, 13, 25)


def test_months_keep_to_the_end_of_a_month() -> None:
    assert moves.Shift(1, "months")(dt.date(2027, 1, 31)) == dt.date(2027, 2, 28)
    assert moves.Shift(-2, "weeks")(dt.date(2027, 3, 1)) == dt.date(2027, 2, 15)


def test_the_agenda_shows_the_ids_move_takes(site: Path) -> None:
    result = run_edcal("agenda", "--ids", "--since", "2027-03-02", "--until", "2027-03-02", cwd=site)
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if "Bonjour le monde" in line]
    assert len(lines) == 2 and all(line.rstrip().endswith(" hello") for line in lines)
    # A recurring post's occurrence is named by its day: the entry's id named the whole series, which
    # `edcal move` refused ("it follows its rule"). The name moves that day's occurrence alone.
    calendar = site / "calendar.yaml"
    before = calendar.read_text(encoding="utf-8")
    result = run_edcal("agenda", "--ids", "--since", "2027-03-17", "--until", "2027-03-17", cwd=site)
    assert [line.split()[-1] for line in result.stdout.splitlines() if "Chaque mercredi" in line] == [
        "weekly-20270317"]
    result = run_edcal("move", "weekly-20270317", "--by", "+1 day", cwd=site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert changed_lines(before, calendar.read_text(encoding="utf-8")) == [(
        '    repeat: {every: week, on: wed, at: "08:00", from: 2027-03-10, count: 3}\n',
        '    repeat: {every: week, on: wed, at: "08:00", from: 2027-03-10, count: 3, moved: {2027-03-17: 2027-03-18}}\n')]


def test_every_word_of_move_has_a_french_translation() -> None:
    words = [*translatable_words(Path(move_command.__file__)), *translatable_words(Path(moves.__file__)),
             *translatable_words(Path(move_refusals.__file__)),
             *(form for forms in moves._UNIT_FORMS.values() for form in forms)]  # given with *
    assert len(words) > 25
    assert_french(words)


def test_a_file_that_cannot_be_written_is_a_located_error(site: Path, monkeypatch) -> None:
    monkeypatch.setenv("EDCAL_LANG", "en")  # the errors asserted in English
    def refused(texts, read=None) -> None:
        raise PermissionError(13, "Permission denied", str(site / "calendar.yaml"))

    monkeypatch.setattr(move_command, "write_texts", refused)
    with pytest.raises(InputErrors) as caught:
        move_command.move(site, "pelicanconf.py", ("hello",), None, None, (), None, None, "+2 days", None)
    assert [e.format() for e in caught.value.errors] == [
        "calendar.yaml:1:1: error: cannot write the file: permission denied\n"
        "    hint: check the folder's permissions and free space"]
    # In the team's language, the system's refusal too: not Python's "Operation not permitted".
    monkeypatch.setenv("EDCAL_LANG", "fr")
    speak(None)

    def locked(texts, read=None) -> None:
        raise PermissionError(1, "Operation not permitted", str(site / "calendar.yaml"))

    monkeypatch.setattr(move_command, "write_texts", locked)
    with pytest.raises(InputErrors) as caught:
        move_command.move(site, "pelicanconf.py", ("hello",), None, None, (), None, None, "+2 days", None)
    assert [spoken(e.format()) for e in caught.value.errors] == [
        "calendar.yaml:1:1: error: impossible d'écrire le fichier\u00a0: opération non autorisée\n"
        "    hint: vérifiez les droits du dossier et l'espace libre"]


def with_key_date(site: Path, key_dates: str = KEY_DATES, posts: str = ANCHORED) -> str:
    calendar = site / "calendar.yaml"
    text = calendar.read_text(encoding="utf-8").replace("ideas:", key_dates + "ideas:", 1) + posts
    calendar.write_text(text, encoding="utf-8")
    return text


def test_what_follows_may_not_move_once_past(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The eve-of-fair post went out last night: moving the fair would publish it again."""
    monkeypatch.setenv("EDCAL_LANG", "en")  # the errors asserted in English
    text = with_key_date(site)
    result = run_edcal("move", "salon", "--by", "+1 week", cwd=site, env={"EDCAL_NOW": "2027-03-09T20:00+01:00"})
    assert result.returncode == 2, result.stdout
    assert result.stderr.startswith(
        "calendar.yaml:41:9: error: 'veille-salon-linkedin' is already past (2027-03-09 18:00): the move would "
        "move it to 2027-03-16 18:00\n")
    assert (site / "calendar.yaml").read_text(encoding="utf-8") == text


def test_nothing_lands_before_now_even_on_the_same_day(site: Path) -> None:
    result = run_edcal("move", "hello", "--by", "-7 days", cwd=site, env={"EDCAL_NOW": "2027-02-23T11:00+01:00"})
    assert result.returncode == 1
    assert "sa nouvelle date (2027-02-23 10:00) serait passée" in result.stdout  # an hour ago
    assert "Rien n'a été déplacé." in result.stdout


def test_a_time_written_with_a_utc_offset_does_not_slide_across_daylight_saving(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDCAL_LANG", "en")  # the errors asserted in English
    calendar = site / "calendar.yaml"
    text = add_posts(site, "  - id: fixe\n    networks: [x]\n    at: 2027-03-21 10:00+01:00\n    text: Fixe\n")
    result = run_edcal("move", "fixe", "--by", "+1 week", cwd=site)
    assert result.returncode == 2
    assert result.stderr.startswith("calendar.yaml:39:9: error: 'fixe-x' has its time written with a UTC offset: "
                                    "moved, 10:00 would become 11:00\n")
    assert calendar.read_text(encoding="utf-8") == text
    assert run_edcal("move", "fixe", "--by", "+1 day", cwd=site).returncode == 0  # the same offset: fine
    assert "at: 2027-03-22 10:00+01:00" in calendar.read_text(encoding="utf-8")


def test_a_time_written_with_another_zones_offset_does_not_slide_across_that_zones_clock_change(
        site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A Montréal post written 09:00-05:00 on 9 March, moved a week, kept -05:00: 10:00 in Montréal, whose
    clocks go forward on 14 March, and no word, as Paris's do not change that week."""
    monkeypatch.setenv("EDCAL_LANG", "en")  # the errors asserted in English
    calendar = site / "calendar.yaml"
    text = add_posts(site, "  - id: montreal\n    networks: [x]\n    at: 2027-03-09 09:00-05:00\n    text: Mtl\n")
    result = run_edcal("move", "montreal", "--by", "+1 week", cwd=site)
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.startswith(
        "calendar.yaml:39:9: error: 'montreal-x' has its time written with a UTC offset, -05:00, not the site's "
        "(Europe/Paris, +01:00): moved, 09:00-05:00 would be 10:00 where the clocks keep -05:00 on 2027-03-09 and "
        "change by 2027-03-16 (America/Nassau, America/Toronto, America/Iqaluit…)\n"), result.stderr
    assert calendar.read_text(encoding="utf-8") == text
    assert run_edcal("move", "montreal", "--by", "+1 day", cwd=site).returncode == 0  # no clock changes: fine
    assert "at: 2027-03-10 09:00-05:00" in calendar.read_text(encoding="utf-8")


def test_a_time_written_with_another_zones_offset_is_judged_by_that_zones_clocks_not_the_sites(
        site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Across Paris's change of 28 March, a time written with another zone's offset was told that Paris's hour
    would change, and to leave the offset out: 09:00-05:00 would then go out at 09:00 in Paris, six hours
    early. Montréal's 09:00 moved from 9 to 30 March is told Montréal's change; Bogotá's, from 20 to 30 March,
    is the same 09:00 in Bogotá, whose clocks keep -05:00, and moves."""
    monkeypatch.setenv("EDCAL_LANG", "en")  # the errors asserted in English
    calendar = site / "calendar.yaml"
    text = add_posts(site, "  - id: montreal\n    networks: [x]\n    at: 2027-03-09 09:00-05:00\n    text: Mtl\n"
                           "  - id: bogota\n    networks: [x]\n    at: 2027-03-20 09:00-05:00\n    text: Bogota\n")
    result = run_edcal("move", "montreal", "--by", "+3 weeks", cwd=site)
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.startswith(
        "calendar.yaml:39:9: error: 'montreal-x' has its time written with a UTC offset, -05:00, not the site's "
        "(Europe/Paris, +01:00): moved, 09:00-05:00 would be 10:00 where the clocks keep -05:00 on 2027-03-09 and "
        "change by 2027-03-30 (America/Nassau, America/Toronto, America/Iqaluit…)\n"
        "    hint: change this date by hand, with the offset those clocks keep on the new day\n"), result.stderr
    assert "leave the offset out" not in result.stderr
    assert calendar.read_text(encoding="utf-8") == text
    result = run_edcal("move", "bogota", "--by", "+10 days", cwd=site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "at: 2027-03-30 09:00-05:00" in calendar.read_text(encoding="utf-8")


def test_times_written_with_another_zones_offset_read_each_zone_once(
        site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each post written with another zone's offset is judged by the clocks that keep it: the 418 places'
    zones were read again from their files for each one (12 ms a post: 200 posts moved in 3.95 s, 1.55 s
    without their offsets). They are read once a run, however many posts there are; counted, not timed."""
    import zoneinfo._common

    read: Counter[str] = Counter()
    load_data = zoneinfo._common.load_data

    def counted(file: Any) -> Any:
        read[str(getattr(file, "name", file))] += 1
        return load_data(file)

    monkeypatch.setattr(zoneinfo._common, "load_data", counted)
    monkeypatch.setenv("EDCAL_NOW", "2027-03-01T08:00+01:00")
    add_posts(site, "".join(f"  - id: mtl{day}\n    networks: [x]\n    at: 2027-05-{day:02d} 09:00-04:00\n"
                            f"    text: Mtl {day}\n" for day in range(1, 31)))
    outcome = move_command.move(site, "pelicanconf.py", (), "2027-05-01", "2027-05-31", ("x",), None, None,
                                "+1 day", None, dry_run=True)
    assert outcome.code == 0, outcome.text
    assert "mtl30" in outcome.text
    assert [name for name, times in read.items() if times > 1] == []


def test_a_date_shared_with_another_entry_is_left(site: Path) -> None:
    """One YAML anchor dates two entries: moving one would move the other."""
    calendar = site / "calendar.yaml"
    text = add_posts(site, "  - &base {id: un, networks: [x], at: 2027-03-05 09:00, text: Un}\n"
                           "  - {<<: *base, id: deux, text: Deux}\n")
    result = run_edcal("move", "un", "--by", "+1 day", cwd=site)
    assert result.returncode == 1
    assert "la même date (ligne 37) vaut aussi pour deux (X), non sélectionné" in result.stdout
    assert calendar.read_text(encoding="utf-8") == text
    assert run_edcal("move", "un", "deux", "--by", "+1 day", cwd=site).returncode == 0
    assert "at: 2027-03-06 09:00" in calendar.read_text(encoding="utf-8")


def test_a_key_date_keeps_its_length_and_takes_no_filter(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDCAL_LANG", "en")  # the errors asserted in English
    text = with_key_date(site, "key_dates:\n  - {id: salon, name: Salon, from: 2027-03-29, until: 2027-03-31}\n", "")
    assert run_edcal("move", "salon", "--network", "x", "--by", "+1 week", cwd=site).stderr.startswith(
        "ID: error: --network cannot select part of key date 'salon'")
    result = run_edcal("move", "salon", "--by", "+1 month", cwd=site)
    assert result.returncode == 0, result.stderr
    assert changed_lines(text, (site / "calendar.yaml").read_text(encoding="utf-8")) == [
        ("  - {id: salon, name: Salon, from: 2027-03-29, until: 2027-03-31}\n",
         "  - {id: salon, name: Salon, from: 2027-04-29, until: 2027-05-01}\n")]


def test_to_counts_from_what_moves(site: Path) -> None:
    """An anchored post on the 1st stays (it follows its key date): --to counts from hello, the 2nd."""
    with_key_date(site, "key_dates:\n  - {id: salon, name: Salon, on: 2027-03-02}\n")
    result = run_edcal("move", "--since", "2027-03-01", "--until", "2027-03-02", "--to", "2027-03-05",
                       "--dry-run", cwd=site)
    assert result.returncode == 1, result.stderr
    assert "(--to 2027-03-05, +3 jours)" in result.stdout
    assert "calendar.yaml:25  2027-03-02 → 2027-03-05" in result.stdout


def test_a_site_reached_through_a_link_is_moved_and_checked(site: Path, tmp_path: Path) -> None:
    (tmp_path / "lien").symlink_to(site)
    shared = site / "content" / "partage"
    shared.mkdir()
    article = site / "content" / "articles" / "futur.md"
    (shared / "futur.md").write_bytes(article.read_bytes())
    article.unlink()
    article.symlink_to(Path("..") / "partage" / "futur.md")
    result = run_edcal("move", "FUTUR", "--by", "+1 day", "--site", str(tmp_path / "lien"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Date\u00a0: jeudi 25 mars 2027 09:00 → vendredi 26 mars 2027 09:00" in result.stdout
    assert article.is_symlink() and "date: 2027-03-26 09:00" in (shared / "futur.md").read_text(encoding="utf-8")


def test_a_series_written_relative_to_a_moved_key_date_follows_it(site: Path) -> None:
    with_key_date(site, "key_dates:\n  - {id: salon, name: Salon, from: 2027-03-10, until: 2027-03-11}\n",
                  "  - {id: au-salon, networks: [x], text: Au salon, "
                  "repeat: {every: day, at: '08:00', from: salon, until: salon end}}\n")
    result = run_edcal("move", "salon", "--since", "2027-03-01", "--until", "2027-03-31", "--by", "+1 week",
                       cwd=site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "non déplacé" not in result.stdout
    # Occurrences are named by their day: the fair's two days are new ones, the old ones gone.
    assert "- mercredi 10 mars 2027 08:00 et 1 autre, jusqu'au jeudi 11 mars 2027 08:00 · X · Au salon " \
        "(planifié)  [calendar.yaml:39]" in result.stdout
    assert "+ mercredi 17 mars 2027 08:00 et 1 autre, jusqu'au jeudi 18 mars 2027 08:00 · X · Au salon" \
        in result.stdout


def test_a_date_shared_through_a_yaml_alias_is_left(site: Path) -> None:
    calendar = site / "calendar.yaml"
    text = add_posts(site, "  - {id: un, networks: [x], at: &jour 2027-03-05 09:00, text: Un}\n"
                           "  - {id: deux, networks: [x], at: *jour, text: Deux}\n")
    for name in ("un", "deux"):
        result = run_edcal("move", name, "--by", "+1 day", cwd=site)
        assert result.returncode == 1, result.stdout
        shared = "&jour" if name == "un" else "*jour"
        assert f"sa date (ligne {37 if name == 'un' else 38}) est partagée par le YAML {shared}" in result.stdout
    assert calendar.read_text(encoding="utf-8") == text


def test_an_article_held_by_a_freeze_moves_from_its_own_date(site: Path) -> None:
    """futur (25 March) under a freeze of 24–26 March goes online on the 26th: it is selected, and moved,
    by the date written in its file."""
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace(
        "  - {from: 2027-04-01, until: 2027-04-02,", "  - {from: 2027-03-24, until: 2027-03-26,"), encoding="utf-8")
    result = run_edcal("move", "--since", "2027-03-25", "--until", "2027-03-25", "--to", "2027-03-30", cwd=site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "content/articles/futur.md:3  2027-03-25 → 2027-03-30  (futur)" in result.stdout
    assert "(--to 2027-03-30, +5 jours)" in result.stdout


def test_the_agenda_shows_key_dates_ids(site: Path) -> None:
    with_key_date(site)
    result = run_edcal("agenda", "--ids", "--since", "2027-03-10", "--until", "2027-03-10", cwd=site)
    assert "Mercredi 10 mars 2027 — ◆ Salon de Lyon (salon)" in result.stdout


def test_a_key_date_may_not_move_a_campaign_or_a_freeze_under_way(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDCAL_LANG", "en")  # the errors asserted in English
    calendar = site / "calendar.yaml"
    with_key_date(site, "key_dates:\n  - {id: salon, name: Salon, on: 2027-03-10}\n", "")
    text = calendar.read_text(encoding="utf-8").replace(
        "from: 2027-03-01, until: 2027-04-15", "from: salon -2 weeks, until: salon").replace(
        "  - {from: 2027-04-01, until: 2027-04-02,", "  - {from: salon -1 week, until: salon,")
    calendar.write_text(text, encoding="utf-8")
    result = run_edcal("move", "salon", "--by", "+1 week", cwd=site, env={"EDCAL_NOW": "2027-03-05T10:00+01:00"})
    assert result.returncode == 2, result.stdout
    # At the `from:` the hint asks to change, not at the entry's first line.
    assert "calendar.yaml:14:41: error: campaign 'launch' began on 2027-02-24: the move would have it begin on " \
        "2027-03-03" in result.stderr
    # A freeze written from a day is said as written: "from 2027-03-03", not its midnight.
    assert "calendar.yaml:16:12: error: the freeze from 2027-03-03 is in force: the move would lift it" \
        in result.stderr
    assert calendar.read_text(encoding="utf-8") == text
    assert run_edcal("move", "salon", "--by", "+1 week", cwd=site,
                     env={"EDCAL_NOW": "2027-02-20T10:00+01:00"}).returncode == 0  # neither has begun yet


def test_a_failed_replace_puts_back_the_files_already_replaced(tmp_path: Path, monkeypatch) -> None:
    first, second = tmp_path / "a.yaml", tmp_path / "b.md"
    first.write_text("a: 1\n", encoding="utf-8")
    second.write_text("b: 1\n", encoding="utf-8")
    real_replace = os.replace

    def replace(source, target):  # the second file may not be replaced (immutable, say)
        if str(target) == str(second) and ".b.md." in str(source):
            raise PermissionError(1, "Operation not permitted")
        return real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(PermissionError) as caught:
        write_texts({first: "a: 2\n", second: "b: 2\n"})
    assert caught.value.filename == str(second)
    assert first.read_text(encoding="utf-8") == "a: 1\n" and second.read_text(encoding="utf-8") == "b: 1\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml", "b.md"]


def test_a_read_only_file_is_not_replaced(site: Path) -> None:
    """A calendar.yaml made read-only (chmod a-w) was replaced all the same: a rename needs only the folder's
    permission. It is the writer's refusal; the move writes nothing and says which file and what to do."""
    calendar = site / "calendar.yaml"
    before = calendar.read_bytes()
    calendar.chmod(0o444)
    result = run_without_root_rights(site, "move", "hello", "--by", "+2 days")
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.startswith(
        "calendar.yaml:1:1: error: impossible d'écrire le fichier\u00a0: permission refusée\n"
        "    hint: le fichier est en lecture seule\u00a0: donnez-lui le droit d'écriture (chmod u+w), puis "
        "relancez le déplacement\n"), result.stderr
    assert calendar.read_bytes() == before and calendar.stat().st_mode & 0o777 == 0o444
    assert sorted(p.name for p in site.iterdir() if p.name.startswith(".")) == []


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root writes another's file")
def test_a_file_keeps_its_owner(site: Path) -> None:
    """edcal run as root (in a container, on the team's repository mounted in it) gave calendar.yaml to root:
    its owner could no longer save it."""
    calendar = site / "calendar.yaml"
    os.chown(calendar, 1000, 1000)
    result = run_edcal("move", "hello", "--by", "+2 days", cwd=site)
    assert result.returncode == 0, result.stderr
    assert "at: 2027-03-04 10:00" in calendar.read_text(encoding="utf-8")
    assert (calendar.stat().st_uid, calendar.stat().st_gid) == (1000, 1000)


def test_a_file_saved_while_the_move_is_checked_is_not_written_over(site: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """calendar.yaml saved in an editor during the seconds the moved site is read again: the move wrote the text
    it had read, moved, over it, and the line just saved was lost without a word."""
    monkeypatch.setenv("EDCAL_LANG", "en")  # the errors asserted in English
    calendar = site / "calendar.yaml"
    real = move_command.read_edited

    def saved_meanwhile(*args: object, **kwargs: object) -> object:
        read = real(*args, **kwargs)  # type: ignore[arg-type]
        with calendar.open("a", encoding="utf-8") as handle:
            handle.write("# added while edcal move ran\n")
        return read

    monkeypatch.setattr(move_command, "read_edited", saved_meanwhile)
    with pytest.raises(InputErrors) as caught:
        move_command.move(site, "pelicanconf.py", ("hello",), None, None, (), None, None, "+2 days", None)
    assert [e.format() for e in caught.value.errors] == [
        "calendar.yaml:1:1: error: the file changed while the move was prepared\n"
        "    hint: run the command again: it moves the dates in the file as it is now"]
    assert calendar.read_text(encoding="utf-8").endswith("# added while edcal move ran\n")
    assert "at: 2027-03-02 10:00" in calendar.read_text(encoding="utf-8")


def test_ctrl_c_once_the_move_is_written_says_so(site: Path) -> None:
    # Ctrl-C while the changes were compared and checked, the files written already: "edcal: interrupted"
    # alone said nothing of them, and the move run again would have moved the dates twice.
    result = run_edcal_with_ctrl_c_after("edcal.commands.move", "write_texts", "move", "hello", "--by", "+1 day",
                                         cwd=site)
    assert "at: 2027-03-03 10:00" in (site / "calendar.yaml").read_text(encoding="utf-8")
    assert (result.returncode, result.stdout) == (130, ""), result.stderr
    assert result.stderr == (
        "\nedcal: interrupted\n"
        "note: les dates étaient déplacées avant Ctrl-C, dans calendar.yaml\u00a0: ne relancez pas le "
        "déplacement (edcal diff montre ce qu'il a changé, edcal check le vérifie)\n"), result.stderr


@pytest.mark.parametrize("stopped", ["os.fsync", "os.replace"])
def test_ctrl_c_while_a_move_is_written_leaves_every_file_as_it_was(tmp_path: Path, stopped: str,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C between two renames left calendar.yaml moved beside an article not moved (the plan half
    moved), and the article's new text in a hidden file beside it."""
    first, second = tmp_path / "calendar.yaml", tmp_path / "article.md"
    first.write_text("a: 2027-01-12\n", encoding="utf-8")
    second.write_text("date: 2027-01-12\n", encoding="utf-8")
    ctrl_c_at(monkeypatch, stopped.removeprefix("os."))
    with pytest.raises(KeyboardInterrupt):
        write_texts({first: "a: 2027-01-19\n", second: "date: 2027-01-19\n"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.md", "calendar.yaml"]
    assert (first.read_text(encoding="utf-8"), second.read_text(encoding="utf-8")) == (
        "a: 2027-01-12\n", "date: 2027-01-12\n")


def test_a_post_named_like_an_article_is_not_taken_for_its_promotions(site: Path) -> None:
    add_posts(site, "  - {id: futur, networks: [mastodon], at: 2027-03-20 09:00, text: Bientôt}\n")
    result = run_edcal("move", "futur", "--by", "+1 day", "--dry-run", cwd=site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "calendar.yaml:37  2027-03-20 → 2027-03-21  (futur (Mastodon))" in result.stdout
    assert "content/articles/futur.md:3  2027-03-25 → 2027-03-26  (futur)" in result.stdout


def test_ten_years_is_the_longest_move_in_any_unit(site: Path) -> None:
    assert run_edcal("move", "hello", "--by", "+119 months", "--dry-run", cwd=site).returncode == 0
    refused = run_edcal("move", "hello", "--by", "+121 months", cwd=site)
    assert refused.returncode == 2 and "un déplacement de plus de dix ans" in refused.stderr


def test_a_relative_site_folder_is_read_as_moved(site: Path) -> None:
    result = run_edcal("move", "--site", "site", "hello", "--by", "+1 day", "--dry-run", cwd=site.parent)
    assert result.returncode == 0, result.stderr
    assert "Date\u00a0: mardi 2 mars 2027 10:00 → mercredi 3 mars 2027 10:00" in result.stdout


def test_a_series_under_way_may_not_see_its_start_move(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDCAL_LANG", "en")  # the errors asserted in English
    with_key_date(site, "key_dates:\n  - {id: salon, name: Salon, on: 2027-03-10}\n",
                  "  - {id: avant, networks: [x], text: Bientôt, repeat: {every: day, at: '08:00', "
                  "from: salon -5 days, until: salon}}\n")
    result = run_edcal("move", "salon", "--by", "+1 week", cwd=site, env={"EDCAL_NOW": "2027-03-06T10:00+01:00"})
    assert result.returncode == 2, result.stdout
    assert "error: recurring post 'avant' began on 2027-03-05: the move would have it begin on 2027-03-12" \
        in result.stderr


def test_a_series_between_two_key_dates_follows_either(site: Path) -> None:
    with_key_date(site, "key_dates:\n  - {id: debut, name: Début, on: 2027-03-08}\n"
                        "  - {id: fin, name: Fin, on: 2027-03-10}\n",
                  "  - {id: entre, networks: [x], text: Entre, repeat: {every: day, at: '08:00', "
                  "from: debut, until: fin}}\n")
    result = run_edcal("move", "fin", "--since", "2027-03-01", "--until", "2027-03-31", "--by", "+2 days",
                       "--dry-run", cwd=site)
    assert result.returncode == 0, result.stdout
    assert "non déplacé" not in result.stdout
    assert "+ jeudi 11 mars 2027 08:00 et 1 autre, jusqu'au vendredi 12 mars 2027 08:00 · X · Entre" in result.stdout


def test_a_key_date_may_not_move_into_the_past_nor_move_once_over(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDCAL_LANG", "en")  # the errors asserted in English
    with_key_date(site, "key_dates:\n  - {id: salon, name: Salon, on: 2027-03-10}\n"
                        "  - {id: passe, name: Passé, on: 2027-01-02}\n", "")
    back = run_edcal("move", "salon", "--by", "-30 days", cwd=site)
    assert back.returncode == 2
    assert "error: key date 'salon' would begin on 2027-02-08, before today" in back.stderr
    over = run_edcal("move", "passe", "--by", "+1 day", cwd=site)
    assert over.returncode == 2 and "error: key date 'passe' is over (it ended on 2027-01-02)" in over.stderr


def test_a_whole_campaign_moves_with_its_own_days(site: Path) -> None:
    """`--campaign` alone moves the campaign's `from:` and `until:` too: its posts fell outside it, which
    `edcal check` then reported, and the report did not say the campaign had stayed. Once it has begun,
    its first day stays (what went out was in it); a selection of part of it leaves its days alone."""
    calendar = site / "calendar.yaml"
    before = add_posts(site, "  - {id: suite, networks: [x], at: 2027-03-20 10:00, text: Suite, campaign: launch}\n")
    line = '  - {id: launch, name: Lancement, from: 2027-03-01, until: 2027-04-15, hashtags: ["#Lancement"]}\n'
    result = run_edcal("move", "--campaign", "launch", "--by", "+1 week", "--dry-run", cwd=site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "  calendar.yaml:14  2027-03-01 → 2027-03-08  (campagne launch)\n" \
           "  calendar.yaml:14  2027-04-15 → 2027-04-22  (campagne launch)\n" in result.stdout
    result = run_edcal("move", "--campaign", "launch", "--by", "+1 week", cwd=site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (line, line.replace("2027-03-01", "2027-03-08").replace("2027-04-15", "2027-04-22")) \
        in changed_lines(before, calendar.read_text(encoding="utf-8"))
    calendar.write_text(before, encoding="utf-8")
    result = run_edcal("move", "--campaign", "launch", "--by", "+1 week", cwd=site,
                       env={"EDCAL_NOW": "2027-03-05T10:00+01:00"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert (line, line.replace("2027-04-15", "2027-04-22")) in changed_lines(before, calendar.read_text(encoding="utf-8"))
    calendar.write_text(before, encoding="utf-8")
    result = run_edcal("move", "--campaign", "launch", "--network", "linkedin", "--by", "+1 day", cwd=site)
    assert "(campagne launch)" not in result.stdout, result.stdout


def test_a_campaign_with_items_left_keeps_its_days_and_says_so(site: Path) -> None:
    """Its days moved while a post of it stayed (a date shared through a YAML anchor): the post fell
    outside the campaign, as `edcal check` then said."""
    calendar = site / "calendar.yaml"
    text = calendar.read_text(encoding="utf-8").replace("    at: 2027-03-02 10:00\n", "    at: &jour 2027-03-02 10:00\n")
    calendar.write_text(text.replace("    at: 2027-04-01 10:00\n", "    at: *jour\n"), encoding="utf-8")
    before = calendar.read_text(encoding="utf-8")
    result = run_edcal("move", "--campaign", "launch", "--by", "+1 week", cwd=site)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "La campagne «\u00a0launch\u00a0» garde ses dates\u00a0: certains de ses éléments restent où ils sont." \
        in result.stdout
    assert "(campagne launch)" not in result.stdout and calendar.read_text(encoding="utf-8") == before


def test_occurrences_named_or_freeing_a_day_move_alone(site: Path) -> None:
    """The last occurrence to come, named, was taken for the whole series ("it follows its rule"); a day
    freed by an occurrence the same move takes away was still "posted on already"."""
    calendar = site / "calendar.yaml"
    rule = '    repeat: {every: week, on: wed, at: "08:00", from: 2027-03-10, count: 3'
    before = calendar.read_text(encoding="utf-8")
    result = run_edcal("move", "weekly-20270324", "--by", "+1 day", cwd=site,
                       env={"EDCAL_NOW": "2027-03-20T10:00+01:00"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert changed_lines(before, calendar.read_text(encoding="utf-8")) == [
        (rule + "}\n", rule + ", moved: {2027-03-24: 2027-03-25}}\n")]
    calendar.write_text(before.replace(rule + "}", rule + ", moved: {2027-03-17: 2027-03-18}}"), encoding="utf-8")
    result = run_edcal("move", "--since", "2027-03-18", "--until", "2027-03-24", "--network", "mastodon",
                       "--by", "-6 days", cwd=site)
    assert result.returncode == 0, result.stdout + result.stderr  # the 24th onto the 18th, which the 17th's leaves
    assert rule + ", moved: {2027-03-17: 2027-03-12, 2027-03-24: 2027-03-18}}\n" in calendar.read_text(encoding="utf-8")


def test_an_occurrence_moved_back_on_its_rules_day_leaves_moved(site: Path) -> None:
    """It stayed as a no-op `2027-03-17: 2027-03-17`."""
    calendar = site / "calendar.yaml"
    rule = '    repeat: {every: week, on: wed, at: "08:00", from: 2027-03-10, count: 3'
    text = calendar.read_text(encoding="utf-8").replace(
        rule + "}", rule + ", moved: {2027-03-17: 2027-03-18, 2027-03-24: 2027-03-26}}")
    calendar.write_text(text, encoding="utf-8")
    result = run_edcal("move", "weekly-20270317", "--by", "-1 day", cwd=site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "  calendar.yaml:35  2027-03-18 → 2027-03-17  (weekly (Mastodon), revenue à sa règle, retirée de " \
        "moved:)\n" in result.stdout
    assert changed_lines(text, calendar.read_text(encoding="utf-8")) == [
        (rule + ", moved: {2027-03-17: 2027-03-18, 2027-03-24: 2027-03-26}}\n",
         rule + ", moved: {2027-03-24: 2027-03-26}}\n")]
    assert starts(site)["weekly-mastodon-20270317"] == "2027-03-17T08:00:00+01:00"


def test_input_errors_speak_the_sites_french_with_their_hints(site: Path) -> None:
    """The errors found once the site is read are in its language, hints and joined option names too."""
    with_key_date(site, "key_dates:\n  - {id: salon, name: Salon, on: 2027-03-10}\n"
                        "  - {id: passe, name: Passé, on: 2027-01-02}\n", "")
    filtered = run_edcal("move", "salon", "--network", "x", "--owner", "ben", "--by", "+1 week", cwd=site)
    assert filtered.returncode == 2
    assert filtered.stderr.startswith(
        "ID: error: impossible de sélectionner une partie de la date clé 'salon' avec --network et --owner\u00a0: "
        "tout ce qui est écrit par rapport à elle se déplace avec elle\n"
        "    hint: déplacez-la sans --network ou --owner, ou déplacez les publications par leurs propres identifiants\n")
    over = run_edcal("move", "passe", "--by", "+1 day", cwd=site)
    assert "error: la date clé 'passe' est passée (elle s'est terminée le 2027-01-02)\n" \
           "    hint: nommez des dates clés encore à venir\n" in over.stderr
    unknown = run_edcal("move", "salom", "--by", "+1 day", cwd=site)
    assert unknown.stderr.startswith("ID: error: identifiant 'salom' inconnu\n    hint: vouliez-vous dire 'salon'\u00a0?\n")
    assert unknown.stderr.endswith("edcal: 1 erreur de saisie\u00a0; rien n'a été écrit.\n")


def test_what_is_left_is_shown_at_its_line_from_the_current_folder(site: Path) -> None:
    """`edcal move --site blog` named what it left at [calendar.yaml:33], which the terminal opened from where
    it ran: the paths are from there, as edcal check's (and the plan's changes, at [blog/calendar.yaml:21])."""
    args = ("move", "--since", "2027-03-10", "--until", "2027-03-25", "--network", "mastodon", "--by", "+1 day")
    result = run_edcal(*args, "--site", site.name, "--dry-run", cwd=site.parent)
    assert result.returncode == 1, result.stderr
    assert f"· weekly (Mastodon)  [{site.name}/calendar.yaml:33]\n" in result.stdout, result.stdout
    assert "· weekly (Mastodon)  [calendar.yaml:33]\n" in run_edcal(*args, "--dry-run", cwd=site).stdout
    moved = run_edcal("move", "hello", "--by", "+1 day", "--site", site.name, "--dry-run", cwd=site.parent)
    assert f"  [{site.name}/calendar.yaml:21]\n" in moved.stdout, moved.stdout
    assert f"\n  {site.name}/calendar.yaml:23  2027-03-02 → 2027-03-03  " in moved.stdout, moved.stdout


def test_a_post_that_takes_another_time_on_its_new_day_is_told_the_time_and_why(site: Path) -> None:
    """`edcal move coulisses-atelier-20270120 --to 2027-01-18` said nothing of the post's new time: at 18:00
    on Wednesday (Instagram's slot), it went out on Monday at 09:00, where Instagram has no slot."""
    add_posts(site, "  - id: conseil\n    networks: [linkedin]\n    text: Un conseil\n"
                    "    repeat: {every: week, on: thu, from: 2027-03-04, count: 3}\n"
                    "  - {id: ponctuel, networks: [linkedin], text: Ponctuel, at: 2027-03-25}\n")
    # An occurrence (under moved:), from Thursday's slot (12:30) to a Monday: the site's default time.
    result = run_edcal("move", "conseil-20270311", "--to", "2027-03-08", cwd=site)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[1].endswith("2027-03-11 → 2027-03-08  (conseil (LinkedIn), ajoutée sous moved:)"), lines
    assert lines[2] == ("    à 09:00, et non plus 12:30 (LinkedIn n'a pas de créneau le lundi\u00a0; heure par défaut "
                        "du site)"), lines
    assert starts(site)["conseil-linkedin-20270311"] == "2027-03-08T09:00:00+01:00"
    # A post written with a date alone, from Thursday to Tuesday: the slot of its new weekday.
    result = run_edcal("move", "ponctuel", "--by", "-2 days", cwd=site)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[1].endswith("2027-03-25 → 2027-03-23  (ponctuel (LinkedIn))"), lines
    assert lines[2] == "    à 09:00, et non plus 12:30 (le créneau du mardi sur LinkedIn)", lines
    # A post that keeps its time says nothing more: a week later, on Tuesday's slot still.
    result = run_edcal("move", "ponctuel", "--by", "+1 week", "--dry-run", cwd=site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[2].startswith("Rien d'écrit (--dry-run)"), result.stdout


def test_a_promotion_that_takes_another_time_with_its_article_is_told_the_time_and_why(site: Path) -> None:
    """`edcal move futur --by '+3 days'` said under the article's line nothing of its promotions' new times:
    the +2 weeks ones moved from Thursday (LinkedIn at 12:30, Bluesky at 08:30) to a Sunday at 09:00, said
    only in the plan's changes below, where a post of its own has said its new time since 39312b8a."""
    result = run_edcal("move", "futur", "--by", "+3 days", "--dry-run", cwd=site)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[1:4] == [
        "  content/articles/futur.md:3  2027-03-25 → 2027-03-28  (futur)",
        "    sa promotion sur Bluesky du dimanche 11 avril 2027\u00a0: à 09:00, et non plus 08:30 (Bluesky n'a pas "
        "de créneau le dimanche\u00a0; heure de l'article)",
        "    sa promotion sur LinkedIn du dimanche 11 avril 2027\u00a0: à 09:00, et non plus 12:30 (LinkedIn n'a "
        "pas de créneau le dimanche\u00a0; heure de l'article)"], lines
    assert lines[4].startswith("Rien d'écrit (--dry-run)"), lines
    # Onto a Tuesday: LinkedIn's slot of the new weekday; Bluesky keeps its 08:30 (every weekday's), unsaid.
    lines = run_edcal("move", "futur", "--by", "+5 days", "--dry-run", cwd=site).stdout.splitlines()
    assert lines[2:4] == ["    sa promotion sur LinkedIn du mardi 13 avril 2027\u00a0: à 09:00, et non plus 12:30 "
                          "(le créneau du mardi sur LinkedIn)",
                          "Rien d'écrit (--dry-run)\u00a0: 1 fichier à modifier."], lines


def test_a_day_without_its_year_in_since_is_the_site_s_coming_one(site: Path) -> None:
    """`--since "1 mars"` at 23:30 in UTC on 1 March, 00:30 on 2 March in Paris where the site is: the hint,
    given before the calendar was read, took "today" in UTC and gave 1 March 2027, a day already past there."""
    result = run_edcal("move", "--since", "1 mars", "--by", "1 day", "--dry-run", cwd=site,
                       env={"EDCAL_LANG": "en", "EDCAL_NOW": "2027-03-01T23:30:00Z"})
    assert result.returncode == 2
    assert result.stderr.splitlines()[:2] == [
        "--since: error: found '1 mars', expected a date as YYYY-MM-DD (e.g. 2027-01-12)",
        "    hint: dates are written with digits, year first, and with their year: 2028-03-01"], result.stderr


def test_ctrl_c_while_the_reader_is_forked_stops_the_move(site: Path) -> None:
    # Ctrl-C in the instant of the fork ran the handler in a fork hook, where Python prints the
    # KeyboardInterrupt and goes on: the move wrote its files and exited 0.
    before = (site / "calendar.yaml").read_text(encoding="utf-8")
    code = ("import os, runpy, signal, sys\n"
            "os.register_at_fork(after_in_parent=lambda: os.kill(os.getpid(), signal.SIGINT))\n"
            "sys.argv = ['edcal', *sys.argv[1:]]\n"
            "runpy.run_module('edcal', run_name='__main__', alter_sys=True)\n")
    result = subprocess.run([sys.executable, "-c", code, "move", "--since", "2027-03-01", "--by", "+1 day"],
                            cwd=site, capture_output=True, text=True, timeout=120, check=False,
                            env={**os.environ, "PYTHONPATH": str(ROOT / "plugins"), "EDCAL_NOW": NOW})
    assert (result.returncode, result.stderr) == (130, "\nedcal: interrupted\n"), result.stderr + result.stdout
    assert (site / "calendar.yaml").read_text(encoding="utf-8") == before


def test_a_post_on_an_account_of_another_zone_keeps_its_clock_as_it_moves(
        empty_site: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """A Montréal account's post (its network's `timezone:`) moved a week, across Montréal's change of clocks
    (14 March) that Paris's does not share: 09:00 in Montréal it was, 09:00 in Montréal it stays (15:00 in
    Paris, then 14:00). The same post written on a Paris account keeps 09:00 in Paris."""
    monkeypatch.setenv("EDCAL_LANG", "en")
    site = empty_site("version: 1\ntimezone: Europe/Paris\nnetworks:\n  linkedin: {}\n"
                      "  linkedin-qc: {like: linkedin, name: LinkedIn Québec, timezone: America/Toronto}\n"
                      "posts:\n"
                      "  - {id: quebec, networks: [linkedin-qc], at: 2027-03-09 09:00, text: Bonjour}\n"
                      "  - {id: paris, networks: [linkedin], at: 2027-03-09 09:00, text: Bonjour}\n"
                      "  - id: semaine\n    networks: [linkedin-qc]\n    text: Mardi\n"
                      "    repeat: {every: week, interval: 2, on: tue, at: '09:00', from: 2027-03-02, "
                      "until: 2027-03-30}\n")
    assert starts(site)["quebec-linkedin-qc"] == "2027-03-09T15:00:00+01:00"
    for name, by in (("quebec", "+1 week"), ("paris", "+1 week"), ("semaine-20270302", "+1 week"),
                     ("semaine-20270316", "-1 day")):
        result = run_edcal("move", name, "--by", by, cwd=site)
        assert result.returncode == 0, result.stdout + result.stderr
    now = starts(site)
    assert now["quebec-linkedin-qc"] == "2027-03-16T14:00:00+01:00"
    assert now["paris-linkedin"] == "2027-03-16T09:00:00+01:00"
    # A fortnightly post's occurrences, moved (`moved:`): 09:00 in Montréal on their new days.
    assert now["semaine-linkedin-qc-20270302"] == "2027-03-09T15:00:00+01:00"
    assert now["semaine-linkedin-qc-20270316"] == "2027-03-15T14:00:00+01:00"
    text = (site / "calendar.yaml").read_text(encoding="utf-8")
    assert "{id: quebec, networks: [linkedin-qc], at: 2027-03-16 09:00, text: Bonjour}" in text


def test_a_utc_offset_on_an_account_of_another_zone_is_judged_against_its_zone(
        empty_site: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """A Montréal account's post written with an offset: the refusal named America/Toronto as "the site's"
    zone (the site is in Paris), and told to leave the offset out for "the site's zone" to settle the time,
    where the account's does."""
    monkeypatch.setenv("EDCAL_LANG", "en")
    calendar = ("version: 1\ntimezone: Europe/Paris\nnetworks:\n  linkedin: {}\n"
                "  linkedin-qc: {like: linkedin, name: LinkedIn Québec, timezone: America/Toronto}\n"
                "posts:\n  - {id: quebec, networks: [linkedin-qc], at: 2027-03-09 09:00-06:00, text: Bonjour}\n")
    site = empty_site(calendar)
    result = run_edcal("move", "quebec", "--by", "+1 week", cwd=site)
    assert result.returncode == 2, result.stdout + result.stderr
    assert ("has its time written with a UTC offset, -06:00, not its account's (America/Toronto, -05:00): "
            "moved, 09:00-06:00 would be 10:00") in result.stderr, result.stderr
    assert "the site's" not in result.stderr
    (site / "calendar.yaml").write_text(calendar.replace("09:00-06:00", "09:00-05:00"), encoding="utf-8")
    result = run_edcal("move", "quebec", "--by", "+1 week", cwd=site)
    assert result.returncode == 2, result.stdout + result.stderr
    assert ("'quebec-linkedin-qc' has its time written with a UTC offset: moved, 09:00 would become 10:00\n"
            "    hint: leave the offset out (its account's zone, America/Toronto, settles the time), or change this "
            "date by hand") in result.stderr, result.stderr


LIFTED_CRISIS = """  - id: crise
    networks: [linkedin]
    at: 2027-04-02 09:00
    text: Une bonne nouvelle
  - id: quotidien
    networks: [x]
    repeat: {every: day, at: "18:00", from: 2027-03-30, until: 2027-04-10}
    text: Chaque soir
  - promote: publie
    networks: [mastodon]
    schedule: [+2 months]
"""


def test_the_posts_a_lifted_freeze_withheld_move_in_one_command(site: Path) -> None:
    """The crisis is over: the posts it withheld, their time gone, never went out. Each had to be found on the
    planning page and moved by its name, one command each."""
    calendar = site / "calendar.yaml"
    before = add_posts(site, LIFTED_CRISIS)
    after_freeze = {"EDCAL_NOW": "2027-04-05T10:00:00+02:00"}
    dry = run_edcal("move", "--withheld", "--to", "2027-04-07", "--dry-run", cwd=site, env=after_freeze)
    assert calendar.read_text(encoding="utf-8") == before  # a dry run writes nothing
    assert dry.stdout.startswith("Déplacerait 2 dates (--to 2027-04-07, +6 jours)\u00a0:\n"
                                 "  calendar.yaml:28  2027-04-01 → 2027-04-07  (gel (Bluesky))\n"
                                 "  calendar.yaml:39  2027-04-02 → 2027-04-08  (crise (LinkedIn))\n"), dry.stdout
    result = run_edcal("move", "--withheld", "--to", "2027-04-07", cwd=site, env=after_freeze)
    # Each post keeps its time of day; the first day of what moves becomes the day given.
    assert changed_lines(before, calendar.read_text(encoding="utf-8")) == [
        ("    at: 2027-04-01 10:00\n", "    at: 2027-04-07 10:00\n"),
        ("    at: 2027-04-02 09:00\n", "    at: 2027-04-08 09:00\n")]
    moved = starts(site)
    assert moved["gel-bluesky"] == "2027-04-07T10:00:00+02:00" and moved["crise-linkedin"] == "2027-04-08T09:00:00+02:00"
    out = result.stdout
    assert "Statut\u00a0: gelé → planifié" in out
    # What cannot move is left and said, each at its line with why and what to do: the promotion of an article
    # online follows its date; a day of the daily series would land on a day it posts already. Exit code 1.
    assert result.returncode == 1, result.stderr
    assert (
        "3 éléments sélectionnés non déplacés\u00a0:\n"
        "  jeudi 1er avril 2027 · Un article publié · publie (Mastodon)  [calendar.yaml:47]\n"
        "    elle fait la promotion de l'article «\u00a0publie\u00a0», déjà en ligne, et suit sa date\n"
        "    → pour la déplacer sans l'article, écrivez-la comme une publication à part avec `at:`\n"
        "  jeudi 1er avril 2027 · Chaque soir · quotidien (X)  [calendar.yaml:41]\n"
        "    la série publie déjà le 07/04/2027\n"
        "    → déplacez-la d'un autre nombre de jours, ou retirez d'abord ce jour de la règle (`except:`)\n"
        "  vendredi 2 avril 2027 · Chaque soir · quotidien (X)  [calendar.yaml:41]\n"
        "    la série publie déjà le 08/04/2027\n"
        "    → déplacez-la d'un autre nombre de jours, ou retirez d'abord ce jour de la règle (`except:`)\n") in out, out
    # Moved, they are no longer withheld: a second run finds only what stayed.
    again = run_edcal("move", "--withheld", "--network", "bluesky", "--by", "+1 day", cwd=site, env=after_freeze)
    assert again.returncode == 2 and "aucun élément à venir ne correspond à --network bluesky et --withheld" in \
        again.stderr, again.stderr


def test_withheld_finds_nothing_to_bring_back_and_says_why(site: Path) -> None:
    # The freeze is in force: its posts are not back yet.
    during = run_edcal("move", "--withheld", "--to", "2027-04-17", cwd=site, env={"EDCAL_NOW": "2027-04-01T12:00:00+02:00"})
    assert during.returncode == 2 and during.stderr.replace("\u00a0", " ").startswith(
        "--withheld: error: aucune publication retenue par un gel levé et jamais partie\n"
        "    hint: un gel en cours retient ses publications : donnez-lui d'abord son `until:` (calendar.yaml:16)\n")
    # Lifted more than a week ago: its days are to be given.
    late = run_edcal("move", "--withheld", "--to", "2027-04-17", cwd=site, env={"EDCAL_NOW": "2027-04-15T10:00:00+02:00"})
    assert late.returncode == 2 and "donnez ses jours avec --since et --until" in late.stderr, late.stderr
    named = run_edcal("move", "--withheld", "--since", "2027-04-01", "--to", "2027-04-17", "--dry-run", cwd=site,
                      env={"EDCAL_NOW": "2027-04-15T10:00:00+02:00"})
    assert named.returncode == 0 and "2027-04-01 → 2027-04-17  (gel (Bluesky))" in named.stdout, named.stderr



def test_withheld_takes_a_post_two_freezes_held_for_a_week_after_the_last_one(site: Path) -> None:
    """A LinkedIn freeze took over from the crisis on 2 April, until the 5th: 'crise' was withheld until then. A week
    after the crisis ended, --withheld found nothing ("lifted more than 7 days ago") though the second freeze had
    ended 5 days before, and withheld-now-past said nothing of it either."""
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace(
        '  - {from: 2027-04-01, until: 2027-04-02, reason: "Crise : tout est gelé"}\n',
        '  - {from: 2027-04-01, until: 2027-04-02, reason: "Crise : tout est gelé"}\n'
        "  - {from: 2027-04-02, until: 2027-04-05, networks: [linkedin], reason: Deuil}\n"), encoding="utf-8")
    add_posts(site, LIFTED_CRISIS)
    later = {"EDCAL_NOW": "2027-04-11T10:00:00+02:00"}
    dry = run_edcal("move", "--withheld", "--by", "+2 weeks", "--dry-run", cwd=site, env=later)
    assert dry.returncode == 0, dry.stderr
    assert dry.stdout.startswith("Déplacerait 1 date (+2 semaines)\u00a0:\n"
                                 "  calendar.yaml:40  2027-04-02 → 2027-04-16  (crise (LinkedIn))\n"), dry.stdout
    check = run_edcal("check", "--only", "withheld-now-past", "--format", "json", cwd=site, env=later)
    assert [f["item"] for f in json.loads(check.stdout)["findings"]] == ["crise-linkedin"], check.stdout

def test_withheld_leaves_the_promotions_of_an_article_not_online_which_would_not_have_gone_out(site: Path) -> None:
    """The promotion of an article still in review is a draft: the freeze held back nothing there. --withheld moved
    it along with the rest (refused: "it promotes the article 'relecture', already online", which it was not)."""
    add_posts(site, LIFTED_CRISIS + "  - promote: relecture\n    networks: [mastodon]\n    schedule: [+71 days]\n")
    after_freeze = {"EDCAL_NOW": "2027-04-05T10:00:00+02:00"}
    result = run_edcal("move", "--withheld", "--to", "2027-04-07", "--dry-run", cwd=site, env=after_freeze)
    assert "relecture" not in result.stdout, result.stdout
    named = run_edcal("move", "--since", "2027-04-01", "--until", "2027-04-01", "--network", "mastodon", "--by",
                      "+1 week", "--dry-run", cwd=site, env=after_freeze)
    out = named.stdout.replace("\u00a0", " ")
    assert "« relecture », déjà en ligne" not in out, out
    assert ("    elle fait la promotion de l'article « relecture », qui n'est pas encore en ligne, et suit sa date\n"
            "    → déplacez l'article lui-même (edcal move relecture --by …, sans --network) : ses promotions suivent\n"
            ) in out, out


def test_the_items_not_moved_are_counted_as_listed_and_a_dry_run_says_it_would_move_nothing(site: Path) -> None:
    """"6 éléments sélectionnés non déplacés" stood above 3 lines (a promotion on two networks is one line); a
    series' day was told "la série publie déjà le 07/04/2027", an ISO date in French text; and a dry run said
    "Rien n'a été déplacé.", as if it had tried."""
    add_posts(site, LIFTED_CRISIS.replace("  - promote: publie\n    networks: [mastodon]",
                                          "  - promote: publie\n    networks: [mastodon, x]"))
    after_freeze = {"EDCAL_NOW": "2027-04-05T10:00:00+02:00"}
    result = run_edcal("move", "--withheld", "--to", "2027-04-07", "--dry-run", cwd=site, env=after_freeze)
    out = result.stdout.replace("\u00a0", " ")
    unmoved = out[out.index("sélectionnés non déplacés"):]
    listed = [line for line in unmoved.splitlines() if line.startswith("  ") and not line.startswith("    ")]
    assert f"\n{len(listed)} éléments sélectionnés non déplacés :\n" in out, out
    assert "    la série publie déjà le 07/04/2027\n" in out, out
    days = run_edcal("move", "--since", "2027-04-01", "--until", "2027-04-01", "--network", "mastodon", "--by",
                     "+1 week", "--dry-run", cwd=site, env=after_freeze)
    assert days.stdout.startswith("Rien ne serait déplacé.\n"), days.stdout


def test_a_move_says_the_warnings_it_brings_or_changes(site: Path) -> None:
    """A crisis trial moved two Instagram posts to one day over its maximum, outside the slots: the move said
    nothing, and a later `edcal check` told it. The report now ends with the warnings the move brings, at
    their lines, with their rules and hints; a warning is no error: the exit code stays 0."""
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace("  mastodon: {}\n",
                                                                       "  mastodon: {max_per_day: 1}\n"),
                        encoding="utf-8")
    add_posts(site, "  - {id: jeudi, networks: [mastodon], at: 2027-03-11 08:00, text: Un jeudi}\n"
                    "  - {id: vendredi, networks: [mastodon], at: 2027-03-12 08:00, text: Un vendredi}\n")
    result = run_edcal("move", "jeudi", "--to", "2027-03-10", cwd=site)
    assert result.returncode == 0, result.stdout + result.stderr
    report = result.stdout.split("1 avertissement d'edcal check qu'apporte ou change le déplacement\u00a0:\n")
    assert len(report) == 2, result.stdout
    said = report[1].splitlines()
    assert said[0].startswith("  calendar.yaml:") and said[0].endswith("[too-many-per-day]"), said
    assert "2 publications Mastodon le 10/03/2027" in said[0] and "plus que le maximum de 1" in said[0]
    assert said[1] == "    → répartissez-les sur plusieurs jours"
    # One more post onto that crowded day: said with its new count; taken off again, the day is said still
    # over (a move that changes a day's finding says it, better or worse).
    again = run_edcal("move", "vendredi", "--to", "2027-03-10", cwd=site)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "3 publications Mastodon le 10/03/2027" in again.stdout, again.stdout
    back = run_edcal("move", "vendredi", "--to", "2027-03-12", cwd=site)
    assert back.returncode == 0, back.stdout + back.stderr
    assert "2 publications Mastodon le 10/03/2027" in back.stdout, back.stdout
    # A move that changes no finding says none.
    quiet = run_edcal("move", "vendredi", "--to", "2027-03-19", cwd=site)
    assert quiet.returncode == 0 and "avertissement" not in quiet.stdout, quiet.stdout


def test_a_move_that_brings_many_warnings_shows_the_first_ten_and_counts_the_others(site: Path) -> None:
    posts = "".join(f"  - {{id: mardi-{week}, networks: [linkedin], at: {day} 09:00, text: Mardi {week}}}\n"
                    for week, day in enumerate(("2027-05-04", "2027-05-11", "2027-05-18", "2027-05-25",
                                                "2027-06-01", "2027-06-08", "2027-06-15", "2027-06-22",
                                                "2027-06-29", "2027-07-06", "2027-07-13", "2027-07-20")))
    add_posts(site, posts)
    result = run_edcal("move", "--since", "2027-05-01", "--until", "2027-07-31", "--network", "linkedin",
                       "--by", "+1 day", "--dry-run", cwd=site)
    assert result.returncode == 0, result.stdout + result.stderr
    report = result.stdout.split("12 avertissements d'edcal check qu'apporte ou change le déplacement\u00a0:\n")
    assert len(report) == 2, result.stdout
    said = report[1].split("\n\n")[0].splitlines()
    assert sum(line.endswith("[outside-slots]") for line in said) == 10, said  # each with its hint below
    assert said[-1] == "  … et 2 autres (edcal check les montre tous)", said
