"""`link-glued` against what the networks' own link finders do with an address or a hashtag glued to
punctuation.

``FOUND`` is what Bluesky's app (@atproto/api's ``RichText.detectFacetsWithoutResolution``, 0.19.19) and X's
twitter-text (3.1.0) make of each text: the text each link or hashtag covers. It was read from them
(tests/js/facets.mjs), and is checked against them again under Node.js. ``TOLD`` is what edcal's rule says
of the same texts, on Bluesky and on X. Mastodon finds links with twitter-text's expression as its servers
change it (tests/test_mastodon_links.py holds what they find): told as X is, but where ``MASTODON_TOLD`` says.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import ROOT, run_edcal
from edcal.checks import run_checks
from edcal.i18n import translator
from helpers import PARIS_CALENDAR, calendar_from, plan_of

#: A text; the links and hashtags Bluesky's app finds in it (the text each covers); those X finds.
FOUND: list[tuple[str, list[str], list[str]]] = [
    ("Voir «https://x.fr» ici", [], ["https://x.fr"]),
    ("Voir « https://x.fr » ici", ["https://x.fr"], ["https://x.fr"]),
    ("Voir «\u202fhttps://x.fr\u202f» ici", ["https://x.fr"], ["https://x.fr"]),
    ("Voir «\u00a0https://x.fr\u00a0» ici", ["https://x.fr"], ["https://x.fr"]),
    ("Voir https://x.fr» ici", ["https://x.fr»"], ["https://x.fr"]),
    ("Voir https://x.fr/a», ici", ["https://x.fr/a»"], ["https://x.fr/a"]),
    ("Voir https://x.fr/a». Ici", ["https://x.fr/a»"], ["https://x.fr/a"]),
    ("Voir (https://x.fr) ici", ["https://x.fr"], ["https://x.fr"]),
    ("Voir https://x.fr). Ici", ["https://x.fr"], ["https://x.fr"]),
    ('Voir "https://x.fr" ici', [], ["https://x.fr"]),
    ("Voir “https://x.fr” ici", [], ["https://x.fr"]),
    ("Voir [https://x.fr] ici", [], ["https://x.fr"]),
    ("Voir https://x.fr”, ici", ["https://x.fr”"], ["https://x.fr"]),
    ("Voir https://x.fr/a' ici", ["https://x.fr/a'"], ["https://x.fr/a"]),
    ("Voir https://x.fr.", ["https://x.fr"], ["https://x.fr"]),
    ("Voir https://x.fr!", ["https://x.fr"], ["https://x.fr"]),
    ("Voir https://x.fr ?", ["https://x.fr"], ["https://x.fr"]),
    ("Voir https://x.fr\u00a0!", ["https://x.fr"], ["https://x.fr"]),
    ("Voir https://x.fr/a…", ["https://x.fr/a…"], ["https://x.fr/a"]),
    ("Voir https://x.fr/a...", ["https://x.fr/a.."], ["https://x.fr/a"]),
    ("Voir https://x.fr/a!!", ["https://x.fr/a!"], ["https://x.fr/a"]),
    ("Voir https://x.fr/a?!", ["https://x.fr/a?"], ["https://x.fr/a"]),
    ("Voir https://x.fr/?tag[]=x ici", ["https://x.fr/?tag[]=x"], ["https://x.fr/?tag[]=x"]),
    # A character the network stops at: it links the address up to there, percent-encoded it links it whole.
    ("Voir https://x.fr/a[1] ici", ["https://x.fr/a[1]"], ["https://x.fr/a[1"]),
    ("Voir https://x.fr/a[1]?b=2 ici", ["https://x.fr/a[1]?b=2"], ["https://x.fr/a[1"]),
    ("Voir https://x.fr/a%5B1%5D?b=2 ici", ["https://x.fr/a%5B1%5D?b=2"], ["https://x.fr/a%5B1%5D?b=2"]),
    ("Voir https://x.fr/a{1} ici", ["https://x.fr/a{1}"], ["https://x.fr/a"]),
    ("Voir https://x.fr/a%7B1%7D ici", ["https://x.fr/a%7B1%7D"], ["https://x.fr/a%7B1%7D"]),
    ("Voir https://x.fr/a_%28b…%29 ici", ["https://x.fr/a_%28b…%29"], ["https://x.fr/a_%28b"]),
    ("Voir https://x.fr/a_%28b%E2%80%A6%29 ici", ["https://x.fr/a_%28b%E2%80%A6%29"], ["https://x.fr/a_%28b%E2%80%A6%29"]),
    ("Voir https://x.fr/Python_(langage) ici", ["https://x.fr/Python_(langage)"], ["https://x.fr/Python_(langage)"]),
    ("Voir https://x.fr/a_((b))?utm_campaign=p ici", ["https://x.fr/a_((b))?utm_campaign=p"],
     ["https://x.fr/a_((b))?utm_campaign=p"]),
    ("Programme:https://x.fr ici", [], ["https://x.fr"]),
    ("Programme 👉https://x.fr ici", [], ["https://x.fr"]),
    ("Programme en lignehttps://x.fr ici", [], []),
    ("Programme 2027https://x.fr ici", [], []),
    # Schemes that Mastodon links, and the others do not.
    ("Voir gemini://x.fr/a» ici", [], []),
    ("Programme en lignegemini://x.fr ici", [], []),
    # Bare domains: Bluesky links one whose top-level domain it knows, after a space or "(", as it does an address.
    ("Voir x.fr ici", ["x.fr"], ["x.fr"]),
    ("Voir «x.fr» ici", [], ["x.fr"]),
    ("Voir x.fr/a» ici", ["x.fr/a»"], ["x.fr/a"]),
    ("Voir (x.fr) ici", ["x.fr"], ["x.fr"]),
    ("Voir x.fr.", ["x.fr"], ["x.fr"]),
    # Hashtags: Bluesky's only at the start of the text or after a space, without their final punctuation.
    ("Le salon «#Salon2027» ici", [], ["#Salon2027"]),
    ("Le salon « #Salon2027 » ici", ["#Salon2027"], ["#Salon2027"]),
    ("Le salon #Salon2027» ici", ["#Salon2027"], ["#Salon2027"]),
    ("Le salon #Salon2027. Ici", ["#Salon2027"], ["#Salon2027"]),
    ("Le salon #Salon2027!", ["#Salon2027"], ["#Salon2027"]),
    ("Le salon (#Salon2027) ici", [], ["#Salon2027"]),
    ("Le salon “#Salon2027” ici", [], ["#Salon2027"]),
    ("Le salon:#Salon2027 ici", [], ["#Salon2027"]),
    # A ')' closing the writer's bracket: Bluesky links it with an address that holds a '(' of its own, and ends
    # the link before it once the address's parentheses are percent-encoded.
    ("Le salon ( #Salon2027) ici", ["#Salon2027"], ["#Salon2027"]),
    ("Le salon (programme:https://www.example.fr/salon) ici", [], ["https://www.example.fr/salon"]),
    ("Le salon (programme: https://www.example.fr/salon) ici", ["https://www.example.fr/salon"],
     ["https://www.example.fr/salon"]),
    ("Le métier (voir https://fr.wikipedia.org/wiki/Serrurerie_(métier)) ici",
     ["https://fr.wikipedia.org/wiki/Serrurerie_(métier))"], ["https://fr.wikipedia.org/wiki/Serrurerie_(métier)"]),
    ("Le métier (voir https://fr.wikipedia.org/wiki/Serrurerie_%28métier%29) ici",
     ["https://fr.wikipedia.org/wiki/Serrurerie_%28métier%29"], ["https://fr.wikipedia.org/wiki/Serrurerie_%28métier%29"]),
    ("Le métier (lien:https://fr.wikipedia.org/wiki/Serrurerie_(métier)) ici", [],
     ["https://fr.wikipedia.org/wiki/Serrurerie_(métier)"]),
    ("Le métier (lien: https://fr.wikipedia.org/wiki/Serrurerie_%28métier%29) ici",
     ["https://fr.wikipedia.org/wiki/Serrurerie_%28métier%29"], ["https://fr.wikipedia.org/wiki/Serrurerie_%28métier%29"]),
]

#: What link-glued tells of each text of FOUND: on Bluesky, on X (the address or hashtag, and the character
#: it is glued to, before or after it). Mastodon is told as X is.
TOLD: dict[str, tuple[str | None, str | None]] = {
    "Voir «https://x.fr» ici": ("https://x.fr after '«'", None),
    "Voir https://x.fr» ici": ("https://x.fr before '»'", None),
    "Voir https://x.fr/a», ici": ("https://x.fr/a before '»'", None),
    "Voir https://x.fr/a». Ici": ("https://x.fr/a before '»'", None),
    'Voir "https://x.fr" ici': ("https://x.fr after '\"'", None),
    "Voir “https://x.fr” ici": ("https://x.fr after '“'", None),
    "Voir [https://x.fr] ici": ("https://x.fr after '['", None),
    "Voir https://x.fr”, ici": ("https://x.fr before '”'", None),
    "Voir https://x.fr/a' ici": ("https://x.fr/a before '''", None),
    "Voir https://x.fr/a…": ("https://x.fr/a before '…'", None),
    "Voir https://x.fr/a...": ("https://x.fr/a before '..'", None),
    "Voir https://x.fr/a!!": ("https://x.fr/a before '!'", None),
    "Programme:https://x.fr ici": ("https://x.fr after ':'", None),
    "Programme 👉https://x.fr ici": ("https://x.fr after '👉'", None),
    "Programme en lignehttps://x.fr ici": ("https://x.fr after 'e'", "https://x.fr after 'e'"),
    "Programme 2027https://x.fr ici": ("https://x.fr after '7'", "https://x.fr after '7'"),
    "Voir «x.fr» ici": ("x.fr after '«'", None),
    "Voir x.fr/a» ici": ("x.fr/a before '»'", None),
    "Le salon «#Salon2027» ici": ("#Salon2027 after '«'", None),
    "Le salon (#Salon2027) ici": ("#Salon2027 after '('", None),
    "Le salon “#Salon2027” ici": ("#Salon2027 after '“'", None),
    "Le salon:#Salon2027 ici": ("#Salon2027 after ':'", None),
    "Le salon (programme:https://www.example.fr/salon) ici": ("https://www.example.fr/salon after ':'", None),
    "Le métier (voir https://fr.wikipedia.org/wiki/Serrurerie_(métier)) ici":
        ("https://fr.wikipedia.org/wiki/Serrurerie_(métier) before ')'", None),
    "Le métier (lien:https://fr.wikipedia.org/wiki/Serrurerie_(métier)) ici":
        ("https://fr.wikipedia.org/wiki/Serrurerie_(métier) after ':'", None),
    "Voir https://x.fr/a[1] ici": (None, "https://x.fr/a[1] cut before ']'"),
    "Voir https://x.fr/a[1]?b=2 ici": (None, "https://x.fr/a[1]?b=2 cut before ']?b=2'"),
    "Voir https://x.fr/a{1} ici": (None, "https://x.fr/a{1} cut before '{1}'"),
    "Voir https://x.fr/a_%28b…%29 ici": (None, "https://x.fr/a_%28b…%29 cut before '…%29'"),
}


#: What link-glued tells on Mastodon where it is not what it tells on X: a path takes a guillemet or "…" glued
#: after it there (tests/test_mastodon_links.py).
MASTODON_TOLD: dict[str, str | None] = {
    "Voir https://x.fr/a», ici": "https://x.fr/a before '»'",
    "Voir https://x.fr/a». Ici": "https://x.fr/a before '»'",
    "Voir https://x.fr/a…": "https://x.fr/a before '…'",
    "Voir gemini://x.fr/a» ici": "gemini://x.fr/a before '»'",
    "Programme en lignegemini://x.fr ici": "gemini://x.fr after 'e'",
    "Voir https://x.fr/a{1} ici": None,
    "Voir https://x.fr/a_%28b…%29 ici": None,
}


@pytest.fixture(scope="module")
def reference() -> list[dict[str, list[list[str]]]]:
    texts = [text for text, _bluesky, _x in FOUND]
    result = subprocess.run(["node", str(ROOT / "tests" / "js" / "facets.mjs")], input=json.dumps(texts),
                            capture_output=True, text=True, check=True, timeout=60)
    return json.loads(result.stdout)


@pytest.mark.parametrize("index", range(len(FOUND)))
def test_the_table_is_what_bluesky_and_twitter_text_find(reference, index: int) -> None:
    text, bluesky, x = FOUND[index]
    assert [found[1] for found in reference[index]["bluesky"]] == bluesky, text
    assert [found[1] for found in reference[index]["x"]] == x, text


def _told(text: str) -> dict[str, str]:
    """What link-glued says of a post of ``text`` on Bluesky and X, by network: the address or hashtag and
    the character it is glued to, as its message names them."""
    written = text.replace("\\", "\\\\").replace('"', '\\"')
    calendar = calendar_from(PARIS_CALENDAR + "  bluesky: {}\n" + "posts:\n  - {id: p, at: 2027-01-12 09:00, "
                             f'networks: [bluesky, x, mastodon], text: "{written}"}}\n')
    plan = plan_of(calendar, now="2027-01-04T08:00:00+01:00")
    told: dict[str, str] = {}
    for finding in run_checks(plan, only=["link-glued"]):
        if " glued to the '" not in finding.message:  # "has https://…: X links https://… only, and shows '…'"
            what = finding.message.split(" has ", 1)[1].split(": ", 1)[0]
            cut = finding.message.split(" and shows '", 1)[1].rsplit("' ", 1)[0]
            told[finding.message.split(" post ")[0]] = f"{what} cut before '{cut}'"
            continue
        what, rest = finding.message.split(" has ", 1)[1].split(" glued to the '", 1)
        char, side = rest.split("' ", 1)
        told[finding.message.split(" post ")[0]] = f"{what} {'after' if side.startswith('before') else 'before'} '{char}'"
    return told


@pytest.mark.parametrize("text", [text for text, _bluesky, _x in FOUND])
def test_link_glued_tells_what_the_networks_do(text: str) -> None:
    bluesky, x = TOLD.get(text, (None, None))
    told = _told(text)
    assert told.get("Bluesky") == bluesky, told
    assert told.get("X") == x, told
    assert told.get("Mastodon") == MASTODON_TOLD.get(text, x), told


@pytest.mark.parametrize("text", [
    "https://x.fr/" + ")" * 100_000,  # each ')' stripped counted the brackets again: 22 s
    "«x.fr» " * 14_000,  # each address read the rest of the text to find its end
    "Voir«https://x.fr» " * 5_000,
    "«#Salon» " * 11_000,
])
def test_link_glued_reads_a_100_kb_text_in_linear_time(text: str) -> None:
    """A post of 100 kB (a pasted export) is checked in under half a second, and still told."""
    import time

    calendar = calendar_from(PARIS_CALENDAR + "  bluesky: {}\n" + "posts:\n  - {id: p, at: 2027-01-12 09:00, "
                             f"networks: [bluesky, x, mastodon], text: {json.dumps(text)}}}\n")
    plan = plan_of(calendar, now="2027-01-04T08:00:00+01:00")
    started = time.process_time()
    found = run_checks(plan, only=["link-glued"])
    assert time.process_time() - started < 0.5
    assert [finding.message.split(" post ")[0] for finding in found][:1] == ["Bluesky"], found


def test_an_address_glued_twice_in_one_post_is_one_finding_of_that_post() -> None:
    """Each place read as another post: one post with «#Salon» twice was told "2 posts ('p-bluesky',
    'p-bluesky')"."""
    calendar = calendar_from(PARIS_CALENDAR + "  bluesky: {}\n" + "posts:\n  - {id: p, at: 2027-01-12 09:00, "
                             "networks: [bluesky], text: \"Le salon «#Salon» et «#Salon» ici\"}\n")
    found = run_checks(plan_of(calendar, now="2027-01-04T08:00:00+01:00"), only=["link-glued"])
    assert [finding.message for finding in found] == [
        "Bluesky post 'p-bluesky' has #Salon glued to the '«' before it: Bluesky makes no hashtag of it, and shows "
        "it as text"]


