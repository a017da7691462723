"""A kept page is split at the stand-in CSRF token; each visitor's token goes back in, plain or inside the
gzip form compressed once (any number of tokens, anywhere, of any length)."""

from __future__ import annotations

import gzip
import random
import secrets
import zlib

from raqmana.web.edge_body import SLOT, TOKEN_LENGTH, KeptBody


def test_the_visitor_s_token_goes_where_the_stand_in_was_plain_and_gzipped():
    rng = random.Random(2026)
    for case in range(150):
        parts = [
            "".join(rng.choice("ab <>\"'ا ی\n") for _ in range(rng.randint(0, 4000))).encode()
            for _ in range(rng.randint(1, 7))
        ]
        kept = KeptBody.of(SLOT.encode().join(parts), gzip=True)
        token = secrets.token_urlsafe(32)
        want = token.encode().join(parts)
        assert kept.plain(token) == want, case
        packed = kept.gzip(token)
        assert packed is not None and gzip.decompress(packed) == want, case
        assert kept.has_token == (len(parts) > 1)
        if kept.has_token:  # another length: served plain
            assert kept.gzip(token[:-1]) is None and kept.plain(token[:-1]) == token[:-1].encode().join(parts)


def test_the_gzip_form_compresses_as_well_as_the_whole_page():
    row = (
        '<li><form method="post"><input name="csrf_token" value="{}"><p>تعليق منشور رقم {}</p></form></li>\n'
    )
    body = "".join(row.format(SLOT, i) for i in range(60)).encode()
    token = secrets.token_urlsafe(32)
    packed = KeptBody.of(body, gzip=True).gzip(token)
    assert packed is not None and gzip.decompress(packed) == body.replace(SLOT.encode(), token.encode())
    whole = gzip.compress(body.replace(SLOT.encode(), token.encode()))
    apart = sum(len(zlib.compress(piece)) for piece in body.split(SLOT.encode()))
    # the whole page's size plus, per token, the token itself and a few bytes of block boundaries (the
    # consultation page of 77 KB with 68 tokens: 8.3 KB, gzip -6 of the whole 4.3 KB, pieces apart 45 KB)
    assert len(packed) <= len(whole) + 60 * (TOKEN_LENGTH + 21) and len(packed) < 0.6 * apart


def test_a_page_without_a_token_is_compressed_once_and_served_as_is():
    body = "<p>الخدمات الحكومية</p>".encode() * 500
    kept = KeptBody.of(body, gzip=True)
    assert not kept.has_token and kept.plain("x") == body
    packed = kept.gzip("x")
    assert packed is not None and packed is kept.gzip("y") and gzip.decompress(packed) == body
    assert len(packed) < len(body) // 10
    assert KeptBody.of(body, gzip=False).gzip("x") is None
