"""planning/index.html and planning/drafts/index.html, read as HTML and used in a real Chromium."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import json
import re
import shutil
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest

from browser import browser, screenshot, serve
from conftest import (
    EPOCH,
    ROOT,
    contrast,
    copy_sample,
    crisis_sample,
    load_plan,
    run_edcal,
    write_pelicanconf,
)
from helpers import html_text, page_text
from nu import nu_problems

NOW = "2027-01-12T08:00:00+01:00"
ENV = {"EDCAL_NOW": NOW, "SOURCE_DATE_EPOCH": EPOCH}


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site, built on Tuesday 12 January 2027 (a campaign, a freeze and a holiday around)."""
    site = tmp_path_factory.mktemp("planning") / "sample"
    copy_sample(site)
    result = run_edcal("build", cwd=site, env=ENV)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def server(sample: Path) -> Iterator[str]:
    """planning/ over HTTP on localhost, as a team's web server would serve it."""
    with serve(sample / "planning") as address:
        yield address


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    with browser() as instance:
        yield instance


class Elements(HTMLParser):
    """Every element's tag and attributes, and the text of the agenda items."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))


def parse(path: Path) -> list[tuple[str, dict[str, str | None]]]:
    parser = Elements()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.elements


def test_every_item_and_idea_has_an_element_with_its_plan_id(sample: Path) -> None:
    plan = load_plan(sample)
    dated = {i["id"]: i for i in plan["items"] if i["start"]}
    ideas = {i["id"] for i in plan["items"] if i["kind"] == "idea"}
    assert len(ideas) == 6
    # The ideas on the calendar page; every dated item once on the agenda page of its month.
    assert ideas <= {attrs.get("data-item-id") for _, attrs in parse(sample / "planning" / "index.html")}
    pages = sorted((sample / "planning" / "agenda").glob("*.html"))
    # (and a month with nothing planned but an absence's first or last day: Malik's in August 2027)
    absences = {day[:7] for person in plan["people"] for a in person.get("away", ()) for day in (a["from"], a["until"])}
    assert [p.stem for p in pages] == sorted({i["start"][:7] for i in dated.values()} | absences)
    seen: list[str] = []
    for page in pages:
        elements = parse(page)
        anchors = {attrs.get("id") for _, attrs in elements}
        for _, attrs in elements:
            if "data-item-id" in attrs:
                item = dated[attrs["data-item-id"]]
                seen.append(item["id"])
                assert item["start"][:7] == page.stem and f"item-{item['id']}" in anchors
                assert attrs["data-status"] == item["status"]
                assert attrs.get("data-network", "") == (item.get("network") or "")
    assert sorted(seen) == sorted(dated)


def test_source_links_subscribe_links_and_drafts(sample: Path) -> None:
    page = (sample / "planning" / "index.html").read_text(encoding="utf-8")
    plan = load_plan(sample)
    post = next(i for i in plan["items"] if i["kind"] == "post" and i["start"] > NOW and i["status"] == "scheduled")
    path, line = post["source"].rsplit(":", 1)
    assert f'href="https://github.com/atelier-morel/blog/blob/main/{path}#L{line}"' in page
    # The link to its card on the review page of its month (local time), where the card is.
    review = f'drafts/{post["start"][:7]}.html'
    assert f'href="{review}#item-{post["id"]}"' in page
    assert f'id="item-{post["id"]}"' in (sample / "planning" / review).read_text(encoding="utf-8")
    for feed in sorted((sample / "planning").rglob("*.ics")):
        relative = feed.relative_to(sample / "planning").as_posix()
        assert f'href="webcal://planning.atelier-morel.example/{relative}"' in page
        # The https address is given to copy, not to tap (a tap downloads a frozen copy).
        assert f'>https://planning.atelier-morel.example/{relative}</code>' in page
        assert f'href="https://planning.atelier-morel.example/{relative}"' not in page
    # Each feed is listed by what it holds (they all had the site's name), one's own feed first.
    feeds = page.split('class="feeds"', 1)[1].split("</section>", 1)[0]
    labels = [html.unescape(label) for label in re.findall(r'<span class="feed-name">([^<]*)</span>', feeds)]
    assert labels == ["Planning de publication", "Camille Roux", "Julien Morel", "Malik Haddad", "Sophie Benali",
                      "Bluesky", "Instagram", "Le Fil (intranet)", "LinkedIn", "Mastodon", "YouTube", "Blog",
                      "Recrutement métallier·ère soudeur·se", "Salon Industrie Rhône-Alpes 2027"]
    assert [html.unescape(h) for h in re.findall(r"<h3>([^<]*)</h3>", feeds)] == \
        ["Tout le planning", "Par personne", "Par réseau", "Par campagne"]
    assert '<html lang="fr">' in page and "Calendrier de publication" in page
    assert "Réserve d'idées" in html.unescape(page)


def test_a_draft_deadline_has_one_name_in_the_backlog_and_the_feed(sample: Path) -> None:
    """The backlog said "Texte attendu le …", the feed "Remise du texte : …": one deadline, two names."""
    text = page_text(sample / "planning" / "index.html")
    assert "Remise du texte le vendredi 22 janvier 2027" in text and "Texte attendu" not in text
    assert "Fin de relecture le vendredi 12 février 2027" in text and "Relecture attendue" not in text
    feed = (sample / "planning" / "calendar.ics").read_text(encoding="utf-8").replace("\n ", "")
    assert "Remise du texte\u00a0: Journée portes ouvertes de l'atelier" in feed


def test_every_planning_page_links_the_posts_spreadsheet(sample: Path) -> None:
    """A manager looked for the CSV export from the planning site and found no way to it."""
    planning = sample / "planning"
    # (The ambassadors' page stands alone, for every employee: no link to the team's pages.)
    pages = [planning / "index.html", planning / "drafts" / "index.html",
             *sorted((planning / "agenda").glob("*.html"))[:1], *sorted((planning / "drafts").glob("2027-*.html"))[:1]]
    for page in pages:
        text = page.read_text(encoding="utf-8")
        found = re.search(r'<a href="([^"]*exports/posts\.csv)" download type="text/csv">([^<]+)</a>', text)
        assert found, page
        assert (page.parent / found.group(1)).resolve() == (planning / "exports" / "posts.csv").resolve()
        assert found.group(2) == "Publications en tableur (CSV)"
    assert (planning / "exports" / "posts.csv").read_bytes().startswith(b"\xef\xbb\xbfid,network,")


def test_the_subscribe_block_says_what_each_link_does(sample: Path, server: str, chromium: Any) -> None:
    """A first subscriber downloaded "fichier" and wondered why it never changed, and subscribed to every feed."""
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(server + "index.html")
    block = page.locator("section.feeds")
    help_text = block.locator(".help").inner_text()
    assert "Abonnez-vous plutôt que de télécharger" in help_text and "suit alors chaque reconstruction" in help_text
    # Where the lines break is the browser's: a colon never starts one (a no-break space before it).
    assert "Une copie figée est le fichier tel qu'il est aujourd'hui\u00a0: elle ne se met jamais à jour." in help_text
    assert "Planning de publication contient déjà tout" in help_text and "en double" in help_text
    assert "Google Agenda ne relit un abonnement que toutes les 8 à 24 heures." in help_text
    assert block.locator(".help").is_visible()
    # The download is labelled for what it is, and a screen reader reads why on each link.
    copies = block.locator("a[download]")
    assert copies.count() == block.locator("li.feed").count() == 14
    assert set(copies.all_inner_texts()) == {"copie figée (.ics)"}
    description = page.evaluate("document.getElementById(document.querySelector('.feeds a[download]')"
                                ".getAttribute('aria-describedby')).textContent")
    assert "ne se met jamais à jour" in description
    fg, bg, size = page.eval_on_selector(".feeds .help p", "p => { const s = getComputedStyle(p); "
                                         "return [s.color, getComputedStyle(document.body).backgroundColor, "
                                         "parseFloat(s.fontSize)]; }")
    assert page.evaluate(CONTRAST_JS, [fg, bg]) >= 4.5 and size >= 12
    page.close()


def test_a_phone_video_stays_in_its_card_on_the_drafts_page(sample: Path, server: str, chromium: Any) -> None:
    """A video filmed on a phone (1080 x 1920, its cover too) played 1080 pixels wide across the page."""
    page = chromium.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(server + "drafts/2027-02.html")
    big = "data:image/svg+xml," + "<svg xmlns='http://www.w3.org/2000/svg' width='1080' height='1920'/>"
    # Its size is the cover's until the video loads: a phone's, without the file of one in the sample.
    videos = page.evaluate("""big => [...document.querySelectorAll('.card video')].map(v => {
        v.removeAttribute('src'); v.poster = big; v.load(); return v.poster; }).length""", big)
    assert videos, "the sample's video is on its month's drafts page"
    page.wait_for_function("[...document.querySelectorAll('.card video')]"
                           ".every(v => v.getBoundingClientRect().width > 200)")
    sizes = page.evaluate("[...document.querySelectorAll('.card video')].map(v => "
                          "[v.getBoundingClientRect().width, v.closest('.card').getBoundingClientRect().width])")
    assert all(video <= card for video, card in sizes), sizes
    page.close()


def test_the_month_view_shows_the_month_with_holidays_freezes_and_campaigns(sample: Path, server: str,
                                                                           chromium: Any) -> None:
    plan = load_plan(sample)
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(server + "index.html")
    assert page.inner_text("#period") == "janvier 2027"
    cells = page.locator("#view-month td[data-date]")
    assert cells.count() % 7 == 0 and cells.first.get_attribute("data-date") == "2026-12-28"
    shown = set(page.eval_on_selector_all("#view-month [data-item-id]", "els => els.map(e => e.dataset.itemId)"))
    january = {i["id"] for i in plan["items"] if i["start"] and "2026-12-28" <= i["start"][:10] <= "2027-01-31"}
    assert shown == january
    assert "holiday" in page.get_attribute('td[data-date="2027-01-01"]', "class")
    assert "Jour de l'an" in page.inner_text('td[data-date="2027-01-01"]')
    # A key date is named on each of its days, and only those; the legend says what ◆ is.
    assert "◆ Date clé" in page.inner_text(".legend")
    assert all("◆ Salon Industrie Rhône-Alpes, Lyon" in page.inner_text(f'td[data-date="2027-01-{day}"]')
               for day in (26, 27, 28, 29))
    assert "◆" not in page.inner_text('td[data-date="2027-01-25"]') + page.inner_text('td[data-date="2027-01-30"]')
    assert "frozen" in page.get_attribute('td[data-date="2026-12-30"]', "class")
    assert "today" in page.get_attribute('td[data-date="2027-01-12"]', "class")
    assert "Salon Industrie Rhône-Alpes 2027" in page.inner_text('td[data-date="2027-01-12"] .band')
    # A freeze of Mastodon only: named, and hatched only when Mastodon is what the filter shows.
    note = page.locator('td[data-date="2027-01-20"] [data-freeze-networks="mastodon"]')
    assert note.inner_text().startswith("❄ Mastodon\u00a0: Migration")
    assert "frozen" not in page.get_attribute('td[data-date="2027-01-20"]', "class").split()
    page.select_option('select[data-filter="network"]', "linkedin")
    assert note.is_hidden()
    page.select_option('select[data-filter="network"]', "mastodon")
    assert note.is_visible() and "frozen" in page.get_attribute('td[data-date="2027-01-20"]', "class").split()
    page.select_option('select[data-filter="network"]', "")
    screenshot(page, "planning-month")
    page.click("#next")
    assert page.inner_text("#period") == "février 2027" and "date=2027-02" in page.url
    page.close()


def test_a_busy_day_of_the_month_shows_its_first_tiles_and_a_button_for_the_others(sample: Path, server: str,
                                                                                 chromium: Any) -> None:
    """A trial at 3,000 posts a year: a day of 13 posts was a cell 1,500 px high, and a month five screens.
    A day of more than four tiles shows three and "+N autres"; the filters, print and the count follow."""
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(server + "index.html")
    day = page.locator('#view-month td[data-date="2027-01-26"]')  # the fair's first day: 7 items
    tiles = day.locator("[data-item-id]")
    assert tiles.count() == 7

    def shown() -> int:
        return day.evaluate("td => Array.from(td.querySelectorAll('[data-item-id]'))"
                            ".filter(e => e.getClientRects().length).length")

    button = day.locator("button.more")
    assert shown() == 3 and button.inner_text() == "+4 autres" and button.get_attribute("aria-expanded") == "false"
    quiet = page.locator('#view-month td[data-date="2027-01-25"]')  # a day of few tiles: all, no button
    assert quiet.locator("button.more").count() == 0
    height = day.bounding_box()["height"]
    button.click()
    assert shown() == 7 and button.inner_text() == "Afficher moins" and button.get_attribute("aria-expanded") == "true"
    assert day.bounding_box()["height"] > height
    button.click()
    assert shown() == 3
    # Counted among what the filters leave: LinkedIn's tiles of the day all show, without a button.
    page.select_option('select[data-filter="network"]', "linkedin")
    linkedin = day.locator('[data-item-id][data-network="linkedin"]').count()
    assert 0 < linkedin <= 4 and shown() == linkedin and day.locator("button.more").count() == 0
    # The polite status counts the folded tiles among those shown: they are one click away.
    page.select_option('select[data-filter="network"]', "")
    total = page.evaluate("Array.from(document.querySelectorAll('#view-month [data-item-id]'))"
                          ".filter(e => !e.hidden).length")
    assert page.locator("form.filters [role=status]").text_content() == f"{total} éléments affichés"
    # On paper, every tile and no button.
    page.emulate_media(media="print")
    assert shown() == 7 and not button.is_visible()
    page.close()


def test_cadence_gaps_are_the_ones_the_check_reports(sample: Path, server: str, chromium: Any) -> None:
    result = run_edcal("check", "--format", "json", "--only", "cadence-gap", cwd=sample, env=ENV)
    # The calendar marks the networks', the blog's and the campaigns' gaps: every one the check reports.
    findings = json.loads(result.stdout)["findings"]
    page_data = json.loads(re.search(r'<script type="application/json" id="plan-data">(.*?)</script>',
                                     (sample / "planning" / "index.html").read_text(encoding="utf-8"),
                                     re.DOTALL).group(1))
    assert findings and sorted((g["first"], g["last"], g.get("campaign", "")) for g in page_data["gaps"]) \
        == sorted((f["data"]["first_day"], f["data"]["last_day"], f["data"]["campaign"] or "") for f in findings)
    # The same gaps, in French: "LinkedIn : 1, rythme visé 2/semaine" (no-break spaces).
    assert {g["message"] for g in page_data["gaps"]} >= {"LinkedIn\u00a0: 1, rythme visé 2/semaine",
                                                         "Blog\u00a0: 1, rythme visé 2/mois"}
    assert not [g for g in page_data["gaps"] if "/week" in g["message"] or "/month" in g["message"]]
    gap = page_data["gaps"][0]
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(server + f"index.html?view=week&date={gap['first']}")
    assert gap["message"] in page.inner_text("#view-week")
    # A month's gap is marked once in the month's view (it was on each Monday), on the day it starts.
    blog = next(g for g in page_data["gaps"] if g["network"] == "blog")
    page.goto(server + f"index.html?view=month&date={blog['first'][:7]}")
    marks = page.locator('#view-month .gap[data-gap-network="blog"]')
    assert marks.count() == 1 and marks.first.locator("xpath=ancestor::td").get_attribute("data-date") == blog["first"]
    page.close()


def test_a_campaign_s_cadence_gaps_show_on_the_calendar_under_its_filter(sample: Path, server: str,
                                                                         chromium: Any) -> None:
    """Filtered on the campaign « Recrutement », the calendar's February had no ⚠ on its empty week of 8 to 14
    February, which the objectives and `edcal check` name, and kept the blog's ⚠, no concern of the campaign's
    (the docs promised the cadence-gap check's periods). The campaign's gaps show, under its filter and with
    no campaign chosen; under a campaign's filter, the networks' and the blog's do not."""
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(server + "index.html?view=month&date=2027-02")

    def shown() -> list[str]:
        return [" ".join(text.replace("\u00a0", " ").split()) for text in page.eval_on_selector_all(
            "#view-month .gap", "els => els.filter(e => !e.hidden && e.offsetParent !== null).map(e => e.textContent)")]

    campaign = "⚠ la campagne « Recrutement métallier·ère soudeur·se » sur LinkedIn : 0, rythme visé 1/semaine"
    everything = shown()
    assert campaign in everything and "⚠ Blog : 1, rythme visé 2/mois" in everything, everything
    mark = page.locator('#view-month .gap[data-gap-campaign="recrutement-soudeur"]').first
    assert mark.locator("xpath=ancestor::td").get_attribute("data-date") == "2027-02-08"
    page.select_option('select[data-filter="campaign"]', "recrutement-soudeur")
    assert shown() == [campaign, campaign], shown()  # 8 to 14 and 22 to 28 February
    page.select_option('select[data-filter="campaign"]', "salon-industrie-2027")
    assert shown() == []
    page.close()


def test_filters_apply_and_survive_a_reload(sample: Path, server: str, chromium: Any) -> None:
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(server + "index.html")
    page.select_option('select[data-filter="network"]', "linkedin")
    page.select_option('select[data-filter="owner"]', "camille")
    assert "network=linkedin" in page.url and "owner=camille" in page.url

    def visible() -> list[dict[str, str]]:
        return page.eval_on_selector_all(
            "[data-item-id]", "els => els.filter(e => e.offsetParent !== null).map(e => ({...e.dataset}))")

    shown = visible()
    assert shown and all(e["network"] == "linkedin" and e["owner"] == "camille" for e in shown if "network" in e)
    page.reload()
    assert page.input_value('select[data-filter="network"]') == "linkedin"
    assert visible() == shown
    page.click('button[data-view="agenda"]')
    agenda = [e for e in visible() if e.get("kind") != "idea"]
    assert agenda and all(e["network"] == "linkedin" for e in agenda)
    page.click("#reset-filters")
    assert "network=" not in page.url and len(visible()) > len(shown)
    page.close()


def test_a_months_agenda_page_counts_what_its_filters_show(sample: Path, server: str, chromium: Any) -> None:
    """The calendar's ‹ and › bring their filters to the months' agenda pages: October with LinkedIn alone
    showed its 4 posts under "18 éléments." (the drafts pages' counts follow their filters)."""
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(server + "agenda/2026-10.html")
    assert page.inner_text("p.lead").endswith(" 18 éléments.")
    page.goto(server + "agenda/2026-10.html?network=linkedin")
    assert page.locator(".agenda [data-item-id]:visible").count() == 4
    assert page.inner_text("p.lead").endswith(" 4 éléments.")
    page.select_option('select[data-filter="owner"]', "malik")
    assert page.inner_text("p.lead").endswith(" 2 éléments.")
    page.select_option('select[data-filter="owner"]', "julien")
    assert page.inner_text("p.lead").endswith(" 0 élément.")
    page.close()


def test_an_address_naming_no_day_opens_today(sample: Path, server: str, chromium: Any) -> None:
    """?date=2027-13 (a month typed wrong) opened January 2028, and on a site holding fewer months, the last
    month's agenda page; 2027-02-30, the 2nd of March. Like ?date=soon, they open on today."""
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    for date in ("2027-13", "2027-00", "2027-02-30", "soon"):
        page.goto(server + f"index.html?date={date}")
        assert page.inner_text("#period") == "janvier 2027", date
    page.goto(server + "index.html?view=week&date=2027-02-28")
    assert page.inner_text("#period") == "Semaine du 22 au 28 février 2027"
    page.close()


def test_an_item_opens_in_the_agenda_with_its_links(sample: Path, server: str, chromium: Any) -> None:
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(server + "index.html?view=week")
    tile = page.locator("#view-week [data-item-id] a").first
    item_id = tile.evaluate("a => a.closest('[data-item-id]').dataset.itemId")
    tile.click()
    row = page.locator(f"#view-agenda #item-{item_id}")
    assert row.is_visible() and row.locator("details").get_attribute("open") is not None
    assert "view=agenda" in page.url
    assert page.evaluate("document.activeElement.closest('[data-item-id]').dataset.itemId") == item_id
    # An item beyond the coming weeks opens on its month's agenda page, filters kept.
    page.goto(server + "index.html?date=2027-04&network=linkedin")
    tile = page.locator("#view-month [data-item-id]:not([hidden]) a").first
    item_id = tile.evaluate("a => a.closest('[data-item-id]').dataset.itemId")
    tile.click()
    page.wait_for_url(f"**/agenda/2027-04.html?*#item-{item_id}")
    assert "network=linkedin" in page.url
    row = page.locator(f"#item-{item_id}")
    assert row.is_visible() and row.locator("details").get_attribute("open") is not None
    assert page.locator("h1").inner_text() == "Agenda — avril 2027"
    assert page.locator('[data-item-id][data-network="mastodon"]').first.is_hidden()
    # Back returns to the month view, and stays there.
    page.go_back()
    page.wait_for_timeout(300)
    assert page.url.endswith("index.html?date=2027-04&network=linkedin")
    # A feed's link to the calendar page opens the month's page in its place: Back leaves.
    page.goto(server + "index.html?view=week")
    page.goto(server + f"index.html#item-{item_id}")
    page.wait_for_url(f"**/agenda/2027-04.html#item-{item_id}")
    page.go_back()
    page.wait_for_timeout(300)
    assert page.url.endswith("index.html?view=week")
    # And back from a draft's card to it.
    page.goto(server + f"drafts/2027-04.html#item-{item_id}")
    page.click(f'#item-{item_id} a:text("Calendrier")')
    page.wait_for_url(f"**/agenda/2027-04.html#item-{item_id}")
    assert page.locator(f"#item-{item_id} details").get_attribute("open") is not None
    # The month's page leads back to the calendar on that month, not on today's.
    # Its owner and campaign read as words apart: "Sophie Benali · Salon", not "Sophie Benali· Salon".
    page.goto(server + "agenda/2027-01.html")
    both = page.locator('[data-item-id]:not([data-owner=""]):not([data-campaign=""]) summary').first
    words = " ".join(both.text_content().split())
    assert re.search(r"\w · \w.* · \w", words) and not re.search(r"\S·", words), words
    # A post's text keeps its lines, as the network shows them.
    page.goto(server + "agenda/2027-01.html#item-salon-j-7-bluesky")
    assert "\n" in page.locator("#item-salon-j-7-bluesky .text").inner_text()
    page.goto(server + f"agenda/2027-04.html#item-{item_id}")
    page.click('.pager a:text("Calendrier") >> nth=0')
    page.wait_for_url("**/index.html?date=2027-04")
    assert page.locator("#period").inner_text() == "avril 2027"
    page.close()


def says_the_item_is_gone(page: Any, address: str) -> None:
    """The page at ``address``, opened for an item the plan does not have, says so and stays."""
    page.goto(address + "#item-supprime-depuis")
    notice = page.locator("#missing")
    notice.wait_for()
    assert notice.inner_text() == ("L'élément «\u00a0supprime-depuis\u00a0» que nomme cette adresse n'est plus "
                                   "dans le plan\u00a0: il a été retiré, ou son identifiant a changé.")
    assert page.url == address + "#item-supprime-depuis"


def test_a_months_agenda_page_opens_an_item_that_moved_to_another_month_on_its_page(
        sample: Path, server: str, chromium: Any) -> None:
    """A month's agenda page opened with #item-<id> of an item since moved to another month (a link in a chat,
    a bookmark) showed the month, the item nowhere: it opens the item's month's page, filters kept, as the
    calendar page does; an id the plan no longer has is said so."""
    item = "astuce-du-jeudi-linkedin-20270408"  # in April
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(server + "agenda/2027-03.html")
    page.goto(server + f"agenda/2027-03.html?network=linkedin#item-{item}")
    page.wait_for_url(f"**/agenda/2027-04.html?network=linkedin#item-{item}")
    assert page.locator(f"#item-{item} details").get_attribute("open") is not None
    assert page.evaluate("document.activeElement.closest('[data-item-id]').dataset.itemId") == item
    # It took the old address's place: Back leaves for the page before.
    page.go_back()
    page.wait_for_timeout(300)
    assert page.url.endswith("agenda/2027-03.html")
    says_the_item_is_gone(page, server + "agenda/2027-03.html")
    # An item of the month itself still opens where it is, without a look-up.
    page.goto(server + f"agenda/2027-04.html#item-{item}")
    assert page.locator(f"#item-{item} details").get_attribute("open") is not None
    assert page.locator("#missing").is_hidden()
    page.close()


def test_a_drafts_page_opens_a_post_that_moved_to_another_month_on_its_page(
        sample: Path, server: str, chromium: Any) -> None:
    """A drafts page opened with #item-<id> of a post since moved to another month (a bookmark of its card, a
    link in a chat) showed the page, the card nowhere: it opens the card on its month's drafts page, filters
    kept, as the agenda pages do; a post whose time has passed is said to be no longer among the drafts, with
    a link to it in the calendar; an id the plan no longer has is said so."""
    item = "astuce-du-jeudi-linkedin-20270408"  # in April
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(server + "drafts/2027-03.html")
    page.goto(server + f"drafts/2027-03.html?network=linkedin#item-{item}")
    page.wait_for_url(f"**/drafts/2027-04.html?network=linkedin#item-{item}")
    page.wait_for_function(f"document.activeElement && document.activeElement.id === 'item-{item}'")
    assert page.locator(f"#item-{item}").is_visible()
    assert page.locator('select[data-filter="network"]').input_value() == "linkedin"
    # It took the old address's place: Back leaves for the page before.
    page.go_back()
    page.wait_for_timeout(300)
    assert page.url.endswith("drafts/2027-03.html")
    # The overview holds the next 7 days: a post further on opens on its month's page.
    page.goto(server + f"drafts/index.html#item-{item}")
    page.wait_for_url(f"**/drafts/2027-04.html#item-{item}")
    # A post gone out: no draft any more, but the calendar has it.
    plan = load_plan(sample)
    gone = next(i for i in plan["items"] if i["kind"] == "post" and "2027-01" < i["start"] < NOW
                and i["status"] == "published")  # on a month that has a drafts page still
    page.goto(server + f"drafts/{gone['start'][:7]}.html#item-{gone['id']}")
    notice = page.locator("#missing")
    notice.wait_for()
    assert notice.inner_text() == (
        f"L'élément «\u00a0{gone['id']}\u00a0» que nomme cette adresse n'est plus parmi les brouillons à relire\u00a0: "
        "son heure est passée, ou un gel le retient. Le voir dans le calendrier")
    assert notice.locator("a").get_attribute("href") == f"../agenda/{gone['start'][:7]}.html#item-{gone['id']}"
    notice.locator("a").click()
    page.wait_for_url(f"**/agenda/{gone['start'][:7]}.html#item-{gone['id']}")
    says_the_item_is_gone(page, server + "drafts/2027-03.html")
    says_the_item_is_gone(page, server + "drafts/index.html")
    # A card of the page itself opens where it is, without a look-up.
    page.goto(server + f"drafts/2027-04.html#item-{item}")
    page.wait_for_function(f"document.activeElement && document.activeElement.id === 'item-{item}'")
    assert page.locator("#missing").is_hidden()
    # Opened from a CI artifact (file://) too.
    page.goto((sample / "planning" / "drafts" / "2027-03.html").as_uri() + f"#item-{item}")
    page.wait_for_url(f"file://**/drafts/2027-04.html#item-{item}")
    page.close()


def test_keyboard_skip_link_and_phone_width(sample: Path, server: str, chromium: Any) -> None:
    page = chromium.new_page(viewport={"width": 390, "height": 844})
    page.goto(server + "index.html?view=month")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.locator("main").count() == 1 and page.locator("nav").count() >= 1
    # Days one under the other, without the table's column headings: each says its weekday.
    first_day = page.locator(".month td.in .num").first
    assert first_day.inner_text() == "Vendredi 1"  # 1 January 2027
    screenshot(page, "planning-phone")
    page.set_viewport_size({"width": 1400, "height": 900})
    assert first_day.inner_text() == "1" and page.locator(".month thead th").first.is_visible()
    page.set_viewport_size({"width": 390, "height": 844})
    # Every figure of the objectives, on screen without scrolling a table sideways (they were cut off).
    right = "sel => Math.max(...Array.from(document.querySelectorAll(sel), e => e.getBoundingClientRect().right))"
    assert page.evaluate(right, ".objectives td") <= 390
    page.goto(server + "drafts/index.html")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.evaluate(right, "table.months td") <= 390
    assert page.locator("table.months td[data-count='2']").first.evaluate(
        "e => getComputedStyle(e, '::before').content").startswith('"Avertissements sur les brouillons')
    page.close()


def test_the_drafts_review_counts_findings_about_periods_apart(sample: Path) -> None:
    """"février : 0 avertissement" while `edcal check` warned of a thin LinkedIn week in February."""
    page = html.unescape((sample / "planning" / "drafts" / "index.html").read_text(encoding="utf-8"))
    check = json.loads(run_edcal("check", "--format", "json", cwd=sample, env=ENV).stdout)
    periods = [f for f in check["findings"] if f["item"] is None and f["data"]]
    assert any(f["data"].get("first_day", "").startswith("2027-02") for f in periods)
    sentence = re.search(r'data-count="periods">([^<]*)', page)
    assert sentence is not None
    others = int(sentence.group(1).split()[0])
    assert sentence.group(1).startswith(f"{others} autres constats ne portent sur aucun brouillon de ces pages")
    assert others >= len(periods)
    assert "Avertissements sur les brouillons" in page
    # The months' figures and that sentence add up to what `edcal check` found: a warning on a post held by a
    # freeze was on no page and in no figure (7 shown for 8 found).
    months = [html.unescape((sample / "planning" / "drafts" / path.name).read_text(encoding="utf-8"))
              for path in sorted((sample / "planning" / "drafts").glob("20*.html"))]
    on_cards = sum(len(re.findall(r'<li class="sev-(?:error|warning)">', month)) for month in months)
    # A finding about an article is on the cards of each post about it: counted once.
    about_articles = {line for month in months for line in re.findall(r'<li class="sev-\w+ article-finding">(.*?)</li>',
                                                                       month, re.DOTALL)}
    assert on_cards + len(about_articles) + others == len(check["findings"]), \
        (on_cards, about_articles, others, len(check["findings"]))


#: WCAG's contrast ratio of two CSS colours, as the browser paints them (canvas: any syntax, oklch too).
CONTRAST_JS = """([fg, bg]) => {
  const canvas = document.createElement("canvas"); canvas.width = canvas.height = 1;
  const ctx = canvas.getContext("2d");
  const rgb = (c) => { ctx.clearRect(0, 0, 1, 1); ctx.fillStyle = "#fff"; ctx.fillRect(0, 0, 1, 1);
                       ctx.fillStyle = c; ctx.fillRect(0, 0, 1, 1); return Array.from(ctx.getImageData(0, 0, 1, 1).data); };
  const lum = (c) => { const [r, g, b] = rgb(c).slice(0, 3).map(v => { v /= 255;
                       return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
                       return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}"""


def test_small_text_reads_on_every_band_and_the_focus_ring_shows(sample: Path, server: str, chromium: Any) -> None:
    """White text on a light campaign colour (darkorange) read at 2.3:1; the yellow focus ring at 1.9:1."""
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(server + "index.html")
    from edcal.load.colors import CSS3_COLORS

    for colour in sorted(CSS3_COLORS):
        page.evaluate("c => { const b = document.querySelector('.band'); b.style.setProperty('--band', c); }", colour)
        fg, bg, size = page.eval_on_selector(".band", "b => { const s = getComputedStyle(b); "
                                             "return [s.color, s.backgroundColor, parseFloat(s.fontSize)]; }")
        assert page.evaluate(CONTRAST_JS, [fg, bg]) >= 4.5, colour
        assert size >= 12
    badge = page.eval_on_selector(".badge", "b => parseFloat(getComputedStyle(b).fontSize)")
    assert badge >= 12
    page.keyboard.press("Tab")
    ring = page.evaluate("getComputedStyle(document.activeElement).outlineColor")
    for background in ("#ffffff", "#f5f7fa"):
        assert page.evaluate(CONTRAST_JS, [ring, background]) >= 3
    page.close()


PLANNING_CSS = ROOT / "themes" / "edcal" / "planning" / "assets" / "planning.css"
DARK = "@media screen and (prefers-color-scheme: dark)"


def planning_colours(css: str) -> dict[str, str]:
    """The colour variables a part of planning.css sets; the freeze hatching's two stripes as freeze-1, freeze-2."""
    colours = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-f]{6});", css))
    stripes = re.search(r"--freeze:[^;]*?(#[0-9a-f]{6})[^;]*?(#[0-9a-f]{6})", css)
    if stripes:
        colours.update({"freeze-1": stripes[1], "freeze-2": stripes[2]})
    return colours


