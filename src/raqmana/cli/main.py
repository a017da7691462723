"""Entry point of the ``raqmana`` command: a Typer app with one sub-app per domain."""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="raqmana",
    help="raqmana — assess public-sector digital maturity and plan the digital transformation roadmap.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# (command name, module); each module defines ``app`` (a Typer sub-app)
SUBCOMMANDS: list[tuple[str, str]] = [
    ("framework", "raqmana.cli.framework"),
    ("indices", "raqmana.cli.indices"),
    ("db", "raqmana.cli.db"),
    ("org", "raqmana.cli.org"),
    ("user", "raqmana.cli.user"),
    ("assessment", "raqmana.cli.assessment"),
    ("audit", "raqmana.cli.audit"),
    ("index", "raqmana.cli.index"),
    ("roadmap", "raqmana.cli.roadmap"),
]
# (module, function name) registered as top-level commands
COMMANDS: list[tuple[str, str]] = [
    ("raqmana.cli.demo", "demo"),
    ("raqmana.cli.serve", "serve"),
    ("raqmana.cli.worker", "worker"),
]

for _name, _module in SUBCOMMANDS:
    app.add_typer(importlib.import_module(_module).app, name=_name)
for _module, _func in COMMANDS:
    app.command(name=_func.replace("_", "-"))(getattr(importlib.import_module(_module), _func))


def main() -> None:
    app()
