"""The link-in-bio page (`link_in_bio:`): the links of the latest Instagram and TikTok posts, in output/."""

from __future__ import annotations

import html
import re
import urllib.parse
from pathlib import Path
from typing import Any

import pytest

from conftest import run_edcal, tree_text
from edcal.errors import InputErrors
from edcal.plan.link_in_bio import first_line, link_in_bio
from edcal.plan.next_change import next_change
from helpers import PARIS_CALENDAR, article, calendar_from, plan_of

NOW = "2027-02-15T10:00:00+01:00"

#: Posts around the tests' "now" (2027-02-15 10:00): gone out, to come, withheld, in review, without link.
POSTS = """\
networks:
  instagram: {}
  tiktok: {}
freeze:
  - {from: 2027-02-12, until: 2027-02-13, reason: Incident, networks: [instagram]}
posts:
  - id: parti
    networks: [instagram, linkedin]
    at: 2027-02-10 18:00
    text: "Notre article du mois, à lire !"
    article: publie
    image: images/public.png
    alt: Une image publique de l'article
  - id: reel
    networks: [tiktok]
    at: 2027-02-11 18:00
    text: "La visite de l'atelier en vidéo #FaitMain"
    link: https://example.org/visite/
  - id: sans-lien
    networks: [instagram]
    at: 2027-02-09 18:00
    text: "Un post sans lien SANSLIEN-4040"
  - id: gele
    networks: [instagram]
    at: 2027-02-12 12:00
    text: "Gelé CANARY-BIO-WITHHELD-2"
    link: https://example.org/CANARY-BIO-WITHHELD-URL/
    image: images/public.png
    alt: Une image
  - id: en-relecture
    networks: [instagram]
    at: 2027-02-14 12:00
    status: review
    text: "En relecture CANARY-BIO-REVIEW-3"
    link: https://example.org/CANARY-BIO-REVIEW-URL/
    image: images/public.png
    alt: Une image
  - id: a-venir
    networks: [instagram]
    at: 2027-02-20 18:00
    text: "Bientôt CANARY-BIO-FUTURE-1"
    link: https://example.org/CANARY-BIO-FUTURE-URL/
    image: images/futur-secret.png
    alt: Une image secrète
"""


def bio_site(site: Path, settings: str = "link_in_bio:\n  path: liens\n  title: Nos liens\n") -> Path:
    (site / "calendar.d").mkdir(exist_ok=True)
    (site / "calendar.d" / "bio.yaml").write_text(POSTS, encoding="utf-8")
    with (site / "calendar.yaml").open("a", encoding="utf-8") as calendar:
        calendar.write(settings)
    return site


def test_the_page_lists_the_posts_gone_out_with_their_tracked_links_and_images(site: Path) -> None:
    result = run_edcal("build", cwd=bio_site(site))
    assert result.returncode == 0, result.stderr
    assert "link-in-bio page: 2 links -> output/liens/\n" in result.stdout, result.stdout  # the build says so
    page = (site / "output" / "liens" / "index.html").read_text(encoding="utf-8")
    text = html.unescape(page)
    assert "<title>Nos liens – Fixture</title>" in text and '<html lang="fr">' in page
    links = re.findall(r'<a class="bio__link" href="([^"]+)"', text)
    # Newest first; LinkedIn's copy of the post is not listed; each link tracked for its network.
    assert links == ["https://example.org/visite/",
                     "https://blog.example.fr/2027/publie/?utm_source=instagram&utm_medium=social"
                     "&utm_campaign=publie"]
    assert "La visite de l'atelier en vidéo</span>" in text  # its first line, without its hashtags
    assert '<span class="bio__label">Un article publié</span>' in text  # the article's title, in the page's language
    # The label names the link: the image beside it is silent (alt=""), not read out before it.
    assert re.search(r'src="[^"]*/images/public\.png" alt="" width=', text)
    assert (site / "output" / "images" / "public.png").is_file()
    assert not (site / "output" / "images" / "futur-secret.png").exists()
    assert "10 février 2027" in text and "Les liens de nos dernières publications" in text
    # Nothing that has not gone out, anywhere in output/.
    canaries = ("CANARY-BIO", "SANSLIEN", "futur-secret", "image secrète")
    assert [path for path, body in tree_text(site / "output") if any(c in body for c in canaries)] == []
    # The same inputs give the same bytes (no "now" in the page).
    again = run_edcal("build", cwd=site)
    assert again.returncode == 0, again.stderr
    assert (site / "output" / "liens" / "index.html").read_text(encoding="utf-8") == page
    # The next rebuild is when the next listed post goes out.
    moment = run_edcal("next-change", cwd=site)
    assert moment.stdout.strip() == "2027-02-20T18:00:00+01:00", moment.stderr


