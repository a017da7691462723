"""Survey results join the assessment: topic scores as indicators with their interval, per institution
and national, carried through the chain beside the index; the bottlenecks facing workers ranked."""

from __future__ import annotations

import math

import pytest

from raqmana.frameworks import load_or_raise
from raqmana.frameworks.illustrative import illustrative_answers
from raqmana.i18n import Translated
from raqmana.pipeline import ChainOptions, InstitutionMeta, country_for, run_chain
from raqmana.pipeline.surveys import SurveyInputs, is_survey_indicator
from raqmana.surveys import errors as E
from raqmana.surveys import packs
from raqmana.surveys.bottlenecks import bottlenecks
from raqmana.surveys.indicators import (
    IndicatorSpec,
    Scope,
    check_specs,
    indicator_specs,
    indicator_values,
)
from raqmana.surveys.model import Kind, Option, Question, Role, Survey
from raqmana.surveys.perception import score
from raqmana.surveys.submissions import Submission

THREE = [Option(name="a_lot", score=1), Option(name="a_little", score=2), Option(name="no", score=3)]
THREE += [Option(name="dk")]


def _survey() -> Survey:
    return Survey(
        id="staff",
        questions=[
            Question(name="inst", kind=Kind.TEXT, role=Role.INSTITUTION),
            Question(name="sex", kind=Kind.SELECT_ONE, choices="sex", role=Role.SEX),
            Question(name="skill", kind=Kind.SELECT_ONE, choices="three", topic="skills"),
            Question(name="bn_power", kind=Kind.SELECT_ONE, choices="three", topic="bottlenecks"),
            Question(name="bn_paper", kind=Kind.SELECT_ONE, choices="three", topic="bottlenecks"),
        ],
        choice_lists={"three": THREE, "sex": [Option(name="female"), Option(name="male")]},
        topics={"skills": Translated(en="Skills"), "bottlenecks": Translated(en="Bottlenecks")},
    )


def _subs() -> list[Submission]:
    out = []
    for k in range(30):
        out.append(
            Submission(
                uuid=f"u{k}",
                submitted_at="",
                answers={
                    # 12 at the Ministry of Health (named two ways), 18 at 'moe', 0 elsewhere
                    "inst": ("moh" if k % 2 else "Ministry of Health") if k < 12 else "moe",
                    "sex": "female" if k < 10 else "male",
                    "skill": "no" if k < 12 else "a_lot",  # moh 100, moe 0
                    "bn_power": "a_lot" if k < 15 else ("dk" if k < 18 else "no"),
                    "bn_paper": "a_lot" if k < 3 else "a_little",
                },
            )
        )
    return out


def _lookup(answer: str) -> str | None:
    return {"moh": "moh", "ministry of health": "moh", "moe": "moe"}.get(answer.strip().lower())


def test_a_topic_score_becomes_an_indicator_per_mapped_institution_and_national() -> None:
    spec = IndicatorSpec(id="SKL-S1", survey="staff", topic="skills", sub_area="SKL.2", min_respondents=10)
    ind = indicator_values(spec, score(_survey(), _subs()), institution_of=_lookup)
    assert ind.national is not None
    assert ind.national.value == pytest.approx(12 / 30 * 100) and ind.national.n == 30
    assert ind.national.low < ind.national.value < ind.national.high
    assert ind.institutions["moh"].value == 100.0 and ind.institutions["moh"].n == 12
    assert ind.institutions["moe"].value == 0.0 and ind.institutions["moe"].n == 18
    fewer = spec.model_copy(update={"min_respondents": 15})
    assert set(indicator_values(fewer, score(_survey(), _subs()), institution_of=_lookup).institutions) == {
        "moe"
    }
    national = spec.model_copy(update={"scope": Scope.NATIONAL})
    assert indicator_values(national, score(_survey(), _subs()), institution_of=_lookup).institutions == {}


