"""`edcal init` in the folders a team starts from: a new clone, a folder holding files of its own."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pelican
import pytest

from conftest import NOW, ROOT, run_edcal

#: A computer in London, and one whose clock is UTC but whose user reads French (a French team's container).
LONDON = {"TZ": "Europe/London"}
FRENCH = {"LANG": "fr_FR.UTF-8"}
GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "init.defaultBranch=main"]


def git(folder: Path, *args: str) -> str:
    return subprocess.run([*GIT, *args], cwd=folder, capture_output=True, text=True, check=True).stdout


def test_a_new_site_takes_edcals_theme_and_its_overrides_folder_changes_it_and_is_committed(
        tmp_path: Path) -> None:
    """init copied the whole theme into themes/edcal/, which came before edcal's own: no later fix to the blog,
    the drafts or the planning pages reached the site. The site now names edcal's theme and keeps its own
    changes in overrides/, where a file replaces the theme's of the same name, and `git add .` commits them
    (.gitignore's `/planning/` is the build's folder only) and never what builds write."""
    from pelican.settings import read_settings

    from edcal.themes import DEFAULT_THEME

    site = tmp_path / "site"
    made = run_edcal("init", str(site), cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert not (site / "themes").exists()
    settings = read_settings(str(site / "pelicanconf.py"))
    assert Path(settings["THEME"]) == DEFAULT_THEME
    assert settings["THEME_TEMPLATES_OVERRIDES"] == ["overrides"]
    assert "THEME_TEMPLATES_OVERRIDES" in (site / "overrides" / "README.md").read_text(encoding="utf-8")
    # A writer cloning the site learns from its README how to get the edcal it pins (a CI trial found none).
    readme = (site / "README.md").read_text(encoding="utf-8")
    assert "python3 -m venv .venv" in readme and "pip install -r requirements.txt" in readme
    # The site's changes: a block of the blog's pages, a word, a network's drafts, a planning template.
    overrides = site / "overrides"
    (overrides / "base.html").write_text('{% extends "!theme/base.html" %}\n'
                                         "{% block footer_end %}<p>Métallerie Morel, Lyon</p>{% endblock %}\n",
                                         encoding="utf-8")
    (overrides / "translations").mkdir()
    (overrides / "translations" / "fr.yaml").write_text("Home: Page d’accueil\n", encoding="utf-8")
    (overrides / "drafts").mkdir()
    (overrides / "drafts" / "mastodon.txt.j2").write_text("{{ text or title }} (Morel)\n", encoding="utf-8")
    (overrides / "planning").mkdir()
    shutil.copy2(DEFAULT_THEME / "planning" / "index.html.j2", overrides / "planning" / "index.html.j2")
    built = run_edcal("build", cwd=site)
    assert built.returncode == 0, built.stderr
    home = (site / "output" / "index.html").read_text(encoding="utf-8")
    assert "<p>Métallerie Morel, Lyon</p>" in home and "Page d’accueil" in home
    assert "theme/css/edcal.css" in home and (site / "output" / "theme" / "css" / "edcal.css").is_file()
    drafts = sorted((site / "planning" / "drafts" / "mastodon").glob("*.txt"))
    assert drafts and all(d.read_text(encoding="utf-8").endswith(" (Morel)") for d in drafts)
    assert (site / "planning" / "index.html").is_file()
    git(site, "init", "-q")
    git(site, "add", ".")
    tracked = set(git(site, "ls-files").splitlines())
    assert {"overrides/README.md", "overrides/base.html", "overrides/translations/fr.yaml",
            "overrides/drafts/mastodon.txt.j2", "overrides/planning/index.html.j2"} <= tracked
    assert {".gitignore", ".github/workflows/site.yml", "calendar.yaml", "requirements.txt"} <= tracked
    assert not [path for path in tracked if path.startswith(("output/", "planning/", "themes/"))]
    # A site of an older edcal that removed its copy but kept its THEME line is told what to write.
    conf = site / "pelicanconf.py"
    conf.write_text(re.sub(r"(?m)^THEME = .*$", 'THEME = "themes/edcal"', conf.read_text(encoding="utf-8")),
                    encoding="utf-8")
    refused = run_edcal("build", cwd=site, env={"EDCAL_LANG": "en"})
    assert refused.returncode == 2 and "hint: give the theme's folder, or edcal's own as edcal init writes it: " \
        "THEME = str(edcal.themes.DEFAULT_THEME), after import edcal.themes" in refused.stderr, refused.stderr


def test_init_refuses_in_the_language_of_the_blog_or_of_the_site_to_be(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """A French blog's `--name` was refused in English, and so was a new Paris site's `--country ZZ` (an
    unknown country made the site English)."""
    monkeypatch.delenv("EDCAL_LANG", raising=False)
    pelican_blog(tmp_path / "blog", ACME_SETTINGS.replace("'en'", "'fr'").replace("America/Chicago",
                                                                                     "Europe/Paris"))
    refused = run_edcal("init", "blog", "--name", "Acme", cwd=tmp_path)
    assert refused.returncode == 2 and refused.stderr.startswith("--name: error: trouvé --name 'Acme'"), \
        refused.stderr
    new = run_edcal("init", "neuf", "--timezone", "Europe/Paris", "--country", "ZZ", cwd=tmp_path)
    assert new.returncode == 2 and new.stderr.startswith("--country: error: trouvé le pays 'ZZ'"), new.stderr


@pytest.mark.usefixtures("site_language")
def test_init_writes_into_a_new_clone_and_keeps_its_readme_license_and_gitignore(tmp_path: Path) -> None:
    """`edcal init .` in a fresh clone refused: "the folder is not empty" (a .git, GitHub's README…)."""
    bare = tmp_path / "bare"
    bare.mkdir()
    git(bare, "init", "-q")
    made = run_edcal("init", ".", cwd=bare, env=FRENCH)
    assert made.returncode == 0, made.stderr
    assert (bare / "calendar.yaml").is_file() and (bare / ".git" / "HEAD").is_file()
    # In the folder itself: no `cd .` before the next commands.
    assert "Ensuite\u00a0: edcal build && edcal agenda" in made.stdout and "cd ." not in made.stdout
    assert "conservé" not in made.stdout  # nothing of the folder's was added to (Fichier du dossier conservé…)
    clone = tmp_path / "clone"  # as GitHub makes a repository with a README, a licence and a .gitignore
    clone.mkdir()
    git(clone, "init", "-q")
    (clone / "README.md").write_text("# acme-blog\nThe blog of Acme.", encoding="utf-8")  # no final newline
    (clone / "LICENSE").write_text("MIT License\n", encoding="utf-8")
    (clone / ".gitignore").write_text("*.py[cod]\n.env\n", encoding="utf-8")
    made = run_edcal("init", ".", "--lang", "en", "--timezone", "America/Chicago", cwd=clone)
    assert made.returncode == 0, made.stderr
    assert "Kept the folder's .gitignore, README.md, with edcal's lines added at their end." in made.stdout
    assert (clone / "LICENSE").read_text(encoding="utf-8") == "MIT License\n"
    readme = (clone / "README.md").read_text(encoding="utf-8")
    assert readme.startswith("# acme-blog\nThe blog of Acme.\n\nThe team's blog and publishing plan, made with edcal")
    assert readme.count("\n# ") == 0  # edcal's README without its title: the repository's stays the only one
    ignored = (clone / ".gitignore").read_text(encoding="utf-8")
    assert ignored.startswith("*.py[cod]\n.env\n\n") and "\n/output/\n/planning/\n" in ignored
    git(clone, "add", ".")
    tracked = git(clone, "ls-files").splitlines()
    assert "overrides/README.md" in tracked and "LICENSE" in tracked
    built = run_edcal("build", cwd=clone)
    assert built.returncode == 0, built.stderr


@pytest.mark.usefixtures("site_language")  # the new site's team reads French
def test_init_refuses_a_folder_holding_a_file_it_would_overwrite_and_writes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "blog"
    (folder / ".github" / "workflows").mkdir(parents=True)
    (folder / ".github" / "workflows" / "site.yml").write_text("name: ours\n", encoding="utf-8")
    (folder / "calendar.yaml").write_text("version: 1\n", encoding="utf-8")
    (folder / "overrides").write_text("", encoding="utf-8")  # a file where init makes a folder
    (folder / "notes.txt").write_text("", encoding="utf-8")  # no clash: left alone
    refused = run_edcal("init", str(folder), cwd=tmp_path, env=FRENCH)
    assert refused.returncode == 2
    assert refused.stderr.splitlines()[:2] == [
        f"{folder}: error: trouvé 3 fichiers qu'edcal init écraserait\u00a0: .github/workflows/site.yml, "
        "calendar.yaml, overrides",
        "    hint: déplacez-les, ou choisissez un nouveau dossier\u00a0: edcal init mon-site"]
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()) == [
        ".github/workflows/site.yml", "calendar.yaml", "notes.txt", "overrides"]
    assert (folder / "calendar.yaml").read_text(encoding="utf-8") == "version: 1\n"
    # A folder where a file of the same name as one of the README's or .gitignore's stands: not kept.
    (folder / "overrides").unlink()
    (folder / "calendar.yaml").unlink()
    (folder / ".github" / "workflows" / "site.yml").unlink()
    (folder / "README.md").mkdir()
    refused = run_edcal("init", str(folder), "--lang", "en", cwd=tmp_path, env={"EDCAL_LANG": "en", **LONDON})
    assert refused.returncode == 2
    assert refused.stderr.startswith(f"{folder}: error: found 1 file edcal init would overwrite: README.md\n")


