"""The docs' examples are what edcal reads: a user writes calendar.yaml and articles from docs/ alone.

test_docs.py checks that every field is documented; this module checks that what the docs show works.
Each ```yaml block of the docs that holds calendar.yaml's sections, each table row's `example` cell, and
each article header shown in articles.md is run through edcal's real loaders and must load with no error;
each example of calendar.md's table of the kinds of values too, and each `edcal …` command the pages
write (README.md, index.md…) must name a command and options that exist, with the arguments it takes.

- A block that opens with `version:` or `timezone:` is a whole calendar.yaml and is loaded alone; a block
  that opens with a comment `# calendar.d/NAME.yaml` is that file of the sample site (it replaces the
  sample's own file of that name); a block of entries (`  - id: …`) is under `posts:`; any other block's
  top-level sections replace those of CONTEXT, a small calendar holding the names the examples refer to.
- A table row's example is put in an entry of its section (SKELETONS), which it completes.
- Marker: a block the docs show as a mistake opens with `# error: <words of the error>`; it must fail, and
  one of the errors must hold those words.
- A block that is not calendar.yaml (a workflow, pre-commit's settings) or elides lines (`…`) is left out.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ROOT, copy_sample
from edcal.checks import all_rules
from edcal.errors import InputErrors
from edcal.load.calendar import load_calendar

DOCS = ROOT / "docs"
CALENDAR_DOCS = ("calendar.md", "checks.md", "feeds.md", "cli.md", "networks.md", "index.md", "articles.md",
                 "settings.md", "outputs.md")
SECTIONS = {"version", "timezone", "country", "subdivision", "default_time", "horizon", "slots", "team",
            "networks", "blog", "campaigns", "key_dates", "freeze", "ideas", "posts", "posted", "tracking",
            "exports", "feeds", "planning", "ambassadors", "link_in_bio", "checks"}

#: The names the docs' examples use: the sample site's people, slots, key dates and campaigns, every
#: built-in network and the docs' own (intranet, teams, newsletter), and calendar.md's `salon-2027`.
CONTEXT = {
    "version": "version: 1\n",
    "timezone": "timezone: Europe/Paris\n",
    "country": "country: FR\n",
    "slots": 'slots:\n  matin: "08:30"\n  midi: "12:15"\n  soir: "18:00"\n',
    "team": ("team:\n  - {id: camille, name: Camille Roux}\n  - {id: julien, name: Julien Morel}\n"
             "  - {id: sophie, name: Sophie Benali}\n  - {id: malik, name: Malik Haddad}\n"),
    "networks": ("networks:\n  linkedin: {slots: [tue 09:00, thu 12:30]}\n  x: {}\n  mastodon: {}\n  bluesky: {}\n"
                 "  threads: {}\n  facebook: {}\n  instagram: {}\n  pinterest: {}\n  youtube: {}\n  tiktok: {}\n"
                 "  intranet: {custom: true, name: Le Fil, limit: 5000}\n"
                 "  teams: {custom: true, name: Teams, limit: 5000}\n"
                 "  newsletter: {custom: true, name: Lettre, limit: 2000}\n"),
    "key_dates": ("key_dates:\n  - {id: salon-industrie, name: Salon Industrie, from: 2027-01-26, until: 2027-01-29}\n"
                  "  - {id: portes-ouvertes, name: Portes ouvertes, on: 2027-02-13}\n"),
    "campaigns": ("campaigns:\n  - {id: salon-2027, name: Salon 2027, from: 2027-01-04, until: 2027-01-29}\n"
                  "  - {id: salon-industrie-2027, name: Salon Industrie 2027, from: 2027-01-04, until: 2027-01-29}\n"
                  "  - {id: recrutement-soudeur, name: Recrutement, from: 2027-01-18, until: 2027-02-28}\n"),
}

ONE_OFF = "posts:\n  -\n    id: essai\n    networks: [linkedin]\n    at: 2027-03-02 09:00\n    text: Bonjour\n    {example}\n"
PROMOTION = "posts:\n  -\n    promote: salon-industrie-2027\n    networks: [linkedin]\n    {example}\n"
RECURRING = ("posts:\n  -\n    id: essai\n    networks: [linkedin]\n    repeat: {every: week, from: 2027-03-02}\n"
             "    text: Bonjour\n    {example}\n")
REPEAT = ("posts:\n  -\n    id: essai\n    networks: [linkedin]\n    text: Bonjour\n    repeat:\n      every: week\n"
          "      on: thu\n      from: 2026-11-05\n      {example}\n")
POSTED = ("posts:\n  - {id: voeux-2027, networks: [linkedin, bluesky], at: 2027-01-05 midi, text: Bonne année}\n"
          "  - {id: astuce-du-jeudi, networks: [linkedin], repeat: {every: week, on: thu, from: 2026-11-05},"
          " text: Astuce}\nposted:\n  -\n    item: voeux-2027-linkedin\n    {example}\n")
SUGGESTION = "ambassadors:\n  suggestions:\n    -\n      link: /a-propos/\n      title: Essai\n      {example}\n"

#: Where a table's example goes, by the docs' heading and the table's rank under it: `{example}` is
#: replaced by the example, and a line of the entry with the example's key is left out.
SKELETONS: dict[tuple[str, int], str] = {
    ("## Top level", 0): "{example}\n",
    ("## `team:`", 0): "team:\n  - {id: julien, name: Julien Morel}\n  -\n    id: zoe\n    name: Zoé\n    {example}\n",
    ("## `networks:`", 0): "networks:\n  linkedin:\n    {example}\n",
    ("## `networks:`", 1): "networks:\n  essai:\n    custom: true\n    name: Essai\n    limit: 500\n    {example}\n",
    ("### Objectives", 0): "networks:\n  linkedin:\n    objective:\n      text: Être lu\n      {example}\n",
    ("## `blog:`", 0): "blog:\n  {example}\n",
    ("## `blog:`", 1): "blog:\n  promote:\n    networks: [linkedin]\n    {example}\n",
    ("## `campaigns:`", 0): ("campaigns:\n  -\n    id: essai\n    name: Essai\n    from: 2027-01-04\n"
                             "    until: 2027-01-29\n    {example}\n"),
    ("## `key_dates:`", 0): "key_dates:\n  -\n    id: essai\n    name: Essai\n    from: 2027-01-26\n    {example}\n",
    ("## `freeze:`", 0): "freeze:\n  -\n    from: 2027-02-03 10:00\n    reason: Essai\n    {example}\n",
    ("## `ideas:`", 0): "ideas:\n  -\n    title: Essai\n    {example}\n",
    ("## `posts:`", 0): ONE_OFF,
    ("## `posts:`", 1): REPEAT,
    ("### Videos", 0): ("posts:\n  -\n    id: essai\n    networks: [youtube]\n    at: 2027-03-02 09:00\n"
                        "    text: Bonjour\n    video:\n      file: videos/visite.mp4\n      {example}\n"),
    ("## `posted:`", 0): POSTED,
    ("## `exports:`", 0): "exports:\n  hootsuite:\n    {example}\n",
    ("## `feeds:`", 0): "feeds:\n  {example}\n",
    ("## `planning:`", 0): "planning:\n  {example}\n",
    ("## `ambassadors:`", 0): "ambassadors:\n  {example}\n",
    ("## `ambassadors:`", 1): SUGGESTION,
    ("## `link_in_bio:`", 0): "link_in_bio:\n  {example}\n",
}
#: A field whose example needs another entry than its table's.
FIELD_SKELETONS: dict[tuple[str, int, str], str] = {
    ("## `networks:`", 1, "like"): "networks:\n  essai:\n    name: Essai\n    {example}\n",
    ("### Objectives", 0, "measured"): ("networks:\n  linkedin:\n    objective:\n      text: Être lu\n"
                                         "      current: 1180\n      {example}\n"),
    ("## `key_dates:`", 0, "on"): "key_dates:\n  -\n    id: essai\n    name: Essai\n    {example}\n",
    ("## `ideas:`", 0, "text"): "ideas:\n  -\n    title: Essai\n    networks: [linkedin]\n    {example}\n",
    ("## `posts:`", 0, "alt"): ONE_OFF.replace("    {example}", "    image: images/voeux.png\n    {example}"),
    ("## `posts:`", 1, "rrule"): REPEAT.replace("      every: week\n      on: thu\n", ""),
    ("## `posts:`", 1, "except"): REPEAT.replace("every: week\n      on: thu", "every: day"),
    ("## `ambassadors:`", 1, "article"): "ambassadors:\n  suggestions:\n    -\n      {example}\n",
}
#: Fields an entry holds one of: an example of one takes the other's place in the skeleton.
ALTERNATIVES = {"network": ("networks",), "texts": ("text",)}
#: The posts table's skeleton by the first kind of entry its `kinds` column names.
POST_KINDS = {"all": ONE_OFF, "one-off": ONE_OFF, "promotion": PROMOTION, "recurring": RECURRING}


@dataclass(frozen=True)
class Block:
    doc: str
    line: int
    lang: str
    text: str

    def __str__(self) -> str:
        return f"{self.doc}:{self.line}"


@dataclass(frozen=True)
class Example:
    """One example of a table's `example` column."""

    doc: str
    line: int
    heading: str
    table: int
    fields: tuple[str, ...]
    kinds: str
    text: str

    def __str__(self) -> str:
        return f"{self.doc}:{self.line} {self.text[:50]}"


