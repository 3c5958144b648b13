"""Validate located YAML data against a schema and turn failures into located errors.

pydantic reports each failure with a path into the data (``posts, 3, at``);
we walk the same path through the ``__loc__`` entries of the data to find the
line and column, and reword the failure as "found …, expected …".
"""

from __future__ import annotations

import collections.abc
import datetime as dt
import functools
import itertools
import re
import types
import unicodedata
from collections.abc import Callable, Collection, Iterator, Mapping
from typing import Annotated, Any, Literal, TypeVar, Union, get_args, get_origin

from dateutil import rrule
from pydantic import BaseModel, ValidationError

from edcal.dates import day_problem
from edcal.errors import ErrorCollector, closest, did_you_mean
from edcal.hints import INVISIBLE, TYPOGRAPHIC_QUOTES, hint_today, invisible_hint, nearest_day, value_hint
from edcal.i18n import MONTHS, Message, say, say_count
from edcal.load.schema import LARGEST_COUNT, describe, id_hint, period, says_no
from edcal.load.timeparse import (
    BIHEBDOMADAIRE,
    BIMENSUEL,
    BIMONTHLY,
    BIWEEKLY,
    EVERY_OTHER_MONTH,
    FORTNIGHTLY,
    TWICE_A_MONTH,
    WEEKDAYS,
    YEAR_WORDS,
    parse_time,
)
from edcal.load.yamlfile import LOC_KEY, FieldLoc, Loc
from edcal.model.network import DAY_NAMES
from edcal.model.source import Source

M = TypeVar("M", bound=BaseModel)
#: A hint for an unknown top-level field: from its name, the known fields, and the hint naming the
#: field it likely means (or None).
UnknownFieldHint = Callable[[str, Collection[str], str | None], str | None]

#: Field names writers reach for (other tools' names, French words), and the fields they mean,
#: in order: the first one the entry has is suggested. Spelling slips are left to did_you_mean.
FIELD_SYNONYMS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("alt_text", "alttext", "alt-text", "image_alt", "imagealt", "alternative", "texte_alt",
                     "texte_alternatif", "description_image"), ("alt", "image_alt")),
    "alt": ("image_alt",),
    **dict.fromkeys(("time", "when", "quand", "datetime", "date_time"), ("at", "date")),
    "heure": ("at", "date", "default_time"),
    "le": ("at", "date", "on"),  # a key date's day
    "publication": ("at", "date", "posts"),  # at the top level, the posts
    "date": ("at", "publish"),  # a post's time; an idea's day to go online
    "titre": ("title",),
    **dict.fromkeys(("texte", "message", "contenu", "body", "caption", "legende", "légende"), ("text",)),
    **dict.fromkeys(("lien", "url", "href"), ("link", "url")),
    **dict.fromkeys(("network", "reseau", "réseau", "reseaux", "réseaux", "platform", "platforms",
                     "plateformes"), ("networks",)),
    "campagne": ("campaign",),
    **dict.fromkeys(("responsable", "proprietaire", "propriétaire", "assignee", "author"),
                    ("owner", "author")),
    # An article's author (Pelican's); on a calendar entry, the person in charge.
    **dict.fromkeys(("auteur", "auteurs", "autrice", "redacteur", "rédacteur", "rédactrice"),
                    ("author", "owner")),
    **dict.fromkeys(("categorie", "catégorie", "categories", "catégories"), ("category",)),
    **dict.fromkeys(("etiquettes", "étiquettes", "tag"), ("tags",)),
    **dict.fromkeys(("mots_cles", "mots-clés", "mots-cles", "motscles", "mots_clés"), ("keywords", "tags")),
    **dict.fromkeys(("resume", "résumé", "chapo", "chapeau", "excerpt", "description"), ("summary",)),
    **dict.fromkeys(("thumbnail", "cover", "cover_image", "featured_image", "hero", "vignette"),
                    ("image", "cover")),
    # A video's: the still shown before it plays, its captions, the video itself.
    **dict.fromkeys(("poster", "miniature", "couverture"), ("cover", "image")),
    **dict.fromkeys(("captions", "sous_titres", "sous-titres", "soustitres", "vtt", "srt"), ("subtitles",)),
    **dict.fromkeys(("vidéo", "videos", "vidéos", "clip", "reel", "short"), ("video",)),
    **dict.fromkeys(("statut", "etat", "état", "state"), ("status",)),
    **dict.fromkeys(("langue", "language", "locale"), ("lang",)),
    **dict.fromkeys(("photo", "visuel", "picture", "img", "images"), ("image", "media")),
    # A post's several images; where there is no `images:` (an article), its one `image:`.
    **dict.fromkeys(("carousel", "carrousel", "photos", "visuels", "pictures", "gallery", "galerie", "medias",
                     "médias"), ("images", "image")),
    **dict.fromkeys(("hashtag", "mots_dieses"), ("hashtags",)),
    **dict.fromkeys(("debut", "début", "start", "since", "depuis", "du"), ("from",)),
    **dict.fromkeys(("fin", "end", "to", "jusqu_au", "au"), ("until",)),
    **dict.fromkeys(("raison", "motif", "why", "pourquoi"), ("reason",)),
    **dict.fromkeys(("repetition", "répétition", "recurrence", "récurrence", "recurring", "rrule", "every"),
                    ("repeat",)),
    # calendar.yaml's top level, in French (and other tools' words): `equipe:` was given the 22 known fields.
    # From here on, one spelling a word: `field_synonyms` reads `équipe`, `Equipe` and `dates-clés` as these.
    **dict.fromkeys(("equipe", "membres", "personnes", "people", "members", "staff"), ("team",)),
    "campagnes": ("campaigns",),
    **dict.fromkeys(("publications", "messages", "publis"), ("posts",)),
    **dict.fromkeys(("idees", "idee", "backlog", "sujets"), ("ideas",)),
    **dict.fromkeys(("gel", "gels", "gel_des_publications", "freezes", "pause", "pauses", "blackout"),
                    ("freeze",)),
    **dict.fromkeys(("dates_cles", "date_cle", "evenements", "evenement", "events", "temps_forts"),
                    ("key_dates",)),
    **dict.fromkeys(("publie", "publies", "deja_publie", "journal", "historique", "log", "sent", "published"),
                    ("posted",)),
    **dict.fromkeys(("fuseau", "fuseau_horaire", "zone", "time_zone", "tz"), ("timezone",)),
    "pays": ("country",),
    **dict.fromkeys(("region", "departement", "province"), ("subdivision",)),
    **dict.fromkeys(("heure_par_defaut", "heure_defaut"), ("default_time",)),
    **dict.fromkeys(("creneaux", "creneau", "horaires"), ("slots",)),
    **dict.fromkeys(("suivi", "utm"), ("tracking",)),
    **dict.fromkeys(("flux", "calendriers", "ical", "ics"), ("feeds",)),
    **dict.fromkeys(("verifications", "controles", "regles", "rules"), ("checks",)),
    **dict.fromkeys(("ambassadeurs", "ambassadrices", "partage", "employee_advocacy"), ("ambassadors",)),
    # Inside the top level's entries: a person, a network, a campaign, a key date, the ambassadors, the feeds.
    **dict.fromkeys(("nom", "libelle", "intitule"), ("name", "title")),
    **dict.fromkeys(("courriel", "mail", "e_mail", "adresse_mail", "adresse_email"), ("email",)),
    **dict.fromkeys(("fonction", "poste"), ("role",)),
    **dict.fromkeys(("depart", "parti", "parti_le"), ("left",)),
    **dict.fromkeys(("compte", "handle", "pseudo"), ("account",)),
    "couleur": ("color",),
    **dict.fromkeys(("objectif", "objectifs", "goal", "goals"), ("objective",)),
    "limite": ("limit",),
    "modele": ("template",),
    **dict.fromkeys(("promouvoir", "promotion", "promo"), ("promote",)),
    **dict.fromkeys(("calendrier", "etapes"), ("schedule",)),
    "jours": ("days",),
    "duree": ("duration",),
    **dict.fromkeys(("rappel", "rappels", "alarmes"), ("reminders",)),
    **dict.fromkeys(("remarques", "commentaires", "commentaire"), ("notes",)),
    **dict.fromkeys(("ignore", "ignoree", "saute", "sautee", "annule", "annulee"), ("skipped", "skip")),
    **dict.fromkeys(("sauf", "exceptions", "excepte"), ("except",)),
    "intervalle": ("interval",),
}


def _field_key(name: str) -> str:
    """A field's name as :data:`FIELD_SYNONYMS` is looked up: in lower case, without accents, words joined
    by ``_`` (``Équipe``, ``dates clés``, ``dates-cles``: one key)."""
    plain = unicodedata.normalize("NFKD", name.strip().lower())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return re.sub(r"[\s_-]+", "_", plain)


