"""Actions that were forms only have JSON twins bound to the same request model: the form's fields and the
JSON body are read by one model, refused with the same located problems, and change the same thing."""

from __future__ import annotations

import re

from fastapi import FastAPI
from fastapi.testclient import TestClient

from .world import World


def _token(browser) -> str:
    html = browser.form("/account/tokens", {"name": "script"}, page="/account").text
    m = re.search(r'<code class="rq-token">([^<]+)</code>', html)
    assert m, "the new token is shown once"
    return m.group(1)


def _status(browser, world: World) -> str:
    status: str = browser.get(f"/api/v1/assessments/{world.assessment_id}").json()["assessment"]["status"]
    return status


def test_it_closes_a_round_from_the_form_and_goes_back_to_the_round(as_user, world):
    coord = as_user("coord")
    r = coord.form(f"/assessments/{world.assessment_id}/close", {}, page="/")
    assert r.status_code == 303 and r.headers["location"] == f"/assessments/{world.assessment_id}"
    assert _status(coord, world) == "closed"


def test_it_closes_a_round_from_json_and_returns_the_round(as_user, app: FastAPI, world):
    coord = as_user("coord")
    with TestClient(app) as program:
        r = program.post(
            f"/api/v1/assessments/{world.assessment_id}/close",
            headers={"Authorization": f"Bearer {_token(coord)}"},
        )
    assert r.status_code == 200 and r.json()["status"] == "closed" and r.json()["id"] == world.assessment_id
    assert _status(coord, world) == "closed"


def test_it_follows_a_same_site_next_and_ignores_another_site(as_user, world):
    coord = as_user("coord")
    back = coord.form(f"/assessments/{world.assessment_id}/close", {"next": "/jobs"}, page="/")
    assert back.headers["location"] == "/jobs"
    away = coord.form(f"/assessments/{world.assessment_id}/close", {"next": "//evil.example"}, page="/")
    assert away.headers["location"] == f"/assessments/{world.assessment_id}"


def test_it_refuses_a_form_action_without_the_csrf_token(as_user, world):
    coord = as_user("coord")
    r = coord.post(f"/assessments/{world.assessment_id}/close", data={}, follow_redirects=False)
    assert r.status_code == 403
    assert _status(coord, world) == "open"


def test_it_refuses_the_same_bad_field_in_the_form_and_in_json_with_its_location(as_user, app: FastAPI):
    focal = as_user("focal")
    token = _token(focal)
    too_long = "x" * 101
    page = focal.form("/account/tokens?lang=en", {"name": too_long}, page="/account")
    assert page.status_code == 422 and "text/html" in page.headers["content-type"]
    with TestClient(app) as program:
        r = program.post(
            "/api/v1/account/tokens?lang=en",
            json={"name": too_long},
            headers={"Authorization": f"Bearer {token}"},
        )
    assert r.status_code == 422
    assert [e["location"] for e in r.json()["errors"]] == [{"field": "name"}]
    assert r.json()["errors"][0]["message"] in page.text


def test_it_creates_and_revokes_a_token_through_json(as_user, app: FastAPI):
    focal = as_user("focal")
    with TestClient(app) as program:
        auth = {"Authorization": f"Bearer {_token(focal)}"}
        made = program.post("/api/v1/account/tokens", json={"name": "nightly export"}, headers=auth)
        assert made.status_code == 201 and made.json()["token"]["name"] == "nightly export"
        second = {"Authorization": f"Bearer {made.json()['value']}"}
        assert program.get("/api/v1/me", headers=second).json()["username"] == "focal"
        revoked = program.post(f"/api/v1/account/tokens/{made.json()['token']['id']}/revoke", headers=auth)
        assert revoked.json() == {"ok": True}
        assert program.get("/api/v1/me", headers=second).status_code == 401