def test_planning_colours_meet_wcag_aa_in_light_and_dark_schemes() -> None:
    """The planning pages had no dark scheme: beside a dark blog and a dark system, they stayed white."""
    css = PLANNING_CSS.read_text(encoding="utf-8")
    assert DARK in css
    light = planning_colours(css.split(DARK)[0])
    dark = {**light, **planning_colours(css.split(DARK)[1].split("\n}\n")[0])}
    assert contrast(dark["bg"], "#000000") < contrast(dark["bg"], "#ffffff")
    texts = ["fg", "muted", "accent", "error", "warning", "gap", "status-idea", "status-review", "status-published"]
    # The page, the tiles, today, a holiday, another month's days and the freeze's stripes.
    backgrounds = ["bg", "soft", "today", "holiday", "other", "freeze-1", "freeze-2"]
    for scheme, colours in (("light", light), ("dark", dark)):
        # The skip link and the view pressed (page colour on text colour), the copy button (on the accent).
        assert contrast(colours["bg"], colours["fg"]) >= 4.5, scheme
        assert contrast(colours["bg"], colours["accent"]) >= 4.5, scheme
        for fg in texts:
            for bg in backgrounds:
                assert contrast(colours[fg], colours[bg]) >= 4.5, f"{scheme}: --{fg} on --{bg}"
        for bg in [*backgrounds, "halo"]:
            assert contrast(colours["focus"], colours[bg]) >= 3, f"{scheme}: focus ring on --{bg}"
        for bg in ("bg", "soft"):  # the filters' and buttons' edges were 1.4:1 (WCAG 1.4.11 asks 3:1)
            assert contrast(colours["control"], colours[bg]) >= 3, f"{scheme}: a control's edge on --{bg}"
    assert re.search(r"\.filters select, [^{]*\{[^}]*border: 1px solid var\(--control\)", css)


#: An element's text colour and the colour it is painted on (its own background, or its nearest ancestor's).
TEXT_AND_BACKGROUND_JS = """e => { let b = e;
  while (getComputedStyle(b).backgroundColor === "rgba(0, 0, 0, 0)" && b.parentElement) b = b.parentElement;
  return [getComputedStyle(e).color, getComputedStyle(b).backgroundColor]; }"""


@pytest.mark.parametrize("url", ["index.html", "drafts/2027-01.html"])
def test_the_planning_pages_read_in_a_dark_scheme(server: str, chromium: Any, url: str) -> None:
    """A reader whose system is dark got the planning pages white; on paper they stay black on white."""
    page = chromium.new_page(color_scheme="dark", viewport={"width": 1280, "height": 900})
    page.goto(server + url)
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert page.evaluate(CONTRAST_JS, [background, "#000000"]) < 1.5
    cards = [".backlog li", ".item", ".item .badge"] if url == "index.html" else \
        [".card .post", ".card .meta", ".card .badge", ".card textarea", ".card .copy"]
    for card in cards:
        fg, bg = page.eval_on_selector(card, TEXT_AND_BACKGROUND_JS)
        assert page.evaluate(CONTRAST_JS, [fg, bg]) >= 4.5, (card, fg, bg)
    # The text boxes follow the scheme (color-scheme), not white boxes on a dark page.
    if url != "index.html":
        box = page.eval_on_selector(".card textarea", "e => getComputedStyle(e).backgroundColor")
        assert page.evaluate(CONTRAST_JS, [box, "#000000"]) < 3
    screenshot(page, "planning-dark-" + url.split("/")[0].removesuffix(".html"))
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"
    page.close()


def test_a_link_preview_s_image_has_its_article_s_alt_text(sample: Path) -> None:
    """The drafts review's link previews showed the article's image with an empty alt even where the article
    gives its alt text (`image_alt:`): a screen reader skipped the picture the network's card will show."""
    page = (sample / "planning" / "drafts" / "2027-01.html").read_text(encoding="utf-8")
    previews = dict(re.findall(r'<div class="preview"[^>]*>\s*<img src="([^"]+)" alt="([^"]*)"', page))
    alt = html.unescape(previews["../media/images/salon-industrie-2027.png"]).replace("\u00a0", " ")
    assert alt == "Carte bleu nuit, en lettres orange : « Salon Industrie 2027 », puis « Hall B · stand B42 »"
    assert previews["../media/images/recrutement.png"] == "Soudeur au travail, étincelles derrière le masque"


@pytest.mark.parametrize("alt", ["Le portail repeint", None])
def test_a_link_preview_s_image_is_described_as_its_article_describes_it(alt: str | None) -> None:
    """An empty alt only where the article has no alt text (missing-alt-text warns of it) or says it is
    decorative (`image_alt: ""`)."""
    from edcal.outputs.review import preview
    from helpers import PARIS_CALENDAR, article, calendar_from, plan_of

    calendar = calendar_from(PARIS_CALENDAR + "posts:\n  - {id: p, networks: [linkedin], at: 2027-01-12 09:00, "
                                              "article: portail}\n")
    written = article("portail", "2027-01-05T09:00", calendar, image="https://cdn.example.org/portail.png",
                      image_alt=alt)
    plan = plan_of(calendar, [written], now="2027-01-10T09:00:00+01:00")
    card = preview(next(i for i in plan.items if i.id == "p-linkedin"), plan, {})
    assert card is not None and card["image"] == "https://cdn.example.org/portail.png"
    assert card["image_alt"] == (alt or "")


def test_the_copy_button_copies_the_exact_draft(sample: Path, server: str, chromium: Any) -> None:
    context = chromium.new_context(viewport={"width": 1200, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.rstrip("/"))
    page = context.new_page()
    page.goto(server + "drafts/2027-01.html?network=instagram")
    card = page.locator('article[data-network="instagram"]').first
    item_id = card.get_attribute("data-item-id")
    assert page.locator('article[data-network="linkedin"]').first.is_hidden()
    # Each card is headed (network, time) one level under its day's heading: screen readers jump card to card.
    assert card.locator("h3.card-title").inner_text().startswith("Instagram")
    # The text's button (an Instagram card has another, for the link to put in the bio).
    button = card.locator(".actions button.copy")
    status = card.locator(f"#text-{item_id}-status")
    # Among dozens of copy buttons, each says which post it copies; the outcome is announced.
    assert button.get_attribute("aria-label").startswith("Copier le texte (Instagram, ")
    assert card.locator(f'label[for="text-{item_id}"]').inner_text().startswith("Texte à publier sur Instagram, ")
    # Its first comment (the hashtags, on the sample's Instagram) has a button and a label of its own.
    assert card.locator(".comment-actions button.copy").get_attribute("aria-label").startswith(
        "Copier le premier commentaire (Instagram, ")
    assert card.locator(f'label[for="comment-{item_id}"]').inner_text().startswith(
        "Premier commentaire à publier sur Instagram, ")
    button.click()
    # The clipboard answers asynchronously: wait for the announcement rather than read it at once.
    status.filter(has_text="Copié").wait_for(timeout=5000)
    assert status.inner_text() == "Copié"
    copied = page.evaluate("navigator.clipboard.readText()")
    post = next(i for i in load_plan(sample)["items"] if i["id"] == item_id)
    assert copied == post["text"]
    screenshot(page, "planning-drafts")
    # The next month's page keeps the filter.
    page.click('.pager a[rel="next"] >> nth=0')
    assert page.url.endswith("drafts/2027-02.html?network=instagram")
    assert page.locator("h1").inner_text() == "Brouillons à relire — février 2027"
    shown = page.eval_on_selector_all("article[data-network]", "els => els.filter(e => !e.hidden).map(e => e.dataset.network)")
    assert shown and set(shown) == {"instagram"}
    page.click('.pager a:text("Tous les mois") >> nth=0')
    assert page.url.endswith("drafts/index.html?network=instagram")
    # The overview counts Instagram's drafts only, like the cards it shows.
    upcoming = [i for i in load_plan(sample)["items"]
                if i["kind"] == "post" and i["status"] != "withheld" and i["start"] >= NOW]
    instagram = [i for i in upcoming if i["network"] == "instagram"]
    assert 0 < len(instagram) < len(upcoming)
    # The page's script recounts once loaded: wait for it (a busy machine ran the assertion first).
    page.wait_for_function("n => document.querySelector('.lead [data-count=\"0\"]').innerText === n",
                           arg=str(len(instagram)), timeout=5000)
    assert page.locator('.lead [data-count="0"]').inner_text() == str(len(instagram))
    january = page.locator('tr[data-counts]:has(a[href^="2027-01.html"]) td[data-count="0"]')
    assert january.inner_text() == str(sum(1 for i in instagram if i["start"].startswith("2027-01")))
    page.select_option('select[data-filter="network"]', "")
    assert page.locator('.lead [data-count="0"]').inner_text() == str(len(upcoming))
    assert page.url.endswith("drafts/index.html")
    assert page.locator('.lead [data-count-word="0"]').inner_text() == "brouillons"
    # A month without drafts on a network: the word follows the count, in French's way ("0 brouillon").
    months = {i["start"][:7] for i in upcoming}
    month, network = min((m, n) for m in months for n in {i["network"] for i in upcoming}
                         if not any(i["start"][:7] == m and i["network"] == n for i in upcoming))
    page.goto(server + f"drafts/{month}.html?network={network}")
    assert page.locator(".lead").inner_text().startswith("0 brouillon.")
    page.select_option('select[data-filter="network"]', "")
    assert page.locator(".lead").inner_text().endswith(" brouillons.")
    context.close()


def test_a_youtube_cards_title_is_copied_as_written_with_a_button_of_its_own(sample: Path, server: str,
                                                                            chromium: Any) -> None:
    """YouTube asks a video's title in a field of its own: the drafts review gave the description alone, and
    whoever posted retyped the title from the card's heading. It shows the title, as written (no French spacing
    added: what title-too-long counts), counted against the network's limit, with a copy button; LinkedIn, which
    asks none, shows none."""
    context = chromium.new_context(viewport={"width": 1200, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.rstrip("/"))
    page = context.new_page()
    page.goto(server + "drafts/2027-02.html#item-visite-atelier-youtube")
    card = page.locator("#item-visite-atelier-youtube")
    title = card.locator(".post-title")
    assert title.locator("strong").inner_text() == "Titre\u00a0:"
    assert card.locator("#title-visite-atelier-youtube").inner_text() == "Vidéo : visite de l'atelier"
    assert title.locator(".counting").inner_text() == "27 / 100"
    button = title.locator("button.copy")
    assert button.get_attribute("aria-label") == "Copier le titre (YouTube, samedi 20 février 2027 10:00)"
    button.click()
    card.locator("#title-visite-atelier-youtube-status").filter(has_text="Copié").wait_for(timeout=5000)
    assert page.evaluate("navigator.clipboard.readText()") == "Vidéo : visite de l'atelier"
    # Above the text, as the network's form asks them; the text's own button still copies the text.
    assert card.locator(".post-title").evaluate(
        "e => !!(e.compareDocumentPosition(e.parentElement.querySelector('.post')) & Node.DOCUMENT_POSITION_FOLLOWING)")
    assert page.locator("#item-visite-atelier-instagram .post-title").count() == 0  # Instagram asks none
    context.close()


def test_the_drafts_review_filters_by_person_with_the_network(sample: Path, server: str, chromium: Any) -> None:
    """On a team of 15, nobody could pick out the drafts they own: the drafts review filtered by network only.
    Its person filter, the calendar page's, shows one owner's cards, counts them with the network chosen too,
    says so to screen readers and stays in the address from page to page."""
    upcoming = [i for i in load_plan(sample)["items"]
                if i["kind"] == "post" and i["status"] != "withheld" and i["start"] >= NOW]
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})

    def address(page: Any) -> tuple[str, dict[str, str]]:
        url = urlsplit(page.url)
        return url.path.removeprefix("/"), dict(parse_qsl(url.query))

    owners = "() => Array.from(document.querySelectorAll('article.card')).filter(e => e.getClientRects().length)" \
        ".map(e => [e.dataset.owner, e.dataset.network])"
    page.goto(server + "drafts/2027-01.html")
    assert page.locator('label:has(select[data-filter="owner"])').inner_text().startswith("Responsable")
    # A person with no draft this month: the page says so, where the days were (it showed nothing at all).
    empty = page.locator("p[data-filtered-empty]")
    assert empty.is_hidden()
    page.select_option('select[data-filter="owner"]', "julien")
    assert page.evaluate(owners) == [] and empty.inner_text() == "Aucun brouillon ici ne correspond aux filtres."
    page.select_option('select[data-filter="owner"]', "camille")
    camille = [i for i in upcoming if i["owner"] == "camille" and i["start"].startswith("2027-01")]
    assert 0 < len(camille) < sum(1 for i in upcoming if i["start"].startswith("2027-01"))
    assert sorted(page.evaluate(owners)) == sorted(["camille", i["network"]] for i in camille)
    assert page.locator(".lead").inner_text() == f"{len(camille)} brouillons."
    assert page.locator("form.filters [role=status]").text_content() == f"{len(camille)} éléments affichés"
    assert address(page) == ("drafts/2027-01.html", {"owner": "camille"})
    # With a network: Camille's LinkedIn drafts, counted so; the address keeps both, a reload too.
    page.select_option('select[data-filter="network"]', "linkedin")
    linkedin = [i for i in camille if i["network"] == "linkedin"]
    assert linkedin and sorted(page.evaluate(owners)) == [["camille", "linkedin"]] * len(linkedin)
    assert page.locator(".lead").inner_text() == f"{len(linkedin)} brouillons."
    assert address(page) == ("drafts/2027-01.html", {"owner": "camille", "network": "linkedin"})
    page.reload()
    assert page.input_value('select[data-filter="owner"]') == "camille"
    assert sorted(page.evaluate(owners)) == [["camille", "linkedin"]] * len(linkedin)
    # The overview's counts and its months follow both filters.
    page.click('.pager a:text("Tous les mois") >> nth=0')
    assert address(page) == ("drafts/index.html", {"owner": "camille", "network": "linkedin"})
    both = [i for i in upcoming if i["owner"] == "camille" and i["network"] == "linkedin"]
    page.wait_for_function("n => document.querySelector('.lead [data-count=\"0\"]').innerText === n",
                           arg=str(len(both)), timeout=5000)
    january = page.locator('tr[data-counts]:has(a[href^="2027-01.html"])')
    assert january.locator('td[data-count="0"]').inner_text() == str(len(linkedin))
    assert january.locator('td[data-count="2"]').inner_text() == "0"
    # Camille's warnings on any network: 3 of January's 5 (too many Instagram posts a day, out of its slots).
    page.select_option('select[data-filter="network"]', "")
    assert january.locator('td[data-count="0"]').inner_text() == str(len(camille))
    assert january.locator('td[data-count="2"]').inner_text() == "3"
    page.select_option('select[data-filter="network"]', "linkedin")
    # Another person: Sophie's LinkedIn post too close to another is her month's warning.
    page.select_option('select[data-filter="owner"]', "sophie")
    sophie = [i for i in upcoming if i["owner"] == "sophie" and i["network"] == "linkedin"]
    assert page.locator('.lead [data-count="0"]').inner_text() == str(len(sophie))
    assert january.locator('td[data-count="2"]').inner_text() == "1"
    assert address(page) == ("drafts/index.html", {"owner": "sophie", "network": "linkedin"})
    assert page.locator("p[data-filtered-empty]").is_hidden() == bool(
        [i for i in sophie if i["start"] < "2027-01-19"])  # the next 7 days from 12 January
    page.close()


def test_a_drafts_page_leads_to_each_of_its_days(sample: Path, server: str, chromium: Any) -> None:
    """At 20 posts a day, a month's review page held 600 cards (1.7 MB) and the next 7 days 120: the 20th, or
    tomorrow's LinkedIn posts, were a long scroll away. Each page lists its days at the top, each a link to
    its day; a day the filters empty leaves the list with its cards."""
    upcoming = [i for i in load_plan(sample)["items"]
                if i["kind"] == "post" and i["status"] != "withheld" and i["start"] >= NOW]
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    links = "() => Array.from(document.querySelectorAll('nav.days a')).filter(e => e.getClientRects().length)" \
        ".map(e => [e.textContent.trim(), e.getAttribute('href')])"
    for path, days in (("drafts/2027-01.html", sorted({i["start"][:10] for i in upcoming
                                                       if i["start"].startswith("2027-01")})),
                       ("drafts/index.html", sorted({i["start"][:10] for i in upcoming if i["start"] < "2027-01-19"}))):
        page.goto(server + path)
        assert page.locator("nav.days").get_attribute("aria-label") == "Jours"
        shown = page.evaluate(links)
        assert [href for _, href in shown] == [f"#d-{day}" for day in days] and len(days) > 2, path
        weekdays = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
        assert [text for text, _ in shown] == [
            f"{weekdays[dt.date.fromisoformat(day).weekday()]} {'1er' if day.endswith('-01') else int(day[8:])}"
            for day in days]
        # A link leads to its day's heading, out of sight below, then in the window.
        top = f"document.getElementById('d-{days[-1]}').getBoundingClientRect().top"
        assert page.evaluate(top) > 1000
        page.click(f'nav.days a[href="#d-{days[-1]}"]')
        assert 0 <= page.evaluate(top) < 1000
    # With a network chosen, only its days.
    page.goto(server + "drafts/2027-01.html?network=linkedin")
    linkedin = sorted({i["start"][:10] for i in upcoming if i["start"].startswith("2027-01") and i["network"] == "linkedin"})
    assert linkedin and [href for _, href in page.evaluate(links)] == [f"#d-{day}" for day in linkedin]
    page.close()


