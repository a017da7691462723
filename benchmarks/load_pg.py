"""Load on PostgreSQL: many concurrent users reading and saving answers for minutes, on loopback.

A fresh database is created on the server of ``RAQMANA_DATABASE_URL`` (e.g. a throwaway cluster of
``scripts/pg-test-cluster.sh``) and seeded like ``benchmarks/web_load.py`` (a round of N institutions ×
M indicators with every answer's history, the round being read), plus a second round being answered.
``raqmana serve --workers W --no-inline-worker`` is started on 127.0.0.1 and U users (asyncio httpx, a
bearer token each) work at the same time, each pausing 1–3 s between two requests (a person's pace):

* coordinators (one user in ten) read the round's progress and results;
* focal points (two per institution, so that two people sometimes save the same answer at once) save
  answers of their institution with the version they last saw, read their questionnaire page and
  their progress; a 409 (someone saved first) is the answer to a stale version, not an error: the user
  takes the stored version and goes on;
* everyone sometimes opens the public portal.

At the end it prints, per page, the requests, errors (any answer but the expected one, or a transport
error: must be 0) and p50/p95/p99 latencies; then the saves: every acknowledged save (200) is counted
per answer and compared with the database (revisions written, the answer's version, its last
justification): a **lost update** is an acknowledged save the database does not have (must be 0).

Run (a throwaway cluster of its own, so that no test run shares the machine's PostgreSQL):
    export RAQMANA_PG_DIR=/tmp/raqmana-pg-load RAQMANA_PG_PORT=55439
    RAQMANA_DATABASE_URL=$(bash scripts/pg-test-cluster.sh start) .venv/bin/python benchmarks/load_pg.py \\
        --users 200 --seconds 300
    bash scripts/pg-test-cluster.sh stop
Options: --users 20 --seconds 30 --institutions 100 --indicators 30 --workers 2 --think 1-3
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import func, select

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _server import free_port, serving
from web_load import SECRET, _pct, fresh_pg_database, seed, synthetic_framework

from raqmana.i18n import Translated
from raqmana.settings import get_settings
from raqmana.store.models import Assessment, Organisation, Response, ResponseRevision
from raqmana.workspace import (
    SYSTEM,
    assessments,
    assignments,
    open_workspace,
    publication,
    services,
    tokens,
    users,
)
from raqmana.workspace.auth import load_actor

RAQMANA = str(Path(sys.executable).parent / "raqmana")
#: indicators of the answered round that users save (few, so that two people meet on one answer)
SAVED_INDICATORS = 10


@dataclass
class Person:
    kind: str  # "coord" | "focal"
    token: str
    institution: str = ""


@dataclass
class Plan:
    read_round: int
    answer_round: int
    pillar: str
    indicators: list[str]
    people: list[Person]


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    conflicts: int = 0
    #: (institution, indicator) → acknowledged saves, and the justification of the last one
    acked: Counter[tuple[str, str]] = field(default_factory=Counter)
    last: dict[tuple[str, str], tuple[int, str]] = field(default_factory=dict)


def prepare(settings: Any, args: argparse.Namespace) -> Plan:
    info = seed(settings, args.institutions, args.indicators)
    fw = synthetic_framework(args.indicators)
    indicators = [i.id for i in fw.indicators()][:SAVED_INDICATORS]
    coords = max(1, args.users // 10)
    focals = args.users - coords
    codes = [f"b-{n:04d}" for n in range(1, (focals + 1) // 2 + 1)]
    ws = open_workspace(settings, migrate=False)
    people: list[Person] = []
    with ws.transaction() as s:
        fv = s.get(Assessment, info["assessment_id"]).framework_version_id  # type: ignore[union-attr]
        a2 = assessments.open_round(
            s,
            SYSTEM,
            framework_version_id=fv,
            name=Translated.of("Load round", "جولة الحمل", "خولی بار"),
            period="2027",
            institution_codes=codes,
        )
        for n in range(coords):
            u = users.create_user(s, SYSTEM, username=f"load-coord-{n}", password=SECRET, display_name="C")
            users.grant_role(s, SYSTEM, user_id=u.id, role="coordinator", org_code=None)
            people.append(Person("coord", tokens.create_api_token(s, load_actor(s, u.id), name="load")[1]))
            if n == 0:  # the public portal shows a published catalogue
                catalogue = (
                    "code,owner,name_en,level,visits_before,visits_now,annual_transactions\n"
                    + "".join(
                        f"svc-{k},{codes[k % len(codes)]},Service {k},{1 + k % 5},3,{0 if k % 5 >= 3 else 1},{100 + k}\n"
                        for k in range(60)
                    )
                )
                services.import_services(
                    s, load_actor(s, u.id), data=catalogue.encode(), filename="services.csv"
                )
                publication.publish(s, load_actor(s, u.id))
        for n in range(focals):
            code = codes[n // 2]
            u = users.create_user(s, SYSTEM, username=f"load-focal-{n}", password=SECRET, display_name="F")
            users.grant_role(s, SYSTEM, user_id=u.id, role="focal_point", org_code=code)
            assignments.assign(
                s, SYSTEM, assessment_id=a2.id, institution_code=code, user_id=u.id, role="focal_point"
            )
            people.append(
                Person("focal", tokens.create_api_token(s, load_actor(s, u.id), name="load")[1], code)
            )
    ws.dispose()
    return Plan(int(info["assessment_id"]), a2.id, str(info["pillar"]), indicators, people)  # type: ignore[call-overload]


async def simulate(url: str, plan: Plan, args: argparse.Namespace) -> Tally:
    tally = Tally()
    think = tuple(float(x) for x in args.think.split("-"))
    deadline = time.monotonic() + args.seconds
    limits = httpx.Limits(max_connections=len(plan.people) + 10, max_keepalive_connections=len(plan.people))
    a1, a2 = plan.read_round, plan.answer_round
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=120) as client:

        async def call(page: str, method: str, path: str, token: str, ok: tuple[int, ...], **kw: Any) -> Any:
            t0 = time.perf_counter()
            headers = {"Authorization": f"Bearer {token}"} if token else {}
            try:
                r = await client.request(method, path, headers=headers, **kw)
            except httpx.HTTPError as exc:
                tally.errors[page][type(exc).__name__] += 1
                return None
            finally:
                tally.latencies[page].append(time.perf_counter() - t0)
            if r.status_code not in ok:
                tally.errors[page][str(r.status_code)] += 1
            return r

        async def person(n: int, p: Person) -> None:
            rng = random.Random(n)
            known: dict[str, int] = {}
            saves = 0
            await asyncio.sleep(rng.uniform(0, think[1]))  # people arrive over the first pause
            while time.monotonic() < deadline:
                roll = rng.random()
                if roll < 0.1:
                    await call("public portal", "GET", "/public", "", (200,))
                elif p.kind == "coord":
                    if roll < 0.6:
                        await call(
                            "progress (round)", "GET", f"/api/v1/assessments/{a1}/progress", p.token, (200,)
                        )
                    else:
                        await call("results", "GET", f"/api/v1/assessments/{a1}/results", p.token, (200,))
                elif roll < 0.6:
                    ind = rng.choice(plan.indicators)
                    saves += 1
                    note = f"{n}-{saves}"
                    body = {
                        "value": rng.randint(0, 5),
                        "justification": note,
                        "expected_version": known.get(ind, 0),
                    }
                    path = f"/api/v1/assessments/{a2}/institutions/{p.institution}/answers/{ind}"
                    r = await call("save answer", "POST", path, p.token, (200, 409), json=body)
                    if r is not None and r.status_code == 200:
                        version = int(r.json()["version"])
                        known[ind] = version
                        key = (p.institution, ind)
                        tally.acked[key] += 1
                        if version >= tally.last.get(key, (0, ""))[0]:
                            tally.last[key] = (version, note)
                    elif r is not None and r.status_code == 409:
                        tally.conflicts += 1
                        known[ind] = int((r.json().get("current") or {}).get("version", known.get(ind, 0)))
                elif roll < 0.85:
                    path = f"/api/v1/assessments/{a2}/institutions/{p.institution}?pillar={plan.pillar}"
                    await call("questionnaire", "GET", path, p.token, (200,))
                else:
                    await call("progress (own)", "GET", f"/api/v1/assessments/{a2}/progress", p.token, (200,))
                await asyncio.sleep(rng.uniform(think[0], think[1]))

        await asyncio.gather(*(person(n, p) for n, p in enumerate(plan.people)))
    return tally


def lost_updates(settings: Any, plan: Plan, tally: Tally) -> tuple[int, int, int]:
    """(acknowledged saves, revisions in the database, lost updates)."""
    ws = open_workspace(settings, migrate=False)
    with ws.reader() as s:
        rows = s.execute(
            select(
                Organisation.code,
                Response.indicator_id,
                Response.version,
                Response.justification,
                Response.id,
            )
            .join(Organisation, Organisation.id == Response.org_id)
            .where(Response.assessment_id == plan.answer_round)
        ).all()
        revisions = dict(
            s.execute(
                select(ResponseRevision.response_id, func.count())
                .join(Response, Response.id == ResponseRevision.response_id)
                .where(Response.assessment_id == plan.answer_round)
                .group_by(ResponseRevision.response_id)
            ).all()
        )
    ws.dispose()
    stored = {(code, ind): (version, note, revisions.get(rid, 0)) for code, ind, version, note, rid in rows}
    lost = 0
    for key, acked in tally.acked.items():
        version, note, written = stored.get(key, (0, "", 0))
        missing = max(0, acked - written, acked - version)
        if not missing and tally.last[key] != (version, note):
            missing = 1  # the last acknowledged save is not the one stored
        lost += missing
    return sum(tally.acked.values()), sum(revisions.values()), lost


@contextmanager
def serve(env: dict[str, str], workers: int) -> Iterator[str]:
    """``raqmana serve`` on a free loopback port, until the block ends."""
    port = free_port()
    command = [RAQMANA, "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)]
    url = f"http://127.0.0.1:{port}"
    with serving([*command, "--no-inline-worker"], env, url, ready="/readyz", answers=(200, 503), wait=90):
        yield url


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--users", type=int, default=20)
    p.add_argument("--seconds", type=float, default=30)
    p.add_argument("--institutions", type=int, default=100, help="institutions of the round being read")
    p.add_argument("--indicators", type=int, default=30)
    p.add_argument("--workers", type=int, default=2, help="raqmana serve worker processes")
    p.add_argument("--think", default="1-3", help="users' pause between two requests, in seconds (min-max)")
    args = p.parse_args()
    pg = os.environ.get("RAQMANA_DATABASE_URL", "")
    if not pg.startswith("postgresql"):
        sys.exit("set RAQMANA_DATABASE_URL to a PostgreSQL server (scripts/pg-test-cluster.sh start)")
    with fresh_pg_database(pg) as database_url, tempfile.TemporaryDirectory(prefix="raqmana-load-") as tmp:
        settings = get_settings(
            data_dir=Path(tmp), database_url=database_url, secret_key=SECRET, password_cost="minimal"
        )
        plan = prepare(settings, args)
        env = {
            "RAQMANA_DATA_DIR": tmp,
            "RAQMANA_DATABASE_URL": database_url,
            "RAQMANA_SECRET_KEY": SECRET,
            "RAQMANA_ENVIRONMENT": "development",
            "RAQMANA_DEFAULT_LOCALE": "ar",
        }
        with serve(env, args.workers) as url:
            print(
                f"load on PostgreSQL: {len(plan.people)} users ({sum(x.kind == 'coord' for x in plan.people)} "
                f"coordinators), {args.seconds:g} s, {args.workers} server workers, pauses {args.think} s; "
                f"read round {args.institutions} institutions × {args.indicators} indicators"
            )
            started = time.perf_counter()
            tally = asyncio.run(simulate(url, plan, args))
            wall = time.perf_counter() - started
        total = sum(len(v) for v in tally.latencies.values())
        errors = sum(sum(c.values()) for c in tally.errors.values())
        print(f"  {total} requests in {wall:.0f} s ({total / wall:.1f} req/s), errors {errors}")
        for page, lat in sorted(tally.latencies.items()):
            ms = [x * 1000 for x in lat]
            failed = ",".join(f"{k}×{v}" for k, v in tally.errors[page].items()) or "0"
            print(
                f"  {page:18s} n={len(ms):6d} errors={failed:8s} p50={_pct(ms, 50):7.1f} ms  "
                f"p95={_pct(ms, 95):7.1f} ms  p99={_pct(ms, 99):7.1f} ms  max={max(ms):7.1f} ms"
            )
        acked, written, lost = lost_updates(settings, plan, tally)
        print(
            f"  saves: {acked} acknowledged, {written} revisions in the database, {tally.conflicts} conflicts "
            f"(409, stale version), lost updates {lost}"
        )
    sys.exit(1 if errors or lost else 0)


if __name__ == "__main__":
    main()