_FIELD_SYNONYM_KEYS: dict[str, tuple[str, ...]] = {}
for _name, _meant in FIELD_SYNONYMS.items():
    _FIELD_SYNONYM_KEYS.setdefault(_field_key(_name), _meant)


def field_synonyms(name: str) -> tuple[str, ...]:
    """The fields another name for one may mean (:data:`FIELD_SYNONYMS`), in order, however it is accented,
    cased or joined."""
    return FIELD_SYNONYMS.get(name.strip().lower()) or _FIELD_SYNONYM_KEYS.get(_field_key(name), ())


#: Literal values writers type in French, and the value meant.
VALUE_SYNONYMS = {
    **dict.fromkeys(("brouillon", "ébauche", "ebauche", "draft"), "draft"),
    **dict.fromkeys(("relecture", "en relecture", "à relire", "a relire", "revue", "en revue", "in review",
                     "to review", "pending", "pending review", "à valider", "a valider", "en validation",
                     "to approve", "awaiting approval", "pending approval"), "review"),
    **dict.fromkeys(("publié", "publie", "publiée", "publiee", "en ligne", "publish", "live", "done",
                     "complete", "completed", "posted", "terminé", "termine", "fait"), "published"),
    **dict.fromkeys(("caché", "cache", "masqué", "masque", "privé"), "hidden"),
    **dict.fromkeys(("idée", "idee", "à faire", "a faire", "todo", "to do", "not started", "backlog"),
                    "idea"),
    **dict.fromkeys(("en cours", "rédaction", "redaction", "en rédaction", "écriture", "in progress", "doing",
                     "writing", "wip", "drafting"), "writing"),
    **dict.fromkeys(("planifié", "planifie", "programmé", "programme", "prêt", "pret", "ready", "approved",
                     "validé", "valide", "validée", "approuvé", "approuve", "ok"), "scheduled"),
    **dict.fromkeys(("obligatoire", "requis"), "required"),
    **dict.fromkeys(("facultatif", "optionnel"), "optional"),
}


#: The article status meant by the other statuses of a text: an idea, or one being written, is not finished.
_AS_ARTICLE_STATUS = {"idea": "draft", "writing": "draft", "draft": "draft", "review": "review",
                      "published": "published", "scheduled": "published"}
#: The planning site's word for an article with a date to come, which has a hint of its own.
_SCHEDULED_WORDS = ("scheduled", "programmé", "planifié")
#: A text for the members of a site only (WordPress's ``private``): a static blog has no members.
_PRIVATE_WORDS = ("private", "privé", "privée", "prive", "privee")


def article_status(found: str) -> str | None:
    """The article status (draft, review or published) that another word for a text's status means: Notion's
    ``Done``, ``Not started`` and ``In progress``, French (``brouillon``), in any case. None for an article
    status as written, for a word of none (and for ``scheduled``, which has a hint of its own: an article is
    scheduled by its date)."""
    key = " ".join(found.replace("_", " ").replace("-", " ").split()).lower()
    meant = _AS_ARTICLE_STATUS.get(VALUE_SYNONYMS.get(key, ""))
    return meant if meant is not None and meant != key and key not in _SCHEDULED_WORDS else None


def scheme_missing(value: str, where: Source, errors: ErrorCollector) -> bool:
    """``//cdn.example.org/a.png``, an address without ``https:``: a feed, a network or a scheduler
    needs the whole address (and it is no file of content/ either). Told, with the address to write."""
    if not (value.startswith("//") and value[2:3] not in ("", "/", "\\")):
        return False
    errors.add(where, say("found '{value}', an address without https:", value=value[:80]),
               say("write the whole address: https:{value}", value=value[:80]))
    return True


def reference_hint(found: str, known: Mapping[str, Any], field: str) -> str | None:
    """What to write for a reference to a person or a campaign given by its name (or e-mail), not its id.

    ``owner: Camille Roux`` for the team member whose id is ``camille``.
    """
    wanted = " ".join(found.split()).casefold()
    for key, entry in known.items():
        names = (getattr(entry, "name", None), getattr(entry, "email", None))
        if any(name and " ".join(name.split()).casefold() == wanted for name in names):
            return say("'{found}' is the name of '{key}': write {field}: {key} (the id)", found=found,
                       key=key, field=field)
    return value_hint(found) or did_you_mean(found, known)


#: ``2 weeks`` for ``every:``: a number, then a period.
_COUNTED_PERIOD = re.compile(r"^(\d+)\s*([^\W\d_]+)$")


#: Months' names, a day of the month beside them (tous les ans le 15 mars, every year on March 15).
_MONTH_NUMBERS = {name.lower(): number for names in MONTHS.values() for number, name in enumerate(names, 1)}


def _yearly_rrule(interval: int | None) -> str:
    """The RRULE of a post every year, or every ``interval`` years."""
    return "FREQ=YEARLY" + (f";INTERVAL={interval}" if interval and interval > 1 else "")


def _yearly_hint(interval: int | None) -> Message:
    return say("a yearly rule is an RFC 5545 one: write rrule: {rrule} in place of every:",
               rrule=_yearly_rrule(interval))


def suggest_value(found: Any, options: Collection[str]) -> str | None:
    """A hint naming the allowed value meant (French words included), or None."""
    if not isinstance(found, str):
        return None
    counted = _COUNTED_PERIOD.match(found.strip().lower())
    if counted is not None:  # `every: 2 weeks`: "did you mean 'week'?" gave weekly posts
        from edcal.load.schema import period

        count, meant = int(counted.group(1)), period(counted.group(2))
        if meant in YEAR_WORDS and "month" in options:
            return _yearly_hint(count)
        if meant in options and count <= 1:
            return say("write every: {meant}", meant=meant) if count \
                else say("write every: {meant} (every one; an interval is at least 1)", meant=meant)
        if meant in options:
            return say("write every: {meant} and interval: {count} (every {count} {meant}s)", meant=meant,
                       count=count)
    if found.strip().lower() in _SCHEDULED_WORDS and "published" in options:
        return say("an article is scheduled by its date: write status: published (or leave it out) and a "
                   "date: in the future")
    if found.strip().lower() == "future" and "published" in options:  # pelican-import's WordPress export
        return say("'{found}' is WordPress's scheduled post: write `status: published` and keep its `date:`; "
                   "the article stays offline until then", found=found.strip())
    if found.strip().lower() in _PRIVATE_WORDS and {"draft", "hidden"} <= set(options):
        # WordPress's `private`: "did you mean 'hidden'?" put the text online, at its address.
        return say("'{found}' is read by the site's members only, and a static blog has none: write "
                   "`status: draft` to keep it offline (`status: hidden` puts it online, at its address)",
                   found=found.strip())
    said = " ".join(found.split()).lower()
    if said in YEAR_WORDS and "month" in options:
        return _yearly_hint(None)
    if {"day", "week"} <= set(options):  # every: biweekly, bimonthly: "did you mean 'week'?" halved it
        if said in TWICE_A_MONTH and "month" in options:
            return say("twice a month is every: month and its two days in on:, e.g. on: [1, 15]")
        if said in FORTNIGHTLY or said in TWICE_A_MONTH:
            return say("write every: {meant} and interval: {count} (every {count} {meant}s)", meant="week",
                       count=2)
        if said in EVERY_OTHER_MONTH and "month" in options:
            return say("write every: {meant} and interval: {count} (every {count} {meant}s)", meant="month",
                       count=2)
        if said in BIWEEKLY:
            return say("'{found}' is said for every two weeks and for twice a week: for every two weeks, "
                       "write every: week and interval: 2; for twice a week, every: week and its two days in "
                       "on:, e.g. on: [tue, fri]", found=found.strip())
        if said in BIHEBDOMADAIRE:
            return say("'{found}' means twice a week, and is said for every two weeks too: for twice a week, "
                       "write every: week and its two days in on:, e.g. on: [tue, fri]; for every two weeks, "
                       "every: week and interval: 2", found=found.strip())
        if said in BIMENSUEL and "month" in options:
            return say("'{found}' means twice a month, and is said for every two months too: for twice a "
                       "month, write every: month and its two days in on:, e.g. on: [1, 15]; for every two "
                       "months, every: month and interval: 2", found=found.strip())
        if said in BIMONTHLY and "month" in options:
            return say("'{found}' is said for every two months and for twice a month: for every two months, "
                       "write every: month and interval: 2; for twice a month, every: month and its two days "
                       "in on:, e.g. on: [1, 15]",
                       found=found.strip())
    meant = VALUE_SYNONYMS.get(" ".join(found.split()).lower())
    if meant in options and meant != found:
        return say("did you mean '{match}'?", match=meant)
    return did_you_mean(found, options) or value_hint(found)


