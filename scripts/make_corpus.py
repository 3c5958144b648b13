#!/usr/bin/env python3
"""Write a synthetic edcal site, for benchmarks and scale tests.

    python scripts/make_corpus.py DIR --articles N --posts M [--networks K] [--seed S]

DIR receives a complete site: French articles in content/articles (tags,
categories, images), a calendar.yaml whose plan resolves to exactly M posts
(one-off posts, article promotions and recurring posts, with campaigns,
freezes, ideas), ``pelicanconf.py`` (with the edcal plugin) and
``plainconf.py`` (the same settings without it: only ``edcal.blog``, the
theme's helpers), so that
``pelican content -s plainconf.py`` and ``edcal build --site DIR`` can be
compared on the same work. Same arguments, same bytes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NETWORKS = ["linkedin", "mastodon", "bluesky", "x", "facebook", "threads", "instagram", "pinterest"]
IMAGE_NETWORKS = {"instagram", "pinterest"}
START = dt.date(2025, 1, 6)  # a Monday; the corpus is fixed in time, whatever "now" is
WORDS = (
    "atelier métal acier inox aluminium soudure garde-corps portail escalier verrière chantier "
    "client architecte projet mesure fabrication pose finition peinture galvanisation rouille "
    "entretien conseil équipe apprenti savoir-faire qualité délai devis plan dessin découpe "
    "pliage perçage assemblage contrôle sécurité norme durable recyclage énergie lumière "
    "maison immeuble entreprise commerce façade balcon terrasse jardin intérieur extérieur "
    "solide léger précis élégant robuste simple moderne ancien rénové neuf sur-mesure régional "
    "lyonnais réseau publication calendrier campagne objectif mesure visite abonné lecteur"
).split()
TAGS = ["acier", "inox", "aluminium", "soudure", "rénovation", "conseils", "chantier", "apprentissage",
        "réseaux sociaux", "recrutement", "entretien", "design", "sécurité", "environnement", "événement"]
CATEGORIES = ["Conseils", "L'atelier", "Chantiers", "Communication", "Recrutement"]

PELICANCONF = '''\
"""Synthetic edcal site ({articles} articles, {posts} posts), written by scripts/make_corpus.py."""

SITENAME = "Corpus"
SITEURL = "https://corpus.example"
RELATIVE_URLS = True
PATH = "content"
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
TIMEZONE = "Europe/Paris"
DEFAULT_LANG = "fr"
SLUGIFY_SOURCE = "basename"
ARTICLE_URL = "{{date:%Y}}/{{slug}}/"
ARTICLE_SAVE_AS = "{{date:%Y}}/{{slug}}/index.html"
TAG_URL = "tag/{{slug}}/"
TAG_SAVE_AS = "tag/{{slug}}/index.html"
CATEGORY_URL = "categorie/{{slug}}/"
CATEGORY_SAVE_AS = "categorie/{{slug}}/index.html"
AUTHOR_URL = "auteur/{{slug}}/"
AUTHOR_SAVE_AS = "auteur/{{slug}}/index.html"
DEFAULT_PAGINATION = 10
FEED_ALL_ATOM = "feeds/all.atom.xml"
THEME = {theme!r}
'''


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng, rng.randint(8, 18)) for _ in range(rng.randint(3, 6)))


def article_text(rng: random.Random, index: int, date: dt.datetime, status: str) -> tuple[str, str]:
    slug = f"article-{index:05d}"
    title = sentence(rng, rng.randint(4, 9)).rstrip(".")
    tags = ", ".join(rng.sample(TAGS, rng.randint(1, 4)))
    lines = [f"Title: {title}", f"Date: {date:%Y-%m-%d %H:%M}", f"Category: {rng.choice(CATEGORIES)}",
             f"Tags: {tags}", f"Authors: Auteur {rng.randint(1, 12)}"]
    if status != "published":
        lines.append(f"Status: {status}")
    if rng.random() < 0.5:
        lines += [f"Image: images/image-{index % 20:02d}.png", "Image_alt: Une réalisation de l'atelier"]
    body = []
    for section in range(rng.randint(2, 4)):
        body.append(f"## {sentence(rng, rng.randint(3, 6)).rstrip('.')} {section + 1}")
        body.extend(paragraph(rng) for _ in range(rng.randint(2, 4)))
    return slug, "\n".join(lines) + "\n\n" + "\n\n".join(body) + "\n"


def calendar_text(rng: random.Random, networks: list[str], slugs: list[tuple[str, dt.datetime]],
                  posts: int, end: dt.date) -> str:
    out = ["version: 1", "timezone: Europe/Paris", "country: FR", "slots: {midi: '12:15'}",
           "team:"]
    out += [f"  - {{id: p{n}, name: Personne {n}}}" for n in range(1, 9)]
    out.append("networks:")
    for network in networks:
        out.append(f"  {network}: {{slots: [tue 09:00, thu 12:30], cadence: 2/week, max_per_day: 3}}")
    out.append("blog: {cadence: 2/week}")
    out.append("campaigns:")
    campaign_ids = []
    day = START
    while day < end:
        cid = f"campagne-{day:%Y%m}"
        campaign_ids.append(cid)
        out.append(f"  - {{id: {cid}, name: Campagne {day:%m/%Y}, from: {day}, "
                   f"until: {day + dt.timedelta(days=20)}, hashtags: ['#Atelier{day:%Y}']}}")
        day += dt.timedelta(days=91)
    out.append("freeze:")
    out.append(f"  - {{from: {START + dt.timedelta(days=200)}, until: {START + dt.timedelta(days=202)}, "
               "reason: Crise simulée}")
    out.append("ideas:")
    for n in range(max(5, len(slugs) // 20)):
        due = START + dt.timedelta(days=rng.randint(0, (end - START).days))
        out.append(f"  - {{title: 'Idée {n}', owner: p{rng.randint(1, 8)}, draft_due: {due}}}")
    out.append("posts:")
    # About 10% recurring (weekly series of 10), 30% promotions, the rest one-off posts.
    remaining = posts
    series = (posts // 10) // 10
    for n in range(series):
        network = rng.choice([n for n in networks if n not in IMAGE_NETWORKS] or networks)
        first = START + dt.timedelta(days=rng.randint(0, max(1, (end - START).days - 80)))
        image = "\n    image: images/image-01.png\n    alt: Une image" if network in IMAGE_NETWORKS else ""
        out.append(f"  - id: serie-{n}\n    networks: [{network}]\n"
                   f"    repeat: {{every: week, from: {first}, count: 10}}\n"
                   f"    texts: ['{sentence(rng, 10)}', '{sentence(rng, 12)}']{image}")
        remaining -= 10
    promotions = min(remaining * 3 // 10, len(slugs) * len(networks))
    published = [s for s in slugs]
    for n in range(promotions):
        slug, _ = published[n % len(published)]
        network = networks[(n // len(published)) % len(networks)]
        out.append(f"  - {{id: promo-{n}, promote: {slug}, networks: [{network}], "
                   f"schedule: ['+{n % 5} days']}}")
    remaining -= promotions
    for n in range(remaining):
        network = networks[n % len(networks)]
        when = START + dt.timedelta(days=rng.randint(0, (end - START).days), )
        hour = rng.choice(["08:30", "09:00", "12:15", "17:45"])
        campaign = f", campaign: {rng.choice(campaign_ids)}" if rng.random() < 0.3 else ""
        image = ", image: images/image-02.png, alt: Une photo" if network in IMAGE_NETWORKS else ""
        promotional = ", promotional: true" if rng.random() < 0.15 else ""
        out.append(f"  - {{id: post-{n}, networks: [{network}], at: {when} {hour}, "
                   f"text: '{sentence(rng, rng.randint(8, 25))}'{campaign}{image}{promotional}}}")
    return "\n".join(out) + "\n"


def make_corpus(folder: Path, articles: int, posts: int, networks: int, seed: int) -> None:
    rng = random.Random(seed)
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "content" / "articles").mkdir(parents=True)
    (folder / "content" / "pages").mkdir(parents=True)
    images = folder / "content" / "images"
    images.mkdir(parents=True)
    for n in range(20):
        shutil.copyfile(ROOT / "content" / "images" / "default.png", images / f"image-{n:02d}.png")
    chosen = NETWORKS[:networks]
    slugs = []
    for index in range(articles):
        date = dt.datetime.combine(START + dt.timedelta(days=index * 2), dt.time(9, 0))
        status = "draft" if index % 50 == 7 else "published"
        slug, text = article_text(rng, index, date, status)
        (folder / "content" / "articles" / f"{slug}.md").write_text(text, encoding="utf-8")
        if status == "published":
            slugs.append((slug, date))
    (folder / "content" / "pages" / "a-propos.md").write_text("Title: À propos\n\nUn site de test.\n",
                                                              encoding="utf-8")
    end = START + dt.timedelta(days=max(articles * 2, 365))
    (folder / "calendar.yaml").write_text(calendar_text(rng, chosen, slugs, posts, end), encoding="utf-8")
    conf = PELICANCONF.format(articles=articles, posts=posts, theme=str(ROOT / "themes" / "edcal"))
    # The theme's Jinja helpers and sitemap come with edcal.blog: plain Pelican needs them too.
    (folder / "plainconf.py").write_text(conf + 'PLUGINS = ["edcal.blog"]\n', encoding="utf-8")
    (folder / "pelicanconf.py").write_text(conf + 'PLUGINS = ["edcal"]\n', encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--articles", type=int, required=True)
    parser.add_argument("--posts", type=int, required=True)
    parser.add_argument("--networks", type=int, default=5, choices=range(1, len(NETWORKS) + 1))
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.articles < 1 or args.posts < 0:
        parser.error("--articles must be at least 1 and --posts at least 0")
    make_corpus(args.folder, args.articles, args.posts, args.networks, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
