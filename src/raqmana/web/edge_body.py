"""A finished answer kept by :mod:`raqmana.web.public_edge`, with the places where each visitor's own CSRF
token goes.

Every page carries the visitor's CSRF token (the ``csrf-token`` meta tag, the language switcher's form,
the comment and support forms: 68 places on a consultation page). A page is rendered once with a stand-in
token (:data:`SLOT`) and kept split at it; serving it puts the visitor's token back in those places.

The gzip form is compressed once as well, as well as the whole page would be: each piece between two
tokens is a run of deflate blocks ending on a byte boundary (``Z_SYNC_FLUSH``), compressed with the page
before it as its dictionary, tokens left as NUL bytes (which no page holds, so nothing refers to them);
the visitor's token goes in those places as stored blocks of the same length, so every distance stays
true. The trailer's CRC-32 is the CRC of the page with NUL tokens plus, by linearity, a 32 x 32 bit
matrix (kept with the page) applied to the CRC of the token: no compression and no pass over the page per
request (RFC 1951 §3.2.4, RFC 1952)."""

from __future__ import annotations

import secrets
import struct
import zlib
from dataclasses import dataclass

#: the stand-in CSRF token a kept page is rendered with (random per process, never sent to anyone)
SLOT = "rq-slot-" + secrets.token_hex(16)
_SLOT = SLOT.encode()
#: the length of every CSRF token (``secrets.token_urlsafe(32)``); another length is served uncompressed
TOKEN_LENGTH = 43
_HOLE = b"\0" * TOKEN_LENGTH
_WINDOW = 32 * 1024
#: gzip header: magic, deflate, no flags, no time, no extra flags, unknown OS
_GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
_STORED = b"\x00" + struct.pack("<HH", TOKEN_LENGTH, TOKEN_LENGTH ^ 0xFFFF)  # BFINAL=0, BTYPE=00
GZIP_LEVEL = 6
_ONES = 0xFFFFFFFF
_CRC_HOLE = zlib.crc32(_HOLE)


@dataclass(frozen=True, slots=True)
class KeptBody:
    """A body split at the stand-in token: ``parts[0] token parts[1] token … parts[-1]``."""

    parts: tuple[bytes, ...]
    #: the deflate form of each part (empty when the body is not kept compressed)
    deflated: tuple[bytes, ...] = ()
    #: CRC-32 of the body with NUL tokens, and the columns of the matrix giving what a token adds to it
    crc: int = 0
    columns: tuple[int, ...] = ()
    #: the whole gzip member when the body holds no token (nothing to put in per visitor)
    whole: bytes = b""

    @classmethod
    def of(cls, body: bytes, *, gzip: bool) -> KeptBody:
        parts = tuple(body.split(_SLOT))
        if not gzip or b"\0" in body:
            return cls(parts)
        deflated, before = [], b""
        for i, part in enumerate(parts):
            last = i == len(parts) - 1
            if before:
                c = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, -zlib.MAX_WBITS, zdict=before[-_WINDOW:])
            else:
                c = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, -zlib.MAX_WBITS)
            deflated.append(c.compress(part) + c.flush(zlib.Z_FINISH if last else zlib.Z_SYNC_FLUSH))
            before = (before + part + (b"" if last else _HOLE))[-_WINDOW:]
        crc = zlib.crc32(_HOLE.join(parts))
        kept = cls(parts, tuple(deflated), crc, _columns([len(p) for p in parts]))
        return kept if kept.has_token else cls(parts, kept.deflated, crc, (), kept.gzip("") or b"")

    @property
    def has_token(self) -> bool:
        return len(self.parts) > 1

    @property
    def size(self) -> int:
        """Bytes kept (both forms)."""
        return sum(map(len, self.parts)) + sum(map(len, self.deflated))

    def plain(self, token: str) -> bytes:
        return token.encode().join(self.parts) if self.has_token else self.parts[0]

    def gzip(self, token: str) -> bytes | None:
        """The gzip member of :meth:`plain`; None for a token of another length than CSRF tokens have."""
        if self.whole or not self.deflated:
            return self.whole or None
        t, added = (token.encode(), 0) if self.has_token else (b"", 0)
        if self.has_token:
            if len(t) != TOKEN_LENGTH:
                return None
            bits = zlib.crc32(t) ^ _CRC_HOLE
            for column in self.columns:
                if bits & 1:
                    added ^= column
                bits >>= 1
        size = sum(map(len, self.parts)) + TOKEN_LENGTH * (len(self.parts) - 1)
        trailer = struct.pack("<II", self.crc ^ added, size & _ONES)
        return b"".join((_GZIP_HEADER, (_STORED + t).join(self.deflated), trailer))


def _advance(register: int, length: int) -> int:
    """The linear part of CRC-32 moved over ``length`` zero bytes."""
    return zlib.crc32(bytes(length), register ^ _ONES) ^ _ONES if length else register


def _columns(lengths: list[int]) -> tuple[int, ...]:
    """The matrix M with CRC(body with token T) = CRC(body with NUL tokens) ^ M·(CRC(T) ^ CRC(NULs)): for
    each bit, that bit put in at every token's place and moved over what follows it (CRC is linear)."""
    columns = []
    for bit in range(32):
        y = 0
        for i, length in enumerate(lengths[1:], start=1):
            y = _advance(y ^ (1 << bit), length + (TOKEN_LENGTH if i < len(lengths) - 1 else 0))
        columns.append(y)
    return tuple(columns)
