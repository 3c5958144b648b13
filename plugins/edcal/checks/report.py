"""Findings for people (text), scripts (json) and GitHub workflows (annotations).

All three list the same findings in the same order, and the command's exit
code is computed once, from the findings, whatever the format.
"""

from __future__ import annotations

import json
import math
import os
import posixpath
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from edcal.checks import Finding, count
from edcal.errors import InputError, shown_path, shown_paths_in
from edcal.i18n import say, say_count, spoken
from edcal.model.source import Source

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INPUT = 2


def exit_code(findings: Sequence[Finding], strict: bool = False) -> int:
    errors, warnings = count(findings)
    return EXIT_FINDINGS if errors or (strict and warnings) else EXIT_OK


def summary_line(findings: Sequence[Finding]) -> str:
    """"3 errors, 5 warnings", in the language the command line speaks."""
    errors, warnings = count(findings)
    return spoken(say("{errors}, {warnings}", errors=say_count(errors, "{count} error", "{count} errors"),
                      warnings=say_count(warnings, "{count} warning", "{count} warnings")))


def by_rule(findings: Sequence[Finding]) -> list[tuple[str, int, int]]:
    """``(rule, errors, warnings)`` for each rule that found something: errors first, then the most found."""
    counts: dict[str, list[int]] = {}
    for finding in findings:
        counts.setdefault(finding.rule, [0, 0])[finding.severity != "error"] += 1
    return sorted(((rule, errors, warnings) for rule, (errors, warnings) in counts.items()),
                  key=lambda row: (-row[1], -row[2], row[0]))


def rule_lines(findings: Sequence[Finding], titles: Mapping[str, str] | None = None) -> list[str]:
    """What each rule found, a line each, when more than one rule found something (whatever found it,
    with ``titles``: each rule's line then ends with what the rule finds).

    On a plan of thousands of posts the findings run to pages: the counts
    by rule say where to start (and which rule to tune in ``checks:``).
    """
    rows = by_rule(findings)
    if len(rows) < (1 if titles else 2):
        return []
    width = max(len(rule) for rule, _, _ in rows)
    said = {}
    for rule, errors, warnings in rows:
        counts = [say_count(errors, "{count} error", "{count} errors")] if errors else []
        counts += [say_count(warnings, "{count} warning", "{count} warnings")] if warnings else []
        said[rule] = ", ".join(spoken(c) for c in counts)
    lines = [spoken(say("by rule:"))]
    if not titles:
        return lines + [f"  {rule:{width}}  {counts}" for rule, counts in said.items()]
    counted = max(len(counts) for counts in said.values())
    return lines + [f"  {rule:{width}}  {counts:{counted}}  {spoken(say(titles[rule]))}"
                    for rule, counts in said.items()]


def summary_text(findings: Sequence[Finding], titles: Mapping[str, str]) -> str:
    """``edcal check --summary``: the counts by rule, each with what its rule finds, the summary line and
    how to list one rule's findings (the rule's own command when one found all; none when nothing was found);
    not the findings, which run to thousands of lines on a big plan."""
    lines = rule_lines(findings, titles)
    if lines:
        lines.append("")
    lines.append(summary_line(findings))
    rules = {rule for rule, _, _ in by_rule(findings)}
    if len(rules) == 1:
        lines.append(spoken(say("`edcal check --only {rule}` lists its findings", rule=rules.pop())))
    elif rules:
        lines.append(spoken(say("`edcal check --only RULE` lists the findings of one rule")))
    return "\n".join(lines) + "\n"


def text(findings: Sequence[Finding], style: Callable[..., str] | None = None,
         summary: Sequence[Finding] | None = None) -> str:
    """``path:line:col: severity: message [rule]`` and a hint line, grouped by file, then the counts by
    rule and a summary.

    :param summary: the findings the summary line counts, when not only those shown (``-q``).
    """
    lines = finding_lines(findings, style)
    if lines:
        lines.append("")
    counted = findings if summary is None else summary
    lines += rule_lines(counted)
    lines.append(summary_line(counted))
    return "\n".join(lines) + "\n"


