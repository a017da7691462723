"""Jobs: many workbooks imported by a worker, with progress and a result per file."""

from __future__ import annotations

import pytest

from raqmana.workspace import NotFound
from raqmana.workspace.excel_export import export_workbook
from raqmana.workspace.job_handlers import enqueue_workbook_import
from raqmana.workspace.jobs import get_job, run_one, run_worker
from raqmana.workspace.responses import list_responses
from tests.workspace.test_excel_roundtrip import edit


def test_it_imports_workbooks_in_a_job_with_progress_and_per_file_results(world):
    files = []
    with world.ws.reader() as s:
        for inst in ("moa", "moa-it"):
            data = export_workbook(
                s, world["fp_a"], assessment_id=world.assessment_id, institution_code=inst, lang="en"
            )
            files.append((f"{inst}.xlsx", edit(data, "en", {"E2": "2 — Stage 2 (en)"})))
    files.append(("broken.xlsx", b"not a workbook"))
    with world.ws.transaction() as s:
        job = enqueue_workbook_import(s, world["fp_a"], settings=world.ws.settings, files=files, lang="ar")
    assert job.status == "queued"
    assert run_worker(world.ws, once=True) == 1
    with world.ws.reader() as s:
        done = get_job(s, world["fp_a"], job.id)
        stored = list_responses(
            s, world["fp_a"], assessment_id=world.assessment_id, institution_code="moa-it"
        )
    assert done.status == "done" and done.progress == 1.0 and done.finished_at is not None
    assert (done.result["imported"], done.result["failed"]) == (2, 1)
    assert done.result["results"][2]["problems"][0]["code"] == "WS090"
    assert "Excel" in done.result["results"][2]["problems"][0]["message"]  # the message in the job's language
    assert [(r.indicator_id, r.stage, r.assessor) for r in stored] == [("P1-01", 2, "Fp A")]


def test_it_shows_a_job_to_its_creator_and_managers_only(world):
    with world.ws.transaction() as s:
        job = enqueue_workbook_import(s, world["fp_a"], settings=world.ws.settings, files=[], lang="en")
    with world.ws.reader() as s:
        assert get_job(s, world["coord"], job.id).id == job.id
        for who in ("fp_b", "viewer", "outsider"):
            with pytest.raises(NotFound):
                get_job(s, world[who], job.id)


def test_it_records_a_failed_job_instead_of_crashing_the_worker(world):
    with world.ws.transaction() as s:
        job = enqueue_workbook_import(s, world["fp_a"], settings=world.ws.settings, files=[("x.xlsx", b"x")])
    (world.ws.settings.data_dir / "uploads").rename(world.ws.settings.data_dir / "gone")
    view = run_one(world.ws)
    assert view is not None and view.id == job.id and view.status == "done"
    assert view.result["failed"] == 1
    assert run_one(world.ws) is None
