"""The iCalendar feeds, read by three independent parsers and a real calendar client (khal)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from unittest.mock import ANY

import icalendar
import jsonschema
import pytest
import vobject
from hypothesis import given, settings
from hypothesis import strategies as st
from ical.calendar_stream import IcsCalendarStream

from conftest import EPOCH, FIXTURE_SITE, NOW, copy_sample, load_plan, run_edcal, tree, write_pelicanconf

PLANNING = """
planning:
  url: https://plan.example.fr/equipe/
feeds:
  reminders: {networks: 30 minutes}
"""
ENV = {"EDCAL_NOW": NOW, "SOURCE_DATE_EPOCH": EPOCH}


def make_site(folder: Path, extra: str = PLANNING) -> Path:
    shutil.copytree(FIXTURE_SITE, folder)
    write_pelicanconf(folder)
    with (folder / "calendar.yaml").open("a", encoding="utf-8") as handle:
        handle.write(extra)
    return folder


def build(site: Path) -> Path:
    result = run_edcal("build", cwd=site, env=ENV)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def feeds_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(make_site(tmp_path_factory.mktemp("feeds") / "site"))


def all_feeds(site: Path) -> list[Path]:
    return sorted((site / "planning").rglob("*.ics"))


def events(path: Path, freezes: bool = False) -> list[icalendar.Event]:
    """A feed's events; those of the plan's items and key dates, without the freezes' unless ``freezes``."""
    return [event for event in icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")
            if freezes or not is_freeze(event)]


def is_freeze(event: icalendar.Event) -> bool:
    """Whether an event is a freeze's (the sites of these tests are French)."""
    return "CATEGORIES" in event and [str(c) for c in event["CATEGORIES"].cats] == ["Gel des publications"]


def item_id(event: icalendar.Event) -> str:
    return str(event["URL"]).split("#item-", 1)[1]


def test_the_contracted_feeds_are_written(feeds_site: Path) -> None:
    names = {p.relative_to(feeds_site / "planning").as_posix() for p in all_feeds(feeds_site)}
    assert names == {
        "calendar.ics", "calendars/blog.ics", "calendars/linkedin.ics", "calendars/x.ics",
        "calendars/mastodon.ics", "calendars/bluesky.ics", "calendars/people/ana.ics",
        "calendars/people/ben.ics", "calendars/campaigns/launch.ics",
    }
    assert not list((feeds_site / "output").rglob("*.ics")), "feeds are private unless a site publishes them"


def test_every_feed_parses_with_three_independent_parsers(feeds_site: Path) -> None:
    for path in all_feeds(feeds_site):
        data = path.read_bytes()
        icalendar.Calendar.from_ical(data)  # lenient, the library we write with
        IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))  # strict (pydantic models of RFC 5545)
        parsed = vobject.readOne(data.decode("utf-8"), validate=True)
        assert parsed.name == "VCALENDAR"


def test_raw_bytes_follow_rfc_5545(feeds_site: Path) -> None:
    timed = 0
    for path in all_feeds(feeds_site):
        data = path.read_bytes()
        assert data.endswith(b"END:VCALENDAR\r\n")
        assert b"\n" not in data.replace(b"\r\n", b""), f"{path}: a line ends without CR"
        lines = data.split(b"\r\n")[:-1]
        assert max(len(line) for line in lines) <= 75, f"{path}: a line is longer than 75 octets"
        for line in lines:
            line.decode("utf-8")  # folding never splits a UTF-8 sequence
        text = data.decode("utf-8")
        unfolded = re.sub(r"\r\n[ \t]", "", text)
        assert "REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n" in unfolded
        assert "X-PUBLISHED-TTL:PT1H\r\n" in unfolded
        assert "METHOD:" not in unfolded and "VTODO" not in unfolded
        assert all(stamp.endswith("Z") for stamp in re.findall(r"^DTSTAMP:(\S+)", unfolded, re.MULTILINE))
        # Every zone a time names (DTSTART;TZID=Europe/Paris:…) is defined in the feed, once; edcal names
        # none: its times are in UTC (docs/feeds.md), its all-day items dates.
        used = set(re.findall(r"^[A-Z-]+;(?:[^:\r\n]*;)?TZID=([^;:\r\n]+)", unfolded, re.MULTILINE))
        blocks = re.findall(r"^BEGIN:VTIMEZONE\r\n(.*?)^END:VTIMEZONE", unfolded, re.MULTILINE | re.DOTALL)
        defined = [re.search(r"^TZID:(.+)$", block, re.MULTILINE).group(1)  # type: ignore[union-attr]
                   for block in blocks]
        assert used <= set(defined) and len(defined) == len(set(defined)), (path, used, defined)
        events = unfolded.split("END:VTIMEZONE")[-1]  # the empty feed's UTC zone has a DTSTART of its own
        times = re.findall(r"^(?:DTSTART|DTEND)(;[^:\r\n]*)?:([^\r\n]*)", events, re.MULTILINE)
        timed += len(times)
        assert all(re.fullmatch(r"\d{8}T\d{6}Z", value) or (params == ";VALUE=DATE" and re.fullmatch(r"\d{8}", value))
                   for params, value in times), (path, [t for t in times if not t[1].endswith("Z")][:3])
        uids = re.findall(r"^UID:(\S+)", unfolded, re.MULTILINE)
        assert len(uids) == len(set(uids))
        calendar = icalendar.Calendar.from_ical(data)
        assert calendar["NAME"] == calendar["X-WR-CALNAME"] and str(calendar["NAME"]).endswith(" · Fixture")
        raw = dict(re.findall(r"^(DESCRIPTION|X-WR-CALDESC|NAME|X-WR-CALNAME):(.*)$", unfolded.split("BEGIN:VEVENT")[0],
                              re.MULTILINE))
        assert raw["DESCRIPTION"] == raw["X-WR-CALDESC"] and raw["NAME"] == raw["X-WR-CALNAME"]
    assert timed > 10


def test_calendar_ics_holds_every_dated_item_not_withheld_at_the_same_instant(feeds_site: Path) -> None:
    plan = load_plan(feeds_site)
    expected = {i["id"]: i for i in plan["items"] if i["start"] and i["status"] != "withheld"}
    found = {item_id(e): e for e in events(feeds_site / "planning" / "calendar.ics")}
    assert set(found) == set(expected)
    crossed_dst = set()
    for key, item in expected.items():
        start = found[key].decoded("DTSTART")
        if item["all_day"]:
            assert start == dt.date.fromisoformat(item["start"])
            assert found[key].decoded("DTEND") == start + dt.timedelta(days=1)
            assert found[key]["TRANSP"] == "TRANSPARENT"
        else:
            assert start == dt.datetime.fromisoformat(item["start"]), key
            assert start.utcoffset() == dt.timedelta(0) and found[key].decoded("DTEND") - start == dt.timedelta(minutes=15)
            crossed_dst.add(dt.datetime.fromisoformat(item["start"]).utcoffset())
    assert crossed_dst == {dt.timedelta(hours=1), dt.timedelta(hours=2)}, "the fixture spans a DST change"
    withheld = [i["id"] for i in plan["items"] if i["status"] == "withheld"]
    assert withheld and not set(withheld) & set(found)


def test_feeds_hold_their_subsets(feeds_site: Path) -> None:
    plan = load_plan(feeds_site)
    dated = [i for i in plan["items"] if i["start"] and i["status"] != "withheld"]
    planning = feeds_site / "planning" / "calendars"

    def ids(path: Path) -> set[str]:
        return {item_id(e) for e in events(path)}

    for network in ("linkedin", "x", "mastodon", "bluesky"):
        assert ids(planning / f"{network}.ics") == {i["id"] for i in dated if i.get("network") == network}
    assert ids(planning / "blog.ics") == {i["id"] for i in dated if i["kind"] != "post"}
    assert ids(planning / "people" / "ana.ics") == {i["id"] for i in dated if i.get("owner") == "ana"}
    assert ids(planning / "campaigns" / "launch.ics") == {i["id"] for i in dated if i.get("campaign") == "launch"}
    assert ids(planning / "campaigns" / "launch.ics")  # not an empty comparison


def test_an_event_reads_well_and_carries_the_exact_draft(feeds_site: Path) -> None:
    plan = load_plan(feeds_site)
    post = next(i for i in plan["items"] if i["id"] == "hello-linkedin")
    event = next(e for e in events(feeds_site / "planning" / "calendar.ics") if item_id(e) == "hello-linkedin")
    assert str(event["SUMMARY"]) == f"[LinkedIn] {post['title']}"
    description = str(event["DESCRIPTION"])
    assert description.startswith(post["text"] + "\n\n")
    # The file without its line: an entry added above it would revise the event (every one below, churned).
    assert "Campagne\u00a0: Lancement" in description and "Source\u00a0: calendar.yaml\n" in description
    assert post["source"].startswith("calendar.yaml:") and post["source"] not in description
    assert "Statut\u00a0: planifié" in description
    assert [str(c) for c in event["CATEGORIES"].cats] == ["LinkedIn", "Lancement"]
    # Its line on the agenda page of its month, which the planning site opens.
    month = post["start"][:7]
    assert str(event["URL"]) == f"https://plan.example.fr/equipe/agenda/{month}.html#item-hello-linkedin"
    assert description.endswith(f"\nDans le planning\u00a0: {event['URL']}")  # Google and Outlook hide URL
    assert 'id="item-hello-linkedin"' in (feeds_site / "planning" / "agenda" / f"{month}.html").read_text(
        encoding="utf-8")
    assert event["STATUS"] == "CONFIRMED"


def test_an_events_image_is_an_address_a_phone_opens_where_planning_url_serves_it(tmp_path: Path) -> None:
    """"Image : images/salon.png" opened nothing on a phone: with planning.url, the copy in planning/media/."""
    def image_line(site: Path, feed: str = "planning/calendar.ics") -> str:
        if not (site / "planning").is_dir():
            build(site)
        event = next(e for e in events(site / feed) if str(e["SUMMARY"]).startswith("[LinkedIn] Bonjour"))
        return next(line for line in str(event["DESCRIPTION"]).splitlines() if line.startswith("Image"))

    def with_image(folder: Path, extra: str) -> Path:
        site = make_site(folder, extra)
        calendar = site / "calendar.yaml"
        calendar.write_text(calendar.read_text(encoding="utf-8").replace(
            "    text: Bonjour le monde\n", "    text: Bonjour le monde\n    image: images/public.png\n"
            "    alt: Le logo\n", 1), encoding="utf-8")
        return site

    site = with_image(tmp_path / "url", PLANNING)
    assert image_line(site) == ("Image\u00a0: https://plan.example.fr/equipe/media/images/public.png"
                                " — Texte alternatif\u00a0: Le logo")
    assert (site / "planning" / "media" / "images" / "public.png").read_bytes() == \
        (site / "content" / "images" / "public.png").read_bytes()
    # Without planning.url: the path.
    assert image_line(with_image(tmp_path / "none", "")) == "Image\u00a0: images/public.png — Texte alternatif\u00a0: Le logo"


