"""Roadmap follow-up in the web: a coordinator adopts a roadmap, each owner institution reports its
initiatives' progress per quarter (and only its own), the coordinator sees plan against actual with the
slipped initiatives and what they hold up, and re-plans as a new version with its change log."""

from __future__ import annotations

from sqlalchemy import select

from raqmana.i18n import Translated
from raqmana.roadmap import schedule as S
from raqmana.roadmap.model import Dependency, Initiative, PlanSettings, Roadmap
from raqmana.store.models import AuditEvent, KpiObservation


def small_roadmap() -> Roadmap:
    """Three initiatives: mofa's e-visa (two quarters) before moi's passport portal (two), and moi's
    registry (one), scheduled from 2026-Q1 by the ordinary scheduler."""
    initiatives = [
        Initiative(id="evisa", name=Translated(en="E-visa"), owner="mofa", duration=2, cost_usd=400_000),
        Initiative(
            id="portal", name=Translated(en="Passport portal"), owner="moi", duration=2, cost_usd=600_000
        ),
        Initiative(id="registry", name=Translated(en="Registry"), owner="moi", duration=1, cost_usd=100_000),
    ]
    deps = [Dependency(before="evisa", after="portal")]
    settings = PlanSettings(horizon_quarters=8, time_limit_s=5, budget_per_year=[5_000_000])
    result = S.plan(initiatives, deps, settings)
    assert result.ok and result.schedule is not None, result.problems
    return Roadmap(initiatives=initiatives, dependencies=deps, settings=settings, schedule=result.schedule)


def adopt(browser, roadmap: Roadmap):
    return browser.post(
        "/api/v1/followup/roadmap",
        files={"file": ("roadmap.json", roadmap.to_json().encode(), "application/json")},
        headers={"X-CSRF-Token": browser.csrf("/account")},
    )


def report(browser, **fields):
    body = {"status": "on_track", "milestones_met": 0, "spend_usd": 0, **fields}
    return browser.post(
        "/api/v1/followup/progress", json=body, headers={"X-CSRF-Token": browser.csrf("/account")}
    )


def test_an_owner_reports_its_own_initiatives_and_the_coordinator_sees_what_slipped(as_user, world):
    coord, focal = as_user("coord"), as_user("focal")  # focal point of mofa
    assert adopt(focal, small_roadmap()).status_code == 403
    adopted = adopt(coord, small_roadmap())
    assert adopted.status_code == 200, adopted.text
    assert adopted.json()["version"] == 1
    ok = report(
        focal,
        initiative="evisa",
        quarter="2026-Q1",
        percent_done=10,
        status="delayed",
        spend_usd=50_000,
        blockers="No e-signature law yet",
    )
    assert ok.status_code == 200, ok.text
    assert report(focal, initiative="portal", quarter="2026-Q1", percent_done=10).status_code == 403
    assert report(focal, initiative="nowhere", quarter="2026-Q1", percent_done=10).status_code == 422
    assert report(focal, initiative="evisa", quarter="2031-Q1", percent_done=10).status_code == 422
    stale = report(focal, initiative="evisa", quarter="2026-Q1", percent_done=20, expected_version=0)
    assert stale.status_code == 409
    view = coord.get("/api/v1/followup").json()["followup"]
    rows = {r["id"]: r for r in view["rows"]}
    first = rows["evisa"]
    assert (first["slipped"], first["planned_percent"], first["behind"], first["dependants"]) == (
        True,
        50.0,
        40.0,
        ["portal"],
    )
    # the registry should be done by now and nothing was reported: the most behind, listed first
    assert [r["id"] for r in view["rows"]] == ["registry", "evisa", "portal"]
    assert first["reported"]["blockers"] == "No e-signature law yet"
    assert view["spent_to_date"] == 50_000
    mine = {r["id"]: r["may_report"] for r in focal.get("/api/v1/followup").json()["followup"]["rows"]}
    assert mine == {"evisa": True, "portal": False, "registry": False}
    # progress feeds the roadmap's KPIs
    with world.ws.reader() as s:
        figures = {(o.kpi, o.period): o.value for o in s.scalars(select(KpiObservation))}
    assert figures[("roadmap_spend_usd", "2026-Q1")] == 50_000
    assert figures[("roadmap_progress", "2026-Q1")] == round(10 * 400_000 / 1_100_000, 2)
    html = coord.get("/followup?lang=en").text
    assert "Slipped by 40 points" in html and "No e-signature law yet" in html
    assert coord.get("/followup/chart.svg?lang=ar").text.startswith("<svg")


