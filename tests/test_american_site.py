"""An American team's site (English, America/Chicago, US): dates month first, weeks from Sunday."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from browser import browser, serve
from conftest import run_edcal, write_pelicanconf
from edcal.zones import machine_zone
from helpers import page_text


@pytest.mark.usefixtures("site_language")
def test_init_takes_the_machines_time_zone(tmp_path: Path) -> None:
    """A New York agency's `edcal init client-blog` made a French site on Paris time, and said so in French:
    the default zone was Paris, whatever the computer's clock."""
    made = run_edcal("init", "client-blog", "--url", "https://blog.acme.com", cwd=tmp_path,
                     env={"TZ": "America/New_York"})
    assert made.returncode == 0, made.stderr
    assert made.stdout.startswith("Site created in client-blog, in English (--lang fr for French), in the time "
                                  "zone America/New_York (the computer's; --timezone for another), with the public holidays of US "
                                  "(--country for another)."), made.stdout
    site = tmp_path / "client-blog"
    assert "timezone: America/New_York\ncountry: US\n" in (site / "calendar.yaml").read_text(encoding="utf-8")
    assert "DEFAULT_LANG = 'en-US'\n" in (site / "pelicanconf.py").read_text(encoding="utf-8")
    # TZ written as glibc takes it (":America/New_York"); macOS and Debian name it by /etc/localtime's link.
    made = run_edcal("init", "colon", cwd=tmp_path, env={"TZ": ":America/Los_Angeles"})
    assert "timezone: America/Los_Angeles\n" in (tmp_path / "colon" / "calendar.yaml").read_text(encoding="utf-8")
    # A server's UTC (a CI runner, a container) is no place: the site stays on Paris time, in French, said so
    # in English (nothing shows its team reads French) with the way to change it.
    made = run_edcal("init", "server", cwd=tmp_path, env={"TZ": "Etc/UTC", "LANG": "C.UTF-8"})
    assert made.returncode == 0, made.stderr
    assert "timezone: Europe/Paris\n" in (tmp_path / "server" / "calendar.yaml").read_text(encoding="utf-8")
    assert ("in the time zone Europe/Paris (edcal's default: this computer's clock names no place; --country GB "
            "or --timezone Europe/London for another)") in made.stdout, made.stdout


def test_the_machines_zone_is_read_from_etc_localtime_without_tz(tmp_path: Path) -> None:
    """Without TZ, Debian and macOS name the computer's zone by the link /etc/localtime."""
    zone = tmp_path / "usr" / "share" / "zoneinfo" / "America" / "Chicago"
    zone.parent.mkdir(parents=True)
    zone.write_bytes(b"TZif")
    link = tmp_path / "localtime"
    link.symlink_to(zone)
    assert machine_zone({}, link) == "America/Chicago"
    assert machine_zone({"TZ": "US/Eastern"}, link) == "America/New_York"  # TZ first, as its zone's name
    assert machine_zone({"TZ": "EST5EDT"}, link) is None  # a rule, no place: the default zone
    assert machine_zone({}, tmp_path / "none") is None
    # CET, a rule of central Europe, is a link to Europe/Brussels in the database: a German server's TZ=CET
    # made a Belgian site, and `--timezone CET` one with Belgium's holidays, without a word of Belgium.
    from edcal.zones import zone_country

    assert machine_zone({"TZ": "CET"}, link) is None
    assert [zone_country(zone) for zone in ("CET", "MET", "EET", "WET", "Europe/Brussels")] == [None] * 4 + ["BE"]


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
    assert "Sunday, February 14, 2027 9:00 AM Blog Welcome to our blog" in text
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
        assert page.eval_on_selector_all("table.month thead th", "els => els.map(e => e.ariaLabel)") == \
            ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
        first_row = page.eval_on_selector_all("table.month tbody tr:first-child td", "els => els.map(e => e.dataset.date)")
        assert first_row[0] == "2027-01-31" and first_row[-1] == "2027-02-06"
        page.goto(address + "index.html?view=week&date=2027-02-17")
        assert page.inner_text("#period") == "Week of February 14 – 20, 2027"
        days = page.eval_on_selector_all("#view-week h3", "els => els.map(e => e.textContent)")
        assert days[0] == "Sunday, February 14" and days[-1] == "Saturday, February 20"
        page.goto(address + "index.html?view=week&date=2027-01-01")
        assert page.inner_text("#period") == "Week of December 27, 2026 – January 2, 2027"


