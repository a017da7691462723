"""The demo's surveys: illustrative submissions go through the Kobo import path and come out as results."""

from __future__ import annotations

import json

from raqmana.surveys.illustrative import submissions_csv
from raqmana.surveys.packs import find
from raqmana.surveys.submissions import read_export
from raqmana.workspace.surveys import demo_surveys


def test_illustrative_exports_read_as_a_kobo_export_and_are_labelled() -> None:
    survey = find("citizens_eservices")
    result = read_export(submissions_csv(survey, n=50), file="x.csv", survey=survey, secret=b"s")
    assert len(result.submissions) == 50
    assert all(s.uuid.startswith("illustrative-") for s in result.submissions)


def test_the_demo_writes_forms_exports_and_results_and_a_second_run_adds_nothing(ws, tmp_path) -> None:
    files = demo_surveys(ws, tmp_path)
    assert {p.name for p in files} >= {"civil_servants.xlsx", "civil_servants-results.json"}
    results = json.loads((tmp_path / "surveys" / "civil_servants-results.json").read_text(encoding="utf-8"))
    assert results["illustrative"] is True and results["n"] == 400
    assert [d["dimension"] for d in results["divide"]["dimensions"]] == [
        "sex",
        "age_group",
        "governorate",
        "area",
        "disability",
    ]
    assert (
        "rural"
        in next(d for d in results["divide"]["dimensions"] if d["dimension"] == "area")["furthest_behind"]
    )
    assert len(results["bottlenecks"]) == 10
    citizens = json.loads(
        (tmp_path / "surveys" / "citizens_eservices-results.json").read_text(encoding="utf-8")
    )
    assert set(citizens["breakdowns"]["visits"]["service"]) >= {"passport", "national_id"}
    demo_surveys(ws, tmp_path)
    again = json.loads((tmp_path / "surveys" / "civil_servants-results.json").read_text(encoding="utf-8"))
    assert again["n"] == 400


def test_the_demo_round_takes_the_survey_indicators_bottlenecks_and_chapter(tmp_path) -> None:
    from tests.support.world import make_settings

    from raqmana.frameworks import load_or_raise
    from raqmana.reports.national import build_national
    from raqmana.workspace.demo import seed_demo
    from raqmana.workspace.factory import open_workspace
    from raqmana.workspace.results import assessment_results

    settings = make_settings(tmp_path / "data")
    info = seed_demo(settings, framework=load_or_raise("iraq-dla"))
    ws = open_workspace(settings)
    try:
        demo_surveys(ws, tmp_path, assessment_id=info.assessment_id)
        with ws.reader() as s:
            chain = assessment_results(s, info.assessment_id, mc_runs=40, plan=True)
    finally:
        ws.dispose()
    assert chain.surveys is not None and chain.surveys.illustrative
    skills = next(i for i in chain.surveys.indicators if i.id == "SKL-S1")
    assert skills.national is not None and skills.national.n == 400
    # the illustrative staff name their institution in English: mapped to its code by the name
    assert {"moh", "moe", "gov-basra"} <= set(skills.institutions)
    assert chain.build.raw.get("moh", "SKL-S1") == skills.institutions["moh"].value
    citizens = next(i for i in chain.surveys.indicators if i.id == "SRV-S1")
    assert (
        citizens.national is not None and chain.build.raw.get("comsec", "SRV-S1") == citizens.national.value
    )
    shares = chain.surveys.bottleneck_shares()
    fired = {r.rule for r in chain.plan.recommendations.recommendations} if chain.plan else set()
    assert ("SKL-R10" in fired) == (max(shares["bn_skills"], shares["bn_management"]) >= 0.4)
    assert "surveys" in [s.id for s in build_national(chain.inputs, "ckb").sections]
    # the round's own respondents, named in the chapter; their sampling error in the Monte Carlo
    assert chain.surveys.round_name is not None and chain.surveys.round_period
    section = next(s for s in build_national(chain.inputs, "en").sections if s.id == "surveys")
    said = " ".join(getattr(b, "text", "") for b in section.blocks)
    assert f"round {chain.surveys.round_name.en} ({chain.surveys.round_period})" in said and "400" in said
    assert chain.uncertainty is not None and "SKL-S1" in chain.uncertainty.sampled
