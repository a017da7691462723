"""Kurdish uses one heh: ھ (U+06BE) in every Sorani text raqmana ships, never the Arabic ه (U+0647).

The catalogue and the error codes are checked letter by letter in ``test_sorani.py``; this file covers
the rest of what a Kurdish reader sees: the ``ckb`` texts of the framework packs, rule bases and every
other data file (YAML, JSON, CSV columns named for ckb), the ``ckb=`` texts written in Python, and any
Sorani word (one with a letter only Kurdish uses) inside templates and source files.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

import raqmana
from raqmana.i18n.sorani import normalise

SRC = Path(raqmana.__file__).parent
ARABIC_HEH = "\u0647"
#: letters only Sorani uses: a word with one of them is a Kurdish word
KURDISH_ONLY = set("ەێۆڵڕڤھ")
WORD = re.compile(r"[\u0600-\u06ff]+")
#: keywords matched against documents as people write them (both hehs occur in the wild): not read
#: by anyone, and the document reader's matching decides how it folds the two letters
MATCHING_DATA = {"documents/data/sdg_keywords.yaml"}


def _files(*suffixes: str) -> list[Path]:
    return sorted(
        p
        for p in SRC.rglob("*")
        if p.is_file() and p.suffix in suffixes and p.relative_to(SRC).as_posix() not in MATCHING_DATA
    )


def _ckb_values(node: object, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            here = f"{where}.{key}"
            if str(key) == "ckb" or str(key).endswith("_ckb"):
                for text in value if isinstance(value, list) else [value]:
                    if isinstance(text, str):
                        yield here, text
            yield from _ckb_values(value, here)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _ckb_values(value, f"{where}[{i}]")


def _wrong(text: str) -> bool:
    return ARABIC_HEH in text


def test_the_check_finds_an_arabic_heh_in_a_sorani_word():
    assert _wrong("حکوومەتی هەرێمی کوردستان") and not _wrong(normalise("حکوومەتی هەرێمی کوردستان"))
    assert list(_ckb_values({"name": {"ckb": "هەرێم", "ar": "إقليم"}}, "")) == [(".name.ckb", "هەرێم")]


@pytest.mark.parametrize(
    "path", _files(".yaml", ".yml", ".json"), ids=lambda p: p.relative_to(SRC).as_posix()
)
def test_data_files_write_sorani_with_one_heh(path):
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text) if path.suffix != ".json" else json.loads(text)
    assert [(where, value) for where, value in _ckb_values(data, "") if _wrong(value)] == []


def test_csv_columns_in_sorani_use_one_heh():
    bad = []
    for path in _files(".csv"):
        for n, row in enumerate(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))), start=2):
            bad += [
                (path.name, n, key, value)
                for key, value in row.items()
                if key and "ckb" in key and value and _wrong(value)
            ]
    assert bad == []


def test_sorani_written_in_python_uses_one_heh():
    pattern = re.compile(r'(?:\bckb\s*=\s*|"ckb"\s*:\s*)[rf]?"([^"\n]*)"')
    bad = [
        (path.relative_to(SRC).as_posix(), m.group(1))
        for path in _files(".py")
        for m in pattern.finditer(path.read_text(encoding="utf-8"))
        if _wrong(m.group(1))
    ]
    assert bad == []


def test_no_kurdish_word_anywhere_in_the_package_has_an_arabic_heh():
    """Templates, catalogues, source and data: a word with a Kurdish-only letter and ه is misspelt."""
    bad = sorted(
        {
            (path.relative_to(SRC).as_posix(), word)
            for path in _files(".py", ".html", ".po", ".yaml", ".yml", ".json", ".csv", ".md", ".txt")
            for word in WORD.findall(path.read_text(encoding="utf-8"))
            if ARABIC_HEH in word and KURDISH_ONLY & set(word)
        }
    )
    assert bad == []
