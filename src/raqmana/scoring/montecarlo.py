"""The Monte Carlo engine shared by uncertainty and sensitivity analysis.

Each run picks an imputation, a normalisation and an aggregation (the recipe's own or one of the
alternatives) and a set of weights. The few (imputation × normalisation) variants of the data are
computed once; runs that share them are aggregated together in batches, many weight sets per
matrix product, so a thousand full builds cost about as much as a few dozen.

A combination that cannot be computed (e.g. a geometric mean meeting a 0, a z-score of a constant
indicator) does not stop the analysis, as in COINr: its runs are marked failed with the reason and
left out of the results; the caller decides whether enough runs succeeded.

Sampled indicators (e.g. survey indicators, whose values carry sampling error) have raw values drawn
anew for every run: in each run their cells that have a value take the run's value, pass through the
combination's normalisation and enter their aggregate as per-run children; the cells a unit has no
value in keep what the combination's imputation gave them, and treatment is the nominal data's.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from raqmana.problems import Location, Problem, ProblemsError
from raqmana.scoring import errors as E
from raqmana.scoring.aggregate import NotPositive, aggregate_stack, compile_plan, means_by_aggregate
from raqmana.scoring.build import Build, Prepared, not_positive_problem, transform
from raqmana.scoring.normalise import normalise, normalise_runs
from raqmana.scoring.recipe import Step, UncertaintySpec
from raqmana.scoring.table import FloatArray, Table
from raqmana.scoring.threads import one_blas_thread, parallel_map

IntArray = npt.NDArray[np.intp]
BATCH = 256  # weight sets per pass over the hierarchy: large enough for BLAS, small enough for memory


@dataclass(frozen=True)
class Choices:
    """The options of each uncertain choice; index 0 is always the recipe's own."""

    impute: tuple[Step, ...]
    normalise: tuple[Step, ...]
    aggregate: tuple[str, ...]  # "recipe" first, then alternative means applied at every level
    treat: tuple[Step, ...] = ()  # the recipe's own first (empty: only the recipe's)

    def label(self, kind: str, i: int) -> str:
        """A choice as the recipe spells it, e.g. "aggregate: geometric"."""
        if kind == "aggregate":
            return f"aggregate: {self.aggregate[i]}"
        step: Step = getattr(self, kind)[i]
        params = ", ".join(f"{k}: {v}" for k, v in step.params.items())
        return f"{kind}: {step.method}" + (f" {{{params}}}" if params else "")


@dataclass(frozen=True)
class Failure:
    """The runs of one (imputation, normalisation, aggregation) combination that could not be computed."""

    combo: tuple[int, int, int, int]  # imputation, normalisation, aggregation, treatment
    runs: int
    problem: Problem


def choices_of(b: Build, spec: UncertaintySpec) -> Choices:
    imp = _dedupe((b.recipe.impute, *spec.impute))
    nrm = _dedupe((b.recipe.normalise, *spec.normalise))
    agg = ("recipe", *[m for m in dict.fromkeys(spec.aggregate) if not _is_nominal_mean(b, m)])
    trt = _dedupe((b.recipe.treat, *spec.treat))
    return Choices(imp, nrm, agg, trt)


def _dedupe(steps: Sequence[Step]) -> tuple[Step, ...]:
    out: list[Step] = []
    for s in steps:
        if s not in out:
            out.append(s)
    return tuple(out)


def _is_nominal_mean(b: Build, mean: str) -> bool:
    return not b.recipe.aggregate.resolved("aggregate")["by_level"] and b.recipe.aggregate.method == mean


