"""A table too wide for a phone scrolls inside its wrapper: the wrapper takes the keyboard's focus, so a
reader without a pointer can scroll it too (axe: scrollable-region-focusable, found at 390 px)."""

from __future__ import annotations

import re
from pathlib import Path

import raqmana

TEMPLATES = Path(raqmana.__file__).parent / "web" / "templates"


def test_every_scrolling_table_wrapper_can_take_the_focus():
    wrappers = [
        (path.relative_to(TEMPLATES), tag)
        for path in TEMPLATES.rglob("*.html")
        for tag in re.findall(r"<div[^>]*\btable-responsive\b[^>]*>", path.read_text(encoding="utf-8"))
    ]
    assert len(wrappers) > 20  # the pages' tables are found
    assert [w for w in wrappers if 'tabindex="0"' not in w[1]] == []
