"""The ambassadors' page: what staff may share from their own accounts, and nothing unpublished."""

from __future__ import annotations

import datetime as dt
import html
import re
import urllib.parse
from pathlib import Path

import pytest

from conftest import run_edcal, tree_text, write_pelicanconf
from edcal.errors import InputErrors
from edcal.networks.counting import measure_all
from helpers import PARIS_CALENDAR, article, calendar_from, plan_of

NOW = "2027-02-15T10:00:00+01:00"
SUGGESTIONS = PARIS_CALENDAR + """\
ambassadors:
  suggestions:
    - article: a-venir
      text: "Mon équipe recrute, faites suivre !"
      until: 2027-04-30
    - link: https://jobs.example.org/soudeur
      title: Offre de soudeur
      from: 2027-02-10
      until: 2027-02-20
"""


def articles(calendar, **more):
    return [
        article("recent", "2027-02-10T09:00", calendar, title="Un article récent", summary="Le résumé.",
                tags=("soudure",)),
        article("ancien", "2026-12-01T09:00", calendar, title="Un article ancien"),
        article("a-venir", "2027-03-01T09:00", calendar, title="Un article à venir"),
        article("brouillon", "2027-02-01T09:00", calendar, title="Un brouillon", status="draft"),
        *more.values(),
    ]


def test_recent_articles_come_with_words_for_each_network_as_it_counts_them() -> None:
    calendar = calendar_from(PARIS_CALENDAR)
    plan = plan_of(calendar, articles(calendar), now=NOW)
    assert [s.id for s in plan.sharing.shares] == ["recent"]  # not the old one, the future one or the draft
    share = plan.sharing.shares[0]
    assert share.online == dt.datetime(2027, 2, 10, 9, tzinfo=calendar.zone)
    assert share.until == dt.date(2027, 3, 11)  # 30 days, the first included
    # The site's networks that have a share form, in calendar.yaml's order.
    assert [t.network for t in share.texts] == ["linkedin", "x", "mastodon"]
    x = share.texts[1]
    assert x.text.startswith("Un article de notre blog que je vous recommande\u00a0: «\u00a0Un article récent\u00a0»")
    assert "Le résumé." not in x.text  # X has no room for the summary; LinkedIn has
    assert "Le résumé." in share.texts[0].text
    assert "#Soudure" in x.text
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(x.url).query)
    assert query == {"utm_source": ["x"], "utm_medium": ["ambassador"], "utm_campaign": ["recent"]}
    assert x.url in x.text
    network = calendar.networks["x"]
    assert x.length == measure_all(x.text, network)[0].length and x.limit == 280 and x.fits
    # X's form takes the words; LinkedIn's only the link.
    assert x.share_href == "https://x.com/intent/tweet?text=" + urllib.parse.quote(x.pasted, safe="")
    assert x.form_takes_text
    linkedin = share.texts[0]
    assert linkedin.share_href == ("https://www.linkedin.com/sharing/share-offsite/?url="
                                   + urllib.parse.quote(linkedin.url, safe=""))
    assert not linkedin.form_takes_text


def test_a_suggestion_for_an_article_to_come_waits_until_it_is_online() -> None:
    calendar = calendar_from(SUGGESTIONS)
    before = plan_of(calendar, articles(calendar), now=NOW)
    assert [s.id for s in before.sharing.shares] == ["offre-de-soudeur", "recent"]
    assert not any("venir" in t.pasted for s in before.sharing.shares for t in s.texts)
    after = plan_of(calendar, articles(calendar), now="2027-03-02T10:00:00+01:00")
    chosen = after.sharing.shares[0]
    assert (chosen.id, chosen.chosen, chosen.until) == ("a-venir", True, dt.date(2027, 4, 30))
    assert chosen.texts[0].text.startswith("Mon équipe recrute, faites suivre\u00a0!\n\nhttps://blog.example.fr/a-venir/?")
    # The job offer's window is over; the recent article is still within its 30 days, after the team's choice.
    assert [s.id for s in after.sharing.shares] == ["a-venir", "recent"]


def test_a_link_to_an_article_not_online_yet_is_not_suggested() -> None:
    calendar = calendar_from(PARIS_CALENDAR + """\
ambassadors:
  days: 0 days
  suggestions:
    - {link: /a-venir/, title: Bientôt}
    - {link: https://jobs.example.org/, title: Emplois}
""")
    plan = plan_of(calendar, articles(calendar), now=NOW)
    assert [s.id for s in plan.sharing.shares] == ["emplois"]  # and no recent article: days is 0
    # A page that is not the site's is not tracked.
    assert plan.sharing.shares[0].texts[0].url == "https://jobs.example.org/"


def test_networks_staff_share_on_need_not_be_the_company_s() -> None:
    calendar = calendar_from(PARIS_CALENDAR + "ambassadors:\n  networks: [facebook, twitter]\n  medium: salaries\n")
    plan = plan_of(calendar, articles(calendar), now=NOW)
    facebook, x = plan.sharing.shares[0].texts
    assert (facebook.network, x.network) == ("facebook", "x")
    assert "utm_medium=salaries" in facebook.url and "utm_source=facebook" in facebook.url
    assert facebook.share_href.startswith("https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2F")


def test_a_suggestion_naming_an_unknown_article_is_an_error() -> None:
    calendar = calendar_from(PARIS_CALENDAR + "ambassadors:\n  suggestions:\n    - article: recnt\n")
    with pytest.raises(InputErrors) as caught:
        plan_of(calendar, articles(calendar), now=NOW)
    (error,) = caught.value.errors
    assert (error.source.line, error.source.column) == (11, 16)
    assert error.message == "unknown article 'recnt'" and "recent" in error.hint


def test_a_suggestion_naming_an_article_by_its_title_is_told_its_slug() -> None:
    calendar = calendar_from(PARIS_CALENDAR + "ambassadors:\n  suggestions:\n    - article: UN ARTICLE RECENT.\n")
    with pytest.raises(InputErrors) as caught:
        plan_of(calendar, articles(calendar), now=NOW)
    (error,) = caught.value.errors
    assert error.hint == "did you mean 'recent'?"


@pytest.mark.parametrize(("section", "where", "message", "hint"), [
    ("  networks: [linkdin]\n", (10, 14), "unknown network 'linkdin'", "did you mean 'linkedin'?"),
    ("  days: deux semaines\n", (10, 9), "found 'deux semaines', expected a span", "'0 days'"),
    ("  suggestions:\n    - title: Rien\n", (11, 7), "found neither `article` nor `link`", "link: https://"),
    ("  suggestions:\n    - link: https://a.example/\n", (11, 7), "found a `link` without `title`", "title:"),
    ("  suggestions:\n    - {article: a, link: /b/}\n", (11, 7), "found both `article` and `link`", "article:"),
    ("  suggestions:\n    - {link: /b/, title: B, from: 2027-03-01, until: 2027-02-01}\n", (11, 54),
     "found until 2027-02-01, before from 2027-03-01", "after"),
    ("  suggestions:\n    - {link: /b/, title: B, campaign: lancement}\n", (11, 39), "unknown campaign", ""),
])
def test_wrong_ambassadors_settings_are_located_errors(section: str, where: tuple[int, int], message: str,
                                                       hint: str) -> None:
    with pytest.raises(InputErrors) as caught:
        calendar_from(PARIS_CALENDAR + "ambassadors:\n" + section)
    (error,) = caught.value.errors
    assert (error.source.line, error.source.column) == where
    assert error.message.startswith(message)
    assert hint in (error.hint or "")


