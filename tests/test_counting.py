"""Counting as the networks count, checked against independent implementations.

The JavaScript twitter-text (X's reference implementation) and ICU's grapheme
segmenter run under Node.js (tests/js/count.mjs); our Python counts must
agree with them on tricky text.
"""

from __future__ import annotations

import importlib
import json
import re
import subprocess
import time
import unicodedata

import pytest
import twitter_text
from hypothesis import example, given, settings
from hypothesis import strategies as st
from twitter_text.extract_urls import extract_urls_with_indices
from twitter_text.get_character_weight import get_character_weight
from twitter_text.regexp.emoji import emoji as twitter_emoji

from conftest import ROOT
from edcal.load.network_registry import builtin_registry
from edcal.networks import counting
from edcal.networks.counting import measure, measure_all
from edcal.networks.twitter_urls import url_entities

NFD_E = "e\u0301"  # é as e + combining accent
TRICKY = [
    "Bonjour à toutes et à tous !",
    f"Caf{NFD_E} cr{NFD_E}me — d{NFD_E}j{NFD_E}",  # NFD accents: X and others normalise to NFC
    "Café crème — déjà",  # the same in NFC
    "Points de suspension… et tirets — – sans fin",  # X weighs these typographic marks 1
    "« Guillemets » et apostrophe ’ typographique, espace fine\u202f!",
    "Drapeaux 🇫🇷🇧🇪🇨🇭 et tags 🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f",
    "Peaux 👍🏻👍🏽👍🏿 et familles 👨\u200d👩\u200d👧\u200d👦 👩\u200d❤\ufe0f\u200d👨",
    "Clavier 1️⃣ #️⃣ et © ® ™ ‼",
    "日本語のテキストと中文和한국어",
    "Lien long https://www.atelier-morel.example/2027/salon-industrie-2027/?utm_source=x&utm_medium=social&utm_campaign=salon-2027 fin",
    "Domaines nus : example.fr, atelier-morel.example et www.example.com/chemin",
    "Écrivez à @camille@piaille.fr et @julien@mastodon.social ou @local",
    "Emoji seul 😷 puis texte",
    # Pasted from Word: guillemets and curly quotes, no-break spaces, an en dash, skin tones and ZWJ sequences.
    "Grande nouvelle\u202f! L’atelier accueille Inès 👩🏽\u200d🏭 – bienvenue\u202f!\n« On m’a dit\u00a0: “le métal, "
    "ça se respecte”… »\u202f; 💪🏿👍🏻 L’équipe 👨\u200d👩\u200d👧\u200d👦 : https://www.salon-industrie.fr/inscription 🇫🇷",
    "",
]


@pytest.fixture(scope="module")
def reference() -> list[dict[str, int]]:
    result = subprocess.run(["node", str(ROOT / "tests" / "js" / "count.mjs")], input=json.dumps(TRICKY),
                            capture_output=True, text=True, check=True, timeout=60)
    return json.loads(result.stdout)


#: A bare © or ® (no emoji variation selector) weighs 1 for the JavaScript reference and 2
#: for the Python port's emoji data: a known over-count, in the safe direction.
BARE_SIGNS = re.compile("[©®](?!\ufe0f)")


@pytest.mark.parametrize("index", range(len(TRICKY)))
def test_x_weighted_length_matches_the_javascript_reference(reference, index: int) -> None:
    text = TRICKY[index]
    expected = reference[index]["twitter"] + len(BARE_SIGNS.findall(text))
    assert counting.count_twitter(text) == expected, text


@pytest.mark.parametrize("index", range(len(TRICKY)))
def test_graphemes_match_icu(reference, index: int) -> None:
    # ICU segments the text as given; networks count after NFC normalisation.
    text = unicodedata.normalize("NFC", TRICKY[index])
    expected = reference[TRICKY.index(text)]["graphemes"] if text in TRICKY else None
    if expected is None:
        expected = reference[index]["graphemes"]
    assert counting.count_graphemes(text) == expected, text


