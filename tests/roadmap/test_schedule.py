"""Scheduling: every constraint holds, CP-SAT never does worse than greedy, and infeasible plans say why."""

import itertools

import pytest

from raqmana.roadmap import errors as E
from raqmana.roadmap import greedy
from raqmana.roadmap.instance import make
from raqmana.roadmap.model import Phase, PlanSettings, ScheduledItem, SolveStatus
from raqmana.roadmap.schedule import plan
from raqmana.roadmap.synthetic import roadmap_parts
from tests.roadmap.inline import dep, ini, violations, weighted_completion


@pytest.fixture(scope="module")
def synthetic():
    items, deps, settings = roadmap_parts(60, 150, 8, 16, seed=3, budget_slack=1.15, capacity=2)
    settings = settings.model_copy(update={"time_limit_s": 5.0})
    return items, deps, settings, plan(items, deps, settings)


def test_the_cp_sat_schedule_respects_precedence_budget_capacity_and_horizon(synthetic):
    items, deps, settings, result = synthetic
    assert result.ok, [p.render() for p in result.problems]
    assert result.schedule.status in (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE)
    assert violations(items, deps, settings, result.schedule) == []


def test_the_objective_is_benefit_times_completion_and_never_worse_than_greedy(synthetic):
    items, _deps, _settings, result = synthetic
    sch = result.schedule
    assert sch.objective == weighted_completion(items, sch.starts())
    assert sch.greedy_objective is not None and sch.objective <= sch.greedy_objective
    assert sch.bound <= sch.objective
    assert sch.gap == pytest.approx((sch.objective - sch.bound) / sch.objective) or sch.gap == 0.0
    assert sch.improvement == pytest.approx((sch.greedy_objective - sch.objective) / sch.greedy_objective)


def test_the_greedy_baseline_alone_is_feasible(synthetic):
    items, deps, settings, result = synthetic
    inst, _ = make(items, deps, settings)
    starts = greedy.schedule(inst).starts
    assert starts is not None
    as_schedule = result.schedule.model_copy(
        update={
            "items": [
                ScheduledItem(id=i, start=s, end=s + d)
                for i, s, d in zip(inst.ids, starts, inst.durations, strict=True)
            ]
        }
    )
    assert violations(items, deps, settings, as_schedule) == []
    assert weighted_completion(items, as_schedule.starts()) == result.schedule.greedy_objective


def test_slack_critical_path_and_phases_describe_the_schedule(synthetic):
    items, deps, _settings, result = synthetic
    sch = result.schedule
    by_id = {it.id: it for it in sch.items}
    assert all(it.slack >= 0 for it in sch.items)
    path = sch.critical_path
    assert path and by_id[path[-1]].end == sch.makespan == max(it.end for it in sch.items)
    assert all(by_id[p].slack == 0 and by_id[p].critical for p in path)
    edges = {(d.before, d.after) for d in deps}
    assert all((a, b) in edges and by_id[a].end <= by_id[b].start for a, b in itertools.pairwise(path))
    for it in sch.items:
        expected = Phase.SHORT if it.end <= 6 else Phase.MEDIUM if it.end <= 12 else Phase.LONG
        assert it.phase is expected
    assert sum(sch.yearly_spend) == sum(i.cost_usd for i in items)


def test_a_small_plan_is_solved_to_optimality():
    items = [
        ini("law", "a", duration=2, cost=2_000_000, benefit=10),
        ini("id", "b", duration=3, cost=6_000_000, benefit=30),
        ini("portal", "b", duration=2, cost=3_000_000, benefit=50),
        ini("skills", "c", benefit=5),
    ]
    deps = [dep("law", "id"), dep("id", "portal")]
    settings = PlanSettings(horizon_quarters=12, budget_per_year=[8_000_000], time_limit_s=5)
    sch = plan(items, deps, settings).schedule
    assert sch.status is SolveStatus.OPTIMAL and sch.gap == 0.0
    assert sch.starts() == {"law": 0, "id": 2, "portal": 5, "skills": 0}
    assert sch.critical_path == ["law", "id", "portal"]


