"""Jobs: long work queued in the database and run by ``raqmana worker`` (or :func:`run_worker`).

A handler is ``fn(ws, payload, progress) -> result dict``; ``progress(fraction, message)`` commits at
once so pages and the CLI can poll it. The workspace holds its handlers by kind (``ws.handlers``, built
by :func:`raqmana.workspace.job_handlers.builtin_handlers` when the workspace is opened); a worker claims
only the kinds it has a handler for.
"""

from __future__ import annotations

import json
import logging
import math
import os
import secrets
import socket
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from raqmana.problems import Problem
from raqmana.store import jobs as queue
from raqmana.store.models import Job, User
from raqmana.store.types import utcnow
from raqmana.workspace import errors as E
from raqmana.workspace import policy
from raqmana.workspace.actors import Actor
from raqmana.workspace.auth import load_actor
from raqmana.workspace.exceptions import NotFound, TooManyRequests, WorkspaceError, problem
from raqmana.workspace.views import JobPage, JobView

if TYPE_CHECKING:
    from raqmana.workspace.factory import Workspace

log = logging.getLogger(__name__)
Progress = Callable[[float, str], None]
Handler = Callable[["Workspace", dict[str, Any], Progress], dict[str, Any]]
LANGS = ("en", "ar", "ckb")
#: key of the workspace's job kinds in ``Session.info`` (set by the workspace's session makers)
KINDS_KEY = "raqmana.job_kinds"
#: key of the running job's id in the payload a handler is given (to keep what it did across restarts)
JOB_ID_KEY = "_job_id"


def job_details(payload: dict[str, Any] | None) -> dict[str, Any]:
    """What a job works on, for lists: its payload without the actor and the uploaded blobs' hashes."""
    data = dict(payload or {})
    files = data.pop("files", None)
    data.pop("actor", None)
    data.pop("sha256", None)  # an uploaded file's place in the store (a round archive's import)
    if isinstance(files, list):
        data["files"] = len(files)
    return data


def job_view(j: Job, created_by: str = "") -> JobView:
    return JobView(
        j.id,
        j.kind,
        j.status,
        j.progress,
        j.message,
        j.result,
        j.error,
        j.created_at,
        j.started_at,
        j.finished_at,
        j.attempts or 0,
        created_by,
        job_details(j.payload),
    )


def problem_record(p: Problem, lang: str = "en") -> dict[str, Any]:
    """A problem as a job stores it: ``message`` in ``lang`` plus ``messages`` in every language, so a page
    can show it in its reader's language later."""
    return {**p.as_dict(lang), "messages": {code: p.message(code) for code in LANGS}}


def record_message(record: dict[str, Any], lang: str) -> str:
    """The message of a stored problem record in ``lang`` (older records have only ``message``)."""
    messages = record.get("messages")
    if isinstance(messages, dict) and messages.get(lang):
        return str(messages[lang])
    return str(record.get("message", ""))


def actor_payload(actor: Actor) -> dict[str, Any]:
    return {"user_id": actor.user_id, "system": actor.username if actor.is_system else None}


def payload_actor(session: Session, data: dict[str, Any]) -> Actor:
    if data.get("system"):
        return Actor(None, str(data["system"]), str(data["system"]), "en", system=True)
    return load_actor(session, int(data["user_id"]))


