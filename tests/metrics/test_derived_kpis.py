"""Derived KPIs are computed from the catalogue with their working, and impossible values are refused."""

from __future__ import annotations

import pytest

from raqmana.i18n import Translated
from raqmana.metrics import DigitisationLevel, ServiceRecord, check_service, derive_kpis, un_osi_stage
from raqmana.metrics.service import COLUMNS, parse_row, to_row
from raqmana.problems import Location


def service(code: str, **kw: object) -> ServiceRecord:
    return ServiceRecord(code=code, owner="moi", name=Translated(en=code), **kw)  # type: ignore[arg-type]


def test_it_sums_visits_avoided_per_service_times_transactions_and_shows_the_working():
    kpis = derive_kpis(
        [
            service("passport", visits_before=3, visits_now=1, annual_transactions=1_000),
            service("tax-card", visits_before=2, visits_now=0, annual_transactions=5_000, level=4),
            service("birth", visits_before=1, visits_now=1, annual_transactions=9_000),
        ]
    )
    assert kpis.visits_avoided == 2 * 1_000 + 2 * 5_000
    assert [(w.code, w.avoided) for w in kpis.working] == [("tax-card", 10_000), ("passport", 2_000)]


def test_it_counts_fully_online_once_only_and_processing_time():
    kpis = derive_kpis(
        [
            service(
                "a",
                level=DigitisationLevel.FULL_TRANSACTION,
                documents_required=4,
                documents_held=3,
                processing_days=2,
                annual_transactions=300,
            ),
            service("b", level=DigitisationLevel.PROACTIVE, documents_required=0, processing_days=0),
            service(
                "c",
                level=DigitisationLevel.ONLINE_SUBMISSION,
                documents_required=4,
                documents_held=1,
                processing_days=10,
                annual_transactions=100,
            ),
            service("d", level=DigitisationLevel.INFORMATION),
        ]
    )
    assert kpis.fully_online_share == 0.5
    assert kpis.once_only_share == 4 / 8
    assert kpis.processing_days_mean == 6  # services without a stated time are left out
    assert kpis.processing_days_weighted == (2 * 300 + 10 * 100) / 400


def test_an_empty_catalogue_has_no_shares_rather_than_zero():
    kpis = derive_kpis([])
    assert (kpis.services, kpis.visits_avoided, kpis.fully_online_share, kpis.once_only_share) == (
        0,
        0,
        None,
        None,
    )


@pytest.mark.parametrize(
    ("fields", "code", "field"),
    [
        ({"visits_before": 1, "visits_now": 3}, "MT006", "visits_now"),
        ({"documents_required": 1, "documents_held": 2}, "MT007", "documents_held"),
        ({"level": 4, "visits_before": 2, "visits_now": 1}, "MT008", "visits_now"),
        ({"annual_transactions": -4}, "MT002", "annual_transactions"),
    ],
)
def test_impossible_records_are_refused_with_the_field_named(fields, code, field):
    problems = check_service(service("x", **fields))
    assert [(p.code.id, p.location.field) for p in problems] == [(code, field)]


def test_a_row_is_read_with_each_problem_at_its_column():
    where = lambda column: Location(file="c.csv", line=7, column=column)  # noqa: E731
    record, problems = parse_row(
        {"code": "passport", "owner": "moi", "name_en": "Passport", "level": "9", "visits_now": "-1"}, where
    )
    assert record is None
    assert sorted((p.code.id, p.location.column, p.location.line) for p in problems) == [
        ("MT002", "visits_now", 7),
        ("MT003", "level", 7),
    ]
    level = next(p for p in problems if p.code.id == "MT003")
    assert (
        level.render("en")
        == "[MT003] c.csv, line 7, column level: '9' is not a digitisation level: use a whole number from 1 to 5."
    )


def test_a_record_survives_a_round_trip_through_a_row():
    original = service(
        "passport",
        level=3,
        channels=("online", "office"),
        building_blocks=("digital_identity", "payments"),
        visits_before=3,
        visits_now=1,
        processing_days=12.5,
        illustrative=True,
    )
    row = {k: str(v) for k, v in to_row(original).items()}
    assert list(row) == list(COLUMNS)
    again, problems = parse_row(row, lambda c: Location(column=c))
    assert problems == [] and again == original


def test_the_crosswalk_maps_every_level_to_a_un_osi_stage():
    assert [un_osi_stage(level) for level in DigitisationLevel] == [1, 2, 3, 3, 4]
