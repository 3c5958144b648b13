"""The links Mastodon's servers find in a text, against edcal's model of them.

Mastodon changes twitter-text's URL expression (its ``config/initializers/twitter_regex.rb``): an address's
path takes any character but spaces and ``<>()?``, and ends on any but some punctuation (``»``, ``…``, ``”``
are no punctuation there); its query takes every character from U+00A0 on, the no-break space that French
typography puts before ``! ? : ; »`` included. ``FOUND`` is what Mastodon links in each text: read from
Debian's twitter-text with Mastodon's changes (tests/ruby/mastodon_links.rb), and checked against it again
where Ruby runs.
"""

from __future__ import annotations

import json
import subprocess

import pytest

from conftest import ROOT
from edcal.load.network_registry import builtin_registry
from edcal.networks.counting import count_graphemes, measure
from edcal.networks.mastodon_urls import mastodon_links
from helpers import PARIS_CALENDAR, calendar_from, plan_of

#: A text, and the text of each link Mastodon finds in it.
FOUND: list[tuple[str, list[str]]] = [
    ("Voir https://x.fr/a» ici", ["https://x.fr/a»"]),
    ("Voir https://x.fr» ici", ["https://x.fr"]),
    ("Voir https://x.fr/a», ici", ["https://x.fr/a»"]),
    ("Voir https://x.fr/a…", ["https://x.fr/a…"]),
    ("Voir https://x.fr/a...", ["https://x.fr/a"]),
    ("Voir https://x.fr/a!!", ["https://x.fr/a"]),
    ("Voir https://x.fr/a?!", ["https://x.fr/a"]),
    ("Voir https://x.fr/a' ici", ["https://x.fr/a"]),
    ("Voir https://x.fr/a” ici", ["https://x.fr/a”"]),
    ("Voir https://x.fr/a\" ici", ["https://x.fr/a"]),
    ("Voir https://x.fr/a; ici", ["https://x.fr/a"]),
    ("Voir https://x.fr/a: ici", ["https://x.fr/a"]),
    ("Voir https://x.fr/a\u00a0! ici", ["https://x.fr/a"]),
    ("Voir https://x.fr/a\u202f» ici", ["https://x.fr/a"]),
    ("Voir «\u00a0https://x.fr/a\u00a0» ici", ["https://x.fr/a"]),
    ("Voir https://x.fr/?a=1\u00a0! ici", ["https://x.fr/?a=1\u00a0"]),
    ("Voir https://x.fr/?a=1\u00a0» ici", ["https://x.fr/?a=1\u00a0»"]),
    ("Voir https://x.fr/?a=1\u202f» ici", ["https://x.fr/?a=1\u202f»"]),
    ("Voir https://x.fr/?a=1\u00a0: la suite", ["https://x.fr/?a=1\u00a0"]),
    ("Voir https://x.fr/?a=1 ! ici", ["https://x.fr/?a=1"]),
    ("Voir https://x.fr/?a=1» ici", ["https://x.fr/?a=1»"]),
    ("Voir https://x.fr/?a=1! ici", ["https://x.fr/?a=1"]),
    ("Voir https://x.fr/?a=1. Ici", ["https://x.fr/?a=1"]),
    ("Voir https://x.fr/?a=1, ici", ["https://x.fr/?a=1"]),
    ("Voir https://x.fr/?a=1) ici", ["https://x.fr/?a=1"]),
    ("Voir https://x.fr/?a=1\nici", ["https://x.fr/?a=1"]),
    ("Voir https://x.fr/?q=café ici", ["https://x.fr/?q=café"]),
    ("Voir https://x.fr/?q=été! ici", ["https://x.fr/?q=été"]),
    ("Voir https://x.fr/?a=1\u00a0https://y.fr/b ici", ["https://x.fr/?a=1\u00a0https://y.fr/b"]),
    ("Voir https://x.fr/a?b=1&c=2#d ici", ["https://x.fr/a?b=1&c=2#d"]),
    ("Voir https://x.fr/été/à ici", ["https://x.fr/été/à"]),
    ("Voir https://x.fr/a.b,c ici", ["https://x.fr/a.b,c"]),
    ("Voir https://x.fr/a-(b) ici", ["https://x.fr/a-(b)"]),
    ("Voir https://x.fr/Python_(langage) ici", ["https://x.fr/Python_(langage)"]),
    ("Voir https://x.fr/a_(b…) ici", ["https://x.fr/a_"]),
    ("Voir https://x.fr/a_(b_(c)_d) ici", ["https://x.fr/a_(b_(c)_d)"]),
    ("Voir (https://x.fr/a) ici", ["https://x.fr/a"]),
    ("Voir (https://x.fr/a). Ici", ["https://x.fr/a"]),
    ("Voir https://x.fr/a(b ici", ["https://x.fr/a"]),
    ("Voir https://x.fr/?tag[]=x ici", ["https://x.fr/?tag[]=x"]),
    ("Voir https://x.fr/a[1] ici", ["https://x.fr/a[1"]),
    ("Voir https://x.fr/a[1]?b=2 ici", ["https://x.fr/a[1"]),
    ("Voir https://x.fr/a%5B1%5D?b=2 https://x.fr/a%28b https://x.fr/a{1} ici",
     ["https://x.fr/a%5B1%5D?b=2", "https://x.fr/a%28b", "https://x.fr/a{1}"]),
    ("Voir [https://x.fr/a] ici", ["https://x.fr/a"]),
    ("Voir https://x.fr/a<b ici", ["https://x.fr/a"]),
    ("Voir https://x.fr/a~ ici", ["https://x.fr/a"]),
    ("Voir https://x.fr/a😀 ici", ["https://x.fr/a😀"]),
    ("Voir «https://x.fr/a» ici", ["https://x.fr/a»"]),
    ("Programme:https://x.fr ici", ["https://x.fr"]),
    ("Programme en lignehttps://x.fr ici", []),
    ("Voir x.fr/a ici", []),
    ("Voir https://x.fr:8080/a» ici", ["https://x.fr:8080/a»"]),
    ("Voir https://exemple.local/a ici", []),
    ("«https://salon.fr/a» et https://b.example/x, puis 👉https://c.fr/?q=1#f.",
     ["https://salon.fr/a»", "https://c.fr/?q=1#f"]),
    ("x@https://a.fr $https://b.fr #https://c.fr https://d.frhttps://e.fr (https://f.fr/(g))", ["https://f.fr/(g)"]),
    ("Lien:https://g.fr\nhttps://h.fr/été https://i.fr/…", ["https://g.fr", "https://h.fr/été", "https://i.fr/…"]),
    ("HTTPS://J.FR/A ftp://k.fr http://", ["HTTPS://J.FR/A"]),
    ("Voir https://x.fr/https://y.fr/b ici", ["https://x.fr/https://y.fr/b"]),
    ("Voir https://x.fr/a(https://y.fr/b ici", ["https://x.fr/a", "https://y.fr/b"]),
    ("Voir https://x.fr/?u=https://y.fr/b» ici", ["https://x.fr/?u=https://y.fr/b»"]),
    ("Voir https://x.fr/a<https://y.fr/b> ici", ["https://x.fr/a", "https://y.fr/b"]),
    ("Voir https://x.fr:80a/b ici", ["https://x.fr:80"]),
    # The schemes Mastodon links beyond http(s), with the same domain, path and query.
    ("Voir gemini://x.fr/a» ici", ["gemini://x.fr/a»"]),
    ("Voir dat://x.fr/a. Ici", ["dat://x.fr/a"]),
    ("Voir (ipfs://x.fr) ipns://x.fr:8080/?a=1\u00a0! ssb://x.fr",
     ["ipfs://x.fr", "ipns://x.fr:8080/?a=1\u00a0", "ssb://x.fr"]),
    ("Voir «dweb://x.fr» GOPHER://X.FR/a Gemini://é.fr/b ici", ["dweb://x.fr", "GOPHER://X.FR/a", "Gemini://é.fr/b"]),
    ("Voir lignegemini://x.fr x@dat://x.fr ftp://x.fr hyper://x.fr gemini:/x.fr ici", []),
    ("Voir ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi ici", []),
    ("Voir https://x.fr/gemini://y.fr/a(gemini://z.fr/b ici", ["https://x.fr/gemini://y.fr/a", "gemini://z.fr/b"]),
    # xmpp: and magnet: links are made by Mastodon's formatter (`valid_extended_uri`), not by the expression
    # its length validator reads: counted in full, but for an http(s) address inside a magnet's query.
    ("Rejoignez xmpp:salon@conference.exemple.fr?join ou xmpp://bot@exemple.fr/salon@conference.exemple.fr ici",
     []),
    ("Le fichier magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a&dn=salon ici", []),
    ("Le fichier magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a&tr=https://tracker.exemple.fr/a ici",
     ["https://tracker.exemple.fr/a"]),
    # Parentheses inside the path's own, as the drafts track a link to the site after them.
    ("Voir (https://x.fr/a_((b))?utm_campaign=p) ici", ["https://x.fr/a_((b))?utm_campaign=p"]),
    ("Voir https://x.fr/a_(c(b)d)?utm_campaign=p. Ici", ["https://x.fr/a_(c(b)d)?utm_campaign=p"]),
]