def test_the_engine_tells_a_post_found_twice_by_a_rule_as_one_post() -> None:
    """Two places of one post's text that a rule tells the same (whatever the rule) are that one post."""
    from edcal.checks import _told_together
    from edcal.checks.registry import THE_POSTS, Problem
    from edcal.i18n import say

    calendar = calendar_from(PARIS_CALENDAR + "posts:\n  - {id: p, at: 2027-01-12 09:00, networks: [x], text: T}\n")
    plan = plan_of(calendar, now="2027-01-04T08:00:00+01:00")
    post = next(item for item in plan.items if item.kind == "post")
    problem = Problem(post.source, "X post 'p-x' has it", None, post, together=say("{posts} have it", posts=THE_POSTS))
    told = list(_told_together([(problem, post.start), (problem, post.start)], plan.calendar.zone))
    assert [(str(found.message), data) for found, _when, data in told] == [("X post 'p-x' has it", None)]


@pytest.mark.parametrize(("text", "hint"), [
    # a quote opened before: English closes it on the words
    ("“See https://x.fr”", "close the quote before the address: “See” https://x.fr"),
    ('He said "see https://x.fr" ici', 'close the quote before the address: "see" https://x.fr'),
    # no quote opened before it: the '”' or the apostrophe is not the end of a quote around the words
    ("Voir https://x.fr”, ici", "put a space between the address and '”': https://x.fr ”, (or a narrow no-break "
                                "space, U+202F)"),
    ("Voir https://x.fr/a' ici", "put a space between the address and ''': https://x.fr/a ' (or a narrow no-break "
                                 "space, U+202F)"),
    ("C'est l'adresse https://x.fr/a' ici", "put a space between the address and ''': https://x.fr/a ' (or a "
                                            "narrow no-break space, U+202F)"),
])
def test_the_quote_is_closed_before_the_address_only_where_one_was_opened(text: str, hint: str) -> None:
    """'Voir https://x.fr”, ici' was told to write 'Voir” https://x.fr': a quote closed after a word no quote
    opened."""
    calendar = calendar_from(PARIS_CALENDAR + "  bluesky: {}\n" + "posts:\n  - {id: p, at: 2027-01-12 09:00, "
                             f"networks: [bluesky], text: {json.dumps(text, ensure_ascii=False)}}}\n")
    found = run_checks(plan_of(calendar, now="2027-01-04T08:00:00+01:00"), only=["link-glued"])
    assert [finding.hint for finding in found] == [hint]