def pelican_blog(folder: Path, settings: str, publish: str = "from pelicanconf import *\n") -> Path:
    """A blog as pelican-quickstart starts one, with an article, a theme and a plugin of its own."""
    (folder / "content").mkdir(parents=True)
    (folder / "content" / "first.md").write_text(
        "Title: Our first article\nDate: 2026-11-02 09:00\nTags: news\nSlug: first-article\n\nHello.\n",
        encoding="utf-8")
    shutil.copytree(Path(pelican.__file__).parent / "themes" / "simple", folder / "themes" / "acme")
    (folder / "plugins").mkdir()
    (folder / "plugins" / "readtime.py").write_text("def register():\n    pass\n", encoding="utf-8")
    (folder / "pelicanconf.py").write_text(settings, encoding="utf-8")
    (folder / "publishconf.py").write_text(publish, encoding="utf-8")
    return folder


def files_of(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*"))
            if path.is_file() and "__pycache__" not in path.parts}


ACME_SETTINGS = """\
AUTHOR = 'Sam Acme'
SITENAME = 'Acme notes'
SITEURL = 'https://blog.acme.com'
PATH = 'content'
TIMEZONE = 'America/Chicago'
DEFAULT_LANG = 'en'
THEME = 'themes/acme'
PLUGIN_PATHS = ['plugins']
PLUGINS = ['readtime']
"""


