"""Pelican settings of the sample site (development). publishconf.py adds production."""

AUTHOR = "Atelier Morel"
SITENAME = "Le blog de l'Atelier Morel"
SITESUBTITLE = "Métallerie et serrurerie à Villeurbanne depuis 1987"
# Drafts and the plan always link to the public site, even in development.
SITEURL = "https://www.atelier-morel.example"
RELATIVE_URLS = True

PATH = "content"
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images", "extra"]
# robots.txt is written from SITEURL. A file of content/extra/ that goes at the site's root (a CNAME):
# EXTRA_PATH_METADATA = {"extra/CNAME": {"path": "CNAME"}}

# Must match `timezone:` in calendar.yaml (edcal checks it).
TIMEZONE = "Europe/Paris"
DEFAULT_LANG = "fr"
DEFAULT_DATE_FORMAT = "%d/%m/%Y"

# Slugs come from file names: renaming a title never breaks a link or a post.
SLUGIFY_SOURCE = "basename"
ARTICLE_URL = "{date:%Y}/{slug}/"
ARTICLE_SAVE_AS = "{date:%Y}/{slug}/index.html"
ARTICLE_LANG_URL = "{lang}/{date:%Y}/{slug}/"
ARTICLE_LANG_SAVE_AS = "{lang}/{date:%Y}/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
CATEGORY_URL = "categorie/{slug}/"
CATEGORY_SAVE_AS = "categorie/{slug}/index.html"
# tag/{slug}/index.html avoids Pelican's tag-pagination file collision.
TAG_URL = "tag/{slug}/"
TAG_SAVE_AS = "tag/{slug}/index.html"
AUTHOR_URL = "auteur/{slug}/"
AUTHOR_SAVE_AS = "auteur/{slug}/index.html"
# An article without `category:` goes to DEFAULT_CATEGORY (Pelican would name it after its folder,
# "articles").
USE_FOLDER_AS_CATEGORY = False
DEFAULT_CATEGORY = "Divers"

THEME = "themes/edcal"
PLUGIN_PATHS = ["plugins"]
PLUGINS = ["edcal"]

# The theme (docs/theme.md). Interface words follow DEFAULT_LANG, or an article's `lang`.
PUBLISHER = "Atelier Morel"
# Shown by networks when an article has no `image:` of its own (1200 × 630 suits every network).
DEFAULT_IMAGE = "images/default.png"
DEFAULT_IMAGE_ALT = "Atelier Morel, le blog"
SHARE_LINKS = ["linkedin", "mastodon", "bluesky", "facebook", "x", "email"]
MASTODON_SHARE_PAGE = "https://toot.kytta.dev/"
SOCIAL = (
    ("LinkedIn", "https://www.linkedin.com/company/atelier-morel-example/"),
    ("Mastodon", "https://piaille.fr/@atelier_morel"),
    ("Bluesky", "https://bsky.app/profile/atelier-morel.bsky.social"),
    ("Instagram", "https://www.instagram.com/atelier.morel/"),
)
DISPLAY_CATEGORIES_ON_MENU = True
DISPLAY_PAGES_ON_MENU = False  # pages are listed in the footer
DIRECT_TEMPLATES = ["index", "tags", "categories", "authors", "archives", "404"]

DEFAULT_PAGINATION = 10
# Feeds and cards need absolute URLs: SITEURL is absolute even in development.
FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = "feeds/all.rss.xml"
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
SITEMAP_SAVE_AS = "sitemap.xml"
