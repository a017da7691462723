"""The command line's own texts exist in ar, ckb and en, with the same placeholders, in correct Sorani."""

from __future__ import annotations

import string

import pytest

from raqmana.cli import errors as CE
from raqmana.cli.indices import FORMULA_TEXT, GROUP_LABELS
from raqmana.cli.messages import MESSAGES, text
from raqmana.frameworks import errors as FE
from raqmana.frameworks.validation_messages import PATTERNS, TEMPLATES
from raqmana.frameworks.yamlsource import _REASONS
from raqmana.i18n import Translated
from raqmana.i18n.sorani import wrong_letters


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _plain(table):
    """The table with each text as ``{"en", "ar", "ckb"}`` exactly as written (no fallback to English)."""
    return {k: t.as_dict() if isinstance(t, Translated) else t for k, t in table.items()}


TABLES = {
    "cli messages": _plain(MESSAGES),
    "pydantic sentences": _plain(TEMPLATES),
    "schema patterns": _plain(PATTERNS),
    "yaml reasons": _plain({str(words): reason for words, reason in _REASONS}),
    "workbook cells": FE.EXPECTED,
    "os reasons": {str(k): v for k, v in CE.OS_REASONS.items()},
    "index groups": {
        f"{i}.{g}": t.model_dump() for i, groups in GROUP_LABELS.items() for g, t in groups.items()
    },
    "index formulas": {k: t.model_dump() for k, t in FORMULA_TEXT.items()},
}


#: tables whose texts are given as they are, not filled in with str.format
PLAIN = {"yaml reasons", "schema patterns", "workbook cells", "os reasons", "index groups", "index formulas"}


@pytest.mark.parametrize("table", TABLES)
def test_every_text_has_three_languages_with_the_same_placeholders(table):
    bad = [
        key
        for key, t in TABLES[table].items()
        if not all(t.get(lang) for lang in ("en", "ar", "ckb"))
        or (
            table not in PLAIN
            and not _placeholders(t["en"]) == _placeholders(t["ar"]) == _placeholders(t["ckb"])
        )
    ]
    assert bad == []


@pytest.mark.parametrize("table", TABLES)
def test_sorani_texts_use_sorani_letters(table):
    assert [key for key, t in TABLES[table].items() if wrong_letters(t["ckb"])] == []


def test_the_arabic_and_sorani_texts_are_not_copies_of_the_english():
    same = [
        key
        for table in TABLES.values()
        for key, t in table.items()
        if t["ar"] == t["en"] or t["ckb"] == t["en"]
    ]
    assert same == []


def test_a_message_falls_back_to_english_for_an_unknown_language():
    assert text("fr", "wrote", path="a.yaml") == "wrote a.yaml"
    assert text("ckb", "wrote", path="a.yaml") == "نووسرا: a.yaml"


def test_counted_command_line_messages_agree_with_the_number():
    from raqmana.cli.messages import COUNTED

    assert text("ar", "as.wrote_many", n=2, out="x") == "كُتب مصنفان في x"
    assert text("ar", "as.wrote_many", n=11, out="x") == "كُتب 11 مصنفاً في x"
    assert text("en", "worker.stopped", n=1) == "worker stopped after 1 job"
    assert text("en", "audit.ok", checked=3, last_seq=3) == "audit log intact: 3 events, last seq 3"
    for key, (singular, plural, count) in COUNTED.items():
        for n in (0, 1, 2, 3, 11, 100):
            params = {"n": n, "id": 1, "out": "x", "ok": 0, "checked": n, "last_seq": 1, count: n}
            for lang in ("ar", "ckb"):
                said = text(lang, key, **params)
                assert said not in (singular, plural) and "{" not in said, (key, n, lang)
                assert not wrong_letters(said) or lang == "ar"
