"""The language a consultation's question was written in (consultation_questions.lang: ar, ckb or en).

A reader whose language has no translation of a question or of its options reads it in this language,
marked as such. Questions stored before this revision have none: they are read in the first of en, ar,
ckb in which their prompt has text, as before.

Revision ID: 0019
Revises: 0018
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("consultation_questions", sa.Column("lang", sa.String(length=8), nullable=True))


def downgrade() -> None:
    op.drop_column("consultation_questions", "lang")
