"""Article headers: Pelican's Key: value lines and YAML front matter, both located."""

from __future__ import annotations

import dataclasses
import re
import shutil
import time
from pathlib import Path
from typing import Any

import markdown
import pytest

from conftest import run_edcal
from edcal.errors import InputErrors
from edcal.load.frontmatter import split_article
from edcal.load.yamlfile import LOC_KEY, strip_locs

PELICAN_HEADERS = [
    "Title: Un titre\nDate: 2027-01-12 09:00\nTags: a, b\n\nCorps.\n",
    "title: lower case keys\nSummary: first line\n    second line\n\nBody: not metadata\n",
    "---\nTitle: fenced\nCategory: Essais\n---\nBody\n",
    "Title: no blank line before the body\nThis line is body text.\n",
    "   Title: three spaces are still a key\nAuthor: X\n\n",
    "Just a body, no header at all.\n\nTitle: not a header\n",
    "Title: x\nKey_with-dash: y\n...\nbody\n",
    # Markdown expands tabs before the meta extension reads: a tab-indented line continues the value.
    "Title: Nos gants\nSummary: six modèles\n\tpour le soudage TIG.\nTags: sécurité\nOwner: malik\n\nTexte.\n",
    "Title: x\nSummary: a\n  \tb\n\nBody\n",
]


@pytest.mark.parametrize("text", PELICAN_HEADERS)
def test_key_value_headers_read_like_markdowns_meta_extension(text: str) -> None:
    md = markdown.Markdown(extensions=["meta"])
    expected_body = md.convert(text)
    expected = {key: " ".join(v for v in values if v) if key != "summary" else "\n".join(values)
                for key, values in md.Meta.items()}
    parsed = split_article(text, "a.md")
    assert strip_locs(parsed.metadata) == expected
    # The body we hand to Markdown renders exactly as Pelican's would.
    assert markdown.Markdown().convert(parsed.body) == expected_body


def test_key_value_locations() -> None:
    parsed = split_article("Title: Un titre\nDate:   2027-02-30\n\nCorps\n", "content/a.md")
    loc = parsed.metadata[LOC_KEY]
    assert (loc.key("date").line, loc.key("date").column) == (2, 1)
    assert (loc.value("date").line, loc.value("date").column) == (2, 9)


def test_yaml_front_matter_with_structure_and_lines() -> None:
    text = ("---\ntitle: \"Salon : J-7\"\ntags: [salon, industrie]\nsocial:\n  networks: [linkedin]\n"
            "  linkedin: Texte\n---\nCorps de l'article.\n")
    parsed = split_article(text, "content/a.md")
    assert parsed.style == "yaml"
    data = strip_locs(parsed.metadata)
    assert data["title"] == "Salon : J-7"
    assert data["tags"] == ["salon", "industrie"]
    assert data["social"] == {"networks": ["linkedin"], "linkedin": "Texte"}
    assert parsed.metadata[LOC_KEY].key("social").line == 4
    assert parsed.body == "Corps de l'article.\n"
    assert parsed.body_line == 8


def test_social_flow_mapping_in_key_value_style_is_located() -> None:
    text = "Title: T\nSocial: {linkedin: Texte, networks: [x, linkedin]}\n\nBody\n"
    parsed = split_article(text, "a.md")
    social = parsed.metadata["social"]
    assert strip_locs(social) == {"linkedin": "Texte", "networks": ["x", "linkedin"]}
    assert (social[LOC_KEY].key("networks").line, social[LOC_KEY].key("networks").column) == (2, 27)


def test_silence_in_key_value_style_is_a_mapping_as_in_yaml() -> None:
    """`Silence: {rule: "reason"}`, as the checks' hints write it, was refused in a `Key: value` header."""
    parsed = split_article('Title: T\nSilence: {category-variant: "Nouvelle rubrique"}\n\nCorps\n', "a.md")
    assert strip_locs(parsed.metadata["silence"]) == {"category-variant": "Nouvelle rubrique"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Title: Secret\nDate: 2026-10-08 09:00\n\nStatus: draft\n\nCorps.\n",
     "a.md:4:1: error: found the header field 'Status' after a blank line"),
    ("Title: T\nOwner: dana\n\n\nDate: 2027-03-02 09:00\nImage: images/a.png\n\nCorps.\n",
     "a.md:5:1: error: found the header field 'Date' after a blank line"),
    # However typed (a second trial published each of these): spaces before the colon, quotes, French…
    *[(f"Title: Secret\nDate: 2026-10-08 09:00\n\n{line}\n\nCorps.\n", f"a.md:4:1: error: found the header field '{key}'")
      for line, key in (("Status : draft", "Status"), ("Status\u00a0: draft", "Status"), ('Status: "draft"', "Status"),
                        ("Status: brouillon", "Status"), ("Status: draft.", "Status"), ("Status: draft # pas encore", "Status"),
                        ("Status\uff1adraft", "Status"), ("Statut : brouillon", "Statut"))],
    ("Title: T\n\nDate: 2027-03-02\n\nCorps.\n", "a.md:3:1: error: found the header field 'Date' after a blank line"),
    # Whatever follows it (a new-user trial published this draft, its text on the next line).
    ("Title: T\nDate: 2026-11-25 09:00\n\nStatus: draft\nTexte pas encore prêt.\n",
     "a.md:4:1: error: found the header field 'Status' after a blank line"),
    ("Title: T\n\nCategory: Atelier\nStatus: review\nTexte.\n", "a.md:4:1: error: found the header field 'Status'"),
])
def test_header_fields_after_a_blank_line_are_errors_not_text(text: str, expected: str) -> None:
    """The header ends at the first blank line: `Status: draft` below one published the draft."""
    with pytest.raises(InputErrors) as caught:
        split_article(text, "a.md")
    message = caught.value.errors[0].format()
    assert message.startswith(expected), message
    assert "hint: remove the blank line" in message


@pytest.mark.parametrize("body", ["Note: ceci est du texte.\n", "Status: tout va bien.\nEt voilà.\n",
                                  "Title: déjà là\n", "Status: resolved\n", "Author: Jane Doe, guest writer\n",
                                  "Summary: three things to know.\n", "Image: photo by Ana on Unsplash\n",
                                  "URL: https://example.org\n", "Date: 14 mars 2027\nLieu: Lyon\n"])
def test_a_paragraph_that_only_looks_like_a_field_stays_text(body: str) -> None:
    parsed = split_article(f"Title: T\nDate: 2026-10-08 09:00\n\n{body}", "a.md")
    assert parsed.body == body
    parsed = split_article(f"---\ntitle: T\n---\n{body}", "a.md")
    assert parsed.body == body


@pytest.mark.parametrize(("text", "expected"), [
    # A line that is no field ends a `Key: value` header: the status below it was published as text.
    ("Title: T\nDate: 2026-12-10 09:00\n# brouillon\nStatus: draft\n\nCorps.\n", "a.md:4:1"),
    ("Title: T\nDate: 2026-12-10 09:00\nNote interne\nStatus: draft\n\nCorps.\n", "a.md:4:1"),
    ("Title: T\nDate: 2026-12-10 09:00\n<!-- Status: draft -->\n\nCorps.\n", "a.md:3:6"),
    ("Title: T\nDate: 2026-12-10 09:00\n- Status: draft\n", "a.md:3:3"),
    ("Title: T\nDate: 2026-12-10 09:00\nStatus.draft\n", "a.md:3:1"),
    ("Title: T\nDate: 2026-12-10 09:00\n\n\tStatus: review\n", "a.md:4:2"),
    ("---\ntitle: T\n---\n\n# statut : brouillon\nCorps.\n", "a.md:5:3"),
])
def test_a_status_anywhere_in_the_text_is_an_error(text: str, expected: str) -> None:
    with pytest.raises(InputErrors) as caught:
        split_article(text, "a.md")
    message = caught.value.errors[0].format()
    assert message.startswith(f"{expected}: error: found '"), message
    assert "opening the article's text: the header ended before it" in message
    assert "so the article would be published, with this line as text" in message


def test_a_status_in_code_or_in_a_sentence_is_text() -> None:
    for body in ("```\nStatus: draft\n```\n", "Status: draft is a word we use.\n", "Status: resolved\n",
                 # Further down, statuses are the article's words (a review: a FAQ, a quote, indented code).
                 "Nos statuts :\n\n- Statut : brouillon\n- Statut : publié\n", "Intro.\n\n> Status: review\n",
                 "Intro.\n\n    Status: draft\n"):
        assert split_article(f"Title: T\nStatus: published\n\n{body}", "a.md").body == body
        assert split_article(f"Title: T\n\n{body}", "a.md").body == body


def test_a_status_below_yamls_closing_line_is_an_error_not_text() -> None:
    for body in ("status: draft\nTexte.\n", "\nStatus: brouillon\n\nTexte.\n", "date: 2027-03-02\n"):
        with pytest.raises(InputErrors) as caught:
            split_article(f"---\ntitle: T\n---\n{body}", "a.md")
        line = 5 if body.startswith("\n") else 4
        key = body.split(":")[0].strip()
        assert caught.value.errors[0].format().splitlines() == [
            f"a.md:{line}:1: error: found the header field '{key}' after the front matter's closing '---', so it "
            "would be published as text", "    hint: move it above the '---' at line 3"]


def test_duplicate_fields_are_errors_in_both_styles() -> None:
    with pytest.raises(InputErrors, match=r"a.md:3:1: error: duplicate field 'Tags'"):
        split_article("Title: T\nTags: a\nTags: b\n\nBody\n", "a.md")
    with pytest.raises(InputErrors, match=r"a.md:3:1: error: duplicate field 'Title'"):
        split_article("---\ntitle: a\nTitle: b\n---\nBody\n", "a.md")


def test_a_language_is_a_language_code() -> None:
    """`lang: english` made an English translation named 'english', silently."""
    from edcal.errors import ErrorCollector
    from edcal.load.articles import validate_article
    from helpers import PARIS_CALENDAR, calendar_from

    calendar = calendar_from(PARIS_CALENDAR)
    for lang, valid in (("english", False), ("en", True), ("pt-BR", True), ("fr_FR", True), ("EN", False)):
        errors = ErrorCollector()
        parsed = split_article(f"---\ntitle: T\ndate: 2027-01-12 09:00\nlang: {lang}\n---\nTexte.\n",
                               "content/articles/t.md")
        validate_article(parsed, calendar, frozenset(), errors)
        messages = [e.format() for e in errors.errors]
        assert (not messages) == valid, (lang, messages)
        if not valid:
            assert messages[0].startswith(f"content/articles/t.md:4:7: error: found '{lang}', expected a language code")


def test_an_owner_written_by_name_points_at_the_id() -> None:
    from edcal.errors import ErrorCollector
    from edcal.load.articles import validate_article
    from helpers import PARIS_CALENDAR, calendar_from

    calendar = calendar_from(PARIS_CALENDAR.replace("name: Ana}", "name: Ana Lopez}"))
    errors = ErrorCollector()
    parsed = split_article("Title: T\nDate: 2027-01-12 09:00\nOwner: Ana Lopez\n\nTexte.\n", "content/articles/t.md")
    validate_article(parsed, calendar, frozenset(), errors)
    assert [e.format() for e in errors.errors] == [
        "content/articles/t.md:3:8: error: unknown person 'Ana Lopez'\n"
        "    hint: 'Ana Lopez' is the name of 'ana': write owner: ana (the id)"]