def _findings(text: str) -> list:
    written = json.dumps(text, ensure_ascii=False)
    calendar = calendar_from(PARIS_CALENDAR + "  bluesky: {}\n" + "posts:\n  - {id: p, at: 2027-01-12 09:00, "
                             f"networks: [bluesky, x, mastodon], text: {written}}}\n")
    return run_checks(plan_of(calendar, now="2027-01-04T08:00:00+01:00"), only=["link-glued"])


def _applied(text: str, hint: str) -> str:
    """``text`` with the words a hint writes put in place of the most characters, from the start of a word to
    the end of one (the space after them kept: taken too, the next word was glued to them), that make the same
    text but for spaces, quotes and percent-encoded parentheses (what a writer does with "put a space…",
    "close the quote…", "write the address without the quotes…", "percent-encode '(' ')'…")."""
    fixed = hint.split(": ", 1)[1].split(" (or a narrow", 1)[0]
    same = str.maketrans("", "", " “”\"'’")

    def read(written: str) -> str:
        return written.replace("%28", "(").replace("%29", ")").translate(same)

    return max(((end - start, text[:start] + fixed + text[end:]) for start in range(len(text))
                if not start or text[start - 1] == " " for end in range(start + 1, len(text) + 1)
                if text[end:end + 1] in ("", " ") and read(text[:start] + fixed + text[end:]) == read(text)),
               default=(0, f"no place for {fixed!r}"))[1]


