"""Benchmark of ``raqmana index build`` on a generated 200 × 60 COINr-style table, end to end.

Target (issue #5): under 1 s. Prints three figures (median of 5):

* the full command line ``raqmana index build`` (Python start-up + every CLI module + the work);
* ``python -m raqmana.cli.index build`` (Python start-up + this command only + the work);
* the command's work in-process (read CSVs, build, write CSV/JSON/recipe/methodology).

    .venv/bin/python benchmarks/index_build_cli.py
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

UNITS, INDICATORS = 200, 60


def generate(folder: Path) -> tuple[Path, Path]:
    rnd = random.Random(7)
    codes = [f"ind{j:02d}" for j in range(INDICATORS)]
    meta, data = folder / "meta.csv", folder / "data.csv"
    with meta.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["iCode", "iName", "Level", "Parent", "Direction", "Weight", "Type"])
        for j, c in enumerate(codes):
            w.writerow(
                [c, f"Indicator {j}", 1, f"sub{j // 5}", -1 if j % 7 == 0 else 1, 1 + j % 2, "Indicator"]
            )
        for k in range(INDICATORS // 5):
            w.writerow([f"sub{k}", f"Sub-pillar {k}", 2, f"pil{k // 3}", "", 1, "Aggregate"])
        for k in range(INDICATORS // 15):
            w.writerow([f"pil{k}", f"Pillar {k}", 3, "INDEX", "", 1, "Aggregate"])
        w.writerow(["INDEX", "Index", 4, "", "", 1, "Aggregate"])
    with data.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["uCode", "uName", "Group_Region", *codes])
        for u in range(UNITS):
            w.writerow(
                [
                    f"U{u:03d}",
                    f"Unit {u}",
                    rnd.choice("ABCD"),
                    *["" if rnd.random() < 0.05 else round(rnd.lognormvariate(0, 1) * 10, 3) for _ in codes],
                ]
            )
    return data, meta


def timed(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - t0


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="raqmana-bench-"))
    try:
        data, meta = generate(folder)
        out = folder / "out"
        args = ["build", "--data", str(data), "--meta", str(meta), "--out", str(out), "--format", "csv,json"]
        exe = Path(sys.executable).with_name("raqmana")
        full = [timed([str(exe), "index", *args]) for _ in range(5)]
        direct = [timed([sys.executable, "-m", "raqmana.cli.index", *args]) for _ in range(5)]

        from raqmana.scoring import Recipe, build
        from raqmana.scoring.io import read_data_csv, read_meta_csv, write_build

        work, cpu, parts = [], [], []
        for _ in range(5):
            c0, t0 = time.process_time(), time.perf_counter()
            recipe, table = Recipe(meta=read_meta_csv(meta)), read_data_csv(data)
            t1 = time.perf_counter()
            b = build(recipe, table)
            t2 = time.perf_counter()
            write_build(b, out, formats=("csv", "json"))
            t3 = time.perf_counter()
            work.append(t3 - t0)
            cpu.append(time.process_time() - c0)
            parts.append((t1 - t0, t2 - t1, t3 - t2))
        print(
            f"{UNITS} units × {INDICATORS} indicators, CSV + JSON output (median of 5; "
            f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)"
        )
        print(f"raqmana index build (whole CLI):         {statistics.median(full):.2f} s (target < 1 s)")
        print(f"python -m raqmana.cli.index build:       {statistics.median(direct):.2f} s")
        read_t, build_t, write_t = (statistics.median(p[i] for p in parts) for i in range(3))
        print(
            f"the command's work in-process:           {statistics.median(work):.2f} s "
            f"({statistics.median(cpu):.2f} s CPU: read {read_t:.2f}, build {build_t:.2f}, write {write_t:.2f})"
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
