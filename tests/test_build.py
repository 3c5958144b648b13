"""End to end: real Pelican builds of a small site in a temporary folder."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from conftest import (
    ROOT,
    add_site_plugin,
    items_by_id,
    load_plan,
    run_edcal,
    run_pelican,
    secret_above_content,
    tree_text,
    write_pelicanconf,
)

pytestmark = pytest.mark.e2e

SCHEMA = json.loads((ROOT / "docs" / "plan.schema.json").read_text(encoding="utf-8"))
CANARIES = ("CANARY-FUTURE-2291", "CANARY-FUTURE-BODY-8840", "CANARY-DRAFT-4410",
            "CANARY-REVIEW-1187", "CANARY-IDEA-7731", "CANARY-WITHHELD-5512")


def test_build_writes_the_blog_and_a_plan_matching_the_schema(built: Path) -> None:
    assert (built / "output" / "index.html").is_file()
    plan = load_plan(built)
    jsonschema.validate(plan, SCHEMA)
    assert plan["timezone"] == "Europe/Paris"
    assert plan["generated_at"] == "2026-09-21T14:13:20Z"  # SOURCE_DATE_EPOCH, not the clock
    kinds = {item["kind"] for item in plan["items"]}
    assert kinds == {"article", "post", "idea", "deadline"}
    # An article in a folder whose name holds a colon (a CI trial's `a,b:c%d/`): its source is valid.
    plan["items"][0]["source"] = "content/articles/a,b:c%d/promo,x.md:3"
    jsonschema.validate(plan, SCHEMA)


#: A key date and an objective, for the levels the fixture's plan has none of.
KEY_DATE = {"id": "salon", "name": "Salon", "start": "2027-03-10", "end": "2027-03-12", "description": None,
            "source": "calendar.yaml:3"}
OBJECTIVE = {"text": "Abonnés", "target": 1500, "unit": "abonnés", "by": "2027-12-31", "current": 1180,
             "measured": "2027-01-04"}


def test_the_schema_refuses_a_field_added_or_renamed_at_any_level(built: Path) -> None:
    """A renamed or misspelt field validated: the schema let every object take any key."""
    plan = load_plan(built)
    plan["key_dates"] = [dict(KEY_DATE)]
    plan["networks"][0]["objective"] = dict(OBJECTIVE)
    jsonschema.validate(plan, SCHEMA)
    items = plan["items"]
    post = next(i for i in items if i["kind"] == "post" and "lengths" in i)
    # Each object a script reads, found again in a fresh copy: (what it is, how to reach it).
    levels = {
        "plan": lambda p: p,
        "site": lambda p: p["site"],
        "blog": lambda p: p["blog"],
        "network": lambda p: p["networks"][0],
        "objective": lambda p: p["networks"][0]["objective"],
        "campaign": lambda p: p["campaigns"][0],
        "key date": lambda p: p["key_dates"][0],
        "person": lambda p: p["people"][0],
        "freeze": lambda p: p["freezes"][0],
        "rule with options": lambda p: p["checks"]["cadence-gap"],
        "rule without options": lambda p: p["checks"]["text-too-long"],
        "article": lambda p: next(i for i in p["items"] if i["kind"] == "article"),
        "idea": lambda p: next(i for i in p["items"] if i["kind"] == "idea"),
        "deadline": lambda p: next(i for i in p["items"] if i["kind"] == "deadline"),
        "post": lambda p: items_by_id(p)[post["id"]],
        "media": lambda p: next(i for i in p["items"] if "media" in i)["media"][0],
        "lengths": lambda p: items_by_id(p)[post["id"]]["lengths"][0],
    }
    for level, find in levels.items():
        for key in list(find(plan)):
            renamed = json.loads(json.dumps(plan))
            found = find(renamed)
            found[key.rsplit("_", 1)[0] if "_" in key else f"{key}s"] = found.pop(key)  # horizon_days: horizon
            assert not jsonschema.Draft202012Validator(SCHEMA).is_valid(renamed), f"{level}: {key} renamed"
        added = json.loads(json.dumps(plan))
        find(added)["remark"] = "x"  # ("note" is a post's own field)
        assert not jsonschema.Draft202012Validator(SCHEMA).is_valid(added), f"{level}: a key added"
    # A post's own fields on another kind, an option of another rule, a status or counting of no one's.
    for level, key, value in (("article", "network", "linkedin"), ("idea", "promotional", False),
                              ("rule with options", "window_days", 30), ("rule without options", "horizon_days", 42),
                              ("post", "status", "posted"), ("post", "counting", "words"),
                              ("rule with options", "severity", "info"), ("media", "alt", 3),
                              ("person", "name", None), ("post", "fitted", False)):
        changed = json.loads(json.dumps(plan))
        levels[level](changed)[key] = value
        assert not jsonschema.Draft202012Validator(SCHEMA).is_valid(changed), f"{level}: {key} = {value!r}"
    # What every post, every article carries, as outputs.md says: a dashboard may count on it.
    for level, key in (("post", "parent"), ("article", "lang"), ("article", "article")):
        changed = json.loads(json.dumps(plan))
        del levels[level](changed)[key]
        assert not jsonschema.Draft202012Validator(SCHEMA).is_valid(changed), f"{level} without {key}"
    changed = json.loads(json.dumps(plan))
    levels["idea"](changed)["posted"] = {"at": "2027-01-12T09:00:00+01:00", "url": None, "source": "x:1"}
    assert not jsonschema.Draft202012Validator(SCHEMA).is_valid(changed), "an idea gone out"


def test_items_are_sorted_and_every_item_has_a_source(built: Path) -> None:
    plan = load_plan(built)
    items = plan["items"]
    dated = [i for i in items if i["start"] is not None]
    assert items[len(dated):] == [i for i in items if i["start"] is None]

    def key(item: dict) -> tuple[str, str]:
        start = item["start"]
        if len(start) == 10:
            return (start + "T00:00:00", item["id"])
        from datetime import UTC, datetime

        return (datetime.fromisoformat(start).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S"), item["id"])

    assert dated == sorted(dated, key=key)
    for item in items:
        path, line = item["source"].rsplit(":", 1)
        assert (built / path).is_file(), item
        assert int(line) >= 1


def test_the_plan_holds_what_calendar_yaml_says(built: Path) -> None:
    items = items_by_id(load_plan(built))
    hello = items["hello-linkedin"]
    assert hello["start"] == "2027-03-02T10:00:00+01:00"
    assert hello["status"] == "scheduled"
    assert hello["campaign"] == "launch"
    assert hello["text"] == "Bonjour le monde\n\n#Lancement"
    assert hello["source"] == "calendar.yaml:21"
    # A promotion across the DST change lands on the network's Thursday slot, in summer time.
    assert items["futur-linkedin-2w"]["start"] == "2027-04-08T12:30:00+02:00"
    # Withheld by the freeze, with its reason.
    assert items["gel-bluesky"]["status"] == "withheld"
    assert items["gel-bluesky"]["withheld_reason"] == "Crise : tout est gelé"
    # Recurrence with count.
    assert [i for i in items if i.startswith("weekly-mastodon-")] == [
        "weekly-mastodon-20270310", "weekly-mastodon-20270317", "weekly-mastodon-20270324"]
    # The default promotion of a published article, with tracked links and hashtags.
    x_post = items["publie-x-0"]
    assert x_post["url"] == ("https://blog.example.fr/2027/publie/?utm_source=x&utm_medium=social"
                             "&utm_campaign=publie")
    assert "#RéseauxSociaux" in x_post["text"]
    statuses = {i["id"]: i["status"] for i in items.values() if i["kind"] == "article"}
    assert statuses == {"article-publie": "published", "article-futur": "scheduled",
                        "article-brouillon": "draft", "article-relecture": "review"}


#: Every page and feed Pelican can write, so that "absent from every file" covers them all.
EVERY_OUTPUT = """
FEED_ALL_RSS = "feeds/all.rss.xml"
CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"
CATEGORY_FEED_RSS = "feeds/{slug}.rss.xml"
TAG_FEED_ATOM = "feeds/tag/{slug}.atom.xml"
TAG_FEED_RSS = "feeds/tag/{slug}.rss.xml"
AUTHOR_FEED_ATOM = "feeds/author/{slug}.atom.xml"
AUTHOR_FEED_RSS = "feeds/author/{slug}.rss.xml"
TRANSLATION_FEED_ATOM = "feeds/all-{lang}.atom.xml"
YEAR_ARCHIVE_SAVE_AS = "{date:%Y}/index.html"
MONTH_ARCHIVE_SAVE_AS = "{date:%Y}/{date:%m}/index.html"
DIRECT_TEMPLATES = ["index", "tags", "categories", "authors", "archives", "404"]
"""
#: What only unpublished articles have: slugs, the future article's category and author, and tags.
UNPUBLISHED_WORDS = ("futur", "brouillon", "relecture", "Prospective", "prospective", "Zoé Avenir",
                     "zoe-avenir", "secret-future-tag", "secret-draft-tag")


@pytest.fixture
def built_everything(site: Path) -> Path:
    """The fixture site with every output on, its future article in a category and by an author of its own."""
    write_pelicanconf(site, EVERY_OUTPUT)
    future = site / "content" / "articles" / "futur.md"
    future.write_text(future.read_text(encoding="utf-8").replace(
        "tags:", "category: Prospective\nauthors: Zoé Avenir\ntags:"), encoding="utf-8")
    result = run_edcal("build", cwd=site)
    assert result.returncode == 0, result.stderr
    return site


def test_nothing_unpublished_reaches_output(built_everything: Path) -> None:
    output = built_everything / "output"
    files = list(tree_text(output))
    assert len(files) >= 25 and (output / "sitemap.xml").is_file() and (output / "2027" / "02" / "index.html").is_file()
    for path, text in files:
        for canary in CANARIES:
            assert canary not in text, f"{canary} leaked into {path}"
        for word in UNPUBLISHED_WORDS:
            assert not re.search(rf"\b{re.escape(word)}\b", text), f"'{word}' leaked into {path}"
            assert word not in path.relative_to(output).as_posix(), f"'{word}' names {path}"
    assert not (output / "drafts").exists()
    assert not (output / "images" / "futur-secret.png").exists()
    assert (output / "images" / "public.png").is_file()
    # The plan, for the team, holds them all.
    plan_text = (built_everything / "planning" / "plan.json").read_text(encoding="utf-8")
    assert all(canary in plan_text for canary in ("CANARY-FUTURE-2291", "CANARY-DRAFT-4410",
                                                  "CANARY-IDEA-7731", "CANARY-WITHHELD-5512"))


#: Found by a red-team trial: each was a way for an article, page or plan not online to reach output/.
LEAK_SETTINGS = """
STATIC_PATHS = ["images", "articles", "pages"]
OUTPUT_SOURCES = True
TEMPLATE_PAGES = {"liste.html": "liste.html"}
"""
LEAK_CANARIES = ("CANARY-DRAFTPAGE-3141", "CANARY-ORIG-EN-1618", "CANARY-TRAD-FR-2718", "CANARY-NOTE-7070",
                 "CANARY-PLAN-4242", "CANARY-PAGE-EN-5151")


def test_static_folders_sources_translations_and_templates_leak_nothing(site: Path) -> None:
    content = site / "content"
    write_pelicanconf(site, LEAK_SETTINGS)
    public = content / "images" / "public.png"
    for name in ("équipe-secrète.png", "offre-secrete.png", "offre-secrete-2.png"):
        shutil.copyfile(public, content / "images" / name)
    # A scheduled article showing an image by its percent-encoded name, as web editors write accents.
    future = content / "articles" / "futur.md"
    future.write_text(future.read_text(encoding="utf-8")
                      + "\n![L'équipe]({static}/images/%C3%A9quipe-secr%C3%A8te.png)\n", encoding="utf-8")
    # A live article: a team note, a plan field, and a link written without a space before href.
    live = content / "articles" / "publie.md"
    live.write_text(live.read_text(encoding="utf-8").replace("Category: Essais", "Category: Essais\nOwner: ana")
                    + '\n<!-- CANARY-NOTE-7070 -->\n\n<div><a title="x"href="{filename}futur.md">suite</a></div>\n'
                    "\n[source]({static}relecture.md)\n", encoding="utf-8")
    (content / "pages" / "offre.md").write_text(
        "Title: Offre CANARY-DRAFTPAGE-3141\nStatus: draft\nImage: images/offre-secrete.png\n\n"
        "![Offre]({static}/images/offre-secrete-2.png)\n", encoding="utf-8")
    # Editors' and merges' leftovers beside the articles, in a static folder.
    draft = (content / "articles" / "brouillon.md").read_text(encoding="utf-8")
    for name in ("brouillon.md~", "#brouillon.md#", "brouillon.md.orig", ".brouillon.md.swp", "brouillon.md.bak"):
        (content / "articles" / name).write_text(draft, encoding="utf-8")
    # The English version of a French page still in draft, linked from a live page.
    (content / "pages" / "presse.md").write_text("Title: Presse\nStatus: draft\n\nBientôt.\n", encoding="utf-8")
    (content / "pages" / "presse-en.md").write_text(
        "Title: Press CANARY-PAGE-EN-5151\nLang: en\nSlug: presse\n\nSoon.\n", encoding="utf-8")
    (content / "pages" / "tarifs-en.md").write_text("Title: Prices\nLang: en\nSlug: tarifs\nStatus: draft\n\nSoon.\n",
                                                      encoding="utf-8")
    (content / "pages" / "tarifs.md").write_text(  # marked as the translation of the English draft
        "Title: Tarifs CANARY-PAGE-EN-5151\nSlug: tarifs\nTranslation: true\n\nBientôt.\n", encoding="utf-8")
    (content / "pages" / "contact.md").write_text(
        "Title: Contact\n\nVoir [la presse]({filename}presse-en.md).\n", encoding="utf-8")
    # A rewrite of the live contact page, drafted under its slug: the live page stays.
    (content / "pages" / "contact-v2.md").write_text("Title: Contact v2\nSlug: contact\nStatus: draft\n\nBientôt.\n",
                                                     encoding="utf-8")
    # A French article marked as the translation of an English original still to come.
    (content / "articles" / "orig-en.md").write_text(
        "Title: New product CANARY-ORIG-EN-1618\nLang: en\nSlug: nouveau-produit\nDate: 2027-03-26 09:00\n\n"
        "English text.\n", encoding="utf-8")
    (content / "articles" / "nouveau-produit.md").write_text(
        "Title: Nouveau produit CANARY-TRAD-FR-2718\nTranslation: true\nDate: 2027-01-05 09:00\n"
        "Category: Essais\n\nTexte français.\n", encoding="utf-8")
    (content / "liste.html").write_text("{% for p in draft_pages %}{{ p.title }}{% endfor %}"
                                        "{% for a in EDCAL_STATE.articles %}{{ a.title }}{% endfor %}"
                                        "{{ EDCAL_STATE.calendar }}"
                                        "{% for a in drafts %}{{ a.title }}{% endfor %}ok\n", encoding="utf-8")
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace("Bonjour le monde", "CANARY-PLAN-4242"),
                        encoding="utf-8")
    result = run_edcal("build", cwd=site, env={"EDCAL_LANG": "en"})
    assert result.returncode == 0, result.stderr
    assert "OUTPUT_SOURCES is turned off and" in result.stdout, result.stdout
    output = site / "output"
    assert (output / "liste.html").read_text(encoding="utf-8").strip() == "ok"
    for path, text in tree_text(output):
        for canary in (*CANARIES, *LEAK_CANARIES):
            assert canary not in text, f"{canary} leaked into {path}"
        assert not re.search(r"\b(futur|relecture)\b", text), f"an unpublished article's name leaked into {path}"
    names = {path.relative_to(output).as_posix() for path in output.rglob("*")}
    assert not [name for name in names if re.search(r"\.(md|text)\b", name)], sorted(names)
    assert not {"images/équipe-secrète.png", "images/offre-secrete.png", "images/offre-secrete-2.png"} & names
    assert not [name for name in names if re.search("nouveau-produit|presse|tarifs", name)], sorted(names)
    assert "Voir la presse." in (output / "pages" / "contact.html").read_text(encoding="utf-8")
    statuses = {i["id"]: i["status"] for i in load_plan(site)["items"] if i["kind"] == "article"}
    assert statuses["article-nouveau-produit"] == "scheduled", statuses


def test_images_a_scheduled_article_shows_by_their_address_stay_out_until_its_date(site: Path) -> None:
    """Decap CMS and other web editors write an image as ``/images/salon.png``, not with ``{static}``: such an
    image named after the article's subject went out before it. One a live page or the settings show stays."""
    images = site / "content" / "images"
    for name in ("salon-2027.png", "salon-plan.png", "partage.png", "logo-site.png"):
        shutil.copyfile(images / "public.png", images / name)
    write_pelicanconf(site, 'SITELOGO = "/images/logo-site.png"\n')
    future = site / "content" / "articles" / "futur.md"
    future.write_text(future.read_text(encoding="utf-8")
                      + "\n![Salon](/images/salon-2027.png)\n\n"
                      '<img src="https://blog.example.fr/images/salon-plan.png" alt="Plan">\n\n'
                      "![Partagée](/images/partage.png) ![Logo](/images/logo-site.png)\n", encoding="utf-8")
    page = site / "content" / "pages" / "contact.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n![Partagée](/images/partage.png)\n", encoding="utf-8")
    assert run_edcal("build", cwd=site).returncode == 0
    output = site / "output" / "images"
    assert not (output / "salon-2027.png").exists() and not (output / "salon-plan.png").exists()
    assert (output / "partage.png").is_file() and (output / "logo-site.png").is_file()
    assert (output / "public.png").is_file()