def test_feeds_published_alone_give_images_paths_and_the_teams_feeds_keep_their_addresses(tmp_path: Path) -> None:
    """With `feeds: publish:` (the .ics files copied into the public site, no media/ there), the team's feeds
    in planning/ lost their images' addresses too: only the published copies give the path."""
    site = make_site(tmp_path / "site", PLANNING + "  publish: calendriers-7f3a9c\n")
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace(
        "    text: Bonjour le monde\n", "    text: Bonjour le monde\n    image: images/public.png\n    alt: Le logo\n",
        1), encoding="utf-8")
    build(site)

    def image_lines(path: Path) -> list[str]:
        return [line for e in events(path) for line in str(e["DESCRIPTION"]).splitlines() if line.startswith("Image")]

    public = site / "output" / "calendriers-7f3a9c"
    team = image_lines(site / "planning" / "calendar.ics")
    assert "Image\u00a0: https://plan.example.fr/equipe/media/images/public.png — Texte alternatif\u00a0: Le logo" in team
    assert all("https://plan.example.fr/equipe/media/" in line for line in team)
    assert [line.replace("https://plan.example.fr/equipe/media/", "") for line in team] == \
        image_lines(public / "calendar.ics")
    assert (site / "planning" / "media" / "images" / "public.png").is_file()
    # The same feeds, events without an image alike; planning/ holds the team's feeds only.
    private = sorted(p.relative_to(site / "planning") for p in (site / "planning").rglob("*.ics"))
    assert sorted(p.relative_to(public) for p in public.rglob("*.ics")) == private
    without = [path for path in private if not image_lines(site / "planning" / path)]
    # but for SOURCE, where each is refreshed from (test_public_copies_are_refreshed_from_the_public_site), and a
    # freeze's event, whose reason and withheld posts the public copies leave out (the team's feeds say them)
    def unfolded(path: Path) -> str:
        text = path.read_bytes().decode().replace("\r\n ", "").replace(
            "SOURCE;VALUE=URI:https://blog.example.fr/calendriers-7f3a9c/", "SOURCE;VALUE=URI:https://plan.example.fr/equipe/")
        return re.sub(r"BEGIN:VEVENT\r\n(?:(?!END:VEVENT).)*CATEGORIES:Gel des publications\r\nEND:VEVENT\r\n", "",
                      text, flags=re.S)

    assert without and all(unfolded(public / path) == unfolded(site / "planning" / path) for path in without)
    assert "Crise" in (site / "planning" / "calendar.ics").read_text(encoding="utf-8")
    assert all("Crise" not in path.read_text(encoding="utf-8") for path in public.rglob("*.ics"))


def test_public_copies_are_refreshed_from_the_public_site(tmp_path: Path) -> None:
    """RFC 7986's SOURCE is where a client refreshes a feed from: the public copies named the team's private
    server, where a public subscriber cannot go. The team's feeds keep theirs, and the links to their site."""
    site = build(make_site(tmp_path / "site", PLANNING + "  publish: calendriers-7f3a9c\n"))
    public = site / "output" / "calendriers-7f3a9c" / "calendars" / "people" / "ana.ics"
    team = site / "planning" / "calendars" / "people" / "ana.ics"
    assert str(icalendar.Calendar.from_ical(public.read_bytes())["SOURCE"]) == \
        "https://blog.example.fr/calendriers-7f3a9c/calendars/people/ana.ics"
    assert str(icalendar.Calendar.from_ical(team.read_bytes())["SOURCE"]) == \
        "https://plan.example.fr/equipe/calendars/people/ana.ics"
    assert [str(e["URL"]) for e in events(public)] == [str(e["URL"]) for e in events(team)]


def test_feeds_published_alone_link_to_no_planning_page(tmp_path: Path) -> None:
    """feeds.md's "Feeds only" example set planning.url to the feeds' folder: every event linked to
    agenda/….html there, and the calendar to index.html, all 404s (the folder holds the feeds alone), and
    `edcal check` said nothing. Now the feeds leave those links out, and the check names `url:`."""
    site = build(make_site(tmp_path / "site", "feeds:\n  publish: calendriers-7f3a9c\n"
                                              "planning:\n  url: https://blog.example.fr/calendriers-7f3a9c/\n"))
    public = site / "output" / "calendriers-7f3a9c"
    assert sorted(p.name for p in public.iterdir()) == [".edcal-published", "calendar.ics", "calendars"]
    for path in (public / "calendar.ics", site / "planning" / "calendar.ics"):
        feed = icalendar.Calendar.from_ical(path.read_bytes())
        assert "URL" not in feed and str(feed["SOURCE"]) == "https://blog.example.fr/calendriers-7f3a9c/calendar.ics"
        assert [e for e in events(path) if "URL" in e or "Dans le planning" in str(e["DESCRIPTION"])] == []
    result = run_edcal("check", cwd=site, env={**ENV, "EDCAL_LANG": "en"})
    assert ("calendar.yaml:40:8: warning: planning.url is https://blog.example.fr/calendriers-7f3a9c/, the folder "
            "where `feeds: publish:` copies the feeds alone: no planning page or image is there, so the feeds link "
            "to none") in result.stdout and "[planning-url-feeds-only]" in result.stdout
    # Without planning.url, the planning page gives the public copies' addresses to subscribe to.
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace(
        "planning:\n  url: https://blog.example.fr/calendriers-7f3a9c/\n", ""), encoding="utf-8")
    page = (build(site) / "planning" / "index.html").read_text(encoding="utf-8")
    assert 'href="webcal://blog.example.fr/calendriers-7f3a9c/calendars/people/ana.ics"' in page
    assert "planning-url-feeds-only" not in run_edcal("check", cwd=site, env=ENV).stdout


def test_a_bluesky_event_carries_the_text_to_paste_with_the_whole_link(feeds_site: Path) -> None:
    sidecar = next((feeds_site / "planning" / "drafts" / "bluesky").glob("*-futur-bluesky-0.json"))
    draft = json.loads(sidecar.read_text(encoding="utf-8"))
    assert draft["link_text"] == "blog.example.fr/2027/futur/?..." and draft["link_text"] in draft["text"]
    event = next(e for e in events(feeds_site / "planning" / "calendar.ics") if item_id(e) == "futur-bluesky-0")
    description = str(event["DESCRIPTION"])
    pasted = sidecar.with_suffix(".txt").read_text(encoding="utf-8")
    assert draft["link"] in pasted and description.startswith(pasted + "\n\n")


def test_each_feed_has_a_colour_of_its_own(feeds_site: Path) -> None:
    """Subscribed side by side, the feeds stay apart: the people's feeds had none, the whole plan LinkedIn's."""
    planning = feeds_site / "planning"
    colours = {path.relative_to(planning).as_posix(): str(icalendar.Calendar.from_ical(path.read_bytes())["COLOR"])
               for path in [planning / "calendar.ics", *sorted((planning / "calendars").rglob("*.ics"))]
               if "campaigns" not in path.parts}
    assert len(colours) >= 8 and len(set(colours.values())) == len(colours), colours


def test_only_the_whole_plan_colours_its_events_by_network(feeds_site: Path) -> None:
    """Every event carried its network's COLOR: an app that honours it (ICSx⁵ on Android, Evolution) showed
    Ana's feed in LinkedIn's and Mastodon's colours, not in hers, and her feed beside a campaign's alike."""
    planning = feeds_site / "planning"
    whole = {item_id(e): e.get("COLOR") for e in events(planning / "calendar.ics")}
    linkedin, mastodon = whole["hello-linkedin"], whole["hello-mastodon"]
    assert linkedin and mastodon and linkedin != mastodon  # one feed for everything: the networks tell apart
    held = {path.relative_to(planning).as_posix(): [e.get("COLOR") for e in events(path)]
            for path in sorted((planning / "calendars").rglob("*.ics"))}
    assert held["calendars/people/ana.ics"] and held["calendars/campaigns/launch.ics"]
    assert {path: colours for path, colours in held.items() if any(colours)} == {}  # the feed's own COLOR rules


def test_an_event_published_since_the_last_commit_is_stamped_when_it_went_out(tmp_path: Path) -> None:
    """DTSTAMP is the last revision (no METHOD): 'Statut : publié' is new since the post went out."""
    site = make_site(tmp_path / "site")
    result = run_edcal("build", cwd=site, env={**ENV, "EDCAL_NOW": "2027-03-05T10:00:00+01:00"})
    assert result.returncode == 0, result.stderr
    stamps = {item_id(e): (e.decoded("DTSTAMP"), e.decoded("LAST-MODIFIED"), "publié" in str(e["DESCRIPTION"]))
              for e in events(site / "planning" / "calendar.ics")}
    commit = dt.datetime.fromtimestamp(int(EPOCH), dt.UTC)
    assert stamps["hello-linkedin"] == (dt.datetime(2027, 3, 2, 9, 0, tzinfo=dt.UTC),) * 2 + (True,)
    assert stamps["weekly-mastodon-20270310"] == (commit, commit, False)  # still to come: the inputs' time


def test_reminders_only_where_asked(feeds_site: Path) -> None:
    planning = feeds_site / "planning"
    assert "BEGIN:VALARM" not in (planning / "calendar.ics").read_text(encoding="utf-8")
    assert "BEGIN:VALARM" not in (planning / "calendars" / "people" / "ana.ics").read_text(encoding="utf-8")
    network = events(planning / "calendars" / "linkedin.ics")
    now = dt.datetime.fromisoformat(NOW)
    timed = [e for e in network if isinstance(e.decoded("DTSTART"), dt.datetime)]
    coming = [e for e in timed if e.decoded("DTSTART") > now]
    assert coming and all(a.decoded("TRIGGER") == -dt.timedelta(minutes=30)
                          for e in coming for a in e.walk("VALARM"))
    assert all(len(list(e.walk("VALARM"))) == 1 for e in coming)
    # A past post rings no more: subscribing brought a window of "missed" reminders.
    past = [e for e in timed if e.decoded("DTSTART") <= now]
    assert past and not [a for e in past for a in e.walk("VALARM")]


def test_a_persons_deadlines_ring_the_day_before_at_nine(tmp_path: Path) -> None:
    """The all-day deadlines ("Remise du texte") are what a person most needs reminding of: they had none."""
    site = build(make_site(tmp_path / "site", PLANNING.replace("{networks: 30 minutes}", "{people: 30 minutes}")))
    feed = events(site / "planning" / "calendars" / "people" / "ana.ics")
    deadlines = [e for e in feed if not isinstance(e.decoded("DTSTART"), dt.datetime)
                 and e.decoded("DTSTART") > dt.date(2027, 2, 15)]
    assert deadlines, [str(e["SUMMARY"]) for e in feed]
    assert all([a.decoded("TRIGGER") for a in e.walk("VALARM")] == [-dt.timedelta(hours=15)] for e in deadlines)


def test_an_article_without_owner_is_its_authors_when_one_is_on_the_team(tmp_path: Path) -> None:
    """`authors: Ben Marchal` (as written under `team:`, case and spaces aside) puts the article, its
    deadlines and its promotions in Ben's feed without an `owner: ben` beside it; `owner:` still wins, and a
    guest author (no one on the team) leaves the article to nobody, as before."""
    site = make_site(tmp_path / "site")
    article = site / "content" / "articles" / "futur.md"
    article.write_text(article.read_text(encoding="utf-8").replace(
        "date: 2027-03-25", "authors: Claire Invitée, ben  MARCHAL\ndate: 2027-03-25"), encoding="utf-8")
    build(site)
    bens = {item_id(e) for e in events(site / "planning" / "calendars" / "people" / "ben.ics")}
    assert {"article-futur", "futur-linkedin-0", "futur-bluesky-2w"} <= bens, sorted(bens)
    owned = {item["id"]: item.get("owner") for item in
             json.loads((site / "planning" / "plan.json").read_text(encoding="utf-8"))["items"]}
    assert owned["article-futur"] == owned["futur-linkedin-0"] == "ben"

    article.write_text(article.read_text(encoding="utf-8").replace("authors:", "owner: ana\nauthors:"),
                       encoding="utf-8")
    build(site)
    assert "article-futur" not in {item_id(e) for e in events(site / "planning" / "calendars" / "people" / "ben.ics")}
    assert "article-futur" in {item_id(e) for e in events(site / "planning" / "calendars" / "people" / "ana.ics")}

    article.write_text(article.read_text(encoding="utf-8").replace("owner: ana\n", "").replace(
        "ben  MARCHAL", "Bernard Marchal"), encoding="utf-8")
    build(site)
    owned = {item["id"]: item.get("owner") for item in
             json.loads((site / "planning" / "plan.json").read_text(encoding="utf-8"))["items"]}
    assert owned["article-futur"] is None


