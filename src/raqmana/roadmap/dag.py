"""The dependency graph of initiatives: checks (unknown ids, cycles), order and longest chains."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from raqmana.problems import Location, Problem
from raqmana.recommend.graphs import postorder
from raqmana.roadmap import errors as E
from raqmana.roadmap.model import Dependency, Initiative


@dataclass
class Graph:
    ids: list[str]
    index: dict[str, int]
    succ: list[list[tuple[int, int]]]  # (successor, lag)
    pred: list[list[tuple[int, int]]]  # (predecessor, lag)

    @property
    def n(self) -> int:
        return len(self.ids)

    def edge_count(self) -> int:
        return sum(len(s) for s in self.succ)


def build(
    initiatives: Sequence[Initiative], dependencies: Sequence[Dependency]
) -> tuple[Graph, list[Problem]]:
    """The graph of ``initiatives``; unknown ids and duplicate initiatives come back as problems."""
    problems: list[Problem] = []
    ids: list[str] = []
    index: dict[str, int] = {}
    for k, it in enumerate(initiatives):
        if it.id in index:
            problems.append(
                Problem(E.DUPLICATE_INITIATIVE, Location(path=f"initiatives[{k}]", field="id"), {"id": it.id})
            )
            continue
        index[it.id] = len(ids)
        ids.append(it.id)
    succ: list[list[tuple[int, int]]] = [[] for _ in ids]
    pred: list[list[tuple[int, int]]] = [[] for _ in ids]
    seen: dict[tuple[int, int], int] = {}
    for k, dep in enumerate(dependencies):
        for end, other in ((dep.before, dep.after), (dep.after, dep.before)):
            if end not in index:
                problems.append(
                    Problem(
                        E.UNKNOWN_DEPENDENCY, Location(path=f"dependencies[{k}]"), {"id": other, "dep": end}
                    )
                )
        if dep.before not in index or dep.after not in index:
            continue
        a, b = index[dep.before], index[dep.after]
        if (a, b) in seen:  # keep the longest lag of duplicate edges
            if dep.lag > seen[(a, b)]:
                succ[a] = [(j, dep.lag if j == b else lag) for j, lag in succ[a]]
                pred[b] = [(i, dep.lag if i == a else lag) for i, lag in pred[b]]
                seen[(a, b)] = dep.lag
            continue
        seen[(a, b)] = dep.lag
        succ[a].append((b, dep.lag))
        pred[b].append((a, dep.lag))
    return Graph(ids, index, succ, pred), problems


def find_cycle(g: Graph) -> list[str] | None:
    """One cycle as a list of ids that starts and ends with the same id, or None."""
    _, cycle = postorder(range(g.n), lambda i: (j for j, _ in g.succ[i]))
    return [g.ids[i] for i in cycle] if cycle else None


def cycle_problem(cycle: list[str]) -> Problem:
    return Problem(E.CYCLE, Location(path="dependencies"), {"cycle": " → ".join(cycle)})


def check(initiatives: Sequence[Initiative], dependencies: Sequence[Dependency]) -> list[Problem]:
    """Problems of the dependency graph: duplicates, unknown initiatives, a cycle (named)."""
    g, problems = build(initiatives, dependencies)
    cycle = find_cycle(g)
    if cycle:
        problems.append(cycle_problem(cycle))
    return problems


def topological_order(g: Graph) -> list[int]:
    """Kahn's order (ties by input order); assumes no cycle."""
    indeg = [len(p) for p in g.pred]
    ready = [i for i in range(g.n) if indeg[i] == 0]
    ready.reverse()
    order: list[int] = []
    while ready:
        i = ready.pop()
        order.append(i)
        for j, _ in g.succ[i]:
            indeg[j] -= 1
            if indeg[j] == 0:
                ready.append(j)
    return order


def earliest_starts(g: Graph, durations: Sequence[int], releases: Sequence[int]) -> list[int]:
    """Earliest start of each initiative from its release and its predecessors (no resource limits)."""
    es = list(releases)
    for i in topological_order(g):
        for j, lag in g.succ[i]:
            es[j] = max(es[j], es[i] + durations[i] + lag)
    return es


def tails(g: Graph, durations: Sequence[int]) -> list[int]:
    """Quarters from the start of each initiative to the end of the longest chain that follows it."""
    tail = list(durations)
    for i in reversed(topological_order(g)):
        for j, lag in g.succ[i]:
            tail[i] = max(tail[i], durations[i] + lag + tail[j])
    return tail


def longest_chain(g: Graph, durations: Sequence[int], releases: Sequence[int]) -> tuple[int, list[str]]:
    """Length in quarters (from quarter 0) and ids of the longest dependency chain."""
    if g.n == 0:
        return 0, []
    es = earliest_starts(g, durations, releases)
    last = max(range(g.n), key=lambda i: es[i] + durations[i])
    chain = [last]
    while True:
        i = chain[-1]
        prev = [p for p, lag in g.pred[i] if es[p] + durations[p] + lag == es[i]]
        if not prev:
            break
        chain.append(prev[0])
    chain.reverse()
    return es[last] + durations[last], [g.ids[i] for i in chain]


def reachability(g: Graph) -> list[int]:
    """For each node, a bitset (Python int) of the nodes reachable from it (itself excluded)."""
    reach = [0] * g.n
    for i in reversed(topological_order(g)):
        r = 0
        for j, _ in g.succ[i]:
            r |= (1 << j) | reach[j]
        reach[i] = r
    return reach
