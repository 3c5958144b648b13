"""`edcal diff`: what a change of the site does to the plan, as a pull request's reader sees it."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import edcal_forks
import pytest

from conftest import FIXTURE_SITE, NOW, ROOT, run_edcal, write_pelicanconf
from edcal.commands import diff as diff_command
from edcal.plan.changes import compare_plans
from helpers import PARIS_CALENDAR, article, assert_french, calendar_from, plan_of, translatable_words

#: Reports in the site's language (French here), as the team reads them.
pytestmark = pytest.mark.usefixtures("site_language")


def git(folder: Path, *args: str) -> str:
    result = subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org",
                             "-c", "init.defaultBranch=main", *args],
                            cwd=folder, capture_output=True, text=True, check=True)
    return result.stdout


def committed(folder: Path) -> None:
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "A change")


@pytest.fixture
def repo(site: Path) -> Path:
    """The fixture site in a git repository, committed on main."""
    git(site, "init", "-q")
    committed(site)
    return site


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def changed_calendar(site: Path) -> None:
    """hello moves a day and changes its words; weekly is gone; a post is new."""
    calendar = site / "calendar.yaml"
    edit(calendar, "at: 2027-03-02 10:00\n    text: Bonjour le monde",
         "at: 2027-03-03 11:00\n    text: Bonjour à tous")
    edit(calendar, """  - id: weekly
    networks: [mastodon]
    repeat: {every: week, on: wed, at: "08:00", from: 2027-03-10, count: 3}
    text: Chaque mercredi
""", """  - id: nouveau
    networks: [x]
    at: 2027-03-05 09:00
    owner: ben
    text: Un nouveau message <b>gras</b> | avec ``` des accents graves
""")


def test_a_change_is_told_item_by_item_in_the_sites_language(repo: Path) -> None:
    changed_calendar(repo)
    result = run_edcal("diff", cwd=repo)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    commit = git(repo, "rev-parse", "--short=7", "HEAD").strip()
    # 2 networks of hello changed; x's new post added; 3 weekly posts removed.
    assert out.startswith(f"Changements du planning depuis HEAD ({commit})\u00a0: 1 élément ajouté, "
                          "3 éléments retirés, 2 éléments modifiés.\n")
    assert "Éléments à partir du lundi 15 février 2027 10:00" in out
    hello = out[out.index("~ mercredi 3 mars 2027 11:00 · LinkedIn"):]
    assert "Date\u00a0: mardi 2 mars 2027 10:00 → mercredi 3 mars 2027 11:00" in hello
    assert "- Bonjour le monde" in hello and "+ Bonjour à tous" in hello
    # The three removed Wednesdays are one line.
    assert "- mercredi 10 mars 2027 08:00 et 2 autres, jusqu'au mercredi 24 mars 2027 08:00 · Mastodon · " \
        "Chaque mercredi (planifié)  [HEAD:calendar.yaml:33]" in out
    added = out[out.index("+ vendredi 5 mars 2027 09:00 · X"):]
    assert "Un nouveau message <b>gras</b>" in added
    assert re.search(r"\n    \d+ caractères pour une limite de 280 \(décompte X\)\n", added)
    # In the order of the calendar.
    marks = [line[:1] for line in out.splitlines() if re.match(r"[-+~] \w+ \d", line)]
    assert marks == ["~", "~", "+", "-"]


def test_a_feed_no_longer_written_and_an_account_changed_are_told(repo: Path) -> None:
    """A person removed: people/ben.ics vanished from under its subscribers, and the X account changed in every
    event: "No change to the plan"."""
    calendar = repo / "calendar.yaml"
    edit(calendar, '  - {id: ben, name: Ben Marchal}\n', "")
    edit(calendar, 'x: {account: "@fixture"}', 'x: {account: "@atelier"}')
    result = run_edcal("diff", "--all", cwd=repo, env={"EDCAL_LANG": "en"})
    assert result.returncode == 0, result.stderr
    assert "1 feed no longer written, 1 account changed" in result.stdout.splitlines()[0]
    assert ("! The feed calendars/people/ben.ics is no longer written: calendar apps subscribed to it will find no "
            "calendar there") in result.stdout
    assert "~ Account on X: @fixture → @atelier (in every event and draft of it, past ones included)" in result.stdout
    document = json.loads(run_edcal("diff", "--format", "json", cwd=repo).stdout)
    assert document["feeds_gone"] == ["calendars/people/ben.ics"]
    assert document["accounts"] == [{"network": "x", "name": "X", "before": "@fixture", "after": "@atelier"}]
    annotations = run_edcal("diff", "--format", "github", cwd=repo).stdout
    assert "::warning file=calendar.yaml" in annotations and "calendars/people/ben.ics" in annotations


def test_a_new_time_for_a_recurring_post_is_told_for_the_posts_the_log_says_went_out(repo: Path) -> None:
    """`at: "08:00"` → `"09:30"` on a weekly post: the log's lines without `at:` then said a year of posts went out
    at 09:30; the diff said only "13 changes to past items are not shown"."""
    (repo / "calendar.d").mkdir(exist_ok=True)
    (repo / "calendar.d" / "log.yaml").write_text("posted:\n  - weekly-mastodon-20270310\n  - weekly-mastodon-20270317\n",
                                                  encoding="utf-8")
    committed(repo)
    edit(repo / "calendar.yaml", 'at: "08:00", from: 2027-03-10', 'at: "09:30", from: 2027-03-10')
    env = {"EDCAL_NOW": "2027-03-20T10:00:00+01:00", "EDCAL_LANG": "en"}
    result = run_edcal("diff", cwd=repo, env=env)
    assert result.returncode == 0, result.stderr
    assert "2 posts gone out said to have gone out at another time" in result.stdout.splitlines()[0]
    assert ("! 2 posts the log says went out at their planned time now say another time (weekly-mastodon-20270310: "
            "Wednesday 10 March 2027 08:00 → Wednesday 10 March 2027 09:30…): their log lines give no `at:`, so "
            "they follow the plan; to keep what happened, give each line the time it went out: "
            "{item: weekly-mastodon-20270310, at: 2027-03-10 08:00}") in result.stdout
    document = json.loads(run_edcal("diff", "--format", "json", cwd=repo, env=env).stdout)
    assert [moved["id"] for moved in document["history_moved"]] == ["weekly-mastodon-20270310",
                                                                     "weekly-mastodon-20270317"]


def test_a_content_warning_changed_is_a_change(repo: Path) -> None:
    """Review: removing a post's `cw:` said "no change to the plan"."""
    calendar = repo / "calendar.yaml"
    edit(calendar, "at: 2027-03-02 10:00\n    text: Bonjour le monde", "at: 2027-03-02 10:00\n    cw: Annonce\n"
         "    text: Bonjour le monde")
    committed(repo)
    edit(calendar, "    cw: Annonce\n", "")
    result = run_edcal("diff", cwd=repo, env={"EDCAL_LANG": "en"})
    assert result.returncode == 0, result.stderr
    assert "Content warning: Annonce → —" in result.stdout


def test_a_line_break_in_a_title_stays_on_its_row_in_the_text_output(repo: Path) -> None:
    """A title holding a line break ("…\\n::error::…") printed a line of its own: a reader took it for another
    change, and a CI runner running `edcal diff` for a command (`::error::`, `::add-mask::`)."""
    calendar = repo / "calendar.yaml"
    edit(calendar, "at: 2027-03-02 10:00\n    text: Bonjour le monde",
         "at: 2027-03-02 10:00\n    title: \"Bonjour\\n::error::forgé\"\n    text: Bonjour le monde")
    result = run_edcal("diff", cwd=repo, env={"EDCAL_LANG": "en"})
    assert result.returncode == 0, result.stderr
    assert not any(line.startswith("::") for line in result.stdout.splitlines()), result.stdout
    assert "Bonjour ↵ ::error::forgé" in result.stdout


def test_markdown_for_a_pull_request_shows_the_teams_text_as_written(repo: Path) -> None:
    changed_calendar(repo)
    edit(repo / "calendar.yaml", "  - id: gel\n", "  - id: gel\n    title: \"<script>alert(1)</script> | # titre\"\n")
    result = run_edcal("diff", "main", "--format", "markdown", cwd=repo)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("### Changements du planning depuis main")
    table = [line for line in out.splitlines() if line.startswith("| ")]
    assert table[0] == "| | Quand | Où | Titre | Statut | Changement |"
    # Every row has its 6 cells: a title's "|" cannot open a seventh.
    assert all(len(re.split(r"(?<!\\)\|", row)) == 8 for row in table), table
    assert "\\<script\\>alert(1)\\</script\\> \\| \\# titre" in out and "<script>" not in out
    # The new text in a block no ``` of the text can close; the changed one as a diff.
    assert "````text\nUn nouveau message <b>gras</b> | avec ``` des accents graves\n````" in out
    assert "```diff\n- Bonjour le monde\n+ Bonjour à tous\n" in out


def test_json_gives_each_item_before_and_after_as_plan_json_does(repo: Path) -> None:
    changed_calendar(repo)
    result = run_edcal("diff", "--format", "json", cwd=repo)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["revision"] == "HEAD"
    assert document["commit"] == git(repo, "rev-parse", "HEAD").strip()
    assert document["summary"] == {"added": 1, "removed": 3, "changed": 2}
    by_id = {change["id"]: change for change in document["changes"]}
    hello = by_id["hello-linkedin"]
    assert hello["fields"] == ["start", "title", "text"]  # an untitled post is named by its text
    assert hello["before"]["start"] == "2027-03-02T10:00:00+01:00"
    assert hello["after"]["start"] == "2027-03-03T11:00:00+01:00"
    assert hello["after"]["text"].startswith("Bonjour à tous")
    assert by_id["nouveau-x"]["before"] is None and by_id["nouveau-x"]["after"]["owner"] == "ben"
    assert all(by_id[f"weekly-mastodon-202703{day}"]["after"] is None for day in (10, 17, 24))


