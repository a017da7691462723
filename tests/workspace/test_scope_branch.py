"""Managers of a branch (a coordinator or administrator whose grant is on one ministry or region) see the
audit log, the jobs and the users of their branch only; managers of the whole tree see everything.

``coord_a`` coordinates ministry A (``moa`` and its unit ``moa-it``); ``admin_krg`` administers the
Kurdistan Region subtree. ``fp_b`` works for ministry B, outside both branches.
"""

from __future__ import annotations

import pytest

from raqmana.workspace import NotFound
from raqmana.workspace.answers import Answer
from raqmana.workspace.audit import AuditFilters, audit_events, verify_audit_chain
from raqmana.workspace.jobs import enqueue, get_job, list_jobs
from raqmana.workspace.responses import save_answer
from raqmana.workspace.review import add_comment
from raqmana.workspace.users import get_user, list_users, set_locale
from tests.workspace.factories import World, add_user


@pytest.fixture
def branch(world: World) -> World:
    world.actors["coord_a"] = add_user(world.ws, "coord_a", "coordinator", "moa")
    world.actors["admin_krg"] = add_user(world.ws, "admin_krg", "admin", "krg")
    with world.ws.transaction() as s:
        for who, inst, text in [
            ("fp_a", "moa", "A's secret plan"),
            ("fp_b", "mob", "B's secret plan"),
            ("fp_erbil", "gov-erbil", "Erbil's secret plan"),
        ]:
            r = save_answer(
                s,
                world[who],
                assessment_id=world.assessment_id,
                institution_code=inst,
                indicator_id="P2-05",
                answer=Answer(text),
                expected_version=0,
            )
            add_comment(s, world[who], response_id=r.id, text=f"comment on {text}")
            set_locale(s, world[who], locale="ckb")
    return world


def _everything(world: World, who: str) -> list[str]:
    with world.ws.reader() as s:
        page = audit_events(s, world[who], limit=500)
        assert page.total == len(page.events)
        return [repr((e.entity_type, e.entity_id, e.action, e.before, e.after)) for e in page.events]


def test_a_branch_coordinator_reads_the_audit_events_of_its_branch_only(branch):
    seen = "\n".join(_everything(branch, "coord_a"))
    assert "A's secret plan" in seen
    assert "B's secret plan" not in seen and "Erbil's secret plan" not in seen
    assert "framework.register" not in seen and "assessment.open" not in seen, "system-wide events"
    everything = "\n".join(_everything(branch, "coord"))
    assert all(t in everything for t in ("A's", "B's", "Erbil's", "framework.register"))


def test_a_branch_administrator_reads_the_audit_events_of_its_branch_only(branch):
    seen = "\n".join(_everything(branch, "admin_krg"))
    assert "Erbil's secret plan" in seen
    assert "A's secret plan" not in seen and "B's secret plan" not in seen


def test_user_events_are_seen_by_the_managers_of_the_users_branch(branch):
    with branch.ws.reader() as s:
        about_fp_a = audit_events(
            s,
            branch["coord_a"],
            filters=AuditFilters(entity_type="user", entity_id=str(branch["fp_a"].user_id)),
        )
        about_fp_b = audit_events(
            s,
            branch["coord_a"],
            filters=AuditFilters(entity_type="user", entity_id=str(branch["fp_b"].user_id)),
        )
    assert about_fp_a.total >= 1 and about_fp_b.total == 0


def test_verifying_the_chain_still_covers_the_whole_log(branch):
    with branch.ws.reader() as s:
        report = verify_audit_chain(s, branch["coord_a"])
    assert report.ok and report.checked == _count(branch)


def _count(world: World) -> int:
    from sqlalchemy import func, select

    from raqmana.store.models import AuditEvent

    with world.ws.reader() as s:
        return int(s.scalar(select(func.count()).select_from(AuditEvent)) or 0)


def test_a_branch_coordinator_sees_the_jobs_of_its_branch_only(branch):
    with branch.ws.transaction() as s:
        mine = enqueue(s, branch["fp_a"], kind="report", payload={"assessment_id": branch.assessment_id})
        theirs = enqueue(s, branch["fp_b"], kind="report", payload={"assessment_id": branch.assessment_id})
        own = enqueue(s, branch["coord_a"], kind="report", payload={"assessment_id": branch.assessment_id})
    with branch.ws.reader() as s:
        listed = {j.id for j in list_jobs(s, branch["coord_a"]).jobs}
        assert listed == {mine.id, own.id}
        assert get_job(s, branch["coord_a"], mine.id).id == mine.id
        with pytest.raises(NotFound):
            get_job(s, branch["coord_a"], theirs.id)
        with pytest.raises(NotFound):
            get_job(s, branch["admin_krg"], mine.id)
        assert {j.id for j in list_jobs(s, branch["coord"]).jobs} >= {mine.id, theirs.id, own.id}
        assert list_jobs(s, branch["coord_a"]).total == 2


def test_a_branch_coordinator_sees_the_users_of_its_branch_with_their_grants_there(branch):
    with branch.ws.reader() as s:
        people = {u.username: u for u in list_users(s, branch["coord_a"])}
        assert {"fp_a", "rev_a", "coord_a"} <= set(people)
        assert not {"fp_b", "fp_erbil", "rev_krg", "coord", "admin", "viewer", "admin_krg"} & set(people)
        assert [g.org_code for g in people["fp_a"].grants] == ["moa"]
        with pytest.raises(NotFound):
            get_user(s, branch["coord_a"], branch["fp_b"].user_id)  # type: ignore[arg-type]
        assert get_user(s, branch["coord_a"], branch["fp_a"].user_id).username == "fp_a"  # type: ignore[arg-type]
        everyone = {u.username for u in list_users(s, branch["admin"])}
        assert {"fp_b", "coord", "viewer", "admin_krg"} <= everyone
