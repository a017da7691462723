"""Publishing the portal at the issue's size: a snapshot of the catalogue with every KPI's trend over
``--kpis`` KPIs × ``--institutions`` institutions × ``--quarters`` quarters of figures (85 × 900 × 20 =
1.53 M with the dictionary's reported KPIs), and one KPI's page data.

The workspace is built as ``benchmarks/portal.py`` builds it (3,000 services, their transactions, the
institutions' figures written by the database) into the database of ``RAQMANA_DATABASE_URL`` (a
PostgreSQL database, created when missing) or a temporary SQLite file; with ``--reuse`` a database that
already holds them is used as it is (to measure two versions of the code on the same data).

Each publication is timed ``--repeat`` times: wall seconds, this process's CPU seconds (user + system)
and, on PostgreSQL, the CPU seconds of the database server's backend that ran the queries (read from
``/proc``, so only when the server runs on this machine). PostgreSQL may hand parts of a query to parallel
workers, whose CPU the backend's does not include: ``--serial-db`` runs the queries without them, so the
backend's CPU is all the database's work. The machine's load average is printed: on a shared machine,
wall figures are load figures, CPU seconds are the ones to compare.

Run:
    RAQMANA_DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:55432/raqmana_publish \\
        .venv/bin/python benchmarks/portal_publish.py --institutions 900 [--reuse] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

from raqmana.settings import get_settings
from raqmana.store import make_engine
from raqmana.store.models import KpiObservation, Organisation, Service
from raqmana.workspace import SYSTEM, open_workspace
from raqmana.workspace.orgs import seed_iraq
from raqmana.workspace.publication import publish
from raqmana.workspace.services import import_services


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _backend_cpu(session: Any) -> float | None:
    """CPU seconds of the PostgreSQL backend serving ``session`` (None: not PostgreSQL, or elsewhere)."""
    if session.get_bind().dialect.name != "postgresql":
        return None
    pid = session.execute(text("SELECT pg_backend_pid()")).scalar_one()
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks  # utime + stime


def _ensure_database(url: str) -> None:
    u = make_url(url)
    if u.get_backend_name() != "postgresql":
        return
    admin = make_engine(
        u.set(database="postgres").render_as_string(hide_password=False), isolation_level="AUTOCOMMIT"
    )
    with admin.connect() as c:
        if not c.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": u.database}).first():
            c.execute(text(f'CREATE DATABASE "{u.database}"'))
    admin.dispose()


def build(ws: Any, args: argparse.Namespace) -> None:
    from portal import catalogue, institution_figures, observations

    with ws.transaction() as s:
        seed_iraq(s, SYSTEM)
        owners = [o for (o,) in s.execute(select(Organisation.code))]
    with ws.transaction() as s:
        data = catalogue(owners, args.services, random.Random(2026))  # nosec B311  # benchmark data
        import_services(s, SYSTEM, data=data, filename="services.csv")
    with ws.transaction() as s:
        q = select(Service.code, Organisation.code, Service.owner_org_id).join(
            Organisation, Organisation.id == Service.owner_org_id
        )
        n = observations(s, [tuple(r) for r in s.execute(q)], args.quarters, random.Random(7))  # nosec B311
    print(f"  {n:,} service figures inserted")
    institution_figures(ws, args.institutions, args.kpis, args.quarters)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--services", type=int, default=3000)
    parser.add_argument("--quarters", type=int, default=20)
    parser.add_argument("--institutions", type=int, default=900)
    parser.add_argument("--kpis", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--reuse", action="store_true", help="the database already holds the data")
    parser.add_argument(
        "--serial-db", action="store_true", help="PostgreSQL without parallel workers (all its CPU counted)"
    )
    args = parser.parse_args()
    data_dir = tempfile.mkdtemp(prefix="raqmana-publish-")
    os.environ.update({"RAQMANA_DATA_DIR": data_dir, "RAQMANA_ENVIRONMENT": "development"})
    url = os.environ.get("RAQMANA_DATABASE_URL", "")
    if url:
        _ensure_database(url)
    ws = open_workspace(get_settings())
    if not args.reuse:
        build(ws, args)
    with ws.reader() as s:
        figures = s.scalar(select(func.count()).select_from(KpiObservation)) or 0
    print(f"{figures:,} KPI figures ({ws.engine.dialect.name}); load average {os.getloadavg()}")
    walls, cpus, dbs = [], [], []
    for _ in range(args.repeat):
        with ws.transaction() as s:
            if args.serial_db and ws.engine.dialect.name == "postgresql":
                s.execute(text("SET LOCAL max_parallel_workers_per_gather = 0"))
            db0, cpu0, t0 = _backend_cpu(s), _cpu(), time.perf_counter()
            view = publish(s, SYSTEM)
            wall, cpu, db1 = time.perf_counter() - t0, _cpu() - cpu0, _backend_cpu(s)
        walls.append(wall)
        cpus.append(cpu)
        if db0 is not None and db1 is not None:
            dbs.append(db1 - db0)
        print(
            f"  publish v{view.version}: {wall:6.2f} s wall, {cpu:6.2f} s CPU here"
            + (f", {dbs[-1]:6.2f} s CPU in the database" if dbs else "")
        )
    print(
        f"publish (snapshot + digest, every KPI's trend): median {statistics.median(walls):.2f} s wall, "
        f"{statistics.median(cpus):.2f} s CPU here"
        + (f", {statistics.median(dbs):.2f} s CPU in the database" if dbs else "")
        + f"; load average {os.getloadavg()}"
    )
    ws.dispose()


if __name__ == "__main__":
    main()
