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


_WORD = re.compile(r"\w+")
_AR_ARTICLES = ("وال", "بال", "فال", "كال", "لل", "ال")
_AR_SUFFIXES = ("ات", "ين", "ون", "ه")


def stem(token: str) -> str:
    """A crude stem for matching target words: an Arabic word without its article, a one-letter prefix
    before it and a plural or feminine ending; an English word's first six letters."""
    if token.isascii():
        return token[:6]
    for prefix in _AR_ARTICLES:
        if token.startswith(prefix) and len(token) - len(prefix) >= 3:
            token = token[len(prefix) :]
            break
    for suffix in _AR_SUFFIXES:
        if token.endswith(suffix) and len(token) - len(suffix) >= 3:
            return token[: -len(suffix)]
    return token


def stems(normalised_text: str) -> set[str]:
    """The distinct stems of a normalised text's words of four letters or more (no digits)."""
    return {stem(w) for w in _WORD.findall(normalised_text) if len(w) >= 4 and not w.isdigit()}


@lru_cache(maxsize=1)
def target_terms() -> dict[str, dict[str, float]]:
    """Goal → its own words: the stems of its goal and target texts (ar, en) that at most two goals use,
    each weighted by how rare it is among the goals (log 17/goals using it)."""
    import math

    by_goal: dict[str, set[str]] = {g: set() for g in GOALS}
    for row in texts():
        by_goal[row.goal] |= stems(fold_heh(normalise(row.en))) | stems(fold_heh(normalise(row.ar)))
    used: dict[str, int] = {}
    for words in by_goal.values():
        for w in words:
            used[w] = used.get(w, 0) + 1
    return {
        g: {w: math.log(len(GOALS) / used[w]) for w in words if used[w] <= 2} for g, words in by_goal.items()
    }


def target_term_weights(normalised_text: str) -> dict[str, float]:
    """Goal → summed weight of its own words (:func:`target_terms`) found in an already normalised text."""
    found = stems(fold_heh(normalised_text))
    out: dict[str, float] = {}
    for goal, terms in target_terms().items():
        total = sum(terms[w] for w in found & terms.keys())
        if total:
            out[goal] = total
    return out
