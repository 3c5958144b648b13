"""`posts:`: one-off posts (`at:`), an article's promotion (`promote:`) and recurring posts
(`repeat:`, read by :mod:`edcal.load.sections.repeat`), with their networks, texts, variants, links
and images; and the ids of entries written without one."""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import Any

from edcal.addresses import SITE_PATH, WEB_ADDRESS
from edcal.errors import ErrorCollector, listed_twice, message_of
from edcal.hints import dot_time_hint, with_colons
from edcal.i18n import say
from edcal.ids import IdAllocator, slugify
from edcal.load import timeparse
from edcal.load.articles import not_an_image
from edcal.load.network_registry import given_twice
from edcal.load.schema import PollSpec, PostSpec, VariantSpec
from edcal.load.sections._reading import (
    Document,
    Reading,
    collision,
    first_at,
    item_of,
    key_of,
    left_out,
    source_of,
    value_of,
)
from edcal.load.sections.campaigns import campaign_ref
from edcal.load.sections.checks import parse_silence
from edcal.load.sections.key_dates import read_when
from edcal.load.sections.networks import network_ref, set_up_ids
from edcal.load.sections.repeat import read_recurrence
from edcal.load.sections.team import person_ref
from edcal.load.validate import scheme_missing
from edcal.load.yamlfile import Loc, LocatedFields
from edcal.model.article import IMAGE_SUFFIXES, SUBTITLE_SUFFIXES, VIDEO_SUFFIXES, content_path
from edcal.model.calendar import Media, Offset, Poll, PostEntry, Variant
from edcal.model.source import Source

#: An entry's kind by the field that makes it one.
_KINDS = {"at": "once", "promote": "promote", "repeat": "repeat"}
#: The field that makes an entry's kind, written with nothing after it: what it lacks, and an example.
_EMPTY_TIMING = {
    "at": ("`at:` is empty, expected when the post goes out", "e.g. at: 2027-01-12 09:00"),
    "promote": ("`promote:` is empty, expected the slug of the article to promote",
                "the slug is the article file's name without .md: promote: welcome for "
                "content/articles/welcome.md"),
    "repeat": ("`repeat:` is empty, expected the rule of the recurring post",
               "e.g. repeat: {{every: week, on: tue, from: 2027-01-12}}"),
}


def read_posts(reading: Reading, documents: list[Document]) -> None:
    ids = IdAllocator()
    specs = [spec for doc in documents for spec in doc.spec.posts]
    # Explicit ids first, so that a derived id never takes one a later entry asks for.
    for spec in specs:
        if spec.id is not None:
            other = ids.explicit(spec.id, source_of(spec.loc))
            if other is not None:
                collision(value_of(spec.loc, "id"),
                          say("post id '{id}' is defined twice (first at {path}:{line})",
                              id=spec.id, **first_at(other)), reading.errors)  # type: ignore[arg-type]
    derived = _derived_ids(specs, ids)
    for index, spec in enumerate(specs):
        entry = _post(reading, spec, *derived.get(index, (None, None)))
        if entry is not None:
            reading.calendar.posts.append(entry)


