"""The service catalogue: the list with its derived KPIs, one service, editing by the owner, import and
export as CSV or XLSX, and publishing to the public portal."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import File, Path, UploadFile
from pydantic import BaseModel, Field, create_model
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from raqmana.i18n import Translated
from raqmana.metrics import LEVEL_NAMES, un_osi_stage
from raqmana.metrics.dictionary import BY_ID
from raqmana.metrics.service import COLUMNS, to_row
from raqmana.web.collation import by_name
from raqmana.web.context import ApiCtx, Ctx, PageCtx
from raqmana.web.forms import read_upload
from raqmana.web.pages import Area, attachment, go
from raqmana.web.schemas.common import XLSX, file_response
from raqmana.web.templating import render
from raqmana.workspace import publication, services, services_review
from raqmana.workspace.publication import PublicationView
from raqmana.workspace.services import ImportReport, ServiceView
from raqmana.workspace.services_review import EditView

area = Area("services")
CSV = "text/csv"


class ServiceList(BaseModel):
    services: list[ServiceView]
    kpis: dict[str, Any] = Field(description="derived KPIs of the whole catalogue, with their working")
    publication: PublicationView | None = Field(None, description="for the people who publish")


class ServicePage(BaseModel):
    service: ServiceView
    level_name: Translated
    un_osi_stage: int


@area.page("/services", "services/list.html", summary="The service catalogue", response_model=ServiceList)
def service_list(ctx: Ctx) -> dict[str, Any]:
    """Every service with its digitisation level, and the derived KPIs of the catalogue."""
    page = ctx.read(services.catalogue_page)
    return {
        "services": by_name(page.services, ctx.lang, lambda v: v.record.name),
        "kpis": page.kpis.as_dict(),
        "publication": page.publication,
        "_kpis": page.kpis,
        "_levels": LEVEL_NAMES,
        "_may_publish": page.may_publish,
        "_kpi_defs": BY_ID,
        "_service_names": {v.record.code: v.record.name for v in page.services},
    }


def _export(ctx: Ctx, fmt: str) -> Response:
    data = ctx.read(services.export_services, fmt=fmt)
    return attachment(data, f"services.{fmt}", CSV if fmt == "csv" else XLSX)


@area.html.get("/services/export.{fmt}")
def export_page(fmt: Literal["csv", "xlsx"], ctx: Ctx = PageCtx) -> Response:
    return _export(ctx, fmt)


@area.api.get(
    "/services/export.{fmt}",
    summary="The catalogue as a file that imports back (CSV or XLSX)",
    response_class=Response,
    responses=file_response(CSV, XLSX, description="The catalogue"),
)
def export_api(fmt: Literal["csv", "xlsx"], ctx: Ctx = ApiCtx) -> Response:
    return _export(ctx, fmt)


def _imported(ctx: Ctx, report: ImportReport, params: dict[str, Any]) -> Response:
    return render(ctx.request, ctx.lang, "services/list.html", {**service_list(ctx), "report": report})


@area.action(
    "/services/import",
    html=_imported,
    summary="Import services (CSV or XLSX, one row per service; all or nothing)",
    response_model=ImportReport,
)
async def import_services(ctx: Ctx, file: Annotated[UploadFile, File()]) -> ImportReport:
    """Creates new services and updates changed ones by code; any problem (located by file, sheet, row
    and column) leaves the catalogue as it was."""
    ctx.require_actor()
    filename, data = await read_upload(file, ctx.settings.max_upload_mb)
    return await run_in_threadpool(ctx.call, services.import_services, data=data, filename=filename)


@area.page("/services/{code}", "services/service.html", summary="One service", response_model=ServicePage)
def service_page(ctx: Ctx, code: Annotated[str, Path(max_length=64)]) -> dict[str, Any]:
    """A service card with its measures; ``can_edit`` says whether the caller may change it."""
    view = ctx.read(services.get_service, code)
    return {
        "service": view,
        "level_name": LEVEL_NAMES[view.record.level],
        "un_osi_stage": un_osi_stage(view.record.level),
        "_levels": LEVEL_NAMES,
        "_row": to_row(view.record),
    }


_FIELDS: dict[str, Any] = {
    c: (str | None, Field(None, max_length=4000)) for c in COLUMNS if c not in ("code", "illustrative")
}
ServiceIn = create_model(
    "ServiceIn",
    __doc__="The fields to change, as in a catalogue file (absent ones keep their value).",
    expected_version=(int | None, Field(None, ge=0, description="the version read; 409 if it moved on")),
    **_FIELDS,
)


@area.action(
    "/services/{code}",
    html=go("/services/{code}"),
    summary="Create or change a service (its owner institution, or a coordinator)",
    response_model=ServiceView,
)
def save_service(ctx: Ctx, code: Annotated[str, Path(max_length=64)], data: ServiceIn) -> ServiceView:
    fields = data.model_dump()
    expected = fields.pop("expected_version")
    changes = {k: v for k, v in fields.items() if v is not None}
    return ctx.call(services.update_service, code=code, changes=changes, expected_version=expected)


@area.action(
    "/publication/publish",
    html=go("/services"),
    summary="Publish the catalogue and its KPIs on the public portal (a new immutable version)",
    response_model=PublicationView,
)
def publish(ctx: Ctx) -> PublicationView:
    return ctx.call(publication.publish)


class WithdrawIn(BaseModel):
    expected_version: int = Field(ge=0, description="the version to withdraw: the one published now")


@area.action(
    "/publication/withdraw",
    html=go("/services"),
    summary="Withdraw what the public portal shows",
    response_model=PublicationView,
)
def withdraw(ctx: Ctx, data: WithdrawIn) -> PublicationView:
    return ctx.call(publication.withdraw, expected_version=data.expected_version)


class EditList(BaseModel):
    edits: list[EditView]


@area.page(
    "/service-edits",
    "services/edits.html",
    summary="Service-card edits and their review",
    response_model=EditList,
)
def edit_list(ctx: Ctx) -> dict[str, Any]:
    """Edits of the institutions the caller edits or reviews, those waiting for review first."""
    return {"edits": ctx.read(services_review.list_edits)}


class EditReviewIn(BaseModel):
    decision: Literal["accept", "return"]
    note: str = Field("", max_length=2000, description="required when returning: what to change")


@area.action(
    "/service-edits/{edit_id}/review",
    html=go("/service-edits"),
    summary="Accept an owner's edit of a service card (it is applied) or return it with a note",
    response_model=EditView,
)
def review_edit(ctx: Ctx, edit_id: int, data: EditReviewIn) -> EditView:
    return ctx.call(services_review.review, edit_id=edit_id, decision=data.decision, note=data.note)
