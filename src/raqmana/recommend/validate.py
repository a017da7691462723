"""Checks of a rule base against its framework: ids, conditions, prerequisites, crosswalk targets."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from raqmana.frameworks.crosswalk import GOVSTACK_BLOCKS, sdg_targets
from raqmana.frameworks.schema import AnswerType, Framework, InstitutionType
from raqmana.i18n import Translated
from raqmana.i18n.sorani import REPLACEMENTS, wrong_letters
from raqmana.problems import Location, Problem
from raqmana.recommend import errors as E
from raqmana.recommend.compiled import Compiled, CompiledRule, compile_rules
from raqmana.recommend.conditions import Compare, Fired, Share, TypeIn, operands
from raqmana.recommend.graphs import postorder
from raqmana.recommend.locate import Locator, default_locate
from raqmana.recommend.rules import Horizon, RuleBase, Scope
from raqmana.recommend.survey_items import bottleneck_items


def validate(rb: RuleBase, framework: Framework | None, *, locate: Locator | None = None) -> list[Problem]:
    """Every error and warning of ``rb`` (checked against ``framework`` when given)."""
    loc = locate or default_locate
    compiled = compile_rules(rb, loc)
    return [*compiled.problems, *_check(rb, framework, compiled, loc)]


def _translation(
    text: Translated, rule_id: str, field: str, path: tuple[Any, ...], loc: Locator
) -> Iterator[Problem]:
    wrong = wrong_letters(text.ckb)
    if wrong:
        where = loc((*path, "ckb"))
        yield Problem(
            E.SORANI_SPELLING,
            Location(where.file, where.sheet, where.line, where.column, where.path, "ckb"),
            {
                "id": rule_id,
                "field": E.FIELD_WORDS[field],
                "letters": " ".join(wrong),
                "fixed": " ".join(REPLACEMENTS[c] for c in wrong),
            },
        )
    for lang in text.missing():
        where = loc((*path, lang))
        yield Problem(
            E.MISSING_TRANSLATION,
            Location(where.file, where.sheet, where.line, where.column, where.path, lang),
            {"id": rule_id, "field": E.FIELD_WORDS[field], "lang": lang},
        )


def _check(rb: RuleBase, fw: Framework | None, compiled: Compiled, loc: Locator) -> Iterator[Problem]:
    if fw is not None and rb.framework != fw.id:
        yield Problem(E.OTHER_FRAMEWORK, loc(("framework",)), {"expected": rb.framework, "actual": fw.id})
    indicators = {i.id for i in fw.indicators()} if fw is not None else None
    ladders = (
        {i.id for i in fw.indicators() if i.answer_type is AnswerType.LADDER} if fw is not None else set()
    )
    pillars = {p.id for p in fw.pillars} if fw is not None else None
    bottlenecks = bottleneck_items(fw.id) if fw is not None else None
    rule_ids: dict[str, str] = {}
    for k, rule in enumerate(rb.rules):
        where = loc(("rules", k, "id"))
        if rule.id in rule_ids:
            yield Problem(E.DUPLICATE_RULE, where, {"id": rule.id, "first": rule_ids[rule.id]})
        else:
            rule_ids[rule.id] = f"{where.file}:{where.line}" if where.line else where.path
    types = {t.value for t in InstitutionType}
    targets = sdg_targets()
    for cr in compiled.rules:
        rule, k = cr.rule, cr.index
        rp = ("rules", k)
        yield from _translation(rule.title, rule.id, "title", (*rp, "title"), loc)
        yield from _translation(rule.description, rule.id, "description", (*rp, "description"), loc)
        if pillars is not None and rule.pillar not in pillars:
            yield Problem(E.UNKNOWN_PILLAR, loc((*rp, "pillar")), {"id": rule.id, "value": rule.pillar})
        if rule.scope is Scope.NATIONAL and rule.responsible is None:
            yield Problem(E.NO_RESPONSIBLE, loc((*rp, "responsible")), {"id": rule.id})
        for j, pid in enumerate(rule.prerequisites):
            if pid not in rule_ids:
                yield Problem(
                    E.UNKNOWN_RULE,
                    loc((*rp, "prerequisites", j)),
                    {"id": rule.id, "where": E.WHERE_WORDS["prerequisites"], "value": pid},
                )
        for j, block in enumerate(rule.govstack):
            if block not in GOVSTACK_BLOCKS:
                yield Problem(E.UNKNOWN_BLOCK, loc((*rp, "govstack", j)), {"id": rule.id, "value": block})
        for j, target in enumerate(rule.sdg):
            if target not in targets:
                yield Problem(E.UNKNOWN_SDG, loc((*rp, "sdg", j)), {"id": rule.id, "value": target})
        if rule.cost_usd.low > rule.cost_usd.high:
            yield Problem(
                E.COST_RANGE,
                loc((*rp, "cost_usd")),
                {"id": rule.id, "low": rule.cost_usd.low, "high": rule.cost_usd.high},
            )
        if rule.horizon is Horizon.SHORT and rule.duration_quarters > 6:
            yield Problem(
                E.SHORT_TOO_LONG,
                loc((*rp, "duration_quarters")),
                {"id": rule.id, "duration": rule.duration_quarters},
            )
        kpi_ids: set[str] = set()
        for j, kpi in enumerate(rule.kpis):
            if kpi.id in kpi_ids:
                yield Problem(E.DUPLICATE_KPI, loc((*rp, "kpis", j, "id")), {"id": rule.id, "value": kpi.id})
            kpi_ids.add(kpi.id)
            yield from _translation(kpi.name, rule.id, "kpi", (*rp, "kpis", j, "name"), loc)
        if not (rule.when.all or rule.when.any or rule.when.none):
            yield Problem(E.NO_CONDITIONS, loc((*rp, "when")), {"id": rule.id})
        yield from _conditions(cr, rp, (indicators, ladders, pillars), set(rule_ids), types, loc)
        if bottlenecks is not None:
            yield from _bottlenecks(cr, rp, bottlenecks, loc)
    yield from _prerequisite_cycle(rb, loc)
    if pillars is not None:
        covered = {r.pillar for r in rb.rules}
        for p in sorted(pillars - covered):
            yield Problem(E.PILLAR_WITHOUT_RULES, loc(("rules",)), {"value": p})


def _conditions(
    cr: CompiledRule,
    rp: tuple[Any, ...],
    ids: tuple[set[str] | None, set[str], set[str] | None],
    rule_ids: set[str],
    types: set[str],
    loc: Locator,
) -> Iterator[Problem]:
    indicators, ladders, pillars = ids
    rule = cr.rule
    positions: dict[str, int] = {}
    for group, text, cond in cr.conditions():
        j = positions.get(group, 0)
        positions[group] = j + 1
        path = (*rp, "when", group, j)
        for op in operands(cond):
            if op.kind == "stage":
                if indicators is not None and op.ref not in indicators:
                    yield Problem(
                        E.UNKNOWN_INDICATOR, loc(path), {"id": rule.id, "condition": text, "value": op.ref}
                    )
            elif op.kind == "bottleneck":
                continue  # checked against the pack's surveys (_bottlenecks)
            elif op.kind == "register":
                continue  # an area of the pack's legal_register.yaml; absent areas leave the rule silent
            elif op.kind == "commits":
                from raqmana.frameworks.crosswalk import sdg_targets

                if op.ref not in sdg_targets() and op.ref not in {str(g) for g in range(1, 18)}:
                    yield Problem(
                        E.CONDITION_SYNTAX,
                        loc(path),
                        {"id": rule.id, "condition": text, "detail": f"no SDG target or goal '{op.ref}'"},
                    )
            elif op.ref != "*" and pillars is not None and op.ref not in pillars:
                yield Problem(
                    E.UNKNOWN_CONDITION_PILLAR, loc(path), {"id": rule.id, "condition": text, "value": op.ref}
                )
        compare = cond.inner if isinstance(cond, Share) else cond
        if isinstance(compare, Compare) and compare.operand.ref in ladders and not 0 <= compare.value <= 5:
            yield Problem(
                E.LADDER_THRESHOLD, loc(path), {"id": rule.id, "condition": text, "value": compare.value}
            )
        if isinstance(cond, Fired) and cond.rule not in rule_ids:
            yield Problem(
                E.UNKNOWN_RULE,
                loc(path),
                {"id": rule.id, "where": E.WHERE_WORDS["condition"], "value": cond.rule},
            )
        if isinstance(cond, TypeIn):
            for t in cond.types:
                if t not in types:
                    yield Problem(
                        E.CONDITION_SYNTAX,
                        loc(path),
                        {"id": rule.id, "condition": text, "detail": f"unknown institution type '{t}'"},
                    )
            if rule.scope is Scope.NATIONAL:
                yield Problem(E.TYPE_IN_NATIONAL, loc(path), {"id": rule.id})


def _bottlenecks(
    cr: CompiledRule, rp: tuple[Any, ...], known: frozenset[str], loc: Locator
) -> Iterator[Problem]:
    positions: dict[str, int] = {}
    for group, text, cond in cr.conditions():
        j = positions.get(group, 0)
        positions[group] = j + 1
        for op in operands(cond):
            if op.kind == "bottleneck" and op.ref not in known:
                yield Problem(
                    E.UNKNOWN_BOTTLENECK,
                    loc((*rp, "when", group, j)),
                    {
                        "id": cr.rule.id,
                        "condition": text,
                        "value": op.ref,
                        "known": ", ".join(sorted(known)) or "—",
                    },
                )


def _prerequisite_cycle(rb: RuleBase, loc: Locator) -> Iterator[Problem]:
    graph = {r.id: list(r.prerequisites) for r in rb.rules}
    index = {r.id: k for k, r in enumerate(rb.rules)}
    _, cycle = postorder(list(graph), lambda rid: graph[rid])
    if cycle:
        yield Problem(
            E.PREREQUISITE_CYCLE,
            loc(("rules", index[cycle[0]], "prerequisites")),
            {"cycle": " → ".join(cycle)},
        )
