"""Number formatting with Babel, with Arabic-Indic or Latin digits as a locale setting."""

from __future__ import annotations

from babel.numbers import format_decimal
from babel.numbers import format_percent as _babel_percent

from raqmana.i18n.locales import get_locale

_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def localize_digits(text: str, lang: str, digits: str | None = None) -> str:
    """Replace Latin digits with Arabic-Indic ones when the locale (or ``digits``) asks for them."""
    shape = digits or get_locale(lang).default_digits
    return text.translate(_ARABIC_INDIC) if shape == "arab" else text


def _babel_locale(lang: str) -> str:
    # Babel formats ar/ckb with their own separators; digits are applied separately.
    return get_locale(lang).babel_code


def _system(lang: str, digits: str | None) -> str:
    shape = digits or get_locale(lang).default_digits
    return "arab" if shape == "arab" else "latn"


def format_number(value: float | int, lang: str, *, decimals: int = 2, digits: str | None = None) -> str:
    """Format a number for ``lang``; ``digits`` is "latn" or "arab" (default: the locale's own).

    Arabic-Indic digits come with the Arabic decimal and group separators (٫ ٬).
    """
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    system = _system(lang, digits)
    try:
        text = format_decimal(value, format=pattern, locale=_babel_locale(lang), numbering_system=system)
    except Exception:  # a locale without that numbering system in CLDR
        text = format_decimal(value, format=pattern, locale=_babel_locale(lang), numbering_system="latn")
    return localize_digits(text, lang, "arab" if system == "arab" else "latn")


#: the Arabic percent sign, written after Arabic-Indic digits ("٤٢٪"); Latin digits keep "%"
ARABIC_PERCENT = "\u066a"


def format_percent(value: float, lang: str, *, decimals: int = 0, digits: str | None = None) -> str:
    """Format a share (0.42) as a percentage for ``lang``: "42%", or "٤٢٪" with Arabic-Indic digits."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "") + "%"
    system = _system(lang, digits)
    try:
        text = _babel_percent(value, format=pattern, locale=_babel_locale(lang), numbering_system=system)
    except Exception:
        text = _babel_percent(value, format=pattern, locale=_babel_locale(lang), numbering_system="latn")
    text = localize_digits(text, lang, "arab" if system == "arab" else "latn")
    return text.replace("%", ARABIC_PERCENT) if system == "arab" else text
