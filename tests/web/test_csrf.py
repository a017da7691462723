"""Every state-changing form needs the visitor's CSRF token; without it nothing changes."""

from __future__ import annotations

from .world import stored


def _stored(world):
    return list(stored(world).values())


def _save(browser, world, **extra):
    url = f"/assessments/{world.assessment_id}/institutions/mofa/answers/LEG-01"
    return browser.post(url, data={"answer": "2", "expected_version": 0, **extra}, follow_redirects=False)


def test_it_refuses_a_form_without_a_token_and_changes_nothing(as_user, world):
    focal = as_user("focal")
    r = _save(focal, world)
    assert r.status_code == 403
    assert "انتهت صلاحية هذه الاستمارة" in r.text
    assert _stored(world) == []


def test_it_refuses_a_forged_token(as_user, world):
    focal = as_user("focal")
    assert _save(focal, world, csrf_token="forged-token").status_code == 403
    assert _stored(world) == []


def test_it_refuses_another_visitors_token(as_user, world, client):
    focal = as_user("focal")
    assert _save(focal, world, csrf_token=client.csrf()).status_code == 403
    assert _stored(world) == []


def test_it_accepts_the_token_in_the_htmx_header(as_user, world):
    focal = as_user("focal")
    token = focal.csrf("/")
    url = f"/assessments/{world.assessment_id}/institutions/mofa/answers/LEG-01"
    r = focal.post(
        url,
        data={"answer": "2", "expected_version": 0},
        headers={"X-CSRF-Token": token, "HX-Request": "true"},
    )
    assert r.status_code == 200
    assert len(_stored(world)) == 1


def test_it_renews_the_token_at_sign_in(client):
    before = client.csrf()
    client.login("coord")
    assert client.csrf("/") != before


def test_it_refuses_a_login_post_without_a_token(client):
    r = client.post("/login", data={"username": "coord", "password": "x"}, follow_redirects=False)
    assert r.status_code == 403
