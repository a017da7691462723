"""Jobs: long work queued in the database and run by ``raqmana worker`` (or :func:`run_worker`).

A handler is ``fn(ws, payload, progress) -> result dict``; ``progress(fraction, message)`` commits at
once so pages and the CLI can poll it. Handlers register in :data:`HANDLERS` by kind.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from raqmana.store import jobs as queue
from raqmana.store.models import Job
from raqmana.workspace import errors as E
from raqmana.workspace.actors import Actor, Role
from raqmana.workspace.auth import load_actor
from raqmana.workspace.exceptions import NotFound, WorkspaceError, problem
from raqmana.workspace.views import JobView

if TYPE_CHECKING:
    from raqmana.workspace.factory import Workspace

log = logging.getLogger(__name__)
Progress = Callable[[float, str], None]
Handler = Callable[["Workspace", dict[str, Any], Progress], dict[str, Any]]
HANDLERS: dict[str, Handler] = {}


def handler(kind: str) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        HANDLERS[kind] = fn
        return fn

    return register


def job_view(j: Job) -> JobView:
    return JobView(j.id, j.kind, j.status, j.progress, j.message, j.result, j.error, j.created_at, j.started_at,
                   j.finished_at)


def actor_payload(actor: Actor) -> dict[str, Any]:
    return {"user_id": actor.user_id, "system": actor.username if actor.is_system else None}


def payload_actor(session: Session, data: dict[str, Any]) -> Actor:
    if data.get("system"):
        return Actor(None, str(data["system"]), str(data["system"]), "en", system=True)
    return load_actor(session, int(data["user_id"]))


def enqueue(session: Session, actor: Actor, *, kind: str, payload: dict[str, Any]) -> JobView:
    _load_handlers()
    if kind not in HANDLERS:
        raise ValueError(f"no job handler for {kind!r}")
    job = queue.enqueue(session, kind=kind, payload={**payload, "actor": actor_payload(actor)},
                        created_by=actor.user_id)
    return job_view(job)


def get_job(session: Session, actor: Actor, job_id: int) -> JobView:
    job = session.get(Job, job_id) if isinstance(job_id, int) else None
    if job is None:
        raise NotFound("job")
    managers = actor.is_system or actor.has_role(Role.ADMIN) or actor.has_role(Role.COORDINATOR)
    if not managers and (actor.user_id is None or job.created_by != actor.user_id):
        raise NotFound("job")
    return job_view(job)


def _load_handlers() -> None:
    import raqmana.workspace.job_handlers  # noqa: F401  (registers the built-in handlers)


def run_one(ws: Workspace, *, worker: str | None = None) -> JobView | None:
    """Claim and run the oldest queued job; None when the queue is empty."""
    _load_handlers()
    name = worker or f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident()}"
    with ws.transaction() as s:
        job = queue.claim(s, worker=name, kinds=list(HANDLERS))
        if job is None:
            return None
        job_id, kind, payload = job.id, job.kind, dict(job.payload)

    def progress(fraction: float, message: str = "") -> None:
        with ws.transaction() as s2:
            queue.set_progress(s2, job_id, fraction, message)

    try:
        result = HANDLERS[kind](ws, payload, progress)
    except WorkspaceError as exc:
        with ws.transaction() as s:
            queue.fail(s, job_id, [p.as_dict("en") for p in exc.problems], exc.message("en"))
    except Exception as exc:  # a bug must not kill the worker; the job records it
        log.error("job %s (%s) failed:\n%s", job_id, kind, traceback.format_exc())
        detail = f"{type(exc).__name__}: {exc}"[:500]
        with ws.transaction() as s:
            queue.fail(s, job_id, [problem(E.JOB_FAILED, detail=detail).as_dict("en")], detail)
    else:
        with ws.transaction() as s:
            queue.finish(s, job_id, result)
    with ws.reader() as s:
        done = s.get(Job, job_id)
        assert done is not None
        return job_view(done)


def run_worker(ws: Workspace, *, once: bool = False, poll_seconds: float = 1.0,
               stop: threading.Event | None = None) -> int:
    """Run jobs until ``stop`` is set (or, with ``once``, until the queue is empty); returns jobs run."""
    count = 0
    while stop is None or not stop.is_set():
        view = run_one(ws)
        if view is not None:
            count += 1
            continue
        if once:
            break
        if stop is not None:
            stop.wait(poll_seconds)
        else:
            time.sleep(poll_seconds)
    return count