def test_an_image_an_article_to_come_names_by_its_address_is_left_off(site: Path) -> None:
    """A post gone out shows an image that an article to come shows by its address (`![](/images/…)`, as web
    editors write it), not by `image:`: the page showed it, and so published it before the article."""
    posts = POSTS.replace("    link: https://example.org/visite/\n",
                          "    link: https://example.org/visite/\n    image: images/futur-secret.png\n"
                          "    alt: L'atelier\n", 1)
    article = site / "content" / "articles" / "futur.md"
    article.write_text(article.read_text(encoding="utf-8").replace("image: images/futur-secret.png\n", "").replace(
        "Texte futur", "![Atelier](/images/futur-secret.png)\n\nTexte futur"), encoding="utf-8")
    bio_site(site)
    (site / "calendar.d" / "bio.yaml").write_text(posts, encoding="utf-8")
    result = run_edcal("build", cwd=site)
    assert result.returncode == 0, result.stderr
    page = (site / "output" / "liens" / "index.html").read_text(encoding="utf-8")
    assert "https://example.org/visite/" in page and "futur-secret" not in page
    assert not (site / "output" / "images" / "futur-secret.png").exists()


def test_english_words_and_default_settings(site: Path) -> None:
    (site / "pelicanconf.py").write_text((site / "pelicanconf.py").read_text(encoding="utf-8")
                                         .replace('DEFAULT_LANG = "fr"', 'DEFAULT_LANG = "en"'), encoding="utf-8")
    result = run_edcal("build", cwd=bio_site(site, "link_in_bio: {count: 1}\n"))
    assert result.returncode == 0, result.stderr
    page = html.unescape((site / "output" / "links" / "index.html").read_text(encoding="utf-8"))
    assert "<h1 class=\"page-title\">Our links</h1>" in page and page.count('class="bio__item"') == 1
    assert "https://example.org/visite/" in page


def test_without_the_setting_there_is_no_page(site: Path) -> None:
    result = run_edcal("build", cwd=bio_site(site, ""))
    assert result.returncode == 0, result.stderr
    assert not (site / "output" / "links").exists() and "link-in-bio" not in result.stdout
    assert [path for path, body in tree_text(site / "output") if 'class="bio__link"' in body] == []


def test_a_link_to_an_article_in_other_capitals_is_left_out_with_the_address_it_means(site: Path) -> None:
    """`/2027/PUBLIE/` and `/2027/publie/INDEX.HTML` are the article's post to edcal (its title, its
    campaign), a 404 on a host that reads paths as written: left out as a link to no article at all ("no
    such article, page, tag or file"), where `edcal check` names the page meant."""
    bio_site(site)
    with (site / "calendar.d" / "bio.yaml").open("a", encoding="utf-8") as posts:
        posts.write("  - {id: majuscules, networks: [instagram], at: 2027-02-14 18:00, text: Relisez, "
                    "link: 'https://blog.example.fr/2027/PUBLIE/'}\n"
                    "  - {id: index, networks: [instagram], at: 2027-02-14 19:00, text: Relisez, "
                    "link: /2027/publie/INDEX.HTML}\n")
    result = run_edcal("build", cwd=site)
    assert result.returncode == 0, result.stderr
    told = [line for line in result.stdout.splitlines() if "left out of it" in line]
    assert told == [
        "  left out of it: post 'index-instagram', whose link https://blog.example.fr/2027/publie/INDEX.HTML is "
        "the address of 'Un article publié' in "
        "other capitals, https://blog.example.fr/2027/publie/, which the web server answers 'not found': fix the "
        "link in its entry and build again",
        "  left out of it: post 'majuscules-instagram', whose link https://blog.example.fr/2027/PUBLIE/ is the "
        "address of 'Un article publié' in "
        "other capitals, https://blog.example.fr/2027/publie/, which the web server answers 'not found': fix the "
        "link in its entry and build again"], result.stdout


