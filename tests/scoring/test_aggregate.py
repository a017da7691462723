"""Aggregation: arithmetic, geometric and harmonic means over any depth, with the two N/A rules."""

import math
from dataclasses import replace

import numpy as np
import pytest

from raqmana.scoring import Recipe, Step, build
from tests.scoring.inline import data, meta

# values already on 0–1: goalposts 0…1 with scale 1 leave them as they are
META = """
| iCode | Level | Parent | Weight | GoalpostLo | GoalpostHi | Type      |
| a     | 1     | P      | 1      | 0          | 1          | Indicator |
| b     | 1     | P      | 3      | 0          | 1          | Indicator |
| c     | 1     | Q      | 1      | 0          | 1          | Indicator |
| P     | 2     | IDX    | 1      |            |            | Aggregate |
| Q     | 2     | IDX    | 1      |            |            | Aggregate |
| IDX   | 3     |        | 1      |            |            | Aggregate |
"""
DATA = """
| uCode | a   | b   | c   |
| U1    | 0.2 | 0.6 | 0.5 |
| U2    | 0.4 |     | 0.9 |
"""


def run(method="arithmetic", **params):
    r = Recipe(meta=meta(META), normalise=Step("goalposts", {"scale": 1}), aggregate=Step(method, params))
    return build(r, data(DATA))


def test_the_arithmetic_mean_is_weighted():
    assert run().aggregated.get("U1", "P") == pytest.approx((0.2 + 3 * 0.6) / 4)


def test_the_geometric_mean_is_weighted():
    assert run("geometric").aggregated.get("U1", "P") == pytest.approx(0.2**0.25 * 0.6**0.75)


def test_the_harmonic_mean_is_weighted():
    assert run("harmonic").aggregated.get("U1", "P") == pytest.approx(4 / (1 / 0.2 + 3 / 0.6))


def test_a_missing_child_is_left_out_and_the_others_reweighted():
    assert run().aggregated.get("U2", "P") == pytest.approx(0.4)


def test_a_missing_child_counts_as_zero_under_the_zero_rule():
    assert run(na="zero").aggregated.get("U2", "P") == pytest.approx(0.4 / 4)


def test_a_node_can_override_the_recipes_na_rule():
    nodes = tuple(replace(n, na="zero") if n.code == "b" else n for n in meta(META))
    r = Recipe(meta=nodes, normalise=Step("goalposts", {"scale": 1}))
    assert build(r, data(DATA)).aggregated.get("U2", "P") == pytest.approx(0.1)


def test_aggregates_build_on_aggregates_with_a_mean_chosen_per_level():
    b = run("arithmetic", by_level={3: "geometric"})
    p, q = (0.2 + 1.8) / 4, 0.5
    assert b.aggregated.get("U1", "IDX") == pytest.approx(math.sqrt(p * q))
    assert b.log["aggregate"]["by_aggregate"] == {"P": "arithmetic", "Q": "arithmetic", "IDX": "geometric"}


def test_the_weighted_stage_holds_each_indicators_contribution_to_its_parent():
    b = run()
    assert b.weighted.get("U1", "a") + b.weighted.get("U1", "b") == pytest.approx(b.aggregated.get("U1", "P"))
    assert b.weighted.get("U2", "a") == pytest.approx(0.4)  # alone in P for U2: its share is all the weight
    assert np.isnan(b.weighted.get("U2", "b"))


def test_each_score_comes_with_its_data_availability():
    b = run()
    assert b.flags.availability.row("U2") == {
        "a": 1,
        "b": 0,
        "c": 1,
        "P": 0.5,
        "Q": 1,
        "IDX": pytest.approx(2 / 3),
    }


def test_an_aggregate_with_no_child_present_is_missing_with_availability_zero():
    gaps = "| uCode | a | b | c |\n| U1 | 0.2 | 0.6 | 0.5 |\n| U2 |  |  | 0.9 |"
    r = Recipe(meta=meta(META), normalise=Step("goalposts", {"scale": 1}))
    b = build(r, data(gaps))
    assert np.isnan(b.aggregated.get("U2", "P")) and b.flags.availability.get("U2", "P") == 0
    assert b.aggregated.get("U2", "IDX") == pytest.approx(0.9)


def test_units_are_ranked_with_one_for_the_highest_score():
    b = run()
    assert b.ranks.row("U1")["IDX"] == 2 and b.ranks.row("U2")["IDX"] == 1


def test_a_data_availability_threshold_leaves_an_aggregate_missing_rather_than_complete():
    """One dimension of three is no index: with dat_thresh 0.5 the index needs two of its three children."""
    m = meta(
        """
        | iCode | Level | Parent | Weight | GoalpostLo | GoalpostHi | Type      |
        | a     | 1     | P      | 1      | 0          | 1          | Indicator |
        | b     | 1     | Q      | 1      | 0          | 1          | Indicator |
        | c     | 1     | R      | 1      | 0          | 1          | Indicator |
        | P     | 2     | IDX    | 1      |            |            | Aggregate |
        | Q     | 2     | IDX    | 1      |            |            | Aggregate |
        | R     | 2     | IDX    | 1      |            |            | Aggregate |
        | IDX   | 3     |        | 1      |            |            | Aggregate |
        """
    )
    d = data(
        """
        | uCode | a   | b   | c   |
        | U1    | 0.9 |     |     |
        | U2    | 0.9 | 0.3 |     |
        """
    )

    def index(**params):
        r = Recipe(meta=m, normalise=Step("goalposts", {"scale": 1}), aggregate=Step("arithmetic", params))
        return build(r, d).score("IDX")

    assert index() == {"U1": 0.9, "U2": pytest.approx(0.6)}  # re-weighting alone: U1 looks complete
    assert index(dat_thresh=0.5) == {"U1": None, "U2": pytest.approx(0.6)}
    assert index(dat_thresh={3: 0.5}) == {"U1": None, "U2": pytest.approx(0.6)}
    assert index(dat_thresh={2: 0.5}) == {"U1": 0.9, "U2": pytest.approx(0.6)}  # pillars have one child each


def test_a_bad_data_availability_threshold_is_refused():
    from raqmana.problems import ProblemsError

    with pytest.raises(ProblemsError) as info:
        run(dat_thresh=1.5)
    assert info.value.problems[0].params["name"] == "dat_thresh"