def test_a_share_form_must_take_the_words_or_the_link() -> None:
    with pytest.raises(InputErrors) as caught:
        calendar_from(PARIS_CALENDAR.replace("  mastodon: {}", "  mastodon: {share_form: 'https://piaille.fr/share?t={texte}'}"))
    (error,) = caught.value.errors
    assert error.message.startswith("found placeholder {texte}, expected an http(s) address with {text}")
    calendar = calendar_from(PARIS_CALENDAR.replace("  mastodon: {}", "  mastodon: {share_form: 'https://piaille.fr/share?text={text}'}"))
    plan = plan_of(calendar, articles(calendar), now=NOW)
    mastodon = plan.sharing.shares[0].texts[2]
    assert mastodon.share_href == "https://piaille.fr/share?text=" + urllib.parse.quote(mastodon.pasted, safe="")


def test_the_page_holds_only_what_is_online_and_is_published_when_asked(site: Path) -> None:
    """The fixture's future article, draft and article in review carry canaries: none may reach the page,
    even when a suggestion names them; `publish:` copies the page alone into output/."""
    with (site / "calendar.yaml").open("a", encoding="utf-8") as calendar:
        calendar.write("""\
ambassadors:
  publish: partage
  networks: [linkedin, x]
  suggestions:
    - {article: futur, text: "CANARY-SUGGESTION-3307"}
    - {link: /2027/futur/, title: "CANARY-LINK-9921"}
    - {article: relecture}
    - {link: /pages/offre-secrete.html, title: "CANARY-DRAFTPAGE-4646"}
    - {link: /pages/contact.html, title: Nous contacter}
    - {link: /tag/secret-future-tag/, title: "CANARY-TAGLINK-5757"}
    - {link: /tag/reseaux-sociaux/, title: Nos articles sur les réseaux}
""")
    # A page still in draft: its link, and the address that tells its subject, wait for it.
    (site / "content" / "pages" / "offre-secrete.md").write_text("Title: Offre\nStatus: draft\n\nBientôt.\n",
                                                              encoding="utf-8")
    result = run_edcal("build", cwd=site)
    assert result.returncode == 0, result.stderr
    page = (site / "planning" / "share" / "index.html").read_text(encoding="utf-8")
    assert "Un article publié" in page and "utm_medium=ambassador" in page and "Nous contacter" in page
    assert "Nos articles sur les réseaux" in page  # a tag page a live article has
    # The build's summary says where the page is and how much it offers: the team hands it to staff.
    shown = page.count('<article class="share"')
    assert shown > 1 and f"ambassadors' page: {shown} items to share -> planning/share/" in result.stdout
    published = site / "output" / "partage"
    assert (published / "index.html").read_text(encoding="utf-8") == page
    assert (published / "assets" / "planning.css").is_file()
    for folder in (site / "planning" / "share", site / "output"):
        leaks = [path for path, text in tree_text(folder)
                 if any(canary in text for canary in ("CANARY-SUGGESTION-3307", "CANARY-LINK-9921", "CANARY-FUTURE",
                                                      "CANARY-REVIEW", "CANARY-DRAFT", "futur-secret",
                                                      "offre-secrete", "CANARY-TAGLINK"))]
        assert not leaks
    # The page stands alone: no link back into the team's planning pages.
    assert "../" not in page and "plan.json" not in page


@pytest.mark.parametrize("networks", ["", ", networks: [x]"])
def test_a_crisis_s_reason_stays_off_the_page_the_blog_publishes(site: Path, networks: str) -> None:
    """`publish:` puts the page in the public blog: a freeze's reason ("Incident client") went there."""
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace(
        "freeze:\n", f"freeze:\n  - {{from: 2027-02-14, until: 2027-02-16, reason: CANARY-CRISE-6060{networks}}}\n")
        + "ambassadors:\n  publish: partage\n  networks: [linkedin, x]\n", encoding="utf-8")
    result = run_edcal("build", cwd=site, env={"EDCAL_LANG": "en"})
    assert result.returncode == 0, result.stderr
    page = html.unescape((site / "output" / "partage" / "index.html").read_text(encoding="utf-8"))
    assert re.search(r"l'entreprise y? ?a suspendu ses publications\.<", page), page
    assert [path for path, text in tree_text(site / "output") if "CANARY-CRISE" in text] == []
    assert "CANARY-CRISE-6060" in (site / "planning" / "plan.json").read_text(encoding="utf-8")  # the team sees it
    if not networks:  # the whole page is paused: the summary counts nothing to share
        assert "ambassadors' page: 0 items to share -> planning/share/" in result.stdout


def test_staff_edit_the_words_and_share_them_as_edited(site: Path) -> None:
    """In Chromium: the box is editable, the share link follows the edit, the copy button copies it."""
    from browser import browser, screenshot

    result = run_edcal("build", cwd=site)
    assert result.returncode == 0, result.stderr
    with browser() as chromium:
        context = chromium.new_context(viewport={"width": 1200, "height": 900})
        page = context.new_page()
        page.goto((site / "planning" / "share" / "index.html").as_uri())
        assert page.locator("h1").inner_text() == "À partager"
        card = page.locator('.share#share-publie section[data-network="x"]')
        box = card.locator("textarea")
        assert box.input_value().startswith("Un article de notre blog que je vous recommande")
        box.fill("Mon avis : à lire ! https://blog.example.fr/2027/publie/")
        href = card.locator("a.share-form").get_attribute("href")
        assert href.startswith("https://x.com/intent/tweet?text=")
        assert urllib.parse.parse_qs(urllib.parse.urlsplit(href).query)["text"] == [box.input_value()]
        # LinkedIn's form takes the link only: the page says to paste the words.
        linkedin = page.locator('.share#share-publie section[data-network="linkedin"]')
        assert "ne prend que le lien" in linkedin.inner_text()
        card.locator("button.copy").click()
        card.locator('[role="status"]', has_text="Copié").wait_for(timeout=5000)
        screenshot(page, "planning-share")
        context.close()


def ids(calendar_yaml: str, now: str = NOW, **more) -> list[str]:
    calendar = calendar_from(PARIS_CALENDAR + calendar_yaml)
    return [s.id for s in plan_of(calendar, articles(calendar, **more), now=now).sharing.shares]


def test_a_freeze_empties_the_page_or_drops_the_networks_it_names() -> None:
    calendar = calendar_from(PARIS_CALENDAR + "freeze:\n  - {from: 2027-02-14, reason: Crise en cours}\n")
    sharing = plan_of(calendar, articles(calendar), now=NOW).sharing
    assert (sharing.shares, sharing.paused) == ((), "Crise en cours")
    calendar = calendar_from(PARIS_CALENDAR + "freeze:\n  - {from: 2027-02-14, reason: Migration, networks: [x]}\n")
    sharing = plan_of(calendar, articles(calendar), now=NOW).sharing
    assert sharing.paused is None and [t.network for t in sharing.shares[0].texts] == ["linkedin", "mastodon"]
    # A freeze of every network behind one of some networks still pauses the page.
    calendar = calendar_from(PARIS_CALENDAR + "freeze:\n  - {from: 2027-02-13, reason: Migration, networks: [x]}\n"
                             "  - {from: 2027-02-14, reason: Crise}\n")
    assert plan_of(calendar, articles(calendar), now=NOW).sharing.paused == "Crise"


def test_windows_of_suggestions() -> None:
    # Two suggestions for one article: both shown, with ids of their own.
    assert ids("ambassadors:\n  suggestions:\n    - {article: recent, networks: [x]}\n"
               "    - {article: recent, networks: [linkedin]}\n") == ["recent", "recent-2"]
    # With `days: 0 days`, an article's suggestion without `until` stays as long as it is listed.
    assert ids("ambassadors:\n  days: 0 days\n  suggestions:\n    - {article: ancien}\n") == ["ancien"]
    # A `from` after the article went online starts its `days` there.
    late = "ambassadors:\n  days: 10 days\n  suggestions:\n    - {article: ancien, from: 2027-02-10}\n"
    assert ids(late, now="2027-02-19T23:00:00+01:00") == ["ancien", "recent"]
    assert ids(late, now="2027-02-20T00:30:00+01:00") == []