def test_a_post_linking_to_an_article_not_online_is_never_listed() -> None:
    """A post gone out before its article is a check error (post-before-article); the page never leaks it."""
    calendar = calendar_from(PARIS_CALENDAR.replace("networks:\n", "networks:\n  instagram: {}\n", 1) + """\
posts:
  - {id: trop-tot, networks: [instagram], at: 2027-02-10 18:00, text: Bientôt, article: futur}
  - {id: en-ligne, networks: [instagram], at: 2027-02-11 18:00, text: Déjà, article: publie}
link_in_bio: {}
""")
    articles = [article("futur", "2027-03-01T09:00:00", calendar, title="Futur CANARY"),
                article("publie", "2027-02-01T09:00:00", calendar, title="Publié")]
    links = link_in_bio(plan_of(calendar, articles, now=NOW))
    assert links is not None and [link.label for link in links] == ["Publié"]


def test_one_article_posted_on_instagram_and_tiktok_is_one_entry() -> None:
    """Its links differ by their tracking (utm_source=instagram, =tiktok): the page listed the article twice."""
    calendar = calendar_from(PARIS_CALENDAR.replace("networks:\n", "networks:\n  instagram: {}\n  tiktok: {}\n", 1)
                             + """\
posts:
  - {id: les-deux, networks: [instagram, tiktok], at: 2027-02-10 18:00, text: Lisez, article: publie,
     video: videos/a.mp4}
  - {id: encore, networks: [instagram], at: 2027-02-11 18:00, text: Relisez, article: publie}
link_in_bio: {}
""")
    links = link_in_bio(plan_of(calendar, [article("publie", "2027-02-01T09:00:00", calendar, title="Publié")],
                                now=NOW))
    assert links is not None and [(link.id, link.label) for link in links] == [("encore-instagram", "Publié")]
    assert "utm_source=instagram" in links[0].url


def test_by_default_it_lists_every_network_whose_links_go_through_the_bio() -> None:
    """A second Instagram account (`like: instagram`), or a network of the site's own whose text makes no link
    clickable and that has no field for one, reaches its links through the bio as Instagram does: the page
    listed Instagram and TikTok by id only, and left their posts out."""
    calendar = calendar_from(PARIS_CALENDAR.replace("networks:\n", "networks:\n  instagram: {}\n"
                                                    "  instagram-en: {like: instagram, name: Instagram EN}\n"
                                                    "  vitrine: {custom: true, name: Vitrine, limit: 500, "
                                                    "links_clickable: false}\n", 1)
                             + """\
posts:
  - {id: fr, networks: [instagram, linkedin], at: 2027-02-10 18:00, text: Lisez, article: publie}
  - {id: en, networks: [instagram-en], at: 2027-02-11 18:00, text: Read, link: https://example.org/en/}
  - {id: vitrine, networks: [vitrine], at: 2027-02-12 18:00, text: Vitrine, link: https://example.org/v/}
link_in_bio: {}
""")
    links = link_in_bio(plan_of(calendar, [article("publie", "2027-02-01T09:00:00", calendar, title="Publié")],
                                now=NOW))
    assert links is not None and [link.id for link in links] == ["vitrine-vitrine", "en-instagram-en",
                                                                  "fr-instagram"]