_FENCE = re.compile(r"^( *)(`{3,})(\w*)\s*$")


def code_blocks(doc: str) -> list[Block]:
    """The fenced blocks of a docs page, unindented (a block inside a list item is indented)."""
    lines = (DOCS / doc).read_text(encoding="utf-8").split("\n")
    blocks, i = [], 0
    while i < len(lines):
        opening = _FENCE.match(lines[i])
        if not opening:
            i += 1
            continue
        indent, fence, lang = opening.groups()
        end = next(j for j in range(i + 1, len(lines)) if lines[j].strip() == fence)
        body = [line[len(indent):] if line.startswith(indent) else line for line in lines[i + 1:end]]
        blocks.append(Block(doc, i + 1, lang, "\n".join(body) + "\n"))
        i = end + 1
    return blocks


def table_examples(doc: str) -> list[Example]:
    """Each code span of the `example` column of a page's tables that writes one of its row's fields."""
    lines = (DOCS / doc).read_text(encoding="utf-8").split("\n")
    examples, heading, rank = [], "", 0
    for number, line in enumerate(lines):
        if re.match(r"#{1,4} ", line):
            heading, rank = line, 0
            continue
        if not (line.startswith("|") and number + 1 < len(lines) and re.fullmatch(r"\|[-| ]+\|", lines[number + 1])):
            continue
        header = [cell.strip().lower() for cell in _cells(line)]
        if "example" in header and ("field" in header or "key" in header):
            column = header.index("example")
            for offset, row in enumerate(_rows(lines, number + 2)):
                cells = _cells(row)
                fields = tuple(re.findall(r"`([a-z_<>]+)`", cells[0].split("(")[0]))
                kinds = cells[header.index("kinds")] if "kinds" in header else ""
                for span in re.findall(r"`([^`]+)`", cells[column]):
                    if any(span.startswith(f"{f}:") for f in fields) or span.startswith("{"):
                        examples.append(Example(doc, number + 3 + offset, heading, rank, fields, kinds, span))
        rank += 1
    return examples