def _post(reading: Reading, spec: PostSpec, derived_id: str | None,
          id_shared_with: Source | None) -> PostEntry | None:
    loc = spec.loc
    source = source_of(loc)
    kinds = [k for k in ("at", "promote", "repeat") if getattr(spec, k) is not None]
    if all(isinstance(getattr(spec, k), str) and not getattr(spec, k).strip() for k in kinds):
        kinds = []  # `at: ''` or `promote: ' '` alone is as empty as `at:` written with nothing after it
    if not kinds and any(left_out(reading, loc, k) for k in _KINDS):
        return None  # its `at:` refused (told)
    empty = next((k for k in _KINDS if loc is not None and k in loc.fields), None) if not kinds else None
    if empty is not None:  # `promote:` with the slug forgotten: the field is there, its value is not
        lacks, example = _EMPTY_TIMING[empty]
        reading.errors.add(key_of(loc, empty), say(lacks), say(example))
        return None
    if not kinds:
        reading.errors.add(source, say("a post needs one of `at:` (one-off), `promote:` (an article's "
                                       "promotion) or `repeat:` (recurring)"),
                           say("e.g. at: 2027-01-12 09:00"))
        return None
    if len(kinds) > 1:
        hint = None
        if "promote" in kinds and isinstance(spec.promote, str):  # an older article, posted about on a date
            hint = say("for a post about that article on a date of your own, write `article: {slug}` with "
                       "`{kind}:`; `promote:` dates its posts from the article's publication (`schedule:`)",
                       slug=spec.promote, kind=kinds[0] if kinds[1] == "promote" else kinds[1])
        reading.errors.add(key_of(loc, kinds[1]),
                           say("found both `{first}:` and `{second}:`, expected only one of at, promote and "
                               "repeat", first=kinds[0], second=kinds[1]), hint)
        return None
    kind = _KINDS[kinds[0]]
    # Networks not all read (told): the rest of the entry is read still, for its other errors to come in the
    # same run, and its variants are not held to the networks read.
    networks = _post_networks(reading, spec, kind)
    if spec.texts is not None and kind not in ("repeat", "promote"):
        reading.errors.add(key_of(loc, "texts"), say("`texts:` is for recurring posts and promotions only"),
                           say("use `text:` for a single text"))
    if spec.text is not None and spec.texts is not None:
        reading.errors.add(key_of(loc, "texts"), say("found both `text:` and `texts:`, expected one"))
    if spec.schedule is not None and kind != "promote":
        reading.errors.add(key_of(loc, "schedule"), say("`schedule:` is for promotions (`promote:`) only"),
                           say("use `at:` for a one-off post"))
    if kind in ("once", "repeat") and spec.text is None and spec.texts is None \
            and spec.article is None and not any(left_out(reading, loc, name) for name in ("text", "texts")):
        reading.errors.add(source, say("missing `text:` for this post"),
                           say("write the text, or use `article:` to post an article's template text"))
    if spec.link is not None and spec.article is not None:
        reading.errors.add(key_of(loc, "article"), say("found both `link:` and `article:`, expected one"),
                           say("keep `article:` (the post links to the article), or `link:` for another page "
                               "(a link to one of the site's articles makes the post that article's too)"))
    check_link(spec.link, value_of(loc, "link"), reading.errors)
    images, video = _media(spec, reading.errors)
    owner = person_ref(reading, spec.owner, value_of(loc, "owner"))
    campaign = campaign_ref(reading, spec.campaign, value_of(loc, "campaign"))
    when = None
    schedule: tuple[Offset, ...] = ()
    recurrence = None
    if kind == "once":
        when = read_when(reading, spec.at, value_of(loc, "at"))
    elif kind == "promote":
        schedule = read_schedule(reading, spec.schedule, loc) if spec.schedule else ()
    else:
        recurrence = read_recurrence(reading, spec.repeat, value_of(loc, "repeat"))  # type: ignore[arg-type]
    named = [spec.network] if spec.network is not None else list(spec.networks or ())
    # A network not read (told) leaves its variant unheld: "not on this post" would follow from the slip.
    held = networks if all(reading.registry.canonical(name) in reading.calendar.networks for name in named) \
        else None
    variants = _variants(reading, spec, held, kind)
    if networks is None:
        return None
    entry_id = spec.id if spec.id is not None else derived_id or _derived_id(spec, kind)
    fields: Mapping[str, Source] = LocatedFields(loc) if loc else {}
    return PostEntry(
        id=entry_id, kind=kind, networks=networks, source=source,  # type: ignore[arg-type]
        id_shared_with=id_shared_with, title=spec.title,
        text=spec.text,
        link=spec.link, article=spec.article or spec.promote, images=images, video=video,
        campaign=campaign, owner=owner, status=spec.status, promotional=spec.promotional,
        variants=variants, when=when, schedule=schedule, recurrence=recurrence,
        texts=tuple(spec.texts or ()), field_sources=fields, cw=spec.cw, note=spec.note,
        first_comment=spec.first_comment, thread=tuple(spec.thread or ()),
        thread_sources=_thread_sources(loc, spec.thread), poll=_poll(spec.poll, key_of(loc, "poll")),
        silenced=parse_silence(spec.silence, value_of(loc, "silence"), reading.errors, reading.rules),
    )


