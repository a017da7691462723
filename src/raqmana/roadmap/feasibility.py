"""Checks made before calling the solver: each says which constraint cannot be met and by how much."""

from __future__ import annotations

from collections.abc import Mapping

from raqmana.problems import Location, Problem
from raqmana.roadmap import dag
from raqmana.roadmap import errors as E
from raqmana.roadmap.instance import Instance


def check(inst: Instance, owner_names: Mapping[str, str | dict[str, str]] | None = None) -> list[Problem]:
    """Problems that make any schedule impossible (empty list: the solver may still find none)."""
    problems: list[Problem] = []
    names = owner_names or {}
    h = inst.horizon
    too_long = False
    for i in range(inst.n):
        excess = inst.releases[i] + inst.durations[i] - h
        if excess > 0:
            too_long = True
            problems.append(
                Problem(
                    E.DURATION_TOO_LONG,
                    Location(path=f"initiatives.{inst.ids[i]}", field="duration"),
                    {
                        "id": inst.ids[i],
                        "duration": inst.durations[i],
                        "release": inst.releases[i],
                        "horizon": h,
                        "excess": excess,
                    },
                )
            )
    if not too_long:
        length, chain = dag.longest_chain(inst.graph, inst.durations, inst.releases)
        if length > h:
            problems.append(
                Problem(
                    E.CHAIN_TOO_LONG,
                    Location(path="dependencies"),
                    {"chain": " → ".join(chain), "length": length, "horizon": h, "excess": length - h},
                )
            )
        problems.extend(_year_shares(inst))
    total = sum(inst.costs)
    budget = sum(inst.budgets)
    if total > budget:
        short = total - budget
        problems.append(
            Problem(
                E.TOTAL_BUDGET,
                Location(field="budget_per_year"),
                {
                    "total": E.number(total),
                    "budget": E.number(budget),
                    "short": E.number(short),
                    "percent": E.percent(100 * short / budget) if budget else "—",
                },
            )
        )
    for owner, members in inst.owner_groups().items():
        work = sum(inst.durations[i] for i in members)
        k = inst.capacity[owner]
        if work > k * h:
            problems.append(
                Problem(
                    E.OWNER_CAPACITY,
                    Location(field="capacity"),
                    {
                        "owner": names.get(owner, owner),
                        "work": work,
                        "capacity": k,
                        "horizon": h,
                        "available": k * h,
                        "excess": work - k * h,
                    },
                )
            )
    return problems


def _year_shares(inst: Instance) -> list[Problem]:
    """Initiatives whose cost in some fiscal year exceeds that year's budget wherever they start."""
    out: list[Problem] = []
    for i in range(inst.n):
        best: tuple[int, int, int] | None = None  # (excess, need, budget) at the least bad start
        for s in range(inst.releases[i], inst.horizon - inst.durations[i] + 1):
            spend = inst.year_cost(i, s)
            worst = max(range(inst.n_years), key=lambda y: spend[y] - inst.budgets[y])
            excess = spend[worst] - inst.budgets[worst]
            if best is None or excess < best[0]:
                best = (excess, spend[worst], inst.budgets[worst])
            if excess <= 0:
                break
        if best is not None and best[0] > 0:
            out.append(
                Problem(
                    E.YEAR_SHARE,
                    Location(path=f"initiatives.{inst.ids[i]}", field="cost_usd"),
                    {
                        "id": inst.ids[i],
                        "need": E.number(best[1]),
                        "budget": E.number(best[2]),
                        "short": E.number(best[0]),
                    },
                )
            )
    return out
