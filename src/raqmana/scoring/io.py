"""Files in and out: COINr-style CSV tables in, every stage of a build out (CSV and JSON).

* data: COINr's iData (``uCode``, ``uName``, ``Group_*``, indicator columns) → :class:`Dataset`
* metadata: COINr's iMeta (``iCode``, ``iName``, ``Level``, ``Parent``, ``Direction``, ``Weight``,
  ``Type``; optional ``GoalpostLo``, ``GoalpostHi``, ``Target``, ``NA``) → :class:`Node` rows
* output: one CSV per stage and flag table, ``build.json``, the recipe and the methodology

XLSX output needs openpyxl and lives with the command line (``raqmana.cli.index``).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import orjson

from raqmana.celltext import csv_text
from raqmana.problems import Location, Problem, ProblemsError
from raqmana.scoring import errors as E
from raqmana.scoring.build import Build
from raqmana.scoring.dataset import Dataset
from raqmana.scoring.recipe import Node
from raqmana.scoring.recipe_parse import node_from_row
from raqmana.scoring.table import Table
from raqmana.scoring.uncertainty import UncertaintyResult


def _read_csv(path: Path) -> tuple[list[dict[str, Any]], list[int]]:
    if not path.is_file():
        raise ProblemsError([Problem(E.FILE_NOT_FOUND, Location(file=str(path)), {"name": str(path)})])
    try:
        with path.open(newline="", encoding="utf-8-sig") as fh:
            header = fh.readline()
            fh.seek(0)
            # the separator is the one the header line uses most (Excel in Arabic locales writes ";")
            delimiter = max(",;\t", key=header.count)
            reader = csv.DictReader(fh, delimiter=delimiter)
            rows: list[dict[str, Any]] = []
            lines: list[int] = []
            for row in reader:
                if not any((v or "").strip() for v in row.values() if isinstance(v, str)):
                    continue  # blank line
                rows.append({(k or "").strip(): v for k, v in row.items() if k is not None})
                lines.append(reader.line_num)
    except (UnicodeDecodeError, csv.Error) as exc:
        raise ProblemsError([Problem(E.UNREADABLE, Location(file=str(path)), {"detail": str(exc)})]) from None
    return rows, lines


def read_data_csv(
    path: str | Path, *, meta: Sequence[Node] | None = None, time: str | None = None
) -> Dataset:
    """Read COINr's iData layout from a CSV file (comma, semicolon or tab separated, UTF-8); the
    metadata's ``Type`` says which columns are groups, denominators or other information."""
    p = Path(path)
    rows, lines = _read_csv(p)
    roles = {n.code: n.type for n in meta} if meta else None
    return Dataset.from_rows(rows, file=p.name, lines=lines, roles=roles, time=time)


def read_panel_csv(path: str | Path, *, meta: Sequence[Node] | None = None) -> list[Dataset]:
    """Panel data (COINr's iData with a Time column): one dataset per period, in time order, each
    holding the earlier and the later periods' values (for ``impute: latest`` and ``linear``)."""
    from dataclasses import replace

    from raqmana.scoring.dataset import TIME, periods_of

    p = Path(path)
    rows, lines = _read_csv(p)
    if not rows or TIME not in rows[0]:
        raise ProblemsError([Problem(E.MISSING_COLUMN, Location(file=p.name, line=1), {"column": TIME})])
    roles = {n.code: n.type for n in meta} if meta else None
    one = [
        Dataset.from_rows(rows, file=p.name, lines=lines, roles=roles, time=period, with_history=False)
        for period in periods_of(rows)
    ]
    return [
        replace(
            d,
            history=tuple((e.time, e.table) for e in reversed(one[:k])),
            later=tuple((e.time, e.table) for e in one[k + 1 :]),
        )
        for k, d in enumerate(one)
    ]


def read_meta_csv(path: str | Path) -> tuple[Node, ...]:
    """Read COINr's iMeta table from a CSV file."""
    p = Path(path)
    rows, lines = _read_csv(p)
    return meta_from_rows(rows, file=p.name, lines=lines)


