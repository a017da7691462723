"""A whole document: extraction, passages, SDG and indicator suggestions, and the SDG profile."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from raqmana.documents.extract import extract
from raqmana.documents.levels import Scope
from raqmana.documents.mapper import Classification, Mapper
from raqmana.documents.model import BlockKind, Document, Passage
from raqmana.documents.passages import passages as split_passages

Progress = Callable[[int, int], None]
BATCH = 32


@dataclass(frozen=True, slots=True)
class PassageResult:
    passage: Passage
    sdg: Classification
    indicators: list[Any] = field(default_factory=list)  # IndicatorSuggestion
    actions: list[Any] = field(default_factory=list)  # ActionMatch: a plan's action → roadmap initiatives


@dataclass(frozen=True, slots=True)
class Analysis:
    document: Document
    results: list[PassageResult]
    mapper_version: str

    def profile(self) -> dict[str, int]:
        """Goal → number of passages suggested for it (all 17 goals, zeros included)."""
        counts = {str(g): 0 for g in range(1, 18)}
        for r in self.results:
            for g in r.sdg.sdgs:
                counts[str(g)] += 1
        return counts

    def targets(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for r in self.results:
            for t in r.sdg.targets:
                counts[t] = counts.get(t, 0) + 1
        return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))

    def as_dict(self, lang: str = "en") -> dict[str, Any]:
        doc = self.document
        return {
            "format": doc.format,
            "pages": doc.pages,
            "language": doc.language,
            "mapper": self.mapper_version,
            "warnings": [p.as_dict(lang) for p in doc.problems],
            "sdg_profile": self.profile(),
            "targets": self.targets(),
            "passages": [
                {
                    "id": r.passage.id,
                    "page": r.passage.page,
                    "kind": r.passage.kind.value,
                    "number": r.passage.number,
                    "heading": r.passage.heading,
                    "quote": r.passage.text,
                    **({"action": r.passage.details} if r.passage.details else {}),
                    "sdgs": r.sdg.sdgs,
                    "targets": r.sdg.targets,
                    "confidence": max((r.sdg.scores[str(g)] for g in r.sdg.sdgs), default=0.0),
                    "indicators": [
                        {
                            "id": s.indicator,
                            "name": s.name_ar if lang == "ar" else s.name_en,
                            "stage": s.stage,
                            "confidence": s.confidence,
                        }
                        for s in r.indicators
                    ],
                }
                for r in self.results
            ],
        }


def analyse(
    data: bytes,
    filename: str = "",
    *,
    mapper: Mapper | None = None,
    framework: str | None = "iraq-dla",
    progress: Progress | None = None,
    scope: Scope | None = None,
) -> Analysis:
    """Read ``data`` and suggest SDG goals/targets and indicators for each passage (``scope``: where the
    document is filed, see :func:`analyse_passages`).

    Bad input raises :class:`raqmana.problems.ProblemsError` before any suggestion is made.
    """
    document = extract(data, filename)
    results = analyse_passages(
        split_passages(document.blocks), mapper=mapper, framework=framework, progress=progress, scope=scope
    )
    return Analysis(document, results, (mapper or shared_mapper()).version)


def shared_mapper(*, keywords_only: bool = False) -> Mapper:
    """One mapper per process (the sentence model loads once)."""
    return _mapper(not keywords_only)


@lru_cache(maxsize=2)
def _mapper(use_model: bool) -> Mapper:
    return Mapper(use_model=use_model)


@lru_cache(maxsize=4)
def _indicator_mapper(framework: str) -> Any:
    from raqmana.documents.indicators import IndicatorMapper

    return IndicatorMapper(framework)


def analyse_passages(
    items: list[Passage],
    *,
    mapper: Mapper | None = None,
    framework: str | None = "iraq-dla",
    progress: Progress | None = None,
    scope: Scope | None = None,
) -> list[PassageResult]:
    """SDG goals/targets and indicators for passages already read (e.g. stored with a document).
    ``scope`` says where the document is filed (the national library or an institution), which puts the
    indicators of that level first."""
    from raqmana.documents import embed as E

    mapper = mapper or shared_mapper()
    indicator_mapper = None
    if framework and mapper.use_model and mapper.model == "use":
        indicator_mapper = _indicator_mapper(framework)
    results: list[PassageResult] = []
    for start in range(0, len(items), BATCH):
        batch = items[start : start + BATCH]
        texts = [p.text for p in batch]
        vectors = E.embed([t[:2000] for t in texts], mapper.model) if mapper.use_model else None
        sdgs = mapper.classify_vectors(texts, vectors)
        inds = (
            indicator_mapper.suggest(vectors, texts, scope=scope)
            if indicator_mapper is not None and vectors is not None
            else [[]] * len(batch)
        )
        acts: list[list[Any]] = [[] for _ in batch]
        is_action = [k for k, p in enumerate(batch) if p.kind is BlockKind.ACTION]
        if indicator_mapper is not None and vectors is not None and is_action:
            from raqmana.documents.actions import shared_action_mapper

            for k, found in zip(
                is_action, shared_action_mapper(framework or "").match(vectors[is_action]), strict=True
            ):
                acts[k] = found
        results += [PassageResult(p, s, i, a) for p, s, i, a in zip(batch, sdgs, inds, acts, strict=True)]
        if progress:
            progress(len(results), len(items))
    return results
