"""Scale-out on one PostgreSQL: several `raqmana serve` and several `raqmana worker` processes.

A fresh database is created on the server of ``RAQMANA_DATABASE_URL`` (e.g. the test cluster of
``scripts/pg-test-cluster.sh``), 2 web servers (``--no-inline-worker``) and 3 workers are started as
separate processes (as they would run on separate machines), and N short jobs (empty workbook batches)
are queued while both servers answer ``/readyz`` and ``/healthz`` in a loop. It prints, per worker, the
jobs it ran, the jobs claimed more than once (``attempts > 1``: must be 0), jobs left unfinished, the
queue's throughput and the servers' error count, then stops everything and drops the database.

Run:
    RAQMANA_DATABASE_URL=$(bash scripts/pg-test-cluster.sh start) .venv/bin/python benchmarks/scale_out.py
Options: --jobs 300 --servers 2 --workers 3 --seconds 120
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

import httpx
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

from raqmana.settings import get_settings
from raqmana.store import jobs as queue
from raqmana.store import make_engine
from raqmana.store.models import Job
from raqmana.workspace import open_workspace
from raqmana.workspace.job_handlers import WORKBOOK_IMPORT

RAQMANA = str(Path(sys.executable).parent / "raqmana")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--jobs", type=int, default=300)
    p.add_argument("--servers", type=int, default=2)
    p.add_argument("--workers", type=int, default=3)
    p.add_argument("--seconds", type=float, default=120, help="give up after this long")
    args = p.parse_args()
    server_url = os.environ.get("RAQMANA_DATABASE_URL", "")
    if not server_url.startswith("postgresql"):
        sys.exit("set RAQMANA_DATABASE_URL to a PostgreSQL server (scripts/pg-test-cluster.sh start)")

    name = f"raqmana_scale_{uuid.uuid4().hex[:8]}"
    admin = make_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(server_url).set(database=name).render_as_string(hide_password=False)
    procs: list[subprocess.Popen[bytes]] = []
    try:
        with tempfile.TemporaryDirectory(prefix="raqmana-scale-") as tmp:
            env = {
                **os.environ,
                "RAQMANA_DATABASE_URL": url,
                "RAQMANA_DATA_DIR": tmp,
                "RAQMANA_SECRET_KEY": "scale-out-benchmark-secret-0123456789",
                "RAQMANA_HEARTBEAT_SECONDS": "2",
            }
            settings = get_settings(
                database_url=url, data_dir=Path(tmp), secret_key=env["RAQMANA_SECRET_KEY"]
            )
            ws = open_workspace(settings)  # migrates once, before the processes start
            ports = [free_port() for _ in range(args.servers)]
            for port in ports:
                cmd = [RAQMANA, "serve", "--port", str(port), "--no-inline-worker"]
                procs.append(
                    subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                )
            for _ in range(args.workers):
                cmd = [RAQMANA, "worker", "--poll", "0.2"]
                procs.append(
                    subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                )

            health = Counter[str]()
            stop = threading.Event()

            def probe() -> None:
                with httpx.Client(timeout=5) as client:
                    while not stop.is_set():
                        for port in ports:
                            for path in ("/healthz", "/readyz"):
                                try:
                                    r = client.get(f"http://127.0.0.1:{port}{path}")
                                    health[f"{path} {r.status_code}"] += 1
                                except httpx.HTTPError:
                                    health[f"{path} unreachable"] += 1
                        stop.wait(0.2)

            deadline = time.monotonic() + 180
            for port in ports:  # wait for the servers
                while True:
                    try:
                        httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2)
                        break
                    except httpx.HTTPError:
                        if time.monotonic() > deadline:
                            sys.exit(f"server on port {port} did not start")
                        time.sleep(0.3)
            prober = threading.Thread(target=probe, daemon=True)
            prober.start()

            started = time.monotonic()
            with ws.transaction() as s:
                for _ in range(args.jobs):
                    queue.enqueue(
                        s,
                        kind=WORKBOOK_IMPORT,
                        payload={
                            "files": [],
                            "lang": "en",
                            "actor": {"user_id": None, "system": "benchmark"},
                        },
                        created_by=None,
                    )
            while time.monotonic() - started < args.seconds:
                with ws.reader() as s:
                    left = s.scalar(
                        select(func.count()).select_from(Job).where(Job.status.in_(("queued", "running")))
                    )
                if not left:
                    break
                time.sleep(0.2)
            elapsed = time.monotonic() - started
            stop.set()
            prober.join()
            with ws.reader() as s:
                rows = s.execute(select(Job.status, Job.attempts, Job.worker)).all()
            ws.dispose()
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    statuses = Counter(status for status, _, _ in rows)
    twice = sum(1 for _, attempts, _ in rows if attempts > 1)
    per_process = Counter(worker.rsplit(":", 1)[0] for status, _, worker in rows if status == "done")
    print(f"PostgreSQL, {args.servers} servers, {args.workers} workers, {args.jobs} jobs")
    print(
        f"  done {statuses.get('done', 0)}, failed {statuses.get('failed', 0)}, unfinished "
        f"{statuses.get('queued', 0) + statuses.get('running', 0)}, claimed more than once {twice}"
    )
    print(f"  {elapsed:.1f} s, {statuses.get('done', 0) / elapsed:.0f} jobs/s")
    for i, (worker, n) in enumerate(sorted(per_process.items()), start=1):
        print(f"  worker {i} ({worker.split(':')[1]}): {n} jobs")
    print("  servers: " + ", ".join(f"{k}: {v}" for k, v in sorted(health.items())))
    bad = twice or statuses.get("done", 0) != args.jobs or any(not k.endswith(" 200") for k in health)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
