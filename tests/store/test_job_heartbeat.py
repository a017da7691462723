"""Workers mark the job they run alive (jobs.heartbeat_at): a job whose heartbeat stopped is taken back
long before the job lease runs out, whichever machine its worker ran on."""

from __future__ import annotations

import threading
import time
from datetime import timedelta

from sqlalchemy import select, update

from raqmana.store import jobs as queue
from raqmana.store.models import Job
from raqmana.store.types import utcnow
from raqmana.workspace import open_workspace
from raqmana.workspace.jobs import recover_stale_jobs, run_one


def claimed_elsewhere(ws, worker: str, *, started_ago: timedelta, beat_ago: timedelta) -> int:
    with ws.transaction() as s:
        job = queue.enqueue(s, kind="sleep", payload={}, created_by=None)
    with ws.transaction() as s:
        assert queue.claim(s, worker=worker).id == job.id
        s.execute(
            update(Job)
            .where(Job.id == job.id)
            .values(started_at=utcnow() - started_ago, heartbeat_at=utcnow() - beat_ago)
        )
    return job.id


def status(ws, job_id: int) -> str:
    with ws.reader() as s:
        return s.scalar(select(Job.status).where(Job.id == job_id))


def test_a_job_whose_heartbeat_stopped_is_queued_again_within_the_lease(ws):
    assert ws.settings.heartbeat_seconds == 15
    silent = claimed_elsewhere(
        ws, "other-host/1:10:abcd:1", started_ago=timedelta(minutes=5), beat_ago=timedelta(minutes=2)
    )
    beating = claimed_elsewhere(
        ws, "other-host/1:11:abcd:1", started_ago=timedelta(minutes=5), beat_ago=timedelta(seconds=10)
    )
    report = recover_stale_jobs(ws, lease_seconds=3600)
    assert report.requeued == [silent]
    assert (status(ws, silent), status(ws, beating)) == ("queued", "running")


def test_a_job_still_marked_alive_is_left_to_its_worker_however_long_it_runs(ws):
    long = claimed_elsewhere(
        ws, "other-host/1:12:abcd:1", started_ago=timedelta(hours=3), beat_ago=timedelta(seconds=5)
    )
    assert recover_stale_jobs(ws, lease_seconds=3600).requeued == []
    assert status(ws, long) == "running"


def test_a_claim_starts_the_heartbeat_and_only_its_worker_beats(ws):
    with ws.transaction() as s:
        job = queue.enqueue(s, kind="sleep", payload={}, created_by=None)
    with ws.transaction() as s:
        got = queue.claim(s, worker="w1")
        assert got.heartbeat_at is not None
    with ws.transaction() as s:
        assert queue.beat(s, job.id, worker="w1") is True
        assert queue.beat(s, job.id, worker="w2") is False


def test_the_worker_beats_while_its_handler_runs(settings):
    seen: list[object] = []
    started = threading.Event()

    def slow(ws, payload, progress):
        started.set()
        time.sleep(0.6)
        with ws.reader() as s:
            seen.append(s.scalar(select(Job.heartbeat_at).where(Job.id == payload["id"])))
        return {}

    ws = open_workspace(settings.model_copy(update={"heartbeat_seconds": 0.1}), handlers={"sleep": slow})
    try:
        with ws.transaction() as s:
            job_id = queue.enqueue(s, kind="sleep", payload={}, created_by=None).id
            s.execute(update(Job).where(Job.id == job_id).values(payload={"id": job_id}))
        done = run_one(ws)
        assert done is not None and done.status == "done"
        with ws.reader() as s:
            claimed_at = s.scalar(select(Job.started_at).where(Job.id == job_id))
        assert seen[0] is not None and seen[0] > claimed_at  # beaten after the claim
        health = None
        with ws.reader() as s:
            health = queue.health(s)
        assert (health.queued, health.running) == (0, 0)
    finally:
        ws.dispose()


def test_queue_health_tells_how_long_jobs_wait(ws):
    with ws.transaction() as s:
        job = queue.enqueue(s, kind="sleep", payload={}, created_by=None)
        s.execute(update(Job).where(Job.id == job.id).values(created_at=utcnow() - timedelta(minutes=9)))
    with ws.reader() as s:
        h = queue.health(s)
    assert h.queued == 1 and h.running == 0
    assert timedelta(minutes=8) < utcnow() - h.oldest_queued_at < timedelta(minutes=10)
