"""The three locales raqmana ships, with their writing direction.

Direction is declared here, never guessed from the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

LangCode = Literal["en", "ar", "ckb"]


@dataclass(frozen=True, slots=True)
class Locale:
    code: str
    english_name: str
    native_name: str
    direction: Literal["ltr", "rtl"]
    babel_code: str
    #: default digit shape: "latn" (0-9) or "arab" (٠-٩)
    default_digits: Literal["latn", "arab"]

    @property
    def is_rtl(self) -> bool:
        return self.direction == "rtl"


LOCALES: dict[str, Locale] = {
    "en": Locale("en", "English", "English", "ltr", "en", "latn"),
    "ar": Locale("ar", "Arabic", "العربية", "rtl", "ar", "arab"),
    "ckb": Locale("ckb", "Central Kurdish (Sorani)", "کوردی", "rtl", "ckb", "arab"),
}
LANGS: tuple[str, ...] = ("en", "ar", "ckb")
DEFAULT_LOCALE = "en"


def get_locale(code: str | None) -> Locale:
    """Return the locale for ``code`` (``ar``, ``ckb`` or ``en``); unknown codes fall back to English.

    Accepts common aliases: ``ku``/``ku-IQ``/``sorani`` map to ``ckb``, ``ar-IQ`` to ``ar``.
    """
    if not code:
        return LOCALES[DEFAULT_LOCALE]
    c = code.strip().lower().replace("_", "-")
    if c in LOCALES:
        return LOCALES[c]
    base = c.split("-")[0]
    if base in ("ku", "sorani", "ckb"):
        return LOCALES["ckb"]
    return LOCALES.get(base, LOCALES[DEFAULT_LOCALE])


def is_rtl(code: str) -> bool:
    return get_locale(code).is_rtl
