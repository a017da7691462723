"""``raqmana audit`` — check that the audit log was not edited or cut."""

from __future__ import annotations

import typer

from raqmana.cli.common import JsonOption, LangOption, err_console, esc, print_json, say
from raqmana.cli.messages import text
from raqmana.cli.workspace_support import workspace
from raqmana.workspace.audit import verify_audit

app = typer.Typer(help="The append-only, hash-chained audit log.", no_args_is_help=True)


@app.command()
def verify(lang: str = LangOption, as_json: bool = JsonOption) -> None:
    """Recompute the hash chain; exit 1 and name each broken event if a row was edited or deleted."""
    with workspace(lang, as_json=as_json) as ws, ws.reader() as s:
        report = verify_audit(s)
    if as_json:
        print_json(report.as_dict())
    elif report.ok:
        say(lang, "audit.ok", checked=report.checked, last_seq=report.last_seq)
    else:
        for b in report.breaks:
            line = text(
                lang,
                "audit.broken",
                event=b.event_id if b.event_id is not None else "-",
                seq=b.seq,
                kind=b.kind,
                detail=b.detail,
            )
            err_console.print(f"[red]{esc(line)}[/red]", highlight=False)
    if not report.ok:
        raise typer.Exit(1)