def test_uids_survive_edits_and_insertions_and_builds_are_byte_identical(
        feeds_site: Path, tmp_path: Path) -> None:
    def uids(site: Path) -> dict[str, str]:
        return {item_id(e): str(e["UID"]) for e in events(site / "planning" / "calendar.ics")}

    before = uids(feeds_site)
    same = build(make_site(tmp_path / "same"))
    for path in all_feeds(feeds_site):
        assert (same / path.relative_to(feeds_site)).read_bytes() == path.read_bytes(), path.name

    edited = make_site(tmp_path / "edited")
    calendar = (edited / "calendar.yaml").read_text(encoding="utf-8")
    calendar = calendar.replace("text: Bonjour le monde", "text: Bonjour tout le monde, version revue")
    calendar = calendar.replace("at: 2027-03-02 10:00", "at: 2027-03-03 11:30")
    calendar = calendar.replace("posts:\n", "posts:\n  - {id: inserted, networks: [x], at: 2027-03-01 09:00, text: Nouveau}\n")
    (edited / "calendar.yaml").write_text(calendar, encoding="utf-8")
    after = uids(build(edited))
    assert after["hello-linkedin"] == before["hello-linkedin"]
    assert {k: v for k, v in after.items() if k in before} == before
    assert "inserted-x" in after and after["inserted-x"] not in before.values()
    moved = next(e for e in events(edited / "planning" / "calendar.ics") if item_id(e) == "hello-linkedin")
    assert moved.decoded("DTSTART") == dt.datetime(2027, 3, 3, 10, 30, tzinfo=dt.UTC)


def test_feeds_are_published_only_when_a_site_asks(tmp_path: Path) -> None:
    site = build(make_site(tmp_path / "site", PLANNING + "  publish: calendriers-7f3a9c\n"))
    public = site / "output" / "calendriers-7f3a9c"
    # The same events (their images' paths, not addresses: test_feeds_published_alone_give_images_paths…).
    assert [(str(e["UID"]), str(e["SUMMARY"])) for e in events(public / "calendar.ics")] == \
        [(str(e["UID"]), str(e["SUMMARY"])) for e in events(site / "planning" / "calendar.ics")]
    assert (public / "calendars" / "linkedin.ics").is_file()
    assert not (public / "plan.json").exists() and not (public / "drafts").exists()
    assert {p.parent for p in (site / "output").rglob("*.ics")} <= {public, public / "calendars",
                                                                    public / "calendars" / "people",
                                                                    public / "calendars" / "campaigns"}


def test_publish_false_and_true_are_switches_not_folder_names(tmp_path: Path) -> None:
    """`publish: false`, as the docs write it, wrote the whole plan to output/false/ (deployed with the blog)."""
    for off in ("false", "No", "0"):
        site = build(make_site(tmp_path / f"off-{off}", f"feeds:\n  publish: {off}\nplanning:\n  publish: {off}\n"))
        assert not list((site / "output").rglob("*.ics")) and not list((site / "output").rglob("plan.json"))
        assert not (site / "output" / off).exists()
    site = build(make_site(tmp_path / "on", "feeds:\n  publish: true\nplanning:\n  publish: yes\n"))
    assert (site / "output" / "calendars" / "calendar.ics").is_file()
    assert (site / "output" / "planning" / "plan.json").is_file()
    assert not (site / "output" / "true").exists() and not (site / "output" / "yes").exists()


def khal_import(feed: Path, tmp_path: Path) -> tuple[Path, Callable[[str], str]]:
    """A feed imported into khal, a real client (in Paris): its folder of events, and what it lists on a day."""
    khal = Path(sys.executable).with_name("khal")
    vdir = tmp_path / "vdir"
    vdir.mkdir()
    config = tmp_path / "khal.conf"
    config.write_text(
        f"[calendars]\n[[plan]]\npath = {vdir}\n\n[locale]\ntimeformat = %H:%M\ndateformat = %Y-%m-%d\n"
        "longdateformat = %Y-%m-%d\ndatetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n"
        "local_timezone = Europe/Paris\ndefault_timezone = Europe/Paris\n",
        encoding="utf-8",
    )
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    result = subprocess.run([str(khal), "-c", str(config), "import", "--batch", "-a", "plan", str(feed)],
                            capture_output=True, text=True, env=env, timeout=120, check=False)
    assert result.returncode == 0, result.stderr

    def listing(day: str) -> str:
        listed = subprocess.run([str(khal), "-c", str(config), "list", "--format", "{start} {title}", day, "1d"],
                                capture_output=True, text=True, env=env, timeout=120, check=False)
        return listed.stdout + listed.stderr

    return vdir, listing


def test_a_real_client_imports_every_event(feeds_site: Path, tmp_path: Path) -> None:
    feed = feeds_site / "planning" / "calendar.ics"
    vdir, listing = khal_import(feed, tmp_path)
    imported = sorted(vdir.glob("*.ics"))
    assert len(imported) == len(events(feed, freezes=True))
    assert "2027-03-02 10:00 [LinkedIn]" in listing("2027-03-02")


def test_a_subscription_through_vdirsyncer_keeps_every_event_and_follows_changes(tmp_path: Path) -> None:
    """What docs/feeds.md tells a terminal user: vdirsyncer's `http` storage, synced into a folder khal reads.

    vdirsyncer names each event by the first UID line of the file it writes for it, the calendar's
    header included: a UID in the header gave every event one name, and one event was left of 164.
    """
    import http.server
    import threading

    site = build(make_site(tmp_path / "site"))
    served = tmp_path / "served"
    shutil.copytree(site / "planning", served)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(served))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    local = tmp_path / "calendars"
    config = tmp_path / "vdirsyncer.conf"
    config.write_text(
        f'[general]\nstatus_path = "{tmp_path / "status"}"\n\n'
        '[pair planning]\na = "planning_remote"\nb = "planning_local"\ncollections = null\n\n'
        f'[storage planning_remote]\ntype = "http"\nurl = "http://127.0.0.1:{server.server_port}/calendar.ics"\n\n'
        f'[storage planning_local]\ntype = "filesystem"\npath = "{local}"\nfileext = ".ics"\n',
        encoding="utf-8")
    vdirsyncer = Path(sys.executable).with_name("vdirsyncer")
    env = {**os.environ, "VDIRSYNCER_CONFIG": str(config)}

    def sync() -> dict[str, icalendar.Event]:
        for command in (["discover"], ["sync"]):
            result = subprocess.run([str(vdirsyncer), *command], capture_output=True, text=True, env=env,
                                    input="y\n", timeout=120, check=False)
            assert result.returncode == 0, result.stdout + result.stderr
        synced = [event for path in local.glob("*.ics") for event in events(path)]
        return {item_id(event): event for event in synced}

    try:
        synced = sync()
        assert sorted(synced) == sorted(item_id(e) for e in events(site / "planning" / "calendar.ics"))
        assert len(synced) > 20
        # A post moved in calendar.yaml: the next sync moves it.
        calendar = site / "calendar.yaml"
        text = calendar.read_text(encoding="utf-8")
        calendar.write_text(text.replace("2027-03-02 10:00", "2027-03-03 10:30"), encoding="utf-8")
        assert build(site) == site
        shutil.rmtree(served)
        shutil.copytree(site / "planning", served)
        resynced = sync()
        assert resynced["hello-linkedin"].decoded("DTSTART") == dt.datetime(2027, 3, 3, 9, 30, tzinfo=dt.UTC)
        assert sorted(resynced) == sorted(synced)
    finally:
        server.shutdown()


def test_invalid_feed_settings_are_located_errors(tmp_path: Path) -> None:
    site = make_site(tmp_path / "one", "feeds:\n  reminders: {peoples: 1 hour}\n")
    result = run_edcal("build", cwd=site, env=ENV)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "calendar.yaml:38:24: error: found 'peoples', expected one of: calendar, networks" in result.stderr
    assert "did you mean 'people'?" in result.stderr
    assert not (site / "planning").exists() and not (site / "output").exists()
    site = make_site(tmp_path / "two", "feeds:\n  publish: ../escape\nplanning:\n  url: plan.example.fr\n")
    result = run_edcal("build", cwd=site, env=ENV)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "calendar.yaml:38:12: error: found publish '../escape', expected true, false or a folder" in result.stderr
    assert "calendar.yaml:40:8: error: found url 'plan.example.fr', expected an address starting with https://" \
        in result.stderr
    assert not (site / "planning").exists()


def test_the_sample_site_feeds_are_valid(tmp_path: Path) -> None:
    site = tmp_path / "sample"
    copy_sample(site)
    build(site)
    feed = site / "planning" / "calendar.ics"
    parsed = vobject.readOne(feed.read_text(encoding="utf-8"), validate=True)
    plan = load_plan(site)
    # Every dated item not withheld, the key dates (the fair, the open day), the team's absences (Malik's
    # summer holidays) and the freezes (the accident, the annual closing, Mastodon's migration).
    assert len(plan["key_dates"]) == 2
    absences = [a for person in plan["people"] for a in person.get("away", ())]
    assert len(absences) == 1
    assert len(plan["freezes"]) == 3
    assert len(parsed.vevent_list) == len([i for i in plan["items"] if i["start"] and i["status"] != "withheld"]) \
        + len(plan["key_dates"]) + len(absences) + len(plan["freezes"])
    # The fair's campaign ends with the fair (`until: salon-industrie end`): its feed shows the fair, the same
    # event as calendar.ics's; the recruiting drive's, whose dates the fair falls within, does not.
    fair = next(e for e in parsed.vevent_list if e.summary.value == "◆ Salon Industrie Rhône-Alpes, Lyon")
    campaigns = site / "planning" / "calendars" / "campaigns"
    salon = vobject.readOne((campaigns / "salon-industrie-2027.ics").read_text(encoding="utf-8"), validate=True)
    assert [e.uid.value for e in salon.vevent_list if e.summary.value.startswith("◆")] == [fair.uid.value]
    assert "◆".encode() not in (campaigns / "recrutement-soudeur.ics").read_bytes()
    # A translation's event gives its own language's summary, not its original's.
    by_title = {event.summary.value: event for event in parsed.vevent_list}
    english = by_title["[Blog] Why Atelier Morel is starting a blog"]
    french = by_title["[Blog] Pourquoi l'Atelier Morel ouvre un blog"]
    assert english.description.value.startswith("Thirty-nine years of metalwork")
    assert french.description.value.startswith("Trente-neuf ans de métallerie")


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\x00"),
                    max_size=400))
def test_any_text_survives_escaping_and_folding(text: str) -> None:
    from edcal.outputs.ics import _lines, _text

    data = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n" + _lines(
        ["BEGIN:VEVENT", "UID:1", "DTSTAMP:20270101T000000Z", "DTSTART:20270101T000000Z",
         f"DESCRIPTION:{_text(text)}", "END:VEVENT"]) + b"END:VCALENDAR\r\n"
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    event = next(iter(icalendar.Calendar.from_ical(data).walk("VEVENT")))
    assert str(event.get("DESCRIPTION", "")) == text
    assert vobject.readOne(data.decode("utf-8")).vevent.description.value == text