def test_bottlenecks_are_ranked_by_the_share_naming_them_with_interval_and_groups() -> None:
    ranked = bottlenecks(_survey(), _subs())
    assert [b.item for b in ranked] == ["bn_power", "bn_paper"]
    power = ranked[0]
    # 15 "a lot" among 27 who answered (3 don't know left out)
    assert power.overall.share == pytest.approx(15 / 27, abs=1e-4) and power.overall.n == 27
    assert 0 <= power.overall.low < power.overall.share < power.overall.high <= 1
    assert power.groups["sex"]["female"].share == 1.0  # the first 10 all said "a lot"
    assert power.groups["sex"]["male"].share == pytest.approx(5 / 17, abs=1e-4)
    assert ranked[1].overall.share == pytest.approx(3 / 30, abs=1e-4)


def test_the_iraq_pack_declares_survey_indicators_that_fit_its_framework_and_surveys() -> None:
    fw = load_or_raise("iraq-dla")
    specs = indicator_specs("iraq-dla")
    surveys = {s: packs.find(s) for s in {spec.survey for spec in specs}}
    assert {s.id for s in specs} >= {"SKL-S1", "SRV-S1"} and check_specs(specs, fw, surveys) == []
    bad = [
        specs[0].model_copy(update={"sub_area": "XXX.9"}),
        specs[0].model_copy(update={"id": "SKL-01", "topic": "nothing"}),
        specs[0].model_copy(update={"id": "X-1", "survey": "nobody"}),
    ]
    problems = check_specs(bad, fw, surveys)
    assert [(p.code, p.location.path) for p in problems] == [
        (E.SPEC_SUB_AREA, "0"),
        (E.SPEC_TOPIC, "1"),
        (E.SPEC_ID_TAKEN, "1"),
        (E.SPEC_SURVEY, "2"),
    ]


def _chain(inputs: SurveyInputs | None, *, plan: bool = False, divides: bool = False):  # type: ignore[no-untyped-def]
    fw = load_or_raise("iraq-dla")
    codes = ["comsec", "moh", "moe", "mof"]
    insts = {
        c: InstitutionMeta(c, Translated.of(c, c, c), "secretariat" if c == "comsec" else "ministry")
        for c in codes
    }
    responses = illustrative_answers(fw, codes, seed=3)
    if divides and inputs is not None:
        from dataclasses import replace

        from raqmana.workspace.surveys import divide_of

        report = divide_of(score(_survey(), _subs()))
        assert report is not None
        sexes = {
            "female": Translated(en="Female", ar="أنثى", ckb="مێ"),
            "male": Translated(en="Male", ar="ذكر", ckb="نێر"),
        }
        inputs = replace(inputs, divides={"staff": report}, group_labels={"staff": {"sex": sexes}})
    options = ChainOptions(country=country_for(fw.id), plan=plan, mc_runs=0, surveys=inputs, time_limit_s=2)
    return run_chain(fw, responses, insts, options)


def _inputs(shares: dict[str, float] | None = None) -> SurveyInputs:
    specs = {s.id: s for s in indicator_specs("iraq-dla")}
    survey = _survey()
    skills = indicator_values(specs["SKL-S1"], score(survey, _subs()), institution_of=_lookup)
    access = indicator_values(
        specs["SRV-S1"].model_copy(update={"topic": "skills"}), score(survey, _subs()), institution_of=_lookup
    )
    ranked = bottlenecks(survey, _subs())
    if shares is not None:
        from dataclasses import replace

        from raqmana.surveys.bottlenecks import Share

        ranked = [replace(ranked[0], item=k, overall=Share(v, v, v, 30)) for k, v in shares.items()]
    return SurveyInputs(indicators=(skills, access), bottlenecks=tuple(ranked))


