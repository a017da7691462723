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


def test_stage_tables_are_written_by_rows_and_read_back_exactly(tmp_path):
    """Codes that need quoting or look like formulas, missing values and awkward floats survive the
    row-at-a-time writer exactly as the csv module would have written them."""
    import numpy as np

    from raqmana.scoring.io import write_table_csv
    from raqmana.scoring.table import Table

    values = np.array([[0.1, np.nan, 1e-300], [-0.0, 123456789.12345679, 1 / 3]])
    t = Table(("A,B", "=SUM(1)"), ("x", "y", "z"), values)
    path = write_table_csv(tmp_path / "t.csv", t)
    with path.open(newline="", encoding="utf-8") as fh:
        back = list(csv.reader(fh))
    assert back[0] == ["uCode", "x", "y", "z"]
    assert back[1] == ["A,B", "0.1", "", "1e-300"]
    assert back[2][0] == "'=SUM(1)" and [float(v) for v in back[2][1:]] == values[1].tolist()


def test_a_table_that_repeats_an_earlier_ones_numbers_is_written_as_if_alone(tmp_path):
    """Rows reused from a table written before (same units, its columns first, the same bits) give
    the text the table gets alone; 0.0 against -0.0 and NaN cells are not mistaken."""
    import numpy as np

    from raqmana.scoring.io import write_table_csv
    from raqmana.scoring.table import Table

    first = Table(("a", "b"), ("x", "y"), np.array([[0.1, np.nan], [0.0, 2.5]]))
    same = Table(("a", "b"), ("x", "y"), first.values)
    longer = Table(("a", "b"), ("x", "y", "z"), np.array([[0.1, np.nan, 1 / 3], [0.0, 2.5, np.nan]]))
    signed = Table(("a", "b"), ("x", "y"), np.array([[0.1, np.nan], [-0.0, 2.5]]))
    other_units = Table(("a", "c"), ("x", "y"), first.values)
    like: list = []
    write_table_csv(tmp_path / "first.csv", first, like=like)
    for name, t in {"same": same, "longer": longer, "signed": signed, "other": other_units}.items():
        reused = write_table_csv(tmp_path / f"{name}.csv", t, like=like).read_bytes()
        assert reused == write_table_csv(tmp_path / f"{name}.alone.csv", t).read_bytes(), name
    assert (tmp_path / "longer.csv").read_text().splitlines()[2] == "b,0.0,2.5,"
    assert (tmp_path / "signed.csv").read_text().splitlines()[2] == "b,-0.0,2.5"
    assert len(like) == 5 and like[1][1] is like[0][1]  # the same rows, not formatted again


def test_the_uncertainty_table_is_written_as_its_rows(tmp_path):
    from raqmana.scoring import UncertaintySpec, analyse_uncertainty

    b = build(
        Recipe(meta=read_meta_csv(write(tmp_path / "m.csv", META))),
        read_data_csv(write(tmp_path / "d.csv", DATA)),
    )
    u = analyse_uncertainty(b, UncertaintySpec(runs=50, weight_noise=0.3))
    write_build(b, tmp_path / "out", uncertainty=u)
    with (tmp_path / "out" / "uncertainty.csv").open(newline="", encoding="utf-8") as fh:
        back = list(csv.DictReader(fh))
    rows = u.to_rows()
    assert len(back) == len(rows) == len(b.units) * len(b.tree.aggregates)
    for got, want in zip(back, rows, strict=True):
        assert got == {
            k: "" if v is None else (v if isinstance(v, str) else repr(v)) for k, v in want.items()
        }


def test_parquet_output_keeps_every_stage_typed(tmp_path):
    import pyarrow.parquet as pq

    from raqmana.scoring import UncertaintySpec, analyse_uncertainty

    meta = read_meta_csv(write(tmp_path / "m.csv", META))
    b = build(Recipe(meta=meta, normalise=Step("zscore")), read_data_csv(write(tmp_path / "d.csv", DATA)))
    u = analyse_uncertainty(b, UncertaintySpec(runs=20, weight_noise=0.3))
    write_build(b, tmp_path / "out", formats=("parquet",), uncertainty=u)
    for stage in ("raw", "denominated", "normalised", "aggregated", "flags_imputed"):
        t = pq.read_table(tmp_path / "out" / f"{stage}.parquet").to_pydict()
        table = getattr(b, stage) if stage != "flags_imputed" else b.flags.imputed
        assert t["uCode"] == list(table.units)
        assert [t[c] for c in table.columns] == [
            list(map(_none, table.col(c).tolist())) for c in table.columns
        ]
    unc = pq.read_table(tmp_path / "out" / "uncertainty.parquet").to_pylist()
    assert unc == u.to_rows()


def _none(v):
    return None if isinstance(v, float) and v != v else v


def test_number_rows_are_written_as_python_writes_each_float():
    """The native writer and ``repr`` agree on every float: plain decimals, Python's exponent forms
    (1e-05, 1e+16), signed zero and infinities, each row as its numbers joined by commas, NaN as the
    missing mark asked for."""
    import numpy as np

    from raqmana.scoring.io import _number_lines

    rng = np.random.default_rng(13)
    values = rng.standard_normal((400, 50)) * 10.0 ** rng.integers(-25, 25, (400, 50))
    values[:200] = rng.uniform(0, 100, (200, 50))  # rows wholly in the plain-decimal span
    values[0, :8] = [0.0, -0.0, 1e-4, 9.999999999999999e-05, 1e16, 9999999999999998.0, 0.1, 1 / 3]
    values[1, :3] = [np.nan, np.inf, -np.inf]
    values[2, 4] = np.nan
    values[3, :] = np.nan
    rows = values.tolist()
    assert _number_lines(values, "nan") == [",".join(repr(v) for v in row) for row in rows]
    assert _number_lines(values) == [",".join("" if v != v else repr(v) for v in row) for row in rows]
    assert _number_lines(np.full((2, 1), np.nan)) == ["", ""]
    assert _number_lines(np.empty((3, 0))) == ["", "", ""]
