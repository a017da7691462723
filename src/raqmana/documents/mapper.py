"""Passages → SDG goals and targets: multilingual sentence embeddings (similarity to the goal and
target texts in ar and en) combined with keyword rules and per-goal thresholds.

Thresholds were set by hand before any evaluation (see docs/documents.md); they are data of the
mapper version, so stored results say which version produced them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from raqmana.documents import embed as E
from raqmana.documents import head as H
from raqmana.documents.arabic import language, normalise
from raqmana.documents.sdg import GOALS, keyword_hits, target_term_weights, texts

VERSION = "3"  # 2: a goal's own words from its target texts; indicators ranked by level; 3: supervised head
#: similarity of a passage to a goal is mapped from cosine [LOW, HIGH] to score [0, 1]
LOW, HIGH = 0.10, 0.60
#: the same for the optional e5 model, whose cosines sit in a narrow high band (its documented behaviour)
E5_LOW, E5_HIGH = 0.75, 0.90
#: per distinct keyword, at most two: with the sentence model (chosen on the development set, see
#: benchmarks/documents_sdg_terms_fit.py) and with the keyword rules alone (Sorani, --keywords-only)
KEYWORD_BOOST = 0.21
KEYWORD_ONLY_BOOST = 0.36
#: share of the goal text's cosine in a goal's similarity, the rest its best target's (development set)
GOAL_SHARE = 0.3
THRESHOLD = 0.45
THRESHOLDS: dict[str, float] = dict.fromkeys(GOALS, THRESHOLD)
MARGIN = 0.08  # a goal within this of the best one is kept too
MAX_TARGETS = 3
#: score added, by the passage's language, for a goal's own words from its target texts (at most this, reached
#: at TERM_SATURATION summed rarity); chosen on the development set (benchmarks/documents_sdg_terms_fit.py)
TERM_WEIGHTS: dict[str, float] = {"ar": 0.25, "en": 0.10, "ckb": 0.0}
TERM_SATURATION = 6.0
#: share of the supervised head's probability of a goal added to the goal's score (``documents.head``;
#: chosen by cross-validation on the head's training data, benchmarks/documents_sdg_head.py). Sorani
#: passages get none: the sentence model has no Kurdish.
HEAD_SHARE = 0.2


@dataclass(frozen=True, slots=True)
class Classification:
    sdgs: list[int]
    targets: list[str]
    scores: dict[str, float]
    target_scores: dict[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        return {"sdgs": self.sdgs, "targets": self.targets, "scores": self.scores}


class Mapper:
    """Load once, classify many. ``use_model=False`` keeps only the keyword rules (fast, lower recall)."""

    def __init__(
        self,
        *,
        use_model: bool = True,
        model: str = "use",
        thresholds: dict[str, float] | None = None,
        term_weights: dict[str, float] | None = None,
        use_head: bool = True,
    ) -> None:
        self.use_model = use_model
        self.term_weights = {**TERM_WEIGHTS, **(term_weights or {})}
        self.model = model
        self._low, self._high = (E5_LOW, E5_HIGH) if model == "e5" else (LOW, HIGH)
        self.thresholds = {**THRESHOLDS, **(thresholds or {})}
        rows = texts()
        self._goal_of = np.array([int(r.goal) for r in rows for _ in (0, 1)])
        self._target_of = [r.target for r in rows for _ in (0, 1)]
        self._vectors = E.sdg_vectors(model) if use_model else None
        # the head is trained on the default model's embeddings only
        self._head = H.load(E.model_version()) if use_model and use_head and model == "use" else None

    @property
    def version(self) -> str:
        if not self.use_model:
            return f"sdg-mapper-{VERSION}/keywords"
        return f"sdg-mapper-{VERSION}{'' if self._head else '-nohead'}/{E.model_version(self.model)}"

    def classify(self, passages: list[str]) -> list[Classification]:
        if not passages:
            return []
        vectors = E.embed([p[:2000] for p in passages], self.model) if self._vectors is not None else None
        return self.classify_vectors(passages, vectors)

    def classify_vectors(self, passages: list[str], vectors: np.ndarray | None) -> list[Classification]:
        """As :meth:`classify`, with the passages' embeddings already computed (shared with other mappers)."""
        sims = vectors @ self._vectors.T if vectors is not None and self._vectors is not None else None
        # Kurdish is not among the sentence model's languages: its passages get the keyword rules alone
        langs = [language(text) for text in passages]
        probs = (
            self._head.goal_probabilities(vectors) if self._head is not None and vectors is not None else None
        )
        return [
            self._one(
                text,
                sims[i] if sims is not None and langs[i] != "ckb" else None,
                langs[i],
                probs[i] if probs is not None and langs[i] != "ckb" else None,
            )
            for i, text in enumerate(passages)
        ]

    def _one(
        self, text: str, sims: np.ndarray | None, lang: str = "en", probs: np.ndarray | None = None
    ) -> Classification:
        normalised = normalise(text)
        hits = keyword_hits(normalised)
        term_weight = self.term_weights.get(lang, 0.0)
        terms = target_term_weights(normalised) if term_weight else {}
        scores: dict[str, float] = {}
        target_scores: dict[str, float] = {}
        for g in GOALS:
            base = 0.0
            if sims is not None:
                mask = self._goal_of == int(g)
                goal_sims = sims[mask]
                # the goal text and its best target both count
                base = float(GOAL_SHARE * goal_sims[:2].max() + (1 - GOAL_SHARE) * goal_sims.max())
                base = min(1.0, max(0.0, (base - self._low) / (self._high - self._low)))
            boost = (KEYWORD_BOOST if sims is not None else KEYWORD_ONLY_BOOST) * min(2, hits.get(g, 0))
            boost += term_weight * min(1.0, terms.get(g, 0.0) / TERM_SATURATION)
            if probs is not None:
                boost += HEAD_SHARE * float(probs[int(g) - 1])
            scores[g] = round(min(1.0, base + boost), 3)
        best = max(scores.values())
        sdgs = [int(g) for g in GOALS if scores[g] >= self.thresholds[g] and scores[g] >= best - MARGIN]
        targets: list[str] = []
        if sims is not None:
            for goal in sdgs:
                idx = [i for i, t in enumerate(self._target_of) if t and self._goal_of[i] == goal]
                ranked = sorted(idx, key=lambda i: -sims[i])
                for i in ranked:
                    t = self._target_of[i]
                    target_scores.setdefault(t, round(float(sims[i]), 3))
                top = float(sims[ranked[0]]) if ranked else 0.0
                chosen: list[str] = []
                for i in ranked:
                    t = self._target_of[i]
                    if t not in chosen and float(sims[i]) >= top - 0.03 and len(chosen) < MAX_TARGETS:
                        chosen.append(t)
                targets += chosen
        return Classification(sdgs, targets, scores, target_scores)
