"""Alembic environment: uses the engine handed over by :func:`raqmana.store.migrate.upgrade`."""

from __future__ import annotations

from alembic import context

import raqmana.store.models  # noqa: F401  (registers every table)
from raqmana.store.base import Base

config = context.config
engine = config.attributes.get("engine")
if engine is None:  # pragma: no cover - only when someone runs the alembic CLI by hand
    from raqmana.settings import get_settings
    from raqmana.store.engine import make_engine

    engine = make_engine(get_settings().sqlalchemy_url)

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
