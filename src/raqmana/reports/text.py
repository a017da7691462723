"""Numbers, lists and left-to-right runs in report text, written the same way in every sentence and table.

Every number a report prints goes through :func:`num`, :func:`integer` or :func:`pct` with the report's
digit setting (``None``: the language's own — Arabic-Indic in ar and ckb), so one sentence never mixes
Latin and Arabic-Indic digits. Codes (``POL-03``, ``SKL-R02``, ``2027-Q1``) stay Latin; renderers keep
them in one left-to-right piece (:func:`ltr_runs`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from raqmana.i18n.catalog import ui
from raqmana.i18n.numbers import format_number, format_percent, localize_digits
from raqmana.i18n.prose import prose_digits as prose_digits  # re-exported: reports call it from here

#: between the items of a list whose items may contain commas themselves
LIST_SEP = ui("; ").as_dict()
DASH = "–"


def num(value: float | int | None, lang: str, decimals: int = 2, digits: str | None = None) -> str:
    """A number with ``decimals`` places in the report's digits; "—" when there is none."""
    return "—" if value is None else format_number(float(value), lang, decimals=decimals, digits=digits)


def integer(value: int | float | None, lang: str, digits: str | None = None) -> str:
    return num(value, lang, 0, digits)


def pct(share: float | None, lang: str, decimals: int = 0, digits: str | None = None) -> str:
    """A share 0–1 as a percentage: "63 %" / "٦٣٪"."""
    if share is None:
        return "—"
    return format_percent(share, lang, decimals=decimals, digits=digits)


def plain(text: str, lang: str, digits: str | None = None) -> str:
    """Digits of a year or a count written without separators ("2024" → "٢٠٢٤" in ar)."""
    return localize_digits(text, lang, digits)


def span(
    low: float | None, high: float | None, lang: str, decimals: int = 2, digits: str | None = None
) -> str:
    """A range "1.96–2.03" in the report's digits."""
    return f"{num(low, lang, decimals, digits)}{DASH}{num(high, lang, decimals, digits)}"


def listing(items: Iterable[str], lang: str) -> str:
    """Items separated unambiguously even when an item contains commas ("A, B; C" / "أ، ب؛ ج")."""
    return LIST_SEP.get(lang, "; ").join(items)


# --- digits in prose written by others (framework, rules, the scoring methodology): raqmana.i18n.prose


# --- runs that must read left to right and stay on one line -------------------------------------------
_DIGIT = "0-9٠-٩"
_LTR = re.compile(
    r"(?<![\w@])("
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}"  # ISO date
    r"|[0-9]{4}-Q[1-4]"  # quarter label
    rf"|[{_DIGIT}][{_DIGIT}.,٫٬]*\s?[–][\s]?[{_DIGIT}][{_DIGIT}.,٫٬]*"  # numeric range
    r"|[A-Za-z][A-Za-z0-9]*(?:[-_.@:/][A-Za-z0-9]+)+"  # code: POL-03, SKL-R02@programme, iraq-dla
    r"|[0-9]{1,2}\.[a-z]"  # SDG target with a letter: 16.a, 9.c
    r"|CC BY(?:-[A-Z]{2})* [0-9]\.[0-9]"  # a licence's name: CC BY 4.0, CC BY-SA 3.0
    r")(?![\w@])"
)


def ltr_runs(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into pieces, each (piece, True when it is a code, date or range to keep left to right)."""
    out: list[tuple[str, bool]] = []
    pos = 0
    for m in _LTR.finditer(text):
        if m.start() > pos:
            out.append((text[pos : m.start()], False))
        out.append((m.group(0), True))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], False))
    return out