def test_survey_indicators_are_scored_in_their_sub_area_with_the_values_of_the_survey() -> None:
    result = _chain(_inputs())
    fw = result.framework
    added = [i for i in fw.indicators() if is_survey_indicator(i)]
    assert {i.id for i in added} == {"SKL-S1", "SRV-S1"}
    assert (
        fw.pillar_of("SKL-S1").id == "SKL" and fw.indicator("SKL-S1").source == "survey:civil_servants/skills"
    )
    raw = result.build.raw
    assert raw.get("moh", "SKL-S1") == 100.0 and raw.get("moe", "SKL-S1") == 0.0
    assert math.isnan(raw.get("mof", "SKL-S1"))  # no respondents mapped to it
    # the national indicator is the country's value, on the lead institution only
    assert raw.get("comsec", "SRV-S1") == pytest.approx(40.0)
    assert all(math.isnan(raw.get(c, "SRV-S1")) for c in ("moh", "moe", "mof"))
    # and the intervals are beside the index
    assert result.surveys is not None and result.surveys.indicators[0].national is not None
    without = _chain(None)
    assert not any(is_survey_indicator(i) for i in without.framework.indicators())


def test_bottleneck_rules_fire_from_the_shares_and_explain_themselves() -> None:
    from raqmana.recommend.explain import explain

    high = _chain(_inputs({"bn_skills": 0.55, "bn_devices": 0.1}), plan=True)
    assert high.plan is not None
    fired = {r.rule: r for r in high.plan.recommendations.recommendations}
    assert "SKL-R10" in fired and "INF-R10" not in fired
    lines = explain(fired["SKL-R10"], high.framework, "ar")
    assert any("٥٥" in line and "bottleneck(bn_skills) >= 0.4" in line for line in lines), lines
    low = _chain(_inputs({"bn_skills": 0.39}), plan=True)
    assert low.plan is not None
    assert "SKL-R10" not in {r.rule for r in low.plan.recommendations.recommendations}


def test_the_national_report_has_the_surveys_chapter_with_sources_and_intervals() -> None:
    from raqmana.reports.model import Figure, Table
    from raqmana.reports.national import build_national

    result = _chain(_inputs({"bn_skills": 0.55, "bn_devices": 0.1}))
    for lang, source in (("en", "survey (n = 30)"), ("ar", "استبيان (ع = ٣٠)"), ("ckb", "ڕاپرسی (ژ = ٣٠)")):
        report = build_national(result.inputs, lang)
        ids = [s.id for s in report.sections]
        assert ids.index("surveys") < len(ids) - 2  # before the annexes
        section = report.sections[ids.index("surveys")]
        table = next(b for b in section.blocks if isinstance(b, Table))
        skills = next(r for r in table.rows if "SKL-S1" in str(r[0]))
        assert skills[1] == source and skills[2] == pytest.approx(40.0)
        assert skills[3].low < 40.0 < skills[3].high
        figure = next(b for b in section.subsections[0].blocks if isinstance(b, Figure))
        assert figure.data is not None and len(figure.data.rows) == 2
    # the divide among the respondents, groups by their labels in the reader's language
    ar = build_national(_chain(_inputs(), divides=True).inputs, "ar")
    divide = next(s for s in ar.sections if s.id == "surveys").subsections[-1]
    rows = next(b for b in divide.blocks if isinstance(b, Table)).rows
    assert rows[0][0] == "الجنس" and "أنثى" in rows[0][1] + rows[0][2]


def test_the_index_is_given_at_both_ends_of_the_survey_intervals() -> None:
    result = _chain(_inputs())
    fw = result.framework.id
    low, high = result.survey_band[fw]
    central = result.build.national()[fw]
    assert central is not None and low < central < high
    srv_low, srv_high = result.survey_band["SRV"]  # the citizens' indicator has a real interval
    assert srv_low < srv_high
    skl_low, skl_high = result.survey_band["SKL"]  # every respondent of an institution answered alike
    assert skl_low == pytest.approx(skl_high)
    assert _chain(None).survey_band == {}
