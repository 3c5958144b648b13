"""The public blog as readers, networks and search engines see it: the edcal theme on the sample site.

One build of the sample site (as `make build` does it, at a pinned time) is
read like a network's crawler reads it (sharing metadata), like a search
engine (sitemap, feeds, robots.txt), like the Nu HTML checker, and like a
person with a phone or a desktop (headless Chromium, screenshots kept in
test-artifacts/).
"""

from __future__ import annotations

import json
import re
import shutil
import struct
import urllib.parse
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

from browser import ARTIFACTS, browser
from conftest import EPOCH, ROOT, contrast, copy_sample, load_plan, run_edcal, write_pelicanconf
from edcal.i18n import typeset
from edcal.imagesize import image_size
from nu import nu_problems

pytestmark = pytest.mark.e2e

SAMPLE_NOW = "2026-11-23T10:00:00+01:00"
SITEURL = "https://www.atelier-morel.example"
THEME = ROOT / "themes" / "edcal"


def build_sample(target: Path, *args: str) -> Path:
    copy_sample(target)
    result = run_edcal("build", *args, cwd=target, env={"EDCAL_NOW": SAMPLE_NOW, "SOURCE_DATE_EPOCH": EPOCH})
    assert result.returncode == 0, result.stderr
    return target


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site after `edcal build` (pelicanconf.py: relative links, for browsing files)."""
    return build_sample(tmp_path_factory.mktemp("blog") / "site")


@pytest.fixture(scope="module")
def published(sample: Path) -> list[dict[str, Any]]:
    """The plan's published articles: the pages that must exist, with their title, URL and image."""
    articles = [i for i in load_plan(sample)["items"] if i["kind"] == "article" and i["status"] == "published"]
    assert len(articles) >= 5
    return articles


def page_of(site: Path, url: str) -> Path:
    """The file in output/ that serves an absolute URL of the site."""
    assert url.startswith(SITEURL + "/"), url
    path = url.removeprefix(SITEURL + "/")
    return site / "output" / (path + "index.html" if path.endswith("/") or not path else path)


class Head(HTMLParser):
    """What a crawler reads: <html lang>, <title>, <meta>, <link>, JSON-LD, and every link."""

    def __init__(self, html: str):
        super().__init__()
        self.lang = ""
        self.meta: dict[str, list[str]] = {}
        self.links: list[dict[str, str]] = []
        self.anchors: list[dict[str, str]] = []
        self.json_ld: list[Any] = []
        self._script = False
        self._text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = values.get("lang", "")
        elif tag == "meta" and ("property" in values or "name" in values):
            key = values.get("property") or values["name"]
            self.meta.setdefault(key, []).append(values.get("content", ""))
        elif tag == "link":
            self.links.append(values)
        elif tag == "a":
            self.anchors.append(values)
        elif tag == "script" and values.get("type") == "application/ld+json":
            self._script, self._text = True, []

    def handle_data(self, data: str) -> None:
        if self._script:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script:
            self.json_ld.append(json.loads("".join(self._text)))
            self._script = False

    def one(self, key: str) -> str:
        values = self.meta.get(key, [])
        assert len(values) == 1, f"{key}: {values}"
        return values[0]

    def link(self, rel: str, **attrs: str) -> list[str]:
        return [link["href"] for link in self.links if link.get("rel") == rel
                and all(link.get(k) == v for k, v in attrs.items())]


def head_of(path: Path) -> Head:
    return Head(path.read_text(encoding="utf-8"))


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data.startswith(b"\x89PNG"), path
    return struct.unpack(">II", data[16:24])


# Sharing metadata


def test_every_published_article_page_carries_its_sharing_metadata(sample: Path, published: list[dict]) -> None:
    for item in published:
        lang = "en" if item["id"].endswith("-en") else "fr"
        head = head_of(page_of(sample, item["url"]))
        assert head.lang == lang
        assert head.one("og:type") == "article"
        title = typeset(item["title"], lang)  # French spacing: "aluminium\u00a0: bien choisir"
        assert head.one("og:title") == title
        assert head.one("og:url") == item["url"]
        assert head.link("canonical") == [item["url"]]
        assert head.one("og:site_name") == "Le blog de l'Atelier Morel"
        assert head.one("og:locale") == {"fr": "fr_FR", "en": "en_US"}[lang]
        assert len(head.one("og:description")) > 40
        assert head.one("twitter:card") == "summary_large_image"
        media = item["media"][0]
        assert head.one("og:image") == f"{SITEURL}/{media['path']}"
        image_file = sample / "output" / media["path"]
        assert (int(head.one("og:image:width")), int(head.one("og:image:height"))) == png_size(image_file)
        assert head.one("og:image:alt") == media["alt"]
        assert head.one("article:published_time") == item["start"]
        [data] = head.json_ld
        assert data["@type"] == "BlogPosting"
        assert data["headline"] == title
        assert data["url"] == item["url"]
        assert data["datePublished"] == item["start"]
        assert data["dateModified"] >= data["datePublished"]
        assert data["inLanguage"] == lang
        assert data["image"]["url"] == head.one("og:image")
        assert (data["image"]["width"], data["image"]["height"]) == png_size(image_file)
        assert data["author"] and all(a["@type"] == "Person" and a["name"] for a in data["author"])
        assert data["publisher"] == {"@type": "Organization", "name": "Atelier Morel", "url": SITEURL + "/"}


def test_share_links_open_each_network_with_the_article(sample: Path, published: list[dict]) -> None:
    item = published[-1]
    anchors = head_of(page_of(sample, item["url"])).anchors
    shares = {a["class"].split("--")[-1]: a["href"] for a in anchors if "share__link" in a.get("class", "")}
    url = urllib.parse.quote(item["url"], safe="")
    title = urllib.parse.quote(typeset(item["title"], "fr"), safe="")
    assert shares == {
        "linkedin": f"https://www.linkedin.com/sharing/share-offsite/?url={url}",
        "mastodon": f"https://toot.kytta.dev/?text={title}%20{url}",
        "bluesky": f"https://bsky.app/intent/compose?text={title}%20{url}",
        "facebook": f"https://www.facebook.com/sharer/sharer.php?u={url}",
        "x": f"https://x.com/intent/tweet?text={title}%20{url}",
        "email": f"mailto:?subject={title}&body={url}",
    }


def test_translations_are_linked_and_each_speaks_its_language(sample: Path) -> None:
    french = page_of(sample, f"{SITEURL}/2026/pourquoi-un-blog/")
    english = page_of(sample, f"{SITEURL}/en/2026/pourquoi-un-blog/")
    for path in (french, english):
        head = head_of(path)
        assert head.link("alternate", hreflang="fr") == [f"{SITEURL}/2026/pourquoi-un-blog/"]
        assert head.link("alternate", hreflang="en") == [f"{SITEURL}/en/2026/pourquoi-un-blog/"]
    assert head_of(english).meta["og:locale:alternate"] == ["fr_FR"]
    assert head_of(french).meta["og:locale:alternate"] == ["en_US"]
    fr_text, en_text = french.read_text(encoding="utf-8"), english.read_text(encoding="utf-8")
    assert '<a href="../../en/2026/pourquoi-un-blog/" hreflang="en" lang="en">English</a>' in fr_text
    assert '<a href="../../../2026/pourquoi-un-blog/" hreflang="fr" lang="fr">Français</a>' in en_text
    # The site's own French words on the English page are marked as French, for screen readers.
    assert 'rel="home" lang="fr">Le blog de l\'Atelier Morel</a>' in en_text
    assert 'rel="tag" lang="fr">atelier</a>' in en_text and 'rel="tag">atelier</a>' in fr_text
    for english_words, french_words in [("Skip to content", "Aller au contenu"), ("Main menu", "Menu principal"),
                                        ("Share this article", "Partager cet article"),
                                        ("1 min read", "1 min de lecture"), ("22 September 2026", "22 septembre 2026"),
                                        (">Home<", ">Accueil<"), ("Follow us", "Suivez-nous")]:
        assert english_words in en_text and french_words not in en_text, english_words
        assert french_words in fr_text and english_words not in fr_text, french_words