def test_past_items_are_left_out_unless_all(repo: Path) -> None:
    edit(repo / "content" / "articles" / "publie.md", "Title: Un article publié", "Title: Un article republié")
    assert "Aucun changement du planning depuis HEAD" in run_edcal("diff", cwd=repo).stdout
    result = run_edcal("diff", "--all", cwd=repo)
    assert "Éléments passés compris." in result.stdout
    assert "Titre\u00a0: Un article publié → Un article republié" in result.stdout


def test_a_change_left_out_as_past_is_counted_so_that_no_change_is_not_read_as_none(repo: Path) -> None:
    """A published article retitled: nothing to come changes, but the reader is told what is not shown."""
    edit(repo / "content" / "articles" / "publie.md", "Title: Un article publié", "Title: Un article republié")
    for fmt in ("text", "markdown"):
        out = run_edcal("diff", "main", "--format", fmt, cwd=repo).stdout
        assert "Aucun changement du planning depuis main" in out
        # The article and its promotions, as --all shows them.
        assert "5 changements d'éléments passés ne sont pas montrés\u00a0: edcal diff main --all les montre." \
            in out, out
    everything = run_edcal("diff", "main", "--all", cwd=repo).stdout
    assert "5 éléments modifiés" in everything and "pas montrés" not in everything


def test_a_post_added_or_moved_into_the_past_is_shown_because_it_will_not_go_out(repo: Path) -> None:
    """Last year's date typed in January: the plan called it published, and nobody posted it."""
    edit(repo / "calendar.yaml", "  - id: weekly\n", "  - {id: vieux, networks: [x], at: 2026-01-21 10:00, text: Oups}\n"
         "  - id: weekly\n")
    edit(repo / "calendar.yaml", "at: 2027-03-02 10:00", "at: 2027-01-02 10:00")  # hello, moved before now
    result = run_edcal("diff", cwd=repo)
    assert result.returncode == 0, result.stderr
    late = "Son heure est déjà passée\u00a0: cette publication ne partira pas comme prévu"
    assert result.stdout.count(late) == 2, result.stdout
    # Its heading said past items were left out, above the two it shows.
    assert "les éléments passés sont laissés de côté, sauf les publications que ce changement met dans le " \
        "passé." in result.stdout.replace("\n", " "), result.stdout
    changes = json.loads(run_edcal("diff", "--format", "json", cwd=repo).stdout)["changes"]
    assert {c["id"]: (c["change"], c["past"]) for c in changes if c["past"]} == {
        "vieux-x": ("added", True), "hello-linkedin": ("changed", True), "hello-mastodon": ("changed", True)}
    assert not [c for c in changes if not c["past"]]
    # A new recurring post whose rule started in the past: its past occurrences are no mistake.
    edit(repo / "calendar.yaml", "  - id: weekly\n", "  - {id: hebdo, networks: [x], text: Chaque lundi,"
         " repeat: {every: week, on: mon, at: '09:00', from: 2026-12-07, until: 2027-03-29}}\n  - id: weekly\n")
    changes = json.loads(run_edcal("diff", "--format", "json", cwd=repo).stdout)["changes"]
    assert not [c["id"] for c in changes if c["past"] and c["id"].startswith("hebdo")]
    assert [c["id"] for c in changes if c["id"].startswith("hebdo")][:1] == ["hebdo-x-20270222"]
    # A post renamed after it went out, the log renamed with it: it went out, nothing to warn of.
    edit(repo / "calendar.yaml", "id: vieux,", "id: parti,")
    edit(repo / "calendar.yaml", "\nposts:\n", "\nposted:\n  - parti-x\nposts:\n")
    out = run_edcal("diff", cwd=repo).stdout
    assert out.count(late) == 1, out  # hello, on its two networks
    assert "Oups" not in out.replace("\n+ Confirmée partie\u00a0: X · Oups, mercredi 21 janvier 2026 10:00", ""), out


def test_a_workflow_is_warned_at_the_line_of_a_post_put_in_the_past(repo: Path) -> None:
    """A direct push to main has no pull request to read: its run annotates the line, on the commit: the line of
    the post's `at:`, the one to change (it was the entry's `- id:` line, above)."""
    edit(repo / "calendar.yaml", "  - id: weekly\n", "  - id: vieux\n    networks: [x]\n    at: 2026-01-21 10:00\n"
         "    text: Oups\n  - id: weekly\n")
    line = (repo / "calendar.yaml").read_text(encoding="utf-8").splitlines().index("    at: 2026-01-21 10:00") + 1
    committed(repo)
    result = run_edcal("diff", "HEAD~1..HEAD", "--format", "github", cwd=repo, env={"GITHUB_WORKSPACE": str(repo)})
    assert result.returncode == 0, result.stderr
    warning, notice = result.stdout.splitlines()
    assert warning == (f"::warning file=calendar.yaml,line={line},col=9,title=publication mise dans le passé::"
                       "La publication X du mercredi 21 janvier 2026 10:00 est déjà passée : elle ne partira "
                       "pas comme prévu (vérifiez sa date)")
    assert re.fullmatch(r"::notice title=edcal diff::Changements du planning de HEAD~1 \(\w+\) à HEAD \(\w+\)"
                        "\u00a0: 1 élément ajouté.", notice), notice
    # Nothing put in the past: the summary alone.
    assert re.fullmatch(r"::notice title=edcal diff::Aucun changement du planning depuis HEAD \(\w+\)\.\n",
                        run_edcal("diff", "HEAD", "--format", "github", cwd=repo).stdout)


def test_an_article_going_live_earlier_and_its_promotion_moving_with_it(repo: Path) -> None:
    edit(repo / "content" / "articles" / "futur.md", "date: 2027-03-25 09:00", "date: 2027-03-24 09:00")
    document = json.loads(run_edcal("diff", "--format", "json", cwd=repo).stdout)
    # The promotion's posts follow the article: moved, not removed and added.
    assert {(c["change"], c["id"], tuple(c["fields"])) for c in document["changes"]} == {
        ("changed", item, ("start",)) for item in ("article-futur", "futur-linkedin-0", "futur-bluesky-0",
                                                   "futur-linkedin-2w", "futur-bluesky-2w")}


def test_a_site_in_a_subfolder_reads_each_revisions_own_settings(tmp_path: Path) -> None:
    repository = tmp_path / "repo"
    site = repository / "blog"
    shutil.copytree(FIXTURE_SITE, site)
    write_pelicanconf(site)
    (site / "publishconf.py").write_text(  # as `pelican-quickstart` writes it: the current folder's
        "import os, sys\nsys.path.append(os.curdir)\nfrom pelicanconf import *\n", encoding="utf-8")
    git(repository, "init", "-q")
    committed(repository)
    edit(site / "pelicanconf.py", 'SITEURL = "https://blog.example.fr"', 'SITEURL = "https://www.example.fr"')
    result = run_edcal("diff", "-s", "publishconf.py", "--format", "json", cwd=site)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    urls = [(c["before"]["url"], c["after"]["url"]) for c in document["changes"] if "url" in c["fields"]]
    assert urls and all(old.startswith("https://blog.example.fr/") and new.startswith("https://www.example.fr/")
                        for old, new in urls)


def test_a_site_new_at_the_revision_is_all_added_and_one_missing_at_the_target_is_an_error(tmp_path: Path) -> None:
    repository = tmp_path / "repo"
    repository.mkdir()
    (repository / "README.md").write_text("Rien encore\n", encoding="utf-8")
    git(repository, "init", "-q")
    committed(repository)
    site = repository / "blog"
    shutil.copytree(FIXTURE_SITE, site)
    write_pelicanconf(site)
    document = json.loads(run_edcal("diff", "--format", "json", cwd=site).stdout)
    assert document["summary"]["added"] > 5 and document["summary"]["removed"] == 0
    # Two revisions: all added up to the one that adds it; the site missing from the one compared with, an error.
    git(repository, "checkout", "-q", "-b", "blog")
    committed(repository)
    added = json.loads(run_edcal("diff", "main..blog", "--format", "json", cwd=site).stdout)
    assert added["new_site"] and added["summary"] == document["summary"]
    missing = run_edcal("diff", "blog..main", cwd=site, env={"EDCAL_LANG": "en"})
    assert missing.returncode == 2 and missing.stdout == ""
    assert missing.stderr.startswith("main:blog/calendar.yaml: error: the site has no calendar.yaml at main\n")


