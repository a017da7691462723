"""Faults: `raqmana serve` (running queued jobs in its inline worker) killed with SIGKILL in the middle
of a workbook batch import and of a report job, on SQLite and on PostgreSQL.

After the kill no workbook is half imported (each one is all or nothing); the server is started again,
takes the job back and finishes it once (a second attempt, the first attempt's files not imported
twice); the audit chain verifies, and on SQLite the file passes its integrity check.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select, text

from raqmana.store.models import Job, Organisation, Response, ResponseRevision
from raqmana.workspace import SYSTEM
from raqmana.workspace.audit import verify_audit
from raqmana.workspace.report_jobs import enqueue_report
from raqmana.workspace.workbook_batch import start_workbook_import
from tests.web.test_results import accept
from tests.workspace.test_workbook_batch import filled

pytestmark = pytest.mark.slow
#: accepted answers of the reported round (P1-01 differs per institution)
REPORTED = {"P1-02": 3, "P1-03": 2, "P2-01": "yes", "P2-02": 12, "P2-03": 40, "P2-04": "cloud"}
RAQMANA = str(Path(sys.executable).parent / "raqmana")
BATCH = ("moa", "mob", "gov-erbil")


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def served(world, *, wait: bool = True) -> Iterator[subprocess.Popen[bytes]]:
    """``raqmana serve`` with its inline worker on the world's database and data directory (answering
    ``/healthz`` unless ``wait`` is false)."""
    settings = world.ws.settings
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("RAQMANA_")},
        "RAQMANA_DATA_DIR": str(settings.data_dir),
        "RAQMANA_DATABASE_URL": settings.sqlalchemy_url,
        "RAQMANA_SECRET_KEY": settings.secret_key,
        "RAQMANA_PASSWORD_COST": "minimal",
        "RAQMANA_ENVIRONMENT": "development",
    }
    port = _port()
    proc = subprocess.Popen(
        [RAQMANA, "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while wait:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert proc.poll() is None and time.monotonic() < deadline, "raqmana serve did not start"
            time.sleep(0.1)
        yield proc
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()


def job_state(world, job_id: int) -> tuple[str, float, int]:
    with world.ws.reader() as s:
        status, progress, attempts = s.execute(
            select(Job.status, Job.progress, Job.attempts).where(Job.id == job_id)
        ).one()
    return status, progress, attempts


def kill_while_running(world, job_id: int, *, past: float = 0.0) -> None:
    """Start a server, SIGKILL it as soon as its worker runs the job (with progress past ``past``)."""
    with served(world, wait=False) as proc:  # its worker starts with it: watch the job from the start
        deadline = time.monotonic() + 300  # a loaded machine may take minutes to start the server
        while True:
            status, progress, _ = job_state(world, job_id)
            assert status in ("queued", "running"), f"the job ended before the kill: {status}"
            if status == "running" and progress > past:
                break
            assert time.monotonic() < deadline, f"the server never ran the job: {status}, {progress}"
            time.sleep(0.005)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    assert job_state(world, job_id)[0] == "running", "left behind by the killed server"


def finish_after_restart(world, job_id: int) -> tuple[str, int]:
    """Start the server again and wait until its worker has finished the job."""
    with served(world):
        deadline = time.monotonic() + 240
        while (state := job_state(world, job_id))[0] in ("queued", "running"):
            assert time.monotonic() < deadline, f"the job was not finished after the restart: {state}"
            time.sleep(0.1)
    return state[0], state[2]


def answers_by_institution(world) -> dict[str, tuple[int, int]]:
    """(answers, revisions) stored per institution of the round."""
    with world.ws.reader() as s:
        answers = dict(
            s.execute(
                select(Organisation.code, func.count(Response.id))
                .join(Organisation, Organisation.id == Response.org_id)
                .where(Response.assessment_id == world.assessment_id, Response.answered.is_(True))
                .group_by(Organisation.code)
            ).all()
        )
        revisions = dict(
            s.execute(
                select(Organisation.code, func.count(ResponseRevision.id))
                .join(Response, Response.id == ResponseRevision.response_id)
                .join(Organisation, Organisation.id == Response.org_id)
                .where(Response.assessment_id == world.assessment_id)
                .group_by(Organisation.code)
            ).all()
        )
    return {code: (answers.get(code, 0), revisions.get(code, 0)) for code in BATCH}


def sound(world) -> None:
    with world.ws.reader() as s:
        assert verify_audit(s).ok
        if world.ws.settings.sqlalchemy_url.startswith("sqlite"):
            assert s.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"


def test_a_batch_import_survives_its_server_being_killed(world):
    before = answers_by_institution(world)
    files = [(f"{code}.xlsx", filled(world, code)) for code in BATCH]
    with world.ws.transaction() as s:
        job_id = start_workbook_import(
            s, world["coord"], settings=world.ws.settings, assessment_id=world.assessment_id, files=files
        ).id
    kill_while_running(world, job_id)
    after_kill = answers_by_institution(world)
    for code in BATCH:  # each workbook all or nothing: its answer was imported whole, or not at all
        assert after_kill[code] in (before[code], (before[code][0] + 1, before[code][1] + 1)), code
    assert finish_after_restart(world, job_id) == ("done", 2)
    with world.ws.reader() as s:
        result = s.get(Job, job_id).result
    assert (result["files"], result["imported"], result["failed"]) == (3, 3, 0), result
    after = answers_by_institution(world)
    assert after == {code: (n + 1, r + 1) for code, (n, r) in before.items()}, "each imported once"
    sound(world)


def test_a_report_job_survives_its_server_being_killed(world):
    accept(
        world,
        {code: dict(REPORTED, **{"P1-01": n + 1}) for n, code in enumerate(("moa", "mob", "gov-erbil"))},
    )
    with world.ws.transaction() as s:
        job_id = enqueue_report(
            s, SYSTEM, assessment_id=world.assessment_id, scope="national", langs=("ar", "ckb", "en"), runs=50
        ).id
    kill_while_running(world, job_id, past=0.0)
    assert finish_after_restart(world, job_id) == ("done", 2)
    with world.ws.reader() as s:
        result = s.get(Job, job_id).result
    written = [Path(result["dir"]) / f for f in result["written"] + result["kept"]]
    assert len(written) >= 3 and all(f.is_file() and f.stat().st_size > 0 for f in written), result
    sound(world)
