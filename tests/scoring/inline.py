"""Inline tables for scoring tests: Markdown-style rows read like COINr's iData / iMeta sheets."""

from __future__ import annotations

from typing import Any

from raqmana.frameworks.schema import Choice, Framework, Indicator, NaTreatment, Pillar, SubArea
from raqmana.i18n import Translated
from raqmana.scoring import Dataset, Node, Recipe
from raqmana.scoring.io import meta_from_rows


def rows(text: str) -> list[dict[str, Any]]:
    """``| a | b |`` lines → dicts (the first line is the header; empty cells stay "")."""
    lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()]
    split = [[c.strip() for c in ln.strip("|").split("|")] for ln in lines]
    header, body = split[0], split[1:]
    return [dict(zip(header, r, strict=True)) for r in body]


def data(text: str) -> Dataset:
    return Dataset.from_rows(rows(text), file="data.csv")


def meta(text: str) -> tuple[Node, ...]:
    return meta_from_rows(rows(text), file="meta.csv")


#: two pillars of two indicators each, under one index
META = """
| iCode | Level | Parent | Direction | Weight | Type      |
| a     | 1     | P      | 1         | 1      | Indicator |
| b     | 1     | P      | 1         | 1      | Indicator |
| c     | 1     | Q      | 1         | 1      | Indicator |
| d     | 1     | Q      | -1        | 1      | Indicator |
| P     | 2     | IDX    |           | 1      | Aggregate |
| Q     | 2     | IDX    |           | 1      | Aggregate |
| IDX   | 3     |        |           | 1      | Aggregate |
"""

DATA = """
| uCode | uName | Group_Region | a  | b  | c  | d  |
| U1    | One   | north        | 0  | 10 | 1  | 4  |
| U2    | Two   | north        | 5  | 20 | 2  | 3  |
| U3    | Three | south        | 10 | 30 | 3  | 2  |
| U4    | Four  | south        | 10 | 40 | 4  | 1  |
"""


def recipe(**steps: Any) -> Recipe:
    return Recipe(meta=meta(META), meta_file="meta.csv", **steps)


def _t(en: str) -> Translated:
    return Translated(en=en, ar=f"{en} (ar)", ckb=f"{en} (ckb)")


def small_framework() -> Framework:
    """Two pillars: LEG (a ladder weighted 3, a yes/no with N/A counted as zero) and DAT (a percentage,
    a lower-is-better number with goalposts, a choice, and a text question that is not scored)."""
    return Framework(
        id="mini",
        version="1",
        name=_t("Mini"),
        pillars=[
            Pillar(
                id="LEG",
                name=_t("Legal"),
                sub_areas=[
                    SubArea(
                        id="LEG.1",
                        name=_t("Laws"),
                        indicators=[
                            Indicator(id="L-1", name=_t("E-signature law"), weight=3),
                            Indicator(
                                id="L-2",
                                name=_t("Data law"),
                                answer_type="yes_no",
                                na_allowed=True,
                                na_treatment=NaTreatment.ZERO,
                            ),
                        ],
                    )
                ],
            ),
            Pillar(
                id="DAT",
                name=_t("Data"),
                weight=2,
                sub_areas=[
                    SubArea(
                        id="DAT.1",
                        name=_t("Data"),
                        indicators=[
                            Indicator(id="D-1", name=_t("Open datasets"), answer_type="percentage"),
                            Indicator(
                                id="D-2",
                                name=_t("Days to answer"),
                                answer_type="number",
                                direction=-1,
                                min_value=0,
                                max_value=50,
                            ),
                            Indicator(
                                id="D-3",
                                name=_t("Catalogue"),
                                answer_type="choice",
                                choices=[
                                    Choice(value="none", label=_t("None"), score=0),
                                    Choice(value="some", label=_t("Some"), score=0.5),
                                    Choice(value="full", label=_t("Full"), score=1),
                                ],
                            ),
                            Indicator(id="D-4", name=_t("Comments"), answer_type="text"),
                        ],
                    )
                ],
            ),
        ],
    )
