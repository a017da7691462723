"""When no schedule exists: which constraint binds, and by how much it must be relaxed.

Run after the solver (or the LP relaxation) proved the plan infeasible although each simple check
passed. With an unlimited budget, a greedy schedule tells whether the budget is what binds; then a
bisection over a uniform budget factor finds the yearly budget from which a greedy schedule exists
(within 1 %). Otherwise capacity or the horizon binds: the smallest extra capacity per owner (up to
+5) and the shortest horizon (up to +12 quarters) with a greedy schedule are reported.
"""

from __future__ import annotations

from dataclasses import replace

from raqmana.problems import Location, Problem
from raqmana.roadmap import errors as E
from raqmana.roadmap.greedy import schedule as greedy
from raqmana.roadmap.instance import Instance
from raqmana.roadmap.quarters import budgets as spread_budgets

_UNLIMITED = 10**15


def _fits(inst: Instance) -> bool:
    return greedy(inst, max_restarts=min(inst.n, 50)).starts is not None


def _scaled(inst: Instance, factor: float) -> Instance:
    return replace(inst, budgets=[int(b * factor) for b in inst.budgets], _year_cost=inst._year_cost)


def explain(inst: Instance, capacity_default: int) -> list[Problem]:
    """Problems naming the binding constraint and the relaxation that gives a schedule (may be empty)."""
    if _fits(_scaled(inst, 1.0)):
        return []
    unlimited = replace(inst, budgets=[_UNLIMITED] * inst.n_years, _year_cost=inst._year_cost)
    if _fits(unlimited):
        return [_budget(inst)]
    return _capacity(unlimited, capacity_default)


def _budget(inst: Instance) -> Problem:
    lo, hi = 1.0, 2.0
    while not _fits(_scaled(inst, hi)) and hi < 1e6:
        lo, hi = hi, hi * 2
    while hi - lo > 0.01 * lo:
        mid = (lo + hi) / 2
        lo, hi = (lo, mid) if _fits(_scaled(inst, mid)) else (mid, hi)
    now = max(inst.budgets)
    needed = int(-(-now * hi // 100_000) * 100_000)  # rounded up to 100,000 USD
    short = needed - now
    return Problem(
        E.BUDGET_SHORTFALL,
        Location(field="budget_per_year"),
        {
            "budget": E.number(now),
            "needed": E.number(needed),
            "short": E.number(short),
            "needed_usd": needed,
            "percent": E.percent(100 * short / now if now else 100.0),
        },
    )


def _capacity(unlimited: Instance, capacity_default: int) -> list[Problem]:
    needed = None
    for extra in range(1, 6):
        cap = {o: k + extra for o, k in unlimited.capacity.items()}
        if _fits(replace(unlimited, capacity=cap, _year_cost=unlimited._year_cost)):
            needed = extra
            break
    quarters = None
    for more in range(1, 13):
        h = unlimited.horizon + more
        n_years = unlimited.calendar.n_years(h)
        longer = replace(unlimited, horizon=h, budgets=spread_budgets(_UNLIMITED, n_years), _year_cost={})
        if _fits(longer):
            quarters = h
            break
    if needed is None and quarters is None:
        return []
    return [
        Problem(
            E.CAPACITY_SHORTFALL,
            Location(field="capacity"),
            {
                "capacity": capacity_default,
                "horizon": unlimited.horizon,
                "needed": capacity_default + needed if needed else "—",
                "extra": needed or "—",
                "quarters": quarters or "—",
            },
        )
    ]
