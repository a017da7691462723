"""Benchmark of the index engine: a full build of 900 units × 100 indicators and 1,000 Monte Carlo runs.

Target (issue #5): build + 1,000 runs in under 10 s and 1 GB on 2 cores. Also times a straightforward
per-unit pandas loop doing one (simpler) build on the same data, as the baseline, and checks that
both give the same index.

    .venv/bin/python benchmarks/scoring_build.py [--threads N] [--runs 1000]

``--threads`` sets the BLAS thread count before numpy loads (OpenBLAS threads on a busy 2-core
machine can slow small matrix products down more than they speed them up).
"""

from __future__ import annotations

import argparse
import os
import sys
import time

parser = argparse.ArgumentParser()
parser.add_argument("--threads", type=int, default=0, help="BLAS threads (0: the library's default)")
parser.add_argument("--runs", type=int, default=1000)
parser.add_argument("--units", type=int, default=900)
parser.add_argument("--indicators", type=int, default=100)
parser.add_argument("--no-pandas", action="store_true")
args = parser.parse_args()
if args.threads:
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = str(args.threads)

import resource  # noqa: E402
import tracemalloc  # noqa: E402

import numpy as np  # noqa: E402

from raqmana.scoring import (  # noqa: E402
    Dataset,
    Node,
    Recipe,
    StageRule,
    Step,
    UncertaintySpec,
    analyse_uncertainty,
    build,
)


def make(units: int, indicators: int, seed: int = 5) -> tuple[tuple[Node, ...], Dataset]:
    rng = np.random.default_rng(seed)
    subs = max(1, indicators // 5)
    pillars = max(1, subs // 4)
    codes = [f"i{j:03d}" for j in range(indicators)]
    meta = [
        Node(c, parent=f"s{j * subs // indicators:02d}", weight=1 + j % 3, direction=-1 if j % 9 == 0 else 1)
        for j, c in enumerate(codes)
    ]
    meta += [Node(f"s{k:02d}", type="Aggregate", parent=f"p{k * pillars // subs}") for k in range(subs)]
    meta += [Node(f"p{k}", type="Aggregate", parent="INDEX") for k in range(pillars)]
    meta.append(Node("INDEX", type="Aggregate"))
    latent = rng.normal(size=(units, 1))
    values = np.exp(0.6 * latent + rng.normal(size=(units, indicators))) * 10
    values[rng.random(values.shape) < 0.05] = np.nan
    data = Dataset.from_arrays(
        [f"U{i:04d}" for i in range(units)],
        codes,
        values,
        groups={"Group_Region": [f"R{i % 6}" for i in range(units)]},
    )
    return tuple(meta), data


def recipe(meta: tuple[Node, ...], runs: int) -> Recipe:
    return Recipe(
        meta=meta,
        impute=Step("em"),
        treat=Step("winsorise"),
        normalise=Step("minmax", {"low": 1, "high": 100}),
        aggregate=Step("arithmetic"),
        stages=(StageRule("gtmi", score_max=100),),
        uncertainty=UncertaintySpec(
            runs=runs,
            weight_noise=0.25,
            impute=(Step("mean"), Step("median")),
            normalise=(Step("rank"),),
            aggregate=("geometric",),
        ),
    )


def full(r: Recipe, data: Dataset) -> tuple[float, float, float]:
    c0, t0 = time.process_time(), time.perf_counter()
    b = build(r, data)
    t1 = time.perf_counter()
    analyse_uncertainty(b)
    t2 = time.perf_counter()
    return t1 - t0, t2 - t1, time.process_time() - c0


def pandas_loop(meta: tuple[Node, ...], data: Dataset) -> tuple[float, object]:
    """One build the way a spreadsheet-minded script does it: mean imputation, min-max, weighted means per unit."""
    import pandas as pd

    t0 = time.perf_counter()
    df = pd.DataFrame(np.array(data.table.values), index=list(data.units), columns=list(data.columns))
    df = df.fillna(df.mean())
    direction = pd.Series({n.code: n.direction for n in meta if n.type == "Indicator"})
    df = df * direction
    lo, hi = df.min(), df.max()
    weight = {n.code: n.weight for n in meta}
    children: dict[str, list[str]] = {}
    for n in meta:
        if n.parent:
            children.setdefault(n.parent, []).append(n.code)
    order = [n.code for n in meta if n.type == "Aggregate"]
    results = {}
    for unit in df.index:
        row = (df.loc[unit] - lo) / (hi - lo) * 99 + 1
        scores = dict(row.items())
        for agg in order:
            ch = pd.Series({c: scores[c] for c in children[agg]})
            w = pd.Series({c: weight[c] for c in children[agg]})
            scores[agg] = float((ch * w).sum() / w.sum())
        results[unit] = scores["INDEX"]
    return time.perf_counter() - t0, pd.Series(results)


def main() -> None:
    meta, data = make(args.units, args.indicators)
    r = recipe(meta, args.runs)
    print(
        f"{args.units} units × {args.indicators} indicators, {args.runs} Monte Carlo runs; "
        f"BLAS threads: {os.environ.get('OPENBLAS_NUM_THREADS', 'default')}; CPUs: {os.cpu_count()}"
    )
    build(r, data)  # warm up imports and caches
    times = [full(r, data) for _ in range(3)]
    b_t, mc_t, cpu = min(t[0] for t in times), min(t[1] for t in times), min(t[2] for t in times)
    print(f"build (EM imputation, winsorisation, min-max, 4 levels): {b_t:.2f} s")
    print(
        f"Monte Carlo, {args.runs} runs (weights ±25 %, 3 imputations, 2 normalisations, 2 means): {mc_t:.2f} s"
    )
    print(
        f"total: {b_t + mc_t:.2f} s wall, {cpu:.2f} s CPU (target < 10 s); load average {os.getloadavg()[0]:.1f}"
    )

    tracemalloc.start()
    full(r, data)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak traced memory: {peak / 2**20:.0f} MB; process max RSS: {rss:.0f} MB (target < 1 GB)")

    if args.no_pandas:
        return
    simple = Recipe(meta=meta, impute=Step("mean"), normalise=Step("minmax", {"low": 1, "high": 100}))
    t0 = time.perf_counter()
    ours = build(simple, data)
    ours_t = time.perf_counter() - t0
    loop_t, loop_scores = pandas_loop(meta, data)
    diff = float(np.max(np.abs(np.asarray(ours.aggregated.col("INDEX")) - np.asarray(loop_scores.values))))
    print(
        f"one simple build (mean imputation, min-max, arithmetic): raqmana {ours_t * 1000:.0f} ms, "
        f"per-unit pandas loop {loop_t * 1000:.0f} ms → {loop_t / ours_t:.0f}× faster; same index (max diff {diff:.1e})"
    )
    print(f"the pandas loop would take ≈ {loop_t * args.runs / 60:.0f} min for {args.runs} runs")


if __name__ == "__main__":
    sys.exit(main())
