"""Build ``benchmarks/data/documents_sdg_dev.jsonl``, the development set the SDG mapper's per-goal
thresholds are fitted on (``benchmarks/documents_sdg_fit.py``), kept apart from every benchmark.

    python benchmarks/documents_sdg_dev_set.py PATH_TO_A_CHECKOUT_OF_open-sdg/sdg-translations

Positives: the official titles of the global SDG indicators in Arabic and in English (open-sdg/
sdg-translations, MIT licence) that are NOT in the Arabic benchmark set (that set takes the first six
indicators of each goal; this one takes the others, and drops any title whose text is in the benchmark).
Negatives: interface sentences of the same project's Arabic and English translations from files the
Arabic benchmark does not use (three words or more, none naming a goal or development). The English
benchmark (sdgclassification-benchmark) is other text altogether; nothing here comes from it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
TEST = HERE / "data" / "documents_sdg_ar.jsonl"
OUT = HERE / "data" / "documents_sdg_dev.jsonl"
#: files the benchmark takes its negatives from (benchmarks/documents_sdg_arabic_set.py): not used here
TEST_NEGATIVE_FILES = {"calendar", "data", "search", "header", "indicator", "status", "menu", "frontpage"}
DEV_NEGATIVE_FILES = ("general", "post", "languages", "metadata_fields", "goal")
GOAL_WORDS = ("هدف", "أهداف", "اهداف", "التنمية", "goal", "sdg", "development", "target", "indicator")


def _text(value: object) -> str:
    if isinstance(value, dict):
        value = value.get("title", "")
    return " ".join(str(value).split()) if isinstance(value, str | int | float) else ""


def main(repo: Path) -> None:
    commit = subprocess.run(
        ["git", "-C", str(repo), "rev-parse", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    source = f"github:open-sdg/sdg-translations@{commit[:12]}"
    test = [json.loads(x) for x in TEST.read_text(encoding="utf-8").splitlines() if x.strip()]
    test_codes = {r["id"].removeprefix("ind-") for r in test if r["id"].startswith("ind-")}
    test_texts = {r["text"] for r in test}
    assert not TEST_NEGATIVE_FILES & set(DEV_NEGATIVE_FILES)
    rows: dict[tuple[str, str], dict[str, object]] = {}
    for lang in ("ar", "en"):
        titles = yaml.safe_load((repo / f"translations/{lang}/global_indicators.yml").read_text("utf-8"))
        for code, entry in titles.items():
            text = _text(entry)
            if code in test_codes or text in test_texts or len(text.split()) < 4:
                continue
            goal = int(str(code).split("-")[0])
            row = rows.setdefault(
                (lang, text),
                {
                    "id": f"dev-{lang}-{code}",
                    "lang": lang,
                    "text": text,
                    "sdgs": [],
                    "source": f"{source} translations/{lang}/global_indicators.yml {code}",
                    "licence": "MIT",
                },
            )
            if goal not in row["sdgs"]:  # type: ignore[operator]
                row["sdgs"].append(goal)  # type: ignore[union-attr]
    negatives = []
    for lang in ("ar", "en"):
        for name in DEV_NEGATIVE_FILES:
            path = repo / f"translations/{lang}/{name}.yml"
            if not path.exists():
                continue
            for k, v in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).items():
                text = _text(v)
                if len(text.split()) >= 3 and not any(w in text.lower() for w in GOAL_WORDS):
                    if text in test_texts:
                        continue
                    negatives.append(
                        {
                            "id": f"dev-ui-{lang}-{name}-{k}",
                            "lang": lang,
                            "text": text,
                            "sdgs": [],
                            "source": f"{source} translations/{lang}/{name}.yml {k}",
                            "licence": "MIT",
                        }
                    )
    out = list(rows.values()) + negatives
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out), encoding="utf-8")
    print(f"{len(rows)} indicator titles (ar and en), {len(negatives)} negatives → {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
