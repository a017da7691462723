"""The greedy baseline: list scheduling by benefit per quarter, under the same constraints as CP-SAT.

Serial schedule generation: among initiatives whose predecessors are placed, take the one with the
highest benefit ÷ duration and put it at the earliest quarter where its dependencies are done, its
owner has a free slot in every quarter it runs, no fiscal year goes over budget and its successors
still fit in the horizon. An initiative that finds no room is moved to the front of the list and the
list is scheduled again (at most a few times per initiative).
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass

from raqmana.roadmap import dag
from raqmana.roadmap.instance import Instance


@dataclass
class GreedyResult:
    starts: list[int] | None
    #: the initiative that could not be placed (when ``starts`` is None)
    failed: str | None = None


def schedule(inst: Instance, *, max_restarts: int | None = None) -> GreedyResult:
    """Greedy schedule; an initiative that finds no room is moved to the front and the list restarts."""
    tail = dag.tails(inst.graph, inst.durations)
    rank: dict[int, int] = {}  # initiatives moved to the front: lower rank first
    failures: dict[int, int] = {}
    top = 0
    limit = inst.n if max_restarts is None else max_restarts
    result = GreedyResult(None)
    for _ in range(limit + 1):
        result = serial(inst, tail, rank)
        if result.starts is not None or result.failed is None:
            return result
        i = inst.graph.index[result.failed]
        failures[i] = failures.get(i, 0) + 1
        if failures[i] > 2:
            return result
        # the failed initiative and everything it waits for go to the front, in dependency order
        front = [*_ancestors(inst, i), i]
        top -= len(front)
        for r, a in enumerate(front):
            rank[a] = min(rank.get(a, 0), top + r)
    return result


def _ancestors(inst: Instance, i: int) -> list[int]:
    seen: set[int] = set()
    stack = [p for p, _ in inst.graph.pred[i]]
    while stack:
        a = stack.pop()
        if a not in seen:
            seen.add(a)
            stack.extend(p for p, _ in inst.graph.pred[a])
    order = dag.topological_order(inst.graph)
    return [a for a in order if a in seen]


def serial(inst: Instance, tail: list[int], rank: dict[int, int]) -> GreedyResult:
    """List scheduling: the eligible initiative with the lowest ``rank`` (default 0), then the highest
    benefit ÷ duration, goes to its earliest feasible quarter."""
    g = inst.graph
    h = inst.horizon
    waiting = [len(p) for p in g.pred]

    def key(i: int) -> tuple[int, float, int]:
        return (rank.get(i, 0), -inst.benefits[i] / inst.durations[i], i)

    heap = [key(i) for i in range(inst.n) if waiting[i] == 0]
    heapq.heapify(heap)
    used = {o: [0] * h for o in inst.capacity}
    spent = [0] * inst.n_years
    starts: list[int] = [-1] * inst.n
    while heap:
        i = heapq.heappop(heap)[2]
        d = inst.durations[i]
        est = inst.releases[i]
        for p, lag in g.pred[i]:
            est = max(est, starts[p] + inst.durations[p] + lag)
        row, k = used[inst.owners[i]], inst.capacity[inst.owners[i]]
        placed = False
        for s in range(est, h - tail[i] + 1):
            if any(row[t] >= k for t in range(s, s + d)):
                continue
            spend = inst.year_cost(i, s)
            if any(spent[y] + c > inst.budgets[y] for y, c in enumerate(spend) if c):
                continue
            for t in range(s, s + d):
                row[t] += 1
            for y, c in enumerate(spend):
                spent[y] += c
            starts[i] = s
            placed = True
            break
        if not placed:
            return GreedyResult(None, inst.ids[i])
        for j, _ in g.succ[i]:
            waiting[j] -= 1
            if waiting[j] == 0:
                heapq.heappush(heap, key(j))
    if any(s < 0 for s in starts):  # a cycle left some initiatives unreachable
        return GreedyResult(None, inst.ids[starts.index(-1)])
    return GreedyResult(starts)
