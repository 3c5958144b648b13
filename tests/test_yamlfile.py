"""The located YAML loader: what users type stays what they typed, errors say where."""

from __future__ import annotations

import pytest

from edcal.errors import InputErrors
from edcal.load.yamlfile import LOC_KEY, decode, load_yaml, strip_locs


def errors_of(text: str) -> list[str]:
    with pytest.raises(InputErrors) as caught:
        load_yaml(text, "calendar.yaml")
    return [e.format() for e in caught.value.errors]


def test_scalars_stay_as_typed() -> None:
    data = strip_locs(load_yaml("a: 12:30\nb: no\nc: 2027-01-12\nd: 0.20\ne: '1'\nf:\n", "c.yaml"))
    # YAML 1.1 would give 750, False, a date and 0.2: the schema decides, not the parser.
    assert data == {"a": "12:30", "b": "no", "c": "2027-01-12", "d": "0.20", "e": "1", "f": None}


def test_every_mapping_knows_where_its_keys_are() -> None:
    data = load_yaml("top:\n  first: 1\n  second: [a, b]\n", "calendar.yaml")
    loc = data["top"][LOC_KEY]
    assert (loc.key("second").line, loc.key("second").column) == (3, 3)
    assert (loc.item("second", 1).line, loc.item("second", 1).column) == (3, 15)


def test_duplicate_keys_are_errors_with_both_lines() -> None:
    messages = errors_of("networks:\n  x: {}\n  linkedin: {}\n  x: {}\n")
    assert messages == [
        "calendar.yaml:4:3: error: duplicate key 'x' (first defined at line 2)\n"
        "    hint: each key may appear once in a mapping; remove or rename one of them"
    ]


def test_a_list_written_twice_is_told_to_go_under_the_first() -> None:
    """In a crisis, the freeze pasted from the docs at the end of calendar.yaml, under a second `freeze:`, was
    told to "remove or rename one of them": renamed, it would be an unknown field, and removing one loses it."""
    messages = errors_of("freeze:\n  - {from: 2027-01-01, reason: a}\nposts: []\nfreeze:\n"
                         "  - {from: 2027-01-14 07:40, reason: b}\n")
    assert messages == [
        "calendar.yaml:4:1: error: duplicate key 'freeze' (first defined at line 1)\n"
        "    hint: both are lists: move this one's items under the first, at line 1, after its own items, and "
        "remove this line"
    ]


def test_object_constructing_tags_are_refused() -> None:
    messages = errors_of("a: !!python/object/apply:os.system ['true']\n")
    assert messages[0].startswith("calendar.yaml:1:4: error: YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed")


def test_syntax_error_is_located_with_a_hint() -> None:
    messages = errors_of("posts:\n  - text: Salon : J-7 : demain\n")
    assert messages[0].startswith("calendar.yaml:2:")
    assert "hint: a value containing ': ' must be quoted" in messages[0]


def test_a_colon_ending_a_value_is_told_to_quote_it() -> None:
    """`title: Salon Industrie 2027 :` (a French colon at the end) was told to compare its indentation."""
    messages = errors_of("posts:\n  - text: Salon Industrie 2027 :\n")
    assert 'hint: a value containing \': \' must be quoted, e.g. text: "Salon Industrie 2027 :"' in messages[0]


def test_the_quoted_example_keeps_french_no_break_spaces_as_typed() -> None:
    """The hint wrote `text: "Salon\\u00a0: J-7"`: valid YAML, a puzzle for the French writer it was for."""
    messages = errors_of("posts:\n  - text: Salon\u00a0: J-7 : demain\n")
    assert 'e.g. text: "Salon\u00a0: J-7 : demain"' in messages[0], messages[0]


def test_unclosed_quote_points_where_it_opens() -> None:
    messages = errors_of('a: 1\nb: "never closed\nc: 3\n')
    assert messages[0].startswith('calendar.yaml:2:4: error: found a quote " that is never closed')
    assert "never closed" in messages[0]


def test_merge_keys_work_and_explicit_keys_win() -> None:
    text = "base: &b {networks: [x], owner: ana}\npost:\n  <<: *b\n  owner: ben\n"
    data = strip_locs(load_yaml(text, "c.yaml"))
    assert data["post"] == {"networks": ["x"], "owner": "ben"}


