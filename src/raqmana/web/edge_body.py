"""A finished answer kept by :mod:`raqmana.web.public_edge`, with the places where each visitor's own CSRF
token goes.

Every page carries the visitor's CSRF token (the ``csrf-token`` meta tag, the language switcher's form,
the comment forms). A page is rendered once with a stand-in token (:data:`SLOT`) and kept split at it;
serving it puts the visitor's token back in those places. The gzip form is compressed once as well: each
piece between two tokens is a run of deflate blocks ending on a byte boundary (``Z_SYNC_FLUSH``), the
token goes between them as a stored block, and the trailer's CRC-32 is counted over the pieces and the
token (no compression per request; RFC 1951 §3.2.4, RFC 1952)."""

from __future__ import annotations

import secrets
import struct
import zlib
from dataclasses import dataclass

#: the stand-in CSRF token a kept page is rendered with (random per process, never sent to anyone)
SLOT = "rq-slot-" + secrets.token_hex(16)
_SLOT = SLOT.encode()
#: gzip header: magic, deflate, no flags, no time, no extra flags, unknown OS
_GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
GZIP_LEVEL = 6


@dataclass(frozen=True, slots=True)
class KeptBody:
    """A body split at the stand-in token: ``parts[0] token parts[1] token … parts[-1]``."""

    parts: tuple[bytes, ...]
    #: the deflate form of each part (empty when the body is not kept compressed)
    deflated: tuple[bytes, ...] = ()
    #: the whole gzip member when the body holds no token (nothing to put in per visitor)
    whole: bytes = b""

    @classmethod
    def of(cls, body: bytes, *, gzip: bool) -> KeptBody:
        parts = tuple(body.split(_SLOT))
        if not gzip:
            return cls(parts)
        deflated = []
        for i, part in enumerate(parts):
            c = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, -zlib.MAX_WBITS)
            end = zlib.Z_FINISH if i == len(parts) - 1 else zlib.Z_SYNC_FLUSH
            deflated.append(c.compress(part) + c.flush(end))
        kept = cls(parts, tuple(deflated))
        return kept if kept.has_token else cls(parts, kept.deflated, kept.gzip(""))

    @property
    def has_token(self) -> bool:
        return len(self.parts) > 1

    @property
    def size(self) -> int:
        """Bytes kept (both forms)."""
        return sum(map(len, self.parts)) + sum(map(len, self.deflated))

    def plain(self, token: str) -> bytes:
        return token.encode().join(self.parts) if self.has_token else self.parts[0]

    def gzip(self, token: str) -> bytes:
        """The gzip member of :meth:`plain` (``token``: ASCII, at most 65,535 bytes)."""
        if self.whole:
            return self.whole
        t = token.encode()
        stored = b"\x00" + struct.pack("<HH", len(t), len(t) ^ 0xFFFF) + t  # BFINAL=0, BTYPE=00
        crc = 0
        for i, part in enumerate(self.parts):
            if i:
                crc = zlib.crc32(t, crc)
            crc = zlib.crc32(part, crc)
        size = sum(map(len, self.parts)) + len(t) * (len(self.parts) - 1)
        trailer = struct.pack("<II", crc, size & 0xFFFFFFFF)
        return b"".join((_GZIP_HEADER, stored.join(self.deflated), trailer))
