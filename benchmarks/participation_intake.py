"""Citizen participation intake and reading.

1. Feedback: accepted complaints per second through the public form's JSON twin (one transaction each:
   validation, throttle row, case row, audit event) and the inbox read over all of them.
2. Consultations: accepted comments per second on a section (validation, participation rules, throttle
   row, comment row with its tracking code, audit event), through
   ``POST /api/v1/public/consultations/{id}/comments`` and through the use case alone.
3. The public consultation page with ``--published`` published comments (20,000 by default) spread over
   its sections: ``raqmana``'s app under uvicorn (``--workers``), ``--connections`` concurrent
   connections (asyncio httpx) asking for the page, first at a person's pace (1–3 s between two pages),
   then with no pause at all (saturation); p50/p95/p99 and errors.

    .venv/bin/python benchmarks/participation_intake.py [N]   (SQLite in a temporary directory)
    export RAQMANA_PG_DIR=/tmp/raqmana-pg-bench RAQMANA_PG_PORT=55447
    RAQMANA_DATABASE_URL=$(bash scripts/pg-test-cluster.sh start) \
        .venv/bin/python benchmarks/participation_intake.py 2000 --published 20000 --connections 200
    bash scripts/pg-test-cluster.sh stop

Each message comes from its own address (X-Forwarded-For is not trusted: the client address of the test
client is varied), so the figures are those before the per-address limit applies.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _server import app_server

from raqmana.i18n import Translated
from raqmana.settings import get_settings
from raqmana.web import create_app
from raqmana.workspace import SYSTEM, open_workspace
from raqmana.workspace import consultations as C
from raqmana.workspace import participation as P
from raqmana.workspace.orgs import seed_iraq


def main(n: int, args: argparse.Namespace | None = None) -> None:
    tmp = Path(tempfile.mkdtemp())
    settings = get_settings(
        environment="test",
        data_dir=tmp,
        database_url=os.environ.get("RAQMANA_DATABASE_URL", ""),
        secret_key="benchmark-secret-0123456789abcdef0123456789",
        password_cost="minimal",
    )
    ws = open_workspace(settings)
    with ws.transaction() as s:
        seed_iraq(s, SYSTEM)
    app = create_app(settings, workspace=ws)
    body = {
        "institution": "moi",
        "kind": "complaint",
        "channel": "office",
        "visits": 3,
        "rating": 2,
        "text": "راجعت مديرية الجوازات أربع مرات لأن الاستمارة كانت تُرفض كل مرة لسبب مختلف.",
    }
    print(f"database: {'PostgreSQL' if settings.database_url.startswith('postgres') else 'SQLite'}")
    if args is None or not (args.skip_feedback or args.wrk_only):
        started = time.perf_counter()
        for i in range(n):
            with TestClient(app, client=(f"10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255}", 50000)) as c:
                r = c.post("/api/v1/public/feedback", json=body)
                assert r.status_code == 201, r.text
        http = time.perf_counter() - started
        started = time.perf_counter()
        for i in range(n):
            with ws.transaction() as s:
                P.submit_feedback(
                    s,
                    institution="moi",
                    kind=body["kind"],
                    channel=body["channel"],
                    text=body["text"],
                    lang="ar",
                    client=f"w{i}",
                    answer_days=15,
                )
        direct = time.perf_counter() - started
        started = time.perf_counter()
        with ws.reader() as s:
            inbox = P.inbox(s, SYSTEM)
        read = time.perf_counter() - started
        print(f"through POST /api/v1/public/feedback: {n} in {http:.2f} s = {n / http:.0f} accepted/s")
        print(f"through the use case alone:            {n} in {direct:.2f} s = {n / direct:.0f} accepted/s")
        print(f"inbox over {len(inbox.cases)} cases with the on-time KPI: {read * 1000:.0f} ms")
    if args is not None and args.wrk_only:
        cid = open_for_intake(ws).id
        wrk_intake(settings, ws, cid, args)
    elif args is not None:
        cid = consultation_intake(ws, app, n)
        if args.wrk:
            wrk_intake(settings, ws, cid, args)
        publish_many(ws, cid, args.published)
        cpu_per_request(app, ws, cid)
        page_load(settings, cid, args.connections, args.requests, args.workers)
    ws.dispose()


def open_for_intake(ws):  # type: ignore[no-untyped-def]
    """An open consultation of three sections."""
    now = datetime.now(UTC)
    words = Translated(en="Draft", ar="مسودة", ckb="ڕەشنووس")
    with ws.transaction() as s:
        return C.open_consultation(
            s,
            SYSTEM,
            owner="moi",
            title=words,
            summary=words,
            opens_at=now - timedelta(days=1),
            closes_at=now + timedelta(days=30),
            sections=[C.SectionIn(heading=words, body=words) for _ in range(3)],
        )


def consultation_intake(ws, app, n: int) -> int:  # type: ignore[no-untyped-def]
    """Comments per second on an open consultation of three sections; the consultation's id."""
    c = open_for_intake(ws)
    text = "أقترح أن تشمل البوابة الوطنية خدمات المحافظات كلها وأن تعمل على الهاتف المحمول."
    started = time.perf_counter()
    for i in range(n):
        with TestClient(app, client=(f"11.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255}", 50000)) as client:
            r = client.post(
                f"/api/v1/public/consultations/{c.id}/comments",
                json={"section_id": c.sections[i % 3].id, "text": text},
            )
            assert r.status_code == 201, r.text
    http = time.perf_counter() - started
    started = time.perf_counter()
    for i in range(n):
        with ws.transaction() as s:
            C.add_comment(
                s,
                consultation_id=c.id,
                section_id=c.sections[i % 3].id,
                text=text,
                lang="ar",
                client=f"c{i}",
            )
    direct = time.perf_counter() - started
    threads = 8

    def send(k: int) -> None:
        for i in range(k, n, threads):
            with ws.transaction() as s:
                C.add_comment(
                    s,
                    consultation_id=c.id,
                    section_id=c.sections[i % 3].id,
                    text=text,
                    lang="ar",
                    client=f"t{i}",
                )

    started = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(send, range(threads)))
    together = time.perf_counter() - started
    print(
        f"through the use case, {threads} threads at once: {n} in {together:.2f} s = {n / together:.0f} accepted/s"
    )
    print(
        f"through POST /api/v1/public/consultations/{{id}}/comments: {n} in {http:.2f} s = {n / http:.0f} accepted/s"
    )
    print(
        f"through the use case alone:                                {n} in {direct:.2f} s = {n / direct:.0f} accepted/s"
    )
    return int(c.id)


