"""Threads: `thread:` replies under a post on X, Mastodon, Bluesky and Threads, each a post of its own, from
calendar.yaml (and an article's `social:`) to the drafts, exports, feeds and review pages."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import icalendar
import jsonschema

from edcal.outputs.drafts import sidecar
from edcal.outputs.exports import generic_csv, hootsuite, posts_json
from edcal.outputs.plan_json import document
from helpers import article, by_id, calendar_from, load_errors, plan_of

ROOT = Path(__file__).parents[1]
NETWORKS = """\
version: 1
timezone: Europe/Paris
networks:
  x: {}
  mastodon: {}
  bluesky: {}
  linkedin: {}
posts:
"""
THREAD = """\
  - id: fil
    networks: [x, mastodon, bluesky, linkedin]
    at: 2027-01-12 09:00
    article: a
    thread:
      - "2/3 : chaque portail est soudé à la main. https://blog.example.fr/a/"
      - "3/3 : et vous, quel portail ?"
"""


def _plan(posts: str) -> Any:
    calendar = calendar_from(NETWORKS + posts)
    return plan_of(calendar, [article("a", "2027-01-05T09:00", calendar, title="Portails en acier",
                                      summary="Comment nous les fabriquons.", tags=("métallerie",))])


def test_each_reply_is_a_post_of_its_own_measured_the_network_s_way() -> None:
    items = by_id(_plan(THREAD))
    x, mastodon, bluesky, linkedin = (items[f"fil-{n}"] for n in ("x", "mastodon", "bluesky", "linkedin"))
    # The post is the thread's first, as the template makes it (link, hashtags); the replies follow in order.
    assert x.text.startswith("Portails en acier") and "#Métallerie" in x.text
    assert [reply.text for reply in x.thread] == [
        "2/3\u00a0: chaque portail est soudé à la main. "
        "https://blog.example.fr/a/?utm_source=x&utm_medium=social&utm_campaign=a",
        "3/3\u00a0: et vous, quel portail\u00a0?"]
    # X counts each URL as 23 (twitter-text), Mastodon too; Bluesky shows it short and counts graphemes and bytes.
    assert x.thread[0].lengths == (("twitter", 42 + 23, 280),)
    assert mastodon.thread[0].length == 42 + 23 and mastodon.thread[0].limit == 500
    short = bluesky.thread[0]
    assert short.text.endswith("blog.example.fr/a/?utm_sourc...") and short.pasted.endswith("utm_campaign=a")
    assert [counting for counting, _, _ in short.lengths] == ["graphemes", "utf8-bytes"]
    assert short.length == len(short.text)
    # LinkedIn answers no post with another: no thread there (thread-lost says so).
    assert linkedin.thread == ()


def test_a_variant_s_thread_replaces_the_entry_s_and_an_empty_one_removes_it() -> None:
    items = by_id(_plan(THREAD + "    variants:\n      mastodon:\n        thread: Une seule réponse, ici.\n"
                                 "      bluesky: {thread: []}\n"))
    assert [r.text for r in items["fil-mastodon"].thread] == ["Une seule réponse, ici."]
    assert items["fil-bluesky"].thread == () and len(items["fil-x"].thread) == 2


def test_a_site_link_in_a_reply_makes_the_post_that_article_s() -> None:
    """Without `link:` or `article:`, the first link to the site in the text, the comment or the thread is the
    post's: tracked for its network, and checked (`post-before-article`, `unknown-article-link`)."""
    plan = _plan("  - id: t\n    networks: [x]\n    at: 2027-01-12 09:00\n    text: Un fil sur nos portails\n"
                 "    thread: ['Tout est là : https://blog.example.fr/a/']\n")
    post = by_id(plan)["t-x"]
    assert post.article == "a" and post.url == "https://blog.example.fr/a/?utm_source=x&utm_medium=social&utm_campaign=a"
    assert post.thread[0].text == f"Tout est là\u00a0: {post.url}"