@pytest.fixture(scope="module")
def reference() -> list[list[str]]:
    result = subprocess.run(["ruby", "-W0", str(ROOT / "tests" / "ruby" / "mastodon_links.rb")],
                            input=json.dumps([text for text, _links in FOUND]), capture_output=True, text=True,
                            check=True, timeout=60)
    return json.loads(result.stdout)


@pytest.mark.parametrize("index", range(len(FOUND)))
def test_the_table_is_what_mastodon_finds(reference, index: int) -> None:
    text, links = FOUND[index]
    assert reference[index] == links, text


@pytest.mark.parametrize(("text", "links"), FOUND)
def test_mastodon_counts_each_link_it_finds_as_23(text: str, links: list[str]) -> None:
    counted = text
    for link in links:
        counted = counted.replace(link, "x" * 23, 1)
    assert measure(text, builtin_registry()["mastodon"]).length == count_graphemes(counted)


def test_xmpp_and_magnet_links_are_counted_in_full_on_mastodon_as_its_servers_count_them() -> None:
    """Mastodon's formatter links ``xmpp:`` and ``magnet:`` addresses (``extract_extra_uris_with_indices``),
    but its length validator gives 23 characters only to what ``extract_urls_with_indices`` finds (and
    mentions): a post with them is measured as Mastodon refuses it, its addresses counted in full."""
    mastodon = builtin_registry()["mastodon"]
    for address in ("xmpp:salon@conference.atelier-morel.fr?join",
                    "magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a&dn=catalogue-2027"):
        text = f"Rejoignez-nous : {address} " + "é" * (500 - len(address) - 17)  # 501 in full, 481 at 23
        told = measure(text, mastodon)
        assert (told.length, told.fits) == (501, False), address


