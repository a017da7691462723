"""Unified KPIs: every KPI with its latest national figure and the roadmap's target, one KPI's trend
(chart with its data table, groups), reporting a figure, importing and exporting observations, and the
review of reported figures (accept, return with a note, withdraw with a reason)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import File, Path, UploadFile
from pydantic import BaseModel, Field, create_model
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from raqmana.i18n import gettext
from raqmana.metrics.observations import COLUMNS, DIMENSIONS
from raqmana.reports.kpi_charts import kpi_trend
from raqmana.web.context import ApiCtx, Ctx, PageCtx
from raqmana.web.forms import read_upload
from raqmana.web.pages import Area, attachment, go
from raqmana.web.routers.results import SVG_HEADERS
from raqmana.web.schemas.common import XLSX, file_response
from raqmana.web.templating import render
from raqmana.workspace import kpi_review, kpis
from raqmana.workspace.kpi_review import ReviewList
from raqmana.workspace.kpis import ImportReport, KpiSummary, KpiTrend, ObservationView
from raqmana.workspace.publication import may_publish

area = Area("kpis")
CSV = "text/csv"
KpiCode = Annotated[str, Path(max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
FigureId = Annotated[int, Path(ge=1, le=2**31 - 1)]


class KpiListPage(BaseModel):
    kpis: list[KpiSummary]


class KpiPage(BaseModel):
    trend: KpiTrend
    observations: list[ObservationView] = Field(description="the KPI's reported figures (up to 500)")


@area.page("/kpis", "kpis/list.html", summary="Unified KPIs", response_model=KpiListPage)
def kpi_list(ctx: Ctx) -> dict[str, Any]:
    """Every KPI with figures or a roadmap target: its latest national figure and the target."""
    return {"kpis": ctx.read(kpis.kpi_list), "_dimensions": DIMENSIONS}


def _export(ctx: Ctx, fmt: str) -> Response:
    data = ctx.read(kpis.export_observations, fmt=fmt)
    return attachment(data, f"kpi-observations.{fmt}", CSV if fmt == "csv" else XLSX)


@area.html.get("/kpis/observations/export.{fmt}")
def export_page(fmt: Literal["csv", "xlsx"], ctx: Ctx = PageCtx) -> Response:
    return _export(ctx, fmt)


@area.api.get(
    "/kpis/observations/export.{fmt}",
    summary="Every KPI observation as a file that imports back (CSV or XLSX)",
    response_class=Response,
    responses=file_response(CSV, XLSX, description="The observations"),
)
def export_api(fmt: Literal["csv", "xlsx"], ctx: Ctx = ApiCtx) -> Response:
    return _export(ctx, fmt)


def _imported(ctx: Ctx, report: ImportReport, params: dict[str, Any]) -> Response:
    return render(ctx.request, ctx.lang, "kpis/list.html", {**kpi_list(ctx), "report": report})


@area.action(
    "/kpis/observations/import",
    html=_imported,
    summary="Import KPI observations (CSV or XLSX, one row per figure; all or nothing)",
    response_model=ImportReport,
)
async def import_observations(ctx: Ctx, file: Annotated[UploadFile, File()]) -> ImportReport:
    """Adds new figures and corrects changed ones; any problem (located by file, sheet, row and column:
    unknown KPI, institution or service, wrong unit, impossible value, a figure twice) changes nothing."""
    ctx.require_actor()
    filename, data = await read_upload(file, ctx.settings.max_upload_mb)
    return await run_in_threadpool(ctx.call, kpis.import_observations, data=data, filename=filename)


_FIELDS: dict[str, Any] = {c: (str | None, Field(None, max_length=200)) for c in COLUMNS}
ObservationIn = create_model(
    "ObservationIn",
    __doc__="One figure, with the columns of an observations file.",
    expected_version=(int | None, Field(None, ge=0, description="the version read; 409 if it moved on")),
    **_FIELDS,
)


def _saved(ctx: Ctx, result: ObservationView, params: dict[str, Any]) -> Response:
    return go(f"/kpis/{result.observation.kpi}")(ctx, result, params)


@area.action(
    "/kpis/observations",
    html=_saved,
    summary="Report or correct one KPI figure (an institution's focal point, or a coordinator)",
    response_model=ObservationView,
)
def save_observation(ctx: Ctx, data: ObservationIn) -> ObservationView:
    fields = data.model_dump()
    expected = fields.pop("expected_version")
    values = {k: v for k, v in fields.items() if v is not None}
    return ctx.call(kpis.save_observation, values=values, expected_version=expected)


@area.page(
    "/kpi-reviews",
    "kpis/reviews.html",
    summary="KPI figures waiting for review, and those returned",
    response_model=ReviewList,
)
def review_list(ctx: Ctx) -> dict[str, Any]:
    """The figures the caller reviews or reports that wait for review (first) or were returned."""
    found = ctx.read(kpi_review.review_list)
    names = {k.id: k.name for k in kpis.dictionary().values()}
    return {"waiting": found.waiting, "returned": found.returned, "_kpi_names": names}


class FigureReviewIn(BaseModel):
    decision: Literal["accept", "return"]
    note: str = Field("", max_length=2000, description="required when returning: what to change")
    expected_version: int | None = Field(None, ge=0, description="the version read; 409 if it moved on")


@area.action(
    "/kpis/observations/{figure_id}/review",
    html=go("/kpi-reviews"),
    summary="Accept a reported KPI figure (the KPIs count it) or return it with a note",
    response_model=ObservationView,
)
def review_figure(ctx: Ctx, figure_id: FigureId, data: FigureReviewIn) -> ObservationView:
    return ctx.call(
        kpi_review.review,
        figure_id=figure_id,
        decision=data.decision,
        note=data.note,
        expected_version=data.expected_version,
    )


class WithdrawFigureIn(BaseModel):
    reason: str = Field(max_length=2000, description="why the figure is withdrawn (kept in the audit log)")
    expected_version: int | None = Field(None, ge=0, description="the version read; 409 if it moved on")


def _withdrawn(ctx: Ctx, result: ObservationView, params: dict[str, Any]) -> Response:
    return go(f"/kpis/{result.observation.kpi}")(ctx, result, params)


@area.action(
    "/kpis/observations/{figure_id}/withdraw",
    html=_withdrawn,
    summary="Withdraw a KPI figure entered by mistake, with the reason (it leaves the KPIs; the audit keeps it)",
    response_model=ObservationView,
)
def withdraw_figure(ctx: Ctx, figure_id: FigureId, data: WithdrawFigureIn) -> ObservationView:
    return ctx.call(
        kpi_review.withdraw, figure_id=figure_id, reason=data.reason, expected_version=data.expected_version
    )


@area.page("/kpis/{kpi}", "kpis/kpi.html", summary="One KPI's trend", response_model=KpiPage)
def kpi_page(ctx: Ctx, kpi: KpiCode) -> dict[str, Any]:
    """The national figure per quarter against the roadmap's target, the latest quarter's groups and the
    reported figures."""
    trend = ctx.read(kpis.kpi_trend, kpi)
    rows = [] if trend.derived else ctx.read(kpis.observations, kpi=kpi)[:500]
    actor = ctx.require_actor()
    # the figure form's institutions, chosen by name in the reader's language, not typed as a code
    mine = [] if trend.derived else ctx.read(kpis.reporting_institutions)
    return {
        "trend": trend,
        "observations": rows,
        "_dimensions": DIMENSIONS,
        "_may_national": may_publish(actor),
        "_institutions": sorted(mine, key=lambda o: o.name.get(ctx.lang)),
    }


@area.html.get("/kpis/{kpi}/trend.svg")
def trend_chart(kpi: KpiCode, ctx: Ctx = PageCtx) -> Response:
    trend = ctx.read(kpis.kpi_trend, kpi)
    target = trend.target.value if trend.target else None
    chart = kpi_trend(
        [p.period for p in trend.points],
        [p.value for p in trend.points],
        ctx.lang,
        target=target,
        target_label=gettext(ctx.lang, "Target") if target is not None else "",
        ylabel=trend.name.get(ctx.lang),
    )
    return Response(chart.svg, media_type="image/svg+xml", headers=SVG_HEADERS)