def test_alias_bomb_is_refused_quickly() -> None:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for index in range(1, 9):
        previous = chr(ord("a") + index - 1)
        name = chr(ord("a") + index)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    messages = errors_of("\n".join(lines) + "\n")
    assert "expands to more than" in messages[0]


@pytest.mark.parametrize("value", ["{a: b " * 25000, "{a: “" * 37500, "{a: b " * 25000 + " : c"],
                         ids=["braces", "typographic quotes", "colon at the end"])
def test_a_long_line_of_unclosed_braces_gets_its_error_at_once(value: str) -> None:
    """The hint on a value with " : " in a `{…}` read the rest of the line from each `{`: a post's line
    of 150 kB got its error after 24 s."""
    import time

    started = time.process_time()
    errors = errors_of("posts:\n  - {id: a, text: " + value + "}\n")
    assert time.process_time() - started < 1
    assert errors[0].startswith("calendar.yaml:2:") and "expected ',' or '}'" in errors[0]
    assert ("hint: a value containing ' : ' must be quoted" in errors[0]) == value.endswith(" : c")


def test_recursive_alias_is_refused() -> None:
    messages = errors_of("a: &a [1, *a]\n")
    assert "refers to itself" in messages[0]


def test_bad_utf8_is_located() -> None:
    with pytest.raises(InputErrors) as caught:
        decode(b"a: 1\nb: caf\xe9\n", "calendar.yaml")
    assert caught.value.errors[0].format().startswith(
        "calendar.yaml:2:7: error: byte 0xe9 is not valid UTF-8; expected UTF-8 text"
    )


def test_a_file_saved_as_windows_1252_is_told_how_to_save_it_as_utf8() -> None:
    """Notepad's "ANSI" and Word's exports write 'é' as the byte 0xe9: "save the file as UTF-8" left the
    writer with a file that was, to their editor, already fine. A UTF-8 file with one pasted byte must not
    be reopened as Windows-1252 (its other accents would turn into 'Ã©')."""
    with pytest.raises(InputErrors) as caught:
        decode(b"title: Voeux\r\nresume: caf" + b"\xe9 \x93cr\xe8me\x94\r\n", "content/articles/a.md")
    assert caught.value.errors[0].format() == (
        "content/articles/a.md:2:12: error: byte 0xe9 is not valid UTF-8; expected UTF-8 text\n    hint: it reads "
        "'é' in Windows-1252 (Notepad's \"ANSI\"): the file was saved in that encoding; reopen it as Windows 1252 "
        "and save it as UTF-8 (VS Code: click the encoding in the status bar, then \"Reopen with Encoding\", then "
        "\"Save with Encoding\")")
    with pytest.raises(InputErrors) as caught:
        decode("title: Vœux\nresume: caf".encode() + b"\xe9\n", "content/articles/a.md")
    assert caught.value.errors[0].hint == ("it reads 'é' in Windows-1252: text pasted from another encoding into a "
                                           "UTF-8 file; retype that character")
    # Word's no-break space before a French colon, 0xa0, read ' ' between quotes: it is named.
    with pytest.raises(InputErrors) as caught:
        decode(b"title: Portes ouvertes\xa0: venez\r\n", "content/articles/a.md")
    assert caught.value.errors[0].format().startswith(
        "content/articles/a.md:1:23: error: byte 0xa0 is not valid UTF-8; expected UTF-8 text\n    hint: it reads "
        "a no-break space in Windows-1252 (Notepad's \"ANSI\"): the file was saved in that encoding;"), \
        caught.value.errors[0].format()


def test_a_file_saved_as_utf16_is_told_in_french_with_vs_codes_french_words() -> None:
    """The French hint for a UTF-16 file named VS Code's command in English ("Save with Encoding"), which the
    Windows-1252 hint beside it gives as the French VS Code shows it."""
    from edcal.i18n import translated, translator

    with pytest.raises(InputErrors) as caught:
        decode("title: Vœux\n".encode("utf-16"), "content/articles/a.md")
    hint = translated(caught.value.errors[0].hint, translator("fr"))
    assert "Enregistrer avec l'encodage" in hint and "Save" not in hint, hint


def test_a_byte_order_mark_is_tolerated() -> None:
    assert decode("\ufeffa: 1\n".encode(), "c.yaml") == "a: 1\n"


