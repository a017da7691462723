"""Locating problems inside a rule-base document by path (and line, when read from YAML)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from raqmana.problems import Location

Locator = Callable[[tuple[Any, ...]], Location]


def path_text(path: tuple[Any, ...]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else ("." if text else "") + str(part)
    return text


def default_locate(path: tuple[Any, ...]) -> Location:
    return Location(path=path_text(path))
