"""The demo's data exchange: the round's archive in ``raqmana-demo/exchange/`` and an ILLUSTRATIVE
delivery log — a "report ready" event delivered to a receiver the demo runs for a moment on this machine,
and one to an address where nothing listens (failed, to be tried again) — with both webhooks paused
afterwards, so the demo leaves no live subscription."""

from __future__ import annotations

import logging
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from sqlalchemy import select

from raqmana.scoring.table import Table as ScoreTable
from raqmana.store.models import Webhook
from raqmana.workspace import outbox, webhook_delivery, webhooks
from raqmana.workspace.actors import SYSTEM
from raqmana.workspace.exchange import export_round
from raqmana.workspace.factory import Workspace


class _Accept(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        return


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port


def demo_exchange(
    ws: Workspace, out: Path, *, assessment_id: int, scored: ScoreTable | None = None
) -> list[Path]:
    """Write the round's archive; when webhooks may reach this machine, leave an illustrative log.
    ``scored``: the scores the demo has just computed (the round is not scored a second time)."""
    folder = out / "exchange"
    folder.mkdir(parents=True, exist_ok=True)
    with ws.reader() as s:
        archive = export_round(s, SYSTEM, assessment_id=assessment_id, blobs=ws.blobs, scored=scored)
    target = folder / archive.filename
    target.write_bytes(archive.data)
    with ws.reader() as s:
        seeded = s.scalar(select(Webhook.id).where(Webhook.description.like("illustrative %")).limit(1))
    if ws.settings.webhooks_may_reach_private and seeded is None:  # once, however often the demo runs
        quiet = logging.getLogger(webhook_delivery.__name__)
        level = quiet.level
        quiet.setLevel(logging.ERROR)  # the refused delivery is the point: not a warning on the console
        try:
            _illustrative_log(ws, assessment_id)
        finally:
            quiet.setLevel(level)
    return [target]


def _illustrative_log(ws: Workspace, assessment_id: int) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Accept)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with ws.transaction() as s:
            ok = webhooks.register_webhook(
                s,
                SYSTEM,
                settings=ws.settings,
                url=f"http://127.0.0.1:{server.server_address[1]}/raqmana-events",
                kinds=["report.ready"],
                description="illustrative receiver run by the demo",
            )
            down = webhooks.register_webhook(
                s,
                SYSTEM,
                settings=ws.settings,
                url=f"http://127.0.0.1:{_closed_port()}/nothing-listens",
                kinds=["report.ready"],
                description="illustrative address where nothing listens",
            )
            outbox.emit(
                s,
                "report.ready",
                "assessment",
                assessment_id,
                {"assessment_id": assessment_id, "scope": "national", "illustrative": True},
            )
        webhook_delivery.deliver_due(ws)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
    with ws.transaction() as s:
        for hook in (ok.webhook, down.webhook):
            webhooks.set_active(s, SYSTEM, webhook_id=hook.id, active=False)