#: Apostrophes, typed in a name for the underscore (``image’alt``) or by a slip (``image_alt’``).
_APOSTROPHES = re.compile(r"['’‘]")


def suggest_field(found: str, known: Collection[str], unknown: bool = False) -> str | None:
    """A hint naming the field a wrong name most likely means, or None.

    A "field" holding typographic quotes is the rest of a text whose comma ended it in a
    ``{text: “…, …”}`` mapping: the quotes are the mistake; or a key written between them
    (``“title”: …``), which YAML keeps as part of its name. A character that looks like a space
    or like nothing (``title\u00a0:``) is named with its place: the key looks right.

    :param unknown: ``found`` is an unknown field's name: such a character is named even when no
        field is near.
    """
    hidden = next(((i, c) for i, c in enumerate(found) if c in INVISIBLE), None)
    if hidden is not None:  # `title\u00a0:`, a French keyboard's space before the colon
        index, char = hidden
        plain = "".join(c for c in found if c not in INVISIBLE).strip()
        place = (say("at its end") if not found[index:].strip("".join(INVISIBLE) + " ")
                 else say("at its start") if not found[:index].strip()
                 else say("at character {index}", index=index + 1))
        meant = plain if plain in known else closest(plain, known)
        if meant:
            return say("did you mean '{match}'? the key has {char} (U+{code:04X}) {place}: retype it as "
                       "'{match}:'", match=meant, char=INVISIBLE[char], code=ord(char), place=place)
        if not unknown:  # a line of text with a no-break space before its colon names no field
            return None
        return say("the key has {char} (U+{code:04X}) {place}, which looks like a space or like nothing: "
                   "retype the key without it", char=INVISIBLE[char], code=ord(char), place=place)
    quoted = found.strip(" \u00a0\u202f")
    if len(quoted) > 2 and quoted[0] in TYPOGRAPHIC_QUOTES and quoted[-1] in TYPOGRAPHIC_QUOTES:
        bare = quoted.strip(TYPOGRAPHIC_QUOTES + " \u00a0\u202f")
        meant = bare if bare in known else next(
            (c for c in field_synonyms(bare) if c in known), None) or closest(bare, known)
        return say("did you mean '{match}'? remove the quotes", match=meant) if meant \
            else say("typographic quotes “ ” « » around a key are part of its name to YAML: remove them")
    if _APOSTROPHES.search(found) and not any(c in found for c in TYPOGRAPHIC_QUOTES if c not in "’‘"):
        # not a text in “…” cut by a comma: an apostrophe in a name
        name = found.strip().lower()
        for joined in (_APOSTROPHES.sub("_", name), _APOSTROPHES.sub("", name)):
            if meant := joined if joined in known else closest(joined, known):
                return say("did you mean '{match}'? a field's name has no apostrophe", match=meant)
    if any(char in TYPOGRAPHIC_QUOTES for char in found):
        return say("typographic quotes “ ” are not quotes to YAML, so a comma in the text ended it: write "
                   "straight quotes, e.g. {{text: \"Samedi, portes ouvertes\"}}")
    statuses = ("draft", "review", "published", "hidden")  # `draft: true`, as Decap CMS and Hugo write it
    if VALUE_SYNONYMS.get(found.strip().lower()) in statuses and "status" in known:
        return say("a header says `status: draft` (or review, published): write that instead")
    for candidate in field_synonyms(found):
        if candidate in known and candidate != found:
            return say("did you mean '{match}'?", match=candidate)
    return did_you_mean(found, known)


def validate_spec(model: type[M], data: Any, errors: ErrorCollector,
                  droppable: Collection[str] = (),
                  unknown_field_hint: UnknownFieldHint | None = None,
                  recover_unknown: bool = False, whole: Collection[str] = ()) -> M | None:
    """The validated spec, or None after adding every located error to ``errors``.

    :param droppable: list fields whose entries stand alone (``posts``, ``ideas``): when every
        error lies in such entries, they are reported and the spec is made of the others, so that
        the next stage's errors (an unknown network, a date that does not exist) are reported in
        the same run. A writer with three slips sees three errors, not one a run.
    :param unknown_field_hint: the hint for an unknown top-level field, from its name, the known
        fields and the field it likely means (default: that field's, else the known fields).
    :param recover_unknown: an unknown field does not stop here: the spec is made with it read as the
        field it likely means (:func:`_as_meant`), for the next stage's errors to come in the same run.
    :param whole: mappings of entries by id (``networks``) whose entry with a refused value is left out
        whole, as an entry of ``droppable`` is (its fields set one another's meaning: `custom: oui` left
        out, a network of one's own would be told unknown); the next stage finds it in the mapping's
        places (``Loc.fields``), not in the spec.
    """
    return validate_as_read(model, data, errors, droppable, unknown_field_hint, recover_unknown, whole)[0]


def validate_as_read(model: type[M], data: Any, errors: ErrorCollector,
                     droppable: Collection[str] = (),
                     unknown_field_hint: UnknownFieldHint | None = None,
                     recover_unknown: bool = False, whole: Collection[str] = ()) -> tuple[M | None, Any]:
    """:func:`validate_spec`, and the data as the spec was made of it: with each unknown field read as
    the one it likely means, for the next stage to find it (and its place) where the spec has it."""
    try:
        return model.model_validate(data), data
    except ValidationError as exc:
        failures = exc.errors(include_url=False)
        paths = [_path(error) for error in failures]
        located = _one_per_value([_located(model, data, error, paths, unknown_field_hint)
                                  for error in failures])
        for source, message, hint in located:
            if not _explained(message, located):
                errors.add(source, message, hint)
    unknown = [_path(f) for f in failures if recover_unknown and f["type"] == "extra_forbidden"]
    # A required field written misspelt is missing too: the unknown field read as meant gives it.
    given = {(*path[:-1], _meant_field(str(path[-1]), _known_fields(model, path[:-1]))) for path in unknown}
    refused = [_path(failure) for failure in failures
               if not (failure["type"] == "extra_forbidden" and recover_unknown)
               and not (failure["type"] == "missing" and tuple(_path(failure)) in given)]
    if refused and not droppable:
        return None, data
    meant = _as_meant(model, data, unknown)
    if meant is None:
        return None, data
    kept, guessed = meant
    errors.mute(guessed)
    # A refused value (`status: à valider`, `media: photo`) is left out, the field then at its default, for
    # the rest of its entry to be read: its unknown network, its date that does not exist come in the same
    # run. What cannot be left out (a required field) takes its entry out of a list of standalone entries.
    dropped: dict[str, set[int]] = {}
    for _ in range(4):  # a field left out may be missing, then its mapping is left out: a few rounds at most
        for path in refused:
            left_out = _leave_out(model, kept, path, droppable, dropped, whole)
            if left_out is None:
                return None, data
            errors.mute(left_out)
        try:
            return model.model_validate(_without_entries(kept, dropped)), _without_entries(kept, dropped)
        except ValidationError as exc:  # reported above, or a consequence of what was left out
            refused = [_path(failure) for failure in exc.errors(include_url=False)]
    return None, data


def _without_entries(data: dict[str, Any], dropped: Mapping[str, set[int]]) -> dict[str, Any]:
    """``data`` without the entries of its lists at ``dropped`` (by list, their indexes)."""
    kept = dict(data)
    for name, indices in dropped.items():
        kept[name] = [entry for index, entry in enumerate(kept[name]) if index not in indices]
    return kept


def _leave_out(model: type[BaseModel], data: dict[str, Any], path: list[Any], droppable: Collection[str],
               dropped: dict[str, set[int]], whole: Collection[str] = ()) -> list[Source] | None:
    """Leave out of ``data`` (in place, each mapping on the way copied) the field of a model that holds the
    value refused at ``path``: the value's own field, else the one holding its mapping or list (an entry of
    ``droppable`` lists is marked in ``dropped`` instead). The places of what was left out (whose errors are
    told), or None when only the top level holds it (``posts: 5``). An entry of a ``whole`` mapping
    (``networks:``) is left out whole."""
    reached: list[Any] = []  # the part of the path that leads through the data (a union's branch does not)
    node: Any = data
    for part in path:
        in_dict = isinstance(node, dict) and part in node and part != LOC_KEY
        if in_dict or (isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)):
            node = node[part]
            reached.append(part)
    if len(reached) >= 2 and reached[0] in whole and isinstance(data.get(reached[0]), dict):
        data[reached[0]] = dict(data[reached[0]])
        data[reached[0]].pop(reached[1], None)
        return []
    while len(reached) >= 2:
        if len(reached) == 2 and reached[0] in droppable and isinstance(reached[1], int):
            dropped.setdefault(str(reached[0]), set()).add(reached[1])
            return []
        name = reached[-1]
        if isinstance(name, str) and _holds_field(model, reached[:-1], name):
            container: Any = data
            for part in reached[:-1]:  # copy each mapping and list on the way down
                container[part] = dict(container[part]) if isinstance(container[part], dict) \
                    else list(container[part])
                container = container[part]
            container.pop(name, None)
            loc = container.get(LOC_KEY)
            written = loc.fields.get(name) if isinstance(loc, Loc) else None
            places = [written.key, written.value, *written.items] if written is not None else []
            if isinstance(loc, Loc) and len(reached) >= 3 and isinstance(reached[-2], str) \
                    and _holds_field(model, reached[:-2], reached[-2]):
                # A field's mapping (`repeat:`, `poll:`) is told whole what it lacks then ("`every:`
                # missing"): that follows from the value left out. An entry's own errors stand.
                places.append(loc.source)
            return places
        reached = reached[:-1]
    return None


