"""Citizen feedback in the web: the public form (no sign-in) gives a tracking number, the person follows
the case, the institution answers from its inbox, the JSON twins answer the same, and abuse is refused:
the honeypot, the per-address throttle (429 with Retry-After), forged CSRF, oversized text."""

from __future__ import annotations

import re

COMPLAINT = {
    "institution": "mofa",
    "kind": "complaint",
    "rating": "2",
    "channel": "office",
    "visits": "3",
    "text": "<script>alert(1)</script> I went three times for one stamp.",
    "contact": "07701234567",
}


def send(client, data=None, **headers):
    return client.form(
        "/public/feedback", {**COMPLAINT, **(data or {})}, page="/public/feedback", headers=headers
    )


def tracking_of(html: str) -> str:
    m = re.search(r"RQ-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-.", html)
    assert m, html
    return m.group(0)


def test_anyone_sends_a_complaint_and_follows_it_by_its_tracking_number(client, as_user):
    form = client.get("/public/feedback?lang=ar")
    assert form.status_code == 200 and 'dir="rtl"' in form.text and 'name="website"' in form.text
    r = send(client)
    assert r.status_code == 201
    tracking = tracking_of(r.text)
    status = client.get("/public/feedback/status", params={"tracking": tracking.lower()})
    assert status.status_code == 200 and tracking in status.text
    assert "07701234567" not in status.text and "<script>" not in status.text

    focal = as_user("focal")
    page = focal.get(f"/participation/{tracking}")
    assert page.status_code == 200
    assert "07701234567" in page.text  # the institution's own focal point
    assert "<script>alert(1)</script>" not in page.text and "&lt;script&gt;" in page.text
    r = focal.form(
        f"/participation/{tracking}/answer",
        {"text": "We fixed the stamp desk.", "change_made": "One desk"},
        page="/participation",
    )
    assert r.status_code == 303
    status = client.get("/public/feedback/status", params={"tracking": tracking})
    assert "We fixed the stamp desk." in status.text
    changes = client.get("/public/feedback/changes")
    assert "One desk" in changes.text and "07701234567" not in changes.text

    coord = as_user("coord")
    assert "07701234567" not in coord.get(f"/participation/{tracking}").text  # not the institution's staff


def test_the_json_twins_take_and_give_the_same(client, as_user):
    r = client.post("/api/v1/public/feedback", json={"institution": "mofa", "kind": "feedback", "rating": 5})
    assert r.status_code == 201, r.text
    tracking = r.json()["tracking"]
    assert (
        client.get("/api/v1/public/feedback/status", params={"tracking": tracking}).json()["status"]["state"]
        == "received"
    )
    r = client.post("/api/v1/public/feedback", json={"institution": "nowhere", "rating": 9})
    assert r.status_code == 422
    assert sorted(e["location"]["field"] for e in r.json()["errors"]) == ["rating"]  # the model refuses first
    focal = as_user("focal")
    inbox = focal.get("/api/v1/participation").json()
    assert [c["tracking"] for c in inbox["cases"]] == [tracking]
    assert focal.get("/api/v1/participation/export.json").json()[0]["tracking"] == tracking


def test_a_robot_filling_the_trap_gets_nothing_stored(client, as_user):
    r = send(client, {"website": "http://spam.example"})
    assert r.status_code == 422 and "RQ-" not in r.text
    assert as_user("focal").get("/api/v1/participation").json()["cases"] == []


def test_a_flood_from_one_address_is_refused_with_retry_after(client):
    for _ in range(5):
        assert send(client).status_code == 201
    r = send(client)
    assert r.status_code == 429 and int(r.headers["Retry-After"]) > 0
    r = client.post("/api/v1/public/feedback", json={"institution": "mofa", "text": "again"})
    assert r.status_code == 429 and int(r.headers["Retry-After"]) > 0


def test_a_forged_form_and_oversized_text_are_refused(client):
    r = client.post("/public/feedback", data={**COMPLAINT, "csrf_token": "forged"}, follow_redirects=False)
    assert r.status_code == 403
    r = send(client, {"text": "x" * 4001})
    assert r.status_code == 422


def test_an_unknown_tracking_number_says_so_in_the_persons_language(client):
    r = client.get("/public/feedback/status", params={"tracking": "RQ-0000", "lang": "ar"})
    assert r.status_code == 422 and "RQ-0000" in r.text and 'lang="ar"' in r.text
