"""Institution profiles (report files) are read by the readers of that institution only: the download,
the list of files, the job that would make one — as the institution's results page already is."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from raqmana.web import create_app
from raqmana.workspace import SYSTEM
from raqmana.workspace.jobs import run_one
from raqmana.workspace.report_jobs import enqueue_report

from .conftest import Browser
from .scope_people import add_scoped_people
from .test_results import ANSWERS, accept
from .world import World, copy_world

#: who reads moi's profile (moi is the round's other institution; the branch people work for mofa)
READS_MOI = {"coord": True, "viewer": True, "admin": True, "focal_b": True}
KEPT_OUT_OF_MOI = ["focal", "rev", "coord_a", "admin_a"]


@pytest.fixture(scope="module")
def profiled(template_world: World, tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    world = add_scoped_people(copy_world(template_world, tmp_path_factory.mktemp("scope-reports")))
    accept(world, ANSWERS)
    with world.ws.transaction() as s:
        enqueue_report(
            s,
            SYSTEM,
            assessment_id=world.assessment_id,
            scope="all-institutions",
            langs=["en"],
            formats=["html"],
            runs=0,
        )
    done = run_one(world.ws)
    assert done is not None and done.status == "done", done
    yield world
    world.ws.dispose()


@pytest.fixture(scope="module")
def browsers(profiled: World) -> Iterator[dict[str, Browser]]:
    app = create_app(profiled.settings, workspace=profiled.ws)
    opened: dict[str, Browser] = {}
    for name in [*READS_MOI, *KEPT_OUT_OF_MOI]:
        b = Browser(app, base_url="http://testserver")
        b.__enter__()
        b.login(name)
        opened[name] = b
    yield opened
    for b in opened.values():
        b.__exit__(None, None, None)


def _queued(world: World) -> int:
    from sqlalchemy import func, select

    from raqmana.store.models import Job

    with world.ws.reader() as s:
        return s.scalar(select(func.count()).select_from(Job).where(Job.status == "queued")) or 0


@pytest.mark.parametrize("who", KEPT_OUT_OF_MOI)
def test_it_answers_404_for_another_institutions_profile_as_for_its_results(profiled, browsers, who):
    b, aid = browsers[who], profiled.assessment_id
    assert b.get(f"/api/v1/assessments/{aid}/results/institutions/moi").status_code == 404
    assert b.get(f"/api/v1/assessments/{aid}/reports/files/institutions/moi-en.html").status_code == 404
    assert b.get(f"/assessments/{aid}/reports/files/institutions/moi-en.html").status_code == 404
    assert b.get(f"/api/v1/assessments/{aid}/reports/files/institutions/mofa-en.html").status_code == 200
    assert b.get(f"/api/v1/assessments/{aid}/reports/files/national-en.html").status_code in (200, 404)


@pytest.mark.parametrize("who", KEPT_OUT_OF_MOI)
def test_the_list_of_files_names_only_profiles_the_reader_may_read(profiled, browsers, who):
    b, aid = browsers[who], profiled.assessment_id
    listed = {f["subject"] for f in b.get(f"/api/v1/assessments/{aid}/reports").json()["files"]}
    assert listed == {"mofa"}
    page = b.get(f"/assessments/{aid}/reports").text
    assert "institutions/moi-en.html" not in page and "institutions/mofa-en.html" in page


@pytest.mark.parametrize("who", KEPT_OUT_OF_MOI)
def test_it_refuses_to_make_another_institutions_profile(profiled, browsers, who):
    b, aid = browsers[who], profiled.assessment_id
    before = _queued(profiled)
    r = b.post(
        f"/api/v1/assessments/{aid}/reports",
        json={"scope": "institution", "institution": "moi", "langs": ["en"], "formats": ["html"]},
        headers={"X-CSRF-Token": b.csrf("/")},
    )
    assert r.status_code == 404, r.text
    r = b.form(
        f"/assessments/{aid}/reports",
        {"scope": "institution", "institution": "moi", "langs": ["en"], "formats": ["html"]},
        page="/",
    )
    assert r.status_code == 404
    assert _queued(profiled) == before, "nothing queued"


@pytest.mark.parametrize("who", sorted(READS_MOI))
def test_readers_of_the_institution_still_get_its_profile(profiled, browsers, who):
    b, aid = browsers[who], profiled.assessment_id
    assert b.get(f"/api/v1/assessments/{aid}/reports/files/institutions/moi-en.html").status_code == 200
    listed = {f["subject"] for f in b.get(f"/api/v1/assessments/{aid}/reports").json()["files"]}
    assert "moi" in listed


def test_only_managers_of_the_whole_round_make_every_profile(profiled, browsers):
    aid = profiled.assessment_id
    body = {"scope": "all-institutions", "langs": ["en"], "formats": ["html"]}
    for who, expected in [("viewer", 403), ("coord_a", 403), ("focal", 403), ("coord", 202)]:
        b = browsers[who]
        r = b.post(f"/api/v1/assessments/{aid}/reports", json=body, headers={"X-CSRF-Token": b.csrf("/")})
        assert r.status_code == expected, (who, r.text)
    assert Path(profiled.settings.data_dir).is_dir()
