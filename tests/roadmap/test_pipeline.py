"""From an assessment to recommendations, a scheduled roadmap and the files of both."""

import json

import pytest

from raqmana.problems import ProblemsError
from raqmana.roadmap import errors as E
from raqmana.roadmap.model import SolveStatus
from raqmana.roadmap.pipeline import default_budget, plan_from_assessment
from tests.recommend.inline import assessment, institution, mini_framework, rule, rulebase
from tests.roadmap.inline import violations

FW = mini_framework()
#: the planning values these tests were written for (plan_from_assessment has no defaults for them)
PLAN = {"horizon_quarters": 20, "capacity_per_owner": 3, "start_year": 2026}


def _plan(*args, **kwargs):
    return plan_from_assessment(*args, **{**PLAN, **kwargs})


RB = rulebase(
    rule(
        "LAW",
        "LEG",
        "LEG-01 < 3",
        category="law",
        cost_usd={"low": 200_000, "high": 400_000},
        duration_quarters=2,
    ),
    rule(
        "ID",
        "IDS",
        "score(IDS) < 60",
        category="platform",
        govstack=["identity"],
        prerequisites=["LAW"],
        cost_usd={"low": 2_000_000, "high": 4_000_000},
        duration_quarters=4,
        horizon="long",
        lead=["moi"],
    ),
    rule(
        "SRV-R1",
        "SRV",
        "SRV-01 < 3",
        scope="institution",
        category="service",
        prerequisites=["ID"],
        kpis=[
            {
                "id": "online",
                "name": {
                    "en": "Services online",
                    "ar": "الخدمات الإلكترونية",
                    "ckb": "خزمەتگوزارییە ئۆنلاینەکان",
                },
                "target": 60,
            }
        ],
    ),
    rule("SKL-R1", "LEG", "LEG-02 missing", scope="institution", category="capacity", duration_quarters=1),
)


def _assessment():
    return assessment(
        institution("moi", stages={"LEG-01": 1, "IDS-01": 1, "SRV-01": 1}),
        institution("basra", "governorate", stages={"LEG-01": 2, "SRV-01": 2, "LEG-02": 3}),
        institution("mof", stages={"SRV-01": 4}),
        title={"en": "Test", "ar": "اختبار", "ckb": "تاقی"},
    )


@pytest.fixture(scope="module")
def result():
    return _plan(
        FW, _assessment(), rulebase=RB, budget_per_year=3_000_000, horizon_quarters=12, time_limit_s=5
    )


def test_it_turns_recommendations_into_a_scheduled_roadmap(result):
    assert result.ok, [p.render() for p in result.problems]
    assert [r.id for r in result.recommendations.recommendations] == [
        "LAW",
        "ID",
        "SRV-R1@basra",
        "SKL-R1@mof",
        "SRV-R1@moi",
        "SKL-R1@moi",
    ]  # basra answered LEG-02
    rm = result.roadmap
    assert len(rm.initiatives) == 6 and rm.settings.budget_per_year == [3_000_000]
    assert result.schedule is rm.schedule and result.schedule.status is SolveStatus.OPTIMAL
    assert violations(rm.initiatives, rm.dependencies, rm.settings, result.schedule) == []
    starts = result.schedule.starts()
    assert starts["LAW"] + 2 <= starts["ID"] and starts["ID"] + 4 <= starts["SRV-R1@moi"]
    assert rm.initiative("ID").owner == "moi" and rm.title.en == "Digital transformation roadmap — Test"


def test_it_writes_every_output_file(result, tmp_path):
    files = result.write(tmp_path)
    assert sorted(f.name for f in files) == [
        "actions.json",
        "dependencies.json",
        "gantt.png",
        "gantt.svg",
        "recommendations.json",
        "recommendations.xlsx",
        "roadmap.json",
        "roadmap.xlsx",
    ]
    plan = {row["id"]: row for row in json.loads((tmp_path / "roadmap.json").read_text())["plan"]}
    srv = plan["SRV-R1@moi"]
    assert srv["dependencies"] == ["ID"] and srv["owner"] == "moi" and srv["start"].startswith("20")
    assert {"start", "end", "cost_usd", "benefit"} <= set(srv)
    why = json.loads((tmp_path / "recommendations.json").read_text())["recommendations"][0]["why"]
    assert why["en"] == ["stage of LEG-01 «Indicator LEG-01» = 1.5  [LEG-01 < 3]"]
    actions = json.loads((tmp_path / "actions.json").read_text())
    assert {"moi", "basra", "mof"} <= set(actions)


def test_a_budget_too_small_still_gives_recommendations_and_says_by_how_much(tmp_path):
    res = _plan(FW, _assessment(), rulebase=RB, budget_per_year=500_000, horizon_quarters=8, time_limit_s=2)
    assert not res.ok and res.schedule.status is SolveStatus.INFEASIBLE
    assert E.TOTAL_BUDGET in [p.code for p in res.problems]
    assert len(res.recommendations.recommendations) == 6
    names = {f.name for f in res.write(tmp_path)}
    assert "gantt.png" not in names and {"recommendations.json", "problems.json"} <= names


def test_the_default_budget_leaves_room_for_every_initiative(result):
    budget = default_budget(result.roadmap.initiatives, result.roadmap.settings)
    total = sum(i.cost_usd for i in result.roadmap.initiatives)
    assert budget % 100_000 == 0 and budget >= 1.25 * total / 3
    res = _plan(FW, _assessment(), rulebase=RB, horizon_quarters=12, time_limit_s=2)
    assert res.ok and res.roadmap.settings.budget_per_year == [budget]


def test_nothing_to_recommend_is_a_warning_not_an_error():
    res = _plan(
        FW,
        assessment(institution("mof", stages={"LEG-01": 5, "LEG-02": 5, "SRV-01": 5, "IDS-01": 5})),
        rulebase=RB,
    )
    assert [p.code for p in res.problems] == [E.NO_INITIATIVES] and res.schedule is None


def test_bad_answers_and_bad_rules_raise_located_problems():
    with pytest.raises(ProblemsError) as err:
        _plan(FW, assessment(institution("moi", stages={"LEG-01": 9})), rulebase=RB)
    assert err.value.errors[0].location.path == "institutions[0].stages.LEG-01"
    with pytest.raises(ProblemsError):
        _plan(FW, _assessment(), rulebase=rulebase(rule("A", "LEG", "fired(A)")))


def test_a_horizon_too_short_for_the_chains_is_extended_with_a_warning_unless_refused():
    res = _plan(FW, _assessment(), rulebase=RB, horizon_quarters=4, time_limit_s=2)
    assert res.ok and res.roadmap.settings.horizon_quarters == 8
    warning = next(p for p in res.problems if p.code is E.HORIZON_EXTENDED)
    assert warning.message("en") == (
        "The horizon was extended from 4 to 8 quarters: the dependency chain "
        "LAW → ID → SRV-R1@basra needs 8 quarters."
    )
    strict = _plan(FW, _assessment(), rulebase=RB, horizon_quarters=4, time_limit_s=2, extend_horizon=False)
    assert not strict.ok and E.CHAIN_TOO_LONG in [p.code for p in strict.problems]