def finding_lines(findings: Sequence[Finding], style: Callable[..., str] | None = None) -> list[str]:
    """``path:line:col: severity: message [rule]`` and a hint line for each finding, files apart."""

    def paint(value: str, **kwargs: object) -> str:
        return style(value, **kwargs) if style else value

    lines: list[str] = []
    previous = None
    for finding in findings:
        source = finding.source
        if previous is not None and source.path != previous:
            lines.append("")
        previous = source.path
        color = "red" if finding.severity == "error" else "yellow"
        lines.append(f"{paint(f'{shown_path(source.path)}:{source.line}:{source.column}', bold=True)}: "
                     f"{paint(finding.severity, fg=color, bold=True)}: "
                     f"{one_line(shown_paths_in(spoken(finding.message)))} "
                     f"{paint(f'[{finding.rule}]', dim=True)}")
        if finding.hint:
            lines.append(f"    hint: {one_line(shown_paths_in(spoken(finding.hint)))}")
    return lines


#: Line breaks, as a text quoted in a message may hold them (a first comment, a content warning, a title).
_LINE_BREAKS = re.compile("\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def one_line(text: str) -> str:
    """A message on its line: a line break of the team's text quoted in it is shown as ``↵``. It began a
    line of its own, which a reader took for another finding, and a CI runner for a command of its own
    (``::error::``, ``::add-mask::``)."""
    return _LINE_BREAKS.sub(" ↵ ", text)


def as_json(findings: Sequence[Finding], strict: bool = False) -> str:
    errors, warnings = count(findings)
    document = {
        "findings": [
            {
                "rule": f.rule,
                "severity": f.severity,
                "message": spoken(f.message),
                "file": f.source.path,
                "line": f.source.line,
                "column": f.source.column,
                "item": f.item,
                "hint": spoken(f.hint) if f.hint else None,
                "data": {key: _data_value(value) for key, value in f.data} if f.data else None,
            }
            for f in findings
        ],
        "summary": {"errors": errors, "warnings": warnings, "exit_code": exit_code(findings, strict),
                    "rules": {rule: {"errors": e, "warnings": w} for rule, e, w in by_rule(findings)}},
    }
    return _dumps(document)


def _data_value(value: Any) -> Any:
    """A value of a finding's ``data`` as JSON holds it: figures by name an object, texts a list."""
    if isinstance(value, tuple):
        return list(value) if all(isinstance(part, str) for part in value) and value else dict(value)
    return value


def _dumps(document: dict[str, Any]) -> str:
    """``json.dumps(document, ensure_ascii=False, indent=2)``, byte for byte, for findings.

    With ``indent``, the json module encodes in Python; thousands of findings
    took 0.2 s. Each value here is text, a number, null or a mapping of those
    (a finding's ``data``), encoded by the module's C string encoder.
    """

    def mapping(values: dict[str, Any], indent: str) -> str:
        inner = indent + "  "
        # Plain text and null, most of a finding's values, written at once: a call less each (0.02 s of
        # 11,219 findings).
        fields = ",\n".join([f"{inner}{_string(key)}: "
                              + (_string(value) if type(value) is str else "null" if value is None else
                                 mapping(value, inner) if isinstance(value, dict) else
                                 listing(value, inner) if isinstance(value, list) else _scalar(value))
                              for key, value in values.items()])
        return f"{{\n{fields}\n{indent}}}" if values else "{}"

    def listing(values: list[Any], indent: str) -> str:
        inner = indent + "  "
        listed = ",\n".join(inner + _scalar(value) for value in values)
        return f"[\n{listed}\n{indent}]" if values else "[]"

    findings = document["findings"]
    listed = ",\n".join("    " + mapping(finding, "    ") for finding in findings)
    return (f'{{\n  "findings": {f"[{chr(10)}{listed}{chr(10)}  ]" if findings else "[]"},\n'
            f'  "summary": {mapping(document["summary"], "  ")}\n}}\n')


_string = json.encoder.encode_basestring  # type: ignore[attr-defined]


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float) and math.isfinite(value):  # an objective's `target: 2.5`
        return float.__repr__(value)
    if isinstance(value, str):
        return _string(value)
    raise TypeError(f"a finding's value must be text, a number or null, not {type(value).__name__}")


