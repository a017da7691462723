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
    # the same archive imported back: nothing changes
    back = coord.post(
        "/api/v1/exchange/import-round",
        files={"file": ("round.zip", got.content, "application/zip")},
        headers={"X-CSRF-Token": coord.csrf("/account")},
    )
    assert back.status_code == 200, back.text
    assert back.json()["assessment_id"] == world.assessment_id and not back.json()["created"]


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
