"""Framework ⇄ XLSX workbook: one sheet per level, one column per language; lossless round trip.

People who don't read YAML review and edit the framework in Excel or LibreOffice; importing the
workbook gives back the same framework, or located problems (sheet, row, column).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from raqmana.celltext import as_text
from raqmana.frameworks import errors as E
from raqmana.frameworks.file_messages import workbook_reason
from raqmana.frameworks.schema import Framework
from raqmana.frameworks.validation_messages import describe
from raqmana.i18n.locales import LANGS
from raqmana.problems import Location, Problem

LIST_SEP = "; "

# column kinds: t = translated (3 columns), s = text, f = float, i = int, b = bool, l = list of text


@dataclass(frozen=True)
class Sheet:
    name: str
    parent: tuple[str, str] | None  # (column in this sheet, sheet it refers to)
    columns: tuple[tuple[str, str], ...]


META_FIELDS = (
    ("schema_version", "i"),
    ("id", "s"),
    ("version", "s"),
    ("kind", "s"),
    ("publisher", "s"),
    ("source", "s"),
    ("licence", "s"),
    ("na_treatment", "s"),
    ("name", "t"),
    ("description", "t"),
    ("default_stage0", "t"),
)
SHEETS = (
    Sheet("stage_labels", None, (("stage", "i"), ("label", "t"), ("description", "t"))),
    Sheet(
        "pillars",
        None,
        (("id", "s"), ("name", "t"), ("description", "t"), ("weight", "f"), ("depends_on", "l")),
    ),
    Sheet(
        "sub_areas",
        ("pillar", "pillars"),
        (("pillar", "s"), ("id", "s"), ("name", "t"), ("description", "t"), ("weight", "f")),
    ),
    Sheet(
        "indicators",
        ("sub_area", "sub_areas"),
        (
            ("sub_area", "s"),
            ("id", "s"),
            ("name", "t"),
            ("description", "t"),
            ("question", "t"),
            ("guidance", "t"),
            ("answer_type", "s"),
            ("min_value", "f"),
            ("max_value", "f"),
            ("unit", "t"),
            ("weight", "f"),
            ("direction", "i"),
            ("na_allowed", "b"),
            ("na_treatment", "s"),
            ("responsible", "l"),
            ("evidence_types", "l"),
            ("crosswalk.gtmi", "l"),
            ("crosswalk.ncsi", "l"),
            ("crosswalk.egdi", "l"),
            ("crosswalk.govstack", "l"),
            ("crosswalk.undp_dtf", "l"),
            ("crosswalk.sdg", "l"),
            ("source", "s"),
        ),
    ),
    Sheet(
        "stages",
        ("indicator", "indicators"),
        (("indicator", "s"), ("stage", "i"), ("descriptor", "t"), ("evidence", "t")),
    ),
    Sheet(
        "choices",
        ("indicator", "indicators"),
        (("indicator", "s"), ("value", "s"), ("label", "t"), ("score", "f")),
    ),
    Sheet(
        "catalogue", None, (("id", "s"), ("kind", "s"), ("parent", "s"), ("name", "t"), ("description", "t"))
    ),
)
HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")


def _headers(sheet: Sheet) -> list[str]:
    out: list[str] = []
    for col, kind in sheet.columns:
        out.extend([f"{col}_{lang}" for lang in LANGS] if kind == "t" else [col])
    return out


def _cells(obj: dict[str, Any], sheet: Sheet) -> list[Any]:
    row: list[Any] = []
    for col, kind in sheet.columns:
        value: Any = obj
        for part in col.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if kind == "t":
            value = value or {}
            row.extend(value.get(lang, "") or None for lang in LANGS)
        elif kind == "l":
            row.append(LIST_SEP.join(str(v) for v in value) if value else None)
        elif kind == "b":
            row.append("yes" if value else "no")
        else:
            row.append(value)
    return row


def write_workbook(fw: Framework, path: Path) -> Path:
    """Write ``fw`` as a workbook at ``path``."""
    data = fw.model_dump(mode="json")
    wb = Workbook()
    meta = wb.active
    assert meta is not None
    meta.title = "framework"
    meta.append(["field", "value", *[f"value_{lang}" for lang in LANGS]])
    for name, kind in META_FIELDS:
        if kind == "t":
            t = data.get(name) or {}
            meta.append([name, None, *[t.get(lang) or None for lang in LANGS]])
        else:
            meta.append([name, data.get(name)])
    rows: dict[str, list[dict[str, Any]]] = {s.name: [] for s in SHEETS}
    rows["stage_labels"] = data["stage_labels"]
    rows["catalogue"] = data["catalogue"]
    for p in data["pillars"]:
        rows["pillars"].append(p)
        for s in p["sub_areas"]:
            rows["sub_areas"].append({**s, "pillar": p["id"]})
            for ind in s["indicators"]:
                rows["indicators"].append({**ind, "sub_area": s["id"]})
                rows["stages"].extend({**st, "indicator": ind["id"]} for st in ind["stages"])
                rows["choices"].extend({**ch, "indicator": ind["id"]} for ch in ind["choices"])
    for sheet in SHEETS:
        ws = wb.create_sheet(sheet.name)
        ws.append(_headers(sheet))
        for obj in rows[sheet.name]:
            ws.append(_cells(obj, sheet))
    for ws in wb.worksheets:
        for cell in ws[1]:
            cell.font = Font(bold=True)
            cell.fill = HEADER_FILL
        ws.freeze_panes = "A2"
        for idx, cell in enumerate(ws[1], start=1):
            wide = any(
                cell.value and str(cell.value).startswith(p)
                for p in (
                    "name",
                    "description",
                    "question",
                    "guidance",
                    "descriptor",
                    "evidence",
                    "label",
                    "value_",
                )
            )
            ws.column_dimensions[get_column_letter(idx)].width = 48 if wide else 14
            if wide:
                for c in ws.iter_rows(min_row=2, min_col=idx, max_col=idx):
                    c[0].alignment = Alignment(wrap_text=True, vertical="top")
    path.parent.mkdir(parents=True, exist_ok=True)
    as_text(wb).save(path)
    return path


class XlsxOrigin:
    """Locates document paths in the workbook they were read from."""

    def __init__(self, file: str):
        self.file = file
        self.rows: dict[tuple[Any, ...], tuple[str, int]] = {}
        self.columns: dict[tuple[str, str], str] = {}

    def locate(self, path: tuple[Any, ...]) -> Location:
        p = tuple(path)
        while p and p not in self.rows:
            p = p[:-1]
        sheet, row = self.rows.get(p, ("framework", 1))
        rest = [str(x) for x in path[len(p) :] if not isinstance(x, int)]
        column = ""
        for depth in range(len(rest), 0, -1):
            key = "_".join(rest[:depth]) if rest[depth - 1] in LANGS else ".".join(rest[:depth])
            if (sheet, key) in self.columns:
                column = self.columns[(sheet, key)]
                break
        return Location(file=self.file, sheet=sheet, line=row, column=column, path=_path(path))


def _path(path: tuple[Any, ...]) -> str:
    return "".join(
        f"[{p}]" if isinstance(p, int) else ("." if i else "") + str(p) for i, p in enumerate(path)
    )


def _convert(raw: Any, kind: str) -> tuple[Any, str | None]:
    """Cell value → Python value, or (None, expected-description) when it doesn't fit."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return ([] if kind == "l" else None), None
    if kind in ("s", "t"):
        return (
            str(raw).strip() if not isinstance(raw, float) or not raw.is_integer() else str(int(raw))
        ), None
    if kind == "l":
        return [v.strip() for v in str(raw).replace(";", "\n").split("\n") if v.strip()], None
    if kind == "b":
        text = str(raw).strip().lower()
        if text in ("yes", "true", "1", "نعم", "بەڵێ"):
            return True, None
        if text in ("no", "false", "0", "لا", "نەخێر"):
            return False, None
        return None, "yes/no"
    if kind == "i":
        try:
            f = float(raw)
        except (TypeError, ValueError):
            return None, "a whole number"
        return (int(f), None) if f.is_integer() else (None, "a whole number")
    try:
        return float(raw), None
    except (TypeError, ValueError):
        return None, "a number"


