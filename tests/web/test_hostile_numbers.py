"""Numbers no id or offset can be, in any address of the route table: 404 or 422 in the error shape,
never a server error."""

from __future__ import annotations

import re

import pytest
from fastapi.routing import APIRoute

from raqmana.web.edge import MAX_ID, out_of_range
from raqmana.web.routers import ROUTERS

from .conftest import Browser

HUGE = [str(2**63), str(-(2**63) - 1), "9" * 40, "1" * 5000]


@pytest.fixture
def coord(app):
    with Browser(app, base_url="http://testserver", raise_server_exceptions=False) as b:
        b.login("coord")
        b.headers["X-CSRF-Token"] = b.csrf("/")
        yield b


def _routes(app):
    """Every route of the route table (the routers the app factory includes)."""
    for router in ROUTERS:
        for route in router.routes:
            if not isinstance(route, APIRoute):
                continue
            for method in sorted(route.methods - {"HEAD"}):
                yield (
                    method,
                    route.path,
                    [m.group(1) for m in re.finditer(r"{([^}:]+)(:[^}]*)?}", route.path)],
                )


def _fill(path: str, value: str) -> str:
    return re.sub(r"{[^}]+}", value, path)


def test_it_knows_which_integers_no_database_column_holds():
    assert [out_of_range(x) for x in HUGE] == [True, True, True, True]
    assert [out_of_range(x) for x in (str(MAX_ID), str(-MAX_ID), "0007", "abc", "12a", "", "١٢")] == [
        False
    ] * 7


@pytest.mark.parametrize("value", HUGE[:3])
def test_every_route_answers_an_id_beyond_64_bits_with_404(app, coord, value):
    checked = 0
    for method, path, params in _routes(app):
        if not params:
            continue
        r = coord.request(method, _fill(path, value))
        assert r.status_code == 404, (method, path, r.status_code, r.text[:200])
        if path.startswith("/api/"):
            assert r.json()["errors"][0]["code"] == "WEB404"
        checked += 1
    assert checked > 20


def test_every_route_survives_the_largest_id(app, coord):
    """The largest id a column holds names nothing: the routes answer it themselves, without a 500."""
    for method, path, params in _routes(app):
        if params:
            r = coord.request(method, _fill(path, str(MAX_ID)))
            assert r.status_code < 500, (method, path, r.text[:300])


@pytest.mark.parametrize("query", ["offset", "before", "submitted", "page", "limit"])
def test_every_route_answers_a_query_integer_beyond_64_bits_with_a_located_422(app, coord, query):
    for method, path, params in _routes(app):
        if method != "GET" or params:
            continue
        r = coord.get(path, params={query: HUGE[0]}, headers={"Accept": "application/json"})
        assert r.status_code == 422, (path, r.status_code, r.text[:200])
        if path.startswith("/api/"):
            assert r.json()["errors"][0]["location"]["field"] == query


@pytest.mark.parametrize("offset", ["-1", "-99999"])
def test_it_refuses_a_negative_jobs_offset(coord, offset):
    r = coord.get("/api/v1/jobs", params={"offset": offset})
    assert r.status_code == 422, r.text
    assert r.json()["errors"][0]["location"]["field"] == "offset"


def test_it_refuses_an_audit_page_before_the_first_event(coord):
    assert coord.get("/api/v1/admin/audit", params={"before": "-1"}).status_code == 422


def test_it_answers_an_id_beyond_64_bits_in_a_json_body_with_a_located_422(coord, world):
    a = world.assessment_id
    cases = [
        (
            f"/api/v1/assessments/{a}/assignments",
            {"institution_code": "mofa", "user_id": 2**63, "role": "reviewer"},
        ),
        (
            "/api/v1/assessments",
            {
                "framework_version_id": -(2**64),
                "name": {"en": "x"},
                "period": "2026",
                "institution_codes": ["mofa"],
            },
        ),
        (
            f"/api/v1/assessments/{a}/institutions/mofa/answers/SRV-01",
            {"value": 5, "expected_version": int("9" * 30)},
        ),
    ]
    for url, body in cases:
        r = coord.post(url, json=body)
        assert r.status_code == 422, (url, r.text[:300])
        field = next(k for k, v in body.items() if isinstance(v, int) and abs(v) > MAX_ID)
        assert r.json()["errors"][0]["location"]["field"] == field


def test_it_answers_an_id_beyond_64_bits_in_a_form_with_a_located_422(coord, world):
    r = coord.post(
        f"/assessments/{world.assessment_id}/assignments",
        data={
            "institution_code": "mofa",
            "user_id": str(2**63),
            "role": "reviewer",
            "csrf_token": coord.csrf("/"),
        },
        headers={"Accept": "application/json"},
    )
    assert r.status_code == 422, r.text[:300]


def test_it_leaves_ordinary_bodies_to_the_routes(as_user, world):
    focal = as_user("focal")
    focal.headers["X-CSRF-Token"] = focal.csrf("/")
    r = focal.post(
        f"/api/v1/assessments/{world.assessment_id}/institutions/mofa/answers/SRV-01",
        json={"value": 55, "justification": "9" * 40, "expected_version": 0},
    )
    assert r.status_code == 200, r.text
    assert r.json()["justification"] == "9" * 40


def test_a_long_number_typed_into_a_text_field_of_a_form_is_text(as_user, world):
    focal = as_user("focal")
    r = focal.form(
        f"/assessments/{world.assessment_id}/institutions/mofa/answers/LEG-01",
        {"answer": "3", "justification": "9" * 25, "expected_version": 0},
        page="/",
    )
    assert r.status_code in (200, 303), r.text[:300]
