"""Defects the API fuzzing found, each kept as a plain test (fast, without schemathesis)."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_a_wrong_method_names_every_method_of_the_address(client: TestClient) -> None:
    """GET and POST of one address are two routes: the 405 lists both, not only the first route's."""
    for method in ("PUT", "OPTIONS", "TRACE"):
        r = client.request(method, "/api/v1/assessments", headers={"accept": "application/json"})
        assert r.status_code == 405
        assert r.headers["allow"] == "GET, POST"
    assert client.request("DELETE", "/login").headers["allow"] == "GET, POST"


def test_a_literal_address_is_not_taken_for_an_item_of_its_neighbour(client: TestClient) -> None:
    """``/services/import`` is its own address (POST), not the service called "import" (GET, POST)."""
    assert client.put("/api/v1/services/import").headers["allow"] == "POST"
    assert client.put("/api/v1/services/export.csv").headers["allow"] == "GET"
    assert client.put("/api/v1/services/visa").headers["allow"] == "GET, POST"


def test_the_inbox_filter_documents_its_empty_all_and_refuses_an_unknown_state(as_user) -> None:
    """``?state=`` (the form's "all") is in the document; a state that is none is refused."""
    focal = as_user("focal")
    assert focal.get("/api/v1/participation?state=").status_code == 200
    assert focal.get("/api/v1/participation?state=nonsense").status_code == 422
    spec = focal.get("/api/v1/openapi.json").json()
    [state] = [p for p in spec["paths"]["/api/v1/participation"]["get"]["parameters"] if p["name"] == "state"]
    assert "" in str(state["schema"]), state


def test_a_method_a_literal_address_does_not_take_is_405_not_an_unknown_item(as_user, client) -> None:
    """``GET …/consultations/forget`` reaches ``GET …/consultations/{id}`` in the router, but the address
    is the forgetting's (POST only): 405 with ``Allow``, not 404 "no such consultation"; an address whose
    part does not fit stays 404."""
    r = client.get("/api/v1/public/consultations/forget")
    assert (r.status_code, r.headers.get("allow")) == (405, "POST")
    assert client.get("/api/v1/public/consultations/0x12").status_code == 404
    assert as_user("focal").get("/api/v1/services/export.xml").status_code == 404
