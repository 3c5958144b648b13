"""`edcal diff`: what a change of the site does to the plan, as a pull request's reader sees it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import FIXTURE_SITE, run_edcal, write_pelicanconf
from edcal.commands import diff as diff_command
from edcal.plan.changes import compare_plans
from helpers import PARIS_CALENDAR, calendar_from, plan_of


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
    assert "- mercredi 10 mars 2027 08:00 · Mastodon · " in out
    added = out[out.index("+ vendredi 5 mars 2027 09:00 · X"):]
    assert "Un nouveau message <b>gras</b>" in added
    assert re.search(r"\(\d+ caractères sur 280, comptés comme X les compte\)", added)
    # In the order of the calendar.
    marks = [line[:1] for line in out.splitlines() if re.match(r"[-+~] \w+ \d", line)]
    assert marks == ["~", "~", "+", "-", "-", "-"]


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


def test_an_article_going_live_earlier_and_its_promotion_moving_with_it(repo: Path) -> None:
    edit(repo / "content" / "articles" / "futur.md", "date: 2027-03-25 09:00", "date: 2027-03-24 09:00")
    document = json.loads(run_edcal("diff", "--format", "json", cwd=repo).stdout)
    # The promotion's posts follow the article: moved, not removed and added.
    assert {(c["change"], c["id"], tuple(c["fields"])) for c in document["changes"]} == {
        ("changed", item, ("start",)) for item in ("article-futur", "futur-linkedin-1", "futur-bluesky-1",
                                                   "futur-linkedin-2", "futur-bluesky-2")}


def test_a_site_in_a_subfolder_reads_each_revisions_own_settings(tmp_path: Path) -> None:
    repository = tmp_path / "repo"
    site = repository / "blog"
    shutil.copytree(FIXTURE_SITE, site)
    write_pelicanconf(site)
    (site / "publishconf.py").write_text(
        "import os, sys\nsys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))\n"
        "from pelicanconf import *\n", encoding="utf-8")
    git(repository, "init", "-q")
    committed(repository)
    edit(site / "pelicanconf.py", 'SITEURL = "https://blog.example.fr"', 'SITEURL = "https://www.example.fr"')
    result = run_edcal("diff", "-s", "publishconf.py", "--format", "json", cwd=site)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    urls = [(c["before"]["url"], c["after"]["url"]) for c in document["changes"] if "url" in c["fields"]]
    assert urls and all(old.startswith("https://blog.example.fr/") and new.startswith("https://www.example.fr/")
                        for old, new in urls)


def test_a_site_new_at_the_revision_is_all_added(tmp_path: Path) -> None:
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


def test_bad_revisions_and_folders_are_located_errors(repo: Path, tmp_path: Path) -> None:
    unknown = run_edcal("diff", "mian", cwd=repo)
    assert unknown.returncode == 2 and "Traceback" not in unknown.stderr
    assert unknown.stderr.startswith("REVISION: error: unknown revision 'mian'\n    hint: a branch, a tag or a commit")
    option = run_edcal("diff", "--", "--output=/tmp/x", cwd=repo)
    assert option.returncode == 2 and "expected a git revision" in option.stderr
    outside = tmp_path / "not-a-repo"
    shutil.copytree(FIXTURE_SITE, outside)
    write_pelicanconf(outside)
    result = run_edcal("diff", cwd=outside)
    assert result.returncode == 2 and "is not in a git repository" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_revision_whose_plan_does_not_load_is_named_in_its_errors(repo: Path) -> None:
    edit(repo / "calendar.yaml", "networks: [linkedin, mastodon]", "networks: [linkdin, mastodon]")
    committed(repo)
    edit(repo / "calendar.yaml", "networks: [linkdin, mastodon]", "networks: [linkedin, mastodon]")
    result = run_edcal("diff", "HEAD", cwd=repo)
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
    text: Texte numéro {number}
""" for number in range(30))
    after = plan_of(calendar_from(PARIS_CALENDAR + "posts:\n" + lines), [], now="2027-02-15T10:00+01:00")
    monkeypatch.setattr(diff_command, "MARKDOWN_ROWS", 10)
    monkeypatch.setattr(diff_command, "MARKDOWN_TEXTS", 4)
    out = diff_command.render_markdown(compare_plans(None, after, after.now), after,
                                       diff_command.Revision("main", "0123456789abcdef"))
    assert len([line for line in out.splitlines() if line.startswith("| + ")]) == 10
    assert out.count("```text") == 4
    assert out.rstrip().endswith("20 changements et 6 textes sont laissés de côté. edcal diff main les montre tous.")


def test_every_word_of_the_diff_has_a_french_translation() -> None:
    import ast
    import string

    from edcal.i18n import catalog

    source = Path(diff_command.__file__)
    words = [*diff_command.FIELD_LABELS.values(), *diff_command._KIND_LABELS.values()]
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "say_count"):
            words += [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
        if isinstance(node, ast.Tuple) and len(node.elts) == 3 and all(isinstance(e, ast.Constant) for e in node.elts):
            words += [e.value for e in node.elts[1:]]  # say_count's forms, given in a table
    french = catalog("fr")
    assert len(words) > 30
    for word in words:
        assert word in french, f"no French for {word!r} in translations/fr.yaml"
        assert {f for _, f, _, _ in string.Formatter().parse(word) if f} == \
            {f for _, f, _, _ in string.Formatter().parse(french[word]) if f}, word
