"""Post composition: hashtags, tracked links, templates and fitting."""

from __future__ import annotations

import dataclasses
import json

import pytest

from edcal.addresses import blog_path
from edcal.load.network_registry import builtin_registry
from edcal.model.calendar import Tracking
from edcal.plan.compose import PostParts, hashtag, merge_hashtags, short_link, track, track_text
from helpers import PARIS_CALENDAR, SITE, article, by_id, calendar_from, composer, plan_of


def test_tags_become_hashtags_in_the_networks_style() -> None:
    assert hashtag("réseaux sociaux") == "#RéseauxSociaux"
    assert hashtag("l'atelier, c'est nous !") == "#LAtelierCEstNous"
    assert hashtag("Salon Industrie", "lower") == "#salonindustrie"
    assert hashtag("#déjà") == "#Déjà"
    assert hashtag("!!!") == ""
    # Tags no network would link as a hashtag, or that mean nothing once their punctuation is dropped, give
    # none: they took X's or Threads' few hashtags (#2027 is no hashtag on X, Bluesky or Mastodon).
    assert hashtag("2027") == hashtag("2_0") == hashtag("c++") == ""
    assert hashtag("salon 2027") == "#Salon2027" and hashtag("IA") == "#IA"
    assert merge_hashtags([["#Salon"], ["#salon", "#Lyon"], ["#Lyon", "#Acier"]], 2) == ["#Salon", "#Lyon"]
    # A campaign's #Epiphanie and the tag épiphanie are one hashtag to a reader (and one of Instagram's five).
    assert merge_hashtags([["#GaletteDesRois", "#Epiphanie"], ["#Épiphanie", "#Pâtisserie"]], None) == \
        ["#GaletteDesRois", "#Epiphanie", "#Pâtisserie"]


def test_links_to_the_site_are_tracked_and_others_left_alone() -> None:
    values = {"network": "linkedin", "campaign": "salon-2027", "article": "a", "item": "i"}
    tracked = track("https://blog.example.fr/2027/a/?ref=nl#top", values, Tracking(), SITE.url)
    assert tracked == ("https://blog.example.fr/2027/a/?ref=nl&utm_source=linkedin&utm_medium=social"
                       "&utm_campaign=salon-2027#top")
    assert track("https://other.example.org/x", values, Tracking(), SITE.url) == "https://other.example.org/x"
    # A parameter already written is kept as written.
    kept = track("https://blog.example.fr/a/?utm_medium=email", values, Tracking(), SITE.url)
    assert "utm_medium=email" in kept and "utm_medium=social" not in kept
    matomo = Tracking(parameters=(("source", "mtm_source"), ("medium", "mtm_medium"),
                                  ("campaign", "mtm_campaign"), ("content", "mtm_content")))
    assert "mtm_source=linkedin" in track("https://blog.example.fr/a/", values, matomo, SITE.url)


def test_only_the_blogs_folder_of_its_host_is_tracked() -> None:
    """A blog at https://example.fr/blog: the shop at /blogger/ or at /blog/%2e%2e/boutique/ (a browser's
    /boutique/) is the host's other site, left as written (it was tracked: its name starts as the blog's, and
    the escaped dots were not read); http on https's port 443 is no page of the blog."""
    values = {"network": "linkedin", "campaign": "salon-2027", "article": "a", "item": "i"}
    blog = "https://example.fr/blog"
    for url in ("https://example.fr/blogger/", "https://example.fr/blog/%2e%2e/boutique/",
                "http://example.fr:443/blog/a/"):
        assert track(url, values, Tracking(), blog) == url
    assert track("https://example.fr/blog", values, Tracking(), blog).startswith("https://example.fr/blog?utm_")
    assert "utm_source=linkedin" in track("http://www.example.fr:80/blog/a/", values, Tracking(), blog)


def test_short_link_is_what_blueskys_app_shows_and_counts() -> None:
    """The app's toShortUrl: the host as written (www. kept), then 13 characters of the path, query and
    fragment and "..." when they are longer than 15. A shorter text of ours was counted 11 short."""
    assert short_link("https://www.example.fr/2027/un-titre-assez-long-pour-etre-coupe/?utm_source=x") \
        == "www.example.fr/2027/un-titr..."
    assert short_link("https://example.fr/a/") == "example.fr/a/"
    assert short_link("https://example.fr/") == "example.fr"
    assert short_link("https://Example.FR:443/abcdefghijklmn") == "example.fr/abcdefghijklmn"  # 15: whole
    assert short_link("http://example.fr:8080/abcdefghijklmnop") == "example.fr:8080/abcdefghijkl..."
    assert short_link("https://example.fr/?q=1#haut-de-page") == "example.fr?q=1#haut-de-..."  # "/" alone goes
    assert short_link("https://café.example/été") == "xn--caf-dma.example/%C3%A9t%C3%A9"
    # As a browser's URL parser writes them: ß kept in the host's IDNA (Python's codec gave strasse.de, another
    # domain), a query's accents and ' encoded, a path's | [ ] ^ left as written.
    assert short_link("https://straße.de/produkte/") == "xn--strae-oqa.de/produkte/"
    assert short_link("https://faß☃.de/") == "xn--fa-hia6419a.de"  # IDNA 2008 refuses it, a browser does not
    assert short_link("https://example.com/?q=été&x=1") == "example.com?q=%C3%A9t%C3..."
    assert short_link("https://example.com/?q=l'été") == "example.com?q=l%27%C3%A9..."
    assert short_link("https://example.com/a|b[c]^d") == "example.com/a|b[c]^d"
    assert short_link("mailto:a@example.fr") == "mailto:a@example.fr"


def test_a_long_summary_is_shortened_at_a_word_boundary_to_fit() -> None:
    calendar = calendar_from(PARIS_CALENDAR)
    x = builtin_registry()["x"]
    summary = " ".join(["mot"] * 200)
    long_article = article("long", "2027-01-10T09:00", calendar, summary=summary, tags=("industrie",))
    bluesky = builtin_registry()["bluesky"]
    composed = composer(calendar=calendar).compose(PostParts(network=bluesky, item_id="i", article=long_article,
                                                             url="https://blog.example.fr/long/"))
    assert composed.fitted and composed.fits
    assert "mot…" in composed.text and "mot mo…" not in composed.text
    assert composed.text.endswith("#Industrie")
    assert "blog.example.fr/long" in composed.text
    # A text the writer wrote is never shortened: it stays whole for `edcal check`.
    own = composer(calendar=calendar).compose(PostParts(network=x, item_id="i", text="é" * 300))
    assert not own.fits and own.text == "é" * 300


