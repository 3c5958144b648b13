"""Docs are part of the feature: every field, setting and command is documented."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel

from conftest import ROOT, run_edcal
from edcal.__main__ import cli
from edcal.load import schema
from edcal.load.articles import ArticleSpec

DOCS = ROOT / "docs"

# Each part of calendar.yaml and the docs section that documents it in a table.
SECTIONS: list[tuple[type[BaseModel], str, bool]] = [
    (schema.CalendarSpec, "## Top level", True),
    (schema.PersonSpec, "## `team:`", True),
    (schema.AbsenceSpec, "## `team:`", False),
    (schema.NetworkSpec, "## `networks:`", True),
    (schema.ObjectiveSpec, "### Objectives", True),
    (schema.LimitSpec, "## `networks:`", False),
    (schema.BlogSpec, "## `blog:`", True),
    (schema.PromoteSpec, "## `blog:`", True),
    (schema.CampaignSpec, "## `campaigns:`", True),
    (schema.KeyDateSpec, "## `key_dates:`", True),
    (schema.FreezeSpec, "## `freeze:`", True),
    (schema.IdeaSpec, "## `ideas:`", True),
    (schema.PostSpec, "## `posts:`", True),
    (schema.RepeatSpec, "## `posts:`", True),
    (schema.VariantSpec, "## `posts:`", True),
    (schema.ImageSpec, "## `posts:`", False),
    (schema.VideoSpec, "## `posts:`", True),
    (schema.PollSpec, "## `posts:`", False),
    (schema.PostedSpec, "## `posted:`", True),
    (schema.TrackingSpec, "## `tracking:`", True),
    (schema.ExportsSpec, "## `exports:`", True),
    (schema.HootsuiteSpec, "## `exports:`", True),
    (schema.FeedsSpec, "## `feeds:`", True),
    (schema.PlanningSpec, "## `planning:`", True),
    (schema.AmbassadorsSpec, "## `ambassadors:`", True),
    (schema.SuggestionSpec, "## `ambassadors:`", True),
    (schema.LinkInBioSpec, "## `link_in_bio:`", True),
]


def section(text: str, heading: str) -> str:
    start = text.index(heading)
    level = heading.split(" ")[0]
    following = re.compile(rf"^#{{1,{len(level)}}} ", re.MULTILINE)
    match = following.search(text, start + len(heading))
    return text[start: match.start() if match else len(text)]


def field_names(model: type[BaseModel]) -> list[str]:
    return [f.alias or name for name, f in model.model_fields.items() if name != "loc"]


def documented_in_table(body: str, name: str) -> bool:
    return re.search(rf"^\|[^|\n]*`{re.escape(name)}`", body, re.MULTILINE) is not None


@pytest.mark.parametrize(("model", "heading", "table"), SECTIONS, ids=lambda v: getattr(v, "__name__", None))
def test_every_calendar_field_is_documented(model: type[BaseModel], heading: str, table: bool) -> None:
    body = section((DOCS / "calendar.md").read_text(encoding="utf-8"), heading)
    for name in field_names(model):
        found = documented_in_table(body, name) if table else re.search(rf"\b{name}\b", body)
        assert found, f"{model.__name__}.{name} is not documented under '{heading}' in docs/calendar.md"


def test_every_calendar_section_is_covered_by_this_test() -> None:
    nested = set()
    for model, _, _ in SECTIONS:
        for field in model.model_fields.values():
            for candidate in vars(schema).values():
                if isinstance(candidate, type) and issubclass(candidate, schema.Spec) and \
                        re.search(rf"\b{candidate.__name__}\b", repr(field.annotation)):
                    nested.add(candidate)
    assert nested <= {model for model, _, _ in SECTIONS}


def test_every_article_field_is_documented() -> None:
    body = section((DOCS / "articles.md").read_text(encoding="utf-8"), "## Fields")
    for name in field_names(ArticleSpec):
        assert documented_in_table(body, name), f"article field '{name}' is not in docs/articles.md"


def test_every_edcal_setting_and_variable_is_documented() -> None:
    code = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "plugins" / "edcal").rglob("*.py"))
    names = set(re.findall(r"\"(EDCAL_[A-Z_]+)\"", code)) - {"EDCAL_STATE", "EDCAL_RAISE_ERRORS", "EDCAL_RENDER"}
    docs = (DOCS / "settings.md").read_text(encoding="utf-8")
    assert names, "no settings found: the test is looking in the wrong place"
    for name in sorted(names):
        assert f"`{name}`" in docs, f"{name} is not documented in docs/settings.md"


def test_every_check_rule_is_documented() -> None:
    from edcal.checks import all_rules

    docs = (DOCS / "checks.md").read_text(encoding="utf-8")
    for rule in all_rules().values():
        assert f"### `{rule.id}`" in docs, f"rule {rule.id} is not documented in docs/checks.md"
        body = section(docs, f"### `{rule.id}`")
        assert f"**{rule.severity.capitalize()}.**" in body, f"{rule.id}'s severity is not {rule.severity} in docs"
        for option in rule.options:
            assert f"`{option.name}`" in body, f"option {option.name} of {rule.id} is not documented"


def test_every_command_is_documented() -> None:
    docs = (DOCS / "cli.md").read_text(encoding="utf-8")
    for name in cli.commands:
        assert f"## `edcal {name}`" in docs, f"edcal {name} is not documented in docs/cli.md"


def test_every_option_of_every_command_is_documented() -> None:
    import re

    import click

    docs = (DOCS / "cli.md").read_text(encoding="utf-8")
    sections = dict(re.findall(r"^## `edcal ([\w-]+)`\n(.*?)(?=^## |\Z)", docs, re.MULTILINE | re.DOTALL))
    shared = {"--site", "--settings", "--quiet", "--verbose", "--help"}  # the page's introduction
    for name, command in cli.commands.items():
        for parameter in command.params:
            if not isinstance(parameter, click.Option):
                continue
            if shared & set(parameter.opts):
                continue
            written = [o for o in parameter.opts
                       if re.search(rf"(?<![\w-]){re.escape(o)}(?![\w-])", sections[name])]
            assert written, f"{parameter.opts[0]} of edcal {name} is not documented in docs/cli.md"


def test_each_synopsis_gives_the_values_and_repetitions_help_gives() -> None:
    """cli.md's synopses said `--delimiter comma|semicolon|tab` and `[--tags a,b]`, where --help gives
    `[,|;|comma|semicolon|tab]` and takes --tags repeated."""
    import re

    import click

    docs = (DOCS / "cli.md").read_text(encoding="utf-8")
    sections = dict(re.findall(r"^## `edcal ([\w-]+)`\n(.*?)(?=^## |\Z)", docs, re.MULTILINE | re.DOTALL))
    for name, command in cli.commands.items():
        synopsis = re.search(rf"^```\n(edcal {name}\b.*?)^```", sections[name], re.MULTILINE | re.DOTALL)
        if synopsis is None:
            continue
        for parameter in command.params:
            if not isinstance(parameter, click.Option):
                continue
            for written in re.finditer(rf"\[({'|'.join(map(re.escape, parameter.opts))})(?: ([^\]]*))?\](\.\.\.)?",
                                       synopsis.group(1)):
                shown = f"edcal {name} {written.group(0)}"
                if isinstance(parameter.type, click.Choice):
                    assert written.group(2) == "|".join(map(str, parameter.type.choices)), shown
                assert bool(written.group(3)) == parameter.multiple, shown


def test_docs_links_point_to_existing_files() -> None:
    for page in [*DOCS.glob("*.md"), ROOT / "README.md", ROOT / "CHANGELOG.md"]:
        prose = re.sub(r"^```.*?^```", "", page.read_text(encoding="utf-8"), flags=re.S | re.M)  # not examples
        prose = re.sub(r"`[^`\n]+`", "", prose)  # nor code spans
        for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", prose):
            assert (page.parent / target).exists(), f"{page.name} links to missing {target}"


def _anchor(heading: str) -> str:
    """A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces as dashes."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_the_changelog_links_to_sections_the_docs_have() -> None:
    """Each entry of CHANGELOG.md links to the docs' section that says more: a section renamed since left the
    upgrading reader at the top of a long page."""
    changelog = ROOT / "CHANGELOG.md"
    links = re.findall(r"\]\(([^)#:]+)#([^)]+)\)", changelog.read_text(encoding="utf-8"))
    assert len(links) > 20
    for target, anchor in links:
        page = (changelog.parent / target).read_text(encoding="utf-8")
        prose = re.sub(r"^```.*?^```", "", page, flags=re.S | re.M)
        headings = {_anchor(title) for title in re.findall(r"^#+ (.+)$", prose, flags=re.M)}
        assert anchor in headings, f"CHANGELOG.md links to {target}#{anchor}, a section {target} does not have"