@pytest.mark.parametrize("text", [text for text, told in TOLD.items() if " cut before " not in str(told)] + ["“See https://x.fr”", "Voir https://x.fr/a»» ici",
                                                         "«https://x.fr»!", "Lien:«https://x.fr»",
                                                         "Voir gemini://x.fr/a» ici",
                                                         "Programme en lignegemini://x.fr ici"])
def test_each_hint_of_link_glued_once_followed_is_told_nothing(text: str) -> None:
    """The hint's words, written in place, make the link or the hashtag the network finds."""
    found = _findings(text)
    assert found, text
    for finding in found:
        network = finding.message.split(" post ")[0]
        fixed = _applied(text, finding.hint)
        assert [f.message for f in _findings(fixed) if f.message.startswith(network)] == [], (finding.hint, fixed)


@pytest.mark.parametrize(("text", "hint"), [
    ("Voir https://x.fr/a[1] ici", "percent-encode '[' ']' in the address: https://x.fr/a%5B1%5D"),
    ("Voir https://x.fr/a[1]?b=2 ici", "percent-encode '[' ']' in the address: https://x.fr/a%5B1%5D?b=2"),
    ("Voir https://x.fr/a{1}. Ici", "percent-encode '{' '}' in the address: https://x.fr/a%7B1%7D"),
    ("Voir https://x.fr/a_(b…) ici", "percent-encode '(' '…' ')' in the address: https://x.fr/a_%28b%E2%80%A6%29"),
])
def test_an_address_linked_only_in_part_is_told_to_be_percent_encoded(text: str, hint: str) -> None:
    """``https://exemple.fr/a[1]``: X and Mastodon link ``https://exemple.fr/a[1``, and nothing was told. The
    hint's address, written in place, is linked whole by every network."""
    found = [finding for finding in _findings(text) if finding.message.startswith("X ")]
    assert [finding.hint for finding in found] == [hint]
    meant, fixed = text.split()[1].rstrip("."), hint.rsplit(": ", 1)[1]
    assert [finding.message for finding in _findings(text.replace(meant, fixed))] == []