@pytest.mark.parametrize("link", ["/a-venir/index.html", "/A-VENIR/", "https://blog.example.fr:443/a-venir/?x=1",
                                  "http://www.blog.example.fr/a-venir",
                                  # Dot segments, doubled slashes, a host's final dot (a hostile-input review)
                                  "/a-venir/../a-venir/", "/x//../a-venir/", "/./a-venir/", "/a-venir/./",
                                  "https://www.blog.example.fr./a-venir/", "https://blog.example.fr.:443/a-venir/",
                                  # No page (http on https's port), but its address in plain sight
                                  "http://blog.example.fr:443/a-venir/"])
def test_any_address_of_an_article_not_online_waits_for_it(link: str) -> None:
    assert ids(f"ambassadors:\n  days: 0 days\n  suggestions:\n    - {{link: '{link}', title: Bientôt}}\n") == []
    # Nor may the words name it, however written.
    assert ids("ambassadors:\n  days: 0 days\n  suggestions:\n    - {link: https://jobs.example.org/, title: Emplois, "
               f"text: 'Et bientôt {link}'}}\n") == []


def test_links_in_the_words_are_tracked_where_they_are_written() -> None:
    calendar = calendar_from(PARIS_CALENDAR + """\
ambassadors:
  networks: [linkedin]
  days: 0 days
  suggestions:
    - link: /recent/
      title: Récent
      text: "Lisez https://blog.example.fr/recent/ et https://blog.example.fr/ancien/ !"
""")
    text = plan_of(calendar, articles(calendar), now=NOW).sharing.shares[0].texts[0].text
    assert text.count("https://blog.example.fr/recent/?utm_source=linkedin&utm_medium=ambassador") == 1
    assert "https://blog.example.fr/ancien/?utm_source=linkedin&utm_medium=ambassador" in text
    assert "/recent/ " not in text and "/ancien/ " not in text  # no untracked copy, no second link


def test_tracking_follows_the_tracking_settings() -> None:
    off = calendar_from(PARIS_CALENDAR + "tracking: {enabled: false}\nambassadors: {networks: [linkedin]}\n")
    assert plan_of(off, articles(off), now=NOW).sharing.shares[0].texts[0].url == "https://blog.example.fr/recent/"
    renamed = calendar_from(PARIS_CALENDAR + "tracking: {parameters: {medium: mtm_medium}}\n"
                            "ambassadors: {networks: [linkedin]}\n")
    url = plan_of(renamed, articles(renamed), now=NOW).sharing.shares[0].texts[0].url
    assert "mtm_medium=ambassador" in url and "utm_medium" not in url


def test_bluesky_shows_the_link_short_and_shares_it_whole() -> None:
    calendar = calendar_from(PARIS_CALENDAR + "ambassadors: {networks: [bluesky]}\n")
    (words,) = plan_of(calendar, articles(calendar), now=NOW).sharing.shares[0].texts
    assert "blog.example.fr/recent/?utm_..." in words.text and words.url not in words.text
    assert words.url in words.pasted and words.share_href.endswith(urllib.parse.quote(words.pasted, safe=""))


def test_skipped_and_hidden_articles_only_when_named_or_promoted() -> None:
    calendar = calendar_from(PARIS_CALENDAR)
    from edcal.model.article import Social
    hidden = article("cache", "2027-02-11T09:00", calendar, status="hidden")
    skipped = article("discret", "2027-02-12T09:00", calendar, social=Social(skip=True))
    assert ids("", cache=hidden, discret=skipped) == ["recent"]
    assert ids("ambassadors:\n  suggestions:\n    - {article: cache}\n    - {article: discret}\n",
               cache=hidden, discret=skipped) == ["cache", "discret", "recent"]
    # A `promote:` entry, as it announces them on the company's networks, offers them among recent articles.
    assert ids("posts:\n  - {promote: cache, networks: [x]}\n  - {promote: discret, networks: [x]}\n",
               cache=hidden, discret=skipped) == ["discret", "cache", "recent"]


def test_images_only_unpublished_articles_show_stay_off_the_page() -> None:
    calendar = calendar_from(PARIS_CALENDAR + "ambassadors:\n  suggestions:\n"
                             "    - {link: https://jobs.example.org/, title: Emplois, image: images/secret.png}\n"
                             "    - {link: https://jobs.example.org/b, title: Autre, image: images/public.png}\n")
    future = article("a-venir", "2027-03-01T09:00", calendar, image="images/secret.png")
    shares = plan_of(calendar, [*articles(calendar)[:2], future], now=NOW).sharing.shares
    assert [(s.id, s.image) for s in shares[:2]] == [("emplois", None), ("autre", "images/public.png")]
    # Named by its address on the site, the page printed it as <img src>, its name and all.
    calendar = calendar_from(PARIS_CALENDAR + "ambassadors:\n  suggestions:\n"
                             "    - {link: https://jobs.example.org/, title: Emplois, "
                             "image: 'https://www.blog.example.fr/images/secret.png'}\n")
    shares = plan_of(calendar, [*articles(calendar)[:2], future], now=NOW).sharing.shares
    assert (shares[0].id, shares[0].image) == ("emplois", None)


@pytest.mark.parametrize(("section", "message"), [
    ("  medium: '{salaries}'\n", "found '{salaries}', expected text with placeholders"),
    ("  networks: []\n", "found no network, expected at least one"),
    ("  suggestions:\n    - {link: /a/, title: A, image: content/articles/futur.md}\n",
     "found image 'content/articles/futur.md', expected an image file"),
    ("  publish: public\nfeeds: {publish: public/calendriers}\n",
     "found publish 'public', which holds 'public/calendriers', the folder `feeds: publish:` fills"),
    ("  publish: calendars\nfeeds: {publish: true}\n", "found publish 'calendars', the folder `feeds: publish:` fills"),
])
def test_more_wrong_ambassadors_settings(section: str, message: str) -> None:
    with pytest.raises(InputErrors) as caught:
        calendar_from(PARIS_CALENDAR + "ambassadors:\n" + section)
    assert [e.message for e in caught.value.errors if e.message.startswith(message)], caught.value.errors


def test_next_change_counts_the_published_page_s_days() -> None:
    from edcal.plan.next_change import next_change

    yaml = "ambassadors:\n  suggestions:\n    - {link: https://jobs.example.org/, title: Emplois, from: 2027-02-20}\n"
    calendar = calendar_from(PARIS_CALENDAR + yaml)
    plan = plan_of(calendar, articles(calendar), now=NOW)
    assert next_change(plan, plan.now).isoformat() == "2027-03-01T09:00:00+01:00"  # not public: articles only
    calendar = calendar_from(PARIS_CALENDAR + yaml + "  publish: true\n")
    plan = plan_of(calendar, articles(calendar), now=NOW)
    assert next_change(plan, plan.now).isoformat() == "2027-02-20T00:00:00+01:00"


