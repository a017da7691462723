"""The web's data exchange: the round's archive page and download, its import, webhooks and their log."""

from __future__ import annotations

import io
import json
import zipfile

from raqmana.workspace.jobs import run_worker
from tests.exchange.receiver import receiver


def test_a_coordinator_downloads_the_round_and_reads_its_manifest(world, as_user):
    coord = as_user("coord")
    page = coord.get(f"/assessments/{world.assessment_id}/exchange")
    assert page.status_code == 200 and "answers.csv" in page.text and 'lang="ar"' in page.text
    manifest = coord.get(f"/api/v1/assessments/{world.assessment_id}/exchange").json()
    assert manifest["framework"]["id"] and manifest["tables"]["answers"] >= 0
    got = coord.get(f"/assessments/{world.assessment_id}/export.zip")
    assert got.status_code == 200 and got.headers["content-type"] == "application/zip"
    assert "attachment" in got.headers["content-disposition"]
    with zipfile.ZipFile(io.BytesIO(got.content)) as zf:
        assert json.loads(zf.read("manifest.json"))["framework"] == manifest["framework"]


def test_the_archive_is_built_and_imported_by_the_worker_not_in_the_request(world, as_user):
    coord = as_user("coord")
    started = coord.post(
        f"/assessments/{world.assessment_id}/export",
        data={"csrf_token": coord.csrf(f"/assessments/{world.assessment_id}/exchange"), "files": "true"},
        follow_redirects=False,
    )
    assert started.status_code == 303 and started.headers["location"].startswith("/jobs/")
    job_page = started.headers["location"]
    waiting = coord.get(job_page)
    assert "/file" not in waiting.text  # nothing to download before the worker ran
    assert run_worker(world.ws, once=True) == 1
    done = coord.get(job_page)
    assert f'href="{job_page}/file"' in done.text
    got = coord.get(f"{job_page}/file")
    assert got.status_code == 200 and got.headers["content-type"] == "application/zip"
    assert got.headers["x-content-type-options"] == "nosniff"
    with zipfile.ZipFile(io.BytesIO(got.content)) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    assert manifest["includes"]["evidence_files"] is True
    # a focal point of the round may neither read the job nor its file
    assert as_user("focal").get(f"{job_page}/file").status_code == 404
    # the same archive imported back, by the worker: nothing changes
    back = coord.post(
        "/api/v1/exchange/import-round",
        files={"file": ("round.zip", got.content, "application/zip")},
        headers={"X-CSRF-Token": coord.csrf("/account")},
    )
    assert back.status_code == 202, back.text
    assert run_worker(world.ws, once=True) == 1
    job = coord.get(back.json()["url"]).json()["job"]
    assert job["status"] == "done", job
    assert job["result"]["assessment_id"] == world.assessment_id and not job["result"]["created"]
    assert "sha256" not in json.dumps(job["details"])
    # the uploaded archive is not kept once imported
    assert not any((world.ws.settings.data_dir / "uploads").rglob("*"))


def test_an_archive_refused_by_the_worker_fails_its_job_and_changes_nothing(world, as_user):
    coord = as_user("coord")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("manifest.json", "{not json")
    before = coord.get(f"/api/v1/assessments/{world.assessment_id}/exchange").json()["tables"]
    back = coord.post(
        "/api/v1/exchange/import-round",
        files={"file": ("broken.zip", buffer.getvalue(), "application/zip")},
        headers={"X-CSRF-Token": coord.csrf("/account")},
    )
    assert back.status_code == 202, back.text
    assert run_worker(world.ws, once=True) == 1
    job = coord.get(back.json()["url"]).json()["job"]
    assert job["status"] == "failed" and job["error"][0]["code"].startswith("EX"), job
    assert coord.get(f"/api/v1/assessments/{world.assessment_id}/exchange").json()["tables"] == before
    assert not any((world.ws.settings.data_dir / "uploads").rglob("*"))
    page = coord.get(back.json()["url"].replace("/api/v1", ""))
    assert "manifest.json" in page.text


