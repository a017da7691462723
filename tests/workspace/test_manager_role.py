"""Who is a manager: an administrator or a coordinator, of the whole tree or of a branch (and the system).
Opening a round, importing a round archive and managing accounts all ask the one rule
(:attr:`raqmana.workspace.Actor.is_manager`) before their own checks of what the grants cover."""

from __future__ import annotations

import pytest

from raqmana.workspace import SYSTEM, Forbidden, ValidationFailed
from raqmana.workspace.assessments import open_round
from raqmana.workspace.exchange_import import import_round, may_import
from raqmana.workspace.users import list_users
from tests.workspace.factories import PERSONAS, add_user

MANAGERS = {"admin", "coord", "krg_coord"}


def _people(world):  # type: ignore[no-untyped-def]
    people = {name: world[name] for name in PERSONAS}
    people["krg_coord"] = add_user(world.ws, "krg_coord", "coordinator", "krg")
    return people


def test_it_counts_administrators_and_coordinators_of_any_branch_as_managers(world):
    people = _people(world)
    assert {name for name, actor in people.items() if actor.is_manager} == MANAGERS
    assert SYSTEM.is_manager


def test_opening_rounds_importing_archives_and_listing_accounts_ask_the_same_rule(world):
    for name, actor in _people(world).items():
        manager = name in MANAGERS
        assert may_import(actor) is manager, name
        with world.ws.reader() as s:
            # a manager is let through to the round's own checks: no institution named
            with pytest.raises(ValidationFailed if manager else Forbidden):
                open_round(
                    s,
                    actor,
                    framework_version_id=world.framework_version_id,
                    name="x",
                    period="2026",
                    institution_codes=[],
                )
            # a manager is let through to the archive's own checks: not a ZIP file
            with pytest.raises(ValidationFailed if manager else Forbidden):
                import_round(s, actor, data=b"not a zip", filename="round.zip", blobs=world.ws.blobs)
            if manager:
                assert list_users(s, actor)
            else:
                with pytest.raises(Forbidden):
                    list_users(s, actor)