def test_a_hashtag_in_brackets_is_told_to_keep_its_closing_bracket() -> None:
    """'(#Salon2027)' was told to write '( #Salon2027', the ')' left out of the words to write."""
    (finding,) = [f for f in _findings("Le salon (#Salon2027) ici") if f.message.startswith("Bluesky")]
    assert finding.hint == "put a space before the hashtag: ( #Salon2027)"


def test_a_tracked_link_glued_to_a_guillemet_is_told_its_campaign_is_wrong_not_its_address() -> None:
    """The "»" glued after a tracked link lands in its last parameter: the page opens, its visits counted
    under the campaign 'lancement»'. The message said "an address that does not exist"."""
    calendar = calendar_from(PARIS_CALENDAR + "campaigns:\n  - {id: lancement, name: Lancement, from: 2027-01-04, until: 2027-01-31}\n"
                             "posts:\n  - {id: p, at: 2027-01-12 09:00, networks: [mastodon], campaign: lancement, "
                             "link: https://blog.example.fr/salon/, text: 'Voir https://blog.example.fr/salon/» ici'}\n")
    (finding,) = run_checks(plan_of(calendar, now="2027-01-04T08:00:00+01:00"), only=["link-glued"])
    tracked = "https://blog.example.fr/salon/?utm_source=mastodon&utm_medium=social&utm_campaign=lancement"
    assert finding.message == (
        f"Mastodon post 'p-mastodon' has {tracked} glued to the '»' after it: Mastodon links {tracked}» with the "
        "'»', which opens the page but counts its visits under utm_campaign=lancement»")
    assert finding.message.translated(translator("fr")) == (
        f"la publication Mastodon 'p-mastodon' a {tracked} collée au '»' qui la suit\u00a0: Mastodon fait un lien "
        f"vers {tracked}», avec le '»', qui ouvre bien la page mais en compte les visites sous "
        "utm_campaign=lancement»")


