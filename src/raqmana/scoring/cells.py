"""Reading one cell of a table as a number.

Accepts Latin, Arabic-Indic (٠–٩) and Extended Arabic-Indic (۰–۹) digits and the Arabic decimal
separator (٫), and the usual spellings of a missing value. Anything else is not a number: the
caller reports it with its location instead of turning it into a silent NaN.
"""

from __future__ import annotations

import math
from typing import Any

MISSING_TOKENS = frozenset({"", "na", "n/a", "nan", "null", "none", "..", "-", "—", "#n/a"})
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫−", "01234567890123456789.-")


class NotANumber(ValueError):
    """The cell holds text that is neither a number nor a missing-value marker."""


def parse_number(value: Any) -> float:
    """The cell as a float; ``nan`` for a missing value; raises :class:`NotANumber` otherwise."""
    if value is None:
        return math.nan
    if isinstance(value, bool):
        raise NotANumber(str(value))
    if isinstance(value, int | float):
        f = float(value)
        if math.isinf(f):
            raise NotANumber(str(value))
        return f
    if isinstance(value, str):
        try:  # the common case first: a plain number (float() allows the spaces around it)
            f = float(value)
        except ValueError:
            pass
        else:
            if math.isfinite(f):
                return f
    text = str(value).strip()
    if text.lower() in MISSING_TOKENS:
        return math.nan
    try:
        f = float(text.translate(_DIGITS).replace("\u066c", "").replace(" ", ""))
    except ValueError:
        raise NotANumber(text) from None
    if not math.isfinite(f):
        raise NotANumber(text)
    return f


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())
