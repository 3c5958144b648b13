"""The calendar.yaml file format, version 1, as a pydantic schema.

This module says what may be written where, and converts the text of each
scalar into its type with messages of our own. It knows nothing of other
files: references between entries (owners, networks, campaigns, articles) are
checked by :mod:`edcal.load.calendar` and the modules that read each section,
which also turn these specs into the plan model.

Every field carries a ``description``: ``docs/calendar.md`` must document each
one (``tests/test_docs.py`` fails otherwise).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Callable
from typing import Annotated, Any, ClassVar, Literal, TypeVar

import regex
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import PydanticCustomError

from edcal import model
from edcal.errors import message_of
from edcal.hints import other_figures
from edcal.i18n import Message, say
from edcal.load import timeparse
from edcal.load.yamlfile import LOC_KEY, Loc, LocatedFields
from edcal.model.network import Cadence, Slot, aspect_ratio

T = TypeVar("T")

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}\Z")  # \Z: "$" would take an id ending in a newline
ID_HINT = say("ids use lowercase letters without accents (a-z), digits and dashes, e.g. 'salon-industrie-2027'")


def id_hint(found: str) -> str:
    """The rule for ids, with the id meant when one can be made of what was written (``chantier-rezé``:
    'chantier-reze'); an accented letter is a lowercase letter to a French writer."""
    from edcal.ids import slugify

    meant = slugify(found, max_length=80)
    if not meant or not ID_RE.match(meant) or meant == found:
        return ID_HINT
    return say("did you mean '{meant}'? ids use lowercase letters without accents (a-z), digits and dashes",
               meant=meant)


def refused(message: Message, hint: Message | None = None) -> PydanticCustomError:
    """A validator's refusal, its message (and hint) kept translatable (validate.py reads them from the
    error's context)."""
    context: dict[str, Any] = {"message": message}
    if hint is not None:
        context["hint"] = hint
    return PydanticCustomError("edcal", "{message}", context)


def _parsed(parser: Callable[[str], T], expected: str) -> Callable[[Any], Any]:
    """Wrap a text parser as a pydantic validator with our own message."""

    def validate(value: Any) -> Any:
        if value is None or not isinstance(value, str):
            if isinstance(value, (dt.date, dt.time, Slot, Cadence)):
                return value
            raise refused(say("found {found}, expected {expected}", found=describe(value), expected=expected))
        try:
            return parser(value)
        except ValueError as exc:
            if len(exc.args) == 2 and isinstance(exc.args[1], Message):  # (message, hint)
                raise refused(exc.args[0], exc.args[1]) from None
            raise PydanticCustomError("edcal", "{message}", {"message": message_of(exc)}) from None

    return validate


def describe(value: Any) -> str:
    """How a found value is named in a message."""
    if value is None:
        return say("nothing")
    if isinstance(value, dict):
        return say("a mapping")
    if isinstance(value, list):
        return say("a list")
    text = str(value)
    return f"'{text[:60]}…'" if len(text) > 60 else f"'{text}'"


def _id(value: Any) -> Any:
    if isinstance(value, str) and not ID_RE.match(value):
        raise refused(say("found id '{found}', which is not a valid id", found=value[:80]))
    return value


def _one_or_many(value: Any) -> Any:
    """``networks: linkedin`` and ``networks: [linkedin, x]`` both mean a list."""
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return value


def _blank_as_none(value: Any) -> Any:
    """``hosts: ''`` as ``hosts:`` with nothing after it (which is told there: not ``hosts: []``, which means
    something), ``cadence: ''`` as ``cadence:`` (left out)."""
    return None if isinstance(value, str) and not value.strip() else value


def _objective(value: Any) -> Any:
    if isinstance(value, str):
        return {"text": value}
    return value


def _version(value: Any) -> Any:
    if value is not None and str(value).strip() != "1":
        raise refused(say("found version {found}, expected 1 (the format this edcal reads)", found=describe(value)))
    return None if value is None else 1


def _mapping(value: Any) -> Any:
    """A mapping field's entries, without the mapping's own location entry."""
    if isinstance(value, dict):
        return {k: v for k, v in value.items() if k != LOC_KEY}
    return value


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def control_refused(value: str) -> Message | None:
    """What is wrong with a text holding a control character (a NUL, an escape): none may go into the
    drafts, the feeds or the pages; ``None`` when it holds none."""
    control = _CONTROL.search(value)
    if control is None:
        return None
    return say("found the control character U+{code} in text, expected printable text",
               code=f"{ord(control.group()):04X}")


def line_ends(value: str) -> str:
    """A text's Windows (``\\r\\n``) and lone ``\\r`` line ends as ``\\n``."""
    return value.replace("\r\n", "\n").replace("\r", "\n") if "\r" in value else value


def _text(value: Any) -> Any:
    if isinstance(value, (dict, list)):
        raise refused(say("found {found}, expected text", found=describe(value)))
    if isinstance(value, str):
        control = control_refused(value)
        if control is not None:
            raise refused(control)
        value = line_ends(value)
    return value


Text = Annotated[str, BeforeValidator(_text)]

#: ``1.180``: one group of three digits after a dot, as French writes thousands (1.180 abonnés).
_DOTTED_THOUSANDS = re.compile(r"^[+-]?[1-9]\d{0,2}\.\d{3}$")


def _figure(value: Any) -> Any:
    """A figure as typed: ``1.180`` is refused rather than read as 1.18 (it was 1180 followers)."""
    if isinstance(value, str) and _DOTTED_THOUSANDS.match(value.strip()):
        written = value.strip()
        raise refused(say("found '{found}', expected a number with one reading", found=written))
    return value


#: A measured or targeted figure (objectives): a whole or decimal number, never an ambiguous one.
Figure = Annotated[int | float, BeforeValidator(_figure)]


def _target(value: int | float) -> int | float:
    """``target: -5`` reads as a figure to reach below zero: nothing counted that way (followers, visits)
    goes below zero, so it is a slip (a dash typed before the figure, a decrease meant)."""
    if value < 0:
        raise refused(say("found '{found}', expected a target of 0 or more (the figure to reach)",
                          found=str(value)),
                      say("write the figure to reach, without a minus sign, e.g. `target: 1500` with `unit: "
                          "followers`: edcal compares `current:` with it; an objective of lowering a figure is said "
                          "in its `text:`, without `target:`"))
    return value


def _filled(value: str, hint: Message | None = None) -> str:
    if not value.strip():
        raise refused(say("found {found}, expected text", found=say("only spaces") if value else say("nothing")),
                      hint)
    return value