def test_a_long_run_of_spaces_inside_a_text_is_composed_in_linear_time() -> None:
    """Trailing spaces were looked for from each space of a run that ends on a word, not a line's end: a
    post with 150,000 spaces between two words took 22 s to compose, an article's summary twice that."""
    import json
    import time

    calendar = calendar_from(PARIS_CALENDAR + "blog:\n  promote: {networks: [linkedin]}\nposts:\n  - id: p\n    networks: [x]\n"
                             "    at: 2027-01-12 09:00\n    text: " + json.dumps("Salon" + "\u00a0" * 150000 + "J-7") + "\n")
    started = time.process_time()
    items = by_id(plan_of(calendar, [article("a", "2027-01-10T09:00", calendar, summary="Salon" + " " * 150000 + "J-7")]))
    assert time.process_time() - started < 1
    assert items["p-x"].text == "Salon" + "\u00a0" * 150000 + "J-7"  # kept whole, for `edcal check` to tell
    assert items["a-linkedin-0"].text.startswith("A\n\nSalon…\n")  # shortened to fit, at the run


def test_explicit_text_wins_and_its_link_is_tracked_in_place() -> None:
    calendar = calendar_from(PARIS_CALENDAR + "posts:\n  - id: p\n    networks: [x]\n    at: 2027-01-12 09:00\n"
                             "    link: https://blog.example.fr/offres/\n"
                             "    text: Nos offres sur https://blog.example.fr/offres/ !\n")
    post = by_id(plan_of(calendar))["p-x"]
    # French spacing, as the blog has it: a no-break space before "!" (a line never starts with it).
    assert post.text == "Nos offres sur https://blog.example.fr/offres/?utm_source=x&utm_medium=social&utm_campaign=p\u00a0!"
    assert post.url.endswith("utm_campaign=p")


def test_article_social_text_and_per_network_skip() -> None:
    from edcal.model.article import Social, SocialOverride

    calendar = calendar_from(PARIS_CALENDAR + "blog:\n  promote: {networks: [x, linkedin, mastodon]}\n")
    social = Social(per_network={"x": SocialOverride(text="Texte pour X"), "mastodon": SocialOverride(skip=True)})
    items = by_id(plan_of(calendar, [article("a", "2027-01-10T09:00", calendar, social=social)]))
    assert items["a-x-0"].text.startswith("Texte pour X\n\nhttps://blog.example.fr/a/?utm_source=x")
    assert "a-linkedin-0" in items and "a-mastodon-0" not in items
    skipped = dataclasses.replace(social, skip=True)
    items = by_id(plan_of(calendar, [article("a", "2027-01-10T09:00", calendar, social=skipped)]))
    assert not any(i.startswith("a-") for i in items)


def test_a_link_to_a_page_is_not_announced_as_an_article() -> None:
    """LinkedIn's "Lire l'article :" is for articles; a link to another page reads "En savoir plus :"."""
    calendar = calendar_from(PARIS_CALENDAR + "posts:\n"
                             "  - {id: p, networks: [linkedin], at: 2027-01-12 09:00, text: Qui sommes-nous, "
                             "link: /a-propos/}\n"
                             "  - {id: a, networks: [linkedin], at: 2027-01-13 09:00, article: lancement}\n")
    items = by_id(plan_of(calendar, [article("lancement", "2027-01-05T09:00", calendar)]))
    assert "En savoir plus\u00a0: https://blog.example.fr/a-propos/" in items["p-linkedin"].text
    assert "Lire l'article\u00a0: https://blog.example.fr/lancement/" in items["a-linkedin"].text


def test_a_text_holding_its_full_url_is_pasted_as_written_on_bluesky() -> None:
    """A short display text can be part of the URL ("example.org/agenda"): the text's own URL wins.
    The app shows and counts every link short, the writer's too; the pasted text has them whole."""
    calendar = calendar_from(PARIS_CALENDAR.replace("  mastodon: {}\n", "  mastodon: {}\n  bluesky: {}\n") + "posts:\n"
                             "  - {id: a, networks: [bluesky], at: 2027-01-12 09:00, link: 'https://example.org/agenda',"
                             " text: 'Tout est sur https://example.org/agenda'}\n"
                             "  - {id: b, networks: [bluesky], at: 2027-01-12 10:00, link: /lancement/,"
                             " text: 'Lisez https://blog.example.fr/lancement/'}\n")
    items = by_id(plan_of(calendar, [article("lancement", "2027-01-05T09:00", calendar)]))
    assert items["a-bluesky"].pasted == "Tout est sur https://example.org/agenda"
    assert items["a-bluesky"].text == "Tout est sur example.org/agenda"
    assert items["a-bluesky"].links == ((13, "example.org/agenda", "https://example.org/agenda"),)
    tracked = items["b-bluesky"].url
    assert tracked.startswith("https://blog.example.fr/lancement/?utm_source=bluesky")
    assert items["b-bluesky"].pasted == f"Lisez {tracked}"


def test_instagram_caption_keeps_link_in_bio_on_its_own_paragraph() -> None:
    calendar = calendar_from(PARIS_CALENDAR)
    instagram = builtin_registry()["instagram"]
    promoted = article("a", "2027-01-10T09:00", calendar, summary="Une équipe qui transmet.", tags=("fait main",))
    composed = composer(calendar=calendar).compose(PostParts(network=instagram, item_id="i", article=promoted,
                                                             url="https://blog.example.fr/a/"))
    assert "Une équipe qui transmet.\n\nLien en bio\n\n#FaitMain" in composed.text
    own = composer(calendar=calendar).compose(PostParts(network=instagram, item_id="i", article=promoted,
                                                        text="La biodiversité au jardin #Nature",
                                                        url="https://blog.example.fr/a/"))
    assert own.text == "La biodiversité au jardin #Nature\n\nLien en bio\n\n#FaitMain"
    told = composer(calendar=calendar).compose(PostParts(network=instagram, item_id="i", article=promoted,
                                                         text="Tout est à lire (lien en bio) !",
                                                         url="https://blog.example.fr/a/"))
    assert told.text == "Tout est à lire (lien en bio)\u00a0!\n\n#FaitMain"


def test_added_hashtags_stop_at_the_networks_limit_counting_the_typed_ones() -> None:
    calendar = calendar_from(PARIS_CALENDAR)
    instagram = builtin_registry()["instagram"]
    limit = instagram.max_hashtags
    assert limit is not None
    tags = tuple(f"tag{n}" for n in range(limit + 3))
    promoted = article("a", "2027-01-10T09:00", calendar, tags=tags)
    typed = " ".join(f"#Ecrit{n}" for n in range(limit - 1))
    composed = composer(calendar=calendar).compose(PostParts(network=instagram, item_id="i", article=promoted,
                                                             text=f"Salon {typed}"))
    assert composed.hashtags == ("#Tag0",)
    assert composed.text.endswith(f"{typed}\n\n#Tag0")
    full = composer(calendar=calendar).compose(PostParts(network=instagram, item_id="i", article=promoted,
                                                         text="Salon " + " ".join(f"#E{n}" for n in range(limit))))
    assert full.hashtags == ()
    # A tag typed as a hashtag, accents and case aside, is not added again; one it only begins is.
    accents = article("b", "2027-01-10T09:00", calendar, tags=("épiphanie", "salon"))
    typed_once = composer(calendar=calendar).compose(PostParts(network=instagram, item_id="i", article=accents,
                                                               text="Galettes #EPIPHANIE au #Salon2027"))
    assert typed_once.hashtags == ("#Salon",)