def test_on_a_phone_the_drafts_overview_leads_to_its_next_days_from_the_top(sample: Path, server: str,
                                                                            chromium: Any) -> None:
    """On a 390 px phone the overview's list of the next 7 days was 1,630 px down, two screens of freeze notice
    and of the months' figures (six lines a month) above it: a link on the first screen leads to them."""
    page = chromium.new_page(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page.goto(server + "drafts/index.html")
    jump = page.locator('a[href="#soon"]')
    box = jump.bounding_box()
    assert jump.inner_text() == "Les 7 prochains jours" and box["y"] + box["height"] <= 844
    assert box["height"] >= 44  # a finger's target
    screenshot(page, "planning-drafts-overview-phone")
    jump.click()
    days = page.locator("nav.days").bounding_box()
    assert days["y"] >= 0 and days["y"] + days["height"] <= 844
    assert page.locator("h2#soon").inner_text() == "Les 7 prochains jours"
    page.close()
    # A computer has it too, under the page's figures, its months' table as before.
    page = chromium.new_page(viewport={"width": 1280, "height": 800})
    page.goto(server + "drafts/index.html")
    assert page.locator('a[href="#soon"]').bounding_box()["y"] < page.locator("table.months").bounding_box()["y"]
    assert page.locator("table.months tbody tr").first.evaluate("e => getComputedStyle(e).display") == "table-row"
    screenshot(page, "planning-drafts-overview-computer")
    page.close()


def test_the_person_filter_finds_what_nobody_owns(built: Path, sample: Path, chromium: Any) -> None:
    """At 3,000 posts without owners, "Tout le monde" was the only way to see them: the person filter of the
    calendar and of the drafts review offers those nobody owns (where there are some), and counts them."""
    plan = load_plan(built)
    unowned = {i["id"] for i in plan["items"] if i["owner"] is None}
    owned = {i["id"] for i in plan["items"] if i["owner"] is not None}
    assert unowned and owned  # the fixture's posts have no owner, its idea has one (ana)
    with serve(built / "planning") as server:
        page = chromium.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(server + "index.html?view=agenda")
        shown = "() => Array.from(document.querySelectorAll('[data-item-id]')).filter(e => e.getClientRects().length)" \
            ".map(e => e.dataset.itemId)"
        page.select_option('select[data-filter="owner"]', label="Sans responsable")
        assert "owner=_none" in page.url
        ids = set(page.evaluate(shown))
        assert ids and ids <= unowned
        upcoming = sorted(i["start"] for i in plan["items"]
                          if i["kind"] == "post" and i["start"] >= "2027-02-15T10" and i["status"] != "withheld")
        month = upcoming[0][:7]
        page.goto(server + f"drafts/{month}.html?owner=_none")
        assert page.input_value('select[data-filter="owner"]') == "_none"
        drafts = sum(1 for start in upcoming if start.startswith(month))
        assert len(page.evaluate(shown)) == drafts and page.locator(".lead").inner_text().startswith(f"{drafts} ")
        page.select_option('select[data-filter="owner"]', "ana")  # the idea's owner: no draft of hers
        assert page.evaluate(shown) == [] and page.locator(".lead").inner_text().startswith("0 ")
        page.close()
    # The sample site's items all have an owner: no such choice.
    assert 'value="_none"' not in (sample / "planning" / "index.html").read_text(encoding="utf-8")


def test_the_review_overview_gives_the_months_and_the_next_seven_days(sample: Path) -> None:
    plan = load_plan(sample)
    upcoming = [i for i in plan["items"] if i["kind"] == "post" and i["status"] != "withheld" and i["start"] >= NOW]
    overview = (sample / "planning" / "drafts" / "index.html").read_text(encoding="utf-8")
    soon = {i["id"] for i in upcoming if i["start"][:10] < "2027-01-19"}
    assert soon and set(re.findall(r'<article class="card" id="item-([^"]+)"', overview)) == soon
    months = sorted({i["start"][:7] for i in upcoming})
    assert re.findall(r'<a data-keep-query href="(\d{4}-\d\d)\.html">', overview) == months
    assert re.search(f'<strong data-count="0">{len(upcoming)}</strong> <span[^>]*>brouillons</span>', overview)
    assert "Les 7 prochains jours" in overview and "janvier 2027</a>" in overview
    assert "Responsable\u00a0: " in overview and "Responsable : " not in overview  # French typography


def review_text(site: Path) -> str:
    """Every page of the drafts review, unescaped."""
    return "".join(html.unescape(path.read_text(encoding="utf-8"))
                   for path in sorted((site / "planning" / "drafts").glob("*.html")))


def test_the_review_page_gives_the_checks_findings_in_the_sites_language(sample: Path) -> None:
    """The team reads French: the findings of `edcal check` (English on the command line) are French here."""
    page = review_text(sample)
    result = run_edcal("check", "--format", "json", cwd=sample, env=ENV)
    english = [f for f in json.loads(result.stdout)["findings"] if f["rule"] == "too-many-per-day"]
    assert english and english[0]["message"].startswith("2 Instagram posts on 2027-01-20")
    assert ("[too-many-per-day] 2 publications Instagram le 20/01/2027 (coulisses-atelier-instagram-20270120, "
            "salon-j-7-instagram), plus que le maximum de 1") in page
    assert "répartissez-les sur plusieurs jours" in page
    assert "est prévue le jeu. 14/01 à 09:00, en dehors des créneaux prévus pour Instagram" in page
    assert "posts on" not in page and "spread them" not in page


def test_the_interface_speaks_english_on_an_english_site(sample: Path, tmp_path: Path) -> None:
    site = tmp_path / "english"
    shutil.copytree(sample, site, ignore=shutil.ignore_patterns("output", "planning"))
    (site / "content" / "articles" / "pourquoi-un-blog-en.md").unlink()  # the English original would clash
    settings = site / "pelicanconf.py"
    settings.write_text(settings.read_text(encoding="utf-8").replace('DEFAULT_LANG = "fr"', 'DEFAULT_LANG = "en"'),
                        encoding="utf-8")
    assert run_edcal("build", cwd=site, env=ENV).returncode == 0
    page = (site / "planning" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in page and "Publishing calendar" in page and "Backlog of ideas" in page
    assert "Calendrier de publication" not in page
    assert "Subscribe rather than download" in page and "frozen copy (.ics)" in page
    assert "open calendar.google.com, Other calendars, +, From URL" in page and ">Copy the address</button>" in page
    # A language edcal does not speak: the pages are in English, and say so to screen readers (they said "es").
    settings.write_text(settings.read_text(encoding="utf-8").replace('DEFAULT_LANG = "en"', 'DEFAULT_LANG = "es"'),
                        encoding="utf-8")
    assert run_edcal("build", cwd=site, env=ENV).returncode == 0
    page = (site / "planning" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in page and "Publishing calendar" in page
    assert "<h3>By person</h3>" in page
    assert "Publishing schedule already holds everything" in page and "every 8 to 24 hours" in page
    drafts = review_text(site)
    assert "2 Instagram posts on 2027-01-20" in drafts and "spread them over several days" in drafts
    data = json.loads(re.search(r'id="plan-data">(.*?)</script>', page, re.DOTALL).group(1))
    assert data["labels"]["months"][0] == "January" and data["labels"]["statuses"]["scheduled"] == "scheduled"
    assert dt.date.fromisoformat(data["today"]) == dt.date(2027, 1, 12)


def test_the_agenda_shows_every_dated_item_and_the_backlog_without_console_errors(
        sample: Path, server: str, chromium: Any) -> None:
    plan = load_plan(sample)
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server + "index.html")
    page.click('button[data-view="agenda"]')
    visible = set(page.eval_on_selector_all(
        "#view-agenda [data-item-id]", "els => els.filter(e => e.offsetParent !== null).map(e => e.dataset.itemId)"))
    # The 6 weeks from Monday 11 January 2027 on; the months' pages have the rest.
    assert visible == {i["id"] for i in plan["items"] if i["start"] and "2027-01-11" <= i["start"][:10] < "2027-02-22"}
    # Every month's agenda page is linked, whatever the view.
    page.click('button[data-view="month"]')
    months = page.eval_on_selector_all(".calendar nav.pager a", "els => els.map(e => e.getAttribute('href'))")
    assert months == [f"agenda/{p.name}" for p in sorted((sample / "planning" / "agenda").glob("*.html"))]
    assert page.locator('.calendar nav.pager a[href="agenda/2026-12.html"]').is_visible()
    backlog = page.locator(".backlog [data-item-id]")
    assert backlog.count() == 6 and backlog.first.is_visible()
    assert "Acier Corten" in page.inner_text(".backlog")
    # An idea for posts (calendar.d/idees-publications.yaml): its networks and its words so far.
    idea = page.locator('.backlog [data-item-id="idea-portrait-ines-apprentie-soudeuse"]').inner_text()
    assert "Publication sur LinkedIn, Instagram" in idea and "Inès a rejoint l'atelier en septembre" in idea
    for other in ("agenda/2026-12.html", "drafts/2027-02.html#item-salon-j-7-instagram"):
        page.goto(server + other)
        assert page.locator("h1").count() == 1 and page.locator("h2").count() > 0
    page.goto(server + "drafts/index.html")
    page.goto(server + "index.html?view=week&network=linkedin&owner=camille")
    assert errors == []
    page.close()


def test_agenda_days_are_whole_west_of_greenwich(tmp_path: Path) -> None:
    from edcal.outputs import calendar_page
    from helpers import MONTREAL, calendar_from, plan_of, write_planning_page

    calendar = calendar_from(MONTREAL + "ideas:\n  - {id: i, title: Idée, draft_due: 2027-01-12}\n"
                             "posts:\n  - {id: soir, networks: [x], at: 2027-01-11 20:00, text: Le soir}\n"
                             "  - {id: matin, networks: [x], at: 2027-01-12 08:00, text: Le matin}\n"
                             "  - {id: fin, networks: [x], at: 2027-01-31 21:00, text: Fin du mois}\n"
                             "  - {id: loin, networks: [x], at: 2027-06-01 08:00, text: En juin}\n")
    plan = plan_of(calendar, now="2027-01-10T12:00:00-05:00")
    write_planning_page(calendar_page, plan, tmp_path)

    def days(page: str) -> list[str]:
        return re.findall(r'<section class="day[^"]*" data-day="([\d-]+)"', (tmp_path / page).read_text(encoding="utf-8"))

    # The calendar page's agenda: the 6 weeks from Monday 4 January on, not June.
    assert days("index.html") == ["2027-01-11", "2027-01-12", "2027-01-31"]
    # 21:00 in Montreal on 31 January is 1 February in UTC: January's page still.
    assert days("agenda/2027-01.html") == ["2027-01-11", "2027-01-12", "2027-01-31"]
    assert days("agenda/2027-06.html") == ["2027-06-01"]
    assert sorted(p.name for p in (tmp_path / "agenda").glob("*.html")) == ["2027-01.html", "2027-06.html"]
    # The months an old bookmark's item is looked up in: the same.
    assert (tmp_path / "agenda" / "items.js").read_text(encoding="utf-8") == (
        'window.edcalItemMonths = {"2027-01":["soir-x","idea-i-draft-due","matin-x","fin-x"],"2027-06":["loin-x"]};\n')


def test_the_home_page_sets_the_plan_against_its_objectives(sample: Path, server: str, chromium: Any) -> None:
    """A manager saw objectives nowhere but in plan.json: each campaign and network against its targets."""
    plan = load_plan(sample)
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(server + "index.html")
    salon = page.locator('.objectives tr[data-campaign="salon-industrie-2027"]')
    text = " ".join(salon.inner_text().split())
    assert "Prendre des rendez-vous qualifiés sur le stand" in text and "40 rendez-vous d'ici le" in text
    assert "en cours" in text and "promotionnelle" in text
    posts = [i for i in plan["items"] if i["kind"] == "post" and i["campaign"] == "salon-industrie-2027"]
    published = sum(1 for p in posts if p["status"] == "published")
    assert salon.locator('td[data-count="posts"]').inner_text().split()[0] == str(len(posts))
    assert f"{published} {'publiée' if published <= 1 else 'publiées'}" in salon.locator('td[data-count="posts"]').inner_text()
    # This month's self-promotion per network, as the self-promotion rule counts it.
    linkedin = page.locator('.objectives tr[data-network="linkedin"]')
    january = [i for i in plan["items"] if i["kind"] == "post" and i["network"] == "linkedin"
               and i["status"] != "withheld" and i["start"].startswith("2027-01")]
    share = round(100 * sum(1 for i in january if i["promotional"]) / len(january))
    assert linkedin.locator("td[data-share]").get_attribute("data-share") == str(share)
    assert "2/semaine" in linkedin.inner_text()
    assert "Autopromotion en janvier 2027 (plafond 50 %)" in page.locator(".objectives").inner_text().replace("\u00a0", " ")
    # Next month's too, as planned so far (a manager plans ahead; the page showed the current month only).
    for network in ("linkedin", "instagram"):
        february = [i for i in plan["items"] if i["kind"] == "post" and i["network"] == network
                    and i["status"] != "withheld" and i["start"].startswith("2027-02")]
        cell = page.locator(f'.objectives tr[data-network="{network}"] td[data-next-share]')
        assert february and cell.get_attribute("data-next-share") == str(
            round(100 * sum(1 for i in february if i["promotional"]) / len(february)))
        assert f"sur {len(february)} publications" in cell.inner_text()
    assert "Autopromotion en février 2027, telle que prévue" in page.locator(".objectives").inner_text()
    # What is planned within the check's horizon, and the rhythm up to the objective's date (30 June),
    # as `edcal check --until` counts it: the page said "1 period" where 19 weeks fell short.
    horizon_end = (dt.datetime.fromisoformat(NOW) + dt.timedelta(days=42)).isoformat()
    coming = [i for i in plan["items"] if i["kind"] == "post" and i["network"] == "linkedin"
              and i["status"] != "withheld" and NOW <= i["start"] < horizon_end]
    assert linkedin.locator('[data-count="planned"]').inner_text().split()[0] == str(len(coming))
    check = run_edcal("check", "--until", "2027-06-30", "--only", "cadence-gap", "--format", "json", cwd=sample, env=ENV)
    weeks = [f for f in json.loads(check.stdout)["findings"]
             if f["data"]["network"] == "linkedin" and f["data"]["campaign"] is None]  # LinkedIn's own cadence
    assert len(weeks) > 10
    longer = linkedin.locator('[data-count="gaps-to-objective"]').inner_text()
    assert re.search(r"(\d+) semaines", longer).group(1) == str(len(weeks)), longer
    # The figure last measured, against the target (noted in calendar.yaml: edcal measures nothing).
    objective = next(n for n in plan["networks"] if n["id"] == "linkedin")["objective"]
    assert (objective["current"], objective["measured"]) == (1180, "2027-01-04")
    measured = " ".join(linkedin.locator('[data-count="measured"]').inner_text().split())
    # The share of the target is said to be one (it read "(79 %)", like a pace), figures grouped as French writes.
    assert measured == (f"Mesuré : 1 180 abonnés le lundi 4 janvier 2027 "
                        f"({round(100 * 1180 / objective['target'])} % de l'objectif)")
    # A month of too few posts to judge says so, rather than showing 75 % unmarked.
    bluesky = " ".join(page.locator('.objectives tr[data-network="bluesky"] td[data-share]').inner_text().split())
    assert "au-dessus du plafond, mais moins de 5 publications : non évalué" in bluesky.replace("\u00a0", " ")
    screenshot(page, "planning-objectives")
    page.close()


def test_the_home_page_says_who_has_what_and_where_a_campaign_falls_below_its_cadence(
        sample: Path, server: str, chromium: Any) -> None:
    """A manager had no workload per person, and no word of a campaign's rhythm."""
    plan = load_plan(sample)
    now = dt.datetime.fromisoformat(NOW)
    end = now + dt.timedelta(days=42)  # as the networks' "posts planned in the next 42 days" count
    expected: dict[str, list[int]] = {p["id"]: [0, 0, 0] for p in plan["people"]}
    for item in plan["items"]:
        if not item["owner"] or not item["start"] or item["status"] == "withheld":
            continue
        start = dt.datetime.fromisoformat(item["start"]) if "T" in item["start"] else None
        if (now <= start < end) if start else (now.date() <= dt.date.fromisoformat(item["start"]) < end.date()):
            # An idea due to go online (its `publish:` date) is an article on its owner's plate, to write first.
            expected[item["owner"]][{"post": 0, "article": 1, "idea": 1, "deadline": 2}[item["kind"]]] += 1
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(server + "index.html")
    rows = page.locator(".objectives tr[data-person]")
    shown = {rows.nth(n).get_attribute("data-person"): [int(rows.nth(n).locator(f'[data-count="{k}"]').inner_text())
                                                          for k in ("posts", "articles", "deadlines")]
             for n in range(rows.count())}
    assert shown == expected and sum(map(sum, shown.values())) > 20
    assert page.locator(".objectives caption").last.inner_text() == "Équipe\u00a0: qui a quoi dans les 42 prochains jours"
    # The recruitment campaign wants a LinkedIn post a week: three of its weeks have none (cadence-gap's).
    recruiting = page.locator('.objectives tr[data-campaign="recrutement-soudeur"]')
    assert html_text(recruiting.locator('[data-count="cadence"]').inner_html()) == \
        "rythme visé 1/semaine · LinkedIn"  # as shown: "1 par semaine" to a screen reader
    assert recruiting.locator('[data-count="campaign-gaps"]').inner_text() == \
        "⚠ 3 semaines sous le rythme visé dans les 42 prochains jours"
    check = run_edcal("check", "--format", "json", cwd=sample, env=ENV)
    campaign_gaps = [f for f in json.loads(check.stdout)["findings"]
                     if f["rule"] == "cadence-gap" and f["data"]["campaign"] == "recrutement-soudeur"]
    assert len(campaign_gaps) == 3
    assert not page.locator('.objectives tr[data-campaign="salon-industrie-2027"] [data-count="cadence"]').count()
    page.close()


def test_the_team_table_counts_the_ideas_due_to_go_online(tmp_path: Path) -> None:
    """Sophie's idea announced for 2 February, within the 42 days, was on nobody's plate: the team table
    counted written articles only. It is an article going online, still to write, and says so."""
    from edcal.outputs import calendar_page
    from helpers import PARIS_CALENDAR, calendar_from, plan_of, write_planning_page

    team = PARIS_CALENDAR.replace("  - {id: ana, name: Ana}\n", "  - {id: ana, name: Ana}\n  - {id: sophie, name: Sophie}\n")
    calendar = calendar_from(team + "ideas:\n"
                             "  - {title: Portes ouvertes, owner: sophie, publish: 2027-02-02}\n"
                             "  - {title: Portrait, owner: sophie, status: writing, publish: 2027-02-10}\n"
                             "  - {title: Plus tard, owner: sophie, publish: 2027-04-01}\n"  # beyond the 42 days
                             "  - {title: Un jour, owner: ana}\n")  # undated: the backlog, not the plate
    write_planning_page(calendar_page, plan_of(calendar, now="2027-01-12T10:00:00+01:00"), tmp_path)
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    rows = {person: " ".join(html.unescape(re.sub(r"<[^>]+>", " ", row)).split())
            for person, row in re.findall(r'<tr data-person="(\w+)"[^>]*>(.*?)</tr>', page, re.DOTALL)}
    assert rows == {"ana": "Ana 0 0 0", "sophie": "Sophie 0 2 dont 2 idées 0"}
    assert '<span data-count="articles">2</span>' in page


def test_the_team_table_says_whose_posts_go_out_while_they_are_away(tmp_path: Path) -> None:
    """The team table gave Camille 3 posts over the 42 days, two of them in her week off, and Julien, who
    stands in for her then, none: the load ignored the absences. Her row flags the posts of her days away
    (`owner-away`'s, with those nobody stands in for); Julien's says what he posts for her."""
    from edcal.outputs import calendar_page
    from helpers import PARIS_CALENDAR, calendar_from, plan_of, write_planning_page

    team = PARIS_CALENDAR.replace("  - {id: ana, name: Ana}\n", (
        "  - {id: camille, name: Camille, away: [{from: 2027-01-18, until: 2027-01-22, stand_in: julien},\n"
        "                                        {from: 2027-02-01, until: 2027-02-02}]}\n"
        "  - {id: julien, name: Julien}\n"
        "  - {id: ana, name: Ana, away: [{from: 2027-05-03, until: 2027-05-07}]}\n"))
    calendar = calendar_from(team + "posts:\n"
                             "  - {id: a, at: 2027-01-14 09:00, networks: [linkedin], text: A, owner: camille}\n"
                             "  - {id: b, at: 2027-01-19 09:00, networks: [linkedin], text: B, owner: camille}\n"
                             "  - {id: c, at: 2027-01-21 12:30, networks: [linkedin], text: C, owner: camille}\n"
                             "  - {id: d, at: 2027-02-02 09:00, networks: [linkedin], text: D, owner: camille}\n"
                             "  - {id: e, at: 2027-01-19 09:00, networks: [x], text: E, owner: julien}\n"
                             "  - {id: f, at: 2027-05-04 09:00, networks: [x], text: F, owner: ana}\n")  # beyond
    plan = plan_of(calendar, now="2027-01-12T10:00:00+01:00")
    write_planning_page(calendar_page, plan, tmp_path)
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    rows = {person: html_text(row)
            for person, row in re.findall(r'<tr data-person="(\w+)"[^>]*>(.*?)</tr>', page, re.DOTALL)}
    assert rows["camille"].startswith("Camille 4 ⚠ 3 publications en son absence, dont 1 sans remplaçant ")
    assert rows["julien"].startswith("Julien 1 + 2 publications en remplacement de Camille ")
    assert rows["ana"] == "Ana 0 0 0"
    # The same posts `edcal check` tells, in its owner-away warnings (and Ana's, beyond the table's 42 days).
    from edcal.checks import run_checks

    told = {f.item for f in run_checks(plan) if f.rule == "owner-away"}
    assert told == {"b-linkedin", "c-linkedin", "d-linkedin", "f-x"}
    # Where the site turns owner-away off, the flag goes; what Julien posts for her stays.
    quiet = calendar_from(team + "checks: {owner-away: off}\n" + "posts:\n"
                          "  - {id: b, at: 2027-01-19 09:00, networks: [linkedin], text: B, owner: camille}\n")
    write_planning_page(calendar_page, plan_of(quiet, now="2027-01-12T10:00:00+01:00"), tmp_path)
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "en son absence" not in page and "en remplacement de Camille" in page


def test_the_team_table_flags_the_articles_and_deadlines_of_days_someone_is_away(tmp_path: Path) -> None:
    """Camille's article going online and her review due in her week off, which `owner-away` tells, showed
    in the team table as plain counts: only posts were flagged. Articles (an idea's `publish:` date among
    them) and deadlines are flagged under their columns as posts are, with those nobody stands in for."""
    from edcal.checks import run_checks
    from edcal.outputs import calendar_page
    from helpers import PARIS_CALENDAR, article, calendar_from, plan_of, write_planning_page

    team = PARIS_CALENDAR.replace("  - {id: ana, name: Ana}\n", (
        "  - {id: camille, name: Camille, away: [{from: 2027-01-18, until: 2027-01-22, stand_in: julien},\n"
        "                                        {from: 2027-02-01, until: 2027-02-02}]}\n"
        "  - {id: julien, name: Julien}\n"))
    calendar = calendar_from(team + "ideas:\n  - {title: Portrait, owner: camille, publish: 2027-02-02, "
                             "draft_due: 2027-01-25}\n")
    articles = [article("mesures", "2027-01-19T09:00", calendar, owner="camille", status="draft",
                        review_due=dt.date(2027, 1, 15)),
                article("bilan", "2027-02-09T09:00", calendar, owner="camille", status="draft",
                        draft_due=dt.date(2027, 2, 1), review_due=dt.date(2027, 2, 2))]
    plan = plan_of(calendar, articles, now="2027-01-12T10:00:00+01:00")
    write_planning_page(calendar_page, plan, tmp_path)
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    rows = {person: html_text(row)
            for person, row in re.findall(r'<tr data-person="(\w+)"[^>]*>(.*?)</tr>', page, re.DOTALL)}
    # Articles: 'mesures' (19 January, Julien stands in), the idea (2 February, nobody), 'bilan' (there).
    # Deadlines: mesures's review (15 January), the idea's draft (25 January): there; bilan's two: away.
    assert rows["camille"] == ("Camille 0 3 ⚠ 2 articles en son absence, dont 1 sans remplaçant dont 1 idée "
                               "4 ⚠ 2 échéances en son absence, sans remplaçant"), rows["camille"]
    told = {f.item for f in run_checks(plan) if f.rule == "owner-away"}
    assert told == {"article-mesures", "idea-portrait", "article-bilan-draft-due", "article-bilan-review-due"}
    # One of each: said in the singular.
    calendar = calendar_from(team)
    plan = plan_of(calendar, [article("mesures", "2027-01-19T09:00", calendar, owner="camille", status="draft",
                                      review_due=dt.date(2027, 1, 20))], now="2027-01-12T10:00:00+01:00")
    write_planning_page(calendar_page, plan, tmp_path)
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    camille = re.search(r'<tr data-person="camille"[^>]*>(.*?)</tr>', page, re.DOTALL)
    assert camille is not None
    assert " ".join(html.unescape(re.sub(r"<[^>]+>", " ", camille.group(1))).replace("\u00a0", " ").split()) == (
        "Camille 0 1 ⚠ 1 article en son absence 1 ⚠ 1 échéance en son absence")
    # Nobody standing in for any: said once, not "1 article …, dont 1 sans remplaçant".
    calendar = calendar_from(team.replace("stand_in: julien", "reason: Congés"))
    plan = plan_of(calendar, [article("mesures", "2027-01-19T09:00", calendar, owner="camille", status="draft",
                                      review_due=dt.date(2027, 1, 20))], now="2027-01-12T10:00:00+01:00")
    write_planning_page(calendar_page, plan, tmp_path)
    page = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", (tmp_path / "index.html").read_text(encoding="utf-8"))
                                  ).replace("\u00a0", " ").split())
    assert "Camille 0 1 ⚠ 1 article en son absence, sans remplaçant 1 ⚠ 1 échéance en son absence, " \
           "sans remplaçant " in page


def test_an_objective_shows_what_the_checks_say_of_it(tmp_path: Path) -> None:
    """A missed or stale objective was told by `edcal check` only, never where a manager reads objectives."""
    site = tmp_path / "sample"
    copy_sample(site)
    # Five weeks after LinkedIn's and Instagram's followers were counted (4 January): the figures are stale.
    env = {"EDCAL_NOW": "2027-02-15T10:00:00+01:00", "SOURCE_DATE_EPOCH": EPOCH}
    assert run_edcal("build", cwd=site, env=env).returncode == 0
    page = (site / "planning" / "index.html").read_text(encoding="utf-8")
    check = run_edcal("check", "--only", "objective-stale", "--format", "json", cwd=site,
                      env={**env, "EDCAL_LANG": "fr"})
    findings = json.loads(check.stdout)["findings"]
    assert sorted(f["data"]["network"] for f in findings) == ["instagram", "linkedin"]
    for finding in findings:  # each beside its own network's objective, and nowhere else
        network = finding["data"]["network"]
        row = page.split(f'<tr data-network="{network}"', 1)[1].split("</tr>", 1)[0]
        alert = re.search(r'<span class="gap" data-alert="objective-stale">([^<]+)</span>', row)
        assert alert and html.unescape(alert.group(1)) == "⚠ " + finding["message"]
        assert html.unescape(page).count(finding["message"]) == 1
    # What is left, and the pace it takes (a manager worked it out by hand): LinkedIn's 1,180 of 1,500 followers by
    # 30 June, 135 days ahead; none for an objective without a date (Instagram's) or past (the fair's).
    rows = re.findall(r'<tr data-(?:network|campaign)="([\w-]+)"[^>]*>(.*?)</tr>', page, re.DOTALL)
    paces = [(owner, found.group(1).replace("\u00a0", " ")) for owner, row in rows
             if (found := re.search(r'data-count="pace">([^<]+)<', row))]
    assert paces == [("linkedin", "reste 320 abonnés en 135 jours : 17 par semaine")]
    # The report, where a manager compares the plan with its objectives, says it too, beside the objective's
    # figure (in the month it was measured): it showed the figure alone.
    report = (site / "planning" / "report.html").read_text(encoding="utf-8")
    for finding in findings:
        rows = [row for row in re.findall(rf'<tr data-network="{finding["data"]["network"]}"[^>]*>(.*?)</tr>', report,
                                          re.DOTALL) if "data-alert" in row]
        assert len(rows) == 1 and "⚠ " + finding["message"] in html.unescape(rows[0])
    assert html.unescape(report).replace("\u00a0", " ").count(
        "⚠ la campagne « Salon Industrie Rhône-Alpes 2027 » : la date de l'objectif") == 1


def test_an_objective_never_measured_says_so_beside_it(sample: Path) -> None:
    """The fair's 40 appointments had no figure eight days into the campaign, and neither the page nor the
    check said so: a manager read a target with no progress and no warning."""
    page = (sample / "planning" / "index.html").read_text(encoding="utf-8")
    row = page.split('<tr data-campaign="salon-industrie-2027"', 1)[1].split("</tr>", 1)[0]
    alert = re.search(r'<span class="gap" data-alert="objective-unmeasured">([^<]+)</span>', row)
    assert alert and html.unescape(alert.group(1)).replace("\u00a0", " ") == (
        "⚠ la campagne « Salon Industrie Rhône-Alpes 2027 » : aucun chiffre relevé à ce jour pour l'objectif de "
        "40 rendez-vous au 29/01/2027")
    # The recruitment campaign begins on 18 January: nothing to count yet; Instagram's figure is noted.
    for other in ('<tr data-campaign="recrutement-soudeur"', '<tr data-network="instagram"'):
        assert 'data-alert="objective-unmeasured"' not in page.split(other, 1)[1].split("</tr>", 1)[0]
    check = run_edcal("check", "--only", "objective-unmeasured", "--format", "json", cwd=sample, env=ENV)
    assert [f["data"].get("campaign") for f in json.loads(check.stdout)["findings"]] == ["salon-industrie-2027"]


def test_figures_read_as_a_reader_writes_them() -> None:
    """`current: 1e3` showed "1000.0", 12.5 kept its point on the French page, and 1180 had no group."""
    from edcal.i18n import number

    assert (number(1e3, "fr"), number(12.5, "fr"), number(12.5, "en"), number(1180, "fr"), number(1180, "en"),
            number(40, "fr"), number(1234.5, "fr-FR")) == ("1\u00a0000", "12,5", "12.5", "1\u00a0180", "1,180", "40",
                                                          "1\u00a0234,5")


