"""Reports from the web: choose scope, languages and formats, start a job, watch it, download the files.

The job runs in ``raqmana worker`` (or in the app's own thread with ``RAQMANA_INLINE_WORKER=1``). Files are
served only to users who may read the assessment, only from its reports directory.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

from fastapi import Form
from pydantic import BaseModel, Field
from starlette.responses import FileResponse, Response

from raqmana.problems import Location, Problem, ProblemsError
from raqmana.web import messages
from raqmana.web.collation import by_name
from raqmana.web.context import ApiCtx, Ctx, PageCtx
from raqmana.web.errors import WebError
from raqmana.web.fields import translated
from raqmana.web.forms import see_other
from raqmana.web.pages import Area, json_response
from raqmana.web.report_files import MEDIA_TYPES, list_files, resolve
from raqmana.web.schemas.common import ReportJobStarted, file_response
from raqmana.web.schemas.pages import ReportJobPage, ReportsPage
from raqmana.web.templating import render
from raqmana.workspace import pages
from raqmana.workspace.report_jobs import REPORT, SCOPES, enqueue_report, report_subjects, reports_dir
from raqmana.workspace.views import JobView

area = Area("reports")
BASE = "/assessments/{assessment_id}/reports"
LANGS = ("ar", "ckb", "en")
FORMATS = ("pdf", "docx", "xlsx", "html")
REPORT_MEDIA = sorted({MEDIA_TYPES[f].split(";")[0] for f in FORMATS})


def _not_found() -> WebError:
    return WebError(404, [Problem(messages.NOT_FOUND)])


def _missing(field: str) -> WebError:
    return WebError(
        422, [Problem(messages.MISSING_FIELD, Location(field=field), {"field": translated(field)})]
    )


def file_url(assessment_id: int, path: str) -> str:
    return f"/assessments/{assessment_id}/reports/files/{path}"


@area.page(
    BASE,
    "reports/reports.html",
    summary="Report files of an assessment, and what a new report may cover",
    response_model=ReportsPage,
)
def reports(ctx: Ctx, assessment_id: int) -> dict[str, Any]:
    """The finished report files (national report, institution profiles) and the choices for a new one."""
    page = ctx.read(pages.reports_overview, assessment_id=assessment_id)
    view, mine, names, readable = page.assessment, page.institutions, page.names, page.readable
    files = [
        {**asdict(f), "name": names.get(f.subject), "url": file_url(assessment_id, f.path)}
        for f in list_files(ctx.settings.data_dir, assessment_id, readable)
    ]
    return {
        "assessment": view,
        "illustrative": view.illustrative,
        "scopes": SCOPES,
        "langs": LANGS,
        "formats": FORMATS,
        "institutions": [
            {"code": i.org.code, "name": i.org.name} for i in by_name(mine, ctx.lang, lambda i: i.org.name)
        ],
        "files": files,
    }


def _start(
    ctx: Ctx, assessment_id: int, scope: str, institution: str | None, langs: list[str], formats: list[str]
) -> JobView:
    if scope == "institution" and not institution:
        raise _missing("institution")
    if not langs:
        raise _missing("langs")
    if not formats:
        raise _missing("formats")
    return ctx.call(
        enqueue_report,
        assessment_id=assessment_id,
        scope=scope,
        institution=institution if scope == "institution" else None,
        langs=langs,
        formats=formats,
    )


@area.html.post(BASE)
def start(
    assessment_id: int,
    ctx: Ctx = PageCtx,
    scope: Annotated[str, Form(max_length=30)] = "national",
    institution: Annotated[str, Form(max_length=100)] = "",
    langs: Annotated[list[str] | None, Form()] = None,
    formats: Annotated[list[str] | None, Form()] = None,
) -> Response:
    try:
        job = _start(ctx, assessment_id, scope, institution.strip() or None, langs or [], formats or [])
    except (WebError, ProblemsError) as exc:
        if isinstance(exc, WebError) and exc.status != 422:
            raise
        # the form again, with the problems above it and the user's choices kept
        chosen = {
            "scope": scope,
            "institution": institution.strip(),
            "langs": langs or [],
            "formats": formats or [],
        }
        data = {**reports(ctx, assessment_id), "status": 422, "problems": exc.problems, "chosen": chosen}
        return render(ctx.request, ctx.lang, "reports/reports.html", data, status=422)
    return see_other(f"/assessments/{assessment_id}/reports/jobs/{job.id}")


class ReportIn(BaseModel):
    scope: str = "national"
    institution: str | None = None
    langs: list[str] = Field(default_factory=lambda: ["ar"], min_length=1, max_length=3)
    formats: list[str] = Field(default_factory=lambda: ["pdf"], min_length=1, max_length=5)


@area.api.post(BASE, status_code=202, summary="Start a report job", response_model=ReportJobStarted)
def start_json(assessment_id: int, data: ReportIn, ctx: Ctx = ApiCtx) -> Response:
    job = _start(ctx, assessment_id, data.scope, data.institution, data.langs, data.formats)
    return json_response(
        {"job": job, "url": f"/api/v1/assessments/{assessment_id}/reports/jobs/{job.id}"}, status=202
    )


@area.page(
    BASE + "/jobs/{job_id}",
    "reports/job.html",
    summary="A report job: progress, files, or why it failed",
    response_model=ReportJobPage,
)
def job(ctx: Ctx, assessment_id: int, job_id: int) -> dict[str, Any]:
    """Status and progress of a report job; when done, the files it wrote; when failed, the reason."""
    page = ctx.read(pages.report_job_overview, assessment_id=assessment_id, job_id=job_id)
    view, found, names, readable = page.assessment, page.job, page.names, page.readable
    result = found.result or {}
    here = reports_dir(ctx.settings.data_dir, assessment_id).resolve()
    if found.kind != REPORT or ("dir" in result and Path(result["dir"]).resolve() != here):
        raise _not_found()
    written = [
        p for p in result.get("written", []) if resolve(ctx.settings.data_dir, assessment_id, p, readable)
    ]
    described = {f.path: f for f in list_files(ctx.settings.data_dir, assessment_id, readable)}
    files = []
    for p in written:
        f = described.get(p)
        files.append(
            {
                "path": p,
                "url": file_url(assessment_id, p),
                "subject": f.subject if f else None,
                "name": names.get(f.subject) if f else None,
                "lang": f.lang if f else None,
                "format": f.format if f else None,
            }
        )
    return {
        "assessment": view,
        "illustrative": view.illustrative,
        "job": found,
        "files": files,
        "_names": names,
        "skipped": result.get("skipped", 0),
        "running": found.status in ("queued", "running"),
    }


#: formats a browser shows itself: opened in a tab (inline) rather than saved
READ_IN_BROWSER = frozenset({"html", "pdf"})


def _download(ctx: Ctx, assessment_id: int, path: str) -> Response:
    readable = ctx.read(report_subjects, assessment_id)  # NotFound for outsiders
    full = resolve(ctx.settings.data_dir, assessment_id, path, readable)
    if full is None:
        raise _not_found()
    fmt = full.suffix[1:]
    headers = {"X-Content-Type-Options": "nosniff"}
    if fmt == "html":  # read in the browser, sandboxed: its own inline style, images as data, no script
        headers["Content-Security-Policy"] = (
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox"
        )
    return FileResponse(
        full,
        media_type=MEDIA_TYPES[fmt],
        filename=full.name,
        content_disposition_type="inline" if fmt in READ_IN_BROWSER else "attachment",
        headers=headers,
    )


@area.html.get(BASE + "/files/{path:path}")
def download(assessment_id: int, path: str, ctx: Ctx = PageCtx) -> Response:
    return _download(ctx, assessment_id, path)


@area.api.get(
    BASE + "/files/{path:path}",
    summary="Download a report file",
    response_class=Response,
    responses=file_response(*REPORT_MEDIA, description="The report file"),
)
def download_api(assessment_id: int, path: str, ctx: Ctx = ApiCtx) -> Response:
    return _download(ctx, assessment_id, path)
