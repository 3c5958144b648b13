"""The ambassadors' page: what staff may share from their own accounts, and nothing unpublished."""

from __future__ import annotations

import datetime as dt
import urllib.parse
from pathlib import Path

import pytest

from conftest import run_edcal, tree_text
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
    assert [s.id for s in plan.shares] == ["recent"]  # not the old one, the future one or the draft
    share = plan.shares[0]
    assert share.online == dt.datetime(2027, 2, 10, 9, tzinfo=calendar.zone)
    assert share.until == dt.date(2027, 3, 11)  # 30 days, the first included
    # The site's networks that have a share form, in calendar.yaml's order.
    assert [t.network for t in share.texts] == ["linkedin", "x", "mastodon"]
    x = share.texts[1]
    assert x.text.startswith("Un article de notre blog que je vous recommande\u00a0: Un article récent")
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
    assert [s.id for s in before.shares] == ["offre-de-soudeur", "recent"]
    assert not any("venir" in t.pasted for s in before.shares for t in s.texts)
    after = plan_of(calendar, articles(calendar), now="2027-03-02T10:00:00+01:00")
    chosen = after.shares[0]
    assert (chosen.id, chosen.chosen, chosen.until) == ("a-venir", True, dt.date(2027, 4, 30))
    assert chosen.texts[0].text.startswith("Mon équipe recrute, faites suivre !\n\nhttps://blog.example.fr/a-venir/?")
    # The job offer's window is over; the recent article is still within its 30 days, after the team's choice.
    assert [s.id for s in after.shares] == ["a-venir", "recent"]


def test_a_link_to_an_article_not_online_yet_is_not_suggested() -> None:
    calendar = calendar_from(PARIS_CALENDAR + """\
ambassadors:
  days: 0 days
  suggestions:
    - {link: /a-venir/, title: Bientôt}
    - {link: https://jobs.example.org/, title: Emplois}
""")
    plan = plan_of(calendar, articles(calendar), now=NOW)
    assert [s.id for s in plan.shares] == ["emplois"]  # and no recent article: days is 0
    # A page that is not the site's is not tracked.
    assert plan.shares[0].texts[0].url == "https://jobs.example.org/"


def test_networks_staff_share_on_need_not_be_the_company_s() -> None:
    calendar = calendar_from(PARIS_CALENDAR + "ambassadors:\n  networks: [facebook, twitter]\n  medium: salaries\n")
    plan = plan_of(calendar, articles(calendar), now=NOW)
    facebook, x = plan.shares[0].texts
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
    assert error.message.startswith("found placeholder {texte}, expected an https address with {text}")
    calendar = calendar_from(PARIS_CALENDAR.replace("  mastodon: {}", "  mastodon: {share_form: 'https://piaille.fr/share?text={text}'}"))
    plan = plan_of(calendar, articles(calendar), now=NOW)
    mastodon = plan.shares[0].texts[2]
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
""")
    result = run_edcal("build", cwd=site)
    assert result.returncode == 0, result.stderr
    page = (site / "planning" / "share" / "index.html").read_text(encoding="utf-8")
    assert "Un article publié" in page and "utm_medium=ambassador" in page
    published = site / "output" / "partage"
    assert (published / "index.html").read_text(encoding="utf-8") == page
    assert (published / "assets" / "planning.css").is_file()
    for folder in (site / "planning" / "share", site / "output"):
        leaks = [path for path, text in tree_text(folder)
                 if any(canary in text for canary in ("CANARY-SUGGESTION-3307", "CANARY-LINK-9921", "CANARY-FUTURE",
                                                      "CANARY-REVIEW", "CANARY-DRAFT", "futur-secret"))]
        assert not leaks
    # The page stands alone: no link back into the team's planning pages.
    assert "../" not in page and "plan.json" not in page


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