def test_the_blog_s_share_buttons_open_the_site_s_forms() -> None:
    from edcal.blog.helpers import BlogTheme
    from edcal.blog.sharing import SHARE_FORMS_SETTING, Sharing, share_forms
    from edcal.load.network_registry import registry_with

    calendar = calendar_from(PARIS_CALENDAR.replace("  mastodon: {}", "  mastodon: {share_form: 'https://piaille.fr/share?text={text}'}"))
    forms = share_forms(registry_with(calendar.networks).networks.values())
    links = Sharing(BlogTheme({SHARE_FORMS_SETTING: forms, "SHARE_LINKS": ["mastodon", "threads"]})).share_links(
        "https://blog.example.fr/a/", "Titre")
    assert [link.href for link in links] == [
        "https://piaille.fr/share?text=Titre%20https%3A%2F%2Fblog.example.fr%2Fa%2F",
        "https://www.threads.com/intent/post?text=Titre%20https%3A%2F%2Fblog.example.fr%2Fa%2F"]
    # MASTODON_SHARE_PAGE, the theme's own setting, counts where calendar.yaml sets no form, its query kept;
    # calendar.yaml's form wins over it.
    page = "https://s2f.kytta.dev/?instance=piaille.fr"
    links = Sharing(BlogTheme({SHARE_FORMS_SETTING: forms, "SHARE_LINKS": ["mastodon"],
                               "MASTODON_SHARE_PAGE": page})).share_links("https://blog.example.fr/a/", "Titre")
    assert links[0].href.startswith("https://piaille.fr/share?text=")
    links = Sharing(BlogTheme({SHARE_FORMS_SETTING: share_forms(), "SHARE_LINKS": ["mastodon"],
                               "MASTODON_SHARE_PAGE": "https://s2f.kytta.dev/?instance=piaille.fr"})).share_links(
        "https://blog.example.fr/a/", "Titre")
    assert links[0].href == "https://s2f.kytta.dev/?instance=piaille.fr&text=Titre%20https%3A%2F%2Fblog.example.fr%2Fa%2F"


def test_the_page_is_also_an_atom_feed_for_team_chats(site: Path) -> None:
    import xml.etree.ElementTree as ET

    with (site / "calendar.yaml").open("a", encoding="utf-8") as calendar:
        calendar.write("ambassadors:\n  publish: partage\n  suggestions:\n"
                       "    - {link: 'https://jobs.example.org/', title: Offre <soudeur>, from: 2027-02-14}\n")
    result = run_edcal("build", cwd=site)
    assert result.returncode == 0, result.stderr
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.parse(site / "planning" / "share" / "feed.atom").getroot()
    assert feed.find(f"{atom}link[@rel='self']").get("href") == "https://blog.example.fr/partage/feed.atom"
    entries = feed.findall(f"{atom}entry")
    assert [e.find(f"{atom}title").text for e in entries] == ["Offre <soudeur>", "Un article publié"]
    assert [e.find(f"{atom}updated").text for e in entries] == ["2027-02-14T00:00:00+01:00",
                                                                "2027-02-01T09:00:00+01:00"]
    assert entries[1].find(f"{atom}id").text == "https://blog.example.fr/partage/#share-publie"
    content = entries[1].find(f"{atom}content").text
    assert "<h2>LinkedIn</h2>" in content and "utm_medium=ambassador" in content
    page = (site / "planning" / "share" / "index.html").read_text(encoding="utf-8")
    assert 'type="application/atom+xml" href="feed.atom"' in page
    assert (site / "output" / "partage" / "feed.atom").read_bytes() == (site / "planning" / "share" / "feed.atom").read_bytes()


@pytest.mark.parametrize("written", ["www.blog.example.fr/a-venir/", "blog.example.fr/A-VENIR", "/a-venir/.",
                                     "(https://blog.example.fr/a-venir/index.html)"])
def test_words_naming_an_article_to_come_however_written_wait_for_it(written: str) -> None:
    assert ids("ambassadors:\n  days: 0 days\n  suggestions:\n    - {link: https://jobs.example.org/, title: Emplois, "
               f"text: 'Bientôt {written}'}}\n") == []
    assert ids("ambassadors:\n  days: 0 days\n  suggestions:\n    - {link: https://jobs.example.org/, title: Emplois, "
               f"text: 'Bientôt {written}'}}\n", now="2027-03-02T10:00:00+01:00") == ["emplois"]


@pytest.mark.parametrize("suggestion", [
    "{link: https://jobs.example.org/, title: 'Bientôt blog.example.fr/a-venir/', text: Bientôt}",
    "{link: https://jobs.example.org/, title: 'Bientôt blog.example.fr/a-venir/'}",
    "{link: https://jobs.example.org/, title: Emplois, text: Bientôt, image: https://jobs.example.org/a.png, "
    "alt: 'Voir /a-venir/'}",
])
def test_a_title_or_alt_text_naming_an_article_to_come_waits_for_it(suggestion: str) -> None:
    """The words waited for the article they name, but a suggestion's title (shown on the page, in its
    feed, in the default words) or its image's alt text printed the address of an article to come on a
    page handed to all staff."""
    section = f"ambassadors:\n  days: 0 days\n  suggestions:\n    - {suggestion}\n"
    assert ids(section) == []
    assert len(ids(section, now="2027-03-02T10:00:00+01:00")) == 1


def test_a_freeze_of_some_networks_is_said_and_may_name_networks_the_company_does_not_use() -> None:
    calendar = calendar_from(PARIS_CALENDAR + "freeze:\n  - {from: 2027-02-14, reason: Polémique, networks: [facebook]}\n"
                             "ambassadors: {networks: [linkedin, facebook]}\n")
    sharing = plan_of(calendar, articles(calendar), now=NOW).sharing
    assert sharing.frozen == (("Facebook", "Polémique"),)
    assert [t.network for t in sharing.shares[0].texts] == ["linkedin"]
    from edcal.plan.next_change import next_change

    calendar = calendar_from(PARIS_CALENDAR + "freeze:\n  - {from: 2027-02-14, until: 2027-02-16 08:00, reason: Crise}\n"
                             "ambassadors: {publish: true}\n")
    plan = plan_of(calendar, articles(calendar), now=NOW)
    assert next_change(plan, plan.now).isoformat() == "2027-02-16T08:00:00+01:00"  # the page comes back


def test_a_freeze_of_some_networks_tells_team_chats_which_networks_to_stop_sharing_on() -> None:
    """A freeze of Facebook (a polemic there) only took Facebook's words out of the feed's entries, which a team
    chat does not announce again: staff who shared there from their own accounts were never told to stop."""
    import xml.etree.ElementTree as ET

    from edcal.outputs.share import atom_feed

    calendar = calendar_from(PARIS_CALENDAR + "freeze:\n  - {from: 2027-02-14 08:00, reason: Polémique, "
                             "networks: [facebook, x]}\nambassadors: {networks: [linkedin, facebook, x]}\n")
    plan = plan_of(calendar, articles(calendar), now=NOW)
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.fromstring(atom_feed(plan, "https://equipe.example.fr/share/"))
    first, *others = feed.findall(f"{atom}entry")
    assert first.find(f"{atom}title").text == "Partages suspendus sur Facebook, X"
    assert first.find(f"{atom}id").text == "https://equipe.example.fr/share/#paused-20270214T0800-facebook-x"
    assert first.find(f"{atom}updated").text == "2027-02-14T08:00:00+01:00"
    said = html.unescape(first.find(f"{atom}content").text).replace("\xa0", " ")
    assert "Rien à partager sur Facebook, X pour l'instant : l'entreprise y a suspendu ses publications " \
        "(Polémique)." in said and "ne partagez pas" in said
    assert [e.find(f"{atom}title").text for e in others] == ["Un article récent"]


def test_a_dead_address_in_a_suggestion_s_words_is_found() -> None:
    import dataclasses

    from edcal.checks import run_checks

    calendar = calendar_from(PARIS_CALENDAR + "ambassadors:\n  suggestions:\n    - {article: lancement, "
                             "text: 'Voir https://blog.example.fr/2027/lancemnt/ !', image: images/l.png}\n")
    lancement = dataclasses.replace(article("lancement", "2027-02-05T09:00", calendar, image="images/l.png",
                                            image_alt="Le lancement"), url="https://blog.example.fr/2027/lancement/")
    plan = plan_of(calendar, [lancement], now=NOW)
    plan.article_url_template = "{date:%Y}/{slug}/"
    (found,) = run_checks(plan, only=["unknown-article-link"])
    assert found.message.endswith("links to /2027/lancemnt/, which is no article or page of the site")
    assert (found.source.line, found.hint) == (11, "did you mean '/2027/lancement/'?")
    # A path written without the site's address is found too, and an address written twice is told once.
    plan.calendar.ambassadors = dataclasses.replace(plan.calendar.ambassadors, suggestions=(dataclasses.replace(
        plan.calendar.ambassadors.suggestions[0], text="Voir /2027/lancemnt/ puis blog.example.fr/2027/lancemnt/"),))
    (found,) = run_checks(plan, only=["unknown-article-link"])
    assert found.message.endswith("links to /2027/lancemnt/, which is no article or page of the site")
    # The article's own image, named again: the article's alt text serves, nothing to say.
    assert run_checks(plan, only=["missing-alt-text"]) == []


