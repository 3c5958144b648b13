"""The checks' messages: English on the command line, translatable for the planning pages."""

from __future__ import annotations

import ast
import datetime as dt
import pickle
import re
import string
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml

from edcal.i18n import Message, _told_apart, say, say_count, translated, translator
from edcal.networks.counting import RULE_DESCRIPTIONS

ROOT = Path(__file__).resolve().parents[1] / "plugins" / "edcal"
#: Every module: the checks' findings, and the command line's errors and reports.
SOURCES = sorted(path for path in ROOT.rglob("*.py") if "skeleton" not in path.parts)
CATALOGUES = [ROOT / "translations" / "fr.yaml", *sorted((ROOT / "translations" / "fr").glob("*.yaml"))]
FRENCH = {key: value for path in CATALOGUES
          for key, value in yaml.safe_load(path.read_text(encoding="utf-8")).items()}


def _required_purposes() -> set[str]:
    """What a missing required field of calendar.yaml or of an article's header is for (its hint)."""
    import inspect

    import pydantic

    from edcal.load import articles, schema
    from edcal.load.validate import required_purposes

    models = [o for o in vars(schema).values() if inspect.isclass(o) and issubclass(o, pydantic.BaseModel)]
    found = required_purposes(*models, articles.ArticleSpec)
    # What the hints say of a freeze's reason, a campaign's id, an article's title: all of them, not none.
    assert {"why: shown on every withheld item", "the article's title", "working title"} <= found
    assert len(found) >= 15
    return found


def _rule_titles() -> set[str]:
    """Each rule's one line, which `edcal check --list` says in the site's language."""
    from edcal.checks import all_rules

    return {rule.title for rule in all_rules().values()}


#: Texts the rules pass to say() as values rather than literals: each needs a translation too.
COMPUTED = {*RULE_DESCRIPTIONS.values(), "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun",
            "idea", "writing", "draft", "review", "Blog", *_required_purposes(), *_rule_titles()}


def calls(name: str) -> list[tuple[Path, ast.Call]]:
    found = []
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == name:
                found.append((path, node))
    return found


def templates() -> list[str]:
    result = []
    for name in ("say", "say_count"):
        for _path, call in calls(name):
            for argument in call.args[1:3] if name == "say_count" else call.args[:1]:
                if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                    result.append(argument.value)
    return result


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_problem_is_written_with_say_so_that_it_can_be_translated() -> None:
    problems = calls("Problem")
    assert len(problems) >= 23
    for path, call in problems:
        for argument in call.args[1:3]:
            assert not isinstance(argument, (ast.JoinedStr, ast.Constant, ast.BinOp)), (
                f"{path.name}:{call.lineno}: a message or hint written as a plain string cannot be "
                "translated: use say()")


def test_a_text_is_translated_in_one_catalogue_file_only() -> None:
    """Two translations of one text would depend on the order the files are read in; one written twice in a
    file, on which line comes last (three were: 'Note', 'a video', 'Below the cadence')."""
    seen: dict[str, str] = {}
    for path in CATALOGUES:
        document = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
        for key_node, _value in document.value:
            key, line = key_node.value, key_node.start_mark.line + 1
            assert key not in seen, f"{key!r} is translated in {seen[key]} and in {path.name}:{line}"
            seen[key] = f"{path.name}:{line}"


def test_every_message_has_a_french_translation_with_the_same_fields() -> None:
    found = templates()
    assert len(found) > 50
    for template in [*found, *COMPUTED]:
        assert template in FRENCH, f"no French translation of {template!r} in translations/fr.yaml"
        assert fields(FRENCH[template]) == fields(template), template


#: Catalogue texts no code says any more, kept on purpose: the report template's old line, for the report
#: templates sites copied into their theme's overrides.
KEPT = {"Copy the lines of those that went out under posted: in {file} (a post that went out at another time "
        "takes its time: {example})."}


def test_no_french_text_is_left_of_a_message_the_code_no_longer_says() -> None:
    """outside-slots and posts-too-close had two messages each, one naming an account's clock; made one, their
    four French texts for the old ones would have stayed, translating nothing. A text with fields ({time}) is
    the code's or a template's (texts without are also the schema's descriptions and the commands' help)."""
    said = {node.value for path in SOURCES for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Constant) and isinstance(node.value, str)}
    themes = ROOT.parents[1] / "themes"
    pages = "\n".join(path.read_text(encoding="utf-8") for path in sorted(themes.rglob("*"))
                      if path.suffix in (".j2", ".html"))
    left = [text for text in FRENCH if "{" in text and text not in said and text not in pages and text not in KEPT]
    assert not left, left


