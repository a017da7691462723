"""Jobs whose worker died are taken back: queued again, or failed with a clear reason after 3 attempts."""

from __future__ import annotations

import subprocess
import sys
import threading
from dataclasses import replace
from datetime import timedelta

from sqlalchemy import update

from raqmana.settings import get_settings
from raqmana.store import jobs as queue
from raqmana.store.models import Job
from raqmana.store.types import utcnow
from raqmana.workspace import jobs
from raqmana.workspace.job_handlers import enqueue_workbook_import
from raqmana.workspace.jobs import (
    get_job,
    list_jobs,
    record_message,
    recover_stale_jobs,
    run_worker,
    worker_alive,
    worker_name,
)


def dead_worker() -> str:
    """The claim name of a worker process on this machine that has exited."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return worker_name().replace(f":{jobs.os.getpid()}:", f":{proc.pid}:", 1)


def claimed(world, worker: str, *, started_ago: timedelta = timedelta(0), attempts: int | None = None) -> int:
    """A queued empty import job, claimed by ``worker`` as if it were running now (a claim never marked
    alive, as a worker from before heartbeats made: the lease decides; see tests/store/test_job_heartbeat.py)."""
    with world.ws.transaction() as s:
        job = enqueue_workbook_import(s, world["coord"], settings=world.ws.settings, files=[], lang="en")
    with world.ws.transaction() as s:
        assert queue.claim(s, worker=worker).id == job.id
        values: dict[str, object] = {"started_at": utcnow() - started_ago, "heartbeat_at": None}
        if attempts is not None:
            values["attempts"] = attempts
        s.execute(update(Job).where(Job.id == job.id).values(**values))
    return job.id


def status(world, job_id):
    with world.ws.reader() as s:
        return get_job(s, world["coord"], job_id)


def test_it_tells_live_and_dead_workers_of_this_machine_and_cannot_tell_others():
    assert worker_alive(worker_name()) is True
    assert worker_alive(dead_worker()) is False
    assert worker_alive("other-host/4026531836:123:abcd:1") is None
    assert worker_alive("old-style-name:123:140000") is None
    other_thread = worker_name().rsplit(":", 1)[0] + ":1"
    assert worker_alive(other_thread) is False  # this process, but no such thread


def test_it_queues_again_and_finishes_a_job_whose_worker_process_died(world):
    job_id = claimed(world, dead_worker())
    assert status(world, job_id).status == "running"
    assert run_worker(world.ws, once=True) == 1
    done = status(world, job_id)
    assert (
        done.status == "done"
        and done.attempts == 2
        and done.result == {"files": 0, "imported": 0, "failed": 0, "results": []}
    )


def test_it_leaves_a_running_job_of_a_live_worker_alone_however_old(world):
    job_id = claimed(world, worker_name(), started_ago=timedelta(days=2))
    assert recover_stale_jobs(world.ws, lease_seconds=60).requeued == []
    assert status(world, job_id).status == "running"


def test_it_uses_the_lease_for_workers_on_other_machines(world):
    young = claimed(world, "other-host/1:10:abcd:1", started_ago=timedelta(minutes=5))
    old = claimed(world, "other-host/1:11:abcd:1", started_ago=timedelta(hours=2))
    report = recover_stale_jobs(world.ws, lease_seconds=3600)
    assert (report.requeued, report.failed) == ([old], [])
    assert (status(world, young).status, status(world, old).status) == ("running", "queued")
    assert status(world, old).started_at is None


def test_it_gives_a_job_up_after_three_attempts_with_a_translated_reason(world):
    job_id = claimed(world, dead_worker(), attempts=3)
    report = recover_stale_jobs(world.ws, max_attempts=3)
    assert (report.requeued, report.failed) == ([], [job_id])
    failed = status(world, job_id)
    assert failed.status == "failed" and failed.finished_at is not None
    error = failed.error[0]
    assert error["code"] == "WS101" and "3 times" in error["message"]
    assert "3" in record_message(error, "ar") and "عملية الخلفية" in record_message(error, "ar")
    assert "پاشبنەما" in record_message(error, "ckb")
    assert run_worker(world.ws, once=True) == 0  # not run again


def test_it_takes_a_job_back_once_when_two_workers_recover_at_the_same_time(world):
    worker = dead_worker()
    job_id = claimed(world, worker)
    with world.ws.reader() as s:
        attempts = s.get(Job, job_id).attempts
    with world.ws.transaction() as s:
        assert queue.requeue(s, job_id, worker=worker, attempts=attempts)
    with world.ws.transaction() as s:
        assert not queue.requeue(s, job_id, worker=worker, attempts=attempts)
        assert not queue.abandon(s, job_id, worker=worker, attempts=attempts, error=[], message="")
    assert status(world, job_id).status == "queued"


def test_it_recovers_when_a_worker_starts_and_keeps_polling(world):
    job_id = claimed(world, dead_worker())
    stop = threading.Event()
    thread = threading.Thread(
        target=run_worker, args=(world.ws,), kwargs={"poll_seconds": 0.05, "stop": stop}
    )
    thread.start()
    try:
        for _ in range(200):
            if status(world, job_id).status == "done":
                break
            stop.wait(0.05)
    finally:
        stop.set()
        thread.join(10)
    assert status(world, job_id).status == "done"


def test_it_lists_all_jobs_to_managers_and_their_own_to_others(world):
    with world.ws.transaction() as s:
        mine = enqueue_workbook_import(s, world["fp_a"], settings=world.ws.settings, files=[("a.xlsx", b"x")])
        theirs = enqueue_workbook_import(s, world["coord"], settings=world.ws.settings, files=[])
    with world.ws.reader() as s:
        everything = list_jobs(s, world["admin"])
        own = list_jobs(s, world["fp_a"])
        nothing = list_jobs(s, world["outsider"])
        paged = list_jobs(s, world["coord"], limit=1, offset=1)
    assert [j.id for j in everything.jobs] == [theirs.id, mine.id] and everything.total == 2
    assert [j.id for j in own.jobs] == [mine.id] and own.jobs[0].created_by == "Fp A"
    assert own.jobs[0].details == {"lang": "en", "files": 1}
    assert nothing.total == 0
    assert [j.id for j in paged.jobs] == [mine.id] and paged.total == 2


def test_the_lease_and_the_attempt_limit_are_settings(world, monkeypatch):
    monkeypatch.setenv("RAQMANA_JOB_LEASE_SECONDS", "60")
    monkeypatch.setenv("RAQMANA_JOB_ATTEMPTS", "2")
    monkeypatch.setenv("RAQMANA_JOB_CHECK_SECONDS", "5")
    strict = get_settings(data_dir=world.ws.settings.data_dir)
    assert (strict.job_lease_seconds, strict.job_attempts, strict.job_check_seconds) == (60, 2, 5)
    assert (world.ws.settings.job_lease_seconds, world.ws.settings.job_attempts) == (3600, 3)
    elsewhere = claimed(world, "other-host/1:12:abcd:1", started_ago=timedelta(minutes=5))
    assert recover_stale_jobs(world.ws) == jobs.Recovery()  # the default lease is an hour
    give_up = claimed(world, dead_worker(), attempts=2)
    report = recover_stale_jobs(replace(world.ws, settings=strict))
    assert (report.requeued, report.failed) == ([elsewhere], [give_up])
