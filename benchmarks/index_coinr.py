"""Benchmark of ``raqmana index build`` on 900 units × 100 indicators in COINr v1 tables, with 1,000
Monte Carlo runs, and of the Sobol analysis with 4 varied factors at N = 1,024.

Targets (issue #13): the whole command under 1.5 s wall on 2 cores, no failed analysis; Sobol under 60 s.
On the same data COINr 1.1.14's ``get_sensitivity(SA_type = "UA")`` (Winmax, normalisation, noisy
weights and the mean varied; every run a full ``Regen``) reached 0.12 runs/s, R 4.2.2 from Debian, on a
machine with a load average of 8–10 (raqmana in the same conditions: about 40 runs/s).
The tables are written as COINr users write them: ``Type`` = Group / Denominator in iMeta, groups without
a ``Group_`` prefix, ``NA`` for missing values, two indicators divided by a denominator.

    .venv/bin/python benchmarks/index_coinr.py
"""

from __future__ import annotations

import csv
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

UNITS, INDICATORS, RUNS = 900, 100, 1000
RECIPE = f"""
impute: {{method: group_mean, group: Region}}
treat: winsorise
normalise: {{method: minmax, low: 1, high: 100}}
aggregate: {{method: arithmetic, dat_thresh: 0.5}}
uncertainty:
  runs: {RUNS}
  weight_noise: 0.25
  impute: [mean, median]
  normalise: [{{method: rank}}]
  aggregate: [geometric]
"""


def generate(folder: Path) -> tuple[Path, Path, Path]:
    rnd = random.Random(7)
    codes = [f"ind{j:03d}" for j in range(INDICATORS)]
    meta, data, recipe = folder / "iMeta.csv", folder / "iData.csv", folder / "recipe.yaml"
    with meta.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["Level", "iCode", "iName", "Direction", "Weight", "Denominator", "Parent", "Type"])
        for j, c in enumerate(codes):
            den = "Population" if j < 2 else "NA"
            w.writerow(
                [1, c, f"Indicator {j}", -1 if j % 7 == 0 else 1, 1 + j % 2, den, f"sub{j // 5}", "Indicator"]
            )
        for k in range(INDICATORS // 5):
            w.writerow([2, f"sub{k}", f"Sub-pillar {k}", 1, 1, "NA", f"pil{k // 4}", "Aggregate"])
        for k in range(INDICATORS // 20):
            w.writerow([3, f"pil{k}", f"Pillar {k}", 1, 1, "NA", "INDEX", "Aggregate"])
        w.writerow([4, "INDEX", "Index", 1, 1, "NA", "NA", "Aggregate"])
        w.writerow(["NA", "Region", "Region", "NA", "NA", "NA", "NA", "Group"])
        w.writerow(["NA", "Population", "Population", "NA", "NA", "NA", "NA", "Denominator"])
    with data.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["uCode", "uName", "Region", "Population", *codes])
        for u in range(UNITS):
            values = ["NA" if rnd.random() < 0.05 else round(rnd.lognormvariate(0, 1) * 10, 3) for _ in codes]
            w.writerow([f"U{u:03d}", f"Unit {u}", rnd.choice("ABCD"), rnd.randint(1000, 90000), *values])
    recipe.write_text(RECIPE, encoding="utf-8")
    return data, meta, recipe


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="raqmana-bench-"))
    try:
        data, meta, recipe = generate(folder)
        out = folder / "out"
        args = ["build", "--data", str(data), "--meta", str(meta), "--recipe", str(recipe), "--out", str(out)]
        walls = []
        for _ in range(5):
            t0 = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "raqmana.cli.index", *args], check=True, capture_output=True
            )
            walls.append(time.perf_counter() - t0)
        print(
            f"index build, {UNITS} × {INDICATORS}, {RUNS} runs (CLI, wall): {statistics.median(walls):.2f} s"
        )

        import yaml

        from raqmana.scoring import Recipe, analyse_uncertainty, build, sensitivity
        from raqmana.scoring.io import read_data_csv, read_meta_csv, write_build

        c0, t0 = time.process_time(), time.perf_counter()
        nodes = read_meta_csv(meta)
        rec = Recipe.from_dict(yaml.safe_load(recipe.read_text(encoding="utf-8")), meta=nodes)
        d = read_data_csv(data, meta=nodes)
        c1, t1 = time.process_time(), time.perf_counter()
        b = build(rec, d)
        c2, t2 = time.process_time(), time.perf_counter()
        unc = analyse_uncertainty(b)
        c3, t3 = time.process_time(), time.perf_counter()
        write_build(b, folder / "again", uncertainty=unc)
        c4, t4 = time.process_time(), time.perf_counter()
        print(
            f"  wall: read {t1 - t0:.3f} s, build {t2 - t1:.3f} s, Monte Carlo {t3 - t2:.3f} s "
            f"({unc.runs}/{unc.attempted} runs succeeded, {RUNS / (t3 - t2):.0f} runs/s), write {t4 - t3:.3f} s"
        )
        print(
            f"  CPU:  read {c1 - c0:.3f} s, build {c2 - c1:.3f} s, Monte Carlo {c3 - c2:.3f} s, "
            f"write {c4 - c3:.3f} s (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)"
        )
        t0 = time.perf_counter()
        s = sensitivity(b, rec.uncertainty, n=1024)
        elapsed = time.perf_counter() - t0
        print(f"Sobol, {len(s.factors)} factors, N = 1024: {elapsed:.1f} s")
        for f, s1, st in zip(s.factors, s.first, s.total, strict=True):
            print(f"  {f}: S1 {s1:.3f}, ST {st:.3f}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
