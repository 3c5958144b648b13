"""An American team's site (English, America/Chicago, US): dates month first, weeks from Sunday."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser import browser, serve
from conftest import run_edcal
from helpers import page_text


@pytest.mark.usefixtures("site_language")
def test_an_american_site_writes_dates_as_americans_do(tmp_path: Path) -> None:
    """A site made for Chicago wrote "14 February 2027" and started its calendar's weeks on Monday: British."""
    made = run_edcal("init", "acme", "--timezone", "America/Chicago", "--url", "https://blog.acme.com",
                     cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    site = tmp_path / "acme"
    assert "DEFAULT_LANG = 'en-US'\n" in (site / "pelicanconf.py").read_text(encoding="utf-8")
    built = run_edcal("build", cwd=site)  # now: Monday, February 15, 2027, 03:00 in Chicago
    assert built.returncode == 0, built.stderr

    # The blog: the welcome article of Sunday, February 14.
    article = (site / "output" / "2027" / "welcome" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en-us">' in article and '<meta property="og:locale" content="en_US">' in article
    assert ">February 14, 2027</time>" in article and "14 February" not in article

    # The planning site: its days written out month first; this week's agenda from Sunday the 14th.
    planning = site / "planning" / "index.html"
    assert '<html lang="en-us">' in planning.read_text(encoding="utf-8")
    text = page_text(planning)
    assert "Sunday, February 14, 2027 09:00 Blog Welcome to our blog" in text
    assert "Wednesday, February 17, 2027" in page_text(site / "planning" / "drafts" / "2027-02.html")

    # The terminal's agenda.
    agenda = run_edcal("agenda", cwd=site)
    assert agenda.returncode == 0, agenda.stderr
    assert "Wednesday, February 17, 2027\n" in agenda.stdout and "17 February" not in agenda.stdout

    # The month and week views: Sunday's column first.
    with serve(site / "planning") as address, browser() as chromium:
        page = chromium.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(address + "index.html?date=2027-02")
        assert page.eval_on_selector_all("table.month thead th", "els => els.map(e => e.textContent)") == \
            ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        first_row = page.eval_on_selector_all("table.month tbody tr:first-child td", "els => els.map(e => e.dataset.date)")
        assert first_row[0] == "2027-01-31" and first_row[-1] == "2027-02-06"
        page.goto(address + "index.html?view=week&date=2027-02-17")
        assert page.inner_text("#period") == "Week of February 14 – 20, 2027"
        days = page.eval_on_selector_all("#view-week h3", "els => els.map(e => e.textContent)")
        assert days[0] == "Sunday, February 14" and days[-1] == "Saturday, February 20"
        page.goto(address + "index.html?view=week&date=2027-01-01")
        assert page.inner_text("#period") == "Week of December 27, 2026 – January 2, 2027"