def test_readme_starts_with_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = readme.split("```")[1]
    assert "make build" in first_block and "make test" in first_block


def test_the_docs_bluesky_short_links_are_the_ones_edcal_writes() -> None:
    """networks.md and outputs.md showed `…/salon-ind...` (15 characters) where edcal and the app keep 13."""
    from edcal.plan.compose import short_link

    for page, url in (("networks.md", "https://www.example.fr/2027/salon-industrie-2027/"),
                      ("outputs.md", "https://www.atelier-morel.fr/2027/salon-industrie-2027/")):
        assert f"`{short_link(url)}" in (ROOT / "docs" / page).read_text(encoding="utf-8"), page


def schema_field_names(node: object, names: set[str] | None = None) -> set[str]:
    """Every property name of plan.schema.json, at any depth; not the keys of a map (a schema with
    ``propertyNames``: checks, keyed by rule id), whose values' fields count all the same."""
    names = set() if names is None else names
    if isinstance(node, dict):
        properties = node.get("properties", {})
        if "propertyNames" not in node:
            names.update(properties)
        for child in (*properties.values(), *(v for k, v in node.items() if k != "properties")):
            schema_field_names(child, names)
    elif isinstance(node, list):
        for child in node:
            schema_field_names(child, names)
    return names


def test_every_plan_json_field_is_documented() -> None:
    """The docs said "Images, with their alt text": a script writer could not know `media[].path` and `alt`."""
    import json

    schema = json.loads((DOCS / "plan.schema.json").read_text(encoding="utf-8"))
    names = schema_field_names(schema)
    assert {"version", "items", "path", "alt", "horizon_days", "ceiling", "measured"} <= names
    assert "cadence-gap" not in names  # a rule id, a key of `checks`
    body = section((DOCS / "outputs.md").read_text(encoding="utf-8"), "## `planning/plan.json`")
    prose = re.sub(r"^```.*?^```", "", body, flags=re.S | re.M)  # not the example: named in the text
    written = {word for span in re.findall(r"`([^`\n]+)`", prose) for word in re.findall(r"[\w-]+", span)}
    missing = sorted(names - written)
    assert not missing, f"plan.json fields not named in docs/outputs.md's plan.json section: {missing}"