def test_a_header_in_another_generators_syntax_is_named() -> None:
    """`title = "…"` (TOML, Hugo) is no header to Pelican: say so, not just "missing title"."""
    from edcal.errors import ErrorCollector
    from edcal.load.articles import validate_article
    from helpers import PARIS_CALENDAR, calendar_from

    for text in ('title = "Essai"\ndate = 2027-02-10\n\nTexte.\n', '+++\ntitle = "Essai"\n+++\nTexte.\n'):
        errors = ErrorCollector()
        validate_article(split_article(text, "content/articles/t.md"), calendar_from(PARIS_CALENDAR), frozenset(), errors)
        assert [e.format().splitlines()[0] for e in errors.errors] == [
            "content/articles/t.md:1:1: error: found a header written `key = value`; expected YAML front matter "
            "or Pelican's `Key: value` lines"]


def test_a_header_line_the_header_cannot_read_is_an_error_not_text() -> None:
    """`Category : Recrutement` (French spacing) ended the header: what followed was published as text."""
    with pytest.raises(InputErrors) as spaced:
        split_article("Title: T\nDate: 2027-01-12 09:00\nCategory : Recrutement\nOwner: sophie\n\nCorps.\n", "a.md")
    assert spaced.value.errors[0].format().splitlines() == [
        "a.md:3:9: error: found 'Category :' in the header, with a space before ':'; expected 'Category:'",
        "    hint: write `Category: …` (no space before the colon in a header line); leave a blank line between "
        "the header and the text"]
    # `Statut : brouillon` took three runs: the space, then 'statut', then 'brouillon'; the first says all.
    for line, written in (("Statut : brouillon", "status: draft"), ("Titre : Essai", "title: Essai"),
                          ("Subtitle : Un mot", None)):
        with pytest.raises(InputErrors) as french_field:
            split_article(f"Title: T\nDate: 2027-01-12 09:00\n{line}\nOwner: sophie\n\nCorps.\n", "a.md")
        hint = french_field.value.errors[0].format().splitlines()[1]
        assert hint == (f"    hint: write `{written}` (no space before the colon, and the field's English name); leave "
                        "a blank line between the header and the text" if written else
                        "    hint: write `Subtitle: …` (no space before the colon in a header line); leave a blank "
                        "line between the header and the text")
    with pytest.raises(InputErrors) as french:
        split_article("Title: T\nPropriétaire: sophie\n\nCorps.\n", "a.md")
    assert french.value.errors[0].format().splitlines() == [
        "a.md:2:1: error: found the header field 'Propriétaire', expected a name of letters a-z, digits, '_' and '-'",
        "    hint: did you mean 'owner'?"]
    # Text after a blank line, or without a colon, is the body; so is a sentence right after the header
    # (the meta extension needs no blank line) that names no field and is not followed by header lines.
    assert split_article("Title: T\n\nCategory : pas un champ\n", "a.md").body == "Category : pas un champ\n"
    assert split_article("Title: T\nUne phrase sans deux-points.\n", "a.md").body == "Une phrase sans deux-points.\n"
    for text in ("Voici le programme : trois jours.\n", "Étape 1: poncer.\nÉtape 2: peindre.\n"):
        assert split_article("Title: T\nDate: 2027-01-12\n" + text, "a.md").body == text
    with pytest.raises(InputErrors) as french:
        split_article("Title: T\nRésumé : deux lignes\n\nCorps.\n", "a.md")
    assert french.value.errors[0].hint == "did you mean 'summary'?"


def test_yaml_front_matter_never_closed_is_an_error() -> None:
    """Read as `Key: value` lines, its quotes became part of the published title."""
    for header in ('title: "Salon : J-7"\ndate: 2027-01-12 09:00\n', "title: Salon\nsocial:\n  networks: [x]\n",
                   "title: Salon\ntags:\n- a\n"):
        with pytest.raises(InputErrors) as raised:
            split_article(f"---\n{header}\nCorps.\n", "a.md")
        assert raised.value.errors[0].format().splitlines()[0] == (
            "a.md:1:1: error: found front matter opened with '---' on line 1 and never closed; "
            "expected a '---' line after the last field")
    # The meta extension's own form, `---` then `Key: value` lines and a blank line, reads as before.
    assert strip_locs(split_article("---\nTitle: [Tuto] T\nTags: a, b\n\nCorps.\n", "a.md").metadata) == {
        "title": "[Tuto] T", "tags": "a, b"}
    assert split_article("---\nTitle: T\nSocial: {networks: [x]}\n\nCorps.\n", "a.md").metadata["social"]


def test_markup_markdown_reads_otherwise_than_the_writers_editor_is_found() -> None:
    """GitHub's preview showed a list, the blog a run-on paragraph; an Obsidian tag line became a heading."""
    from edcal.load.articles import misread_markup

    body = ("#atelier #coulisses\n\nVenez :\n- visite\n- soudure\n\n- une liste\n- bien écrite\n\n"
            "• un ;\n• deux.\n\n## Titre\n- liste sous un titre\n#Introduction\n\n"
            "Lire [le guide]() et [](https://example.org), ![](data:image/png;base64,iVBORw0KGgo=).\n\n"
            "```\nTexte\n- en code\n#pas #tag\n```\n\nTexte\n- - -\n")
    parsed = split_article("---\ntitle: T\n---\n" + body, "content/articles/t.md")
    found = [(m.kind, m.written, m.source.line, m.source.column, m.weight) for m in misread_markup(parsed)]
    assert found == [("hashtags", "#atelier #coulisses", 4, 1, 0),
                     ("list-in-paragraph", "- visite", 7, 1, 0),
                     ("bullets", "• un ;", 13, 1, 0),
                     ("link-without-address", "[le guide]()", 20, 6, 0),
                     ("link-without-words", "[](https://example.org)", 20, 22, 0),
                     ("data-image", "data:image/png", 20, 51, 9)]


def test_a_first_heading_repeating_the_title_is_found() -> None:
    """Google Docs, Notion and Word export the title as the text's first line, `# Titre`: under the theme's own
    title, the page showed it twice. Its words count, not their case, accents, punctuation or markup."""
    from edcal.load.articles import misread_markup

    title = "Salon Industrie 2027 : retrouvez-nous stand B42"
    for body, written in [("\n# Salon industrie 2027 – Retrouvez-nous, stand B42\n\nTexte.\n",
                           "# Salon industrie 2027 – Retrouvez-nous, stand B42"),
                          ("# **SALON INDUSTRIE 2027 : RETROUVEZ-NOUS STAND B42** #\r\nTexte.\r\n",
                           "# **SALON INDUSTRIE 2027 : RETROUVEZ-NOUS STAND B42** #"),
                          ("Salon Industrie 2027 : retrouvez-nous stand B42\n=====\n\nTexte.\n",
                           "Salon Industrie 2027 : retrouvez-nous stand B42")]:
        assert markdown.markdown(body).startswith("<h1>"), body
        found = misread_markup(split_article(f"---\ntitle: {title!r}\n---\n" + body, "t.md"), title)
        assert [(m.kind, m.written, m.source.line, m.source.column) for m in found] == [
            ("title-heading", written, 4 + body.startswith("\n"), 1)], body
    # Another first heading, a heading below the text's first line, a second-level one: the writer's own.
    for body in ("# Le programme\n\nTexte.\n", "Texte.\n\n# Salon Industrie 2027 : retrouvez-nous stand B42\n",
                 "## Salon Industrie 2027 : retrouvez-nous stand B42\n",
                 "    # Salon Industrie 2027 : retrouvez-nous stand B42\n"):
        assert misread_markup(split_article("---\ntitle: T\n---\n" + body, "t.md"), title) == (), body
    # A long first line is read once: an expression trying a closing `#` after each of its spaces took minutes.
    started = time.process_time()
    assert misread_markup(split_article("---\ntitle: a b\n---\n# a" + " " * 100_000 + "b\n", "t.md"), "a b")
    assert time.process_time() - started < 1
    # An accent left out or typed apart (a Mac's decomposed à), another apostrophe: the same words.
    for heading in ("# Nos apprentis a l'honneur\n", "# Nos apprentis a\u0300 l'honneur\n"):
        found = misread_markup(split_article("---\ntitle: T\n---\n" + heading, "t.md"), "Nos apprentis à l’honneur")
        assert [m.kind for m in found] == ["title-heading"], heading


def test_a_callout_is_found() -> None:
    """Obsidian and GitHub show `> [!note]` as a box; the blog showed "[!note]" as written, in a plain quote."""
    from edcal.load.articles import misread_markup

    body = ("> [!note]\n> Fermé le lundi.\n\n> [!WARNING]- Attention au gel\r\n> Texte.\r\n\n"
            ">> [!tip] Astuce\n\n> Une [!citation] ordinaire, et [!lien](https://example.org/).\n\n"
            "```\n> [!note] en code\n```\n")
    assert "<p>[!note]" in markdown.markdown(body)
    found = misread_markup(split_article("---\ntitle: T\n---\n" + body, "t.md"))
    assert [(m.kind, m.written, m.source.line, m.source.column) for m in found] == [
        ("callout", "[!note]", 4, 3), ("callout", "[!WARNING]- Attention au gel", 7, 3),
        ("callout", "[!tip] Astuce", 10, 4)]


def _misread_in(body: str) -> list[tuple[str, str, int, int]]:
    """What `misread-markup` finds in an article of that body: kind, as written, line and column."""
    from edcal.load.articles import misread_markup

    found = misread_markup(split_article("---\ntitle: T\n---\n" + body, "t.md"))
    return [(m.kind, m.written, m.source.line, m.source.column) for m in found]


def test_a_wordpress_shortcode_is_found() -> None:
    """pelican-import leaves WordPress's shortcodes in the text: the blog showed "[gallery ids=…]" as written,
    and `edcal check` said nothing."""
    body = ("Quelques photos :\n\n[gallery ids=\"203,204\" columns=\"3\"]\n\n"
            '[caption id="attachment_202" width="800"]<img src="a.jpg" alt="Léa" /> Léa[/caption]\n\n'
            "Une [note] entre crochets, [un lien](https://example.org/), [réf][1], [embed]https://youtu.be/x[/embed]\n"
            '\n[contact-form-7 id="42" title="Devis"]\n\n```\n[gallery ids="1"]\n```\n\n[1]: https://example.org/\n')
    assert '<p>[gallery ids="203,204" columns="3"]</p>' in markdown.markdown(body)
    assert _misread_in(body) == [
        ("shortcode", '[gallery ids="203,204" columns="3"]', 6, 1),
        ("shortcode", '[caption id="attachment_202" width="800"]', 8, 1),
        ("shortcode", "[embed]", 10, 71),
        ("shortcode", '[contact-form-7 id="42" title="Devis"]', 12, 1)]