def test_a_site_link_in_the_text_is_tracked_where_it_is_written_only() -> None:
    """The home page's URL is the start of every other URL of the site: the article's link is tracked as
    itself, not mangled by the home page's tracking."""
    calendar = calendar_from(PARIS_CALENDAR + "posts:\n  - id: p\n    networks: [x]\n    at: 2027-01-12 09:00\n"
                             "    text: \"Notre blog https://blog.example.fr/ et https://blog.example.fr/2027/a/. Fin\"\n")
    post = by_id(plan_of(calendar))["p-x"]
    assert post.text == ("Notre blog https://blog.example.fr/?utm_source=x&utm_medium=social&utm_campaign=p "
                         "et https://blog.example.fr/2027/a/?utm_source=x&utm_medium=social&utm_campaign=p. Fin")

def test_an_address_closed_by_its_own_bracket_is_tracked_after_it() -> None:
    """``…/Python_(langage)`` was tracked ``…/Python_(langage?utm_…=p)``, ``…/a[1]`` ``…/a[1?utm_…=p]``: the
    query written inside the address's brackets, a page that does not exist. A bracket around the address
    is not the address's."""
    calendar = calendar_from(PARIS_CALENDAR + "posts:\n  - id: p\n    networks: [x]\n    at: 2027-01-12 09:00\n"
                             "    text: \"Voir https://blog.example.fr/Python_(langage) https://blog.example.fr/a[1]. "
                             "(https://blog.example.fr/b) [https://blog.example.fr/c]\"\n")
    tracked = "?utm_source=x&utm_medium=social&utm_campaign=p"
    assert by_id(plan_of(calendar))["p-x"].text == (
        f"Voir https://blog.example.fr/Python_(langage){tracked} https://blog.example.fr/a[1]{tracked}. "
        f"(https://blog.example.fr/b{tracked}) [https://blog.example.fr/c{tracked}]")


@pytest.mark.parametrize(("written", "address"), [
    ("Voir https://blog.example.fr/a_((b)) ici", "https://blog.example.fr/a_((b))"),
    ("Voir (https://blog.example.fr/a_((b))) ici", "https://blog.example.fr/a_((b))"),
    ("Voir https://blog.example.fr/a_(c(b)d). Ici", "https://blog.example.fr/a_(c(b)d)"),
    ("Voir [https://blog.example.fr/a_((b))] ici", "https://blog.example.fr/a_((b))"),
])
def test_an_address_with_brackets_nested_in_its_own_is_tracked_after_it_as_x_and_mastodon_link_it(
        written: str, address: str) -> None:
    """``…/a_((b))`` was tracked ``…/a_((b)?utm_…=p)``: the query before the last ")", which X and Mastodon
    link with the address (twitter-text balances one bracket inside another), a page that does not exist.
    The draft's link is the whole address, tracked after it, and each network links all of it."""
    from edcal.networks.mastodon_urls import mastodon_links
    from edcal.networks.twitter_urls import url_entities

    calendar = calendar_from(PARIS_CALENDAR + "posts:\n  - id: p\n    networks: [x, mastodon]\n"
                             f"    at: 2027-01-12 09:00\n    text: {json.dumps(written)}\n")
    items = by_id(plan_of(calendar))
    for network in ("x", "mastodon"):
        tracked = f"{address}?utm_source={network}&utm_medium=social&utm_campaign=p"
        item = items[f"p-{network}"]
        assert item.url == tracked
        assert item.text == written.replace(address, tracked)
    x_text, mastodon_text = items["p-x"].text, items["p-mastodon"].text
    assert [link["url"] for link in url_entities(x_text)] == [items["p-x"].url]
    assert [mastodon_text[start:end] for start, end in mastodon_links(mastodon_text)] == [items["p-mastodon"].url]


@pytest.mark.parametrize("text", ["https://x.fr/" + "((a)" * 25000, "https://x.fr/a" + "(a(b)" * 20000,
                                  "https://x.fr/" + "(((a)))" * 14000, "https://x.fr/(" + "(a)" * 33000])
def test_addresses_with_brackets_are_read_in_linear_time(text: str) -> None:
    """100 kB of brackets after an address: its own ones are read once each."""
    import time

    from edcal.plan.compose import URL_IN_TEXT

    started = time.process_time()
    found = URL_IN_TEXT.findall(text + " ici")
    assert time.process_time() - started < 0.5
    assert len(found) == 1


def test_a_link_to_an_article_is_tracked_as_that_articles() -> None:
    """`{campaign}` is the article's slug for a post linking to it, as docs/calendar.md says: it was the
    entry's id, and one article's traffic was spread over as many campaign names as posts linked to it."""
    calendar = calendar_from(PARIS_CALENDAR + "posts:\n  - {id: relance, networks: [x], at: 2027-01-12 09:00,\n"
                             "     text: Relisez-le, link: 'https://blog.example.fr/portail/#fin'}\n"
                             "  - {id: ailleurs, networks: [x], at: 2027-01-13 09:00, text: Hop, link: /contact/}\n")
    items = by_id(plan_of(calendar, [article("portail", "2027-01-05T09:00", calendar)]))
    assert items["relance-x"].url == ("https://blog.example.fr/portail/?utm_source=x&utm_medium=social"
                                      "&utm_campaign=portail#fin")
    assert items["ailleurs-x"].url.endswith("utm_campaign=ailleurs")  # no article: the entry's id


def test_a_site_link_in_the_text_stays_with_that_text() -> None:
    """A network's own text without the link has none: `link:` gives every network one."""
    calendar = calendar_from(PARIS_CALENDAR +
                             "posts:\n  - id: p\n    networks: [x, mastodon]\n    at: 2027-01-12 09:00\n"
                             "    text: \"Portes ouvertes : https://blog.example.fr/2027/po/\"\n"
                             "    variants:\n      x: {text: \"Portes ouvertes samedi, lien en bio\"}\n")
    items = by_id(plan_of(calendar))
    assert items["p-x"].url is None and items["p-x"].text == "Portes ouvertes samedi, lien en bio"
    assert items["p-mastodon"].url.startswith("https://blog.example.fr/2027/po/?utm_source=mastodon")


def test_links_written_in_a_bluesky_text_are_shown_counted_and_faceted_as_the_app_does() -> None:
    """A link in `text:` was counted whole (an error at 331 where the app counts 240) and had no facet."""
    from edcal.networks.facets import facets as bluesky_facets

    long = "https://www.atelier-morel.example/2027/salon-industrie/?utm_source=newsletter&utm_medium=email"
    calendar = calendar_from(PARIS_CALENDAR.replace("  mastodon: {}\n", "  mastodon: {}\n  bluesky: {}\n") + "posts:\n"
                             f"  - {{id: a, networks: [bluesky], at: 2027-01-12 09:00, link: /lancement/,"
                             f" text: 'Voir {long} et « ça » : {'é' * 200}'}}\n")
    item = by_id(plan_of(calendar, [article("lancement", "2027-01-05T09:00", calendar)]))["a-bluesky"]
    shown = "www.atelier-morel.example/2027/salon-i..."
    assert item.text.startswith(f"Voir {shown} et")
    assert item.length == len(item.text) < 300  # the link counts 41 as the app counts it, not 95
    assert item.pasted.startswith(f"Voir {long} et")
    facets = bluesky_facets(item, calendar.networks["bluesky"])
    start = len(b"Voir ")
    assert facets[0] == {"byteStart": start, "byteEnd": start + len(shown), "uri": long}
    assert item.text.encode()[facets[0]["byteStart"]:facets[0]["byteEnd"]].decode() == shown


