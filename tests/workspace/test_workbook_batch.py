"""Many workbooks at once: loose files and ZIP archives, checked first, imported by a job one by one."""

from __future__ import annotations

import io
import zipfile

import pytest
from sqlalchemy import func, select

from raqmana.store.models import Job
from raqmana.workspace import Forbidden, NotFound, ValidationFailed
from raqmana.workspace.assessments import open_round
from raqmana.workspace.excel_import import import_workbook
from raqmana.workspace.jobs import get_job, record_message, run_worker
from raqmana.workspace.workbook_batch import start_workbook_import
from tests.workspace.test_excel_roundtrip import answers, edit, export


def zipped(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def start(world, files, who="coord", assessment_id=None):
    with world.ws.transaction() as s:
        return start_workbook_import(
            s,
            world[who],
            settings=world.ws.settings,
            files=files,
            lang="ar",
            assessment_id=assessment_id or world.assessment_id,
        )


def jobs_count(world):
    with world.ws.reader() as s:
        return s.scalar(select(func.count()).select_from(Job))


def filled(world, inst, stage_text="2 — Stage 2 (en)"):
    return edit(export(world, "en", who="coord", inst=inst), "en", {"E2": stage_text})


def test_it_imports_loose_workbooks_and_zipped_ones_in_one_job_as_the_coordinator(world):
    archive = zipped(
        {
            "round/moa.xlsx": filled(world, "moa"),
            "round/mob.xlsx": filled(world, "mob"),
            "__MACOSX/round/._moa.xlsx": b"junk",
            "round/readme.txt": b"hello",
        }
    )
    job = start(world, [("all.zip", archive), ("erbil.xlsx", filled(world, "gov-erbil"))])
    assert job.details == {"lang": "ar", "files": 3, "assessment_id": world.assessment_id}
    assert run_worker(world.ws, once=True) == 1
    with world.ws.reader() as s:
        done = get_job(s, world["coord"], job.id)
    assert done.status == "done" and done.progress == 1.0
    assert (done.result["imported"], done.result["failed"]) == (3, 0)
    assert [r["filename"] for r in done.result["results"]] == [
        "all.zip/round/moa.xlsx",
        "all.zip/round/mob.xlsx",
        "erbil.xlsx",
    ]
    for inst in ("moa", "mob", "gov-erbil"):
        stored = answers(world, inst)["P1-01"]
        assert (stored.stage, stored.state, stored.assessor) == (2, "draft", "Coord")


def test_it_reports_each_bad_workbook_by_file_sheet_row_and_column_and_keeps_the_good_ones(world):
    bad = edit(export(world, "en", who="coord", inst="mob"), "en", {"E3": "seven"})
    job = start(world, [("good.xlsx", filled(world, "moa")), ("bad.xlsx", bad)])
    run_worker(world.ws, once=True)
    with world.ws.reader() as s:
        done = get_job(s, world["coord"], job.id)
    good, wrong = done.result["results"]
    assert good["ok"] and not wrong["ok"]
    assert wrong["problems"][0]["location"] == {
        "file": "bad.xlsx",
        "sheet": "Answers",
        "line": 3,
        "column": "E",
    }
    assert record_message(wrong["problems"][0], "ckb") != record_message(wrong["problems"][0], "en")
    assert answers(world, "moa")["P1-01"].stage == 2 and "P1-02" not in answers(world, "mob")


def test_it_refuses_a_workbook_of_another_round_in_the_job(world):
    with world.ws.transaction() as s:
        other = open_round(
            s,
            world["coord"],
            framework_version_id=world.framework_version_id,
            name="Other",
            period="2027",
            institution_codes=["moa"],
        )
    job = start(world, [("moa.xlsx", filled(world, "moa"))], assessment_id=other.id)
    run_worker(world.ws, once=True)
    with world.ws.reader() as s:
        result = get_job(s, world["coord"], job.id).result
    assert result["results"][0]["problems"][0]["code"] == "WS106"
    assert "P1-01" not in answers(world, "moa")


@pytest.mark.parametrize(
    ("files", "code"),
    [
        ([("all.zip", b"PK\x03\x04 broken")], "WS102"),
        ([("all.zip", b"not a zip at all")], "WS102"),
        ([("all.zip", zipped({"notes.txt": b"nothing here"}))], "WS103"),
        ([], "WS103"),
    ],
)
def test_it_refuses_a_bad_upload_whole_and_queues_nothing(world, files, code):
    with pytest.raises(ValidationFailed) as exc:
        start(world, files)
    assert exc.value.problems[0].code.id == code
    assert jobs_count(world) == 0


def test_it_refuses_an_archive_member_that_unpacks_too_big(world, monkeypatch):
    from raqmana.workspace import workbook_batch

    monkeypatch.setattr(workbook_batch, "MAX_BYTES", 1000)
    with pytest.raises(ValidationFailed) as exc:
        start(world, [("all.zip", zipped({"moa.xlsx": b"0" * 5000}))])
    assert exc.value.problems[0].code.id == "WS105" and "all.zip/moa.xlsx" in exc.value.message("en")
    assert jobs_count(world) == 0


def test_it_lets_only_people_who_answer_or_manage_start_an_import(world):
    assert start(world, [("moa.xlsx", b"x")], who="fp_a").status == "queued"
    with pytest.raises(Forbidden):
        start(world, [("moa.xlsx", b"x")], who="viewer")
    with pytest.raises(Forbidden):
        start(world, [("moa.xlsx", b"x")], who="rev_a")
    with pytest.raises(NotFound):
        start(world, [("moa.xlsx", b"x")], who="outsider")


def test_it_lets_a_coordinator_import_one_collected_workbook_but_not_a_reviewer(world):
    data = filled(world, "moa")
    with world.ws.transaction() as s:
        report = import_workbook(s, world["coord"], data=data, filename="moa.xlsx")
    assert report.changed == 1
    with pytest.raises(Forbidden), world.ws.transaction() as s:
        import_workbook(s, world["rev_a"], data=filled(world, "moa", "3 — Stage 3 (en)"), filename="moa.xlsx")
