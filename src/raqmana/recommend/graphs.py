"""Depth-first search over a directed graph: an order with successors first, and a cycle if any.

Used for rules that refer to other rules and for the roadmap's dependency graph.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

N = TypeVar("N", bound=Hashable)


def postorder(nodes: Iterable[N], succ: Callable[[N], Iterable[N]]) -> tuple[list[N], list[N] | None]:
    """(nodes with every successor before its predecessor, one cycle as [a, b, …, a] or None).

    Successors that are not in ``nodes`` are ignored. When there is a cycle the order is partial.
    """
    universe = list(nodes)
    known = set(universe)
    state: dict[N, int] = {}  # 1 on the path, 2 done
    order: list[N] = []
    for root in universe:
        if root in state:
            continue
        path = [root]
        its = [iter(succ(root))]
        state[root] = 1
        while path:
            nxt = next(its[-1], None)
            if nxt is None:
                node = path.pop()
                its.pop()
                state[node] = 2
                order.append(node)
                continue
            if nxt not in known:
                continue
            seen = state.get(nxt)
            if seen == 1:
                return order, [*path[path.index(nxt) :], nxt]
            if seen is None:
                state[nxt] = 1
                path.append(nxt)
                its.append(iter(succ(nxt)))
    return order, None
