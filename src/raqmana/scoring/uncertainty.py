"""Step 8 — uncertainty analysis by Monte Carlo (JRC step 7).

Every run rebuilds the index with weights perturbed by ±``weight_noise`` (each weight times
1 + U(−x, x)) and with an imputation, normalisation and aggregation drawn at random among the
recipe's own and the alternatives. Per unit and aggregate it reports the score interval
(5–95 % by default), the median, the rank interval, and the stage stability: the share of runs in
which the unit stays in its nominal stage. The national figure is the mean over units in each run.

A run that cannot be computed (say a geometric-mean alternative meeting a 0) is recorded as failed
with its reason and left out, as COINr does; each alternative's share of failed runs is reported
as a warning. The analysis is refused only when fewer than ``min_success`` of the runs succeed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from raqmana.problems import Location, Problem, ProblemsError
from raqmana.scoring import errors as E
from raqmana.scoring.build import Build
from raqmana.scoring.montecarlo import Choices, Engine, Failure, choices_of
from raqmana.scoring.packed import order_values
from raqmana.scoring.ranks import rank_quantiles
from raqmana.scoring.recipe import UncertaintySpec
from raqmana.scoring.stages import stage_codes
from raqmana.scoring.table import FloatArray, Table
from raqmana.scoring.threads import one_blas_thread, parallel_map


@dataclass(frozen=True, eq=False)
class UncertaintyResult:
    spec: UncertaintySpec
    choices: Choices
    nominal: Table  # units × aggregates
    low: Table
    median: Table
    high: Table
    rank: Table
    rank_low: Table
    rank_high: Table
    stability: Table  # units × staged aggregates: share of runs in the nominal stage
    national: Table  # rows nominal/low/median/high × aggregates
    samples: FloatArray  # successful runs × units × aggregates
    attempted: int = 0  # runs drawn, failed ones included
    failed: tuple[dict[str, Any], ...] = ()  # per failing choice: choice, runs, share, reason (en/ar/ckb)
    warnings: tuple[Problem, ...] = ()
    #: indicators whose values were drawn anew in each run (e.g. survey indicators' sampling error)
    sampled: tuple[str, ...] = ()

    @property
    def runs(self) -> int:
        """The runs that succeeded (those the intervals are computed from)."""
        return int(self.samples.shape[0])

    def interval(self, unit: str, node: str) -> tuple[float, float]:
        return float(self.low.get(unit, node)), float(self.high.get(unit, node))

    def to_columns(self) -> tuple[tuple[str, ...], tuple[str, ...], dict[str, FloatArray]]:
        """The ``uncertainty.csv`` table by column: unit codes and nodes (one row per unit and
        aggregate, unit-major), then each statistic as a float array (NaN where there is none)."""
        units, nodes = self.nominal.units, self.nominal.columns
        cols = {
            name: np.asarray(getattr(self, name).values, dtype=np.float64).reshape(-1)
            for name in ("nominal", "low", "median", "high", "rank", "rank_low", "rank_high")
        }
        stability = np.full((len(units), len(nodes)), np.nan)
        for k, node in enumerate(self.stability.columns):
            stability[:, nodes.index(node)] = self.stability.values[:, k]
        cols["stage_stability"] = stability.reshape(-1)
        return (
            tuple(u for u in units for _ in nodes),
            tuple(nodes) * len(units),
            cols,
        )

    def to_rows(self) -> list[dict[str, Any]]:
        """One row per unit and aggregate (the ``uncertainty.csv`` table); missing numbers are None."""
        units, nodes, cols = self.to_columns()
        names = list(cols)
        matrix = np.column_stack([cols[n] for n in names]).astype(object)
        matrix[np.isnan(np.column_stack([cols[n] for n in names]))] = None
        return [
            {"uCode": u, "node": n, **dict(zip(names, row, strict=True))}
            for u, n, row in zip(units, nodes, matrix.tolist(), strict=True)
        ]


def analyse_uncertainty(
    b: Build,
    spec: UncertaintySpec | None = None,
    *,
    unit_weights: Mapping[str, float] | None = None,
    sampled: Mapping[str, FloatArray] | None = None,
) -> UncertaintyResult:
    """Monte Carlo over the recipe's uncertain choices (``spec`` or ``b.recipe.uncertainty``).

    ``sampled``: indicator → runs × units (the build's units) raw values drawn for each run, e.g. a
    survey indicator's bootstrap estimates (:mod:`raqmana.surveys.sampling`); NaN where a unit's
    value does not vary. Its rows must be as many as the runs."""
    spec = spec or b.recipe.uncertainty
    if spec is None:
        raise ProblemsError(
            [Problem(E.NOTHING_UNCERTAIN, Location(file=b.recipe.source, path="uncertainty"))]
        )
    b.recipe.with_(uncertainty=spec).check()
    choices = choices_of(b, spec)
    runs = spec.runs
    if sampled and any(np.shape(v)[0] != runs for v in sampled.values()):
        raise ValueError(f"sampled values: {runs} runs expected")
    engine = Engine(b, choices, sampled)
    rng = np.random.default_rng(spec.seed)
    weights = engine.noisy_weights(rng, runs, spec.weight_noise, spec.noise_by_level)
    imp = rng.integers(0, len(choices.impute), runs)
    nrm = rng.integers(0, len(choices.normalise), runs)
    agg = rng.integers(0, len(choices.aggregate), runs)
    # drawn only when there are alternatives, so that recipes without them keep their draws
    trt = (
        rng.integers(0, len(choices.treat), runs) if len(choices.treat) > 1 else np.zeros(runs, dtype=np.intp)
    )
    samples, failures = engine.run(imp, nrm, agg, weights, trt)
    failed = np.zeros(runs, dtype=bool)
    for f in failures:
        failed |= (imp == f.combo[0]) & (nrm == f.combo[1]) & (agg == f.combo[2]) & (trt == f.combo[3])
    reports = _failure_reports(choices, failures, imp, nrm, agg, trt)
    where = Location(file=b.recipe.source, path="uncertainty")
    ok = int(runs - failed.sum())
    if ok == 0 or ok / runs < spec.min_success:
        worst = max(reports, key=lambda r: r["runs"])
        raise ProblemsError(
            [
                Problem(
                    E.TOO_MANY_FAILED_RUNS,
                    where,
                    {
                        "ok": ok,
                        "runs": runs,
                        "minimum": f"{100 * spec.min_success:.0f} %",
                        "reason": _reason(worst),
                    },
                )
            ]
        )
    warnings = tuple(
        Problem(
            E.FAILED_RUNS,
            where,
            {"failed": r["runs"], "runs": r["of"], "choice": r["choice"], "reason": _reason(r)},
        )
        for r in reports
    )
    stack = np.moveaxis(samples, 2, 0)  # aggregates × runs × units, the engine's own layout
    kept = np.moveaxis(stack[:, ~failed], 0, 2) if failed.any() else samples
    kept.flags.writeable = False
    result = summarise(b, spec, choices, kept, unit_weights)
    return replace(
        result, attempted=runs, failed=tuple(reports), warnings=warnings, sampled=tuple(engine.sampled)
    )


KINDS = ("impute", "normalise", "aggregate", "treat")


def _failure_reports(
    choices: Choices, failures: list[Failure], imp: Any, nrm: Any, agg: Any, trt: Any
) -> list[dict[str, Any]]:
    """One report per failing choice (the alternatives in the failed combination, joined by +)."""
    picked = {"impute": imp, "normalise": nrm, "aggregate": agg, "treat": trt}
    out: dict[str, dict[str, Any]] = {}
    for f in failures:
        parts = [(kind, i) for kind, i in zip(KINDS, f.combo, strict=True) if i] or [("aggregate", 0)]
        label = " + ".join(choices.label(kind, i) for kind, i in parts)
        drawn = int(np.logical_and.reduce([picked[kind] == i for kind, i in parts]).sum())
        report = out.setdefault(label, {"choice": label, "runs": 0, "of": drawn, "problem": f.problem})
        report["runs"] += f.runs
    for r in out.values():
        r["share"] = r["runs"] / r["of"] if r["of"] else 0.0
        p: Problem = r.pop("problem")
        r["reason"] = {lang: p.message(lang) for lang in ("en", "ar", "ckb")}
    return list(out.values())


def _reason(report: dict[str, Any]) -> dict[str, str]:
    """ "choice — message" in each language (the message names the unit, indicator and value)."""
    return {lang: f"{report['choice']} — {text}" for lang, text in report["reason"].items()}


def summarise(
    b: Build,
    spec: UncertaintySpec,
    choices: Choices,
    samples: FloatArray,
    unit_weights: Mapping[str, float] | None,
) -> UncertaintyResult:
    units, nodes = b.units, b.tree.aggregates
    q_lo, q_hi = spec.quantiles
    nominal = np.asarray(b.aggregated.select(nodes).values, dtype=np.float64)
    stats = np.full((3, len(units), len(nodes)), np.nan)
    rstats = np.full((2, len(units), len(nodes)), np.nan)
    staged = _stage_rules(b)
    stability = np.full((len(units), len(staged)), np.nan)
    w = np.array([1.0 if unit_weights is None else float(unit_weights.get(u, 0.0)) for u in units])
    national_runs = np.empty((samples.shape[0], len(nodes)))

    stack = np.moveaxis(samples, 2, 0)  # aggregates × runs × units: a view when the engine made it

    def one(a: int) -> None:
        col = np.ascontiguousarray(stack[a])  # runs × units
        national_runs[:, a] = _weighted_mean(col, w)
        stats[:, :, a] = _quantiles(col, [q_lo, 0.5, q_hi])
        rstats[:, :, a] = rank_quantiles(col, q_lo, q_hi)

    # numpy sorts without the GIL: the aggregates' ranks and quantiles go in parallel on every core
    with one_blas_thread():
        parallel_map(one, range(len(nodes)))
    for k, (node, scheme, score_max) in enumerate(staged):
        a = nodes.index(node)
        nominal_stage = stage_codes(scheme, nominal[:, a], score_max)
        run_stages = stage_codes(scheme, samples[:, :, a], score_max)
        stability[:, k] = np.where(nominal_stage >= 0, (run_stages == nominal_stage).mean(axis=0), np.nan)
    national = np.vstack([_weighted_mean(nominal.T, w), _quantiles(national_runs, [q_lo, 0.5, q_hi])])

    def t(v: FloatArray, cols: tuple[str, ...] = nodes) -> Table:
        return Table(units, cols, v)

    return UncertaintyResult(
        spec=spec,
        choices=choices,
        nominal=t(nominal),
        low=t(stats[0]),
        median=t(stats[1]),
        high=t(stats[2]),
        rank=t(np.asarray(b.ranks.values, dtype=np.float64)),
        rank_low=t(rstats[0]),
        rank_high=t(rstats[1]),
        stability=t(stability, tuple(n for n, _, _ in staged)),
        national=Table(("nominal", "low", "median", "high"), nodes, national),
        samples=samples,
    )


def _stage_rules(b: Build) -> list[tuple[str, str, float | None]]:
    """(aggregate, scheme, score_max) for each aggregate covered by a stage rule (first rule wins)."""
    seen: dict[str, tuple[str, str, float | None]] = {}
    for rule in b.recipe.stages:
        for node in rule.nodes or b.tree.aggregates:
            if node in b.tree.aggregates and node not in seen:
                seen[node] = (node, rule.scheme, rule.score_max)
    return [seen[n] for n in b.tree.aggregates if n in seen]


def _quantiles(values: FloatArray, qs: list[float], methods: list[str] | None = None) -> FloatArray:
    """Quantiles over runs (axis 0) of a runs × units array; NaN runs are left out. Each method is
    "linear" (R/numpy type 7), "lower" or "higher"."""
    methods = methods or ["linear"] * len(qs)
    lanes = np.array(values.T, dtype=np.float64, order="C")  # units × runs
    if lanes.shape[1] and np.isfinite(lanes).all():  # every run counts: only the values read are found
        runs = lanes.shape[1]
        hs = [(runs - 1) * q for q in qs]
        ks = sorted({int(np.floor(h)) for h in hs} | {int(np.ceil(h)) for h in hs})
        found = order_values(lanes, ks)
        if found is not None:
            at = dict(zip(ks, found, strict=True))
            return np.vstack(
                [
                    _between(at[int(np.floor(h))], at[int(np.ceil(h))], h - np.floor(h), method)
                    for h, method in zip(hs, methods, strict=True)
                ]
            )
    # a full sort: numpy's vectorised (AVX-512) sort beats np.partition at these sizes, even with the
    # six order statistics of three quantiles asked at once (measured: 13.8 against 17.4 ms per
    # 900 units × 1,000 runs); the transposed copy is sorted in place
    lanes.sort(axis=1)  # NaN last
    if lanes.shape[1] and not np.isnan(lanes[:, -1]).any():  # no NaN anywhere: every run counts
        valid = np.full(lanes.shape[0], lanes.shape[1])
    else:
        valid = (~np.isnan(lanes)).sum(axis=1)
    has = valid > 0
    out = np.full((len(qs), lanes.shape[0]), np.nan)
    for k, (q, method) in enumerate(zip(qs, methods, strict=True)):
        h = (np.maximum(valid, 1) - 1) * q
        lo_i = np.floor(h).astype(np.intp)
        hi_i = np.ceil(h).astype(np.intp)
        v_lo = np.take_along_axis(lanes, lo_i[:, None], axis=1)[:, 0].astype(np.float64)
        v_hi = np.take_along_axis(lanes, hi_i[:, None], axis=1)[:, 0].astype(np.float64)
        out[k] = np.where(has, _between(v_lo, v_hi, h - lo_i, method), np.nan)
    return out


def _between(v_lo: FloatArray, v_hi: FloatArray, frac: Any, method: str) -> FloatArray:
    """The quantile between two neighbouring order statistics: "lower", "higher" or "linear"."""
    if method == "lower":
        return v_lo
    if method == "higher":
        return v_hi
    out: FloatArray = v_lo + frac * (v_hi - v_lo)
    return out


def _weighted_mean(values: FloatArray, w: FloatArray) -> FloatArray:
    """(rows × units) → rows: the weighted mean over the units that have a score."""
    if not np.isnan(values).any():
        total = float(w.sum())
        return (values @ w) / total if total > 0 else np.full(values.shape[0], np.nan)
    have = ~np.isnan(values)
    num = np.where(have, values, 0.0) @ w
    den = have.astype(np.float64) @ w
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(den > 0, num / den, np.nan)
