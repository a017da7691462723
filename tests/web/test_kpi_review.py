"""Review of KPI figures: an institution's figure counts once a reviewer of the institution accepts it, a
returned one waits for its correction, a correction leaves the accepted figure counted until it is
accepted, a coordinator's figure is accepted as entered, and a figure entered by mistake is withdrawn
with its reason: gone from the KPIs, kept in the audit log and in what was already published."""

from __future__ import annotations

import json

from sqlalchemy import select

from raqmana.store.models import AuditEvent

FIGURE = {"kpi": "SRV-R01-K1", "period": "2026-Q1", "institution": "mofa", "value": "1200", "unit": "count"}


def post(browser, path: str, body: dict):
    return browser.post(path, json=body, headers={"X-CSRF-Token": browser.csrf("/account")})


def report(browser, **changes: str):
    r = post(browser, "/api/v1/kpis/observations", {**FIGURE, **changes})
    assert r.status_code == 200, r.text
    return r.json()


def points(browser, kpi: str = "SRV-R01-K1") -> list[tuple[str, float]]:
    trend = browser.get(f"/api/v1/kpis/{kpi}").json()["trend"]
    return [(p["period"], p["value"]) for p in trend["points"]]


def decide(browser, figure: int, decision: str, note: str = ""):
    return post(browser, f"/api/v1/kpis/observations/{figure}/review", {"decision": decision, "note": note})


def actions(world, key: str) -> list[str]:
    with world.ws.reader() as s:
        q = select(AuditEvent.action).where(
            AuditEvent.entity_type == "kpi_observation", AuditEvent.entity_id == key
        )
        return list(s.scalars(q.order_by(AuditEvent.seq)))


def test_a_focal_point_s_figure_counts_once_a_reviewer_of_the_institution_accepts_it(as_user, world):
    focal, rev = as_user("focal"), as_user("rev")  # both of mofa
    saved = report(focal)
    assert (saved["state"], saved["accepted_value"]) == ("submitted", None)
    assert points(focal) == [], "a submitted figure is not counted"
    waiting = rev.get("/api/v1/kpi-reviews").json()["waiting"]
    assert [(w["id"], w["can_review"]) for w in waiting] == [(saved["id"], True)]
    assert as_user("viewer").get("/api/v1/kpi-reviews").json() == {"waiting": [], "returned": []}
    for lang, title in (
        ("ar", "أرقام مؤشرات الأداء للمراجعة"),
        ("ckb", "ژمارەکانی پێوەرەکانی ئەدا بۆ پێداچوونەوە"),
    ):
        page = rev.get(f"/kpi-reviews?lang={lang}").text
        assert title in page and f'action="/kpis/observations/{saved["id"]}/review"' in page
    assert decide(focal, saved["id"], "accept").status_code == 403, "a focal point does not review"
    assert decide(rev, saved["id"], "return").status_code == 422, "returning needs a note"
    returned = decide(rev, saved["id"], "return", "Which register is the source?")
    assert returned.status_code == 200, returned.text
    assert returned.json()["state"] == "returned" and points(focal) == []
    assert [r["note"] for r in focal.get("/api/v1/kpi-reviews").json()["returned"]] == [
        "Which register is the source?"
    ]
    assert decide(rev, saved["id"], "accept").status_code == 422, "a returned figure is not decided"
    again = report(focal, source="civil register")
    assert (again["id"], again["state"]) == (saved["id"], "submitted")
    accepted = decide(rev, saved["id"], "accept")
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["reviewed_by"] and accepted.json()["reviewed_at"]
    assert points(focal) == [("2026-Q1", 1200.0)]
    key = "SRV-R01-K1|2026-Q1|mofa||||||"
    assert actions(world, key) == ["kpi.observe", "kpi.return", "kpi.revise", "kpi.accept"]


def test_a_correction_waiting_for_review_leaves_the_accepted_figure_counted(as_user):
    focal, rev = as_user("focal"), as_user("rev")
    figure = report(focal)["id"]
    assert decide(rev, figure, "accept").status_code == 200
    corrected = report(focal, value="1500")
    assert (corrected["state"], corrected["accepted_value"]) == ("submitted", 1200.0)
    assert points(focal) == [("2026-Q1", 1200.0)]
    html = rev.get("/kpi-reviews?lang=en").text
    assert "counted now:" in html and 'action="/kpis/observations/' in html
    assert decide(rev, figure, "accept").status_code == 200
    assert points(focal) == [("2026-Q1", 1500.0)]


