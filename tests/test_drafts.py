"""Drafts and exports: the exact text to post, and files for bulk schedulers."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest
import regex
from click.testing import CliRunner

from conftest import CRISIS, copy_sample, crisis_sample, items_by_id, load_plan, run_edcal, write_pelicanconf
from edcal.__main__ import cli

pytestmark = pytest.mark.e2e


def drafts_of(site: Path) -> dict[str, Path]:
    """Item id -> draft .txt file."""
    found = {}
    for path in (site / "planning" / "drafts").rglob("*.txt"):
        found[path.stem[len("YYYY-MM-DDTHHMM-"):]] = path
    return found


def test_every_post_not_withheld_has_exactly_one_draft_with_the_plans_text(built: Path) -> None:
    plan = load_plan(built)
    posts = [i for i in plan["items"] if i["kind"] == "post"]
    drafts = drafts_of(built)
    expected = {p["id"] for p in posts if p["status"] != "withheld"}
    assert set(drafts) == expected
    for post in posts:
        if post["status"] == "withheld":
            continue
        path = drafts[post["id"]]
        start = dt.datetime.fromisoformat(post["start"])
        assert path.relative_to(built / "planning").as_posix() == \
            f"drafts/{post['network']}/{start:%Y-%m-%dT%H%M}-{post['id']}.txt"
        sidecar = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        pasted = post["text"]
        if sidecar["link_text"] and sidecar["link_text"] != post["url"]:  # shown shortened: pasted in full
            pasted = pasted.replace(sidecar["link_text"], post["url"])
        assert path.read_bytes() == pasted.encode("utf-8")  # nothing else, no newline
        assert (sidecar["text"], sidecar["length"], sidecar["limit"], sidecar["counting"]) == \
            (post["text"], post["length"], post["limit"], post["counting"])
        assert sidecar["scheduled"] == post["start"]
        assert sidecar["source"] == post["source"]
        assert sidecar["link"] == post["url"]
        assert sidecar["campaign"] == post["campaign"] and sidecar["owner"] == post["owner"]


def test_a_withheld_post_has_no_draft(built: Path) -> None:
    assert items_by_id(load_plan(built))["gel-bluesky"]["status"] == "withheld"
    assert not list((built / "planning" / "drafts").rglob("*gel-bluesky*"))


def test_bluesky_drafts_show_a_short_link_and_carry_the_full_url_in_a_facet(built: Path) -> None:
    sidecars = [json.loads(p.read_text(encoding="utf-8"))
                for p in (built / "planning" / "drafts" / "bluesky").glob("*.json")]
    linked = [s for s in sidecars if s["link"]]
    assert linked
    for sidecar in linked:
        assert sidecar["link"] not in sidecar["text"]
        facet = next(f for f in sidecar["facets"] if "uri" in f)
        shown = sidecar["text"].encode("utf-8")[facet["byteStart"]:facet["byteEnd"]].decode("utf-8")
        assert shown == sidecar["link_text"] and not shown.startswith("https://")
        assert facet["uri"] == sidecar["link"] and "utm_source=bluesky" in facet["uri"]
    # The .txt is what to paste: the full tracked link, which Bluesky's app shortens itself.
    for path in (built / "planning" / "drafts" / "bluesky").glob("*.json"):
        sidecar = json.loads(path.read_text(encoding="utf-8"))
        pasted = path.with_suffix(".txt").read_text(encoding="utf-8")
        if sidecar["link"]:
            assert sidecar["link"] in pasted
            assert pasted == sidecar["text"].replace(sidecar["link_text"], sidecar["link"])
        else:
            assert pasted == sidecar["text"]


def test_stale_drafts_disappear(built: Path) -> None:
    assert list((built / "planning" / "drafts").rglob("*-hello-mastodon.txt"))
    calendar = built / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace("networks: [linkedin, mastodon]",
                                                                     "networks: [linkedin]"),
                        encoding="utf-8")
    assert run_edcal("build", cwd=built).returncode == 0
    assert not list((built / "planning" / "drafts").rglob("*-hello-mastodon.*"))


def test_a_template_override_changes_the_linkedin_drafts_and_nothing_else(built: Path) -> None:
    before = {p.relative_to(built): p.read_bytes() for p in (built / "planning").rglob("*") if p.is_file()}
    override = built / "templates" / "drafts"
    override.mkdir(parents=True)
    (override / "linkedin.txt.j2").write_text("[OVERRIDE] {{ text or title }}\n\n{{ link }}\n",
                                              encoding="utf-8")
    write_pelicanconf(built, 'THEME_TEMPLATES_OVERRIDES = ["templates"]\n')
    assert run_edcal("build", cwd=built).returncode == 0
    after = {p.relative_to(built): p.read_bytes() for p in (built / "planning").rglob("*") if p.is_file()}
    changed = {path for path in before if before[path] != after.get(path)}
    assert changed
    for path in changed:
        parts = path.parts
        # plan.json, the exports, the feeds and the planning pages show the LinkedIn posts too.
        feeds = ("calendar.ics", "linkedin.ics", "people", "campaigns")
        review_pages = ("index.html", "2027-03.html", "2027-04.html")
        assert parts[1] in ("plan.json", "exports", "index.html", "agenda", *feeds) \
            or parts[2] in ("linkedin", *review_pages, *feeds), path
    # In the plan and the exports, only LinkedIn posts changed.
    plans = [{i["id"]: i for i in json.loads(files[Path("planning/plan.json")])["items"]} for files in (before, after)]
    assert {i for i in plans[0] if plans[0][i] != plans[1][i]} == {i for i in plans[0] if i.endswith(
        ("-linkedin", "-linkedin-0", "-linkedin-2d", "-linkedin-2w"))}
    rows = [list(csv.DictReader(io.StringIO(files[Path("planning/exports/posts.csv")].decode("utf-8-sig"), newline="")))
            for files in (before, after)]
    assert [r for r in rows[0] if r["network"] != "linkedin"] == [r for r in rows[1] if r["network"] != "linkedin"]
    linkedin = [p for p in after if p.parts[1] == "drafts" and p.parts[2] == "linkedin" and p.suffix == ".txt"]
    assert linkedin and all(after[p].startswith(b"[OVERRIDE] ") for p in linkedin)
    sidecar = json.loads(after[linkedin[0].with_suffix(".json")])
    assert sidecar["template"] == "drafts/linkedin.txt.j2" and sidecar["text"].startswith("[OVERRIDE]")


def test_a_network_like_another_takes_its_own_template_when_there_is_one(site: Path) -> None:
    """docs/calendar.md: a network's template is `<id>.txt.j2` by default; one declared `like: linkedin` took
    LinkedIn's, even with `linkedin-en.txt.j2` in the drafts folder."""
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace("networks:\n", (
        "networks:\n  linkedin-en: {like: linkedin, name: LinkedIn (English)}\n")).replace("posts:\n", (
        "posts:\n  - {id: hello-en, networks: [linkedin-en, linkedin], at: 2027-03-03 10:00, "
        "text: Hello world}\n"), 1), encoding="utf-8")
    assert run_edcal("build", cwd=site).returncode == 0
    drafts = site / "planning" / "drafts"
    like_linkedin = (drafts / "linkedin-en" / "2027-03-03T1000-hello-en-linkedin-en.txt").read_text(encoding="utf-8")
    assert like_linkedin == (drafts / "linkedin" / "2027-03-03T1000-hello-en-linkedin.txt").read_text(encoding="utf-8")
    override = site / "templates" / "drafts"
    override.mkdir(parents=True)
    (override / "linkedin-en.txt.j2").write_text("[EN] {{ text }}\n", encoding="utf-8")
    write_pelicanconf(site, 'THEME_TEMPLATES_OVERRIDES = ["templates"]\n')
    assert run_edcal("build", cwd=site).returncode == 0
    assert (drafts / "linkedin-en" / "2027-03-03T1000-hello-en-linkedin-en.txt").read_text(encoding="utf-8") \
        == "[EN] Hello world"
    sidecar = json.loads((drafts / "linkedin-en" / "2027-03-03T1000-hello-en-linkedin-en.json").read_text(encoding="utf-8"))
    assert sidecar["template"] == "drafts/linkedin-en.txt.j2"


PINNED = {"EDCAL_NOW": "2027-01-12T10:00", "SOURCE_DATE_EPOCH": "1800000000"}


def test_an_override_that_imports_the_old_reminder_macro_gives_the_same_drafts(tmp_path: Path) -> None:
    """Templates copied before ``reminder()`` became a global import it from ``_reminder.j2``."""
    reference = copy_sample(tmp_path / "reference")
    write_pelicanconf(reference, "")
    assert run_edcal("build", cwd=reference, env=PINNED).returncode == 0
    site = copy_sample(tmp_path / "site")
    override = site / "templates" / "drafts"
    override.mkdir(parents=True)
    theme = (site / "themes" / "edcal" / "drafts" / "linkedin.txt.j2").read_text(encoding="utf-8")
    (override / "linkedin.txt.j2").write_text(theme.replace(
        "{{ reminder(", '{% from "_reminder.j2" import reminder %}\n{{ reminder(', 1), encoding="utf-8")
    write_pelicanconf(site, 'THEME_TEMPLATES_OVERRIDES = ["templates"]\n')
    result = run_edcal("build", cwd=site, env=PINNED)
    assert result.returncode == 0, result.stderr
    texts = {p.relative_to(site): p.read_bytes() for p in (site / "planning" / "drafts").rglob("*.txt")}
    assert texts == {p.relative_to(reference): p.read_bytes()
                     for p in (reference / "planning" / "drafts").rglob("*.txt")}
    assert any(b"Au cas o" in text for path, text in texts.items() if "linkedin" in path.parts)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("sample-drafts") / "site"
    copy_sample(target)
    result = run_edcal("build", cwd=target, env={"EDCAL_NOW": "2026-11-23T10:00:00+01:00"})
    assert result.returncode == 0, result.stderr
    return target


def test_every_sample_draft_fits_as_its_network_counts(sample: Path) -> None:
    from edcal.checks import all_rules
    from edcal.load.calendar import load_calendar
    from edcal.networks.counting import measure_all

    networks = load_calendar(sample, all_rules()).networks
    sidecars = [json.loads(p.read_text(encoding="utf-8")) for p in (sample / "planning" / "drafts").rglob("*.json")]
    assert len(sidecars) > 100
    for sidecar in sidecars:
        measures = measure_all(sidecar["text"], networks[sidecar["network"]])
        assert all(m.fits for m in measures), sidecar["id"]
        assert sidecar["fits"] is True


def test_the_sample_hootsuite_csv_has_three_columns_in_the_configured_date_format(sample: Path) -> None:
    files = sorted((sample / "planning" / "exports").glob("hootsuite-*.csv"))
    assert {f.name for f in files} >= {"hootsuite-linkedin.csv", "hootsuite-mastodon.csv"}
    assert "hootsuite-intranet.csv" not in {f.name for f in files}  # Le Fil is the company's own: none of Hootsuite's
    own = CliRunner().invoke(cli, ["export", "hootsuite", "--site", str(sample), "--network", "intranet"])
    assert own.exit_code == 2 and "Le Fil (intranet) is a network of the site's own" in own.output, own.output
    every = CliRunner().invoke(cli, ["export", "hootsuite", "--site", str(sample)])
    assert every.exit_code == 2 and "choose one with --network: bluesky, instagram, linkedin, mastodon, youtube\n" in every.output
    now = dt.datetime(2026, 11, 23, 10, 0)
    for path in files:
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
        assert rows
        for row in rows:
            assert len(row) == 3, (path.name, row)
            when = dt.datetime.strptime(row[0], "%d/%m/%Y %H:%M")
            assert when > now
            assert row[1]
            assert row[2] == "" or row[2].startswith("https://")


