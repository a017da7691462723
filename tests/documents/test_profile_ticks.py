"""The SDG profile counts passages: its axis is ticked at whole numbers ("0 1 2"), never at "0.25" or
"1.75" of a passage, however few passages there are."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from raqmana.reports.documents_chapter import _chart


@dataclass(frozen=True)
class Goal:
    goal: int
    name: dict[str, str]
    passages: int
    accepted: int = 0


@pytest.mark.parametrize("top", [1, 2, 3, 7])
def test_the_profile_axis_ticks_whole_passages(top):
    goals = [
        Goal(1, {"en": "No poverty"}, top),
        Goal(16, {"en": "Peace"}, 1),
        Goal(4, {"en": "Education"}, 0),
    ]
    for lang in ("en", "ar"):
        ticks = _chart(goals, lang, "passages", None).figure.axes[0].get_xticks()
        shown = [t for t in ticks if 0 <= t <= top]
        assert len(shown) >= 2 and all(float(t).is_integer() for t in shown), (top, lang, list(ticks))
