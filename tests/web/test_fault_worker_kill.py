"""Faults: a `raqmana worker` killed with SIGKILL while it renders a report. Its job is taken back and
finished by the next worker, the SQLite file passes its integrity check and the audit chain verifies."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select, text

from raqmana.store.models import Job
from raqmana.workspace import SYSTEM
from raqmana.workspace.audit import verify_audit
from raqmana.workspace.jobs import recover_stale_jobs, run_one
from raqmana.workspace.report_jobs import enqueue_report

from .test_results import ANSWERS, accept

RAQMANA = str(Path(sys.executable).parent / "raqmana")


@pytest.mark.slow
def test_a_report_job_survives_its_worker_being_killed(world):
    accept(world, ANSWERS)
    with world.ws.transaction() as s:
        job_id = enqueue_report(
            s, SYSTEM, assessment_id=world.assessment_id, scope="national", langs=("ar", "ckb", "en"), runs=50
        ).id
    settings = world.ws.settings
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("RAQMANA_")},
        "RAQMANA_DATA_DIR": str(settings.data_dir),
        "RAQMANA_DATABASE_URL": settings.sqlalchemy_url,
        "RAQMANA_SECRET_KEY": settings.secret_key,
        "RAQMANA_PASSWORD_COST": "minimal",
    }
    worker = subprocess.Popen(
        [RAQMANA, "worker", "--poll", "0.1"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 120
        while True:  # until it is rendering (past the scoring step)
            with world.ws.reader() as s:
                status, progress = s.execute(select(Job.status, Job.progress).where(Job.id == job_id)).one()
            assert status in ("queued", "running"), f"the job ended before the kill: {status}"
            if status == "running" and progress > 0:
                break
            assert time.monotonic() < deadline, "the worker never started the job"
            time.sleep(0.05)
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=30)
    finally:
        if worker.poll() is None:
            worker.kill()
    with world.ws.reader() as s:
        assert s.scalar(select(Job.status).where(Job.id == job_id)) == "running"  # left behind

    assert recover_stale_jobs(world.ws).requeued == [job_id]  # its process is gone: taken back at once
    done = run_one(world.ws)
    assert done is not None and done.id == job_id and done.status == "done", done
    assert done.attempts == 2
    with world.ws.reader() as s:
        assert s.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
        assert verify_audit(s).ok
