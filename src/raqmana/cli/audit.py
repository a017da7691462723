"""``raqmana audit`` — check that the audit log was not edited or cut."""

from __future__ import annotations

import typer

from raqmana.cli.common import JsonOption, console, err_console, print_json
from raqmana.cli.workspace_support import workspace
from raqmana.workspace.audit import verify_audit

app = typer.Typer(help="The append-only, hash-chained audit log.", no_args_is_help=True)


@app.command()
def verify(as_json: bool = JsonOption) -> None:
    """Recompute the hash chain; exit 1 and name each broken event if a row was edited or deleted."""
    with workspace(as_json=as_json) as ws, ws.reader() as s:
        report = verify_audit(s)
    if as_json:
        print_json(report.as_dict())
    elif report.ok:
        console.print(f"audit log intact: {report.checked} events, last seq {report.last_seq}")
    else:
        for b in report.breaks:
            err_console.print(f"[red]broken[/red] event {b.event_id if b.event_id is not None else '-'} "
                              f"(seq {b.seq}): {b.kind}: {b.detail}", highlight=False)
    if not report.ok:
        raise typer.Exit(1)
