"""Reports from the web: a job made from a form, watched (HTMX polling or a plain refresh link), its files
downloaded by readers of the assessment only, from its own reports directory only."""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from raqmana.web import create_app
from raqmana.workspace.jobs import run_one
from raqmana.workspace.report_jobs import reports_dir

from .conftest import Browser
from .test_results import ANSWERS, accept
from .world import World, copy_world


@pytest.fixture
def scored(world: World) -> World:
    accept(world, ANSWERS)
    return world


def _start(browser: Browser, aid: int, **form: object) -> str:
    r = browser.form(f"/assessments/{aid}/reports", form, page=f"/assessments/{aid}/reports")
    assert r.status_code == 303, r.text
    return str(r.headers["location"])


def test_it_makes_a_report_in_the_background_and_serves_the_file(scored, as_user):
    viewer = as_user("viewer")
    aid = scored.assessment_id
    page = viewer.get(f"/assessments/{aid}/reports?lang=en").text
    assert "Make the report" in page and 'id="format-docx" value="docx"' in page
    job_url = _start(viewer, aid, scope="national", langs=["ar", "en"], formats=["html", "xlsx"])
    assert re.fullmatch(rf"/assessments/{aid}/reports/jobs/\d+", job_url)

    waiting = viewer.get(job_url + "?lang=en").text
    assert "Waiting for the worker" in waiting
    assert 'hx-trigger="every 2s"' in waiting and f'href="{job_url}"' in waiting, (
        "polls, and a plain refresh link"
    )
    assert run_one(scored.ws).status == "done"

    done = viewer.get(job_url + "?lang=en").text
    assert "The report is ready." in done and "hx-trigger" not in done
    links = re.findall(rf'href="(/assessments/{aid}/reports/files/[^"]+)"', done)
    assert sorted(link.rsplit("/", 1)[1] for link in links) == [
        "national-ar.html",
        "national-ar.xlsx",
        "national-en.html",
        "national-en.xlsx",
    ]
    r = viewer.get(f"/assessments/{aid}/reports/files/national-ar.html")
    assert r.status_code == 200
    assert r.headers["content-disposition"].startswith("inline"), "the HTML report opens in the browser"
    assert r.headers["content-type"].startswith("text/html")
    policy = r.headers["content-security-policy"]
    assert "sandbox" in policy and "script-src" not in policy and "style-src 'unsafe-inline'" in policy
    assert 'dir="rtl"' in r.text and "تقييم المشهد الرقمي" in r.text, "the national report in Arabic"
    xlsx = viewer.get(f"/api/v1/assessments/{aid}/reports/files/national-en.xlsx")
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    assert xlsx.headers["content-disposition"].startswith("attachment")
    listed = viewer.get(f"/api/v1/assessments/{aid}/reports").json()["files"]
    assert {f["path"] for f in listed} == {
        "national-ar.html",
        "national-ar.xlsx",
        "national-en.html",
        "national-en.xlsx",
    }


def test_it_refreshes_only_the_job_box_for_htmx(scored, as_user):
    coord = as_user("coord")
    job_url = _start(
        coord, scored.assessment_id, scope="institution", institution="mofa", langs=["ckb"], formats=["html"]
    )
    fragment = coord.get(job_url, headers={"HX-Request": "true"}).text
    assert fragment.lstrip().startswith('<div id="job"') and "<html" not in fragment
    run_one(scored.ws)
    fragment = coord.get(job_url, headers={"HX-Request": "true"}).text
    assert "hx-trigger" not in fragment and "institutions/mofa-ckb.html" in fragment


def test_a_failed_job_shows_why(scored, as_user):
    coord = as_user("coord")
    job_url = _start(
        coord, scored.assessment_id, scope="institution", institution="mod", langs=["en"], formats=["html"]
    )
    assert run_one(scored.ws).status == "failed"
    html = coord.get(job_url + "?lang=ar").text
    assert "تعذّر إعداد التقرير." in html
    job = coord.get("/api/v1" + job_url).json()["job"]
    assert job["status"] == "failed" and job["error"][0]["code"] in html