def test_the_hints_give_a_tracked_link_as_the_writer_writes_it_without_edcal_s_parameters() -> None:
    """edcal adds utm_source… to a link to the site: the message says what the network links (the tracked
    address), the hint what to write in calendar.yaml, the address as typed. It gave
    '…/a%5B1%5D?utm_source=x&utm_medium=social…', parameters a writer would then have typed twice."""
    def hints(text: str, networks: str = "x, mastodon") -> list[str]:
        calendar = calendar_from(PARIS_CALENDAR + "  bluesky: {}\n" + "posts:\n  - {id: p, at: 2027-01-12 09:00, "
                                 f"networks: [{networks}], "
                                 f"text: '{text}'}}\n")
        found = run_checks(plan_of(calendar, now="2027-01-04T08:00:00+01:00"), only=["link-glued"])
        assert all("utm_source=" in str(finding.message) for finding in found)  # what the network links
        return [str(finding.hint) for finding in found]

    assert hints("Voir https://blog.example.fr/a[1] ici") == [
        "percent-encode '[' ']' in the address: https://blog.example.fr/a%5B1%5D"] * 2
    assert hints("Voir https://blog.example.fr/salon/» ici") == [
        "put a space between the address and '»': https://blog.example.fr/salon/ » (or a narrow no-break space, "
        "U+202F)"]  # Mastodon's: X ends a query before the "»"
    assert hints("Voir «https://blog.example.fr/salon/ » ici", "bluesky") == [
        "put a space between '«' and the address: « https://blog.example.fr/salon/ (or a narrow no-break space, "
        "U+202F)"]


def test_a_query_glued_to_a_guillemet_is_told_the_value_its_page_opens_with() -> None:
    """``?q=acier»``: the page opens, searching 'acier»'; no address that does not exist either."""
    (finding,) = [f for f in _findings("Voir https://x.fr/?q=acier» ici") if f.message.startswith("Mastodon")]
    assert finding.message == (
        "Mastodon post 'p-mastodon' has https://x.fr/?q=acier glued to the '»' after it: Mastodon links "
        "https://x.fr/?q=acier» with the '»', which opens the page with q=acier»")
    assert finding.message.translated(translator("fr")) == (
        "la publication Mastodon 'p-mastodon' a https://x.fr/?q=acier collée au '»' qui la suit\u00a0: Mastodon fait "
        "un lien vers https://x.fr/?q=acier», avec le '»', qui ouvre bien la page avec q=acier»")


