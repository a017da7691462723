"""Opt-in job worker inside the web app (``RAQMANA_INLINE_WORKER=1``): for the demo and tests.

In production jobs run in ``raqmana worker``, a separate process; this thread runs the same
:func:`raqmana.workspace.jobs.run_worker` loop, started with the app and stopped when it shuts down.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from raqmana.workspace.factory import Workspace
from raqmana.workspace.jobs import run_worker

log = logging.getLogger("raqmana.web")


@contextmanager
def inline_worker(
    ws: Workspace, *, enabled: bool, poll_seconds: float = 0.5, join_seconds: float = 10.0
) -> Iterator[threading.Thread | None]:
    """Run queued jobs in a daemon thread while the block runs (nothing when not ``enabled``)."""
    if not enabled:
        yield None
        return
    stop = threading.Event()
    thread = threading.Thread(
        target=run_worker,
        args=(ws,),
        kwargs={"poll_seconds": poll_seconds, "stop": stop},
        name="raqmana-inline-worker",
        daemon=True,
    )
    thread.start()
    log.info("inline job worker started")
    try:
        yield thread
    finally:
        stop.set()
        thread.join(timeout=join_seconds)  # a long job finishes (or dies with the process: daemon thread)