#: Text that may not be empty: a title (an empty one gave a page with an empty heading and a nameless card).
FilledText = Annotated[str, BeforeValidator(_text), AfterValidator(_filled)]


def _named(value: str) -> str:
    return _filled(value, say("write the name the planning site and the calendar feeds show"))


def _name_text(value: Any) -> Any:
    """``name:`` with nothing after it is refused as an empty one is, with the same hint."""
    return _named("") if value is None else _text(value)


#: A person's, a campaign's, a key date's name: an empty one gave a nameless event ("◆ ") and a blank row.
Name = Annotated[str, BeforeValidator(_name_text), AfterValidator(_named)]


def _reason(value: str) -> str:
    return _filled(value, say("say why: the reason shows on every withheld item"))


def _reason_text(value: Any) -> Any:
    """``reason:`` with nothing after it, as written in a hurry, is refused as an empty one is."""
    return _reason("") if value is None else _text(value)


#: A freeze's reason: an empty one left every withheld item without a word on why.
Reason = Annotated[str, BeforeValidator(_reason_text), AfterValidator(_reason)]

_LANGUAGE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*\Z")


def _language(value: str) -> str:
    if not _LANGUAGE.match(value):
        raise refused(say("found {found}, expected a language code such as fr, en or en-GB", found=describe(value)))
    return value


#: A language code (BCP 47 shape: ``fr``, ``en``, ``pt-BR``), as Pelican's ``lang`` and ``DEFAULT_LANG``.
LanguageCode = Annotated[str, BeforeValidator(_text), AfterValidator(_language)]
Id = Annotated[str, BeforeValidator(_id)]

#: How a header may say yes or no to a flag: Pelican's ``true``/``false``, YAML's, and the team's words.
FLAG_WORDS = {"true": True, "yes": True, "oui": True, "vrai": True,
              "false": False, "no": False, "non": False, "faux": False}


def flag(value: Any) -> bool:
    """``translation: true``, ``Translation: oui``: Pelican takes any text but ``false`` as yes, and
    ``Translation: no`` made an article a translation."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in FLAG_WORDS:
        return FLAG_WORDS[value.strip().lower()]
    raise refused(say("found {found}, expected true or false", found=describe(value)),
                  say("write true or false (yes or no, oui or non)"))


def says_no(value: Any) -> bool:
    """Whether a value is a flag written off (``draft: false``, ``Draft: non``), as YAML or as text."""
    return value is False or (isinstance(value, str) and FLAG_WORDS.get(value.strip().lower()) is False)


Flag = Annotated[bool, BeforeValidator(flag)]
Date = Annotated[dt.date, BeforeValidator(_parsed(timeparse.parse_date, say("a date as YYYY-MM-DD")))]
Time = Annotated[dt.time, BeforeValidator(_parsed(timeparse.parse_time, say("a time as HH:MM")))]
SlotSpec = Annotated[Slot, BeforeValidator(_parsed(timeparse.parse_slot, say("a slot like 'tue 09:00'")))]
CadenceSpec = Annotated[
    Cadence, BeforeValidator(_parsed(timeparse.parse_cadence, say("a cadence like 'twice a week' or '2/week'")))
]
#: A cadence that may be left out: ``cadence: ''`` is as ``cadence:`` with nothing after it, no target.
OptionalCadence = Annotated[CadenceSpec | None, BeforeValidator(_blank_as_none)]
Names = Annotated[list[Text], BeforeValidator(_one_or_many)]


def _hashtag_text(value: str) -> str:
    """``#Salon2027`` or ``Salon2027``: networks end a hashtag at a space, a dash or punctuation."""
    value = unicodedata.normalize("NFC", value)
    if re.fullmatch(r"#?\d+", value.strip()):
        raise refused(say("found hashtag '{found}', which has no letter: networks do not link a hashtag made of "
                          "digits only", found=value[:80]))
    if not HASHTAG_RE.match(value.strip()):
        words = re.findall(r"[^\W_]+", value)
        if "," in value or value.count("#") > 1:  # several in one item
            tags = [f'"#{tag.strip().lstrip("#")}"' for tag in re.split(r"[,\s]+(?=#)|,", value) if tag.strip()]
            raise refused(say("found hashtag '{found}', expected # then letters, digits or _ (networks end a "
                              "hashtag at a space, a dash or punctuation), one per item: [{tags}]",
                              found=value[:80], tags=", ".join(tags)))
        if words:
            raise refused(say("found hashtag '{found}', expected # then letters, digits or _ (networks end a "
                              "hashtag at a space, a dash or punctuation), e.g. '#{example}'",
                              found=value[:80], example="".join(words)))
        raise refused(say("found hashtag '{found}', expected # then letters, digits or _ (networks end a hashtag "
                          "at a space, a dash or punctuation)", found=value[:80]))
    return value


#: ``#`` then letters (with their combining marks: Devanagari, Thai…), digits or ``_``, at least one letter.
HASHTAG_RE = regex.compile(r"^#?[\d_]*[\p{L}][\p{L}\p{M}\p{N}_]*$")
Hashtags = Annotated[list[Annotated[str, BeforeValidator(_text), AfterValidator(_hashtag_text)]],
                     BeforeValidator(_one_or_many)]
Counting = Literal["twitter", "graphemes", "characters", "utf16", "utf8-bytes", "threads"]
def _whole(value: Any) -> Any:
    """A count or a limit as typed: ``5.000`` (French thousands) was read as 5, and ``2.5`` refused in Python's
    words; both are told here (the hint for a dotted figure says how to write it)."""
    if isinstance(value, str) and (told := other_figures(value)) is not None:  # `'٣'`, as a cadence's `٣/week`
        raise refused(*told)
    if isinstance(value, str) and "." in value and re.fullmatch(r"[+-]?\d[\d.]*", value.strip()):
        raise refused(say("found '{found}', expected a whole number", found=value.strip()))
    return value


#: The most a count or a limit may be: a billion (10**23 overflowed the counting of texts).
LARGEST_COUNT = 1_000_000_000
#: A count or a limit: a whole number, at most a billion.
PositiveInt = Annotated[int, BeforeValidator(_whole), Field(ge=1, le=LARGEST_COUNT)]
#: A count or a limit that may be left out: ``max_per_day: ''`` is as ``max_per_day:`` with nothing after it.
OptionalCount = Annotated[PositiveInt | None, BeforeValidator(_blank_as_none)]
K = TypeVar("K")
V = TypeVar("V")
Mapping = Annotated[dict[K, V], BeforeValidator(_mapping)]