def test_a_translation_links_no_page_pelican_does_not_write_and_gives_its_languages_feed(site: Path) -> None:
    """An English translation's own category and tags ("Trials", "social media") linked to pages Pelican
    does not write (it lists originals only there): 404s. Its readers found only the French feed. An
    English article's card on the French home page was read out as French."""
    (site / "content" / "articles" / "publie-en.md").write_text(
        "Title: A published article\nSlug: publie\nLang: en\nDate: 2027-02-01 09:00\nCategory: Trials\n"
        "Tags: social media, test\n\nThe body.\n", encoding="utf-8")
    (site / "content" / "articles" / "english-only.md").write_text(
        "Title: In English only\nLang: en\nDate: 2027-02-02 09:00\nCategory: Essais\n\nThe text.\n", encoding="utf-8")
    write_pelicanconf(site, 'TRANSLATION_FEED_ATOM = "feeds/all-{lang}.atom.xml"\n')
    result = run_edcal("build", cwd=site)
    assert result.returncode == 0, result.stderr
    output = site / "output"
    english = next(output.rglob("publie-en*.html")).read_text(encoding="utf-8")
    assert '<p class="kicker">Trials</p>' in english  # no page: words, in the article's language
    assert '<span class="tags__tag">social media</span>' in english
    assert 'rel="tag" lang="fr">test</a>' in english  # shared with the French original: its page, in French
    linked = re.findall(r'href="(https://blog\.example\.fr/[^"]+)"', english)
    missing = [url for url in linked if "/feeds/" not in url and not (
        output / url.removeprefix("https://blog.example.fr/")).exists()
        and not (output / url.removeprefix("https://blog.example.fr/") / "index.html").exists()]
    assert missing == []
    feeds = re.findall(r'<link rel="alternate" type="application/atom\+xml"[^>]*href="([^"]+)"', english)
    assert feeds[0].endswith("/feeds/all-en.atom.xml") and (output / "feeds" / "all-en.atom.xml").exists()
    # On the French home page, an English article's card says its title and summary are English.
    home = (output / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<h2 class="card__title" lang="en"><a [^>]*>In English only</a>', home)
    assert re.search(r'<h2 class="card__title"><a [^>]*>Un article publié</a>', home)


def test_every_interface_word_has_a_french_translation() -> None:
    used: set[str] = set()
    for template in (THEME / "templates").rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        for double, single in re.findall(r"""\b_n?\(\s*(?:"([^"]+)"|'([^']+)')""", text):
            used.add(double or single)
        for double, single in re.findall(r"""\b_n\(\s*(?:"[^"]+"|'[^']+'),\s*(?:"([^"]+)"|'([^']+)')""", text):
            used.add(double or single)
    from edcal.blog.sharing import share_forms

    used |= {name for name, _ in share_forms().values()}  # share links are labelled _(link.name)
    french = yaml.safe_load((THEME / "translations" / "fr.yaml").read_text(encoding="utf-8"))
    assert len(used) > 30
    assert sorted(used - set(french)) == [], "interface words without a French translation"
    assert sorted(set(french) - used) == [], "translations no template uses"
    for english, translated in french.items():
        assert re.findall(r"{\w+}", english) == re.findall(r"{\w+}", translated), english


def test_an_article_without_an_image_shares_the_default_image(site: Path) -> None:
    article = site / "content" / "articles" / "publie.md"
    text = article.read_text(encoding="utf-8")
    article.write_text(re.sub(r"Image(_alt)?: .*\n", "", text) + "\nmot " * 700, encoding="utf-8")
    # The default image is public even when the only article showing it is not live yet.
    write_pelicanconf(site, 'DEFAULT_IMAGE = "images/futur-secret.png"\nDEFAULT_IMAGE_ALT = "Le logo du blog"\n')
    result = run_edcal("build", cwd=site)
    assert result.returncode == 0, result.stderr
    page = site / "output" / "2027" / "publie" / "index.html"
    head = head_of(page)
    assert head.one("og:image") == "https://blog.example.fr/images/futur-secret.png"
    assert head.one("og:image:alt") == "Le logo du blog"
    image = site / "output" / "images" / "futur-secret.png"
    assert (int(head.one("og:image:width")), int(head.one("og:image:height"))) == png_size(image)
    assert head.json_ld[0]["image"]["url"] == head.one("og:image")
    assert "<img" not in page.read_text(encoding="utf-8").split('<main id="main"')[1]  # nothing to show
    # 700 words at 230 a minute.
    assert "4 min de lecture" in page.read_text(encoding="utf-8")
    assert "4 min de lecture" in (site / "output" / "index.html").read_text(encoding="utf-8")


def test_an_article_from_before_the_zone_kept_whole_minutes_has_valid_dates(site: Path) -> None:
    """An article dated 1900 in Paris (local mean time then, +00:09:21) was written `+00:09:21` in its
    `<time datetime>`, its sharing metadata, the sitemap and plan.json: an offset with seconds, which HTML,
    sitemaps and RFC 3339 refuse. That instant is written in UTC."""
    (site / "content" / "articles" / "fondation.md").write_text(
        "Title: Notre fondation\nDate: 1900-03-01 09:00\nCategory: Essais\n\nL'atelier ouvre en 1900.\n",
        encoding="utf-8")
    result = run_edcal("build", cwd=site)
    assert result.returncode == 0, result.stderr
    page = site / "output" / "1900" / "fondation" / "index.html"
    head = head_of(page)
    assert head.one("article:published_time") == "1900-03-01T08:50:39Z"
    assert head.json_ld[0]["datePublished"] == "1900-03-01T08:50:39Z"
    assert '<time datetime="1900-03-01T08:50:39Z">' in page.read_text(encoding="utf-8")
    assert "<lastmod>1900-03-01T08:50:39Z</lastmod>" in (site / "output" / "sitemap.xml").read_text(encoding="utf-8")
    plan = json.loads((site / "planning" / "plan.json").read_text(encoding="utf-8"))
    assert [item["start"] for item in plan["items"] if item["title"] == "Notre fondation"
            and item["kind"] == "article"] == ["1900-03-01T08:50:39Z"]
    written = "\n".join(path.read_text(encoding="utf-8", errors="replace")
                        for folder in ("output", "planning") for path in (site / folder).rglob("*")
                        if path.is_file() and path.suffix in (".html", ".xml", ".json", ".ics"))
    assert "+00:09" not in written
    # A date of today's offsets is written as before.
    assert head_of(site / "output" / "2027" / "publie" / "index.html").one("article:published_time") \
        == "2027-02-01T09:00:00+01:00"


def test_a_site_overrides_one_word_and_one_template(site: Path) -> None:
    overrides = site / "overrides"
    (overrides / "translations").mkdir(parents=True)
    (overrides / "translations" / "fr.yaml").write_text("Share this article: Faites passer\n"
                                                        "'Read the article:': 'À lire :'\n", encoding="utf-8")
    (overrides / "page.html").write_text(
        '{% extends "!theme/page.html" %}\n{% block title %}Contact, page à part{% endblock %}\n', encoding="utf-8")
    write_pelicanconf(site, f"THEME_TEMPLATES_OVERRIDES = [{str(overrides)!r}]\n")
    result = run_edcal("build", cwd=site)
    assert result.returncode == 0, result.stderr
    article = (site / "output" / "2027" / "publie" / "index.html").read_text(encoding="utf-8")
    assert "Faites passer" in article and "Partager cet article" not in article
    assert "Aller au contenu" in article  # the other words are still the theme's
    page = (site / "output" / "pages" / "contact.html").read_text(encoding="utf-8")
    assert "<title>Contact, page à part</title>" in page and "Écrivez-nous." in page
    # The same file gives the drafts their words: the site's, then edcal's ("In case you missed it:").
    drafts = [path.read_text(encoding="utf-8") for path in (site / "planning" / "drafts" / "linkedin").glob("*.txt")]
    assert drafts and all("Lire l'article" not in text for text in drafts)
    assert any("À lire\u00a0: https://" in text for text in drafts)
    assert any("Au cas où vous l'auriez manqué" in text for text in drafts)


def test_override_folders_are_the_settings_files_and_a_missing_one_is_an_error(site: Path) -> None:
    """`THEME_TEMPLATES_OVERRIDES = ["overrides"]`, as networks.md writes it: built from content/ (edcal finds
    the site above), the site's templates and words were left out without a word, as was a misspelt folder;
    a misspelt THEME was reported at line 1 with no hint."""
    overrides = site / "overrides"
    (overrides / "translations").mkdir(parents=True)
    (overrides / "translations" / "fr.yaml").write_text("Share this article: Faites passer\n", encoding="utf-8")
    write_pelicanconf(site, 'THEME_TEMPLATES_OVERRIDES = ["overrides"]\n')
    result = run_edcal("build", cwd=site / "content")
    assert result.returncode == 0, result.stderr
    assert "Faites passer" in (site / "output" / "2027" / "publie" / "index.html").read_text(encoding="utf-8")
    settings = (site / "pelicanconf.py").read_text(encoding="utf-8")
    (site / "pelicanconf.py").write_text(settings.replace('["overrides"]', '["overides"]'), encoding="utf-8")
    result = run_edcal("check", cwd=site)
    line = settings.splitlines().index('THEME_TEMPLATES_OVERRIDES = ["overrides"]') + 1
    # A warning, not an error: git keeps no empty folder, so a site's empty one is missing in every CI checkout.
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert (f"pelicanconf.py:{line}:1: warning: found 'overides' in THEME_TEMPLATES_OVERRIDES, no such folder "
            "beside pelicanconf.py: nothing of it is used [theme-override]\n"
            "    hint: did you mean 'overrides'?\n") in result.stdout
    assert result.stdout.count("THEME_TEMPLATES_OVERRIDES") == 1
    # A finding as any other: in CI's annotations too, and a command about the plan alone keeps quiet.
    github = run_edcal("check", "--format", "github", cwd=site)
    assert f"::warning file=pelicanconf.py,line={line},col=1,title=theme-override::" in github.stdout
    assert "overides" not in run_edcal("agenda", cwd=site).stderr
    theme = next(n for n, text in enumerate(settings.splitlines(), start=1) if text.startswith("THEME ="))
    (site / "pelicanconf.py").write_text(settings.replace("themes/edcal'", "themes/edcl'"), encoding="utf-8")
    result = run_edcal("build", cwd=site)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"pelicanconf.py:{theme}:1: error: found THEME = '" in result.stderr
    assert "themes/edcl': no such theme folder beside pelicanconf.py" in result.stderr
    assert "themes/edcal'?" in result.stderr  # did you mean



def test_override_files_laid_out_as_in_the_theme_are_named_as_unread(site: Path) -> None:
    """Copied from edcal's theme with their path, overrides/templates/base.html and overrides/static/css/edcal.css
    changed nothing (Pelican looks for base.html at the folder's top; static files come from THEME alone), and
    the build said nothing: the team's footer and colour were simply not there."""
    overrides = site / "overrides"
    theme = ROOT / "themes" / "edcal"
    (overrides / "templates").mkdir(parents=True)
    footer = (theme / "templates" / "base.html").read_text(encoding="utf-8").replace(
        "© {{ PUBLISHER or SITENAME }}", "© ACME, Lyon")
    (overrides / "templates" / "base.html").write_text(footer, encoding="utf-8")
    (overrides / "templates" / "notes.html").write_text("<p>{{ 1 }}</p>\n", encoding="utf-8")  # not the theme's
    (overrides / "static" / "css").mkdir(parents=True)
    (overrides / "static" / "css" / "edcal.css").write_text(":root { --accent: #123456; }\n", encoding="utf-8")
    write_pelicanconf(site, 'THEME_TEMPLATES_OVERRIDES = ["overrides"]\n')
    result = run_edcal("build", cwd=site)
    assert result.returncode == 0, result.stderr
    assert "© ACME, Lyon" not in (site / "output" / "index.html").read_text(encoding="utf-8")  # as Pelican does
    assert ("overrides/templates/base.html:1:1: warning: found overrides/templates/base.html, which nothing reads: "
            "a template that replaces the theme's is looked for at the top of the override folder, without "
            "templates/ [theme-override]\n    hint: move it to overrides/base.html\n") in result.stderr
    assert ("overrides/static/css/edcal.css:1:1: warning: found 1 file in overrides/static/, which nothing reads: "
            "the override folder replaces templates and words, not the theme's stylesheet or images "
            "[theme-override]\n    hint: put a stylesheet of your own in the content (a folder of STATIC_PATHS) "
            "and link it from the `head` block of base.html (docs/theme.md, \"Changing the theme\")\n"
            ) in result.stderr
    assert "notes.html" not in result.stderr and result.stderr.count("nothing reads") == 2
    # Moved where the hint says, it is read, and nothing more is said.
    shutil.rmtree(overrides / "static")
    (overrides / "templates" / "base.html").rename(overrides / "base.html")
    result = run_edcal("build", cwd=site)
    assert result.returncode == 0 and "nothing reads" not in result.stderr, result.stderr
    assert "© ACME, Lyon" in (site / "output" / "index.html").read_text(encoding="utf-8")


def test_a_designer_replaces_the_brand_and_the_footer_s_last_line_and_a_missing_template_is_named(site: Path) -> None:
    """A logo and a footer line meant copying all of base.html (no block for them); a template included or
    extended under a wrong name said only its name ("template error: partials/brand-head.html")."""
    overrides = site / "overrides"
    overrides.mkdir()
    (overrides / "base.html").write_text(
        '{% extends "!theme/base.html" %}\n'
        '{% block brand %}<a class="site-title" href="/"><img src="/brand/logo.svg" alt="ACME"></a>{% endblock %}\n'
        '{% block footer_end %}<p>© ACME, Lyon</p>{% endblock %}\n', encoding="utf-8")
    write_pelicanconf(site, 'THEME_TEMPLATES_OVERRIDES = ["overrides"]\n')
    result = run_edcal("build", cwd=site)
    assert result.returncode == 0, result.stderr
    home = (site / "output" / "index.html").read_text(encoding="utf-8")
    assert '<img src="/brand/logo.svg" alt="ACME">' in home and "<p>© ACME, Lyon</p>" in home
    assert 'class="site-nav"' in home and 'class="site-footer__title"' in home  # the rest stays
    (overrides / "article.html").write_text('{% extends "!theme/articel.html" %}\n', encoding="utf-8")
    result = run_edcal("build", cwd=site)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert ("overrides/article.html:1:1: error: template error: template '!theme/articel.html' not found\n"
            "    hint: check its name, and the folders of THEME_TEMPLATES_OVERRIDES and THEME") in result.stderr


def test_a_page_s_broken_image_is_found_as_an_article_s(site: Path) -> None:
    contact = site / "content" / "pages" / "contact.md"
    contact.write_text(contact.read_text(encoding="utf-8") + "\n![Atelier]({static}/images/atelier.jpg)\n",
                       encoding="utf-8")
    result = run_edcal("check", cwd=site)
    assert result.returncode == 1, result.stderr
    assert ("error: '{static}/images/atelier.jpg' in page content/pages/contact.md links to content/images/"
            "atelier.jpg, which does not exist [image-missing]") in result.stdout


def test_a_misspelt_default_image_is_an_error_at_its_setting(site: Path) -> None:
    """`DEFAULT_IMAGE = "images/defualt.png"`: exit 0, and every page's og:image pointed at a 404."""
    write_pelicanconf(site, 'DEFAULT_IMAGE = "images/public.pnj"\n')
    line = (site / "pelicanconf.py").read_text(encoding="utf-8").splitlines().index(
        'DEFAULT_IMAGE = "images/public.pnj"') + 1
    result = run_edcal("check", cwd=site)
    assert result.returncode == 1, result.stderr
    assert (f"pelicanconf.py:{line}:1: error: DEFAULT_IMAGE is 'images/public.pnj', and there is no "
            "content/images/public.pnj: every page without an image of its own would share a missing image "
            "[image-missing]\n    hint: did you mean 'images/public.png'?") in result.stdout


# Site files


def test_sitemap_lists_exactly_the_public_pages(sample: Path, published: list[dict]) -> None:
    tree = ET.parse(sample / "output" / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    entries = {url.findtext("s:loc", namespaces=ns): url for url in tree.getroot().findall("s:url", ns)}
    for loc in entries:
        assert page_of(sample, loc).is_file(), f"the sitemap lists {loc}, which does not exist"
    articles = {item["url"] for item in published}
    assert articles <= set(entries)
    assert {f"{SITEURL}/", f"{SITEURL}/a-propos/", f"{SITEURL}/tag/acier/", f"{SITEURL}/categorie/conseils/",
            f"{SITEURL}/auteur/camille-roux/"} <= set(entries)
    listed_articles = {loc for loc in entries if re.search(r"/20\d\d/", loc)}
    assert listed_articles == articles
    first = next(i for i in published if i["id"] == "article-pourquoi-un-blog")
    assert entries[first["url"]].findtext("s:lastmod", namespaces=ns) == first["start"]
    alternates = {link.get("hreflang"): link.get("href") for link in entries[first["url"]].findall("x:link", ns)}
    assert alternates == {"fr": first["url"], "en": f"{SITEURL}/en/2026/pourquoi-un-blog/"}


def test_robots_txt_points_to_the_sitemap(sample: Path) -> None:
    robots = (sample / "output" / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {SITEURL}/sitemap.xml" in robots.splitlines()


def test_robots_txt_follows_siteurl_and_a_sites_own_is_kept_with_a_warning(site: Path) -> None:
    """robots.txt was a file written by `edcal init`: after SITEURL moved to the Pages address, it still
    named the first address's sitemap. It is written from the build's SITEURL now; a site's own is kept,
    and the build says when its Sitemap: line names another address."""
    from conftest import run_edcal, write_pelicanconf

    write_pelicanconf(site, 'SITEURL = "https://acme.github.io/blog"\n')
    assert run_edcal("build", "-q", cwd=site).returncode == 0
    assert (site / "output" / "robots.txt").read_text(encoding="utf-8") == \
        "User-agent: *\nAllow: /\nSitemap: https://acme.github.io/blog/sitemap.xml\n"
    (site / "content" / "extra").mkdir()
    (site / "content" / "extra" / "robots.txt").write_text(
        "User-agent: *\nDisallow: /brouillons/\nsitemap : https://blog.acme.example/sitemap.xml\n", encoding="utf-8")
    write_pelicanconf(site, 'SITEURL = "https://acme.github.io/blog"\nSTATIC_PATHS = ["images", "extra"]\n'
                      'EXTRA_PATH_METADATA = {"extra/robots.txt": {"path": "robots.txt"}}\n')
    built = run_edcal("build", cwd=site)
    assert built.returncode == 0, built.stderr
    assert "Disallow: /brouillons/" in (site / "output" / "robots.txt").read_text(encoding="utf-8")
    said = built.stdout + built.stderr  # Pelican's log
    assert "WARNING" in said and "extra/robots.txt names the sitemap" in said
    assert "https://blog.acme.example/sitemap.xml" in said and "https://acme.github.io/blog/sitemap.xml" in said


def test_atom_and_rss_feeds_hold_the_published_articles(sample: Path, published: list[dict]) -> None:
    atom = ET.parse(sample / "output" / "feeds" / "all.atom.xml").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    atom_links = {e.find("a:link", ns).get("href") for e in atom.findall("a:entry", ns)}
    rss = ET.parse(sample / "output" / "feeds" / "all.rss.xml").getroot()
    rss_links = {item.findtext("link") for item in rss.iter("item")}
    assert atom_links == rss_links == {item["url"] for item in published}
    # The English translation in the French feed says its language; the French entries take the feed's.
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    entries = {e.find("a:link", ns).get("href"): e for e in atom.findall("a:entry", ns)}
    english = {href for href, e in entries.items() if e.get(lang) == "en"}
    assert english == {i["url"] for i in published if i["id"].endswith("-en")} and len(english) == 1
    assert all(e.get(lang) is None for href, e in entries.items() if href not in english)
    assert atom.get(lang) == "fr"
    # RSS ids are tag: URIs, not addresses: a reader must not open them as links.
    guids = list(rss.iter("guid"))
    assert guids and all(g.get("isPermaLink") == "false" and g.text.startswith("tag:") for g in guids)
    home = head_of(sample / "output" / "index.html")
    assert home.link("alternate", type="application/atom+xml") == [f"{SITEURL}/feeds/all.atom.xml"]
    assert home.link("alternate", type="application/rss+xml") == [f"{SITEURL}/feeds/all.rss.xml"]


def test_home_page_lists_recent_articles_with_image_date_and_reading_time(sample: Path,
                                                                          published: list[dict]) -> None:
    html = (sample / "output" / "index.html").read_text(encoding="utf-8")
    cards = html.split('<article class="card">')[1:]
    french = [i for i in published if not i["id"].endswith("-en")]
    assert len(cards) == len(french)
    newest = max(french, key=lambda i: i["start"])
    # French spacing: the title's "partout : …" keeps its colon on the word's line.
    assert newest["title"].replace(" :", "\u00a0:") in cards[0] and " :" in newest["title"]
    assert '<time datetime="2026-11-17T09:00:00+01:00">17 novembre 2026</time>' in cards[0]
    for card in cards:
        assert re.search(r"\d+ min de lecture", card)
        assert re.search(r'<img class="card__image" src="\./images/[\w-]+\.png" alt="[^"]{10,}" width="1200" '
                         r'height="630"', card), card
        assert '<p class="card__summary">' in card
    # French spacing in the writers' summaries too: no line starts with a colon or a question mark.
    leads = [re.search(r'<p class="card__summary">(.*?)</p>', card, re.DOTALL).group(1) for card in cards]
    assert not [lead for lead in leads if re.search(r" [:;!?»]", lead)], leads
    assert any("\u00a0:" in lead or "\u00a0?" in lead for lead in leads)
    # The first card's image is the largest thing on screen: loaded at once; the others wait.
    assert 'loading="lazy"' not in cards[0]
    assert all('loading="lazy"' in card for card in cards[1:])
    head = head_of(sample / "output" / "index.html")
    assert head.lang == "fr"
    assert head.one("og:type") == "website"
    assert head.one("og:image") == f"{SITEURL}/images/default.png"
    assert head.link("canonical") == [f"{SITEURL}/"]


def test_the_archives_lead_to_each_year(site: Path) -> None:
    """A blog of 16 years had 2,689 articles on its one archives page, newest first, and nothing to jump by: a
    reader after 2031 scrolled past 1,800 of them. Above the years, a list of them, each a link to its own."""
    articles = site / "content" / "articles"
    for year in ("2024", "2025"):
        (articles / f"ancien-{year}.md").write_text(f"Title: Ancien {year}\nDate: {year}-06-01 09:00\n"
                                                    "Category: Essais\n\nUn article d'avant.\n", encoding="utf-8")
    result = run_edcal("build", cwd=site)
    assert result.returncode == 0, result.stderr
    text = (site / "output" / "archives.html").read_text(encoding="utf-8")
    years = re.findall(r'<h2 id="year-(\d{4})">', text)
    assert years == ["2027", "2025", "2024"]
    nav = re.search(r'<nav class="archive-years" aria-label="([^"]*)">(.*?)</nav>', text, re.S)
    assert nav and nav.group(1) == "Années" and text.index(nav.group(0)) < text.index('<h2 id="year-')
    assert re.findall(r'<a href="#year-(\d{4})">(\d{4})</a>', nav.group(2)) == [(y, y) for y in years]


def test_a_long_list_of_articles_leads_to_its_pages_by_number(site: Path) -> None:
    """A blog of 269 home pages had "Newer articles", "Page 5 of 269" and "Older articles": page 200 was 195
    clicks away. The pages by number: the first, the last, two either side of this one."""
    articles = site / "content" / "articles"
    for day in range(1, 21):
        (articles / f"ancien-{day}.md").write_text(f"Title: Ancien {day}\nDate: 2025-06-{day:02d} 09:00\n"
                                                   "Category: Essais\n\nUn article d'avant.\n", encoding="utf-8")
    write_pelicanconf(site, "DEFAULT_PAGINATION = 2\n")
    result = run_edcal("build", cwd=site)
    assert result.returncode == 0, result.stderr
    home = (site / "output").glob("index*.html")
    last = max(int(re.sub(r"\D", "", page.name) or 1) for page in home)
    assert last >= 10

    def pages(name: str) -> list[tuple[str, str, str]]:
        text = (site / "output" / name).read_text(encoding="utf-8")
        listed = re.search(r'<ol class="pagination__pages">(.*?)</ol>', text, re.S)
        assert listed, name
        return [(current, re.sub(r".*/", "", href), label or "…") for current, href, label in re.findall(
            r'<li[^>]*>(?:<a( aria-current="page")? href="([^"]*)"[^>]*>(\d+)</a>|…)</li>', listed.group(1))]

    assert pages("index6.html") == [
        ("", "index.html", "1"), ("", "", "…"), ("", "index4.html", "4"), ("", "index5.html", "5"),
        (' aria-current="page"', "index6.html", "6"), ("", "index7.html", "7"), ("", "index8.html", "8"),
        ("", "", "…"), ("", f"index{last}.html", str(last))]
    assert [label for _, _, label in pages("index.html")] == ["1", "2", "3", "…", str(last)]
    # A "…" for one page would take the room of its number: the number is shown.
    assert [label for _, _, label in pages("index5.html")] == ["1", "2", "3", "4", "5", "6", "7", "…", str(last)]
    assert [label for _, _, label in pages(f"index{last - 4}.html")] == [
        "1", "…", *(str(n) for n in range(last - 6, last + 1))]
    assert 'aria-label="Page 6 sur' in (site / "output" / "index6.html").read_text(encoding="utf-8")


def test_category_tag_author_archive_and_404_pages(sample: Path) -> None:
    output = sample / "output"
    pages = {
        "categorie/conseils/index.html": ["Catégorie", "Acier, inox, aluminium"],
        "tag/acier/index.html": ["Étiquette", "Acier, inox, aluminium"],
        "auteur/camille-roux/index.html": ["Auteur", "Un calendrier éditorial dans git"],
        "archives.html": ["<h2 id=\"year-2026\">2026</h2>", "22 septembre 2026"],
        "categories.html": ["Conseils", "1 article"],
        "tags.html": ["réseaux sociaux", "2 articles"],
        "authors.html": ["Camille Roux", "2 articles"],
    }
    for name, expected in pages.items():
        text = (output / name).read_text(encoding="utf-8")
        for words in expected:
            assert words in text, f"{words!r} not in {name}"
    # Each list page describes itself to search engines, not with the site's one subtitle.
    descriptions = {name: head_of(output / name).one("description") for name in pages}
    assert len(set(descriptions.values())) == len(pages), descriptions
    assert descriptions["categorie/conseils/index.html"] == \
        "Les articles de la catégorie «\u00a0Conseils\u00a0», sur Le blog de l'Atelier Morel."
    # French typography: no line break between a word and its colon, in the writer's text too
    # (titles, summaries, the article), but never inside code or an attribute.
    page = (output / "2026" / "pas-partout" / "index.html").read_text(encoding="utf-8")
    body = page.split("<body", 1)[1]
    assert 'class="post__title">LinkedIn, Instagram, Mastodon\u00a0: pourquoi' in body
    assert "Mastodon : pourquoi" not in body
    from edcal.blog.typography import french_html

    assert french_html('<div title="a > b : c">Oui ?</div>') == '<div title="a > b : c">Oui\u00a0?</div>'
    assert french_html('<p>Voir ? <a href="/a : b" title="x ; y">« ici »</a> <code>a : b</code></p><pre>c ; d</pre>') \
        == '<p>Voir\u00a0? <a href="/a : b" title="x ; y">«\u00a0ici\u00a0»</a> <code>a : b</code></p><pre>c ; d</pre>'
    assert "Étiquette\u00a0: acier" in (output / "tag" / "acier" / "index.html").read_text(encoding="utf-8")
    not_found = (output / "404.html").read_text(encoding="utf-8")
    assert "<h1 class=\"page-title\">Page introuvable</h1>" in not_found
    assert '<meta name="robots" content="noindex">' in not_found
    # Served for any missing URL, at any depth: its links start at the root (absolute in production).
    assert 'href="/theme/css/edcal.css"' in not_found and 'href="/archives.html"' in not_found
    assert not re.search(r'(href|src)="(?![/#]|https://|mailto:)', not_found)


#: Openings that never close, before a colon (100-200 kB, a long but possible article or title).
UNCLOSED = ["<pre " * 20000, "<!--" * 40000, "<a " * 40000, "<a title='" * 20000, "<code>" * 20000,
            "<a title=\"x <b> " * 10000, "<a '\"" * 40000]


@pytest.mark.parametrize("opening", UNCLOSED, ids=["pre", "comments", "tags", "quotes", "code", "tag in quotes",
                                                   "both quotes"])
def test_french_spacing_reads_unclosed_tags_in_linear_time(opening: str) -> None:
    """Each unclosed opening was read to the end of the text: 20,000 `<pre ` took
    40 s (a title goes through it twice). The colon after them is text, as before."""
    import time

    from edcal.blog.typography import french_html

    started = time.process_time()
    spaced = french_html(opening + "Oui : non")
    assert time.process_time() - started < 1
    assert spaced.endswith("Oui\u00a0: non")


@pytest.mark.parametrize("opening", [*UNCLOSED, "<p " * 40000 + "</p>", "<!-- >" * 30000, "<img " * 40000],
                         ids=["pre", "comments", "tags", "quotes", "code", "tag in quotes", "both quotes",
                              "paragraphs", "comments closed as tags", "images"])
def test_titles_descriptions_and_images_read_unclosed_tags_in_linear_time(opening: str, tmp_path: Path) -> None:
    """A page's title and description as text (og:title, the description a search engine shows), its
    reading time, and the size of its images: each unclosed opening was read to the end of the text
    (up to 30 s for these 160 kB; a title of 20,000 `<pre ` took 4 s more to build)."""
    import time
    from types import SimpleNamespace

    from edcal.blog.helpers import lead, plain_text
    from edcal.blog.typography import sized_images

    text = opening + "Oui : non"
    started = time.process_time()
    words = plain_text(text)
    first = lead(SimpleNamespace(metadata={}, content=text, summary="Résumé"))
    sized = sized_images(text, tmp_path, "")
    assert time.process_time() - started < 1
    assert words.endswith("Oui : non") and first == "Résumé" and sized == text


def test_french_spacing_leaves_the_same_markup_alone_as_the_expression_it_replaces() -> None:
    """The linear reading protects exactly what `<!--.*?-->|<(pre|…)\\b.*?</\\1\\s*>|<…>` matched, on
    random mixes of the pieces that open, close or quote markup."""
    import random

    from edcal.blog.typography import french_html
    from edcal.i18n import FRENCH_SPACE

    markup = re.compile(r"<!--.*?-->|<(pre|code|script|style|textarea|kbd|samp)\b.*?</\1\s*>"
                        r"""|<(?:[^>"']|"[^"]*"|'[^']*')*>""", re.DOTALL | re.IGNORECASE)
    pieces = ["<", ">", '"', "'", "<!--", "-->", "-", "<pre", "</pre>", "</PRE >", "<code>", "</code", " :", " ;",
              "\n", "a", "<kbd", "</\u212abd>", "<\u212aBD", "<\u017fcript", "</script>", "<SCRIPT", "/", "<a ",
              'x="', "'y'", "<!-->", "« ", " »"]
    rnd = random.Random(8)
    for _ in range(3000):
        html = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 20)))
        protected = [m.span() for m in markup.finditer(html)]
        spaced = list(html)
        for space in (m.start() for m in FRENCH_SPACE.finditer(html)):
            if not any(start <= space < end for start, end in protected):
                spaced[space] = "\u00a0"
        assert french_html(html) == "".join(spaced), html


