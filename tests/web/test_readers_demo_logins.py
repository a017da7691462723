"""The first ten minutes: on an illustrative workspace the sign-in page lists the demo's logins, each
with its role and institution in the reader's words; a real workspace lists none."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from raqmana.workspace import SYSTEM, users
from raqmana.workspace.demo import DEMO_SEED, demo_password

from .test_results import demo  # noqa: F401 — the illustrative workspace (module fixture)


@pytest.fixture(scope="module")
def sign_in_page(demo: tuple[FastAPI, int]):  # noqa: F811
    app, _ = demo

    def get(lang: str) -> str:
        with TestClient(app, base_url="http://testserver") as c:
            return c.get(f"/login?lang={lang}").text

    return get


def test_it_lists_the_demo_logins_with_roles_in_words(sign_in_page):
    ar = sign_in_page("ar")
    assert "حسابات العرض التوضيحي" in ar
    assert "demo-fp-moc" in ar and demo_password("demo-fp-moc", DEMO_SEED) in ar
    assert "منسّق" in ar, "the coordinator's role in Arabic words"
    assert "focal_point" not in ar and ">moc<" not in ar, "no role or institution codes"
    assert "وزارة الاتصالات" in ar, "the institution by its Arabic name"
    ckb = sign_in_page("ckb")
    assert "ھەژمارەکانی نموونە" in ckb and "focal_point" not in ckb
    en = sign_in_page("en")
    assert "Focal point" in en and "Ministry of Communications" in en


def test_the_demo_logins_work_as_listed(demo):  # noqa: F811
    from .conftest import Browser

    app, aid = demo
    with Browser(app, base_url="http://testserver") as b:
        r = b.post(
            "/login",
            data={
                "username": "demo-reviewer-moc",
                "password": demo_password("demo-reviewer-moc", DEMO_SEED),
                "csrf_token": b.csrf(),
                "next": "/",
            },
            follow_redirects=False,
        )
    assert r.status_code == 303 and r.headers["location"] == f"/assessments/{aid}/review"


def test_a_workspace_without_illustrative_data_lists_no_logins(client):
    assert "demo-" not in client.get("/login?lang=en").text


def test_a_disabled_demo_account_is_not_listed(demo, sign_in_page):  # noqa: F811
    app, _ = demo
    ws = app.state.ws
    with ws.transaction() as s:
        uid = users.get_user_by_username(s, SYSTEM, "demo-reviewer-mop").id
        users.set_active(s, SYSTEM, user_id=uid, active=False)
    try:
        assert "demo-reviewer-mop" not in sign_in_page("en")
    finally:
        with ws.transaction() as s:
            users.set_active(s, SYSTEM, user_id=uid, active=True)
