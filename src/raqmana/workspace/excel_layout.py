"""The layout of the per-institution questionnaire workbook, shared by export and import.

Sheets: an instructions sheet, the answers sheet (one row per indicator; column A holds the hidden
indicator id, column J the hidden version), a hidden ``_lists`` sheet feeding the drop-down lists and
a very hidden ``_raqmana`` sheet with the ids the import needs. Titles, headings and list values are
in the user's language (ar/ckb sheets are right-to-left).
"""

from __future__ import annotations

import re

from raqmana.frameworks import Framework
from raqmana.i18n import Translated
from raqmana.i18n.catalog import ui
from raqmana.workspace.views import (
    DONT_KNOW_LABEL,
    NA_LABEL,
    NO_LABEL,
    STATE_LABELS,
    YES_LABEL,
    ResponseState,
)

FORMAT_VERSION = "1"
META_SHEET = "_raqmana"
LISTS_SHEET = "_lists"

ANSWERS_TITLE = ui("Answers")
ABOUT_TITLE = ui("Instructions")

#: (key, heading) in column order A…J
COLUMNS: list[tuple[str, Translated]] = [
    ("id", ui("id", "workbook")),
    ("pillar", ui("Pillar")),
    ("indicator", ui("Indicator")),
    ("question", ui("Question")),
    ("answer", ui("Answer")),
    ("na", NA_LABEL),
    ("dont_know", DONT_KNOW_LABEL),
    ("justification", ui("Justification", "workbook")),
    ("state", ui("Status")),
    ("version", ui("version")),
]
#: headings of workbooks exported before the hidden columns were translated, still accepted on import
OLD_HEADINGS: dict[str, tuple[str, ...]] = {"id": ("id",), "version": ("version",)}
COL = {key: i + 1 for i, (key, _) in enumerate(COLUMNS)}
LETTER = {key: "ABCDEFGHIJ"[i] for i, (key, _) in enumerate(COLUMNS)}
EDITABLE_COLUMNS = ("answer", "na", "dont_know", "justification")

INSTRUCTIONS = ui(
    "Fill in the columns Answer, N/A, Don't know and Justification of the sheet Answers. Choose stages and other answers from the drop-down lists. Do not add, remove or rename sheets, rows or columns. Import the workbook in raqmana: all rows are checked and nothing is saved unless every row is valid."
)
ABOUT_LABELS: dict[str, Translated] = {
    "assessment": ui("Assessment"),
    "institution": ui("Institution"),
    "period": ui("Period"),
    "framework": ui("Framework"),
    "exported": ui("Exported"),
    "illustrative": ui("Illustrative data, not real answers"),
}
HINTS: dict[str, Translated] = {
    "ladder": ui("Stage 0–5 (list)"),
    "yes_no": ui("Yes / No (list)"),
    "number": ui("Number", "workbook"),
    "percentage": ui("Percentage 0–100"),
    "choice": ui("One of the list"),
    "text": ui("Text"),
}
_LEADING_NUMBER = re.compile(r"^\s*([0-9٠-٩۰-۹])\s*(?:[—\-–:)]|$)")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def stage_option(framework: Framework, stage: int, lang: str) -> str:
    return f"{stage} — {framework.stage_label(stage).get(lang)}"


def parse_stage(value: object, framework: Framework) -> int | str | None:
    """A stage from a list option ("3 — Defined" in any language), a bare number, or the raw value."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return int(value) if float(value).is_integer() else str(value)
    text = str(value).strip()
    m = _LEADING_NUMBER.match(text)
    if m:
        return int(m.group(1).translate(_DIGITS))
    for s in range(6):
        if text in framework.stage_label(s).model_dump().values():
            return s
    return text


def flag_value(value: object) -> bool | None:
    """True for "yes" (any language), False for blank or "no", None when it is neither."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return False
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in {v.lower() for v in YES_LABEL.model_dump().values()} | {"1", "true", "x"}:
        return True
    if text in {v.lower() for v in NO_LABEL.model_dump().values()} | {"0", "false"}:
        return False
    return None


def state_label(state: str, lang: str) -> str:
    return STATE_LABELS[ResponseState(state)].get(lang)
