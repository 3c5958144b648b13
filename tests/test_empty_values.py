"""Every optional field of calendar.yaml written empty, `key:` with nothing after it or `key: ''`: left out, or a
located error, the same for both ways of writing it; never a value of nothing that edcal goes on with (an owner
'', a campaign's objective '', utm_medium=)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from edcal.errors import InputErrors
from edcal.load import schema
from edcal.model.source import Source
from helpers import load_in

#: A calendar with an entry of each kind, each with a place (<NameOfItsSpec>) for one more field.
BASE = """\
version: 1
timezone: Europe/Paris
country: FR
team:
  - {id: ana, name: Ana, away: [{from: 2027-02-01, until: 2027-02-02, <AbsenceSpec>}], <PersonSpec>}
networks:
  linkedin: {objective: {text: T, <ObjectiveSpec>}, <NetworkSpec>}
  x: {}
blog: {promote: {networks: [linkedin], <PromoteSpec>}, <BlogSpec>}
campaigns:
  - {id: c, name: C, from: 2027-01-01, until: 2027-01-31, <CampaignSpec>}
key_dates:
  - {id: k, name: K, on: 2027-01-20, <KeyDateSpec>}
freeze:
  - {from: 2027-03-01, until: 2027-03-02, reason: R, <FreezeSpec>}
ideas:
  - {title: T, <IdeaSpec>}