CALENDAR = """\
version: 1
timezone: America/Chicago
country: US
team:
  - {id: dana, name: Dana Brooks}
networks:
  linkedin: {account: Acme Tools, slots: [wed 09:30]}
key_dates:
  - {id: expo, name: Chicago Hardware Expo, on: 2027-03-10}
posts:
  - id: launch
    networks: [linkedin]
    at: 2027-02-10 09:30
    text: Our new saw is out.
  - id: hiring
    networks: [linkedin]
    at: 2027-02-17 09:30
    owner: dana
    text: We are hiring a welder.
  - id: demo
    networks: [linkedin]
    at: 2027-02-18 16:00
    text: Live demo of our new saw this afternoon.
  - id: lunch
    networks: [linkedin]
    at: 2027-02-24 12:00
    text: Lunch and learn at the shop.
posted:
  - {item: launch-linkedin, at: 2027-02-10 16:05}
"""


@pytest.fixture
def chicago(empty_site: Callable[..., Path], site_language: None) -> Path:
    """An American team's site, built as its team builds it (no EDCAL_LANG): now is 03:00 in Chicago."""
    site = empty_site(CALENDAR)
    write_pelicanconf(site, 'DEFAULT_LANG = "en-US"\nTIMEZONE = "America/Chicago"\n')
    result = run_edcal("build", cwd=site)
    assert result.returncode == 0, result.stderr
    return site


def test_the_agenda_writes_times_on_the_12_hour_clock(chicago: Path) -> None:
    """An American manager read "16:00" in `edcal agenda`: a time on a clock the US does not read."""
    agenda = run_edcal("agenda", cwd=chicago)
    assert agenda.returncode == 0, agenda.stderr
    lines = agenda.stdout.splitlines()
    assert any(line.split("●")[0].strip() == "9:30 AM" and "We are hiring a welder." in line for line in lines)
    assert any(line.split("●")[0].strip() == "4:00 PM" and "Live demo" in line for line in lines)
    assert any(line.split("●")[0].strip() == "12:00 PM" and "Lunch and learn" in line for line in lines)
    assert "09:30" not in agenda.stdout and "16:00" not in agenda.stdout, agenda.stdout


def test_the_planning_pages_and_feeds_write_times_on_the_12_hour_clock(chicago: Path) -> None:
    """The planning pages and the feeds' descriptions said "09:30" and "16:05" to an American team."""
    text = page_text(chicago / "planning" / "index.html")
    assert "Wednesday, February 17, 2027 9:30 AM LinkedIn" in text, text
    assert "Thursday, February 18, 2027 4:00 PM LinkedIn" in text
    assert "as of Monday, February 15, 2027, 3:00 AM" in text or "February 15, 2027, 3:00 AM" in text
    drafts = page_text(chicago / "planning" / "drafts" / "2027-02.html")
    assert "4:00 PM" in drafts and "16:00" not in drafts
    assert "Text to post on LinkedIn, Thursday, February 18, 2027, 4:00 PM" in drafts, drafts
    # The month view's data, which planning.js shows in the month and week views.
    raw = (chicago / "planning" / "index.html").read_text(encoding="utf-8")
    assert '"time": "9:30 AM"' in raw or '"time":"9:30 AM"' in raw
    # The feed: the log's time in the event's words; the event's instant stays iCalendar's.
    feed = icalendar.Calendar.from_ical((chicago / "planning" / "calendars" / "linkedin.ics").read_bytes())
    launch = next(e for e in feed.walk("VEVENT") if "Our new saw" in str(e["DESCRIPTION"]) + str(e["SUMMARY"]))
    assert "Gone out, as the log says: Wednesday, February 10, 2027, 4:05 PM" in str(launch["DESCRIPTION"])
    assert launch.decoded("DTSTART").astimezone(ZoneInfo("America/Chicago")).hour == 9