@pytest.mark.parametrize("index", range(len(TRICKY)))
def test_utf16_bytes_and_code_points_match_javascript(reference, index: int) -> None:
    text = TRICKY[index]
    assert counting.count_utf16(text) == reference[index]["utf16"]
    assert counting.count_utf8_bytes(text) == reference[index]["bytes"]
    assert counting.count_characters(text) == reference[index]["codepoints"]


def test_nfd_and_nfc_count_the_same_everywhere() -> None:
    registry = builtin_registry()
    for network in registry.networks.values():
        nfd = measure_all(TRICKY[1], network)
        nfc = measure_all(TRICKY[2], network)
        assert [m.length for m in nfd] == [m.length for m in nfc], network.id


def test_mastodon_counts_urls_as_23_and_remote_mentions_as_local() -> None:
    mastodon = builtin_registry()["mastodon"]
    url_text = "Voir https://www.atelier-morel.fr/2027/un-article-au-titre-long/?utm_source=mastodon ici"
    assert measure(url_text, mastodon).length == len("Voir ") + 23 + len(" ici")
    # Mastodon finds links with twitter-text's expression, which knows top-level domains: an intranet's,
    # `.example` or an IP address is no link there and counts whole (edcal counted 23: 67 for 90).
    for unknown in ("https://intranet.local/salon/plan-du-stand", "https://192.168.1.20/agenda",
                    "https://www.atelier-morel.example/2027/un-article-au-titre-long/"):
        assert measure(f"Voir {unknown} ici", mastodon).length == len(f"Voir {unknown} ici"), unknown
    # Which links Mastodon finds, against its servers' own finder: tests/test_mastodon_links.py.
    # Bare domains are not links on Mastodon: they count as written.
    assert measure("Voir example.fr ici", mastodon).length == len("Voir example.fr ici")
    mention = "Merci @camille@piaille.fr et @julien@mastodon.social !"
    assert measure(mention, mastodon).length == len("Merci @camille et @julien !")
    assert measure("🇫🇷 👨\u200d👩\u200d👧", mastodon).length == 3


def test_bluesky_has_two_limits_and_counts_the_shown_link_text() -> None:
    bluesky = builtin_registry()["bluesky"]
    text = "😷" * 300
    graphemes, octets = measure_all(text, bluesky)
    assert (graphemes.length, graphemes.limit, graphemes.fits) == (300, 300, True)
    assert (octets.length, octets.limit, octets.fits) == (1200, 3000, True)
    shown = "Lire : www.atelier-morel.example/2027/salon-ind..."
    assert measure(shown, bluesky).length == len(shown)


def test_threads_counts_emoji_as_their_utf8_bytes() -> None:
    threads = builtin_registry()["threads"]
    assert measure("Salut 👋", threads).length == len("Salut ") + len("👋".encode())
    assert measure("🇫🇷", threads).length == len("🇫🇷".encode())
    # A keycap is an emoji too, though it starts with a digit or "#": 7 bytes, not 3 characters.
    assert measure("1\ufe0f\u20e3 #\ufe0f\u20e3", threads).length == 7 + 1 + 7


def test_tiktok_and_youtube_units() -> None:
    registry = builtin_registry()
    assert measure("🎬 Montage", registry["tiktok"]).length == 10  # the emoji is 2 UTF-16 units
    assert measure("Vidéo", registry["youtube"]).length == 6  # é is 2 bytes


SAFE_RANGES = [(0x00, 0xA8), (0xAA, 0xAD), (0xAF, 0x203B)]