def test_an_image_address_with_spaces_in_its_name_is_the_whole_file_name(site: Path) -> None:
    """GitHub's "Upload files" keeps a phone's or a download's name (``Plan stand.png``, ``Visite été (2).png``),
    which the writer then shows by its address, ``![](/images/Plan stand.png)`` (Markdown reads the link up to
    its ``)``) or ``<img src="/uploads/…">``. The build read such an address up to its first space: a
    scheduled article's image went online before it, and a live one's upload saved outside STATIC_PATHS
    stayed out of output/, a broken image on its page, with no word from the check."""
    content = site / "content"
    (content / "uploads").mkdir()
    public = content / "images" / "public.png"
    for name in ("images/Plan stand.png", "images/Salon hall B.png", "uploads/Visite été (2).png",
                 "uploads/Équipe atelier.png"):
        shutil.copyfile(public, content / name)
    future = content / "articles" / "futur.md"
    future.write_text(future.read_text(encoding="utf-8") + "\n![Plan](/images/Plan stand.png \"Le plan\")\n\n"
                      '<img src="/images/Salon hall B.png" alt="Le hall">\n', encoding="utf-8")
    live = content / "articles" / "publie.md"
    live.write_text(live.read_text(encoding="utf-8") + "\n![La visite](/uploads/Visite été (2).png)\n\n"
                    "<img src='/uploads/Équipe atelier.png' alt=\"L'équipe\">\n", encoding="utf-8")
    result = run_edcal("build", cwd=site)
    assert result.returncode == 0, result.stderr
    output = site / "output"
    assert not (output / "images" / "Plan stand.png").exists()
    assert not (output / "images" / "Salon hall B.png").exists()
    assert (output / "uploads" / "Visite été (2).png").is_file()
    assert (output / "uploads" / "Équipe atelier.png").is_file()
    result = run_edcal("build", cwd=site, env={"EDCAL_NOW": "2027-03-25T09:00:00+01:00"})
    assert result.returncode == 0, result.stderr
    assert (output / "images" / "Plan stand.png").is_file() and (output / "images" / "Salon hall B.png").is_file()


#: Images of the scheduled article /2027/futur/ written in ways a browser opens, each the site's file: the
#: build read only some of them, and the image went online before the article.
SCHEDULED_IMAGES = {
    # Relative to the article's page, which the check takes as a working image.
    "page-relative": ("../../images/plan-relatif.png", "../../images/hall-relatif.png"),
    # Without its scheme: the page's (as some editors and snippets write an address).
    "scheme-less": ("//blog.example.fr/images/sans-schema.png", "//blog.example.fr/images/sans-schema-html.png"),
    # Climbing above the root, which a browser reads as the root (nothing is above it).
    "above-the-root": ("/../images/salon-2027.png", "https://blog.example.fr/%2e%2e/images/salon-plan.png"),
}


