"""Completion counts per (round, institution, pillar), kept up to date by triggers on responses.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

STATES = ("draft", "submitted", "returned", "accepted")


def _flags(row: str, cast: str) -> str:
    return ", ".join(f"({row}.state = '{s}'){cast}" for s in STATES)


def _minus(row: str, cast: str) -> str:
    return ", ".join(f"{s} = {s} - ({row}.state = '{s}'){cast}" for s in STATES)


def _where(row: str) -> str:
    return f"assessment_id = {row}.assessment_id AND org_id = {row}.org_id AND pillar_id = {row}.pillar_id"


def _upsert(row: str, cast: str, table: str) -> str:
    adds = ", ".join(f"{s} = {table}.{s} + excluded.{s}" for s in STATES)
    return (
        f"INSERT INTO completion_counts (assessment_id, org_id, pillar_id, {', '.join(STATES)}) "  # nosec B608  # column names from STATES, a constant
        f"VALUES ({row}.assessment_id, {row}.org_id, {row}.pillar_id, {_flags(row, cast)}) "
        f"ON CONFLICT (assessment_id, org_id, pillar_id) DO UPDATE SET {adds}"
    )


SQLITE_TRIGGERS = [
    f"""CREATE TRIGGER trg_responses_count_insert AFTER INSERT ON responses WHEN NEW.answered
    BEGIN {_upsert("NEW", "", "completion_counts")}; END""",
    f"""CREATE TRIGGER trg_responses_count_delete AFTER DELETE ON responses WHEN OLD.answered
    BEGIN UPDATE completion_counts SET {_minus("OLD", "")} WHERE {_where("OLD")}; END""",  # nosec B608  # trigger text from constants
    f"""CREATE TRIGGER trg_responses_count_update_old AFTER UPDATE OF state, answered, org_id, pillar_id,
    assessment_id ON responses WHEN OLD.answered
    BEGIN UPDATE completion_counts SET {_minus("OLD", "")} WHERE {_where("OLD")}; END""",  # nosec B608  # trigger text from constants
    f"""CREATE TRIGGER trg_responses_count_update_new AFTER UPDATE OF state, answered, org_id, pillar_id,
    assessment_id ON responses WHEN NEW.answered
    BEGIN {_upsert("NEW", "", "completion_counts")}; END""",
]
PG_FUNCTION = f"""
CREATE FUNCTION raqmana_completion_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.answered THEN
        UPDATE completion_counts SET {_minus("OLD", "::int")} WHERE {_where("OLD")};
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.answered THEN
        {_upsert("NEW", "::int", "completion_counts")};
    END IF;
    RETURN NULL;
END $$"""  # nosec B608  # function text from constants
PG_TRIGGER = """CREATE TRIGGER trg_responses_counts AFTER INSERT OR DELETE OR UPDATE OF state, answered, org_id,
pillar_id, assessment_id ON responses FOR EACH ROW EXECUTE FUNCTION raqmana_completion_counts()"""
BACKFILL = (
    f"INSERT INTO completion_counts (assessment_id, org_id, pillar_id, {', '.join(STATES)}) "
    "SELECT assessment_id, org_id, pillar_id, "
    + ", ".join(f"SUM(CASE WHEN state = '{s}' THEN 1 ELSE 0 END)" for s in STATES)
    + " FROM responses WHERE answered GROUP BY assessment_id, org_id, pillar_id"
)


def upgrade() -> None:
    op.create_table(
        "completion_counts",
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("org_id", sa.Integer(), nullable=False),
        sa.Column("pillar_id", sa.String(length=64), nullable=False),
        *[sa.Column(s, sa.Integer(), nullable=False) for s in STATES],
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessments.id"],
            name=op.f("fk_completion_counts_assessment_id_assessments"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["organisations.id"],
            name=op.f("fk_completion_counts_org_id_organisations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("assessment_id", "org_id", "pillar_id", name=op.f("pk_completion_counts")),
    )
    op.execute(BACKFILL)
    if op.get_bind().dialect.name == "postgresql":
        op.execute(PG_FUNCTION)
        op.execute(PG_TRIGGER)
    else:
        for ddl in SQLITE_TRIGGERS:
            op.execute(ddl)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS trg_responses_counts ON responses")
        op.execute("DROP FUNCTION IF EXISTS raqmana_completion_counts()")
    else:
        for name in ("insert", "delete", "update_old", "update_new"):
            op.execute(f"DROP TRIGGER IF EXISTS trg_responses_count_{name}")
    op.drop_table("completion_counts")
