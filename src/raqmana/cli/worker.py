"""``raqmana worker`` — run queued jobs (imports, exports, builds); start as many as you like."""

from __future__ import annotations

import signal
import threading

import typer

from raqmana.cli.common import LangOption, say
from raqmana.cli.workspace_support import workspace
from raqmana.logs import configure_logging
from raqmana.workspace.jobs import run_worker


def worker(
    once: bool = typer.Option(False, "--once", help="Stop when the queue is empty."),
    poll: float = typer.Option(1.0, help="Seconds between looks at an empty queue."),
    lang: str = LangOption,
) -> None:
    """Run jobs from the database queue until stopped (Ctrl-C / SIGTERM)."""
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    with workspace(lang) as ws:
        configure_logging(ws.settings)
        n = run_worker(ws, once=once, poll_seconds=poll, stop=stop)
    say(lang, "worker.stopped", n=n)
