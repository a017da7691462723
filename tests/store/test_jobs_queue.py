"""The DB-backed queue: oldest first, each job claimed once, SKIP LOCKED on PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from raqmana.store import jobs, make_engine, make_sessionmaker
from raqmana.store.models import Job


@pytest.fixture
def sessions(database_url):
    engine = make_engine(database_url)
    yield make_sessionmaker(engine)
    engine.dispose()


def test_it_hands_out_jobs_oldest_first_and_each_once(sessions):
    with sessions.begin() as s:
        a = jobs.enqueue(s, kind="k", payload={"n": 1}, created_by=None).id
        b = jobs.enqueue(s, kind="k", payload={"n": 2}, created_by=None).id
        jobs.enqueue(s, kind="other", payload={}, created_by=None)
    with sessions.begin() as s:
        first = jobs.claim(s, worker="w1", kinds=["k"])
        assert first.id == a and first.status == "running" and first.attempts == 1 and first.worker == "w1"
    with sessions.begin() as s:
        assert jobs.claim(s, worker="w2", kinds=["k"]).id == b
    with sessions.begin() as s:
        assert jobs.claim(s, worker="w3", kinds=["k"]) is None


def test_it_records_progress_results_and_failures(sessions):
    with sessions.begin() as s:
        j1 = jobs.enqueue(s, kind="k", payload={}, created_by=None).id
        j2 = jobs.enqueue(s, kind="k", payload={}, created_by=None).id
        jobs.set_progress(s, j1, 1.7, "almost")
        jobs.finish(s, j1, {"rows": 3})
        jobs.fail(s, j2, [{"code": "X"}], "bad")
    with sessions() as s:
        done, failed = s.get(Job, j1), s.get(Job, j2)
        assert (done.status, done.progress, done.result) == ("done", 1.0, {"rows": 3})
        assert (failed.status, failed.error, failed.message) == ("failed", [{"code": "X"}], "bad")


@pytest.mark.pg
@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_it_lets_concurrent_postgresql_workers_skip_each_others_locked_jobs(sessions):
    with sessions.begin() as s:
        ids = [jobs.enqueue(s, kind="k", payload={}, created_by=None).id for _ in range(2)]
    first: Session = sessions()
    second: Session = sessions()
    try:
        first.begin()
        second.begin()
        a = jobs.claim(first, worker="w1")
        b = jobs.claim(second, worker="w2")  # does not wait for the first worker's lock
        assert {a.id, b.id} == set(ids)
        first.commit()
        second.commit()
    finally:
        first.close()
        second.close()
