"""Policy documents: the list with the country's SDG profile, upload, one document with its passages and
suggestions (accept or reject each), its analysis as a job, its file, and the SDG profile charts."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import File, Form, Path, UploadFile
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile as StarletteUpload
from starlette.responses import Response

from raqmana.i18n import gettext
from raqmana.i18n.catalog import ui
from raqmana.reports.documents_chapter import sdg_profile_chart
from raqmana.web.context import ApiCtx, Ctx, PageCtx
from raqmana.web.errors import form_labels
from raqmana.web.forms import required, safe_next, see_other
from raqmana.web.pages import Area, go, json_response, stored_attachment
from raqmana.web.schemas.common import Done, file_response
from raqmana.web.templating import render
from raqmana.workspace import (
    documents,
    documents_analysis,
    documents_intake,
    documents_register,
    documents_review,
    jobs,
)
from raqmana.workspace.documents_register import RegisterEntryView, RegisterView
from raqmana.workspace.documents_views import (
    DocumentDetail,
    DocumentSummary,
    SdgProfile,
    SuggestionView,
)
from raqmana.workspace.exceptions import ValidationFailed
from raqmana.workspace.views import JobView

area = Area("documents")
SVG = "image/svg+xml"
#: words of the document pages (shown with the ``tr`` filter)
LABELS = {
    "kind": {
        "indicator": ui("Indicator"),
        "target": ui("SDG target"),
        "goal": ui("SDG goal"),
        "action": ui("Roadmap initiative"),
    },
    "decision": {"accepted": ui("accepted", "error words"), "rejected": ui("rejected", "error words")},
    "analysis": {
        "reading": ui("being read"),
        "refused": ui("refused", "document"),
        "none": ui("not analysed"),
        "queued": ui("waiting", "analysis"),
        "done": ui("done", "analysis"),
        "failed": ui("failed", "analysis"),
    },
    "action": {"owner": ui("Responsible"), "deadline": ui("Deadline"), "budget": ui("Budget")},
    "status": {"exists": ui("exists"), "drafted": ui("drafted"), "missing": ui("missing")},
    "cost": {
        "low": ui("low", "cost band"),
        "medium": ui("medium", "cost band"),
        "high": ui("high", "cost band"),
    },
}


class DocumentList(BaseModel):
    documents: list[DocumentSummary]
    country: SdgProfile = Field(description="the SDG profile of every document the caller reads")
    may_upload_library: bool = Field(description="whether the caller may add to the national library")


@area.page("/documents", "documents/list.html", summary="Policy documents", response_model=DocumentList)
def document_list(ctx: Ctx) -> dict[str, Any]:
    """The documents the caller may read (national library, institutions, rounds), newest first."""
    docs = ctx.read(documents.list_documents)
    country = ctx.read(documents_review.country_profile)
    actor = ctx.require_actor()
    library = actor.is_system or any(
        g.org_id is None and g.role in ("admin", "coordinator") for g in actor.grants
    )
    return {"documents": docs, "country": country, "may_upload_library": library, "_L": LABELS}


@area.page(
    "/documents/profile",
    "documents/profile.html",
    summary="The country's SDG profile",
    response_model=SdgProfile,
)
def country_profile(ctx: Ctx) -> dict[str, Any]:
    """Coverage of the 17 goals and their targets across every analysed document the caller reads:
    passages suggested and passages a reviewer accepted."""
    profile = ctx.read(documents_review.country_profile)
    return {**_as_dict(profile), "_profile": profile}


def _as_dict(profile: SdgProfile) -> dict[str, Any]:
    return {"documents": profile.documents, "goals": profile.goals, "targets": profile.targets}


def _chart(ctx: Ctx, profile: SdgProfile) -> Response:
    svg = sdg_profile_chart(profile.goals, ctx.lang, xlabel=gettext(ctx.lang, "Passages"))
    return Response(svg, media_type=SVG, headers={"Cache-Control": "private, max-age=60"})


@area.html.get("/documents/profile.svg")
def country_chart(ctx: Ctx = PageCtx) -> Response:
    return _chart(ctx, ctx.read(documents_review.country_profile))


class RegisterIn(BaseModel):
    """An area's fields to change (absent ones keep their value)."""

    status: Literal["exists", "drafted", "missing"] | None = None
    reference: str | None = Field(
        None, max_length=160, description="number and date in every language: Law No. 78 of 2012"
    )
    reference_en: str | None = Field(None, max_length=300, description="number and date in English")
    reference_ar: str | None = Field(None, max_length=300, description="number and date in Arabic")
    reference_ckb: str | None = Field(None, max_length=300, description="number and date in Sorani")
    cost_band: Literal["low", "medium", "high"] | None = None
    instrument_en: str | None = Field(None, max_length=2000)
    instrument_ar: str | None = Field(None, max_length=2000)
    instrument_ckb: str | None = Field(None, max_length=2000)
    institution_en: str | None = Field(None, max_length=2000)
    institution_ar: str | None = Field(None, max_length=2000)
    institution_ckb: str | None = Field(None, max_length=2000)
    budget_line_en: str | None = Field(None, max_length=2000)
    budget_line_ar: str | None = Field(None, max_length=2000)
    budget_line_ckb: str | None = Field(None, max_length=2000)


