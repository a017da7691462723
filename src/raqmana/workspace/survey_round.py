"""The perception surveys of an assessment round, for the web pages and their JSON twins.

A round's surveys are its own questionnaire as an XLSForm (for field teams with Kobo or ODK) and the
ready surveys of its framework's pack (civil servants, citizens). Whoever reads the round reads their
forms and their aggregated results (scores with intervals, bottlenecks, the divide by group); no page
shows a respondent's answers or pseudonym. Importing submissions is for administrators and
coordinators over the whole organisation tree (survey answers are national data). A large export is
imported as a job with progress. Every figure here is the round's own: only the submissions imported
into it count (a closed round takes none).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from raqmana.i18n import Translated
from raqmana.problems import ProblemsError
from raqmana.store.models import SurveySubmission
from raqmana.surveys.model import Survey
from raqmana.workspace.actors import Actor
from raqmana.workspace.exceptions import Forbidden, NotFound, ValidationFailed
from raqmana.workspace.frameworks import get_framework
from raqmana.workspace.permissions import get_assessment_for_user
from raqmana.workspace.surveys import (
    SubmissionImportReport,
    SurveyReport,
    _illustrative,
    _may_import,
    _stored,
    divide_of,
    import_submissions,
)
from raqmana.workspace.surveys_rounds import SurveyRound, import_round, survey_round

if TYPE_CHECKING:
    from raqmana.settings import Settings
    from raqmana.workspace.views import JobView

#: exports larger than this are imported by a worker, as a job with progress
JOB_FROM_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True)
class SurveyItem:
    id: str
    version: str
    title: Translated
    #: "questionnaire": the round's own questionnaire as a form; "survey": a ready survey of the pack
    kind: str
    questions: int
    scored: int
    submissions: int
    last_import: datetime | None
    illustrative: bool


def round_surveys_of(session: Session, actor: Actor, assessment_id: int) -> list[Survey]:
    """The round's questionnaire as a survey, then the ready surveys of its framework's pack."""
    from raqmana.surveys import packs
    from raqmana.surveys.xlsform_out import from_framework

    assessment, _ = get_assessment_for_user(session, actor, assessment_id)
    framework = get_framework(session, assessment.framework_version_id)
    try:
        ready = [packs.read_survey(path) for path in packs.survey_files().values()]
    except ProblemsError as exc:
        raise ValidationFailed(exc.problems) from None
    return [from_framework(framework), *(s for s in ready if s.framework == framework.id)]


def round_survey(session: Session, actor: Actor, assessment_id: int, survey_id: str) -> Survey:
    """One survey of the round (NotFound for a survey the round does not have, or an outsider)."""
    for survey in round_surveys_of(session, actor, assessment_id):
        if survey.id == survey_id:
            return survey
    raise NotFound("survey")


def round_of(session: Session, actor: Actor, assessment_id: int) -> SurveyRound:
    """The round (its name, period and whether it is closed), for whoever reads it."""
    assessment, _ = get_assessment_for_user(session, actor, assessment_id)
    return survey_round(assessment)


def list_round_surveys(session: Session, actor: Actor, *, assessment_id: int) -> list[SurveyItem]:
    """The round's surveys with the submissions imported into the round (not other rounds')."""
    surveys = round_surveys_of(session, actor, assessment_id)
    stats = {
        sid: (n, last, bool(ill))
        for sid, n, last, ill in session.execute(
            select(
                SurveySubmission.survey_id,
                func.count(),
                func.max(SurveySubmission.imported_at),
                func.max(SurveySubmission.illustrative),
            )
            .where(SurveySubmission.assessment_id == assessment_id)
            .group_by(SurveySubmission.survey_id)
        )
    }
    out = []
    for k, s in enumerate(surveys):
        n, last, ill = stats.get(s.id, (0, None, False))
        counts = s.counts()
        out.append(
            SurveyItem(
                s.id,
                s.version,
                s.title,
                "questionnaire" if k == 0 else "survey",
                counts["questions"],
                counts["scored"],
                int(n),
                last,
                ill,
            )
        )
    return out


def survey_form(session: Session, actor: Actor, *, assessment_id: int, survey_id: str) -> tuple[str, bytes]:
    """(file name, XLSForm) of one survey of the round, for KoboToolbox or ODK."""
    from raqmana.surveys.xlsform_out import to_bytes

    survey = round_survey(session, actor, assessment_id, survey_id)
    return f"{survey.id}-{survey.version}.xlsx", to_bytes(survey)


def import_round_submissions(
    session: Session,
    actor: Actor,
    *,
    assessment_id: int,
    survey_id: str,
    data: bytes,
    filename: str,
    secret_key: str,
) -> SubmissionImportReport:
    """Import a Kobo/ODK export of one survey of the round: all or nothing, located problems."""
    survey = round_survey(session, actor, assessment_id, survey_id)
    if not _may_import(actor):
        raise Forbidden()
    return import_submissions(
        session,
        actor,
        survey=survey,
        data=data,
        filename=filename,
        secret_key=secret_key,
        assessment_id=assessment_id,
    )


def enqueue_round_import(
    session: Session,
    actor: Actor,
    *,
    settings: Settings,
    assessment_id: int,
    survey_id: str,
    data: bytes,
    filename: str,
) -> JobView:
    """Queue the import of a large export of one survey of the round (progress on the job's page)."""
    from raqmana.workspace.job_handlers import uploads
    from raqmana.workspace.jobs import enqueue
    from raqmana.workspace.surveys import SURVEY_IMPORT

    round_survey(session, actor, assessment_id, survey_id)
    if not _may_import(actor):
        raise Forbidden()
    import_round(session, assessment_id)  # a closed round is refused before the file is kept
    digest = uploads(settings).put(data, session=session)
    payload = {"survey": survey_id, "assessment_id": assessment_id, "filename": filename, "sha256": digest}
    return enqueue(session, actor, kind=SURVEY_IMPORT, payload=payload)


def round_survey_results(
    session: Session, actor: Actor, *, assessment_id: int, survey_id: str
) -> tuple[Survey, SurveyReport | None, list[dict[str, Any]]]:
    """The survey, its aggregated results (None before any scored answer) and the bottlenecks facing
    workers (with intervals and groups) for the round's readers; no respondent is named."""
    from raqmana.surveys.bottlenecks import bottlenecks
    from raqmana.surveys.perception import score

    survey = round_survey(session, actor, assessment_id, survey_id)
    submissions = _stored(session, survey.id, assessment_id)
    if not submissions or not survey.scored():
        return survey, None, []
    try:
        results = score(survey, submissions)
    except ProblemsError:
        return survey, None, []
    divide = divide_of(results)
    results.respondents = []  # aggregated figures only
    if divide is not None:
        divide.furthest_behind = []
    illustrative = _illustrative(session, survey.id, assessment_id)
    report = SurveyReport(
        survey, results, divide, illustrative, round=round_of(session, actor, assessment_id)
    )
    return survey, report, [b.to_dict() for b in bottlenecks(survey, submissions)]
