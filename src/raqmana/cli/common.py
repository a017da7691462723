"""Helpers shared by CLI commands: output in JSON or rich text, problem reporting, the --lang option.

Text that comes from the user or from a message catalogue is printed with :func:`esc` (or with
``markup=False``): Rich would otherwise read ``[...]`` inside a message as markup and swallow it.
"""

from __future__ import annotations

import json
import sys
from typing import Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape

from raqmana.i18n.catalog import ui
from raqmana.i18n.locales import LOCALES
from raqmana.problems import Problem, split

#: the languages of messages, in the order they are offered
LANG_CODES: tuple[str, ...] = ("ar", "ckb", "en")
_ALIASES = {"ku": "ckb", "sorani": "ckb", "kurdish": "ckb", "arabic": "ar", "english": "en"}


class _Console(Console):
    """A console that word-wraps for a terminal but never hard-wraps a pipe or a file.

    Rich wraps at 80 columns when the output is not a terminal, which breaks sentences in logs
    ("13 enablers, 81 ⏎ indicators"); there the lines are left whole (soft wrap).
    """

    @property
    def soft_wrap(self) -> bool:
        return not self.is_terminal

    @soft_wrap.setter
    def soft_wrap(self, value: bool) -> None:  # Console.__init__ assigns it; the property decides
        pass


def _plain_flags_in_help() -> None:
    """Show a flag as ``--help``/``--json`` in help, not ``--help <bool>``.

    Newer Typer versions (0.2x, with their own copy of Click) print every option's type in the help
    table, flags included; a flag takes no value, so its type column is left empty, as older Typer did.
    """
    try:
        from typer.core import TyperOption
    except ImportError:  # pragma: no cover - a Typer without its own option class
        return
    original = getattr(TyperOption, "display_type_rich", None)
    if original is None or getattr(original, "raqmana_plain_flags", False):
        return

    def display_type_rich(self: Any, ctx: Any) -> str | None:
        if getattr(self, "is_flag", False) and not getattr(self, "count", False):
            return None
        result: str | None = original(self, ctx)
        return result

    display_type_rich.raqmana_plain_flags = True  # type: ignore[attr-defined]
    TyperOption.display_type_rich = display_type_rich  # type: ignore[method-assign]


_plain_flags_in_help()

console: Console = _Console()
err_console: Console = _Console(stderr=True)


def esc(text: object) -> str:
    """``text`` made safe to print through Rich markup (``[...]`` is shown as written)."""
    return escape(str(text))


def known_lang(value: str | None) -> str | None:
    """``ar``, ``ckb`` or ``en`` for a language code or alias (``ku``, ``ar-IQ``, ``ckb_IQ``…); None if unknown."""
    if not value:
        return None
    code = value.strip().lower().replace("_", "-")
    if code in LOCALES:
        return code
    base = code.split("-")[0]
    base = _ALIASES.get(base, base)
    return base if base in LOCALES else None


def check_lang(value: str) -> str:
    """Typer callback of ``--lang``: refuse a language raqmana does not speak (exit 2), in all three languages."""
    code = known_lang(value)
    if code is None:
        from raqmana.cli import errors as E

        known = ui("ar, ckb or en").as_dict()
        problem = Problem(E.UNKNOWN_LANG, params={"value": value, "known": known})
        raise typer.BadParameter("\n".join(problem.message(lang) for lang in ("en", "ar", "ckb")))
    return code


def lang_from_argv(argv: list[str]) -> str:
    """The --lang/-l value of a command line (for messages printed before Typer parsed it), else ``en``."""
    for i, arg in enumerate(argv):
        if arg in ("--lang", "-l") and i + 1 < len(argv):
            return known_lang(argv[i + 1].split(",")[0]) or "en"
        if arg.startswith("--lang="):
            return known_lang(arg.split("=", 1)[1].split(",")[0]) or "en"
    return "en"


LangOption = typer.Option(
    "en", "--lang", "-l", callback=check_lang, help="Language of messages: ar, ckb or en."
)
JsonOption = typer.Option(False, "--json", help="Print machine-readable JSON.")


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def say(lang: str, key: str, /, **params: Any) -> None:
    """Print the catalogue message ``key`` (see :mod:`raqmana.cli.messages`) in ``lang``."""
    from raqmana.cli.messages import text

    console.print(text(lang, key, **params), markup=False, highlight=False)


def report_problems(problems: list[Problem], lang: str) -> None:
    from raqmana.cli.messages import text

    errors, warnings = split(problems)
    for p in errors:
        err_console.print(f"[red]{esc(text(lang, 'error'))}[/red] {esc(p.render(lang))}", highlight=False)
    for p in warnings:
        err_console.print(
            f"[yellow]{esc(text(lang, 'warning'))}[/yellow] {esc(p.render(lang))}", highlight=False
        )


def fail(problems: list[Problem], lang: str, *, as_json: bool = False) -> NoReturn:
    """Report ``problems`` and exit with code 2 (bad input)."""
    if as_json:
        errors, warnings = split(problems)
        print_json(
            {
                "ok": False,
                "errors": [p.as_dict(lang) for p in errors],
                "warnings": [p.as_dict(lang) for p in warnings],
            }
        )
    else:
        report_problems(problems, lang)
    raise typer.Exit(code=2)
