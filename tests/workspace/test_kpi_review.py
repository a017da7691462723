"""KPI review on SQLite and PostgreSQL: only accepted figures reach the trends the portal publishes (their
groups too), the figures per service of an additive KPI add up unless the institution gave its own total,
and a withdrawn figure leaves them while the publication made before keeps it."""

from __future__ import annotations

from raqmana.workspace import kpi_review, kpis, publication
from raqmana.workspace.actors import SYSTEM


def _report(world, who: str, **values: str) -> int:
    row = {"kpi": "SRV-R02-K1", "period": "2026-Q1", "unit": "percent", **values}
    with world.ws.transaction() as s:
        return kpis.save_observation(s, world[who], values=row).id


def _trend(world, kpi: str = "SRV-R02-K1") -> kpis.KpiTrend:
    with world.ws.reader() as s:
        (found,) = [t for t in kpis.kpi_trends(s, SYSTEM) if t.kpi == kpi] or [kpis.kpi_trend(s, SYSTEM, kpi)]
        assert found == kpis.kpi_trend(s, SYSTEM, kpi), "all KPIs at once read as each alone"
        return found


def test_only_accepted_figures_and_groups_reach_the_published_trend(world):
    a = _report(world, "fp_a", institution="moa", value="40")
    b = _report(world, "fp_b", institution="mob", value="60")
    female = _report(world, "fp_a", institution="moa", value="30", sex="female")
    assert _trend(world).points == []
    with world.ws.transaction() as s:
        kpi_review.review(s, world["rev_a"], figure_id=a, decision="accept")
        kpi_review.review(s, world["rev_a"], figure_id=female, decision="accept")
    t = _trend(world)
    assert [(p.period, p.value, p.institutions) for p in t.points] == [("2026-Q1", 40.0, 1)]
    assert [(g.group, g.value, g.figure) for g in t.groups] == [("sex", "female", 30.0)]
    with world.ws.transaction() as s:
        kpi_review.review(s, world["coord"], figure_id=b, decision="accept")
        published = publication.publish(s, world["coord"])
    assert [p.value for p in _trend(world).points] == [50.0]  # the mean of 40 and 60
    with world.ws.transaction() as s:
        kpi_review.withdraw(s, world["coord"], figure_id=b, reason="entered by mistake")
    assert [p.value for p in _trend(world).points] == [40.0]
    with world.ws.reader() as s:
        _, snapshot = publication.snapshot_version(s, published.version)
    (kept,) = [t for t in snapshot["kpi_trends"] if t["kpi"] == "SRV-R02-K1"]
    assert [p["value"] for p in kept["points"]] == [50.0], "a publication never changes"


def test_service_figures_add_up_unless_the_institution_gave_its_own_total(world):
    from raqmana.metrics.service import COLUMNS, parse_row
    from raqmana.problems import Location
    from raqmana.workspace import services

    with world.ws.transaction() as s:
        for code, owner in (("svc-a1", "moa"), ("svc-a2", "moa"), ("svc-b1", "mob")):
            values = {
                **dict.fromkeys(COLUMNS, ""),
                "code": code,
                "owner": owner,
                "name_en": code,
                "level": "2",
            }
            record, problems = parse_row(values, lambda column: Location(field=column))
            assert record is not None, problems
            services.save_service(s, SYSTEM, record=record)
    for service, value in (("svc-a1", "100"), ("svc-a2", "50"), ("svc-b1", "7")):
        _report(world, "coord", kpi="transactions", unit="count", service=service, value=value)
    assert [(p.value, p.institutions) for p in _trend(world, "transactions").points] == [(157.0, 2)]
    own = _report(world, "coord", kpi="transactions", unit="count", institution="moa", value="1000")
    assert [(p.value, p.institutions) for p in _trend(world, "transactions").points] == [(1007.0, 2)]
    with world.ws.transaction() as s:
        kpi_review.withdraw(s, world["coord"], figure_id=own, reason="the services' figures are enough")
    assert [(p.value, p.institutions) for p in _trend(world, "transactions").points] == [(157.0, 2)]