def github(findings: Sequence[Finding], folder: str = "") -> str:
    """One workflow command per finding: ``::error file=…,line=…,col=…,title=…::message``.

    :param folder: the site's folder in the repository (``blog/``): GitHub reads ``file=``
        from the repository's root, the findings' paths are the site's.
    """
    # GitHub shows 10 annotations of each kind per step: the errors, which fail the run, come first.
    lines = [github_command(f.severity, f.rule, spoken(f.message) + (f"\n{spoken(f.hint)}" if f.hint else ""),
                            f.source, folder)
             for f in sorted(findings, key=lambda f: f.severity != "error")]
    lines.append(github_command("notice", "edcal check", "\n".join([summary_line(findings),
                                                                    *rule_lines(findings)])))
    return "\n".join(lines) + "\n"


def github_command(kind: str, title: str, message: str, source: Source | None = None,
                   folder: str = "") -> str:
    """A workflow command (``::warning file=…,line=…,col=…,title=…::message``), at a site file's line
    when it has one.

    :param folder: the site's folder in the repository (``blog/``): GitHub reads ``file=``
        from the repository's root, the site's paths are the site's.
    """
    where = ""
    if source is not None and source.in_file:
        where = (f"file={_property(_in_repository(folder, source.path))},line={source.line},"
                 f"col={source.column},")
    return f"::{kind} {where}title={_property(title)}::{_data(message)}"


def input_errors_json(errors: Sequence[InputError]) -> str:
    """Input errors as findings; an error in an option, a setting or the environment has no file."""
    document = {
        "findings": [
            {"rule": "invalid-input", "severity": "error", "message": _message(e),
             "file": e.source.path if e.source.in_file else None,
             "line": e.source.line if e.source.in_file else None,
             "column": e.source.column if e.source.in_file else None, "item": None,
             "hint": spoken(e.hint) if e.hint else None,
             "data": None}
            for e in errors
        ],
        "summary": {"errors": len(errors), "warnings": 0, "exit_code": EXIT_INPUT,
                    "rules": {"invalid-input": {"errors": len(errors), "warnings": 0}}},
    }
    return _dumps(document)


def input_errors_github(errors: Sequence[InputError], folder: str = "") -> str:
    """One annotation per error, on its file and line when it has one (not on ``--since``)."""
    return "".join(github_command("error", "invalid-input",
                                  _message(e) + (f"\n{spoken(e.hint)}" if e.hint else ""), e.source,
                                  folder) + "\n"
                   for e in errors)


def repository_folder(site: Path) -> str:
    """The site's folder relative to the repository's root, with a final ``/``; ``""`` for the root itself
    or a site outside it.

    The root is the nearest folder holding ``.git`` above the site (or the site itself): a repository
    checked out into a folder of the workspace (``actions/checkout`` with ``path:``) has its root there,
    not at ``$GITHUB_WORKSPACE``. Outside git, ``$GITHUB_WORKSPACE``, else the current folder.
    """
    here = site.resolve()
    root = next((parent for parent in (here, *here.parents) if (parent / ".git").exists()), None)
    if root is None:
        root = Path(os.environ.get("GITHUB_WORKSPACE") or Path.cwd()).resolve()
    try:
        relative = site.resolve().relative_to(root).as_posix()
    except ValueError:
        return ""
    return "" if relative == "." else relative + "/"


def _in_repository(folder: str, path: str) -> str:
    """A site file's path from the repository's root; an absolute path stays as it is."""
    if not folder or path.startswith("/"):
        return path
    return posixpath.normpath(folder + path)


def _message(error: InputError) -> str:
    """The message, named after its option, setting or variable when it is not in a file."""
    message = spoken(error.message)
    return message if error.source.in_file else f"{error.source.path}: {message}"


def _data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")
