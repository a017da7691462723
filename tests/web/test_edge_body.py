"""A kept page is split at the stand-in CSRF token; each visitor's token goes back in, plain or inside the
gzip form compressed once (any number of tokens, anywhere, of any length)."""

from __future__ import annotations

import gzip
import random
import secrets

from raqmana.web.edge_body import SLOT, KeptBody


def test_the_visitor_s_token_goes_where_the_stand_in_was_plain_and_gzipped():
    rng = random.Random(2026)
    for case in range(150):
        parts = [
            "".join(rng.choice("ab <>\"'ا ی\n") for _ in range(rng.randint(0, 4000))).encode()
            for _ in range(rng.randint(1, 7))
        ]
        kept = KeptBody.of(SLOT.encode().join(parts), gzip=True)
        token = secrets.token_urlsafe(rng.randint(0, 64))
        want = token.encode().join(parts)
        assert kept.plain(token) == want, case
        assert gzip.decompress(kept.gzip(token)) == want, case
        assert kept.has_token == (len(parts) > 1)


def test_a_page_without_a_token_is_compressed_once_and_served_as_is():
    body = "<p>الخدمات الحكومية</p>".encode() * 500
    kept = KeptBody.of(body, gzip=True)
    assert not kept.has_token and kept.plain("x") == body
    assert kept.gzip("x") is kept.gzip("y") and gzip.decompress(kept.gzip("x")) == body
    assert len(kept.gzip("x")) < len(body) // 10
    assert KeptBody.of(body, gzip=False).deflated == ()