def test_a_french_planning_page_writes_its_figures_as_french_does(tmp_path: Path) -> None:
    """The French home page read "plafond 12 %" for a ceiling of 12.5 %, and its objectives' alerts
    "1.5 sur 2.5 %" and "1180 sur 1500 abonnés": figures in English amid French words."""
    from edcal.checks import run_checks
    from edcal.outputs import calendar_page
    from edcal.outputs.context import OutputContext
    from helpers import DEFAULT_THEME, PARIS_CALENDAR, calendar_from, plan_of

    calendar = calendar_from(PARIS_CALENDAR.replace(
        "  linkedin: {slots: [tue 09:00, thu 12:30]}\n",
        "  linkedin: {slots: [tue 09:00, thu 12:30], objective: {text: Taux d'engagement, target: 2.5, unit: '%', "
        "by: 2027-06-30, current: 1.5, measured: 2027-01-04}}\n"
        "  bluesky: {objective: {text: Abonnés, target: 1500, unit: abonnés, current: 1180, measured: 2027-01-04}}\n")
        + "checks: {self-promotion: {ceiling: 12.5%}}\n")
    plan = plan_of(calendar, now="2027-02-15T10:00:00+01:00")
    findings = tuple(run_checks(plan, only=["objective-stale"]))
    assert len(findings) == 2  # both figures are six weeks old
    calendar_page.write(OutputContext(plan=plan, findings=findings,
                                      template_folders={"planning": (DEFAULT_THEME / "planning",)}), tmp_path)
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    text = html_text(page)
    assert "Autopromotion en février 2027 (plafond 12,5 %)" in text
    assert "2,5 % d'ici le mercredi 30 juin 2027 Mesuré : 1,5 % le lundi 4 janvier 2027 (60 % de l'objectif)" in text
    assert "⚠ LinkedIn : le dernier chiffre de l'objectif, 1,5 sur 2,5 % au 30/06/2027, a été relevé le 04/01/2027" \
        in text
    assert "⚠ Bluesky : le dernier chiffre de l'objectif, 1 180 sur 1 500 abonnés, a été relevé le 04/01/2027" in text
    assert "1\u00a0180 sur 1\u00a0500\u00a0abonnés" in html.unescape(page)  # never broken across lines
    # plan.json's figures stay as Python writes them.
    data = json.loads(re.search(r'id="plan-data">(.*?)</script>', page, re.DOTALL).group(1))
    assert "12,5" not in json.dumps(data) and "1\u00a0180" not in json.dumps(data, ensure_ascii=False)


def test_the_rhythm_to_an_objective_is_judged_up_to_the_plans_horizon_only() -> None:
    """An objective for the end of 2028 counted 53 "empty" weeks after the plan's year: open-ended
    repetitions stop at the horizon, and nothing beyond it is planned yet."""
    from edcal.outputs.calendar_page import objectives
    from helpers import PARIS_CALENDAR, calendar_from, plan_of

    calendar = calendar_from(PARIS_CALENDAR.replace(
        "  mastodon: {}\n", "  mastodon: {cadence: 1/week, objective: {text: Abonnés, target: 900, by: 2028-12-31}}\n")
        + "posts:\n  - {id: hebdo, networks: [mastodon], text: Astuce, repeat: {every: week, on: mon, at: '09:00', "
        "from: 2027-01-04}}\n")
    plan = plan_of(calendar, now="2027-01-04T08:00:00+01:00")
    row = next(r for r in objectives(plan, dt.date(2027, 1, 4), [])["networks"] if r.network.id == "mastodon")
    assert row.gaps_until == dt.date(2027, 1, 4) + calendar.horizon == dt.date(2028, 1, 4)
    assert row.gaps_to_objective == 0


def test_the_cadence_and_the_objective_are_named_apart(tmp_path: Path) -> None:
    """Under LinkedIn's follower objective the page said "19 périodes sous l'objectif": periods below the
    cadence, not below the objective. The cadence is the "rythme", the objective the figure to reach."""
    from edcal.outputs import calendar_page
    from helpers import PARIS_CALENDAR, calendar_from, plan_of, write_planning_page

    calendar = calendar_from(PARIS_CALENDAR.replace(
        "  linkedin: {slots: [tue 09:00, thu 12:30]}\n",
        "  linkedin: {slots: [tue 09:00, thu 12:30], cadence: 2 fois par semaine, objective: {text: Abonnés, "
        "target: 1500, unit: abonnés, by: 2027-06-30}}\n") + "blog: {cadence: 1 fois par mois}\n")
    write_planning_page(calendar_page, plan_of(calendar, now="2027-01-04T08:00:00+01:00"), tmp_path)
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    text = html_text(page)
    assert "Sous le rythme visé" in text  # the legend of the calendar's ⚠
    # The periods are named by their length: weeks for LinkedIn's 2 a week, months for the blog's 1 a month
    # ("19 périodes" left a manager to guess which).
    assert re.search(r"LinkedIn 2/semaine janvier 2027 \(4 semaines\) [^⚠]+⚠ [^⚠]+ février 2027 \(4 semaines\) "
                     r"[^⚠]+⚠ [^⚠]+ ⚠ \d+ semaines sous le rythme visé dans les 42 prochains jours", text), text
    assert re.search(r"1 500 abonnés d'ici le [^⚠]+⚠ Sur la durée, jusqu'à l'objectif : \d+ semaines sous le rythme "
                     r"visé d'ici le", text)  # Objectif
    assert re.search(r"Blog 1/mois janvier 2027 [^⚠]+⚠ il en manque 1 février 2027 [^⚠]+⚠ il en manque 1 "
                     r"⚠ 2 mois sous le rythme visé dans les 42 prochains jours", text)
    assert "période" not in text and "sous l'objectif" not in text
    gaps = json.loads(re.search(r'id="plan-data">(.*?)</script>', page, re.DOTALL).group(1))["gaps"]
    assert "LinkedIn : 0, rythme visé 2/semaine" in {g["message"].replace("\u00a0", " ") for g in gaps}


def test_the_near_count_and_the_longer_view_read_as_one_statement(tmp_path: Path) -> None:
    """LinkedIn's line said "⚠ 1 semaine sous le rythme visé dans les 42 prochains jours" and, beside it, "⚠ 18
    semaines sous le rythme visé d'ici le 30 juin": a manager did not know which counted. The near count comes
    first; the count to the objective's date is labelled the longer view and says that it holds the near ones."""
    from edcal.outputs import calendar_page
    from helpers import PARIS_CALENDAR, calendar_from, plan_of, write_planning_page

    calendar = calendar_from(PARIS_CALENDAR.replace(
        "  linkedin: {slots: [tue 09:00, thu 12:30]}\n",
        "  linkedin: {slots: [tue 09:00, thu 12:30], cadence: 2/week, objective: {text: Abonnés, "
        "target: 1500, unit: abonnés, by: 2027-06-30}}\n"))
    plan = plan_of(calendar, now="2027-01-04T08:00:00+01:00")
    write_planning_page(calendar_page, plan, tmp_path)
    text = page_text(tmp_path / "index.html")
    near = re.search(r"⚠ (\d+) semaines sous le rythme visé dans les 42 prochains jours", text)
    assert near, text
    longer = re.search(r"⚠ Sur la durée, jusqu'à l'objectif : (\d+) semaines sous le rythme visé d'ici le mercredi "
                       r"30 juin 2027, dont (\d+) dans les 42 prochains jours", text)
    assert longer and longer.group(2) == near.group(1) and int(longer.group(1)) > int(near.group(1)), text
    assert text.index(near.group(0)) < text.index(longer.group(0))
    write_planning_page(calendar_page, dataclasses.replace(plan, lang="en"), tmp_path)
    text = page_text(tmp_path / "index.html")
    assert re.search(r"⚠ Longer view, to the objective: \d+ weeks below the cadence until Wednesday 30 June 2027, "
                     r"\d+ of them in the next 42 days", text), text


def test_a_campaign_objective_without_by_shows_the_day_the_checks_hold_it_to(tmp_path: Path) -> None:
    """A manager read "15 candidatures" with no date, while `edcal check` held the objective to the
    campaign's last day (objective-missed, objective-stale): the page now gives that day, and says why."""
    from edcal.checks import run_checks
    from edcal.outputs import calendar_page
    from helpers import PARIS_CALENDAR, calendar_from, plan_of, write_planning_page

    calendar = calendar_from(PARIS_CALENDAR + "campaigns:\n"
                             "  - {id: recrutement, name: Recrutement, from: 2027-01-18, until: 2027-02-28, objective: "
                             "{text: Candidatures, target: 15, unit: candidatures, current: 4, measured: 2027-03-01}}\n"
                             "  - {id: salon, name: Salon, from: 2027-01-04, until: 2027-01-29, objective: "
                             "{text: Rendez-vous, target: 40, unit: rendez-vous, by: 2027-02-05}}\n")
    plan = plan_of(calendar, now="2027-01-12T10:00:00+01:00")
    write_planning_page(calendar_page, plan, tmp_path)
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    text = html_text(page)
    assert "Candidatures 15 candidatures d'ici le dimanche 28 février 2027 (dernier jour de la campagne)" in text
    assert "40 rendez-vous d'ici le vendredi 5 février 2027" in text  # its own `by`, nothing added
    assert text.count("dernier jour de la campagne") == 1
    # The day objective-missed holds it to, from the day after.
    [missed] = run_checks(plan_of(calendar, now="2027-03-01T10:00:00+01:00"), only=["objective-missed"])
    assert str(missed.message) == "campaign 'Recrutement': objective missed, 4 of 15 candidatures by 2027-02-28"


def test_the_self_promotion_columns_name_their_months(tmp_path: Path) -> None:
    """"Autopromotion ce mois-ci" beside "Autopromotion en février 2027": read on another day than the
    build's (the page says so), "this month" was the reader's month, not the one counted. Both are named,
    on a phone's labels too."""
    from edcal.outputs import calendar_page
    from helpers import PARIS_CALENDAR, calendar_from, plan_of, write_planning_page

    calendar = calendar_from(PARIS_CALENDAR.replace("  linkedin: {slots: [tue 09:00, thu 12:30]}\n",
                                                    "  linkedin: {slots: [tue 09:00, thu 12:30], cadence: 1/week}\n"))
    write_planning_page(calendar_page, plan_of(calendar, now="2026-12-31T23:30:00+01:00"), tmp_path)
    page = html.unescape((tmp_path / "index.html").read_text(encoding="utf-8")).replace("\u00a0", " ")
    head = re.search(r"<caption>Réseaux</caption>.*?</thead>", page, re.DOTALL).group(0)
    assert re.findall(r'<th scope="col"[^>]*>(Autopromotion[^<]*)</th>', head) == [
        "Autopromotion en décembre 2026 (plafond 20 %)", "Autopromotion en janvier 2027, telle que prévue"]
    row = re.search(r'<tr data-network="linkedin"[^>]*>.*?</tr>', page, re.DOTALL).group(0)
    assert re.findall(r'data-label="(Autopromotion[^"]*)"', row) == [
        "Autopromotion en décembre 2026", "Autopromotion en janvier 2027, telle que prévue"]
    assert "ce mois-ci" not in page and "Mois prochain" not in page


def test_a_campaigns_posts_outside_its_dates_are_counted_apart(tmp_path: Path) -> None:
    """A manager read "3 posts" for a campaign of three days, one of them posted a week after it ended."""
    from edcal.outputs import calendar_page
    from helpers import PARIS_CALENDAR, calendar_from, plan_of, write_planning_page

    calendar = calendar_from(PARIS_CALENDAR + "campaigns:\n  - {id: salon, name: Salon, from: 2027-01-10, until: 2027-01-20}\n"
                             "posts:\n  - {id: pendant, at: 2027-01-12 09:00, networks: [x], text: J-3, campaign: salon}\n"
                             "  - {id: minuit, at: 2027-01-10 00:30, networks: [x], text: Début, campaign: salon}\n"
                             "  - {id: apres, at: 2027-01-27 09:00, networks: [x, mastodon], text: Merci, campaign: salon}\n")
    plan = plan_of(calendar, now="2027-01-11T10:00:00+01:00")
    write_planning_page(calendar_page, plan, tmp_path)
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    row = re.search(r'<tr data-campaign="salon".*?</tr>', page, re.DOTALL)
    assert row is not None
    cell = " ".join(re.sub(r"<[^>]+>", " ", re.search(r'data-count="posts"[^>]*>(.*?)</td>', row.group(0),
                                                       re.DOTALL).group(1)).split())
    # 00:30 in Paris on its first day is in it (9 January in UTC); the two posts a week after it ended are not.
    assert cell == "4 1 publiée, 3 programmées, 2 hors de ses dates 3 sur X, 1 sur Mastodon"


def _campaign_posts_cell(page: str, campaign: str) -> dict[str, str]:
    """The posts cell of a campaign's row: its total, and each line by its data-count."""
    row = re.search(rf'<tr data-campaign="{campaign}".*?</tr>', page, re.DOTALL).group(0)
    cell = re.search(r'data-count="posts"[^>]*>(.*?)</td>', row, re.DOTALL).group(1)
    lines = {name: " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).replace("\u00a0", " ").split())
             for name, text in re.findall(r'<span class="due" data-count="([\w-]+)">(.*?)</span>(?=<br>|$)', cell)}
    return {"total": cell.split("<", 1)[0], **lines}


def test_a_campaigns_posts_are_split_by_status_and_network(tmp_path: Path) -> None:
    """A manager read "12" for a campaign and could not tell that 10 were on LinkedIn and 2 on X, nor how
    many were still drafts: the row now says both, in words, in the page's language."""
    import dataclasses

    from edcal.outputs import calendar_page
    from helpers import PARIS_CALENDAR, calendar_from, plan_of, write_planning_page

    calendar = calendar_from(PARIS_CALENDAR + "campaigns:\n  - {id: salon, name: Salon, from: 2027-01-04, until: 2027-01-31}\n"
                             "posts:\n  - {id: annonce, at: 2027-01-05 09:00, networks: [linkedin, x], text: Un, campaign: salon}\n"
                             "  - {id: j-7, at: 2027-01-19 09:00, networks: [linkedin], text: Deux, campaign: salon, "
                             "status: draft}\n"
                             "  - id: rappel\n    repeat: {every: week, on: thu, at: '12:30', from: 2027-01-14, count: 3}\n"
                             "    networks: [linkedin]\n    text: Trois\n    campaign: salon\n")
    plan = plan_of(calendar, now="2027-01-12T10:00:00+01:00")
    write_planning_page(calendar_page, plan, tmp_path)
    french = _campaign_posts_cell((tmp_path / "index.html").read_text(encoding="utf-8"), "salon")
    assert french == {"total": "6", "by-status": "2 publiées, 3 programmées, 1 en brouillon",
                      "by-network": "5 sur LinkedIn, 1 sur X"}
    write_planning_page(calendar_page, dataclasses.replace(plan, lang="en"), tmp_path / "en")
    english = _campaign_posts_cell((tmp_path / "en" / "index.html").read_text(encoding="utf-8"), "salon")
    assert english == {"total": "6", "by-status": "2 posts published, 3 posts scheduled, 1 draft",
                       "by-network": "5 on LinkedIn, 1 on X"}


def test_on_a_phone_a_campaigns_split_stays_on_the_screen(sample: Path, server: str, chromium: Any) -> None:
    """The split of a campaign's posts wraps within its cell on a 390 px phone, each line whole."""
    page = chromium.new_page(viewport={"width": 390, "height": 844})
    page.goto(server + "index.html")
    cell = page.locator('.objectives tr[data-campaign="salon-industrie-2027"] td[data-count="posts"]')
    cell.scroll_into_view_if_needed()
    for line in ("by-status", "by-network"):
        box = cell.locator(f'[data-count="{line}"]').bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390, line
    # As plan.json counts them: the most first, each network by its name.
    plan = load_plan(sample)
    names = {n["id"]: n["name"] for n in plan["networks"]}
    counted: dict[str, int] = {}
    for item in plan["items"]:
        if item["kind"] == "post" and item["campaign"] == "salon-industrie-2027":
            counted[item["network"]] = counted.get(item["network"], 0) + 1
    expected = ", ".join(f"{count} sur {names[n]}" for n, count in sorted(counted.items(), key=lambda c: (-c[1], c[0])))
    assert " ".join(cell.locator('[data-count="by-network"]').inner_text().split()) == expected
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "planning-objectives-phone")
    page.close()


def test_the_week_heading_writes_the_first_of_the_month_and_both_years(sample: Path, server: str,
                                                                         chromium: Any) -> None:
    """"Semaine du 1 février" (French writes "1er", as the week's column did), and a week across the new
    year named one year: "Semaine du 28 décembre – 3 janvier 2027"; and "du 1er février – 7 février" is
    "du 1er au 7 février"."""
    page = chromium.new_page()
    page.goto(server + "index.html?view=week&date=2027-02-01")
    assert page.inner_text("#period") == "Semaine du 1er au 7 février 2027"  # French names the month once
    page.goto(server + "index.html?view=week&date=2026-12-28")
    assert page.inner_text("#period") == "Semaine du 28 décembre 2026 au 3 janvier 2027"
    page.close()


def test_the_planning_pages_open_a_posts_link_without_its_tracking(sample: Path) -> None:
    """The team's own clicks from the agenda and the review pages were counted as visits from LinkedIn."""
    pages = [*(sample / "planning" / "agenda").glob("*.html"), *(sample / "planning" / "drafts").glob("*.html")]
    text = "".join(page.read_text(encoding="utf-8") for page in pages)
    assert "utm_source=linkedin" in text  # the text to post keeps its tracked link
    assert not re.findall(r'href="[^"]*utm_source', text)
    assert 'href="https://www.atelier-morel.example/2027/salon-industrie-2027/"' in text
    # Only what edcal adds goes: a hash route, a `;` part and a query with nothing to take are left whole.
    from edcal.model.calendar import untracked
    names = frozenset({"utm_source", "utm_medium"})
    assert untracked("https://a.fr/x/?q=1&utm_source=x&utm_medium=social#top", names) == "https://a.fr/x/?q=1#top"
    for kept in ("https://a.fr/#/offre?utm_source=x&id=3", "https://a.fr/l?utm_source=n;page=2", "https://a.fr/?q=a&&b=1"):
        assert untracked(kept, names) == kept


def test_a_key_dates_day_with_nothing_planned_shows_on_the_agenda(sample: Path) -> None:
    """The fair's last day (29 January) has no post: the month's agenda shows it, as `edcal agenda` does."""
    html = (sample / "planning" / "agenda" / "2027-01.html").read_text(encoding="utf-8")
    day = html[html.index('data-day="2027-01-29"'):]
    day = " ".join(re.sub(r"<[^>]+>", " ", day[:day.index("</section>")]).split())
    assert day.endswith("vendredi 29 janvier 2027 — ◆ Salon Industrie Rhône-Alpes, Lyon Rien de prévu.")


def test_the_page_says_when_it_was_built_and_warns_when_read_another_day(sample: Path, server: str,
                                                                       chromium: Any) -> None:
    """Its statuses and "today" are those of the build: read days later, "planifié" may be past."""
    page = chromium.new_page()
    page.clock.set_fixed_time("2027-01-12T15:00:00+01:00")  # the build's day (08:00, Paris)
    page.goto(server + "index.html")
    assert "État du plan au mardi 12 janvier 2027, 08:00." in " ".join(page.inner_text(".lead").split())
    assert page.locator("#stale").is_hidden()
    page.clock.set_fixed_time("2027-01-14T09:00:00+01:00")
    page.reload()
    assert page.locator("#stale").is_visible()
    # Which moment's plan it shows, and that a build at today's date updates it: it said the page "was built on
    # another day" and that "the next build" updates it, untrue of `make build`'s sample, built today at a
    # pinned moment (EDCAL_NOW) whose next build is pinned the same.
    assert page.inner_text("#stale") == (
        "Cette page montre le plan du mardi 12 janvier 2027, 08:00\u00a0: les statuts (publié, planifié) et la date "
        "du jour sont ceux de ce moment-là. Une construction à la date d'aujourd'hui les met à jour.")
    for other in ("agenda/2027-01.html", "drafts/index.html"):  # their "today" is the build's too
        page.goto(server + other)
        assert page.locator("#stale").is_visible(), other
    page.close()


def test_the_planning_pages_space_french_titles_as_the_blog_does(sample: Path) -> None:
    """"Salon Industrie : J-7" broke before its colon on a phone: titles get the no-break space the blog and
    the drafts give them. plan.json keeps the title as written."""
    plan = load_plan(sample)
    post = next(i for i in plan["items"] if i["id"].startswith("salon-j-7-linkedin"))
    assert post["title"] == "Salon Industrie : J-7"
    agenda = (sample / "planning" / "agenda" / f"{post['start'][:7]}.html").read_text(encoding="utf-8")
    assert re.search(rf'id="item-{post["id"]}".*?<span class="title">Salon Industrie\u00a0: J-7</span>', agenda, re.S)
    page = (sample / "planning" / "index.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'id="plan-data">(.*?)</script>', page, re.DOTALL).group(1))
    assert next(i["title"] for i in data["items"] if i["id"] == post["id"]) == "Salon Industrie\u00a0: J-7"
    # The backlog's ideas too.
    assert "<strong>Acier Corten\u00a0: mode ou vraie solution\u00a0?</strong>" in page


def test_a_filter_keeps_the_key_dates_days(sample: Path, server: str, chromium: Any) -> None:
    """A network with nothing during the fair: its days went with the filter, the fair's name with them."""
    page = chromium.new_page()
    page.goto(server + "agenda/2027-01.html?network=intranet")
    shown = page.eval_on_selector_all("[data-day]", "els => els.filter(e => !e.hidden).map(e => e.dataset.day)")
    assert {"2027-01-26", "2027-01-27", "2027-01-28", "2027-01-29"} <= set(shown), shown
    assert page.locator('[data-day="2027-01-27"] .key-date').is_visible()
    page.close()


#: Roles that make landmarks, as screen readers list them (axe's landmark-unique).
LANDMARKS = {"banner", "navigation", "main", "complementary", "contentinfo", "region", "form", "search"}


def landmarks(page: Any) -> list[tuple[str, str]]:
    """Each landmark's role and accessible name, as Chromium computes them."""
    nodes = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]
    return [(node["role"]["value"], node.get("name", {}).get("value", "")) for node in nodes
            if not node.get("ignored") and node.get("role", {}).get("value") in LANDMARKS]


def test_each_landmark_of_a_planning_page_has_a_name_of_its_own(sample: Path, server: str, chromium: Any) -> None:
    """The ambassadors' page had three regions named "LinkedIn" (one per article): a screen reader's list
    of landmarks could not tell them apart (axe: landmark-unique). The report's months and campaigns were each
    a region holding a region of the same name, the table's scroller: each was listed twice."""
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    for path in ("index.html", "agenda/2027-01.html", "drafts/index.html", "drafts/2027-01.html", "share/index.html",
                 "report.html"):
        page.goto(server + path)
        found = landmarks(page)
        repeated = sorted({landmark for landmark in found if found.count(landmark) > 1})
        assert not repeated, (path, repeated)
    # Each card of words is named by its network and its article.
    page.goto(server + "share/index.html")
    regions = [name for role, name in landmarks(page) if role == "region"]
    shares = page.eval_on_selector_all(".share h2", "els => els.map(e => e.textContent.trim())")
    assert len(shares) > 1 and sum(1 for name in regions if name.startswith("LinkedIn ")) == len(shares)
    assert {name.split(" ", 1)[1] for name in regions if name.startswith("LinkedIn ")} == set(shares)
    page.close()