def test_bad_revisions_and_folders_are_located_errors(repo: Path, tmp_path: Path) -> None:
    french = run_edcal("diff", "mian", cwd=repo)  # found before the site is read: in its language all the same
    assert french.returncode == 2 and french.stderr.startswith("REVISION: error: révision 'mian' inconnue\n")
    english = {"EDCAL_LANG": "en"}
    unknown = run_edcal("diff", "mian", cwd=repo, env=english)
    assert unknown.returncode == 2 and "Traceback" not in unknown.stderr
    assert unknown.stderr.startswith("REVISION: error: unknown revision 'mian'\n"
                                     "    hint: did you mean 'main'? a branch, a tag or a commit")
    # In a workflow's formats, as `edcal check` gives bad input: an annotation, a JSON finding.
    github = run_edcal("diff", "mian", "--format", "github", cwd=repo, env=english)
    assert github.returncode == 2 and github.stdout.startswith("::error title=invalid-input::"), github.stderr
    assert "unknown revision 'mian'%0Adid you mean 'main'?" in github.stdout
    data = run_edcal("diff", "mian", "--format", "json", cwd=repo, env=english)
    assert data.returncode == 2
    assert [f["rule"] for f in json.loads(data.stdout)["findings"]] == ["invalid-input"]
    # A repository whose default branch is `master` (git init's), on a branch whose name is closer to `main`.
    git(repo, "branch", "-m", "master")
    git(repo, "checkout", "-q", "-b", "mais")
    other = run_edcal("diff", "main...", cwd=repo, env=english)
    assert "    hint: did you mean 'master'? " in other.stderr, other.stderr
    option = run_edcal("diff", "--", "--output=/tmp/x", cwd=repo, env=english)
    assert option.returncode == 2 and "expected a git revision" in option.stderr
    outside = tmp_path / "not-a-repo"
    shutil.copytree(FIXTURE_SITE, outside)
    write_pelicanconf(outside)
    result = run_edcal("diff", cwd=outside, env=english)
    assert result.returncode == 2 and "is not in a git repository" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_revision_whose_plan_does_not_load_is_named_in_its_errors(repo: Path) -> None:
    edit(repo / "calendar.yaml", "networks: [linkedin, mastodon]", "networks: [linkdin, mastodon]")
    committed(repo)
    edit(repo / "calendar.yaml", "networks: [linkdin, mastodon]", "networks: [linkedin, mastodon]")
    result = run_edcal("diff", "HEAD", cwd=repo, env={"EDCAL_LANG": "en"})
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert re.match(r"HEAD:calendar\.yaml:\d+:\d+: error: .*linkdin", result.stderr)
    assert "the site at HEAD does not load" in result.stderr
    assert result.stdout == ""


def test_an_items_source_line_moving_is_no_change() -> None:
    calendar = calendar_from(PARIS_CALENDAR + """\
posts:
  - id: un
    networks: [linkedin]
    at: 2027-03-02 10:00
    text: Un
""")
    shifted = calendar_from(PARIS_CALENDAR + """\
posts:
  - id: deux
    networks: [linkedin]
    at: 2027-03-04 10:00
    text: Deux
  - id: un
    networks: [linkedin]
    at: 2027-03-02 10:00
    text: Un
""")
    before, after = plan_of(calendar, [], now="2027-02-15T10:00+01:00"), plan_of(shifted, [], now="2027-02-15T10:00+01:00")
    changes = compare_plans(before, after, after.now)
    assert [(c.kind, c.item.id) for c in changes.changes] == [("added", "deux-linkedin")]


def test_a_pull_request_summary_stays_within_githubs_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = "".join(f"""\
  - id: p{number}
    networks: [linkedin]
    at: 2027-03-{1 + number % 28:02d} 10:00
    text: "{'Un long texte numéro ' * 40}{number}"
""" for number in range(30))
    after = plan_of(calendar_from(PARIS_CALENDAR + "posts:\n" + lines), [], now="2027-02-15T10:00+01:00")
    monkeypatch.setattr(diff_command, "MARKDOWN_ROWS", 10)
    monkeypatch.setattr(diff_command, "MARKDOWN_CHARACTERS", 5_000)
    out = diff_command.render_markdown(compare_plans(None, after, after.now), None, after,
                                       diff_command.Revision("main", "0123456789abcdef"), everything=True)
    assert len([line for line in out.splitlines() if line.startswith("| + ")]) == 10
    assert len(out) < 5_000 and out.count("```text") == 3
    assert out.rstrip().endswith("20 changements et 7 textes sont laissés de côté. "
                                 "edcal diff main --all les montre tous.")


def test_every_word_of_the_diff_has_a_french_translation() -> None:
    words = [*diff_command.FIELD_LABELS.values(), *diff_command._KIND_LABELS.values(),
             *translatable_words(Path(diff_command.__file__))]
    assert len(words) > 30
    assert_french(words)


