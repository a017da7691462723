"""Reports as jobs: rendered by the worker from the accepted answers, resumable, failures recorded."""

import json

import pytest

from raqmana.settings import get_settings
from raqmana.workspace.actors import SYSTEM
from raqmana.workspace.exceptions import ValidationFailed
from raqmana.workspace.factory import open_workspace
from raqmana.workspace.jobs import run_one
from raqmana.workspace.report_jobs import enqueue_report, reports_dir


@pytest.fixture
def workspace(small_demo):
    ws = open_workspace(get_settings(data_dir=small_demo.data_dir, environment="test"), migrate=False)
    yield ws, small_demo.info
    ws.dispose()


def _run(ws, info, **kw):
    with ws.transaction() as s:
        job = enqueue_report(s, SYSTEM, assessment_id=info.assessment_id, runs=0, **kw)
    return job, run_one(ws)


def test_a_batch_of_institution_profiles_resumes_where_it_stopped(workspace):
    ws, info = workspace
    _, done = _run(ws, info, scope="all-institutions", langs=["en"], formats=["json"])
    assert done.status == "done", done.error
    out = reports_dir(ws.settings.data_dir, info.assessment_id) / "institutions"
    files = sorted(out.glob("*-en.json"))
    assert len(files) == done.result["skipped"] + len(done.result["written"]) > 10
    profile = json.loads(files[0].read_text(encoding="utf-8"))
    assert profile["illustrative"] is True
    files[0].unlink()
    _, again = _run(ws, info, scope="all-institutions", langs=["en"], formats=["json"])
    assert again.result["written"] == [f"institutions/{files[0].name}"]
    assert again.result["skipped"] == len(files) - 1


def test_the_national_report_job_writes_every_format_asked(workspace):
    ws, info = workspace
    _, done = _run(ws, info, scope="national", langs=["ar"], formats=["html", "xlsx"])
    assert done.status == "done", done.error
    assert sorted(done.result["written"]) == ["national-ar.html", "national-ar.xlsx"]
    assert done.progress == 1.0


def test_a_bad_request_is_refused_before_it_is_queued(workspace):
    ws, info = workspace
    with ws.transaction() as s, pytest.raises(ValidationFailed) as exc:
        enqueue_report(
            s, SYSTEM, assessment_id=info.assessment_id, scope="everything", langs=["fr"], formats=["odt"]
        )
    assert [p.code.id for p in exc.value.problems] == ["RP001", "RP002", "RP003"]
