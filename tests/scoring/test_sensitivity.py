"""Variance-based sensitivity (Sobol indices computed by SALib)."""

import pytest

from raqmana.scoring import Dataset, Node, Recipe, Step, UncertaintySpec, build, sensitivity, sobol_indices


def test_sobol_indices_of_an_additive_model_are_the_shares_of_variance():
    # y = x1 + 2·x2 on uniforms: variances 1/12 and 4/12, so S1 = 0.2 and 0.8, no interaction
    result = sobol_indices(["x1", "x2"], lambda x: x[:, 0] + 2 * x[:, 1], n=1024)
    assert result.first == pytest.approx((0.2, 0.8), abs=0.03)
    assert result.total == pytest.approx((0.2, 0.8), abs=0.03)
    assert sum(result.first) == pytest.approx(1, abs=0.03)


def test_a_factor_the_output_does_not_depend_on_has_no_index():
    result = sobol_indices(["x1", "x2", "x3"], lambda x: x[:, 0] ** 2, n=512)
    assert result.total[1] == pytest.approx(0, abs=0.01) and result.total[2] == pytest.approx(0, abs=0.01)
    assert result.total[0] == pytest.approx(1, abs=0.05)


def test_only_the_choice_that_moves_the_ranks_matters_in_a_build():
    # min-max separates the units; ranks tie them all: only normalisation moves the ranks.
    # Nothing is missing, so the alternative imputation changes nothing.
    meta = (Node("a", parent="IDX"), Node("b", parent="IDX"), Node("IDX", type="Aggregate"))
    d = Dataset.from_arrays(["U1", "U2", "U3", "U4"], ["a", "b"], [[0, 3], [1, 2], [2, 1], [100, 0]])
    b = build(Recipe(meta=meta), d)
    spec = UncertaintySpec(impute=(Step("mean"),), normalise=(Step("rank"),))
    result = sensitivity(b, spec, n=256)
    s = dict(zip(result.factors, result.total, strict=True))
    assert s["impute"] == pytest.approx(0, abs=0.02)
    assert s["normalise"] == pytest.approx(1, abs=0.05)
    assert dict(zip(result.factors, result.first, strict=True))["normalise"] == pytest.approx(1, abs=0.1)
