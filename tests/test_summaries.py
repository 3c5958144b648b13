"""Pelican's summaries, in a time that grows with the article (edcal.blog.summaries): Pelican's bytes."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pelican import contents, signals, utils

from conftest import EPOCH, NOW, ROOT, copy_sample
from edcal.blog.summaries import PELICAN_VERSIONS, _pinned, linear_truncator

LINEAR = linear_truncator()
assert LINEAR is not None, "the installed Pelican is one pyproject.toml accepts: its summaries are made linear"
PELICAN = LINEAR.__bases__[0]


def test_the_pelican_versions_made_linear_are_those_pyproject_accepts() -> None:
    """A Pelican outside them may sum up otherwise: its own functions are left in place."""
    pin = re.search(r'"pelican\[markdown\]>=(\d+)\.(\d+),<(\d+)"', (ROOT / "pyproject.toml").read_text("utf-8"))
    assert pin, "pelican's requirement in pyproject.toml"
    assert ((int(pin[1]), int(pin[2])), (int(pin[3]),)) == PELICAN_VERSIONS
    assert [_pinned(v) for v in ("4.11.2", "4.12.0", "4.13.1", "5.0.0", "4.13rc1", "")] == [
        False, True, True, False, False, False]


def truncated(truncator: type[Any], html: str, words: int, suffix: str) -> str:
    with mock.patch.object(utils, "_HTMLWordTruncator", truncator):
        return str(utils.truncate_html_words(html, words, suffix))


#: What an article's HTML is made of, for the truncator: words (with apostrophes, hyphens, ideograms),
#: references that are or are not letters, tags that open, close or stand alone, comments, new lines.
HTML_PIECES = st.sampled_from([
    "mot", "l'atelier", "bien-être", "2027", "漢字", "かな", "한", "é", " ", "  ", "\n", "\r\n", ".", ", ", "-", "'",
    "&mdash;", "&eacute;", "&amp;", "&nbsp", "&#8212;", "&#x41;", "&#65", "&#0;", "&#xFFFFFFFF;", "&inconnu;",
    "<p>", "</p>", "<em>", "</em>", "<br>", "<hr />", '<img src="a.png" alt="deux mots">', "<pre><code>",
    "</code></pre>", "<table>", "<tr><td>", "</td></tr>", "</table>", "<!-- note -->", "<div class=\"x\">",
    "</div>", "</span>", "<script>a<b</script>", "<![CDATA[x]]>", "<!DOCTYPE html>", "<",
])
#: Lines of them: where a word ends is found from the start of its line.
HTML = st.lists(st.lists(st.one_of(HTML_PIECES, st.text(max_size=3)), max_size=8).map("".join),
                max_size=12).map("\n".join)


@settings(max_examples=1500, deadline=None)
@given(html=HTML, words=st.integers(1, 12), suffix=st.sampled_from(["…", "", " [lire la suite]"]))
def test_the_linear_truncation_is_pelicans(html: str, words: int, suffix: str) -> None:
    assert truncated(LINEAR, html, words, suffix) == truncated(PELICAN, html, words, suffix)


def test_summing_up_grows_with_the_article_not_with_its_square() -> None:
    """Pelican's took 2 minutes on a table of 10,000 rows without words."""
    rows = "<table>\n<tbody>\n" + "<tr>\n<td>·</td>\n<td>·</td>\n</tr>\n" * 10_000 + "</tbody>\n</table>"
    started = time.process_time()
    assert truncated(LINEAR, rows, 50, "…") == rows
    assert time.process_time() - started < 2


@pytest.mark.parametrize("extra", [{}, {"SUMMARY_MAX_LENGTH": 7, "SUMMARY_END_SUFFIX": " [lire la suite]"},
                                   {"SUMMARY_MAX_PARAGRAPHS": 1}, {"SUMMARY_MAX_LENGTH": None}],
                         ids=["defaults", "seven words", "one paragraph", "no limit"])
def test_the_sample_sites_summaries_are_pelicans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 extra: dict[str, Any]) -> None:
    """Every article and page of the sample site, its `summary:` taken out, summed up as Pelican does."""
    from pelican import Pelican

    from edcal.site import pelican_settings

    site = copy_sample(tmp_path / "sample")
    for path in (site / "content").rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"(?im)^summary:.*\n", "", text), encoding="utf-8")
    for name, value in {"EDCAL_NOW": NOW, "SOURCE_DATE_EPOCH": EPOCH, "EDCAL_JOBS": "1"}.items():
        monkeypatch.setenv(name, value)
    monkeypatch.chdir(site)
    read: list[Any] = []

    def keep(generator: Any) -> None:
        read.extend(getattr(generator, "articles", None) or generator.pages)

    signals.article_generator_finalized.connect(keep)
    signals.page_generator_finalized.connect(keep)
    try:
        Pelican(pelican_settings(site, overrides=extra)).run()
    finally:
        signals.article_generator_finalized.disconnect(keep)
        signals.page_generator_finalized.disconnect(keep)
    assert utils._HTMLWordTruncator is LINEAR
    summed_up = [content for content in read if "summary" not in content.metadata]
    assert len(summed_up) >= 10
    pelicans = contents.Content.__dict__["get_summary"].func  # not memoized: computed again here
    with mock.patch.object(utils, "_HTMLWordTruncator", PELICAN):
        expected = {content.source_path: pelicans(content, content.get_siteurl()) for content in summed_up}
    assert {content.source_path: content.summary for content in summed_up} == expected