def _cells(row: str) -> list[str]:
    return re.split(r"(?<!\\)\|", row.strip().strip("|"))


def _rows(lines: list[str], start: int) -> list[str]:
    rows = []
    while start < len(lines) and lines[start].startswith("|"):
        rows.append(lines[start])
        start += 1
    return rows


def top_sections(text: str) -> dict[str, str]:
    """A calendar.yaml text by top-level section (its comments at the left margin left out)."""
    sections: dict[str, str] = {}
    current = None
    for line in text.splitlines(keepends=True):
        key = re.match(r"([a-z_]+):", line)
        if key:
            current = key.group(1)
            sections[current] = line
        elif current is not None and not line.startswith("#"):
            sections[current] += line
    return sections


def with_context(sections: dict[str, str]) -> str:
    """CONTEXT with the given sections added: an excerpt of `networks:` or `slots:` adds its keys to the
    context's, one of `team:`, `campaigns:` or `key_dates:` its entries (in place of those of the same id);
    any other section replaces the context's."""
    merged = dict(CONTEXT)
    for name, text in sections.items():
        text = text if text.endswith("\n") else text + "\n"
        own = CONTEXT.get(name, "").split("\n")[1:]
        if re.match(r"[a-z_]+: *[^#\s]", text.split("\n", 1)[0]):  # written on its line: `slots: {…}`
            kept = []
        elif name in ("networks", "slots"):
            keys = set(re.findall(r"^  ([\w-]+):", text, re.MULTILINE))
            kept = [line for line in own if (re.match(r"  ([\w-]+):", line) or [None, None])[1] not in keys]
        elif name in ("team", "campaigns", "key_dates"):
            ids = set(re.findall(r"^\s*-? *\{?id: ([\w-]+)", text, re.MULTILINE))
            kept = [line for line in own if (re.search(r"\{id: ([\w-]+)", line) or [None, None])[1] not in ids]
        else:
            kept = []
        merged[name] = text.split("\n", 1)[0] + "\n" + "".join(f"{line}\n" for line in kept if line) + \
            text.split("\n", 1)[1]
    return "".join(merged.values())


