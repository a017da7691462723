"""Review: the reviewer accepts or returns each answer; the focal point sees the comment and resubmits."""

from __future__ import annotations

from .world import stored


def _answer(world, indicator="LEG-01"):
    return stored(world)[indicator]


def _submit_two(focal, world):
    base = f"/assessments/{world.assessment_id}/institutions/mofa"
    focal.form(
        f"{base}/answers/LEG-01", {"answer": "3", "justification": "law 78", "expected_version": 0}, page="/"
    )
    focal.form(
        f"{base}/answers/LEG-02",
        {"answer": "1", "justification": "draft bill", "expected_version": 0},
        page="/",
    )
    focal.form(f"{base}/submit", {"pillar": "LEG"}, page="/")


def test_it_lists_submitted_answers_with_justification_for_the_reviewer(as_user, world):
    _submit_two(as_user("focal"), world)
    html = as_user("rev").get(f"/assessments/{world.assessment_id}/review").text
    assert "law 78" in html and "draft bill" in html
    assert html.count('name="decision" value="return"') == 2


def test_it_needs_a_comment_to_return_an_answer(as_user, world):
    _submit_two(as_user("focal"), world)
    r1 = _answer(world)
    r = as_user("rev").form(
        f"/responses/{r1.id}/review",
        {"decision": "return", "comment": "", "expected_version": r1.version},
        page="/",
    )
    assert r.status_code == 422
    assert _answer(world).state == "submitted"


def test_it_keeps_the_review_form_with_a_translated_error_when_htmx_returns_without_comment(as_user, world):
    _submit_two(as_user("focal"), world)
    r1 = _answer(world)
    rev = as_user("rev")
    r = rev.post(
        f"/responses/{r1.id}/review",
        data={
            "decision": "return",
            "comment": "  ",
            "expected_version": r1.version,
            "next": "/assessments",
            "csrf_token": rev.csrf("/"),
        },
        headers={"HX-Request": "true"},
    )
    assert r.status_code == 422 and "<html" not in r.text
    # the form comes back whole (it replaces itself), with the problem inside it
    assert r.text.lstrip().startswith("<form") and r.text.rstrip().endswith("</form>")
    assert 'name="comment"' in r.text and 'value="return"' in r.text and 'value="accept"' in r.text
    assert f'name="expected_version" value="{r1.version}"' in r.text and 'value="/assessments"' in r.text
    assert "WS031" in r.text and "تعليق:" in r.text and "comment:" not in r.text
    assert _answer(world).state == "submitted"


def test_it_aims_other_review_errors_inside_the_form(as_user, world):
    _submit_two(as_user("focal"), world)
    r1 = _answer(world)
    rev = as_user("rev")
    page = rev.get(f"/assessments/{world.assessment_id}/review").text
    assert f'hx-headers=\'{{"X-Error-Target": "#rvmsg-{r1.id}"}}\'' in page and f'id="rvmsg-{r1.id}"' in page
    r = rev.post(
        f"/responses/{r1.id}/review",
        data={"decision": "accept", "expected_version": r1.version - 1, "csrf_token": rev.csrf("/")},
        headers={"HX-Request": "true", "X-Error-Target": f"#rvmsg-{r1.id}"},
    )
    assert r.status_code == 409 and r.headers["hx-retarget"] == f"#rvmsg-{r1.id}"