def test_without_javascript_no_control_is_shown_that_would_do_nothing(sample: Path, server: str,
                                                                      chromium: Any) -> None:
    """With scripts off, the views, period, filter and copy buttons were shown and did nothing: they
    appear with the script that runs them, and the agenda and the months' pages hold the content."""
    pages = ("index.html", "agenda/2027-01.html", "drafts/index.html", "drafts/2027-01.html", "share/index.html")
    controls = "button, select, [role=group]"
    shown = "sel => Array.from(document.querySelectorAll(sel)).filter(e => e.getClientRects().length).length"
    context = chromium.new_context(java_script_enabled=False, viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    for path in pages:
        page.goto(server + path)
        assert page.evaluate(shown, controls) == 0, path
    # The calendar page shows the coming weeks' agenda and links every month's page, which shows its items.
    page.goto(server + "index.html")
    assert page.locator("#view-agenda [data-item-id]").first.is_visible()
    assert page.locator("#view-month").is_hidden() and page.locator("#period").inner_text() == "Agenda"
    page.click('.calendar nav.pager a[href="agenda/2027-04.html"]')
    assert page.locator("h1").inner_text() == "Agenda — avril 2027"
    assert page.locator("[data-item-id]").first.is_visible()
    # The text of a draft is still there to select and copy by hand.
    page.goto(server + "drafts/2027-01.html")
    assert page.locator("article.card textarea").first.is_visible()
    context.close()
    # With the script, every one of them is there.
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    for path in pages:
        page.goto(server + path)
        assert page.locator("form.filters select").first.is_visible(), path
    page.goto(server + "index.html")
    assert page.locator(".views").is_visible() and page.locator(".toolbar .nav").is_visible()
    page.goto(server + "drafts/2027-01.html")
    assert page.locator("article.card button.copy").first.is_visible()
    page.goto(server + "share/index.html")
    assert page.locator(".share button.copy").first.is_visible()
    page.close()


def test_back_after_opening_a_tile_returns_to_the_view_it_was_opened_from(sample: Path, server: str,
                                                                          chromium: Any) -> None:
    """A tile of the week view opened its item in the agenda; Back changed the address to the week's but
    left the agenda on screen. The view, its period and the filters follow the address both ways."""
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(server + "index.html?view=week&network=linkedin")
    week = page.inner_text("#period")
    assert week.startswith("Semaine du 11")
    tile = page.locator("#view-week [data-item-id]:not([hidden]) a").first
    item_id = tile.evaluate("a => a.closest('[data-item-id]').dataset.itemId")
    tile.click()
    assert page.locator(f"#view-agenda #item-{item_id}").is_visible() and page.locator("#view-week").is_hidden()
    page.go_back()
    page.locator("#view-week").wait_for(timeout=5000)  # it stayed hidden, the agenda on screen
    assert page.url.endswith("index.html?view=week&network=linkedin")
    assert page.locator("#view-agenda").is_hidden()
    assert page.inner_text("#period") == week
    assert page.get_attribute('button[data-view="week"]', "aria-pressed") == "true"
    assert page.get_attribute('button[data-view="agenda"]', "aria-pressed") == "false"
    assert page.locator(".toolbar .nav").is_visible()
    assert page.input_value('select[data-filter="network"]') == "linkedin"
    # Forward opens the item again.
    page.go_forward()
    page.locator("#view-agenda").wait_for(timeout=5000)
    assert page.locator(f"#view-agenda #item-{item_id}").is_visible() and page.locator("#view-week").is_hidden()
    assert page.locator(f"#item-{item_id} details").get_attribute("open") is not None
    # From another month of the month view, Back shows that month, not today's.
    page.goto(server + "index.html?date=2027-02")
    page.locator('#view-month td[data-date="2027-02-02"] [data-item-id] a').first.click()
    assert page.locator("#view-agenda").is_visible()
    page.go_back()
    page.locator("#view-month").wait_for(timeout=5000)
    assert page.inner_text("#period") == "février 2027"
    assert page.get_attribute('button[data-view="month"]', "aria-pressed") == "true"
    page.close()


def test_a_filter_says_how_many_items_it_shows(sample: Path, server: str, chromium: Any) -> None:
    """A screen reader heard nothing when a filter changed what the page shows: a polite status says how many
    items are left, in the site's language."""
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    # What the filters leave: a busy day's tiles folded behind its button count too (one click away).
    shown = ("sel => Array.from(document.querySelectorAll(sel)).filter(e => e.getClientRects().length"
             " || (e.classList.contains('folded') && !e.hidden)).length")
    for path, items in (("index.html", ".calendar [data-item-id]"), ("agenda/2027-01.html", "[data-item-id]"),
                        ("drafts/2027-01.html", "article.card"), ("share/index.html", "section.card")):
        page.goto(server + path)
        status = page.locator("form.filters [role=status]")
        assert status.get_attribute("aria-live") == "polite" and status.inner_text() == ""  # nothing said on load
        page.select_option('select[data-filter="network"]', "linkedin")
        count = page.evaluate(shown, items)
        assert 1 < count < page.locator(items).count(), path
        assert status.text_content() == f"{count} éléments affichés", path
        page.select_option('select[data-filter="network"]', "")
        assert status.text_content() == f"{page.evaluate(shown, items)} éléments affichés", path
    # French counts 0 as one; "Clear filters" says its count too.
    page.goto(server + "agenda/2027-01.html?network=linkedin")
    page.select_option('select[data-filter="status"]', "idea")
    assert page.locator("form.filters [role=status]").text_content() == "0 élément affiché"
    page.click("#reset-filters")
    count = page.evaluate(shown, "[data-item-id]")
    assert page.locator("form.filters [role=status]").text_content() == f"{count} éléments affichés"
    page.close()


def test_the_drafts_review_prints_each_card_whole_with_its_whole_text(sample: Path, server: str,
                                                                      chromium: Any) -> None:
    """Printed, cards were cut across pages and the text to post was cut at the box's four lines."""
    page = chromium.new_page(viewport={"width": 1200, "height": 900})
    page.goto(server + "drafts/2027-01.html")
    cards = page.locator("article.card")
    texts = page.eval_on_selector_all("article.card textarea[id^=text-]", "els => els.map(e => e.value)")
    comments = page.eval_on_selector_all("article.card textarea[id^=comment-]", "els => els.map(e => e.value)")
    assert comments  # the sample's LinkedIn links and Instagram hashtags go in first comments
    assert max(text.count("\n") for text in texts) >= 4  # more lines than the box shows
    assert page.locator(".print-text").first.is_hidden()  # on screen, the box alone
    page.emulate_media(media="print")
    assert page.eval_on_selector_all("article.card", "els => els.map(e => getComputedStyle(e).breakInside)") == \
        ["avoid"] * cards.count()
    assert page.locator("article.card textarea").first.is_hidden()
    printed = page.locator("article.card .print-text")
    assert printed.count() == cards.count()
    # The whole text, its lines kept, nothing scrolled out of sight.
    assert printed.evaluate_all("els => els.map(e => e.innerText)") == texts
    # And each first comment whole, in place of its box.
    assert page.locator("article.card .print-comment").evaluate_all("els => els.map(e => e.innerText)") == comments
    assert page.locator("article.card textarea[id^=comment-]").first.is_hidden()
    assert printed.evaluate_all("els => els.every(e => e.getClientRects().length && e.scrollHeight <= e.clientHeight + 1 "
                                "&& getComputedStyle(e).overflow === 'visible')")
    # No button to press on paper.
    assert page.evaluate("Array.from(document.querySelectorAll('button, select'))"
                         ".filter(e => e.getClientRects().length).length") == 0
    from browser import ARTIFACTS
    ARTIFACTS.mkdir(exist_ok=True)
    page.pdf(path=str(ARTIFACTS / "planning-drafts-print.pdf"))  # for people to look at
    page.close()


PROMOTED = """\
version: 1
timezone: Europe/Paris
networks:
  linkedin: {}
  mastodon: {}
blog:
  promote: {networks: [linkedin, mastodon], schedule: [at publication, +1 week]}
posts:
  - {id: lien, networks: [linkedin], at: 2027-01-15 12:00, text: Nos portes coulissantes,
     link: "https://blog.example.fr/2027/portes/"}
"""


@pytest.fixture(scope="module")
def promoted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site built on Tuesday 12 January 2027: Thursday's article has nothing but `## À compléter`, promoted on
    two networks and linked to by a post; Wednesday's is written, promoted the same way."""
    site = tmp_path_factory.mktemp("promoted") / "site"
    articles = site / "content" / "articles"
    articles.mkdir(parents=True)
    (site / "content" / "pages").mkdir()
    (site / "calendar.yaml").write_text(PROMOTED, encoding="utf-8")
    (articles / "portes.md").write_text("---\ntitle: Nos portes coulissantes\ndate: 2027-01-14 09:00\n---\n"
                                        "## À compléter\n", encoding="utf-8")
    (articles / "verriere.md").write_text("---\ntitle: Une verrière d'atelier\ndate: 2027-01-13 09:00\n---\n"
                                          "Lumière, budget, délais : ce que nous demandons à chaque client.\n",
                                          encoding="utf-8")
    write_pelicanconf(site)
    result = run_edcal("build", cwd=site, env=ENV)  # a warning until the article is online: the build goes on
    assert result.returncode == 0, result.stderr
    return site


EMPTY_ARTICLE = ("Article « Nos portes coulissantes » : avertissement [empty-article] l'article 'portes' n'a pas "
                 "de texte, seulement son en-tête et des titres : sa page serait en ligne vide, et ses publications "
                 "y renverraient content/articles/portes.md:2")


def card_texts(page: Any, ids: list[str], selector: str) -> dict[str, list[str]]:
    """What each card shows in ``selector``, as a reader sees it (French spacing made plain)."""
    return {item_id: [text.replace("\u00a0", " ") for text in
                      page.locator(f'article.card[data-item-id="{item_id}"] {selector}').all_inner_texts()]
            for item_id in ids}


def test_an_empty_articles_promotions_show_what_the_check_says_of_it(promoted: Path, chromium: Any) -> None:
    """An empty article's promotions looked ready to go out: the finding was only counted on the overview."""
    check = json.loads(run_edcal("check", "--format", "json", cwd=promoted, env=ENV).stdout)["findings"]
    assert [(f["rule"], f["severity"], f["item"]) for f in check if f["rule"] == "empty-article"] == \
        [("empty-article", "warning", None)]
    about = ["portes-linkedin-0", "portes-mastodon-0", "lien-linkedin", "portes-linkedin-1w", "portes-mastodon-1w"]
    page = chromium.new_page(viewport={"width": 1200, "height": 900})
    page.goto((promoted / "planning" / "drafts" / "2027-01.html").as_uri())
    # Each card about the article, promotion or link, says it once, apart from what is said of the post itself.
    assert card_texts(page, about, ".findings.about-article li") == {item_id: [EMPTY_ARTICLE] for item_id in about}
    assert all("empty-article" not in text for texts in card_texts(page, about, ".findings:not(.about-article)").values()
               for text in texts)
    assert page.locator('article.card[data-item-id="lien-linkedin"] .about-article li').is_visible()
    page.locator('article.card[data-item-id="portes-linkedin-0"]').scroll_into_view_if_needed()
    screenshot(page, "planning-drafts-empty-article")
    # Counted once however many cards show it, as the network filter leaves them.
    page.goto((promoted / "planning" / "drafts" / "index.html").as_uri())
    january = page.locator('tr[data-counts]:has(a[href^="2027-01.html"])')
    assert january.locator('td[data-count="4"]').inner_text() == "1"
    assert january.locator('td[data-count="4"]').get_attribute("data-label") == "Avertissements dans leurs articles"
    page.select_option('select[data-filter="network"]', "mastodon")
    assert january.locator('td[data-count="0"]').inner_text() == "4"
    assert january.locator('td[data-count="4"]').inner_text() == "1"
    page.close()
    # The page's figures still add up to what `edcal check` found: the article's warning is no "finding on no draft".
    months = html.unescape((promoted / "planning" / "drafts" / "2027-01.html").read_text(encoding="utf-8"))
    overview = html.unescape((promoted / "planning" / "drafts" / "index.html").read_text(encoding="utf-8"))
    own = len(re.findall(r'<li class="sev-(?:error|warning)">', months))
    sentence = re.search(r'data-count="periods">(\d+) ', overview)
    assert own + 1 + (int(sentence.group(1)) if sentence else 0) == len(check)


def test_a_sound_articles_promotions_show_no_article_finding(promoted: Path, chromium: Any) -> None:
    page = chromium.new_page(viewport={"width": 1200, "height": 900})
    page.goto((promoted / "planning" / "drafts" / "2027-01.html").as_uri())
    sound = ["verriere-linkedin-0", "verriere-mastodon-0", "verriere-linkedin-1w", "verriere-mastodon-1w"]
    assert page.locator(", ".join(f'article.card[data-item-id="{i}"]' for i in sound)).count() == len(sound)
    assert card_texts(page, sound, ".findings.about-article li") == {item_id: [] for item_id in sound}
    # On the same page, the empty article's cards do show their article's finding.
    assert page.locator('article.card[data-item-id^="portes-"] .about-article li').count() == 4
    assert all("Article «" not in page.locator(f'article.card[data-item-id="{i}"]').inner_text() for i in sound)


#: A phone: its width, touch for a pointer (no hover), and French, as a community manager's.
PHONES = {"iphone": {"width": 390, "height": 844}, "android": {"width": 360, "height": 780},
          "fold": {"width": 280, "height": 653}}


def phone(chromium: Any, server: str, name: str = "iphone") -> Any:
    context = chromium.new_context(viewport=PHONES[name], is_mobile=True, has_touch=True, locale="fr-FR")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.rstrip("/"))
    return context


#: What makes a page wider than the screen, beyond what is meant to be out of sight (clipped, in a scroller).
WIDER_JS = """width => Array.from(document.querySelectorAll("body *")).filter(e => {
  if (!e.getClientRects().length || e.getBoundingClientRect().right <= width + 0.5) { return false; }
  for (let a = e; a; a = a.parentElement) {
    const style = getComputedStyle(a);
    if (style.clipPath !== "none" || (a !== e && style.overflowX !== "visible")) { return false; }
  }
  return true;
}).map(e => e.tagName.toLowerCase() + "." + e.className)"""


def test_on_a_phone_no_page_is_wider_than_the_screen(sample: Path, server: str, chromium: Any) -> None:
    """A Galaxy Fold's 280 px, or a phone's text set larger, pushed the drafts' cards and the campaign filter
    past the screen's edge: the text moved sideways under the thumb."""
    pages = ["index.html", "drafts/index.html", "drafts/2027-01.html", "agenda/2027-01.html", "share/index.html",
             "report.html"]
    for name, screen in PHONES.items():
        context = phone(chromium, server, name)
        page = context.new_page()
        for path in pages:
            page.goto(server + path)
            assert page.evaluate(WIDER_JS, screen["width"]) == [], (name, path)
            assert page.evaluate("document.documentElement.scrollWidth") <= screen["width"], (name, path)
        context.close()
    # Android's larger text (Settings > Display > Font size) reaches the page's text, as 20 px does here.
    context = phone(chromium, server)
    page = context.new_page()
    for path in pages:
        page.goto(server + path)
        page.add_style_tag(content="body { font-size: 20px !important; }")
        assert page.evaluate(WIDER_JS, 390) == [], path
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
    context.close()


def test_on_a_phone_the_copy_button_takes_a_finger_and_copies_the_exact_post(sample: Path, server: str,
                                                                            chromium: Any) -> None:
    """The copy button was 33 px high, the months' arrows 26 px wide; tapping a filter or the text's box
    zoomed iOS's page in (text under 16 px)."""
    context = phone(chromium, server)
    page = context.new_page()
    page.goto(server + "drafts/2027-01.html?network=linkedin")
    card = page.locator("#item-salon-industrie-2027-linkedin-2d")
    comment_button = card.locator(".comment-actions button.copy")  # its first comment's: a finger's size too
    comment_button.scroll_into_view_if_needed()
    assert comment_button.bounding_box()["height"] >= 44
    button = card.locator(".actions button.copy")
    button.scroll_into_view_if_needed()
    box = button.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    for link in card.locator(".actions a").all():
        assert link.bounding_box()["height"] >= 44, link.inner_text()
    button.tap()
    card.locator('[role="status"]', has_text="Copié").wait_for(timeout=5000)
    copied = page.evaluate("navigator.clipboard.readText()")
    post = next(i for i in load_plan(sample)["items"] if i["id"] == "salon-industrie-2027-linkedin-2d")
    # The whole LinkedIn post: its blank lines and its hashtags, as the network takes it; its tracked link is
    # in its first comment (the sample's LinkedIn has `in_first_comment: link`), which its own button copies.
    assert copied == post["text"]
    assert "\n\n" in copied and "#SIRA2027" in copied and post["url"] not in copied
    comment_button.tap()
    card.locator(".comment-actions [role=status]", has_text="Copié").wait_for(timeout=5000)
    comment = page.evaluate("navigator.clipboard.readText()")
    assert comment == post["first_comment"]["text"] and post["url"] in comment and "utm_source=linkedin" in comment
    sizes = "sel => Array.from(document.querySelectorAll(sel)).filter(e => e.getClientRects().length)" \
            ".map(e => parseFloat(getComputedStyle(e).fontSize))"
    assert min(page.evaluate(sizes, "select, textarea")) >= 16
    page.goto(server + "index.html")
    for control in ("#prev", "#next", "#today", ".views button >> nth=0", "select >> nth=0", "#reset-filters"):
        box = page.locator(control).bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44, control
    assert min(page.evaluate(sizes, "select")) >= 16
    # Each feed's links, to subscribe from the phone: a finger's height each.
    heights = page.eval_on_selector_all(".feeds li a", "els => els.map(e => e.getBoundingClientRect().height)")
    assert heights and min(heights) >= 44
    context.close()
    # A mouse keeps the desktop's compact controls.
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(server + "drafts/2027-01.html")
    assert page.locator("button.copy").first.bounding_box()["height"] < 40
    page.close()


def test_on_a_phone_an_instagram_card_names_its_account_and_copies_the_link_for_the_bio(sample: Path, server: str,
                                                                                       chromium: Any) -> None:
    """The draft said "Lien en bio" and the card gave no link to put there, nor the account to post from."""
    context = phone(chromium, server)
    page = context.new_page()
    page.goto(server + "drafts/2027-01.html?network=instagram")
    card = page.locator("#item-salon-industrie-2027-instagram-0")
    assert card.locator(".card-title").inner_text().split() == ["Instagram", "@atelier.morel", "09:00"]
    post = next(i for i in load_plan(sample)["items"] if i["id"] == "salon-industrie-2027-instagram-0")
    assert "Lien en bio" in post["text"] and post["url"] not in post["text"]
    bio = card.locator(".bio-link")
    # The sample's profile link is its link-in-bio page, which lists the post once out, with its tracked link.
    assert bio.inner_text().startswith("Le lien du profil est la page de liens en bio, "
                                       "https://www.atelier-morel.example/liens/, qui liste cette publication dès "
                                       "qu'elle est partie, avec son lien suivi\u00a0: " + post["url"]), bio.inner_text()
    button = bio.locator("button.copy")
    button.scroll_into_view_if_needed()
    box = button.bounding_box()
    assert box["height"] >= 44 and box["x"] + box["width"] <= 390
    button.tap()
    bio.locator('[role="status"]', has_text="Copié").wait_for(timeout=5000)
    # The link tracked for Instagram, not the text: the text's own button still copies the post.
    assert page.evaluate("navigator.clipboard.readText()") == post["url"]
    assert "utm_source=instagram" in post["url"]
    context.close()


def test_a_card_gives_its_image_to_download_and_its_alt_text_to_copy(sample: Path, server: str,
                                                                     chromium: Any) -> None:
    """Posting by hand takes the image's file and its alt text, for the network's own field: the card showed
    the image and its alt text, neither to take (the alt text, typed again, is where typos creep in)."""
    context = chromium.new_context(viewport={"width": 1200, "height": 900}, accept_downloads=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.rstrip("/"))
    page = context.new_page()
    page.goto(server + "drafts/2027-01.html?network=instagram")
    card = page.locator("#item-salon-industrie-2027-instagram-0")
    medium = next(i for i in load_plan(sample)["items"] if i["id"] == "salon-industrie-2027-instagram-0")["media"][0]
    button = card.locator("figcaption button.copy")
    assert button.inner_text() == "Copier le texte alternatif"
    assert button.get_attribute("aria-label").startswith("Copier le texte alternatif (Instagram, ")
    button.click()
    card.locator('figcaption [role="status"]', has_text="Copié").wait_for(timeout=5000)
    copied = page.evaluate("navigator.clipboard.readText()")
    # The alt text as written, with French typography's no-break spaces as the post's text has them.
    assert copied.replace("\u00a0", " ").replace("\u202f", " ") == medium["alt"].replace("\u00a0", " ")
    with page.expect_download() as download:
        card.locator("figcaption a.download", has_text="Télécharger l'image").click()
    saved = download.value.path()
    assert download.value.suggested_filename == Path(medium["path"]).name
    assert Path(saved).read_bytes() == (sample / "planning" / "media" / medium["path"]).read_bytes()
    context.close()


def test_a_copy_the_phone_refuses_leaves_the_text_selected_and_says_what_to_do(sample: Path, server: str,
                                                                               chromium: Any) -> None:
    """Served over plain http (an intranet address), the page has no clipboard API; when the old way
    failed too, a phone was told to "press Ctrl+C"."""
    context = phone(chromium, server)
    context.add_init_script("Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined});"
                            "document.execCommand = () => false;")
    page = context.new_page()
    page.goto(server + "drafts/2027-01.html")
    card = page.locator("#item-salon-j-7-linkedin")
    card.locator(".actions button.copy").tap()
    status = card.locator('.actions [role="status"]')
    assert status.inner_text() == "Non copié\u00a0: copiez le texte sélectionné"
    assert card.locator(".actions button.copy").inner_text() == "Non copié\u00a0: copiez le texte sélectionné"
    # The whole text is selected in its box: the phone's own Copy takes it.
    box = card.locator("#text-salon-j-7-linkedin")
    assert box.evaluate("e => [document.activeElement === e, e.selectionStart, e.selectionEnd, e.value.length]") == \
        [True, 0, len(box.input_value()), len(box.input_value())]
    context.close()


def test_a_card_opened_on_a_phone_says_its_day(sample: Path, server: str, chromium: Any) -> None:
    """A card reached from the calendar filled the phone's screen and said "LinkedIn 09:00": which day
    was above, out of sight. The day's heading now stays on top while its cards scroll under it."""
    context = phone(chromium, server)
    page = context.new_page()
    page.goto(server + "drafts/2027-01.html#item-salon-j-7-linkedin")
    card = page.locator("#item-salon-j-7-linkedin")
    heading = page.locator('section[data-day="2027-01-19"] > h2')
    page.wait_for_function("document.activeElement.id === 'item-salon-j-7-linkedin'")
    day = heading.bounding_box()
    title = card.locator(".card-title").bounding_box()
    assert heading.inner_text() == "mardi 19 janvier 2027"
    assert day["y"] >= 0 and day["y"] + day["height"] <= title["y"] <= 844 - title["height"]
    # What is painted at the card's title is the title, not the heading over it.
    assert page.evaluate("([x, y]) => document.elementFromPoint(x, y).closest('.card-title') !== null",
                         [title["x"] + 5, title["y"] + title["height"] / 2])
    screenshot(page, "planning-phone-card")
    # Scrolled down through the day's cards, the day stays on screen.
    page.mouse.wheel(0, 600)
    page.wait_for_function("document.querySelector('section[data-day=\"2027-01-19\"] > h2')"
                           ".getBoundingClientRect().top === 0")
    # Same on the agenda, an item opened from a link.
    page.goto(server + "agenda/2027-01.html#item-salon-j-7-linkedin")
    page.mouse.wheel(0, 300)
    page.wait_for_timeout(100)
    top = page.locator('section[data-day="2027-01-19"] > h2').bounding_box()
    assert -1 <= top["y"] <= 1
    context.close()


def test_the_length_says_how_the_network_counts_it_without_a_mouse(sample: Path, server: str,
                                                                   chromium: Any) -> None:
    """"Longueur : 278 / 300" said how Bluesky counts (graphemes) in a tooltip only: a phone has no hover."""
    context = phone(chromium, server)
    page = context.new_page()
    page.goto(server + "drafts/2027-01.html")
    length = page.locator("#item-salon-j-7-bluesky .length")
    assert length.inner_text() == "Longueur\u00a0: 216 / 300 — graphèmes (caractères perçus)"
    # Mastodon counts each URL as 23: a reader counting a tracked link in full found another figure.
    assert page.locator("#item-salon-industrie-2027-mastodon-0 .length").inner_text().endswith(
        "— graphèmes (caractères perçus\u00a0; chaque URL compte 23)")
    assert page.locator("#item-salon-j-7-linkedin .length").inner_text().endswith(
        "— caractères Unicode (points de code)")
    assert page.locator(".card .length[title]").count() == 0
    page.goto(server + "share/index.html")
    assert page.locator(".card .length").first.inner_text().startswith("Longueur du texte proposé\u00a0: ")
    assert " — " in page.locator(".card .length").first.inner_text()
    context.close()


def test_a_phone_opens_the_calendar_on_this_week(sample: Path, server: str, chromium: Any) -> None:
    """On a phone the month is a list of 31 days: today, the 12th, was a long way down."""
    context = phone(chromium, server)
    page = context.new_page()
    page.goto(server + "index.html")
    assert page.locator("#period").inner_text() == "Semaine du 11 au 17 janvier 2027"
    assert page.locator('.views button[data-view="week"]').get_attribute("aria-pressed") == "true"
    assert page.locator("#view-week .day.today h3").inner_text() == "mardi 12 janvier"
    screenshot(page, "planning-phone-week")
    # A tile is tapped anywhere (here at its corner, by its time), not only on its title's letters.
    tile = page.locator('#view-week .item[data-item-id="salon-industrie-2027-linkedin-2d"]')
    assert tile.bounding_box()["height"] >= 44
    tile.tap(position={"x": 3, "y": 3})
    page.wait_for_url("**#item-salon-industrie-2027-linkedin-2d")
    assert page.locator("#item-salon-industrie-2027-linkedin-2d details").get_attribute("open") is not None
    # The month, asked for, is kept in the address; a month's date opens that month.
    page.goto(server + "index.html")
    page.locator('.views button[data-view="month"]').tap()
    assert page.url.endswith("index.html?view=month")
    page.reload()
    assert page.locator("#period").inner_text() == "janvier 2027"
    page.goto(server + "index.html?date=2027-04")
    assert page.locator("#period").inner_text() == "avril 2027"
    # The week asked for from a month's date stays the week on reload: the address alone said "month".
    page.locator('.views button[data-view="week"]').tap()
    assert page.url.endswith("index.html?date=2027-04&view=week")
    page.reload()
    assert page.locator("#period").inner_text() == "Semaine du 29 mars au 4 avril 2027"
    # The week, the phone's own view, needs no ?view= where the date is a day's.
    page.locator("#next").tap()
    page.locator('.views button[data-view="month"]').tap()
    page.locator('.views button[data-view="week"]').tap()
    assert "view=" not in page.url
    context.close()
    # A computer's screen keeps the month.
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(server + "index.html")
    assert page.locator("#period").inner_text() == "janvier 2027"
    page.close()


def test_on_a_phone_the_filters_fold_under_one_control_that_counts_them(sample: Path, server: str,
                                                                        chromium: Any) -> None:
    """On a 390 px phone the four filters, "Effacer les filtres" and the view buttons took the first 700 px:
    the calendar began below the first screen. The filters fold under "Filtres", which says how many are set."""
    context = phone(chromium, server)
    page = context.new_page()
    page.clock.set_fixed_time("2027-01-12T15:00:00+01:00")  # the build's day: no notice that the page is old
    page.goto(server + "index.html")
    fold = page.locator(".filters-fold > summary")
    network = page.locator('select[data-filter="network"]')
    assert fold.inner_text() == "Filtres" and network.is_hidden()
    assert page.locator(".views").is_visible() and page.locator(".toolbar .nav").is_visible()
    top = "sel => document.querySelector(sel).getBoundingClientRect().top + window.scrollY"
    assert page.evaluate(top, ".calendar") <= 450  # its view buttons; 525 px down with the filters open
    assert page.evaluate(top, "#view-week .day") <= 600  # the week's first day; 735 px down
    screenshot(page, "planning-phone-filters-folded")
    # Opened from the keyboard, it shows the four filters; a filter set is counted and kept in the address.
    fold.focus()
    page.keyboard.press("Enter")
    assert all(page.locator(f'select[data-filter="{name}"]').is_visible()
               for name in ("network", "owner", "campaign", "status"))
    page.select_option('select[data-filter="owner"]', "camille")
    assert fold.inner_text() == "Filtres (1)" and "owner=camille" in page.url
    page.goto(server + "index.html?network=linkedin&owner=camille")
    assert fold.inner_text() == "Filtres (2)" and network.is_hidden()
    page.locator("#view-week .day").first.wait_for()
    fold.tap()
    page.click("#reset-filters")
    assert fold.inner_text() == "Filtres"
    context.close()
    # A computer's screen shows the filters open, as they were, with no control to fold them.
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(server + "index.html?network=linkedin")
    assert page.locator('select[data-filter="network"]').is_visible()
    assert page.locator(".filters-fold").get_attribute("open") is not None
    assert page.locator(".filters-fold > summary").is_hidden()
    page.close()