def test_odd_addresses_and_spans_are_located_errors_not_tracebacks() -> None:
    for section, message in (("  suggestions:\n    - {link: 'https://blog.example.fr:99999/', title: A}\n",
                              "found link 'https://blog.example.fr:99999/', which is no address a browser opens"),
                             ("  suggestions:\n    - {link: 'https://[::1/x', title: A}\n",
                              "found link 'https://[::1/x', which is no address a browser opens"),
                             # A path with a space went whole into the page's href and the posts' texts.
                             ("  suggestions:\n    - {link: '/about/ x', title: A}\n",
                              "found link '/about/ x', expected an http(s) URL or a path on the site"),
                             ("  days: 100 years\n", "found days '100 years', expected at most 10 years")):
        with pytest.raises(InputErrors) as caught:
            calendar_from(PARIS_CALENDAR + "ambassadors:\n" + section)
        assert caught.value.errors[0].message.startswith(message)
    # A post's link with a port that is no number was taken, then crashed the check: told where written.
    with pytest.raises(InputErrors) as caught:
        calendar_from(PARIS_CALENDAR + "posts:\n  - {at: 2027-03-02 10:00, networks: [x], text: Hi, "
                      "link: 'https://o.example:abc/p'}\n")
    assert caught.value.errors[0].message.startswith("found link 'https://o.example:abc/p', which is no address")
    with pytest.raises(InputErrors) as caught:
        calendar_from(PARIS_CALENDAR + "posts:\n  - {at: 2027-03-02 10:00, networks: [x], text: Hi, "
                      "link: /of fres/}\n")
    assert caught.value.errors[0].format().startswith("calendar.yaml:") and \
        "found link '/of fres/', expected an http(s) URL or a path on the site" in caught.value.errors[0].message
    # Words holding an address Python cannot read: no traceback, the words as written.
    calendar = calendar_from(PARIS_CALENDAR + "ambassadors:\n  suggestions:\n"
                             "    - {link: 'https://jobs.example.org/', title: A, text: 'Voir https://[abc/'}\n")
    assert ids_of(plan_of(calendar, articles(calendar), now=NOW)) == ["a", "recent"]


def ids_of(plan) -> list[str]:
    return [s.id for s in plan.sharing.shares]


def test_an_image_written_otherwise_is_still_the_unpublished_article_s() -> None:
    for written in ("images/./secret.png", "images//secret.png", "{static}/images/secret.png"):
        calendar = calendar_from(PARIS_CALENDAR + "ambassadors:\n  suggestions:\n"
                                 f"    - {{link: https://jobs.example.org/, title: Emplois, image: '{written}', alt: A}}\n")
        future = article("a-venir", "2027-03-01T09:00", calendar, image="images/secret.png")
        (share, _recent) = plan_of(calendar, [*articles(calendar)[:2], future], now=NOW).sharing.shares
        assert share.image is None, written


def test_next_change_follows_a_suggestion_s_own_window() -> None:
    from edcal.plan.next_change import next_change

    calendar = calendar_from(PARIS_CALENDAR + "ambassadors:\n  publish: true\n  suggestions:\n"
                             "    - {article: recent, from: 2027-02-20}\n")
    plan = plan_of(calendar, articles(calendar), now=NOW)
    after = dt.datetime(2027, 3, 2, 10, tzinfo=calendar.zone)  # past the article to come
    # Shown from 20 February for 30 days: it leaves the page on 22 March (not 12 March, 30 days from online).
    assert next_change(plan, after).isoformat() == "2027-03-22T00:00:00+01:00"


def test_the_feed_of_an_empty_page_is_the_same_bytes_and_valid(site: Path) -> None:
    import xml.etree.ElementTree as ET

    with (site / "calendar.yaml").open("a", encoding="utf-8") as calendar:
        calendar.write("ambassadors:\n  days: 0 days\n")
    feeds = []
    for _ in range(2):
        result = run_edcal("build", cwd=site)
        assert result.returncode == 0, result.stderr
        feeds.append((site / "planning" / "share" / "feed.atom").read_bytes())
    assert feeds[0] == feeds[1]
    atom = "{http://www.w3.org/2005/Atom}"
    root = ET.fromstring(feeds[0])
    assert root.find(f"{atom}entry") is None
    assert root.find(f"{atom}updated").text == "2026-09-21T14:13:20+00:00"  # SOURCE_DATE_EPOCH, not the clock
    assert root.find(f"{atom}author/{atom}name").text and root.find(f"{atom}id").text.startswith("https://")


def test_words_link_written_as_a_path_is_tracked_where_written() -> None:
    calendar = calendar_from(PARIS_CALENDAR + "ambassadors:\n  networks: [linkedin]\n  days: 0 days\n  suggestions:\n"
                             "    - {link: /recent/, title: Récent, text: 'Venez voir /recent/ !'}\n")
    (words,) = plan_of(calendar, articles(calendar), now=NOW).sharing.shares[0].texts
    assert words.text.startswith("Venez voir https://blog.example.fr/recent/?utm_source=linkedin&utm_medium=ambassador")
    assert words.text.count("/recent/") == 1


def test_a_freeze_of_a_network_the_company_does_not_use_is_named_on_the_planning_page(tmp_path: Path) -> None:
    from edcal.outputs import calendar_page
    from helpers import write_planning_page

    calendar = calendar_from(PARIS_CALENDAR + "freeze:\n  - {from: 2027-02-14, reason: Polémique, networks: [facebook]}\n")
    write_planning_page(calendar_page, plan_of(calendar, articles(calendar), now=NOW), tmp_path)
    assert '"label":"Facebook\u00a0: Polémique"' in (tmp_path / "index.html").read_text(encoding="utf-8")


def test_a_suggestion_keeps_the_id_it_is_given() -> None:
    yaml = ("ambassadors:\n  networks: [linkedin]\n  days: 0 days\n  suggestions:\n"
            "    - {id: soudeur-2027, link: 'https://blog.example.fr/emplois/', title: Nous recrutons}\n")
    calendar = calendar_from(PARIS_CALENDAR + yaml)
    (share,) = plan_of(calendar, articles(calendar), now=NOW).sharing.shares
    assert share.id == "soudeur-2027" and "utm_campaign=soudeur-2027" in share.texts[0].url
    with pytest.raises(InputErrors) as caught:
        calendar_from(PARIS_CALENDAR + yaml + "    - {id: soudeur-2027, link: 'https://jobs.example.org/', title: B}\n")
    assert caught.value.errors[0].message.startswith("suggestion id 'soudeur-2027' is defined twice")


def test_a_site_path_of_another_shape_than_articles_is_not_judged_dead() -> None:
    """`/jobs/welder/` is no `{date:%Y}/{slug}/` address: a job board on the same domain may be suggested."""
    from edcal.checks import run_checks

    calendar = calendar_from(PARIS_CALENDAR + "ambassadors:\n  suggestions:\n"
                             "    - {link: /jobs/welder/, title: Welder}\n    - {link: /2027/welder/, title: Dead}\n")
    plan = plan_of(calendar, articles(calendar), now=NOW)
    plan.article_url_template = "{date:%Y}/{slug}/"
    assert [f.message.split(" links to ")[1] for f in run_checks(plan, only=["unknown-article-link"])] == [
        "/2027/welder/, which is no article or page of the site"]