def test_init_in_a_pelican_blog_adopts_it_in_place_and_says_what_remains(tmp_path: Path) -> None:
    """`edcal init .` in a Pelican blog refused and listed six steps by hand: it writes what edcal needs
    beside the blog's own files and says the one line to change in pelicanconf.py."""
    blog = pelican_blog(tmp_path / "blog", ACME_SETTINGS)
    before = files_of(blog)
    made = run_edcal("init", "blog", cwd=tmp_path, env=FRENCH)
    assert made.returncode == 0, made.stderr
    lines = made.stdout.splitlines()
    assert lines[2].startswith("DEFAULT_LANG = 'en' (blog/pelicanconf.py:6) writes dates the British way")
    assert lines[:2] + lines[3:5] == [
        "Adopted the Pelican blog in blog: wrote 5 files, calendar.yaml, .github/workflows/site.yml, "
        ".pre-commit-config.yaml, requirements.txt, .gitignore.",
        "calendar.yaml is in the time zone America/Chicago, the blog's TIMEZONE.",
        "Still to do by hand:",
        "1. Enable the plugin, keeping the blog's: PLUGINS = ['readtime', 'edcal'] at blog/pelicanconf.py:9."]
    assert lines[-1] == "Then run edcal check (it names what else the blog's articles need), and edcal build."
    assert "SITEURL" not in made.stdout and "deploys the blog too" not in made.stdout
    after = files_of(blog)
    assert {name: data for name, data in after.items() if name in before} == before  # settings, theme, content
    assert sorted(set(after) - set(before)) == [".github/workflows/site.yml", ".gitignore", ".pre-commit-config.yaml",
                                                "calendar.yaml", "requirements.txt"]
    calendar = after["calendar.yaml"].decode("utf-8")
    assert "\nversion: 1\ntimezone: America/Chicago   # pelicanconf.py's TIMEZONE" in calendar
    assert "\ncountry: US\n" in calendar and "\nposts:" not in calendar  # its example is commented out
    assert after[".github/workflows/site.yml"] == (ROOT / "plugins" / "edcal" / "skeleton" / "github" / "workflows"
                                                   / "site.yml").read_bytes()
    assert "\n/planning/\n" in after[".gitignore"].decode("utf-8")
    assert "themes/edcal" not in after[".gitignore"].decode("utf-8")  # the blog keeps its own theme
    # Again: nothing written, the line still to change said again.
    again = run_edcal("init", "blog", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines()[:3] == [
        "blog is an edcal site already: nothing written.", "Still to do by hand:",
        "1. Enable the plugin, keeping the blog's: PLUGINS = ['readtime', 'edcal'] at blog/pelicanconf.py:9."]
    assert files_of(blog) == after
    settings = blog / "pelicanconf.py"
    settings.write_text(ACME_SETTINGS.replace("['readtime']", "['readtime', 'edcal']"), encoding="utf-8")
    assert "PLUGINS" not in run_edcal("init", "blog", cwd=tmp_path).stdout
    checked = run_edcal("check", cwd=blog)
    assert checked.returncode == 0 and checked.stdout == "0 errors, 0 warnings\n", checked.stdout + checked.stderr
    built = run_edcal("build", "-s", "publishconf.py", cwd=blog)
    assert built.returncode == 0, built.stderr
    assert (blog / "output" / "first-article.html").is_file() and (blog / "planning" / "plan.json").is_file()
    # No post planned yet: the summary says so, not "0 on 0 networks (none)".
    assert "  posts: none yet\n" in built.stdout, built.stdout
    # Its networks and the blog's promotions uncommented: the article online before edcal gets no
    # promotion planned in the past (which a report without a log would count as gone out).
    lines = (blog / "calendar.yaml").read_text(encoding="utf-8").splitlines()
    start = lines.index("# networks:")
    uncommented = [line[2:] if start <= number < start + 12 else line for number, line in enumerate(lines)]
    # The network starts the day edcal is adopted: a cadence set later does not judge the weeks before.
    assert uncommented[start + 4].startswith("    since: 2027-02-15   # the day edcal starts posting here"), \
        uncommented
    assert uncommented[start + 8:start + 12] == ["  promote:", "    networks: [linkedin]",
                                                 "    schedule: [at publication, +2 days]",
                                                 "    since: 2027-02-15"], uncommented
    (blog / "calendar.yaml").write_text("\n".join(uncommented) + "\n", encoding="utf-8")
    built = run_edcal("build", cwd=blog)
    assert built.returncode == 0, built.stderr
    assert "  posts: none yet\n" in built.stdout, built.stdout


def test_adopting_a_us_blog_in_plain_english_says_how_to_write_us_dates(tmp_path: Path) -> None:
    """A New York agency's blog (pelican-quickstart's `DEFAULT_LANG = 'en'`) got "Tuesday 8 December 2026"
    and 09:00 on its planning pages, drafts and feeds, British English, and nothing in what `edcal init .`
    said told it that `'en-US'` writes US dates. It says so once, beside the zone, where the setting is."""
    pelican_blog(tmp_path / "blog", ACME_SETTINGS.replace("'America/Chicago'", "'America/New_York'"))
    made = run_edcal("init", "blog", cwd=tmp_path, env=FRENCH)
    assert made.returncode == 0, made.stderr
    assert made.stdout.splitlines()[1:3] == [
        "calendar.yaml is in the time zone America/New_York, the blog's TIMEZONE.",
        "DEFAULT_LANG = 'en' (blog/pelicanconf.py:6) writes dates the British way on the planning pages, in the "
        "drafts, the feeds and edcal's messages (Tuesday 12 January 2027, 16:00, weeks from Monday): for US "
        "dates (Tuesday, January 12, 2027, 4:00 PM, weeks from Sunday), write DEFAULT_LANG = 'en-US' there; "
        "Pelican then names its feed of the language feeds/all-en-us.atom.xml, not feeds/all-en.atom.xml "
        "(docs/settings.md in edcal's documentation)."]
    assert "en-US" not in run_edcal("init", "blog", cwd=tmp_path).stdout  # said once, not at each run
    # DEFAULT_LANG left out, Pelican's 'en': the note said "DEFAULT_LANG = 'en' (pelicanconf.py:1)", a line
    # that holds no such thing, and to write 'en-US' "there".
    pelican_blog(tmp_path / "bare", ACME_SETTINGS.replace("'America/Chicago'", "'America/New_York'")
                 .replace("DEFAULT_LANG = 'en'\n", ""))
    said = run_edcal("init", "bare", cwd=tmp_path).stdout.splitlines()[2]
    assert said.startswith("DEFAULT_LANG, 'en' when bare/pelicanconf.py leaves it out as it does, writes dates the "
                           "British way"), said
    assert "add DEFAULT_LANG = 'en-US' to bare/pelicanconf.py; Pelican then names" in said, said
    # The blog's feed of its language off (pelican-quickstart's TRANSLATION_FEED_ATOM = None): no word of it.
    pelican_blog(tmp_path / "quick", ACME_SETTINGS + "TRANSLATION_FEED_ATOM = None\n")
    said = run_edcal("init", "quick", cwd=tmp_path).stdout
    assert "write DEFAULT_LANG = 'en-US' there (docs/settings.md in edcal's documentation).\n" in said, said
    # US English already, another country's English, or a French blog: nothing to say.
    for name, settings in (("us", ACME_SETTINGS.replace("'en'", "'en-US'")),
                           ("uk", ACME_SETTINGS.replace("'America/Chicago'", "'Europe/London'")),
                           ("fr", ACME_SETTINGS.replace("'en'", "'fr'"))):
        pelican_blog(tmp_path / name, settings)
        other = run_edcal("init", name, cwd=tmp_path)
        assert other.returncode == 0 and "DEFAULT_LANG" not in other.stdout, other.stdout


def test_an_adopted_blogs_commented_post_loads_once_uncommented_with_its_quoted_text(tmp_path: Path) -> None:
    """An adopted blog's calendar.yaml shows one post, commented. A text with ": " in it (a colon and a
    space, as French writes " : " everywhere) is refused by YAML unquoted: the skeleton shows it quoted."""
    blog = pelican_blog(tmp_path / "blog", ACME_SETTINGS.replace("['readtime']", "['readtime', 'edcal']"))
    assert run_edcal("init", "blog", cwd=tmp_path).returncode == 0
    lines = (blog / "calendar.yaml").read_text(encoding="utf-8").splitlines()
    start = lines.index("# posts:")
    post = [line[2:].replace("ARTICLE-SLUG", "first-article") for line in lines[start:]]
    quoted = next(line for line in post if line.strip().startswith("# text:")).replace("# text:", "text:")
    assert quoted == '    text: "Spring checklist: our article from last year, still worth reading"', post
    head = [*lines[:start], "networks:", "  linkedin: {}"]
    for text, code in ((quoted, 0), (quoted.replace('"', ""), 2)):
        body = [text if line.strip().startswith("text:") else line for line in post if not line.strip().startswith("#")]
        (blog / "calendar.yaml").write_text("\n".join(head + body) + "\n", encoding="utf-8")
        checked = run_edcal("check", cwd=blog)
        assert checked.returncode == code, checked.stdout + checked.stderr
    assert "must be quoted" in checked.stderr, checked.stderr  # what the comment warns of


def test_an_adopted_blog_is_told_which_of_its_articles_are_in_restructuredtext(tmp_path: Path) -> None:
    """A Pelican blog's .rst articles, which edcal check and edcal build refuse, were not named by init: its
    owner learnt of them only at the first check. init now says so among what remains by hand."""
    blog = pelican_blog(tmp_path / "blog", ACME_SETTINGS.replace("['readtime']", "['readtime', 'edcal']"))
    (blog / "content" / "hiring.rst").write_text(
        "We are hiring\n#############\n\n:date: 2026-11-02 09:30\n:tags: hiring\n\nJoin us.\n",
        encoding="utf-8")
    made = run_edcal("init", "blog", cwd=tmp_path, env=FRENCH)
    assert made.returncode == 0, made.stderr
    assert ("1. blog/content/hiring.rst is written in reStructuredText, which edcal does not read (edcal check "
            "and edcal build refuse it): write it in Markdown, as a .md file with the same fields (Title:, "
            "Date:, Tags:…).\n") in made.stdout, made.stdout
    (blog / "content" / "pages").mkdir()
    (blog / "content" / "pages" / "about.rest").write_text("About\n#####\n\nUs.\n", encoding="utf-8")
    again = run_edcal("init", ".", cwd=blog, env={"EDCAL_LANG": "fr"})
    assert ("1. 2 articles et pages sont écrits en reStructuredText, qu'edcal ne lit pas (content/hiring.rst, "
            "content/pages/about.rest\u00a0; edcal check les nomme chacun") in again.stdout, again.stdout


@pytest.mark.usefixtures("site_language")
def test_an_adopted_blog_is_told_which_of_its_workflows_deploys_it_too(tmp_path: Path) -> None:
    """A French quickstart blog (no PLUGINS, SITEURL only in publishconf.py) deploying with Pelican's own
    workflow: kept, and named, since it and edcal's would deploy in turn."""
    settings = ("AUTHOR = 'Claire Morel'\nSITENAME = \"Le carnet de l'atelier\"\nSITEURL = \"\"\n"
                "PATH = 'content'\nTIMEZONE = 'Europe/Paris'\nDEFAULT_LANG = 'fr'\n")
    publish = "import os\nimport sys\nsys.path.append(os.curdir)\nfrom pelicanconf import *\n" \
              "SITEURL = 'https://blog.atelier-morel.fr'\n"
    blog = pelican_blog(tmp_path / "blog", settings, publish)
    workflows = blog / ".github" / "workflows"
    workflows.mkdir(parents=True)
    deploy = "jobs:\n  deploy:\n    uses: getpelican/pelican/.github/workflows/github_pages.yml@main\n"
    (workflows / "pelican.yml").write_text(deploy, encoding="utf-8")
    (workflows / "tests.yml").write_text("jobs:\n  test:\n    steps:\n      - run: pelican content\n",
                                         encoding="utf-8")  # builds, deploys nothing: not named
    (blog / "requirements.txt").write_text("pelican[markdown]==4.12.0\n", encoding="utf-8")
    made = run_edcal("init", ".", cwd=blog)
    assert made.returncode == 0, made.stderr
    assert ("1. .github/workflows/pelican.yml déploie aussi le blog\u00a0: avec .github/workflows/site.yml, les "
            "deux le déploieraient, tour à tour. Supprimez .github/workflows/pelican.yml une fois que "
            ".github/workflows/site.yml a déployé.\n"
            "2. Activez le plugin\u00a0: ajoutez PLUGINS = ['edcal'] à pelicanconf.py (Pelican ne charge edcal "
            "que si PLUGINS le nomme).\n"
            "3. SITEURL est vide à pelicanconf.py:3\u00a0: écrivez-y l'adresse du blog "
            "(https://blog.atelier-morel.fr, comme le dit publishconf.py)") in made.stdout
    assert "tests.yml" not in made.stdout
    assert (workflows / "pelican.yml").read_text(encoding="utf-8") == deploy
    assert "Fichier du dossier conservé\u00a0: requirements.txt, complété par les lignes d'edcal." in made.stdout
    assert (blog / "requirements.txt").read_text(encoding="utf-8").startswith("pelican[markdown]==4.12.0\n\n# ")
    assert (blog / "calendar.yaml").read_text(encoding="utf-8").startswith(
        "# Le plan éditorial et social du blog « Le carnet de l'atelier »")


def test_an_adopted_blog_s_gitignore_linked_outside_it_is_left_alone_and_its_lines_told(tmp_path: Path) -> None:
    """A .gitignore linked to the machine's shared one (~/dotfiles/gitignore): edcal appended its lines
    through the link, into a file outside the blog, every repository of the machine's then ignoring planning/."""
    settings = ("AUTHOR = 'Claire Morel'\nSITENAME = \"Le carnet\"\nSITEURL = 'https://blog.example.fr'\n"
                "PATH = 'content'\nTIMEZONE = 'Europe/Paris'\nDEFAULT_LANG = 'fr'\n")
    blog = pelican_blog(tmp_path / "blog", settings)
    shared = tmp_path / "dotfiles" / "gitignore"
    shared.parent.mkdir()
    shared.write_text("*.swp\n", encoding="utf-8")
    (blog / ".gitignore").symlink_to(shared)
    made = run_edcal("init", ".", cwd=blog, env={"EDCAL_LANG": "fr"})
    assert made.returncode == 0, made.stderr
    assert shared.read_text(encoding="utf-8") == "*.swp\n"
    assert f".gitignore est un lien vers {shared}, hors du blog\u00a0: edcal n'y a rien écrit." in made.stdout, \
        made.stdout
    assert "/planning/" in made.stdout.split("hors du blog", 1)[1], made.stdout


def test_init_in_a_pelican_blog_whose_settings_do_not_load_says_where_and_writes_nothing(tmp_path: Path) -> None:
    blog = tmp_path / "blog"
    blog.mkdir()
    (blog / "pelicanconf.py").write_text("SITENAME = 'Blog'\nDEFAULT_LANG = 'en'\nTIMEZONE = Europe/Paris\n",
                                         encoding="utf-8")
    refused = run_edcal("init", "blog", cwd=tmp_path)
    assert refused.returncode == 2
    assert refused.stderr == ("blog/pelicanconf.py:3:1: error: could not read the settings: name 'Europe' is not "
                              "defined\nedcal: 1 error in the input; nothing was written.\n")
    (blog / "pelicanconf.py").write_text("SITENAME = 'Blog'\nTIMEZONE = 'Europe/Pari'\n", encoding="utf-8")
    refused = run_edcal("init", ".", cwd=blog)
    assert refused.returncode == 2
    assert refused.stderr.startswith("pelicanconf.py:2:1: error: found time zone 'Europe/Pari', expected an IANA "
                                     "name like 'Europe/Paris'\n    hint: did you mean 'Europe/Paris'?\n")
    # A Dublin blog's GMT is an hour off all summer: refused, with the places whose winter time it is.
    (blog / "pelicanconf.py").write_text("SITENAME = 'Blog'\nTIMEZONE = 'GMT'\n", encoding="utf-8")
    refused = run_edcal("init", ".", cwd=blog)
    assert refused.returncode == 2
    assert refused.stderr.startswith("pelicanconf.py:2:1: error: found time zone 'GMT', a fixed offset without "
                                     "summer time, expected a place's IANA name like 'Europe/Paris'\n    hint: "
                                     "'GMT' has no summer time; write the place's zone: 'Europe/London' (United "
                                     "Kingdom), 'Europe/Dublin' (Ireland) or 'Europe/Lisbon' (Portugal), or 'UTC' "
                                     "for the same offset all year\n")
    (blog / "pelicanconf.py").write_text("SITENAME = 'Blog'\n", encoding="utf-8")
    refused = run_edcal("init", ".", cwd=blog)
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert refused.stderr.startswith("pelicanconf.py:1:1: error: found no TIMEZONE in pelicanconf.py, expected the "
                                     "blog's time zone, which calendar.yaml repeats\n")
    assert [path.name for path in blog.iterdir()] == ["pelicanconf.py"]


def test_init_in_a_pelican_blog_refuses_a_new_site_s_name_and_address(tmp_path: Path) -> None:
    """`edcal init . --url https://…` in a blog adopted it and dropped the address without a word: the
    posts' links went on being built from the empty SITEURL."""
    blog = pelican_blog(tmp_path / "blog", ACME_SETTINGS.replace("https://blog.acme.com", ""))
    before = files_of(blog)
    refused = run_edcal("init", "blog", "--name", "Acme", "--url", "https://blog.acme.com", cwd=tmp_path)
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert refused.stderr == (
        "--name: error: found --name 'Acme', expected none: the blog's name is SITENAME in its settings\n"
        "    hint: leave --name out: init adopts the blog with its settings as they are\n"
        "--url: error: found --url https://blog.acme.com, expected none: the blog's address is SITEURL in its "
        "settings\n"
        "    hint: leave --url out, and write the address as SITEURL in pelicanconf.py (and publishconf.py)\n"
        "edcal: 2 errors in the input; nothing was written.\n"), refused.stderr
    assert files_of(blog) == before


@pytest.mark.usefixtures("site_language")
def test_a_french_blog_without_timezone_is_told_so_in_french(tmp_path: Path) -> None:
    blog = tmp_path / "blog"
    blog.mkdir()
    (blog / "pelicanconf.py").write_text("SITENAME = 'Blog'\nDEFAULT_LANG = 'fr'\n", encoding="utf-8")
    refused = run_edcal("init", ".", cwd=blog)
    assert refused.returncode == 2
    assert refused.stderr.startswith("pelicanconf.py:1:1: error: aucun TIMEZONE dans pelicanconf.py, attendu\u00a0: "
                                     "le fuseau horaire du blog, que calendar.yaml reprend\n"), refused.stderr


def test_a_site_without_a_country_gets_the_country_line_in_its_language(tmp_path: Path) -> None:
    """`--timezone UTC` gave a French calendar.yaml an English comment."""
    for lang, comment in (("fr", "# country: FR   # jours fériés (edcal check), par exemple FR, BE, CA, US\n"),
                          ("en", "# country: FR   # public holidays (edcal check), e.g. FR, BE, CA, US\n")):
        made = run_edcal("init", lang, "--timezone", "UTC", "--lang", lang, cwd=tmp_path)
        assert made.returncode == 0, made.stderr
        assert comment in (tmp_path / lang / "calendar.yaml").read_text(encoding="utf-8")


def test_a_site_made_without_its_address_is_told_which_line_to_change_until_it_is_written(tmp_path: Path) -> None:
    """`edcal init` without --url wrote SITEURL = 'https://www.example.org', and check and build said nothing:
    a new site deployed its sitemap, feeds, sharing tags and drafts' links pointing at example.org."""
    made = run_edcal("init", "blog", "--lang", "en", cwd=tmp_path, env={"TZ": "Europe/Dublin"})
    assert made.returncode == 0, made.stderr
    assert ("SITEURL is https://www.example.org, no public address: before publishing, write the site's address "
            "in blog/pelicanconf.py:6 (edcal check and edcal build warn until then).\n") in made.stdout
    site = tmp_path / "blog"
    assert (site / "pelicanconf.py").read_text(encoding="utf-8").splitlines()[5] == \
        "SITEURL = 'https://www.example.org'"
    # The example person and account `edcal init` wrote: said by init, warned by check until replaced.
    assert "Under team: in blog/calendar.yaml:9, write your name, and your accounts under networks: " in made.stdout
    found = run_edcal("check", "--only", "placeholder-name", cwd=site)
    assert "calendar.yaml:8:5: warning: team member 'me' is still named 'First Last'" in found.stdout
    assert "Mastodon's account is still '@my_company@example.social'" in found.stdout
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace("First Last", "Dana Reyes").replace(
        "@my_company@example.social", "@acme@mastodon.social"), encoding="utf-8")
    warning = ("pelicanconf.py:6:1: warning: SITEURL is 'https://www.example.org', a placeholder (example.org is "
               "reserved for examples): the sitemap, the feeds, the sharing tags and the posts' links would all "
               "point there [placeholder-site-url]\n"
               "    hint: write the site's real address there, e.g. SITEURL = 'https://blog.your-company.com'\n")
    checked = run_edcal("check", cwd=site)
    assert checked.returncode == 0 and checked.stdout == warning + "\n0 errors, 1 warning\n"
    assert run_edcal("check", "--strict", cwd=site).returncode == 1
    # The production build (publishconf.py imports pelicanconf.py's SITEURL) says it in full, not as a count.
    built = run_edcal("build", "-s", "publishconf.py", cwd=site)
    assert built.returncode == 0, built.stderr
    assert warning in built.stderr and "checks:" not in built.stdout
    assert "Sitemap: https://www.example.org/sitemap.xml" in (site / "output" / "robots.txt").read_text()
    # The real address written: nothing more to say.
    settings = site / "pelicanconf.py"
    settings.write_text(settings.read_text(encoding="utf-8").replace("https://www.example.org", "https://blog.acme.com"),
                        encoding="utf-8")
    checked = run_edcal("check", "-s", "publishconf.py", cwd=site)
    assert checked.returncode == 0 and checked.stdout == "0 errors, 0 warnings\n"
    built = run_edcal("build", "-s", "publishconf.py", cwd=site)
    assert built.returncode == 0 and "placeholder-site-url" not in built.stderr
    given = run_edcal("init", "acme", "--lang", "en", "--url", "https://blog.acme.com", cwd=tmp_path, env=LONDON)
    assert given.returncode == 0 and "SITEURL" not in given.stdout


