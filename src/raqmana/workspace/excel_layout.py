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

ANSWERS_TITLE = Translated(en="Answers", ar="الإجابات", ckb="وەڵامەکان")
ABOUT_TITLE = Translated(en="Instructions", ar="التعليمات", ckb="ڕێنماییەکان")

#: (key, heading) in column order A…J
COLUMNS: list[tuple[str, Translated]] = [
    ("id", Translated(en="id", ar="رمز المؤشر", ckb="کۆدی پێوەر")),
    ("pillar", Translated(en="Pillar", ar="الركيزة", ckb="کۆڵەکە")),
    ("indicator", Translated(en="Indicator", ar="المؤشر", ckb="پێوەر")),
    ("question", Translated(en="Question", ar="السؤال", ckb="پرسیار")),
    ("answer", Translated(en="Answer", ar="الإجابة", ckb="وەڵام")),
    ("na", NA_LABEL),
    ("dont_know", DONT_KNOW_LABEL),
    ("justification", Translated(en="Justification", ar="المبررات", ckb="پاساو")),
    ("state", Translated(en="Status", ar="الحالة", ckb="دۆخ")),
    ("version", Translated(en="version", ar="الإصدار", ckb="وەشان")),
]
#: headings of workbooks exported before the hidden columns were translated, still accepted on import
OLD_HEADINGS: dict[str, tuple[str, ...]] = {"id": ("id",), "version": ("version",)}
COL = {key: i + 1 for i, (key, _) in enumerate(COLUMNS)}
LETTER = {key: "ABCDEFGHIJ"[i] for i, (key, _) in enumerate(COLUMNS)}
EDITABLE_COLUMNS = ("answer", "na", "dont_know", "justification")

INSTRUCTIONS = Translated(
    en="Fill in the columns Answer, N/A, Don't know and Justification of the sheet Answers. Choose stages and "
    "other answers from the drop-down lists. Do not add, remove or rename sheets, rows or columns. "
    "Import the workbook in raqmana: all rows are checked and nothing is saved unless every row is valid.",
    ar="املأ أعمدة الإجابة ولا ينطبق ولا أعرف والمبررات في ورقة الإجابات. اختر المراحل والإجابات الأخرى من "
    "القوائم المنسدلة. لا تُضف أوراقاً أو صفوفاً أو أعمدة ولا تحذفها ولا تغيّر أسماءها. استورد المصنف في "
    "raqmana: تُفحص جميع الصفوف ولا يُحفظ شيء ما لم تكن كلها صحيحة.",
    ckb="ستوونەکانی وەڵام، پەیوەندیدار نییە، نازانم و پاساو لە پەڕەی وەڵامەکان پڕ بکەرەوە. قۆناغەکان و "
    "وەڵامەکانی تر لە لیستە داکەوتووەکان ھەڵبژێرە. پەڕە، ڕیز یان ستوون زیاد مەکە، لامەبە و ناویان مەگۆڕە. "
    "پەڕتووکەکە لە raqmana ھاوردە بکە: ھەموو ڕیزەکان دەپشکنرێن و ھیچ پاشەکەوت ناکرێت تا ھەموویان دروست نەبن.",
)
ABOUT_LABELS: dict[str, Translated] = {
    "assessment": Translated(en="Assessment", ar="التقييم", ckb="ھەڵسەنگاندن"),
    "institution": Translated(en="Institution", ar="الجهة", ckb="دامەزراوە"),
    "period": Translated(en="Period", ar="الفترة", ckb="ماوە"),
    "framework": Translated(en="Framework", ar="الإطار", ckb="چوارچێوە"),
    "exported": Translated(en="Exported", ar="تاريخ التصدير", ckb="بەرواری ھەناردە"),
    "illustrative": Translated(
        en="Illustrative data, not real answers",
        ar="بيانات توضيحية وليست إجابات حقيقية",
        ckb="داتای نموونەیی، نەک وەڵامی ڕاستەقینە",
    ),
}
HINTS: dict[str, Translated] = {
    "ladder": Translated(en="Stage 0–5 (list)", ar="مرحلة 0–5 (قائمة)", ckb="قۆناغ 0–5 (لیست)"),
    "yes_no": Translated(en="Yes / No (list)", ar="نعم / لا (قائمة)", ckb="بەڵێ / نەخێر (لیست)"),
    "number": Translated(en="Number", ar="رقم", ckb="ژمارە"),
    "percentage": Translated(en="Percentage 0–100", ar="نسبة مئوية 0–100", ckb="ڕێژەی سەدی 0–100"),
    "choice": Translated(en="One of the list", ar="خيار من القائمة", ckb="یەکێک لە لیستەکە"),
    "text": Translated(en="Text", ar="نص", ckb="دەق"),
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