def test_a_label_says_its_language() -> None:
    """A French page read an English title, or an English post's words, with a French voice (WCAG 3.1.2)."""
    calendar = calendar_from(PARIS_CALENDAR.replace(
        "networks:\n", "networks:\n  instagram: {}\n  insta-en: {like: instagram, lang: en, name: Instagram EN}\n", 1) + """\
posts:
  - {id: fr, networks: [instagram], at: 2027-02-10 18:00, text: Lisez, article: publie}
  - {id: en, networks: [insta-en], at: 2027-02-11 18:00, text: "Our gate, made in Lyon", link: "https://x.example/gate"}
link_in_bio: {networks: [instagram, insta-en]}
""")
    links = link_in_bio(plan_of(calendar, [article("publie", "2027-02-01T09:00:00", calendar, title="Publié")],
                                now=NOW))
    assert links is not None and [(link.label, link.lang) for link in links] == [
        ("Our gate, made in Lyon", "en"), ("Publié", "fr")]


def test_first_line_labels() -> None:
    assert first_line("\nNouveau : https://x.example/a le portail #FaitMain #Lyon\nsuite") == "Nouveau :  le portail"
    assert first_line("mot " * 40).endswith("…") and len(first_line("mot " * 40)) <= 90


def test_next_change_names_the_next_listed_post() -> None:
    yaml = PARIS_CALENDAR.replace("networks:\n", "networks:\n  instagram: {}\n", 1) + """\
posts:
  - {id: sans-lien, networks: [instagram], at: 2027-02-16 18:00, text: Sans lien}
  - {id: avec-lien, networks: [instagram], at: 2027-02-17 18:00, text: Avec, link: "https://example.org/"}
"""
    calendar = calendar_from(yaml)
    plan = plan_of(calendar, [], now=NOW)
    without = next_change(plan, plan.now)
    calendar = calendar_from(yaml + "link_in_bio: {}\n")
    plan = plan_of(calendar, [], now=NOW)
    assert next_change(plan, plan.now).isoformat() == "2027-02-17T18:00:00+01:00"
    assert without is None or without.isoformat() != "2027-02-17T18:00:00+01:00"


@pytest.mark.parametrize(("settings", "where", "message", "hint"), [
    ("link_in_bio:\n  netwroks: [instagram]\n", (2, 3), "unknown field 'netwroks' in link_in_bio", "networks"),
    ("link_in_bio:\n  networks: [instagam]\n", (2, 14), "unknown network 'instagam'", "instagram"),
    ("link_in_bio:\n  count: 0\n", (2, 10), "found '0'", None),
    ("link_in_bio:\n  path: ../public\n", (2, 9), "found path '../public', expected a folder name", "path: our-links"),
    # A space, a "?" or a "#" broke the page's address (output/a b?c#d/: a link to it opened "a%20b").
    ("link_in_bio:\n  path: 'a b?c#d'\n", (2, 9), "found path 'a b?c#d', expected a folder name of letters, digits",
     "path: our-links"),
    ("link_in_bio:\n  path: '%2e%2e'\n", (2, 9), "found path '%2e%2e', expected a folder name of letters",
     "path: our-links"),
    ("ambassadors: {publish: 'partage ici'}\n", (1, 24), "found publish 'partage ici', expected a folder name of "
     "letters", "publish: calendars-7f3a9c"),
    ("link_in_bio:\n  path: partage\nambassadors: {publish: partage}\n", (2, 9),
     "found path 'partage', where `ambassadors: publish:` copies its folder 'partage'", "path: our-links"),
])
def test_wrong_settings_are_located_errors(settings: str, where: tuple[int, int], message: str,
                                           hint: str | None) -> None:
    base = PARIS_CALENDAR.count("\n")
    with pytest.raises(InputErrors) as caught:
        calendar_from(PARIS_CALENDAR + settings)
    found = [e for e in caught.value.errors if e.message.startswith(message)]
    assert found, caught.value.errors
    assert (found[0].source.line - base, found[0].source.column) == where
    assert hint is None or hint in (found[0].hint or "")


