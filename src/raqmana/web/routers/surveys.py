"""Perception surveys of a round: the list, each survey's XLSForm, importing a Kobo/ODK export, and the
aggregated results (scores with 95 % intervals, the bottlenecks facing workers, the divide by group).

Whoever reads the round reads its surveys' forms and aggregated results; only administrators and
coordinators over the whole tree import (:mod:`raqmana.workspace.survey_round`). A large export is
imported by a worker: the page then follows the job.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import File, Path, UploadFile
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from raqmana.i18n import Translated
from raqmana.surveys.model import Role, Survey
from raqmana.web.context import ApiCtx, Ctx, PageCtx
from raqmana.web.forms import read_upload, see_other
from raqmana.web.pages import Area, attachment
from raqmana.web.routers.jobs import BATCH_FILE_MB
from raqmana.web.schemas.common import XLSX, file_response
from raqmana.web.schemas.surveys import (
    SubmissionImportOut,
    SurveyListPage,
    SurveyResultsPage,
    SurveyRoundOut,
)
from raqmana.web.templating import render
from raqmana.workspace import survey_round
from raqmana.workspace.surveys import SurveyReport, _may_import
from raqmana.workspace.surveys_rounds import SurveyRound

area = Area("surveys")
BASE = "/assessments/{assessment_id}/surveys"
SurveyId = Annotated[str, Path(max_length=64, pattern=r"^[a-z][a-z0-9_-]*$")]


@area.page(BASE, "surveys/list.html", summary="Perception surveys of a round", response_model=SurveyListPage)
def survey_list(ctx: Ctx, assessment_id: int) -> dict[str, Any]:
    """The round's questionnaire as an XLSForm and the ready surveys of its framework, with how many
    submissions each holds and when they were last imported."""
    surveys = ctx.read(survey_round.list_round_surveys, assessment_id=assessment_id)
    return {
        "assessment_id": assessment_id,
        "round": ctx.read(survey_round.round_of, assessment_id),
        "surveys": surveys,
        "may_import": _may_import(ctx.require_actor()),
    }


def _form(ctx: Ctx, assessment_id: int, survey_id: str) -> Response:
    name, data = ctx.read(survey_round.survey_form, assessment_id=assessment_id, survey_id=survey_id)
    return attachment(data, name, XLSX)


@area.html.get(BASE + "/{survey_id}/form.xlsx")
def form_page(assessment_id: int, survey_id: SurveyId, ctx: Ctx = PageCtx) -> Response:
    return _form(ctx, assessment_id, survey_id)


@area.api.get(
    BASE + "/{survey_id}/form.xlsx",
    summary="The survey as an XLSForm (label::Arabic (ar), label::Kurdish (ckb), label::English (en))",
    response_class=Response,
    responses=file_response(XLSX, description="The XLSForm, for KoboToolbox or ODK"),
)
def form_api(assessment_id: int, survey_id: SurveyId, ctx: Ctx = ApiCtx) -> Response:
    return _form(ctx, assessment_id, survey_id)


def _labels(survey: Survey, role: str) -> dict[str, Translated]:
    question = survey.by_role(Role(role))
    return {o.name: o.label for o in survey.options(question)} if question is not None else {}


def results_data(
    assessment_id: int,
    survey: Survey,
    report: SurveyReport | None,
    ranked: list[dict[str, Any]],
    round_: SurveyRound,
) -> dict[str, Any]:
    """The page's figures: aggregated only (no respondent appears), the round's respondents only."""
    base: dict[str, Any] = {
        "assessment_id": assessment_id,
        "round": round_,
        "survey": survey.id,
        "version": survey.version,
        "title": survey.title,
        "illustrative": bool(report and report.illustrative),
        "n": 0,
        "overall": None,
        "topics": [],
        "items": [],
        "bottlenecks": [],
        "divide": [],
        "gini": None,
    }
    if report is None:
        return base
    res = report.results
    labels = {q.name: q.label for q in survey.questions}
    base.update(
        n=res.n,
        illustrative=report.illustrative,
        overall=res.overall,
        topics=[
            {"topic": t, "name": survey.topics.get(t, Translated(en=t)), "estimate": e}
            for t, e in res.topics.items()
        ],
        items=[
            {
                "question": i.question,
                "label": labels.get(i.question, Translated(en=i.question)),
                "topic": i.topic,
                "estimate": i.estimate,
                "estimate_100": i.estimate_100,
                "dont_know": i.dont_know,
            }
            for i in res.items
        ],
        bottlenecks=[
            {
                "item": b["item"],
                "label": Translated(**b["label"]),
                **{k: b[k] for k in ("share", "low", "high", "n")},
                "groups": b["groups"],
            }
            for b in ranked
        ],
    )
    if report.divide is not None:
        base["gini"] = report.divide.gini
        base["divide"] = [
            {
                "dimension": d.dimension,
                "groups": [
                    {
                        "group": g.group,
                        "label": _labels(survey, d.dimension).get(g.group, Translated(en=g.group)),
                        "n": g.n,
                        "mean": g.mean,
                    }
                    for g in d.groups
                ],
                "gap": d.gap,
                "between_share": d.between_share,
            }
            for d in report.divide.dimensions
        ]
    return base


@area.page(
    BASE + "/{survey_id}",
    "surveys/survey.html",
    summary="A survey's aggregated results",
    response_model=SurveyResultsPage,
)
def survey_results(ctx: Ctx, assessment_id: int, survey_id: SurveyId) -> dict[str, Any]:
    """Scores of each topic and item with 95 % intervals (design weights, "don't know" left out), the
    bottlenecks facing workers ranked by the share naming them, and the divide by sex, age group,
    governorate, urban/rural and disability. Aggregated figures only."""
    survey, report, ranked = ctx.read(
        survey_round.round_survey_results, assessment_id=assessment_id, survey_id=survey_id
    )
    round_ = ctx.read(survey_round.round_of, assessment_id)
    data = results_data(assessment_id, survey, report, ranked, round_)
    data["_may_import"] = _may_import(ctx.require_actor()) and not round_.closed
    return data


def _imported(ctx: Ctx, result: SubmissionImportOut, params: dict[str, Any]) -> Response:
    if result.queued and result.job is not None:
        return see_other(f"/jobs/{result.job.id}")
    return render(
        ctx.request,
        ctx.lang,
        "surveys/imported.html",
        {"report": result, "assessment_id": params["assessment_id"], "survey_id": params["survey_id"]},
    )


@area.action(
    BASE + "/{survey_id}/submissions",
    html=_imported,
    summary="Import a KoboToolbox or ODK Central export of the survey (CSV or XLSX; all or nothing)",
    response_model=SubmissionImportOut,
)
async def import_submissions(
    ctx: Ctx, assessment_id: int, survey_id: SurveyId, file: Annotated[UploadFile, File()]
) -> SubmissionImportOut:
    """Adds new submissions, leaves the same ones unchanged and replaces edited ones (keeping the old
    answers); respondents' identifiers are pseudonymised on reading. A file over 2 MB is imported by a
    worker as a job with progress (``queued``, ``job``)."""
    ctx.require_actor()
    filename, data = await read_upload(file, BATCH_FILE_MB)
    if len(data) > survey_round.JOB_FROM_BYTES:
        job = await run_in_threadpool(
            ctx.call,
            survey_round.enqueue_round_import,
            settings=ctx.settings,
            assessment_id=assessment_id,
            survey_id=survey_id,
            data=data,
            filename=filename,
        )
        return SubmissionImportOut(
            queued=True,
            job=job,
            survey=survey_id,
            file=filename,
            round=SurveyRoundOut.model_validate(
                (await run_in_threadpool(ctx.read, survey_round.round_of, assessment_id)).to_dict()
            ),
        )
    report = await run_in_threadpool(
        ctx.call,
        survey_round.import_round_submissions,
        assessment_id=assessment_id,
        survey_id=survey_id,
        data=data,
        filename=filename,
        secret_key=ctx.settings.secret_key,
    )
    return SubmissionImportOut(
        survey=report.survey,
        file=report.file,
        round=None if report.round is None else SurveyRoundOut.model_validate(report.round.to_dict()),
        read=report.read,
        added=report.added,
        replaced=report.replaced,
        unchanged=report.unchanged,
        other_round=report.other_round,
        warnings=[w.as_dict(ctx.lang) for w in report.warnings],
    )