def _holds_field(model: type[BaseModel], path: list[Any], name: str) -> bool:
    """Whether the value at ``path`` in data of ``model`` is a model's mapping with the field ``name``
    (not a mapping of entries by id, such as ``networks:``, whose keys are no fields)."""
    annotation: Any = model
    for part in path:
        annotation = _step(annotation, part)
        if annotation is None:
            return False
    held = _unwrapped_model(annotation)
    return held is not None and any((f.alias or key) == name for key, f in held.model_fields.items())


def _unwrapped_model(annotation: Any) -> type[BaseModel] | None:
    """The model an annotation is (``X``, ``X | None``, ``Annotated[X, …]``), or None."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if get_origin(annotation) is Annotated:
        return _unwrapped_model(get_args(annotation)[0])
    if get_origin(annotation) in (Union, types.UnionType):
        return next((m for m in map(_unwrapped_model, get_args(annotation)) if m is not None), None)
    return None


def _step(annotation: Any, part: Any) -> Any:
    """The annotation of the value at ``part`` (a field, a key, an index) in a value of ``annotation``."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return _step(get_args(annotation)[0], part)
    if origin in (Union, types.UnionType):
        return next((s for s in (_step(a, part) for a in get_args(annotation)) if s is not None), None)
    held = _unwrapped_model(annotation)
    if held is not None:
        field = next((f for key, f in held.model_fields.items() if (f.alias or key) == part), None)
        return field.annotation if field is not None else None
    if origin in (list, tuple) and isinstance(part, int):
        return get_args(annotation)[0] if get_args(annotation) else None
    if origin in (dict, Mapping, collections.abc.Mapping) and isinstance(part, str):
        return get_args(annotation)[1] if len(get_args(annotation)) == 2 else None
    return None


def _as_meant(model: type[BaseModel], data: dict[str, Any],
              unknown: list[list[Any]]) -> tuple[dict[str, Any], list[Source]] | None:
    """``data`` with each unknown field at ``unknown`` read as the field it most likely means (``colour:``
    as ``color:``, ``equipe:`` as ``team:``), or left out when none is near: a copy, the data untouched;
    and the places of the fields so read (their key, value and items).

    The next stage then runs on the fields as meant, and its errors (a post's date that does not exist)
    come in the same run as the unknown field's: a writer with two slips sees two errors, not one a run.
    Its errors at the places of a field read as meant follow from the guess (`alt_text:` read as `alt:`,
    "alt and no image"): the caller leaves them out. None when a path does not lead through the data (the
    first stage's errors then stand alone).
    """
    kept = dict(data)
    guessed: list[Source] = []
    for path in unknown:
        node: Any = kept
        for part in path[:-1]:  # copy each mapping and list on the way down
            in_list = isinstance(node, list) and isinstance(part, int) and part < len(node)
            found = in_list or (isinstance(node, dict) and part in node)
            if not found or not isinstance(node[part], dict | list):
                return None
            node[part] = dict(node[part]) if isinstance(node[part], dict) else list(node[part])
            node = node[part]
        name = path[-1]
        if not isinstance(node, dict) or name not in node:
            return None
        value = node.pop(name)
        meant = _meant_field(str(name), _known_fields(model, path[:-1]))
        if (meant is None or meant in node) and not path[:-1]:
            return None  # a top-level field left out: what refers to its entries would be told unknown
        if meant is not None and meant not in node:
            node[meant] = value
            loc = node.get(LOC_KEY)
            if isinstance(loc, Loc) and name in loc.fields:  # the field as meant is where the unknown one is
                written = loc.fields[name]
                node[LOC_KEY] = Loc(loc.source, {**loc.fields, meant: written})
                # Its key, and its value or items when they are plain values: a mapping's place is its first
                # key's, whose own errors (a person defined twice) hold whatever the field is read as.
                guessed.append(written.key)
                if not isinstance(value, dict | list):
                    guessed.append(written.value)
                elif isinstance(value, list):
                    guessed.extend(at for at, item in zip(written.items, value, strict=False)
                                   if not isinstance(item, dict | list))
    return kept, guessed


def _meant_field(found: str, known: Collection[str]) -> str | None:
    """The known field an unknown one most likely means (a slip, another word for it, an invisible
    character or quotes around it), or None."""
    plain = "".join(c for c in found if c not in INVISIBLE).strip(TYPOGRAPHIC_QUOTES + " ")
    plain = _APOSTROPHES.sub("_", plain)
    if plain in known:
        return plain
    return next((c for c in field_synonyms(plain) if c in known), None) or closest(plain, known)


#: What a union's branches expect, when one branch's expectation holds the other's.
_WIDER = {"a whole number": "a number"}
#: A message that says what was found and what was expected, the expectation a value of its own.
_FOUND_EXPECTED = "found {found}, expected {expected}"


def _one_per_value(located: list[tuple[Source, str, str | None]]) -> list[tuple[Source, str, str | None]]:
    """One error for a value every branch of a union refused (``int | float``, ``bool | str``).

    pydantic reports a branch each: "found '1 180', expected a whole number" then "…, expected a number".
    """
    merged: dict[tuple[Source, str], tuple[list[str], list[str]]] = {}
    said: dict[tuple[Source, str, str], str] = {}  # each expectation's message
    others: list[tuple[Source, str, str | None]] = []
    for source, message, hint in located:
        found, separator, expected = message.partition(", expected ")
        if not separator or not found.startswith("found "):
            others.append((source, message, hint))
            continue
        expectations, hints = merged.setdefault((source, found), ([], []))
        expectations.append(expected)
        said.setdefault((source, found, expected), message)
        hints.extend([hint] if hint else [])
    joined = []
    for (source, found), (expectations, hints) in merged.items():
        kept = [e for e in dict.fromkeys(expectations) if _WIDER.get(e) not in expectations]
        messages = [said[source, found, e] for e in kept]
        joined.append((source, messages[0] if len(kept) == 1 else _either(found, kept, messages),
                       hints[0] if hints else None))
    return others + joined


def _either(found: str, kept: list[str], messages: list[str]) -> str:
    """"found 'x', expected a, or b", its expectations translatable when their messages are."""
    first = messages[0]
    if not (isinstance(first, Message) and first.template.startswith("found {found}, expected ")):
        return f"{found}, expected {', or '.join(kept)}"
    expected: Any = None
    for text, message in zip(kept, messages, strict=True):
        part = message.values["expected"] if isinstance(message, Message) \
            and message.template == _FOUND_EXPECTED else text
        expected = part if expected is None else say("{expected}, or {other}", expected=expected, other=part)
    return say(_FOUND_EXPECTED, found=first.values["found"], expected=expected)


def _explained(message: str, located: list[tuple[Source, str, str | None]]) -> bool:
    """A missing field whose misspelling is reported as unknown (``titel:``): one error, not two."""
    if not message.startswith("missing required field '"):
        return False
    name, _, where = message.removeprefix("missing required field '").partition("'")
    meant = f"did you mean '{name}'?"  # then, maybe, what to remove from it (quotes, a no-break space)
    return any(other.startswith("unknown field '") and other.endswith(where) and str(hint).startswith(meant)
               for _, other, hint in located)


def _path(error: Any) -> list[Any]:
    """Where in the data a failure is (pydantic's validator steps left out)."""
    return [part for part in error["loc"] if not (isinstance(part, str) and part.startswith("function-"))]


#: The kinds of failure of a value that should have been a mapping.
_MAPPING_KINDS = ("dict_type", "model_type", "model_attributes_type")


