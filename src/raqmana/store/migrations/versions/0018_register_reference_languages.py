"""The legal register's reference (number and date of an instrument) in every language: a JSON text
{"en", "ar", "ckb"} instead of one string. A reference stored before is kept as the English one (the
register's page shows it, isolated, until the other languages are written).

Revision ID: 0018
Revises: 0017
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

TABLE = "register_entries"


def upgrade() -> None:
    op.add_column(TABLE, sa.Column("reference_text", sa.JSON(), nullable=True))
    bind = op.get_bind()
    table = sa.table(TABLE, sa.column("id", sa.Integer), sa.column("reference_text", sa.JSON))
    rows = bind.execute(sa.text("SELECT id, reference FROM register_entries")).all()
    for row_id, reference in rows:
        bind.execute(
            table.update()
            .where(table.c.id == row_id)
            .values(reference_text={"en": reference} if reference else {})
        )
    # plain DROP and RENAME COLUMN (SQLite 3.35+, PostgreSQL): no batch copy of the table
    op.drop_column(TABLE, "reference")
    op.execute("ALTER TABLE register_entries RENAME COLUMN reference_text TO reference")


def downgrade() -> None:
    op.add_column(TABLE, sa.Column("reference_str", sa.String(160), nullable=False, server_default=""))
    bind = op.get_bind()
    table = sa.table(
        TABLE,
        sa.column("id", sa.Integer),
        sa.column("reference", sa.JSON),
        sa.column("reference_str", sa.String),
    )
    for row_id, reference in bind.execute(sa.select(table.c.id, table.c.reference)).all():
        english = str((reference or {}).get("en", "")) if isinstance(reference, dict) else ""
        bind.execute(table.update().where(table.c.id == row_id).values(reference_str=english[:160]))
    op.drop_column(TABLE, "reference")
    op.execute("ALTER TABLE register_entries RENAME COLUMN reference_str TO reference")