def test_french_prose_in_square_brackets_is_no_shortcode_and_a_plugins_pair_is() -> None:
    """`[voir page="2"]` in an article's prose was told a WordPress shortcode: any word followed by
    `name=` read as a plugin's. Only what WordPress leaves is told: its own and the usual plugins' names
    (`[wpforms id="12"]`, `[vc_row]`), with or without attributes, and any name closed by its `[/name]`."""
    body = ('Voir la suite [voir page="2"], [cf. note="3"] et [sic] ou [id=4].\n\n'
            '[wpforms id="12"]\n\n[vc_row full_width="stretch"][vc_column]Texte[/vc_column][/vc_row]\n\n'
            '[mon_bouton url="/contact/"]Écrivez-nous[/mon_bouton] et [note titre="x"] seul, [video][1].\n\n'
            '[1]: https://example.org/video\n')
    assert _misread_in(body) == [
        ("shortcode", '[wpforms id="12"]', 6, 1),
        ("shortcode", '[vc_row full_width="stretch"]', 8, 1),
        ("shortcode", "[vc_column]", 8, 30),
        ("shortcode", '[mon_bouton url="/contact/"]', 10, 1)]


def test_a_line_of_hashtags_is_found_in_a_file_saved_on_windows() -> None:
    """Markdown reads `\\r\\n` as a line end: the tags became a heading, but the check looked for `\\n` alone."""
    from edcal.load.articles import misread_markup

    body = "Texte.\r\n\r\n#atelier #coulisses\r\n"
    assert "<h1>atelier #coulisses</h1>" in markdown.markdown(body)
    found = misread_markup(split_article("---\r\ntitle: T\r\n---\r\n" + body, "t.md"))
    assert [(m.kind, m.written, m.source.line) for m in found] == [("hashtags", "#atelier #coulisses", 6)]


def test_a_list_below_a_headings_underline_or_a_rule_is_no_list_run_into_a_paragraph() -> None:
    """`Titre` then `=====`, or a rule, ends the paragraph: the list right below showed as a list on the blog,
    and misread-markup said the blog ran it into the paragraph."""
    from edcal.load.articles import misread_markup

    shown = ["Titre\n=====\n- un\n", "Titre\n-----\n- un\n", "Texte\n***\n- un\n", "Texte\n- - -\n- un\n",
             "Texte\r\n___\r\n- un\r\n"]
    for body in shown:
        assert "<li>un</li>" in markdown.markdown(body), body
        assert misread_markup(split_article("---\ntitle: T\n---\n" + body, "t.md")) == (), body
    run_on = split_article("---\ntitle: T\n---\nTitre\n=====\nTexte\n- un\n", "t.md")
    assert "<li>" not in markdown.markdown(run_on.body)
    assert [(m.kind, m.source.line) for m in misread_markup(run_on)] == [("list-in-paragraph", 7)]


@pytest.mark.parametrize("header", ["---\ntitle: T\n---\n", "Title: T\n\n"], ids=["yaml", "pelican"])
def test_indented_code_opening_the_text_is_code(header: str) -> None:
    """Markdown shows it as code: its example image was an image-missing error, its pasted data a warning."""
    from edcal.load.articles import linked_files, misread_markup

    body = "    ![exemple]({static}/images/nulle-part.png)\n    ![](data:image/png;base64,iVBORw0KGgo=)\n"
    assert markdown.markdown(body).startswith("<pre><code>")
    parsed = split_article(header + body, "content/articles/t.md")
    assert linked_files(parsed, "articles") == () and misread_markup(parsed) == ()


def test_links_to_content_files_are_found_where_pelican_resolves_them() -> None:
    """In link and image targets, reference definitions and quoted HTML attributes; not in code or plain text."""
    from edcal.load.articles import linked_files

    parsed = split_article("---\ntitle: T\n---\nVoir ![a]({static}/images/a.png \"titre\") et\n"
                           "[l'été]({filename}l'été.md#x), <img src='{static}b%20c.png'> |attach|../pdf/d.pdf\n"
                           '<a href="{attach}../pdf/mon fichier.pdf">pdf</a>\n'
                           "[ref]: {static}/images/ref.png\n"
                           "Écrivez `![t]({static}/images/votre-image.png)` pour une image.\n"
                           "```markdown\n[autre]({filename}/articles/autre.md)\n```\n",
                           "content/articles/t.md")
    found = [(f.written, f.target, f.source.line, f.source.column) for f in linked_files(parsed, "articles")]
    assert found == [("{static}/images/a.png", "images/a.png", 4, 11),
                     ("{filename}l'été.md#x", "articles/l'été.md", 5, 9),
                     ("{static}b%20c.png", "articles/b c.png", 5, 42),
                     ("{attach}../pdf/mon fichier.pdf", "pdf/mon fichier.pdf", 6, 10),
                     ("{static}/images/ref.png", "images/ref.png", 7, 8)]
    # Shown as code, or set aside in HTML: Pelican resolves none of them.
    examples = ("Pour insérer une image :\n\n    ![t]({static}/images/indent.png)\n\n- item\n\n"
                "        ![x]({static}/images/liste.png)\n\n<pre>\n![a]({static}/images/pre.png)\n</pre>\n"
                "Voir <code>[l]({filename}code.md)</code>.\n<!-- ![vieille]({static}/images/vieille.png) -->\n"
                "Écrivez `` `![x]({static}/images/ticks.png)` `` ici, ~~~ et ![vraie]({static}/images/vraie.png).\n")
    parsed = split_article("Title: T\n\n" + examples, "content/articles/t.md")
    assert [f.written for f in linked_files(parsed, "articles")] == ["{static}/images/vraie.png"]
    # A fence never closed is text to Markdown: the image after it is on the page (it was taken for code).
    parsed = split_article("Title: T\n\n```\nDu texte.\n\n![a]({static}/images/apres.png)\n", "content/articles/t.md")
    assert [f.written for f in linked_files(parsed, "articles")] == ["{static}/images/apres.png"]
    # Read as Markdown reads them: <…> with spaces, balanced parentheses, an image continuing a list item.
    links = ("[p](<{static}/docs/plan du stand.png>) et ![x]({static}/images/photo(1).png).\n\n"
             "1. Étape\n\n    ![oubli]({static}/images/manquante.png)\n")
    parsed = split_article("Title: T\n\n" + links, "content/articles/t.md")
    assert [f.target for f in linked_files(parsed, "articles")] == [
        "docs/plan du stand.png", "images/photo(1).png", "images/manquante.png"]


@pytest.mark.parametrize(("written", "meant"), [("Auteur", "author"), ("Mots-clés", "keywords"), ("Titre", "title"),
                                                ("Étiquettes", "tags")])
def test_a_field_written_in_french_points_at_the_articles_field(written: str, meant: str) -> None:
    """`auteur:` suggested `owner` (the person in charge), and following it gave "unknown person"."""
    from edcal.errors import ErrorCollector
    from edcal.load.articles import validate_article
    from helpers import PARIS_CALENDAR, calendar_from

    title = "" if written == "Titre" else "Title: T\n"
    errors = ErrorCollector()
    try:  # a name with accents is refused as a header field already
        parsed = split_article(f"{title}Date: 2027-01-12 09:00\n{written}: Ana\n\nTexte.\n", "content/articles/t.md")
    except InputErrors as exc:
        errors.extend(exc.errors)
    else:
        validate_article(parsed, calendar_from(PARIS_CALENDAR), frozenset(), errors)
    assert errors.errors and errors.errors[0].hint == f"did you mean '{meant}'?", [e.format() for e in errors.errors]


@pytest.mark.parametrize(("header", "expected"), [
    ("---\ntitle: “Soudure TIG ou MIG ?”\ndate: 2027-01-12 09:00\n---\n",
     "2:8: error: found title “Soudure TIG ou MIG ?”, between typographic quotes"),
    ("Title: T\nDate: 2027-01-12 09:00\nTags: “soudure, TIG”\n", "3:7: error: found tags “soudure, TIG”, between"),
    ("Title: T\nDate: 2027-01-12 09:00\nCategory: “Conseils”\n", "3:11: error: found category “Conseils”, between"),
    ("---\ntitle: T\ndate: 2027-01-12 09:00\ntags: soudure TIG et MIG pour l'inox et l'aluminium\n---\n",
     "4:7: error: found one tag of 8 words, 'soudure TIG et MIG pour l'inox et l'aluminium'; expected tags separated "
     "by commas\n    hint: e.g. tags: soudure, TIG, MIG, inox"),
    ("Title: T\nDate: 2027-01-12 09:00\nTags: #soudure #inox #TIG\n",
     "3:7: error: found tags '#soudure #inox #TIG', written as hashtags; expected words separated by commas\n"
     "    hint: write tags: soudure, inox, TIG"),
    ("---\ntitle: T\ndate: 2027-01-12 09:00\ntags: #soudure #inox #TIG\n---\n",
     "hint: write tags without #, separated by commas: tags: soudure, inox, TIG"),
    # The planning site calls an article with a date to come "scheduled": it is no status to write.
    ("---\ntitle: T\ndate: 2027-01-12 09:00\nstatus: scheduled\n---\n",
     "hint: an article is scheduled by its date: write status: published (or leave it out) and a date: in "
     "the future"),
    ("---\ntitle: T\ndate: 2027-01-12 09:00\nimage: //cdn.example.org/atelier.png\n---\n",
     "t.md:4:8: error: found '//cdn.example.org/atelier.png', an address without https:\n"
     "    hint: write the whole address: https://cdn.example.org/atelier.png"),
    # A typographic apostrophe for the underscore ended the header: the lines below were published.
    ("Title: T\nDate: 2027-01-12 09:00\nImage’alt: Un texte\nTags: atelier\n",
     "3:1: error: found the header field 'Image’alt', expected a name of letters a-z, digits, '_' and '-'\n"
     "    hint: did you mean 'image_alt'? a field's name has no apostrophe"),
    ("---\ntitle: T\ndate: 2027-01-12 09:00\nimage_alt’: Un texte\n---\n",
     "hint: did you mean 'image_alt'? a field's name has no apostrophe"),
    ("---\ntitle: T\ndate: 2027-01-12 09:00\nslug: escalier-🌀-helicoidal\n---\n",
     "4:7: error: found slug 'escalier-🌀-helicoidal', expected letters, digits and dashes\n"
     "    hint: write slug: escalier-helicoidal"),
    # pelican-import writes WordPress's slug as WordPress stores it, percent-encoded: "write slug:
    # bienvenue-a-l-c3-a9a" changed the article's address, and every link to it broke.
    ("Title: T\nDate: 2027-01-12 09:00\nSlug: bienvenue-a-l%c3%a9a\n",
     "3:7: error: found slug 'bienvenue-a-l%c3%a9a', expected letters, digits and dashes\n"
     "    hint: write slug: bienvenue-a-léa, its letters decoded (%c3%a9 is é): the address a browser asks for"),
    ("Title: T\nDate: 2027-01-12 09:00\nImage_alt: “Un atelier”\n",
     "3:12: error: found image_alt “Un atelier”, between typographic quotes"),
    ("---\ntitle: T\ndate: 2027-01-12 09:00\nimage: {static}/images/atelier.png\n---\n",
     "hint: a value starting with { must be quoted in YAML: write image: \"{static}/images/atelier.png\", "
     "or image: images/atelier.png"),
    # A zero-width space pasted from the web made a second "Conseils" in the menu, at categorie/con-seils/.
    ("---\ntitle: T\ndate: 2027-01-12 09:00\ncategory: Con\u200bseils\n---\n",
     "4:11: error: found category 'Con\u200bseils', with a zero-width space (U+200B) in it: the blog would list it "
     "apart from the same name without it, under the same-looking words\n    hint: it contains a zero-width space "
     "(U+200B) at character 4, which looks like a space or like nothing: retype it as a plain space, or delete it"),
    ("Title: T\nDate: 2027-01-12 09:00\nTags: soudure, in\u2060ox\n",
     "3:7: error: found tags 'in\u2060ox', with a word joiner (U+2060) in it"),
    # `title: |`: the page's title, the posts' "Lire l'article : …" and the events broke where the header did.
    ("---\ntitle: |\n  Portes ouvertes\n  le programme\ndate: 2027-01-12 09:00\n---\n",
     "2:8: error: found title on 2 lines ('Portes ouvertes' then 'le programme'), expected one line\n"
     "    hint: write it on one line, or fold its lines into one: title: >-"),
])
def test_what_a_web_editors_writer_slips_into_a_header_is_told(header: str, expected: str) -> None:
    """Each went through before: quotes kept in the title and tags, one tag #SoudureTIGEtMIGPourLInox…"""
    found = _header_errors(header)
    assert any(expected in e.format() for e in found), [e.format() for e in found]
    # What each hint says to write is accepted.
    fixed = {"“Soudure TIG ou MIG ?”": "Soudure TIG ou MIG ?", "“soudure, TIG”": "soudure, TIG",
             "“Conseils”": "Conseils", "soudure TIG et MIG pour l'inox et l'aluminium": "soudure, TIG, MIG, inox",
             "#soudure #inox #TIG": "soudure, inox, TIG", "{static}/images/atelier.png": "images/atelier.png",
             "//cdn.example.org/atelier.png": "https://cdn.example.org/atelier.png",
             "status: scheduled": "status: published", "Image’alt": "image_alt", "image_alt’": "image_alt",
             "“Un atelier”": "Un atelier", "escalier-🌀-helicoidal": "escalier-helicoidal", "bienvenue-a-l%c3%a9a": "bienvenue-a-léa",
             "Con\u200bseils": "Conseils", "in\u2060ox": "inox", "title: |": "title: >-"}
    for wrong, right in fixed.items():
        header = header.replace(wrong, right)
    assert not _header_errors(header), [e.format() for e in _header_errors(header)]