@pytest.mark.parametrize("path", ["drafts/index.html", "drafts/2027-01.html", "share/index.html"])
def test_on_a_phone_the_drafts_and_share_filters_fold_as_the_calendars_do(sample: Path, server: str,
                                                                          chromium: Any, path: str) -> None:
    """The drafts review's and the ambassadors' network filter stood open on a phone, a label over a select
    as wide as the screen, while the calendar's folded under "Filtres": an employee opening the share page
    from a chat's link (?network=linkedin) saw LinkedIn's words only and nothing said that a filter was set."""
    context = phone(chromium, server)
    page = context.new_page()
    page.goto(server + path)
    fold = page.locator(".filters-fold > summary")
    network = page.locator('select[data-filter="network"]')
    assert fold.inner_text() == "Filtres" and fold.bounding_box()["height"] >= 44 and network.is_hidden()
    page.goto(server + path + "?network=linkedin")
    assert fold.inner_text() == "Filtres (1)" and network.is_hidden()
    assert page.locator('[data-network="linkedin"]').first.is_visible()
    fold.tap()
    assert network.input_value() == "linkedin"
    page.select_option('select[data-filter="network"]', "")
    assert fold.inner_text() == "Filtres" and "network=" not in page.url
    context.close()
    # A computer's screen shows the filter open, as it was, with no handle to fold it.
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(server + path + "?network=linkedin")
    assert page.locator('select[data-filter="network"]').is_visible()
    assert page.locator(".filters-fold > summary").is_hidden()
    page.close()


def test_on_a_phone_the_week_starts_in_the_first_half_of_the_screen(sample: Path, server: str,
                                                                    chromium: Any) -> None:
    """With the filters folded, the week's first day was still 588 px down a 844 px screen (968 px with text
    set larger): three rows of the pages' links, the legend over the week. The links are one row that
    scrolls sideways, the legend follows the week. At 280 px with larger text, the period's heading and a
    campaign's name pushed the week 6 px past the screen's edge."""
    context = phone(chromium, server)
    page = context.new_page()
    page.clock.set_fixed_time("2027-01-12T15:00:00+01:00")
    top = "sel => document.querySelector(sel).getBoundingClientRect().top + window.scrollY"
    page.goto(server + "index.html")
    assert page.evaluate(top, "#view-week .day") <= 450
    assert page.evaluate(top, "#view-week .day.today .item") <= 560  # today's first post, not its heading only
    # The legend is still there, after the week.
    assert page.evaluate(top, ".calendar > .legend") > page.evaluate(top, "#view-week .day:last-child")
    # Every page's link is one swipe away, a finger's height, and the row scrolls to the last one.
    links = page.locator(".top nav a")
    assert links.count() == 6 and len({round(box["y"]) for box in (a.bounding_box() for a in links.all())}) == 1
    last = links.last
    last.scroll_into_view_if_needed()
    box = last.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390 and box["height"] >= 44
    page.add_style_tag(content="body { font-size: 20px !important; }")
    page.evaluate("window.scrollTo(0, 0)")
    assert page.evaluate(top, "#view-week .day") <= 700
    context.close()
    context = phone(chromium, server, "fold")
    page = context.new_page()
    page.goto(server + "index.html")
    page.add_style_tag(content="body { font-size: 20px !important; }")
    assert page.evaluate("document.documentElement.scrollWidth") <= 280
    assert page.evaluate(WIDER_JS, 280) == []
    context.close()
    # A computer's screen keeps the links in one row and the legend over the month.
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(server + "index.html")
    assert page.evaluate(top, ".calendar > .legend") < page.evaluate(top, "#view-month table")
    assert page.evaluate("getComputedStyle(document.querySelector('.top nav')).overflowX") == "visible"
    page.close()


#: The campaigns' bands whose whole name does not show (cut by an ellipsis, or wider than their box).
CUT_BANDS_JS = """sel => Array.from(document.querySelectorAll(sel)).filter(b => b.getClientRects().length
  && b.scrollWidth > b.clientWidth + 0.5).map(b => b.parentElement.getAttribute("data-date"))"""


def test_a_tile_says_its_owner_and_campaign_and_a_band_its_campaigns_whole_name(sample: Path, server: str,
                                                                              chromium: Any) -> None:
    """On a phone a tile's owner and campaign were in its tooltip only, which nothing shows without a mouse,
    and "Salon Industrie Rhô…" was cut on the bands of a 280 px phone and of every day of a computer's month."""
    context = phone(chromium, server)
    page = context.new_page()
    page.goto(server + "index.html")
    tile = page.locator('#view-week .item[data-item-id="salon-industrie-2027-linkedin-2d"]')
    assert tile.inner_text().endswith("planifié · Camille Roux · Salon Industrie Rhône-Alpes 2027")
    assert tile.locator(".who").first.is_visible()
    other = page.locator('#view-week .item[data-item-id="astuce-du-jeudi-linkedin-20270114"]')
    assert other.inner_text().endswith("planifié · Malik Haddad")  # no campaign, nothing said of one
    context.close()
    context = phone(chromium, server, "fold")
    page = context.new_page()
    page.goto(server + "index.html")
    page.add_style_tag(content="body { font-size: 20px !important; }")
    assert page.locator("#view-week .band").count() == 7
    assert page.evaluate(CUT_BANDS_JS, "#view-week .band") == []
    context.close()
    # A computer's month names the campaign whole where its band starts and on each Monday; the other days
    # continue the band on one line. Its tiles stay as short as they were: owner and campaign in the tooltip.
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(server + "index.html")
    cut = page.evaluate(CUT_BANDS_JS, "#view-month .band")
    named = ["2027-01-04", "2027-01-11", "2027-01-18", "2027-01-25"]
    assert cut and not set(named) & set(cut)
    assert page.locator('#view-month td[data-date="2027-01-11"] .band').inner_text() == \
        "Salon Industrie Rhône-Alpes 2027"
    shown = page.locator("#view-month .item .who").first.bounding_box()  # read to a screen reader, not shown
    assert shown is None or shown["height"] <= 1
    assert "Camille Roux · Salon Industrie Rhône-Alpes 2027" in page.locator(
        '#view-month .item[data-item-id="salon-industrie-2027-linkedin-2d"]').get_attribute("title")
    page.close()


def tap_the_way_down(page: Any, link: str, text: str, heading: str) -> None:
    """Tap a link of the toolbar to what lies under the calendar, on a phone's first screen with a finger's
    height, and see its heading at the top."""
    way = page.locator(f".toolbar a.{link}:visible")
    box = way.bounding_box()
    assert way.inner_text() == text and box["y"] + box["height"] <= 844 and box["height"] >= 44
    way.tap()
    page.wait_for_function(f"Math.abs(document.getElementById('{heading}').getBoundingClientRect().top) < 80")


def test_a_community_manager_subscribes_her_phone_to_her_own_feed(sample: Path, server: str,
                                                                   chromium: Any) -> None:
    """The feeds were listed at the foot of the page, 2,600 px down a phone, each as "webcal · https": on a
    phone a tap on https downloads a frozen copy, Google Calendar wants that address pasted into "From URL",
    and nothing gave it to copy or said which app takes which link."""
    context = phone(chromium, server)
    page = context.new_page()
    page.clock.set_fixed_time("2027-01-12T15:00:00+01:00")
    page.goto(server + "index.html")
    # The way to the subscriptions is on the first screen, and leads there.
    tap_the_way_down(page, "to-feeds", "S'abonner", "feeds-title")
    # What to do, app by app.
    help_text = page.locator(".feeds .help").inner_text()
    assert "iPhone, iPad, Mac\u00a0: touchez «\u00a0S'abonner\u00a0»" in help_text
    assert "Android, Google Agenda\u00a0: touchez «\u00a0Copier l'adresse\u00a0»" in help_text
    assert "sur un ordinateur, ouvrez calendar.google.com, Autres agendas, +, À partir de l'URL" in help_text
    # Her own feed, under the people's: subscribe (webcal, which iOS follows) or copy the https address.
    mine = page.locator(".feeds li.feed", has=page.locator(".feed-name", has_text="Camille Roux"))
    assert page.locator(".feeds h3", has_text="Par personne").is_visible()
    subscribe = mine.locator("a.subscribe")
    assert subscribe.get_attribute("href") == "webcal://planning.atelier-morel.example/calendars/people/camille.ics"
    address = "https://planning.atelier-morel.example/calendars/people/camille.ics"
    assert mine.locator("code").inner_text() == address and mine.locator("code").is_visible()
    button = mine.locator("button.copy")
    assert subscribe.bounding_box()["height"] >= 44 and button.bounding_box()["height"] >= 44
    button.tap()
    mine.locator('[role="status"]', has_text="Adresse copiée").wait_for(timeout=5000)
    assert page.evaluate("navigator.clipboard.readText()") == address
    # No link in the list that a tap would turn into a download, but the one labelled a frozen copy.
    assert page.locator('.feeds a[href^="https:"]').count() == 0
    assert page.evaluate(WIDER_JS, 390) == []
    screenshot(page, "planning-phone-subscribe")
    context.close()
    # A phone that refuses the copy (plain http): the address is left selected, and the button says so.
    context = phone(chromium, server, "android")
    context.add_init_script("Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined});"
                            "document.execCommand = () => false;")
    page = context.new_page()
    page.goto(server + "index.html")
    mine = page.locator(".feeds li.feed", has=page.locator(".feed-name", has_text="Camille Roux"))
    mine.locator("button.copy").tap()
    assert mine.locator("button.copy").inner_text() == "Non copié\u00a0: copiez l'adresse sélectionnée"
    assert page.evaluate("String(window.getSelection())") == "https://planning.atelier-morel.example/calendars/people/camille.ics"
    context.close()
    # Without a script, the address is there to select by hand, and no button does nothing.
    context = chromium.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(server + "index.html")
    assert page.locator(".feeds code").first.is_visible() and page.locator(".feeds button").first.is_hidden()
    context.close()
    # A computer's calendar has the same way down, at the end of its toolbar.
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(server + "index.html")
    toolbar, way = page.locator(".toolbar").bounding_box(), page.locator(".toolbar a.to-feeds").bounding_box()
    assert way["x"] + way["width"] >= toolbar["x"] + toolbar["width"] - 1 and way["y"] < toolbar["y"] + 44
    page.close()


def test_a_crisis_shows_on_the_first_screen_of_a_phone_in_light_and_dark(tmp_path: Path, chromium: Any) -> None:
    """During a crisis the drafts review said only "Aucun brouillon à venir", and the calendar hatched days."""
    site = crisis_sample(tmp_path / "crisis")
    result = run_edcal("build", cwd=site, env={"EDCAL_NOW": "2027-01-12T10:00", "SOURCE_DATE_EPOCH": EPOCH})
    assert result.returncode == 0, result.stderr
    for scheme in ("light", "dark"):
        page = chromium.new_page(color_scheme=scheme, viewport={"width": 390, "height": 844})
        for name in ("drafts/index.html", "index.html"):
            page.goto((site / "planning" / name).as_uri())
            notice = page.get_by_role("region", name="Gel des publications en cours")
            assert notice.is_visible() and notice.bounding_box()["y"] + 120 < 844, name  # its first lines on screen
            text = notice.inner_text()
            assert "jusqu'à nouvel ordre" in text and "Bad buzz sur la vidéo du chantier" in text
            assert "Il retient 68 publications à venir" in text
            assert page.evaluate("document.documentElement.scrollWidth") <= 390, name
            for selector in (".freeze-notice h2", ".freeze-notice p"):
                fg, bg = page.eval_on_selector(selector, "e => [getComputedStyle(e).color, "
                                               "getComputedStyle(document.body).backgroundColor]")
                assert page.evaluate(CONTRAST_JS, [fg, bg]) >= 4.5, (scheme, name, selector)
        screenshot(page, f"crisis-calendar-phone-{scheme}")
        page.close()


def test_a_copy_button_tapped_twice_says_copy_again_afterwards(sample: Path, server: str, chromium: Any) -> None:
    """A second tap while the button said "Adresse copiée" took that for its label: it kept saying so for
    good, on every feed tapped twice (an impatient thumb, a double click)."""
    context = phone(chromium, server)
    page = context.new_page()
    page.goto(server + "index.html")
    button = page.locator(".feeds li.feed", has=page.locator(".feed-name", has_text="Camille Roux")) \
        .locator("button.copy")
    button.tap()
    page.wait_for_function("b => b.textContent === 'Adresse copiée'", arg=button.element_handle())
    button.tap()
    page.wait_for_timeout(2000)  # both taps' 1.5 s are over
    assert button.inner_text() == "Copier l'adresse" and button.get_attribute("class") == "copy"
    context.close()


def test_an_agenda_row_s_status_is_a_word_apart_from_its_title(sample: Path) -> None:
    """"Vœux 2027non confirmé", "stand B42publié": the badge was glued to the title, on screen and for a screen
    reader alike (a template comment swallowed the space between them)."""
    html = (sample / "planning" / "agenda" / "2027-01.html").read_text(encoding="utf-8")
    rows = re.findall(r'<span class="title">[^<]*</span>(\s*)<span class="badge', html)
    assert len(rows) > 20 and all(space for space in rows), rows[:5]


LATE_ENV = {"EDCAL_NOW": "2027-02-06T10:00:00+01:00", "SOURCE_DATE_EPOCH": EPOCH}


@pytest.fixture(scope="module")
def late(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The sample site built on Saturday 6 February 2027: 'Mesurer ce que rapportent nos réseaux sociaux' was
    to be reviewed by 2 February and is still in review; the portrait's text was due on the 5th."""
    site = tmp_path_factory.mktemp("late") / "sample"
    copy_sample(site)
    result = run_edcal("build", cwd=site, env=LATE_ENV)
    assert result.returncode == 0, result.stderr
    with serve(site / "planning") as address:
        yield site, address


def test_an_article_whose_review_is_late_says_so_in_the_calendar_and_the_agenda(late: tuple[Path, str],
                                                                               chromium: Any) -> None:
    """It said "en relecture" only, in the week and month views and the agenda, while `edcal check` reported
    its review overdue and the backlog called such an idea late."""
    site, server = late
    overdue = {"article-mesurer-reseaux", "article-mesurer-reseaux-review-due",
               "idea-portrait-trente-ans-de-serrurerie-avec-gerard",
               "idea-portrait-trente-ans-de-serrurerie-avec-gerard-draft-due", "idea-journee-portes-ouvertes"}
    agenda = (site / "planning" / "agenda" / "2027-02.html").read_text(encoding="utf-8")
    rows = dict(re.findall(r'<li class="item[^"]*"\s+id="item-([^"]+)".*?<summary>(.*?)</summary>', agenda, re.DOTALL))
    flagged = {id_ for id_, summary in rows.items() if '<span class="badge late">en retard</span>' in summary}
    # Not the portrait's review, due on the 12th, nor a post.
    assert flagged == overdue
    assert '<span class="badge status-review">en relecture</span> <span class="badge late">en retard</span>' in \
        rows["article-mesurer-reseaux"]
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    for view in ("week", "month"):
        page.goto(server + f"index.html?view={view}&date=2027-02-09")
        tile = page.locator(f'#view-{view} .item[data-item-id="article-mesurer-reseaux"]')
        assert "en relecture en retard" in tile.inner_text()
        assert "en relecture · en retard" in tile.get_attribute("title")
        shown = page.eval_on_selector_all(f"#view-{view} .item:has(.badge.late)", "els => els.map(e => e.dataset.itemId)")
        assert set(shown) <= overdue and "article-mesurer-reseaux" in shown
    page.goto(server + "index.html?view=week&date=2027-02-02")
    assert page.locator('#view-week .item[data-item-id="article-mesurer-reseaux-review-due"] .badge.late').is_visible()
    assert page.locator('#view-week .item[data-item-id="recrutement-soudeur-linkedin-1w"] .badge.late').count() == 0
    page.close()


def test_an_idea_whose_target_publication_has_passed_says_so_in_the_backlog(empty_site: Callable[..., Path]) -> None:
    """A year on, the backlog still read "Publication visée le mardi 9 mars 2027" as if it were to come, beside
    deadlines marked late: a target passed with the idea still in the backlog says so too."""
    site = empty_site("version: 1\ntimezone: Europe/Paris\nnetworks:\n  linkedin: {}\nideas:\n"
                      "  - {title: Avant/après, publish: 2027-03-09}\n  - {title: Acier Corten, publish: 2027-06-01}\n")
    result = run_edcal("build", cwd=site, env={**ENV, "EDCAL_NOW": "2027-04-01T10:00"})
    assert result.returncode == 0, result.stderr
    text = page_text(site / "planning" / "index.html")
    assert "Publication visée le mardi 9 mars 2027 — passée" in text, text
    assert "Publication visée le mardi 1er juin 2027 calendar.yaml" in text, text  # still ahead: as it was


WAITING = """\
version: 1
timezone: Europe/Paris
networks:
  linkedin: {}
blog:
  promote: {networks: [linkedin], schedule: [at publication]}
posts:
  - {id: annonce, networks: [linkedin], at: 2027-01-15 12:00, text: Nos horaires changent, status: draft}
  - {id: prete, networks: [linkedin], at: 2027-01-15 14:00, text: Nos horaires d'hiver}
"""


def test_a_draft_card_says_why_it_is_a_draft(empty_site: Callable[..., Path], late: tuple[Path, str]) -> None:
    """A promotion of an article still in review was a "brouillon" card with nothing to say why, nor what
    would make it a post to schedule."""
    site = empty_site(WAITING, {
        "portes.md": "---\ntitle: Nos portes coulissantes\ndate: 2027-01-20 09:00\nstatus: review\n"
                     "review_due: 2027-01-18\n---\nDes portes.\n",
        "verriere.md": "---\ntitle: Une verrière d'atelier\ndate: 2027-01-21 09:00\nstatus: draft\n---\n"
                       "Une verrière.\n"})
    result = run_edcal("build", cwd=site, env=ENV)
    assert result.returncode == 0, result.stderr
    page = (site / "planning" / "drafts" / "2027-01.html").read_text(encoding="utf-8")
    cards = dict(re.findall(r'<article class="card" id="item-([^"]+)".*?</header>(.*?)<div class="post">', page,
                            re.DOTALL))
    why = {item_id: [html.unescape(re.sub(r"<[^>]+>", "", line)).replace("\u00a0", " ")
                     for line in re.findall(r"<li>(.*?)</li>", text, re.DOTALL)] for item_id, text in cards.items()}
    assert why == {
        "annonce-linkedin": ["Brouillon : son entrée indique status: draft (calendar.yaml:8)."],
        "prete-linkedin": [],
        "portes-linkedin-0": ["Brouillon : son article « Nos portes coulissantes » est encore en relecture "
                              "(relecture attendue le lundi 18 janvier 2027)."],
        "verriere-linkedin-0": ["Brouillon : son article « Une verrière d'atelier » est lui-même un brouillon."],
    }, why
    # The sample site's promotions of its article in review, on 6 February, its review overdue.
    page = (late[0] / "planning" / "drafts" / "2027-02.html").read_text(encoding="utf-8")
    waiting = re.findall(r'<article class="card" id="item-(mesurer-reseaux-[^"]+)".*?</header>\s*<ul class="why-draft">'
                         r"\s*<li>([^<]*)</li>", page, re.DOTALL)
    assert len(waiting) == 6 and {html.unescape(text).replace("\u00a0", " ") for _id, text in waiting} == {
        "Brouillon : son article « Mesurer ce que rapportent nos réseaux sociaux » est encore en relecture "
        "(relecture attendue le mardi 2 février 2027)."}


def test_the_calendar_prints_its_period_and_its_days_without_the_sidebar(sample: Path, server: str,
                                                                        chromium: Any) -> None:
    """Printed, the month lost its name ("janvier 2027"), the Subscribe sidebar printed with its buttons and the
    objectives after it (January took 7 A4 pages), and "[Le Fil (intranet)]" ran out of its day's cell."""
    page = chromium.new_page(viewport={"width": 1200, "height": 900})
    for address, period in (("index.html?date=2027-01", "janvier 2027"),
                            ("index.html?view=week&date=2027-01-12", "Semaine du 11 au 17 janvier 2027")):
        page.goto(server + address)
        page.emulate_media(media="print")
        assert page.locator("#period").is_visible() and page.inner_text("#period") == period
        assert page.locator(".legend").is_visible()
        for hidden in (".side", "#feeds-title", "a.subscribe", "button.copy", ".to-feeds", "#objectives-title",
                       ".views", ".nav"):
            assert page.locator(hidden).first.is_hidden(), hidden
        # Every tile inside its day, nothing cut or running over the next day.
        out = page.evaluate("""() => Array.from(document.querySelectorAll('#view-month .item, #view-week .item'))
          .filter(tile => { const cell = tile.closest('td, section').getBoundingClientRect();
                            const box = tile.getBoundingClientRect();
                            return tile.scrollWidth > tile.clientWidth + 1 || box.right > cell.right + 0.5; })
          .map(tile => tile.dataset.itemId)""")
        assert out == [], out
        pdf = page.pdf(format="A4")
        pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
        assert pages <= (4 if "week" not in address else 2), pages
        page.emulate_media(media="screen")
    page.close()


def test_a_dated_idea_for_posts_is_shown_with_its_networks_not_as_the_blogs() -> None:
    """On the agenda and the month grid, a dated idea for a LinkedIn post read "Blog"."""
    from edcal.outputs import calendar_page
    from edcal.outputs.context import OutputContext
    from helpers import PARIS_CALENDAR, calendar_from, plan_of

    plan = plan_of(calendar_from(PARIS_CALENDAR + "ideas:\n  - {title: Portrait, networks: [linkedin, x], "
                                 "publish: 2027-03-10}\n  - {title: Article, publish: 2027-03-11}\n"))
    context = OutputContext(plan=plan, findings=())
    shown = {i.title: calendar_page.entry(i, plan, context).network_name for i in plan.items if i.kind == "idea"}
    assert shown == {"Portrait": "LinkedIn, X", "Article": None}


APPROVALS = """\
version: 1
timezone: Europe/Paris
networks:
  linkedin: {}
  mastodon: {}
team:
  - {id: camille, name: Camille Roux}
posts:
  - {id: annonce, networks: [linkedin], at: 2027-01-15 12:00, text: Nos horaires changent, status: review,
     owner: camille}
  - {id: portes, networks: [linkedin, mastodon], at: 2027-01-16 12:00, text: Nos portes, status: review}
  - {id: brouillon, networks: [mastodon], at: 2027-01-17 12:00, text: Un jour, status: draft}
  - {id: prete, networks: [linkedin], at: 2027-01-18 14:00, text: Nos horaires d'hiver, owner: camille}
"""


def test_an_approver_finds_the_posts_awaiting_approval(empty_site: Callable[..., Path], chromium: Any) -> None:
    """Whoever approves posts had to read every card of the drafts review for its badge, which said
    "en relecture" as an article's does: a status filter picks out the posts awaiting approval ("à valider"),
    counts them with the other filters, and the calendar page's badge says the same."""
    site = empty_site(APPROVALS)
    result = run_edcal("build", cwd=site, env={**ENV, "EDCAL_NOW": "2027-01-11T10:00:00+01:00"})
    assert result.returncode == 0, result.stderr
    shown = "() => Array.from(document.querySelectorAll('article.card')).filter(e => e.getClientRects().length)" \
        ".map(e => e.dataset.itemId)"
    with serve(site / "planning") as server:
        page = chromium.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(server + "drafts/2027-01.html")
        status = page.locator('select[data-filter="status"]')
        assert page.locator('label:has(select[data-filter="status"])').inner_text().startswith("Statut")
        assert status.locator("option").all_inner_texts() == ["Tous les statuts", "à valider", "brouillon",
                                                               "planifié"]
        assert page.locator("#item-annonce-linkedin .badge").inner_text() == "à valider"
        page.select_option('select[data-filter="status"]', "review")
        assert page.evaluate(shown) == ["annonce-linkedin", "portes-linkedin", "portes-mastodon"]
        assert page.locator(".lead").inner_text() == "3 brouillons."
        assert urlsplit(page.url).query == "status=review"
        # With the person filter: Camille's post awaiting approval; the overview's month counts it so.
        page.select_option('select[data-filter="owner"]', "camille")
        assert page.evaluate(shown) == ["annonce-linkedin"]
        page.goto(server + "drafts/index.html?status=review&owner=camille")
        january = page.locator('tr[data-counts]:has(a[href^="2027-01.html"])')
        page.wait_for_function("() => document.querySelector('tr[data-counts] td[data-count=\"0\"]')"
                               ".innerText === '1'", timeout=5000)
        page.select_option('select[data-filter="status"]', "scheduled")
        assert january.locator('td[data-count="0"]').inner_text() == "1"  # Camille's post ready to go
        page.select_option('select[data-filter="owner"]', "")
        page.select_option('select[data-filter="network"]', "mastodon")
        page.select_option('select[data-filter="status"]', "draft")
        assert january.locator('td[data-count="0"]').inner_text() == "1"
        # The calendar page says it as the drafts review does, on its tiles and in its agenda.
        page.goto(server + "index.html?view=week&date=2027-01-15")
        assert page.locator('#view-week .item[data-item-id="annonce-linkedin"] .badge').inner_text() == "à valider"
        page.goto(server + "agenda/2027-01.html")
        assert page.locator('#item-annonce-linkedin .badge').first.inner_text() == "à valider"
        page.close()
    # The feeds and `edcal agenda` too; an article in review stays "en relecture".
    feed = (site / "planning" / "calendar.ics").read_text(encoding="utf-8").replace("\n ", "").replace("\xa0", " ")
    assert "SUMMARY:[LinkedIn] Nos horaires changent (à valider)" in feed
    assert "Statut : à valider" in feed and "en relecture" not in feed
    agenda = run_edcal("agenda", "--days", "10", cwd=site, env={"EDCAL_NOW": "2027-01-11T10:00:00+01:00",
                                                                "COLUMNS": "200"})
    assert agenda.returncode == 0, agenda.stderr
    assert [line.split()[-4:] for line in agenda.stdout.splitlines() if "Nos horaires changent" in line] \
        == [["awaiting", "approval", "Camille", "Roux"]] and "review" not in agenda.stdout  # EDCAL_LANG=en
    # Its time passed unapproved, it did not go out: said so, where "à valider" asked for an approval too late.
    result = run_edcal("build", cwd=site, env={**ENV, "EDCAL_NOW": "2027-01-15T13:00:00+01:00"})
    assert result.returncode == 0, result.stderr
    feed = (site / "planning" / "calendar.ics").read_text(encoding="utf-8").replace("\n ", "").replace("\xa0", " ")
    assert "SUMMARY:[LinkedIn] Nos horaires changent (non validée\\, pas partie)" in feed  # its comma escaped
    assert "SUMMARY:[LinkedIn] Nos portes (à valider)" in feed  # still to come
    agenda = (site / "planning" / "agenda" / "2027-01.html").read_text(encoding="utf-8")
    assert re.search(r'id="item-annonce-linkedin".*?<span class="badge status-review">non validée, pas partie</span>',
                     agenda, re.DOTALL)
    with serve(site / "planning") as server:
        page = chromium.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(server + "index.html?view=week&date=2027-01-15")
        assert page.locator('#view-week .item[data-item-id="annonce-linkedin"] .badge').inner_text() == \
            "non validée, pas partie"
        page.close()
    # Posts that all have one status: no status filter (nothing to choose).
    (site / "calendar.yaml").write_text(APPROVALS.replace(", status: review", "").replace(", status: draft", ""),
                                       encoding="utf-8")
    result = run_edcal("build", cwd=site, env={**ENV, "EDCAL_NOW": "2027-01-11T10:00:00+01:00"})
    assert result.returncode == 0, result.stderr
    page_html = (site / "planning" / "drafts" / "2027-01.html").read_text(encoding="utf-8")
    assert 'data-filter="status"' not in page_html and 'data-filter="owner"' in page_html


def test_the_network_filter_shows_a_dated_idea_for_posts_with_each_of_its_networks(site: Path,
                                                                                   chromium: Any) -> None:
    """A dated idea for LinkedIn and X had `data-network=""`: choosing LinkedIn (or X) hid it, as it hides
    the blog's items."""
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace(
        "  - {title: Sans date}\n",
        "  - {title: Sans date}\n  - {title: Portrait, networks: [linkedin, x], publish: 2027-03-10}\n"),
        encoding="utf-8")
    built = run_edcal("build", cwd=site, env={"EDCAL_NOW": "2027-03-01T10:00"})
    assert built.returncode == 0, built.stderr
    shown = "() => Array.from(document.querySelectorAll('[data-item-id=\"idea-portrait\"][data-network]'))" \
            ".filter(e => e.getClientRects().length).length"
    with serve(site / "planning") as server:
        page = chromium.new_page(viewport={"width": 1400, "height": 1000})
        for network, seen in (("linkedin", True), ("x", True), ("mastodon", False)):
            for view in ("agenda", "month"):
                page.goto(server + f"index.html?view={view}&network={network}")
                assert bool(page.evaluate(shown)) is seen, (network, view)
        page.goto(server + "agenda/2027-03.html?network=x")
        assert page.evaluate(shown) == 1
        page.close()