@area.page(
    "/documents/register",
    "documents/register.html",
    summary="The legal and institutional register with its proposals",
    response_model=RegisterView,
)
def register_page(ctx: Ctx) -> dict[str, Any]:
    """Per enabling area what exists (instrument with number and date, institution, budget line), what is
    drafted and what is missing, and for each gap a proposal (what, who drafts it, article or mandate,
    cost band, SDG targets)."""
    view = ctx.read(documents_register.read_register)
    return {
        "entries": view.entries,
        "may_edit": view.may_edit,
        "pack": view.pack,
        "statuses": view.statuses,
        "_L": LABELS,
    }


@area.action(
    "/documents/register/{area_id}",
    html=go("/documents/register"),
    summary="Change an area of the register (whole-tree coordinators and administrators)",
    response_model=RegisterEntryView,
)
def update_register(
    ctx: Ctx, area_id: Annotated[str, Path(max_length=48)], data: RegisterIn
) -> RegisterEntryView:
    changes = {k: v for k, v in data.model_dump().items() if v not in (None, "")}
    return ctx.call(documents_register.update_register_entry, area=area_id, changes=changes)


class UploadOut(BaseModel):
    document: DocumentSummary
    job: JobView | None = Field(None, description="the job that reads the file, then analyses it")


async def _upload(
    ctx: Ctx,
    file: StarletteUpload | None,
    title: str,
    assessment_id: int | None,
    institution_code: str,
    analyse: bool,
) -> UploadOut:
    """The file as the request brought it (counted while it arrived, ``web.body_limit``) is copied into
    the store a chunk at a time; reading and analysing it is a job."""
    ctx.require_actor()
    if not isinstance(file, StarletteUpload) or not file.filename:
        required(None, "file")
    await run_in_threadpool(ctx.read, jobs.check_quota)  # over the quota: 429 before storing the file
    assert file is not None and file.filename

    def work() -> UploadOut:
        actor = ctx.require_actor()
        file.file.seek(0)
        with ctx.ws.transaction() as s:
            doc, job = documents_intake.receive_document(
                s,
                actor,
                settings=ctx.settings,
                filename=file.filename or "",
                source=file.file,
                title=title,
                assessment_id=assessment_id,
                institution_code=institution_code or None,
                lang=ctx.lang,
                analyse=analyse,
            )
        return UploadOut(document=doc, job=job)

    return await run_in_threadpool(work)


@area.html.post("/documents")
async def upload(
    ctx: Ctx = PageCtx,
    file: Annotated[UploadFile | None, File()] = None,
    title: Annotated[str, Form(max_length=300)] = "",
    assessment_id: Annotated[int | None, Form()] = None,
    institution_code: Annotated[str, Form(max_length=64)] = "",
    analyse: Annotated[bool, Form()] = True,
) -> Response:
    out = await _upload(ctx, file, title, assessment_id, institution_code, analyse)
    return see_other(f"/documents/{out.document.id}")


@area.api.post(
    "/documents",
    status_code=201,
    summary="Upload a document (PDF, DOCX, HTML or text); a job reads and analyses it",
    response_model=UploadOut,
)
async def upload_json(
    file: Annotated[UploadFile, File()],
    ctx: Ctx = ApiCtx,
    title: Annotated[str, Form(max_length=300)] = "",
    assessment_id: Annotated[int | None, Form()] = None,
    institution_code: Annotated[str, Form(max_length=64)] = "",
    analyse: Annotated[bool, Form()] = True,
) -> Response:
    """Without a round or an institution the document goes to the national library. The file is stored
    and a job reads it, then analyses it (follow ``job``); the document reads ``reading`` until then.
    An empty or too large file, or one that is no PDF, DOCX, HTML or text, is refused at once and leaves
    nothing; one the job cannot read (password, damage, macros, no text layer) marks the document
    ``refused`` with the reason, and its file is removed."""
    out = await _upload(ctx, file, title, assessment_id, institution_code, analyse)
    return json_response(out, status=201, lang=ctx.lang)


