"""A blog in two languages: a network with a `lang:` posts each article's version in its language."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

import pytest

from edcal.errors import InputErrors
from edcal.model.article import Social
from helpers import SITE, article, calendar_from, plan_of

CALENDAR = """\
version: 1
timezone: Europe/Paris
networks:
  linkedin: {}
  linkedin-en: {like: linkedin, name: LinkedIn (English), lang: en}
blog:
  promote: {networks: [linkedin, linkedin-en], schedule: [at publication, +1 week]}
"""
NOW = "2027-01-01T00:00:00+01:00"


def articles(calendar, **english):  # type: ignore[no-untyped-def]
    """A French article with its English translation, and one in French only."""
    return [
        article("portail", "2027-01-12T09:00", calendar, title="Entretenir un portail", tags=("Entretien",),
                summary="Un portail en acier se garde vingt ans."),
        article("portail", english.pop("date", "2027-01-12T09:00"), calendar, title="Caring for a steel gate",
                lang="en", is_original=False, url=f"{SITE.url}/en/portail/", tags=("Maintenance",),
                summary="A steel gate lasts twenty years.", source=_source("portail-en"), **english),
        article("recrutement", "2027-01-19T09:00", calendar, title="Nous recrutons"),
    ]


def _source(name: str):  # type: ignore[no-untyped-def]
    from edcal.model.source import Source

    return Source(f"content/articles/{name}.md", 1)


def posts(plan):  # type: ignore[no-untyped-def]
    return {item.id: item for item in plan.items if item.kind == "post"}


def test_an_english_account_posts_the_english_version_in_english_words() -> None:
    """The English LinkedIn page had the French original, its French words ("Lire l'article :") and French
    address: promoting the translation was not possible."""
    calendar = calendar_from(CALENDAR)
    found = posts(plan_of(calendar, articles(calendar), now=NOW))
    english, french = found["portail-linkedin-en-0"], found["portail-linkedin-0"]
    assert english.text.startswith("Caring for a steel gate\n\nA steel gate lasts twenty years.\n\nRead the article: ")
    assert "/en/portail/?utm_source=linkedin-en" in english.text and english.text.endswith("#Maintenance")
    assert french.text.startswith("Entretenir un portail") and "Lire l'article\u00a0:" in french.text
    assert "/portail/?utm_source=linkedin&" in french.text and "#Entretien" in french.text
    # The French article alone says nothing to the English audience; its French post stays.
    assert "recrutement-linkedin-0" in found and not [i for i in found if i.startswith("recrutement-linkedin-en")]


def test_a_translation_is_promoted_from_when_it_goes_online() -> None:
    """From its own date, or from its original's when it was dated before (it waits for it)."""
    calendar = calendar_from(CALENDAR)
    later = posts(plan_of(calendar, articles(calendar, date="2027-01-15T09:00"), now=NOW))
    assert [later[f"portail-linkedin-en-{step}"].start.isoformat() for step in ("0", "1w")] == [
        "2027-01-15T09:00:00+01:00", "2027-01-22T09:00:00+01:00"]
    earlier = posts(plan_of(calendar, articles(calendar, date="2027-01-05T09:00"), now=NOW))
    assert earlier["portail-linkedin-en-0"].start == earlier["portail-linkedin-0"].start


def test_a_translation_dated_before_its_original_is_teased_before_the_original() -> None:
    """A teaser counted from the translation's own date (the 5th) went out a week before the article it
    announces was online, and showed as already posted once that day was past."""
    calendar = calendar_from(CALENDAR.replace("[at publication, +1 week]", "[-1 day at 18:00, at publication]"))
    for now in (NOW, "2027-01-06T00:00:00+01:00"):
        found = posts(plan_of(calendar, articles(calendar, date="2027-01-05T09:00"), now=now))
        english, french = found["portail-linkedin-en-1d-before"], found["portail-linkedin-1d-before"]
        assert english.start == french.start == dt.datetime(2027, 1, 11, 18, tzinfo=calendar.zone)
        assert english.status == "scheduled"
        assert found["portail-linkedin-en-0"].start == found["portail-linkedin-0"].start


