"""Accounts and role grants: who may create users and hand out which roles where."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from raqmana.store.models import User
from raqmana.workspace import SYSTEM, Conflict, Forbidden, NotFound, ValidationFailed
from raqmana.workspace.auth import login
from raqmana.workspace.users import (
    change_password,
    create_user,
    get_user,
    grant_role,
    list_users,
    revoke_grant,
    set_password,
)
from tests.workspace.factories import PASSWORD, add_user


def test_it_creates_an_account_with_an_argon2_hash(world):
    with world.ws.transaction() as s:
        u = create_user(
            s,
            world["admin"],
            username="Sara.K",
            password="long enough pw",
            display_name="Sara K",
            locale="ckb",
        )
        stored = s.scalar(select(User.password_hash).where(User.id == u.id))
    assert u.username == "sara.k" and stored.startswith("$argon2id$")
    actor, _ = login(world.ws, username="sara.k", password="long enough pw")
    assert actor.locale == "ckb"


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"username": "x"}, "WS050"),
        ({"username": "with space"}, "WS050"),
        ({"password": "short"}, "WS052"),
        ({"display_name": "  "}, "WS056"),
        ({"locale": "fr"}, "WS054"),
    ],
)
def test_it_refuses_bad_account_fields(world, fields, code):
    args = {
        "username": "newuser",
        "password": "long enough pw",
        "display_name": "New",
        "locale": "ar",
        **fields,
    }
    with world.ws.transaction() as s, pytest.raises(ValidationFailed) as exc:
        create_user(s, world["admin"], **args)
    assert exc.value.problems[0].code.id == code


def test_it_refuses_a_taken_username_and_non_managers(world):
    with world.ws.transaction() as s, pytest.raises(Conflict):
        create_user(s, world["admin"], username="fp_a", password="long enough pw", display_name="X")
    for who in ("fp_a", "viewer", "outsider"):
        with world.ws.transaction() as s, pytest.raises(Forbidden):
            create_user(s, world[who], username="newuser", password="long enough pw", display_name="X")
        with world.ws.reader() as s, pytest.raises(Forbidden):
            list_users(s, world[who])


def test_it_lets_a_subtree_coordinator_grant_working_roles_inside_its_subtree_only(world):
    krg_coord = add_user(world.ws, "krg_coord", "coordinator", "krg")
    target = add_user(world.ws, "newcomer").user_id  # nobody's role yet
    with world.ws.transaction() as s:
        g = grant_role(s, krg_coord, user_id=target, role="focal_point", org_code="gov-erbil")
        assert g.org_code == "gov-erbil"
    for role, org in (
        ("focal_point", "moa"),
        ("admin", "gov-erbil"),
        ("coordinator", "krg"),
        ("viewer", None),
    ):
        with world.ws.transaction() as s, pytest.raises(Forbidden):
            grant_role(s, krg_coord, user_id=target, role=role, org_code=org)
    with world.ws.transaction() as s, pytest.raises(ValidationFailed):
        grant_role(s, world["admin"], user_id=target, role="superuser", org_code=None)
    with world.ws.transaction() as s, pytest.raises(NotFound):
        grant_role(s, world["admin"], user_id=target, role="viewer", org_code="no-such-org")
    with world.ws.transaction() as s:
        revoke_grant(s, krg_coord, grant_id=g.id)
        assert get_user(s, world["admin"], target).grants == ()


def test_it_hides_other_users_from_non_managers(world):
    with world.ws.reader() as s:
        assert get_user(s, world["fp_a"], world["fp_a"].user_id).username == "fp_a"
        with pytest.raises(NotFound):
            get_user(s, world["fp_a"], world["fp_b"].user_id)


def test_it_changes_and_resets_passwords(world):
    with world.ws.transaction() as s, pytest.raises(ValidationFailed):
        change_password(s, world["fp_a"], old_password="wrong one!!", new_password="brand new password")
    with world.ws.transaction() as s:
        change_password(s, world["fp_a"], old_password=PASSWORD, new_password="brand new password")
    login(world.ws, username="fp_a", password="brand new password")
    with world.ws.transaction() as s, pytest.raises(Forbidden):
        set_password(s, world["coord"], user_id=world["fp_a"].user_id, password="another long one")
    with world.ws.transaction() as s:
        set_password(s, SYSTEM, user_id=world["fp_a"].user_id, password="another long one")
    login(world.ws, username="fp_a", password="another long one")