def publish_many(ws, consultation_id: int, published: int) -> None:  # type: ignore[no-untyped-def]
    """Bring the consultation to ``published`` published comments (bulk rows, as moderation leaves them)."""
    from sqlalchemy import insert, update

    from raqmana.store.models import ConsultationComment, ConsultationSection

    with ws.transaction() as s:
        sections = [x.id for x in s.query(ConsultationSection).filter_by(consultation_id=consultation_id)]
        s.execute(
            update(ConsultationComment)
            .where(ConsultationComment.section_id.in_(sections))
            .values(state="published", moderated_at=datetime.now(UTC))
        )
        have = s.query(ConsultationComment).filter(ConsultationComment.section_id.in_(sections)).count()
        start = datetime.now(UTC) - timedelta(days=20)
        rows = [
            {
                "section_id": sections[i % len(sections)],
                "body": f"تعليق منشور رقم {i}: نريد خدمات أسرع في المحافظة.",
                "lang": "ar",
                "state": "published",
                "created_at": start + timedelta(seconds=i * 60),
                "moderated_at": start + timedelta(seconds=i * 60 + 30),
                "illustrative": True,
            }
            for i in range(max(0, published - have))
        ]
        for k in range(0, len(rows), 5000):
            s.execute(insert(ConsultationComment), rows[k : k + 5000])


def cpu_per_request(app, ws, consultation_id: int) -> None:  # type: ignore[no-untyped-def]
    """Wall and CPU time of this process per page and per comment, in process: what a loaded machine's
    latencies hide (the CPU a page costs decides how many a core serves)."""
    with TestClient(app) as client:
        client.get(f"/public/consultations/{consultation_id}")
        for label, forget in (("read from the database", True), ("within the two-second cache", False)):
            wall, cpu, n = time.perf_counter(), time.process_time(), 40
            for _ in range(n):
                if forget:
                    app.state.consultation_pages = {}
                assert client.get(f"/public/consultations/{consultation_id}").status_code == 200
            print(
                f"public consultation page, {label}: {(time.perf_counter() - wall) / n * 1000:.1f} ms wall, "
                f"{(time.process_time() - cpu) / n * 1000:.1f} ms CPU of the app per request"
            )
    with ws.reader() as s:
        section = C.read_consultation(s, consultation_id=consultation_id).sections[0].id
    wall, cpu, n = time.perf_counter(), time.process_time(), 100
    for i in range(n):
        with ws.transaction() as s:
            C.add_comment(
                s,
                consultation_id=consultation_id,
                section_id=section,
                text="x" * 80,
                lang="ar",
                client=f"u{i}",
            )
    print(
        f"one comment through the use case: {(time.perf_counter() - wall) / n * 1000:.1f} ms wall, "
        f"{(time.process_time() - cpu) / n * 1000:.1f} ms CPU of the app"
    )


