"""Every kind of page edcal builds, audited the way the RGAA and WCAG 2.2 AA ask, in headless Chromium.

axe-core (the reference engine, pinned in tests/js/package.json) checks each page of the blog and of
the planning site in the light and dark schemes, on a desktop and a phone; the tests after it check by
hand what axe cannot: the planning site used with the keyboard alone, and what it says to screen readers.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser import browser, serve
from conftest import EPOCH, ROOT, copy_sample, run_edcal

pytestmark = pytest.mark.e2e

AXE = ROOT / "tests" / "js" / "node_modules" / "axe-core" / "axe.min.js"
#: WCAG 2.0 and 2.1, levels A and AA, what the RGAA 4 is built on, and 2.2's AA (its 24 px targets, 2.5.8).
RUN_AXE = """() => axe.run(document, {runOnly: {type: "tag",
                                            values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
                                  resultTypes: ["violations"]})"""
#: Folded content is audited too: the agenda's items, the drafts' and the phone's folded filters.
OPEN_DETAILS = "() => document.querySelectorAll('details').forEach(d => { d.open = true; })"

#: An article with a wide table and a long line of code, which the sample site has none of.
TABLE_AND_CODE = """\
---
title: "Nos tarifs indicatifs, et le calcul du devis"
date: 2026-09-15 09:00
category: Conseils
tags: [garde-corps]
authors: Malik Haddad
---
Les prix au mètre linéaire de nos garde-corps, posés, selon le métal et la finition.

| Métal | Finition | Intérieur (€/m) | Extérieur (€/m) | Délai de fabrication | Garantie de la finition |
|---|---|---|---|---|---|
| Acier | Thermolaqué | 320 | 380 | 4 semaines | 10 ans |
| Inox 316L | Brossé | 540 | 560 | 5 semaines | 15 ans |

Le devis est calculé ainsi :

```python
def devis(metres: float, metal: str, exterieur: bool) -> float:
    return metres * TARIFS[metal]["exterieur" if exterieur else "interieur"] * (1 + TVA_RENOVATION_LOGEMENT_ANCIEN)
```
"""

BLOG = [
    "index.html", "index2.html",                       # the home page and a list's second page
    "2026/verriere-atelier/", "2026/tarifs-et-commandes/",  # an article with an image; one with a table and code
    "en/2026/pourquoi-un-blog/",                       # the theme in English
    "tag/acier/", "categorie/conseils/", "auteur/malik-haddad/", "archives.html", "404.html", "a-propos/",
    "liens/",                                          # the link-in-bio page (link_in_bio:)
]
PLANNING = [
    "index.html?view=month", "index.html?view=week&owner=camille", "index.html?view=agenda&network=linkedin",
    "agenda/2027-01.html", "drafts/index.html", "drafts/2027-01.html", "share/index.html", "report.html",
    "drafts/2027-02.html",                             # a video post's card
    "index.html?view=week&date=2027-08-02", "agenda/2027-08.html",  # an absence and who stands in
]
SCREENS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site on Tuesday 12 January 2027, with a table and code, four articles a page."""
    site = copy_sample(tmp_path_factory.mktemp("a11y") / "sample")
    (site / "content" / "articles" / "tarifs-et-commandes.md").write_text(TABLE_AND_CODE, encoding="utf-8")
    with (site / "pelicanconf.py").open("a", encoding="utf-8") as settings:
        settings.write("DEFAULT_PAGINATION = 4\n")
    result = run_edcal("build", cwd=site, env={"EDCAL_NOW": "2027-01-12T10:00", "SOURCE_DATE_EPOCH": EPOCH})
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def addresses(site: Path) -> Iterator[tuple[str, str]]:
    """The blog at the root of its server (its 404 page links from there), the planning site on another."""
    with serve(site / "output") as blog, serve(site / "planning") as planning:
        yield blog, planning


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    with browser() as instance:
        yield instance


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("screen", ["desktop", "phone"])
def test_axe_finds_no_wcag_violation_on_any_page(addresses: tuple[str, str], chromium: Any, screen: str,
                                                 scheme: str) -> None:
    assert AXE.is_file(), "axe-core is missing: `make test` installs it (scripts/ensure-test-tools.sh)"
    blog, planning = addresses
    phone = screen == "phone"
    context = chromium.new_context(viewport=SCREENS[screen], color_scheme=scheme, is_mobile=phone, has_touch=phone)
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    found = []
    for url in [blog + path for path in BLOG] + [planning + path for path in PLANNING]:
        response = page.goto(url)
        assert response and response.ok, url
        page.evaluate(OPEN_DETAILS)
        for violation in page.evaluate(RUN_AXE)["violations"]:
            for node in violation["nodes"]:
                found.append(f"{url.split('/', 3)[3]} [{' '.join(map(str, node['target']))}]: {violation['id']} — "
                             f"{violation['help']} ({violation['impact']})\n    {node['html'][:160]}")
    context.close()
    if found:
        pytest.fail(f"{screen}, {scheme} scheme: {len(found)} violations of WCAG 2.2 AA\n" + "\n".join(found),
                    pytrace=False)


#: The focused element, named as a person hears it (a filter by what it filters), and whether its ring shows.
FOCUSED = """() => { const e = document.activeElement; const s = getComputedStyle(e);
  return [e.dataset.filter || e.getAttribute("aria-label") || e.textContent.trim().replace(/\\s+/g, " "),
          e.matches(":focus-visible") && s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2]; }"""
#: The item (tile, agenda row, card) the focused element belongs to, and its tag.
FOCUSED_ITEM = """() => { const e = document.activeElement, item = e.closest("[data-item-id]");
  return [e.tagName.toLowerCase(), item ? item.dataset.itemId : null, e.matches(":focus-visible")]; }"""


def test_the_calendar_is_used_with_the_keyboard_alone(addresses: tuple[str, str], chromium: Any) -> None:
    """Views, periods, filters and tiles, from the keyboard: in the order they are seen, the focus always shown."""
    planning = addresses[1]
    page = chromium.new_page(viewport=SCREENS["desktop"])
    page.goto(planning + "index.html")
    stops = []
    for _ in range(21):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUSED))
    assert [name for name, _ in stops[:20]] == [
        "Aller au contenu", "Calendrier", "Brouillons à relire", "Bilan", "À partager", "Publications en tableur (CSV)",
        "plan.json", "network", "owner", "campaign", "status", "Effacer les filtres", "Mois", "Semaine", "Agenda",
        "Mois précédent\u00a0: décembre 2026", "Aujourd'hui", "Mois suivant\u00a0: février 2027", "Objectifs",
        "S'abonner"]  # the toolbar's ways down
    assert stops[20][0].startswith("[")  # then the month's first tile: "[Instagram] Les coulisses de l'atelier"
    assert all(shown for _, shown in stops), [name for name, shown in stops if not shown]
    # The view switcher: pressed from the keyboard, it says which view is on; the new period is announced.
    assert page.get_attribute("#period", "aria-live") == "polite"
    page.focus('button[data-view="week"]')
    page.keyboard.press("Enter")
    assert page.get_attribute('button[data-view="week"]', "aria-pressed") == "true"
    assert page.inner_text("#period") == "Semaine du 11 au 17 janvier 2027"
    # Today is said, not only tinted: aria-current on its day, in the week and the month.
    assert page.eval_on_selector_all('#view-week [aria-current="date"]', "els => els.map(e => e.dataset.date)") == \
        ["2027-01-12"]
    page.focus('button[data-view="month"]')
    page.keyboard.press("Space")
    assert page.inner_text("#period") == "janvier 2027"
    assert page.eval_on_selector_all('#view-month [aria-current="date"]', "els => els.map(e => e.dataset.date)") == \
        ["2027-01-12"]
    # A filter chosen with the arrow keys: what it leaves is said in the form's polite status.
    page.focus('select[data-filter="network"]')
    page.keyboard.press("ArrowDown")
    assert page.input_value('select[data-filter="network"]') == "bluesky"
    shown = page.locator("#view-month [data-item-id]:visible").count()
    status = page.locator(".filters [data-shown-count]")
    assert status.get_attribute("role") == "status" and status.text_content() == f"{shown} éléments affichés"
    page.keyboard.press("ArrowUp")
    page.close()