def test_every_text_pages_feeds_and_templates_translate_with_underscore_has_its_french() -> None:
    """``_("Title:")`` in the feeds' writer and ``{{ _("…") }}`` in the themes are not say(): a merge that lost
    their French ('Titre :', the feeds' 'Non confirmée … ligne à y ajouter') left the French site's events
    half English, and no test said so."""
    themes = ROOT.parents[1] / "themes"
    french = {*FRENCH, *yaml.safe_load((themes / "edcal" / "translations" / "fr.yaml").read_text(encoding="utf-8"))}
    missing = [f"{path.name}:{call.lineno}: {call.args[0].value!r}" for path, call in calls("_")
               if call.args and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str)
               and call.args[0].value not in french]
    written = re.compile(r"""\b_\(\s*(["'])((?:(?!\1).)*)\1""")
    pages = [path for path in sorted(themes.rglob("*")) if path.suffix in (".j2", ".html")]
    assert len(pages) > 20
    for path in pages:
        text = path.read_text(encoding="utf-8")
        missing += [f"{path.name}:{text.count(chr(10), 0, found.start()) + 1}: {found.group(2)!r}"
                    for found in written.finditer(text) if found.group(2) not in french]
    assert not missing, missing


def test_what_was_expected_is_set_apart_in_french_as_in_english() -> None:
    """A located error's "; expected …" read ", attendu …" in French for a tab in the indentation and a rule
    of too many posts, where its other errors read " ; attendu …": each mark as the English one."""
    told = {template: french for template, french in FRENCH.items() if isinstance(french, str)
            and re.search(r"[;,] expected", template) and re.search(r"[;,] attendu", french)}
    assert len(told) > 200
    for template, french in told.items():
        assert ("; expected" in template) == bool(re.search(r"\s; attendu", french)), (template, french)


def figures(template: str) -> set[tuple[str, str]]:
    """The fields a template writes as figures (``{limit:,}``), with their spec."""
    return {(name, spec) for _, name, spec, _ in string.Formatter().parse(template) if name and "," in (spec or "")}


def test_a_figure_is_a_figure_in_french_too() -> None:
    """"au-delà des {limit} octets permis" read "10000" where English grouped "10,000"; French groups "10 000"."""
    assert len([template for template in FRENCH if figures(template)]) >= 15
    for template, french in FRENCH.items():
        assert figures(french) == figures(template), template


def test_figures_in_messages_read_as_each_language_writes_them() -> None:
    message = say("file is {size:,} bytes, more than the {limit:,} bytes allowed", size=1_200_000, limit=1e6)
    assert message == "file is 1,200,000 bytes, more than the 1,000,000 bytes allowed"
    french = "le fichier fait 1\u00a0200\u00a0000 octets, au-delà des 1\u00a0000\u00a0000 octets permis"
    assert message.translated(translator("fr")) == french
    assert pickle.loads(pickle.dumps(message)).translated(translator("fr")) == french
    share = say_count(1, "{network} in {month} {year}: {count} of {total} posts is promotional ({share:,}%), above "
                      "the ceiling of {ceiling:,}%", "{network} in {month} {year}: {count} of {total} posts are "
                      "promotional ({share:,}%), above the ceiling of {ceiling:,}%", network="X", month="March",
                      year=2027, total=6, share=17, ceiling=12.5)
    assert share.endswith("(17%), above the ceiling of 12.5%")  # the year is no figure: never "2,027"
    assert share.translated(translator("fr")).endswith("en March 2027\u00a0: 1 publication sur 6 est promotionnelle "
                                                       "(17\u00a0%), au-delà du plafond de 12,5\u00a0%")


def test_a_message_is_its_english_text_and_says_itself_in_french() -> None:
    message = say("{count} {network} posts on {day:%Y-%m-%d} ({ids}), more than the maximum of {limit}",
                  count=3, network="X", day=dt.date(2027, 5, 1), ids="a, b, c", limit=2)
    # English dates as calendar.yaml writes them (12/01 is 1 December to an American), French ones day first.
    assert message == "3 X posts on 2027-05-01 (a, b, c), more than the maximum of 2"
    assert isinstance(message, str) and message.upper().startswith("3 X POSTS")
    french = translator("fr")
    assert message.translated(french) == "3 publications X le 01/05/2027 (a, b, c), plus que le maximum de 2"
    copy = pickle.loads(pickle.dumps(message))  # findings travel from the build's worker
    assert copy == message and copy.translated(french) == message.translated(french)


@pytest.mark.parametrize("spec", ["%H:%M", "%Y-%m-%d", "%d/%m", "%d/%m/%Y", "%Y-%m-%d %H:%M", "%d/%m/%Y\u00a0%H:%M",
                                  "%%%d%%", "%B %d", "%a %H", "%Y %j"])