def fill(skeleton: str, example: str) -> str:
    """The skeleton's `{example}` line replaced by the example, without the entry's line of the same key."""
    place = next(line for line in skeleton.split("\n") if line.strip() == "{example}")
    indent = place[:len(place) - len(place.lstrip())]
    if example.startswith("{"):  # a whole entry: `{item: …, skipped: true}`
        dash = f"\n{indent[:-2]}-\n"
        return skeleton[:skeleton.rindex(dash, 0, skeleton.index(place)) + 1] + f"{indent[:-2]}- {example}\n"
    keys = (example.split(":", 1)[0], *ALTERNATIVES.get(example.split(":", 1)[0], ()))
    kept = [line for line in skeleton.split("\n") if not line.startswith(tuple(f"{indent}{k}:" for k in keys))]
    return "\n".join(kept).replace(place, indent + example)


def load_errors(folder: Path, calendar: str) -> list[str]:
    """The errors edcal's loader gives for that calendar.yaml, alone in ``folder``, as a user reads them."""
    (folder / "calendar.yaml").write_text(calendar, encoding="utf-8")
    return loader_errors(folder)


def loader_errors(site: Path) -> list[str]:
    """The errors loading a site's calendar.yaml and calendar.d/ gives, as a user reads them."""
    try:
        load_calendar(site, all_rules())
    except InputErrors as caught:
        return [error.format() for error in caught.errors]
    return []


def calendar_blocks() -> list[Block]:
    blocks = []
    for doc in CALENDAR_DOCS:
        for block in code_blocks(doc):
            keys = set(top_sections(block.text))
            entries = block.text.startswith("  - ")
            if block.lang != "yaml" or re.search(r"^ *(# *)?…", block.text, re.MULTILINE) or block.text.startswith("    "):
                continue
            if entries or (keys and keys <= SECTIONS):
                blocks.append(block)
    return blocks


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the sample site, made once for the module."""
    return copy_sample(tmp_path_factory.mktemp("docs") / "site")


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder for calendars loaded alone."""
    return tmp_path_factory.mktemp("calendar")


@pytest.mark.parametrize("block", calendar_blocks(), ids=str)
def test_a_yaml_example_loads(block: Block, sample: Path, scratch: Path) -> None:
    text = block.text
    marker = re.match(r"# error: (.*)\n", text)
    named = re.match(r"# (calendar\.d/[\w.-]+\.ya?ml)\b", text)
    if named:
        own = sample / named.group(1)
        kept = own.read_text(encoding="utf-8") if own.exists() else None
        own.write_text(text, encoding="utf-8")
        try:
            errors = loader_errors(sample)
        finally:
            own.write_text(kept, encoding="utf-8") if kept is not None else own.unlink()
    elif re.match(r"(#.*\n)*(version|timezone):", text):
        errors = load_errors(scratch, text)
    elif re.match(r"  - [\w-]+ *(#.*)?\n", text):  # a line of the log, for the sample site's
        log = sample / "calendar.d" / "publie.yaml"
        kept = log.read_text(encoding="utf-8")
        log.write_text(kept + text, encoding="utf-8")
        try:
            errors = loader_errors(sample)
        finally:
            log.write_text(kept, encoding="utf-8")
    elif text.startswith("  - "):
        errors = load_errors(scratch, with_context({"posts": "posts:\n" + text}))
    else:
        errors = load_errors(scratch, with_context(top_sections(text)))
    if marker:
        assert any(marker.group(1) in error for error in errors), (str(block), errors)
    else:
        assert errors == [], f"{block}: the example does not load:\n" + "\n".join(errors)