def test_a_tiles_time_keeps_its_am_or_pm_on_its_line(chicago: Path) -> None:
    """The month view's narrow days showed "4:00" on one line and "PM" at the start of the next: the time
    and the network's name ("PM[LinkedIn]") made one word, which broke at the time's space."""
    with serve(chicago / "planning") as address, browser() as chromium:
        page = chromium.new_page(viewport={"width": 1000, "height": 900})
        for view in ("index.html?date=2027-02", "index.html?view=week&date=2027-02-17"):
            page.goto(address + view)
            lines = page.eval_on_selector_all(
                ".calendar .item .time", "els => els.filter(e => e.offsetParent).map(e => [e.textContent, "
                "Math.round(e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight))])")
            assert ["4:00 PM", 1] in lines and all(count == 1 for _, count in lines), (view, lines)
            # A screen reader hears the tile's day and time as the drafts' buttons write them.
            assert page.eval_on_selector('.calendar a[data-agenda="demo-linkedin"]', "a => document.getElementById("
                                         "a.getAttribute('aria-describedby')).textContent") == \
                "Thursday, February 18, 2027, 4:00 PM", view
        # February's grid starts on Sunday, January 31st: its month is said, where the screen greys it.
        page.goto(address + "index.html?date=2027-02")
        assert page.inner_text('.calendar td[data-date="2027-01-31"] .num').split() == ["January", "31"]


def test_findings_quote_times_on_the_12_hour_clock_and_hints_give_the_24_hour_value(
        chicago: Path) -> None:
    """A finding said "at 16:00"; "expo -1 day at 6 PM" got examples instead of the value to write."""
    check = run_edcal("check", cwd=chicago)
    assert "LinkedIn post 'demo-linkedin' is on Thu 2027-02-18 at 4:00 PM, outside LinkedIn's slots (Wed 09:30)" \
        in check.stdout, check.stdout  # the slot as calendar.yaml writes it
    calendar = chicago / "calendar.yaml"
    calendar.write_text(CALENDAR.replace("at: 2027-02-24 12:00", "at: expo -1 day at 6 PM"), encoding="utf-8")
    refused = run_edcal("check", cwd=chicago)
    assert refused.returncode == 2
    assert "    hint: times are written on the 24-hour clock: expo -1 day at 18:00\n" in refused.stderr, \
        refused.stderr
    calendar.write_text(CALENDAR.replace("    at: 2027-02-24 12:00\n",
                                         "    repeat: {every: week, on: wed, at: 4:30 PM, from: 2027-02-24, count: 2}\n"),
                        encoding="utf-8")
    refused = run_edcal("check", cwd=chicago)
    assert refused.returncode == 2
    assert "    hint: times are written on the 24-hour clock: 16:30\n" in refused.stderr, refused.stderr


def test_diff_writes_times_on_the_12_hour_clock(chicago: Path) -> None:
    """`edcal diff` told an American team the demo moved to "17:15"."""
    def git(*args: str) -> None:
        subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
                       cwd=chicago, capture_output=True, check=True)

    for folder in ("articles", "pages"):  # git keeps no empty folder
        (chicago / "content" / folder / ".gitkeep").touch()
    git("init", "-q")
    git("add", "calendar.yaml", "content", "pelicanconf.py")
    git("commit", "-q", "-m", "The plan")
    calendar = chicago / "calendar.yaml"
    calendar.write_text(CALENDAR.replace("at: 2027-02-18 16:00", "at: 2027-02-18 17:15"), encoding="utf-8")
    diff = run_edcal("diff", "HEAD", cwd=chicago)
    assert diff.returncode == 0, diff.stderr
    # A comma after the year, as American English writes a day and its time (not "…, 2027 4:00 PM").
    assert "Date: Thursday, February 18, 2027, 4:00 PM → Thursday, February 18, 2027, 5:15 PM" in diff.stdout, \
        diff.stdout
    assert "Items from Monday, February 15, 2027, 3:00 AM on" in diff.stdout and "17:15" not in diff.stdout


def test_a_weekly_cadence_counts_weeks_from_sunday_as_the_calendar_shows_them(
        empty_site: Callable[..., Path], site_language: None) -> None:
    """"2 a week" was counted Monday to Sunday while the calendar's rows run Sunday to Saturday: a post on
    Sunday the 21st counted for the row above it, and the row of the 21st was said to miss one."""
    calendar = CALENDAR.replace("slots: [wed 09:30]", "slots: [wed 09:30], cadence: 2 a week").replace(
        "posted:", "  - {id: sunday, networks: [linkedin], at: 2027-02-21 09:30, text: Open shop today.}\nposted:")
    site = empty_site(calendar)
    write_pelicanconf(site, 'DEFAULT_LANG = "en-US"\nTIMEZONE = "America/Chicago"\n')
    check = run_edcal("check", cwd=site)
    assert "LinkedIn: 1 post in the week of 2027-02-28 to 2027-03-06, cadence 2/week" not in check.stdout
    assert "LinkedIn: 0 posts in the week of 2027-02-28 to 2027-03-06, cadence 2/week" in check.stdout, check.stdout
    assert "week of 2027-02-22" not in check.stdout and "week of 2027-02-21" not in check.stdout