def _nesting_hint(data: Any, path: list[Any], failed: Collection[list[Any]],
                  model: type[BaseModel] | None = None) -> Message | None:
    """``instagram:`` with nothing after it, then ``text: …`` at the same indentation: meant inside it.

    The empty key is told which line below it is off; so is that line (each has its own error).
    With ``model``, the key at ``path`` is unknown where it is: it is told so when it is a field of
    the empty key above it (``repeat:``, then ``every: week``; an empty ``repeat:`` is no error).
    """
    parent: Any = data
    for part in path[:-1]:
        if isinstance(parent, list) and isinstance(part, int) and part < len(parent):
            parent = parent[part]
        else:
            parent = parent.get(part) if isinstance(parent, dict) else None
    loc = parent.get(LOC_KEY) if isinstance(parent, dict) else None
    if loc is None or path[-1] not in loc.fields:
        return None
    names = list(loc.fields)
    index = names.index(path[-1])

    def empty_mapping(name: str) -> bool:  # a key left without a value where a mapping was expected
        if parent.get(name) is not None:
            return False
        if model is None:
            return any(p == [*path[:-1], name] for p in failed)
        inside = [*path[:-1], name]
        return _model_at(model, inside) is not _model_at(model, path[:-1]) \
            and path[-1] in _known_fields(model, inside)

    def failing(name: str) -> bool:  # the key or its value is refused where it is
        return any(p[:len(path)] == [*path[:-1], name] for p in failed)

    for opener, below in ((path[-1], names[index + 1] if index + 1 < len(names) else None),
                          (names[index - 1] if index else None, path[-1])):
        if opener is None or below is None or not empty_mapping(opener) or not (model or failing(below)):
            continue
        top, under = loc.key(opener), loc.key(below)
        if under.line <= top.line or under.column != top.column:
            continue
        return say("line {line} ('{key}:') is indented {indent}, as much as '{opener}:' on line {above}, "
                   "which has no value: indent the lines meant inside '{opener}:' deeper ({deeper}, as in "
                   "`{opener}:` then `  {key}: …`)", line=under.line, key=below,
                   indent=_spaces(top.column - 1), opener=opener, above=top.line,
                   deeper=_spaces(top.column + 1))
    return None


def _spaces(count: int) -> Message:
    return say_count(count, "{count} space", "{count} spaces")


def _located(model: type[BaseModel], data: Any, error: Any, failed: Collection[list[Any]] = (),
             unknown_field_hint: UnknownFieldHint | None = None,
             ) -> tuple[Source, str, str | None]:
    path = _path(error)
    kind = error["type"]
    source, field_name = _walk(data, path, kind)
    found = error.get("input")
    ctx = error.get("ctx") or {}
    where = None
    if len(path) > 1 and kind in ("missing", "extra_forbidden"):
        where = _dotted(path[:-1], data)
    message: str  # edcal's words (a Message), else pydantic's own
    if kind == "missing":
        message = say("missing required field '{field}' in {where}", field=field_name, where=where) if where \
            is not None else say("missing required field '{field}'", field=field_name)
        written = _node(data, path[:-1])
        if "variants" in path and path[-2:-1] == ["poll"] and isinstance(written, dict) \
                and not [key for key in written if key != LOC_KEY]:
            # `poll: {}` under a network's variant: meant as "no poll there", which `poll: null` says
            return source, message, say("to post there without the entry's poll, write `poll: null`")
        return source, message, _missing_hint(model, path[:-1], str(field_name))
    if kind == "extra_forbidden":
        known = _known_fields(model, path[:-1])
        hint = _nesting_hint(data, path, (), model) or suggest_field(str(field_name), known, unknown=True)
        if hint is None and re.fullmatch(r"\d{3}(?:[.,]\d+)?", str(field_name).strip()):
            # `{target: 1,200, unit: abonnés}`: YAML cut the figure at its comma, and read `200` as a key
            hint = say("in a {{…}} mapping written on one line, a comma separates the fields: a number "
                       "written with a thousands comma (1,200) is cut there; write it without one (1200)")
        statuses = _statuses(model, path[:-1]) if str(field_name).strip().lower() == "draft" else []
        if statuses and "draft" not in statuses:  # an idea's: `status: draft` would be refused in turn
            hint = say("delete the line, or give `status:` one of: {options}", options=", ".join(statuses))
        elif statuses:  # Decap CMS's and Hugo's flag
            hint = say("delete the line: without it, the entry is planned as usual (`draft: false` is Decap "
                       "CMS's and Hugo's)") if says_no(found) \
                else say("write `status: draft` instead (Decap CMS's and Hugo's `draft: true`)")
        if unknown_field_hint is not None and len(path) == 1:
            hint = unknown_field_hint(str(field_name), known, hint)
        if hint is None and known:
            hint = say("known fields: {fields}", fields=", ".join(sorted(known)))
        message = say("unknown field '{field}' in {where}", field=field_name, where=where) if where \
            is not None else say("unknown field '{field}'", field=field_name)
        return source, message, hint
    if kind == "edcal":
        given = ctx.get("message")
        if isinstance(given, Message):  # schema.refused(): the same text, translatable
            message = given
        else:
            message = str(given or error["msg"])
            if "found" not in message:
                message = error["msg"]
        hint = (ctx.get("hint") or value_hint(found, message)
                or (id_hint(str(found)) if "not a valid id" in message else None)
                or _colon_hint(found, message) or _number_hint(found, message))
        return source, message, hint
    if kind == "literal_error":
        listed = str(ctx.get("expected", "")).replace("'", "")
        options = [o.strip() for o in listed.replace(" or ", ",").split(",") if o.strip()]
        return (
            source,
            say("found {found}, expected one of: {options}", found=describe(found),
                options=", ".join(options)),
            invisible_hint(found) or suggest_value(found, options),
        )
    expected = _EXPECTED.get(kind)
    if expected is None and kind.endswith("_type"):
        expected = _EXPECTED.get(kind.replace("_type", "_parsing"))
    if kind in ("greater_than_equal", "greater_than"):
        limit = ctx.get("ge", ctx.get("gt"))
        expected = say("a number of at least {limit}", limit=limit)
    if kind in ("less_than_equal", "less_than"):  # pydantic's "Input should be less than or equal to …"
        limit = ctx.get("le", ctx.get("lt"))
        expected = say("a number of at most {limit:,}", limit=limit) if isinstance(limit, int) \
            else say("a number of at most {limit}", limit=limit)
    if expected is None:
        return source, say("found {found}: {problem}", found=describe(found), problem=error["msg"]), None
    message = say(_FOUND_EXPECTED, found=describe(found), expected=expected)
    nesting = _nesting_hint(data, path, failed) if kind in _MAPPING_KINDS and path else None
    if nesting is None and found is None and kind in _MAPPING_KINDS and path[:1] == ["networks"] \
            and len(path) == 2:
        # `x:` alone under `networks:`: what to write for a network with none of its settings is not obvious
        nesting = say("write `{key}: {{}}` to leave all its settings to their defaults, or put them on the "
                      "lines below it, indented by two more spaces", key=path[-1])
    if kind in _MAPPING_KINDS and len(path) == 2 and isinstance(path[1], int):
        nesting = nesting or _log_line_hint(found, path[0], data)
    if kind in _MAPPING_KINDS and path[-1:] == ["repeat"] and isinstance(found, str):
        nesting = nesting or _repeat_hint(found)
    return source, message, (_colon_hint(found, message) or _number_hint(found, expected) or nesting
                             or (bool_hint(found) if kind in ("bool_parsing", "bool_type") else None))


