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
threshold), then the same ranking without the threshold (what the sentence model ranks first).

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
    from raqmana.documents.indicators import IndicatorMapper

    data = rows()
    labels = [set(r["indicators"]) for r in data]  # type: ignore[arg-type]
    started, cpu = time.perf_counter(), time.process_time()
    mapper = IndicatorMapper(args.framework)
    vectors = E.embed([str(r["text"])[:2000] for r in data])
    suggested = [[s.indicator for s in row] for row in mapper.suggest(vectors)]
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    # the ranking alone: the three indicators the sentence model puts first, whatever their confidence
    sims = vectors @ mapper._ind.T
    per_indicator = np.maximum(sims[:, 0::2], sims[:, 1::2])
    ranked = [[mapper.items[int(k)].id for k in np.argsort(-row)[:3]] for row in per_indicator]
    if args.show:
        for r, lab, s, top in zip(data, labels, suggested, ranked, strict=True):
            print(f"{r['id']:22s} labels {sorted(lab)}  suggested {s}  ranked {top}")
    print(f"documents_indicators: {len(data)} passages ({sum(1 for x in labels if x)} labelled)")
    print(line("suggested (threshold as shipped)", scores(suggested, labels)))
    print(line("ranked (no threshold)", scores(ranked, labels)))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"time: {elapsed:.1f} s wall, {cpu:.1f} s CPU (model load included); peak memory {rss:.0f} MB; "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
