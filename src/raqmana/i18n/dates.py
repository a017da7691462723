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


# --- a date typed into a form: shown in the reader's order and digits, read back in either digit shape ---
#: the order of a typed date per language: day/month/year as Arabic dates are written (CLDR's ar), the
#: ISO order year-month-day for Sorani (CLDR's ckb) and English (unambiguous, unlike "12/7/26")
_FIELD_ORDER = {"ar": ("d", "m", "y"), "ckb": ("y", "m", "d"), "en": ("y", "m", "d")}
_FIELD_SEP = {"ar": "/", "ckb": "-", "en": "-"}
_FIELD_WORDS = {"d": N_("day"), "m": N_("month"), "y": N_("year")}
#: Latin for the Arabic-Indic and Extended Arabic-Indic (Persian) digits a keyboard may type
_TO_LATIN = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
#: direction marks a copied date may carry (LRM, RLM, ALM, isolates)
_MARKS = dict.fromkeys(map(ord, "\u200e\u200f\u061c\u2066\u2067\u2068\u2069"))
RLM = "\u200f"
_TYPED = re.compile(r"^\s*(\d{1,4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,4})\s*$")


def format_day_field(value: date | str | None, lang: str, digits: str | None = None) -> str:
    """``value`` as the text of a date field: "٠٧/١٢/٢٠٢٦" (ar), "٢٠٢٦-١٢-٠٧" (ckb), "2026-12-07" (en), each
    number followed by a right-to-left mark in Arabic and Sorani (read from the right, as the page).

    A string that is not a date (what a reader typed, shown again with its error) is returned as typed."""
    if isinstance(value, str) and value.strip():
        try:
            value = parse_day_field(value)
        except ValueError:
            return str(value)
    if not isinstance(value, date):  # None, "", a template's undefined value
        return ""
    locale = get_locale(lang)
    parts = {"d": f"{value.day:02d}", "m": f"{value.month:02d}", "y": f"{value.year:04d}"}
    # numbers joined by "/" or "-" would make one left-to-right run: day first on the left in an Arabic
    # field. A right-to-left mark after each number (as CLDR's Arabic date patterns have) keeps them apart,
    # so the date reads from the right like the page and the order the hint names
    sep = (RLM if locale.is_rtl else "") + _FIELD_SEP[locale.code]
    text = sep.join(parts[k] for k in _FIELD_ORDER[locale.code])
    return localize_digits(text, lang, digits)


def day_field_hint(lang: str, digits: str | None = None) -> str:
    """The hint under a date field: its order in words and an example in the reader's digits."""
    code = get_locale(lang).code
    words = _FIELD_SEP[code].join(gettext(lang, _FIELD_WORDS[k]) for k in _FIELD_ORDER[code])
    example = format_day_field(date(2026, 12, 7), lang, digits)
    return gettext(lang, "{format}, for example {example}", format=words, example=example)


def parse_day_field(text: str) -> date:
    """A date typed in any of the fields' orders and either digit shape: year first ("2026-12-07",
    "٢٠٢٦/١٢/٧") or year last ("07/12/2026", "٧-١٢-٢٠٢٦"); ``ValueError`` for anything else."""
    found = _TYPED.match(text.translate(_MARKS).translate(_TO_LATIN))
    if found is None:
        raise ValueError(f"not a date: {text!r}")
    first, month, last = found.groups()
    if len(first) == 4:
        return date(int(first), int(month), int(last))
    if len(last) == 4:
        return date(int(last), int(month), int(first))
    raise ValueError(f"a date needs a four-digit year: {text!r}")
