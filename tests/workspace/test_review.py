"""Review workflow: accept or return with a comment, resubmission, and what reaches scoring."""

from __future__ import annotations

import math

import pytest

from raqmana.store.models import RoleGrant
from raqmana.workspace import Conflict, Forbidden, NotFound, ValidationFailed
from raqmana.workspace.accepted import accepted_values
from raqmana.workspace.answers import Answer
from raqmana.workspace.responses import response_history, save_answer, submit
from raqmana.workspace.review import add_comment, list_comments, review, review_queue
from tests.workspace.factories import add_user


def answer_and_submit(world, who="fp_a", inst="moa", values=(("P1-01", 3),)):
    ids = {}
    with world.ws.transaction() as s:
        for ind, value in values:
            ids[ind] = save_answer(
                s,
                world[who],
                assessment_id=world.assessment_id,
                institution_code=inst,
                indicator_id=ind,
                answer=Answer(value),
                expected_version=0,
            ).id
        submit(s, world[who], assessment_id=world.assessment_id, institution_code=inst)
    return ids


def decide(world, who, response_id, decision, comment="", version=2):
    with world.ws.transaction() as s:
        return review(
            s,
            world[who],
            response_id=response_id,
            decision=decision,
            comment=comment,
            expected_version=version,
        )


def test_it_accepts_a_submitted_answer(world):
    rid = answer_and_submit(world)["P1-01"]
    v = decide(world, "rev_a", rid, "accept")
    assert v.state == "accepted" and v.version == 3 and v.reviewed_by == "Rev A"


def test_it_needs_a_comment_to_return_an_answer(world):
    rid = answer_and_submit(world)["P1-01"]
    with pytest.raises(ValidationFailed) as exc:
        decide(world, "rev_a", rid, "return", comment="   ")
    assert exc.value.problems[0].code.id == "WS031"
    assert exc.value.problems[0].location.field == "comment"


def test_it_shows_the_return_comment_to_the_focal_point_who_resubmits(world):
    rid = answer_and_submit(world)["P1-01"]
    decide(world, "rev_a", rid, "return", comment="Which decree? Attach it.")
    with world.ws.transaction() as s:
        comments = list_comments(s, world["fp_a"], response_id=rid)
        assert [(c.kind, c.text, c.author) for c in comments] == [
            ("return", "Which decree? Attach it.", "Rev A")
        ]
        v = save_answer(
            s,
            world["fp_a"],
            assessment_id=world.assessment_id,
            institution_code="moa",
            indicator_id="P1-01",
            answer=Answer(2, justification="Decree 12/2025"),
            expected_version=3,
        )
        assert v.state == "draft"
        submit(s, world["fp_a"], assessment_id=world.assessment_id, institution_code="moa")
    v = decide(world, "rev_a", rid, "accept", version=5)
    assert v.state == "accepted" and v.stage == 2
    with world.ws.reader() as s:
        actions = [h.action for h in response_history(s, world["fp_a"], rid)]
    assert actions == ["save", "submit", "return", "save", "submit", "accept"]


def test_it_refuses_to_review_drafts_and_own_answers(world):
    with world.ws.transaction() as s:
        draft_id = save_answer(
            s,
            world["fp_a"],
            assessment_id=world.assessment_id,
            institution_code="moa",
            indicator_id="P1-02",
            answer=Answer(1),
            expected_version=0,
        ).id
    with pytest.raises(Forbidden) as exc:
        decide(world, "rev_a", draft_id, "accept", version=1)
    assert exc.value.problems[0].code.id == "WS032"
    world.actors["both"] = both = add_user(world.ws, "both", "reviewer", "moa")
    with world.ws.transaction() as s:
        s.add(RoleGrant(user_id=both.user_id, role="focal_point", org_id=None))
    world.refresh("both")
    rid = answer_and_submit(world, who="both", values=(("P1-03", 4),))["P1-03"]
    with pytest.raises(Forbidden) as exc:
        decide(world, "both", rid, "accept")
    assert exc.value.problems[0].code.id == "WS010"


def test_it_keeps_reviewers_inside_their_subtree(world):
    rid = answer_and_submit(world)["P1-01"]
    with pytest.raises(NotFound):
        decide(world, "rev_krg", rid, "accept")
    with world.ws.reader() as s:
        assert review_queue(s, world["rev_krg"], assessment_id=world.assessment_id) == []
        assert [r.id for r in review_queue(s, world["rev_a"], assessment_id=world.assessment_id)] == [rid]


def test_it_refuses_a_stale_review_and_unknown_decisions(world):
    rid = answer_and_submit(world)["P1-01"]
    with pytest.raises(Conflict):
        decide(world, "rev_a", rid, "accept", version=1)
    with pytest.raises(ValidationFailed):
        decide(world, "rev_a", rid, "approve")


def test_it_lets_a_reviewer_return_an_accepted_answer_again(world):
    rid = answer_and_submit(world)["P1-01"]
    decide(world, "rev_a", rid, "accept")
    v = decide(world, "rev_a", rid, "return", comment="The evidence expired.", version=3)
    assert v.state == "returned"


def test_it_feeds_only_accepted_values_to_scoring_with_provenance(world):
    ids = answer_and_submit(world, values=(("P1-01", 3), ("P1-02", 1), ("P2-01", "yes"), ("P2-04", "shared")))
    for ind in ("P1-01", "P2-01", "P2-04"):
        decide(world, "rev_a", ids[ind], "accept")
    decide(world, "rev_a", ids["P1-02"], "return", comment="too low?")
    with world.ws.transaction() as s:
        save_answer(
            s,
            world["fp_b"],
            assessment_id=world.assessment_id,
            institution_code="mob",
            indicator_id="P1-01",
            answer=Answer(5),
            expected_version=0,
        )
        add_comment(s, world["rev_a"], response_id=ids["P1-01"], text="fine")
        av = accepted_values(s, world.assessment_id)
    assert set(av.cells) == {("moa", "P1-01"), ("moa", "P2-01"), ("moa", "P2-04")}
    cell = av.cells[("moa", "P1-01")]
    assert cell.value == 3.0 and cell.assessor == "Fp A" and cell.reviewed_by == "Rev A" and cell.version == 3
    values, na = av.matrix()
    row, col = av.institutions.index("moa"), av.indicators.index("P2-04")
    assert values[row, col] == 0.5 and values[row, av.indicators.index("P2-01")] == 1.0
    assert math.isnan(values[av.institutions.index("mob"), av.indicators.index("P1-01")])
    assert not na.any()


def test_it_hides_scoring_input_from_outsiders(world):
    with world.ws.reader() as s, pytest.raises(NotFound):
        accepted_values(s, world.assessment_id, actor=world["outsider"])
