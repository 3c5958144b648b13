"""First comments: `first_comment:` on posts, and a network's `in_first_comment:` (the link on LinkedIn,
the hashtags on Instagram), from calendar.yaml to the drafts, exports, feeds and review pages."""

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
  linkedin: {in_first_comment: link}
  instagram: {in_first_comment: hashtags}
  facebook: {}
  x: {}
posts:
"""


def _plan(posts: str) -> Any:
    calendar = calendar_from(NETWORKS + posts)
    return plan_of(calendar, [article("a", "2027-01-05T09:00", calendar, title="Portails en acier",
                                      summary="Comment nous les fabriquons.", tags=("métallerie",))])


def test_linkedin_s_link_goes_in_the_first_comment_and_instagram_s_hashtags_too() -> None:
    plan = _plan("  - {id: p, networks: [linkedin, instagram, x], at: 2027-01-12 09:00, article: a,"
                 " image: images/portail.png, alt: Un portail}\n")
    items = by_id(plan)
    linkedin, instagram, x = items["p-linkedin"], items["p-instagram"], items["p-x"]
    # LinkedIn: no link in the text, which says where it is; the comment gives it, tracked for LinkedIn.
    assert "blog.example.fr" not in linkedin.text
    assert "Lien en premier commentaire" in linkedin.text and "#Métallerie" in linkedin.text
    assert linkedin.first_comment == ("Lire l'article\u00a0: https://blog.example.fr/a/?utm_source=linkedin"
                                      "&utm_medium=social&utm_campaign=a")
    assert (linkedin.comment_length, linkedin.comment_limit) == (len(linkedin.first_comment), 1250)
    assert linkedin.url == "https://blog.example.fr/a/?utm_source=linkedin&utm_medium=social&utm_campaign=a"
    # Instagram: the caption without hashtags; they are the comment.
    assert "#" not in instagram.text and instagram.first_comment == "#Métallerie"
    # X takes no comment: the link and hashtags stay in the text.
    assert x.first_comment is None and "https://blog.example.fr/a/?utm_source=x" in x.text


def test_a_link_written_in_the_first_comment_is_the_post_s_tracked_and_not_repeated() -> None:
    plan = _plan("  - id: w\n    networks: [facebook]\n    at: 2027-01-12 09:00\n    text: Le salon approche\n"
                 "    first_comment: 'Tout le programme : https://blog.example.fr/a/'\n"
                 "  - {id: t, networks: [linkedin], at: 2027-01-13 09:00, text: 'Lisez https://blog.example.fr/a/'}\n"
                 "  - {id: c, networks: [linkedin], at: 2027-01-14 09:00, article: a, text: 'Le lien est en commentaire'}\n")
    items = by_id(plan)
    facebook = items["w-facebook"]
    assert facebook.article == "a" and facebook.url.startswith("https://blog.example.fr/a/?utm_source=facebook")
    assert facebook.text == "Le salon approche\n\nLien en premier commentaire"
    assert facebook.first_comment == f"Tout le programme\u00a0: {facebook.url}"
    # A link the writer put in the text stays there, even where the network moves links to the comment.
    written = items["t-linkedin"]
    assert "https://blog.example.fr/a/?utm_source=linkedin" in written.text and written.first_comment is None
    # A text that already points to the comment is not told twice.
    said = items["c-linkedin"]
    assert "Lien en premier commentaire" not in said.text and said.first_comment.startswith("Lire l'article")


def test_first_comment_settings_that_cannot_work_are_located_errors(tmp_path: Path) -> None:
    base = "version: 1\ntimezone: Europe/Paris\nnetworks:\n"
    assert load_errors(tmp_path, base + "  x: {in_first_comment: link}\n") == [
        "calendar.yaml:4:25: error: found `in_first_comment:` on X, which takes no first comment\n"
        "    hint: remove it; a network of your own that takes one sets its limit, e.g. `comment_limit: 1250` "
        "(LinkedIn's)"]
    errors = load_errors(tmp_path, base + "  instagram:\n    in_first_comment: [hashtags, link]\n")
    assert len(errors) == 1 and errors[0].startswith("calendar.yaml:5:23: error: found `link` in `in_first_comment:`"
                                                     " on Instagram, whose links are not clickable")
    errors = load_errors(tmp_path, base + "  linkedin: {in_first_comment: lien}\n")
    assert errors == ["calendar.yaml:4:32: error: found 'lien', expected one of: link, hashtags\n"
                      "    hint: did you mean 'link'?"]
    # A network of one's own that takes comments says how long.
    calendar = calendar_from(base + "  fil:\n    custom: true\n    name: Le Fil\n    limit: 5000\n"
                             "    comment_limit: 1000\n    in_first_comment: link\n")
    assert calendar.networks["fil"].comment_limit == 1000 and calendar.networks["fil"].in_first_comment == ("link",)


def test_exports_sidecars_and_plan_json_carry_the_comment() -> None:
    plan = _plan("  - {id: p, networks: [linkedin], at: 2027-01-12 09:00, article: a, first_comment: Vous en pensez quoi ?}\n")
    post = by_id(plan)["p-linkedin"]
    # The writer's words, then the link moved there with its words.
    expected = f"Vous en pensez quoi\u00a0?\n\nLire l'article\u00a0: {post.url}"
    assert post.first_comment == expected
    assert sidecar(post, plan)["first_comment"] == {"text": expected, "length": len(expected), "limit": 1250,
                                                    "fits": True}
    assert json.loads(posts_json([post], plan))["posts"][0]["first_comment"] == expected
    rows = list(csv.DictReader(io.StringIO(generic_csv([post], plan).lstrip("\ufeff"))))
    assert rows[0]["first_comment"] == expected and post.url not in rows[0]["text"]
    # Hootsuite's file: no link cell (Hootsuite would add the link to the text), and a note to add the comment.
    data, notes = hootsuite([post], plan)
    assert next(csv.reader(io.StringIO(data)))[2] == ""
    assert any("first comment (p-linkedin)" in note for note in notes)
    items = {item["id"]: item for item in document(plan)["items"]}
    assert items["p-linkedin"]["first_comment"] == {"text": expected, "length": len(expected), "limit": 1250}
    # The review shows no link card under the post: LinkedIn builds none for a post without a link.
    from edcal.outputs.review import preview

    assert preview(post, plan, {}) is None
    assert preview(by_id(_plan("  - {id: q, networks: [facebook], at: 2027-01-12 09:00, article: a}\n"))["q-facebook"],
                   plan, {}) is not None
    schema = json.loads((ROOT / "docs" / "plan.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(document(plan), schema)


def test_the_build_shows_the_comment_on_the_review_page_and_in_the_feeds(empty_site: Any) -> None:
    from conftest import run_edcal
    from helpers import page_text

    site = empty_site(
        NETWORKS.replace("posts:\n", "") + "posts:\n  - {id: salon, networks: [linkedin], at: 2027-03-02 09:00, "
        "text: Le salon ouvre demain, first_comment: Passez nous voir stand B42 !}\n")
    result = run_edcal("build", cwd=site)
    assert result.returncode == 0, result.stderr
    review = site / "planning" / "drafts" / "2027-03.html"
    html = review.read_text(encoding="utf-8")
    assert 'id="comment-salon-linkedin"' in html and "Copier le premier commentaire" in html
    assert "Premier commentaire" in page_text(review) and "Passez nous voir stand B42 !" in page_text(review)
    feed = icalendar.Calendar.from_ical((site / "planning" / "calendar.ics").read_bytes())
    [event] = [e for e in feed.walk("VEVENT") if "LinkedIn" in str(e["SUMMARY"])]
    assert "Premier commentaire\u00a0:\nPassez nous voir stand B42\u00a0!" in str(event["DESCRIPTION"])
    # The draft file is the post alone: a script posting every .txt must not post the comment as a post.
    texts = list((site / "planning" / "drafts" / "linkedin").glob("*.txt"))
    assert len(texts) == 1 and "B42" not in texts[0].read_text(encoding="utf-8")


def test_an_article_s_social_gives_a_network_its_first_comment(tmp_path: Path) -> None:
    """A writer's words for LinkedIn under `social:` had no place for the comment: it went to the team's
    calendar.yaml, or nowhere."""
    from conftest import run_edcal, write_pelicanconf

    site = tmp_path / "site"
    (site / "content" / "articles").mkdir(parents=True)
    (site / "calendar.yaml").write_text(
        "version: 1\ntimezone: Europe/Paris\nnetworks:\n  linkedin: {in_first_comment: link}\n  x: {}\n"
        "blog:\n  promote: {networks: [linkedin], schedule: [at publication]}\n", encoding="utf-8")
    article = ("---\ntitle: Nos apprentis\ndate: 2027-03-02 09:00\nsocial:\n  linkedin:\n"
               "    text: Deux apprentis, un chef-d'œuvre.\n    first_comment: Qui vous a appris le métier ?\n---\n\n"
               "Léa et Yanis ont fini leur portail.\n")
    (site / "content" / "articles" / "apprentis.md").write_text(article, encoding="utf-8")
    write_pelicanconf(site)
    env = {"EDCAL_NOW": "2027-02-01T10:00:00+01:00"}
    assert run_edcal("build", cwd=site, env=env).returncode == 0
    post = next(i for i in json.loads((site / "planning" / "plan.json").read_text(encoding="utf-8"))["items"]
                if i["kind"] == "post")
    assert post["text"] == "Deux apprentis, un chef-d'œuvre.\n\nLien en premier commentaire"
    assert post["first_comment"]["text"] == f"Qui vous a appris le métier\u00a0?\n\nLire l'article\u00a0: {post['url']}"
    # On a network that takes no comment, the writer is told where, and nothing is built.
    (site / "content" / "articles" / "apprentis.md").write_text(
        article.replace("  linkedin:\n", "  x:\n"), encoding="utf-8")
    result = run_edcal("build", cwd=site, env=env)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "content/articles/apprentis.md:5:3: error: found `first_comment:` for X, which takes no first comment" \
        in result.stderr


def test_a_sheet_s_first_comment_column_is_imported(site: Path) -> None:
    """Buffer's export has a "First Comment" column: it was an unknown column, and the import refused the sheet."""
    from conftest import run_edcal

    (site / "plan.csv").write_text("Text,First Comment,Posting Time\nNotre atelier recrute,"
                                   "\"Postulez : https://blog.example.fr/offres/\",2027-03-09 10:00\n", encoding="utf-8")
    result = run_edcal("import", "plan.csv", "--network", "linkedin", "--owner", "ana", cwd=site)
    assert result.returncode == 0, result.stderr
    written = (site / "calendar.d" / "plan.yaml").read_text(encoding="utf-8")
    assert "    text: Notre atelier recrute\n    first_comment: \"Postulez : https://blog.example.fr/offres/\"\n" \
        in written
    # A column of the team's own notes is not taken for one: it stays an unknown column, refused at its cell.
    (site / "plan2.csv").write_text("Text,Commentaire,Posting Time\nBonjour,à valider par Julien,2027-03-10 10:00\n",
                                    encoding="utf-8")
    refused = run_edcal("import", "plan2.csv", "--network", "linkedin", "--owner", "ana", cwd=site)
    assert refused.returncode == 2 and "plan2.csv:1:6: error: found column 'Commentaire' (B)" in refused.stderr


