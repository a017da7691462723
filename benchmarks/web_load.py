"""Web load: p95 of the coordinator's progress page and an institution's questionnaire page.

A workspace of 900 institutions × 100 indicators = 90,000 responses (each with its history: saved,
submitted, accepted or returned) is built, the app is started with uvicorn on 127.0.0.1, and 50
concurrent users request each page, in two ways:

* users: 50 users who each load the page, read for 1–3 s (uniformly drawn) and load it again, as a
  load tool's "virtual users" do (an asyncio httpx loop);
* saturation: 50 connections that ask again the moment a page arrives (``wrk`` from Debian, when
  installed), i.e. far more than 50 people: the throughput ceiling of the machine.

Both stop by themselves (bounded in time) and only ever talk to 127.0.0.1.

Run:
    .venv/bin/python benchmarks/web_load.py                       # SQLite (a temp data dir)
    RAQMANA_DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:55432/postgres \\
        .venv/bin/python benchmarks/web_load.py                   # and PostgreSQL (a fresh database)
Options: --institutions 900 --indicators 100 --users 50 --requests 600 --seconds 60 --workers 2 --think 1-3 --no-sqlite
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
from sqlalchemy import insert, select

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _server import app_server

from raqmana.frameworks import Framework
from raqmana.i18n import Translated
from raqmana.settings import get_settings
from raqmana.store.models import Organisation, Response, ResponseRevision
from raqmana.workspace import SYSTEM, assessments, frameworks, open_workspace, org_import, users

PASSWORD = "benchmark password 2026"
SECRET = "benchmark-secret-key-0123456789abcdef"
STATES = [("accepted", 0.6), ("submitted", 0.15), ("returned", 0.1), ("draft", 0.15)]


def synthetic_framework(indicators: int, per_pillar: int = 10) -> Framework:
    def t(text: str) -> dict[str, str]:
        return {"en": text, "ar": f"{text} (ع)", "ckb": f"{text} (ک)"}

    pillars = []
    for p in range(max(1, indicators // per_pillar)):
        inds = [
            {
                "id": f"P{p:02d}-{i:02d}",
                "name": t(f"Indicator {p}.{i}"),
                "question": t(f"Question {p}.{i}?"),
                "answer_type": "ladder",
                "na_allowed": True,
                "stages": [
                    {
                        "stage": s,
                        "descriptor": t(f"Stage {s} of indicator {p}.{i}"),
                        "evidence": t(f"Evidence for stage {s}"),
                    }
                    for s in range(1, 6)
                ],
            }
            for i in range(per_pillar)
        ]
        pillars.append(
            {
                "id": f"P{p:02d}",
                "name": t(f"Enabler {p}"),
                "sub_areas": [{"id": f"P{p:02d}.1", "name": t("Sub-area"), "indicators": inds}],
            }
        )
    return Framework.model_validate(
        {"id": "bench", "version": "1", "name": t("Benchmark framework"), "pillars": pillars}
    )


def seed(settings, institutions: int, indicators: int) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """Organisations, framework, users, one round and the responses with their history."""
    started = time.perf_counter()
    ws = open_workspace(settings)
    rows = ["code,kind,parent_code,name_en,name_ar,name_ckb"] + [
        f"b-{n:04d},ministry,,Institution {n},الجهة {n},دامەزراوەی {n}" for n in range(1, institutions + 1)
    ]
    fw = synthetic_framework(indicators)
    with ws.transaction() as s:
        org_import.import_organisations(s, SYSTEM, data="\n".join(rows).encode(), filename="orgs.csv")
        fv = frameworks.register_framework(s, SYSTEM, fw)
        ids = {}
        for username, role, org in (("coord", "coordinator", None), ("focal", "focal_point", "b-0001")):
            u = users.create_user(
                s, SYSTEM, username=username, password=PASSWORD, display_name=username, locale="ar"
            )
            users.grant_role(s, SYSTEM, user_id=u.id, role=role, org_code=org)
            ids[username] = u.id
        codes = [f"b-{n:04d}" for n in range(1, institutions + 1)]
        a = assessments.open_round(
            s,
            SYSTEM,
            framework_version_id=fv.id,
            name=Translated.of("Benchmark", "قياس", "پێوان"),
            period="2026",
            institution_codes=codes,
        )
        org_ids = dict(
            s.execute(select(Organisation.code, Organisation.id).where(Organisation.code.in_(codes))).all()
        )
    rng = random.Random(2026)
    now = datetime.now(UTC)
    inds = [(i.id, fw.pillar_of(i.id).id) for i in fw.indicators()]
    with ws.transaction() as s:
        for chunk_start in range(0, len(codes), 50):
            resp_rows = []
            for code in codes[chunk_start : chunk_start + 50]:
                for ind_id, pillar_id in inds:
                    state = (
                        "draft"
                        if code == "b-0001"
                        else rng.choices([x for x, _ in STATES], [w for _, w in STATES])[0]
                    )
                    version = {"draft": 1, "submitted": 2, "returned": 3, "accepted": 3}[state]
                    resp_rows.append(
                        {
                            "assessment_id": a.id,
                            "org_id": org_ids[code],
                            "indicator_id": ind_id,
                            "pillar_id": pillar_id,
                            "state": state,
                            "answered": True,
                            "version": version,
                            "stage": rng.randint(0, 5),
                            "is_na": False,
                            "dont_know": False,
                            "justification": "تم التحقق من الوثائق الرسمية",
                            "assessor_id": ids["focal"],
                            "created_at": now - timedelta(days=3),
                            "updated_at": now - timedelta(days=1),
                            "submitted_at": now - timedelta(days=2) if version > 1 else None,
                        }
                    )
            s.execute(insert(Response.__table__), resp_rows)
            chunk_orgs = [org_ids[c] for c in codes[chunk_start : chunk_start + 50]]
            stored = s.execute(
                select(Response.id, Response.version, Response.state, Response.stage).where(
                    Response.assessment_id == a.id, Response.org_id.in_(chunk_orgs)
                )
            ).all()
            history = []
            for rid, version, state, stage in stored:
                steps = [
                    ("save", "draft"),
                    ("submit", "submitted"),
                    ("accept" if state == "accepted" else "return", state),
                ][:version]
                history += [
                    {
                        "response_id": rid,
                        "version": v + 1,
                        "state": st,
                        "action": action,
                        "actor_id": ids["focal"] if action in ("save", "submit") else ids["coord"],
                        "actor_name": "focal",
                        "at": now - timedelta(days=3 - v),
                        "stage": stage,
                        "is_na": False,
                        "dont_know": False,
                        "justification": "",
                        "comment": "",
                    }
                    for v, (action, st) in enumerate(steps)
                ]
            s.execute(insert(ResponseRevision.__table__), history)
    ws.dispose()
    total = institutions * len(inds)
    print(
        f"  seeded {institutions} institutions × {len(inds)} indicators = {total:,} responses "
        f"(with history) in {time.perf_counter() - started:.1f} s"
    )
    return {"assessment_id": a.id, "pillar": inds[0][1]}


def login(url: str, username: str) -> dict[str, str]:
    with httpx.Client(base_url=url) as c:
        token = re.search(r'name="csrf-token" content="([^"]+)"', c.get("/login").text).group(1)  # type: ignore[union-attr]
        r = c.post("/login", data={"username": username, "password": PASSWORD, "csrf_token": token})
        assert r.status_code in (200, 303), r.text
        return dict(c.cookies.items())


async def _load(
    url: str,
    cookies: dict[str, str],
    users_: int,
    requests: int,
    seconds: float,
    think: tuple[float, float] = (0.0, 0.0),
) -> tuple[list[float], Counter[str]]:
    latencies: list[float] = []
    errors: Counter[str] = Counter()
    remaining = requests
    deadline = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=users_, max_keepalive_connections=users_)
    async with httpx.AsyncClient(cookies=cookies, limits=limits, timeout=60) as client:

        async def user() -> None:
            nonlocal remaining
            while remaining > 0 and time.monotonic() < deadline:
                remaining -= 1
                t0 = time.perf_counter()
                try:
                    r = await client.get(url)
                    if r.status_code != 200:
                        errors[str(r.status_code)] += 1
                except httpx.HTTPError as exc:
                    errors[type(exc).__name__] += 1
                latencies.append(time.perf_counter() - t0)
                if think[1] > 0:
                    await asyncio.sleep(random.uniform(*think))

        async def start(n: int) -> None:  # users arrive spread over the first pause, not all at once
            await asyncio.sleep(random.uniform(0, think[1]) if think[1] else 0)
            await user()

        await asyncio.gather(*(start(n) for n in range(users_)))
    return latencies, errors


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


WRK_SCRIPT = """
done = function(summary, latency, requests)
  io.write(string.format("WRK %d %d %f %f %f %f\\n", summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
"""


def measure_users(
    name: str, url: str, cookies: dict[str, str], users_: int, seconds: float, think: tuple[float, float]
) -> None:
    asyncio.run(_load(url, cookies, min(users_, 5), 10, 30))  # warm-up
    started = time.perf_counter()
    lat, errors = asyncio.run(_load(url, cookies, users_, 10**9, seconds, think))
    wall = time.perf_counter() - started
    ms = [x * 1000 for x in lat]
    failed = ",".join(f"{k}×{v}" for k, v in errors.items()) or "0"
    print(
        f"  {name:22s} users      {users_} users, {think[0]:g}–{think[1]:g} s pauses: n={len(ms):5d} errors={failed} "
        f"{len(ms) / wall:5.1f} req/s  p50={statistics.median(ms):7.1f} ms  p95={_pct(ms, 95):7.1f} ms  "
        f"p99={_pct(ms, 99):7.1f} ms  max={max(ms):7.1f} ms"
    )


def measure_saturation(
    name: str, url: str, cookies: dict[str, str], users_: int, requests: int, seconds: float
) -> None:
    cookie = "; ".join(f"{k}={v}" for k, v in cookies.items())
    if shutil.which("wrk"):
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as fh:
            fh.write(WRK_SCRIPT)
        out = subprocess.run(
            [
                "wrk",
                "-t2",
                f"-c{users_}",
                f"-d{int(seconds)}s",
                "--timeout",
                "30s",
                "-H",
                f"Cookie: {cookie}",
                "-H",
                "Accept-Encoding: gzip",  # as browsers (and httpx) ask
                "-s",
                fh.name,
                url,
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        n, err, p50, p95, p99, worst = out.stdout.split("WRK ")[1].split()
        rate = int(n) / seconds
        print(
            f"  {name:22s} saturation {users_} connections, no pause (wrk): n={n:>5s} errors={err} {rate:5.1f} req/s  "
            f"p50={float(p50):7.1f} ms  p95={float(p95):7.1f} ms  p99={float(p99):7.1f} ms  max={float(worst):7.1f} ms"
        )
        return
    lat, errors = asyncio.run(_load(url, cookies, users_, requests, seconds))
    ms = [x * 1000 for x in lat]
    failed = ",".join(f"{k}×{v}" for k, v in errors.items()) or "0"
    print(
        f"  {name:22s} saturation {users_} connections, no pause (httpx): n={len(ms):4d} errors={failed}  "
        f"p50={statistics.median(ms):7.1f} ms  p95={_pct(ms, 95):7.1f} ms  p99={_pct(ms, 99):7.1f} ms"
    )


def run(label: str, database_url: str, args: argparse.Namespace) -> None:
    print(f"{label}:")
    with tempfile.TemporaryDirectory(prefix="raqmana-bench-") as tmp:
        env = {
            "RAQMANA_DATA_DIR": tmp,
            "RAQMANA_DATABASE_URL": database_url,
            "RAQMANA_SECRET_KEY": SECRET,
            "RAQMANA_ENVIRONMENT": "development",
            "RAQMANA_DEFAULT_LOCALE": "ar",
        }
        settings = get_settings(data_dir=Path(tmp), database_url=database_url, secret_key=SECRET)
        info = seed(settings, args.institutions, args.indicators)
        with app_server(env, args.workers, ready="/login") as (url, _pid):
            a = info["assessment_id"]
            pages = [
                ("coordinator progress", "coord", f"{url}/assessments/{a}/progress"),
                (
                    "questionnaire page",
                    "focal",
                    f"{url}/assessments/{a}/institutions/b-0001?pillar={info['pillar']}",
                ),
            ]
            think = tuple(float(x) for x in args.think.split("-"))
            for name, username, page in pages:
                cookies = login(url, username)
                alone, _ = asyncio.run(_load(page, cookies, 1, 20, 30))  # one user: the service time
                print(
                    f"  {name:22s} alone      1 user, no pause: p50={statistics.median(alone) * 1000:7.1f} ms"
                )
                measure_users(name, page, cookies, args.users, args.seconds, (think[0], think[1]))
                measure_saturation(name, page, cookies, args.users, args.requests, args.seconds)


@contextmanager
def fresh_pg_database(url: str) -> Iterator[str]:
    """A new, empty database on the server of ``url`` (dropped afterwards)."""
    import psycopg
    from sqlalchemy.engine import make_url

    base = make_url(url)
    name = f"raqmana_bench_{os.getpid()}"
    admin = base.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--institutions", type=int, default=900)
    p.add_argument("--indicators", type=int, default=100)
    p.add_argument("--users", type=int, default=50, help="concurrent users")
    p.add_argument("--requests", type=int, default=500, help="requests per page (upper bound)")
    p.add_argument("--seconds", type=float, default=60, help="time limit per page")
    p.add_argument("--workers", type=int, default=2, help="uvicorn worker processes (one per core)")
    p.add_argument("--think", default="1-3", help="users' pause between two pages, in seconds (min-max)")
    p.add_argument("--no-sqlite", action="store_true", help="only PostgreSQL")
    args = p.parse_args()
    print(
        f"web load: {args.institutions} institutions × {args.indicators} indicators, {args.users} concurrent users, "
        f"{args.workers} uvicorn worker(s), load from {'wrk' if shutil.which('wrk') else 'httpx (asyncio)'}"
    )
    if not args.no_sqlite:
        run("SQLite", "", args)
    pg = os.environ.get("RAQMANA_DATABASE_URL", "")
    if pg.startswith("postgresql"):
        with fresh_pg_database(pg) as url:
            run("PostgreSQL", url, args)
    else:
        print("PostgreSQL: skipped (set RAQMANA_DATABASE_URL=postgresql+psycopg://…)")


if __name__ == "__main__":
    main()
