"""Helpers shared by CLI commands: output in JSON or rich text, and problem reporting."""

from __future__ import annotations

import json
import sys
from typing import Any, NoReturn

import typer
from rich.console import Console

from raqmana.problems import Problem, split

console = Console()
err_console = Console(stderr=True)

LangOption = typer.Option("en", "--lang", "-l", help="Language of messages: ar, ckb or en.")
JsonOption = typer.Option(False, "--json", help="Print machine-readable JSON.")


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def report_problems(problems: list[Problem], lang: str) -> None:
    errors, warnings = split(problems)
    for p in errors:
        err_console.print(f"[red]error[/red] {p.render(lang)}", highlight=False, markup=True, soft_wrap=True)
    for p in warnings:
        err_console.print(f"[yellow]warning[/yellow] {p.render(lang)}", highlight=False, soft_wrap=True)


def fail(problems: list[Problem], lang: str, *, as_json: bool = False) -> NoReturn:
    """Report ``problems`` and exit with code 2 (bad input)."""
    if as_json:
        errors, warnings = split(problems)
        print_json({"ok": False, "errors": [p.as_dict(lang) for p in errors],
                    "warnings": [p.as_dict(lang) for p in warnings]})
    else:
        report_problems(problems, lang)
    raise typer.Exit(code=2)
