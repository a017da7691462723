"""The Monte Carlo runs the round's results are computed with (the web and its report jobs use the count
recorded here, e.g. by ``raqmana demo --runs``; none recorded: the default).

Revision ID: 0015
Revises: 0014
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("assessments", sa.Column("mc_runs", sa.Integer(), nullable=True))


def downgrade() -> None:
    # a plain DROP COLUMN (SQLite 3.35+): a batch copy of the table would cascade to its answers
    op.drop_column("assessments", "mc_runs")