def test_no_address_in_words_for_a_network_where_links_are_not_clickable() -> None:
    calendar = calendar_from(PARIS_CALENDAR + "ambassadors: {networks: [instagram, linkedin]}\n")
    instagram, linkedin = plan_of(calendar, articles(calendar), now=NOW).sharing.shares[0].texts
    assert "https://" not in instagram.text and "Un article récent" in instagram.text
    assert "https://blog.example.fr/recent/?utm_source=linkedin" in linkedin.text


def test_staff_on_an_account_in_another_language_share_the_articles_version_in_it(tmp_path: Path) -> None:
    """LinkedIn (English), `lang: en`, got "I recommend this article from our blog: “Un article récent”"
    with the French page's address and hashtags: English words around a French article, whose English
    version was online. An article with none is not offered there, as the blog's promotions leave it out."""
    from edcal.model.source import Source
    from edcal.outputs import share as share_page
    from helpers import write_planning_page

    calendar = calendar_from(PARIS_CALENDAR.replace("  mastodon: {}\n", "  mastodon: {}\n  linkedin-en: {like: "
                                                    "linkedin, name: LinkedIn (English), lang: en}\n")
                             + "ambassadors: {networks: [linkedin, linkedin-en]}\n")
    english = article("recent", "2027-02-11T09:00", calendar, title="A recent article", summary="The summary.",
                      tags=("welding",), lang="en", is_original=False, url="https://blog.example.fr/en/recent/",
                      source=Source("content/articles/recent-en.md", 1))
    plan = plan_of(calendar, articles(calendar, later=article("autre", "2027-02-12T09:00", calendar,
                                                              title="Un autre article"), english=english), now=NOW)
    by_id = {s.id: s for s in plan.sharing.shares}
    texts = {t.network: t for t in by_id["recent"].texts}
    assert texts["linkedin-en"].text.startswith("I recommend this article from our blog: “A recent article”")
    assert "The summary." in texts["linkedin-en"].text and "#Welding" in texts["linkedin-en"].text
    assert texts["linkedin-en"].url.startswith("https://blog.example.fr/en/recent/?utm_source=linkedin-en")
    assert texts["linkedin"].text.startswith("Un article de notre blog que je vous recommande")
    assert "/recent/?utm_source=linkedin&" in texts["linkedin"].url
    assert [t.network for t in by_id["autre"].texts] == ["linkedin"]  # no English version: no English words
    write_planning_page(share_page, plan, tmp_path)
    page = (tmp_path / "share" / "index.html").read_text(encoding="utf-8")
    assert '<textarea id="words-recent-linkedin-en" rows="8" aria-describedby="words-recent-linkedin-en-length" data-share-text lang="en">I recommend' in page
    assert '<textarea id="words-recent-linkedin" rows="8" aria-describedby="words-recent-linkedin-length" data-share-text>Un article' in page


def test_staff_share_the_link_with_their_words_where_the_company_posts_it_in_a_comment() -> None:
    """A LinkedIn account with `in_first_comment: link` gave staff words without the link (the comment it moved
    to is the company's, and is not suggested)."""
    calendar = calendar_from(PARIS_CALENDAR.replace("linkedin: {slots: [tue 09:00, thu 12:30]}",
                                                    "linkedin: {slots: [tue 09:00, thu 12:30], in_first_comment: link}"))
    linkedin = plan_of(calendar, articles(calendar), now=NOW).sharing.shares[0].texts[0]
    assert linkedin.network == "linkedin" and linkedin.url in linkedin.text and "#Soudure" in linkedin.text
    assert "commentaire" not in linkedin.text


def test_a_card_for_a_network_without_a_share_form_says_how_to_share(tmp_path: Path) -> None:
    """Instagram's card had no button and no word: staff did not know what to do with the text."""
    from edcal.outputs import share as share_page
    from helpers import write_planning_page

    calendar = calendar_from(PARIS_CALENDAR + "ambassadors: {networks: [linkedin, instagram]}\n")
    plan = plan_of(calendar, articles(calendar), now=NOW)
    write_planning_page(share_page, plan, tmp_path)
    page = (tmp_path / "share" / "index.html").read_text(encoding="utf-8")
    said = "Instagram n'a pas de formulaire de partage\u00a0: copiez le texte, puis publiez-le depuis l'application"
    assert said in page.replace("&#39;", "'")
    assert page.count("pas de formulaire de partage") == sum(
        1 for share in plan.sharing.shares for words in share.texts if words.network == "instagram")


@pytest.mark.parametrize("lang, said", [
    ("fr", "Instagram ne rend cliquable aucun lien d'une légende, le texte n'en a donc pas\u00a0: mettez cette "
           "adresse dans un sticker Lien de votre story, ou dans le lien de votre profil (écrivez alors "
           "«\u00a0lien en bio\u00a0»)\u00a0:"),
    ("en", "Instagram makes no link in a caption clickable, so the text has none: put this address in a link "
           "sticker of your story, or in your profile's link (then write “link in bio”):"),
])
def test_an_instagram_card_gives_the_address_its_words_cannot_carry(tmp_path: Path, lang: str, said: str) -> None:
    """Instagram's words have no address (a caption's links are not clickable), and the card said nothing of
    the link: an employee shared the article's words with no way to the article."""
    from edcal.outputs import share as share_page
    from helpers import write_planning_page

    calendar = calendar_from(PARIS_CALENDAR + "ambassadors: {networks: [linkedin, instagram, pinterest]}\n")
    plan = plan_of(calendar, articles(calendar), now=NOW)
    plan.lang = lang
    write_planning_page(share_page, plan, tmp_path)
    page = html.unescape((tmp_path / "share" / "index.html").read_text(encoding="utf-8"))
    cards = {match[0]: match[1] for match in re.findall(r'data-item-id="words-([\w-]+)"(.*?)</section>', page, re.S)}
    texts = {t.network: t for t in next(s for s in plan.sharing.shares if s.id == "recent").texts}
    address = texts["instagram"].url
    assert "utm_source=instagram" in address and "utm_medium=ambassador" in address
    assert address not in texts["instagram"].pasted  # the words stay without it
    link = re.search(r'<p class="bio-link">(.*?)<code id="words-recent-instagram-link">([^<]*)</code>\s*'
                     r'<button type="button" class="copy" hidden data-needs-script '
                     r'data-copy="words-recent-instagram-link"', cards["recent-instagram"], re.S)
    assert link and re.sub(r"[ \n]+", " ", link[1]).strip() == said and link[2] == address
    # A pin's link goes in its own field; LinkedIn's words carry it, and the card says nothing more.
    pin = re.search(r'<p class="bio-link">(.*?)<code id="words-recent-pinterest-link">([^<]*)</code>',
                    cards["recent-pinterest"], re.S)
    assert pin and pin[1].strip() == {"fr": "Lien, pour son champ à part\u00a0:",
                                      "en": "Link for its own field:"}[lang] and pin[2] == texts["pinterest"].url
    assert "bio-link" not in cards["recent-linkedin"] and texts["linkedin"].url in texts["linkedin"].pasted