def _header_errors(header: str) -> list[Any]:
    """What reading an article of that header (and one line of text) tells, as `edcal check` would."""
    from edcal.errors import ErrorCollector
    from edcal.load.articles import validate_article
    from helpers import PARIS_CALENDAR, calendar_from

    errors = ErrorCollector()
    try:
        parsed = split_article(header + "\nTexte.\n", "content/articles/t.md")
    except InputErrors as exc:
        errors.extend(exc.errors)
    else:
        validate_article(parsed, calendar_from(PARIS_CALENDAR), frozenset(), errors)
    return errors.errors


@pytest.mark.parametrize(("header", "hint"), [
    ("Title: T\nDate: 2027-01-12 09:00\nSocial: {skip: oui}\n", "write true or false (oui/non are not understood)"),
    ("---\ntitle: T\ndate: 2027-01-12 09:00\nsocial: {linkedin: {skip: Faux}}\n---\n",
     "write true or false (vrai/faux are not understood)"),
])
def test_a_yes_or_no_in_french_where_true_or_false_is_expected_is_told(header: str, hint: str) -> None:
    """"found 'oui', expected true or false" came with no hint."""
    from edcal.errors import ErrorCollector
    from edcal.load.articles import validate_article
    from helpers import PARIS_CALENDAR, calendar_from

    errors = ErrorCollector()
    validate_article(split_article(header + "\nTexte.\n", "content/articles/t.md"), calendar_from(PARIS_CALENDAR),
                     frozenset(), errors)
    assert [e.hint for e in errors.errors] == [hint], [e.format() for e in errors.errors]


@pytest.mark.parametrize("header", [
    "Title: T\nDate: 2027-01-12 09:00\nSocial: {linkedin: “Notre pergola : posée en un jour”}\n",
    "---\ntitle: T\ndate: 2027-01-12 09:00\nsocial: {linkedin: « Notre pergola : posée en un jour »}\n---\n",
])
def test_typographic_quotes_in_social_get_the_advice_calendar_yaml_gets(header: str) -> None:
    """Only "a value containing ' : ' must be quoted" was said: the quotes, which look like quotes, were the slip."""
    from edcal.errors import ErrorCollector
    from edcal.load.articles import validate_article
    from helpers import PARIS_CALENDAR, calendar_from

    with pytest.raises(InputErrors) as caught:
        split_article(header + "\nTexte.\n", "content/articles/t.md")
    example = '{linkedin: "Notre pergola : posée en un jour"}'
    assert [e.hint for e in caught.value.errors] == [
        f'typographic quotes “ ” are not quotes to YAML: write straight quotes, e.g. {example}' if "“" in header
        # guillemets named as such; and, when they were meant, how to keep them
        else f'guillemets « » are not quotes to YAML: write straight quotes, e.g. {example} (or, to keep the '
             'guillemets in the text, {linkedin: "« Notre pergola : posée en un jour »"})']
    fixed = re.sub(r"\{linkedin: .*\}", '{linkedin: "Notre pergola : posée en un jour"}', header)
    errors = ErrorCollector()
    validate_article(split_article(fixed + "\nTexte.\n", "content/articles/t.md"), calendar_from(PARIS_CALENDAR),
                     frozenset(), errors)
    assert not errors.errors, [e.format() for e in errors.errors]


@pytest.mark.parametrize(("header", "hint", "fixed"), [
    ("Title: “Une pergola en acier”\nDate: 2027-01-12 09:00\n",
     "typographic quotes “…” are part of the text: write the value without them",
     "Title: Une pergola en acier\nDate: 2027-01-12 09:00\n"),
    ("---\ntitle: “Une pergola en acier”\ndate: 2027-01-12 09:00\n---\n",
     'typographic quotes “…” are part of the text: write the value without them (or with straight quotes "…")',
     '---\ntitle: "Une pergola en acier"\ndate: 2027-01-12 09:00\n---\n'),
])
def test_the_typographic_quotes_hint_proposes_only_what_the_header_accepts(header: str, hint: str,
                                                                           fixed: str) -> None:
    """`Title: "…"`, as the hint offered, was refused in turn: a `Key: value` header keeps straight quotes too."""
    from edcal.errors import ErrorCollector
    from edcal.load.articles import validate_article
    from helpers import PARIS_CALENDAR, calendar_from

    errors = ErrorCollector()
    validate_article(split_article(header + "\nTexte.\n", "content/articles/t.md"), calendar_from(PARIS_CALENDAR),
                     frozenset(), errors)
    assert [e.hint for e in errors.errors] == [hint], [e.format() for e in errors.errors]
    errors = ErrorCollector()
    validate_article(split_article(fixed + "\nTexte.\n", "content/articles/t.md"), calendar_from(PARIS_CALENDAR),
                     frozenset(), errors)
    assert not errors.errors, [e.format() for e in errors.errors]


@pytest.mark.parametrize(("header", "expected"), [
    ("Title:   \nDate: 2027-01-12 09:00\n", "t.md:1:10: error: found nothing, expected text"),
    ("---\ntitle: ''\ndate: 2027-01-12 09:00\n---\n", "t.md:2:8: error: found nothing, expected text"),
    ("---\ntitle: '  '\ndate: 2027-01-12 09:00\n---\n", "t.md:2:8: error: found only spaces, expected text"),
    # `title:` left empty, and YAML lists where one name goes: "found a list, expected text" said no more.
    ("---\ntitle:\ndate: 2027-01-12 09:00\n---\n", "t.md:2:7: error: found nothing, expected text\n    hint: write "
                                                  "the title on the same line, after `title:`"),
    ("---\ntitle: T\ndate: 2027-01-12 09:00\nauthor: [Marie Roux, Paul Morel]\n---\n",
     "4:9: error: found a list, expected text\n    hint: several authors go in `authors:`, comma-separated: "
     "`authors: Marie Roux, Paul Morel`"),
    ("---\ntitle: T\ndate: 2027-01-12 09:00\ncategory: [RH, Paie]\n---\n",
     "hint: an article has one category: `category: RH`; the other words can be tags: `tags: [Paie]`"),
    ("---\ntitle: T\ndate: 2027-01-12 09:00\ncategory: [RH]\n---\n", "hint: write it without brackets: `category: RH`"),
    # What Decap CMS, Jekyll or Hugo themes write.
    ("---\ntitle: T\ndate: 2027-01-12 09:00\ndraft: true\n---\n",
     "4:1: error: unknown field 'draft'\n    hint: write `status: draft` instead (Decap CMS's and Hugo's "
     "`draft: true`): the article stays offline"),
    # Decap CMS's toggle switched off: "write `status: draft`" told the writer to withhold a finished article.
    ("---\ntitle: T\ndate: 2027-01-12 09:00\ndraft: false\n---\n",
     "4:1: error: unknown field 'draft'\n    hint: an article is published by default, at its `date:`: delete "
     "the line (Decap CMS's and Hugo's `draft: false`)"),
    ("Title: T\nDate: 2027-01-12 09:00\nDraft: no\n", "hint: an article is published by default"),
    ("---\ntitle: T\ndate: 2027-01-12 09:00\ndescription: D\n---\n", "hint: did you mean 'summary'?"),
    ("---\ntitle: T\ndate: 2027-01-12 09:00\nthumbnail: images/a.png\n---\n", "hint: did you mean 'image'?"),
    ("Title: T\nDate: 2027-01-12 09:00\nLang: EN\n", "error: found 'EN', expected a language code such as fr, en or "
                                                   "en-GB\n    hint: write en"),
    ("Title: T\nDate: 2027-01-12 09:00\nLang: anglais\n", "hint: write en"),
    ("Title: T\nDate: 12 janvier 2027\n", "hint: dates are written with digits, year first: 2027-01-12"),
    # Quotes in a `Key: value` header are text: `<h1>""</h1>` went online.
    ('Title: ""\nDate: 2027-01-12 09:00\n', "1:8: error: found title \"\", between quotes, which a `Key: value` "
                                           "header keeps as part of the text\n    hint: write the title after the colon"),
    ("Title: 'Bonjour'\nDate: 2027-01-12 09:00\n", "hint: write Title: Bonjour"),
    # The tag `"acier` showed its quote on the page, at the address of `acier`.
    ('Title: T\nDate: 2027-01-12 09:00\nTags: "acier, inox\n', "3:7: error: found tags: \"acier, inox, with quotes or "
                                                               "brackets, which a `Key: value` header keeps as part "
                                                               "of each name\n    hint: write Tags: acier, inox"),
    ("Title: T\nDate: 2027-01-12 09:00\nTags: [acier, inox]\n", "hint: write Tags: acier, inox"),
    ("Title: T\nDate: 2027-01-12 09:00\nAuthors: 'Ana Lopes'\n", "hint: write Authors: Ana Lopes"),
    ('Title: T\nDate: 2027-01-12 09:00\nTags: soudure, "acier, inox"\n', "hint: write Tags: soudure, acier, inox"),
    # What `edcal new --tags '"soudure"'` wrote: the tag showed its quotes on its page.
    ("---\ntitle: T\ndate: 2027-01-12 09:00\ntags: ['\"soudure\"', inox]\n---\n",
     "4:7: error: found tags \"soudure\", inox, with quotes in a name: they would show on its page\n"
     "    hint: write tags: [soudure, inox]"),
    # Pelican takes any text but "false" as yes: `Translation: no` made a translation.
    ("Title: T\nDate: 2027-01-12 09:00\nTranslation: peut-être\n",
     "3:14: error: found 'peut-être', expected true or false\n    hint: write true or false (yes or no, oui or non)"),
])
def test_an_empty_title_and_other_generators_fields_are_told(header: str, expected: str) -> None:
    """An empty title was published: a page with an empty heading, a card without a name, `<title/>` in Atom."""
    from edcal.errors import ErrorCollector
    from edcal.load.articles import validate_article
    from helpers import PARIS_CALENDAR, calendar_from

    errors = ErrorCollector()
    validate_article(split_article(header + "\nTexte.\n", "content/articles/t.md"), calendar_from(PARIS_CALENDAR),
                     frozenset(), errors)
    assert len(errors.errors) == 1 and expected in errors.errors[0].format(), [e.format() for e in errors.errors]