def test_the_documented_git_log_names_the_inputs_the_timestamp_is_taken_from() -> None:
    """settings.md's command gives the sample site's DTSTAMP: it left out the theme's template folders, and
    gave a commit hours older than the feeds said."""
    from pelican.settings import read_settings

    from edcal.pelican_plugin.state import input_paths

    docs = (DOCS / "settings.md").read_text(encoding="utf-8")
    command = re.search(r"`git log -1 --format=%cI -- ([^`]+)`", docs)
    assert command, "settings.md gives no git log command for the timestamp"
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    assert command[1].split() == input_paths(ROOT, settings)


def test_what_edcal_does_not_do_names_no_field_it_reads() -> None:
    """networks.md said threads were not done ("add the replies in the network's app") after `thread:` came."""
    body = section((DOCS / "networks.md").read_text(encoding="utf-8"), "## What edcal does not do (yet)")
    fields = set(field_names(schema.PostSpec)) | set(field_names(schema.VariantSpec))
    named = {name.lower().rstrip("s") for name in re.findall(r"^- \*\*([^*]+)\*\*", body, re.MULTILINE)}
    assert named and not named & fields, f"named as not done, yet fields of posts: {sorted(named & fields)}"


def test_every_share_form_field_is_documented() -> None:
    """calendar.md's `share_form` row names every {field} a share form may hold: edcal accepts {title} too."""
    from edcal.model.network import SHARE_FORM_FIELDS

    body = section((DOCS / "calendar.md").read_text(encoding="utf-8"), "## `networks:`")
    row = next(line for line in body.splitlines() if line.startswith("| `share_form` |"))
    assert [field for field in SHARE_FORM_FIELDS if f"`{field}`" not in row] == []


