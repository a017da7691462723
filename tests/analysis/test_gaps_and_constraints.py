"""Gaps to the target stage and binding constraints from the enablers' dependencies."""

import re

import pytest

from raqmana.analysis import binding_constraints, dependents, gap_analysis, mean_by_key
from raqmana.i18n import Translated
from raqmana.problems import ProblemsError

SCORES = {
    "moh": {"LEG": 1.0, "DAT": 2.0, "IDS": 3.0, "SRV": 3.5, "PAR": 1.0, "INF": 4.0},
    "moe": {"LEG": 2.0, "DAT": 1.0, "IDS": 2.0, "SRV": 2.5, "PAR": 2.0, "INF": 3.0},
    "gov-basra": {"LEG": 0.0, "DAT": None, "IDS": 1.0, "SRV": 1.0, "PAR": 0.0, "INF": 2.0},
}


def test_gaps_per_enabler_and_institution(framework):
    report = gap_analysis(SCORES, framework, target=3.0)
    leg = next(p for p in report.pillars if p.pillar == "LEG")
    assert leg.mean_score == pytest.approx(1.0)  # (1 + 2 + 0) / 3
    assert leg.mean_gap == pytest.approx(2.0)  # (2 + 1 + 3) / 3
    assert leg.max_gap == 3.0 and leg.below_target == 3 and leg.worst == ("gov-basra", "moh", "moe")
    dat = next(p for p in report.pillars if p.pillar == "DAT")
    assert dat.assessed == 2  # Basra's DAT is not assessed: no gap invented
    assert [p.pillar for p in report.pillars[:2]] == ["LEG", "PAR"]  # largest mean gap first (tie: by id)
    basra = next(i for i in report.institutions if i.institution == "gov-basra")
    assert basra.largest_gap == "LEG" and report.institutions[0].institution == "gov-basra"
    moh = next(i for i in report.institutions if i.institution == "moh")
    assert moh.below_target == ("LEG", "DAT", "PAR")


def test_a_target_per_enabler(framework):
    report = gap_analysis(SCORES, framework, target={"INF": 4.0, "LEG": 1.0})
    inf = next(p for p in report.pillars if p.pillar == "INF")
    assert inf.target == 4.0 and inf.mean_gap == pytest.approx(1.0)  # (0 + 1 + 2) / 3
    assert next(p for p in report.pillars if p.pillar == "SRV").target == 3.0


def test_indicator_level_gaps(framework):
    ind = {"moh": {"LEG-01": 0.0, "LEG-02": 3.0}, "moe": {"LEG-01": 1.0, "SRV-01": 4.0}}
    report = gap_analysis(SCORES, framework, target=3.0, indicator_scores=ind)
    assert [(g.indicator, g.gap, g.below_target) for g in report.indicators] == [
        ("LEG-01", 2.5, 2),
        ("LEG-02", 0.0, 0),
        ("SRV-01", 0.0, 0),
    ]
    assert report.to_dict()["indicators"][0]["indicator"] == "LEG-01"


@pytest.mark.parametrize(
    "bad, code",
    [({"moh": {"XXX": 1.0}}, "AN001"), ({"moh": {"LEG": 7.0}}, "AN002"), ({"moh": {"LEG": None}}, "AN003")],
)
def test_bad_scores_are_located_problems(framework, bad, code):
    with pytest.raises(ProblemsError) as exc:
        gap_analysis(bad, framework)
    problem = exc.value.problems[0]
    assert problem.code.id == code
    assert problem.message("ar") != problem.message("en") and problem.message("ckb")


def test_dependents_follow_depends_on_transitively(framework):
    deps = dependents(framework)
    assert deps["LEG"] == {"IDS", "SRV", "PAR"}
    assert deps["DAT"] == {"SRV", "PAR"}
    assert deps["PAR"] == set() and deps["INF"] == set()


def test_binding_constraints_are_weak_foundations(framework):
    national = mean_by_key(SCORES)  # LEG 1.0, DAT 1.5, IDS 2.0, SRV 2.33, PAR 1.0, INF 3.0
    report = binding_constraints(national, framework)
    assert report.threshold == pytest.approx(1.75)  # median of the six
    assert report.binding == ["LEG", "DAT"]  # PAR is weak but nothing depends on it
    leg = report.constraints[0]
    assert leg.blocks == ("IDS", "SRV", "PAR") and leg.ahead == ("IDS", "SRV") and leg.root
    assert "IDS" in leg.reason.en and leg.reason.ar and leg.reason.ckb


def test_a_constraint_with_a_weaker_prerequisite_is_not_a_root(framework):
    report = binding_constraints(
        {"LEG": 0.5, "DAT": 3, "IDS": 1.0, "SRV": 2, "PAR": 2, "INF": 4}, framework, threshold=1.5
    )
    assert report.binding == ["LEG", "IDS"]
    assert [c.root for c in report.constraints] == [True, False]


def test_unscored_enablers_are_listed(framework):
    report = binding_constraints({"LEG": 1.0, "SRV": 2.0}, framework)
    assert set(report.unscored) == {"DAT", "IDS", "PAR", "INF"}
    assert report.to_dict()["binding"] == ["LEG"]


def test_a_bottleneck_is_explained_with_the_enablers_names_in_plain_words(framework):
    named = framework.model_copy(
        update={
            "pillars": [
                p.model_copy(
                    update={
                        "name": Translated.of(f"{p.id} name, long", f"اسم {p.id}، طويل", f"ناوی {p.id}، درێژ")
                    }
                )
                for p in framework.pillars
            ]
        }
    )
    report = binding_constraints(mean_by_key(SCORES), named)
    leg = report.constraints[0]
    assert leg.reason.en.startswith("LEG name, long scores 1.00 out of 5, at or below the 1.75")
    assert "3 enablers depend on it: IDS name, long; SRV name, long; PAR name, long." in leg.reason.en
    assert "threshold" not in leg.reason.en and "enabler(s)" not in leg.reason.en
    assert "«اسم IDS، طويل»؛ «اسم SRV، طويل»" in leg.reason.ar and "١٫٠٠ من ٥" in leg.reason.ar
    assert "«ناوی IDS، درێژ»؛ «ناوی SRV، درێژ»" in leg.reason.ckb
    for text in (leg.reason.ar, leg.reason.ckb):  # one digit shape per sentence (codes aside)
        assert not re.search(r"[0-9]", re.sub(r"[A-Z]{3}", "", text)), text