def test_a_site_can_publish_the_whole_planning_site(tmp_path: Path) -> None:
    site = build(make_site(tmp_path / "site", "planning:\n  publish: plan-3f9c2a7b\n"))
    public = site / "output" / "plan-3f9c2a7b"
    assert tree(public) == {**tree(site / "planning"), ".edcal-published": ANY}
    assert (public / "index.html").is_file() and (public / "calendar.ics").is_file()
    assert not (site / "output" / "calendar.ics").exists()


def test_publishing_never_replaces_a_folder_of_the_blog(tmp_path: Path) -> None:
    site = make_site(tmp_path / "site", "feeds:\n  publish: theme\n")
    result = run_edcal("build", cwd=site, env=ENV)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    # Found before anything is written (it was found once the blog had written output/theme).
    assert "calendar.yaml:38:12: error: found publish 'theme', where the blog writes the static folder 'theme' " \
        "(output/theme)" in result.stderr
    assert not (site / "output").exists() and not (site / "planning").exists()


def test_feed_names_with_commas_and_line_breaks_stay_whole(tmp_path: Path) -> None:
    extra = '  - {id: salon, name: "Salon, Lyon; 2027\\\\ suite", from: 2027-03-01, until: 2027-03-05}\n'
    site = make_site(tmp_path / "site", "")
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace("campaigns:\n", "campaigns:\n" + extra),
                        encoding="utf-8")
    build(site)
    feed = (site / "planning" / "calendars" / "campaigns" / "salon.ics").read_bytes().decode("utf-8")
    parsed = vobject.readOne(feed, validate=True)
    assert parsed.contents["x-wr-calname"][0].value == "Salon, Lyon; 2027\\ suite · Fixture"
    assert "\r\nNAME:Salon\\, Lyon\\; 2027\\\\ suite · Fixture\r\n" in feed.replace("\r\n ", "")


@pytest.mark.parametrize(("team", "newcomer"), [(("ben", "camille", "malik", "sophie"), "lea"),
                                                (("ben", "camille", "julien"), "paul")])
def test_a_new_person_leaves_the_other_feeds_colours_as_they_were(team: tuple[str, ...], newcomer: str) -> None:
    """Adding Léa turned Malik's feed from olivedrab to sienna and Sophie's from sienna to darkmagenta; then,
    with colours ordered by the ids' hashes, Paul took Julien's. A person added at the end of
    `team:` leaves the others' colours."""
    from edcal.plan.feeds import feeds
    from helpers import PARIS_CALENDAR, calendar_from, plan_of

    people = "".join(f"  - {{id: {i}, name: {i.title()}}}\n" for i in team)
    before = PARIS_CALENDAR.replace("  - {id: ana, name: Ana}\n", "  - {id: ana, name: Ana}\n" + people)
    after = before.replace(people, people + f"  - {{id: {newcomer}, name: {newcomer.title()}}}\n")

    def colours(text: str) -> dict[str, str | None]:
        return {f.key: f.color for f in feeds(plan_of(calendar_from(text))) if f.family == "people"}

    old, new = colours(before), colours(after)
    assert {k: new[k] for k in old} == old
    assert len(set(new.values())) == len(new)  # each its own


def test_feeds_keep_a_year_of_the_past_unless_told_otherwise() -> None:
    """One daily post on four networks since 2024 made a feed of 4 MB: Google's fetcher gives up on such feeds."""
    from edcal.errors import InputErrors
    from edcal.plan.feeds import feeds
    from helpers import PARIS_CALENDAR, calendar_from, plan_of

    entries = ("posts:\n  - {id: vieux, at: 2025-06-01 09:00, networks: [x], text: Il y a longtemps}\n"
               "  - {id: recent, at: 2026-03-01 09:00, networks: [x], text: Cette année}\n"
               "  - {id: futur, at: 2027-03-01 09:00, networks: [x], text: Bientôt}\n")
    for setting, kept in (("", {"recent-x", "futur-x"}), ("feeds: {past: 30 days}\n", {"futur-x"}),
                          ("feeds: {past: all}\n", {"vieux-x", "recent-x", "futur-x"})):
        plan = plan_of(calendar_from(PARIS_CALENDAR + setting + entries), now="2027-01-01T00:00:00+01:00")
        everything = feeds(plan)[0]
        assert {item.id for item in everything.items} == kept, setting
        assert {i.id for i in plan.items} == {"vieux-x", "recent-x", "futur-x"}  # the plan keeps them all
    with pytest.raises(InputErrors, match="found 'longtemps', expected a span"):
        calendar_from(PARIS_CALENDAR + "feeds: {past: longtemps}\n")


def test_feeds_can_keep_only_what_comes_in_the_next_months() -> None:
    """25 posts a day made calendar.ics 8.4 MB and each network's feed 1.6 MB, over the 1 MB Google Calendar
    reads whole, 4 MB and 0.8 MB with `past: 1 month`, and no setting could cut the future: `feeds: future:` keeps what starts
    within that span of now (an all-day event from its first day). Each enters the feeds at that moment,
    which `edcal next-change` names; the plan keeps everything."""
    from edcal.errors import InputErrors
    from edcal.plan.feeds import changes, feeds
    from helpers import PARIS_CALENDAR, calendar_from, plan_of

    entries = ("key_dates:\n  - {id: salon, name: Salon, from: 2027-04-02, until: 2027-04-03}\n"
               "  - {id: loin, name: Loin, on: 2027-09-01}\n"
               "ideas:\n  - {id: texte, title: Texte, draft_due: 2027-03-31}\n"
               "posts:\n  - {id: demain, at: 2027-01-02 09:00, networks: [x], text: Demain}\n"
               "  - {id: mars, at: 2027-03-31 23:30, networks: [x], text: Fin mars}\n"
               "  - {id: avril, at: 2027-04-01 00:30, networks: [x], text: Avril}\n"
               "  - {id: automne, at: 2027-10-01 09:00, networks: [x], text: Automne}\n")
    now = "2027-01-01T00:00:00+01:00"
    for setting, kept, dates in (
            ("", {"demain-x", "mars-x", "avril-x", "automne-x", "idea-texte-draft-due"}, {"salon", "loin"}),
            ("feeds: {future: 3 months}\n", {"demain-x", "mars-x", "idea-texte-draft-due"}, set()),
            ("feeds: {future: all}\n", {"demain-x", "mars-x", "avril-x", "automne-x", "idea-texte-draft-due"},
             {"salon", "loin"})):
        plan = plan_of(calendar_from(PARIS_CALENDAR + setting + entries), now=now)
        everything = feeds(plan)[0]
        assert {item.id for item in everything.items} == kept, setting
        assert {k.id for k in everything.key_dates} == dates, setting
        x = next(feed for feed in feeds(plan) if feed.key == "x")
        assert {item.id for item in x.items} == kept & {
            "demain-x", "mars-x", "avril-x", "automne-x"}, setting  # x.ics too
        assert len([i for i in plan.items if i.kind == "post"]) == 4  # the plan keeps them all
    calendar = calendar_from(PARIS_CALENDAR + "feeds: {future: 3 months}\n" + entries)
    # The April post enters at 00:30 on 1 January, 3 months before it; the fair as its first day starts there.
    at_midnight = plan_of(calendar, now="2027-01-01T00:30:00+01:00")
    assert "avril-x" in {item.id for item in feeds(at_midnight)[0].items}
    assert "salon" not in {k.id for k in feeds(at_midnight)[0].key_dates}
    after = dt.datetime.fromisoformat(now)
    assert dt.datetime.fromisoformat("2027-01-01T00:30:00+01:00") in changes(plan_of(calendar, now=now), after)
    assert {dt.datetime.fromisoformat("2027-01-02T00:00:00+01:00"), dt.datetime.fromisoformat(
        "2027-07-01T09:00:00+02:00")} <= set(changes(plan_of(calendar, now=now), after))
    with pytest.raises(InputErrors, match="found 'bientôt', expected a span"):
        calendar_from(PARIS_CALENDAR + "feeds: {future: bientôt}\n")


def test_past_counts_months_on_the_calendar() -> None:
    """`past: 3 months` was 90 days: on 1 June a post of 2 March had left, though three months back is 1 March.
    It leaves at 09:00 on 2 June, as written, across the change of clocks, when next-change says."""
    from edcal.plan.feeds import changes, feeds
    from helpers import PARIS_CALENDAR, calendar_from, plan_of

    calendar = calendar_from(PARIS_CALENDAR + "feeds: {past: 3 months}\nposts:\n"
                             "  - {id: fevrier, at: 2027-02-28 09:00, networks: [x], text: Février}\n"
                             "  - {id: mars, at: 2027-03-02 09:00, networks: [x], text: Mars}\n")
    kept = {now: [item.id for item in feeds(plan_of(calendar, now=now))[0].items]
            for now in ("2027-06-01T09:00:00+02:00", "2027-06-02T08:59:00+02:00", "2027-06-02T09:00:00+02:00")}
    assert list(kept.values()) == [["mars-x"], ["mars-x"], []]
    leaving = min(changes(plan_of(calendar, now="2027-06-01T09:00:00+02:00"), dt.datetime.fromisoformat(
        "2027-06-01T09:00:00+02:00")))
    assert leaving.isoformat() == "2027-06-02T09:00:00+02:00"


def test_horizon_counts_months_on_the_calendar() -> None:
    """`horizon: 6 months` was 180 days: from 15 January, the monthly post of 15 July was not planned."""
    from helpers import PARIS_CALENDAR, calendar_from, plan_of

    calendar = calendar_from(PARIS_CALENDAR.replace("version: 1\n", "version: 1\nhorizon: 6 months\n")
                             + "posts:\n  - {id: mois, networks: [x], text: Chaque mois, repeat: {every: month, "
                             "on: 15, at: '09:00', from: 2027-01-15}}\n")
    days = [item.start.date().isoformat() for item in plan_of(calendar, now="2027-01-15T08:00:00+01:00").items]
    assert days[-1] == "2027-07-15" and len(days) == 7


def test_a_day_is_past_for_the_feeds_when_it_ends_in_the_sites_zone() -> None:
    """Deadlines were cut at the next midnight UTC and key dates at 23:59 UTC of their last day: in Los
    Angeles both left the feed while their day was still running 30 days before now. One rule: the end
    of the day in the site's zone."""
    from edcal.plan.feeds import feeds
    from helpers import calendar_from, plan_of

    text = ("version: 1\ntimezone: America/Los_Angeles\nnetworks:\n  x: {}\nfeeds: {past: 30 days}\n"
            "key_dates:\n  - {id: salon, name: Salon, on: 2027-01-15}\n  - {id: avant, name: Avant, on: 2027-01-14}\n"
            "ideas:\n  - {id: texte, title: Texte, draft_due: 2027-01-15}\n"
            "  - {id: vieux, title: Vieux, draft_due: 2027-01-14}\n")
    # 30 days before now is 2027-01-15 21:00 in Los Angeles: the 15th is not over, the 14th is.
    everything = feeds(plan_of(calendar_from(text), now="2027-02-15T05:00:00+00:00"))[0]
    assert [item.id for item in everything.items] == ["idea-texte-draft-due"]
    assert [k.id for k in everything.key_dates] == ["salon"]