@pytest.mark.parametrize("empty", ['""', "''", ""])
def test_an_image_left_empty_is_no_image(empty: str) -> None:
    """Decap CMS writes an image widget left empty as `image: ""`: "found the image ''" stopped the build, where
    every other field written empty is as if left out."""
    from edcal.errors import ErrorCollector
    from edcal.load.articles import validate_article
    from helpers import PARIS_CALENDAR, calendar_from

    errors = ErrorCollector()
    meta, _ = validate_article(split_article(f"---\ntitle: T\ndate: 2027-01-12 09:00\nimage: {empty}\n"
                                             "image_alt: ''\n---\nTexte.\n", "content/articles/t.md"),
                               calendar_from(PARIS_CALENDAR), frozenset(), errors)
    assert not errors.errors, [e.format() for e in errors.errors]
    assert meta is not None and meta.image is None


def test_a_tag_ending_in_an_inch_mark_is_a_tag() -> None:
    """`vis 1/4"` on a metalwork blog: a quote ending a name alone is no YAML quote."""
    from edcal.errors import ErrorCollector
    from edcal.load.articles import validate_article
    from helpers import PARIS_CALENDAR, calendar_from

    errors = ErrorCollector()
    meta, _ = validate_article(split_article('Title: T\nDate: 2027-01-12 09:00\nTags: tube 40x40, vis 1/4"\n\nTexte.\n',
                                             "content/articles/t.md"), calendar_from(PARIS_CALENDAR), frozenset(), errors)
    assert not errors.errors and meta is not None, [e.format() for e in errors.errors]


@pytest.mark.parametrize("title", ['"Zéro déchet" : l\'atelier "propre"', "'Tis the season, at l'atelier'"])
def test_quotes_inside_a_key_value_title_are_the_title(title: str) -> None:
    """Only a title wrapped whole in one pair of quotes is YAML's habit; quotes inside it are the writer's."""
    from edcal.errors import ErrorCollector
    from edcal.load.articles import validate_article
    from helpers import PARIS_CALENDAR, calendar_from

    errors = ErrorCollector()
    meta, _ = validate_article(split_article(f"Title: {title}\nDate: 2027-01-12 09:00\n\nTexte.\n",
                                             "content/articles/t.md"), calendar_from(PARIS_CALENDAR), frozenset(), errors)
    assert not errors.errors and meta is not None and meta.title == title


def test_a_wrong_date_is_told_with_an_unknown_field_in_one_run() -> None:
    """`draft: true` hid `date: 2026/11/12` until it was fixed: two runs for two slips."""
    from edcal.errors import ErrorCollector
    from edcal.load.articles import validate_article
    from helpers import PARIS_CALENDAR, calendar_from

    errors = ErrorCollector()
    validate_article(split_article("---\ntitle: T\ndate: 2026/11/12\ndraft: true\n---\nTexte.\n", "content/articles/t.md"),
                     calendar_from(PARIS_CALENDAR), frozenset(), errors)
    assert sorted(e.format().splitlines()[0] for e in errors.errors) == [
        "content/articles/t.md:3:7: error: found '2026/11/12', expected a date, YYYY-MM-DD, or a date and time, "
        "YYYY-MM-DD HH:MM (e.g. 2027-01-12 or 2027-01-12 09:00)",
        "content/articles/t.md:4:1: error: unknown field 'draft'"]


def test_the_date_decap_cms_writes_is_read() -> None:
    """`2026-11-17T10:00:00.000Z`, Decap CMS's own format, was refused without a hint."""
    import datetime as dt

    from edcal.errors import ErrorCollector
    from edcal.load.articles import validate_article
    from helpers import PARIS_CALENDAR, calendar_from

    errors = ErrorCollector()
    meta, _ = validate_article(split_article("---\ntitle: T\ndate: 2026-11-17T10:00:00.000Z\n---\n\nTexte.\n",
                                          "content/articles/t.md"), calendar_from(PARIS_CALENDAR), frozenset(), errors)
    assert not errors.errors and meta is not None
    assert meta.date == dt.datetime(2026, 11, 17, 10, tzinfo=dt.UTC)
    assert meta.date.astimezone(calendar_from(PARIS_CALENDAR).zone).hour == 11


DRAFT_HEADERS = {
    **{f"line break {x!r} in a value": f"Title: Secret\nDate: 2026-10-08 09:00{x}\nStatus: draft\n\nCorps.\n"
       for x in ("\r", "\x0b", "\x0c", "\x1c", "\x1e", "\x85", "\u2028", "\u2029")},
    "CR CR LF": "Title: Secret\r\nDate: 2026-10-08 09:00\r\r\nStatus: draft\r\n\r\nCorps.\r\n",
    "old Mac line ends": "Title: Secret\rDate: 2026-10-08 09:00\rStatus: draft\r\rCorps.\r",
    "indented --- in a YAML block": "---\ntitle: Secret\ndate: 2026-10-08 09:00\nsummary: |\n  Un.\n  ---\n  Deux.\n"
                                    "status: draft\n---\nCorps.\n",
    "no-break space before ':'": "Title: Secret\nDate: 2026-10-08 09:00\nStatus\u00a0: draft\n\nCorps.\n",
    "narrow no-break space": "Title: Secret\nDate: 2026-10-08 09:00\nStatus\u202f: draft\n\nCorps.\n",
    "zero-width space in the key": "Title: Secret\nDate: 2026-10-08 09:00\nStat\u200bus: draft\n\nCorps.\n",
    "full-width colon": "Title: Secret\nDate: 2026-10-08 09:00\nStatus\uff1adraft\n\nCorps.\n",
}


#: The headers read as written, ``Status: draft`` included; every other one is an error at the line that broke.
READ_AS_WRITTEN = ("line break '\\r' in a value", "CR CR LF", "old Mac line ends", "indented --- in a YAML block")


@pytest.mark.parametrize(("name", "text"), DRAFT_HEADERS.items(), ids=DRAFT_HEADERS.keys())
def test_a_draft_is_never_read_as_published_because_its_header_ended_early(name: str, text: str) -> None:
    """Each of these ended the header before `Status: draft`: the draft was published, its status as text."""
    from edcal.errors import ErrorCollector
    from edcal.load.articles import validate_article
    from helpers import PARIS_CALENDAR, calendar_from

    errors = ErrorCollector()
    meta = None
    try:
        parsed = split_article(text, "content/articles/t.md")
    except InputErrors as exc:
        errors.extend(exc.errors)
    else:
        meta, _ = validate_article(parsed, calendar_from(PARIS_CALENDAR), frozenset(), errors)
    if name in READ_AS_WRITTEN:
        assert not errors.errors, [e.format() for e in errors.errors]
        assert meta is not None and meta.status == "draft" and "draft" not in parsed.body
    else:  # refused, never published: "t.md:3:7: error: found a no-break space (U+00A0) in the header field…"
        assert meta is None
        assert [(e.source.line in (2, 3), e.message.startswith("found ")) for e in errors.errors] == [(True, True)], \
            [e.format() for e in errors.errors]


@pytest.mark.parametrize(("header", "expected"), [
    ("Title: Secret\nDate: 2027-03-25 09:00\nTags: a,\n    Status: draft\n",
     "content/articles/futur.md:4:5: error: found the header field 'Status' indented by 4 spaces: it continues the "
     "value of 'Tags' (line 3), and is no field\n"
     "    hint: write it at the start of its line, `Status: draft`"),
    ("Title: Secret\n\tDate: 2027-03-25 09:00\n",
     "content/articles/futur.md:2:2: error: found the header field 'Date' indented by a tab: it continues the value "
     "of 'Title' (line 1), and is no field\n"
     "    hint: write it at the start of its line, `Date: 2027-03-25 09:00`"),
])
def test_a_status_or_date_indented_under_another_field_is_an_error_at_its_line(site: Path, header: str,
                                                                              expected: str) -> None:
    """Indented by four spaces (or a tab), a header line continues the field above, as the meta extension reads it:
    `Status: draft` under `Tags:` became the tag 'a, Status: draft' and the draft went online; a `Date:` so made
    the title, and the error said the date was missing, at line 1."""
    (site / "content" / "articles" / "futur.md").write_text(header + "\nTexte.\n", encoding="utf-8")
    result = run_edcal("check", cwd=site, env={"EDCAL_LANG": "en"})
    assert result.returncode == 2, result.stdout
    assert result.stderr.startswith(expected + "\n"), result.stderr


@pytest.mark.parametrize("body", ["<!--" * 40000, "<pre " * 40000, "[a\n" * 40000, "[a " * 40000,
                                  "![a](" * 40000, "]( <" * 40000, 'href="' * 40000, "<a " * 40000,
                                  "<img " * 40000, "<img " * 40000 + "alt=x>"],
                         ids=["comments", "pre", "bracket lines", "brackets", "images", "angle links", "hrefs", "tags",
                              "img tags", "img tags, one alt"])
def test_a_body_of_40000_unclosed_openings_is_read_in_linear_time(body: str) -> None:
    """Each opening was searched to the end of a text that never closes it: a 160 kB article took a
    minute to check and two to build."""
    import time

    from edcal.load.articles import (
        first_paragraph_at,
        linked_files,
        page_links,
        plain_text,
        unlabelled_images,
    )

    parsed = split_article("Title: T\nDate: 2027-01-12 09:00\n\n" + body + "\n![x]({static}/x.png)\n", "content/a.md")
    started = time.process_time()
    linked_files(parsed, "articles")
    page_links(parsed, "articles")
    plain_text(first_paragraph_at(parsed.body)[0])
    plain_text(body)
    unlabelled_images(parsed)
    assert time.process_time() - started < 2


