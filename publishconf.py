"""Production settings: absolute URLs and feeds. Build with `edcal build -s publishconf.py`."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pelicanconf import *  # noqa: E402, F403

SITEURL = "https://www.atelier-morel.example"
# Every link absolute: the 404 page is served at any depth, feeds and cards are read elsewhere.
RELATIVE_URLS = False

# FEED_DOMAIN is SITEURL (Pelican sets it, without a final slash): feeds with absolute links.
FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = "feeds/all.rss.xml"
CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"
TAG_FEED_ATOM = "feeds/tag/{slug}.atom.xml"
# One feed per language, for readers of the translations.
TRANSLATION_FEED_ATOM = "feeds/all-{lang}.atom.xml"
