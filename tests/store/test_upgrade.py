"""``raqmana db upgrade`` from the first released schema (revision 0001) with data in it, to head: every
row kept, the tables added later filled from the old rows, the audit chain intact and extended."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, inspect, select, text
from typer.testing import CliRunner

from raqmana.cli.main import build_app
from raqmana.settings import get_settings
from raqmana.store import current_revision, head_revision, make_engine
from raqmana.store import jobs as queue
from raqmana.store.migrate import downgrade
from raqmana.store.models import AuditEvent, Job, Organisation, Response, User
from raqmana.workspace import open_workspace
from raqmana.workspace.answers import Answer
from raqmana.workspace.audit import verify_audit
from raqmana.workspace.job_handlers import REPORT
from raqmana.workspace.jobs import enqueue
from raqmana.workspace.responses import save_answer
from tests.workspace.factories import build_world

TABLES = ("users", "organisations", "role_grants", "assessments", "responses", "audit_events", "jobs")


def counts(conn) -> dict[str, int]:
    return {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in TABLES}


def completion(conn) -> list[tuple]:
    return sorted(
        tuple(r)
        for r in conn.execute(
            text(
                "SELECT assessment_id, org_id, pillar_id, draft, submitted, returned, accepted "
                "FROM completion_counts WHERE draft + submitted + returned + accepted > 0"
            )
        )
    )


def recount(conn) -> list[tuple]:
    rows = conn.execute(
        text(
            "SELECT assessment_id, org_id, pillar_id, state, count(*) FROM responses WHERE answered "
            "GROUP BY assessment_id, org_id, pillar_id, state"
        )
    )
    found: dict[tuple, dict[str, int]] = {}
    for a, o, p, state, n in rows:
        found.setdefault((a, o, p), {"draft": 0, "submitted": 0, "returned": 0, "accepted": 0})[state] = n
    return sorted((*k, v["draft"], v["submitted"], v["returned"], v["accepted"]) for k, v in found.items())


def answer(ws, world, who: str, institution: str, indicator: str, value, version: int) -> None:
    with ws.transaction() as s:
        save_answer(
            s,
            world[who],
            assessment_id=world.assessment_id,
            institution_code=institution,
            indicator_id=indicator,
            answer=Answer(value),
            expected_version=version,
        )


def test_db_upgrade_from_revision_0001_keeps_and_extends_the_data(ws, tmp_path: Path):
    world = build_world(ws)
    for i, indicator in enumerate(("P1-01", "P1-02", "P1-03")):
        answer(ws, world, "fp_a", "moa", indicator, i + 1, 0)
    answer(ws, world, "fp_b", "mob", "P1-01", 4, 0)
    with ws.transaction() as s:
        enqueue(s, world["coord"], kind=REPORT, payload={"scope": "national"})
    url = ws.settings.sqlalchemy_url
    ws.dispose()

    # back to the first released schema; the rows of its tables stay
    engine = make_engine(url)
    downgrade(engine, "0001")
    assert current_revision(engine) == "0001"
    assert "completion_counts" not in inspect(engine).get_table_names()
    assert "heartbeat_at" not in {c["name"] for c in inspect(engine).get_columns("jobs")}
    with engine.begin() as conn:
        before = counts(conn)
        # what raqmana 0001 could have written: a submitted answer (no triggers counted it then)
        conn.execute(text("UPDATE responses SET state = 'submitted' WHERE indicator_id = 'P1-02'"))
    engine.dispose()
    assert before["responses"] == 4 and before["audit_events"] > 4 and before["jobs"] == 1

    env = {
        "RAQMANA_DATABASE_URL": url,
        "RAQMANA_DATA_DIR": str(tmp_path / "data"),
        "RAQMANA_SECRET_KEY": "upgrade-test-secret-0123456789abcdef",
    }
    result = CliRunner().invoke(build_app("db"), ["db", "upgrade", "--json"], env=env)
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert (out["before"], out["after"], out["head"]) == ("0001", head_revision(), head_revision())

    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            assert counts(conn) == before
            assert completion(conn) == recount(conn) != []  # filled from the old rows
            assert (
                conn.execute(text("SELECT count(*) FROM jobs WHERE heartbeat_at IS NOT NULL")).scalar_one()
                == 0
            )
            assert conn.execute(text("SELECT signature FROM audit_head")).scalar_one() == ""
    finally:
        engine.dispose()

    # the upgraded workspace works: the chain verifies and goes on, answers save, the job is claimable
    again = open_workspace(
        get_settings(
            environment="test",
            data_dir=tmp_path / "data",
            database_url=url,
            secret_key=env["RAQMANA_SECRET_KEY"],
        )
    )
    try:
        with again.reader() as s:
            assert verify_audit(s).ok
            version = s.scalar(
                select(Response.version)
                .join(Organisation, Organisation.id == Response.org_id)
                .where(Organisation.code == "mob", Response.indicator_id == "P1-01")
            )
        answer(again, world, "fp_b", "mob", "P1-01", 5, version)
        with again.reader() as s:
            report = verify_audit(s)
            assert report.ok and report.last_seq == before["audit_events"] + 1
            assert s.scalar(select(func.count()).select_from(User)) == before["users"]
            assert s.scalar(select(func.count()).select_from(AuditEvent)) == before["audit_events"] + 1
        with again.transaction() as s:
            job = queue.claim(s, worker="upgrade-test")
            assert job is not None and job.kind == REPORT and job.heartbeat_at is not None
        with again.reader() as s:
            assert s.scalar(select(func.count()).select_from(Job)) == 1
    finally:
        again.dispose()


def test_a_database_of_a_newer_raqmana_is_named_and_left_alone(database_url, tmp_path: Path):
    engine = make_engine(database_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0999'"))
    engine.dispose()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("RAQMANA_")},
        "RAQMANA_DATABASE_URL": database_url,
        "RAQMANA_DATA_DIR": str(tmp_path / "data"),
    }
    for args in (["db", "upgrade"], ["audit", "verify", "--lang", "ar"]):
        done = subprocess.run(
            [sys.executable, "-c", "from raqmana.cli.main import main; main()", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 2, done.stderr
        assert "CLI018" in done.stderr and "0999" in done.stderr and "Traceback" not in done.stderr
    engine = make_engine(database_url)
    try:
        assert current_revision(engine) == "0999"  # nothing was changed
    finally:
        engine.dispose()
