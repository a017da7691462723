"""Database fixtures shared by tests/store and tests/workspace: every test gets a fresh database.

SQLite: the schema is migrated once per session into a template file, copied for each test.
PostgreSQL (when RAQMANA_TEST_PG_URL is set, e.g. from scripts/pg-test-cluster.sh): migrated once into
a template database; each test gets ``CREATE DATABASE … TEMPLATE …`` and drops it afterwards.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from raqmana.settings import Settings, get_settings
from raqmana.store import make_engine, upgrade
from raqmana.workspace import Workspace, open_workspace
from tests.support.environment import COMPLETE, require

PG_URL = os.environ.get("RAQMANA_TEST_PG_URL", "")
BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param(
        "postgresql",
        id="postgresql",
        marks=[
            pytest.mark.pg,
            pytest.mark.skipif(not PG_URL and not COMPLETE, reason="RAQMANA_TEST_PG_URL is not set"),
        ],
    ),
]


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "raqmana.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    name = f"raqmana_tmpl_{os.getpid()}"
    admin = make_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine = make_engine(make_url(PG_URL).set(database=name).render_as_string(hide_password=False))
    upgrade(engine)
    engine.dispose()
    yield name
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, migrated database for this test (SQLite file or PostgreSQL database)."""
    if request.param == "sqlite":
        template = request.getfixturevalue("sqlite_template")
        target = tmp_path / "raqmana.sqlite3"
        shutil.copyfile(template, target)
        yield f"sqlite:///{target}"
        return
    require(bool(PG_URL), "PostgreSQL (RAQMANA_TEST_PG_URL, started by scripts/run-tests.sh)")
    template = request.getfixturevalue("pg_template")
    name = f"raqmana_t_{uuid.uuid4().hex[:12]}"
    admin = make_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    try:
        yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return get_settings(
        environment="test",
        data_dir=tmp_path / "data",
        database_url=database_url,
        secret_key="test-secret-key-0123456789abcdef0123456789",
        password_cost="minimal",
    )


@pytest.fixture
def ws(settings: Settings) -> Iterator[Workspace]:
    workspace = open_workspace(settings)
    yield workspace
    workspace.dispose()
