"""Response models of the JSON twins of the HTML pages and of the API-only operations."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import ConfigDict, Field

from raqmana.i18n import Translated
from raqmana.web.schemas.common import CompletionTableOut, FrameworkRef, JobSummary, Out, ProblemOut
from raqmana.workspace.actors import Grant
from raqmana.workspace.views import (
    ApiTokenView,
    AssessmentView,
    AssignmentView,
    AuditEventView,
    CommentView,
    EvidenceView,
    FrameworkVersionView,
    InstitutionRights,
    JobView,
    OrgView,
    Page,
    ResponseView,
    RevisionView,
    Rights,
    UserView,
)

# --- the caller and the workspace ---------------------------------------------------------------------


class Me(Out):
    user_id: int | None
    username: str
    display_name: str
    locale: str
    grants: list[Grant]


class AccountPage(Out):
    user: UserView | None
    grants: list[Grant]
    tokens: list[ApiTokenView] = Field(description="The caller's API tokens (never their values)")


class FrameworkList(Out):
    frameworks: list[FrameworkVersionView]


class OrgList(Out):
    organisations: list[OrgView] = Field(description="Depth-first tree order")


class OrgImportOut(Out):
    created: int
    updated: int
    unchanged: int
    warnings: list[ProblemOut]


class UserList(Out):
    users: list[UserView]


class TokenCreated(Out):
    token: ApiTokenView
    value: str = Field(description="The token itself: shown once, send it as Authorization: Bearer <value>")


# --- assessment rounds ------------------------------------------------------------------------------------


class AssessmentList(Out):
    assessments: list[AssessmentView] = Field(description="Newest first")


class NewRoundChoices(Out):
    frameworks: list[FrameworkVersionView]
    organisations: list[OrgView]


class AssessmentPage(Out):
    assessment: AssessmentView
    rights: Rights
    illustrative: bool
    institutions: list[InstitutionRights] = Field(description="Institutions the caller can open, by name")


class AssignmentsPage(Out):
    assessment: AssessmentView
    rights: Rights
    assignments: list[AssignmentView]
    institutions: list[InstitutionRights]
    illustrative: bool


class ProgressPage(Out):
    assessment: AssessmentView
    rights: Rights
    completion: CompletionTableOut
    illustrative: bool


# --- questionnaire, evidence, review ------------------------------------------------------------------


class QuestionnaireOut(Out):
    assessment: AssessmentView
    org: OrgView
    rights: Rights
    framework: FrameworkRef
    pages: list[Page]


class SubmitNotice(Out):
    submitted: int | None
    skipped: list[str]


class QuestionnairePage(Out):
    questionnaire: QuestionnaireOut
    page: Page | None = Field(description="The enabler asked for (?pillar=), else the first with questions")
    assessment: AssessmentView
    illustrative: bool
    submit_report: SubmitNotice | None = Field(description="Echo of ?submitted=&skipped= after a submit")


class WorkbookImportOut(Out):
    assessment_id: int
    institution_code: str
    changed: int
    unchanged: int
    warnings: list[ProblemOut]


class ReviewPage(Out):
    assessment: AssessmentView
    rights: Rights
    queue: list[ResponseView]
    evidence: dict[str, list[EvidenceView]] = Field(description="answer id → its evidence")
    institution: str | None
    reviewable: list[str] = Field(description="Codes of the institutions the caller may review")
    may_review: bool
    illustrative: bool
    institution_names: dict[str, Translated]


class ResponsePage(Out):
    response: ResponseView
    rights: Rights
    history: list[RevisionView]
    comments: list[CommentView]
    evidence: list[EvidenceView]
    assessment: AssessmentView
    illustrative: bool
    institution: OrgView


# --- jobs, reports, audit ---------------------------------------------------------------------------------


class JobList(Out):
    jobs: list[JobSummary]
    total: int
    offset: int
    limit: int


class JobDetail(Out):
    job: JobView
    running: bool


class ReportFile(Out):
    path: str
    url: str
    subject: str | None
    name: Translated | None
    lang: str | None
    format: str | None


class ReportFileListed(ReportFile):
    size: int = Field(description="bytes")
    modified: datetime


class InstitutionChoice(Out):
    code: str
    name: Translated


class ReportsPage(Out):
    assessment: AssessmentView
    illustrative: bool
    scopes: list[str]
    langs: list[str]
    formats: list[str]
    institutions: list[InstitutionChoice]
    files: list[ReportFileListed]


class ReportJobPage(Out):
    assessment: AssessmentView
    illustrative: bool
    job: JobView
    files: list[ReportFile]
    skipped: int
    running: bool


class AuditVerification(Out):
    """``ok`` is true when every event's hash and link hold; ``breaks`` says where they do not."""

    model_config = ConfigDict(extra="allow")

    ok: bool
    checked: int
    last_seq: int
    breaks: list[dict[str, Any]]


class AuditPage(Out):
    events: list[AuditEventView]
    total: int
    before: int | None
    next_before: int | None
    entity_types: list[str]
    verification: AuditVerification | None = Field(None, description="With ?verify=1")
