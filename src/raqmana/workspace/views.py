"""What use cases return: frozen plain values (never ORM rows), safe to use after the session closes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from raqmana.frameworks import Framework, Indicator
from raqmana.i18n import Translated, format_number, vocabulary
from raqmana.i18n.catalog import ui
from raqmana.i18n.vocabulary import ResponseState as ResponseState
from raqmana.workspace.actors import Role

STATE_LABELS: Mapping[str, Translated] = vocabulary.names("response state")
NA_LABEL = ui("N/A")
DONT_KNOW_LABEL = ui("Don't know")
YES_LABEL = ui("Yes")
NO_LABEL = ui("No")


@dataclass(frozen=True, slots=True)
class Rights:
    read: bool = False
    answer: bool = False
    review: bool = False
    manage: bool = False

    def __or__(self, other: Rights) -> Rights:
        return Rights(
            self.read or other.read,
            self.answer or other.answer,
            self.review or other.review,
            self.manage or other.manage,
        )


NO_RIGHTS = Rights()
ALL_RIGHTS = Rights(True, True, True, True)


@dataclass(frozen=True, slots=True)
class OrgView:
    id: int
    code: str
    kind: str
    parent_code: str | None
    name: Translated
    iso_3166_2: str = ""
    depth: int = 0
    path: str = ""
    ckb_status: str = ""


@dataclass(frozen=True, slots=True)
class OrgImportReport:
    created: int
    updated: int
    unchanged: int
    warnings: list[Any] = field(default_factory=list)  # raqmana.problems.Problem


@dataclass(frozen=True, slots=True)
class GrantView:
    id: int
    role: Role
    org_code: str | None
    org_name: Translated | None


@dataclass(frozen=True, slots=True)
class UserView:
    id: int
    username: str
    display_name: str
    email: str
    locale: str
    is_active: bool
    locked_until: datetime | None
    grants: tuple[GrantView, ...] = ()


@dataclass(frozen=True, slots=True)
class ApiTokenView:
    id: int
    name: str
    prefix: str
    created_at: datetime
    last_used_at: datetime | None
    revoked: bool


@dataclass(frozen=True, slots=True)
class IssuedSession:
    token: str
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class FrameworkVersionView:
    id: int
    framework_id: str
    version: str
    hash: str
    name: Translated
    frozen: bool
    indicators: int


@dataclass(frozen=True, slots=True)
class AssessmentView:
    id: int
    name: Translated
    period: str
    status: str
    illustrative: bool
    framework_version_id: int
    framework_id: str
    framework_version: str
    target_stage: int | None
    institutions: int
    created_at: datetime
    framework_name: Translated | None = None  # the framework's own name (None only for hand-made views)


@dataclass(frozen=True, slots=True)
class InstitutionRights:
    org: OrgView
    rights: Rights


@dataclass(frozen=True, slots=True)
class AssignmentView:
    id: int
    assessment_id: int
    institution_code: str
    institution_name: Translated
    user_id: int
    user_display_name: str
    role: Role


@dataclass(frozen=True, slots=True)
class PillarRef:
    id: str
    name: Translated
    indicators: int


@dataclass(frozen=True, slots=True)
class CompletionCell:
    """Answers of one institution × pillar (or a total) by state."""

    expected: int = 0
    draft: int = 0
    submitted: int = 0
    returned: int = 0
    accepted: int = 0

    @property
    def answered(self) -> int:
        return self.draft + self.submitted + self.returned + self.accepted

    @property
    def not_started(self) -> int:
        return max(0, self.expected - self.answered)

    @property
    def percent_answered(self) -> float:
        return 100.0 * self.answered / self.expected if self.expected else 0.0

    @property
    def percent_accepted(self) -> float:
        return 100.0 * self.accepted / self.expected if self.expected else 0.0

    def __add__(self, o: CompletionCell) -> CompletionCell:
        return CompletionCell(
            self.expected + o.expected,
            self.draft + o.draft,
            self.submitted + o.submitted,
            self.returned + o.returned,
            self.accepted + o.accepted,
        )


@dataclass(frozen=True, slots=True)
class CompletionRow:
    org: OrgView
    cells: dict[str, CompletionCell]
    total: CompletionCell


@dataclass(frozen=True, slots=True)
class CompletionTable:
    assessment_id: int
    pillars: list[PillarRef]
    rows: list[CompletionRow]
    total: CompletionCell


@dataclass(frozen=True, slots=True)
class CommentView:
    id: int
    response_id: int
    author: str
    kind: str
    text: str
    at: datetime
    version: int


@dataclass(frozen=True, slots=True)
class EvidenceView:
    id: int
    response_id: int
    kind: str
    filename: str
    media_type: str
    size: int
    sha256: str | None
    url: str
    source_type: str
    evidence_date: date | None
    description: str
    uploaded_by: str
    uploaded_at: datetime


@dataclass(frozen=True, slots=True)
class EvidenceFile:
    path: Any  # pathlib.Path
    filename: str
    media_type: str
    size: int


@dataclass(frozen=True, slots=True)
class ResponseView:
    id: int
    assessment_id: int
    institution_code: str
    indicator_id: str
    pillar_id: str
    answer_type: str
    stage: int | None
    number: float | None
    choice: str | None
    text: str | None
    na: bool
    dont_know: bool
    justification: str
    state: ResponseState
    version: int
    assessor: str
    assessor_id: int | None
    updated_at: datetime
    submitted_at: datetime | None
    reviewed_by: str | None
    reviewed_at: datetime | None
    evidence_count: int = 0
    last_comment: CommentView | None = None

    @property
    def value(self) -> int | float | str | None:
        if self.na or self.dont_know:
            return None
        for v in (self.stage, self.number, self.choice, self.text):
            if v is not None:
                return v
        return None

    def display(self, framework: Framework, lang: str) -> str:
        """The answer as a person reads it in ``lang`` (stage label, choice label, number…)."""
        if self.na:
            return NA_LABEL.get(lang)
        if self.dont_know:
            return DONT_KNOW_LABEL.get(lang)
        if self.stage is not None:
            return f"{self.stage} — {framework.stage_label(self.stage).get(lang)}"
        if self.number is not None:
            return format_number(self.number, lang, decimals=0 if float(self.number).is_integer() else 2)
        if self.choice is not None:
            if self.answer_type == "yes_no":
                return (YES_LABEL if self.choice == "yes" else NO_LABEL).get(lang)
            try:
                ind = framework.indicator(self.indicator_id)
            except KeyError:
                return self.choice
            for c in ind.choices:
                if c.value == self.choice:
                    return c.label.get(lang) or c.value
            return self.choice
        return self.text or ""


@dataclass(frozen=True, slots=True)
class RevisionView:
    version: int
    state: ResponseState
    action: str
    stage: int | None
    number: float | None
    choice: str | None
    text: str | None
    na: bool
    dont_know: bool
    justification: str
    actor: str
    at: datetime
    comment: str


@dataclass(frozen=True, slots=True)
class SubmitReport:
    submitted: int
    skipped_incomplete: list[str]
    already: int


@dataclass(frozen=True, slots=True)
class Item:
    indicator: Indicator
    response: ResponseView | None
    evidence: list[EvidenceView]
    comments: list[CommentView]


@dataclass(frozen=True, slots=True)
class Page:
    pillar: PillarRef
    items: list[Item]


@dataclass(frozen=True, slots=True)
class Questionnaire:
    assessment: AssessmentView
    org: OrgView
    rights: Rights
    framework: Framework
    pages: list[Page]


@dataclass(frozen=True, slots=True)
class WorkbookImportReport:
    assessment_id: int
    institution_code: str
    changed: int
    unchanged: int
    #: rows kept as they are in raqmana and ignored cells (raqmana.problems.Problem, severity warning)
    warnings: list[Any] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class JobView:
    id: int
    kind: str
    status: str
    progress: float
    message: str
    result: dict[str, Any] | None
    error: list[dict[str, Any]] | None
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    attempts: int = 0
    created_by: str = ""  # display name of who started it ("" for the CLI/system)
    details: dict[str, Any] = field(default_factory=dict)  # what it works on (payload without secrets/blobs)


@dataclass(frozen=True, slots=True)
class JobPage:
    jobs: list[JobView]
    total: int
    offset: int
    limit: int


@dataclass(frozen=True, slots=True)
class AuditEventView:
    id: int
    seq: int
    at: datetime
    actor: str
    action: str
    entity_type: str
    entity_id: str
    before: Any
    after: Any
