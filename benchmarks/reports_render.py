"""Report rendering times: the national report (PDF), one institution profile, and a batch of profiles.

Targets: national report PDF < 30 s; one profile < 3 s; all 900 profiles < 45 min with memory < 1.5 GB.
The data are generated (illustrative) for N institutions answering the iraq-dla framework.

Run: .venv/bin/python benchmarks/reports_render.py [--institutions 900] [--profiles 30] [--repeat 3]

Each national PDF is rendered ``--repeat`` times: the median wall time and the median CPU time of this
process (user + system: WeasyPrint runs in it) are printed with the load average, since on a shared
machine the wall time measures the load as much as the code. ``--profiles 0`` skips the profiles.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

from raqmana.frameworks import load_or_raise
from raqmana.frameworks.illustrative import illustrative_answers
from raqmana.i18n import Translated
from raqmana.pipeline import ChainOptions, InstitutionMeta, country_for, run_chain
from raqmana.reports.institution import build_institution
from raqmana.reports.national import build_national
from raqmana.reports.render import render


def answers(fw, n: int, seed: int = 1) -> tuple[dict, dict]:
    insts = {
        f"inst{k:04d}": InstitutionMeta(
            f"inst{k:04d}",
            Translated.of(f"Institution {k}", f"الجهة {k}", f"دامەزراوەی {k}"),
            "governorate" if k % 5 == 0 else "ministry",
            governorate=f"g{k % 19}",
        )
        for k in range(n)
    }
    return illustrative_answers(fw, list(insts), seed=seed), insts


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--institutions", type=int, default=900)
    ap.add_argument("--profiles", type=int, default=30, help="profiles to render for the batch rate")
    ap.add_argument("--runs", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=1, help="renders of each national PDF (medians printed)")
    ap.add_argument(
        "--compare-full-annex",
        action="store_true",
        help="also render the Arabic PDF with every institution's row printed (the layout before the compact "
        "annex), in the same process and load, and print the ratio",
    )
    args = ap.parse_args()
    fw = load_or_raise("iraq-dla")
    resp, insts = answers(fw, args.institutions)
    t = time.perf_counter()
    options = ChainOptions(country=country_for(fw.id), illustrative=True, mc_runs=args.runs)
    chain = run_chain(fw, resp, insts, options)
    print(
        f"chain (scores, {args.runs} Monte Carlo runs, analysis, roadmap) for {args.institutions} institutions: "
        f"{time.perf_counter() - t:.1f} s {chain.timings}"
    )
    out = Path(tempfile.mkdtemp())
    for lang in ("ar", "en"):
        walls, cpus = [], []
        for _ in range(args.repeat):
            t, c = time.perf_counter(), time.process_time()
            [pdf] = render(build_national(chain.inputs, lang), out, ["pdf"])
            walls.append(time.perf_counter() - t)
            cpus.append(time.process_time() - c)
        from pypdf import PdfReader

        pages = len(PdfReader(str(pdf)).pages)
        print(
            f"national report {lang}: median {statistics.median(walls):.1f} s wall, "
            f"{statistics.median(cpus):.1f} s CPU over {args.repeat} (walls {', '.join(f'{w:.1f}' for w in walls)}), "
            f"{pages} pages, load average {os.getloadavg()[0]:.2f} (target < 30 s)"
        )
    if args.compare_full_annex:
        from raqmana.reports import national

        timings: dict[str, float] = {}
        for name, rows in (("compact annex", national.ANNEX_PRINT_ROWS), ("full annex", 10**6)):
            national.ANNEX_PRINT_ROWS = rows
            t = time.perf_counter()
            render(build_national(chain.inputs, "ar"), out / name.replace(" ", "-"), ["pdf"])
            timings[name] = time.perf_counter() - t
            print(f"national report ar, {name}: {timings[name]:.1f} s")
        national.ANNEX_PRINT_ROWS = 120
        print(f"full annex / compact annex: {timings['full annex'] / timings['compact annex']:.2f}×")
    recs: dict[str, list] = {}
    if chain.plan is not None:
        for r in chain.plan.recommendations.recommendations:
            if r.institution:
                recs.setdefault(r.institution, []).append((r.id, r.title, r.horizon.value))
    times = []
    if args.profiles <= 0:
        return
    for inst in chain.inputs.institutions[: args.profiles]:
        t = time.perf_counter()
        render(
            build_institution(chain.inputs, inst, "ar", recommendations=recs.get(inst.code, [])),
            out / "p",
            ["pdf"],
        )
        times.append(time.perf_counter() - t)
    per = float(np.mean(times))
    print(
        f"institution profile (ar, PDF): mean {per:.2f} s, max {max(times):.2f} s over {len(times)} (target < 3 s)"
    )
    print(
        f"all {args.institutions} profiles at that rate: {per * args.institutions / 60:.1f} min (target < 45 min)"
    )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS): {rss:.0f} MB (target < 1,500 MB)")


if __name__ == "__main__":
    main()