def page_load(settings, consultation_id: int, connections: int, requests: int, workers: int) -> None:  # type: ignore[no-untyped-def]
    """The public consultation page under load. With wrk (Debian package ``wrk``: C, it leaves the cores to
    the app): ``connections`` connections for 10 s each, first with the public pages built by the app for
    every request (``RAQMANA_PUBLIC_CACHE=false``), then kept (the default), each against a static file of
    the same size served by the same app in the same run, with the CPU seconds of the app and the load
    average (on a shared machine wall-clock figures are load figures). Without wrk: the Python generator,
    at a person's pace and with no pause."""
    from wrk_load import has_wrk, measure, visitor_cookie

    env = {
        "RAQMANA_DATA_DIR": str(settings.data_dir),
        "RAQMANA_DATABASE_URL": settings.database_url,
        "RAQMANA_SECRET_KEY": settings.secret_key,
        "RAQMANA_ENVIRONMENT": "development",
        "RAQMANA_DEFAULT_LOCALE": "ar",
    }
    if not has_wrk():
        page_load_python(env, consultation_id, connections, requests, workers)
        return
    import httpx

    static = (
        Path(__file__).resolve().parents[1]
        / "src/raqmana/web/static"
        / f"bench-consultation-{os.getpid()}.html"
    )
    try:
        for cache in ("false", "true"):
            with app_server({**env, "RAQMANA_PUBLIC_CACHE": cache}, workers) as (url, pid):
                page = f"{url}/public/consultations/{consultation_id}"
                body = httpx.get(page, timeout=120).content
                static.write_bytes(body)
                cookie = visitor_cookie(page)  # a returning browser's cookies (CSRF, language)
                print(
                    f"-- RAQMANA_PUBLIC_CACHE={cache}: public consultation page {len(body):,} bytes, {workers} workers"
                )
                rates = []
                for label, target in (
                    ("public consultation page", page),
                    ("static file, same size", f"{url}/static/{static.name}"),
                ):
                    for warm in (True, False):  # a warm-up (and the page caches), then the run measured
                        result = measure(
                            label,
                            target,
                            pid,
                            connections=connections,
                            seconds=2 if warm else 10,
                            cookie=cookie,
                        )
                    print(result.line())
                    rates.append(result.rate)
                print(f"  page / static throughput {rates[0] / rates[1]:.2f}")
    finally:  # once the server stopped: it may still answer requests queued when the load stopped
        static.unlink(missing_ok=True)


def page_load_python(
    env: dict[str, str], consultation_id: int, connections: int, requests: int, workers: int
) -> None:
    from web_load import _load, _pct

    with app_server(env, workers, ready="/public/consultations") as (url, _pid):
        page = f"{url}/public/consultations/{consultation_id}"
        alone, _ = asyncio.run(_load(page, {}, 1, 30, 60))
        print(
            f"public consultation page, 1 connection:            p50={statistics.median(alone) * 1000:6.1f} ms"
        )
        for label, think in (("a person's pace (1–3 s)", (1.0, 3.0)), ("no pause (saturation)", (0.0, 0.0))):
            ms, errors = asyncio.run(_load(page, {}, connections, requests, 120, think))
            ms = [x * 1000 for x in ms]
            print(
                f"public consultation page, {connections} connections, {label}: n={len(ms)} "
                f"errors={sum(errors.values())}  p50={statistics.median(ms):6.1f} ms  p95={_pct(ms, 95):6.1f} ms  "
                f"p99={_pct(ms, 99):6.1f} ms"
            )


#: wrk's script for the intake: each request a POST of its own comment (or feedback) from its own address
#: (X-Forwarded-For, trusted from 127.0.0.1), so the per-address limit never applies; ``done`` prints the
#: latency percentiles and the non-2xx count for the benchmark to read
WRK_INTAKE = r"""
local threads, n = {}, 0
function setup(thread)
  n = n + 1
  thread:set("id", n)
  table.insert(threads, thread)
end
local counter = 0
function request()
  counter = counter + 1
  local addr = string.format("10.%d.%d.%d", 100 + id, math.floor(counter / 256) % 256, counter % 256)
  local body
  if MODE == "comment" then
    body = string.format('{"section_id": %d, "text": "أقترح أن تشمل البوابة الوطنية خدمات المحافظات كلها %d-%d"}',
      SECTIONS[(counter % #SECTIONS) + 1], id, counter)
  else
    body = string.format('{"institution": "moi", "kind": "complaint", "channel": "office", "visits": 3, ' ..
      '"rating": 2, "text": "راجعت مديرية الجوازات أربع مرات %d-%d"}', id, counter)
  end
  return wrk.format("POST", PATH, {["Content-Type"] = "application/json", ["X-Forwarded-For"] = addr}, body)
end
function done(summary, latency, requests)
  io.write(string.format("WRK %d %d %d %.1f %.1f %.1f\n", summary.requests, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
"""


