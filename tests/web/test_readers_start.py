"""Where people start: after signing in each role lands where its work is, and the round page offers
only what the person may use."""

from __future__ import annotations

import re

import pytest

from raqmana.workspace import SYSTEM, responses
from raqmana.workspace.answers import Answer

from .conftest import Browser
from .test_results import ANSWERS, accept
from .world import PASSWORD


def _sign_in(app, username: str) -> str:
    with Browser(app, base_url="http://testserver") as b:
        r = b.post(
            "/login",
            data={"username": username, "password": PASSWORD, "csrf_token": b.csrf(), "next": "/"},
            follow_redirects=False,
        )
        assert r.status_code == 303
        return r.headers["location"]


@pytest.mark.parametrize(
    ("username", "page"),
    [
        ("focal", "/institutions/mofa"),  # the questionnaire of the institution they answer for
        ("rev", "/review"),  # the review queue
        ("coord", "/progress"),  # the round's progress
        ("viewer", "/results"),  # the results
    ],
)
def test_it_lands_each_role_where_its_work_is(world, app, username, page):
    assert _sign_in(app, username) == f"/assessments/{world.assessment_id}{page}"


def test_a_person_in_no_round_starts_at_the_list_of_rounds(world, app):
    assert _sign_in(app, "outsider") == "/"


def test_a_page_asked_for_before_signing_in_wins(world, app):
    with Browser(app, base_url="http://testserver") as b:
        r = b.post(
            "/login",
            data={"username": "rev", "password": PASSWORD, "csrf_token": b.csrf(), "next": "/account"},
            follow_redirects=False,
        )
    assert r.headers["location"] == "/account"


def test_the_reviewer_sees_how_many_answers_wait(world, as_user):
    with world.ws.transaction() as s:
        for indicator, value in ANSWERS["mofa"].items():
            responses.save_answer(
                s,
                SYSTEM,
                assessment_id=world.assessment_id,
                institution_code="mofa",
                indicator_id=indicator,
                answer=Answer(value),
                expected_version=0,
            )
        responses.submit(s, SYSTEM, assessment_id=world.assessment_id, institution_code="mofa")
    html = as_user("rev").get(f"/assessments/{world.assessment_id}/review?lang=en").text
    assert "4 answers are waiting for your decision." in html
    assert (
        "٤ إجابات بانتظار قرارك."
        in as_user("rev").get(f"/assessments/{world.assessment_id}/review?lang=ar").text
    )


def test_the_round_page_offers_the_review_only_to_reviewers(world, as_user):
    review_link = f'href="/assessments/{world.assessment_id}/review"'
    assert review_link in as_user("rev").get(f"/assessments/{world.assessment_id}").text
    coordinator_page = as_user("coord").get(f"/assessments/{world.assessment_id}").text
    assert review_link not in coordinator_page, "a coordinator may not review: no button that leads nowhere"
    assert f'href="/assessments/{world.assessment_id}/progress"' in coordinator_page


def test_accepted_answers_do_not_change_where_a_viewer_starts(world, app):
    accept(world, ANSWERS)
    assert _sign_in(app, "viewer").endswith("/results")


def test_the_questionnaire_says_saved_only_after_the_person_saves(world, as_user):
    with world.ws.transaction() as s:
        responses.save_answer(
            s,
            SYSTEM,
            assessment_id=world.assessment_id,
            institution_code="mofa",
            indicator_id="LEG-01",
            answer=Answer(3),
            expected_version=0,
        )
    focal = as_user("focal")
    page = focal.get(f"/assessments/{world.assessment_id}/institutions/mofa?pillar=LEG&lang=en").text
    assert "Saved (version" not in page, "nothing was saved on this page yet"
    assert "Last changed" in page
    r = focal.post(
        f"/assessments/{world.assessment_id}/institutions/mofa/answers/LEG-02?lang=en",
        data={"answer": "2", "expected_version": "0", "csrf_token": focal.csrf("/")},
        headers={"HX-Request": "true"},
    )
    assert r.status_code == 200 and "Saved (version 1)" in r.text


def test_the_round_page_names_institutions_without_their_codes(world, as_user):
    html = as_user("coord").get(f"/assessments/{world.assessment_id}?lang=ar").text
    listing = html.split('<ul class="list-group">', 1)[1].split("</ul>", 1)[0]
    assert "وزارة الخارجية" in listing and ">mofa<" not in listing, "names, not slugs"
    assert len(re.findall(r'institutions/[^"]+">([^<]+)</a>', listing)) == 2


def test_the_review_queue_shows_a_percent_answer_with_its_unit(world, as_user):
    with world.ws.transaction() as s:
        responses.save_answer(
            s,
            SYSTEM,
            assessment_id=world.assessment_id,
            institution_code="mofa",
            indicator_id="SRV-01",
            answer=Answer(50),
            expected_version=0,
        )
        responses.submit(s, SYSTEM, assessment_id=world.assessment_id, institution_code="mofa")
    rev = as_user("rev")
    assert "٥٠٪" in rev.get(f"/assessments/{world.assessment_id}/review?lang=ar").text
    assert "50%" in rev.get(f"/assessments/{world.assessment_id}/review?lang=en").text


def test_a_returned_answer_isolates_the_reviewers_words_and_name(world, as_user):
    from raqmana.workspace import review

    with world.ws.transaction() as s:
        responses.save_answer(
            s,
            SYSTEM,
            assessment_id=world.assessment_id,
            institution_code="mofa",
            indicator_id="LEG-01",
            answer=Answer(3),
            expected_version=0,
        )
        responses.submit(s, SYSTEM, assessment_id=world.assessment_id, institution_code="mofa")
        r = review.review_queue(s, SYSTEM, assessment_id=world.assessment_id)[0]
        review.review(
            s,
            SYSTEM,
            response_id=r.id,
            decision="return",
            comment="Attach the law.",
            expected_version=r.version,
        )
    page = (
        as_user("focal").get(f"/assessments/{world.assessment_id}/institutions/mofa?pillar=LEG&lang=ar").text
    )
    note = page.split('class="alert alert-warning"', 1)[1].split("</div>", 1)[0]
    assert '<bdi dir="auto">Attach the law.</bdi>' in note, (
        "an English comment keeps its full stop on its side"
    )
    assert re.search(r"— <bdi>[^<]+</bdi>، <bdi>", note), "the author's name isolated, an Arabic comma"
