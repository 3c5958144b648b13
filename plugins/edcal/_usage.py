"""click's usage errors in edcal's form, and in the language of the site's team.

click words what a user mistyped itself, in English: "Error: No such option '--strikt'. Did you mean
'--strict'?". edcal prints it as it prints every other error (``--strikt: error: no such option
'--strikt'`` and a hint) and says it in the team's language: each message click gives edcal's
commands is matched against click's own English template (:data:`CLICK_MESSAGES`) and said again
with edcal's template and the values found, which the catalogue translates
(translations/fr/errors-commands.yaml). A message click words otherwise (a newer click) is printed as
click wrote it.

Why not click's own translation hook: click calls :func:`gettext.gettext`, the process-wide default
domain, at the moment it raises, before edcal knows the site's language; feeding it would take
compiled ``.mo`` files and a global ``textdomain``, or replacing click's ``_``.
"""

from __future__ import annotations

import difflib
import functools
import re
import string

import click

from edcal.errors import InputError
from edcal.i18n import Message, say
from edcal.model.source import Source

#: What click says of a mistyped command line, as click's source writes it (a test finds each there),
#: the values of its fields that pick one case (click's "File", "Directory"), and edcal's template for
#: it: click's words, lower-cased and without the full stop, the quotes it puts around a name kept.
#: The more specific template comes first ("is not one of" before "is not").
CLICK_MESSAGES: tuple[tuple[str, dict[str, str], str], ...] = (
    ("No such option {name!r}.", {}, "no such option {name}"),
    ("No such command {name!r}.", {}, "no such command {name}"),
    ("Option {name!r} requires an argument.", {}, "option {name} requires an argument"),
    ("Option {name!r} requires {nargs} arguments.", {}, "option {name} requires {nargs} arguments"),
    ("Option {name!r} does not take a value.", {}, "option {name} does not take a value"),
    ("Got unexpected extra argument ({args})", {}, "got unexpected extra argument ({args})"),
    ("Got unexpected extra arguments ({args})", {}, "got unexpected extra arguments ({args})"),
    ("{value!r} is not one of {choices}.", {}, "{value} is not one of {choices}"),
    ("{value!r} is not {choice}.", {}, "{value} is not {choice}"),
    ("{name} {filename!r} does not exist.", {"name": "File"}, "file {filename} does not exist"),
    ("{name} {filename!r} is a directory.", {"name": "File"}, "file {filename} is a directory"),
    ("{name} {filename!r} is not readable.", {"name": "File"}, "file {filename} is not readable"),
    ("{name} {filename!r} is a file.", {"name": "Directory"}, "directory {filename} is a file"),
    ("Missing command.", {}, "missing command"),
)

#: A missing argument or option (click's "Missing argument 'TITLE'."), and one with choices.
MISSING = {"argument": ("missing argument {name}", "missing argument {name}. Choose from: {choices}"),
           "option": ("missing option {name}", "missing option {name}. Choose from: {choices}")}


@functools.cache
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Each of :data:`CLICK_MESSAGES` as an expression that reads its values back out of click's text."""
    found = []
    for template, fixed, ours in CLICK_MESSAGES:
        parts = []
        for literal, name, _spec, _conversion in string.Formatter().parse(template):
            parts.append(re.escape(literal))
            if name is not None:
                parts.append(re.escape(fixed[name]) if name in fixed else f"(?P<{name}>.+?)")
        found.append((re.compile("".join(parts), re.DOTALL), ours))
    return tuple(found)


def click_message(exc: click.UsageError) -> str:
    """What click says, as edcal's message (translatable); click's own text when edcal does not know it."""
    param = getattr(exc, "param", None)
    if isinstance(exc, click.MissingParameter) and not exc.message and param is not None:
        kind = exc.param_type or param.param_type_name
        if kind in MISSING:
            choices = getattr(param.type, "choices", None)
            name = param.get_error_hint(exc.ctx) if exc.ctx is not None else repr(param.human_readable_name)
            if choices:
                return say(MISSING[kind][1], name=name, choices=", ".join(str(c) for c in choices))
            return say(MISSING[kind][0], name=name)
    for pattern, ours in _patterns():
        found = pattern.fullmatch(exc.message)
        if found:
            return say(ours, **found.groupdict())
    plain = isinstance(exc, click.BadParameter) and not isinstance(exc, click.MissingParameter)
    written = exc.message if plain else exc.format_message()
    message = " ".join(line.strip() for line in written.splitlines() if line.strip()).rstrip(".")
    if getattr(exc, "possibilities", None):  # click's own suggestion: the hint says it
        message = re.sub(r"\.?\s*\(?Did you mean.*$", "", message, flags=re.DOTALL)
    return message[:1].lower() + message[1:]


def usage_error(exc: click.UsageError, command: str, hint: str | None = None) -> str:
    """``--format: error: 'xml' is not one of 'text', 'json', 'github'``, then a hint, in the language spoken.

    :param command: the command line's command (``edcal check``), whose --help the hint names.
    :param hint: the hint, when the caller knows better than click (an option before its command).
    """
    param = getattr(exc, "param", None)
    where = "edcal"
    if param is not None:
        option = param.param_type_name == "option" and param.opts
        where = param.opts[0] if option else param.human_readable_name
    elif getattr(exc, "option_name", None):
        where = exc.option_name  # type: ignore[attr-defined]
    if hint is not None:
        return _said(where, click_message(exc), hint)
    if command == "edcal" and any(words in exc.format_message().lower()
                                  for words in ("no such command", "missing command")):
        help_hint = say("'edcal --help' lists the commands")
    else:
        help_hint = say("'{command} --help' lists its options and arguments", command=command)
    param_type = getattr(param, "type", None)
    if isinstance(param_type, click.IntRange) and isinstance(exc, click.BadParameter):
        # click's "0 is not in the range 1<=x<=3660": a programmer's notation
        found = re.match(r"('.*?'|\S+) is not", exc.message)
        message: str = say("found {value}, expected a whole number from {min} to {max}",
                           value=found.group(1) if found else say("a value"), min=param_type.min,
                           max=param_type.max)
        return _said(where, message, help_hint)
    message = click_message(exc)
    possibilities = list(getattr(exc, "possibilities", None) or [])  # click's own, for options and commands
    typed = getattr(exc, "option_name", None) or getattr(exc, "command_name", None) or where
    best = difflib.get_close_matches(typed, possibilities, n=2) or possibilities[:2]
    choices = getattr(param_type, "choices", None)
    value = isinstance(message, Message) and message.values.get("value")
    if choices and value:  # `--format jsn`: the choice meant, when one is close
        best = difflib.get_close_matches(value.strip("'"), [str(choice) for choice in choices], n=1)
    if len(best) == 1:  # click's own suggestion goes to the hint, the closest first
        help_hint = say("did you mean {word}? {hint}", word=repr(best[0]), hint=help_hint)
    elif best:
        help_hint = say("did you mean {word} or {other}? {hint}", word=repr(best[0]), other=repr(best[1]),
                        hint=help_hint)
    return _said(where, message, help_hint)


def _said(where: str, message: str, hint: str) -> str:
    return InputError(Source(where, 0, 0), message, hint).format()
