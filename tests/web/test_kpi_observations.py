"""KPI observations in the web: a file of figures per quarter is imported all-or-nothing with located
problems, an institution reports only its own figures, the KPI page shows the trend with its data table
and groups, and the KPIs computed each quarter follow the reported figures."""

from __future__ import annotations

import csv
import io

from sqlalchemy import select

from raqmana.metrics.observations import COLUMNS
from raqmana.store.models import AuditEvent, KpiObservation
from tests.web.test_services import PASSPORT, VISA, catalogue_csv
from tests.web.test_services import upload as upload_services


def obs_csv(*rows: dict[str, str]) -> bytes:
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=list(COLUMNS), lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({c: r.get(c, "") for c in COLUMNS})
    return out.getvalue().encode()


def upload(browser, data: bytes, name: str = "figures.csv"):
    return browser.post(
        "/api/v1/kpis/observations/import",
        files={"file": (name, data, "text/csv")},
        headers={"X-CSRF-Token": browser.csrf("/account")},
    )


def tx(
    period: str, value: str, *, kpi: str = "transactions", service: str = "passport", **kw: str
) -> dict[str, str]:
    return {"kpi": kpi, "period": period, "service": service, "value": value, "unit": "count", **kw}


def test_it_imports_figures_and_computes_the_quarterly_kpis(as_user):
    coord = as_user("coord")
    assert upload_services(coord, catalogue_csv(PASSPORT, VISA)).status_code == 200
    r = upload(
        coord,
        obs_csv(
            tx("2026-Q1", "1000"),
            tx("2026-Q1", "400", kpi="transactions_online"),
            tx("2026-Q2", "1200"),
            tx("Q2 2026", "900", kpi="transactions_online"),
            tx("2026-Q2", "500", service="visa"),
        ),
    )
    assert r.status_code == 200, r.text
    assert r.json() == {"created": 5, "updated": 0, "unchanged": 0, "submitted": 0}
    share = coord.get("/api/v1/kpis/online_transaction_share").json()["trend"]
    assert [(p["period"], p["value"]) for p in share["points"]] == [("2026-Q1", 0.4), ("2026-Q2", 900 / 1700)]
    visits = coord.get("/api/v1/kpis/visits_avoided_quarter").json()["trend"]
    # passport saves 3 - 1 visits per transaction, visa 3 - 0
    assert [p["value"] for p in visits["points"]] == [2 * 1000, 2 * 1200 + 3 * 500]
    # the same file again changes nothing
    assert upload(coord, obs_csv(tx("2026-Q1", "1000"))).json() == {
        "created": 0,
        "updated": 0,
        "unchanged": 1,
        "submitted": 0,
    }


def test_figures_per_service_of_a_count_add_up_to_the_national_figure(as_user):
    coord = as_user("coord")
    assert upload_services(coord, catalogue_csv(PASSPORT, VISA)).status_code == 200
    r = upload(
        coord,
        obs_csv(
            tx("2026-Q1", "1000"),
            tx("2026-Q1", "500", service="visa"),
            tx("2026-Q1", "400", kpi="transactions_online"),
            tx("2026-Q2", "1200"),
            tx("2026-Q2", "2000", service=""),  # the country's own total wins over its services' sum
        ),
    )
    assert r.status_code == 200, r.text
    points = coord.get("/api/v1/kpis/transactions").json()["trend"]["points"]
    assert [(p["period"], p["value"]) for p in points] == [("2026-Q1", 1500.0), ("2026-Q2", 2000.0)]
    online = coord.get("/api/v1/kpis/transactions_online").json()["trend"]["points"]
    assert [(p["period"], p["value"]) for p in online] == [("2026-Q1", 400.0)]
    listing = {k["kpi"]: k["latest"] for k in coord.get("/api/v1/kpis").json()["kpis"]}
    assert listing["transactions"]["value"] == 2000.0
    html = coord.get("/kpis/transactions?lang=en").text
    assert "No figure reported yet" not in html and "or else the sum of its services" in html
    assert coord.get("/api/v1/kpis/SRV-R02-K1").json()["trend"]["rollup"] == "mean"


def test_bad_figures_are_located_and_nothing_is_imported(as_user, world):
    coord = as_user("coord")
    upload_services(coord, catalogue_csv(PASSPORT, VISA))
    r = upload(
        coord,
        obs_csv(
            tx("2026-Q1", "100"),
            tx("2026-Q1", "150", kpi="transactions_online"),  # more online than all
            tx("2026-Q1", "500", kpi="visits_avoided"),  # passport: at most 3 visits x 100
            tx("2026-Q1", "7", unit="percent"),  # wrong unit
            tx("2026-Q5", "7"),
            tx("2026-Q2", "-3"),
            tx("2026-Q2", "3", service="nowhere"),
            {"kpi": "no-such-kpi", "period": "2026-Q1", "value": "1", "unit": "count"},
            {"kpi": "fully_online_share", "period": "2026-Q1", "value": "0.5", "unit": "share"},
            {"kpi": "SRV-R02-K1", "period": "2026-Q1", "value": "140", "unit": "percent"},
            tx("2026-Q1", "100"),  # twice
            tx("2026-Q3", "1", sex="other"),
        ),
    )
    assert r.status_code == 422
    found = sorted(
        (e["code"], e["location"].get("line"), e["location"].get("column")) for e in r.json()["errors"]
    )
    assert found == [
        ("MT002", 7, "value"),
        ("MT004", 13, "sex"),
        ("MT030", 9, "kpi"),
        ("MT031", 10, "kpi"),
        ("MT032", 6, "period"),
        ("MT033", 5, "unit"),
        ("MT034", 11, "value"),
        ("MT036", 8, "service"),
        ("MT038", 12, "period"),
        ("MT039", 4, "value"),
        ("MT040", 3, "value"),
    ]
    with world.ws.reader() as s:
        assert s.scalars(select(KpiObservation)).all() == []