@pytest.mark.parametrize(("header", "expected"), [
    ("Social: {networks: {a: b}}", "3:20: error: found a mapping in `networks:`, expected a list"),
    ("Social: {linkedin: {image: {a: 1}}}", "3:28: error: found a mapping in `image:`, expected a path"),
    ("Social: {linkedin: {image: [a]}}", "3:28: error: found a list in `image:`"),
    ("__loc__: x", "3:1: error: found the key '__loc__', which edcal keeps for itself"),
])
def test_a_wrong_shape_in_social_is_told_in_words_not_as_internals(header: str, expected: str) -> None:
    """These printed edcal's own objects ("unknown network ''__loc__': Loc(source=…") or were taken silently."""
    from edcal.errors import ErrorCollector
    from edcal.load.articles import validate_article
    from helpers import PARIS_CALENDAR, calendar_from

    text = (f"Title: T\nDate: 2027-01-12 09:00\n{header}\n\nT.\n" if not header.startswith("__") else
            f"---\ntitle: T\n{header}\ndate: 2027-01-12 09:00\n---\nT.\n")
    errors = ErrorCollector()
    try:
        validate_article(split_article(text, "content/articles/t.md"), calendar_from(PARIS_CALENDAR), frozenset(),
                         errors)
    except InputErrors as exc:
        errors.extend(exc.errors)
    messages = [e.format() for e in errors.errors]
    assert any(expected in m for m in messages) and not any("Loc(" in m for m in messages), messages


@pytest.mark.parametrize(("social", "column"), [
    ('mastodon: "Un\\x00fil"', 13),
    ('mastodon: {text: "Un\\x1bfil"}', 20),
    ('linkedin: {first_comment: "Un\\x07mot"}', 29),
    ('linkedin: {image: images/a.png, alt: "Un\\x7fportail"}', 40),
    ('mastodon: {thread: [Un, "fil\\x00"]}', 27),
])
def test_a_control_character_in_social_is_an_error_as_in_calendar_yaml(social: str, column: int) -> None:
    """A NUL or an escape written in an article's `social:` (a text, a first comment, a reply) went as it was
    into the drafts, the review pages and the .ics feeds (no iCalendar reader takes a NUL), where
    calendar.yaml refuses it."""
    from edcal.errors import ErrorCollector
    from edcal.load.articles import validate_article
    from helpers import PARIS_CALENDAR, calendar_from

    calendar = calendar_from(PARIS_CALENDAR)
    errors = ErrorCollector()
    text = f"---\ntitle: T\ndate: 2027-01-12 09:00\nsocial:\n  {social}\n---\nT.\n"
    try:
        validate_article(split_article(text, "content/articles/t.md"), calendar, frozenset(), errors)
    except InputErrors as exc:
        errors.extend(exc.errors)
    messages = [e.format() for e in errors.errors]
    assert any(m.startswith(f"content/articles/t.md:5:{column}: error: found the control character U+")
               for m in messages), messages


@pytest.mark.parametrize("separator", ["\r", "\u2028", "\x0b"])
def test_a_line_break_character_inside_a_header_line_is_an_error(separator: str) -> None:
    """`Title: Secret\\rStatus: draft`: an editor shows two lines, Markdown reads one title, and the draft
    went online."""
    with pytest.raises(InputErrors) as caught:
        split_article(f"Title: Brouillon secret{separator}Status: draft\nDate: 2026-09-01 09:00\n\nCorps.\n",
                      "content/articles/t.md")
    assert caught.value.errors[0].format().startswith(
        f"content/articles/t.md:1:24: error: found a line-break character (U+{ord(separator):04X}) inside a header line")


@pytest.mark.parametrize("header", ["Tags: soudure TIG; inox brossé; portail coulissant",
                                    "---\ntags: [Salon de l'industrie de Lyon 2027]",
                                    "Save_as: .well-known/security.txt", "Save_as: _redirects"])
def test_what_pelican_takes_in_tags_and_save_as_is_taken(header: str) -> None:
    """Semicolon tags (Pelican's), a YAML list of one long tag, and Netlify's or security.txt's paths were refused."""
    from edcal.errors import ErrorCollector
    from edcal.load.articles import validate_article
    from helpers import PARIS_CALENDAR, calendar_from

    if header.startswith("---"):
        text = f"---\ntitle: T\ndate: 2027-01-12 09:00\n{header[4:]}\n---\nT.\n"
    else:
        text = f"Title: T\nDate: 2027-01-12 09:00\n{header}\n\nT.\n"
    errors = ErrorCollector()
    validate_article(split_article(text, "content/articles/t.md"), calendar_from(PARIS_CALENDAR), frozenset(), errors)
    assert not errors.errors, [e.format() for e in errors.errors]


@pytest.mark.parametrize(("date", "date_only"), [("2027-01-12", True), ("2027-01-12 00:00", False),
                                                 ("2027-01-12 09:00", False)])
def test_a_date_without_a_time_is_known_as_such(date: str, date_only: bool) -> None:
    """Its promotions go out at the day's slot; `00:00` written to the minute means midnight."""
    from edcal.errors import ErrorCollector
    from edcal.load.articles import validate_article
    from helpers import PARIS_CALENDAR, calendar_from

    errors = ErrorCollector()
    parsed = split_article(f"Title: T\nDate: {date}\n\nCorps.\n", "content/articles/t.md")
    meta, _ = validate_article(parsed, calendar_from(PARIS_CALENDAR), frozenset(), errors)
    assert not errors.errors and meta is not None
    assert meta.date_only is date_only
    assert meta.date is not None and meta.date.strftime("%H:%M") == (date[11:] or "00:00")


def test_front_matter_after_blank_lines_is_told_as_such() -> None:
    """It was read as text: the only message was "missing required field 'title'"."""
    with pytest.raises(InputErrors) as caught:
        split_article("\n\n---\ntitle: T\n---\nCorps.\n", "a.md")
    assert caught.value.errors[0].format().splitlines() == [
        "a.md:3:1: error: found front matter opened on line 3, after blank lines: it would be read as text, and "
        "the article would have no title", "    hint: remove the blank lines: '---' opens the front matter on line 1"]


@pytest.mark.parametrize(("text", "title"), [
    ("# Portes ouvertes 2027\n\nVenez nous voir.\n", "Portes ouvertes 2027"),
    ("# Portes ouvertes : 2027\n\nVenez.\n", '"Portes ouvertes : 2027"'),
    ("Venez nous voir samedi.\n", "…"),
])
def test_a_text_without_header_is_told_it_has_none(text: str, title: str) -> None:
    """A Notion export, a note pasted into a new file: the only message was "missing required field 'title'",
    and the writer looked for a title field she had never seen."""
    from edcal.errors import ErrorCollector
    from edcal.load.articles import validate_article
    from helpers import PARIS_CALENDAR, calendar_from

    errors = ErrorCollector()
    meta, _ = validate_article(split_article(text, "content/articles/portes.md"), calendar_from(PARIS_CALENDAR),
                               frozenset(), errors)
    assert meta is None and [error.format().splitlines() for error in errors.errors] == [[
        "content/articles/portes.md:1:1: error: found no header: the file starts with its text, expected a header "
        "first, with the article's title and date",
        f"    hint: write above the text, each on its own line: ---, title: {title}, date: 2027-01-12 09:00 (or "
        "status: draft), ---"]]


def test_an_empty_file_saved_by_mistake_is_told_as_empty(site: Path) -> None:
    """A web editor's "new file" committed before anything was typed (or a byte order mark and a line end):
    it was told "the file starts with its text", of a file without any; a page's, that it lacked a title."""
    from conftest import run_edcal

    (site / "content" / "articles" / "nouveau.md").write_bytes(b"\xef\xbb\xbf\r\n")
    (site / "content" / "pages" / "vide.md").write_bytes(b"")
    result = run_edcal("build", cwd=site, env={"EDCAL_LANG": "fr"})
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.replace("\u00a0", " ").splitlines()[:4] == [
        "content/articles/nouveau.md:1:1: error: trouvé un fichier vide, attendu : un article, avec un en-tête (son "
        "titre et sa date), puis son texte",
        "    hint: supprimez le fichier s'il a été enregistré par erreur ; sinon écrivez-y, chacun sur sa ligne : ---, "
        "title: …, date: 2027-01-12 09:00 (ou status: draft), ---, puis le texte",
        "content/pages/vide.md:1:1: error: trouvé un fichier vide, attendu : une page, avec un en-tête (son titre), "
        "puis son texte",
        "    hint: supprimez le fichier s'il a été enregistré par erreur ; sinon écrivez-y, chacun sur sa ligne : ---, "
        "title: …, ---, puis le texte"], result.stderr
    assert not (site / "output").exists() and not (site / "planning").exists()


@pytest.mark.parametrize(("field", "hint"), [
    ("Created time: January 10, 2027", "when the text was written, which the blog does not need: delete the line"),
    ("published: false", "write `status: draft` for a text not ready (Jekyll's `published: false`)"),
    ("aliases: [portes]", "an Obsidian property, which the blog does not read: delete the line"),
])
def test_another_tools_field_gets_the_advice_that_fits_it(field: str, hint: str) -> None:
    """A Notion export's `Created time:` was told to go in EDCAL_EXTRA_METADATA, as a theme's field would."""
    from edcal.errors import ErrorCollector
    from edcal.load.articles import validate_article
    from helpers import PARIS_CALENDAR, calendar_from

    errors = ErrorCollector()
    text = f"---\ntitle: Portes ouvertes\ndate: 2027-03-01 09:00\n{field}\n---\nTexte.\n"
    validate_article(split_article(text, "a.md"), calendar_from(PARIS_CALENDAR), frozenset(), errors)
    [error] = errors.errors
    assert error.hint.startswith(hint) and "EDCAL_EXTRA_METADATA" not in error.hint


@pytest.mark.parametrize(("status", "meant"), [
    ("Done", "published"), ("Not started", "draft"), ("In progress", "draft"), ("In review", "review"),
    ("terminé", "published"), ("Ready", "published"), ("to_do", "draft"), ("Brouillon", "draft"),
])
def test_notions_status_is_told_as_edcals(status: str, meant: str) -> None:
    """A Notion export's `Status: Done` was told "expected one of: draft, review, published, hidden", and the
    writer had to guess which one Notion's "Done" is."""
    from edcal.errors import ErrorCollector
    from edcal.load.articles import validate_article
    from helpers import PARIS_CALENDAR, calendar_from

    errors = ErrorCollector()
    text = f"Title: Portes ouvertes\nStatus: {status}\nOwner: personne\n\nTexte.\n"
    meta, _ = validate_article(split_article(text, "a.md"), calendar_from(PARIS_CALENDAR), frozenset(), errors)
    assert meta is None
    told = [error.format().splitlines() for error in errors.errors]
    assert told[0][0] == f"a.md:2:9: error: found '{status}', expected one of: draft, review, published, hidden"
    assert told[0][1].startswith(f"    hint: '{status}' says the text is ") and f"write `status: {meant}`" in told[0][1]
    # The rest of the header in the same run: the owner, and the date a finished text needs.
    assert [lines[0] for lines in told[1:]] == [
        *(["a.md:1:1: error: missing `date:` for a published article"] if meant == "published" else []),
        "a.md:3:8: error: unknown person 'personne'"]