def test_the_hints_keep_the_tracking_parameters_the_writer_typed() -> None:
    """A link the writer tracked themselves (``?utm_source=newsletter``) is left as written by edcal: the hint
    gave it without them, and the writer following it lost the visits they meant to count."""
    calendar = calendar_from(PARIS_CALENDAR + "posts:\n  - {id: p, at: 2027-01-12 09:00, networks: [x, mastodon], "
                             "text: 'Voir https://blog.example.fr/a[1]?utm_source=newsletter&utm_medium=email ici'}\n")
    found = run_checks(plan_of(calendar, now="2027-01-04T08:00:00+01:00"), only=["link-glued"])
    assert [str(finding.hint) for finding in found] == [
        "percent-encode '[' ']' in the address: "
        "https://blog.example.fr/a%5B1%5D?utm_source=newsletter&utm_medium=email"] * 2


def test_a_fragment_glued_to_a_guillemet_is_told_the_page_opens_at_its_top() -> None:
    """``…/a#programme»``: the page opens, at its top, the anchor 'programme»' being nowhere in it; it was
    told "an address that does not exist"."""
    (finding,) = [f for f in _findings("Voir https://x.fr/a#programme» ici") if f.message.startswith("Mastodon")]
    assert finding.message == (
        "Mastodon post 'p-mastodon' has https://x.fr/a#programme glued to the '»' after it: Mastodon links "
        "https://x.fr/a#programme» with the '»', which opens the page at its top, not at #programme")
    assert finding.message.translated(translator("fr")) == (
        "la publication Mastodon 'p-mastodon' a https://x.fr/a#programme collée au '»' qui la suit\u00a0: Mastodon "
        "fait un lien vers https://x.fr/a#programme», avec le '»', qui ouvre bien la page, mais en haut, pas à "
        "#programme")


@pytest.mark.parametrize(("text", "told"), [
    # Mastodon links "[1]" before the "»", not before a space: the space alone left '…/a[1' linked
    ("Voir https://x.fr/a[1]» ici", {
        "Mastodon": "percent-encode '[' ']' in the address, and put a space between the address and '»': "
                    "https://x.fr/a%5B1%5D » (or a narrow no-break space, U+202F)",
        "X": "percent-encode '[' ']' in the address: https://x.fr/a%5B1%5D",
        "Bluesky": "put a space between the address and '»': https://x.fr/a[1] » (or a narrow no-break space, "
                   "U+202F)"}),
    # edcal's tracking after the "]": linked up to '[1', then the "»" glued to the campaign once encoded
    ("Voir https://blog.example.fr/a[1]» ici", {
        "Mastodon": "percent-encode '[' ']' in the address, and put a space between the address and '»': "
                    "https://blog.example.fr/a%5B1%5D » (or a narrow no-break space, U+202F)",
        "X": "percent-encode '[' ']' in the address: https://blog.example.fr/a%5B1%5D",
        "Bluesky": "put a space between the address and '»': https://blog.example.fr/a[1] » (or a narrow no-break "
                   "space, U+202F)"}),
    ("Programme en lignehttps://x.fr/a[1] ici", {
        "Mastodon": "percent-encode '[' ']' in the address, and put a space before the address: "
                    "ligne https://x.fr/a%5B1%5D",
        "X": "percent-encode '[' ']' in the address, and put a space before the address: "
             "ligne https://x.fr/a%5B1%5D",
        "Bluesky": "put a space before the address: ligne https://x.fr/a[1]"}),
    ("“See https://x.fr/a[1]”", {
        "Mastodon": "percent-encode '[' ']' in the address, and close the quote before the address: "
                    "“See” https://x.fr/a%5B1%5D",
        "X": "percent-encode '[' ']' in the address: https://x.fr/a%5B1%5D",
        "Bluesky": "close the quote before the address: “See” https://x.fr/a[1]"}),
])
def test_an_address_both_glued_and_cut_is_told_everything_to_write_at_once(text: str, told: dict[str, str]) -> None:
    """``…/a[1]»`` on Mastodon was told to put a space before the "»"; followed, the hint left ``…/a[1 ]``
    linked up to '[1', and a second finding told to percent-encode: one finding tells both, and its words
    written in place leave nothing to tell."""
    found = _findings(text)
    assert {finding.message.split(" post ")[0]: str(finding.hint) for finding in found} == told
    (mastodon,) = [finding for finding in found if finding.message.startswith("Mastodon")]
    assert mastodon.hint.translated(translator("fr")).startswith("encodez '[' ']' en pourcentage dans l'adresse, "
                                                                 "et ")
    for finding in found:
        network = finding.message.split(" post ")[0]
        fixed = _applied(text.replace("[1]", "%5B1%5D"), finding.hint) if "percent-encode" in finding.hint \
            else _applied(text, finding.hint)
        assert [f.message for f in _findings(fixed) if f.message.startswith(network)] == [], (finding.hint, fixed)


