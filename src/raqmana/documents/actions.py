"""Numbered actions of a plan → the roadmap's initiatives. The roadmap's initiatives are made from the
framework pack's recommendation rules (``rules.yaml`` and the files it names), so an action is matched
to the rules whose titles (ar, en) it is closest to, with a confidence."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
import yaml

from raqmana.documents import embed as E

LOW, HIGH = 0.15, 0.65
THRESHOLD = 0.5
TOP = 2


@dataclass(frozen=True, slots=True)
class ActionMatch:
    rule: str
    confidence: float


@lru_cache(maxsize=4)
def rule_titles(pack: str = "iraq-dla") -> dict[str, dict[str, str]]:
    """Rule id → title {"en", "ar", "ckb"} of a pack's rule base (empty when it has none)."""
    from raqmana.frameworks.packs import pack_dir

    root = pack_dir(pack)
    index = root / "rules.yaml" if root is not None else None
    if index is None or not index.is_file():
        return {}
    entries: list[Any] = []
    for item in (yaml.safe_load(index.read_text(encoding="utf-8")) or {}).get("rules") or []:
        if isinstance(item, str):
            entries += yaml.safe_load((index.parent / item).read_text(encoding="utf-8")) or []
        else:
            entries.append(item)
    return {
        str(r["id"]): {k: str(v) for k, v in (r.get("title") or {}).items()}
        for r in entries
        if isinstance(r, dict) and r.get("id") and r.get("title")
    }


class ActionMapper:
    """Load once per process; ``match`` takes the actions' sentence vectors."""

    def __init__(self, pack: str = "iraq-dla") -> None:
        titles = rule_titles(pack)
        self.rules = list(titles)
        corpus = [t for r in self.rules for t in (titles[r].get("en", ""), titles[r].get("ar", ""))]
        self._vectors = E.embed(corpus) if corpus else np.zeros((0, 1), dtype=np.float32)

    def match(self, vectors: np.ndarray) -> list[list[ActionMatch]]:
        if not self.rules or len(vectors) == 0:
            return [[] for _ in range(len(vectors))]
        sims = vectors @ self._vectors.T
        per_rule = np.maximum(sims[:, 0::2], sims[:, 1::2])
        out: list[list[ActionMatch]] = []
        for row in per_rule:
            found = []
            for k in np.argsort(-row)[:TOP]:
                conf = float(np.clip((row[k] - LOW) / (HIGH - LOW), 0, 1))
                if conf < THRESHOLD:
                    break
                found.append(ActionMatch(self.rules[int(k)], round(conf, 3)))
            out.append(found)
        return out


@lru_cache(maxsize=2)
def shared_action_mapper(pack: str = "iraq-dla") -> ActionMapper:
    return ActionMapper(pack)
