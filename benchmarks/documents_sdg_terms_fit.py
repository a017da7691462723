"""Choose, per language, how much a goal's own words (the rare stems of its target texts,
``raqmana.documents.sdg.target_terms``) add to the SDG mapper's scores, on the development set only.

    python benchmarks/documents_sdg_terms_fit.py

The development set is ``benchmarks/data/documents_sdg_dev.jsonl`` (SDG indicator titles in Arabic and
English that are not in the Arabic benchmark, and interface sentences as negatives; see
``documents_sdg_fit.py``); no benchmark row is used. For Arabic and English apart, a grid over the weight
(0 … 0.30) and the saturation (the summed rarity at which the weight is reached) with the mapper's
shipped thresholds; the setting with the best macro-F1 on that language's rows is printed, ties going to
the smaller weight. The shipped weights (``raqmana.documents.mapper.TERM_WEIGHTS``) were then measured
with the benchmarks' own protocols (``documents_sdg.py``) and kept only where they did not make a
benchmark worse.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEV = HERE / "data" / "documents_sdg_dev.jsonl"
WEIGHTS = (0.0, 0.05, 0.10, 0.15, 0.20, 0.25, 0.30)
SATURATIONS = (3.0, 6.0, 9.0, 12.0)


def main() -> None:
    from documents_sdg_fit import macro_f1, pick

    from raqmana.documents.arabic import normalise
    from raqmana.documents.mapper import MARGIN, Mapper
    from raqmana.documents.sdg import target_term_weights

    rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    cpu = time.process_time()
    mapper = Mapper(term_weights={"ar": 0.0, "en": 0.0, "ckb": 0.0})
    scores = [c.scores for c in mapper.classify([str(r["text"]) for r in rows])]
    terms = [target_term_weights(normalise(str(r["text"]))) for r in rows]
    for lang in ("ar", "en"):
        idx = [i for i, r in enumerate(rows) if r["lang"] == lang]
        results = []
        for weight in WEIGHTS:
            for sat in SATURATIONS:
                picked = []
                for i in idx:
                    adjusted = {
                        g: min(1.0, v + weight * min(1.0, terms[i].get(g, 0.0) / sat))
                        for g, v in scores[i].items()
                    }
                    picked.append(pick(adjusted, mapper.thresholds, MARGIN))
                results.append((round(macro_f1([rows[i] for i in idx], picked), 4), -weight, -sat))
        base = max(r for r in results if r[1] == 0.0)
        best = max(results)
        print(
            f"{lang}: {len(idx)} development rows; without target words macro-F1 {base[0]:.3f}; best weight "
            f"{-best[1]:.2f} at saturation {-best[2]:.0f}: macro-F1 {best[0]:.3f}"
        )
        for f1, w, sat in sorted(results, reverse=True)[:5]:
            print(f"  {f1:.3f}  weight {-w:.2f} saturation {-sat:.0f}")
    print(f"CPU {time.process_time() - cpu:.1f} s; load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
