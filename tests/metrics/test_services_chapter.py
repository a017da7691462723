"""The national report's "Services and unified metrics" chapter: derived KPIs with their working, the
levels, and each KPI's trend against its target as a chart with its data table, in the report's digits."""

from __future__ import annotations

from raqmana.i18n import Translated
from raqmana.metrics import LEVEL_NAMES, DigitisationLevel, derive_kpis
from raqmana.metrics.kpis import ServiceMeasures
from raqmana.reports.model import Figure, Note, Table
from raqmana.reports.services_chapter import ServicesData, services_section

KPIS = derive_kpis(
    [ServiceMeasures("passport", 3, 3, 1, 1000, 4, 2, 10.0, True), ServiceMeasures("visa", 4, 2, 0, 500)]
)
TREND = {
    "kpi": "SRV-R02-K1",
    "name": {
        "en": "Services fully online",
        "ar": "الخدمات الإلكترونية بالكامل",
        "ckb": "خزمەتگوزارییە ئۆنلاینەکان",
    },
    "unit": "percent",
    "points": [{"period": "2026-Q1", "value": 25.0}, {"period": "2026-Q2", "value": 40.0}],
    "target": {"value": 50.0, "period": "2027-Q4", "initiative": "SRV-R02"},
    "illustrative": True,
}


def data(**kw) -> ServicesData:
    levels = [(int(lv), LEVEL_NAMES[lv], {3: 1, 4: 1}.get(int(lv), 0)) for lv in DigitisationLevel]
    return ServicesData(
        kpis=KPIS.as_dict(),
        levels=levels,
        trends=[TREND],
        illustrative=True,
        names={"passport": Translated(en="Passport issue", ar="إصدار جواز السفر")},
        **kw,
    )


def test_it_shows_the_kpis_with_their_working_and_each_trend_with_its_table():
    section = services_section(data(), "en")
    tables = {t.id: t for t in section.blocks if isinstance(t, Table)}
    assert tables["services-kpis"].rows[0] == ["In-person visits avoided per year", "3,000"]
    assert tables["services-working"].rows[0] == ["Passport issue", 3, 1, 1000, 2000]
    (figure,) = [b for b in section.blocks if isinstance(b, Figure)]
    assert figure.data is not None and figure.data.rows == [
        ["Q1 2026", "25.0%", "50.0%"],
        ["Q2 2026", "40.0%", "50.0%"],
    ]
    assert figure.chart.svg.startswith("<svg")
    assert any(isinstance(b, Note) and b.level == "warning" for b in section.blocks)  # illustrative


def test_in_arabic_the_numbers_are_in_arabic_indic_digits():
    section = services_section(data(), "ar")
    tables = {t.id: t for t in section.blocks if isinstance(t, Table)}
    assert tables["services-kpis"].rows[0][1] == "٣٬٠٠٠"
    assert section.title != "Services and unified metrics"


def test_without_figures_it_says_so():
    section = services_section(ServicesData(kpis=KPIS.as_dict(), levels=[], trends=[]), "en")
    assert [b.text for b in section.blocks if isinstance(b, Note)] == ["No KPI figure has been reported yet."]