def test_wrong_settings_stop_the_build_with_exit_2(site: Path) -> None:
    result = run_edcal("build", cwd=bio_site(site, "link_in_bio:\n  networks: [instagam]\n"))
    assert result.returncode == 2
    assert re.search(r"calendar\.yaml:\d+:14: error: unknown network 'instagam'", result.stderr), result.stderr
    assert "Traceback" not in result.stderr


def test_the_page_in_chromium_shows_the_list_and_its_links_work(site: Path) -> None:
    from browser import browser, screenshot, serve

    result = run_edcal("build", cwd=bio_site(site))
    assert result.returncode == 0, result.stderr
    output = site / "output"

    def blog(route: Any) -> None:  # the site's address (SITEURL), served from output/
        path = urllib.parse.urlsplit(route.request.url).path.lstrip("/")
        file = output / path / "index.html" if not path or path.endswith("/") else output / path
        if file.is_file():
            kind = "text/html" if file.suffix == ".html" else "text/css" if file.suffix == ".css" else "image/png"
            route.fulfill(status=200, body=file.read_bytes(), content_type=kind)
        else:
            route.fulfill(status=404, body="")

    with serve(output) as address, browser() as chromium:
        for width in (390, 1280):
            context = chromium.new_context(viewport={"width": width, "height": 900})
            context.route("https://blog.example.fr/**", blog)
            context.route("https://example.org/**", lambda route: route.fulfill(status=200, body="ok"))
            page = context.new_page()
            page.goto(address + "liens/")
            items = page.locator("ol.bio > li")
            assert items.count() == 2 and items.first.is_visible()
            image = page.locator("img.bio__image")
            # A screen reader names each link by its label alone: its image's alt text came first, then the
            # label ("Une image publique de l'article Un article publié").
            assert page.get_by_role("link", name="Un article publié", exact=True).count() == 1
            assert page.get_by_role("link", name="La visite de l'atelier en vidéo", exact=True).count() == 1
            image.evaluate("img => img.decode()")
            assert image.evaluate("img => img.naturalWidth") > 0  # the image is published with the page
            assert page.evaluate("document.documentElement.scrollWidth") <= width  # no sideways scroll
            screenshot(page, f"blog-link-in-bio-{width}")
            # The article's link works: the tracked address opens the article.
            page.locator("a.bio__link", has_text="Un article publié").click()
            page.wait_for_url("https://blog.example.fr/2027/publie/?utm_source=instagram*")
            assert page.locator("h1").inner_text() == "Un article publié"
            context.close()


def test_a_path_where_a_page_is_is_told_at_the_setting(site: Path) -> None:
    """`path: a-propos` where the "À propos" page is: the error was told at the page (give it another
    `slug:`), while the path was just written, and the page's address may be linked to everywhere."""
    (site / "content" / "pages" / "contact.md").write_text("Title: Contact\nSlug: nous\n\nÉcrivez-nous.\n",
                                                           encoding="utf-8")
    with (site / "pelicanconf.py").open("a", encoding="utf-8") as conf:
        conf.write('PAGE_URL = "{slug}/"\nPAGE_SAVE_AS = "{slug}/index.html"\n')
    bio_site(site, "link_in_bio:\n  path: nous\n")
    line = (site / "calendar.yaml").read_text(encoding="utf-8").count("\n")
    result = run_edcal("build", cwd=site, env={"EDCAL_LANG": "en"})
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(f"calendar.yaml:{line}:9: error: the link-in-bio page is written at "
                                    "output/nous/index.html, where "), result.stderr
    assert "hint: set `link_in_bio: path:` to another folder" in result.stderr


@pytest.mark.parametrize("path", ["index.html", "robots.txt", "sitemap.xml", "feeds/all.atom.xml"])
def test_a_path_where_the_blog_writes_a_file_is_a_located_error(site: Path, path: str) -> None:
    """The page's folder where the blog writes a file: the folder could not be made, and the build
    stopped half-way with a traceback (FileExistsError), `edcal check` saying nothing."""
    for told in _refused_path(site, path):
        assert re.search(rf"error: found path '{re.escape(path)}', where the blog writes .* "
                         rf"\(output/{re.escape(path)}\), expected a folder of its own", told), told


