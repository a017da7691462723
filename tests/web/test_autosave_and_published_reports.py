"""Autosave through the web form writes no identical versions; reports made outside the web app (the demo,
``raqmana report --out``) appear on the Reports page once published into the workspace."""

from __future__ import annotations

from raqmana.workspace.report_jobs import publish_reports, reports_dir

from .world import stored


def post(browser, world, version, *, htmx=True, justification="The decree\r\nof 2024."):
    headers = {"HX-Request": "true"} if htmx else {}
    return browser.post(
        f"/assessments/{world.assessment_id}/institutions/mofa/answers/LEG-01",
        data={
            "answer": "2",
            "justification": justification,
            "expected_version": str(version),
            "csrf_token": browser.csrf("/"),
        },
        headers=headers,
        follow_redirects=False,
    )


def test_it_keeps_one_version_when_the_same_form_is_autosaved_and_then_saved(as_user, world):
    focal = as_user("focal")
    assert post(focal, world, 0).status_code == 200
    for _ in range(3):  # autosave of the untouched form (the browser sends the textarea's lines with CRLF)
        assert post(focal, world, 1).status_code == 200
    # the Save button's full-page POST still carries the version the page was opened with
    late = post(focal, world, 0, htmx=False)
    assert late.status_code == 303 and "#item-LEG-01" in late.headers["location"]
    answer = stored(world)["LEG-01"]
    assert (answer.version, answer.justification) == (1, "The decree\nof 2024.")
    history = focal.get(f"/api/v1/responses/{answer.id}").json()["history"]
    assert [h["version"] for h in history] == [1]
    changed = post(focal, world, 0, justification="Another text")
    assert changed.status_code == 409  # a real change from an old version is still a conflict


def test_it_lists_reports_published_from_a_folder_and_serves_them(as_user, world, tmp_path):
    out = tmp_path / "raqmana-demo" / "reports"
    out.mkdir(parents=True)
    for name in ("national-ar.pdf", "national-en.html", "mofa-ckb.docx", "notes.txt", "national-fr.pdf"):
        (out / name).write_bytes(b"%PDF-1.7 " + name.encode())
    viewer = as_user("viewer")
    empty = viewer.get(f"/api/v1/assessments/{world.assessment_id}/reports").json()
    assert empty["files"] == []
    copied = publish_reports(sorted(out.iterdir()), world.settings.data_dir, world.assessment_id)
    base = reports_dir(world.settings.data_dir, world.assessment_id)
    assert sorted(p.relative_to(base).as_posix() for p in copied) == [
        "institutions/mofa-ckb.docx",
        "national-ar.pdf",
        "national-en.html",
    ]
    files = viewer.get(f"/api/v1/assessments/{world.assessment_id}/reports").json()["files"]
    assert [f["path"] for f in files] == ["national-ar.pdf", "national-en.html", "institutions/mofa-ckb.docx"]
    page = viewer.get(f"/assessments/{world.assessment_id}/reports?lang=en").text
    assert "national-ar.pdf" in page or "/reports/files/national-ar.pdf" in page
    got = viewer.get(f"/assessments/{world.assessment_id}/reports/files/national-ar.pdf")
    assert got.status_code == 200 and got.content == b"%PDF-1.7 national-ar.pdf"
    (out / "national-ar.pdf").write_bytes(b"%PDF-1.7 newer")
    publish_reports([out / "national-ar.pdf"], world.settings.data_dir, world.assessment_id)
    assert (
        viewer.get(f"/assessments/{world.assessment_id}/reports/files/national-ar.pdf").content
        == b"%PDF-1.7 newer"
    )
    for bad in (
        "../national-ar.pdf",
        "notes.txt",
        "..%2F..%2Fraqmana.sqlite3",
        "institutions/../../x-en.pdf",
    ):
        assert viewer.get(f"/assessments/{world.assessment_id}/reports/files/{bad}").status_code == 404