def _post_networks(reading: Reading, spec: PostSpec, kind: str) -> tuple[str, ...] | None:
    loc = spec.loc
    if spec.network is not None and spec.networks is not None:
        reading.errors.add(key_of(loc, "network"), say("found both `network:` and `networks:`, expected one"))
        return None
    names = [spec.network] if spec.network is not None else list(spec.networks or ())
    if not names and (left_out(reading, loc, "network") or left_out(reading, loc, "networks")):
        return None  # refused (told)
    if not names:
        if kind == "promote":
            return ()  # the article's or the blog's default networks
        reading.errors.add(source_of(loc), say("missing `networks:` for this post"),
                           say("e.g. networks: [linkedin, x]"))
        return None
    single = spec.network is not None
    result = set_up_ids(reading, names, lambda index: value_of(loc, "network") if single
                        else item_of(loc, "networks", index))
    return result or None


def _variants(reading: Reading, spec: PostSpec, networks: tuple[str, ...] | None,
              kind: str) -> dict[str, Variant]:
    result: dict[str, Variant] = {}
    keys_at: dict[str, Source] = {}  # each network's key, where it is written
    vloc = spec.loc
    for name, variant in spec.variants.items():
        where = value_of(variant.loc, "text") if variant.loc else value_of(vloc, "variants")
        key_where = variant.loc.source if variant.loc else where
        network = network_ref(reading, name, key_where)
        if network is None:
            continue
        if network in keys_at:  # `linkedin:` and `LinkedIn:`, `x:` and `twitter:`: one would be dropped
            reading.errors.add(key_where, *given_twice(name, network, keys_at[network], "variants"))
            continue
        keys_at[network] = key_where
        if networks and network not in networks:
            reading.errors.add(key_where,
                               say("variant for '{network}', which this post is not on", network=network),
                               say("add '{network}' to `networks:` or remove the variant", network=network))
            continue
        beside = next((name for name in _VARIANT_CONTENT if getattr(variant, name) is not None), None)
        if variant.skip and beside is not None:
            # `{skip: true, thread: […]}`: what is written beside it was never posted, without a word.
            reading.errors.add(key_of(variant.loc, beside),
                               say("found `{field}:` beside `skip: true` in the variant for '{network}', "
                                   "which leaves {network} out: it would never be posted", field=beside,
                                   network=network),
                               say("remove `skip: true` to post on '{network}', or remove `{field}:`",
                                   network=network, field=beside))
            continue
        # `at:` with nothing after it is written too: no time, where the entry's empty `at:` is an error.
        at_written = variant.at is not None or (variant.loc is not None and "at" in variant.loc.fields)
        if at_written and kind != "once":
            # Only a one-off post's variant moves in time: a promotion's steps and a rule's days are the
            # entry's, and the time written here was left unread.
            what = say("promotion") if kind == "promote" else say("recurring post")
            reading.errors.add(value_of(variant.loc, "at"),
                               say("found `at:` in the variant for '{network}' of a {kind}, expected it only "
                                   "in a one-off post's variant", network=network, kind=what),
                               say("give '{network}' an entry of its own, with an `id:` and its own {field}",
                                   network=network,
                                   field="`schedule:`" if kind == "promote" else "`repeat:`"))
            continue
        if at_written and not (variant.at or "").strip():
            lacks, example = _EMPTY_TIMING["at"]
            reading.errors.add(key_of(variant.loc, "at"), say(lacks), say(example))
            continue
        written = variant.loc.fields if variant.loc is not None else {}
        empty = next((name for name in _OWN_CONTENT if name in written and getattr(variant, name) is None),
                     None)
        if empty is not None:  # `link:` with nothing after it took the entry's link, as if left out
            reading.errors.add(key_of(variant.loc, empty),
                               say("`{field}:` is empty in the variant for '{network}', expected {network}'s "
                                   "own", field=empty, network=network),
                               say("write it, or leave `{field}:` out for the entry's", field=empty))
            continue
        if "owner" in written and variant.owner is None:  # read as left out, the entry's, "nobody" meant
            reading.errors.add(
                key_of(variant.loc, "owner"),
                say("`owner:` is empty in the variant for '{network}', expected the id of a person under "
                    "`team:`", network=network),
                say("an empty owner is no one: write who is in charge of the post on '{network}' (an id "
                    "under `team:`), or leave `owner:` out for the post's owner on every network (the "
                    "entry's, else its article's or its campaign's)", network=network))
            continue
        result[network] = _variant(reading, variant)
    return result


#: What a variant gives its network in the entry's stead, which it cannot take away: empty, an error.
_OWN_CONTENT = ("text", "link", "image", "alt", "images", "video")
#: What a variant gives its network, which `skip: true` would leave unposted.
_VARIANT_CONTENT = ("text", "link", "image", "alt", "images", "video", "at", "cw", "first_comment", "thread",
                    "note", "owner", "poll")