def test_the_mistakes_people_make_in_yaml_get_the_right_hint() -> None:
    hashtags = errors_of("campaigns:\n  - id: c\n    hashtags: [#Noël, #Bûche]\n    from: 2027-01-01\nfreeze: []\n")
    assert hashtags[0].startswith("calendar.yaml:3:16: error: invalid YAML: this list holds an unquoted '#'")
    assert 'hint: a hashtag in a list must be quoted, e.g. hashtags: ["#Christmas", "#Baking"]' in hashtags[0]
    # A value that starts with a hashtag: YAML reads a comment and an empty value; the text would be lost.
    glued = errors_of("posts:\n  - id: a\n    variants:\n      x:\n        text: #PortesOuvertes samedi\n")
    assert glued == ["calendar.yaml:5:15: error: found '#PortesOuvertes samedi', which YAML reads as a comment, "
                     "so this value is empty; expected text\n    hint: quote a value that starts with '#', e.g. "
                     "\"#PortesOuvertes samedi\" (a comment is written '# like this')"]
    assert errors_of("c:\n  hashtags:\n    - #Noël\n")[0].startswith("calendar.yaml:3:7: error: found '#Noël'")
    assert strip_locs(load_yaml("c:\n  owner: # to be decided\n  d: #\n", "c.yaml")) == {"c": {"owner": None, "d": None}}
    after = errors_of("posts:\n  - id: a\n    text: Venez samedi #JPO\n")
    assert after[0].startswith("calendar.yaml:3:24: error: found '#JPO' after the value, which YAML reads as a "
                               "comment, so it is not part of the value")
    assert 'hint: quote the whole value to keep the hashtag, e.g. "… #JPO"' in after[0]
    # Quoted already, but with quotes YAML does not know: "quote it" would send the writer round in circles.
    curly = errors_of("posts:\n  - id: a\n    text: “Venez au salon ! #Métallerie”\n")
    assert curly[0].startswith("calendar.yaml:3:29: error: found '#Métallerie”' after the value")
    assert ("hint: typographic quotes “ ” « » are text to YAML, not quotes: write the whole value between straight "
            'quotes to keep the hashtag, e.g. "… #Métallerie"') in curly[0]
    # After a date, a time, a slot or a number, a comment takes nothing from the value.
    assert strip_locs(load_yaml("at: 2027-03-02 10:00 #matin\nslot: tue 09:00 #x\nn: 3 #x\nc: 2/week #x\n",
                                "c.yaml")) == {"at": "2027-03-02 10:00", "slot": "tue 09:00", "n": "3", "c": "2/week"}
    kept = "a: ok # a comment\nb: [x, y] # another\nc: |\n  ligne #x\nd: a#b\ne: 'x #y'\n"
    assert strip_locs(load_yaml(kept, "c.yaml")) == {"a": "ok", "b": ["x", "y"], "c": "ligne #x\n", "d": "a#b",
                                                     "e": "x #y"}
    unclosed_list = errors_of("a: 1\ntags: [soudure, acier\nb: 2\n")
    assert unclosed_list[0].startswith("calendar.yaml:2:7: error: found '[' that is never closed")
    assert "hint: close it with ']' on the same line" in unclosed_list[0]
    # A list written over several lines on purpose is not taken for an unclosed one.
    assert "is not closed" not in errors_of("tags: [a,\n       b: c: d]\n")[0]
    flow_colon = errors_of("posts:\n  - {id: a, text: Salon : J-7}\n")
    assert 'hint: a value containing \' : \' must be quoted, e.g. {text: "Salon : J-7"}' in flow_colon[0]
    # A comment after a closed list is no unquoted hashtag: the hint is for a `#` inside an open bracket.
    unclosed = errors_of('tags: ["#a"]  # pas ici, #non\nb: {x: 1\nc: 2\n')
    assert "unquoted '#'" not in unclosed[0]
    in_flow = errors_of("posts:\n  - {id: a, text: #JPO samedi}\n  - {id: b}\n")
    assert in_flow[0].startswith("calendar.yaml:2:19: error: invalid YAML: this mapping holds an unquoted '#'")
    assert 'hint: quote a value that starts with \'#\', e.g. {text: "#OpenDay Saturday"}' in in_flow[0]
    tab = errors_of("team:\n  - id: a\n\tname: A\n")
    assert tab[0].startswith("calendar.yaml:3:") and "hint: indent with spaces, not tabs" in tab[0]
    after_dash = errors_of("posted:\n  - a-linkedin\n  -\tb-linkedin\n")  # the dash typed, then Tab
    assert after_dash[0].startswith("calendar.yaml:3:4:") and "hint: indent with spaces, not tabs" in after_dash[0]
    indented = errors_of("posts:\n  - id: a\n    image: x.png\n      alt: Une photo\n")
    assert indented[0].startswith("calendar.yaml:4:")
    assert "hint: this line is indented 6 spaces and line 3 above it 4 spaces: the keys of one mapping line up" \
        in indented[0]