def test_edcal_check_tells_a_bluesky_post_its_closing_bracket_where_the_writer_reads_it(
        empty_site: Callable[..., Path]) -> None:
    """The hints that keep a ')' after a link or a hashtag were tested on the rule's findings only. In
    `edcal check`'s output for calendar.yaml's posts, each is told at its text, and, followed, links as meant
    (what Bluesky's app finds: FOUND). An address with parentheses of its own inside a bracket
    ('(voir https://fr.wikipedia.org/wiki/Serrurerie_(métier))'), which Bluesky links with the ')', was told to
    put a space before that ')' (or a narrow no-break space), a bracket French and English close glued; its own
    parentheses percent-encoded, Bluesky ends the link before the ')'."""
    posts = {
        "salon": "Le salon (#Salon2027) ici",
        "programme": "Le salon (programme:https://www.example.fr/salon) ici",
        "wiki": "Le métier (voir https://fr.wikipedia.org/wiki/Serrurerie_(métier)) ici",
        "lien": "Le métier (lien:https://fr.wikipedia.org/wiki/Serrurerie_(métier)) ici",
    }
    site = empty_site("version: 1\ntimezone: Europe/Paris\nnetworks:\n  bluesky: {}\nposts:\n" + "".join(
        f"  - id: {name}\n    at: 2027-03-{12 + day} 09:00\n    networks: [bluesky]\n    text: \"{text}\"\n"
        for day, (name, text) in enumerate(posts.items())))
    result = run_edcal("check", "--only", "link-glued", cwd=site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[:8] == [
        "calendar.yaml:9:11: warning: Bluesky post 'salon-bluesky' has #Salon2027 glued to the '(' before it: "
        "Bluesky makes no hashtag of it, and shows it as text [link-glued]",
        "    hint: put a space before the hashtag: ( #Salon2027)",
        "calendar.yaml:13:11: warning: Bluesky post 'programme-bluesky' has https://www.example.fr/salon glued to "
        "the ':' before it: Bluesky makes no link of it, and shows the address whole, as text [link-glued]",
        "    hint: put a space before the address: (programme: https://www.example.fr/salon)",
        "calendar.yaml:17:11: warning: Bluesky post 'wiki-bluesky' has https://fr.wikipedia.org/wiki/Serrurerie_(métier) "
        "glued to the ')' after it: Bluesky links https://fr.wikipedia.org/wiki/Serrurerie_(métier)) with the ')', "
        "an address that does not exist [link-glued]",
        "    hint: percent-encode '(' ')' in the address: https://fr.wikipedia.org/wiki/Serrurerie_%28métier%29)",
        "calendar.yaml:21:11: warning: Bluesky post 'lien-bluesky' has https://fr.wikipedia.org/wiki/Serrurerie_(métier) "
        "glued to the ':' before it: Bluesky makes no link of it, and shows the address whole, as text [link-glued]",
        "    hint: percent-encode '(' ')' in the address, and put a space before the address: "
        "(lien: https://fr.wikipedia.org/wiki/Serrurerie_%28métier%29)",
    ], result.stdout
    # Followed, each hint gives a text whose link or hashtag Bluesky's app finds as meant (FOUND, from it).
    followed = {"salon": "Le salon ( #Salon2027) ici",
                "programme": "Le salon (programme: https://www.example.fr/salon) ici",
                "wiki": "Le métier (voir https://fr.wikipedia.org/wiki/Serrurerie_%28métier%29) ici",
                "lien": "Le métier (lien: https://fr.wikipedia.org/wiki/Serrurerie_%28métier%29) ici"}
    found = {text: bluesky for text, bluesky, _x in FOUND}
    assert [found[text] for text in followed.values()] == [
        ["#Salon2027"], ["https://www.example.fr/salon"],
        ["https://fr.wikipedia.org/wiki/Serrurerie_%28métier%29"],
        ["https://fr.wikipedia.org/wiki/Serrurerie_%28métier%29"]]
    for name, text in followed.items():
        (site / "calendar.yaml").write_text((site / "calendar.yaml").read_text(encoding="utf-8").replace(
            posts[name], text), encoding="utf-8")
    result = run_edcal("check", "--only", "link-glued", cwd=site)
    assert "[link-glued]" not in result.stdout, result.stdout
