"""Survey sampling error in the Monte Carlo: each run's survey values come from a bootstrap of the
respondents (multinomial counts over their distinct scores, within strata of design weight), seeded per
run, and widen the score intervals as much as few respondents warrant."""

from __future__ import annotations

import numpy as np
import pytest
from tests.scoring.inline import small_framework

from raqmana.scoring import UncertaintySpec, analyse_uncertainty
from raqmana.scoring.framework_recipe import from_framework
from raqmana.surveys.sampling import bootstrap_columns, bootstrap_means, group_counts

RESPONSES = {
    "MoF": {"L-1": 4, "L-2": "yes", "D-1": 60, "D-2": 10, "D-3": "some"},
    "MoH": {"L-1": 1, "L-2": "no", "D-1": 20, "D-2": 40, "D-3": "none"},
    "MoE": {"L-1": 3, "L-2": "yes", "D-1": 35, "D-2": 25, "D-3": "full"},
}


def _respondents(n: int, share: float = 0.6) -> np.ndarray:
    """n respondents, ``share`` of them scoring 100 and the others 0 (a mean of 100 × share)."""
    yes = round(n * share)
    return np.array([100.0] * yes + [0.0] * (n - yes))


def test_respondents_with_the_same_score_and_weight_are_one_cell() -> None:
    gc = group_counts(np.array([0.0, 100.0, 100.0, np.nan, 50.0, 100.0]), np.ones(6))
    assert gc.values[:, 0].tolist() == [0.0, 50.0, 100.0] and gc.counts.tolist() == [1, 1, 3]
    assert gc.n == 5 and gc.strata == 1 and gc.mean() == pytest.approx(70.0)


def test_the_bootstrap_spread_is_the_sampling_error_of_a_mean() -> None:
    few, many = group_counts(_respondents(10), np.ones(10)), group_counts(_respondents(1000), np.ones(1000))
    drawn = bootstrap_means([[few, many]], 2000, seed=5)[0]
    assert drawn.shape == (2000, 2)
    assert drawn.mean(axis=0) == pytest.approx([60.0, 60.0], abs=1.0)
    # a proportion's standard error: 100 × sqrt(p (1 − p) / n)
    assert drawn[:, 0].std() == pytest.approx(100 * np.sqrt(0.24 / 10), rel=0.1)
    assert drawn[:, 1].std() == pytest.approx(100 * np.sqrt(0.24 / 1000), rel=0.1)


def test_identical_seeds_give_identical_draws_and_each_run_has_its_own() -> None:
    groups = [[group_counts(_respondents(40, 0.3), np.ones(40))]]
    first, again = bootstrap_means(groups, 50, seed=7)[0], bootstrap_means(groups, 50, seed=7)[0]
    assert np.array_equal(first, again)
    assert np.array_equal(bootstrap_means(groups, 20, seed=7)[0], first[:20])  # run r does not depend on 50
    assert not np.array_equal(bootstrap_means(groups, 50, seed=8)[0], first)


def test_design_weights_are_resampled_within_their_strata() -> None:
    # two strata of 50 (weights 1 and 3), each with one score: every draw keeps 50 of each, so the
    # weighted mean cannot move; a bootstrap across the strata would move it
    values = np.array([0.0] * 50 + [100.0] * 50)
    weights = np.array([1.0] * 50 + [3.0] * 50)
    gc = group_counts(values, weights)
    assert gc.strata == 2
    drawn = bootstrap_means([[gc]], 200, seed=1)[0][:, 0]
    assert np.allclose(drawn, 75.0)
    pooled = group_counts(values, np.ones(100))
    assert bootstrap_means([[pooled]], 200, seed=1)[0][:, 0].std() > 1.0


def _interval_width(sampled: dict[str, np.ndarray] | None, runs: int = 300) -> float:
    b = from_framework(small_framework(), RESPONSES)
    u = analyse_uncertainty(b, UncertaintySpec(runs=runs, seed=4), sampled=sampled)
    low, high = u.interval("MoF", "mini")
    return high - low


def _mof_sampled(n: int, runs: int = 300) -> dict[str, np.ndarray]:
    """D-1 of MoF (60) drawn from n respondents, the other institutions' values fixed."""
    values = np.full((runs, 3), np.nan)
    values[:, 0] = bootstrap_means([[group_counts(_respondents(n), np.ones(n))]], runs, seed=9)[0][:, 0]
    return {"D-1": values}


def test_few_respondents_give_a_wider_score_interval_than_many_with_the_same_proportions() -> None:
    assert _interval_width(None) == 0.0  # nothing else varies: the interval is the sampling error alone
    few, many = _interval_width(_mof_sampled(10)), _interval_width(_mof_sampled(1000))
    assert few > 3 * many > 0


def test_sampled_values_are_reported_and_identical_seeds_give_identical_results() -> None:
    b = from_framework(small_framework(), RESPONSES)
    spec = UncertaintySpec(runs=300, weight_noise=0.2, seed=4)
    first = analyse_uncertainty(b, spec, sampled=_mof_sampled(25))
    again = analyse_uncertainty(b, spec, sampled=_mof_sampled(25))
    assert first.sampled == ("D-1",) and np.array_equal(first.samples, again.samples)
    assert analyse_uncertainty(b, spec).sampled == ()
    with pytest.raises(ValueError):
        analyse_uncertainty(b, spec, sampled=_mof_sampled(25, runs=10))


