"""Webhook secrets sealed with the workspace's key, and the signature a receiver checks."""

from __future__ import annotations

import hashlib
import hmac

import pytest

from raqmana.exchange import signing
from raqmana.exchange.sealing import Unsealable, seal, unseal

KEY = "workspace-secret-key-0123456789abcdef"


@pytest.mark.parametrize("secret", ["s" * 16, "سر-مشترك-طويل-بما-يكفي", "x" * 200])
def test_a_sealed_secret_unseals_with_the_same_key_only(secret):
    sealed = seal(secret, KEY)
    assert secret not in sealed and unseal(sealed, KEY) == secret
    assert seal(secret, KEY) != sealed  # a fresh nonce each time
    with pytest.raises(Unsealable):
        unseal(sealed, KEY + "-changed")


def test_a_changed_sealed_value_is_refused():
    sealed = seal("a-very-long-shared-secret", KEY)
    version, _, packed = sealed.partition(":")
    flipped = packed[:-2] + ("A" if packed[-2] != "A" else "B") + packed[-1]
    for damaged in (f"{version}:{flipped}", "s1:!!", "nothing", f"s9:{packed}"):
        with pytest.raises(Unsealable):
            unseal(damaged, KEY)


def test_the_signature_is_the_hmac_sha256_of_the_body():
    body = '{"event": "answer.accepted", "text": "نص"}'.encode()
    expected = "sha256=" + hmac.new(b"shared-secret-123", body, hashlib.sha256).hexdigest()
    assert signing.sign(body, "shared-secret-123") == expected
    assert signing.verify(body, "shared-secret-123", expected)
    assert not signing.verify(body + b" ", "shared-secret-123", expected)
    assert not signing.verify(body, "another-secret-45", expected)
    assert not signing.verify(body, "shared-secret-123", "")
