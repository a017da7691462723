"""Two workspaces on the same kind of database (SQLite or PostgreSQL): the round's and a fresh one."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from raqmana.store import make_engine
from raqmana.workspace import Workspace, open_workspace
from tests.store.db import PG_URL, database_url, pg_template, settings, sqlite_template, ws  # noqa: F401
from tests.support.world import World, build_world, make_settings
from tests.workspace.factories import world  # noqa: F401


@pytest.fixture
def fresh_world(database_url: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[World]:  # noqa: F811
    """Another workspace with the same tree and people and no round, on the backend of ``ws``."""
    folder = tmp_path / "fresh"
    folder.mkdir()
    if database_url.startswith("sqlite"):
        shutil.copyfile(request.getfixturevalue("sqlite_template"), folder / "raqmana.sqlite3")
        url, drop = "", None
    else:
        name = f"raqmana_t_{uuid.uuid4().hex[:12]}"
        admin = make_engine(PG_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(
                text(f'CREATE DATABASE "{name}" TEMPLATE "{request.getfixturevalue("pg_template")}"')
            )
        url, drop = make_url(PG_URL).set(database=name).render_as_string(hide_password=False), name
    other: Workspace = open_workspace(make_settings(folder, database_url=url))
    try:
        yield build_world(other)
    finally:
        other.dispose()
        if drop is not None:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{drop}" WITH (FORCE)'))
            admin.dispose()
