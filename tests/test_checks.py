"""Each rule, on a minimal plan that triggers it and one that does not."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import shutil
import subprocess
import time
import unicodedata
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from conftest import (
    CRISIS,
    add_site_plugin,
    copy_sample,
    crisis_sample,
    load_plan,
    run_edcal,
    secret_above_content,
    write_pelicanconf,
)
from edcal.__main__ import cli
from edcal.checks import Finding, all_rules, run_checks
from edcal.errors import InputErrors
from edcal.i18n import translated, translator
from edcal.model.article import Article, Social
from edcal.model.source import Source
from helpers import PARIS_CALENDAR, article, calendar_from, plan_of

NOW = "2027-01-04T08:00:00+01:00"  # a Monday morning


def findings(rule: str, calendar_yaml: str, articles: list | None = None, now: str = NOW,
             extra: str = "") -> list:
    calendar = calendar_from(PARIS_CALENDAR + extra + calendar_yaml)
    arts = [a(calendar) if callable(a) else a for a in (articles or [])]
    plan = plan_of(calendar, arts, now=now)
    return run_checks(plan, only=[rule])


def posts(*lines: str) -> str:
    return "posts:\n" + "".join(f"  - {line}\n" for line in lines)


def in_french(said: str | None) -> str:
    """A message as a French site's team reads it, its narrow spaces plain."""
    return translated(said, translator("fr")).replace("\xa0", " ")


def test_every_rule_has_a_test_here() -> None:
    source = Path(__file__).read_text(encoding="utf-8")
    for rule_id in all_rules():
        assert f'"{rule_id}"' in source, f"no test for {rule_id}"


def test_planning_url_feeds_only() -> None:
    """feeds.md's example set planning.url to the folder of `feeds: publish:`: every event linked to a planning
    page that is not there, and nothing said so."""
    published = "feeds: {publish: calendriers-7f3a9c}\n"
    found = findings("planning-url-feeds-only", published + "planning:\n  url: https://BLOG.example.fr/calendriers-7f3a9c\n")
    assert [(f.source.line, f.source.column, f.message) for f in found] == [
        (11, 8, "planning.url is https://BLOG.example.fr/calendriers-7f3a9c/, the folder where `feeds: publish:` "
                 "copies the feeds alone: no planning page or image is there, so the feeds link to none")]
    for served in ("https://blog.example.fr/plan/", "https://plan.example.fr/calendriers-7f3a9c/"):
        assert not findings("planning-url-feeds-only", published + f"planning:\n  url: {served}\n")
    assert not findings("planning-url-feeds-only", "planning:\n  url: https://blog.example.fr/calendriers-7f3a9c/\n")


def test_post_language() -> None:
    """`article: recrutement`, in French only, on the English LinkedIn page: English words went out with the
    French title and address, without a word."""
    english = "  linkedin-en: {like: linkedin, name: LinkedIn (English), lang: en}\n"
    arts = [lambda c: article("portail", "2027-01-12T09:00", c),
            lambda c: article("portail", "2027-01-12T09:00", c, lang="en", is_original=False),
            lambda c: article("recrutement", "2027-01-19T09:00", c)]
    found = findings("post-language", posts(
        "{id: gate, networks: [linkedin-en], at: 2027-02-20 10:00, article: portail, text: Our advice}",
        "{id: hiring, networks: [linkedin-en, linkedin], at: 2027-02-21 10:00, article: recrutement, text: Hi}"),
        arts, extra=english)
    assert [(f.item, f.message) for f in found] == [
        ("hiring-linkedin-en", "LinkedIn (English) post 'hiring' is for readers in 'en', and its article "
                               "'recrutement' has no version in it: the post gives its title, summary and address "
                               "in another language")]

    # An entry's own texts on accounts of two languages: "Coming soon to the blog:", then French words.
    promotion = ("{promote: portail, networks: [linkedin, linkedin-en], schedule: [-1 day, at publication], "
                 "texts: ['Demain sur le blog', 'Notre portail']}")
    found = findings("post-language", posts(promotion), arts, extra=english)
    assert [(f.item, f.source.line, f.message) for f in found] == [
        ("portail-linkedin-en-1d-before", 11,
         "LinkedIn (English) post 'portail-linkedin-en-1d-before' is for readers in 'en', and takes the entry's "
         "own text, which its posts on LinkedIn take too, for readers in 'fr'")]
    assert found[0].hint == "give linkedin-en its words in its language under the entry's `variants:` " \
                            "(linkedin-en: {text: …})"
    found = findings("post-language", posts(promotion.replace(
        "}", ", variants: {linkedin-en: {text: Tomorrow on the blog}}}")), arts, extra=english)
    assert found == []


def test_placeholder_name() -> None:
    """`edcal init`'s `{id: moi, name: Prénom Nom}` and Mastodon account: "0 errors, 0 warnings"."""
    text = PARIS_CALENDAR.replace("{id: ana, name: Ana}", "{id: moi, name: Prénom Nom}").replace(
        "  mastodon: {}", "  mastodon: {account: '@mon_entreprise@exemple.social'}")
    found = run_checks(plan_of(calendar_from(text)), only=["placeholder-name"])
    assert [(str(f.source), f.message) for f in found] == [
        ("calendar.yaml:4", "team member 'moi' is still named 'Prénom Nom', the example `edcal init` wrote: what is "
                            "signed by, or owned by, 'moi' names nobody"),
        ("calendar.yaml:8", "Mastodon's account is still '@mon_entreprise@exemple.social', the example `edcal init` "
                            "wrote")]
    assert run_checks(plan_of(calendar_from(PARIS_CALENDAR)), only=["placeholder-name"]) == []


def test_untranslated_words(tmp_path: Path) -> None:
    """A Spanish site whose es.yaml left out words: build and check said nothing, and they showed in English."""
    site = tmp_path / "site"
    import shutil

    from conftest import FIXTURE_SITE
    shutil.copytree(FIXTURE_SITE, site)
    write_pelicanconf(site, 'THEME_TEMPLATES_OVERRIDES = ["overrides"]\n')
    settings = site / "pelicanconf.py"
    settings.write_text(settings.read_text(encoding="utf-8").replace('DEFAULT_LANG = "fr"', 'DEFAULT_LANG = "es"'),
                        encoding="utf-8")
    (site / "overrides" / "translations").mkdir(parents=True)
    (site / "overrides" / "translations" / "es.yaml").write_text("Skip to content: Saltar al contenido\n",
                                                                 encoding="utf-8")
    result = run_edcal("check", "--only", "untranslated-words", cwd=site)
    assert result.returncode == 0, result.stderr
    found = re.search(r"overrides/translations/es.yaml:1:1: warning: (\d+) words of the theme or the drafts have no "
                      r"translation into 'es', and show in English: 'Main menu', 'Home', ", result.stdout)
    assert found is not None, result.stdout
    assert "'Skip to content'" not in result.stdout and int(found.group(1)) > 40  # the theme's and the drafts'
    from edcal.themes import untranslated_words
    words, own = untranslated_words({"THEME_TEMPLATES_OVERRIDES": [str(site / "overrides")]}, "es")
    assert own == site / "overrides" / "translations" / "es.yaml" and len(words) == int(found.group(1))
    assert {"Share this article", "Read the article:", "In case you missed it:"} <= set(words)  # blog, drafts
    # French needs nothing more than edcal's.
    settings.write_text(settings.read_text(encoding="utf-8").replace('"es"', '"fr"'), encoding="utf-8")
    assert "untranslated-words" not in run_edcal("check", cwd=site).stdout


def test_posted_before_plan() -> None:
    """The old year typed in January: the log says a post of 12 January 2027 went out on 12 January 2026."""
    log = ("\nposted:\n  - {item: a-x, at: 2026-01-12 10:15}\n  - {item: b-x, at: 2027-01-10 18:00}\n"
           "  - c-x\n")
    found = findings("posted-before-plan", posts("{id: a, at: 2027-01-12 09:00, networks: [x], text: A}",
                                                  "{id: b, at: 2027-01-12 09:00, networks: [x], text: B}",
                                                  "{id: c, at: 2027-01-12 12:00, networks: [x], text: C}") + log,
                     now="2027-01-18T09:00:00+01:00")
    assert [(str(f.source), f.message) for f in found] == [
        ("calendar.yaml:15", "post 'a-x' is logged as gone out on 2026-01-12, 365 days before its planned day, "
                             "2027-01-12")]
    assert found[0].hint == "check the year and the month of its `at:`; if it did go out then, move the post's " \
                            "date in the plan"



def test_posted_in_future() -> None:
    """The month and the day swapped: a line logged on 5 January for 1 May waited silently, and the post
    counted as gone out that day, whatever happened."""
    log = ("\nposted:\n  - {item: a-x, at: 2027-05-01 12:40}\n  - {item: b-x, at: 2027-01-05 08:55}\n"
           "  - c-x\n  - {item: d-x, at: 2027-01-06}\n")
    found = findings("posted-in-future", posts("{id: a, at: 2027-01-05 12:00, networks: [x], text: A}",
                                                "{id: b, at: 2027-01-05 09:00, networks: [x], text: B}",
                                                "{id: c, at: 2027-01-20 12:00, networks: [x], text: C}",
                                                "{id: d, at: 2027-01-06 09:00, networks: [x], text: D}") + log,
                     now="2027-01-05T13:00:00+01:00")
    # Not b (gone out this morning), nor c (logged ahead without `at:`, as a scheduler's team may); d's day alone,
    # tomorrow, is told.
    assert [(str(f.source), f.message) for f in found] == [
        ("calendar.yaml:16", "post 'a-x' is logged as gone out 2027-05-01 12:40, a moment still to come"),
        ("calendar.yaml:19", "post 'd-x' is logged as gone out 2027-01-06, a moment still to come")]
    assert found[0].hint.startswith("a post is logged once it went out: check the day, the month and the year")
    # Its moment passed, the line is the log's word.
    assert not findings("posted-in-future", posts("{id: a, at: 2027-01-05 12:00, networks: [x], text: A}")
                        + "\nposted:\n  - {item: a-x, at: 2027-05-01 12:40}\n", now="2027-05-02T09:00:00+02:00")


def test_posted_unconfirmed() -> None:
    """A manager's Monday `edcal check --summary` said nothing of the posts gone by that the log does not name:
    the sample's log stopped on 26 November, and 23 posts of the last month were 'À confirmer' on the report
    page alone. One finding, at the log's last line, where their lines go: how many, the oldest."""
    log = "\nposted:\n  - e-x\n  - a-x\n"
    calendar = posts("{id: e, at: 2026-12-01 09:00, networks: [x], text: E}",
                     "{id: d, at: 2026-12-10 09:00, networks: [x], text: D}",
                     "{id: a, at: 2027-01-05 12:00, networks: [x], text: A}",
                     "{id: b, at: 2027-01-12 09:00, networks: [x, mastodon], text: B}",
                     "{id: c, at: 2027-01-20 12:00, networks: [x], text: C}") + log
    found = findings("posted-unconfirmed", calendar, now="2027-01-18T09:00:00+01:00")
    # Not d (more than 31 days ago, as the report's list), nor a (logged), nor c (still to come).
    assert [(str(f.source), f.message) for f in found] == [
        ("calendar.yaml:18", "2 posts whose time has passed in the last 31 days are not in the log of what went "
                             "out, the oldest 'b-mastodon' (2027-01-12 09:00)")]
    assert found[0].hint == (
        "add the lines of those that went out under `posted:` in calendar.yaml (the planning's report page, "
        "report.html, gives them under 'To confirm'), and `{item: …, skipped: true}` for those that did not")
    assert dict(found[0].data) == {"posts": 2, "items": ("b-mastodon", "b-x")}
    # Every one logged, or no log kept at all: nothing to confirm.
    logged = calendar + "  - b-x\n  - b-mastodon\n"
    assert not findings("posted-unconfirmed", logged, now="2027-01-18T09:00:00+01:00")
    assert not findings("posted-unconfirmed", calendar.replace(log, ""), now="2027-01-18T09:00:00+01:00")

def test_posted_unconfirmed_of_a_log_begun_in_a_file_of_its_own_says_that_file() -> None:
    """A log begun with `posted:` alone in calendar.d/publie.yaml was told to write its lines "under `posted:` in
    calendar.yaml", at the first post's line: the team would start a second log there."""
    calendar = calendar_from(PARIS_CALENDAR + posts("{id: b, at: 2027-01-12 09:00, networks: [x], text: B}"),
                             {"publie.yaml": "# ce qui est parti\nposted:\n"})
    found = run_checks(plan_of(calendar, [], now="2027-01-18T09:00:00+01:00"), only=["posted-unconfirmed"])
    assert [str(f.source) for f in found] == ["calendar.d/publie.yaml:2"]
    assert "under `posted:` in calendar.d/publie.yaml (" in found[0].hint


def test_skipped_to_come() -> None:
    """A post cancelled ahead in the log (`skipped: true`), as a busy community manager would: nothing said that
    the line takes effect only at the post's time, so until then its event, reminder, draft and export stayed,
    and a scheduler it was imported into sent it."""
    log = ("\nposted:\n  - {item: a-x, skipped: true}\n  - {item: r-x-20270111, skipped: true}\n"
           "  - {item: c-x, skipped: true}\n")
    found = findings("skipped-to-come", posts("{id: a, at: 2027-01-20 12:00, networks: [x, mastodon], text: A}",
                                              "{id: r, repeat: {every: week, on: mon, from: 2027-01-04, "
                                              "until: 2027-01-31}, networks: [x], text: R}",
                                              "{id: c, at: 2027-01-05 09:00, networks: [x], text: C}") + log,
                     now="2027-01-05T13:00:00+01:00")
    assert [(str(f.source), f.message) for f in found] == [
        ("calendar.yaml:15", "the log says post 'a-x' did not go out, but its time is still to come "
                             "(2027-01-20 12:00): until then it stays planned, in the calendar feeds, the drafts "
                             "and the exports"),
        ("calendar.yaml:16", "the log says post 'r-x-20270111' did not go out, but its time is still to come "
                             "(2027-01-11 09:00): until then it stays planned, in the calendar feeds, the drafts "
                             "and the exports")]
    assert [f.hint for f in found] == [
        "to take it out of the plan now, write `x: {skip: true}` under its entry's `variants:` (or delete the "
        "entry), and remove this line",
        "to take it out of the plan now, add 2027-01-11 to its `repeat:`'s `except:` (on all its networks), and "
        "remove this line"]


def test_skipped_to_come_of_a_promotion_says_to_leave_its_step_out() -> None:
    """`x: {skip: true}` under a promotion's `variants:` takes out every step on that network, the one gone out
    too; the blog's own promotion of an article has no entry at all: each is told where its step comes from."""
    log = "\nposted:\n  - {item: a-x-1w, skipped: true}\n  - {item: b-x-2d, skipped: true}\n"
    found = findings("skipped-to-come", posts("{promote: a, networks: [x], schedule: [at publication, +1 week]}")
                     + log, [lambda c: article("a", "2027-01-04T09:00", c), lambda c: article("b", "2027-01-04T10:00", c)],
                     now="2027-01-05T13:00:00+01:00",
                     extra="blog:\n  promote: {networks: [x], schedule: [at publication, +2 days]}\n")
    assert [f.item for f in found] == ["a-x-1w", "b-x-2d"]
    assert [f.hint for f in found] == [
        "to take it out of the plan now, remove its step from the entry's `schedule:` (it goes out on all the "
        "entry's networks), and remove this line",
        "to take it out of the plan now, write an entry `- promote: b` under `posts:` with the steps to keep in "
        "its `schedule:` (the blog's `promote:` gives every article's), and remove this line"]


def test_text_too_long() -> None:
    long = "é" * 281
    found = findings("text-too-long", posts(f"{{id: a, at: 2027-01-12 09:00, networks: [x], text: {long}}}"))
    assert len(found) == 1 and found[0].severity == "error"
    assert "X post 'a-x' is 281 long, over the limit of 280 by 1" in found[0].message
    assert str(found[0].source) == "calendar.yaml:10"
    assert not findings("text-too-long", posts(f"{{id: a, at: 2027-01-12 09:00, networks: [x], text: {long[:-1]}}}"))
    # A network's own text under `variants:`: the finding is on that line, the hint says to shorten it.
    variant = findings("text-too-long", "posts:\n  - id: b\n    at: 2027-01-12 09:00\n    networks: [x, mastodon]\n"
                       f"    text: Court\n    variants:\n      x:\n        text: {long}\n")
    assert [str(f.source) for f in variant] == ["calendar.yaml:16"]
    assert variant[0].hint == "shorten the X text under `variants:` by 1"


def test_text_too_long_in_an_articles_social_text_points_at_that_text(site: Path) -> None:
    long = "é" * 300
    (site / "content" / "articles" / "nouveau.md").write_text(
        f"---\ntitle: Nouveau\ndate: 2027-03-05 09:00\nsocial:\n  networks: [linkedin, x]\n  x: {long}\n---\nTexte.\n",
        encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--only", "text-too-long", "--format", "json"])
    found = [f for f in json.loads(result.output)["findings"] if f["item"].startswith("nouveau-x")]
    assert found and {(f["file"], f["line"]) for f in found} == {("content/articles/nouveau.md", 6)}
    assert re.fullmatch(r"shorten the X text under `social:` by \d+", found[0]["hint"])
    # Without its own text, the summary was cut as far as it goes: the hint says where a shorter text goes.
    (site / "content" / "articles" / "nouveau.md").write_text(
        f"---\ntitle: {'Titre ' * 60}\ndate: 2027-03-05 09:00\n---\nTexte.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--only", "text-too-long", "--format", "json"])
    found = [f for f in json.loads(result.output)["findings"] if f["item"].startswith("nouveau-x")]
    assert found and "shorter X text under `social:` in the article" in found[0]["hint"]
    assert "variants" not in found[0]["hint"]


def test_text_too_long_counts_urls_as_the_network_does() -> None:
    # (twitter-text only recognises real top-level domains: .example would count as text, as on X.)
    text = "a" * 250 + " https://www.atelier-morel.fr/un/tres/long/chemin/qui/depasse/largement/vingt-trois"
    # 250 + 1 + 23 = 274 on X: it fits, although the raw text is longer than 280.
    assert not findings("text-too-long", posts(f"{{id: a, at: 2027-01-12 09:00, networks: [x], text: '{text}'}}"))


def test_text_too_long_says_when_a_url_is_no_link_for_x_and_counts_in_full() -> None:
    """"each URL counts 23" was said of https://atelier-morel.example/…, which X counts whole."""
    link = "https://atelier-morel.example/2027/pergola-acier-thermolaque-caluire-chantier-en-images/"
    found = findings("text-too-long", posts(f"{{id: a, at: 2027-01-12 09:00, networks: [x], "
                                            f"text: '{'a' * 250} {link}'}}"))
    assert [f.message for f in found] == [
        f"X post 'a-x' is {251 + len(link)} long, over the limit of 280 by {len(link) - 29}, counted in weighted "
        "characters (twitter-text v3; each URL counts 23, but https://atelier-morel.example/… is no link for X "
        "(unknown domain) and counts in full)"]
    # A link X knows: the rule's own words.
    known = findings("text-too-long", posts(f"{{id: a, at: 2027-01-12 09:00, networks: [x], "
                                            f"text: '{'a' * 270} https://www.atelier-morel.fr/x'}}"))
    assert known[0].message.endswith("counted in weighted characters (twitter-text v3; each URL counts 23)")


def test_text_too_long_measures_a_20_kb_text_without_spaces_at_once() -> None:
    """twitter-text's link finder took minutes on such a text (a pasted title, a summary): `edcal check` waited."""
    text = "`" * 10_000 + "a." * 5_000 + "https://www.atelier-morel.fr/x https://intranet.local/x"
    started = time.process_time()
    found = findings("text-too-long", posts(f"{{id: a, at: 2027-01-12 09:00, networks: [x, mastodon], "
                                            f"text: '{text}'}}"))
    assert time.process_time() - started < 2.0
    assert [f.message.split(", counted")[0] for f in found] == [
        "Mastodon post 'a-mastodon' is 20,048 long, over the limit of 500 by 19,548",
        "X post 'a-x' is 20,048 long, over the limit of 280 by 19,768"]
    assert "but https://intranet.local/x is no link for X" in found[1].message


def test_share_too_long() -> None:
    recent = [lambda c: article("recent", "2027-01-01T09:00", c, title="Un article récent")]
    long = "é" * 281
    suggestion = "ambassadors:\n  networks: [x]\n  suggestions:\n    - {article: recent, text: %s}\n"
    found = findings("share-too-long", suggestion % long, recent)
    assert len(found) == 1 and found[0].severity == "warning"
    # The link adds 25 (a blank line, and 23 for any URL on X).
    assert found[0].message == ("the words suggested to staff for X on 'Un article récent' are 306 long, over the "
                                "limit of 280 by 26, counted in weighted characters (twitter-text v3; each URL "
                                "counts 23)")
    assert str(found[0].source) == "calendar.yaml:12" and "`text:` by 26" in found[0].hint
    assert not findings("share-too-long", suggestion % long[:-26], recent)
    # The theme's own words are fitted to the network (the summary is cut first): nothing to report.
    assert not findings("share-too-long", "ambassadors: {networks: [x]}\n", recent)


def test_share_image_left() -> None:
    recent = lambda c: article("recent", "2027-01-01T09:00", c, title="Un article récent")  # noqa: E731
    coming = lambda c: article("coming", "2027-03-01T09:00", c, status="published",  # noqa: E731
                               image="images/coming.png", image_alt="Le nouveau portail")
    suggestion = "ambassadors:\n  networks: [x]\n  suggestions:\n    - {article: recent, image: %s}\n"
    found = findings("share-image-left", suggestion % "images/coming.png", [recent, coming])
    assert [(f.severity, str(f.source), f.message) for f in found] == [(
        "warning", "calendar.yaml:12",
        "the suggestion 'Un article récent' names the image 'images/coming.png', which only content not online "
        "yet shows: the ambassadors' page leaves it off until that content is online")]
    assert not findings("share-image-left", suggestion % "images/online.png", [recent, coming])
    assert not findings("share-image-left", suggestion % "https://cdn.example.org/coming.png", [recent, coming])
    # Its address on the blog, however written, is that image (`%2e%2e` above the root: a browser's /images/).
    for address in ("https://blog.example.fr/images/coming.png", "https://blog.example.fr/%2e%2e/images/coming.png",
                    "https://blog.example.fr/x/../images/coming.png"):
        assert findings("share-image-left", suggestion % address, [recent, coming]), address
    # The cover of a video post not gone out (an image of a post as well) is left off until its time; once the
    # post is out, it is shown.
    video = posts("{id: visite, at: 2027-01-12 18:00, networks: [linkedin], text: La visite, "
                  "video: {file: videos/visite.mp4, cover: images/visite.jpg}}",
                  "{id: salon, at: 2027-01-12 18:00, networks: [linkedin], text: Le salon, status: draft, "
                  "image: images/salon.png}")
    for image in ("images/visite.jpg", "images/salon.png"):
        found = findings("share-image-left", suggestion % image + video, [recent])
        assert [(str(f.source), f.hint) for f in found] == [(
            "calendar.yaml:12", "name an image already online, or wait: it appears once the article or the post "
                                "that shows it is out")], image
        calendar = calendar_from(PARIS_CALENDAR + suggestion % image + video)
        plan = plan_of(calendar, [recent(calendar)], now=NOW)
        assert plan.sharing.shares[0].image is None
    plan = plan_of(calendar_from(PARIS_CALENDAR + suggestion % "images/visite.jpg" + video), [recent(calendar)],
                   now="2027-01-13T09:00:00+01:00")
    assert plan.sharing.shares[0].image == "images/visite.jpg"


def test_title_too_long() -> None:
    extra = "  pinterest: {}\n"
    line = "{id: p, at: 2027-01-12 09:00, networks: [pinterest], image: images/a.png, alt: A, text: Hi, title: '%s'}"
    assert findings("title-too-long", posts(line % ("t" * 101)), extra=extra)
    assert not findings("title-too-long", posts(line % ("t" * 100)), extra=extra)


def test_title_too_long_of_a_promotion_says_where_to_write_a_shorter_one() -> None:
    """A pin promoting an article takes the article's title: the hint said "shorten `title:`" at the article's
    header, as if the blog's title had to change for Pinterest, where a promotion's own `title:` does."""
    extra = "  pinterest: {title_limit: 40}\n"
    long_title = "Une verrière d'atelier en acier noir pour un loft lyonnais"
    arts = [lambda c: article("verriere", "2027-03-01T09:00", c, title=long_title, image="images/a.png",
                              image_alt="A")]
    found = findings("title-too-long", "blog:\n  promote: {networks: [pinterest]}\n", arts, extra=extra)
    assert [(str(f.source), f.hint) for f in found] == [(
        "content/articles/verriere.md:1", "the title is the article's: give Pinterest a shorter one with a "
        "`promote: verriere` entry in calendar.yaml (`title:`, `networks: [pinterest]`), or shorten the "
        "article's title")]
    found = findings("title-too-long", posts("{promote: verriere, networks: [pinterest]}"), arts, extra=extra)
    assert [f.hint for f in found] == ["the title is the article's: write a shorter `title:` in this entry"]
    found = findings("title-too-long", posts(f'{{promote: verriere, networks: [pinterest], title: "{long_title}"}}'),
                     arts, extra=extra)
    assert [f.hint for f in found] == ["shorten `title:`"]


def test_media_required() -> None:
    extra = "  instagram: {}\n"
    found = findings("media-required", posts("{id: i, at: 2027-01-12 09:00, networks: [instagram], text: Hi}"),
                     extra=extra)
    assert found and "Instagram requires one" in found[0].message
    assert not findings("media-required", posts(
        "{id: i, at: 2027-01-12 09:00, networks: [instagram], text: Hi, image: images/a.png, alt: A}"), extra=extra)


def test_media_required_asks_youtube_and_tiktok_for_a_video() -> None:
    """YouTube takes only videos: a PNG passed with 0 errors; Instagram takes an image or a video."""
    extra = "  youtube: {}\n  instagram: {}\n"
    line = "{id: v, at: 2027-01-12 09:00, networks: [youtube, instagram], text: Hi, title: Visite, %s}"
    found = findings("media-required", posts(line % "image: images/a.png, alt: A"), extra=extra)
    assert [(f.item, f.message, f.hint) for f in found] == [
        ("v-youtube", "YouTube post 'v-youtube' has no video, and YouTube requires one",
         "add `video:` to the entry, e.g. video: videos/workshop-tour.mp4 (or give YouTube its own under "
         "`variants:`)")]
    assert sorted(f.item for f in findings("media-required", posts(line % "link: 'https://example.org/'"),
                                           extra=extra)) == ["v-instagram", "v-youtube"]
    assert not findings("media-required", posts(line % "video: videos/visite.mp4"), extra=extra)
    # A video given to YouTube alone, under its variant; Instagram keeps the entry's image.
    assert not findings("media-required", posts(
        line % "image: images/a.png, alt: A, variants: {youtube: {video: videos/visite.mp4}}"), extra=extra)


def test_an_article_s_image_is_not_attached_to_a_post_on_a_video_network() -> None:
    """TikTok's links are not clickable, so a promotion there took the article's image: a photo where the
    network wants a video. It is told it has no video, with nothing attached."""
    calendar = calendar_from(PARIS_CALENDAR + "  tiktok: {}\n  instagram: {}\n" + posts(
        "{id: p, at: 2027-01-12 09:00, networks: [tiktok, instagram], article: lancement}"))
    plan = plan_of(calendar, [article("lancement", "2027-01-05T09:00", calendar, image="images/a.png",
                                      image_alt="A")], now=NOW)
    assert {i.id: [m.path for m in i.media] for i in plan.items if i.kind == "post"} == {
        "p-tiktok": [], "p-instagram": ["images/a.png"]}
    assert [(f.item, f.message) for f in run_checks(plan, only=["media-required"])] == [
        ("p-tiktok", "TikTok post 'p-tiktok' has no video, and TikTok requires one")]


def test_a_video_is_no_image_to_count_describe_or_measure() -> None:
    """too-many-images counts images; missing-alt-text, alt-too-long and image-unfit leave a video alone."""
    video = posts("{id: v, at: 2027-01-12 09:00, networks: [bluesky, instagram], text: Hi, video: "
                  "{file: videos/visite.mp4, subtitles: videos/visite.vtt, alt: '%s'}}" % ("a" * 3000))
    extra = "  bluesky: {}\n  instagram: {}\n"
    for rule_id in ("too-many-images", "missing-alt-text", "alt-too-long", "image-unfit", "missing-subtitles"):
        assert not findings(rule_id, video, extra=extra), rule_id


def test_missing_subtitles() -> None:
    """Most people watch without sound: a video without subtitles loses them."""
    (found,) = findings("missing-subtitles", posts(
        "{id: v, at: 2027-01-12 09:00, networks: [linkedin], text: Hi, video: videos/visite.mp4}"))
    assert (found.severity, str(found.source), found.item) == ("warning", "calendar.yaml:10", "v-linkedin")
    assert found.message == ("video 'videos/visite.mp4' of 'v-linkedin' has no subtitles: people watching "
                             "without sound, and deaf people, will miss what is said")
    assert found.hint == ("add its subtitles, e.g. video: {file: videos/visite.mp4, subtitles: "
                          "videos/visite.vtt} (silence the rule for a video without words)")
    # Its cover and alt text kept in the mapping the hint writes (an import wrote `alt:` beside `video:`).
    (found,) = findings("missing-subtitles", posts(
        "{id: v, at: 2027-01-12 09:00, networks: [linkedin], text: Hi, video: {file: videos/visite.mp4, "
        "cover: images/visite.jpg, alt: La visite}}"))
    assert str(found.hint).startswith("add its subtitles, e.g. video: {file: videos/visite.mp4, cover: "
                                      "images/visite.jpg, alt: …, subtitles: videos/visite.vtt}")


def test_image_missing_tells_a_video_its_cover_and_subtitles(tmp_path: Path) -> None:
    from edcal.plan.resolve import Site, resolve_plan
    from helpers import SITE, composer

    calendar = calendar_from(PARIS_CALENDAR + "posts:\n  - id: v\n    at: 2027-01-12 09:00\n    networks: [x]\n"
                             "    text: Hi\n    video:\n      file: videos/visit.mp4\n      cover: images/cover.jpg\n"
                             "      subtitles: videos/visite.fr.vtt\n")
    (tmp_path / "videos").mkdir()
    (tmp_path / "videos" / "visite.mp4").write_bytes(b"mp4")
    plan = resolve_plan(calendar, [], now=dt.datetime.fromisoformat(NOW), generated_at=dt.datetime(2027, 1, 1, tzinfo=dt.UTC),
                        site=Site(SITE.url, SITE.lang, content=tmp_path), composer=composer(calendar=calendar))
    found = run_checks(plan, only=["image-missing"])
    assert [(str(f.source), f.message.split(": there")[0]) for f in found] == [
        ("calendar.yaml:15", "video 'videos/visit.mp4' of 'v' not found"),
        ("calendar.yaml:16", "cover 'images/cover.jpg' of the video of 'v' not found"),
        ("calendar.yaml:17", "subtitles 'videos/visite.fr.vtt' of the video of 'v' not found")]
    assert found[0].hint == "did you mean 'videos/visite.mp4'?"


def test_too_many_images() -> None:
    """Bluesky takes 4 images: a fifth is refused through its API, and the carousel goes out short."""
    extra = "  bluesky: {}\n"
    five = "posts:\n  - id: a\n    at: 2027-01-12 09:00\n    networks: [bluesky, linkedin]\n    text: Hi\n" \
        "    images:\n" + "".join(f"      - {{image: images/{n}.png, alt: Image {n}}}\n" for n in range(1, 6))
    (found,) = findings("too-many-images", five, extra=extra)  # LinkedIn takes 20
    assert found.severity == "error" and found.item == "a-bluesky"
    assert found.message == "post 'a' has 5 images on Bluesky, which takes at most 4"
    assert found.hint == "keep at most 4, or give Bluesky its own `images:` under `variants:`"
    assert str(found.source) == "calendar.yaml:20"  # the fifth image, the first one too many
    four = five.replace("      - {image: images/5.png, alt: Image 5}\n", "")
    assert not findings("too-many-images", four, extra=extra)
    # Bluesky's own four under `variants:`: no finding.
    assert not findings("too-many-images", five + "    variants:\n      bluesky: {images: [images/1.png]}\n",
                        extra=extra)


def test_each_image_of_a_carousel_is_judged_at_its_own_line(tmp_path: Path) -> None:
    from edcal.plan.resolve import Site, resolve_plan
    from helpers import SITE, composer

    carousel = "posts:\n  - id: c\n    at: 2027-01-12 09:00\n    networks: [x]\n    text: Hi\n    images:\n" \
        "      - {image: images/presente.png, alt: Une}\n      - images/absente.png\n" \
        "      - {image: images/autre-absente.png, alt: '%s'}\n" % ("a" * 1001)
    found = findings("missing-alt-text", carousel)
    assert [(str(f.source), f.message) for f in found] == [
        ("calendar.yaml:16", "image 'images/absente.png' of 'c-x' has no alt text: people using screen readers "
                             "will miss it")]
    assert [str(f.source) for f in findings("alt-too-long", carousel)] == ["calendar.yaml:17"]
    calendar = calendar_from(PARIS_CALENDAR + carousel)
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "presente.png").write_bytes(b"png")
    plan = resolve_plan(calendar, [], now=dt.datetime.fromisoformat(NOW), generated_at=dt.datetime(2027, 1, 1, tzinfo=dt.UTC),
                        site=Site(SITE.url, SITE.lang, content=tmp_path), composer=composer(calendar=calendar))
    assert [(str(f.source), f.message.split(":")[0]) for f in run_checks(plan, only=["image-missing"])] == [
        ("calendar.yaml:16", "image 'images/absente.png' of 'c' not found"),
        ("calendar.yaml:17", "image 'images/autre-absente.png' of 'c' not found")]


def test_image_missing_in_a_suggestion_to_staff(tmp_path: Path) -> None:
    from edcal.plan.resolve import Site, resolve_plan
    from helpers import SITE, composer

    calendar = calendar_from(PARIS_CALENDAR + "ambassadors:\n  suggestions:\n"
                             "    - {link: 'https://jobs.example.org/', title: Emplois, image: images/inexistante.png}\n")
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "existante.png").write_bytes(b"png")
    plan = resolve_plan(calendar, [], now=dt.datetime.fromisoformat(NOW), generated_at=dt.datetime(2027, 1, 1, tzinfo=dt.UTC),
                        site=Site(SITE.url, SITE.lang, content=tmp_path), composer=composer(calendar=calendar))
    (found,) = run_checks(plan, only=["image-missing"])
    assert found.message.startswith("image 'images/inexistante.png' of the suggestion to staff 'Emplois' not found: "
                                    "there is no ") and found.message.endswith("/images/inexistante.png")
    assert found.hint == "did you mean 'images/existante.png'?"


def test_image_missing_in_a_page_s_text(tmp_path: Path) -> None:
    """`![Atelier]({static}/images/atelier.jpg)` in content/pages/about.md: checked in articles, not in pages
    (the page went out with a broken image, Pelican's "Cannot get modification stamp" on stdout)."""
    from edcal.model.article import LinkedFile
    from edcal.plan.resolve import Site, resolve_plan
    from helpers import SITE, composer

    calendar = calendar_from(PARIS_CALENDAR)
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "atelier.png").write_bytes(b"png")
    plan = resolve_plan(calendar, [], now=dt.datetime.fromisoformat(NOW), generated_at=dt.datetime(2027, 1, 1, tzinfo=dt.UTC),
                        site=Site(SITE.url, SITE.lang, content=tmp_path), composer=composer(calendar=calendar))
    where = Source("content/pages/about.md", 6, 12)
    plan.page_files = (("content/pages/about.md", LinkedFile("{static}/images/atelier.jpg", "images/atelier.jpg", where)),
                       ("content/pages/about.md", LinkedFile("{static}/images/atelier.png", "images/atelier.png", where)))
    (found,) = run_checks(plan, only=["image-missing"])
    assert (found.source, found.severity) == (where, "error")
    assert found.message.startswith("'{static}/images/atelier.jpg' in page content/pages/about.md links to ")
    assert found.hint == "did you mean '{static}/images/atelier.png'?"


def test_image_missing(tmp_path: Path) -> None:
    from edcal.plan.resolve import Site, resolve_plan
    from helpers import SITE, composer

    calendar = calendar_from(PARIS_CALENDAR + posts(
        "{id: a, at: 2027-01-12 09:00, networks: [x], text: Hi, image: images/absente.png, alt: A}",
        "{id: b, at: 2027-01-12 10:00, networks: [x], text: Hi, image: images/presente.png, alt: A}"))
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "presente.png").write_bytes(b"png")
    plan = resolve_plan(calendar, [], now=dt.datetime.fromisoformat(NOW), generated_at=dt.datetime(2027, 1, 1, tzinfo=dt.UTC),
                        site=Site(SITE.url, SITE.lang, content=tmp_path), composer=composer(calendar=calendar))
    found = run_checks(plan, only=["image-missing"])
    assert [f.item for f in found] == ["a-x"]
    assert "image 'images/absente.png' of 'a' not found: there is no " in found[0].message
    assert found[0].message.endswith("/images/absente.png")
    # An image given by its address is not looked for in content/ (it was, as content/https:/…).
    calendar = calendar_from(PARIS_CALENDAR + posts(
        "{id: e, at: 2027-01-12 09:00, networks: [x], text: Hi, image: 'https://cdn.example.org/a.png', alt: A}"))
    plan = resolve_plan(calendar, [], now=dt.datetime.fromisoformat(NOW), generated_at=dt.datetime(2027, 1, 1, tzinfo=dt.UTC),
                        site=Site(SITE.url, SITE.lang, content=tmp_path), composer=composer(calendar=calendar))
    assert run_checks(plan, only=["image-missing"]) == []
    # One entry on three networks is one finding; a path written from the site's folder is told so.
    calendar = calendar_from(PARIS_CALENDAR + posts(
        "{id: c, at: 2027-01-12 09:00, networks: [x, mastodon, linkedin], text: Hi, image: images/presnte.png, alt: A}",
        f"{{id: d, at: 2027-01-12 10:00, networks: [x], text: Hi, image: {tmp_path.name}/images/presente.png, alt: A}}"))
    plan = resolve_plan(calendar, [], now=dt.datetime.fromisoformat(NOW), generated_at=dt.datetime(2027, 1, 1, tzinfo=dt.UTC),
                        site=Site(SITE.url, SITE.lang, content=tmp_path), composer=composer(calendar=calendar))
    assert [(f.item, f.hint) for f in run_checks(plan, only=["image-missing"])] == [
        ("c-linkedin", "did you mean 'images/presente.png'?"),
        ("d-x", f"paths are relative to {tmp_path.name}/: write images/presente.png")]


def test_an_image_in_decap_cms_s_static_folder_is_told_to_move_into_content(site: Path) -> None:
    """Decap CMS set up as for Hugo saves uploads in static/uploads/ and writes `/uploads/portail.jpg`: the hint
    said to check the file name, which was right; the folder was not, and nothing said so."""
    (site / "static" / "uploads").mkdir(parents=True)
    (site / "static" / "uploads" / "Portail été.jpg").write_bytes(b"jpg")
    published = site / "content" / "articles" / "publie.md"
    published.write_text(published.read_text(encoding="utf-8").replace("Image: images/public.png",
                                                                       "Image: /uploads/Portail été.jpg")
                         + "\n![Le portail](/uploads/Portail%20été.jpg)\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--format", "json", "--only", "image-missing"])
    hint = "the file is static/uploads/Portail été.jpg, out of content/, which the blog does not read: move it to " \
           "content/uploads/"
    assert [(f["line"], f["column"], f["hint"]) for f in json.loads(result.output)["findings"]] == [
        (5, 8, hint), (10, 15, hint)]


def test_a_missing_file_linked_from_an_articles_body(site: Path) -> None:
    """Pelican only logged it, and the page went online with a broken image."""
    published = site / "content" / "articles" / "publie.md"
    published.write_text(published.read_text(encoding="utf-8") + (
        "\n![Escalier]({static}/images/publc.png) et ![Bon]({static}../images/public.png)\n"
        "\nVoir [l'autre]({filename}inexistant.md#suite) et [le futur]({filename}futur.md).\n"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--format", "json", "--only", "image-missing"])
    assert result.exit_code == 1
    found = [(f["line"], f["column"], f["message"], f["hint"]) for f in json.loads(result.output)["findings"]]
    assert found == [
        (10, 13, "'{static}/images/publc.png' in article 'publie' links to content/images/publc.png, which does not "
                 "exist", "did you mean '{static}/images/public.png'?")]
    # A link to an article's file is article-link's.
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--format", "json", "--only", "article-link"])
    assert [(f["line"], f["column"], f["message"], f["hint"]) for f in json.loads(result.output)["findings"]] == [
        (12, 16, "'{filename}inexistant.md#suite' in article 'publie' links to content/articles/inexistant.md, which "
                 "does not exist", "check the file name and its folder (a path starting with / is from content/)")]
    # A path written from the content folder without its /, and a link without its .md: hints to paste.
    published.write_text(published.read_text(encoding="utf-8") + (
        "\n![Bon]({static}images/public.png) et [lire]({filename}futr#suite).\n"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--format", "json", "--only", "image-missing"])
    published.write_text(published.read_text(encoding="utf-8") + "\n![C]({static}/content/images/public.png)\n",
                         encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--format", "json", "--only", "image-missing"])
    hints = [f["hint"] for f in json.loads(result.output)["findings"]][1:]
    assert hints == ["a path without / is from the article's folder: write {static}/images/public.png",
                     "paths are relative to content/: write {static}/images/public.png"]
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--format", "json", "--only", "article-link"])
    assert [f["hint"] for f in json.loads(result.output)["findings"]][1:] == ["did you mean '{filename}futur.md'?"]
    # A draft is not judged yet; its links are checked once it is on its way to the blog.
    published.write_text(published.read_text(encoding="utf-8").replace("Date:", "Status: draft\nDate:"),
                         encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--only", "image-missing"])
    assert result.exit_code == 0, result.output


def test_the_header_image_of_an_article_online_is_judged_whatever_its_date(site: Path) -> None:
    """A writer's article went online with a broken header image and sharing card: only a future one was told."""
    published = site / "content" / "articles" / "publie.md"  # dated 2027-02-01, "now" is 2027-02-15
    published.write_text(published.read_text(encoding="utf-8").replace("images/public.png", "images/pubic.png"),
                         encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--format", "json", "--only", "image-missing"])
    assert result.exit_code == 1, result.output
    [found] = json.loads(result.output)["findings"]
    assert (found["file"], found["line"], found["item"]) == ("content/articles/publie.md", 5, "article-publie")
    assert found["message"].startswith("image 'images/pubic.png' of 'article-publie' not found: there is no content/images/pubic.png")
    assert found["hint"] == "did you mean 'images/public.png'?"
    result = run_edcal("build", cwd=site)
    assert result.returncode == 1 and "image-missing" in result.stderr


def test_a_file_name_with_spaces_is_linked_as_markdown_reads_it(site: Path) -> None:
    """A writer's `![Équipe]({static}/images/Équipe atelier.png)` was an error, "a link ends at a space",
    though Markdown reads on to the ')' and the blog showed the image; its hint's %C3%89 made Pelican warn."""
    images = site / "content" / "images"
    for name in ("Équipe atelier.png", "photo (1).png", "photo.png"):
        (images / name).write_bytes((images / "public.png").read_bytes())
    published = site / "content" / "articles" / "publie.md"
    published.write_text(published.read_text(encoding="utf-8") + (
        "\n![L'équipe]({static}/images/Équipe atelier.png) et ![Encore]({static}/images/photo (1).png \"Titre\")\n"
        "\n![Coquille]({static}/images/Equipe atelier.png)\n"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--format", "json", "--only", "image-missing"])
    assert result.exit_code == 1, result.output
    found = [(f["line"], f["column"], f["message"], f["hint"]) for f in json.loads(result.output)["findings"]]
    assert found == [
        (12, 13, "'{static}/images/Equipe atelier.png' in article 'publie' links to content/images/Equipe atelier.png, "
                 "which does not exist", "did you mean '{static}/images/Équipe%20atelier.png'?")]
    published.write_text(published.read_text(encoding="utf-8").replace("Equipe atelier", "Équipe%20atelier"),
                         encoding="utf-8")
    result = run_edcal("build", cwd=site)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    page = (site / "output" / "2027" / "publie" / "index.html").read_text(encoding="utf-8")
    assert page.count('src="https://blog.example.fr/images/Équipe atelier.png"') == 2
    assert 'src="https://blog.example.fr/images/photo (1).png" title="Titre"' in page
    assert (site / "output" / "images" / "photo (1).png").is_file()


def test_an_image_shown_by_an_address_where_the_content_folder_does_not_have_it_is_told_where_it_is(
        site: Path) -> None:
    """A web editor writes its uploads by their address from its public folder (`/static/uploads/…`), saved
    elsewhere (`content/uploads/`): the page went online with a broken image, and neither the check nor Pelican
    said a word. An address naming no file of that name anywhere (a theme's or a plugin's) is left alone."""
    (site / "content" / "uploads").mkdir()
    (site / "content" / "uploads" / "Photo Équipe.JPG").write_bytes(b"")
    (site / "content" / "images" / "Photo Équipe.JPG").write_bytes(b"")
    published = site / "content" / "articles" / "publie.md"
    published.write_text(published.read_text(encoding="utf-8") + (
        "\n![L'équipe](/static/uploads/Photo Équipe.JPG) ![Bon](/uploads/Photo%20%C3%89quipe.JPG)\n"
        "\n![Aussi](https://blog.example.fr/static/uploads/Photo%20%C3%89quipe.JPG) ![Vignette](/thumbs/a.png)\n"),
        encoding="utf-8")
    found = [(f["line"], f["column"], f["message"], f["hint"]) for f in _missing_files(site)]
    assert found == [
        (10, 13, "'/static/uploads/Photo Équipe.JPG' in article 'publie' shows an image the blog does not have at "
                 "that address: there is no content/static/uploads/Photo Équipe.JPG",
         "the file is content/uploads/Photo Équipe.JPG: write /uploads/Photo%20Équipe.JPG"),
        (12, 10, "'https://blog.example.fr/static/uploads/Photo%20%C3%89quipe.JPG' in article 'publie' shows an image "
                 "the blog does not have at that address: there is no content/static/uploads/Photo Équipe.JPG",
         "the file is content/uploads/Photo Équipe.JPG: write /uploads/Photo%20Équipe.JPG")]


def test_an_image_left_in_wordpress_s_uploads_is_told_to_copy_them(site: Path) -> None:
    """An article imported from WordPress shows its images at the old site's address, /wp-content/uploads/…,
    which is the blog's own: broken the day the address points at the blog, edcal check silent."""
    published = site / "content" / "articles" / "publie.md"
    published.write_text(published.read_text(encoding="utf-8") + (
        "\n![L'escalier](https://blog.example.fr/wp-content/uploads/2024/05/escalier.jpg)\n"
        '\n<img src="/wp-content/uploads/2024/09/lea.jpg" alt="Léa" />\n'
        "\n![Ailleurs](https://autre.example.org/wp-content/uploads/2024/05/a.jpg)\n"), encoding="utf-8")
    found = [(f["line"], f["column"], f["message"], f["hint"]) for f in _missing_files(site)]
    hint = ("WordPress's uploads: copy its wp-content/uploads/ folder into content/wp-content/uploads/ and add "
            "\"wp-content\" to STATIC_PATHS, and the images keep their addresses")
    assert found == [
        (10, 15, "'https://blog.example.fr/wp-content/uploads/2024/05/escalier.jpg' in article 'publie' shows an "
                 "image the blog does not have at that address: there is no "
                 "content/wp-content/uploads/2024/05/escalier.jpg", hint),
        (12, 11, "'/wp-content/uploads/2024/09/lea.jpg' in article 'publie' shows an image the blog does not have "
                 "at that address: there is no content/wp-content/uploads/2024/09/lea.jpg", hint)]


def test_an_image_address_is_read_as_a_browser_reads_it(site: Path) -> None:
    """`/%2e%2e/static/uploads/a.png` is `/static/uploads/a.png` to a browser (nothing is above the root): a
    broken image the check read as nobody's."""
    (site / "content" / "uploads").mkdir()
    (site / "content" / "uploads" / "atelier.png").write_bytes(b"")
    published = site / "content" / "articles" / "publie.md"
    published.write_text(published.read_text(encoding="utf-8") + (
        "\n![Atelier](/%2e%2e/static/uploads/atelier.png) ![Bon](/../uploads/atelier.png?v=2)\n"), encoding="utf-8")
    found = [(f["column"], f["message"].split(" in article 'publie' ")[1], f["hint"]) for f in _missing_files(site)]
    assert found == [(12, "shows an image the blog does not have at that address: there is no "
                          "content/static/uploads/atelier.png", "the file is content/uploads/atelier.png: write "
                                                                 "/uploads/atelier.png")]


def test_an_image_address_outside_the_blogs_folder_is_told_with_the_blogs_address(site: Path) -> None:
    """Under a SITEURL with a folder (https://example.fr/blog), `/images/a.png` is the host's, outside the
    blog: a broken image even when content/images/a.png is there (the check read it as the blog's, and said
    nothing; an address the blog has, however written, is fine)."""
    write_pelicanconf(site, 'SITEURL = "https://example.fr/blog"\n')
    (site / "content" / "uploads").mkdir()
    (site / "content" / "uploads" / "atelier.png").write_bytes(b"")
    published = site / "content" / "articles" / "publie.md"
    published.write_text(published.read_text(encoding="utf-8") + (
        "\n![Public](/images/public.png) ![Atelier](HTTPS://EXAMPLE.FR:443/static/uploads/atelier.png)\n"
        "\n![Bon](/blog/images/public.png) ![Bon](//www.example.fr/blog/./uploads/atelier.png#a)\n"
        "\n![Bon](/blog/static/%2e%2e/uploads/atelier.png) ![Autre](/blog/../thumbs/atelier.png)\n"),
        encoding="utf-8")
    found = [(f["line"], f["column"], f["message"].split(" in article 'publie' ")[1], f["hint"])
             for f in _missing_files(site)]
    outside = "shows an image at an address outside the blog (https://example.fr/blog): a broken image"
    assert found == [
        (10, 11, outside, "the file is content/images/public.png: write /blog/images/public.png"),
        (10, 42, outside, "the file is content/uploads/atelier.png: write /blog/uploads/atelier.png"),
        (14, 58, outside, "the file is content/uploads/atelier.png: write /blog/uploads/atelier.png")]


def _missing_files(site: Path, *rules: str) -> list[dict[str, Any]]:
    """`edcal check --only image-missing`'s findings (and ``rules``'), which must fail the check."""
    only = [word for rule in ("image-missing", *rules) for word in ("--only", rule)]
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--format", "json", *only])
    assert result.exit_code == 1, result.output
    return list(json.loads(result.output)["findings"])


def test_a_name_spelled_as_only_windows_and_macos_read_it_is_told_precisely(site: Path) -> None:
    """A team on Windows and macOS saw their images; the Linux server did not. The hint said "did you
    mean 'images/verrière.png'?", the very name written (its accent encoded apart, as macOS saved the
    file), or a name that differs only by its capitals, without saying what to change."""
    images = site / "content" / "images"
    (images / "public.png").rename(images / "Public.PNG")
    (images / "verrie\u0300re.png").write_bytes((images / "Public.PNG").read_bytes())
    published = site / "content" / "articles" / "publie.md"
    published.write_text(published.read_text(encoding="utf-8") + (
        "\n![Verrière]({static}/images/verri\u00e8re.png) et ![Fenêtre]({static}\\images\\Public.PNG)\n"
        "\nVoir [le futur]({filename}Futur.md).\n"), encoding="utf-8")
    found = [(f["line"], f["message"].split(" in article")[0], f["hint"]) for f in _missing_files(site)]
    assert found == [
        (5, "image 'images/public.png' of 'article-publie' not found: there is no content/images/public.png",
         "the file is content/images/Public.PNG: its capitals differ, which Windows and macOS overlook but the "
         "web server does not (missing once online); write 'images/Public.PNG'"),
        (10, "'{static}/images/verri\u00e8re.png'",
         "the file content/images/verrie\u0300re.png has its accents encoded as separate marks (as macOS may save "
         "a name): macOS finds it, the web server does not; rename the file, retyping its accented letters"),
        (10, "'{static}\\images\\Public.PNG'", "write / between folders, not \\: {static}/images/Public.PNG")]
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--format", "json", "--only", "article-link"])
    assert [(f["line"], f["message"].split(" in article")[0], f["hint"])
            for f in json.loads(result.output)["findings"]] == [
        (12, "'{filename}Futur.md'",
         "the file is content/articles/futur.md: its capitals differ, which Windows and macOS overlook but the "
         "web server does not (missing once online); write '{filename}futur.md'")]
    # The other way round: a name typed with its accent apart, for a file named as typed on a keyboard.
    (images / "verrie\u0300re.png").rename(images / "verri\u00e8re.png")
    published.write_text(published.read_text(encoding="utf-8").replace("verri\u00e8re", "verrie\u0300re"),
                         encoding="utf-8")
    hints = [f["hint"] for f in _missing_files(site) if f["line"] == 10]
    assert hints[0] == ("its accented letters are encoded differently from the file content/images/verri\u00e8re.png's "
                        "(a letter then a separate accent, as macOS may write a name): macOS finds it, the web server "
                        "does not; retype them")


def test_misread_markup(site: Path) -> None:
    """A writer saw a list in GitHub's preview, bullets in Word, tags in Obsidian: the blog showed a run-on
    paragraph and a heading 'atelier #coulisses', without a word from the check."""
    published = site / "content" / "articles" / "publie.md"
    published.write_text(published.read_text(encoding="utf-8") + (
        "\n#atelier #coulisses\n\nAu programme :\n- visite\n- soudure\n\n• un ;\n• deux.\n\n"
        "Lire [le guide]() et [](https://example.org/), ![](data:image/png;base64," + "A" * 4000 + ")\n"
        "\n– Depuis quand soudez-vous ?\n– Depuis l'apprentissage.\n"
        "\n<style>\n#menu{color:red}\n</style>\n"),
        encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--format", "json", "--only", "misread-markup"])
    assert result.exit_code == 0, result.output
    found = [(f["line"], f["column"], f["severity"], f["message"].replace(" in article 'publie'", ""), f["hint"])
             for f in json.loads(result.output)["findings"]]
    assert found == [
        (10, 1, "warning", "'#atelier #coulisses' is a line of hashtags: the blog shows it as a heading, "
                           "'atelier #coulisses'",
         "write them in the header as tags: [atelier, coulisses] (a heading takes a space after its #)"),
        (13, 1, "warning", "the list at '- visite' follows a line of text: the blog runs it into that paragraph, as text",
         "leave a blank line before the list (GitHub's preview shows a list either way)"),
        (16, 1, "warning", "'• un ;' opens its lines with a word processor's bullet: no list to Markdown, the blog "
                           "runs them into one paragraph",
         "start each item with '- ' (a dash and a space), after a blank line"),
        (19, 6, "warning", "'[le guide]()' is a link without an address: on the blog, it leads back to the page itself",
         "write the address between the parentheses, or keep the words without the brackets"),
        (19, 22, "warning", "'[](https://example.org/)' is a link without words: nobody sees it on the page",
         "write the words to click between the brackets: [our catalogue](…)"),
        (19, 52, "warning", "an image is pasted into the text of article 'publie' as data (image/png, 3 kB): the page "
                            "and every feed carry it whole",
         "save it as a file in content/images/ and link it: ![what it shows]({static}/images/NAME.png)"),
        # An interview's lines, as often as a list: its hint does not take it for one.
        (21, 1, "warning", "'– Depuis quand soudez-vous ?' and the lines below it open with a dash: the blog runs "
                           "them into one paragraph",
         "leave a blank line between the lines to keep each on its own (a dialogue), or start each item with '- ' "
         "for a list")]
    # A draft is not judged yet.
    published.write_text(published.read_text(encoding="utf-8").replace("Date:", "Status: draft\nDate:"),
                         encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--format", "json", "--only", "misread-markup"])
    assert json.loads(result.output)["findings"] == []


def test_a_title_repeated_as_the_first_heading(site: Path, site_language: None) -> None:
    """A text exported from Google Docs opens with its title, `# Un article publié`: the page showed it twice,
    under the theme's own title, without a word from the check."""
    published = site / "content" / "articles" / "publie.md"
    header, _, body = published.read_text(encoding="utf-8").partition("\n\n")
    published.write_text(f"{header}\n\n# Un article PUBLIÉ !\n\n{body}", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--format", "json", "--only", "misread-markup"])
    found = [(f["line"], f["column"], f["severity"], f["message"], f["hint"])
             for f in json.loads(result.output)["findings"]]
    assert found == [(8, 1, "warning", "'# Un article PUBLIÉ !' dans l'article 'publie' répète son titre comme premier "
                                       "intertitre du texte\u00a0: la page affiche le titre deux fois, l'un au-dessus "
                                       "de l'autre",
                      "supprimez la ligne\u00a0: le thème affiche le `title:` de l'en-tête au-dessus du texte")]
    # A first heading of its own words is the writer's: it shows once.
    published.write_text(f"{header}\n\n# Le programme\n\n{body}", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--format", "json", "--only", "misread-markup"])
    assert json.loads(result.output)["findings"] == []


def test_a_list_numbered_with_parentheses_is_told_to_number_with_dots(site: Path, site_language: None) -> None:
    """Word and French habits number a list `1)`, `2)`: GitHub's preview shows a list, Python-Markdown (the
    blog's) one paragraph "1) accueil 2) café", without a word from the check. Numbers apart, each on a
    paragraph of its own, read as written: not told."""
    published = site / "content" / "articles" / "publie.md"
    published.write_text(published.read_text(encoding="utf-8")
                         + "\nAu programme :\n\n1) accueil ;\n2) café ;\n3) visite.\n\n1) Un.\n\n2) Deux.\n",
                         encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--format", "json", "--only", "misread-markup"])
    found = [(f["line"], f["column"], f["message"], f["hint"]) for f in json.loads(result.output)["findings"]]
    assert found == [
        (12, 1, "'1) accueil ;' dans l'article 'publie' et les lignes en dessous sont numérotées avec une "
                "parenthèse\u00a0: l'aperçu de GitHub montre une liste, le blog les colle en un seul paragraphe",
         "numérotez-les avec un point, '1. ', '2. ', et laissez une ligne vide avant la liste")]


def test_a_callout_is_told_with_the_label_to_write(site: Path, site_language: None) -> None:
    """`> [!warning]` pasted from Obsidian showed "[!warning]" on the blog, in a plain quote."""
    published = site / "content" / "articles" / "publie.md"
    published.write_text(published.read_text(encoding="utf-8")
                         + "\n> [!warning]\n> Fermé le lundi.\n\n> [!info]+ Horaires d'été\n> 8 h - 16 h\n",
                         encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--format", "json", "--only", "misread-markup"])
    found = [(f["line"], f["column"], f["message"], f["hint"]) for f in json.loads(result.output)["findings"]]
    assert found == [
        (10, 3, "'[!warning]' dans l'article 'publie' ouvre une citation comme un encadré (callout) d'Obsidian ou de "
                "GitHub\u00a0: le blog affiche '[!warning]' tel quel, dans une simple citation",
         "écrivez plutôt l'étiquette en gras\u00a0: > **Attention\u00a0:** …"),
        (13, 3, "'[!info]+ Horaires d'été' dans l'article 'publie' ouvre une citation comme un encadré (callout) "
                "d'Obsidian ou de GitHub\u00a0: le blog affiche '[!info]' tel quel, dans une simple citation",
         "écrivez plutôt son titre en gras\u00a0: > **Horaires d'été**")]


def test_a_wordpress_shortcode_is_told(site: Path, site_language: None) -> None:
    """An article imported from WordPress (pelican-import) showed "[gallery ids=…]" on the blog, unsaid."""
    published = site / "content" / "articles" / "publie.md"
    published.write_text(published.read_text(encoding="utf-8")
                         + '\n[gallery ids="203,204,205" columns="3" link="file"]\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--format", "json", "--only", "misread-markup"])
    found = [(f["line"], f["column"], f["message"], f["hint"]) for f in json.loads(result.output)["findings"]]
    assert found == [
        (10, 1, "'[gallery ids=\"203,204,205\" columns=\"3\" link=\"file\"]' dans l'article 'publie' est un "
                "shortcode de WordPress\u00a0: le blog l'affiche tel quel, crochets compris",
         "écrivez à sa place ce qu'il montrait\u00a0: les images,\u00a0![ce qu'elle montre]({static}/images/NOM.jpg), "
         "l'adresse d'une vidéo en lien, ou supprimez-le")]


def test_article_link(site: Path) -> None:
    """Links Pelican leaves as written went online dead: a file's name or path, a wrong address, the address
    of an article not online yet (dead until then, and its address shown to every reader)."""
    published = site / "content" / "articles" / "publie.md"
    published.write_text(published.read_text(encoding="utf-8") + (
        "\nVoir [le futur](futur.md), ![une image](../images/public.png), [faux](absent.md),\n"
        "[bientôt](https://blog.example.fr/2027/futur/), [aussi](/2027/futur/), [relu](/2027/relecture/),\n"
        "[coquille](/2027/publi/), [bon]({filename}futur.md), [ailleurs](https://example.org/2027/futur/),\n"
        "[ancre](#suite), [moi](/2027/publie/) et `[code](futur.md)`.\n"
        "Aussi [le tag](/tag/test/), [la catégorie](/category/essais/) et [ailleurs](/boutique/portails/).\n"
        "Enfin ![coquille](../images/publc.png), ![espaces](../images/Photo Atelier.png) et [pdf](../docs/a.pdf).\n"
        "Pages: [bienvenue](futur/), [à propos](../pages/contact), [relu](relecture).\n"
        # Footnotes are no links, whatever their one word (it was read as a link to a file).
        "Des notes[^1][^2].\n\n[^1]: Source.\n[^2]: absent.md\n"),
        encoding="utf-8")
    (site / "content" / "images" / "Photo Atelier.png").write_bytes((site / "content" / "images" / "public.png")
                                                                     .read_bytes())
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--format", "json", "--only", "article-link"])
    assert result.exit_code == 1, result.output
    found = [(f["line"], f["column"], f["message"].split(" in article 'publie' ")[1], f["hint"])
             for f in json.loads(result.output)["findings"]]
    assert found == [
        (10, 17, "is a file's path: Pelican leaves it as written, a dead link on the blog", "write {filename}futur.md"),
        (10, 41, "is a file's path: Pelican leaves it as written, a dead link on the blog",
         "write {static}../images/public.png"),
        (10, 71, "is a file name, and no such file is in articles: a dead link on the blog",
         "link to an article's file with {filename}, e.g. [text]({filename}autre-article.md)"),
        (11, 11, "links to the address of 'futur', online only from 2027-03-25 09:00: a dead link until then, and "
                 "its address shown to every reader",
         "link to its file, [text]({filename}futur.md): the words show without a link until it is online"),
        (11, 57, "links to the address of 'futur', online only from 2027-03-25 09:00: a dead link until then, and "
                 "its address shown to every reader",
         "link to its file, [text]({filename}futur.md): the words show without a link until it is online"),
        (11, 79, "links to the address of 'relecture', which is still in review: a dead link until then, and its "
                 "address shown to every reader",
         "link to its file, [text]({filename}relecture.md): the words show without a link until it is online"),
        (12, 12, "links to /2027/publi/, which is no article or page of the site",
         "did you mean '/2027/publie/'?"),
        # The category's page is category/essais.html (Pelican's CATEGORY_URL): category/essais/ is none.
        (14, 44, "links to /category/essais/, which is no article or page of the site",
         "did you mean '/category/essais.html'?"),
        # Relative links to files the content folder does not hold: broken images. A space does not end a
        # link (Markdown reads on to its ')'): that file is there, the link lacks {static}.
        (15, 19, "names no file of content/images: a broken image or link on the blog",
         "did you mean '{static}/images/public.png'?"),
        (15, 52, "is a file's path: Pelican leaves it as written, a dead link on the blog",
         "write {static}../images/Photo Atelier.png"),
        (15, 90, "names no file of content/docs: a broken image or link on the blog",
         "check the file name and its folder (a path starting with / is from content/)"),
        # Relative to the article's address, as a browser reads them: nothing the build writes.
        (16, 20, "leads to /2027/publie/futur/, which the blog does not have: a dead link", "write {filename}futur.md"),
        (16, 40, "leads to /2027/pages/contact, which the blog does not have: a dead link",
         "link to an article's file with {filename}, e.g. [text]({filename}autre-article.md)"),
        (16, 66, "leads to /2027/publie/relecture, which the blog does not have: a dead link",
         "write {filename}relecture.md")]
    # A future article may link to one online before it; a draft is not judged yet.
    published.write_text(published.read_text(encoding="utf-8").split("\nVoir [le futur]")[0], encoding="utf-8")
    future = site / "content" / "articles" / "futur.md"
    future.write_text(future.read_text(encoding="utf-8") + "\nComme dit [ici](/2027/publie/).\n", encoding="utf-8")
    draft = site / "content" / "articles" / "brouillon.md"
    draft.write_text(draft.read_text(encoding="utf-8") + "\nVoir [le futur](futur.md).\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--only", "article-link"])
    assert result.exit_code == 0, result.output


def _article_link_findings(site: Path, added: str) -> list[tuple[int, int, str, str]]:
    """The article-link findings once ``added`` is written at the end of the fixture's article publie.md: line,
    column, what follows "in article 'publie'", hint."""
    published = site / "content" / "articles" / "publie.md"
    published.write_text(published.read_text(encoding="utf-8") + added, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--format", "json", "--only", "article-link"])
    assert result.exit_code == 1, result.output
    return [(f["line"], f["column"], f["message"].split(" in article 'publie' ")[1], f["hint"])
            for f in json.loads(result.output)["findings"]]


def test_a_link_to_an_articles_title_or_to_no_page_of_the_blog_is_told(site: Path) -> None:
    """A writer in GitHub's web editor linked to another article by its title, `[la suite](Article futur …)`:
    no finding, and the page went online with a dead link. A relative link is read as a browser reads it, from
    the article's address, and judged against what the build writes."""
    found = _article_link_findings(site, (
        "\nVoir [la suite](Article futur CANARY-FUTURE-2291) et [encore](article futur, canary future 2291).\n"
        "Aussi [tarifs](../tarifs/) et [contact](../pages/contact.html).\n"
        "Mais [contact](../../pages/contact.html), [le tag](../../tag/test/), [ici](./), [haut](#haut),\n"
        "[page 2](?page=2), [courriel](mailto:a@example.fr), [image](../../images/public.png#x) et "
        "[accueil](../../) mènent quelque part.\n"))
    assert found == [
        (10, 17, "is the title of content/articles/futur.md, not its address: a dead link on the blog",
         "write {filename}futur.md"),
        (10, 63, "is the title of content/articles/futur.md, not its address: a dead link on the blog",
         "write {filename}futur.md"),
        (11, 16, "leads to /2027/tarifs/, which the blog does not have: a dead link",
         "link to an article's file with {filename}, e.g. [text]({filename}autre-article.md)"),
        (11, 41, "leads to /2027/pages/contact.html, which the blog does not have: a dead link",
         "did you mean '/pages/contact.html'?")]


def test_a_full_link_to_the_blogs_old_address_of_an_article_is_told_with_its_address_now(site: Path) -> None:
    """A blog moved from WordPress kept its articles' slugs but not their /2026/05/slug/ addresses (edcal's
    ARTICLE_URL is {date:%Y}/{slug}/): `[l'escalier](https://blog.example.fr/2026/05/escalier-chene-tilleuls/)`,
    as WordPress writes a link, was dead on the blog and no finding (an address of the site in full was taken
    for another program's). One in a folder the blog writes in (2026/, tag/) is judged; the host's other
    addresses (a shop, WordPress's admin, a query, a fragment of a page there) are not."""
    (site / "content" / "articles" / "escalier.md").write_text(
        "Title: L'escalier des Tilleuls\nDate: 2026-05-14 09:00\nSlug: escalier-chene-tilleuls\n\nUn escalier.\n",
        encoding="utf-8")
    found = _article_link_findings(site, (
        "\nVoir [l'escalier](https://blog.example.fr/2026/05/escalier-chene-tilleuls/) et "
        "[ses photos](/2026/05/escalier-chene-tilleuls/?utm_source=blog#photos).\n"
        "Aussi [le tag](https://blog.example.fr/tag/inox/).\n"
        "Mais [la boutique](https://blog.example.fr/boutique/panier/), [admin](/wp-admin/), [devis](/devis.php),"
        " [ancien](https://blog.example.fr/?p=123), [le tag](https://blog.example.fr/tag/test/#haut),"
        " [le flux](/feeds/all.atom.xml), [l'escalier](https://blog.example.fr/2026/escalier-chene-tilleuls/)"
        " et [image](/images/public.png) mènent quelque part.\n"))
    moved = ("'escalier-chene-tilleuls' is at /2026/escalier-chene-tilleuls/: write "
             "{filename}escalier.md; a blog moved from elsewhere keeps its old addresses with ARTICLE_URL and "
             "ARTICLE_SAVE_AS (edcal's docs/index.md, \"Coming from WordPress\")")
    assert found == [
        (10, 19, "links to /2026/05/escalier-chene-tilleuls/, which is no article or page of the site", moved),
        (10, 93, "links to /2026/05/escalier-chene-tilleuls/, which is no article or page of the site", moved),
        (11, 16, "links to /tag/inox/, which is no article or page of the site",
         "link to an article's file with {filename}, e.g. [text]({filename}autre-article.md)")]


def test_a_link_from_the_root_to_a_file_of_a_folder_the_blog_writes_in_is_not_judged(site: Path) -> None:
    """Pelican's development settings write the feed of every article, its production settings (publishconf.py,
    as pelican-quickstart writes them) those of each category and tag too: `[les conseils](/feeds/essais.atom.xml)`
    was an article-link error ("no article or page of the site") under `edcal check`'s default settings, and
    failed the CI of a site whose production build writes it. An address of the site that is no page's (a feed, a
    style sheet, a PDF) stays unjudged, as before; a page's in those folders is (/feeds/essais/)."""
    write_pelicanconf(site, 'FEED_ALL_ATOM = "feeds/all.atom.xml"\nCATEGORY_FEED_ATOM = None\n')
    found = _article_link_findings(site, (
        "\nAbonnez-vous [aux essais](/feeds/essais.atom.xml), [au tag](https://blog.example.fr/feeds/tag/test.rss.xml),"
        " lisez [la fiche](/feeds/fiche.pdf) ou [ceci](/feeds/essais/).\n"))
    assert found == [(10, 155, "links to /feeds/essais/, which is no article or page of the site",
                      "link to an article's file with {filename}, e.g. [text]({filename}autre-article.md)")]


def test_a_relative_link_to_a_file_of_a_folder_the_blog_writes_in_is_not_judged(site: Path) -> None:
    """`[les conseils](../../feeds/essais.atom.xml)`, from an article at /2027/publie/, leads to the category's
    feed, which publishconf.py writes and pelicanconf.py (`edcal check`'s default settings) does not: it was an
    article-link error ("names no file of feeds"), though the same link from the site's root was not. Out of the
    content folder, a relative link names no file of it: an address, judged as one from the root is (a page's,
    /feeds/essais/, is; a file's is not). A relative link to a missing article still is."""
    write_pelicanconf(site, 'FEED_ALL_ATOM = "feeds/all.atom.xml"\nCATEGORY_FEED_ATOM = None\n')
    found = _article_link_findings(site, (
        "\nAbonnez-vous [aux essais](../../feeds/essais.atom.xml), [au tag](../../feeds/tag/test.rss.xml),"
        " lisez [la fiche](../../feeds/fiche.pdf) ou [ceci](../../feeds/essais/).\n"
        "Mais [l'autre](../autre-article/), [le fichier]({filename}absent.md) et ![l'image](../../images/absente.png)"
        " sont morts.\n"))
    assert found == [
        (10, 147, "leads to /feeds/essais/, which the blog does not have: a dead link",
         "link to an article's file with {filename}, e.g. [text]({filename}autre-article.md)"),
        (11, 16, "leads to /2027/autre-article/, which the blog does not have: a dead link",
         "link to an article's file with {filename}, e.g. [text]({filename}autre-article.md)"),
        (11, 49, "links to content/articles/absent.md, which does not exist",
         "check the file name and its folder (a path starting with / is from content/)"),
        # In the content folder's images/: a file the content folder does not hold, told as before.
        (11, 84, "names no file of images: a broken image or link on the blog",
         "check the file name and its folder (a path starting with / is from content/)")]


def test_a_relative_link_to_a_feed_from_an_article_in_a_subfolder_is_not_judged(site: Path) -> None:
    """`[flux](../../feeds/conseils.atom.xml)` in content/articles/sub/nested.md leads, from the article's address
    (/2027/nested/), to a feed publishconf.py writes: it was an article-link error ("names no file of
    content/feeds"), the link read from the article's file (content/feeds/) rather than its address, though the
    same link from an article at the top of content/articles/ was not. A file content/ lacks, in a folder of
    content/ (../docs/a.pdf from content/articles/, content/docs/), is still told."""
    (site / "content" / "docs").mkdir()
    (site / "content" / "docs" / "tarifs.pdf").write_text("%PDF", encoding="utf-8")
    nested = site / "content" / "articles" / "sub" / "nested.md"
    nested.parent.mkdir()
    nested.write_text("Title: Imbriqué\nDate: 2027-01-15 09:00\nCategory: Essais\n\n"
                      "Abonnez-vous [au flux](../../feeds/conseils.atom.xml).\n", encoding="utf-8")
    published = site / "content" / "articles" / "publie.md"
    published.write_text(published.read_text(encoding="utf-8") + "\nLisez [la fiche](../docs/tarif.pdf).\n",
                         encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--format", "json", "--only", "article-link"])
    assert result.exit_code == 1, result.output
    assert [(f["file"], f["line"], f["message"], f["hint"]) for f in json.loads(result.output)["findings"]] == [
        ("content/articles/publie.md", 10, "'../docs/tarif.pdf' in article 'publie' names no file of content/docs: "
         "a broken image or link on the blog", "did you mean '{static}/docs/tarifs.pdf'?")]


def test_a_link_from_the_root_to_a_missing_file_of_a_published_folder_is_told(site: Path) -> None:
    """`![r](/images/publc.png)` or `[r](/images/nexiste.pdf)`, from the site's root to a file content/images/
    (a folder Pelican publishes) does not hold, went online broken and no rule told it: the root-link rule left
    images to image-missing, which only read `{static}` links. An image shown is image-missing's, a linked file
    article-link's, with the closest name of the folder; a folder the content folder does not publish
    (/ailleurs/, /feeds/) stays unjudged."""
    added = ("\n![r](/images/publc.png), [r](/images/nexiste.pdf), ![ok](/images/public.png),\n"
             "[bon](https://blog.example.fr/images/public.png), ![autre](/ailleurs/x.png), [flux](/feeds/x.atom.xml),\n"
             '<img src="/images/absente.jpg" alt="a"> et [![vignette](/images/public.png)](/images/grande.pdf).\n'
             "[r](/images/photo.jpg), in content/uploads/: image-missing's, with its address.\n")
    (site / "content" / "uploads").mkdir()
    (site / "content" / "uploads" / "photo.jpg").write_bytes(b"")
    published = site / "content" / "articles" / "publie.md"
    published.write_text(published.read_text(encoding="utf-8") + added, encoding="utf-8")
    assert sorted((f["rule"], f["line"], f["column"], f["message"], f["hint"])
                  for f in _missing_files(site, "article-link")) == [
        ("article-link", 10, 30, "'/images/nexiste.pdf' in article 'publie' names no file of content/images: a "
         "broken image or link on the blog", "check the file name and its folder (a path starting with / is from "
         "content/)"),
        ("article-link", 12, 78, "'/images/grande.pdf' in article 'publie' names no file of content/images: a "
         "broken image or link on the blog", "check the file name and its folder (a path starting with / is from "
         "content/)"),
        ("image-missing", 10, 6, "'/images/publc.png' in article 'publie' links to content/images/publc.png, "
         "which does not exist", "did you mean '/images/public.png'?"),
        ("image-missing", 12, 11, "'/images/absente.jpg' in article 'publie' links to content/images/absente.jpg, "
         "which does not exist", "check the file name and its folder (a path starting with / is from content/)"),
        ("image-missing", 13, 5, "'/images/photo.jpg' in article 'publie' shows an image the blog does not have at "
         "that address: there is no content/images/photo.jpg",
         "the file is content/uploads/photo.jpg: write /uploads/photo.jpg")]


def test_a_relative_link_with_escaped_dot_segments_is_read_as_a_browser_reads_it(site: Path) -> None:
    """`%2e%2e/` is `../` to a browser: `[tarifs](%2e%2e/tarifs/)` from /2027/publie/ leads to /2027/tarifs/ (it
    was told as leading to /2027/publie/../tarifs/), and `%2e%2e/publi/` is a slip of /2027/publie/'s address."""
    published = site / "content" / "articles" / "publie.md"
    published.write_text(published.read_text(encoding="utf-8") + (
        "\nVoir [tarifs](%2e%2e/tarifs/), [nous](%2E%2e/publi/) et [contact](%2e%2e/%2e%2e/pages/contact.html).\n"),
        encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--format", "json", "--only", "article-link"])
    assert result.exit_code == 1, result.output
    assert [(f["column"], f["message"].split(" in article 'publie' ")[1], f["hint"])
            for f in json.loads(result.output)["findings"]] == [
        (15, "leads to /2027/tarifs/, which the blog does not have: a dead link",
         "link to an article's file with {filename}, e.g. [text]({filename}autre-article.md)"),
        (39, "links to /2027/publi/, which is no article or page of the site", "did you mean '/2027/publie/'?")]


def test_an_article_s_link_to_an_address_in_other_capitals_is_told_its_capitals_differ(site: Path) -> None:
    """`[nous](/2027/PUBLIE/)` in an article was no finding (too far from '/2027/publie/' for a slip), and
    `/2027/Publie/` was told "did you mean '/2027/publie/'?" without why: the web server answers "not found"
    for both, as a post's link in other capitals is told."""
    published = site / "content" / "articles" / "publie.md"
    published.write_text(published.read_text(encoding="utf-8") + (
        "\nVoir [nous](/2027/PUBLIE/) et [encore](../Publie/).\n"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--format", "json", "--only", "article-link"])
    assert result.exit_code == 1, result.output
    told = "did you mean '/2027/publie/'? Its capitals differ: the web server answers 'not found'"
    assert [(f["column"], f["message"].split(" in article 'publie' ")[1], f["hint"])
            for f in json.loads(result.output)["findings"]] == [
        (13, "links to /2027/PUBLIE/, which is no article or page of the site", told),
        (40, "links to /2027/Publie/, which is no article or page of the site", told)]


def test_a_filename_link_to_an_article_not_there_is_an_article_link_with_the_file_to_write(site: Path) -> None:
    """`{filename}Nos apprentis à l'honneur.md` (the title for the file's name) and `{filename}/nos-apprentis.md`
    (from the content folder, not the article's): told as a missing image, with no file to write."""
    published = site / "content" / "articles" / "publie.md"
    published.write_text(published.read_text(encoding="utf-8") + (
        "\nVoir [la suite]({filename}Article futur CANARY-FUTURE-2291.md) et [encore]({filename}/futur.md#fin).\n"),
        encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--format", "json", "--only", "image-missing"])
    assert json.loads(result.output)["findings"] == [], result.output
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--format", "json", "--only", "article-link"])
    assert [(f["line"], f["column"], f["rule"], f["hint"]) for f in json.loads(result.output)["findings"]] == [
        (10, 17, "article-link", "did you mean '{filename}futur.md'?"),
        (10, 76, "article-link", "did you mean '{filename}futur.md#fin'?")]


def test_a_filename_link_of_a_page_to_an_article_not_there_is_an_article_link_too(site: Path) -> None:
    """A page's `{filename}article-futur.md` (a slip of futur.md's name) was told as a missing image, with the
    nearest file as written from content/: as in an article, it is `article-link`'s, with the file to write from
    the page's folder (by the file's name, or the article's title for it)."""
    page = site / "content" / "pages" / "contact.md"
    page.write_text(page.read_text(encoding="utf-8") + (
        "\nVoir [la suite]({filename}Article futur CANARY-FUTURE-2291.md), [encore]({filename}futur.md#fin) "
        "et [l'image]({static}/images/nope.png).\n"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--format", "json", "--only", "image-missing"])
    assert [(f["line"], f["column"], f["message"]) for f in json.loads(result.output)["findings"]] == [
        (5, 111, "'{static}/images/nope.png' in page content/pages/contact.md links to content/images/nope.png, "
                "which does not exist")], result.output
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--format", "json", "--only", "article-link"])
    assert result.exit_code == 1, result.output
    assert [(f["line"], f["column"], f["rule"], f["message"], f["hint"])
            for f in json.loads(result.output)["findings"]] == [
        (5, 17, "article-link", "'{filename}Article futur CANARY-FUTURE-2291.md' in page content/pages/contact.md "
         "links to content/pages/Article futur CANARY-FUTURE-2291.md, which does not exist",
         "did you mean '{filename}../articles/futur.md'?"),
        (5, 74, "article-link", "'{filename}futur.md#fin' in page content/pages/contact.md links to "
         "content/pages/futur.md, which does not exist", "did you mean '{filename}../articles/futur.md#fin'?")]


def test_a_pages_filename_links_to_an_image_and_a_page_there_are_fine_and_to_a_page_not_there_article_link(
        site: Path) -> None:
    """An older note listed a page's `{filename}` links as told by `image-missing` wrongly: `{filename}` to an
    image or a page that is there is no finding, to a page that is not there is `article-link`'s (pinned)."""
    pages = site / "content" / "pages"
    (pages / "equipe.md").write_text("Title: L'équipe\n\nNous.\n", encoding="utf-8")
    (pages / "contact.md").write_text((pages / "contact.md").read_text(encoding="utf-8") + (
        "\n![Atelier]({filename}/images/public.png) [équipe]({filename}/pages/equipe.md) "
        "[équipe]({filename}equipe.md) [tarifs]({filename}/pages/tarif.md)\n"), encoding="utf-8")
    checked = run_edcal("check", "--format", "json", "--only", "image-missing", "--only", "article-link", cwd=site)
    assert [(f["rule"], f["message"]) for f in json.loads(checked.stdout)["findings"]] == [
        ("article-link", "'{filename}/pages/tarif.md' in page content/pages/contact.md links to "
         "content/pages/tarif.md, which does not exist")], checked.stdout


def test_an_article_not_online_is_found_however_its_address_is_written(site: Path) -> None:
    """Dot segments and doubled slashes reach the same page: written so, the address of an article to come went
    round the check and onto the blog (a hostile-input review)."""
    published = site / "content" / "articles" / "publie.md"
    published.write_text(published.read_text(encoding="utf-8") + "\n[a](/2027/./futur/) [b](https://blog.example.fr"
                         "/2027//futur/) [c](/2027/x/../futur/)\n[d](/2027/x/%2e%2e/futur/) "
                         "[e](https://WWW.blog.example.fr:443/2027/futur/)\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--format", "json", "--only", "article-link"])
    found = json.loads(result.output)["findings"]
    assert [(f["line"] - found[0]["line"], f["column"]) for f in found] == [(0, 5), (0, 25), (0, 67), (1, 5),
                                                                           (1, 32)]
    assert all("links to the address of 'futur', online only from 2027-03-25 09:00" in f["message"] for f in found)


def test_a_page_linking_to_an_article_not_online_is_told_too(site: Path) -> None:
    """A page is online now: its link to a scheduled article's address went out dead, the address shown
    (found by a red-team trial; only articles' links were judged)."""
    page = site / "content" / "pages" / "contact.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nBientôt [le salon](/2027/futur/), déjà [ici](/2027/publie/), "
                    "[relu](https://blog.example.fr/2027/relecture/) et [ailleurs](https://example.org/2027/futur/).\n",
                    encoding="utf-8")
    draft_page = site / "content" / "pages" / "brouillon.md"
    draft_page.write_text("Title: Page en cours\nStatus: draft\n\nVoir [le salon](/2027/futur/).\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--format", "json", "--only", "article-link"])
    assert result.exit_code == 1, result.output
    assert [(f["file"], f["line"], f["column"], f["message"], f["hint"])
            for f in json.loads(result.output)["findings"]] == [
        ("content/pages/contact.md", 5, 20, "'/2027/futur/' in page content/pages/contact.md links to the address of "
         "'futur', online only from 2027-03-25 09:00: a dead link until then, and its address shown to every reader",
         "link to its file, [text]({filename}../articles/futur.md): the words show without a link until it is online"),
        ("content/pages/contact.md", 5, 69, "'https://blog.example.fr/2027/relecture/' in page content/pages/contact.md "
         "links to the address of 'relecture', which is still in review: a dead link until then, and its address "
         "shown to every reader", "link to its file, [text]({filename}../articles/relecture.md): the words show "
         "without a link until it is online")]


def test_a_pages_links_are_judged_as_an_articles(site: Path) -> None:
    """A page is online as soon as it is built: its links were judged for a few cases only (`{filename}` to
    an article's file not there, an article's address not online yet), so an unknown address, a relative link
    to nothing, a file's name, an Obsidian link, an article's title for its address or an image missing from
    the root went online dead without a word. Each is told as in an article, at the page's line and column;
    a hidden page is online too (at its address), a page in draft is not judged."""
    links = ("[z](/2027/inconnu/) [rel](tarifs.html) [fi](entretien.md) [[wiki]] ![j](/images/nexiste.png)\n"
             "[pdf](/images/t.pdf) [t](Article futur CANARY-FUTURE-2291) [ok](../2027/publie/) "
             "[p](/2027/publie/)\n")
    page = site / "content" / "pages" / "contact.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n" + links, encoding="utf-8")
    (site / "content" / "pages" / "cachee.md").write_text("Title: Cachée\nStatus: hidden\n\nVoir [[wiki]].\n",
                                                          encoding="utf-8")
    (site / "content" / "pages" / "brouillon.md").write_text("Title: En cours\nStatus: draft\n\n" + links,
                                                             encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--format", "json", "--only", "article-link",
                                      "--only", "image-missing"])
    assert result.exit_code == 1, result.output
    contact = "in page content/pages/contact.md"
    nearest = "check the file name and its folder (a path starting with / is from content/)"
    assert [(f["file"], f["line"], f["column"], f["rule"], f["message"], f["hint"])
            for f in json.loads(result.output)["findings"]] == [
        ("content/pages/cachee.md", 4, 8, "article-link", "'[[wiki]]' in page content/pages/cachee.md is an "
         "Obsidian link: the blog shows it as written, brackets included", "write [text]({filename}other-article.md)"),
        ("content/pages/contact.md", 5, 5, "article-link", f"'/2027/inconnu/' {contact} links to /2027/inconnu/, "
         "which is no article or page of the site", "link to an article's file with {filename}, e.g. "
         "[text]({filename}autre-article.md)"),
        ("content/pages/contact.md", 5, 27, "article-link", f"'tarifs.html' {contact} leads to /pages/tarifs.html, "
         "which the blog does not have: a dead link", "link to an article's file with {filename}, e.g. "
         "[text]({filename}autre-article.md)"),
        ("content/pages/contact.md", 5, 45, "article-link", f"'entretien.md' {contact} is a file name, and no such "
         "file is in pages: a dead link on the blog", "link to an article's file with {filename}, e.g. "
         "[text]({filename}autre-article.md)"),
        ("content/pages/contact.md", 5, 61, "article-link", f"'[[wiki]]' {contact} is an Obsidian link: the blog "
         "shows it as written, brackets included", "write [text]({filename}other-article.md)"),
        ("content/pages/contact.md", 5, 73, "image-missing", f"'/images/nexiste.png' {contact} links to "
         "content/images/nexiste.png, which does not exist", nearest),
        ("content/pages/contact.md", 6, 7, "article-link", f"'/images/t.pdf' {contact} names no file of "
         "content/images: a broken image or link on the blog", nearest),
        ("content/pages/contact.md", 6, 26, "article-link", f"'Article futur CANARY-FUTURE-2291' {contact} is the "
         "title of content/articles/futur.md, not its address: a dead link on the blog",
         "write {filename}../articles/futur.md")], result.output


def test_social_unused(site: Path) -> None:
    """A text for a network the article is not promoted on was dropped without a word."""
    future = site / "content" / "articles" / "futur.md"
    future.write_text(future.read_text(encoding="utf-8").replace(
        "tags:", "social: {mastodon: Pour Mastodon, linkedin: Pour LinkedIn, bluesky: {skip: true}}\ntags:"),
        encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--format", "json", "--only", "social-unused"])
    assert [(f["line"], f["message"], f["hint"]) for f in json.loads(result.output)["findings"]] == [
        (4, "article 'futur' gives a text for Mastodon in `social:`, but no post promotes it there",
         "add mastodon to the networks of the `promote:` entry 'futur' in the calendar (it decides this article's "
         "networks), or remove its text")]
    # A thread alone, for a network no post promotes it on: told as the thread it is.
    future.write_text(future.read_text(encoding="utf-8").replace(
        "mastodon: Pour Mastodon", "mastodon: {thread: [Un, Deux]}"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--format", "json", "--only", "social-unused"])
    assert [(f["message"], f["hint"]) for f in json.loads(result.output)["findings"]] == [
        ("article 'futur' gives a thread for Mastodon in `social:`, but no post promotes it there",
         "add mastodon to the networks of the `promote:` entry 'futur' in the calendar (it decides this article's "
         "networks), or remove its thread")]
    future.write_text(future.read_text(encoding="utf-8").replace(
        "mastodon: {thread: [Un, Deux]}", "mastodon: Pour Mastodon"), encoding="utf-8")
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace("networks: [linkedin, bluesky]",
                                                                    "networks: [linkedin, bluesky, mastodon]"),
                        encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--format", "json", "--only", "social-unused"])
    assert json.loads(result.output)["findings"] == [], result.output
    # The entry's own texts win on every post: the article's text for LinkedIn was dropped without a word.
    calendar.write_text(calendar.read_text(encoding="utf-8").replace(
        "schedule: [at publication, +2 weeks]",
        "schedule: [at publication, +2 weeks]\n    texts: [Lisez-le, Relisez-le]"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--format", "json", "--only", "social-unused"])
    assert [(f["line"], f["message"]) for f in json.loads(result.output)["findings"]] == [
        (4, "article 'futur' gives a text for Mastodon in `social:`, but the entry 'futur' gives every post there "
            "its own text"),
        (4, "article 'futur' gives a text for LinkedIn in `social:`, but the entry 'futur' gives every post there "
            "its own text")]


def test_social_unused_on_a_network_the_site_starts_or_stops_posting_on_names_since_or_until(site: Path) -> None:
    """An article's text for X, where the blog promotes every article, went unused because X's `since:` comes
    after the article: the hint said to add X to the networks, which changed nothing."""
    (site / "content" / "articles" / "nouveau.md").write_text(
        "---\ntitle: Nouveau\ndate: 2027-03-10 09:00\nsocial: {x: Pour X}\n---\nTexte.\n", encoding="utf-8")
    calendar = site / "calendar.yaml"
    text = calendar.read_text(encoding="utf-8")
    for account, hint in (
            ('{account: "@fixture", since: 2027-04-01}',
             "X's `since:` is 2027-04-01, after the article goes online (2027-03-10): the blog's promotions leave "
             "it out there; set `since:` earlier for the article to be promoted on X, or remove its text"),
            ('{account: "@fixture", until: 2027-03-01}',
             "X's `until:` is 2027-03-01, before the article goes online (2027-03-10): the blog's promotions leave "
             "it out there; remove its text, or set `until:` later")):
        calendar.write_text(text.replace('{account: "@fixture"}', account), encoding="utf-8")
        result = CliRunner().invoke(cli, ["check", "--site", str(site), "--format", "json", "--only",
                                          "social-unused"])
        assert [(f["message"], f["hint"]) for f in json.loads(result.output)["findings"]] == [
            ("article 'nouveau' gives a text for X in `social:`, but no post promotes it there", hint)], \
            result.output


def test_an_obsidian_link_is_told_with_the_markdown_to_write(site: Path) -> None:
    """`[[futur]]` and `![[public.png]]`, as Obsidian writes them, were printed on the page, brackets included."""
    published = site / "content" / "articles" / "publie.md"
    published.write_text(published.read_text(encoding="utf-8")
                         + "\nVoir [[futur]], ![[public.png|300]] et [[nulle-part]].\n\n    [[du code]]\n"
                         + "\nLire [[futur|la suite du feuilleton]].\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--format", "json", "--only", "article-link"])
    assert result.exit_code == 1, result.output
    assert [(f["message"].split("' in article")[0], f["hint"]) for f in json.loads(result.output)["findings"]] == [
        ("'[[futur]]", "write [text]({filename}futur.md)"),
        ("'![[public.png|300]]", "write ![description]({static}/images/public.png)"),
        ("'[[nulle-part]]", "write [text]({filename}other-article.md)"),
        # The words Obsidian shows stay the link's.
        ("'[[futur|la suite du feuilleton]]", "write [la suite du feuilleton]({filename}futur.md)")]


def test_an_obsidian_links_hint_is_in_the_sites_language(site: Path, site_language: None) -> None:
    """A French writer was told "écrivez [text]({filename}futur.md)", a word of English to paste."""
    published = site / "content" / "articles" / "publie.md"
    published.write_text(published.read_text(encoding="utf-8") + "\nVoir [[futur]].\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--format", "json", "--only", "article-link"])
    assert [f["hint"] for f in json.loads(result.output)["findings"]] == ["écrivez [texte]({filename}futur.md)"]


def test_image_too_large(site: Path, site_language: None) -> None:
    """A photo straight from a phone, in an article's text or its `image:`: every reader's page loaded 2.4 MB,
    without a word from the checks."""
    images = site / "content" / "images"
    with open(images / "Photo atelier.jpg", "wb") as photo:
        photo.truncate(2_350_001)  # its size is all the rule reads (a sparse file)
    published = site / "content" / "articles" / "publie.md"
    published.write_text(published.read_text(encoding="utf-8").replace("images/public.png", "images/Photo atelier.jpg")
                         + "\n![L'atelier]({static}/images/Photo atelier.jpg) et ![Petite]({static}/images/public.png)\n",
                         encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--format", "json", "--only", "image-too-large"])
    assert result.exit_code == 0, result.output
    found = [(f["line"], f["column"], f["severity"], f["message"], f["hint"])
             for f in json.loads(result.output)["findings"]]
    hint = ("réduisez-la (1\u00a0600 pixels de large suffisent pour la colonne de la page) et compressez-la (JPEG ou "
            "WebP, qualité 80 environ), en gardant son nom\u00a0: content/images/Photo atelier.jpg")
    assert found == [
        (5, 8, "warning", "l'image 'images/Photo atelier.jpg' de l'article 'publie' pèse 2,4 Mo, plus de 1 Mo\u00a0: la "
                          "page la charge en entier chez chaque lecteur, sur téléphone aussi", hint),
        (10, 14, "warning", "l'image '{static}/images/Photo atelier.jpg' de l'article 'publie' pèse 2,4 Mo, plus de "
                            "1 Mo\u00a0: la page la charge en entier chez chaque lecteur, sur téléphone aussi", hint)]
    # A site that allows heavier images says so; a size without its unit is refused.
    calendar = site / "calendar.yaml"
    text = calendar.read_text(encoding="utf-8")
    calendar.write_text(text + "checks:\n  image-too-large:\n    max_size: 2,5 Mo\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--format", "json", "--only", "image-too-large"])
    assert json.loads(result.output)["findings"] == []
    calendar.write_text(text + "checks:\n  image-too-large: {max_size: 2500}\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--only", "image-too-large"])
    assert result.exit_code == 2
    assert "error: trouvé '2500', attendu\u00a0: une taille comme '1 Mo' ou '500 ko'" in result.output


def test_missing_alt_text() -> None:
    found = findings("missing-alt-text", posts("{id: a, at: 2027-01-12 09:00, networks: [x], text: Hi, image: images/a.png}"))
    assert found and found[0].severity == "warning"
    assert not findings("missing-alt-text", posts(
        "{id: a, at: 2027-01-12 09:00, networks: [x], text: Hi, image: images/a.png, alt: Une photo}"))
    assert findings("missing-alt-text", "", [lambda c: article("a", "2027-01-12T09:00", c, image="images/a.png")])
    # A suggestion to staff with an image: every employee would post it undescribed.
    (found,) = findings("missing-alt-text", "ambassadors:\n  suggestions:\n"
                        "    - {link: 'https://jobs.example.org/', title: Emplois, image: images/a.png}\n")
    assert found.message.startswith("image 'images/a.png' of the suggestion to staff 'Emplois' has no alt text")
    assert not findings("missing-alt-text", "ambassadors:\n  suggestions:\n"
                        "    - {link: 'https://jobs.example.org/', title: Emplois, image: images/a.png, alt: A}\n")


def test_an_image_in_an_articles_text_without_alt_text(site: Path) -> None:
    """Only the header image was judged: `![](…)` in the text of an article to come went out undescribed."""
    future = site / "content" / "articles" / "futur.md"
    future.write_text(future.read_text(encoding="utf-8") + "\n![]({static}/images/public.png)\n\n"
                      "![Le portail]({static}/images/public.png) <img src=\"/images/public.png\">\n"
                      "<img alt=\"\" src=\"/images/public.png\">\n\n    ![](dans-du-code.png)\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--format", "json", "--only", "missing-alt-text"])
    found = [f for f in json.loads(result.output)["findings"] if "in the text" in f["message"]]
    lines = len(future.read_text(encoding="utf-8").splitlines())
    assert [(f["line"], f["column"], f["item"]) for f in found] == [
        (lines - 5, 1, "article-futur"), (lines - 3, 43, "article-futur")]  # alt="" is a decorative image
    assert found[0]["message"] == ("an image in the text of 'article-futur' has no alt text: people using screen "
                                   "readers will miss it")


def test_alt_too_long() -> None:
    extra = "  pinterest: {}\n"
    line = "{id: p, at: 2027-01-12 09:00, networks: [pinterest], image: images/a.png, text: Hi, alt: '%s'}"
    assert findings("alt-too-long", posts(line % ("a" * 501)), extra=extra)
    assert not findings("alt-too-long", posts(line % ("a" * 500)), extra=extra)
    # Bluesky's app takes 2,000: a 2,100-character description passed.
    line = "{id: b, at: 2027-01-12 09:00, networks: [bluesky], image: images/a.png, text: Hi, alt: '%s'}"
    assert findings("alt-too-long", posts(line % ("a" * 2001)), extra="  bluesky: {}\n")
    assert not findings("alt-too-long", posts(line % ("a" * 2000)), extra="  bluesky: {}\n")


def test_image_unfit(tmp_path: Path) -> None:
    """A 3000 x 500 banner on Instagram and a 1.2 MB photo on Bluesky went through: both fail through the API."""
    import struct

    from edcal.plan.resolve import Site, resolve_plan
    from helpers import SITE, composer

    def png(name: str, width: int, height: int, size: int = 100) -> None:
        header = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + struct.pack(">II", width, height)
        (tmp_path / "images" / name).write_bytes(header + b"\x00" * (size - len(header)))

    (tmp_path / "images").mkdir()
    png("banniere.png", 3000, 500)
    png("carre.png", 1080, 1080)
    png("lourde.png", 1200, 630, size=1_200_000)
    png("legere.png", 1200, 630, size=999_999)
    calendar = calendar_from(PARIS_CALENDAR + "  instagram: {}\n  bluesky: {}\n" + posts(
        "{id: a, at: 2027-01-12 09:00, networks: [instagram, x], text: Hi, image: images/banniere.png, alt: A}",
        "{id: b, at: 2027-01-13 09:00, networks: [instagram], text: Hi, image: images/carre.png, alt: A}",
        "{id: c, at: 2027-01-14 09:00, networks: [bluesky, mastodon], text: Hi, image: images/lourde.png, alt: A}",
        "{id: d, at: 2027-01-15 09:00, networks: [bluesky], text: Hi, image: images/legere.png, alt: A}"))
    plan = resolve_plan(calendar, [], now=dt.datetime.fromisoformat(NOW), generated_at=dt.datetime(2027, 1, 1, tzinfo=dt.UTC),
                        site=Site(SITE.url, SITE.lang, content=tmp_path), composer=composer(calendar=calendar))
    found = run_checks(plan, only=["image-unfit"])
    assert [(f.item, f.severity) for f in found] == [("a-instagram", "warning"), ("c-bluesky", "warning")]
    assert found[0].message == ("Instagram post 'a-instagram': image 'images/banniere.png' is 3000×500 (6.00:1), "
                                "outside Instagram's shapes from 4:5 to 1.91:1: its app crops it, its API refuses it")
    assert found[1].message == ("Bluesky post 'c-bluesky': image 'images/lourde.png' weighs 1,200 kB, over Bluesky's "
                                "1,000 kB: refused when posted through its API or a scheduler")
    assert found[0].hint == ("crop it between 4:5 and 1.91:1 (1080×1350 to 1080×565), or give Instagram another "
                             "image under `variants:`")
    # A site sets its own: a square-only network of its own, Bluesky's limit raised.
    custom = calendar_from(PARIS_CALENDAR + "  instagram: {image_aspect: ['1:1', '16:9']}\n" + posts(
        "{id: a, at: 2027-01-12 09:00, networks: [instagram], text: Hi, image: images/banniere.png, alt: A}"))
    plan = resolve_plan(custom, [], now=dt.datetime.fromisoformat(NOW), generated_at=dt.datetime(2027, 1, 1, tzinfo=dt.UTC),
                        site=Site(SITE.url, SITE.lang, content=tmp_path), composer=composer(calendar=custom))
    assert "between 1:1 and 16:9 (1080×1080 to 1080×608)" in (run_checks(plan, only=["image-unfit"])[0].hint or "")
    calendar = calendar_from(PARIS_CALENDAR + "  instagram: {image_aspect: ['1:1', '1:1']}\n"
                             "  bluesky: {max_image_bytes: 2000000}\n" + posts(
                                 "{id: b, at: 2027-01-13 09:00, networks: [instagram], text: Hi, image: images/carre.png, alt: A}",
                                 "{id: c, at: 2027-01-14 09:00, networks: [bluesky], text: Hi, image: images/lourde.png, alt: A}"))
    plan = resolve_plan(calendar, [], now=dt.datetime.fromisoformat(NOW), generated_at=dt.datetime(2027, 1, 1, tzinfo=dt.UTC),
                        site=Site(SITE.url, SITE.lang, content=tmp_path), composer=composer(calendar=calendar))
    assert run_checks(plan, only=["image-unfit"]) == []


@pytest.mark.parametrize(("value", "message"), [
    ("['1.91:1', '4:5']", "expected the narrowest and widest shapes, width:height, e.g. ['4:5', '1.91:1']: the "
                          "narrowest first"),
    ("['4:5']", "found a list, expected the narrowest and widest shapes"),
    ("['4:5', 'large']", "found 'large', expected a shape as width:height, e.g. '4:5'"),
])
def test_an_image_aspect_is_two_shapes_narrowest_first(value: str, message: str) -> None:
    with pytest.raises(InputErrors) as raised:
        calendar_from(PARIS_CALENDAR + f"  instagram: {{image_aspect: {value}}}\n")
    assert message in str(raised.value), str(raised.value)


def test_link_not_clickable() -> None:
    """The article's address pasted in an Instagram caption stayed, tracked and unclickable, beside "Lien en bio"."""
    extra = "  instagram: {}\n"
    line = ("{id: i, at: 2027-01-12 09:00, networks: [instagram, x], image: images/a.png, alt: A, "
            "text: '%s', link: 'https://blog.example.fr/2027/a/'}")
    found = findings("link-not-clickable", posts(line % "Nouveau : https://blog.example.fr/2027/a/"), extra=extra)
    assert [(f.item, f.severity) for f in found] == [("i-instagram", "warning")]
    assert "shows https://blog.example.fr/2027/a/?utm_source=instagram" in found[0].message
    assert (found[0].source.line, found[0].source.column) == (11, 96)  # at the text to change
    assert not findings("link-not-clickable", posts(line % "Nouveau sur le blog"), extra=extra)


def test_too_many_hashtags() -> None:
    extra = "  threads: {}\n"
    assert findings("too-many-hashtags", posts("{id: t, at: 2027-01-12 09:00, networks: [threads], text: '#Un #Deux'}"),
                    extra=extra)
    assert not findings("too-many-hashtags", posts("{id: t, at: 2027-01-12 09:00, networks: [threads], text: '#Un et C#'}"),
                        extra=extra)
    teams = "  teams: {custom: true, name: Teams, limit: 5000, max_hashtags: 0}\n"
    found = findings("too-many-hashtags", posts("{id: t, at: 2027-01-12 09:00, networks: [teams], text: 'Bienvenue #Lyon'}"),
                     extra=teams)
    assert [(f.message, f.hint) for f in found] == [
        ("Teams post 't-teams' has hashtags (#Lyon); Teams takes none (max_hashtags: 0)", "remove the hashtags from `text:`")]


def test_too_many_links() -> None:
    extra = "  threads: {}\n"
    links = " ".join(f"https://example.org/{n}" for n in range(6))
    assert findings("too-many-links", posts(f"{{id: t, at: 2027-01-12 09:00, networks: [threads], text: '{links}'}}"),
                    extra=extra)
    five = " ".join(f"https://example.org/{n % 5}" for n in range(6))  # 5 distinct
    assert not findings("too-many-links", posts(f"{{id: t, at: 2027-01-12 09:00, networks: [threads], text: '{five}'}}"),
                        extra=extra)


def test_forbidden_characters() -> None:
    extra = "  youtube: {}\n"
    line = "{id: v, at: 2027-01-12 09:00, networks: [youtube], image: images/v.png, alt: A, text: '%s'}"
    assert findings("forbidden-characters", posts(line % "a < b"), extra=extra)
    assert not findings("forbidden-characters", posts(line % "a moins que b"), extra=extra)


def test_invisible_character() -> None:
    """A soft hyphen or a zero-width space pasted from Word into a hashtag (`#Portes\u00adOuvertes`) cut it on the
    network, and a byte-order mark was counted: nobody sees them, nothing said so."""
    line = "{id: p, at: 2027-01-12 09:00, networks: [linkedin], text: \"%s\"}"
    found = findings("invisible-character", posts(line % "Samedi : #Portes\\u00adOuvertes à l'atelier"))
    assert [(f.item, f.severity, f.source.line) for f in found] == [("p-linkedin", "warning", 10)]
    assert found[0].message == ("LinkedIn post 'p-linkedin' has a soft hyphen (U+00AD) at character 17 of its text, in "
                                "'#Portes[U+00AD]Ouvertes': invisible, it is counted, and ends a hashtag, a link "
                                "or a word where it stands"), found[0].message
    assert found[0].hint == "delete it (it came with text pasted from a word processor or a web page)"
    from edcal.i18n import translator
    # "une espace sans chasse … il est compté" mixed genders: the French names the character, whatever it is.
    zwsp = findings("invisible-character", posts(line % "Voir\u200b la suite"))[0]
    assert zwsp.message.translated(translator("fr")).endswith(
        "une espace sans chasse (U+200B) au caractère 5 de son texte, dans 'Voir[U+200B]'\u00a0: ce caractère "
        "invisible est compté, et coupe là le hashtag, le lien ou le mot où il se trouve"), zwsp.message
    assert zwsp.hint.translated(translator("fr")) == ("supprimez ce caractère (venu avec un texte collé depuis un "
                                                     "traitement de texte ou une page web)")
    zero_width = findings("invisible-character", posts(line % "\\ufeffVoir https://exemple.fr/a\\u200bb"))
    assert [f.message.split(" at character ")[0] for f in zero_width[:2]] == [
        "LinkedIn post 'p-linkedin' has a byte-order mark (U+FEFF)", "LinkedIn post 'p-linkedin' has a zero-width space (U+200B)"]
    runs = findings("invisible-character", posts(line % "Portes\\u00a0 \\u00a0ouvertes"))
    assert runs[0].message.startswith("LinkedIn post 'p-linkedin' has a no-break space (U+00A0) at character 7 of its text, "
                                      "in a run of spaces ('Portes[U+00A0] [U+00A0]ouvertes')"), runs[0].message
    assert runs[0].hint == "write one plain space there"
    # In an article's summary that a promotion takes, told at the article, where the words are to change.
    promoted = findings("invisible-character", posts("{id: p, at: 2027-01-12 09:00, networks: [linkedin], article: a}"),
                        articles=[lambda c: article("a", "2027-01-10 10:00", c, summary="Nos portes\u00adouvertes")])
    assert [(f.source.path, f.message.split(", in ")[1]) for f in promoted] == [
        ("content/articles/a.md", "'portes[U+00AD]ouvertes': invisible, it is counted, and ends a hashtag, a link "
                                  "or a word where it stands")]
    # French typography's spaces, an emoji's joiners: as they should be.
    for fine in ("Salon\\u00a0: J-7\\u202f! «\\u00a0Portes ouvertes\\u00a0» 1\\u00a0200\\u00a0€",
                 "En famille 👩\\u200d👩\\u200d👧 ; Salon\\u202f; ok ?"):
        assert not findings("invisible-character", posts(line % fine)), fine


def test_invisible_character_reads_a_long_run_of_spaces_at_once() -> None:
    """A text holding a long run of plain spaces (a layout pasted from a spreadsheet, 40,000 of them) took the
    rule 9 seconds, its expression trying the run again from each of its spaces; the run is read once."""
    line = "{id: p, at: 2027-01-12 09:00, networks: [linkedin], text: \"Tableau%s fin\\u00a0 \\u00a0ok\"}"
    started = time.monotonic()
    found = findings("invisible-character", posts(line % (" " * 40_000)))
    assert time.monotonic() - started < 3
    assert [f.message.split(", in a run")[0] for f in found] == [
        "LinkedIn post 'p-linkedin' has a no-break space (U+00A0) at character 40012 of its text"]


def test_invisible_character_in_a_text_for_several_networks_is_one_finding() -> None:
    """One soft hyphen in a text written once for LinkedIn and X was two findings at the same line, one a
    network, as a recurring post's was one a week: the character is in the words, whatever the network."""
    line = "{id: p, at: 2027-01-12 09:00, networks: [linkedin, x], text: \"%s\"}"
    found = findings("invisible-character", posts(line % "Samedi : #Portes\\u00adOuvertes à l'atelier"))
    assert [(f.item, f.source.line, f.message) for f in found] == [(None, 10, (
        "2 posts ('p-linkedin' (2027-01-12 09:00), 'p-x' (2027-01-12 09:00)) have a soft hyphen (U+00AD) at "
        "character 17 of their text, in '#Portes[U+00AD]Ouvertes': invisible, it is counted, and ends a hashtag, "
        "a link or a word where it stands"))]
    assert found[0].hint == "delete it (it came with text pasted from a word processor or a web page)"
    assert found[0].data == (("posts", 2), ("items", ("p-linkedin", "p-x")))
    french = found[0].message.translated(translator("fr")).replace("\xa0", " ")
    assert french.startswith("2 publications ('p-linkedin' (12/01/2027 09:00), 'p-x' (12/01/2027 09:00)) contiennent "
                             "un trait d'union conditionnel (U+00AD) au caractère 17 de leur texte"), french
    weekly = ("{id: w, networks: [linkedin, x], repeat: {every: week, on: tue, at: '09:00', from: 2027-01-12, "
              "count: 2}, text: \"Salon\\u00a0 \\u00a0ouvert\"}")
    runs = findings("invisible-character", posts(weekly))
    assert [f.message.split(" have ")[0] for f in runs] == [
        "4 posts ('w-linkedin-20270112' (2027-01-12 09:00), 'w-x-20270112' (2027-01-12 09:00), "
        "'w-linkedin-20270119' (2027-01-19 09:00), …)"]
    assert runs[0].message.endswith("in a run of spaces ('Salon[U+00A0] [U+00A0]ouvert'): a gap pasted from a word "
                                    "processor, wider than one space, and counted")


def test_invisible_character_tells_two_no_break_spaces_before_a_mark() -> None:
    """`Salon\u00a0\u00a0!` (a no-break space typed where Word had put one already) shows as a double space
    before the mark: the single no-break space French typography puts there was left out of the run, and the
    one left was no run at all."""
    line = "{id: p, at: 2027-01-12 09:00, networks: [linkedin], text: \"%s\"}"
    for written, around in (("Salon\\u00a0\\u00a0!", "Salon[U+00A0][U+00A0]!"),
                            ("Salon\\u202f\\u00a0?", "Salon[U+202F][U+00A0]?"),
                            ("Salle\\u00a0\\u00a0: ok", "Salle[U+00A0][U+00A0]:")):
        found = findings("invisible-character", posts(line % written))
        assert [f.message.split(" at character ")[1] for f in found] == [
            f"6 of its text, in a run of spaces ('{around}'): a gap pasted from a word processor, wider than one "
            "space, and counted"], written
    # Two plain spaces before the mark are the writer's, the composer making the last one a no-break space.
    assert not findings("invisible-character", posts(line % "Salon  !"))


def test_link_glued() -> None:
    """`«https://exemple.fr/x»` got no Bluesky link facet, and `voir https://exemple.fr/x»` one to an address
    ending in %C2%BB: the guillemet French puts against a link, without a word. X (twitter-text) links both."""
    extra = "  bluesky: {}\n"
    line = "{id: p, at: 2027-01-12 09:00, networks: [bluesky, x], text: '%s'}"
    before = findings("link-glued", posts(line % "Le programme «https://exemple.fr/x» est en ligne"), extra=extra)
    assert [(f.item, f.severity, f.source.line) for f in before] == [("p-bluesky", "warning", 11)]
    assert before[0].message == ("Bluesky post 'p-bluesky' has https://exemple.fr/x glued to the '«' before "
                                 "it: Bluesky makes no link of it, and shows the address whole, as text")
    assert before[0].hint == ("put a space between '«' and the address: « https://exemple.fr/x » (or a narrow "
                              "no-break space, U+202F)")
    after = findings("link-glued", posts(line % "Voir https://exemple.fr/x» et venez"), extra=extra)
    assert [f.message for f in after] == [
        "Bluesky post 'p-bluesky' has https://exemple.fr/x glued to the '»' after it: Bluesky links "
        "https://exemple.fr/x» with the '»', an address that does not exist"]
    assert after[0].hint == ("put a space between the address and '»': https://exemple.fr/x » (or a narrow "
                             "no-break space, U+202F)")
    # Glued to a word: the hint writes the word, not its last letter ('put a space before the address: n https://…').
    word = findings("link-glued", posts(line % "Le programme en lignehttps://exemple.fr/x ici"), extra=extra)
    assert [(f.item, f.hint) for f in word] == [  # X links no address glued to a letter either
        ("p-bluesky", "put a space before the address: ligne https://exemple.fr/x"),
        ("p-x", "put a space before the address: ligne https://exemple.fr/x")]
    # Bluesky's app takes one final "." off a link: "..." leaves two on it. Its hashtags want a space before "#".
    dots = findings("link-glued", posts(line % "Voir https://exemple.fr/x..."), extra=extra)
    assert [(f.message, f.hint) for f in dots] == [(
        "Bluesky post 'p-bluesky' has https://exemple.fr/x glued to the '..' after it: Bluesky links "
        "https://exemple.fr/x.. with the '..', an address that does not exist",
        "put a space between the address and '..': https://exemple.fr/x ... (or a narrow no-break space, U+202F)")]
    tag = findings("link-glued", posts(line % "Le salon «#Salon2027» ouvre"), extra=extra)
    assert [(f.message, f.hint) for f in tag] == [(
        "Bluesky post 'p-bluesky' has #Salon2027 glued to the '«' before it: Bluesky makes no hashtag of it, and "
        "shows it as text",
        "put a space between '«' and the hashtag: « #Salon2027 » (or a narrow no-break space, U+202F)")]
    assert tag[0].hint.translated(translator("fr")) == (
        "mettez une espace entre '«' et le hashtag\u00a0: « #Salon2027 » (ou une espace fine insécable, U+202F)")
    weekly = ("{id: w, networks: [bluesky], repeat: {every: week, on: tue, at: '09:00', from: 2027-01-12, count: 2}, "
              "text: 'Voir «https://exemple.fr/x»'}")
    assert [(f.item, f.message) for f in findings("link-glued", posts(weekly), extra=extra)] == [(None, (
        "Bluesky: 2 posts ('w-bluesky-20270112' (2027-01-12 09:00), 'w-bluesky-20270119' (2027-01-19 09:00)) "
        "have "
        "https://exemple.fr/x glued to the '«' before it: Bluesky makes no link of it, and shows the address "
        "whole, as text"))]
    colon = findings("link-glued", posts(line % "Programme:https://exemple.fr/x»"), extra=extra)
    assert [f.hint for f in colon] == ["put a space before the address: Programme: https://exemple.fr/x »"]
    # English quotes take no space inside them: the hint writes the fix that links without one.
    english = {"Read “https://example.com/x” now": "write the address without the quotes around it: "
                                                   "https://example.com/x",
               'Read "https://example.com/x" now': "write the address without the quotes around it: "
                                                   "https://example.com/x",
               "He said “see https://example.com/x” today": "close the quote before the address: “see” "
                                                            "https://example.com/x",
               "“https://example.com is our new site”, they said": "put a space between '“' and the address: "
                                                                   "“ https://example.com"}
    for text, hint in english.items():
        quoted = findings("link-glued", posts(line % text.replace("'", "''")), extra=extra)
        assert [f.hint for f in quoted] == [hint], text
    for fine in ("Voir « https://exemple.fr/x » et", "Voir «\u202fhttps://exemple.fr/x\u202f»",
                 "Read https://example.com/x now", "He said “see” https://example.com/x today",
                 "“ https://example.com is our new site”, they said",
                 "(https://exemple.fr/x)", "Voir https://exemple.fr/x.",
                 "Le tableau https://exemple.fr/?tag[]=acier ici"):
        assert not findings("link-glued", posts(line.replace("'%s'", '"%s"') % fine), extra=extra), fine
    # An address whose own brackets close it: Bluesky's app links it whole; X stops before the "]".
    table = findings("link-glued", posts(line % "Le tableau https://exemple.fr/wiki/Table[1] ici"), extra=extra)
    assert [(f.item, f.message, f.hint) for f in table] == [(
        "p-x", "X post 'p-x' has https://exemple.fr/wiki/Table[1]: X links https://exemple.fr/wiki/Table[1 only, "
        "and shows ']' as text after it",
        "percent-encode '[' ']' in the address: https://exemple.fr/wiki/Table%5B1%5D")]
    assert (table[0].message.translated(translator("fr")), table[0].hint.translated(translator("fr"))) == (
        "la publication X 'p-x' a https://exemple.fr/wiki/Table[1]\u00a0: X ne fait un lien que vers "
        "https://exemple.fr/wiki/Table[1, et montre ']' après lui comme du texte",
        "encodez '[' ']' en pourcentage dans l'adresse\u00a0: https://exemple.fr/wiki/Table%5B1%5D")


def test_date_in_text() -> None:
    """More cases in test_date_in_text.py."""
    line = "{id: a, at: 2027-01-12 09:00, networks: [x], text: 'Rendez-vous %s 21 janvier'}"
    found = findings("date-in-text", posts(line % "mardi"))
    assert [f.message for f in found] == ["the text of 'a-x' says 'mardi 21 janvier', but 2027-01-21 is a Thursday"]
    assert not findings("date-in-text", posts(line % "jeudi"))
    # A reply of its thread, and a first comment, are read too, each at its line.
    threaded = posts("{id: t, at: 2027-01-12 09:00, networks: [x, linkedin], text: Un fil,"
                     " thread: [Deux, 'Rendez-vous mardi 21 janvier'], first_comment: 'Et lundi 21 janvier ?'}")
    found = findings("date-in-text", threaded)
    assert sorted((f.item, f.source.column, f.message) for f in found) == [
        ("t-linkedin", 137, "the first comment of 't-linkedin' says 'lundi 21 janvier', but 2027-01-21 is a "
                            "Thursday"),
        ("t-x", 89, "reply 2 of the thread of 't-x' says 'mardi 21 janvier', but 2027-01-21 is a Thursday")]


def test_post_before_article_when_dated_before() -> None:
    rule = "post-before-article"
    entry = "{id: teaser, at: 2027-01-11 09:00, networks: [x], article: lancement, text: Bientôt}"
    found = findings(rule, posts(entry), [lambda c: article("lancement", "2027-01-12T10:00", c)])
    assert found and found[0].severity == "error"
    assert "goes out 2027-01-11 09:00, before 'lancement' is online (2027-01-12 10:00)" in found[0].message
    assert str(found[0].source) == "calendar.yaml:10"
    # The hint's fix is valid where it is given: `at publication` only exists in a promotion's schedule.
    assert "`promote: lancement` with `schedule: [at publication]`" in found[0].hint
    # A teaser (a step before publication) carries no link: nothing dead, nothing reported...
    teaser = "{promote: lancement, networks: [x], schedule: [-1 day]}"
    assert not findings(rule, posts(teaser), [lambda c: article("lancement", "2027-01-12T10:00", c)])
    # ...unless the entry gives it the article's link all the same.
    # A teaser of an article still in review waits with it (a draft: in no scheduler's file) and is not reported;
    # one of a draft announces what may not come: said so, not "links to".
    review = findings(rule, posts(teaser), [lambda c: article("lancement", "2027-01-12T10:00", c, status="review")])
    assert not review
    draft = findings(rule, posts(teaser), [lambda c: article("lancement", "2027-01-12T10:00", c, status="draft")])
    assert [f.message[f.message.index(")") + 2:] for f in draft] == [
        "announces 'lancement', which is a draft: it may not be online when announced"]
    linked = "{promote: lancement, networks: [x], schedule: [-1 day], link: /lancement/}"
    early = findings(rule, posts(linked), [lambda c: article("lancement", "2027-01-12T10:00", c)])
    assert early and early[0].hint.startswith("schedule it at publication or later")
    weekly = "{id: w, networks: [x], article: lancement, text: Lisez, repeat: {every: week, on: mon, at: '09:00', from: 2027-01-11, count: 2}}"
    repeated = findings(rule, posts(weekly), [lambda c: article("lancement", "2027-01-12T10:00", c)])
    assert repeated and repeated[0].hint.startswith("start the repetition once the article is online")
    after = entry.replace("2027-01-11 09:00", "2027-01-12 10:00")
    assert not findings(rule, posts(after), [lambda c: article("lancement", "2027-01-12T10:00", c)])


def test_post_before_article_when_it_links_to_the_article_by_url() -> None:
    """`link:` or a URL in the text, without `article:`: the same dead page on the day."""
    rule = "post-before-article"
    live = [lambda c: article("lancement", "2027-01-12T10:00", c)]
    by_link = "{id: teaser, at: 2027-01-11 09:00, networks: [linkedin], link: /lancement/, text: Bientôt}"
    found = findings(rule, posts(by_link), live)
    assert [f.item for f in found] == ["teaser-linkedin"] and found[0].severity == "error"
    assert "before 'lancement' is online (2027-01-12 10:00)" in found[0].message
    assert str(found[0].source) == "calendar.yaml:10"
    in_text = "{id: teaser, at: 2027-01-11 09:00, networks: [x], text: 'Bientôt https://blog.example.fr/lancement/?x=1#a'}"
    assert [f.item for f in findings(rule, posts(in_text), live)] == ["teaser-x"]
    draft = [lambda c: article("lancement", "2027-01-12T10:00", c, status="draft")]
    assert "which is a draft" in findings(rule, posts(by_link.replace("2027-01-11", "2027-01-20")), draft)[0].message
    # Once the article is online, or for another site's page, nothing is wrong.
    assert not findings(rule, posts(by_link.replace("2027-01-11", "2027-01-13")), live)
    elsewhere = "{id: t, at: 2027-01-11 09:00, networks: [x], text: 'Voir https://autre.example/lancement/'}"
    assert not findings(rule, posts(elsewhere), live)
    # Without its final slash or with index.html, the server answers the same page; a variant's link counts.
    for link in ("/lancement", "https://blog.example.fr/lancement/index.html"):
        assert findings(rule, posts(by_link.replace("/lancement/", link)), live)
    in_variant = ("posts:\n  - id: v\n    at: 2027-01-11 09:00\n    networks: [x, linkedin]\n    text: Bientôt\n"
                  "    variants:\n      x: {link: /lancement/}\n")
    found = findings(rule, in_variant, live)
    assert [(f.item, str(f.source)) for f in found] == [("v-x", "calendar.yaml:15")]
    # A link written in a reply of the thread (or the first comment) only: told at that reply.
    in_reply = ("posts:\n  - id: r\n    at: 2027-01-11 09:00\n    networks: [x]\n    text: Bientôt 🧵\n"
                "    thread:\n      - Un\n      - 'Lisez https://blog.example.fr/lancement/'\n")
    found = findings(rule, in_reply, live)
    assert [(f.item, str(f.source), f.source.column) for f in found] == [("r-x", "calendar.yaml:16", 9)]


def test_post_before_article_when_the_article_is_a_draft() -> None:
    entry = "{id: p, at: 2027-01-20 09:00, networks: [x], article: brouillon, text: Lisez}"
    found = findings("post-before-article", posts(entry),
                     [lambda c: article("brouillon", "2027-01-12T10:00", c, status="draft")])
    assert found and "which is a draft" in found[0].message
    # The blog's default promotion of a draft waits for it: not an error.
    assert not findings("post-before-article", "blog:\n  promote: {networks: [x]}\n",
                        [lambda c: article("brouillon", "2027-01-12T10:00", c, status="draft")])
    # A `promote:` entry for a draft is reported, with what to do rather than "move the post".
    promote = posts("{promote: brouillon, networks: [x], schedule: [at publication, +1 week]}")
    found = findings("post-before-article", promote,
                     [lambda c: article("brouillon", "2027-01-12T10:00", c, status="draft")])
    # Both posts of the entry in one finding, at its line (an article set back to draft: one slip, one error).
    assert [f.message for f in found] == [
        "2 posts ('brouillon-x-0' (2027-01-12 10:00), 'brouillon-x-1w' (2027-01-19 10:00)) link to 'brouillon', "
        "which is a draft: it will not be online"]
    assert found[0].item is None and dict(found[0].data) == {"posts": 2, "items": ("brouillon-x-0", "brouillon-x-1w")}
    assert found[0].hint == (
        "when content/articles/brouillon.md is written, write `status: review` for `status: draft` "
        "(content/articles/brouillon.md:1): its promotions then wait for it; or publish it, or remove this entry "
        "until then")


def test_promoting_a_draft_without_a_date_is_a_finding_and_the_other_checks_still_run() -> None:
    """It was an input error (exit 2) that stopped every other finding, while a dated draft's `promote:` entry
    was a finding of post-before-article, as docs/calendar.md#freeze says of both. Its hint was "add `date:`"
    once: a date publishes no draft."""
    entries = posts("{promote: thermolaquage, networks: [x]}", "{promote: sans-date, networks: [x]}",
                    "{id: p, at: 2027-01-20 09:00, networks: [x], article: brouillon, text: Lisez}",
                    "{promote: muet, networks: [x], silence: {post-before-article: on le sait}}")
    calendar = calendar_from(PARIS_CALENDAR + entries)
    plan = plan_of(calendar, [article("thermolaquage", None, calendar, status="draft"),
                              article("sans-date", None, calendar, status="review"),
                              article("brouillon", "2027-01-12T10:00", calendar, status="draft"),
                              article("muet", None, calendar, status="draft")], now=NOW)
    assert not [i for i in plan.items if i.kind == "post" and i.parent != "p"]  # nothing to count steps from
    found = run_checks(plan, only=["post-before-article"])
    assert [(f.severity, f"{f.source}:{f.source.column}: {f.message}\n    hint: {f.hint}") for f in found] == [
        ("error", "calendar.yaml:10:15: article 'thermolaquage' is a draft, with no date to promote it from"
                  "\n    hint: a promotion is for an article going online: remove this entry "
                  "until content/articles/thermolaquage.md is ready (`status: published` and its `date:`)"),
        ("error", "calendar.yaml:11:15: article 'sans-date' is still in review, with no date to promote it "
                  "from\n    hint: a promotion is for an article going online: remove this "
                  "entry until content/articles/sans-date.md is ready (`status: published` and its `date:`)"),
        ("error", "calendar.yaml:12:59: post 'p-x' (2027-01-20 09:00) links to 'brouillon', which is a draft: "
                  "it will not be online\n    hint: publish the article "
                  "(content/articles/brouillon.md) or move or remove the post")]
    # The other rules run on the same plan: the dated draft's post is over X's limit, and is told so too.
    long = calendar_from(PARIS_CALENDAR + entries.replace("text: Lisez", "text: " + "mot " * 90))
    plan = plan_of(long, [article("thermolaquage", None, long, status="draft"),
                          article("sans-date", None, long, status="review"),
                          article("brouillon", "2027-01-12T10:00", long, status="draft"),
                          article("muet", None, long, status="draft")], now=NOW)
    rules = {f.rule for f in run_checks(plan)}
    assert {"post-before-article", "text-too-long"} <= rules, rules


def test_a_promotion_of_an_article_in_review_waits_for_it_as_a_draft_not_an_error() -> None:
    """Planning an article's promotions while it is in review is the calendar's job: the build stopped on it, and
    silencing the error made the posts 'scheduled' in the Hootsuite files."""
    promote = posts("{promote: relu, networks: [x], schedule: [at publication, +1 week]}")
    made = [lambda c: article("relu", "2027-01-12T10:00", c, status="review")]
    assert not findings("post-before-article", promote, made)
    calendar = calendar_from(PARIS_CALENDAR + promote)
    items = [i for i in plan_of(calendar, [m(calendar) for m in made], now=NOW).items if i.kind == "post"]
    assert [(i.id, i.status) for i in items] == [("relu-x-0", "draft"), ("relu-x-1w", "draft")]
    # Published, they are scheduled.
    published = [lambda c: article("relu", "2027-01-12T10:00", c)]
    items = [i for i in plan_of(calendar, [m(calendar) for m in published], now=NOW).items if i.kind == "post"]
    assert {i.status for i in items} == {"scheduled"}
    # A post of one's own linking to it is still reported: it goes out whether or not the article does.
    own = posts("{id: p, at: 2027-01-20 09:00, networks: [x], article: relu, text: Lisez}")
    assert "still in review" in findings("post-before-article", own, made)[0].message


def _plan_with_an_article_online(*entries: str):
    """A plan of ``entries`` beside the article /2027/lancement/, with the site's ARTICLE_URL."""
    import dataclasses

    calendar = calendar_from(PARIS_CALENDAR + posts(*entries))
    lancement: Article = article("lancement", "2027-01-05T09:00", calendar)
    lancement = dataclasses.replace(lancement, url="https://blog.example.fr/2027/lancement/")
    plan = plan_of(calendar, [lancement], now=NOW)
    plan.article_url_template = "{date:%Y}/{slug}/"
    return plan


GOOGLE_DOCS_LINK = ("https://www.google.com/url?q=https://example.org/portails%3Fmodele%3Dacier&sa=D&source=editors"
                    "&ust=1748851200000000&usg=AOvVaw0abc")


def test_redirect_link(site: Path) -> None:
    """Links pasted from Google Docs, a search or Facebook went online as Google's and Facebook's: each reader
    went through them, without a word from the checks."""
    published = site / "content" / "articles" / "publie.md"
    published.write_text(published.read_text(encoding="utf-8") + (
        f"\nVoir [nos portails]({GOOGLE_DOCS_LINK}) et\n"
        '<a href="https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.org%2Fsalon&amp;h=AT0x">le salon</a>,\n'
        "[le profil](https://www.linkedin.com/redir/redirect?url=https%3A%2F%2Fexample.org%2F&urlhash=x),\n"
        "[la carte](https://www.google.com/maps/place/Lyon) et [recherche](https://www.google.fr/url?q=/search).\n"),
        encoding="utf-8")
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8") + (
        "  - id: portails\n    networks: [linkedin, mastodon]\n    at: 2027-03-03 10:00\n"
        f"    link: {GOOGLE_DOCS_LINK}\n"
        "    text: Nos portails, et le salon https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.org%2Fsalon !\n"
        "    first_comment: 'Le salon : https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.org%2Fsalon'\n"
        f"    variants:\n      mastodon:\n        thread: [Un, 'Deux : {GOOGLE_DOCS_LINK}']\n"
        "ambassadors:\n  suggestions:\n"
        f"    - {{title: Portails, link: '{GOOGLE_DOCS_LINK}'}}\n"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--format", "json", "--only", "redirect-link"])
    assert result.exit_code == 0, result.output
    found = [(f["file"], f["line"], f["column"], f["severity"], f["message"], f["hint"])
             for f in json.loads(result.output)["findings"]]
    tail = "which records the click and may stop them on a warning page first"
    google = (f"goes through Google's redirection page ({GOOGLE_DOCS_LINK[:59]}…): each reader passes through "
              f"Google, {tail}")
    facebook = ("goes through Facebook's redirection page (https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.org"
                f"%2F…): each reader passes through Facebook, {tail}")
    portails = "link to the page itself: https://example.org/portails?modele=acier"
    assert found == [
        # One finding a field, not one a network.
        ("calendar.yaml", 40, 11, "warning", f"post 'portails' {google}", portails),
        ("calendar.yaml", 41, 11, "warning", f"post 'portails' {facebook}",
         "link to the page itself: https://example.org/salon"),
        # The first comment, and a reply (at its own column) are read too.
        ("calendar.yaml", 42, 20, "warning", f"post 'portails' {facebook}",
         "link to the page itself: https://example.org/salon"),
        ("calendar.yaml", 45, 22, "warning", f"post 'portails' {google}", portails),
        ("calendar.yaml", 48, 31, "warning", f"the suggestion to staff 'Portails' {google}", portails),
        ("content/articles/publie.md", 10, 21, "warning", f"a link in article 'publie' {google}", portails),
        ("content/articles/publie.md", 11, 10, "warning", f"a link in article 'publie' {facebook}",
         "link to the page itself: https://example.org/salon"),
        ("content/articles/publie.md", 12, 13, "warning", "a link in article 'publie' goes through LinkedIn's "
         "redirection page (https://www.linkedin.com/redir/redirect?url=https%3A%2F%2Fe…): each reader passes "
         f"through LinkedIn, {tail}", "link to the page itself: https://example.org/")]
    # A search result's link, from another country's Google; Outlook's safe links.
    from edcal.checks.rules.links import redirected

    assert redirected("https://www.google.co.uk/url?sa=t&url=https%3A%2F%2Fexample.org%2Fa&ved=2a") == (
        "Google", "https://example.org/a")
    assert redirected("https://eur02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fexample.org%2F&data=0") == (
        "Outlook", "https://example.org/")
    assert redirected("https://www.google.com/url-shortener/?q=https://example.org/") is None


def test_a_pages_redirect_link_is_told_as_an_articles(site: Path) -> None:
    """A page ("À propos", "Mentions légales") is online as soon as it is built: a link pasted there from Google
    Docs went online through Google's redirection page without a word, as only the articles' texts were read.
    A hidden page is online too, at its address; a page in draft is not judged yet."""
    page = site / "content" / "pages" / "contact.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\nVoir [nos portails]({GOOGLE_DOCS_LINK}).\n",
                    encoding="utf-8")
    facebook = "https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.org%2Fsalon&amp;h=AT0x"
    (site / "content" / "pages" / "cachee.md").write_text(
        f'Title: Cachée\nStatus: hidden\n\nLe <a href="{facebook}">salon</a>.\n', encoding="utf-8")
    (site / "content" / "pages" / "brouillon.md").write_text(
        f"Title: En cours\nStatus: draft\n\nVoir [nos portails]({GOOGLE_DOCS_LINK}).\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--format", "json", "--only", "redirect-link"])
    assert result.exit_code == 0, result.output
    tail = "which records the click and may stop them on a warning page first"
    assert [(f["file"], f["line"], f["column"], f["message"], f["hint"])
            for f in json.loads(result.output)["findings"]] == [
        ("content/pages/cachee.md", 4, 13, "a link in page content/pages/cachee.md goes through Facebook's "
         "redirection page (https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.org%2F…): each reader passes "
         f"through Facebook, {tail}", "link to the page itself: https://example.org/salon"),
        ("content/pages/contact.md", 5, 21, "a link in page content/pages/contact.md goes through Google's "
         f"redirection page ({GOOGLE_DOCS_LINK[:59]}…): each reader passes through Google, {tail}",
         "link to the page itself: https://example.org/portails?modele=acier")]


def test_unknown_article_link() -> None:
    import dataclasses

    plan = _plan_with_an_article_online(
        "{id: a, at: 2027-01-12 09:00, networks: [x], text: Lisez, link: 'https://blog.example.fr/2027/lancemnt/'}",
        "{id: b, at: 2027-01-12 10:00, networks: [x], text: Lisez, link: 'https://blog.example.fr/2027/lancement/'}",
        "{id: c, at: 2027-01-12 11:00, networks: [x], text: Nos offres, link: 'https://blog.example.fr/offres/'}")
    found = run_checks(plan, only=["unknown-article-link"])
    assert [f.item for f in found] == ["a-x"]
    assert "did you mean '/2027/lancement/'?" in (found[0].hint or "")
    # The same page written otherwise is no unknown link.
    for other in ("https://blog.example.fr/2027/lancement", "https://blog.example.fr/2027/lancement/index.html"):
        plan.items = [dataclasses.replace(i, url=other) if i.id == "b-x" else i for i in plan.items]
        assert [f.item for f in run_checks(plan, only=["unknown-article-link"])] == ["a-x"]
    # At the `link:` to correct (its value, column 69 of line 10), not at the entry.
    assert (found[0].source.line, found[0].source.column) == (10, 69)


def test_unknown_article_link_in_a_posts_text_beyond_its_link() -> None:
    """Only a post's link (its `link:`, or the first address of the site in its text) was judged: a second
    address of the site in the text, mistyped, went out dead. Told at the text; a path alone is no link."""
    plan = _plan_with_an_article_online(
        "{id: a, at: 2027-01-12 09:00, networks: [x], link: /2027/lancement/, text: 'Et nos offres : "
        "https://blog.example.fr/2027/ofres/'}",
        "{id: b, at: 2027-01-12 10:00, networks: [linkedin], text: 'Lisez https://blog.example.fr/2027/lancement/ "
        "et www.blog.example.fr/2027/lancemen/ !'}",
        "{id: c, at: 2027-01-12 11:00, networks: [x], text: 'Lisez https://blog.example.fr/2027/lancement/ "
        "(voir aussi /2027/rien/)'}")
    found = run_checks(plan, only=["unknown-article-link"])
    assert [(f.item, f.message) for f in found] == [
        ("a-x", "post 'a-x' links to /2027/ofres/, which is no article or page of the site"),
        ("b-linkedin", "post 'b-linkedin' links to /2027/lancemen/, which is no article or page of the site")]
    assert found[1].hint == "did you mean '/2027/lancement/'?"
    # At the text that holds it (line 10 is the first entry: its `link:` is right).
    assert [(f.source.line, f.source.column) for f in found] == [(10, 80), (11, 63)]
    # A link to another site with the same path hid the site's address in the text.
    plan = _plan_with_an_article_online(
        "{id: d, at: 2027-01-12 09:00, networks: [x], link: 'https://autre.example.org/2027/ofres/', "
        "text: 'Et blog.example.fr/2027/ofres/ !'}")
    assert [f.message for f in run_checks(plan, only=["unknown-article-link"])] == [
        "post 'd-x' links to /2027/ofres/, which is no article or page of the site"]


def test_unknown_article_link_in_a_first_comment_or_a_reply() -> None:
    """A mistyped address of the site in a LinkedIn first comment or in a reply of an X thread went out dead
    without a word: only the post's text and link were read. Told at the comment's, the reply's, line."""
    plan = _plan_with_an_article_online(
        "{id: a, at: 2027-01-12 09:00, networks: [linkedin], text: Nouveau, "
        "first_comment: 'Lisez : https://blog.example.fr/2027/lancemnt/'}",
        "{id: b, at: 2027-01-12 10:00, networks: [x], text: 'Un fil 🧵', thread: ['Deux', "
        "'Tout est là : https://blog.example.fr/2027/lancemen/']}",
        "{id: c, at: 2027-01-12 11:00, networks: [x], text: 'Lisez https://blog.example.fr/2027/lancement/', "
        "thread: ['Et blog.example.fr/2027/ofres/']}",
        "{id: d, at: 2027-01-12 12:00, networks: [x], text: Un fil, "
        "thread: ['Lisez https://blog.example.fr/2027/lancement/']}")
    found = run_checks(plan, only=["unknown-article-link"])
    assert [(f.item, f.message, f.source.line) for f in found] == [
        ("a-linkedin", "post 'a-linkedin' links to /2027/lancemnt/ in its first comment, which is no article or "
                       "page of the site", 10),
        ("b-x", "post 'b-x' links to /2027/lancemen/ in reply 2 of its thread, which is no article or page of "
                "the site", 11),
        ("c-x", "post 'c-x' links to /2027/ofres/ in reply 1 of its thread, which is no article or page of the "
                "site", 12)]
    assert [f.hint for f in found[:2]] == ["did you mean '/2027/lancement/'?"] * 2
    # At the comment's and the reply's own values, not at the entry's text.
    assert found[0].source.column == 87 and found[1].source.column == 85


def test_text_not_adapted() -> None:
    """One text for LinkedIn, Instagram, Mastodon and Bluesky (the sample's New Year wishes did so) went out
    without a word: each network has its codes. Told once an entry, at its text."""
    extra = "  bluesky: {}\n  instagram: {}\n"
    image = "image: images/a.png, alt: Une carte"
    everywhere = posts("{id: voeux, at: 2027-01-12 12:00, networks: [linkedin, x, mastodon, bluesky], "
                       "text: Belle année à tous}")
    (found,) = findings("text-not-adapted", everywhere, extra=extra)
    assert (found.item, found.severity, str(found.source), found.source.column) == (
        "voeux-linkedin", "warning", "calendar.yaml:12", 89)
    assert found.message == ("post 'voeux' gives the same words to 4 networks (LinkedIn, X, Mastodon, Bluesky): "
                             "each has its own codes, and a text written for all fits none")
    assert "`variants: {linkedin: {text: …}}`" in (found.hint or "")
    # Two of them with words of their own: two left, nothing to say; so with `networks: 5`.
    adapted = everywhere.replace("text: Belle année à tous}", "text: Belle année à tous, variants: "
                                 "{x: {text: Belle année !}, bluesky: {text: Bonne année 2027}}}")
    assert findings("text-not-adapted", adapted, extra=extra) == []
    assert findings("text-not-adapted", everywhere, extra=extra + "checks:\n  text-not-adapted: {networks: 5}\n") == []
    # An Instagram caption and a LinkedIn text alike: told even for two networks.
    pair = posts(f"{{id: salon, at: 2027-01-12 09:00, networks: [linkedin, instagram], text: Venez, {image}}}")
    (found,) = findings("text-not-adapted", pair, extra=extra)
    assert found.message == ("post 'salon' gives the same words to Instagram, where the image speaks first, and "
                             "to LinkedIn, where the text does")
    assert "`variants: {instagram: {text: …}}`" in (found.hint or "")
    # A YouTube video's description and a LinkedIn text alike too: the video speaks first there.
    video = posts("{id: film, at: 2027-01-12 09:00, networks: [linkedin, youtube], text: Venez, "
                  "video: videos/film.mp4}")
    (found,) = findings("text-not-adapted", video, extra=extra + "  youtube: {}\n")
    assert found.message.startswith("post 'film' gives the same words to YouTube, where the video speaks first")
    # Silenced with a reason, or past: nothing.
    silenced = pair.replace("text: Venez,", "silence: {text-not-adapted: Communiqué}, text: Venez,")
    assert findings("text-not-adapted", silenced, extra=extra) == []
    assert findings("text-not-adapted", pair.replace("2027-01-12", "2027-01-02"), extra=extra) == []
    # Words from the article (its template on each network) are no entry's text.
    promoted = posts("{promote: lancement, networks: [linkedin, x, mastodon, bluesky], schedule: [at publication]}")
    assert findings("text-not-adapted", promoted, [lambda c: article("lancement", "2027-01-20T09:00", c)],
                    extra=extra) == []


def test_unknown_article_link_in_a_suggestion_to_staff() -> None:
    """Every employee would share the dead page: a typo in a suggestion's `link:` is told like a post's."""
    import dataclasses

    calendar = calendar_from(PARIS_CALENDAR + "ambassadors:\n  suggestions:\n"
                             "    - {link: /2027/lancemnt/, title: Lancement}\n    - {link: /2027/lancement/, title: Ok}\n")
    lancement = dataclasses.replace(article("lancement", "2027-01-05T09:00", calendar),
                                    url="https://blog.example.fr/2027/lancement/")
    plan = plan_of(calendar, [lancement], now=NOW)
    plan.article_url_template = "{date:%Y}/{slug}/"
    (found,) = run_checks(plan, only=["unknown-article-link"])
    assert found.message == "the suggestion to staff 'Lancement' links to /2027/lancemnt/, which is no article or page of the site"
    assert found.hint == "did you mean '/2027/lancement/'?" and (found.source.line, found.source.column) == (11, 14)


def test_a_link_to_a_draft_with_no_date_yet_names_the_draft(site: Path) -> None:
    """A draft has no address until it has a date (ARTICLE_URL holds the year): a post whose text linked to
    /2027/brouillon/ was told it linked to "no article or page of the site", where `article: brouillon`
    says it is a draft (the new-user trial). Told as that, at the text; a suggestion to staff waits for it.
    The address read as a browser reads it: `/2027//brouillon/`, `%2e%2e` and `./` were no article's."""
    articles = site / "content" / "articles"
    for name in ("brouillon", "relecture"):
        path = articles / f"{name}.md"
        path.write_text(re.sub(r"(?im)^date: .*\n", "", path.read_text(encoding="utf-8")), encoding="utf-8")
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8") + (
        "  - id: annonce\n    networks: [mastodon]\n    at: 2027-03-11 08:00\n"
        "    text: 'Notre recette : https://blog.example.fr/2027/brouillon/'\n"
        "  - {id: relue, networks: [mastodon], at: 2027-03-12 08:00, text: Bientôt, link: /2027/relecture/}\n"
        "  - {id: perdu, networks: [mastodon], at: 2027-03-13 08:00, text: Lisez, link: /2027/brouilon/}\n"
        "  - {id: double, networks: [mastodon], at: 2027-03-14 08:00, text: Lisez, "
        "link: 'https://blog.example.fr/2027//brouillon/'}\n"
        "  - {id: point, networks: [mastodon], at: 2027-03-15 08:00, text: Lisez, "
        "link: 'HTTPS://BLOG.EXAMPLE.FR:443/2027/%2e%2e/2027/brouillon/?utm_source=x'}\n"
        # A path's repeated first slash names no host: the article online.
        "  - {id: en-ligne, networks: [mastodon], at: 2027-03-16 08:00, text: Lisez, "
        "link: 'https://blog.example.fr//2027/publie/'}\n"
        "ambassadors:\n  suggestions:\n    - {link: /2027/brouillon/, title: La recette}\n"), encoding="utf-8")
    published = articles / "publie.md"
    published.write_text(published.read_text(encoding="utf-8") + "\nVoir [la recette](/2027/brouillon/) et "
                         "[encore](/2027/./brouillon/).\n", encoding="utf-8")
    checked = run_edcal("check", "--only", "post-before-article", "--only", "unknown-article-link",
                        "--only", "article-link", cwd=site)
    assert checked.returncode == 1, checked.stdout + checked.stderr
    said = checked.stdout + checked.stderr
    assert "calendar.yaml:40:11: error: post 'annonce-mastodon' (2027-03-11 08:00) links to 'brouillon', which is a " \
        "draft: it will not be online [post-before-article]\n    hint: publish the article " \
        "(content/articles/brouillon.md) or move or remove the post\n" in said, said
    assert "post 'relue-mastodon' (2027-03-12 08:00) links to 'relecture', which is still in review: it will " \
        "not be online [post-before-article]" in said, said
    for post in ("double-mastodon' (2027-03-14 08:00)", "point-mastodon' (2027-03-15 08:00)"):
        assert f"post '{post} links to 'brouillon', which is a draft: it will not be online" in said, said
    # An address that is no article's, dated or not, is still told so; the suggestion is not (it waits).
    assert "post 'perdu-mastodon' links to /2027/brouilon/, which is no article or page of the site" in said, said
    assert said.count("no article or page") == 1 and "suggestion" not in said, said
    # An article's text that links to it: told as a link to a draft too.
    for written in ("/2027/brouillon/", "/2027/./brouillon/"):
        assert f"'{written}' in article 'publie' links to the address of 'brouillon', which is a draft: a dead " \
            "link until then" in said, said


def test_a_site_link_written_in_the_text_is_the_posts_link_tracked_and_checked() -> None:
    plan = _plan_with_an_article_online(
        "{id: a, at: 2027-01-12 09:00, networks: [x], text: 'Nos conseils : https://blog.example.fr/2027/lancemnt/ !'}",
        "{id: b, at: 2027-01-12 10:00, networks: [x], text: 'Lisez https://blog.example.fr/2027/lancement/'}",
        "{id: c, at: 2027-01-12 11:00, networks: [x], text: 'Voyez https://ailleurs.example.org/page/'}")
    items = {i.id: i for i in plan.items}
    tracked = "https://blog.example.fr/2027/lancement/?utm_source=x&utm_medium=social&utm_campaign=lancement"
    assert items["b-x"].url == tracked and items["b-x"].text == f"Lisez {tracked}"
    assert items["c-x"].url is None and items["c-x"].text == "Voyez https://ailleurs.example.org/page/"
    found = run_checks(plan, only=["unknown-article-link"])
    assert [f.item for f in found] == ["a-x"] and "did you mean '/2027/lancement/'?" in (found[0].hint or "")
    assert found[0].source.line == 10  # the text that holds it


def test_post_in_freeze_on_an_account_of_another_zone_says_its_time() -> None:
    """A Montréal account's post written for 19:00 on 9 May was told it was withheld as "(2027-05-10 01:00)", a
    day and a time nobody wrote: the freeze holds from midnight in Paris (the site's days), said in Paris time.
    Its account's time, the one written, is said beside it."""
    extra = QUEBEC + "freeze:\n  - {from: 2027-05-10, until: 2027-05-20, reason: Crise}\n"
    found = findings("post-in-freeze", posts("{id: soir, at: 2027-05-09 19:00, networks: [linkedin-qc], text: Un}",
                                             "{id: tard, at: 2027-05-20 20:00, networks: [linkedin-qc], text: Deux}"),
                     extra=extra)
    assert [f.message for f in found] == [
        "post 'soir-linkedin-qc' (2027-05-10 01:00; 2027-05-09 19:00 on its account's clock, Montreal time) is "
        "withheld by a freeze until 2027-05-20 included: Crise"]
    assert translated(found[0].message, translator("fr")).replace("\xa0", " ") == (
        "la publication 'soir-linkedin-qc' (10/05/2027 01:00 ; 09/05/2027 19:00 à l'heure de son compte, heure de "
        "Montréal) est retenue par un gel des publications jusqu'au 20/05/2027 inclus : Crise")
    found = findings("post-in-freeze", posts("{id: soir, at: 2027-05-09 19:00, networks: [linkedin-qc], text: Un}"),
                     extra=QUEBEC + "freeze:\n  - {from: 2027-05-10, reason: Crise}\n")
    assert [f.message for f in found] == [
        "post 'soir-linkedin-qc' (2027-05-10 01:00; 2027-05-09 19:00 on its account's clock, Montreal time) is "
        "withheld by a freeze with no end: Crise"]


def test_post_in_freeze() -> None:
    extra = "freeze:\n  - {from: 2027-01-12, reason: Crise}\n"
    found = findings("post-in-freeze", posts("{id: a, at: 2027-01-12 09:00, networks: [x], text: Joyeux}"), extra=extra)
    assert [f.message for f in found] == ["post 'a-x' (2027-01-12 09:00) is withheld by a freeze with no end: Crise"]
    ended = "freeze:\n  - {from: 2027-01-12, until: 2027-01-13, reason: Crise}\n"
    found = findings("post-in-freeze", posts("{id: a, at: 2027-01-12 09:00, networks: [x], text: Joyeux}"), extra=ended)
    # `until: 2027-01-13` is the day written, included, as the planning pages say it ("until 2027-01-14 00:00"
    # read as a day too many beside "jeudi 13 janvier 2027 (inclus)").
    assert [f.message for f in found] == [
        "post 'a-x' (2027-01-12 09:00) is withheld by a freeze until 2027-01-13 included: Crise"]
    assert translated(found[0].message, translator("fr")).replace("\xa0", " ") == (
        "la publication 'a-x' (12/01/2027 09:00) est retenue par un gel des publications jusqu'au 13/01/2027 "
        "inclus : Crise")
    timed = "freeze:\n  - {from: 2027-01-12, until: 2027-01-13 18:00, reason: Crise}\n"
    found = findings("post-in-freeze", posts("{id: a, at: 2027-01-12 09:00, networks: [x], text: Joyeux}"), extra=timed)
    assert translated(found[0].message, translator("fr")).replace("\xa0", " ") == (
        "la publication 'a-x' (12/01/2027 09:00) est retenue par un gel des publications jusqu'au 13/01/2027 "
        "à 18:00 : Crise")
    assert not findings("post-in-freeze", posts("{id: a, at: 2027-01-11 09:00, networks: [x], text: Joyeux}"),
                        extra=extra)
    # The blog's own promotion of an article has no entry to move or remove: the hint says how to leave it out.
    on_x = "freeze:\n  - {from: 2027-01-12, until: 2027-01-13, networks: [x], reason: Crise}\n"
    found = findings("post-in-freeze", "blog:\n  promote: {networks: [x]}\n",
                     [lambda c: article("lancement", "2027-01-12T09:00", c)], extra=on_x)
    assert [f.hint for f in found] == ["it will not go out; to leave it out, write `social: {x: {skip: true}}` in the "
                                       "header of content/articles/lancement.md, or move the article"]
    # `skip: true` leaves out every post of the article's promotion on that network, not the one withheld alone.
    found = findings("post-in-freeze", "blog:\n  promote: {networks: [x], schedule: [at publication, +3 days]}\n",
                     [lambda c: article("lancement", "2027-01-12T09:00", c)], extra=on_x)
    assert [f.hint for f in found] == ["it will not go out; move the article, or leave out its 2 posts on this network "
                                       "with `social: {x: {skip: true}}` in the header of "
                                       "content/articles/lancement.md"]



def test_post_in_freeze_tells_a_promotion_entry_it_follows_its_article() -> None:
    """A `promote:` entry's post was told to "move it after the freeze": `edcal move` takes it by its article's name,
    and moves the article (online already)."""
    on_x = "freeze:\n  - {from: 2027-01-12, until: 2027-01-13, networks: [x], reason: Crise}\n"
    found = findings("post-in-freeze", posts("{promote: lancement, networks: [x], schedule: [+1 day]}"),
                     [lambda c: article("lancement", "2027-01-11T09:00", c)], extra=on_x)
    assert [f.hint for f in found] == ["it will not go out; it follows its article's date: to send it after the "
                                       "freeze, write it as a post of its own with `at:`, or remove it from its entry"]
    assert in_french(found[0].hint) == (
        "elle ne partira pas ; elle suit la date de son article : pour l'envoyer après le gel, écrivez-la comme "
        "une publication à part avec `at:`, ou retirez-la de son entrée")

def test_a_freeze_that_withholds_many_posts_is_one_finding_at_its_entry() -> None:
    """A crisis freeze with no end gave one warning per post it withheld, each at its post's line: 65 on the
    sample, a year of recurring posts on a big site, burying the rest of the report."""
    crisis = "freeze:\n  - from: 2027-01-12 09:40\n    reason: Bad buzz\n"
    daily = ("{id: astuce, networks: [x, mastodon], text: Astuce, "
             "repeat: {every: day, at: '11:00', from: 2027-01-12, until: 2027-12-31}}")
    found = findings("post-in-freeze", posts(daily, "{id: lundi, at: 2027-01-18 09:00, networks: [linkedin], text: Un}"),
                     extra=crisis)
    assert [(f.source.line, f.source.column, f.item) for f in found] == [(10, 5, None)]  # the freeze's entry
    assert found[0].message == (
        "freeze from 2027-01-12 09:40 until further notice: Bad buzz; it withholds 709 posts to come (354 on Mastodon, "
        "354 on X, 1 on LinkedIn), first 'astuce-mastodon-20270112' (2027-01-12 11:00), 'astuce-x-20270112' "
        "(2027-01-12 11:00), 'astuce-mastodon-20270113' (2027-01-13 11:00)")
    assert found[0].hint is not None and "give the freeze its `until:` when it is over, rather than deleting it (its entry is how edcal finds the posts it held back)" in found[0].hint
    data = dict(found[0].data)
    items = data.pop("items")
    assert len(items) == 709 and items[:2] == ("astuce-mastodon-20270112", "astuce-x-20270112")  # in date order
    assert data == {"start": "2027-01-12T09:40:00+01:00", "end": None, "posts": 709,
                    "networks": (("linkedin", 1), ("mastodon", 354), ("x", 354))}
    # In French, as the drafts review shows it.
    french = translator("fr")
    assert translated(found[0].message, french).replace("\xa0", " ").startswith(
        "gel des publications à partir du 12/01/2027 à 09:40, jusqu'à nouvel ordre : Bad buzz ; il retient "
        "709 publications à venir (354 sur Mastodon, 354 sur X, 1 sur LinkedIn), d'abord "
        "'astuce-mastodon-20270112' (12/01/2027 11:00)")
    # What the check looks at: up to --until, the freeze withholds the posts of that window.
    calendar = calendar_from(PARIS_CALENDAR + crisis + posts(daily))
    plan = plan_of(calendar, now="2027-01-04T08:00:00+01:00")
    [week] = run_checks(plan, only=["post-in-freeze"], until=dt.datetime(2027, 1, 15, tzinfo=ZoneInfo("Europe/Paris")))
    assert dict(week.data)["posts"] == 6 and "it withholds 6 posts to come (3 on Mastodon, 3 on X)" in week.message
    # A freeze with an end says until when, and how to send them after it.
    ended = "freeze:\n  - {from: 2027-01-12 09:40, until: 2027-01-20 10:00, reason: Bad buzz}\n"
    [bounded] = findings("post-in-freeze", posts(daily), extra=ended)
    assert bounded.message.startswith("freeze from 2027-01-12 09:40 until 2027-01-20 10:00: Bad buzz; it withholds "
                                      "16 posts to come (8 on Mastodon, 8 on X)")
    assert bounded.hint == "they will not go out: move after 2027-01-20 10:00 those that must go out, or shorten the freeze"
    [closure] = findings("post-in-freeze", posts(daily), extra=ended.replace("2027-01-20 10:00", "2027-01-19"))
    assert closure.message.startswith("freeze from 2027-01-12 09:40 until 2027-01-19 included: Bad buzz; it withholds "
                                      "16 posts to come (8 on Mastodon, 8 on X)")
    # A freeze written from a day starts that day, as written, not "from 2027-01-12 00:00".
    [closed] = findings("post-in-freeze", posts(daily), extra=ended.replace("2027-01-20 10:00", "2027-01-19")
                        .replace("2027-01-12 09:40", "2027-01-12"))
    assert closed.message.startswith("freeze from 2027-01-12 until 2027-01-19 included: Bad buzz; it withholds ")
    assert translated(closed.message, french).replace("\xa0", " ").startswith(
        "gel des publications du 12/01/2027 au 19/01/2027 inclus : Bad buzz ; il retient ")
    # and sends them where the freeze is over: the day after, not "after 2027-01-20 00:00", a day late to read.
    assert closure.hint == "they will not go out: move to 2027-01-20 or later those that must go out, or shorten the freeze"
    assert translated(closure.hint, french).replace("\xa0", " ") == (
        "elles ne partiront pas : déplacez au 20/01/2027 ou plus tard celles qui doivent partir, ou raccourcissez le gel")


def test_a_crisis_freeze_is_one_finding_in_text_json_github_and_the_builds_count(tmp_path: Path) -> None:
    """65 warnings, one per post the crisis withheld, in the text report, CI's annotations and the build's count."""
    site = crisis_sample(tmp_path / "site")
    line = site.joinpath("calendar.yaml").read_text(encoding="utf-8").splitlines().index(CRISIS.splitlines()[0]) + 1
    # A post of the recurring entry alone in the freeze: told at its entry.
    astuce = site.joinpath("calendar.yaml").read_text(encoding="utf-8").splitlines().index(
        "  - id: astuce-du-jeudi") + 1
    env = {"EDCAL_NOW": "2027-01-12T10:00", "EDCAL_LANG": "en"}
    data = json.loads(run_edcal("check", "--format", "json", cwd=site, env=env).stdout)
    frozen = [f for f in data["findings"] if f["rule"] == "post-in-freeze"]
    assert [(f["file"], f["line"], f["item"]) for f in frozen] == [
        ("calendar.yaml", line, None), ("calendar.yaml", astuce, "astuce-du-jeudi-mastodon-20270121")]
    crisis = frozen[0]
    assert crisis["message"].startswith("freeze from 2027-01-12 09:40 until further notice: Bad buzz sur la vidéo du "
                                        "chantier : on suspend tout; it withholds 67 posts to come (23 on LinkedIn, ")
    assert crisis["data"]["posts"] == 67 and sum(crisis["data"]["networks"].values()) == 67
    assert len(crisis["data"]["items"]) == 67 and crisis["data"]["items"][0] == "coulisses-atelier-instagram-20270113"
    assert data["summary"]["rules"]["post-in-freeze"] == {"errors": 0, "warnings": 2}
    text = run_edcal("check", cwd=site, env=env).stdout
    assert text.count("[post-in-freeze]") == 2 and f"calendar.yaml:{line}:5: warning: {crisis['message']}" in text
    assert text.endswith(f"{data['summary']['errors']} errors, {data['summary']['warnings']} warnings\n")
    annotations = run_edcal("check", "--format", "github", cwd=site, env=env).stdout.splitlines()
    frozen_lines = [a for a in annotations if "title=post-in-freeze::" in a]
    assert len(frozen_lines) == 2 and frozen_lines[0].startswith(f"::warning file=calendar.yaml,line={line},col=5,")
    assert len([a for a in annotations if a.startswith("::warning ")]) == data["summary"]["warnings"]
    build = run_edcal("build", cwd=site, env=env)
    assert build.returncode == 0, build.stderr
    assert f"checks: {data['summary']['warnings']} warnings: `edcal check` lists them" in build.stdout + build.stderr


def test_an_article_set_back_to_draft_is_one_error_at_its_promotion_in_text_json_and_github(tmp_path: Path) -> None:
    """Its 9 promotions gave 9 identical errors at one line, and GitHub shows 10 error annotations a step: one slip
    hid every other error."""
    site = copy_sample(tmp_path / "site")
    article_file = site / "content" / "articles" / "recrutement-soudeur.md"
    article_file.write_text(article_file.read_text(encoding="utf-8").replace("Owner: sophie\n",
                                                                           "Owner: sophie\nStatus: draft\n", 1),
                            encoding="utf-8")
    line = site.joinpath("calendar.yaml").read_text(encoding="utf-8").splitlines().index(
        "  - promote: recrutement-soudeur") + 1
    env = {"EDCAL_NOW": "2027-01-12T10:00:00+01:00", "EDCAL_LANG": "en"}
    said = ("9 posts ('recrutement-soudeur-intranet-0' (2027-01-26 09:00), 'recrutement-soudeur-linkedin-0' "
            "(2027-01-26 09:00), 'recrutement-soudeur-mastodon-0' (2027-01-26 09:00), …) link to "
            "'recrutement-soudeur', which is a draft: it will not be online")
    text = run_edcal("check", "--only", "post-before-article", cwd=site, env=env)
    assert text.returncode == 1
    assert text.stdout == (f"calendar.yaml:{line}:14: error: {said} [post-before-article]\n"
                           "    hint: when content/articles/recrutement-soudeur.md is written, write `status: review` "
                           "for `status: draft` (content/articles/recrutement-soudeur.md:7): its promotions then "
                           "wait for it; or publish it, or remove this entry until then\n"
                           "\n1 error, 0 warnings\n")
    data = json.loads(run_edcal("check", "--format", "json", "--only", "post-before-article", cwd=site, env=env).stdout)
    [finding] = data["findings"]
    assert (finding["line"], finding["message"], finding["item"]) == (line, said, None)
    assert finding["data"] == {"posts": 9, "items": [f"recrutement-soudeur-{network}-{step}" for step in ("0", "1w", "3w")
                                                     for network in ("intranet", "linkedin", "mastodon")]}
    assert data["summary"]["errors"] == 1 and data["summary"]["exit_code"] == 1
    github = run_edcal("check", "--format", "github", "--only", "post-before-article", cwd=site, env=env)
    errors = [a for a in github.stdout.splitlines() if a.startswith("::error ")]
    assert github.returncode == 1 and len(errors) == 1
    assert errors[0].startswith(f"::error file=calendar.yaml,line={line},col=14,title=post-before-article::9 posts (")
    # The site's language, French here.
    french = run_edcal("check", "--only", "post-before-article", cwd=site,
                       env={**env, "EDCAL_LANG": "fr"}).stdout.replace("\xa0", " ")  # French spacing
    assert ("9 publications ('recrutement-soudeur-intranet-0' (26/01/2027 09:00), 'recrutement-soudeur-linkedin-0' "
            "(26/01/2027 09:00), 'recrutement-soudeur-mastodon-0' (26/01/2027 09:00), …) renvoient vers "
            "'recrutement-soudeur', qui est un brouillon : il ne sera pas en ligne") in french


def test_what_every_post_of_a_recurring_entry_gets_wrong_is_one_finding_per_line() -> None:
    """A recurring post too long each week, an image without alt text, a time outside the slots: one finding each."""
    weekly = ("{id: astuce, networks: [mastodon, x], repeat: {every: week, on: wed, at: '20:00', from: 2027-01-06, "
              "until: 2027-02-03}, text: '" + "Un texte bien trop long. " * 21 + "', image: images/a.png}")
    calendar = PARIS_CALENDAR.replace("  mastodon: {}\n", "  mastodon: {slots: [wed 09:00]}\n") + posts(weekly)
    plan = plan_of(calendar_from(calendar), now=NOW)
    found = run_checks(plan, only=["text-too-long", "missing-alt-text", "outside-slots"])
    first = "'astuce-{network}-20270106' (2027-01-06 20:00), 'astuce-{network}-20270113' (2027-01-13 20:00)"
    assert [(f.rule, f.message, f.item) for f in found] == [
        ("outside-slots", f"Mastodon: 5 posts ({first.format(network='mastodon')}, "
         "'astuce-mastodon-20270120' (2027-01-20 20:00), …) are on Wed at 20:00, outside Mastodon's slots "
         "(Wed 09:00)", None),
        ("text-too-long", f"Mastodon: 5 posts ({first.format(network='mastodon')}, 'astuce-mastodon-20270120' "
         "(2027-01-20 20:00), …) are 524 long, over the limit of 500 by 24, counted in grapheme clusters "
         "(user-perceived characters; each URL counts 23)", None),
        ("text-too-long", f"X: 5 posts ({first.format(network='x')}, 'astuce-x-20270120' (2027-01-20 20:00), …) are "
         "524 long, over the limit of 280 by 244, counted in weighted characters (twitter-text v3; each URL "
         "counts 23)", None),
        ("missing-alt-text", "image 'images/a.png' of 10 posts ('astuce-mastodon-20270106' (2027-01-06 20:00), "
         "'astuce-x-20270106' (2027-01-06 20:00), 'astuce-mastodon-20270113' (2027-01-13 20:00), …) has no alt "
         "text: people using screen readers will miss it", None)]
    assert dict(found[3].data) == {"posts": 10, "items": tuple(f"astuce-{network}-2027{day}" for day in
                                                               ("0106", "0113", "0120", "0127", "0203")
                                                               for network in ("mastodon", "x"))}
    # One post alone keeps its own message, with its id.
    single = calendar.replace("until: 2027-02-03", "until: 2027-01-06").replace("networks: [mastodon, x]",
                                                                             "networks: [mastodon]")
    [alone] = run_checks(plan_of(calendar_from(single), now=NOW), only=["text-too-long"])
    assert alone.message.startswith("Mastodon post 'astuce-mastodon-20270106' is 524 long") and alone.item


def test_a_post_planned_into_a_closure_keeps_its_warning_at_its_line() -> None:
    """A closure known ahead that holds a few posts says so at each of them: a writer planned one there by mistake."""
    closure = "freeze:\n  - {from: 2027-12-24, until: 2028-01-01, reason: Fermeture annuelle}\n"
    entries = [f"{{id: p{n}, at: 2027-12-2{n} 09:00, networks: [x], text: Un}}" for n in range(5, 8)]
    found = findings("post-in-freeze", posts(*entries), extra=closure)
    assert [(f.item, f.source.line) for f in found] == [("p5-x", 12), ("p6-x", 13), ("p7-x", 14)]
    # A fourth is grouped; `group_above` sets how many a freeze may hold before it is.
    four = posts(*entries, "{id: p8, at: 2027-12-28 09:00, networks: [x], text: Un}")
    assert [f.item for f in findings("post-in-freeze", four, extra=closure)] == [None]
    tuned = closure + "checks:\n  post-in-freeze: {group_above: 10}\n"
    assert len(findings("post-in-freeze", four, extra=tuned)) == 4
    # A post silenced on its entry is not counted: three left, each at its line.
    silenced = four.replace("text: Un}\n", "text: Un, silence: {post-in-freeze: Voulu}}\n", 1)
    assert [f.item for f in findings("post-in-freeze", silenced, extra=closure)] == ["p6-x", "p7-x", "p8-x"]


def test_cadence_gap() -> None:
    calendar_text = PARIS_CALENDAR.replace("  x: {}\n", "  x: {cadence: 2/week}\n")
    lines = ["{id: a, at: 2027-01-05 09:00, networks: [x], text: Un}",
             "{id: b, at: 2027-01-07 09:00, networks: [x], text: Deux}",
             "{id: c, at: 2027-01-12 09:00, networks: [x], text: Trois}"]
    plan = plan_of(calendar_from(calendar_text + "checks: {cadence-gap: {horizon: 2 weeks}}\n" + posts(*lines)), now=NOW)
    found = run_checks(plan, only=["cadence-gap"])
    assert [f.message for f in found] == ["X: 1 post in the week of 2027-01-11 to 2027-01-17, cadence 2/week"]
    assert str(found[0].source) == "calendar.yaml:7"
    lines.append("{id: d, at: 2027-01-14 09:00, networks: [x], text: Quatre}")
    plan = plan_of(calendar_from(calendar_text + "checks: {cadence-gap: {horizon: 2 weeks}}\n" + posts(*lines)), now=NOW)
    assert not run_checks(plan, only=["cadence-gap"])
    # --until looks further than the horizon: the weeks up to then, each reported.
    until = dt.datetime(2027, 2, 1, tzinfo=plan.calendar.zone)
    found = run_checks(plan, only=["cadence-gap"], until=until)
    assert [f.message for f in found] == [f"X: 0 posts in the week of {first} to {last}, cadence 2/week"
                                          for first, last in (("2027-01-18", "2027-01-24"), ("2027-01-25", "2027-01-31"))]


def test_a_networks_gap_names_the_ideas_for_posts_waiting_in_the_backlog() -> None:
    """`ideas:` with `networks:` are ideas for posts: a network's gap names those for it (undated, or meant
    for the period), the fill-ins a community manager looks for; an idea for another network is not named."""
    calendar_text = PARIS_CALENDAR.replace("  x: {}\n", "  x: {cadence: 2/week}\n")
    lines = ["{id: a, at: 2027-01-05 09:00, networks: [x], text: Un}",
             "{id: b, at: 2027-01-07 09:00, networks: [x], text: Deux}"]
    ideas = ("ideas:\n  - {title: Portrait d'un compagnon, networks: [x, linkedin], text: \"Vingt ans à l'atelier\"}\n"
             "  - {title: Coulisses du salon, networks: [linkedin]}\n"
             "  - {title: Un article, publish: 2027-01-13}\n")
    plan = plan_of(calendar_from(calendar_text + "checks: {cadence-gap: {horizon: 2 weeks}}\n" + ideas
                                 + posts(*lines)), now=NOW)
    (found,) = run_checks(plan, only=["cadence-gap"])
    assert found.message == "X: 0 posts in the week of 2027-01-11 to 2027-01-17, cadence 2/week"
    assert found.hint == ("ideas for X wait in the backlog ('Portrait d'un compagnon'): plan one in that period, or "
                          "adjust `cadence:`")
    assert translated(found.hint, translator("fr")).replace("\u00a0", " ") == (
        "des idées pour X attendent dans la réserve ('Portrait d'un compagnon') : planifiez-en une sur cette "
        "période, ou ajustez `cadence:`")
    # The idea's item in the plan: its networks and words; an idea for a post is no article already written.
    (idea,) = [i for i in plan.items if i.id == "idea-portrait-d-un-compagnon"]
    assert (idea.networks, idea.text) == (("x", "linkedin"), "Vingt ans à l'atelier")
    assert run_checks(plan, only=["idea-written"]) == []


def test_a_campaigns_cadence_holds_on_each_of_its_networks_in_the_weeks_it_runs() -> None:
    """The recruitment campaign's 9 posts fell on 3 days of 6 weeks, and nothing said so."""
    campaign = ("campaigns:\n  - {id: recrutement, name: Recrutement, from: 2027-01-06, until: 2027-01-24,\n"
                "     cadence: 2 fois par semaine, networks: [linkedin, x]}\n"
                "checks: {cadence-gap: {horizon: 4 weeks}}\n")
    lines = [f"{{id: p{n}, campaign: recrutement, at: {day} 09:00, networks: [{networks}], text: Post {n}}}"
             for n, (day, networks) in enumerate([("2027-01-12", "linkedin, x"), ("2027-01-14", "linkedin, x"),
                                                  ("2027-01-19", "linkedin"), ("2027-01-21", "linkedin")])]
    # A post of another campaign, or of none, on X that week does not count.
    lines.append("{id: autre, at: 2027-01-20 09:00, networks: [x], text: Autre}")
    found = findings("cadence-gap", campaign + posts(*lines))
    # Week 04/01 (the campaign runs its Wednesday to Sunday: 5 days of 7, judged) has none; 11/01 both;
    # 18/01 LinkedIn only.
    assert [f.message for f in found] == [
        "campaign 'Recrutement' on LinkedIn: 0 posts in the week of 2027-01-04 to 2027-01-10, cadence 2/week",
        "campaign 'Recrutement' on X: 0 posts in the week of 2027-01-04 to 2027-01-10, cadence 2/week",
        "campaign 'Recrutement' on X: 0 posts in the week of 2027-01-18 to 2027-01-24, cadence 2/week"]
    assert {str(f.source) for f in found} == {"calendar.yaml:11"}  # the line of its `cadence:`
    assert found[0].hint == ("plan a post of the campaign (`campaign: recrutement`) in that period, or adjust "
                             "the campaign's `cadence:`")
    assert dict(found[2].data)["campaign"] == "recrutement" and dict(found[2].data)["network"] == "x"
    # Without networks: its posts on all networks together; a campaign starting on a Saturday owes that week
    # nothing.
    together = campaign.replace(", networks: [linkedin, x]", "").replace("from: 2027-01-06", "from: 2027-01-09")
    assert not findings("cadence-gap", together + posts(*lines))
    # A campaign without a cadence is not judged.
    assert not findings("cadence-gap", campaign.replace("     cadence: 2 fois par semaine, ", "     ") + posts(*lines))


def test_a_campaign_shorter_than_its_cadence_s_period_is_held_to_it_over_its_whole_run() -> None:
    """A campaign that runs half of none of its weeks (Friday to Tuesday) or months (5 days, or 20 across two
    months) was never judged: `2/week` or `1/month` with no post said nothing. Its whole run is its period."""
    def short(span: str, cadence: str, *lines: str) -> list:
        campaign = (f"campaigns:\n  - {{id: salon, name: Salon, {span}, cadence: {cadence}, networks: [linkedin]}}\n"
                    "checks: {cadence-gap: {horizon: 8 weeks}}\n")
        return findings("cadence-gap", campaign + (posts(*lines) if lines else ""))

    one = "{id: p, campaign: salon, at: 2027-01-11 09:00, networks: [linkedin], text: Salon}"
    found = short("from: 2027-01-08, until: 2027-01-12", "2/week", one)
    assert [f.message for f in found] == [
        "campaign 'Salon' on LinkedIn: 1 post in its 5 days, 2027-01-08 to 2027-01-12, cadence 2/week: shorter "
        "than a week, the campaign is held to it over its whole run"]
    assert found[0].hint == ("plan a post of the campaign (`campaign: salon`) in that period, or adjust the "
                             "campaign's `cadence:`")
    assert dict(found[0].data)["first_day"] == "2027-01-08" and dict(found[0].data)["last_day"] == "2027-01-12"
    assert [f.message for f in short("from: 2027-02-01, until: 2027-02-05", "1/month")] == [
        "campaign 'Salon' on LinkedIn: 0 posts in its 5 days, 2027-02-01 to 2027-02-05, cadence 1/month: shorter "
        "than a month, the campaign is held to it over its whole run"]
    assert [dict(f.data)["first_day"] for f in short("from: 2027-01-20, until: 2027-02-08", "1/month")] == [
        "2027-01-20"]
    # Enough posts over the run: nothing; a run that is half of a week is judged by its week, as before.
    two = one.replace("id: p,", "id: q,").replace("2027-01-11", "2027-01-08")
    assert not short("from: 2027-01-08, until: 2027-01-12", "2/week", one, two)
    assert [f.message for f in short("from: 2027-01-11, until: 2027-01-15", "2/week", one)] == [
        "campaign 'Salon' on LinkedIn: 1 post in the week of 2027-01-11 to 2027-01-17, cadence 2/week"]


def test_a_short_campaign_across_the_new_year_gives_its_first_day_its_year_in_french() -> None:
    """Friday 31 December to Sunday 2 January read "du 31/12 au 02/01/2028": the 31st of December to come."""
    french = translator("fr")
    for cadence, shorter in (("2/week", "qu'une semaine"), ("1/month", "qu'un mois")):
        text = (f"campaigns:\n  - {{id: s, name: Salon, from: 2027-12-31, until: 2028-01-02, cadence: {cadence}, "
                "networks: [linkedin]}\n")
        (found,) = findings("cadence-gap", text, now="2027-12-01T10:00:00+01:00")
        assert found.message.startswith("campaign 'Salon' on LinkedIn: 0 posts in its 3 days, 2027-12-31 to "
                                        f"2028-01-02, cadence {cadence}: shorter than a ")
        assert translated(found.message, french).replace("\u00a0", " ").startswith(
            "la campagne « Salon » sur LinkedIn : 0 publication pendant ses 3 jours, du 31/12/2027 au 02/01/2028, "
            f"rythme visé {cadence.replace('week', 'semaine').replace('month', 'mois')} : plus courte {shorter}")


def test_a_campaign_on_all_networks_is_excused_by_a_freeze_of_every_network_not_by_the_blogs() -> None:
    """A campaign without `networks:` posts on all of them: a freeze of every network but not of the blog
    (`blog: false`, the annual closure) excuses its days (it was read as the blog's: not excused); a freeze
    of one network does not (it may post elsewhere)."""
    campaign = ("campaigns:\n  - {id: c, name: C, from: 2027-01-12, until: 2027-01-15, cadence: 1/day}\n"
                "checks: {cadence-gap: {horizon: 2 weeks}}\n")
    closure = "freeze:\n  - {from: 2027-01-13, until: 2027-01-14, reason: Fermeture, blog: false}\n"
    found = findings("cadence-gap", campaign + closure)
    assert [dict(f.data)["first_day"] for f in found] == ["2027-01-12", "2027-01-15"]
    one = "freeze:\n  - {from: 2027-01-13, until: 2027-01-14, reason: Migration, networks: [mastodon]}\n"
    assert len(findings("cadence-gap", campaign + one)) == 4


def test_a_campaigns_networks_are_networks_set_up_for_the_site(tmp_path: Path) -> None:
    from edcal.errors import InputErrors

    text = PARIS_CALENDAR + ("campaigns:\n  - {id: r, name: R, from: 2027-01-06, until: 2027-01-24,"
                             " networks: [linkdin, instagram, twitter]}\n")
    with pytest.raises(InputErrors) as raised:
        calendar_from(text)
    line = text.splitlines()[9]
    messages = [((e.source.line, e.source.column), e.message, e.hint) for e in raised.value.errors]
    assert messages[0][:2] == ((10, line.index("linkdin") + 1), "unknown network 'linkdin'")
    assert "linkedin" in messages[0][2]
    assert messages[1][:2] == ((10, line.index("instagram") + 1), "network 'instagram' is not set up under `networks:`")
    assert len(messages) == 2  # twitter is X's other name
    assert calendar_from(text.replace("linkdin, instagram, ", "")).campaigns["r"].networks == ("x",)


def test_cadence_gap_is_excused_by_a_freeze_over_most_of_the_period() -> None:
    calendar_text = PARIS_CALENDAR.replace("  x: {}\n", "  x: {cadence: 1/week}\n")
    extra = "checks: {cadence-gap: {horizon: 1 week}}\nfreeze:\n  - {from: 2027-01-05, until: 2027-01-09, reason: Crise}\n"
    plan = plan_of(calendar_from(calendar_text + extra), now=NOW)
    assert not run_checks(plan, only=["cadence-gap"])
    # A one-day freeze does not excuse the rest of the week.
    short = "checks: {cadence-gap: {horizon: 1 week}}\nfreeze:\n  - {from: 2027-01-06, until: 2027-01-07, reason: Crise}\n"
    assert run_checks(plan_of(calendar_from(calendar_text + short), now=NOW), only=["cadence-gap"])


def test_a_gap_left_by_posts_a_short_freeze_holds_names_them_and_the_days_left() -> None:
    """The sample's Mastodon week of 18 January: its one post falls in a two-day freeze (a migration), and the
    gap said "plan a post in that period" as if none were planned; the team had one, held back."""
    calendar_text = PARIS_CALENDAR.replace("  x: {}\n", "  x: {cadence: 1/week}\n")
    extra = ("checks: {cadence-gap: {horizon: 1 week}}\nfreeze:\n  - {from: 2027-01-06, until: 2027-01-07, "
             "networks: [x], reason: Migration}\n")
    lines = ["{id: a, at: 2027-01-07 16:30, networks: [x], text: Un}"]
    (found,) = run_checks(plan_of(calendar_from(calendar_text + extra + posts(*lines)), now=NOW),
                          only=["cadence-gap"])
    assert found.message == "X: 0 posts in the week of 2027-01-04 to 2027-01-10, cadence 1/week"
    assert found.hint == ("a freeze holds 'a-x' (2027-01-07 16:30) in that period: move it to a day outside the "
                          "freeze (2027-01-04 to 2027-01-05, 2027-01-08 to 2027-01-10), or adjust `cadence:`")
    assert translated(found.hint, translator("fr")).replace("\u00a0", " ") == (
        "un gel retient 'a-x' (07/01/2027 16:30) sur cette période : déplacez-la à un jour hors du gel "
        "(du 04/01/2027 au 05/01/2027, du 08/01/2027 au 10/01/2027), ou ajustez `cadence:`")
    # Two posts held, and a day left free alone: said so.
    lines += ["{id: b, at: 2027-01-06 09:00, networks: [x], text: Deux}"]
    longer = extra.replace("from: 2027-01-06", "from: 2027-01-05")  # three days of seven: not excused
    (found,) = run_checks(plan_of(calendar_from(calendar_text + longer + posts(*lines)), now=NOW),
                          only=["cadence-gap"])
    assert found.hint == ("a freeze holds 'b-x' (2027-01-06 09:00), 'a-x' (2027-01-07 16:30) in that period: move one "
                          "to a day outside the freeze (2027-01-04, 2027-01-08 to 2027-01-10), or adjust `cadence:`")


def test_a_freeze_that_holds_fewer_posts_than_a_gap_lacks_says_how_many_more_to_plan() -> None:
    """The sample's Mastodon week at `cadence: 3/week`: the freeze holds one post of the three the week lacks,
    and the hint said to move it, as if that filled the week."""
    calendar_text = PARIS_CALENDAR.replace("  x: {}\n", "  x: {cadence: 3/week}\n")
    extra = ("checks: {cadence-gap: {horizon: 1 week}}\nfreeze:\n  - {from: 2027-01-06, until: 2027-01-07, "
             "networks: [x], reason: Migration}\n")
    lines = ["{id: a, at: 2027-01-07 16:30, networks: [x], text: Un}"]

    def hint(*entries: str) -> tuple[str, str]:
        """The hint in English and in French."""
        (found,) = run_checks(plan_of(calendar_from(calendar_text + extra + posts(*entries)), now=NOW),
                              only=["cadence-gap"])
        return found.hint, translated(found.hint, translator("fr")).replace("\u00a0", " ")

    free = "(2027-01-04 to 2027-01-05, 2027-01-08 to 2027-01-10)"
    libres = "(du 04/01/2027 au 05/01/2027, du 08/01/2027 au 10/01/2027)"
    assert hint(*lines) == (
        f"a freeze holds only one of the 3 posts that period lacks, 'a-x' (2027-01-07 16:30): move it to a day "
        f"outside the freeze {free} and plan 2 more, or adjust `cadence:`",
        f"un gel ne retient qu'une des 3 publications qui manquent à cette période, 'a-x' (07/01/2027 16:30) : "
        f"déplacez-la à un jour hors du gel {libres} et prévoyez-en 2 autres, ou ajustez `cadence:`")
    # Two held of three: one more to plan.
    lines += ["{id: b, at: 2027-01-06 09:00, networks: [x], text: Deux}"]
    assert hint(*lines) == (
        f"a freeze holds only 2 of the 3 posts that period lacks, 'b-x' (2027-01-06 09:00), 'a-x' (2027-01-07 "
        f"16:30): move them to days outside the freeze {free} and plan one more, or adjust `cadence:`",
        f"un gel ne retient que 2 des 3 publications qui manquent à cette période, 'b-x' (06/01/2027 09:00), 'a-x' "
        f"(07/01/2027 16:30) : déplacez-les à des jours hors du gel {libres} et prévoyez-en une autre, ou ajustez "
        f"`cadence:`")
    # Three held of three: the freeze explains the gap, all three to move.
    lines += ["{id: c, at: 2027-01-07 12:30, networks: [x], text: Trois}"]
    said, dit = hint(*lines)
    assert said == ("a freeze holds 'b-x' (2027-01-06 09:00), 'c-x' (2027-01-07 12:30), 'a-x' (2027-01-07 16:30) in "
                    f"that period: move them to days outside the freeze {free}, or adjust `cadence:`")
    assert dit.endswith(f" : déplacez-les à des jours hors du gel {libres}, ou ajustez `cadence:`")
    # Four held and one out of the freeze (the 5th): two of them to move.
    lines += ["{id: d, at: 2027-01-05 09:00, networks: [x], text: Quatre}",
              "{id: e, at: 2027-01-06 12:30, networks: [x], text: Cinq}"]
    said, dit = hint(*lines)
    assert said.endswith(f"in that period: move 2 of them to days outside the freeze {free}, or adjust `cadence:`")
    assert dit.endswith(f" : déplacez-en 2 à des jours hors du gel {libres}, ou ajustez `cadence:`")


def test_the_days_a_freeze_leaves_free_are_those_still_to_come() -> None:
    """On the Wednesday of the sample's Mastodon week, the hint offered Monday and Tuesday, days already past."""
    calendar_text = PARIS_CALENDAR.replace("  x: {}\n", "  x: {cadence: 1/week}\n")
    extra = ("checks: {cadence-gap: {horizon: 1 week}}\nfreeze:\n  - {from: 2027-01-06, until: 2027-01-07, "
             "networks: [x], reason: Migration}\n")
    lines = ["{id: a, at: 2027-01-07 16:30, networks: [x], text: Un}"]
    wednesday = "2027-01-06T08:00:00+01:00"
    found = run_checks(plan_of(calendar_from(calendar_text + extra + posts(*lines)), now=wednesday),
                       only=["cadence-gap"])[0]
    assert found.message == "X: 0 posts in the week of 2027-01-04 to 2027-01-10, cadence 1/week"
    assert found.hint == ("a freeze holds 'a-x' (2027-01-07 16:30) in that period: move it to a day outside the "
                          "freeze (2027-01-08 to 2027-01-10), or adjust `cadence:`")


def test_blog_cadence_gap() -> None:
    found = findings("cadence-gap", "blog: {cadence: 1/week}\nchecks: {cadence-gap: {horizon: 7 days}}\n",
                     [lambda c: article("a", "2027-01-05T09:00", c)])
    assert not found
    found = findings("cadence-gap", "blog: {cadence: 2/week}\nchecks: {cadence-gap: {horizon: 7 days}}\n",
                     [lambda c: article("a", "2027-01-05T09:00", c)])
    assert found and found[0].message.startswith("Blog: 1 article in the week of 2027-01-04")
    assert found[0].hint == "plan an article in that period, or adjust the blog's `cadence:`"
    # An article a short freeze holds back goes online after it, in the same month: it counts.
    monthly = "blog: {cadence: 1/month}\nchecks: {cadence-gap: {horizon: 45 days}}\n"
    freeze = "freeze:\n  - {from: 2027-02-20, until: 2027-02-22, reason: Crise}\n"
    held = findings("cadence-gap", monthly + freeze, [lambda c: article("a", "2027-01-20T09:00", c),
                                                       lambda c: article("b", "2027-02-20T09:00", c)])
    assert not held
    assert [f.message for f in findings("cadence-gap", monthly + freeze,
                                        [lambda c: article("a", "2027-01-20T09:00", c)])] == [
        "Blog: 0 articles in February 2027, cadence 1/month"]
    # Ideas dated in the period are what to write: the hint names them.
    ideas = "ideas:\n  - {title: Portrait, publish: 2027-02-16}\n  - {title: Plus tard, publish: 2027-03-10}\n"
    found = findings("cadence-gap", monthly + freeze + ideas, [lambda c: article("a", "2027-01-20T09:00", c)])
    assert [f.hint for f in found] == ["ideas are meant for that period but not written yet ('Portrait'): write "
                                       "them, or adjust the blog's `cadence:`"]


def test_placeholder_text() -> None:
    from edcal.skeleton import NEW_ARTICLE_BODY

    left = [lambda c: article("neuf", "2027-01-12T09:00", c, summary=NEW_ARTICLE_BODY["fr"])]
    found = findings("placeholder-text", "", left)
    # Going online in 8 days: told now, as a warning; the build that would publish it is stopped by the error.
    assert [f.severity for f in found] == ["warning"] and "still begins with the paragraph `edcal new` wrote" in found[0].message
    assert [f.severity for f in findings("placeholder-text", "", left, now="2027-01-12T09:00:00+01:00")] == ["error"]
    assert found[0].hint == "replace the first paragraph of content/articles/neuf.md with the article's own summary"
    # A draft may keep it; an article with its own summary is fine.
    assert not findings("placeholder-text", "", [lambda c: article("neuf", "2027-01-12T09:00", c, status="draft",
                                                                   summary=NEW_ARTICLE_BODY["fr"])])
    assert not findings("placeholder-text", "", [lambda c: article("neuf", "2027-01-12T09:00", c, summary="Un vrai début.")])
    # Five months ahead: judged when its date comes near (the option `within`, 14 days by default).
    later = [lambda c: article("neuf", "2027-06-20T09:00", c, summary=NEW_ARTICLE_BODY["fr"])]
    assert not findings("placeholder-text", "", later)
    assert findings("placeholder-text", "checks: {placeholder-text: {within: 200 days}}\n", later)
    # Online already (dated this morning: the next build publishes it), it is judged too.
    online = [lambda c: article("neuf", "2027-01-04T07:00", c, summary=NEW_ARTICLE_BODY["fr"])]
    found = findings("placeholder-text", "", online)
    assert [(str(f.source), f.severity) for f in found] == [("content/articles/neuf.md:1", "error")]
    # `edcal check --until` looks as far as it is asked, as the docs tell teams to (deployment.md).
    plan = plan_of(calendar_from(PARIS_CALENDAR), [later[0](calendar_from(PARIS_CALENDAR))], now=NOW)
    until = dt.datetime(2027, 7, 1, tzinfo=dt.UTC)
    assert [f.severity for f in run_checks(plan, until=until, only=["placeholder-text"])] == ["warning"]
    # In review past its date, it is not online: said, but it stops no build.
    review = [lambda c: article("neuf", "2027-01-04T07:00", c, summary=NEW_ARTICLE_BODY["fr"], status="review")]
    assert [f.severity for f in findings("placeholder-text", "", review)] == ["warning"]
    # The article's own `silence:` silences it, as it does the rules that name an item (it was ignored here).
    silenced = [lambda c: article("neuf", "2027-01-12T09:00", c, summary=NEW_ARTICLE_BODY["fr"],
                                  silenced={"placeholder-text": "Le modèle est voulu ici"})]
    assert not findings("placeholder-text", "", silenced)


def test_empty_article() -> None:
    empty = [lambda c: article("neuf", "2027-01-12T09:00", c, no_text=True)]
    found = findings("empty-article", "", empty)
    assert [f.severity for f in found] == ["warning"] and str(found[0].source) == "content/articles/neuf.md:1"
    assert [f.severity for f in findings("empty-article", "", empty, now="2027-01-12T09:00:00+01:00")] == ["error"]
    assert found[0].message == ("article 'neuf' has no text, only its header and headings: its page would go online "
                                "empty, and its posts would link to it")
    assert not findings("empty-article", "", [lambda c: article("neuf", "2027-01-12T09:00", c)])
    assert not findings("empty-article", "", [lambda c: article("neuf", "2027-01-12T09:00", c, no_text=True,
                                                                 status="draft")])
    later = [lambda c: article("neuf", "2027-06-20T09:00", c, no_text=True)]
    assert not findings("empty-article", "", later)
    # A translation dated in the past waits for its original, due next week: the build does not publish it.
    waiting = [lambda c: article("neuf", "2027-01-12T09:00", c, summary="Un vrai début."),
               lambda c: article("neuf", "2027-01-01T09:00", c, lang="en", is_original=False, no_text=True,
                                 source=Source("content/articles/neuf-en.md", 1))]
    assert [(str(f.source), f.severity) for f in findings("empty-article", "", waiting)] == [
        ("content/articles/neuf-en.md:1", "warning")]
    assert findings("empty-article", "checks: {empty-article: {within: 200 days}}\n", later)


@pytest.mark.parametrize(("body", "empty"), [
    ("", True), ("\n\n", True), ("## À compléter\n", True), ("À compléter\n===========\n\n<!-- plus tard -->\n", True),
    ("<!--\nune note\n-->\n# Titre\n", True),
    ("## Titre\n\nUn paragraphe.\n", False), ("![Le stand](images/stand.png)\n", False),
    ("| a | b |\n|---|---|\n| 1 | 2 |\n", False), ("<iframe src=\"https://video\"></iframe>\n", False),
    # Code indented by four spaces or a tab is content, its `#` lines too; `  # x` is a paragraph to Markdown.
    ("## Installation\n\n    # apt install edcal\n", False), ("\t# un commentaire\n", False),
    ("  # pas un titre\n", False),
    # A heading holding an image shows the image.
    ("# ![Le stand](images/stand.png)\n", False), ("## <img src=\"stand.png\" alt=\"Le stand\">\n", False),
    # A quote shows what it holds; a link definition (Markdown's comment) shows nothing.
    ("> ## À compléter\n>\n", True), ("> > # Titre\n", True), ("> Une citation.\n", False),
    ("[//]: # (à écrire : le salon)\n## Titre\n", True), ("   [site]: https://example.org \"Le site\"\n", True),
    ("    [site]: https://example.org\n", False), ("[//]: # (une note) et du texte\n", False),
    ("Un titre souligné\n> ---\n", False), ("> Un titre souligné\n> ---\n", True),
    # A footnote's definition is no link definition: the page lists it at its foot (Markdown's `extra`).
    ("## À compléter\n\n[^1]: Source\n", False),
])
def test_an_article_with_headings_only_has_no_text(body: str, empty: bool) -> None:
    from edcal.load.articles import has_no_text
    from edcal.load.frontmatter import split_article

    assert has_no_text(split_article("Title: T\nDate: 2027-01-12 09:00\n\n" + body, "content/a.md")) is empty


def test_an_article_of_long_lines_is_read_for_text_in_linear_time() -> None:
    """An expression over the whole body backtracked on each long line: the check of 1,000 articles took
    1.5 s more. The answer comes at the first line of text."""
    import time

    from edcal.load.articles import has_no_text
    from edcal.load.frontmatter import split_article

    body = ("## Titre\n\n" + "mot " * 50_000 + "\n") * 3
    start = time.process_time()
    assert has_no_text(split_article("Title: T\nDate: 2027-01-12 09:00\n\n" + body, "content/a.md")) is False
    assert time.process_time() - start < 1.0


def test_too_many_per_day() -> None:
    calendar_text = PARIS_CALENDAR.replace("  x: {}\n", "  x: {max_per_day: 1}\n")
    plan = plan_of(calendar_from(calendar_text + posts(
        "{id: a, at: 2027-01-12 09:00, networks: [x], text: Un}",
        "{id: b, at: 2027-01-12 18:00, networks: [x], text: Deux}")), now=NOW)
    found = run_checks(plan, only=["too-many-per-day"])
    assert found and found[0].message == "2 X posts on 2027-01-12 (a-x, b-x), more than the maximum of 1"
    plan = plan_of(calendar_from(calendar_text + posts(
        "{id: a, at: 2027-01-12 09:00, networks: [x], text: Un}",
        "{id: b, at: 2027-01-13 09:00, networks: [x], text: Deux}")), now=NOW)
    assert not run_checks(plan, only=["too-many-per-day"])


def test_too_many_per_day_on_the_accounts_own_day() -> None:
    """`max_per_day: 1` on a Montréal account: 23:30 and 00:30 there are two days, though one in Paris."""
    calendar_text = PARIS_CALENDAR + QUEBEC.replace("slots: [tue 09:00]", "max_per_day: 1")
    plan = plan_of(calendar_from(calendar_text + posts(
        "{id: soir, at: 2027-01-12 23:30, networks: [linkedin-qc], text: Un}",
        "{id: nuit, at: 2027-01-13 00:30, networks: [linkedin-qc], text: Deux}")), now=NOW)
    assert {item.start.date() for item in plan.items if item.kind == "post"} == {dt.date(2027, 1, 13)}
    assert not run_checks(plan, only=["too-many-per-day"])
    plan = plan_of(calendar_from(calendar_text + posts(
        "{id: matin, at: 2027-01-12 07:00, networks: [linkedin-qc], text: Un}",
        "{id: soir, at: 2027-01-12 23:30, networks: [linkedin-qc], text: Deux}")), now=NOW)
    found = run_checks(plan, only=["too-many-per-day"])
    assert [f.message for f in found] == [
        "2 LinkedIn Québec posts on 2027-01-12 (matin-linkedin-qc, soir-linkedin-qc), more than the maximum of 1"]


def test_a_networks_finding_points_at_its_line_under_variants() -> None:
    """Instagram's second post of the day pointed at the entry's first line, three networks above the
    `instagram:` variant whose own `at:` put it there."""
    calendar_text = PARIS_CALENDAR.replace("  x: {}\n", "  x: {max_per_day: 1}\n").replace(
        "  mastodon: {}\n", "  mastodon: {max_per_day: 1}\n")
    entry = ("posts:\n"
             "  - {id: matin, at: 2027-01-12 09:00, networks: [x, mastodon, linkedin], text: Un}\n"  # line 10
             "  - id: salon\n"
             "    networks: [linkedin, x, mastodon]\n"
             "    at: 2027-01-13 09:00\n"
             "    text: Salon @lea@piaille.fr\n"
             "    variants:\n"
             "      x:\n"  # line 16
             "        at: 2027-01-12 18:00\n"  # line 17: X's own time, the day of 'matin'
             "        text: Salon @lea@piaille.fr\n"  # line 18
             "      mastodon: {at: 2027-01-12 09:30}\n"  # line 19: half an hour after 'matin'
             "      linkedin: {text: Salon, at: 2027-01-12 09:20}\n")  # line 20: 20 minutes after it
    plan = plan_of(calendar_from(calendar_text + entry), now=NOW)
    found = run_checks(plan, only=["too-many-per-day", "posts-too-close", "mention-elsewhere"])
    assert [(f.rule, f.item, str(f.source)) for f in found] == [
        ("too-many-per-day", "salon-x", "calendar.yaml:17"),  # X's own `at:`, the post over the maximum
        ("mention-elsewhere", "salon-x", "calendar.yaml:18"),  # X's own text, where the address is
        ("too-many-per-day", "salon-mastodon", "calendar.yaml:19"),  # (posts-too-close: that day is said)
        ("posts-too-close", "salon-linkedin", "calendar.yaml:20")]
    # A variant without `at:` is its network's line: the post takes the entry's time there.
    plan = plan_of(calendar_from(calendar_text + entry.replace("        at: 2027-01-12 18:00\n", "")
                                 .replace("    at: 2027-01-13 09:00\n", "    at: 2027-01-12 18:00\n")), now=NOW)
    found = run_checks(plan, only=["too-many-per-day"])
    assert [(f.item, str(f.source)) for f in found] == [("salon-x", "calendar.yaml:16"),
                                                        ("salon-mastodon", "calendar.yaml:18")]
    # Without a variant for its network, the entry's line, as before.
    plain = "posts:\n  - {id: a, at: 2027-01-12 09:00, networks: [x], text: Un}\n" \
            "  - id: b\n    at: 2027-01-12 18:00\n    networks: [x, linkedin]\n    text: Deux\n" \
            "    variants: {linkedin: {text: Trois}}\n"
    [one] = run_checks(plan_of(calendar_from(calendar_text + plain), now=NOW), only=["too-many-per-day"])
    assert str(one.source) == "calendar.yaml:11"


def test_duplicate_text_and_its_window() -> None:
    lines = ["{id: a, at: 2027-01-12 09:00, networks: [x], text: Même texte}",
             "{id: b, at: 2027-01-20 09:00, networks: [x], text: '  même   TEXTE '}"]
    found = findings("duplicate-text", posts(*lines))
    assert found and found[0].item == "b-x"
    assert not findings("duplicate-text", posts(*lines), extra="checks: {duplicate-text: {window: 5 days}}\n")


def test_a_recurring_post_whose_texts_come_round_too_often_is_one_finding() -> None:
    weekly = ("{id: astuce, networks: [x], repeat: {every: week, on: tue, at: '09:00', from: 2027-01-05, count: 12},"
              " texts: [Un, Deux, Trois]}")
    found = findings("duplicate-text", posts(weekly))
    assert len(found) == 1 and found[0].item == "astuce-x-20270126"
    assert "recurring entry 'astuce' repeats a text within 30 days 9 times" in found[0].message
    assert "it has 3 texts for up to 5 posts in 30 days: give it at least 5 `texts:`" in found[0].hint
    enough = weekly.replace("texts: [Un, Deux, Trois]", "texts: [Un, Deux, Trois, Quatre, Cinq]")
    assert not findings("duplicate-text", posts(enough))


def test_a_recurring_post_whose_variant_repeats_one_text_is_told_so_at_the_variant() -> None:
    """With five `texts:` and a Mastodon variant's one `text:`, the hint said "it has 5 texts for up to 5
    posts: give it at least 5 `texts:`", which it had; the finding pointed at the entry, not at the text
    that repeats."""
    weekly = ("{id: astuce, networks: [x, mastodon], repeat: {every: week, on: tue, at: '09:00', from: 2027-01-05,"
              " count: 12}, texts: [Un, Deux, Trois, Quatre, Cinq],\n     variants: {mastodon: {text: Toot}}}")
    [found] = findings("duplicate-text", posts(weekly))
    assert found.item == "astuce-mastodon-20270112"
    assert "Mastodon: recurring entry 'astuce' repeats a text within 30 days 11 times" in found.message
    assert found.hint == ("its variant gives Mastodon the same text for up to 5 posts in 30 days: leave out its "
                          "`text:` under `variants:` to take the entry's `texts:` in turn, give Mastodon an entry "
                          "of its own with `texts:`, or set `checks: {duplicate-text: {window: ...}}`")
    line = (PARIS_CALENDAR + posts(weekly)).splitlines().index("     variants: {mastodon: {text: Toot}}}") + 1
    assert str(found.source) == f"calendar.yaml:{line}"


def test_self_promotion() -> None:
    lines = [f"{{id: p{n}, at: 2027-01-{10 + n} 09:00, networks: [x], text: Texte {n}"
             f"{', promotional: true' if n < 2 else ''}}}" for n in range(5)]
    found = findings("self-promotion", posts(*lines))
    assert found and "X in January 2027: 2 of 5 posts are promotional (40%), above the ceiling of 20%" in found[0].message
    assert not findings("self-promotion", posts(*lines), extra="checks: {self-promotion: {ceiling: 40%}}\n")
    # The month is judged whole: the three posts already out (two promotional) count with the two to come.
    found = findings("self-promotion", posts(*lines), now="2027-01-12T10:00:00+01:00")
    assert [f.message for f in found] == [
        "X in January 2027: 2 of 5 posts are promotional (40%), above the ceiling of 20%"]
    assert found[0].when == "2027-01-13T08:00:00"  # the month's first post to come: a finding about what is ahead
    # A month with nothing to come is history: not judged.
    assert not findings("self-promotion", posts(*lines), now="2027-02-01T10:00:00+01:00")
    # A share just above the ceiling is not rounded onto it ("33%, above the ceiling of 33%").
    three = "checks: {self-promotion: {ceiling: 33%, minimum: 3}}\n"
    found = findings("self-promotion", posts(*lines[1:4]), extra=three)
    assert [f.message for f in found] == [
        "X in January 2027: 1 of 3 posts is promotional (33.3%), above the ceiling of 33%"]


def test_a_time_in_the_hour_a_fall_back_night_repeats_says_its_offset() -> None:
    """"is on Sun 2027-11-07 at 01:30" did not say which 01:30 of the night."""
    zone = ZoneInfo("America/New_York")
    blog = "blog:\n  promote:\n    networks: [linkedin]\n    schedule: [at publication]\n"
    def night(first: int) -> list:
        date = dt.datetime(2027, 11, 7, 1, 30, tzinfo=zone, fold=first)
        return [lambda c: dataclasses.replace(article("nuit", None, c), date=date)]
    calendar = calendar_from(PARIS_CALENDAR.replace("Europe/Paris", "America/New_York") + blog)
    messages = [f.message for fold in (1, 0)
                for f in run_checks(plan_of(calendar, [a(calendar) for a in night(fold)], now=NOW),
                                    only=["outside-slots"])]
    assert messages == [
        "LinkedIn post 'nuit-linkedin-0' is on Sun 2027-11-07 at 01:30 (UTC-05:00), outside LinkedIn's slots "
        "(Tue 09:00, Thu 12:30)",
        "LinkedIn post 'nuit-linkedin-0' is on Sun 2027-11-07 at 01:30 (UTC-04:00), outside LinkedIn's slots "
        "(Tue 09:00, Thu 12:30)"]
    # Any other time is written as before.
    assert findings("outside-slots", blog, [lambda c: article("a", "2027-01-11T10:00", c)])[0].message == (
        "LinkedIn post 'a-linkedin-0' is on Mon 2027-01-11 at 10:00, outside LinkedIn's slots (Tue 09:00, Thu 12:30)")


def test_outside_slots_on_the_accounts_clock() -> None:
    """A Montréal account's `tue 09:00` is 09:00 in Montréal: a weekly post at 09:00 stays on it the weeks the
    clocks of Europe and North America disagree; a post off it is told at the account's time, said so."""
    weekly = posts("{id: mardi, networks: [linkedin-qc], text: Bonjour, repeat: {every: week, on: tue, at: '09:00', "
                   "from: 2027-03-02, until: 2027-11-30}}")
    assert not findings("outside-slots", weekly, extra=QUEBEC)
    found = findings("outside-slots", posts("{id: a, at: 2027-03-16 10:00, networks: [linkedin-qc], text: Hi}"),
                     extra=QUEBEC)
    assert [f.message for f in found] == [
        "LinkedIn Québec post 'a-linkedin-qc' is on Tue 2027-03-16 at 10:00 (Montreal time), outside LinkedIn "
        "Québec's slots (Tue 09:00)"]
    from edcal.i18n import translator

    assert found[0].message.translated(translator("fr")) == (
        "la publication LinkedIn Québec 'a-linkedin-qc' est prévue le mar. 16/03 à 10:00 (heure de Montréal), en "
        "dehors des créneaux prévus pour LinkedIn Québec (mar. 09:00)")
    # Two posts too close on it: their time is the account's, said so (not a Paris time read as Montréal's).
    found = findings("posts-too-close", posts("{id: a, at: 2027-03-16 09:00, networks: [linkedin-qc], text: Un}",
                                              "{id: b, at: 2027-03-16 09:20, networks: [linkedin-qc], text: Deux}"),
                     extra=QUEBEC)
    assert [f.message for f in found] == [
        "LinkedIn Québec post 'b-linkedin-qc' goes out 2027-03-16 09:20 (Montreal time), 20 min after "
        "'a-linkedin-qc': followers see them as one burst"]
    assert found[0].message.translated(translator("fr")) == (
        "la publication LinkedIn Québec 'b-linkedin-qc' part le 16/03 à 09:20 (heure de Montréal), 20 min "
        "après 'a-linkedin-qc'\u00a0: les abonnés les voient en rafale")


def test_outside_slots() -> None:
    found = findings("outside-slots", posts("{id: a, at: 2027-01-12 17:00, networks: [linkedin], text: Hi}"))
    assert found and "outside LinkedIn's slots (Tue 09:00, Thu 12:30)" in found[0].message
    from edcal.i18n import translator

    # In French, the slots' days are French (the writer may have typed them in either language).
    assert found[0].message.translated(translator("fr")).endswith("prévus pour LinkedIn (mar. 09:00, jeu. 12:30)")
    assert not findings("outside-slots", posts("{id: a, at: 2027-01-12, networks: [linkedin], text: Hi}"))
    assert not findings("outside-slots", posts("{id: a, at: 2027-01-12 17:00, networks: [x], text: Hi}"))
    assert found[0].hint == "give the post a date only (it then takes the slot of its weekday), or add the slot"
    # A date only, on a day without a slot, takes the site's default time: the day is what to change.
    found = findings("outside-slots", posts("{id: a, at: 2027-01-13, networks: [linkedin], text: Hi}"))
    assert [f.hint for f in found] == ["LinkedIn has no slot on Wednesday: move the post to a day that has one, "
                                       "or add a slot"]
    # A promotion's time comes from its schedule or its article: the finding says which, and points there.
    promoted = [lambda c: article("a", "2027-01-11T10:00", c)]  # a Monday, 10:00
    blog = "blog:\n  promote:\n    networks: [linkedin]\n    schedule: [at publication, +2 days at 12:00, +3 days]\n"
    found = findings("outside-slots", blog, promoted)
    assert sorted((f.item, str(f.source), f.hint) for f in found) == [
        ("a-linkedin-0", "content/articles/a.md:1", "it goes out when its article does (`at publication`): change "
                                                    "the article's time, or add the slot"),
        ("a-linkedin-2d", "calendar.yaml:12", "LinkedIn has no slot on Wednesday: move the step '+2 days at 12:00' to a "
                                             "day that has one, or add a slot")]  # '+3 days': Thursday's slot
    # A time in French, a day without a slot, an offset in hours: the hint names what to change.
    blog = ("blog:\n  promote:\n    networks: [linkedin]\n"
            "    schedule: [+1 jour à 12:15, +2 days, +3 hours]\n")
    hints = sorted((f.item, f.hint) for f in findings("outside-slots", blog, promoted))
    assert hints == [
        ("a-linkedin-1d", "the step '+1 jour à 12:15' of the promotion's schedule sets this time: write it "
                         "'+1 jour' to take the network's slot of that day, or add the slot"),
        ("a-linkedin-2d", "LinkedIn has no slot on Wednesday: move the step '+2 days' to a day that has one, or add a slot"),
        ("a-linkedin-3h", "the step '+3 hours' counts from the article's time: change the article's time or the step, "
                         "or add the slot")]


def test_a_step_shared_by_networks_of_other_days_is_told_how_to_give_one_its_own() -> None:
    """`+2 days` lands on a Wednesday: Instagram's day, not LinkedIn's. "Move the step" moved it for both (the
    schedule is the entry's), and a variant's `at:` is refused under a promotion: the way out, an entry for
    LinkedIn alone, was found only in the `variants:` table (a new user's trial)."""
    promoted = [lambda c: article("a", "2027-01-11T10:00", c)]  # a Monday, 10:00
    entry = posts("{promote: a, networks: [linkedin, instagram], schedule: [+2 days]}")
    found = findings("outside-slots", entry, promoted, extra="  instagram: {slots: [wed 18:00]}\n")
    assert [(f.item, f.hint) for f in found] == [(
        "a-linkedin-2d", "LinkedIn has no slot on Wednesday, Instagram has: the step '+2 days' is the schedule of every "
        "network of this entry; give LinkedIn a promotion of its own (`- promote: a` with `networks: [linkedin]` and a `schedule:` of its "
        "days, and linkedin out of this entry's `networks:`), or add a slot")]
    # Alone on its entry, the network is told to move the step, as before.
    alone = findings("outside-slots", posts("{promote: a, networks: [linkedin], schedule: [+2 days]}"), promoted)
    assert [f.hint for f in alone] == ["LinkedIn has no slot on Wednesday: move the step '+2 days' to a day that has "
                                       "one, or add a slot"]


def test_a_step_of_the_blog_s_default_promotion_shared_by_networks_of_other_days_is_told_so() -> None:
    """`blog: promote:` with `+2 days` for LinkedIn and Instagram (its alias-free ids or not) lands on a
    Wednesday, Instagram's day: LinkedIn was told to move the step, which moves Instagram's posts off theirs."""
    promoted = [lambda c: article("a", "2027-01-11T10:00", c)]  # a Monday, 10:00
    blog = "blog:\n  promote: {networks: [linkedin, instagram], schedule: [+2 days]}\n"
    found = findings("outside-slots", blog, promoted, extra="  instagram: {slots: [wed 18:00]}\n")
    assert [(f.item, f.hint) for f in found] == [(
        "a-linkedin-2d", "LinkedIn has no slot on Wednesday, Instagram has: the step '+2 days' of `blog: promote:` "
        "is the schedule of every network it names; add a slot, or write this article's promotions in "
        "calendar.yaml, one `- promote: a` entry per network with a `schedule:` of its days (an article's entries "
        "replace `blog: promote:` for it)")]
    # An article its `social:` promotes on LinkedIn alone shares the step with no one: move it.
    alone = [lambda c: article("a", "2027-01-11T10:00", c, social=Social(networks=("linkedin",)))]
    found = findings("outside-slots", blog, alone, extra="  instagram: {slots: [wed 18:00]}\n")
    assert [f.hint for f in found] == ["LinkedIn has no slot on Wednesday: move the step '+2 days' to a day that "
                                       "has one, or add a slot"]


def test_a_default_promotion_at_publication_outside_the_slots_is_told_at_the_article_s_date_line(
        tmp_path: Path) -> None:
    """The hint says to change the article's time; the finding pointed at the article's first line (1:1 in a
    `Key: value` header, behind a web editor's byte order mark), not at its `date:`."""
    site = tmp_path / "site"
    (site / "content" / "articles").mkdir(parents=True)
    (site / "calendar.yaml").write_text("version: 1\ntimezone: Europe/Paris\nnetworks:\n  linkedin: {slots: [tue 09:00]}\n"
                                        "blog:\n  promote: {networks: [linkedin]}\n", encoding="utf-8")
    (site / "content" / "articles" / "portes.md").write_bytes(
        "\ufeffTitle: Portes ouvertes\r\nCategory: Atelier\r\nDate: 2027-03-15 10:00\r\n\r\nTexte.\r\n".encode())
    write_pelicanconf(site)
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--format", "json", "--only", "outside-slots"])
    found = [(f["file"], f["line"], f["column"], f["hint"]) for f in json.loads(result.output)["findings"]]
    assert found == [("content/articles/portes.md", 3, 7, "it goes out when its article does (`at publication`): "
                                                          "change the article's time, or add the slot")], found


def test_posts_too_close_counts_elapsed_time_across_a_change_of_clocks() -> None:
    """Two times of the site's zone were subtracted as wall clocks: 01:50 +02:00 and 02:10 +01:00, 80 minutes
    apart as the clocks go back, were told 20 min apart; 01:50 and 03:10 on the night they go forward, 20
    minutes apart, 80, and nothing was said."""
    back = findings("posts-too-close", posts("{id: a, at: 2027-10-31 01:50, networks: [x], text: Un}",
                                             "{id: b, at: '2027-10-31 02:10+01:00', networks: [x], text: Deux}"),
                    now="2027-10-01T00:00:00+02:00")
    assert [f.message for f in back] == []
    forward = findings("posts-too-close", posts("{id: a, at: 2027-03-28 01:50, networks: [x], text: Un}",
                                                "{id: b, at: 2027-03-28 03:10, networks: [x], text: Deux}"),
                       now="2027-03-01T00:00:00+01:00")
    assert [f.message for f in forward] == [
        "X post 'b-x' goes out 2027-03-28 03:10, 20 min after 'a-x': followers see them as one burst"]


def test_duplicate_link() -> None:
    """The blog's promotion of an article at 09:00 and the team's own post about it at noon: the same link
    twice in a morning on Mastodon, which no rule said."""
    promote = "blog: {promote: {networks: [mastodon], schedule: [at publication, +2 days]}}\n"
    portes = [lambda c: article("portes", "2027-01-12 09:00", c)]
    found = findings("duplicate-link", posts("{id: a, at: 2027-01-12 12:00, networks: [mastodon, x], article: portes}"),
                     portes, extra=promote)
    assert [(str(f.source), f.item, f.message, f.hint) for f in found] == [(
        "calendar.yaml:11", "a-mastodon",
        "Mastodon post 'a-mastodon' (2027-01-12 12:00) links to the same page as 'portes-mastodon-0' "
        "(2027-01-12 09:00): followers get the link twice within 1 day",
        "the blog's promotion posts this link already: leave Mastodon out of this entry (`variants: {mastodon: "
        "{skip: true}}`), or the promotion out on Mastodon (`social: {mastodon: {skip: true}}` in the header of "
        "content/articles/portes.md); or move one of them 1 day away or more")]
    # The same address, once its tracking, its fragment, its host's case and its final "/" are left out.
    found = findings("duplicate-link", posts(
        "{id: a, at: 2027-01-12 20:00, networks: [x], link: '/offres/?utm_source=lettre#postuler', text: Offres}",
        "{id: b, at: 2027-01-13 08:00, networks: [x], link: 'https://Blog.example.fr/offres', text: Postulez}"))
    assert [(f.item, f.message) for f in found] == [
        ("b-x", "X post 'b-x' (2027-01-13 08:00) links to the same page as 'a-x' (2027-01-12 20:00): followers get "
                "the link twice within 1 day")]
    assert "`silence: {duplicate-link: …}`" in found[0].hint
    # A promotion's own steps, a recurring post's occurrences, two networks, other pages: no pair.
    assert not findings("duplicate-link", posts(
        "{promote: portes, networks: [mastodon], schedule: [at publication, +2 hours, +1 day]}",
        "{id: r, networks: [x], link: /offres/, text: Offres, repeat: {every: day, at: '09:00', from: 2027-01-12, "
        "count: 3}}",
        "{id: a, at: 2027-01-12 12:00, networks: [x], article: portes}",
        "{id: b, at: 2027-01-12 12:00, networks: [linkedin], link: /offres/, text: Offres}",
        "{id: c, at: 2027-01-12 15:00, networks: [mastodon], link: '/offres/?ville=lyon', text: Lyon}",
        "{id: d, at: 2027-01-12 16:00, networks: [mastodon], link: '/offres/?ville=paris', text: Paris}"), portes)
    # A day apart or more (the window is a setting); a pair either entry says is fine; a withheld post.
    once = "blog: {promote: {networks: [mastodon]}}\n"
    assert not findings("duplicate-link", posts("{id: a, at: 2027-01-13 09:00, networks: [mastodon], article: portes}"),
                        portes, extra=once)
    assert not findings("duplicate-link", posts("{id: a, at: 2027-01-12 22:00, networks: [mastodon], article: portes}"),
                        portes, extra=once + "checks: {duplicate-link: {window: 12 hours}}\n")
    assert not findings("duplicate-link", posts(
        "{id: a, at: 2027-01-12 12:00, networks: [mastodon], article: portes, silence: {duplicate-link: Relance}}"),
        portes, extra=promote)
    assert not findings("duplicate-link", posts("{id: a, at: 2027-01-12 12:00, networks: [mastodon], article: portes}"),
                        portes, extra=promote + "freeze: [{from: 2027-01-12 11:00, until: 2027-01-12 13:00, "
                                                "reason: Panne}]\n")
    # A recurring post against another entry's every week: one finding, at its line.
    weekly = "{{id: {id}, networks: [x], link: /offres/, text: {id}, repeat: {{every: week, on: tue, at: '{at}', " \
             "from: 2027-01-05, count: 3}}}}"
    found = findings("duplicate-link", posts(weekly.format(id="a", at="09:00"), weekly.format(id="b", at="12:00")))
    assert [(f.item, f.message) for f in found] == [
        (None, "X: 3 posts ('b-x-20270105' (2027-01-05 12:00), 'b-x-20270112' (2027-01-12 12:00), 'b-x-20270119' "
               "(2027-01-19 12:00)) link to the same page as posts of 'a' within 1 day")]

def test_posts_too_close() -> None:
    found = findings("posts-too-close", posts("{id: a, at: 2027-01-12 09:00, networks: [x, mastodon], text: Un}",
                                              "{id: b, at: 2027-01-12 09:00, networks: [x], text: Deux}",
                                              "{id: c, at: 2027-01-12 09:40, networks: [mastodon], text: Trois}"))
    assert [(f.item, f.message) for f in found] == [
        ("b-x", "X post 'b-x' goes out 2027-01-12 09:00, at the same time as 'a-x'"),
        ("c-mastodon", "Mastodon post 'c-mastodon' goes out 2027-01-12 09:40, 40 min after 'a-mastodon': followers see "
                       "them as one burst")]
    from edcal.i18n import translator

    assert [f.message.translated(translator("fr")) for f in found] == [
        "la publication X 'b-x' part le 12/01 à 09:00, en même temps que 'a-x'",
        "la publication Mastodon 'c-mastodon' part le 12/01 à 09:40, 40 min après 'a-mastodon'\u00a0: les "
        "abonnés les voient en rafale"]
    # An hour apart, or on two networks, is fine; the gap is a setting.
    assert not findings("posts-too-close", posts("{id: a, at: 2027-01-12 09:00, networks: [x], text: Un}",
                                                 "{id: b, at: 2027-01-12 10:00, networks: [x], text: Deux}",
                                                 "{id: c, at: 2027-01-12 09:00, networks: [mastodon], text: T}"))
    assert not findings("posts-too-close", posts("{id: a, at: 2027-01-12 09:00, networks: [x], text: Un}",
                                                 "{id: b, at: 2027-01-12 09:30, networks: [x], text: Deux}"),
                        extra="checks: {posts-too-close: {gap: 30 minutes}}\n")
    # Either entry may say why the pair is fine; a day too-many-per-day reports is not reported twice.
    assert not findings("posts-too-close", posts(
        "{id: a, at: 2027-01-12 09:00, networks: [x], text: Un, silence: {posts-too-close: Annonce et rappel}}",
        "{id: b, at: 2027-01-12 09:00, networks: [x], text: Deux}"))
    capped = PARIS_CALENDAR.replace("  x: {}\n", "  x: {max_per_day: 1}\n")
    plan = plan_of(calendar_from(capped + posts("{id: a, at: 2027-01-12 09:00, networks: [x], text: Un}",
                                                "{id: b, at: 2027-01-12 09:10, networks: [x], text: Deux}")), now=NOW)
    assert [f.rule for f in run_checks(plan, only=["posts-too-close", "too-many-per-day"])] == ["too-many-per-day"]


def test_mention_elsewhere() -> None:
    extra = "  bluesky: {}\n  instagram: {}\n"
    calendar_text = PARIS_CALENDAR.replace("  mastodon: {}\n", "  mastodon: {}\n" + extra)
    plan = plan_of(calendar_from(calendar_text + posts(
        "{id: a, at: 2027-01-12 09:00, networks: [x, mastodon, bluesky, instagram], "
        "text: 'Merci @lea@piaille.fr et @tom.bsky.social ! Écrivez à contact@atelier.fr'}",
        "{id: b, at: 2027-01-13 09:00, networks: [instagram, mastodon], text: 'Suivez @atelier.morel et @lea'}")),
        now=NOW)
    found = sorted((f.item, f.message.split(" mentions ")[1].split(",")[0]) for f in
                   run_checks(plan, only=["mention-elsewhere"]))
    assert found == [("a-bluesky", "@lea@piaille.fr"), ("a-instagram", "@lea@piaille.fr"),
                     ("a-mastodon", "@tom.bsky.social"), ("a-x", "@lea@piaille.fr"), ("a-x", "@tom.bsky.social"),
                     ("b-mastodon", "@atelier.morel")]  # an Instagram handle, on Mastodon; fine on Instagram
    assert not findings("mention-elsewhere", posts("{id: c, at: 2027-01-12 09:00, networks: [x, mastodon], "
                                                   "text: 'Merci @lea, écrivez à lea@atelier.fr. Version @2.0, "
                                                   "voir https://mastodon.social/@atelier'}"))
    # Bluesky's handles are domains: a plain @name is someone on another network (an e-mail, a version, a URL's
    # @ and a time are none).
    bluesky = "  bluesky: {}\n"
    found = findings("mention-elsewhere", posts("{id: d, at: 2027-01-12 09:00, networks: [bluesky], text: 'Merci "
                                                "@partenaire ! lea@atelier.fr, v@2.0, https://mastodon.social/@a, "
                                                "@10h, @tom.bsky.social'}"), extra=bluesky)
    assert [f.message.split(" mentions ")[1].split(",")[0] for f in found] == ["@partenaire"]


def test_mention_elsewhere_on_a_network_like_a_built_in_one() -> None:
    """A second X account (`like: x`) or LinkedIn page (`like: linkedin`) takes its platform's rules: the
    same Mastodon address pasted there tagged a stranger on X, or no one, without a word, while the built-in
    network's post of the same entry was warned."""
    extra = "  x-pro: {like: x, name: X pro}\n  linkedin-en: {like: linkedin, name: LinkedIn EN}\n"
    found = findings("mention-elsewhere", posts(
        "{id: a, at: 2027-01-12 09:00, networks: [x, x-pro, linkedin, linkedin-en], "
        "text: 'Merci @lea@piaille.fr et @tom.bsky.social'}"), extra=extra)
    assert sorted((f.item, f.message.split(" mentions ")[1].split(",")[0]) for f in found) == [
        ("a-linkedin", "@lea@piaille.fr"), ("a-linkedin-en", "@lea@piaille.fr"),
        ("a-x", "@lea@piaille.fr"), ("a-x", "@tom.bsky.social"),
        ("a-x-pro", "@lea@piaille.fr"), ("a-x-pro", "@tom.bsky.social")]


def test_mention_elsewhere_on_a_network_of_the_site_s_own_that_says_how_its_accounts_are_named() -> None:
    """A network of the site's own (a self-hosted Bluesky PDS, a Misskey server) says with `handles:` how its
    accounts are named, and is judged as a built-in network named so; without it, it is not judged."""
    extra = ("  pds: {custom: true, name: PDS, limit: 300, handles: domain}\n"
             "  misskey: {custom: true, name: Misskey, limit: 3000, handles: fediverse}\n"
             "  intranet: {custom: true, name: Intranet, limit: 3000}\n")
    found = findings("mention-elsewhere", posts(
        "{id: a, at: 2027-01-12 09:00, networks: [pds, misskey, intranet], "
        "text: 'Merci @lea@piaille.fr, @tom.bsky.social et @partenaire'}"), extra=extra)
    assert sorted((f.item, f.message.split(" mentions ")[1].split(",")[0]) for f in found) == [
        ("a-misskey", "@tom.bsky.social"), ("a-pds", "@lea@piaille.fr"), ("a-pds", "@partenaire")]


def test_mention_not_tagged() -> None:
    """LinkedIn and Facebook tag only the account picked from the composer's list: a pasted @Name is words."""
    extra = "  facebook: {}\n  linkedin-en: {like: linkedin, name: LinkedIn EN}\n"
    found = findings("mention-not-tagged", posts(
        "{id: a, at: 2027-01-12 09:00, networks: [linkedin, facebook, linkedin-en, x, mastodon], "
        "text: 'Merci @MaisonDupont et @lea@piaille.fr ! contact@atelier.fr'}",
        "{id: b, at: 2027-01-14 12:30, networks: [linkedin], text: Le chantier est fini, "
        "first_comment: 'Bravo @Julien et @Ana'}",
        "{id: c, at: 2027-01-19 09:00, networks: [linkedin], text: 'Merci à Maison Dupont, v@2.0, @10h'}"),
        extra=extra)
    assert sorted((f.item, f.message.split(" mentions ")[1].split(":")[0]) for f in found) == [
        ("a-facebook", "@MaisonDupont"), ("a-linkedin", "@MaisonDupont"), ("a-linkedin-en", "@MaisonDupont"),
        ("b-linkedin", "@Julien, @Ana")]  # X and Mastodon make mentions of pasted text; an e-mail is none
    comment = next(f for f in found if f.item == "b-linkedin")
    assert comment.source.line == 13 and comment.source.column > 60  # at its `first_comment:`
    assert "type the mention again in LinkedIn's composer" in str(comment.hint)


def test_mention_not_tagged_on_a_network_of_the_site_s_own_where_mentions_are_picked() -> None:
    """An intranet (Workplace, Viva Engage) tags only the colleague picked from its composer's list, as LinkedIn
    does: `mentions_picked: true` says so, and its pasted @Name is told; without it, it is not."""
    extra = ("  workplace: {custom: true, name: Workplace, limit: 5000, mentions_picked: true}\n"
             "  intranet: {custom: true, name: Intranet, limit: 5000}\n")
    found = findings("mention-not-tagged", posts(
        "{id: a, at: 2027-01-12 09:00, networks: [workplace, intranet], text: 'Bravo @Julien !'}"), extra=extra)
    assert [(f.item, f.message) for f in found] == [
        ("a-workplace", "Workplace post 'a-workplace' mentions @Julien: pasted, Workplace keeps it as text and "
                        "tags no one")]


def test_clock_change_night() -> None:
    """A rule with no end meets the night the clocks skip 02:30 (2027-03-28 in Paris): that night is left out,
    said until it has passed, and not said once settled or silenced; a rule with an end is refused as ever."""
    nightly = "{id: nuit, networks: [x, mastodon], text: T, repeat: {every: day, at: '02:30', from: 2027-03-20%s}}"
    found = findings("clock-change-night", posts(nightly % ""), now="2027-03-01T10:00:00+01:00")
    assert [(f.severity, f.message) for f in found] == [
        ("warning", "2027-03-28 02:30 does not exist in Europe/Paris: the clocks go forward that night (occurrence of "
                    "2027-03-28, X, Mastodon): 'nuit' has no end, and leaves out that night"),
        ("warning", "2027-10-31 02:30 happens twice in Europe/Paris: the clocks go back that night (occurrence of "
                    "2027-10-31, X, Mastodon): 'nuit' has no end, and leaves out that night")]
    assert found[1].hint == ("under `repeat:`, give that day its time with the UTC offset: `moved: {2027-10-31: "
                             "\"2027-10-31 02:30+02:00\"}` (the first) or `moved: {2027-10-31: \"2027-10-31 "
                             "02:30+01:00\"}` (the second); or leave the day out: `except: [2027-10-31]`")
    plan = plan_of(calendar_from(PARIS_CALENDAR + posts(nightly % "")), now="2027-03-01T10:00:00+01:00")
    assert {"nuit-x-20270327", "nuit-x-20270329"} <= set(plan.by_id()) and "nuit-x-20270328" not in plan.by_id()
    later = findings("clock-change-night", posts(nightly % ""), now="2027-03-29T10:00:00+02:00")
    assert [f.message[:10] for f in later] == ["2027-10-31", "2028-03-26"]  # the night past is not told
    settled = posts(nightly % ", except: [2027-03-28], moved: {2027-10-31: '2027-10-31 02:30+01:00'}")
    assert not findings("clock-change-night", settled, now="2027-03-01T10:00:00+01:00")
    silenced = posts(nightly.replace("text: T,", "text: T, silence: {clock-change-night: la veille dort},") % "")
    assert not findings("clock-change-night", silenced, now="2027-03-01T10:00:00+01:00")
    with pytest.raises(InputErrors, match="2027-03-28 02:30 does not exist"):
        findings("clock-change-night", posts(nightly % ", until: 2027-04-30"))


def test_repeat_skips_days() -> None:
    """`rrule: FREQ=MONTHLY;BYMONTHDAY=30` gave no post in February, silently (RFC 5545 skips a month without
    the day); a yearly rule from 29 February, none three years in four. Told with the months, the coming
    ones only, and the rule that says the last day; not for a rule that has the day every time, nor silenced."""
    monthly = "{id: bilan, networks: [x], text: T, repeat: {rrule: 'FREQ=MONTHLY;BYMONTHDAY=%s', from: 2027-01-01%s}}"
    found = findings("repeat-skips-days", posts(monthly % ("30", ", until: 2027-12-31")),
                     now="2027-01-12T10:00:00+01:00")
    assert [(f.severity, f.message, f.hint) for f in found] == [
        ("warning", "'bilan' repeats on day 30 of the month, which February 2027 does not have: no post that month "
                    "(RFC 5545 skips it)",
         "BYMONTHDAY=-1 is the last day of every month (`every: month, on: last`); or, if no post is meant then, "
         "silence this rule on the entry")]
    assert found[0].source.line == 10
    # Every month without a 31st, the coming ones only, as far as the plan goes.
    long = findings("repeat-skips-days", posts(monthly % ("31", "")), now="2027-05-02T10:00:00+02:00")
    assert [f.message for f in long] == [
        "'bilan' repeats on day 31 of the month, which June 2027, September 2027, November 2027, February 2028 "
        "and 1 more month do not have: no post those months (RFC 5545 skips them)"]
    yearly = "{id: bissextile, networks: [x], text: T, repeat: {rrule: FREQ=YEARLY, from: 2028-02-29, count: 3}}"
    assert [f.message for f in findings("repeat-skips-days", posts(yearly), now="2027-01-12T10:00:00+01:00")] == [
        "'bissextile' repeats on day 29 of the month, which February 2029, February 2030, February 2031, "
        "February 2033 and 2 more months do not have: no post those months (RFC 5545 skips them)"]
    assert not findings("repeat-skips-days", posts(monthly % ("-1", "")))
    assert not findings("repeat-skips-days", posts(monthly % ("28", "")))
    silenced = monthly.replace("text: T,", "text: T, silence: {repeat-skips-days: pas de bilan en février},")
    assert not findings("repeat-skips-days", posts(silenced % ("30", "")))


def test_repeat_from_past() -> None:
    """`repeat: {every: week, on: tue, from: 2020-01-07}`, the year typed wrong or a line copied from an old
    plan, planned 366 Tuesdays before today, each counted as gone out (the report, the cadence), without a
    word. One finding for the rule, at its `repeat:`: how many posts, and the `from:` that starts it now;
    not for a rule begun in the last six months (a series running), one whose posts the log names, one that
    has ended (a past series), nor one silenced."""
    weekly = "{id: astuce, networks: [x, mastodon], text: T, repeat: {every: week, on: tue, from: %s%s}%s}"
    found = findings("repeat-from-past", posts(weekly % ("2020-01-07", "", "")), now="2027-01-12T10:00:00+01:00")
    assert [(f.severity, str(f.source), f.message, f.hint) for f in found] == [
        ("warning", "calendar.yaml:10", "'astuce' repeats from 2020-01-07: 734 posts before now, from 2020-01-07 "
                                        "to 2027-01-12, count as gone out",
         "if it starts now, write `from: 2027-01-19` under its `repeat:`; if those posts went out, silence this "
         "rule on the entry, with the reason")]
    assert dict(found[0].data)["posts"] == 734  # 367 Tuesdays, today's 09:00 past, on two networks
    # A site keeping a log: the posts it names are not counted, and its hint says to log the others.
    log = "\nposted:\n" + "".join(f"  - astuce-{network}-20200107\n" for network in ("x", "mastodon"))
    logged = findings("repeat-from-past", posts(weekly % ("2020-01-07", "", "")) + log,
                      now="2027-01-12T10:00:00+01:00")
    assert [(f.message, f.hint) for f in logged] == [
        ("'astuce' repeats from 2020-01-07: 732 posts before now that the log of what went out does not name, "
         "from 2020-01-14 to 2027-01-12, count as gone out",
         "if it starts now, write `from: 2027-01-19` under its `repeat:`; if those posts went out, add their lines "
         "under `posted:`, or silence this rule on the entry, with the reason")]
    assert not findings("repeat-from-past", posts(weekly % ("2026-08-04", "", "")), now="2027-01-12T10:00:00+01:00")
    assert not findings("repeat-from-past", posts(weekly % ("2020-01-07", ", until: 2021-01-05", "")),
                        now="2027-01-12T10:00:00+01:00")
    silenced = weekly % ("2020-01-07", "", ", silence: {repeat-from-past: astuce publiée depuis 2020}")
    assert not findings("repeat-from-past", posts(silenced), now="2027-01-12T10:00:00+01:00")


def test_repeat_skips_days_of_a_rule_with_other_days_keeps_their_posts() -> None:
    """`BYMONTHDAY=15,31` posts on the 15th of February all the same: it was told "no post that month"."""
    monthly = "{id: bilan, networks: [x], text: T, repeat: {rrule: 'FREQ=MONTHLY;BYMONTHDAY=%s', from: 2027-01-01%s}}"
    found = findings("repeat-skips-days", posts(monthly % ("15,31", ", until: 2027-03-31")),
                     now="2027-01-12T10:00:00+01:00")
    assert [f.message for f in found] == [
        "'bilan' repeats on day 31 of the month, which February 2027 does not have: no post on that day that "
        "month (RFC 5545 skips it)"]
    found = findings("repeat-skips-days", posts(monthly % ("15,31", ", until: 2027-06-30")),
                     now="2027-01-12T10:00:00+01:00")
    assert [f.message for f in found] == [
        "'bilan' repeats on day 31 of the month, which February 2027, April 2027, June 2027 do not have: no "
        "post on that day those months (RFC 5545 skips it)"]
    assert translated(found[0].message, translator("fr")).replace("\u00a0", " ") == (
        "'bilan' revient le 31 du mois, que février 2027, avril 2027, juin 2027 n'ont pas : pas de "
        "publication ce jour-là ces mois-là (la RFC 5545 le saute)")


def test_repeat_skips_days_is_told_by_a_check_until_a_day_of_the_month_skipped() -> None:
    """`edcal check --until 2027-02-15` said nothing of February, which the rule skips: the finding was dated
    28 February, after the window, though the month is in it."""
    monthly = "{id: bilan, networks: [x], text: T, repeat: {rrule: 'FREQ=MONTHLY;BYMONTHDAY=30', from: 2027-01-01}}"
    plan = plan_of(calendar_from(PARIS_CALENDAR + posts(monthly)), now="2027-01-12T10:00:00+01:00")
    until = dt.datetime(2027, 2, 15, tzinfo=ZoneInfo("Europe/Paris"))
    assert [f.message for f in run_checks(plan, only=["repeat-skips-days"], until=until)] == [
        "'bilan' repeats on day 30 of the month, which February 2027 does not have: no post that month "
        "(RFC 5545 skips it)"]


def test_repeat_skips_days_counted_from_the_month_s_end() -> None:
    """`BYMONTHDAY=-30` (the 30th day from the end) gave February no post, and nothing said so."""
    rule = ("{id: bilan, networks: [x], text: T, repeat: {rrule: 'FREQ=MONTHLY;BYMONTHDAY=-30', from: 2027-01-01, "
            "until: 2027-12-31}}")
    found = findings("repeat-skips-days", posts(rule), now="2027-01-12T10:00:00+01:00")
    assert [f.message for f in found] == [
        "'bilan' repeats on day -30 of the month, which February 2027 does not have: no post that month "
        "(RFC 5545 skips it)"]


def test_public_holiday() -> None:
    found = findings("public-holiday", posts("{id: a, at: 2027-05-01 10:00, networks: [x], text: Hi}"),
                     extra="country: FR\n")
    assert found and "a public holiday (Fête du Travail)" in found[0].message
    assert not findings("public-holiday", posts("{id: a, at: 2027-05-03 10:00, networks: [x], text: Hi}"),
                        extra="country: FR\n")
    assert not findings("public-holiday", posts("{id: a, at: 2027-05-01 10:00, networks: [x], text: Hi}"))


#: A Québec account of a Paris site, on Montréal's clock and Québec's holidays (calendar.md's networks table).
QUEBEC = ("  linkedin-qc: {like: linkedin, name: LinkedIn Québec, timezone: America/Montreal, slots: [tue 09:00], "
          "country: CA, subdivision: QC}\ncountry: FR\n")


def test_public_holiday_of_an_accounts_own_country() -> None:
    """A Québec account was told 14 July, France's holiday, and not 24 June, Québec's Fête nationale."""
    found = findings("public-holiday", posts(
        "{id: fete, at: 2027-06-24 09:00, networks: [linkedin-qc, linkedin], text: Hi}",
        "{id: juillet, at: 2027-07-14 09:00, networks: [linkedin-qc, linkedin], text: Hi}"), extra=QUEBEC)
    assert sorted(f.item for f in found) == ["fete-linkedin-qc", "juillet-linkedin"]
    message = next(f.message for f in found if f.item == "fete-linkedin-qc")
    assert message.startswith("LinkedIn Québec post 'fete-linkedin-qc' goes out on 2027-06-24, a public holiday ("), message
    # Its day is the account's: 23:30 in Montréal on 23 June is 24 June in Paris, no holiday there.
    assert not findings("public-holiday", posts(
        "{id: veille, at: 2027-06-23 23:30, networks: [linkedin-qc], text: Hi}"), extra=QUEBEC)


def test_public_holiday_except_names_a_holiday_of_an_accounts_own_country() -> None:
    """A Québec account's post on Thanksgiving was told to write `except: [Action de grâce]`, and that line was
    refused: `except:` took the site's country's holidays alone. It takes those of every country the site's
    networks are judged against; a name of none of them is still an error, with the closest of them all."""
    thanksgiving = posts("{id: merci, at: 2027-10-11 09:00, networks: [linkedin-qc, linkedin], text: Hi}")
    [warned] = findings("public-holiday", thanksgiving, extra=QUEBEC)
    assert warned.item == "merci-linkedin-qc"
    line = str(warned.hint).rpartition("`checks: ")[2].removesuffix("`")
    assert line == "{public-holiday: {except: [Action de grâce]}}"  # in the site's language, French
    from edcal.i18n import speak

    speak("fr")  # the site's language, as its settings give it
    try:
        assert not findings("public-holiday", thanksgiving, extra=QUEBEC + f"checks: {line}\n")
    finally:
        speak(None)
    both = posts("{id: fete, at: 2027-07-14 09:00, networks: [linkedin-qc, linkedin], text: Hi}",
                 "{id: qc, at: 2027-06-24 09:00, networks: [linkedin-qc, linkedin], text: Hi}")
    assert not findings("public-holiday", both,
                        extra=QUEBEC + "checks: {public-holiday: {except: [Fête nationale, Saint Jean Baptiste Day]}}\n")
    with pytest.raises(InputErrors) as caught:
        calendar_from(PARIS_CALENDAR + QUEBEC + "checks: {public-holiday: {except: [Thanksgivng Day]}}\n")
    assert [e.format().partition(": error: ")[2] for e in caught.value.errors] == [
        "found 'Thanksgivng Day', expected a public holiday of FR or CA\n    hint: did you mean 'Thanksgiving Day'?"]
    # A date is told the holiday of any of those countries on that day.
    with pytest.raises(InputErrors) as caught:
        calendar_from(PARIS_CALENDAR + QUEBEC + "checks: {public-holiday: {except: [2027-06-24]}}\n")
    assert caught.value.errors[0].format().endswith(
        "    hint: 2027-06-24 is Saint Jean Baptiste Day: write its name, `except: [Saint Jean Baptiste Day]`")
    # A network's own country, none at the top: its holidays are named.
    assert calendar_from(PARIS_CALENDAR + QUEBEC.replace("country: FR\n", "")
                         + "checks: {public-holiday: {except: [Thanksgiving Day]}}\n")


def test_public_holiday_says_which_posts_it_cannot_judge() -> None:
    """A post in 2101 (2021 mistyped, or a plan that far) was silently not judged: the holidays library
    knows France's public holidays up to 2100. Said once, with how many and the first, and not for posts
    within its years."""
    far = posts("{id: a, at: 2101-05-01 10:00, networks: [x], text: A}",
                "{id: b, at: 2102-01-01 10:00, networks: [x], text: B}",
                "{id: c, at: 2027-05-03 10:00, networks: [x], text: C}")
    found = findings("public-holiday", far, extra="country: FR\n")
    assert [(f.severity, f.message, f.hint, f.item) for f in found] == [
        ("warning", "2 posts go out after 2100, the last year whose public holidays of FR edcal knows (the "
                    "holidays library's): their days are not judged (the first: 'a-x' on 2101-05-01)",
         "check the year; a post that far ahead cannot be told it falls on a public holiday", "a-x")]
    assert found[0].source.line == 11


def test_public_holiday_except_names_holidays_the_site_does_not_count() -> None:
    """A US agency got warnings on Veterans Day and Columbus Day, which its audience works through, with no
    way out but turning the rule off: `except:` names them (case aside), their observed days with them."""
    days = posts("{id: columbus, at: 2027-10-11 10:00, networks: [x], text: A}",
                 "{id: veterans, at: 2028-11-10 10:00, networks: [x], text: B}",  # 11 Nov is a Saturday
                 "{id: thanksgiving, at: 2027-11-25 10:00, networks: [x], text: C}")
    warned = findings("public-holiday", days, extra="country: US\n")
    assert [f.item for f in warned] == ["columbus-x", "veterans-x", "thanksgiving-x"]
    assert "holiday (Veterans Day (observed))" in warned[1].message
    assert "`checks: {public-holiday: {except: [Columbus Day]}}`" in warned[0].hint
    excepted = findings("public-holiday", days, extra="country: US\nchecks:\n  public-holiday: "
                                                      "{except: [veterans day, Columbus Day]}\n")
    assert [f.item for f in excepted] == ["thanksgiving-x"]


def test_public_holiday_except_in_the_country_s_language_or_the_site_s() -> None:
    """A French site writes Lundi de Pentecôte (a "journée de solidarité" most people work); a French site in
    Canada writes Fête du Travail, the library's English for it being Labour Day."""
    from edcal.i18n import speak

    whit_monday = posts("{id: a, at: 2027-05-17 10:00, networks: [x], text: Hi}")
    assert findings("public-holiday", whit_monday, extra="country: FR\n")
    assert not findings("public-holiday", whit_monday,
                        extra="country: FR\nchecks: {public-holiday: {except: [lundi de pentecôte]}}\n")
    labour_day = posts("{id: a, at: 2027-09-06 10:00, networks: [x], text: Hi}")
    for name in ("Labour Day", "fête du travail"):
        speak("fr")  # the site's language, as its settings give it
        try:
            assert not findings("public-holiday", labour_day,
                                extra=f"country: CA\nchecks: {{public-holiday: {{except: [{name}]}}}}\n")
        finally:
            speak(None)


def test_public_holiday_except_refuses_a_name_that_is_no_holiday() -> None:
    with pytest.raises(InputErrors) as caught:
        calendar_from(PARIS_CALENDAR + "country: US\nchecks:\n  public-holiday:\n    except:\n"
                                       "      - Columbus Day\n      - Veterans Dya\n      - Pentecost Monday\n")
    assert [e.format() for e in caught.value.errors] == [
        "calendar.yaml:14:9: error: found 'Veterans Dya', expected a public holiday of US\n"
        "    hint: did you mean 'Veterans Day'?",
        "calendar.yaml:15:9: error: found 'Pentecost Monday', expected a public holiday of US\n"
        "    hint: one of: Christmas Day, Columbus Day, Independence Day, Juneteenth National "
        "Independence Day, Labor Day, Martin Luther King Jr. Day, Memorial Day, New Year's Day, Thanksgiving Day, "
        "Veterans Day, Washington's Birthday"]
    with pytest.raises(InputErrors) as caught:
        calendar_from(PARIS_CALENDAR + "checks: {public-holiday: {except: [Veterans Day]}}\n")
    assert [e.format() for e in caught.value.errors] == [
        "calendar.yaml:9:27: error: `except` of public-holiday names holidays of the site's country, and "
        "calendar.yaml sets no `country:`\n"
        "    hint: add it at the top of calendar.yaml, e.g. `country: US`"]
    with pytest.raises(InputErrors, match="found '', expected a public holiday of FR"):
        calendar_from(PARIS_CALENDAR + "country: FR\nchecks: {public-holiday: {except: ['']}}\n")
    with pytest.raises(InputErrors, match="found a list or a mapping in `except`, expected one value per item"):
        calendar_from(PARIS_CALENDAR + "country: FR\nchecks: {public-holiday: {except: [{Noël: oui}]}}\n")
    # Several holidays in one text were told the closest of one of them ("did you mean 'Toussaint'?").
    for written in ("Noël, Toussaint", "noël; toussaint"):
        with pytest.raises(InputErrors) as caught:
            calendar_from(PARIS_CALENDAR + f"country: FR\nchecks: {{public-holiday: {{except: '{written}'}}}}\n")
        assert caught.value.errors[0].format().endswith(
            f"found '{written}', expected a public holiday of FR\n"
            "    hint: write them as a list, one name per item: `except: [Noël, Toussaint]`")


@pytest.mark.parametrize(("written", "hint"), [
    ("2027-05-01", "2027-05-01 is Fête du Travail: write its name, `except: [Fête du Travail]`"),
    ("'2027-12-25'", "2027-12-25 is Noël: write its name, `except: [Noël]`"),
    ("2027-05-02", "2027-05-02 is no public holiday of FR: `except` takes holidays by name, one of: Armistice, "
                   "Ascension, Assomption, Fête de la Victoire, Fête du Travail, Fête nationale, Jour de l'an, "
                   "Lundi de Pentecôte, Lundi de Pâques, Noël, Toussaint"),
    # New Year's Day, after 2100: the library knows no holiday then, and 1 January was told it was none.
    ("2150-01-01", "2150-01-01 is after 2100, the last year whose public holidays of FR edcal knows (the holidays "
                   "library's): `except` takes holidays by name, one of: Armistice, Ascension, Assomption, Fête de "
                   "la Victoire, Fête du Travail, Fête nationale, Jour de l'an, Lundi de Pentecôte, Lundi de Pâques, "
                   "Noël, Toussaint"),
    # A date edcal reads no day of (years 1900 to 2199) was told the names alone, as if it were a misspelt one.
    ("1890-01-01", "`except` takes holidays by name, not dates: one of: Armistice, Ascension, Assomption, Fête de "
                   "la Victoire, Fête du Travail, Fête nationale, Jour de l'an, Lundi de Pentecôte, Lundi de Pâques, "
                   "Noël, Toussaint"),
])
def test_public_holiday_except_told_a_date_names_the_holiday_on_it(written: str, hint: str) -> None:
    """`except: [2027-05-01]` was told the eleven holidays to choose from, not which of them falls on that day."""
    with pytest.raises(InputErrors) as caught:
        calendar_from(PARIS_CALENDAR + f"country: FR\nchecks: {{public-holiday: {{except: [{written}]}}}}\n")
    shown = written.strip("'")
    assert [e.format().partition(": error: ")[2] for e in caught.value.errors] == [
        f"found '{shown}', expected a public holiday of FR\n    hint: {hint}"]


def test_public_holiday_hint_writes_a_line_yaml_reads_back_as_the_holiday() -> None:
    """Bulgaria's 6 May is "Saint George's Day, Day of the Bulgarian Army": the hint's line, `except: [Saint
    George's Day, Day of the Bulgarian Army]`, read as two names, each refused as no holiday."""
    george = posts("{id: a, at: 2027-05-06 10:00, networks: [x], text: Hi}")
    [finding] = findings("public-holiday", george, extra="country: BG\n")
    line = str(finding.hint).rpartition("`checks: ")[2].removesuffix("`")
    assert "," in line and not findings("public-holiday", george, extra=f"country: BG\nchecks: {line}\n")


def test_public_holiday_except_after_the_years_the_library_knows(monkeypatch: pytest.MonkeyPatch) -> None:
    """With the clock after 2100, the last year the holidays library knows, every name was refused, with
    "one of: " and nothing after it."""
    monkeypatch.setenv("EDCAL_NOW", "2150-06-01T09:00")
    calendar = calendar_from(PARIS_CALENDAR + "country: FR\nchecks: {public-holiday: {except: [Noël]}}\n")
    assert calendar.checks["public-holiday"].options["except"] == ("Noël",)


def test_public_holiday_except_in_plan_json() -> None:
    import jsonschema

    from edcal.outputs.plan_json import document

    calendar = calendar_from(PARIS_CALENDAR + "country: US\nchecks: {public-holiday: {except: Veterans Day}}\n")
    plan = document(plan_of(calendar))
    assert plan["checks"]["public-holiday"] == {"severity": "warning", "except": ["Veterans Day"]}
    jsonschema.validate(plan, json.loads((Path(__file__).parents[1] / "docs" / "plan.schema.json").read_text()))
    default = document(plan_of(calendar_from(PARIS_CALENDAR)))
    assert default["checks"]["public-holiday"] == {"severity": "warning", "except": []}


def test_idea_written() -> None:
    """An idea that became an article stayed in the backlog: its review deadline was twice in the agenda."""
    written = [lambda c: article("portrait-de-lea", "2027-03-01T09:00", c, status="draft", title="Portrait de Léa")]
    by_title = findings("idea-written", "ideas:\n  - {title: 'Portrait  de LÉA', review_due: 2027-02-20}\n", written)
    assert [(f.severity, f.source.path) for f in by_title] == [("warning", "calendar.yaml")]
    assert "is written already" in by_title[0].message and by_title[0].message.endswith("is the article")
    decomposed = findings("idea-written", "ideas:\n  - {title: \"Portrait de Le\\u0301a\"}\n", written)
    assert len(decomposed) == 1  # é typed as e + U+0301
    by_slug = findings("idea-written", "ideas:\n  - {id: portrait-de-lea, title: Léa à l'atelier}\n", written)
    assert len(by_slug) == 1
    assert not findings("idea-written", "ideas:\n  - {title: Portrait de Marc}\n", written)


def test_idea_overdue() -> None:
    found = findings("idea-overdue", "ideas:\n  - {title: Portrait, owner: ana, status: writing, draft_due: 2027-01-02}\n")
    assert found and found[0].message == "the draft of 'Portrait' was due 2027-01-02 and its status is still 'writing' (owner: Ana)"
    assert not findings("idea-overdue", "ideas:\n  - {title: Portrait, status: review, draft_due: 2027-01-02}\n")
    assert not findings("idea-overdue", "ideas:\n  - {title: Portrait, draft_due: 2027-01-05}\n")


def test_review_too_late() -> None:
    status_line = {"status": Source("content/articles/a.md", 4, 9)}
    found = findings("review-too-late", "", [lambda c: article("a", "2027-01-05T09:00", c, status="review",
                                                                field_sources=status_line)])
    assert found and "still in review and due 2027-01-05 09:00" in found[0].message
    assert found[0].source == Source("content/articles/a.md", 4, 9)  # the `status: review` line, to change
    assert not findings("review-too-late", "", [lambda c: article("a", "2027-01-08T09:00", c, status="review")])
    past = findings("review-too-late", "", [lambda c: article("a", "2027-01-03T09:00", c, status="review")])
    assert "still in review and was due 2027-01-03 09:00" in past[0].message  # not "due": that day is gone
    assert findings("review-too-late", "checks: {review-too-late: {margin: 5 days}}\n",
                    [lambda c: article("a", "2027-01-08T09:00", c, status="review")])


def test_post_not_ready() -> None:
    """A post still `status: review` (or `draft`) the day before it goes out: nobody approved it, and it would
    not go out (Hootsuite's file leaves it out) without a word. Told once an entry, at its `status:`."""
    line = "{id: offre, at: 2027-01-05 09:00, networks: [linkedin, x], text: Nouvelle offre, status: %s}"
    (found,) = findings("post-not-ready", posts(line % "review"))
    assert (found.item, found.severity, str(found.source), found.source.column) == (
        "offre-linkedin", "warning", "calendar.yaml:10", 94)
    assert found.message == ("post 'offre' goes out 2027-01-05 09:00 and still awaits approval (`status: review`): "
                             "it will not go out until it is approved")
    assert found.hint == ("once its text is final and approved, remove `status:` (or write `status: scheduled`); "
                          "or move the post: `edcal move offre …`")
    assert translated(found.message, translator("fr")).replace("\u00a0", " ") == (
        "la publication 'offre' part le 05/01/2027 à 09:00 et attend encore d'être validée (`status: review`) : "
        "elle ne partira pas tant qu'elle ne l'est pas")
    (draft,) = findings("post-not-ready", posts(line % "draft"))
    assert draft.message == ("post 'offre' goes out 2027-01-05 09:00 and is still a draft (`status: draft`): it "
                             "will not go out as it is")
    # Further than 48 hours, approved, or past: nothing; a wider margin reaches it.
    later = posts((line % "review").replace("2027-01-05", "2027-01-08"))
    assert findings("post-not-ready", later) == []
    assert findings("post-not-ready", posts(line % "scheduled")) == []
    assert findings("post-not-ready", posts((line % "review").replace("2027-01-05", "2027-01-02"))) == []
    assert findings("post-not-ready", later + "checks:\n  post-not-ready: {margin: 5 days}\n")
    # Checked `--since` a day gone by: a past post unapproved did not go out; the next one to come is told.
    weekly = posts("{id: tips, networks: [linkedin], repeat: {every: day, at: '09:00', from: 2026-12-30}, "
                   "text: Astuce, status: draft}")
    calendar = calendar_from(PARIS_CALENDAR + weekly)
    (told,) = run_checks(plan_of(calendar, [], now=NOW), since=dt.datetime(2026, 12, 30, tzinfo=dt.UTC),
                         only=["post-not-ready"])
    assert told.item == "tips-linkedin-20270104" and "goes out 2027-01-04 09:00" in told.message, told.message
    # A promotion waiting for its article in review: the article is told (`review-too-late`), not its posts.
    waiting = posts("{promote: a, networks: [linkedin], schedule: [at publication]}")
    assert findings("post-not-ready", waiting, [lambda c: article("a", "2027-01-05T09:00", c, status="review")]) == []


def test_a_post_awaiting_approval_is_planned_but_does_not_go_out(site: Path) -> None:
    """`status: review`: written, awaiting approval. Planned and shown (plan.json, feeds, the drafts page's
    card says what it waits for), left out of Hootsuite's file; past its time unapproved, it did not go out."""
    calendar = site / "calendar.yaml"
    entry = ("  - {id: a-valider, networks: [linkedin], at: 2027-03-10 09:00, text: Notre nouvel atelier,"
             " status: à valider}\n")
    calendar.write_text(calendar.read_text(encoding="utf-8") + entry, encoding="utf-8")
    said = run_edcal("check", cwd=site)  # the French word is understood, and the field's value given
    assert said.returncode == 2 and "found 'à valider', expected one of: draft, review, scheduled\n    hint: did " \
        "you mean 'review'?" in said.stderr, said.stderr
    # Approved, it is scheduled: "approved" and "validé" got no hint.
    for word in ("approved", "validé"):
        calendar.write_text(calendar.read_text(encoding="utf-8").replace("status: à valider", f"status: {word}")
                            .replace("status: approved", f"status: {word}"), encoding="utf-8")
        said = run_edcal("check", cwd=site)
        assert said.returncode == 2 and f"found '{word}', expected one of: draft, review, scheduled\n    hint: " \
            "did you mean 'scheduled'?" in said.stderr, said.stderr
    calendar.write_text(calendar.read_text(encoding="utf-8").replace("status: validé", "status: à valider"),
                        encoding="utf-8")
    calendar.write_text(calendar.read_text(encoding="utf-8").replace("status: à valider", "status: review"),
                        encoding="utf-8")
    built = run_edcal("build", cwd=site)
    assert built.returncode == 0, built.stdout + built.stderr
    # The build says so: a scheduler's file would otherwise seem to have lost a post.
    assert "  1 post to come awaiting approval (status: review): not in planning/exports/ until approved\n" \
        in built.stdout + built.stderr, built.stdout + built.stderr
    plan = json.loads((site / "planning" / "plan.json").read_text(encoding="utf-8"))
    (item,) = [i for i in plan["items"] if i["id"] == "a-valider-linkedin"]
    assert item["status"] == "review"
    hootsuite = "".join(p.read_text(encoding="utf-8") for p in (site / "planning").rglob("hootsuite*.csv"))
    assert "Notre nouvel atelier" not in hootsuite and hootsuite
    page = (site / "planning" / "drafts" / "2027-03.html").read_text(encoding="utf-8")
    card = page[page.index('id="a-valider-linkedin"'):].replace("\u00a0", " ")
    assert "À valider : son entrée indique <code>status: review</code> (<code>calendar.yaml:" in card[:4000], card[:4000]
    import icalendar

    feed = icalendar.Calendar.from_ical((site / "planning" / "calendar.ics").read_bytes())
    summaries = [str(e["SUMMARY"]) for e in feed.walk("VEVENT") if "Notre nouvel atelier" in str(e["SUMMARY"])]
    assert summaries == ["[LinkedIn] Notre nouvel atelier (à valider)"]
    # The day before it goes out, still awaiting approval: told.
    late = run_edcal("check", "--format", "json", "--only", "post-not-ready", cwd=site,
                     env={"EDCAL_NOW": "2027-03-09T10:00"})
    assert [f["item"] for f in json.loads(late.stdout)["findings"]] == ["a-valider-linkedin"]


def test_a_later_since_does_not_move_now() -> None:
    """`--since` chooses the window checked; what is late or soon is still measured from now."""
    calendar = calendar_from(PARIS_CALENDAR + "ideas:\n  - {title: Portrait, status: writing, draft_due: 2027-01-20}\n")
    review = article("a", "2027-02-10T09:00", calendar, status="review")
    plan = plan_of(calendar, [review], now=NOW)
    later = dt.datetime(2027, 2, 9, tzinfo=ZoneInfo("Europe/Paris"))
    assert not run_checks(plan, since=later, only=["idea-overdue", "review-too-late"])
    # From now on, nothing either: the draft is due in two weeks, the article a month away.
    assert not run_checks(plan, only=["idea-overdue", "review-too-late"])
    # Once the due date is past, now, the idea is late; and the article two days before its date.
    plan = plan_of(calendar, [review], now="2027-02-08T10:00:00+01:00")
    assert {f.rule for f in run_checks(plan, only=["idea-overdue", "review-too-late"])} == {
        "idea-overdue", "review-too-late"}


def test_past_items_are_not_nagged() -> None:
    line = "{id: a, at: 2027-01-01 09:00, networks: [x], text: '%s'}" % ("é" * 300)
    assert not findings("text-too-long", posts(line))
    assert findings("text-too-long", posts(line), now="2026-12-31T00:00:00+01:00")


def test_a_silenced_rule_needs_a_reason_and_is_silent() -> None:
    lines = ["{id: a, at: 2027-01-12 09:00, networks: [x], text: Même}",
             "{id: b, at: 2027-01-20 09:00, networks: [x], text: Même, silence: {duplicate-text: Rappel voulu}}"]
    assert not findings("duplicate-text", posts(*lines))
    with pytest.raises(InputErrors, match="silencing 'duplicate-text' needs a reason"):
        findings("duplicate-text", posts(lines[0], lines[1].replace("Rappel voulu", "''")))
    with pytest.raises(InputErrors, match="unknown check 'duplicate-txt' in `silence:`"):
        findings("duplicate-text", posts(lines[0], lines[1].replace("duplicate-text", "duplicate-txt")))


def test_only_takes_rules_run_together_as_other_linters_do(site: Path) -> None:
    """A manager's trial wrote `--only cadence-gap,self-promotion,objective-missed` and read that the check
    'cadence-gap,self-promotion,objective-missed' is unknown: commas separate rules, as in `ruff --select`; a
    misspelt one among them is told alone, with its suggestion."""
    together = run_edcal("check", "--format", "json", "--only", "article-link, post-in-freeze", cwd=site)
    apart = run_edcal("check", "--format", "json", "--only", "article-link", "--only", "post-in-freeze", cwd=site)
    assert together.returncode == apart.returncode and together.stdout == apart.stdout, together.stderr
    assert {finding["rule"] for finding in json.loads(together.stdout)["findings"]} == {"post-in-freeze"}
    wrong = run_edcal("check", "--only", "article-link,post-in-freze", cwd=site)
    assert wrong.returncode == 2
    assert "--only: error: unknown check 'post-in-freze'" in wrong.stderr, wrong.stderr
    assert "post-in-freeze" in wrong.stderr.split("unknown check")[1]
    # An empty list (a script's `--only "$RULES"` with nothing in it) is no rule, not every rule.
    for empty in ("", ","):
        nothing = run_edcal("check", "--only", empty, cwd=site)
        assert nothing.returncode == 2 and "--only: error: --only names no rule" in nothing.stderr, nothing.stderr


def test_checks_settings_are_validated() -> None:
    with pytest.raises(InputErrors) as caught:
        calendar_from(PARIS_CALENDAR + "checks:\n  public-holidays: off\n  duplicate-text: {windw: 3 days}\n"
                      "  outside-slots: loud\n")
    messages = [e.format() for e in caught.value.errors]
    assert "unknown check 'public-holidays'" in messages[0] and "did you mean 'public-holiday'?" in messages[0]
    assert "unknown setting 'windw' for check 'duplicate-text'" in messages[1]
    assert "found 'loud', expected error, warning or off" in messages[2]


def test_a_rule_turned_off_or_made_an_error() -> None:
    line = posts("{id: a, at: 2027-01-12 17:00, networks: [linkedin], text: Hi}")
    assert not findings("outside-slots", line, extra="checks: {outside-slots: off}\n")
    assert findings("outside-slots", line, extra="checks: {outside-slots: error}\n")[0].severity == "error"


# -- the command line, on a site ------------------------------------------------

SITE_POSTS = """
  - id: teaser
    networks: [linkedin]
    at: 2027-03-20 09:00
    article: futur
    text: Bientôt !
  - id: trop-long
    networks: [x]
    at: 2027-03-01 09:00
    text: {long}
"""


@pytest.fixture
def broken_site(site: Path) -> Path:
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8") + SITE_POSTS.format(long="é" * 300), encoding="utf-8")
    return site


def line_of(site: Path, needle: str) -> int:
    return next(n for n, line in enumerate((site / "calendar.yaml").read_text(encoding="utf-8").splitlines(), 1)
                if needle in line)


def test_the_two_errors_of_the_issue_are_located(broken_site: Path) -> None:
    result = CliRunner().invoke(cli, ["check", "--site", str(broken_site), "--format", "json"])
    assert result.exit_code == 1
    found = {(f["rule"], f["item"]): f for f in json.loads(result.output)["findings"]}
    before = found[("post-before-article", "teaser-linkedin")]
    # It points at what to change: the entry's `article:` line.
    assert (before["severity"], before["file"], before["line"]) == ("error", "calendar.yaml", line_of(broken_site, "    article: futur"))
    long = found[("text-too-long", "trop-long-x")]
    # And at the text to shorten: the entry's `text:` line.
    assert (long["severity"], long["line"]) == ("error", line_of(broken_site, "id: trop-long") + 3)
    assert long["column"] == 11
    assert "is 300 long, over the limit of 280 by 20" in long["message"]


def test_the_three_formats_agree(broken_site: Path) -> None:
    runner = CliRunner()
    text = runner.invoke(cli, ["check", "--site", str(broken_site)])
    data = runner.invoke(cli, ["check", "--site", str(broken_site), "--format", "json"])
    github = runner.invoke(cli, ["check", "--site", str(broken_site), "--format", "github"])
    assert text.exit_code == data.exit_code == github.exit_code == 1
    document = json.loads(data.output)
    # Written by hand for speed: byte for byte what json.dumps would write.
    assert data.output == json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    keys = [(f["file"], f["line"], f["column"], f["severity"], f["rule"]) for f in document["findings"]]
    text_keys = []
    listing, _, counts = text.output.partition("\nby rule:\n")
    for line in listing.splitlines():
        if line and not line.startswith((" ", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9")):
            location, severity, rest = line.split(": ", 2)
            path, row, col = location.rsplit(":", 2)
            text_keys.append((path, int(row), int(col), severity, rest.rsplit("[", 1)[1].rstrip("]")))
    github_keys = []
    for line in github.output.splitlines():
        if line.startswith(("::error", "::warning")):
            head = line[2:].split("::", 1)[0]
            severity, props = head.split(" ", 1)
            values = dict(p.split("=", 1) for p in props.split(","))
            github_keys.append((values["file"], int(values["line"]), int(values["col"]), severity, values["title"]))
    assert keys == text_keys and sorted(github_keys) == sorted(keys)
    # GitHub shows 10 annotations of each kind per step: the errors come first there.
    severities = [key[3] for key in github_keys]
    assert severities == sorted(severities, key=lambda s: s != "error") and "error" in severities
    summary = document["summary"]
    assert text.output.rstrip().endswith(f"{summary['errors']} errors, {summary['warnings']} warnings")
    # The counts by rule, in text and JSON, are the findings' own; errors first, then the most found.
    found: dict[str, list[int]] = {}
    for key in keys:
        found.setdefault(key[4], [0, 0])[key[3] != "error"] += 1
    assert {rule: [n["errors"], n["warnings"]] for rule, n in summary["rules"].items()} == found
    assert len(found) >= 2
    rows = [line.split() for line in counts.splitlines()[:-1]]
    assert [row[0] for row in rows] == list(summary["rules"])
    assert [row[0] for row in rows] == sorted(found, key=lambda rule: (-found[rule][0], -found[rule][1], rule))
    for row in rows:
        errors, warnings = found[row[0]]
        said = " ".join(row[1:])
        assert said == ", ".join(([f"{errors} error" + "s" * (errors > 1)] if errors else [])
                                 + ([f"{warnings} warning" + "s" * (warnings > 1)] if warnings else [])), said
    assert "by rule:" in github.output.splitlines()[-1].replace("%0A", "\n")


def test_summary_gives_the_counts_by_rule_and_what_each_rule_is_without_the_findings(broken_site: Path) -> None:
    """On a plan of 3,000 articles and 15,000 posts, `edcal check` printed 3,196 lines (6,877 findings, 14,000
    lines on a busier plan) before its counts by rule, which named rules such as `outside-slots` without
    saying what they find. `--summary` prints the counts alone, each rule with its title, and how to see
    one rule's findings; the exit code is the same."""
    runner = CliRunner()
    full = runner.invoke(cli, ["check", "--site", str(broken_site)])
    summary = runner.invoke(cli, ["check", "--site", str(broken_site), "--summary"])
    assert summary.exit_code == full.exit_code == 1
    lines = summary.output.splitlines()
    assert lines[0] == "by rule:" and "calendar.yaml:" not in summary.output and "hint:" not in summary.output
    rows = lines[1:lines.index("")]
    full_rows = full.output.partition("\nby rule:\n")[2].splitlines()[:-1]
    assert [row.split()[0] for row in rows] == [row.split()[0] for row in full_rows]  # errors first, then the most
    rules = all_rules()
    for row, full_row in zip(rows, full_rows, strict=True):
        assert row.startswith(full_row.rstrip() + " ") and row.endswith(rules[row.split()[0]].title), row
    assert lines[-2:] == [full.output.rstrip().splitlines()[-1],
                          "`edcal check --only RULE` lists the findings of one rule"]
    # In the site's language too, and only for people: a script reads the JSON's summary.
    french = runner.invoke(cli, ["check", "--site", str(broken_site), "--summary"], env={"EDCAL_LANG": "fr"})
    assert "Le texte d'une publication est plus long que son réseau ne l'accepte" in french.output
    assert french.output.splitlines()[-1] == "`edcal check --only RÈGLE` liste les constats d'une règle"
    # One rule's: its own command; none: no command to list nothing (it was told to run --only RULE still).
    one = rows[-1].split()[0]
    alone = runner.invoke(cli, ["check", "--site", str(broken_site), "--summary", "--only", one],
                          env={"EDCAL_LANG": "fr"})
    assert alone.output.splitlines()[-1] == f"`edcal check --only {one}` liste ses constats"
    unfound = next(rule for rule in sorted(rules) if rule not in summary.output)
    nothing = runner.invoke(cli, ["check", "--site", str(broken_site), "--summary", "--only", unfound])
    assert nothing.output == "0 errors, 0 warnings\n", nothing.output
    as_json = runner.invoke(cli, ["check", "--site", str(broken_site), "--summary", "--format", "json"])
    assert as_json.exit_code == 2 and "--summary is for the text format" in as_json.output
    as_json = runner.invoke(cli, ["check", "--site", str(broken_site), "--summary", "--format", "json"],
                            env={"EDCAL_LANG": "fr"})
    assert "--summary ne s'emploie qu'avec le format text\u00a0: en JSON, `summary` donne déjà les nombres par " \
           "règle" in as_json.output


def test_annotations_name_files_from_the_repositorys_root(broken_site: Path, monkeypatch) -> None:
    """GitHub reads `file=` from the repository's root: a site in a folder of it needs that folder."""
    runner = CliRunner()
    monkeypatch.setenv("GITHUB_WORKSPACE", str(broken_site.parent))
    github = runner.invoke(cli, ["check", "--site", str(broken_site), "--format", "github"])
    files = {line.split("file=", 1)[1].split(",", 1)[0] for line in github.output.splitlines() if "file=" in line}
    assert files and all(path.startswith(f"{broken_site.name}/") for path in files), files
    monkeypatch.setenv("GITHUB_WORKSPACE", str(broken_site))  # the site is the repository
    github = runner.invoke(cli, ["check", "--site", str(broken_site), "--format", "github"])
    assert "file=calendar.yaml," in github.output


def test_annotations_name_files_from_the_root_of_a_repository_checked_out_into_a_folder(
        broken_site: Path, tmp_path: Path) -> None:
    """`actions/checkout` with `path: checkout`: the repository's root is that folder, not the workspace."""
    workspace = tmp_path / "workspace"
    blog = workspace / "checkout" / "blog"
    shutil.copytree(broken_site, blog)
    subprocess.run(["git", "init", "-q", str(workspace / "checkout")], check=True)
    for cwd in (workspace, blog / "content"):
        github = run_edcal("check", "--site", str(blog), "--format", "github", cwd=cwd,
                           env={"GITHUB_WORKSPACE": str(workspace)})
        files = {line.split("file=", 1)[1].split(",", 1)[0] for line in github.stdout.splitlines()
                 if "file=" in line}
        assert "blog/calendar.yaml" in files and all(path.startswith("blog/") for path in files), files
    outside = run_edcal("check", "--site", str(blog), "--format", "github", cwd=tmp_path, env={"GITHUB_WORKSPACE": ""})
    assert "file=blog/calendar.yaml," in outside.stdout, outside.stdout  # not workspace/checkout/blog/…


def test_json_report_is_json_dumps_for_any_text() -> None:
    from edcal.checks.report import as_json
    from edcal.model.source import Source

    assert json.loads(as_json([])) == {"findings": [], "summary": {"errors": 0, "warnings": 0, "exit_code": 0,
                                                                  "rules": {}}}
    tricky = 'é «\u00a0q\u00a0» "q" \\ \n\t\r\u2028 😀 \x00\x1f'
    finding = Finding("text-too-long", "error", tricky, Source("a\"b.yaml", 3, 7), None, tricky)
    period = Finding("cadence-gap", "warning", "m", Source("calendar.yaml", 1), None, None, "",
                     (("network", None), ("first_day", "2027-01-04"), ("found", 0), ("per", tricky)))
    for findings in ([finding], [finding, finding], [period, finding]):
        output = as_json(findings, strict=True)
        document = json.loads(output)
        assert output == json.dumps(document, ensure_ascii=False, indent=2) + "\n"
        assert document["findings"][-1]["message"] == tricky and document["findings"][-1]["item"] is None


def test_findings_about_a_period_carry_it_as_data_in_json(broken_site: Path) -> None:
    """A dashboard reads the period and the figures, not the message (in the site's language)."""
    calendar = broken_site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace("blog:\n", "blog:\n  cadence: 2/week\n", 1),
                        encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--site", str(broken_site), "--format", "json", "--only", "cadence-gap",
                                      "--until", "2027-03-01"])
    blog = [f for f in json.loads(result.output)["findings"] if f["data"]["network"] is None]
    assert blog, result.output
    first = blog[0]["data"]
    assert set(first) == {"network", "campaign", "first_day", "last_day", "found", "target", "per"}
    assert (first["target"], first["per"]) == (2, "week") and first["found"] < 2
    assert dt.date.fromisoformat(first["last_day"]) - dt.date.fromisoformat(first["first_day"]) == dt.timedelta(days=6)
    assert first["first_day"] in blog[0]["message"]
    others = CliRunner().invoke(cli, ["check", "--site", str(broken_site), "--format", "json", "--only", "text-too-long"])
    assert all(f["data"] is None for f in json.loads(others.output)["findings"])


def test_self_promotion_and_too_many_per_day_data() -> None:
    lines = [f"{{id: p{n}, at: 2027-02-1{n} 09:00, networks: [x], text: Achetez {n}, promotional: true}}" for n in range(6)]
    [found] = findings("self-promotion", posts(*lines))
    assert dict(found.data) == {"network": "x", "month": "2027-02", "promotional": 6, "total": 6, "share": 100,
                                "ceiling": 20}
    same_day = [f"{{id: j{n}, at: 2027-02-16 1{n}:00, networks: [x], text: Jour {n}}}" for n in range(3)]
    calendar = calendar_from(PARIS_CALENDAR.replace("  x: {}\n", "  x: {max_per_day: 2}\n") + posts(*same_day))
    [found] = run_checks(plan_of(calendar, now=NOW), only=["too-many-per-day"])
    assert dict(found.data) == {"network": "x", "day": "2027-02-16", "found": 3, "maximum": 2}


def test_strict_only_since_until(broken_site: Path) -> None:
    runner = CliRunner()
    only = runner.invoke(cli, ["check", "--site", str(broken_site), "--only", "text-too-long", "--format", "json"])
    assert {f["rule"] for f in json.loads(only.output)["findings"]} == {"text-too-long"}
    early = runner.invoke(cli, ["check", "--site", str(broken_site), "--until", "2027-03-10", "--format", "json"])
    assert {f["item"] for f in json.loads(early.output)["findings"] if f["severity"] == "error"} == {"trop-long-x"}
    strict = runner.invoke(cli, ["check", "--site", str(broken_site), "--only", "post-in-freeze", "--strict"])
    assert strict.exit_code == 1 and "post 'gel-bluesky' (2027-04-01 10:00) is withheld by a freeze until" in strict.output
    bad = runner.invoke(cli, ["check", "--site", str(broken_site), "--only", "text-too-lng"])
    assert bad.exit_code == 2 and "did you mean 'text-too-long'?" in bad.output


def test_input_errors_in_json_and_github_formats(site: Path) -> None:
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace("[linkedin, mastodon]", "[linkdin, mastodon]"),
                        encoding="utf-8")
    runner = CliRunner()
    data = runner.invoke(cli, ["check", "--site", str(site), "--format", "json"])
    assert data.exit_code == 2
    assert json.loads(data.output)["findings"][0]["rule"] == "invalid-input"
    github = runner.invoke(cli, ["check", "--site", str(site), "--format", "github"])
    assert github.exit_code == 2 and github.output.startswith("::error file=calendar.yaml,line=22,col=16,title=invalid-input::")


def test_an_option_in_error_is_named_and_not_taken_for_a_file(site: Path) -> None:
    runner = CliRunner()
    args = ["check", "--site", str(site), "--since", "12/01/2027"]
    text = runner.invoke(cli, args)
    assert text.exit_code == 2 and text.output.startswith("--since: error: found '12/01/2027', expected an ISO 8601")
    assert "nothing was written" not in text.output  # check writes nothing anyway
    assert "hint: dates are written year first: 2027-01-12" in text.output
    finding = json.loads(runner.invoke(cli, [*args, "--format", "json"]).output)["findings"][0]
    assert finding["file"] is None and finding["line"] is None and finding["message"].startswith("--since: found")
    github = runner.invoke(cli, [*args, "--format", "github"])
    assert github.exit_code == 2 and github.output.startswith("::error title=invalid-input::--since: found")


def test_build_stops_on_errors_unless_no_check(broken_site: Path) -> None:
    from conftest import run_edcal

    result = run_edcal("build", cwd=broken_site)
    assert result.returncode == 1
    assert "[text-too-long]" in result.stderr and "nothing was written" in result.stderr
    assert not (broken_site / "output").exists() and not (broken_site / "planning").exists()
    forced = run_edcal("build", "--no-check", cwd=broken_site)
    assert forced.returncode == 0, forced.stderr
    assert (broken_site / "planning" / "plan.json").is_file()
    # Its summary calls the errors errors: it called every finding a warning.
    checked = json.loads(run_edcal("check", "--format", "json", cwd=broken_site).stdout)["summary"]
    assert checked["errors"] >= 1
    said = [line for line in forced.stdout.splitlines() if line.startswith("checks:")]
    assert said == [f"checks: {checked['errors']} error{'s' * (checked['errors'] > 1)}, {checked['warnings']} "
                    f"warning{'s' * (checked['warnings'] != 1)}, built all the same (--no-check): `edcal check` "
                    "lists them"], forced.stdout


def test_the_setting_edcal_check_false_lets_edcal_build_through_as_it_does_pelican(broken_site: Path) -> None:
    """settings.md's EDCAL_CHECK = False: `edcal build` overwrote it with its own --check default."""
    from conftest import run_edcal

    write_pelicanconf(broken_site, "EDCAL_CHECK = False\n")
    result = run_edcal("build", cwd=broken_site)
    assert result.returncode == 0, result.stderr
    assert (broken_site / "planning" / "plan.json").is_file() and (broken_site / "output" / "index.html").is_file()
    # Its summary names the setting that let the errors through, not an option nobody typed.
    [said] = [line for line in result.stdout.splitlines() if line.startswith("checks:")]
    assert "built all the same (EDCAL_CHECK = False):" in said and "--no-check" not in said, said


def test_a_link_to_a_page_of_the_site_is_not_an_unknown_article(site: Path) -> None:
    (site / "content" / "pages" / "a-propos.md").write_text("---\ntitle: À propos\n---\nNous.\n", encoding="utf-8")
    calendar = site / "calendar.yaml"
    write_pelicanconf(site, 'PAGE_URL = "pages/{slug}/"\nPAGE_SAVE_AS = "pages/{slug}/index.html"\n')
    calendar.write_text(calendar.read_text(encoding="utf-8") + (
        "  - {id: page, networks: [x], at: 2027-03-01 09:00, text: Qui sommes-nous, link: /pages/a-propos/}\n"
        "  - {id: perdu, networks: [x], at: 2027-03-01 10:00, text: Perdu, link: /2026/nulle-part/}\n"),
        encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--format", "json", "--only", "unknown-article-link"])
    items = {f["item"] for f in json.loads(result.output)["findings"]}
    assert items == {"perdu-x"}


def test_article_files_pelican_would_skip_are_errors(site: Path) -> None:
    """`nouveau.MD`, `nouveau.md.txt`, `nouveau.txt` or no extension: the article was missing from blog and plan,
    silently. A text file that does not start with a header is left alone."""
    articles = site / "content" / "articles"
    text = (articles / "publie.md").read_text(encoding="utf-8")
    for name in ("majuscules.MD", "telecharge.md.txt", "sans-extension", "soudure-tig.txt"):
        (articles / name).write_text(text, encoding="utf-8")
    (articles / "notes.txt").write_text("Des notes, pas un article.\n", encoding="utf-8")
    (articles / "archives").mkdir()  # excluded, as Pelican excludes it: not judged
    (articles / "archives" / "vieux.MD").write_text(text, encoding="utf-8")
    write_pelicanconf(site, 'ARTICLE_EXCLUDES = ["articles/archives"]\n')
    checked = run_edcal("check", "--format", "json", cwd=site)
    assert checked.returncode == 2
    assert [(e["file"], e["message"].split(": ")[-1], e["hint"]) for e in json.loads(checked.stdout)["findings"]] == [
        ("content/articles/majuscules.MD", "articles and pages are files named *.md", "rename it majuscules.md"),
        ("content/articles/sans-extension", "articles and pages are files named *.md", "rename it sans-extension.md"),
        ("content/articles/soudure-tig.txt", "articles and pages are files named *.md", "rename it soudure-tig.md"),
        ("content/articles/telecharge.md.txt", "articles and pages are files named *.md", "rename it telecharge.md")]


def test_an_article_pelican_import_wrote_in_rst_is_told_to_import_again_in_markdown(site: Path) -> None:
    """pelican-import writes reStructuredText unless told `-m markdown`: each of a WordPress blog's 200 articles
    was told "write it in Markdown", as if by hand, where running the import again does it."""
    articles = site / "content" / "articles"
    (articles / "escalier-chene.rst").write_text(
        "Un escalier en chêne\n####################\n:date: 2024-05-14 09:30\n:author: sophie\n"
        ":category: Chantiers\n:slug: escalier-chene\n:status: published\n\nLe chantier est terminé.\n",
        encoding="utf-8")
    (articles / "notes.rst").write_text("Notes\n=====\n\n:date: 2024-05-14\n\nTexte.\n", encoding="utf-8")
    checked = run_edcal("check", "--format", "json", cwd=site)
    assert checked.returncode == 2
    assert [(e["file"], e["line"], e["hint"]) for e in json.loads(checked.stdout)["findings"]] == [
        ("content/articles/escalier-chene.rst", 1, "pelican-import wrote it in reStructuredText, its default: run it "
         "again with -m markdown, then delete the .rst files"),
        ("content/articles/notes.rst", 1, "write it in Markdown as notes.md")]


def test_an_article_left_at_the_top_of_content_is_an_error(site: Path) -> None:
    """`content/nouvel-article.md` beside `content/articles/` (where a web editor puts a new file):
    Pelican read none of it, and the article was missing from the blog and the plan without a word.
    A README without a header, and a sub-folder kept out of the build, are left alone."""
    content = site / "content"
    (content / "nouvel-article.md").write_text((content / "articles" / "publie.md").read_text(encoding="utf-8"),
                                               encoding="utf-8")
    (content / "README.md").write_text("# Le contenu du blog\n", encoding="utf-8")
    (content / "vieux").mkdir()
    (content / "vieux" / "ancien.md").write_text("Title: Ancien\nDate: 2019-01-01\n\nTexte.\n", encoding="utf-8")
    checked = run_edcal("check", "--format", "json", cwd=site)
    assert checked.returncode == 2, checked.stdout
    assert [(e["file"], e["line"], e["message"], e["hint"]) for e in json.loads(checked.stdout)["findings"]] == [
        ("content/nouvel-article.md", 1, "found content/nouvel-article.md, which is not read: it is outside the "
         "article and page folders", "move it to content/articles/ (an article) or to content/pages/ (a page)")]
    (content / "nouvel-article.md").rename(content / "articles" / "nouvel-article.md")
    assert run_edcal("check", "-q", cwd=site).returncode in (0, 1)


def test_an_article_whose_address_repeats_its_date_is_told_the_slug_to_write(site: Path) -> None:
    """Decap CMS names a new article `2027-03-01-portes-ouvertes.md`: its address was
    /2027/2027-03-01-portes-ouvertes/, its date twice, and its promotions' campaign tag too. One online
    already keeps its address, and a `slug:` written so is meant."""
    articles = site / "content" / "articles"
    header = "---\ntitle: Portes ouvertes\ndate: {date}\n{slug}---\nTexte.\n"
    (articles / "2027-03-01-portes-ouvertes.md").write_text(header.format(date="2027-03-01T08:00:00.000Z", slug=""),
                                                            encoding="utf-8")
    (articles / "2027-03-02-brouillon.md").write_text(
        header.format(date="2027-03-02", slug="status: draft\n"), encoding="utf-8")
    (articles / "2026-01-05-ancien.md").write_text(header.format(date="2026-01-05", slug=""), encoding="utf-8")
    (articles / "2027-03-03-voulu.md").write_text(header.format(date="2027-03-03", slug="slug: 2027-03-03-voulu\n"),
                                                  encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--format", "json", "--only", "dated-slug"])
    assert [(f["file"], f["line"], f["message"], f["hint"]) for f in json.loads(result.output)["findings"]] == [
        ("content/articles/2027-03-01-portes-ouvertes.md", 2, "the address of article '2027-03-01-portes-ouvertes' "
         "repeats the date of its file's name: https://blog.example.fr/2027/2027-03-01-portes-ouvertes/",
         "write `slug: portes-ouvertes` in its header; and have your web editor name files without the date "
         "(Decap CMS: the collection's `slug:` in its config.yml)"),
        ("content/articles/2027-03-02-brouillon.md", 2, "the address of article '2027-03-02-brouillon' repeats the "
         "date of its file's name: https://blog.example.fr/2027/2027-03-02-brouillon/",
         "write `slug: brouillon` in its header; and have your web editor name files without the date "
         "(Decap CMS: the collection's `slug:` in its config.yml)")]
    assert result.exit_code == 0, result.output


def test_a_title_between_guillemets_is_told_the_title_to_write(site: Path) -> None:
    """`Title: « Les portes ouvertes »`, as a writer quotes a title in a mail: the blog showed the guillemets
    around the title on its page, its lists and its feeds, and its posts opened with them, without a word
    (typographic quotes “…” are an error at reading). Guillemets inside the title are meant, and so are those
    of a title that is a quotation, silenced so."""
    articles = site / "content" / "articles"
    (articles / "portes.md").write_text("Title: «\u00a0Les portes ouvertes de l'atelier\u00a0»\nDate: 2027-03-01\n"
                                        "\nTexte.\n", encoding="utf-8")
    (articles / "zero.md").write_text("---\ntitle: \"« Zéro déchet » : l'atelier « propre »\"\ndate: 2027-03-02\n---\n"
                                      "Texte.\n", encoding="utf-8")
    (articles / "citation.md").write_text("---\ntitle: « Le métal, c'est vivant »\ndate: 2027-03-03\n"
                                          "silence: {quoted-title: Une citation de Julien}\n---\nTexte.\n",
                                          encoding="utf-8")
    (articles / "yaml.md").write_text('---\ntitle: "« Rampe : acier ou inox ? »"\ndate: 2027-03-04\n---\nTexte.\n',
                                      encoding="utf-8")
    checked = run_edcal("check", "--format", "json", "--only", "quoted-title", cwd=site)
    assert [(f["file"], f["line"], f["column"], f["severity"], f["message"], f["hint"])
            for f in json.loads(checked.stdout)["findings"]] == [
        ("content/articles/portes.md", 1, 8, "warning", "the title of article 'portes' is between guillemets, "
         "«\u00a0Les portes ouvertes de l'atelier\u00a0»: the blog shows them around it, on its page, in its lists "
         "and feeds, and its posts open with them", "write the title without them, Les portes ouvertes de "
         "l'atelier (a post that quotes it adds its own); a title that is a quotation keeps them with silence: "
         "{quoted-title: \"…\"} in its header"),
        ("content/articles/yaml.md", 2, 8, "warning", "the title of article 'yaml' is between guillemets, "
         "« Rampe : acier ou inox ? »: the blog shows them around it, on its page, in its lists and feeds, and "
         "its posts open with them", "write the title without them, Rampe : acier ou inox ? (a post that "
         "quotes it adds its own); a title that is a quotation keeps them with silence: {quoted-title: \"…\"} "
         "in its header")]
    assert checked.returncode == 0, checked.stdout


@pytest.mark.parametrize("title", ["«\u00a0»", "«»"])
def test_a_title_of_guillemets_alone_is_told_to_write_one(site: Path, title: str) -> None:
    """`Title: « »`, a template's title left unwritten: quoted-title's hint said "write the title without them, "
    and nothing after, and `Title: «»` was not told at all; the blog showed the guillemets as the title."""
    (site / "content" / "articles" / "vide.md").write_text(f"Title: {title}\nDate: 2027-03-01\n\nTexte.\n",
                                                          encoding="utf-8")
    checked = run_edcal("check", "--format", "json", "--only", "quoted-title", cwd=site)
    assert [(f["file"], f["line"], f["hint"]) for f in json.loads(checked.stdout)["findings"]] == [
        ("content/articles/vide.md", 1, "write the article's title in place of the guillemets: there is none "
         "between them")]
    french = run_edcal("check", "--only", "quoted-title", cwd=site, env={"EDCAL_LANG": "fr"})
    assert "écrivez le titre de l'article à la place des guillemets\u00a0: il n'y en a pas entre eux" in french.stdout, \
        french.stdout


def test_an_article_dated_before_the_web_is_told_and_not_promoted_by_default(site: Path) -> None:
    """An article imported with a placeholder date (1900-01-01, a CMS's "no date") got the blog's default
    promotions on LinkedIn and X in 1900, on a network without `since:`: shown gone out on the report and in
    the feeds, and not a word from the check. An explicit `promote:` entry still plans what it asks."""
    articles = site / "content" / "articles"
    (articles / "importe.md").write_text("Title: Un article importé\nDate: 1900-01-01 00:00\n\nTexte.\n",
                                         encoding="utf-8")
    (articles / "epoque.md").write_text("---\ntitle: Une date Unix\ndate: 1970-01-01\n"
                                        "silence: {implausible-date: Archive de la lettre de 1970}\n---\nTexte.\n",
                                        encoding="utf-8")
    (articles / "ancien.md").write_text("---\ntitle: Ancien\ndate: 1991-01-01\n---\nTexte.\n", encoding="utf-8")
    checked = run_edcal("check", "--format", "json", "--only", "implausible-date", cwd=site)
    assert [(f["file"], f["line"], f["severity"], f["message"], f["hint"])
            for f in json.loads(checked.stdout)["findings"]] == [
        ("content/articles/importe.md", 2, "warning", "article 'importe' is dated 1900-01-01, before the web "
         "(1991): a date mistyped, or one an import writes for none; the blog lists it so, and its default "
         "promotions are not planned", "write the day it went online as its date, or, for an archive's true "
         "date, silence: {implausible-date: \"…\"} in its header")]
    assert checked.returncode == 0, checked.stdout
    assert run_edcal("build", "-q", cwd=site).returncode == 0
    ids = [item["id"] for item in json.loads((site / "planning" / "plan.json").read_text(encoding="utf-8"))["items"]]
    assert "article-importe" in ids and "article-epoque" in ids
    assert not [i for i in ids if i.startswith(("importe-", "epoque-"))]
    assert {"ancien-linkedin-0", "ancien-x-0"} <= set(ids)
    assert "1900" not in (site / "planning" / "calendars" / "linkedin.ics").read_text(encoding="utf-8")


def test_an_article_dated_before_the_web_is_told_in_french_as_its_neighbours_are(site: Path) -> None:
    """The French message gave the date as English writes it, "daté du 1900-01-01", where its neighbours say
    "le 01/01/1900", and called the blog's promotions "annonces", a word they do not use."""
    (site / "content" / "articles" / "importe.md").write_text("Title: Un article importé\nDate: 1900-01-01 00:00\n\n"
                                                             "Texte.\n", encoding="utf-8")
    french = run_edcal("check", "--only", "implausible-date", cwd=site, env={"EDCAL_LANG": "fr"})
    assert "l'article 'importe' est daté du 01/01/1900, avant le web (1991)\u00a0: une date mal tapée, ou celle " \
           "qu'écrit un import quand il n'en a pas\u00a0; le blog le range à cette date, et ne le promeut pas par " \
           "défaut" in french.stdout, french.stdout


@pytest.mark.parametrize("folder", ["posts", "blog/posts", "_posts"])
def test_an_article_in_another_tools_posts_folder_is_an_error(site: Path, folder: str) -> None:
    """Decap CMS set up as for Hugo saves a new article in `content/posts/`: Pelican read none of it, and the
    article was missing from the blog and the plan without a word (a folder of another name, `vieux/`, is
    left alone: a folder kept out of the build may be meant)."""
    content = site / "content"
    (content / folder).mkdir(parents=True)
    (content / folder / "portes-ouvertes.md").write_text(
        "---\ntitle: Portes ouvertes\ndate: 2027-02-01T08:00:00.000Z\n---\nTexte.\n", encoding="utf-8")
    checked = run_edcal("check", "--format", "json", cwd=site)
    assert checked.returncode == 2, checked.stdout
    assert [(e["file"], e["line"], e["message"], e["hint"]) for e in json.loads(checked.stdout)["findings"]] == [
        (f"content/{folder}/portes-ouvertes.md", 1, f"found content/{folder}/portes-ouvertes.md, which is not "
         f"read: content/{folder}/ is outside the article and page folders", "move it to content/articles/ (an "
         "article) or to content/pages/ (a page); and set your web editor to save articles there (Decap CMS: "
         "`folder:` in its config.yml)")]


#: A site's own plugin that changes every article's slug, as some plugins do.
SLUG_PLUGIN = """\
from pelican import signals


def _prefix(content):
    if type(content).__name__ == "Article" and not content.slug.startswith("blog-"):
        content.slug = "blog-" + content.slug


def register():
    signals.content_object_init.connect(_prefix)
"""


def test_check_agenda_and_build_see_the_slugs_another_plugin_gives(site: Path) -> None:
    add_site_plugin(site, "prefixe", SLUG_PLUGIN)
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace("promote: futur", "promote: blog-futur"),
                        encoding="utf-8")
    # In a subprocess: the plugin's handler must not stay connected in this test process.
    checked = run_edcal("check", "--format", "json", "--only", "unknown-article-link", cwd=site)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert json.loads(checked.stdout)["findings"] == []
    agenda = run_edcal("agenda", "--days", "60", cwd=site)  # it stopped on 'unknown article slug'
    assert agenda.returncode == 0, agenda.stderr
    built = run_edcal("build", "-q", cwd=site)
    assert built.returncode == 0, built.stderr
    assert "blog-futur-linkedin-0" in {item["id"] for item in load_plan(site)["items"]}


def test_overlapping_freezes_count_once_for_the_cadence() -> None:
    calendar_text = PARIS_CALENDAR.replace("  x: {}\n", "  x: {cadence: 1/week}\n")
    window = "  - {from: 2027-01-05, until: 2027-01-06, reason: Crise}\n"
    one = "checks: {cadence-gap: {horizon: 1 week}}\nfreeze:\n" + window
    two = one + window.replace("reason: Crise}", "reason: Crise, networks: [x]}")
    for text in (one, two):  # two days of seven, declared once or twice: still a gap
        assert run_checks(plan_of(calendar_from(calendar_text + text), now=NOW), only=["cadence-gap"])


CAMPAIGN = "campaigns:\n  - {id: salon, name: Salon, from: 2027-01-10, until: 2027-01-20}\n"


def test_category_variant() -> None:
    """`category: Conseil` beside "Conseils" added a category to the menu; `conseils` renamed the menu's."""
    def written(category: str, tags: tuple[str, ...] = ("soudure",)):
        return [lambda c, n=n: article(f"a{n}", f"2027-02-0{n}T09:00", c, category="Conseils", tags=("soudure",))
                for n in range(1, 4)] + [lambda c: article("nouveau", "2027-02-20T09:00", c, category=category,
                                                           tags=tags)]
    found = findings("category-variant", "", written("Conseil"))
    assert [(f.item, f.message) for f in found] == [
        ("article-nouveau", "the category 'Conseil' of 'nouveau' is written differently from 'Conseils', the "
                            "category of 3 other articles")]
    assert found[0].severity == "warning"
    tag = findings("category-variant", "", written("conseils", ("Soudure",)))
    assert [f.message.split(" of ")[0] for f in tag] == ["the category 'conseils'", "the tag 'Soudure'"]
    # French elides: "l'étiquette", never "la étiquette".
    assert translated(tag[1].message, translator("fr")).startswith("l'étiquette 'Soudure' de ")
    assert not findings("category-variant", "", written("Conseils"))
    assert not findings("category-variant", "", written("Événements"))  # another category altogether
    two = [lambda c, n=n, k=k: article(f"f{n}", f"2027-02-2{n}T09:00", c, category=k)
           for n, k in enumerate(("Formation", "Formation", "Information"))]
    assert not findings("category-variant", "", two)  # close letters, two categories
    silenced = [lambda c: article("nouveau", "2027-02-20T09:00", c, category="Conseil",
                                  silenced={"category-variant": "Nouvelle rubrique"})]
    assert not findings("category-variant", "", written("Conseils")[:3] + silenced)
    # One tag twice in one article: said so (it said "the tag of 1 other article"), and the accented spelling kept.
    twice = findings("category-variant", "", [lambda c: article("seul", "2027-02-20T09:00", c,
                                                                tags=("Éclairage", "eclairage"))])
    assert [f.message for f in twice] == [
        "tag 'eclairage' of 'seul' is also written 'Éclairage' in the same article: one tag twice"]
    assert twice[0].hint == "keep one of them"


def test_category_variant_compares_names_as_shown_accents_composed_or_not() -> None:
    """An "é" saved as "e" and a combining accent (macOS, a web editor) looks the same on the blog, on one tag
    page: it was told "'Santé' is written differently from 'Santé'", at the article whose spelling was right."""
    decomposed = unicodedata.normalize("NFD", "Santé")
    assert decomposed != "Santé"
    arts = [lambda c: article("a1", "2027-02-01T09:00", c, category="Santé", tags=("santé",)),
            lambda c: article("a2", "2027-02-02T09:00", c, category=decomposed, tags=(decomposed.lower(),)),
            lambda c: article("a3", "2027-02-03T09:00", c, tags=("santé", decomposed.lower()))]
    assert not findings("category-variant", "", arts)


def test_translation_unpaired() -> None:
    """`entretien-en.md` with `lang: en` and no slug went online as an English article of its own."""
    def english(slug: str, path: str) -> object:
        return lambda c: article(slug, "2027-02-03T09:00", c, lang="en", is_original=slug != "entretien",
                                 source=Source(f"content/articles/{path}", 1))
    original = lambda c: article("entretien", "2027-02-01T09:00", c)  # noqa: E731
    found = findings("translation-unpaired", "", [original, english("entretien-en", "entretien-en.md")])
    assert [(f.item, f.severity, f.hint) for f in found] == [
        ("article-entretien-en", "warning",
         "translations share their original's slug: write `slug: entretien` in its header")]
    assert findings("translation-unpaired", "", [original, english("x", "entretien.en.md")])  # the file says so
    assert not findings("translation-unpaired", "", [original, english("entretien", "entretien-en.md")])  # paired
    # An article only in English is told too (test below); drafts are not.
    assert findings("translation-unpaired", "", [original, english("news", "news.md")])


def test_translation_unpaired_without_a_telling_name_guesses_its_original() -> None:
    """`rampe-escalier-en.md` with `Lang: en`, beside the French `rampe-d-escalier-acier-ou-inox.md` of the same
    date and image: nothing was said, and it went online as an English article of the French blog, promoted on
    the French accounts (the LinkedIn draft mixed English words with "Lien en premier commentaire")."""
    promoted = "blog:\n  promote: {networks: [linkedin, mastodon], schedule: [at publication]}\n"
    original = lambda c: article("rampe-d-escalier-acier-ou-inox", "2027-01-20T09:00", c,  # noqa: E731
                                 title="Rampe d'escalier : acier ou inox ?", image="images/garde-corps.png")
    other = lambda c: article("portail", "2027-01-13T09:00", c, title="Entretenir son portail")  # noqa: E731

    def english(date: str = "2027-01-20T09:00", **fields: Any) -> object:
        return lambda c: article("rampe-escalier-en", date, c, lang="en", title="Stair railing: steel or stainless?",
                                 source=Source("content/articles/rampe-escalier-en.md", 1), **fields)
    found = findings("translation-unpaired", promoted, [other, original, english()])
    assert [(f.item, f.severity, f.message, f.hint) for f in found] == [
        ("article-rampe-escalier-en", "warning",
         "article 'rampe-escalier-en' in 'en' pairs with no original in 'fr' (no article of the same slug): it "
         "goes online as an article of its own on the blog, and is promoted on accounts in 'fr': LinkedIn, "
         "Mastodon",
         "if it translates 'rampe-d-escalier-acier-ou-inox' (the same date), write `slug: "
         "rampe-d-escalier-acier-ou-inox` in its header; if it is an article of its own in 'en', say so: "
         "`silence: {translation-unpaired: …}`")]
    # Another day, the same image: still the likely original.
    same_image = findings("translation-unpaired", "", [other, original,
                                                       english("2027-01-22T09:00", image="images/garde-corps.png")])
    assert [f.hint.split(" write")[0] for f in same_image] == [
        "if it translates 'rampe-d-escalier-acier-ou-inox' (the same image),"]
    # Nothing alike: no guess, but still told; an English-only article says so with `silence:`.
    alone = findings("translation-unpaired", "", [other, english("2027-02-22T09:00")])
    assert [f.hint for f in alone] == [
        "if it translates an article, write that article's slug in its header, `slug: …`; if it is an article of "
        "its own in 'en', say so: `silence: {translation-unpaired: …}`"]
    assert [f.message for f in alone] == [
        "article 'rampe-escalier-en' in 'en' pairs with no original in 'fr' (no article of the same slug): it "
        "goes online as an article of its own on the blog"]
    silenced = english("2027-02-22T09:00", silenced={"translation-unpaired": "Pour nos clients anglais"})
    assert not findings("translation-unpaired", "", [other, silenced])
    assert not findings("translation-unpaired", "", [other, english("2027-02-22T09:00", status="draft")])


def test_translation_before_original() -> None:
    """An English version dated before its French original waits for it: its date said otherwise."""
    def english(date: str, **fields: object) -> object:
        return lambda c: article("pergola", date, c, lang="en", is_original=False,
                                 source=Source("content/articles/pergola-en.md", 1), **fields)
    def original(status: str = "published") -> object:
        return lambda c: article("pergola", "2027-01-19T09:00", c, status=status)
    found = findings("translation-before-original", "", [original(), english("2027-01-10T09:00")])
    assert [(f.item, f.severity, f.message, f.hint) for f in found] == [
        ("article-pergola-en", "warning",
         "translation 'pergola' (en) is dated 2027-01-10 09:00, before its original content/articles/pergola.md "
         "goes online (2027-01-19 09:00): it waits for it",
         "date it when its original goes online, or later: `date: 2027-01-19 09:00`")]
    found = findings("translation-before-original", "", [original("review"), english("2027-01-20T09:00")])
    assert [f.message for f in found] == [
        "translation 'pergola' (en) is dated 2027-01-20 09:00, but its original content/articles/pergola.md is "
        "not going online: it waits for it"]
    assert not findings("translation-before-original", "", [original(), english("2027-01-19T09:00")])  # together
    assert not findings("translation-before-original", "", [original(), english("2027-01-22T09:00")])  # after
    assert not findings("translation-before-original", "", [original("draft"), english("2027-01-10T09:00",
                                                                                         status="draft")])
    # Both online, the translation from the original's time: nothing left to say.
    assert not findings("translation-before-original", "", [original(), english("2027-01-10T09:00")],
                        now="2027-01-20T09:00:00+01:00")


def test_a_translation_waits_for_its_original_in_the_plan() -> None:
    calendar = calendar_from(PARIS_CALENDAR)
    arts = [article("pergola", "2027-01-19T09:00", calendar),
            article("pergola", "2027-01-10T09:00", calendar, lang="en", is_original=False)]
    for now, status in (("2027-01-12T10:00:00+01:00", "scheduled"), ("2027-01-19T09:00:00+01:00", "published")):
        item = next(i for i in plan_of(calendar, arts, now=now).items if i.id == "article-pergola-en")
        assert (item.status, item.start) == (status, dt.datetime(2027, 1, 19, 9, tzinfo=calendar.zone))


def test_id_clash() -> None:
    same = ("{title: Offre du mois, at: 2027-02-02 09:00, networks: [x], text: a}",
            "{title: Offre du mois, at: 2027-03-02 09:00, networks: [x], text: b}")
    found = findings("id-clash", posts(*same))
    assert [(f.item, f.hint) for f in found] == [("offre-du-mois-2-x", "give both entries an `id:` of their own")]
    assert not findings("id-clash", posts(same[0], same[1].replace("Offre du mois", "Offre d'avril")))
    assert not findings("id-clash", posts(*same), now="2027-04-01T00:00:00+02:00")  # both past: nothing to swap


def test_outside_campaign() -> None:
    lines = ["{id: avant, at: 2027-01-08 09:00, networks: [x], text: Bientôt, campaign: salon}",
             "{id: pendant, at: 2027-01-12 09:00, networks: [x], text: J-3, campaign: salon}",
             "{id: apres, at: 2027-01-25 09:00, networks: [x], text: Merci, campaign: salon}"]
    found = findings("outside-campaign", CAMPAIGN + posts(*lines))
    assert [(f.item, f.message) for f in found] == [
        ("avant-x", "'avant-x' is in campaign 'Salon' (2027-01-10 to 2027-01-20) but goes out on 2027-01-08, before it"),
        ("apres-x", "'apres-x' is in campaign 'Salon' (2027-01-10 to 2027-01-20) but goes out on 2027-01-25, after it")]
    assert [f.source.line for f in found] == [12, 14]  # the `campaign:` that says so (flow style: its line)
    # An article of the campaign after it; its promotions follow the article and are not reported again.
    late = [lambda c: article("bilan", "2027-01-28T10:00", c, campaign="salon", status="published")]
    found = findings("outside-campaign", CAMPAIGN + "blog: {promote: {networks: [x], schedule: [+1 day]}}\n", late)
    assert [f.item for f in found] == ["article-bilan"]


def test_outside_campaign_on_an_account_of_another_zone_says_its_time() -> None:
    """A Montréal account's post written for 20:00 on the campaign's last day was told it goes out the day after,
    a day nobody wrote: a campaign's days are the site's (it is 02:00 the next day in Paris). The hint says so,
    with the account's time."""
    found = findings("outside-campaign", CAMPAIGN + posts(
        "{id: soir, at: 2027-01-20 20:00, networks: [linkedin-qc], text: Merci, campaign: salon}",
        "{id: midi, at: 2027-01-20 12:00, networks: [linkedin-qc], text: Merci, campaign: salon}"), extra=QUEBEC)
    assert [(f.message, f.hint) for f in found] == [(
        "'soir-linkedin-qc' is in campaign 'Salon' (2027-01-10 to 2027-01-20) but goes out on 2027-01-21, after it",
        "a campaign's days are the site's: 2027-01-20 20:00 on its account's clock (Montreal time) is 2027-01-21 in "
        "the site's zone; move it into the campaign's dates, change them, or remove `campaign:`; a teaser meant to "
        "go out before is said so with `silence: {outside-campaign: …}`")]


def test_outside_campaign_reports_a_recurring_entry_once() -> None:
    weekly = ("{id: astuce, networks: [x], text: Astuce, campaign: salon,"
              " repeat: {every: week, on: tue, at: '09:00', from: 2027-01-05, count: 6}}")
    found = findings("outside-campaign", CAMPAIGN + posts(weekly))
    assert [(f.item, f.message) for f in found] == [
        ("astuce-x-20270105", "recurring entry 'astuce' is in campaign 'Salon' (2027-01-10 to 2027-01-20) but 4 of "
                              "its posts go out outside it, the first 'astuce-x-20270105' on 2027-01-05")]
    assert found[0].hint.startswith("give `repeat:` the campaign's dates")
    # On two networks, still once: the same message at the same line twice said nothing more.
    found = findings("outside-campaign", CAMPAIGN + posts(weekly.replace("networks: [x]", "networks: [x, mastodon]")))
    assert [f.message for f in found] == [
        "recurring entry 'astuce' is in campaign 'Salon' (2027-01-10 to 2027-01-20) but 8 of its posts go out "
        "outside it, the first 'astuce-mastodon-20270105' on 2027-01-05"]
    assert dict(found[0].data)["posts"] == 8


def test_empty_campaign() -> None:
    found = findings("empty-campaign", CAMPAIGN)
    assert [f.message for f in found] == ["campaign 'Salon' (2027-01-10 to 2027-01-20) has no post, article or idea"]
    assert found[0].hint == "plan its posts with `campaign: salon`, or remove the campaign"
    assert not findings("empty-campaign", CAMPAIGN + "ideas:\n  - {title: Stand, campaign: salon}\n")
    assert not findings("empty-campaign", CAMPAIGN, now="2027-01-21T10:00:00+01:00")  # over: history
    # A fair's one day is said as a day ("du 20/01/2027 au 20/01/2027" it read).
    one_day = CAMPAIGN.replace("from: 2027-01-10", "from: 2027-01-20")
    assert "from: 2027-01-20" in one_day
    (found,) = findings("empty-campaign", one_day)
    assert found.message == "campaign 'Salon' (on 2027-01-20) has no post, article or idea"
    assert translated(found.message, translator("fr")).replace("\u00a0", " ") == (
        "la campagne « Salon » (le 20/01/2027) n'a ni publication, ni article, ni idée")


def test_duplicate_text_compares_with_posts_already_out(site: Path) -> None:
    """Repeating last week's post is what the rule is for: the check composes the posts of its window."""
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8")
                        + "  - {id: hier, at: 2027-02-10 15:00, networks: [linkedin], text: Nos portes ouvertes}\n"
                        + "  - {id: demain, at: 2027-02-18 09:00, networks: [linkedin], text: Nos portes ouvertes}\n",
                        encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--only", "duplicate-text", "--format", "json"])
    found = [f for f in json.loads(result.output)["findings"] if f["item"] != "weekly-mastodon-20270317"]
    assert [(f["item"], f["message"]) for f in found] == [
        ("demain-linkedin", "LinkedIn post 'demain-linkedin' repeats the text of 'hier-linkedin' (2027-02-10), "
                            "within 30 days")]
    off = calendar.read_text(encoding="utf-8") + "checks: {duplicate-text: {window: 7 days}}\n"
    calendar.write_text(off, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--only", "duplicate-text", "--format", "json"])
    assert not [f for f in json.loads(result.output)["findings"] if f["item"] == "demain-linkedin"]


def test_a_post_linking_to_a_translation_that_waits_for_its_original_is_a_dead_link() -> None:
    """The translation's own date (the 10th) was taken: its page is online with the original, the 19th."""
    def made(original_status: str) -> list:
        return [lambda c: article("pergola", "2027-01-19T09:00", c, status=original_status),
                lambda c: article("pergola", "2027-01-10T09:00", c, lang="en", is_original=False,
                                  url="https://blog.example.fr/en/pergola/")]
    post = posts("{id: en, at: 2027-01-12 09:00, networks: [x], link: 'https://blog.example.fr/en/pergola/', "
                 "text: Our pergola}")
    early = findings("post-before-article", post, made("published"))
    assert [f.item for f in early] == ["en-x"] and "is online (2027-01-19 09:00)" in early[0].message, early
    draft = findings("post-before-article", post, made("draft"))
    assert "a translation that waits for 'content/articles/pergola.md', not ready" in draft[0].message, draft


def test_check_quiet_is_silent_when_it_passes_even_on_pelican_s_warnings(site: Path) -> None:
    """cli.md promises -q prints nothing on a pass (pre-commit hooks): Pelican warned of a setting it renames
    (it warned of a translation alone too, which is edcal's error since)."""
    from conftest import run_edcal, write_pelicanconf

    write_pelicanconf(site, 'CATEGORY_FEED_ATOM = "feeds/%s.atom.xml"\n')
    quiet = run_edcal("check", "-q", cwd=site)
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, "", "")
    loud = run_edcal("check", cwd=site)
    assert "%s usage in CATEGORY_FEED_ATOM is deprecated" in loud.stderr  # Pelican's own, kept without -q


def test_an_image_of_an_article_s_social_block_is_reported_in_the_article(site: Path) -> None:
    """The image an article asks for on one network (`social:`) was reported at calendar.yaml's promote entry."""
    article = site / "content" / "articles" / "futur.md"
    article.write_text(article.read_text(encoding="utf-8").replace(
        "---\n", '---\nsocial: {linkedin: {text: "Un texte", image: images/absente.png, alt: Absente}}\n', 1),
        encoding="utf-8")
    document = json.loads(CliRunner().invoke(cli, ["check", "--site", str(site), "--format", "json",
                                                   "--only", "image-missing"]).output)
    (found,) = document["findings"]
    assert (found["file"], found["line"]) == ("content/articles/futur.md", 2)
    assert "images/absente.png" in found["message"]


def _objectives(linkedin: str = "", campaign: str = "", checks: str = "") -> str:
    """PARIS_CALENDAR with an objective on LinkedIn (`objective:` at line 7, then text, target, unit, and the lines given from line 11) and/or a campaign's."""
    text = PARIS_CALENDAR
    if linkedin:
        text = text.replace("  linkedin: {slots: [tue 09:00, thu 12:30]}\n",
                            "  linkedin:\n    objective:\n      text: Être lu des architectes\n"
                            f"      target: 1500\n      unit: abonnés\n{linkedin}")
    if campaign:
        text += ("campaigns:\n  - id: salon\n    name: Salon 2027\n    from: 2027-03-01\n    until: 2027-03-26\n"
                 f"    objective:\n      text: Rendez-vous sur le stand\n      target: 40\n{campaign}")
    return text + checks


def _objective_findings(rule: str, text: str, now: str) -> list[Finding]:
    return run_checks(plan_of(calendar_from(text), now=now), only=[rule])


def test_objective_missed_once_its_date_has_passed_below_target() -> None:
    missed = "      by: 2027-06-30\n      current: 1350\n      measured: 2027-07-02\n"
    found = _objective_findings("objective-missed", _objectives(missed), "2027-07-05T10:00:00+02:00")
    assert [(f.severity, f.message, str(f.source)) for f in found] == [
        ("warning", "LinkedIn: objective missed, 1,350 of 1,500 abonnés by 2027-06-30", "calendar.yaml:11")]
    assert found[0].hint == ("set the next objective (a new `target:` and `by:`), or remove this one; this is said "
                             "for 30 days after its date (`checks: {objective-missed: {window: …}}`)")
    assert dict(found[0].data) == {"network": "linkedin", "target": 1500, "current": 1350, "by": "2027-06-30",
                                   "measured": "2027-07-02"}
    assert found[0].message.translated(translator("fr")) == (
        "LinkedIn\u00a0: objectif manqué, 1\u00a0350 sur 1\u00a0500\u00a0abonnés au 30/06/2027")
    # The last figure predates the date: what was reached is not known; the hint asks for it.
    early = "      by: 2027-06-30\n      current: 1180\n      measured: 2027-01-04\n"
    found = _objective_findings("objective-missed", _objectives(early), "2027-07-05T10:00:00+02:00")
    assert [f.message for f in found] == [
        "LinkedIn: the objective's date, 2027-06-30, has passed, and its last figure, 1,180 of 1,500 abonnés, was "
        "measured before it (2027-01-04)"]
    assert found[0].hint.startswith("note the figure reached by 2027-06-30 in `current:` and `measured:`")
    # A campaign's objective without `by:` is due on its last day; the finding is at its `target:`.
    campaign = "      current: 12\n      measured: 2027-03-27\n"
    found = _objective_findings("objective-missed", _objectives(campaign=campaign), "2027-03-29T10:00:00+02:00")
    assert [(f.message, str(f.source)) for f in found] == [
        ("campaign 'Salon 2027': objective missed, 12 of 40 by 2027-03-26", "calendar.yaml:16")]


def test_objective_missed_near_misses() -> None:
    missed = "      by: 2027-06-30\n      current: 1350\n      measured: 2027-07-02\n"
    assert not _objective_findings("objective-missed", _objectives(missed), "2027-06-30T20:00:00+02:00")  # its day
    # Once, not for ever: a month after its date, the objective is history.
    assert not _objective_findings("objective-missed", _objectives(missed), "2027-07-31T10:00:00+02:00")
    longer = _objectives(missed, checks="checks: {objective-missed: {window: 60 days}}\n")
    assert _objective_findings("objective-missed", longer, "2027-07-31T10:00:00+02:00")
    off = _objectives(missed, checks="checks: {objective-missed: off}\n")
    assert not _objective_findings("objective-missed", off, "2027-07-05T10:00:00+02:00")
    reached = "      by: 2027-06-30\n      current: 1500\n      measured: 2027-06-30\n"
    assert not _objective_findings("objective-missed", _objectives(reached), "2027-07-05T10:00:00+02:00")
    undated = "      current: 1180\n      measured: 2027-01-04\n"  # a network's objective without `by`: no date
    assert not _objective_findings("objective-missed", _objectives(undated), "2028-07-05T10:00:00+02:00")
    unmeasured = "      by: 2027-06-30\n"  # no figure noted: nothing to judge
    assert not _objective_findings("objective-missed", _objectives(unmeasured), "2027-07-05T10:00:00+02:00")


def test_objective_past_once_a_networks_objective_outlives_its_date() -> None:
    """A network's objective past its date was judged no more after objective-missed's month: the planning
    page and the report went on measuring against it, and a mistyped year (by: 2026-06-30 for 2027) was silent."""
    reached = "      by: 2027-06-30\n      current: 1520\n      measured: 2027-06-30\n"
    found = _objective_findings("objective-past", _objectives(reached), "2027-07-05T10:00:00+02:00")
    assert [(f.message, str(f.source)) for f in found] == [
        ("LinkedIn: objective reached, 1,520 of 1,500 abonnés by 2027-06-30: the network has no objective ahead",
         "calendar.yaml:11")]
    assert found[0].hint == ("set the next objective (a new `target:` and `by:`), or remove `by:` for an objective "
                             "without a date")
    typo = "      by: 2026-06-30\n      current: 1180\n      measured: 2027-01-04\n"
    found = _objective_findings("objective-past", _objectives(typo), "2027-02-15T10:00:00+01:00")
    assert [f.message for f in found] == [
        "LinkedIn: the objective's date, 2026-06-30, passed 230 days ago: the network has no objective ahead"]
    assert found[0].hint.startswith("its figure was measured after that date (2027-01-04): did you mean `by: "
                                    "2027-06-30`?")
    assert found[0].message.translated(translator("fr")) == (
        "LinkedIn\u00a0: la date de l'objectif, le 30/06/2026, est passée (il y a 230 jours)\u00a0: le réseau "
        "n'a plus d'objectif devant lui")


def test_objective_past_near_misses() -> None:
    missed = "      by: 2027-06-30\n      current: 1350\n      measured: 2027-07-02\n"
    # Below target, objective-missed speaks for its window: not twice.
    assert not _objective_findings("objective-past", _objectives(missed), "2027-07-05T10:00:00+02:00")
    assert _objective_findings("objective-past", _objectives(missed), "2027-08-05T10:00:00+02:00")
    reached = "      by: 2027-06-30\n      current: 1520\n      measured: 2027-06-30\n"
    assert not _objective_findings("objective-past", _objectives(reached), "2027-06-30T20:00:00+02:00")  # its day
    undated = "      current: 1180\n      measured: 2027-01-04\n"  # a network's objective without `by`: no date
    assert not _objective_findings("objective-past", _objectives(undated), "2028-07-05T10:00:00+02:00")
    # A campaign's objective is its history.
    campaign = "      current: 50\n      measured: 2027-03-27\n"
    assert not _objective_findings("objective-past", _objectives(campaign=campaign), "2027-09-29T10:00:00+02:00")
    off = _objectives(reached, checks="checks: {objective-past: off}\n")
    assert not _objective_findings("objective-past", off, "2027-07-05T10:00:00+02:00")


def test_objective_stale_while_the_objective_is_ahead() -> None:
    old = "      by: 2027-06-30\n      current: 1180\n      measured: 2027-01-04\n"
    found = _objective_findings("objective-stale", _objectives(old), "2027-02-10T10:00:00+01:00")
    assert [(f.severity, f.message, str(f.source)) for f in found] == [
        ("warning", "LinkedIn: the objective's last figure, 1,180 of 1,500 abonnés by 2027-06-30, was measured "
                    "2027-01-04, 37 days ago", "calendar.yaml:13")]
    assert found[0].hint == ("note today's figure from the network's statistics in `current:` and `measured:`, or "
                             "allow older figures: `checks: {objective-stale: {after: 60 days}}`")
    assert found[0].message.translated(translator("fr")) == (
        "LinkedIn\u00a0: le dernier chiffre de l'objectif, 1\u00a0180 sur 1\u00a0500\u00a0abonnés au 30/06/2027, a été relevé le "
        "04/01/2027, il y a 37 jours")
    # Near misses: 30 days old; a longer `after`; reached; its date passed (objective-missed's); a campaign not begun.
    assert not _objective_findings("objective-stale", _objectives(old), "2027-02-03T10:00:00+01:00")
    patient = _objectives(old, checks="checks: {objective-stale: {after: 60 days}}\n")
    assert not _objective_findings("objective-stale", patient, "2027-02-10T10:00:00+01:00")
    reached = "      by: 2027-06-30\n      current: 1600\n      measured: 2027-01-04\n"
    assert not _objective_findings("objective-stale", _objectives(reached), "2027-02-10T10:00:00+01:00")
    assert not _objective_findings("objective-stale", _objectives(old), "2027-07-01T10:00:00+02:00")
    campaign = "      current: 0\n      measured: 2027-01-04\n"
    assert not _objective_findings("objective-stale", _objectives(campaign=campaign), "2027-02-10T10:00:00+01:00")
    [stale] = _objective_findings("objective-stale", _objectives(campaign=campaign), "2027-03-02T10:00:00+01:00")
    # A campaign's figure is counted wherever it is (applications): no network's statistics in its hint.
    assert stale.hint == ("note today's figure in `current:` and `measured:`, or allow older figures: "
                          "`checks: {objective-stale: {after: 60 days}}`")


def test_objective_unmeasured_once_its_period_has_begun() -> None:
    """A manager wrote `target: 800` and never a figure: no check said so, the page showed no progress, and
    objective-stale and objective-missed, which need `current:`, stayed silent for ever."""
    dated = "      by: 2027-06-30\n"
    found = _objective_findings("objective-unmeasured", _objectives(dated), "2027-01-12T10:00:00+01:00")
    assert [(f.severity, f.message, str(f.source), f.hint) for f in found] == [
        ("warning", "LinkedIn: no figure noted yet against the objective of 1,500 abonnés by 2027-06-30",
         "calendar.yaml:9", "read today's figure in the network's statistics and add it to its `objective:`: "
                            "`current: …` and `measured: 2027-01-12`")]
    assert dict(found[0].data)["network"] == "linkedin"
    assert found[0].message.translated(translator("fr")) == (
        "LinkedIn\u00a0: aucun chiffre relevé à ce jour pour l'objectif de 1\u00a0500\u00a0abonnés au 30/06/2027")
    assert found[0].hint.translated(translator("fr")) == (
        "relevez le chiffre du jour dans les statistiques du réseau et ajoutez-le à son `objective:`\u00a0: "
        "`current: …` et `measured: 2027-01-12`")
    # A network's objective without `by` is always ahead: its followers can be read today.
    [undated] = _objective_findings("objective-unmeasured", _objectives("      # no by\n"), "2027-01-12T10:00:00+01:00")
    assert undated.message == "LinkedIn: no figure noted yet against the objective of 1,500 abonnés"
    # A campaign's figure is counted from its first day (1 March), not before; its hint names no statistics.
    campaign = "      unit: rendez-vous\n"
    assert not _objective_findings("objective-unmeasured", _objectives(campaign=campaign), "2027-02-28T10:00:00+01:00")
    [counted] = _objective_findings("objective-unmeasured", _objectives(campaign=campaign), "2027-03-01T10:00:00+01:00")
    assert counted.message == "campaign 'Salon 2027': no figure noted yet against the objective of 40 rendez-vous by 2027-03-26"
    assert counted.hint == ("count the figure reached so far (0 if none yet) and add it to its `objective:`: "
                            "`current: …` and `measured: 2027-03-01`")
    # Its date passed: once, for objective-missed's window, asking for the figure reached.
    [passed] = _objective_findings("objective-unmeasured", _objectives(dated), "2027-07-05T10:00:00+02:00")
    assert passed.message == ("LinkedIn: the objective's date, 2027-06-30, has passed, and no figure was noted against "
                              "its target of 1,500 abonnés")
    assert passed.hint.startswith("note the figure reached by 2027-06-30: add `current: …` and `measured: 2027-07-05`")
    assert not _objective_findings("objective-unmeasured", _objectives(dated), "2027-07-31T10:00:00+02:00")
    missed_off = _objectives(dated, checks="checks: {objective-missed: off}\n")
    assert not _objective_findings("objective-unmeasured", missed_off, "2027-07-01T10:00:00+02:00")
    # Nothing to measure: a figure noted, an objective in words alone.
    noted = "      by: 2027-06-30\n      current: 1180\n      measured: 2027-01-04\n"
    assert not _objective_findings("objective-unmeasured", _objectives(noted), "2027-01-12T10:00:00+01:00")
    words = PARIS_CALENDAR.replace("  x: {}\n", "  x: {objective: Être lu des architectes}\n")
    assert not _objective_findings("objective-unmeasured", words, "2027-01-12T10:00:00+01:00")


def test_measured_in_future_is_a_warning_with_the_day_meant() -> None:
    swapped = "      by: 2027-06-30\n      current: 1180\n      measured: 2027-04-01\n"
    found = _objective_findings("measured-in-future", _objectives(swapped), "2027-01-12T10:00:00+01:00")
    assert [(f.severity, f.message, str(f.source), f.hint) for f in found] == [
        ("warning", "LinkedIn: the objective's figure is dated 2027-04-01, a day still to come (today is 2027-01-12)",
         "calendar.yaml:13", "did you mean `measured: 2027-01-04`? (the month and the day swapped)")]
    later = "      current: 1180\n      measured: 2027-01-20\n"
    found = _objective_findings("measured-in-future", _objectives(later), "2027-01-12T10:00:00+01:00")
    assert [f.hint for f in found] == ["write the day the figure was read in the network's statistics, e.g. "
                                       "`measured: 2027-01-12` for today"]
    ahead = "      current: 3\n      measured: 2027-01-20\n"
    found = _objective_findings("measured-in-future", _objectives(campaign=ahead), "2027-01-12T10:00:00+01:00")
    assert [f.hint for f in found] == ["write the day the figure was counted, e.g. `measured: 2027-01-12` for today"]
    today = "      current: 1180\n      measured: 2027-01-12\n"
    assert not _objective_findings("measured-in-future", _objectives(today), "2027-01-12T10:00:00+01:00")
    # Not an input error: the same calendar read at an earlier "now" still gives a plan.
    assert plan_of(calendar_from(_objectives(later)), now="2026-11-23T10:00:00+01:00").items is not None


@pytest.mark.parametrize(("url", "found"), [
    ("https://www.example.org", ("placeholder", "example.org")),  # what `edcal init` writes without --url
    ("https://example.com/blog", ("placeholder", "example.com")),
    ("http://Staging.Example.NET.", ("placeholder", "example.net")),
    ("https://www.atelier-morel.example", ("placeholder", ".example")),
    ("https://blog.invalid", ("placeholder", ".invalid")),
    ("http://localhost:8000", ("local", "localhost")),
    ("http://blog.localhost", ("local", ".localhost")),
    ("https://blog.test", ("local", ".test")),
    ("http://127.0.0.1:8000", ("local", "127.0.0.1")),
    ("http://[::1]:8000", ("local", "::1")),
    ("", ("none", "")),
    ("/blog", ("none", "")),
    ("blog.acme.fr", ("none", "")),
    ("//blog.acme.fr", ("none", "")),
    ("https://blog.example.fr", None),
    ("https://myexample.org", None),
    ("https://example.org.acme.fr", None),
    ("https://blog.intra", None),
    ("http://10.0.0.5", None),
    ("https://acme.github.io/blog", None),
])
def test_which_site_urls_lead_nowhere(url: str, found: tuple[str, str] | None) -> None:
    from edcal.addresses import unreachable_site_url

    assert unreachable_site_url(url) == found


def test_placeholder_site_url_points_at_the_settings_line_that_sets_it(site: Path) -> None:
    """The placeholder `edcal init` writes passed check and build silently: the sitemap, the feeds, the sharing
    tags and the drafts' links of a new site went online pointing at example.org."""

    def check(*args: str) -> list[tuple[str, str, str]]:
        result = run_edcal("check", "--only", "placeholder-site-url", "--format", "json", *args, cwd=site)
        assert result.returncode == 0, result.stderr
        return [(f"{f['file']}:{f['line']}:{f['column']}", f["severity"], f["message"])
                for f in json.loads(result.stdout)["findings"]]

    assert check() == []  # https://blog.example.fr: a real name, example.fr is not reserved
    write_pelicanconf(site, 'SITEURL = "https://www.example.org"  # TODO\n')
    line = len((site / "pelicanconf.py").read_text(encoding="utf-8").splitlines())
    said = ("SITEURL is 'https://www.example.org', a placeholder (example.org is reserved for examples): the "
            "sitemap, the feeds, the sharing tags and the posts' links would all point there")
    assert check() == [(f"pelicanconf.py:{line}:1", "warning", said)]
    # publishconf.py takes pelicanconf.py's SITEURL: pelicanconf.py's line is the one to change.
    publishconf = ("import os\nimport sys\n\nsys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))\n"
                   "from pelicanconf import *  # noqa\n\nRELATIVE_URLS = False\n")
    (site / "publishconf.py").write_text(publishconf, encoding="utf-8")
    assert check("-s", "publishconf.py") == [(f"pelicanconf.py:{line}:1", "warning", said)]
    # Set again after the import, publishconf.py's own line (here in a block); before it, the import's wins.
    (site / "publishconf.py").write_text(publishconf + 'if True:\n    SITEURL = ""\n', encoding="utf-8")
    assert check("-s", "publishconf.py") == [
        ("publishconf.py:9:5", "warning", "SITEURL is empty: the sitemap, the feeds, the sharing tags and the "
                                          "posts' links would have no address")]
    (site / "publishconf.py").write_text('SITEURL = "https://blog.acme.fr"\n' + publishconf, encoding="utf-8")
    assert check("-s", "publishconf.py") == [(f"pelicanconf.py:{line}:1", "warning", said)]
    (site / "publishconf.py").write_text(publishconf + 'SITEURL = "http://localhost:8000"\n', encoding="utf-8")
    assert check("-s", "publishconf.py") == [
        ("publishconf.py:8:1", "warning", "SITEURL is 'http://localhost:8000', a local address (localhost): the "
                                          "sitemap, the feeds, the sharing tags and the posts' links would point "
                                          "where the public cannot go")]
    # Tuned like any rule: an error stops the check; off, nothing is said.
    calendar = site / "calendar.yaml"
    text = calendar.read_text(encoding="utf-8")
    calendar.write_text(text + "checks:\n  placeholder-site-url: error\n", encoding="utf-8")
    refused = run_edcal("check", "--only", "placeholder-site-url", cwd=site)
    assert refused.returncode == 1 and refused.stdout.startswith(f"pelicanconf.py:{line}:1: error: SITEURL is ")
    calendar.write_text(text + "checks:\n  placeholder-site-url: off\n", encoding="utf-8")
    assert check() == []



def test_theme_copy_points_at_the_theme_setting_and_the_build_shows_it(site: Path) -> None:
    """A site from an edcal of before December 2026 has its copy of the theme, THEME = "themes/edcal", which
    comes before edcal's own: upgrading edcal built it as before, without the new edcal's fixes to the blog,
    the drafts and the planning pages, and nothing said so."""
    from edcal.themes import DEFAULT_THEME

    def check() -> list[tuple[str, str, str, str]]:
        result = run_edcal("check", "--only", "theme-copy", "--format", "json", cwd=site)
        assert result.returncode == 0, result.stderr
        return [(f"{f['file']}:{f['line']}:{f['column']}", f["severity"], f["message"], f["hint"])
                for f in json.loads(result.stdout)["findings"]]

    assert check() == []  # edcal's own theme
    shutil.copytree(DEFAULT_THEME, site / "themes" / "edcal")
    write_pelicanconf(site, 'THEME = "themes/edcal"\n')
    line = len((site / "pelicanconf.py").read_text(encoding="utf-8").splitlines())
    said = ("THEME is 'themes/edcal', a copy of edcal's theme (its planning/ and drafts/ templates are there): it "
            "comes before the theme of the edcal that builds, whose fixes to the blog, the drafts and the planning "
            "pages do not reach the site")
    hint = ("put your changes in overrides/ and write THEME = str(edcal.themes.DEFAULT_THEME), as edcal's "
            "docs/deployment.md says (\"Upgrading edcal in a site repository\"); a fork kept on purpose turns "
            "this off: checks: {theme-copy: off}")
    assert check() == [(f"pelicanconf.py:{line}:1", "warning", said, hint)]
    # The build shows it in full (it counts the other warnings), and still builds.
    built = run_edcal("build", cwd=site)
    assert built.returncode == 0, built.stderr
    assert f"pelicanconf.py:{line}:1: warning: {said} [theme-copy]\n    hint: {hint}\n" in built.stderr
    # A team that keeps its fork on purpose says so once, and is not told again.
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8") + "checks:\n  theme-copy: off\n", encoding="utf-8")
    assert check() == []
    assert "theme-copy" not in run_edcal("build", cwd=site).stderr


@pytest.mark.parametrize(("template", "old"), [
    # The copy's planning page calls a filter as the edcal it was copied from did (a dict where a date now is).
    ("planning/index.html.j2", '{{ {"day": 1} | long_date }}'),
    # The copy's macros lack one that a page the copy does not have (edcal's own) imports.
    ("planning/_macros.html.j2", None),
])
def test_a_theme_copy_too_old_for_this_edcal_is_told_with_the_way_out(site: Path, template: str,
                                                                      old: str | None) -> None:
    """A theme copied by an edcal of November 2026 stopped the next edcal's build on the copy's templates, with
    a traceback ('dict' object has no attribute 'day') or a template error whose hint said to fix edcal's own
    template, while deployment.md said such a site still builds: the error names the copy and the way out."""
    from edcal.themes import DEFAULT_THEME

    copy = site / "themes" / "edcal"
    shutil.copytree(DEFAULT_THEME, copy)
    write_pelicanconf(site, 'THEME = "themes/edcal"\n')
    theme_line = len((site / "pelicanconf.py").read_text(encoding="utf-8").splitlines())
    page = copy / template
    text = page.read_text(encoding="utf-8")
    if old is not None:
        text = text.replace("{% block content %}", "{% block content %}" + old, 1)
        where = f"themes/edcal/{template}:{text[:text.index(old)].count(chr(10)) + 1}:1"
    else:
        text = re.sub(r"{% macro filters_fold\b.*?{% endmacro %}", "", text, count=1, flags=re.S)
        for later in (copy / "planning").glob("*.html.j2"):  # pages the copy predates: edcal's own are used
            if later != page and "filters_fold" in later.read_text(encoding="utf-8"):
                later.unlink()
        where = f"pelicanconf.py:{theme_line}:1"
    page.write_text(text, encoding="utf-8")
    built = run_edcal("build", cwd=site)
    assert built.returncode == 2, built.stderr
    assert "Traceback" not in built.stderr
    assert f"\n{where}: error: template error: " in f"\n{built.stderr}", built.stderr
    assert ("hint: THEME is 'themes/edcal', a copy of edcal's theme made for an older edcal, which this edcal's "
            "pages no longer fit: write THEME = str(edcal.themes.DEFAULT_THEME) and put your changes in "
            "overrides/, as edcal's docs/deployment.md says (\"Upgrading edcal in a site repository\")"
            ) in built.stderr


def test_a_theme_copy_is_not_blamed_for_an_override_s_error_nor_for_edcal_s_own_bugs(site: Path,
                                                                                  monkeypatch) -> None:
    """With a theme copy, every error while the plan was resolved or the planning pages written was told at
    THEME as the copy's: an override's own mistake lost its place and its hint, and a bug in edcal's Python,
    in no template, lost its traceback and sent the team to replace a theme that had no part in it."""
    from edcal.themes import DEFAULT_THEME

    shutil.copytree(DEFAULT_THEME, site / "themes" / "edcal")
    override = site / "overrides" / "planning"
    override.mkdir(parents=True)
    (override / "index.html.j2").write_text("{{ no_such_variable.attribute }}\n", encoding="utf-8")
    write_pelicanconf(site, 'THEME = "themes/edcal"\nTHEME_TEMPLATES_OVERRIDES = ["overrides"]\n')
    built = run_edcal("build", cwd=site)
    assert built.returncode == 2, built.stderr
    assert ("overrides/planning/index.html.j2:1:1: error: template error: 'no_such_variable' is undefined\n"
            "    hint: fix the template, or remove the override to use edcal's own\n") in built.stderr, built.stderr
    (override / "index.html.j2").unlink()

    def broken(*args: Any, **kwargs: Any) -> Any:
        return {}["simulated edcal bug"]

    monkeypatch.setattr("edcal.outputs.calendar_page.objectives", broken)
    monkeypatch.setenv("EDCAL_JOBS", "1")
    result = CliRunner().invoke(cli, ["build", "--site", str(site)])
    assert isinstance(result.exception, KeyError) and "template error" not in result.output, result.output


def test_theme_override_is_a_finding_in_every_format_and_can_be_turned_off(site: Path) -> None:
    """An override folder's base.html copied with the theme's path (overrides/templates/) was told on stderr by
    every command reading the settings, never in `--format json` or `github` (CI's annotations), nor under
    --strict: a finding now, as the others."""
    def check(*args: str) -> subprocess.CompletedProcess[str]:
        return run_edcal("check", "--only", "theme-override", *args, cwd=site)

    write_pelicanconf(site, 'THEME_TEMPLATES_OVERRIDES = ["overrides"]\n')
    (site / "overrides" / "templates").mkdir(parents=True)
    (site / "overrides" / "base.html").write_text('{% extends "!theme/base.html" %}\n', encoding="utf-8")
    assert json.loads(check("--format", "json").stdout)["findings"] == []  # read: at the folder's top
    (site / "overrides" / "templates" / "article.html").write_text('{% extends "!theme/article.html" %}\n',
                                                                  encoding="utf-8")
    found = json.loads(check("--format", "json").stdout)["findings"]
    assert [(f["file"], f["line"], f["severity"], f["hint"]) for f in found] == [
        ("overrides/templates/article.html", 1, "warning", "move it to overrides/article.html")]
    assert check("--strict").returncode == 1
    assert "::warning file=overrides/templates/article.html,line=1,col=1,title=theme-override::" in check(
        "--format", "github").stdout
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8") + "checks:\n  theme-override: off\n", encoding="utf-8")
    assert json.loads(check("--format", "json").stdout)["findings"] == []


def test_a_theme_of_its_own_or_beside_its_engine_is_no_theme_copy(site: Path) -> None:
    """A theme of the site's own, even with draft templates of its own, is not edcal's copy; nor is the theme
    of a copy of edcal's repository (themes/edcal beside plugins/edcal), upgraded with its engine."""
    from edcal.themes import DEFAULT_THEME

    own = site / "themes" / "acme"
    shutil.copytree(Path(__import__("pelican").__file__).parent / "themes" / "simple", own)
    (own / "drafts").mkdir()
    (own / "drafts" / "linkedin.txt.j2").write_text("{{ text }}\n", encoding="utf-8")
    repository = site / "edcal-fork"
    shutil.copytree(DEFAULT_THEME, repository / "themes" / "edcal")
    (repository / "plugins" / "edcal").mkdir(parents=True)
    (repository / "plugins" / "edcal" / "themes.py").write_text("", encoding="utf-8")
    for theme in ("themes/acme", "edcal-fork/themes/edcal"):
        write_pelicanconf(site, f'THEME = "{theme}"\n')
        result = run_edcal("check", "--only", "theme-copy", cwd=site)
        assert result.returncode == 0 and "theme-copy" not in result.stdout, (theme, result.stdout)


def test_owner_away() -> None:
    """Camille's posts went out during her holidays, nobody there to answer the comments, without a word: what
    someone owns while away (`away:` under `team:`) is told, posts of one entry together."""
    text = PARIS_CALENDAR.replace(
        "{id: ana, name: Ana}", "{id: ana, name: Ana, away: [{from: 2027-01-11, until: 2027-01-15, reason: Congés}]}")
    lines = ("{id: pendant, at: 2027-01-12 09:00, networks: [linkedin, x], text: Bonjour, owner: ana}",
             "{id: apres, at: 2027-01-18 09:00, networks: [linkedin], text: Retour, owner: ana}",
             "{id: autre, at: 2027-01-13 09:00, networks: [x], text: Rien, owner: null}")
    ideas = "ideas:\n  - {title: Portrait, owner: ana, draft_due: 2027-01-14}\n"
    found = run_checks(plan_of(calendar_from(text + ideas + posts(*lines)), now=NOW), only=["owner-away"])
    assert [(f.item, f.severity, f.message) for f in found] == [
        ("idea-portrait-draft-due", "warning", "'idea-portrait-draft-due' (2027-01-14) is owned by Ana, who is "
                                               "away then (from 2027-01-11 to 2027-01-15)"),
        (None, "warning", "2 posts ('pendant-linkedin' (2027-01-12 09:00), 'pendant-x' (2027-01-12 09:00)) go "
                          "out while their owner Ana is away (from 2027-01-11 to 2027-01-15)")]
    assert translated(found[0].message, translator("fr")).replace("\u00a0", " ").startswith(
        "'idea-portrait-draft-due' (14/01/2027) est confié à Ana, qui ne sera pas là ce jour-là (du 11/01/2027 "
        "au")
    # Told of two posts, the hint speaks of them both ("confiez-la … déplacez-la" said of two).
    assert translated(found[1].hint, translator("fr")).replace("\u00a0", " ").startswith(
        "confiez-les à quelqu'un de présent")
    assert str(found[1].hint).startswith("give them to someone who is there")
    # A post's owner may come from its network's variant: the hint names it among the places to look.
    assert "the entry or its network's `variants:`" in str(found[1].hint), found[1].hint
    # Alone, a post says why it matters; an absence over: nothing.
    (alone,) = run_checks(plan_of(calendar_from(text + posts(lines[0].replace("linkedin, x", "x"))), now=NOW),
                          only=["owner-away"])
    assert alone.message == ("post 'pendant-x' goes out 2027-01-12 09:00 while its owner Ana is away (from "
                             "2027-01-11 to 2027-01-15): nobody to answer its comments")
    over = plan_of(calendar_from(text + posts(*lines)), now="2027-01-16T08:00:00+01:00")
    assert run_checks(over, only=["owner-away"]) == []


def test_an_absence_ending_before_it_starts_is_a_located_error(tmp_path: Path) -> None:
    from helpers import load_errors

    text = PARIS_CALENDAR.replace("{id: ana, name: Ana}", "{id: ana, name: Ana, away: [{from: 2027-08-20, "
                                  "until: 2027-08-02}]}")
    assert load_errors(tmp_path, text) == [
        "calendar.yaml:4:59: error: found an absence until 2027-08-02, before its first day 2027-08-20\n"
        "    hint: `until:` is the last day away, on or after `from:`"]


def test_owner_away_names_the_stand_in() -> None:
    """Julien stood in for Ana during her holidays: the finding did not say so, nor suggest naming anyone."""
    text = PARIS_CALENDAR.replace(
        "{id: ana, name: Ana}", "{id: ana, name: Ana, away: [{from: 2027-01-11, until: 2027-01-15, reason: Congés, "
        "stand_in: julien}]}\n  - {id: julien, name: Julien Morel}")
    lines = ("{id: pendant, at: 2027-01-12 09:00, networks: [x], text: Bonjour, owner: ana}",)
    ideas = "ideas:\n  - {title: Portrait, owner: ana, draft_due: 2027-01-14}\n"
    found = run_checks(plan_of(calendar_from(text + ideas + posts(*lines)), now=NOW), only=["owner-away"])
    assert [(f.item, f.message, f.hint) for f in found] == [
        ("idea-portrait-draft-due", "'idea-portrait-draft-due' (2027-01-14) is owned by Ana, who is away then "
                                    "(from 2027-01-11 to 2027-01-15); Julien Morel stands in",
         "move its date, or give it to Julien Morel (`owner: julien`) for that time"),
        ("pendant-x", "post 'pendant-x' goes out 2027-01-12 09:00 while its owner Ana is away (from 2027-01-11 to "
                      "2027-01-15); Julien Morel stands in",
         "Julien Morel's calendar feed holds it: check they know, or give it to them (`owner: julien`), or move it")]
    assert translated(found[1].message, translator("fr")).replace("\u00a0", " ").endswith(
        "; Julien Morel assure le relais")
    # Without one, the hint suggests naming one.
    (alone,) = run_checks(plan_of(calendar_from(text.replace(", stand_in: julien", "") + posts(*lines)), now=NOW),
                          only=["owner-away"])
    assert alone.message.endswith(": nobody to answer its comments")
    assert "`stand_in:` on the absence" in str(alone.hint)


def test_owner_away_does_not_count_on_a_stand_in_away_too() -> None:
    """Julien stands in for Ana's holidays but is away himself on the 12th: the finding said 'Julien Morel stands
    in', his feed holding a post nobody would post."""
    text = PARIS_CALENDAR.replace(
        "{id: ana, name: Ana}", "{id: ana, name: Ana, away: [{from: 2027-01-11, until: 2027-01-15, stand_in: julien}]}"
        "\n  - {id: julien, name: Julien Morel, away: [{from: 2027-01-12, until: 2027-01-12}]}")
    lines = ("{id: seul, at: 2027-01-12 09:00, networks: [x, mastodon], text: Bonjour, owner: ana}",
             "{id: relais, at: 2027-01-13 09:00, networks: [x], text: Salut, owner: ana}")
    ideas = "ideas:\n  - {title: Portrait, owner: ana, draft_due: 2027-01-12}\n"
    found = run_checks(plan_of(calendar_from(text + ideas + posts(*lines)), now=NOW), only=["owner-away"])
    assert [(f.item, f.message.endswith("nobody to answer its comments"), str(f.hint)) for f in found] == [
        ("idea-portrait-draft-due", False, "Julien Morel, who stands in for Ana, is not there that day either: move "
                                           "its date, or give it another `owner:` for that time"),
        (None, False, "Julien Morel, who stands in for Ana, is not there then either: give them to "
                        "someone who is there (`owner:`), or move them"),
        ("relais-x", False, "Julien Morel's calendar feed holds it: check they know, or give it to them "
                            "(`owner: julien`), or move it")]
    assert translated(found[1].hint, translator("fr")).replace("\u00a0", " ").startswith(
        "Julien Morel, qui assure le relais de Ana, n'est pas là non plus à ce moment-là : confiez-les")
    # Gone from the team by then, he stands in for nobody either.
    left = text.replace(", away: [{from: 2027-01-12, until: 2027-01-12}]", ", left: 2027-01-01")
    found = run_checks(plan_of(calendar_from(left + posts(*lines)), now=NOW), only=["owner-away"])
    assert [(f.item, str(f.hint).split(":")[0]) for f in found] == [
        (None, "Julien Morel, who stands in for Ana, is not there then either"),
        ("relais-x", "Julien Morel, who stands in for Ana, is not there that day either")]


def test_a_stand_in_is_someone_else_of_the_team(tmp_path: Path) -> None:
    """`stand_in:` names a person of `team:` (a located error with the id meant), never the person away."""
    from helpers import load_errors

    team = ("{id: ana, name: Ana, away: [{from: 2027-08-02, until: 2027-08-20, stand_in: %s}]}\n"
            "  - {id: julien, name: Julien Morel}")
    assert load_errors(tmp_path, PARIS_CALENDAR.replace("{id: ana, name: Ana}", team % "julein")) == [
        "calendar.yaml:4:81: error: unknown person 'julein'\n    hint: did you mean 'julien'?"]
    assert load_errors(tmp_path, PARIS_CALENDAR.replace("{id: ana, name: Ana}", team % "ana")) == [
        "calendar.yaml:4:81: error: 'ana' cannot stand in for themself\n"
        "    hint: name someone else of `team:` who is there, or leave `stand_in:` out"]
    # Named by their name, as `owner:` may be: the id to write (it suggested 'julien-morel', no id of the team).
    assert load_errors(tmp_path, PARIS_CALENDAR.replace("{id: ana, name: Ana}", team % "Julien Morel")) == [
        "calendar.yaml:4:81: error: unknown person 'Julien Morel'\n"
        "    hint: 'Julien Morel' is the name of 'julien': write stand_in: julien (the id)"]
    # Written below the person away, or in calendar.d/, the stand-in is found.
    calendar = calendar_from(PARIS_CALENDAR.replace("{id: ana, name: Ana}", team % "julien"))
    assert calendar.team["ana"].away[0].stand_in == "julien"


def test_owner_left_and_network_ended() -> None:
    """A year on: Camille left and X was given up. Removing them made every past header, entry and log line
    that names them an error; kept with `left:` and `until:`, what is still to come is what to hand over."""
    text = (PARIS_CALENDAR.replace("{id: ana, name: Ana}", "{id: ana, name: Ana, left: 2027-01-10}\n  - {id: lea, name: Léa}")
            .replace("  x: {}", "  x: {until: 2027-01-15}")
            + "blog:\n  promote: {networks: [x], schedule: [at publication, +1 week]}\n")
    lines = ("{id: vieux, at: 2027-01-08 09:00, networks: [x], text: Fait, owner: ana}",
             "{id: a-remettre, at: 2027-01-12 09:00, networks: [linkedin], text: À faire, owner: ana}",
             "{id: trop-tard, at: 2027-01-20 09:00, networks: [x, linkedin], text: Bonjour, owner: lea}")
    calendar = calendar_from(text + posts(*lines))
    plan = plan_of(calendar, [article("annonce", "2027-01-11T10:00", calendar)], now="2027-01-05T08:00:00+01:00")
    # The default promotion's step after X's last day is not planned; the one before is.
    assert [i.id for i in plan.items if i.kind == "post" and i.parent == "annonce"] == ["annonce-x-0"]
    left = run_checks(plan, only=["owner-left"])
    assert [(f.item, f.message) for f in left] == [
        ("a-remettre-linkedin", "'a-remettre-linkedin' (2027-01-12) is owned by Ana, who left the team on 2027-01-10")]
    ended = run_checks(plan, only=["network-ended"])
    assert [(f.item, f.message) for f in ended] == [
        ("trop-tard-x", "post 'trop-tard-x' (2027-01-20) is on X, where the site stopped posting on 2027-01-15 "
                        "(its `until:`)")]



def test_owner_left_of_an_article_its_author_owns_says_to_write_owner_in_its_header() -> None:
    """Léa wrote an article (`authors: Léa`, no `owner:`) and left before it goes out: the hint sent the team
    looking for an `owner:` "where it is written", and none is written: it is her name under `authors:`."""
    calendar = calendar_from(PARIS_CALENDAR.replace("{id: ana, name: Ana}", "{id: ana, name: Ana}\n"
                                                    "  - {id: lea, name: Léa, left: 2027-01-02}")
                             + "blog:\n  promote: {networks: [linkedin], schedule: [at publication]}\n")
    plan = plan_of(calendar, [article("annonce", "2027-01-12T10:00", calendar, owner="lea", owner_from_author=True,
                                      authors=("Léa",))], now="2027-01-05T08:00:00+01:00")
    left = run_checks(plan, only=["owner-left"])
    assert "article-annonce" in str(left[0].message) and "annonce-linkedin-0" in str(left[0].message)
    assert [f.hint for f in left] == [
        "Léa wrote it (`authors:`), and it names nobody else in charge: write who is in the article's header, "
        "e.g. owner: ana"]
    assert left[0].hint.translated(translator("fr")) == (
        "Léa l'a écrit (`authors:`), et il ne nomme personne d'autre comme responsable\u00a0: écrivez qui l'est "
        "dans l'en-tête de l'article, par exemple owner: ana")

def test_network_not_started() -> None:
    """Mastodon opened on 2027-01-15 (`since:`): a post planned there on the 8th, or a weekly tip started
    before, was planned and counted without a word, for an account the site did not post on yet. The
    finding says the site starts posting there: `since:` is still to come when a post planned before it is."""
    text = (PARIS_CALENDAR.replace("  mastodon: {}", "  mastodon: {since: 2027-01-15}")
            + "blog:\n  promote: {networks: [mastodon], schedule: [at publication]}\n")
    lines = ("{id: trop-tot, at: 2027-01-08 09:00, networks: [mastodon, linkedin], text: Bonjour}",
             "{id: ouverture, at: 2027-01-15 09:00, networks: [mastodon], text: Nous voici}",
             "{id: astuce, networks: [mastodon], text: Astuce, repeat: {every: week, on: wed, from: 2027-01-06, "
             "count: 3}}")
    calendar = calendar_from(text + posts(*lines))
    plan = plan_of(calendar, [article("vieux", "2027-01-11T10:00", calendar)], now="2027-01-05T08:00:00+01:00")
    found = run_checks(plan, only=["network-not-started"])
    assert [(f.item, f.message, f.hint) for f in found] == [
        ("trop-tot-mastodon", "post 'trop-tot-mastodon' (2027-01-08) is on Mastodon, where the site starts posting on "
         "2027-01-15 (its `since:`)", "remove Mastodon from the entry's `networks:`, or move the network's `since:`"),
        # A rule's posts, told together; the promotion of the article published before the 15th is not planned.
        (None, "2 posts ('astuce-mastodon-20270106' (2027-01-06 09:00), 'astuce-mastodon-20270113' (2027-01-13 "
               "09:00)) are on Mastodon, where the site starts posting on 2027-01-15 (its `since:`)",
         "start the recurring post on Mastodon from 2027-01-15: with `from:` if it posts only there, else in an "
         "entry of its own; or move the network's `since:`")]
    french = translator("fr")
    assert translated(found[0].message, french).replace("\xa0", " ") == (
        "la publication 'trop-tot-mastodon' (08/01/2027) est sur Mastodon, où le site commence à publier le "
        "15/01/2027 (son `since:`)")
    assert translated(found[1].hint, french).startswith(
        "commencez la publication récurrente sur Mastodon à partir du 15/01/2027\xa0: avec `from:`")


def test_post_before_article_of_a_job_offer_taken_down() -> None:
    """The job was filled: the offer set back to `status: draft`. The hint said "when … is written, set its status
    to review", for an article written, posted twice, and taken down on purpose."""
    def hints(slug: str, date: str, schedule: str) -> set[str | None]:
        calendar = calendar_from(PARIS_CALENDAR + posts(f"{{promote: {slug}, networks: [mastodon], schedule: {schedule}}}"))
        found = run_checks(plan_of(calendar, [article(slug, date, calendar, status="draft")]), only=["post-before-article"])
        return {f.hint for f in found}

    assert hints("offre", "2026-12-21T10:00", "[at publication, +1 week, +2 weeks, +3 weeks]") == {
        "content/articles/offre.md was taken down after its first posts: remove the steps still to come from "
        "`schedule:` (or end the entry), or publish it again"}
    # Only its teaser has gone out: it was never online, nothing was taken down.
    assert hints("salon", "2027-01-05T10:00", "[-2 days, at publication]") == {
        "when content/articles/salon.md is written, write `status: review` for `status: draft` "
        "(content/articles/salon.md:1): its promotions then wait for it; or publish it, or remove this entry "
        "until then"}


def test_cadence_gap_judges_an_account_over_the_days_it_is_used() -> None:
    """X given up on 2026-12-31 with `cadence: 1/week`: every week to come was a gap, whose hint (plan a post)
    network-ended then reported."""
    calendar = calendar_from(PARIS_CALENDAR.replace("  x: {}", "  x: {cadence: 1/week, until: 2027-01-13}"))
    found = run_checks(plan_of(calendar, now="2027-01-04T08:00:00+01:00"), only=["cadence-gap"])
    assert [f.message for f in found if "X" in f.message] == [
        "X: 0 posts in the week of 2027-01-04 to 2027-01-10, cadence 1/week"]  # the 11th's week: used 3 days of 7


def test_content_warning_lost() -> None:
    text = posts("{id: p, networks: [mastodon, x], at: 2027-01-12 09:00, cw: Spoiler, text: La fin du film}")
    assert [f.item for f in findings("content-warning-lost", text)] == ["p-x"]
    assert not findings("content-warning-lost", posts("{id: p, networks: [mastodon], at: 2027-01-12 09:00, cw: S, "
                                                      "text: T}"))
    # X's own text is written for it: the entry's warning is not told there; a warning written for X itself is.
    own_text = "{id: p, networks: [mastodon, x], at: 2027-01-12 09:00, cw: S, text: T, variants: {x: {text: U%s}}}"
    assert not findings("content-warning-lost", posts(own_text % ""))
    [told] = findings("content-warning-lost", posts(own_text % ", cw: Spoiler"))
    assert (told.item, told.source.column) == ("p-x", len("  - ") + (own_text % ", cw: Spoiler").index("Spoiler") + 1)


def test_a_team_s_text_quoted_in_a_finding_keeps_it_on_one_line() -> None:
    """`cw: "Spoiler\\n::error::x"` quoted in content-warning-lost (a first comment's lines in first-comment-lost)
    printed a line of their own in `edcal check`'s output: a reader saw another finding, a CI runner a command."""
    from edcal.checks.report import text as report_text

    written = posts('{id: p, networks: [mastodon, x], at: 2027-01-12 09:00, cw: "Spoiler\\n::error::x", text: T}')
    lines = report_text(findings("content-warning-lost", written)).splitlines()
    assert not any(line.startswith("::") for line in lines), lines
    assert "has a content warning (Spoiler ↵ ::error::x)" in lines[0]


@pytest.mark.parametrize(("written", "told"), [
    ("0.25", "found '0.25', a share without its % sign, which reads as 0.25%; expected 25% for 25 in a hundred"),
    ("cinq", "found 'cinq', expected a percentage such as 20%"),
    ("120%", "found '120%', expected a percentage between 0% and 100%"),
])
def test_a_ceiling_written_otherwise_than_a_percentage_is_told_in_the_team_s_words(written: str, told: str) -> None:
    """`ceiling: 0.25` (plan.json's notation) was read as a quarter of one percent, every network over it; the
    other mistakes were told in English on a French site (a ValueError's text), without a hint."""
    with pytest.raises(InputErrors) as caught:
        calendar_from(PARIS_CALENDAR + f"checks:\n  self-promotion: {{ceiling: '{written}'}}\n")
    assert [(e.source.line, e.message) for e in caught.value.errors] == [(10, told)]
    assert translated(caught.value.errors[0].message, translator("fr")).startswith(f"trouvé '{written}'")
    for accepted, ceiling in (("12,5 %", 0.125), ("25%", 0.25), ("20", 0.2), ("0%", 0.0)):
        calendar = calendar_from(PARIS_CALENDAR + f"checks:\n  self-promotion: {{ceiling: '{accepted}'}}\n")
        assert calendar.checks["self-promotion"].options["ceiling"] == ceiling


def test_a_file_named_out_of_the_content_folder_is_told_the_build_does_not_publish_it(site: Path) -> None:
    """`![a]({static}../../secret.png)`, or a link in content/uploads/ to a file above it: the build puts no
    file out of content/ online, and the check found the file there: the page went out with a broken
    image, untold."""
    content = site / "content"
    secret_above_content(site)
    published = content / "articles" / "publie.md"
    published.write_text(published.read_text(encoding="utf-8")
                         + "\n![a]({static}../../secret.png) et ![b]({static}/uploads/lien.png)\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--format", "json", "--only", "image-missing"])
    assert result.exit_code == 1, result.output
    found = [(f["line"], f["column"], f["message"], f["hint"]) for f in json.loads(result.output)["findings"]]
    hint = "move the file into content/ (a folder of STATIC_PATHS, such as content/images/) and name it there"
    assert found == [
        (10, 6, "'{static}../../secret.png' names secret.png, out of the content folder: the build does not put "
                "it online", hint),
        (10, 40, "'{static}/uploads/lien.png' names content/uploads/lien.png, out of the content folder: the build "
                 "does not put it online", hint)]


def _first_comment_plan(posts: str) -> Any:
    """Networks with first comments (LinkedIn's link, Instagram's hashtags), one that takes none (X)."""
    calendar = calendar_from("version: 1\ntimezone: Europe/Paris\nnetworks:\n  linkedin: {in_first_comment: link}\n"
                             "  instagram: {in_first_comment: hashtags}\n  facebook: {}\n  x: {}\nposts:\n" + posts)
    return plan_of(calendar, [article("a", "2027-01-05T09:00", calendar, tags=("métallerie",))])


def test_checks_judge_the_first_comment_where_it_is_written() -> None:
    long_comment = "Merci " * 220  # 1,320 characters, over LinkedIn's 1,250
    plan = _first_comment_plan(f"  - id: long\n    networks: [linkedin]\n    at: 2027-01-12 09:00\n    text: Bonjour\n"
                 f"    first_comment: '{long_comment.strip()}'\n"
                 "  - id: lost\n    networks: [x, facebook]\n    at: 2027-01-13 09:00\n    text: Bonjour\n"
                 "    first_comment: Qu'en pensez-vous ?\n"
                 "  - id: insta\n    networks: [instagram]\n    at: 2027-01-14 09:00\n    text: Bonjour\n"
                 "    image: images/p.png\n    alt: Un portail\n"
                 "    first_comment: 'Voir https://blog.example.fr/a/'\n")
    too_long = run_checks(plan, only=["first-comment-too-long"])
    assert [(f.item, str(f.source), f.source.column, f.severity) for f in too_long] == \
        [("long-linkedin", "calendar.yaml:13", 20, "error")]
    assert too_long[0].message.startswith("LinkedIn post 'long-linkedin' has a first comment 1,319 long, over the "
                                          "limit of 1,250 by 69")
    lost = run_checks(plan, only=["first-comment-lost"])
    assert [(f.item, str(f.source), f.source.column) for f in lost] == [("lost-x", "calendar.yaml:18", 20)]
    assert "X does not take: it is not posted" in lost[0].message
    unclickable = run_checks(plan, only=["link-not-clickable"])
    assert [(f.item, str(f.source), f.source.column) for f in unclickable] == \
        [("insta-instagram", "calendar.yaml:25", 20)]
    assert "in its first comment" in unclickable[0].message


def test_a_first_comment_lost_with_the_posts_only_link_says_so() -> None:
    """A user's trial: the link written in `first_comment:` (LinkedIn's way) was gone from the X post,
    whose draft had no link at all; the finding said the comment was not posted, not that the link went."""
    plan = _first_comment_plan(
        "  - id: salon\n    networks: [linkedin, x]\n    at: 2027-01-12 09:00\n    text: Le salon ouvre\n"
        "    first_comment: 'Le programme : https://salon.example.fr/programme'\n"
        "  - id: lien\n    networks: [x]\n    at: 2027-01-13 09:00\n    text: 'Voir https://a.example.fr/'\n"
        "    first_comment: 'Et https://b.example.fr/'\n")
    lost = {f.item: f.message for f in run_checks(plan, only=["first-comment-lost"])}
    assert lost["salon-x"].endswith(
        "which X does not take: it is not posted, and with it the post's only link "
        "(https://salon.example.fr/programme)")
    assert lost["lien-x"].endswith("which X does not take: it is not posted")


def test_an_entry_named_after_an_article_is_not_its_default_promotions_entry() -> None:
    """A one-off post whose `id:` is an article's slug was taken for the entry of that article's default promotions:
    its first comment was said lost on their Mastodon posts, and the article's LinkedIn text unused."""
    from edcal.model.article import Social, SocialOverride

    calendar = calendar_from("version: 1\ntimezone: Europe/Paris\nnetworks:\n  linkedin: {}\n  mastodon: {}\n  x: {}\n"
                             "blog:\n  promote: {networks: [linkedin, mastodon], schedule: [at publication]}\n"
                             "posts:\n  - {id: portes, networks: [linkedin, x], at: 2027-01-12 09:00, text: Venez,"
                             " first_comment: Qui vient ?}\n")
    social = Social(per_network={"linkedin": SocialOverride(text="Nos portes ouvertes")})
    plan = plan_of(calendar, [article("portes", "2027-01-05T09:00", calendar, social=social)])
    assert [f.item for f in run_checks(plan, only=["first-comment-lost"])] == ["portes-x"]
    assert run_checks(plan, only=["social-unused"]) == []


def test_checks_judge_each_reply_of_a_thread_where_it_is_written() -> None:
    """`thread:` replies are posts of their own: each is measured against its network's limit (X weighted,
    Mastodon with its content warning), located at its own line; a thread on LinkedIn is lost."""
    calendar = calendar_from("version: 1\ntimezone: Europe/Paris\nnetworks:\n  x: {}\n  mastodon: {}\n  linkedin: {}\n"
                             "posts:\n"
                             "  - id: fil\n    networks: [x, mastodon, linkedin]\n    at: 2027-01-12 09:00\n"
                             "    text: Notre bilan en trois points\n    cw: Bilan chiffré\n"
                             "    thread:\n      - Un premier point, court.\n"
                             f"      - '{'é' * 290}'\n"
                             f"    variants:\n      mastodon:\n        thread: ['{'a' * 490}']\n")
    plan = plan_of(calendar, [])
    too_long = run_checks(plan, only=["thread-too-long"])
    assert [(f.item, str(f.source), f.source.column, f.severity) for f in too_long] == [
        ("fil-x", "calendar.yaml:15", 9, "error"), ("fil-mastodon", "calendar.yaml:18", 18, "error")]
    assert too_long[0].message == ("X post 'fil-x': reply 2 of its thread is 290 long, over the limit of 280 by 10, "
                                   "counted in weighted characters (twitter-text v3; each URL counts 23)")
    # Mastodon gives each reply the post's content warning, which counts with it: 490 + 13 = 503.
    assert too_long[1].message.startswith("Mastodon post 'fil-mastodon': reply 1 of its thread is 503 long")
    assert "content warning" in too_long[1].hint
    lost = run_checks(plan, only=["thread-lost"])
    assert [(f.item, str(f.source), f.source.column, f.severity) for f in lost] == [
        ("fil-linkedin", "calendar.yaml:14", 9, "warning")]
    assert lost[0].message == ("LinkedIn post 'fil-linkedin' has a thread of 2 replies, which LinkedIn does not "
                               "take: they are not posted")
    # A thread that fits, on networks that take one: nothing to say.
    fits = calendar_from("version: 1\ntimezone: Europe/Paris\nnetworks:\n  x: {}\n  linkedin: {}\nposts:\n"
                         "  - {id: f, networks: [x], at: 2027-01-12 09:00, text: Un, thread: [Deux, Trois]}\n"
                         "  - {id: g, networks: [x, linkedin], at: 2027-01-13 09:00, text: Un, thread: [Deux],"
                         " variants: {linkedin: {text: Un et deux}}}\n")
    assert run_checks(plan_of(fits, []), only=["thread-too-long", "thread-lost"]) == []
    # X takes no first comment, but a reply: the hint says so.
    comment = calendar_from("version: 1\ntimezone: Europe/Paris\nnetworks:\n  x: {}\nposts:\n"
                            "  - {id: c, networks: [x], at: 2027-01-12 09:00, text: Un, first_comment: Deux}\n")
    hint = run_checks(plan_of(comment, []), only=["first-comment-lost"])[0].hint
    assert hint == "post it as the thread's first reply (`thread:`): X answers a post with another"


def test_a_thread_s_replies_are_judged_as_posts_for_hashtags_and_links() -> None:
    """Threads takes one topic tag and five links a post: a reply is a post, judged on its own words."""
    links = " ".join(f"https://exemple.fr/{n}" for n in range(6))
    calendar = calendar_from("version: 1\ntimezone: Europe/Paris\nnetworks:\n  threads: {}\nposts:\n"
                             "  - id: t\n    networks: [threads]\n    at: 2027-01-12 09:00\n    text: 'Un fil #Métal'\n"
                             f"    thread:\n      - 'Deux #Acier #Inox'\n      - '{links}'\n      - 'Trois #Fer'\n")
    plan = plan_of(calendar, [])
    tags = run_checks(plan, only=["too-many-hashtags"])
    assert [(str(f.source), f.source.column, f.message) for f in tags] == [
        ("calendar.yaml:11", 9, "Threads post 't-threads': reply 1 of its thread has 2 hashtags (#Acier #Inox); "
                                "Threads takes at most 1")]
    found = run_checks(plan, only=["too-many-links"])
    assert [(str(f.source), f.message) for f in found] == [
        ("calendar.yaml:12", "Threads post 't-threads': reply 2 of its thread has 6 distinct links; Threads takes "
                             "at most 5")]


def _article_with_a_thread(calendar: Any) -> Article:
    """Article 'a' (2027-01-12), whose Mastodon text under `social:` announces a thread (🧵) of one reply."""
    from edcal.model.article import Social, SocialOverride

    social = Social(per_network={"mastodon": SocialOverride(text="Nos cinq conseils, en fil 🧵", thread=("Un",),
                                                            source=Source("content/a.md", 7, 5))})
    return article("a", "2027-01-12T09:00", calendar, social=social)


def test_thread_promised() -> None:
    """An article's `social:` text with 🧵 is every step's: the reminder promised replies nobody posts."""
    calendar = calendar_from("version: 1\ntimezone: Europe/Paris\nnetworks:\n  mastodon: {}\n  linkedin: {}\n"
                             "posts:\n  - promote: a\n    networks: [mastodon]\n    schedule: [at publication, +2 days]\n"
                             "  - {id: seul, networks: [mastodon, linkedin], at: 2027-01-20 09:00, text: 'Un fil 🧵'}\n"
                             "  - {id: fil, networks: [mastodon], at: 2027-01-21 09:00, text: 'Un fil 🧵', thread: [Deux]}\n")
    plan = plan_of(calendar, [_article_with_a_thread(calendar)])
    found = run_checks(plan, only=["thread-promised"])
    assert [(f.item, str(f.source), f.severity) for f in found] == [
        ("seul-linkedin", "calendar.yaml:10", "warning"), ("seul-mastodon", "calendar.yaml:10", "warning"),
        ("a-mastodon-2d", "content/a.md:7", "warning")]
    hints = {f.item: f.hint for f in found}
    assert "`texts:`" in hints["a-mastodon-2d"] and "`thread:`" in hints["seul-mastodon"]
    assert hints["seul-linkedin"] == "LinkedIn takes no thread: take 🧵 out of its text under `variants:`"
    # The blog's default promotion has no calendar.yaml entry to give `texts:` to: the article's text is the fix.
    calendar = calendar_from("version: 1\ntimezone: Europe/Paris\nnetworks:\n  mastodon: {}\n"
                             "blog:\n  promote: {networks: [mastodon], schedule: [at publication, +2 days]}\n")
    plan = plan_of(calendar, [_article_with_a_thread(calendar)])
    [default] = run_checks(plan, only=["thread-promised"])
    assert (default.item, str(default.source)) == ("a-mastodon-2d", "content/a.md:7")
    assert "`texts:`" not in default.hint and "take 🧵 out of the article's Mastodon text under `social:`" in default.hint


def test_thread_promised_tells_a_promotion_s_thread_only_of_a_promotion() -> None:
    """A one-off post whose `thread: []` under `variants:` silences its article's thread has no promotion
    whose thread went with another post: the hint is to write its replies, or take 🧵 out."""
    calendar = calendar_from("version: 1\ntimezone: Europe/Paris\nnetworks:\n  mastodon: {}\nposts:\n"
                             "  - id: x\n    networks: [mastodon]\n    at: 2027-01-20 09:00\n    article: a\n"
                             "    variants:\n      mastodon: {thread: []}\n")
    plan = plan_of(calendar, [_article_with_a_thread(calendar)])
    found = run_checks(plan, only=["thread-promised"])
    assert [(f.item, f.hint) for f in found] == [
        ("x-mastodon", "write its replies under `thread:`, or take 🧵 out of its text")]


def test_thread_promised_leaves_a_lost_thread_to_thread_lost() -> None:
    """A thread written for Mastodon and LinkedIn: on LinkedIn `thread-lost` tells it (give LinkedIn its own
    text), not a second finding about its 🧵."""
    found = findings("thread-promised", posts("{id: f, networks: [mastodon, linkedin], at: 2027-01-20 09:00,"
                                              " text: 'Un fil 🧵', thread: [Deux]}"))
    assert not found
    assert [f.item for f in findings("thread-lost", posts("{id: f, networks: [mastodon, linkedin],"
                                                          " at: 2027-01-20 09:00, text: 'Un fil 🧵',"
                                                          " thread: [Deux]}"))] == ["f-linkedin"]
    # Its own text there, 🧵 still in it: no thread lost, the promise told.
    found = findings("thread-promised", "posts:\n  - id: f\n    networks: [mastodon, linkedin]\n"
                     "    at: 2027-01-20 09:00\n    text: 'Un fil 🧵'\n    thread: [Deux]\n"
                     "    variants:\n      linkedin: {text: 'Sur LinkedIn aussi 🧵'}\n")
    assert [f.item for f in found] == ["f-linkedin"]


def test_social_unused_says_an_article_s_thread_an_entry_overrides() -> None:
    """The trial's article gave Mastodon a thread in `social:`; the calendar's `promote:` entry gave its own: the
    article's replies were posted nowhere, and the post was followed by the entry's '2/3'."""
    from edcal.model.article import Social, SocialOverride

    calendar = calendar_from("version: 1\ntimezone: Europe/Paris\nnetworks:\n  mastodon: {}\n  bluesky: {}\nposts:\n"
                             "  - promote: a\n    networks: [mastodon, bluesky]\n    thread: [2/3 Du calendrier]\n"
                             "    variants: {bluesky: {thread: []}}\n")
    social = Social(per_network={
        network: SocialOverride(thread=("1/3 De l'article",), thread_sources=(Source("content/a.md", 8, 9),))
        for network in ("mastodon", "bluesky")})
    plan = plan_of(calendar, [article("a", "2027-01-12T09:00", calendar, social=social)])
    found = run_checks(plan, only=["social-unused"])
    assert [(str(f.source), f.source.column, f.message) for f in found] == [
        ("content/a.md:8", 9, f"article 'a' gives a thread for {name} in `social:`, but the entry 'a' gives every "
                              "post there its own thread") for name in ("Bluesky", "Mastodon")]
    # Without the entry's own, the article's thread is posted: nothing to say.
    calendar = calendar_from("version: 1\ntimezone: Europe/Paris\nnetworks:\n  mastodon: {}\nposts:\n"
                             "  - promote: a\n    networks: [mastodon]\n")
    plan = plan_of(calendar, [article("a", "2027-01-12T09:00", calendar,
                                      social=Social(per_network={"mastodon": social.per_network["mastodon"]}))])
    assert run_checks(plan, only=["social-unused"]) == []
    [posted] = [item for item in plan.items if item.id == "a-mastodon-0"]
    assert [reply.text for reply in posted.thread] == ["1/3 De l'article"]


def test_social_unused_says_an_article_s_first_comment_an_entry_overrides() -> None:
    from edcal.model.article import Social, SocialOverride

    calendar = calendar_from("version: 1\ntimezone: Europe/Paris\nnetworks:\n  linkedin: {}\n  facebook: {}\nposts:\n"
                             "  - promote: a\n    networks: [linkedin, facebook]\n"
                             "    variants: {linkedin: {first_comment: Et vous ?}}\n")
    social = Social(per_network={network: SocialOverride(first_comment="Qui vient ?",
                                                         comment_source=Source("content/a.md", 9, 20))
                                 for network in ("linkedin", "facebook")})
    plan = plan_of(calendar, [article("a", "2027-01-12T09:00", calendar, social=social)])
    found = run_checks(plan, only=["social-unused"])
    # LinkedIn's variant wins; Facebook posts the article's comment.
    assert [(str(f.source), f.source.column, f.message) for f in found] == [
        ("content/a.md:9", 20, "article 'a' gives a first comment for LinkedIn in `social:`, but the entry 'a' gives "
                               "every post there its own")]
    assert [item.first_comment for item in plan.items if item.id == "a-facebook-0"] == ["Qui vient\u00a0?"]


def test_poll_limits_judges_a_poll_by_its_network_s_rules_where_each_part_is_written() -> None:
    """`poll:` on X (4 answers of 25 characters, 5 minutes to 7 days, no images beside it), LinkedIn (a question
    of 140, answers of 30, 1 day / 3 days / 1 week / 2 weeks) and Bluesky (no polls): "poll-limits"."""
    head = "version: 1\ntimezone: Europe/Paris\nnetworks:\n  x: {}\n  linkedin: {}\n  bluesky: {}\nposts:\n"
    calendar = calendar_from(head + "  - id: s\n    networks: [x, linkedin, bluesky]\n    at: 2027-01-12 09:00\n"
                             "    text: Quel portail préférez-vous ?\n    image: images/portail.png\n"
                             "    poll:\n      options:\n        - Battant\n        - Coulissant et motorisé sur rail\n"
                             "        - Sur mesure\n        - Autre\n        - Aucun\n      duration: 10 days\n")
    found = [(f.item, str(f.source), f.severity, f.message) for f in run_checks(plan_of(calendar, []),
                                                                                   only=["poll-limits"])]
    assert ("s-bluesky", "calendar.yaml:13", "error",
            "Bluesky post 's-bluesky' has a poll, which Bluesky does not take") in found
    assert ("s-x", "calendar.yaml:13", "error", "X post 's-x': its poll has 5 answers, X takes 4 at most") in found
    assert ("s-x", "calendar.yaml:16", "error", "X post 's-x': answer 2 of its poll ('Coulissant et motorisé sur "
            "rail') is 31 characters long, over X's 25") in found
    assert ("s-x", "calendar.yaml:20", "error", "X post 's-x': its poll is open 10 days, longer than X's 1 week") \
        in found
    assert ("s-linkedin", "calendar.yaml:20", "error",
            "LinkedIn post 's-linkedin': its poll is open 10 days, which LinkedIn does not take") in found
    assert ("s-linkedin", "calendar.yaml:13", "error", "LinkedIn post 's-linkedin': its poll has no question, "
            "which LinkedIn asks apart from the text") in found
    assert any(item == "s-x" and "without images or video" in message for item, _, _, message in found)
    bluesky = next(f for f in run_checks(plan_of(calendar, []), only=["poll-limits"]) if f.item == "s-bluesky")
    assert bluesky.hint.startswith("polls go out on LinkedIn, X: leave Bluesky out of this entry")
    # In French, said so that no network's name asks for an elision ("que Instagram" read wrong).
    assert translated(bluesky.message, translator("fr")).replace("\u00a0", " ") == \
        "la publication Bluesky 's-bluesky' a un sondage : Bluesky n'en prend pas"
    # A poll each network takes: nothing to say.
    fits = calendar_from(head + "  - id: s\n    networks: [x, linkedin]\n    at: 2027-01-12 09:00\n"
                         "    text: Quel portail préférez-vous ?\n"
                         "    poll: {question: Votre portail ?, options: [Battant, Coulissant], duration: 3 jours}\n")
    assert run_checks(plan_of(fits, []), only=["poll-limits"]) == []


def test_social_unused_names_an_article_s_video_or_note_as_such() -> None:
    """An article's video (or note) for a network no post promotes it on was told as 'an image'."""
    from edcal.model.article import Social, SocialOverride
    from edcal.model.calendar import Media

    calendar = calendar_from("version: 1\ntimezone: Europe/Paris\nnetworks:\n  linkedin: {}\n  instagram: {}\n"
                             "blog:\n  promote: {networks: [linkedin], schedule: [at publication]}\n")
    video = Media("videos/a.mp4", None, Source("content/a.md", 6, 20), kind="video")
    social = Social(per_network={"instagram": SocialOverride(video=video, source=Source("content/a.md", 6, 3)),
                                 "linkedin": SocialOverride(note="Épinglez-la")})
    plan = plan_of(calendar, [article("a", "2027-01-12T09:00", calendar, social=social)])
    assert [f.message for f in run_checks(plan, only=["social-unused"])] == [
        "article 'a' gives a video for Instagram in `social:`, but no post promotes it there"]
    social = Social(per_network={"instagram": SocialOverride(note="Épinglez-la")})
    plan = plan_of(calendar, [article("a", "2027-01-12T09:00", calendar, social=social)])
    assert [f.message for f in run_checks(plan, only=["social-unused"])] == [
        "article 'a' gives a note for whoever posts it for Instagram in `social:`, but no post promotes it there"]


def link_findings(site: Path, links: dict[str, str]) -> tuple[Any, dict[str, dict[str, Any]]]:
    """Posts on X, one an hour from 2027-03-01 09:00, each linking to one of ``links`` ({name: address}), and
    what `edcal check --only unknown-article-link` says of them, by post."""
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8") + "".join(
        f"  - {{id: {name}, networks: [x], at: 2027-03-0{1 + index // 9} {9 + index % 9:02d}:00, text: 'Voir {name}',"
        f" link: '{url}'}}\n" for index, (name, url) in enumerate(links.items())), encoding="utf-8")
    checked = run_edcal("check", "--format", "json", "--only", "unknown-article-link", cwd=site)
    return checked, {f["item"]: f for f in json.loads(checked.stdout)["findings"]}


def test_a_post_linking_to_a_page_that_comes_with_an_article_or_a_page_not_online_is_told_when(site: Path) -> None:
    """A tag's page only an article to come has, or a page still in draft: the link was taken as fine (the page
    comes), whenever the post went out; before the article is online, it opens nothing."""
    (site / "content" / "pages" / "offre.md").write_text("Title: Offre\nStatus: draft\n\nBientôt.\n",
                                                      encoding="utf-8")
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8") + (
        "  - {id: avant, networks: [x], at: 2027-03-24 09:00, text: Tag, link: /tag/secret-future-tag/}\n"
        "  - {id: apres, networks: [x], at: 2027-03-26 09:00, text: Tag, link: /tag/secret-future-tag/}\n"
        "  - {id: offre, networks: [x], at: 2027-03-26 10:00, text: Offre, link: /pages/offre.html}\n"),
        encoding="utf-8")
    checked = run_edcal("check", "--format", "json", "--only", "unknown-article-link", cwd=site)
    found = {f["item"]: f for f in json.loads(checked.stdout)["findings"]}
    assert sorted(found) == ["avant-x", "offre-x"], found
    assert found["avant-x"]["message"].endswith("which the blog writes once content/articles/futur.md is online, "
                                                "on 2027-03-25 09:00: after the post")
    assert found["offre-x"]["message"] == (
        "post 'offre-x' (2027-03-26 10:00) links to /pages/offre.html, which the blog writes only once "
        "content/pages/offre.md is online, and it is not ready (a draft, or no date)")
    assert found["offre-x"]["hint"] == ("publish content/pages/offre.md before the post, or link to a page that is "
                                        "online by then")


def test_a_post_linking_to_an_image_only_an_article_to_come_shows_is_told_when(site: Path) -> None:
    """The build keeps an image that only an article to come shows out of output/ until the article is online:
    a post to come linking straight to it was taken as fine (the build writes the file), and opened a 404 on
    its day. Told as a page that comes with the article is; after the article's date, nothing to say."""
    checked, found = link_findings(site, {"avant": "/images/futur-secret.png",
                                          "public": "https://blog.example.fr/images/public.png"})
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert sorted(found) == ["avant-x"], found
    assert found["avant-x"]["message"] == (
        "post 'avant-x' (2027-03-01 09:00) links to /images/futur-secret.png, which the blog writes once "
        "content/articles/futur.md is online, on 2027-03-25 09:00: after the post")
    calendar = site / "calendar.yaml"  # the same link once the article is online: the image is there
    calendar.write_text(calendar.read_text(encoding="utf-8").replace("at: 2027-03-01 09:00", "at: 2027-03-25 10:00"),
                        encoding="utf-8")
    later = run_edcal("check", "--format", "json", "--only", "unknown-article-link", cwd=site)
    assert json.loads(later.stdout)["findings"] == [], later.stdout


def test_a_post_linking_to_an_address_of_the_blog_that_the_build_does_not_write_is_an_unknown_link(site: Path) -> None:
    """Only addresses shaped as an article's were judged: a post linking to a tag page no article makes, a page
    that does not exist or a missing file of the theme was dead on the day without a finding (the build left
    it out of the link-in-bio page, and said so, once the post had gone out)."""
    links = {
        "tag-ok": "/tag/test/", "home": "https://blog.example.fr/", "contact": "/pages/contact.html",
        "image": "/images/public.png", "shop": "/boutique/produit-1", "elsewhere": "https://example.org/x/",
        "feed": "https://blog.example.fr/feeds/all.atom.xml",
        "tag-later": "/tag/secret-future-tag/",  # the tag of an article to come: its page comes with it
        "tag-dead": "/tag/CANARY-inox/", "page-dead": "https://blog.example.fr/pages/CANARY-tarifs.html",
        "theme-dead": "/theme/css/CANARY.css", "root-dead": "/CANARY-nulle-part.html",
        "capitals": "/TAG/TEST/",
    }
    checked, found = link_findings(site, links)
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert sorted(found) == ["capitals-x", "page-dead-x", "root-dead-x", "tag-dead-x", "tag-later-x",
                             "theme-dead-x"], found
    # The tag of an article to come has its page once that article is online: after this post.
    assert found["tag-later-x"]["message"] == (
        "post 'tag-later-x' (2027-03-01 16:00) links to /tag/secret-future-tag/, which the blog writes once "
        "content/articles/futur.md is online, on 2027-03-25 09:00: after the post")
    assert found["tag-later-x"]["hint"] == ("move the post to 2027-03-25 09:00 or later, or link to a page that is "
                                            "online by then")
    assert found["tag-dead-x"]["message"] == ("post 'tag-dead-x' links to /tag/CANARY-inox/, which is no article or "
                                              "page of the site")
    assert found["capitals-x"]["hint"] == "did you mean '/tag/test/'? Its capitals differ: the web server answers 'not found'"
    lines = (site / "calendar.yaml").read_text(encoding="utf-8").splitlines()
    assert found["tag-dead-x"]["line"] == next(n for n, line in enumerate(lines, 1) if "id: tag-dead," in line)


def test_a_post_linking_to_an_article_in_other_capitals_is_told_the_address_it_means(site: Path) -> None:
    """`/2027/PUBLIE/` or `/2027/publie/INDEX.HTML`: the article's page to edcal (the post is its post), a 404
    on a host that reads paths as written (GitHub Pages, S3, nginx), as the link-in-bio page leaves it out.
    The check said so without naming the page: "check the link, or use `article: <slug>`"."""
    checked, found = link_findings(site, {"majuscules": "/2027/PUBLIE/",
                                          "index": "https://blog.example.fr/2027/publie/INDEX.HTML",
                                          "fichier": "/IMAGES/public.png", "juste": "/2027/publie/index.html"})
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert sorted(found) == ["fichier-x", "index-x", "majuscules-x"], found
    assert found["majuscules-x"]["message"] == ("post 'majuscules-x' links to /2027/PUBLIE/, which is no article or "
                                                "page of the site")
    assert found["majuscules-x"]["hint"] == "did you mean '/2027/publie/'? Its capitals differ: the web server answers 'not found'"
    assert found["index-x"]["hint"] == "did you mean '/2027/publie/'? Its capitals differ: the web server answers 'not found'"
    assert found["fichier-x"]["hint"] == "did you mean '/images/public.png'? Its capitals differ: the web server answers 'not found'"


def test_a_post_linking_to_the_blog_on_the_other_schemes_port_is_told_the_address_to_write(site: Path) -> None:
    """`http://…:443/` is http on https's port: no page (the server answers "400 Bad Request"), and no
    address of the blog to the checks, the tracking and the link-in-bio page; only the post's article found
    it (an error "before 'futur' is online" for the first, nothing at all for the others)."""
    checked, found = link_findings(site, {"http-443": "http://blog.example.fr:443/2027/futur/",
                                          "https-80": "https://blog.example.fr:80/2027/CANARY/",
                                          "https-443": "https://blog.example.fr:443/2027/publie/",
                                          "ailleurs": "http://example.org:443/2027/publie/",
                                          "zeros": "http://blog.example.fr:0443/2027/futur/"})  # port 443 too
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert sorted(found) == ["http-443-x", "https-80-x", "zeros-x"], found
    assert found["zeros-x"]["hint"] == "write https://blog.example.fr/2027/futur/"
    assert found["http-443-x"]["message"] == (
        "post 'http-443-x' links to http://blog.example.fr:443/2027/futur/, an address of the blog on "
        "another scheme's port (443): a browser opens no page there")
    assert found["http-443-x"]["hint"] == "write https://blog.example.fr/2027/futur/"
    assert found["https-80-x"]["hint"] == "write https://blog.example.fr/2027/CANARY/"


def test_a_post_linking_to_a_page_of_older_articles_or_an_archive_of_the_blog_is_no_unknown_link(site: Path) -> None:
    """The pages Pelican writes beyond the first of a list (DEFAULT_PAGINATION: ``index2.html``,
    ``tag/test/2/``) and its archives by year or month (YEAR_ARCHIVE_SAVE_AS…) are the blog's: a post
    linking there is not told it links to nothing."""
    (site / "content" / "articles" / "autre.md").write_text(
        "Title: Un autre article\nDate: 2027-02-03 09:00\nTags: test\n\nTexte.\n", encoding="utf-8")
    write_pelicanconf(site, 'DEFAULT_PAGINATION = 1\n'
                            'PAGINATION_PATTERNS = ((1, "{url}", "{save_as}"),\n'
                            '    (2, "{base_name}/{number}/", "{base_name}/{number}/index.html"))\n'
                            'INDEX_SAVE_AS = "liste/index.html"\n'
                            'YEAR_ARCHIVE_SAVE_AS = "{date:%Y}/index.html"\n'
                            'MONTH_ARCHIVE_SAVE_AS = "{date:%Y}/{date:%m}/index.html"\n')
    links = {"page-two": "/liste/2/", "tag-two": "/tag/test/2/", "year": "/2027/",
             "month": "https://blog.example.fr/2027/02/",
             "page-dead": "/liste/3/", "month-dead": "/2027/05/"}
    checked, told = link_findings(site, links)
    found = sorted(told)
    assert found == ["month-dead-x", "page-dead-x"], checked.stdout + checked.stderr


def test_a_link_to_the_index_second_page_follows_the_articles_online_as_a_real_build_does(site: Path) -> None:
    """`/index2.html`, Pelican's second page of the index (DEFAULT_PAGINATION), was told "no article or page of
    the site" from an article to come whose own going online makes that page: judged against today's build.
    The check follows what the build writes as the articles go online: a link from an article online now is
    dead until the next article fills a second page, and told with the day; one from that article is fine.
    Real builds on those days write index2.html and index3.html then, and not before."""
    write_pelicanconf(site, "DEFAULT_PAGINATION = 1\n")
    articles = site / "content" / "articles"
    (articles / "deux.md").write_text("Title: Deux\nDate: 2027-03-01 09:00\n\nVoir [la suite](/index2.html) et "
                                      "[plus loin](/index3.html).\n", encoding="utf-8")
    published = articles / "publie.md"
    published.write_text(published.read_text(encoding="utf-8") + "\nVoir [la suite](/index2.html).\n",
                         encoding="utf-8")
    checked = run_edcal("check", "--format", "json", "--only", "article-link", cwd=site)
    assert [(f["file"], f["message"], f["hint"]) for f in json.loads(checked.stdout)["findings"]] == [
        ("content/articles/deux.md", "'/index3.html' in article 'deux' links to /index3.html, which the blog writes "
         "once content/articles/futur.md is online, on 2027-03-25 09:00: a dead link until then",
         "link to a page that is online by then, or add the link on 2027-03-25 09:00"),
        ("content/articles/publie.md", "'/index2.html' in article 'publie' links to /index2.html, which the blog "
         "writes once content/articles/deux.md is online, on 2027-03-01 09:00: a dead link until then",
         "link to a page that is online by then, or add the link on 2027-03-01 09:00")], checked.stdout
    written = {}
    for day in ("2027-02-28T10:00", "2027-03-01T10:00", "2027-03-25T10:00"):
        built = run_edcal("build", "--no-check", cwd=site, env={"EDCAL_NOW": day})
        assert built.returncode == 0, built.stderr
        written[day] = sorted(path.name for path in (site / "output").glob("index*.html"))
    assert written == {"2027-02-28T10:00": ["index.html"], "2027-03-01T10:00": ["index.html", "index2.html"],
                       "2027-03-25T10:00": ["index.html", "index2.html", "index3.html"]}
    checked = run_edcal("check", "--format", "json", "--only", "article-link", cwd=site,
                        env={"EDCAL_NOW": "2027-03-25T10:00"})
    assert json.loads(checked.stdout)["findings"] == [], checked.stdout


def test_a_link_to_a_tag_category_or_author_further_page_follows_the_articles_online_as_a_real_build_does(
        site: Path) -> None:
    """`/tag/test2.html`, the second page of a tag's list (Pelican's pagination of the tag, category and author
    pages, per PAGINATED_TEMPLATES), was told "no article or page of the site" whatever the day: a tag with one
    page now has a second once an article to come is online. It is judged as `/index2.html` is, on the day the
    linking text goes online (each list cut by its own number under PAGINATED_TEMPLATES, none for a template it
    leaves out); real builds on those days write those pages then, and not before."""
    write_pelicanconf(site, 'DEFAULT_PAGINATION = 1\nAUTHOR = "Léa"\nTAG_URL = "tag/{slug}.html"\n'
                            'TAG_SAVE_AS = "tag/{slug}.html"\n'
                            'PAGINATED_TEMPLATES = {"index": None, "tag": None, "category": 2}\n')
    articles = site / "content" / "articles"
    published = articles / "publie.md"
    published.write_text(published.read_text(encoding="utf-8") + "\nVoir [la suite](/tag/test2.html) et "
                         "[Léa](/author/lea2.html).\n", encoding="utf-8")
    (articles / "deux.md").write_text(
        "Title: Deux\nDate: 2027-03-01 09:00\nTags: test\nCategory: Essais\n\nVoir [la suite](/tag/test2.html), "
        "[plus loin](https://blog.example.fr/tag/test3.html) et [les essais](/category/essais2.html).\n",
        encoding="utf-8")
    (articles / "trois.md").write_text(
        "Title: Trois\nDate: 2027-03-10 09:00\nTags: test\nCategory: Essais\n\nVoir [la fin](/tag/test3.html), "
        "[les essais](/category/essais2.html) et [trop loin](/tag/test4.html).\n", encoding="utf-8")
    page = site / "content" / "pages" / "contact.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nNos [essais](/tag/test2.html).\n", encoding="utf-8")
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8") + (
        "  - {id: avant, networks: [x], at: 2027-02-20 09:00, text: Tag, link: 'https://blog.example.fr/tag/test2.html'}\n"
        "  - {id: apres, networks: [x], at: 2027-03-02 09:00, text: Tag, link: 'https://blog.example.fr/tag/test2.html'}\n"),
        encoding="utf-8")
    checked = run_edcal("check", "--format", "json", "--only", "article-link", "--only", "unknown-article-link",
                        cwd=site)
    later = "which the blog writes once content/articles/{0}.md is online, on 2027-03-{1} 09:00: a dead link until then"
    hint = "link to a page that is online by then, or add the link on 2027-03-{0} 09:00"
    assert [(f["file"], f["message"], f["hint"]) for f in json.loads(checked.stdout)["findings"]] == [
        ("calendar.yaml", "post 'avant-x' (2027-02-20 09:00) links to /tag/test2.html, which the blog writes once "
         "content/articles/deux.md is online, on 2027-03-01 09:00: after the post",
         "move the post to 2027-03-01 09:00 or later, or link to a page that is online by then"),
        ("content/articles/deux.md", "'https://blog.example.fr/tag/test3.html' in article 'deux' links to "
         "/tag/test3.html, " + later.format("trois", 10), hint.format(10)),
        ("content/articles/deux.md", "'/category/essais2.html' in article 'deux' links to /category/essais2.html, "
         + later.format("trois", 10), hint.format(10)),
        ("content/articles/publie.md", "'/tag/test2.html' in article 'publie' links to /tag/test2.html, "
         + later.format("deux", "01"), hint.format("01")),
        ("content/articles/publie.md", "'/author/lea2.html' in article 'publie' links to /author/lea2.html, which "
         "is no article or page of the site", "did you mean '/author/lea.html'?"),
        ("content/articles/trois.md", "'/tag/test4.html' in article 'trois' links to /tag/test4.html, which is no "
         "article or page of the site", "did you mean '/tag/test.html'?"),
        ("content/pages/contact.md", "'/tag/test2.html' in page content/pages/contact.md links to /tag/test2.html, "
         + later.format("deux", "01"), hint.format("01"))], checked.stdout
    written = {}
    for day in ("2027-02-28T10:00", "2027-03-01T10:00", "2027-03-10T10:00"):
        built = run_edcal("build", "--no-check", cwd=site, env={"EDCAL_NOW": day})
        assert built.returncode == 0, built.stderr
        written[day] = sorted(path.relative_to(site / "output").as_posix()
                              for folder in ("tag", "category", "author")
                              for path in (site / "output" / folder).glob("[tela]*.html"))
    assert written == {
        "2027-02-28T10:00": ["author/lea.html", "category/essais.html", "tag/test.html"],
        "2027-03-01T10:00": ["author/lea.html", "category/essais.html", "tag/test.html", "tag/test2.html"],
        "2027-03-10T10:00": ["author/lea.html", "category/essais.html", "category/essais2.html", "tag/test.html",
                             "tag/test2.html", "tag/test3.html"]}
    checked = run_edcal("check", "--format", "json", "--only", "article-link", cwd=site,
                        env={"EDCAL_NOW": "2027-03-10T10:00"})
    assert [f["message"] for f in json.loads(checked.stdout)["findings"]] == [
        "'/author/lea2.html' in article 'publie' links to /author/lea2.html, which is no article or page of the site",
        "'/tag/test4.html' in article 'trois' links to /tag/test4.html, which is no article or page of the site"], \
        checked.stdout


def test_a_link_to_a_tag_further_page_to_come_at_its_address_is_judged_as_at_its_file(site: Path) -> None:
    """A host that serves ``tag/test-2.html`` at ``/tag/test/2`` (TAG_URL and PAGINATION_PATTERNS say so): a post
    linking to that address before the article that fills the tag's second page is online is told when, as
    at the file's path; after it, it is fine."""
    write_pelicanconf(site, 'TAG_URL = "tag/{slug}"\nTAG_SAVE_AS = "tag/{slug}.html"\n'
                            'DEFAULT_PAGINATION = 1\nPAGINATION_PATTERNS = ((1, "{url}", "{save_as}"),\n'
                            '    (2, "{url}/{number}", "{name}-{number}{extension}"))\n')
    (site / "content" / "articles" / "deux.md").write_text(
        "Title: Deux\nDate: 2027-03-01 11:00\nTags: test\n\nTexte.\n", encoding="utf-8")
    checked, told = link_findings(site, {"adresse": "/tag/test/2", "fichier": "/tag/test-2.html",
                                         "ensuite": "/tag/test/2", "trop-loin": "/tag/test/3"})
    assert sorted(told) == ["adresse-x", "fichier-x", "trop-loin-x"], checked.stdout + checked.stderr
    assert told["adresse-x"]["message"] == (
        "post 'adresse-x' (2027-03-01 09:00) links to /tag/test/2, which the blog writes once "
        "content/articles/deux.md is online, on 2027-03-01 11:00: after the post")
    assert told["trop-loin-x"]["message"] == ("post 'trop-loin-x' links to /tag/test/3, which is no article or page "
                                              "of the site")


def test_a_post_linking_to_a_tag_page_by_its_address_without_html_is_no_unknown_link(site: Path) -> None:
    """A blog whose host serves ``tag/test.html`` at ``/tag/test`` (GitHub Pages, Netlify) says so with
    TAG_URL: a post linking to that address links to the tag's page, not to nothing."""
    write_pelicanconf(site, 'TAG_URL = "tag/{slug}"\nTAG_SAVE_AS = "tag/{slug}.html"\n'
                            'DEFAULT_PAGINATION = 1\nPAGINATION_PATTERNS = ((1, "{url}", "{save_as}"),\n'
                            '    (2, "{url}/{number}", "{name}-{number}{extension}"))\n')
    (site / "content" / "articles" / "autre.md").write_text(
        "Title: Un autre article\nDate: 2027-02-03 09:00\nTags: test\n\nTexte.\n", encoding="utf-8")
    links = {"tag": "/tag/test", "tag-two": "/tag/test/2", "tag-dead": "/tag/inox"}
    checked, told = link_findings(site, links)
    found = sorted(told)
    assert found == ["tag-dead-x"], checked.stdout + checked.stderr


def test_a_networks_gap_before_its_first_post_suggests_since() -> None:
    """A user trial: `edcal init` sets each network's `since:` to the day the site is made; a plan that starts
    posting two weeks later got a gap for each week before, whose hint ("plan a post, or adjust `cadence:`")
    never named `since:`, the field that says when the account starts."""
    calendar_text = PARIS_CALENDAR.replace("  x: {}\n", "  x: {cadence: 2/week}\n")
    lines = ["{id: a, at: 2027-01-19 09:00, networks: [x], text: Un}",
             "{id: b, at: 2027-01-21 09:00, networks: [x], text: Deux}"]
    plan = plan_of(calendar_from(calendar_text + "checks: {cadence-gap: {horizon: 3 weeks}}\n" + posts(*lines)),
                   now=NOW)
    found = run_checks(plan, only=["cadence-gap"])
    assert [f.message for f in found] == [f"X: 0 posts in the week of {first} to {last}, cadence 2/week"
                                          for first, last in (("2027-01-04", "2027-01-10"), ("2027-01-11", "2027-01-17"))]
    assert {f.hint for f in found} == {
        "nothing is planned on X before 2027-01-19: if the account starts then, write `since: 2027-01-19` "
        "under it (the days before it are not judged); else plan a post in that period, or adjust `cadence:`"}
    # A monthly cadence's gap is a month, not weeks: the hint said "the weeks before are not judged".
    monthly = calendar_text.replace("cadence: 2/week", "cadence: 1/month")
    plan = plan_of(calendar_from(monthly + "checks: {cadence-gap: {horizon: 3 months}}\n"
                                 + posts("{id: a, at: 2027-03-09 09:00, networks: [x], text: Un}")), now=NOW)
    assert run_checks(plan, only=["cadence-gap"])[0].hint.startswith(
        "nothing is planned on X before 2027-03-09: if the account starts then, write `since: 2027-03-09` under it "
        "(the days before it are not judged)")
    # A gap after the first post keeps its hint: the account has started.
    lines.append("{id: c, at: 2027-02-09 09:00, networks: [x], text: Trois}")
    plan = plan_of(calendar_from(calendar_text + "checks: {cadence-gap: {horizon: 6 weeks}}\n" + posts(*lines)),
                   now=NOW)
    later = [f for f in run_checks(plan, only=["cadence-gap"]) if "2027-01-25" in f.message]
    assert [f.hint for f in later] == ["plan a post (or an article's promotion) in that period, or adjust `cadence:`"]


@pytest.mark.parametrize("options", [["--summary"], ["--only", "text-too-long"], ["--format", "json"],
                                     ["--format", "text"], ["--strict"], ["--since", "2027-01-01"],
                                     ["--until", "2027-03-31"]])
def test_list_with_an_option_of_a_run_is_a_usage_error(site: Path, options: list[str]) -> None:
    """`edcal check --list --summary` (or `--only`, `--format json`) printed the list and ignored the option:
    the rules are listed, none is run, and a script asking for JSON got text."""
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--list", *options])
    assert result.exit_code == 2, result.output
    assert (f"edcal: error: --list lists the rules and runs none: {options[0]} means nothing with it"
            in result.output), result.output
    assert "text-too-long" not in result.output.replace(options[-1], "")


def test_summary_with_q_prints_nothing_when_the_run_passes(site: Path) -> None:
    """`-q` prints only what fails the run, and nothing when it passes: `--summary -q` printed the warnings'
    counts all the same."""
    runner = CliRunner()
    calendar = site / "calendar.yaml"
    warned = runner.invoke(cli, ["check", "--site", str(site), "--summary"])
    assert warned.exit_code == 0 and "warning" in warned.output, warned.output
    quiet = runner.invoke(cli, ["check", "--site", str(site), "--summary", "-q"])
    assert (quiet.exit_code, quiet.output) == (0, ""), quiet.output
    calendar.write_text(calendar.read_text(encoding="utf-8") + SITE_POSTS.format(long="é" * 300), encoding="utf-8")
    failing = runner.invoke(cli, ["check", "--site", str(site), "--summary", "-q"])
    assert failing.exit_code == 1 and failing.output.startswith("by rule:\n"), failing.output


def test_list_with_options_of_a_run_is_told_in_the_site_s_language(site: Path) -> None:
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--list", "--summary", "--strict"],
                                env={"EDCAL_LANG": "fr"})
    assert result.exit_code == 2 and result.output.startswith(
        "edcal: error: --list liste les règles et n'en lance aucune\u00a0: --strict, --summary n'ont pas de sens "
        "avec lui\n"), result.output


def test_a_one_day_campaign_is_told_its_day_not_its_1_days() -> None:
    """A fair's day with `3/week` was told "0 posts in its 1 days, 2027-01-20 to 2027-01-20", in French
    "pendant ses 1 jour, du 20/01 au 20/01/2027"."""
    from edcal.i18n import translator

    campaign = ("campaigns:\n  - {id: salon, name: Salon, from: 2027-01-20, until: 2027-01-20, cadence: 3/week, "
                "networks: [linkedin]}\n")
    found = findings("cadence-gap", campaign)
    assert [str(f.message) for f in found] == [
        "campaign 'Salon' on LinkedIn: 0 posts on its one day, 2027-01-20, cadence 3/week: shorter than a week, "
        "the campaign is held to it over its whole run"]
    assert [f.message.translated(translator("fr")) for f in found] == [
        "la campagne «\u00a0Salon\u00a0» sur LinkedIn\u00a0: 0 publication pendant son seul jour, le 20/01/2027, rythme visé "
        "3/semaine\u00a0: plus courte qu'une semaine, la campagne y est tenue sur toute sa durée"]


def test_plugin_not_installed_is_a_finding_in_every_format_and_can_be_turned_off(site: Path) -> None:
    """A plugin of PLUGINS not installed where the check runs (the pre-commit hook's environment): Pelican's
    "Cannot load plugin" lines on stderr, never in `--format json` or `github`. A warning now, which
    `checks:` turns off."""
    def check(*args: str) -> subprocess.CompletedProcess[str]:
        return run_edcal("check", "--only", "plugin-not-installed", *args, cwd=site)

    write_pelicanconf(site, 'PLUGINS = ["edcal", "pelican_readtime"]\n')
    line = len((site / "pelicanconf.py").read_text(encoding="utf-8").splitlines())
    result = check("--format", "json")
    assert result.stderr == ""
    assert [(f["file"], f["line"], f["severity"], f["rule"]) for f in json.loads(result.stdout)["findings"]] == [
        ("pelicanconf.py", line, "warning", "plugin-not-installed")]
    assert f"::warning file=pelicanconf.py,line={line},col=1,title=plugin-not-installed::" in check(
        "--format", "github").stdout
    calendar = site / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8") + "checks:\n  plugin-not-installed: off\n",
                        encoding="utf-8")
    quiet = check("--format", "json")
    assert json.loads(quiet.stdout)["findings"] == [] and quiet.stderr == ""


def test_public_holiday_except_refuses_a_holiday_named_twice() -> None:
    """`except: [Noël, noël]` named one holiday twice, without a word."""
    with pytest.raises(InputErrors) as caught:
        calendar_from(PARIS_CALENDAR + "country: FR\nchecks: {public-holiday: {except: [Noël, Toussaint, noël]}}\n")
    assert [e.format() for e in caught.value.errors] == [
        "calendar.yaml:10:53: error: found 'noël' in `except:`, given already by 'Noël' (calendar.yaml:10)\n"
        "    hint: remove it: a list holds each value once"]


def test_public_holiday_except_told_a_date_before_the_years_the_library_knows() -> None:
    """Slovakia's holidays start in 1993: 1 January 1990 was told it was no public holiday."""
    with pytest.raises(InputErrors) as caught:
        calendar_from(PARIS_CALENDAR + "country: SK\nchecks: {public-holiday: {except: [1990-01-01]}}\n")
    [error] = caught.value.errors
    assert error.format().partition(": error: ")[2].startswith(
        "found '1990-01-01', expected a public holiday of SK\n    hint: 1990-01-01 is before 1993, the first year "
        "whose public holidays of SK edcal knows (the holidays library's): `except` takes holidays by name, one "
        "of: "), error.format()


def test_withheld_now_past_names_each_post_a_lifted_freeze_kept_from_going_out() -> None:
    """The freeze was lifted; the posts it withheld, their time gone, never went out, and only a planning notice
    said so: nothing in `edcal check`, CI or the pull request's annotations."""
    lifted = "freeze:\n  - {from: 2027-01-12 09:40, until: 2027-01-14 10:00, reason: Bad buzz}\n"
    entries = posts("{id: voeux, at: 2027-01-12 11:00, networks: [x], text: Joyeux}",
                    "{id: apres, at: 2027-01-14 11:00, networks: [x], text: Après}",
                    "{id: avant, at: 2027-01-11 11:00, networks: [x], text: Avant}")
    found = findings("withheld-now-past", entries, extra=lifted, now="2027-01-15T10:00:00+01:00")
    assert [(f.source.line, f.item, f.severity) for f in found] == [(12, "voeux-x", "warning")]
    assert found[0].message == ("post 'voeux-x' (2027-01-12 11:00) never went out: a freeze withheld it, from "
                                "2027-01-12 09:40 until 2027-01-14 10:00: Bad buzz")
    # Whole weeks keep its weekday and slot (`--to DAY` moved it by days, onto another weekday, off its slot).
    assert found[0].hint == ("to send it later, `edcal move voeux --by '+1 week'`: the same weekday, at its time or "
                             "slot (`edcal move --withheld --by '+1 week'` moves every one-off post a freeze "
                             "withheld); to drop it, log it under `posted:` as `{item: voeux-x, skipped: true}`")
    french = translator("fr")
    assert translated(found[0].message, french).replace("\xa0", " ") == (
        "la publication 'voeux-x' (12/01/2027 11:00) n'est jamais partie : un gel des publications l'a retenue, "
        "du 12/01/2027 à 09:40 au 14/01/2027 à 10:00 : Bad buzz")
    # While the freeze lasts, post-in-freeze says it; a week after its end, the finding is gone, as the planning
    # pages' "Gel levé" notice.
    assert not findings("withheld-now-past", entries, extra=lifted, now="2027-01-13T10:00:00+01:00")
    assert not findings("withheld-now-past", entries, extra=lifted, now="2027-01-21T10:01:00+01:00")
    # Logged (skipped: dropped; or gone out all the same), the post is settled.
    logged = "posted:\n  - {item: voeux-x, skipped: true}\n"
    assert not findings("withheld-now-past", entries + logged, extra=lifted, now="2027-01-15T10:00:00+01:00")
    assert not findings("withheld-now-past", entries + "posted:\n  - voeux-x\n", extra=lifted,
                        now="2027-01-15T10:00:00+01:00")
    # Silenced on its entry, or turned off under `checks:`, like any rule.
    silenced = entries.replace("text: Joyeux}", "text: Joyeux, silence: {withheld-now-past: on la laisse}}")
    assert not findings("withheld-now-past", silenced, extra=lifted, now="2027-01-15T10:00:00+01:00")
    off = "checks:\n  withheld-now-past: off\n"
    assert not findings("withheld-now-past", entries, extra=lifted + off, now="2027-01-15T10:00:00+01:00")


def test_withheld_now_past_waits_while_another_freeze_in_force_still_holds_the_post() -> None:
    """Two freezes over one post: the first of the file lifted, the second (no end yet) still holds it. The
    crisis is not over: 'move it to a day to come' would move it into the freeze that holds it."""
    overlapping = ("freeze:\n  - {from: 2027-01-12, until: 2027-01-14, reason: Bad buzz}\n"
                   "  - {from: 2027-01-13, reason: Crise longue}\n")
    entries = posts("{id: voeux, at: 2027-01-13 11:00, networks: [x], text: Joyeux}",
                    "{id: lundi, at: 2027-01-12 11:00, networks: [x], text: Lundi}")
    found = findings("withheld-now-past", entries, extra=overlapping, now="2027-01-16T10:00:00+01:00")
    assert [f.item for f in found] == ["lundi-x"]



def test_withheld_now_past_counts_the_week_from_the_end_of_the_last_freeze_that_held_the_post() -> None:
    """Two freezes over one post, the second ending later: the post was withheld until the second's end, but the
    finding was judged from the first's (the first of the file) and left the report a week after it, while the
    second's "Freeze lifted" notice still listed the post."""
    from edcal.outputs.pages import freeze_notices
    from helpers import calendar_from, plan_of

    overlapping = ("freeze:\n  - {from: 2027-01-12, until: 2027-01-14, reason: Bad buzz}\n"
                   "  - {from: 2027-01-13, until: 2027-01-20, networks: [x], reason: Crise longue}\n")
    entries = posts("{id: voeux, at: 2027-01-13 11:00, networks: [x], text: Joyeux}",
                    "{id: lundi, at: 2027-01-12 11:00, networks: [x], text: Lundi}")
    # 9 days after the first freeze ended, 3 after the second: the post it held until then never went out.
    found = findings("withheld-now-past", entries, extra=overlapping, now="2027-01-24T10:00:00+01:00")
    assert [(f.item, f.message) for f in found] == [
        ("voeux-x", "post 'voeux-x' (2027-01-13 11:00) never went out: a freeze withheld it, from 2027-01-13 until "
                    "2027-01-20 included: Crise longue")]
    # As the planning pages' notice of the second freeze lists it (the first's is over).
    plan = plan_of(calendar_from(PARIS_CALENDAR + overlapping + entries), now="2027-01-24T10:00:00+01:00")
    assert [(n.window.reason, [f[3] for f in n.first]) for n in freeze_notices(plan) if n.lifted] == [
        ("Crise longue", ["voeux"])]
    # A week after the second freeze's end, it is gone too.
    assert not findings("withheld-now-past", entries, extra=overlapping, now="2027-01-28T00:01:00+01:00")

def test_withheld_now_past_tells_a_series_at_its_line_once_and_a_promotion_to_write_a_post() -> None:
    lifted = "freeze:\n  - {from: 2027-01-12, until: 2027-01-14, networks: [x], reason: Crise}\n"
    daily = "{id: astuce, networks: [x], text: Astuce, repeat: {every: day, at: '11:00', from: 2027-01-10}}"
    found = findings("withheld-now-past", "blog:\n  promote: {networks: [x]}\n" + posts(daily),
                     [lambda c: article("lancement", "2027-01-13T09:00", c)], extra=lifted,
                     now="2027-01-16T10:00:00+01:00")
    messages = {f.source.path: f for f in found}
    series = messages["calendar.yaml"]
    assert series.message == ("3 posts ('astuce-x-20270112' (2027-01-12 11:00), 'astuce-x-20270113' (2027-01-13 "
                              "11:00), 'astuce-x-20270114' (2027-01-14 11:00)) never went out: a freeze withheld them, "
                              "from 2027-01-12 until 2027-01-14 included: Crise")
    # A series' day moved by whole weeks lands on a day it posts: it is given a day of its own. The command names
    # the days, to be pasted (it said `edcal move astuce-YYYYMMDD`).
    assert series.hint == ("to send them later, move each day to a day to come that its series does not post on: "
                           "`edcal move astuce-20270112 --to DAY`, then the same for astuce-20270113, astuce-20270114; "
                           "to drop one, log it under `posted:` with `skipped: true`")
    assert in_french(series.hint) == (
        "pour les envoyer plus tard, déplacez chaque jour vers un jour à venir où sa série ne publie pas : "
        "`edcal move astuce-20270112 --to JOUR`, puis de même pour astuce-20270113, astuce-20270114 ; pour "
        "renoncer à l'une d'elles, notez-la sous `posted:` avec `skipped: true`")
    # Past the first three days after the first, the others are counted.
    week = findings("withheld-now-past", posts(daily), extra=lifted.replace("2027-01-14", "2027-01-18"),
                    now="2027-01-20T10:00:00+01:00")
    assert [f.hint for f in week] == [
        "to send them later, move each day to a day to come that its series does not post on: `edcal move "
        "astuce-20270112 --to DAY`, then the same for astuce-20270113, astuce-20270114, astuce-20270115 and 3 more "
        "days; to drop one, log it under `posted:` with `skipped: true`"]
    # Two networks: one name a day, for both.
    both = findings("withheld-now-past", posts(daily.replace("[x]", "[x, linkedin]")),
                    extra=lifted.replace("networks: [x], ", ""), now="2027-01-16T10:00:00+01:00")
    assert [f.hint for f in both] == [series.hint]
    promotion = messages["content/articles/lancement.md"]
    assert promotion.hint == ("a promotion follows its article: to send it later, write it as a post of its own "
                              "with `at:`; to drop it, log it under `posted:` as "
                              "`{item: lancement-x-0, skipped: true}`")


def test_withheld_now_past_keeps_quiet_on_a_silenced_series_without_failing() -> None:
    """A review found `edcal check`, `build` and `move` stopped by a KeyError: a series silenced for the rule
    had no grouped hint, which its days' findings looked up all the same."""
    lifted = "freeze:\n  - {from: 2027-01-12, until: 2027-01-14, networks: [x], reason: Crise}\n"
    daily = ("{id: astuce, networks: [x], text: Astuce, repeat: {every: day, at: '11:00', from: 2027-01-10}, "
             "silence: {withheld-now-past: on renonce à ces trois jours}}")
    assert findings("withheld-now-past", posts(daily), extra=lifted, now="2027-01-16T10:00:00+01:00") == []


def test_withheld_now_past_never_offers_a_name_that_moves_a_post_the_freeze_left_alone() -> None:
    """A freeze of X alone: the hint offered `edcal move voeux`, the entry's name, which moves its LinkedIn post too
    (its own `at:`, still to come); and `edcal move astuce-20270113 --to DAY` for a series' day, which `edcal move`
    refuses (the day's LinkedIn post went out: `moved:` would move it too)."""
    on_x = "freeze:\n  - {from: 2027-01-12, until: 2027-01-14, networks: [x], reason: Crise}\n"
    entry = posts("{id: voeux, at: 2027-01-12 11:00, networks: [x, linkedin], text: Joyeux, "
                  "variants: {linkedin: {at: 2027-01-20 11:00}}}")
    [found] = findings("withheld-now-past", entry, extra=on_x, now="2027-01-15T10:00:00+01:00")
    assert found.hint.startswith("to send it later, `edcal move voeux-x --by '+1 week'`"), found.hint
    weekly = ("{id: astuce, networks: [x, linkedin], text: Astuce, "
              "repeat: {every: week, on: wed, at: '11:00', from: 2027-01-05}}")
    [found] = findings("withheld-now-past", posts(weekly), extra=on_x, now="2027-01-16T10:00:00+01:00")
    assert found.hint == ("its series posts that day on other networks too, and `edcal move` moves a day on them "
                          "all: to send it later, write it as a post of its own with `at:`; to drop it, log it "
                          "under `posted:` as `{item: astuce-x-20270113, skipped: true}`")
    assert in_french(found.hint) == (
        "sa série publie aussi ce jour-là sur d'autres réseaux, et `edcal move` déplace un jour sur tous : pour "
        "l'envoyer plus tard, écrivez-la comme une publication à part avec `at:` ; pour y renoncer, notez-la sous "
        "`posted:` : `{item: astuce-x-20270113, skipped: true}`")


def test_withheld_now_past_leaves_out_the_drafts_a_freeze_covered() -> None:
    """A promotion of an article still in review is a draft: it would not have gone out, freeze or not. The check
    blamed the freeze for it."""
    lifted = "freeze:\n  - {from: 2027-01-12 09:40, until: 2027-01-14 10:00, reason: Bad buzz}\n"
    entries = "blog:\n  promote: {networks: [x], schedule: [+2 days]}\n" + posts(
        "{id: voeux, at: 2027-01-12 11:00, networks: [x], text: Joyeux}",
        "{id: brouillon, at: 2027-01-13 11:00, networks: [x], text: Pas prête, status: draft}")
    found = findings("withheld-now-past", entries, [lambda c: article("relu", "2027-01-11T09:00", c, status="review")],
                     extra=lifted, now="2027-01-15T10:00:00+01:00")
    assert [f.item for f in found] == ["voeux-x"]
