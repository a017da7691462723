"""Entry point of the ``raqmana`` command: a Typer app with one sub-app per domain."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from raqmana.problems import Problem
    from raqmana.settings import SettingsError


def _new_app() -> typer.Typer:
    new = typer.Typer(
        name="raqmana",
        help="raqmana — assess public-sector digital maturity and plan the digital transformation roadmap.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
    )

    @new.callback()
    def _root() -> None:
        """raqmana — assess public-sector digital maturity and plan the digital transformation roadmap."""

    return new


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
    ("services", "raqmana.cli.services"),
    ("survey", "raqmana.cli.survey"),
    ("documents", "raqmana.cli.documents"),
    ("webhook", "raqmana.cli.exchange"),
    ("consultation", "raqmana.cli.consultations"),
]
# (module, function name) registered as top-level commands
COMMANDS: list[tuple[str, str]] = [
    ("raqmana.cli.demo", "demo"),
    ("raqmana.cli.report", "report"),
    ("raqmana.cli.serve", "serve"),
    ("raqmana.cli.worker", "worker"),
    ("raqmana.cli.backup", "backup"),
    ("raqmana.cli.backup", "restore"),
]


def build_app(only: str | None = None) -> typer.Typer:
    """The command line with every sub-app, or with ``only`` the one being run (a fast start)."""
    new = _new_app()
    for name, module in SUBCOMMANDS:
        if only is None or only == name:
            new.add_typer(importlib.import_module(module).app, name=name)
    for module, func in COMMANDS:
        name = func.replace("_", "-")
        if only is None or only == name:
            new.command(name=name)(getattr(importlib.import_module(module), func))
    return new


_full: typer.Typer | None = None


def __getattr__(name: str) -> typer.Typer:
    """``raqmana.cli.main.app`` — the full command line, built on first use."""
    global _full
    if name != "app":
        raise AttributeError(name)
    if _full is None:
        _full = build_app()
    return _full


def settings_problems(exc: SettingsError) -> list[Problem]:
    """The problems of settings that cannot be used, in the catalogue's words."""
    from raqmana.cli import errors as E
    from raqmana.problems import Problem

    found: list[Problem] = []
    for name, reason in exc.problems:
        if "SECRET_KEY" in reason or name == "secret_key":
            found.append(Problem(E.NO_PRODUCTION_SECRET))
            continue
        if name == "settings" and reason.startswith("RAQMANA_"):  # a rule across settings names its own
            first, _, rest = reason.partition(" ")
            name, reason = first.removeprefix("RAQMANA_"), rest
        found.append(Problem(E.BAD_SETTING, params={"name": name.upper(), "reason": reason.rstrip(".")}))
    return found


def main() -> None:
    import os
    import sys

    # one BLAS thread per process: the scoring engine's matrix work is small and many-threaded OpenBLAS
    # stalls on a busy machine (a 900 × 100 build with 1,000 Monte Carlo runs took 7 s with one thread
    # and 9–20 s with the default); the web workers and job workers are already one process per core
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")

    from raqmana.cli.common import lang_from_argv
    from raqmana.cli.help_lang import use_language
    from raqmana.settings import SettingsError

    use_language(lang_from_argv(sys.argv))  # Typer's own words (usage, help, usage errors) follow --lang
    known = {n for n, _ in SUBCOMMANDS} | {f.replace("_", "-") for _, f in COMMANDS}
    first = next((a for a in sys.argv[1:] if not a.startswith("-")), None)
    try:
        build_app(first if first in known else None)(prog_name="raqmana")  # also under python -m
    except SettingsError as exc:  # e.g. production without a secret: say which setting, no traceback
        from raqmana.cli.common import lang_from_argv, report_problems

        report_problems(settings_problems(exc), lang_from_argv(sys.argv))
        raise SystemExit(2) from None
    except OSError as exc:  # a path that can't be read or written: say which, no traceback
        import errno

        from raqmana.cli import errors as E
        from raqmana.cli.common import lang_from_argv, report_problems
        from raqmana.problems import Problem

        reason = E.OS_REASONS.get(exc.errno or 0) or str(exc.strerror or exc)
        path = str(exc.filename) if exc.filename else "—"
        in_the_way = (
            E.file_in_the_way(path) if exc.filename and exc.errno in (errno.EEXIST, errno.ENOTDIR) else None
        )
        found = (
            Problem(E.NOT_A_FOLDER, params={"path": path, "file": str(in_the_way)})
            if in_the_way
            else Problem(E.CANNOT_USE_PATH, params={"path": path, "reason": reason})
        )
        report_problems([found], lang_from_argv(sys.argv))
        raise SystemExit(2) from None
    except Exception as exc:
        # a database of a newer raqmana (nothing was changed); the migrations module is loaded only by the
        # commands that open the database, so it is looked up, not imported, here
        migrate = sys.modules.get("raqmana.store.migrate")
        if migrate is None or not isinstance(exc, migrate.SchemaTooNew):
            raise
        from raqmana.cli import errors as E
        from raqmana.cli.common import lang_from_argv, report_problems
        from raqmana.problems import Problem

        found = Problem(E.SCHEMA_TOO_NEW, params={"revision": exc.revision, "head": migrate.head_revision()})
        report_problems([found], lang_from_argv(sys.argv))
        raise SystemExit(2) from None