def test_bluesky_hashtags_get_tag_facets_and_a_links_fragment_does_not() -> None:
    """Posted through the API, `#Verrière` was plain text: only links had facets."""
    from edcal.networks.facets import facets as bluesky_facets

    calendar = calendar_from(PARIS_CALENDAR.replace("  mastodon: {}\n", "  mastodon: {}\n  bluesky: {}\n") + "posts:\n"
                             "  - {id: a, networks: [bluesky, mastodon], at: 2027-01-12 09:00, "
                             "text: 'Notre #Verrière : https://ailleurs.example/page#suite #Atelier_2027 #2027, "
                             "(#Lyon) #Salon-Lyon.'}\n")
    items = by_id(plan_of(calendar))
    item = items["a-bluesky"]
    found = bluesky_facets(item, calendar.networks["bluesky"])
    data = item.text.encode()
    assert [(data[f["byteStart"]:f["byteEnd"]].decode(), f.get("tag"), f.get("uri")) for f in found] == [
        ("#Verrière", "Verrière", None), ("ailleurs.example/page#suite", None, "https://ailleurs.example/page#suite"),
        ("#Atelier_2027", "Atelier_2027", None), ("#Salon-Lyon", "Salon-Lyon", None)]  # as Bluesky's app reads tags:
    # digits only are none, nor one after "(", and a final full stop is the sentence's
    assert bluesky_facets(items["a-mastodon"], calendar.networks["mastodon"]) == []  # Mastodon links them itself


def test_every_link_to_the_site_in_a_text_is_tracked_and_a_link_tracked_already_is_left_alone() -> None:
    """Only the first link of a text was tracked, not http:// nor a host without www.; a link carrying
    utm_source=newsletter got utm_medium=social added, and the click was credited to the newsletter."""
    calendar = calendar_from(PARIS_CALENDAR + "posts:\n"
                             "  - {id: a, networks: [linkedin], at: 2027-01-12 09:00, text: 'Lisez "
                             "https://blog.example.fr/2027/un/ puis http://www.blog.example.fr/2027/deux/ et "
                             "https://BLOG.example.fr/2027/trois/?utm_source=newsletter ou https://ailleurs.example/'}\n")
    text = by_id(plan_of(calendar))["a-linkedin"].text
    assert "https://blog.example.fr/2027/un/?utm_source=linkedin&utm_medium=social&utm_campaign=a " in text
    assert "http://www.blog.example.fr/2027/deux/?utm_source=linkedin&utm_medium=social&utm_campaign=a " in text
    assert "https://BLOG.example.fr/2027/trois/?utm_source=newsletter ou" in text
    assert text.endswith("https://ailleurs.example/")


def test_bluesky_links_keep_their_place_their_parentheses_and_their_order() -> None:
    """The shown text also written in the prose took the facet and the pasted URL; a URL's closing
    parenthesis was left out of the link; only the first of several links was looked at."""
    from edcal.networks.facets import facets as bluesky_facets
    from edcal.outputs.pages import post_html

    wiki = "https://fr.wikipedia.org/wiki/Python_(langage)"
    calendar = calendar_from(PARIS_CALENDAR.replace("  mastodon: {}\n", "  mastodon: {}\n  bluesky: {}\n") + "posts:\n"
                             f"  - {{id: a, networks: [bluesky], at: 2027-01-12 09:00, text: 'Inscriptions sur lesalon.fr : "
                             f"https://lesalon.fr/ et {wiki} puis https://lesalon.fr/programme-complet-2027'}}\n")
    item = by_id(plan_of(calendar))["a-bluesky"]
    assert item.text == ("Inscriptions sur lesalon.fr\u00a0: lesalon.fr et fr.wikipedia.org/wiki/Python_... puis "
                         "lesalon.fr/programme-co...")
    assert item.pasted == ("Inscriptions sur lesalon.fr\u00a0: https://lesalon.fr/ et " + wiki + " puis "
                           "https://lesalon.fr/programme-complet-2027")
    facets = bluesky_facets(item, calendar.networks["bluesky"])
    assert [f["uri"] for f in facets] == ["https://lesalon.fr/", wiki, "https://lesalon.fr/programme-complet-2027"]
    data = item.text.encode()
    assert [data[f["byteStart"]:f["byteEnd"]].decode() for f in facets] == \
        ["lesalon.fr", "fr.wikipedia.org/wiki/Python_...", "lesalon.fr/programme-co..."]
    html = str(post_html(item.text, item.links))
    assert html.count('<a class="link"') == 3 and f'href="{wiki}"' in html
    assert html.startswith("Inscriptions sur lesalon.fr\u00a0: <a")


def test_bluesky_links_are_the_ones_its_app_finds() -> None:
    """A URL glued to what precedes it (`👉https://…`, `lien:https://…`) is no link in Bluesky's app: it is
    shown and counted whole there. edcal counted it short (248 where the app counts 338, over 300)."""
    calendar = calendar_from(PARIS_CALENDAR.replace("  mastodon: {}\n", "  mastodon: {}\n  bluesky: {}\n") + "posts:\n"
                             "  - {id: a, networks: [bluesky], at: 2027-01-12 09:00, text: 'Programme 👉https://ailleurs"
                             ".example/2027/programme-complet/ ; (https://ailleurs.example/plan-du-salon). Fin'}\n")
    item = by_id(plan_of(calendar))["a-bluesky"]
    assert item.text == ("Programme 👉https://ailleurs.example/2027/programme-complet/\u00a0; "
                         "(ailleurs.example/plan-du-salon). Fin")  # after "(" it is one, less its ")" and "."
    assert [url for _, _, url in item.links] == ["https://ailleurs.example/plan-du-salon"]
    # The app takes what follows a link up to the next space, less one final mark: "…" is part of it.
    from edcal.plan.compose import app_links
    text = "Voir https://a.example/x… et https://a.example/y!! ou https://a.example/(z))"
    assert [text[start:end] for start, end in app_links(text)] == [
        "https://a.example/x…", "https://a.example/y!", "https://a.example/(z))"]