@pytest.mark.usefixtures("site_language")
def test_a_french_site_made_without_its_address_hears_it_in_french(tmp_path: Path) -> None:
    made = run_edcal("init", "blog", cwd=tmp_path, env=FRENCH)
    assert made.returncode == 0, made.stderr
    assert ("SITEURL vaut https://www.example.org, qui n'est pas une adresse publique\u00a0: avant de publier, "
            "écrivez l'adresse du site dans blog/pelicanconf.py:6 (edcal check et edcal build le signalent d'ici "
            "là).") in made.stdout
    checked = run_edcal("check", "--only", "placeholder-site-url", cwd=tmp_path / "blog")
    assert checked.stdout.startswith(
        "pelicanconf.py:6:1: warning: SITEURL vaut 'https://www.example.org', une adresse factice (example.org "
        "est réservé aux exemples)\u00a0: le sitemap, les flux, les balises de partage et les liens des "
        "publications pointeraient tous là [placeholder-site-url]\n"
        "    hint: écrivez-y la vraie adresse du site, par exemple SITEURL = 'https://blog.votre-entreprise.fr'\n")


@pytest.mark.parametrize("after", [0, 5, 10])
def test_init_on_a_full_disk_takes_back_what_it_wrote(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch, after: int) -> None:
    """A full disk left ~11 files behind, and the next `edcal init` took them for a blog to adopt, and failed."""
    from click.testing import CliRunner

    from conftest import full_disk
    from edcal.__main__ import cli

    runner = CliRunner()
    new = tmp_path / "new" / "site"
    clone = tmp_path / "clone"
    (clone / ".git").mkdir(parents=True)
    (clone / "README.md").write_text("# Our blog\n", encoding="utf-8")
    for target in (new, clone):
        with full_disk(monkeypatch, after=after) as opened:
            result = runner.invoke(cli, ["init", str(target), "--lang", "fr"], env={"EDCAL_LANG": "fr"})
        assert len(opened) > after  # the disk was full before init was done
        assert result.exit_code == 2, result.output
        assert result.output == (f"{target}: error: impossible de créer le site dans {target}\u00a0: plus de place "
                                 "sur le disque\n    hint: choisissez un dossier où vous pouvez écrire, par exemple "
                                 "edcal init mon-site\nedcal: 1 erreur de saisie\u00a0; rien n'a été écrit.\n")
    assert not (tmp_path / "new").exists()  # the folders init made went with its files
    assert sorted(p.name for p in clone.iterdir()) == [".git", "README.md"]
    assert (clone / "README.md").read_text(encoding="utf-8") == "# Our blog\n"
    for target in (new, clone):  # the next try, with room on the disk, makes the site
        again = runner.invoke(cli, ["init", str(target), "--lang", "fr"])
        assert again.exit_code == 0, again.output
        assert (target / "calendar.yaml").is_file() and (target / "overrides" / "README.md").is_file()


