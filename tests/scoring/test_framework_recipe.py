"""From an assessment framework to an index: hierarchy, goalposts on 0–5, weights, N/A, stages."""

import math

import pytest

from raqmana.scoring import UncertaintySpec, analyse_uncertainty
from raqmana.scoring.framework_recipe import dataset_from_responses, from_framework, recipe_from_framework
from tests.scoring.inline import small_framework

RESPONSES = {
    "MoF": {"L-1": 4, "L-2": "yes", "D-1": 60, "D-2": 10, "D-3": "some", "D-4": "free text"},
    "MoH": {"L-1": 1, "L-2": None, "D-1": 20, "D-2": 40, "D-3": "none"},
    "MoE": {"L-1": 3, "L-2": False, "D-1": None, "D-2": 25, "D-3": "full"},
}


def test_the_recipe_follows_the_frameworks_hierarchy_weights_and_direction():
    r = recipe_from_framework(small_framework())
    assert [(n.code, n.parent, n.level) for n in r.meta] == [
        ("L-1", "LEG.1", 1),
        ("L-2", "LEG.1", 1),
        ("LEG.1", "LEG", 2),
        ("LEG", "mini", 3),
        ("D-1", "DAT.1", 1),
        ("D-2", "DAT.1", 1),
        ("D-3", "DAT.1", 1),
        ("DAT.1", "DAT", 2),
        ("DAT", "mini", 3),
        ("mini", "", 4),
    ]
    assert (r.node("L-1").weight, r.node("DAT").weight, r.node("D-2").direction) == (3, 2, -1)
    assert (r.node("L-1").lo, r.node("L-1").hi, r.node("D-1").hi, r.node("D-2").hi) == (0, 5, 100, 50)
    assert (r.node("L-2").na, r.node("L-1").na) == ("zero", "reweight")


def test_answers_are_put_on_the_0_to_5_maturity_scale():
    b = from_framework(small_framework(), RESPONSES)
    assert b.normalised.row("MoF") == {"L-1": 4, "L-2": 5, "D-1": 3, "D-2": 4, "D-3": 2.5}
    assert b.normalised.row("MoH")["L-2"] is None  # N/A stays N/A until aggregation


def test_scores_per_institution_pillar_and_index_with_stages():
    b = from_framework(small_framework(), RESPONSES)
    # MoH: LEG = (3·1 + 1·0)/4 — its N/A on the data law counts as zero; DAT = (1 + 1 + 0)/3
    assert b.aggregated.get("MoH", "LEG") == pytest.approx(0.75)
    assert b.aggregated.get("MoH", "DAT") == pytest.approx(2 / 3)
    assert b.aggregated.get("MoH", "mini") == pytest.approx((0.75 + 2 * 2 / 3) / 3)
    # MoE: the missing percentage is left out of DAT (reweighting), D-2 = (50 − 25)/50·5 = 2.5, D-3 = 5
    assert b.aggregated.get("MoE", "DAT") == pytest.approx(3.75)
    assert b.stage("LEG")["MoF"] == str(math.floor((3 * 4 + 5) / 4))
    assert b.stage("mini")["MoH"] == "0"


def test_the_national_score_and_its_interval_come_from_the_same_build():
    b = from_framework(small_framework(), RESPONSES, uncertainty=UncertaintySpec(runs=200, weight_noise=0.2))
    u = analyse_uncertainty(b)
    nominal = b.national()["mini"]
    assert u.national.get("nominal", "mini") == pytest.approx(nominal)
    assert u.national.get("low", "mini") <= nominal <= u.national.get("high", "mini")


def test_text_answers_are_not_scored_and_unknown_indicators_are_warned_about():
    d = dataset_from_responses(small_framework(), {"MoF": {"L-1": 2, "ZZ-1": 3}})
    assert "D-4" not in d.columns
    assert [w.code.id for w in d.warnings] == ["SC107"]


def test_a_geometric_framework_index_refuses_stage_zero_answers():
    from raqmana.problems import ProblemsError

    with pytest.raises(ProblemsError) as info:
        from_framework(small_framework(), RESPONSES, aggregation="geometric")
    assert info.value.problems[0].code.id == "SC022"