def _variants(value: Any) -> Any:
    """``variants:``'s entries, each located at its network's key (``instagram:``), the line a finding about
    that network points at, rather than at its first field."""
    if not isinstance(value, dict):
        return value
    loc = value.get(LOC_KEY)
    result = {}
    for name, variant in value.items():
        if name == LOC_KEY:
            continue
        own = variant.get(LOC_KEY) if isinstance(variant, dict) else None
        if isinstance(loc, Loc) and isinstance(own, Loc) and name in loc.fields:
            variant = {**variant, LOC_KEY: Loc(loc.key(name), own.fields)}
        result[name] = variant
    return result


#: The words and figures pydantic reads as a ``bool`` field's values.
_SWITCH_WORDS = {"true": True, "yes": True, "on": True, "1": True, "t": True, "y": True,
                 "false": False, "no": False, "off": False, "0": False, "f": False, "n": False}


def _switch_or_text(value: Any) -> Any:
    """``publish: false`` is the switch, not a folder named "false" (a union prefers the text)."""
    if isinstance(value, str) and value.strip().lower() in _SWITCH_WORDS:
        return _SWITCH_WORDS[value.strip().lower()]
    return value


#: ``true``, ``false`` or a folder's name.
SwitchOrFolder = Annotated[bool | Text, BeforeValidator(_switch_or_text)]


