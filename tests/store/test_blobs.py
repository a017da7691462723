"""Content-addressed evidence files: data_dir/evidence/ab/cdef…, each content stored once."""

from __future__ import annotations

import hashlib

import pytest

from raqmana.store.blobs import BlobStore


def test_it_stores_bytes_under_their_sha256_once(tmp_path):
    store = BlobStore(tmp_path / "evidence")
    digest = store.put(b"decree 12")
    assert digest == hashlib.sha256(b"decree 12").hexdigest()
    assert store.path(digest) == tmp_path / "evidence" / digest[:2] / digest[2:]
    assert store.put(b"decree 12") == digest and store.read(digest) == b"decree 12"
    assert [p.name for p in (tmp_path / "evidence" / digest[:2]).iterdir()] == [digest[2:]]


@pytest.mark.parametrize("bad", ["../../etc/passwd", "ab", "G" * 64, "a" * 63 + "/"])
def test_it_refuses_names_that_are_not_digests(tmp_path, bad):
    with pytest.raises(ValueError):
        BlobStore(tmp_path).path(bad)