def enqueue(session: Session, actor: Actor, *, kind: str, payload: dict[str, Any]) -> JobView:
    """Queue a job for the actor. A person (not the command line) asking again for a job identical to one
    of theirs still waiting gets that job back; beyond the policy's quota of jobs waiting or running the
    request is refused (:class:`TooManyRequests`, 429 with Retry-After). See :mod:`.policy`."""
    kinds = session.info.get(KINDS_KEY)
    if kinds is not None and kind not in kinds:
        raise ValueError(f"no job handler for {kind!r}")
    full = json.loads(json.dumps({**payload, "actor": actor_payload(actor)}, default=str))
    if actor.user_id is not None:
        # one person's requests one after the other (PostgreSQL; SQLite writes are serial anyway)
        session.execute(select(User.id).where(User.id == actor.user_id).with_for_update())
        pending = list(
            session.scalars(
                select(Job)
                .where(Job.created_by == actor.user_id, Job.status.in_((queue.QUEUED, queue.RUNNING)))
                .order_by(Job.id)
            )
        )
        same = next(
            (j for j in pending if j.status == queue.QUEUED and j.kind == kind and j.payload == full), None
        )
        if same is not None:
            return job_view(same)
        _refuse_over_quota(session, len(pending))
    job = queue.enqueue(session, kind=kind, payload=full, created_by=actor.user_id)
    return job_view(job)


def _refuse_over_quota(session: Session, pending: int) -> None:
    rules = policy.of(session)
    if pending >= rules.job_quota:
        raise TooManyRequests(E.JOB_QUOTA, retry_after=rules.job_retry_seconds, quota=rules.job_quota)


def check_quota(session: Session, actor: Actor) -> None:
    """Refuse at once (:class:`TooManyRequests`) when the actor already has its quota of jobs waiting or
    running: for uploads, checked before the files are read and stored."""
    if actor.user_id is None:
        return
    pending = session.scalar(
        select(func.count())
        .select_from(Job)
        .where(Job.created_by == actor.user_id, Job.status.in_((queue.QUEUED, queue.RUNNING)))
    )
    _refuse_over_quota(session, int(pending or 0))


def _visible(actor: Actor) -> Any:
    """A WHERE clause for the jobs the actor sees (None: all): managers of the whole tree see every job;
    managers of a branch their own and those of the people whose whole reach is their branch (a job's
    details and per-file results name institutions); anyone else their own."""
    from raqmana.workspace.permissions import branch_members, managed_paths

    own = Job.created_by == (actor.user_id if actor.user_id is not None else -1)
    paths = managed_paths(actor)
    if paths is None:
        return None
    if not paths:
        return own
    return or_(own, Job.created_by.in_(branch_members(paths)))


def _creator_names(session: Session, jobs: list[Job]) -> dict[int, str]:
    from raqmana.workspace.response_views import user_names

    return user_names(session, [j.created_by for j in jobs if j.created_by is not None])


def get_job(session: Session, actor: Actor, job_id: int) -> JobView:
    """One job: for its creator and the managers who see it (:func:`_visible`); NotFound for anyone else."""
    visible = _visible(actor)
    q = select(Job).where(Job.id == job_id) if isinstance(job_id, int) else None
    job = session.scalar(q if visible is None else q.where(visible)) if q is not None else None
    if job is None:
        raise NotFound("job")
    return job_view(job, _creator_names(session, [job]).get(job.created_by or 0, ""))


def list_jobs(
    session: Session,
    actor: Actor,
    *,
    status: str | None = None,
    kind: str | None = None,
    offset: int = 0,
    limit: int = 50,
) -> JobPage:
    """Jobs newest first: all of them for managers of the whole tree, those of their branch for managers
    of a branch, one's own for anyone else."""
    offset, limit = max(0, int(offset)), max(1, min(int(limit), 200))
    where = []
    visible = _visible(actor)
    if visible is not None:
        where.append(visible)
    if status:
        where.append(Job.status == status)
    if kind:
        where.append(Job.kind == kind)
    total = session.scalar(select(func.count()).select_from(Job).where(*where)) or 0
    rows = list(
        session.scalars(select(Job).where(*where).order_by(Job.id.desc()).offset(offset).limit(limit))
    )
    names = _creator_names(session, rows)
    return JobPage([job_view(j, names.get(j.created_by or 0, "")) for j in rows], total, offset, limit)