class Spec(BaseModel):
    """A mapping in calendar.yaml: unknown keys are errors, locations are kept."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        arbitrary_types_allowed=True,
        populate_by_name=True,
        str_strip_whitespace=False,
        defer_build=True,
    )
    loc: SkipJsonSchema[Loc | None] = Field(default=None, alias="__loc__", exclude=True)
    #: Optional fields whose empty value (`''`) is told, or means something of its own, not read as nothing.
    empty_kept: ClassVar[frozenset[str]] = frozenset()

    @model_validator(mode="before")
    @classmethod
    def _empty_as_nothing(cls, data: Any) -> Any:
        """An optional field written `''` (or spaces) is read as written with nothing after it (`key:`), for
        every optional field alike: left out where leaving it out means none (`owner: ''` named a person '',
        `utm_campaign: ''` sent an empty utm_campaign), an error where it has a default to take
        (`status: ''`). A required field keeps the error of its own type."""
        if not isinstance(data, dict):
            return data
        empty = [key for key, value in data.items() if isinstance(value, str) and not value.strip()
                 and key in _optional_keys(cls)]
        return {**data, **dict.fromkeys(empty, None)} if empty else data


@functools.cache
def _optional_keys(spec: type[Spec]) -> frozenset[str]:
    """The keys of a spec's fields that may be left out, as written (``from``, not ``from_``), but those
    whose empty value it keeps."""
    return frozenset(field.alias or name for name, field in spec.model_fields.items()
                     if not field.is_required() and name != "loc") - spec.empty_kept


class ObjectiveSpec(Spec):
    """What something is for, measurably. A plain string is the ``text`` alone."""

    text: Text = Field(description="The objective in words, e.g. 'Book 40 meetings at the stand'.")
    target: Annotated[Figure, AfterValidator(_target)] | None = Field(
        None, description="The figure to reach, e.g. 40 (0 or more).")
    unit: Text | None = Field(None, description="What the figure counts, e.g. 'rendez-vous', 'visites', 'abonnés'.")
    by: Date | None = Field(None, description="The date by which the target should be reached.")
    current: Annotated[Figure, Field(ge=0)] | None = Field(None, description="The figure last measured, e.g. 1180 (noted by hand from the network's statistics).")
    measured: Date | None = Field(None, description="The day `current` was measured.")

    @model_validator(mode="after")
    def _measured_figure(self) -> ObjectiveSpec:
        if self.measured is not None and self.current is None:
            raise refused(say("found `measured:` without `current:`, expected the figure measured that day, e.g. "
                              "current: 1180"))
        return self

    def to_model(self) -> model.Objective:
        fields: dict[str, Any] = {}
        if self.loc is not None:
            fields = {"source": self.loc.source, "field_sources": LocatedFields(self.loc)}
        return model.Objective(self.text, self.target, self.unit, self.by, self.current, self.measured, **fields)


Objective = Annotated[ObjectiveSpec, BeforeValidator(_objective)]


class AbsenceSpec(Spec):
    """A time a person is away (holidays, leave): what they own then has no one to answer for it."""

    from_: Date = Field(alias="from", description="First day away.")
    until: Date = Field(description="Last day away (included).")
    reason: Text | None = Field(None, description="Why, for the team: 'Congés', 'Formation'.")
    stand_in: Text | None = Field(None, description="Who stands in for them then (an id of `team:`): their feed holds the posts of the absence, `owner-away` names them.")


class PersonSpec(Spec):
    id: Id = Field(description="Short id used by `owner:` fields, e.g. 'camille'.")
    name: Name = Field(description="Full name, shown in calendars and on the planning site.")
    email: Text | None = Field(None, description="Optional e-mail address.")
    role: Text | None = Field(None, description="Optional role, e.g. 'Community manager'.")
    left: Date | None = Field(None, description="The day they left the team: what they owned keeps their name, what they own from then on is to hand over (`owner-left`).")
    away: list[AbsenceSpec] = Field(default_factory=list, description="Times they are away (holidays, leave), each {from, until, reason, stand_in}: what they own then is told (`owner-away`).")


def _aspect_range(value: Any) -> Any:
    """``['4:5', '1.91:1']``: the narrowest image shape a network takes, then the widest."""
    if not isinstance(value, list) or len(value) != 2:
        raise refused(say("found {found}, expected the narrowest and widest shapes, width:height, e.g. ['4:5', "
                          "'1.91:1']", found=describe(value)))
    for shape in value:
        if isinstance(shape, bool) or not isinstance(shape, (str, int, float)) or aspect_ratio(str(shape)) is None:
            raise refused(say("found {found}, expected a shape as width:height, e.g. '4:5'", found=describe(shape)))
    narrowest, widest = (str(shape).strip() for shape in value)
    if aspect_ratio(narrowest) > aspect_ratio(widest):  # type: ignore[operator]
        raise refused(say("found {found}, expected the narrowest and widest shapes, width:height, e.g. ['4:5', "
                          "'1.91:1']: the narrowest first", found=describe(value)))
    return (narrowest, widest)


AspectRange = Annotated[tuple[str, str], BeforeValidator(_aspect_range)]


class LimitSpec(Spec):
    counting: Counting = Field(description="How the network counts: twitter, graphemes, characters, utf16, utf8-bytes or threads.")
    max: PositiveInt = Field(description="The maximum under that counting rule.")


class NetworkSpec(Spec):
    """A network in use: the site's account settings, and any rule it overrides."""

    # The site's account.
    account: Text | None = Field(None, description="The account's name or handle, e.g. '@atelier_dupont'.")
    slots: list[SlotSpec] = Field(default_factory=list, description="Default posting slots, e.g. ['tue 09:00', 'thu 12:30'].")
    cadence: OptionalCadence = Field(None, description="Regularity target, e.g. '2/week', '2 fois par semaine' or 'twice a week'.")
    max_per_day: OptionalCount = Field(None, description="Most posts allowed on one day.")
    objective: Objective | None = Field(None, description="What the account is for, with a figure.")
    utm_source: Text | None = Field(None, description="Value of utm_source for links posted here (default: the network id).")
    since: Date | None = Field(None, description="The day the site began posting on this account: the blog's default promotions leave out articles published before it.")
    until: Date | None = Field(None, description="The last day the site posts on this account: its past posts stay, the blog's default promotions stop, later posts are reported (`network-ended`).")
    utm_medium: Text | None = Field(None, description="Value of utm_medium for links posted here (default: tracking's medium, 'social'), e.g. 'intranet' for an internal network.")
    lang: LanguageCode | None = Field(None, description="The account's language, e.g. 'en': promotions post the article's version in it, the draft templates speak it.")
    in_first_comment: Annotated[list[Literal["link", "hashtags"]], BeforeValidator(_one_or_many)] | None = Field(
        None, description="What the drafts put in each post's first comment instead of its text: link (the tracked link, LinkedIn's practice), hashtags (Instagram's).")
    timezone: Text | None = Field(None, description="The account's IANA time zone, e.g. 'America/Toronto': the times of its posts written without an offset (slots, `at:`, `repeat:`, promotion steps) are its wall clock, and its days judge them; default: the site's.")
    country: Text | None = Field(None, description="ISO country code whose public holidays its posts are judged against, e.g. 'CA'; default: the site's.")
    subdivision: Text | None = Field(None, description="Region code for its regional holidays, e.g. 'QC'; of its `country:`, else of the site's.")
    # Declaring a network of one's own.
    aliases: Names | None = Field(None, description="Other names accepted for this network, e.g. [twitter].")
    custom: bool = Field(False, description="Declares a network that is not built in (an intranet, Viadeo).")
    like: Text | None = Field(None, description="Declares a network that starts from the rules of a built-in one.")
    # Rules: any built-in value can be overridden.
    name: Text | None = Field(None, description="Display name, e.g. 'Intranet'.")
    limit: OptionalCount = Field(None, description="Text limit under the network's main counting rule.")
    counting: Counting | None = Field(None, description="Main counting rule (with `limit`).")
    limits: list[LimitSpec] | None = Field(None, description="Every limit, when a network has several (Bluesky).")
    url_length: Annotated[int, BeforeValidator(_whole)] | None = Field(None, ge=0, le=10000, description="What each URL costs whatever its length (X: 23).")
    link_display: Literal["full", "shortened"] | None = Field(None, description="'shortened' shows a short link text and carries the URL apart (Bluesky).")
    links_clickable: bool | None = Field(None, description="false when links in the text are not clickable (Instagram).")
    link_field: bool | None = Field(None, description="true when a post's link has a field of its own, apart from the text (Pinterest's pin link).")
    facets: bool | None = Field(None, description="true when links and hashtags are clickable only through facets sent beside the text (Bluesky's API).")
    mention_counting: Literal["full", "local-part"] | None = Field(None, description="'local-part' counts @user@domain as @user (Mastodon).")
    handles: Literal["plain", "dotted", "domain", "fediverse"] | None = Field(None, description="How its accounts are named: plain (@name, X), dotted (@name that may hold dots, Instagram), domain (@lea.bsky.social, Bluesky), fediverse (@lea@piaille.fr, Mastodon); another network's address is then told (mention-elsewhere).")
    mentions_picked: bool | None = Field(None, description="true when a mention is made only by picking the account from the composer's list: a pasted @Name tags no one (LinkedIn, Facebook).")
    media: Literal["required", "video", "optional", "none"] | None = Field(None, description="Whether a post needs an image or a video (required), a video (video), may have one (optional) or takes none (none).")
    max_images: OptionalCount = Field(None, description="Most images per post.")
    max_hashtags: Annotated[int, BeforeValidator(_whole)] | None = Field(None, ge=0, le=LARGEST_COUNT,
                                     description="Most hashtags per post; 0: none (an internal network).")
    max_links: OptionalCount = Field(None, description="Most distinct links per post.")
    title_limit: OptionalCount = Field(None, description="Limit of a post's title (Pinterest, YouTube).")
    alt_limit: OptionalCount = Field(None, description="Limit of an image's alt text.")
    max_image_bytes: OptionalCount = Field(None, description="Largest image file the network takes, in bytes (Bluesky: 1000000).")
    image_aspect: AspectRange | None = Field(None, description="Narrowest and widest image shapes, width:height, e.g. ['4:5', '1.91:1'] (Instagram).")
    hashtag_case: Literal["camel", "lower", "as-is"] | None = Field(None, description="How tags become hashtags: camel (#RéseauxSociaux), lower or as-is.")
    forbidden_characters: Text | None = Field(None, description="Characters the network refuses in a text.")
    content_warning: bool | None = Field(None, description="true when a post can carry a content warning (`cw:`), counted with its text (Mastodon).")
    comment_limit: OptionalCount = Field(None, description="Longest first comment (`first_comment:`) the network takes, counted as its text is; unset: it takes none (LinkedIn: 1250).")
    replies: bool | None = Field(None, description="true when the account can answer its own post with more posts, a thread (`thread:`): X, Mastodon, Bluesky, Threads.")
    poll_options: Annotated[int, Field(ge=2, le=1_000)] | None = Field(None, description="The most answers a poll (`poll:`) takes; unset: the network takes no poll (X, Mastodon, LinkedIn, Threads: 4).")
    poll_option_limit: OptionalCount = Field(None, description="The longest answer of a poll, in characters (X: 25, Mastodon: 50, LinkedIn: 30, Threads: 25).")
    poll_question_limit: OptionalCount = Field(None, description="The longest question of a poll, where the network asks it apart from the text (LinkedIn: 140); unset: the text asks it.")
    poll_min_duration: PollDuration | None = Field(None, description="The shortest time a poll may be open, e.g. '5 minutes' (X, Mastodon).")
    poll_max_duration: PollDuration | None = Field(None, description="The longest time a poll may be open, e.g. '7 days' (X).")
    poll_durations: Annotated[list[WrittenPollDuration], BeforeValidator(_one_or_many)] | None = Field(None, description="The only times a poll may be open, e.g. ['1 day', '3 days', '1 week', '2 weeks'] (LinkedIn).")
    poll_media: bool | None = Field(None, description="true when a post with a poll may also show images or a video (none of the built-in networks).")
    share_form: Text | None = Field(None, description="Address of the network's share form, with {text} (the words to share, link included) and/or {url} (the link), and {title} (the page's title) if the form asks for one, e.g. 'https://x.com/intent/tweet?text={text}': the ambassadors' page and the blog's share buttons open it.")
    hosts: Annotated[Names | None, BeforeValidator(_blank_as_none)] = Field(None, description="The hosts of the network's post addresses, e.g. [linkedin.com, lnkd.in]: a `posted:` line's `url:` elsewhere is an error; [] for any host.")
    color: Text | None = Field(None, description="Colour in calendars, a CSS3 colour name.")
    template: Text | None = Field(None, description="Draft template file name in the theme's drafts/ folder.")


