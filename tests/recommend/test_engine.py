"""Generating recommendations: which rules fire, for whom, and the values that made them fire."""

import pytest

from raqmana.problems import ProblemsError
from raqmana.recommend import describe, generate
from raqmana.recommend.explain import explain
from raqmana.recommend.fromscores import assessment_from_scores
from tests.recommend.inline import assessment, institution, mini_framework, rule, rulebase

FW = mini_framework()


def _three():
    return assessment(
        institution("moi", stages={"LEG-01": 1, "SRV-01": 1, "SRV-02": 10, "IDS-01": 2}),
        institution("basra", "governorate", stages={"LEG-01": 2, "SRV-01": 0, "SRV-02": 80}),
        institution("mof", stages={"LEG-01": 5, "SRV-01": 4, "LEG-02": "na"}, no_evidence=["SRV-01"]),
    )


def _by_id(recs):
    return {r.id: r for r in recs.recommendations}


def test_it_fires_a_national_rule_on_the_mean_of_the_institutions_and_explains_it():
    recs = generate(rulebase(rule("LEG-R1", "LEG", "LEG-01 < 3")), FW, _three())
    rec = _by_id(recs)["LEG-R1"]
    assert rec.institution is None and rec.scope.value == "national"
    assert [(t.subject, t.value) for t in rec.triggers] == [("LEG-01", pytest.approx(8 / 3, abs=1e-3))]
    assert describe(rec.triggers[0], FW, "en") == "stage of LEG-01 «Indicator LEG-01» = 2.7  [LEG-01 < 3]"


def test_it_fires_an_institution_rule_only_where_every_condition_holds():
    rb = rulebase(rule("SRV-R1", "SRV", "SRV-01 < 3", "type in [ministry]", scope="institution"))
    recs = generate(rb, FW, _three())
    assert list(_by_id(recs)) == ["SRV-R1@moi"]
    rec = recs.for_institution("moi")[0]
    assert [(t.subject, t.value) for t in rec.triggers] == [("SRV-01", 1.0), ("type", "ministry")]
    assert rec.owner == "moi" and rec.institution_type == "ministry"


def test_it_explains_triggers_in_arabic_and_sorani_with_the_actual_value():
    rb = rulebase(rule("SRV-R1", "SRV", "SRV-02 < 50", scope="institution"))
    rec = generate(rb, FW, _three()).for_institution("moi")[0]
    assert explain(rec, FW, "en") == ["answer to SRV-02 «Indicator SRV-02» = 10  [SRV-02 < 50]"]
    assert explain(rec, FW, "ar") == ["إجابة SRV-02 «Indicator SRV-02 (ar)» = ١٠  [SRV-02 < 50]"]
    assert explain(rec, FW, "ckb") == ["وەڵامی SRV-02 «Indicator SRV-02 (ckb)» = ١٠  [SRV-02 < 50]"]


def test_a_pillar_score_is_the_mean_ladder_stage_times_20_unless_given():
    a = assessment(
        institution("a", stages={"LEG-01": 1, "LEG-02": 2}),
        institution("b", stages={"LEG-01": 1, "LEG-02": 2}, pillar_scores={"LEG": 90}),
    )
    rb = rulebase(
        rule("LEG-R1", "LEG", "score(LEG) < 50", "gap(LEG) >= 20", scope="institution"), targets={"LEG": 70}
    )
    recs = generate(rb, FW, a)
    assert list(_by_id(recs)) == ["LEG-R1@a"]
    assert [t.value for t in recs.recommendations[0].triggers] == [30.0, 40.0]


def test_a_comparison_with_no_answer_is_false_and_missing_is_its_own_condition():
    rb = rulebase(
        rule("R-lt", "LEG", "LEG-02 < 9", scope="institution"),
        rule("R-missing", "LEG", "LEG-02 missing", scope="institution"),
    )
    recs = generate(rb, FW, _three())
    # moi and basra did not answer LEG-02; mof answered "not applicable", which is an answer
    assert sorted(_by_id(recs)) == ["R-missing@basra", "R-missing@moi"]
    assert recs.for_institution("moi")[0].triggers[0].value is None


def test_any_lists_only_the_conditions_that_held_and_none_blocks_the_rule():
    rb = rulebase(
        rule("R-any", "SRV", scope="institution", when={"any": ["SRV-01 < 1", "SRV-02 < 50"]}),
        rule(
            "R-none",
            "SRV",
            scope="institution",
            when={"all": ["SRV-01 < 3"], "none": ["type == governorate"]},
        ),
    )
    recs = _by_id(generate(rb, FW, _three()))
    assert sorted(recs) == ["R-any@basra", "R-any@moi", "R-none@moi"]
    assert [t.condition for t in recs["R-any@basra"].triggers] == ["SRV-01 < 1"]
    assert [t.condition for t in recs["R-any@moi"].triggers] == ["SRV-02 < 50"]
    assert [(t.group, t.value) for t in recs["R-none@moi"].triggers] == [("all", 1.0), ("none", "ministry")]


