"""The workspace: settings + engine + sessions + job handlers, built once by :func:`open_workspace`
(runs migrations)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session, sessionmaker

from raqmana.settings import Settings, get_settings
from raqmana.store import make_engine, make_sessionmaker, upgrade
from raqmana.store.audit import SESSION_KEY as AUDIT_KEY
from raqmana.store.blobs import BlobStore
from raqmana.workspace.passwords import SESSION_KEY, passwords

if TYPE_CHECKING:
    from raqmana.workspace.jobs import Handler


_WROTE = "raqmana.wrote"


@dataclass
class Workspace:
    settings: Settings
    engine: Engine
    _writer: sessionmaker[Session] = field(repr=False)
    _reader: sessionmaker[Session] = field(repr=False)
    #: job handlers by kind (what ``raqmana worker`` and the in-app worker can run)
    handlers: Mapping[str, Handler] = field(default_factory=dict, repr=False)

    @property
    def blobs(self) -> BlobStore:
        return evidence_store(self.settings)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back if it raises."""
        with self._writer() as session, session.begin():
            yield session

    @contextmanager
    def reader(self) -> Iterator[Session]:
        """A read-only unit of work (always rolled back)."""
        with self._reader() as session:
            try:
                yield session
            finally:
                session.rollback()

    def on_commit(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` (in the committing thread) after each unit of work of this workspace that wrote
        something commits (in this process: another process's commits are not seen here)."""

        def wrote(session: Session) -> None:
            session.info[_WROTE] = True

        def committed(session: Session) -> None:
            if session.info.pop(_WROTE, False):
                callback()

        event.listen(self._writer, "after_flush", lambda session, _context: wrote(session))
        event.listen(
            self._writer,
            "do_orm_execute",
            lambda state: None if state.is_select else wrote(state.session),
        )
        event.listen(self._writer, "after_commit", committed)
        event.listen(self._writer, "after_rollback", lambda session: session.info.pop(_WROTE, None))

    def dispose(self) -> None:
        self.engine.dispose()


def evidence_store(settings: Settings) -> BlobStore:
    return BlobStore(settings.data_dir / "evidence")


def open_workspace(
    settings: Settings | None = None,
    *,
    migrate: bool = True,
    handlers: Mapping[str, Handler] | None = None,
) -> Workspace:
    """Connect to the database of ``settings`` (SQLite in the data dir by default), migrating it.
    ``handlers`` are the job handlers by kind (the built-in ones unless given)."""
    from raqmana.workspace import policy
    from raqmana.workspace.job_handlers import builtin_handlers
    from raqmana.workspace.jobs import KINDS_KEY

    settings = settings or get_settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    engine = make_engine(settings.sqlalchemy_url)
    if migrate:
        upgrade(engine)
    jobs = dict(builtin_handlers() if handlers is None else handlers)
    info = {
        SESSION_KEY: passwords(settings.password_cost),
        AUDIT_KEY: settings.audit_key,
        KINDS_KEY: frozenset(jobs),
        policy.SESSION_KEY: policy.from_settings(settings),
    }
    return Workspace(
        settings,
        engine,
        make_sessionmaker(engine, write=True, info=info),
        make_sessionmaker(engine, write=False, info=info),
        jobs,
    )
