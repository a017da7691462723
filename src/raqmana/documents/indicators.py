"""Passages → framework indicators with a suggested stage on the indicator's ladder.

An indicator is described by its name and description (en, ar); each ladder stage by its descriptor.
A passage close to an indicator is suggested as evidence for it, at the stage whose descriptor it is
closest to.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from raqmana.documents import embed as E
from raqmana.frameworks.schema import Framework, Indicator

LOW, HIGH = 0.15, 0.65
THRESHOLD = 0.5
TOP = 3


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

    def suggest(self, passage_vectors: np.ndarray) -> list[list[IndicatorSuggestion]]:
        if len(passage_vectors) == 0:
            return []
        sims = passage_vectors @ self._ind.T
        per_indicator = np.maximum(sims[:, 0::2], sims[:, 1::2])
        stage_sims = passage_vectors @ self._stage_vectors.T if len(self._stage_vectors) else None
        out: list[list[IndicatorSuggestion]] = []
        for p, row in enumerate(per_indicator):
            found: list[IndicatorSuggestion] = []
            for k in np.argsort(-row)[:TOP]:
                conf = float(np.clip((row[k] - LOW) / (HIGH - LOW), 0, 1))
                if conf < THRESHOLD:
                    break
                ind = self.items[int(k)]
                stage = None
                if stage_sims is not None and ind.stages:
                    rows = [(s, r) for (i, s, r) in self._stages if i == int(k)]
                    stage = max(rows, key=lambda sr: stage_sims[p, sr[1] - 2 * len(self.items)])[0]
                found.append(IndicatorSuggestion(ind.id, ind.name.en, ind.name.ar, stage, round(conf, 3)))
            out.append(found)
        return out
