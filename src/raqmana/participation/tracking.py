"""Tracking numbers: secret, short enough to read over the phone, checked when typed back.

``RQ-XXXX-XXXX-XXXX-C``: twelve Crockford base-32 characters (60 random bits, so a number cannot be
guessed to read someone else's case) and one check character (position-weighted sum mod 31, a letter or
digit like the rest), which catches a mistyped or two swapped neighbouring characters before the
database is asked.
"""

from __future__ import annotations

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_READS_AS = {"O": "0", "I": "1", "L": "1"}
PREFIX = "RQ"
BODY = 12


def _check_char(body: str) -> str:
    return ALPHABET[sum(ALPHABET.index(c) * (i + 1) for i, c in enumerate(body)) % 31]


def new_tracking() -> str:
    body = "".join(secrets.choice(ALPHABET) for _ in range(BODY))
    return _format(body)


def _format(body: str) -> str:
    groups = "-".join(body[i : i + 4] for i in range(0, BODY, 4))
    return f"{PREFIX}-{groups}-{_check_char(body)}"


def normalise_tracking(text: str) -> str | None:
    """The tracking number as it is stored, from what a person typed (any case, spaces or dashes, O for 0,
    I or L for 1); ``None`` when it cannot be one (wrong length, unknown character, wrong check)."""
    cleaned = "".join(ch for ch in text.upper() if ch not in " -\t")
    if cleaned.startswith(PREFIX):
        cleaned = cleaned[len(PREFIX) :]
    if len(cleaned) != BODY + 1:
        return None
    read = "".join(_READS_AS.get(c, c) for c in cleaned)  # the check character is read the same way
    body = read[:BODY]
    if any(c not in ALPHABET for c in body) or _check_char(body) != read[BODY]:
        return None
    return _format(body)
