"""The report model: one structure that every renderer (HTML, PDF, DOCX, XLSX, JSON) reads.

Builders (:mod:`.national`, :mod:`.institution`) turn domain objects into a :class:`Report`; the
renderers never compute anything, so the formats cannot disagree.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal, Protocol


@dataclass(frozen=True)
class Interval:
    """A range of two numbers: printed as ``text`` (in the report's digits), two numeric columns in the
    workbook."""

    low: float | None
    high: float | None
    text: str

    def __str__(self) -> str:
        return self.text


Cell = str | int | float | Interval | None


@dataclass
class Paragraph:
    text: str
    kind: Literal["paragraph"] = "paragraph"


@dataclass
class Bullets:
    items: list[str]
    kind: Literal["bullets"] = "bullets"


@dataclass
class Note:
    """A boxed remark; ``level`` "missing" says plainly that data for a section is not there yet."""

    text: str
    level: Literal["info", "warning", "missing"] = "info"
    kind: Literal["note"] = "note"


@dataclass
class Table:
    id: str
    caption: str
    columns: list[str]
    rows: list[list[Any]]  # cells: str, int, float, Interval or None
    #: indexes of numeric columns (aligned to the end, formatted with the locale's digits)
    numeric: list[int] = field(default_factory=list)
    decimals: int = 2
    source: str = ""
    #: short name of the table's sheet in the workbook (default: the caption), in the report's language
    sheet: str = ""
    #: relative widths of the columns in print (e.g. [1, 6, 2]); empty: the layout engine decides
    widths: list[float] = field(default_factory=list)
    #: only in the workbook (and JSON): a table too long to print, which a printed summary points to
    workbook_only: bool = False
    kind: Literal["table"] = "table"


class ChartLike(Protocol):
    @property
    def svg(self) -> str: ...  # vector, text as paths (shaped Arabic/Kurdish)

    @property
    def png(self) -> bytes: ...  # raster at print resolution


@dataclass
class Figure:
    id: str
    caption: str
    chart: ChartLike  # drawn on demand: SVG for HTML, PNG for PDF pages and DOCX
    data: Table | None = None  # the chart's numbers, always shown beside it or in the annex
    source: str = ""
    kind: Literal["figure"] = "figure"

    @property
    def png_base64(self) -> str:
        import base64

        return base64.b64encode(self.chart.png).decode("ascii")


@dataclass
class KeyFigures:
    """A box of the report's key figures: (what, value) pairs, the values already in the report's digits."""

    items: list[tuple[str, str]]
    title: str = ""
    kind: Literal["figures"] = "figures"


Block = Paragraph | Bullets | Note | Table | Figure | KeyFigures


@dataclass
class Section:
    id: str
    title: str
    blocks: list[Block] = field(default_factory=list)
    subsections: list[Section] = field(default_factory=list)
    page_break: bool = False

    def tables(self) -> list[Table]:
        out = [b for b in self.blocks if isinstance(b, Table)]
        out += [b.data for b in self.blocks if isinstance(b, Figure) and b.data is not None]
        for sub in self.subsections:
            out += sub.tables()
        return out


@dataclass
class Report:
    id: str
    lang: str
    title: str
    subtitle: str
    date: str
    sections: list[Section]
    #: running header text
    header: str = ""
    illustrative: bool = False
    illustrative_note: str = ""
    provenance: list[str] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)  # "contents", "page", "source", "table", "figure"
    #: digit shapes of every number: "latn" (0-9), "arab" (٠-٩) or None for the language's own
    digits: str | None = None
    #: lines of the cover under the title: (what, value), e.g. the issuing authority, the round, the date
    cover: list[tuple[str, str]] = field(default_factory=list)

    def tables(self) -> list[Table]:
        return [t for s in self.sections for t in s.tables()]

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self, dict_factory=lambda items: {k: v for k, v in items if k != "chart"})

        def strip(obj: Any) -> Any:
            if isinstance(obj, dict):
                return {k: strip(v) for k, v in obj.items() if k not in ("svg", "png")}
            if isinstance(obj, list):
                return [strip(v) for v in obj]
            return obj

        result: dict[str, Any] = strip(data)
        return result