def test_a_message_writes_its_days_and_times_as_strftime_does(spec: str) -> None:
    """Days and times in messages are written without strftime where edcal can (thousands of findings each
    write a day and a time): the same text, whatever the date, a year before 1000, a repeated hour's offset."""
    zone = ZoneInfo("America/New_York")
    values = [dt.datetime(2027, 3, 4, 9, 5), dt.datetime(2027, 11, 7, 1, 30, tzinfo=zone),  # the repeated hour
              dt.datetime(2027, 11, 7, 1, 30, fold=1, tzinfo=zone), dt.date(2027, 12, 31), dt.date(999, 1, 2),
              dt.datetime(5, 6, 7, 8, 9, tzinfo=dt.UTC)]
    for value in values:
        template = f"{{{{{spec}}}}} {{when:{spec}}} at {{when:%H:%M}} ({{name!r}}, {{name:>4}}), 50 %"
        # strftime's text, a repeated hour's time followed by its offset: "01:30 (UTC-04:00)"
        expected = template.format_map({"when": _told_apart(value), "name": "ab"})
        assert say(template, when=value, name="ab") == expected
        assert ("(UTC-0" in expected) == (getattr(value, "tzinfo", None) is zone)


def test_nested_values_plurals_braces_and_plain_texts() -> None:
    french = translator("fr")
    gap = say("{name}: {found} {period}, cadence {target}", name=say("Blog"),
              found=say_count(1, "{count} article", "{count} articles"),
              period=say("in {month} {year}", month=say("February"), year=2027), target=say("{count}/month", count=2))
    assert gap == "Blog: 1 article in February 2027, cadence 2/month"
    assert gap.translated(french) == "Blog\u00a0: 1 article en février 2027, rythme visé 2/mois"
    assert say_count(0, "{count} post", "{count} posts") == "0 posts"
    for count, english, french_text in [(0, "0 posts", "0 publication"), (1, "1 post", "1 publication"),
                                        (2, "2 posts", "2 publications")]:
        message = pickle.loads(pickle.dumps(say_count(count, "{count} post", "{count} posts")))
        assert (message, message.translated(french)) == (english, french_text)
    hint = say_count(2, "it has {count} text for up to {posts} posts in {days} days: give it at least {posts} "
                     "`texts:`, or set `checks: {{duplicate-text: {{window: ...}}}}`",
                     "it has {count} texts for up to {posts} posts in {days} days: give it at least {posts} "
                     "`texts:`, or set `checks: {{duplicate-text: {{window: ...}}}}`", posts=5, days=30)
    assert hint.endswith("`checks: {duplicate-text: {window: ...}}`")
    assert translated(hint, french).endswith("`checks: {duplicate-text: {window: ...}}`")
    assert translated("error", french) == "erreur" and translated(None, french) == ""
    assert Message("{x}", {"x": "{y}"}).translated(french) == "{y}"  # values are never templates


def test_a_message_without_values_reads_its_escaped_braces_once_in_french() -> None:
    """libyaml's "expected ',' or '}'" read "',' ou '}}' attendu" in French: a closing brace alone was left doubled."""
    french = translator("fr")
    unclosed = say("invalid YAML: {problem}", problem=say("did not find expected ',' or '}}'"))
    assert unclosed == "invalid YAML: did not find expected ',' or '}'"
    assert unclosed.translated(french) == "YAML invalide\u00a0: ',' ou '}' attendu introuvable"
    for template in [t for t in {*templates(), *COMPUTED} if not fields(t) and "}}" in t]:  # every such text
        english, french_text = say(template), say(template).translated(french)
        assert (english.count("{"), english.count("}")) == (french_text.count("{"), french_text.count("}")), template


@pytest.mark.parametrize("lang", ["en", "de"])
def test_other_languages_read_english(lang: str) -> None:
    message = say("{network}: {found} {period}, target {target}", network="X", found="1", period="now", target="2")
    assert message.translated(translator(lang)) == "X: 1 now, target 2"


def test_french_never_breaks_before_its_punctuation() -> None:
    """French puts a space before ':' ';' '!' '?' '»' '%' and after '«': a no-break one (U+00A0).

    A plain space lets a line end before the colon, on the public blog and in the posts' texts.
    """
    from edcal.i18n import catalog, theme_catalog

    theme = theme_catalog((str(Path(__file__).resolve().parents[1] / "themes" / "edcal" / "translations"),), "fr")
    assert len(theme) > 20 and len(catalog("fr")) > 100
    for text in [*catalog("fr").values(), *theme.values()]:
        assert not re.search(r" [:;!?»%]|« ", text), text
    assert translator("fr")("Network:") == "Réseau\u00a0:" and theme["Tags:"] == "Étiquettes\u00a0:"
    assert translator("en")("Network:") == "Network:"


