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

from collections.abc import Iterable, Mapping
from typing import Any

from edcal.errors import ErrorCollector, did_you_mean, message_of
from edcal.i18n import say
from edcal.load.sections._reading import CheckRule, Document, Reading
from edcal.load.yamlfile import LOC_KEY, Loc
from edcal.model.calendar import RuleSettings
from edcal.model.source import Source

_OFF = ("off", "false", "no", "disabled")


def read_checks(reading: Reading, main: Document) -> None:
    """The ``checks:`` section, with located errors for unknown rules, options and values."""
    where = main.raw[LOC_KEY].value("checks")
    reading.calendar.checks = _rule_settings(main.raw.get("checks"), where, reading.errors, reading.rules)


def _rule_settings(raw: Any, where: Source, errors: ErrorCollector,
                   rules: Mapping[str, CheckRule]) -> dict[str, RuleSettings]:
    """Each rule's settings under ``checks:``.

    :param rules: every rule by id.
    """
    if raw is None:
        return {}
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
                    severity = _severity(text, vloc.value(name), errors) or severity
                elif name in known:
                    try:
                        options[name] = known[name].parse(str(text))
                    except ValueError as exc:
                        errors.add(vloc.value(name), message_of(exc))
                else:
                    names = ["severity", *known]
                    message = say("unknown setting '{name}' for check '{rule}'", name=name, rule=rule_id)
                    errors.add(vloc.key(name), message,
                               did_you_mean(name, names) or say("settings: {names}", names=", ".join(names)))
        else:
            severity = _severity(value, loc.value(rule_id), errors) or severity
        result[rule_id] = RuleSettings(severity, options)
    return result


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
