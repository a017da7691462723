"""Data exchange on the command line: ``raqmana assessment export-round|import-round`` (a round as a ZIP
with its manifest) and ``raqmana webhook`` (subscriptions to domain events and their delivery log)."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from raqmana.cli import errors as CE
from raqmana.cli.common import JsonOption, LangOption, console, esc, fail, print_json, say
from raqmana.cli.workspace_support import workspace
from raqmana.i18n.catalog import ui
from raqmana.problems import Problem
from raqmana.workspace import outbox, webhooks
from raqmana.workspace.actors import cli_actor
from raqmana.workspace.exchange import export_round
from raqmana.workspace.exchange_import import import_round

app = typer.Typer(help="Webhooks: other systems subscribed to raqmana's domain events.", no_args_is_help=True)
KIND_HELP = f"Event kind ({', '.join(outbox.KINDS)}); repeat for more."
SECRET_ONCE = ui("webhook {id} → {url}; its secret, shown this once: {secret}")


def export_round_cmd(
    assessment_id: int = typer.Argument(..., metavar="ROUND", help="The round's id (assessment list)."),
    out: Path = typer.Option(..., "--out", "-o", help="The ZIP file to write."),
    files: bool = typer.Option(False, "--files", help="Include the evidence files themselves."),
    surveys: bool = typer.Option(True, "--surveys/--no-surveys", help="Include survey submissions."),
    lang: str = LangOption,
    as_json: bool = JsonOption,
) -> None:
    """Write a round (answers, history, evidence metadata, scores, surveys) as CSV and JSON in one ZIP
    with manifest.json and datapackage.json."""
    with workspace(lang, as_json=as_json) as ws, ws.reader() as s:
        result = export_round(
            s,
            cli_actor(),
            assessment_id=assessment_id,
            blobs=ws.blobs,
            include_files=files,
            include_surveys=surveys,
        )
    target = out / result.filename if out.is_dir() else out
    target.write_bytes(result.data)
    if as_json:
        print_json({"file": str(target), "manifest": result.manifest})
    else:
        say(lang, "wrote", path=target)


def import_round_cmd(
    file: Path = typer.Argument(..., help="A ZIP written by 'assessment export-round'."),
    lang: str = LangOption,
    as_json: bool = JsonOption,
) -> None:
    """Import a round archive all or nothing: checksums, manifest and every row are checked first."""
    if not file.is_file():
        fail([Problem(CE.FILE_NOT_FOUND, params={"path": str(file)})], lang, as_json=as_json)
    with workspace(lang, as_json=as_json) as ws, ws.transaction() as s:
        report = import_round(s, cli_actor(), data=file.read_bytes(), filename=file.name, blobs=ws.blobs)
    if as_json:
        print_json(report.as_dict())
        return
    answers = report.counts.get("answers", {"created": 0, "updated": 0, "unchanged": 0})
    say(lang, "org.report", **answers)


def register(assessment: typer.Typer) -> None:
    """Add the round exchange commands to ``raqmana assessment``."""
    assessment.command("export-round")(export_round_cmd)
    assessment.command("import-round")(import_round_cmd)


@app.command("list")
def list_(lang: str = LangOption, as_json: bool = JsonOption) -> None:
    """The webhooks with their event kinds and deliveries (pending, delivered, failed)."""
    with workspace(lang, as_json=as_json) as ws, ws.reader() as s:
        hooks = webhooks.list_webhooks(s, cli_actor())
    if as_json:
        print_json([h.model_dump(mode="json") for h in hooks])
        return
    table = Table("id", "url", "kinds", "active", "pending", "delivered", "failed")
    for h in hooks:
        table.add_row(
            str(h.id),
            esc(h.url),
            ", ".join(h.kinds),
            str(h.active),
            str(h.pending),
            str(h.delivered),
            str(h.failed),
        )
    console.print(table)


@app.command("add")
def add(
    url: str = typer.Argument(..., help="http(s) address that receives the POSTs."),
    kind: list[str] = typer.Option(..., "--kind", "-k", help=KIND_HELP),
    secret_file: Path | None = typer.Option(
        None, "--secret-file", help="A file holding the shared secret (default: a generated one, shown once)."
    ),
    description: str = typer.Option("", help="What the receiver is."),
    lang: str = LangOption,
    as_json: bool = JsonOption,
) -> None:
    """Subscribe URL to event kinds; deliveries are signed with the secret (X-Raqmana-Signature)."""
    secret = secret_file.read_text(encoding="utf-8").strip() if secret_file else ""
    with workspace(lang, as_json=as_json) as ws, ws.transaction() as s:
        done = webhooks.register_webhook(
            s, cli_actor(), settings=ws.settings, url=url, kinds=kind, secret=secret, description=description
        )
    if as_json:
        print_json(done.model_dump(mode="json"))
        return
    console.print(
        esc(SECRET_ONCE.get(lang).format(id=done.webhook.id, url=done.webhook.url, secret=done.secret))
    )


def _set_active(webhook_id: int, active: bool, lang: str, as_json: bool) -> None:
    with workspace(lang, as_json=as_json) as ws, ws.transaction() as s:
        view = webhooks.set_active(s, cli_actor(), webhook_id=webhook_id, active=active)
    print_json(view.model_dump(mode="json")) if as_json else console.print(
        esc(f"{view.id} {view.url}: {view.active}")
    )


@app.command("pause")
def pause(webhook_id: int, lang: str = LangOption, as_json: bool = JsonOption) -> None:
    """Stop new deliveries to a webhook."""
    _set_active(webhook_id, False, lang, as_json)


@app.command("resume")
def resume(webhook_id: int, lang: str = LangOption, as_json: bool = JsonOption) -> None:
    """Deliver to a paused webhook again."""
    _set_active(webhook_id, True, lang, as_json)


@app.command("deliveries")
def deliveries(
    webhook_id: int | None = typer.Option(None, "--webhook", help="Only this webhook's deliveries."),
    status: str = typer.Option("", help="pending, delivered or failed."),
    limit: int = typer.Option(50, help="How many, newest first."),
    lang: str = LangOption,
    as_json: bool = JsonOption,
) -> None:
    """The delivery log: status, response code, attempts and next try of each delivery."""
    with workspace(lang, as_json=as_json) as ws, ws.reader() as s:
        rows = webhooks.delivery_log(
            s, cli_actor(), webhook_id=webhook_id, status=status or None, limit=limit
        )
    if as_json:
        print_json([r.model_dump(mode="json") for r in rows])
        return
    table = Table("id", "event", "webhook", "status", "code", "attempts", "next try", "error")
    for r in rows:
        table.add_row(
            str(r.id),
            r.kind,
            str(r.webhook_id),
            r.status,
            str(r.last_code or ""),
            str(r.attempts),
            r.next_try_at.isoformat(timespec="seconds") if r.next_try_at else "",
            esc(r.last_error[:60]),
        )
    console.print(table)
