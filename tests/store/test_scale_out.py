"""Several `raqmana worker` processes on one database share the queue: each job is claimed once.
(With web servers too, and figures: benchmarks/scale_out.py.)"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select

from raqmana.store import jobs as queue
from raqmana.store.models import Job
from raqmana.workspace.job_handlers import WORKBOOK_IMPORT

RAQMANA = str(Path(sys.executable).parent / "raqmana")


@pytest.mark.slow
def test_three_worker_processes_claim_each_job_once(ws, tmp_path):
    jobs = 60
    with ws.transaction() as s:
        for _ in range(jobs):
            queue.enqueue(
                s,
                kind=WORKBOOK_IMPORT,
                payload={"files": [], "lang": "en", "actor": {"user_id": None, "system": "test"}},
                created_by=None,
            )
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("RAQMANA_")},
        "RAQMANA_DATABASE_URL": ws.settings.sqlalchemy_url,
        "RAQMANA_DATA_DIR": str(ws.settings.data_dir),
        "RAQMANA_SECRET_KEY": ws.settings.secret_key,
        "RAQMANA_PASSWORD_COST": "minimal",
    }
    procs = [
        subprocess.Popen(
            [RAQMANA, "worker", "--once", "--poll", "0.1"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for _ in range(3)
    ]
    outputs = [p.communicate(timeout=240)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], outputs
    ran = [int(m.group(1)) for out in outputs for m in re.finditer(r"worker stopped after (\d+) job", out)]
    assert sum(ran) == jobs, outputs
    with ws.reader() as s:
        rows = s.execute(select(Job.status, Job.attempts, Job.worker)).all()
    assert Counter(status for status, _, _ in rows) == {"done": jobs}
    assert {attempts for _, attempts, _ in rows} == {1}  # nobody claimed a job twice
