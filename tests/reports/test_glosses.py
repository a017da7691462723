"""Gini, Theil, Monte Carlo and rank intervals come with plain words; divide tables list real groups only."""

import math

import numpy as np
from tests.reports.test_report_formats import inputs

from raqmana.analysis.divide import theil_decomposition
from raqmana.i18n import Translated
from raqmana.reports import adapters
from raqmana.reports.inputs import Divide, DivideGroup
from raqmana.reports.institution import build_institution
from raqmana.reports.labels import label
from raqmana.reports.model import Note
from raqmana.reports.national import build_national
from raqmana.reports.text import integer


def test_the_governorate_table_lists_governorates_only_and_counts_the_others():
    shown, left_out = adapters._shown_groups(
        "governorate", [("unspecified", 2.0, 30), ("basra", 1.5, 4), ("erbil", 2.5, 3)]
    )
    assert [g for g, _, _ in shown] == ["basra", "erbil"] and left_out == 30


def test_the_table_by_kind_puts_the_region_and_its_bodies_in_one_row():
    shown, left_out = adapters._shown_groups(
        "type", [("ministry", 2.0, 10), ("region", 3.0, 1), ("regional_body", 2.0, 3)]
    )
    merged = {g: (m, n) for g, m, n in shown}
    assert set(merged) == {"ministry", "region_and_bodies"} and left_out == 0
    assert merged["region_and_bodies"] == (2.25, 4), "the mean of the four institutions"


def test_the_theil_between_groups_is_computed_from_the_groups_shown():
    a, b = np.array([1.0, 2.0, 3.0]), np.array([4.0, 4.0])
    expected = theil_decomposition({"a": a, "b": b}).between
    assert math.isclose(adapters._theil_between([(2.0, 3), (4.0, 2)]), expected, rel_tol=1e-9)
    assert adapters._theil_between([(2.0, 3), (2.0, 5)]) == 0.0


def test_the_report_explains_gini_theil_and_the_interval_where_it_shows_them(tmp_path):
    base = inputs(tmp_path, 3)
    base.divides = [
        Divide(
            Translated.of("Governorate", "المحافظة", "پارێزگا"),
            [DivideGroup(Translated.of("Basra", "البصرة", "بەسرە"), 1.5, 4)],
            0.12,
            0.01,
            [],
            left_out=30,
        )
    ]
    for lang in ("ar", "ckb", "en"):
        report = build_national(base, lang)
        sections = {s.id: s for s in report.sections}
        notes = [b.text for b in sections["divide"].blocks if isinstance(b, Note)]
        assert any(label("gloss_gini", lang) in n and label("gloss_theil", lang) in n for n in notes)
        texts = [getattr(b, "text", "") for b in sections["divide"].blocks]
        assert label("governorate_left_out", lang).format(n=integer(30, lang)) in texts
        findings = [b.text for b in sections["findings"].blocks if isinstance(b, Note)]
        assert any(label("gloss_interval", lang) in n for n in findings)


def test_the_institution_profile_explains_its_rank_interval(tmp_path):
    base = inputs(tmp_path, 3)
    inst = base.institutions[0]
    inst.rank_low, inst.rank_high = 1, 3
    report = build_institution(base, inst, "ar")
    notes = [b.text for s in report.sections for b in s.blocks if isinstance(b, Note)]
    assert any(label("gloss_rank", "ar") in n for n in notes)


def test_a_short_term_recommendation_scheduled_later_is_explained_in_the_roadmap(tmp_path):
    from raqmana.reports.inputs import InitiativeItem, RecommendationItem

    base = inputs(tmp_path, 3)
    title = Translated.of("Adopt the law", "اعتماد القانون", "پەسەندکردنی یاسا")
    base.recommendations = [
        RecommendationItem("CYB-R03", title, "short", "LEG", title),
        RecommendationItem("INS-R01", title, "short", "LEG", title),
    ]
    base.initiatives = [
        InitiativeItem("CYB-R03@programme", title, "comsec", "2027-Q1", "2029-Q2", 1000.0, [], "medium"),
        InitiativeItem("INS-R01", title, "comsec", "2027-Q1", "2027-Q4", 1000.0, [], "short"),
    ]
    report = build_national(base, "en")
    roadmap = next(s for s in report.sections if s.id == "roadmap")
    notes = [b.text for b in roadmap.blocks if isinstance(b, Note)]
    assert any("CYB-R03 (Medium term)" in n and "INS-R01" not in n for n in notes), notes
