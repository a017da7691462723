"""Schedule initiatives: checks, greedy baseline, LP relaxation, CP-SAT, and the report of the result.

1. Feasibility checks name the constraint that cannot be met and by how much (no solver call).
2. The greedy baseline (benefit ÷ duration) gives a first schedule and the figure to beat.
3. The LP relaxation gives a lower bound and an α-point schedule.
4. CP-SAT starts from the better schedule and runs for what is left of the time limit.
The result is checked against every constraint before it is returned.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from raqmana.i18n.catalog import ui
from raqmana.problems import Location, Problem, split
from raqmana.roadmap import analysis, cpsat, feasibility, greedy, relax, shortfall
from raqmana.roadmap import errors as E
from raqmana.roadmap.instance import Instance, make, objective, verify
from raqmana.roadmap.model import Dependency, Initiative, PlanSettings, Schedule, SolveStatus


@dataclass
class ScheduleResult:
    schedule: Schedule | None
    problems: list[Problem] = field(default_factory=list)
    instance: Instance | None = None

    @property
    def ok(self) -> bool:
        return self.schedule is not None and self.schedule.status not in (
            SolveStatus.INFEASIBLE,
            SolveStatus.UNKNOWN,
        )


def _settings_problems(settings: PlanSettings) -> list[Problem]:
    out = []
    if any(b <= 0 for b in settings.budget_per_year) or not settings.budget_per_year:
        out.append(
            Problem(
                E.BAD_SETTING,
                Location(field="budget_per_year"),
                {
                    "field": "budget_per_year",
                    "detail": ui("every yearly budget must be above 0").as_dict(),
                },
            )
        )
    return out


def plan(
    initiatives: Sequence[Initiative],
    dependencies: Sequence[Dependency],
    settings: PlanSettings,
    *,
    hint: dict[str, int] | None = None,
    owner_names: Mapping[str, str | dict[str, str]] | None = None,
) -> ScheduleResult:
    """Schedule ``initiatives``; problems say why there is no schedule (the result is never partial)."""
    t0 = time.perf_counter()
    problems = _settings_problems(settings)
    inst, graph_problems = make(initiatives, dependencies, settings)
    problems += graph_problems
    if split(problems)[0]:
        return ScheduleResult(None, problems, inst)
    blocking = feasibility.check(inst, owner_names)
    if blocking:
        return ScheduleResult(Schedule(status=SolveStatus.INFEASIBLE), problems + blocking, inst)

    base = greedy.schedule(inst)
    lp = relax.solve(inst)
    if not lp.feasible:
        problems += [Problem(E.SOLVER_INFEASIBLE), *shortfall.explain(inst, settings.capacity_default)]
        return ScheduleResult(Schedule(status=SolveStatus.INFEASIBLE), problems, inst)
    candidates = [
        s for s in (base.starts, lp.starts, _hint(inst, hint)) if s is not None and not verify(inst, s)
    ]
    start_from = min(candidates, key=lambda s: objective(inst, s)) if candidates else None

    left = max(settings.time_limit_s - (time.perf_counter() - t0) - 0.3, 1.0)  # 0.3 s for the report
    res = cpsat.solve(
        inst,
        hint=start_from,
        time_limit=left,
        workers=settings.workers,
        gap_limit=settings.gap_limit,
        lower_bound=lp.bound,
    )
    if res.status == "infeasible":
        problems += [Problem(E.SOLVER_INFEASIBLE), *shortfall.explain(inst, settings.capacity_default)]
        return ScheduleResult(Schedule(status=SolveStatus.INFEASIBLE), problems, inst)
    starts = res.starts if res.starts is not None else start_from
    if starts is None:
        problems.append(Problem(E.NO_SOLUTION_IN_TIME, params={"seconds": round(settings.time_limit_s)}))
        problems += shortfall.explain(inst, settings.capacity_default)
        return ScheduleResult(Schedule(status=SolveStatus.UNKNOWN), problems, inst)
    if start_from is not None and objective(inst, start_from) < objective(inst, starts):
        starts = start_from
    if base.starts is None:  # only worth saying when a schedule was found all the same
        problems.append(Problem(E.GREEDY_FAILED, params={"id": base.failed or ""}))
    violations = verify(inst, starts)
    if violations:  # a defect, not bad input: never hand out a schedule that breaks a constraint
        raise RuntimeError("schedule violates constraints: " + "; ".join(violations[:5]))
    return ScheduleResult(_report(inst, starts, res, lp.bound, base.starts, settings, t0), problems, inst)


def _hint(inst: Instance, hint: dict[str, int] | None) -> list[int] | None:
    if not hint or any(i not in hint for i in inst.ids):
        return None
    return [hint[i] for i in inst.ids]


def _report(
    inst: Instance,
    starts: list[int],
    res: cpsat.SolveResult,
    lp_bound: float | None,
    greedy_starts: list[int] | None,
    settings: PlanSettings,
    t0: float,
) -> Schedule:
    obj = objective(inst, starts)
    bounds = [b for b in (res.bound, lp_bound) if b is not None]
    bound = max(bounds) if bounds else None
    gap = max(obj - bound, 0.0) / obj if bound is not None and obj else None
    if (res.status == "optimal" and res.objective == obj) or (bound is not None and obj - bound < 1):
        status, gap = SolveStatus.OPTIMAL, 0.0
    elif res.starts is not None:
        status = SolveStatus.FEASIBLE
    else:
        status = SolveStatus.GREEDY
    greedy_obj = objective(inst, greedy_starts) if greedy_starts is not None else None
    items, path = analysis.items(inst, starts, settings)
    return Schedule(
        status=status,
        items=items,
        objective=obj,
        bound=bound,
        gap=gap,
        greedy_objective=greedy_obj,
        improvement=(greedy_obj - obj) / greedy_obj if greedy_obj else None,
        solve_seconds=round(time.perf_counter() - t0, 3),
        makespan=max((it.end for it in items), default=0),
        critical_path=path,
        yearly_spend=analysis.yearly_spend(inst, starts),
    )
