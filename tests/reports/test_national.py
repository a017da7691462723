"""The national report: each section appears when its data does, and says so plainly when it doesn't."""

import pytest
from pypdf import PdfReader
from tests.factories import framework_dict, write_framework

from raqmana.frameworks import load
from raqmana.i18n import Translated
from raqmana.reports.inputs import EnablerResult, InstitutionResult, RecommendationItem, ReportInputs
from raqmana.reports.labels import label
from raqmana.reports.national import build_national
from raqmana.reports.pdf import render_pdf

IRAQ = Translated.of("Iraq", "العراق", "عێراق")


def framework(tmp_path):
    return load(write_framework(tmp_path, framework_dict())).framework


def test_a_report_without_answers_says_so_in_every_data_section(tmp_path):
    report = build_national(ReportInputs(framework=framework(tmp_path), country=IRAQ), "ar")
    missing = label("missing_section", "ar")
    by_id = {s.id: s for s in report.sections}
    for sid in ("summary", "findings", "benchmarks", "divide", "recommendations", "roadmap", "kpis"):
        assert any(getattr(b, "text", "") == missing for b in by_id[sid].blocks), sid
    # the framework annex is always there
    assert by_id["annex_framework"].blocks[0].rows[0][0] == "LEG-01"


@pytest.mark.render
def test_findings_show_scores_intervals_and_the_institutions_furthest_behind(tmp_path):
    fw = framework(tmp_path)
    names = [
        ("Ministry of Health", "وزارة الصحة"),
        ("Ministry of Planning", "وزارة التخطيط"),
        ("Ministry of Justice", "وزارة العدل"),
    ]
    inst = [
        InstitutionResult(
            f"m{k}", Translated.of(en, ar, en), "ministry", {"LEG": 1.0 + k, "SRV": 2.0}, 1.5 + k / 2, 1
        )
        for k, (en, ar) in enumerate(names)
    ]
    inputs = ReportInputs(
        framework=fw,
        country=IRAQ,
        illustrative=True,
        national_score=2.1,
        national_stage=2,
        enablers=[EnablerResult("LEG", 2.0, 2, 1.8, 2.2, 0.9, 0.95, 3), EnablerResult("SRV", None, None)],
        institutions=inst,
        recommendations=[
            RecommendationItem(
                "R1",
                Translated.of("Adopt the law", "اعتماد القانون", "پەسەندکردنی یاسا"),
                "short",
                "LEG",
                Translated.of("LEG-01 = 1", "LEG-01 = 1", "LEG-01 = 1"),
                ["16.6"],
            )
        ],
    )
    report = build_national(inputs, "en")
    findings = next(s for s in report.sections if s.id == "findings")
    leg, srv = findings.subsections
    behind = leg.blocks[-1]
    assert [row[0] for row in behind.rows] == [
        "Ministry of Health",
        "Ministry of Planning",
        "Ministry of Justice",
    ]
    assert srv.blocks[-1].text == label("missing_section", "en")
    path = render_pdf(build_national(inputs, "ar"), tmp_path / "national.pdf")
    text = "\n".join(p.extract_text() for p in PdfReader(str(path)).pages)
    assert "اعتماد القانون" in text and "وزارة التخطيط" in text
    assert "بيانات توضيحية" in text