def test_the_trial_s_surprises() -> None:
    """A new user's trial: a link written in an Instagram comment took the caption's "Lien en bio" away; a reminder
    kept the capital of a weekday after its colon; the too-long hint did not say the moved link counts."""
    from edcal.checks import run_checks

    plan = _plan("  - id: i\n    networks: [instagram]\n    at: 2027-01-12 09:00\n    article: a\n"
                 "    image: images/p.png\n    alt: Un portail\n    first_comment: 'Voir https://blog.example.fr/a/'\n"
                 "  - promote: a\n    networks: [linkedin]\n    schedule: [at publication, +2 days]\n"
                 "    texts: [Lisez-le, 'Samedi 20 mars, on ouvre nos portes.']\n"
                 f"  - {{id: long, networks: [linkedin], at: 2027-01-20 09:00, article: a, first_comment: '{'x' * 1200}'}}\n")
    items = by_id(plan)
    assert "Lien en bio" in items["i-instagram"].text
    assert items["a-linkedin-2d"].text.startswith("Au cas où vous l'auriez manqué\u00a0: samedi 20 mars")
    [finding] = run_checks(plan, only=["first-comment-too-long"])
    assert finding.hint.endswith("what the network's `in_first_comment:` puts there (link) counts too")


def test_a_text_asking_for_comments_still_says_where_the_link_is() -> None:
    """"Dites-le-nous en commentaire" (a call to comment, LinkedIn's commonest) was taken for "the link is in
    the comment": the post showed neither the link nor where it was."""
    plan = _plan("  - {id: q, networks: [linkedin], at: 2027-01-13 09:00, article: a,"
                 " text: 'Et vous, quel métal choisiriez-vous ? Dites-le-nous en commentaire.'}\n"
                 "  - {id: s, networks: [linkedin], at: 2027-01-14 09:00, article: a, text: 'Lien en 1er commentaire 👇'}\n")
    items = by_id(plan)
    assert items["q-linkedin"].text.endswith("Lien en premier commentaire\n\n#Métallerie")
    assert "Lien en premier commentaire" not in items["s-linkedin"].text


