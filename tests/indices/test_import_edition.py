"""Importing a newer edition: checked like the bundled data; on any error nothing is stored."""

from pathlib import Path

import pytest

from raqmana.indices import import_edition, load_dataset

HEADER = (
    "Survey Year,Country Name,E-Government Rank,E-Government Index,E-Participation Index,"
    "Online Service Index,Human Capital Index,Telecommunication Infrastructure Index\n"
)


def write(tmp_path: Path, text: str, name: str = "egov_2026.csv") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def snapshot(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")) if folder.exists() else []


def test_it_imports_a_un_export_as_a_new_edition(tmp_path, data_dir):
    f = write(tmp_path, HEADER + "2026,Iraq ,140,0.5,0.2,0.3,0.5,0.7\n2026,Jordan,80,0.7,0.6,0.75,0.65,0.7\n")
    result = import_edition("egdi", f, edition="2026", data_dir=data_dir, source="test")
    assert result.ok, [p.render() for p in result.problems]
    assert result.stored == data_dir / "indices" / "egdi" / "2026.csv"
    assert (data_dir / "indices" / "egdi" / "2026.yaml").is_file()
    ds = load_dataset("egdi", data_dir=data_dir)
    assert ds.latest() == "2026"
    rec = ds.get("IRQ")
    assert rec is not None and rec.values["osi"] == 0.3 and rec.rank == 140
    assert [e.origin for e in ds.editions if e.label == "2026"] == ["imported"]


def test_the_edition_may_come_from_the_year_column(tmp_path, data_dir):
    f = write(tmp_path, HEADER + "2026,Iraq,140,0.5,0.2,0.3,0.5,0.7\n")
    assert import_edition("egdi", f, data_dir=data_dir).edition == "2026"


@pytest.mark.parametrize(
    "text, code, line, column",
    [
        ("Country,EGDI,OSI,TII\nIraq,0.5,0.3,0.7\n", "IX005", 1, ""),  # HCI column missing
        (HEADER + "2026,Iraq,140,0.5,0.2,abc,0.5,0.7\n", "IX006", 2, "Online Service Index"),
        (
            HEADER + "2026,Iraq,140,0.5,0.2,0.3,0.5,0.7\n2026,Atlantis,1,0.9,0.9,0.9,0.9,0.9\n",
            "IX008",
            3,
            "Country Name",
        ),
        (HEADER + "2026,Iraq,140,1.5,0.2,0.3,0.5,0.7\n", "IX007", 2, "E-Government Index"),
        (HEADER + "2025,Iraq,140,0.5,0.2,0.3,0.5,0.7\n", "IX011", 2, ""),
        (HEADER + "2026,Iraq,140,0.5,0.2,0.3,0.5,0.7\n2026,IRAQ,141,0.5,0.2,0.3,0.5,0.7\n", "IX009", 3, ""),
        (HEADER, "IX004", None, ""),
    ],
)
def test_bad_files_give_located_errors_and_store_nothing(tmp_path, data_dir, text, code, line, column):
    before = snapshot(data_dir)
    result = import_edition("egdi", write(tmp_path, text), edition="2026", data_dir=data_dir)
    assert not result.ok
    errors = [p for p in result.problems if p.severity.value == "error"]
    assert errors[0].code.id == code, [p.render() for p in errors]
    assert errors[0].location.line == line
    assert errors[0].location.column == column
    assert errors[0].location.file == "egov_2026.csv"
    for lang in ("ar", "ckb"):
        assert errors[0].message(lang) != errors[0].message("en")
    assert snapshot(data_dir) == before


def test_a_file_that_is_not_utf8_text_is_refused(tmp_path, data_dir):
    f = tmp_path / "x.csv"
    f.write_bytes(b"\xff\xfe\x00bad")
    result = import_edition("egdi", f, edition="2026", data_dir=data_dir)
    assert [p.code.id for p in result.problems] == ["IX003"]


def test_an_edition_must_look_like_a_year(tmp_path, data_dir):
    f = write(tmp_path, HEADER + "2026,Iraq,140,0.5,0.2,0.3,0.5,0.7\n")
    assert [p.code.id for p in import_edition("egdi", f, edition="next", data_dir=data_dir).problems] == [
        "IX012"
    ]


def test_reimporting_an_edition_replaces_it_with_a_warning(tmp_path, data_dir):
    f = write(tmp_path, HEADER + "2024,Iraq,140,0.5,0.2,0.3,0.5,0.7\n")
    result = import_edition("egdi", f, edition="2024", data_dir=data_dir)
    assert result.ok
    assert [p.code.id for p in result.problems] == ["IX103"]
    ds = load_dataset("egdi", data_dir=data_dir)
    assert len(ds.rows("2024")) == 1  # the imported edition replaces the bundled one
    assert len(load_dataset("egdi", data_dir=data_dir, imported=False).rows("2024")) == 193


def test_itu_gci_is_imported_with_its_licence_shown(gci_file, data_dir):
    result = import_edition("gci", gci_file, data_dir=data_dir)
    assert result.ok and result.edition == "2020" and result.rows == 191
    assert result.licence is not None and "non-commercial" in result.licence["en"]
    assert all(result.licence[lang] for lang in ("en", "ar", "ckb"))
    gci = load_dataset("gci", data_dir=data_dir)
    irq = gci.get("IRQ", "2020")
    assert irq is not None and irq.values["overall"] == pytest.approx(20.71)
    assert "non-commercial" in (data_dir / "indices" / "gci" / "2020.yaml").read_text(encoding="utf-8")
