"""The DB-backed job queue. Workers claim with one UPDATE … WHERE id = (SELECT … FOR UPDATE SKIP LOCKED)
on PostgreSQL (any number of workers share the queue); on SQLite the same statement runs in a plain
write transaction, which SQLite serialises."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from raqmana.i18n.vocabulary import JobStatus
from raqmana.store.models import Job
from raqmana.store.types import utcnow

#: the stored states of a job (plain strings, as the database holds them; named once in the vocabulary)
QUEUED, RUNNING, DONE, FAILED = (s.value for s in JobStatus)


def enqueue(session: Session, *, kind: str, payload: dict[str, Any], created_by: int | None) -> Job:
    job = Job(kind=kind, payload=payload, status=QUEUED, created_by=created_by, created_at=utcnow())
    session.add(job)
    session.flush()
    return job


def claim(session: Session, *, worker: str, kinds: list[str] | None = None) -> Job | None:
    """Take the oldest queued job (and mark it running) or return None. Commit soon after."""
    pick = select(Job.id).where(Job.status == QUEUED)
    if kinds:
        pick = pick.where(Job.kind.in_(kinds))
    pick = pick.order_by(Job.id).limit(1).with_for_update(skip_locked=True)
    job_id = session.execute(
        update(Job)
        .where(Job.id == pick.scalar_subquery(), Job.status == QUEUED)
        .values(
            status=RUNNING,
            worker=worker,
            started_at=utcnow(),
            heartbeat_at=utcnow(),
            attempts=Job.attempts + 1,
        )
        .returning(Job.id)
    ).scalar_one_or_none()
    if job_id is None:
        return None
    job = session.get(Job, job_id, populate_existing=True)
    return job


def beat(session: Session, job_id: int, *, worker: str) -> bool:
    """Mark a running job as alive (its worker's heartbeat); False if the claim is no longer this worker's."""
    done = session.execute(
        update(Job)
        .where(Job.id == job_id, Job.status == RUNNING, Job.worker == worker)
        .values(heartbeat_at=utcnow())
    )
    return bool(done.rowcount)  # type: ignore[attr-defined]


def save_partial(session: Session, job_id: int, result: dict[str, Any]) -> None:
    """Keep what a running job has done so far (in the transaction of that work): a claim after a restart
    reads it back (:func:`partial`) instead of doing the work again."""
    session.execute(update(Job).where(Job.id == job_id, Job.status == RUNNING).values(result=result))


def partial(session: Session, job_id: int) -> dict[str, Any] | None:
    """What an earlier claim of this job saved with :func:`save_partial` (None: nothing)."""
    result = session.scalar(select(Job.result).where(Job.id == job_id))
    return result if isinstance(result, dict) else None


def set_progress(session: Session, job_id: int, progress: float, message: str = "") -> None:
    session.execute(
        update(Job).where(Job.id == job_id).values(progress=max(0.0, min(1.0, progress)), message=message)
    )


def finish(session: Session, job_id: int, result: dict[str, Any]) -> None:
    session.execute(
        update(Job)
        .where(Job.id == job_id)
        .values(status=DONE, progress=1.0, result=result, finished_at=utcnow())
    )


def fail(session: Session, job_id: int, error: list[dict[str, Any]], message: str = "") -> None:
    session.execute(
        update(Job)
        .where(Job.id == job_id)
        .values(status=FAILED, error=error, message=message, finished_at=utcnow())
    )


def running(session: Session) -> list[tuple[int, str, datetime | None, int]]:
    """(id, worker, started_at, attempts) of every job marked running."""
    return [(i, w, s, a) for i, w, s, a, _ in running_with_heartbeat(session)]


def running_with_heartbeat(session: Session) -> list[tuple[int, str, datetime | None, int, datetime | None]]:
    """(id, worker, started_at, attempts, heartbeat_at) of every job marked running."""
    rows = session.execute(
        select(Job.id, Job.worker, Job.started_at, Job.attempts, Job.heartbeat_at)
        .where(Job.status == RUNNING)
        .order_by(Job.id)
    )
    return [(int(i), str(w or ""), s, int(a or 0), h) for i, w, s, a, h in rows]


@dataclass(frozen=True, slots=True)
class QueueHealth:
    queued: int
    running: int
    oldest_queued_at: datetime | None
    last_heartbeat_at: datetime | None


def health(session: Session) -> QueueHealth:
    """What a readiness check needs to tell whether workers serve the queue."""
    queued, oldest = session.execute(
        select(func.count(), func.min(Job.created_at)).where(Job.status == QUEUED)
    ).one()
    running_, beat = session.execute(
        select(func.count(), func.max(Job.heartbeat_at)).where(Job.status == RUNNING)
    ).one()
    return QueueHealth(int(queued or 0), int(running_ or 0), _aware(oldest), _aware(beat))


def _aware(value: datetime | None) -> datetime | None:
    """Aggregates bypass the UTC column type: SQLite gives naive UTC datetimes (or text)."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _claimed_by(job_id: int, worker: str, attempts: int) -> Any:
    """Guard for the recovery updates: the job is still the same claim (no other worker recovered or
    re-claimed it meanwhile)."""
    return (Job.id == job_id, Job.status == RUNNING, Job.worker == worker, Job.attempts == attempts)


def requeue(session: Session, job_id: int, *, worker: str, attempts: int) -> bool:
    """Put an abandoned running job back in the queue; False if its claim changed meanwhile."""
    done = session.execute(
        update(Job)
        .where(*_claimed_by(job_id, worker, attempts))
        .values(status=QUEUED, worker="", started_at=None, progress=0.0, message="")
    )
    return bool(done.rowcount)  # type: ignore[attr-defined]


def abandon(
    session: Session, job_id: int, *, worker: str, attempts: int, error: list[dict[str, Any]], message: str
) -> bool:
    """Mark an abandoned running job failed (too many attempts); False if its claim changed meanwhile."""
    done = session.execute(
        update(Job)
        .where(*_claimed_by(job_id, worker, attempts))
        .values(status=FAILED, error=error, message=message, finished_at=utcnow())
    )
    return bool(done.rowcount)  # type: ignore[attr-defined]
