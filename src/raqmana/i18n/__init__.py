"""Locales, translated text, UI message catalogues and number formatting.

raqmana speaks Arabic (``ar``), Central Kurdish / Sorani (``ckb``) and English (``en``).
Every stored text that a person reads is a :class:`Translated` value; every UI string goes
through a gettext catalogue (:func:`gettext`).
"""

from raqmana.i18n.catalog import gettext, ngettext, pgettext, translator, ui, ui_n
from raqmana.i18n.locales import DEFAULT_LOCALE, LOCALES, Locale, get_locale, is_rtl
from raqmana.i18n.numbers import format_number, format_percent, localize_digits
from raqmana.i18n.text import Translated

__all__ = [
    "DEFAULT_LOCALE",
    "LOCALES",
    "Locale",
    "Translated",
    "format_number",
    "format_percent",
    "get_locale",
    "gettext",
    "is_rtl",
    "localize_digits",
    "ngettext",
    "pgettext",
    "translator",
    "ui",
    "ui_n",
]
