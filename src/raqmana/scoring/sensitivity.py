"""Variance-based sensitivity of the index to its uncertain choices (Sobol indices, via SALib).

Each uncertain choice is one factor: the weights (when ``weight_noise`` > 0: a uniform number
picks one of ``n`` perturbed weight sets), the imputation, the normalisation and the aggregation
(a uniform number picks one option). SALib's Sobol sampler draws the design, the Monte Carlo
engine runs it, and SALib's analyser returns first-order (S1) and total (ST) indices of the output:
by default the mean absolute rank shift of the units against the nominal ranks of the index, or
one unit's index score (``output=<unit code>``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, cast

import numpy as np

from raqmana.problems import Location, Problem, ProblemsError
from raqmana.scoring import errors as E
from raqmana.scoring.build import Build
from raqmana.scoring.montecarlo import Engine, choices_of
from raqmana.scoring.ranks import rank_desc
from raqmana.scoring.recipe import UncertaintySpec
from raqmana.scoring.table import FloatArray


@dataclass(frozen=True)
class SensitivityResult:
    factors: tuple[str, ...]
    first: tuple[float, ...]  # S1
    total: tuple[float, ...]  # ST
    first_conf: tuple[float, ...]
    total_conf: tuple[float, ...]
    runs: int
    output: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "output": self.output,
            "runs": self.runs,
            "factors": [
                {"factor": f, "S1": s1, "S1_conf": c1, "ST": st, "ST_conf": ct}
                for f, s1, c1, st, ct in zip(
                    self.factors, self.first, self.first_conf, self.total, self.total_conf, strict=True
                )
            ],
        }


def base_sample_size(n: int) -> int:
    """The power of two at or above ``n`` (Sobol sequences keep their balance only at powers of two,
    and SALib warns otherwise): the analysis runs N·(factors + 2) models."""
    return 1 << max(0, int(n) - 1).bit_length()


def sobol_indices(
    names: Sequence[str],
    model: Callable[[FloatArray], FloatArray],
    *,
    n: int = 256,
    seed: int = 1,
    output: str = "y",
) -> SensitivityResult:
    """Sobol indices of ``model`` (rows of uniforms on [0, 1] → one output per row)."""
    from SALib.analyze import sobol as sobol_analyze
    from SALib.sample import sobol as sobol_sample

    n = base_sample_size(n)
    problem = {"num_vars": len(names), "names": list(names), "bounds": [[0.0, 1.0]] * len(names)}
    x = sobol_sample.sample(problem, n, calc_second_order=False, seed=seed)
    y = np.asarray(model(x), dtype=np.float64)
    if not np.var(y) > 0:  # nothing moves the output: every index is 0
        zeros = tuple(0.0 for _ in names)
        return SensitivityResult(tuple(names), zeros, zeros, zeros, zeros, len(y), output)
    res = sobol_analyze.analyze(problem, y, calc_second_order=False, print_to_console=False, seed=seed)

    def tup(key: str) -> tuple[float, ...]:
        return tuple(float(v) for v in res[key])

    return SensitivityResult(
        tuple(names), tup("S1"), tup("ST"), tup("S1_conf"), tup("ST_conf"), len(y), output
    )


def sensitivity(
    b: Build,
    spec: UncertaintySpec | None = None,
    *,
    n: int = 256,
    node: str | None = None,
    output: str = "rank_shift",
) -> SensitivityResult:
    """Sobol indices of the build's uncertain choices (``spec`` or ``b.recipe.uncertainty``)."""
    spec = spec or b.recipe.uncertainty
    where = Location(file=b.recipe.source, path="uncertainty")
    if spec is None:
        raise ProblemsError([Problem(E.NOTHING_UNCERTAIN, where)])
    b.recipe.with_(uncertainty=spec).check()
    node = node or b.index
    if node not in b.tree.aggregates:
        raise ProblemsError([Problem(E.UNKNOWN_NODE, where, {"code": node})])
    if output != "rank_shift" and output not in b.units:
        raise ProblemsError(
            [
                Problem(
                    E.BAD_PARAMETER,
                    where,
                    {
                        "step": E.STEP["uncertainty"],
                        "name": "output",
                        "detail": E.detail("target", value=output),
                    },
                )
            ]
        )
    choices = choices_of(b, spec)
    engine = Engine(b, choices)
    rng = np.random.default_rng(spec.seed)
    n = base_sample_size(n)
    weight_sets = engine.noisy_weights(rng, n, spec.weight_noise, spec.noise_by_level)
    factors: list[tuple[str, int]] = []
    if spec.varies_weights:
        factors.append(("weights", n))
    factors += [
        (name, len(opts))
        for name, opts in (
            ("impute", choices.impute),
            ("treat", choices.treat),
            ("normalise", choices.normalise),
            ("aggregate", choices.aggregate),
        )
        if len(opts) > 1
    ]
    if not factors:
        raise ProblemsError([Problem(E.NOTHING_UNCERTAIN, where)])
    a = b.tree.aggregates.index(node)
    nominal_rank = np.asarray(b.ranks.col(node), dtype=np.float64)
    unit = None if output == "rank_shift" else b.units.index(output)

    def model(x: FloatArray) -> FloatArray:
        pick = {
            name: np.minimum((x[:, k] * size).astype(np.intp), size - 1)
            for k, (name, size) in enumerate(factors)
        }
        zeros = np.zeros(x.shape[0], dtype=np.intp)
        w = weight_sets[pick["weights"]] if "weights" in pick else weight_sets[zeros]
        scores, failures = engine.run(
            pick.get("impute", zeros),
            pick.get("normalise", zeros),
            pick.get("aggregate", zeros),
            w,
            pick.get("treat", zeros),
        )
        if failures:  # Sobol indices need every run: name the alternative that cannot be computed
            f = failures[0]
            parts = [
                (k, i)
                for k, i in zip(("impute", "normalise", "aggregate", "treat"), f.combo, strict=True)
                if i
            ]
            label = " + ".join(choices.label(k, i) for k, i in parts) or "recipe"
            reason = {lang: f.problem.message(lang) for lang in ("en", "ar", "ckb")}
            raise ProblemsError(
                [Problem(E.SENSITIVITY_RUN_FAILED, where, {"choice": label, "reason": reason})]
            )
        col = scores[:, :, a]
        if unit is not None:
            return col[:, unit]
        return cast(FloatArray, np.nanmean(np.abs(rank_desc(col) - nominal_rank), axis=1))

    return sobol_indices(
        [f for f, _ in factors],
        model,
        n=n,
        seed=spec.seed,
        output=output if unit is not None else f"rank_shift:{node}",
    )