def test_the_no_break_spaces_a_writer_typed_in_a_title_stay_in_the_feeds(site: Path) -> None:
    """Pelican's feed writer strips a title's tags with `striptags`, which made every no-break space a plain
    one: `1 200 m²` and `6 mars` could break in a feed reader, where the page kept them; a narrow one before
    `:` became a wide one."""
    published = site / "content" / "articles" / "publie.md"
    published.write_text(published.read_text(encoding="utf-8").replace(
        "Title: Un article publié", "Title: Portes ouvertes\u202f: 1\u202f200\u00a0m² à visiter le 6\u00a0mars !"),
        encoding="utf-8")
    result = run_edcal("build", cwd=site)
    assert result.returncode == 0, result.stderr
    feed = ET.parse(site / "output" / "feeds" / "all.atom.xml").getroot()
    titles = [entry.findtext("{http://www.w3.org/2005/Atom}title") for entry in feed]
    assert "Portes ouvertes\u202f: 1\u202f200\u00a0m² à visiter le 6\u00a0mars\u00a0!" in titles, titles


def test_production_settings_give_absolute_urls_and_more_feeds(tmp_path: Path) -> None:
    site = build_sample(tmp_path / "site", "-s", "publishconf.py")
    output = site / "output"
    for path in output.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r'(href|src)="(?!https://|mailto:|#)', text), f"a relative link in {path}"
    assert (output / "feeds" / "conseils.atom.xml").is_file()
    assert (output / "feeds" / "tag" / "acier.atom.xml").is_file()
    assert (output / "feeds" / "all-en.atom.xml").is_file()
    assert (output / "sitemap.xml").is_file()
    feed = (output / "feeds" / "all.atom.xml").read_text(encoding="utf-8")
    assert "<title>LinkedIn, Instagram, Mastodon\u00a0: pourquoi" in feed and " : " not in feed
    # Each feed says its language: the English translations' feed is English, the others French.
    atom = "{http://www.w3.org/XML/1998/namespace}lang"
    assert ET.parse(output / "feeds" / "all-en.atom.xml").getroot().get(atom) == "en"
    assert ET.parse(output / "feeds" / "conseils.atom.xml").getroot().get(atom) == "fr"
    assert ET.parse(output / "feeds" / "all.rss.xml").getroot().findtext("channel/language") == "fr"