def test_a_busy_day_opened_from_the_keyboard_gives_the_focus_to_the_tiles_it_shows(addresses: tuple[str, str],
                                                                                   chromium: Any) -> None:
    """"+2 autres" shows tiles that come before it in the page: the focus stayed on the button, and Tab went on to
    the next day, past the tiles just shown (a screen reader read past them too)."""
    page = chromium.new_page(viewport=SCREENS["desktop"])
    page.goto(addresses[1] + "index.html?view=month")
    day = page.locator('#view-month td[data-date="2027-01-12"]')
    button = day.locator("button.more")
    assert button.inner_text() == "+2 autres"
    hidden = day.locator(".item.folded a[data-agenda]").evaluate_all("links => links.map(a => a.dataset.agenda)")
    assert len(hidden) == 2
    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    assert page.evaluate(FOCUSED_ITEM) == ["a", hidden[0], True]
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED_ITEM)[1] == hidden[1]
    page.keyboard.press("Tab")  # then the button, which folds them again and keeps the focus
    assert button.evaluate("b => b === document.activeElement")
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "false" and button.evaluate("b => b === document.activeElement")
    page.close()


def test_a_tile_opened_from_the_keyboard_gives_the_focus_to_its_item_and_back(addresses: tuple[str, str],
                                                                              chromium: Any) -> None:
    """A month's tile opens its item: the focus goes to the item's summary, and Back brings it to the tile.

    An item of a later month opens on that month's page, where the focus was lost (the browser took it back
    when it scrolled to the item); Back came to the calendar with the focus at the top of the page.
    """
    planning = addresses[1]
    page = chromium.new_page(viewport=SCREENS["desktop"])
    for start, tile, opened in (("index.html", "salon-j-7-linkedin", "index.html?view=agenda#item-"),
                                ("index.html?date=2027-04", "astuce-du-jeudi-linkedin-20270401", "agenda/2027-04.html#item-")):
        page.goto(planning + start)
        page.focus(f'#view-month a[data-agenda="{tile}"]')
        page.keyboard.press("Enter")
        page.wait_for_url(f"**/{opened}{tile}")
        page.wait_for_load_state("load")
        page.wait_for_function(f"document.activeElement.closest('[data-item-id]')?.dataset.itemId === '{tile}'",
                               timeout=5000)
        assert page.evaluate(FOCUSED_ITEM) == ["summary", tile, True], start
        page.keyboard.press("Enter")  # the summary folds and unfolds its item
        assert page.locator(f"#item-{tile} details").get_attribute("open") is None
        page.go_back()
        page.wait_for_url(f"**/{start}")
        page.wait_for_function(f"document.activeElement.getAttribute('data-agenda') === '{tile}'", timeout=5000)
        assert page.evaluate(FOCUSED_ITEM) == ["a", tile, True], start
    page.close()