@pytest.mark.parametrize(("doc", "english", "french"), [
    ("index.md", "*Report*", None),
    ("index.md", "(*Skipped*)", "(*Annulé*)"),
    ("index.md", '"Gone out, as the log says"', None),
    ("calendar.md", "*withheld* (*gelé* on a French site)", "time as *gelé*"),
    ("calendar.md", "*To confirm*", "*À confirmer*"),
    ("calendar.md", "*Objectives*", "*Objectifs*"),
    ("calendar.md", "*Skipped*, not *Not confirmed*", "*Annulé*, not *Non confirmé*"),
    ("calendar.md", '"Awaiting approval: its entry says', None),
    ("calendar.md", '"Note for whoever posts it:"', '("Note pour qui publie :")'),
    ("checks.md", "*To confirm*", "*À confirmer*"),
    ("cli.md", "*Feeds and accounts*", "*Flux et comptes*"),
    ("cli.md", '"built: output/ and planning/ are up to date"', None),
    ("feeds.md", "tap *Subscribe* (the webcal link)", "tap *S'abonner* (the webcal link)"),
    ("feeds.md", "*Copy the address*", "*Copier l'adresse*"),
    ("feeds.md", '"frozen copy (.ics)"', '"copie figée (.ics)"'),
    ("feeds.md", "*Note for whoever posts it:*", None),
    ("feeds.md", "*Poll:*", None),
    ("networks.md", '"Link in bio" ("Lien en bio")', 'on Instagram, where captions have no clickable link, "Lien en bio"'),
    ("networks.md", '"Learn more:" for a page', '("En savoir plus :" for a page'),
    ("networks.md", '"I recommend this article from our blog:', 'opens with "Un article de notre blog'),
    ("networks.md", 'steps ("Coming soon to the blog:', '("Bientôt sur le blog : " for a teaser'),
    ("calendar.md", '(then the text says "Link in the first comment"', '(then the text says "Lien en premier'),
    ("calendar.md", 'a reminder reads "In case you missed it:', 'a reminder reads "Au cas où'),
    ("calendar.md", 'its networks ("Post on ', 'its networks ("Publication sur'),
    ("calendar.md", 'period): "ideas for ', 'period): "des idées pour'),
    ("checks.md", 'already says "Link in bio" ("Lien en bio" on a French site)', 'already says "Lien en bio"'),
    ("checks.md", '("Link in the first comment" on an English site)', None),
    ("articles.md", 'the posts\' "Read the article:', 'the posts\' "Lire l\'article'),
])
def test_the_docs_quote_the_planning_pages_words_as_an_english_site_shows_them(doc: str, english: str,
                                                                                french: str | None) -> None:
    """An English team adopting edcal read of the report's *Bilan*, *Annulé* and *À confirmer*, of posts shown
    *gelé*: the French sample's words, which its pages never show. The English words quoted are the pages' own
    (the catalogue's keys), the French ones given beside them where a French site is the subject."""
    from edcal.i18n import catalog

    text = " ".join((DOCS / doc).read_text(encoding="utf-8").split())
    assert english in text
    quoted = re.search(r'\*([^*]+)\*|"([^"]+)', english)
    assert quoted is not None
    label = (quoted.group(1) or quoted.group(2)).rstrip(":")
    assert any(key.startswith(label) for key in catalog("fr")), f"no page says {label!r}"
    assert french is None or french not in text