def _variant(reading: Reading, spec: VariantSpec) -> Variant:
    check_link(spec.link, value_of(spec.loc, "link"), reading.errors)
    images, video = _media(spec, reading.errors)
    when = read_when(reading, spec.at, value_of(spec.loc, "at")) if spec.at else None
    fields: Mapping[str, Source] = LocatedFields(spec.loc) if spec.loc else {}
    where = spec.loc.source if spec.loc else None  # its network's key, `instagram:`
    # Written with nothing after it (`cw:`, null), a field takes the entry's away here, as `''` does.
    written = spec.loc.fields if spec.loc is not None else {}
    cw = "" if spec.cw is None and "cw" in written else spec.cw
    first_comment = "" if spec.first_comment is None and "first_comment" in written else spec.first_comment
    note = "" if spec.note is None and "note" in written else spec.note
    thread = tuple(spec.thread) if spec.thread is not None else () if "thread" in written else None
    return Variant(spec.text, spec.link, images, when, spec.skip, fields, where, cw=cw, note=note,
                   owner=person_ref(reading, spec.owner, value_of(spec.loc, "owner")),
                   first_comment=first_comment, thread=thread,
                   thread_sources=_thread_sources(spec.loc, spec.thread), video=video,
                   poll=_poll(spec.poll, key_of(spec.loc, "poll")),
                   no_poll=spec.poll is None and "poll" in written)


def _poll(spec: PollSpec | None, where: Source) -> Poll | None:
    """``poll:``, each of its answers where it is written (the schema has checked its duration)."""
    if spec is None:
        return None
    loc = spec.loc
    return Poll(options=tuple(option.strip() for option in spec.options),
                minutes=timeparse.parse_poll_duration(spec.duration), duration=spec.duration,
                question=spec.question.strip() if spec.question else None, source=where,
                option_sources=tuple(item_of(loc, "options", index) for index in range(len(spec.options))),
                duration_source=value_of(loc, "duration") if loc else where,
                question_source=value_of(loc, "question") if loc and spec.question else None)


def _thread_sources(loc: Loc | None, thread: list[str] | None) -> tuple[Source, ...]:
    """Where each reply of ``thread:`` is written."""
    return tuple(item_of(loc, "thread", index) for index in range(len(thread or ())))


def _media(spec: PostSpec | VariantSpec, errors: ErrorCollector) -> tuple[tuple[Media, ...], Media | None]:
    """An entry's or a variant's images, or its video: a post shows one or the other."""
    if spec.video is None:
        return _images(spec, errors), None
    loc = spec.loc
    for field in ("image", "images"):
        if getattr(spec, field) is not None:
            errors.add(key_of(loc, "video"),
                       say("found both `video:` and `{field}:`, expected one", field=field),
                       say("a post shows either a video or images: keep `video:`, or give the images a post "
                           "of their own"))
            return (), None
    return (), _video(spec, errors)


def _video(spec: PostSpec | VariantSpec, errors: ErrorCollector) -> Media | None:
    """`video:`, as a path alone or ``{file, cover, alt, subtitles}``, each part where it is written; an
    `alt:` beside a video written as a path describes it."""
    video, loc = spec.video, spec.loc
    assert video is not None
    own = video.loc  # None for a path alone
    where = own.value("file") if own is not None else value_of(loc, "video")
    if video.alt is not None and spec.alt is not None:
        errors.add(key_of(loc, "alt"), say("found `alt:` beside a video that has its own, expected one"),
                   say("keep the video's `alt:`"))
    cover_at = own.value("cover") if own is not None and video.cover is not None else where
    subtitles_at = own.value("subtitles") if own is not None and video.subtitles is not None else where
    check_video(video.file, where, errors)
    check_image(video.cover, cover_at, errors)
    check_subtitles(video.subtitles, subtitles_at, errors)
    return Media(video.file, video.alt if video.alt is not None else spec.alt, where, kind="video",
                 cover=video.cover, subtitles=video.subtitles, cover_source=cover_at,
                 subtitles_source=subtitles_at)


