"""Sign-in, lockout, rate limit, sessions, CSRF and API tokens."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from raqmana.store.models import ApiToken, AuthSession, User
from raqmana.store.types import utcnow
from raqmana.workspace import LoginRefused, NotAuthenticated
from raqmana.workspace.auth import BACKOFF_START, login, revoke_session, verify_session
from raqmana.workspace.tokens import (
    check_csrf_token,
    create_api_token,
    list_api_tokens,
    make_csrf_token,
    revoke_api_token,
    verify_api_token,
)
from tests.workspace.factories import PASSWORD


def test_it_signs_in_with_the_right_password_and_opens_a_session(world):
    actor, issued = login(world.ws, username="FP_A", password=PASSWORD, client="10.0.0.1")
    assert actor.username == "fp_a" and [g.role for g in actor.grants] == ["focal_point"]
    with world.ws.transaction() as s:
        assert verify_session(s, token=issued.token).user_id == actor.user_id
        row = s.scalar(select(AuthSession))
        assert row.token_hash != issued.token and len(row.token_hash) == 64


def test_it_gives_the_same_answer_for_a_wrong_password_and_an_unknown_user(world):
    with pytest.raises(LoginRefused) as wrong:
        login(world.ws, username="fp_a", password="nope nope nope")
    with pytest.raises(LoginRefused) as unknown:
        login(world.ws, username="nobody", password="nope nope nope")
    assert (
        wrong.value.message("ar") == unknown.value.message("ar") == "اسم المستخدم أو كلمة المرور غير صحيحة."
    )


def test_it_pauses_an_account_after_the_configured_failures_and_stores_them(world):
    attempts = world.ws.settings.login_attempts
    for _ in range(attempts - 1):
        with pytest.raises(LoginRefused) as exc:
            login(world.ws, username="fp_a", password="wrong password")
        assert exc.value.retry_after is None and exc.value.problems[0].code.id == "WS004"
    with pytest.raises(LoginRefused) as exc:
        login(world.ws, username="fp_a", password="wrong password")
    assert exc.value.retry_after and exc.value.problems[0].code.id == "WS006"
    with pytest.raises(LoginRefused) as exc:
        login(world.ws, username="fp_a", password=PASSWORD)
    assert exc.value.retry_after
    later = utcnow() + BACKOFF_START + timedelta(seconds=1)
    actor, _ = login(world.ws, username="fp_a", password=PASSWORD, now=later)
    assert actor.username == "fp_a"
    with world.ws.reader() as s:
        user = s.scalar(select(User).where(User.username == "fp_a"))
        assert user.failed_logins == 0 and user.locked_until is None


def test_it_rate_limits_a_client_that_guesses_many_usernames(world):
    limit = world.ws.settings.login_attempts * 4
    for i in range(limit):
        with pytest.raises(LoginRefused):
            login(world.ws, username=f"guess{i}", password="x" * 12, client="198.51.100.7")
    with pytest.raises(LoginRefused) as exc:
        login(world.ws, username="fp_a", password=PASSWORD, client="198.51.100.7")
    assert exc.value.retry_after and exc.value.problems[0].code.id == "WS006"
    actor, _ = login(world.ws, username="fp_a", password=PASSWORD, client="198.51.100.8")
    assert actor.username == "fp_a"


def test_it_ends_sessions_on_sign_out_and_after_the_idle_time(world):
    _, issued = login(world.ws, username="viewer", password=PASSWORD)
    with world.ws.transaction() as s:
        with pytest.raises(NotAuthenticated):
            verify_session(s, token=issued.token, now=issued.expires_at + timedelta(seconds=1))
        verify_session(s, token=issued.token)
        revoke_session(s, token=issued.token)
    with world.ws.transaction() as s:
        for token in (issued.token, "", "x" * 500, "made-up"):
            with pytest.raises(NotAuthenticated):
                verify_session(s, token=token)


def test_it_binds_csrf_tokens_to_the_session_and_the_secret_key(world):
    settings = world.ws.settings
    token = make_csrf_token(settings, "session-1")
    assert check_csrf_token(settings, "session-1", token)
    assert not check_csrf_token(settings, "session-2", token)
    assert not check_csrf_token(settings, "session-1", token + "x")
    assert not check_csrf_token(settings, "session-1", "")
    other = settings.model_copy(update={"secret_key": "another-secret-key-0123456789abcdef0123"})
    assert not check_csrf_token(other, "session-1", token)


def test_it_issues_api_tokens_stored_hashed_and_revocable(world):
    with world.ws.transaction() as s:
        view, token = create_api_token(s, world["coord"], name="nightly export")
    assert token.startswith("rqm_") and view.prefix in token
    with world.ws.transaction() as s:
        assert verify_api_token(s, token=token).username == "coord"
        assert s.scalar(select(ApiToken.token_hash)) != token
        assert [t.name for t in list_api_tokens(s, world["coord"])] == ["nightly export"]
        assert list_api_tokens(s, world["viewer"]) == []
        revoke_api_token(s, world["coord"], token_id=view.id)
    with world.ws.transaction() as s, pytest.raises(NotAuthenticated):
        verify_api_token(s, token=token)