def test_every_sidecar_has_the_facets_posts_json_has_an_empty_list_included(sample: Path) -> None:
    """A sidecar without a link or hashtag to mark left `facets` out, where posts.json wrote `facets: []`:
    a script reading sidecar["facets"] failed on LinkedIn's drafts."""
    posts = json.loads((sample / "planning" / "exports" / "posts.json").read_text(encoding="utf-8"))["posts"]
    sidecars = {data["id"]: data for path in (sample / "planning" / "drafts").rglob("*.json")
                if isinstance(data := json.loads(path.read_text(encoding="utf-8")), dict) and "network" in data}
    assert posts and all(sidecars[post["id"]]["facets"] == post["facets"] for post in posts)
    linkedin = [data for data in sidecars.values() if data["network"] == "linkedin"]
    assert linkedin and all(data["facets"] == [] for data in linkedin)
    assert any(data["facets"] for data in sidecars.values() if data["network"] == "bluesky")


def test_generic_exports_list_upcoming_posts(sample: Path) -> None:
    exports = sample / "planning" / "exports"
    rows = list(csv.DictReader(io.StringIO((exports / "posts.csv").read_text(encoding="utf-8-sig"), newline="")))
    document = json.loads((exports / "posts.json").read_text(encoding="utf-8"))
    assert len(rows) == len(document["posts"]) > 50
    assert all(r["scheduled"] > "2026-11-23T10:00" for r in rows)
    assert all(r["status"] in ("scheduled", "draft") for r in rows)
    assert [r["id"] for r in rows] == [p["id"] for p in document["posts"]]
    # For spreadsheets: Excel reads accents right only after a byte-order mark; what a manager sums up.
    assert (exports / "posts.csv").read_bytes().startswith(b"\xef\xbb\xbfid,network,scheduled,")
    assert {r["promotional"] for r in rows} == {"true", "false"}
    assert all(int(r["length"]) <= int(r["limit"]) for r in rows)
    assert [p["promotional"] for p in document["posts"]] == [r["promotional"] == "true" for r in rows]
    # Which account posts it (two LinkedIn pages are two networks of one kind): as posts.json says; a
    # mention-like handle gets the formula guard every cell gets ('@atelier.morel).
    assert [r["account"].removeprefix("'") for r in rows] == [p["account"] or "" for p in document["posts"]]
    assert {r["network"]: r["account"] for r in rows}["instagram"] == "'@atelier.morel"
    # A scheduler's API gets Bluesky's shown text with its facets, and the text to paste with whole links.
    bluesky = [p for p in document["posts"] if p["network"] == "bluesky" and p["facets"]]
    assert bluesky
    for post in bluesky:
        data = post["text"].encode()
        links = [f for f in post["facets"] if "uri" in f]
        assert all(data[f["byteStart"]:f["byteEnd"]].decode().endswith("...") or f["uri"] in post["pasted"]
                   for f in links)
        assert all(f["uri"] in post["pasted"] and f["uri"] not in post["text"] for f in links)
        # Its hashtags too, each a tag facet over its own bytes.
        assert all(data[f["byteStart"]:f["byteEnd"]].decode() == "#" + f["tag"] for f in post["facets"] if "tag" in f)
    assert any("tag" in f for post in bluesky for f in post["facets"])
    assert all(p["facets"] == [] and p["pasted"] == p["text"] for p in document["posts"] if p["network"] == "linkedin")