def test_a_calendars_last_modified_is_its_latest_events() -> None:
    """An item gone out since the commit is stamped then; the calendar's LAST-MODIFIED was older than its events'."""
    from edcal.outputs.ics import EventWriter, serialise
    from edcal.plan.feeds import feeds
    from helpers import PARIS_CALENDAR, calendar_from, plan_of

    plan = plan_of(calendar_from(PARIS_CALENDAR + "posts:\n  - {id: parti, at: 2027-01-05 09:00, networks: [x], "
                                 "text: Parti}\n"), now="2027-01-06T00:00:00+01:00")  # inputs of 2027-01-01
    feed = serialise(feeds(plan)[0], plan, EventWriter(plan)).decode()
    assert "\r\nDTSTAMP:20270105T080000Z\r\n" in feed  # the moment it went out
    assert feed.split("BEGIN:VEVENT")[0].count("LAST-MODIFIED:20270105T080000Z") == 1


def _feed_text(plan: object, family: str = "calendar", key: str | None = None) -> str:
    from edcal.outputs.ics import EventWriter, serialise
    from edcal.plan.feeds import feeds

    feed = next(f for f in feeds(plan) if f.family == family and (key is None or f.key == key))  # type: ignore[arg-type]
    return serialise(feed, plan, EventWriter(plan)).decode().replace("\r\n ", "")  # type: ignore[arg-type]


def test_an_article_a_freeze_held_back_is_in_the_feeds_when_it_goes_online() -> None:
    """It was in no feed, while its promotions were: a blog.ics subscriber never saw it go live."""
    from helpers import PARIS_CALENDAR, article, calendar_from, plan_of

    calendar = calendar_from(PARIS_CALENDAR + "freeze:\n  - {from: 2027-02-10, until: 2027-02-11, reason: Crise}\n")
    plan = plan_of(calendar, [article("pendant", "2027-02-11T09:00", calendar)], now="2027-02-01T12:00:00+01:00")
    for family in ("calendar", "blog"):
        event = _feed_text(plan, family).split("BEGIN:VEVENT")[1]
        assert "DTSTART:20270211T230000Z\r\n" in event  # midnight in Paris, when the freeze ends
        assert "STATUS:CONFIRMED\r\n" in event and "Statut\u00a0: en ligne après le gel" in event, event


def test_a_key_date_and_an_item_may_not_share_an_id() -> None:
    """The feeds make UIDs of both: two events with one UID, and a calendar app kept one of them."""
    from edcal.errors import InputErrors
    from helpers import PARIS_CALENDAR, calendar_from, plan_of

    with pytest.raises(InputErrors) as caught:
        plan_of(calendar_from(PARIS_CALENDAR + "key_dates:\n  - {id: salon-linkedin, name: Salon, on: 2027-03-10}\n"
                              "posts:\n  - {id: key-date-salon, networks: [linkedin], at: 2027-03-09 09:00, text: A}\n"))
    assert [e.format() for e in caught.value.errors] == [
        "calendar.yaml:12:5: error: the item id 'key-date-salon-linkedin' is that of the key date 'salon-linkedin' in "
        "the feeds (at calendar.yaml:10)\n    hint: give the entry an `id:` that does not start with 'key-date-'"]


def test_a_reminder_that_has_rung_is_left_out_and_the_event_is_stamped_then() -> None:
    """A post at 09:00 built at 08:45 kept its 30-minute reminder, which had rung at 08:30; a deadline's
    (the day before at 09:00) stayed after 09:00. The event changed then, and its DTSTAMP says so."""
    from helpers import PARIS_CALENDAR, calendar_from, plan_of

    calendar = calendar_from(PARIS_CALENDAR + "feeds:\n  reminders: {people: 30 minutes}\n"
                             "ideas:\n  - {title: Idée, owner: ana, draft_due: 2027-01-22}\n"
                             "posts:\n  - {id: bientot, at: 2027-01-21 09:00, networks: [x], text: A, owner: ana}\n")

    def ana(now: str) -> str:
        return _feed_text(plan_of(calendar, now=now), "people", "ana")

    assert ana("2027-01-21T08:15:00+01:00").count("BEGIN:VALARM") == 2
    early = ana("2027-01-21T08:45:00+01:00")  # the post's rang at 08:30
    assert early.count("BEGIN:VALARM") == 1 and "DTSTAMP:20270121T073000Z" in early
    late = ana("2027-01-21T10:00:00+01:00")  # the deadline's rang at 09:00, the day before it
    assert "BEGIN:VALARM" not in late and "DTSTAMP:20270121T080000Z" in late
    # Without reminders, the same events keep the inputs' time.
    assert "DTSTAMP:20270121" not in _feed_text(plan_of(calendar, now="2027-01-21T08:45:00+01:00"))


def test_a_deadline_is_stamped_when_its_article_went_out() -> None:
    """It reads 'publié' from the article's publication: its DTSTAMP stayed the inputs' time."""
    from helpers import PARIS_CALENDAR, article, calendar_from, plan_of

    calendar = calendar_from(PARIS_CALENDAR)
    plan = plan_of(calendar, [article("sorti", "2027-01-12T09:00", calendar, draft_due=dt.date(2027, 1, 5))],
                   now="2027-01-12T10:00:00+01:00")
    deadline = next(e for e in _feed_text(plan).split("BEGIN:VEVENT") if "Remise du texte" in e)
    assert "Statut\u00a0: publié" in deadline and "DTSTAMP:20270112T080000Z" in deadline, deadline


def test_a_feed_with_nothing_in_it_is_still_a_valid_calendar() -> None:
    """RFC 5545 asks a calendar for one component at least: a person with nothing planned had none."""
    from helpers import PARIS_CALENDAR, calendar_from, plan_of

    text = _feed_text(plan_of(calendar_from(PARIS_CALENDAR)), "people", "ana")
    assert "BEGIN:VEVENT" not in text and "BEGIN:VTIMEZONE\r\nTZID:UTC\r\n" in text
    IcsCalendarStream.calendar_from_ics(text)  # the strictest of the parsers
    assert icalendar.Calendar.from_ical(text).walk("VTIMEZONE")


def test_a_feed_that_did_not_change_keeps_its_modification_time(tmp_path: Path) -> None:
    """Servers derive Last-Modified (nginx its ETag) from it: every rebuild made every subscriber's app
    download every feed again, where a '304 Not Modified' would do."""
    import os

    site = build(make_site(tmp_path / "site"))
    feed, plan = site / "planning" / "calendar.ics", site / "planning" / "plan.json"
    os.utime(feed, (1_700_000_000, 1_700_000_000))
    build(site)
    assert feed.stat().st_mtime == 1_700_000_000 and plan.stat().st_mtime > 1_700_000_000
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace("Bonjour le monde", "Bonjour"), encoding="utf-8")
    build(site)
    assert feed.stat().st_mtime > 1_700_000_000


def test_an_ideas_target_date_does_not_ring_and_its_deadline_does() -> None:
    """An idea's date is when its article could appear, not a task: it rang the day before like a deadline."""
    from helpers import PARIS_CALENDAR, calendar_from, plan_of

    calendar = calendar_from(PARIS_CALENDAR + "feeds:\n  reminders: {people: 30 minutes}\n"
                             "ideas:\n  - {title: Verrière, owner: ana, publish: 2027-02-10, draft_due: 2027-02-01}\n")
    events = {e.split("SUMMARY:")[1].split("\r\n")[0]: e
              for e in _feed_text(plan_of(calendar, now="2027-01-21T08:00:00+01:00"), "people", "ana")
              .split("BEGIN:VEVENT")[1:]}
    assert len(events) == 2, events.keys()
    idea = next(e for summary, e in events.items() if "Remise du texte" not in summary)
    deadline = next(e for summary, e in events.items() if "Remise du texte" in summary)
    assert "BEGIN:VALARM" not in idea and "BEGIN:VALARM" in deadline


def test_a_french_title_keeps_its_colon_on_its_line_in_the_feeds_and_an_english_one_is_left_as_typed() -> None:
    """The blog and the drafts gave "Salon Industrie : J-7" a no-break space; the feeds' SUMMARY a plain one,
    and a month view broke the line before the colon."""
    from edcal.outputs.ics import EventWriter
    from helpers import article, calendar_from, plan_of

    calendar = calendar_from("version: 1\ntimezone: Europe/Paris\nnetworks:\n  linkedin: {}\n"
                             "key_dates:\n  - {id: salon, name: 'Salon : Lyon', on: 2027-03-16}\nposts:\n"
                             "  - {id: j-7, networks: [linkedin], at: 2027-03-09 09:00, "
                             "title: 'Salon Industrie : J-7', text: 'Salon : J-7 !'}\n")
    english = article("why", "2027-03-10 09:00", calendar, title="Why a blog: two answers ?", lang="en")
    plan = plan_of(calendar, [english])
    writer = EventWriter(plan)
    items = {item.id: item for item in plan.items}
    post = items["j-7-linkedin"]
    assert writer.summary(post) == "[LinkedIn] Salon Industrie\u00a0: J-7"
    assert "SUMMARY:[LinkedIn] Salon Industrie\u00a0: J-7\r\n" in writer.event(post).decode()
    # The title itself, and the draft's text and length, are as they were (the text was spaced by the drafts).
    assert post.title == "Salon Industrie : J-7" and post.text == "Salon\u00a0: J-7\u00a0!" and post.length == 13
    shown = next(writer.summary(item) for item in plan.items if item.kind == "article")
    assert shown == "[Blog] Why a blog: two answers ?"  # English: no French spacing
    assert "SUMMARY:◆ Salon\u00a0: Lyon\r\n" in writer.key_date(calendar.key_dates["salon"]).decode()


def test_an_events_description_names_each_image_of_a_carousel_in_order() -> None:
    from edcal.outputs.ics import EventWriter
    from helpers import PARIS_CALENDAR, calendar_from, plan_of

    calendar = calendar_from(PARIS_CALENDAR + "posts:\n  - id: c\n    at: 2027-01-12 09:00\n    networks: [linkedin]\n"
                             "    text: Le salon\n    images: [{image: images/3.png, alt: Le stand}, images/1.png,"
                             " {image: images/2.png, alt: L'atelier}]\n")
    plan = plan_of(calendar, now="2027-01-05T00:00:00+01:00")
    (post,) = [item for item in plan.items if item.id == "c-linkedin"]
    lines = [line for line in EventWriter(plan).description(post).splitlines() if line.startswith("Image")]
    assert lines == ["Image\u00a0: images/3.png — Texte alternatif\u00a0: Le stand", "Image\u00a0: images/1.png",
                     "Image\u00a0: images/2.png — Texte alternatif\u00a0: L'atelier"]


def _plan_in_zone(calendar: object, now: str) -> object:
    """A plan whose "now" is in the site's zone, as the command line pins it (`clock.now`): plan_of's
    fixed offset hid the wall-clock arithmetic of two times in one zone."""
    from edcal.plan.resolve import resolve_plan
    from helpers import SITE, composer

    instant = dt.datetime.fromisoformat(now).astimezone(calendar.zone)  # type: ignore[attr-defined]
    return resolve_plan(calendar, [], now=instant, generated_at=dt.datetime(2027, 1, 1, tzinfo=dt.UTC),  # type: ignore[arg-type]
                        site=SITE, composer=composer(calendar=calendar))  # type: ignore[arg-type]


