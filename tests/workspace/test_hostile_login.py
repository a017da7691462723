"""Sign-in under attack: unknown names cost the same work as real ones, and nobody can lock a stranger out."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from raqmana.store.models import User
from raqmana.store.types import utcnow
from raqmana.workspace import LoginRefused
from raqmana.workspace.auth import login
from raqmana.workspace.passwords import Passwords
from tests.workspace.factories import PASSWORD


@pytest.fixture
def verified(monkeypatch):
    """The stored hash of every password check (None: the dummy hash of an unknown user)."""
    calls: list[str | None] = []
    real = Passwords.verify

    def spy(self, stored_hash, password):
        calls.append(stored_hash)
        return real(self, stored_hash, password)

    monkeypatch.setattr(Passwords, "verify", spy)
    return calls


def _refused(world, username, password="wrong password", client="192.0.2.1", now=None):
    with pytest.raises(LoginRefused) as exc:
        login(world.ws, username=username, password=password, client=client, now=now)
    return exc.value


def test_it_checks_a_password_hash_for_an_unknown_user_as_for_a_real_one(world, verified):
    real = _refused(world, "fp_a")
    unknown = _refused(world, "no-such-user")
    assert len(verified) == 2 and verified[0] is not None and verified[1] is None
    assert real.message("en") == unknown.message("en")


def test_it_checks_a_password_hash_for_a_deactivated_user(world, verified):
    with world.ws.transaction() as s:
        s.scalar(select(User).where(User.username == "fp_b")).is_active = False
    refused = _refused(world, "fp_b", password=PASSWORD)
    assert verified == [None] and refused.retry_after is None


def test_a_stranger_cannot_lock_out_the_owner_of_an_account(world):
    attempts = world.ws.settings.login_attempts
    for _ in range(attempts):
        _refused(world, "coord", client="203.0.113.66")
    refused = _refused(world, "coord", password=PASSWORD, client="203.0.113.66")
    assert refused.retry_after and refused.problems[0].code.id == "WS006"
    actor, _ = login(world.ws, username="coord", password=PASSWORD, client="192.0.2.10")
    assert actor.username == "coord"


def test_it_backs_off_exponentially_per_account_and_client(world):
    attempts = world.ws.settings.login_attempts
    now = utcnow()
    for _ in range(attempts):
        _refused(world, "fp_a", now=now)
    first = _refused(world, "fp_a", password=PASSWORD, now=now).retry_after
    assert first and first > 0
    later = now + timedelta(seconds=first + 1)
    _refused(world, "fp_a", now=later)  # one more failure after the pause: a pause twice as long
    second = _refused(world, "fp_a", password=PASSWORD, now=later).retry_after
    assert second and second >= 2 * first - 1
    done = later + timedelta(seconds=second + 1)
    actor, _ = login(world.ws, username="fp_a", password=PASSWORD, client="192.0.2.1", now=done)
    assert actor.username == "fp_a"
    # the success forgets the failures: the next mistake does not pause at once
    assert _refused(world, "fp_a", now=done).retry_after is None


def test_it_backs_off_unknown_names_like_real_ones(world):
    attempts = world.ws.settings.login_attempts
    real = [_refused(world, "fp_a").retry_after for _ in range(attempts + 1)]
    unknown = [_refused(world, "no-such-user").retry_after for _ in range(attempts + 1)]
    assert [r is None for r in real] == [r is None for r in unknown]
    assert real[-1] and unknown[-1]


def test_it_forgets_failures_that_can_pause_nothing_any_more(world):
    from raqmana.store.models import LoginThrottle

    start = utcnow()
    for i in range(10):
        _refused(world, f"invented-{i}", client=f"198.51.100.{i}", now=start)
    _refused(world, "fp_a", now=start + timedelta(hours=1))
    with world.ws.reader() as s:
        keys = sorted(s.scalars(select(LoginThrottle.key)))
    assert keys == ["client:192.0.2.1", "pair:192.0.2.1|fp_a"]
