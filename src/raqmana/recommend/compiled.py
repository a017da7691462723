"""Rules with their conditions parsed once, in the order they must be evaluated.

A rule that tests ``fired(OTHER)`` is evaluated after ``OTHER``; conditions that refer to each
other in a cycle are reported (and the rule base is not used).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from raqmana.problems import Problem
from raqmana.recommend import errors as E
from raqmana.recommend.conditions import Condition, ConditionSyntax, Fired, parse
from raqmana.recommend.graphs import postorder
from raqmana.recommend.locate import Locator, default_locate
from raqmana.recommend.rules import Rule, RuleBase


@dataclass
class CompiledRule:
    rule: Rule
    index: int  # position in the rule base (for locating problems)
    all: list[tuple[str, Condition]] = field(default_factory=list)
    any: list[tuple[str, Condition]] = field(default_factory=list)
    none: list[tuple[str, Condition]] = field(default_factory=list)

    def conditions(self) -> list[tuple[str, str, Condition]]:
        """(group, text, condition) of every condition."""
        return (
            [("all", t, c) for t, c in self.all]
            + [("any", t, c) for t, c in self.any]
            + [("none", t, c) for t, c in self.none]
        )

    def fired_refs(self) -> set[str]:
        return {c.rule for _, _, c in self.conditions() if isinstance(c, Fired)}


@dataclass
class Compiled:
    rules: list[CompiledRule]  # in evaluation order
    problems: list[Problem]

    def by_id(self) -> dict[str, CompiledRule]:
        return {c.rule.id: c for c in self.rules}


def compile_rules(rb: RuleBase, locate: Locator | None = None) -> Compiled:
    """Parse every condition of ``rb``; syntax errors and cycles of ``fired()`` become problems."""
    loc = locate or default_locate
    problems: list[Problem] = []
    out: list[CompiledRule] = []
    for k, rule in enumerate(rb.rules):
        cr = CompiledRule(rule, k)
        for group in ("all", "any", "none"):
            for j, text in enumerate(getattr(rule.when, group)):
                try:
                    getattr(cr, group).append((text, parse(text)))
                except ConditionSyntax as exc:
                    problems.append(
                        Problem(
                            E.CONDITION_SYNTAX,
                            loc(("rules", k, "when", group, j)),
                            {"id": rule.id, "condition": text, "detail": str(exc)},
                        )
                    )
        out.append(cr)
    ordered, cycle = _order(out)
    if cycle:
        first = next(c.index for c in out if c.rule.id == cycle[0])
        problems.append(Problem(E.FIRED_CYCLE, loc(("rules", first, "when")), {"cycle": " → ".join(cycle)}))
    return Compiled(ordered, problems)


def _order(rules: list[CompiledRule]) -> tuple[list[CompiledRule], list[str] | None]:
    """Rules ordered so that every ``fired(X)`` comes after X; and a cycle (of ids) if there is one.

    A duplicate id (reported by the validator) refers to its first rule; every rule is kept.
    """
    first: dict[str, int] = {}
    for k, c in enumerate(rules):
        first.setdefault(c.rule.id, k)
    order, cycle = postorder(
        range(len(rules)), lambda k: sorted(first[r] for r in rules[k].fired_refs() if r in first)
    )
    if cycle is not None:
        return rules, [rules[k].rule.id for k in cycle]
    return [rules[k] for k in order], None
