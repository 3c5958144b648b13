"""The sample site that `make build` builds: it must show every feature, and build cleanly."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import textwrap
from collections import Counter
from pathlib import Path

import pytest

from conftest import ROOT, copy_sample, items_by_id, load_plan, run_edcal, tree_text

pytestmark = pytest.mark.e2e

SAMPLE_NOW = "2026-11-23T10:00:00+01:00"
#: The moment of the sample's story that `make build` shows, and docs/cli.md with it.
STORY_NOW = "2027-01-12T10:00"


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("sample") / "site"
    copy_sample(target)
    result = run_edcal("build", cwd=target, env={"EDCAL_NOW": SAMPLE_NOW})
    assert result.returncode == 0, result.stderr
    return target


def test_sample_plan_uses_every_feature(sample: Path) -> None:
    plan = load_plan(sample)
    items = plan["items"]
    posts = [i for i in items if i["kind"] == "post"]
    networks = Counter(p["network"] for p in posts)
    # Each network posts several times, but YouTube, which carries the sample's one video.
    assert len(networks) >= 4 and all(count >= 3 for network, count in networks.items() if network != "youtube")
    articles = {i["id"]: i for i in items if i["kind"] == "article"}
    assert len([a for a in articles.values() if not a["id"].endswith("-en")]) >= 8
    statuses = Counter(a["status"] for a in articles.values())
    assert statuses["published"] >= 3 and statuses["scheduled"] >= 2
    assert statuses["draft"] == 1 and statuses["review"] == 1
    assert {i["kind"] for i in items} == {"article", "post", "idea", "deadline"}
    assert any(i["kind"] == "idea" and i["start"] is None for i in items)  # undated backlog
    assert any(p["status"] == "withheld" for p in posts)  # a freeze window
    assert any(p["campaign"] for p in posts)
    assert len([p for p in posts if p["id"].startswith("astuce-du-jeudi-")]) > 10  # recurring
    assert any(p["id"].startswith("salon-industrie-2027-") for p in posts)  # a promotion
    by_id = items_by_id(plan)
    assert by_id["voeux-2027-intranet"]["start"] == "2027-01-04T08:30:00+01:00"
    # A video, on YouTube and as an Instagram Reel, with its cover and French subtitles (calendar.d/videos.yaml).
    for network in ("youtube", "instagram"):
        video = by_id[f"visite-atelier-{network}"]["video"]
        assert (video["path"], video["cover"], video["subtitles"]) == (
            "videos/visite-atelier.mp4", "images/visite-atelier.jpg", "videos/visite-atelier.fr.vtt")
        assert "media" not in by_id[f"visite-atelier-{network}"]
    # Published articles span the recent past, scheduled ones the next three months.
    dates = sorted(a["start"][:10] for a in articles.values() if a["start"])
    assert dates[0] < "2026-11-23" < dates[-1] <= "2027-02-23"


def test_the_sample_plan_matches_its_schema_with_the_targets_a_dashboard_needs(sample: Path) -> None:
    import json

    import jsonschema

    from conftest import ROOT

    plan = load_plan(sample)
    jsonschema.validate(plan, json.loads((ROOT / "docs" / "plan.schema.json").read_text(encoding="utf-8")))
    assert plan["blog"]["cadence"] == "2/month"
    salon = next(c for c in plan["campaigns"] if c["id"] == "salon-industrie-2027")
    assert salon["promotional"] is True and salon["objective"]["target"] == 40
    assert plan["checks"]["self-promotion"] == {"severity": "warning", "ceiling": 0.5, "minimum": 5}
    assert plan["checks"]["cadence-gap"] == {"severity": "warning", "horizon_days": 42}
    # What was written in each language: the English translation apart from the French articles.
    languages = {i["id"]: i.get("lang") for i in plan["items"] if i["kind"] == "article"}
    assert languages["article-pourquoi-un-blog-en"] == "en" and languages["article-pourquoi-un-blog"] == "fr"
    assert set(languages.values()) == {"fr", "en"}
    assert all("lang" not in i for i in plan["items"] if i["kind"] != "article")


def test_every_sample_draft_fits_its_network(sample: Path) -> None:
    for post in (i for i in load_plan(sample)["items"] if i["kind"] == "post"):
        assert post["length"] <= post["limit"], post["id"]


def test_sample_output_holds_no_unpublished_title(sample: Path) -> None:
    plan = load_plan(sample)
    private = [i["title"] for i in plan["items"]
               if i["kind"] in ("article", "idea") and i["status"] not in ("published",)]
    assert len(private) >= 8
    for path, text in tree_text(sample / "output"):
        for title in private:
            assert title not in text, f"'{title}' leaked into {path}"


def test_the_build_summary_in_the_docs_is_what_the_sample_site_prints(tmp_path: Path) -> None:
    """docs/cli.md shows `edcal build` on the sample site at 2027-01-12 10:00: its counts drifted from what
    the build printed as the sample grew (178 items documented, 174 printed). Pelican's own "Done: Processed
    9 articles, 0 drafts…" is not among them: it sat above edcal's "1 draft" (`-v` shows it)."""
    docs = (Path(__file__).resolve().parents[1] / "docs" / "cli.md").read_text(encoding="utf-8")
    section = docs.split("## `edcal build`", 1)[1]
    block = section.split("```\n$ EDCAL_LANG=en edcal build\n", 1)[1].split("```", 1)[0]
    site = copy_sample(tmp_path / "site")
    result = run_edcal("build", cwd=site, env={"EDCAL_NOW": STORY_NOW})
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == block.splitlines()
    verbose = run_edcal("build", "-v", cwd=site, env={"EDCAL_NOW": STORY_NOW})
    assert "Done: Processed 9 articles, 0 drafts" in verbose.stdout