def test_a_links_fragment_is_no_hashtag_and_a_typed_query_is_kept_as_written() -> None:
    """`https://salon.fr/#programme` counted as a hashtag: Threads' one topic tag made two, and the check
    refused the draft edcal wrote itself. `?q=acier;page=2&tri` came back as `?q=acier%3Bpage%3D2&tri=`."""
    values = {"network": "x", "campaign": "c", "article": "", "item": "i"}
    assert track("https://blog.example.fr/r/?q=acier;page=2&tri#bas", values, Tracking(), SITE.url) == \
        "https://blog.example.fr/r/?q=acier;page=2&tri&utm_source=x&utm_medium=social&utm_campaign=c#bas"
    assert track("https://blog.example.fr/r/?q=1&", values, Tracking(), SITE.url) == \
        "https://blog.example.fr/r/?q=1&utm_source=x&utm_medium=social&utm_campaign=c"  # not `&&`
    calendar = calendar_from(PARIS_CALENDAR.replace("  mastodon: {}\n", "  mastodon: {}\n  threads: {}\n") +
                             "campaigns:\n  - {id: c, name: C, from: 2027-01-01, until: 2027-02-01, hashtags: ['#Salon']}\n"
                             "posts:\n  - {id: p, networks: [threads], at: 2027-01-12 09:00, campaign: c,\n"
                             "     link: 'https://ailleurs.example/#programme', text: Le programme complet.}\n")
    item = by_id(plan_of(calendar))["p-threads"]
    assert item.text == "Le programme complet.\n\nhttps://ailleurs.example/#programme\n\n#Salon"
    from edcal.checks import run_checks
    assert [f.rule for f in run_checks(plan_of(calendar)) if f.rule == "too-many-hashtags"] == []
    from edcal.plan.compose import hashtags_in
    assert hashtags_in("Voir salon.fr/#programme, https://a.fr/#b et #Lyon") == ["#Lyon"]  # without a scheme too


def test_decomposed_accents_are_composed_as_networks_store_them() -> None:
    """`#Me\u0301tallerie` (e + combining accent, as some editors type it) was read as `#Me`: the campaign's
    `#Métallerie` was added a second time, and the file held one more character than was counted."""
    calendar = calendar_from(PARIS_CALENDAR + "campaigns:\n  - {id: c, name: C, from: 2027-01-01, until: 2027-02-01,"
                             " hashtags: ['#Métallerie']}\n"
                             "posts:\n  - {id: p, networks: [linkedin], at: 2027-01-12 09:00, campaign: c,\n"
                             "     text: \"Au salon #Me\\u0301tallerie\"}\n")
    item = by_id(plan_of(calendar))["p-linkedin"]
    assert item.text == "Au salon #Métallerie" and item.length == len(item.text)


def test_a_cut_summary_ends_on_its_last_word_and_lines_end_on_a_letter() -> None:
    calendar = calendar_from(PARIS_CALENDAR)
    bluesky = builtin_registry()["bluesky"]
    summary = "Le salon approche\u00a0: " + " ".join(["finition"] * 40)
    long_article = article("long", "2027-01-10T09:00", calendar, summary=summary)
    texts = []
    for limit in range(40, 80):  # wherever the cut falls, never " …" after "approche :"
        tight = dataclasses.replace(bluesky, limits=(dataclasses.replace(bluesky.limits[0], max=limit),))
        texts.append(composer(calendar=calendar).compose(PostParts(
            network=tight, item_id="i", article=long_article, url="https://blog.example.fr/long/")).text)
    assert "Le salon approche…" in "".join(texts) and " …" not in "".join(texts)
    # A cut after the colon keeps the no-break space French puts before it (the words were split on it).
    assert any("Le salon approche\u00a0: finition" in text for text in texts)
    spaced = composer(calendar=calendar).compose(PostParts(network=bluesky, item_id="i", text="Ligne\u00a0\nDeux"))
    assert spaced.text == "Ligne\nDeux"


def test_the_articles_link_written_another_way_is_tracked_once_not_added_again() -> None:
    """docs/calendar.md: a link written in `text:` is tracked in place and not repeated. Written without
    its final "/", with http:// or www., or as a bare address, it was tracked and then added a second time."""
    for written in ("https://blog.example.fr/a", "http://blog.example.fr/a/", "https://www.blog.example.fr/a",
                    "blog.example.fr/a/", "https://blog.example.fr/a/index.html"):
        calendar = calendar_from(PARIS_CALENDAR + "posts:\n  - {id: p, networks: [x], at: 2027-01-12 09:00, "
                                 f"article: a, text: 'Le programme : {written} !'}}\n")
        text = by_id(plan_of(calendar, [article("a", "2027-01-05T09:00", calendar)]))["p-x"].text
        assert text == "Le programme\u00a0: https://blog.example.fr/a/?utm_source=x&utm_medium=social&utm_campaign=a\u00a0!", \
            written
    # The home page written bare, or its host alone, is the home page's link; `aindex.html` is another page.
    calendar = calendar_from(PARIS_CALENDAR + "posts:\n  - {id: p, networks: [x], at: 2027-01-12 09:00, link: /, "
                             "text: 'Notre site : www.blog.example.fr'}\n"
                             "  - {id: q, networks: [x], at: 2027-01-12 09:00, article: a, "
                             "text: 'Voir blog.example.fr/aindex.html'}\n")
    items = by_id(plan_of(calendar, [article("a", "2027-01-05T09:00", calendar)]))
    assert items["p-x"].text == "Notre site\u00a0: https://blog.example.fr/?utm_source=x&utm_medium=social&utm_campaign=p"
    # (written bare, it is tracked in place too, as networks make it a link)
    assert items["q-x"].text.startswith("Voir https://blog.example.fr/aindex.html?utm_source=x&utm_medium=social"
                                        "&utm_campaign=a\n\nhttps://blog.example.fr/a/?utm")
    # Another page of the site stays itself, tracked, and the article's link follows.
    calendar = calendar_from(PARIS_CALENDAR + "posts:\n  - {id: p, networks: [x], at: 2027-01-12 09:00, "
                             "article: a, text: 'Voir https://blog.example.fr/ab/'}\n")
    text = by_id(plan_of(calendar, [article("a", "2027-01-05T09:00", calendar)]))["p-x"].text
    assert text.startswith("Voir https://blog.example.fr/ab/?utm_source=x") and text.count("https://") == 2


def test_french_posts_get_the_blogs_no_break_spaces_and_others_do_not() -> None:
    """The blog gave its titles and summaries a no-break space before ":" and the drafts did not: the same
    title read "Salon\u00a0: J-7" on the blog and "Salon : J-7" in the post, which may break before its colon."""
    calendar = calendar_from(PARIS_CALENDAR + "posts:\n"
                             "  - {id: p, networks: [x], at: 2027-01-12 09:00, text: 'Salon : J-7 ! « Venez » 100 %'}\n")
    assert by_id(plan_of(calendar))["p-x"].text == "Salon\u00a0: J-7\u00a0! «\u00a0Venez\u00a0» 100\u00a0%"
    english = article("en-salon", "2027-01-05T09:00", calendar, title="Trade fair: see you there!", lang="en")
    composed = composer(calendar=calendar).compose(PostParts(network=builtin_registry()["x"], item_id="i",
                                                             article=english, text="Trade fair : soon !"))
    assert composed.text.startswith("Trade fair : soon !")  # an English article's post is left as typed