def test_a_site_plugin_runs_once_in_each_read(repo: Path) -> None:
    """Signal handlers a site's plugin connects must not run again in the other version's read."""
    (repo / "siteplugins").mkdir()
    (repo / "siteplugins" / "suffix.py").write_text(
        "from pelican import signals\n\n"
        "def suffixed(content):\n    if content.slug == 'publie':\n        content.slug += '-x'\n\n"
        "def register():\n    signals.content_object_init.connect(suffixed)\n", encoding="utf-8")
    settings = repo / "pelicanconf.py"
    settings.write_text(settings.read_text(encoding="utf-8").replace(
        'PLUGINS = ["edcal"]', 'PLUGINS = ["edcal", "suffix"]\nPLUGIN_PATHS = PLUGIN_PATHS + ["siteplugins"]'),
        encoding="utf-8")
    committed(repo)
    assert "article-publie-x" in run_edcal("diff", "HEAD~1", "--all", "--format", "json", cwd=repo).stdout
    result = run_edcal("diff", "--all", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert "Aucun changement du planning depuis HEAD" in result.stdout


def test_a_plugin_not_installed_is_told_once_for_each_side_that_lists_it(repo: Path) -> None:
    """The revision's read told its plugin not installed as the working tree's did: the same line twice, both
    "pelicanconf.py". Each is told once now, the revision's under its git name when the sides differ."""
    write_pelicanconf(repo, 'PLUGINS = ["edcal", "pelican_readtime"]\n')
    line = len((repo / "pelicanconf.py").read_text(encoding="utf-8").splitlines())
    committed(repo)
    same = run_edcal("diff", "HEAD", cwd=repo)
    assert same.returncode == 0, same.stderr
    assert same.stderr.count("pelican_readtime") == 1 and same.stderr.startswith(f"pelicanconf.py:{line}:1: ")
    edit(repo / "pelicanconf.py", "pelican_readtime", "pelican_statistics")
    other = run_edcal("diff", "HEAD", cwd=repo)
    assert other.returncode == 0, other.stderr
    assert other.stderr.count("pelican_statistics") == 1 and other.stderr.count("pelican_readtime") == 1
    assert f"HEAD:pelicanconf.py:{line}:1: warning: " in other.stderr
    committed(repo)
    both = run_edcal("diff", "HEAD~1", "HEAD", cwd=repo)
    assert both.returncode == 0, both.stderr
    assert f"HEAD:pelicanconf.py:{line}:1: warning: " in both.stderr and "pelican_statistics" in both.stderr
    assert f"HEAD~1:pelicanconf.py:{line}:1: warning: " in both.stderr and both.stderr.count("pelican_readtime") == 1


def test_export_ignore_leaves_nothing_out(repo: Path) -> None:
    (repo / ".gitattributes").write_text("content/articles/futur.md export-ignore\n", encoding="utf-8")
    committed(repo)
    assert "Aucun changement du planning depuis HEAD" in run_edcal("diff", "--all", cwd=repo).stdout


def test_settings_missing_at_the_revision_is_an_error_not_a_new_site(repo: Path) -> None:
    shutil.copy(repo / "pelicanconf.py", repo / "prod.py")
    result = run_edcal("diff", "-s", "prod.py", cwd=repo, env={"EDCAL_LANG": "en"})
    assert result.returncode == 2, result.stdout
    assert result.stderr.startswith("HEAD:prod.py:1:1: error: prod.py not found in the site at HEAD")
    # In neither: the folder is told first (it was blamed on HEAD).
    nowhere = run_edcal("diff", "-s", "nope.py", cwd=repo, env={"EDCAL_LANG": "en"})
    assert nowhere.returncode == 2 and nowhere.stderr.startswith("nope.py:1:1: error: nope.py not found in "), \
        nowhere.stderr


def test_two_revisions_with_an_error_before_either_read_end_at_once(repo: Path) -> None:
    # Both readers were forked at the start: the second held the first's pipe open, and the command
    # waited for ever for the first to end.
    shutil.copy(repo / "pelicanconf.py", repo / "prod.py")
    result = edcal_forks.run(["diff", "HEAD", "HEAD", "-s", "prod.py"], repo,
                             {**os.environ, "EDCAL_LANG": "en"}, timeout=60)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("HEAD:prod.py:1:1: error: prod.py not found in the site at HEAD")


def test_a_post_moved_out_of_the_past_keeps_its_words(repo: Path) -> None:
    """Its text before was composed too: only its date changed."""
    calendar = repo / "calendar.yaml"
    edit(calendar, "  - id: gel\n", """  - id: ancien
    networks: [linkedin]
    at: 2026-11-02 10:00
    text: Un message d'automne
  - id: gel
""")
    committed(repo)
    edit(calendar, "at: 2026-11-02 10:00", "at: 2027-03-11 10:00")
    document = json.loads(run_edcal("diff", "--format", "json", cwd=repo).stdout)
    assert [(c["id"], c["fields"]) for c in document["changes"]] == [("ancien-linkedin", ["start", "status"])]


def test_a_freeze_and_an_alt_text_are_shown_for_what_they_are(repo: Path) -> None:
    calendar = repo / "calendar.yaml"
    edit(calendar, "freeze:\n", """freeze:
  - {from: 2027-03-02, until: 2027-03-03, networks: [linkedin], reason: Refonte de la page}
""")
    edit(repo / "content" / "articles" / "futur.md", "image_alt: Image d'un article futur",
         "image_alt: Une image plus parlante")
    out = run_edcal("diff", cwd=repo).stdout
    assert "+ Gel des publications\u00a0: mardi 2 mars 2027 → mercredi 3 mars 2027 inclus, LinkedIn\u00a0: " \
        "Refonte de la page" in out
    assert "Motif du gel\u00a0: — → Refonte de la page" in out  # hello on LinkedIn, 2 March
    assert "Statut\u00a0: planifié → gelé" in out
    assert "Texte alternatif\u00a0: Image d'un article futur → Une image plus parlante" in out


def test_a_crisis_freeze_lifted_shows_when_it_ended(repo: Path) -> None:
    """The freeze given its `until:` once the crisis was over read as deleted: the window that ended before
    "now" was left out as past, and the diff said only "- Gel des publications : … → sans fin"."""
    calendar = repo / "calendar.yaml"
    edit(calendar, "freeze:\n", "freeze:\n  - {from: 2027-02-08 07:40, reason: Rappel d'un produit}\n")
    committed(repo)
    edit(calendar, "{from: 2027-02-08 07:40,", "{from: 2027-02-08 07:40, until: 2027-02-15 09:00,")
    out = run_edcal("diff", cwd=repo).stdout
    assert "+ Gel des publications\u00a0: lundi 8 février 2027 07:40 → lundi 15 février 2027 09:00, tous les " \
        "réseaux\u00a0: Rappel d'un produit" in out, out
    assert "- Gel des publications\u00a0: lundi 8 février 2027 07:40 → sans fin, tous les réseaux" in out
    # A freeze over long ago, edited, is still left out with the past.
    edit(calendar, "until: 2027-02-15 09:00,", "until: 2027-02-10 09:00,")
    committed(repo)
    edit(calendar, "until: 2027-02-10 09:00,", "until: 2027-02-11 09:00,")
    assert "Gel des publications" not in run_edcal("diff", cwd=repo).stdout


def diverged(repo: Path) -> None:
    """A branch `plan` gives hello new words; then main, checked out, moves on with weekly's."""
    git(repo, "checkout", "-q", "-b", "plan")
    edit(repo / "calendar.yaml", "text: Bonjour le monde", "text: Bonjour à tous")
    committed(repo)
    git(repo, "checkout", "-q", "main")
    edit(repo / "calendar.yaml", "text: Chaque mercredi", "text: Chaque mercredi matin")
    committed(repo)


def test_a_branch_is_compared_with_where_it_left_main(repo: Path) -> None:
    diverged(repo)
    git(repo, "checkout", "-q", "plan")
    plain = run_edcal("diff", "main", "--format", "json", cwd=repo, env={"EDCAL_LANG": "en"})
    assert {c["id"].split("-")[0] for c in json.loads(plain.stdout)["changes"]} == {"hello", "weekly"}
    assert "note: main has 1 commit that HEAD does not have" in plain.stderr
    assert "'edcal diff main...' compares with where your branch left main" in plain.stderr
    branch = run_edcal("diff", "main...", "--format", "json", cwd=repo)
    assert branch.returncode == 0 and branch.stderr == ""
    document = json.loads(branch.stdout)
    assert {c["id"].split("-")[0] for c in document["changes"]} == {"hello"}
    assert document["commit"] == git(repo, "merge-base", "main", "HEAD").strip()


def test_moving_a_key_date_shows_it_and_every_post_that_follows(repo: Path) -> None:
    calendar = repo / "calendar.yaml"
    edit(calendar, "freeze:\n", "key_dates:\n  - {id: lancement, name: Soirée de lancement, on: 2027-03-02}\nfreeze:\n")
    edit(calendar, "at: 2027-03-02 10:00", "at: lancement 10:00")
    committed(repo)
    # The same days, written otherwise: the key date is new, no post moved.
    first = run_edcal("diff", "HEAD~1", cwd=repo).stdout
    assert "depuis HEAD~1" in first and ": 1 date clé.\n" in first
    assert "+ Date clé\u00a0: Soirée de lancement\u00a0: mardi 2 mars 2027\n" in first and "~ " not in first
    edit(calendar, "on: 2027-03-02", "on: 2027-03-04")
    out = run_edcal("diff", cwd=repo).stdout
    assert "2 éléments modifiés, 1 date clé." in out
    assert "~ Date clé\u00a0: Soirée de lancement\u00a0: mardi 2 mars 2027 → jeudi 4 mars 2027" in out
    assert "Date\u00a0: mardi 2 mars 2027 10:00 → jeudi 4 mars 2027 10:00" in out


def test_a_submodule_is_read_at_the_revision(tmp_path: Path) -> None:
    """The site in blog/, its calendar.d/ a submodule: read at the commit the revision records."""
    module = tmp_path / "module"
    module.mkdir()
    (module / "extra.yaml").write_text("posts:\n  - {id: extra, networks: [x], at: 2027-03-04 10:00, "
                                       "text: Depuis le sous-module}\n", encoding="utf-8")
    git(module, "init", "-q")
    committed(module)
    repository = tmp_path / "repo"
    site = repository / "blog"
    shutil.copytree(FIXTURE_SITE, site)
    write_pelicanconf(site)
    git(repository, "init", "-q")
    git(repository, "-c", "protocol.file.allow=always", "submodule", "add", "-q", str(module), "blog/calendar.d")
    committed(repository)
    (site / "calendar.d" / "extra.yaml").write_text(
        (site / "calendar.d" / "extra.yaml").read_text(encoding="utf-8").replace("sous-module", "module"),
        encoding="utf-8")
    committed(site / "calendar.d")
    committed(repository)
    run_in = site / "content" / "articles"  # from a folder of the site, as a writer would
    same = run_edcal("diff", "--all", cwd=run_in)
    assert same.returncode == 0, same.stderr
    assert "Aucun changement du planning depuis HEAD" in same.stdout
    moved = json.loads(run_edcal("diff", "HEAD~1", "--format", "json", cwd=run_in).stdout)
    assert [(c["id"], c["fields"]) for c in moved["changes"]] == [("extra-x", ["title", "text"])]


def test_absolute_settings_are_read_at_the_revision_too(repo: Path) -> None:
    edit(repo / "pelicanconf.py", 'SITEURL = "https://blog.example.fr"', 'SITEURL = "https://www.example.fr"')
    relative = json.loads(run_edcal("diff", "--format", "json", cwd=repo).stdout)["summary"]
    absolute = run_edcal("diff", "-s", str(repo / "pelicanconf.py"), "--format", "json", cwd=repo)
    assert json.loads(absolute.stdout)["summary"] == relative and relative["changed"] > 0
    outside = run_edcal("diff", "-s", str(FIXTURE_SITE / "calendar.yaml"), cwd=repo)
    assert outside.returncode == 2 and "outside the site's folder" in outside.stderr


def test_a_lower_limit_flags_the_texts_it_makes_too_long(repo: Path) -> None:
    edit(repo / "calendar.yaml", "  mastodon: {}", "  mastodon: {limit: 10}")
    out = run_edcal("diff", "--format", "markdown", cwd=repo).stdout
    row = next(line for line in out.splitlines() if "Bonjour le monde" in line and "Mastodon" in line)
    assert "Limite\u00a0: 500 → 10" in row and "⚠️ **" in row and "caractères de trop**" in row


def test_items_held_by_different_freezes_are_not_one_row(repo: Path) -> None:
    edit(repo / "calendar.yaml", "freeze:\n", """freeze:
  - {from: 2027-03-10, until: 2027-03-10, networks: [mastodon], reason: Audit qualité}
  - {from: 2027-03-17, until: 2027-03-17, networks: [mastodon], reason: Inventaire annuel}
""")
    out = run_edcal("diff", cwd=repo).stdout
    assert "Motif du gel\u00a0: — → Audit qualité" in out and "Motif du gel\u00a0: — → Inventaire annuel" in out
    assert "- **ajouté** mercredi 10 mars 2027" not in out
    markdown = run_edcal("diff", "--format", "markdown", cwd=repo).stdout
    assert "- **ajouté** mercredi 10 mars 2027, 0" not in markdown
    assert "\n- **ajouté** mercredi 10 mars 2027 → mercredi 10 mars 2027 inclus, Mastodon\u00a0: Audit qualité" in markdown


def test_a_revision_that_stops_reading_is_a_located_error_and_prints_stay_out_of_json(repo: Path) -> None:
    settings = repo / "pelicanconf.py"
    good = settings.read_text(encoding="utf-8")
    settings.write_text(good + "print('bonjour depuis les réglages')\n", encoding="utf-8")
    committed(repo)
    result = run_edcal("diff", "--format", "json", cwd=repo)
    assert json.loads(result.stdout)["summary"] == {"added": 0, "removed": 0, "changed": 0}
    settings.write_text(good + "import sys\nsys.exit(3)\n", encoding="utf-8")
    committed(repo)
    settings.write_text(good, encoding="utf-8")
    stopped = run_edcal("diff", cwd=repo, env={"EDCAL_LANG": "en"})
    assert stopped.returncode == 2 and "Traceback" not in stopped.stderr, stopped.stderr
    # The revision's sys.exit() is told at its line, as the working tree's is (it was "reading the site at
    # HEAD stopped (exit 3)", at line 1).
    line = len(good.splitlines()) + 2
    assert stopped.stderr.startswith(f"HEAD:pelicanconf.py:{line}:1: error: found sys.exit() in the settings, which "
                                     "ended the program while they were read"), stopped.stderr


def test_removed_items_are_located_as_git_names_them(tmp_path: Path) -> None:
    repository = tmp_path / "repo"
    site = repository / "blog"
    shutil.copytree(FIXTURE_SITE, site)
    write_pelicanconf(site)
    git(repository, "init", "-q")
    committed(repository)
    git(repository, "checkout", "-q", "-b", "plan")
    edit(site / "calendar.yaml", "  - id: gel\n", "  - id: gel-supprime\n    networks: [x]\n    at: 2027-05-01\n"
         "    text: Bientôt\n  - id: gel\n")
    out = run_edcal("diff", "main...", cwd=site).stdout
    assert "[calendar.yaml:26]" in out  # added: in the working tree
    edit(site / "calendar.yaml", "  - id: weekly\n", "  - id: weekly-removed\n")
    edit(site / "calendar.yaml", "text: Chaque mercredi", "text: Chaque jeudi")
    out = run_edcal("diff", "main...", cwd=site).stdout
    base = git(repository, "merge-base", "main", "HEAD").strip()[:7]
    assert f"[{base}:blog/calendar.yaml:33]" in out  # `git show {base}:blog/calendar.yaml` shows it
    assert "et 2 autres, jusqu'au" in out


def test_no_commit_yet_and_a_shallow_clone_say_what_to_do(tmp_path: Path, site: Path) -> None:
    git(site, "init", "-q")
    empty = run_edcal("diff", cwd=site, env={"EDCAL_LANG": "en"})
    assert empty.returncode == 2 and "the repository has no commit yet" in empty.stderr
    assert "did you mean" not in empty.stderr
    committed(site)
    git(site, "branch", "-q", "plan")
    edit(site / "calendar.yaml", "text: Chaque mercredi", "text: Chaque mercredi matin")
    committed(site)
    shallow = tmp_path / "shallow"  # main's last commit only, and plan's: not the commit they share
    git(tmp_path, "clone", "-q", "--depth", "1", "--no-single-branch", f"file://{site}", str(shallow))
    result = run_edcal("diff", "origin/plan...", cwd=shallow, env={"EDCAL_LANG": "en"})
    assert result.returncode == 2, result.stdout
    assert "'origin/plan' and HEAD have no commit in common" in result.stderr
    assert "git fetch --unshallow" in result.stderr
    # The commit before the last: "did you mean 'HEAD'?" sent CI to compare with itself.
    parent = run_edcal("diff", "HEAD~1", cwd=shallow, env={"EDCAL_LANG": "en"})
    assert parent.returncode == 2 and "error: unknown revision 'HEAD~1'\n    hint: this clone is shallow and " \
        "lacks that history: git fetch --unshallow" in parent.stderr, parent.stderr


def test_a_campaigns_dates_are_compared(repo: Path) -> None:
    edit(repo / "calendar.yaml", "until: 2027-04-15", "until: 2027-04-30")
    result = run_edcal("diff", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert "1 campagne" in result.stdout.splitlines()[0]
    assert "~ Campagne\u00a0: Lancement\u00a0: du lundi 1er mars 2027 au jeudi 15 avril 2027 → du lundi 1er mars " \
        "2027 au vendredi 30 avril 2027" in result.stdout
    document = json.loads(run_edcal("diff", "--format", "json", cwd=repo).stdout)
    assert document["campaigns"] == [{"change": "changed", "id": "launch",
                                      "before": {"name": "Lancement", "start": "2027-03-01", "end": "2027-04-15",
                                                 "source": "calendar.yaml:14"},
                                      "after": {"name": "Lancement", "start": "2027-03-01", "end": "2027-04-30",
                                                "source": "calendar.yaml:14"}}]
    markdown = run_edcal("diff", "--format", "markdown", cwd=repo).stdout
    assert "#### Campagnes" in markdown


def _one_post(field: str) -> object:
    """A plan of one LinkedIn post with ``field``, a line of its entry (``note: Épingler``)."""
    return plan_of(calendar_from(PARIS_CALENDAR + "posts:\n  - id: p\n    networks: [linkedin]\n"
                                 f"    at: 2027-03-02 10:00\n    text: Un\n    {field}\n"),
                   [], now="2027-02-15T10:00+01:00")


def _field_lines(before: object, after: object) -> list[str]:
    """The lines `edcal diff` writes under a changed post, one per changed field."""
    out = diff_command.render_text(compare_plans(before, after, after.now), before, after,  # type: ignore[attr-defined]
                                   diff_command.Revision("main", "0123456789abcdef"))
    return [line.strip() for line in out.splitlines() if line.startswith("    ")]


def test_a_carousels_images_are_shown_in_order_and_a_changed_alt_text_with_its_image() -> None:
    """A list of images read as one: "a.png, b.png (alt text: Le plan, hall B)" — which image had which words?"""
    def plan(images: str) -> object:
        return _one_post(f"images: {images}")

    shown = _field_lines
    one = plan("[{image: images/a.png, alt: 'Le plan, hall B'}]")
    two = plan("[{image: images/a.png, alt: 'Le plan, hall B'}, images/b.png]")
    assert shown(one, two) == ["Images\u00a0: images/a.png (texte alternatif\u00a0: Le plan, hall B) → "
                               "images/a.png (texte alternatif\u00a0: Le plan, hall B) · images/b.png"]
    reworded = plan("[{image: images/a.png, alt: 'Le plan, hall B'}, {image: images/b.png, alt: Le stand}]")
    assert shown(two, reworded) == ["Texte alternatif de images/b.png\u00a0: — → Le stand"]


def test_an_added_post_shows_all_it_carries_beside_its_text() -> None:
    """An added post showed its text only: whoever approved it in a pull request never saw its image, its
    note, its first comment or its thread, which a change of any of them shows."""
    before = plan_of(calendar_from(PARIS_CALENDAR + "posts: []\n"), [], now="2027-02-15T10:00+01:00")
    after = _one_post("image: images/a.png\n    alt: Le stand\n    note: Épingler\n"
                      "    first_comment: Le programme")
    lines = _field_lines(before, after)
    assert lines[:3] == ["Images\u00a0: images/a.png (texte alternatif\u00a0: Le stand)",
                         "Premier commentaire\u00a0: Le programme", "Note\u00a0: Épingler"], lines
    assert lines[3:5] == ["Texte\u00a0:", "Un"]
    markdown = diff_command.render_markdown(compare_plans(before, after, after.now), before, after,  # type: ignore[attr-defined]
                                            diff_command.Revision("main", "0123456789abcdef"))
    assert "ajouté<br>Images\u00a0: images/a.png (texte alternatif\u00a0: Le stand)<br>" in markdown, markdown
    video = _one_post("video: {file: videos/a.mp4, cover: images/c.png}")
    assert _field_lines(before, video)[0] == "Vidéo\u00a0: videos/a.mp4 · Couverture\u00a0: images/c.png"
    # A post with nothing beside its text: its row alone, as before.
    assert _field_lines(before, _one_post("owner: null"))[0] == "Texte\u00a0:"


def test_two_revisions_are_compared_from_git_leaving_the_folder_alone(repo: Path) -> None:
    """`edcal diff main..plan`, `main plan` and `main...plan`, as git diff takes them: whatever is checked
    out and whatever is not committed, both sides are read from git."""
    diverged(repo)
    # Not committed, in the folder: neither side has it, and it stays as it is.
    edit(repo / "calendar.yaml", "  - id: weekly\n", "  - {id: brouillon, networks: [x], at: 2027-03-05 09:00, "
         "text: Pas encore commité}\n  - id: weekly\n")
    folder = (repo / "calendar.yaml").read_text(encoding="utf-8")
    status = git(repo, "status", "--porcelain")
    english = {"EDCAL_LANG": "en"}

    def ids(result: subprocess.CompletedProcess[str]) -> set[str]:
        assert result.returncode == 0, result.stderr
        return {c["id"].split("-")[0] for c in json.loads(result.stdout)["changes"]}

    plain = run_edcal("diff", "main..plan", "--format", "json", cwd=repo, env=english)
    assert ids(plain) == {"hello", "weekly"}  # main's new words show as undone on plan
    document = json.loads(plain.stdout)
    assert (document["revision"], document["commit"], document["target_commit"]) == (
        "main..plan", git(repo, "rev-parse", "main").strip(), git(repo, "rev-parse", "plan").strip())
    assert "note: main has 1 commit that plan does not have" in plain.stderr
    assert "'edcal diff main...plan' compares with where plan left main" in plain.stderr
    apart = run_edcal("diff", "main", "plan", "--format", "json", cwd=repo, env=english)
    assert apart.stdout == plain.stdout
    branch = run_edcal("diff", "main...plan", "--format", "json", cwd=repo)
    assert ids(branch) == {"hello"} and branch.stderr == ""
    document = json.loads(branch.stdout)
    assert document["commit"] == git(repo, "merge-base", "main", "plan").strip()
    assert document["target_commit"] == git(repo, "rev-parse", "plan").strip()
    assert json.loads(run_edcal("diff", "main", "--format", "json", cwd=repo).stdout)["target_commit"] is None
    # In the site's language; the changed items located where git shows them, at plan.
    text = run_edcal("diff", "main..plan", cwd=repo)
    main, plan = (git(repo, "rev-parse", "--short=7", name).strip() for name in ("main", "plan"))
    assert text.stdout.startswith(f"Changements du planning de main ({main}) à plan ({plan})\u00a0: "
                                  "5 éléments modifiés.\n"), text.stdout
    assert "[plan:calendar.yaml:21]" in text.stdout and "brouillon" not in text.stdout
    assert text.stderr.startswith("note\u00a0: main a 1 commit que plan n'a pas")
    same = run_edcal("diff", "plan..plan", "--format", "markdown", cwd=repo).stdout
    assert same.startswith(f"### Aucun changement du planning de plan ({plan}) à plan ({plan}).")
    assert (repo / "calendar.yaml").read_text(encoding="utf-8") == folder
    assert git(repo, "status", "--porcelain") == status and git(repo, "diff", "--cached") == ""


def test_an_unknown_half_of_two_revisions_is_named_alone(repo: Path) -> None:
    git(repo, "branch", "plan")
    english = {"EDCAL_LANG": "en"}

    def error(*args: str) -> str:
        result = run_edcal("diff", *args, cwd=repo, env=english)
        assert result.returncode == 2 and result.stdout == "" and "Traceback" not in result.stderr, result
        return result.stderr

    assert error("main..plna").startswith("REVISION: error: unknown revision 'plna'\n"
                                          "    hint: did you mean 'plan'? ")
    # Never the revision written beside it: `main..main` compares nothing.
    left = error("mian..main")
    assert left.startswith("REVISION: error: unknown revision 'mian'\n") and "did you mean" not in left
    assert error("mian..plan").startswith("REVISION: error: unknown revision 'mian'\n"
                                          "    hint: did you mean 'main'? ")
    both = error("mian...plna")
    assert "unknown revision 'mian'" in both and "unknown revision 'plna'" in both
    assert error("main..").startswith("REVISION: error: found 'main..', expected a revision on each side of "
                                      "'..'\n    hint: edcal diff main compares main with your folder; "
                                      "edcal diff main..HEAD, with your last commit\n")
    assert "hint: name both sides: HEAD is your last commit, e.g. HEAD...plan\n" in error("...plan")
    assert "expected one range or two revisions" in error("main...", "plan")
    assert "expected a git revision" in error("main..plan..HEAD")
    git(repo, "checkout", "-q", "--orphan", "ailleurs")
    # Another message: the same tree, message and second would be main's very commit.
    git(repo, "commit", "-q", "-m", "Une autre histoire")
    unrelated = error("main...ailleurs")
    assert unrelated.startswith("REVISION: error: 'main' and 'ailleurs' have no commit in common\n"
                                "    hint: compare them as they are: edcal diff main..ailleurs\n")


def spaced(out: str) -> str:
    """The output with French's no-break spaces as plain ones, to compare long sentences."""
    return out.replace("\u00a0", " ")


def test_a_live_article_leaving_its_address_is_told_with_the_links_that_lead_nowhere(repo: Path) -> None:
    """Deleted, back to draft or at another address: its page answers 404 and posted links lead nowhere."""
    article = repo / "content" / "articles" / "publie.md"
    gone = "! L'article « Un article publié », en ligne depuis le lundi 1er février 2027, quitte le site : " \
        "son adresse https://blog.example.fr/2027/publie/ ne répondra plus (4 publications parties y renvoient)"
    article.unlink()
    out = spaced(run_edcal("diff", cwd=repo).stdout)
    assert out.startswith("Changements du planning depuis HEAD") and "1 article en ligne quitte son adresse" in out
    assert gone in out, out
    git(repo, "checkout", "-q", "--", "content/articles/publie.md")
    edit(article, "Title: Un article publié", "Title: Un article publié\nStatus: draft")
    assert gone in spaced(run_edcal("diff", cwd=repo).stdout)
    # Its date in the address: old → new, in the pull request and at the header's line in the workflow.
    edit(article, "Status: draft\nDate: 2027-02-01 09:00", "Date: 2026-02-01 09:00")
    moved = "L'article « Un article publié », en ligne depuis le lundi 1er février 2027, change d'adresse : " \
        "https://blog.example.fr/2027/publie/ → https://blog.example.fr/2026/publie/ ; l'ancienne ne " \
        "répondra plus (4 publications parties y renvoient)"
    markdown = spaced(run_edcal("diff", "--format", "markdown", cwd=repo).stdout)
    assert f"#### Articles qui quittent leur adresse\n\n- ⚠️ {moved}\n" in markdown, markdown
    github = spaced(run_edcal("diff", "--format", "github", cwd=repo, env={"GITHUB_WORKSPACE": str(repo)}).stdout)
    assert github.splitlines()[0] == ("::warning file=content/articles/publie.md,line=2,col=7,"
                                      f"title=article qui quitte son adresse::{moved}")
    # With the posted: log, only the posts it names count.
    edit(repo / "calendar.yaml", "\nposts:\n", "\nposted:\n  - publie-linkedin-0\nposts:\n")
    assert "(1 publication partie y renvoie)" in run_edcal("diff", cwd=repo).stdout


def test_articles_a_new_siteurl_or_article_url_moves_are_annotated_at_that_setting(repo: Path) -> None:
    """A new address for the whole blog: the workflow's warnings were at each article's `Date:` line, which
    nobody changed."""
    settings = repo / "pelicanconf.py"
    lines = settings.read_text(encoding="utf-8").splitlines()
    at = {name: n for n, line in enumerate(lines, 1) for name in ("SITEURL", "ARTICLE_URL")
          if line.startswith(f"{name} =")}
    edit(settings, 'SITEURL = "https://blog.example.fr"', 'SITEURL = "https://www.example.fr/blog"')
    github = run_edcal("diff", "--format", "github", cwd=repo, env={"GITHUB_WORKSPACE": str(repo)}).stdout
    warned = [line for line in github.splitlines() if line.startswith("::warning")]
    assert warned and all(line.startswith(f"::warning file=pelicanconf.py,line={at['SITEURL']},col=1,")
                          for line in warned), github
    git(repo, "checkout", "-q", "--", "pelicanconf.py")
    edit(settings, 'ARTICLE_URL = "{date:%Y}/{slug}/"', 'ARTICLE_URL = "{date:%Y}/{date:%m}/{slug}/"')
    github = run_edcal("diff", "--format", "github", cwd=repo, env={"GITHUB_WORKSPACE": str(repo)}).stdout
    warned = [line for line in github.splitlines() if line.startswith("::warning")]
    assert warned and all(line.startswith(f"::warning file=pelicanconf.py,line={at['ARTICLE_URL']},col=1,")
                          for line in warned), github


def test_the_posts_gone_out_to_a_leaving_article_are_counted_by_page_as_the_report_counts_them(repo: Path) -> None:
    """An article and its translation share a slug: both lines said the posts of both ("3 publications" for a
    French page with 2 and an English one with 1). With a `posted:` log begun in February, January's posts
    counted for none, where the report takes the months before the log's first line as gone out; a line saying
    a post was skipped counted as gone out. A post linking to another site's page of the same path is not the
    article's."""
    calendar = repo / "calendar.yaml"
    edit(calendar, '  x: {account: "@fixture"}\n',
         '  x: {account: "@fixture"}\n  linkedin-en: {like: linkedin, name: LinkedIn (English), lang: en}\n')
    edit(calendar, "promote: {networks: [linkedin, x]", "promote: {networks: [linkedin, x, linkedin-en]")
    edit(calendar, "\nposts:\n", "\nposted:\n  - fevrier-x\nposts:\n"
         "  - {id: fevrier, networks: [x], at: 2027-02-02 09:00, text: Bonjour février}\n"
         "  - {id: ailleurs, networks: [x], at: 2027-01-15 09:00, text: Voir, "
         "link: 'https://salon.example.org/2027/publie/'}\n")
    articles = repo / "content" / "articles"
    edit(articles / "publie.md", "Date: 2027-02-01 09:00", "Date: 2027-01-11 09:00")
    (articles / "publie-en.md").write_text("Title: A published article\nSlug: publie\nLang: en\n"
                                           "Date: 2027-01-11 09:00\n\nText.\n", encoding="utf-8")
    committed(repo)
    edit(articles / "publie.md", "Title: Un article publié", "Title: Un article publié\nStatus: draft")

    def leaving() -> list[str]:
        out = spaced(run_edcal("diff", cwd=repo).stdout)
        return [line.partition(" ne répondra plus")[2].strip() for line in out.splitlines()
                if line.startswith("! L'article")]

    # January's 4 French posts (LinkedIn, X, at publication and 2 days on) and 2 English ones, before the log.
    assert leaving() == ["(4 publications parties y renvoient)", "(2 publications parties y renvoient)"]
    # From the log's first month on, only the lines that say a post went out count.
    edit(calendar, "  - fevrier-x\n", "  - {item: publie-x-0, skipped: true}\n  - publie-linkedin-0\n"
         "  - fevrier-x\n")
    assert leaving() == ["(1 publication partie y renvoie)", ""]
    # Without a log, every post whose time has passed.
    git(repo, "checkout", "-q", "--", "calendar.yaml")
    edit(calendar, "\nposted:\n  - fevrier-x\n", "\n")
    git(repo, "commit", "-q", "-m", "No log", "--", "calendar.yaml")
    assert leaving() == ["(4 publications parties y renvoient)", "(2 publications parties y renvoient)"]


def test_an_article_s_slug_renamed_renames_its_promotions_as_one_change_each(repo: Path) -> None:
    """A slug changed (a typo in the title mended): the article's promotions change id and link. They were
    shown removed and added, as if the plan had lost posts and gained others."""
    edit(repo / "content" / "articles" / "futur.md", "date: 2027-03-25 09:00", "date: 2027-03-25 09:00\nslug: avenir")
    edit(repo / "calendar.yaml", "  - promote: futur\n", "  - promote: avenir\n")
    out = spaced(run_edcal("diff", cwd=repo).stdout)
    assert not re.search("^[-+] ", out, re.M), out
    assert "Identifiant : futur → avenir" in out, out
    document = json.loads(run_edcal("diff", "--format", "json", cwd=repo).stdout)
    assert {(c["before"]["id"], c["id"]) for c in document["changes"] if c["kind"] == "post"} >= {
        ("futur-linkedin-0", "avenir-linkedin-0"), ("futur-bluesky-2w", "avenir-bluesky-2w")}
    assert {c["change"] for c in document["changes"]} == {"changed"}


def test_a_renamed_id_is_one_change_that_subscribers_see_as_removed_and_added(repo: Path) -> None:
    """An entry's `id:` or a network's key renamed: the same posts, whose feed events change UID."""
    calendar = repo / "calendar.yaml"
    edit(calendar, "  x: {account: \"@fixture\"}\n", "  x: {account: \"@fixture\"}\n  fil: {custom: true, name: Le Fil, limit: 5000}\n")
    edit(calendar, "  - id: gel\n", "  - {id: interne, networks: [fil], at: 2027-03-04 10:00, text: Pour l'équipe}\n"
         "  - id: gel\n")
    committed(repo)
    edit(calendar, "  - id: hello\n", "  - id: bonjour\n")
    edit(calendar, "  fil: {custom", "  lefil: {custom")
    edit(calendar, "networks: [fil]", "networks: [lefil]")
    result = run_edcal("diff", cwd=repo)
    assert result.returncode == 0, result.stderr
    out = spaced(result.stdout)
    assert out.splitlines()[0].endswith(": 3 éléments modifiés, 1 flux qui n'est plus écrit.") \
        and not re.search("^[-+] ", out, re.M), out
    assert "! Le flux calendars/fil.ics n'est plus écrit : les agendas abonnés" in out  # the network's key
    note = "Son identifiant est celui de son événement dans les agendas : les abonnés verront l'événement " \
        "supprimé puis ajouté de nouveau"
    hello = out[out.index("~ mardi 2 mars 2027 10:00 · LinkedIn, Mastodon · Bonjour le monde"):]
    assert hello.splitlines()[1:3] == ["    Identifiant : hello → bonjour", f"    {note}"], hello
    fil = out[out.index("~ jeudi 4 mars 2027 10:00 · Le Fil · Pour l'équipe"):]
    assert fil.splitlines()[1:3] == ["    Identifiant : interne-fil → interne-lefil", f"    {note}"], fil
    document = json.loads(run_edcal("diff", "--format", "json", cwd=repo).stdout)
    assert {(c["id"], c["before"]["id"], tuple(c["fields"])) for c in document["changes"]} == {
        ("bonjour-linkedin", "hello-linkedin", ("id",)), ("bonjour-mastodon", "hello-mastodon", ("id",)),
        ("interne-lefil", "interne-fil", ("id", "network"))}
    # A past post renamed: it is not new, nor put in the past ("will not go out").
    edit(calendar, "at: 2027-03-04 10:00", "at: 2027-02-04 10:00")
    committed(repo)
    edit(calendar, "  - {id: interne,", "  - {id: equipe,")
    out = spaced(run_edcal("diff", "--all", cwd=repo).stdout)
    assert "Identifiant : interne → equipe" in out and "déjà passée" not in out, out


def test_the_log_of_what_went_out_is_shown_line_by_line(repo: Path) -> None:
    """Posts confirmed as gone out, confirmations removed or changed: past, shown all the same."""
    calendar = repo / "calendar.yaml"
    edit(calendar, "\nposts:\n", "\nposted:\n  - publie-linkedin-0\n  - publie-x-0\nposts:\n")
    committed(repo)
    edit(calendar, "  - publie-linkedin-0\n  - publie-x-0\n",
         "  - {item: publie-x-0, url: 'https://x.com/fixture/status/1'}\n"
         "  - {item: publie-linkedin-2d, at: 2027-02-03 12:40}\n")
    out = spaced(run_edcal("diff", cwd=repo).stdout)
    assert out.splitlines()[0].endswith(": 3 lignes du journal des publications parties."), out
    assert "\n- Confirmation retirée : LinkedIn · Un article publié (elle disait lundi 1er février 2027 09:00) ; " \
        "publie-linkedin-0 ne compte plus comme partie  [HEAD:calendar.yaml:21]\n" in out, out
    assert "\n~ Confirmation modifiée : X · Un article publié, lundi 1er février 2027 09:00 → lundi 1er février " \
        "2027 09:00 · https://x.com/fixture/status/1  [calendar.yaml:21]\n" in out
    assert "\n+ Confirmée partie : LinkedIn · Un article publié, mercredi 3 février 2027 12:40  " \
        "[calendar.yaml:22]\n" in out
    markdown = spaced(run_edcal("diff", "--format", "markdown", cwd=repo).stdout)
    assert "#### Journal des publications parties\n\n- Confirmation retirée : LinkedIn" in markdown, markdown
    document = json.loads(run_edcal("diff", "--format", "json", cwd=repo).stdout)
    assert [(line["change"], line["item"]) for line in document["posted"]] == [
        ("removed", "publie-linkedin-0"), ("changed", "publie-x-0"), ("added", "publie-linkedin-2d")]
    # A post the log now says did not go out: said as such, not "confirmed gone out".
    committed(repo)
    edit(calendar, "  - {item: publie-linkedin-2d, at: 2027-02-03 12:40}\n",
         "  - {item: publie-linkedin-2d, at: 2027-02-03 12:40}\n  - {item: publie-x-2d, skipped: true}\n")
    out = spaced(run_edcal("diff", cwd=repo).stdout)
    assert "\n+ Notée annulée (elle n'est pas partie) : X · Un article publié, mercredi 3 février 2027 12:00  " \
        "[calendar.yaml:23]\n" in out, out
    document = json.loads(run_edcal("diff", "--format", "json", cwd=repo).stdout)
    assert document["posted"][0]["after"]["skipped"] is True


def test_a_post_put_in_the_past_that_the_log_says_did_not_go_out_is_no_late_post(repo: Path) -> None:
    """A post moved to a day gone by, logged as skipped: it is not told "it will not go out as planned"."""
    late = "Son heure est déjà passée"
    calendar = repo / "calendar.yaml"
    edit(calendar, "at: 2027-03-02 10:00", "at: 2027-01-02 10:00")
    assert late in run_edcal("diff", cwd=repo).stdout
    edit(calendar, "\nposts:\n", "\nposted:\n  - {item: hello-linkedin, skipped: true}\n"
         "  - {item: hello-mastodon, skipped: true}\nposts:\n")
    out = run_edcal("diff", cwd=repo).stdout
    assert "Notée annulée" in out and late not in out, out


def test_only_a_promotion_put_in_the_past_is_said_lost_to_an_article_published_late(repo: Path) -> None:
    late = "Son heure est déjà passée\u00a0: cette publication ne partira pas comme prévu (vérifiez sa date"
    edit(repo / "calendar.yaml", "at: 2027-03-02 10:00", "at: 2027-01-02 10:00")  # hello: a post of its own
    edit(repo / "content" / "articles" / "futur.md", "date: 2027-03-25 09:00", "date: 2027-02-10 09:00")
    out = run_edcal("diff", cwd=repo).stdout
    hello = out[out.index("~ samedi 2 janvier 2027 10:00 · LinkedIn, Mastodon"):]
    assert hello.split("\n\n")[0].endswith(f"\n    {late})"), hello
    promotion = out[out.index("~ mercredi 10 février 2027 09:00 · Bluesky, LinkedIn"):]
    assert f"    {late}\u00a0; un article publié en retard perd ses promotions d'avant)\n" in promotion, promotion


def test_a_blog_whose_articles_all_leave_their_address_is_compared_quickly() -> None:
    """`ARTICLE_URL` changed: every live article leaves its address. The posts that went out linking to each
    were counted over every item of the plan: 1 s on the benchmark's 1,000 articles + 10,000 posts, a time
    growing as the square of the articles."""
    calendar = calendar_from(PARIS_CALENDAR + "blog:\n  promote: {networks: [linkedin, x, mastodon], "
                             "schedule: [at publication, +2 days, +1 week]}\n")
    now = "2027-01-01T00:00+01:00"
    day = [f"2026-{month:02}-{day:02}T10:00" for month in range(1, 12) for day in range(1, 29)]
    before = plan_of(calendar, [article(f"a{n}", day[n % len(day)], calendar) for n in range(3000)], now=now)
    after = plan_of(calendar, [article(f"a{n}", day[n % len(day)], calendar, url=f"https://blog.example.fr/b/a{n}/")
                               for n in range(3000)], now=now)
    started = time.process_time()
    changes = compare_plans(before, after, after.now)
    elapsed = time.process_time() - started
    assert len(changes.leaving) == 3000
    assert {article.posts_out for article in changes.leaving} == {9}
    # 0.5-0.8 s alone on the 2-core machine (1.3 s once, beside another test worker in CI); 3.2 s alone when
    # each article's posts were counted over the plan, and it grew as the square of the articles.
    assert elapsed < 2.0, elapsed


def test_a_change_is_shown_at_its_line_from_the_current_folder(repo: Path) -> None:
    """`edcal diff --site blog` named the changed post at [calendar.yaml:21], which the terminal opened from
    where it ran: the paths are from there, as edcal check's; markdown, for a pull request, keeps the site's."""
    changed_calendar(repo)
    line = next(n for n, text in enumerate((repo / "calendar.yaml").read_text(encoding="utf-8").splitlines(), 1)
                if text.strip() == "- id: hello")
    result = run_edcal("diff", "--site", repo.name, cwd=repo.parent)
    assert result.returncode == 0, result.stderr
    assert f"[{repo.name}/calendar.yaml:{line}]" in result.stdout, result.stdout
    assert f"[calendar.yaml:{line}]" in run_edcal("diff", cwd=repo).stdout
    markdown = run_edcal("diff", "--site", repo.name, "--format", "markdown", cwd=repo.parent).stdout
    assert f"`calendar.yaml:{line}`" in markdown and f"{repo.name}/calendar.yaml" not in markdown, markdown


def test_a_first_comment_changed_is_a_change_on_one_line(repo: Path) -> None:
    """A pull request changing only a LinkedIn post's first comment must say so (its paragraphs on one line)."""
    calendar = repo / "calendar.yaml"
    edit(calendar, "    networks: [linkedin, mastodon]\n    at: 2027-03-02 10:00\n",
         "    networks: [linkedin]\n    at: 2027-03-02 10:00\n    first_comment: \"Une question ?\\n\\nDites-nous tout.\"\n")
    committed(repo)
    edit(calendar, "Une question ?", "Un avis ?")
    result = run_edcal("diff", cwd=repo, env={"EDCAL_LANG": "en"})
    assert result.returncode == 0, result.stderr
    assert "First comment: Une question\u00a0? Dites-nous tout. → Un avis\u00a0? Dites-nous tout." in result.stdout


def test_a_videos_new_cover_or_subtitles_are_shown() -> None:
    """A video whose subtitles changed was a changed row with nothing under it: its path and alt text had not."""
    def plan(video: str) -> object:
        return _one_post(f"video: {video}")

    shown = _field_lines
    before = plan("{file: videos/v.mp4, alt: La visite, cover: images/a.jpg, subtitles: videos/v.fr.vtt}")
    after = plan("{file: videos/v.mp4, alt: La visite, cover: images/b.jpg, subtitles: videos/v.en.vtt}")
    assert shown(before, after) == [
        "Vidéo\u00a0: videos/v.mp4 (texte alternatif\u00a0: La visite) · Couverture\u00a0: images/a.jpg · "
        "Sous-titres\u00a0: videos/v.fr.vtt → videos/v.mp4 (texte alternatif\u00a0: La visite) · "
        "Couverture\u00a0: images/b.jpg · Sous-titres\u00a0: videos/v.en.vtt"]
    reworded = plan("{file: videos/v.mp4, alt: Le tour, cover: images/b.jpg, subtitles: videos/v.en.vtt}")
    assert shown(after, reworded) == ["Texte alternatif\u00a0: La visite → Le tour"]


def test_a_changed_note_for_whoever_posts_is_shown() -> None:
    """`note:` ("tag the partner in the photo") changed in a pull request: the row says what it was and is."""
    assert _field_lines(_one_post("note: Épingler"), _one_post("note: Identifier le partenaire")) == [
        "Note\u00a0: Épingler → Identifier le partenaire"]


def test_a_changed_poll_answer_or_duration_is_shown() -> None:
    """`poll:` reworded in a pull request: the row gives the question, the answers and the duration, before and
    after."""
    def plan(answers: str, duration: str = "1 week") -> object:
        return _one_post(f"poll: {{question: Votre portail ?, options: [{answers}], duration: {duration}}}")

    before = plan("Battant, Coulissant")
    assert _field_lines(before, plan("Battant, Coulissant, Sur mesure")) == [
        "Sondage\u00a0: Votre portail\u00a0? · Battant · Coulissant (1 semaine) → "
        "Votre portail\u00a0? · Battant · Coulissant · Sur mesure (1 semaine)"]
    assert _field_lines(before, plan("Battant, Coulissant", "3 jours")) == [
        "Sondage\u00a0: Votre portail\u00a0? · Battant · Coulissant (1 semaine) → Votre portail\u00a0? · Battant · "
        "Coulissant (3 jours)"]
    assert _field_lines(before, plan("Battant, Coulissant", "7 days")) == []  # the same week, written otherwise?


def test_a_post_approved_is_told_from_awaiting_approval_as_pages_and_feeds_say(repo: Path) -> None:
    calendar = repo / "calendar.yaml"
    edit(calendar, "at: 2027-03-02 10:00\n    text: Bonjour le monde",
         "at: 2027-03-02 10:00\n    status: review\n    text: Bonjour le monde")
    committed(repo)
    edit(calendar, "    status: review\n", "")
    out = run_edcal("diff", cwd=repo).stdout
    # A post's "review" is "à valider" (awaiting approval), not an article's "en relecture".
    assert "Statut\u00a0: à valider → planifié" in out
    assert "en relecture" not in out
    edit(calendar, "at: 2027-03-02 10:00\n    text: Bonjour le monde",
         "at: 2027-03-02 10:00\n    status: review\n    text: Bonjour le monde")
    edit(calendar, "text: Bonjour le monde", "text: Bonjour à tous")
    out = run_edcal("diff", "--format", "markdown", cwd=repo).stdout
    assert "| à valider |" in out and "en relecture" not in out


def test_a_diff_started_with_standard_input_closed_reads_the_revision(repo: Path) -> None:
    # (cron, `edcal diff HEAD <&-`) The reader's pipe was then file 0, which the reader replaced by
    # /dev/null: it read no request, and the command ended on a traceback.
    changed_calendar(repo)
    result = subprocess.run([sys.executable, "-m", "edcal", "diff", "HEAD"], cwd=repo, capture_output=True,
                            text=True, timeout=120, check=False, preexec_fn=lambda: os.close(0),
                            env={**os.environ, "PYTHONPATH": str(ROOT / "plugins"), "EDCAL_NOW": NOW})
    assert result.returncode == 0, result.stderr
    assert result.stdout == run_edcal("diff", "HEAD", cwd=repo).stdout
    # Its output closed too (`>&-`): Python's sys.stdout is None, and flushing it ended on a traceback.
    unwritten = subprocess.run([sys.executable, "-m", "edcal", "diff", "HEAD~0..HEAD"], cwd=repo,
                               capture_output=True, text=True, timeout=120, check=False,
                               preexec_fn=lambda: os.close(1),
                               env={**os.environ, "PYTHONPATH": str(ROOT / "plugins"), "EDCAL_NOW": NOW})
    assert unwritten.returncode == 0 and "Traceback" not in unwritten.stderr, unwritten.stderr


def test_ctrl_c_ends_what_the_revisions_plugins_started(repo: Path, tmp_path: Path) -> None:
    # The reader ignored Ctrl-C, and so did the programs its plugins ran: they went on after the command.
    started, finished = tmp_path / "started", tmp_path / "finished"
    program = f"import pathlib, time; pathlib.Path({str(started)!r}).touch(); time.sleep(3); " \
              f"pathlib.Path({str(finished)!r}).touch()"
    (repo / "siteplugins").mkdir()
    (repo / "siteplugins" / "slow.py").write_text(
        "import subprocess, sys\nfrom pelican import signals\n\n"
        f"def slow(_pelican):\n    subprocess.run([sys.executable, '-c', {program!r}])\n\n"
        "def register():\n    signals.initialized.connect(slow)\n",
        encoding="utf-8")
    settings = repo / "pelicanconf.py"
    good = settings.read_text(encoding="utf-8")
    settings.write_text(good.replace('PLUGINS = ["edcal"]',
                                     'PLUGINS = ["edcal", "slow"]\nPLUGIN_PATHS = PLUGIN_PATHS + ["siteplugins"]'),
                        encoding="utf-8")
    committed(repo)
    settings.write_text(good, encoding="utf-8")
    command = subprocess.Popen([sys.executable, "-m", "edcal", "diff", "HEAD"], cwd=repo, start_new_session=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONPATH": str(ROOT / "plugins"), "EDCAL_NOW": NOW},
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 60
    while not started.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(command.pid, signal.SIGINT)
    _, stderr = command.communicate(timeout=60)
    assert command.returncode == 130, stderr
    time.sleep(4)
    assert not finished.exists(), "the plugin's program went on after Ctrl-C"


def test_a_post_on_an_account_of_another_zone_is_told_at_its_accounts_time_too(repo: Path) -> None:
    """A Montréal account's post written for 20:00 on 9 March, moved to the 12th: the diff said "mercredi 10 mars
    02:00 → samedi 13 mars 02:00", days and times nobody wrote (Paris's). Its Date line adds the account's."""
    calendar = repo / "calendar.yaml"
    edit(calendar, "networks:\n", "networks:\n  linkedin-qc: {like: linkedin, name: LinkedIn Québec, "
                                  "timezone: America/Toronto}\n")
    edit(calendar, "posts:\n", "posts:\n  - {id: soiree, networks: [linkedin-qc], at: 2027-03-09 20:00, text: Soirée}\n")
    committed(repo)
    edit(calendar, "at: 2027-03-09 20:00, text: Soirée", "at: 2027-03-12 20:00, text: Soirée")
    result = run_edcal("diff", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert ("Date\u00a0: mercredi 10 mars 2027 02:00 (20:00, mardi 9 mars 2027 à l'heure de son compte, heure de "
            "Toronto) → samedi 13 mars 2027 02:00 (20:00, vendredi 12 mars 2027 à l'heure de son compte, heure de "
            "Toronto)") in result.stdout, result.stdout