def test_it_asks_for_at_least_one_language_and_format(scored, as_user):
    coord = as_user("coord")
    aid = scored.assessment_id
    r = coord.form(
        f"/assessments/{aid}/reports",
        {"scope": "national", "formats": ["pdf"]},
        page=f"/assessments/{aid}/reports",
    )
    assert r.status_code == 422
    r = coord.form(
        f"/assessments/{aid}/reports",
        {"scope": "institution", "langs": ["ar"], "formats": ["pdf"]},
        page=f"/assessments/{aid}/reports",
    )
    assert r.status_code == 422
    assert run_one(scored.ws) is None, "nothing was queued"


def test_the_api_starts_a_job_with_json(scored, as_user):
    viewer = as_user("viewer")
    aid = scored.assessment_id
    r = viewer.post(
        f"/api/v1/assessments/{aid}/reports",
        json={"scope": "national", "langs": ["en"], "formats": ["json"]},
        headers={"X-CSRF-Token": viewer.csrf(f"/assessments/{aid}/reports")},
    )
    assert r.status_code == 202, r.text
    assert r.json()["job"]["status"] == "queued"
    run_one(scored.ws)
    job = viewer.get(r.json()["url"]).json()
    assert job["job"]["status"] == "done" and job["files"][0]["url"].endswith("/national-en.json")
    bad = viewer.post(
        f"/api/v1/assessments/{aid}/reports",
        json={"scope": "everything", "langs": ["fr"]},
        headers={"X-CSRF-Token": viewer.csrf(f"/assessments/{aid}/reports")},
    )
    assert bad.status_code == 422 and {e["code"] for e in bad.json()["errors"]} >= {"RP001", "RP002"}


def test_it_refuses_paths_outside_the_reports_directory(scored, as_user, tmp_path):
    viewer = as_user("viewer")
    aid = scored.assessment_id
    own = reports_dir(scored.settings.data_dir, aid)
    own.mkdir(parents=True)
    (own / "national-en.html").write_text("<p>ours</p>", encoding="utf-8")
    other = reports_dir(scored.settings.data_dir, aid + 1)
    other.mkdir(parents=True)
    (other / "national-ar.html").write_text("<p>another round</p>", encoding="utf-8")
    secret = tmp_path / "secret-en.html"
    secret.write_text("secret", encoding="utf-8")
    os.symlink(secret, own / "linked-en.html")
    base = f"/assessments/{aid}/reports/files/"
    assert viewer.get(base + "national-en.html").text == "<p>ours</p>"
    for path in (
        "..%2F..%2Fraqmana.sqlite3",
        "..%2Fassessment-" + str(aid + 1) + "%2Fnational-ar.html",
        "national-ar.html",
        "institutions%2F..%2F..%2Fnational-en.html",
        "%2Fetc%2Fpasswd",
        "linked-en.html",
        ".national-en.html.partial",
        "national-en.html%00.pdf",
    ):
        r = viewer.get(base + path)
        assert r.status_code == 404, path
        assert "secret" not in r.text and "another round" not in r.text
    assert viewer.get(f"/api/v1{base}..%2F..%2Fraqmana.sqlite3").status_code == 404


def test_it_hides_reports_from_outsiders(scored, as_user):
    coord = as_user("coord")
    aid = scored.assessment_id
    job_url = _start(coord, aid, scope="national", langs=["en"], formats=["html"])
    run_one(scored.ws)
    outsider = as_user("outsider")
    assert outsider.get(f"/assessments/{aid}/reports").status_code == 404
    assert outsider.get(job_url).status_code == 404
    assert outsider.get(f"/assessments/{aid}/reports/files/national-en.html").status_code == 404
    assert outsider.get(f"/api/v1/assessments/{aid}/reports/files/national-en.html").status_code == 404
    r = outsider.form(
        f"/assessments/{aid}/reports", {"scope": "national", "langs": ["en"], "formats": ["html"]}, page="/"
    )
    assert r.status_code == 404
    assert run_one(scored.ws) is None, "the outsider queued nothing"