@pytest.mark.parametrize(("lang", "first", "last", "said"), [
    ("en-IE", "2026-12-21", "2026-12-28", "Cian O'Connor away from 21 to 28 December 2026"),
    ("fr", "2026-12-21", "2026-12-28", "Cian O'Connor\xa0: absence du 21 au 28 décembre 2026"),
    ("fr", "2027-03-01", "2027-03-05", "Cian O'Connor\xa0: absence du 1er au 5 mars 2027"),
    ("en-US", "2026-12-21", "2026-12-28", "Cian O'Connor away from December 21 to 28, 2026"),
    ("en-IE", "2026-11-30", "2026-12-04", "Cian O'Connor away from 30 November to 4 December 2026"),
    ("fr", "2026-11-30", "2026-12-04", "Cian O'Connor\xa0: absence du 30 novembre au 4 décembre 2026"),
    ("en-US", "2026-11-30", "2026-12-04", "Cian O'Connor away from November 30 to December 4, 2026"),
    ("en-IE", "2026-12-28", "2027-01-04", "Cian O'Connor away from 28 December 2026 to 4 January 2027"),
])
def test_an_absence_names_its_month_and_year_once(lang: str, first: str, last: str, said: str) -> None:
    """The agenda and the planning page said "away from 21 to 28 December 2026": the month twice."""
    import dataclasses

    from edcal.outputs import calendar_page
    from helpers import PARIS_CALENDAR, calendar_from, plan_of

    calendar = calendar_from(PARIS_CALENDAR.replace(
        "{id: ana, name: Ana}", f"{{id: ana, name: \"Cian O'Connor\", away: [{{from: {first}, until: {last}}}]}}"))
    plan = plan_of(calendar, now="2026-12-01T10:00:00+01:00")
    assert [a["label"] for a in calendar_page.absences(dataclasses.replace(plan, lang=lang))] == [said]


def test_an_absence_shows_on_the_days_it_covers_with_who_stands_in(tmp_path: Path) -> None:
    """A community manager saw nobody's holidays on the calendar, nor who took over: each day an absence
    covers says it, in the page's language, with the ids the person filter shows it with."""
    import dataclasses

    from edcal.outputs import calendar_page
    from helpers import PARIS_CALENDAR, calendar_from, plan_of, write_planning_page

    calendar = calendar_from(PARIS_CALENDAR.replace(
        "{id: ana, name: Ana}", "{id: ana, name: Ana Lopez, away: [{from: 2027-03-08, until: 2027-03-12, "
        "reason: Congés, stand_in: ben}]}\n  - {id: ben, name: Ben Roy}")
        + "posts:\n  - {id: pendant, at: 2027-03-10 09:00, networks: [x], text: Pendant, owner: ana}\n")
    plan = plan_of(calendar, now="2027-03-01T10:00:00+01:00")
    write_planning_page(calendar_page, plan, tmp_path)
    label = "Ana Lopez\xa0: absence du 8 au 12 mars 2027 (Congés) — Ben Roy assure le relais"
    for path in (tmp_path / "index.html", tmp_path / "agenda" / "2027-03.html"):
        elements = parse(path)
        days = [attrs["data-day"] for tag, attrs in elements if tag == "section" and attrs.get("data-day")]
        # Its first and last days show with nothing planned on them; the 10th has a post.
        assert {"2027-03-08", "2027-03-10", "2027-03-12"} <= set(days), days
        notes = re.findall(r'<section class="day[^"]*" data-day="([\d-]+)".*?</h[23]>\s*<p class="absence" '
                           r'data-absence-people="([^"]+)">([^<]+)</p>', path.read_text(encoding="utf-8"), re.S)
        assert [(day, people, html.unescape(text)) for day, people, text in notes] == [
            (day, "ana ben", label) for day in ("2027-03-08", "2027-03-10", "2027-03-12")], path
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'id="plan-data">(.*?)</script>', page, re.DOTALL).group(1))
    assert data["absences"] == [{"first": "2027-03-08", "last": "2027-03-12", "label": label,
                                 "people": "ana ben", "person": "ana"}]
    write_planning_page(calendar_page, dataclasses.replace(plan, lang="en"), tmp_path / "en")
    english = (tmp_path / "en" / "index.html").read_text(encoding="utf-8")
    assert "Ana Lopez away from 8 to 12 March 2027 (Congés) — Ben Roy stands in</p>" in english
    # A one-day absence, in US English: its day, month first.
    one_day = calendar_from(PARIS_CALENDAR.replace(
        "{id: ana, name: Ana}", "{id: ana, name: Ana Lopez, away: [{from: 2027-03-08, until: 2027-03-08}]}"))
    plan = plan_of(one_day, now="2027-03-01T10:00:00+01:00")
    assert [a["label"] for a in calendar_page.absences(dataclasses.replace(plan, lang="en-US"))] == \
        ["Ana Lopez away on March 8, 2027"]
    # A stand-in who left the team before the absence stands in for nobody: the label no longer says so.
    gone = calendar_from(PARIS_CALENDAR.replace(
        "{id: ana, name: Ana}", "{id: ana, name: Ana Lopez, away: [{from: 2027-03-08, until: 2027-03-12, "
        "stand_in: ben}]}\n  - {id: ben, name: Ben Roy, left: 2027-03-01}"))
    assert [a["label"] for a in calendar_page.absences(plan_of(gone, now="2027-03-01T10:00:00+01:00"))] == \
        ["Ana Lopez\xa0: absence du 8 au 12 mars 2027"]
    # A month with an absence and nothing planned is listed for it, without a count of "0" items.
    august = calendar_from(PARIS_CALENDAR.replace(
        "{id: ana, name: Ana}", "{id: ana, name: Ana Lopez, away: [{from: 2027-08-02, until: 2027-08-20}]}")
        + "posts:\n  - {id: mars, at: 2027-03-10 09:00, networks: [x], text: En mars}\n")
    write_planning_page(calendar_page, plan_of(august, now="2027-03-01T10:00:00+01:00"), tmp_path / "aout")
    months = re.findall(r'href="agenda/([\d-]+)\.html">[^<]+</a> \(([^)]+)\)',
                        (tmp_path / "aout" / "index.html").read_text(encoding="utf-8"))
    assert months == [("2027-03", "1"), ("2027-08", "rien de prévu")]


def test_the_month_view_shows_an_absence_with_its_people_in_the_filter(sample: Path, server: str,
                                                                      chromium: Any) -> None:
    """Malik's summer holidays, Julien standing in: on each of their days of the month, with either of them
    chosen in the person filter, and not with someone else."""
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(server + "index.html?view=month&date=2027-08")
    notes = page.locator("#view-month .note.absence")
    assert notes.count() == 19  # 2 to 20 August
    assert page.inner_text('td[data-date="2027-08-02"] .absence') == (
        "Malik Haddad\xa0: absence du 2 au 20 août 2027 (Congés d'été (atelier fermé)) — Julien Morel "
        "assure le relais")
    assert page.locator('td[data-date="2027-08-01"] .absence').count() == 0
    assert page.locator('td[data-date="2027-08-21"] .absence').count() == 0
    for owner, shown in (("julien", True), ("malik", True), ("camille", False)):
        page.goto(server + f"index.html?view=month&date=2027-08&owner={owner}")
        assert page.locator('td[data-date="2027-08-10"] .absence').is_visible() is shown, owner
    page.goto(server + "agenda/2027-08.html?owner=camille")
    assert page.locator('[data-day="2027-08-02"] .absence').is_hidden()
    page.goto(server + "agenda/2027-08.html?owner=julien")
    assert page.locator('[data-day="2027-08-02"] .absence').is_visible()
    page.close()


@pytest.mark.parametrize(("measured", "shown_in"), [
    ("2027-02-26", "2027-03"),  # before the first month LinkedIn has a row: that first month
    ("2027-03-01", "2027-03"),  # its own month
    (None, "2027-04"),          # never measured: the month in progress
])
def test_the_report_shows_a_networks_objective_measured_before_its_first_month(
        tmp_path: Path, measured: str | None, shown_in: str) -> None:
    """A manager's trial: followers counted on 26 February, the first LinkedIn post planned in March; the
    report showed the figure in February's row, which it does not have: the objective was nowhere on it."""
    from edcal.outputs import report as report_page
    from helpers import PARIS_CALENDAR, calendar_from, plan_of, write_planning_page

    figure = f", current: 1420, measured: {measured}" if measured else ""
    calendar = calendar_from(PARIS_CALENDAR.replace(
        "linkedin: {slots: [tue 09:00, thu 12:30]}",
        "linkedin: {objective: {text: Être lu des architectes, target: 2000, unit: abonnés" + figure + "}}")
        + "posts:\n  - {id: mars, at: 2027-03-09 09:00, networks: [linkedin], text: En mars}\n"
          "  - {id: avril, at: 2027-04-06 09:00, networks: [linkedin], text: En avril}\n")
    write_planning_page(report_page, plan_of(calendar, now="2027-04-10T10:00:00+02:00"), tmp_path)
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    months = re.findall(r'<section class="objectives report-month" id="month-([\d-]+)"(.*?)</section>', page, re.S)
    assert [month for month, _body in months] == ["2027-04", "2027-03"]
    shown = [month for month, body in months
             if "Être lu des architectes" in body.split('<tr data-network="linkedin"', 1)[1].split("</tr>")[0]]
    assert shown == [shown_in]


def test_the_posts_a_stand_in_covers_carry_who_covers_them_for_whom(tmp_path: Path) -> None:
    """The month view's data and the agenda's items say who stands in for a post's owner, away, and the
    feed's words for whom ("[pour Ana Lopez]"): the same posts as the stand-in's feed holds."""
    from edcal.outputs import calendar_page, ics
    from helpers import stand_in_plan, write_planning_page

    plan = stand_in_plan()
    write_planning_page(calendar_page, plan, tmp_path)
    ids = {item.title: item.id for item in plan.items}
    (ben,) = [feed for feed in ics.feeds(plan) if feed.key == "ben"]
    assert {item.id for item in ben.items} == {ids["Pendant"], ids["Le sien"]}
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'id="plan-data">(.*?)</script>', page, re.DOTALL).group(1))
    items = {item["id"]: item for item in data["items"]}
    assert items[ids["Pendant"]]["covered_by"] == "ben" and items[ids["Pendant"]]["cover"] == "[pour Ana Lopez]"
    assert all("covered_by" not in items[ids[title]] and "cover" not in items[ids[title]]
               for title in ("Le onze", "Avant", "Le sien"))
    agenda = (tmp_path / "agenda" / "2027-03.html").read_text(encoding="utf-8")
    row = re.search(rf'<li [^>]*id="item-{ids["Pendant"]}"[^>]*>', agenda).group(0)
    assert 'data-owner="ana"' in row and 'data-covered-by="ben"' in row
    assert "[pour Ana Lopez]" in agenda.split(f'id="item-{ids["Pendant"]}"')[1].split("</summary>")[0]
    assert 'data-covered-by' not in re.search(rf'<li [^>]*id="item-{ids["Le onze"]}"[^>]*>', agenda).group(0)


def test_the_person_filter_on_a_stand_in_shows_the_posts_they_cover_marked_for_whom(tmp_path: Path,
                                                                                   chromium: Any) -> None:
    """A user trial: with the person filter on Ben, standing in for Ana, the page showed Ana's absence but
    hid her posts he was to post, which his feed holds. Shown now, "[pour Ana Lopez]" before them; with the
    filter on Ana, her posts show as before, without the mark."""
    from edcal.outputs import calendar_page
    from helpers import stand_in_plan, write_planning_page

    plan = stand_in_plan()
    write_planning_page(calendar_page, plan, tmp_path)
    ids = {item.title: item.id for item in plan.items}
    shown = ("sel => Array.from(document.querySelectorAll(sel)).filter(e => e.getClientRects().length)"
             ".map(e => e.dataset.itemId)")
    with serve(tmp_path) as server:
        page = chromium.new_page(viewport={"width": 1400, "height": 1000})
        for view in ("month", "week"):
            page.goto(server + f"index.html?view={view}&date=2027-03-08&owner=ben")
            tiles = f"#view-{view} .item[data-item-id]"
            assert sorted(page.evaluate(shown, tiles)) == sorted([ids["Pendant"], ids["Le sien"]]), view
            tile = page.locator(f'#view-{view} .item[data-item-id="{ids["Pendant"]}"]')
            assert "[pour Ana Lopez] [X] Pendant" in tile.inner_text(), tile.inner_text()
            assert "[pour" not in page.locator(f'#view-{view} .item[data-item-id="{ids["Le sien"]}"]').inner_text()
            assert page.locator(f"#view-{view} .absence").first.is_visible()
            page.goto(server + f"index.html?view={view}&date=2027-03-08&owner=ana")
            assert set(page.evaluate(shown, tiles)) >= {ids["Pendant"], ids["Le onze"]}
            assert ids["Le sien"] not in page.evaluate(shown, tiles)
            assert "[X] Pendant" in tile.inner_text() and "[pour" not in tile.inner_text(), tile.inner_text()
            page.goto(server + f"index.html?view={view}&date=2027-03-08")
            assert "[X] Pendant" in tile.inner_text() and "[pour" not in tile.inner_text(), tile.inner_text()
        for address in ("index.html?view=agenda&owner=ben", "agenda/2027-03.html?owner=ben"):
            page.goto(server + address)
            assert page.evaluate(shown, "li.item[data-item-id]") == [ids["Le sien"], ids["Pendant"]], address
            title = page.locator(f'li#item-{ids["Pendant"]} summary')
            assert "[pour Ana Lopez] Pendant" in title.inner_text(), title.inner_text()
            # Choosing Ana instead: her posts, without the mark; the day Ben is away too shows.
            page.select_option('select[data-filter="owner"]', "ana")
            assert page.evaluate(shown, "li.item[data-item-id]") == [ids["Avant"], ids["Pendant"], ids["Le onze"]]
            assert "[pour" not in title.inner_text()
        page.close()


def test_the_drafts_review_on_a_stand_in_shows_the_drafts_they_cover_marked_and_counted(tmp_path: Path,
                                                                                      chromium: Any) -> None:
    """With the person filter on Ben, standing in for Ana, the calendar showed her post he is to publish; the
    drafts review, where he copies its text, did not. Shown now, "[pour Ana Lopez]" in its heading, and
    counted with his; with the filter on Ana, her drafts, as before, without the mark."""
    from edcal.outputs import review
    from helpers import stand_in_plan, write_planning_page

    plan = stand_in_plan()
    write_planning_page(review, plan, tmp_path)
    shown = ("() => Array.from(document.querySelectorAll('article.card')).filter(e => e.getClientRects().length)"
             ".map(e => e.dataset.itemId)")
    with serve(tmp_path) as server:
        page = chromium.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(server + "drafts/2027-03.html?owner=ben")
        assert page.evaluate(shown) == ["sien-mastodon", "pendant-x"]
        heading = page.locator("#item-pendant-x .card-title")
        assert "[pour Ana Lopez]" in heading.inner_text(), heading.inner_text()
        assert "[pour" not in page.locator("#item-sien-mastodon").inner_text()
        assert page.locator(".lead").inner_text() == "2 brouillons."
        page.select_option('select[data-filter="network"]', "x")
        assert page.evaluate(shown) == ["pendant-x"] and page.locator(".lead").inner_text() == "1 brouillon."
        page.select_option('select[data-filter="network"]', "")
        page.select_option('select[data-filter="owner"]', "ana")
        assert page.evaluate(shown) == ["avant-x", "pendant-x", "onze-x"]
        assert "[pour" not in heading.inner_text() and page.locator(".lead").inner_text() == "3 brouillons."
        page.select_option('select[data-filter="owner"]', "")
        assert "[pour" not in heading.inner_text() and page.locator(".lead").inner_text() == "4 brouillons."
        # The overview's months count his drafts so.
        page.goto(server + "drafts/index.html?owner=ben")
        march = page.locator('tr[data-counts]:has(a[href^="2027-03.html"]) td[data-count="0"]')
        assert march.inner_text() == "2"
        page.close()


def _repeated_hour_plan() -> Any:
    """Posts in both passes of the hour the night of 31 October 2027 repeats in Paris (02:40 on summer time,
    02:10 on winter time, 30 minutes later), one just before it and one the morning after."""
    from helpers import PARIS_CALENDAR, calendar_from, plan_of

    return plan_of(calendar_from(PARIS_CALENDAR + "posts:\n"
                                 "  - {id: premier, at: '2027-10-31 02:40+02:00', networks: [x], text: Premier passage}\n"
                                 "  - {id: second, at: '2027-10-31 02:10+01:00', networks: [x], text: Second passage}\n"
                                 "  - {id: avant, at: '2027-10-31 01:50', networks: [x], text: Avant}\n"
                                 "  - {id: matin, at: '2027-10-31 09:00', networks: [x], text: Le matin}\n"),
                   now="2027-10-20T10:00:00+02:00")


def test_the_pages_tell_the_two_passes_of_the_repeated_hour_apart(tmp_path: Path, chromium: Any) -> None:
    """A post at 02:40 +02:00 and one at 02:10 +01:00 on the night clocks go back were both shown "02:40" and
    "02:10", the second after the first: which 02:10? The agenda, the calendar's tiles and the drafts review
    give the time of the repeated hour with its offset, as the checks' messages do, and in the order they go
    out; every other time as before."""
    from edcal.outputs import calendar_page, review
    from helpers import write_planning_page

    plan = _repeated_hour_plan()
    write_planning_page(calendar_page, plan, tmp_path)
    write_planning_page(review, plan, tmp_path)
    expected = [("avant-x", "01:50"), ("premier-x", "02:40 (UTC+02:00)"), ("second-x", "02:10 (UTC+01:00)"),
                ("matin-x", "09:00")]
    agenda = (tmp_path / "agenda" / "2027-10.html").read_text(encoding="utf-8")
    rows = re.findall(r'<li [^>]*id="item-([^"]+)".*?<time class="time" [^>]*>([^<]*)</time>', agenda, re.DOTALL)
    assert rows == expected
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'id="plan-data">(.*?)</script>', page, re.DOTALL).group(1))
    assert [(item["id"], item["time"]) for item in data["items"]] == expected
    drafts = (tmp_path / "drafts" / "2027-10.html").read_text(encoding="utf-8")
    cards = re.findall(r'<article class="card" id="item-([^"]+)".*?<time datetime="[^"]*">([^<]*)</time>', drafts,
                       re.DOTALL)
    assert cards == expected
    # The copy buttons say which post too.
    assert 'aria-label="Copier le texte (X, dimanche 31 octobre 2027 02:10 (UTC+01:00))"' in drafts
    with serve(tmp_path) as server:
        page = chromium.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(server + "index.html?view=week&date=2027-10-31")
        tiles = page.locator("#view-week .item[data-item-id] .time").all_inner_texts()
        assert tiles == [time for _, time in expected], tiles
        page.close()


def plan_data(site: Path) -> dict[str, Any]:
    """What the calendar page embeds for its month and week views."""
    page = (site / "planning" / "index.html").read_text(encoding="utf-8")
    return json.loads(re.search(r'<script type="application/json" id="plan-data">(.*?)</script>', page,
                                re.DOTALL).group(1))


def sample_holding_three_months(site: Path) -> Path:
    """The sample site, its calendar page holding December to February (`planning: past:` and `future:`), built."""
    copy_sample(site)
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace(
        "planning:\n", "planning:\n  past: 1 month\n  future: 1 month\n", 1), encoding="utf-8")
    result = run_edcal("build", cwd=site, env=ENV)
    assert result.returncode == 0, result.stderr
    return site


def test_the_calendar_page_holds_a_window_of_months_and_leads_to_the_agenda_pages_beyond(
        tmp_path: Path, chromium: Any) -> None:
    """On 16 years of plan (18,147 items) the page was 6.2 MB, 5.9 of it the JSON of every item ever planned,
    and grew with each year. `planning: past:` and `future:` keep the months around today; beyond them, the
    month and week views lead to the months' agenda pages, which have every item."""
    site = sample_holding_three_months(tmp_path / "site")
    data = plan_data(site)
    dated = {i["id"]: i["start"][:10] for i in load_plan(site)["items"] if i["start"]}
    # December to February, and the days of the week December starts in: not September, nor March.
    assert {i["id"] for i in data["items"]} == {i for i, day in dated.items() if "2026-11-30" <= day <= "2027-02-28"}
    assert any(day < "2026-11-30" for day in dated.values()) and any(day > "2027-02-28" for day in dated.values())
    # Each item says what is its own; its network's name and colour, its owner's and campaign's names, a status's
    # word are said once for the page (340 bytes an item on the sample, 60 of them "null"; 210 now).
    items = json.dumps(data["items"], ensure_ascii=False, separators=(",", ":"))
    assert len(items.encode()) / len(data["items"]) < 250 and "null" not in items
    with serve(site / "planning") as server:
        page = chromium.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(server + "index.html?date=2027-02&network=linkedin")
        assert page.inner_text("#period") == "février 2027"
        assert page.locator("#view-month [data-item-id]").count() > 0
        # Past the window: March's agenda page, filters kept.
        page.click("#next")
        page.wait_for_url("**/agenda/2027-03.html*")
        assert page.url.endswith("/agenda/2027-03.html?network=linkedin")
        assert "mars 2027" in page.inner_text("h1")
        page.goto(server + "index.html?view=week&date=2026-12-01")
        page.click("#prev")
        page.wait_for_url("**/agenda/2026-11.html")
        # A month further out, named in the address (a bookmark): its agenda page takes its place.
        page.goto(server + "index.html?date=2026-09")
        page.wait_for_url("**/agenda/2026-09.html")
        assert not page.locator("#asked").is_visible()
        # Its link to the calendar opens today's month (its own would lead back here); a month held, its own.
        assert page.get_attribute("nav.pager a[href*='index.html']", "href") == "../index.html"
        page.goto(server + "agenda/2027-02.html")
        assert page.get_attribute("nav.pager a[href*='index.html']", "href") == "../index.html?date=2027-02"
        # A month beyond the window with nothing planned has no page: the nearest month that has one, which
        # says so (a bookmark to June opened August without a word).
        page.goto(server + "index.html?date=2027-06&owner=camille")
        page.wait_for_url("**/agenda/2027-08.html*")
        assert page.inner_text("#asked") == "Rien de prévu en juin 2027\u00a0: voici août 2027."
        page.goto(server + "index.html?view=week&date=2026-05-04")
        page.wait_for_url("**/agenda/2026-09.html*")
        assert page.inner_text("#asked") == "Rien de prévu en mai 2026\u00a0: voici septembre 2026."
        # Not carried to the next month's page.
        page.click("a[rel=next] >> nth=0")
        page.wait_for_url("**/agenda/2026-10.html*")
        assert not page.locator("#asked").is_visible()
        # Today and the month view around it are as before.
        page.goto(server + "index.html")
        assert page.inner_text("#period") == "janvier 2027"
        assert page.locator('#view-month td[data-date="2027-01-12"].today').count() == 1
        page.close()


def test_the_months_the_calendar_page_holds_are_a_setting_with_all_and_a_located_error() -> None:
    from dateutil.relativedelta import relativedelta

    from edcal.errors import InputErrors
    from edcal.outputs.calendar_page import calendar_months
    from helpers import PARIS_CALENDAR, calendar_from, plan_of

    today = dt.date(2027, 1, 12)
    plan = plan_of(calendar_from(PARIS_CALENDAR), now=NOW)
    assert (plan.calendar.planning.past, plan.calendar.planning.future) == (relativedelta(months=6),
                                                                            relativedelta(years=1))
    assert calendar_months(plan, today) == (dt.date(2026, 7, 1), dt.date(2028, 1, 1))
    plan = plan_of(calendar_from(PARIS_CALENDAR + "planning: {past: all, future: 3 months}\n"), now=NOW)
    assert calendar_months(plan, today) == (None, dt.date(2027, 4, 1))
    with pytest.raises(InputErrors) as raised:
        calendar_from(PARIS_CALENDAR + "planning:\n  future: longtemps\n")
    error = raised.value.errors[0]
    assert (error.source.line, error.message) == (PARIS_CALENDAR.count("\n") + 2,
                                                  "found 'longtemps', expected a span such as '14 days', '2 weeks' or '6 months'")
    assert error.hint == "or 'all' to show every month to come"


def test_a_holiday_the_site_does_not_count_is_not_shaded_on_the_calendar(tmp_path: Path, chromium: Any) -> None:
    """`public-holiday: {except: [...]}` says the site's audience works that day: the check stopped warning of
    it, but the calendar still shaded it and named it ★, as a day off to avoid."""
    site = copy_sample(tmp_path / "site")
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace(
        "checks:\n", "checks:\n  public-holiday: {except: [jour de l'an]}\n", 1), encoding="utf-8")
    result = run_edcal("build", cwd=site, env=ENV)
    assert result.returncode == 0, result.stderr
    with serve(site / "planning") as server:
        page = chromium.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(server + "index.html")
        new_year = page.locator('#view-month td[data-date="2027-01-01"]')
        assert "holiday" not in new_year.get_attribute("class").split()
        assert "Jour de l'an" not in new_year.inner_text() and "★" not in new_year.inner_text()
        # The holidays it counts are as before.
        page.goto(server + "index.html?date=2027-03")
        easter = page.locator('#view-month td[data-date="2027-03-29"]')
        assert "holiday" in easter.get_attribute("class").split()
        assert "★ Lundi de Pâques" in easter.inner_text()
        page.close()


