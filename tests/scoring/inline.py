"""Inline tables for scoring tests: Markdown-style rows read like COINr's iData / iMeta sheets."""

from __future__ import annotations

from typing import Any

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