@pytest.mark.parametrize(("status", "hint"), [
    ("future", "hint: 'future' is WordPress's scheduled post: write `status: published` and keep its `date:`; "
               "the article stays offline until then"),
    ("private", "hint: 'private' is read by the site's members only, and a static blog has none: write "
                "`status: draft` to keep it offline (`status: hidden` puts it online, at its address)"),
    # "Did you mean 'hidden'?" put a private text online at its address.
    ("privé", "hint: 'privé' is read by the site's members only, and a static blog has none: write "
              "`status: draft` to keep it offline (`status: hidden` puts it online, at its address)"),
])
def test_wordpress_statuses_are_told_as_edcals(status: str, hint: str) -> None:
    """pelican-import writes WordPress's own status words; `future` and `private` had no hint at all."""
    [error] = _header_errors(f"Title: Portes ouvertes\nDate: 2027-01-15 09:00\nStatus: {status}\n")
    assert error.format() == ("content/articles/t.md:3:9: error: found "
                              f"'{status}', expected one of: draft, review, published, hidden\n    {hint}")


def test_notions_published_is_edcals() -> None:
    """`Status: Published` is edcal's own status, whatever its case: no error."""
    from edcal.errors import ErrorCollector
    from edcal.load.articles import validate_article
    from helpers import PARIS_CALENDAR, calendar_from

    errors = ErrorCollector()
    text = "Title: Portes ouvertes\nStatus: Published\nDate: 2027-03-01 09:00\n\nTexte.\n"
    meta, _ = validate_article(split_article(text, "a.md"), calendar_from(PARIS_CALENDAR), frozenset(), errors)
    assert meta is not None and meta.status == "published" and not errors.errors


@pytest.mark.usefixtures("site_language")
def test_a_french_sites_article_errors_are_in_french(site: Path) -> None:
    """The team of a French site reads its articles' errors, hints included, in French."""
    articles = site / "content" / "articles"
    (articles / "ligne-vide.md").write_text("Title: Ligne vide\nDate: 2027-03-01 09:00\n\nStatus: draft\n\nCorps.\n",
                                            encoding="utf-8")
    (articles / "inconnus.md").write_text("Title: Inconnus\nDate: 2027-03-02 09:00\nOwner: camille-r\n"
                                          "Tags: #soudure #inox\n\nCorps.\n", encoding="utf-8")
    result = run_edcal("check", cwd=site)
    assert result.returncode == 2, result.stderr
    nbsp = "\u00a0"
    assert ("content/articles/ligne-vide.md:4:1: error: trouvé le champ d'en-tête 'Status' après une ligne vide"
            f"{nbsp}; l'en-tête se termine à la première ligne vide, et ce champ serait publié comme du texte\n"
            "    hint: supprimez la ligne vide (ligne 3)") in result.stderr
    assert ("content/articles/inconnus.md:3:8: error: personne 'camille-r' inconnue\n"
            "    hint: ajoutez-la sous `team:` dans calendar.yaml") in result.stderr
    assert (f"error: trouvé tags '#soudure #inox', écrit en hashtags{nbsp}; attendu{nbsp}: des mots séparés "
            "par des virgules\n    hint: écrivez tags: soudure, inox (les publications font leurs hashtags à partir "
            "des étiquettes)") in result.stderr


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", " "])
def test_a_first_header_line_with_a_space_before_its_colon_is_named(space: str) -> None:
    """`Title\\u00a0: …` on line 1 began no header: the error was a missing title, the space unnamed."""
    with pytest.raises(InputErrors) as raised:
        split_article(f"Title{space}: Un article\nDate: 2027-02-01 09:00\n\nCorps.\n", "content/articles/t.md")
    [error] = raised.value.errors
    assert (error.source.line, error.source.column) == (1, 6) and "'Title:'" in error.message, error.format()


def test_a_body_that_opens_with_a_colon_sentence_and_no_header_is_not_taken_for_a_field() -> None:
    parsed = split_article("Voici le programme : trois jours.\n", "content/pages/t.md")
    assert parsed.body.startswith("Voici le programme")


def test_a_page_s_status_in_other_words_is_told_as_a_page_s() -> None:
    """The hint spoke of the article's date and promotions: a page has neither."""
    from edcal.errors import ErrorCollector
    from edcal.load.articles import validate_article
    from helpers import PARIS_CALENDAR, calendar_from

    errors = ErrorCollector()
    validate_article(split_article("Title: À propos\nStatus: brouillon\n\nTexte.\n", "content/pages/a.md"),
                     calendar_from(PARIS_CALENDAR), frozenset(), errors, page=True)
    assert [error.format() for error in errors.errors] == [
        "content/pages/a.md:2:9: error: found 'brouillon', expected one of: draft, review, published, hidden\n"
        "    hint: 'brouillon' means `status: draft` for a page (published, hidden or draft: a page is not planned)"]


@pytest.mark.parametrize("command", ["check", "build"])
def test_an_article_s_and_a_page_s_header_errors_are_told_in_one_run(site: Path, command: str) -> None:
    """A page's error showed only in the run after the articles' were fixed: two runs for two typos."""
    (site / "content" / "articles" / "faute.md").write_text(
        "Title: Faute\nDate: 2027-02-30 09:00\n\nTexte.\n", encoding="utf-8")
    (site / "content" / "pages" / "faute.md").write_text(
        "Title: Page\nStatus: brouillon\n\nTexte.\n", encoding="utf-8")
    result = run_edcal(command, cwd=site)
    assert result.returncode == 2, result.stderr
    told = [line.split(": error:")[0] for line in result.stderr.splitlines() if ": error:" in line]
    assert told == ["content/articles/faute.md:2:7", "content/pages/faute.md:2:9"], result.stderr
    assert not (site / "output").exists() and "Traceback" not in result.stderr


@pytest.mark.parametrize(("field", "value", "hint"), [
    ("Save_as", "/a-propos.html", "save_as: a-propos.html"),
    ("Save_as", "../../index.html", "save_as: a-propos/index.html"),
    ("Url", "../a-propos/", "url: a-propos/"),
])
def test_a_page_address_outside_the_site_is_told_what_to_write(field: str, value: str, hint: str) -> None:
    """The refusal said only "expected a path inside the site": the writer was left to guess the form."""
    from edcal.errors import ErrorCollector
    from edcal.load.articles import validate_article
    from helpers import PARIS_CALENDAR, calendar_from

    errors = ErrorCollector()
    validate_article(split_article(f"Title: À propos\n{field}: {value}\n\nTexte.\n", "content/pages/a.md"),
                     calendar_from(PARIS_CALENDAR), frozenset(), errors, page=True)
    assert [error.format() for error in errors.errors] == [
        f"content/pages/a.md:2:{len(field) + 3}: error: found {field.lower()} '{value}', expected a path inside "
        f"the site\n    hint: write it from the site's root, without '..' or a leading '/': {hint}"]


@pytest.mark.parametrize("line", ["Nom : Jean Dupont, soudeur depuis vingt ans.", "Libellé : soudeur.",
                                  "Modèle : le portail Lyon, en acier."])
def test_a_text_opening_with_a_label_after_the_header_is_text(line: str) -> None:
    """calendar.yaml's French names for `name`, `title` and `template` made an article's first line (a
    portrait's "Nom : Jean Dupont") a header field refused, where it had been read as text."""
    parsed = split_article(f"Title: Portrait\nDate: 2027-03-01 09:00\n{line}\n", "content/articles/p.md")
    assert parsed.body.startswith(line.split(" :")[0])


def _social_of(social: str) -> tuple[Any, list[str]]:
    """An article's `social:` (YAML under the key) as the loader reads it, and its errors as printed."""
    from edcal.errors import ErrorCollector
    from edcal.load.articles import validate_article
    from helpers import PARIS_CALENDAR, calendar_from

    errors = ErrorCollector()
    text = f"---\ntitle: T\ndate: 2027-01-12 09:00\nsocial:\n  {social}\n---\nT.\n"
    meta = None
    try:
        meta, _ = validate_article(split_article(text, "content/articles/t.md"), calendar_from(PARIS_CALENDAR),
                                   frozenset(), errors)
    except InputErrors as exc:
        errors.extend(exc.errors)
    return (meta.social if meta is not None else None), [e.format() for e in errors.errors]


def test_an_image_an_article_to_come_names_in_its_social_stays_out_of_output(site: Path) -> None:
    """A Reel's cover named in a future article's `social:`, for a network none of its posts is on: no post
    kept it back, and output/images/ published the article's subject before its date."""
    article = site / "content" / "articles" / "futur.md"
    article.write_text(article.read_text(encoding="utf-8").replace(
        "image_alt: Image d'un article futur\n",
        "image_alt: Image d'un article futur\nsocial:\n  mastodon:\n    video: {file: videos/teaser.mp4, "
        "cover: images/reel-secret.png}\n"), encoding="utf-8")
    shutil.copy(site / "content" / "images" / "public.png", site / "content" / "images" / "reel-secret.png")
    (site / "content" / "videos").mkdir()
    (site / "content" / "videos" / "teaser.mp4").write_bytes(b"\0" * 64)
    result = run_edcal("build", cwd=site)
    assert result.returncode == 0, result.stderr
    assert not (site / "output" / "images" / "reel-secret.png").exists()
    assert not list((site / "output").rglob("teaser.mp4"))
    assert (site / "output" / "images" / "public.png").is_file()  # the published article's
    # Online, the article's files are the blog's.
    online = run_edcal("build", cwd=site, env={"EDCAL_NOW": "2027-03-26T10:00:00+01:00"})
    assert online.returncode == 0, online.stderr
    assert (site / "output" / "images" / "reel-secret.png").is_file()


def test_an_article_s_social_gives_a_network_a_video_and_a_note() -> None:
    """`video:` and `note:` in a network's `social:` entry, as calendar.yaml's posts take them: they were
    unknown fields there."""
    from edcal.model.article import Social
    from helpers import PARIS_CALENDAR, article, calendar_from, plan_of

    social, errors = _social_of("linkedin: {text: Visite, video: videos/visite.mp4, alt: Malik fait le tour, "
                                "note: Épinglez-la}")
    assert not errors and social is not None
    video = social.per_network["linkedin"].video
    assert (video.kind, video.path, video.alt, video.source.line) == ("video", "videos/visite.mp4",
                                                                      "Malik fait le tour", 5)
    social, errors = _social_of("linkedin: {video: {file: videos/visite.mp4, cover: images/visite.jpg, "
                                "subtitles: videos/visite.vtt, alt: La visite}}")
    assert not errors and social is not None
    calendar = calendar_from(PARIS_CALENDAR + "blog:\n  promote: {networks: [linkedin, x], "
                             "schedule: [at publication]}\n")
    plan = plan_of(calendar, [article("a", "2027-03-02T09:00", calendar, social=Social(
        per_network={"linkedin": dataclasses.replace(social.per_network["linkedin"], note="Épinglez-la")}))])
    posts = {item.network: item for item in plan.items if item.kind == "post"}
    shown = posts["linkedin"].media
    assert [(m.kind, m.path, m.cover, m.subtitles, m.alt) for m in shown] == [
        ("video", "videos/visite.mp4", "images/visite.jpg", "videos/visite.vtt", "La visite")]
    assert posts["linkedin"].note == "Épinglez-la"
    assert not posts["x"].media and posts["x"].note is None  # the article's wish is LinkedIn's alone


