"""Consultations in full: who may take part, moderation on or off, a retention period and the draft's
document; questions and answers; replies and support; participant accounts (anonymous, or verified by an
e-mail or phone code; contact never public); the published response report (what changed per section,
what was not taken and why).

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

_WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "consultation_participants",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("contact_kind", sa.String(8), nullable=True),
        sa.Column("contact", sa.String(255), nullable=True),
        sa.Column("contact_hash", sa.String(64), nullable=True, unique=True),
        sa.Column("verified_at", _WHEN, nullable=True),
        sa.Column("code_hash", sa.String(64), nullable=True),
        sa.Column("code_expires_at", _WHEN, nullable=True),
        sa.Column("code_attempts", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("governorate", sa.String(64), nullable=True),
        sa.Column("sex", sa.String(16), nullable=True),
        sa.Column("age_group", sa.String(16), nullable=True),
        sa.Column("created_at", _WHEN, nullable=False),
        sa.Column("illustrative", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    with op.batch_alter_table("consultations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("who", sa.String(16), nullable=False, server_default="anyone"))
        batch_op.add_column(sa.Column("invited", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("premoderated", sa.Boolean(), nullable=False, server_default=sa.true()))
        batch_op.add_column(sa.Column("retention_days", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("purged_at", _WHEN, nullable=True))
        batch_op.add_column(sa.Column("document_name", sa.String(255), nullable=True))
        batch_op.add_column(sa.Column("document_format", sa.String(16), nullable=True))
        batch_op.add_column(sa.Column("document_pages", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("document_sha256", sa.String(64), nullable=True))
        batch_op.add_column(sa.Column("response_summary", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("response_published_at", _WHEN, nullable=True))
    with op.batch_alter_table("consultation_sections", schema=None) as batch_op:
        batch_op.add_column(sa.Column("number", sa.String(32), nullable=True))
        batch_op.add_column(sa.Column("page", sa.Integer(), nullable=True))
    with op.batch_alter_table("consultation_comments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("parent_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("participant_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("tracking", sa.String(32), nullable=True))
        batch_op.create_foreign_key(
            "fk_consultation_comments_parent_id",
            "consultation_comments",
            ["parent_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_foreign_key(
            "fk_consultation_comments_participant_id",
            "consultation_participants",
            ["participant_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_index("ix_consultation_comments_tracking", ["tracking"], unique=True)
        batch_op.create_index("ix_consultation_comments_parent_id", ["parent_id"])
    op.create_table(
        "consultation_supports",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "comment_id",
            sa.Integer(),
            sa.ForeignKey("consultation_comments.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "participant_id",
            sa.Integer(),
            sa.ForeignKey("consultation_participants.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("created_at", _WHEN, nullable=False),
        sa.UniqueConstraint("comment_id", "participant_id", name="uq_consultation_supports_once"),
    )
    op.create_table(
        "consultation_questions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "consultation_id",
            sa.Integer(),
            sa.ForeignKey("consultations.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("prompt", sa.JSON(), nullable=False),
        sa.Column("options", sa.JSON(), nullable=False),
        sa.Column("required", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.create_index(
        "ix_consultation_questions_consultation_id", "consultation_questions", ["consultation_id"]
    )
    op.create_table(
        "consultation_answers",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "question_id",
            sa.Integer(),
            sa.ForeignKey("consultation_questions.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "participant_id",
            sa.Integer(),
            sa.ForeignKey("consultation_participants.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("created_at", _WHEN, nullable=False),
        sa.UniqueConstraint("question_id", "participant_id", name="uq_consultation_answers_once"),
    )
    op.create_table(
        "consultation_response_items",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "consultation_id",
            sa.Integer(),
            sa.ForeignKey("consultations.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "section_id",
            sa.Integer(),
            sa.ForeignKey("consultation_sections.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("taken", sa.Boolean(), nullable=False),
        sa.Column("text", sa.JSON(), nullable=False),
        sa.Column("comment_ids", sa.JSON(), nullable=False),
    )
    op.create_index(
        "ix_consultation_response_items_consultation_id", "consultation_response_items", ["consultation_id"]
    )


def downgrade() -> None:
    op.drop_index("ix_consultation_response_items_consultation_id", table_name="consultation_response_items")
    op.drop_table("consultation_response_items")
    op.drop_table("consultation_answers")
    op.drop_index("ix_consultation_questions_consultation_id", table_name="consultation_questions")
    op.drop_table("consultation_questions")
    op.drop_table("consultation_supports")
    with op.batch_alter_table("consultation_comments", schema=None) as batch_op:
        batch_op.drop_index("ix_consultation_comments_parent_id")
        batch_op.drop_index("ix_consultation_comments_tracking")
        batch_op.drop_constraint("fk_consultation_comments_participant_id", type_="foreignkey")
        batch_op.drop_constraint("fk_consultation_comments_parent_id", type_="foreignkey")
        batch_op.drop_column("tracking")
        batch_op.drop_column("participant_id")
        batch_op.drop_column("parent_id")
    with op.batch_alter_table("consultation_sections", schema=None) as batch_op:
        batch_op.drop_column("page")
        batch_op.drop_column("number")
    with op.batch_alter_table("consultations", schema=None) as batch_op:
        for column in (
            "response_published_at",
            "response_summary",
            "document_sha256",
            "document_pages",
            "document_format",
            "document_name",
            "purged_at",
            "retention_days",
            "premoderated",
            "invited",
            "who",
        ):
            batch_op.drop_column(column)
    op.drop_table("consultation_participants")
