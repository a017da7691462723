"""Versions: a baseline, re-plans as new versions with a change log, progress; failures leave the plan alone."""

from raqmana.roadmap import progress
from raqmana.roadmap.model import Milestone, Progress, ProgressStatus
from raqmana.roadmap.versions import ChangeKind, replan, snapshot
from tests.roadmap.inline import ini, small_roadmap


def test_a_replan_is_a_new_version_with_a_change_log():
    v1 = small_roadmap()
    base = snapshot(v1, note="adopted by the Council of Ministers", taken="2026-01-15T00:00:00+00:00")
    items = list(v1.initiatives)
    items = [*items[:-1], ini("open-data", "mof", duration=2, cost=500_000, benefit=15)]  # proactive dropped
    deps = [d for d in v1.dependencies if "proactive" not in (d.before, d.after)]
    result = replan(v1, initiatives=items, dependencies=deps, note="mid-term review")
    assert result.ok and result.roadmap.version == 2 and result.roadmap.metadata["note"] == "mid-term review"
    log = result.changes
    assert (log.from_version, log.to_version) == (1, 2)
    assert [c.initiative for c in log.of_kind(ChangeKind.ADDED)] == ["open-data"]
    assert [c.initiative for c in log.of_kind(ChangeKind.REMOVED)] == ["proactive"]
    assert log.of_kind(ChangeKind.RECOSTED) == [] and log.counts()["added"] == 1
    assert base.roadmap.version == 1 and base.roadmap.schedule == v1.schedule


def test_a_recosted_and_reassigned_initiative_is_logged_with_before_and_after():
    v1 = small_roadmap()
    items = [
        it.model_copy(update={"cost_usd": 3_500_000, "owner": "moc"}) if it.id == "pay" else it
        for it in v1.initiatives
    ]
    log = replan(v1, initiatives=items).changes
    assert [(c.before, c.after) for c in log.of_kind(ChangeKind.RECOSTED)] == [("3000000", "3500000")]
    assert [(c.before, c.after) for c in log.of_kind(ChangeKind.REASSIGNED)] == [("mof", "moc")]
    assert all(" – " in c.before and "Q" in c.after for c in log.of_kind(ChangeKind.MOVED))


def test_a_failed_replan_leaves_the_previous_version_intact():
    v1 = small_roadmap()
    before = v1.model_dump_json()
    result = replan(v1, settings=v1.settings.model_copy(update={"budget_per_year": [100_000]}))
    assert not result.ok and result.changes is None
    assert result.roadmap is v1 and v1.model_dump_json() == before
    assert "RM013" in [p.code.id for p in result.problems]


def test_progress_is_recorded_per_initiative_and_compared_with_the_plan():
    v1 = small_roadmap()
    law_end = v1.schedule.item("law").end
    v2, problems = progress.record(
        v1,
        Progress(
            initiative="law",
            status=ProgressStatus.ON_TRACK,
            percent_done=20,
            milestones=[Milestone(planned="2026-03-31")],
        ),
    )
    assert problems == [] and v1.progress == [] and v2.progress[0].percent_done == 20
    lags = progress.behind_schedule(v2, quarter=law_end)
    assert lags[0].initiative in {"law", "skills"} and {lag.initiative for lag in lags} >= {"law"}
    assert progress.planned_percent(v2, "law", law_end) == 100.0
    _, bad = progress.record(v1, Progress(initiative="nope"))
    assert [p.code.id for p in bad] == ["RM020"]
    kept = replan(v2).roadmap
    assert kept.version == 2 and kept.progress == v2.progress