def test_outputs_md_gives_the_english_of_each_planning_word_it_quotes_in_french() -> None:
    """outputs.md describes the planning pages as the French sample shows them (*Bilan*, *Prévu*, *gelé*, *Copier
    les lignes*): an English team found none of these words on its pages. Its table gives each one's English, as
    the catalogue has it (the pages' own words)."""
    from edcal.i18n import catalog, theme_catalog

    def plain(text: str) -> str:
        return " ".join(text.replace("\u00a0", " ").split()).rstrip(" :…").lower()

    french = {**catalog("fr"), **theme_catalog((str(ROOT / "themes" / "edcal" / "translations"),), "fr")}
    english_of: dict[str, set[str]] = {}
    for english, translated in french.items():
        english_of.setdefault(plain(translated), set()).add(plain(english))
    text = (DOCS / "outputs.md").read_text(encoding="utf-8")
    glossary = dict(re.findall(r"^\| \*([^*]+)\* \| \*([^*]+)\* \|$", text, flags=re.MULTILINE))
    assert len(glossary) > 30
    for quoted, english in glossary.items():
        assert plain(english) in english_of.get(plain(quoted), set()), (quoted, english)
    glossed = {plain(quoted) for quoted in glossary}
    untold = {found for bold, italic in re.findall(r"\*\*([^*\n]{2,80})\*\*|(?<!\*)\*([^*\n]{2,80})\*(?!\*)", text)
              if (found := plain(bold or italic)) in english_of and found not in english_of[found]
              and found not in glossed}
    assert not untold, f"outputs.md quotes these French words without their English in its table: {sorted(untold)}"


def test_the_decap_cms_config_in_the_docs_saves_articles_that_go_online(site: Path) -> None:
    """A writer who never opens a terminal writes in Decap CMS, whose config.yml the team copies from the
    docs. Set up as for Hugo (`draft:` a boolean, `description:`, a folder of its own, a date-first file
    name), Decap wrote a header every build refused, and the writer could not delete the line it wrote
    again at each save. Each field of the documented collection, saved as Decap saves it, goes online."""
    text = (DOCS / "articles.md").read_text(encoding="utf-8")
    section = text.split("## Writing from a web editor", 1)[1].split("\n## ", 1)[0]
    config = yaml.safe_load(re.search(r"```yaml\n(.*?)```", section, re.DOTALL)[1])  # type: ignore[index]
    assert config["media_folder"] == "content/images" and config["public_folder"] == "/images"
    articles = next(c for c in config["collections"] if c["folder"] == "content/articles")
    assert articles["slug"] == "{{slug}}"  # not Decap's default, the date first: dated-slug
    values = {"title": "Portes ouvertes de l'atelier", "category": "Événements", "authors": "Camille Roux",
              "image_alt": "L'atelier", "text": "Un samedi à l'atelier.", "list": ["atelier", "visite"],
              "image": "/images/public.png", "datetime": "2027-01-10 09:30", "markdown": "Venez nous voir.\n"}
    header: dict[str, Any] = {}
    for field in articles["fields"]:
        if field["widget"] == "select":
            assert set(field["options"]) == {"draft", "review", "published"} and field["default"] == "draft"
            header[field["name"]] = "published"  # the writer's choice, once the article is ready
        elif field["widget"] == "datetime":
            assert field["format"] == "YYYY-MM-DD HH:mm"  # the site's time zone, as edcal reads a date
            header[field["name"]] = values["datetime"]
        elif field["name"] != "body":
            header[field["name"]] = values.get(field["name"], values.get(field["widget"]))
    assert "draft" not in header
    saved = site / "content" / "articles" / "portes-ouvertes-de-latelier.md"
    saved.write_text("---\n" + yaml.safe_dump(header, allow_unicode=True, sort_keys=False) + "---\n\n"
                     + values["markdown"], encoding="utf-8")
    result = run_edcal("build", cwd=site)
    assert result.returncode == 0, result.stdout + result.stderr
    page = site / "output" / "2027" / "portes-ouvertes-de-latelier" / "index.html"
    assert "Venez nous voir." in page.read_text(encoding="utf-8")


