"""The data-exchange part of the OpenAPI tour (tests/web/test_openapi_schemas.py): every operation once."""

from __future__ import annotations

from typing import Any

from raqmana.workspace.jobs import run_one


def exchange_tour(api: Any, world: Any, assessment_id: int, tokens: dict[str, str]) -> None:
    coord, admin = tokens["coord"], tokens["admin"]
    base = f"/api/v1/assessments/{assessment_id}"
    manifest = api.call("GET", f"{base}/exchange", as_=coord)
    assert manifest.status_code == 200, manifest.text
    archive = api.call("GET", f"{base}/export.zip?files=true", as_=coord)
    assert archive.status_code == 200 and archive.headers["content-type"] == "application/zip"
    started = api.call("POST", f"{base}/export", as_=coord, json={"files": True})
    assert started.status_code == 202 and started.json()["url"].endswith(str(started.json()["job"]["id"]))
    job = run_one(world.ws)
    assert job is not None and job.status == "done", job
    built = api.call("GET", f"/api/v1/jobs/{job.id}/file", as_=coord)
    assert built.status_code == 200 and built.headers["content-type"] == "application/zip"
    back = api.call(
        "POST",
        "/api/v1/exchange/import-round",
        as_=coord,
        files={"file": ("round.zip", built.content, "application/zip")},
    )
    assert back.status_code == 202, back.text
    job = run_one(world.ws)
    assert job is not None and job.status == "done" and job.result["created"] is False, job
    hook = api.call(
        "POST",
        "/api/v1/admin/webhooks",
        as_=admin,
        json={"url": "http://127.0.0.1:9/hook", "kinds": ["answer.accepted"], "description": "tour"},
    )
    assert hook.status_code == 201, hook.text
    paused = api.call(
        "POST",
        f"/api/v1/admin/webhooks/{hook.json()['webhook']['id']}/active",
        as_=admin,
        json={"active": False},
    )
    assert paused.status_code == 200 and paused.json()["active"] is False
    assert api.call("GET", "/api/v1/admin/webhooks", as_=admin).status_code == 200
    refused = api.call("POST", "/api/v1/admin/webhooks", as_=admin, json={"url": "ftp://x", "kinds": []})
    assert refused.status_code == 422
