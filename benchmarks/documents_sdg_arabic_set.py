"""Build ``benchmarks/data/documents_sdg_ar.jsonl``, the labelled Arabic set of the SDG mapper evaluation.

    python benchmarks/documents_sdg_arabic_set.py PATH_TO_A_CHECKOUT_OF_open-sdg/sdg-translations

Positives: the official Arabic titles of the global SDG indicators (UN Statistical Commission's
list as translated in open-sdg/sdg-translations, MIT licence), the first six indicators of each goal in
the file's order (no choice by hand); an indicator title shared by several goals carries them all.
Negatives: interface sentences of the same project's Arabic translations (three words or more, none
naming a goal) — real public Arabic text about nothing the SDGs cover (an easy kind of negative).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import yaml

PER_GOAL = 6
NEGATIVE_FILES = ("calendar", "data", "search", "header", "indicator", "status", "menu", "frontpage")
OUT = Path(__file__).resolve().parent / "data" / "documents_sdg_ar.jsonl"


def main(repo: Path) -> None:
    commit = subprocess.run(
        ["git", "-C", str(repo), "rev-parse", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    source = f"github:open-sdg/sdg-translations@{commit[:12]}"
    indicators = yaml.safe_load((repo / "translations/ar/global_indicators.yml").read_text(encoding="utf-8"))

    def key(code: str) -> tuple[int, ...]:
        return tuple(int(p) if p.isdigit() else 100 + sum(map(ord, p)) for p in code.split("-"))

    by_text: dict[str, dict[str, object]] = {}
    taken: dict[int, int] = {}
    for code in sorted(indicators, key=key):
        goal = int(code.split("-")[0])
        entry = indicators[code]
        text = " ".join(str(entry["title"] if isinstance(entry, dict) else entry).split())
        if taken.get(goal, 0) >= PER_GOAL or len(text.split()) < 4:
            continue
        taken[goal] = taken.get(goal, 0) + 1
        row = by_text.setdefault(
            text,
            {
                "id": f"ind-{code}",
                "text": text,
                "sdgs": [],
                "source": f"{source} translations/ar/global_indicators.yml {code}",
                "licence": "MIT",
            },
        )
        if goal not in row["sdgs"]:  # type: ignore[operator]
            row["sdgs"].append(goal)  # type: ignore[union-attr]
    negatives = []
    for name in NEGATIVE_FILES:
        path = repo / f"translations/ar/{name}.yml"
        if not path.exists():
            continue
        for k, v in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).items():
            text = " ".join(str(v).split()) if isinstance(v, str) else ""
            if (
                len(text.split()) >= 3
                and "هدف" not in text
                and "أهداف" not in text
                and "اهداف" not in text
                and "التنمية" not in text
            ):
                negatives.append(
                    {
                        "id": f"ui-{name}-{k}",
                        "text": text,
                        "sdgs": [],
                        "source": f"{source} translations/ar/{name}.yml {k}",
                        "licence": "MIT",
                    }
                )
    rows = list(by_text.values()) + negatives
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(by_text)} indicator titles, {len(negatives)} negatives → {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