@pytest.mark.parametrize(("markdown", "html"), SCHEDULED_IMAGES.values(), ids=SCHEDULED_IMAGES.keys())
def test_an_image_address_a_browser_opens_stays_out_until_its_article_s_date(site: Path, markdown: str,
                                                                               html: str) -> None:
    images = site / "content" / "images"
    names = [address.rsplit("/", 1)[1] for address in (markdown, html)]
    for name in names:
        shutil.copyfile(images / "public.png", images / name)
    future = site / "content" / "articles" / "futur.md"
    future.write_text(future.read_text(encoding="utf-8") + f"\n![Plan]({markdown})\n\n"
                      f'<img src="{html}" alt="Le hall">\n', encoding="utf-8")
    result = run_edcal("build", cwd=site)
    assert result.returncode == 0, result.stdout + result.stderr
    output = site / "output" / "images"
    assert not any((output / name).exists() for name in names)
    assert (output / "public.png").is_file()
    result = run_edcal("build", cwd=site, env={"EDCAL_NOW": "2027-03-25T09:00:00+01:00"})
    assert result.returncode == 0, result.stderr
    assert all((output / name).is_file() for name in names)


def test_images_a_web_editor_saved_outside_the_static_folders_go_online_with_their_article(site: Path) -> None:
    """A CMS saves uploads in a folder of its choice (``content/uploads/``), GitHub's "Upload files" beside the
    article, under their names from the phone (``Photo Équipe.JPG``), and writes them ``image: /uploads/…``,
    ``/uploads/…`` or ``{static}Photo%20%C3%89quipe.JPG`` (the link edcal's own hint writes). Outside
    STATIC_PATHS, the page went online with broken images, ``{static}`` left as written, and no word."""
    content = site / "content"
    (content / "uploads").mkdir()
    public = content / "images" / "public.png"
    for name in ("uploads/Photo Équipe.JPG", "uploads/Été 2027.png", "articles/Photo Équipe.JPG",
                 "uploads/Secret Futur.png"):
        shutil.copyfile(public, content / name)
    live = content / "articles" / "publie.md"
    live.write_text(live.read_text(encoding="utf-8").replace("Image: images/public.png",
                                                             "Image: /uploads/Photo Équipe.JPG")
                    + "\n![L'été](/uploads/%C3%89t%C3%A9%202027.png)\n\n![L'équipe]({static}Photo%20%C3%89quipe.JPG)\n",
                    encoding="utf-8")
    future = content / "articles" / "futur.md"
    future.write_text(future.read_text(encoding="utf-8").replace("image: images/futur-secret.png",
                                                                 "image: uploads/Secret Futur.png"), encoding="utf-8")
    result = run_edcal("build", cwd=site)
    assert result.returncode == 0, result.stderr
    assert "Cannot get modification stamp" not in result.stdout + result.stderr
    output = site / "output"
    page = (output / "2027" / "publie" / "index.html").read_text(encoding="utf-8")
    assert '/articles/Photo Équipe.JPG"' in page and "{static}" not in page, page
    for name in ("uploads/Photo Équipe.JPG", "uploads/Été 2027.png", "articles/Photo Équipe.JPG"):
        assert (output / name).is_file(), name
    assert not (output / "uploads" / "Secret Futur.png").exists()


def test_a_live_article_naming_a_file_out_of_the_content_folder_never_puts_it_online(site: Path) -> None:
    """Files online content shows are copied where no STATIC_PATHS folder holds them: never a file above the
    content folder, named with `..` or through a link inside it (the server's keys, the repository's secrets)."""
    content = site / "content"
    secret = secret_above_content(site)
    live = content / "articles" / "publie.md"
    live.write_text(live.read_text(encoding="utf-8")
                    + "\n![a]({static}../secret.png)\n\n![b](/uploads/lien.png)\n\n![c](uploads/../../secret.png)\n",
                    encoding="utf-8")
    result = run_edcal("build", "--no-check", cwd=site)
    assert result.returncode == 0, result.stderr
    copied = [p.relative_to(site / "output") for p in (site / "output").rglob("*.png")
              if p.read_bytes() == secret.read_bytes() and "images" not in p.parts]
    assert copied == [], copied


def test_an_image_online_content_names_however_stays_whatever_a_scheduled_article_does(site: Path) -> None:
    """A review found live pages losing their images to a scheduled article that showed them by address: a
    page's relative link, a srcset, a name with an apostrophe, a menu's link, a draft page's {static} logo."""
    images = site / "content" / "images"
    names = ("relatif.png", "hd.png", "l'atelier.png", "menu.png", "logo.png", "Photo Atelier.png",
             "u1.png", "p1.png", "s1.png", "c1.png", "Secret Atelier.png")
    for name in names:
        shutil.copyfile(images / "public.png", images / name)
    write_pelicanconf(site, 'MENUITEMS = (("Plaquette", "/images/menu.png"),)\nSITELOGO = "/images/logo.png"\n')
    future = site / "content" / "articles" / "futur.md"
    future.write_text(future.read_text(encoding="utf-8") + "".join(
        f"\n![x](/images/{name.replace(' ', '%20')})\n" for name in (*names[:6], names[-1])) + (
        '\n<img src=/images/u1.png alt="u"> <video poster="/images/p1.png"></video>\n'
        '<img src="/images/public.png" srcset="/images/s1.png 2x" alt="s">\n'
        '<div style="background-image:url(/images/c1.png)">x</div>\n'), encoding="utf-8")
    page = site / "content" / "pages" / "contact.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n![Plan](../images/relatif.png)\n\n'
                    '<img src="/images/public.png" srcset="/images/hd.png 2x" alt="HD">\n\n'
                    "![Atelier](/images/l'atelier.png)\n\n"
                    '<img src="/images/Photo Atelier.png" alt="Atelier">\n', encoding="utf-8")
    (site / "content" / "pages" / "offre.md").write_text(
        "Title: Offre\nStatus: draft\n\n![Logo]({static}/images/logo.png)\n", encoding="utf-8")
    assert run_edcal("build", cwd=site).returncode == 0
    output = site / "output" / "images"
    assert all((output / name).is_file() for name in names[:6]), sorted(p.name for p in output.iterdir())
    assert not [name for name in names[6:] if (output / name).exists()], "only the scheduled article shows them"


@pytest.mark.parametrize("english, french", [
    ("2027-02-01 09:00", "review"),  # the translation in review: the English original goes online alone
    ("review", "2027-02-01 09:00"),  # the original in review: the French translation waits for it
])
def test_translation_true_marks_the_translation_whichever_list_pelican_puts_each_in(
        site: Path, english: str, french: str) -> None:
    """Pelican pairs drafts and published articles apart: a French article marked `translation: true` of an
    English one in review was the original of its list, and went online before it (a review found it)."""
    articles = site / "content" / "articles"

    def header(value: str) -> str:
        return "Status: review\nDate: 2027-02-01 09:00\n" if value == "review" else f"Date: {value}\n"

    (articles / "story-en.md").write_text(f"Title: Story CANARY-EN\nLang: en\nSlug: story\n{header(english)}\n"
                                          "English text.\n", encoding="utf-8")
    (articles / "story.md").write_text(f"Title: Histoire CANARY-FR\nTranslation: true\n{header(french)}\n"
                                       "Texte.\n", encoding="utf-8")
    result = run_edcal("build", cwd=site)
    assert result.returncode == 0, result.stderr
    leaked = [path for path, text in tree_text(site / "output") if "CANARY-FR" in text]
    assert leaked == [], leaked
    english_online = english != "review"
    assert any("CANARY-EN" in text for _, text in tree_text(site / "output")) == english_online


def test_the_image_a_scheduled_article_shows_in_its_text_stays_out_until_its_date(site: Path) -> None:
    """The text of an article still to come is not rendered (docs/performance.md); the image it shows
    ({static}) stays out of output/ all the same, and goes online with the article."""
    shutil.copyfile(site / "content" / "images" / "public.png", site / "content" / "images" / "plan-secret.png")
    future = site / "content" / "articles" / "futur.md"
    future.write_text(future.read_text(encoding="utf-8") + "\n![Plan]({static}/images/plan-secret.png)\n",
                      encoding="utf-8")
    result = run_edcal("build", cwd=site)
    assert result.returncode == 0, result.stderr
    assert not (site / "output" / "images" / "plan-secret.png").exists()
    assert (site / "output" / "images" / "public.png").is_file()
    result = run_edcal("build", cwd=site, env={"EDCAL_NOW": "2027-03-25T09:00:00+01:00"})
    assert result.returncode == 0, result.stderr
    assert (site / "output" / "images" / "plan-secret.png").is_file()
    page = (site / "output" / "2027" / "futur" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<img alt="Plan" src="[^"]*images/plan-secret\.png"', page)


def test_a_scheduled_article_goes_live_everywhere_in_a_build_after_its_date(built_everything: Path) -> None:
    output = built_everything / "output"
    result = run_edcal("build", cwd=built_everything, env={"EDCAL_NOW": "2027-03-25T09:00:00+01:00"})
    assert result.returncode == 0, result.stderr
    page = output / "2027" / "futur" / "index.html"
    assert "CANARY-FUTURE-BODY-8840" in page.read_text(encoding="utf-8")
    assert "https://blog.example.fr/2027/futur/" in (output / "sitemap.xml").read_text(encoding="utf-8")
    listings = ["index.html", "archives.html", "2027/index.html", "2027/03/index.html", "tag/secret-future-tag/index.html",
                "category/prospective.html", "author/zoe-avenir.html", "feeds/all.atom.xml", "feeds/all.rss.xml",
                "feeds/all-fr.atom.xml", "feeds/prospective.atom.xml", "feeds/prospective.rss.xml",
                "feeds/tag/secret-future-tag.atom.xml", "feeds/tag/secret-future-tag.rss.xml",
                "feeds/author/zoe-avenir.atom.xml", "feeds/author/zoe-avenir.rss.xml"]
    for name in listings:
        assert "CANARY-FUTURE-2291" in (output / name).read_text(encoding="utf-8"), f"not in {name}"
    for name in ("tags.html", "categories.html", "authors.html"):
        assert re.search(r"secret-future-tag|Prospective|Zoé Avenir", (output / name).read_text(encoding="utf-8")), name
    assert (output / "images" / "futur-secret.png").is_file()
    assert items_by_id(load_plan(built_everything))["article-futur"]["status"] == "published"
    # Drafts and articles in review stay out, whatever the date.
    for path, text in tree_text(output):
        assert "CANARY-DRAFT-4410" not in text and "CANARY-REVIEW-1187" not in text, path


