"""The jobs pages and many-workbook uploads: a job with progress, a result per file, reasons translated."""

from __future__ import annotations

import io
import zipfile

from openpyxl import load_workbook
from sqlalchemy import func, select, update

from raqmana.store import jobs as queue
from raqmana.store.models import Job
from raqmana.workspace.jobs import recover_stale_jobs, run_worker

from .world import stored

SHEET = {"en": "Answers", "ar": "الإجابات"}


def workbook(browser, world, code="mofa", lang="en", cells=None):
    data = browser.get(
        f"/assessments/{world.assessment_id}/institutions/{code}/workbook.xlsx?lang={lang}"
    ).content
    wb = load_workbook(io.BytesIO(data))
    for ref, value in (cells or {}).items():
        wb[SHEET[lang]][ref] = value
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def upload(browser, world, files, page=None):
    page = page or f"/assessments/{world.assessment_id}"
    return browser.post(
        f"/assessments/{world.assessment_id}/workbooks",
        files=[("files", f) for f in files],
        data={"csrf_token": browser.csrf(page)},
        follow_redirects=False,
    )


def zipped(members):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def job_count(world):
    with world.ws.reader() as s:
        return s.scalar(select(func.count()).select_from(Job))


def test_it_imports_many_workbooks_as_a_job_and_shows_each_files_result(as_user, world):
    coord = as_user("coord")
    assert 'name="files"' in coord.get(f"/assessments/{world.assessment_id}?lang=en").text
    good = workbook(coord, world, "mofa", cells={"E2": "2 — Level 2"})
    bad = workbook(coord, world, "moi", cells={"E3": "nine"})
    r = upload(
        coord,
        world,
        [
            ("all.zip", zipped({"mofa.xlsx": good}), "application/zip"),
            ("moi.xlsx", bad, "application/octet-stream"),
        ],
    )
    assert r.status_code == 303 and r.headers["location"].startswith("/jobs/")
    waiting = coord.get(r.headers["location"] + "?lang=en").text
    assert "raqmana worker" in waiting and 'hx-trigger="every 2s"' in waiting
    assert run_worker(world.ws, once=True) == 1
    page = coord.get(r.headers["location"] + "?lang=ar").text
    assert "all.zip/mofa.xlsx" in page and "moi.xlsx" in page
    assert "وزارة الخارجية" in page  # the institution's name, not its code
    assert "الورقة Answers" in page and "الصف 3" in page and "العمود E" in page  # located, in Arabic
    assert 'hx-trigger="every 2s"' not in page
    assert stored(world)["LEG-01"].stage == 2 and "LEG-02" not in stored(world, "moi")
    job_id = int(r.headers["location"].rsplit("/", 1)[1])
    data = coord.get(f"/api/v1/jobs/{job_id}").json()
    assert data["job"]["status"] == "done" and (
        data["job"]["result"]["imported"],
        data["job"]["result"]["failed"],
    ) == (1, 1)


def test_it_refuses_a_bad_upload_with_a_message_and_queues_nothing(as_user, world):
    coord = as_user("coord")
    r = upload(coord, world, [("all.zip", b"PK\x03\x04 not really", "application/zip")])
    assert r.status_code == 422 and "all.zip" in r.text and "WS102" in r.text
    r = upload(coord, world, [("notes.zip", zipped({"notes.txt": b"hi"}), "application/zip")])
    assert r.status_code == 422 and "WS103" in r.text
    assert job_count(world) == 0


def test_it_lets_no_viewer_or_outsider_upload(as_user, world):
    assert upload(as_user("viewer"), world, [("a.xlsx", b"x", "application/octet-stream")]).status_code == 403
    outsider = as_user("outsider")
    assert (
        upload(outsider, world, [("a.xlsx", b"x", "application/octet-stream")], page="/").status_code == 404
    )
    assert job_count(world) == 0


def test_it_lists_jobs_to_managers_and_each_persons_own_to_others(as_user, world):
    coord, focal = as_user("coord"), as_user("focal")
    theirs = upload(coord, world, [("a.xlsx", b"x", "application/octet-stream")]).headers["location"]
    mine = upload(focal, world, [("b.xlsx", b"y", "application/octet-stream")]).headers["location"]
    listing = coord.get("/jobs?lang=en").text
    assert theirs in listing and mine in listing and "Coord" in listing and "Workbook import" in listing
    assert [j["id"] for j in coord.get("/api/v1/jobs").json()["jobs"]] == [int(mine[6:]), int(theirs[6:])]
    own = focal.get("/api/v1/jobs").json()
    assert [j["id"] for j in own["jobs"]] == [int(mine[6:])] and own["total"] == 1
    assert focal.get(theirs).status_code == 404 and focal.get("/api" + "/v1" + theirs).status_code == 404
    assert 'href="/jobs"' in coord.get("/").text and 'href="/jobs"' not in focal.get("/").text
    assert theirs not in coord.get("/jobs?status=failed&lang=en").text


def test_it_explains_in_the_readers_language_why_an_abandoned_job_failed(as_user, world):
    coord = as_user("coord")
    location = upload(coord, world, [("a.xlsx", b"x", "application/octet-stream")]).headers["location"]
    job_id = int(location.rsplit("/", 1)[1])
    with world.ws.transaction() as s:
        queue.claim(s, worker="other-machine/1:1:abcd:1")
        s.execute(update(Job).where(Job.id == job_id).values(attempts=3, heartbeat_at=None))  # never beat
    recover_stale_jobs(world.ws, lease_seconds=-1)
    page = coord.get(f"{location}?lang=ar").text
    assert "WS101" in page and "عملية الخلفية" in page
    assert "پاشبنەما" in coord.get(f"{location}?lang=ckb").text
    assert "WS101" in coord.get("/jobs?lang=en").text


def test_it_names_sheet_row_and_column_of_a_bad_single_workbook_and_changes_nothing(as_user, world):
    focal = as_user("focal")
    data = workbook(focal, world, "mofa", lang="ar", cells={"E2": "2 — المستوى 2", "E4": "مئة وعشرون"})
    r = focal.post(
        f"/assessments/{world.assessment_id}/institutions/mofa/workbook",
        files={"file": ("mofa.xlsx", data)},
        data={"csrf_token": focal.csrf("/")},
    )
    assert r.status_code == 422
    assert "الإجابات" in r.text and "الصف 4" in r.text and "العمود E" in r.text
    assert stored(world) == {}


def test_it_counts_workbooks_and_answers_without_english_plural_mistakes(as_user, world):
    coord = as_user("coord")
    good = workbook(coord, world, "mofa", cells={"E2": "2 — Level 2"})
    r = upload(coord, world, [("mofa.xlsx", good, "application/octet-stream")])
    assert run_worker(world.ws, once=True) == 1
    listed = coord.get("/jobs?lang=en").text
    assert "Workbooks: 1" in listed and "1 workbooks" not in listed
    page = coord.get(r.headers["location"] + "?lang=en").text
    assert "Answers changed: 1;" in page and "1 answers changed" not in page
