"""The build object: every stage kept, immutable, regenerated exactly from its recipe."""

import json

import numpy as np
import pytest

from raqmana.scoring import Recipe, StageRule, Step, UncertaintySpec, build
from tests.scoring.inline import DATA, data, recipe

FULL = {
    "screen": Step("availability", {"unit_min": 0.5}),
    "impute": Step("group_mean", {"group": "Region"}),
    "treat": Step("winsorise", {"winmax": 2}),
    "normalise": Step("minmax", {"low": 1, "high": 100}),
    "weights": Step("budget", {"points": {"a": 60, "b": 40}}),
    "aggregate": Step("arithmetic", {"by_level": {3: "geometric"}}),
    "stages": (StageRule("gtmi", score_max=100),),
    "uncertainty": UncertaintySpec(runs=50, weight_noise=0.2, normalise=(Step("rank"),)),
}
HOLES = DATA.replace("| U2    | Two   | north        | 5  |", "| U2    | Two   | north        |    |")


def test_it_keeps_every_stage_as_a_labelled_table():
    b = build(recipe(**FULL), data(HOLES))
    for stage in ("raw", "screened", "imputed", "treated", "normalised", "weighted"):
        t = getattr(b, stage)
        assert t.columns == ("a", "b", "c", "d") and t.units == ("U1", "U2", "U3", "U4"), stage
    assert b.aggregated.columns == ("a", "b", "c", "d", "P", "Q", "IDX")
    assert np.isnan(b.raw.get("U2", "a")) and b.imputed.get("U2", "a") == 0  # the north's other value


def test_its_tables_cannot_be_changed():
    b = build(recipe(), data(DATA))
    with pytest.raises(ValueError):
        b.aggregated.values[0, 0] = 1.0
    with pytest.raises(AttributeError):
        b.recipe = recipe()  # type: ignore[misc]


def test_regenerating_from_the_recipe_reproduces_the_build_exactly():
    b = build(recipe(**FULL), data(HOLES))
    again = b.regenerate()
    assert again is not b and again.same_as(b)


def test_a_recipe_survives_json_and_rebuilds_the_same_index():
    r = recipe(**FULL)
    text = json.dumps(r.to_dict())
    back = Recipe.from_dict(json.loads(text))
    assert back == r
    assert build(back, data(HOLES)).same_as(build(r, data(HOLES)))


def test_a_different_recipe_gives_a_different_build():
    b = build(recipe(), data(DATA))
    other = build(recipe(normalise=Step("rank")), data(DATA))
    assert not b.same_as(other)


def test_the_national_score_is_the_mean_over_units_that_have_one():
    b = build(recipe(), data(DATA))
    assert b.national()["IDX"] == pytest.approx(float(np.mean(b.aggregated.col("IDX"))))
    weighted = b.national({"U1": 3, "U2": 1, "U3": 0, "U4": 0})["IDX"]
    assert weighted == pytest.approx((3 * b.aggregated.get("U1", "IDX") + b.aggregated.get("U2", "IDX")) / 4)


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ["same group", "winsorised", "Min-max normalisation to 1–100", "geometric mean", "GovTech"]),
        ("ar", ["مجموعة", "شُذّبت", "الحد الأدنى-الأقصى إلى 1–100", "المتوسط الهندسي", "التكنولوجيا الحكومية"]),
        ("ckb", ["گروپ", "وینسۆرایز", "کەمترین-زۆرترین بۆ 1–100", "تێکڕای ئەندازەیی", "تەکنەلۆجیای حکومی"]),
    ],
)
def test_the_methodology_describes_the_steps_as_run_in_each_language(lang, words):
    text = build(recipe(**FULL), data(HOLES)).methodology(lang)
    for word in words:
        assert word in text, word
