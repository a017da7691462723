"""The service catalogue and the public portal: derived KPIs for the whole country, publishing, and the
portal page under load against a static file of the same size served by the same app.

A catalogue of 3,000 services (owners drawn from the Iraqi organisation tree) is imported into a fresh
SQLite workspace (or the PostgreSQL database of ``RAQMANA_DATABASE_URL``), then:

* recompute: the derived KPIs of the whole country from the database (what happens after a change);
* observations: ``--quarters`` quarters of transactions (all and online) reported for every service,
  then one figure corrected through the ordinary use case and the quarterly KPIs of the whole country
  (share of transactions online, visits avoided) computed again from the database;
* publish: one immutable snapshot (services, KPIs, digest);
* load: ``--connections`` concurrent connections asking again the moment an answer arrives, for
  ``--seconds`` each, on ``/public?lang=en`` and on a static file of the same size served by the same
  app in the same run, with uvicorn ``--workers`` processes on 127.0.0.1: ``wrk`` when installed (C, it
  leaves the cores to the app), the Python generator otherwise (``--generator``). Each line gives the
  CPU seconds of the app's processes and of the generator and the load average: on a shared machine
  the wall-clock figures are load figures. ``--compare`` measures with the public pages built by the
  app for every request (``RAQMANA_PUBLIC_CACHE=false``), then kept (the default).

* with ``--institutions`` (the issue's 900) every KPI institutions report (the dictionary's, up to
  ``--kpis``) for each institution over ``--quarters`` quarters goes in by the database (INSERT … SELECT on
  PostgreSQL), then publishing (with every KPI's trend) and the KPI pages of the portal are measured too.

Run:
    .venv/bin/python benchmarks/portal.py [--services 3000] [--connections 200] [--seconds 10] [--workers 2]
    RAQMANA_DATABASE_URL=postgresql+psycopg://… .venv/bin/python benchmarks/portal.py --institutions 900
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).parent))

from _server import app_server
from wrk_load import measure, visitor_cookie

from raqmana.metrics.observations import Observation
from raqmana.metrics.service import COLUMNS
from raqmana.settings import get_settings
from raqmana.store.models import KpiObservation, Organisation
from raqmana.workspace import SYSTEM, open_workspace
from raqmana.workspace.kpis import computed_quarters, save_observation
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


def observations(
    session: Any, services: list[tuple[str, str, int]], quarters: int, rng: random.Random
) -> int:
    """Transactions (all and online) of every service for ``quarters`` quarters from 2022-Q1, inserted in
    bulk (the import's checks are measured by the web tests; here the recompute is)."""
    rows = []
    for code, owner, org_id in services:
        for q in range(quarters):
            period = f"{2022 + q // 4}-Q{q % 4 + 1}"
            n = rng.randint(100, 50_000)
            for kpi, value in (("transactions", n), ("transactions_online", rng.randint(0, n))):
                o = Observation(
                    kpi=kpi, period=period, institution=owner, service=code, value=value, unit="count"
                )
                rows.append(
                    {
                        "key": o.key,
                        "kpi": kpi,
                        "period": period,
                        "org_id": org_id,
                        "service_code": code,
                        "governorate": "",
                        "sex": "",
                        "age_group": "",
                        "area": "",
                        "disability": "",
                        "value": float(value),
                        "unit": "count",
                        "source": "benchmark",
                        "illustrative": True,
                        "version": 1,
                        "reported_by": None,
                        "accepted_value": float(value),
                    }
                )
    for i in range(0, len(rows), 10_000):
        session.execute(KpiObservation.__table__.insert(), rows[i : i + 10_000])
    return len(rows)


def institution_figures(ws: Any, institutions: int, kpis: int, quarters: int) -> list[str]:
    """``institutions`` units under the ministries, and a figure of each reported KPI (up to ``kpis``) for
    each of them in each of ``quarters`` quarters, written by the database itself."""
    from sqlalchemy import text

    from raqmana.workspace.kpis import dictionary
    from raqmana.workspace.org_import import import_organisations

    ids = [k.id for k in dictionary().values() if not k.derived][:kpis]
    rows = ["code,kind,parent_code,name_en,name_ar,name_ckb"]
    rows += [f"bench-{i:04d},unit,moi,Unit {i},الوحدة {i},یەکەی {i}" for i in range(institutions)]
    t = time.perf_counter()
    with ws.transaction() as s:
        import_organisations(s, SYSTEM, data="\n".join(rows).encode(), filename="units.csv")
        units = [i for (i,) in s.execute(text("SELECT id FROM organisations WHERE code LIKE 'bench-%'"))]
        periods = [f"{2022 + q // 4}-Q{q % 4 + 1}" for q in range(quarters)]
        unit = {k.id: k.unit for k in dictionary().values()}
        if ws.engine.dialect.name == "postgresql":
            s.execute(
                text(
                    "INSERT INTO kpi_observations (key, kpi, period, org_id, service_code, governorate, sex,"
                    " age_group, area, disability, value, unit, source, illustrative, version, updated_at)"
                    " SELECT k.id || '|' || p.period || '|' || o.code || '||||||', k.id, p.period, o.id, '', '',"
                    " '', '', '', '', round((random() * 100)::numeric, 1), k.unit, 'benchmark', true, 1, now()"
                    " FROM unnest(CAST(:ids AS text[]), CAST(:units AS text[])) AS k(id, unit)"
                    " CROSS JOIN unnest(CAST(:periods AS text[])) AS p(period)"
                    " CROSS JOIN organisations o WHERE o.code LIKE 'bench-%'"
                ),
                {"ids": ids, "units": [unit[i] for i in ids], "periods": periods},
            )
        else:
            codes = dict(
                s.execute(text("SELECT id, code FROM organisations WHERE code LIKE 'bench-%'")).tuples()
            )
            batch = []
            for k in ids:
                for p in periods:
                    for o in units:
                        batch.append(
                            {
                                "key": f"{k}|{p}|{codes[o]}||||||",
                                "kpi": k,
                                "period": p,
                                "org_id": o,
                                "service_code": "",
                                "governorate": "",
                                "sex": "",
                                "age_group": "",
                                "area": "",
                                "disability": "",
                                "value": random.random() * 100,
                                "unit": unit[k],
                                "source": "benchmark",
                                "illustrative": True,
                                "version": 1,
                                "reported_by": None,
                            }
                        )
                        if len(batch) == 20_000:
                            s.execute(KpiObservation.__table__.insert(), batch)
                            batch = []
            if batch:
                s.execute(KpiObservation.__table__.insert(), batch)
        # figures written by the database are accepted ones (the KPIs count the accepted value)
        s.execute(text("UPDATE kpi_observations SET accepted_value = value WHERE accepted_value IS NULL"))
    n = len(ids) * len(periods) * len(units)
    print(
        f"  {len(ids)} KPIs x {len(units)} institutions x {len(periods)} quarters = {n:,} figures inserted"
        f" {time.perf_counter() - t:7.1f} s"
    )
    if ws.engine.dialect.name == "postgresql":
        with ws.engine.begin() as c:
            c.execute(text("ANALYZE kpi_observations"))
    return ids


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--services", type=int, default=3000)
    parser.add_argument("--connections", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--quarters", type=int, default=20)
    parser.add_argument("--institutions", type=int, default=0)
    parser.add_argument("--kpis", type=int, default=100)
    parser.add_argument("--generator", choices=("auto", "wrk", "python"), default="auto")
    parser.add_argument(
        "--compare", action="store_true", help="measure with the public pages built by the app, then kept"
    )
    parser.add_argument(
        "--uvicorn",
        action="append",
        default=[],
        help="more uvicorn options, e.g. --uvicorn='--loop uvloop --http httptools' (each given is measured)",
    )
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
    from sqlalchemy import select

    from raqmana.store.models import Service

    with ws.transaction() as s:
        q = select(Service.code, Organisation.code, Service.owner_org_id).join(
            Organisation, Organisation.id == Service.owner_org_id
        )
        svc = [tuple(r) for r in s.execute(q)]
        t = time.perf_counter()
        n = observations(s, svc, args.quarters, random.Random(7))
    print(f"  {n:,} observations inserted   {time.perf_counter() - t:7.3f} s")
    if ws.engine.dialect.name == "postgresql":  # as autovacuum would after a bulk load
        from sqlalchemy import text

        with ws.engine.begin() as c:
            c.execute(text("ANALYZE kpi_observations"))
    times = []
    for i in range(5):
        code = svc[i][0]
        row = {
            "kpi": "transactions",
            "period": "2022-Q1",
            "service": code,
            "value": str(60_000 + i),
            "unit": "count",
        }
        t = time.perf_counter()
        with ws.transaction() as s:
            save_observation(s, SYSTEM, values=row)
        with ws.reader() as s:
            quarters = computed_quarters(s, SYSTEM)
        times.append(time.perf_counter() - t)
    print(
        f"  one figure changed, then the quarterly KPIs of the whole country: median "
        f"{statistics.median(times):.3f} s, max {max(times):.3f} s ({len(quarters)} quarters; "
        f"last: {quarters[-1].online_share:.3f} online, {quarters[-1].visits_avoided:,.0f} visits avoided)"
    )
    kpi_ids: list[str] = []
    if args.institutions:
        kpi_ids = institution_figures(ws, args.institutions, args.kpis, args.quarters)
    t = time.perf_counter()
    with ws.transaction() as s:
        publish(s, SYSTEM)
    print(f"  publish (snapshot + digest)  {time.perf_counter() - t:7.3f} s")
    ws.dispose()
    modes = (
        [("false", "pages built by the app"), ("true", "public pages kept")] if args.compare else [("", "")]
    )
    for cache, label in modes:
        run_env = {**env, "RAQMANA_PUBLIC_CACHE": cache} if cache else env
        for extra in args.uvicorn or [""]:
            if label or extra:
                print(f"-- {label} (RAQMANA_PUBLIC_CACHE={cache}) {extra}")
            measure_portal(run_env, args, kpi_ids, tuple(extra.split()))


def measure_portal(
    env: dict[str, str], args: argparse.Namespace, kpi_ids: list[str], extra: tuple[str, ...] = ()
) -> None:
    """The portal home and a KPI page under load, each against a static file of the same size served by
    the same app in the same run (wrk when installed, the Python generator otherwise); ``extra``: more
    uvicorn options."""
    static = STATIC / f"bench-portal-{os.getpid()}.html"
    try:
        with app_server(env, args.workers, extra=extra) as (url, pid):
            pages = [("/public?lang=en", f"{url}/public?lang=en")]
            if kpi_ids:
                pages.append(("/public/kpis/{kpi}?lang=ar", f"{url}/public/kpis/{kpi_ids[0]}?lang=ar"))
            for name, page_url in pages:
                page = httpx.get(page_url, timeout=120).content
                static.write_bytes(page)
                cookie = visitor_cookie(page_url)  # a returning browser's cookies (CSRF, language)
                print(f"  {name}: {len(page):,} bytes; {args.workers} uvicorn workers {' '.join(extra)}")
                rates = []
                for label, target in (
                    (name, page_url),
                    ("static file, same size", f"{url}/static/{static.name}"),
                ):
                    for warm in (True, False):  # a warm-up (and the page caches), then the run measured
                        result = measure(
                            label,
                            target,
                            pid,
                            connections=args.connections,
                            seconds=2 if warm else args.seconds,
                            cookie=cookie,
                            generator=args.generator,
                        )
                    print(result.line())
                    rates.append(result.rate)
                print(f"  page / static throughput           {rates[0] / rates[1]:7.2f}")
    finally:  # once the server stopped: it may still answer requests queued when the load stopped
        static.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