def test_a_reminder_rings_its_delay_before_the_post_across_a_change_of_clocks() -> None:
    """A 45-minute reminder was taken off the wall clock: for a post at 02:30 (the second one, +01:00) on the
    night the clocks go back, it counted as rung at 01:45 +02:00, an hour early, and a build then left it
    out; for a post at 03:30 on the night they go forward, at a 02:45 that does not exist, read an hour late.
    TRIGGER:-PT45M is elapsed time (RFC 5545, 3.3.6), and so is when it rings."""
    from edcal.plan.feeds import changes
    from helpers import PARIS_CALENDAR, calendar_from

    calendar = calendar_from(PARIS_CALENDAR + "feeds:\n  reminders: {people: 45 minutes}\nposts:\n"
                             "  - {id: recul, at: '2027-10-31 02:30+01:00', networks: [x], text: A, owner: ana}\n"
                             "  - {id: avance, at: '2027-03-28 03:30', networks: [x], text: B, owner: ana}\n")

    def alarms(now: str) -> int:
        return _feed_text(_plan_in_zone(calendar, now), "people", "ana").count("BEGIN:VALARM")

    # Back: the post is at 01:30 UTC, its reminder at 00:45 UTC (02:45 +02:00, the first 02:45).
    assert alarms("2027-10-30T23:50:00+00:00") == 1  # 01:50 +02:00: 55 minutes to go
    assert alarms("2027-10-31T00:50:00+00:00") == 0
    # Forward: the post is at 01:30 UTC (03:30 +02:00), its reminder at 00:45 UTC (01:45 +01:00).
    assert alarms("2027-03-28T00:40:00+00:00") == 2
    assert alarms("2027-03-28T00:50:00+00:00") == 1  # rang 5 minutes ago
    after = dt.datetime(2027, 3, 27, 12, tzinfo=dt.UTC)
    moments = sorted(m.astimezone(dt.UTC) for m in changes(_plan_in_zone(calendar, after.isoformat()), after))
    assert [f"{m:%Y-%m-%d %H:%M}" for m in moments if m.year == 2027] == [
        "2027-03-28 00:45", "2027-03-28 01:30", "2027-10-31 00:45", "2027-10-31 01:30"]


def test_an_idea_for_posts_is_in_its_networks_feeds_not_the_blogs() -> None:
    """A dated idea for a LinkedIn post was "[Blog] Portrait (idée)" in blog.ics, and in no LinkedIn feed."""
    from edcal.outputs.ics import EventWriter
    from edcal.plan.feeds import feeds
    from helpers import PARIS_CALENDAR, calendar_from, plan_of

    plan = plan_of(calendar_from(PARIS_CALENDAR + "ideas:\n  - {title: Portrait, networks: [linkedin, x], "
                                 "publish: 2027-03-10}\n  - {title: Article, publish: 2027-03-11}\n"))
    held = {f.key: [i.title for i in f.items] for f in feeds(plan)}
    assert held["linkedin"] == held["x"] == ["Portrait"]
    assert held["blog"] == ["Article"] and held["mastodon"] == []
    (idea,) = [i for i in plan.items if i.title == "Portrait"]
    assert EventWriter(plan).summary(idea) == "[LinkedIn, X] Portrait (idée)"


def _away_plan(stand_in: str = ", stand_in: ben") -> object:
    """Ana is away the week of 8 March 2027, Ben stands in: her posts of that week, before it, after it (the
    first minutes of the 13th in Paris are still the 12th in UTC), and one of Ben's own."""
    from helpers import calendar_from, plan_of

    return plan_of(calendar_from(_away_calendar(stand_in)), now="2027-02-15T10:00:00+01:00")


def _away_calendar(stand_in: str = ", stand_in: ben") -> str:
    from helpers import PARIS_CALENDAR

    text = PARIS_CALENDAR.replace("{id: ana, name: Ana}", "{id: ana, name: Ana, away: [{from: 2027-03-08, until: "
                                  "2027-03-12, reason: Congés" + stand_in + "}]}\n  - {id: ben, name: Ben}")
    text += ("posts:\n"
             "  - {id: pendant, at: 2027-03-10 09:00, networks: [linkedin], text: Pendant, owner: ana}\n"
             "  - {id: dernier, at: 2027-03-12 23:30, networks: [x], text: Dernier soir, owner: ana}\n"
             "  - {id: avant, at: 2027-03-05 09:00, networks: [linkedin], text: Avant, owner: ana}\n"
             "  - {id: apres, at: 2027-03-13 00:30, networks: [x], text: Après, owner: ana}\n"
             "  - {id: lui, at: 2027-03-09 09:00, networks: [x], text: Le sien, owner: ben}\n")
    return text


def _absence_events(text: str) -> list[icalendar.Event]:
    return [e for e in icalendar.Calendar.from_ical(text).walk("VEVENT") if "Absence" in str(e["CATEGORIES"].cats)]


def test_an_absence_is_a_free_all_day_event_in_the_whole_plan_and_the_two_peoples_feeds() -> None:
    """A community manager saw nobody's holidays in their calendar app, nor who was to post meanwhile."""
    import uuid

    from edcal.outputs.ics import namespace

    plan = _away_plan()
    whole = _feed_text(plan)
    (absence,) = _absence_events(whole)
    assert str(absence["SUMMARY"]) == "Absence\u00a0: Ana — Congés"
    assert str(absence["TRANSP"]) == "TRANSPARENT"
    # All day: DATE values, the end exclusive (the day after the last day away).
    assert absence["DTSTART"].dt == dt.date(2027, 3, 8) and not isinstance(absence["DTSTART"].dt, dt.datetime)
    assert absence["DTEND"].dt == dt.date(2027, 3, 13) and not isinstance(absence["DTEND"].dt, dt.datetime)
    assert "VALUE=DATE" in whole.split("SUMMARY:Absence")[0].rsplit("BEGIN:VEVENT", 1)[1]
    assert str(absence["DESCRIPTION"]).splitlines()[0].replace("\u00a0", " ") == "Relais : Ben"
    assert not absence.walk("VALARM")
    # Its UID: the person and its first day, stable across builds and edits of its reason or end.
    assert str(absence["UID"]) == str(uuid.uuid5(namespace(plan), "absence:ana:2027-03-08"))  # type: ignore[arg-type]
    assert _feed_text(_away_plan()) == whole
    for person in ("ana", "ben"):
        (same,) = _absence_events(_feed_text(plan, "people", person))
        assert str(same["UID"]) == str(absence["UID"])
    # Not in the feeds of posts: the networks', the blog's.
    for family, key in (("networks", "linkedin"), ("networks", "x"), ("blog", "blog")):
        assert "Absence" not in _feed_text(plan, family, key), (family, key)
    # Without a stand-in, the description says so, and the other person's feed has no absence.
    alone = _away_plan("")
    (unstood,) = _absence_events(_feed_text(alone))
    assert "stand_in:" in str(unstood["DESCRIPTION"])
    assert _absence_events(_feed_text(alone, "people", "ben")) == []


def test_the_stand_ins_feed_holds_the_posts_of_the_absence_marked_for_whom() -> None:
    """Ben was to post Ana's posts while she was away, and his calendar did not show them."""
    plan = _away_plan()
    ben = {str(e["SUMMARY"]): e for e in icalendar.Calendar.from_ical(_feed_text(plan, "people", "ben"))
           .walk("VEVENT")}
    # Her posts of the absence's days (in Paris: 23:30 on the 12th is one), not those before or after it.
    assert sorted(ben) == ["Absence\u00a0: Ana — Congés", "[X] Le sien", "[pour Ana] [LinkedIn] Pendant",
                           "[pour Ana] [X] Dernier soir"]
    whole = {str(e["UID"]): e for e in icalendar.Calendar.from_ical(_feed_text(plan)).walk("VEVENT")}
    assert str(whole[str(ben["[pour Ana] [LinkedIn] Pendant"]["UID"])]["SUMMARY"]) == "[LinkedIn] Pendant"  # one event
    ana = [str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(_feed_text(plan, "people", "ana")).walk("VEVENT")]
    assert "[LinkedIn] Pendant" in ana and "[X] Après" in ana and not any(s.startswith("[pour") for s in ana)
    # Without a stand-in, nobody else's feed gets them.
    assert "Pendant" not in _feed_text(_away_plan(""), "people", "ben")
    # A stand-in away on one of those days gets that day's posts no more (owner-away: nobody stands in).
    from helpers import calendar_from, plan_of

    calendar = _away_calendar().replace("{id: ben, name: Ben}",
                                        "{id: ben, name: Ben, away: [{from: 2027-03-10, until: 2027-03-10}]}")
    ben_away = [str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(
        _feed_text(plan_of(calendar_from(calendar), now="2027-02-15T10:00:00+01:00"), "people", "ben"))
        .walk("VEVENT")]
    assert "[pour Ana] [X] Dernier soir" in ben_away and not any("Pendant" in s for s in ben_away), ben_away


def test_the_stand_ins_reminder_says_for_whom_as_the_event_does() -> None:
    """Julien's phone rang "[LinkedIn] L'astuce du jeudi" for an event titled "[pour Malik Haddad] [LinkedIn]
    L'astuce du jeudi": the reminder, the one line a phone shows, lost for whom he was to post it."""
    from helpers import calendar_from, plan_of

    calendar = _away_calendar() + "feeds:\n  reminders: {people: 30 minutes, calendar: 1 hour}\n"
    plan = plan_of(calendar_from(calendar), now="2027-02-15T10:00:00+01:00")
    whole = _feed_text(plan)  # first: the event's alarm written once for the whole plan, then Ben's feed
    ben = icalendar.Calendar.from_ical(_feed_text(plan, "people", "ben")).walk("VEVENT")
    rings = {str(e["SUMMARY"]): [str(a["DESCRIPTION"]) for a in e.walk("VALARM")] for e in ben}
    assert rings["[pour Ana] [LinkedIn] Pendant"] == ["[pour Ana] [LinkedIn] Pendant"], rings
    assert rings["[pour Ana] [X] Dernier soir"] == ["[pour Ana] [X] Dernier soir"], rings
    assert rings["[X] Le sien"] == ["[X] Le sien"], rings
    # Elsewhere the same event and its reminder stay unmarked: Ana's feed, the whole plan's.
    for text in (whole, _feed_text(plan, "people", "ana")):
        (pendant,) = [e for e in icalendar.Calendar.from_ical(text).walk("VEVENT") if "Pendant" in str(e["SUMMARY"])]
        assert [str(a["DESCRIPTION"]) for a in pendant.walk("VALARM")] == ["[LinkedIn] Pendant"]


@pytest.mark.usefixtures("site_language")
def test_the_build_says_the_feeds_cannot_be_subscribed_to_until_planning_url_is_set(site: Path) -> None:
    """The planning page said "Renseignez planning.url…", but the build's line on the feeds did not: a new
    site's writer saw "flux d'agenda : planning/calendar.ics…" and looked for a subscription link in vain."""
    built = run_edcal("build", cwd=site)
    assert built.returncode == 0, built.stderr
    assert ("flux d'agenda\u00a0: planning/calendar.ics et planning/calendars/, sans abonnement possible tant que "
            "`planning: url:` n'est pas renseigné dans calendar.yaml\u00a0; site du planning\u00a0: "
            "planning/index.html\n") in built.stdout, built.stdout


@pytest.mark.parametrize(("settings", "told"), [
    ("", True),
    ("planning:\n  url: https://planning.example.fr/\n", False),
    ("feeds:\n  publish: calendriers-7f3a\n", False),  # the public copies' addresses are subscribed to
])
def test_the_feeds_line_of_the_build_names_planning_url_only_when_nothing_gives_the_feeds_an_address(
        tmp_path: Path, settings: str, told: bool) -> None:
    from edcal.commands.build import BuildResult, summary
    from edcal.plan.summary import summarize
    from helpers import PARIS_CALENDAR, calendar_from, plan_of

    plan = plan_of(calendar_from(PARIS_CALENDAR + settings))
    lines = summary(BuildResult(summarize(plan), tmp_path / "output", tmp_path / "planning"), tmp_path)
    feeds = next(line for line in lines if line.startswith("feeds: "))
    assert ("until `planning: url:` is set" in feeds) is told, feeds


