"""The questionnaire of one institution, page by enabler: answers (HTMX autosave), submit, workbook."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import File, Form, UploadFile
from markupsafe import Markup, escape
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from raqmana.web.context import ApiCtx, Ctx, PageCtx
from raqmana.web.forms import is_htmx, read_upload, see_other
from raqmana.web.fragment_cache import fragment_cache
from raqmana.web.pages import Area, attachment, json_response
from raqmana.web.schemas.common import XLSX, file_response
from raqmana.web.schemas.pages import QuestionnairePage, WorkbookImportOut
from raqmana.web.templating import render, render_text
from raqmana.workspace import assessments, questionnaire, responses
from raqmana.workspace.answers import Answer
from raqmana.workspace.orgs import org_name
from raqmana.workspace.views import Questionnaire, ResponseView, SubmitReport

area = Area("questionnaire")
BASE = "/assessments/{assessment_id}/institutions/{institution_code}"


def page_url(assessment_id: int, institution_code: str, pillar_id: str | None = None) -> str:
    url = f"/assessments/{assessment_id}/institutions/{quote(institution_code)}"
    return url + (f"?pillar={quote(pillar_id)}" if pillar_id else "")


CSRF_SLOT = "csrf-slot-0f6c1e"  # the cached HTML holds this in place of the reader's CSRF token


@area.page(
    BASE,
    "pages/questionnaire.html",
    summary="An institution's questionnaire, one enabler per page",
    response_model=QuestionnairePage,
)
def questionnaire_page(
    ctx: Ctx,
    assessment_id: int,
    institution_code: str,
    pillar: str | None = None,
    submitted: int | None = None,
    skipped: str | None = None,
) -> dict[str, Any]:
    """The questions of one enabler (``pillar``; default the first) with answers, evidence and comments."""
    report = (
        {"submitted": submitted, "skipped": [s for s in (skipped or "").split(",") if s]}
        if submitted is not None
        else None
    )

    def data(q: Questionnaire) -> dict[str, Any]:
        current = next((p for p in q.pages if p.items), q.pages[0] if q.pages else None)
        if pillar:
            current = next((p for p in q.pages if p.pillar.id == pillar), current)
        return {
            "questionnaire": q,
            "page": current,
            "assessment": q.assessment,
            "illustrative": q.assessment.illustrative,
            "submit_report": report,
        }

    if ctx.api:
        return data(
            ctx.read(
                questionnaire.questionnaire,
                assessment_id=assessment_id,
                institution_code=institution_code,
                pillar_id=pillar,
            )
        )
    actor = ctx.require_actor()
    digits = None if ctx.settings.digits == "locale" else ctx.settings.digits
    with ctx.ws.reader() as session:
        head, key = questionnaire.page_key(
            session, actor, assessment_id=assessment_id, institution_code=institution_code, pillar_id=pillar
        )

        def draw() -> str:
            q = questionnaire.questionnaire(
                session,
                actor,
                assessment_id=assessment_id,
                institution_code=institution_code,
                pillar_id=pillar,
            )
            return render_text(
                ctx.request, ctx.lang, "fragments/questionnaire_body.html", {**data(q), "csrf": CSRF_SLOT}
            )

        # the same answers, evidence, comments, rights, language and address → the same HTML
        here = ctx.request.url.path + "?" + ctx.request.url.query
        body = fragment_cache(ctx.request.app, "questionnaire", 256).get((*key, ctx.lang, digits, here), draw)
        name, illustrative = org_name(head.org), head.assessment.illustrative
    pillars = head.framework.pillars
    shown = (
        next((p for p in pillars if p.id == pillar), None) if pillar else (pillars[0] if pillars else None)
    )
    return {
        "_body": Markup(body.replace(CSRF_SLOT, str(escape(ctx.csrf)))),  # nosec B704  # drawn by the autoescaping templates
        "org_name": name,
        "pillar_name": shown.name if shown else None,
        "illustrative": illustrative,
    }


class AnswerIn(BaseModel):
    value: str | int | float | None = None
    na: bool = False
    dont_know: bool = False
    justification: str = Field("", max_length=10_000)
    expected_version: int = Field(0, ge=0)


def answer_from_form(answer: str, value: str, justification: str) -> Answer:
    """The form's ``answer`` radio is a stage/choice, ``na``, ``dont_know`` or ``value`` (use the text box)."""
    text = justification.strip()
    if answer == "na":
        return Answer(na=True, justification=text)
    if answer == "dont_know":
        return Answer(dont_know=True, justification=text)
    if answer in ("", "value"):
        return Answer(value=value.strip() or None, justification=text)
    return Answer(value=answer, justification=text)


