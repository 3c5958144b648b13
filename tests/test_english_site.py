"""A British team's site (English, Europe/London, GB): what they read is English, in English typography."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import icalendar
import pytest

from browser import browser, serve
from conftest import run_edcal, write_pelicanconf
from helpers import page_text

CALENDAR = """\
version: 1
timezone: Europe/London
country: GB
subdivision: ENG
team:
  - {id: harriet, name: Harriet Cole}
networks:
  linkedin: {account: Brightwater Tea}
  x: {account: "@brightwatertea"}
blog:
  promote: {networks: [linkedin], schedule: [-1 day at 18:00, at publication]}
posts:
  - id: tasting
    networks: [linkedin, x]
    at: 2027-02-17 08:30
    owner: harriet
    text: Join us for a tasting evening on Thursday 25 February. Places are limited!
  - id: spring
    networks: [linkedin]
    at: 2027-03-04 12:30
    text: Our spring blends are in.
ideas:
  - {title: Afternoon tea etiquette, owner: harriet, draft_due: 2027-01-15, review_due: 2027-01-22}
"""

ARTICLE = """\
---
title: "The tea caddy: a short history"
date: 2027-03-09 09:00
summary: Why the British kept their tea under lock and key.
---
Tea was once so costly that it was kept locked in a caddy.
"""


@pytest.fixture
def british(empty_site: Callable[..., Path], site_language: None) -> Path:
    """The site built as its team builds it: no EDCAL_LANG, the site's own language."""
    site = empty_site(CALENDAR, {"caddy.md": ARTICLE})
    write_pelicanconf(site, 'DEFAULT_LANG = "en"\nTIMEZONE = "Europe/London"\n')
    result = run_edcal("build", cwd=site)
    assert result.returncode == 0, result.stderr
    return site


def test_self_promotion_shares_are_written_as_english_writes_them(british: Path) -> None:
    """The networks' table read "0 % (0 of 1 posts)": a French space before '%', and a plural for one."""
    index = british / "planning" / "index.html"
    raw = index.read_text(encoding="utf-8")
    shares = re.findall(r'<td data-label="Self-promotion in [^"]+"[^>]*>([^<]*)</td>', raw)
    assert shares, raw
    assert all("&nbsp;%" not in share and "\u00a0%" not in share for share in shares), shares
    text = page_text(index)
    assert "0% (0 of 1 post)" in text  # February: the tasting evening, on each network
    assert "0% (0 of 3 posts)" in text  # LinkedIn in March: the spring blends, the caddy's teaser and post
    assert "0 %" not in text and "of 1 posts" not in text


def test_a_teaser_opens_in_idiomatic_english(british: Path) -> None:
    """"Soon on the blog:" was a word-for-word "Bientôt sur le blog :"."""
    teaser = next((british / "planning" / "drafts" / "linkedin").glob("2027-03-08T1800-*.txt"))
    assert teaser.read_text(encoding="utf-8").startswith("Coming soon to the blog: The tea caddy: a short history")


def test_a_feeds_lengths_group_thousands_as_the_drafts_page_does(british: Path) -> None:
    """An event's description read "Length: 73 / 3000" where the drafts page says "73 / 3,000"."""
    feed = icalendar.Calendar.from_ical((british / "planning" / "calendars" / "linkedin.ics").read_bytes())
    descriptions = [str(event["DESCRIPTION"]) for event in feed.walk("VEVENT")]
    lengths = re.findall(r"^Length: ([\d,]+) / ([\d,]+)$", "\n".join(descriptions), re.MULTILINE)
    assert lengths and {limit for _, limit in lengths} == {"3,000"}, descriptions
    drafts = page_text(british / "planning" / "drafts" / "2027-03.html")
    assert "/ 3,000" in drafts


