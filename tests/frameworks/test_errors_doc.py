"""docs/errors.md lists exactly the codes of the catalogues, in the three languages."""

from __future__ import annotations

from pathlib import Path

from raqmana.cli import errors as CE
from raqmana.cli.framework import errors_markdown
from raqmana.frameworks import errors as E

DOC = Path(__file__).resolve().parents[2] / "docs" / "errors.md"


def test_docs_errors_md_is_generated_from_the_catalogues():
    assert DOC.read_text(encoding="utf-8") == errors_markdown(), (
        "regenerate it: raqmana framework errors --markdown > docs/errors.md"
    )


def test_every_code_appears_once_with_its_sorani_text():
    text = DOC.read_text(encoding="utf-8")
    for code in (*E.ALL, *CE.ALL):
        assert text.count(f"| {code.id} |") == 1
        assert code.ckb.replace("|", "\\|") in text