# Validity, accessibility, looks


def test_home_and_article_pages_pass_the_nu_html_checker(sample: Path, published: list[dict]) -> None:
    pages = [sample / "output" / "index.html", *(page_of(sample, i["url"]) for i in published)]
    others = sorted(p for p in (sample / "output").rglob("*.html") if p not in pages)
    assert len(others) >= 10  # categories, tags, authors, archives, pages, 404: checked too
    assert nu_problems(pages + others) == []


def test_colours_meet_wcag_aa_in_light_and_dark_schemes() -> None:
    css = (THEME / "static" / "css" / "edcal.css").read_text(encoding="utf-8")
    light = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-f]{6});", css.split("@media (prefers-color-scheme: dark)")[0]))
    dark_block = css.split("@media (prefers-color-scheme: dark)")[1].split("\n}\n")[0]
    dark = {**light, **dict(re.findall(r"--([\w-]+):\s*(#[0-9a-f]{6});", dark_block))}
    text_pairs = [("text", "bg"), ("muted", "bg"), ("accent", "bg"), ("text", "surface"), ("muted", "surface"),
                  ("accent", "surface"), ("bg", "accent"), ("header-text", "header-bg"),
                  ("header-muted", "header-bg"), ("header-link", "header-bg")]
    ring_pairs = [("focus", "bg"), ("focus", "surface"), ("header-link", "header-bg")]
    for scheme, colours in (("light", light), ("dark", dark)):
        for fg, bg in text_pairs:
            assert contrast(colours[fg], colours[bg]) >= 4.5, f"{scheme}: --{fg} on --{bg}"
        for fg, bg in ring_pairs:
            assert contrast(colours[fg], colours[bg]) >= 3, f"{scheme}: focus ring --{fg} on --{bg}"


