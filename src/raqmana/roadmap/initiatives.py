"""Recommendations → initiatives and their dependency graph.

Each national recommendation becomes one initiative. Per-institution recommendations become one
initiative each, or — when there are too many for one plan — one programme per rule that covers
every institution concerned, owned by the rule's coordinating institution.

Dependencies are the explicit prerequisites plus the *layer rules* of the field's sequencing
(mandate and law → institutions → frameworks and standards → shared platforms → services →
proactive services): an initiative waits for related initiatives of lower layers. Two initiatives
are related when they share a pillar or a GovStack building block, or when the earlier one is
national and its pillar is one the later one's pillar depends on (the framework's ``depends_on``).
An initiative that explicitly waits for a higher-layer one moves up to that layer, so layer rules
never close a cycle. A layer dependency lets the later initiative start once the earlier one is half
done (``lag = −⌊duration/2⌋``: a platform project can start while its law goes through parliament);
an explicit prerequisite must be finished first. Capacity development runs in parallel (no layer). Redundant layer edges (implied
by other paths) are dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from raqmana.i18n import Translated, format_number
from raqmana.i18n.catalog import ui
from raqmana.recommend.benefit import DEFAULT_WEIGHTS, BenefitDrivers, BenefitWeights, weight
from raqmana.recommend.model import Recommendation
from raqmana.recommend.rules import Category
from raqmana.roadmap import dag
from raqmana.roadmap.model import Dependency, DependencyKind, Initiative, Layer

CATEGORY_LAYER: dict[Category, Layer | None] = {
    Category.LAW: Layer.MANDATE_LAW,
    Category.INSTITUTION: Layer.INSTITUTIONS,
    Category.FRAMEWORK: Layer.FRAMEWORKS,
    Category.PLATFORM: Layer.PLATFORMS,
    Category.SERVICE: Layer.SERVICES,
    Category.CAPACITY: None,
}
_PROGRAMME = ui("{title} — programme for {n} institutions")


@dataclass(frozen=True)
class Options:
    #: None: one initiative per institution unless that makes more than ``max_separate`` initiatives
    group_institutions: bool | None = None
    max_separate: int = 400
    cost_basis: str = "mid"  # "low" | "mid" | "high"
    weights: BenefitWeights = DEFAULT_WEIGHTS


def _cost(rec: Recommendation, basis: str) -> int:
    return {"low": rec.cost_usd.low, "high": rec.cost_usd.high}.get(basis, rec.cost_usd.mid)


def _layer(rec: Recommendation) -> Layer | None:
    return Layer(rec.layer) if rec.layer is not None else CATEGORY_LAYER[rec.category]


def _single(rec: Recommendation, basis: str) -> Initiative:
    name = rec.title
    if rec.institution is not None:
        name = Translated(
            **{
                lang: f"{rec.title.get(lang)} — {rec.owner_name.get(lang) or rec.owner}"
                for lang in ("en", "ar", "ckb")
            }
        )
    return Initiative(
        id=rec.id,
        name=name,
        description=rec.description,
        owner=rec.owner,
        owner_name=rec.owner_name,
        pillar=rec.pillar,
        category=rec.category,
        kind=rec.kind,
        layer=_layer(rec),
        cost_usd=_cost(rec, basis),
        cost_low=rec.cost_usd.low,
        cost_high=rec.cost_usd.high,
        duration=rec.duration_quarters,
        benefit=rec.benefit_weight,
        building_blocks=list(rec.govstack),
        sdg=list(rec.sdg),
        kpis=list(rec.kpis),
        recommendations=[rec.id],
        institutions=[rec.institution] if rec.institution else [],
    )


def _programme(rule: str, recs: list[Recommendation], opts: Options) -> Initiative:
    first, k = recs[0], len(recs)
    drivers = BenefitDrivers(
        visits_avoided=first.benefit.visits_avoided * k,
        transactions_online=first.benefit.transactions_online * k,
        institutions_reached=k,
        sdg_targets=first.benefit.sdg_targets,
        political_priority=first.benefit.political_priority,
    )
    name = Translated(
        **{
            lang: _PROGRAMME.get(lang).format(
                title=first.title.get(lang), n=format_number(k, lang, decimals=0)
            )
            for lang in ("en", "ar", "ckb")
        }
    )
    return Initiative(
        id=f"{rule}@programme",
        name=name,
        description=first.description,
        owner=first.coordinator,
        owner_name=first.coordinator_name,
        pillar=first.pillar,
        category=first.category,
        kind=first.kind,
        layer=_layer(first),
        cost_usd=sum(_cost(r, opts.cost_basis) for r in recs),
        cost_low=sum(r.cost_usd.low for r in recs),
        cost_high=sum(r.cost_usd.high for r in recs),
        duration=first.duration_quarters,
        benefit=weight(drivers, opts.weights),
        building_blocks=list(first.govstack),
        sdg=list(first.sdg),
        kpis=list(first.kpis),
        recommendations=[r.id for r in recs],
        institutions=[r.institution for r in recs if r.institution],
    )


def from_recommendations(
    recs: Sequence[Recommendation],
    *,
    pillar_depends: dict[str, list[str]] | None = None,
    options: Options = Options(),
) -> tuple[list[Initiative], list[Dependency]]:
    """Initiatives and dependencies (explicit + layer rules) for ``recs``."""
    group = options.group_institutions
    if group is None:
        group = len(recs) > options.max_separate
    initiatives: list[Initiative] = []
    carried_by: dict[str, str] = {}  # recommendation id → initiative id
    by_rule: dict[str, list[Recommendation]] = {}
    for rec in recs:
        if rec.institution is not None and group:
            by_rule.setdefault(rec.rule, []).append(rec)
            continue
        initiatives.append(_single(rec, options.cost_basis))
        carried_by[rec.id] = rec.id
    for rule, members in by_rule.items():
        prog = _programme(rule, members, options)
        initiatives.append(prog)
        for r in members:
            carried_by[r.id] = prog.id
    explicit: dict[tuple[str, str], Dependency] = {}
    for rec in recs:
        after = carried_by[rec.id]
        for pre in rec.prerequisites:
            before = carried_by.get(pre, pre)  # an unknown id stays visible to the graph check
            if before != after:
                explicit.setdefault((before, after), Dependency(before=before, after=after))
    deps = list(explicit.values())
    return initiatives, deps + layer_dependencies(initiatives, deps, pillar_depends or {})


def layer_dependencies(
    initiatives: Sequence[Initiative], explicit: Sequence[Dependency], pillar_depends: dict[str, list[str]]
) -> list[Dependency]:
    """Dependencies added by the layer rules (none if the explicit graph is not a DAG)."""
    g, problems = dag.build(initiatives, explicit)
    if problems or dag.find_cycle(g):
        return []
    items = list(initiatives)  # no duplicates (checked above), so graph index k is initiatives[k]
    # effective layer: an initiative that waits (directly or through unlayered ones) for a higher
    # layer moves up to it, so that no layer edge can point back against an explicit path
    floor = [-1 if it.layer is None else int(it.layer) for it in items]
    for i in dag.topological_order(g):
        for j, _ in g.succ[i]:
            floor[j] = max(floor[j], floor[i])
    eff: list[int | None] = [None if it.layer is None else floor[k] for k, it in enumerate(items)]
    candidates: list[tuple[int, int]] = []
    for b, B in enumerate(items):
        if eff[b] is None:
            continue
        for a, A in enumerate(items):
            ea, eb = eff[a], eff[b]
            if ea is None or eb is None or ea >= eb:
                continue
            national = not A.institutions or len(A.institutions) > 1
            if not national and A.institutions != B.institutions:
                continue
            if (
                A.pillar == B.pillar
                or set(A.building_blocks) & set(B.building_blocks)
                or (national and A.pillar in pillar_depends.get(B.pillar, []))
            ):
                candidates.append((a, b))
    return _reduce(g, items, candidates)


def _reduce(g: dag.Graph, items: list[Initiative], candidates: list[tuple[int, int]]) -> list[Dependency]:
    """Keep the candidate edges that no other path (explicit or candidate) already implies."""
    existing = {(i, j) for i in range(g.n) for j, _ in g.succ[i]}
    for a, b in candidates:
        if (a, b) not in existing:
            g.succ[a].append((b, 0))
            g.pred[b].append((a, 0))
    reach = dag.reachability(g)
    out: list[Dependency] = []
    for a, b in candidates:
        if (a, b) in existing:
            continue
        implied = any(w != b and (reach[w] >> b) & 1 for w, _ in g.succ[a])
        if not implied:
            out.append(
                Dependency(
                    before=items[a].id,
                    after=items[b].id,
                    kind=DependencyKind.LAYER,
                    lag=-(items[a].duration // 2),
                )
            )
    return out
