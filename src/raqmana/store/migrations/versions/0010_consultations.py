"""Public consultations on a draft: the consultation, its sections (articles) and the comments people
leave on a section, each moderated before it is published.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "consultations",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("title", sa.JSON(), nullable=False),
        sa.Column("summary", sa.JSON(), nullable=False),
        sa.Column(
            "owner_org_id",
            sa.Integer(),
            sa.ForeignKey("organisations.id", ondelete="RESTRICT"),
            nullable=False,
        ),
        sa.Column("opens_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closes_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Integer(), sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("illustrative", sa.Boolean(), nullable=False),
    )
    op.create_table(
        "consultation_sections",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "consultation_id",
            sa.Integer(),
            sa.ForeignKey("consultations.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("heading", sa.JSON(), nullable=False),
        sa.Column("body", sa.JSON(), nullable=False),
    )
    op.create_index("ix_consultation_sections_consultation_id", "consultation_sections", ["consultation_id"])
    op.create_table(
        "consultation_comments",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "section_id",
            sa.Integer(),
            sa.ForeignKey("consultation_sections.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("lang", sa.String(8), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("reason", sa.String(32), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("moderated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("illustrative", sa.Boolean(), nullable=False),
    )
    op.create_index(
        "ix_consultation_comments_section_id_state", "consultation_comments", ["section_id", "state"]
    )


def downgrade() -> None:
    op.drop_index("ix_consultation_comments_section_id_state", table_name="consultation_comments")
    op.drop_table("consultation_comments")
    op.drop_index("ix_consultation_sections_consultation_id", table_name="consultation_sections")
    op.drop_table("consultation_sections")
    op.drop_table("consultations")