class CampaignSpec(Spec):
    id: Id = Field(description="Short id used by `campaign:` fields and in feed names.")
    name: Name = Field(description="Name shown in calendars.")
    from_: Text = Field(alias="from", description="First day of the campaign: a date, or a key date ('salon-industrie -3 weeks').")
    until: Text = Field(description="Last day of the campaign (included): a date, or a key date ('salon-industrie end').")
    hashtags: Hashtags = Field(default_factory=list, description="Hashtags added to the campaign's drafts, e.g. ['#SalonIndustrie'].")
    objective: Objective | None = Field(None, description="What the campaign is for, with a figure.")
    utm_campaign: Text | None = Field(None, description="Value of utm_campaign for its links (default: the campaign id).")
    owner: Text | None = Field(None, description="Person in charge (a team id).")
    color: Text | None = Field(None, description="Colour on the planning site, a CSS3 colour name.")
    description: Text | None = Field(None, description="A sentence on the campaign.")
    promotional: bool = Field(False, description="Its posts count as self-promotion.")
    cadence: OptionalCadence = Field(None, description="How often it posts while it runs, e.g. '2 fois par semaine': on each of its `networks`, else on all of them together.")
    networks: Names | None = Field(None, description="The networks it runs on (set up under `networks:`); with `cadence`, each is held to it.")


class KeyDateSpec(Spec):
    id: Id = Field(description="Short id posts' `at:` anchor to, e.g. 'salon-industrie'.")
    name: Name = Field(description="Name shown on the planning calendar.")
    on: Date | None = Field(None, description="The day, for a one-day date.")
    from_: Date | None = Field(None, alias="from", description="First day, for a date of several days.")
    until: Date | None = Field(None, description="Last day (included), with `from`.")
    description: Text | None = Field(None, description="A sentence on it.")


class FreezeSpec(Spec):
    from_: Text = Field(alias="from", description="Start: a date (its first minute) or a date and time.")
    until: Text | None = Field(None, description="End: a date (included) or a date and time; none means until further notice.")
    reason: Reason = Field(description="Why: shown on every withheld item.")
    networks: Names | None = Field(None, description="Freeze only these networks (default: all).")
    blog: bool | None = Field(None, description="Also hold back articles due in the window (default: true for a freeze of every network, false for one with `networks:`).")


class IdeaSpec(Spec):
    id: Id | None = Field(None, description="Stable id (default: from the title).")
    title: Text = Field(description="Working title.")
    owner: Text | None = Field(None, description="Who writes it (a team id).")
    status: Literal["idea", "writing", "review"] = Field("idea", description="idea, writing or review.")
    draft_due: Date | None = Field(None, description="When the first draft is due.")
    review_due: Date | None = Field(None, description="When the review is due.")
    publish: Date | None = Field(None, description="Target publication date.")
    campaign: Text | None = Field(None, description="Campaign it serves.")
    notes: Text | None = Field(None, description="Free notes: angle, sources, contacts.")
    networks: Names | None = Field(None, description="An idea for a post, not an article: the networks it is meant for, e.g. [linkedin, instagram].")
    text: Text | None = Field(None, description="An idea for a post: its words so far.")
    silence: Any = Field(None, description="Checks silenced on this idea, each with a reason.")


class PostedSpec(Spec):
    """One line of ``posted:``, the log of what went out; a plain string is the ``item`` alone."""

    item: Text = Field(description="The post's id, as plan.json, the planning pages and the draft files name it, e.g. 'new-year-2027-linkedin'.")
    at: Text | None = Field(None, description="When it went out: a date and time, or a date (default: its planned time).")
    url: Text | None = Field(None, description="The post's address on the network, e.g. 'https://www.linkedin.com/feed/update/urn:li:activity:7150000000000000000/'.")
    skipped: bool = Field(False, description="true: the post did not go out (the team decided against it, or missed it); the report counts it as skipped, not as not confirmed.")


def _posted_item(value: Any) -> Any:
    if isinstance(value, str):
        return {"item": value}
    return value


class ImageSpec(Spec):
    """One image of ``images:``; a plain string is the ``image`` alone."""

    image: Text = Field(description="Image path in content/ (or a URL).")
    alt: Text | None = Field(None, description="Alt text of this image.")


def _image_item(value: Any) -> Any:
    if isinstance(value, str):
        return {"image": value}
    return value


def _images(value: Any) -> Any:
    if isinstance(value, list) and not value:
        raise refused(say("found an empty list, expected at least one image, e.g. [{{image: images/stand.png, "
                          "alt: Our stand at the fair}}]"))
    return value


#: ``images:``: several images in order, each ``{image, alt}`` (or a path alone).
Images = Annotated[list[Annotated[ImageSpec, BeforeValidator(_image_item)]], BeforeValidator(_images)]


class VideoSpec(Spec):
    """``video:``; a plain string is the ``file`` alone."""

    file: Text = Field(description="Video file in content/ (.mp4, .mov, .m4v, .webm), or an https URL.")
    cover: Text | None = Field(None, description="The still shown before the video plays: an image in content/ (or a URL).")
    alt: Text | None = Field(None, description="What the video shows, for people who cannot see it.")
    subtitles: Text | None = Field(None, description="Its subtitles: a .vtt or .srt file in content/ (or a URL).")


def _video(value: Any) -> Any:
    if isinstance(value, str):
        return {"file": value}
    return value


#: ``video:``: a post's video, ``{file, cover, alt, subtitles}`` (or a path alone).
Video = Annotated[VideoSpec, BeforeValidator(_video)]


def _post_text(value: str) -> str:
    return _filled(value, say("write the post's words, or leave `text:` out where the network's template writes "
                              "them (a promotion, a post with `article:`)"))


