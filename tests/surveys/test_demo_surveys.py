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
