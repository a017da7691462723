"""Passages → framework indicators with a suggested stage on the indicator's ladder.

An indicator is described by its name and description (en, ar); each ladder stage by its descriptor.
A passage close to an indicator is suggested as evidence for it, at the stage whose descriptor it is
closest to. The indicator's level counts too (see :mod:`raqmana.documents.levels`): a law's passage puts
the national indicator of a family (the e-signature law) before the per-institution one (e-signature in
the institution's documents), an institution's text the other way round.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from raqmana.documents import embed as E
from raqmana.documents.levels import Scope, indicator_level, passage_level
from raqmana.frameworks.schema import Framework, Indicator

LOW, HIGH = 0.15, 0.65
THRESHOLD = 0.5
TOP = 3
#: cosine added to an indicator of the passage's level (and taken from one of the other level) at a
#: passage level of ±1; chosen on the development set (benchmarks/documents_indicators_fit.py)
LEVEL_BONUS = 0.15


@dataclass(frozen=True, slots=True)
class IndicatorSuggestion:
    indicator: str
    name_en: str
    name_ar: str
    stage: int | None
    confidence: float


def _indicators(framework: Framework) -> list[Indicator]:
    return [i for p in framework.pillars for s in p.sub_areas for i in s.indicators]


@lru_cache(maxsize=4)
def _framework(source: str) -> Framework:
    from raqmana.frameworks.loader import load_or_raise

    return load_or_raise(source)


def corpus(source: str) -> list[str]:
    """Texts to embed: per indicator its name+description in en and ar, then each stage's descriptors."""
    texts: list[str] = []
    for ind in _indicators(_framework(source)):
        texts += [f"{ind.name.en}. {ind.description.en}", f"{ind.name.ar}. {ind.description.ar}"]
    for ind in _indicators(_framework(source)):
        for stage in ind.stages:
            texts += [stage.descriptor.en, stage.descriptor.ar]
    return texts


class IndicatorMapper:
    def __init__(self, source: str = "iraq-dla") -> None:
        self.framework = _framework(source)
        self.items = _indicators(self.framework)
        vectors = E.cached(source, corpus(source))
        n = 2 * len(self.items)
        self._ind = vectors[:n]
        self._stages: list[tuple[int, int, int]] = []  # (indicator index, stage, row)
        row = n
        for k, ind in enumerate(self.items):
            for stage in ind.stages:
                self._stages += [(k, stage.stage, row), (k, stage.stage, row + 1)]
                row += 2
        self._stage_vectors = vectors[n:row]
        self._levels = np.array([indicator_level(i) for i in self.items], dtype=np.float32)

    def similarities(
        self,
        passage_vectors: np.ndarray,
        texts: list[str] | None = None,
        *,
        scope: Scope | None = None,
        level_bonus: float = LEVEL_BONUS,
        levels: list[float] | None = None,
    ) -> np.ndarray:
        """Passage × indicator: the closer of the indicator's en and ar texts, moved by the level bonus
        when the passages' texts (or their levels) are given."""
        sims = passage_vectors @ self._ind.T
        per_indicator = np.maximum(sims[:, 0::2], sims[:, 1::2])
        if levels is None and texts is not None:
            levels = [passage_level(t, scope) for t in texts]
        elif levels is None and scope is not None:
            levels = [passage_level("", scope)] * len(per_indicator)
        if levels is not None and level_bonus:
            per_indicator = per_indicator + level_bonus * np.outer(np.asarray(levels), self._levels)
        return np.asarray(per_indicator)

    def suggest(
        self, passage_vectors: np.ndarray, texts: list[str] | None = None, *, scope: Scope | None = None
    ) -> list[list[IndicatorSuggestion]]:
        """Up to three indicators per passage above the threshold. ``texts`` (the passages) and ``scope``
        (where the document is filed) let the indicators' level count."""
        if len(passage_vectors) == 0:
            return []
        # the level orders the indicators; the confidence stays the passage's closeness to the indicator
        ranked = self.similarities(passage_vectors, texts, scope=scope)
        closeness = self.similarities(passage_vectors, level_bonus=0.0)
        stage_sims = passage_vectors @ self._stage_vectors.T if len(self._stage_vectors) else None
        out: list[list[IndicatorSuggestion]] = []
        for p, (row, close) in enumerate(zip(ranked, closeness, strict=True)):
            found: list[IndicatorSuggestion] = []
            for k in np.argsort(-row)[:TOP]:
                conf = float(np.clip((close[k] - LOW) / (HIGH - LOW), 0, 1))
                if conf < THRESHOLD:
                    continue
                ind = self.items[int(k)]
                stage = None
                if stage_sims is not None and ind.stages:
                    rows = [(s, r) for (i, s, r) in self._stages if i == int(k)]
                    stage = max(rows, key=lambda sr: stage_sims[p, sr[1] - 2 * len(self.items)])[0]
                found.append(IndicatorSuggestion(ind.id, ind.name.en, ind.name.ar, stage, round(conf, 3)))
            out.append(found)
        return out
