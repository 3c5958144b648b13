"""``checks:`` in calendar.yaml and ``silence:`` on entries, validated against the rules.

The rules are given by whoever loads the calendar (``edcal.checks.all_rules()``): the loader comes
before the checks and does not import them.

    checks:
      public-holiday: off              # a rule turned off
      outside-slots: error             # or made an error
      duplicate-text: {window: 14 days}
      self-promotion: {severity: error, ceiling: 25%}

    posts:
      - id: rappel-salon
        silence: {duplicate-text: "Le rappel reprend volontairement le texte du J-7"}
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from edcal.errors import ErrorCollector, closest, did_you_mean, listed_twice, message_of
from edcal.i18n import Message, say
from edcal.load.schema import describe
from edcal.load.sections._reading import CheckOption, Document, Reading
from edcal.load.yamlfile import LOC_KEY, Loc
from edcal.model.calendar import Calendar, RuleSettings
from edcal.model.source import Source

_OFF = ("off", "false", "no", "disabled")


def read_checks(reading: Reading, main: Document) -> None:
    """The ``checks:`` section, with located errors for unknown rules, options and values."""
    where = main.raw[LOC_KEY].value("checks")
    reading.calendar.checks = _rule_settings(main.raw.get("checks"), where, reading)


def _rule_settings(raw: Any, where: Source, reading: Reading) -> dict[str, RuleSettings]:
    """Each rule's settings under ``checks:``, checked against ``reading.rules``."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):  # `checks: ''` as `checks:`: none tuned
        return {}
    errors, rules = reading.errors, reading.rules
    if not isinstance(raw, dict):
        errors.add(where, say("found a value in `checks:`, expected a mapping of rule ids to settings"),
                   say("e.g. checks: {{public-holiday: off}}"))
        return {}
    loc: Loc = raw[LOC_KEY]
    result: dict[str, RuleSettings] = {}
    for rule_id, value in raw.items():
        if rule_id == LOC_KEY:
            continue
        rule = rules.get(rule_id)
        if rule is None:
            errors.add(loc.key(rule_id), say("unknown check '{rule}'", rule=rule_id),
                       did_you_mean(rule_id, rules) or say("`edcal check --list` lists every rule"))
            continue
        severity = rule.severity
        options: dict[str, Any] = {}
        if isinstance(value, dict):
            vloc: Loc = value[LOC_KEY]
            known = {option.name: option for option in rule.options}
            for name, text in value.items():
                if name == LOC_KEY:
                    continue
                if name == "severity":
                    if _one_value(name, text, vloc.value(name), errors):
                        severity = _severity(text, vloc.value(name), errors) or severity
                elif name in known:
                    if known[name].many or _one_value(name, text, vloc.value(name), errors):
                        _read_option(known[name], text, vloc, reading.calendar, errors, options)
                else:
                    names = ["severity", *known]
                    message = say("unknown setting '{name}' for check '{rule}'", name=name, rule=rule_id)
                    errors.add(vloc.key(name), message,
                               did_you_mean(name, names) or say("settings: {names}", names=", ".join(names)))
        elif isinstance(value, list):
            _one_value("severity", value, loc.value(rule_id), errors)
        else:
            severity = _severity(value, loc.value(rule_id), errors) or severity
        result[rule_id] = RuleSettings(severity, options)
    return result


def _read_option(option: CheckOption, value: Any, loc: Loc, calendar: Calendar, errors: ErrorCollector,
                 options: dict[str, Any]) -> None:
    """An option's value as written into ``options``, or located errors (and nothing in ``options``).

    :param loc: where the rule's settings are written.
    """
    name = option.name
    if not option.many:
        try:
            options[name] = option.parse(str(value))
        except ValueError as exc:
            errors.add(loc.value(name), *_said(exc))
        return
    try:
        choices = option.choices(calendar) if option.choices is not None else None
    except ValueError as exc:  # the site can name none: said once, at the option
        errors.add(loc.key(name), *exc.args)
        return
    refused_hint = option.refused_hint
    own_hint = (lambda written: refused_hint(calendar, written)) if refused_hint is not None else None
    items = value if isinstance(value, list) else [value]
    values: list[Any] = []
    refused = False
    firsts: list[Source] = []  # where each value is written
    for index, item in enumerate(items):
        where = loc.item(name, index) if isinstance(value, list) else loc.value(name)
        try:
            if item is None or isinstance(item, (dict, list)):
                found = (say("found nothing in `{name}`, expected one value per item", name=name)
                         if item is None else
                         say("found a list or a mapping in `{name}`, expected one value per item", name=name))
                raise ValueError(found, say("write one value per item, e.g. `{name}: [first, second]`",
                                            name=name))
            parsed = option.parse(str(item))
        except ValueError as exc:
            errors.add(where, *_said(exc))
            refused = True
            continue
        if choices is not None and not _chosen(name, str(parsed), *choices, where, errors, own_hint):
            refused = True
            continue
        again = next((index for index, earlier in enumerate(values)
                      if str(earlier).casefold() == str(parsed).casefold()), None)
        if again is not None:  # `except: [Noël, noël]`: one holiday, named twice
            errors.add(where, *listed_twice(str(parsed), str(values[again]), firsts[again], name))
            refused = True
            continue
        values.append(parsed)
        firsts.append(where)
    if not refused:
        options[name] = tuple(values)