def test_thread_settings_that_cannot_work_are_located_errors(tmp_path: Path) -> None:
    base = NETWORKS
    errors = load_errors(tmp_path, base + "  - {id: e, networks: [x], at: 2027-01-12 09:00, text: Un, thread: [Deux, '  ']}\n")
    assert errors == ["calendar.yaml:9:75: error: found only spaces, expected text\n"
                      "    hint: write the reply's words, or remove the empty item"]
    errors = load_errors(tmp_path, base + "  - {id: e, networks: [x], at: 2027-01-12 09:00, text: Un, thread: {a: b}}\n")
    assert len(errors) == 1 and errors[0].startswith("calendar.yaml:9:68: error: found a mapping, expected a list")
    errors = load_errors(tmp_path, base + "  - {id: e, networks: [x], at: 2027-01-12 09:00, text: Un, thred: [Deux]}\n")
    assert len(errors) == 1 and "did you mean 'thread'?" in errors[0]
    # A network of one's own that answers its posts says so.
    calendar = calendar_from("version: 1\ntimezone: Europe/Paris\nnetworks:\n  fedi:\n    custom: true\n"
                             "    name: Notre instance\n    limit: 1000\n    replies: true\n")
    assert calendar.networks["fedi"].replies
    assert not calendar_from("version: 1\ntimezone: Europe/Paris\nnetworks:\n  fedi: {custom: true, name: F, limit: 9}\n"
                             ).networks["fedi"].replies


