"""The rules, one small function each (see edcal.checks.registry)."""

from __future__ import annotations

import re

#: An http(s) URL in a post's text, without the punctuation that ends its sentence.
URL_IN_TEXT = re.compile(r"https?://[^\s<>\"]+[^\s<>\".,;:!?)\]'…»]", re.IGNORECASE)