def test_copy_buttons_work_from_the_keyboard_and_say_so(addresses: tuple[str, str], chromium: Any) -> None:
    planning = addresses[1]
    context = chromium.new_context(viewport=SCREENS["desktop"])
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=planning.rstrip("/"))
    page = context.new_page()
    for path, card in (("drafts/2027-01.html", "#item-salon-j-7-linkedin"),
                       ("share/index.html", '[data-item-id="words-salon-industrie-2027-linkedin"]')):
        page.goto(planning + path)
        button = page.locator(f"{card} button.copy").last  # the text's (a card's alt text has one too)
        button.focus()
        page.keyboard.press("Enter")
        status = page.locator(f"#{button.get_attribute('data-copy')}-status")
        status.filter(has_text="Copié").wait_for(timeout=5000)
        assert status.get_attribute("aria-live") == "polite"
        assert page.evaluate(FOCUSED)[1] and button.evaluate("b => b === document.activeElement"), path
    context.close()


def test_an_edited_share_text_says_that_its_length_is_no_longer_counted(addresses: tuple[str, str],
                                                                         chromium: Any) -> None:
    """The note that the length shown is the suggested text's appeared on screen only (the length struck through)."""
    page = chromium.new_page(viewport=SCREENS["desktop"])
    page.goto(addresses[1] + "share/index.html")
    card = page.locator('[data-item-id="words-salon-industrie-2027-linkedin"]')
    card.locator("textarea").press("End")
    page.keyboard.type(" Venez !")
    note = card.locator(".edited")
    assert note.is_visible() and "vous dira s'il est trop long" in note.inner_text()
    assert note.evaluate("n => n.closest('[role=status], [aria-live=polite]') !== null")
    page.close()


def test_tables_and_code_in_the_text_take_the_focus_that_scrolls_them() -> None:
    from edcal.blog.typography import keyboard_scrollers

    assert keyboard_scrollers('<table>\n<pre class="x"><code>a > b</code></pre>') == \
        '<table tabindex="0">\n<pre class="x" tabindex="0"><code>a > b</code></pre>'
    kept = '<table tabindex="-1"><tr><td><p>preface</p></td></tr></table>'
    assert keyboard_scrollers(kept) == kept
    # In linear time: each unclosed opening was read to the end of the text (140 s for these 200 kB).
    started = time.process_time()
    keyboard_scrollers("<pre " * 20000 + "<table a='" * 20000)
    assert time.process_time() - started < 1


#: Everything the Tab key should reach, in the page's order.
TABBABLE = """() => Array.from(document.querySelectorAll("a[href], button, select, textarea, summary, [tabindex]"))
  .filter(e => e.tabIndex >= 0 && e.getClientRects().length && !e.closest("[hidden], details:not([open]) > :not(summary)"))"""


@pytest.mark.parametrize("path", ["share/index.html", "drafts/2027-03.html"])
def test_tab_goes_through_every_control_once_in_order_and_leaves(addresses: tuple[str, str], chromium: Any,
                                                                 path: str) -> None:
    """Nothing traps the keyboard (a text box, a copy button): Tab goes from the first control to the last."""
    page = chromium.new_page(viewport=SCREENS["desktop"])
    page.goto(addresses[1] + path)
    count = page.evaluate(f"({TABBABLE})().length")
    for index in range(count):
        page.keyboard.press("Tab")
        assert page.evaluate(f"document.activeElement === ({TABBABLE})()[{index}]"), (index, page.evaluate(FOCUSED))
        assert page.evaluate(FOCUSED)[1], (index, page.evaluate(FOCUSED))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement === document.body || !document.hasFocus()")
    page.close()


