"""Importing submissions into the workspace: idempotent, edits kept as revisions, nothing half-imported."""

from __future__ import annotations

import csv
import io

import pytest
from sqlalchemy import func, select

from raqmana.store.models import AuditEvent, SurveySubmission, SurveySubmissionRevision
from raqmana.surveys.packs import find
from raqmana.workspace import SYSTEM
from raqmana.workspace.actors import Actor, Grant, Role
from raqmana.workspace.exceptions import Forbidden, ValidationFailed
from raqmana.workspace.surveys import import_submissions, load_submissions

HEADER = ["_uuid", "_submission_time", "profile/sex", "profile/staff_id", "bottlenecks/bn_power"]


def _csv(*rows: list[str]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows([HEADER, *rows])
    return buffer.getvalue().encode()


def _run(ws, data: bytes, actor: Actor = SYSTEM):
    with ws.transaction() as s:
        return import_submissions(
            s, actor, survey=find("civil_servants"), data=data, filename="kobo.csv", secret_key="k" * 40
        )


def _count(ws, model) -> int:
    with ws.reader() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_reimporting_the_same_file_adds_nothing(ws) -> None:
    data = _csv(["u1", "t1", "female", "S-1", "a_lot"], ["u2", "t1", "male", "S-2", "not"])
    first = _run(ws, data)
    again = _run(ws, data)
    assert (first.added, first.unchanged) == (2, 0)
    assert (again.added, again.replaced, again.unchanged) == (0, 0, 2)
    assert _count(ws, SurveySubmission) == 2


def test_an_overlapping_file_adds_only_what_is_new(ws) -> None:
    _run(ws, _csv(["u1", "t1", "female", "", "a_lot"]))
    report = _run(ws, _csv(["u1", "t1", "female", "", "a_lot"], ["u3", "t2", "male", "", "somewhat"]))
    assert (report.added, report.unchanged) == (1, 1)


def test_an_edit_replaces_the_answers_and_keeps_the_old_ones(ws) -> None:
    _run(ws, _csv(["u1", "t1", "female", "", "a_lot"]))
    report = _run(ws, _csv(["u1", "t2", "female", "", "not"]))
    assert report.replaced == 1
    with ws.reader() as s:
        stored = s.scalars(select(SurveySubmission)).one()
        old = s.scalars(select(SurveySubmissionRevision)).one()
        assert (stored.answers["bn_power"], stored.revision) == ("not", 2)
        assert (old.answers["bn_power"], old.revision) == ("a_lot", 1)


def test_staff_numbers_never_reach_the_database(ws) -> None:
    _run(ws, _csv(["u1", "t1", "female", "S-12345", "a_lot"]))
    with ws.reader() as s:
        stored = s.scalars(select(SurveySubmission)).one()
        events = s.scalars(select(AuditEvent)).all()
        assert stored.answers["staff_id"] and "S-12345" not in str(stored.answers)
        assert events and all("S-12345" not in str(e.after) for e in events)


def test_a_bad_row_leaves_the_database_as_it_was(ws) -> None:
    _run(ws, _csv(["u1", "t1", "female", "", "a_lot"]))
    with pytest.raises(ValidationFailed):
        _run(ws, _csv(["u2", "t1", "male", "", "not"], ["u3", "t1", "nonsense", "", "not"]))
    assert _count(ws, SurveySubmission) == 1


def test_only_national_coordinators_import_and_read(ws) -> None:
    ministry_reviewer = Actor(1, "rev", "rev", grants=(Grant(Role.REVIEWER, org_id=5, org_path="/5/"),))
    with pytest.raises(Forbidden):
        _run(ws, _csv(["u1", "t1", "female", "", "a_lot"]), actor=ministry_reviewer)
    with ws.reader() as s, pytest.raises(Forbidden):
        load_submissions(s, ministry_reviewer, survey_id="civil_servants")
    coordinator = Actor(2, "coord", "coord", grants=(Grant(Role.COORDINATOR),))
    _run(ws, _csv(["u1", "t1", "female", "", "a_lot"]), actor=coordinator)
    with ws.reader() as s:
        assert [x.uuid for x in load_submissions(s, coordinator, survey_id="civil_servants")] == ["u1"]


def test_a_large_export_runs_as_a_job_with_progress(ws) -> None:
    from raqmana.store.models import Job
    from raqmana.workspace.jobs import run_one
    from raqmana.workspace.surveys import enqueue_survey_import

    data = _csv(*[[f"j{i}", "t", "female", "", "a_lot"] for i in range(12)])
    with ws.transaction() as s:
        queued = enqueue_survey_import(
            s, SYSTEM, settings=ws.settings, survey="civil_servants", filename="big.csv", data=data
        )
    done = run_one(ws)
    assert done is not None and done.id == queued.id and done.status == "done"
    with ws.reader() as s:
        job = s.get(Job, queued.id)
        assert job.result["added"] == 12 and job.progress == 1.0
    assert _count(ws, SurveySubmission) == 12