@pytest.mark.parametrize(("social", "expected"), [
    ("linkedin: {image: images/a.png, video: videos/a.mp4}",
     "content/articles/t.md:5:35: error: found both `video:` and `image:`, expected one\n"
     "    hint: a post shows either a video or images"),
    ("linkedin: {video: images/a.png}",
     "content/articles/t.md:5:21: error: found video 'images/a.png', expected a video file (.m4v, .mov, .mp4, "
     ".webm)\n    hint: an image goes under `image:`, e.g. image: images/a.png"),
    ("linkedin: {video: {file: ../a.mp4}}",
     "content/articles/t.md:5:28: error: found video path '../a.mp4', expected a path inside content/"),
    ("linkedin: {video: {file: a.mp4, alt: Un}, alt: Deux}",
     "content/articles/t.md:5:45: error: found `alt:` beside a video that has its own, expected one"),
    ("linkedin: {video: {file: a.mp4, legend: Un}}",
     "content/articles/t.md:5:35: error: unknown field 'legend'"),
    ("linkedin: {video: {file: a.mp4, subtitles: a.txt}}",
     "content/articles/t.md:5:46: error: found subtitles 'a.txt', expected a .vtt or .srt file"),
    ("linkedin: {alt: Un portail}",
     "content/articles/t.md:5:14: error: found `alt:` and no image: it describes nothing"),
    ("linkedin: {note: [a, b]}", "content/articles/t.md:5:20: error: found a list, expected text"),
    ("linkedin: {video: [a.mp4]}", "content/articles/t.md:5:21: error: found a list in `video:`, expected a path"),
    ("linkedin: {video: ''}", "content/articles/t.md:5:21: error: found an empty `video:`, expected a video file"),
])
def test_a_video_or_note_written_wrong_in_social_is_told_as_in_calendar_yaml(social: str, expected: str) -> None:
    _, errors = _social_of(social)
    assert any(error.startswith(expected) for error in errors), errors


@pytest.mark.parametrize(("header", "hint", "fixed"), [
    # YAML reads `#` as a comment: the list is left open. The hint said `hashtags: ["#Noël", "#Bûche"]`, and
    # following it (`tags: ["#escalier", "#inox"]`) gave a second error.
    ("---\ntitle: T\ndate: 2027-01-12 09:00\ntags: [#escalier, #inox]\n---\n",
     "write tags without #, separated by commas: tags: [escalier, inox] (posts make their hashtags from them)",
     "---\ntitle: T\ndate: 2027-01-12 09:00\ntags: [escalier, inox]\n---\n"),
    ("---\ntitle: T\ndate: 2027-01-12 09:00\ntags: [\"#escalier\", \"#inox\"]\n---\n",
     "write tags: [escalier, inox] (posts make their hashtags from the tags)",
     "---\ntitle: T\ndate: 2027-01-12 09:00\ntags: [escalier, inox]\n---\n"),
    # French guillemets, with the spaces French puts inside them: named as such, and the value without them.
    ("---\ntitle: «\u00a0Rampe d’escalier : acier ou inox ?\u00a0»\ndate: 2027-01-12 09:00\n---\n",
     'guillemets « » are not quotes to YAML: write straight quotes, e.g. title: "Rampe d’escalier : acier ou '
     'inox ?" (or, to keep the guillemets in the text, title: "«\u00a0Rampe d’escalier : acier ou inox ?\u00a0»")',
     '---\ntitle: "Rampe d’escalier : acier ou inox ?"\ndate: 2027-01-12 09:00\n---\n'),
    ("---\ntitle: « Rampe d’escalier : acier ou inox ? »\ndate: 2027-01-12 09:00\n---\n",
     'guillemets « » are not quotes to YAML: write straight quotes, e.g. title: "Rampe d’escalier : acier ou '
     'inox ?" (or, to keep the guillemets in the text, title: "« Rampe d’escalier : acier ou inox ? »")',
     '---\ntitle: "« Rampe d’escalier : acier ou inox ? »"\ndate: 2027-01-12 09:00\n---\n'),
    # Guillemets around a part of the title: the hint's first line, `title: "Portes ouvertes » : venez"`,
    # took off one of them; the whole value between straight quotes is what to write.
    ("---\ntitle: « Portes ouvertes » : venez\ndate: 2027-01-12 09:00\n---\n",
     'guillemets « » are not quotes to YAML around a part of the value: write the whole value between straight '
     'quotes, e.g. title: "« Portes ouvertes » : venez"',
     '---\ntitle: "« Portes ouvertes » : venez"\ndate: 2027-01-12 09:00\n---\n'),
    # Guillemets at both ends, around two parts: the hint took off the outer two, `"Zéro déchet » : l'atelier
    # « propre"`, a title with its guillemets turned inside out.
    ("---\ntitle: « Zéro déchet » : l'atelier « propre »\ndate: 2027-01-12 09:00\n---\n",
     'guillemets « » are not quotes to YAML around a part of the value: write the whole value between straight '
     'quotes, e.g. title: "« Zéro déchet » : l\'atelier « propre »"',
     '---\ntitle: "« Zéro déchet » : l\'atelier « propre »"\ndate: 2027-01-12 09:00\n---\n'),
    ("---\ntitle: “Portes ouvertes” : venez\ndate: 2027-01-12 09:00\n---\n",
     'typographic quotes “ ” are not quotes to YAML around a part of the value: write the whole value between '
     'straight quotes, e.g. title: "“Portes ouvertes” : venez"',
     '---\ntitle: "“Portes ouvertes” : venez"\ndate: 2027-01-12 09:00\n---\n'),
    # Typographic quotes at both ends, around two parts: the hint's value, the whole between straight quotes,
    # was refused at reading as a title between typographic quotes, whose hint took off the outer two.
    ("---\ntitle: “Zéro déchet” : l'atelier “propre”\ndate: 2027-01-12 09:00\n---\n",
     'typographic quotes “ ” are not quotes to YAML around a part of the value: write the whole value between '
     'straight quotes, e.g. title: "“Zéro déchet” : l\'atelier “propre”"',
     '---\ntitle: "“Zéro déchet” : l\'atelier “propre”"\ndate: 2027-01-12 09:00\n---\n'),
    ("Title: „Zéro déchet“ : l'atelier „propre“\nDate: 2027-01-12 09:00\n", None, None),
    # A French field and a French status: the whole line to write, not only "did you mean 'status'?".
    ("Title: T\nDate: 2027-01-12 09:00\nStatut: brouillon\n",
     "write the line `Status: draft`: the field is 'status', and 'brouillon' is written 'draft'",
     "Title: T\nDate: 2027-01-12 09:00\nStatus: draft\n"),
    ("---\ntitle: T\ndate: 2027-01-12 09:00\nstatut: En relecture\n---\n",
     "write the line `status: review`: the field is 'status', and 'En relecture' is written 'review'",
     "---\ntitle: T\ndate: 2027-01-12 09:00\nstatus: review\n---\n"),
])
def test_a_french_writers_header_slips_get_the_line_to_write(header: str, hint: str | None, fixed: str | None) -> None:
    """A writer's trial: each hint gave an example in other words, or a line the build refused again."""
    if hint is None:  # no slip: the header as written is right
        assert not _header_errors(header), [e.format() for e in _header_errors(header)]
        return
    assert [e.hint for e in _header_errors(header)] == [hint]
    assert not _header_errors(fixed), [e.format() for e in _header_errors(fixed)]


@pytest.mark.parametrize("header", ["Title: T\nDate: 2027-19-01 09:40\n", "---\ntitle: T\ndate: 2027-19-01 09:40\n---\n"])
def test_an_article_s_date_with_its_day_before_its_month_is_told_the_date_meant(header: str) -> None:
    """`date: 2027-19-01 09:40` was told there is no month 19, and not which date to write."""
    (found,) = _header_errors(header)
    assert found.format().splitlines()[1:] == ["    hint: the month comes before the day: 2027-01-19 09:40"], found.format()


@pytest.mark.parametrize(("social", "column", "name", "hint"), [
    ("{linkdin: Texte}", 4, "linkdin", "did you mean 'linkedin'?"),
    ("{vk: Texte}", 4, "vk", "set up: linkedin, mastodon, x"),
    ("{networks: [linkedin, vk]}", 25, "vk", "set up: linkedin, mastodon, x"),
])
def test_an_unknown_network_in_social_is_told_the_site_s_networks(social: str, column: int, name: str,
                                                                  hint: str) -> None:
    """`social: {vk: …}`, close to no network, was refused with no hint, where a near miss got its did you
    mean: the networks the article may name are the site's."""
    assert _social_of(social)[1] == [f"content/articles/t.md:5:{column}: error: unknown network '{name}' in "
                                     f"`social:`\n    hint: {hint}"]


def test_an_author_whose_name_two_team_members_share_is_told_to_name_the_owner() -> None:
    """Two people of the team named alike (`Camille Roux` twice): the article went, without a word, to the
    last one listed. Which of them is in charge is for the team to say, with `owner:`."""
    from edcal.errors import ErrorCollector
    from edcal.i18n import translator
    from edcal.load.articles import validate_article
    from helpers import PARIS_CALENDAR, calendar_from

    calendar = calendar_from(PARIS_CALENDAR.replace(
        "  - {id: ana, name: Ana}", "  - {id: camille, name: Camille Roux}\n  - {id: croux, name: camille  roux}"))
    errors = ErrorCollector()
    parsed = split_article("Title: T\nDate: 2027-01-12 09:00\nAuthors: Camille Roux\n\nTexte.\n",
                           "content/articles/t.md")
    meta, _ = validate_article(parsed, calendar, frozenset(), errors)
    # told once versions are paired (an original's; a translation takes its original's owner)
    assert not errors.errors and meta is not None and meta.owner is None and meta.shared_name is not None
    assert meta.shared_name.format() == (
        "content/articles/t.md:3:10: error: two people of the team are named 'Camille Roux' (camille, croux): "
        "edcal cannot tell which of them is in charge of the article\n"
        "    hint: write who is, by their id: owner: camille")
    assert meta.shared_name.message.translated(translator("fr")) == (
        "deux personnes de l'équipe s'appellent 'Camille Roux' (camille, croux)\u00a0: edcal ne peut pas savoir "
        "laquelle est responsable de l'article")
    errors = ErrorCollector()
    parsed = split_article("Title: T\nDate: 2027-01-12 09:00\nAuthors: Camille Roux\nOwner: croux\n\nTexte.\n",
                           "content/articles/t.md")
    meta, _ = validate_article(parsed, calendar, frozenset(), errors)
    assert not errors.errors and meta is not None and meta.owner == "croux"


def test_a_date_left_empty_by_a_web_editor_is_told_at_its_line() -> None:
    """Decap CMS writes `date: ''` for a date not chosen: the article set to `published` was told its date was
    missing at the title's line, while the header holds a `date:` line, the one to fill in."""
    from edcal.errors import ErrorCollector
    from edcal.load.articles import validate_article
    from helpers import PARIS_CALENDAR, calendar_from

    errors = ErrorCollector()
    text = "---\ntitle: Portes ouvertes\nstatus: published\ndate: ''\n---\nTexte.\n"
    meta, _ = validate_article(split_article(text, "a.md"), calendar_from(PARIS_CALENDAR), frozenset(), errors)
    assert meta is None
    assert [error.format().splitlines()[0] for error in errors.errors] == [
        "a.md:4:7: error: missing `date:` for a published article"]
