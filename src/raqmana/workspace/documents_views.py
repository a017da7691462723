"""Typed views of the workspace's policy documents (pages and JSON twins render these)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True, slots=True)
class DocumentRights:
    read: bool = False
    #: upload into the scope, run the analysis again, withdraw
    edit: bool = False
    #: accept or reject suggestions
    decide: bool = False


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    id: int
    title: str
    filename: str
    format: str
    language: str
    pages: int
    size: int
    #: library, institution or assessment
    scope: str
    assessment_id: int | None
    institution_code: str | None
    institution_name: dict[str, str] | None
    uploaded_by: str
    uploaded_at: datetime
    #: none, queued, done or failed
    analysis_status: str
    job_id: int | None
    passages: int
    suggestions_open: int
    suggestions_accepted: int
    illustrative: bool
    warnings: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class SuggestionView:
    id: int
    #: indicator, target or goal
    kind: str
    ref: str
    label: dict[str, str]
    stage: int | None
    confidence: float
    #: open, accepted or rejected
    state: str
    passage_id: int
    page: int
    quote: str
    evidence_id: int | None
    decided_by: str
    decided_at: datetime | None


@dataclass(frozen=True, slots=True)
class PassageView:
    id: int
    position: int
    page: int
    kind: str
    number: str
    heading: str
    quote: str
    #: an action's owner, deadline and budget when the text states them
    details: dict[str, str]
    suggestions: list[SuggestionView]


@dataclass(frozen=True, slots=True)
class AnalysisView:
    id: int
    version: str
    framework: str
    settings: dict[str, Any]
    created_at: datetime


@dataclass(frozen=True, slots=True)
class GoalCount:
    goal: int
    name: dict[str, str]
    #: passages the mapper suggested for the goal, and those a reviewer accepted
    passages: int
    accepted: int


@dataclass(frozen=True, slots=True)
class TargetCount:
    target: str
    text: dict[str, str]
    passages: int
    accepted: int


@dataclass(frozen=True, slots=True)
class SdgProfile:
    """Coverage of the 17 goals (all of them, zeros included) and of the targets named."""

    documents: int
    goals: list[GoalCount]
    targets: list[TargetCount]


@dataclass(frozen=True, slots=True)
class DocumentDetail:
    document: DocumentSummary
    rights: DocumentRights
    analysis: AnalysisView | None
    passages: list[PassageView]
    profile: SdgProfile
