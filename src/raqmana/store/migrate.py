"""Run the Alembic migrations shipped in ``raqmana/store/migrations`` programmatically."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def alembic_config(engine: Engine | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    """Every revision shipped with this raqmana (a database at another one was made by a newer raqmana)."""
    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


class SchemaTooNew(RuntimeError):
    """The database was migrated by a newer raqmana: this one does not know its revision."""

    def __init__(self, revision: str) -> None:
        super().__init__(f"database schema {revision} is newer than this raqmana ({head_revision()})")
        self.revision = revision


def upgrade(engine: Engine, revision: str = "head") -> str | None:
    """Bring the database to ``revision``; returns the revision it was at before (None: empty).
    Raises :class:`SchemaTooNew` for a database of a newer raqmana (nothing is changed)."""
    before = current_revision(engine)
    if revision == "head" and before == head_revision():
        return before
    if before is not None and before not in known_revisions():
        raise SchemaTooNew(before)
    command.upgrade(alembic_config(engine), revision)
    return before


def downgrade(engine: Engine, revision: str) -> None:
    command.downgrade(alembic_config(engine), revision)