def test_a_video_or_a_pins_event_gives_its_title_to_paste_in_the_networks_title_field() -> None:
    """YouTube and Pinterest ask a title beside the text (`title_limit`): the event gave it only in its SUMMARY,
    behind "[YouTube]" and with French spacing, so a community manager posting from a phone retyped it."""
    from edcal.outputs.ics import EventWriter
    from helpers import PARIS_CALENDAR, calendar_from, plan_of

    calendar = calendar_from(PARIS_CALENDAR + "  youtube: {}\nposts:\n  - id: v\n    title: \"Vidéo : la visite\"\n"
                             "    at: 2027-01-12 09:00\n    networks: [youtube, linkedin]\n"
                             "    text: Trois minutes dans l'atelier.\n    video: videos/visite.mp4\n")
    plan = plan_of(calendar, now="2027-01-05T00:00:00+01:00")
    posts = {item.network: item for item in plan.items if item.kind == "post"}
    writer = EventWriter(plan)
    assert writer.description(posts["youtube"]).startswith(
        "Titre\u00a0:\nVidéo : la visite\n\nTrois minutes dans l'atelier.\n\n")  # as written, as it is counted
    assert "Titre" not in writer.description(posts["linkedin"])  # LinkedIn asks no title


def test_an_event_gives_its_time_in_the_sites_zone_for_a_scheduler_set_there() -> None:
    """Léa, in Montréal, saw the post at 03:00 in her calendar: the right moment, but the scheduler she sets
    keeps the site's zone, Paris, and the event wrote no Paris time. Among the lines for her, after the
    network, it gives the time and its day there, and which zone's they are: a post at 00:30 in Paris is the
    evening before where she is."""
    from edcal.outputs.ics import EventWriter
    from helpers import PARIS_CALENDAR, calendar_from, plan_of

    calendar = calendar_from(PARIS_CALENDAR + "posts:\n"
                             "  - {id: matin, at: 2027-03-10 09:00, networks: [linkedin], text: Bonjour}\n"
                             "  - {id: nuit, at: 2027-03-01 00:30, networks: [x], text: Minuit passé}\n")
    plan = plan_of(calendar, now="2027-02-15T10:00:00+01:00")
    writer = EventWriter(plan)
    posts = {item.id: writer.description(item).replace("\u00a0", " ").splitlines() for item in plan.items}
    matin = posts["matin-linkedin"]
    assert matin[matin.index("Réseau : LinkedIn") + 1] == "Heure : 09:00, mercredi 10 mars 2027 (heure de Paris)"
    assert "Heure : 00:30, lundi 1er mars 2027 (heure de Paris)" in posts["nuit-x"]
    # The zone's city, in the site's language: an English site's, the same moment.
    english = EventWriter(dataclasses.replace(plan, lang="en"))
    (said,) = [line for line in english.description(plan.items[0]).splitlines() if line.startswith("Time:")]
    assert said == "Time: 00:30, Monday 1 March 2027 (Paris time)"


#: A Paris site with a Québec account on Montréal's clock (`timezone:`), and its public holidays.
QUEBEC_ACCOUNT = """\
version: 1
timezone: Europe/Paris
country: FR
planning: {url: "https://plan.example.fr/"}
networks:
  linkedin: {slots: [tue 09:00]}
  linkedin-qc: {like: linkedin, name: LinkedIn Québec, timezone: America/Montreal, slots: [tue 09:00],
                country: CA, subdivision: QC}
posts:
  - id: mardi-quebec
    networks: [linkedin-qc]
    repeat: {every: week, on: tue, at: "09:00", from: 2027-03-02, until: 2027-11-30}
    text: Bonjour le Québec !
  - {id: lancement, networks: [linkedin, linkedin-qc], at: "2027-03-16 09:00", text: Le lancement}
  - {id: automne, networks: [linkedin, linkedin-qc], at: "2027-11-16 09:00", text: L'automne}
"""


def test_an_accounts_times_are_its_own_clock_in_plan_feeds_and_the_heure_line(tmp_path: Path) -> None:
    """A Paris site wrote its Montréal account's hours in Paris time: 15:00 went out at 10:00 in Montréal in the
    weeks when North America had changed its clocks and Europe not. With `timezone:` on the network, 09:00 is
    09:00 in Montréal every week; the plan and the feeds keep instants, the *Heure :* line gives both clocks."""
    site = tmp_path / "site"
    (site / "content" / "articles").mkdir(parents=True)
    (site / "calendar.yaml").write_text(QUEBEC_ACCOUNT, encoding="utf-8")
    write_pelicanconf(site)
    build(site)
    plan = load_plan(site)
    jsonschema.validate(plan, json.loads((Path(__file__).parents[1] / "docs" / "plan.schema.json").read_text(
        encoding="utf-8")))
    # The account's zone, for a script scheduling on its clock; a network on the site's has none.
    networks = {network["id"]: network for network in plan["networks"]}
    assert networks["linkedin-qc"]["timezone"] == "America/Montreal" and "timezone" not in networks["linkedin"]
    starts = {item["id"]: item["start"] for item in plan["items"]}
    # Montréal's 09:00, in Paris time: 15:00 but in the weeks the clocks disagree (14-28 March, 31 October-7
    # November 2027), 14:00.
    assert starts["mardi-quebec-linkedin-qc-20270309"] == "2027-03-09T15:00:00+01:00"
    assert starts["mardi-quebec-linkedin-qc-20270316"] == "2027-03-16T14:00:00+01:00"
    assert starts["mardi-quebec-linkedin-qc-20270323"] == "2027-03-23T14:00:00+01:00"
    assert starts["mardi-quebec-linkedin-qc-20270330"] == "2027-03-30T15:00:00+02:00"
    assert starts["mardi-quebec-linkedin-qc-20271102"] == "2027-11-02T14:00:00+01:00"
    # One entry on two accounts: 09:00 on each one's clock, five hours apart in the gap weeks, six else.
    assert starts["lancement-linkedin"] == "2027-03-16T09:00:00+01:00"
    assert starts["lancement-linkedin-qc"] == "2027-03-16T14:00:00+01:00"
    assert starts["automne-linkedin-qc"] == "2027-11-16T15:00:00+01:00"
    feed = {item_id(event): event for event in events(site / "planning" / "calendars" / "linkedin-qc.ics")}
    for item, utc in (("mardi-quebec-linkedin-qc-20270316", dt.datetime(2027, 3, 16, 13, tzinfo=dt.UTC)),
                      ("mardi-quebec-linkedin-qc-20270309", dt.datetime(2027, 3, 9, 14, tzinfo=dt.UTC)),
                      ("mardi-quebec-linkedin-qc-20271102", dt.datetime(2027, 11, 2, 13, tzinfo=dt.UTC))):
        assert feed[item]["DTSTART"].dt == utc
    description = str(feed["mardi-quebec-linkedin-qc-20270316"]["DESCRIPTION"])
    assert ("Heure\u00a0: 14:00, mardi 16 mars 2027 (heure de Paris)\u00a0; heure du compte\u00a0: 09:00 (heure "
            "de Montréal)\n") in description
    # The drafts review's card of the post: its Paris time, and the account's beside it.
    review = (site / "planning" / "drafts" / "2027-03.html").read_text(encoding="utf-8")
    card = review[review.index('id="item-lancement-linkedin-qc"'):]
    assert '>14:00</time> <span class="account-time">09:00 pour le compte (heure de Montréal)</span>' in card
    assert "account-time" not in review[review.index('id="item-lancement-linkedin"'):][:600]
    paris = {item_id(event): event for event in events(site / "planning" / "calendars" / "linkedin.ics")}
    assert "Heure\u00a0: 09:00, mardi 16 mars 2027 (heure de Paris)\n" in str(paris["lancement-linkedin"]["DESCRIPTION"])


def test_plan_json_names_an_accounts_zone_only_when_its_clock_is_not_the_sites(tmp_path: Path) -> None:
    """plan.json gave `networks[].timezone` to a network whose `timezone:` is the site's own (Europe/Paris on a
    Paris site), although it keeps the site's clock: a script reading the field as "schedule this account on
    another clock" had nothing to do. The field is there only when the account's clock is another."""
    site = tmp_path / "site"
    (site / "content" / "articles").mkdir(parents=True)
    (site / "calendar.yaml").write_text(QUEBEC_ACCOUNT.replace(
        "  linkedin: {slots: [tue 09:00]}", "  linkedin: {slots: [tue 09:00], timezone: Europe/Paris}"),
        encoding="utf-8")
    write_pelicanconf(site)
    build(site)
    networks = {network["id"]: network for network in load_plan(site)["networks"]}
    assert networks["linkedin-qc"]["timezone"] == "America/Montreal"
    assert "timezone" not in networks["linkedin"], networks["linkedin"]


def test_the_build_says_which_zone_a_zoned_accounts_hootsuite_file_is_in(tmp_path: Path) -> None:
    """planning/exports/hootsuite-linkedin-qc.csv gives the Montréal account's wall times, and only `edcal export
    hootsuite --network linkedin-qc` said to set Hootsuite to that zone: the build counted "notes", and whoever
    uploaded the build's file with Hootsuite set to Paris time had the posts out six hours late. The build says it,
    once for that file; LinkedIn's, on the site's clock, is not named."""
    site = tmp_path / "site"
    (site / "content" / "articles").mkdir(parents=True)
    (site / "calendar.yaml").write_text(QUEBEC_ACCOUNT, encoding="utf-8")
    write_pelicanconf(site)
    result = run_edcal("build", cwd=site, env={"EDCAL_NOW": "2027-03-01T10:00"})
    assert result.returncode == 0, result.stdout + result.stderr
    told = [line for line in result.stdout.splitlines() if "set Hootsuite to that zone" in line]
    assert told == ["  planning/exports/hootsuite-linkedin-qc.csv: times are LinkedIn Québec's, on its "
                    "account's clock (Montreal time: its `timezone:` America/Montreal), not the site's: set Hootsuite to that "
                    "zone to upload them"], result.stdout


def test_a_zoned_accounts_draft_sidecar_gives_its_accounts_time_too(tmp_path: Path) -> None:
    """A draft's sidecar gave the site's time alone: a script posting the Montréal account's drafts through its
    API had to know the account's zone to say "09:00". The sidecar of a post on another clock adds `timezone`
    and `scheduled_account`; its file name (the site's time, a stable address) and the others' fields are
    unchanged."""
    site = tmp_path / "site"
    (site / "content" / "articles").mkdir(parents=True)
    (site / "calendar.yaml").write_text(QUEBEC_ACCOUNT, encoding="utf-8")
    write_pelicanconf(site)
    build(site)
    drafts = site / "planning" / "drafts"
    quebec = json.loads((drafts / "linkedin-qc" / "2027-03-16T1400-lancement-linkedin-qc.json").read_text(
        encoding="utf-8"))
    assert (quebec["scheduled"], quebec["scheduled_utc"], quebec["timezone"], quebec["scheduled_account"]) == (
        "2027-03-16T14:00:00+01:00", "2027-03-16T13:00:00Z", "America/Montreal", "2027-03-16T09:00:00-04:00")
    paris = json.loads((drafts / "linkedin" / "2027-03-16T0900-lancement-linkedin.json").read_text(encoding="utf-8"))
    assert "timezone" not in paris and "scheduled_account" not in paris


