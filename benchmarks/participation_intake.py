"""Citizen feedback intake: accepted complaints per second through the public form's JSON twin (one
transaction each: validation, throttle row, case row, audit event) and the inbox read over all of them.

    .venv/bin/python benchmarks/participation_intake.py [N]   (SQLite in a temporary directory)
    RAQMANA_DATABASE_URL=postgresql+psycopg://… .venv/bin/python benchmarks/participation_intake.py

Each message comes from its own address (X-Forwarded-For is not trusted: the client address of the test
client is varied), so the figures are those before the per-address limit applies.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from raqmana.settings import get_settings
from raqmana.web import create_app
from raqmana.workspace import SYSTEM, open_workspace
from raqmana.workspace import participation as P
from raqmana.workspace.orgs import seed_iraq


def main(n: int) -> None:
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
    print(f"database: {'PostgreSQL' if settings.database_url.startswith('postgres') else 'SQLite'}")
    print(f"through POST /api/v1/public/feedback: {n} in {http:.2f} s = {n / http:.0f} accepted/s")
    print(f"through the use case alone:            {n} in {direct:.2f} s = {n / direct:.0f} accepted/s")
    print(f"inbox over {len(inbox.cases)} cases with the on-time KPI: {read * 1000:.0f} ms")
    ws.dispose()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