def test_a_quoting_hint_is_yaml_that_reads_back() -> None:
    """`text: Il dit "stop": fin` was told to write `text: "Il dit "stop": fin"`, itself invalid."""
    import yaml

    hint = errors_of('posts:\n  - text: Il dit "stop": fin\n')[0].split("e.g. ", 1)[1]
    assert yaml.safe_load(hint) == {"text": 'Il dit "stop": fin'}


def test_indentation_hints_read_lists_and_texts_as_such() -> None:
    """A list item's dash was measured as a key, and a `|` text's lines taken for keys."""
    dash = errors_of("tags:\n  - a\n - b\n")
    assert "hint: this item's dash is indented 1 space and the dash of line 2 above it 2 spaces: the items" in dash[0]
    text = errors_of("posts:\n  - id: a\n    text: |\n      hello\n        world\n   when: 2027-01-12\n")
    assert "hint: this line is indented 3 spaces and line 3 above it 4 spaces" in text[0]


def test_hints_look_past_quoted_text() -> None:
    brace = errors_of('posts:\n  - {text: "Salon, #Lyon", at: 2027-01-05\n  - {text: b}\n')
    assert "unquoted '#'" not in brace[0] and "hashtag" not in brace[0]
    quoted = errors_of('posts:\n  - id: a\n    image: x.png\n      alt: "Salon : J-7"\n')
    assert "hint: this line is indented 6 spaces and line 3 above it 4 spaces" in quoted[0]


def test_libyaml_s_context_is_said_in_french_too() -> None:
    """A French site read "(while scanning for the next token)" after its French message."""
    from edcal.errors import InputErrors
    from edcal.i18n import translator
    from edcal.load.yamlfile import load_yaml

    with pytest.raises(InputErrors) as raised:
        load_yaml("a: [b, c: d: e]\n", "calendar.yaml")  # a mistake no rule knows: the parser's words
    said = raised.value.errors[0].message.translated(translator("fr"))
    assert said == "YAML invalide\u00a0: ',' ou ']' attendu introuvable (en lisant une liste entre crochets)", said


def test_hashtag_hints_give_english_examples_and_french_ones_in_french() -> None:
    """An English team read `{text: "#PortesOuvertes samedi"}` beside `["#Christmas", "#Baking"]`."""
    from edcal.i18n import translated, translator

    with pytest.raises(InputErrors) as caught:
        load_yaml("posts:\n  - {id: a, text: #JPO samedi}\n", "calendar.yaml")
    hint = caught.value.errors[0].hint
    assert hint == 'quote a value that starts with \'#\', e.g. {text: "#OpenDay Saturday"}'
    assert translated(hint, translator("fr")) == \
        'mettez entre guillemets une valeur qui commence par \'#\', par exemple {text: "#PortesOuvertes samedi"}'


def test_a_next_line_character_is_an_error_not_a_space() -> None:
    """U+0085 (what a '…' of Windows-1252 becomes when read as Latin-1) is a line break to YAML: in a post's text it
    became a space without a word, though the same character written "\\x85" is refused."""
    with pytest.raises(InputErrors) as caught:
        load_yaml("posts:\n  - id: a\n    text: Et puis\x85 voilà\n", "calendar.yaml")
    [error] = caught.value.errors
    assert error.format().startswith("calendar.yaml:3:18: error: found the control character U+0085, which YAML "
                                     "reads as a line break\n    hint: remove it: it is often a '…'")