def test_the_theme_is_our_own_and_needs_nothing_from_elsewhere() -> None:
    names = {p.name for p in (THEME / "templates").glob("*.html")}
    assert {"base.html", "index.html", "article.html", "page.html", "category.html", "categories.html",
            "tag.html", "tags.html", "author.html", "authors.html", "archives.html", "period_archives.html",
            "404.html"} <= names
    for path in [*(THEME / "templates").rglob("*.html"), *(THEME / "static").rglob("*.css")]:
        text = path.read_text(encoding="utf-8")
        assert "!simple" not in text, f"{path.name} extends Pelican's simple theme"
        assert not re.search(r"<script(?! type=\"application/ld\+json\")", text), f"a script in {path.name}"
        assert not re.search(r"(@import|url\()\s*['\"]?(https?:)?//", text), f"an external resource in {path.name}"


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    with browser() as instance:
        yield instance


SCREENS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("name", ["home", "article"])
def test_pages_read_well_on_a_phone_and_a_desktop(sample: Path, chromium: Any, screen: str, name: str) -> None:
    path = sample / "output" / ("index.html" if name == "home" else "2026/nos-apprentis/index.html")
    page = chromium.new_page(viewport=SCREENS[screen], device_scale_factor=1)
    try:
        page.goto(path.as_uri())
        page.eval_on_selector_all("img[loading=lazy]", "images => images.forEach(i => i.loading = 'eager')")
        page.wait_for_function("[...document.images].every(i => i.complete)")
        page.evaluate("Promise.all([...document.images].map(i => i.decode().catch(() => null)))")
        # The stylesheet is found (relative link) and applied: the header is the theme's dark band.
        assert page.eval_on_selector(".site-header", "e => getComputedStyle(e).backgroundColor") == "rgb(43, 47, 54)"
        # Nothing wider than the screen: no sideways scrolling on a phone.
        assert page.evaluate("document.documentElement.scrollWidth") <= SCREENS[screen]["width"]
        broken = page.evaluate("[...document.images].filter(i => !i.naturalWidth).map(i => i.src)")
        assert broken == []
        # Body text stays readable: at least 16 px, lines no longer than about 80 characters.
        text = ".card__summary" if name == "home" else ".post__content p"
        size = page.eval_on_selector(text, "e => parseFloat(getComputedStyle(e).fontSize)")
        assert size >= 16
        width = page.eval_on_selector(text, "e => e.getBoundingClientRect().width")
        assert width / size < 45  # ~ 80 characters of a sans-serif font
        # The skip link is the first stop of the keyboard, visible, and leads to the content.
        page.keyboard.press("Tab")
        focused = page.evaluate("[document.activeElement.className, document.activeElement.textContent]")
        assert focused == ["skip-link", "Aller au contenu"]
        box = page.eval_on_selector(".skip-link", "e => e.getBoundingClientRect().top")
        assert box >= 0
        ring = page.eval_on_selector(".skip-link", "e => getComputedStyle(e).outlineStyle")
        assert ring == "solid"
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "main"
        page.evaluate("document.activeElement.blur(); window.scrollTo(0, 0)")
        ARTIFACTS.mkdir(exist_ok=True)
        shot = ARTIFACTS / f"blog-{name}-{screen}.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 20_000
    finally:
        page.close()


