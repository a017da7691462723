"""The demo's follow-up: a roadmap adopted, six quarters of illustrative figures through the ordinary
import, progress reports (one initiative delayed), a re-plan and a publication holding the KPI trends and
the roadmap's progress; run again, it adds nothing."""

from __future__ import annotations

from sqlalchemy import func, select

from raqmana.i18n import Translated, gettext
from raqmana.recommend.rules import Kpi, KpiUnit
from raqmana.roadmap import schedule as S
from raqmana.roadmap.model import Dependency, Initiative, PlanSettings, Roadmap
from raqmana.store.models import KpiObservation, ProgressReport, Publication, RoadmapVersion
from raqmana.workspace import open_workspace
from raqmana.workspace.audit import verify_audit
from raqmana.workspace.demo import seed_demo
from raqmana.workspace.followup_demo import (
    ADOPTED,
    BLOCKER,
    REPLANNED,
    RETURN_NOTE,
    REVIEWED_KPI,
    WITHDRAW_REASON,
    seed_followup,
)
from tests.workspace.factories import small_framework


def roadmap() -> Roadmap:
    kpi = Kpi(id="SRV-R02-K1", name=Translated(en="Services fully online"), unit=KpiUnit.PERCENT, target=50)
    initiatives = [
        Initiative(id="portal", owner="moc", duration=2, cost_usd=500_000, kpis=[kpi]),
        Initiative(id="eid", owner="moi", duration=3, cost_usd=900_000),
        Initiative(id="pay", owner="mof", duration=1, cost_usd=200_000),
    ]
    deps = [Dependency(before="eid", after="portal")]
    settings = PlanSettings(horizon_quarters=12, time_limit_s=5)
    plan = S.plan(initiatives, deps, settings)
    assert plan.schedule is not None
    return Roadmap(initiatives=initiatives, dependencies=deps, settings=settings, schedule=plan.schedule)


def test_the_demo_follow_up_is_seeded_once_and_published(settings):
    seed_demo(settings, framework=small_framework(), seed=7)
    ws = open_workspace(settings)
    try:
        added = seed_followup(ws, roadmap(), replan_seconds=2)
        assert added["progress_reports"] == 6 and added["observations"] > 12 * 6 * 2
        with ws.reader() as s:
            versions = s.scalars(select(RoadmapVersion).order_by(RoadmapVersion.version)).all()
            assert [v.version for v in versions] == [1, 2] and all(v.illustrative for v in versions)
            # written in the language of the coordinator who typed them (Arabic), not in English
            assert versions[1].note == gettext("ar", REPLANNED) != REPLANNED
            assert versions[0].note == gettext("ar", ADOPTED) != ADOPTED
            blockers = set(s.scalars(select(ProgressReport.blockers).where(ProgressReport.blockers != "")))
            assert blockers == {gettext("ar", BLOCKER)}
            assert s.scalar(
                select(func.count()).select_from(ProgressReport).where(ProgressReport.status == "delayed")
            )
            assert (
                s.scalar(select(func.count()).select_from(KpiObservation).where(~KpiObservation.illustrative))
                == 0
            )
            snap = s.scalars(select(Publication.snapshot).order_by(Publication.version.desc())).first()
            assert snap["roadmap"]["version"] == 2 and snap["illustrative"]
            assert {t["kpi"] for t in snap["kpi_trends"]} >= {
                "SRV-R02-K1",
                "online_transaction_share",
                "roadmap_progress",
            }
            # institutions' own figures through review: accepted, returned with a note in the reviewer's
            # language, withdrawn with its reason, one waiting for the Kurdistan Region's reviewer
            rows = s.execute(
                select(KpiObservation.state, KpiObservation.note).where(
                    KpiObservation.kpi == REVIEWED_KPI, KpiObservation.org_id.is_not(None)
                )
            ).all()
            notes = dict(rows)
            assert sorted(notes) == ["accepted", "returned", "submitted", "withdrawn"]
            assert notes["returned"] == gettext("ar", RETURN_NOTE) != RETURN_NOTE
            assert notes["withdrawn"] == gettext("ar", WITHDRAW_REASON) != WITHDRAW_REASON
            assert added["figures_reviewed"] == 4
            assert verify_audit(s).ok
        assert seed_followup(ws, roadmap()) == {}
    finally:
        ws.dispose()
