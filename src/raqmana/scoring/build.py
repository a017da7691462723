"""The index build: ``build(recipe, data) -> Build``, one immutable object holding every stage.

raw → denominated → screened → imputed → treated → normalised → weighted → aggregated, each a
labelled table,
plus flags (imputed and treated cells, data availability per unit and node), ranks, stages and
the log of what each step actually did. ``Build.regenerate()`` runs the recipe again on the same
data and gives the same numbers; ``Build.methodology(lang)`` describes the steps in en/ar/ckb.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from raqmana.i18n.catalog import ui
from raqmana.problems import Location, Problem, ProblemsError
from raqmana.scoring import errors as E
from raqmana.scoring.aggregate import (
    NotPositive,
    NotSolved,
    Plan,
    aggregate,
    compile_plan,
    means_by_aggregate,
    present_weight,
)
from raqmana.scoring.dataset import Dataset
from raqmana.scoring.denominate import denominate
from raqmana.scoring.hierarchy import Tree
from raqmana.scoring.impute import Imputed, impute
from raqmana.scoring.normalise import normalise
from raqmana.scoring.ranks import rank_desc
from raqmana.scoring.recipe import Recipe, Step
from raqmana.scoring.screen import screen
from raqmana.scoring.stages import stage_labels
from raqmana.scoring.table import FloatArray, Table, label_places
from raqmana.scoring.treat import treat
from raqmana.scoring.weights import compute_weights


@dataclass(frozen=True, eq=False)
class Flags:
    imputed: Table  # units × indicators, True where a value was imputed
    treated: Table  # units × indicators, True where a value was winsorised
    availability: Table  # units × nodes, share of the node's indicators with data (before imputation)


@dataclass(frozen=True, eq=False)
class Build:
    recipe: Recipe
    data: Dataset
    tree: Tree  # the hierarchy after screening
    raw: Table
    denominated: Table  # raw ÷ denominators (the raw table when nothing is denominated)
    screened: Table
    imputed: Table
    treated: Table
    normalised: Table
    weighted: Table
    aggregated: Table  # units × (indicators, then aggregates children-first)
    weights: Mapping[str, float]
    flags: Flags
    ranks: Table  # units × aggregates
    stages: Mapping[str, Table]  # scheme → units × nodes
    warnings: tuple[Problem, ...]
    log: Mapping[str, Mapping[str, Any]]
    #: what the Monte Carlo variants of this build share (hierarchy, denominated and screened data)
    prepared: Prepared | None = None

    @property
    def units(self) -> tuple[str, ...]:
        return self.aggregated.units

    @property
    def index(self) -> str:
        """The top aggregate (the first one when the metadata has several)."""
        roots = self.tree.roots
        return roots[-1] if roots else self.tree.aggregates[-1]

    def score(self, node: str) -> dict[str, float | None]:
        return {u: _plain(v) for u, v in zip(self.units, self.aggregated.col(node), strict=True)}

    def stage(self, node: str, scheme: str | None = None) -> dict[str, str]:
        for name, table in self.stages.items():
            if (scheme is None or scheme == name) and node in table.columns:
                return dict(zip(self.units, (str(v) for v in table.col(node)), strict=True))
        raise KeyError(node)

    def national(self, unit_weights: Mapping[str, float] | None = None) -> dict[str, float | None]:
        """Per node, the (weighted) mean over units of the ones that have a score."""
        w = np.array([1.0 if unit_weights is None else float(unit_weights.get(u, 0.0)) for u in self.units])
        vals = self.aggregated.values
        have = ~np.isnan(vals)
        den = have.T @ w
        num = np.where(have, vals, 0.0).T @ w
        return {
            c: (float(n / d) if d > 0 else None)
            for c, n, d in zip(self.aggregated.columns, num, den, strict=True)
        }

    def regenerate(self) -> Build:
        """Build again from the recipe and the data alone."""
        return build(self.recipe, self.data)

    def same_as(self, other: Build) -> bool:
        tables = (
            "raw",
            "denominated",
            "screened",
            "imputed",
            "treated",
            "normalised",
            "weighted",
            "aggregated",
            "ranks",
        )
        return (
            all(getattr(self, t).equals(getattr(other, t)) for t in tables)
            and self.flags.imputed.equals(other.flags.imputed)
            and self.flags.treated.equals(other.flags.treated)
            and self.flags.availability.equals(other.flags.availability)
            and dict(self.weights) == dict(other.weights)
            and self.stages.keys() == other.stages.keys()
            and all(self.stages[k].equals(other.stages[k]) for k in self.stages)
        )

    def methodology(self, lang: str = "en") -> str:
        from raqmana.scoring.methodology import render

        return render(self, lang)


def _plain(v: Any) -> float | None:
    f = float(v)
    return None if f != f else f


@dataclass(frozen=True)
class Prepared:
    """What every variant of a build shares: the hierarchy, the raw, denominated and screened data.

    With ``screen: {order: after_impute}`` the units and indicators kept are chosen on the data
    imputed by the recipe's own method; the variants impute the whole denominated table (as COINr
    imputes before it screens) and keep the same units and indicators."""

    tree: Tree
    raw: Table
    screened: Table
    warnings: tuple[Problem, ...]
    log: dict[str, Any]
    denominated: Table | None = None
    after_impute: bool = False


@dataclass(frozen=True)
class Transformed:
    imputed: Table
    imputed_mask: Table
    treated: Table
    treated_mask: Table
    normalised: Table
    warnings: tuple[Problem, ...]
    log: dict[str, dict[str, Any]]


def prepare(recipe: Recipe, data: Dataset) -> Prepared:
    recipe.check()
    tree = Tree.from_meta(recipe.meta, file=recipe.meta_file)
    warnings: list[Problem] = list(data.warnings)
    missing = [c for c in tree.indicators if c not in data.columns]
    if missing:
        raise ProblemsError(
            [
                Problem(E.INDICATOR_NOT_IN_DATA, Location(file=data.file, line=1, column=c), {"code": c})
                for c in missing
            ]
        )
    used = {tree.nodes[c].denominator for c in tree.indicators} - {""}
    known = set(tree.indicators) | set(tree.others) | used | set(data.denominator_columns)
    unknown = [c for c in data.columns if c not in known]
    if data.declared and unknown:  # as COINr's new_coin: a data column without a metadata row is refused
        raise ProblemsError(
            [
                Problem(
                    E.NOT_IN_META,
                    Location(file=data.file, line=1, column=c),
                    {"column": c, "meta": recipe.meta_file or "iMeta"},
                )
                for c in unknown
            ]
        )
    warnings += [
        Problem(E.IGNORED_COLUMN, Location(file=data.file, line=1, column=c), {"column": c}) for c in unknown
    ]
    meta_file = recipe.meta_file
    warnings += [
        Problem(
            E.NOT_AGGREGATED, Location(file=meta_file, line=tree.nodes[c].line, column="Parent"), {"code": c}
        )
        for c in tree.unaggregated()
    ]
    raw = data.table.select(tree.indicators)
    den = denominate(raw, data, tree, recipe.denominate, meta=recipe.meta, meta_file=meta_file)
    warnings += den.warnings
    lines = dict(zip(data.units, data.lines, strict=True)) if data.lines else None
    after = recipe.screen.resolved("screen")["order"] == "after_impute"
    if after:  # COINr's examples: Impute(dset = "Denominated"), then Screen(dset = "Imputed")
        imp = impute(den.table, recipe.impute, groups=data.groups, file=data.file, **_panel(data))
        s = screen(imp.table, recipe.screen, file=data.file, lines=lines)
        screened = den.table.select(s.table.columns, s.table.units)
    else:
        s = screen(den.table, recipe.screen, file=data.file, lines=lines)
        screened = s.table
    warnings += s.warnings
    log = {**s.log, "denominate": den.log}
    return Prepared(tree.prune(screened.columns), raw, screened, tuple(warnings), log, den.table, after)


def transform(
    prep: Prepared,
    data: Dataset,
    impute_step: Step,
    treat_step: Step,
    normalise_step: Step,
    meta_file: str = "",
) -> Transformed:
    if prep.after_impute and prep.denominated is not None:
        whole = impute(prep.denominated, impute_step, groups=data.groups, file=data.file, **_panel(data))
        cols, units = prep.screened.columns, prep.screened.units
        imp = Imputed(
            whole.table.select(cols, units), whole.mask.select(cols, units), whole.warnings, whole.log
        )
    else:
        keep = label_places(data.units, list(prep.screened.units))
        groups = {g: tuple(labels[i] for i in keep) for g, labels in data.groups.items()}
        imp = impute(prep.screened, impute_step, groups=groups, file=data.file, **_panel(data))
    trt = treat(imp.table, treat_step, file=data.file)
    nrm = normalise(trt.table, normalise_step, prep.tree.nodes, file=data.file, meta_file=meta_file)
    return Transformed(
        imp.table,
        imp.mask,
        trt.table,
        trt.mask,
        nrm.table,
        imp.warnings + trt.warnings,
        {"impute": imp.log, "treat": trt.log, "normalise": nrm.log},
    )


def _panel(data: Dataset) -> dict[str, Any]:
    """Imputation's view of panel data: the earlier periods (newest first; None for data without
    periods, empty for the first period), the later ones (oldest first) and the period itself."""
    history = data.history if data.panel or data.history else None
    return {"history": history, "later": data.later, "period": data.time}


def not_positive_problem(exc: NotPositive, units: tuple[str, ...], data: Dataset) -> ProblemsError:
    unit = units[exc.unit]
    where = (
        data.cell(unit, exc.child)
        if exc.child in data.columns
        else Location(file=data.file, line=data.line_of(unit))
    )
    method = {
        "geometric": ui("geometric").as_dict(),
        "harmonic": ui("harmonic").as_dict(),
        "genmean": ui("generalised").as_dict(),
    }[exc.method]
    return ProblemsError(
        [
            Problem(
                E.NOT_POSITIVE,
                where,
                {
                    "method": method,
                    "code": exc.code,
                    "child": exc.child,
                    "value": f"{exc.value:g}",
                    "unit": unit,
                },
            )
        ]
    )


def build(recipe: Recipe, data: Dataset) -> Build:
    """Run every step of ``recipe`` on ``data``; raises :class:`ProblemsError` on bad input."""
    prep = prepare(recipe, data)
    tree = prep.tree
    tr = transform(prep, data, recipe.impute, recipe.treat, recipe.normalise, recipe.meta_file)
    agg_p = recipe.aggregate.resolved("aggregate")
    means = means_by_aggregate(tree, recipe.aggregate.method, dict(agg_p["by_level"]))
    plan = compile_plan(tree, str(agg_p["na"]), agg_p["dat_thresh"], bod_shares(recipe, tree, means))
    x = np.asarray(tr.normalised.values, dtype=np.float64)
    units = tr.normalised.units
    try:
        wts = compute_weights(
            tree, plan, x, means, recipe.weights, file=recipe.meta_file, recipe_file=recipe.source
        )
        agg = aggregate(plan, x, wts.vector[None, :], means, units, float(agg_p.get("p", 2.0)))[0]
    except NotPositive as exc:
        raise not_positive_problem(exc, units, data) from None
    except NotSolved as exc:
        where = Location(file=recipe.source, path="aggregate")
        params = {"code": exc.code, "unit": units[exc.unit], "detail": exc.message}
        raise ProblemsError([Problem(E.BOD_NOT_SOLVED, where, params)]) from None

    codes = tree.codes
    aggregated = Table(units, codes, np.hstack([x, agg]))
    weighted = Table(units, tree.indicators, _weighted(tree, plan, x, agg, wts.vector))
    present = ~np.isnan(np.asarray(prep.screened.values, dtype=np.float64))
    d = tree.descendant_matrix()
    availability = np.hstack([present.astype(np.float64), (present @ d) / np.maximum(d.sum(axis=0), 1.0)])
    ranks = Table(units, tree.aggregates, rank_desc(agg.T).T if agg.size else agg)
    stages = _stages(recipe, tree, aggregated)
    screen_log = {k: v for k, v in prep.log.items() if k != "denominate"}
    log: dict[str, dict[str, Any]] = {
        "denominate": prep.log.get("denominate", {}),
        "screen": screen_log,
        **tr.log,
        "weights": wts.log,
        "aggregate": {
            "method": recipe.aggregate.method,
            "na": agg_p["na"],
            "by_aggregate": dict(zip(tree.aggregates, means, strict=True)),
            "by_level": {int(k): v for k, v in dict(agg_p["by_level"]).items()},
            "dat_thresh": agg_p["dat_thresh"],
        },
    }
    return Build(
        recipe=recipe,
        data=data,
        tree=tree,
        raw=prep.raw,
        denominated=prep.denominated if prep.denominated is not None else prep.raw,
        screened=prep.screened,
        imputed=tr.imputed,
        treated=tr.treated,
        normalised=tr.normalised,
        weighted=weighted,
        aggregated=aggregated,
        weights=dict(zip(codes, (float(v) for v in wts.vector), strict=True)),
        flags=Flags(tr.imputed_mask, tr.treated_mask, Table(units, codes, availability)),
        ranks=ranks,
        stages=stages,
        warnings=prep.warnings + tr.warnings,
        log=log,
        prepared=prep,
    )


def bod_shares(recipe: Recipe, tree: Tree, means: tuple[str, ...]) -> tuple[float, float]:
    """The benefit of the doubt's bounds on a child's share of a unit's score (``aggregate: bod``'s
    share_min and share_max; free with bod in ``by_level``), refused where an aggregate has too few or
    too many children for them."""
    p = recipe.aggregate.resolved("aggregate")
    lo, hi = float(p.get("share_min", 0.0)), float(p.get("share_max", 1.0))
    problems = [
        Problem(
            E.BAD_PARAMETER,
            Location(file=recipe.source, path="aggregate"),
            {
                "step": E.STEP["aggregate"],
                "name": "share_min" if lo * n > 1 else "share_max",
                "detail": E.detail("bod_children", code=a, n=n),
            },
        )
        for a, mean in zip(tree.aggregates, means, strict=True)
        if mean == "bod"
        for n in [len(tree.children[a])]
        if lo * n > 1 or hi * n < 1
    ]
    if problems:
        raise ProblemsError(problems)
    return lo, hi


def _weighted(tree: Tree, plan: Plan, x: FloatArray, agg: FloatArray, w: FloatArray) -> FloatArray:
    """Each indicator's normalised value × its share of the weight present in its parent."""
    den = present_weight(plan, x, agg, w)
    agg_pos = {a: i for i, a in enumerate(tree.aggregates)}
    out = x.copy()
    zero = plan.zero
    for j, code in enumerate(tree.indicators):
        parent = tree.nodes[code].parent
        if not parent:
            continue
        col = np.where(np.isnan(x[:, j]) & zero[j], 0.0, x[:, j])
        with np.errstate(divide="ignore", invalid="ignore"):
            share = np.where(den[:, agg_pos[parent]] > 0, w[j] / den[:, agg_pos[parent]], np.nan)
        out[:, j] = col * share
    return out


def _stages(recipe: Recipe, tree: Tree, aggregated: Table) -> dict[str, Table]:
    out: dict[str, Table] = {}
    problems: list[Problem] = []
    for i, rule in enumerate(recipe.stages):
        nodes = rule.nodes or tree.aggregates
        unknown = [n for n in nodes if n not in aggregated.columns]
        problems += [
            Problem(E.UNKNOWN_NODE, Location(file=recipe.source, path=f"stages[{i}].nodes"), {"code": n})
            for n in unknown
        ]
        if unknown:
            continue
        labels = np.column_stack(
            [stage_labels(rule.scheme, aggregated.col(n), rule.score_max) for n in nodes]
        )
        previous = out.get(rule.scheme)
        if previous is not None:  # two rules of one scheme: join their columns
            keep = [n for n in nodes if n not in previous.columns]
            labels = np.hstack([previous.values, labels[:, [list(nodes).index(n) for n in keep]]])
            nodes = previous.columns + tuple(keep)
        out[rule.scheme] = Table(aggregated.units, tuple(nodes), labels)
    if problems:
        raise ProblemsError(problems)
    return out