def test_exports_sidecars_and_plan_json_carry_the_thread() -> None:
    plan = _plan(THREAD)
    items = by_id(plan)
    x, bluesky = items["fil-x"], items["fil-bluesky"]
    replies = sidecar(x, plan)["thread"]
    assert [(r["text"], r["length"], r["limit"], r["fits"]) for r in replies] == [
        (x.thread[0].text, 65, 280, True), (x.thread[1].text, 29, 280, True)]
    assert sidecar(items["fil-linkedin"], plan)["thread"] == []
    # Bluesky's API needs each reply's link as a facet, as the post's: where the short text sits, in bytes.
    [facet] = [f for f in sidecar(bluesky, plan)["thread"][0]["facets"] if "uri" in f]
    text = bluesky.thread[0].text
    assert facet["uri"] == bluesky.url
    assert text.encode("utf-8")[facet["byteStart"]:facet["byteEnd"]].decode("utf-8") == "blog.example.fr/a/?utm_sourc..."
    exported = json.loads(posts_json([bluesky], plan))["posts"][0]["thread"]
    assert exported[0]["pasted"] == bluesky.thread[0].pasted and exported[0]["facets"] == [facet]
    rows = list(csv.DictReader(io.StringIO(generic_csv([x], plan).lstrip("\ufeff"))))
    assert rows[0]["thread"] == f"{x.thread[0].text}\n---\n{x.thread[1].text}"
    _, notes = hootsuite([x], plan)
    assert any("thread (fil-x)" in note and "as replies" in note for note in notes)
    data = {item["id"]: item for item in document(plan)["items"]}
    assert data["fil-x"]["thread"] == [{"text": r.text, "length": r.length, "limit": 280} for r in x.thread]
    assert data["fil-bluesky"]["thread"][0]["lengths"][1]["counting"] == "utf8-bytes"
    assert [limit["counting"] for limit in sidecar(bluesky, plan)["thread"][0]["lengths"]] == ["graphemes", "utf8-bytes"]
    assert "thread" not in data["fil-linkedin"]
    schema = json.loads((ROOT / "docs" / "plan.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(document(plan), schema)


def test_an_article_s_social_gives_a_network_its_thread(tmp_path: Path) -> None:
    """A writer summing up an article in a Mastodon thread writes it in the article, beside its text there."""
    from conftest import run_edcal, write_pelicanconf

    site = tmp_path / "site"
    (site / "content" / "articles").mkdir(parents=True)
    (site / "calendar.yaml").write_text(
        "version: 1\ntimezone: Europe/Paris\nnetworks:\n  mastodon: {}\n  linkedin: {}\n"
        "blog:\n  promote: {networks: [mastodon], schedule: [at publication]}\n", encoding="utf-8")
    article_text = ("---\ntitle: Nos apprentis\ndate: 2027-03-02 09:00\nsocial:\n  mastodon:\n"
                    "    text: Deux apprentis, un chef-d'œuvre. Un fil 🧵\n"
                    "    thread:\n      - Léa a dessiné le portail.\n      - Yanis l'a soudé.\n---\n\n"
                    "Léa et Yanis ont fini leur portail.\n")
    (site / "content" / "articles" / "apprentis.md").write_text(article_text, encoding="utf-8")
    write_pelicanconf(site)
    env = {"EDCAL_NOW": "2027-02-01T10:00:00+01:00"}
    result = run_edcal("build", cwd=site, env=env)
    assert result.returncode == 0, result.stderr
    post = next(i for i in json.loads((site / "planning" / "plan.json").read_text(encoding="utf-8"))["items"]
                if i["kind"] == "post")
    assert [reply["text"] for reply in post["thread"]] == ["Léa a dessiné le portail.", "Yanis l'a soudé."]
    # The review page gives each reply its box and its copy button, numbered after the post.
    html = (site / "planning" / "drafts" / "2027-03.html").read_text(encoding="utf-8")
    assert f'id="reply-{post["id"]}-2"' in html and "Copier la réponse 2 du fil" in html
    feed = icalendar.Calendar.from_ical((site / "planning" / "calendar.ics").read_bytes())
    [event] = [e for e in feed.walk("VEVENT") if "Mastodon" in str(e["SUMMARY"])]
    assert "Fil, réponse 1\u00a0:\nLéa a dessiné le portail." in str(event["DESCRIPTION"])
    # The draft file is the first post alone: a script posting every .txt must not post a reply as a post.
    texts = list((site / "planning" / "drafts" / "mastodon").glob("*.txt"))
    assert len(texts) == 1 and "Yanis" not in texts[0].read_text(encoding="utf-8")
    # On a network that takes no thread, the writer is told where, and nothing is built.
    (site / "content" / "articles" / "apprentis.md").write_text(
        article_text.replace("  mastodon:\n", "  linkedin:\n"), encoding="utf-8")
    result = run_edcal("build", cwd=site, env=env)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "content/articles/apprentis.md:5:3: error: found `thread:` for LinkedIn, which takes no thread" \
        in result.stderr
    # An empty reply is located at its line.
    (site / "content" / "articles" / "apprentis.md").write_text(
        article_text.replace("Yanis l'a soudé.", "''"), encoding="utf-8")
    result = run_edcal("build", cwd=site, env=env)
    assert result.returncode == 2
    assert "content/articles/apprentis.md:9:9: error: found an empty reply in `thread:`" in result.stderr


def test_edcal_diff_names_a_changed_thread() -> None:
    from edcal.plan.changes import compare_plans

    before, after = _plan(THREAD), _plan(THREAD.replace("quel portail", "quelle porte"))
    changed = {change.after.id: change.fields for change in compare_plans(before, after, None).changes if change.after}
    assert changed["fil-x"] == ("thread",) and "fil-linkedin" not in changed


def test_a_promotion_s_thread_goes_with_its_first_post_once_the_article_is_online() -> None:
    """A reminder two days later, or a teaser the day before, that posts the whole thread again is a flood."""
    items = by_id(_plan("  - promote: a\n    networks: [mastodon]\n    schedule: [-1 day, at publication, +2 days]\n"
                        "    thread: [Un détail de plus.]\n"))
    assert [(item_id, len(item.thread)) for item_id, item in sorted(items.items()) if item.kind == "post"] == [
        ("a-mastodon-0", 1), ("a-mastodon-1d-before", 0), ("a-mastodon-2d", 0)]


def test_a_promotion_of_teasers_only_gives_its_thread_to_its_last_teaser() -> None:
    """No step once the article is online: the thread was silently lost, no check saying so."""
    items = by_id(_plan("  - promote: a\n    networks: [mastodon]\n    schedule: [-2 days, -1 day]\n"
                        "    thread: [Un détail de plus.]\n"))
    assert [(item_id, len(item.thread)) for item_id, item in sorted(items.items()) if item.kind == "post"] == [
        ("a-mastodon-1d-before", 1), ("a-mastodon-2d-before", 0)]


def test_the_post_s_link_written_in_a_reply_is_not_repeated_in_the_post() -> None:
    """Many keep a thread's first post free of links (X shows a post with one less) and give the link at the
    end: the template does not add it to the post, Hootsuite is not given it, the review page shows no card."""
    from edcal.outputs.review import preview

    plan = _plan("  - id: t\n    networks: [x, bluesky]\n    at: 2027-01-12 09:00\n    article: a\n"
                 "    text: Nos portails, en trois messages 🧵\n"
                 "    thread: ['Tout est là : https://blog.example.fr/a/']\n")
    items = by_id(plan)
    for network in ("x", "bluesky"):
        post = items[f"t-{network}"]
        assert post.url and post.url in post.thread[0].pasted
        assert post.text.startswith("Nos portails, en trois messages 🧵") and "blog.example.fr" not in post.text
        assert post.link_in_thread and preview(post, plan, {}) is None
        # A script posting through the API is told not to attach the link to the post as a card.
        assert sidecar(post, plan)["link_in_thread"] and json.loads(posts_json([post], plan))["posts"][0]["link_in_thread"]
    rows, _ = hootsuite([items["t-x"]], plan)
    assert next(csv.reader(io.StringIO(rows)))[1:] == [items["t-x"].text, ""]
    # Without it in a reply, the template gives the post its link as before.
    post = by_id(_plan(THREAD.replace(" https://blog.example.fr/a/", "")))["fil-mastodon"]
    assert post.url in post.text and not post.link_in_thread


def test_a_reply_mentioning_someone_by_another_network_s_address_is_located() -> None:
    """A thread written once for X, Mastodon and Bluesky: `@lea@piaille.fr` in a reply tags `@lea` on X."""
    from edcal.checks import run_checks

    plan = _plan("  - id: t\n    networks: [x, mastodon]\n    at: 2027-01-12 09:00\n    text: Un fil\n"
                 "    thread:\n      - Rien ici.\n      - Merci @lea@piaille.fr pour les photos.\n")
    found = [(f.source.line, f.source.column, f.message) for f in run_checks(plan, only=["mention-elsewhere"])]
    assert found == [(15, 9, "X post 't-x' mentions @lea@piaille.fr, an address on another network: X would "
                              "link another account, or none")]


def test_the_review_page_says_a_mastodon_length_counts_the_content_warning(tmp_path: Path) -> None:
    """A 46-character reply shown "80 / 500": nothing said the post's content warning, which Mastodon gives each
    reply, was counted in it (nor in the post's own length)."""
    import regex

    from edcal.checks import run_checks
    from edcal.outputs import review
    from edcal.outputs.context import OutputContext
    from edcal.themes import DEFAULT_THEME

    plan = _plan("  - id: cw\n    networks: [mastodon, x]\n    at: 2027-01-12 09:00\n    cw: Accident du travail\n"
                 "    text: Un soudeur s'est brûlé la main 🧵\n    thread: [Il va bien.]\n"
                 "    silence: {content-warning-lost: X le sait}\n")
    review.write(OutputContext(plan=plan, findings=tuple(run_checks(plan)),
                               template_folders={"planning": (DEFAULT_THEME / "planning",)}), tmp_path)
    page = (tmp_path / "drafts" / "2027-01.html").read_text(encoding="utf-8")
    cards = dict(regex.findall(r'<article class="card" id="item-([^"]+)"(.*?)</article>', page, flags=regex.DOTALL))
    shown = {key: " ".join(regex.sub(r"<[^>]+>", "", html).split()) for key, html in cards.items()}
    mastodon = by_id(plan)["cw-mastodon"]
    assert mastodon.thread[0].length == len("Il va bien.") + len("Accident du travail")
    assert "avertissement de contenu compris" in shown["cw-mastodon"]
    assert (f"Longueur de la réponse 1 du fil : {mastodon.thread[0].length} / 500 — avec l&#39;avertissement de contenu de la "
            "publication, que la réponse porte aussi") in shown["cw-mastodon"]
    assert "avertissement de contenu" not in shown["cw-x"]  # X shows none: its length has none


def test_a_too_long_reply_of_several_posts_says_whose_thread_it_is() -> None:
    """"X : la réponse 1 du fil de 3 publications (…)" read as a thread made of three posts; the posts of a
    recurring entry are named first, as `thread-lost` names them, then the reply of their thread."""
    from edcal.checks import run_checks
    from edcal.i18n import translator

    plan = _plan("  - id: astuce\n    networks: [x]\n    repeat: {every: week, on: thu, at: '12:30', from: 2027-01-07, "
                 "count: 2}\n    texts: [Pointez avant de percer., Rangez les électrodes.]\n"
                 f"    thread: [Court., '{'Pourquoi ? ' * 30}']\n")
    [finding] = [f for f in run_checks(plan) if f.rule == "thread-too-long"]
    assert finding.message.translated(translator("fr")).startswith(
        "X\u00a0: 2 publications ('astuce-x-20270107' (07/01/2027\u00a012:30), 'astuce-x-20270114' (14/01/2027\u00a0"
        "12:30))\u00a0: la réponse 2 de leur fil fait 329 caractères pondérés")
    assert finding.message.translated(translator("en")).startswith(
        "X: 2 posts ('astuce-x-20270107' (2027-01-07 12:30), 'astuce-x-20270114' (2027-01-14 12:30)): reply 2 of "
        "their thread is 329 long")
