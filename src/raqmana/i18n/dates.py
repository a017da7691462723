"""Quarters, years and dates in the reader's words and digits.

A quarter reads "Q1 2027" in English and "الربع الأول ٢٠٢٧" / "چارەکی یەکەمی ٢٠٢٧" in Arabic and Sorani
(with the locale's digits or the ``digits`` setting): never the machine label "2027-Q1", which stays
the value of JSON and workbook cells that are read back. Years are written without a group separator.
Pages, charts, reports and the JSON twins' display strings all go through these functions.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from babel.dates import format_date, format_datetime

from raqmana.i18n.catalog import N_, gettext
from raqmana.i18n.locales import get_locale
from raqmana.i18n.numbers import localize_digits

#: English msgids of the four quarters; the catalogues hold "الربع الأول {year}" and so on
_QUARTERS = (N_("Q1 {year}"), N_("Q2 {year}"), N_("Q3 {year}"), N_("Q4 {year}"))

_LABEL = re.compile(r"^\s*(\d{4})\s*-\s*Q([1-4])\s*$", re.IGNORECASE)


def format_year(year: int, lang: str, digits: str | None = None) -> str:
    """A year in the reader's digits, without a thousands separator ("٢٠٢٧", not "٢٬٠٢٧")."""
    return localize_digits(str(int(year)), lang, digits)


def format_quarter(year: int, quarter: int, lang: str, digits: str | None = None) -> str:
    """Quarter ``quarter`` (1–4) of ``year`` in words: "Q1 2027", "الربع الأول ٢٠٢٧", "چارەکی یەکەمی ٢٠٢٧"."""
    if not 1 <= quarter <= 4:
        raise ValueError(f"a quarter is 1 to 4, not {quarter}")
    return gettext(lang, _QUARTERS[quarter - 1], year=format_year(year, lang, digits))


def parse_quarter(label: str) -> tuple[int, int] | None:
    """``(2027, 1)`` for the machine label "2027-Q1"; None for anything else."""
    m = _LABEL.match(label or "")
    return (int(m.group(1)), int(m.group(2))) if m else None


def quarter_text(label: object, lang: str, digits: str | None = None) -> str:
    """The reader's words for a machine quarter label ("2027-Q1"); other values in the reader's digits.

    An empty value gives "–".
    """
    if label is None or label == "":
        return "–"
    found = parse_quarter(str(label))
    if found is None:
        return localize_digits(str(label), lang, digits)
    return format_quarter(found[0], found[1], lang, digits)


def format_day(value: date | datetime, lang: str, digits: str | None = None, *, short: bool = False) -> str:
    """A date (or date and time) in the locale's calendar format and the reader's digits."""
    babel = get_locale(lang).babel_code
    if isinstance(value, datetime):
        text = format_datetime(value, format="short" if short else "medium", locale=babel)
    else:
        text = format_date(value, format="short" if short else "medium", locale=babel)
    return localize_digits(text, lang, digits)
