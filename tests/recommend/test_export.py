"""Recommendations leave the engine as JSON and XLSX with their reasons, and every label is spelled right."""

import json

from openpyxl import load_workbook

from raqmana.i18n.sorani import wrong_letters
from raqmana.recommend import explain as explain_mod
from raqmana.recommend import generate, labels
from raqmana.recommend.export import write_json, write_xlsx
from tests.recommend.inline import assessment, institution, mini_framework, rule, rulebase

FW = mini_framework()


def _recs():
    rb = rulebase(
        rule(
            "LAW",
            "LEG",
            "LEG-01 < 3",
            category="law",
            sdg=["16.6"],
            govstack=["e-signature"],
            kpis=[
                {
                    "id": "law",
                    "name": {"en": "Law adopted", "ar": "إقرار القانون", "ckb": "یاسا پەسەندکرا"},
                    "unit": "yes_no",
                    "target": 1,
                }
            ],
        ),
        rule("SRV-R1", "SRV", "SRV-01 < 3", scope="institution", prerequisites=["LAW"], category="service"),
    )
    a = assessment(
        institution("moi", stages={"LEG-01": 1, "SRV-01": 1}), institution("mof", stages={"SRV-01": 2})
    )
    return generate(rb, FW, a)


def test_json_carries_each_recommendation_with_its_reasons_in_three_languages(tmp_path):
    path = write_json(_recs(), tmp_path / "recommendations.json", FW)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["count"] == 3 and [r["id"] for r in data["recommendations"]] == [
        "LAW",
        "SRV-R1@mof",
        "SRV-R1@moi",
    ]
    law = data["recommendations"][0]
    assert law["sdg"] == ["16.6"] and law["prerequisites"] == [] and law["horizon"] == "short"
    assert law["why"]["en"] == ["stage of LEG-01 «Indicator LEG-01» = 1  [LEG-01 < 3]"]
    assert law["why"]["ar"][0].startswith("مرحلة LEG-01")
    assert data["recommendations"][2]["prerequisites"] == ["LAW"]


def test_xlsx_has_a_row_per_recommendation_and_sheets_for_triggers_and_kpis(tmp_path):
    path = write_xlsx(_recs(), tmp_path / "recommendations.xlsx", framework=FW, lang="ar")
    wb = load_workbook(path)
    assert wb.sheetnames == ["Recommendations", "Triggers", "KPIs"]
    rows = list(wb["Recommendations"].iter_rows(values_only=True))
    assert len(rows) == 4 and rows[1][0] == "LAW"
    assert rows[1][8] == "قصير الأمد (≤ 18 شهراً)"
    assert wb["Recommendations"].sheet_view.rightToLeft
    assert list(wb["KPIs"].iter_rows(values_only=True))[1][:3] == ("LAW", "law", "Law adopted")


def test_every_label_of_recommendations_and_roadmaps_writes_sorani_correctly():
    tables = [
        labels.HORIZON,
        labels.KIND,
        labels.CATEGORY,
        labels.SCOPE,
        labels.INSTITUTION_TYPE,
        labels.KPI_UNIT,
        labels.BASELINE_SOURCE,
        labels.PHASE,
        labels.LAYER,
        explain_mod._PHRASE,
    ]
    bad = [t.ckb for table in tables for t in table.values() if wrong_letters(t.ckb) or not t.ckb]
    assert bad == []
