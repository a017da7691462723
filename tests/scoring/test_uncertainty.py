"""Monte Carlo uncertainty: score and rank intervals, stage stability, national interval."""

import numpy as np
import pytest

from raqmana.scoring import StageRule, Step, UncertaintySpec, analyse_uncertainty, build
from tests.scoring.inline import DATA, data, recipe

STAGED = {"normalise": Step("minmax", {"low": 1, "high": 100}), "stages": (StageRule("gtmi", score_max=100),)}


def test_with_nothing_uncertain_every_run_is_the_nominal_build():
    b = build(recipe(**STAGED), data(DATA))
    u = analyse_uncertainty(b, UncertaintySpec(runs=20))
    assert np.array_equal(u.low.values, b.aggregated.select(b.tree.aggregates).values)
    assert np.array_equal(u.high.values, u.low.values)
    assert (u.stability.values == 1.0).all()
    assert np.array_equal(u.rank_low.values, b.ranks.values)


def test_intervals_contain_the_nominal_score_and_rank():
    b = build(recipe(**STAGED), data(DATA))
    u = analyse_uncertainty(b, UncertaintySpec(runs=500, weight_noise=0.3, aggregate=("geometric",), seed=7))
    assert (u.low.values <= u.nominal.values + 1e-12).all() and (
        u.nominal.values <= u.high.values + 1e-12
    ).all()
    assert (u.rank_low.values <= u.rank.values).all() and (u.rank.values <= u.rank_high.values).all()
    assert u.runs == 500 and u.samples.shape == (500, 4, 3)


def test_stage_stability_is_the_share_of_runs_in_the_nominal_stage():
    b = build(recipe(**STAGED), data(DATA))
    u = analyse_uncertainty(b, UncertaintySpec(runs=300, weight_noise=0.5, normalise=(Step("rank"),), seed=3))
    staged = u.samples[:, :, b.tree.aggregates.index("IDX")]
    from raqmana.scoring.stages import stage_labels

    nominal = stage_labels("gtmi", b.aggregated.col("IDX"), 100)
    expected = (stage_labels("gtmi", staged, 100) == nominal).mean(axis=0)
    assert u.stability.col("IDX") == pytest.approx(expected)
    assert 0 < float(u.stability.col("IDX").min()) < 1


def test_the_recipes_uncertainty_settings_are_used_and_are_reproducible():
    spec = UncertaintySpec(runs=100, weight_noise=0.25, impute=(Step("mean"),), seed=11)
    b = build(recipe(uncertainty=spec, **STAGED), data(DATA.replace("| 0  | 10 |", "|    | 10 |")))
    first, second = analyse_uncertainty(b), analyse_uncertainty(b)
    assert np.array_equal(first.samples, second.samples)
    assert first.choices.impute == (Step("none"), Step("mean"))


def test_its_rows_hold_one_line_per_unit_and_aggregate():
    b = build(recipe(**STAGED), data(DATA))
    rows = analyse_uncertainty(b, UncertaintySpec(runs=10, weight_noise=0.1)).to_rows()
    assert len(rows) == 4 * 3
    assert set(rows[0]) == {
        "uCode",
        "node",
        "nominal",
        "low",
        "median",
        "high",
        "rank",
        "rank_low",
        "rank_high",
        "stage_stability",
    }


def test_a_geometric_alternative_meeting_a_zero_fails_its_runs_not_the_analysis():
    """Min-max to 0–100 gives U1 a 0 on 'a': every geometric run fails, as in COINr they are recorded
    with their reason and left out; the arithmetic runs still give the intervals."""
    b = build(recipe(), data(DATA))  # the nominal build (arithmetic) is fine
    u = analyse_uncertainty(b, UncertaintySpec(runs=400, weight_noise=0.2, aggregate=("geometric",), seed=5))
    assert u.attempted == 400 and 150 < u.runs < 250  # about half the runs drew the geometric mean
    [failed] = u.failed
    assert (failed["choice"], failed["runs"], failed["share"]) == ("aggregate: geometric", 400 - u.runs, 1.0)
    assert "'U1'" in failed["reason"]["en"] and "'a'" in failed["reason"]["en"]
    [w] = u.warnings
    assert w.code.id == "SC109" and "aggregate: geometric" in w.message("ar")
    assert not np.isnan(u.low.values).any()
    assert (u.low.values <= u.nominal.values + 1e-12).all() and (
        u.nominal.values <= u.high.values + 1e-12
    ).all()


def test_too_few_successful_runs_are_refused_with_the_recipes_threshold():
    from raqmana.problems import ProblemsError

    b = build(recipe(), data(DATA))
    spec = UncertaintySpec(runs=200, weight_noise=0.2, aggregate=("geometric",), seed=5, min_success=0.9)
    with pytest.raises(ProblemsError) as info:
        analyse_uncertainty(b, spec)
    [p] = info.value.problems
    assert p.code.id == "SC042" and "aggregate: geometric" in p.message("en") and "90 %" in p.message("en")


def test_the_outlier_treatment_and_the_weight_noise_per_level_can_vary():
    """As COINr's get_sensitivity varies Treat's winmax: here winsorisation is drawn against none, and
    only the pillar weights (level 2) are perturbed."""
    from raqmana.scoring import Recipe, sensitivity
    from raqmana.scoring.montecarlo import Engine, choices_of

    b = build(recipe(treat=Step("winsorise", {"winmax": 1}), **STAGED), data(DATA))
    spec = UncertaintySpec(runs=200, treat=(Step("none"),), noise_by_level={2: 0.4}, seed=11)
    u = analyse_uncertainty(b, spec)
    assert u.runs == 200 and not np.isnan(u.samples).any()
    assert sensitivity(b, spec, n=8).factors == ("weights", "treat")

    e = Engine(b, choices_of(b, spec))
    assert [e.choices.label("treat", i) for i in (0, 1)] == ["treat: winsorise {winmax: 1}", "treat: none"]
    w = e.noisy_weights(np.random.default_rng(1), 50, 0.0, {2: 0.4})
    levels = np.array([b.tree.level[c] for c in b.tree.codes])
    assert (w[:, levels != 2] == e.weights0[levels != 2]).all()  # indicators and the index untouched
    assert (w[:, levels == 2] != e.weights0[levels == 2]).all()

    back = Recipe.from_dict(b.recipe.with_(uncertainty=spec).to_dict()).uncertainty
    assert back is not None and back.treat == (Step("none"),) and back.noise_by_level == {2: 0.4}


def test_quantiles_leave_a_missing_run_out():
    """A run that has no score for a unit (NaN) changes nothing in that unit's quantiles."""
    from raqmana.scoring.uncertainty import _quantiles

    col = np.random.default_rng(0).random((501, 40))
    with_gap = np.vstack([col, np.full((1, 40), np.nan)])
    for qs, methods in (([0.05, 0.5, 0.95], None), ([0.1, 0.9], ["lower", "higher"])):
        assert np.array_equal(_quantiles(col, qs, methods), _quantiles(with_gap, qs, methods))
    assert _quantiles(col, [0.5])[0] == pytest.approx(np.median(col, axis=0))