def test_the_chain_draws_its_survey_indicators_in_every_run_and_says_so() -> None:
    from dataclasses import replace

    from tests.surveys.test_survey_indicators import _inputs

    from raqmana.frameworks import load_or_raise
    from raqmana.frameworks.illustrative import illustrative_answers
    from raqmana.i18n import Translated
    from raqmana.pipeline import ChainOptions, InstitutionMeta, country_for, run_chain
    from raqmana.pipeline.surveys import sampled_respondents, survey_samples

    fw = load_or_raise("iraq-dla")
    codes = ["comsec", "moh", "moe", "mof"]
    insts = {c: InstitutionMeta(c, Translated.of(c, c, c), "ministry") for c in codes}
    responses = illustrative_answers(fw, codes, seed=3)
    inputs = replace(_inputs(), respondents={"civil_servants": 30, "citizens_eservices": 0, "other": 9})
    options = ChainOptions(country=country_for(fw.id), plan=False, mc_runs=80, surveys=inputs)
    first, again = (run_chain(fw, responses, insts, options) for _ in range(2))
    assert first.uncertainty is not None and again.uncertainty is not None
    assert set(first.uncertainty.sampled) == {"SKL-S1", "SRV-S1"}
    assert np.array_equal(first.uncertainty.samples, again.uncertainty.samples)
    assert sampled_respondents(inputs, first.uncertainty.sampled) == 30
    assert first.survey_sampled == 30  # what the results page says
    chapter = first.inputs.chapters[-1]("en", None)
    assert any("sampling error" in getattr(b, "text", "") and "n = 30" in b.text for b in chapter.blocks)
    # the methodology says it in each language
    assert first.inputs.methodology["en"].endswith(
        "sampling error: in each run the survey indicators are "
        "computed again from a bootstrap sample of their respondents (with replacement, within each institution "
        "or the country and within strata of equal design weight; n = 30 respondents)."
    )
    assert (
        "n = 30" in first.inputs.methodology["ar"]
        and "bootstrap sample" not in first.inputs.methodology["ar"]
    )
    units = first.build.units
    drawn = survey_samples(inputs, units, insts, "comsec", runs=80, seed=2026)
    # the country's value on the lead institution varies; a ministry whose 12 respondents agree cannot
    national = drawn["SRV-S1"][:, units.index("comsec")]
    assert national.std() > 1.0 and abs(national.mean() - 40.0) < 3.0
    assert np.all(drawn["SKL-S1"][:, units.index("moh")] == 100.0)
    assert np.isnan(drawn["SKL-S1"][:, units.index("mof")]).all()


def test_weights_that_differ_for_everyone_do_not_make_strata_of_one() -> None:
    # raked weights: each respondent its own weight; strata of one would freeze the mean
    rng = np.random.default_rng(3)
    values, weights = _respondents(60, 0.5), rng.uniform(0.5, 2.0, 60)
    gc = group_counts(values, weights)
    assert gc.strata == 1 and gc.n == 60
    assert bootstrap_means([[gc]], 300, seed=2)[0][:, 0].std() > 2.0


def test_the_topics_of_one_survey_are_drawn_from_the_same_respondents() -> None:
    # topic b is topic a for the first 40 respondents and unanswered by the last 20 (who score 100 on a)
    a = np.r_[_respondents(40, 0.5), np.full(20, 100.0)]
    b = np.r_[_respondents(40, 0.5), np.full(20, np.nan)]
    gc = group_counts(np.column_stack([a, b]), np.ones(60))
    assert gc.mean(0) == pytest.approx(200 / 3) and gc.mean(1) == pytest.approx(50.0)
    on_a, on_b = bootstrap_columns([[(gc, 0)], [(gc, 1)]], 400, seed=6)
    # one draw of the respondents for both: the runs that drew more of the first 40's high scorers
    # are high on both topics (drawn independently the correlation would be about 0)
    assert np.corrcoef(on_a[:, 0], on_b[:, 0])[0, 1] > 0.5
    assert on_b.mean() == pytest.approx(50.0, abs=2.0)


def test_a_surveys_indicators_share_its_compressed_respondents() -> None:
    from tests.surveys.test_survey_indicators import _lookup, _subs, _survey

    from raqmana.surveys.indicators import IndicatorSpec, indicator_values, joint_groups
    from raqmana.surveys.perception import score

    results = score(_survey(), _subs())
    skills = IndicatorSpec(id="S-1", survey="staff", topic="skills", sub_area="X", min_respondents=10)
    blocks = skills.model_copy(update={"id": "S-2", "topic": "bottlenecks"})
    joint = joint_groups(results, ["skills", "bottlenecks"], institution_of=_lookup)
    one, two = (indicator_values(s, results, institution_of=_lookup, joint=joint) for s in (skills, blocks))
    assert one.sampling[""][0] is two.sampling[""][0] and (one.sampling[""][1], two.sampling[""][1]) == (0, 1)
    assert one.sampling["moh"][0] is joint.groups["moh"] and one.sampling["moh"][0].n == 12
    assert joint_groups(results, []).groups == {}  # a survey without indicators
    alone = indicator_values(skills, results, institution_of=_lookup)
    assert (
        alone.sampling[""][0].mean()
        == pytest.approx(one.national.value)
        == pytest.approx(joint.groups[""].mean(0))
    )