def _turn_text(value: str) -> str:
    return _filled(value, say("write the post's words, or remove the empty item"))


def _turns(value: Any) -> Any:
    if isinstance(value, list) and not value:
        raise refused(say("found an empty list, expected at least one text, e.g. [Tip 1, Tip 2]"),
                      say("write the texts, or remove `texts:`"))
    return value


#: A post's ``text:``: an empty one planned a post of nothing (no network posts it; a scheduler's import fails).
PostText = Annotated[str, BeforeValidator(_text), AfterValidator(_post_text)]
#: ``texts:``, used in turn: an empty item gave its days empty posts, and an empty list all of them.
Turns = Annotated[list[Annotated[str, BeforeValidator(_text), AfterValidator(_turn_text)]], BeforeValidator(_turns)]


def _reply(value: str) -> str:
    return _filled(value, say("write the reply's words, or remove the empty item"))


def _replies(value: Any) -> Any:
    """``thread: "Un mot"`` is a thread of one reply (its commas are words, not a list)."""
    return [value] if isinstance(value, str) else value


def _poll_duration(value: str) -> str:
    """A poll's duration, as written (its minutes are read again where the entry is read)."""
    _parsed(timeparse.parse_poll_duration, "a duration like '1 day'")(value)
    return value.strip()


def _poll_option(value: str) -> str:
    value = _filled(value, say("write the answer, or remove the empty item"))
    if "\n" in value.strip():
        raise refused(say("found a line break in the answer '{option}', expected an answer on one line",
                          option=value.strip().replace("\n", " / ")),
                      say("a network's poll answer is one line: write it on one"))
    return value


def _answer_key(option: str) -> str:
    """An answer as a voter tells it apart: its words in one Unicode form (an accent typed apart, NFD, is
    the same letter), without invisible characters (a zero-width space), whatever their case and spaces."""
    visible = "".join(c for c in unicodedata.normalize("NFKC", option) if unicodedata.category(c) != "Cf")
    return " ".join(visible.split()).casefold()


def _poll_options(value: list[str]) -> list[str]:
    if len(value) < 2:
        raise refused(say("found one answer, expected 2 at least") if value
                      else say("found no answer, expected 2 at least"),
                      say("a poll offers a choice: write the answers, or remove `poll:`"))
    seen: set[str] = set()
    for option in value:
        if _answer_key(option) in seen:
            raise refused(say("found the answer '{option}' twice, expected each answer once", option=option.strip()),
                          say("a vote cannot tell the two apart: reword or remove one"))
        seen.add(_answer_key(option))
    return value


PollOptions = Annotated[list[Annotated[str, BeforeValidator(_text), AfterValidator(_poll_option)]],
                        AfterValidator(_poll_options)]
#: A network's poll durations (``poll_min_duration:``), in minutes.
PollDuration = Annotated[int, BeforeValidator(_parsed(timeparse.parse_poll_duration, "a duration like '1 day'"))]
#: One of a network's ``poll_durations:``, as written (``24 hours``): one given twice is told in the writer's words.
WrittenPollDuration = Annotated[Text, AfterValidator(_poll_duration)]


#: ``thread:``: the replies under a post, in order; one reply may be written alone, as text.
Thread = Annotated[list[Annotated[str, BeforeValidator(_text), AfterValidator(_reply)]],
                   BeforeValidator(_replies)]


class PollSpec(Spec):
    """``poll:``: the answers, and how long the poll is open."""

    options: PollOptions = Field(description="The answers, in order: 2 at least, as short as the network asks (X: 25 characters).")
    duration: Annotated[Text, AfterValidator(_poll_duration)] = Field(description="How long it is open: '2 hours', '1 day', '3 days', '1 week'.")
    question: Annotated[str, BeforeValidator(_text), AfterValidator(_filled)] | None = Field(None, description="The question, where the network asks it apart from the text (LinkedIn, 140 characters); elsewhere the text asks it.")


class VariantSpec(Spec):
    #: What this network posts, written empty, is told (the loader tells `text:` with nothing after it too): an
    #: empty text planned a post of nothing, and an empty link, image or video took the entry's.
    empty_kept: ClassVar[frozenset[str]] = frozenset({"text", "link", "image", "alt", "images", "video"})

    text: PostText | None = Field(None, description="The text on this network.")
    link: Text | None = Field(None, description="Another link on this network.")
    image: Text | None = Field(None, description="Another image on this network.")
    alt: Text | None = Field(None, description="Alt text of that image.")
    images: Images | None = Field(None, description="Other images on this network, in order (a carousel): [{image, alt}, …].")
    video: Video | None = Field(None, description="Another video on this network (a Reel, a Short), instead of images: a path, or {file, cover, alt, subtitles}.")
    at: Text | None = Field(None, description="Another time on this network.")
    skip: bool = Field(False, description="Leave this network out for this entry.")
    cw: Text | None = Field(None, description="The content warning on this network, instead of the entry's.")
    note: Text | None = Field(None, description="A note for whoever posts it on this network, instead of the entry's.")
    owner: Text | None = Field(None, description="Who is in charge of the post on this network (a team id), instead of the entry's.")
    first_comment: Text | None = Field(None, description="The first comment on this network, instead of the entry's.")
    thread: Thread | None = Field(None, description="The thread on this network, instead of the entry's; [] for none.")
    poll: PollSpec | None = Field(None, description="The poll on this network, instead of the entry's; null for none there.")


#: The periods of ``repeat: every:``, as writers also spell them (English plural or adverb, French).
_EVERY = {**dict.fromkeys(("days", "daily", "jour", "jours", "quotidien"), "day"),
          **dict.fromkeys(("weeks", "weekly", "semaine", "semaines", "hebdomadaire", "hebdo"), "week"),
          **dict.fromkeys(("months", "monthly", "mois", "mensuel"), "month")}


def period(value: Any) -> Any:
    """``weeks``, ``hebdo`` or ``semaine`` as ``week``; anything else as written (lower case)."""
    return _EVERY.get(value.strip().lower(), value.strip().lower()) if isinstance(value, str) else value


