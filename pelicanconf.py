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
EXTRA_PATH_METADATA = {"extra/robots.txt": {"path": "robots.txt"}}

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

THEME = "themes/edcal"
PLUGIN_PATHS = ["plugins"]
PLUGINS = ["edcal"]

DEFAULT_PAGINATION = 10
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