def _images(spec: PostSpec | VariantSpec, errors: ErrorCollector) -> tuple[Media, ...]:
    """An entry's or a variant's images, in order, each where it is written: `image:` (and `alt:`),
    or each item of `images:`."""
    loc = spec.loc
    if spec.images is not None and spec.image is not None:
        errors.add(key_of(loc, "images"), say("found both `image:` and `images:`, expected one"),
                   say("write the first image under `images:`, e.g. images: [{{image: {image}, "
                       "alt: …}}, …]", image=spec.image[:80]))
        return ()
    if spec.image is not None:
        where = value_of(loc, "image")
        check_image(spec.image, where, errors)
        return (Media(spec.image, spec.alt, where),)
    if spec.images is None:
        if spec.alt is not None:  # it was dropped without a word
            errors.add(key_of(loc, "alt"), say("found `alt:` and no image: it describes nothing"),
                       say("write the image it describes beside it (`image:`), or remove `alt:`"))
        return ()
    if spec.alt is not None:
        errors.add(key_of(loc, "alt"), say("found `alt:` beside `images:`: it describes none of them"),
                   say("write each image's alt text with it: images: [{{image: …, alt: …}}, …]"))
    result = []
    for index, image in enumerate(spec.images):
        # A plain path (`- images/a.png`) has no mapping of its own: its place in the list.
        where = image.loc.value("image") if image.loc is not None else item_of(loc, "images", index)
        check_image(image.image, where, errors)
        result.append(Media(image.image, image.alt, where))
    return tuple(result)


def _dot_time_step_hint(step: str, slots: frozenset[str]) -> str | None:
    """For a step whose time has a dot (``+2 days at 12.30``): the step with a colon, or, said in words
    (``3 days later at 12.30``), the step to write."""
    dotted = dot_time_hint(step)
    if dotted is None:
        return None
    written = with_colons(step)
    try:
        timeparse.parse_offset(written, slots)
    except ValueError as exc:
        return exc.args[1] if len(exc.args) == 2 else None
    return dotted


def read_schedule(reading: Reading, steps: list[str] | None, loc: Loc | None) -> tuple[Offset, ...]:
    """A promotion's `schedule:` (``+1 week at midi``…), each step where it is written."""
    result: list[Offset] = []
    first: dict[tuple[Any, ...], int] = {}  # each time a step says, and the index of the first to say it
    for index, step in enumerate(steps or ()):
        where = item_of(loc, "schedule", index)
        try:
            offset = timeparse.parse_offset(step, frozenset(reading.calendar.slots))
        except ValueError as exc:
            # (message, hint) when the step was said in words: `3 days later`; one beyond ten years
            if isinstance(exc, timeparse.OffsetTooFar):
                reading.errors.add(where, message_of(exc), exc.hint)
                continue
            hint = exc.args[1] if len(exc.args) == 2 else None
            reading.errors.add(where, exc.args[0] if hint else message_of(exc),
                               hint or _dot_time_step_hint(step, frozenset(reading.calendar.slots)))
            continue
        said = (offset.amount, offset.unit, offset.time, offset.slot)
        if said in first:  # one post at that time: read once, the second dropped
            reading.errors.add(where, *listed_twice(step.strip(), (steps or [])[first[said]].strip(),
                                                    item_of(loc, "schedule", first[said]), "schedule"))
            continue
        first[said] = index
        result.append(Offset(offset.label, offset.amount, offset.unit, offset.time, offset.slot, where))
    return tuple(result)


#: An address written without its scheme, as a sheet holds it: ``www.example.fr/offres``.
_BARE_DOMAIN = re.compile(r"(?:[a-z0-9-]+\.)+[a-z]{2,}(?:[/?#]\S*)?$", re.IGNORECASE)


def check_link(link: str | None, where: Source, errors: ErrorCollector) -> None:
    """An error for a `link:` that is neither a web address nor a path on the site."""
    if link is None:
        return
    if not (WEB_ADDRESS.match(link) or SITE_PATH.match(link)):
        errors.add(where, say("found link '{link}', expected an http(s) URL or a path on the site "
                              "starting with /", link=link[:80]),
                   say("write the whole address: https:{value}", value="//" + link[:80])
                   if _BARE_DOMAIN.match(link) else say("e.g. https://www.example.fr/offres/"))
        return
    try:
        urllib.parse.urlsplit(link).port  # noqa: B018 - reading it validates it
    except ValueError as exc:
        errors.add(where, say("found link '{link}', which is no address a browser opens ({problem})",
                              link=link[:80], problem=str(exc)),
                   say("e.g. https://www.example.fr/offres/"))


