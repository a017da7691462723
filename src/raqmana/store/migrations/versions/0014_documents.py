"""Policy documents in the workspace (file, passages, versioned analyses, suggestions a reviewer accepts
or rejects) and the legal and institutional register with its proposals.

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("filename", sa.String(255), nullable=False),
        sa.Column("media_type", sa.String(100), nullable=False),
        sa.Column("format", sa.String(8), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column(
            "assessment_id", sa.Integer(), sa.ForeignKey("assessments.id", ondelete="RESTRICT"), nullable=True
        ),
        sa.Column(
            "org_id", sa.Integer(), sa.ForeignKey("organisations.id", ondelete="RESTRICT"), nullable=True
        ),
        sa.Column("warnings", sa.JSON(), nullable=False),
        sa.Column("analysis_status", sa.String(12), nullable=False),
        sa.Column("job_id", sa.Integer(), nullable=True),
        sa.Column("uploaded_by", sa.Integer(), sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("illustrative", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_documents_assessment_id", "documents", ["assessment_id"])
    op.create_index("ix_documents_org_id", "documents", ["org_id"])
    op.create_table(
        "document_passages",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "document_id", sa.Integer(), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("number", sa.String(32), nullable=False),
        sa.Column("heading", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
    )
    op.create_index("ix_document_passages_document_id", "document_passages", ["document_id", "position"])
    op.create_table(
        "document_analyses",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "document_id", sa.Integer(), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("version", sa.String(160), nullable=False),
        sa.Column("framework", sa.String(64), nullable=False),
        sa.Column("settings", sa.JSON(), nullable=False),
        sa.Column("profile", sa.JSON(), nullable=False),
        sa.Column("current", sa.Boolean(), nullable=False),
        sa.Column("job_id", sa.Integer(), nullable=True),
        sa.Column("created_by", sa.Integer(), sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_document_analyses_document_id", "document_analyses", ["document_id"])
    op.create_table(
        "document_suggestions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "analysis_id",
            sa.Integer(),
            sa.ForeignKey("document_analyses.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "document_id", sa.Integer(), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column(
            "passage_id",
            sa.Integer(),
            sa.ForeignKey("document_passages.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("ref", sa.String(64), nullable=False),
        sa.Column("stage", sa.Integer(), nullable=True),
        sa.Column("confidence", sa.Double(), nullable=False),
        sa.Column("state", sa.String(12), nullable=False),
        sa.Column("decided_by", sa.Integer(), sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "evidence_id", sa.Integer(), sa.ForeignKey("evidence.id", ondelete="SET NULL"), nullable=True
        ),
    )
    op.create_index("ix_document_suggestions_analysis_id", "document_suggestions", ["analysis_id", "kind"])
    op.create_index("ix_document_suggestions_document_id", "document_suggestions", ["document_id", "state"])
    op.create_table(
        "register_entries",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("area", sa.String(48), nullable=False, unique=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("instrument", sa.JSON(), nullable=False),
        sa.Column("reference", sa.String(160), nullable=False),
        sa.Column("institution", sa.JSON(), nullable=False),
        sa.Column("budget_line", sa.JSON(), nullable=False),
        sa.Column("note", sa.JSON(), nullable=False),
        sa.Column("sources", sa.JSON(), nullable=False),
        sa.Column("proposal", sa.JSON(), nullable=False),
        sa.Column("updated_by", sa.Integer(), sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("register_entries")
    op.drop_index("ix_document_suggestions_document_id", table_name="document_suggestions")
    op.drop_index("ix_document_suggestions_analysis_id", table_name="document_suggestions")
    op.drop_table("document_suggestions")
    op.drop_index("ix_document_analyses_document_id", table_name="document_analyses")
    op.drop_table("document_analyses")
    op.drop_index("ix_document_passages_document_id", table_name="document_passages")
    op.drop_table("document_passages")
    op.drop_index("ix_documents_org_id", table_name="documents")
    op.drop_index("ix_documents_assessment_id", table_name="documents")
    op.drop_table("documents")