def test_french_spacing_follows_the_language_of_what_the_post_is_about() -> None:
    """A `link:` to an English article got French spacing (only `article:` was looked at); code between
    backquotes was spaced too."""
    calendar = calendar_from(PARIS_CALENDAR + "posts:\n"
                             "  - {id: p, networks: [x], at: 2027-01-12 09:00, link: /en-salon/, text: 'Trade fair : soon !'}\n"
                             "  - {id: q, networks: [x], at: 2027-01-12 09:00, text: 'Code : `a ? b : c` !'}\n")
    items = by_id(plan_of(calendar, [article("en-salon", "2027-01-05T09:00", calendar, lang="en")]))
    assert items["p-x"].text.startswith("Trade fair : soon !")
    assert items["q-x"].text == "Code\u00a0: `a ? b : c`\u00a0!"


def test_an_internal_network_with_max_hashtags_0_gets_no_hashtags() -> None:
    """An intranet (Teams) declared with `max_hashtags: 0` was refused ("a number of at least 1"), and its
    drafts carried the campaign's hashtags and the article's tags (`#NovalisRecrute #Emploi`); a network
    refusing "#" got them too, then `edcal check` refused the text edcal had written itself."""
    networks = ("  teams: {custom: true, name: Teams, limit: 5000, max_hashtags: 0}\n"
                "  intranet: {custom: true, name: Intranet, limit: 5000, forbidden_characters: '#'}\n")
    calendar = calendar_from(
        PARIS_CALENDAR.replace("  mastodon: {}\n", "  mastodon: {}\n" + networks)
        + "campaigns:\n  - {id: c, name: C, from: 2027-01-01, until: 2027-02-01, hashtags: ['#Recrute']}\n"
        "posts:\n  - {id: p, networks: [teams, intranet, mastodon], at: 2027-01-12 09:00, campaign: c,\n"
        "     article: offre, text: Nous recrutons.}\n")
    items = by_id(plan_of(calendar, [article("offre", "2027-01-11T09:00", calendar, tags=["emploi"])]))
    assert "#" not in (items["p-teams"].text or "") and "#" not in (items["p-intranet"].text or "")
    assert "#Recrute #Emploi" in (items["p-mastodon"].text or "")  # elsewhere they are still given
    from edcal.checks import run_checks
    assert [f.rule for f in run_checks(plan_of(calendar, [article("offre", "2027-01-11T09:00", calendar,
                                                                   tags=["emploi"])]))
            if f.rule in ("too-many-hashtags", "forbidden-characters")] == []


def test_a_link_to_one_of_the_site_s_articles_is_that_article_s_post() -> None:
    """`link: /offre/` rather than `article: offre`: the checks judged it as the article's post, but its draft
    said "En savoir plus :", and plan.json's `article` was null. Its text does not grow with the article's tags
    (a post written to its limit would go over it)."""
    calendar = calendar_from(PARIS_CALENDAR + "posts:\n  - {id: p, networks: [linkedin], at: 2027-01-12 09:00,\n"
                             "     link: /offre/, text: Nous recrutons.}\n")
    offer = article("offre", "2027-01-11T09:00", calendar, tags=["emploi"])
    item = by_id(plan_of(calendar, [offer]))["p-linkedin"]
    assert item.article == "offre"
    assert "Lire l'article\u00a0: https://blog.example.fr/offre/?utm_source=linkedin" in (item.text or "")
    assert "#" not in (item.text or "")


def test_a_promotion_takes_texts_in_turn() -> None:
    """A job offer posted five times while open: the reminders were one text ("In case you missed it: …"),
    `duplicate-text` said so and hinted `texts:`, which promotions refused."""
    from edcal.checks import run_checks

    def plan(texts: str):
        calendar = calendar_from(PARIS_CALENDAR + "posts:\n  - {promote: offre, networks: [mastodon], " + texts
                                 + "schedule: [at publication, +1 week, +2 weeks, +3 weeks]}\n")
        return plan_of(calendar, [article("offre", "2027-01-11T09:00", calendar)], now="2027-01-04T08:00:00+01:00")

    repeated = [f.item for f in run_checks(plan(""), only=["duplicate-text"])]
    assert repeated == ["offre-mastodon-2w"]  # the second reminder repeats the first
    items = by_id(plan("texts: ['Nous recrutons un soudeur.', 'Toujours ouvert : soudeur H/F.'], "))
    texts = [(items[f"offre-mastodon-{step}"].text or "").split("\n")[0] for step in ("0", "1w", "2w", "3w")]
    assert texts == ["Nous recrutons un soudeur.", "Au cas où vous l'auriez manqué\u00a0: Toujours ouvert\u00a0: soudeur H/F.",
                     "Au cas où vous l'auriez manqué\u00a0: nous recrutons un soudeur.",  # French after a colon
                     "Dernier rappel\u00a0: Toujours ouvert\u00a0: soudeur H/F."]
    assert run_checks(plan("texts: [Un, Deux], "), only=["duplicate-text"]) == []


def test_a_network_s_own_utm_medium() -> None:
    """An intranet's clicks were `utm_medium=social`, mixed with the social networks' in the analytics."""
    calendar = calendar_from(PARIS_CALENDAR.replace("  mastodon: {}\n", "  mastodon: {}\n  intranet: {custom: true, "
                                                    "name: Intranet, limit: 5000, utm_medium: intranet}\n")
                             + "posts:\n  - {id: p, networks: [intranet, mastodon], at: 2027-01-12 09:00, link: /a/,"
                             " text: 'Voir https://blog.example.fr/b/'}\n")
    items = by_id(plan_of(calendar))
    assert "utm_source=intranet&utm_medium=intranet&" in (items["p-intranet"].url or "")
    assert "https://blog.example.fr/b/?utm_source=intranet&utm_medium=intranet&" in (items["p-intranet"].text or "")
    assert "utm_source=mastodon&utm_medium=social&" in (items["p-mastodon"].url or "")


def test_a_bare_site_link_in_the_text_is_the_post_s_link_and_an_article_s() -> None:
    """`Voir www.blog.example.fr/a/` (networks link it too) stayed as typed, untracked, and a post linking an
    article in its text only had no `article` in plan.json."""
    calendar = calendar_from(PARIS_CALENDAR + "posts:\n"
                             "  - {id: p, networks: [mastodon], at: 2027-01-12 09:00, text: 'Voir www.blog.example.fr/a/ merci'}\n"
                             "  - {id: q, networks: [mastodon], at: 2027-01-12 10:00, text: 'Voir blog.example.fr/b/ merci'}\n")
    items = by_id(plan_of(calendar, [article("a", "2027-01-11T09:00", calendar)]))
    assert items["p-mastodon"].text == ("Voir https://www.blog.example.fr/a/?utm_source=mastodon&utm_medium=social"
                                        "&utm_campaign=a merci")  # in place, not added again
    assert items["p-mastodon"].article == "a"
    assert items["q-mastodon"].url == "https://blog.example.fr/b/?utm_source=mastodon&utm_medium=social&utm_campaign=q"
    assert items["q-mastodon"].article is None  # no article there: a page of the site


