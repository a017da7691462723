"""Choose the indicator mapper's level weights on the development set, never on the evaluation set.

    python benchmarks/documents_indicators_fit.py [--framework iraq-dla]

The development set ``benchmarks/data/documents_indicators_dev.jsonl`` (50 passages) was written for
this purpose, apart from the 38-passage evaluation set of ``documents_indicators.py``: passages in the
words of laws, decrees and national strategies (32, filed in the national library), of one ministry's,
directorate's or governorate's own instructions, plans and reports (16, filed with the institution), and
2 with no indicator. They are modelled on the kinds of provisions such texts have (other countries' and
made-up institutions' texts, written in our own words, not quotations; none is taken from the evaluation
set) and were labelled with the ``iraq-dla`` indicators from the indicators' definitions as they were
written; the last 11 were added to make the set less close to the definitions' own wording.

A grid over the level bonus (cosine units), the weight of the document's place and the weight of the
passage's own words; each setting is scored by precision@1 and recall@3 of the ranking (no threshold),
with the document's place known and, separately, unknown (the words alone). The setting with the best
sum of the two mean scores is printed; ties go to the smaller bonus.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
DEV = HERE / "data" / "documents_indicators_dev.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--framework", default="iraq-dla")
    args = parser.parse_args()
    from documents_indicators import scores

    from raqmana.documents import embed as E
    from raqmana.documents.indicators import IndicatorMapper
    from raqmana.documents.levels import passage_level

    rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    labels = [set(r["indicators"]) for r in rows]
    texts = [str(r["text"]) for r in rows]
    cpu = time.process_time()
    mapper = IndicatorMapper(args.framework)
    vectors = E.embed([t[:2000] for t in texts])

    def ranked(levels: list[float] | None, bonus: float) -> list[list[str]]:
        sims = mapper.similarities(vectors, levels=levels, level_bonus=bonus)
        return [[mapper.items[int(k)].id for k in np.argsort(-row)[:3]] for row in sims]

    def merit(found: list[list[str]]) -> tuple[float, float]:
        s = scores(found, labels)
        return s["p1_strict"], s["r3"]

    base = merit(ranked(None, 0.0))
    print(
        f"documents_indicators_fit: {len(rows)} development passages; without level p@1 {base[0]:.2f} "
        f"r@3 {base[1]:.2f}"
    )
    results = []
    for bonus, place_w, cue_w in itertools.product(
        (0.0, 0.02, 0.04, 0.06, 0.08, 0.10, 0.12, 0.15, 0.20, 0.25),
        (0.0, 0.2, 0.4, 0.6, 0.8, 1.0),
        (0.0, 0.2, 0.4, 0.6, 0.8, 1.0),
    ):
        known = [
            passage_level(t, r["scope"], place_weight=place_w, cue_weight=cue_w)
            for t, r in zip(texts, rows, strict=True)
        ]
        words = [passage_level(t, None, place_weight=place_w, cue_weight=cue_w) for t in texts]
        with_place, alone = merit(ranked(known, bonus)), merit(ranked(words, bonus))
        total = sum(with_place) + sum(alone)
        results.append((round(total, 6), -bonus, place_w, cue_w, with_place, alone))
    best = max(results)
    total, bonus, place_w, cue_w, with_place, alone = best
    print(
        f"best: level bonus {-bonus:.2f}, place weight {place_w:.1f}, cue weight {cue_w:.1f}: "
        f"place known p@1 {with_place[0]:.2f} r@3 {with_place[1]:.2f}; words alone p@1 {alone[0]:.2f} "
        f"r@3 {alone[1]:.2f}"
    )
    near = sorted(results, reverse=True)[:8]
    for t, b, pw, cw, wp, al in near:
        print(
            f"  {t:.3f}  bonus {-b:.2f} place {pw:.1f} cue {cw:.1f}  known {wp[0]:.2f}/{wp[1]:.2f}  "
            f"words {al[0]:.2f}/{al[1]:.2f}"
        )
    # the suggestions a reviewer sees with the weights as shipped (threshold on the closeness)
    from documents_indicators import line

    for name, found in (
        ("suggested without level", mapper.suggest(vectors)),
        ("suggested, words alone", mapper.suggest(vectors, texts)),
        (
            "suggested, place known",
            [
                mapper.suggest(vectors[i : i + 1], [t], scope=r["scope"])[0]
                for i, (t, r) in enumerate(zip(texts, rows, strict=True))
            ],
        ),
    ):
        print(line(name, scores([[s.indicator for s in row] for row in found], labels)))
    print(f"CPU {time.process_time() - cpu:.1f} s; load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