@pytest.mark.parametrize("after", [0, 1, 3])
def test_adopting_a_blog_on_a_full_disk_takes_back_what_it_wrote(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 after: int) -> None:
    """A full disk while a Pelican blog was adopted: a traceback, an empty .github/workflows/site.yml left behind,
    and the next `edcal init` took it for the blog's own workflow ("rename yours"), never writing edcal's."""
    from click.testing import CliRunner

    from conftest import full_disk
    from edcal.__main__ import cli

    blog = pelican_blog(tmp_path / "blog", ACME_SETTINGS)
    (blog / ".gitignore").write_text("__pycache__/\n", encoding="utf-8")
    before = files_of(blog)
    with full_disk(monkeypatch, after=after) as opened:
        result = CliRunner().invoke(cli, ["init", str(blog)])
    assert len(opened) > after  # the disk was full before init was done
    assert result.exit_code == 2, result.output
    assert re.fullmatch(rf"{re.escape(str(blog))}/\S+:1:1: error: cannot write the file: no space left on the disk\n"
                        r"    hint: check the folder's permissions and free space\n"
                        r"edcal: 1 error in the input; nothing was written\.\n", result.output), result.output
    assert files_of(blog) == before and not (blog / ".github").exists()
    again = CliRunner().invoke(cli, ["init", str(blog)])  # with room on the disk
    assert again.exit_code == 0, again.output
    assert "deploys the blog too" not in again.output and "is the blog's own" not in again.output
    assert (blog / ".github" / "workflows" / "site.yml").read_bytes() == (
        ROOT / "plugins" / "edcal" / "skeleton" / "github" / "workflows" / "site.yml").read_bytes()


