"""Every 429 says when to try again (``Retry-After``): too many jobs waiting for one person (JSON and
HTML), and too many failed sign-ins from one address."""

from __future__ import annotations

from .world import World


def _ask(b, aid: int, langs: list[str]):
    return b.post(
        f"/api/v1/assessments/{aid}/reports",
        json={"scope": "national", "langs": langs, "formats": ["html"]},
        headers={"X-CSRF-Token": b.csrf("/")},
    )


def test_a_person_over_the_job_quota_is_told_when_to_try_again(world: World, as_user):
    viewer, aid = as_user("viewer"), world.assessment_id
    first = _ask(viewer, aid, ["en"])
    assert first.status_code == 202
    assert _ask(viewer, aid, ["en"]).json()["job"]["id"] == first.json()["job"]["id"], "the same job again"
    for langs in (["ar"], ["ckb"], ["ar", "en"], ["ar", "ckb"]):
        assert _ask(viewer, aid, langs).status_code == 202
    refused = _ask(viewer, aid, ["ckb", "en"])
    assert refused.status_code == 429
    assert refused.headers["retry-after"] == str(world.settings.job_retry_seconds)
    assert refused.json()["errors"][0]["code"] == "WS120"
    page = viewer.form(
        f"/assessments/{aid}/reports",
        {"scope": "national", "langs": ["ckb", "en"], "formats": ["html"]},
        page="/",
        headers={"Accept-Language": "ar"},
    )
    assert page.status_code == 429 and page.headers["retry-after"]
    assert "text/html" in page.headers["content-type"]


def test_too_many_failed_sign_ins_are_told_when_to_try_again(client, world: World):
    statuses = []
    for _ in range(world.settings.login_attempts * 4 + 1):
        r = client.form("/login", {"username": "nobody-here", "password": "wrong password!", "next": "/"})
        statuses.append(r.status_code)
    assert statuses[-1] == 429
    assert int(r.headers["retry-after"]) > 0


def test_an_upload_over_the_job_quota_is_refused_before_its_files_are_read(
    world: World, as_user, monkeypatch
):
    from raqmana.web.routers import jobs as jobs_routes

    def never(*args: object, **kw: object) -> object:
        raise AssertionError("the upload was read")

    focal, aid = as_user("focal"), world.assessment_id
    for langs in (["en"], ["ar"], ["ckb"], ["ar", "en"], ["ar", "ckb"]):
        assert _ask(focal, aid, langs).status_code == 202
    monkeypatch.setattr(jobs_routes, "spooled_uploads", never)  # the files are spooled to disk when read
    r = focal.post(
        f"/api/v1/assessments/{aid}/workbooks",
        files={"files": ("mofa.xlsx", b"PK\x03\x04 a workbook, maybe", "application/octet-stream")},
        headers={"X-CSRF-Token": focal.csrf("/")},
    )
    assert r.status_code == 429 and r.headers["retry-after"], "the quota is checked before the files"
