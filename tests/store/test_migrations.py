"""Migrations: the shipped Alembic scripts build exactly the schema the models describe."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from raqmana.store import current_revision, head_revision, make_engine, upgrade
from raqmana.store.base import Base
from raqmana.store.migrate import downgrade


def test_it_builds_the_schema_of_the_models(database_url):
    engine = make_engine(database_url)
    try:
        assert current_revision(engine) == head_revision()
        with engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    finally:
        engine.dispose()


def test_it_goes_down_to_an_empty_database_and_up_again(database_url):
    engine = make_engine(database_url)
    try:
        downgrade(engine, "base")
        assert current_revision(engine) is None
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
        assert upgrade(engine) is None
        assert upgrade(engine) == head_revision()  # running it again changes nothing
        with engine.connect() as conn:
            assert conn.execute(text("SELECT seq, hash FROM audit_head")).one() == (0, "0" * 64)
    finally:
        engine.dispose()


def test_it_opens_sqlite_in_wal_mode_with_foreign_keys(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        engine.dispose()


def test_it_indexes_the_completion_query(database_url):
    engine = make_engine(database_url)
    try:
        columns = {ix["name"]: ix["column_names"] for ix in inspect(engine).get_indexes("responses")}
        assert columns["ix_responses_completion"] == [
            "assessment_id",
            "org_id",
            "pillar_id",
            "state",
            "answered",
        ]
    finally:
        engine.dispose()
