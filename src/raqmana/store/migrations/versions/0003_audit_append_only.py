"""Make audit_events append-only in the database itself (UPDATE and DELETE are refused).

The hash chain still detects tampering by anyone who drops these triggers first (`raqmana audit verify`).

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

MESSAGE = "audit_events is append-only"


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"""CREATE FUNCTION raqmana_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION '{MESSAGE}'; END $$""")
        op.execute("""CREATE TRIGGER trg_audit_append_only BEFORE UPDATE OR DELETE ON audit_events
            FOR EACH ROW EXECUTE FUNCTION raqmana_audit_append_only()""")
    else:
        for verb in ("UPDATE", "DELETE"):
            op.execute(f"""CREATE TRIGGER trg_audit_no_{verb.lower()} BEFORE {verb} ON audit_events
                BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS trg_audit_append_only ON audit_events")
        op.execute("DROP FUNCTION IF EXISTS raqmana_audit_append_only()")
    else:
        op.execute("DROP TRIGGER IF EXISTS trg_audit_no_update")
        op.execute("DROP TRIGGER IF EXISTS trg_audit_no_delete")
