"""Page-level use cases: everything one page of the web app (and its JSON twin) shows, read in one
transaction and returned as one typed view. The web layer sorts by name in the reader's language and
renders; it opens no database session of its own."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from raqmana.frameworks import Framework
from raqmana.i18n import Translated
from raqmana.workspace import (
    assessments,
    assignments,
    evidence,
    frameworks,
    jobs,
    orgs,
    responses,
    review,
    tokens,
    users,
)
from raqmana.workspace.actors import Actor, Grant
from raqmana.workspace.completion import completion
from raqmana.workspace.report_jobs import report_subjects
from raqmana.workspace.views import (
    ApiTokenView,
    AssessmentView,
    AssignmentView,
    CommentView,
    CompletionTable,
    EvidenceView,
    FrameworkVersionView,
    InstitutionRights,
    JobView,
    OrgView,
    ResponseView,
    RevisionView,
    Rights,
    UserView,
)


@dataclass(frozen=True, slots=True)
class RoundChoices:
    """What a coordinator chooses from when opening a round."""

    frameworks: list[FrameworkVersionView]
    organisations: list[OrgView]


def round_choices(session: Session, actor: Actor) -> RoundChoices:
    return RoundChoices(
        frameworks.list_framework_versions(session, actor), orgs.list_organisations(session, actor)
    )


@dataclass(frozen=True, slots=True)
class RoundOverview:
    assessment: AssessmentView
    rights: Rights
    institutions: list[InstitutionRights]  # those the actor can open


def round_overview(session: Session, actor: Actor, *, assessment_id: int) -> RoundOverview:
    view, rights = assessments.get_assessment(session, actor, assessment_id)
    return RoundOverview(
        view, rights, assessments.my_institutions(session, actor, assessment_id=assessment_id)
    )


@dataclass(frozen=True, slots=True)
class RoundAssignments:
    assessment: AssessmentView
    rights: Rights
    assignments: list[AssignmentView]
    institutions: list[InstitutionRights]
    users: list[UserView]  # people who may be assigned (only for those who manage the round)


def round_assignments(session: Session, actor: Actor, *, assessment_id: int) -> RoundAssignments:
    view, rights = assessments.get_assessment(session, actor, assessment_id)
    return RoundAssignments(
        view,
        rights,
        assignments.list_assignments(session, actor, assessment_id=assessment_id),
        assessments.my_institutions(session, actor, assessment_id=assessment_id),
        users.list_users(session, actor) if rights.manage else [],
    )


@dataclass(frozen=True, slots=True)
class UsersOverview:
    users: list[UserView]
    organisations: list[OrgView]


def users_overview(session: Session, actor: Actor) -> UsersOverview:
    return UsersOverview(users.list_users(session, actor), orgs.list_organisations(session, actor))


@dataclass(frozen=True, slots=True)
class AccountOverview:
    user: UserView | None
    grants: tuple[Grant, ...]
    tokens: list[ApiTokenView]


def account_overview(session: Session, actor: Actor) -> AccountOverview:
    me = users.get_user(session, actor, actor.user_id) if actor.user_id is not None else None
    return AccountOverview(me, actor.grants, tokens.list_api_tokens(session, actor))


@dataclass(frozen=True, slots=True)
class ReviewOverview:
    assessment: AssessmentView
    rights: Rights
    queue: list[ResponseView]
    evidence: dict[int, list[EvidenceView]]  # answer id → its evidence
    reviewable: list[str]  # codes of the institutions the actor may review
    names: dict[str, Translated]  # code → name of the institutions the actor can open
    framework: Framework


def review_overview(
    session: Session, actor: Actor, *, assessment_id: int, institution_code: str | None = None
) -> ReviewOverview:
    view, rights = assessments.get_assessment(session, actor, assessment_id)
    queue = review.review_queue(
        session, actor, assessment_id=assessment_id, institution_code=institution_code
    )
    mine = assessments.my_institutions(session, actor, assessment_id=assessment_id)
    return ReviewOverview(
        view,
        rights,
        queue,
        {r.id: evidence.list_evidence(session, actor, response_id=r.id) for r in queue},
        sorted(i.org.code for i in mine if i.rights.review),
        {i.org.code: i.org.name for i in mine},
        frameworks.get_framework(session, view.framework_version_id),
    )


@dataclass(frozen=True, slots=True)
class ResponseOverview:
    response: ResponseView
    rights: Rights
    history: list[RevisionView]
    comments: list[CommentView]
    evidence: list[EvidenceView]
    assessment: AssessmentView
    institution: OrgView
    framework: Framework


def response_overview(session: Session, actor: Actor, *, response_id: int) -> ResponseOverview:
    view, rights = responses.get_response(session, actor, response_id)
    assessment, _ = assessments.get_assessment(session, actor, view.assessment_id)
    return ResponseOverview(
        view,
        rights,
        responses.response_history(session, actor, response_id),
        review.list_comments(session, actor, response_id=response_id),
        evidence.list_evidence(session, actor, response_id=response_id),
        assessment,
        orgs.get_organisation(session, actor, view.institution_code),
        frameworks.get_framework(session, assessment.framework_version_id),
    )


@dataclass(frozen=True, slots=True)
class ReportsOverview:
    assessment: AssessmentView
    institutions: list[InstitutionRights]  # those a report may be asked for
    names: dict[str, Translated]  # organisation code → name
    readable: frozenset[str]  # report subjects the actor may read (``national``, institution codes)


def reports_overview(session: Session, actor: Actor, *, assessment_id: int) -> ReportsOverview:
    view, _ = assessments.get_assessment(session, actor, assessment_id)
    return ReportsOverview(
        view,
        assessments.my_institutions(session, actor, assessment_id=assessment_id),
        {o.code: o.name for o in orgs.list_organisations(session, actor)},
        report_subjects(session, actor, assessment_id),
    )


@dataclass(frozen=True, slots=True)
class JobOverview:
    job: JobView
    names: dict[str, Translated]  # organisation code → name


def job_overview(session: Session, actor: Actor, *, job_id: int) -> JobOverview:
    found = jobs.get_job(session, actor, job_id)
    return JobOverview(found, {o.code: o.name for o in orgs.list_organisations(session, actor)})


@dataclass(frozen=True, slots=True)
class ReportJobOverview:
    assessment: AssessmentView
    job: JobView
    names: dict[str, Translated]  # organisation code → name
    readable: frozenset[str]  # report subjects the actor may read in the round


def report_job_overview(
    session: Session, actor: Actor, *, assessment_id: int, job_id: int
) -> ReportJobOverview:
    """A report job read under its round (NotFound for outsiders of the round, then of the job)."""
    view, _ = assessments.get_assessment(session, actor, assessment_id)
    found = jobs.get_job(session, actor, job_id)
    names = {o.code: o.name for o in orgs.list_organisations(session, actor)}
    return ReportJobOverview(view, found, names, report_subjects(session, actor, assessment_id))


@dataclass(frozen=True, slots=True)
class ProgressOverview:
    assessment: AssessmentView
    rights: Rights
    completion: CompletionTable


def progress_overview(session: Session, actor: Actor, *, assessment_id: int) -> ProgressOverview:
    """Counts of answers per state for every institution × enabler the actor can read (the JSON twin of
    the progress page; the page itself draws the table once per change of the round)."""
    view, rights = assessments.get_assessment(session, actor, assessment_id)
    return ProgressOverview(view, rights, completion(session, actor, assessment_id=assessment_id))