def test_no_code_point_of_the_fast_path_is_an_emoji_for_twitter_text() -> None:
    for start, end in SAFE_RANGES:
        for code in range(start, end + 1):
            char = chr(code)
            if 0xD800 <= code <= 0xDFFF:
                continue
            assert twitter_emoji.search(char) is None, f"U+{code:04X} is an emoji for twitter-text"
    assert twitter_emoji.search("©") and twitter_emoji.search("®") and twitter_emoji.search("‼")
    # Nor is a sequence made of them only (keycaps' digits, joiners): X's counting reads emoji around the others.
    sequences = twitter_emoji.pattern.rsplit("|[", 1)[0].split("|")
    assert len(sequences) > 1000
    for sequence in sequences:
        text = "".join(chr(int(code, 16)) for code in re.findall(r"\\U([0-9A-F]{8})", sequence))
        assert text and not all(re.fullmatch(f"[{counting._EMOJI_FREE_CHARACTERS}]", char) for char in text), sequence


PIECES = [*"abcdeéèêàçôœ ’«»…—–-.,;:!?'\"#@/\n0123456789ABCDÉ\u202f\u00a0",
          "https://example.fr/a?b=1", " example.com ", "www.atelier.example/x", "@camille", "#Salon",
          "😷", "©", "日本"]
FRENCH = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(FRENCH)
def test_the_fast_path_agrees_with_parse_tweet(text: str) -> None:
    assert counting.count_twitter(text) == twitter_text.parse_tweet(text).weightedLength


#: What makes twitter-text's URL expression read far and backtrack: characters that may be in a domain
#: (backticks, quotes, accented letters, typographic marks, U+200B), dots, "_", "-", top-level domains,
#: schemes, paths, bare domains whose link is shorter than their text ("a.com.αβ.org/x"), emoji, spaces.
URLISH = [*"ab`\"é’«…—\u200b._-/:?!@#()$ \n", "ñ", "ſ", "αβ", "co", "com", "fr", "xn--p1ai", "http://", "https://",
          "t.co/abc", "example.com", "a.com.αβ.org/x", "😷", "1\ufe0f\u20e3", "\u202a"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(URLISH), max_size=30).map("".join))
@example("Voir a.com.αβ.org/x ici")  # twitter-text keeps "a.com/x" for a link spanning 14 characters
@example(" ét.co/a »b.co_b.co_b.co")
def test_x_finds_the_links_of_twitter_text_and_counts_as_parse_tweet(text: str) -> None:
    assert url_entities(text) == extract_urls_with_indices(text)
    assert url_entities(text, with_bare_domains=False) == extract_urls_with_indices(text, False)
    assert counting.count_twitter(text) == twitter_text.parse_tweet(text).weightedLength


def weights(text: str) -> int:
    """What X counts for a text in which twitter-text finds neither link nor emoji: its characters' weights."""
    options = twitter_text.config.config["defaults"]
    return sum(get_character_weight(char, options) for char in text) // options["scale"]


