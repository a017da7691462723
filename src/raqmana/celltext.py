"""Text that people typed goes into spreadsheets as text, never as a formula (formula or CSV injection).

openpyxl writes any string that starts with ``=`` as a live formula; a spreadsheet program opening a
CSV file evaluates cells that start with ``=``, ``+``, ``-`` or ``@`` (and tab or carriage return before
them). Every workbook raqmana writes passes through :func:`as_text` before it is saved (rows of
write-only sheets through :func:`text_row`), and every text cell of a CSV file through :func:`csv_text`,
which prefixes an apostrophe as OWASP recommends. raqmana never writes formulas on purpose.

A workbook or CSV cell holds the plain text: the Unicode bidi isolates (U+2066-U+2069) that keep an English
citation or a typed reference in its order inside Arabic or Kurdish text belong to HTML, PDF and Word,
which turn them into their own isolation; spreadsheet programs show them as stray marks, and a filter
or a lookup on the cell would not find the text. :func:`as_text`, :func:`xlsx_text`, :func:`text_row` and
:func:`csv_text` drop them (a text that starts with ``=``, ``+``, ``-`` or ``@`` once they are gone is still
written as text).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from raqmana.i18n.bidi import strip as strip_isolates

#: a CSV cell starting with one of these is a formula to Excel, LibreOffice and Google Sheets
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


#: control characters that XML 1.0, and so an XLSX file, cannot hold (openpyxl refuses them)
_NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def xlsx_text(value: Any) -> Any:
    """``value`` for a workbook cell: text without the control characters a workbook cannot hold (a
    justification pasted with a stray escape character must not make the export fail)."""
    if isinstance(value, str):
        return strip_isolates(_NOT_IN_XML.sub("", value))
    return value


def csv_text(value: Any) -> Any:
    """``value`` for a CSV cell: text without bidi isolate marks, and a leading ``'`` if a spreadsheet
    would then run it; numbers, dates and other text pass unchanged."""
    if not isinstance(value, str):
        return value
    text = strip_isolates(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def as_text(wb: Any) -> Any:
    """Make every formula cell of an openpyxl workbook a plain text cell (the same characters) and drop
    the bidi isolate marks of every text; returns ``wb``. Call it right before ``wb.save``."""
    for ws in wb.worksheets:
        # the sheet's own cell dictionary: ``iter_rows`` would create every empty cell of the range
        for cell in getattr(ws, "_cells", {}).values():
            if not isinstance(cell.value, str):
                continue
            text = strip_isolates(cell.value)
            if text != cell.value:
                cell.value = text  # openpyxl types it again: "=…" would become a formula
            if cell.data_type == "f":
                cell.data_type = "s"
    return wb


def text_row(ws: Any, values: Iterable[Any]) -> list[Any]:
    """A row for ``ws.append`` on a write-only sheet with every string as a text cell."""
    from openpyxl.cell import WriteOnlyCell

    row: list[Any] = []
    for v in values:
        if isinstance(v, str):
            v = strip_isolates(v)
        if isinstance(v, str) and v.startswith("="):
            cell = WriteOnlyCell(ws, value=v)
            cell.data_type = "s"
            row.append(cell)
        else:
            row.append(v)
    return row
