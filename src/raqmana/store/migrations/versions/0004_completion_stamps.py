"""A change counter per round that moves whenever what its progress page shows changes.

``completion_stamps.changes`` goes up when a round's completion counts change (any answer changing
state) and when an organisation is renamed or moved. The web app keys its rendered progress tables on
it, so a page of 900 institutions × 13 enablers is drawn once per change instead of once per request,
and every worker process sees every change.

PostgreSQL bumps the counter from deferred constraint triggers: at commit, after every other lock of
the transaction is held, and once per transaction (``xact``), so concurrent saves never deadlock on
it. SQLite has one writer at a time; plain triggers do.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

SQLITE_TRIGGERS = [
    *[
        f"""CREATE TRIGGER trg_completion_stamp_{verb.lower()} AFTER {verb} ON completion_counts
    BEGIN INSERT INTO completion_stamps (assessment_id, changes) VALUES (NEW.assessment_id, 1)
    ON CONFLICT (assessment_id) DO UPDATE SET changes = completion_stamps.changes + 1; END"""  # nosec B608  # verbs from a constant tuple
        for verb in ("INSERT", "UPDATE")
    ],
    """CREATE TRIGGER trg_completion_stamp_orgs AFTER UPDATE ON organisations
    BEGIN UPDATE completion_stamps SET changes = changes + 1; END""",
]
PG_FUNCTIONS = [
    """CREATE FUNCTION raqmana_completion_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO completion_stamps AS s (assessment_id, changes, xact)
        VALUES (NEW.assessment_id, 1, txid_current())
        ON CONFLICT (assessment_id) DO UPDATE SET changes = s.changes + 1, xact = excluded.xact
        WHERE s.xact IS DISTINCT FROM excluded.xact;
        RETURN NULL;
    END $$""",
    """CREATE FUNCTION raqmana_completion_stamp_all() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE completion_stamps SET changes = changes + 1, xact = txid_current()
        WHERE xact IS DISTINCT FROM txid_current();
        RETURN NULL;
    END $$""",
]
PG_TRIGGERS = [
    """CREATE CONSTRAINT TRIGGER trg_completion_stamp AFTER INSERT OR UPDATE ON completion_counts
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raqmana_completion_stamp()""",
    """CREATE CONSTRAINT TRIGGER trg_completion_stamp_orgs AFTER UPDATE ON organisations
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raqmana_completion_stamp_all()""",
]


def upgrade() -> None:
    op.create_table(
        "completion_stamps",
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("changes", sa.BigInteger(), nullable=False),
        sa.Column("xact", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessments.id"],
            name=op.f("fk_completion_stamps_assessment_id_assessments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("assessment_id", name=op.f("pk_completion_stamps")),
    )
    op.execute(
        "INSERT INTO completion_stamps (assessment_id, changes) "
        "SELECT DISTINCT assessment_id, 1 FROM completion_counts"
    )
    if op.get_bind().dialect.name == "postgresql":
        for ddl in PG_FUNCTIONS + PG_TRIGGERS:
            op.execute(ddl)
    else:
        for ddl in SQLITE_TRIGGERS:
            op.execute(ddl)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS trg_completion_stamp ON completion_counts")
        op.execute("DROP TRIGGER IF EXISTS trg_completion_stamp_orgs ON organisations")
        op.execute("DROP FUNCTION IF EXISTS raqmana_completion_stamp()")
        op.execute("DROP FUNCTION IF EXISTS raqmana_completion_stamp_all()")
    else:
        for name in ("insert", "update", "orgs"):
            op.execute(f"DROP TRIGGER IF EXISTS trg_completion_stamp_{name}")
    op.drop_table("completion_stamps")