def test_edcal_export_filters_and_reports_hootsuite_notes(site: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    target = tmp_path / "linkedin.csv"
    result = runner.invoke(cli, ["export", "hootsuite", "--site", str(site), "--network", "linkedin",
                                 "--until", "2027-03-31", "-o", str(target)])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8"), newline="")))
    assert [r[0] for r in rows] == ["02/03/2027 10:00", "25/03/2027 09:00"]
    both = runner.invoke(cli, ["export", "hootsuite", "--site", str(site)])
    assert both.exit_code == 2 and "Hootsuite takes one network per file" in both.output
    unknown = runner.invoke(cli, ["export", "json", "--site", str(site), "--network", "linkdin"])
    assert unknown.exit_code == 2 and "did you mean 'linkedin'?" in unknown.output


def test_a_second_page_like_linkedin_gets_its_hootsuite_file(site: Path, tmp_path: Path) -> None:
    """`linkedin-en: {like: linkedin}` got no hootsuite file, and `export hootsuite` said it was `custom: true`."""
    calendar = site / "calendar.yaml"
    text = calendar.read_text(encoding="utf-8").replace(
        "networks:\n", "networks:\n  linkedin-en: {like: linkedin, name: LinkedIn (English)}\n"
        "  intranet: {custom: true, name: Intranet, limit: 5000}\n", 1)
    calendar.write_text(text.replace("posts:\n", "posts:\n  - {id: en, networks: [linkedin-en, intranet], "
                                     "at: 2027-03-09 10:00, text: Hello}\n", 1), encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(cli, ["export", "hootsuite", "--site", str(site), "--network", "linkedin-en"])
    assert result.exit_code == 0, result.output
    assert "09/03/2027 10:00,Hello" in result.output
    refused = runner.invoke(cli, ["export", "hootsuite", "--site", str(site), "--network", "intranet"])
    assert refused.exit_code == 2 and "Intranet is a network of the site's own (custom: true)" in refused.output
    from edcal.load.network_registry import builtin_registry

    assert builtin_registry()["linkedin"].platform == "linkedin"
    # `--since` a day gone by: the JSON export gives the past posts, Hootsuite's leaves them out, and says so.
    past = runner.invoke(cli, ["export", "hootsuite", "--site", str(site), "--network", "linkedin", "--since",
                               "2027-01-01", "-o", str(tmp_path / "li.csv")])
    assert past.exit_code == 0, past.output
    assert regex.search(r"\d+ posts? whose time has passed (is|are) left out: Hootsuite schedules only what is to come",
                     past.output), past.output


def test_a_hootsuite_file_of_an_account_in_another_zone_gives_its_clocks_times() -> None:
    """Hootsuite's date column has no zone: the file of a Montréal account (its network's `timezone:`) gave
    Paris times, which a Hootsuite set to Montréal scheduled six hours late. It gives the account's times, and
    says which zone they are in; posts.csv and posts.json keep instants with their offsets."""
    from edcal.outputs.exports import generic_csv, hootsuite, upcoming
    from helpers import PARIS_CALENDAR, calendar_from, plan_of

    calendar = calendar_from(PARIS_CALENDAR + "  linkedin-qc: {like: linkedin, name: LinkedIn Québec, timezone: "
                             "America/Toronto}\nposts:\n"
                             "  - {id: a, at: 2027-03-16 09:00, networks: [linkedin-qc, linkedin], text: Bonjour}\n")
    plan = plan_of(calendar, now="2027-03-01T00:00:00+01:00")
    data, warnings = hootsuite(upcoming(plan, "linkedin-qc"), plan)
    assert data.splitlines() == ["16/03/2027 09:00,Bonjour,"]
    assert warnings == ["times are LinkedIn Québec's, on its account's clock (Toronto time: its `timezone:` "
                        "America/Toronto), not the site's: set Hootsuite to that zone to upload them"]
    # The zone named as the pages name it, in the reader's language, and the `timezone:` it was written as.
    from edcal.i18n import translator

    assert warnings[0].translated(translator("fr")) == (
        "heures de LinkedIn Québec, à l'heure de son compte (heure de Toronto\u00a0: son `timezone:` "
        "America/Toronto), pas à celle du site\u00a0: réglez Hootsuite sur ce fuseau pour les importer")
    data, warnings = hootsuite(upcoming(plan, "linkedin"), plan)
    assert data.splitlines() == ["16/03/2027 09:00,Bonjour,"] and not warnings
    assert "a-linkedin-qc,linkedin-qc,2027-03-16T14:00:00+01:00," in generic_csv(upcoming(plan), plan)


def test_edcal_export_narrows_to_one_persons_or_one_campaigns_posts(sample: Path) -> None:
    """A community manager exports her own posts, or one campaign's, for her scheduler."""
    runner = CliRunner()

    def rows(*options: str) -> list[dict[str, str]]:
        result = runner.invoke(cli, ["export", "csv", "--site", str(sample), "--since", "2027-01-12", *options])
        assert result.exit_code == 0, result.output
        return list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"), newline="")))

    every = rows()
    mine = rows("--owner", "Camille Roux")  # her name, as people write it; her id is camille
    salon = rows("--campaign", "salon-industrie-2027", "--owner", "camille")
    assert mine and {r["owner"] for r in mine} == {"camille"}
    assert [r["id"] for r in mine] == [r["id"] for r in every if r["owner"] == "camille"]
    assert len(mine) < len(every) and {r["owner"] for r in every} > {"camille"}
    assert salon and [r["id"] for r in salon] == [r["id"] for r in mine if r["campaign"] == "salon-industrie-2027"]
    assert len(salon) < len(mine)
    assert rows("--owner", " camille ") == mine  # pasted with its spaces
    assert rows("--owner", "Camïlle") == mine  # the id, accents aside
    misspelt = runner.invoke(cli, ["export", "csv", "--site", str(sample), "--owner", "Camile Rou"])
    assert misspelt.exit_code == 2 and "did you mean 'camille' (Camille Roux)?" in misspelt.output
    typo = runner.invoke(cli, ["export", "csv", "--site", str(sample), "--owner", "camile"])
    assert typo.exit_code == 2 and "--owner: error: unknown value 'camile' for --owner" in typo.output
    assert "did you mean 'camille'?" in typo.output
    key_date = runner.invoke(cli, ["export", "json", "--site", str(sample), "--campaign", "salon-industrie"])
    assert key_date.exit_code == 2 and "did you mean 'salon-industrie-2027'?" in key_date.output


def test_edcal_export_offers_the_formats_the_exports_write() -> None:
    """The command line names them apart (not to import the outputs for --help)."""
    from edcal.outputs.exports import FORMATS

    formats = next(p for p in cli.commands["export"].params if p.name == "fmt")
    assert tuple(formats.type.choices) == FORMATS  # type: ignore[attr-defined]


def test_hootsuite_notes_its_unconfirmed_rules() -> None:
    from edcal.outputs.exports import hootsuite, upcoming
    from helpers import PARIS_CALENDAR, calendar_from, plan_of

    calendar = calendar_from(PARIS_CALENDAR + "posts:\n"
                             "  - {id: a, at: 2027-01-12 09:02, networks: [x], text: \"Même texte\u00a0!\"}\n"
                             "  - {id: b, at: 2027-01-13 09:00, networks: [x], text: \"Même texte\u00a0!\"}\n"
                             "  - {id: c, at: 2027-01-01 00:05, networks: [x], text: Bientôt}\n")
    plan = plan_of(calendar, now="2027-01-01T00:00:00+01:00")
    data, warnings = hootsuite(upcoming(plan, "x"), plan)
    assert data.splitlines()[0] == "01/01/2027 00:05,Bientôt,"
    assert any("a-x at 09:02" in w and "0 or 5" in w for w in warnings)
    assert any("c-x: less than 10 minutes ahead" in w for w in warnings)
    assert any(w.endswith("appears 2 times; Hootsuite may refuse duplicates (unconfirmed rule): 'Même texte !'")
               for w in warnings), warnings  # written 'Même texte\xa0!'

    assert not any("images" in w for w in warnings)
    pictured = calendar_from(PARIS_CALENDAR + "posts:\n  - {id: photo, at: 2027-01-12 09:00, networks: [x], "
                             "text: Atelier, image: images/a.png, alt: L'atelier}\n")
    plan = plan_of(pictured, now="2027-01-01T00:00:00+01:00")
    _, warnings = hootsuite(upcoming(plan, "x"), plan)
    assert any(w.startswith("1 post with an image (photo-x): Hootsuite's bulk file carries no image; attach it") for w in warnings)
    # Bluesky counts a link as its app shows it; in Hootsuite's file the link is whole, and over the limit.
    long_link = "https://blog.example.fr/2027/" + "tres-long-" * 8 + "/"
    bluesky = calendar_from(PARIS_CALENDAR + "  bluesky: {}\nposts:\n  - {id: b, at: 2027-01-12 09:00, networks: "
                            f"[bluesky], text: '{'a' * 250} {long_link}'}}\n")
    plan = plan_of(bluesky, now="2027-01-01T00:00:00+01:00")
    _, warnings = hootsuite(upcoming(plan, "bluesky"), plan)
    post = upcoming(plan, "bluesky")[0]
    whole, shown = (len(regex.findall(r"\X", text)) for text in (post.pasted, post.text))  # counted apart
    assert shown <= 300 < whole and post.length == shown
    assert [w for w in warnings if "whole link" in w] == [
        f"b-bluesky: {whole} long with its whole link, over Bluesky's 300 ({shown} as Bluesky's app shows the "
        "link); Hootsuite may refuse it unless it shortens links (unconfirmed rule)"]


def many_posts(scheduled: int, drafts: int) -> str:
    """``posts:`` on X, ten a day from 3 May 2027 (after the fixture site's freeze and promotions), the drafts
    first."""
    lines = ["posts:\n"]
    for number in range(drafts + scheduled):
        day = dt.date(2027, 5, 3) + dt.timedelta(days=number // 10)
        status = ", status: draft" if number < drafts else ""
        lines.append(f"  - {{id: p{number}, at: {day} {9 + number % 10:02d}:00, networks: [x], "
                     f"text: Message {number}{status}}}\n")
    return "".join(lines)


def test_a_hootsuite_export_is_split_past_350_rows_its_drafts_not_counted(site: Path, tmp_path: Path) -> None:
    """The build split its file by rows, but `edcal export` counted the drafts and never split its own."""
    from edcal.outputs import exports
    from edcal.outputs.context import OutputContext
    from helpers import PARIS_CALENDAR, calendar_from, plan_of

    plan = plan_of(calendar_from(PARIS_CALENDAR + many_posts(scheduled=345, drafts=20)))
    assert len(exports.upcoming(plan, "x")) == 365  # over 350 posts, but 345 rows: one file, no note
    exports.write(OutputContext(plan), tmp_path / "planning")
    assert sorted(p.name for p in (tmp_path / "planning" / "exports").glob("hootsuite-*")) == ["hootsuite-x.csv"]
    assert len((tmp_path / "planning" / "exports" / "hootsuite-x.csv").read_text(encoding="utf-8").splitlines()) == 345
    (site / "calendar.d").mkdir()
    (site / "calendar.d" / "x.yaml").write_text(many_posts(scheduled=345, drafts=20), encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(cli, ["export", "hootsuite", "--site", str(site), "--network", "x", "--since",
                                 "2027-05-01", "-o", str(tmp_path / "x.csv")])
    assert result.exit_code == 0, result.output
    assert len((tmp_path / "x.csv").read_text(encoding="utf-8").splitlines()) == 345
    assert "350" not in result.output and not (tmp_path / "x-1.csv").exists()

    plan = plan_of(calendar_from(PARIS_CALENDAR + many_posts(scheduled=360, drafts=20)))
    warnings = exports.write(OutputContext(plan), tmp_path / "split")
    written = {p.name: p.read_text(encoding="utf-8").splitlines()
               for p in (tmp_path / "split" / "exports").glob("hootsuite-*")}
    assert {name: len(rows) for name, rows in written.items()} == {"hootsuite-x-1.csv": 350, "hootsuite-x-2.csv": 10}
    assert warnings == ["exports/hootsuite-x-*.csv: 360 posts split into 2 files: Hootsuite takes at most 350 "
                        "per upload"]
    (site / "calendar.d" / "x.yaml").write_text(many_posts(scheduled=360, drafts=20), encoding="utf-8")
    result = runner.invoke(cli, ["export", "hootsuite", "--site", str(site), "--network", "x", "--since",
                                 "2027-05-01", "-o", str(tmp_path / "x.csv")])
    assert result.exit_code == 0, result.output
    assert [(tmp_path / name).read_text(encoding="utf-8").splitlines() for name in ("x-1.csv", "x-2.csv")] == \
        [written["hootsuite-x-1.csv"], written["hootsuite-x-2.csv"]]
    assert f"warning: {tmp_path / 'x-*.csv'}: 360 posts split into 2 files: Hootsuite takes at most 350 per " \
        "upload\n" in result.output
    piped = runner.invoke(cli, ["export", "hootsuite", "--site", str(site), "--network", "x", "--since", "2027-05-01"])
    assert piped.exit_code == 2 and piped.stdout == ""
    assert "--output: error: 360 posts for Hootsuite, which takes at most 350 per upload\n    hint: write them to " \
        "files, e.g. -o x.csv: they are split into x-1.csv, x-2.csv…; or narrow with --since and --until" \
        in piped.output, piped.output


def test_a_pins_link_is_in_hootsuites_link_column_and_an_instagram_link_is_not() -> None:
    """Pins were exported without their link: the one link Pinterest makes clickable."""
    from edcal.outputs.exports import hootsuite, upcoming
    from helpers import PARIS_CALENDAR, calendar_from, plan_of

    calendar = calendar_from(PARIS_CALENDAR + "  pinterest: {}\n  instagram: {}\nposts:\n"
                             "  - {id: p, at: 2027-01-12 09:00, networks: [pinterest, instagram], text: Notre verrière,"
                             " image: images/a.png, alt: A, link: 'https://blog.example.fr/2027/verriere/'}\n")
    plan = plan_of(calendar, now="2027-01-01T00:00:00+01:00")
    tracked = "https://blog.example.fr/2027/verriere/?utm_source=pinterest&utm_medium=social&utm_campaign=p"
    pins, _ = hootsuite(upcoming(plan, "pinterest"), plan)
    assert pins.rstrip("\r\n").endswith("," + tracked)
    captions, _ = hootsuite(upcoming(plan, "instagram"), plan)
    assert captions.rstrip("\r\n").endswith(",") and "verriere/?" not in captions.split(",")[-1]
    # A pin whose link is written in its text only: it is still the pin's link (and link-not-clickable says so).
    written = calendar_from(PARIS_CALENDAR + "  pinterest: {}\n  tiktok: {}\nposts:\n"
                            "  - {id: t, at: 2027-01-12 09:00, networks: [pinterest, tiktok], image: images/a.png, alt: A,"
                            " text: 'Notre verrière https://blog.example.fr/2027/verriere/'}\n")
    plan = plan_of(written, now="2027-01-01T00:00:00+01:00")
    pins, _ = hootsuite(upcoming(plan, "pinterest"), plan)
    assert pins.rstrip("\r\n").endswith(",https://blog.example.fr/2027/verriere/?utm_source=pinterest&utm_medium="
                                        "social&utm_campaign=t")
    from edcal.checks import run_checks

    hints = {f.item: f.hint for f in run_checks(plan, only=["link-not-clickable"])}
    assert "`link:` gives the pin its own link" in hints["t-pinterest"]
    assert "the link in the profile's bio" in hints["t-tiktok"]
    # TikTok's caption points to the profile's link, as Instagram's does (the link was dropped without a word).
    tiktok = next(i for i in plan.items if i.id == "t-tiktok")
    assert "\nLien en bio" in tiktok.text


class Cards(HTMLParser):
    """The review page's cards: item id -> network, the text to copy, whether it has a copy button."""

    def __init__(self) -> None:
        super().__init__()
        self.cards: dict[str, dict] = {}
        self.current: str | None = None
        self.in_text: str | None = None
        self.month_links: list[str] = []
        #: The overview's months: their link, counts shown, and counts by network (data-counts).
        self.rows: list[dict] = []
        self.in_count = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        values = dict(attrs)
        if tag == "tr" and "data-counts" in values:
            self.rows.append({"href": None, "cells": [], "by_network": json.loads(values["data-counts"])})
        if tag == "td" and "data-count" in values:
            self.rows[-1]["cells"].append("")
            self.in_count = True
        if tag == "a" and "data-keep-query" in values and self.rows and self.rows[-1]["href"] is None:
            self.rows[-1]["href"] = values["href"]
        if tag == "article" and "data-item-id" in values:
            self.current = values["data-item-id"]
            assert self.current not in self.cards, f"{self.current} twice on one page"
            self.cards[self.current] = {"network": values["data-network"], "text": "", "copy": False}
        if tag == "button" and values.get("class") == "copy":
            self.cards[self.current]["copy"] = True
        if tag == "textarea" and self.current:
            self.in_text = self.current
        if tag == "a" and "data-keep-query" in values:
            self.month_links.append(values["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea":
            self.in_text = None
        if tag == "td":
            self.in_count = False

    def handle_data(self, data: str) -> None:
        if self.in_count:
            self.rows[-1]["cells"][-1] += data
        if self.in_text:
            self.cards[self.in_text]["text"] += data


def review_page(path: Path) -> Cards:
    parser = Cards()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_the_review_has_a_page_per_month_with_every_upcoming_draft_once(built: Path) -> None:
    plan = load_plan(built)
    upcoming = [i for i in plan["items"] if i["kind"] == "post" and i["status"] != "withheld"
                and i["start"] >= "2027-02-15T10:00:00+01:00"]
    months = sorted({p["start"][:7] for p in upcoming})
    assert months == ["2027-03", "2027-04"]
    folder = built / "planning" / "drafts"
    assert sorted(p.name for p in folder.glob("*.html")) == ["2027-03.html", "2027-04.html", "index.html"]
    seen: dict[str, str] = {}
    for month in months:
        page = review_page(folder / f"{month}.html")
        for item_id, card in page.cards.items():
            post = next(p for p in upcoming if p["id"] == item_id)
            assert post["start"][:7] == month and item_id not in seen
            draft = drafts_of(built)[item_id].read_text(encoding="utf-8")
            assert card["text"] == draft and card["network"] == post["network"] and card["copy"]  # to paste
            seen[item_id] = month
    assert set(seen) == {p["id"] for p in upcoming}
    march = (folder / "2027-03.html").read_text(encoding="utf-8")
    assert f'{upcoming[0]["length"]} / {upcoming[0]["limit"]:,}'.replace(",", "\u00a0") in march  # French figures
    assert '<html lang="fr">' in march and "Brouillons à relire — mars 2027" in march
    assert review_page(folder / "2027-03.html").month_links == ["index.html", "2027-04.html"] * 2
    assert review_page(folder / "2027-04.html").month_links == ["2027-03.html", "index.html"] * 2
    # The overview: every month with its count, and the drafts of the next 7 days (none on 15 February).
    index = review_page(folder / "index.html")
    overview = (folder / "index.html").read_text(encoding="utf-8")
    assert index.month_links == ["2027-03.html", "2027-04.html"] and not index.cards
    march_posts = [p for p in upcoming if p["start"].startswith("2027-03")]
    row = index.rows[0]
    assert row["href"] == "2027-03.html" and row["cells"][0] == str(len(march_posts))
    # Counts by network, for the network filter: each network's own, adding up to the month's; by owner
    # ("/camille") and by both ("linkedin/camille") for the person filter, each of a post of the month; "_none"
    # for the posts nobody owns (the filter's "Sans responsable"); each of those by status too ("@scheduled").
    networks = {p["network"] for p in march_posts}
    owners = {p["owner"] or "_none" for p in march_posts}
    both = {f'{p["network"]}/{p["owner"] or "_none"}' for p in march_posts}
    statuses = {p["status"] for p in march_posts}
    assert "_none" in owners  # the fixture's posts have no owner
    keys = {""} | networks | {f"/{o}" for o in owners} | both
    assert set(row["by_network"]) == keys | {f"{key}@{status}" for key in keys for status in statuses}
    assert row["by_network"]["@scheduled"][0] == sum(1 for p in march_posts if p["status"] == "scheduled")
    for key in both:
        network, owner = key.split("/")
        assert row["by_network"][key][0] == sum(1 for p in march_posts
                                                if p["network"] == network and (p["owner"] or "_none") == owner)
    assert row["by_network"][""] == [int(cell) for cell in row["cells"]]
    for network in networks:
        assert row["by_network"][network][0] == sum(1 for p in march_posts if p["network"] == network)
    assert sum(row["by_network"][n][0] for n in networks) == len(march_posts)
    assert "Aucun brouillon dans les 7 prochains jours." in overview
    assert (built / "planning" / "assets" / "planning.js").is_file()


def test_a_draft_is_on_the_page_of_its_month_in_the_sites_time_zone(tmp_path: Path) -> None:
    from edcal.outputs import review
    from edcal.outputs.pages import REVIEW_FOLDER, item_link
    from helpers import MONTREAL, calendar_from, plan_of, write_planning_page

    calendar = calendar_from(MONTREAL + "posts:\n  - {id: soir, networks: [x], at: 2027-01-31 20:00, text: Le soir}\n"
                             "  - {id: matin, networks: [x], at: 2027-02-01 08:00, text: Le matin}\n"
                             "  - {id: juin, networks: [x], at: 2027-06-01 08:00, text: En juin}\n")
    plan = plan_of(calendar, now="2027-01-28T12:00:00-05:00")
    write_planning_page(review, plan, tmp_path)
    folder = tmp_path / "drafts"
    # 20:00 in Montreal on 31 January is 1 February in UTC: still January's page.
    assert set(review_page(folder / "2027-01.html").cards) == {"soir-x"}
    assert set(review_page(folder / "2027-02.html").cards) == {"matin-x"}
    assert set(review_page(folder / "2027-06.html").cards) == {"juin-x"}
    assert not (folder / "2027-03.html").exists()  # no page for a month without drafts
    # The next 7 days from 28 January: both posts around the month's end, not June's.
    assert set(review_page(folder / "index.html").cards) == {"soir-x", "matin-x"}
    by_id = {i.id: i for i in plan.items}
    assert item_link(REVIEW_FOLDER, by_id["soir-x"], plan) == "drafts/2027-01.html#item-soir-x"
    assert 'href="../agenda/2027-01.html#item-soir-x"' in (folder / "2027-01.html").read_text(encoding="utf-8")


def test_a_networks_template_that_no_drafts_folder_has_is_an_error(site: Path) -> None:
    """`template: mastodn.txt.j2` gave Mastodon the default template, without a word."""
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace("  mastodon: {}", "  mastodon: {template: mastodn.txt.j2}"),
                        encoding="utf-8")
    result = run_edcal("check", cwd=site)
    assert result.returncode == 2
    assert "calendar.yaml:9:24: error: found template 'mastodn.txt.j2', which no drafts folder has" in result.stderr
    assert "did you mean 'mastodon.txt.j2'?" in result.stderr


def test_a_us_sites_hootsuite_file_writes_the_month_first_unless_told_otherwise() -> None:
    """6 December read as June 12th: Hootsuite's dialog offers the order its US user writes dates in."""
    from edcal.outputs.exports import hootsuite, upcoming
    from helpers import calendar_from, plan_of

    site = "version: 1\ntimezone: America/New_York\ncountry: {country}\nnetworks:\n  x: {{}}\n{extra}posts:\n" \
           "  - {{id: p, at: 2026-12-06 12:15, networks: [x], text: Hello}}\n"
    for country, extra, expected in (("US", "", "12/06/2026 12:15,"), ("CA", "", "06/12/2026 12:15,"),
                                     ("US", "exports:\n  hootsuite: {date_format: '%d/%m/%Y %H:%M'}\n",
                                      "06/12/2026 12:15,")):
        plan = plan_of(calendar_from(site.format(country=country, extra=extra)), now="2026-12-01T00:00:00-05:00")
        rows, _ = hootsuite(upcoming(plan, "x"), plan)
        assert rows.startswith(expected), (country, extra, rows)


def test_a_carousel_goes_out_whole_and_in_order_in_drafts_review_exports_and_plan_json(tmp_path: Path) -> None:
    """Every output carried the first image only (the sidecar's `alt`, posts.csv) or was never shown several."""
    from edcal.outputs import exports, plan_json, review
    from edcal.outputs.drafts import sidecar
    from helpers import PARIS_CALENDAR, calendar_from, plan_of, write_planning_page

    cdn = "https://cdn.example.org"
    calendar = calendar_from(PARIS_CALENDAR + "  instagram: {}\nposts:\n  - id: c\n    at: 2027-01-12 09:00\n"
                             "    networks: [instagram]\n    text: Le salon\n    images:\n"
                             f"      - {{image: '{cdn}/3.png', alt: 'Le stand,\n          hall B : « Entrée »'}}\n"
                             f"      - '{cdn}/1.png'\n      - {{image: '{cdn}/2.png', alt: L'atelier}}\n")
    plan = plan_of(calendar, now="2027-01-05T00:00:00+01:00")
    (post,) = [item for item in plan.items if item.id == "c-instagram"]
    order = [f"{cdn}/3.png", f"{cdn}/1.png", f"{cdn}/2.png"]
    alts = ["Le stand, hall B : « Entrée »", None, "L'atelier"]
    data = sidecar(post, plan)
    assert data["media"] == [{"path": p, "alt": a} for p, a in zip(order, alts, strict=True)]
    assert data["alt"] == "Le stand, hall B : « Entrée »"  # the first image's, for scripts of one image
    assert plan_json.item_document(post, plan.calendar)["media"] == data["media"]
    assert json.loads(exports.posts_json([post], plan))["posts"][0]["media"] == data["media"]
    (row,) = csv.DictReader(io.StringIO(exports.generic_csv([post], plan).removeprefix("\ufeff"), newline=""))
    assert row["image"].split("\n") == order
    assert row["alt"].split("\n") == ["Le stand, hall B : « Entrée »", "", "L'atelier"]
    # The review card shows each image, in order, each with its alt text (or says it has none).
    write_planning_page(review, plan, tmp_path)
    page = (tmp_path / "drafts" / "2027-01.html").read_text(encoding="utf-8")
    card = page[page.index('data-item-id="c-instagram"'):]
    card = card[:card.index("</article>")]
    assert regex.findall(r'<img src="([^"]+)" alt="([^"]*)"', card) == [
        (f"{cdn}/3.png", "Le stand, hall B : « Entrée »"), (f"{cdn}/1.png", ""), (f"{cdn}/2.png", "L&#39;atelier")]
    # Each image's button and link is told apart by its name, heard out of context (a screen reader's list).
    assert regex.findall(r'aria-label="((?:Copier le texte alternatif|Télécharger l&#39;image)[^"]*)"', card) == [
        "Copier le texte alternatif (Instagram, mardi 12 janvier 2027 09:00, 1/3)",
        "Télécharger l&#39;image (Instagram, mardi 12 janvier 2027 09:00, 1/3)",
        "Télécharger l&#39;image (Instagram, mardi 12 janvier 2027 09:00, 2/3)",
        "Copier le texte alternatif (Instagram, mardi 12 janvier 2027 09:00, 3/3)",
        "Télécharger l&#39;image (Instagram, mardi 12 janvier 2027 09:00, 3/3)"]
    # Figures as French writes them: "Longueur : 8 / 2 200" (it read "/ 2200").
    assert "Longueur\u00a0: 8 / 2\u00a0200 <" in card, card[card.index('class="length'):][:200]
    captions = [regex.sub(r"\s*<button.*?</button>\s*<span[^>]*></span>|\s*<a class=\"download\".*?</a>", "", caption,
                          flags=regex.DOTALL)
                for caption in regex.findall(r"<figcaption>(.*?)</figcaption>", card, flags=regex.DOTALL)]
    assert captions == [
        # Spaced as French is under the image (the `alt` itself is left as typed): no line starts with "»".
        'Texte alternatif\u00a0: <span id="alt-c-instagram-1">Le stand, hall B\u00a0: «\u00a0Entrée\u00a0»</span>',
        '<span class="sev-warning">Pas de texte alternatif</span>',
        'Texte alternatif\u00a0: <span id="alt-c-instagram-3">L&#39;atelier</span>']


def test_an_online_empty_articles_error_is_on_each_card_about_it_and_counted_once(tmp_path: Path) -> None:
    """What a `--no-check` build shows: the error on every card promoting the empty article, once in the figures."""
    from edcal.checks import run_checks
    from edcal.outputs import review
    from edcal.outputs.context import OutputContext
    from edcal.themes import DEFAULT_THEME
    from helpers import article, calendar_from, plan_of

    calendar = calendar_from("version: 1\ntimezone: Europe/Paris\nnetworks:\n  linkedin: {}\n  x: {}\nblog:\n"
                             "  promote: {networks: [linkedin, x], schedule: [at publication, +2 days, +1 week]}\n")
    # An English site's articles: in the site's language (else translation-unpaired tells each)
    empty = article("portes", "2027-01-04 09:00", calendar, title="Our sliding doors", no_text=True, lang="en")
    sound = article("verriere", "2027-01-04 10:00", calendar, summary="A workshop glass wall.", lang="en")
    plan = plan_of(calendar, [empty, sound], now="2027-01-05T00:00:00+01:00")
    plan.lang = "en"
    findings = tuple(run_checks(plan))
    assert [(f.rule, f.severity) for f in findings] == [("empty-article", "error")]
    review.write(OutputContext(plan=plan, findings=findings,
                               template_folders={"planning": (DEFAULT_THEME / "planning",)}), tmp_path)
    page = (tmp_path / "drafts" / "2027-01.html").read_text(encoding="utf-8")
    lines = regex.findall(r'<article class="card" id="item-([^"]+)".*?(?:<ul class="findings about-article">(.*?)</ul>|'
                          r'</article>)', page, flags=regex.DOTALL)
    shown = {item_id: " ".join(regex.sub(r"<[^>]+>", "", found).split()) for item_id, found in lines}
    line = ("Article “Our sliding doors”: error [empty-article] article 'portes' has no text, only its header and "
            "headings: its page would go online empty, and its posts would link to it content/articles/portes.md:1")
    assert {item_id: text.replace("&#39;", "'") for item_id, text in shown.items()} == {
        "portes-linkedin-2d": line, "portes-x-2d": line, "verriere-linkedin-2d": "", "verriere-x-2d": "",
        "portes-linkedin-1w": line, "portes-x-1w": line, "verriere-linkedin-1w": "", "verriere-x-1w": ""}
    # Four cards show it; the page counts one error, about their articles, and no error of their own.
    lead = " ".join(regex.sub(r"<[^>]+>", "", regex.search(r'<p class="lead".*?</p>', page, flags=regex.DOTALL)
                              .group(0)).split())
    assert lead == "8 drafts, 1 error in their articles."
    overview = (tmp_path / "drafts" / "index.html").read_text(encoding="utf-8")
    assert '<td data-label="Errors in their articles" data-count="3" class="sev-error" role="cell">1</td>' in overview
    assert 'data-count="periods"' not in overview  # shown on its cards, it is no "finding on no draft"


def test_the_drafts_review_says_a_finding_on_the_settings_is_on_no_draft(tmp_path: Path) -> None:
    """A new site's SITEURL placeholder was counted as "1 more finding about no draft (a week below cadence, …,
    an idea)": none of which the site had, and the settings were not named."""
    from edcal.checks import run_checks
    from edcal.outputs import review
    from edcal.outputs.context import OutputContext
    from edcal.themes import DEFAULT_THEME
    from helpers import calendar_from, plan_of

    calendar = calendar_from("version: 1\ntimezone: Europe/Paris\nnetworks:\n  x: {}\nposts:\n"
                             "  - {id: a, networks: [x], at: 2027-01-14 10:00, text: Bonjour}\n")
    plan = plan_of(calendar, now="2027-01-12T10:00:00+01:00")
    plan.lang, plan.site_url = "en", "https://www.example.org"
    findings = tuple(run_checks(plan))
    assert [f.rule for f in findings] == ["placeholder-site-url"]
    review.write(OutputContext(plan=plan, findings=findings,
                               template_folders={"planning": (DEFAULT_THEME / "planning",)}), tmp_path)
    overview = (tmp_path / "drafts" / "index.html").read_text(encoding="utf-8")
    sentence = regex.search(r'data-count="periods">(.*?)</p>', overview).group(1)
    assert sentence.startswith("1 more finding is about no draft of these pages (") and \
        "the site&#39;s settings" in sentence, sentence


CRISIS_ENV = {"EDCAL_NOW": "2027-01-12T10:00", "SOURCE_DATE_EPOCH": "1800000000"}


def built_crisis(target: Path, crisis: str = CRISIS) -> Path:
    """The sample site with a crisis freeze, built during it (12 January 2027 at 10:00)."""
    crisis_sample(target, crisis)
    result = run_edcal("build", cwd=target, env=CRISIS_ENV)
    assert result.returncode == 0, result.stderr
    return target


def notices(page: str) -> list[str]:
    """The freeze notices of a built page, as their text reads."""
    import html

    return [" ".join(html.unescape(regex.sub(r"<[^>]+>", " ", found)).replace("\xa0", " ").split())
            for found in regex.findall(r'<section class="freeze-notice".*?</section>', page, flags=regex.DOTALL)]


#: What a freeze's notice says of a promotion it withholds, in the sample's French.
FOLLOWS = "elle suit son article : pour l'envoyer, écrivez-la comme une publication à part, avec at:"


def test_the_drafts_review_and_the_calendar_say_a_freeze_is_in_force(tmp_path: Path) -> None:
    """During a crisis the review said "Aucun brouillon à venir", with no word of the freeze that withheld them."""
    site = built_crisis(tmp_path / "site")
    overview = (site / "planning" / "drafts" / "index.html").read_text(encoding="utf-8")
    crisis = ("Gel des publications en cours Depuis le mardi 12 janvier 2027 à 09:40, jusqu'à nouvel ordre. "
              "Motif : Bad buzz sur la vidéo du chantier : on suspend tout Réseaux : tous. Les articles prévus pendant "
              "le gel attendent aussi. Il retient 68 publications à venir (23 sur LinkedIn, 20 sur Mastodon, 16 sur "
              "Instagram, 4 sur Bluesky, 4 sur Le Fil (intranet), 1 sur YouTube) : ni brouillon, ni export, ni événement dans les "
              "flux. Un outil de programmation qui les a reçues avant le gel (Hootsuite, Buffer…) les publiera quand même : "
              "mettez-les en pause dans cet outil. "
              # The first ten, as a scheduler's planner shows them: the ones it may hold already.
              # ... with the name `edcal move` takes, to send one after the freeze.
              "mercredi 13 janvier 2027 18:00 · Instagram · Les coulisses de l'atelier · coulisses-atelier-20270113 "
              # The article's promotions: its slug, their name for `edcal move`, moved the article, online already.
              "jeudi 14 janvier 2027 09:00 · Bluesky · Salon Industrie Rhône-Alpes 2027 : retrouvez-nous stand B42 · "
              f"{FOLLOWS} "
              "jeudi 14 janvier 2027 09:00 · Instagram · Salon Industrie Rhône-Alpes 2027 : retrouvez-nous stand B42 · "
              f"{FOLLOWS} "
              "jeudi 14 janvier 2027 12:30 · LinkedIn · Salon Industrie Rhône-Alpes 2027 : retrouvez-nous stand B42 · "
              f"{FOLLOWS} "
              "jeudi 14 janvier 2027 12:30 · Mastodon · Salon Industrie Rhône-Alpes 2027 : retrouvez-nous stand B42 · "
              f"{FOLLOWS} "
              "jeudi 14 janvier 2027 16:30 · LinkedIn · L'astuce du jeudi · astuce-du-jeudi-20270114 "
              "jeudi 14 janvier 2027 16:30 · Mastodon · L'astuce du jeudi · astuce-du-jeudi-20270114 "
              "mardi 19 janvier 2027 09:00 · Bluesky · Salon Industrie : J-7 · salon-j-7 "
              "mardi 19 janvier 2027 09:00 · LinkedIn · Salon Industrie : J-7 · salon-j-7 "
              "mercredi 20 janvier 2027 18:00 · Instagram · Les coulisses de l'atelier · coulisses-atelier-20270120 "
              "Et 58 autres : le calendrier montre chacune à son heure, gelée. "
              "Pour le lever : indiquez son until: dans calendar.yaml:125 , le moment où il prend fin. Ne supprimez pas l'entrée : c'est par elle qu'edcal retrouve les publications qu'il a retenues, qui ne sont jamais parties.")
    mastodon = ("Gel des publications à venir Du mercredi 20 janvier 2027 au jeudi 21 janvier 2027 (inclus). Motif : "
                "Migration de notre compte Mastodon vers une nouvelle instance Réseaux : Mastodon. Le blog continue. "
                "Il retient 1 publication à venir (1 sur Mastodon) : ni brouillon, ni export, ni événement dans les "
                "flux. Un outil de programmation qui l'a reçue avant le gel (Hootsuite, Buffer…) la publiera quand même : "
                "mettez-la en pause dans cet outil. jeudi 21 janvier 2027 16:30 · Mastodon · L'astuce du jeudi · "
                "astuce-du-jeudi-20270121 "
                "Pour le lever plus tôt : changez son until: dans calendar.yaml:121 , le moment où il prend fin. Ne supprimez pas l'entrée : c'est par elle qu'edcal retrouve les publications qu'il a retenues, qui ne sont jamais parties.")
    assert notices(overview) == [crisis, mastodon]  # the one in force first
    assert ('<p class="empty">Aucun brouillon à venir. Un gel retient des publications à venir\xa0: voir plus '
            'haut.</p>') in overview
    # Each notice is a region named by its heading.
    assert regex.search(r'<section class="freeze-notice" aria-labelledby="freeze-1">\s*<h2 id="freeze-1">', overview)
    # The calendar page says it above the calendar, beyond its hatched days and withheld tiles.
    # (A freeze to come is hatched there: the notice tells of those in force.)
    assert notices((site / "planning" / "index.html").read_text(encoding="utf-8")) == [crisis]
    # So does each month of the agenda, where a link from the calendar (or a phone's bookmark) lands.
    for month in ("2027-01", "2027-03"):
        assert notices((site / "planning" / "agenda" / f"{month}.html").read_text(encoding="utf-8")) == [crisis]
    # What the build counts, the review shows: 68 posts to come withheld (the crisis's notice counts the one of 21
    # January too, which the Mastodon freeze holds first: each notice counts its own window).
    summary = run_edcal("build", cwd=site, env=CRISIS_ENV)
    assert "68 posts to come withheld by a freeze" in summary.stdout
    # The posts line counts them too, those to come (it counted the past ones of 12 January: 75, where every page
    # says 68), and says so.
    assert regex.search(r"\n  posts: \d+ on 6 networks \([a-z, ]+\), 68 posts to come withheld by a freeze\n",
                        summary.stdout), summary.stdout
    # ... and where to find which, to pause them in a scheduler.
    assert "they would still go out there: pause them (the freeze's notice on planning/drafts/index.html names " \
        "the first ones)\n" in summary.stdout, summary.stdout
    # And the review's figures still add up to `edcal check`'s: the freeze's one finding is on no draft, nor is
    # the fair's objective without a figure.
    check = json.loads(run_edcal("check", "--format", "json", cwd=site, env=CRISIS_ENV).stdout)
    # (The log of what went out stops in November: posted-unconfirmed's one finding, at its last line.)
    assert [(f["rule"], f["item"]) for f in check["findings"]] == [
        ("posted-unconfirmed", None), ("objective-unmeasured", None), ("post-in-freeze", None),
        ("post-in-freeze", "astuce-du-jeudi-mastodon-20270121")], [(f["rule"], f["item"]) for f in check["findings"]]
    assert not list((site / "planning" / "drafts").glob("20*.html"))
    assert regex.search(r'data-count="periods">4 autres constats ne portent sur aucun brouillon', overview)
    # The team's feeds say the freeze and its reason in one event of its own, no withheld post's event; their
    # public copies (`feeds: publish:`) leave the reason out (test_build's canaries).
    feed = (site / "planning" / "calendar.ics").read_text(encoding="utf-8").replace("\n ", "")  # unfolded
    said = [event for event in feed.split("BEGIN:VEVENT")[1:] if "Bad buzz" in event]
    assert len(said) == 1 and "CATEGORIES:Gel des publications\n" in said[0], said


def test_a_month_page_says_what_a_freeze_withholds_in_that_month(tmp_path: Path) -> None:
    """A freeze of some networks leaves drafts on the others: each month page it covers says it."""
    some = ('  - from: 2027-01-12 09:40\n    networks: [instagram, mastodon]\n'
            '    reason: "Bad buzz : LinkedIn seul continue"\n')
    site = built_crisis(tmp_path / "site", some)
    plan = items_by_id(load_plan(site))
    now = dt.datetime.fromisoformat("2027-01-12T10:00:00+01:00")
    # Its own window's posts, those the Mastodon freeze of 20-21 January (first in the file) holds too.
    held = [i for i in plan.values() if i["kind"] == "post" and i["status"] == "withheld"
            and dt.datetime.fromisoformat(i["start"]) >= now and i["network"] in ("instagram", "mastodon")]
    months: dict[str, int] = {}
    for post in held:
        months[post["start"][:7]] = months.get(post["start"][:7], 0) + 1
    assert len(months) >= 3  # January to April, each with drafts on LinkedIn
    page = (site / "planning" / "drafts" / "2027-01.html").read_text(encoding="utf-8")
    [notice] = [n for n in notices(page) if "Bad buzz" in n]
    assert notice.startswith("Gel des publications en cours Depuis le mardi 12 janvier 2027 à 09:40, jusqu'à nouvel "
                             "ordre. Motif : Bad buzz : LinkedIn seul continue Réseaux : Instagram, Mastodon. Le blog "
                             f"continue. Ce mois-ci, il retient {months['2027-01']} publications à venir (")
    for month, count in months.items():
        page = (site / "planning" / "drafts" / f"{month}.html").read_text(encoding="utf-8")
        assert [n for n in notices(page) if "Bad buzz" in n and f"Ce mois-ci, il retient {count} publication" in n]
    overview = (site / "planning" / "drafts" / "index.html").read_text(encoding="utf-8")
    assert any(f"Il retient {len(held)} publications à venir (" in n for n in notices(overview))


def test_a_freeze_lifted_says_for_a_week_what_it_withheld_and_how_to_send_it(tmp_path: Path) -> None:
    """Once the freeze was given its `until:`, its notice went, and nothing on the team's pages said that the
    posts it had withheld, their time passed, had not gone out, nor how to send those that still must."""
    lifted = '  - from: 2027-01-12 09:40\n    until: 2027-01-14 10:00\n    reason: "Bad buzz : on suspend tout"\n'
    site = crisis_sample(tmp_path / "site", lifted)
    result = run_edcal("build", cwd=site, env={**CRISIS_ENV, "EDCAL_NOW": "2027-01-15T10:00"})
    assert result.returncode == 0, result.stderr
    expected = (
        "Gel levé Du mardi 12 janvier 2027 à 09:40 au jeudi 14 janvier 2027 à 10:00. Motif : Bad buzz : on suspend "
        "tout Réseaux : tous. Il a retenu 3 publications (2 sur Instagram, 1 sur Bluesky), dont l'heure est passée : "
        "elles ne sont pas parties. "
        # Each with what sends it: a promotion's name was its article's, which `edcal move` would move.
        "mercredi 13 janvier 2027 18:00 · Instagram · Les coulisses de l'atelier · edcal move "
        "coulisses-atelier-20270113 --to JOUR , un jour où sa série ne publie pas "
        "jeudi 14 janvier 2027 09:00 · Bluesky · Salon Industrie Rhône-Alpes 2027 : retrouvez-nous stand B42 · "
        "elle suit son article : pour l'envoyer, écrivez-la comme une publication à part, avec at: "
        "jeudi 14 janvier 2027 09:00 · Instagram · Salon Industrie Rhône-Alpes 2027 : retrouvez-nous stand B42 · "
        "elle suit son article : pour l'envoyer, écrivez-la comme une publication à part, avec at: "
        # No one-off post among them: `edcal move --withheld` would move none, and is not offered.
        "Pour renoncer à l'une d'elles, notez-la sous posted: avec skipped: true .")
    drafts = notices((site / "planning" / "drafts" / "index.html").read_text(encoding="utf-8"))
    assert drafts[0] == expected, drafts  # before the Mastodon freeze to come
    assert notices((site / "planning" / "index.html").read_text(encoding="utf-8")) == [expected]
    assert notices((site / "planning" / "agenda" / "2027-01.html").read_text(encoding="utf-8")) == [expected]
    # The name given moves the post onto a day to come.
    moved = run_edcal("move", "coulisses-atelier-20270113", "--to", "2027-01-16", "--dry-run", cwd=site,
                      env={"EDCAL_NOW": "2027-01-15T10:00"})
    assert moved.returncode == 0 and "Status: withheld → scheduled" in moved.stdout, moved.stdout + moved.stderr
    # A week after its end, the notice is gone.
    result = run_edcal("build", cwd=site, env={**CRISIS_ENV, "EDCAL_NOW": "2027-01-21T10:01"})
    assert result.returncode == 0, result.stderr
    assert not [n for n in notices((site / "planning" / "drafts" / "index.html").read_text(encoding="utf-8"))
                if "Gel levé" in n]


def test_the_freeze_notice_in_english(tmp_path: Path) -> None:
    from edcal.checks import run_checks
    from edcal.outputs import review
    from edcal.outputs.context import OutputContext
    from edcal.themes import DEFAULT_THEME
    from helpers import calendar_from, plan_of

    calendar = calendar_from("version: 1\ntimezone: Europe/Paris\nnetworks:\n  x: {}\n  mastodon: {}\n"
                             "freeze:\n  - {from: 2027-01-12 09:40, until: 2027-01-31, networks: [x], reason: Bad buzz}\n"
                             "posts:\n  - {id: a, networks: [x, mastodon], at: 2027-01-14 10:00, text: Bonjour}\n")
    plan = plan_of(calendar, now="2027-01-12T10:00:00+01:00")
    plan.lang = "en"
    review.write(OutputContext(plan=plan, findings=tuple(run_checks(plan)),
                               template_folders={"planning": (DEFAULT_THEME / "planning",)}), tmp_path)
    expected = ("Freeze in force Since Tuesday 12 January 2027 at 09:40, until Sunday 31 January 2027 (included). "
                "Reason: Bad buzz Networks: X. The blog goes on. {count} withholds 1 post to come (1 on X): no draft, no "
                "export, no feed event. To lift it sooner: change its until: in calendar.yaml:7 , the moment it ends. Do not delete the entry: it is how edcal finds the posts it held back, which never went out.")
    overview = (tmp_path / "drafts" / "index.html").read_text(encoding="utf-8")
    listed = ("export, no feed event. A scheduler given it before the freeze (Hootsuite, Buffer…) still posts it: pause "
              "it there. Thursday 14 January 2027 10:00 · X · Bonjour · a-x To lift")  # `a` would move Mastodon's too
    assert notices(overview) == [expected.replace("{count}", "It").replace("export, no feed event. To lift", listed)]
    # A month's page tells what the freeze withholds in it, and lists none of them.
    month = (tmp_path / "drafts" / "2027-01.html").read_text(encoding="utf-8")
    assert notices(month) == [expected.replace("{count} withholds", "In this month, it withholds")]


def _launch_notices(target: Path, networks: str, freeze: str, entries: str, now: str) -> list[str]:
    """The freeze notices of the drafts review, in English, of a site whose article 'lancement' (12 January 2027
    09:00) is promoted on X the day after, with a freeze from 12 January 09:40 (the rest of its entry given)."""
    from edcal.checks import run_checks
    from edcal.outputs import review
    from edcal.outputs.context import OutputContext
    from edcal.themes import DEFAULT_THEME
    from helpers import article, calendar_from, plan_of

    calendar = calendar_from(f"version: 1\ntimezone: Europe/Paris\nnetworks:\n{networks}"
                             f"freeze:\n  - {{from: 2027-01-12 09:40, {freeze}"
                             f"blog:\n  promote: {{networks: [x], schedule: [+1 day]}}\nposts:\n{entries}")
    plan = plan_of(calendar, [article("lancement", "2027-01-12T09:00", calendar, title="Launch")], now=now)
    plan.lang = "en"
    review.write(OutputContext(plan=plan, findings=tuple(run_checks(plan)),
                               template_folders={"planning": (DEFAULT_THEME / "planning",)}), target)
    return notices((target / "drafts" / "index.html").read_text(encoding="utf-8"))


def test_a_lifted_freeze_gives_each_post_the_command_that_sends_it(tmp_path: Path) -> None:
    """The "Freeze lifted" notice gave every post its name for `edcal move NAME --to DAY`: a promotion's name is its
    article's (the command moved the article), and `--to` moved a Thursday's post onto another weekday."""
    [notice] = _launch_notices(tmp_path, "  x: {}\n", "until: 2027-01-14 10:00, reason: Bad buzz}\n",
                               "  - {id: voeux, networks: [x], at: 2027-01-12 11:00, text: Bonjour}\n",
                               now="2027-01-20T10:00:00+01:00")
    assert notice.endswith(
        "Tuesday 12 January 2027 11:00 · X · Bonjour · edcal move voeux --by '+2 weeks' "
        "Wednesday 13 January 2027 09:00 · X · Launch · it follows its article: to send it, write it as a post of its "
        "own, with at: "
        "edcal move --withheld --by '+2 weeks' sends the one-off post among them, on its weekday and at its time or "
        "slot, to come. To drop one, log it under posted: with skipped: true ."), notice


def test_a_freeze_in_force_never_names_what_would_move_something_else(tmp_path: Path) -> None:
    """The notice of a freeze in force gave each post the name `edcal move` takes: a promotion's is its article's
    (the command moved the article, online already), and an entry's moves its posts on every network (the one the
    freeze leaves alone too). The lifted freeze's notice says a promotion follows its article: so does this one."""
    [notice] = _launch_notices(tmp_path, "  x: {}\n  linkedin: {}\n", "networks: [x], reason: Bad buzz}\n",
                               "  - {id: voeux, networks: [x, linkedin], at: 2027-01-14 11:00, text: Bonjour}\n"
                               "  - {id: seul, networks: [x], at: 2027-01-15 11:00, text: Seul}\n",
                               now="2027-01-12T10:00:00+01:00")
    assert ("pause them there. "
            "Wednesday 13 January 2027 09:00 · X · Launch · it follows its article: to send it, write it as a post "
            "of its own, with at: "
            # `voeux` would move the LinkedIn post too, which the freeze leaves alone.
            "Thursday 14 January 2027 11:00 · X · Bonjour · voeux-x "
            "Friday 15 January 2027 11:00 · X · Seul · seul To lift it") in notice, notice



def test_a_freeze_of_one_network_names_no_day_of_a_series_that_posts_on_others(tmp_path: Path) -> None:
    """A freeze of X: the notice named the series' day, `astuce-20270114`, which moves that day on LinkedIn too
    (`moved:` moves a day on every network of the series): the freeze leaves LinkedIn's post alone."""
    daily = "  - {id: astuce, networks: [x, linkedin], text: Astuce, repeat: {every: week, on: thu, at: '11:00', from: 2027-01-05}}\n"
    [notice] = _launch_notices(tmp_path, "  x: {}\n  linkedin: {}\n",
                               "until: 2027-01-15, networks: [x], reason: Bad buzz}\n", daily,
                               now="2027-01-12T10:00:00+01:00")
    assert ("Thursday 14 January 2027 11:00 · X · Astuce · its series posts that day on other networks too, and "
            "edcal move moves a day on them all: to send it alone, write it as a post of its own, with at: To lift"
            ) in notice, notice
    # Lifted, the same: the series' day would move its LinkedIn post, gone out already (edcal move refuses it).
    [notice] = _launch_notices(tmp_path / "lifted", "  x: {}\n  linkedin: {}\n",
                               "until: 2027-01-15, networks: [x], reason: Bad buzz}\n", daily,
                               now="2027-01-16T10:00:00+01:00")
    assert ("Thursday 14 January 2027 11:00 · X · Astuce · its series posts that day on other networks too, and "
            "edcal move moves a day on them all: to send it alone, write it as a post of its own, with at: "
            ) in notice, notice

def test_an_entry_set_back_to_draft_is_one_error_shown_on_each_of_its_cards(tmp_path: Path) -> None:
    """`edcal check` tells the promotions of an article set back to draft as one error: each of their cards still
    shows it, and the page counts it once, as `edcal check` does."""
    from edcal.checks import run_checks
    from edcal.outputs import review
    from edcal.outputs.context import OutputContext
    from edcal.themes import DEFAULT_THEME
    from helpers import article, calendar_from, plan_of

    calendar = calendar_from("version: 1\ntimezone: Europe/Paris\nnetworks:\n  linkedin: {}\n  x: {}\nposts:\n"
                             "  - {promote: portes, networks: [linkedin, x], schedule: [at publication, +2 days]}\n")
    draft = article("portes", "2027-01-12 09:00", calendar, title="Our sliding doors", status="draft")
    plan = plan_of(calendar, [draft], now="2027-01-05T00:00:00+01:00")
    plan.lang = "en"
    findings = tuple(run_checks(plan))
    assert [(f.rule, f.severity, f.item) for f in findings] == [("post-before-article", "error", None)]
    review.write(OutputContext(plan=plan, findings=findings,
                               template_folders={"planning": (DEFAULT_THEME / "planning",)}), tmp_path)
    page = (tmp_path / "drafts" / "2027-01.html").read_text(encoding="utf-8")
    cards = regex.findall(r'<article class="card" id="item-([^"]+)".*?</article>', page, flags=regex.DOTALL)
    assert sorted(cards) == ["portes-linkedin-0", "portes-linkedin-2d", "portes-x-0", "portes-x-2d"]
    shown = regex.findall(r'<ul class="findings">(.*?)</ul>', page, flags=regex.DOTALL)
    assert len(shown) == 4 and all("4 posts (" in found and "which is a draft" in found for found in shown)
    lead = " ".join(regex.sub(r"<[^>]+>", "", regex.search(r'<p class="lead".*?</p>', page, flags=regex.DOTALL)
                              .group(0)).split())
    assert lead == "4 drafts, 1 error."
    overview = (tmp_path / "drafts" / "index.html").read_text(encoding="utf-8")
    assert 'data-count="periods"' not in overview  # shown on its cards, it is no "finding on no draft"


def test_a_finding_about_several_promotions_written_in_the_article_is_shown_once_on_each_card(tmp_path: Path) -> None:
    """The article's `social:` text for LinkedIn mentions a Mastodon address: its two LinkedIn promotions get one
    finding, at that line of the article. Being in the article's file and on no one item, it was also taken for a
    finding about the article: each card showed it twice, and the page counted it twice."""
    from edcal.checks import run_checks
    from edcal.model.article import Social, SocialOverride
    from edcal.model.source import Source
    from edcal.outputs import review
    from edcal.outputs.context import OutputContext
    from edcal.themes import DEFAULT_THEME
    from helpers import article, calendar_from, plan_of

    calendar = calendar_from("version: 1\ntimezone: Europe/Paris\nnetworks:\n  linkedin: {}\n"
                             "blog:\n  promote: {networks: [linkedin], schedule: [at publication, +2 days]}\n")
    text = SocialOverride(text="Our doors, by @atelier@piaille.fr", source=Source("content/articles/portes.md", 4, 9))
    live = article("portes", "2027-01-12 09:00", calendar, title="Our sliding doors",
                   social=Social(per_network={"linkedin": text}))
    plan = plan_of(calendar, [live], now="2027-01-05T00:00:00+01:00")
    plan.lang = "en"
    findings = tuple(f for f in run_checks(plan) if f.rule == "mention-elsewhere")
    assert [(f.source.path, f.item, dict(f.data)["posts"]) for f in findings] == [
        ("content/articles/portes.md", None, 2)]
    review.write(OutputContext(plan=plan, findings=findings,
                               template_folders={"planning": (DEFAULT_THEME / "planning",)}), tmp_path)
    page = (tmp_path / "drafts" / "2027-01.html").read_text(encoding="utf-8")
    cards = regex.findall(r'<article class="card" id="item-([^"]+)".*?</article>', page, flags=regex.DOTALL)
    assert sorted(cards) == ["portes-linkedin-0", "portes-linkedin-2d"]
    assert page.count("mention @atelier@piaille.fr") == 2  # once on each card
    assert "Article “Our sliding doors”:" not in page  # not a finding about the article too
    # Drafts, errors, warnings, and the errors and warnings about their articles: one warning, on the posts.
    assert """data-counts='{"": [2, 0, 1, 0, 0],""" in page


def test_a_card_names_the_account_and_gives_the_link_to_set_where_the_text_cannot_carry_it(tmp_path: Path) -> None:
    """The Instagram draft said "Lien en bio", but no card gave the link to put in the bio (nor a pin's its
    field): the publisher had to open posts.csv. Nor did a card say which account to post from."""
    from edcal.outputs import review
    from helpers import PARIS_CALENDAR, calendar_from, plan_of, write_planning_page

    calendar = calendar_from(PARIS_CALENDAR.replace("  x: {}\n", "  x: {account: '@AtelierMorel'}\n")
                             + "  instagram: {account: '@atelier.morel'}\n  pinterest: {}\nposts:\n"
                             "  - id: salon\n    at: 2027-01-12 09:00\n    networks: [instagram, pinterest, x, linkedin]\n"
                             "    text: Le salon\n    link: /salon/\n    image: https://cdn.example.org/s.png\n"
                             "    alt: Le stand\n")
    plan = plan_of(calendar, now="2027-01-05T00:00:00+01:00")
    write_planning_page(review, plan, tmp_path)
    page = (tmp_path / "drafts" / "2027-01.html").read_text(encoding="utf-8")

    def card(item_id: str) -> str:
        found = page[page.index(f'data-item-id="{item_id}"'):]
        return found[:found.index("</article>")]

    def words(html: str) -> str:
        return regex.sub(r"[ \n]+", " ", regex.sub(r"<[^>]+>", " ", html).replace("&amp;", "&")).strip()

    url = "https://blog.example.fr/salon/?utm_source={}&utm_medium=social&utm_campaign=salon"
    instagram = card("salon-instagram")
    assert '<span class="net">Instagram</span> <span class="account">@atelier.morel</span>' in instagram
    assert "Lien en bio" in instagram  # the draft's words…
    bio = regex.search(r'<p class="bio-link">(.*?)</p>', instagram, flags=regex.DOTALL).group(1)
    # …and the link they send to, tracked for Instagram, with a button that copies it.
    assert words(bio) == f"Lien à mettre dans la bio du profil\u00a0: {url.format('instagram')} Copier le lien"
    assert 'data-copy="link-salon-instagram"' in bio and 'id="link-salon-instagram"' in bio
    pin = regex.search(r'<p class="bio-link">(.*?)</p>', card("salon-pinterest"), flags=regex.DOTALL).group(1)
    assert words(pin).startswith(f"Lien, pour son champ à part\u00a0: {url.format('pinterest')} ")
    # Where the text carries the link, the card gives none apart; a network without `account:` names none.
    assert 'class="bio-link"' not in card("salon-x") and 'class="bio-link"' not in card("salon-linkedin")
    assert '<span class="account">@AtelierMorel</span>' in card("salon-x")
    assert 'class="account"' not in card("salon-linkedin")


def test_with_a_link_in_bio_page_a_card_sends_to_it_not_to_a_link_of_its_own(tmp_path: Path) -> None:
    """With `link_in_bio:` the profile's one link is that page: the Instagram card still said to put the post's
    own tracked link in the bio, which would replace the page there. A network the page does not list (X: its
    text carries the link; a pin: its own field) keeps what it said."""
    page = salon_drafts(tmp_path, "link_in_bio: {path: liens, networks: [instagram]}\n")

    def bio(item_id: str) -> str:
        card = page[page.index(f'data-item-id="{item_id}"'):]
        card = card[:card.index("</article>")]
        found = regex.search(r'<p class="bio-link">(.*?)</p>', card, flags=regex.DOTALL).group(1)
        return regex.sub(r"[ \n]+", " ", html.unescape(regex.sub(r"<[^>]+>", " ", found))).strip()

    assert bio("salon-instagram") == (
        "Le lien du profil est la page de liens en bio, https://blog.example.fr/liens/ , qui liste cette publication "
        "dès qu'elle est partie, avec son lien suivi\u00a0: https://blog.example.fr/salon/?utm_source=instagram"
        "&utm_medium=social&utm_campaign=salon Copier le lien")
    assert 'href="https://blog.example.fr/liens/"' in page
    assert bio("salon-tiktok").startswith("Lien à mettre dans la bio du profil\u00a0: https://blog.example.fr/salon/")
    assert bio("salon-pinterest").startswith("Lien, pour son champ à part\u00a0: https://blog.example.fr/salon/")
    assert 'class="bio-hint"' not in page  # a site that chose its page's networks is not told of the page


def salon_drafts(folder: Path, settings: str) -> str:
    """The drafts review of January 2027 of a post "salon" on Instagram, TikTok, Pinterest and LinkedIn, with
    ``settings`` added to calendar.yaml."""
    from edcal.outputs import review
    from helpers import PARIS_CALENDAR, calendar_from, plan_of, write_planning_page

    calendar = calendar_from(PARIS_CALENDAR + "  instagram: {}\n  tiktok: {}\n  pinterest: {}\n" + settings
                             + "posts:\n  - id: salon\n    at: 2027-01-12 09:00\n"
                             "    networks: [instagram, tiktok, pinterest, linkedin]\n    text: Le salon\n"
                             "    link: /salon/\n    image: https://cdn.example.org/s.png\n    alt: Le stand\n")
    write_planning_page(review, plan_of(calendar, now="2027-01-05T00:00:00+01:00"), folder)
    return (folder / "drafts" / "2027-01.html").read_text(encoding="utf-8")


def test_a_card_saying_link_in_bio_points_to_the_link_in_bio_page_while_the_site_has_none(tmp_path: Path) -> None:
    """A new site's Instagram and TikTok drafts said "Lien en bio" and their cards gave a link to put in the
    bio, one at a time: nothing said that edcal writes a page of the latest posts' links for the profile's one
    link (`link_in_bio:`). A pin has its own field for its link: no page for it."""
    page = salon_drafts(tmp_path, "")

    def card(item_id: str) -> str:
        found = page[page.index(f'data-item-id="{item_id}"'):]
        return regex.sub(r"[ \n]+", " ", html.unescape(regex.sub(r"<[^>]+>", " ", found[:found.index("</article>")])))

    hint = ("Une page de liens en bio, qui liste les liens de vos dernières publications\u00a0: "
            "link_in_bio: {} dans calendar.yaml")
    assert [i for i in ("salon-instagram", "salon-tiktok", "salon-pinterest", "salon-linkedin")
            if hint in card(i)] == ["salon-instagram", "salon-tiktok"], card("salon-instagram")


def test_the_drafts_review_says_in_which_zone_its_times_are(tmp_path: Path) -> None:
    """The calendar said "heure de Paris"; the drafts review, where one publishes by hand, gave "09:00" alone."""
    from edcal.outputs import review
    from helpers import MONTREAL, calendar_from, plan_of, write_planning_page

    plan = plan_of(calendar_from(MONTREAL + "posts:\n  - {id: p, at: 2027-01-12 09:00, networks: [x], text: Bonjour}\n"),
                   now="2027-01-11T00:00:00-05:00")
    write_planning_page(review, plan, tmp_path)
    for name in ("2027-01.html", "index.html"):
        shown = (tmp_path / "drafts" / name).read_text(encoding="utf-8")
        assert '<p class="zone">Heure des publications\u00a0: heure de Montréal.</p>' in shown, name


def test_a_cet_site_s_drafts_review_names_its_summer_clock_too(tmp_path: Path) -> None:
    """`timezone: CET` (taken: its clocks change in summer) labelled July's 09:00 "heure CET", which reads
    UTC+1: the clock shows CEST (UTC+2) then. A page spans both seasons: it names both clocks."""
    from edcal.outputs import review
    from helpers import MONTREAL, calendar_from, plan_of, write_planning_page

    plan = plan_of(calendar_from(MONTREAL.replace("America/Montreal", "CET")
                                 + "posts:\n  - {id: p, at: 2027-07-12 09:00, networks: [x], text: Bonjour}\n"),
                   now="2027-07-11T00:00:00+02:00")
    write_planning_page(review, plan, tmp_path)
    for name in ("2027-07.html", "index.html"):
        shown = (tmp_path / "drafts" / name).read_text(encoding="utf-8")
        assert '<p class="zone">Heure des publications\u00a0: heure CET/CEST.</p>' in shown, name


@pytest.mark.parametrize("log", [None, "posted:\n  - b-x\n  - {item: c-x, skipped: true}\n"])
def test_a_post_of_today_whose_time_passed_stays_on_the_overview_until_the_log_names_it(tmp_path: Path,
                                                                                        log: str | None) -> None:
    """Built at 09:00, as `next-change` asks, the overview lost the 09:00 post's card, copy button and all,
    for whoever posts by hand at 09:05. It stays for the day, said to be past, until the log names it."""
    from edcal.outputs import review
    from helpers import PARIS_CALENDAR, calendar_from, plan_of, write_planning_page

    calendar = calendar_from(PARIS_CALENDAR + "posts:\n"
                             "  - {id: y, at: 2027-01-11 09:00, networks: [x], text: Hier}\n"
                             "  - {id: a, at: 2027-01-12 09:00, networks: [x], text: Ce matin}\n"
                             "  - {id: b, at: 2027-01-12 09:30, networks: [x], text: Parti}\n"
                             "  - {id: c, at: 2027-01-12 09:45, networks: [x], text: Annulé}\n"
                             "  - {id: d, at: 2027-01-12 18:00, networks: [x], text: Ce soir}\n",
                             {"log.yaml": log} if log else None)
    plan = plan_of(calendar, now="2027-01-12T10:00:00+01:00")
    write_planning_page(review, plan, tmp_path)
    page = (tmp_path / "drafts" / "index.html").read_text(encoding="utf-8")
    shown = regex.findall(r'<article class="card" id="item-([\w-]+)"', page)
    # Without a log, a past post is taken as gone out: kept all the same for the day, said to be past.
    assert shown == (["a-x", "d-x"] if log else ["a-x", "b-x", "c-x", "d-x"])
    late = page[page.index('id="item-a-x"'):]
    late = late[:late.index("</article>")]
    badge = "non confirmé" if log else "heure passée"
    assert f'<span class="badge late">{badge}</span>' in late and "status-published" not in late
    assert "Son heure est passée" in late and 'id="text-a-x"' in late  # its text, to copy
    assert ("notez-la ensuite au journal" in late) == bool(log)
    tonight = page[page.index('id="item-d-x"'):]
    assert '<span class="badge status-scheduled">' in tonight[:tonight.index("</article>")]
    # The month's page and the counts are of the posts to come.
    month = (tmp_path / "drafts" / "2027-01.html").read_text(encoding="utf-8")
    assert regex.findall(r'<article class="card" id="item-([\w-]+)"', month) == ["d-x"]


def test_a_bookmark_of_a_post_of_today_whose_time_passed_opens_its_card_on_the_overview(tmp_path: Path) -> None:
    """drafts/2027-01.html#item-a-x, bookmarked before 09:00, said at 10:00 that the post was no longer among
    the drafts and led to the calendar, while the overview showed its card, copy button and all, for whoever
    posts it late: items.js, which the pages look a post up in, names the overview for it."""
    from edcal.outputs import review
    from helpers import PARIS_CALENDAR, calendar_from, plan_of, write_planning_page

    calendar = calendar_from(PARIS_CALENDAR + "posts:\n"
                             "  - {id: y, at: 2027-01-11 09:00, networks: [x], text: Hier}\n"
                             "  - {id: a, at: 2027-01-12 09:00, networks: [x], text: Ce matin}\n"
                             "  - {id: d, at: 2027-01-12 18:00, networks: [x], text: Ce soir}\n"
                             "  - {id: f, at: 2027-02-02 09:00, networks: [x], text: Février}\n")
    write_planning_page(review, plan_of(calendar, now="2027-01-12T10:00:00+01:00"), tmp_path)
    assert 'id="item-a-x"' in (tmp_path / "drafts" / "index.html").read_text(encoding="utf-8")
    # "index": the overview's page, drafts/index.html, where planning.js opens it; yesterday's is gone.
    assert (tmp_path / "drafts" / "items.js").read_text(encoding="utf-8") == (
        'window.edcalItemMonths = {"2027-01":["d-x"],"2027-02":["f-x"],"index":["a-x"]};\n')


def test_the_no_break_spaces_a_writer_typed_in_the_first_paragraph_stay_in_the_drafts(
        empty_site: Callable[..., Path]) -> None:
    """An article saved by a web editor (a byte order mark, Windows line ends) whose first paragraph holds
    the no-break spaces its writer typed: `6 mars`, `1 200 €` and a narrow one before `;`. The blog's page
    and feed kept them; the drafts' summary had made each a plain space (a post could break `1 | 200 €`)."""
    site = empty_site("version: 1\ntimezone: Europe/Paris\nnetworks:\n  mastodon: {}\n"
                      "blog:\n  promote: {networks: [mastodon]}\n",
                      {"portes.md": "\ufeff---\r\ntitle: Portes ouvertes\r\ndate: 2027-02-10 09:00\r\n---\r\n"
                                    "Le samedi 6\u00a0mars, 1\u00a0200\u00a0€ de remise\u202f; venez\u00a0!  \r\n"
                                    "Deuxième ligne.\r\n"})
    result = run_edcal("build", cwd=site)
    assert result.returncode == 0, result.stderr
    draft = drafts_of(site)["portes-mastodon-0"].read_text(encoding="utf-8")
    assert draft.splitlines()[2] == ("Le samedi 6\u00a0mars, 1\u00a0200\u00a0€ de remise\u202f; venez\u00a0! "
                                     "Deuxième ligne."), draft
    assert "\r" not in draft


@pytest.mark.parametrize(("zone", "french", "english"), [
    ("Europe/Paris", "heure de Paris", "Paris time"), ("Europe/Amsterdam", "heure d'Amsterdam", "Amsterdam time"),
    ("UTC", "heure UTC", "UTC"), ("Etc/GMT+5", "heure UTC−5", "UTC−5"), ("America/New_York", "heure de New York",
                                                                      "New York time"),
    ("Asia/Yerevan", "heure d'Erevan", "Yerevan time"), ("Asia/Hong_Kong", "heure de Hong Kong", "Hong Kong time"),
    ("Europe/Helsinki", "heure d'Helsinki", "Helsinki time"),
    # Cities as each language writes them (CLDR's): the database's names are English without accents.
    ("America/Montreal", "heure de Montréal", "Montreal time"), ("Europe/London", "heure de Londres", "London time"),
    ("America/Sao_Paulo", "heure de São Paulo", "São Paulo time"), ("America/Bogota", "heure de Bogotá", "Bogotá time"),
    ("Europe/Brussels", "heure de Bruxelles", "Brussels time"), ("Asia/Kolkata", "heure de Calcutta", "Kolkata time"),
    # A French city's article is a French article: "heure du Caire", "heure de la Réunion".
    ("Africa/Cairo", "heure du Caire", "Cairo time"), ("Indian/Reunion", "heure de la Réunion", "Réunion time"),
    ("America/Havana", "heure de la Havane", "Havana time"), ("Atlantic/Canary", "heure des îles Canaries",
                                                              "Canaries time"),
    # A name the database keeps for an old one (a link) is its own city's, not the zone it links to; a name that is
    # no city's (Canada/Eastern) its zone's.
    ("Asia/Calcutta", "heure de Calcutta", "Calcutta time"), ("Canada/Eastern", "heure de Toronto", "Toronto time"),
    # A zone named by its abbreviation says its summer one too: "CET" all summer read as UTC+1, an hour off.
    ("CET", "heure CET/CEST", "CET/CEST"), ("WET", "heure WET/WEST", "WET/WEST"), ("EET", "heure EET/EEST", "EET/EEST"),
    ("EST5EDT", "heure EST/EDT", "EST/EDT"), ("GB", "heure GMT/BST", "GMT/BST"),
    # Without summer time, or with no abbreviation of its own, the name stays.
    ("HST", "heure HST", "HST"), ("NZ-CHAT", "heure NZ-CHAT", "NZ-CHAT")])
def test_the_pages_say_their_zone_as_their_language_does(zone: str, french: str, english: str) -> None:
    """"heure de UTC", "heure de Amsterdam", and Etc/GMT+5 (five hours behind UTC) shown as "GMT+5". A page's
    times span winter and summer: a zone named by its abbreviation says both its clocks, "CET/CEST". French
    readers saw "heure de Montreal", "heure de London": the database's city, in English without accents."""
    from edcal.zones import zone_time

    assert (zone_time(zone, "fr"), zone_time(zone, "en")) == (french, english)


def test_a_post_logged_before_its_time_says_so_on_its_card(tmp_path: Path) -> None:
    """Posted at 08:55 and logged, the 09:00 card still said "planifié" with its copy button: posted twice."""
    from edcal.outputs import review
    from helpers import PARIS_CALENDAR, calendar_from, plan_of, write_planning_page

    calendar = calendar_from(PARIS_CALENDAR + "posts:\n"
                             "  - {id: a, at: 2027-01-12 09:00, networks: [x], text: Tôt}\n"
                             "  - {id: b, at: 2027-01-12 10:00, networks: [x], text: Annulé}\n"
                             "  - {id: c, at: 2027-01-12 11:00, networks: [x], text: Prévu}\n",
                             {"log.yaml": "posted:\n  - {item: a-x, at: 2027-01-12 08:55}\n"
                                          "  - {item: b-x, skipped: true}\n"})
    plan = plan_of(calendar, now="2027-01-12T08:58:00+01:00")
    write_planning_page(review, plan, tmp_path)
    page = (tmp_path / "drafts" / "index.html").read_text(encoding="utf-8")

    def card(item_id: str) -> str:
        found = page[page.index(f'id="item-{item_id}"'):]
        return html.unescape(found[:found.index("</article>")])

    assert '<span class="badge logged">parti</span>' in card("a-x")
    assert "Le journal dit qu'elle est partie (calendar.d/log.yaml:2) : ne la publiez pas une seconde fois." \
        in card("a-x").replace("\u00a0", " ")
    # A line saying a post to come is skipped waits for its time (the plan may change until then).
    assert '<span class="badge status-scheduled">' in card("b-x")
    assert '<span class="badge status-scheduled">' in card("c-x") and "Le journal" not in card("c-x")


def test_a_draft_a_stand_in_covers_is_on_their_cards_and_counts_marked_for_whom(tmp_path: Path) -> None:
    """The calendar's person filter on a stand-in showed the posts of someone away they cover; the drafts
    review, where they copy the text to post, hid them. Each such card says who covers it and for whom
    ("[pour Ana Lopez]", hidden until the filter is on the stand-in), and the counts by owner count it for
    both: its owner's filter and the stand-in's both show it; the whole counts it once."""
    from edcal.outputs import review
    from helpers import stand_in_plan, write_planning_page

    plan = stand_in_plan()
    write_planning_page(review, plan, tmp_path)
    page = (tmp_path / "drafts" / "2027-03.html").read_text(encoding="utf-8")

    def card(item_id: str) -> str:
        found = page[page.index(f'<article class="card" id="item-{item_id}"'):]
        return found[:found.index("</article>")]

    covered = card("pendant-x")
    assert 'data-owner="ana" data-covered-by="ben"' in covered
    assert regex.search(r'<span class="cover" data-cover-mark hidden>\[pour Ana Lopez\]</span>', covered)
    # Ana's post of the 11th, when Ben is away too, and her post before her absence: nobody covers them.
    assert all("data-covered-by" not in card(i) and "[pour" not in card(i) for i in ("onze-x", "avant-x", "sien-mastodon"))
    counts = json.loads(regex.search(r"<p class=\"lead\" data-counts='([^']*)'", page).group(1))
    assert counts[""][0] == 4 and counts["/ana"][0] == 3
    assert counts["/ben"][0] == 2 and counts["x/ben"][0] == 1 and counts["x/ben@scheduled"][0] == 1
    assert counts["mastodon/ben"][0] == 1
    overview = (tmp_path / "drafts" / "index.html").read_text(encoding="utf-8")
    row = json.loads(regex.search(r"<tr data-counts='([^']*)'", overview).group(1))
    assert row == counts


def test_overlapping_freezes_each_count_the_posts_of_their_own_window() -> None:
    """A freeze of Mastodon for the month, then a crisis of every network: the planning pages gave each post to
    the first freeze of the file only, and the crisis's notice said it withheld nothing on Mastodon, while its
    feed event counted them (an event, as a notice, stands alone)."""
    from edcal.outputs.pages import freeze_notices
    from helpers import PARIS_CALENDAR, calendar_from, plan_of

    calendar = calendar_from(PARIS_CALENDAR + (
        "freeze:\n  - {from: 2027-01-10, until: 2027-01-31, networks: [mastodon], reason: Migration}\n"
        "  - {from: 2027-01-12 09:40, reason: Bad buzz}\n"
        "posts:\n  - {id: a, at: 2027-01-14 10:00, networks: [mastodon, x], text: Bonjour}\n"
        "  - {id: b, at: 2027-02-02 10:00, networks: [mastodon], text: Plus tard}\n"))
    plan = plan_of(calendar, now="2027-01-12T10:00:00+01:00")
    counted = {notice.window.reason: (notice.posts, [row[3] for row in notice.first])
               for notice in freeze_notices(plan)}
    assert counted == {"Migration": (1, ["a"]), "Bad buzz": (3, ["a", "a", "b"])}
    # As the freeze's feed event counts them.
    from edcal.plan.feeds import _freezes
    events = {window.reason: len(posts) for window, posts in _freezes(plan, lambda end: True, lambda start: True)}
    assert events == {"Migration": 1, "Bad buzz": 3}
    # Lifted, each says what it withheld of its own window that did not go out.
    lifted = calendar_from(PARIS_CALENDAR + (
        "freeze:\n  - {from: 2027-01-10, until: 2027-01-31, networks: [mastodon], reason: Migration}\n"
        "  - {from: 2027-01-12 09:40, until: 2027-01-31, reason: Bad buzz}\n"
        "posts:\n  - {id: a, at: 2027-01-14 10:00, networks: [mastodon, x], text: Bonjour}\n"))
    plan = plan_of(lifted, now="2027-02-03T10:00:00+01:00")
    assert {notice.window.reason: notice.posts for notice in freeze_notices(plan) if notice.lifted} == {
        "Migration": 1, "Bad buzz": 2}