def test_an_institution_reports_its_own_figures_only_and_every_change_is_audited(as_user, world):
    focal = as_user("focal")  # focal point of mofa
    token = focal.csrf("/account")
    row = {"kpi": "SRV-R01-K1", "period": "2026-Q1", "institution": "mofa", "value": "1200", "unit": "count"}
    mine = focal.post("/api/v1/kpis/observations", json=row, headers={"X-CSRF-Token": token})
    assert mine.status_code == 200, mine.text
    assert mine.json()["version"] == 1
    theirs = focal.post(
        "/api/v1/kpis/observations", json={**row, "institution": "moi"}, headers={"X-CSRF-Token": token}
    )
    assert theirs.status_code == 403
    national = focal.post(
        "/api/v1/kpis/observations", json={**row, "institution": ""}, headers={"X-CSRF-Token": token}
    )
    assert national.status_code == 403
    stale = focal.post(
        "/api/v1/kpis/observations",
        json={**row, "value": "1300", "expected_version": 0},
        headers={"X-CSRF-Token": token},
    )
    assert stale.status_code == 409
    fixed = focal.post(
        "/api/v1/kpis/observations",
        json={**row, "value": "1300", "expected_version": 1},
        headers={"X-CSRF-Token": token},
    )
    assert fixed.json()["version"] == 2
    (seen,) = focal.get("/api/v1/kpis/SRV-R01-K1").json()["observations"]
    assert seen["reported_by"] == "Focal" and seen["version"] == 2
    with world.ws.reader() as s:
        actions = [
            e.action for e in s.scalars(select(AuditEvent).where(AuditEvent.entity_type == "kpi_observation"))
        ]
    assert actions == ["kpi.observe", "kpi.revise"]


def test_the_kpi_page_shows_the_trend_its_table_and_groups(as_user):
    coord = as_user("coord")
    rows = [
        {"kpi": "SRV-R02-K1", "period": p, "institution": inst, "value": v, "unit": "percent"}
        for p, inst, v in (("2026-Q1", "mofa", "20"), ("2026-Q1", "moi", "30"), ("2026-Q2", "mofa", "40"))
    ]
    rows += [
        {"kpi": "SRV-R02-K1", "period": "2026-Q2", "value": v, "unit": "percent", "sex": sex}
        for sex, v in (("female", "35"), ("male", "45"))
    ]
    assert upload(coord, obs_csv(*rows)).status_code == 200
    trend = coord.get("/api/v1/kpis/SRV-R02-K1").json()["trend"]
    assert [(p["period"], p["value"], p["institutions"]) for p in trend["points"]] == [
        ("2026-Q1", 25.0, 2),
        ("2026-Q2", 40.0, 1),
    ]
    assert [(g["group"], g["value"], g["figure"]) for g in trend["groups"]] == [
        ("sex", "female", 35.0),
        ("sex", "male", 45.0),
    ]
    html = coord.get("/kpis/SRV-R02-K1?lang=ar").text
    assert 'src="/kpis/SRV-R02-K1/trend.svg?lang=ar"' in html and "٢٥٪" in html
    svg = coord.get("/kpis/SRV-R02-K1/trend.svg?lang=ar")
    assert svg.status_code == 200 and svg.text.startswith("<svg")
    listing = coord.get("/api/v1/kpis").json()["kpis"]
    assert {k["kpi"]: k["latest"]["value"] for k in listing}["SRV-R02-K1"] == 40.0


def test_the_export_imports_back_unchanged(as_user):
    coord = as_user("coord")
    upload(
        coord,
        obs_csv(
            {
                "kpi": "SRV-R01-K1",
                "period": "2026-Q1",
                "value": "1200",
                "unit": "count",
                "illustrative": "true",
            }
        ),
    )
    for fmt in ("csv", "xlsx"):
        data = coord.get(f"/api/v1/kpis/observations/export.{fmt}").content
        assert upload(coord, data, f"figures.{fmt}").json() == {
            "created": 0,
            "updated": 0,
            "unchanged": 1,
            "submitted": 0,
        }


def test_the_kpi_page_names_services_and_units_in_the_reader_s_words(as_user):
    coord = as_user("coord")
    assert upload_services(coord, catalogue_csv(PASSPORT, VISA)).status_code == 200
    assert (
        upload(coord, obs_csv(tx("2026-Q1", "1000"), tx("2026-Q1", "500", service="visa"))).status_code == 200
    )
    names = {
        o["observation"]["service"]: o["service_name"]["en"]
        for o in coord.get("/api/v1/kpis/transactions").json()["observations"]
    }
    html = coord.get("/kpis/transactions?lang=ar").text
    for code, name in names.items():
        assert name and name != code
    assert "إصدار جواز السفر" in html and "(count)" not in html and "(عدد)" in html
    assert '<bdi class="rq-code small text-body-secondary text-nowrap">passport</bdi>' in html
    listing = coord.get("/kpis?lang=ar").text
    assert '<bdi class="rq-code small text-body-secondary text-nowrap">transactions</bdi>' in listing