def test_a_months_weeks_against_a_weekly_cadence_run_from_sunday(empty_site: Callable[..., Path],
                                                                 site_language: None) -> None:
    """This month and next against "2 a week", as the calendar's rows and cadence-gap count weeks: Sunday to
    Saturday, a week the month's that holds its Wednesday. A post on Sunday, February 28 is March's (its week
    runs to March 6), which holds five weeks (to April 3); Monday weeks would have given it to February. The week of February 14 holds its two."""
    calendar = CALENDAR.replace("slots: [wed 09:30]", "slots: [wed 09:30], cadence: 2 a week").replace(
        "posted:", "  - {id: sunday, networks: [linkedin], at: 2027-02-28 09:30, text: Open shop today.}\nposted:")
    site = empty_site(calendar)
    write_pelicanconf(site, 'DEFAULT_LANG = "en-US"\nTIMEZONE = "America/Chicago"\n')
    result = run_edcal("build", cwd=site)
    assert result.returncode == 0, result.stderr
    text = page_text(site / "planning" / "index.html")
    # (on February 15: what of February's is out already, and what is to come)
    # (the week of January 31, over before the first post of February 10, is not judged, as in the report)
    assert "2/week February 2027 (3 weeks): 4 posts for 6 (1 post published, 3 posts planned) ⚠ below the " \
           "cadence: February 7 to 13, 2027 (over): 1 post (1 missing); February 21 to 27, 2027: 1 post (1 missing) " \
           "March 2027 (5 weeks): 1 post for 10 ⚠" in text, text
    plan = json.loads((site / "planning" / "plan.json").read_text(encoding="utf-8"))
    months = plan["networks"][0]["months"]
    assert [{key: value for key, value in month.items() if key != "short"} for month in months] == [
        {"month": "2027-02", "planned": 4, "published": 1, "gone_out": 1, "unconfirmed": 0, "target": 6, "below": 2},
        {"month": "2027-03", "planned": 1, "published": 0, "gone_out": 0, "unconfirmed": 0, "target": 10, "below": 5}]
    # The weeks the page names, Sunday to Saturday; cadence-gap's 42 days reach the last (to March 28).
    assert [(short["first_day"], short["found"], short["over"], short["beyond_horizon"])
            for month in months for short in month["short"]] == [
        ("2027-02-07", 1, True, False), ("2027-02-21", 1, False, False), ("2027-02-28", 1, False, False),
        ("2027-03-07", 0, False, False), ("2027-03-14", 0, False, False), ("2027-03-21", 0, False, False),
        ("2027-03-28", 0, False, False)]


ADOPTED = """\
version: 1
timezone: America/New_York
country: US
networks:
  linkedin: {account: Northlight Design, slots: [tue 09:00, thu 12:30], cadence: 2/week}
posts:
  - id: tip
    networks: [linkedin]
    repeat: {every: week, on: tue, from: 2026-12-08, until: 2027-01-26}
    text: "Design tip: start every logo in black and white."
  - id: studio
    networks: [linkedin]
    at: 2026-12-10 12:30
    text: A peek inside our studio.
  - id: recap
    networks: [linkedin]
    at: 2026-12-17 12:30
    text: Our year, in three posts.
"""


