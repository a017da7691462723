"""Jobs: the list (administrators and coordinators see all, others their own), one job with its progress
and per-file results, and uploading many questionnaire workbooks (files or ZIP archives) as one job."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from fastapi import File, Query, UploadFile
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from raqmana.i18n import vocabulary
from raqmana.i18n.vocabulary import JobStatus
from raqmana.problems import Location
from raqmana.web.body_limit import spooled_uploads
from raqmana.web.context import ApiCtx, Ctx, PageCtx
from raqmana.web.forms import required, see_other
from raqmana.web.pages import Area, json_response
from raqmana.web.schemas.common import JobStarted
from raqmana.web.schemas.pages import JobDetail, JobList
from raqmana.workspace import jobs, orgs, pages
from raqmana.workspace.views import JobView

area = Area("jobs")
#: one file of a many-workbook upload (a ZIP of 900 workbooks is bigger than one evidence file)
BATCH_FILE_MB = 500
STATUSES = tuple(s.value for s in JobStatus)
PAGE = 50


def _(message: str) -> str:  # msgids for Babel; translated when the page renders
    return message


KIND_LABELS = {
    "report": _("Report"),
    "workbook_import": _("Workbook import"),
    "document_analysis": _("Document analysis"),
    "webhook_delivery": _("Webhook deliveries"),
    "round_export": _("Round archive"),
    "round_import": _("Round archive import"),
}
#: the words for a job's state, from the vocabulary (shown with the ``tr`` filter)
STATUS_LABELS = vocabulary.names("job status")


def _problems(records: list[dict[str, Any]] | None, lang: str) -> list[dict[str, str]]:
    """Stored problem records in ``lang``: code, where (file, sheet, row, column) and message."""
    out = []
    for rec in records or []:
        loc = rec.get("location") if isinstance(rec.get("location"), dict) else {}
        try:
            where = Location(**loc).render(lang) if loc else ""
        except TypeError:
            where = ""
        out.append(
            {"code": str(rec.get("code", "")), "where": where, "message": jobs.record_message(rec, lang)}
        )
    return out


def _summary(job: JobView) -> dict[str, Any]:
    """The job for lists: its result without the per-file / per-report lists (their counts instead)."""
    result = {k: (len(v) if isinstance(v, list) else v) for k, v in (job.result or {}).items()}
    return {
        "id": job.id,
        "kind": job.kind,
        "status": job.status,
        "progress": job.progress,
        "message": job.message,
        "attempts": job.attempts,
        "created_by": job.created_by,
        "created_at": job.created_at,
        "started_at": job.started_at,
        "finished_at": job.finished_at,
        "details": job.details,
        "result": result,
        "error": job.error,
    }


def job_started(job: JobView) -> dict[str, Any]:
    """The JSON answer (202) of a request that queued ``job``: the job and where to follow it."""
    return {"job": _summary(job), "url": f"/api/v1/jobs/{job.id}"}


def _long_running(job: JobView, lease_seconds: float) -> bool:
    return (
        job.status == "running"
        and job.started_at is not None
        and datetime.now(UTC) - job.started_at > timedelta(seconds=lease_seconds)
    )


@area.page(
    "/jobs",
    "pages/jobs.html",
    summary="Jobs: report rendering and workbook imports",
    response_model=JobList,
)
def job_list(
    ctx: Ctx, status: str | None = None, kind: str | None = None, offset: Annotated[int, Query(ge=0)] = 0
) -> dict[str, Any]:
    """Jobs newest first (administrators and coordinators: everyone's; others: their own), with what
    they work on, who started them, their progress and, for failed ones, why."""
    page = ctx.read(
        jobs.list_jobs,
        status=status if status in STATUSES else None,
        kind=kind if kind in KIND_LABELS else None,
        offset=offset,
        limit=PAGE,
    )
    lease = ctx.ws.settings.job_lease_seconds
    names = {o.code: o.name for o in ctx.read(orgs.list_organisations)}
    rows = [
        {**_summary(j), "errors": _problems(j.error, ctx.lang), "stale": _long_running(j, lease)}
        for j in page.jobs
    ]
    return {
        "jobs": [_summary(j) for j in page.jobs],
        "total": page.total,
        "offset": page.offset,
        "limit": page.limit,
        "_rows": rows,
        "_status": status or "",
        "_kind": kind or "",
        "_kinds": KIND_LABELS,
        "_statuses": STATUS_LABELS,
        "_names": names,
    }


@area.page(
    "/jobs/{job_id}",
    "pages/job.html",
    summary="One job: progress, result per file, or why it failed",
    response_model=JobDetail,
)
def job_detail(ctx: Ctx, job_id: int) -> dict[str, Any]:
    """A job with its progress; a workbook import lists each file with what changed or its problems
    (by file, sheet, row and column); a failed job says why, in the reader's language."""
    page = ctx.read(pages.job_overview, job_id=job_id)
    job, names = page.job, page.names
    files = (
        [
            {
                **r,
                "name": names.get(r.get("institution", "")),
                "errors": _problems(r.get("problems"), ctx.lang),
            }
            for r in (job.result or {}).get("results", [])
        ]
        if job.kind == "workbook_import"
        else []
    )
    return {
        "job": job,
        "running": job.status in ("queued", "running"),
        "_errors": _problems(job.error, ctx.lang),
        "_files": files,
        "_stale": _long_running(job, ctx.ws.settings.job_lease_seconds),
        "_kinds": KIND_LABELS,
        "_statuses": STATUS_LABELS,
        "_names": names,
    }


async def _start_import(ctx: Ctx, assessment_id: int, uploads: list[UploadFile]) -> JobView:
    from raqmana.workspace.workbook_batch import start_workbook_import  # openpyxl-free, but zip work is lazy

    await run_in_threadpool(ctx.read, jobs.check_quota)  # over the quota: 429 before reading the files
    limit = max(ctx.settings.max_upload_mb, BATCH_FILE_MB)
    with spooled_uploads(ctx.settings.data_dir) as spool:
        files = [await spool.add(u, limit) for u in uploads if u.filename]
        if not files:
            required(None, "files")  # 422: the field is missing
        return await run_in_threadpool(
            ctx.call,
            start_workbook_import,
            settings=ctx.settings,
            assessment_id=assessment_id,
            files=files,
            lang=ctx.lang,
        )


@area.html.post("/assessments/{assessment_id}/workbooks")
async def upload_workbooks(
    assessment_id: int, files: Annotated[list[UploadFile], File()], ctx: Ctx = PageCtx
) -> Response:
    job = await _start_import(ctx, assessment_id, files)
    return see_other(f"/jobs/{job.id}")


@area.api.post(
    "/assessments/{assessment_id}/workbooks",
    status_code=202,
    summary="Import many workbooks (files and/or ZIP archives) as a job",
    response_model=JobStarted,
)
async def upload_workbooks_api(
    assessment_id: int, files: Annotated[list[UploadFile], File()], ctx: Ctx = ApiCtx
) -> Response:
    """Each workbook is imported on its own, all or nothing; follow the job at ``url``."""
    job = await _start_import(ctx, assessment_id, files)
    return json_response(job_started(job), status=202)