@area.html.post(BASE + "/answers/{indicator_id}")
def save(
    assessment_id: int,
    institution_code: str,
    indicator_id: str,
    ctx: Ctx = PageCtx,
    answer: Annotated[str, Form(max_length=200)] = "",
    value: Annotated[str, Form(max_length=10_000)] = "",
    justification: Annotated[str, Form(max_length=10_000)] = "",
    expected_version: Annotated[int, Form(ge=0)] = 0,
) -> Response:
    view = ctx.call(
        responses.save_answer,
        assessment_id=assessment_id,
        institution_code=institution_code,
        indicator_id=indicator_id,
        answer=answer_from_form(answer, value, justification),
        expected_version=expected_version,
    )
    if is_htmx(ctx.request):
        return render(ctx.request, ctx.lang, "fragments/save_status.html", {"response": view})
    return see_other(page_url(assessment_id, institution_code, view.pillar_id) + f"#item-{indicator_id}")


@area.api.post(
    BASE + "/answers/{indicator_id}",
    summary="Save one answer (optimistic versioning)",
    response_model=ResponseView,
)
def save_json(
    assessment_id: int, institution_code: str, indicator_id: str, data: AnswerIn, ctx: Ctx = ApiCtx
) -> Response:
    """``expected_version`` is the version you read (0 when there was no answer); a stale one gives 409
    with the stored version under ``current``."""
    answer = Answer(value=data.value, na=data.na, dont_know=data.dont_know, justification=data.justification)
    view = ctx.call(
        responses.save_answer,
        assessment_id=assessment_id,
        institution_code=institution_code,
        indicator_id=indicator_id,
        answer=answer,
        expected_version=data.expected_version,
    )
    return json_response(view)


class SubmitIn(BaseModel):
    pillar: str | None = Field(None, max_length=50, description="One enabler's id; none: every enabler")


def _submitted(ctx: Ctx, report: SubmitReport, params: dict[str, Any]) -> Response:
    """Back to the page, with what was submitted and what was skipped as incomplete."""
    url = page_url(params["assessment_id"], params["institution_code"], params["data"].pillar or None)
    sep = "&" if "?" in url else "?"
    skipped = ",".join(report.skipped_incomplete[:50])
    return see_other(f"{url}{sep}submitted={report.submitted}&skipped={quote(skipped)}#submit-report")


@area.action(
    BASE + "/submit",
    html=_submitted,
    summary="Submit the answers of one enabler (or all) for review",
    response_model=SubmitReport,
)
def submit(ctx: Ctx, assessment_id: int, institution_code: str, data: SubmitIn) -> SubmitReport:
    return ctx.call(
        responses.submit,
        assessment_id=assessment_id,
        institution_code=institution_code,
        pillar_id=data.pillar or None,
    )


def _workbook(ctx: Ctx, assessment_id: int, institution_code: str) -> Response:
    from raqmana.workspace import excel_export  # openpyxl is loaded only when a workbook is asked for

    data = ctx.call(
        excel_export.export_workbook,
        assessment_id=assessment_id,
        institution_code=institution_code,
        lang=ctx.lang,
    )
    return attachment(data, f"raqmana-{assessment_id}-{institution_code}-{ctx.lang}.xlsx", XLSX)


@area.html.get(BASE + "/workbook.xlsx")
def download_workbook(assessment_id: int, institution_code: str, ctx: Ctx = PageCtx) -> Response:
    return _workbook(ctx, assessment_id, institution_code)


@area.api.get(
    BASE + "/workbook.xlsx",
    summary="The institution's Excel workbook (answers, in your language)",
    response_class=Response,
    responses=file_response(XLSX, description="The workbook"),
)
def download_workbook_api(assessment_id: int, institution_code: str, ctx: Ctx = ApiCtx) -> Response:
    return _workbook(ctx, assessment_id, institution_code)


async def _import(ctx: Ctx, file: UploadFile) -> Any:
    from raqmana.workspace import excel_import  # openpyxl is loaded only when a workbook is sent

    ctx.require_actor()  # who is asking before what was sent: strangers learn nothing about the file
    filename, data = await read_upload(file, ctx.settings.max_upload_mb)

    return await run_in_threadpool(
        ctx.call, excel_import.import_workbook, data=data, filename=filename, lang=ctx.lang
    )


@area.html.post(BASE + "/workbook")
async def upload_workbook(
    assessment_id: int, institution_code: str, file: Annotated[UploadFile, File()], ctx: Ctx = PageCtx
) -> Response:
    # the institution in the address must be one the reader may read (404 as its page), before the file
    await run_in_threadpool(
        ctx.read, assessments.get_institution, assessment_id=assessment_id, institution_code=institution_code
    )
    report = await _import(ctx, file)
    return render(
        ctx.request,
        ctx.lang,
        "pages/workbook_result.html",
        {"report": report, "back": page_url(report.assessment_id, report.institution_code)},
    )


@area.api.post(
    "/workbooks", summary="Import a filled workbook (all or nothing)", response_model=WorkbookImportOut
)
async def upload_workbook_api(file: Annotated[UploadFile, File()], ctx: Ctx = ApiCtx) -> Response:
    return json_response(await _import(ctx, file), lang=ctx.lang)
