"""The JSON API: OpenAPI description, Bearer tokens, JSON twins of the HTML pages."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

PAGES = [
    "/assessments",
    "/assessments/new",
    "/assessments/{a}",
    "/assessments/{a}/assignments",
    "/assessments/{a}/progress",
    "/assessments/{a}/review",
    "/assessments/{a}/institutions/mofa",
    "/orgs",
    "/admin/users",
    "/account",
]


def _token(browser) -> str:
    html = browser.form("/account/tokens", {"name": "script"}, page="/account").text
    return re.search(r'<code class="rq-token">([^<]+)</code>', html).group(1)


def test_it_publishes_an_openapi_description_of_the_twins(client):
    spec = client.get("/api/v1/openapi.json").json()
    paths = spec["paths"]
    for page in PAGES:
        assert (
            "/api/v1" + page.replace("{a}", "{assessment_id}").replace("mofa", "{institution_code}") in paths
        ), page
    assert not any(p.startswith("/assessments") for p in paths), "HTML pages stay out of the API description"


@pytest.mark.parametrize("page", PAGES)
def test_it_gives_every_page_a_json_twin(as_user, world, page):
    coord = as_user("coord")
    path = page.format(a=world.assessment_id)
    assert coord.get(path).headers["content-type"].startswith("text/html")
    r = coord.get("/api/v1" + path)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/json"
    assert isinstance(r.json(), dict)


def test_it_authenticates_programs_with_a_bearer_token(as_user, app, world):
    token = _token(as_user("coord"))
    with TestClient(app) as program:
        me = program.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
        assert me.status_code == 200 and me.json()["username"] == "coord"
        listed = program.get("/api/v1/assessments", headers={"Authorization": f"Bearer {token}"}).json()
        assert [a["id"] for a in listed["assessments"]] == [world.assessment_id]


def test_it_refuses_a_bad_token_with_401_json(client):
    r = client.get("/api/v1/me", headers={"Authorization": "Bearer nope"})
    assert r.status_code == 401
    assert r.headers["www-authenticate"] == "Bearer"
    assert r.json()["ok"] is False and r.json()["errors"][0]["code"]


def test_it_writes_through_the_api_with_a_token_without_csrf(as_user, app, world):
    token = _token(as_user("focal"))
    with TestClient(app) as program:
        r = program.post(
            f"/api/v1/assessments/{world.assessment_id}/institutions/mofa/answers/LEG-01",
            json={"value": 4, "justification": "from a script", "expected_version": 0},
            headers={"Authorization": f"Bearer {token}"},
        )
    assert r.status_code == 200, r.text
    assert r.json()["stage"] == 4 and r.json()["version"] == 1


def test_it_needs_the_csrf_header_for_api_writes_from_a_browser_session(as_user, world):
    focal = as_user("focal")
    url = f"/api/v1/assessments/{world.assessment_id}/institutions/mofa/answers/LEG-01"
    body = {"value": 1, "expected_version": 0}
    assert focal.post(url, json=body).status_code == 403
    assert focal.post(url, json=body, headers={"X-CSRF-Token": focal.csrf("/")}).status_code == 200


def test_it_reports_wrong_types_as_translated_located_problems(as_user, app, world):
    token = _token(as_user("focal"))
    with TestClient(app) as program:
        r = program.post(
            f"/api/v1/assessments/{world.assessment_id}/institutions/mofa/answers/LEG-01?lang=ar",
            json={"value": 1, "expected_version": "abc"},
            headers={"Authorization": f"Bearer {token}"},
        )
    assert r.status_code == 422
    problem = r.json()["errors"][0]
    assert problem["location"]["field"] == "expected_version"
    assert "عدد صحيح" in problem["message"]


def test_it_answers_unknown_api_paths_with_json_404(client):
    r = client.get("/api/v1/nothing-here")
    assert r.status_code == 404 and r.json()["ok"] is False