def test_a_draft_deadline_has_one_name_in_the_backlog_and_the_feed(british: Path) -> None:
    """An idea's draft_due read "Writing due Friday 15 January 2027" in the backlog and "Draft due: …" in the
    feed: one deadline, two names."""
    text = page_text(british / "planning" / "index.html")
    assert "Draft due Friday 15 January 2027" in text and "Review due Friday 22 January 2027" in text, text
    assert "Writing due" not in text
    feed = icalendar.Calendar.from_ical((british / "planning" / "calendar.ics").read_bytes())
    summaries = {str(event["SUMMARY"]) for event in feed.walk("VEVENT")}
    assert {"[Blog] Draft due: Afternoon tea etiquette (idea)",
            "[Blog] Review due: Afternoon tea etiquette (idea)"} <= summaries, summaries


@pytest.mark.usefixtures("site_language")
def test_a_british_site_from_init_tells_browsers_and_networks_it_is_british(tmp_path: Path) -> None:
    """A site made for Europe/London said `lang="en"` and `og:locale` `en_US`: American English."""
    made = run_edcal("init", "tea", "--timezone", "Europe/London", "--url", "https://blog.brightwater.co.uk",
                     cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    site = tmp_path / "tea"
    assert "DEFAULT_LANG = 'en-GB'" in (site / "pelicanconf.py").read_text(encoding="utf-8")
    built = run_edcal("build", "-s", "publishconf.py", cwd=site)
    assert built.returncode == 0, built.stderr
    welcome = (site / "output" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en-gb">' in welcome and '<meta property="og:locale" content="en_GB">' in welcome
    assert "Welcome to our blog" in welcome and (site / "output" / "feeds" / "all-en-gb.atom.xml").is_file()
    planning = (site / "planning" / "index.html").read_text(encoding="utf-8")
    assert "Drafts to review" in planning and '<html lang="en-gb">' in planning  # the team's pages too
    # A second article on the welcome's slug: the hint offers French as its translation, not British's "en".
    (site / "content" / "articles" / "welcome-again.md").write_text(
        "---\ntitle: Welcome again\nslug: welcome\ndate: 2026-12-01 09:00\n---\nHello.\n", encoding="utf-8")
    clash = run_edcal("check", cwd=site)
    assert clash.returncode == 2 and "(`lang: fr`)" in clash.stderr, clash.stderr
    # A Canadian site keeps `en` (an American one: tests/test_american_site.py).
    canadian = run_edcal("init", "roast", "--timezone", "America/Toronto", cwd=tmp_path)
    assert canadian.returncode == 0 and "DEFAULT_LANG = 'en'\n" in (tmp_path / "roast" / "pelicanconf.py").read_text()


def test_a_british_teams_slips_get_hints_in_plain_english(empty_site: Callable[..., Path], site_language: None) -> None:
    """"times are written on 24 hours" was French ("sur 24 heures"); a hashtag hint gave "#Noël" and "#Bûche"."""
    site = empty_site(CALENDAR.replace("at: 2027-02-17 08:30", "at: 2027-02-17 8:30 AM"))
    write_pelicanconf(site, 'DEFAULT_LANG = "en"\nTIMEZONE = "Europe/London"\n')
    clock = run_edcal("check", cwd=site)
    assert clock.returncode == 2
    assert "    hint: times are written on the 24-hour clock: 2027-02-17 08:30\n" in clock.stderr, clock.stderr
    (site / "calendar.yaml").write_text(CALENDAR.replace(
        "posts:", "campaigns:\n  - {id: tasting, name: Tasting, from: 2027-02-01, until: 2027-02-28,\n"
        "     hashtags: [#TeaTasting]}\nposts:"), encoding="utf-8")
    hashtags = run_edcal("check", cwd=site)
    assert hashtags.returncode == 2
    assert 'hint: a hashtag in a list must be quoted, e.g. hashtags: ["#Christmas", "#Baking"]' in hashtags.stderr, \
        hashtags.stderr


def test_a_british_teams_examples_are_english(empty_site: Callable[..., Path], site_language: None,
                                              tmp_path: Path) -> None:
    """English hints gave French examples: 'Obtenir 40 rendez-vous sur le stand', edcal new "Mon article"."""
    site = empty_site(CALENDAR.replace("linkedin: {account: Brightwater Tea}",
                                       "linkedin: {account: Brightwater Tea, objective: {target: 40}}"))
    write_pelicanconf(site, 'DEFAULT_LANG = "en"\nTIMEZONE = "Europe/London"\n')
    objective = run_edcal("check", cwd=site)
    assert objective.returncode == 2
    assert "hint: add text: (the objective in words, e.g. 'Book 40 meetings at the stand')" in objective.stderr
    (site / "calendar.yaml").write_text(CALENDAR, encoding="utf-8")
    untitled = run_edcal("new", " ", cwd=site)
    assert untitled.returncode == 2 and 'hint: e.g. edcal new "My article"' in untitled.stderr, untitled.stderr
    (tmp_path / "plan.csv").write_text("date,network,text\nnext Tuesday,linkedin,Hello\n", encoding="utf-8")
    dated = run_edcal("import", str(tmp_path / "plan.csv"), cwd=site)
    assert dated.returncode == 2 and "YYYY-MM-DD HH:MM or 15 February 2027" in dated.stderr, dated.stderr
    assert "février" not in objective.stderr + untitled.stderr + dated.stderr


def test_an_article_may_say_the_sites_language_as_pelicanconf_writes_it(empty_site: Callable[..., Path],
                                                                         site_language: None) -> None:
    """`edcal init` writes DEFAULT_LANG = 'en-GB'; an article saying `lang: en-GB` was refused as "the site's
    own language written otherwise (DEFAULT_LANG is 'en-gb')", which pelicanconf.py did not say (Pelican
    reads DEFAULT_LANG in lower case, not an article's lang)."""
    site = empty_site(CALENDAR, {"caddy.md": ARTICLE.replace("summary:", "lang: en-GB\nsummary:")})
    write_pelicanconf(site, "DEFAULT_LANG = 'en-GB'\nTIMEZONE = \"Europe/London\"\n")
    result = run_edcal("build", cwd=site, env={"EDCAL_NOW": "2027-03-10T10:00"})
    assert result.returncode == 0, result.stderr
    page = (site / "output" / "2027" / "caddy" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en-gb">' in page
    assert "The tea caddy" in (site / "output" / "index.html").read_text(encoding="utf-8")  # not a translation
    # Another code for the same language is still refused: it would go online apart.
    (site / "content" / "articles" / "caddy.md").write_text(ARTICLE.replace("summary:", "lang: en\nsummary:"),
                                                             encoding="utf-8")
    refused = run_edcal("check", cwd=site)
    assert refused.returncode == 2 and "found lang 'en', the site's own language written otherwise" in refused.stderr


@pytest.mark.parametrize(("lang", "year", "day"), [
    ("en", "The articles of Brightwater in 2027.", "The articles of Brightwater on 9 February 2027."),
    ("fr", "Les articles de Brightwater en 2027.", "Les articles de Brightwater du 9 février 2027."),
])
def test_a_days_archive_is_described_as_a_day(empty_site: Callable[..., Path], lang: str, year: str,
                                              day: str) -> None:
    """A day's archive page told search engines "The articles of Brightwater in 9 February 2027."
    ("en 9 février 2027" in French): a day is "on" ("du"), a year or a month "in" ("en")."""
    site = empty_site(CALENDAR, {"caddy.md": ARTICLE.replace("2027-03-09", "2027-02-09")})
    write_pelicanconf(site, f'SITENAME = "Brightwater"\nDEFAULT_LANG = "{lang}"\nTIMEZONE = "Europe/London"\n'
                      'YEAR_ARCHIVE_SAVE_AS = "{date:%Y}/index.html"\n'
                      'DAY_ARCHIVE_SAVE_AS = "{date:%Y}/{date:%m}/{date:%d}/index.html"\n')
    result = run_edcal("build", cwd=site)
    assert result.returncode == 0, result.stderr
    described = re.compile(r'<meta name="description" content="([^"]*)">')
    pages = site / "output" / "2027"
    assert described.findall((pages / "index.html").read_text(encoding="utf-8")) == [year]
    assert described.findall((pages / "02" / "09" / "index.html").read_text(encoding="utf-8")) == [day]


def test_a_british_teams_hints_give_english_examples(empty_site: Callable[..., Path], site_language: None,
                                                     tmp_path: Path) -> None:
    """English hints gave the French sample's examples, words a British team cannot read as examples: a slot
    'such as midi' (a music file to them), 'e.g. [Astuce 1, Astuce 2]', 'path: nos-liens',
    'videos/visite-atelier.mp4', 'edcal init mon-site', 'voeux-2027-linkedin', '## À compléter'."""
    site = empty_site(CALENDAR.replace("    text: Our spring blends are in.", "    texts: []")
                      + "posted:\n  - {at: 2027-02-17 08:40}\n")
    write_pelicanconf(site, 'DEFAULT_LANG = "en"\nTIMEZONE = "Europe/London"\n')
    errors = run_edcal("check", cwd=site).stderr
    (site / "calendar.yaml").write_text(
        CALENDAR.replace("team:", 'slots: {"after work": "17:30", end: "18:00"}\nteam:')
        .replace("ideas:", "link_in_bio: {path: our links}\nideas:")
        .replace("    text: Our spring blends are in.",
                 "    text: Our spring blends are in.\n    video: {file: ../tour.mp4, subtitles: ../tour.txt}"),
        encoding="utf-8")
    errors += run_edcal("check", cwd=site).stderr
    for line in ("error: found slot name 'after work', expected a word such as 'lunch'",
                 "hint: choose another name, e.g. 'evening'",
                 "hint: e.g. path: our-links (a space, '?' or '#' would break the address)",
                 "error: found an empty list, expected at least one text, e.g. [Tip 1, Tip 2]",
                 "hint: e.g. videos/workshop-tour.mp4",
                 "hint: e.g. subtitles: videos/workshop-tour.en.vtt",
                 "e.g. 'new-year-2027-linkedin'"):
        assert line in errors, errors
    (tmp_path / "taken").write_text("a file", encoding="utf-8")
    init = run_edcal("init", "taken/blog", "--timezone", "Europe/London", cwd=tmp_path)
    assert init.returncode == 2 and "hint: choose a folder you may write in, e.g. edcal init my-site" in init.stderr, \
        init.stderr
    rules = run_edcal("check", "--list", cwd=site, env={"EDCAL_LANG": "en"}).stdout
    assert "nothing but headings (`## To be written`)" in rules, rules
    french = run_edcal("check", cwd=site, env={"EDCAL_LANG": "fr"}).stderr
    assert "nos-liens" in french and "'midi'" in french, french
    assert not re.search(r"midi|Astuce|nos-liens|visite-atelier|mon-site|voeux|compléter", errors + init.stderr + rules)


def test_an_english_site_changes_the_themes_words_in_overrides_en_yaml(empty_site: Callable[..., Path],
                                                                       site_language: None) -> None:
    """docs/theme.md said only how to change the French words (`overrides/translations/fr.yaml`); an English
    site's are changed in `en.yaml`, the theme's English text as keys, as `edcal init`'s overrides/README.md
    says (its example: `On this site: Site map`), for `DEFAULT_LANG = 'en-GB'` too."""
    guide = " ".join((Path(__file__).resolve().parents[1] / "docs" / "theme.md").read_text(encoding="utf-8").split())
    assert "an English site's in `overrides/translations/en.yaml` (`On this site: Site map`)" in guide
    site = empty_site(CALENDAR, {"caddy.md": ARTICLE})
    (site / "overrides" / "translations").mkdir(parents=True)
    (site / "overrides" / "translations" / "en.yaml").write_text("On this site: Site map\n", encoding="utf-8")
    write_pelicanconf(site, "DEFAULT_LANG = 'en-GB'\nTIMEZONE = \"Europe/London\"\n"
                            "THEME_TEMPLATES_OVERRIDES = ['overrides']\n")
    result = run_edcal("build", cwd=site, env={"EDCAL_NOW": "2027-03-10T10:00"})
    assert result.returncode == 0, result.stderr
    page = page_text(site / "output" / "2027" / "caddy" / "index.html")
    assert "Site map" in page and "On this site" not in page


def test_a_british_site_without_a_subdivision_is_told_its_bank_holidays_are_not_known(
        empty_site: Callable[..., Path], site_language: None) -> None:
    """`country: GB` alone (calendar.yaml written by hand, from the docs' `country: FR`) knows the United
    Kingdom's common holidays only: a post on Easter Monday or the August bank holiday went unremarked in
    England, Wales and Northern Ireland. `edcal init` writes `subdivision: ENG`; a site without one is told."""
    site = empty_site(CALENDAR.replace("subdivision: ENG\n", "").replace("at: 2027-03-04 12:30",
                                                                           "at: 2027-03-29 12:30"))
    write_pelicanconf(site, 'DEFAULT_LANG = "en"\nTIMEZONE = "Europe/London"\n')
    told = run_edcal("check", cwd=site, env={"EDCAL_NOW": "2027-01-10T10:00"}).stdout
    assert ("calendar.yaml:3:10: warning: country: GB without `subdivision:`: the bank holidays of the "
            "United Kingdom's nations (Easter Monday, the August bank holiday in England) are not known, "
            "and no post is told it falls on one [public-holiday]\n"
            "    hint: add `subdivision: ENG` (England; NIR, SCT, WLS: Northern Ireland, Scotland, Wales)\n") in told, told
    assert run_edcal("check", cwd=site, env={"EDCAL_NOW": "2027-01-10T10:00"}).returncode == 0  # a warning
    (site / "calendar.yaml").write_text(CALENDAR.replace("at: 2027-03-04 12:30", "at: 2027-03-29 12:30"),
                                        encoding="utf-8")
    england = run_edcal("check", cwd=site, env={"EDCAL_NOW": "2027-01-10T10:00"}).stdout
    assert "without `subdivision:`" not in england and "a public holiday (Easter Monday)" in england, england


def test_what_a_screen_reader_says_of_cadences_lengths_and_periods_is_english(
        empty_site: Callable[..., Path], site_language: None) -> None:
    """A cadence read "2 a week" (not "2 slash week"), a length over its limit says by how much, the first
    comment's length is a length, and "‹" "›" name the month or week they open: in English too."""
    calendar = CALENDAR.replace("  linkedin: {account: Brightwater Tea}",
                                "  linkedin: {account: Brightwater Tea, cadence: 2/week, limit: 50, comment_limit: 20}")
    calendar = calendar.replace("    text: Our spring blends are in.",
                                "    text: Our spring blends are in.\n    first_comment: Order them on our website today.")
    site = empty_site(calendar, {"caddy.md": ARTICLE})
    write_pelicanconf(site, 'DEFAULT_LANG = "en"\nTIMEZONE = "Europe/London"\n')
    result = run_edcal("build", "--no-check", cwd=site, env={"EDCAL_NOW": "2027-02-10T10:00"})
    assert result.returncode == 0, result.stderr[-2000:]
    report = (site / "planning" / "report.html").read_text(encoding="utf-8")
    assert '<span aria-hidden="true">2/week</span><span class="visually-hidden">2 a week</span>' in report
    drafts = page_text(site / "planning" / "drafts" / "2027-02.html")
    assert "Length: 74 / 50, 24 over the limit — " in drafts, drafts
    drafts = page_text(site / "planning" / "drafts" / "2027-03.html")
    assert "Length of the first comment: 32 / 20, 12 over the limit" in drafts, drafts
    with serve(site / "planning") as planning, browser() as chromium:
        page = chromium.new_page()
        page.goto(planning + "index.html?view=month")
        named = "() => ['prev', 'next'].map(id => document.getElementById(id).getAttribute('aria-label'))"
        assert page.evaluate(named) == ["Previous month: January 2027", "Next month: March 2027"]
        page.click('button[data-view="week"]')
        assert page.evaluate(named) == ["Previous week: week of 1 – 7 February 2027",
                                        "Next week: week of 15 – 21 February 2027"]
