"""Built-in job handlers: importing many questionnaire workbooks, rendering reports (:func:`builtin_handlers`)."""

from __future__ import annotations

import logging
from collections import Counter
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from raqmana.settings import Settings
from raqmana.store import jobs as queue
from raqmana.store.blobs import BlobStore
from raqmana.store.models import Job
from raqmana.workspace import errors as E
from raqmana.workspace.actors import Actor
from raqmana.workspace.excel_import import import_workbook
from raqmana.workspace.exceptions import WorkspaceError, problem
from raqmana.workspace.jobs import JOB_ID_KEY, Handler, Progress, enqueue, payload_actor, problem_record
from raqmana.workspace.views import JobView

if TYPE_CHECKING:
    from raqmana.workspace.factory import Workspace

WORKBOOK_IMPORT = "workbook_import"
REPORT = "report"
SURVEY_IMPORT = "survey_import"  # raqmana.workspace.surveys.SURVEY_IMPORT
WEBHOOK_DELIVERY = "webhook_delivery"  # raqmana.workspace.outbox.WEBHOOK_DELIVERY
DOCUMENT_ANALYSIS = "document_analysis"  # raqmana.workspace.documents_analysis.DOCUMENT_ANALYSIS
ROUND_EXPORT = "round_export"  # raqmana.workspace.exchange_jobs.ROUND_EXPORT
ROUND_IMPORT = "round_import"  # raqmana.workspace.exchange_jobs.ROUND_IMPORT
log = logging.getLogger(__name__)


def uploads(settings: Settings) -> BlobStore:
    return BlobStore(settings.data_dir / "uploads")


def enqueue_workbook_import(
    session: Session, actor: Actor, *, settings: Settings, files: list[tuple[str, bytes]], lang: str = "en"
) -> JobView:
    """Queue the import of many workbooks (each one all-or-nothing on its own)."""
    store = uploads(settings)
    items = [{"filename": name, "sha256": store.put(data, session=session)} for name, data in files]
    return enqueue_stored_workbooks(session, actor, items=items, lang=lang)


def enqueue_stored_workbooks(
    session: Session,
    actor: Actor,
    *,
    items: list[dict[str, str]],
    lang: str = "en",
    assessment_id: int | None = None,
) -> JobView:
    """Queue workbooks already in the uploads store (``{"filename", "sha256"}`` each); with
    ``assessment_id`` a workbook of another round is refused."""
    payload: dict[str, Any] = {"files": items, "lang": lang}
    if assessment_id is not None:
        payload["assessment_id"] = assessment_id
    return enqueue(session, actor, kind=WORKBOOK_IMPORT, payload=payload)


def _batch_result(files: int, results: list[dict[str, Any]]) -> dict[str, Any]:
    ok = sum(1 for r in results if r["ok"])
    return {"files": files, "imported": ok, "failed": len(results) - ok, "results": results}