def test_the_feed_gives_the_link_the_words_cannot_carry_and_where_to_put_it() -> None:
    """The page gave Instagram's and TikTok's cards the tracked link and where to put it (a story's link
    sticker, the profile's link); the Atom feed, which a team chat shows staff, gave their words alone."""
    import xml.etree.ElementTree as ET

    from edcal.outputs.share import atom_feed

    calendar = calendar_from(PARIS_CALENDAR + "ambassadors: {networks: [linkedin, instagram, tiktok, pinterest]}\n")
    plan = plan_of(calendar, articles(calendar), now=NOW)
    feed = ET.fromstring(atom_feed(plan, "https://planning.example.fr/share/"))
    atom = "{http://www.w3.org/2005/Atom}"
    entry = next(e for e in feed.findall(f"{atom}entry") if e.find(f"{atom}id").text.endswith("#share-recent"))
    sections = dict(re.findall(r"<h2>([^<]+)</h2>(.*?)(?=<h2>|$)", entry.find(f"{atom}content").text, re.S))
    texts = {t.network_name: t for t in next(s for s in plan.sharing.shares if s.id == "recent").texts}
    bio = ("{network} ne rend cliquable aucun lien d'une légende, le texte n'en a donc pas\u00a0: mettez cette adresse "
           "dans un sticker Lien de votre story, ou dans le lien de votre profil (écrivez alors «\u00a0lien en bio\u00a0»)"
           "\u00a0:")
    for network, said in (("Instagram", bio.format(network="Instagram")), ("TikTok", bio.format(network="TikTok")),
                          ("Pinterest", "Lien, pour son champ à part\u00a0:")):
        address = texts[network].url
        assert f"utm_source={network.lower()}" in address and address not in texts[network].pasted
        link = re.fullmatch(r'<p>.*?</p><p>([^<]*) <a href="([^"]*)">([^<]*)</a></p>', sections[network], re.S)
        assert link and [html.unescape(part) for part in link.groups()] == [said, address, address], sections[network]
    # LinkedIn's words carry the link: nothing more.
    assert "<a " not in sections["LinkedIn"] and texts["LinkedIn"].url in html.unescape(sections["LinkedIn"])


def test_a_suggestion_linking_to_an_image_only_an_article_to_come_shows_waits(site: Path) -> None:
    """The build keeps an image that only an article to come shows out of output/; a suggestion linking to
    it was offered to every employee: a dead link, whose name told the article's subject."""
    with (site / "calendar.yaml").open("a", encoding="utf-8") as calendar:
        calendar.write("""\
ambassadors:
  networks: [linkedin]
  suggestions:
    - {link: /images/futur-secret.png, title: "CANARY-IMAGELINK-8181"}
    - {link: /images/public.png, title: Une image publique}
""")
    result = run_edcal("build", cwd=site)
    assert result.returncode == 0, result.stderr
    assert not (site / "output" / "images" / "futur-secret.png").exists()
    page = (site / "planning" / "share" / "index.html").read_text(encoding="utf-8")
    assert "Une image publique" in page
    assert "CANARY-IMAGELINK-8181" not in page and "futur-secret" not in page


def test_a_share_button_for_a_network_calendar_yaml_gives_a_form_is_known_to_check_too(site: Path) -> None:
    """`SHARE_LINKS` naming Pinterest, whose `share_form` calendar.yaml sets: the build made the button, but
    `edcal check` (and the agenda, the exports) read the theme without calendar.yaml's forms and said
    "SHARE_LINKS: unknown network(s) 'pinterest'", in English, on every run."""
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace(
        "  bluesky: {slots: [mon-fri 08:30]}\n",
        "  bluesky: {slots: [mon-fri 08:30]}\n"
        "  pinterest: {share_form: 'https://www.pinterest.com/pin/create/button/?url={url}&description={title}'}\n"),
        encoding="utf-8")
    write_pelicanconf(site, 'SHARE_LINKS = ["linkedin", "pinterest"]\n')
    checked = run_edcal("check", cwd=site)
    assert "unknown network" not in checked.stdout + checked.stderr, checked.stderr
    built = run_edcal("build", cwd=site)
    assert built.returncode == 0, built.stderr
    assert "unknown network" not in built.stdout + built.stderr
    page = (site / "output" / "2027" / "publie" / "index.html").read_text(encoding="utf-8")
    assert "https://www.pinterest.com/pin/create/button/?url=https%3A%2F%2Fblog.example.fr%2F2027%2Fpublie%2F" in page


def test_a_card_for_a_network_of_images_or_videos_says_what_the_item_lacks(tmp_path: Path) -> None:
    """Instagram and Pinterest take no post without an image, YouTube and TikTok none without a video: staff
    were given words for an article without an image, and for YouTube, as for LinkedIn, with no word of it."""
    from edcal.outputs import share as share_page
    from helpers import write_planning_page

    calendar = calendar_from(PARIS_CALENDAR + "ambassadors: {networks: [linkedin, instagram, youtube]}\n")
    pictured = article("illustre", "2027-02-12T09:00", calendar, title="Un article illustré",
                       image="https://cdn.example.org/atelier.jpg", image_alt="L'atelier")
    plan = plan_of(calendar, articles(calendar, pictured=pictured), now=NOW)
    write_planning_page(share_page, plan, tmp_path)
    page = (tmp_path / "share" / "index.html").read_text(encoding="utf-8").replace("&#39;", "'")
    cards = {match[0]: match[1] for match in re.findall(r'data-item-id="words-([\w-]+)"(.*?)</section>', page, re.S)}
    no_image = "Instagram demande une image avec le texte, et ce contenu n'en a pas\u00a0: ajoutez votre propre photo"
    assert no_image in cards["recent-instagram"] and no_image not in cards["illustre-instagram"], cards.keys()
    assert all("demande une" not in cards[f"{share}-linkedin"] for share in ("recent", "illustre"))
    assert all("YouTube publie des vidéos, et cette page n'en fournit pas\u00a0: partagez ce contenu" in cards[f"{share}-youtube"] for share in ("recent", "illustre"))

    # With one, it says to post that image, and gives it to download (it said nothing, the picture only showed).
    image = re.search(r'<figure class="media">\s*<img src="([^"]+)"', page).group(1)
    assert "Instagram demande une image avec le texte\u00a0: publiez-le avec l'image ci-dessus." \
        in cards["illustre-instagram"]
    assert f'<a href="{image}" download aria-label="Télécharger l\'image (Un article illustré)">' \
           "Télécharger l'image</a>" in cards["illustre-instagram"]
    assert all("ci-dessus" not in cards[card] for card in ("illustre-linkedin", "recent-instagram", "illustre-youtube"))


def test_a_freeze_tells_team_chats_through_the_feed_to_stop_sharing(site: Path) -> None:
    """A freeze emptied the feed without a word: a team chat's connector announces new entries only, so
    staff who had been told yesterday of a cheerful article to share were never told to hold it back.
    The feed now says it, as the page does, in one entry dated from the freeze's start (its reason kept
    off a public copy)."""
    import xml.etree.ElementTree as ET

    atom = "{http://www.w3.org/2005/Atom}"
    original = (site / "calendar.yaml").read_text(encoding="utf-8")
    frozen = original.replace("freeze:\n", "freeze:\n  - {from: 2027-02-14 07:40, reason: \"Rappel d'un produit : on "
                              "suspend tout\"}\n")
    for ambassadors, reason_shown in (("", True), ("ambassadors:\n  publish: partage\n", False)):
        (site / "calendar.yaml").write_text(frozen + ambassadors, encoding="utf-8")
        result = run_edcal("build", cwd=site)
        assert result.returncode == 0, result.stderr
        feed = ET.parse(site / "planning" / "share" / "feed.atom").getroot()
        (entry,) = feed.findall(f"{atom}entry")
        assert entry.find(f"{atom}title").text == "Partages suspendus"
        assert entry.find(f"{atom}updated").text == "2027-02-14T07:40:00+01:00"
        assert entry.find(f"{atom}id").text.endswith("#paused-20270214T0740")
        content = html.unescape(entry.find(f"{atom}content").text).replace("\xa0", " ")
        assert "Rien à partager pour l'instant : l'entreprise a suspendu ses publications" in content
        assert "ne partagez pas" in content
        assert ("Rappel d'un produit" in content) is reason_shown
    # Lifted, the feed has the suggestions again and no word of the pause.
    (site / "calendar.yaml").write_text(original, encoding="utf-8")
    assert run_edcal("build", cwd=site).returncode == 0
    feed = ET.parse(site / "planning" / "share" / "feed.atom").getroot()
    assert [e.find(f"{atom}title").text for e in feed.findall(f"{atom}entry")] == ["Un article publié"]