def test_the_blog_has_an_icon_and_browsers_stop_asking_for_favicon_ico(sample: Path, chromium: Any) -> None:
    """Every page made Chromium ask the server for /favicon.ico, a 404 in every log."""
    import functools
    import http.server
    import threading

    asked: list[str] = []

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            asked.append(self.path)

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Handler, directory=str(sample / "output")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    page = chromium.new_page()
    try:
        for path in ("index.html", "2026/nos-apprentis/index.html", "archives.html"):
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/{path}")
            page.wait_for_timeout(500)  # the icon is asked for after the page has loaded
        assert "/favicon.ico" not in asked
        assert "/theme/favicon.svg" in asked
        icon = page.eval_on_selector('link[rel="icon"]', "l => [l.getAttribute('href'), l.type]")
        assert icon == ["./theme/favicon.svg", "image/svg+xml"]  # relative, like the stylesheet (archives.html)
    finally:
        page.close()
        server.shutdown()
    assert (sample / "output" / "theme" / "favicon.svg").read_text(encoding="utf-8").startswith("<svg")
    for html in (sample / "output").rglob("*.html"):
        assert 'rel="icon"' in html.read_text(encoding="utf-8"), html


def test_the_blog_prints_its_text_without_menus_and_with_its_links_addresses(sample: Path, chromium: Any) -> None:
    """Printed, an article came with the menu, the share buttons and the footer's lists, in light text on the
    dark header, and its links were only coloured words."""
    page = chromium.new_page(color_scheme="dark", viewport={"width": 700, "height": 1000})
    try:
        page.goto((sample / "output" / "2026" / "nos-apprentis" / "index.html").as_uri())
        # A link to another of the blog's pages and one to another site, in the text.
        page.eval_on_selector(".post__content p", "p => p.insertAdjacentHTML('beforeend', ' <a href=\"../pas-partout/\">"
                                                  "un autre article</a> <a href=\"https://www.example.org/guide\">le guide</a>')")
        page.emulate_media(media="print")
        for hidden in (".skip-link", ".site-nav", ".share", ".site-footer nav"):
            assert page.locator(hidden).first.is_hidden(), hidden
        assert page.locator(".post__content").is_visible() and page.locator("h1").is_visible()
        # Black on white, whatever the reader's scheme; links underlined, in the text's colour.
        colours = page.evaluate("""() => [getComputedStyle(document.body).color,
                                          getComputedStyle(document.body).backgroundColor,
                                          getComputedStyle(document.querySelector('.site-header')).backgroundColor,
                                          getComputedStyle(document.querySelector('.site-title')).color]""")
        assert colours == ["rgb(0, 0, 0)", "rgb(255, 255, 255)", "rgba(0, 0, 0, 0)", "rgb(0, 0, 0)"]
        link = page.locator(".post__content a").first
        assert link.evaluate("a => [getComputedStyle(a).color, getComputedStyle(a).textDecorationLine]") == \
            ["rgb(0, 0, 0)", "underline"]
        # A link to another site prints its address after its words; the blog's own, a relative path, does not.
        after = "sel => getComputedStyle(document.querySelector(sel), '::after').content"
        assert page.evaluate(after, ".post__content a[href^='https']") == '" (https://www.example.org/guide)"'
        assert page.evaluate(after, ".post__content a[href^='../']") == "none"
        # Paper does not scroll: a line of code wider than the page wraps, and a wide table keeps its
        # last columns (no-break spaces in its figures), where both scrolled sideways (on screen) and
        # were cut off at the page's edge.
        page.emulate_media(media="screen")
        page.eval_on_selector(".post__content", "c => c.insertAdjacentHTML('beforeend', '<pre><code>' + "
                                                "'devis(metres, metal) '.repeat(12) + '</code></pre><table><tr>' + "
                                                "'<td>1&nbsp;234,56&nbsp;€&nbsp;HT&nbsp;le&nbsp;mètre</td>'.repeat(8) + '</tr></table>')")
        cut = "() => [...document.querySelectorAll('.post__content pre, .post__content table')]" \
              ".map(e => e.scrollWidth > e.clientWidth + 1)"
        assert page.evaluate(cut) == [True, True]  # the page is as narrow as a sheet of A4
        page.emulate_media(media="print")
        assert page.evaluate(cut) == [False, False]
        page.pdf(path=str(ARTIFACTS / "blog-article-print.pdf"))  # for people to look at
    finally:
        page.close()