def test_a_total_budget_too_small_says_by_how_much():
    items = [ini("a", duration=4, cost=6_000_000), ini("b", "o2", duration=4, cost=6_000_000)]
    result = plan(items, [], PlanSettings(horizon_quarters=8, budget_per_year=[5_000_000]))
    assert not result.ok and result.schedule.status is SolveStatus.INFEASIBLE
    assert [p.code for p in result.problems] == [E.TOTAL_BUDGET]
    assert result.problems[0].message("en") == (
        "The initiatives cost 12,000,000 USD in all, but the budget over the horizon is 10,000,000 USD: "
        "short by 2,000,000 USD (20.0 %)."
    )


def test_an_initiative_larger_than_any_yearly_budget_is_named():
    result = plan(
        [ini("big", duration=1, cost=8_000_000)],
        [],
        PlanSettings(horizon_quarters=8, budget_per_year=[5_000_000]),
    )
    assert [p.code for p in result.problems] == [E.YEAR_SHARE]
    assert "short by 3,000,000 USD" in result.problems[0].message("en")
    assert "3,000,000" in result.problems[0].message("ar")


def test_a_budget_that_only_fails_with_the_dependencies_gives_the_budget_that_works():
    items = [
        ini("a", duration=4, cost=9_000_000),
        ini("b", "o2", duration=4, cost=9_000_000),
        ini("c", "o3", duration=1, cost=2_000_000),
    ]
    result = plan(items, [dep("a", "b")], PlanSettings(horizon_quarters=8, budget_per_year=[10_000_000]))
    assert not result.ok
    codes = [p.code for p in result.problems]
    assert codes == [E.SOLVER_INFEASIBLE, E.BUDGET_SHORTFALL]
    needed = int(result.problems[1].params["needed"]["en"].replace(",", ""))
    assert 11_000_000 <= needed <= 11_200_000  # one year must carry 9 + 2 million
    assert "short by" in result.problems[1].message("en") and "عجز" in result.problems[1].message("ar")


def test_capacity_that_blocks_any_schedule_says_how_much_more_is_needed():
    items = [
        ini("a", "x", duration=2),
        ini("b", "y", duration=2),
        ini("c", "x", duration=2),
        ini("d", "y", duration=2),
    ]
    result = plan(items, [dep("a", "b"), dep("c", "d")], PlanSettings(horizon_quarters=4, capacity_default=1))
    assert [p.code for p in result.problems] == [E.SOLVER_INFEASIBLE, E.CAPACITY_SHORTFALL]
    assert result.problems[1].params | {} == {
        "capacity": 1,
        "horizon": 4,
        "needed": 2,
        "extra": 1,
        "quarters": 6,
    }


def test_a_chain_longer_than_the_horizon_is_named():
    items = [ini("a", duration=3), ini("b", duration=3), ini("c", duration=3)]
    result = plan(items, [dep("a", "b"), dep("b", "c")], PlanSettings(horizon_quarters=8))
    assert [p.code for p in result.problems] == [E.CHAIN_TOO_LONG]
    assert result.problems[0].params["chain"] == "a → b → c" and result.problems[0].params["excess"] == 1


def test_graph_errors_stop_the_plan_before_the_solver():
    result = plan([ini("a"), ini("b")], [dep("a", "b"), dep("b", "a"), dep("a", "zz")], PlanSettings())
    assert result.schedule is None
    assert sorted(p.code.id for p in result.problems) == ["RM002", "RM003"]


def test_a_release_quarter_and_a_lag_are_respected():
    items = [ini("a", duration=1), ini("b", "o2", duration=1, release=3)]
    sch = plan(items, [dep("a", "b", lag=2)], PlanSettings(horizon_quarters=8)).schedule
    assert sch.starts() == {"a": 0, "b": 3}