def test_a_kept_readme_and_gitignore_with_windows_line_ends_keep_them(tmp_path: Path) -> None:
    """A clone on Windows (git's core.autocrlf) has README.md and .gitignore with CRLF line ends: edcal's lines were
    added with LF ones, a file of mixed line ends that editors and diffs show changed throughout."""
    clone = tmp_path / "clone"
    (clone / ".git").mkdir(parents=True)
    (clone / "README.md").write_bytes(b"# acme-blog\r\nThe blog of Acme.")
    (clone / ".gitignore").write_bytes(b"*.py[cod]\r\n.env\r\n")
    made = run_edcal("init", ".", "--lang", "en", "--timezone", "America/Chicago", cwd=clone)
    assert made.returncode == 0, made.stderr
    for name in ("README.md", ".gitignore"):
        data = (clone / name).read_bytes()
        assert data.count(b"\n") == data.count(b"\r\n") > 3, data
    assert (clone / "README.md").read_bytes().startswith(b"# acme-blog\r\nThe blog of Acme.\r\n\r\nThe team's blog")
    assert (clone / ".gitignore").read_bytes().startswith(b"*.py[cod]\r\n.env\r\n\r\n")


def test_a_kept_readme_saved_as_utf16_is_added_to_in_utf16(tmp_path: Path) -> None:
    """A README.md saved by Notepad as "Unicode" (UTF-16): edcal's lines were added in UTF-8, and the whole
    file read as Chinese characters after its first lines."""
    clone = tmp_path / "clone"
    (clone / ".git").mkdir(parents=True)
    (clone / "README.md").write_bytes("# Blog\r\nNotre blog, créé à l'atelier.\r\n".encode("utf-16"))
    made = run_edcal("init", ".", "--timezone", "Europe/Paris", cwd=clone)
    assert made.returncode == 0, made.stderr
    readme = (clone / "README.md").read_bytes().decode("utf-16")
    assert readme.startswith("# Blog\r\nNotre blog, créé à l'atelier.\r\n\r\n"), readme[:200]
    assert "\nLe blog et le plan de publication de l'équipe" in readme and "\n\n" not in readme.replace("\r\n", "")