def test_a_link_tagged_by_another_analytics_tool_is_left_as_written() -> None:
    """Parameters renamed for Matomo: `?utm_source=newsletter` got `&mtm_source=linkedin…` too, crediting the click
    to two sources."""
    from edcal.model.calendar import Tracking

    matomo = Tracking(parameters=(("source", "mtm_source"), ("medium", "mtm_medium"), ("campaign", "mtm_campaign"),
                                  ("content", "mtm_content")))
    values = {"network": "linkedin", "campaign": "c", "article": "", "item": "i"}
    for tagged in ("https://blog.example.fr/a/?utm_source=newsletter", "https://blog.example.fr/a/?pk_campaign=x"):
        assert track(tagged, values, matomo, SITE.url) == tagged
        assert track(tagged, values, Tracking(), SITE.url) == tagged


def test_each_post_says_the_language_of_its_text() -> None:
    """Mastodon's `language` and Bluesky's `langs`: posts.json and the sidecars gave no language for a post."""
    from edcal.outputs.drafts import sidecar
    from edcal.outputs.exports import posts_json

    calendar = calendar_from(PARIS_CALENDAR.replace("  mastodon: {}", "  mastodon: {}\n  linkedin-en: {like: linkedin, "
                                                    "name: LinkedIn (English), lang: en-GB}")
                             + "posts:\n  - {id: p, networks: [mastodon, linkedin-en], at: 2027-01-12 09:00, text: Hi}\n")
    plan = plan_of(calendar)
    items = by_id(plan)
    assert [sidecar(items[i], plan)["lang"] for i in ("p-mastodon", "p-linkedin-en")] == ["fr", "en-GB"]
    import json
    assert {p["id"]: p["lang"] for p in json.loads(posts_json([items["p-mastodon"]], plan))["posts"]} == {"p-mastodon": "fr"}


def test_a_content_warning_on_mastodon_is_counted_with_the_text_and_kept_apart() -> None:
    """`cw:` was an unknown field; typed as the text's first line, it stayed in the text and hid nothing."""
    import json

    from edcal.checks import run_checks
    from edcal.outputs.drafts import sidecar
    from edcal.outputs.exports import posts_json
    from edcal.outputs.plan_json import document

    calendar = calendar_from(PARIS_CALENDAR + "posts:\n  - {id: p, networks: [mastodon, linkedin], at: 2027-01-12 09:00,"
                             " cw: Violences conjugales, text: Notre rapport annuel}\n")
    plan = plan_of(calendar)
    items = by_id(plan)
    mastodon, linkedin = items["p-mastodon"], items["p-linkedin"]
    assert (mastodon.cw, mastodon.text, mastodon.length) == ("Violences conjugales", "Notre rapport annuel", 40)
    assert (linkedin.cw, linkedin.length) == (None, 20)
    assert sidecar(mastodon, plan)["cw"] == "Violences conjugales"
    assert json.loads(posts_json([mastodon], plan))["posts"][0]["cw"] == "Violences conjugales"
    assert {i["id"]: i.get("cw") for i in document(plan)["items"]} == {"p-linkedin": None, "p-mastodon": "Violences conjugales"}
    lost = run_checks(plan, only=["content-warning-lost"])
    assert [(f.item, str(f.source)) for f in lost] == [("p-linkedin", "calendar.yaml:10")]
    assert lost[0].message == ("LinkedIn post 'p-linkedin' has a content warning (Violences conjugales), which LinkedIn "
                               "does not show: its text goes out unwarned")
    # Its own on a network, or none there: `variants:`.
    calendar = calendar_from(PARIS_CALENDAR + "posts:\n  - id: q\n    networks: [mastodon, linkedin]\n"
                             "    at: 2027-01-12 09:00\n    cw: Deuil\n    text: Hommage\n"
                             "    variants:\n      mastodon: {cw: Décès}\n      linkedin: {skip: true}\n")
    plan = plan_of(calendar)
    assert [(i.id, i.cw) for i in plan.items if i.kind == "post"] == [("q-mastodon", "Décès")]
    assert run_checks(plan, only=["content-warning-lost"]) == []


def test_bare_site_links_are_found_only_where_they_are_the_site_s() -> None:
    """Review: a SITEURL without a host made the bare pattern match everywhere (`lundi https:/// mardi`); a bare
    address inside a share link was taken for the post's; only the first bare link was tracked; a bare address
    outside SITEURL's path was taken for the site's."""
    from edcal.plan.compose import site_link_in

    text = "Ouvert lundi / mardi, 9h-18h"
    assert site_link_in(text, "blog.example.fr") is None and site_link_in(text, "/") is None
    assert site_link_in("Partagez facebook.com/sharer.php?u=blog.example.fr/a/ merci", SITE.url) is None
    assert site_link_in("Partagez https://facebook.com/sharer.php?u=blog.example.fr/a/ merci", SITE.url) is None
    assert site_link_in("Voir blog.example.fr/boutique/", "https://blog.example.fr/journal") is None
    assert site_link_in("Voir blog.example.fr/journal/a/", "https://blog.example.fr/journal") == \
        "https://blog.example.fr/journal/a/"
    assert site_link_in("Voir blog.example.fr/a/ puis https://blog.example.fr/b/", SITE.url) == \
        "https://blog.example.fr/a/"  # the first in the text
    calendar = calendar_from(PARIS_CALENDAR + "posts:\n  - {id: p, networks: [x], at: 2027-01-12 09:00, "
                             "text: 'Voir www.blog.example.fr/a/ et blog.example.fr/b/'}\n")
    text = by_id(plan_of(calendar))["p-x"].text or ""
    assert "https://blog.example.fr/b/?utm_source=x" in text and " blog.example.fr/b/" not in text


def test_a_content_warning_is_counted_as_mastodon_counts_it() -> None:
    """Review: `cw + text` measured as one string: a URL in the warning cost 23 (Mastodon counts it in full), and
    `Spoiler` glued to a URL in the text hid the link (counted in full). A blank warning is none."""
    from edcal.checks import run_checks
    from edcal.outputs.exports import generic_csv, hootsuite

    url = "https://ailleurs.example.org/un/chemin/assez/long/pour/depasser/vingt-trois"
    calendar = calendar_from(PARIS_CALENDAR + "posts:\n"
                             f"  - {{id: a, networks: [mastodon], at: 2027-01-12 09:00, cw: '{url}', text: Bonjour}}\n"
                             f"  - {{id: b, networks: [mastodon], at: 2027-01-12 10:00, cw: Spoiler, text: '{url}'}}\n"
                             "  - {id: c, networks: [mastodon], at: 2027-01-12 11:00, cw: '  ', text: Bonjour}\n"
                             "  - {id: d, networks: [mastodon, linkedin], at: 2027-01-12 12:00, cw: Deuil, text: Hommage,"
                             " variants: {linkedin: {text: Un hommage sobre}}}\n")
    items = by_id(plan_of(calendar))
    assert items["a-mastodon"].length == len(url) + len("Bonjour")
    assert items["b-mastodon"].length == len("Spoiler") + 23
    assert (items["c-mastodon"].cw, items["c-mastodon"].length) == (None, 7)
    plan = plan_of(calendar)
    assert run_checks(plan, only=["content-warning-lost"]) == []  # LinkedIn has words of its own
    posts = [by_id(plan)[i] for i in ("d-mastodon",)]
    written = generic_csv(posts, plan)
    assert written.splitlines()[0].endswith(",cw,first_comment,thread,video,note,poll,account")
    assert written.rstrip().endswith(",Deuil,,,,,,")  # no account: calendar.yaml gives Mastodon none
    assert any("content warning (d-mastodon)" in note for note in hootsuite(posts, plan)[1])



