"""The shortest horizon that the dependency chains and the owners' capacities allow.

Used by the pipeline so that a plan is not refused only because its horizon is too short: the
horizon is extended to whole years and a warning says what needed the extra quarters.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from raqmana.problems import Location, Problem
from raqmana.roadmap import dag
from raqmana.roadmap import errors as E
from raqmana.roadmap.model import Dependency, Initiative, PlanSettings

MAX_QUARTERS = 80


def needed(
    initiatives: Sequence[Initiative], dependencies: Sequence[Dependency], settings: PlanSettings
) -> tuple[int, dict[str, str]]:
    """(quarters needed, reason as text per language) — the longest chain or the busiest owner."""
    g, _ = dag.build(initiatives, dependencies)
    if dag.find_cycle(g):
        return 0, {}
    items = [next(it for it in initiatives if it.id == i) for i in g.ids]
    length, chain = dag.longest_chain(g, [it.duration for it in items], [it.release for it in items])
    best = (length, {lg: E.REASONS["chain"][lg].format(chain=" → ".join(chain)) for lg in E.REASONS["chain"]})
    work: dict[str, int] = {}
    names: dict[str, Mapping[str, str]] = {}
    for it in items:
        work[it.owner] = work.get(it.owner, 0) + it.duration
        names[it.owner] = {lg: it.owner_name.get(lg) or it.owner for lg in ("en", "ar", "ckb")}
    for owner, w in work.items():
        k = settings.capacity_of(owner)
        q = -(-w // k)
        if q > best[0]:
            best = (
                q,
                {
                    lg: E.REASONS["capacity"][lg].format(owner=names[owner][lg], capacity=k)
                    for lg in E.REASONS["capacity"]
                },
            )
    return best


def extend(
    initiatives: Sequence[Initiative], dependencies: Sequence[Dependency], settings: PlanSettings
) -> tuple[PlanSettings, list[Problem]]:
    """``settings`` with a horizon long enough (whole years, at most 80 quarters) and the warning, if any."""
    quarters, reason = needed(initiatives, dependencies, settings)
    h = settings.horizon_quarters
    if quarters <= h:
        return settings, []
    extended = min(-(-quarters // 4) * 4, MAX_QUARTERS)
    if extended <= h:
        return settings, []
    warning = Problem(
        E.HORIZON_EXTENDED,
        Location(field="horizon_quarters"),
        {"horizon": h, "extended": extended, "reason": reason, "needed": quarters},
    )
    return settings.model_copy(update={"horizon_quarters": extended}), [warning]
