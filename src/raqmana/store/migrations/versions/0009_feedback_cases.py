"""Citizen feedback and complaints on an institution or a service (feedback_cases): tracking number,
state, deadline, the institution's answer, moderation and referral history.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "feedback_cases",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("tracking", sa.String(32), nullable=False, unique=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column(
            "org_id", sa.Integer(), sa.ForeignKey("organisations.id", ondelete="RESTRICT"), nullable=False
        ),
        sa.Column("service_code", sa.String(64), nullable=True),
        sa.Column("rating", sa.Integer(), nullable=True),
        sa.Column("channel", sa.String(32), nullable=False),
        sa.Column("visits", sa.Integer(), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("lang", sa.String(8), nullable=False),
        sa.Column("contact", sa.String(255), nullable=True),
        sa.Column("contact_consent", sa.Boolean(), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("assigned_to", sa.Integer(), sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True),
        sa.Column("answer", sa.Text(), nullable=True),
        sa.Column("change_made", sa.Text(), nullable=True),
        sa.Column("hidden", sa.Boolean(), nullable=False),
        sa.Column("hidden_reason", sa.String(32), nullable=True),
        sa.Column("referrals", sa.JSON(), nullable=False),
        sa.Column("source", sa.String(64), nullable=False),
        sa.Column("illustrative", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_feedback_cases_org_id_state", "feedback_cases", ["org_id", "state"])


def downgrade() -> None:
    op.drop_index("ix_feedback_cases_org_id_state", table_name="feedback_cases")
    op.drop_table("feedback_cases")
