"""Reports rendered outside the queue (``raqmana demo``) and published to a round show on the Jobs page as
a finished report job whose page links every file."""

from __future__ import annotations

from raqmana.workspace.report_jobs import publish_reports, record_published_reports


def _publish(world, tmp_path):
    made = []
    for lang in ("ar", "ckb", "en"):
        for fmt in ("pdf", "docx"):
            f = tmp_path / "out" / f"national-{lang}.{fmt}"
            f.parent.mkdir(parents=True, exist_ok=True)
            f.write_bytes(b"%PDF-1.7 illustrative" if fmt == "pdf" else b"PK illustrative")
            made.append(f)
    stray = tmp_path / "out" / "notes.txt"
    stray.write_text("not a report", encoding="utf-8")
    published = publish_reports([*made, stray], world.settings.data_dir, world.assessment_id)
    with world.ws.transaction() as s:
        return record_published_reports(
            s, published, world.settings.data_dir, world.assessment_id, by="raqmana demo"
        )


def test_the_demos_reports_are_a_finished_report_job(world, tmp_path):
    job = _publish(world, tmp_path)
    assert job is not None and (job.kind, job.status, job.progress) == ("report", "done", 1.0)
    assert job.details["langs"] == ["ar", "ckb", "en"] and job.details["formats"] == ["pdf", "docx"]
    assert sorted(job.result["written"]) == sorted(
        f"national-{lang}.{fmt}" for lang in ("ar", "ckb", "en") for fmt in ("pdf", "docx")
    )


def test_nothing_is_recorded_without_a_published_report(world, tmp_path):
    with world.ws.transaction() as s:
        assert record_published_reports(s, [], world.settings.data_dir, world.assessment_id, by="x") is None


def test_the_jobs_page_lists_them_and_the_job_page_links_the_files(world, as_user, tmp_path):
    job = _publish(world, tmp_path)
    coord = as_user("coord")
    listing = coord.get("/jobs?lang=en").text
    assert f'href="/jobs/{job.id}"' in listing and "The national report" in listing
    assert "raqmana (command line)" in listing
    files = coord.get(f"/assessments/{world.assessment_id}/reports/jobs/{job.id}?lang=en")
    assert files.status_code == 200
    for lang in ("ar", "ckb", "en"):
        assert f"national-{lang}.pdf" in files.text