def meta_from_rows(
    rows: Sequence[dict[str, Any]], *, file: str = "", lines: Sequence[int] | None = None
) -> tuple[Node, ...]:
    if rows and not any(k.strip().lower() in ("icode", "indcode") for k in rows[0]):
        raise ProblemsError([Problem(E.MISSING_COLUMN, Location(file=file, line=1), {"column": "iCode"})])
    if rows and _lineage_columns(rows[0]) and "parent" not in {k.strip().lower() for k in rows[0]}:
        # COINr 0.6's IndMeta: the hierarchy is in Agg* columns and the aggregates in AggMeta
        raise ProblemsError([Problem(E.NEEDS_AGG_META, Location(file=file, line=1), {"file": file})])
    nodes: list[Node] = []
    problems: list[Problem] = []
    for i, row in enumerate(rows):
        line = lines[i] if lines else i + 2
        node, found = node_from_row(row, _in_file(file, line), line)
        problems += found
        if node is not None:
            nodes.append(node)
    if problems:
        raise ProblemsError(problems)
    if not nodes:
        raise ProblemsError([Problem(E.NO_INDICATORS, Location(file=file))])
    return tuple(nodes)


def _lineage_columns(row: dict[str, Any]) -> list[str]:
    return [k for k in row if k.startswith("Agg")]


def read_coinr6_meta(ind_meta: str | Path, agg_meta: str | Path) -> tuple[Node, ...]:
    """COINr 0.6's IndMeta and AggMeta → iMeta rows, as COINr's ``COIN_to_coin()`` converts them:
    indicators get the first ``Agg*`` column as parent; an aggregate of ``AgLevel`` l gets, as parent,
    the code its members carry in the next ``Agg*`` column."""
    ind_path, agg_path = Path(ind_meta), Path(agg_meta)
    ind_rows, ind_lines = _read_csv(ind_path)
    agg_rows, agg_lines = _read_csv(agg_path)
    if not ind_rows:
        raise ProblemsError([Problem(E.NO_INDICATORS, Location(file=ind_path.name))])
    lineage = _lineage_columns(ind_rows[0])
    if not lineage:
        raise ProblemsError(
            [Problem(E.MISSING_COLUMN, Location(file=ind_path.name, line=1), {"column": "Agg…"})]
        )
    for column in ("AgLevel", "Code"):
        if agg_rows and column not in agg_rows[0]:
            raise ProblemsError(
                [Problem(E.MISSING_COLUMN, Location(file=agg_path.name, line=1), {"column": column})]
            )
    code_key = next(k for k in ind_rows[0] if k.strip().lower() in ("icode", "indcode"))
    # lineage[0] = the indicator codes, lineage[k] = the codes of level k + 1
    columns = [[str(r.get(code_key) or "").strip() for r in ind_rows]]
    columns += [[str(r.get(c) or "").strip() for r in ind_rows] for c in lineage]
    problems: list[Problem] = []
    nodes: list[Node] = []
    for row, line in zip(ind_rows, ind_lines, strict=True):
        converted = {k: v for k, v in row.items() if k not in lineage}
        converted.update(Parent=str(row.get(lineage[0]) or "").strip(), Level=1, Type="Indicator")
        node, found = node_from_row(converted, _in_file(ind_path.name, line), line)
        problems += found
        if node is not None:
            nodes.append(node)
    for row, line in zip(agg_rows, agg_lines, strict=True):
        where = _in_file(agg_path.name, line)
        try:
            level = int(float(str(row.get("AgLevel"))))
        except ValueError:
            problems.append(Problem(E.NOT_NUMERIC, where("AgLevel"), {"value": row.get("AgLevel")}))
            continue
        code = str(row.get("Code") or "").strip()
        parent = ""
        if 1 <= level - 1 < len(columns) - 1:
            above = {p for c, p in zip(columns[level - 1], columns[level], strict=True) if c == code and p}
            parent = sorted(above)[0] if above else ""
        converted = {
            "iCode": code,
            "iName": row.get("Name", ""),
            "Level": level,
            "Parent": parent,
            "Direction": 1,
            "Weight": row.get("Weight", 1),
            "Type": "Aggregate",
        }
        node, found = node_from_row(converted, where, line)
        problems += found
        if node is not None:
            nodes.append(node)
    if problems:
        raise ProblemsError(problems)
    return tuple(nodes)


