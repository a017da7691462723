"""Persistence: SQLAlchemy models, Alembic migrations, repositories, the job queue and the audit chain.

Only :mod:`raqmana.workspace` talks to this package; web and CLI go through the workspace use cases.
"""

from raqmana.store.engine import make_engine, make_sessionmaker
from raqmana.store.migrate import current_revision, head_revision, upgrade

__all__ = ["current_revision", "head_revision", "make_engine", "make_sessionmaker", "upgrade"]
