"""Workers' heartbeat on running jobs (a short lease across machines) and the signed audit chain head.

``jobs.heartbeat_at``: a worker touches it while it runs a job, so a worker on another machine can take
back a job whose worker stopped beating long before the job lease runs out.
``audit_head.signature`` / ``key_id``: an HMAC of the chain head with a key held outside the database
(RAQMANA_AUDIT_KEY_FILE); rewriting the whole chain in the database no longer goes unnoticed.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("jobs") as batch:
        batch.add_column(sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table("audit_head") as batch:
        batch.add_column(sa.Column("signature", sa.String(64), nullable=False, server_default=""))
        batch.add_column(sa.Column("key_id", sa.String(16), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("audit_head") as batch:
        batch.drop_column("key_id")
        batch.drop_column("signature")
    with op.batch_alter_table("jobs") as batch:
        batch.drop_column("heartbeat_at")
