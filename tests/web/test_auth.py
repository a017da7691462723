"""Sign-in: session cookie flags, refusals in the user's language, lockout, sign-out, safe redirects."""

from __future__ import annotations

from fastapi.testclient import TestClient

from raqmana.web import create_app

from .world import PASSWORD


def _login(client, username, password, next_url="/"):
    return client.post(
        "/login",
        data={"username": username, "password": password, "next": next_url, "csrf_token": client.csrf()},
        follow_redirects=False,
    )


def test_it_signs_in_with_an_httponly_samesite_session_cookie(client):
    r = _login(client, "coord", PASSWORD)
    assert r.status_code == 303 and r.headers["location"].endswith("/progress"), "the coordinator's start"
    cookie = next(
        v for k, v in r.headers.multi_items() if k == "set-cookie" and v.startswith("raqmana_session=")
    )
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie.replace("Lax", "lax") and "Secure" not in cookie
    assert "جولة ٢٠٢٦" in client.get("/").text


def test_it_marks_cookies_secure_when_configured(world):
    settings = world.settings.model_copy(update={"secure_cookies": True})
    from .conftest import Browser

    with Browser(create_app(settings, workspace=world.ws), base_url="https://testserver") as c:
        r = _login(c, "coord", PASSWORD)
    cookies = [v for k, v in r.headers.multi_items() if k == "set-cookie"]
    assert cookies and all("Secure" in v for v in cookies)


def test_it_refuses_a_wrong_password_in_the_users_language_and_sets_no_session(client):
    r = _login(client, "coord", "wrong password!")
    assert r.status_code == 401
    assert "raqmana_session" not in r.headers.get("set-cookie", "")
    assert 'class="alert alert-danger"' in r.text
    assert client.get("/", follow_redirects=False).status_code == 303


def test_it_gives_the_same_answer_for_an_unknown_user(client):
    a = _login(client, "coord", "wrong password!")
    b = _login(client, "nobody-here", "wrong password!")
    assert a.status_code == b.status_code == 401
    msg = lambda r: r.text.split('alert-danger" role="alert">')[1].split("</div>")[0]  # noqa: E731
    assert msg(a) == msg(b)


def test_it_pauses_the_account_for_this_client_after_too_many_failures(client, world):
    for _ in range(world.settings.login_attempts):
        _login(client, "focal", "wrong password!")
    r = _login(client, "focal", PASSWORD)
    assert r.status_code == 429
    assert "raqmana_session" not in r.headers.get("set-cookie", "")


def test_it_redirects_to_sign_in_and_back(client):
    r = client.get("/account", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/login?next=/account"
    r = _login(client, "coord", PASSWORD, next_url="/account")
    assert r.headers["location"] == "/account"


def test_it_never_redirects_to_another_site(client):
    for target in ("https://evil.example/", "//evil.example/", "/\\evil.example"):
        r = _login(client, "coord", PASSWORD, next_url=target)
        location = r.headers["location"]
        assert location.startswith("/") and not location.startswith(("//", "/\\")), location


def test_it_signs_out_and_the_old_session_stops_working(client, app):
    _login(client, "coord", PASSWORD)
    stolen = client.cookies.get("raqmana_session")
    r = client.form("/logout", {}, page="/")
    assert r.status_code == 303
    with TestClient(app) as other:
        other.cookies.set("raqmana_session", stolen)
        assert other.get("/", follow_redirects=False).status_code == 303


def test_it_ignores_a_tampered_session_cookie(client):
    client.cookies.set("raqmana_session", "forged.value.here")
    assert client.get("/", follow_redirects=False).status_code == 303


def test_it_keeps_the_language_picked_on_the_sign_in_page_and_saves_it_to_the_account(client):
    client.post("/language", data={"lang": "ckb", "next": "/login", "csrf_token": client.csrf()})
    assert 'lang="ckb"' in client.get("/login").text
    _login(client, "coord", PASSWORD)  # coord's account says ar
    assert 'lang="ckb"' in client.get("/").text
    client.post("/logout", data={"csrf_token": client.csrf("/")})
    _login(client, "coord", PASSWORD)  # signed in again, nothing picked: the account now says ckb
    assert 'lang="ckb"' in client.get("/").text


def test_it_prefers_the_account_language_to_a_cookie_nobody_picked_on_this_sign_in(client):
    client.cookies.set("raqmana_lang", "en")  # e.g. left by the last person on a shared computer
    _login(client, "coord", PASSWORD)
    assert 'lang="ar"' in client.get("/").text