@pytest.mark.parametrize(("written", "code"), [
    ("C:\\Photos", "2029"), ("C:\\Lettres", "2028"), ("C:\\Nouveau", "0085"), ("C:\\_old", "00A0"),
    ("C:\\archives", "0007"), ("C:\\backup", "0008"), ("C:\\export", "001B"), ("C:\\factures", "000C"),
    ("C:\\videos", "000B"), ("C:\\0-photos", "0000"), ("C:\\rapports", "000D"),
])
def test_a_backslash_code_no_writer_means_is_an_error_at_the_backslash(written: str, code: str) -> None:
    """`"C:\\Photos"` is valid YAML whose \\P is U+2029, an invisible paragraph separator: a Windows path
    lost its backslash and its letter without a word (`"C:\\Dossier"`, an unknown code, was already told)."""
    letter = written[3]
    assert errors_of(f'a: 1\nb: "{written}"\n') == [
        f"calendar.yaml:2:7: error: found '\\{letter}' in a value between double quotes, which YAML reads as the "
        f"character U+{code}, not as a backslash and '{letter}'\n"
        "    hint: write the backslash twice (\\\\), or put the value between single quotes"]


def test_backslash_codes_a_writer_means_stay_and_each_code_no_one_means_is_told_at_its_line() -> None:
    meant = r'"Ligne 1\nLigne 2\tcolonne \"cité\" \\ \u00e9 \x41 fin\r\n" '
    data = strip_locs(load_yaml(f"a: {meant}\nb: \"un \\\n  deux\"\nc: 'C:\\Photos'\n", "calendar.yaml"))
    assert data == {"a": 'Ligne 1\nLigne 2\tcolonne "cité" \\ é A fin\r\n', "b": "un deux", "c": "C:\\Photos"}
    assert [e.partition(": error:")[0] for e in errors_of('a: "C:\\\\Photos\\Noël\n  \\Lettres"\n')] == [
        "calendar.yaml:1:15", "calendar.yaml:2:3"]