def test_a_months_report_and_the_check_judge_the_same_weeks_and_name_those_short(
        empty_site: Callable[..., Path], site_language: None) -> None:
    """A New York agency adopting edcal on Monday, December 7, 2026 (its first post on the 8th) read
    "December 2026 (5 weeks): … ⚠ Below the cadence" for the empty week of November 29, before it used edcal,
    which `edcal check` did not report, and without a word of which week: it could not act on it."""
    site = empty_site(ADOPTED)
    write_pelicanconf(site, 'DEFAULT_LANG = "en-US"\nTIMEZONE = "America/New_York"\n')
    monday = {"EDCAL_NOW": "2026-12-07T10:00:00-05:00"}
    built = run_edcal("build", cwd=site, env=monday)
    assert built.returncode == 0, built.stderr
    text = page_text(site / "planning" / "index.html")
    # The week of November 29 is over, and before the first post: judged by neither.
    assert "December 2026 (4 weeks): 6 posts for 8 (0 posts published, 6 posts planned) ⚠ below the cadence: " \
           "December 20 to 26, 2026: 1 post (1 missing); December 27, 2026 to January 2, 2027: 1 post " \
           "(1 missing)" in text, text
    check = run_edcal("check", "--only", "cadence-gap", cwd=site, env=monday)
    weeks = [line.split(": ", 2)[2] for line in check.stdout.splitlines() if "[cadence-gap]" in line]
    assert weeks[:2] == ["LinkedIn: 1 post in the week of 2026-12-20 to 2026-12-26, cadence 2/week [cadence-gap]",
                         "LinkedIn: 1 post in the week of 2026-12-27 to 2027-01-02, cadence 2/week [cadence-gap]"], \
        check.stdout
    # Three weeks on, the week of the 20th is over: still short in December's figures, said gone by, and no
    # longer the check's (nothing can be planned in it now).
    later = {"EDCAL_NOW": "2026-12-28T10:00:00-05:00"}
    built = run_edcal("build", cwd=site, env=later)
    assert built.returncode == 0, built.stderr
    text = page_text(site / "planning" / "index.html")
    assert "⚠ below the cadence: December 20 to 26, 2026 (over): 1 post (1 missing); December 27, 2026 to " \
           "January 2, 2027: 1 post (1 missing)" in text, text
    check = run_edcal("check", "--only", "cadence-gap", cwd=site, env=later)
    assert "week of 2026-12-20" not in check.stdout and "week of 2026-12-27" in check.stdout, check.stdout


def test_a_computer_s_zone_is_named_by_the_city_it_names(tmp_path: Path) -> None:
    """A teammate whose computer keeps America/Montreal read "cet ordinateur est à l'heure de Toronto": the
    database links Montreal to Toronto, and the line named the zone by the link's target, not her city. In
    Debian's database the old names are links too: /etc/localtime's own target names the city, not the file."""
    from edcal.zones import other_machine_zone

    now = dt.datetime(2027, 3, 2, 8, tzinfo=dt.UTC)
    toronto = tmp_path / "usr" / "share" / "zoneinfo" / "America" / "Toronto"
    toronto.parent.mkdir(parents=True)
    toronto.write_bytes(b"TZif")
    (toronto.parent / "Montreal").symlink_to("Toronto")
    link = tmp_path / "localtime"
    link.symlink_to(toronto.parent / "Montreal")
    assert other_machine_zone("Europe/Paris", {}, now, link) == "America/Montreal"
    assert other_machine_zone("Europe/Paris", {"TZ": "America/Montreal"}, now, link) == "America/Montreal"
    assert other_machine_zone("America/Toronto", {}, now, link) is None  # the same zone by another name
    # A name that is no city's, as US/Eastern or Canada/Eastern, is named by its zone's: New York, Toronto.
    assert other_machine_zone("Europe/Paris", {"TZ": "Canada/Eastern"}, now, link) == "America/Toronto"
    assert machine_zone({}, link) == "America/Toronto"  # what `edcal init` writes: the zone's own name


def test_a_computer_s_zone_linked_through_the_database_s_posix_folder_is_still_named(tmp_path: Path) -> None:
    """/etc/localtime linked to zoneinfo/posix/America/Montreal (posix/, a link to the database's own folder,
    as Debian ships it): the line said "this computer keeps Toronto time" from the file it ends at, and said
    nothing once the link's own target, posix/America/Montreal, no zone's name, was read instead."""
    from edcal.zones import other_machine_zone

    now = dt.datetime(2027, 3, 2, 8, tzinfo=dt.UTC)
    zoneinfo = tmp_path / "usr" / "share" / "zoneinfo"
    (zoneinfo / "America").mkdir(parents=True)
    (zoneinfo / "America" / "Toronto").write_bytes(b"TZif")
    (zoneinfo / "America" / "Montreal").symlink_to("Toronto")
    (zoneinfo / "posix").symlink_to(".")
    link = tmp_path / "localtime"
    link.symlink_to(zoneinfo / "posix" / "America" / "Montreal")
    assert other_machine_zone("Europe/Paris", {}, now, link) == "America/Montreal"
    assert other_machine_zone("Europe/Paris", {"TZ": ":/usr/share/zoneinfo/right/America/Montreal"}, now,
                              link) == "America/Montreal"
    assert machine_zone({}, link) == "America/Toronto"