def test_a_post_s_language_is_its_writer_s_when_it_links_a_translation() -> None:
    """Review: French words linking to the English version of an article were given `lang: en`; the post still
    links (and is judged as linking) the translation."""
    calendar = calendar_from(PARIS_CALENDAR + "posts:\n  - {id: p, networks: [mastodon], at: 2027-01-12 09:00, "
                             "text: 'Notre article existe en anglais : https://blog.example.fr/en/a/'}\n")
    english = article("a", "2027-01-05T09:00", calendar, lang="en", is_original=False, url="https://blog.example.fr/en/a/")
    plan = plan_of(calendar, [article("a", "2027-01-05T09:00", calendar), english])
    post = by_id(plan)["p-mastodon"]
    assert plan.language_of(post) == "fr" and post.lang == "en"


def test_an_address_is_read_as_a_browser_reads_it_to_find_the_blogs_file() -> None:
    """One reading of an address for the link-in-bio page, the articles' relative links and the files an
    article not online keeps out of output/, where three readings differed: `/../images/a.png` was nobody's
    image (a browser shows /images/a.png), `%2e%2e/` in a relative link was a folder named `..`, and
    `/images/a.png` under a blog at https://example.fr/blog was the blog's (a browser asks /images/a.png of the
    host, outside the blog)."""
    site = "https://blog.example.fr"
    page = "https://blog.example.fr/2027/publie/"
    assert {address: blog_path(address, site) for address in (
        "https://blog.example.fr", "HTTPS://user:pw@WWW.Blog.Example.FR.:443/a-propos/?x=1#haut",
        "//blog.example.fr/a-propos/", "/../images/a.png", "https://blog.example.fr/%2E%2E/x/%2e/../images/a.png",
        "/images/%C3%89t%C3%A9%202027.png", "/2027//a/", "images/a.png", "mailto:a@blog.example.fr",
        "ftp://blog.example.fr/a.png", "https://blog.example.fr:8443/", "https://[abc/", " /a-propos/ ")} == {
        "https://blog.example.fr": "", "HTTPS://user:pw@WWW.Blog.Example.FR.:443/a-propos/?x=1#haut": "a-propos/",
        "//blog.example.fr/a-propos/": "a-propos/", "/../images/a.png": "images/a.png",
        "https://blog.example.fr/%2E%2E/x/%2e/../images/a.png": "images/a.png",
        "/images/%C3%89t%C3%A9%202027.png": "images/Été 2027.png", "/2027//a/": "2027/a/",
        "images/a.png": None, "mailto:a@blog.example.fr": None, "ftp://blog.example.fr/a.png": None,
        "https://blog.example.fr:8443/": None, "https://[abc/": None, " /a-propos/ ": "a-propos/"}
    # Relative to the page that holds it.
    assert {address: blog_path(address, site, base=page) for address in (
        "../tarifs/", "%2e%2e/tarifs/", "../../../../a-propos/", "?page=2", "#suite", "./", "image.png",
        "a%2Fb/../c", "https://example.org/x/")} == {
        "../tarifs/": "2027/tarifs/", "%2e%2e/tarifs/": "2027/tarifs/", "../../../../a-propos/": "a-propos/",
        "?page=2": "2027/publie/", "#suite": "2027/publie/", "./": "2027/publie/",
        "image.png": "2027/publie/image.png", "a%2Fb/../c": "2027/publie/c", "https://example.org/x/": None}
    # A blog in a folder of its host: the rest of the host is not the blog's.
    blog = "https://example.fr/blog"
    assert [blog_path(address, blog, base="https://example.fr/blog/2027/a/") for address in (
        "/images/a.png", "https://example.fr/blog", "/blog/images/a.png", "https://example.fr/blogger/",
        "https://example.fr/blog/%2e%2e/boutique/", "../../../boutique/", "../../images/a.png")] == [
        None, "", "images/a.png", None, None, None, "images/a.png"]
    # SITEURL empty (a site not yet given its address): an address from the root is the site's, no host is.
    assert [blog_path(address, "") for address in ("/a-propos/", "https://blog.example.fr/a-propos/")] == [
        "a-propos/", None]


def test_the_posts_link_in_its_text_is_the_same_page_as_the_blog_reads_it() -> None:
    """The text's copy of the post's link is replaced by the tracked link when it is the same page as
    edcal.addresses reads the blog's: its host in Punycode or with a user's name, or https's own port, was
    another page to the text (tracked as another link, and the link added a second time); http on https's
    port 443, no page of the blog, was the same page there."""
    values = {"network": "x", "campaign": "a", "article": "a", "item": "p"}
    tracked = "https://blog.exemple-métal.fr/2027/a/?utm_source=x&utm_medium=social&utm_campaign=a"
    for written in ("https://blog.xn--exemple-mtal-jeb.fr/2027/a/", "https://user@blog.exemple-métal.fr/2027/a/",
                    "https://BLOG.exemple-métal.fr.:443/2027/a/", "http://www.blog.exemple-métal.fr:80/2027/a"):
        text = track_text(f"Le programme : {written} !", "https://blog.exemple-métal.fr/2027/a/", tracked, values,
                          Tracking(), "https://blog.exemple-métal.fr")
        assert text == f"Le programme : {tracked} !", written
    # http on port 443 (https's) opens no page of the blog: left as written, neither the link nor tracked.
    written = "http://blog.exemple-métal.fr:443/2027/a/"
    text = track_text(f"Voir {written}", "https://blog.exemple-métal.fr/2027/a/", tracked, values, Tracking(),
                      "https://blog.exemple-métal.fr")
    assert text == f"Voir {written}"


def test_a_host_with_an_accent_is_the_same_blog_written_either_way() -> None:
    """atelier-métal.fr is xn--atelier-mtal-jeb.fr to a browser: a link copied in one form to a blog
    whose SITEURL has the other was nobody's, so a dead link in it went untold."""
    assert [blog_path(address, "https://www.atelier-métal.fr") for address in (
        "https://www.xn--atelier-mtal-jeb.fr/2027/a/", "https://ATELIER-MÉTAL.fr/2027/a/",
        "https://www.atelier-metal.fr/2027/a/")] == ["2027/a/", "2027/a/", None]
    assert blog_path("https://www.atelier-métal.fr/2027/a/", "https://www.xn--atelier-mtal-jeb.fr/") == "2027/a/"
    # A host no IDNA encoding takes (an empty label, a label of 64 characters) is compared as written.
    assert blog_path(f"https://{'a' * 64}.fr/x", f"https://{'a' * 64}.fr") == "x"
    assert blog_path("https://a..fr/x", "https://www.atelier-métal.fr") is None
