"""Four eyes: nobody grants a role to themselves or assigns themselves to an institution of a round
(a coordinator could otherwise make itself a focal point and answer); another manager must. The rule is a
setting (``RAQMANA_FOUR_EYES``), on by default."""

from __future__ import annotations

import pytest

from raqmana.workspace import Forbidden
from raqmana.workspace.assignments import assign
from raqmana.workspace.policy import SESSION_KEY, Policy
from raqmana.workspace.users import grant_role
from tests.workspace.factories import World


def test_a_coordinator_may_not_grant_itself_a_role(world: World):
    coord = world["coord"]
    with world.ws.transaction() as s, pytest.raises(Forbidden) as refused:
        grant_role(s, coord, user_id=coord.user_id, role="focal_point", org_code="moa")
    assert "yourself" in refused.value.message("en")
    with world.ws.transaction() as s:
        granted = grant_role(s, world["admin"], user_id=coord.user_id, role="focal_point", org_code="moa")
    assert granted.role == "focal_point", "another manager may"


def test_a_coordinator_may_not_assign_itself_to_answer(world: World):
    coord = world["coord"]
    with world.ws.transaction() as s, pytest.raises(Forbidden):
        assign(
            s,
            coord,
            assessment_id=world.assessment_id,
            institution_code="moa",
            user_id=coord.user_id,
            role="focal_point",
        )
    with world.ws.transaction() as s:
        assign(
            s,
            world["admin"],
            assessment_id=world.assessment_id,
            institution_code="moa",
            user_id=coord.user_id,
            role="focal_point",
        )


def test_an_installation_may_turn_the_rule_off(world: World):
    coord = world["coord"]
    with world.ws.transaction() as s:
        s.info[SESSION_KEY] = Policy(four_eyes=False)
        assert grant_role(s, coord, user_id=coord.user_id, role="viewer", org_code="moa").role == "viewer"
