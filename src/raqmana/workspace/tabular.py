"""Read a user-edited table (CSV or the first sheet of an XLSX) into rows that know where they came from,
and write one back (every text through the formula guard of :mod:`raqmana.celltext`)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from raqmana.celltext import as_text, csv_text, xlsx_text
from raqmana.problems import Location
from raqmana.workspace import errors as E
from raqmana.workspace.exceptions import ValidationFailed
from raqmana.workspace.xlsx_safe import READ_ERRORS, check_archive, unreadable


@dataclass(frozen=True, slots=True)
class Row:
    line: int
    values: dict[str, str]
    #: column name → CSV column name or XLSX column letter
    columns: dict[str, str]
    file: str
    sheet: str = ""

    def loc(self, column: str = "") -> Location:
        return Location(
            file=self.file, sheet=self.sheet, line=self.line, column=self.columns.get(column, column)
        )

    def get(self, column: str) -> str:
        return self.values.get(column, "").strip()


@dataclass(frozen=True, slots=True)
class Table:
    header: list[str]
    rows: list[Row]
    file: str
    sheet: str = ""

    def loc(self) -> Location:
        return Location(file=self.file, sheet=self.sheet, line=1)


def read_table(data: bytes, filename: str, *, max_rows: int = 100_000) -> Table:
    name = filename.lower()
    if name.endswith(".csv"):
        return _read_csv(data, filename, max_rows)
    if name.endswith(".xlsx"):
        return _read_xlsx(data, filename, max_rows)
    raise ValidationFailed.one(E.ORG_FILE_TYPE, Location(file=filename), filename=filename)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _read_csv(data: bytes, filename: str, max_rows: int) -> Table:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationFailed.one(
            E.ORG_FILE_UNREADABLE, Location(file=filename), detail=f"not UTF-8 text (byte {exc.start})"
        ) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip().lower() for h in next(reader, [])]
        rows: list[Row] = []
        for values in reader:
            if not any(v.strip() for v in values):
                continue
            if len(rows) >= max_rows:
                break
            rows.append(
                Row(
                    reader.line_num, dict(zip(header, values, strict=False)), {h: h for h in header}, filename
                )
            )
    except csv.Error as exc:
        raise ValidationFailed.one(
            E.ORG_FILE_UNREADABLE, Location(file=filename, line=reader.line_num), detail=str(exc)
        ) from None
    return Table(header, rows, filename)


def _read_xlsx(data: bytes, filename: str, max_rows: int) -> Table:
    """The first sheet; a damaged or hostile file (XML or ZIP bomb) is refused as unreadable."""
    check_archive(data, filename)
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            ws = wb.worksheets[0]
            it = ws.iter_rows(values_only=True)
            first = next(it, None) or ()
            header = [_cell(h).strip().lower() for h in first]
            letters = {h: get_column_letter(i + 1) for i, h in enumerate(header)}
            rows: list[Row] = []
            for n, values in enumerate(it, start=2):
                cells = [_cell(v) for v in values]
                if not any(c.strip() for c in cells):
                    continue
                if len(rows) >= max_rows:
                    break
                rows.append(Row(n, dict(zip(header, cells, strict=False)), letters, filename, ws.title))
            return Table(header, rows, filename, ws.title)
        finally:
            wb.close()
    except READ_ERRORS:
        raise unreadable(filename) from None


def write_table(
    columns: Sequence[str], rows: Iterable[Mapping[str, object]], *, fmt: str, sheet: str
) -> bytes:
    """``rows`` (column → value) as a file that :func:`read_table` reads back: ``csv`` (UTF-8 with a byte
    order mark, so spreadsheet programs read Arabic and Kurdish) or ``xlsx`` (one sheet named ``sheet``).
    Text that a spreadsheet would run as a formula is written as text."""
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([csv_text(row[c]) for c in columns] for row in rows)
        return buffer.getvalue().encode("utf-8-sig")
    from openpyxl import Workbook  # loaded only when a workbook is asked for

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = sheet
    ws.append(list(columns))
    for row in rows:
        ws.append([xlsx_text(row[c]) for c in columns])
    out = io.BytesIO()
    as_text(wb).save(out)
    return out.getvalue()
