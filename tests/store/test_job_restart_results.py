"""A batch import whose worker stopped half-way: after the restart, the files the first attempt imported
keep that attempt's result (what it changed), instead of a second import calling them "unchanged"."""

from __future__ import annotations

from raqmana.store import jobs as queue
from raqmana.workspace.job_handlers import WORKBOOK_IMPORT, enqueue_workbook_import, run_workbook_import
from raqmana.workspace.jobs import JOB_ID_KEY, get_job, run_one
from tests.workspace.factories import build_world
from tests.workspace.test_workbook_batch import filled


class WorkerKilled(BaseException):
    """Stands for the worker process dying (nothing after it runs, nothing uncommitted is kept)."""


def test_files_imported_before_a_restart_keep_their_result(ws):
    world = build_world(ws)
    files = [("moa.xlsx", filled(world, "moa")), ("mob.xlsx", filled(world, "mob"))]
    with ws.transaction() as s:
        job_id = enqueue_workbook_import(s, world["coord"], settings=ws.settings, files=files, lang="en").id
    with ws.transaction() as s:
        job = queue.claim(s, worker="first-attempt")
        attempts, payload = job.attempts, {**job.payload, JOB_ID_KEY: job.id}

    def dies_after_the_first_file(fraction: float, message: str) -> None:
        raise WorkerKilled

    try:
        run_workbook_import(ws, payload, dies_after_the_first_file)
    except WorkerKilled:
        pass
    with ws.reader() as s:
        saved = queue.partial(s, job_id)
    assert [r["filename"] for r in saved["results"]] == ["moa.xlsx"] and saved["results"][0]["changed"] > 0

    with ws.transaction() as s:  # found abandoned, queued again
        assert queue.requeue(s, job_id, worker="first-attempt", attempts=attempts)
    done = run_one(ws)
    assert done is not None and done.id == job_id and done.status == "done" and done.kind == WORKBOOK_IMPORT
    with ws.reader() as s:
        result = get_job(s, world["coord"], job_id).result
    assert (result["files"], result["imported"], result["failed"]) == (2, 2, 0)
    by_name = {r["filename"]: r for r in result["results"]}
    assert by_name["moa.xlsx"] == saved["results"][0]  # the first attempt's result, not "unchanged"
    assert by_name["mob.xlsx"]["changed"] > 0
