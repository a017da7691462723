"""Shapes shared by several operations: files, started jobs, located problems, the completion table."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from raqmana.i18n import Translated
from raqmana.web.schemas.errors import ErrorItem
from raqmana.workspace.views import JobView, OrgView, PillarRef

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def file_response(*media_types: str, description: str) -> dict[int | str, dict[str, Any]]:
    """The 200 response of a download: the file's bytes in one of ``media_types``."""
    binary = {"schema": {"type": "string", "format": "binary"}}
    return {200: {"description": description, "content": dict.fromkeys(media_types, binary)}}


class Out(BaseModel):
    """Base of the response models: they list every key the operation returns."""

    model_config = ConfigDict(extra="forbid")


ProblemOut = ErrorItem  # a located problem in the caller's language, as in error bodies


class FrameworkRef(Out):
    id: str
    version: str
    name: Translated


class CompletionCellOut(Out):
    """Answers of one institution × enabler (or a total) by state, with the derived counts and shares."""

    expected: int
    draft: int
    submitted: int
    returned: int
    accepted: int
    answered: int
    not_started: int
    percent_answered: float = Field(description="0–100")
    percent_accepted: float = Field(description="0–100")


class CompletionRowOut(Out):
    org: OrgView
    cells: dict[str, CompletionCellOut] = Field(description="enabler id → counts")
    total: CompletionCellOut


class CompletionTableOut(Out):
    assessment_id: int
    pillars: list[PillarRef]
    rows: list[CompletionRowOut]
    total: CompletionCellOut


class JobSummary(Out):
    """A job in lists: its result's lists replaced by their lengths."""

    id: int
    kind: str
    status: str
    progress: float
    message: str
    attempts: int
    created_by: str
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    details: dict[str, Any]
    result: dict[str, Any]
    error: list[dict[str, Any]] | None


class JobStarted(Out):
    job: JobSummary
    url: str = Field(description="Where to follow the job (GET)")


class ReportJobStarted(Out):
    job: JobView
    url: str = Field(description="Where to follow the job (GET)")


class Done(Out):
    """An action that returns nothing else succeeded."""

    ok: bool = True