#: Periods that twitter-text's URL expression reads in time quadratic in their repetitions (20 kB: seconds to
#: minutes), and what X counts for the repeated text.
HOSTILE = {
    "no link": ("".join(run * 10 for run in ["`", "a.", "ab.", '"', "é", "à", "’", "«", "»", "…", "—", "\u200b"]),
                weights),
    "with an emoji": ("😷" + "`" * 9 + "é." * 5 + "…" * 5,
                      lambda text: weights(text.replace("😷", "")) + 2 * text.count("😷")),
    "links not kept": ("b.co_", lambda text: 23 + weights(text[4:])),  # "b.co" at the start only: then "_"
    "links": ("a.co!", lambda text: 24 * text.count("!")),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_x_counts_20_kb_without_spaces_at_once(name: str) -> None:
    period, expected = HOSTILE[name]
    sample = period * 2
    assert twitter_text.parse_tweet(sample).weightedLength == counting.count_twitter(sample) == expected(sample)
    text = period * (20_000 // len(period))
    started = time.process_time()
    length = counting.count_twitter(text)
    assert time.process_time() - started < 0.5
    assert length == expected(text)


def test_mastodon_links_and_xs_unknown_domains_are_found_at_once_in_20_kb() -> None:
    mastodon = builtin_registry()["mastodon"]
    text = "`" * 20_000 + "https://example.com/a https://intranet.local/x"
    started = time.process_time()
    assert measure(text, mastodon).length == 20_000 + 23 + len(" https://intranet.local/x")
    assert counting.unlinked_addresses(text) == ["https://intranet.local/x"]
    assert time.process_time() - started < 0.5


def test_rule_descriptions_cover_every_counting_rule() -> None:
    assert set(counting.RULE_DESCRIPTIONS) == set(counting.COUNTERS)
    assert all(re.search(r"\w", d) for d in counting.RULE_DESCRIPTIONS.values())


def test_the_addresses_x_does_not_link_are_found_in_linear_time() -> None:
    """Each address of a text was looked for among all its links: 6,250 of them in a 100 kB text (a pasted
    export) took text-too-long 2 to 12 s; under half a second now, and the unlinked one still found."""
    text = "https://x.fr/a» " * 6_250 + "https://intranet.local/x"
    started = time.process_time()
    assert counting.unlinked_addresses(text) == ["https://intranet.local/x"]
    assert time.process_time() - started < 0.5


def test_a_path_of_brackets_is_read_in_linear_time_as_twitter_text_reads_it() -> None:
    """twitter-text's path expression takes time growing with the square of `(a)(a)…`: 3,200 of them took
    1.3 s, 33,000 (100 kB, a pasted export) minutes, in every check of an X or Mastodon post. Over 4,096
    characters it is no URL for twitter-text: none is found, and the text after it is read on."""
    for repeats in (1_300, 3_000):  # a URL of 3.9 kB (a link, as twitter-text finds it), one of 9 kB (none)
        text = f"Voir https://x.fr/a{'(a)' * repeats} et exemple.fr"
        assert url_entities(text) == extract_urls_with_indices(text), repeats
    text = "Voir https://x.fr/a" + "(a)" * 33_000 + " et exemple.fr"
    started = time.process_time()
    assert url_entities(text) == [{"url": "exemple.fr", "indices": [len(text) - 10, len(text)]}]
    assert time.process_time() - started < 0.5


#: What twitter-text's port, path and query expressions read one way or another: brackets, the characters a path
#: may hold (some not at its end), accented and Cyrillic letters, characters that match a letter only ignoring case
#: (ſ, the Kelvin sign), what ends a URL (», spaces, a no-break space), and domains to start URLs from.
PATHISH = [*"()[].,!?/-_~%#@:=+&'*;$|–»` \u00a0aZ09éÀſ\u212aж", "\u0301", "(a)", "((", "))", ":80", "@a/",
           "https://x.fr/", "http://t.co/", "x.fr/", "a.co", "x.fr?", "x.fr:8"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(PATHISH), max_size=40).map("".join))
@example("https://x.fr/a(b(c)d)e(f)!,x.fr/(a(b)) x.fr/@a/b!")
@example("x.fr/a(b)c!(d)?e!f,http://t.co/ab?c=d!")
def test_urls_paths_and_queries_end_where_twitter_text_ends_them(text: str) -> None:
    assert url_entities(text) == extract_urls_with_indices(text)
    assert url_entities(text, with_bare_domains=False) == extract_urls_with_indices(text, False)


def test_urls_of_different_bracket_paths_are_read_in_linear_time() -> None:
    """25 URLs with a path of `(a)` repeated, 3.9 kB each, all different (no cache helps): each took twitter-text's
    path expression 0.1 s, twice, for every network and rule (a check of the post: 11 s)."""
    text = " ".join(f"https://x.fr/{k}" + "(a)" * 1_290 for k in range(25))
    assert url_entities(text[:4_000]) == extract_urls_with_indices(text[:4_000])  # one URL: X takes each
    started = time.process_time()
    assert counting.count_twitter(text) == 25 * 23 + 24
    assert [link["url"] for link in url_entities(text, with_bare_domains=False)] == text.split()
    assert time.process_time() - started < 0.5


@pytest.mark.parametrize("filler", ["!", ",(a)"])
def test_a_url_followed_by_over_4_kb_it_may_not_end_with_is_too_long_for_x_as_for_twitter_text(filler: str) -> None:
    """A path was read within twitter-text's longest URL and a margin: `https://x.fr/a` was a link, where
    twitter-text reads on to the `b`, into a URL too long to be one."""
    text = "Voir https://x.fr/a" + filler * (5_000 // len(filler)) + "b et exemple.fr"
    assert url_entities(text) == extract_urls_with_indices(text) == [
        {"url": "exemple.fr", "indices": [len(text) - 10, len(text)]}]


def test_what_x_reads_of_twitter_texts_extractor_is_twitter_texts_own() -> None:
    """The longest URL, the scheme a bare domain is counted with and the longest t.co slug, copied from
    ``twitter_text.extract_urls`` (which compiles its whole expression on import, in every check)."""
    from edcal.networks import twitter_urls

    # The module: the package names a function extract_urls too.
    extract_urls = importlib.import_module("twitter_text.extract_urls")

    assert (extract_urls.max_url_length, extract_urls.default_protocol, extract_urls.max_tco_slug_length) \
        == (twitter_urls._MAX_URL_LENGTH, twitter_urls._DEFAULT_PROTOCOL, twitter_urls._MAX_TCO_SLUG_LENGTH)
    text = f"https://t.co/{'a' * 40} https://t.co/{'a' * 41} https://{'é' * 60}.fr https://x.fr/{'a' * 4_080}"
    assert url_entities(text) == extract_urls_with_indices(text)


def test_top_level_domains_are_read_as_twitter_texts_expression_reads_them() -> None:
    """`_tld_length` reads a head of ASCII letters with a set of words, not the expression of 1,600 words
    (20–30 ms to compile in every check): the same length for every head, as no letter of a word beyond
    ASCII matches an ASCII character, case aside, nor any of the characters after an address it reads so."""
    from edcal.networks import twitter_urls

    twitter = twitter_urls._twitter()
    expression = re.compile(twitter.tld_source, re.IGNORECASE)
    words = [word for name in ("valid_gtld", "valid_cctld") for word in getattr(
        importlib.import_module(f"twitter_text.regexp.{name}"), name).pattern.split("(?:(?:", 1)[1]
        .split(")(?=", 1)[0].split("|")]
    assert {"com", "fr", "vermögensberater", "中国"} <= set(words)
    letters = {letter for word in words for letter in word}
    others = {letter for letter in letters if not letter.isascii()}
    assert [letter for letter in others if any(re.fullmatch(re.escape(letter), chr(code), re.IGNORECASE)
                                               for code in range(128))] == []
    assert [after for after in twitter_urls._AFTER_ADDRESS if twitter.tld_follower.match(after) or any(
        re.fullmatch(re.escape(letter), after, re.IGNORECASE) for letter in letters)] == []
    heads = [f"{word}{after}" for word in ("fr", "FR", "com", "Com", "co", "xn--p1ai", "XN--P1AI", "xn--",
                                           "frx", "paris", "中国", "香港", "ab", "k", "ok", "bo", "verm",
                                           "vermögensberater", "VERMÖGENSBERATUNG")
             for after in ("", "/", "\u202f!", "\u00a0", "…", "1", "-", "@", "+", "é", "ö", "\u212a",
                           "\u017f", "\u0130", ".", " ")]
    heads += ["", "\u212aim", "\u017fite", "ſ", "é", "1fr", "-fr", ".fr", "/", " fr"]
    for head in heads:
        found = expression.match(head)
        assert twitter_urls._tld_length.__wrapped__(head) == (found.end() if found else 0), head