def _in_file(file: str, line: int) -> Callable[[str], Location]:
    def where(column: str) -> Location:
        return Location(file=file, line=line, column=column)

    return where


def stage_tables(b: Build) -> dict[str, Table]:
    """Every table of a build by file stem (the order in which they are written)."""
    tables = {
        "raw": b.raw,
        "denominated": b.denominated,
        "screened": b.screened,
        "imputed": b.imputed,
        "treated": b.treated,
        "normalised": b.normalised,
        "weighted": b.weighted,
        "aggregated": b.aggregated,
        "ranks": b.ranks,
        "flags_imputed": b.flags.imputed,
        "flags_treated": b.flags.treated,
        "availability": b.flags.availability,
    }
    tables.update({f"stages_{scheme}": t for scheme, t in b.stages.items()})
    return tables


def weights_rows(b: Build) -> list[dict[str, Any]]:
    return [
        {"iCode": c, "Parent": b.tree.nodes[c].parent or None, "Level": b.tree.level[c], "Weight": w}
        for c, w in b.weights.items()
    ]


def write_table_csv(path: Path, t: Table, *, like: list[tuple[Table, list[str]]] | None = None) -> Path:
    """One row per unit: ``uCode`` then the table's columns; missing numbers are empty cells.

    Numbers and flags are formatted a row at a time (one format string per row, shortest
    round-trip ``repr`` of every float), not a cell at a time: the stage tables of a large build
    are most of what ``index build`` writes. ``like`` holds the number tables written before with
    their formatted rows (this one is added): where one has the same units and its columns begin
    this one's with the same numbers (screened = denominated, aggregated = normalised and the
    aggregates), its rows are reused."""
    body = _float_lines(t, like or [])
    if body is None:
        return _write_rows_csv(path, t)
    if like is not None and t.values.dtype.kind == "f":
        like.append((t, body))
    header = _csv_line(["uCode", *t.columns])
    units = _unit_fields(t.units)
    with path.open("w", newline="", encoding="utf-8") as fh:
        fh.write(header)
        fh.write("".join(f"{u},{line}\r\n" for u, line in zip(units, body, strict=True)))
    return path


def _float_lines(t: Table, like: Sequence[tuple[Table, list[str]]] = ()) -> list[str] | None:
    """The table's rows as CSV text without the unit code (None for a table that is not numbers)."""
    values = t.values
    if values.dtype.kind not in "fb" or not t.columns:
        return None
    if values.dtype.kind == "b":
        fmt = ",".join(["%s"] * len(t.columns))
        return [fmt % tuple(row) for row in values.tolist()]
    for before, lines in like:
        k = len(before.columns)
        if (
            before.units == t.units
            and before.values.dtype == values.dtype
            and t.columns[:k] == before.columns
            and _same_bits(values[:, :k], before.values)
        ):
            if k == len(t.columns):
                return lines
            rest = _float_lines(Table(t.units, t.columns[k:], values[:, k:]))
            assert rest is not None
            return [f"{a},{b}" for a, b in zip(lines, rest, strict=True)]
    return _number_lines(values)


def _number_lines(values: np.ndarray[Any, Any], missing: str = "") -> list[str]:
    """Each row of a float matrix as its numbers joined by commas, each number as Python's ``repr``
    writes it (the shortest text that reads back as the same float), ``missing`` for NaN.

    orjson writes the whole matrix in native code (Ryu: the same shortest round-trip digits as
    ``repr``, 15 times quicker than ``repr`` of the rows' lists). Its text is Python's wherever
    Python writes a plain decimal: 0 and magnitudes in [1e-4, 1e16); NaN is its "null". A number
    outside that span (Python's exponent form "1e-05", orjson's "1e-5" or "0.00001") or an infinity
    is written by ``repr`` in its cell."""
    matrix = np.ascontiguousarray(values, dtype=np.float64)
    rows, cols = matrix.shape
    if not rows or not cols:
        return ["" for _ in range(rows)]
    text = orjson.dumps(matrix, option=orjson.OPT_SERIALIZE_NUMPY).decode("ascii")
    if "null" in text:
        text = text.replace("null", missing)
    lines = text[2:-2].split("],[")
    with np.errstate(invalid="ignore"):
        size = np.abs(matrix)
        odd = ~((size == 0) | ((size >= 1e-4) & (size < 1e16)) | np.isnan(matrix))
    if odd.any():
        for i in np.flatnonzero(odd.any(axis=1)).tolist():
            cells = lines[i].split(",")
            for j in np.flatnonzero(odd[i]).tolist():
                cells[j] = repr(float(matrix[i, j]))
            lines[i] = ",".join(cells)
    return lines


