"""SDG entry points: which SDG targets the weakest indicators serve (from the framework's crosswalks)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from raqmana.frameworks.crosswalk import sdg_rows
from raqmana.frameworks.schema import Framework
from raqmana.i18n import Translated


@dataclass(frozen=True)
class SdgEntryPoint:
    target: str
    goal: str
    label: Translated  # "Target 16.6" in en/ar/ckb
    text: Translated  # the target's text (en, ar; no Central Kurdish text exists in the source)
    indicators: tuple[str, ...]  # weak indicators that serve this target, weakest first
    mean_score: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "target": self.target,
            "goal": self.goal,
            "label": self.label.model_dump(),
            "text": self.text.model_dump(),
            "indicators": list(self.indicators),
            "mean_score": self.mean_score,
        }


def _target_text(target: str) -> Translated:
    for row in sdg_rows():
        if row["target"] == target:
            return Translated(en=row["text_en"].strip(), ar=row["text_ar"].strip())
    return Translated()


def sdg_entry_points(
    indicator_scores: Mapping[str, float | None],
    framework: Framework,
    *,
    weakest: int = 10,
    below: float | None = None,
) -> list[SdgEntryPoint]:
    """SDG targets served by the weakest indicators, most-served first.

    ``indicator_scores`` is one score (0–5) per indicator id, e.g. the national mean. The weak
    indicators are those below ``below`` when given, else the ``weakest`` lowest-scoring ones.
    """
    known = {i.id: i for i in framework.indicators()}
    scored = sorted(((float(v), k) for k, v in indicator_scores.items() if v is not None and k in known))
    weak = [(s, k) for s, k in scored if s < below] if below is not None else scored[:weakest]
    by_target: dict[str, list[tuple[float, str]]] = {}
    for score, ind_id in weak:
        for target in known[ind_id].crosswalk.sdg:
            by_target.setdefault(target, []).append((score, ind_id))
    out = []
    for target, items in by_target.items():
        goal = target.split(".")[0]
        label = Translated(en=f"Target {target}", ar=f"الغاية {target}", ckb=f"ئامانجی لاوەکیی {target}")
        out.append(
            SdgEntryPoint(
                target,
                goal,
                label,
                _target_text(target),
                tuple(k for _, k in sorted(items)),
                sum(s for s, _ in items) / len(items),
            )
        )
    return sorted(out, key=lambda e: (-len(e.indicators), e.mean_score, e.target))
