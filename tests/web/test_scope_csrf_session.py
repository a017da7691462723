"""The CSRF token of a signed-in browser is bound to its session: a token and CSRF cookie taken from
another browser (an attacker's own visit, or another session of the same person) do not pass with this
session's cookie, and a new session gets a new token."""

from __future__ import annotations

from .conftest import Browser
from .world import World, stored

CSRF_COOKIE = "raqmana_csrf"


def _save(b: Browser, world: World, token: str):
    url = f"/assessments/{world.assessment_id}/institutions/mofa/answers/LEG-01"
    return b.post(
        url, data={"answer": "2", "expected_version": 0, "csrf_token": token}, follow_redirects=False
    )


def test_a_token_and_cookie_pair_from_another_visit_does_not_pass_with_this_session(
    world: World, as_user, client
):
    victim = as_user("focal")
    token = client.csrf()  # the attacker's own visit: a valid cookie and its token
    victim.cookies.set(CSRF_COOKIE, client.cookies[CSRF_COOKIE], domain="testserver.local")
    assert _save(victim, world, token).status_code == 403
    assert stored(world) == {}


def test_another_session_of_the_same_person_has_another_token(world: World, as_user):
    one, two = as_user("focal"), as_user("focal")
    token_one = one.csrf("/")
    assert token_one != two.csrf("/")
    two.cookies.set(CSRF_COOKIE, one.cookies[CSRF_COOKIE], domain="testserver.local")
    assert _save(two, world, token_one).status_code == 403
    assert _save(one, world, token_one).status_code == 303, "its own session's token passes"