@pytest.fixture
def inline_app(template_world: World, tmp_path: Path) -> Iterator[tuple[World, Browser]]:
    world = copy_world(template_world, tmp_path / "data", inline_worker=True)
    accept(world, ANSWERS)
    with Browser(
        create_app(world.settings, workspace=world.ws), base_url="http://testserver"
    ) as b:  # runs lifespan
        b.login("viewer")
        yield world, b
    world.ws.dispose()


def test_the_app_can_run_jobs_itself_when_settings_say_so(inline_app):
    world, viewer = inline_app
    job_url = _start(viewer, world.assessment_id, scope="national", langs=["en"], formats=["json"])
    deadline = time.monotonic() + 120
    while (job := viewer.get("/api/v1" + job_url).json()["job"])["status"] in ("queued", "running"):
        assert time.monotonic() < deadline, "the inline worker did not run the job"
        time.sleep(0.2)
    assert job["status"] == "done", job
    assert (
        viewer.get(f"/assessments/{world.assessment_id}/reports/files/national-en.json").json()[
            "illustrative"
        ]
        is False
    )


def test_a_refused_report_form_comes_back_with_the_problem_and_the_choices(scored, as_user):
    """No institution chosen for a profile: the same form, its field named "الجهة", the choices kept."""
    coord = as_user("coord")
    aid = scored.assessment_id
    coord.get(f"/assessments/{aid}/reports?lang=ar")
    r = coord.form(
        f"/assessments/{aid}/reports",
        {"scope": "institution", "institution": "", "langs": ["ckb"], "formats": ["docx"]},
        page=f"/assessments/{aid}/reports",
    )
    assert r.status_code == 422
    html = r.text
    assert f'action="/assessments/{aid}/reports"' in html, "the form itself, not a dead-end page"
    assert "«الجهة»" in html and "institution:" not in html and "«institution»" not in html
    assert re.search(r'id="scope-institution" value="institution" checked', html)
    assert re.search(r'id="lang-ckb" value="ckb" checked', html) and not re.search(
        r'id="lang-ar" value="ar" checked', html
    )
    assert re.search(r'id="format-docx" value="docx" checked', html) and not re.search(
        r'value="pdf" checked', html
    )


def test_report_jobs_are_named_by_institution_and_files_by_title_not_path(scored, as_user):
    coord = as_user("coord")
    job_url = _start(
        coord, scored.assessment_id, scope="institution", institution="mofa", langs=["ckb"], formats=["html"]
    )
    listed = coord.get("/jobs?lang=ar").text
    assert "وزارة الخارجية" in listed and '<span class="rq-code">mofa</span>' not in listed
    run_one(scored.ws)
    done = coord.get(job_url + "?lang=en").text
    link = re.search(r'<a href="[^"]*institutions/mofa-ckb\.html" download>(.*?)</a>', done)
    assert link, done
    visible = re.sub(r'<span class="visually-hidden">.*?</span>', "", link.group(1))
    assert (
        "mofa-ckb" not in visible
        and "Foreign Affairs" in visible
        and "کوردی" in visible
        and "HTML" in visible
    )


def test_the_report_job_s_number_is_written_in_the_reader_s_digits(scored, as_user):
    viewer = as_user("viewer")
    job_url = _start(viewer, scored.assessment_id, scope="national", langs=["ar"], formats=["html"])
    job_id = job_url.rsplit("/", 1)[1]
    page = viewer.get(job_url + "?lang=ar").text
    arabic = job_id.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    assert f"#{arabic}<" in page and f"#{job_id}<" not in page