def _chosen(option: str, written: str, names: tuple[str, ...], expected: Message, where: Source,
            errors: ErrorCollector, own_hint: Callable[[str], Message | None] | None = None) -> bool:
    """Whether ``written`` is one of ``names``, case aside; else a located error with the option's own hint
    (``own_hint``), else one that names the closest, or the list to write for several in one text (``except:
    Noël, Toussaint``)."""
    folded = {name.casefold(): name for name in names}
    if written.casefold() in folded:
        return True
    parts = [part.strip().casefold() for part in re.split(r"[,;]", written)]
    match = closest(written.casefold(), folded)
    shown = written if len(written) <= 60 else written[:60] + "…"
    told = own_hint(written) if own_hint is not None else None
    if told is not None:
        hint = told
    elif len(parts) > 1 and all(part in folded for part in parts):
        hint = say("write them as a list, one name per item: `{option}: [{names}]`", option=option,
                   names=", ".join(folded[part] for part in parts))
    else:
        hint = say("did you mean '{match}'?", match=folded[match]) if match is not None \
            else say("one of: {names}", names=", ".join(names))
    errors.add(where, say("found '{value}', expected {expected}", value=shown, expected=expected), hint)
    return False


def _said(exc: ValueError) -> tuple[str, ...]:
    """What a refused value's error says: its message, and the hint raised with it."""
    return (exc.args[0], exc.args[1]) if len(exc.args) == 2 else (message_of(exc),)


def _one_value(name: str, value: Any, where: Source, errors: ErrorCollector) -> bool:
    """Whether a rule's setting holds one value (a text, a number), not a list, a mapping or nothing; else a
    located error: they were shown as Python writes them (``{'a': '1', '__loc__': Loc(…)}``, ``None``)."""
    if (value is not None and not isinstance(value, (dict, list))) or (name == "severity" and value is None):
        return True  # `severity:` alone is off, as `public-holiday:` alone is
    errors.add(where, say("found {found} in `{name}`, expected one value", found=describe(value), name=name),
               say("write one value after `{name}:`, without brackets or braces", name=name))
    return False


def _severity(value: Any, where: Source, errors: ErrorCollector) -> str | None:
    text = str(value).strip().lower() if value is not None else "off"
    if text in _OFF:
        return "off"
    if text in ("error", "warning"):
        return text
    errors.add(where, say("found '{value}', expected error, warning or off", value=value))
    return None


def parse_silence(raw: Any, where: Source, errors: ErrorCollector, rules: Iterable[str]) -> dict[str, str]:
    """``silence: {rule-id: reason}`` on one entry; a reason is required.

    :param rules: every rule's id.
    """
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        errors.add(where, say("found a value in `silence:`, expected rule ids with a reason each"),
                   say('e.g. silence: {{duplicate-text: "A reminder on purpose"}}'))
        return {}
    rules = tuple(rules)
    loc: Loc = raw[LOC_KEY]
    result = {}
    for rule_id, reason in raw.items():
        if rule_id == LOC_KEY:
            continue
        if rule_id not in rules:
            errors.add(loc.key(rule_id), say("unknown check '{rule}' in `silence:`", rule=rule_id),
                       did_you_mean(rule_id, rules) or say("`edcal check --list` lists every rule"))
        elif not isinstance(reason, str) or not reason.strip():
            errors.add(loc.key(rule_id), say("silencing '{rule}' needs a reason", rule=rule_id),
                       say('write it: {rule}: "why this is fine here"', rule=rule_id))
        else:
            result[rule_id] = reason.strip()
    return result
