"""The chain from validated answers to report inputs and files, without a database."""

import json

import numpy as np
import pytest
from openpyxl import load_workbook
from tests.factories import framework_dict, write_framework

from raqmana.frameworks import load, load_or_raise
from raqmana.frameworks.illustrative import ILLUSTRATIVE_NOTE, illustrative_answers
from raqmana.i18n import Translated
from raqmana.pipeline import ChainOptions, InstitutionMeta, RoundOptions, country_for, run_chain
from raqmana.roadmap import jsonio
from raqmana.roadmap.xlsx_read import read_workbook


def _institutions(n: int) -> dict[str, InstitutionMeta]:
    return {
        f"m{k}": InstitutionMeta(
            f"m{k}",
            Translated.of(f"M{k}", f"و{k}", f"و{k}"),
            "ministry" if k < 4 else "governorate",
            governorate=f"g{k}",
        )
        for k in range(n)
    }


def test_scores_intervals_and_analysis_come_from_the_answers(tmp_path):
    fw = load(write_framework(tmp_path, framework_dict())).framework
    insts = _institutions(6)
    rng = np.random.default_rng(7)
    responses = {
        c: {
            "LEG-01": int(rng.integers(0, 6)),
            "LEG-02": int(rng.integers(0, 6)),
            "SRV-01": int(rng.integers(0, 6)),
            "SRV-02": float(rng.uniform(0, 100)),
        }
        for c in insts
    }
    responses["m0"] = {"LEG-01": 5, "LEG-02": 5, "SRV-01": 5, "SRV-02": 100.0}
    options = ChainOptions(country=country_for(fw.id), plan=False, mc_runs=200, illustrative=True)
    result = run_chain(fw, responses, insts, options)
    inputs = result.inputs
    m0 = next(i for i in inputs.institutions if i.code == "m0")
    assert m0.overall == 5.0 and m0.stage == 5
    assert m0.scores["LEG"] == 5.0
    legal = next(e for e in inputs.enablers if e.pillar_id == "LEG")
    mean_legal = np.mean([(responses[c]["LEG-01"] + responses[c]["LEG-02"]) / 2 for c in insts])
    assert abs(legal.score - mean_legal) < 1e-9
    assert legal.low <= legal.score <= legal.high
    assert legal.coverage == 1.0
    assert inputs.illustrative and "ILLUSTRATIVE" in inputs.provenance[1]
    assert any(s.index.startswith("EGDI") for s in inputs.indices)  # the country's real figures alongside
    assert set(inputs.methodology) == {"en", "ar", "ckb"}
    assert result.plan is None and inputs.country == options.country.name
    written = result.write(tmp_path / "out")
    assert (tmp_path / "out" / "scores.json").is_file() and (tmp_path / "out" / "analysis.json") in written


def test_the_round_target_overrides_the_countrys(tmp_path):
    fw = load(write_framework(tmp_path, framework_dict())).framework
    insts = _institutions(3)
    responses = {c: {"LEG-01": 1, "LEG-02": 2, "SRV-01": 3, "SRV-02": 50.0} for c in insts}
    country = country_for(fw.id)
    own = ChainOptions(country=country, round=RoundOptions(target_stage=5), plan=False, mc_runs=0)
    default = ChainOptions(country=country, plan=False, mc_runs=0)
    assert {e.target for e in run_chain(fw, responses, insts, own).inputs.enablers} == {5}
    assert {e.target for e in run_chain(fw, responses, insts, default).inputs.enablers} == {
        country.target_stage
    }


@pytest.fixture(scope="module")
def planned(tmp_path_factory):
    """The real framework on generated answers, planned with the country's defaults and labelled."""
    fw = load_or_raise("iraq-dla")
    country = country_for(fw.id)
    codes = [country.lead_institution, *(f"i{k}" for k in range(7))]
    insts = {
        c: InstitutionMeta(c, Translated.of(c, c, c), "secretariat" if k == 0 else "ministry")
        for k, c in enumerate(codes)
    }
    responses = illustrative_answers(fw, codes, seed=5, low=0.5, high=3.0)
    options = ChainOptions(country=country, illustrative=True, mc_runs=0, time_limit_s=5.0)
    result = run_chain(fw, responses, insts, options)
    out = tmp_path_factory.mktemp("planned")
    return result, result.write(out)


def test_a_plan_uses_the_countrys_planning_defaults(planned):
    result, _ = planned
    assert result.plan is not None
    settings = result.plan.roadmap.settings
    planning = result.options.country.planning
    assert (settings.start_year, settings.start_quarter, settings.capacity_default) == (
        planning.start_year,
        planning.start_quarter,
        planning.capacity_per_owner,
    )
    assert settings.horizon_quarters >= planning.horizon_quarters  # extended to whole years if needed
    assert result.plan.assessment.national is not None  # the lead institution answers for the country


def test_every_written_json_and_workbook_says_illustrative(planned):
    _, written = planned
    labelled = [p for p in written if p.suffix in (".json", ".xlsx") and p.parent.name != "scores"]
    assert {p.name for p in labelled} >= {
        "scores.json",
        "analysis.json",
        "recommendations.json",
        "recommendations.xlsx",
        "roadmap.json",
        "roadmap.xlsx",
        "dependencies.json",
        "actions.json",
    }
    for path in labelled:
        if path.suffix == ".json":
            data = json.loads(path.read_text(encoding="utf-8"))
            assert data["illustrative"] is True and data["note"] == ILLUSTRATIVE_NOTE, path.name
        else:
            wb = load_workbook(path, read_only=True)
            assert wb.sheetnames[0] == "illustrative", path.name
            assert next(wb.worksheets[0].values)[0] == ILLUSTRATIVE_NOTE


def test_labelled_roadmap_files_read_back(planned):
    result, written = planned
    files = {p.name: p for p in written}
    from_json, problems = jsonio.read(files["roadmap.json"])
    assert problems == [] and from_json is not None
    assert [i.id for i in from_json.initiatives] == [i.id for i in result.plan.roadmap.initiatives]
    from_xlsx, problems = read_workbook(files["roadmap.xlsx"])
    assert from_xlsx is not None and not [p for p in problems if p.severity.value == "error"]


def test_real_results_carry_no_label(tmp_path):
    fw = load(write_framework(tmp_path, framework_dict())).framework
    insts = _institutions(3)
    responses = {c: {"LEG-01": 1, "LEG-02": 2, "SRV-01": 3, "SRV-02": 50.0} for c in insts}
    options = ChainOptions(country=country_for(fw.id), plan=False, mc_runs=0)
    written = run_chain(fw, responses, insts, options).write(tmp_path / "out")
    for path in (p for p in written if p.suffix == ".json" and p.parent.name == "out"):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["illustrative"] is False and "note" not in data
