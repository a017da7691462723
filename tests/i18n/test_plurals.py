"""Counted phrases read right in Arabic (six forms) and Sorani (two) for 0, 1, 2, 3–10, 11–99 and 100+."""

from __future__ import annotations

import pytest
from babel.messages.pofile import read_po

from raqmana.i18n import format_number, ngettext
from raqmana.i18n.catalog import po_path, translator

COUNTS = (0, 1, 2, 3, 11, 100)


def _plural_messages(lang: str):
    with po_path(lang).open("rb") as fh:
        catalog = read_po(fh, locale=lang)
    return [m for m in catalog if m.id and m.pluralizable]


PLURALS = {m.id: m for m in _plural_messages("ar")}


def test_the_catalogues_have_counted_phrases():
    assert len(PLURALS) >= 9
    assert {m.id for m in _plural_messages("ckb")} == set(PLURALS)


def test_arabic_picks_a_different_form_for_each_count_class():
    t = translator("ar")
    assert [t.plural(n) for n in COUNTS] == [0, 1, 2, 3, 4, 5]  # type: ignore[attr-defined]
    assert [t.plural(n) for n in (10, 99, 101, 102, 103, 111, 1000)] == [3, 4, 5, 5, 3, 4, 5]  # type: ignore[attr-defined]


def test_sorani_has_a_singular_and_a_plural():
    t = translator("ckb")
    assert [t.plural(n) for n in COUNTS] == [1, 0, 1, 1, 1, 1]  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", ["ar", "ckb"])
@pytest.mark.parametrize("n", COUNTS)
def test_every_counted_phrase_is_filled_for_every_count(lang, n):
    bad = []
    for (singular, plural), _ in PLURALS.items():
        template = translator(lang).ngettext(singular, plural, n)
        text = template.format_map(_Params(n=format_number(n, lang, decimals=0)))
        if not text.strip() or template in (singular, plural) or "{" in text:
            bad.append(singular)
    assert bad == []


class _Params(dict):
    """Placeholder values: ``n`` as given, any other placeholder filled with a sample word."""

    def __missing__(self, key: str) -> str:
        return "X"


def test_arabic_counted_phrases_agree_with_the_number():
    one, two, few, many, hundred = (
        ngettext("ar", "{n} indicator", "{n} indicators", k, n=format_number(k, "ar", decimals=0))
        for k in (1, 2, 5, 12, 100)
    )
    assert (one, two, few, many, hundred) == ("مؤشر واحد", "مؤشران", "٥ مؤشرات", "١٢ مؤشرًا", "١٠٠ مؤشر")


def test_english_uses_the_singular_for_one_only():
    assert ngettext("en", "{n} event checked.", "{n} events checked.", 1, n=1) == "1 event checked."
    assert ngettext("en", "{n} event checked.", "{n} events checked.", 0, n=0) == "0 events checked."