def test_a_translation_names_the_networks_in_its_language_it_is_promoted_on() -> None:
    """`social: networks: [linkedin-en]` in the translation's header made no post, without a word."""
    calendar = calendar_from(CALENDAR.replace("networks: [linkedin, linkedin-en]", "networks: [linkedin]"))
    assert not [i for i in posts(plan_of(calendar, articles(calendar), now=NOW)) if "linkedin-en" in i]
    found = posts(plan_of(calendar, articles(calendar, social=Social(networks=("linkedin-en",))), now=NOW))
    assert found["portail-linkedin-en-0"].url.startswith(f"{SITE.url}/en/portail/")
    leaves = posts(plan_of(calendar_from(CALENDAR), articles(calendar, social=Social(skip=True)), now=NOW))
    assert "portail-linkedin-0" in leaves and "portail-linkedin-en-0" not in leaves


def test_promoting_an_article_on_a_network_whose_language_it_lacks_is_an_error() -> None:
    calendar = calendar_from(CALENDAR + "posts:\n  - promote: recrutement\n    networks: [linkedin, linkedin-en]\n")
    with pytest.raises(InputErrors) as caught:
        plan_of(calendar, articles(calendar), now=NOW)
    assert [error.format() for error in caught.value.errors] == [
        "calendar.yaml:10:15: error: article 'recrutement' has no version in 'en', the language of LinkedIn "
        "(English)\n    hint: translate it (`lang: en` and `slug: recrutement` in the translation's header), or "
        "leave linkedin-en out of `networks:`"]


