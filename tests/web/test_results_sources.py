"""The results page's sources: the index's source under its chart and the "Sources and provenance" lines
in the reader's language, an English citation isolated as such; the JSON twin has both languages' lines."""

from __future__ import annotations

from .test_results import scored  # noqa: F401 — fixture


def test_the_sources_read_in_arabic_with_english_citations_isolated(scored, as_user):  # noqa: F811
    html = as_user("coord").get(f"/assessments/{scored.assessment_id}/results?lang=ar").text
    sources = html.split('id="method-h"', 1)[1]
    assert "إدارة الشؤون الاقتصادية والاجتماعية في الأمم المتحدة (UN DESA)" in sources
    assert "Division for Public Institutions" not in sources
    assert '<ul class="small" lang="en" dir="ltr">' not in sources  # no longer one English list
    assert '<bdi dir="ltr" lang="en">' in sources  # the framework's citation, as written
    under_chart = html.split('id="benchmarks-h"', 1)[1].split('id="method-h"', 1)[0]
    assert "مسح الأمم المتحدة للحكومة الإلكترونية" in under_chart


def test_the_json_twin_keeps_the_english_and_adds_every_language(scored, as_user):  # noqa: F811
    data = as_user("viewer").get(f"/api/v1/assessments/{scored.assessment_id}/results").json()
    assert any("UN DESA (Division" in line for line in data["provenance"])
    lines = data["provenance_text"]
    assert any(line["ckb"].startswith("بەشی کاروباری ئابووری") for line in lines)
    assert all(s["source_text"]["en"] == s["source"] for s in data["benchmarks"])