class Engine:
    def __init__(self, b: Build, choices: Choices, sampled: Mapping[str, FloatArray] | None = None):
        """``sampled``: indicator → runs × units raw values drawn for each run (NaN: the unit's value
        does not vary); indicators the build screened out are ignored."""
        self.build = b
        self.choices = choices
        columns = {c: k for k, c in enumerate(b.tree.indicators)}
        self.sampled: dict[str, tuple[int, FloatArray]] = {
            code: (columns[code], np.asarray(values, dtype=np.float64))
            for code, values in (sampled or {}).items()
            if code in columns
        }
        for code, (_, values) in self.sampled.items():
            if values.ndim != 2 or values.shape[1] != len(b.units):
                raise ValueError(f"sampled values of {code}: runs × {len(b.units)} units expected")
        agg_p = b.recipe.aggregate.resolved("aggregate")
        self.plan = compile_plan(b.tree, str(agg_p["na"]), agg_p["dat_thresh"])
        self.power = float(agg_p.get("p", 2.0))  # the generalised mean's exponent
        nominal = means_by_aggregate(
            b.tree, b.recipe.aggregate.method, dict(b.recipe.aggregate.resolved("aggregate")["by_level"])
        )
        self.means: list[tuple[str, ...]] = [nominal] + [
            tuple(m for _ in b.tree.aggregates) for m in choices.aggregate[1:]
        ]
        if any("bod" in means for means in self.means):  # a linear programme per unit and run: refused
            path = "uncertainty.aggregate" if "bod" in choices.aggregate else "aggregate"
            where = Location(file=b.recipe.source, path=path)
            raise ProblemsError([Problem(E.BOD_IN_MONTE_CARLO, where)])
        self.weights0 = np.array([b.weights[c] for c in b.tree.codes])
        self._prep = b.prepared or Prepared(b.tree, b.raw, b.screened, (), {})
        self._treated: dict[tuple[int, int], Table] = {(0, 0): b.treated}
        self._data: dict[tuple[int, int, int], FloatArray] = {
            (0, 0, 0): np.asarray(b.normalised.values, dtype=np.float64)
        }
        self.levels = np.array([b.tree.level[c] for c in b.tree.codes])

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.build.units), len(self.build.tree.aggregates)

    def data(self, i: int, n: int, t: int = 0) -> FloatArray:
        if (i, t, n) not in self._data:
            treatments = self.choices.treat or (self.build.recipe.treat,)
            if (i, t) not in self._treated:
                tr = transform(
                    self._prep,
                    self.build.data,
                    self.choices.impute[i],
                    treatments[t],
                    self.choices.normalise[n],
                    self.build.recipe.meta_file,
                )
                self._treated[(i, t)] = tr.treated
                self._data[(i, t, n)] = np.asarray(tr.normalised.values, dtype=np.float64)
            else:
                nrm = normalise(
                    self._treated[(i, t)],
                    self.choices.normalise[n],
                    self.build.tree.nodes,
                    file=self.build.data.file,
                    meta_file=self.build.recipe.meta_file,
                )
                self._data[(i, t, n)] = np.asarray(nrm.table.values, dtype=np.float64)
        return self._data[(i, t, n)]

    def moving(self, key: tuple[int, int, int, int], part: IntArray) -> dict[int, FloatArray]:
        """The sampled indicators' normalised values in the runs ``part`` of one combination."""
        i, n, t = key[0], key[1], key[3]
        treated = self._treated[(i, t)]
        out = {}
        for code, (column, values) in self.sampled.items():
            base = np.asarray(treated.values[:, treated.columns.index(code)], dtype=np.float64)
            drawn = values[part]
            raw = np.where(np.isnan(drawn), base[None, :], drawn)
            step = self.choices.normalise[n]
            out[column] = normalise_runs(raw, step, self.build.tree.nodes[code], file=self.build.data.file)
        return out

    def noisy_weights(
        self, rng: np.random.Generator, runs: int, noise: float, by_level: Mapping[int, float] | None = None
    ) -> FloatArray:
        """Each weight × (1 + U(−x, x)), x the noise of the weighted node's level (or ``noise``)."""
        x = np.array([float((by_level or {}).get(int(lv), noise)) for lv in self.levels])
        if not (x > 0).any():
            return np.broadcast_to(self.weights0, (runs, self.weights0.size)).copy()
        noisy: FloatArray = self.weights0 * (
            1.0 + rng.uniform(-1.0, 1.0, size=(runs, self.weights0.size)) * x
        )
        return noisy

    def run(
        self, imp: IntArray, nrm: IntArray, agg: IntArray, weights: FloatArray, trt: IntArray | None = None
    ) -> tuple[FloatArray, list[Failure]]:
        """runs × units × aggregates (NaN for failed runs), and the failed combinations.

        The result is a view of an aggregates × runs × units array (``np.moveaxis(scores, 2, 0)`` gives
        it back without a copy), so that each aggregate's runs lie in one block for the summaries. The
        data variants are prepared one after the other (Python-heavy), then the combinations are
        aggregated in parallel threads (matrix products and elementwise work release the GIL)."""
        n_units, n_aggs = self.shape
        out = np.empty((n_aggs, weights.shape[0], n_units))
        trt = np.zeros_like(imp) if trt is None else trt
        combos = np.stack([imp, nrm, agg, trt], axis=1)
        failed: dict[tuple[int, int, int, int], Problem] = {}
        jobs: list[tuple[tuple[int, int, int, int], IntArray, FloatArray]] = []
        for combo in np.unique(combos, axis=0):
            key = (int(combo[0]), int(combo[1]), int(combo[2]), int(combo[3]))
            idx = np.flatnonzero((combos == combo).all(axis=1))
            try:
                jobs.append((key, idx, self.data(key[0], key[1], key[3])))
            except ProblemsError as exc:
                failed[key] = exc.problems[0]
                out[:, idx] = np.nan

        def one(job: tuple[tuple[int, int, int, int], IntArray, FloatArray]) -> None:
            key, idx, x = job
            try:
                for start in range(0, idx.size, BATCH):
                    part = idx[start : start + BATCH]
                    out[:, part] = aggregate_stack(
                        self.plan,
                        x,
                        weights[part],
                        self.means[key[2]],
                        self.build.units,
                        self.power,
                        sampled=self.moving(key, part) if self.sampled else None,
                    )
            except NotPositive as exc:
                failed[key] = not_positive_problem(exc, self.build.units, self.build.data).problems[0]
                out[:, idx] = np.nan
            except ProblemsError as exc:  # a sampled column the combination cannot normalise in a run
                failed[key] = exc.problems[0]
                out[:, idx] = np.nan

        with one_blas_thread():
            parallel_map(one, jobs)
        failures = [
            Failure(key, int((combos == np.array(key)).all(axis=1).sum()), problem)
            for key, problem in sorted(failed.items())
        ]
        return np.moveaxis(out, 0, 2), failures
