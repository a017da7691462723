"""Indicator suggestions on real strategy and law texts: precision@1, precision@3 and recall against
``benchmarks/data/documents_indicators.jsonl``.

    python benchmarks/documents_indicators.py [--framework iraq-dla] [--show]

The set: 38 passages of Iraqi and regional laws, decrees, official policies and official statements
(Iraq's Law No. 78 of 2012 and its 2025 instructions, the National Card Law No. 3 of 2016, Ur portal and
National Data Center statements, the 2024–2028 development plan; Jordan's cybersecurity, access-to-
information and electronic-transactions laws; Saudi Digital Government Authority and NDMO policies and
the Personal Data Protection Law; Egypt's Law No. 15 of 2004 and its regulation). Each row keeps its
source (title, article or section, URL where it was read) and its status: the official wording, or a
summary of an official text by the page named. The indicators of the ``iraq-dla`` framework each passage
is evidence for were labelled by hand from the indicators' definitions before the mapper was run on the
set, and were not changed after; 6 passages are labelled with no indicator (a law outside the framework,
a general plan statement). Nothing in the mapper was tuned on this set.

Measured as the workspace does it: the suggestions a reviewer sees (the mapper's top 3 above its
threshold), then the same ranking without the threshold. Each three ways: without the indicators' level
(the sentence model alone, as before the level existed), with the level read from the passage's own words
(``raqmana documents analyse`` of a file), and with the document filed in the national library, where
laws and national policies go (the workspace's upload there). The level's weights were chosen on the
development set of ``documents_indicators_fit.py``.

- precision@1: labelled passages whose first suggestion is one of their indicators, over labelled
  passages with at least one suggestion (and, as "strict", over all labelled passages);
- precision@3: suggestions among the first three that are labelled, over all suggestions made;
- recall@3: labelled indicators found among the first three suggestions;
- unlabelled passages: how many get no suggestion at all.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
DATA = HERE / "data" / "documents_indicators.jsonl"


def rows() -> list[dict[str, object]]:
    return [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]


def scores(found: list[list[str]], labels: list[set[str]], k: int = 3) -> dict[str, float]:
    labelled = [(f[:k], lab) for f, lab in zip(found, labels, strict=True) if lab]
    with_any = [(f, lab) for f, lab in labelled if f]
    p1 = sum(f[0] in lab for f, lab in with_any)
    made = sum(len(f) for f, _ in labelled)
    hits = sum(len(set(f) & lab) for f, lab in labelled)
    wanted = sum(len(lab) for _, lab in labelled)
    negatives = [f for f, lab in zip(found, labels, strict=True) if not lab]
    return {
        "labelled": len(labelled),
        "with_suggestion": len(with_any),
        "p1": p1 / max(1, len(with_any)),
        "p1_strict": p1 / max(1, len(labelled)),
        "p3": hits / max(1, made),
        "r3": hits / max(1, wanted),
        "suggestions": made,
        "negatives": len(negatives),
        "negatives_clean": sum(1 for f in negatives if not f),
    }


def line(name: str, s: dict[str, float]) -> str:
    return (
        f"{name}: precision@1 {s['p1']:.2f} ({s['with_suggestion']} of {s['labelled']} labelled passages "
        f"get a suggestion; strict {s['p1_strict']:.2f}), precision@3 {s['p3']:.2f} "
        f"({s['suggestions']:.0f} suggestions), recall@3 {s['r3']:.2f}; unlabelled passages without a "
        f"suggestion {s['negatives_clean']:.0f}/{s['negatives']:.0f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--framework", default="iraq-dla")
    parser.add_argument("--show", action="store_true", help="print each passage's labels and suggestions")
    args = parser.parse_args()
    from raqmana.documents import embed as E
    from raqmana.documents.indicators import LEVEL_BONUS, IndicatorMapper

    data = rows()
    labels = [set(r["indicators"]) for r in data]  # type: ignore[arg-type]
    texts = [str(r["text"]) for r in data]
    started, cpu = time.perf_counter(), time.process_time()
    mapper = IndicatorMapper(args.framework)
    vectors = E.embed([t[:2000] for t in texts])
    ways = {
        "without level": {},
        "level from the words": {"texts": texts},
        "national library": {"texts": texts, "scope": "library"},
    }
    suggested = {
        name: [[s.indicator for s in row] for row in mapper.suggest(vectors, **kw)]  # type: ignore[arg-type]
        for name, kw in ways.items()
    }
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    # the ranking alone: the three indicators put first, whatever their confidence
    ranked = {
        name: [
            [mapper.items[int(k)].id for k in np.argsort(-row)[:3]]
            for row in mapper.similarities(
                vectors,
                kw.get("texts"),  # type: ignore[arg-type]
                scope=kw.get("scope"),  # type: ignore[arg-type]
                level_bonus=LEVEL_BONUS if kw else 0.0,
            )
        ]
        for name, kw in ways.items()
    }
    if args.show:
        for i, (r, lab) in enumerate(zip(data, labels, strict=True)):
            shown = "  ".join(f"{name}: {suggested[name][i]}" for name in ways)
            print(f"{r['id']:22s} labels {sorted(lab)}  {shown}")
    print(f"documents_indicators: {len(data)} passages ({sum(1 for x in labels if x)} labelled)")
    for name in ways:
        print(line(f"suggested, {name}", scores(suggested[name], labels)))
    for name in ways:
        print(line(f"ranked (no threshold), {name}", scores(ranked[name], labels)))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"time: {elapsed:.1f} s wall, {cpu:.1f} s CPU (model load included); peak memory {rss:.0f} MB; "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
