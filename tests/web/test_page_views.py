"""Page use cases (``raqmana.workspace.pages``): one typed view per page, read in one transaction, with the
same permissions as the use cases they gather."""

from __future__ import annotations

import pytest

from raqmana.workspace import pages
from raqmana.workspace.auth import load_actor
from raqmana.workspace.exceptions import NotFound

from .world import World


def _as(world: World, username: str, page, **kwargs):  # type: ignore[no-untyped-def]
    with world.ws.reader() as s:
        return page(s, load_actor(s, world.user_ids[username]), **kwargs)


def test_it_offers_people_to_assign_only_to_those_who_manage_the_round(world: World) -> None:
    managed = _as(world, "coord", pages.round_assignments, assessment_id=world.assessment_id)
    assert managed.rights.manage and {u.username for u in managed.users} >= {"focal", "rev"}
    watched = _as(world, "viewer", pages.round_assignments, assessment_id=world.assessment_id)
    assert not watched.rights.manage and watched.users == []
    assert {a.institution_code for a in watched.assignments} == {"mofa"}


def test_it_hides_a_round_from_an_outsider_on_every_page_of_it(world: World) -> None:
    for page in (
        pages.round_overview,
        pages.round_assignments,
        pages.progress_overview,
        pages.reports_overview,
    ):
        with pytest.raises(NotFound):
            _as(world, "outsider", page, assessment_id=world.assessment_id)


def test_it_lists_the_institutions_a_reviewer_may_review(world: World) -> None:
    queue = _as(world, "rev", pages.review_overview, assessment_id=world.assessment_id)
    assert queue.reviewable == ["mofa"] and set(queue.names) == {"mofa"}
    assert queue.queue == [] and queue.evidence == {}


def test_it_shows_the_signed_in_account_with_its_grants(world: World) -> None:
    me = _as(world, "focal", pages.account_overview)
    assert me.user is not None and me.user.username == "focal"
    assert [g.org_code for g in me.grants] == ["mofa"]
