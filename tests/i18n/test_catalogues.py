"""The gettext catalogues hold every interface and error text in Arabic and Sorani, complete and consistent."""

from __future__ import annotations

import importlib
import pkgutil
import string
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

import raqmana
from raqmana.i18n.catalog import po_path
from raqmana.problems import Code

LANGS = ("ar", "ckb")


def _catalog(lang: str):
    with po_path(lang).open("rb") as fh:
        return read_po(fh, locale=lang)


CATALOGS = {lang: _catalog(lang) for lang in LANGS}


def _key(message) -> tuple[str | None, str]:
    return message.context, message.id if isinstance(message.id, str) else message.id[0]


def _placeholders(text: str) -> set[str]:
    """The ``{names}`` of a template; a text with lone braces (a parser's reason quoting '{') has none."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}
    except ValueError:
        return set()


def all_codes() -> list[Code]:
    """Every Code defined in a module of raqmana (error catalogues and the web's messages)."""
    codes: dict[str, Code] = {}
    for mod in pkgutil.walk_packages(raqmana.__path__, "raqmana."):
        if mod.name.rsplit(".", 1)[-1] in ("errors", "messages", "problems"):
            module = importlib.import_module(mod.name)
            codes.update({v.id: v for v in vars(module).values() if isinstance(v, Code)})
    return list(codes.values())


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_has_its_translation_in_every_form(lang):
    catalog = CATALOGS[lang]
    empty = [
        _key(m) for m in catalog if m.id and (m.fuzzy or not all(m.string if m.pluralizable else [m.string]))
    ]
    assert empty == []


@pytest.mark.parametrize("lang", LANGS)
def test_plural_messages_fill_each_plural_form_of_the_language(lang):
    catalog = CATALOGS[lang]
    assert catalog.num_plurals == {"ar": 6, "ckb": 2}[lang]
    short = [_key(m) for m in catalog if m.id and m.pluralizable and len(m.string) != catalog.num_plurals]
    assert short == []


def test_both_catalogues_hold_the_same_messages():
    ar = {_key(m) for m in CATALOGS["ar"] if m.id}
    ckb = {_key(m) for m in CATALOGS["ckb"] if m.id}
    assert sorted(ar - ckb, key=str) == [] and sorted(ckb - ar, key=str) == []


@pytest.mark.parametrize("lang", LANGS)
def test_translations_use_no_placeholder_the_english_lacks(lang):
    bad = []
    for m in CATALOGS[lang]:
        if not m.id:
            continue
        english = set().union(*map(_placeholders, m.id)) if m.pluralizable else _placeholders(m.id)
        for form in m.string if m.pluralizable else [m.string]:
            if not _placeholders(form) <= english:
                bad.append(_key(m))
    assert bad == []


def test_every_error_code_is_in_both_catalogues_under_its_id():
    keys = {lang: {_key(m) for m in CATALOGS[lang] if m.id} for lang in LANGS}
    missing = [(c.id, lang) for c in all_codes() for lang in LANGS if (c.id, c.en) not in keys[lang]]
    assert missing == []


def test_error_codes_carry_english_only_in_python():
    """Arabic and Sorani belong in the catalogues: run tools/convert_error_codes.py to move inline texts."""
    assert [c.id for c in all_codes() if any(c._inline)] == []


def test_error_code_ids_are_unique_across_catalogues():
    seen: dict[str, str] = {}
    clashes = []
    for mod in pkgutil.walk_packages(raqmana.__path__, "raqmana."):
        if mod.name.rsplit(".", 1)[-1] in ("errors", "messages"):
            for v in vars(importlib.import_module(mod.name)).values():
                if isinstance(v, Code) and seen.setdefault(v.id, mod.name) != mod.name:
                    clashes.append(v.id)
    assert clashes == []


def test_an_error_code_reads_the_catalogue_in_each_language():
    from raqmana.workspace import errors as E

    assert E.NOT_FOUND.template("en") == "{what} not found."
    assert E.NOT_FOUND.template("ar") == "لم يُعثر على {what}."
    assert E.NOT_FOUND.template("ckb") == "{what} نەدۆزرایەوە."
    assert E.NOT_FOUND.template("fr") == "{what} not found."


def _extracted() -> set[tuple[str | None, str]]:
    """The messages Babel extracts from the sources with babel.cfg (what `pybabel extract` would write)."""
    from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
    from babel.messages.frontend import parse_mapping_cfg

    root = Path(raqmana.__file__).resolve().parents[2]
    with (root / "babel.cfg").open(encoding="utf-8") as fh:
        method_map, options_map = parse_mapping_cfg(fh)
    found = set()
    for _file, _line, message, _comments, context in extract_from_dir(
        str(root), method_map, options_map, keywords=DEFAULT_KEYWORDS
    ):
        found.add((context, message if isinstance(message, str) else message[0]))
    return found


EXTRACTED = _extracted()


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_of_the_sources_is_in_the_catalogue(lang):
    have = {_key(m) for m in CATALOGS[lang] if m.id}
    assert len(EXTRACTED) > 600
    assert sorted(EXTRACTED - have, key=str) == []


@pytest.mark.parametrize("lang", LANGS)
def test_the_catalogue_holds_no_message_the_sources_no_longer_use(lang):
    have = {_key(m) for m in CATALOGS[lang] if m.id}
    assert sorted(have - EXTRACTED, key=str) == []


@pytest.mark.parametrize("lang", LANGS)
def test_the_runtime_reader_sees_what_babel_sees(lang):
    """raqmana reads the .po files itself (fast); every translation Babel reads is read the same."""
    from raqmana.i18n.catalog import parse_po

    mine, plural = parse_po(po_path(lang).read_text(encoding="utf-8"))
    expected: dict = {}
    for m in CATALOGS[lang]:
        if not m.id or m.fuzzy:
            continue
        context, msgid = _key(m)
        key = f"{context}\x04{msgid}" if context else msgid
        if m.pluralizable:
            expected.update({(key, i): s for i, s in enumerate(m.string) if s})
        elif m.string:
            expected[key] = m.string
    assert mine == expected
    assert plural.startswith(f"nplurals={CATALOGS[lang].num_plurals};")


def test_the_runtime_reader_skips_fuzzy_entries_and_reads_continued_lines():
    from raqmana.i18n.catalog import parse_po

    text = (
        'msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        '#, fuzzy\nmsgid "Guess"\nmsgstr "تخمين"\n\n'
        'msgctxt "WS001"\nmsgid ""\n"{what} not "\n"found."\nmsgstr "{what} \\"غير\\" موجود."\n\n'
        '#~ msgid "Old"\n#~ msgstr "قديم"\n'
    )
    messages, plural = parse_po(text)
    assert messages == {"WS001\x04{what} not found.": '{what} "غير" موجود.'}
    assert plural == "nplurals=2; plural=(n != 1);"


@pytest.mark.parametrize("lang", LANGS)
def test_no_message_is_defined_twice(lang):
    """gettext's msgfmt refuses a catalogue with one (context, message) defined twice; babel keeps the last."""
    seen: dict[tuple[str, str], int] = {}
    twice: list[str] = []
    context: str = ""
    text = po_path(lang).read_text(encoding="utf-8")
    lines = text.split("\n")
    for number, line in enumerate(lines, 1):
        if line.startswith("msgctxt "):
            context = line[len("msgctxt ") :]
        elif line.startswith("msgid "):
            msgid = line[len("msgid ") :]
            follow = number
            while follow < len(lines) and lines[follow].startswith('"'):
                msgid += lines[follow]
                follow += 1
            key = (context, msgid)
            if msgid != '""':
                if key in seen:
                    twice.append(f"{lang}.po:{number} repeats line {seen[key]}: {msgid}")
                else:
                    seen[key] = number
            context = ""
    assert twice == []


@pytest.mark.parametrize("lang", LANGS)
def test_gettext_accepts_the_catalogue_with_its_checks(lang):
    """``msgfmt -c``: every placeholder of a message kept in its translation (a detail dropped in Arabic
    is a detail the reader never sees), and no format flag on a text that is no format (``90 %``)."""
    import os
    import shutil
    import subprocess

    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("gettext's msgfmt is not installed")
    run = subprocess.run(  # nosec B603  # a fixed program and the package's own catalogue
        [msgfmt, "-c", "-o", os.devnull, str(po_path(lang))], capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stderr
