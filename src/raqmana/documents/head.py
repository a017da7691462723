"""The SDG mapper's supervised head: a linear classifier on the sentence model's embeddings, trained on
labelled SDG texts (UN indicator metadata, the goals, targets and indicator titles in Arabic and English;
``benchmarks/documents_sdg_head.py`` rebuilds it, ``data/sdg_head.json`` tells its sources and licences).

p(class | passage) = softmax(W x + b) over the 17 goals and a last class "no goal"; the mapper adds a share
of each goal's probability to the goal's score. The weights ship in ``data/sdg_head.npz``; they belong to
one sentence model, so a file made with another model version is not used.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np


@dataclass(frozen=True, slots=True)
class Head:
    weights: np.ndarray  # (18, dim): goals 1-17, then "no goal"
    bias: np.ndarray  # (18,)
    model: str

    def goal_probabilities(self, vectors: np.ndarray) -> np.ndarray:
        """(n, 17): each passage's probability of each goal (the "no goal" class takes the rest)."""
        logits = vectors.astype(np.float32) @ self.weights.T + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        return np.asarray(p[:, :17] / p.sum(axis=1, keepdims=True), dtype=np.float32)


@lru_cache(maxsize=1)
def load(model_version: str) -> Head | None:
    """The shipped head when it was trained on embeddings of ``model_version``, else None."""
    path = resources.files("raqmana.documents").joinpath("data", "sdg_head.npz")
    try:
        with path.open("rb") as fh, np.load(fh) as data:
            head = Head(
                np.asarray(data["weights"], dtype=np.float32),
                np.asarray(data["bias"], dtype=np.float32),
                str(data["model"]),
            )
    except (FileNotFoundError, KeyError, ValueError, OSError):
        return None
    if head.model != model_version or head.weights.shape[0] != 18 or head.bias.shape != (18,):
        return None
    return head