def _repeat_hint(found: str) -> Message:
    """``repeat: chaque mardi`` or ``repeat: weekly`` where the rule's mapping goes: the mapping its words
    say (its period, its weekdays, an interval), or the shape of one."""
    said = " ".join(found.split()).casefold()
    means_twice = said in BIHEBDOMADAIRE or said in BIMENSUEL  # bimensuel: twice a month, said for two months
    if means_twice or said in BIWEEKLY or said in BIMONTHLY:  # both readings, as `every: biweekly` is told
        weekly = said in BIHEBDOMADAIRE or said in BIWEEKLY
        unit = "week" if weekly else "month"
        twice = f"{{every: week, on: [tue, fri], from: {_first_day('week', weekdays=(1, 4))}}}" if weekly \
            else f"{{every: month, on: [1, 15], from: {_first_day('month', monthdays=(1, 15))}}}"
        rules = {"found": found.strip(), "twice": twice,
                 "every_two": f"{{every: {unit}, interval: 2, from: {_first_day(unit)}}}"}
        if means_twice:  # what the word means, then what it is said for
            return (say("'{found}' means twice a week, and is said for every two weeks too: twice a week is "
                        "repeat: {twice}; every two weeks, repeat: {every_two}", **rules) if weekly else
                    say("'{found}' means twice a month, and is said for every two months too: twice a month "
                        "is repeat: {twice}; every two months, repeat: {every_two}", **rules))
        return (say("'{found}' is said for every two weeks and for twice a week: every two weeks is repeat: "
                    "{every_two}; twice a week, repeat: {twice}", **rules) if weekly else
                say("'{found}' is said for every two months and for twice a month: every two months is "
                    "repeat: {every_two}; twice a month, repeat: {twice}", **rules))
    # its time and end (at 12:30, until 2027-03-31) are the rule's at: and until:, its other words
    found, said_at, said_until, unread = _time_and_end(found)
    # the first day the writer gave (from 2027-03-02) is the rule's from:, and none of its numbers
    given = _ISO_DAY.search(found)
    start = _iso_day(given.group()) if given else None
    no_such_day = day_problem(*map(int, given.group().split("-"))) if given else None  # 2027-02-30: said
    # a number keeps its minus (every -2 weeks), not a date's dash (2027-01-05)
    words = re.findall(r"(?<![\w-])[-−–]\d+|[^\W\d_]+|\d+", _ISO_DAY.sub(" ", found).casefold())
    named = [word if word in WEEKDAYS else word[:-1] for word in words  # mardis, Tuesdays; not mars
             if word in WEEKDAYS or (word.endswith("s") and len(word) > 4 and word[:-1] in WEEKDAYS)]
    days = sorted({WEEKDAYS[word] for word in named})
    every = next((period(word) for word in words if period(word) in ("day", "week", "month")),
                 "week" if days else None)
    # the number before its period, however large (every 100 weeks); else one that is no year (2027)
    counted = [(word, count) for word, then in itertools.pairwise(words)
               if (count := _whole(word)) is not None
               and (period(then) in ("day", "week", "month") or then in YEAR_WORDS)]
    # a day of the month is no interval: chaque mois le 15, every month on the 15, le 15 mars, March 15,
    # le 15 du mois
    dated = {index for index, word in enumerate(words) if word.isdecimal()
             and (set(words[index - 1:index]) & {"le", "on", "the", *_MONTH_NUMBERS}
                  or set(words[index + 1:index + 2]) & {"du", "of", *_MONTH_NUMBERS})}
    day = next((int(words[index]) for index in sorted(dated) if 1 <= int(words[index]) <= 31), None)
    # the last day of the month (every month on the last day, le dernier jour du mois): its day word is no
    # period
    last_day = any(word in ("last", "dernier") and then in ("day", "jour")
                   for word, then in itertools.pairwise(words))
    if last_day and any(period(word) == "month" for word in words):
        every = "month"
    problem = None
    if no_such_day is not None and given is not None:
        problem = say("there is no {date}: {problem}", date=given.group(), problem=no_such_day)
    elif counted and not 1 <= counted[0][1] <= LARGEST_COUNT:
        problem = say("'{count}' is no interval: an interval is a whole number from 1 to {most:,}",
                      count=counted[0][0], most=LARGEST_COUNT)
    elif day is None and dated:
        problem = say("a month has no day {day}", day=int(words[min(dated)]))
    if counted:
        interval = counted[0][1] if 1 < counted[0][1] <= LARGEST_COUNT else None
    else:
        interval = next((int(word) for index, word in enumerate(words)
                         if word.isdecimal() and index not in dated and 1 < int(word) < 100), None)
    yearly = _day_of_year(words, dated)
    rule_days: dict[str, Any] = {}  # the days the rule posts on, of which from: is the first
    if not days and any(word in YEAR_WORDS for word in words):  # every: has no year; an RRULE has
        parts, coming = [f"rrule: {_yearly_rrule(interval)}"], None
        if yearly is not None and problem is None:  # an RRULE repeats its first day: from: is the day said
            coming = nearest_day(yearly[0], yearly[1], after_today=True)  # as every rule's, from tomorrow
            if coming is None:
                problem = say("no year has a day '{day}'", day=yearly[2])
            else:  # the day said, from the day given (from: 2027-06-01 alone would post each 1 June)
                start = _yearly_from(yearly[0], yearly[1], dt.date.fromisoformat(start)) if start \
                    else coming.isoformat()
            if coming is not None and yearly[:2] == (2, 29):  # RFC 5545 skips the years without it
                problem = say("29 February comes in leap years only: a yearly rule on it would post every "
                              "four years; BYMONTH=2;BYMONTHDAY=-1 is the last day of February")
                parts = [f"rrule: {_yearly_rrule(interval)};BYMONTH=2;BYMONTHDAY=-1"]
        ahead = coming.isoformat() if yearly is not None and coming is not None else _first_day("year")
        start, freq = start or ahead, "year"
    else:
        if said in FORTNIGHTLY or said in EVERY_OTHER_MONTH:  # bimestriel
            every, interval = ("month" if said in EVERY_OTHER_MONTH else "week"), 2
        if every is None:
            every, days, interval = "week", [1], None
        parts = [f"every: {every}", *([f"interval: {interval}"] if interval else [])]
        if days and every == "week":
            rule_days = {"weekdays": days}
            names = [DAY_NAMES[weekday] for weekday in days]
            parts.append(f"on: {names[0]}" if len(names) == 1 else f"on: [{', '.join(names)}]")
        elif every == "month" and day is not None and day <= 28:  # 29 to 31 are refused in on:
            parts.append(f"on: {day}")
            rule_days = {"monthdays": (day,)}
        elif every == "month" and (last_day or day is not None):
            parts.append("on: -1")
            rule_days = {"monthdays": (-1,)}
            if not last_day and problem is None:  # RFC 5545 skips the months without it: said, not lost
                problem = say("not every month has a day {day} (February has none): a month without it would "
                              "get no post, and -1 is the last day of every month", day=day) if day != 29 \
                    else say("not every month has a day 29 (February, three years in four): a month without "
                             "it would get no post, and -1 is the last day of every month")
        elif every == "month" and len(days) == 1 and (position := _position_before(words)):
            parts.append(f"on: {position} {DAY_NAMES[days[0]]}")  # dernier vendredi du mois: last fri
            rule_days = {"weekdays": days, "position": position}
        if said in TWICE_A_MONTH:  # the 1st and the 15th: every two weeks drifts through the months
            parts, rule_days = ["every: month", "on: [1, 15]"], {"monthdays": (1, 15)}
        said_day = nearest_day(yearly[0], yearly[1]) if yearly is not None else None  # à partir du 2 mars
        if said_day == hint_today():  # said on 2 March: the rule's first day after today, as every rule's
            said_day = None
        ahead = _first_day(every, **rule_days)
        start, freq = start or (said_day.isoformat() if said_day else ahead), every
    if given is not None and no_such_day is None and problem is None and start < hint_today().isoformat():
        before = _days_before_today(freq, interval, start, **rule_days)  # 2020-01-07: kept, and said
        if before:
            problem = say_count(
                before, "{date} is past: from it, the rule has {count:,} day before today, whose post counts "
                        "as gone out (from: {ahead} starts it after today)",
                "{date} is past: from it, the rule has {count:,} days before today, whose posts count as "
                "gone out (from: {ahead} starts it after today)", date=start, ahead=ahead)
    if no_such_day is not None:
        start = "…"  # the writer's to choose, as no day is made up in its place
    timed = [f"at: '{said_at}'"] if said_at else []
    ended = [f"until: {said_until}"] if said_until else []
    rule = "{" + ", ".join([*parts, *timed, f"from: {start}", *ended]) + "}"
    told = say("write the rule's parts: repeat: {rule} (from: its first day; until: or count: ends it)",
               rule=rule)
    if unread:  # `at lunch`, `until end of March`: said, not dropped without a word
        ends = any(_UNTIL_CLAUSE.match(words) for words in unread)
        times = any(not _UNTIL_CLAUSE.match(words) for words in unread)
        fields = say("at: HH:MM and until: YYYY-MM-DD") if ends and times else \
            "until: YYYY-MM-DD" if ends else "at: HH:MM"
        told = say("{hint}; not read: '{words}': write {fields}", hint=told, words=" ".join(unread),
                   fields=fields)
    return told if problem is None else say("{said}; {hint}", said=problem, hint=told)


#: A repeat's time and end in words: ``at 12:30``, ``à 9h``; ``until 2027-03-31``, ``jusqu'au …``
#: (``à partir du 2 mars`` is its start, read with the rest).
_AT_CLAUSE = re.compile(r"(?:at|à)\s+(?!partir\b)", re.IGNORECASE)
_UNTIL_CLAUSE = re.compile(r"(?:until|till|through|jusqu['’]\s*(?:au|à|a))\s+", re.IGNORECASE)
_CLAUSES = re.compile(r"\b(?:at|à|until|till|through|jusqu['’]\s*(?:au|à|a))\s+(?!partir\b)",
                      re.IGNORECASE)