@pytest.mark.parametrize(("path", "folder"), [("theme", "theme"), ("theme/images", "theme"), ("images", "images"),
                                              ("images/liens", "images")])
def test_a_path_among_the_static_files_is_a_located_error(site: Path, path: str, folder: str) -> None:
    """`path: theme/images`: the page was written among the theme's files (output/theme/, THEME_STATIC_DIR)
    or the site's images (STATIC_PATHS), where a static `index.html` is written over it, or it over one."""
    for told in _refused_path(site, path):
        assert re.search(rf"error: found path '{re.escape(path)}', where the blog writes the static folder "
                         rf"'{folder}' \(output/{folder}\), expected a folder of its own", told), told
        assert "hint: set `link_in_bio: path:` to another folder" in told


def _refused_path(site: Path, path: str) -> list[str]:
    """What `edcal check` and `edcal build` say of `link_in_bio: path:` refused, each at the setting's value
    (calendar.yaml's last line, column 9), exit 2, no traceback, nothing written."""
    bio_site(site, f"link_in_bio:\n  path: {path}\n")
    line = (site / "calendar.yaml").read_text(encoding="utf-8").count("\n")
    told = []
    for command in ("check", "build"):
        result = run_edcal(command, cwd=site)
        assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
        assert f"calendar.yaml:{line}:9: error: found path '{path}'" in result.stderr, result.stderr
        told.append(result.stderr)
    assert not (site / "output").exists() or not any((site / "output").iterdir())
    return told


#: Posts gone out whose link is an address of the site: what the build writes, and what it does not.
SITE_LINKS = {
    "tag-ecrit": "https://blog.example.fr/tag/test/",
    "categorie": "https://blog.example.fr/category/essais.html",
    "page": "https://blog.example.fr/pages/contact.html",
    "image": "https://blog.example.fr/images/public.png",
    "accueil": "https://blog.example.fr/",
    "ailleurs": "https://example.org/x/",
    # Dead: a page that does not exist, a tag no article has, a mistyped slug, a page under a path
    # Pelican does not produce, a file of the theme that is not there.
    "nulle-part": "https://blog.example.fr/CANARY-DEAD-nexiste-pas.html",
    "tag-absent": "https://blog.example.fr/tag/CANARY-DEAD-TAG/",
    "faute": "https://blog.example.fr/2027/CANARY-DEAD-publei/",
    "page-absente": "https://blog.example.fr/pages/CANARY-DEAD-page.html",
    "theme": "https://blog.example.fr/theme/css/CANARY-DEAD.css",
}


def test_a_link_of_the_site_the_build_does_not_write_is_left_out_and_the_build_says_so(site: Path) -> None:
    """The page listed any address of the site a post carried: a slug mistyped (`unknown-article-link` says
    nothing of a post gone out), a tag page no article makes, a page that does not exist; the profile's one
    link led to a dead page."""
    posts = "networks:\n  instagram: {}\nposts:\n" + "".join(
        f"  - {{id: {name}, networks: [instagram], at: 2027-02-10 {hour:02d}:00, text: '{name}', link: '{url}'}}\n"
        for hour, (name, url) in enumerate(SITE_LINKS.items()))
    bio_site(site, "link_in_bio:\n  path: liens\n  count: 8\n")
    (site / "calendar.d" / "bio.yaml").write_text(posts, encoding="utf-8")
    result = run_edcal("build", cwd=site)
    assert result.returncode == 0, result.stderr
    page = html.unescape((site / "output" / "liens" / "index.html").read_text(encoding="utf-8"))
    listed = [urllib.parse.urlsplit(link)._replace(query="").geturl()
              for link in re.findall(r'<a class="bio__link" href="([^"]+)"', page)]
    assert listed == [SITE_LINKS[name] for name in reversed(list(SITE_LINKS)[:6])]  # the newest first
    assert "CANARY-DEAD" not in page
    for name in list(SITE_LINKS)[6:]:
        assert f"  left out of it: post '{name}-instagram', whose link {SITE_LINKS[name]} opens no page the blog " \
               "writes" in result.stdout, result.stdout
    assert "link-in-bio page: 6 links -> output/liens/" in result.stdout


