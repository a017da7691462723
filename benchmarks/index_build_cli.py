"""Benchmark of the whole ``raqmana index build`` command on 900 units × 100 indicators in COINr v1 tables
with 1,000 Monte Carlo runs (the tables and recipe of ``benchmarks/index_coinr.py``).

Target (issue #13): under 1.5 s wall on 2 cores, no failed analysis. Prints medians of ``--runs``
(default 5), taken A B A B (``--jobs 2``, ``--jobs 1`` and, with ``--before SRC``, an older checkout's
``src`` folder alternate, so that a change of load hits them alike), wall and CPU time (user + system
of the child process, all its threads), whether the variants wrote the same files, then the command's
stages in-process and the benefit-of-the-doubt aggregation on the same 900 units.

The figures before this benchmark's work are kept below (same data, same recipe) for the ratios; the
machine is shared, so compare CPU seconds first: wall time depends on what else runs.

Figures of the last round (rank intervals from 16-bit ranks sorted per unit, quantiles sorted in
place, repeated stage tables written from the earlier one's rows, catalogues read late), 2 cores, load
average 5–16, A B A B against an exported copy of commit 8064656, the output folders identical by
``diff -r``: the whole command 3.1–3.7 s CPU against 3.3–4.0 s (medians of 5 and 7; paired runs
0.3 s less CPU at the median); in-process, sequential, medians of 5: the Monte Carlo 1.59–1.61 s CPU
against 1.80–2.20 s (its summaries 1.28–1.34 s against 1.53–1.87 s), writing the stage tables
0.29–0.38 s against 0.47–0.49 s; ``build --help`` 0.56 s against 0.63 s CPU. This script then gave
(load average 6.2) 3.37 s CPU for the whole command, 0.60 s start-up, Monte Carlo 1.83 s CPU. The
lower bound of the wall time on 2 quiet cores, CPU / 2, is about 1.6–1.7 s: the 1.5 s target is
not reached yet. Where the CPU goes now (Monte Carlo): one argsort per run and aggregate for the
ranks (about 0.55 s) and one sort per unit and aggregate for the quantiles (about 0.35 s); both are
numpy's AVX-512 sorts, and np.partition with the six order statistics was slower (17.4 against
13.8 ms per 900 units × 1,000 runs).

Figures of this round (the summaries sort 32-bit keys packed with each value's place instead of 64-bit
floats, rows of numbers written from their list's repr, ``--jobs``), 2 cores, load average 9–13: one
aggregate's rank intervals 18.9 ms CPU instead of 27.8 ms (900 units × 1,000 runs, best of 7), the
Monte Carlo in-process 1.15 s CPU instead of 1.42 s (medians of 7, A B A B, the same numbers to the
bit); the whole command against an exported copy of commit a4b01eb, A B A B, medians of 9: 2.68 s CPU
(user 2.10 + sys 0.59) instead of 2.91 s (user 2.32 + sys 0.54), wall 11.4 s against 12.2 s at load
12; this script (medians of 5, load 11.5): ``--jobs 2`` 2.74 s CPU, ``--jobs 1`` 2.64 s, before
2.79 s, start-up 0.58 s; the numeric files identical (only the methodology notes differed, from
catalogue changes of the same days). On quiet cores the wall time of ``--jobs 2`` is bounded below by
start-up, reading and the build (about 0.6 s CPU, one core) plus half the rest (about 2.1 s CPU):
about 1.65 s, so the 1.5 s target is still not shown. System time (0.5–0.6 s) is mostly the kernel
zero-filling fresh pages: the runs × units × aggregates samples (187 MB) and the summaries' work arrays.
With the runs the packed sort put out of order fixed by a stable sort (load average 14, medians of 9,
A B A B against a4b01eb): 2.65 s CPU (user 2.05 + sys 0.56) with ``--jobs 2``, 2.54 s with
``--jobs 1``, before 2.81 s (user 2.30 + sys 0.50); the Monte Carlo in-process 1.06 s CPU against
1.35 s (medians of 5).

Figures of this round (the number tables written by orjson in native code, with Python's own text for
the floats it writes in exponent form; the stage tables written before the Monte Carlo, not in a thread
beside it; table look-ups by dictionary), 2 quiet cores (load average 1.0), medians of 9, A B A B
against an exported copy of commit 8c18b61, the files identical: ``--jobs 2`` 1.41 s wall, 2.12 s CPU
against 1.67 s wall, 2.36 s CPU before (1.18x less wall); ``--jobs 1`` 1.87 s wall; in-process: writing
0.11 s (0.36 s before), Monte Carlo 0.73 s wall / 1.38 s CPU, read 0.10 s, build 0.03 s. The command
as users start it (``raqmana index build … --jobs 2``, farm-bench, 11 runs): median 1.33 s wall
(1.26–1.82 s), 1.83 s CPU: under the 1.5 s target.

    .venv/bin/python benchmarks/index_build_cli.py [--before SRC] [--runs 9]
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from index_coinr import RUNS, UNITS, generate

#: the code before the vectorised Monte Carlo (commit 8050b40), wall and CPU seconds: the whole command
#: run A B A B against the present one from an exported copy of that commit (2 cores, load average
#: 10–14, medians of 7), the stages in-process once (load average 1.8)
BEFORE = {
    "command": (28.41, 4.78),
    "read": (0.22, 0.16),
    "build": (0.29, 0.16),
    "monte_carlo": (5.61, 3.65),
    "write": (0.86, 0.66),
}


def child(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, float]:
    """Wall, user and system seconds of one run of ``cmd`` (all its threads)."""
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, env=env)
    wall = time.perf_counter() - t0
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, r1.ru_utime - r0.ru_utime, r1.ru_stime - r0.ru_stime


def median(runs: list[tuple[float, float, float]]) -> tuple[float, float, float, float]:
    """Median wall, CPU (user + system), user and system seconds."""
    return (
        statistics.median(r[0] for r in runs),
        statistics.median(r[1] + r[2] for r in runs),
        statistics.median(r[1] for r in runs),
        statistics.median(r[2] for r in runs),
    )


def pair_median(pairs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(p[0] for p in pairs), statistics.median(p[1] for p in pairs)


def line(
    label: str, runs: list[tuple[float, float, float]], against: list[tuple[float, float, float]]
) -> str:
    w, c, u, s = median(runs)
    text = f"{label:34s} {w:6.2f} s wall, {c:5.2f} s CPU (user {u:.2f} + sys {s:.2f})"
    if against:
        bw, bc, _, _ = median(against)
        text += f"; {bc / c:.2f}x less CPU, {bw / w:.2f}x less wall"
    return text


def main() -> None:
    """``--before SRC``: the ``src`` folder of an older checkout (``git archive <commit> src | tar -x``),
    run A B A B against this one with the same Python and packages; ``--runs N`` (default 5)."""
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--before", type=Path, help="src folder of the code to compare with")
    parser.add_argument("--runs", type=int, default=5)
    opts = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="raqmana-bench-"))
    try:
        data, meta, recipe = generate(folder)
        args = ["build", "--data", str(data), "--meta", str(meta), "--recipe", str(recipe)]
        module = [sys.executable, "-m", "raqmana.cli.index"]
        now_env = dict(os.environ, PYTHONPATH=str(Path(__file__).parents[1] / "src"))
        before_env = dict(os.environ, PYTHONPATH=str(opts.before)) if opts.before else None
        rows: dict[str, list[tuple[float, float, float]]] = {"before": [], "jobs2": [], "jobs1": []}
        for k in range(opts.runs):  # A B A B: a change of load hits every variant alike
            if before_env:
                rows["before"].append(
                    child([*module, *args, "--out", str(folder / f"before{k}")], before_env)
                )
            rows["jobs2"].append(
                child([*module, *args, "--out", str(folder / f"j2_{k}"), "--jobs", "2"], now_env)
            )
            rows["jobs1"].append(
                child([*module, *args, "--out", str(folder / f"j1_{k}"), "--jobs", "1"], now_env)
            )
        start = [child([*module, "build", "--help"], now_env) for _ in range(opts.runs)]
        same = subprocess.run(["diff", "-r", str(folder / "j2_0"), str(folder / "j1_0")], capture_output=True)
        print(
            f"{UNITS} units × 100 indicators, {RUNS} Monte Carlo runs, CSV output; medians of {opts.runs} "
            f"(load average {', '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs)"
        )
        if rows["before"]:
            print(line("before (--before)", rows["before"], []))
        print(line("index build --jobs 2", rows["jobs2"], rows["before"]))
        print(line("index build --jobs 1", rows["jobs1"], rows["before"]))
        print(line("start-up alone (build --help)", start, []))
        print(f"--jobs 1 and --jobs 2 wrote the same files: {same.returncode == 0}")
        if before_env:
            same = subprocess.run(
                ["diff", "-r", str(folder / "before0"), str(folder / "j2_0")], capture_output=True
            )
            print(f"before and now wrote the same files: {same.returncode == 0}")
        stages(folder, data, meta, recipe)
        benefit_of_the_doubt(data, meta)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def stages(folder: Path, data: Path, meta: Path, recipe: Path) -> None:
    import yaml

    from raqmana.scoring import Recipe, analyse_uncertainty, build
    from raqmana.scoring.io import read_data_csv, read_meta_csv, write_results, write_stages

    parts: dict[str, list[tuple[float, float]]] = {}

    def timed(name: str, fn, *a, **kw):  # type: ignore[no-untyped-def]
        c0, t0 = time.process_time(), time.perf_counter()
        out = fn(*a, **kw)
        parts.setdefault(name, []).append((time.perf_counter() - t0, time.process_time() - c0))
        return out

    def read():  # type: ignore[no-untyped-def]
        nodes = read_meta_csv(meta)
        rec = Recipe.from_dict(yaml.safe_load(recipe.read_text(encoding="utf-8")), meta=nodes)
        return rec, read_data_csv(data, meta=nodes)

    def write_all(b, unc, out):  # type: ignore[no-untyped-def]
        return write_stages(b, out) + write_results(b, out, uncertainty=unc)

    for k in range(5):
        rec, d = timed("read", read)
        b = timed("build", build, rec, d)
        unc = timed("monte_carlo", analyse_uncertainty, b)
        timed("write", write_all, b, unc, folder / f"in{k}")
    print("in-process stages (median wall, CPU):")
    for name, pairs in parts.items():
        w, c = pair_median(pairs)
        before = BEFORE[name]
        extra = f"; before {before[0]:.2f} s wall, {before[1]:.2f} s CPU ({before[1] / c:.1f}x less CPU)"
        print(f"  {name:12s} {w:.3f} s wall, {c:.3f} s CPU{extra}")
    w, _ = pair_median(parts["monte_carlo"])
    print(f"  Monte Carlo: {RUNS / w:.0f} runs/s, {unc.runs}/{unc.attempted} runs succeeded")


def benefit_of_the_doubt(data: Path, meta: Path) -> None:
    """The index as a benefit-of-the-doubt score of its 5 pillars: one linear programme per unit."""
    from raqmana.scoring import Recipe, Step, build
    from raqmana.scoring.io import read_data_csv, read_meta_csv

    nodes = read_meta_csv(meta)
    d = read_data_csv(data, meta=nodes)
    rec = Recipe(
        meta=nodes,
        impute=Step("group_mean", {"group": "Region"}),
        normalise=Step("minmax", {"low": 1, "high": 100}),
        aggregate=Step("arithmetic", {"by_level": {4: "bod"}}),
    )
    plain = rec.with_(aggregate=Step("arithmetic"))
    times = []
    for _ in range(3):
        c0, t0 = time.process_time(), time.perf_counter()
        build(rec, d)
        times.append((time.perf_counter() - t0, time.process_time() - c0))
        c0, t0 = time.process_time(), time.perf_counter()
        build(plain, d)
        times[-1] = (times[-1][0] - (time.perf_counter() - t0), times[-1][1] - (time.process_time() - c0))
    w, c = pair_median(times)
    print(
        f"benefit of the doubt, {UNITS} units × 5 pillars (the build with it minus without): {w:.2f} s wall, {c:.2f} s CPU"
    )


if __name__ == "__main__":
    main()