def _same_bits(a: np.ndarray[Any, Any], b: np.ndarray[Any, Any]) -> bool:
    """The same floats bit for bit (so the same text: 0.0 and -0.0 compare equal but print apart)."""
    bits = f"u{a.itemsize}"
    return bool(np.array_equal(a.view(bits), b.view(bits)))


def _write_rows_csv(path: Path, t: Table) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["uCode", *map(csv_text, t.columns)])
        w.writerows(
            [csv_text(u), *(csv_text(c) for c in map(_cell, row))]
            for u, row in zip(t.units, t.values.tolist(), strict=True)
        )
    return path


@lru_cache(maxsize=4)
def _unit_fields(units: tuple[str, ...]) -> list[str]:
    """The unit codes as CSV cells, found once for the tables of a build that share their units."""
    return [_csv_field(u) for u in units]


def _csv_field(value: str) -> str:
    """A text cell as the csv module writes it (quoted when needed), formula-safe."""
    text = str(csv_text(value))
    if any(ch in text for ch in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def _csv_line(cells: Sequence[str]) -> str:
    return ",".join(_csv_field(c) for c in cells) + "\r\n"


def _pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        where = Location(field="--format")
        detail = E.detail("parquet")
        raise ProblemsError(
            [Problem(E.BAD_PARAMETER, where, {"step": E.STEP["output"], "name": "parquet", "detail": detail})]
        ) from None
    return pa, pq


def write_parquet(b: Build, out: Path, uncertainty: UncertaintyResult | None = None) -> list[Path]:
    """Every stage table as a Parquet file (columnar, typed: numbers stay numbers), and the uncertainty
    table when there is one. Needs pyarrow (``pip install 'raqmana[parquet]'``)."""
    written = write_parquet_stages(b, out)
    if uncertainty is not None:
        written.append(write_parquet_uncertainty(uncertainty, out))
    return written


def write_parquet_stages(b: Build, out: Path) -> list[Path]:
    """The stage tables and the weights as Parquet files."""
    pa, pq = _pyarrow()
    written: list[Path] = []
    for name, t in stage_tables(b).items():
        columns = {"uCode": pa.array(t.units, pa.string())}
        for j, c in enumerate(t.columns):
            v = t.values[:, j]
            columns[c] = pa.array(v, from_pandas=True) if v.dtype.kind == "f" else pa.array(v.tolist())
        path = out / f"{name}.parquet"
        pq.write_table(pa.table(columns), path)
        written.append(path)
    w = weights_rows(b)
    path = out / "weights.parquet"
    pq.write_table(pa.table({k: [r[k] for r in w] for k in ("iCode", "Parent", "Level", "Weight")}), path)
    written.append(path)
    return written


def write_parquet_uncertainty(uncertainty: UncertaintyResult, out: Path) -> Path:
    """The uncertainty table as a Parquet file."""
    pa, pq = _pyarrow()
    units, nodes, cols = uncertainty.to_columns()
    table = {"uCode": pa.array(units), "node": pa.array(nodes)}
    table.update({k: pa.array(v, from_pandas=True) for k, v in cols.items()})
    path = out / "uncertainty.parquet"
    pq.write_table(pa.table(table), path)
    return path


def write_uncertainty_csv(path: Path, u: UncertaintyResult) -> Path:
    """``uCode``, ``node`` and the statistics, a row per unit and aggregate (written by rows of numbers)."""
    units, nodes, cols = u.to_columns()
    matrix = np.column_stack(list(cols.values()))
    body = _number_lines(matrix)
    text = {n: _csv_field(n) for n in dict.fromkeys(nodes)}
    code = {c: _csv_field(c) for c in dict.fromkeys(units)}
    with path.open("w", newline="", encoding="utf-8") as fh:
        fh.write(_csv_line(["uCode", "node", *cols]))
        fh.write(
            "".join(f"{code[c]},{text[n]},{line}\r\n" for c, n, line in zip(units, nodes, body, strict=True))
        )
    return path


def _cell(v: Any) -> Any:
    if isinstance(v, float):
        return "" if v != v else repr(v)
    return v


def write_csv(path: Path, rows: Iterable[dict[str, Any]], header: Sequence[str] | None = None) -> Path:
    rows = list(rows)
    fields = list(header or (rows[0].keys() if rows else []))
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=fields)
        w.writeheader()
        for row in rows:
            w.writerow(
                {
                    k: "" if v is None else (repr(v) if isinstance(v, float) else csv_text(v))
                    for k, v in row.items()
                }
            )
    return path


