"""Text that people typed goes into spreadsheets as text, never as a formula (formula or CSV injection).

openpyxl writes any string that starts with ``=`` as a live formula; a spreadsheet program opening a
CSV file evaluates cells that start with ``=``, ``+``, ``-`` or ``@`` (and tab or carriage return before
them). Every workbook raqmana writes passes through :func:`as_text` before it is saved (rows of
write-only sheets through :func:`text_row`), and every text cell of a CSV file through :func:`csv_text`,
which prefixes an apostrophe as OWASP recommends. raqmana never writes formulas on purpose.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

#: a CSV cell starting with one of these is a formula to Excel, LibreOffice and Google Sheets
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


#: control characters that XML 1.0, and so an XLSX file, cannot hold (openpyxl refuses them)
_NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def xlsx_text(value: Any) -> Any:
    """``value`` for a workbook cell: text without the control characters a workbook cannot hold (a
    justification pasted with a stray escape character must not make the export fail)."""
    if isinstance(value, str):
        return _NOT_IN_XML.sub("", value)
    return value


def csv_text(value: Any) -> Any:
    """``value`` for a CSV cell: text that a spreadsheet would run gets a leading ``'``; numbers,
    dates and other text pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def as_text(wb: Any) -> Any:
    """Make every formula cell of an openpyxl workbook a plain text cell (the same characters); returns
    ``wb``. Call it right before ``wb.save``."""
    for ws in wb.worksheets:
        # the sheet's own cell dictionary: ``iter_rows`` would create every empty cell of the range
        for cell in getattr(ws, "_cells", {}).values():
            if cell.data_type == "f" and isinstance(cell.value, str):
                cell.data_type = "s"
    return wb


def text_row(ws: Any, values: Iterable[Any]) -> list[Any]:
    """A row for ``ws.append`` on a write-only sheet with every string as a text cell."""
    from openpyxl.cell import WriteOnlyCell

    row: list[Any] = []
    for v in values:
        if isinstance(v, str) and v.startswith("="):
            cell = WriteOnlyCell(ws, value=v)
            cell.data_type = "s"
            row.append(cell)
        else:
            row.append(v)
    return row
