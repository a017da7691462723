"""Changing one's password signs out every other session of the account and revokes its API tokens
(scripts get a new token), unless the user ticks "keep my API tokens"; the browser that changed it stays
signed in."""

from __future__ import annotations

from fastapi import FastAPI

from .conftest import Browser
from .world import PASSWORD

NEW = "a much better passphrase"


def _token(b: Browser) -> str:
    html = b.form("/account/tokens", {"name": "script"}, page="/account").text
    start = html.index("rqm_")
    return html[start : html.index("<", start)]


def _change(b: Browser, **extra: str):
    return b.form(
        "/account/password", {"old_password": PASSWORD, "new_password": NEW, **extra}, page="/account"
    )


def test_changing_the_password_ends_the_other_sessions_and_revokes_the_tokens(app: FastAPI, as_user):
    here, elsewhere = as_user("focal"), as_user("focal")
    token = _token(here)
    api = Browser(app, base_url="http://testserver")
    assert api.get("/api/v1/account", headers={"Authorization": f"Bearer {token}"}).status_code == 200

    changed = _change(here)
    assert changed.status_code == 200, changed.text
    assert here.get("/account").status_code == 200, "the session that changed it stays signed in"
    gone = elsewhere.get("/account", follow_redirects=False)
    assert gone.status_code == 303 and gone.headers["location"].startswith("/login")
    assert api.get("/api/v1/account", headers={"Authorization": f"Bearer {token}"}).status_code == 401
    assert "أُنهيت جلساتك الأخرى" in changed.text and "أُلغيت رموز" in changed.text, (
        "said in the reader's language"
    )


def test_the_user_may_keep_the_api_tokens(app: FastAPI, as_user):
    here, elsewhere = as_user("rev"), as_user("rev")
    token = _token(here)
    assert _change(here, keep_tokens="1").status_code == 200
    api = Browser(app, base_url="http://testserver")
    assert api.get("/api/v1/account", headers={"Authorization": f"Bearer {token}"}).status_code == 200
    assert elsewhere.get("/account", follow_redirects=False).status_code == 303, "sessions end all the same"


def test_a_wrong_current_password_changes_nothing(as_user):
    here, elsewhere = as_user("viewer"), as_user("viewer")
    r = here.form(
        "/account/password", {"old_password": "not the password", "new_password": NEW}, page="/account"
    )
    assert r.status_code == 422
    assert elsewhere.get("/account").status_code == 200
