"""The level a passage speaks for — a national instrument (a law, a decree, a national strategy) or one
institution's own text — and the level of each framework indicator, so that the indicator mapper ranks a
law's national indicator (the electronic transactions law) before its per-institution counterpart (the
institution accepting electronic documents), and the other way round for an institution's instructions.

A passage's level is read from the document's place (the national library holds laws and national
policies; an institution's documents are its own) and from words of legislation or of one institution in
the passage (``data/indicator_levels.yaml``). Both weights were chosen on the development set
``benchmarks/data/documents_indicators_dev.jsonl``, never on the evaluation set.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Literal

import yaml

from raqmana.documents.arabic import fold_heh, normalise
from raqmana.documents.sdg import term_pattern
from raqmana.frameworks.schema import Indicator, InstitutionType

#: where a document was filed: the national library (laws, national policies) or an institution
Scope = Literal["library", "institution"]

#: how much the document's place says about a passage's level (a passage may still quote another level)
PLACE_WEIGHT = 1.0
#: how much the passage's own words say, at two distinct cue words or more
CUE_WEIGHT = 1.0


def indicator_level(indicator: Indicator) -> int:
    """+1 for an indicator answered for the country (national), -1 for one answered per institution."""
    return 1 if InstitutionType.NATIONAL in indicator.responsible else -1


@lru_cache(maxsize=1)
def cue_rules() -> dict[str, re.Pattern[str]]:
    """``national`` and ``institution`` → one compiled pattern of their cue words in every language."""
    path = resources.files("raqmana.documents").joinpath("data", "indicator_levels.yaml")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    rules: dict[str, re.Pattern[str]] = {}
    for level, by_lang in data.items():
        terms = [str(t) for lang_terms in by_lang.values() for t in lang_terms]
        alts = "|".join(sorted((term_pattern(t) for t in terms), key=len, reverse=True))
        rules[str(level)] = re.compile(rf"(?<!\w)(?:{alts})\w{{0,3}}(?!\w)")
    return rules


def cues(text: str) -> tuple[int, int]:
    """Distinct national and institution cue words in ``text``."""
    folded = fold_heh(normalise(text))
    rules = cue_rules()
    return (
        len({m.group(0) for m in rules["national"].finditer(folded)}),
        len({m.group(0) for m in rules["institution"].finditer(folded)}),
    )


def passage_level(
    text: str,
    scope: Scope | None = None,
    *,
    place_weight: float = PLACE_WEIGHT,
    cue_weight: float = CUE_WEIGHT,
) -> float:
    """From -1 (an institution's own text) to +1 (a national instrument); 0 when nothing tells."""
    place = {"library": 1.0, "institution": -1.0}.get(scope or "", 0.0)
    national, institution = cues(text)
    words = (min(2, national) - min(2, institution)) / 2
    return max(-1.0, min(1.0, place_weight * place + cue_weight * words))
