"""The audit log page: events with who, when, action, object and changes; filters; paging; the chain check;
administrators and coordinators only."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select, text, update

from raqmana.store.models import AuditEvent
from raqmana.workspace import responses, tokens
from raqmana.workspace.answers import Answer
from raqmana.workspace.auth import load_actor


def saves(world, n=3):
    with world.ws.transaction() as s:
        focal = load_actor(s, world.user_ids["focal"])
        for i in range(n):
            responses.save_answer(
                s,
                focal,
                assessment_id=world.assessment_id,
                institution_code="mofa",
                indicator_id="LEG-01",
                answer=Answer(i % 5 + 1),
                expected_version=i,
            )


def tamper(world):
    """Edit a stored event behind the application's back (dropping the append-only triggers first)."""
    with world.ws.transaction() as s:
        s.execute(text("DROP TRIGGER trg_audit_no_update"))
        target = s.scalar(
            select(AuditEvent).where(AuditEvent.action == "response.save").order_by(AuditEvent.seq)
        )
        s.execute(update(AuditEvent).where(AuditEvent.id == target.id).values(after='{"stage": 5}'))
        return target.seq


def test_it_lists_who_changed_what_with_before_and_after_in_the_readers_language(as_user, world):
    saves(world)
    coord = as_user("coord")
    page = coord.get("/admin/audit?type=response&lang=ar").text
    assert "حُفظت الإجابة" in page or "حفظ الإجابة" in page
    assert "<bdi>focal</bdi>" in page and "الإجابة" in page
    assert (
        "<del><bdi>٢</bdi></del> ←" in page and "<bdi>٣</bdi>" in page
    )  # stage 2 → 3 in the reader's digits, arrow pointing right-to-left
    data = coord.get("/api/v1/admin/audit?type=response").json()
    assert data["total"] == 3 and [e["action"] for e in data["events"]] == ["response.save"] * 3
    assert data["events"][0]["after"]["stage"] == 3 and data["events"][0]["before"]["stage"] == 2


def test_it_filters_by_user_type_and_date_and_pages_back(as_user, world):
    saves(world, n=60)
    coord = as_user("coord")
    first = coord.get("/api/v1/admin/audit?user=FOC").json()
    assert first["total"] == 60 and len(first["events"]) == 50 and first["next_before"]
    older = coord.get(f"/api/v1/admin/audit?user=foc&before={first['next_before']}").json()
    assert len(older["events"]) == 10 and older["next_before"] is None
    assert coord.get("/api/v1/admin/audit?user=nobody").json()["total"] == 0
    assert coord.get("/api/v1/admin/audit?since=2000-01-01&until=2000-12-31").json()["total"] == 0
    html = coord.get("/admin/audit?user=focal&lang=en").text
    assert f"before={first['next_before']}" in html and "Older events" in html
    bad = coord.get("/admin/audit?since=yesterday&lang=en")
    assert bad.status_code == 422 and "since" in bad.text


@pytest.mark.parametrize("who", ["focal", "rev", "viewer", "outsider"])
def test_it_answers_404_to_anyone_but_administrators_and_coordinators(as_user, world, who):
    user = as_user(who)
    assert user.get("/admin/audit").status_code == 404
    assert user.get("/api/v1/admin/audit").status_code == 404
    assert user.form("/admin/audit/verify", {}, page="/").status_code == 404
    assert 'href="/admin/audit"' not in user.get("/").text


def test_it_verifies_the_chain_and_names_the_edited_event(as_user, world, app):
    saves(world)
    coord = as_user("coord")
    assert 'href="/admin/audit"' in coord.get("/").text
    sent = coord.form("/admin/audit/verify", {"type": "response"}, page="/admin/audit")
    assert sent.status_code == 303 and sent.headers["location"].startswith(
        "/admin/audit?type=response&verify=1"
    )
    ok = coord.get(sent.headers["location"])
    assert ok.status_code == 200 and "سلسلة التدقيق سليمة" in ok.text
    seq = tamper(world)
    broken = coord.get(coord.form("/admin/audit/verify", {}, page="/admin/audit").headers["location"])
    arabic = str(seq).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    assert broken.status_code == 200 and f"عُدّل الحدث رقم {arabic} بعد تسجيله" in broken.text
    with world.ws.transaction() as s:
        _, token = tokens.create_api_token(s, load_actor(s, world.user_ids["coord"]), name="audit")
    from fastapi.testclient import TestClient

    with TestClient(app) as program:
        report = program.post(
            "/api/v1/admin/audit/verify", headers={"Authorization": f"Bearer {token}"}
        ).json()
    assert (
        report["ok"] is False
        and report["breaks"][0]["seq"] == seq
        and report["breaks"][0]["kind"] == "altered"
    )


def test_switching_language_after_verifying_shows_the_audit_page_again(as_user, world):
    """Post/redirect/get: the result has a GET address, so the language switch (which reloads the
    page's address) shows it in the new language instead of a 405 page."""
    coord = as_user("coord")
    sent = coord.form("/admin/audit/verify", {}, page="/admin/audit")
    page = sent.headers["location"].split("#")[0]
    shown = coord.get(page)
    assert shown.status_code == 200 and f'name="next" value="{page.replace("&", "&amp;")}"' in shown.text
    back = coord.form("/language", {"lang": "ckb", "next": page}, page=page)
    assert back.status_code == 303 and back.headers["location"] == page
    switched = coord.get(page)
    assert (
        switched.status_code == 200 and 'lang="ckb"' in switched.text and 'id="verification"' in switched.text
    )


def test_a_wrong_method_page_keeps_the_signed_in_navigation(as_user, world):
    coord = as_user("coord")
    wrong = coord.get("/admin/audit/verify")
    assert wrong.status_code == 405 and "WEB405" in wrong.text
    assert 'href="/account"' in wrong.text and 'action="/login"' not in wrong.text


def test_it_names_changed_fields_languages_and_users_in_the_readers_words(as_user, world):
    coord = as_user("coord")
    back = coord.form("/language", {"lang": "ckb", "next": "/admin/audit"}, page="/admin/audit")
    assert back.status_code == 303
    page = coord.get("/admin/audit?type=user").text
    assert 'lang="ckb"' in page
    assert "<bdi>زمان</bdi>: " in page, "the key is translated and keeps its colon beside it in RTL"
    assert "کوردی" in page and ">locale<" not in page
    assert "Coord (coord)" in page, "the user is named, not numbered"


def test_an_answers_fields_read_as_words_not_column_names(as_user, world):
    as_user("focal").form(
        f"/assessments/{world.assessment_id}/institutions/mofa/answers/LEG-01",
        {"answer": "2", "expected_version": 0},
        page="/",
    )
    page = as_user("coord").get("/admin/audit?lang=ar").text
    fields = set(re.findall(r"<bdi>([^<]{1,60})</bdi>: ", page))
    assert fields >= {"لا ينطبق", "الحالة"}
    assert [f for f in fields if re.search(r"[A-Za-z_]", f)] == [], "every changed field named in Arabic"
