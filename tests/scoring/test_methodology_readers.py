"""The methodology note reads in the reader's language: the recipe's options in words, not as the recipe
writes them, and its formulas as Markdown math (typeset by the web page and the reports)."""

from __future__ import annotations

import re

import pytest

from raqmana.scoring import Step, UncertaintySpec, build
from tests.scoring.inline import DATA, data, recipe

RECIPE = {
    "impute": Step("median"),
    "treat": Step("winsorise", {"winmax": 2}),
    "normalise": Step("minmax", {"low": 1, "high": 100}),
    "aggregate": Step("arithmetic", {"by_level": {3: "geometric"}}),
    "uncertainty": UncertaintySpec(
        runs=20, weight_noise=0.2, impute=(Step("mean"),), normalise=(Step("rank"), Step("goalposts"))
    ),
}
OPTIONS = {
    "en": ("min-max (the recipe's)", "ranks", "goalposts", "the indicator's median (the recipe's)"),
    "ar": ("الحد الأدنى-الأقصى (ما في الوصفة)", "الرتب", "الحدود المرجعية", "وسيط المؤشر (ما في الوصفة)"),
    "ckb": ("کەمترین-زۆرترین (ھی ڕەچەتەکە)", "پلەکان", "سنووری ئامانج", "ناوەندی پێوەرەکە (ھی ڕەچەتەکە)"),
}


@pytest.fixture(scope="module")
def note():
    b = build(recipe(**RECIPE), data(DATA))
    return {lang: b.methodology(lang) for lang in ("en", "ar", "ckb")}


@pytest.mark.parametrize("lang", ["en", "ar", "ckb"])
def test_the_options_drawn_in_the_monte_carlo_are_named_in_words(note, lang):
    uncertainty = note[lang].split("\n## ")[-1]
    for words in OPTIONS[lang]:
        assert words in uncertainty, words
    if lang != "en":  # no option as the recipe spells it
        assert not re.search(r"\b(minmax|median|rank|goalposts|mean|arithmetic)\b", uncertainty)


@pytest.mark.parametrize("lang", ["en", "ar", "ckb"])
def test_formulas_are_markdown_math_the_same_in_every_language(note, lang):
    text = note[lang]
    assert r"$\frac{x - \min x}{\max x - \min x}$" in text
    assert r"$\frac{\sum_i w_i x_i}{\sum_i w_i}$" in text  # the arithmetic mean (levels 1–2)
    assert r"$\exp\left(\frac{\sum_i w_i \ln x_i}{\sum_i w_i}\right)$" in text  # the geometric mean (level 3)
    assert "Σ w·x" not in text and "(x − min)" not in text  # no formula written as plain text


def test_the_formulas_symbols_are_explained_once():
    b = build(recipe(**RECIPE), data(DATA))
    for lang, words in (("en", "w its weight"), ("ar", "وw وزنُها"), ("ckb", "w کێشەکەیەتی")):
        assert b.methodology(lang).count(words) == 1


def test_no_sentence_is_made_of_an_empty_screening_setting():
    from raqmana.i18n.bidi import LRI, PDI

    plain = build(recipe(), data(DATA))
    assert "No minimum share of data was set" in plain.methodology("en")
    assert "less than 0 %" not in plain.methodology("en") and "لأقل من 0 %" not in plain.methodology("ar")
    screened = build(recipe(screen=Step("availability", {"unit_min": 0.5})), data(DATA))
    assert "less than 50 %" in screened.methodology("en")
    title = plain.methodology("ar").splitlines()[0]
    assert title.endswith(f"{LRI}{plain.recipe.name or plain.index}{PDI}")  # the name as written, isolated


def test_the_methodologys_counts_take_the_form_each_number_asks_for():
    from raqmana.i18n.catalog import ngettext

    def counted(lang, one, many, n):
        return ngettext(lang, one, many, n, n=n)

    assert counted("ar", "{n} unit", "{n} units", 2) == "وحدتان"
    assert counted("ar", "{n} unit", "{n} units", 5) == "5 وحدات"
    assert counted("ar", "{n} unit", "{n} units", 900) == "900 وحدة"
    assert counted("ar", "{n} level", "{n} levels", 1) == "مستوى واحد"
    assert counted("ckb", "{n} aggregate", "{n} aggregates", 7) == "7 کۆکراوە"
    assert counted("en", "{n} level", "{n} levels", 1) == "1 level"