class RepeatSpec(Spec):
    every: Annotated[Literal["day", "week", "month"] | None, BeforeValidator(period)] = Field(
        None, description="day, week or month (also days, weekly, jour, semaine, mois…).")
    interval: PositiveInt = Field(1, description="Every 2 weeks: interval 2.")
    on: Names | None = Field(None, description="Weekdays (['tue']) for weekly rules; '15' or 'first tue' for monthly ones.")
    at: Text | None = Field(None, description="Time (HH:MM) or a named slot; default: each network's slot.")
    from_: Text = Field(alias="from", description="First day the rule applies: a date, or a key date ('salon-industrie').")
    until: Text | None = Field(None, description="Last day the rule applies (included): a date, or a key date ('salon-industrie end').")
    count: OptionalCount = Field(None, description="Number of occurrences, instead of `until`.")
    except_: Names | None = Field(None, alias="except", description="Days the rule leaves out: dates, or key dates ('salon-industrie').")
    rrule: Text | None = Field(None, description="An RFC 5545 RRULE instead of every/on, e.g. 'FREQ=MONTHLY;BYDAY=1TU'.")
    moved: Any = Field(None, description="Occurrences on another day or time: {rule's day: new date, as in `at:`}, e.g. {2027-01-21: 2027-01-22}.")


class PostSpec(Spec):
    """One entry of ``posts:``: a one-off post (``at``), an article promotion
    (``promote``) or a recurring post (``repeat``)."""

    #: An empty text planned a post of nothing: told (`text:` left out, a template writes it).
    empty_kept: ClassVar[frozenset[str]] = frozenset({"text"})

    id: Id | None = Field(None, description="Stable id; recommended. Default: from title, link or text.")
    title: Text | None = Field(None, description="Short label for calendars, e.g. 'Salon Industrie : J-7'.")
    network: Text | None = Field(None, description="One network (same as a one-item `networks`).")
    networks: Names | None = Field(None, description="Networks to post on.")
    at: Text | None = Field(None, description="One-off: '2027-01-12 09:00', '2027-01-12 midi' or a date (network slot).")
    promote: Text | None = Field(None, description="Promotion: the article's slug.")
    schedule: Names | None = Field(None, description="Promotion: times relative to publication, e.g. ['at publication', '+2 days at 12:00'].")
    repeat: RepeatSpec | None = Field(None, description="Recurring post: the rule.")
    text: PostText | None = Field(None, description="The post's text (default for promotions: the network's template).")
    cw: Text | None = Field(None, description="A content warning, shown before the text, which stays folded until opened (Mastodon's); counted with the text.")
    note: Text | None = Field(None, description="For whoever posts it, what to do beyond pasting the text: tag the partner in the photo, pin it, boost it. Never posted.")
    first_comment: Text | None = Field(None, description="A comment posted under the post as soon as it is out (LinkedIn, Facebook, Instagram): a link, hashtags, a question.")
    thread: Thread | None = Field(None, description="Replies posted under the post, in order, each a post of its own (X, Mastodon, Bluesky, Threads): a thread.")
    poll: PollSpec | None = Field(None, description="A poll: {options: [answers], duration: '1 day'} (X, Mastodon, LinkedIn, Threads), and its question on LinkedIn.")
    texts: Turns | None = Field(None, description="Recurring post or promotion: texts used in turn.")
    link: Text | None = Field(None, description="A URL; links to the site get UTM parameters.")
    article: Text | None = Field(None, description="Link to this article (by slug) instead of a URL.")
    image: Text | None = Field(None, description="Image path in content/ (or a URL).")
    alt: Text | None = Field(None, description="Alt text of the image.")
    images: Images | None = Field(None, description="Several images in order (a carousel), each {image, alt}, instead of `image:`.")
    video: Video | None = Field(None, description="A video instead of images: a path in content/ (or an https URL), or {file, cover, alt, subtitles}.")
    campaign: Text | None = Field(None, description="Campaign it belongs to.")
    owner: Text | None = Field(None, description="Who is in charge (a team id).")
    status: Literal["draft", "review", "scheduled"] = Field("scheduled", description="draft while the text is not final; review once written, awaiting approval; scheduled (the default) once approved.")
    promotional: bool | None = Field(None, description="Counts as self-promotion (default: its campaign's setting).")
    variants: Annotated[dict[str, VariantSpec], BeforeValidator(_variants)] = Field(
        default_factory=dict, description="Per-network text, link, image, time or skip.")
    silence: Any = Field(None, description="Checks silenced on this entry, each with a reason: {rule-id: reason}.")


class PromoteSpec(Spec):
    networks: Names = Field(description="Networks every article is promoted on.")
    schedule: Names = Field(default_factory=lambda: ["at publication"], description="Times relative to publication.")
    since: Date | None = Field(None, description="Promote by default only articles published on or after this date.")


class BlogSpec(Spec):
    cadence: OptionalCadence = Field(None, description="Article regularity target, e.g. '1/week' or '1 fois par semaine'.")
    promote: PromoteSpec | None = Field(None, description="Promote every article by default.")


class TrackingSpec(Spec):
    enabled: bool = Field(True, description="Add UTM parameters to links to the site.")
    source: Text = Field("{network}", description="utm_source value; {network} is the network id.")
    medium: Text = Field("social", description="utm_medium value.")
    campaign: Text = Field("{campaign}", description="utm_campaign value; {campaign} is the campaign's utm_campaign, else the article slug or post id.")
    content: Text | None = Field(None, description="utm_content value, e.g. '{item}' for the item id.")
    parameters: Mapping[str, Text] = Field(default_factory=dict, description="Rename parameters, e.g. {source: mtm_source} for Matomo.")


class HootsuiteSpec(Spec):
    date_format: Text | None = Field(None, description="Date and time as chosen in Hootsuite's upload dialog, in strftime form; default day/month/year 24-hour; month/day/year for a country that writes the month first (US, PH, FM, MH, PW).")


class ExportsSpec(Spec):
    hootsuite: HootsuiteSpec | None = Field(None, description="Hootsuite Bulk Composer CSV settings.")


Minutes = Annotated[int, BeforeValidator(_parsed(timeparse.parse_duration_minutes, "a duration like '15 minutes'"))]
#: The families of iCalendar feeds, as named in ``feeds.reminders``.
FeedFamily = Literal["calendar", "networks", "blog", "people", "campaigns"]


class FeedsSpec(Spec):
    duration: Minutes | None = Field(None, description="Length of a post or article event in calendar apps (default '15 minutes').")
    refresh: Minutes | None = Field(None, description="How often calendar apps should fetch the feeds: REFRESH-INTERVAL and X-PUBLISHED-TTL (default '1 hour').")
    reminders: Mapping[FeedFamily, Minutes] = Field(default_factory=dict, description="Alarms before each timed event, per feed family (calendar, networks, blog, people, campaigns), e.g. {people: 1 hour}. Off by default.")
    publish: SwitchOrFolder = Field(False, description="Also copy the feeds into output/ (public!): true for output/calendars/, or a folder name such as a hard-to-guess path.")
    past: Text | None = Field(None, description="How far back feeds keep past items, e.g. '6 months' or 'all' (default '1 year'): years of daily posts made feeds of megabytes.")
    future: Text | None = Field(None, description="How far ahead feeds show items to come, e.g. '3 months' or 'all' (the default): a year of thousands of posts makes feeds of megabytes.")


