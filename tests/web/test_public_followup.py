"""KPI trends with their targets and the roadmap's progress on the public portal: only what a publication
holds shows, object by object; a figure, a report or a KPI added after publishing waits for the next."""

from __future__ import annotations

from tests.web.test_followup import adopt, report, small_roadmap
from tests.web.test_kpi_observations import obs_csv
from tests.web.test_kpi_observations import upload as upload_figures


def publish(browser):
    r = browser.post(
        "/api/v1/publication/publish", json={}, headers={"X-CSRF-Token": browser.csrf("/account")}
    )
    assert r.status_code == 200, r.text
    return r.json()


def figure(kpi: str, period: str, value: str, unit: str = "percent") -> dict[str, str]:
    return {"kpi": kpi, "period": period, "value": value, "unit": unit, "illustrative": "true"}


def test_published_trends_and_progress_show_and_nothing_after_publishing_leaks(as_user, client):
    coord, focal = as_user("coord"), as_user("focal")
    upload_figures(
        coord, obs_csv(figure("SRV-R02-K1", "2026-Q1", "20"), figure("SRV-R02-K1", "2026-Q2", "30"))
    )
    adopt(coord, small_roadmap())
    report(
        focal,
        initiative="evisa",
        quarter="2026-Q1",
        percent_done=10,
        status="delayed",
        blockers="internal note",
    )
    publish(coord)
    # after publishing: a new quarter, a new KPI, a new progress report
    upload_figures(
        coord, obs_csv(figure("SRV-R02-K1", "2026-Q3", "77"), figure("SKL-R02-K1", "2026-Q1", "55"))
    )
    report(focal, initiative="evisa", quarter="2026-Q2", percent_done=66, status="on_track")

    kpis = client.get("/public/kpis?lang=en")
    assert kpis.status_code == 200 and "SKL-R02-K1" not in kpis.text
    page = client.get("/public/kpis/SRV-R02-K1?lang=en").text
    assert "30%" in page and "77%" not in page and "Illustrative figures" in page
    assert client.get("/public/kpis/SKL-R02-K1?lang=en").status_code == 404
    chart = client.get("/public/kpis/SRV-R02-K1/trend.svg?lang=ar")
    assert chart.status_code == 200 and chart.headers["content-type"].startswith("image/svg+xml")
    roadmap = client.get("/public/roadmap?lang=en").text
    assert "E-visa" in roadmap and "10%" in roadmap and "66%" not in roadmap
    assert "internal note" not in roadmap  # owners' blockers stay inside
    # the next publication shows them
    publish(coord)
    assert "77%" in client.get("/public/kpis/SRV-R02-K1?lang=en").text
    assert "66%" in client.get("/public/roadmap?lang=en").text
    assert client.get("/public/kpis/SKL-R02-K1?lang=en").status_code == 200


def test_without_a_roadmap_or_figures_the_pages_say_not_found(as_user, client):
    publish(as_user("coord"))
    assert client.get("/public/roadmap?lang=en").status_code == 404
    assert client.get("/public/kpis/SRV-R02-K1?lang=en").status_code == 404
    assert client.get("/public/kpis?lang=en").status_code == 200


def test_the_trends_and_progress_are_open_data_in_a_valid_frictionless_package(as_user, client, tmp_path):
    import json

    import pytest

    frictionless = pytest.importorskip("frictionless")
    coord, focal = as_user("coord"), as_user("focal")
    upload_figures(
        coord, obs_csv(figure("SRV-R02-K1", "2026-Q1", "20"), figure("SRV-R02-K1", "2026-Q2", "30"))
    )
    adopt(coord, small_roadmap())
    report(focal, initiative="evisa", quarter="2026-Q1", percent_done=10, status="delayed")
    v = publish(coord)["version"]
    descriptor = client.get("/public/data/datapackage.json").json()
    names = [r["name"] for r in descriptor["resources"]]
    assert {"kpi_trends", "roadmap_progress"} <= set(names)
    for name in names:
        (tmp_path / f"{name}.csv").write_bytes(client.get(f"/public/data/v{v}/{name}.csv").content)
    for resource in descriptor["resources"]:
        resource["path"] = f"{resource['name']}.csv"
    (tmp_path / "datapackage.json").write_text(json.dumps(descriptor))
    checked = frictionless.Package(str(tmp_path / "datapackage.json")).validate()
    assert checked.valid, checked.flatten(["rowNumber", "fieldName", "type", "note"])
    trends = client.get("/public/data/kpi_trends.json").json()
    assert [(t["period"], t["value"], t["illustrative"]) for t in trends if t["kpi"] == "SRV-R02-K1"] == [
        ("2026-Q1", 20.0, True),
        ("2026-Q2", 30.0, True),
    ]
    progress = {r["initiative"]: r for r in client.get("/public/data/roadmap_progress.json").json()}
    assert (progress["evisa"]["percent_done"], progress["evisa"]["status"]) == (10.0, "delayed")