def test_a_french_post_keeps_no_no_break_space_after_its_tracked_link_on_mastodon() -> None:
    """French spacing puts a no-break space before "!" and "»", which a tracked link's query would take on
    Mastodon (``utm_campaign=p%C2%A0``): there, a plain space follows the address; X keeps the no-break one."""
    calendar = calendar_from(PARIS_CALENDAR + "posts:\n"
                             "  - {id: p, at: 2027-01-12 09:00, networks: [mastodon, x], link: "
                             "https://blog.example.fr/salon/, text: 'Inscrivez-vous : https://blog.example.fr/salon/ !',"
                             " thread: ['Le programme (« https://blog.example.fr/salon/ ») ; venez !']}\n")
    texts = {item.network: item for item in plan_of(calendar).items}
    tracked = "https://blog.example.fr/salon/?utm_source={}&utm_medium=social&utm_campaign=p"
    assert texts["mastodon"].text == f"Inscrivez-vous\u00a0: {tracked.format('mastodon')} !"
    assert texts["mastodon"].thread[0].text == f"Le programme («\u00a0{tracked.format('mastodon')} »)\u00a0; venez\u00a0!"
    assert texts["x"].text == f"Inscrivez-vous\u00a0: {tracked.format('x')}\u00a0!"
    for text in (texts["mastodon"].text, texts["mastodon"].thread[0].text):
        assert [text[start:end] for start, end in mastodon_links(text)] == [tracked.format("mastodon")]


@pytest.mark.parametrize("text", [
    "https://x.fr/" + "(" * 100000, "https://x.fr/?" + "!" * 100000, "https://x.fr/" + "(a(b)c)!" * 12000,
    "https://x.fr/?a=1\u00a0" * 6000, "https://x.fr/a» " * 6000, "https://x.fr/?a\u00a0b\u00a0" * 6000,
    "https://x.fr/a" + "(a)" * 33000, "gemini://x.fr/a» dat://y.fr " * 3000,
], ids=["parentheses", "exclamations", "nested", "chained", "many", "words", "pairs", "schemes"])
def test_mastodon_links_are_found_and_spaced_in_linear_time(text: str) -> None:
    """Each link's path and query are read by hand, once: 100 kB in a fraction of a second, counted and
    composed (the no-break spaces its queries take made plain)."""
    import time

    from edcal.plan.compose import _spaced_after_links

    mastodon = builtin_registry()["mastodon"]
    started = time.process_time()
    measure(text, mastodon)
    spaced = _spaced_after_links(text, mastodon)
    assert time.process_time() - started < 3
    assert not any(char.isspace() for start, end in mastodon_links(spaced) for char in spaced[start:end])
