"""Benefit of the doubt (``aggregate: bod``): each unit's weights by a linear programme, as Compind's ci_bod."""

import numpy as np
import pytest

from raqmana.problems import ProblemsError
from raqmana.scoring import Recipe, Step, UncertaintySpec, analyse_uncertainty, build, sensitivity
from raqmana.scoring.bod import bod_scores, frontier
from tests.scoring.inline import data, meta

#: four units, two indicators: A and B are each best at one, C = 0.8 × (A + B) / 2, D = 0.4 × (A + B) / 2
Y = np.array([[4.0, 1.0], [1.0, 4.0], [2.0, 2.0], [1.0, 1.0]])

META = """
| iCode | Parent | Weight | Type      |
| a     | IDX    | 5      | Indicator |
| b     | IDX    | 1      | Indicator |
| IDX   |        | 1      | Aggregate |
"""
DATA = """
| uCode | a | b |
| A     | 4 | 1 |
| B     | 1 | 4 |
| C     | 2 | 2 |
| D     | 1 | 1 |
"""


def test_scores_solved_by_hand():
    # A and B are on the frontier (1); C reaches it at 2/2.5 along its ray, D at 1/2.5
    assert bod_scores(Y) == pytest.approx([1.0, 1.0, 0.8, 0.4], abs=1e-9)


def test_bounded_shares_by_hand():
    # at most 60 % of a unit's score from one indicator: A's best is w_b = 8/3 w_a with w_a + 4 w_b = 1,
    # so 4 w_a + w_b = 20/3 · 3/35 = 4/7; C and D keep their balanced weights
    assert bod_scores(Y, 0.0, 0.6) == pytest.approx([4 / 7, 4 / 7, 0.8, 0.4], abs=1e-9)


def test_only_undominated_units_bind_and_a_unit_with_a_gap_has_no_score():
    assert frontier(Y).tolist() == [[4.0, 1.0], [1.0, 4.0], [2.0, 2.0]]
    gap = np.vstack([Y, [[np.nan, 3.0]]])
    scores = bod_scores(gap)
    assert np.isnan(scores[-1]) and scores[:4] == pytest.approx([1.0, 1.0, 0.8, 0.4], abs=1e-9)


def test_in_a_build_the_recipes_weights_are_not_used():
    b = build(
        Recipe(meta=meta(META), normalise=Step("minmax", {"low": 1, "high": 4}), aggregate=Step("bod")),
        data(DATA),
    )
    assert [b.score("IDX")[u] for u in "ABCD"] == pytest.approx([1.0, 1.0, 0.8, 0.4], abs=1e-9)
    assert "linear programme" in b.methodology("en")


def test_bounds_that_the_children_cannot_meet_are_refused():
    recipe = Recipe(meta=meta(META), aggregate=Step("bod", {"share_max": 0.4}))  # 2 × 0.4 < 1
    with pytest.raises(ProblemsError) as info:
        build(recipe, data(DATA))
    assert info.value.problems[0].code.id == "SC020" and "share_max" in info.value.problems[0].message("en")
    with pytest.raises(ProblemsError) as info:
        build(
            Recipe(meta=meta(META), aggregate=Step("bod", {"share_min": 0.7, "share_max": 0.5})), data(DATA)
        )
    assert info.value.problems[0].code.id == "SC020"


def test_it_is_not_repeated_in_a_monte_carlo():
    b = build(Recipe(meta=meta(META), aggregate=Step("bod")), data(DATA))
    for run in (
        lambda: analyse_uncertainty(b, UncertaintySpec(runs=10, weight_noise=0.1)),
        lambda: sensitivity(b, UncertaintySpec(weight_noise=0.1), n=8),
    ):
        with pytest.raises(ProblemsError) as info:
            run()
        assert info.value.problems[0].code.id == "SC052"
    plain = build(Recipe(meta=meta(META)), data(DATA))
    with pytest.raises(ProblemsError) as info:
        analyse_uncertainty(plain, UncertaintySpec(runs=10, aggregate=("bod",)))
    assert info.value.problems[0].location.path == "uncertainty.aggregate"


def test_the_frontier_rows_give_the_same_scores_as_every_row():
    from scipy.optimize import linprog

    rng = np.random.default_rng(3)
    y = rng.random((300, 4)) * 100
    scores = bod_scores(y)
    for j in range(0, 300, 15):  # the full programme: every unit's constraint, none left out
        full = linprog(-y[j], A_ub=y, b_ub=np.ones(300), bounds=(0, None), method="highs")
        assert scores[j] == pytest.approx(-full.fun, abs=1e-9)
    assert scores.max() == pytest.approx(1.0) and (scores > 0).all()


@pytest.mark.parametrize("children", [1, 2, 3, 5, 6])
def test_the_corners_of_the_free_weights_give_each_units_linear_programme(monkeypatch, children):
    """Free weights: the best corner of the shared region is each unit's optimum, as its own programme
    says (the corners are skipped when they are too many: monkeypatched to 0 here)."""
    from raqmana.scoring import bod

    rng = np.random.default_rng(children)
    y = np.round(rng.random((400, children)) * 100, 1)
    y[:5] = y[5:10]  # duplicate units
    if children > 2:
        y[:, 1] = 0.0  # a child that is 0 everywhere
    fast = bod_scores(y)
    monkeypatch.setattr(bod, "VERTEX_CHILDREN", 0)
    monkeypatch.setattr(bod, "_by_corners", lambda data, rows: None)
    assert fast == pytest.approx(bod_scores(y), abs=1e-9)
