"""Submissions of perception surveys (survey_submissions) and the answers an edit replaced (revisions).

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "survey_submissions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("survey_id", sa.String(64), nullable=False),
        sa.Column("survey_version", sa.String(32), nullable=False),
        sa.Column("uuid", sa.String(128), nullable=False),
        sa.Column("submitted_at", sa.String(40), nullable=False),
        sa.Column("submitter", sa.String(32), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(255), nullable=False),
        sa.Column("illustrative", sa.Boolean(), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("survey_id", "uuid", name="uq_survey_submissions_survey_id_uuid"),
    )
    op.create_index("ix_survey_submissions_survey_id", "survey_submissions", ["survey_id"])
    op.create_table(
        "survey_submission_revisions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "submission_id",
            sa.Integer(),
            sa.ForeignKey("survey_submissions.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("submitted_at", sa.String(40), nullable=False),
        sa.Column("replaced_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index(
        "ix_survey_submission_revisions_submission_id", "survey_submission_revisions", ["submission_id"]
    )


def downgrade() -> None:
    op.drop_index("ix_survey_submission_revisions_submission_id", table_name="survey_submission_revisions")
    op.drop_table("survey_submission_revisions")
    op.drop_index("ix_survey_submissions_survey_id", table_name="survey_submissions")
    op.drop_table("survey_submissions")
