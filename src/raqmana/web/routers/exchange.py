"""Data exchange: a round as one ZIP for another raqmana or the national data-exchange layer (download,
manifest, import) and webhooks subscribed to domain events with their delivery log (administrators)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import File, Form, Path, UploadFile
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from raqmana.web.body_limit import spooled_uploads
from raqmana.web.context import ApiCtx, Ctx, PageCtx
from raqmana.web.forms import see_other
from raqmana.web.pages import Area, attachment, go, json_response, stored_attachment
from raqmana.web.routers.jobs import BATCH_FILE_MB, STATUS_LABELS, job_started
from raqmana.web.schemas.common import JobStarted, file_response
from raqmana.web.templating import render
from raqmana.workspace import jobs, outbox
from raqmana.workspace import webhooks as hooks
from raqmana.workspace.exchange import FIELDS, export_round, round_summary
from raqmana.workspace.exchange_jobs import export_file, start_round_export, start_round_import
from raqmana.workspace.views import JobView

area = Area("exchange")
ZIP = "application/zip"


class RoundSummary(BaseModel):
    """What the round's archive holds, from counts (the archive itself, with ``manifest.json`` and a SHA-256
    per file, is ``export.zip``; ``scores`` is null: its rows are computed when the archive is built)."""

    format: str
    format_version: int
    raqmana_version: str
    illustrative: bool
    framework: dict[str, str]
    round: dict[str, Any]
    licence: dict[str, str]
    tables: dict[str, int | None]
    includes: dict[str, bool]
    not_carried_on_import: dict[str, list[str]]


@area.page(
    "/assessments/{assessment_id}/exchange",
    "exchange/round.html",
    summary="The round's exchange archive: what it holds (tables and their rows, framework, licence)",
    response_model=RoundSummary,
)
def round_exchange(ctx: Ctx, assessment_id: int) -> dict[str, Any]:
    """For the round's coordinators: what its archive holds, counted without building it; the archive
    (built on download) is ``export.zip``."""
    summary = ctx.read(round_summary, assessment_id=assessment_id)
    return {**summary, "_assessment_id": assessment_id, "_fields": FIELDS}


def _archive(ctx: Ctx, assessment_id: int, files: bool) -> Response:
    result = ctx.read(export_round, assessment_id=assessment_id, blobs=ctx.ws.blobs, include_files=files)
    return attachment(result.data, result.filename, ZIP)


@area.html.get("/assessments/{assessment_id}/export.zip")
def archive_page(assessment_id: Annotated[int, Path()], files: bool = False, ctx: Ctx = PageCtx) -> Response:
    return _archive(ctx, assessment_id, files)


@area.api.get(
    "/assessments/{assessment_id}/export.zip",
    summary="The round as one ZIP: CSV and JSON tables, datapackage.json, manifest.json",
    response_class=Response,
    responses=file_response(ZIP, description="The round's archive"),
)
def archive_api(assessment_id: Annotated[int, Path()], files: bool = False, ctx: Ctx = ApiCtx) -> Response:
    """``files=true`` adds the evidence files under ``evidence/<sha256>``."""
    return _archive(ctx, assessment_id, files)


class ExportIn(BaseModel):
    model_config = ConfigDict(strict=True)  # JSON: a boolean, not 0 or "yes"

    files: bool = Field(default=False, description="Add the evidence files under evidence/<sha256>")


def _to_job(ctx: Ctx, job: JobView, params: dict[str, Any]) -> Response:
    return see_other(f"/jobs/{job.id}")


def _start_export(ctx: Ctx, assessment_id: int, files: bool) -> JobView:
    return ctx.call(start_round_export, assessment_id=assessment_id, include_files=files, lang=ctx.lang)


@area.html.post("/assessments/{assessment_id}/export")
def start_export_page(
    assessment_id: int, files: Annotated[Literal["true", "false"], Form()] = "false", ctx: Ctx = PageCtx
) -> Response:
    """For the round's managers: the archive of ``export.zip`` built by the job worker; to its page."""
    return see_other(f"/jobs/{_start_export(ctx, assessment_id, files == 'true').id}")