#: How an element is drawn, as far as the eye can tell it from its neighbours: its background (its parent's where
#: it has none), its text, and its borders and outline where they stand out from that background.
LOOK = """e => {
  const clear = c => c === "transparent" || /^rgba\\(.*, 0\\)$/.test(c);
  const paint = el => { for (; el; el = el.parentElement) { const c = getComputedStyle(el).backgroundColor;
                        if (!clear(c)) return c; } return "rgb(255, 255, 255)"; };
  const s = getComputedStyle(e), ground = paint(e);
  const line = (style, width, colour) => style !== "none" && style !== "hidden" && parseFloat(width) > 0
    && colour !== ground && !clear(colour) ? `${width} ${colour}` : "";
  return [ground, s.color, s.fontWeight, s.textDecorationLine, s.boxShadow,
          line(s.outlineStyle, s.outlineWidth, s.outlineColor),
          ...["Top", "Right", "Bottom", "Left"].map(side =>
            line(s[`border${side}Style`], s[`border${side}Width`], s[`border${side}Color`]))].join(" | "); }"""


def test_what_is_current_still_shows_in_forced_colours(addresses: tuple[str, str], chromium: Any) -> None:
    """Windows' contrast themes (forced colours) repaint every colour and drop shadows: the blog's menu underlined
    every item alike (its other items' transparent underline took the links' colour), the calendar's view buttons
    all looked unpressed and today was a day like the others (its ring was a shadow)."""
    blog, planning = addresses
    page = chromium.new_page(viewport=SCREENS["desktop"], forced_colors="active")
    for url, current, others in (
            (blog + "2026/verriere-atelier/", ".site-nav a[aria-current]", ".site-nav a:not([aria-current])"),
            (blog + "archives.html", ".site-nav a[aria-current]", ".site-nav a:not([aria-current])"),
            (planning + "index.html", '.views button[aria-pressed="true"]', '.views button[aria-pressed="false"]'),
            (planning + "index.html", '#view-month td[aria-current="date"]', "#view-month td.in:not(.today)"),
            (planning + "index.html?view=week", '#view-week [aria-current="date"]', "#view-week .day:not(.today)")):
        page.goto(url)
        assert page.evaluate("matchMedia('(forced-colors: active)').matches")
        look = page.locator(current).evaluate(LOOK)
        alike = [text for text, seen in page.locator(others).evaluate_all(
            f"els => els.map(e => [e.textContent.trim().slice(0, 30), ({LOOK})(e)])") if seen == look]
        assert not alike, f"{url}: {current} looks like {alike}: {look}"
    page.close()


def test_a_months_tile_tells_a_screen_reader_whose_it_is(addresses: tuple[str, str], chromium: Any) -> None:
    """On a computer with a mouse, a month's tile keeps its owner and campaign for its tooltip, which a screen
    reader does not read (nor the keyboard show): they were hidden from it too, said in the week and agenda only."""
    page = chromium.new_page(viewport=SCREENS["desktop"])
    page.goto(addresses[1] + "index.html?view=month")
    assert page.evaluate("matchMedia('(hover: hover)').matches")
    tile = page.locator('#view-month [data-item-id="coulisses-atelier-instagram-20270113"]')
    shown = tile.locator(".who").bounding_box()
    assert shown is None or shown["height"] <= 1  # the tile stays short on screen
    assert page.locator('#view-month td[data-date="2027-01-13"]').aria_snapshot().splitlines()[0] == \
        """- cell "13 Salon Industrie Rhône-Alpes 2027 18:00 [Instagram] Les coulisses de l'atelier planifié """ \
        """· Camille Roux":"""
    page.close()