def test_an_item_beyond_the_months_the_calendar_page_holds_opens_on_its_month_s_page(
        tmp_path: Path, chromium: Any) -> None:
    """An old bookmark, index.html#item-<id> of a September post, once the page held only December to
    February, opened this month's calendar, the item nowhere; with ?date= of its day, its month's agenda
    page without the item. Both open the item on its month's agenda page; an id the plan no longer has is
    said so."""
    site = sample_holding_three_months(tmp_path / "site")
    item = "pourquoi-un-blog-linkedin-0"
    assert item not in {i["id"] for i in plan_data(site)["items"]}
    with serve(site / "planning") as server:
        page = chromium.new_page(viewport={"width": 390, "height": 844})
        for address in (f"index.html#item-{item}", f"index.html?date=2026-09-22#item-{item}",
                        f"index.html?network=linkedin#item-{item}"):
            page.goto(server + address)
            page.wait_for_url(f"**/agenda/2026-09.html*#item-{item}")
            assert page.evaluate("document.activeElement.closest('[data-item-id]').dataset.itemId") == item
        assert page.url.endswith(f"/agenda/2026-09.html?network=linkedin#item-{item}")
        screenshot(page, "planning-item-beyond-the-window")
        says_the_item_is_gone(page, server + "index.html")
        screenshot(page, "planning-item-not-in-the-plan")
        # Opened from a CI artifact (file://) too.
        page.goto((site / "planning" / "index.html").as_uri() + f"#item-{item}")
        page.wait_for_url(f"**/agenda/2026-09.html#item-{item}")
        page.close()


def test_the_objectives_name_the_periods_below_the_cadence(tmp_path: Path) -> None:
    """A manager read "⚠ 3 semaines sous le rythme visé dans les 42 prochains jours" under the recruitment
    campaign and under LinkedIn, and had to page through the calendar's months to find which weeks to fill.
    The cell names the first three, with what each has, and how many more."""
    from edcal.outputs import calendar_page
    from helpers import PARIS_CALENDAR, calendar_from, plan_of, write_planning_page

    calendar = calendar_from(PARIS_CALENDAR.replace(
        "  linkedin: {slots: [tue 09:00, thu 12:30]}\n",
        "  linkedin: {slots: [tue 09:00, thu 12:30], cadence: 2 fois par semaine}\n")
        + "blog: {cadence: 1 fois par mois}\n"
        + "campaigns:\n  - {id: recrutement, name: Recrutement, from: 2027-01-04, until: 2027-01-24, "
          "cadence: 1/week, networks: [linkedin]}\n"
        + "posts:\n  - {id: a, at: 2027-01-12 09:00, networks: [linkedin], text: A, campaign: recrutement}\n")
    write_planning_page(calendar_page, plan_of(calendar, now="2027-01-04T08:00:00+01:00"), tmp_path)
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    text = html_text(page)
    assert "(il en manque 2) ⚠ 6 semaines sous le rythme visé dans les 42 prochains jours du 4 au 10 janvier " \
           "2027 : 0 publication, du 11 au 17 janvier 2027 : 1 publication, du 18 au 24 janvier 2027 : 0 " \
           "publication et 3 autres " in text
    assert "pour 1 ⚠ il en manque 1 ⚠ 2 mois sous le rythme visé dans les 42 prochains jours du 1er au 31 janvier 2027 : " \
           "0 article, du 1er au 28 février 2027 : 0 article " in text
    assert "⚠ 2 semaines sous le rythme visé dans les 42 prochains jours du 4 au 10 janvier 2027 : 0 publication, " \
           "du 18 au 24 janvier 2027 : 0 publication " in text  # the campaign's


def test_the_team_table_names_each_persons_busiest_week(tmp_path: Path) -> None:
    """"Qui a trop ?": the team table gave 24 posts over 42 days for Camille, an even 4 a week to the eye, while
    the trade fair's week gave her twice that. Each person's busiest week is named with its posts."""
    from edcal.outputs import calendar_page
    from helpers import PARIS_CALENDAR, calendar_from, plan_of, write_planning_page

    calendar = calendar_from(PARIS_CALENDAR.replace("  - {id: ana, name: Ana}\n",
                                                    "  - {id: ana, name: Ana}\n  - {id: bob, name: Bob}\n")
                             + "posts:\n"
                               "  - {id: a, at: 2027-01-12 09:00, networks: [linkedin, x, mastodon], text: A, owner: ana}\n"
                               "  - {id: b, at: 2027-01-14 12:30, networks: [linkedin], text: B, owner: ana}\n"
                               "  - {id: c, at: 2027-01-26 09:00, networks: [linkedin, x], text: C, owner: ana}\n")
    write_planning_page(calendar_page, plan_of(calendar, now="2027-01-04T08:00:00+01:00"), tmp_path)
    text = page_text(tmp_path / "index.html")
    assert "Ana 6 semaine la plus chargée : 4, du 11 au 17 janvier 2027 " in text
    assert "Bob 0 0 0" in text  # nothing on Bob's plate: no busiest week


#: LinkedIn at 2/week, X at 1/month, the blog at 1/month, a recruitment campaign at 1/week on LinkedIn over
#: six weeks; on Tuesday 12 January 2027.
MONTHS_CALENDAR = """\
  linkedin: {slots: [tue 09:00, thu 12:30], cadence: 2 fois par semaine}
  x: {cadence: 1 fois par mois}
blog: {cadence: 1 fois par mois}
campaigns:
  - {id: recrutement, name: Recrutement, from: 2027-01-04, until: 2027-02-14, cadence: 1/week, networks: [linkedin]}
posts:
  - {id: a, at: 2027-01-05 09:00, networks: [linkedin], text: A, campaign: recrutement}
  - {id: b, at: 2027-01-14 09:00, networks: [linkedin], text: B}
  - {id: c, at: 2027-01-19 09:00, networks: [linkedin], text: C, campaign: recrutement}
  - {id: d, at: 2027-02-02 09:00, networks: [linkedin], text: D}
  - {id: e, at: 2027-01-20 09:00, networks: [x], text: E}
  - {id: f, at: 2027-02-03 09:00, networks: [x], text: F}
  - {id: g, at: 2027-01-21 09:00, networks: [x], text: G}
freeze:
  - {from: 2027-01-21, until: 2027-01-21, networks: [x], reason: Deuil}
"""


def months_plan() -> Any:
    from helpers import PARIS_CALENDAR, calendar_from, plan_of

    calendar = calendar_from(PARIS_CALENDAR.replace(
        "  linkedin: {slots: [tue 09:00, thu 12:30]}\n  x: {}\n", MONTHS_CALENDAR.split("blog:")[0])
        + "blog:" + MONTHS_CALENDAR.split("blog:")[1])
    return plan_of(calendar, now="2027-01-12T10:00:00+01:00")


def test_the_objectives_say_this_month_and_next_against_each_cadence(tmp_path: Path) -> None:
    """A manager asked "are we on target this month?" and read only "⚠ 6 semaines sous le rythme visé dans les
    42 prochains jours". Each cadence now says, for this month and the next, what its periods hold (gone out
    or to go out, as cadence-gap counts: not withheld) against the cadence times those periods: a week is
    the month's that holds most of it (4 January to 31 January 2027), ✓ when none falls below."""
    from edcal.outputs import calendar_page
    from helpers import write_planning_page

    write_planning_page(calendar_page, months_plan(), tmp_path)
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    text = html_text(page)
    assert "LinkedIn 2/semaine janvier 2027 (4 semaines) : 3 publications pour 8 (1 publiée, 2 prévues) ⚠ sous " \
           "le rythme visé : du 4 au 10 janvier 2027 (période écoulée) : 1 publication (il en manque 1) ; " in text, text
    assert "février 2027 (4 semaines) : 1 publication pour 8 ⚠ sous le rythme visé : du 1er au 7 février 2027 : " \
           "1 publication (il en manque 1) ; du 8 au 14 février 2027 : 0 publication (il en manque 2) ; " in text
    assert "X 1/mois janvier 2027 : 1 publication pour 1 (0 publiée, 1 prévue) ✓ février 2027 : 1 publication " \
           "pour 1 ✓ " in text
    assert "Blog 1/mois janvier 2027 : 0 article pour 1 ⚠ il en manque 1 février 2027 : 0 article pour 1 ⚠ " \
           "il en manque 1 " in text
    # The campaign: the weeks it runs (all of January's; two of February's).
    assert "rythme visé 1/semaine · LinkedIn janvier 2027 (4 semaines) : 2 publications pour 4 (1 publiée, " \
           "1 prévue) ⚠ sous le rythme visé : du 11 au 17 janvier 2027 : 0 publication (il en manque 1) ; du 25 au " \
           "31 janvier 2027 : 0 publication (il en manque 1) février 2027 (2 semaines) : 0 publication pour 2 ⚠ " \
           in text


def test_the_objectives_split_this_month_into_posts_published_and_posts_planned(tmp_path: Path) -> None:
    """Mid-January a manager read "janvier 2027 (4 semaines) : 3 publications pour 8" and asked how many of
    them were out already: this month's line (the one that holds the plan's now) says it, "1 publiée,
    2 prévues"; next month's, all to come, does not; nor does a month with nothing."""
    from edcal.outputs import calendar_page
    from helpers import write_planning_page

    write_planning_page(calendar_page, months_plan(), tmp_path)  # on 12 January 2027 at 10:00
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    text = html_text(page)
    assert "LinkedIn 2/semaine janvier 2027 (4 semaines) : 3 publications pour 8 (1 publiée, 2 prévues) ⚠ sous " \
           "le rythme visé : du 4 au 10 janvier 2027 (période écoulée) : 1 publication (il en manque 1) ; " in text, text
    assert "février 2027 (4 semaines) : 1 publication pour 8 ⚠ sous le rythme visé : du 1er au 7 février 2027 : " \
           "1 publication (il en manque 1) ; du 8 au 14 février 2027 : 0 publication (il en manque 2) ; " in text
    assert "X 1/mois janvier 2027 : 1 publication pour 1 (0 publiée, 1 prévue) ✓ " in text
    assert "Blog 1/mois janvier 2027 : 0 article pour 1 ⚠ il en manque 1 février 2027 : 0 article pour 1 ⚠ " \
           "il en manque 1 " in text
    assert "1/semaine · LinkedIn janvier 2027 (4 semaines) : 2 publications pour 4 (1 publiée, 1 prévue) ⚠ " \
           "sous le rythme visé : " in text
    # plan.json gives each month's posts gone out by now among those it counts.
    from edcal.outputs.plan_json import document

    plan = document(months_plan())
    linkedin = next(n for n in plan["networks"] if n["id"] == "linkedin")
    assert [(m["month"], m["planned"], m["published"]) for m in linkedin["months"]] == \
        [("2027-01", 3, 1), ("2027-02", 1, 0)]


def _figures(months: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """plan.json's months without the periods below the cadence they list."""
    return [{key: value for key, value in month.items() if key != "short"} for month in months]


def test_plan_json_gives_each_cadence_this_month_and_next() -> None:
    """The same figures for a dashboard: networks[].months, blog.months, campaigns[].months."""
    from edcal.outputs.plan_json import document

    plan = document(months_plan())
    networks = {n["id"]: {**n, "months": _figures(n["months"])} for n in plan["networks"]}
    assert networks["linkedin"]["months"] == [
        {"month": "2027-01", "planned": 3, "published": 1, "gone_out": 1, "unconfirmed": 0, "target": 8, "below": 4},
        {"month": "2027-02", "planned": 1, "published": 0, "gone_out": 0, "unconfirmed": 0, "target": 8, "below": 4}]
    assert networks["x"]["months"] == [{"month": "2027-01", "planned": 1, "published": 0, "gone_out": 0, "unconfirmed": 0, "target": 1, "below": 0},
                                       {"month": "2027-02", "planned": 1, "published": 0, "gone_out": 0, "unconfirmed": 0, "target": 1, "below": 0}]
    assert networks["mastodon"]["months"] == []
    assert {**plan["blog"], "months": _figures(plan["blog"]["months"])} == {"cadence": "1/month", "months": [
        {"month": "2027-01", "planned": 0, "published": 0, "gone_out": 0, "unconfirmed": 0, "target": 1, "below": 1},
        {"month": "2027-02", "planned": 0, "published": 0, "gone_out": 0, "unconfirmed": 0, "target": 1, "below": 1}]}
    assert _figures(plan["campaigns"][0]["months"]) == [
        {"month": "2027-01", "network": "linkedin", "planned": 2, "published": 1, "gone_out": 1, "unconfirmed": 0, "target": 4, "below": 2},
        {"month": "2027-02", "network": "linkedin", "planned": 0, "published": 0, "gone_out": 0, "unconfirmed": 0, "target": 2, "below": 2}]
    # And which periods fall below, as the page names them: the campaign's weeks of January without its post.
    assert plan["campaigns"][0]["months"][0]["short"] == [
        {"first_day": "2027-01-11", "last_day": "2027-01-17", "found": 0, "unconfirmed": 0, "over": False, "beyond_horizon": False},
        {"first_day": "2027-01-25", "last_day": "2027-01-31", "found": 0, "unconfirmed": 0, "over": False, "beyond_horizon": False}]
    assert plan["blog"]["months"][1]["short"] == [
        {"first_day": "2027-02-01", "last_day": "2027-02-28", "found": 0, "unconfirmed": 0, "over": False, "beyond_horizon": False}]
    assert [short["first_day"] for short in plan["networks"][0]["months"][0]["short"]] == \
        ["2027-01-04", "2027-01-11", "2027-01-18", "2027-01-25"]
    import jsonschema

    jsonschema.validate(plan, json.loads((ROOT / "docs" / "plan.schema.json").read_text(encoding="utf-8")))


def test_the_toolbar_leads_down_to_the_objectives(server: str, chromium: Any) -> None:
    """The objectives sat some 3,000 px down the calendar page, under the subscriptions, and the toolbar led
    to the subscriptions only. An « Objectifs » link beside « S'abonner » leads there, on a phone (a tap) and
    on a computer (the keyboard), where the months say where each cadence stands."""
    context = phone(chromium, server)
    page = context.new_page()
    page.goto(server + "index.html")
    tap_the_way_down(page, "to-objectives", "Objectifs", "objectives-title")
    linkedin = page.locator('.objectives tr[data-network="linkedin"] [data-count="months"]')
    # February has its 8 posts, but one week with none and another with 4: not on target. January's first week is
    # over and its 2 posts are not in the team's log: judged as the report judges it (the log's word).
    assert linkedin.inner_text().replace("\u00a0", " ") == \
        "janvier 2027 (4 semaines) : 10 publications pour 8 (0 publiée, 2 non confirmées, 8 prévues) ⚠ sous le " \
        "rythme visé : du 4 au 10 janvier 2027 (période écoulée) : 0 publication, 2 non confirmées (il en manque 2)\n" \
        "février 2027 (4 semaines) : 8 publications pour 8 ⚠ sous le rythme visé : du 22 au 28 février 2027 : " \
        "1 publication (il en manque 1)"
    assert page.evaluate(WIDER_JS, 390) == []
    screenshot(page, "planning-phone-objectives")
    context.close()
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server + "index.html")
    page.focus(".toolbar a.to-objectives:visible")
    page.keyboard.press("Enter")
    page.wait_for_function("Math.abs(document.getElementById('objectives-title').getBoundingClientRect().top) < 80")
    # « S'abonner » stays at the end of the toolbar, « Objectifs » just before it.
    toolbar = page.locator(".toolbar").bounding_box()
    feeds, objectives = (page.locator(f".toolbar a.{name}:visible").bounding_box() for name in ("to-feeds", "to-objectives"))
    assert feeds["x"] + feeds["width"] >= toolbar["x"] + toolbar["width"] - 1
    assert objectives["x"] + objectives["width"] <= feeds["x"] and objectives["y"] == feeds["y"]
    screenshot(page, "planning-objectives")
    page.close()


#: The toolbar's focus stops as the eye reads them: row by row (their middles' height), left to right.
TOOLBAR_SEEN_JS = """() => Array.from(document.querySelectorAll('.toolbar a, .toolbar button'))
  .filter(e => e.getClientRects().length)
  .map(e => ({box: e.getBoundingClientRect(), said: e.getAttribute('aria-label') || e.textContent.trim()}))
  .sort((a, b) => (Math.abs(a.box.top + a.box.height / 2 - b.box.top - b.box.height / 2) < a.box.height / 2
                   ? a.box.left - b.box.left : a.box.top - b.box.top))
  .map(e => e.said)"""


@pytest.mark.parametrize("width", [390, 360, 1280])
def test_the_toolbar_s_tab_order_is_the_order_it_shows(server: str, chromium: Any, width: int) -> None:
    """On a phone « Objectifs » showed right of the views, before ‹ Aujourd'hui ›, but the Tab key reached it
    after them (a stylesheet's `order` moved it on screen only): the Tab key goes through the toolbar as it
    reads, on a phone and on a computer alike."""
    page = chromium.new_page(viewport={"width": width, "height": 900})
    page.goto(server + "index.html")
    seen = page.evaluate(TOOLBAR_SEEN_JS)
    page.focus(".toolbar .views button")
    reached = []
    for _ in seen:
        reached.append(page.evaluate("document.activeElement.getAttribute('aria-label') || "
                                     "document.activeElement.textContent.trim()"))
        page.keyboard.press("Tab")
    assert reached == seen
    assert seen[-1] == "S'abonner"
    if width < 700:  # on a phone « Objectifs » is beside the views, on the first row
        assert seen[:4] == ["Mois", "Semaine", "Agenda", "Objectifs"]
    else:  # on a computer, at the end, before « S'abonner »
        assert seen[-2:] == ["Objectifs", "S'abonner"]
    page.close()


def test_a_campaign_shorter_than_its_cadence_s_period_is_said_over_its_days_not_a_week(tmp_path: Path) -> None:
    """A one-day campaign with `2/week` read "janvier 2027 (1 semaine) : 0 publication pour 2" and "⚠ 1 semaine
    sous le rythme visé", and its dates "mercredi 27 janvier 2027 – mercredi 27 janvier 2027": cadence-gap
    holds it to its cadence over its run, a day, which is what the page says now."""
    from edcal.outputs import calendar_page
    from helpers import PARIS_CALENDAR, calendar_from, plan_of, write_planning_page

    runs = (("un", "2027-01-27", "2027-01-27", "2/week"), ("trois", "2027-02-03", "2027-02-05", "2/week"),
            ("six", "2027-02-12", "2027-02-17", "1/month"))
    calendar = calendar_from(PARIS_CALENDAR + "campaigns:\n" + "".join(
        f"  - {{id: {id}, name: C-{id}, from: {first}, until: {last}, cadence: {cadence}, networks: [linkedin]}}\n"
        for id, first, last, cadence in runs))
    write_planning_page(calendar_page, plan_of(calendar, now="2027-01-12T10:00:00+01:00"), tmp_path)
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    rows = {id: html_text(row)
            for id, row in re.findall(r'<tr data-campaign="([^"]+)"[^>]*>(.*?)</tr>', page, re.S)}
    assert rows["un"].startswith("C-un mercredi 27 janvier 2027 à venir "), rows["un"]
    assert "rythme visé 2/semaine · LinkedIn janvier 2027 (son seul jour) : 0 publication pour 2 ⚠ il en manque 2 " \
           "⚠ sous le " \
           "rythme visé sur toute sa durée le mercredi 27 janvier 2027 : 0 publication" in rows["un"], rows["un"]
    assert "mercredi 3 février 2027 – vendredi 5 février 2027" in rows["trois"]
    assert "février 2027 (ses 3 jours) : 0 publication pour 2 ⚠ il en manque 2 ⚠ sous le rythme visé sur toute sa durée du 3 " \
           "au 5 février 2027 : 0 publication" in rows["trois"], rows["trois"]
    assert "rythme visé 1/mois · LinkedIn février 2027 (ses 6 jours) : 0 publication pour 1 ⚠ il en manque 1 ⚠ sous le rythme " \
           "visé sur toute sa durée du 12 au 17 février 2027" in rows["six"], rows["six"]


def test_a_campaign_s_periods_below_its_cadence_on_two_networks_each_say_their_network(tmp_path: Path) -> None:
    """A three-day campaign on LinkedIn and X, with no post: its periods read "du 3 au 5 février 2027 :
    0 publication, du 3 au 5 février 2027 : 0 publication", twice the same words for two networks."""
    from edcal.outputs import calendar_page
    from helpers import PARIS_CALENDAR, calendar_from, plan_of, write_planning_page

    calendar = calendar_from(PARIS_CALENDAR + "campaigns:\n  - {id: deux, name: C-deux, from: 2027-02-03, "
                             "until: 2027-02-05, cadence: 2/week, networks: [linkedin, x]}\n")
    write_planning_page(calendar_page, plan_of(calendar, now="2027-01-12T10:00:00+01:00"), tmp_path)
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    row = next(html_text(row)
               for id, row in re.findall(r'<tr data-campaign="([^"]+)"[^>]*>(.*?)</tr>', page, re.S) if id == "deux")
    assert "LinkedIn : du 3 au 5 février 2027 : 0 publication, X : du 3 au 5 février 2027 : 0 publication" \
        in row, row


#: The roles the phone's cards of a table write (outputs/pages.py's card_table): WebKit (Safari, VoiceOver)
#: drops a table's semantics once the style sheet changes its display, so they are said again; the checker
#: calls them unnecessary, as they are in every other browser.
CARD_TABLE_ROLES = (r"The \u201c(table|rowgroup|row|columnheader|rowheader|cell)\u201d role is unnecessary for "
                    r"element \u201c(table|thead|tbody|tr|th|td)\u201d\.")


def test_every_planning_page_passes_the_nu_html_checker(sample: Path) -> None:
    """The blog's pages were checked, the team's were not: the calendar's legend named by an aria-label the
    checker doubts on a list (a screen reader may not say it) went unseen."""
    pages = sorted((sample / "planning").rglob("*.html"))
    names = {page.relative_to(sample / "planning").as_posix() for page in pages}
    assert {"index.html", "report.html", "drafts/index.html", "share/index.html", "agenda/2027-01.html",
            "drafts/2027-01.html"} <= names, names
    assert nu_problems(pages, allowed=(CARD_TABLE_ROLES,)) == []


def test_a_past_posts_text_is_linked_as_its_text_not_as_a_draft(sample: Path) -> None:
    """A manager's trial read "Brouillon" beside a post marked gone out: the file is what was (or was to be)
    posted. A post to come still links its draft."""
    month = (sample / "planning" / "agenda" / "2027-01.html").read_text(encoding="utf-8")
    past = dict(re.findall(r'<a href="\.\./(drafts/[^"]+)">([^<]+)</a>', month))
    assert past["drafts/linkedin/2027-01-05T1215-voeux-2027-linkedin.txt"] == "Texte"
    to_come = dict(re.findall(r'<a href="(drafts/[^"]+)">([^<]+)</a>',
                              (sample / "planning" / "index.html").read_text(encoding="utf-8")))
    assert to_come["drafts/2027-01.html#item-coulisses-atelier-instagram-20270113"] == "Brouillon"


def test_a_months_agenda_page_gives_each_networks_self_promotion_as_the_check_judges_it(tmp_path: Path) -> None:
    """A manager needed March's self-promotion per network on 12 January: the home page gives this month and
    next only, and they had to rebuild with another EDCAL_NOW. Each month's page gives its own, with ⚠ on the
    network-months `edcal check --only self-promotion` reports for that month, and "non évalué" below its
    minimum."""
    from edcal.checks import run_checks
    from edcal.model.days import start_of_day
    from edcal.outputs import calendar_page
    from helpers import PARIS_CALENDAR, calendar_from, plan_of, write_planning_page

    def month_posts(network: str, year_month: str, count: int, promotional: int) -> str:
        return "".join(f"  - {{id: {network}-{year_month}-{n}, at: {year_month}-{10 + n} 09:00, networks: [{network}], "
                       f"text: Texte {n}{', promotional: true' if n < promotional else ''}}}\n"
                       for n in range(count))

    calendar = calendar_from(PARIS_CALENDAR + "posts:\n" + month_posts("x", "2027-03", 5, 3)
                             + month_posts("linkedin", "2027-03", 2, 1) + month_posts("mastodon", "2027-03", 6, 1)
                             + month_posts("x", "2027-01", 5, 1) + month_posts("linkedin", "2027-02", 6, 2))
    plan = plan_of(calendar, now="2027-01-12T10:00:00+01:00")
    write_planning_page(calendar_page, plan, tmp_path)
    zone = plan.calendar.zone

    def shown(month: str) -> dict[str, str]:
        page = html.unescape((tmp_path / "agenda" / f"{month}.html").read_text(encoding="utf-8"))
        table = re.search(r'<table class="shares"[^>]*>.*?</table>', page, re.DOTALL)
        assert table is not None, month
        return {name: " ".join(re.sub(r"<[^>]+>", " ", cell).replace("\u00a0", " ").split())
                for name, cell in re.findall(r'<th scope="row"[^>]*>(.*?)</th>\s*(<td.*?</td>)', table.group(0),
                                             re.DOTALL)}

    march = shown("2027-03")
    assert march == {"LinkedIn": "50 % (1 sur 2 publications) au-dessus du plafond, mais moins de 5 publications : "
                                 "non évalué",
                     "Mastodon": "17 % (1 sur 6 publications)", "X": "60 % (3 sur 5 publications) ⚠"}
    page = html_text((tmp_path / "agenda" / "2027-03.html").read_text(encoding="utf-8"))
    assert "Autopromotion en mars 2027 (plafond 20 %)" in page
    # Each month's ⚠ are the network-months the check reports for that month, no more, no fewer.
    names = {n.name: n.id for n in plan.calendar.networks.values()}
    for month in ("2027-01", "2027-02", "2027-03"):
        first = dt.date.fromisoformat(f"{month}-01")
        following = (first + dt.timedelta(days=31)).replace(day=1)
        found = run_checks(plan, since=start_of_day(first, zone), until=start_of_day(following, zone),
                           only=["self-promotion"])
        reported = sorted(dict(f.data)["network"] for f in found if dict(f.data)["month"] == month)
        assert sorted(names[name] for name, cell in shown(month).items() if "⚠" in cell) == reported, month
    assert shown("2027-01") == {"X": "20 % (1 sur 5 publications)"}
    assert shown("2027-02") == {"LinkedIn": "33 % (2 sur 6 publications) ⚠"}
    # The home page's columns for this month and next say the same.
    home = html.unescape((tmp_path / "index.html").read_text(encoding="utf-8")).replace("\u00a0", " ")
    row = re.search(r'<tr data-network="linkedin"[^>]*>.*?</tr>', home, re.DOTALL).group(0)
    assert "33 % (2 sur 6 publications) ⚠" in " ".join(re.sub(r"<[^>]+>", " ", row).split())
