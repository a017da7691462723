"""Interface text is translated one way: English in Python, Arabic and Sorani in the gettext catalogues."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

from convert_ui_texts import find  # noqa: E402
from count_rtl_lines import counts  # noqa: E402

#: modules whose three-language texts are content, not interface (kept as data, like a framework pack)
CONTENT = {
    "indices/specs.py": "the names of the public indices and their components",
    "workspace/demo.py": "the illustrative demo round's own texts",
}


def test_no_module_writes_interface_text_in_three_languages():
    """Fix: ``python tools/convert_ui_texts.py FILE`` moves the Arabic and Sorani to the catalogues."""
    src = ROOT / "src" / "raqmana"
    inline = {
        str(p.relative_to(src)): len(found)
        for p in sorted(src.rglob("*.py"))
        if str(p.relative_to(src)) not in CONTENT and (found := find(p))
    }
    assert inline == {}


def test_the_content_modules_still_hold_content():
    """An entry of CONTENT that no longer has any three-language text is stale."""
    src = ROOT / "src" / "raqmana"
    assert [name for name in CONTENT if not find(src / name)] == []


def test_arabic_script_in_python_stays_far_below_the_1595_lines_it_was():
    """Before the catalogues, 1,595 lines of Arabic/Kurdish text sat in 68 modules; what is left is content,
    text-processing rules (normalisation, collation, digits) and examples in docstrings."""
    assert sum(counts().values()) < 400