def test_a_draft_template_chooses_a_language_as_the_themes_do(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """`_("Read the article:", lang="en")` stopped the build (an unexpected keyword), though docs/theme.md
    gives `lang=` to the theme's templates."""
    from edcal.plan.compose import DraftTemplates

    (tmp_path / "words.txt.j2").write_text('{{ _("Read the article:") }} | {{ _("Read the article:", lang="en") }} | '
                                           '{{ _("{minutes} min read", minutes=4) }}', encoding="utf-8")
    templates = DraftTemplates([tmp_path], "fr")
    assert templates.render(templates.named("words.txt.j2"), {}) == \
        "Lire l'article\u00a0: | Read the article: | 4 min read"


def test_a_post_about_an_article_on_an_account_of_another_language_gives_its_version_in_it() -> None:
    """`article: portail` on the English page: its English version (the rule `post-language` tells of an article
    with none: tests/test_checks.py)."""
    calendar = calendar_from(CALENDAR + (
        "posts:\n"
        "  - {id: gate, networks: [linkedin-en], at: 2027-01-20 10:00, article: portail, text: Our advice}\n"
        "  - {id: hiring, networks: [linkedin-en], at: 2027-01-21 10:00, article: recrutement, text: We hire}\n"))
    found = posts(plan_of(calendar, articles(calendar), now=NOW))
    assert "/en/portail/" in found["gate-linkedin-en"].text and "/recrutement/" in found["hiring-linkedin-en"].text


def test_a_translation_waiting_for_its_original_says_so_and_not_frozen(site) -> None:  # type: ignore[no-untyped-def]
    """Its original in review, the English version showed "gelé" in the agenda and the planning pages: read
    as a freeze, which there was none."""
    from conftest import run_edcal

    (site / "content" / "articles" / "relecture-en.md").write_text(
        "Title: In review\nSlug: relecture\nLang: en\nDate: 2027-03-01 09:00\n\nThe text.\n", encoding="utf-8")
    agenda = run_edcal("agenda", "--since", "2027-03-01", "--days", "1", cwd=site)
    assert agenda.returncode == 0, agenda.stderr
    assert "In review  waits for its original" in agenda.stdout and "withheld" not in agenda.stdout
    assert run_edcal("build", cwd=site).returncode == 0
    page = (site / "planning" / "agenda" / "2027-03.html").read_text(encoding="utf-8")
    row = page[page.index('id="item-article-relecture-en"'):]
    assert row[:row.index("</summary>")].count("attend son original") == 1


@pytest.mark.parametrize("flag, errors", [("oui", 1), ("no", 0)])
def test_a_translation_without_its_original_is_an_error(site, flag: str, errors: int) -> None:  # type: ignore[no-untyped-def]
    """Pelican said "All items ("1") "with slug "seule"" are translations" in its own words, and published it;
    `Translation: no` was a translation too (any text but "false")."""
    from conftest import run_edcal

    (site / "content" / "articles" / "seule.md").write_text(
        f"Title: Seule\nTranslation: {flag}\nDate: 2027-01-10 09:00\n\nTexte.\n", encoding="utf-8")
    result = run_edcal("check", cwd=site, env={"EDCAL_LANG": "en"})
    assert "All items" not in result.stderr + result.stdout
    found = [line for line in result.stderr.splitlines() if "a translation needs its original" in line]
    assert found == (["content/articles/seule.md:2:14: error: found translation: true, and no other article has "
                      "the slug 'seule': a translation needs its original"] if errors else []), result.stderr


def test_a_page_marked_as_a_translation_of_nothing_is_an_error(site) -> None:  # type: ignore[no-untyped-def]
    """Pelican said so in English, "All items ("1") … are translations", and published it."""
    from conftest import run_edcal

    (site / "content" / "pages" / "about-us.md").write_text(
        "Title: About us\nLang: en\nTranslation: true\n\nText.\n", encoding="utf-8")
    for command in ("check", "build"):
        result = run_edcal(command, cwd=site, env={"EDCAL_LANG": "en"})
        assert result.returncode == 2 and "All items" not in result.stderr, result.stderr
        assert "content/pages/about-us.md:3:14: error: found translation: true, and no other page has the slug " \
            "'about-us': a translation needs its original" in result.stderr
    assert not (site / "output").exists()


@pytest.mark.parametrize("folder, status, expected", [
    # Neither in the site's language, one a draft: the English went online alone.
    ("pages", "draft", "content/pages/solo-de.md:3:7: error: found 2 pages with the slug 'solo' (content/pages/"
                       "solo-de.md, content/pages/solo-en.md), none in the site's language (fr): which is the "
                       "original cannot be told"),
    ("pages", "published", "found 2 pages with the slug 'solo'"),
    # The hint said to give one an `id:`, a field no article has.
    ("articles", "draft", "found 2 articles with the slug 'solo' (content/articles/solo-de.md, content/articles/"
                          "solo-en.md), none in the site's language (fr): which is the original cannot be told"),
])
def test_versions_with_no_original_in_the_site_s_language_are_an_error(  # type: ignore[no-untyped-def]
        site, folder: str, status: str, expected: str) -> None:
    from conftest import run_edcal, tree_text

    (site / "content" / folder / "solo-de.md").write_text(
        f"Title: Über\nLang: de\nSlug: solo\nStatus: {status}\nDate: 2027-01-10 09:00\n\nText.\n", encoding="utf-8")
    (site / "content" / folder / "solo-en.md").write_text(
        "Title: About CANARY-SOLO\nLang: en\nSlug: solo\nDate: 2027-01-10 09:00\n\nText.\n", encoding="utf-8")
    for command in ("check", "build"):
        result = run_edcal(command, cwd=site, env={"EDCAL_LANG": "en"})
        assert result.returncode == 2 and expected in result.stderr, result.stderr
        assert "There are" not in result.stderr and "write `translation: true`" in result.stderr
    assert not (site / "output").exists() or not [p for p, t in tree_text(site / "output") if "CANARY-SOLO" in t]


def test_two_pages_with_one_slug_in_one_language_are_told_once(site) -> None:  # type: ignore[no-untyped-def]
    """Pelican warned in English, then edcal said the page's file "receives both 'À propos' and 'À propos'"."""
    from conftest import run_edcal

    (site / "content" / "pages" / "autre.md").write_text("Title: Autre\nSlug: contact\n\nTexte.\n",
                                                         encoding="utf-8")
    result = run_edcal("check", cwd=site, env={"EDCAL_LANG": "en"})
    assert result.returncode == 2 and "There are" not in result.stderr, result.stderr
    assert "error: found the slug 'contact' (fr) again, already the slug of the page content/pages/" in result.stderr


def test_each_version_decides_for_the_networks_in_its_language_only() -> None:
    """A translation's `social: networks: [x]` posted the French original on X, a network without `lang:`
    (the site's language): each version's header names networks in its own language only."""
    calendar = calendar_from(CALENDAR.replace("  linkedin: {}\n", "  linkedin: {}\n  x: {}\n"))
    found = posts(plan_of(calendar, articles(calendar, social=Social(networks=("x", "linkedin-en"))), now=NOW))
    assert "portail-linkedin-en-0" in found and not [i for i in found if i.startswith("portail-x")]
    # The original skips its networks; the translation is promoted on its own all the same.
    arts = articles(calendar)
    arts[0] = dataclasses.replace(arts[0], social=Social(skip=True))
    found = posts(plan_of(calendar, arts, now=NOW))
    assert "portail-linkedin-en-0" in found and "portail-linkedin-0" not in found


def test_a_translation_in_review_or_a_draft_makes_drafts_and_an_undated_one_named_is_an_error() -> None:
    calendar = calendar_from(CALENDAR + "posts:\n  - promote: portail\n    networks: [linkedin, linkedin-en]\n")
    for status in ("review", "draft"):
        found = posts(plan_of(calendar, articles(calendar, status=status), now=NOW))
        assert found["portail-linkedin-en-0"].status == "draft" and found["portail-linkedin-0"].status == "scheduled"
    with pytest.raises(InputErrors) as caught:
        plan_of(calendar, articles(calendar, status="draft", date=None), now=NOW)
    assert [error.format() for error in caught.value.errors] == [
        "calendar.yaml:10:15: error: the 'en' version of 'portail' has no date to promote it from on LinkedIn "
        "(English)\n    hint: add `date:` to content/articles/portail-en.md"]


def test_a_translation_in_review_is_promoted_after_the_freeze_its_date_falls_in() -> None:
    calendar = calendar_from(CALENDAR + "freeze:\n  - {from: 2027-01-14, until: 2027-01-16, reason: Crise}\n")
    found = posts(plan_of(calendar, articles(calendar, status="review", date="2027-01-15T09:00"), now=NOW))
    assert found["portail-linkedin-en-0"].start.isoformat() >= "2027-01-17"
    assert found["portail-linkedin-en-0"].status == "draft"


def test_a_post_about_an_article_links_its_translation_only_once_that_goes_online() -> None:
    calendar = calendar_from(CALENDAR + (
        "posts:\n  - {id: gate, networks: [linkedin-en], at: 2027-01-20 10:00, article: portail, text: Advice}\n"))
    found = posts(plan_of(calendar, articles(calendar, status="draft"), now=NOW))
    assert "/en/portail/" not in found["gate-linkedin-en"].text


def test_promoting_since_a_day_counts_each_versions_own_date() -> None:
    """`since:` left out an old article's translation written after it (translating old articles)."""
    calendar = calendar_from(CALENDAR.replace("schedule: [at publication, +1 week]}",
                                              "schedule: [at publication, +1 week], since: 2027-01-14}"))
    found = posts(plan_of(calendar, articles(calendar, date="2027-01-15T09:00"), now=NOW))
    assert "portail-linkedin-en-0" in found and "portail-linkedin-0" not in found


def test_the_drafts_review_previews_the_link_as_the_english_page_shows_it() -> None:
    """The review's card of an English post previewed the French title and summary, its link going to the
    English page (whose og:title is English)."""
    from edcal.outputs.review import preview

    calendar = calendar_from(CALENDAR)
    plan = plan_of(calendar, articles(calendar), now=NOW)
    english, french = posts(plan)["portail-linkedin-en-0"], posts(plan)["portail-linkedin-0"]
    assert (english.lang, french.lang) == ("en", None)  # plan.json's `lang`: the translation's, on its posts
    assert preview(english, plan, {})["title"] == "Caring for a steel gate"  # type: ignore[index]
    assert preview(french, plan, {})["title"] == "Entretenir un portail"  # type: ignore[index]


def test_the_planning_pages_say_the_language_of_a_post_in_another_language(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """On a French site's planning pages (`<html lang="fr">`), the English account's posts, titles and
    texts, were unmarked: a screen reader spoke "Caring for a steel gate" with French sounds (and an
    English site's French posts with English ones)."""
    import re

    from edcal.outputs import calendar_page, review
    from helpers import write_planning_page

    calendar = calendar_from(CALENDAR + "posts:\n  - {id: hello, networks: [linkedin, linkedin-en], "
                             "at: 2027-01-05 10:00, text: Bonjour, variants: {linkedin-en: {text: Hello there}}}\n")
    plan = plan_of(calendar, articles(calendar), now=NOW)
    write_planning_page(review, plan, tmp_path)
    write_planning_page(calendar_page, plan, tmp_path)
    drafts = (tmp_path / "drafts" / "2027-01.html").read_text(encoding="utf-8")
    card = drafts.split('id="item-portail-linkedin-en-0"')[1].split("</article>")[0]
    assert '<div class="post" lang="en">Caring for a steel gate' in card
    assert re.search(r'<textarea id="text-portail-linkedin-en-0" readonly rows="4" aria-describedby="length-portail-linkedin-en-0" lang="en">Caring', card)
    assert '<div class="preview" lang="en">' in card
    french = drafts.split('id="item-portail-linkedin-0"')[1].split("</article>")[0]
    assert '<div class="post">Entretenir un portail' in french and 'lang="en"' not in french
    agenda = (tmp_path / "agenda" / "2027-01.html").read_text(encoding="utf-8")
    english = agenda.split('id="item-portail-linkedin-en-0"')[1].split("</li>")[0]
    assert '<span class="title" lang="en">Caring for a steel gate</span>' in english
    assert '<p class="text" lang="en">Caring for a steel gate' in english
    hello = agenda.split('id="item-hello-linkedin-en"')[1].split("</li>")[0]
    assert '<span class="title" lang="en">Hello there</span>' in hello  # its title: its text's first words
    french = agenda.split('id="item-portail-linkedin-0"')[1].split("</li>")[0]
    assert 'lang=' not in french
    # The month and week views, drawn by planning.js from the page's data: the title's language with it.
    import json

    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    data = json.loads(index.split('<script type="application/json" id="plan-data">')[1].split("</script>")[0])
    langs = {item["id"]: item.get("lang") for item in data["items"]}
    assert (langs["portail-linkedin-en-0"], langs["hello-linkedin-en"], langs["article-portail-en"]) == ("en",) * 3
    assert (langs["portail-linkedin-0"], langs["hello-linkedin"], langs["article-portail"]) == (None,) * 3


def test_a_translations_menu_links_to_the_pages_in_its_language(site) -> None:  # type: ignore[no-untyped-def]
    """An English article's menu and footer linked to the French « Contact » (marked lang="fr"), though its
    English version was online: the reader switched language at the first click."""
    contact = r'<a href="https://blog\.example\.fr/(pages/contact[^"]*)"([^>]*)>([^<]*)</a>'
    english_page = site / "content" / "pages" / "contact-en.md"
    english_page.write_text("Title: Contact us\nLang: en\nSlug: contact\n\nWrite to us.\n", encoding="utf-8")
    links = _built_with_english(site)
    english = links("publie-en.html", contact)
    assert english and all(found == ("pages/contact-en.html", "", "Contact us") for found in english), english
    french = links("2027/publie/index.html", contact)
    assert french and all(found == ("pages/contact.html", "", "Contact") for found in french), french
    # A page with no version in the reader's language keeps its own, said to be in the site's.
    english_page.unlink()
    assert all(found == ("pages/contact.html", ' lang="fr"', "Contact")
               for found in _built_with_english(site)("publie-en.html", contact))


def test_a_page_in_one_language_only_is_said_in_it_in_every_menu(site) -> None:  # type: ignore[no-untyped-def]
    """A page written in English only, on a French site: an English article's menu and footer said its title
    was French (lang="fr"), the French pages' said nothing, and screen readers read "Privacy" in French."""
    (site / "content" / "pages" / "privacy.md").write_text("Title: Privacy\nLang: en\nSlug: privacy\n\nOur policy.\n",
                                                         encoding="utf-8")
    pages = r'<a href="https://blog\.example\.fr/pages/(privacy[^"]*|contact[^"]*)"([^>]*)>'
    links = _built_with_english(site)
    english = links("publie-en.html", pages)
    assert english and all(found == (("privacy-en.html", "") if found[0].startswith("privacy")
                                     else ("contact.html", ' lang="fr"')) for found in english), english
    french = links("2027/publie/index.html", pages)
    assert french and all(found == (("privacy-en.html", ' lang="en"') if found[0].startswith("privacy")
                                    else ("contact.html", "")) for found in french), french



def _built_with_english(site) -> Callable[[str, str], list[tuple[str, ...]]]:  # type: ignore[no-untyped-def]
    """The site built with an English version of its published article; what finds, in a page of output/,
    the links of its menu and footer that a pattern matches."""
    import re

    from conftest import run_edcal

    english = site / "content" / "articles" / "publie-en.md"
    if not english.exists():
        english.write_text("Title: A published article\nLang: en\nSlug: publie\nDate: 2027-02-01 09:00\n\n"
                           "The body.\n", encoding="utf-8")
    built = run_edcal("build", cwd=site)
    assert built.returncode == 0, built.stderr
    return lambda page, pattern: re.findall(pattern, (site / "output" / page).read_text(encoding="utf-8"))


def test_a_translation_by_an_author_two_team_members_share_keeps_its_original_s_owner(site) -> None:  # type: ignore[no-untyped-def]
    """Two people of the team named alike: the English version written by one of them was refused, asking for
    `owner:`, though its posts went to its original's owner; following the hint would have moved them. The
    original by that name is still asked who is in charge."""
    from conftest import run_edcal

    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace(
        "  - {id: ben, name: Ben Marchal}", "  - {id: ben, name: Ben Marchal}\n  - {id: ben2, name: Ben  marchal}"),
        encoding="utf-8")
    articles = site / "content" / "articles"
    original = articles / "publie.md"
    original.write_text(original.read_text(encoding="utf-8").replace("Category:", "Owner: ana\nCategory:"),
                        encoding="utf-8")
    (articles / "publie-en.md").write_text(
        "Title: A published article\nSlug: publie\nLang: en\nAuthors: Ben Marchal\nDate: 2027-02-01 09:00\n\n"
        "The text.\n", encoding="utf-8")
    result = run_edcal("check", cwd=site, env={"EDCAL_LANG": "en"})
    assert "two people of the team" not in result.stdout + result.stderr, result.stdout + result.stderr
    (articles / "seule.md").write_text(
        "Title: Seule\nAuthors: Ben Marchal\nDate: 2027-02-03 09:00\n\nTexte.\n", encoding="utf-8")
    result = run_edcal("check", cwd=site, env={"EDCAL_LANG": "en"})
    assert result.returncode == 2
    assert [line for line in result.stderr.splitlines() if "two people" in line] == [
        "content/articles/seule.md:2:10: error: two people of the team are named 'Ben Marchal' (ben, ben2): "
        "edcal cannot tell which of them is in charge of the article"], result.stderr
