"""Screening by data availability: thresholds per unit and per indicator, with warnings."""

import pytest

from raqmana.scoring import Step, build
from tests.scoring.inline import data, recipe

DATA = """
| uCode | a  | b  | c | d |
| U1    | 0  | 10 | 1 | 4 |
| U2    |    |    | 2 | 3 |
| U3    | 10 | 30 |   | 2 |
| U4    | 10 | 40 |   | 1 |
"""


def test_units_below_the_threshold_are_left_out_with_a_warning():
    b = build(recipe(normalise=Step("rank"), screen=Step("availability", {"unit_min": 0.6})), data(DATA))
    assert b.units == ("U1", "U3", "U4")
    assert b.raw.units == ("U1", "U2", "U3", "U4")  # the raw stage keeps everything
    [w] = [w for w in b.warnings if w.code.id == "SC102"]
    assert (w.location.line, w.params["code"]) == (3, "U2")


def test_indicators_below_the_threshold_are_left_out_and_the_hierarchy_follows():
    b = build(recipe(screen=Step("availability", {"unit_min": 0.6, "indicator_min": 0.5})), data(DATA))
    assert b.screened.columns == ("a", "b", "d")
    assert b.tree.children["Q"] == ("d",)
    assert b.log["screen"]["dropped_indicators"] == ["c"]


def test_nothing_is_left_out_by_default():
    b = build(recipe(normalise=Step("rank")), data(DATA))
    assert b.screened.shape == (4, 4) and b.warnings == ()


def test_screening_after_imputation_keeps_units_that_imputation_completed():
    """COINr's examples screen the imputed data: U2 (half its indicators missing) is kept there,
    because the mean filled its gaps, and left out when screening comes first."""
    steps = {"impute": Step("mean"), "normalise": Step("rank")}
    before = build(recipe(screen=Step("availability", {"unit_min": 0.6}), **steps), data(DATA))
    after = build(
        recipe(screen=Step("availability", {"unit_min": 0.6, "order": "after_impute"}), **steps), data(DATA)
    )
    assert "U2" not in before.units and "U2" in after.units
    assert after.imputed.get("U2", "a") == 20 / 3  # the mean over all four units' data: (0 + 10 + 10) / 3
    assert after.screened.get("U2", "c") == 2 and after.log["screen"]["order"] == "after_impute"


def test_units_mostly_zero_are_left_out_by_zeros_as_coinr_byzeros():
    zeros = DATA.replace("| U1    | 0  | 10 | 1 | 4 |", "| U1    | 0  | 0  | 0 | 4 |")
    screen = Step("availability", {"unit_screen": "zeros", "nonzero_min": 0.5})
    b = build(recipe(screen=screen, normalise=Step("rank")), data(zeros))
    assert b.units == ("U2", "U3", "U4")
    [w] = [w for w in b.warnings if w.code.id == "SC111"]
    assert (w.params["code"], w.params["share"]) == ("U1", "25 %")


def test_units_forced_in_or_out_as_coinrs_force():
    """Screen(Force = data.frame(uCode = c("U2", "U4"), Include = c(TRUE, FALSE))): the user's decision
    wins over the threshold, and is logged rather than warned."""
    screen = Step("availability", {"unit_min": 0.6, "force_include": ["U2"], "force_exclude": ["U4"]})
    b = build(recipe(screen=screen, normalise=Step("rank")), data(DATA))
    assert b.units == ("U1", "U2", "U3")
    assert (b.log["screen"]["forced_in"], b.log["screen"]["forced_out"]) == (["U2"], ["U4"])
    assert not [w for w in b.warnings if w.code.id == "SC102"]


def test_forcing_a_unit_the_data_does_not_have_is_refused():
    from raqmana.problems import ProblemsError

    with pytest.raises(ProblemsError) as info:
        build(recipe(screen=Step("availability", {"force_exclude": ["ZZ"]})), data(DATA))
    [p] = info.value.problems
    assert (p.code.id, p.location.path, p.params["code"]) == ("SC048", "screen.force_exclude", "ZZ")


def test_the_methodology_names_the_units_forced_in_and_out():
    screen = Step("availability", {"unit_min": 0.6, "force_include": ["U2"], "force_exclude": ["U4"]})
    b = build(recipe(screen=screen, normalise=Step("rank")), data(DATA))
    assert "kept U2; left out U4" in b.methodology("en")
    assert "U2" in b.methodology("ar") and "U4" in b.methodology("ckb")