def make_dry_run(*arguments: str) -> list[str]:
    """The edcal commands `make` would run in the repository (``make -n``), with the user's environment."""
    env = {name: value for name, value in os.environ.items() if name != "EDCAL_NOW"}
    result = subprocess.run(["make", "-n", *arguments], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    return [line for line in result.stdout.splitlines() if "/edcal " in line]


def test_make_shows_the_sample_at_the_moment_of_its_story(tmp_path: Path) -> None:
    """The sample tells of January 2027. `make build` ran it at the clock's time: a new user's first build,
    in December 2026, warned that the log's skipped post and the objectives' figures were dated after
    today (`skipped-to-come`, `measured-in-future`), and showed another plan than the docs. `make build`,
    `make check` and `make serve` pin "now" to the moment docs/cli.md shows; `EDCAL_NOW=` takes the clock."""
    commands = make_dry_run("build", "check", "serve")
    assert len(commands) == 3 and all(line.startswith(f"EDCAL_NOW={STORY_NOW} ") for line in commands), commands
    [at_the_clock] = make_dry_run("build", "EDCAL_NOW=")
    assert at_the_clock.startswith("EDCAL_NOW= "), at_the_clock
    site = copy_sample(tmp_path / "site")
    result = run_edcal("check", cwd=site, env={"EDCAL_NOW": STORY_NOW})
    assert result.returncode == 0, result.stderr
    assert "[measured-in-future]" not in result.stdout and "[skipped-to-come]" not in result.stdout


@pytest.mark.usefixtures("site_language")  # the sample site's French, as documented
def test_the_move_examples_in_the_docs_are_what_the_sample_site_prints(tmp_path: Path) -> None:
    """docs/cli.md's four `edcal move` runs on the sample site: the third had come to give another reason
    than the one documented (the day the series posts on, before the network left out)."""
    docs = (Path(__file__).resolve().parents[1] / "docs" / "cli.md").read_text(encoding="utf-8")
    site = copy_sample(tmp_path / "site")
    for command in ("edcal move coulisses-atelier-20270113 --to 2027-01-14 --dry-run",
                    "edcal move salon-industrie --by '+1 week' --dry-run",
                    "edcal move --since 2027-01-18 --until 2027-01-22 --network linkedin --by '+1 week'",
                    "edcal move --since 2027-01-21 --until 2027-01-21 --network linkedin --network mastodon "
                    "--by '+1 day'"):
        documented = docs.split(f"```\n$ {command}\n", 1)[1].split("```", 1)[0]
        arguments = shlex.split(command)[1:]
        result = run_edcal(*arguments, cwd=site, env={"EDCAL_NOW": STORY_NOW})
        assert result.returncode in (0, 1), result.stderr
        assert result.stdout.replace("\u00a0", " ") == documented, command  # the docs write plain spaces
    changed = docs.split("one changed line:\n\n```yaml\n", 1)[1].split("```", 1)[0]
    assert changed in (site / "calendar.yaml").read_text(encoding="utf-8")


#: What the docs quote of the sample built at STORY_NOW: by page and output, the words each quote holds (its
#: anchor: each quote of the page that holds it). The figures a manager reads in outputs.md (objectives,
#: cadence, self-promotion, the team's load, the report) and what feeds.md quotes of an event. The pages' other
#: French quotes are of other sites (a crisis, an account given up, a horizon of 21 days, a week's view).
QUOTED = {
    ("outputs.md", "planning/index.html"): (
        "reste ", "programmées", "sur LinkedIn, ", "sous le rythme visé dans les", "du 18 au 24 janvier 2027 :",
        "janvier 2027 (4 semaines)", "février 2027 (4 semaines)", "articles pour", "Autopromotion en janvier",
        "Autopromotion en février", "semaine la plus chargée", "dont 1 idée", " 180 abonnés"),
    ("outputs.md", "planning/report.html"): (
        "publications parties, selon le journal", "Le journal ne nomme aucune", "- voeux-2027-intranet "),
    ("feeds.md", "planning/calendar.ics"): ("ligne à y ajouter",),
    ("calendar.md", "planning/index.html"): ("Autopromotion en janvier",),
    ("index.md", "planning/index.html"): ("reste ", "février 2027 (4 semaines)", "Autopromotion en janvier",
                                         "programmées"),
    ("index.md", "planning/report.html"): ("Le journal ne nomme aucune", "3 sur 3 semaines"),
}


def quotes_of(doc: str) -> list[str]:
    """A docs page's quotes, spaces joined: its *italic* and `code` spans, and the lines of its code blocks."""
    text = (ROOT / "docs" / doc).read_text(encoding="utf-8")
    fence = re.compile(r"^ *```\w*\n(.*?)^ *```", flags=re.MULTILINE | re.DOTALL)
    blocks, prose = fence.findall(text), fence.sub("", text)
    spans = re.findall(r"(?<![*\w])\*(?![\s*])([^*]+?)\*(?![*\w])", prose)
    for paragraph in prose.split("\n\n"):  # a code span may wrap; ``a `b` c`` holds backticks
        spans += [span for _, span in re.findall(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", paragraph, flags=re.DOTALL)]
    return [" ".join(quote.split()) for quote in spans + [line for block in blocks for line in block.split("\n")]]


def shown_text(path: Path) -> str:
    """An output's words as its reader gets them: a page's as a browser shows them, a feed's as an app does
    (folded lines joined, escapes read)."""
    from helpers import page_text

    if path.suffix == ".ics":
        feed = re.sub(r"\r\n[ \t]", "", path.read_bytes().decode("utf-8")).replace("\\n", " ")
        return " ".join(re.sub(r"\\([,;\\])", r"\1", feed).split())
    return page_text(path)


@pytest.mark.usefixtures("site_language")  # the sample site's French, as documented
def test_what_the_docs_quote_of_the_sample_is_what_its_pages_show(tmp_path: Path) -> None:
    """README promises that the docs quote the sample as `make build` shows it, on 12 January 2027 at 10:00. A
    manager's trial read *reste 320 abonnés en 135 jours : 17 par semaine* in outputs.md and 169 days, 13 a week
    on the page; *9 publications pour 8 (5 publiées, 4 prévues)* where LinkedIn's January had 10 for 8: the
    sample had grown and the docs had not. A change to the pages' figures or words fails here, naming the
    quote to update."""
    site = copy_sample(tmp_path / "site")
    result = run_edcal("build", cwd=site, env={"EDCAL_NOW": STORY_NOW})
    assert result.returncode == 0, result.stderr
    stale = []
    for (doc, output), anchors in QUOTED.items():
        quotes, shown = quotes_of(doc), shown_text(site / output)
        for anchor in anchors:
            holding = [quote for quote in quotes if anchor in quote]
            assert holding, f"docs/{doc} has no quote holding {anchor!r} any more: update QUOTED"
            stale += [f"docs/{doc}: {quote!r} is not on {output}" for quote in holding if quote not in shown]
    assert not stale, "The docs quote what the sample's pages no longer show:\n" + "\n".join(stale)
    # index.md's ways to see a month further ahead: its weeks below the cadence, as edcal check says them, and
    # its share of self-promotion from plan.json, counted as the page counts this month's and next.
    [command] = [quote for quote in quotes_of("index.md") if quote.startswith("edcal check --only cadence-gap --since")]
    [said] = [quote for quote in quotes_of("index.md") if quote.startswith("LinkedIn : ")]
    checked = run_edcal(*shlex.split(command)[1:], cwd=site, env={"EDCAL_NOW": STORY_NOW})
    assert said in checked.stdout.replace("\u00a0", " "), checked.stdout
    [recipe] = [quote for quote in re.findall(r"```python\n(.*?)```", (ROOT / "docs" / "index.md").read_text(
        encoding="utf-8"), flags=re.DOTALL) if "plan.json" in quote]
    shares = subprocess.run([sys.executable, "-c", textwrap.dedent(recipe)], cwd=site, capture_output=True,
                            text=True, check=True, timeout=60).stdout
    counted = re.findall(r"^\S+ 2027-0[12] (\d+) of (\d+)$", shares, flags=re.MULTILINE)
    shown = re.findall(r"\((\d+) sur (\d+) publications?\)", shown_text(site / "planning" / "index.html"))
    assert len(counted) >= 10 and Counter(counted) == Counter(shown), shares


def test_the_samples_placeholder_address_is_meant_and_its_calendar_says_so(tmp_path: Path) -> None:
    """The sample company is fictional: its address under .example (reserved for examples) is on purpose, so
    its calendar.yaml turns `placeholder-site-url` off, with the reason; a site made from a copy of it that
    drops that line hears which line to change."""
    site = copy_sample(tmp_path / "site")
    for settings in ("pelicanconf.py", "publishconf.py"):
        quiet = run_edcal("check", "-s", settings, "--only", "placeholder-site-url", cwd=site)
        assert quiet.returncode == 0 and quiet.stdout == "0 errors, 0 warnings\n", quiet.stderr
    calendar = site / "calendar.yaml"
    text = calendar.read_text(encoding="utf-8")
    [line] = [line for line in text.splitlines() if line.startswith("  placeholder-site-url: off ")]
    assert "entreprise fictive : SITEURL en .example voulu ; un vrai site retire la ligne" in line
    calendar.write_text(text.replace(line, ""), encoding="utf-8")
    told = run_edcal("check", "-s", "publishconf.py", "--only", "placeholder-site-url", cwd=site)
    assert told.stdout.startswith("publishconf.py:9:1: warning: SITEURL is 'https://www.atelier-morel.example', "
                                  "a placeholder (.example is reserved for examples)"), told.stdout


def test_the_sample_video_goes_wherever_images_go(sample: Path) -> None:
    """calendar.d/videos.yaml: the video, its cover and subtitles copied into planning/media/ and kept out of
    the blog until the post goes out; named in the sidecars, the exports, the feeds; played on the review page."""
    import csv
    import json
    import re

    planning = sample / "planning"
    for path in ("videos/visite-atelier.mp4", "videos/visite-atelier.fr.vtt", "images/visite-atelier.jpg"):
        assert (planning / "media" / path).read_bytes() == (sample / "content" / path).read_bytes(), path
        assert not (sample / "output" / path).exists(), path  # the post has not gone out
    url = "https://planning.atelier-morel.example/media/videos/visite-atelier.mp4"
    sidecar = json.loads((planning / "drafts" / "youtube" / "2027-02-20T1000-visite-atelier-youtube.json")
                         .read_text(encoding="utf-8"))
    assert (sidecar["media"], sidecar["alt"]) == ([], None)
    assert sidecar["video"] == {"path": "videos/visite-atelier.mp4", "url": url, "cover": "images/visite-atelier.jpg",
                                "subtitles": "videos/visite-atelier.fr.vtt",
                                "alt": "Travelling dans l'atelier, de la table de découpe à la cabine de thermolaquage"}
    posts = {p["id"]: p for p in json.loads((planning / "exports" / "posts.json").read_text(encoding="utf-8"))["posts"]}
    assert posts["visite-atelier-instagram"]["video"] == sidecar["video"]
    assert posts["coulisses-atelier-instagram-20261125"]["video"] is None
    with (planning / "exports" / "posts.csv").open(encoding="utf-8-sig", newline="") as file:
        rows = {row["id"]: row for row in csv.DictReader(file)}
    assert (rows["visite-atelier-youtube"]["video"], rows["visite-atelier-youtube"]["image"]) == (
        "videos/visite-atelier.mp4", "")
    assert rows["visite-atelier-youtube"]["alt"].startswith("Travelling dans l'atelier")
    # The review page plays it, with its cover and its subtitles, and downloads all three.
    page = (planning / "drafts" / "2027-02.html").read_text(encoding="utf-8")
    assert ('<video controls preload="metadata" src="../media/videos/visite-atelier.mp4" '
            'poster="../media/images/visite-atelier.jpg"') in page
    assert '<track kind="captions" src="../media/videos/visite-atelier.fr.vtt" srclang="fr"' in page
    assert "Télécharger la vidéo (YouTube, samedi 20 février 2027 10:00)" in page
    # The calendar feed names it where an image gets "Image :".
    feed = re.sub(r"\r\n[ \t]", "", (planning / "calendar.ics").read_bytes().decode("utf-8"))
    event = feed[feed.index("SUMMARY:[YouTube] Vidéo\u00a0: visite de l'atelier"):]
    event = event[:event.index("END:VEVENT")].replace("\u00a0", " ")
    assert f"\\nVidéo : {url} — Texte alternatif : Travelling" in event
    assert ("\\nCouverture : https://planning.atelier-morel.example/media/images/visite-atelier.jpg\\n"
            "Sous-titres : https://planning.atelier-morel.example/media/videos/visite-atelier.fr.vtt\\n") in event
    # Hootsuite's bulk file carries no video: a note says so.
    result = run_edcal("export", "hootsuite", "--network", "youtube", "-o", str(sample / "h.csv"), cwd=sample,
                       env={"EDCAL_NOW": SAMPLE_NOW})
    assert "1 post with a video (visite-atelier-youtube): Hootsuite's bulk file carries no video; attach it in " \
           "Hootsuite after the upload (posts.csv names it)" in result.stderr
    # Nor its note ("pin it"): whoever uploads the file is told to read it, where it was lost without a word.
    assert "1 post with a note for whoever posts it (visite-atelier-youtube): Hootsuite's bulk file carries none; " \
           "read it before scheduling (posts.csv gives it)" in result.stderr
    assert (sample / "h.csv").read_text(encoding="utf-8").startswith("20/02/2027 10:00,\"Visite")  # the post stays


def test_a_note_for_whoever_posts_is_shown_to_them_and_never_posted(sample: Path) -> None:
    """calendar.d/videos.yaml: "pin it", "share it to the feed too": what to do beyond pasting had nowhere to
    go but a YAML comment nobody posting reads. The network's own note wins; the draft's text never holds it."""
    import csv
    import json
    import re

    planning = sample / "planning"
    pin = "Épinglez la vidéo en tête de la chaîne une fois en ligne."
    reel = "En Reel, cochez « Partager aussi dans le fil » avant de publier."
    sidecar = json.loads((planning / "drafts" / "youtube" / "2027-02-20T1000-visite-atelier-youtube.json")
                         .read_text(encoding="utf-8"))
    assert sidecar["note"] == pin
    draft = (planning / "drafts" / "youtube" / "2027-02-20T1000-visite-atelier-youtube.txt").read_text(encoding="utf-8")
    assert "Épinglez" not in draft
    items = {i["id"]: i for i in json.loads((planning / "plan.json").read_text(encoding="utf-8"))["items"]}
    assert (items["visite-atelier-youtube"]["note"], items["visite-atelier-instagram"]["note"]) == (pin, reel)
    assert "note" not in items["voeux-2027-linkedin"]
    posts = {p["id"]: p for p in json.loads((planning / "exports" / "posts.json").read_text(encoding="utf-8"))["posts"]}
    assert posts["visite-atelier-instagram"]["note"] == reel and posts["voeux-2027-linkedin"]["note"] is None
    with (planning / "exports" / "posts.csv").open(encoding="utf-8-sig", newline="") as file:
        rows = {row["id"]: row for row in csv.DictReader(file)}
    assert rows["visite-atelier-youtube"]["note"] == pin
    page = (planning / "drafts" / "2027-02.html").read_text(encoding="utf-8").replace("\u00a0", " ")
    card = page[page.index('id="item-visite-atelier-instagram"'):]
    assert f'<p class="post-note"><strong>Note pour qui publie :</strong> {reel}</p>' in card[:3000]
    feed = re.sub(r"\r\n[ \t]", "", (planning / "calendar.ics").read_bytes().decode("utf-8")).replace("\u00a0", " ")
    assert f"\\nNote pour qui publie : {pin}\\n" in feed


def test_the_sample_linkedin_poll_reaches_the_sidecar_the_review_card_and_the_feeds_not_hootsuite(
        sample: Path) -> None:
    """calendar.d/sondages.yaml: a LinkedIn poll (its question, four answers, one week), checked clean by
    poll-limits; its answers go in LinkedIn's poll fields, so the draft's text never holds them."""
    import json
    import re

    planning = sample / "planning"
    base = planning / "drafts" / "linkedin" / "2027-03-16T0900-sondage-portail-linkedin"
    # French spacing, as in the text: "?" never starts a line of LinkedIn's poll
    poll = {"question": "Quel portail pour votre maison\u00a0?", "options": ["Battant", "Coulissant", "Motorisé",
                                                                       "Sur mesure"],
            "duration": "1 semaine", "minutes": 7 * 24 * 60}
    assert json.loads(base.with_suffix(".json").read_text(encoding="utf-8"))["poll"] == poll
    assert "Sur mesure" not in base.with_suffix(".txt").read_text(encoding="utf-8")
    items = {i["id"]: i for i in json.loads((planning / "plan.json").read_text(encoding="utf-8"))["items"]}
    assert items["sondage-portail-linkedin"]["poll"] == poll
    page = (planning / "drafts" / "2027-03.html").read_text(encoding="utf-8").replace("\u00a0", " ")
    card = page[page.index('id="item-sondage-portail-linkedin"'):]
    assert "<strong>Sondage :</strong> <span>Quel portail pour votre maison ?</span>" in card[:4000]
    assert "<li>Motorisé</li>" in card[:4000] and "Ouvert pendant : 1 semaine" in card[:4000]
    feed = re.sub(r"\r\n[ \t]", "", (planning / "calendar.ics").read_bytes().decode("utf-8")).replace("\u00a0", " ")
    assert "\\nSondage : Quel portail pour votre maison ?\\n- Battant\\n" in feed
    result = run_edcal("export", "hootsuite", "--network", "linkedin", "-o", "h.csv", cwd=sample,
                       env={"EDCAL_NOW": SAMPLE_NOW, "EDCAL_LANG": "en"})
    assert "post with a poll is left out (sondage-portail-linkedin" in result.stderr
