"""Roadmap follow-up: plan against actual per quarter (table and chart), progress reported by each
initiative's owner, re-planning as a new roadmap version, and adopting a roadmap file."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import File, Query, UploadFile
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from raqmana.i18n import gettext
from raqmana.reports.kpi_charts import plan_vs_actual
from raqmana.roadmap.model import ProgressStatus, initiative_code
from raqmana.web.context import Ctx, PageCtx
from raqmana.web.forms import read_upload
from raqmana.web.pages import Area, go
from raqmana.web.routers.results import SVG_HEADERS
from raqmana.workspace import followup
from raqmana.workspace.followup import FollowupView, ProgressIn, ProgressView, VersionView

area = Area("followup")
Quarter = Annotated[str | None, Query(max_length=7, pattern=r"^\d{4}-Q[1-4]$")]


class FollowupPage(BaseModel):
    followup: FollowupView
    versions: list[VersionView]


@area.page(
    "/followup",
    "followup/page.html",
    summary="Roadmap follow-up: plan against actual",
    response_model=FollowupPage,
)
def page(ctx: Ctx, quarter: Quarter = None) -> dict[str, Any]:
    """Each initiative's plan, its owner's latest report up to ``quarter``, slipped initiatives and those
    they hold up; the roadmap's versions with their change logs."""
    view = ctx.read(followup.followup, quarter=quarter)
    return {
        "followup": view,
        "versions": ctx.read(followup.versions),
        "_statuses": list(ProgressStatus),
    }


@area.html.get("/followup/chart.svg")
def chart(ctx: Ctx = PageCtx, quarter: Quarter = None) -> Response:
    view = ctx.read(followup.followup, quarter=quarter)
    rows = view.rows[:25]
    svg = plan_vs_actual(
        [r.name.get(ctx.lang) or initiative_code(r.id) for r in rows],
        [r.planned_percent for r in rows],
        [r.reported.percent_done if r.reported else 0.0 for r in rows],
        ctx.lang,
        labels=(gettext(ctx.lang, "Planned by now"), gettext(ctx.lang, "Reported done")),
    ).svg
    return Response(svg, media_type="image/svg+xml", headers=SVG_HEADERS)


@area.action(
    "/followup/progress",
    html=go("/followup"),
    summary="Report an initiative's progress in a quarter (its owner institution)",
    response_model=ProgressView,
)
def report(ctx: Ctx, data: ProgressIn) -> ProgressView:
    return ctx.call(followup.report_progress, data)


class ReplanIn(BaseModel):
    expected_version: int = Field(
        ge=0, description="the roadmap version read; 409 if another was adopted since"
    )
    note: str = Field(
        "", max_length=2000, description="why the roadmap is re-planned (kept in its change log)"
    )


@area.action(
    "/followup/replan",
    html=go("/followup"),
    summary="Re-plan the roadmap from where things stand (a new version with its change log)",
    response_model=VersionView,
)
def replan(ctx: Ctx, data: ReplanIn) -> VersionView:
    return ctx.call(followup.replan_roadmap, note=data.note, expected_version=data.expected_version)


@area.action(
    "/followup/roadmap",
    html=go("/followup"),
    summary="Adopt a roadmap (roadmap.json as raqmana writes it) as the one followed up",
    response_model=VersionView,
)
async def adopt(ctx: Ctx, file: Annotated[UploadFile, File()]) -> VersionView:
    ctx.require_actor()
    filename, data = await read_upload(file, ctx.settings.max_upload_mb)
    return await run_in_threadpool(ctx.call, followup.adopt_file, data=data, filename=filename)