# Image sizes, read from file headers


def test_image_sizes_are_read_from_png_jpeg_gif_and_webp_headers(tmp_path: Path) -> None:
    png = ROOT / "content" / "images" / "default.png"
    assert image_size(png) == (1200, 630)
    jpeg = (b"\xff\xd8" + b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00" + b"\x00" * 9
            + b"\xff\xc2" + struct.pack(">HBHHB", 11, 8, 480, 640, 3) + b"\x00" * 6)
    gif = b"GIF89a" + struct.pack("<HH", 320, 200) + b"\x00" * 8
    webp = b"RIFF" + b"\x00" * 4 + b"WEBPVP8X" + b"\x00" * 8 + (1023).to_bytes(3, "little") \
        + (767).to_bytes(3, "little")
    for name, data, size in [("a.jpg", jpeg, (640, 480)), ("a.gif", gif, (320, 200)), ("a.webp", webp, (1024, 768)),
                             ("a.txt", b"hello", None)]:
        (tmp_path / name).write_bytes(data)
        assert image_size(tmp_path / name) == size, name
    assert image_size(tmp_path / "missing.png") is None
    # A phone's portrait photo: stored 640 x 480 with an EXIF orientation of 6 (a quarter turn), shown 480 x 640.
    for order, pack in ((b"II", "<"), (b"MM", ">")):
        tiff = order + struct.pack(pack + "HI", 42, 8) + struct.pack(pack + "H", 1) \
            + struct.pack(pack + "HHI", 0x0112, 3, 1) + struct.pack(pack + "H", 6) + b"\x00\x00"
        exif = b"Exif\x00\x00" + tiff
        turned = jpeg[:2] + b"\xff\xe1" + struct.pack(">H", len(exif) + 2) + exif + jpeg[2:]
        (tmp_path / "portrait.jpg").write_bytes(turned)
        assert image_size(tmp_path / "portrait.jpg") == (480, 640), order


# Documentation


def documented(name: str, *pages: str) -> bool:
    return any(f"`{name}`" in (ROOT / "docs" / page).read_text(encoding="utf-8") for page in pages)


def test_every_setting_of_the_sample_site_is_documented() -> None:
    names = set()
    for conf in ("pelicanconf.py", "publishconf.py"):
        names |= set(re.findall(r"^([A-Z][A-Z0-9_]+)\s*=", (ROOT / conf).read_text(encoding="utf-8"), re.MULTILINE))
    assert {"DEFAULT_IMAGE", "SHARE_LINKS", "SITEMAP_SAVE_AS", "FEED_ALL_RSS"} <= names
    missing = sorted(n for n in names if not documented(n, "settings.md", "theme.md"))
    assert missing == [], "settings of pelicanconf.py/publishconf.py missing from docs/settings.md"


def test_every_setting_the_theme_reads_is_in_docs_theme_md() -> None:
    names = set()
    for template in (THEME / "templates").rglob("*.html"):
        names |= set(re.findall(r"\b([A-Z][A-Z0-9]*_[A-Z0-9_]+|SITENAME|SITESUBTITLE|SITEURL|MENUITEMS|SOCIAL|PUBLISHER)\b",
                                template.read_text(encoding="utf-8")))
    for module in (ROOT / "plugins" / "edcal" / "blog").glob("*.py"):
        names |= set(re.findall(r'_SETTING = "([A-Z_]+)"', module.read_text(encoding="utf-8")))
    assert {"DEFAULT_IMAGE", "MASTODON_SHARE_PAGE", "SITEMAP_SAVE_AS", "TWITTER_USERNAME", "SITEURL"} <= names
    missing = sorted(n for n in names if not documented(n, "theme.md"))
    assert missing == [], "settings the theme reads, missing from docs/theme.md"


def test_images_in_the_text_keep_their_room_while_they_load() -> None:
    """An image written in Markdown had no size: the page jumped as it loaded (docs/theme.md says sized)."""
    from edcal.blog.typography import sized_images

    content = ROOT / "content"
    html = ('<p><img alt="a" src="{static}/images/portail.png"> <img src="{static}../images/portail.png" />'
            ' <img src="{static}/images/portail.png" width="300"> <img src="https://ailleurs.example/x.png">'
            ' <img src="{static}/images/absente.png"></p>')
    assert sized_images(html, content, "articles") == (
        '<p><img alt="a" src="{static}/images/portail.png" width="1200" height="630">'
        ' <img src="{static}../images/portail.png" width="1200" height="630"/>'
        ' <img src="{static}/images/portail.png" width="300"> <img src="https://ailleurs.example/x.png">'
        ' <img src="{static}/images/absente.png"></p>')


def test_a_footnotes_way_back_speaks_the_articles_language(site: Path) -> None:
    """"Jump back to footnote 1 in the text" was read out on a French blog."""
    published = site / "content" / "articles" / "publie.md"
    published.write_text(published.read_text(encoding="utf-8") + "\nUne note[^1].\n\n[^1]: La note.\n", encoding="utf-8")
    result = run_edcal("build", cwd=site)
    assert result.returncode == 0, result.stderr
    page = (site / "output" / "2027" / "publie" / "index.html").read_text(encoding="utf-8")
    backref = re.search(r'footnote-backref[^>]*>', page)
    assert backref and backref.group(0).endswith('title="Revenir à l\'appel de note\u00a01 dans le texte">'), repr(backref.group(0))


def test_each_article_shows_its_own_footnotes_and_abbreviations_only(site: Path) -> None:
    """One Markdown converter serves every article of a language (the build's speed): what a text defines
    (its notes, its abbreviations) must not reach the article read after it, whichever that is."""
    articles = site / "content" / "articles"
    published = articles / "publie.md"
    published.write_text(published.read_text(encoding="utf-8")
                         + "\nUne note[^publie], un prix HT ou TTC.\n\n[^publie]: La note de l'article publié.\n\n"
                           "*[HT]: hors taxes\n", encoding="utf-8")
    (articles / "autre.md").write_text(
        "Title: Un autre article\nDate: 2027-01-20 09:00\nCategory: Essais\n\n"
        "Une autre note[^autre], un autre prix HT ou TTC.\n\n[^autre]: La note de l'autre article.\n\n"
        "*[TTC]: toutes taxes comprises\n", encoding="utf-8")
    result = run_edcal("build", cwd=site)
    assert result.returncode == 0, result.stderr
    first = (site / "output" / "2027" / "publie" / "index.html").read_text(encoding="utf-8")
    other = (site / "output" / "2027" / "autre" / "index.html").read_text(encoding="utf-8")
    assert "La note de l'article publié" in first and "La note de l'autre article" not in first
    assert "La note de l'autre article" in other and "La note de l'article publié" not in other
    assert '<abbr title="hors taxes">HT</abbr> ou TTC.' in first
    assert 'HT ou <abbr title="toutes taxes comprises">TTC</abbr>.' in other


