"""Surveys of a round in the web: the list, the XLSForm, importing an export (all or nothing, again adds
nothing), aggregated results with intervals for readers, no respondent shown, import for national
coordinators only."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from raqmana.surveys.illustrative import submissions_csv
from raqmana.surveys.xlsform_out import from_framework
from tests.web.world import tiny_framework

BASE = "/assessments/{}/surveys"


def _export(n: int = 40) -> bytes:
    return submissions_csv(from_framework(tiny_framework()), n=n, seed=5)


def upload(browser, assessment_id: int, data: bytes, name: str = "kobo.csv", survey: str = "tiny"):
    return browser.post(
        f"/api/v1{BASE.format(assessment_id)}/{survey}/submissions",
        files={"file": (name, data, "text/csv")},
        headers={"X-CSRF-Token": browser.csrf("/account")},
    )


def test_a_coordinator_imports_an_export_and_again_adds_nothing(as_user, world):
    coord = as_user("coord")
    aid = world.assessment_id
    listed = coord.get(f"/api/v1{BASE.format(aid)}").json()
    assert listed["may_import"] and listed["surveys"][0]["id"] == "tiny"
    assert listed["surveys"][0]["submissions"] == 0
    r = upload(coord, aid, _export())
    assert r.status_code == 200, r.text
    first = r.json()
    assert (first["read"], first["added"], first["unchanged"], first["queued"]) == (40, 40, 0, False)
    again = upload(coord, aid, _export()).json()
    assert (again["added"], again["replaced"], again["unchanged"]) == (0, 0, 40)
    assert coord.get(f"/api/v1{BASE.format(aid)}").json()["surveys"][0]["submissions"] == 40


def test_a_bad_export_is_refused_with_located_problems_and_changes_nothing(as_user, world):
    coord = as_user("coord")
    aid = world.assessment_id
    bad = b"not_a_question,_uuid\nx,u1\n"
    r = upload(coord, aid, bad)
    assert r.status_code == 422
    errors = r.json()["errors"]
    assert errors[0]["code"] == "SV012" and errors[0]["location"]["column"] == "not_a_question"
    assert coord.get(f"/api/v1{BASE.format(aid)}").json()["surveys"][0]["submissions"] == 0
    broken = upload(coord, aid, b"PK\x03\x04 not a workbook", name="kobo.xlsx")
    assert broken.status_code == 422


def test_readers_see_aggregated_results_and_never_a_respondent(as_user, world):
    coord = as_user("coord")
    aid = world.assessment_id
    assert upload(coord, aid, _export()).status_code == 200
    viewer = as_user("viewer")
    assert upload(viewer, aid, _export()).status_code == 403
    page = viewer.get(f"/api/v1{BASE.format(aid)}/tiny").json()
    assert page["n"] == 40 and page["overall"]["low"] <= page["overall"]["mean"] <= page["overall"]["high"]
    assert page["topics"] and all(t["estimate"]["n"] > 0 for t in page["topics"])
    assert b"illustrative-" in _export()  # the export's submission ids…
    text = viewer.get(f"{BASE.format(aid)}/tiny?lang=ar").text
    assert "تحميل نموذج XLSForm" in text and "الدرجات حسب المحور" in text
    assert "illustrative-" not in text and "illustrative-" not in str(page)  # no submission id anywhere
    form = viewer.get(f"{BASE.format(aid)}/tiny/form.xlsx")
    assert form.status_code == 200 and form.content[:2] == b"PK"
    assert load_workbook(io.BytesIO(form.content)).sheetnames[:2] == ["survey", "choices"]
    assert viewer.get(f"{BASE.format(aid)}/not-a-survey").status_code == 404
    assert as_user("outsider").get(f"/api/v1{BASE.format(aid)}").status_code == 404