# --- workers and abandoned jobs ----------------------------------------------------------------------
# The lease (a running job older than it whose worker cannot be checked counts as abandoned), the claims
# of one job before it is given up and how often an idle worker looks for abandoned jobs are settings:
# RAQMANA_JOB_LEASE_SECONDS, RAQMANA_JOB_ATTEMPTS and RAQMANA_JOB_CHECK_SECONDS (ws.settings).
_PROCESS = secrets.token_hex(4)  # tells this process from an earlier one that had the same pid


def _machine() -> str:
    """This host and PID namespace: PIDs can only be checked by a worker that shares both."""
    try:
        ns = os.readlink("/proc/self/ns/pid")
    except OSError:
        ns = ""
    return f"{socket.gethostname()[:60]}/{ns[5:-1] if ns.startswith('pid:[') else ns[:20]}"


def worker_name() -> str:
    """``machine:pid:process-token:thread`` — what ``jobs.worker`` records for a claim."""
    return f"{_machine()}:{os.getpid()}:{_PROCESS}:{threading.get_ident()}"


def worker_alive(name: str) -> bool | None:
    """Whether the worker that claimed a job still runs: True/False when it ran on this machine, None
    when that cannot be told (another machine, or a claim recorded in an older format)."""
    parts = name.rsplit(":", 3)
    if len(parts) != 4 or parts[0] != _machine() or not parts[1].isdigit() or not parts[3].isdigit():
        return None
    pid, token, thread = int(parts[1]), parts[2], int(parts[3])
    if pid == os.getpid():
        return token == _PROCESS and any(t.ident == thread for t in threading.enumerate())
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # a process with that pid exists (another user's): assume it is the worker
    except OSError:
        return None
    return True


@dataclass(frozen=True, slots=True)
class Recovery:
    requeued: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)


def recover_stale_jobs(
    ws: Workspace,
    *,
    lease_seconds: float | None = None,
    max_attempts: int | None = None,
    now: datetime | None = None,
) -> Recovery:
    """Find running jobs whose worker died (its process is gone, or — when that cannot be checked — its
    heartbeat stopped for four ``heartbeat_seconds``, or, for a claim that was never marked alive, the
    claim is older than ``lease_seconds``) and queue them again; a job still marked alive is left to its
    worker however long it runs. After ``max_attempts`` claims mark them failed with a translated reason
    instead. Safe with several workers: each job is taken back once.
    Both default to the workspace's settings (``job_lease_seconds``, ``job_attempts``)."""
    if lease_seconds is None:
        lease_seconds = ws.settings.job_lease_seconds
    if max_attempts is None:
        max_attempts = ws.settings.job_attempts
    moment = now or utcnow()
    requeued: list[int] = []
    failed: list[int] = []
    with ws.transaction() as s:
        for job_id, worker, started, attempts, beat in queue.running_with_heartbeat(s):
            alive = worker_alive(worker)
            if beat is not None:  # its worker (on whatever machine) marks it alive, or stopped doing so
                expired = (moment - beat).total_seconds() > 4 * ws.settings.heartbeat_seconds
            else:  # a claim that never beat (made before heartbeats existed): the lease decides
                expired = started is None or (moment - started).total_seconds() > lease_seconds
            if alive or (alive is None and not expired):
                continue
            if attempts >= max_attempts:
                p = problem(E.JOB_ABANDONED, attempts=attempts)
                if queue.abandon(
                    s,
                    job_id,
                    worker=worker,
                    attempts=attempts,
                    error=[problem_record(p)],
                    message=p.message("en"),
                ):
                    failed.append(job_id)
            elif queue.requeue(s, job_id, worker=worker, attempts=attempts):
                requeued.append(job_id)
    for job_id in requeued:
        log.warning("job %s: its worker stopped; queued again", job_id)
    for job_id in failed:
        log.warning("job %s: its worker stopped %s times; given up", job_id, max_attempts)
    return Recovery(requeued, failed)


