"""Sorting names the way a reader of each language expects (no ICU needed).

Arabic: hamza forms of alef sort as alef, taa marbuta as haa, alef maqsura as yaa, diacritics and
tatweel are ignored — Unicode order of the remaining letters is the alphabetical (hijaʾi) order.
Sorani: the Kurdish alphabet (ئ ا ب پ ت ج چ ح خ د ر ڕ ز ژ س ش ع غ ف ڤ ق ک گ ل ڵ م ن و ۆ ھ ە ی ێ), whose
extra letters Unicode puts far from their place. English: case-insensitive.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from raqmana.i18n import Translated

T = TypeVar("T")

_AR_FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ة": "ه",
        "ى": "ي",
        "ـ": None,
        **{chr(c): None for c in range(0x064B, 0x0653)},
        "\u0670": None,
    }
)
_CKB_ALPHABET = "ئابپتجچحخدرڕزژسشعغفڤقکگلڵمنوۆھەیێ"
_CKB_ORDER = {ch: n for n, ch in enumerate(_CKB_ALPHABET)}
_CKB_FOLD = str.maketrans(
    {
        "ك": "ک",
        "ي": "ی",
        "ى": "ی",
        "ه": "ھ",
        "ة": "ە",
        "أ": "ئ",
        "إ": "ئ",
        "آ": "ئ",
        "ـ": None,
        **{chr(c): None for c in range(0x064B, 0x0653)},
    }
)
_OTHER = 1000  # characters outside the alphabet (spaces, digits, Latin) keep their own order after it


def name_key(text: str, lang: str) -> tuple[int, ...]:
    """A sort key for ``text`` read in ``lang``."""
    if lang == "ar":
        return tuple(ord(c) for c in text.translate(_AR_FOLD).strip())
    if lang == "ckb":
        folded = text.translate(_CKB_FOLD).strip()
        return tuple(_CKB_ORDER.get(c, _OTHER + ord(c)) if c != " " else -1 for c in folded)
    return tuple(ord(c) for c in text.casefold().strip())


def by_name(items: Iterable[T], lang: str, name: Callable[[T], Translated]) -> list[T]:
    """``items`` sorted by their name in ``lang`` (the English name breaks ties)."""
    return sorted(items, key=lambda i: (name_key(name(i).get(lang), lang), name(i).en))
