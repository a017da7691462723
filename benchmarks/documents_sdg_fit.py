"""Fit per-goal thresholds of the SDG mapper on the development set, per language, and write them to
``benchmarks/data/documents_sdg_thresholds_dev.yaml`` for ``benchmarks/documents_sdg.py --thresholds``.

    python benchmarks/documents_sdg_fit.py [--write]

Measured on 2026-12-07 (``documents_sdg.py --thresholds benchmarks/data/documents_sdg_thresholds_dev.yaml``
against the shipped hand-set 0.45): Arabic macro-F1 0.581 → 0.626, English mean accuracy 75.4 % → 74.4 %
and macro-F1 0.652 → 0.622, Sorani 0.510 → 0.498. Indicator titles are short statistical phrases, like
the Arabic benchmark's rows but unlike the paragraphs of the English benchmark and of real documents:
thresholds fitted on them do not carry over, so the mapper keeps its hand-set thresholds.

The development set (``benchmarks/data/documents_sdg_dev.jsonl``, built by
``benchmarks/documents_sdg_dev_set.py``) holds SDG indicator titles in Arabic and English that are not in
the Arabic benchmark, and interface sentences as negatives; no benchmark row is used. For each language
(Arabic, English) and goal the threshold (0.20 … 0.80 by 0.05) that gives the best F1 on that language's
development rows is kept, the other goals' thresholds held, in two rounds; ties keep the threshold
nearest the hand-set 0.45. A goal without a development row (goal 7: its six indicators are all in the
benchmark) keeps 0.45.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEV = HERE / "data" / "documents_sdg_dev.jsonl"
OUT = HERE / "data" / "documents_sdg_thresholds_dev.yaml"
GRID = [round(0.20 + 0.05 * k, 2) for k in range(13)]


def pick(scores: dict[str, float], thresholds: dict[str, float], margin: float) -> list[int]:
    best = max(scores.values())
    return [int(g) for g, v in scores.items() if v >= thresholds[g] and v >= best - margin]


def macro_f1(rows: list[dict[str, object]], picked: list[list[int]]) -> float:
    f1s = []
    for goal in range(1, 18):
        tp = sum(1 for r, p in zip(rows, picked, strict=True) if goal in r["sdgs"] and goal in p)  # type: ignore[operator]
        fp = sum(1 for r, p in zip(rows, picked, strict=True) if goal not in r["sdgs"] and goal in p)  # type: ignore[operator]
        fn = sum(1 for r, p in zip(rows, picked, strict=True) if goal in r["sdgs"] and goal not in p)  # type: ignore[operator]
        if tp + fn:
            f1s.append(2 * tp / (2 * tp + fp + fn))
    return sum(f1s) / max(1, len(f1s))


def fit(
    rows: list[dict[str, object]], scores: list[dict[str, float]], margin: float, default: float
) -> dict[str, float]:
    """Per goal the threshold with the best F1 on ``rows`` (the others held), two rounds."""
    present = {g for r in rows for g in r["sdgs"]}  # type: ignore[attr-defined]
    fitted = dict.fromkeys((str(g) for g in range(1, 18)), default)
    for _ in range(2):
        for goal in (str(g) for g in sorted(present)):

            def f1(t: float, goal: str = goal) -> float:
                th = {**fitted, goal: t}
                tp = fp = fn = 0
                for r, sc in zip(rows, scores, strict=True):
                    hit, want = int(goal) in pick(sc, th, margin), int(goal) in r["sdgs"]  # type: ignore[operator]
                    tp, fp, fn = tp + (hit and want), fp + (hit and not want), fn + (want and not hit)
                return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0

            fitted[goal] = max(GRID, key=lambda t: (round(f1(t), 6), -abs(t - default)))
    return fitted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", action="store_true", help=f"write the thresholds to {OUT.name}")
    args = parser.parse_args()
    import yaml

    from raqmana.documents.mapper import MARGIN, THRESHOLD, Mapper

    text = DEV.read_text(encoding="utf-8")
    every = [json.loads(x) for x in text.splitlines() if x.strip()]
    mapper = Mapper(thresholds=dict.fromkeys((str(g) for g in range(1, 18)), THRESHOLD))
    all_scores = [c.scores for c in mapper.classify([str(r["text"]) for r in every])]
    by_lang: dict[str, dict[str, float]] = {}
    for lang in ("ar", "en"):
        rows = [r for r in every if r["lang"] == lang]
        scores = [sc for r, sc in zip(every, all_scores, strict=True) if r["lang"] == lang]
        by_lang[lang] = fit(rows, scores, MARGIN, THRESHOLD)
        hand = dict.fromkeys(by_lang[lang], THRESHOLD)
        for name, th in (("hand-set 0.45", hand), ("fitted", by_lang[lang])):
            f1 = macro_f1(rows, [pick(sc, th, MARGIN) for sc in scores])
            print(f"dev {lang} ({len(rows)} rows): {name:13s} macro-F1 {f1:.3f}")
        print(f"thresholds {lang}: " + ", ".join(f"{g}:{t:.2f}" for g, t in by_lang[lang].items()))
    if args.write:
        data = {
            "version": "2",
            "fitted_on": {
                "file": "benchmarks/data/documents_sdg_dev.jsonl",
                "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
                "rows": len(every),
                "by": "benchmarks/documents_sdg_fit.py",
                "date": datetime.date.today().isoformat(),
                "model": mapper.version,
            },
            # Arabic-script passages (ar, ckb) take the Arabic ones, the others the English ones
            "thresholds": {lang: {int(g): float(t) for g, t in th.items()} for lang, th in by_lang.items()},
        }
        OUT.write_text(
            "# Per-goal thresholds of the SDG mapper fitted on the development set (not on a benchmark);\n"
            "# an experiment: the shipped mapper keeps its hand-set thresholds (see the fitting script).\n"
            + yaml.safe_dump(data, sort_keys=False, allow_unicode=True),
            encoding="utf-8",
        )
        print(f"written to {OUT}")


if __name__ == "__main__":
    main()
