"""Typer and Click's own words (usage, panel titles, the help option, usage errors) in the ``--lang`` language.

Typer ships its own copy of Click with these texts written in English, and reads a few through gettext
once at import time. :func:`use_language` installs small hooks (once per process) that look the texts up
in raqmana's catalogues for the language chosen; ``use_language("en")`` restores the English texts.
The language is read from the command line before Typer parses it, so ``--help`` and a usage error
follow ``--lang`` wherever it stands.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from raqmana.i18n import gettext
from raqmana.i18n.catalog import N_ as N_  # re-exported: commands mark their texts with it

_state: dict[str, Any] = {"lang": "en", "installed": False, "english": {}}


#: texts typer.core passes through its ``_`` (help without Rich, missing or unknown command)
TYPER_CORE_TEXTS = (
    N_("(dynamic)"),
    N_("Aborted!"),
    N_("default: {default}"),
    N_("required"),
    N_("env var: {var}"),
    N_("Arguments"),
    N_("Options"),
    N_("Commands"),
    N_("Missing command."),
    N_("No such command {name!r}."),
)


def _(message: str) -> str:
    """``message`` in the current language (typer's ``_`` calls land here)."""
    return gettext(_state["lang"], message)


def _texts(lang: str) -> dict[str, str]:
    """Typer's fixed strings (``typer.rich_utils`` constants) in ``lang``."""
    return {
        "DEPRECATED_STRING": gettext(lang, "(deprecated) "),
        "DEFAULT_STRING": gettext(lang, "[default: {}]"),
        "ENVVAR_STRING": gettext(lang, "[env var: {}]"),
        "REQUIRED_LONG_STRING": gettext(lang, "[required]"),
        "ARGUMENTS_PANEL_TITLE": gettext(lang, "Arguments"),
        "OPTIONS_PANEL_TITLE": gettext(lang, "Options"),
        "COMMANDS_PANEL_TITLE": gettext(lang, "Commands"),
        "ERRORS_PANEL_TITLE": gettext(lang, "Error"),
        "ABORTED_TEXT": gettext(lang, "Aborted."),
        "RICH_HELP": gettext(lang, "Try [blue]'{command_path} {help_option}'[/] for help."),
    }


def _error_patterns(lang: str) -> list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]]:
    """Click's usage-error sentences, each with the translated sentence to put in its place."""

    def sub(m: re.Match[str], key: str) -> str:
        return translate_error(m.group(key), lang)

    return [
        (
            re.compile(r"Missing (?:option|parameter) (?P<name>.+)\.(?: (?P<rest>.*))?", re.S),
            lambda m: (
                gettext(lang, "Missing option {name}.", name=m["name"])
                + (" " + m["rest"] if m["rest"] else "")
            ),
        ),
        (
            re.compile(r"Missing argument (?P<name>.+)\.(?: (?P<rest>.*))?", re.S),
            lambda m: (
                gettext(lang, "Missing argument {name}.", name=m["name"])
                + (" " + m["rest"] if m["rest"] else "")
            ),
        ),
        (
            re.compile(r"No such option: (?P<name>\S+) \(Possible options: (?P<options>.+)\)"),
            lambda m: gettext(
                lang,
                "No such option: {name} (possible options: {options})",
                name=m["name"],
                options=m["options"],
            ),
        ),
        (
            re.compile(r"No such option: (?P<name>\S+)"),
            lambda m: gettext(lang, "No such option: {name}", name=m["name"]),
        ),
        (
            re.compile(r"Got unexpected extra argument(?:s|\(s\))? \((?P<args>.*)\)", re.S),
            lambda m: gettext(lang, "Got unexpected extra argument(s) ({args})", args=m["args"]),
        ),
        (
            re.compile(r"Option (?P<name>'[^']+') requires (?:an argument|\d+ arguments)\."),
            lambda m: gettext(lang, "Option {name} requires a value.", name=m["name"]),
        ),
        (
            re.compile(r"Option (?P<name>'[^']+') does not take a value\."),
            lambda m: gettext(lang, "Option {name} does not take a value.", name=m["name"]),
        ),
        (
            re.compile(r"Invalid value for (?P<name>.+?): (?P<reason>.*)", re.S),
            lambda m: gettext(
                lang, "Invalid value for {name}: {reason}", name=m["name"], reason=sub(m, "reason")
            ),
        ),
        (
            re.compile(r"(?:Value )?(?P<value>'.*') is not a valid (?P<kind>\w+)\."),
            lambda m: gettext(lang, "{value} is not a valid value of this option.", value=m["value"]),
        ),
        (
            re.compile(r"(?P<value>'.*') is not one of (?P<choices>.+)\.", re.S),
            lambda m: gettext(
                lang, "{value} is not one of {choices}.", value=m["value"], choices=m["choices"]
            ),
        ),
        (
            re.compile(r"(?:File|Directory|Path) (?P<value>'.*') does not exist\."),
            lambda m: gettext(lang, "{value} does not exist.", value=m["value"]),
        ),
    ]


def translate_error(message: str, lang: str) -> str:
    """A Click usage-error sentence in ``lang`` (left as it is when no pattern knows it)."""
    if lang == "en":
        return message
    for pattern, render in _error_patterns(lang):
        m = pattern.fullmatch(message)
        if m:
            return render(m)
    return message


def _install() -> None:
    from typer import core as typer_core
    from typer import rich_utils
    from typer._click import core as click_core
    from typer._click import formatting

    _state["english"] = {name: getattr(rich_utils, name) for name in _texts("en")}
    typer_core._ = _  # type: ignore[attr-defined]
    rich_utils._ = _  # type: ignore[attr-defined]

    write_usage = formatting.HelpFormatter.write_usage

    def write_usage_in_lang(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        if prefix is None and _state["lang"] != "en":
            prefix = gettext(_state["lang"], "Usage:") + " "
        write_usage(self, prog, args, prefix)

    formatting.HelpFormatter.write_usage = write_usage_in_lang  # type: ignore[method-assign]

    get_help_option = click_core.Command.get_help_option

    def get_help_option_in_lang(self: Any, ctx: Any) -> Any:
        option = get_help_option(self, ctx)
        if option is not None:
            option.help = gettext(_state["lang"], "Show this message and exit.")
        return option

    click_core.Command.get_help_option = get_help_option_in_lang  # type: ignore[method-assign]

    format_error = rich_utils.rich_format_error

    def format_error_in_lang(self: Any) -> None:
        if _state["lang"] != "en":
            english = type(self).format_message(self)
            self.format_message = lambda: translate_error(english, _state["lang"])
        format_error(self)

    rich_utils.rich_format_error = format_error_in_lang
    _state["installed"] = True


def use_language(lang: str) -> None:
    """Show Typer's and Click's own texts in ``lang`` from now on (``en`` restores English)."""
    if not _state["installed"]:
        if lang == "en":
            return
        _install()
    from typer import rich_utils

    _state["lang"] = lang
    texts = _state["english"] if lang == "en" else _texts(lang)
    for name, value in texts.items():
        setattr(rich_utils, name, value)