def test_pelican_s_content_cache_is_turned_off_and_a_scheduled_article_still_goes_live(site: Path) -> None:
    """A site with Pelican's CACHE_CONTENT: the second build stopped with "edcal: aborted" (the cache file
    left empty), and a cache of what readers returned would keep a scheduled article's status after its date."""
    write_pelicanconf(site, "CACHE_CONTENT = True\nLOAD_CONTENT_CACHE = True\n")
    for now in ("2027-02-15T10:00:00+01:00", "2027-03-25T09:00:00+01:00"):
        result = run_edcal("build", cwd=site, env={"EDCAL_NOW": now})
        assert result.returncode == 0, result.stderr
        assert "CACHE_CONTENT is turned off" in result.stdout, result.stdout
    assert "CANARY-FUTURE-BODY-8840" in (site / "output" / "2027" / "futur" / "index.html").read_text(encoding="utf-8")
    assert run_edcal("check", cwd=site).returncode in (0, 1)
    assert not (site / "cache").exists()  # neither a build nor a check writes Pelican's cache


#: A script's start, as `pelican -r`'s: the site built once, in a process that builds it again.
_BUILT_ONCE = ("import pathlib, threading\n"
               "from pelican import Pelican\n"
               "from pelican.settings import read_settings\n"
               "pelican = Pelican(read_settings('pelicanconf.py', override={'PATH': 'content'}))\n"
               "pelican.run()\n")


def _as_pelicans_loop(site: Path, script: str, jobs: str = "1") -> subprocess.CompletedProcess[str]:
    """Run a script driving Pelican as `pelican -r` does, in the site; it ends with exit code 0."""
    result = subprocess.run([sys.executable, "-c", script], cwd=site, capture_output=True, text=True, timeout=300,
                            check=False, env={**os.environ, "EDCAL_JOBS": jobs, "EDCAL_LANG": "en"})
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def test_each_run_of_pelicans_autoreload_reads_calendar_yaml_and_the_clock_again(site: Path) -> None:
    """`pelican -r` (Pelican's `make devserver`) runs again in the same process on each change: edcal kept the
    calendar and the "now" of the first run, so a post added to calendar.yaml never showed in planning/, and
    an article whose time came stayed offline until the server was restarted. Runs as Pelican's loop does."""
    script = (
        "import os, pathlib\n"
        "from pelican import Pelican\n"
        "from pelican.settings import read_settings\n"
        "pelican = Pelican(read_settings('pelicanconf.py', override={'PATH': 'content'}))\n"
        "pelican.run()\n"
        "calendar = pathlib.Path('calendar.yaml')\n"
        "calendar.write_text(calendar.read_text(encoding='utf-8') + '  - {id: added-later, networks: [x], '\n"
        "                    'at: 2027-04-01 10:00, text: Ajout CANARY-RERUN}\\n', encoding='utf-8')\n"
        "os.environ['EDCAL_NOW'] = '2027-03-25T10:00:00+01:00'  # futur.md's time has come\n"
        "pelican.run()\n"
        "good = calendar.read_text(encoding='utf-8')\n"
        "calendar.write_text(good.replace('networks: [x], at: 2027-04-01', 'networks: [twiter], at: 2027-04-01'),\n"
        "                    encoding='utf-8')\n"
        "import threading, time\n"
        "fixed = threading.Timer(3, lambda: calendar.write_text(good, encoding='utf-8'))\n"
        "fixed.start()\n"
        "began = time.monotonic()\n"
        "try:\n"
        "    pelican.run()\n"
        "except Exception as exc:  # as Pelican's loop, which runs again at once\n"
        "    print('caught', type(exc).__name__, exc, 'after the fix:', time.monotonic() - began > 2.5)\n"
        "pelican.run()\n")
    result = _as_pelicans_loop(site, script)
    plan = items_by_id(load_plan(site))
    assert "added-later-x" in plan, sorted(plan)
    assert "CANARY-FUTURE-2291" in (site / "output" / "index.html").read_text(encoding="utf-8")
    # A mistake saved while it runs is told at its line, and the next save that fixes it builds again.
    line = (site / "calendar.yaml").read_text(encoding="utf-8").splitlines().index(
        "  - {id: added-later, networks: [x], at: 2027-04-01 10:00, text: Ajout CANARY-RERUN}") + 1
    assert re.search(rf"calendar\.yaml:{line}:\d+: error: .*twiter", result.stdout + result.stderr), result.stderr
    # The run waits for a file to change (Pelican's loop would run it again and again on the error), then
    # lets the loop run again: calendar.yaml, which Pelican does not watch, counts.
    assert "this run stopped on the errors above: it runs again when a file of the site changes" in \
        result.stdout + result.stderr
    assert "caught RunStopped a file changed: edcal runs again after the fix: True" in result.stdout, result.stdout


def test_pelicans_autoreload_lives_on_when_its_settings_file_is_read_again_on_a_mistake(site: Path) -> None:
    """`pelican -r` reads its settings file again when it changes, in a new start: a mistake there (or in
    calendar.yaml at that moment) ended the server, exit 2, where a mistake saved while it runs stops that run
    only. Pelican's loop goes on with the settings it had; a run after it that stops still waits for a change."""
    script = (
        "import pathlib, threading\n"
        "from pelican import Pelican\n"
        "from pelican.settings import read_settings\n"
        "def start():\n"
        "    return Pelican(read_settings('pelicanconf.py', override={'PATH': 'content'}))\n"
        "pelican = start()\n"
        "pelican.run()\n"
        "calendar = pathlib.Path('calendar.yaml')\n"
        "good = calendar.read_text(encoding='utf-8')\n"
        "calendar.write_text(good.replace('timezone:', 'timezone: Lune/Mer\\nzone:', 1), encoding='utf-8')\n"
        "for attempt in (1, 2):  # the settings file changed: Pelican starts again, as its loop does\n"
        "    try:\n"
        "        pelican = start()\n"
        "    except Exception as exc:\n"
        "        print('caught', type(exc).__name__, exc)\n"
        "        threading.Timer(2, lambda: calendar.write_text(good, encoding='utf-8')).start()\n"
        "        try:\n"
        "            pelican.run()  # the instance it had: stops on calendar.yaml, waits for the fix\n"
        "        except Exception as exc:\n"
        "            print('then', type(exc).__name__)\n"
        "pelican.run()\n"
        "print('still serving')\n")
    result = _as_pelicans_loop(site, script)
    assert "caught RunStopped Pelican goes on with the settings it read before, until its settings file changes " \
        "again" in result.stdout, result.stdout + result.stderr
    assert re.search(r"calendar\.yaml:\d+:\d+: error: ", result.stdout + result.stderr), result.stderr
    assert "then RunStopped" in result.stdout and "still serving" in result.stdout, result.stdout


def test_pelicans_autoreload_says_each_time_it_waits_for_a_change(site: Path) -> None:
    """Pelican's log shows a warning once per process: the second run stopped on a mistake waited without a
    word, the server looking stuck."""
    script = _BUILT_ONCE + (
        "calendar = pathlib.Path('calendar.yaml')\n"
        "good = calendar.read_text(encoding='utf-8')\n"
        "for attempt in (1, 2):\n"
        "    calendar.write_text(good.replace('timezone:', 'zone:', 1), encoding='utf-8')\n"
        "    threading.Timer(2, lambda: calendar.write_text(good, encoding='utf-8')).start()\n"
        "    try:\n"
        "        pelican.run()\n"
        "    except Exception as exc:\n"
        "        print('caught', type(exc).__name__)\n")
    result = _as_pelicans_loop(site, script)
    assert result.stdout.count("caught RunStopped") == 2, result.stdout
    said = "this run stopped on the errors above: it runs again when a file of the site changes"
    assert (result.stdout + result.stderr).count(said) == 2, result.stderr


def test_pelicans_autoreload_leaves_no_worker_behind_while_it_waits(site: Path) -> None:
    """A run stopped on an article's mistake, found once the plan's worker had started: the worker stayed, a
    zombie process, for as long as edcal waited for a change (hours, on a server left running)."""
    script = _BUILT_ONCE + (
        "import os\n"
        "article = pathlib.Path('content/articles/publie.md')\n"
        "good = article.read_text(encoding='utf-8')\n"
        "article.write_text(good.replace('Date: 2027-02-01 09:00', 'Date: 2027-02-31 09:00'), encoding='utf-8')\n"
        "def fix():\n"
        "    children = [c for task in pathlib.Path(f'/proc/{os.getpid()}/task').iterdir()\n"
        "                for c in (task / 'children').read_text().split()]\n"
        "    print('children while waiting:', len(children))\n"
        "    article.write_text(good, encoding='utf-8')\n"
        "threading.Timer(3, fix).start()\n"
        "try:\n"
        "    pelican.run()\n"
        "except Exception as exc:\n"
        "    print('caught', type(exc).__name__)\n")
    result = _as_pelicans_loop(site, script, jobs="2")
    assert "caught RunStopped" in result.stdout, result.stdout + result.stderr
    assert "content/articles/publie.md:2:" in result.stdout + result.stderr, result.stderr
    assert "children while waiting: 0" in result.stdout, result.stdout


def test_pelicans_autoreload_says_a_settings_file_saved_during_the_wait_is_not_read_yet(site: Path) -> None:
    """A change of the settings file ends edcal's wait, not Pelican's: its loop runs again with the settings it
    had, and the change was built without a word (a new SITENAME never showed until the next save)."""
    script = _BUILT_ONCE + (
        "calendar, conf = pathlib.Path('calendar.yaml'), pathlib.Path('pelicanconf.py')\n"
        "good = calendar.read_text(encoding='utf-8')\n"
        "calendar.write_text(good.replace('timezone:', 'zone:', 1), encoding='utf-8')\n"
        "def fix():\n"
        "    calendar.write_text(good, encoding='utf-8')\n"
        "    conf.write_text(conf.read_text(encoding='utf-8') + 'SITENAME = \"Nouveau\"\\n', encoding='utf-8')\n"
        "threading.Timer(2, fix).start()\n"
        "try:\n"
        "    pelican.run()\n"
        "except Exception as exc:\n"
        "    print('caught', type(exc).__name__)\n")
    result = _as_pelicans_loop(site, script)
    assert "caught RunStopped" in result.stdout, result.stdout + result.stderr
    assert "edcal: pelicanconf.py changed while the run was stopped: the next run takes the settings read before; " \
        "save pelicanconf.py again once a run goes through, for Pelican to read it." in result.stderr, result.stderr


