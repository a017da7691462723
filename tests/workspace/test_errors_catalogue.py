"""The workspace error catalogue: stable unique ids, every message in three languages, same placeholders."""

from __future__ import annotations

import string

from raqmana.workspace import errors as E


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_it_has_unique_ids():
    ids = [c.id for c in E.ALL]
    assert len(ids) == len(set(ids)) and all(i.startswith("WS") for i in ids)


def test_it_says_everything_in_english_arabic_and_sorani_with_the_same_placeholders():
    for code in E.ALL:
        assert code.en and code.ar and code.ckb, code.id
        assert _fields(code.en) == _fields(code.ar) == _fields(code.ckb), code.id
        assert code.ar != code.en and code.ckb != code.en, code.id
