"""The service catalogue and the public portal: derived KPIs for the whole country, publishing, and the
portal page under load against a static file of the same size served by the same app.

A catalogue of 3,000 services (owners drawn from the Iraqi organisation tree) is imported into a fresh
SQLite workspace (or the PostgreSQL database of ``RAQMANA_DATABASE_URL``), then:

* recompute: the derived KPIs of the whole country from the database (what happens after a change);
* publish: one immutable snapshot (services, KPIs, digest);
* load: ``--connections`` concurrent connections asking again the moment an answer arrives, for
  ``--seconds`` each, on ``/public?lang=en`` and on a static file of the same size (both gzipped by the
  same middleware), with uvicorn ``--workers`` processes on 127.0.0.1.

Run:
    .venv/bin/python benchmarks/portal.py [--services 3000] [--connections 200] [--seconds 10] [--workers 2]
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import io
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))

from web_load import _load, _pct, server

from raqmana.metrics.service import COLUMNS
from raqmana.settings import get_settings
from raqmana.store.models import Organisation
from raqmana.workspace import SYSTEM, open_workspace
from raqmana.workspace.orgs import seed_iraq
from raqmana.workspace.publication import publish
from raqmana.workspace.services import catalogue_kpis, import_services

STATIC = Path(__file__).resolve().parents[1] / "src" / "raqmana" / "web" / "static"


def catalogue(owners: list[str], n: int, rng: random.Random) -> bytes:
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=list(COLUMNS), lineterminator="\n")
    w.writeheader()
    for i in range(n):
        level = rng.randint(1, 5)
        before = rng.randint(1, 5)
        w.writerow(
            {
                **dict.fromkeys(COLUMNS, ""),
                "code": f"svc-{i:05d}",
                "owner": rng.choice(owners),
                "name_en": f"Service {i}",
                "name_ar": f"الخدمة {i}",
                "name_ckb": f"خزمەتگوزاری {i}",
                "level": level,
                "visits_before": before,
                "visits_now": 0 if level >= 4 else rng.randint(0, before),
                "annual_transactions": rng.randint(100, 200_000),
                "documents_required": (req := rng.randint(0, 6)),
                "documents_held": rng.randint(0, req),
                "processing_days": rng.randint(0, 60),
                "illustrative": "yes",
            }
        )
    return out.getvalue().encode()


def load(name: str, url: str, connections: int, seconds: float) -> float:
    asyncio.run(_load(url, {}, 5, 20, 30))  # warm-up (and the page cache)
    started = time.perf_counter()
    lat, errors = asyncio.run(_load(url, {}, connections, 10**9, seconds))
    wall = time.perf_counter() - started
    ms = [x * 1000 for x in lat]
    rate = len(ms) / wall
    failed = ",".join(f"{k}x{v}" for k, v in errors.items()) or "0"
    print(
        f"  {name:28s} {connections} connections: n={len(ms):5d} errors={failed} {rate:6.1f} req/s  "
        f"p50={statistics.median(ms):7.1f} ms  p95={_pct(ms, 95):7.1f} ms  p99={_pct(ms, 99):7.1f} ms"
    )
    return rate


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--services", type=int, default=3000)
    parser.add_argument("--connections", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    data_dir = tempfile.mkdtemp(prefix="raqmana-portal-")
    env = {"RAQMANA_DATA_DIR": data_dir, "RAQMANA_ENVIRONMENT": "development"}
    os.environ.update(env)
    settings = get_settings()
    ws = open_workspace(settings)
    with ws.transaction() as s:
        seed_iraq(s, SYSTEM)
        owners = [
            o for (o,) in s.execute(Organisation.__table__.select().with_only_columns(Organisation.code))
        ]
    data = catalogue(owners, args.services, random.Random(2026))
    t = time.perf_counter()
    with ws.transaction() as s:
        import_services(s, SYSTEM, data=data, filename="services.csv")
    print(f"{args.services} services over {len(owners)} institutions ({ws.engine.dialect.name})")
    print(f"  import (all or nothing)      {time.perf_counter() - t:7.3f} s")
    times = []
    for _ in range(5):
        t = time.perf_counter()
        with ws.reader() as s:
            kpis = catalogue_kpis(s, SYSTEM)
        times.append(time.perf_counter() - t)
    print(
        f"  derived KPIs, whole country  {min(times) * 1000:7.1f} ms (best of 5; {kpis.visits_avoided:,} visits avoided)"
    )
    t = time.perf_counter()
    with ws.transaction() as s:
        publish(s, SYSTEM)
    print(f"  publish (snapshot + digest)  {time.perf_counter() - t:7.3f} s")
    ws.dispose()
    with server(env, args.workers) as url:
        page = httpx.get(f"{url}/public?lang=en").content
        static = STATIC / f"bench-portal-{os.getpid()}.html"
        static.write_bytes(page)
        try:
            print(f"  page size {len(page):,} bytes; {args.workers} uvicorn workers")
            portal = load("/public?lang=en", f"{url}/public?lang=en", args.connections, args.seconds)
            flat = load(
                "static file, same size", f"{url}/static/{static.name}", args.connections, args.seconds
            )
            print(f"  portal / static throughput   {portal / flat:7.2f}")
        finally:
            static.unlink()


if __name__ == "__main__":
    main()