class PlanningSpec(Spec):
    url: Text | None = Field(None, description="Where planning/ is served, e.g. 'https://plan.example.fr/': event links in feeds, https and webcal subscribe links.")
    repository_url: Text | None = Field(None, description="Web address of the site's files in the git web UI, e.g. 'https://github.com/acme/blog/blob/main/': source links on the planning page.")
    publish: SwitchOrFolder = Field(False, description="Also copy the whole planning site into output/ (public!): true for output/planning/, or a folder name.")
    past: Text | None = Field(None, description="How many months back the calendar page's month and week views hold, e.g. '3 months' or 'all' (default '6 months'); the months' agenda pages have the others.")
    future: Text | None = Field(None, description="How many months ahead the calendar page's month and week views hold, e.g. '6 months' or 'all' (default '1 year'); the months' agenda pages have the others.")


class SuggestionSpec(Spec):
    id: Id | None = Field(None, description="Stable id: the page's anchor (#share-<id>), the feed entry's id and utm_campaign when no campaign says it (default: the article's slug, else the title as a slug, which changes with the title).")
    article: Text | None = Field(None, description="An article to share, by slug: suggested once it is online.")
    link: Text | None = Field(None, description="Or any page to share, e.g. a job offer: 'https://example.fr/recrutement/soudeur/'.")
    title: Text | None = Field(None, description="What the page is, shown to staff (required with `link`; default: the article's title).")
    text: Text | None = Field(None, description="The suggested words, in the first person (default: the ambassadors' template); the link is added after them.")
    networks: Names | None = Field(None, description="Networks to suggest it on (default: `ambassadors.networks`).")
    campaign: Text | None = Field(None, description="Campaign it belongs to: its hashtags and utm_campaign (default: the article's).")
    from_: Date | None = Field(None, alias="from", description="First day it is suggested (default: as soon as it is online).")
    until: Date | None = Field(None, description="Last day it is suggested, included (default for an article: `days` after it went online; for a link: no end).")
    image: Text | None = Field(None, description="An image staff may attach, in content/ or a URL (default: the article's).")
    alt: Text | None = Field(None, description="Alt text of that image.")


class AmbassadorsSpec(Spec):
    days: Text | None = Field(None, description="How long an article is suggested once online, e.g. '30 days' (the default) or '2 weeks'; '0 days' suggests only `suggestions`.")
    networks: Names | None = Field(None, description="Networks staff are given words for (default: the networks set up under `networks:` that have a `share_form`, else linkedin).")
    medium: Text | None = Field(None, description="utm_medium of the links staff share (default 'ambassador'), so that their visits are told apart from the company's posts.")
    suggestions: list[SuggestionSpec] = Field(default_factory=list, description="What the team asks staff to share, beyond recent articles: an article with its own words, a job offer, an event.")
    publish: SwitchOrFolder = Field(False, description="Also copy the ambassadors' page into output/ (it holds only what is online): true for output/share/, or a folder name.")


class LinkInBioSpec(Spec):
    path: Text | None = Field(None, description="Folder of output/ the page is written in (default 'links'): output/<path>/index.html, the address to put in the profile.")
    title: Text | None = Field(None, description="The page's title (default: the theme's 'Our links', in the site's language).")
    networks: Names | None = Field(None, description="Networks whose posts it lists (default [instagram, tiktok]: their captions carry no clickable link).")
    count: OptionalCount = Field(None, le=100, description="How many posts it lists at most, newest first (default 12).")


class CalendarSpec(Spec):
    version: Annotated[int | None, BeforeValidator(_version)] = Field(None, description="Format version; 1.")
    timezone: Text | None = Field(None, description="IANA time zone, e.g. 'Europe/Paris'; naive times are in it.")
    country: Text | None = Field(None, description="ISO country code for public holidays, e.g. 'FR'.")
    subdivision: Text | None = Field(None, description="Region code for regional holidays, e.g. '57' (Moselle) or '6AE' (Alsace).")
    default_time: Time | None = Field(None, description="Time of posts given a date only, on networks without slots (default 09:00).")
    horizon: Text | None = Field(None, description="How far ahead open-ended recurrences are expanded (default '1 year').")
    slots: Mapping[str, Time] = Field(default_factory=dict, description="Named times usable as '2027-01-12 midi'.")
    team: list[PersonSpec] = Field(default_factory=list, description="People who own items.")
    networks: Mapping[str, NetworkSpec] = Field(default_factory=dict, description="Networks in use, by id.")
    blog: BlogSpec | None = Field(None, description="Blog cadence and default promotion.")
    campaigns: list[CampaignSpec] = Field(default_factory=list, description="Campaigns.")
    key_dates: list[KeyDateSpec] = Field(default_factory=list, description="Trade fairs, open days, world days: shown on the planning calendar, and posts can be scheduled relative to them.")
    freeze: list[FreezeSpec] = Field(default_factory=list, description="Freeze windows: the crisis switch.")
    ideas: list[IdeaSpec] = Field(default_factory=list, description="The backlog of articles not written yet.")
    posts: list[PostSpec] = Field(default_factory=list, description="Social posts: one-off, promotions, recurring.")
    posted: list[Annotated[PostedSpec, BeforeValidator(_posted_item)]] | None = Field(None, description="The log of what went out: each post the team published, by id, with when and where; the planning site's report compares it with the plan.")
    tracking: TrackingSpec | None = Field(None, description="UTM parameters.")
    exports: ExportsSpec | None = Field(None, description="Files for bulk schedulers.")
    feeds: FeedsSpec | None = Field(None, description="iCalendar feeds: event length, refresh, reminders, publication.")
    planning: PlanningSpec | None = Field(None, description="Where the planning site is served and the repository's web address.")
    ambassadors: AmbassadorsSpec | None = Field(None, description="Ready-to-share suggestions for staff's own accounts: planning/share/.")
    link_in_bio: LinkInBioSpec | None = Field(None, description="A public page of the links of the latest posts on Instagram and TikTok, for the profile's one link: output/links/.")
    checks: Any = Field(None, description="Checks tuned or turned off: {rule-id: off | warning | error | {severity, options}}.")


#: Sections that only calendar.yaml itself may set (calendar.d files add entries).
SITE_WIDE = ("version", "timezone", "country", "subdivision", "default_time", "horizon",
             "blog", "tracking", "exports", "feeds", "planning", "ambassadors", "link_in_bio", "checks")
