"""Spelling rules for Central Kurdish (Sorani) text, as fixed by the project glossary.

Sorani is written with the Kurdish letters ڕ ڵ ۆ ێ ە ھ ڤ, Kurdish yeh ی and keheh ک. raqmana writes
the consonant h as ھ (U+06BE) everywhere and never uses the Arabic letters ي ى ك ة in Sorani text.
"""

from __future__ import annotations

#: Arabic letter → the Sorani letter to use instead
REPLACEMENTS = {
    "\u0647": "\u06be",  # ه → ھ
    "\u064a": "\u06cc",  # ي → ی
    "\u0649": "\u06cc",  # ى → ی
    "\u0643": "\u06a9",  # ك → ک
    "\u0629": "\u06d5",  # ة → ە
}
_TABLE = str.maketrans(REPLACEMENTS)


def normalise(text: str) -> str:
    """The text with every Arabic-only letter replaced by its Sorani form."""
    return text.translate(_TABLE)


def wrong_letters(text: str) -> list[str]:
    """Arabic-only letters found in ``text`` (empty when it follows the rules)."""
    if text == text.translate(_TABLE):  # the common case, checked in C
        return []
    return sorted({ch for ch in text if ch in REPLACEMENTS})