CALENDAR = "version: 1\ntimezone: Europe/Paris\nnetworks:\n  linkedin: {}\nposts:\n  - id: a\n"
ARTICLE = "---\ntitle: Bonjour\ndate: 2027-01-10\n---\nTexte.\n"
#: The mistakes a writer makes in calendar.yaml (line 7 on) or an article's front matter, and what
#: `edcal check` says of them: where the mistake is, what was found, what was expected, and the fix.
WRITERS_MISTAKES = [
    ("calendar.yaml", "    text: Portes ouvertes : le programme\n",
     "calendar.yaml:7:27: error: found ': ' inside the value of 'text', which YAML reads as a second key; expected "
     "the value between straight quotes\n"
     "    hint: a value containing ': ' must be quoted, e.g. text: \"Portes ouvertes : le programme\""),
    ("article", "---\ntitle: Portes ouvertes : le programme\ndate: 2027-01-10\n---\nTexte.\n",
     "content/articles/a.md:2:24: error: found ': ' inside the value of 'title', which YAML reads as a second key; "
     "expected the value between straight quotes\n"
     "    hint: a value containing ': ' must be quoted, e.g. title: \"Portes ouvertes : le programme\""),
    # A line break forgotten, or a comma for one (in a crisis, on a phone): not a value to quote.
    ("calendar.yaml", "    at: 2027-01-14 07:40 networks: [linkedin]\n",
     "calendar.yaml:7:34: error: found the field 'networks' on the line of 'at'; expected each field on a line of "
     "its own\n"
     "    hint: put 'networks:' on the next line, under 'at:' (or write the entry between braces: "
     "- {at: …, networks: …})"),
    ("calendar.yaml", "    at: 2027-01-14 07:40, networks: [linkedin]\n",
     "calendar.yaml:7:35: error: found the field 'networks' on the line of 'at'; expected each field on a line of "
     "its own\n"
     "    hint: put 'networks:' on the next line, under 'at:' (or write the entry between braces: "
     "- {at: …, networks: …})"),
    ("calendar.yaml", "    text: Rappel: on suspend tout\n",  # a colon of English typography in a text
     "calendar.yaml:7:17: error: found ': ' inside the value of 'text', which YAML reads as a second key; expected "
     "the value between straight quotes\n"
     "    hint: a value containing ': ' must be quoted, e.g. text: \"Rappel: on suspend tout\""),
    # A text that starts with a day or an id, and whose word before its colon is no field: a text to quote.
    ("calendar.yaml", "    text: 2027-01-14 incendie: atelier fermé\n",
     "calendar.yaml:7:30: error: found ': ' inside the value of 'text', which YAML reads as a second key; expected "
     "the value between straight quotes\n"
     "    hint: a value containing ': ' must be quoted, e.g. text: \"2027-01-14 incendie: atelier fermé\""),
    ("calendar.yaml", "\tat: 2027-01-12 09:00\n",
     "calendar.yaml:7:1: error: found a tab in this line's indentation; expected spaces\n"
     "    hint: indent with spaces, not tabs"),
    ("calendar.yaml", "    networks: [linkedin]\n  -id: b\n    at: 2027-01-12 09:00\n",
     "calendar.yaml:8:3: error: found '-id:' with no space after the dash; expected '- id:', a list's item\n"
     "    hint: write a space after the dash: - id: …"),
    ("article", "---\ntitle:Bonjour\ndate: 2027-01-10\n---\nTexte.\n",
     "content/articles/a.md:2:6: error: found 'title:' glued to its value; expected a space after the colon\n"
     "    hint: write a space after 'title:' (title: Bonjour)"),
    ("calendar.yaml", '    text: "Bonjour\n    at: 2027-01-12 09:00\n  - id: b\n    text: Salut\n',
     'calendar.yaml:7:11: error: found a quote " that is never closed; expected a closing " at the end of the value\n'
     "    hint: close the quote on the same line, or use `|` for text on several lines"),
    ("article", '---\ntitle: "Bonjour\ndate: 2027-01-10\n---\nTexte.\n',
     'content/articles/a.md:2:8: error: found a quote " that is never closed; expected a closing " at the end of '
     "the value\n    hint: close the quote on the same line, or use `|` for text on several lines"),
    ("calendar.yaml", "    text: 'L'atelier ouvre'\n",
     "calendar.yaml:7:13: error: found an apostrophe inside a value written between single quotes, which ends the "
     "value there; expected the whole value between the quotes\n"
     "    hint: write the whole value between double quotes, e.g. text: \"L'atelier ouvre\""),
    ("calendar.yaml", '    text: "Portes ouvertes" samedi\n',
     "calendar.yaml:7:27: error: found text after the closing quote of the value of 'text'; expected the whole "
     "value between the quotes\n"
     "    hint: write the whole value between single quotes, e.g. text: '\"Portes ouvertes\" samedi'"),
    # A quote left open in a list on one line, which an apostrophe lines below closes: told where it opens.
    ("calendar.yaml", "    networks: ['linkedin, x]\n    at: 2027-01-12 09:00\n    text: Venez à l'atelier samedi\n",
     "calendar.yaml:7:16: error: found a quote ' that is never closed; expected a closing ' at the end of the value\n"
     "    hint: close the quote on the same line, or use `|` for text on several lines"),
    # A bracket left open before a blank line or a comment: told at the bracket, as before the next key.
    ("calendar.yaml", "    networks: [linkedin\n\n    # Le jour du salon\n    at: 2027-01-12 09:00\n",
     "calendar.yaml:7:15: error: found '[' that is never closed; expected ']' at the end of the line\n"
     "    hint: close it with ']' on the same line, or quote a value that contains ',' or ': '"),
    # Quotes inside a value between double quotes: those around it are the writer's, not the text's.
    ("calendar.yaml", '    text: "Il a dit "stop" puis"\n',
     "calendar.yaml:7:21: error: found text after the closing quote of the value of 'text'; expected the whole "
     "value between the quotes\n"
     "    hint: write the whole value between single quotes, e.g. text: 'Il a dit \"stop\" puis'"),
    ("calendar.yaml", '    text: "Portes ouvertes" "samedi"\n',
     "calendar.yaml:7:27: error: found text after the closing quote of the value of 'text'; expected the whole "
     "value between the quotes\n"
     "    hint: write the whole value between single quotes, e.g. text: '\"Portes ouvertes\" \"samedi\"'"),
    ("article", "---\ntitle: Bonjour\ntags: [soudure, acier\ndate: 2027-01-10\n---\nTexte.\n",
     "content/articles/a.md:3:7: error: found '[' that is never closed; expected ']' at the end of the line\n"
     "    hint: close it with ']' on the same line, or quote a value that contains ',' or ': '"),
    ("calendar.yaml", "    owner: *ana\n",
     "calendar.yaml:7:12: error: found '*ana', which YAML reads as a reference to a block marked '&ana', and no "
     "block is; expected text between quotes\n"
     "    hint: put the value between quotes, e.g. owner: \"*ana\" (or, to repeat a block, mark it '&ana' where it "
     "is first written)"),
    ("calendar.yaml", "    text: *Nouveau* : le portail\n",
     "calendar.yaml:7:11: error: found '*' at the start of a value, which YAML reads as a reference; expected text "
     "between quotes\n    hint: put the value between quotes, e.g. text: \"*Nouveau* : le portail\""),
    ("calendar.yaml", "    text: @atelier vous attend\n",
     "calendar.yaml:7:11: error: found '@' at the start of a value, a character YAML keeps for itself; expected "
     "the value between quotes\n"
     "    hint: a value starting with @ must be quoted, e.g. text: \"@atelier vous attend\""),
    ("calendar.yaml", '    text: "Le dossier C:\\Dossier"\n',
     "calendar.yaml:7:25: error: found '\\D' in a value between double quotes, where a backslash starts a code "
     "such as \\n; expected a known code\n"
     "    hint: write the backslash twice (\\\\), or put the value between single quotes"),
    # A backslash code YAML knows, which no writer means: `\P` became a paragraph separator (U+2029) silently.
    ("calendar.yaml", '    text: "Les photos sont dans C:\\Photos"\n',
     "calendar.yaml:7:35: error: found '\\P' in a value between double quotes, which YAML reads as the character "
     "U+2029, not as a backslash and 'P'\n"
     "    hint: write the backslash twice (\\\\), or put the value between single quotes"),
    ("calendar.yaml", '    text: "Dossier C:\\_archives"\n',
     "calendar.yaml:7:22: error: found '\\_' in a value between double quotes, which YAML reads as the character "
     "U+00A0, not as a backslash and '_'\n"
     "    hint: write the backslash twice (\\\\), or put the value between single quotes"),
    ("calendar.yaml", "    text: | Venez nous voir\n",
     "calendar.yaml:7:13: error: found text after '|' or '>' on its line; expected the text on the lines below it\n"
     "    hint: put the text on the next lines, indented further than 'text:'"),
    ("calendar.yaml", "    at: 2027-01-12 09:00\n- id: b\n",
     "calendar.yaml:8:1: error: found a list item ('- …') among the keys of a mapping; expected 'key: value'\n"
     "    hint: if this item belongs to the list of line 6, indent its dash as that line's (2 spaces)"),
    ("calendar.yaml", "    at: 2027-01-12 09:00\n   networks: [linkedin]\n",
     "calendar.yaml:8:4: error: found a line indented out of line with the lines around it; expected the lines of "
     "one level one under the other\n"
     "    hint: this line is indented 3 spaces and line 7 above it 4 spaces: the keys of one mapping line up, one "
     "under the other"),
    ("calendar.yaml", "    text: Venez nous voir\n    samedi à l'atelier\n    at: 2027-01-12 09:00\n",
     "calendar.yaml:8:5: error: found 'samedi à l'atelier' among the keys of a mapping, with no 'key:' before "
     "it; expected 'key: value'\n"
     "    hint: if this line goes on with the value of 'text' above, indent it further than 'text:' (or put the "
     "value on one line); otherwise write it as `key: value`"),
    ("calendar.yaml", "    text: |\n    Venez nous voir\n",
     "calendar.yaml:8:5: error: found 'Venez nous voir' among the keys of a mapping, with no 'key:' before it; "
     "expected 'key: value'\n"
     "    hint: indent the lines of the text after 'text: |' further than 'text:' (2 more spaces)"),
    # A text's last line back at the key's indentation, below lines indented as they should be.
    # The writer's own block (`>`, folded; `|-`, without its last line break): the hint names it, not `|`.
    ("calendar.yaml", "    text: >\n      Venez nous voir\n      samedi\n    à l'atelier\n    at: 2027-01-12 09:00\n",
     "calendar.yaml:10:5: error: found 'à l'atelier' among the keys of a mapping, with no 'key:' before it; "
     "expected 'key: value'\n"
     "    hint: indent the lines of the text after 'text: >' further than 'text:' (2 more spaces)"),
    ("calendar.yaml", "    text: |-  # sans saut de ligne final\n    Venez nous voir\n",
     "calendar.yaml:8:5: error: found 'Venez nous voir' among the keys of a mapping, with no 'key:' before it; "
     "expected 'key: value'\n"
     "    hint: indent the lines of the text after 'text: |-' further than 'text:' (2 more spaces)"),
    ("calendar.yaml", "    networks [linkedin]\n    at: 2027-01-12 09:00\n",
     "calendar.yaml:7:5: error: found 'networks [linkedin]' among the keys of a mapping, with no 'key:' before "
     "it; expected 'key: value'\n"
     "    hint: if this line goes on with the value of 'id' above, indent it further than 'id:' (or put the value "
     "on one line); otherwise write it as `key: value`"),
]


