"""The digital divide across governorates, institution types, regions, and survey groups."""

import math

import pytest

from raqmana.analysis import Institution, SurveyResponse, institution_divide, survey_divide
from raqmana.problems import ProblemsError

INSTITUTIONS = {
    "moh": Institution("moh", "ministry", "Baghdad", "federal"),
    "moe": Institution("moe", "ministry", "Baghdad", "federal"),
    "gov-basra": Institution("gov-basra", "governorate", "Basra", "federal"),
    "gov-erbil": Institution("gov-erbil", "governorate", "Erbil", "krg"),
}
SCORES = {"moh": 3.0, "moe": 3.0, "gov-basra": 1.0, "gov-erbil": 1.0}


def test_overall_inequality_matches_the_hand_computation():
    report = institution_divide(SCORES, INSTITUTIONS)
    # [1,1,3,3]: Σ|xi−xj| = 8 pairs·2 = 16; n²=16; μ=2 → Gini = 16/(2·16·2) = 0.25
    assert report.gini == pytest.approx(0.25)
    assert report.theil == pytest.approx(0.25 * math.log(0.5) + 0.75 * math.log(1.5))
    assert report.mean == 2.0 and report.n == 4


def test_institution_type_explains_the_whole_divide():
    report = institution_divide(SCORES, INSTITUTIONS)
    by_type = report.dimension("type")
    assert [(g.group, g.mean) for g in by_type.groups] == [("governorate", 1.0), ("ministry", 3.0)]
    assert by_type.gap == 2.0 and by_type.ratio == pytest.approx(1 / 3)
    assert by_type.between_share == pytest.approx(1.0) and by_type.theil_within == pytest.approx(0.0)
    assert by_type.furthest_behind == ["governorate"]
    by_gov = report.dimension("governorate")
    assert by_gov.furthest_behind == ["Basra", "Erbil"]
    region = report.dimension("region")
    assert [(g.group, g.n) for g in region.groups] == [("krg", 1), ("federal", 3)]


def test_the_units_furthest_behind_come_first():
    report = institution_divide({**SCORES, "moi": 0.5}, INSTITUTIONS, bottom=2)
    assert [u.id for u in report.furthest_behind] == ["moi", "gov-basra"]
    assert report.furthest_behind[0].attributes["type"] == ""  # no metadata: kept, unspecified
    assert "unspecified" in [g.group for g in report.dimension("type").groups]


def test_survey_divide_by_sex_age_and_area():
    responses = [
        SurveyResponse("r1", 0.8, sex="male", age_group="18-29", area="urban"),
        SurveyResponse("r2", 0.6, sex="male", age_group="60+", area="rural"),
        SurveyResponse("r3", 0.4, sex="female", age_group="18-29", area="urban"),
        SurveyResponse("r4", 0.2, sex="female", age_group="60+", area="rural"),
    ]
    report = survey_divide(responses)
    sex = report.dimension("sex")
    assert [(g.group, g.mean) for g in sex.groups] == [
        ("female", pytest.approx(0.3)),
        ("male", pytest.approx(0.7)),
    ]
    assert sex.furthest_behind == ["female"]
    assert report.dimension("area").furthest_behind == ["rural"]
    assert [d.dimension for d in report.dimensions] == ["sex", "age_group", "area"]  # no governorate data
    assert report.to_dict()["dimensions"][0]["groups"][0]["group"] == "female"


def test_no_units_is_a_problem_not_a_crash():
    with pytest.raises(ProblemsError):
        institution_divide({}, INSTITUTIONS)
