"""Review of service-card edits: an owner institution's edit is submitted and waits; a coordinator accepts
it (the card changes, a version up, and only then can it be published) or returns it with a note; every
step is audited."""

from __future__ import annotations

from sqlalchemy import select

from raqmana.store.models import AuditEvent
from tests.web.test_services import PASSPORT, VISA, catalogue_csv, upload


def published_fee(browser, code: str):
    rows = browser.get("/public/data/services.json").json()
    return next(r["fee"] for r in rows if r["code"] == code)


def post(browser, path: str, body: dict):
    return browser.post(path, json=body, headers={"X-CSRF-Token": browser.csrf("/account")})


def test_an_owners_edit_waits_for_review_and_is_published_only_once_accepted(as_user, world):
    coord, focal = as_user("coord"), as_user("focal")  # focal point of mofa, which owns the visa
    upload(coord, catalogue_csv(PASSPORT, VISA))
    proposed = post(focal, "/api/v1/services/visa", {"fee": "40000"})
    assert proposed.status_code == 200, proposed.text
    edit = proposed.json()["pending_edit"]
    # the catalogue and a publication keep the accepted card
    assert coord.get("/api/v1/services/visa").json()["service"]["record"]["fee"] == 0
    post(coord, "/api/v1/publication/publish", {})
    assert published_fee(coord, "visa") == 0
    # the owner cannot decide on its own edit; a return needs a note
    assert post(focal, f"/api/v1/service-edits/{edit}/review", {"decision": "accept"}).status_code == 403
    assert post(coord, f"/api/v1/service-edits/{edit}/review", {"decision": "return"}).status_code == 422
    returned = post(
        coord, f"/api/v1/service-edits/{edit}/review", {"decision": "return", "note": "Fee in IQD?"}
    )
    assert returned.json()["state"] == "returned" and returned.json()["note"] == "Fee in IQD?"
    assert post(coord, f"/api/v1/service-edits/{edit}/review", {"decision": "accept"}).status_code == 422
    again = post(focal, "/api/v1/services/visa", {"fee": "45000"}).json()["pending_edit"]
    accepted = post(coord, f"/api/v1/service-edits/{again}/review", {"decision": "accept"})
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["changes"] == {}  # the card is now what was proposed
    card = coord.get("/api/v1/services/visa").json()["service"]
    assert (card["record"]["fee"], card["version"]) == (45000, 2)
    post(coord, "/api/v1/publication/publish", {})
    assert published_fee(coord, "visa") == 45000
    with world.ws.reader() as s:
        actions = s.scalars(
            select(AuditEvent.action).where(
                AuditEvent.entity_type == "service", AuditEvent.entity_id == "visa"
            )
        ).all()
    assert actions == [
        "service.create",
        "service.submit",
        "service.return",
        "service.submit",
        "service.update",
        "service.accept",
    ]


def test_an_edit_on_a_card_changed_since_is_refused(as_user):
    coord, focal = as_user("coord"), as_user("focal")
    upload(coord, catalogue_csv(PASSPORT, VISA))
    edit = post(focal, "/api/v1/services/visa", {"fee": "1"}).json()["pending_edit"]
    assert post(coord, "/api/v1/services/visa", {"fee": "2"}).status_code == 200  # the coordinator's applies
    assert post(coord, f"/api/v1/service-edits/{edit}/review", {"decision": "accept"}).status_code == 409


def test_an_owners_import_is_submitted_for_review(as_user):
    coord, focal = as_user("coord"), as_user("focal")
    upload(coord, catalogue_csv(PASSPORT, VISA))
    r = upload(focal, catalogue_csv({**VISA, "visits_before": "4"}))
    assert r.json() == {"created": 0, "updated": 0, "unchanged": 0, "submitted": 1}
    page = coord.get("/service-edits?lang=en").text
    assert 'action="/service-edits/' in page and "visits_before" in page
    assert 'action="/service-edits/' not in focal.get("/service-edits?lang=en").text
