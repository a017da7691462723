"""KPI observations as pure data: quarters written several ways, each figure checked against its KPI's
unit and range, and the country's figures added up once per institution."""

from __future__ import annotations

import pytest

from raqmana.i18n import Translated
from raqmana.metrics.observations import ObservedKpi, parse_observation, parse_quarter
from raqmana.metrics.trends import Level, Total, national_series, quarterly_kpis
from raqmana.problems import Location

KPIS = {
    "tx": ObservedKpi("tx", Translated(en="Transactions"), "count"),
    "pct": ObservedKpi("pct", Translated(en="Share online"), "percent", rollup="mean"),
    "done": ObservedKpi("done", Translated(en="Computed"), "share", derived=True),
}


def parse(**values: str):
    return parse_observation(values, lambda c: Location(column=c), KPIS)


@pytest.mark.parametrize("text", ["2026-Q3", "2026Q3", "2026 q3", "Q3 2026", "q3-2026"])
def test_it_reads_a_quarter_written_several_ways(text):
    assert parse_quarter(text) == "2026-Q3"


@pytest.mark.parametrize("text", ["2026-Q5", "2026", "Q3", "2026-03", ""])
def test_it_refuses_what_is_not_a_quarter(text):
    assert parse_quarter(text) is None


def test_a_good_row_becomes_an_observation_with_its_groups_in_the_key():
    o, problems = parse(kpi="pct", period="Q1 2026", value="42.5", unit="%", sex="Female")
    assert problems == [] and o is not None
    assert (o.period, o.value, o.unit, o.groups) == ("2026-Q1", 42.5, "percent", {"sex": "female"})
    assert o.key == "pct|2026-Q1||||female|||"  # kpi|period|institution|service|governorate|sex|…


@pytest.mark.parametrize(
    ("values", "code", "column"),
    [
        ({"kpi": "tx", "value": "2.5", "unit": "count"}, "MT041", "value"),
        ({"kpi": "tx", "value": "-1", "unit": "count"}, "MT002", "value"),
        ({"kpi": "pct", "value": "101", "unit": "percent"}, "MT034", "value"),
        ({"kpi": "pct", "value": "50", "unit": "count"}, "MT033", "unit"),
        ({"kpi": "tx", "value": "many", "unit": "count"}, "MT035", "value"),
        ({"kpi": "tx", "value": "nan", "unit": "count"}, "MT035", "value"),
        ({"kpi": "done", "value": "0.5", "unit": "share"}, "MT031", "kpi"),
        ({"kpi": "nope", "value": "1", "unit": "count"}, "MT030", "kpi"),
        ({"kpi": "tx", "value": "1", "unit": "count", "area": "suburb"}, "MT004", "area"),
    ],
)
def test_an_impossible_figure_is_refused_where_it_is(values, code, column):
    o, problems = parse(period="2026-Q1", **values)
    assert o is None
    assert [(p.code.id, p.location.column) for p in problems] == [(code, column)]


def test_transactions_count_once_per_institution_services_first():
    totals = [
        Total("transactions", "2026-Q1", "moi", True, 700),  # its services' figures …
        Total("transactions", "2026-Q1", "moi", False, 999),  # … win over its own total
        Total("transactions", "2026-Q1", "mofa", False, 300),
        Total("transactions", "2026-Q1", "", False, 5000),  # national: only when nothing finer
        Total("transactions_online", "2026-Q1", "moi", True, 500),
        Total("transactions", "2026-Q2", "", False, 2000),
        Total("transactions_online", "2026-Q2", "", False, 500),
    ]
    q1, q2 = quarterly_kpis(totals, {"2026-Q1": 1400.0})
    assert (q1.transactions, q1.transactions_online, q1.online_share, q1.visits_avoided) == (
        1000,
        500,
        0.5,
        1400,
    )
    assert (q2.period, q2.transactions, q2.online_share, q2.visits_avoided) == ("2026-Q2", 2000, 0.25, 0)


def test_the_national_series_prefers_a_national_figure_and_else_adds_or_averages_institutions():
    levels = [
        Level("pct", "2026-Q1", False, 60, 2),  # two institutions: 20 and 40
        Level("pct", "2026-Q2", False, 30, 1),
        Level("pct", "2026-Q2", True, 35, 1),  # the national figure wins
    ]
    assert national_series(levels, rollup="mean") == {"pct": {"2026-Q1": (30.0, 2), "2026-Q2": (35, 0)}}
    assert national_series(levels, rollup="sum")["pct"]["2026-Q1"] == (60, 2)