def test_plain_pelican_and_edcal_build_give_identical_plans(site: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    shutil.copytree(site, other)
    edcal = run_edcal("build", cwd=site)
    pelican = run_pelican(other)
    assert edcal.returncode == 0 and pelican.returncode == 0, pelican.stderr
    assert (site / "planning" / "plan.json").read_bytes() == (other / "planning" / "plan.json").read_bytes()


def test_a_build_of_another_folder_writes_into_that_site(site: Path, tmp_path: Path) -> None:
    """`edcal build --site blog` wrote the blog into ./output (Pelican's default is the current folder's),
    and a build from content/articles/ stopped on an output folder inside the content."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = run_edcal("build", "--site", str(site), cwd=elsewhere)
    assert result.returncode == 0, result.stderr
    assert "plan:" in result.stdout
    assert (site / "output" / "index.html").is_file() and (site / "planning" / "plan.json").is_file()
    assert list(elsewhere.iterdir()) == []
    below = site / "content" / "articles"
    below.mkdir(exist_ok=True)
    result = run_edcal("build", cwd=below)
    assert result.returncode == 0, result.stderr
    assert not (below / "output").exists() and (site / "output" / "index.html").is_file()


def test_two_builds_give_the_same_bytes(built: Path) -> None:
    first = (built / "planning" / "plan.json").read_bytes()
    blog = {path: path.read_bytes() for path in (built / "output").rglob("*") if path.is_file()}
    # Another process, another hash seed (the first build's is random): an order that follows a set's shows.
    assert run_edcal("build", cwd=built, env={"PYTHONHASHSEED": "7"}).returncode == 0
    assert (built / "planning" / "plan.json").read_bytes() == first
    # The blog too: pages, feeds and sitemap carry no build time.
    assert {path: path.read_bytes() for path in (built / "output").rglob("*") if path.is_file()} == blog


TRACEBACK = re.compile(r"Traceback|File \".*\", line \d+")


@pytest.mark.parametrize("command", ["edcal", "pelican"])
def test_an_impossible_article_date_exits_2_located_without_traceback(site: Path, command: str) -> None:
    article = site / "content" / "articles" / "publie.md"
    article.write_text(article.read_text(encoding="utf-8").replace("2027-02-01 09:00", "2027-02-30"),
                       encoding="utf-8")
    result = run_edcal("build", cwd=site) if command == "edcal" else run_pelican(site)
    assert result.returncode == 2
    assert "content/articles/publie.md:2:7: error: found '2027-02-30': February 2027 has 28 days" in result.stderr
    assert not TRACEBACK.search(result.stderr + result.stdout)
    assert not (site / "output").exists() and not (site / "planning").exists()


def test_a_yaml_syntax_error_exits_2_and_keeps_the_previous_outputs(built: Path) -> None:
    before = (built / "planning" / "plan.json").read_bytes()
    calendar = built / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace("text: Bonjour le monde",
                                                                     'text: "Bonjour le monde'),
                        encoding="utf-8")
    result = run_edcal("build", cwd=built)
    assert result.returncode == 2
    assert result.stderr.startswith("calendar.yaml:24:11: error: found a quote \" that is never closed")
    assert not TRACEBACK.search(result.stderr)
    assert (built / "planning" / "plan.json").read_bytes() == before
    assert not [p for p in built.iterdir() if p.name.startswith(".planning.edcal-")]


def test_a_category_whose_feed_is_the_sites_feed_is_refused_before_anything_is_written(site: Path) -> None:
    write_pelicanconf(site, 'CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"\n')
    article = site / "content" / "articles" / "publie.md"
    article.write_text(article.read_text(encoding="utf-8").replace("Category: Essais", "Category: All"),
                       encoding="utf-8")
    result = run_edcal("build", cwd=site)
    assert result.returncode == 2, result.stderr
    assert ("content/articles/publie.md:4:11: error: the Atom feed of the category 'All' is written at "
            "output/feeds/all.atom.xml, where the site's Atom feed (FEED_ALL_ATOM) is written too") in result.stderr
    assert "hint: rename the category" in result.stderr
    assert not TRACEBACK.search(result.stderr + result.stdout)
    assert not (site / "output").exists() and not (site / "planning").exists()
    checked = run_edcal("check", cwd=site)
    assert checked.returncode == 2
    assert "content/articles/publie.md:4:11: error: the Atom feed of the category 'All'" in checked.stderr


def test_a_page_written_where_a_site_page_is_written_is_refused(site: Path) -> None:
    write_pelicanconf(site, 'PAGE_URL = "{slug}.html"\nPAGE_SAVE_AS = "{slug}.html"\n')
    page = site / "content" / "pages" / "contact.md"
    page.write_text(page.read_text(encoding="utf-8").replace("Title: ", "Slug: archives\nTitle: ", 1),
                    encoding="utf-8")
    result = run_edcal("build", cwd=site)
    assert result.returncode == 2, result.stderr
    assert "content/pages/contact.md:1:7: error: " in result.stderr
    assert "is written at output/archives.html, where the page archives.html is written too" in result.stderr
    assert "hint: give it another `slug:`" in result.stderr
    assert not TRACEBACK.search(result.stderr + result.stdout)


def test_an_unknown_field_in_an_article_is_an_error_with_a_suggestion(site: Path) -> None:
    article = site / "content" / "articles" / "publie.md"
    article.write_text(article.read_text(encoding="utf-8").replace("Category:", "Staus: draft\nCategory:"),
                       encoding="utf-8")
    result = run_edcal("build", cwd=site)
    assert result.returncode == 2
    assert "content/articles/publie.md:4:1: error: unknown field 'staus'" in result.stderr
    assert "did you mean 'status'?" in result.stderr


def test_a_field_of_the_blogs_theme_is_told_to_go_in_extra_metadata(site: Path) -> None:
    """A blog adopting edcal has fields its theme or plugins read (`Series:`): the hint listed edcal's
    fields only, and never named EDCAL_EXTRA_METADATA, the setting that accepts them."""
    article = site / "content" / "articles" / "publie.md"
    article.write_text(article.read_text(encoding="utf-8").replace("Category:", "Series: portraits\nCategory:"),
                       encoding="utf-8")
    result = run_edcal("build", cwd=site)
    assert result.returncode == 2
    assert "content/articles/publie.md:4:1: error: unknown field 'series'\n    hint: a field of your theme or of " \
           "a plugin: list it in pelicanconf.py, EDCAL_EXTRA_METADATA = ['series']; edcal's own fields: author, " \
           "authors, campaign," in result.stderr
    # A field edcal takes for another tool's name of one of its own may be the theme's too.
    article.write_text(article.read_text(encoding="utf-8").replace("Series:", "Description:"), encoding="utf-8")
    result = run_edcal("build", cwd=site)
    assert "hint: did you mean 'summary'? or, if your theme or a plugin reads it, list it in pelicanconf.py, " \
           "EDCAL_EXTRA_METADATA = ['description']\n" in result.stderr
    article.write_text(article.read_text(encoding="utf-8").replace("Description:", "Staus:"), encoding="utf-8")
    assert "unknown field 'staus'\n    hint: did you mean 'status'?\n" in run_edcal("build", cwd=site).stderr
    article.write_text(article.read_text(encoding="utf-8").replace("Staus:", "Series:"), encoding="utf-8")
    write_pelicanconf(site, "EDCAL_EXTRA_METADATA = ['series']\n")
    result = run_edcal("build", cwd=site)
    assert result.returncode == 0, result.stderr
    # A second field: the setting given keeps the first (`= ['mood']` alone would drop 'series').
    article.write_text(article.read_text(encoding="utf-8").replace("Series:", "Mood: calm\nSeries:"),
                       encoding="utf-8")
    assert "EDCAL_EXTRA_METADATA = ['series', 'mood']; edcal's own fields" in run_edcal("build", cwd=site).stderr


def test_without_source_date_epoch_outside_git_an_edited_article_moves_the_timestamp(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Outside git the outputs' timestamp is the newest input's time: editing one article is enough."""
    import os

    from edcal.clock import build_time

    site = tmp_path / "site"
    (site / "content" / "articles").mkdir(parents=True)
    (site / "calendar.yaml").write_text("version: 1\n", encoding="utf-8")
    article = site / "content" / "articles" / "a.md"
    article.write_text("Title: A\n", encoding="utf-8")
    for path in (site / "calendar.yaml", article, site / "content" / "articles", site / "content"):
        os.utime(path, (1_700_000_000, 1_700_000_000))
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert build_time(site, ["calendar.yaml", "content"]).timestamp() == 1_700_000_000
    os.utime(article, (1_800_000_000, 1_800_000_000))  # edited in place: its folder's time does not move
    assert build_time(site, ["calendar.yaml", "content"]).timestamp() == 1_800_000_000
    # SITEURL is in every event's links: the settings are inputs too.
    from edcal.pelican_plugin.state import input_paths

    (site / "pelicanconf.py").write_text("SITEURL = 'https://ailleurs.example'\n", encoding="utf-8")
    os.utime(site / "pelicanconf.py", (1_900_000_000, 1_900_000_000))
    inputs = input_paths(site, {"PATH": str(site / "content")})
    assert "pelicanconf.py" in inputs and "publishconf.py" not in inputs  # only files the site has
    assert build_time(site, inputs).timestamp() == 1_900_000_000
    # The site's templates of drafts make the posts' texts in the feeds: an edited one moved no stamp.
    drafts = site / "theme" / "drafts"
    drafts.mkdir(parents=True)
    (drafts / "linkedin.txt.j2").write_text("{{ text }}\n", encoding="utf-8")
    os.utime(drafts / "linkedin.txt.j2", (1_950_000_000, 1_950_000_000))
    inputs = input_paths(site, {"PATH": str(site / "content"), "THEME": "theme"})
    assert "theme/drafts" in inputs and "theme/planning" not in inputs  # the folders the site has
    assert build_time(site, inputs).timestamp() == 1_950_000_000
    # Its translations give the drafts their words too.
    (site / "overrides" / "translations").mkdir(parents=True)
    (site / "overrides" / "translations" / "fr.yaml").write_text("'Read the article:': 'À lire :'\n",
                                                                 encoding="utf-8")
    os.utime(site / "overrides" / "translations" / "fr.yaml", (1_960_000_000, 1_960_000_000))
    inputs = input_paths(site, {"PATH": str(site / "content"), "THEME": "theme",
                                "THEME_TEMPLATES_OVERRIDES": [str(site / "overrides")]})
    assert "overrides/translations" in inputs and build_time(site, inputs).timestamp() == 1_960_000_000


def test_an_undated_draft_has_no_url_yet(site: Path) -> None:
    """ARTICLE_URL made from the date: Pelican would put an undated draft in year 9999."""
    from edcal.pelican_plugin.metadata import read_plan

    (site / "content" / "articles" / "sans-date.md").write_text(
        "Title: Sans date\nStatus: draft\n\nTexte.\n", encoding="utf-8")
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8") + "  - {id: tot, at: 2027-03-01 09:00, networks: [x], "
                        "article: sans-date, text: Bientôt}\n", encoding="utf-8")
    plan = read_plan(site, "pelicanconf.py")
    items = {item.id: item for item in plan.items}
    assert items["article-sans-date"].url is None
    assert items["tot-x"].url is None  # a post about it has no link yet (was "")
    assert items["article-brouillon"].url == "https://blog.example.fr/2027/brouillon/"


@pytest.mark.parametrize("draft", ["en", "fr"])
def test_a_translation_in_progress_beside_a_published_article_builds(site: Path, draft: str) -> None:
    """Pelican pairs translations within drafts apart: the English draft was an original too, promoted on its own.

    Two items 'publie-linkedin-0' stopped every build until both versions had the same status.
    """
    english = site / "content" / "articles" / "publie-en.md"
    english.write_text("Title: A published article\nDate: 2027-02-01 09:00\nLang: en\nSlug: publie\n"
                       "Category: Essais\n\nThe body.\n", encoding="utf-8")
    draft_file = english if draft == "en" else site / "content" / "articles" / "publie.md"
    draft_file.write_text(draft_file.read_text(encoding="utf-8").replace("Date:", "Status: draft\nDate:", 1),
                          encoding="utf-8")
    result = run_edcal("build", cwd=site)
    assert result.returncode == 0, result.stderr
    plan = load_plan(site)
    promotions = [i["id"] for i in plan["items"] if i["kind"] == "post" and i.get("article") == "publie"]
    assert sorted(promotions) == ["publie-linkedin-0", "publie-linkedin-2d", "publie-x-0", "publie-x-2d"]
    secret = "The body." if draft == "en" else "Le corps de l'article publié"
    assert not [path for path, text in tree_text(site / "output") if secret in text], "the draft reached output/"


def test_a_translation_dated_before_its_original_waits_for_it(site: Path) -> None:
    """An English version dated before its French original was written alone: its page in output/, in no
    list, sitemap or feed, no link from the original, and the original's subject told early."""
    english = site / "content" / "articles" / "futur-en.md"
    english.write_text("Title: A future article CANARY-EN-3391\nDate: 2027-02-10 09:00\nLang: en\nSlug: futur\n"
                       "Tags: secret-future-tag\n\nThe English body.\n", encoding="utf-8")
    result = run_edcal("build", cwd=site)
    assert result.returncode == 0, result.stderr
    assert not [path for path, text in tree_text(site / "output") if "CANARY-EN-3391" in text or "futur" in
                path.relative_to(site / "output").as_posix()], "the translation reached output/ before its original"
    items = items_by_id(load_plan(site))
    assert (items["article-futur-en"]["status"], items["article-futur-en"]["start"][:16]) == (
        "scheduled", "2027-03-25T09:00")
    checked = run_edcal("check", "--only", "translation-before-original", cwd=site)
    assert ("content/articles/futur-en.md:2:7: warning: translation 'futur' (en) is dated 2027-02-10 09:00, "
            "before its original content/articles/futur.md goes online (2027-03-25 09:00): it waits for it"
            ) in checked.stdout
    assert "hint: date it when its original goes online, or later: `date: 2027-03-25 09:00`" in checked.stdout
    # Both online: the translation too, linked from its original, in the sitemap and the feed.
    later = {"EDCAL_NOW": "2027-03-25T09:00:00+01:00"}
    result = run_edcal("build", cwd=site, env=later)
    assert result.returncode == 0, result.stderr
    output = site / "output"
    assert "CANARY-EN-3391" in (output / "futur-en.html").read_text(encoding="utf-8")  # ARTICLE_LANG_SAVE_AS
    assert "futur-en.html" in (output / "2027" / "futur" / "index.html").read_text(encoding="utf-8")
    assert "https://blog.example.fr/futur-en.html" in (output / "sitemap.xml").read_text(encoding="utf-8")
    assert "CANARY-EN-3391" in (output / "feeds" / "all.atom.xml").read_text(encoding="utf-8")
    assert "translation-before-original" not in run_edcal("check", cwd=site, env=later).stdout


def test_one_tag_written_three_ways_is_listed_once(site: Path) -> None:
    """`Tags: Soudure, soudure, SOUDURE` linked three times to the one tag page."""
    published = site / "content" / "articles" / "publie.md"
    published.write_text(published.read_text(encoding="utf-8").replace(
        "Tags: réseaux sociaux, test", "Tags: Soudure, test, soudure, SOUDURE"), encoding="utf-8")
    result = run_edcal("build", cwd=site)
    assert result.returncode == 0, result.stderr
    page = (site / "output" / "2027" / "publie" / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'href="[^"]*tag/soudure/"[^>]*>\s*#?([^<]+?)\s*<', page) == ["Soudure"]
    plan = load_plan(site)
    assert "#Soudure #Test" in items_by_id(plan)["publie-linkedin-0"]["text"]
    checked = run_edcal("check", "--only", "category-variant", cwd=site)
    assert "tag 'soudure' of 'publie' is also written 'Soudure' in the same article: one tag twice" in checked.stdout
    assert "tag 'SOUDURE' of 'publie' is also written 'Soudure'" in checked.stdout


def test_a_code_block_without_a_language_is_shown_as_written(site: Path) -> None:
    """Pygments' guess coloured a French paragraph as code of some language, and took 7.9 s on 2,500
    empty blocks; a block that names its language is coloured."""
    published = site / "content" / "articles" / "publie.md"
    published.write_text(published.read_text(encoding="utf-8")
                         + "\n```\ndef ouvrir(portail):\n    return True\n```\n"
                         + "\n```python\ndef fermer(portail):\n    return False\n```\n", encoding="utf-8")
    result = run_edcal("build", cwd=site)
    assert result.returncode == 0, result.stderr
    page = (site / "output" / "2027" / "publie" / "index.html").read_text(encoding="utf-8")
    blocks = re.findall(r'<div class="highlight"><pre[^>]*>(.*?)</pre></div>', page, re.DOTALL)
    assert len(blocks) == 2, page
    assert "def ouvrir" in re.sub(r"<[^>]+>", "", blocks[0]) and 'class="k"' not in blocks[0]
    assert '<span class="k">def</span>' in blocks[1]


@pytest.mark.parametrize("lang", ["fr-FR", "fr_FR"])
def test_the_sites_language_written_otherwise_is_an_error(site: Path, lang: str) -> None:
    """`Lang: fr-FR` on a French site went online apart, at /fr-FR/…, as a translation of nothing."""
    article = site / "content" / "articles" / "publie.md"
    article.write_text(article.read_text(encoding="utf-8").replace("Category:", f"Lang: {lang}\nCategory:"),
                       encoding="utf-8")
    result = run_edcal("check", cwd=site)
    assert result.returncode == 2, result.stdout
    assert (f"content/articles/publie.md:4:7: error: found lang '{lang}', the site's own language written otherwise "
            "(DEFAULT_LANG is 'fr')") in result.stderr
    assert "hint: write lang: fr, or leave lang out" in result.stderr


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_day_whose_midnight_the_clocks_skip_starts_at_its_first_instant(empty_site, jobs: str) -> None:
    """Santiago's clocks jump from 00:00 to 01:00 on 2026-09-06: an article dated that day and a freeze
    from and until it were refused ("2026-09-06 00:00 does not exist … choose another time")."""
    site = empty_site("version: 1\ntimezone: America/Santiago\nnetworks:\n  x: {}\nfreeze:\n"
                      "  - {from: 2026-09-06, until: 2026-09-06, reason: Congé, blog: false}\n",
                      {"printemps.md": "---\ntitle: Printemps\ndate: 2026-09-06\n---\nTexte.\n"})
    write_pelicanconf(site, 'TIMEZONE = "America/Santiago"\n')
    result = run_edcal("build", cwd=site, env={"EDCAL_JOBS": jobs})
    assert result.returncode == 0, result.stderr
    plan = load_plan(site)
    article = next(item for item in plan["items"] if item["kind"] == "article")
    assert article["start"] == "2026-09-06T01:00:00-03:00", article  # the day starts at 01:00 local
    window = plan["freezes"][0]
    assert (window["start"], window["end"]) == ("2026-09-06T01:00:00-03:00", "2026-09-07T00:00:00-03:00")


def test_an_articles_template_is_one_that_renders_an_article(site: Path) -> None:
    """docs/articles.md's `template: article-wide` was refused with a hint, `template: page`, that stopped
    the build when followed ('page' is undefined in page.html): the check refuses what would not render the
    article, and the hint names what does."""
    article = site / "content" / "articles" / "publie.md"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("Date:", "Template: page\nDate:", 1), encoding="utf-8")
    result = run_edcal("check", cwd=site, env={"EDCAL_LANG": "en"})
    assert result.returncode == 2, result.stderr
    assert ("content/articles/publie.md:2:11: error: found template 'page', the theme's template for pages: an "
            "article rendered with it stops the build\n"
            "    hint: remove it (article.html renders it), or name a template of your own, written as "
            "article.html is\n") in result.stderr
    article.write_text(text.replace("Date:", "Template: article-wide\nDate:", 1), encoding="utf-8")
    result = run_edcal("check", cwd=site, env={"EDCAL_LANG": "en"})
    assert result.returncode == 2, result.stderr
    assert ("content/articles/publie.md:2:11: error: found template 'article-wide', which the theme does not "
            "have\n    hint: remove it (article.html renders it), or add article-wide.html to the theme's "
            "templates, written as article.html is\n") in result.stderr
    assert "template: page" not in result.stderr
    # The hint followed, as docs/theme.md shows it: the article builds, in its own template.
    (site / "overrides").mkdir()
    (site / "overrides" / "article-wide.html").write_text(
        '{% extends "!theme/article.html" %}\n{% block title %}WIDE {{ super() }}{% endblock %}\n',
        encoding="utf-8")
    write_pelicanconf(site, 'THEME_TEMPLATES_OVERRIDES = ["overrides"]\n')
    result = run_edcal("build", cwd=site)
    assert result.returncode == 0, result.stderr
    page = (site / "output" / "2027" / "publie" / "index.html").read_text(encoding="utf-8")
    assert "<title>WIDE Un article publié" in page and "Le corps de l'article publié" in page