def test_it_runs_the_return_fix_accept_cycle(as_user, world):
    focal = as_user("focal")
    _submit_two(focal, world)
    rev = as_user("rev")
    r1 = _answer(world)
    r = rev.form(
        f"/responses/{r1.id}/review",
        {
            "decision": "return",
            "comment": "أرفق نص القانون",
            "expected_version": r1.version,
            "next": "/assessments",
        },
        page="/",
    )
    assert r.status_code == 303 and r.headers["location"] == "/assessments"
    assert _answer(world).state == "returned"

    page = focal.get(f"/assessments/{world.assessment_id}/institutions/mofa").text
    assert "أرفق نص القانون" in page and "rq-returned" in page
    fixed = _answer(world)
    base = f"/assessments/{world.assessment_id}/institutions/mofa"
    focal.form(
        f"{base}/answers/LEG-01",
        {"answer": "3", "justification": "law 78, text attached", "expected_version": fixed.version},
        page="/",
    )
    focal.form(f"{base}/submit", {"pillar": "LEG"}, page="/")
    again = _answer(world)
    assert again.state == "submitted"

    r = rev.post(
        f"/responses/{again.id}/review",
        data={"decision": "accept", "expected_version": again.version, "csrf_token": rev.csrf("/")},
        headers={"HX-Request": "true"},
    )
    assert r.status_code == 200 and "<html" not in r.text
    assert _answer(world).state == "accepted"
    detail = focal.get(f"/responses/{again.id}").text
    assert "أرفق نص القانون" in detail and "law 78, text attached" in detail


def test_it_refuses_a_review_of_a_stale_version(as_user, world):
    _submit_two(as_user("focal"), world)
    r1 = _answer(world)
    r = as_user("rev").form(
        f"/responses/{r1.id}/review", {"decision": "accept", "expected_version": r1.version - 1}, page="/"
    )
    assert r.status_code == 409
    assert _answer(world).state == "submitted"


def test_it_does_not_let_a_focal_point_review(as_user, world):
    focal = as_user("focal")
    _submit_two(focal, world)
    r1 = _answer(world)
    r = focal.form(
        f"/responses/{r1.id}/review", {"decision": "accept", "expected_version": r1.version}, page="/"
    )
    assert r.status_code in (403, 404)
    assert _answer(world).state == "submitted"


def test_it_hides_answers_from_outsiders(as_user, world):
    _submit_two(as_user("focal"), world)
    r1 = _answer(world)
    outsider = as_user("outsider")
    assert outsider.get(f"/responses/{r1.id}").status_code == 404
    assert (
        outsider.form(
            f"/responses/{r1.id}/review", {"decision": "accept", "expected_version": r1.version}, page="/"
        ).status_code
        == 404
    )
    assert outsider.form(f"/responses/{r1.id}/comments", {"text": "hi"}, page="/").status_code == 404


def test_it_reviews_through_the_api(as_user, world):
    _submit_two(as_user("focal"), world)
    r1 = _answer(world)
    rev = as_user("rev")
    r = rev.post(
        f"/api/v1/responses/{r1.id}/review",
        json={"decision": "accept", "expected_version": r1.version},
        headers={"X-CSRF-Token": rev.csrf("/")},
    )
    assert r.status_code == 200 and r.json()["state"] == "accepted"


def test_accepting_on_the_review_page_also_changes_the_cards_state_badge(as_user, world):
    _submit_two(as_user("focal"), world)
    r1 = _answer(world)
    rev = as_user("rev")
    page = rev.get(f"/assessments/{world.assessment_id}/review").text
    assert f'<span id="rstate-{r1.id}">' in page
    done = rev.post(
        f"/responses/{r1.id}/review",
        data={"decision": "accept", "expected_version": r1.version, "csrf_token": rev.csrf("/")},
        headers={"HX-Request": "true"},
    )
    assert done.status_code == 200
    oob = done.text.split(f'id="rstate-{r1.id}"', 1)[1].split("</span></span>")[0]
    assert 'hx-swap-oob="true"' in oob and "text-bg-success" in oob, "the header badge is swapped to accepted"


def test_a_viewer_is_told_they_may_not_review_rather_than_that_nothing_waits(as_user, world):
    _submit_two(as_user("focal"), world)
    html = as_user("viewer").get(f"/assessments/{world.assessment_id}/review?lang=en").text
    assert "You may not review answers in this round" in html and "Nothing is waiting for review." not in html
    reviewer = as_user("rev").get(f"/assessments/{world.assessment_id}/review?lang=en").text
    assert "You may not review" not in reviewer