def check_image(image: str | None, where: Source, errors: ErrorCollector) -> None:
    """An error for an image that is neither a web address nor an image file inside content/."""
    if image is None or _address(image, where, errors):
        return
    if _outside(image):
        errors.add(where, say("found image path '{path}', expected a path inside content/ (or an "
                              "https URL)", path=image[:80]),
                   say("e.g. images/salon-2027.jpg"))
    elif _suffix(image) in VIDEO_SUFFIXES:
        errors.add(where, say("found image '{image}', expected an image file ({suffixes})", image=image[:80],
                              suffixes=", ".join(sorted(IMAGE_SUFFIXES))),
                   say("a video goes under `video:`, e.g. video: {video}", video=image[:80]))
    else:
        not_an_image(image, where, errors)


def check_video(video: str, where: Source, errors: ErrorCollector) -> None:
    """An error for a video that is neither a web address nor a video file inside content/."""
    if _address(video, where, errors):
        return
    if _outside(video):
        errors.add(where, say("found video path '{path}', expected a path inside content/ (or an "
                              "https URL)", path=video[:80]),
                   say("e.g. videos/workshop-tour.mp4"))
    elif _suffix(video) not in VIDEO_SUFFIXES:
        errors.add(where, say("found video '{video}', expected a video file ({suffixes})", video=video[:80],
                              suffixes=", ".join(sorted(VIDEO_SUFFIXES))),
                   say("an image goes under `image:`, e.g. image: {image}", image=video[:80])
                   if _suffix(video) in IMAGE_SUFFIXES else say("e.g. video: videos/workshop-tour.mp4"))


def check_subtitles(subtitles: str | None, where: Source, errors: ErrorCollector) -> None:
    """An error for subtitles that are neither a web address nor a .vtt or .srt file inside content/."""
    if subtitles is None or _address(subtitles, where, errors):
        return
    if _outside(subtitles) or _suffix(subtitles) not in SUBTITLE_SUFFIXES:
        errors.add(where, say("found subtitles '{path}', expected a .vtt or .srt file inside content/ (or an "
                              "https URL)", path=subtitles[:80]),
                   say("e.g. subtitles: videos/workshop-tour.en.vtt"))


def _address(path: str, where: Source, errors: ErrorCollector) -> bool:
    """Whether a file is given by its web address (one without its scheme is told)."""
    return bool(WEB_ADDRESS.match(path)) or scheme_missing(path, where, errors)


def _outside(path: str) -> bool:
    """Whether a path leaves content/ (``../``, ``/etc``, ``C:``), or is written the Windows way."""
    return path.startswith(("/", "\\")) or ".." in Path(path).parts or "\\" in path or ":" in path


def _suffix(path: str) -> str:
    return PurePosixPath(content_path(path)).suffix.lower()


def _derived_ids(specs: list[PostSpec], ids: IdAllocator) -> dict[int, tuple[str, Source | None]]:
    """The ids of entries without `id:`, by their index in ``specs``, each with the entry whose id it
    derived first, when another did (two "Offre du mois": ``offre-du-mois``, then ``offre-du-mois-2``).

    The suffix follows the file's order, so that an entry's id survives edits of its time; reordering
    two such entries swaps their ids, which the `id-clash` check tells before it happens.
    """
    result: dict[int, tuple[str, Source | None]] = {}
    for index, spec in enumerate(specs):
        kinds = [_KINDS[k] for k in _KINDS if getattr(spec, k) is not None]
        if spec.id is not None or not kinds:
            continue
        base = _derived_id(spec, kinds[0])
        first = ids.taken.get(base)
        given = ids.derived(base, source_of(spec.loc))
        result[index] = (given, first if given != base and isinstance(first, Source) else None)
    return result


def _derived_id(spec: PostSpec, kind: str) -> str:
    """An id from what identifies a post best, in order: title, article, link, first words."""
    if kind == "promote" and spec.promote:
        return slugify(spec.promote) or "promotion"
    if spec.title:
        return slugify(spec.title) or "post"
    if spec.article:
        return f"post-{slugify(spec.article)}"
    if spec.link:
        return slugify(re.sub(r"^https?://(www\.)?", "", spec.link)) or "post"
    text = spec.text or (spec.texts[0] if spec.texts else "")
    return slugify(text, max_words=6) or "post"