def test_a_site_link_is_judged_as_a_browser_and_a_case_sensitive_host_open_it() -> None:
    """A hostile-input hunt: `/A-PROPOS/` was listed (the page is `a-propos/`: a 404 on Linux hosts), a live
    `/%2e%2e/a-propos/` was left out, and `:443` or `user@` made the site's own address another site's."""
    from edcal.addresses import blog_path
    from edcal.model.plan import BlogFiles

    files = BlogFiles(frozenset({"a-propos/index.html", "index.html", "images/Été.png"}))
    site = "https://blog.example.fr"
    opened = {url: (path := blog_path(url, site)) is not None and files.opens(path) for url in (
        "https://blog.example.fr/a-propos/", "https://blog.example.fr/A-PROPOS/",
        "https://blog.example.fr/%2e%2e/a-propos/", "https://blog.example.fr/x/../a-propos/",
        "https://blog.example.fr:443/a-propos/", "https://blog.example.fr:443/nope.html",
        "https://user@blog.example.fr/nope.html", "https://BLOG.example.fr./a-propos/",
        "https://blog.example.fr/images/%C3%89t%C3%A9.png", "https://blog.example.fr")}
    assert opened == {
        "https://blog.example.fr/a-propos/": True, "https://blog.example.fr/A-PROPOS/": False,
        "https://blog.example.fr/%2e%2e/a-propos/": True, "https://blog.example.fr/x/../a-propos/": True,
        "https://blog.example.fr:443/a-propos/": True, "https://blog.example.fr:443/nope.html": False,
        "https://user@blog.example.fr/nope.html": False, "https://BLOG.example.fr./a-propos/": True,
        "https://blog.example.fr/images/%C3%89t%C3%A9.png": True, "https://blog.example.fr": True}
    # Elsewhere on the blog's host, what Pelican does not write is not its to judge: a shop, a form.
    assert files.opens("boutique/produit-1") and files.opens("contact/") and not files.opens("nope.html")
    assert not files.opens("images/nope.png") and not files.opens("a-propos/nope/")
    assert blog_path("https://example.org/a-propos/", site) is None
    assert blog_path("https://blog.example.fr:8443/a-propos/", site) is None  # another server
    # Port 443 is https's: http there is no web page (it was read as the site's, whatever the scheme).
    assert blog_path("http://blog.example.fr:443/a-propos/", site) is None
    assert blog_path("http://blog.example.fr:80/a-propos/", site) == "a-propos/"


def test_a_link_to_an_image_only_an_article_to_come_shows_is_left_out(site: Path) -> None:
    """A post gone out whose link is the address of an image that only an article to come shows: the build
    keeps the image out of output/ until that article is online, yet the page listed the link, dead, with
    the image's name telling the article's subject."""
    posts = ("networks:\n  instagram: {}\nposts:\n"
             "  - {id: image-futur, networks: [instagram], at: 2027-02-10 18:00, text: Un aperçu,\n"
             "     link: 'https://blog.example.fr/images/futur-secret.png'}\n"
             "  - {id: image-publique, networks: [instagram], at: 2027-02-10 12:00, text: Une image,\n"
             "     link: 'https://blog.example.fr/images/public.png'}\n")
    bio_site(site)
    (site / "calendar.d" / "bio.yaml").write_text(posts, encoding="utf-8")
    result = run_edcal("build", cwd=site)
    assert result.returncode == 0, result.stderr
    assert not (site / "output" / "images" / "futur-secret.png").exists()
    page = (site / "output" / "liens" / "index.html").read_text(encoding="utf-8")
    assert "futur-secret" not in page and "https://blog.example.fr/images/public.png" in page
    assert "  left out of it: post 'image-futur-instagram', whose link " \
           "https://blog.example.fr/images/futur-secret.png" in result.stdout, result.stdout
