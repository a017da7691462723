"""Stages, groups and tiers of the published indices (scores of Iraq and its peers)."""

import pytest

from raqmana.scoring import StageRule, build
from raqmana.scoring.stages import stage_labels
from tests.scoring.inline import DATA, data, recipe


def test_maturity_ladder_stage_is_the_whole_part_of_a_0_to_5_score():
    assert stage_labels("ladder", [0, 2.9999999999, 3.2, 5]).tolist() == ["0", "3", "3", "5"]


def test_gtmi_groups_follow_the_world_bank_thresholds():
    # Iraq 2020 0.186 (D), 2025 0.464 (C); Jordan 2025 0.914 (A)
    assert stage_labels("gtmi", [0.186, 0.464, 0.5, 0.914]).tolist() == ["D", "C", "B", "A"]


def test_egdi_groups_and_rating_classes():
    # 2024: Iraq 0.4572 M/MH, Jordan 0.6849 H/H3, Saudi Arabia 0.9602 VH/VH; 0.75 is still High
    scores = [0.4572, 0.6849, 0.9602, 0.75]
    assert stage_labels("egdi", scores).tolist() == ["M", "H", "VH", "H"]
    assert stage_labels("egdi_class", scores).tolist() == ["MH", "H3", "VH", "HV"]


def test_compass_stage_is_the_whole_part_of_a_1_to_599_score():
    assert stage_labels("compass", [3.19, 1.0, 5.99, 2.08]).tolist() == ["3", "1", "5", "2"]


def test_gci_tiers():
    assert stage_labels("gci", [20.71, 70.96, 95.48, 19.9]).tolist() == ["T4", "T3", "T1", "T5"]


def test_a_scheme_reads_a_rescaled_score_and_a_missing_score_has_no_stage():
    assert stage_labels("gtmi", [46.4, float("nan")], score_max=100).tolist() == ["C", ""]


def test_a_build_assigns_stages_to_the_nodes_of_each_rule():
    b = build(recipe(stages=(StageRule("gtmi", score_max=100), StageRule("egdi", ("IDX",), 100))), data(DATA))
    assert b.stages["gtmi"].columns == ("P", "Q", "IDX")
    assert b.stages["egdi"].columns == ("IDX",)
    idx = b.aggregated.get("U1", "IDX")
    assert b.stage("IDX", "gtmi")["U1"] == stage_labels("gtmi", [idx], 100)[0]
    assert idx == pytest.approx(b.score("IDX")["U1"])