def test_init_puts_a_translation_under_its_language_beside_its_original(tmp_path: Path) -> None:
    """pelicanconf.py from `edcal init` had no ARTICLE_LANG_URL: the English version of 2026/bienvenue/
    went to /bienvenue-en.html, a page's to /pages/a-propos-en.html, Pelican's defaults."""
    site = tmp_path / "site"
    made = run_edcal("init", str(site), "--url", "https://blog.durand.fr", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    original = (site / "content" / "articles" / "bienvenue.md").read_text(encoding="utf-8")
    date = next(line for line in original.splitlines() if line.startswith("date: "))  # yesterday's
    year = date[6:10]
    (site / "content" / "articles" / "bienvenue-en.md").write_text(
        f"---\ntitle: Welcome\nslug: bienvenue\nlang: en\n{date}\nsummary: Why.\n---\nWe open it.\n",
        encoding="utf-8")
    (site / "content" / "pages" / "a-propos-en.md").write_text(
        "---\ntitle: About\nslug: a-propos\nlang: en\n---\nAbout us.\n", encoding="utf-8")
    built = run_edcal("build", cwd=site)
    assert built.returncode == 0, built.stderr
    output = site / "output"
    assert (output / "en" / year / "bienvenue" / "index.html").is_file()
    assert (output / "en" / "a-propos" / "index.html").is_file()
    assert not (output / "bienvenue-en.html").exists() and not (output / "pages").exists()
    assert f'href="https://blog.durand.fr/en/{year}/bienvenue/"' in \
        (output / year / "bienvenue" / "index.html").read_text(encoding="utf-8")


def test_a_site_made_in_a_folder_of_a_repository_is_told_where_github_and_pre_commit_read(tmp_path: Path) -> None:
    """GitHub runs the root's workflows only: blog/.github/workflows/site.yml would never run, silently."""
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    made = run_edcal("init", "blog", "--lang", "en", "--url", "https://blog.acme.com", cwd=tmp_path, env=LONDON)
    assert made.returncode == 0, made.stderr
    assert made.stdout.splitlines()[-1] == (
        f"blog is in the git repository {tmp_path.resolve()}: if the site is committed there, GitHub runs only "
        "the workflows of .github/workflows/, and pre-commit reads only .pre-commit-config.yaml. Move "
        "blog/.github/workflows/site.yml and blog/.pre-commit-config.yaml there, with the site's folder written "
        "in them (edcal's docs/deployment.md, \"A site in a folder of its repository\").")
    clone = tmp_path / "clone"  # a site at the root of its repository hears nothing of it
    subprocess.run(["git", "init", "-q", str(clone)], check=True)
    alone = run_edcal("init", ".", "--lang", "en", "--url", "https://blog.acme.com", cwd=clone, env=LONDON)
    assert alone.returncode == 0 and "git repository" not in alone.stdout, alone.stdout


def test_a_french_site_in_quebec_gets_its_province_in_french(tmp_path: Path) -> None:
    """A zone naming a province gives calendar.yaml its `subdivision:`, commented in the site's language."""
    made = run_edcal("init", "qc", "--timezone", "America/Montreal", "--lang", "fr", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert ("country: CA\nsubdivision: QC   # les jours fériés de la province (QC, ON, BC, AB, MB, SK, NS, NB, NL, "
            "PE, YT, NT, NU)\n") in (tmp_path / "qc" / "calendar.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_commented_examples_of_a_new_calendar_are_valid_once_uncommented(tmp_path: Path, lang: str) -> None:
    """calendar.yaml written by init showed no objective nor log of what went out: a manager found them in the
    docs only. Its commented examples must read as they are once their `#` is taken away."""
    made = run_edcal("init", "site", "--lang", lang, "--url", "https://blog.acme.com", cwd=tmp_path, env=LONDON)
    assert made.returncode == 0, made.stderr
    calendar = tmp_path / "site" / "calendar.yaml"
    text = calendar.read_text(encoding="utf-8")
    assert "# objective: {text:" in text and "# posted:" in text
    uncommented = text.replace("    # objective:", "    objective:").replace("    #             by:", "                by:")
    uncommented = re.sub(r"(?m)^# posted:\n((?:#   - .*\n)+)",
                         lambda m: "posted:\n" + m.group(1).replace("#   - ", "  - "), uncommented)
    calendar.write_text(uncommented, encoding="utf-8")
    assert "\nposted:\n" in uncommented and "\n    objective: {text:" in uncommented, uncommented
    first_post = re.search(r"(?m)^\s+at: (\d{4}-\d\d-\d\d)", text).group(1)
    checked = run_edcal("check", cwd=tmp_path / "site", env={"EDCAL_NOW": f"{first_post}T20:00:00+01:00"})
    assert checked.returncode in (0, 1), checked.stderr


@pytest.mark.parametrize(("lang", "quoted"), [("fr", "Salon de Rennes : retrouvez-nous sur notre stand"),
                                             ("en", "Trade fair: come and see us at our stand")])
def test_a_new_calendar_shows_the_link_in_bio_page_and_a_quoted_text_with_a_colon(tmp_path: Path, lang: str,
                                                                                    quoted: str) -> None:
    """A new user's trial: Instagram drafts said "Lien en bio", and nothing in init's calendar.yaml told of the
    page edcal writes for the profile's link (`link_in_bio:`); and "text: Salon de Rennes : retrouvez-nous",
    as French is typed, is refused by YAML, the quoted form seen nowhere before the error."""
    made = run_edcal("init", "site", "--lang", lang, "--url", "https://blog.acme.com", cwd=tmp_path, env=LONDON)
    assert made.returncode == 0, made.stderr
    site = tmp_path / "site"
    calendar = site / "calendar.yaml"
    text = calendar.read_text(encoding="utf-8")
    assert "\n# link_in_bio: {}\n" in text and f'\n    # text: "{quoted}"\n' in text, text
    first = "Notre blog est en ligne" if lang == "fr" else "Our blog is live"
    # Uncommented, as a writer would: the post's text in place of the first, and the page turned on.
    uncommented = re.sub(rf"(?m)^    text: {first}.*\n((?:    #.*\n)*?)    # text: ", r"\1    text: ", text)
    calendar.write_text(uncommented.replace("\n# link_in_bio: {}\n", "\nlink_in_bio: {}\n"), encoding="utf-8")
    built = run_edcal("build", cwd=site)
    assert built.returncode == 0, built.stderr
    items = json.loads((site / "planning" / "plan.json").read_text(encoding="utf-8"))["items"]
    # (the French drafts put a no-break space before the colon, as French typesetting does)
    assert {i["text"].split("\n")[0] for i in items if i["kind"] == "post"} == {quoted.replace(" :", "\u00a0:")}
    assert (site / "output" / "links" / "index.html").is_file()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_new_site_has_no_post_gone_out_before_it_existed(tmp_path: Path, lang: str) -> None:
    """init's first article, dated the day before, was announced on both networks that day: its first build
    showed posts "published" that nobody made, which the report counted as done, and a cadence uncommented
    judged the weeks before the site existed. Its networks start the day it is made (`since:`)."""
    made = run_edcal("init", "site", "--lang", lang, "--url", "https://blog.acme.com", cwd=tmp_path, env=LONDON)
    assert made.returncode == 0, made.stderr
    site = tmp_path / "site"
    calendar = site / "calendar.yaml"
    text = calendar.read_text(encoding="utf-8")
    assert text.count(f"    since: {NOW[:10]}\n") == 2, text
    built = run_edcal("build", cwd=site)
    assert built.returncode == 0, built.stderr
    items = json.loads((site / "planning" / "plan.json").read_text(encoding="utf-8"))["items"]
    assert [i["status"] for i in items if i["kind"] == "article"] == ["published"]
    posts = [(i["id"], i["status"]) for i in items if i["kind"] == "post"]
    first = "bonjour" if lang == "fr" else "hello"
    assert posts == [(f"{first}-linkedin", "scheduled"), (f"{first}-mastodon", "scheduled")], posts
    # A cadence set on the first day: no gap in the weeks before the site existed.
    calendar.write_text(text.replace("    # cadence: 1/week", "    cadence: 1/week"), encoding="utf-8")
    checked = run_edcal("check", "--format", "json", cwd=site)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    gaps = [f for f in json.loads(checked.stdout)["findings"] if f["rule"] == "cadence-gap"]
    assert all(f["data"]["first_day"] >= NOW[:10] for f in gaps), gaps


def test_a_site_in_quebecs_zone_is_french_by_default(tmp_path: Path) -> None:
    """`edcal init --timezone America/Montreal` made an English site: Canada is English by default, Quebec not."""
    made = run_edcal("init", "qc", "--timezone", "America/Montreal", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert "DEFAULT_LANG = 'fr'" in (tmp_path / "qc" / "pelicanconf.py").read_text(encoding="utf-8")
    toronto = run_edcal("init", "on", "--timezone", "America/Toronto", cwd=tmp_path)
    assert toronto.returncode == 0 and "DEFAULT_LANG = 'en'" in (tmp_path / "on" / "pelicanconf.py").read_text(
        encoding="utf-8")


def test_a_siteurl_written_with_a_final_slash_gives_feed_links_without_a_double_one(tmp_path: Path) -> None:
    """`SITEURL = 'https://…/blog/'` by hand: Pelican takes the final slash off SITEURL, but publishconf.py's
    `FEED_DOMAIN = SITEURL` had read it before, and every feed link was `…/blog//feeds/all.atom.xml`."""
    made = run_edcal("init", "site", "--url", "https://www.exemple-metal.fr/blog", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    site = tmp_path / "site"
    settings = site / "pelicanconf.py"
    text = settings.read_text(encoding="utf-8")
    assert "https://www.exemple-metal.fr/blog'" in text or 'https://www.exemple-metal.fr/blog"' in text
    settings.write_text(text.replace("https://www.exemple-metal.fr/blog", "https://www.exemple-metal.fr/blog/"),
                        encoding="utf-8")
    built = run_edcal("build", "-s", "publishconf.py", cwd=site)
    assert built.returncode == 0, built.stderr
    pages = {path: path.read_text(encoding="utf-8") for path in (site / "output").rglob("*")
             if path.suffix in (".html", ".xml")}
    assert any("https://www.exemple-metal.fr/blog/feeds/all.atom.xml" in text for text in pages.values())
    assert [path.name for path, text in pages.items() if "blog//" in text] == []


def test_an_empty_timezone_is_refused_not_replaced_by_paris(tmp_path: Path) -> None:
    """`--timezone "$TZ"` with the variable unset made a site on Paris time without a word."""
    made = run_edcal("init", "neuf", "--url", "https://blog.example.ie", "--timezone", "", cwd=tmp_path)
    assert made.returncode == 2, made.stdout
    assert made.stderr.startswith("--timezone: error: found time zone '', expected an IANA name like "
                                  "'Europe/Paris'"), made.stderr
    assert not (tmp_path / "neuf").exists()


@pytest.mark.usefixtures("site_language")  # each site's team reads its own language
def test_init_beside_imported_articles_writes_no_sample_article_and_says_so(tmp_path: Path) -> None:
    """`edcal init .` after pelican-import (content/articles/*.md, no pelicanconf.py yet) wrote its sample
    article, dated the day before and published, and its sample page, and said nothing of the articles there:
    `edcal build` put "Bienvenue sur notre blog" on the blog beside the real ones."""
    blog = tmp_path / "blog"
    (blog / "content" / "articles" / "pages").mkdir(parents=True)
    for slug in ("escalier-chene-tilleuls", "eco-conception-atelier"):
        (blog / "content" / "articles" / f"{slug}.md").write_text(
            f"Title: {slug}\nDate: 2024-05-14 09:00\nCategory: Chantiers\nSlug: {slug}\nStatus: published\n\n"
            "Un texte.\n", encoding="utf-8")
    (blog / "content" / "articles" / "pages" / "contact.md").write_text(
        "Title: Contact\nSlug: contact\nStatus: published\n\nNous écrire.\n", encoding="utf-8")
    (blog / "content" / "articles" / "notes.md").write_text("pas un article\n", encoding="utf-8")
    made = run_edcal("init", ".", "--lang", "en", cwd=blog, env=LONDON)
    assert made.returncode == 0, made.stderr
    assert "2 articles found in content/articles: no sample article or page written." in made.stdout, made.stdout
    assert sorted(p.name for p in (blog / "content").rglob("*.md")) == [
        "contact.md", "eco-conception-atelier.md", "escalier-chene-tilleuls.md", "notes.md"]
    assert (blog / "calendar.yaml").is_file() and (blog / "pelicanconf.py").is_file()
    (blog / "content" / "articles" / "notes.md").unlink()  # as docs/index.md says, after pelican-import
    (blog / "content" / "pages").mkdir()
    (blog / "content" / "articles" / "pages" / "contact.md").rename(blog / "content" / "pages" / "contact.md")
    built = run_edcal("build", cwd=blog)
    assert built.returncode == 0, built.stderr
    assert not list((blog / "output").rglob("welcome*")) and not list((blog / "output").rglob("about*"))
    assert (blog / "output" / "2024" / "escalier-chene-tilleuls" / "index.html").is_file()
    # In French, and an empty folder still gets the sample.
    french = tmp_path / "site"
    french.mkdir()
    (french / "content" / "articles").mkdir(parents=True)
    (french / "content" / "articles" / "a.md").write_text("---\ntitle: A\ndate: 2024-01-02\n---\nTexte.\n",
                                                          encoding="utf-8")
    made = run_edcal("init", ".", "--lang", "fr", cwd=french)
    assert "1 article trouvé dans content/articles\u00a0: aucun article ni page d'exemple écrit." in made.stdout, \
        made.stdout
    empty = tmp_path / "empty"
    made = run_edcal("init", str(empty), "--lang", "fr", cwd=tmp_path)
    assert (empty / "content" / "articles" / "bienvenue.md").is_file() and "trouvé" not in made.stdout


@pytest.mark.usefixtures("site_language")
def test_an_english_site_on_a_computer_of_no_zone_is_refused_not_put_on_paris_time(tmp_path: Path) -> None:
    """A London company's `edcal init blog --lang en` in a container (UTC, LANG=C.UTF-8) made an English site
    on Paris time with France's public holidays, and said only "in the time zone Europe/Paris"."""
    made = run_edcal("init", "blog", "--lang", "en", cwd=tmp_path, env={"TZ": "UTC", "LANG": "C.UTF-8"})
    assert made.returncode == 2, made.stdout
    assert made.stderr == ("--lang: error: found no time zone on this computer, expected --country or "
                           "--timezone\n    hint: e.g. edcal init blog --lang en --country GB, or --timezone "
                           "Europe/London\nedcal: 1 error in the input; nothing was written.\n"), made.stderr
    assert not (tmp_path / "blog").exists()
    # A --country it does not know is told so, not "no time zone".
    unknown = run_edcal("init", "blog", "--lang", "en", "--country", "ZZ", cwd=tmp_path,
                        env={"TZ": "UTC", "LANG": "C.UTF-8"})
    assert unknown.stderr.startswith("--country: error: found country 'ZZ'"), unknown.stderr


@pytest.mark.usefixtures("site_language")
def test_a_site_on_a_computer_of_no_zone_takes_the_country_of_its_locale_and_says_so(tmp_path: Path) -> None:
    """On a computer whose clock is UTC, LANG (or LC_ALL) en_GB.UTF-8 says where its user is: London."""
    made = run_edcal("init", "blog", "--lang", "en", cwd=tmp_path, env={"TZ": "UTC", "LANG": "en_GB.UTF-8"})
    assert made.returncode == 0, made.stderr
    assert made.stdout.startswith(
        "Site created in blog, in English (--lang fr for French), in the time zone Europe/London (from "
        "LANG=en_GB.UTF-8: this computer's clock names no place; --timezone for another), with the public "
        "holidays of GB (--country for another). Next: cd blog && edcal build && edcal agenda\n"), made.stdout
    calendar = (tmp_path / "blog" / "calendar.yaml").read_text(encoding="utf-8")
    assert "timezone: Europe/London\ncountry: GB\n" in calendar
    assert "DEFAULT_LANG = 'en-GB'" in (tmp_path / "blog" / "pelicanconf.py").read_text(encoding="utf-8")
    # Without --lang too; LC_ALL before LANG, as the C library reads them.
    plain = run_edcal("init", "plain", cwd=tmp_path, env={"TZ": "UTC", "LANG": "fr_FR.UTF-8",
                                                          "LC_ALL": "en_GB.UTF-8"})
    assert plain.returncode == 0 and "in English" in plain.stdout and "(from LC_ALL=en_GB.UTF-8" in plain.stdout
    assert "timezone: Europe/London\n" in (tmp_path / "plain" / "calendar.yaml").read_text(encoding="utf-8")
    # A locale of another language than the one asked says nothing of the site's place: a French site made in
    # a container left in en_US.UTF-8 is not put on New York time.
    french = run_edcal("init", "francais", "--lang", "fr", cwd=tmp_path, env={"TZ": "UTC", "LANG": "en_US.UTF-8"})
    assert french.returncode == 0, french.stderr
    assert "timezone: Europe/Paris\ncountry: FR\n" in (tmp_path / "francais" / "calendar.yaml").read_text(
        encoding="utf-8")


@pytest.mark.usefixtures("site_language")
def test_a_country_of_several_zones_gives_its_main_one_not_the_first_the_database_lists(tmp_path: Path) -> None:
    """zone.tab lists a country's zones from east to west or by island: en_AU.UTF-8 in a container made an
    Australian site on Lord Howe Island's time (+10:30), uk_UA one on Crimea's (Moscow time), --country CA
    one on Newfoundland's."""
    for folder, options, environment, zone in (
            ("au", (), {"LANG": "en_AU.UTF-8"}, "Australia/Sydney"),
            ("ua", ("--lang", "en", "--country", "UA"), {"LANG": "C.UTF-8"}, "Europe/Kyiv"),
            ("ca", ("--lang", "en", "--country", "CA"), {"LANG": "C.UTF-8"}, "America/Toronto"),
            ("br", ("--lang", "en", "--country", "BR"), {"LANG": "C.UTF-8"}, "America/Sao_Paulo"),
            ("ru", ("--lang", "en", "--country", "RU"), {"LANG": "C.UTF-8"}, "Europe/Moscow")):
        made = run_edcal("init", folder, *options, cwd=tmp_path, env={"TZ": "UTC", **environment})
        assert made.returncode == 0, made.stderr
        assert f"timezone: {zone}\n" in (tmp_path / folder / "calendar.yaml").read_text(encoding="utf-8")


@pytest.mark.usefixtures("site_language")
def test_a_site_on_a_computer_of_no_zone_and_no_locale_is_french_and_told_so_in_english(tmp_path: Path) -> None:
    """Plain `edcal init blog` in a container made a French site on Paris time and said it all in French, to
    a team nothing showed to read French; the French default stays (edcal's first users are French), said."""
    made = run_edcal("init", "blog", cwd=tmp_path, env={"TZ": "UTC", "LANG": "C.UTF-8"})
    assert made.returncode == 0, made.stderr
    assert made.stdout.startswith(
        "Site created in blog, in French (--lang en for English), in the time zone Europe/Paris (edcal's "
        "default: this computer's clock names no place; --country GB or --timezone Europe/London for another), "
        "with the public holidays of FR (--country for another). Next: cd blog && "), made.stdout
    assert "timezone: Europe/Paris\ncountry: FR\n" in (tmp_path / "blog" / "calendar.yaml").read_text(
        encoding="utf-8")
    # A French user's computer (LANG=fr_FR) hears it in French, and a site with no country is told so.
    french = run_edcal("init", "fr", cwd=tmp_path, env={"TZ": "UTC", "LANG": "fr_FR.UTF-8"})
    assert french.stdout.startswith("Site créé dans fr, en français"), french.stdout
    assert "(d'après LANG=fr_FR.UTF-8" in french.stdout and "les jours fériés de FR" in french.stdout
    utc = run_edcal("init", "utc", "--lang", "en", "--timezone", "UTC", cwd=tmp_path)
    assert ("in the time zone UTC (--timezone for another), with no public holidays (--country for a "
            "country's). Next:") in utc.stdout, utc.stdout


def test_init_run_again_on_a_site_it_made_says_the_site_is_set_up_not_an_adopted_blog(tmp_path: Path) -> None:
    """A second `edcal init blog` said "Still to do by hand: … Then run edcal check (it names what else the
    blog's articles need)", the words for a Pelican blog being adopted, to a site init had just made."""
    assert run_edcal("init", "blog", cwd=tmp_path, env=LONDON).returncode == 0
    again = run_edcal("init", "blog", cwd=tmp_path, env=LONDON)
    assert again.returncode == 0, again.stderr
    assert again.stdout == (
        "blog is an edcal site already: nothing written.\n"
        "Still to do by hand:\n"
        "1. Before the first push: write in requirements.txt (and .pre-commit-config.yaml) where edcal lives "
        "and the tag or commit to build with; CI installs it from there (edcal's docs/deployment.md).\n"
        "Then: cd blog && edcal check && edcal build\n"), again.stdout
    # A file it lacks is written again, and said so.
    (tmp_path / "blog" / ".pre-commit-config.yaml").unlink()
    mended = run_edcal("init", "blog", cwd=tmp_path, env=LONDON)
    assert mended.stdout.startswith("blog is an edcal site already: wrote the file it lacked, "
                                    ".pre-commit-config.yaml.\n"), mended.stdout