def test_a_lifted_freeze_tells_team_chats_that_sharing_is_back_for_a_week() -> None:
    """The feed told staff to stop sharing, even what it had suggested before; lifted, its "Sharing paused" entry
    left without a word, and a team chat (which announces new entries only) never told them they could share
    again. A "Sharing resumed" entry says it for a week (as the planning pages' "Freeze lifted" notice)."""
    import xml.etree.ElementTree as ET

    from edcal.outputs.share import atom_feed
    from edcal.plan.next_change import next_change

    atom = "{http://www.w3.org/2005/Atom}"
    text = PARIS_CALENDAR + ("freeze:\n  - {from: 2027-02-14 07:40, until: 2027-02-15 10:00, reason: Crise}\n"
                             "  - {from: 2027-02-10, until: 2027-02-14, networks: [facebook, x], reason: Polémique}\n"
                             "ambassadors: {networks: [linkedin, facebook, x]}\n")
    calendar = calendar_from(text)

    def entries(now: str) -> list[tuple[str, str, str, str]]:
        feed = ET.fromstring(atom_feed(plan_of(calendar, articles(calendar), now=now), "https://equipe.example.fr/share/"))
        return [(e.find(f"{atom}title").text, e.find(f"{atom}id").text.rsplit("#", 1)[1], e.find(f"{atom}updated").text,
                 html.unescape(e.find(f"{atom}content").text).replace("\xa0", " ")) for e in feed.findall(f"{atom}entry")]

    resumed = [entry for entry in entries("2027-02-16T09:00:00+01:00") if entry[1].startswith("resumed-")]
    assert [entry[:3] for entry in resumed] == [
        ("Partages repris", "resumed-20270214T0740", "2027-02-15T10:00:00+01:00"),
        ("Partages repris sur Facebook, X", "resumed-20270210T0000-facebook-x", "2027-02-15T00:00:00+01:00")]
    assert "La pause du dimanche 14 février 2027 à 07:40 au lundi 15 février 2027 à 10:00 est terminée : ce que " \
        "propose cette page peut de nouveau être partagé depuis vos propres comptes." in resumed[0][3]
    assert "Crise" not in resumed[0][3]
    # A week after, it has gone (the planning pages' LIFTED_DAYS); next-change names that moment.
    assert not [entry for entry in entries("2027-02-22T10:00:00+01:00") if entry[1].startswith("resumed-")]
    plan = plan_of(calendar_from(text.replace("ambassadors: {", "ambassadors: {publish: true, ")), articles(calendar),
                   now="2027-02-21T12:00:00+01:00")
    assert next_change(plan, plan.now).isoformat() == "2027-02-22T00:00:00+01:00"  # the Facebook pause's
    # Lifted for every network but Facebook (a freeze of Facebook from that moment): the entry names it.
    calendar = calendar_from(PARIS_CALENDAR + (
        "freeze:\n  - {from: 2027-02-14 07:40, until: 2027-02-15 10:00, reason: Crise}\n"
        "  - {from: 2027-02-15 10:00, networks: [facebook], reason: Crise}\n"
        "ambassadors: {networks: [linkedin, facebook]}\n"))
    (resumed,) = [entry for entry in entries("2027-02-16T09:00:00+01:00") if entry[1].startswith("resumed-")]
    assert resumed[0] == "Partages repris"
    assert "Les publications restent suspendues sur Facebook : n'y partagez pas encore." in resumed[3]


def test_a_lifted_freeze_of_networks_staff_do_not_share_on_says_nothing_in_the_feed() -> None:
    """A freeze of Mastodon, where the page suggests nothing (its networks: LinkedIn, Facebook): in force, the feed
    paused nothing ("Partages suspendus" names the page's networks only); lifted, it said "Partages repris sur
    Mastodon", a word on a pause staff were never told of. A freeze of Mastodon and Facebook names Facebook alone."""
    import xml.etree.ElementTree as ET

    from edcal.outputs.share import atom_feed

    atom = "{http://www.w3.org/2005/Atom}"

    def titles(freeze: str, now: str) -> list[str]:
        calendar = calendar_from(PARIS_CALENDAR + "freeze:\n  - {from: 2027-02-10, until: 2027-02-11, " + freeze
                                 + "reason: Migration}\nambassadors: {networks: [linkedin, facebook]}\n")
        feed = ET.fromstring(atom_feed(plan_of(calendar, articles(calendar), now=now), "https://equipe.example.fr/share/"))
        return [e.find(f"{atom}title").text for e in feed.findall(f"{atom}entry")]  # type: ignore[union-attr]

    assert not [t for t in titles("networks: [mastodon], ", "2027-02-10T12:00:00+01:00") if t.startswith("Partages")]
    assert not [t for t in titles("networks: [mastodon], ", "2027-02-13T12:00:00+01:00") if t.startswith("Partages")]
    assert [t for t in titles("networks: [mastodon, facebook], ", "2027-02-10T12:00:00+01:00")
            if t.startswith("Partages")] == ["Partages suspendus sur Facebook"]
    assert [t for t in titles("networks: [mastodon, facebook], ", "2027-02-13T12:00:00+01:00")
            if t.startswith("Partages")] == ["Partages repris sur Facebook"]
    # Every network lifted while Mastodon's freeze goes on: sharing is back, and nothing is said of Mastodon.
    calendar = calendar_from(PARIS_CALENDAR + (
        "freeze:\n  - {from: 2027-02-10, until: 2027-02-11, reason: Crise}\n"
        "  - {from: 2027-02-10, networks: [mastodon], reason: Migration}\n"
        "ambassadors: {networks: [linkedin, facebook]}\n"))
    feed = atom_feed(plan_of(calendar, articles(calendar), now="2027-02-13T12:00:00+01:00"), "https://equipe.example.fr/")
    assert "Partages repris<" in feed and "Mastodon" not in feed


def test_a_lifted_freeze_says_on_the_page_that_sharing_is_back_for_a_week(tmp_path: Path) -> None:
    """The page said "Partages suspendus" while a freeze lasted, then nothing once it was lifted, while its feed
    said "Partages repris": staff who had read the page did not know they could share again."""
    from edcal.outputs import share as share_page
    from helpers import write_planning_page

    text = PARIS_CALENDAR + ("freeze:\n  - {from: 2027-02-14 07:40, until: 2027-02-15 10:00, reason: Crise}\n"
                             "  - {from: 2027-02-10, until: 2027-02-14, networks: [facebook, x], reason: Polémique}\n"
                             "ambassadors: {networks: [linkedin, facebook, x]}\n")
    calendar = calendar_from(text)

    def said(now: str, folder: str) -> list[str]:
        write_planning_page(share_page, plan_of(calendar, articles(calendar), now=now), tmp_path / folder)
        page = html.unescape((tmp_path / folder / "share" / "index.html").read_text(encoding="utf-8"))
        return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", p)).strip().replace("\xa0", " ")
                for p in re.findall(r'<p class="[^"]*resumed[^"]*"[^>]*>(.*?)</p>', page, re.S)]

    assert said("2027-02-16T09:00:00+01:00", "after") == [
        "Partages repris La pause du dimanche 14 février 2027 à 07:40 au lundi 15 février 2027 à 10:00 est terminée : "
        "ce que propose cette page peut de nouveau être partagé depuis vos propres comptes.",
        "Partages repris sur Facebook, X La pause sur Facebook, X du mercredi 10 février 2027 au dimanche 14 février "
        "2027 (inclus) est terminée : ce que propose cette page peut de nouveau y être partagé depuis vos propres "
        "comptes."]
    # A week after, as the feed's entries; and never while a freeze of every network lasts.
    assert said("2027-02-22T10:00:00+01:00", "later") == []
    assert said("2027-02-14T09:00:00+01:00", "during") == []