def test_a_file_that_is_no_archive_is_refused_before_it_is_queued(world, as_user):
    coord = as_user("coord")
    refused = coord.post(
        "/api/v1/exchange/import-round",
        files={"file": ("round.zip", b"PK not really", "application/zip")},
        headers={"X-CSRF-Token": coord.csrf("/account")},
    )
    assert refused.status_code == 422 and refused.json()["errors"][0]["code"] == "EX001", refused.text
    assert coord.get("/api/v1/jobs").json()["total"] == 0
    assert not any((world.ws.settings.data_dir / "uploads").rglob("*"))


def test_viewing_the_exchange_page_builds_no_archive_and_scores_nothing(world, as_user, monkeypatch):
    import raqmana.workspace.exchange as exchange
    import raqmana.workspace.results as results

    def refuse(*args, **kwargs):
        raise AssertionError("the page must not build the archive nor score the round")

    coord = as_user("coord")
    built = coord.get(f"/assessments/{world.assessment_id}/export.zip")
    with zipfile.ZipFile(io.BytesIO(built.content)) as zf:
        archived = json.loads(zf.read("manifest.json"))["tables"]
    monkeypatch.setattr(exchange, "write_archive", refuse)
    monkeypatch.setattr(results, "assessment_results", refuse)
    page = coord.get(f"/assessments/{world.assessment_id}/exchange")
    assert page.status_code == 200 and "answers.csv" in page.text
    counted = coord.get(f"/api/v1/assessments/{world.assessment_id}/exchange").json()["tables"]
    # the counts are the archive's own (scores exist only once the archive is built)
    assert counted.pop("scores") is None
    archived.pop("scores")
    assert counted == archived and counted["institutions"] > 0


def test_a_focal_point_may_not_export_the_round(world, as_user):
    focal = as_user("focal")
    assert focal.get(f"/assessments/{world.assessment_id}/export.zip").status_code in (403, 404)


def test_an_administrator_registers_a_webhook_and_reads_its_log(world, as_user):
    admin = as_user("admin")
    with receiver("x" * 32) as box:
        page = admin.form(
            "/admin/webhooks",
            {"url": box.url, "kinds": ["round.closed"], "secret": "x" * 32, "description": "exchange layer"},
            page="/admin/webhooks",
        )
        assert page.status_code == 200 and "x" * 32 in page.text  # shown this once
        assert "x" * 32 not in admin.get("/admin/webhooks").text
        closed = admin.post(
            f"/api/v1/assessments/{world.assessment_id}/close",
            headers={"X-CSRF-Token": admin.csrf("/account")},
        )
        assert closed.status_code in (200, 201), closed.text
        run_worker(world.ws, once=True)
    assert len(box.got) == 1 and box.got[0].signed
    log = admin.get("/api/v1/admin/webhooks").json()
    assert log["deliveries"][0]["kind"] == "round.closed" and log["deliveries"][0]["status"] == "delivered"
    assert "secret" not in log["webhooks"][0]


def test_the_round_page_and_the_menu_lead_there(world, as_user):
    admin, coord = as_user("admin"), as_user("coord")
    assert (
        f"/assessments/{world.assessment_id}/exchange"
        in coord.get(f"/assessments/{world.assessment_id}").text
    )
    assert 'href="/admin/webhooks"' in admin.get("/").text
    assert 'href="/admin/webhooks"' not in coord.get("/").text


def test_the_webhooks_page_speaks_the_readers_language(world, as_user):
    admin = as_user("admin")
    admin.form(
        "/admin/webhooks",
        {
            "url": "https://exchange.example/events",
            "kinds": ["round.closed"],
            "description": "exchange layer",
        },
        page="/admin/webhooks",
    )
    hook = admin.get("/api/v1/admin/webhooks").json()["webhooks"][0]
    paused = admin.form(f"/admin/webhooks/{hook['id']}/active", {"active": "false"}, page="/admin/webhooks")
    assert paused.status_code in (200, 303)
    for lang, waiting, failed, paused_word in (
        ("ar", "بانتظار التنفيذ", "فشلت", "متوقف مؤقتًا"),
        ("ckb", "چاوەڕێ", "سەرکەوتوو نەبوو", "ڕاگیراوە"),
    ):
        text = admin.get(f"/admin/webhooks?lang={lang}").text
        assert f">{waiting}</th>" in text and f">{failed}</th>" in text
        assert ">Waiting<" not in text and ">Failed<" not in text
        assert paused_word in text and "(paused)" not in text