def _cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of process ``pid`` and its children still running (uvicorn's workers)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(entry.name) == pid or int(fields[1]) == pid:  # fields[1]: the parent's pid
            total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    return total


def wrk_intake(settings, ws, consultation_id: int, args: argparse.Namespace) -> None:  # type: ignore[no-untyped-def]
    """Intake through uvicorn with ``wrk`` as the load (a C program: it leaves the cores to the app):
    accepted per second, the app's CPU per accepted message, latency percentiles; load average."""
    import resource
    import shutil
    import subprocess

    from sqlalchemy import func, select

    from raqmana.store.models import ConsultationComment, ConsultationSection, FeedbackCase

    if not shutil.which("wrk"):
        print("wrk is not installed (apt-get install -y wrk): the wrk mode is skipped")
        return
    with ws.reader() as s:
        sections = list(
            s.scalars(
                select(ConsultationSection.id).where(ConsultationSection.consultation_id == consultation_id)
            )
        )
    env = {
        "RAQMANA_DATA_DIR": str(settings.data_dir),
        "RAQMANA_DATABASE_URL": settings.database_url,
        "RAQMANA_SECRET_KEY": settings.secret_key,
        "RAQMANA_ENVIRONMENT": "development",
        "RAQMANA_DEFAULT_LOCALE": "ar",
        "RAQMANA_TRUSTED_PROXIES": "127.0.0.1",
    }
    kinds = [("comment", ConsultationComment), ("feedback", FeedbackCase)]
    with app_server(env, args.workers, ready="/public/consultations") as (url, pid):
        for mode, table in kinds:
            path = (
                f"/api/v1/public/consultations/{consultation_id}/comments"
                if mode == "comment"
                else ("/api/v1/public/feedback")
            )
            script = f'MODE = "{mode}"\nPATH = "{path}"\nSECTIONS = {{{", ".join(map(str, sections))}}}\n'
            with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as fh:
                fh.write(script + WRK_INTAKE)
            with ws.reader() as s:
                before = s.scalar(select(func.count()).select_from(table)) or 0
            cpu0, kids0 = _cpu_seconds(pid), resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            out = subprocess.run(
                [
                    "wrk",
                    f"-t{min(2, args.wrk_connections)}",
                    f"-c{args.wrk_connections}",
                    f"-d{args.wrk}s",
                    "--timeout",
                    "30s",
                    "-s",
                    fh.name,
                    url,
                ],
                capture_output=True,
                text=True,
                check=True,
            )
            wall = time.perf_counter() - started
            cpu, kids = _cpu_seconds(pid) - cpu0, resource.getrusage(resource.RUSAGE_CHILDREN)
            os.unlink(fh.name)
            with ws.reader() as s:
                accepted = (s.scalar(select(func.count()).select_from(table)) or 0) - before
            n, refused, failed, p50, p95, p99 = out.stdout.split("WRK ")[1].split()
            load = os.getloadavg()
            print(
                f"wrk {mode:8s} {args.wrk_connections} connections, {args.workers} worker(s): {accepted} accepted in "
                f"{wall:.1f} s = {accepted / wall:.0f} accepted/s (requests {n}, refused {refused}, failed {failed}); "
                f"p50={float(p50):.1f} ms p95={float(p95):.1f} ms p99={float(p99):.1f} ms; app CPU {cpu:.1f} s = "
                f"{cpu / max(accepted, 1) * 1000:.2f} ms per accepted; wrk CPU "
                f"{kids.ru_utime + kids.ru_stime - kids0.ru_utime - kids0.ru_stime:.1f} s; "
                f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
            )


if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("n", type=int, nargs="?", default=1000, help="messages and comments sent")
    p.add_argument("--published", type=int, default=20000, help="published comments on the consultation read")
    p.add_argument("--connections", type=int, default=200)
    p.add_argument("--requests", type=int, default=2000, help="page requests per load (upper bound)")
    p.add_argument("--workers", type=int, default=2, help="uvicorn worker processes")
    p.add_argument("--skip-feedback", action="store_true")
    p.add_argument("--wrk", type=int, default=0, help="seconds of intake through uvicorn with wrk (0: none)")
    p.add_argument("--wrk-connections", type=int, default=32)
    p.add_argument(
        "--wrk-only", action="store_true", help="only the wrk intake (no Python load, no page load)"
    )
    args = p.parse_args()
    main(args.n, args)
