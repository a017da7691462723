"""KPI trends with their targets and the roadmap's progress on the public portal: only what a publication
holds shows, object by object; a figure, a report or a KPI added after publishing waits for the next."""

from __future__ import annotations

import pytest

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


def test_the_portal_speaks_the_reader_s_language_for_names_sources_and_dates(as_user, client):
    from tests.web.test_services import PASSPORT, VISA, catalogue_csv
    from tests.web.test_services import upload as upload_services

    coord = as_user("coord")
    assert upload_services(coord, catalogue_csv(PASSPORT, VISA)).status_code == 200
    adopt(coord, small_roadmap())
    report(coord, initiative="evisa", quarter="2026-Q2", percent_done=10, status="delayed", spend_usd=5000)
    publish(coord)
    index = client.get("/public?lang=ar").text
    working = index.split("<details>")[1].split("</details>")[0]
    # the working of visits avoided names its services, with their code beside
    assert "إصدار جواز السفر" in working and "<td>passport" not in working
    footer = index.split("<footer")[1]
    assert "raqmana service catalogue" not in footer and "دليل الخدمات في رقمنة" in footer
    published = footer.split(">", 1)[1].split("<span")[0]  # the date in the reader's digits too
    assert "٢٠٢٦" in published and not any(ch.isascii() and ch.isdigit() for ch in published)
    kpis = client.get("/public/kpis?lang=ar").text
    assert "roadmap follow-up" not in kpis and "متابعة خارطة الطريق" in kpis
    assert "في الربع الربع" not in kpis and "في الربع</a>" not in kpis
    page = client.get("/public/kpis/roadmap_spend_usd?lang=ckb").text
    assert "roadmap follow-up" not in page and "بەدواداچوونی نەخشەڕێگا" in page


@pytest.mark.parametrize(("lang", "amount"), [("en", "5,000"), ("ar", "٥٬٠٠٠"), ("ckb", "٥٬٠٠٠")])
def test_money_figures_name_their_currency_in_the_kpi_table(as_user, client, lang, amount):
    """The roadmap's quarterly spending reads "5,000 USD" in the KPIs' table, as a share reads with "%",
    not a bare number among counts."""
    from raqmana.i18n import gettext

    coord = as_user("coord")
    adopt(coord, small_roadmap())
    report(coord, initiative="evisa", quarter="2026-Q2", percent_done=10, status="delayed", spend_usd=5000)
    publish(coord)
    row = client.get(f"/public/kpis?lang={lang}").text.split('href="/public/kpis/roadmap_spend_usd')[1]
    figure = row.split("</tr>")[0]
    assert f"{amount}\u00a0{gettext(lang, 'USD')}" in figure