def test_long_dates_read_as_each_language_writes_them() -> None:
    from edcal.i18n import long_date

    assert long_date(dt.date(2027, 4, 1), "fr") == "jeudi 1er avril 2027"  # "1 avril" is not French
    assert long_date(dt.date(2027, 4, 2), "fr") == "vendredi 2 avril 2027"
    assert long_date(dt.date(2027, 4, 1), "en") == "Thursday 1 April 2027"
    assert long_date(dt.date(2027, 4, 1), "en-GB") == "Thursday 1 April 2027"
    assert long_date(dt.date(2027, 4, 1), "en-US") == long_date(dt.date(2027, 4, 1), "en_us") == "Thursday, April 1, 2027"
    assert long_date(dt.date(2027, 4, 1), "en-US", weekday=False) == "April 1, 2027"


def test_month_names_follow_the_language_not_the_machines_locale() -> None:
    """%B followed LC_TIME: an English site checked on a French machine read 'in janvier 2027'."""
    import locale

    from edcal.plan.cadence import month_word

    message = say("in {month} {year}", month=month_word(1), year=2027)
    previous = locale.setlocale(locale.LC_TIME)
    try:
        for name in ("fr_FR.UTF-8", "C.UTF-8"):
            try:
                locale.setlocale(locale.LC_TIME, name)
            except locale.Error:
                continue
            assert str(say("in {month} {year}", month=month_word(1), year=2027)) == "in January 2027"
    finally:
        locale.setlocale(locale.LC_TIME, previous)
    assert message.translated(translator("fr")) == "en janvier 2027"


def _plain(node: ast.expr) -> bool:
    """A text written in place (a literal, an f-string, a concatenation), which cannot be translated."""
    if isinstance(node, (ast.JoinedStr, ast.BinOp)):
        return True
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.IfExp):
        return _plain(node.body) or _plain(node.orelse)
    if isinstance(node, ast.BoolOp):
        return any(_plain(value) for value in node.values)
    return False


#: Hints that are only what to type (a command, a line of Python): the same in every language.
TYPED_HINTS = {("diff.py", "git submodule update --init --recursive"), ("sweep.py", "{name} = {example}")}


def test_every_input_error_is_written_with_say_so_that_a_french_site_reads_french() -> None:
    found = 0
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            if isinstance(func, ast.Name) and func.id == "InputError":
                texts = node.args[1:3]
            elif isinstance(func, ast.Attribute) and func.attr == "add" and len(node.args) >= 2 \
                    and not (isinstance(func.value, ast.Name) and func.value.id in ("cal", "event", "calendar")):
                texts = node.args[1:3]  # ErrorCollector.add(source, message, hint)
            else:
                continue
            found += 1
            for text in [*texts, *(k.value for k in node.keywords if k.arg in ("message", "hint"))]:
                if _plain(text):
                    written = ast.unparse(text)
                    assert any(path.name == name and phrase in written for name, phrase in TYPED_HINTS), (
                        f"{path.name}:{text.lineno}: {written[:80]} is written as a plain string: use say() "
                        "and add its French to translations/fr/")
    assert found > 300


def test_a_time_the_clocks_show_twice_is_written_with_its_utc_offset() -> None:
    """A finding at 01:30 on a fall-back night says which 01:30: in English and in French."""
    zone = ZoneInfo("America/New_York")
    second = dt.datetime(2027, 11, 7, 1, 30, tzinfo=zone, fold=1)
    message = say("post '{id}' goes out {when:%Y-%m-%d %H:%M}, on {day:%Y-%m-%d}", id="a", when=second, day=second)
    assert message == "post 'a' goes out 2027-11-07 01:30 (UTC-05:00), on 2027-11-07"
    assert pickle.loads(pickle.dumps(message)) == message
    # A time given as a message of its own (posts-too-close's, which may name an account's clock) too.
    french = say("{network} post '{id}' goes out {day:%Y-%m-%d} {time}, at the same time as '{other}'",
                 network="X", id="a", day=second, time=say("{time:%H:%M}", time=second),
                 other="b").translated(translator("fr"))
    assert french == "la publication X 'a' part le 07/11 à 01:30 (UTC-05:00), en même temps que 'b'"
    # The first 01:30, and any time the clocks show once (or skip), as before.
    first = second.replace(fold=0)
    assert say("{when:%H:%M}", when=first) == "01:30 (UTC-04:00)"
    assert say("{when:%H:%M}", when=dt.datetime(2027, 11, 7, 3, 30, tzinfo=zone)) == "03:30"
    assert say("{when:%H:%M}", when=dt.datetime(2027, 3, 14, 2, 30, tzinfo=zone)) == "02:30"