def test_fired_and_not_fired_follow_other_rules_whatever_their_order_in_the_file():
    rb = rulebase(
        rule("B", "SRV", "fired(A)", scope="institution"),
        rule("C", "SRV", "not fired(A)", scope="institution"),
        rule("A", "SRV", "SRV-01 < 2", scope="institution"),
    )
    recs = _by_id(generate(rb, FW, _three()))
    assert sorted(recs) == ["A@basra", "A@moi", "B@basra", "B@moi", "C@mof"]


def test_share_counts_the_institutions_that_answered():
    rb = rulebase(
        rule("R-share", "SRV", "share(SRV-02 < 50) >= 0.5"),
        rule("R-share-high", "SRV", "share(SRV-02 < 50) > 0.5"),
    )
    recs = _by_id(generate(rb, FW, _three()))
    assert list(recs) == ["R-share"]  # moi below 50, basra above, mof did not answer: 1 of 2
    assert recs["R-share"].triggers[0].value == 0.5
    assert describe(recs["R-share"].triggers[0], FW, "en").startswith(
        "share of institutions where SRV-02 < 50 = 50"
    )


def test_evidence_shares_come_from_answers_or_from_given_figures():
    a = assessment(
        institution("a", stages={"SRV-01": 2, "SRV-02": 5}, no_evidence=["SRV-01"]),
        institution("b", stages={"SRV-01": 2}, no_evidence_share={"SRV": 0.9}),
    )
    rb = rulebase(
        rule("R-ev", "SRV", "no_evidence(SRV) >= 0.5", scope="institution"),
        rule("R-nat", "SRV", "no_evidence(SRV) > 0.6"),
    )
    recs = _by_id(generate(rb, FW, a))
    assert sorted(recs) == ["R-ev@a", "R-ev@b", "R-nat"]
    assert (recs["R-ev@a"].triggers[0].value, recs["R-ev@b"].triggers[0].value) == (0.5, 0.9)
    assert recs["R-nat"].triggers[0].value == pytest.approx(0.7)


def test_prerequisites_point_to_the_recommendations_that_must_come_first():
    rb = rulebase(
        rule("LAW", "LEG", "LEG-01 < 3", category="law"),
        rule("UNNEEDED", "IDS", "IDS-01 > 4", category="platform"),
        rule("SRV-R1", "SRV", "SRV-01 < 3", scope="institution", prerequisites=["LAW", "UNNEEDED"]),
    )
    rec = _by_id(generate(rb, FW, _three()))["SRV-R1@moi"]
    assert rec.prerequisites == ["LAW"] and rec.prerequisites_met == ["UNNEEDED"]


def test_a_national_rule_is_owned_by_its_lead_or_an_institution_of_the_responsible_type():
    rb = rulebase(
        rule("R1", "LEG", "LEG-01 < 5", lead=["nobody", "mof"]),
        rule("R2", "LEG", "LEG-01 < 5", responsible="governorate"),
        rule("R3", "LEG", "LEG-01 < 5", responsible="region"),
    )
    recs = _by_id(generate(rb, FW, _three()))
    assert [recs[r].owner for r in ("R1", "R2", "R3")] == ["mof", "basra", "lead:region"]
    assert recs["R3"].owner_name.ar == "الإقليم"


def test_rules_that_test_each_other_in_a_cycle_are_refused():
    rb = rulebase(rule("A", "LEG", "fired(B)"), rule("B", "LEG", "fired(A)"))
    with pytest.raises(ProblemsError, match=r"A → B → A|B → A → B"):
        generate(rb, FW, _three())


def test_assessment_from_scores_puts_0_to_5_scores_on_0_to_100():
    a = assessment_from_scores(
        FW,
        institutions={"moi": "ministry", "basra": "governorate"},
        indicator_stages={"moi": {"LEG-01": 2, "LEG-02": None}, "basra": {"LEG-01": float("nan")}},
        pillar_scores={"moi": {"LEG": 2.5, "SRV": None}, "basra": {"LEG": 4.0}},
        evidence_missing_share={"basra": {"LEG": 0.75}},
    )
    assert a.institution("moi").pillar_scores == {"LEG": 50.0}
    assert a.institution("basra").stages == {"LEG-01": None}
    rb = rulebase(
        rule("R", "LEG", "score(LEG) < 60", scope="institution"),
        rule("E", "LEG", "no_evidence(LEG) > 0.5", scope="institution"),
    )
    recs = _by_id(generate(rb, FW, a))
    assert sorted(recs) == ["E@basra", "R@moi"]
    assert recs["R@moi"].triggers[0].value == 50.0


def test_assessment_from_scores_reports_values_that_do_not_fit():
    with pytest.raises(ProblemsError) as err:
        assessment_from_scores(
            FW, institutions={"moi": "ministry"}, indicator_stages={"moi": {"LEG-01": 7}}, pillar_scores={}
        )
    assert [p.location.path for p in err.value.errors] == ["institutions[0].stages.LEG-01"]
    assert "is not a stage from 0 to 5" in err.value.errors[0].message("en")