def read_workbook(path: Path) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Read a framework workbook into plain data (for the loader) plus any cell-level problems.

    Returns ``(None, problems)`` when the workbook can't be turned into a document at all.
    The loader wraps the data with an :class:`XlsxOrigin` for locating schema errors.
    """
    data, problems, _ = read_workbook_with_origin(path)
    return data, problems


def read_workbook_with_origin(path: Path) -> tuple[dict[str, Any] | None, list[Problem], XlsxOrigin]:
    name = path.name
    origin = XlsxOrigin(name)
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged or foreign file
        return (
            None,
            [Problem(E.XLSX_UNREADABLE, Location(file=name), {"detail": workbook_reason(exc)})],
            origin,
        )
    problems: list[Problem] = []
    needed = ["framework", *(s.name for s in SHEETS)]
    for sheet_name in needed:
        if sheet_name not in wb.sheetnames:
            problems.append(
                Problem(E.XLSX_MISSING_SHEET, Location(file=name, sheet=sheet_name), {"sheet": sheet_name})
            )
    if problems:
        return None, problems, origin

    doc: dict[str, Any] = {}
    meta_rows = list(wb["framework"].iter_rows(values_only=True))
    meta_kinds = dict(META_FIELDS)
    for r, row in enumerate(meta_rows[1:], start=2):
        if not row or row[0] is None:
            continue
        key = str(row[0]).strip()
        if key not in meta_kinds:
            problems.append(
                Problem(
                    E.SCHEMA,
                    Location(name, "framework", r, "A", field=key),
                    {"detail": describe({"type": "extra_forbidden"}, field=key)},
                )
            )
            continue
        origin.rows[(key,)] = ("framework", r)
        if meta_kinds[key] == "t":
            vals = list(row[2:5]) + [None] * (3 - len(row[2:5]))
            doc[key] = {lang: _convert(v, "t")[0] or "" for lang, v in zip(LANGS, vals, strict=True)}
            for k, lang in enumerate(LANGS):
                origin.columns[("framework", f"{key}_{lang}")] = get_column_letter(3 + k)
        else:
            value, bad = _convert(row[1] if len(row) > 1 else None, meta_kinds[key])
            if bad:
                problems.append(
                    Problem(
                        E.XLSX_BAD_CELL,
                        Location(name, "framework", r, "B", field=key),
                        {"value": row[1], "expected": E.EXPECTED[bad]},
                    )
                )
            elif value is not None:
                doc[key] = value

    tables: dict[str, list[tuple[int, dict[str, Any]]]] = {}
    for sheet in SHEETS:
        tables[sheet.name] = _read_sheet(wb[sheet.name], sheet, name, problems, origin)
    wb.close()
    if any(p.severity.value == "error" for p in problems):
        return None, problems, origin

    doc["stage_labels"] = [obj for _, obj in tables["stage_labels"]]
    for k, (r, _) in enumerate(tables["stage_labels"]):
        origin.rows[("stage_labels", k)] = ("stage_labels", r)
    doc["catalogue"] = [obj for _, obj in tables["catalogue"]]
    for k, (r, _) in enumerate(tables["catalogue"]):
        origin.rows[("catalogue", k)] = ("catalogue", r)

    def children(sheet: str, key: str, parent_id: str) -> list[tuple[int, dict[str, Any]]]:
        return [(r, obj) for r, obj in tables[sheet] if obj.get(key) == parent_id]

    for sheet in SHEETS:
        if sheet.parent is None:
            continue
        col, parent_sheet = sheet.parent
        parent_ids = {obj.get("id") for _, obj in tables[parent_sheet]}
        for r, obj in tables[sheet.name]:
            if obj.get(col) not in parent_ids:
                problems.append(
                    Problem(
                        E.XLSX_UNKNOWN_PARENT,
                        Location(name, sheet.name, r, "A", field=col),
                        {"value": obj.get(col), "parent_sheet": parent_sheet},
                    )
                )
    if problems and any(p.severity.value == "error" for p in problems):
        return None, problems, origin

    pillars = []
    for pi, (pr, p) in enumerate(tables["pillars"]):
        origin.rows[("pillars", pi)] = ("pillars", pr)
        subs = []
        for si, (sr, s) in enumerate(children("sub_areas", "pillar", p["id"])):
            origin.rows[("pillars", pi, "sub_areas", si)] = ("sub_areas", sr)
            inds = []
            for ii, (ir, ind) in enumerate(children("indicators", "sub_area", s["id"])):
                ipath = ("pillars", pi, "sub_areas", si, "indicators", ii)
                origin.rows[ipath] = ("indicators", ir)
                stages = []
                for k, (str_, st) in enumerate(children("stages", "indicator", ind["id"])):
                    origin.rows[(*ipath, "stages", k)] = ("stages", str_)
                    stages.append({k2: v for k2, v in st.items() if k2 != "indicator"})
                choices = []
                for k, (cr, ch) in enumerate(children("choices", "indicator", ind["id"])):
                    origin.rows[(*ipath, "choices", k)] = ("choices", cr)
                    choices.append({k2: v for k2, v in ch.items() if k2 != "indicator"})
                clean = {k2: v for k2, v in ind.items() if k2 != "sub_area"}
                inds.append({**clean, "stages": stages, "choices": choices})
            subs.append({**{k2: v for k2, v in s.items() if k2 != "pillar"}, "indicators": inds})
        pillars.append({**p, "sub_areas": subs})
    doc["pillars"] = pillars
    return doc, problems, origin


def _read_sheet(
    ws: Any, sheet: Sheet, file: str, problems: list[Problem], origin: XlsxOrigin
) -> list[tuple[int, dict[str, Any]]]:
    rows = list(ws.iter_rows(values_only=True))
    header = [str(h).strip() if h is not None else "" for h in (rows[0] if rows else [])]
    index = {h: i for i, h in enumerate(header)}
    for h, i in index.items():
        origin.columns[(sheet.name, h)] = get_column_letter(i + 1)
    for h in _headers(sheet):
        if h not in index:
            problems.append(Problem(E.XLSX_MISSING_COLUMN, Location(file, sheet.name, 1), {"column": h}))
    if any(p.location.sheet == sheet.name for p in problems):
        return []
    out: list[tuple[int, dict[str, Any]]] = []
    for r, row in enumerate(rows[1:], start=2):
        if row is None or all(v is None or (isinstance(v, str) and not v.strip()) for v in row):
            continue
        obj: dict[str, Any] = {}
        for col, kind in sheet.columns:
            if kind == "t":
                obj[col] = {lang: _convert(row[index[f"{col}_{lang}"]], "t")[0] or "" for lang in LANGS}
                continue
            raw = row[index[col]] if index[col] < len(row) else None
            value, bad = _convert(raw, kind)
            if bad:
                problems.append(
                    Problem(
                        E.XLSX_BAD_CELL,
                        Location(file, sheet.name, r, get_column_letter(index[col] + 1), field=col),
                        {"value": raw, "expected": E.EXPECTED[bad]},
                    )
                )
                continue
            if value is None:
                continue
            target = obj
            parts = col.split(".")
            for part in parts[:-1]:
                target = target.setdefault(part, {})
            target[parts[-1]] = value
        out.append((r, obj))
    return out
