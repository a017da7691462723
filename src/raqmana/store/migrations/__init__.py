"""Alembic migrations of the raqmana store (run by ``raqmana db upgrade`` and the workspace factory)."""