def run_one(ws: Workspace, *, worker: str | None = None) -> JobView | None:
    """Claim and run the oldest queued job; None when the queue is empty."""
    if not ws.handlers:
        return None
    name = worker or worker_name()
    with ws.transaction() as s:
        job = queue.claim(s, worker=name, kinds=list(ws.handlers))
        if job is None:
            return None
        job_id, kind, payload = job.id, job.kind, {**job.payload, JOB_ID_KEY: job.id}

    def progress(fraction: float, message: str = "") -> None:
        with ws.transaction() as s2:
            queue.set_progress(s2, job_id, fraction, message)

    try:
        with heartbeat(ws, job_id, name):
            result = ws.handlers[kind](ws, payload, progress)
    except WorkspaceError as exc:
        with ws.transaction() as s:
            queue.fail(s, job_id, [problem_record(p) for p in exc.problems], exc.message("en"))
    except Exception as exc:  # a bug must not kill the worker; the job records it
        log.error("job %s (%s) failed:\n%s", job_id, kind, traceback.format_exc())
        detail = f"{type(exc).__name__}: {exc}"[:500]
        with ws.transaction() as s:
            queue.fail(s, job_id, [problem_record(problem(E.JOB_FAILED, detail=detail))], detail)
    else:
        with ws.transaction() as s:
            queue.finish(s, job_id, result)
    with ws.reader() as s:
        done = s.get(Job, job_id)
        assert done is not None
        return job_view(done)


@contextmanager
def heartbeat(ws: Workspace, job_id: int, worker: str) -> Iterator[None]:
    """Mark the job alive every ``heartbeat_seconds`` (a thread) while the block runs its handler."""
    stop = threading.Event()

    def beat() -> None:
        while not stop.wait(ws.settings.heartbeat_seconds):
            try:
                with ws.transaction() as s:
                    queue.beat(s, job_id, worker=worker)
            except Exception:  # the database is briefly unavailable: beat again next time
                log.warning("job %s: heartbeat failed", job_id, exc_info=True)

    thread = threading.Thread(target=beat, name=f"raqmana-heartbeat-{job_id}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=5)


def run_worker(
    ws: Workspace,
    *,
    once: bool = False,
    poll_seconds: float = 1.0,
    stop: threading.Event | None = None,
    lease_seconds: float | None = None,
    max_attempts: int | None = None,
    recover_every: float | None = None,
) -> int:
    """Run jobs until ``stop`` is set (or, with ``once``, until the queue is empty); returns jobs run.
    On start, and every ``recover_every`` seconds while idle, jobs abandoned by dead workers are taken
    back (:func:`recover_stale_jobs`). The three default to the workspace's settings
    (``job_lease_seconds``, ``job_attempts``, ``job_check_seconds``)."""
    if recover_every is None:
        recover_every = ws.settings.job_check_seconds
    count = 0
    last_recovery = -math.inf
    while stop is None or not stop.is_set():
        if time.monotonic() - last_recovery >= recover_every:
            last_recovery = time.monotonic()
            try:
                recover_stale_jobs(ws, lease_seconds=lease_seconds, max_attempts=max_attempts)
            except Exception:  # e.g. the database is briefly locked: try again at the next round
                log.exception("looking for abandoned jobs failed")
        view = run_one(ws)
        if view is not None:
            count += 1
            continue
        if _queue_due_deliveries(ws):
            continue
        if once:
            break
        if stop is not None:
            stop.wait(poll_seconds)
        else:
            time.sleep(poll_seconds)
    return count


def _queue_due_deliveries(ws: Workspace) -> bool:
    """While idle, queue the webhook delivery job when a retry has fallen due (:mod:`.outbox`)."""
    from raqmana.workspace.outbox import WEBHOOK_DELIVERY, queue_due

    if WEBHOOK_DELIVERY not in ws.handlers:
        return False
    try:
        return queue_due(ws)
    except Exception:  # the database is briefly unavailable: look again at the next idle round
        log.warning("looking for due webhook deliveries failed", exc_info=True)
        return False