def test_the_decap_cms_admin_page_in_the_docs_is_served_and_nothing_else(site: Path) -> None:
    """Decap CMS is a page of the site, /admin/, which the docs did not say where to put: its install page says
    `/content` for Pelican, which copies nothing there outside STATIC_PATHS (/admin/ was a page not found).
    Set up as documented, the build copies admin/index.html and admin/config.yml to output/admin/, as they
    are, and nothing else; so does a site whose articles are the whole content folder, with the exclusion
    documented (without it, Pelican read index.html as an article without a date, and left it out)."""
    text = (DOCS / "articles.md").read_text(encoding="utf-8")
    section = text.split("## Writing from a web editor", 1)[1].split("\n## ", 1)[0]
    config = re.search(r"```yaml\n(.*?)```", section, re.DOTALL)[1]  # type: ignore[index]
    page = re.search(r"```html\n(.*?)```", section, re.DOTALL)[1]  # type: ignore[index]
    static_paths = re.search(r"```python\n(STATIC_PATHS = .*?)\n```", section)[1]  # type: ignore[index]
    excludes = re.search(r"`(ARTICLE_EXCLUDES = [^`]+)`", section)[1]  # type: ignore[index]

    def files(output: Path) -> dict[str, bytes]:
        return {path.relative_to(output).as_posix(): path.read_bytes() for path in sorted(output.rglob("*"))
                if path.is_file() and path.name != ".edcal-files"}

    result = run_edcal("build", cwd=site)
    assert result.returncode == 0, result.stdout + result.stderr
    before = files(site / "output")
    (site / "content" / "admin").mkdir()
    (site / "content" / "admin" / "index.html").write_text(page, encoding="utf-8")
    (site / "content" / "admin" / "config.yml").write_text(config, encoding="utf-8")
    pelicanconf = (site / "pelicanconf.py").read_text(encoding="utf-8")
    for settings in (static_paths, f'ARTICLE_PATHS = [""]\n{static_paths}\n{excludes}'):
        (site / "pelicanconf.py").write_text(f"{pelicanconf}\n{settings}\n", encoding="utf-8")
        shutil.rmtree(site / "output")
        result = run_edcal("build", cwd=site)
        assert result.returncode == 0, result.stdout + result.stderr
        after = files(site / "output")
        assert {name for name in after if name not in before} == {"admin/index.html", "admin/config.yml"}, settings
        assert after["admin/index.html"] == page.encode() and after["admin/config.yml"] == config.encode()
        assert {name: after.get(name) for name in before} == before, settings
        assert "admin" not in after["sitemap.xml"].decode()


def test_every_table_row_has_as_many_cells_as_its_header() -> None:
    """A sentence added to `in_first_comment`'s row as a cell of its own pushed its example into a fourth
    column, which the rendered page drops, and showed the sentence as the example."""
    uneven = []
    for page in [*sorted(DOCS.glob("*.md")), ROOT / "README.md"]:
        header, fenced = None, False
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
            fenced = fenced != line.startswith("```")
            if fenced or not line.startswith("|"):
                header = None
                continue
            cells = re.sub(r"`[^`]*`", "``", line).replace("\\|", "").strip().strip("|").count("|") + 1
            if header is None:
                header = cells
            elif cells != header:
                uneven.append(f"{page.name}:{number}: {cells} cells, its header {header}")
    assert not uneven, uneven