def test_hashtags_typed_in_the_comment_count_with_the_post_s() -> None:
    """The template counted a comment's hashtags against Instagram's five, and `too-many-hashtags` did not: six
    typed in an Instagram comment passed `edcal check`."""
    from edcal.checks import run_checks

    plan = _plan("  - {id: i, networks: [instagram], at: 2027-01-12 09:00, article: a, image: images/p.png, alt: Un portail,"
                 " first_comment: '#Un #Deux #Trois #Quatre #Cinq #Six'}\n")
    [finding] = run_checks(plan, only=["too-many-hashtags"])
    assert finding.message.startswith("Instagram post 'i-instagram' has 6 hashtags (#Un #Deux #Trois #Quatre #Cinq #Six)")
    assert by_id(plan)["i-instagram"].first_comment == "#Un #Deux #Trois #Quatre #Cinq #Six"  # no tag added


def test_a_post_written_for_the_day_does_not_carry_the_comment_written_for_the_article_s_promotion() -> None:
    """A one-off post naming an article, with words of its own, was given the question the article's `social:`
    asks under its promotion: posted under words it was not written for, and nothing said so."""
    from edcal.model.article import Social, SocialOverride

    calendar = calendar_from(NETWORKS + """\
  - {id: salon, networks: [facebook, x], at: 2027-01-12 09:00, article: a, text: Venez voir nos portails au salon.}
  - {id: rappel, networks: [facebook], at: 2027-01-19 09:00, article: a}
  - {promote: a, networks: [facebook], schedule: [at publication], text: Un portail neuf.}
  - {id: astuce, networks: [facebook], article: a, text: Une astuce., repeat: {every: week, on: tue, at: "12:00",
     from: 2027-01-20, until: 2027-01-27}}
""")
    social = Social(per_network={"facebook": SocialOverride(text="Nos portails, pièce par pièce.",
                                                            first_comment="Quel portail vous fait rêver ?",
                                                            thread=("Et la suite.",)),
                                 "x": SocialOverride(thread=("Le portail, vu de près.",))})
    plan = plan_of(calendar, [article("a", "2027-01-05T09:00", calendar, social=social)])
    comments = {item.id: item.first_comment for item in plan.items if item.kind == "post"}
    assert comments == {"salon-facebook": None, "astuce-facebook-20270126": None,
                        # Its words are the article's: so is the comment written under them.
                        "rappel-facebook": "Quel portail vous fait rêver\u00a0?",
                        # The article's promotion: its entry's words, the article's comment (calendar.md).
                        "a-facebook-0": "Quel portail vous fait rêver\u00a0?", "salon-x": None}
    # Nor the thread written to follow the article's words.
    assert by_id(plan)["salon-x"].thread == ()
    # Where no post takes the article's words, its comment is posted nowhere, and the check says so.
    from edcal.checks import run_checks
    from edcal.model.source import Source

    calendar = calendar_from(NETWORKS + "  - {id: salon, networks: [facebook], at: 2027-01-12 09:00, article: a, "
                             "text: Venez voir nos portails au salon.}\n")
    written = Source("content/articles/a.md", 6, 20)
    social = Social(per_network={"facebook": SocialOverride(first_comment="Quel portail ?", comment_source=written)})
    [finding] = run_checks(plan_of(calendar, [article("a", "2027-01-05T09:00", calendar, social=social)]),
                           only=["social-unused"])
    assert (finding.source, finding.message, finding.hint) == (
        written, "article 'a' gives a first comment for Facebook in `social:`, but the posts there have words of "
        "their own (entry 'salon'), which it does not follow",
        "write what those posts need in the entry's `first_comment:`, or remove the article's")


