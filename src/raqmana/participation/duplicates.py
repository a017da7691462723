"""Duplicate and near-duplicate comments: one fingerprint per comment, a 64-bit SimHash of its word
shingles after the text is folded for matching (Arabic alef and hamza forms, ta marbuta, alef maqsura,
diacritics, tatweel, digits and case; Sorani letters kept), so that a comment pasted again with other
punctuation, spacing, a diacritic or a word changed lands within a few bits of the first.

The consultation's intake uses it two ways (see :func:`raqmana.workspace.consultations.add_comment`):
the same text on the same section again within minutes is a form sent twice or replayed, refused with a
message; a text near one the consultation received in the last days is taken but waits for a moderator,
marked with the comment it resembles — a flood of copies never goes live by itself, and a campaign's
many identical comments are not lost.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

from raqmana.documents.arabic import normalise

#: bits two fingerprints may differ by and still be nearly the same text (of 64): a word changed in a
#: comment of a dozen words moves about 8; punctuation, spacing and diacritics none; two unrelated texts
#: differ by 32 give or take 4 (the chance that they come within 10 is about one in ten million)
NEAR_BITS = 10
_WORD = re.compile(r"\w+")
_HALF = 1 << 63


def words(text: str) -> list[str]:
    return _WORD.findall(normalise(text))


def fingerprint(text: str) -> int:
    """The comment's SimHash as a signed 64-bit number (as the database keeps it)."""
    tokens = words(text)
    shingles = (
        [" ".join(tokens[i : i + 3]) for i in range(len(tokens) - 2)]
        if len(tokens) >= 3
        else [" ".join(tokens)]
    )
    hashes = np.frombuffer(
        b"".join(hashlib.blake2b(x.encode("utf-8"), digest_size=8).digest() for x in shingles), dtype=">u8"
    )
    bits = np.unpackbits(hashes.astype(">u8").view(np.uint8).reshape(-1, 8), axis=1)  # most significant first
    votes = bits.sum(axis=0, dtype=np.int64) * 2 > len(shingles)
    value = int.from_bytes(np.packbits(votes).tobytes(), "big")
    return value - (1 << 64) if value >= _HALF else value


def distance(a: int, b: int) -> int:
    """Bits in which two fingerprints differ."""
    return ((a ^ b) & ((1 << 64) - 1)).bit_count()


def near(a: int, b: int) -> bool:
    return distance(a, b) <= NEAR_BITS