def test_a_coordinator_s_figure_is_accepted_as_entered_and_reviewers_stay_in_their_subtree(as_user):
    coord, rev = as_user("coord"), as_user("rev")
    saved = report(coord, institution="moi")
    assert (saved["state"], saved["accepted_value"]) == ("accepted", 1200.0)
    assert points(coord) == [("2026-Q1", 1200.0)]
    erbil = report(as_user("fp_erbil"), institution="gov-erbil", period="2026-Q2")
    assert erbil["state"] == "submitted"
    refused = decide(rev, erbil["id"], "accept")  # rev reviews mofa only
    assert refused.status_code == 403 and "MT065" in refused.text
    assert rev.get("/api/v1/kpi-reviews").json()["waiting"] == []
    scoped = as_user("rev_krg")  # a reviewer over the Kurdistan Region's subtree
    assert [w["id"] for w in scoped.get("/api/v1/kpi-reviews").json()["waiting"]] == [erbil["id"]]
    assert decide(scoped, erbil["id"], "accept").status_code == 200
    assert points(coord) == [("2026-Q1", 1200.0), ("2026-Q2", 1200.0)]


def test_a_withdrawn_figure_leaves_the_kpis_and_stays_in_the_audit_and_in_what_was_published(
    as_user, world, client
):
    coord = as_user("coord")
    saved = report(coord, institution="")  # a national figure
    assert post(coord, "/api/v1/publication/publish", {}).status_code == 200
    withdraw = f"/api/v1/kpis/observations/{saved['id']}/withdraw"
    assert post(coord, withdraw, {"reason": "  "}).status_code == 422, "withdrawing needs a reason"
    done = post(coord, withdraw, {"reason": "entered twice", "expected_version": saved["version"]})
    assert done.status_code == 200, done.text
    assert (done.json()["state"], done.json()["note"]) == ("withdrawn", "entered twice")
    assert post(coord, withdraw, {"reason": "again"}).status_code == 422
    assert points(coord) == []
    assert coord.get("/api/v1/kpis/SRV-R01-K1").json()["observations"] == []
    with world.ws.reader() as s:
        q = select(AuditEvent.actor_name, AuditEvent.before, AuditEvent.after)
        (who, before, after), *_ = s.execute(q.where(AuditEvent.action == "kpi.withdraw")).all()
    before, after = json.loads(before), json.loads(after)
    assert who == "coord" and after["reason"] == "entered twice" and before["accepted_value"] == 1200.0
    # the publication already made is immutable: it keeps the figure until the next one
    assert "1,200" in client.get("/public/kpis/SRV-R01-K1?lang=en").text
    assert post(coord, "/api/v1/publication/publish", {}).status_code == 200
    assert client.get("/public/kpis/SRV-R01-K1?lang=en").status_code == 404
    # reported again, it starts anew (a version up), accepted as the coordinator enters it
    back = report(coord, institution="")
    assert (back["id"], back["state"], back["version"]) == (
        saved["id"],
        "accepted",
        done.json()["version"] + 1,
    )


def test_a_reporter_withdraws_its_own_figure_until_something_of_it_is_accepted(as_user):
    focal, rev = as_user("focal"), as_user("rev")
    mine = report(focal)
    other = report(focal, period="2026-Q2")
    assert decide(rev, other["id"], "accept").status_code == 200
    assert (
        post(focal, f"/api/v1/kpis/observations/{mine['id']}/withdraw", {"reason": "typo"}).status_code == 200
    )
    refused = post(focal, f"/api/v1/kpis/observations/{other['id']}/withdraw", {"reason": "typo"})
    assert refused.status_code == 403, "an accepted figure is withdrawn by a reviewer"
    assert (
        post(rev, f"/api/v1/kpis/observations/{other['id']}/withdraw", {"reason": "typo"}).status_code == 200
    )
    assert points(focal) == []
    assert (
        post(rev, f"/api/v1/kpis/observations/{mine['id']}/review", {"decision": "accept"}).status_code == 422
    )


def test_a_file_from_a_focal_point_waits_for_review(as_user):
    from .test_kpi_observations import obs_csv, upload

    focal = as_user("focal")
    rows = [{**FIGURE, "period": p} for p in ("2026-Q1", "2026-Q2")]
    r = upload(focal, obs_csv(*rows))
    assert r.json() == {"created": 2, "updated": 0, "unchanged": 0, "submitted": 2}
    assert len(as_user("rev").get("/api/v1/kpi-reviews").json()["waiting"]) == 2
    page = focal.post(
        "/kpis/observations/import",
        data={"csrf_token": focal.csrf("/kpis")},
        files={"file": ("figures.csv", obs_csv({**FIGURE, "period": "2026-Q3"}), "text/csv")},
    )
    assert "رقم واحد ينتظر المراجعة." in page.text  # the focal point reads Arabic