posts:
  - {id: a, networks: [linkedin], at: 2027-01-12 09:00, text: T, <PostSpec>}
  - {id: r, networks: [x], text: T, repeat: {every: week, on: tue, from: 2027-01-05, count: 3, <RepeatSpec>}}
  - {id: i, networks: [linkedin], at: 2027-01-13 09:00, text: T, images: [{image: https://a.example/a.png, <ImageSpec>}]}
  - {id: v, networks: [linkedin], at: 2027-01-14 09:00, text: T, video: {file: https://a.example/v.mp4, <VideoSpec>}}
  - {id: p, networks: [linkedin], at: 2027-01-15 09:00, text: T, poll: {options: [A, B], duration: 1 day, <PollSpec>}}
  - {id: w, networks: [linkedin], at: 2027-01-16 09:00, text: T, variants: {linkedin: {<VariantSpec>}}}
posted:
  - {item: a, <PostedSpec>}
tracking: {<TrackingSpec>}
exports: {hootsuite: {<HootsuiteSpec>}, <ExportsSpec>}
feeds: {<FeedsSpec>}
planning: {<PlanningSpec>}
ambassadors: {suggestions: [{link: https://a.example/x, title: T, <SuggestionSpec>}], <AmbassadorsSpec>}
link_in_bio: {<LinkInBioSpec>}
"""
#: The top level's fields, each written alone after these lines.
TOP = "version: 1\ntimezone: Europe/Paris\n"
SPECS = [schema.AbsenceSpec, schema.PersonSpec, schema.ObjectiveSpec, schema.NetworkSpec, schema.PromoteSpec,
         schema.BlogSpec, schema.CampaignSpec, schema.KeyDateSpec, schema.FreezeSpec, schema.IdeaSpec,
         schema.PostSpec, schema.RepeatSpec, schema.ImageSpec, schema.VideoSpec, schema.PollSpec,
         schema.VariantSpec, schema.PostedSpec, schema.TrackingSpec, schema.HootsuiteSpec, schema.ExportsSpec,
         schema.FeedsSpec, schema.PlanningSpec, schema.SuggestionSpec, schema.AmbassadorsSpec,
         schema.LinkInBioSpec]
#: The fields each entry of BASE has already.
WRITTEN = {schema.AbsenceSpec: {"from", "until"}, schema.PersonSpec: {"away"}, schema.ObjectiveSpec: {"text"},
           schema.NetworkSpec: {"objective"}, schema.PromoteSpec: {"networks"}, schema.BlogSpec: {"promote"},
           schema.KeyDateSpec: {"on"}, schema.FreezeSpec: {"until"}, schema.PostSpec: {"id", "networks", "at", "text"},
           schema.RepeatSpec: {"every", "on", "count"}, schema.PollSpec: {"duration"},
           schema.ExportsSpec: {"hootsuite"}, schema.SuggestionSpec: {"link", "title"},
           schema.AmbassadorsSpec: {"suggestions"}}
#: Fields that say something written empty (documented): under `variants:`, none on that network, the entry's
#: taken away; `posted:`, a log begun with no line yet.
EMPTY_SAYS = {schema.VariantSpec: {"cw", "note", "first_comment", "thread", "poll"}, schema.CalendarSpec: {"posted"}}


def fields_of(spec: type[schema.Spec]) -> list[str]:
    return [field.alias or name for name, field in spec.model_fields.items()
            if name != "loc" and not field.is_required() and (field.alias or name) not in WRITTEN.get(spec, ())]


def cases() -> Iterator[tuple[type[schema.Spec], str]]:
    for spec in [*SPECS, schema.CalendarSpec]:
        for key in fields_of(spec):
            yield spec, key


def calendar_with(spec: type[schema.Spec] | None, written: str | None) -> tuple[str, int]:
    """The calendar with ``written`` in ``spec``'s entry, and that entry's line."""
    if spec is schema.CalendarSpec:
        return TOP + (written or "") + "\n", 3
    text = BASE
    for other in SPECS:
        place = f"<{other.__name__}>"
        text = text.replace(", " + place, ", " + written if other is spec and written else "")
        text = text.replace(place, written if other is spec and written else "")
    line = next(number for number, line in enumerate(BASE.splitlines(), 1) if f"<{spec.__name__}>" in line) \
        if spec is not None else 0
    return text, line


def plain(value: Any) -> Any:
    """A calendar as what it holds, without where each value is written."""
    if isinstance(value, Source) or type(value).__name__ == "LocatedFields":
        return None
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value) if "source" not in f.name}
    if isinstance(value, Mapping):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, (set, frozenset)):
        return sorted(repr(plain(item)) for item in value)
    return repr(value)


def left_out(spec: type[schema.Spec] | None, folder: Path) -> Any:
    return plain(load_in(folder, calendar_with(spec, None)[0]))


def outcome(folder: Path, spec: type[schema.Spec], written: str) -> tuple[str, Any]:
    """("error", the messages) or ("read", the calendar read)."""
    text, _line = calendar_with(spec, written)
    try:
        return "read", plain(load_in(folder, text))
    except InputErrors as exc:
        return "error", [error.format() for error in exc.errors]


@pytest.mark.parametrize(("spec", "key"), list(cases()), ids=[f"{spec.__name__}.{key}" for spec, key in cases()])
def test_an_optional_field_written_empty_is_left_out_or_told_at_its_line(tmp_path: Path, spec: type[schema.Spec],
                                                                         key: str) -> None:
    line = calendar_with(spec, None)[1]
    base = left_out(spec if spec is schema.CalendarSpec else None, tmp_path)
    quoted = outcome(tmp_path, spec, f"{key}: ''")
    nothing = outcome(tmp_path, spec, f"{key}:" if spec is schema.CalendarSpec else f"{key}: ")
    for kind, found in (quoted, nothing):
        if kind == "error":
            assert all(message.startswith(f"calendar.yaml:{line}:") for message in found), found
    if key == "text" and spec is schema.PostSpec:
        # `text: ''` would be a post of nothing; `text:` leaves it out (the entry's, a template's)
        assert quoted[0] == "error" and nothing[0] == "read"
        return
    assert quoted == nothing or quoted[0] == nothing[0] == "error", (quoted, nothing)
    if quoted[0] == "read" and key in EMPTY_SAYS.get(spec, ()):
        assert quoted[1] != base
    elif quoted[0] == "read":
        assert quoted[1] == base, "an empty value was kept"


def test_every_optional_field_is_walked() -> None:
    """A new section or field is walked too: its spec is listed here, or this fails."""
    nested = {annotation for spec in [*SPECS, schema.CalendarSpec] for field in spec.model_fields.values()
              for annotation in _specs_in(field.annotation)}
    assert nested <= {*SPECS, schema.CalendarSpec, schema.LimitSpec}, nested - {*SPECS, schema.CalendarSpec}


def _specs_in(annotation: Any) -> Iterator[type[schema.Spec]]:
    if isinstance(annotation, type) and issubclass(annotation, schema.Spec):
        yield annotation
    for argument in getattr(annotation, "__args__", ()) or getattr(annotation, "__metadata__", ()):
        yield from _specs_in(argument)
    origin = getattr(annotation, "__origin__", None)
    if origin is not None and origin is not annotation:
        yield from _specs_in(origin)


@pytest.mark.parametrize("empty", ["''", ""])
def test_a_variant_s_empty_note_leaves_the_entry_s_out_on_that_network(empty: str) -> None:
    """`note: ''` under `variants:` gave that network the entry's note, where an empty `cw:` or `first_comment:`
    takes the entry's away."""
    from helpers import PARIS_CALENDAR, by_id, calendar_from, plan_of

    calendar = calendar_from(PARIS_CALENDAR + "posts:\n  - {id: a, networks: [linkedin, x], at: 2027-01-12 09:00, "
                                              f"text: T, note: Épinglez-le, variants: {{x: {{note: {empty}}}}}}}\n")
    items = by_id(plan_of(calendar))
    assert (items["a-linkedin"].note, items["a-x"].note) == ("Épinglez-le", None)


@pytest.mark.parametrize("field", ["link", "image", "video", "text"])
def test_a_variant_s_own_content_written_with_nothing_after_it_is_an_error(tmp_path: Path, field: str) -> None:
    """`link:` with nothing after it under `variants:` took the entry's link, where `link: ''` was an error: an
    empty value there takes nothing away (as `cw:` does), it was a value forgotten."""
    from helpers import PARIS_CALENDAR
    from helpers import load_errors as errors

    found = errors(tmp_path, PARIS_CALENDAR + "posts:\n  - id: a\n    networks: [linkedin, x]\n    at: 2027-01-12 "
                                              f"09:00\n    text: T\n    variants:\n      x:\n        {field}:\n")
    assert found == [f"calendar.yaml:16:9: error: `{field}:` is empty in the variant for 'x', expected x's own\n"
                     f"    hint: write it, or leave `{field}:` out for the entry's"], found


@pytest.mark.parametrize("empty", ["''", ""])
def test_a_variant_s_empty_owner_is_no_one_and_an_error(tmp_path: Path, empty: str) -> None:
    """`owner: ''` under `variants:` gave that network's post the entry's owner, as if left out, where an empty
    `cw:` there takes the entry's away: a writer meaning "nobody on X" had camille's post on X, in her feed and
    her agenda, without a word. An owner is someone, named by their id; no one has none."""
    from helpers import PARIS_CALENDAR
    from helpers import load_errors as errors

    found = errors(tmp_path, PARIS_CALENDAR + "posts:\n  - id: a\n    networks: [linkedin, x]\n    at: 2027-01-12 "
                                              f"09:00\n    text: T\n    owner: ana\n    variants:\n      x:\n"
                                              f"        owner: {empty}\n")
    assert found == ["calendar.yaml:17:9: error: `owner:` is empty in the variant for 'x', expected the id of a "
                     "person under `team:`\n"
                     "    hint: an empty owner is no one: write who is in charge of the post on 'x' (an id under "
                     "`team:`), or leave `owner:` out for the post's owner on every network (the entry's, else its "
                     "article's or its campaign's)"], found


@pytest.mark.parametrize(("empty", "column"), [("''", 21), ("", 14)])
def test_an_article_s_empty_owner_for_one_network_is_no_one_and_an_error(empty: str, column: int) -> None:
    """`social: {linkedin: {owner: ''}}` in an article's header read "unknown person ''", and `owner:` with
    nothing after it was left out (the article's owner on LinkedIn), as a variant's was in calendar.yaml."""
    from edcal.errors import ErrorCollector
    from edcal.load.articles import validate_article
    from edcal.load.frontmatter import split_article
    from helpers import PARIS_CALENDAR, calendar_from

    errors = ErrorCollector()
    header = f"---\ntitle: T\ndate: 2027-01-12 09:00\nsocial:\n  linkedin: {{owner: {empty}}}\n---\nTexte.\n"
    validate_article(split_article(header, "a.md"), calendar_from(PARIS_CALENDAR), frozenset(), errors)
    assert [error.format() for error in errors.errors] == [
        f"a.md:5:{column}: error: `owner:` is empty in a network's `social:` entry, expected the id of a person "
        "under `team:`\n"
        "    hint: an empty owner is no one: write who is in charge of the article's posts on that network (an id "
        "under `team:`), or leave `owner:` out for the article's owner"]