def test_footnotes_numbered_apart_in_each_text_keep_pelicans_ids(site: Path) -> None:
    """With footnotes' UNIQUE_IDS, ids depend on how many texts a converter has read: such a site keeps a
    converter per article, as Pelican does, and each article's ids as Pelican gives them."""
    conf = site / "pelicanconf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + (
        "\nMARKDOWN = {'extension_configs': {'markdown.extensions.extra': {'footnotes': {'UNIQUE_IDS': True}}},"
        " 'output_format': 'html5'}\n"), encoding="utf-8")
    articles = site / "content" / "articles"
    published = articles / "publie.md"
    published.write_text(published.read_text(encoding="utf-8") + "\nUne note[^n].\n\n[^n]: La note.\n",
                         encoding="utf-8")
    (articles / "autre.md").write_text(
        "Title: Un autre article\nDate: 2027-01-20 09:00\nCategory: Essais\n\nUne note[^n].\n\n[^n]: L'autre.\n",
        encoding="utf-8")
    result = run_edcal("build", cwd=site)
    assert result.returncode == 0, result.stderr
    ids = [re.findall(r'id="(fn(?:ref)?:\d+-n)"', (site / "output" / "2027" / slug / "index.html")
                      .read_text(encoding="utf-8")) for slug in ("publie", "autre")]
    # What a converter new to each text gives (Python-Markdown 3.11: 2), the same in both articles.
    assert ids[0] == ids[1] and re.fullmatch(r"fnref:(\d+)-n fn:\1-n", " ".join(ids[0])), ids


def test_a_writers_notes_in_html_comments_stay_out_of_the_page_and_the_feed(site: Path) -> None:
    """`<!-- Prix négocié : 12 000 € HT, ne pas publier -->` went into the page's source and the Atom feed."""
    published = site / "content" / "articles" / "publie.md"
    published.write_text(published.read_text(encoding="utf-8") + (
        "\n<!-- Prix négocié : 12 000 € HT, ne pas publier -->\n\nLa suite <!-- à vérifier avec Julien --> du texte.\n"
        "\n`<!-- un exemple -->` en code, et le repère <!-- PELICAN_END_SUMMARY --> d'un plugin.\n"), encoding="utf-8")
    result = run_edcal("build", cwd=site)
    assert result.returncode == 0, result.stderr
    page = (site / "output" / "2027" / "publie" / "index.html").read_text(encoding="utf-8")
    feed = (site / "output" / "feeds" / "all.atom.xml").read_text(encoding="utf-8")
    for published_text in (page, feed):
        assert "Prix négocié" not in published_text and "Julien" not in published_text
    assert "<p>La suite  du texte.</p>" in page
    assert "<code>&lt;!-- un exemple --&gt;</code>" in page and "<!-- PELICAN_END_SUMMARY -->" in page


@pytest.mark.parametrize("name", ["publie.md", "futur.md"])
@pytest.mark.parametrize("note", ["Texte <!-- CANARY-NOTE à confirmer\n\nsuite -->\n",
                                  "* un point <!-- CANARY-NOTE\n* autre point\nfin -->\n",
                                  "Écrivez <!-- CANARY-NOTE pour commencer.\n"])
def test_a_note_markdown_would_print_is_a_located_error_before_the_article_is_online(site: Path, name: str,
                                                                                    note: str) -> None:
    """Split by a blank line or a list's item (or never closed) inside a paragraph, a note was printed on
    the page: `Texte <!-- CANARY … suite -->`, for anyone to read."""
    article = site / "content" / "articles" / name
    text = article.read_text(encoding="utf-8")
    before = text + "\n<!-- une note\n\nsur deux paragraphes, qui reste une note -->\n\n"
    article.write_text(before + note, encoding="utf-8")
    line = len(before.splitlines()) + 1
    for command in ("check", "build"):
        result = run_edcal(command, cwd=site, env={"EDCAL_LANG": "en"})
        assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
        assert (f"content/articles/{name}:{line}:" in result.stderr
                and "error: found a note to the team (`<!--`) that Markdown would print" in result.stderr), \
            result.stderr
    assert not (site / "output").exists() or not [path for path in (site / "output").rglob("*")
                                                   if path.is_file() and b"CANARY-NOTE" in path.read_bytes()]


def test_a_note_split_in_an_article_saved_with_windows_line_ends_is_told_by_check_too(site: Path) -> None:
    """A web editor saves Windows line ends: `edcal check` took the blank line, `\\r\\n`, for none and passed
    the article, whose page would print the note (the build alone refused it)."""
    article = site / "content" / "articles" / "futur.md"
    text = article.read_text(encoding="utf-8") + "\nLes chiffres <!-- CANARY-NOTE à confirmer\n\navant l'envoi -->.\n"
    article.write_bytes(text.replace("\n", "\r\n").encode())
    line = len(text.splitlines()) - 2
    for command in ("check", "build"):
        result = run_edcal(command, cwd=site, env={"EDCAL_LANG": "en"})
        assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
        assert (f"content/articles/futur.md:{line}:14: error: found a note to the team (`<!--`) that Markdown would "
                "print") in result.stderr, result.stderr


def test_a_note_split_in_a_summary_is_a_located_error(site: Path) -> None:
    """`summary:` is Markdown too: a note split there went onto the home page and every feed."""
    (site / "content" / "articles" / "resume.md").write_text(
        "---\ntitle: Un résumé\ndate: 2027-02-01 10:00\nsummary: |\n  Le résumé. <!-- prix à confirmer\n\n"
        "  avant l'envoi -->\n---\nTexte.\n", encoding="utf-8")
    result = run_edcal("check", cwd=site, env={"EDCAL_LANG": "en"})
    assert result.returncode == 2 and "content/articles/resume.md:4:" in result.stderr, result.stderr
    assert "error: found a note to the team (`<!--`) that Markdown would print" in result.stderr


def test_an_opening_written_to_be_shown_is_no_note(site: Path) -> None:
    """`&lt;!--`, written to show the characters, was taken for a note Markdown printed."""
    article = site / "content" / "articles" / "publie.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nPour montrer le début d'une note, on écrit &lt;!-- "
                       "en HTML.\n\n<!-- une vraie note -->\n", encoding="utf-8")
    result = run_edcal("build", cwd=site, env={"EDCAL_LANG": "en"})
    assert result.returncode == 0, result.stderr
    page = (site / "output" / "2027" / "publie" / "index.html").read_text(encoding="utf-8")
    assert "on écrit &lt;!-- en HTML" in page and "une vraie note" not in page


def test_a_writers_note_stays_out_of_the_posts_that_sum_up_the_article(site: Path) -> None:
    """A note with a '>' in the first paragraph went, from that '>' on, into the social posts' summary, the
    drafts to paste and the scheduler's export: "Le corps 12 000 € HT, client --> de l'article"."""
    published = site / "content" / "articles" / "publie.md"
    published.write_text(published.read_text(encoding="utf-8").replace(
        "Le corps de l'article", "Le corps <!-- prix > 12 000 € HT, client <Dupont> --> de l'article"),
        encoding="utf-8")
    result = run_edcal("build", cwd=site)
    assert result.returncode == 0, result.stderr
    drafts = [path.read_text(encoding="utf-8")
              for path in (site / "planning" / "drafts" / "linkedin").glob("*-publie-*.txt")]
    assert drafts and all("\n\nLe corps de l'article publié avec un lien.\n\n" in draft for draft in drafts)
    leaked = [path.relative_to(site) for path in site.rglob("*") if path.is_file() and path.suffix != ".md"
              and b"12 000" in path.read_bytes()]
    assert leaked == []


def test_an_image_name_with_spaces_is_percent_encoded_in_urls() -> None:
    """`image: images/escalier vue de dessous.png` went as is into og:image, JSON-LD and the feed."""
    from edcal.blog.helpers import url_path

    assert url_path("{static}/images/escalier vue de dessous.png") == "images/escalier%20vue%20de%20dessous.png"
    assert url_path("images/déjà%20encodé.png") == "images/d%C3%A9j%C3%A0%20encod%C3%A9.png"
    assert url_path("2027/un-article/") == "2027/un-article/"