@area.page(
    "/documents/{document_id}",
    "documents/document.html",
    summary="One document: passages with their suggestions",
    response_model=DocumentDetail,
)
def document_page(ctx: Ctx, document_id: Annotated[int, Path()]) -> dict[str, Any]:
    """Each passage with its page, quote and suggestions (indicator with a stage, SDG target or goal;
    confidence; open, accepted or rejected), the analysis it comes from and the document's SDG profile."""
    detail = ctx.read(documents_review.document_detail, document_id=document_id)
    doc = detail.document
    rounds: list[Any] = []
    institutions: dict[str, Any] = {}
    #: open round id → the institutions in it whose answers the reader may give evidence to
    members: dict[int, set[str]] = {}
    if detail.rights.decide and doc.assessment_id is None:
        from raqmana.workspace.assessments import list_assessments, my_institutions

        rounds = [r for r in ctx.read(list_assessments) if r.status == "open"]
        for r in rounds:
            for i in ctx.read(my_institutions, assessment_id=r.id):
                if (i.rights.review or i.rights.manage) and doc.institution_code in (None, i.org.code):
                    # chosen by name, not typed, when the document belongs to no institution
                    institutions.setdefault(i.org.code, i.org)
                    members.setdefault(r.id, set()).add(i.org.code)
    elif detail.rights.decide and doc.institution_code and doc.assessment_id is not None:
        members = {doc.assessment_id: {doc.institution_code}}
    # per open indicator suggestion: the institutions whose answer is accepted and takes no more evidence
    closed = ctx.read(documents_review.closed_answers, document_id=document_id, rounds=members)
    return {
        "document": doc,
        "rights": detail.rights,
        "analysis": detail.analysis,
        "passages": detail.passages,
        "profile": detail.profile,
        "_rounds": rounds,
        "_institutions": []
        if doc.institution_code
        else sorted(institutions.values(), key=lambda o: o.name.get(ctx.lang)),
        "_closed": closed,
        "_L": LABELS,
    }


@area.html.get("/documents/{document_id}/profile.svg")
def document_chart(document_id: int, ctx: Ctx = PageCtx) -> Response:
    return _chart(ctx, ctx.read(documents_review.document_detail, document_id=document_id).profile)


def _download(ctx: Ctx, document_id: int) -> Response:
    return stored_attachment(
        ctx.read(documents.open_document, settings=ctx.settings, document_id=document_id)
    )


@area.html.get("/documents/{document_id}/file")
def download(document_id: int, ctx: Ctx = PageCtx) -> Response:
    return _download(ctx, document_id)


@area.api.get(
    "/documents/{document_id}/file",
    summary="Download a document as it was uploaded",
    response_class=Response,
    responses=file_response("*/*", description="The document in its own media type"),
)
def download_api(document_id: int, ctx: Ctx = ApiCtx) -> Response:
    return _download(ctx, document_id)


class AnalyseIn(BaseModel):
    keywords_only: bool = Field(False, description="the keyword rules without the sentence model (fast)")


@area.action(
    "/documents/{document_id}/analyse",
    html=go("/documents/{document_id}"),
    summary="Run the document's analysis again (a job; the earlier runs are kept)",
    response_model=JobView,
    status_code=202,
)
def analyse(ctx: Ctx, document_id: int, data: AnalyseIn) -> JobView:
    return ctx.call(
        documents_analysis.enqueue_analysis, document_id=document_id, keywords_only=data.keywords_only
    )


class DecisionIn(BaseModel):
    decision: Literal["accept", "reject"]
    assessment_id: int | None = Field(None, description="the round whose answer gets the evidence")
    institution_code: str | None = Field(None, max_length=64, description="the institution of that answer")


def _decide(ctx: Ctx, suggestion_id: int, data: DecisionIn) -> SuggestionView:
    return ctx.call(
        documents_review.decide,
        suggestion_id=suggestion_id,
        decision=data.decision,
        assessment_id=data.assessment_id,
        institution_code=(data.institution_code or "").strip() or None,
    )


@area.api.post(
    "/documents/suggestions/{suggestion_id}/decide",
    summary="Accept or reject a suggestion (an accepted indicator suggestion becomes evidence on the answer)",
    response_model=SuggestionView,
)
def decide_api(suggestion_id: int, data: DecisionIn, ctx: Ctx = ApiCtx) -> Response:
    return json_response(_decide(ctx, suggestion_id, data), lang=ctx.lang)


@area.html.post("/documents/suggestions/{suggestion_id}/decide")
def decide_page(
    suggestion_id: int,
    data: Annotated[DecisionIn, Form()],
    ctx: Ctx = PageCtx,
    next: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    """A refused choice (no institution, one whose answer is already accepted) comes back on the document's
    page, beside the suggestion's form, with the reader's choices still there to change."""
    try:
        _decide(ctx, suggestion_id, data)
    except ValidationFailed as exc:
        document_id = ctx.read(documents_review.suggestion_document, suggestion_id=suggestion_id)
        page = {
            **document_page(ctx, document_id),
            "status": 422,
            "problems": form_labels(exc.problems, ctx.request.url.path),
            "_refused": suggestion_id,
            "_chosen": data,
        }
        return render(ctx.request, ctx.lang, "documents/document.html", page, status=422)
    return see_other(safe_next(next, "/documents"))


@area.action(
    "/documents/{document_id}/delete",
    html=go("/documents"),
    summary="Withdraw a document (its history stays)",
    response_model=Done,
)
def remove(ctx: Ctx, document_id: int) -> None:
    ctx.call(documents.remove_document, document_id=document_id)