def test_a_re_plan_is_a_new_version_with_its_change_log_and_is_audited(as_user, world):
    coord = as_user("coord")
    adopt(coord, small_roadmap())
    report(coord, initiative="evisa", quarter="2026-Q2", percent_done=50, status="delayed")
    assert (
        coord.post(
            "/api/v1/followup/replan",
            json={"expected_version": 9},
            headers={"X-CSRF-Token": coord.csrf("/account")},
        ).status_code
        == 409
    )
    r = coord.post(
        "/api/v1/followup/replan",
        json={"expected_version": 1, "note": "e-visa late"},
        headers={"X-CSRF-Token": coord.csrf("/account")},
    )
    assert r.status_code == 200, r.text
    version = r.json()
    assert version["version"] == 2 and version["note"] == "e-visa late"
    moved = {
        c["initiative"]: (c["before"], c["after"])
        for c in version["changes"]["changes"]
        if c["kind"] == "moved"
    }
    # e-visa's remaining quarter from 2026-Q3, so the portal that waits for it starts in 2026-Q4
    assert moved["evisa"][1] == "2026-Q3 – 2026-Q3"
    assert moved["portal"][1].startswith("2026-Q4")
    with world.ws.reader() as s:
        actions = [e.action for e in s.scalars(select(AuditEvent).where(AuditEvent.entity_type == "roadmap"))]
    assert actions == ["roadmap.adopt", "roadmap.replan"]
    assert "e-visa late" in coord.get("/followup?lang=en").text


def test_a_file_that_is_not_a_roadmap_is_refused_with_its_reason(as_user):
    coord = as_user("coord")
    r = coord.post(
        "/api/v1/followup/roadmap",
        files={"file": ("roadmap.json", b'{"initiatives": "many"}', "application/json")},
        headers={"X-CSRF-Token": coord.csrf("/account")},
    )
    assert r.status_code == 422 and r.json()["errors"][0]["code"] == "MT056"
    assert coord.get("/api/v1/followup").json()["errors"][0]["code"] == "MT050"


def test_the_page_names_what_slipped_and_what_changed_in_the_reader_s_words(as_user):
    coord = as_user("coord")
    adopt(coord, small_roadmap())
    # reported delayed but further than planned: not "slipped by" a negative figure
    report(coord, initiative="evisa", quarter="2026-Q1", percent_done=60, status="delayed")
    html = coord.get("/followup?lang=en").text
    assert "Slipped by -" not in html
    assert "Reported delayed, ahead of plan by 10 points" in html
    # what it holds up is named, its code beside the name
    assert "holds up:" in html and "Passport portal" in html.split("holds up:")[1].split("</span></span>")[0]
    report(coord, initiative="evisa", quarter="2026-Q2", percent_done=60, status="delayed")
    r = coord.post(
        "/api/v1/followup/replan",
        json={"expected_version": 1, "note": "late"},
        headers={"X-CSRF-Token": coord.csrf("/account")},
    )
    assert r.status_code == 200, r.text
    ar = coord.get("/followup?lang=ar").text
    log = ar.split('id="versions-title"')[1]
    assert "نُقل موعدها" in log and "moved" not in log
    assert "2026-Q" not in log and "٢٠٢٦" in log
    assert "rq-chart-scroll" in ar