def build_as_dict(b: Build, uncertainty: UncertaintyResult | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "recipe": b.recipe.to_dict(),
        "index": b.index,
        "units": [
            {"uCode": u, "uName": n} for u, n in zip(b.data.units, b.data.names, strict=True) if u in b.units
        ],
        "tables": {name: t.as_dict() for name, t in stage_tables(b).items()},
        "weights": weights_rows(b),
        "log": b.log,
        "warnings": [w.as_dict() for w in b.warnings],
    }
    if uncertainty is not None:
        out["uncertainty"] = {
            "runs": uncertainty.runs,
            "attempted": uncertainty.attempted,
            "failed": list(uncertainty.failed),
            "rows": uncertainty.to_rows(),
            "national": uncertainty.national.as_dict(),
        }
    return out


def write_build(
    b: Build,
    out_dir: str | Path,
    *,
    formats: Sequence[str] = ("csv",),
    uncertainty: UncertaintyResult | None = None,
) -> list[Path]:
    """Write the stages, flags, weights, recipe (JSON) and methodology (en/ar/ckb) into ``out_dir``,
    then the uncertainty table and ``build.json``."""
    written = write_stages(b, out_dir, formats=formats)
    return written + write_results(b, out_dir, formats=formats, uncertainty=uncertainty)


def write_stages(b: Build, out_dir: str | Path, *, formats: Sequence[str] = ("csv",)) -> list[Path]:
    """What the build alone gives: every stage and flag table, the weights, the recipe (JSON) and the
    methodology (en/ar/ckb). Needs no Monte Carlo, so it is written before that runs."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    if "csv" in formats:
        like: list[tuple[Table, list[str]]] = []  # float tables written, for the ones that repeat them
        for name, t in stage_tables(b).items():
            written.append(write_table_csv(out / f"{name}.csv", t, like=like))
        written.append(
            write_csv(out / "weights.csv", weights_rows(b), ["iCode", "Parent", "Level", "Weight"])
        )
    if "parquet" in formats:
        written += write_parquet_stages(b, out)
    path = out / "recipe.json"
    path.write_text(json.dumps(b.recipe.to_dict(), ensure_ascii=False, indent=2), encoding="utf-8")
    written.append(path)
    for lang in ("en", "ar", "ckb"):
        path = out / f"methodology.{lang}.md"
        path.write_text(b.methodology(lang), encoding="utf-8")
        written.append(path)
    return written


def write_results(
    b: Build,
    out_dir: str | Path,
    *,
    formats: Sequence[str] = ("csv",),
    uncertainty: UncertaintyResult | None = None,
) -> list[Path]:
    """The uncertainty table (CSV, Parquet) and ``build.json`` (stages and uncertainty together)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    if uncertainty is not None and "csv" in formats:
        written.append(write_uncertainty_csv(out / "uncertainty.csv", uncertainty))
    if uncertainty is not None and "parquet" in formats:
        written.append(write_parquet_uncertainty(uncertainty, out))
    if "json" in formats:
        path = out / "build.json"
        path.write_text(
            json.dumps(build_as_dict(b, uncertainty), ensure_ascii=False, separators=(",", ":")),
            encoding="utf-8",
        )
        written.append(path)
    return written
