"""The public portal shows what the coordinator published and nothing else; it caches with ETags, and its
open data is a valid Frictionless Data Package with a DCAT catalogue."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from raqmana.store.models import AuditEvent

from .test_services import PASSPORT, VISA, catalogue_csv, upload


def publish(browser):
    r = browser.post(
        "/api/v1/publication/publish", json={}, headers={"X-CSRF-Token": browser.csrf("/account")}
    )
    assert r.status_code == 200, r.text
    return r.json()


@pytest.fixture
def coord(as_user):
    c = as_user("coord")
    upload(c, catalogue_csv(PASSPORT, {**VISA, "illustrative": "yes"}))
    return c


def test_nothing_is_public_before_publishing(coord, client):
    for path in (
        "/public",
        "/public/services/passport",
        "/public/data/datapackage.json",
        "/public/data/services.csv",
    ):
        assert client.get(path).status_code == 404, path


def test_the_portal_shows_the_published_snapshot_without_sign_in(coord, client):
    version = publish(coord)["version"]
    page = client.get("/public?lang=en")
    assert page.status_code == 200
    assert "Passport issue" in page.text and "Visa" in page.text
    assert "Illustrative data" in page.text  # one service's figures are illustrative
    assert f"Published version {version}" in page.text
    ar = client.get("/public?lang=ar")
    assert 'dir="rtl"' in ar.text and "إصدار جواز السفر" in ar.text
    card = client.get("/public/services/passport?lang=en")
    assert card.status_code == 200 and "3 before, 1 now" in card.text


def test_what_changes_after_publishing_stays_private_until_the_next_publication(coord, client):
    publish(coord)
    token = coord.csrf("/account")
    coord.post(
        "/api/v1/services/passport", json={"name_en": "Secret new name"}, headers={"X-CSRF-Token": token}
    )
    upload(
        coord, catalogue_csv(PASSPORT, VISA, {**PASSPORT, "code": "unpublished-service", "name_en": "Hidden"})
    )
    everything = [
        client.get(p).text
        for p in ("/public?lang=en", "/public/data/services.csv", "/public/data/services.json")
    ]
    assert not [t for t in everything if "Secret new name" in t or "unpublished-service" in t]
    assert client.get("/public/services/unpublished-service").status_code == 404
    publish(coord)
    assert "unpublished-service" in client.get("/public/data/services.csv").text


def test_a_withdrawn_publication_is_gone_from_every_public_address(coord, client, world):
    v = publish(coord)["version"]
    token = coord.csrf("/account")
    stale = coord.post(
        "/api/v1/publication/withdraw", json={"expected_version": v + 1}, headers={"X-CSRF-Token": token}
    )
    assert stale.status_code == 409
    r = coord.post(
        "/api/v1/publication/withdraw", json={"expected_version": v}, headers={"X-CSRF-Token": token}
    )
    assert r.status_code == 200 and r.json()["withdrawn_at"]
    for path in (
        "/public",
        "/public/services/visa",
        f"/public/data/v{v}/services.csv",
        "/public/data/catalog.jsonld",
    ):
        assert client.get(path).status_code == 404, path
    with world.ws.reader() as s:
        actions = s.scalars(select(AuditEvent.action).where(AuditEvent.entity_type == "publication")).all()
    assert actions == ["publication.publish", "publication.withdraw"]


def test_only_coordinators_of_the_whole_tree_publish(as_user, coord):
    for who in ("focal", "viewer", "rev"):
        b = as_user(who)
        r = b.post("/api/v1/publication/publish", json={}, headers={"X-CSRF-Token": b.csrf("/account")})
        assert r.status_code == 403, who


def test_pages_and_data_carry_an_etag_and_answer_304_to_it(coord, client):
    publish(coord)
    first = client.get("/public?lang=en")
    etag = first.headers["etag"]
    assert first.headers["cache-control"].startswith("public") and first.headers["last-modified"]
    assert client.get("/public?lang=en", headers={"If-None-Match": etag}).status_code == 304
    assert client.get("/public?lang=ar").headers["etag"] != etag  # each language its own
    data = client.get("/public/data/kpis.json")
    assert (
        client.get("/public/data/kpis.json", headers={"If-None-Match": data.headers["etag"]}).status_code
        == 304
    )
    publish(coord)
    assert client.get("/public?lang=en", headers={"If-None-Match": etag}).status_code == 200


def test_the_open_data_is_a_valid_frictionless_package(coord, client, tmp_path):
    frictionless = pytest.importorskip("frictionless")
    v = publish(coord)["version"]
    descriptor = client.get("/public/data/datapackage.json").json()
    for resource in descriptor["resources"]:  # the files as the portal serves them, validated offline
        name = resource["name"]
        (tmp_path / f"{name}.csv").write_bytes(client.get(f"/public/data/v{v}/{name}.csv").content)
        resource["path"] = f"{name}.csv"
    (tmp_path / "datapackage.json").write_text(json.dumps(descriptor))
    report = frictionless.Package(str(tmp_path / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    kpis = {k["kpi"]: k for k in client.get("/public/data/kpis.json").json()}
    assert kpis["visits_avoided_per_year"]["value"] == 2 * 1000 + 3 * 1000
    assert kpis["visits_avoided_per_year"]["illustrative"] is True


def test_the_dcat_catalogue_lists_each_table_with_csv_and_json(coord, client):
    v = publish(coord)["version"]
    cat = client.get("/public/data/catalog.jsonld")
    assert cat.headers["content-type"].startswith("application/ld+json")
    body = cat.json()
    assert body["@type"] == "dcat:Catalog"
    urls = [d["dcat:downloadURL"]["@id"] for ds in body["dcat:dataset"] for d in ds["dcat:distribution"]]
    assert f"http://testserver/public/data/v{v}/services.json" in urls
    for url in urls:
        assert client.get(url.removeprefix("http://testserver")).status_code == 200, url


def test_the_catalogue_is_listed_a_page_at_a_time(coord, client, monkeypatch):
    from raqmana.web.routers import public

    monkeypatch.setattr(public, "PER_PAGE", 1)
    publish(coord)
    # the catalogue's section (the working of visits avoided above it names every service)
    first, second = (
        client.get(f"/public?lang=en&page={n}").text.split('id="services-title"')[1] for n in (1, 2)
    )
    assert "Passport issue" in first and "Passport issue" not in second
    assert 'href="/public/services/visa?lang=en"' in second
    assert client.get("/public?page=3").status_code == 404


def test_the_open_data_written_to_a_folder_validates_on_its_own(coord, world, tmp_path):
    frictionless = pytest.importorskip("frictionless")
    from raqmana.workspace.publication import write_open_data

    publish(coord)
    with world.ws.reader() as s:
        written = write_open_data(s, tmp_path / "public")
    assert {p.name for p in written} >= {"datapackage.json", "catalog.jsonld", "services.csv", "kpis.json"}
    report = frictionless.Package(str(tmp_path / "public" / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_the_open_data_folder_names_no_host_unless_the_portal_address_is_set(coord, world, tmp_path):
    from raqmana.workspace.publication import write_open_data

    publish(coord)
    with world.ws.reader() as s:
        write_open_data(s, tmp_path / "rel")
        write_open_data(s, tmp_path / "abs", base_url="https://services.gov.iq/")
    rel = (tmp_path / "rel" / "catalog.jsonld").read_text(encoding="utf-8")
    assert "127.0.0.1" not in rel and "://" not in rel.replace("http://www.w3.org", "").replace(
        "http://purl.org", ""
    ).replace("http://xmlns.com", "").replace("https://creativecommons.org", "")
    catalogue = json.loads(rel)
    downloads = [
        d["dcat:downloadURL"]["@id"] for ds in catalogue["dcat:dataset"] for d in ds["dcat:distribution"]
    ]
    assert downloads and all((tmp_path / "rel" / name).is_file() for name in downloads)
    absolute = json.loads((tmp_path / "abs" / "catalog.jsonld").read_text(encoding="utf-8"))
    assert absolute["@id"] == "https://services.gov.iq/public/data/catalog.jsonld"


def test_the_portal_address_setting_takes_only_a_web_address(tmp_path):
    from pydantic import ValidationError

    from raqmana.settings import Settings

    assert Settings(data_dir=tmp_path, public_url="https://services.gov.iq").public_url
    with pytest.raises(ValidationError):
        Settings(data_dir=tmp_path, public_url="javascript:alert(1)")


def test_a_service_source_date_reads_in_the_readers_digits(coord, client):
    """The date beside a service's source is a date in the reader's digits, not the ISO text of the file."""
    upload(coord, catalogue_csv({**PASSPORT, "source": "Ministry of Interior", "as_of": "2026-06-30"}))
    publish(coord)
    for page in (coord.get("/services/passport?lang=ar"), client.get("/public/services/passport?lang=ar")):
        assert page.status_code == 200
        assert "Ministry of Interior" in page.text
        assert "2026-06-30" not in page.text and "٢٠٢٦" in page.text
