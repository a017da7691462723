"""Generate recommendations: evaluate the compiled rules on the assessment matrices.

Each condition is evaluated for every institution at once (numpy); only the rows where a rule fires
are turned into :class:`Recommendation` objects, each with the conditions that held and their values.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any

import numpy as np

from raqmana.frameworks.schema import Framework
from raqmana.i18n import Translated
from raqmana.problems import ProblemsError, split
from raqmana.recommend import benefit as B
from raqmana.recommend.assessment import Assessment
from raqmana.recommend.compiled import Compiled, CompiledRule, compile_rules
from raqmana.recommend.conditions import Compare, Condition, Fired, Missing, Share, TypeIn
from raqmana.recommend.labels import INSTITUTION_TYPE
from raqmana.recommend.matrix import Matrix, build
from raqmana.recommend.model import Recommendation, RecommendationSet, Trigger
from raqmana.recommend.rules import Rule, RuleBase, Scope

_OPS: dict[str, Callable[[Any, Any], Any]] = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
    "==": operator.eq,
    "!=": operator.ne,
}


class _Context:
    def __init__(self, inst: Matrix, nat: Matrix):
        self.inst, self.nat = inst, nat
        self.fired: dict[str, np.ndarray] = {}  # rule id → mask over its own scope's rows
        self.scope: dict[str, Scope] = {}

    def matrix(self, scope: Scope) -> Matrix:
        return self.nat if scope is Scope.NATIONAL else self.inst

    def compare(self, cond: Compare, mat: Matrix) -> tuple[np.ndarray, np.ndarray]:
        col = mat.column(cond.operand)
        with np.errstate(invalid="ignore"):
            mask = _OPS[cond.op](col, cond.value) & ~np.isnan(col)
        return mask, col

    def evaluate(self, cond: Condition, scope: Scope) -> tuple[np.ndarray, np.ndarray]:
        """(mask, values) over the rows of ``scope``."""
        mat = self.matrix(scope)
        if isinstance(cond, Compare):
            return self.compare(cond, mat)
        if isinstance(cond, Missing):
            col = mat.column(cond.operand)
            if cond.operand.kind == "stage":
                mask = np.isnan(col) & (mat.answered_indicator[:, mat.indicator_index[cond.operand.ref]] == 0)
            else:
                mask = np.isnan(col)
            return mask, col
        if isinstance(cond, TypeIn):
            mask = np.isin(mat.types, list(cond.types))
            return (~mask if cond.negate else mask), mat.types
        if isinstance(cond, Fired):
            other = self.fired.get(cond.rule)
            if other is None:
                mask = np.zeros(mat.n, dtype=bool)
            elif self.scope[cond.rule] is scope:
                mask = other
            else:  # national ↔ institution: a national rule fired, or any institution fired
                mask = np.full(mat.n, bool(other.any()))
            mask = ~mask if cond.negate else mask
            return mask, mask.astype(float)
        assert isinstance(cond, Share)
        inner, col = self.compare(cond.inner, self.inst)
        known = int((~np.isnan(col)).sum())
        share = float(inner.sum()) / known if known else np.nan
        ok = bool(known) and bool(_OPS[cond.op](share, cond.value))
        return np.full(mat.n, ok), np.full(mat.n, share)


def _subject(cond: Condition) -> str:
    if isinstance(cond, Compare | Missing):
        return cond.operand.text()
    if isinstance(cond, TypeIn):
        return "type"
    if isinstance(cond, Fired):
        return f"fired({cond.rule})"
    return f"share({cond.inner.operand.text()} {cond.inner.op} {cond.inner.value:g})"


def _value(values: np.ndarray, row: int) -> float | str | None:
    v = values[row]
    if isinstance(v, str):
        return v
    f = float(v)
    return None if np.isnan(f) else round(f, 4)


def _fire(
    cr: CompiledRule, ctx: _Context
) -> tuple[np.ndarray, list[tuple[str, str, str, np.ndarray, np.ndarray]]]:
    scope = cr.rule.scope
    n = ctx.matrix(scope).n
    mask = np.ones(n, dtype=bool)
    evaluated = []
    any_mask = np.zeros(n, dtype=bool) if cr.any else np.ones(n, dtype=bool)
    for group, text, cond in cr.conditions():
        m, values = ctx.evaluate(cond, scope)
        if group == "all":
            mask &= m
        elif group == "any":
            any_mask |= m
        else:
            mask &= ~m
        evaluated.append((group, text, _subject(cond), m, values))
    return mask & any_mask, evaluated


def _triggers(evaluated: list[tuple[str, str, str, np.ndarray, np.ndarray]], row: int) -> list[Trigger]:
    out = []
    for group, text, subject, m, values in evaluated:
        if group == "any" and not m[row]:
            continue
        out.append(Trigger(text, group, subject, _value(values, row)))
    return out


class _Owners:
    """Who carries out a national recommendation: a preferred lead, else an institution of the type."""

    def __init__(self, assessment: Assessment):
        self.names = {i.id: i.name for i in assessment.institutions}
        if assessment.national is not None:
            self.names.setdefault(assessment.national.id, assessment.national.name)
        self.by_type: dict[str, str] = {}
        for inst in assessment.institutions:
            self.by_type.setdefault(inst.type.value, inst.id)

    def resolve(self, rule: Rule) -> tuple[str, Translated]:
        for lead in rule.lead:
            if lead in self.names:
                return lead, self.names[lead]
        kind = rule.responsible.value if rule.responsible is not None else "national"
        if kind in self.by_type:
            oid = self.by_type[kind]
            return oid, self.names[oid]
        return f"lead:{kind}", INSTITUTION_TYPE.get(kind, Translated(en=kind))


def generate(
    rulebase: RuleBase,
    framework: Framework,
    assessment: Assessment,
    *,
    compiled: Compiled | None = None,
    weights: B.BenefitWeights = B.DEFAULT_WEIGHTS,
) -> RecommendationSet:
    """Recommendations for ``assessment``; raises :class:`ProblemsError` if the rules cannot be compiled."""
    comp = compiled or compile_rules(rulebase)
    errors, _ = split(comp.problems)
    if errors:
        raise ProblemsError(comp.problems)
    targets = {p.id: rulebase.target(p.id) for p in framework.pillars}
    inst_m, nat_m = build(framework, assessment, targets)
    ctx = _Context(inst_m, nat_m)
    owners = _Owners(assessment)
    n_inst = len(assessment.institutions)
    fired_rows: dict[str, list[int]] = {}
    pending: list[tuple[CompiledRule, int, list[Trigger]]] = []
    for cr in comp.rules:
        ctx.scope[cr.rule.id] = cr.rule.scope
        mask, evaluated = _fire(cr, ctx)
        ctx.fired[cr.rule.id] = mask
        rows = np.flatnonzero(mask).tolist()
        fired_rows[cr.rule.id] = rows
        pending.extend((cr, r, _triggers(evaluated, r)) for r in rows)

    types = {i.id: i.type.value for i in assessment.institutions}
    fired_sets = {rid: set(rows) for rid, rows in fired_rows.items()}
    recs: list[Recommendation] = []
    rule_scope = {cr.rule.id: cr.rule.scope for cr in comp.rules}
    leads = {cr.rule.id: owners.resolve(cr.rule) for cr in comp.rules}
    for cr, row, triggers in pending:
        rule = cr.rule
        coordinator, coordinator_name = leads[rule.id]
        if rule.scope is Scope.NATIONAL:
            inst_id, owner, owner_name = None, coordinator, coordinator_name
            rec_id, inst_type = rule.id, "national"
        else:
            inst_id = inst_m.ids[row]
            owner, owner_name = inst_id, owners.names.get(inst_id, Translated(en=inst_id))
            rec_id, inst_type = f"{rule.id}@{inst_id}", types[inst_id]
        prereqs, met = _prerequisites(rule, inst_id, row, fired_sets, rule_scope, inst_m.ids)
        reached = rule.benefit.institutions_reached
        drivers = B.BenefitDrivers(
            visits_avoided=rule.benefit.visits_avoided,
            transactions_online=rule.benefit.transactions_online,
            institutions_reached=(n_inst if reached == "all" else reached) if inst_id is None else 1,
            sdg_targets=len(rule.sdg),
            political_priority=rule.benefit.political_priority,
        )
        recs.append(
            Recommendation(
                id=rec_id,
                rule=rule.id,
                scope=rule.scope,
                institution=inst_id,
                institution_type=inst_type,
                pillar=rule.pillar,
                title=rule.title,
                description=rule.description,
                horizon=rule.horizon,
                kind=rule.kind,
                category=rule.category,
                responsible=rule.responsible.value if rule.responsible is not None else inst_type,
                owner=owner,
                owner_name=owner_name,
                coordinator=coordinator,
                coordinator_name=coordinator_name,
                prerequisites=prereqs,
                prerequisites_met=met,
                cost_usd=rule.cost_usd,
                duration_quarters=rule.duration_quarters,
                sdg=list(rule.sdg),
                govstack=list(rule.govstack),
                benefit=drivers,
                benefit_weight=B.weight(drivers, weights),
                kpis=list(rule.kpis),
                layer=rule.layer,
                triggers=triggers,
            )
        )
    order = {r.id: k for k, r in enumerate(rulebase.rules)}
    recs.sort(key=lambda r: (r.institution is not None, r.institution or "", order[r.rule]))
    return RecommendationSet(framework.id, rulebase.version, assessment.id, recs, list(comp.problems))


def _prerequisites(
    rule: Rule,
    inst_id: str | None,
    row: int,
    fired: dict[str, set[int]],
    scope: dict[str, Scope],
    ids: list[str],
) -> tuple[list[str], list[str]]:
    prereqs: list[str] = []
    met: list[str] = []
    for pid in rule.prerequisites:
        rows = fired.get(pid, set())
        if scope.get(pid) is Scope.NATIONAL:
            (prereqs if rows else met).append(pid)
        elif inst_id is not None:
            if row in rows:
                prereqs.append(f"{pid}@{inst_id}")
            else:
                met.append(pid)
        elif rows:  # a national recommendation waits for every institution that needs the prerequisite
            prereqs.extend(f"{pid}@{ids[r]}" for r in sorted(rows))
        else:
            met.append(pid)
    return prereqs, met
