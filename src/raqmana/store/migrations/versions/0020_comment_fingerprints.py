"""Comment fingerprints: consultation_comments.fingerprint (a 64-bit SimHash of the folded text, see
raqmana.participation.duplicates) and duplicate_of (the earlier comment a text resembles; such a comment
waits for a moderator). Comments stored before this revision have neither and are never compared.

Revision ID: 0020
Revises: 0019
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("consultation_comments") as batch:
        batch.add_column(sa.Column("fingerprint", sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column("duplicate_of", sa.Integer(), nullable=True))
    op.create_index(
        "ix_consultation_comments_created_at", "consultation_comments", ["created_at"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_consultation_comments_created_at", table_name="consultation_comments")
    with op.batch_alter_table("consultation_comments") as batch:
        batch.drop_column("duplicate_of")
        batch.drop_column("fingerprint")
