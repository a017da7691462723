"""What-if: a budget cut or a slipped initiative, re-planned and compared with the plan."""

from raqmana.roadmap import schedule as S
from raqmana.roadmap.model import SolveStatus
from raqmana.roadmap.whatif import Scenario, budget_cut, slip, what_if
from tests.roadmap.inline import small_roadmap, violations


def test_a_budget_cut_of_30_percent_stretches_the_plan_and_lists_what_moved():
    rm = small_roadmap()
    result = what_if(rm, budget_cut(0.3))
    assert result.status in (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE)
    assert result.objective_before == rm.schedule.objective
    assert result.delta_objective > 0 and result.delta_makespan >= 0
    assert all(spent <= 4_200_000 for spent in result.spend_after)
    assert result.changed and all(
        c.start_after != c.start_before or c.end_after != c.end_before for c in result.changed
    )
    assert result.scenario.name.ckb == "کەمکردنەوەی بودجە بە ڕێژەی 30٪"
    assert rm.settings.budget_per_year == [6_000_000]  # the roadmap itself is unchanged


def test_a_dependency_that_slips_two_quarters_pushes_it_and_what_waits_for_it():
    rm = small_roadmap()
    planned = rm.schedule.starts()
    result = what_if(rm, slip("id", 2))
    moved = {c.id: c for c in result.changed}
    assert moved["id"].start_after >= planned["id"] + 2
    assert moved["portal"].start_after >= moved["id"].end_after
    assert result.summary()["changed"][0]["shift"] == result.changed[0].shift
    # the re-planned schedule itself respects every constraint
    items = [
        it.model_copy(update={"release": planned["id"] + 2}) if it.id == "id" else it for it in rm.initiatives
    ]
    replanned = S.plan(items, rm.dependencies, rm.settings, hint=planned).schedule
    assert violations(items, rm.dependencies, rm.settings, replanned) == []


def test_a_cut_that_leaves_no_schedule_reports_the_budget_shortfall():
    result = what_if(small_roadmap(), budget_cut(0.8))
    assert result.status is SolveStatus.INFEASIBLE and result.objective_after is None
    assert [p["code"] for p in result.problems] == ["RM012", "RM012", "RM013"]  # id, pay; and the total
    assert result.problems[2]["message"] == (
        "The initiatives cost 14,300,000 USD in all, but the budget over the "
        "horizon is 4,800,000 USD: short by 9,500,000 USD (197.9 %)."
    )


def test_an_unknown_initiative_in_a_scenario_is_reported():
    result = what_if(small_roadmap(), Scenario(slips={"nope": 2}))
    assert [p["code"] for p in result.problems] == ["RM020"]
