"""The Content Security Policy allows styles only from the site's own files (``style-src 'self'``, no nonce):
a browser drops every ``style="…"`` attribute and ``<style>`` block, so no page template may hold one."""

from __future__ import annotations

import re
from pathlib import Path

import raqmana.web
from raqmana.web.app import create_app

TEMPLATES = Path(raqmana.web.__file__).parent / "templates"
INLINE = re.compile(r"<style\b|\sstyle\s*=", re.IGNORECASE)


def test_the_policy_has_no_nonce_or_unsafe_inline_for_styles() -> None:
    source = Path(create_app.__code__.co_filename).read_text(encoding="utf-8")
    assert "style-src 'self';" in source
    assert "nonce-" not in source and "unsafe-inline" not in source


def test_no_template_holds_a_style_the_policy_would_block() -> None:
    found = [
        f"{path.relative_to(TEMPLATES)}:{number}: {line.strip()[:80]}"
        for path in sorted(TEMPLATES.rglob("*.html"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if INLINE.search(line)
    ]
    assert len(list(TEMPLATES.rglob("*.html"))) > 50
    assert found == []