def test_the_month_s_columns_tell_a_screen_reader_their_whole_day(addresses: tuple[str, str], chromium: Any) -> None:
    """The month view's column headings show "lun.", "mar.": a screen reader read out "lun point" over every day
    of the column. Each says its whole day, as Chromium gives it to screen readers; the screen keeps the short."""
    page = chromium.new_page(viewport=SCREENS["desktop"])
    page.goto(addresses[1] + "index.html?view=month")
    headings = page.locator("#view-month thead th")
    assert headings.all_inner_texts() == ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."]
    cdp = page.context.new_cdp_session(page)
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    names = []
    for node in cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": "#view-month thead th"})["nodeIds"]:
        ax = cdp.send("Accessibility.getPartialAXTree", {"nodeId": node, "fetchRelatives": False})["nodes"][0]
        names.append((ax["role"]["value"], ax["name"]["value"]))
    assert names == [("columnheader", day) for day in
                     ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")]
    # A mouse shows the whole day too, in the abbreviation's tooltip.
    assert page.locator("#view-month thead th abbr").first.get_attribute("title") == "lundi"
    page.close()


@pytest.mark.parametrize("screen", ["desktop", "phone"])
def test_tab_stops_on_a_table_only_when_it_scrolls(addresses: tuple[str, str], chromium: Any, screen: str) -> None:
    """A table's box took the focus (so that the arrow keys scroll it) even where the table fitted: the report's
    six tables, the calendar page's three and the drafts' months were each a Tab stop that did nothing."""
    planning = addresses[1]
    page = chromium.new_page(viewport=SCREENS[screen])
    for path in ("report.html", "index.html", "drafts/index.html"):
        page.goto(planning + path)
        stops = page.evaluate(f"({TABBABLE})().map(e => e.className)")
        assert "scroll" not in stops, path
    # A table wider than its box (a long name, a bigger font) is a stop again, and scrolls with the arrow keys.
    page.add_style_tag(content=".scroll table { min-width: 2000px; }")
    box = page.locator(".scroll").first
    page.wait_for_function("document.querySelector('.scroll').tabIndex === 0", timeout=5000)
    box.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("document.querySelector('.scroll').scrollLeft > 0", timeout=5000)
    page.close()


#: What Chromium gives screen readers for an element: its role, its name and its description.
def spoken(page: Any, selector: str) -> tuple[str, str, str]:
    cdp = page.context.new_cdp_session(page)
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    ax = cdp.send("Accessibility.getPartialAXTree", {"nodeId": node, "fetchRelatives": False})["nodes"][0]
    role, name, description = (ax.get(key, {}).get("value", "") for key in ("role", "name", "description"))
    return role, name, " ".join(description.split())


def test_a_tile_reached_with_the_tab_key_says_its_day_and_time(addresses: tuple[str, str], chromium: Any) -> None:
    """Tab through the month or the week: a screen reader said "[Instagram] Les coulisses de l'atelier", the same
    every Wednesday, and "+2 autres", without the day (the cell's number and the tile's time are not in the link)."""
    page = chromium.new_page(viewport=SCREENS["desktop"])
    tile = 'a[data-agenda="coulisses-atelier-instagram-20270113"]'
    for view in ("month", "week"):
        page.goto(addresses[1] + f"index.html?view={view}")
        assert spoken(page, f"#view-{view} {tile}") == \
            ("link", "[Instagram] Les coulisses de l'atelier", "mercredi 13 janvier 2027 18:00"), view
    # A deadline has a day and no time; the button that shows a busy day's other tiles says which day.
    page.goto(addresses[1] + "index.html?view=month")
    assert spoken(page, '#view-month a[data-agenda="idea-journee-portes-ouvertes-draft-due"]')[2] == \
        "vendredi 22 janvier 2027"
    assert spoken(page, '#view-month td[data-date="2027-01-12"] button.more') == \
        ("button", "+2 autres", "mardi 12 janvier 2027")
    page.close()


def test_a_text_box_says_the_length_of_its_text(addresses: tuple[str, str], chromium: Any) -> None:
    """The length and the limit ("Longueur : 226 / 3 000") stood between the card's image and its text box: reached
    with the Tab key, the box said its text and not its length, nor the checks' word that it is too long."""
    page = chromium.new_page(viewport=SCREENS["desktop"])
    page.goto(addresses[1] + "drafts/2027-01.html")
    card = "#item-salon-j-7-linkedin"
    assert spoken(page, f"{card} textarea#text-salon-j-7-linkedin") == (
        "textbox", "Texte à publier sur LinkedIn, mardi 19 janvier 2027 09:00",
        "Longueur : 226 / 3 000 — caractères Unicode (points de code)")
    assert spoken(page, f"{card} textarea#comment-salon-j-7-linkedin")[2] == \
        "Longueur du premier commentaire : 139 / 1 250"
    page.goto(addresses[1] + "share/index.html")
    assert spoken(page, "textarea#words-salon-industrie-2027-linkedin")[2].startswith(
        "Longueur du texte proposé : ")
    page.close()


def test_every_table_of_the_planning_site_has_a_name(addresses: tuple[str, str], chromium: Any) -> None:
    """A screen reader lists a page's tables by name: the report's six were each "table" (their headings stand above
    them, outside), where the calendar page's and the drafts' have their caption."""
    page = chromium.new_page(viewport=SCREENS["desktop"])
    names = {}
    for path in ("report.html", "index.html?view=month", "drafts/index.html"):
        page.goto(addresses[1] + path)
        cdp = page.context.new_cdp_session(page)
        names[path] = [node.get("name", {}).get("value", "") for node in cdp.send("Accessibility.getFullAXTree")["nodes"]
                       if node.get("role", {}).get("value") == "table"]
    assert [" ".join(name.split()) for name in names["report.html"][:3]] == \
        ["Campagnes", "janvier 2027 (en cours : chiffres au mardi 12 janvier 2027)", "décembre 2026"]
    assert all(names.values()) and all(all(table) for table in names.values()), names
    page.close()


def test_a_day_of_the_month_before_or_after_says_its_month(addresses: tuple[str, str], chromium: Any) -> None:
    """January's grid starts on Monday 28 December, greyed: a screen reader said "28" (a January 28th, as heard)
    then "1", the colour being the only sign of another month."""
    page = chromium.new_page(viewport=SCREENS["desktop"])
    page.goto(addresses[1] + "index.html?view=month")
    first_line = "els => els.map(e => e.innerText.replace(/\\s+/g, ' ').trim().split(' ').slice(0, 2).join(' '))"
    assert page.locator("#view-month tbody tr").first.locator("td .num").evaluate_all(first_line) == \
        ["28 décembre", "29 décembre", "30 décembre", "31 décembre", "1", "2", "3"]
    assert page.locator('#view-month td[data-date="2026-12-28"]').aria_snapshot().startswith('- cell "28 décembre')
    said = page.locator('#view-month td[data-date="2026-12-28"] .num .visually-hidden').bounding_box()
    assert said and said["width"] <= 1  # the screen shows "28", as before
    page.close()


def test_the_blog_s_separators_are_not_read_out(addresses: tuple[str, str], chromium: Any) -> None:
    """An article's date, author and reading time are set apart by a dot the style sheet draws: a screen reader
    read it with the words ("12 janvier 2027 ·par Camille Roux ·1 min de lecture")."""
    page = chromium.new_page(viewport=SCREENS["desktop"])
    page.goto(addresses[0] + "index.html")
    meta = page.locator("main article .meta__item").first.locator("..")
    assert meta.locator(".meta__item").first.evaluate("e => getComputedStyle(e, '::before').content").startswith(
        '"·"')  # on screen
    assert "·" not in meta.aria_snapshot(), meta.aria_snapshot()
    page.close()


def test_the_period_buttons_say_which_period_they_lead_to(addresses: tuple[str, str], chromium: Any) -> None:
    """"‹" and "›" were "Précédent" and "Suivant" to a screen reader, in the month as in the week: which period
    they open was to be guessed. They say it, and say the new one once pressed."""
    page = chromium.new_page(viewport=SCREENS["desktop"])
    page.goto(addresses[1] + "index.html?view=month")
    named = "() => [document.getElementById('prev'), document.getElementById('next')].map(b => b.getAttribute('aria-label'))"
    assert page.evaluate(named) == ["Mois précédent\u00a0: décembre 2026", "Mois suivant\u00a0: février 2027"]
    assert spoken(page, "#prev") == ("button", "Mois précédent\u00a0: décembre 2026", "")
    page.click("#next")
    assert page.evaluate(named) == ["Mois précédent\u00a0: janvier 2027", "Mois suivant\u00a0: mars 2027"]
    page.click('button[data-view="week"]')
    assert page.inner_text("#period") == "Semaine du 1er au 7 février 2027"
    assert page.evaluate(named) == ["Semaine précédente\u00a0: semaine du 25 au 31 janvier 2027",
                                    "Semaine suivante\u00a0: semaine du 8 au 14 février 2027"]
    page.close()


def test_a_cadence_is_read_as_it_is_said(addresses: tuple[str, str], chromium: Any) -> None:
    """The report's cadence, "2/semaine", was read "2 barre oblique semaine": it is "2 par semaine" to a screen
    reader, and stays "2/semaine" on screen."""
    page = chromium.new_page(viewport=SCREENS["desktop"])
    page.goto(addresses[1] + "report.html")
    cell = page.locator('table[aria-labelledby="month-2027-01-title"] tr[data-network="linkedin"] td').first
    assert cell.aria_snapshot() == '- cell "2 par semaine"'
    shown = cell.locator("[aria-hidden=true]")
    assert shown.inner_text() == "2/semaine" and shown.is_visible()
    said = cell.locator(".visually-hidden").bounding_box()
    assert said and said["width"] <= 1
    page.close()


def sample_built_with(tmp_path: Path, old: str, new: str) -> Path:
    """The sample site with ``old`` in its calendar.yaml made ``new``, built on 12 January 2027 whatever its
    checks say."""
    site = copy_sample(tmp_path / "sample")
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    result = run_edcal("build", "--no-check", cwd=site, env={"EDCAL_NOW": "2027-01-12T10:00", "SOURCE_DATE_EPOCH": EPOCH})
    assert result.returncode == 0, result.stderr[-2000:]
    return site


def test_a_length_over_its_limit_says_so_in_words(tmp_path: Path, chromium: Any) -> None:
    """A length over the network's limit was shown in red bold only, which a screen reader does not say, nor a
    reader who cannot tell red apart: the line says by how much, as the card's finding does."""
    site = sample_built_with(tmp_path, "    account: Atelier Morel\n",
                             "    account: Atelier Morel\n    limit: 200\n    comment_limit: 100\n")
    with serve(site / "planning") as planning:
        page = chromium.new_page(viewport=SCREENS["desktop"])
        page.goto(planning + "drafts/2027-01.html")
        card = "#item-salon-j-7-linkedin"
        assert spoken(page, f"{card} textarea#text-salon-j-7-linkedin")[2] == (
            "Longueur : 226 / 200, soit 26 de plus que la limite — caractères Unicode (points de code)")
        assert spoken(page, f"{card} textarea#comment-salon-j-7-linkedin")[2] == \
            "Longueur du premier commentaire : 139 / 100, soit 39 de plus que la limite"
        assert "soit 26 de plus que la limite de 200" in page.locator(f"{card} .findings").first.inner_text()
        assert page.locator(f"{card} .length").is_visible()
        page.close()


#: The text a person gets by selecting an element's text and copying it (Chromium's selection, as Ctrl+C copies).
SELECTED = """(e) => { const range = document.createRange(); range.selectNodeContents(e);
  const selection = getSelection(); selection.removeAllRanges(); selection.addRange(range);
  return selection.toString(); }"""


def test_the_objectives_cadences_are_read_as_they_are_said(addresses: tuple[str, str], chromium: Any) -> None:
    """The calendar page's objectives showed "2/semaine", read "2 barre oblique semaine", where the report's cadence
    says "2 par semaine" to a screen reader: the networks', the blog's and a campaign's cadences say it too."""
    page = chromium.new_page(viewport=SCREENS["desktop"])
    page.goto(addresses[1] + "index.html")
    for row, shown, said in (('tr[data-network="linkedin"]', "2/semaine", "2 par semaine"),
                             ('tr[data-network="blog"]', "2/mois", "2 par mois")):
        cell = page.locator(f".objectives {row} td").first
        assert f'cell "{said} ' in cell.aria_snapshot(), cell.aria_snapshot()
        assert shown not in cell.aria_snapshot()
        assert cell.evaluate(SELECTED).startswith(f"{shown}\n"), row
    due = page.locator('.objectives tr[data-campaign="recrutement-soudeur"] [data-count="cadence"]')
    assert due.aria_snapshot() == '- text: rythme visé 1 par semaine · LinkedIn'
    assert due.evaluate(SELECTED) == "rythme visé 1/semaine · LinkedIn"
    page.close()


def test_a_table_cell_copied_is_what_is_seen(addresses: tuple[str, str], chromium: Any) -> None:
    """The report's cadence cell, selected and copied, gave "2/semaine2 par semaine": the words meant for screen
    readers alone came along. A greyed day of the month, copied, gave "28 décembre" where "28" shows."""
    page = chromium.new_page(viewport=SCREENS["desktop"])
    page.goto(addresses[1] + "report.html")
    cell = page.locator('table[aria-labelledby="month-2027-01-title"] tr[data-network="linkedin"] td').first
    assert cell.evaluate(SELECTED) == "2/semaine"
    assert cell.aria_snapshot() == '- cell "2 par semaine"'  # still said so
    page.goto(addresses[1] + "index.html?view=month")
    assert page.locator('#view-month td[data-date="2026-12-28"] .num').evaluate(SELECTED) == "28"
    page.close()


def test_a_bluesky_text_over_its_byte_limit_says_so_in_words(tmp_path: Path, chromium: Any) -> None:
    """Bluesky counts 300 graphemes and 3,000 UTF-8 bytes: a text of emojis under the first and over the second
    showed "222 / 300" alone, its line in red where a reply was over (colour alone), the bytes nowhere on it."""
    family = "\U0001F468\u200d\U0001F469\u200d\U0001F467\u200d\U0001F466"  # one grapheme, 25 bytes
    site = sample_built_with(tmp_path, "    variants:\n      instagram:\n        at: salon-industrie -6 days",
                             f"    variants:\n      bluesky:\n        text: \"Plus qu'une semaine ! {family * 130}\"\n"
                             f"        thread:\n          - \"Hall B, stand B42. {family * 130}\"\n"
                             "      instagram:\n        at: salon-industrie -6 days")
    with serve(site / "planning") as planning:
        page = chromium.new_page(viewport=SCREENS["desktop"])
        page.goto(planning + "drafts/2027-01.html")
        card = "#item-salon-j-7-bluesky"
        said = ("Longueur : 222 / 300 — graphèmes (caractères perçus) ; en octets UTF-8 : 3 344 / 3 000, soit 344 de "
                "plus que la limite")
        assert spoken(page, f"{card} textarea#text-salon-j-7-bluesky")[2] == said
        assert " ".join(page.inner_text(f"{card} #length-salon-j-7-bluesky").split()) == said
        assert "over" in (page.get_attribute(f"{card} #length-salon-j-7-bluesky", "class") or "")
        reply = spoken(page, f"{card} textarea#reply-salon-j-7-bluesky-1")[2]
        assert reply.startswith("Longueur de la réponse 1 du fil : 149 / 300 ; en octets UTF-8 : 3 2"), reply
        assert reply.endswith(" de plus que la limite"), reply
        page.close()


def test_a_phone_s_table_cell_says_its_column_once(addresses: tuple[str, str], chromium: Any) -> None:
    """On a phone each row of the report and of the objectives is a card, each cell named on screen by its column
    ("Prévu : 10", drawn by the style sheet): a screen reader read the column twice, from the table's heading
    and from the drawn word ("Prévu, Prévu : 10")."""
    page = chromium.new_page(viewport=SCREENS["phone"], is_mobile=True, has_touch=True)
    page.goto(addresses[1] + "report.html")
    cell = 'table[aria-labelledby="month-2027-01-title"] tr[data-network="linkedin"] td[data-count="planned"]'
    assert spoken(page, cell) == ("cell", "10", "")  # its column's heading says "Prévu"
    assert page.locator(cell).evaluate("e => getComputedStyle(e, '::before').content").startswith('"Prévu')
    page.goto(addresses[1] + "index.html")
    assert spoken(page, '.objectives tr[data-network="linkedin"] td[data-share]')[1] == \
        "40\u00a0% (4 sur 10 publications)"
    page.close()


#: Each table whose cells are cards on a phone (`display: block`), and each of its parts without the role it is to
#: say (`td` without `role="cell"`…); each other table with roles.
CARDED_TABLES = """() => {
  const roles = {TABLE: "table", THEAD: "rowgroup", TBODY: "rowgroup", TR: "row", TD: "cell"};
  const role = e => e.tagName === "TH" ? (e.scope === "row" ? "rowheader" : "columnheader") : roles[e.tagName];
  const tables = [...document.querySelectorAll("table")];
  const carded = tables.filter(t => [...t.querySelectorAll("td")].some(td => getComputedStyle(td).display === "block"));
  const parts = t => [t, ...t.querySelectorAll("thead, tbody, tr, th, td")];
  return [carded.map(t => t.getAttribute("aria-labelledby") || t.getAttribute("aria-label") || t.textContent.slice(0, 40)),
          carded.flatMap(t => parts(t).filter(e => e.getAttribute("role") !== role(e)).map(e => e.outerHTML.slice(0, 80))),
          tables.filter(t => !carded.includes(t) && t.querySelector("[role]")).map(t => t.outerHTML.slice(0, 80))];
}"""


@pytest.mark.parametrize(("path", "tables"), [
    ("report.html", 4), ("index.html", 3), ("drafts/index.html", 1)])
def test_a_phone_s_card_tables_say_their_roles_and_each_cell_s_column_once(addresses: tuple[str, str], chromium: Any,
                                                                          path: str, tables: int) -> None:
    """On a phone the report's, the objectives' and the drafts' months' tables are cards, their cells `display:
    block`: WebKit (Safari, VoiceOver) drops the semantics of a table whose display the style sheet changes, unless
    the table says its roles (role="table", "rowgroup", "row", "columnheader", "rowheader", "cell"); the calendar's,
    a table on every screen, says none. Chromium reads them as before: each cell named by its content alone, its
    column said once, by its heading."""
    page = chromium.new_page(viewport=SCREENS["phone"], is_mobile=True, has_touch=True)
    page.goto(addresses[1] + path)
    carded, unsaid, said_elsewhere = page.evaluate(CARDED_TABLES)
    assert len(carded) >= tables, carded
    assert (unsaid, said_elsewhere) == ([], []), (unsaid, said_elsewhere)
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.getDocument", {"depth": -1})
    nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    roles = Counter(node.get("role", {}).get("value") for node in nodes)
    cells = [node for node in nodes if node.get("role", {}).get("value") == "cell" and "backendDOMNodeId" in node]
    ids = cdp.send("DOM.pushNodesByBackendIdsToFrontend",
                   {"backendNodeIds": [node["backendDOMNodeId"] for node in cells]})["nodeIds"]
    labelled = 0
    for node, dom_id in zip(cells, ids, strict=True):
        attributes = cdp.send("DOM.getAttributes", {"nodeId": dom_id})["attributes"]
        label = dict(zip(attributes[::2], attributes[1::2], strict=True)).get("data-label")
        if label:
            labelled += 1
            name = node.get("name", {}).get("value", "")
            assert not name.startswith(label), (label, name)  # drawn on screen, not read
    assert labelled >= tables * 2 and roles["columnheader"] >= tables * 2 and roles["rowheader"] >= tables, roles
    page.close()


#: The drafts' video, its ring (the theme's: 3 px, solid) and whether the focus is on it or in its controls.
VIDEO_RING = """() => { const v = document.querySelector("video"), s = getComputedStyle(v);
  return [document.activeElement === v, v.matches(":focus"), s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 3]; }"""


def test_a_video_s_controls_reached_with_the_keyboard_show_the_theme_s_ring(addresses: tuple[str, str],
                                                                            chromium: Any) -> None:
    """Tab onto a video post's player: the player had the theme's ring, and its controls (play, volume, menu)
    Chromium's thin one only, which the page cannot restyle (they are the browser's, in its shadow tree): the
    player keeps the theme's ring while they have the focus from the keyboard, not after a click (though a click
    in the controls, which the browser keeps from the page, leaves the ring where the Tab key had put it)."""
    page = chromium.new_page(viewport=SCREENS["desktop"])
    page.goto(addresses[1] + "drafts/2027-02.html")
    page.locator("video").first.scroll_into_view_if_needed()
    box = page.locator("video").first.bounding_box()
    assert box
    page.mouse.click(box["x"] + 20, box["y"] + box["height"] - 20)
    assert page.evaluate(VIDEO_RING) == [True, False, False]  # its play button clicked: no ring, as elsewhere
    page.focus("video")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # from the stop before it
    assert page.evaluate(VIDEO_RING) == [True, True, True]  # the player itself
    page.keyboard.press("Tab")
    assert page.evaluate(VIDEO_RING) == [True, False, True]  # its play button, in the browser's shadow tree
    page.close()