def skeleton_for(example: Example) -> str:
    field = next(f for f in example.fields if example.text.startswith(f"{f}:")) if not example.text.startswith(
        "{") else ""
    special = FIELD_SKELETONS.get((example.heading, example.table, field))
    if special:
        return special
    if example.kinds:
        return POST_KINDS[example.kinds.split(",")[0].strip()]
    return SKELETONS[(example.heading, example.table)]


@pytest.mark.parametrize("example", [e for e in table_examples("calendar.md")], ids=str)
def test_a_table_example_loads(example: Example, scratch: Path) -> None:
    filled = fill(skeleton_for(example), example.text)
    sections = top_sections(filled)
    errors = load_errors(scratch, with_context(sections))
    assert errors == [], f"{example}: the example does not load:\n{filled}\n" + "\n".join(errors)


#: The header a table's example completes (a line of the example's key takes the place of its own).
ARTICLE_HEADER = {"title": "title: Essai", "date": "date: 2027-03-02 09:00"}
#: An article field whose example needs more of the header than a title and a date.
ARTICLE_FIELDS = {"lang": "slug: nos-apprentis\n{example}", "translation": "slug: entretien-portail\nlang: en\n{example}"}
#: What an article example names that the sample site does not have: calendar.md's campaign `salon-2027`.
ARTICLE_CONTEXT = "campaigns:\n  - {id: salon-2027, name: Salon 2027, from: 2027-01-04, until: 2027-01-29}\n"


def article_examples() -> dict[str, str]:
    """articles.md's examples as article files ({file name: text}): its headers, its `social:` blocks, and
    each example of its tables of fields."""
    files: dict[str, str] = {}
    for block in code_blocks("articles.md"):
        text = block.text
        if block.lang == "markdown" and re.match(r"(---\n)?[A-Za-z_]+: ", text):
            if not text.startswith("---") and not re.search(r"^Title:", text, re.MULTILINE):
                text = "Title: Essai\nDate: 2027-03-02 09:00\n" + text + "\nLe texte.\n"
            files[f"doc-{block.line}.md"] = text
        elif block.lang == "yaml" and text.startswith("social:"):
            files[f"doc-{block.line}.md"] = article(text)
    for example in table_examples("articles.md"):
        if example.heading == "## `social:`":
            line = "social:\n  " + example.text
        else:
            line = ARTICLE_FIELDS.get(example.text.split(":")[0], "{example}").format(example=example.text)
        files[f"doc-{example.line}-{len(files)}.md"] = article(line)
    return files


def article(fields: str) -> str:
    """An article in YAML front matter: ``fields``, with a title and a date unless they give them."""
    written = set(re.findall(r"^(\w+):", fields, re.MULTILINE))
    header = "".join(f"{line}\n" for key, line in ARTICLE_HEADER.items() if key not in written)
    return f"---\n{header}{fields.rstrip()}\n---\nLe texte.\n"


def test_the_article_examples_are_read(tmp_path: Path) -> None:
    from edcal.pelican_plugin.metadata import read_plan

    site = copy_sample(tmp_path / "site")
    (site / "calendar.d" / "docs.yaml").write_text(ARTICLE_CONTEXT, encoding="utf-8")
    # `template: article-wide`, "with `overrides/article-wide.html`", as its example says.
    (site / "overrides").mkdir()
    shutil.copy(site / "themes" / "edcal" / "templates" / "article.html", site / "overrides" / "article-wide.html")
    with (site / "pelicanconf.py").open("a", encoding="utf-8") as settings:
        settings.write('\nTHEME_TEMPLATES_OVERRIDES = ["overrides"]\n')
    files = article_examples()
    for name, text in files.items():
        (site / "content" / "articles" / name).write_text(text, encoding="utf-8")
    try:
        read_plan(site, "pelicanconf.py")
    except InputErrors as caught:
        errors = [error.format() for error in caught.errors]
    else:
        errors = []
    assert len(files) > 25
    assert errors == [], "articles.md's examples (doc-LINE.md) are not read:\n" + "\n".join(errors)


