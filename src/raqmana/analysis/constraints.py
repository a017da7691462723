"""Binding constraints: weak enablers that other enablers depend on (``Pillar.depends_on``).

An enabler is a binding constraint when it scores at or below the threshold (default: the median
enabler score) and at least one other enabler depends on it, directly or through others. The ones
that block most come first; a constraint is a *root* when none of its own prerequisites is weaker.
For the Iraqi framework this surfaces e.g. the legal framework and data exchange ahead of services.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from raqmana.frameworks.schema import Framework
from raqmana.i18n import Translated
from raqmana.i18n.catalog import ui
from raqmana.i18n.numbers import format_number


def dependents(framework: Framework) -> dict[str, set[str]]:
    """pillar id → every pillar that depends on it, directly or transitively."""
    direct: dict[str, set[str]] = {p.id: set() for p in framework.pillars}
    for p in framework.pillars:
        for d in p.depends_on:
            if d in direct:
                direct[d].add(p.id)
    out: dict[str, set[str]] = {}
    for pid in direct:
        seen: set[str] = set()
        stack = list(direct[pid])
        while stack:
            nxt = stack.pop()
            if nxt not in seen and nxt != pid:
                seen.add(nxt)
                stack.extend(direct[nxt])
        out[pid] = seen
    return out


def prerequisites(framework: Framework) -> dict[str, set[str]]:
    """pillar id → every pillar it depends on, directly or transitively."""
    deps = dependents(framework)
    out: dict[str, set[str]] = {p.id: set() for p in framework.pillars}
    for pid, users in deps.items():
        for u in users:
            out[u].add(pid)
    return out


@dataclass(frozen=True)
class Constraint:
    pillar: str
    name: Translated
    score: float
    blocks: tuple[str, ...]  # every enabler that depends on it
    ahead: tuple[str, ...]  # dependents that score higher than this foundation (built on weak ground)
    root: bool  # no weaker prerequisite explains it
    reason: Translated

    def to_dict(self) -> dict[str, Any]:
        return {
            "pillar": self.pillar,
            "name": self.name.model_dump(),
            "score": self.score,
            "blocks": list(self.blocks),
            "ahead": list(self.ahead),
            "root": self.root,
            "reason": self.reason.model_dump(),
        }


@dataclass
class ConstraintReport:
    threshold: float
    constraints: list[Constraint] = field(default_factory=list)
    unscored: list[str] = field(default_factory=list)

    @property
    def binding(self) -> list[str]:
        return [c.pillar for c in self.constraints]

    def to_dict(self) -> dict[str, Any]:
        return {
            "threshold": self.threshold,
            "binding": self.binding,
            "constraints": [c.to_dict() for c in self.constraints],
            "unscored": self.unscored,
        }


def binding_constraints(
    pillar_scores: Mapping[str, float | None],
    framework: Framework,
    *,
    threshold: float | None = None,
    bands: Mapping[str, tuple[float, float]] | None = None,
) -> ConstraintReport:
    """The binding constraints among ``pillar_scores`` (one score 0–5 per enabler, e.g. the national mean).

    ``bands``: each enabler's uncertainty interval (low, high). A dependent enabler is said to score
    higher than its bottleneck only when the two intervals do not overlap: a difference inside the
    uncertainty band is no difference a reader can rely on."""
    scored = {p.id: float(v) for p in framework.pillars if (v := pillar_scores.get(p.id)) is not None}
    unscored = [p.id for p in framework.pillars if p.id not in scored]
    if not scored:
        return ConstraintReport(threshold or 0.0, [], unscored)
    limit = statistics.median(scored.values()) if threshold is None else threshold
    deps = dependents(framework)
    pres = prerequisites(framework)
    names = {p.id: p.name for p in framework.pillars}
    out = []
    for pid, score in scored.items():
        blocks = tuple(sorted(deps[pid], key=lambda x: [p.id for p in framework.pillars].index(x)))
        if score > limit or not blocks:
            continue
        ahead = tuple(b for b in blocks if _clearly_higher(b, pid, scored, bands))
        root = not any(scored.get(q, 6.0) < score for q in pres[pid])
        out.append(
            Constraint(
                pid, names[pid], score, blocks, ahead, root, _reason(pid, score, limit, blocks, ahead, names)
            )
        )
    out.sort(key=lambda c: (not c.root, -len(c.blocks), c.score, c.pillar))
    return ConstraintReport(limit, out, unscored)


def _clearly_higher(
    b: str, pid: str, scored: Mapping[str, float], bands: Mapping[str, tuple[float, float]] | None
) -> bool:
    """``b`` scores higher than ``pid``, beyond both scores' uncertainty when it is known."""
    if scored.get(b, -1.0) <= scored[pid]:
        return False
    if bands is None or b not in bands or pid not in bands:
        return True
    return bands[b][0] > bands[pid][1]


_REASON = ui(
    "{name} scores {score} out of {max}, at or below the {limit} that marks a weak foundation; {n} enablers depend on it: {who}."
).as_dict()
_REASON_ONE = ui(
    "{name} scores {score} out of {max}, at or below the {limit} that marks a weak foundation; {who} depends on it."
).as_dict()
_AHEAD = ui(" These already score higher, so they stand on a weak foundation: {who}.").as_dict()
_AHEAD_ONE = ui(" {who} already scores higher, so it stands on a weak foundation.").as_dict()
#: between names that may contain commas themselves
_SEP = ui("; ").as_dict()


def _reason(
    pid: str,
    score: float,
    limit: float,
    blocks: tuple[str, ...],
    ahead: tuple[str, ...],
    names: Mapping[str, Translated] | None = None,
) -> Translated:
    """Why an enabler is a bottleneck, with the enablers' names, in plain words in each language."""
    known = names or {}

    def name(x: str, lang: str) -> str:
        return known[x].get(lang) if x in known else x

    texts = {}
    for lang in ("en", "ar", "ckb"):

        def who(items: tuple[str, ...], lang: str = lang) -> str:
            quoted = [name(x, lang) if lang == "en" else f"«{name(x, lang)}»" for x in items]
            return _SEP[lang].join(quoted)

        params = {
            "name": name(pid, lang),
            "score": format_number(score, lang, decimals=2),
            "limit": format_number(limit, lang, decimals=2),
            "n": format_number(len(blocks), lang, decimals=0),
            "max": format_number(5, lang, decimals=0),
        }
        text = (
            _REASON_ONE[lang].format(**params, who=name(blocks[0], lang))
            if len(blocks) == 1
            else _REASON[lang].format(**params, who=who(blocks))
        )
        if ahead:
            text += (
                _AHEAD_ONE[lang].format(who=name(ahead[0], lang))
                if len(ahead) == 1
                else _AHEAD[lang].format(who=who(ahead))
            )
        texts[lang] = text
    return Translated(**texts)