def test_a_pages_template_is_not_the_articles_one(site: Path) -> None:
    """`template: article` on a page stopped the build ('article' is undefined) after check passed."""
    page = site / "content" / "pages" / "contact.md"
    page.write_text(page.read_text(encoding="utf-8").replace("Title: Contact\n", "Title: Contact\nTemplate: article\n"),
                    encoding="utf-8")
    result = run_edcal("check", cwd=site, env={"EDCAL_LANG": "en"})
    assert result.returncode == 2, result.stderr
    assert ("content/pages/contact.md:2:11: error: found template 'article', the theme's template for articles: a "
            "page rendered with it stops the build\n"
            "    hint: remove it (page.html renders it), or name a template of your own, written as page.html is\n"
            ) in result.stderr


def test_the_summary_names_what_went_online_by_its_date_since_the_sources_changed(site: Path) -> None:
    """A scheduled CI build's log printed the same counts at every run: which article it had published was
    left to find by comparing them with the run before."""
    result = run_edcal("build", cwd=site, env={"EDCAL_LANG": "en"})  # sources of 2026-09-21, now 2027-02-15
    assert result.returncode == 0, result.stderr
    assert ("\n  1 online by its date since the sources last changed (2026-09-21 16:13): 'Un article publié' "
            "(2027-02-01 09:00)\n") in result.stdout
    committed_since = run_edcal("build", cwd=site, env={"EDCAL_LANG": "en", "SOURCE_DATE_EPOCH": "1802000000"})
    assert committed_since.returncode == 0 and " online by " not in committed_since.stdout


