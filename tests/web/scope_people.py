"""People with branch-scoped and whole-tree management roles, added to a web test world.

* ``coord_a`` — coordinator of the ``mofa`` branch only
* ``admin_a`` — administrator of the ``mofa`` branch only
* ``focal_b`` — focal point of ``moi`` (the other institution of the round), assigned to it

``admin`` (administrator over the whole tree) is one of the world's people already. Passwords are the
world's.
"""

from __future__ import annotations

from sqlalchemy import select

from raqmana.store.models import User
from raqmana.workspace import SYSTEM, assignments, users

from .world import PASSWORD, World

SCOPED = [
    ("coord_a", "coordinator", "mofa"),
    ("admin_a", "admin", "mofa"),
    ("focal_b", "focal_point", "moi"),
]


def add_scoped_people(world: World) -> World:
    with world.ws.transaction() as s:
        for username, role, org in SCOPED:
            known = s.scalar(select(User.id).where(User.username == username))
            if known is not None:  # the shared world may already have this person (e.g. ``admin``)
                world.user_ids[username] = known
                continue
            u = users.create_user(
                s,
                SYSTEM,
                username=username,
                password=PASSWORD,
                display_name=username.replace("_", " ").title(),
                locale="en",
            )
            users.grant_role(s, SYSTEM, user_id=u.id, role=role, org_code=org)
            world.user_ids[username] = u.id
        if world.assessment_id:
            assignments.assign(
                s,
                SYSTEM,
                assessment_id=world.assessment_id,
                institution_code="moi",
                user_id=world.user_ids["focal_b"],
                role="focal_point",
            )
    return world
