"""The jobs and audit pages (and the round page with its many-workbook upload) in a real browser: right-to-left in Arabic, screenshots, axe-core, the chain check."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import update

from raqmana.store import jobs as queue
from raqmana.store.models import Job
from raqmana.workspace import responses
from raqmana.workspace.answers import Answer
from raqmana.workspace.auth import load_actor
from raqmana.workspace.excel_export import export_workbook
from raqmana.workspace.job_handlers import enqueue_workbook_import
from raqmana.workspace.jobs import recover_stale_jobs, run_worker
from tests.web.world import World, build_world, make_settings

from .conftest import LiveServer, axe_violations, sign_in

pytestmark = pytest.mark.browser


def _bad_workbook(world: World, coord: object) -> bytes:
    from openpyxl import load_workbook

    with world.ws.reader() as s:
        data = export_workbook(s, coord, assessment_id=world.assessment_id, institution_code="moi", lang="ar")
    wb = load_workbook(io.BytesIO(data))
    wb["الإجابات"]["E3"] = "تسعة"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


@pytest.fixture(scope="module")
def admin_world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, World, int, int]]:
    world = build_world(make_settings(tmp_path_factory.mktemp("admin-pages")))
    with world.ws.transaction() as s:
        focal, coord = (load_actor(s, world.user_ids[u]) for u in ("focal", "coord"))
        for i in range(3):
            responses.save_answer(
                s,
                focal,
                assessment_id=world.assessment_id,
                institution_code="mofa",
                indicator_id="LEG-01",
                answer=Answer(i + 1, justification=f"السبب {i}"),
                expected_version=i,
            )
    with world.ws.transaction() as s:
        with world.ws.reader() as r:
            good = export_workbook(
                r, coord, assessment_id=world.assessment_id, institution_code="mofa", lang="ar"
            )
        imported = enqueue_workbook_import(
            s,
            coord,
            settings=world.settings,
            lang="ar",
            files=[("mofa.xlsx", good), ("moi.xlsx", _bad_workbook(world, coord))],
        )
    run_worker(world.ws, once=True)
    with world.ws.transaction() as s:
        given_up = enqueue_workbook_import(s, coord, settings=world.settings, files=[])
    with world.ws.transaction() as s:
        queue.claim(s, worker="other-machine/1:1:abcd:1")
        s.execute(
            update(Job).where(Job.id == given_up.id).values(attempts=3, heartbeat_at=None)
        )  # never beat
    recover_stale_jobs(world.ws, lease_seconds=-1)
    with LiveServer(world) as server:
        yield server, world, imported.id, given_up.id
    world.ws.dispose()


@pytest.mark.parametrize("lang", ["ar", "ckb", "en"])
def test_it_renders_the_jobs_and_audit_pages_right_to_left_and_accessibly(
    admin_world, browser, artifacts: Path, lang
):  # type: ignore[no-untyped-def]
    live, world, imported, given_up = admin_world
    page = sign_in(browser, live, "coord", lang)
    problems: dict[str, object] = {}
    for name, path in {
        "jobs": "/jobs",
        "job-import": f"/jobs/{imported}",
        "job-failed": f"/jobs/{given_up}",
        "audit": "/admin/audit",
        "round-upload": f"/assessments/{world.assessment_id}",
    }.items():
        page.goto(f"{live.url}{path}?lang={lang}")
        assert page.locator("html").get_attribute("dir") == ("ltr" if lang == "en" else "rtl")
        page.screenshot(path=str(artifacts / f"{lang}-{name}.png"), full_page=True)
        if found := axe_violations(page):
            problems[name] = found
    page.goto(f"{live.url}/admin/audit?lang={lang}")
    page.click("form[action='/admin/audit/verify'] button")
    page.wait_for_selector("#verification")
    assert "alert-success" in (page.locator("#verification").get_attribute("class") or "")
    page.screenshot(path=str(artifacts / f"{lang}-audit-verified.png"), full_page=True)
    page.context.close()
    assert problems == {}
