"""SDG goals and targets as the mapper reads them: texts in ar/en (shipped by raqmana.frameworks) and
hand-written keyword rules (``data/sdg_keywords.yaml``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from raqmana.documents.arabic import fold_heh, normalise
from raqmana.frameworks.crosswalk import sdg_rows

GOALS: tuple[str, ...] = tuple(str(n) for n in range(1, 18))
_AR_PREFIXES = ("", "و", "ب", "ف", "ك", "وب")


@dataclass(frozen=True, slots=True)
class SdgText:
    goal: str
    target: str  # "" for the goal itself
    en: str
    ar: str


@lru_cache(maxsize=1)
def texts() -> tuple[SdgText, ...]:
    return tuple(SdgText(r["goal"], r["target"], r["text_en"], r["text_ar"]) for r in sdg_rows())


def term_pattern(term: str) -> str:
    """A regular expression of ``term`` on normalised text; an Arabic term with the article also matches
    after the usual one-letter prefixes (``_AR_PREFIXES``) and with the article merged into the preposition."""
    t = re.escape(fold_heh(normalise(term)))
    if term.startswith("ال"):
        rest = re.escape(fold_heh(normalise(term[2:])))
        alts = "|".join([*(re.escape(p) + t for p in _AR_PREFIXES), f"و?لل{rest}"])
        return f"(?:{alts})"
    return t


@lru_cache(maxsize=1)
def keyword_rules() -> dict[str, re.Pattern[str]]:
    """Goal → one compiled pattern of its terms (whole words, short suffixes allowed)."""
    path = resources.files("raqmana.documents").joinpath("data", "sdg_keywords.yaml")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    rules: dict[str, re.Pattern[str]] = {}
    for goal, by_lang in data.items():
        terms = [t for lang_terms in by_lang.values() for t in lang_terms]
        alts = "|".join(sorted((term_pattern(t) for t in terms), key=len, reverse=True))
        rules[str(goal)] = re.compile(rf"(?<!\w)(?:{alts})\w{{0,3}}(?!\w)")
    return rules


def keyword_hits(normalised_text: str) -> dict[str, int]:
    """Goal → number of distinct keyword occurrences in an already normalised text."""
    hits: dict[str, int] = {}
    normalised_text = fold_heh(normalised_text)
    for goal, pattern in keyword_rules().items():
        found = {m.group(0) for m in pattern.finditer(normalised_text)}
        if found:
            hits[goal] = len(found)
    return hits


@lru_cache(maxsize=1)
def goal_names() -> dict[int, dict[str, str]]:
    """Goal number → short name {"en", "ar", "ckb"} (``data/sdg_goal_names.yaml``)."""
    path = resources.files("raqmana.documents").joinpath("data", "sdg_goal_names.yaml")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {int(g): {k: str(v) for k, v in names.items()} for g, names in data["goals"].items()}


@lru_cache(maxsize=1)
def target_texts() -> dict[str, dict[str, str]]:
    """Target ("16.6") → its text {"en", "ar", "ckb"}; Sorani has no official text, so the Arabic one
    stands in, after the goal's Sorani name."""
    names = goal_names()
    return {
        t.target: {"en": t.en, "ar": t.ar, "ckb": f"{names[int(t.goal)]['ckb']}: {t.ar}"}
        for t in texts()
        if t.target
    }
