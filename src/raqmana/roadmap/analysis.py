"""What a schedule means: slack, critical path, phases and yearly spend.

Slack is the number of quarters an initiative can slip without moving the last end quarter of the
roadmap, counting dependencies only (budget and capacity are not re-checked). The critical path is
the chain of zero-slack initiatives, linked by tight dependencies, that ends in the last quarter.
"""

from __future__ import annotations

from collections.abc import Sequence

from raqmana.roadmap import dag
from raqmana.roadmap.instance import Instance, spend_per_year
from raqmana.roadmap.model import Phase, PlanSettings, ScheduledItem


def slack(inst: Instance, starts: Sequence[int]) -> list[int]:
    d = inst.durations
    makespan = max((s + d[i] for i, s in enumerate(starts)), default=0)
    latest = [0] * inst.n
    for i in reversed(dag.topological_order(inst.graph)):
        finish = makespan
        for j, lag in inst.graph.succ[i]:
            finish = min(finish, latest[j] - lag)
        latest[i] = finish - d[i]
    return [latest[i] - starts[i] for i in range(inst.n)]


def critical_path(inst: Instance, starts: Sequence[int], slacks: Sequence[int]) -> list[str]:
    d = inst.durations
    ends = [s + d[i] for i, s in enumerate(starts)]
    if not ends:
        return []
    makespan = max(ends)
    last = [i for i in range(inst.n) if ends[i] == makespan and slacks[i] == 0]
    if not last:
        return []
    chain = [max(last, key=lambda i: (inst.benefits[i], -i))]
    while True:
        i = chain[-1]
        tight = [p for p, lag in inst.graph.pred[i] if slacks[p] == 0 and ends[p] + lag == starts[i]]
        if not tight:
            break
        chain.append(max(tight, key=lambda p: (d[p], -p)))
    return [inst.ids[i] for i in reversed(chain)]


def phase(end: int, settings: PlanSettings) -> Phase:
    if end <= settings.short_max:
        return Phase.SHORT
    if end <= settings.medium_max:
        return Phase.MEDIUM
    return Phase.LONG


def items(
    inst: Instance, starts: Sequence[int], settings: PlanSettings
) -> tuple[list[ScheduledItem], list[str]]:
    """The scheduled items (start, end, slack, critical, phase) and the critical path."""
    sl = slack(inst, starts)
    path = critical_path(inst, starts, sl)
    on_path = set(path)
    out = [
        ScheduledItem(
            id=inst.ids[i],
            start=s,
            end=s + inst.durations[i],
            slack=sl[i],
            critical=inst.ids[i] in on_path,
            phase=phase(s + inst.durations[i], settings),
        )
        for i, s in enumerate(starts)
    ]
    return out, path


def yearly_spend(inst: Instance, starts: Sequence[int]) -> list[int]:
    return spend_per_year(inst, starts)