@pytest.mark.parametrize(("where", "written", "told"), WRITERS_MISTAKES,
                         ids=[told.split(": error: ")[1][:30] for _, _, told in WRITERS_MISTAKES])
@pytest.mark.parametrize("parser", ["libyaml", "PyYAML"])
def test_a_writer_s_yaml_mistake_is_told_in_plain_words_where_it_is(empty_site, runner, monkeypatch, parser: str,
                                                                    where: str, written: str, told: str) -> None:
    """"mapping values are not allowed here", "could not find expected ':'": the parser's words, and often the
    line below the mistake, for a writer who edits calendar.yaml in GitHub's web editor. PyYAML, where libyaml
    is missing, words its errors otherwise ("expected <block end>, but found '-'"): told the same."""
    import yaml

    from edcal.__main__ import cli
    from edcal.load import yamlfile

    if parser == "PyYAML":
        monkeypatch.setattr(yamlfile, "_Loader", yaml.SafeLoader)

    site = empty_site(CALENDAR + written if where == "calendar.yaml" else CALENDAR.replace("posts:\n  - id: a\n", ""),
                      {"a.md": written if where == "article" else ARTICLE})
    result = runner.invoke(cli, ["check", "--site", str(site)])
    assert result.exit_code == 2, result.output
    assert result.output.startswith(told + "\n"), result.output
    assert "Traceback" not in result.output


