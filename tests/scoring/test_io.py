"""COINr-format tables in, every stage out: a CSV round trip gives back the same numbers."""

import csv

import pytest

from raqmana.scoring import Recipe, Step, build
from raqmana.scoring.io import read_data_csv, read_meta_csv, write_build
from tests.scoring.inline import DATA, META, rows

COINR_META = """
| iCode | iName          | Level | Parent | Direction | Weight | Type        |
| a     | Internet users | 1     | P      | 1         | 1      | Indicator   |
| b     | Mobile subs    | 1     | P      | 1         | 1      | Indicator   |
| c     | Literacy       | 1     | Q      | 1         | 1      | Indicator   |
| d     | Cost of data   | 1     | Q      | -1        | 1      | Indicator   |
| pop   | Population     | 1     |        |           |        | Denominator |
| Region| Region         |       |        |           |        | Group       |
| P     | Access         | 2     | IDX    |           | 1      | Aggregate   |
| Q     | Skills         | 2     | IDX    |           | 1      | Aggregate   |
| IDX   | Index          | 3     |        |           | 1      | Aggregate   |
"""


def write(path, text, delimiter=","):
    table = rows(text)
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(table[0]), delimiter=delimiter)
        w.writeheader()
        w.writerows(table)
    return path


def test_it_reads_coinr_imeta_and_idata_as_they_are(tmp_path):
    data_text = """
    | uCode | uName | Group_Region | a  | b  | c | d | pop |
    | U1    | One   | north        | 0  | 10 | 1 | 4 | 100 |
    | U2    | Two   | north        | 5  | 20 | 2 | 3 | 200 |
    | U3    | Three | south        | 10 | 30 | 3 | 2 | 300 |
    """
    meta = read_meta_csv(write(tmp_path / "meta.csv", COINR_META))
    d = read_data_csv(write(tmp_path / "data.csv", data_text))
    b = build(Recipe(meta=meta), d)
    assert b.tree.others == ("pop", "Region")
    assert b.aggregated.columns == ("a", "b", "c", "d", "P", "Q", "IDX")
    assert d.groups["Group_Region"] == ("north", "north", "south")
    assert b.warnings == ()  # the denominator column is known, not ignored


def test_a_csv_round_trip_reproduces_every_stage(tmp_path):
    meta = read_meta_csv(write(tmp_path / "meta.csv", META))
    b = build(Recipe(meta=meta, normalise=Step("zscore")), read_data_csv(write(tmp_path / "data.csv", DATA)))
    write_build(b, tmp_path / "out")
    for stage in ("raw", "normalised", "aggregated", "weighted"):
        back = read_data_csv(tmp_path / "out" / f"{stage}.csv").table
        assert back.equals(getattr(b, stage)), stage
    assert (tmp_path / "out" / "methodology.ar.md").read_text(encoding="utf-8").startswith("# منهجية")


def test_semicolons_and_arabic_indic_digits_are_read(tmp_path):
    text = DATA.replace("| U3    | Three | south        | 10 |", "| U3    | Three | south        | ١٠٫٥ |")
    d = read_data_csv(write(tmp_path / "data.csv", text, delimiter=";"))
    assert d.table.get("U3", "a") == pytest.approx(10.5)


def test_missing_value_markers_are_missing_values(tmp_path):
    text = DATA.replace("| 0  | 10 |", "| NA | .. |")
    d = read_data_csv(write(tmp_path / "data.csv", text))
    assert d.table.row("U1")["a"] is None and d.table.row("U1")["b"] is None
