"""``raqmana services`` — the service catalogue and KPI observations: import and export as CSV/XLSX (all
or nothing, located errors), and the KPIs of the whole country (derived from the catalogue, and each
quarter's computed from the reported figures)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from rich.table import Table

from raqmana.cli.common import JsonOption, LangOption, console, esc, fail, print_json
from raqmana.cli.workspace_support import workspace
from raqmana.i18n import gettext
from raqmana.i18n.numbers import format_number
from raqmana.problems import Location, Problem
from raqmana.workspace import kpis, services
from raqmana.workspace.actors import cli_actor

app = typer.Typer(help="Service catalogue and KPI observations.", no_args_is_help=True)

ObservationsOption = typer.Option(
    False, "--observations", help="KPI observations (kpi, period, institution, …) instead of the catalogue."
)


def _file_missing(path: Path, lang: str, as_json: bool) -> None:
    from raqmana.metrics import errors as M

    if not path.is_file():
        fail([Problem(M.FILE_TYPE, Location(file=str(path)), {"filename": path.name})], lang, as_json=as_json)


@app.command("import")
def import_(
    file: Path = typer.Argument(..., help="A .csv or .xlsx file (as the export writes it)."),
    observations: bool = ObservationsOption,
    lang: str = LangOption,
    as_json: bool = JsonOption,
) -> None:
    """Import FILE into the catalogue (or the KPI observations): all or nothing, each problem located."""
    _file_missing(file, lang, as_json)
    data = file.read_bytes()
    use = kpis.import_observations if observations else services.import_services
    with workspace(lang, as_json=as_json) as ws, ws.transaction() as s:
        report = use(s, cli_actor(), data=data, filename=file.name)
    counts: dict[str, Any] = report.model_dump()
    if as_json:
        print_json({"ok": True, **counts})
        return
    n = {k: format_number(v, lang, decimals=0) for k, v in counts.items()}
    console.print(
        gettext(lang, "Import done: {created} created, {updated} updated, {unchanged} unchanged.", **n),
        markup=False,
        highlight=False,
    )


@app.command()
def export(
    file: Path = typer.Argument(..., help="Where to write: a .csv or .xlsx file."),
    observations: bool = ObservationsOption,
    lang: str = LangOption,
    as_json: bool = JsonOption,
) -> None:
    """Write the catalogue (or the KPI observations) to FILE, in a form that imports back unchanged."""
    fmt = file.suffix.lower().lstrip(".")
    if fmt not in ("csv", "xlsx"):
        from raqmana.metrics import errors as M

        fail([Problem(M.FILE_TYPE, Location(file=str(file)), {"filename": file.name})], lang, as_json=as_json)
    with workspace(lang, as_json=as_json) as ws, ws.reader() as s:
        data = (
            kpis.export_observations(s, cli_actor(), fmt=fmt)
            if observations
            else services.export_services(s, cli_actor(), fmt=fmt)
        )
    file.write_bytes(data)
    if as_json:
        print_json({"ok": True, "file": str(file), "bytes": len(data)})
    else:
        console.print(gettext(lang, "Wrote {path}", path=file), markup=False, highlight=False)


@app.command("kpis")
def kpis_(lang: str = LangOption, as_json: bool = JsonOption) -> None:
    """The KPIs of the whole country: derived from the catalogue, and each quarter's from the figures."""
    with workspace(lang, as_json=as_json) as ws, ws.reader() as s:
        derived = services.catalogue_kpis(s, cli_actor())
        quarters = kpis.computed_quarters(s, cli_actor())
    if as_json:
        print_json(
            {
                "derived": derived.as_dict(),
                "quarters": [
                    {
                        "period": q.period,
                        "transactions": q.transactions,
                        "transactions_online": q.transactions_online,
                        "online_transaction_share": q.online_share,
                        "visits_avoided": q.visits_avoided,
                    }
                    for q in quarters
                ],
            }
        )
        return
    rows = [
        (
            gettext(lang, "In-person visits avoided per year"),
            format_number(derived.visits_avoided, lang, decimals=0),
        ),
        (gettext(lang, "Share of services fully online"), _share(derived.fully_online_share, lang)),
        (gettext(lang, "Once-only share of required documents"), _share(derived.once_only_share, lang)),
    ]
    table = Table(gettext(lang, "KPI"), gettext(lang, "Value"))
    for name, value in rows:
        table.add_row(esc(name), esc(value))
    console.print(table)
    if quarters:
        per = Table(
            gettext(lang, "Quarter"),
            gettext(lang, "Transactions completed"),
            gettext(lang, "Share of transactions completed online"),
            gettext(lang, "In-person visits avoided"),
        )
        for q in quarters:
            per.add_row(
                esc(q.period),
                esc(format_number(q.transactions, lang, decimals=0)),
                esc(_share(q.online_share, lang)),
                esc(format_number(q.visits_avoided, lang, decimals=0)),
            )
        console.print(per)


def _share(value: float | None, lang: str) -> str:
    from raqmana.i18n.numbers import format_percent

    return "–" if value is None else format_percent(value, lang, decimals=1)


def demo_followup(settings: Any, chain: Any, lang: str) -> dict[str, int]:
    """The demo's illustrative KPI figures, progress reports, re-plan and publication (``raqmana demo``);
    the report's "Services and unified metrics" chapter is made again with them."""
    from raqmana.workspace.factory import open_workspace
    from raqmana.workspace.followup_demo import seed_followup
    from raqmana.workspace.services_report import services_chapters

    ws = open_workspace(settings)
    try:
        added = seed_followup(ws, chain.plan.roadmap)
        with ws.reader() as s:
            fresh = services_chapters(s)
    finally:
        ws.dispose()
    kept = [c for c in chain.inputs.chapters if not getattr(c, "services_chapter", False)]
    chain.inputs.chapters = [*kept, *fresh]
    if added:
        message = gettext(
            lang,
            "Roadmap follow-up (illustrative): {observations} KPI figures over six quarters, {reports} progress "
            "reports, a re-plan and the portal published again",
            observations=format_number(added["observations"], lang, decimals=0),
            reports=format_number(added["progress_reports"], lang, decimals=0),
        )
        console.print(message, markup=False, highlight=False)
    return added
