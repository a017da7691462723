"""Readiness of a workspace for ``/readyz``: the database answers, its schema is at the revision this
raqmana ships, the data directory is writable, and the job queue is served (no job has waited long while
no worker marks a running job alive). Details are in English: they are for machines and operators' logs."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from raqmana.store import current_revision, head_revision
from raqmana.store import jobs as queue
from raqmana.store.migrate import known_revisions
from raqmana.store.types import utcnow

if TYPE_CHECKING:
    from raqmana.workspace.factory import Workspace

#: a queued job may wait this long for a worker before the queue counts as not served
QUEUE_WAIT_SECONDS = 300.0


@dataclass(frozen=True, slots=True)
class Check:
    ok: bool
    detail: str


def _run(fn: Callable[[], Check]) -> Check:
    try:
        return fn()
    except Exception as exc:  # every failure is an answer here, never an error page
        first = str(exc).splitlines()[0][:200] if str(exc) else ""
        return Check(False, f"{type(exc).__name__}: {first}")


def readiness(ws: Workspace) -> dict[str, Check]:
    """Each check by name (database, migrations, data_dir, worker)."""
    settings = ws.settings

    def database() -> Check:
        with ws.engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
        return Check(True, ws.engine.dialect.name)

    def migrations() -> Check:
        current, head = current_revision(ws.engine), head_revision()
        if current == head:
            return Check(True, f"at {head}")
        if current is not None and current not in known_revisions():
            return Check(False, f"schema at {current}, newer than this raqmana ({head}): upgrade raqmana")
        return Check(
            False, f"schema at {current or 'nothing'}, raqmana needs {head}: run `raqmana db upgrade`"
        )

    def data_dir() -> Check:
        fd, path = tempfile.mkstemp(prefix=".readyz-", dir=settings.data_dir)
        os.close(fd)
        os.unlink(path)
        return Check(True, "writable")

    def worker() -> Check:
        with ws.reader() as s:
            h = queue.health(s)
        now = utcnow()
        beat_limit = timedelta(seconds=4 * settings.heartbeat_seconds)
        beating = h.last_heartbeat_at is not None and now - h.last_heartbeat_at <= beat_limit
        waited = (now - h.oldest_queued_at).total_seconds() if h.oldest_queued_at else 0.0
        summary = f"{h.queued} queued, {h.running} running"
        if h.running and not beating:
            return Check(
                False, f"{summary}; no running job was marked alive for {beat_limit.total_seconds():.0f} s"
            )
        if waited > QUEUE_WAIT_SECONDS and not beating and not settings.inline_worker:
            return Check(False, f"{summary}; a job has waited {waited:.0f} s: is `raqmana worker` running?")
        return Check(True, summary)

    return {
        name: _run(fn)
        for name, fn in (
            ("database", database),
            ("migrations", migrations),
            ("data_dir", data_dir),
            ("worker", worker),
        )
    }
