"""``raqmana org`` — the organisation tree: import a CSV/XLSX list, load the Iraqi seed list, list it."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import typer
from rich.table import Table

from raqmana.cli.common import JsonOption, LangOption, console, esc, fail, print_json, report_problems, say
from raqmana.cli.messages import MESSAGES, text
from raqmana.cli.workspace_support import workspace
from raqmana.problems import Location, Problem
from raqmana.workspace import errors as E
from raqmana.workspace.actors import cli_actor
from raqmana.workspace.org_import import import_organisations
from raqmana.workspace.orgs import list_organisations, seed_iraq
from raqmana.workspace.views import OrgImportReport

app = typer.Typer(help="Organisations (ministries, agencies, governorates, units).", no_args_is_help=True)


def _report(report: OrgImportReport, lang: str, as_json: bool) -> None:
    if as_json:
        print_json(
            {
                "ok": True,
                "created": report.created,
                "updated": report.updated,
                "unchanged": report.unchanged,
                "warnings": [p.as_dict(lang) for p in report.warnings],
            }
        )
        return
    report_problems(report.warnings, lang)
    say(lang, "org.report", created=report.created, updated=report.updated, unchanged=report.unchanged)


@app.command("import")
def import_(
    file: Path = typer.Argument(
        ...,
        help="A .csv or .xlsx file with the columns code, kind, parent_code, name_en, name_ar, name_ckb, …",
    ),
    lang: str = LangOption,
    as_json: bool = JsonOption,
) -> None:
    """Create or update organisations from FILE — all or nothing, with located errors."""
    if not file.is_file():
        fail(
            [
                Problem(
                    E.ORG_FILE_UNREADABLE, Location(file=str(file)), {"detail": MESSAGES["org.file_missing"]}
                )
            ],
            lang,
            as_json=as_json,
        )
    data = file.read_bytes()
    with workspace(lang, as_json=as_json) as ws, ws.transaction() as s:
        report = import_organisations(s, cli_actor(), data=data, filename=file.name)
    _report(report, lang, as_json)


@app.command()
def seed(lang: str = LangOption, as_json: bool = JsonOption) -> None:
    """Load the Iraqi institutions shipped with raqmana (ministries, bodies, governorates)."""
    with workspace(lang, as_json=as_json) as ws, ws.transaction() as s:
        report = seed_iraq(s, cli_actor())
    _report(report, lang, as_json)


@app.command("list")
def list_(lang: str = LangOption, as_json: bool = JsonOption) -> None:
    """List the organisation tree."""
    with workspace(lang, as_json=as_json) as ws, ws.reader() as s:
        orgs = list_organisations(s)
    if as_json:
        print_json([{**asdict(o), "name": o.name.model_dump()} for o in orgs])
        return
    table = Table(text(lang, "h.code"), text(lang, "h.kind"), text(lang, "h.name"), "ISO 3166-2")
    for o in orgs:
        table.add_row(esc("  " * o.depth + o.code), esc(o.kind), esc(o.name.get(lang)), esc(o.iso_3166_2))
    console.print(table)
