"""The scheduling problem in plain arrays, shared by the checks, the greedy baseline and CP-SAT.

``verify`` checks a schedule against every constraint without trusting whoever produced it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from raqmana.problems import Problem
from raqmana.roadmap import dag
from raqmana.roadmap.model import Dependency, Initiative, PlanSettings
from raqmana.roadmap.quarters import Calendar, budgets, year_costs


@dataclass
class Instance:
    ids: list[str]
    durations: list[int]
    costs: list[int]
    benefits: list[int]
    owners: list[str]
    releases: list[int]
    graph: dag.Graph
    horizon: int
    calendar: Calendar
    budgets: list[int]
    capacity: dict[str, int]
    _year_cost: dict[tuple[int, int], list[int]] = field(default_factory=dict, repr=False)

    @property
    def n(self) -> int:
        return len(self.ids)

    @property
    def n_years(self) -> int:
        return len(self.budgets)

    def year_cost(self, i: int, start: int) -> list[int]:
        """Spend of initiative ``i`` per fiscal year if it starts in quarter ``start``."""
        key = (i, start)
        out = self._year_cost.get(key)
        if out is None:
            out = year_costs(self.costs[i], self.durations[i], start, self.calendar, self.n_years)
            self._year_cost[key] = out
        return out

    def owner_groups(self) -> dict[str, list[int]]:
        groups: dict[str, list[int]] = {}
        for i, o in enumerate(self.owners):
            groups.setdefault(o, []).append(i)
        return groups


def make(
    initiatives: Sequence[Initiative], dependencies: Sequence[Dependency], settings: PlanSettings
) -> tuple[Instance, list[Problem]]:
    """The instance (only initiatives with unique ids) and the graph's problems (unknown ids, cycle)."""
    g, problems = dag.build(initiatives, dependencies)
    cycle = dag.find_cycle(g)
    if cycle:
        problems.append(dag.cycle_problem(cycle))
    by_id = {it.id: it for it in initiatives}
    items = [by_id[i] for i in g.ids]
    cal = Calendar(settings.start_year, settings.start_quarter)
    n_years = cal.n_years(settings.horizon_quarters)
    owners = [it.owner for it in items]
    inst = Instance(
        ids=list(g.ids),
        durations=[it.duration for it in items],
        costs=[it.cost_usd for it in items],
        benefits=[it.benefit for it in items],
        owners=owners,
        releases=[it.release for it in items],
        graph=g,
        horizon=settings.horizon_quarters,
        calendar=cal,
        budgets=budgets(settings.budget_per_year, n_years),
        capacity={o: settings.capacity_of(o) for o in set(owners)},
    )
    return inst, problems


def objective(inst: Instance, starts: Sequence[int]) -> int:
    """Σ benefit × completion time (end quarter)."""
    return sum(b * (s + d) for b, s, d in zip(inst.benefits, starts, inst.durations, strict=True))


def spend_per_year(inst: Instance, starts: Sequence[int]) -> list[int]:
    spend = [0] * inst.n_years
    for i, s in enumerate(starts):
        for y, c in enumerate(inst.year_cost(i, s)):
            spend[y] += c
    return spend


def verify(inst: Instance, starts: Sequence[int]) -> list[str]:
    """Every violated constraint of the schedule ``starts`` (empty: the schedule is feasible)."""
    out: list[str] = []
    if len(starts) != inst.n:
        return [f"{len(starts)} start quarters for {inst.n} initiatives"]
    for i, s in enumerate(starts):
        if s < inst.releases[i]:
            out.append(f"{inst.ids[i]} starts in quarter {s}, before its release {inst.releases[i]}")
        if s + inst.durations[i] > inst.horizon:
            out.append(
                f"{inst.ids[i]} ends in quarter {s + inst.durations[i]}, after the horizon {inst.horizon}"
            )
        for j, lag in inst.graph.succ[i]:
            if starts[j] < s + inst.durations[i] + lag:
                out.append(
                    f"{inst.ids[j]} starts in quarter {starts[j]} before {inst.ids[i]} ends "
                    f"(quarter {s + inst.durations[i]}, lag {lag})"
                )
    for y, (spent, budget) in enumerate(zip(spend_per_year(inst, starts), inst.budgets, strict=True)):
        if spent > budget:
            out.append(f"fiscal year {inst.calendar.year(y)} spends {spent} > budget {budget}")
    for owner, members in inst.owner_groups().items():
        k = inst.capacity[owner]
        for t in range(inst.horizon):
            running = sum(1 for i in members if starts[i] <= t < starts[i] + inst.durations[i])
            if running > k:
                out.append(f"{owner} runs {running} initiatives in quarter {t} > capacity {k}")
    return out