CRISIS = ("posts:\n"
          "  - {id: vendredi, at: 2027-01-15 12:30, networks: [linkedin], text: Portrait, owner: ana}\n"
          "  - {id: samedi, at: 2027-01-16 09:00, networks: [x], text: Chantier}\n"
          "  - {id: apres, at: 2027-01-19 09:00, networks: [x], text: Après}\n")


def _freeze_event(feed: str) -> str | None:
    """The freeze's VEVENT in a feed's text (unfolded), or None."""
    return next((event for event in feed.split("BEGIN:VEVENT")[1:] if "CATEGORIES:Gel des publications\r\n" in event), None)


def test_a_freeze_in_force_shows_in_the_feeds_it_empties() -> None:
    """A crisis morning: the withheld posts left the feeds without a trace, and a team that lives in its calendar
    app could not see that a freeze was in force, nor why. One event over the window says it, in the feeds of the
    networks it covers and of the people whose posts it withholds."""
    import uuid

    from edcal.outputs.ics import namespace
    from helpers import PARIS_CALENDAR, calendar_from, plan_of

    text = PARIS_CALENDAR + CRISIS + ("freeze:\n  - {from: 2027-01-14 07:40, until: 2027-01-16 18:00, "
                                      "reason: \"Bad buzz : on suspend tout\"}\n")
    plan = plan_of(calendar_from(text), now="2027-01-14T07:40:00+01:00")
    event = _freeze_event(_feed_text(plan))
    assert event is not None
    assert "SUMMARY:Gel des publications\u00a0: Bad buzz\u00a0: on suspend tout\r\n" in event
    assert "DTSTART:20270114T064000Z\r\nDTEND:20270116T170000Z\r\n" in event  # timed, as written, in UTC
    assert "TRANSP:TRANSPARENT\r\n" in event and "VALARM" not in event
    assert f"UID:{uuid.uuid5(namespace(plan), 'freeze:20270114T0740')}\r\n" in event
    description = icalendar.Calendar.from_ical(_feed_text(plan).encode()).walk("VEVENT")[-1]["DESCRIPTION"]
    assert "Du jeudi 14 janvier 2027 à 07:40 au samedi 16 janvier 2027 à 18:00." in description
    assert "Motif\u00a0: Bad buzz : on suspend tout" in description
    assert "Il retient 2 publications (1 sur LinkedIn, 1 sur X)" in description, description
    assert "vendredi 15 janvier 2027 12:30 · LinkedIn · Portrait · vendredi" in description, description
    # Every network's feed (it names none), the blog's (articles wait), and Ana's (her post is withheld).
    for family, key in (("networks", "linkedin"), ("networks", "x"), ("networks", "mastodon"), ("blog", None),
                        ("people", "ana")):
        assert _freeze_event(_feed_text(plan, family, key)) == event, (family, key)
    # The reason edited, the event is the same one (its UID from the freeze's start, as the ambassadors' feed's).
    edited = plan_of(calendar_from(text.replace("Bad buzz", "Crise")), now="2027-01-14T07:40:00+01:00")
    assert re.search(r"UID:\S+", _freeze_event(_feed_text(edited)) or "")[0] == re.search(r"UID:\S+", event)[0]


def test_a_freeze_of_days_until_further_notice_is_all_day_up_to_the_last_post_it_withholds() -> None:
    from helpers import PARIS_CALENDAR, calendar_from, plan_of

    text = PARIS_CALENDAR + CRISIS + "freeze:\n  - {from: 2027-01-15, networks: [x], reason: Migration}\n"
    plan = plan_of(calendar_from(text), now="2027-01-14T07:40:00+01:00")
    event = _freeze_event(_feed_text(plan, "networks", "x"))
    assert event is not None
    assert "SUMMARY:Gel des publications sur X jusqu'à nouvel ordre\u00a0: Migration\r\n" in event
    # Its first day to the day of the last post it withholds, DTEND exclusive.
    assert "DTSTART;VALUE=DATE:20270115\r\nDTEND;VALUE=DATE:20270120\r\n" in event
    assert _freeze_event(_feed_text(plan)) == event
    # Not LinkedIn's, nor the blog's (a freeze of some networks leaves it alone), nor Ana's (none of hers).
    for family, key in (("networks", "linkedin"), ("blog", None), ("people", "ana")):
        assert _freeze_event(_feed_text(plan, family, key)) is None, (family, key)


def test_a_freeze_leaves_the_feeds_with_the_past_and_its_reason_stays_out_of_public_copies() -> None:
    from edcal.outputs.ics import EventWriter, serialise
    from edcal.plan.feeds import feeds
    from helpers import PARIS_CALENDAR, calendar_from, plan_of

    freeze = "freeze:\n  - {from: 2027-01-14 07:40, until: 2027-01-16 18:00, reason: Bad buzz}\n"
    for setting, kept in (("", True), ("feeds: {past: 1 month}\n", False)):
        plan = plan_of(calendar_from(PARIS_CALENDAR + CRISIS + setting + freeze), now="2027-03-01T12:00:00+01:00")
        assert (_freeze_event(_feed_text(plan)) is not None) is kept, setting
    plan = plan_of(calendar_from(PARIS_CALENDAR + CRISIS + freeze), now="2027-01-14T07:40:00+01:00")
    public = serialise(feeds(plan)[0], plan, EventWriter(plan), published=True).decode().replace("\r\n ", "")
    event = _freeze_event(public)
    assert event is not None and "SUMMARY:Gel des publications\r\n" in event and "Bad buzz" not in public
    # Nor the withheld posts' titles: nothing withheld reaches the public site.
    assert "Il retient 2 publications" in event and "Portrait" not in public and "Chantier" not in public


def test_a_crisis_morning_freeze_is_in_the_sample_feeds_on_its_days(tmp_path: Path) -> None:
    """The sample site, a freeze declared at 07:40: its event parses with every parser, and a real client lists it
    on its day."""
    site = tmp_path / "sample"
    copy_sample(site)
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace(
        "freeze:\n", "freeze:\n  - from: 2027-01-14 07:40\n    reason: \"Bad buzz : on suspend tout\"\n", 1),
        encoding="utf-8")
    result = run_edcal("build", cwd=site, env={**ENV, "EDCAL_NOW": "2027-01-14T07:40+01:00"})
    assert result.returncode == 0, result.stderr
    feed = site / "planning" / "calendar.ics"
    data = feed.read_bytes()
    parsed = vobject.readOne(data.decode("utf-8"), validate=True)
    summaries = [e.summary.value for e in parsed.vevent_list if e.summary.value.startswith("Gel des publications")]
    assert "Gel des publications jusqu'à nouvel ordre\u00a0: Bad buzz\u00a0: on suspend tout" in summaries, summaries
    IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))
    _vdir, listing = khal_import(feed, tmp_path)
    for day in ("2027-01-14", "2027-01-20"):
        assert "Gel des publications jusqu'à nouvel ordre" in listing(day), day
    assert "Gel des publications" not in listing("2027-06-01")  # after the last post it withholds
    again = run_edcal("build", cwd=site, env={**ENV, "EDCAL_NOW": "2027-01-14T07:40+01:00"})
    assert again.returncode == 0 and feed.read_bytes() == data  # deterministic


def test_overlapping_freezes_each_count_the_posts_in_their_own_window() -> None:
    """A freeze of Mastodon inside a freeze of every network: its event said "Il ne retient aucune publication",
    though Mastodon's posts of its days are withheld (the planning pages' notice gives each post to the first
    freeze that covers it; an event stands alone in a calendar app, and counts the posts of its own window)."""
    from helpers import PARIS_CALENDAR, calendar_from, plan_of

    text = PARIS_CALENDAR + (
        "posts:\n"
        "  - {id: mardi, at: 2027-01-19 09:00, networks: [mastodon, x], text: Mardi}\n"
        "  - {id: jeudi, at: 2027-01-21 09:00, networks: [linkedin], text: Jeudi}\n"
        "freeze:\n"
        "  - {from: 2027-01-14 07:40, reason: Crise}\n"
        "  - {from: 2027-01-19, until: 2027-01-20, networks: [mastodon], reason: Migration}\n")
    plan = plan_of(calendar_from(text), now="2027-01-14T07:40:00+01:00")
    events = {str(e["SUMMARY"]): str(e["DESCRIPTION"])
              for e in icalendar.Calendar.from_ical(_feed_text(plan).encode()).walk("VEVENT")}
    mastodon = events["Gel des publications sur Mastodon\u00a0: Migration"]
    assert "Il retient 1 publication (1 sur Mastodon)" in mastodon, mastodon
    assert "mardi 19 janvier 2027 09:00 · Mastodon · Mardi" in mastodon, mastodon
    whole = events["Gel des publications jusqu'à nouvel ordre\u00a0: Crise"]
    assert "Il retient 3 publications" in whole, whole


def test_a_freezes_event_gives_a_withheld_promotion_no_name_that_would_move_its_article() -> None:
    """The event listed a promotion with the name `edcal move` takes, its article's slug: run, it moved the
    article (online already), not the post the freeze withholds."""
    from helpers import PARIS_CALENDAR, article, calendar_from, plan_of

    calendar = calendar_from(PARIS_CALENDAR + "blog:\n  promote: {networks: [x], schedule: [+1 day]}\n"
                             "freeze:\n  - {from: 2027-01-12 09:40, networks: [x], reason: Crise}\n")
    plan = plan_of(calendar, [article("lancement", "2027-01-12T09:00", calendar, title="Lancement")],
                   now="2027-01-12T10:00:00+01:00")
    [event] = [str(e["DESCRIPTION"]) for e in icalendar.Calendar.from_ical(_feed_text(plan).encode()).walk("VEVENT")
               if str(e["SUMMARY"]).startswith("Gel")]
    assert ("mercredi 13 janvier 2027 09:00 · X · Lancement · elle suit son article : pour l'envoyer, écrivez-la "
            "comme une publication à part, avec at:") in event.replace("\xa0", " "), event

def test_a_lifted_freezes_event_says_what_it_withheld_in_the_past() -> None:
    """Once lifted, the freeze's event said "Il retient 3 publications", where the planning page's notice says "Il a
    retenu": it holds nothing any more."""
    from helpers import PARIS_CALENDAR, calendar_from, plan_of

    text = PARIS_CALENDAR + (
        "posts:\n"
        "  - {id: mardi, at: 2027-01-19 09:00, networks: [mastodon, x], text: Mardi}\n"
        "freeze:\n"
        "  - {from: 2027-01-18 07:40, until: 2027-01-20 10:00, reason: Crise}\n")
    during = plan_of(calendar_from(text), now="2027-01-19T07:40:00+01:00")
    events = [str(e["DESCRIPTION"]) for e in icalendar.Calendar.from_ical(_feed_text(during).encode()).walk("VEVENT")
              if str(e["SUMMARY"]).startswith("Gel")]
    assert "Il retient 2 publications (1 sur Mastodon, 1 sur X)" in events[0], events
    lifted = plan_of(calendar_from(text), now="2027-01-21T10:00:00+01:00")
    events = [str(e["DESCRIPTION"]) for e in icalendar.Calendar.from_ical(_feed_text(lifted).encode()).walk("VEVENT")
              if str(e["SUMMARY"]).startswith("Gel")]
    assert "Il a retenu 2 publications (1 sur Mastodon, 1 sur X) : elles ne sont pas dans les flux." in \
        events[0].replace("\xa0", " "), events
