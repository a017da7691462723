"""Survey submissions belong to an assessment round (survey_submissions.assessment_id).

A round's survey indicators use only the submissions imported into it, so a second round's figures no
longer mix with the first's. Submissions stored before this revision are given to the round that was
the newest when they were imported (the latest round created at or before their import); those imported
before any round existed go to the first round; with no round at all they stay in none until imported
again into one.

Revision ID: 0017
Revises: 0016
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

FK = "fk_survey_submissions_assessment_id_assessments"


def upgrade() -> None:
    column = sa.Column(
        "assessment_id",
        sa.Integer(),
        sa.ForeignKey("assessments.id", ondelete="CASCADE", name=FK),
        nullable=True,
    )
    if op.get_bind().dialect.name == "sqlite":
        # SQLite adds a reference only by copying the table, and dropping the old copy would delete the
        # submissions' revisions (ON DELETE CASCADE): they are kept aside and put back
        op.execute("CREATE TEMP TABLE kept_revisions AS SELECT * FROM survey_submission_revisions")
        with op.batch_alter_table("survey_submissions", recreate="always") as batch:
            batch.add_column(column)
        op.execute("DELETE FROM survey_submission_revisions")
        op.execute("INSERT INTO survey_submission_revisions SELECT * FROM kept_revisions")
        op.execute("DROP TABLE kept_revisions")
    else:
        op.add_column("survey_submissions", column)
    op.create_index(
        "ix_survey_submissions_assessment_id", "survey_submissions", ["assessment_id", "survey_id"]
    )
    bind = op.get_bind()
    rounds = [
        (int(rid), created)
        for rid, created in bind.execute(
            sa.text("SELECT id, created_at FROM assessments ORDER BY created_at, id")
        )
    ]
    if not rounds:
        return
    first = rounds[0][0]
    imports = bind.execute(sa.text("SELECT DISTINCT imported_at FROM survey_submissions")).scalars().all()
    for imported in imports:
        owner = first
        for rid, created in rounds:
            if created is not None and imported is not None and _moment(created) <= _moment(imported):
                owner = rid
        bind.execute(
            sa.text("UPDATE survey_submissions SET assessment_id = :a WHERE imported_at = :t"),
            {"a": owner, "t": imported},
        )


def _moment(value: object) -> str:
    """A stored time as comparable text (PostgreSQL gives datetimes, SQLite the stored text)."""
    from datetime import UTC, datetime

    if isinstance(value, datetime):
        moment = value.astimezone(UTC) if value.tzinfo else value
        return moment.strftime("%Y-%m-%d %H:%M:%S.%f")
    return str(value).replace("T", " ")


def downgrade() -> None:
    op.drop_index("ix_survey_submissions_assessment_id", table_name="survey_submissions")
    if op.get_bind().dialect.name == "sqlite":  # a column in a reference is dropped by copying the table
        op.execute("CREATE TEMP TABLE kept_revisions AS SELECT * FROM survey_submission_revisions")
        with op.batch_alter_table("survey_submissions", recreate="always") as batch:
            batch.drop_column("assessment_id")
        op.execute("DELETE FROM survey_submission_revisions")
        op.execute("INSERT INTO survey_submission_revisions SELECT * FROM kept_revisions")
        op.execute("DROP TABLE kept_revisions")
    else:
        op.drop_constraint(FK, "survey_submissions", type_="foreignkey")
        op.drop_column("survey_submissions", "assessment_id")
