"""Engines and sessions for SQLite (embedded default) and PostgreSQL (``postgresql+psycopg://``)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

#: execution option marking a connection that will write: on SQLite it starts with BEGIN IMMEDIATE,
#: so writers queue on the busy timeout instead of failing when they upgrade a read lock
WRITE_OPTION = "raqmana_write"


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for ``url``; SQLite connections get WAL, foreign keys and a busy timeout."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": 30}, **kwargs)
        _configure_sqlite(engine)
        return engine
    return create_engine(url, pool_pre_ping=True, **kwargs)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves (see _on_begin)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        immediate = conn.get_execution_options().get(WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_sessionmaker(
    engine: Engine, *, write: bool = True, info: dict[str, Any] | None = None
) -> sessionmaker[Session]:
    """Sessions on ``engine``; ``info`` is copied into every session's ``Session.info`` (the workspace
    passes its password hasher this way)."""
    bind = engine.execution_options(**{WRITE_OPTION: True}) if write else engine
    # a reader never flushes: a change made to an object while reading (e.g. a session's sliding expiry,
    # which the caller then stores in a transaction) must not turn the read into a write — on SQLite
    # that would upgrade a shared lock and fail with "database is locked" under load
    return sessionmaker(bind=bind, expire_on_commit=False, autoflush=write, info=info)


def is_postgresql(engine_or_session: Engine | Session) -> bool:
    bind = engine_or_session.get_bind() if isinstance(engine_or_session, Session) else engine_or_session
    return bind.dialect.name == "postgresql"