#: Where calendar.md's "How values are written" table's examples of each kind of value are written.
VALUE_KINDS = {
    "date": "key_dates:\n  -\n    id: essai\n    name: Essai\n    on: {value}\n",
    "time": "default_time: {value}\n",
    "date and time": ONE_OFF.replace("2027-03-02 09:00", "{value}").replace("    {example}\n", ""),
    "date and named slot": ONE_OFF.replace("2027-03-02 09:00", "{value}").replace("    {example}\n", ""),
    "relative to a key date": ONE_OFF.replace("2027-03-02 09:00", "{value}").replace("    {example}\n", ""),
    "weekdays": "networks:\n  linkedin:\n    slots:\n      - {value} 09:00\n",
    "posting slot": "networks:\n  linkedin:\n    slots:\n      - {value}\n",
    "cadence": "networks:\n  linkedin:\n    cadence: {value}\n",
    "offset from publication": "blog:\n  promote:\n    networks: [linkedin]\n    schedule:\n      - {value}\n",
    "duration": "feeds:\n  duration: {value}\n",
    "poll duration": ONE_OFF.replace("[linkedin]", "[x]").replace("{example}", "poll:\n      options: [Oui, Non]\n"
                                                                              "      duration: {value}"),
    "span": "horizon: {value}\n",
    "list": ONE_OFF.replace("{example}", "{value}").replace("    networks: [linkedin]\n", ""),
    "colour": "networks:\n  linkedin:\n    color: {value}\n",
    "id": "campaigns:\n  -\n    id: {value}\n    name: Essai\n    from: 2027-01-04\n    until: 2027-01-29\n",
}


def value_examples() -> list[tuple[str, str]]:
    """(kind, example) for each example of calendar.md's table of the kinds of values."""
    lines = (DOCS / "calendar.md").read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("| kind of value |"))
    return [(_cells(row)[0].strip(), span) for row in _rows(lines, start + 2)
            for span in re.findall(r"`([^`]+)`", _cells(row)[-1])]


@pytest.mark.parametrize(("kind", "value"), value_examples(), ids=lambda v: v)
def test_a_value_example_loads(kind: str, value: str, scratch: Path) -> None:
    calendar = VALUE_KINDS[kind].replace("{value}", value)
    errors = load_errors(scratch, with_context(top_sections(calendar)))
    assert errors == [], f"calendar.md, {kind} `{value}`: the example does not load:\n{calendar}\n" + "\n".join(errors)


#: The pages whose commands are examples to run; cli.md's own are its reference, tested by test_cli.py.
COMMAND_PAGES = ("README.md", "index.md", "articles.md", "calendar.md", "settings.md", "networks.md", "checks.md")


def command_examples() -> list[tuple[str, str]]:
    """(page, command) for each `edcal …` code span of COMMAND_PAGES that gives arguments or options."""
    commands = []
    for name in COMMAND_PAGES:
        text = (ROOT / name if name == "README.md" else DOCS / name).read_text(encoding="utf-8")
        spans = re.findall(r"(?<!`)`((?:[A-Z_]+=\S* )*edcal [a-z-]+\s[^`]+)`", text)
        commands += [(name, " ".join(span.split())) for span in spans if "[" not in span]
    return sorted(set(commands))