def test_scripts_are_told_the_link_is_in_the_comment_and_the_article_s_comment_is_located(tmp_path: Path) -> None:
    """A script attaching posts.json's `link` as a link card put back what LinkedIn is not to see; a comment too long
    written in an article's `social:` was located at the calendar's entry."""
    from edcal.checks import run_checks
    from edcal.model.article import Social, SocialOverride
    from edcal.model.source import Source

    plan = _plan("  - {id: p, networks: [linkedin, facebook], at: 2027-01-12 09:00, article: a}\n")
    linkedin, facebook = by_id(plan)["p-linkedin"], by_id(plan)["p-facebook"]
    assert sidecar(linkedin, plan)["link_in_comment"] is True and sidecar(facebook, plan)["link_in_comment"] is False
    assert json.loads(posts_json([linkedin], plan))["posts"][0]["link_in_comment"] is True
    calendar = calendar_from(NETWORKS + "  - {promote: a, networks: [linkedin], schedule: [at publication]}\n")
    written = Source("content/articles/a.md", 7, 20)
    social = Social(per_network={"linkedin": SocialOverride(first_comment="x" * 1300, comment_source=written)})
    plan = plan_of(calendar, [article("a", "2027-01-05T09:00", calendar, social=social)])
    [finding] = run_checks(plan, only=["first-comment-too-long"])
    assert finding.source == written
