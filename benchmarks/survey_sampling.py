"""Benchmark: survey sampling error in the Monte Carlo (a bootstrap of respondents per run).

Prints, each as the median of ``--repeat`` runs, wall seconds and CPU seconds (user + system of this
process) beside the machine's load average:

1. compress: ``--respondents`` respondents' two topic scores grouped by institution (``--institutions``)
   and for the country into count vectors (:func:`raqmana.surveys.sampling.group_counts`);
2. draw: ``--runs`` bootstrap runs of every group (multinomial counts over the distinct pairs of topic
   scores; with ``--design-weights`` within four strata of equal weight) for two institution-scope and
   two national survey indicators, each pair from one draw (:func:`raqmana.surveys.sampling.bootstrap_columns`);
3. the Monte Carlo of the iraq-dla framework over the institutions with its survey indicators, without
   and with their sampling error (``analyse_uncertainty(…, sampled=…)``), and their ratio.

    .venv/bin/python benchmarks/survey_sampling.py [--respondents 100000] [--institutions 900]
                                                   [--runs 1000] [--repeat 3] [--design-weights]

Target (issue 15): 100,000 respondents × 1,000 runs in seconds.
"""

from __future__ import annotations

import argparse
import itertools
import os
import resource
import statistics
import time
from collections.abc import Callable
from typing import Any

for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):  # as `raqmana` itself does
    os.environ.setdefault(_name, "1")

import numpy as np  # noqa: E402  (after the thread settings)

from raqmana.frameworks import load_or_raise  # noqa: E402  (after the thread settings)
from raqmana.frameworks.illustrative import illustrative_answers  # noqa: E402  (after the thread settings)
from raqmana.i18n import Translated  # noqa: E402  (after the thread settings)
from raqmana.pipeline import InstitutionMeta, default_uncertainty  # noqa: E402  (after the thread settings)
from raqmana.pipeline.surveys import (  # noqa: E402  (after the thread settings)
    SurveyInputs,
    survey_answers,
    survey_samples,
    with_answers,
    with_survey_indicators,
)
from raqmana.scoring.framework_recipe import from_framework  # noqa: E402  (after the thread settings)
from raqmana.scoring.uncertainty import analyse_uncertainty  # noqa: E402  (after the thread settings)
from raqmana.surveys.indicators import (  # noqa: E402  (after the thread settings)
    Scope,
    SurveyEstimate,
    SurveyIndicator,
    indicator_specs,
)
from raqmana.surveys.sampling import GroupCounts, bootstrap_columns, group_counts  # noqa: E402


def cpu() -> float:
    use = resource.getrusage(resource.RUSAGE_SELF)
    return use.ru_utime + use.ru_stime


def timed(repeat: int, work: Callable[[], Any]) -> tuple[float, float, Any]:
    """(median wall, median CPU, last result) of ``repeat`` calls."""
    walls, cpus, result = [], [], None
    for _ in range(repeat):
        w0, c0 = time.perf_counter(), cpu()
        result = work()
        walls.append(time.perf_counter() - w0)
        cpus.append(cpu() - c0)
    return statistics.median(walls), statistics.median(cpus), result


def respondents(n: int, institutions: int, design: bool, seed: int = 15) -> tuple[np.ndarray, ...]:
    """Two topic scores of n respondents (each the mean of 5 items on 0/50/100: 11 distinct values,
    each institution with its own level), their institution and their design weight."""
    rng = np.random.default_rng(seed)
    inst = rng.integers(0, institutions, n)
    level = rng.uniform(0.2, 0.8, institutions)[inst]
    items = rng.binomial(2, level[:, None, None], (n, 2, 5))
    scores = items.mean(axis=2) * 50.0  # respondents × 2 topics
    weights = rng.choice([0.5, 1.0, 2.0, 3.5], n) if design else np.ones(n)
    return scores, inst, weights


def compress(scores: np.ndarray, inst: np.ndarray, weights: np.ndarray, institutions: int) -> dict[str, Any]:
    order = np.argsort(inst, kind="stable")
    bounds = np.searchsorted(inst[order], np.arange(institutions + 1))
    groups = {
        f"i{g:03d}": group_counts(scores[order[a:b]], weights[order[a:b]])
        for g, (a, b) in enumerate(itertools.pairwise(bounds))
        if b - a >= 10
    }
    return {"institutions": groups, "national": group_counts(scores, weights)}