def _time_and_end(found: str) -> tuple[str, str | None, str | None, list[str]]:
    """A repeat in words without its time and end clauses (``at 12:30``, ``until 2027-03-31``): the rest,
    the time and the last day read from them, and the clauses not read (``at lunch``), each up to the next."""
    starts = [match.start() for match in _CLAUSES.finditer(found)]
    said_at = said_until = None
    unread: list[str] = []
    kept = found[:starts[0]] if starts else found
    for start, end in zip(starts, [*starts[1:], len(found)], strict=False):
        clause = " ".join(found[start:end].split())
        keyword = (_UNTIL_CLAUSE.match(clause) or _AT_CLAUSE.match(clause))
        value, _, rest = clause[keyword.end():].partition(" ") if keyword else ("", "", clause)
        if keyword is not None and not _UNTIL_CLAUSE.match(clause) and _time_or_none(value) is not None:
            said_at, kept = _time_or_none(value), f"{kept} {rest}"
        elif keyword is not None and _UNTIL_CLAUSE.match(clause) and _ISO_DAY.fullmatch(value) \
                and _iso_day(value):
            said_until, kept = value, f"{kept} {rest}"
        else:
            unread.append(clause)
    return kept, said_at, said_until, unread


def _time_or_none(text: str) -> str | None:
    """``12:30``, ``9h`` as HH:MM; None for another word."""
    try:
        return f"{parse_time(text):%H:%M}"
    except ValueError:
        return None


#: A day written in full (``every tuesday from 2027-03-02``).
_ISO_DAY = re.compile(r"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)")
#: The weeks of a month a weekday's position (``first mon``) names: from its 1st, 8th, 15th, 22nd.
_WEEK_OF_MONTH = {"first": 0, "second": 1, "third": 2, "fourth": 3}


def _iso_day(text: str) -> str | None:
    """``2027-03-02`` as from: writes it, if it is a day of the calendar."""
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        return None


#: The period of a rule, as dateutil's rrule takes it.
_FREQUENCIES: dict[str, Literal[0, 1, 2, 3, 4, 5, 6]] = {"day": rrule.DAILY, "week": rrule.WEEKLY,
                                                        "month": rrule.MONTHLY, "year": rrule.YEARLY}


def _days_before_today(every: str, interval: int | None, start: str, weekdays: Collection[int] = (),
                       monthdays: Collection[int] = (), position: str | None = None) -> int:
    """How many days a rule gives from ``start`` until yesterday (``EDCAL_NOW`` pins today): its
    ``weekdays`` (at their ``position`` in the month), its ``monthdays``, else the day of ``start``."""
    nth = {**{name: number + 1 for name, number in _WEEK_OF_MONTH.items()}, "last": -1}.get(position or "")
    until = dt.datetime.combine(hint_today() - dt.timedelta(days=1), dt.time())
    rule = rrule.rrule(_FREQUENCIES[every], dtstart=dt.datetime.fromisoformat(start), interval=interval or 1,
                       byweekday=[rrule.weekday(day, nth) for day in weekdays] or None,
                       bymonthday=tuple(monthdays) or None, until=until)
    return rule.count() or 0


def _yearly_from(month: int, day: int, given: dt.date) -> str:
    """The first ``day`` of ``month`` from ``given`` on (29 February: of a leap year)."""
    for year in range(given.year, given.year + 9):
        try:
            found = dt.date(year, month, day)
        except ValueError:  # 29 February of a common year
            continue
        if found >= given:
            return found.isoformat()
    return given.isoformat()


def _first_day(every: str, weekdays: Collection[int] = (), monthdays: Collection[int] = (),
               position: str | None = None) -> str:
    """The first of a rule's days after today (``EDCAL_NOW`` pins it), as its from: writes it: one of its
    ``weekdays`` (at its ``position`` in the month, ``last``), one of its ``monthdays`` (-1: the last);
    without them, from tomorrow on, a day that every month has for a monthly rule (the 29th to the 31st
    would skip February), and every year for a yearly one (29 February)."""
    if every == "month" and not weekdays and not monthdays:
        monthdays = range(1, 29)
    today = hint_today()
    for ahead in range(1, 63):  # two months hold each of these days
        day = today + dt.timedelta(days=ahead)
        last = (day + dt.timedelta(days=1)).month != day.month
        week = "last" if (day + dt.timedelta(days=7)).month != day.month else None
        if (weekdays and day.weekday() not in weekdays) or (every, day.month, day.day) == ("year", 2, 29):
            continue
        if monthdays and day.day not in monthdays and not (last and -1 in monthdays):
            continue
        if position is None or (day.day - 1) // 7 == _WEEK_OF_MONTH.get(position) or position == week:
            return day.isoformat()
    return (today + dt.timedelta(days=1)).isoformat()


#: A weekday's position in its month, as words say it (``dernier vendredi``), as `on:` writes it.
_POSITIONS = {"first": "first", "premier": "first", "1st": "first", "second": "second", "deuxième": "second",
              "2nd": "second", "third": "third", "troisième": "third", "3rd": "third", "fourth": "fourth",
              "quatrième": "fourth", "4th": "fourth", "last": "last", "dernier": "last"}


def _position_before(words: list[str]) -> str | None:
    """The position words give a weekday (``last friday``, ``premier mardi``), as `on:` writes it."""
    return next((_POSITIONS[word] for word, then in itertools.pairwise(words)
                 if word in _POSITIONS and then in WEEKDAYS), None)


def _whole(word: str) -> int | None:
    """A whole number as written in words, with its minus sign (``-2``, ``−2``), or None."""
    digits = word.lstrip("-−–")
    return (-int(digits) if digits != word else int(digits)) if digits.isdecimal() else None


def _day_of_year(words: list[str], dated: set[int]) -> tuple[int, int, str] | None:
    """The month, the day and their words, where the words name a day of the year (le 15 mars, March 15)."""
    for index in sorted(dated):
        after, before = words[index + 1:index + 2], words[index - 1:index]
        if after and after[0] in _MONTH_NUMBERS:
            return _MONTH_NUMBERS[after[0]], int(words[index]), f"{words[index]} {after[0]}"
        if before and before[0] in _MONTH_NUMBERS:
            return _MONTH_NUMBERS[before[0]], int(words[index]), f"{before[0]} {words[index]}"
    return None


#: A post's id (``voeux-2027-linkedin``, ``astuce-du-jeudi-mastodon-20270114``), as a line of the log has it.
_ITEM_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")


def _log_line_hint(found: Any, section: Any, data: Any) -> Message | None:
    """``- voeux-2027-linkedin`` in a list of entries: the report's lines to confirm, pasted at the end of
    calendar.yaml, under its last section, rather than under ``posted:``. A post's id names its network
    (``mon-idee`` under ``ideas:`` is no such line)."""
    if not isinstance(found, str) or not _ITEM_ID.fullmatch(found.strip()) or section == "posted":
        return None
    from edcal.load.network_registry import builtin_registry

    networks = set(builtin_registry().networks)
    if isinstance(data, dict) and isinstance(data.get("networks"), dict):
        networks |= {str(key) for key in data["networks"]}
    if not networks & set(found.strip().split("-")[1:]):
        return None
    return say("a post's id alone is a line of the log of what went out: it goes under `posted:` "
               "(write `posted:`, unindented, on the line above, or move it into the file that keeps the "
               "log), not under `{section}:`", section=section)


#: ``1 180``, ``1.180``, ``1,180``, ``1'180``: a thousands separator (spaces of every width count).
_GROUPED = re.compile(r"^\d{1,3}(?:([ \u00a0\u202f.,'’])\d{3})(?:\1\d{3})*$")
_DECIMAL_COMMA = re.compile(r"^\d+,\d+$")
#: ``1,180``, ``1.180``: three digits after one separator, which reads either way.
_ONE_GROUP = re.compile(r"^\d{1,3}[.,]\d{3}$")


def _number_hint(found: Any, expected: str) -> str | None:
    """``1 180`` or ``12,5`` where a number was expected: written as a French reader would."""
    if not isinstance(found, str) or "number" not in expected:
        return None
    written = found.strip()
    digits = re.sub(r"\D", "", written)
    if _ONE_GROUP.match(written):  # 1,180 or 1.180: a thousands separator, or a decimal one
        return say("numbers take no thousands separator and a decimal point: {digits}, or {number:g}",
                   digits=digits, number=float(written.replace(",", ".")))
    if _DECIMAL_COMMA.match(written):
        return say("write the decimal part after a point: {number}", number=written.replace(",", "."))
    if _GROUPED.match(written):
        return say("write the number without a thousands separator: {digits}", digits=digits)
    counted = _FIGURE_WITH_UNIT.match(written)
    if counted is not None:  # `target: 12 %`, `target: 600 abonnés`, `limit: 500 caractères`
        figure, unit = counted.group(1).replace(",", "."), counted.group(2).strip()
        return say("write the number alone, {figure} (an objective's `unit:` says what it counts: {unit})",
                   figure=figure, unit=f'"{unit}"' if unit == "%" else unit)
    return None


