"""The index hierarchy read from the metadata: indicators → aggregates at any depth.

Checks what COINr checks (unique codes, known parents, no cycles, parents above children) and
orders the aggregates so that every child is computed before its parent.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from raqmana.i18n.catalog import ui
from raqmana.problems import Location, Problem, ProblemsError
from raqmana.scoring import errors as E
from raqmana.scoring.recipe import Node
from raqmana.scoring.table import FloatArray


@dataclass(frozen=True)
class Tree:
    nodes: dict[str, Node]  # every Indicator/Aggregate node by code
    indicators: tuple[str, ...]  # meta order
    aggregates: tuple[str, ...]  # children before parents
    children: dict[str, tuple[str, ...]]
    level: dict[str, int]
    others: tuple[str, ...] = ()  # Group / Denominator rows, kept but not aggregated

    @property
    def codes(self) -> tuple[str, ...]:
        """Indicators then aggregates: the column order of aggregated tables and weight vectors."""
        return self.indicators + self.aggregates

    @property
    def roots(self) -> tuple[str, ...]:
        return tuple(a for a in self.aggregates if not self.nodes[a].parent)

    def parent(self, code: str) -> str:
        return self.nodes[code].parent

    def descendants(self, code: str) -> list[str]:
        """The indicators under ``code`` (itself when it is an indicator)."""
        if code not in self.children:
            return [code]
        return [i for c in self.children[code] for i in self.descendants(c)]

    def descendant_matrix(self) -> FloatArray:
        """indicators × aggregates, 1 where the indicator lies under the aggregate."""
        index = {c: i for i, c in enumerate(self.indicators)}
        out = np.zeros((len(self.indicators), len(self.aggregates)))
        for j, a in enumerate(self.aggregates):
            for ind in self.descendants(a):
                out[index[ind], j] = 1.0
        return out

    def prune(self, kept_indicators: Iterable[str]) -> Tree:
        """The tree without the dropped indicators and the aggregates left with no child."""
        kept = set(kept_indicators)
        children: dict[str, tuple[str, ...]] = {}
        alive: set[str] = set(kept)
        for a in self.aggregates:
            ch = tuple(c for c in self.children[a] if c in alive)
            if ch:
                children[a] = ch
                alive.add(a)
        return Tree(
            nodes={c: n for c, n in self.nodes.items() if c in alive},
            indicators=tuple(i for i in self.indicators if i in kept),
            aggregates=tuple(a for a in self.aggregates if a in children),
            children=children,
            level={c: lv for c, lv in self.level.items() if c in alive},
            others=self.others,
        )

    @classmethod
    def from_meta(cls, meta: Sequence[Node], *, file: str = "") -> Tree:
        problems: list[Problem] = []

        def where(node: Node, column: str = "") -> Location:
            return Location(
                file=file, line=node.line, column=column, path="" if node.line else f"meta:{node.code}"
            )

        nodes: dict[str, Node] = {}
        first: dict[str, Node] = {}
        for n in meta:
            if n.code in first:
                problems.append(
                    Problem(
                        E.DUPLICATE_CODE,
                        where(n, "iCode"),
                        {"code": n.code, "first": first[n.code].line or "?"},
                    )
                )
                continue
            first[n.code] = n
            if n.type in ("Indicator", "Aggregate"):
                nodes[n.code] = n
        others = tuple(n.code for n in first.values() if n.type not in ("Indicator", "Aggregate"))
        indicators = tuple(c for c, n in nodes.items() if n.type == "Indicator")
        if not indicators:
            problems.append(Problem(E.NO_INDICATORS, Location(file=file)))
        children: dict[str, list[str]] = {c: [] for c, n in nodes.items() if n.type == "Aggregate"}
        for c, n in nodes.items():
            if not n.parent:
                continue
            parent = first.get(n.parent)
            if parent is None:
                problems.append(
                    Problem(E.MISSING_PARENT, where(n, "Parent"), {"parent": n.parent, "code": c})
                )
            elif parent.type != "Aggregate":
                problems.append(
                    Problem(
                        E.PARENT_NOT_AGGREGATE,
                        where(n, "Parent"),
                        {"parent": n.parent, "code": c, "type": parent.type},
                    )
                )
            else:
                children[n.parent].append(c)
        if problems:
            raise ProblemsError(problems)

        cycle = _find_cycle(nodes)
        if cycle:
            raise ProblemsError(
                [
                    Problem(
                        E.HIERARCHY_CYCLE,
                        where(nodes[cycle[0]], "Parent"),
                        {"cycle": _cycle_text(cycle, nodes)},
                    )
                ]
            )
        for a, ch in children.items():
            if not ch:
                problems.append(Problem(E.EMPTY_AGGREGATE, where(nodes[a], "iCode"), {"code": a}))
        if problems:
            raise ProblemsError(problems)

        order = _topological(children)
        level = _levels(nodes, children, order)
        for c, n in nodes.items():
            if n.parent and level[n.parent] <= level[c]:
                problems.append(
                    Problem(
                        E.BAD_LEVEL,
                        where(n, "Level"),
                        {"code": c, "level": level[c], "parent": n.parent, "parent_level": level[n.parent]},
                    )
                )
        if problems:
            raise ProblemsError(problems)
        return cls(
            nodes, indicators, tuple(order), {a: tuple(ch) for a, ch in children.items()}, level, others
        )

    def unaggregated(self) -> tuple[str, ...]:
        """Indicators with no parent (normalised but not part of any aggregate)."""
        return tuple(i for i in self.indicators if not self.nodes[i].parent)


def _cycle_text(cycle: list[str], nodes: dict[str, Node]) -> dict[str, str]:
    """ "P (line 6) → IDX (line 8) → P" in each language: every line that takes part in the cycle."""
    labels = ui("line").as_dict()
    return {
        lang: " → ".join(
            f"{c} ({label} {nodes[c].line})" if nodes[c].line and k < len(cycle) - 1 else c
            for k, c in enumerate(cycle)
        )
        for lang, label in labels.items()
    }


def _find_cycle(nodes: dict[str, Node]) -> list[str]:
    for start in nodes:
        path: list[str] = []
        seen: set[str] = set()
        code = start
        while code and code in nodes:
            if code in seen:
                return [*path[path.index(code) :], code]
            seen.add(code)
            path.append(code)
            code = nodes[code].parent
    return []


def _topological(children: dict[str, list[str]]) -> list[str]:
    order: list[str] = []
    done: set[str] = set()

    def visit(a: str) -> None:
        if a in done:
            return
        for c in children[a]:
            if c in children:
                visit(c)
        done.add(a)
        order.append(a)

    for a in children:
        visit(a)
    return order


def _levels(nodes: dict[str, Node], children: dict[str, list[str]], order: list[str]) -> dict[str, int]:
    level: dict[str, int] = {}
    for c, n in nodes.items():
        if n.type == "Indicator":
            level[c] = n.level or 1
    for a in order:
        computed = 1 + max(level[c] for c in children[a])
        level[a] = nodes[a].level or computed
    return level