@area.api.post(
    "/assessments/{assessment_id}/export",
    status_code=202,
    summary="Build the round's archive as a job (follow it at url; download it from /jobs/{id}/file)",
    response_model=JobStarted,
)
def start_export(assessment_id: int, data: ExportIn, ctx: Ctx = ApiCtx) -> Response:
    """For the round's managers: the archive of ``export.zip`` built by the job worker."""
    return json_response(job_started(_start_export(ctx, assessment_id, data.files)), status=202)


def _export_file(ctx: Ctx, job_id: int) -> Response:
    return stored_attachment(ctx.read(export_file, settings=ctx.settings, job_id=job_id))


@area.html.get("/jobs/{job_id}/file")
def export_file_page(job_id: Annotated[int, Path()], ctx: Ctx = PageCtx) -> Response:
    return _export_file(ctx, job_id)


@area.api.get(
    "/jobs/{job_id}/file",
    summary="The archive a finished round-archive job built",
    response_class=Response,
    responses=file_response(ZIP, description="The round's archive"),
)
def export_file_api(job_id: Annotated[int, Path()], ctx: Ctx = ApiCtx) -> Response:
    return _export_file(ctx, job_id)


@area.action(
    "/exchange/import-round",
    html=_to_job,
    summary="Import a round archive made by another raqmana, as a job (all or nothing)",
    response_model=JobStarted,
    status_code=202,
)
async def import_archive(ctx: Ctx, file: Annotated[UploadFile, File()]) -> Any:
    """The archive is stored, then the job checks the manifest, every checksum and every row first and
    creates or updates the round; a refused archive fails the job with every problem, changing nothing."""
    await run_in_threadpool(ctx.read, jobs.check_quota)  # over the quota: 429 before reading the file
    with spooled_uploads(ctx.settings.data_dir) as spool:
        filename, path = await spool.add(file, max(ctx.settings.max_upload_mb, BATCH_FILE_MB))
        job = await run_in_threadpool(
            ctx.call, start_round_import, settings=ctx.settings, filename=filename, source=path, lang=ctx.lang
        )
    return job_started(job) if ctx.api else job


class WebhookPage(BaseModel):
    webhooks: list[hooks.WebhookView]
    deliveries: list[hooks.DeliveryView]
    kinds: dict[str, str]


@area.page(
    "/admin/webhooks",
    "exchange/webhooks.html",
    summary="Webhooks and their delivery log",
    response_model=WebhookPage,
)
def webhooks(ctx: Ctx) -> dict[str, Any]:
    """Administrators: the subscribed systems, and each delivery's status, response code, attempts and next try."""
    return {
        "webhooks": ctx.read(hooks.list_webhooks),
        "deliveries": ctx.read(hooks.delivery_log, limit=100),
        "kinds": outbox.KINDS,
        "_job_status": STATUS_LABELS,
    }


class WebhookIn(BaseModel):
    url: str = Field(max_length=2000)
    kinds: list[str] = Field(default_factory=list, max_length=20)
    secret: str = Field("", max_length=200, description="Empty: one is generated (shown once)")
    description: str = Field("", max_length=200)


def _registered(ctx: Ctx, done: hooks.RegisteredWebhook, params: dict[str, Any]) -> Response:
    return render(ctx.request, ctx.lang, "exchange/webhooks.html", {**webhooks(ctx), "_registered": done})


@area.action(
    "/admin/webhooks",
    html=_registered,
    summary="Register a webhook (its secret is in this answer only)",
    response_model=hooks.RegisteredWebhook,
    status_code=201,
)
def register(ctx: Ctx, data: WebhookIn) -> hooks.RegisteredWebhook:
    return ctx.call(
        hooks.register_webhook,
        settings=ctx.settings,
        url=data.url,
        kinds=data.kinds,
        secret=data.secret,
        description=data.description,
    )


class ActiveIn(BaseModel):
    active: bool


@area.action(
    "/admin/webhooks/{webhook_id}/active",
    html=go("/admin/webhooks"),
    summary="Pause or resume a webhook",
    response_model=hooks.WebhookView,
)
def set_active(ctx: Ctx, webhook_id: int, data: ActiveIn) -> hooks.WebhookView:
    return ctx.call(hooks.set_active, webhook_id=webhook_id, active=data.active)
