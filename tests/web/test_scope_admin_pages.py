"""The audit, jobs and users pages (and their JSON twins) of a coordinator or administrator of one branch
show that branch only: nothing about the round's other institution, its answers, its people or their
jobs. Managers of the whole tree see it all."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from raqmana.web import create_app
from raqmana.workspace import SYSTEM, responses
from raqmana.workspace.auth import load_actor
from raqmana.workspace.report_jobs import enqueue_report
from raqmana.workspace.review import add_comment

from .conftest import Browser
from .scope_people import add_scoped_people
from .test_results import ANSWERS, accept
from .world import World, copy_world

SECRET_B = "moi-secret-comment"
SEEN_A = "mofa-visible-comment"


@pytest.fixture(scope="module")
def branch(template_world: World, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[World, int]]:
    world = add_scoped_people(copy_world(template_world, tmp_path_factory.mktemp("scope-admin")))
    accept(world, ANSWERS)
    with world.ws.transaction() as s:
        for code, text in (("moi", SECRET_B), ("mofa", SEEN_A)):
            first = responses.list_responses(
                s, SYSTEM, assessment_id=world.assessment_id, institution_code=code
            )[0]
            add_comment(s, SYSTEM, response_id=first.id, text=text)
        job = enqueue_report(
            s,
            load_actor(s, world.user_ids["focal_b"]),
            assessment_id=world.assessment_id,
            scope="institution",
            institution="moi",
            langs=["en"],
            formats=["html"],
        )
    yield world, job.id
    world.ws.dispose()


@pytest.fixture(scope="module")
def signed_in(branch) -> Iterator[dict[str, Browser]]:
    world, _ = branch
    app = create_app(world.settings, workspace=world.ws)
    out = {}
    for name in ("coord_a", "admin_a", "coord"):
        b = Browser(app, base_url="http://testserver")
        b.__enter__()
        b.login(name)
        out[name] = b
    yield out
    for b in out.values():
        b.__exit__(None, None, None)


@pytest.mark.parametrize("who", ["coord_a", "admin_a"])
def test_the_audit_log_of_a_branch_manager_leaves_out_other_institutions(signed_in, who):
    b = signed_in[who]
    for url in ("/api/v1/admin/audit?limit=500", "/admin/audit?lang=en"):
        body = b.get(url).text
        assert SEEN_A in body and SECRET_B not in body, url
    assert SECRET_B in signed_in["coord"].get("/api/v1/admin/audit?limit=500").text


@pytest.mark.parametrize("who", ["coord_a", "admin_a"])
def test_the_jobs_of_a_branch_manager_leave_out_other_branches(branch, signed_in, who):
    _, job_b = branch
    b = signed_in[who]
    assert job_b not in [j["id"] for j in b.get("/api/v1/jobs").json()["jobs"]]
    assert f"/jobs/{job_b}" not in b.get("/jobs").text
    assert b.get(f"/api/v1/jobs/{job_b}").status_code == 404
    assert job_b in [j["id"] for j in signed_in["coord"].get("/api/v1/jobs").json()["jobs"]]


@pytest.mark.parametrize("who", ["coord_a", "admin_a"])
def test_the_users_of_a_branch_manager_are_those_of_the_branch(signed_in, who):
    b = signed_in[who]
    listed = {u["username"]: u for u in b.get("/api/v1/admin/users").json()["users"]}
    assert {"focal", "rev"} <= set(listed)
    assert not {"focal_b", "coord", "viewer", "outsider"} & set(listed)
    assert all(g["org_code"] == "mofa" for u in listed.values() for g in u["grants"])
    page = b.get("/admin/users").text
    assert "focal_b" not in page and "Focal B" not in page and "rev" in page
    everyone = {u["username"] for u in signed_in["coord"].get("/api/v1/admin/users").json()["users"]}
    assert {"focal_b", "viewer", "outsider"} <= everyone
