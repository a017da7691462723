"""KPI observations per quarter, stored roadmap versions, quarterly progress reports of initiatives and
service-card edits waiting for review.

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


ROLLUP = (
    "kpi",
    "period",
    "service_code",
    "org_id",
    "governorate",
    "sex",
    "age_group",
    "area",
    "disability",
    "value",
)


def _user(name: str) -> sa.Column[int]:
    return sa.Column(name, sa.Integer(), sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True)


def _org(name: str, *, nullable: bool) -> sa.Column[int]:
    return sa.Column(
        name, sa.Integer(), sa.ForeignKey("organisations.id", ondelete="RESTRICT"), nullable=nullable
    )


def upgrade() -> None:
    op.create_table(
        "kpi_observations",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("key", sa.String(400), nullable=False, unique=True),
        sa.Column("kpi", sa.String(64), nullable=False),
        sa.Column("period", sa.String(7), nullable=False),
        _org("org_id", nullable=True),
        sa.Column("service_code", sa.String(64), nullable=False),
        sa.Column("governorate", sa.String(64), nullable=False),
        sa.Column("sex", sa.String(16), nullable=False),
        sa.Column("age_group", sa.String(16), nullable=False),
        sa.Column("area", sa.String(16), nullable=False),
        sa.Column("disability", sa.String(16), nullable=False),
        sa.Column("value", sa.Double(), nullable=False),
        sa.Column("unit", sa.String(32), nullable=False),
        sa.Column("source", sa.String(200), nullable=False),
        sa.Column("illustrative", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        _user("reported_by"),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    # covering the country's sums per quarter (no table row read): the quarterly KPIs after a change
    op.create_index("ix_kpi_observations_rollup", "kpi_observations", list(ROLLUP))
    op.create_index("ix_kpi_observations_org_id", "kpi_observations", ["org_id"])
    op.create_table(
        "roadmap_versions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("version", sa.Integer(), nullable=False, unique=True),
        sa.Column("roadmap", sa.JSON(), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("illustrative", sa.Boolean(), nullable=False),
        _user("created_by"),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "progress_reports",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("initiative", sa.String(64), nullable=False),
        sa.Column("quarter", sa.String(7), nullable=False),
        _org("owner_org_id", nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("percent_done", sa.Double(), nullable=False),
        sa.Column("milestones_met", sa.Integer(), nullable=False),
        sa.Column("spend_usd", sa.BigInteger(), nullable=False),
        sa.Column("blockers", sa.Text(), nullable=False),
        sa.Column("illustrative", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        _user("reported_by"),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("initiative", "quarter", name="uq_progress_reports_initiative_quarter"),
    )
    op.create_table(
        "service_edits",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("service_code", sa.String(64), nullable=False),
        _org("owner_org_id", nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=False),
        sa.Column("record", sa.JSON(), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        _user("submitted_by"),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
        _user("reviewed_by"),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_service_edits_service_code_state", "service_edits", ["service_code", "state"])


def downgrade() -> None:
    op.drop_index("ix_service_edits_service_code_state", table_name="service_edits")
    op.drop_table("service_edits")
    op.drop_table("progress_reports")
    op.drop_table("roadmap_versions")
    op.drop_index("ix_kpi_observations_org_id", table_name="kpi_observations")
    op.drop_index("ix_kpi_observations_rollup", table_name="kpi_observations")
    op.drop_table("kpi_observations")