def indicators(compressed: dict[str, Any]) -> tuple[SurveyIndicator, ...]:
    """iraq-dla's survey indicators (two per institution, two national), each on one topic column of
    the shared groups (as the workspace makes them for the indicators of one survey)."""
    out = []
    seen = {Scope.INSTITUTION: 0, Scope.NATIONAL: 0}
    for spec in indicator_specs("iraq-dla"):
        column = seen[spec.scope] % 2
        seen[spec.scope] += 1
        national: GroupCounts = compressed["national"]
        own = compressed["institutions"] if spec.scope is Scope.INSTITUTION else {}
        estimate = {
            k: SurveyEstimate(g.mean(column), g.mean(column) - 1, g.mean(column) + 1, g.n)
            for k, g in own.items()
        }
        sampling = {"": (national, column), **{k: (g, column) for k, g in own.items()}}
        mean = national.mean(column)
        out.append(
            SurveyIndicator(
                spec, SurveyEstimate(mean, mean - 1, mean + 1, national.n), estimate, sampling=sampling
            )
        )
    return tuple(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--respondents", type=int, default=100_000)
    parser.add_argument("--institutions", type=int, default=900)
    parser.add_argument("--runs", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--design-weights", action="store_true")
    parser.add_argument("--no-monte-carlo", action="store_true", help="Only compress and draw.")
    args = parser.parse_args()
    n, k, runs = args.respondents, args.institutions, args.runs
    scores, inst, weights = respondents(n, k, args.design_weights)
    print(f"load average before: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")
    wall, used, compressed = timed(args.repeat, lambda: compress(scores, inst, weights, k))
    cells = sum(g.counts.size for g in compressed["institutions"].values())
    print(
        f"compress {n:,} respondents into {len(compressed['institutions'])} institutions ({cells:,} cells)"
        f" and the country: {wall:.3f} s wall, {used:.3f} s CPU"
    )
    own = list(compressed["institutions"].values())
    requests = [
        [(g, 0) for g in own],
        [(g, 1) for g in own],
        [(compressed["national"], 0)],
        [(compressed["national"], 1)],
    ]
    wall, used, _ = timed(args.repeat, lambda: bootstrap_columns(requests, runs, 2026))
    strata = "within 4 strata of design weight" if args.design_weights else "simple"
    print(
        f"draw {runs:,} runs ({strata}) of 2 institution and 2 national indicators: "
        f"{wall:.2f} s wall, {used:.2f} s CPU"
    )
    if not args.no_monte_carlo:
        fw = load_or_raise("iraq-dla")
        codes = ["comsec", *compressed["institutions"]]
        insts = {c: InstitutionMeta(c, Translated.of(c, c, c), "ministry") for c in codes}
        inputs = SurveyInputs(indicators=indicators(compressed))
        framework = with_survey_indicators(fw, inputs)
        answers = with_answers(
            illustrative_answers(fw, codes, seed=3), survey_answers(inputs, insts, "comsec")
        )
        build = from_framework(framework, answers, uncertainty=default_uncertainty(runs))
        plain_wall, plain_cpu, _ = timed(args.repeat, lambda: analyse_uncertainty(build))

        def sampled() -> object:
            drawn = survey_samples(inputs, build.units, insts, "comsec", runs=runs, seed=2026)
            return analyse_uncertainty(build, sampled=drawn)

        wall, used, result = timed(args.repeat, sampled)
        print(
            f"Monte Carlo, {len(build.units)} units × {len(build.tree.indicators)} indicators × {runs:,} runs: "
            f"without sampling {plain_wall:.2f} s wall, {plain_cpu:.2f} s CPU; with the survey sampling "
            f"({len(result.sampled)} indicators, draws included) {wall:.2f} s wall, {used:.2f} s CPU "
            f"(CPU ratio {used / plain_cpu:.2f})"
        )
    print(f"load average after: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")


if __name__ == "__main__":
    main()
