"""KPI observations get a review state: an institution's figure is submitted, then accepted or returned
with a note by a reviewer; a figure entered by mistake is withdrawn with a reason. KPIs count the value
last accepted (``accepted_value``), so a correction waiting for review leaves the accepted figure in place.
Figures stored before this revision were counted as soon as they were entered: they are accepted.

Revision ID: 0016
Revises: 0015
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

_DIMENSIONS = ("governorate", "sex", "age_group", "area", "disability")
#: the rollup index covers the accepted value (what KPIs add up), no longer the reported one
ROLLUP = ("kpi", "period", "service_code", "org_id", *_DIMENSIONS, "accepted_value")
OLD_ROLLUP = ("kpi", "period", "service_code", "org_id", *_DIMENSIONS, "value")


def upgrade() -> None:
    op.drop_index("ix_kpi_observations_rollup", table_name="kpi_observations")
    with op.batch_alter_table("kpi_observations") as batch:
        batch.add_column(sa.Column("state", sa.String(16), nullable=False, server_default="accepted"))
        batch.add_column(sa.Column("accepted_value", sa.Double(), nullable=True))
        batch.add_column(sa.Column("note", sa.Text(), nullable=False, server_default=""))
        batch.add_column(
            sa.Column(
                "reviewed_by",
                sa.Integer(),
                sa.ForeignKey("users.id", ondelete="SET NULL", name="fk_kpi_observations_reviewed_by_users"),
                nullable=True,
            )
        )
        batch.add_column(sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True))
    op.execute("UPDATE kpi_observations SET accepted_value = value")
    op.create_index("ix_kpi_observations_rollup", "kpi_observations", list(ROLLUP))
    op.create_index("ix_kpi_observations_state", "kpi_observations", ["state"])


def downgrade() -> None:
    op.drop_index("ix_kpi_observations_state", table_name="kpi_observations")
    op.drop_index("ix_kpi_observations_rollup", table_name="kpi_observations")
    with op.batch_alter_table("kpi_observations") as batch:
        batch.drop_column("reviewed_at")
        batch.drop_column("reviewed_by")
        batch.drop_column("note")
        batch.drop_column("accepted_value")
        batch.drop_column("state")
    op.create_index("ix_kpi_observations_rollup", "kpi_observations", list(OLD_ROLLUP))
