"""click's help pages (``edcal --help``, ``edcal check --help``) in the language of the site's team.

The help stays in English in the code (the commands' docstrings, ``help=``, ``epilog=``) and is said
in the team's language when it is shown, as every message is (:func:`edcal.i18n.spoken`): each
paragraph of a command's help, its epilog and each option's help is looked up in the catalogue
(translations/fr/help.yaml, keys written on one line; the example commands of an epilog are shown as
typed, or as the catalogue writes them where they hold words, a title or a name), and so are click's own
words ("Usage:", "Options:", "[default: text]"). click still lays the page out: a translation's no-break
spaces (:func:`edcal.i18n.typeset`) keep "Options :" and "par défaut : text" on one line.

The hooks are click's documented ones, for edcal's commands only: a command class
(:class:`TranslatedHelp`) whose ``format_*`` methods translate before click wraps, and a context whose
formatter (:class:`HelpFormatter`) writes the usage line and the headings. Why not click's gettext
hook: click calls the process-wide :func:`gettext.gettext` (as for usage errors, :mod:`edcal._usage`),
where the language is the team's, known once the site's settings are read.
"""

from __future__ import annotations

import inspect

import click

from edcal.i18n import say, spoken

#: click's own words on a help page (headings are said with their colon). Each needs its translation.
CLICK_WORDS = ("Usage:", "Options:", "Commands:", "Positional arguments:", "default: {default}", "required",
               "env var: {var}", "{min} to {max}", "{first}; {then}")


def _blocks(text: str | None) -> list[str]:
    """What click shows of a help text (up to a form feed), by paragraph."""
    if not text:
        return []
    shown = inspect.cleandoc(text).partition("\f")[0]
    return [block for block in shown.split("\n\n") if block.strip()]


def _examples(block: str) -> list[str] | None:
    """The lines of click's ``\\b`` block, which click shows as written: a label ("Examples:"), then
    example commands, typed as they are (not translated, one a line, to copy); None for a paragraph."""
    lines = block.lstrip(" ").split("\n")
    return lines[1:] if lines[0] == "\b" and len(lines) > 1 else None


def example_commands(text: str | None) -> list[str]:
    """A help text's example commands, as typed (an English site's title, tags): the catalogue gives the
    team's words for those that hold some."""
    return [line.strip() for block in _blocks(text) for line in (_examples(block) or [])[1:]]


def paragraphs(text: str | None) -> list[str]:
    """A help text's words to translate, each paragraph (or examples' label) on one line as the
    catalogue's keys are."""
    return [" ".join(examples[0].split()) if (examples := _examples(block)) else " ".join(block.split())
            for block in _blocks(text)]


def help_text(text: str | None) -> str:
    """A help text in the language spoken, paragraph by paragraph; example commands as they are, or with
    their words (a title, a category) in the language spoken."""
    shown = []
    for block in _blocks(text):
        examples = _examples(block)
        if examples:
            commands = [line[:len(line) - len(line.lstrip())] + spoken(line.strip()) for line in examples[1:]]
            shown.append("\n".join(["\b", spoken(" ".join(examples[0].split())), *commands]))
        else:
            shown.append(spoken(" ".join(block.split())))
    return "\n\n".join(shown)


def _extras(param: click.Option, ctx: click.Context) -> str:
    """What click writes in brackets after an option's help ("default: text"), in the language spoken;
    a range as people say it ("1 to 3660", not click's "1<=x<=3660")."""
    extra = param.get_help_extra(ctx)
    items: list[str] = []
    if "envvars" in extra:
        items.append(say("env var: {var}", var=", ".join(extra["envvars"])))
    if "default" in extra:
        items.append(say("default: {default}", default=extra["default"]))
    if "range" in extra:
        kind = param.type
        if isinstance(kind, click.IntRange) and kind.min is not None and kind.max is not None \
                and not (kind.min_open or kind.max_open):
            items.append(say("{min} to {max}", min=kind.min, max=kind.max))
        else:
            items.append(extra["range"])
    if "required" in extra:
        items.append(say("required"))
    if not items:
        return ""
    joined: str = items[0]
    for item in items[1:]:
        joined = say("{first}; {then}", first=joined, then=item)
    return f"[{spoken(joined)}]"


def option_row(param: click.Parameter, ctx: click.Context) -> tuple[str, str] | None:
    """An option's line on the help page: its names, then its help and its default in the language spoken."""
    record = param.get_help_record(ctx)
    if record is None or not isinstance(param, click.Option):
        return record
    if not hasattr(param, "get_help_extra"):  # click < 8.2 words the brackets itself, in English
        return record[0], record[1].replace(param.help, help_text(param.help), 1) if param.help else record[1]
    extras = _extras(param, ctx)
    return record[0], "  ".join(part for part in (help_text(param.help), extras) if part)


def _write_paragraphs(formatter: click.HelpFormatter, text: str) -> None:
    """A help text or an epilog, indented under the usage line, as click writes them."""
    if text:
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(text)


class HelpFormatter(click.HelpFormatter):
    """click's formatter, writing "Usage:" and the headings in the language spoken."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, f"{spoken('Usage:')} " if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{spoken(heading + ':')}\n")


class HelpContext(click.Context):
    formatter_class = HelpFormatter


class TranslatedHelp(click.Command):
    """A command whose help page speaks the team's language: click's layout, edcal's words."""

    context_class = HelpContext

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        _write_paragraphs(formatter, help_text(self.help))

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [row for param in self.get_params(ctx) if not isinstance(param, click.Argument)
                if (row := option_row(param, ctx)) is not None]
        if rows:
            with formatter.section("Options"):
                formatter.write_dl(rows)
        if isinstance(self, click.Group):  # click's group lists its commands after its options
            self.format_commands(ctx, formatter)

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        _write_paragraphs(formatter, help_text(self.epilog))

    def get_short_help_str(self, limit: int = 45) -> str:
        """The command's line in ``edcal --help``: its help's first paragraph, whole. click cut it at
        ``limit`` characters ("Show what is coming: posts, articles, deadlines, as a..."), mid-phrase."""
        first = paragraphs(self.short_help or self.help)[:1]
        return spoken(first[0]) if first else ""

