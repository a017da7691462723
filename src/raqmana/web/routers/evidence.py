"""Evidence of an answer: attach a file or a URL (with date and source type), download, remove."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import File, Form, UploadFile
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from raqmana.web.context import ApiCtx, Ctx, PageCtx
from raqmana.web.forms import is_htmx, optional_date, read_upload, required, safe_next, see_other
from raqmana.web.pages import Area, json_response, stored_attachment
from raqmana.web.routers.questionnaire import BASE, page_url
from raqmana.web.schemas.common import Done, file_response
from raqmana.web.templating import render
from raqmana.workspace import evidence
from raqmana.workspace.views import EvidenceView

area = Area("evidence")
SourceType = Literal["document", "system", "external_index", "survey"]


async def _attach(
    ctx: Ctx,
    assessment_id: int,
    institution_code: str,
    indicator_id: str,
    *,
    kind: str,
    file: UploadFile | None,
    url: str,
    source_type: str,
    evidence_date: str,
    description: str,
) -> Any:
    when = optional_date(evidence_date, "evidence_date")
    common: dict[str, Any] = {
        "assessment_id": assessment_id,
        "institution_code": institution_code,
        "indicator_id": indicator_id,
        "source_type": source_type,
        "evidence_date": when,
        "description": description.strip(),
    }
    if kind == "url":
        link = required(url, "url")
        return await run_in_threadpool(lambda: ctx.call(evidence.attach_url, url=link, **common))
    filename, data = await read_upload(file, ctx.settings.max_upload_mb)
    return await run_in_threadpool(
        lambda: ctx.call(evidence.attach_file, settings=ctx.settings, filename=filename, data=data, **common)
    )


@area.html.post(BASE + "/answers/{indicator_id}/evidence")
async def attach(
    assessment_id: int,
    institution_code: str,
    indicator_id: str,
    ctx: Ctx = PageCtx,
    kind: Annotated[Literal["file", "url"], Form()] = "file",
    file: Annotated[UploadFile | None, File()] = None,
    url: Annotated[str, Form(max_length=2000)] = "",
    source_type: Annotated[SourceType, Form()] = "document",
    evidence_date: Annotated[str, Form(max_length=20)] = "",
    description: Annotated[str, Form(max_length=2000)] = "",
    pillar: Annotated[str, Form(max_length=50)] = "",
) -> Response:
    view = await _attach(
        ctx,
        assessment_id,
        institution_code,
        indicator_id,
        kind=kind,
        file=file,
        url=url,
        source_type=source_type,
        evidence_date=evidence_date,
        description=description,
    )
    if is_htmx(ctx.request):
        items = await run_in_threadpool(ctx.read, evidence.list_evidence, response_id=view.response_id)
        return render(
            ctx.request,
            ctx.lang,
            "fragments/evidence_list.html",
            {"evidence": items, "can_edit": True, "indicator_id": indicator_id, "added": view},
        )
    return see_other(page_url(assessment_id, institution_code, pillar or None) + f"#item-{indicator_id}")


class UrlEvidenceIn(BaseModel):
    url: str = Field(min_length=1, max_length=2000)
    source_type: SourceType = "document"
    evidence_date: str = ""
    description: str = Field("", max_length=2000)


@area.api.post(
    BASE + "/answers/{indicator_id}/evidence/url",
    status_code=201,
    summary="Attach a URL",
    response_model=EvidenceView,
)
async def attach_url_json(
    assessment_id: int, institution_code: str, indicator_id: str, data: UrlEvidenceIn, ctx: Ctx = ApiCtx
) -> Response:
    view = await _attach(
        ctx,
        assessment_id,
        institution_code,
        indicator_id,
        kind="url",
        file=None,
        url=data.url,
        source_type=data.source_type,
        evidence_date=data.evidence_date,
        description=data.description,
    )
    return json_response(view, status=201)


@area.api.post(
    BASE + "/answers/{indicator_id}/evidence/file",
    status_code=201,
    summary="Attach a file",
    response_model=EvidenceView,
)
async def attach_file_json(
    assessment_id: int,
    institution_code: str,
    indicator_id: str,
    file: Annotated[UploadFile, File()],
    ctx: Ctx = ApiCtx,
    source_type: Annotated[SourceType, Form()] = "document",
    evidence_date: Annotated[str, Form(max_length=20)] = "",
    description: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    view = await _attach(
        ctx,
        assessment_id,
        institution_code,
        indicator_id,
        kind="file",
        file=file,
        url="",
        source_type=source_type,
        evidence_date=evidence_date,
        description=description,
    )
    return json_response(view, status=201)


def _download(ctx: Ctx, evidence_id: int) -> Response:
    return stored_attachment(ctx.read(evidence.open_evidence, settings=ctx.settings, evidence_id=evidence_id))


@area.html.get("/evidence/{evidence_id}/file")
def download(evidence_id: int, ctx: Ctx = PageCtx) -> Response:
    return _download(ctx, evidence_id)


@area.api.get(
    "/evidence/{evidence_id}/file",
    summary="Download an evidence file",
    response_class=Response,
    responses=file_response("*/*", description="The file as it was attached, in its own media type"),
)
def download_api(evidence_id: int, ctx: Ctx = ApiCtx) -> Response:
    return _download(ctx, evidence_id)


def _removed(ctx: Ctx, result: None, params: dict[str, Any]) -> Response:
    if is_htmx(ctx.request):
        return Response("")
    return see_other(safe_next(params.get("next")))


@area.action("/evidence/{evidence_id}/delete", html=_removed, summary="Remove evidence", response_model=Done)
def remove(ctx: Ctx, evidence_id: int) -> None:
    """Only while the answer may still be edited (draft or returned)."""
    ctx.call(evidence.remove_evidence, evidence_id=evidence_id)