@pytest.mark.usefixtures("site_language")
def test_a_french_writer_reads_a_yaml_mistake_in_french(empty_site, runner) -> None:
    from edcal.__main__ import cli

    site = empty_site(CALENDAR + "    text: 'L'atelier ouvre'\n")
    result = runner.invoke(cli, ["check", "--site", str(site)])
    assert result.exit_code == 2
    assert result.output.startswith(
        "calendar.yaml:7:13: error: trouvé une apostrophe dans une valeur écrite entre apostrophes droites, qui "
        "termine la valeur à cet endroit\u00a0; attendu\u00a0: toute la valeur entre les guillemets\n"
        "    hint: écrivez toute la valeur entre guillemets droits, par exemple text: \"L'atelier ouvre\""), \
        result.output


@pytest.mark.parametrize("text", [
    "posts:\n  -" + "i" * 100_000 + ": a\n    at: b\n",  # a dash glued to a key as long as a pasted page
    "version: 1\nowner: *" + "a" * 100_000 + "\n",  # an unknown alias
    "version: 1\ntext:" + "a" * 100_000 + "\nfoo: bar\n",  # a value glued to its key
])
def test_a_syntax_error_on_a_line_of_100_kb_is_told_in_a_few_lines(text: str) -> None:
    """A 100 kB line with a dash glued to its key or an unknown alias was told with the line's text twice over, in the
    message and again in the hint: 300 kB on the terminal, the message itself out of sight. It is cut short."""
    [error] = errors_of(text)
    assert len(error) < 600, error[:300]
    assert "…" in error


def test_a_value_starting_with_an_anchor_no_alias_repeats_is_refused() -> None:
    """`text: &Cie vous invite` (or `owner: &camille`): YAML reads '&Cie' as a mark for a later `*Cie` and leaves it
    out of the value, which was 'vous invite' (or nothing), silently. A mark no alias repeats is the writer's text."""
    assert errors_of("posts:\n  - id: a\n    text: &Cie vous invite\n") == [
        "calendar.yaml:3:11: error: found '&Cie' at the start of a value, which YAML reads as a mark for a "
        "reference (*Cie) and leaves out of the value; expected text between quotes\n"
        "    hint: put the value between quotes, e.g. text: \"&Cie vous invite\""]
    assert errors_of("owner: &camille\n")[0].startswith("calendar.yaml:1:8: error: found '&camille' at the start")
    assert errors_of("posts:\n  - {id: a, owner: &camille, text: x}\n")[0].endswith(
        'hint: put the value between quotes, e.g. owner: "&camille"')  # its key, in a flow mapping too
    # A mark an alias repeats is YAML's own, as meant.
    assert strip_locs(load_yaml("a: &d 2027-03-05\nb: *d\n", "c.yaml")) == {"a": "2027-03-05", "b": "2027-03-05"}
