"""The CP-SAT model: a time-indexed schedule over quarters.

One Boolean per (initiative, possible start quarter), exactly one of them true. Start windows are cut
by the dependency chains before and after each initiative. Constraints: precedences (with lags),
concurrent initiatives per owner ≤ capacity in every quarter, spend per fiscal year ≤ budget (each
initiative's cost spread evenly over its quarters). Objective: minimise Σ benefit × end quarter.
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from dataclasses import dataclass

from ortools.sat.python import cp_model

from raqmana.roadmap import dag
from raqmana.roadmap.instance import Instance


@dataclass
class SolveResult:
    status: str  # "optimal" | "feasible" | "infeasible" | "unknown"
    starts: list[int] | None
    objective: int | None
    bound: float | None
    seconds: float


def solve(
    inst: Instance,
    *,
    hint: Sequence[int] | None = None,
    time_limit: float = 30.0,
    workers: int = 2,
    gap_limit: float = 0.0,
    lower_bound: float | None = None,
) -> SolveResult:
    """Solve; ``lower_bound`` (e.g. from the LP relaxation) is added as a cut on the objective."""
    t0 = time.perf_counter()
    g, h, d = inst.graph, inst.horizon, inst.durations
    es = dag.earliest_starts(g, d, inst.releases)
    tail = dag.tails(g, d)
    windows = [range(es[i], h - tail[i] + 1) for i in range(inst.n)]
    if any(len(w) == 0 for w in windows):
        return SolveResult("infeasible", None, None, None, time.perf_counter() - t0)

    m = cp_model.CpModel()
    x: list[dict[int, cp_model.IntVar]] = []
    starts: list[cp_model.IntVar] = []
    for i, w in enumerate(windows):
        xi = {s: m.new_bool_var(f"x{i}_{s}") for s in w}
        m.add_exactly_one(xi.values())
        st = m.new_int_var(w.start, w.stop - 1, f"s{i}")
        m.add(st == sum(s * v for s, v in xi.items()))
        x.append(xi)
        starts.append(st)

    for i in range(inst.n):
        for j, lag in g.succ[i]:
            m.add(starts[j] >= starts[i] + d[i] + lag)

    for owner, members in inst.owner_groups().items():
        k = inst.capacity[owner]
        if len(members) <= k:
            continue
        for t in range(h):
            terms = [x[i][s] for i in members for s in range(t - d[i] + 1, t + 1) if s in x[i]]
            if len(terms) > k:
                m.add(sum(terms) <= k)

    for y in range(inst.n_years):
        worst = sum(max(inst.year_cost(i, s)[y] for s in windows[i]) for i in range(inst.n))
        if worst <= inst.budgets[y]:
            continue  # never binding
        pairs: list[tuple[cp_model.IntVar, int]] = []
        for i in range(inst.n):
            for s, v in x[i].items():
                c = inst.year_cost(i, s)[y]
                if c:
                    pairs.append((v, c))
        m.add(
            cp_model.LinearExpr.weighted_sum([v for v, _ in pairs], [c for _, c in pairs]) <= inst.budgets[y]
        )

    cost = sum(inst.benefits[i] * (s + d[i]) * v for i in range(inst.n) for s, v in x[i].items())
    if lower_bound is not None:
        m.add(cost >= math.ceil(lower_bound))
    m.minimize(cost)

    if hint is not None:
        for i, hs in enumerate(hint):
            for s, v in x[i].items():
                m.add_hint(v, s == hs)
            m.add_hint(starts[i], hs)

    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(time_limit - (time.perf_counter() - t0), 0.5)
    solver.parameters.num_search_workers = workers
    solver.parameters.relative_gap_limit = gap_limit
    code = solver.solve(m)
    seconds = time.perf_counter() - t0
    if code == cp_model.INFEASIBLE:
        return SolveResult("infeasible", None, None, None, seconds)
    if code not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return SolveResult("unknown", None, None, None, seconds)
    result = [int(solver.value(st)) for st in starts]
    value, bound = round(solver.objective_value), float(solver.best_objective_bound)
    # with a gap limit CP-SAT says OPTIMAL once within the gap: only a closed gap is optimal here
    proven = code == cp_model.OPTIMAL and value - bound < 1
    return SolveResult("optimal" if proven else "feasible", result, value, bound, seconds)