@pytest.mark.parametrize(("page", "command"), command_examples(), ids=lambda v: v)
def test_a_command_example_parses(page: str, command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Its command exists and takes these options and arguments (an option named alone, `--owner`, exists)."""
    import shlex

    import click

    from edcal.__main__ import cli

    words = shlex.split(command, comments=True)
    words = words[words.index("edcal") + 1:]
    monkeypatch.chdir(tmp_path)
    for word in words:  # the files it reads: `edcal import plan.csv`
        if re.fullmatch(r"[\w/.-]+\.(csv|yaml|md)", word):
            (tmp_path / word).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / word).write_text("", encoding="utf-8")
    if words[0].startswith("-"):  # edcal's own options: `edcal --site DIR`
        words = ["agenda", *words]
    assert words[0] in cli.commands, f"{page}: `{command}`: no command {words[0]}"
    # Under edcal's own context, as the command line makes it: `-h` is an option there, and a command's help
    # option, made and kept on its first use, has the group's names in the tests that follow (test_help).
    edcal = click.Context(cli, info_name="edcal", **cli.context_settings)
    try:
        cli.commands[words[0]].make_context(words[0], words[1:], parent=edcal)
    except click.BadOptionUsage as refused:  # an option named, not used: `edcal agenda --owner`
        assert "requires an argument" in refused.message and words[-1].startswith("-"), f"{page}: `{command}`: {refused}"
    except click.MissingParameter as refused:  # options named, not used: `edcal new --tags '"soudure"'`
        assert words[1].startswith("-"), f"{page}: `{command}`: {refused.format_message()}"
    except click.UsageError as refused:
        raise AssertionError(f"{page}: `{command}`: {refused.format_message()}") from None


@pytest.mark.parametrize("block", [b for page in ("calendar.md", "articles.md", "networks.md", "settings.md")
                                   for b in code_blocks(page) if b.lang == "python"], ids=str)
def test_a_settings_example_is_read(block: Block, sample: Path) -> None:
    """A pelicanconf.py excerpt, added to the sample site's settings, is read (and judged) without error."""
    from edcal.site import pelican_settings

    settings = sample / "pelicanconf.py"
    kept = settings.read_text(encoding="utf-8")
    (sample / "overrides").mkdir(exist_ok=True)  # THEME_TEMPLATES_OVERRIDES = ["overrides"]
    settings.write_text(kept + "\n" + block.text, encoding="utf-8")
    try:
        pelican_settings(sample)
    except InputErrors as caught:
        raise AssertionError(f"{block}: " + "\n".join(error.format() for error in caught.errors)) from None
    finally:
        settings.write_text(kept, encoding="utf-8")


def test_the_docs_examples_are_found() -> None:
    """The tests above take their cases from the docs: a reader of the pages that found none (a heading or a
    table's columns renamed) left each test with no case, skipped, and the suite passed on docs never loaded."""
    found = {"yaml blocks": len(calendar_blocks()), "table examples": len(table_examples("calendar.md")),
             "values": len(value_examples()), "commands": len(command_examples()),
             "settings": sum(b.lang == "python" for page in ("calendar.md", "articles.md", "networks.md",
                                                             "settings.md") for b in code_blocks(page))}
    assert found["yaml blocks"] >= 30 and found["table examples"] >= 150 and found["values"] >= 40 \
        and found["commands"] >= 20 and found["settings"] >= 3, found


def test_the_complete_example_is_checked_without_error_in_a_new_site(tmp_path: Path) -> None:
    """calendar.md: "Pasted into a site of your own, the example needs one change": the article it promotes.
    And it shows good practice: checked before the new year, what the checks say is what a new site lacks
    (weeks without an article or a LinkedIn post, the new article's promotion a week later on a day without
    a slot), not the example's own mistakes (its wishes on a Tuesday tip's day, one tip five times a month,
    one text for three networks, an empty campaign, a freeze with no end holding every post after it)."""
    from conftest import run_edcal

    site = tmp_path / "site"
    now = {"EDCAL_NOW": "2027-01-02T10:00:00+01:00"}
    assert run_edcal("init", str(site), "--url", "https://blog.atelier.fr", cwd=tmp_path, env=now).returncode == 0
    complete = code_blocks("calendar.md")[0]
    assert complete.text.startswith("version: 1\n")
    (site / "calendar.yaml").write_text(complete.text.replace("promote: salon-industrie-2027", "promote: bienvenue"),
                                        encoding="utf-8")
    checked = run_edcal("check", "--format", "json", cwd=site, env=now)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    rules = {finding["rule"] for finding in json.loads(checked.stdout)["findings"]}
    assert rules <= {"cadence-gap", "outside-slots"}, checked.stdout


def test_the_time_zone_recipe_is_checked_without_warning_of_its_own(tmp_path: Path) -> None:
    """calendar.md's teammate in Montréal: its weekly post had one text, and the recipe copied into a site was
    warned that it repeats within 30 days, 39 times (`duplicate-text`). What the checks say is what a new site
    lacks, not the recipe's mistakes."""
    from conftest import run_edcal

    site = tmp_path / "site"
    now = {"EDCAL_NOW": "2027-02-15T10:00:00+01:00"}
    assert run_edcal("init", str(site), "--url", "https://blog.atelier.fr", cwd=tmp_path, env=now).returncode == 0
    recipe = next(block for block in code_blocks("calendar.md") if "id: mardi-quebec" in block.text)
    (site / "calendar.yaml").write_text("version: 1\ntimezone: Europe/Paris\ncountry: FR\n" + recipe.text,
                                        encoding="utf-8")
    checked = run_edcal("check", "--format", "json", cwd=site, env=now)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    rules = {finding["rule"] for finding in json.loads(checked.stdout)["findings"]}
    assert rules <= {"cadence-gap"}, checked.stdout