def run_workbook_import(ws: Workspace, payload: dict[str, Any], progress: Progress) -> dict[str, Any]:
    """Import each workbook in its own transaction, which also saves that file's result in the job: when
    the job runs again after its worker stopped, files already imported keep the result of the attempt
    that imported them (not "unchanged", which a second import would say)."""
    files = payload.get("files", [])
    lang = payload.get("lang", "en")
    round_id = payload.get("assessment_id")
    job_id = payload.get(JOB_ID_KEY)
    store = uploads(ws.settings)
    results: list[dict[str, Any]] = []
    if job_id is not None:
        with ws.reader() as s:
            earlier = queue.partial(s, job_id) or {}
        results = [r for r in earlier.get("results", []) if isinstance(r, dict)][: len(files)]
    step = max(1, min(5, len(files) // 100 or 1))
    for n, item in enumerate(files, start=1):
        if n <= len(results):  # done by an earlier attempt of this job
            continue
        name = item["filename"]
        try:
            with ws.transaction() as s:
                actor = payload_actor(s, payload["actor"])
                report = import_workbook(
                    s,
                    actor,
                    data=store.read(item["sha256"]),
                    filename=name,
                    lang=lang,
                    assessment_id=round_id,
                )
                done = {
                    "filename": name,
                    "ok": True,
                    "institution": report.institution_code,
                    "changed": report.changed,
                    "unchanged": report.unchanged,
                    "warnings": [problem_record(p, lang) for p in report.warnings],
                }
                if job_id is not None:  # committed with the import, or not at all
                    queue.save_partial(s, job_id, _batch_result(len(files), [*results, done]))
            results.append(done)
            continue
        except WorkspaceError as exc:
            results.append(
                {"filename": name, "ok": False, "problems": [problem_record(p, lang) for p in exc.problems]}
            )
        except Exception as exc:  # one file's failure is that file's result: the others still run
            log.exception("workbook %s of a batch failed", name)
            detail = f"{type(exc).__name__}: {exc}"[:300]
            results.append(
                {
                    "filename": name,
                    "ok": False,
                    "problems": [problem_record(problem(E.JOB_FAILED, detail=detail), lang)],
                }
            )
        finally:
            if n == len(files) or n % step == 0:
                progress(n / max(1, len(files)), f"{n}/{len(files)}")
        if job_id is not None:  # a refused file: nothing was imported, its result is kept all the same
            with ws.transaction() as s:
                queue.save_partial(s, job_id, _batch_result(len(files), results))
    _remove_uploads(ws, [item["sha256"] for item in files])
    return _batch_result(len(files), results)


def _remove_uploads(ws: Workspace, digests: list[str]) -> None:
    """Delete the uploaded workbooks of a finished batch, except those another batch still waits for
    (the store keeps one file for identical bytes)."""
    with ws.reader() as s:
        pending = s.scalars(
            select(Job.payload).where(Job.kind == WORKBOOK_IMPORT, Job.status.in_(("queued", "running")))
        ).all()
    # this batch is among the running ones: a file named by one more batch stays
    refs = Counter(d for p in pending for d in {f.get("sha256") for f in (p or {}).get("files", [])})
    store = uploads(ws.settings)
    for digest in set(digests):
        if refs[digest] <= 1:
            store.remove(digest)


def builtin_handlers() -> dict[str, Handler]:
    """The job handlers of a workspace, by kind (the workspace factory builds them; nothing registers
    itself by being imported). Report rendering loads the report modules when a report job runs."""
    return {
        WORKBOOK_IMPORT: run_workbook_import,
        REPORT: _run_report,
        SURVEY_IMPORT: _run_survey_import,
        "consultation_purge": _run_consultation_purge,
        WEBHOOK_DELIVERY: _run_webhook_delivery,
        DOCUMENT_ANALYSIS: _run_document_analysis,
        ROUND_EXPORT: _run_round_export,
        ROUND_IMPORT: _run_round_import,
    }


def _run_round_export(ws: Workspace, payload: dict[str, Any], progress: Progress) -> dict[str, Any]:
    from raqmana.workspace.exchange_jobs import run_round_export

    return run_round_export(ws, payload, progress)


def _run_round_import(ws: Workspace, payload: dict[str, Any], progress: Progress) -> dict[str, Any]:
    from raqmana.workspace.exchange_jobs import run_round_import

    return run_round_import(ws, payload, progress)


def _run_consultation_purge(ws: Workspace, payload: dict[str, Any], progress: Progress) -> dict[str, Any]:
    from raqmana.workspace.participation_retention import run_purge

    return run_purge(ws, payload, progress)


def _run_survey_import(ws: Workspace, payload: dict[str, Any], progress: Progress) -> dict[str, Any]:
    from raqmana.workspace.surveys import run_survey_import

    return run_survey_import(ws, payload, progress)


def _run_document_analysis(ws: Workspace, payload: dict[str, Any], progress: Progress) -> dict[str, Any]:
    from raqmana.workspace.documents_analysis import run_document_analysis

    return run_document_analysis(ws, payload, progress)


def _run_webhook_delivery(ws: Workspace, payload: dict[str, Any], progress: Progress) -> dict[str, Any]:
    from raqmana.workspace.webhook_delivery import run_delivery_job

    return run_delivery_job(ws, payload, progress)


def _run_report(ws: Workspace, payload: dict[str, Any], progress: Progress) -> dict[str, Any]:
    from raqmana.workspace.report_jobs import run_report

    return run_report(ws, payload, progress)
