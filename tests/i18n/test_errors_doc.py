"""docs/errors.md lists every code of every error catalogue once, in the three languages."""

from __future__ import annotations

from pathlib import Path

from raqmana.cli.errors_doc import catalogues, errors_markdown
from raqmana.workspace import errors as WE

from .test_catalogues import all_codes

DOC = Path(__file__).resolve().parents[2] / "docs" / "errors.md"


def test_docs_errors_md_is_generated_from_the_catalogues():
    assert DOC.read_text(encoding="utf-8") == errors_markdown(), (
        "regenerate it: raqmana framework errors --markdown > docs/errors.md"
    )


def test_every_code_appears_once_with_its_arabic_and_sorani_text():
    text = DOC.read_text(encoding="utf-8")
    codes = all_codes()
    assert len(codes) > 240
    for code in codes:
        assert text.count(f"| {code.id} |") == 1, code.id
        assert code.template("ar").replace("|", "\\|") in text, code.id
        assert code.template("ckb").replace("|", "\\|") in text, code.id


def test_a_catalogue_lists_only_the_codes_it_defines():
    by_module = {c.module: c.codes for c in catalogues()}
    assert set(by_module["raqmana.workspace.errors"]) == set(WE.ALL)
    ids = [code.id for codes in by_module.values() for code in codes]
    assert len(ids) == len(set(ids))
