"""The bundled datasets load completely, map every country to ISO3 and say where they come from."""

from importlib import resources

import pytest

from raqmana.indices import load_dataset
from raqmana.indices.countries import countries
from raqmana.indices.datasets import provenance
from raqmana.indices.specs import SPECS

BUNDLED = [i for i, s in SPECS.items() if s.bundled]


@pytest.mark.parametrize("index", BUNDLED)
def test_it_loads_every_bundled_edition_with_iso3_codes(index, data_dir):
    ds = load_dataset(index, data_dir=data_dir)
    meta = provenance()["datasets"][index]
    assert ds.edition_labels() == sorted(meta["editions"])
    assert ds.records
    assert {r.iso3 for r in ds.records} <= set(countries())


@pytest.mark.parametrize("index", list(SPECS))
def test_every_dataset_has_a_provenance_record(index):
    meta = provenance()["datasets"][index]
    for key in ("publisher", "title", "licence", "attribution", "columns"):
        assert meta.get(key), (index, key)
    for entry in meta["files"]:
        assert entry["derived"], (index, entry["file"])
        assert resources.files("raqmana.indices").joinpath("data", entry["file"]).is_file()


def test_itu_gci_is_not_shipped_in_the_package(data_dir):
    data = resources.files("raqmana.indices").joinpath("data")
    assert not [p.name for p in data.iterdir() if "gci" in p.name.lower()]
    assert load_dataset("gci", data_dir=data_dir).edition_labels() == []


def test_iraq_figures_match_the_published_survey(data_dir):
    egdi = load_dataset("egdi", data_dir=data_dir)
    r = egdi.get("IRQ", "2024")
    assert r is not None and r.rank == 148
    assert (
        r.values["egdi"],
        r.values["osi"],
        r.values["tii"],
        r.values["hci"],
        r.values["epi"],
    ) == pytest.approx((0.4572, 0.1876, 0.6874, 0.4967, 0.0959), abs=1e-4)
    assert egdi.series("IRQ")[0] == ("2010", pytest.approx(0.2996, abs=1e-4))
    assert egdi.position("IRQ", "osi", "2024") == (180, 193)
    gtmi = load_dataset("gtmi", data_dir=data_dir).get("IRQ", "2025")
    assert gtmi is not None and gtmi.group == "C" and gtmi.values["gtmi"] == pytest.approx(0.464, abs=1e-3)


def test_world_bank_codes_are_read_as_iso3(data_dir):
    gtmi = load_dataset("gtmi", data_dir=data_dir)
    codes = {r.iso3 for r in gtmi.rows("2022")}
    assert {"XKX", "PSE", "ROU", "AND"} <= codes
    assert not {"KSV", "WBG", "ROM", "ADO"} & codes


def test_ncsi_snapshots_keep_the_digital_development_level(data_dir):
    ncsi = load_dataset("ncsi", data_dir=data_dir)
    est = ncsi.get("EST", "2021-05")
    assert est is not None and est.values["ncsi"] == 90.91 and est.values["ddl"] == 79.27
    assert ncsi.get("IRQ") is None  # Iraq is not in the 2021 snapshots
    assert len(ncsi.rows("2021-09")) == 160
