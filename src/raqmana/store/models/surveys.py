"""Submissions of perception surveys (KoboToolbox/ODK), one row per submission, with their history.

Answers are kept as JSON keyed by question name (one table for every survey, never a table per survey);
identifiers of people are pseudonyms already (:func:`raqmana.surveys.submissions.pseudonym`). Each
submission belongs to the assessment round it was imported into; a submission (its uuid) is in one round. An edit of
a submission (same uuid, other answers) keeps the answers it replaced as a revision.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from raqmana.store.base import Base
from raqmana.store.types import UTCDateTime, utcnow


class SurveySubmission(Base):
    __tablename__ = "survey_submissions"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: the assessment round the submission was imported into (its survey figures use only its own);
    #: None: imported before rounds held submissions, when the workspace had no round
    assessment_id: Mapped[int | None] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"))
    survey_id: Mapped[str] = mapped_column(String(64))
    survey_version: Mapped[str] = mapped_column(String(32))
    uuid: Mapped[str] = mapped_column(String(128))
    submitted_at: Mapped[str] = mapped_column(String(40), default="")
    submitter: Mapped[str] = mapped_column(String(32), default="")
    answers: Mapped[dict[str, Any]] = mapped_column(JSON)
    #: SHA-256 of the canonical answers: the same submission imported again is recognised by it
    digest: Mapped[str] = mapped_column(String(64))
    revision: Mapped[int] = mapped_column(default=1)
    #: the file it came from (its name), for the import log
    source: Mapped[str] = mapped_column(String(255), default="")
    illustrative: Mapped[bool] = mapped_column(default=False)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (
        UniqueConstraint("survey_id", "uuid"),
        Index("ix_survey_submissions_survey_id", "survey_id"),
        Index("ix_survey_submissions_assessment_id", "assessment_id", "survey_id"),
    )


class SurveySubmissionRevision(Base):
    __tablename__ = "survey_submission_revisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("survey_submissions.id", ondelete="CASCADE"))
    revision: Mapped[int] = mapped_column()
    answers: Mapped[dict[str, Any]] = mapped_column(JSON)
    digest: Mapped[str] = mapped_column(String(64))
    submitted_at: Mapped[str] = mapped_column(String(40), default="")
    replaced_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (Index("ix_survey_submission_revisions_submission_id", "submission_id"),)
