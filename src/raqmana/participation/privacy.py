"""Personal data in free text, masked before anything is published: e-mail addresses, phone numbers
(Iraqi ``07xx xxx xxxx``, ``+964 …`` and other international forms), IBANs and long digit runs such as
national ID card and civil ID numbers. Arabic-Indic and Persian digits count as digits (``\\d`` is Unicode)."""

from __future__ import annotations

import re

MASK = "▒▒▒"
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){3,7}(?:[ ]?[A-Z0-9]{1,3})?\b", re.IGNORECASE)
#: six or more digits, possibly split by spaces, dots, dashes, slashes or brackets, with an optional
#: leading + (phones such as ``(0770) 123-4567``, national ID card numbers, civil ID numbers ``123/4567``)
_NUMBER = re.compile(r"\+?\(?\d(?:(?:[\s.\-/]|\)\s?)?\d){5,}")
#: invisible characters someone may type between digits to slip a number past the mask
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


def mask_personal(text: str) -> str:
    """``text`` with every e-mail, phone number, IBAN and ID-like number replaced by :data:`MASK`."""
    out = _EMAIL.sub(MASK, text.translate(_INVISIBLE))
    out = _IBAN.sub(MASK, out)
    return _NUMBER.sub(MASK, out)
