"""Why a recommendation was made, as plain sentences a minister reads (not rule expressions)."""

import re

import pytest

from raqmana.i18n.sorani import wrong_letters
from raqmana.recommend import generate
from raqmana.recommend.model import Trigger
from raqmana.recommend.sentences import sentence
from tests.recommend.inline import assessment, institution, mini_framework, rule, rulebase

FW = mini_framework()
EXPRESSION = re.compile(r"share\(|no_evidence\(|score\(|\[|=\s")


def test_it_writes_a_share_of_institutions_as_a_sentence_with_the_indicator_name():
    t = Trigger("share(SRV-01 < 3) >= 0.5", "all", "share(SRV-01 < 3)", 0.63)
    assert sentence(t, FW, "en") == "SRV-01 (Indicator SRV-01) is below stage 3 in 63% of institutions."
    ar = sentence(t, FW, "ar")
    assert "SRV-01" in ar and "٦٣٪" in ar and "٣" in ar and "من الجهات" in ar
    ckb = sentence(t, FW, "ckb")
    assert "٦٣٪" in ckb and "دامەزراوەکاندا" in ckb


def test_it_writes_a_stage_below_the_target_with_the_value_and_the_threshold():
    t = Trigger("LEG-01 < 3", "all", "LEG-01", 1.0)
    assert sentence(t, FW, "en") == "LEG-01 (Indicator LEG-01) is at stage 1, below stage 3."
    assert sentence(t, FW, "ar") == "مرحلة المؤشر LEG-01 (Indicator LEG-01 (ar)) هي ١، أي أقل من ٣."


def test_it_shows_enabler_scores_on_the_scale_of_the_report():
    t = Trigger("score(SRV) < 50", "all", "score(SRV)", 36.0)
    assert sentence(t, FW, "en", score_max=5.0) == "Services (SRV) scores 1.8 out of 5, below 2.5."
    assert sentence(t, FW, "en") == "Services (SRV) scores 36 out of 100, below 50."


@pytest.mark.parametrize(
    ("condition", "group", "subject", "value", "expected"),
    [
        (
            "no_evidence(*) > 0.5",
            "all",
            "no_evidence(*)",
            0.8,
            "80% of the answers across all enablers have no accepted evidence.",
        ),
        (
            "answered(SRV) < 0.5",
            "all",
            "answered(SRV)",
            0.25,
            "25% of the indicators in Services (SRV) were answered.",
        ),
        ("LEG-02 missing", "all", "LEG-02", None, "LEG-02 (Indicator LEG-02) has no answer."),
        ("type in [ministry]", "all", "type", "ministry", "Institution type: Ministry."),
        ("fired(LAW)", "all", "fired(LAW)", 1.0, "Recommendation LAW applies as well."),
        ("LEG-01 >= 3", "none", "LEG-01", 2.0, "LEG-01 (Indicator LEG-01) is at stage 2, below stage 3."),
        ("SRV-02 < 50", "all", "SRV-02", 12.0, "The answer to SRV-02 (Indicator SRV-02) is 12%, below 50%."),
    ],
)
def test_every_kind_of_condition_reads_as_a_plain_sentence(condition, group, subject, value, expected):
    assert sentence(Trigger(condition, group, subject, value), FW, "en") == expected


def test_the_sentences_of_fired_rules_have_no_rule_expressions_in_any_language():
    rb = rulebase(
        rule("R1", "SRV", "share(SRV-01 < 3) >= 0.3"),
        rule("R2", "LEG", "LEG-01 < 3", "score(LEG) < 90"),
        rule("R3", "SRV", "SRV-01 < 3", "type in [ministry]", scope="institution"),
    )
    recs = generate(
        rb,
        FW,
        assessment(
            institution("moi", stages={"LEG-01": 1, "SRV-01": 1}),
            institution("mof", stages={"LEG-01": 2, "SRV-01": 4}),
        ),
    )
    triggers = [t for r in recs.recommendations for t in r.triggers]
    assert {t.subject for t in triggers} >= {"share(SRV-01 < 3)", "LEG-01", "score(LEG)", "type"}
    for t in triggers:
        for lang in ("en", "ar", "ckb"):
            text = sentence(t, FW, lang, score_max=5.0)
            assert not EXPRESSION.search(text), text
            if lang != "en":  # numbers in Arabic-Indic digits; only codes stay Latin
                assert not re.search(r"[0-9]", re.sub(r"[A-Z]{2,}-R?[0-9]+", "", text)), text
            if lang == "ckb":
                assert wrong_letters(text.replace("(ckb)", "")) == [], text