@pytest.mark.usefixtures("site_language")
def test_the_summary_writes_those_dates_as_the_sites_language_does(site: Path) -> None:
    """A manager's trial read "depuis la dernière modification des sources (2026-12-08 01:47) : « … »
    (2027-01-12 09:00)" where docs/checks.md promises French dates on the command line as `edcal check` writes
    them, 12/01/2027."""
    result = run_edcal("build", cwd=site)  # sources of 2026-09-21, now 2027-02-15
    assert result.returncode == 0, result.stderr
    assert ("\n  1 mis en ligne à sa date depuis la dernière modification des sources (21/09/2026 16:13) : "
            "« Un article publié » (01/02/2027 09:00)\n") in result.stdout.replace("\u00a0", " ")


def test_a_status_pelicans_settings_give_keeps_an_article_offline(site: Path) -> None:
    """``DEFAULT_METADATA = {"status": "draft"}``, common on Pelican blogs, ``EXTRA_PATH_METADATA`` for a folder
    and a ``(?P<status>…)`` of ``PATH_METADATA``: edcal's header made every article without a `status:` line
    published, and all four went online. An article's own line still wins."""
    articles = site / "content" / "articles"
    for folder, name in (("", "par-defaut"), ("attente", "dossier"), ("drafts", "chemin")):
        (articles / folder).mkdir(exist_ok=True)
        (articles / folder / f"{name}.md").write_text(
            f"Title: CANARY-SETTINGS-{name}\nDate: 2027-01-20 09:00\n\nTexte.\n", encoding="utf-8")
    (articles / "voulu.md").write_text("Title: Voulu en ligne\nStatus: published\nDate: 2027-01-20 09:00\n\n"
                                       "Texte.\n", encoding="utf-8")
    write_pelicanconf(site, 'DEFAULT_METADATA = {"status": "draft"}\n'
                            'EXTRA_PATH_METADATA = {"articles/attente": {"status": "draft"}}\n'
                            'PATH_METADATA = r"articles/(?P<status>draft)s/.*"\n')
    # Only the default applies to publie.md, which says no status either: it is a draft now.
    future = articles / "futur.md"
    future.write_text(future.read_text(encoding="utf-8").replace("---\n", "---\nstatus: published\n", 1),
                      encoding="utf-8")
    result = run_edcal("build", cwd=site)
    assert result.returncode == 0, result.stderr
    for path, text in tree_text(site / "output"):
        assert "CANARY-SETTINGS" not in text and "Un article publié" not in text, path
    assert (site / "output" / "2027" / "voulu" / "index.html").is_file()
    statuses = {i["id"]: i["status"] for i in load_plan(site)["items"] if i["kind"] == "article"}
    assert {statuses[f"article-{name}"] for name in ("par-defaut", "dossier", "chemin", "publie")} == {"draft"}
    assert statuses["article-voulu"] == "published"
    # A folder PATH_METADATA reads as a status it is not: said at the file, naming the setting.
    (articles / "brouillons").mkdir()
    (articles / "brouillons" / "x.md").write_text("Title: X\nDate: 2027-01-20 09:00\n\nTexte.\n", encoding="utf-8")
    write_pelicanconf(site, 'PATH_METADATA = r"articles/(?P<status>[a-z]+)s/.*"\n')
    refused = run_edcal("check", cwd=site, env={"EDCAL_LANG": "en"})
    assert refused.returncode == 2 and "content/articles/brouillons/x.md:1:1: error: found status 'brouillon', " \
        "which PATH_METADATA gives this file; expected draft, review, published or hidden" in refused.stderr


def test_the_image_of_a_post_the_log_says_was_skipped_stays_out(site: Path) -> None:
    """A post's image goes online at the post's time, which the post links to; a post that did not go out
    (``skipped: true`` in the log) never showed it, and its image went out all the same."""
    images = site / "content" / "images"
    for name in ("parti.png", "jamais.png"):
        shutil.copyfile(images / "public.png", images / name)
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace("\nposts:\n", (
        "\nposted:\n  - {item: jamais-linkedin, skipped: true}\n"
        "posts:\n"
        "  - {id: parti, networks: [linkedin], at: 2027-02-02 10:00, text: Parti, image: images/parti.png}\n"
        "  - {id: jamais, networks: [linkedin], at: 2027-02-04 12:30, text: Jamais, image: images/jamais.png}\n")),
        encoding="utf-8")
    result = run_edcal("build", cwd=site)
    assert result.returncode == 0, result.stderr
    assert (site / "output" / "images" / "parti.png").is_file()
    assert not (site / "output" / "images" / "jamais.png").exists()


WARNING_PLUGIN = '''
import logging

from pelican import signals

log = logging.getLogger(__name__)


def _warn(generator):
    log.warning("the site's own plugin warns of content/articles/a-rather-long-article-name.md, "
                "a message longer than the eighty columns of a terminal")


def register():
    signals.article_generator_finalized.connect(_warn)
'''


def test_pelicans_lines_in_a_ci_log_are_whole_lines(site: Path) -> None:
    """A CI log is no terminal: Pelican's (rich) lines came cut at 80 columns, padded with spaces."""
    add_site_plugin(site, "avertit", WARNING_PLUGIN)
    built = run_edcal("build", cwd=site)
    assert built.returncode == 0, built.stderr
    lines = built.stdout.splitlines()
    assert ("WARNING: the site's own plugin warns of content/articles/a-rather-long-article-name.md, "
            "a message longer than the eighty columns of a terminal") in lines, built.stdout
    assert not [line for line in lines if line != line.rstrip()]
    verbose = run_edcal("build", "-v", cwd=site)
    assert verbose.returncode == 0, verbose.stderr
    done = [line for line in verbose.stdout.splitlines() if line.startswith("Done: Processed")]
    assert len(done) == 1 and done[0].endswith(" seconds."), verbose.stdout
    assert not [line for line in verbose.stdout.splitlines() if line != line.rstrip()]


def test_a_drafts_upload_stays_out_though_a_live_page_shows_another_file_of_its_name(site: Path) -> None:
    """A web editor keeps each upload's name from the phone: content/uploads/public.png, a draft's, went online
    because a live page shows images/public.png, another file of that name (and the draft's future with it)."""
    content = site / "content"
    (content / "uploads").mkdir()
    (content / "uploads" / "public.png").write_bytes(b"CANARY draft's upload")
    (content / "uploads" / "partage.png").write_bytes(b"shared upload")
    draft = content / "articles" / "brouillon.md"
    draft.write_text(draft.read_text(encoding="utf-8")
                     + "\n![A]({static}/uploads/public.png) ![B](/uploads/partage.png)\n", encoding="utf-8")
    live = content / "articles" / "publie.md"
    live.write_text(live.read_text(encoding="utf-8") + "\n![B](/uploads/partage.png)\n", encoding="utf-8")
    result = run_edcal("build", cwd=site)
    assert result.returncode == 0, result.stderr
    output = site / "output"
    assert not [path for path in output.rglob("*") if path.is_file() and b"CANARY" in path.read_bytes()]
    assert (output / "images" / "public.png").is_file()
    assert (output / "uploads" / "partage.png").read_bytes() == b"shared upload"


def test_the_summary_names_the_feeds_too_heavy_for_google_calendar(site: Path) -> None:
    """A year of daily posts made calendar.ics megabytes: Google Calendar, which reads about 1 MB of a
    subscription, dropped events silently, and the build said nothing of it. The summary names each such
    feed, with its size and events (the freeze of the site's calendar.yaml is one), and what to subscribe to
    instead."""
    calendar = site / "calendar.yaml"
    text = ("Un mot de l'atelier. " * 130).strip()
    calendar.write_text(calendar.read_text(encoding="utf-8") + (
        "  - id: quotidien\n    networks: [linkedin]\n"
        f'    repeat: {{every: day, at: "10:00", from: 2027-03-01, count: 330}}\n    text: "{text}"\n'),
        encoding="utf-8")
    result = run_edcal("build", cwd=site, env={"EDCAL_LANG": "en"})
    assert result.returncode == 0, result.stderr
    assert ("\n  2 feeds over 1 MB, more than Google Calendar is known to read whole (a heavier subscription is "
            "reported to lose events, silently): planning/calendar.ics (1.2 MB, 356 events), "
            "planning/calendars/linkedin.ics (1.1 MB, 338 events); subscribe to a network's, a person's or a "
            "campaign's feed instead, or keep fewer events in the feeds (`feeds: past:` for those gone by, "
            "`feeds: future:` for those to come)\n") in result.stdout
    # The other feeds are light: not named.
    assert "mastodon.ics (" not in result.stdout and "people/" not in result.stdout
    # The planning page, where the team picks a feed to subscribe to, says it beside the two (in French).
    page = (site / "planning" / "index.html").read_text(encoding="utf-8")
    said = re.findall(r'<span class="feed-name">([^<]*)</span>(?:(?!</li>).)*?<span class="heavy">([^<]*)</span>',
                      page, re.S)
    assert [(name, text.replace("\xa0", " ")) for name, text in said] == [  # no-break spaces before : and ;
        ("Planning de publication", "⚠ 1,2 Mo, 356 événements : plus que Google Agenda n&#39;en lit en entier "
         "(il perdrait des événements) ; là, abonnez-vous au flux d&#39;un réseau, d&#39;une personne ou "
         "d&#39;une campagne"),
        ("LinkedIn", "⚠ 1,1 Mo, 338 événements : plus que Google Agenda n&#39;en lit en entier "
         "(il perdrait des événements) ; là, abonnez-vous au flux d&#39;un réseau, d&#39;une personne ou "
         "d&#39;une campagne"),
    ]
    # Those daily posts are all to come: `feeds: past:` could not help, `feeds: future:` does.
    calendar.write_text(calendar.read_text(encoding="utf-8") + "feeds: {future: 3 months}\n", encoding="utf-8")
    result = run_edcal("build", cwd=site, env={"EDCAL_LANG": "en"})
    assert result.returncode == 0, result.stderr
    assert " MB, more than Google Calendar" not in result.stdout
    assert (site / "planning" / "calendar.ics").stat().st_size < 500_000
    assert len(json.loads((site / "planning" / "plan.json").read_text(encoding="utf-8"))["items"]) > 330