#: A figure followed by what it counts: ``12 %``, ``600 abonnés``, ``4,5 %``.
_FIGURE_WITH_UNIT = re.compile(r"^(\d+(?:[.,]\d+)?)\s*(%|[^\W\d_][\w\s'’-]{0,30})$")


#: Words for yes and no a writer may put where true or false is expected, and the pair they belong to.
_BOOLEAN_WORDS = {**dict.fromkeys(("oui", "non"), "oui/non"), **dict.fromkeys(("vrai", "faux"), "vrai/faux")}


def bool_hint(found: Any) -> Message | None:
    """``skip: oui`` where true or false is expected: French answers are not read."""
    words = _BOOLEAN_WORDS.get(found.strip().lower()) if isinstance(found, str) else None
    return say("write true or false ({words} are not understood)", words=words) if words else None


def _colon_hint(found: Any, message: str) -> str | None:
    """``- acier: inox`` where text was expected: YAML read ``key: value``, a one-entry mapping."""
    if not message.endswith("expected text") or not isinstance(found, dict):
        return None
    entries = [(key, value) for key, value in found.items() if key != LOC_KEY]
    if len(entries) != 1 or isinstance(entries[0][1], (dict, list)):
        return None
    key, value = entries[0]
    return say("a text containing ': ' must be quoted, e.g. \"{key}: {value}\"", key=key,
               value="" if value is None else value)


_EXPECTED = {
    "bool_parsing": say("true or false"),
    "int_parsing": say("a whole number"),
    "int_from_float": say("a whole number"),
    "float_parsing": say("a number"),
    "string_type": say("text"),
    "list_type": say("a list (one '- item' per line, or [a, b])"),
    "dict_type": say("a mapping (key: value lines)"),
    "model_type": say("a mapping (key: value lines)"),
    "model_attributes_type": say("a mapping (key: value lines)"),
    "tuple_type": say("a list"),
}


def _walk(data: Any, path: list[Any], kind: str) -> tuple[Source, Any]:
    """Follow ``path`` through located data; return the best source for the error."""
    node = data
    loc: Loc | None = data.get(LOC_KEY) if isinstance(data, dict) else None
    source = loc.source if loc else Source("?", 1, 1)
    field_loc: FieldLoc | None = None  # where the list being walked is written (its items' places)
    last = path[-1] if path else None
    for depth, part in enumerate(path):
        is_last = depth == len(path) - 1
        if isinstance(node, dict):
            loc = node.get(LOC_KEY)
            if part not in node:
                break
            if loc is not None:
                source = loc.key(part) if (is_last and kind == "extra_forbidden") else loc.value(part)
                field_loc = loc.fields.get(part)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            if field_loc is not None and part < len(field_loc.items_at):  # one Source, not all: n errors, n²
                source = Source(field_loc.path, *field_loc.items_at[part])
            node = node[part]
            field_loc = None
        else:
            break
    return source, last


def _statuses(model: type[BaseModel], path: list[Any]) -> list[str]:
    """The values the `status:` of the entry at ``path`` takes (a post's `draft`, `review`, `scheduled`)."""
    status = getattr(_model_at(model, path), "model_fields", {}).get("status")

    def values(annotation: Any) -> Iterator[Any]:
        for arg in get_args(annotation):
            yield arg
            yield from values(arg)

    found = [] if status is None else values(status.annotation)
    return list(dict.fromkeys(v for v in found if isinstance(v, str)))


def _known_fields(model: type[BaseModel], path: list[Any]) -> list[str]:
    """Field names (with aliases) of the model found at ``path`` in ``model``."""
    fields = getattr(_model_at(model, path), "model_fields", {})
    return [f.alias or name for name, f in fields.items() if name != "loc"]


def _node(data: Any, path: list[Any]) -> Any:
    """The value at ``path`` in the read data (None where it is not there)."""
    for part in path:
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return None
    return data


def _missing_hint(model: type[BaseModel], path: list[Any], name: str) -> str | None:
    """What a missing field is for, from the schema: ``add reason: (why: shown on every withheld item)``,
    in the team's language (each required field's purpose is in the catalogue: :func:`required_purposes`)."""
    fields = getattr(_model_at(model, path), "model_fields", {})
    field = next((f for key, f in fields.items() if (f.alias or key) == name), None)
    purpose = field_purpose(field.description) if field is not None else ""
    return say("add {name}: ({purpose})", name=name, purpose=say(purpose)) if purpose else None


def field_purpose(description: str | None) -> str:
    """A schema field's description as a hint says it: "Why: shown…." -> "why: shown…"."""
    described = (description or "").rstrip(".")
    return described[:1].lower() + described[1:]


def required_purposes(*models: type[BaseModel]) -> set[str]:
    """The purposes of every required field of ``models`` and of the models they hold: what
    :func:`_missing_hint` says, which the catalogues translate."""
    found: set[str] = set()
    seen: set[Any] = set()
    pending: list[Any] = list(models)
    while pending:
        model = pending.pop()
        if model in seen or not hasattr(model, "model_fields"):
            continue
        seen.add(model)
        for field in model.model_fields.values():
            if field.is_required() and field.description:
                found.add(field_purpose(field.description))
            inner = _inner_model(field.annotation)
            if inner is not None:
                pending.append(inner)
    return found


@functools.cache
def known_fields() -> frozenset[str]:
    """Every field calendar.yaml (calendar.d/'s files) and an article's header know, at any depth, as written
    (``from``, not ``from_``): what a word before a colon must be to be taken for a field."""
    from edcal.load.articles import ArticleSpec
    from edcal.load.schema import CalendarSpec

    found: set[str] = set()
    seen: set[Any] = set()
    pending: list[Any] = [CalendarSpec, ArticleSpec]
    while pending:
        annotation = pending.pop()
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            if annotation in seen:
                continue
            seen.add(annotation)
            fields = annotation.model_fields
            found.update(field.alias or name for name, field in fields.items() if name != "loc")
            pending.extend(field.annotation for field in fields.values())
        else:  # `X | None`, `list[X]`, `dict[str, X]`, Annotated: every model they hold
            pending.extend(get_args(annotation))
    return frozenset(found)


def _model_at(model: type[BaseModel], path: list[Any]) -> Any:
    """The model class found at ``path`` in ``model`` (list indexes and mapping keys stepped over)."""
    current: Any = model
    for part in path:
        if isinstance(part, int):
            continue
        field = getattr(current, "model_fields", {}).get(part)
        if field is None:
            for candidate in getattr(current, "model_fields", {}).values():
                if candidate.alias == part:
                    field = candidate
        if field is None:
            # a dict[str, Spec] key: stay on the value type
            current = _inner_model(current) or current
            continue
        current = _inner_model(field.annotation) or current
    return current


def _inner_model(annotation: Any) -> Any:
    """The BaseModel class inside ``X | None``, ``list[X]``, ``dict[str, X]``, Annotated."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    origin = getattr(annotation, "__origin__", None)
    if origin is not None and isinstance(origin, type) and issubclass(origin, BaseModel):
        return origin
    meta = getattr(annotation, "__metadata__", None)
    if meta is not None:
        return _inner_model(annotation.__origin__)
    return None


def _dotted(path: list[Any], data: Any = None) -> str:
    """Where in the file, in words: ``posts entry 'j-7'``, ``ideas entry 2, owner``, ``feeds.reminders``."""
    pieces: list[str] = []  # texts, and messages (an entry)
    node = data
    for part in path:
        child = None
        if isinstance(node, dict):
            child = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            child = node[part]
        if isinstance(part, int):
            # An entry by its id; an idea, which needs none, by its title
            named = (child.get("id") or child.get("promote") or child.get("title")) \
                if isinstance(child, dict) else None
            if isinstance(named, str) and len(named) > 50:
                named = named[:49] + "…"
            within = pieces[-1] if pieces else ""
            entry = say("{within} entry '{id}'", within=within, id=named) if isinstance(named, str) \
                else say("{within} entry {number}", within=within, number=part + 1)
            pieces[-1:] = [entry, ""]
        elif pieces and pieces[-1]:
            within = pieces[-1]
            pieces[-1] = say("{within}.{key}", within=within, key=part) if isinstance(within, Message) \
                else f"{within}.{part}"
        else:
            pieces[-1:] = [str(part)]
        node = child
    joined: str = ""
    for piece in (piece for piece in pieces if piece):
        joined = say("{where}, {more}", where=joined, more=piece) if joined else piece
    return joined
