"""Generated, ILLUSTRATIVE answers to a framework, for demonstrations, tests and benchmarks.

Never real data: each institution gets an overall maturity level and answers scattered around it.
Files made from such answers say so where they are written: :func:`labelled` for JSON data,
:func:`label_workbook` for XLSX workbooks.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from raqmana.frameworks.schema import AnswerType, Framework

if TYPE_CHECKING:
    from openpyxl import Workbook

ILLUSTRATIVE_NOTE = "ILLUSTRATIVE: derived from generated demonstration answers, not from a real assessment."
#: the keys :func:`labelled` adds; readers of raqmana's own files leave them out
LABEL_KEYS = ("illustrative", "note")
LABEL_SHEET = "illustrative"


def labelled(data: Any, illustrative: bool) -> Any:
    """JSON data as it is written: with ``illustrative``, an object starts with ``illustrative: true`` and
    the note, and a list becomes ``{"illustrative": true, "note": …, "items": [...]}``."""
    if not illustrative:
        return data
    label = {"illustrative": True, "note": ILLUSTRATIVE_NOTE}
    return {**label, **data} if isinstance(data, dict) else {**label, "items": data}


def label_workbook(wb: Workbook, illustrative: bool) -> Workbook:
    """With ``illustrative``, the workbook's first sheet says that its figures are illustrative."""
    if illustrative:
        ws = wb.create_sheet(LABEL_SHEET, 0)
        ws["A1"] = ILLUSTRATIVE_NOTE
        wb.active = 0
    return wb


def illustrative_answers(
    fw: Framework,
    codes: Sequence[str],
    *,
    seed: int = 1,
    low: float = 0.5,
    high: float = 4.5,
    spread: float = 1.0,
) -> dict[str, dict[str, Any]]:
    """institution code → indicator id → an answer of the indicator's type (text questions are skipped)."""
    rng = np.random.default_rng(seed)
    level = rng.uniform(low, high, len(codes))
    out: dict[str, dict[str, Any]] = {}
    for k, code in enumerate(codes):
        row: dict[str, Any] = {}
        for ind in fw.indicators():
            t = ind.answer_type
            if t is AnswerType.LADDER:
                row[ind.id] = int(np.clip(round(rng.normal(level[k], spread)), 0, 5))
            elif t in (AnswerType.PERCENTAGE, AnswerType.NUMBER):
                lo = ind.min_value if ind.min_value is not None else 0.0
                hi = ind.max_value if ind.max_value is not None else 100.0
                row[ind.id] = float(lo + (hi - lo) * np.clip(level[k] / 5 + rng.normal(0, spread / 10), 0, 1))
            elif t is AnswerType.YES_NO:
                row[ind.id] = bool(rng.random() < level[k] / 5)
            elif t is AnswerType.CHOICE:
                row[ind.id] = ind.choices[
                    min(len(ind.choices) - 1, int(level[k] / 5 * len(ind.choices)))
                ].value
        out[code] = row
    return out