def test_the_summary_is_silent_on_feeds_of_a_usual_size(built: Path) -> None:
    result = run_edcal("build", cwd=built, env={"EDCAL_LANG": "en"})
    assert result.returncode == 0 and " MB, more than Google Calendar" not in result.stdout
    assert 'class="heavy"' not in (built / "planning" / "index.html").read_text(encoding="utf-8")


def test_plan_json_gives_each_absences_stand_in() -> None:
    """A dashboard of who is away could not say who takes over: each absence gives its stand-in's id, null
    for none, as the schema says."""
    from edcal.outputs.plan_json import document
    from helpers import PARIS_CALENDAR, calendar_from, plan_of

    calendar = calendar_from(PARIS_CALENDAR.replace(
        "{id: ana, name: Ana}", "{id: ana, name: Ana, away: [{from: 2027-08-02, until: 2027-08-20, reason: Congés, "
        "stand_in: ben}, {from: 2027-12-24, until: 2027-12-31}]}\n  - {id: ben, name: Ben}"))
    plan = json.loads(json.dumps(document(plan_of(calendar))))
    jsonschema.validate(plan, SCHEMA)
    assert plan["people"] == [
        {"id": "ana", "name": "Ana", "away": [
            {"from": "2027-08-02", "until": "2027-08-20", "reason": "Congés", "stand_in": "ben"},
            {"from": "2027-12-24", "until": "2027-12-31", "reason": None, "stand_in": None}]},
        {"id": "ben", "name": "Ben"}]
    del plan["people"][0]["away"][0]["stand_in"]
    assert not jsonschema.Draft202012Validator(SCHEMA).is_valid(plan)


def test_plan_json_says_from_when_the_log_counts() -> None:
    """An analyst counting what went out by the items' `posted` found October empty where the report said 4:
    the months before the log's first are taken at the plan's word, and plan.json did not say which those
    are. `log` gives the first day the log counts from, and the file its lines go in; null without a log."""
    from edcal.outputs.plan_json import document
    from helpers import PARIS_CALENDAR, calendar_from, plan_of

    entries = ("posts:\n  - {id: e, at: 2026-10-01 09:00, networks: [x], text: E}\n"
               "  - {id: a, at: 2026-12-03 09:00, networks: [x], text: A}\n")
    logged = calendar_from(PARIS_CALENDAR + entries + "posted:\n  - a-x\n")
    plan = json.loads(json.dumps(document(plan_of(logged, now="2027-01-04T08:00:00+01:00"))))
    jsonschema.validate(plan, SCHEMA)
    assert plan["log"] == {"since": "2026-12-01", "file": "calendar.yaml"}
    del plan["log"]["since"]
    assert not jsonschema.Draft202012Validator(SCHEMA).is_valid(plan)
    unlogged = json.loads(json.dumps(document(plan_of(calendar_from(PARIS_CALENDAR + entries),
                                                      now="2027-01-04T08:00:00+01:00"))))
    jsonschema.validate(unlogged, SCHEMA)
    assert unlogged["log"] is None


def test_plan_json_gives_the_file_of_a_log_begun_with_no_line() -> None:
    """A log begun with `posted:` alone in calendar.d/publie.yaml was given as `file: calendar.yaml`."""
    from edcal.outputs.plan_json import document
    from helpers import PARIS_CALENDAR, calendar_from, plan_of

    begun = calendar_from(PARIS_CALENDAR + "posts:\n  - {id: a, at: 2027-01-03 09:00, networks: [x], text: A}\n",
                          {"publie.yaml": "posted:\n"})
    plan = json.loads(json.dumps(document(plan_of(begun, now="2027-01-04T08:00:00+01:00"))))
    assert plan["log"]["file"] == "calendar.d/publie.yaml"


def test_two_zones_in_the_two_files_name_the_settings_line(site: Path) -> None:
    """The error stood at calendar.yaml's `timezone:` and said "in the Pelican settings (TIMEZONE)": which
    file and line (pelicanconf.py, or publishconf.py for a production build) the writer had to find."""
    write_pelicanconf(site, 'TIMEZONE = "Europe/London"\n')
    result = run_edcal("check", cwd=site)
    assert result.returncode == 2, result.stdout + result.stderr
    line = (site / "pelicanconf.py").read_text(encoding="utf-8").splitlines().index('TIMEZONE = "Europe/London"') + 1
    assert ("error: timezone is 'Europe/Paris' here but 'Europe/London' in the Pelican settings "
            f"(TIMEZONE, pelicanconf.py:{line})\n") in result.stderr, result.stderr


def test_a_pelican_timezone_edcal_refuses_is_told_at_the_setting_with_the_calendar_s_zone(site: Path) -> None:
    """TIMEZONE = "GMT" beside `timezone: Europe/London` said "use the same zone in both files": written in
    calendar.yaml too, GMT is refused (London's winter time only). The zone to write is the calendar's."""
    (site / "calendar.yaml").write_text((site / "calendar.yaml").read_text(encoding="utf-8").replace(
        "timezone: Europe/Paris", "timezone: Europe/London"), encoding="utf-8")
    write_pelicanconf(site, 'TIMEZONE = "GMT"\n')
    result = run_edcal("check", cwd=site)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "    hint: write TIMEZONE = 'Europe/London' in the Pelican settings ('GMT' is refused in calendar.yaml " \
        "too)\n" in result.stderr, result.stderr


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root gives files away")
def test_a_build_as_root_in_someone_elses_site_leaves_output_and_planning_theirs(site: Path,
                                                                                 tmp_path: Path) -> None:
    """`sudo edcal build`, or a build in a CI container on the team's repository mounted in it: output/,
    planning/ and all in them were root's, which the team could then neither rebuild nor remove. They take
    the site's owner and group, by `edcal build` and by `pelican` with the plugin; a file of root's that a
    link in output/ names (or a hard link) stays root's."""
    def owners(root: Path) -> set[tuple[int, int]]:
        return {(path.lstat().st_uid, path.lstat().st_gid) for path in (root, *root.rglob("*"))
                if path.name != "lien-dur.txt"}

    nobody = (65534, 65534)
    for path in (site, *site.rglob("*")):
        os.chown(path, *nobody, follow_symlinks=False)
    roots_own = tmp_path / "root-only.txt"
    roots_own.write_text("root's\n", encoding="utf-8")
    result = run_edcal("build", cwd=site)
    assert result.returncode == 0, result.stderr
    assert owners(site / "output") == {nobody} and owners(site / "planning") == {nobody}
    # Put there by the team, where the build keeps what it finds (a link elsewhere is refused): a build as
    # root keeps off its file.
    (site / "output" / ".git").mkdir()
    link = site / "output" / ".git" / "lien.txt"
    link.symlink_to(roots_own)
    os.chown(link, *nobody, follow_symlinks=False)
    os.link(roots_own, site / "output" / "theme" / "lien-dur.txt")  # a hard link to it: root's file all the same
    (site / "content" / "articles" / "nouveau.md").write_text(
        "Title: Nouveau\nDate: 2027-02-01 09:00\n\nTexte.\n", encoding="utf-8")
    shutil.rmtree(site / "planning")
    result = run_pelican(site)
    assert result.returncode == 0, result.stderr
    assert (site / "output" / "2027" / "nouveau" / "index.html").is_file()
    assert owners(site / "output") == {nobody} and owners(site / "planning") == {nobody}
    assert (roots_own.stat().st_uid, roots_own.stat().st_gid) == (0, 0)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root gives files away")
def test_a_build_as_root_in_someone_elses_site_leaves_no_file_of_roots_in_it(site: Path) -> None:
    """Python's bytecode of the settings and of the site's own plugin (__pycache__, beside them) was root's
    after `sudo edcal build` or `pelican` as root: the team could not remove it, nor its folder."""
    add_site_plugin(site, "monplugin", "def register():\n    pass\n")
    nobody = (65534, 65534)
    for path in (site, *site.rglob("*")):
        os.chown(path, *nobody, follow_symlinks=False)
    writes_bytecode = {"PYTHONDONTWRITEBYTECODE": ""}  # as Python runs by default
    result = run_edcal("build", cwd=site, env=writes_bytecode)  # edcal writes none there
    assert result.returncode == 0, result.stdout + result.stderr
    assert [str(path.relative_to(site)) for path in (site, *site.rglob("*")) if path.lstat().st_uid == 0] == []
    result = run_pelican(site, env=writes_bytecode)  # Pelican compiles the settings and plugins before edcal's
    assert result.returncode == 0, result.stdout + result.stderr
    assert (site / "__pycache__").is_dir() and (site / "extra" / "__pycache__").is_dir()
    assert [str(path.relative_to(site)) for path in (site, *site.rglob("*")) if path.lstat().st_uid == 0] == []


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root gives files away")
def test_a_build_as_root_that_fails_in_someone_elses_site_leaves_output_theirs(site: Path) -> None:
    """A build as root that fails once output/ is begun (here a plugin of the site's) leaves output/ the
    team's too, with the list of what it wrote (.edcal-files), which its next build reads."""
    add_site_plugin(site, "casse", "from pelican import signals\n\n"
                                   "def casse(generator):\n    raise RuntimeError('cassé')\n\n"
                                   "def register():\n    signals.static_generator_finalized.connect(casse)\n")
    nobody = (65534, 65534)
    for path in (site, *site.rglob("*")):
        os.chown(path, *nobody, follow_symlinks=False)
    result = run_pelican(site)
    assert result.returncode != 0 and "cassé" in result.stdout + result.stderr, result.stdout + result.stderr
    assert "@pending" in (site / "output" / ".edcal-files").read_text(encoding="utf-8")
    assert {(path.lstat().st_uid, path.lstat().st_gid) for path in (site / "output").rglob("*")} == {nobody}
