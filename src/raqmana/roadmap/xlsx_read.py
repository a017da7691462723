"""XLSX workbook → Roadmap, the inverse of :mod:`.xlsx`. Bad cells are reported with sheet, row and column."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from pydantic import ValidationError

from raqmana.frameworks.file_messages import workbook_reason
from raqmana.frameworks.validation_messages import describe
from raqmana.problems import Location, Problem
from raqmana.recommend.rules import BaselineSource, Category, Kind, KpiUnit
from raqmana.roadmap import errors as E
from raqmana.roadmap.model import DependencyKind, Phase, ProgressStatus, Roadmap, SolveStatus
from raqmana.roadmap.quarters import Calendar
from raqmana.roadmap.xlsx import (
    CAPACITY_COLUMNS,
    DEPENDENCY_COLUMNS,
    INITIATIVE_COLUMNS,
    KPI_COLUMNS,
    KPI_VALUE_COLUMNS,
    LANGS,
    MILESTONE_COLUMNS,
    PROGRESS_COLUMNS,
)

Row = dict[str, tuple[Any, Location]]


class _Reader:
    def __init__(self, wb: Workbook, file: str):
        self.wb, self.file, self.problems = wb, file, []  # type: ignore[var-annotated]

    def bad(self, where: Location, value: Any, expected: dict[str, str]) -> None:
        self.problems.append(Problem(E.XLSX_BAD_CELL, where, {"value": value, "expected": expected}))

    def table(self, sheet: str, columns: tuple[str, ...], *, required: bool = True) -> list[Row]:
        if sheet not in self.wb.sheetnames:
            if required:
                self.problems.append(
                    Problem(E.XLSX_MISSING_SHEET, Location(file=self.file), {"sheet": sheet})
                )
            return []
        ws = self.wb[sheet]
        rows = ws.iter_rows(values_only=True)
        header = [str(h).strip() if h is not None else "" for h in next(rows, ())]
        index = {h: k for k, h in enumerate(header) if h}
        missing = [c for c in columns if c not in index]
        for c in missing:
            self.problems.append(
                Problem(E.XLSX_MISSING_COLUMN, Location(file=self.file, sheet=sheet, line=1), {"column": c})
            )
        if missing:
            return []
        out: list[Row] = []
        for r, values in enumerate(rows, start=2):
            if all(v is None or str(v).strip() == "" for v in values):
                continue
            row: Row = {}
            for c in columns:
                k = index[c]
                v = values[k] if k < len(values) else None
                row[c] = (
                    v,
                    Location(file=self.file, sheet=sheet, line=r, column=get_column_letter(k + 1), field=c),
                )
            out.append(row)
        return out

    def keyvalues(self, sheet: str, *, required: bool = True) -> Row:
        return {
            str(row["key"][0]).strip(): row["value"]
            for row in self.table(sheet, ("key", "value"), required=required)
        }

    # converters -------------------------------------------------------------------------------------
    def text(self, cell: tuple[Any, Location]) -> str:
        v = cell[0]
        if v is None:
            return ""
        if isinstance(v, float) and v.is_integer():
            return str(int(v))
        return str(v)

    def int_(self, cell: tuple[Any, Location], *, minimum: int = 0, optional: bool = False) -> int | None:
        v, where = cell
        if v is None or v == "":
            if optional:
                return None
            self.bad(where, "", E.EXPECTED["integer"])
            return None
        try:
            f = float(v)
        except (TypeError, ValueError):
            f = float("nan")
        if f != f or not f.is_integer() or f < minimum:
            self.bad(where, v, E.EXPECTED["positive" if minimum >= 1 else "integer"])
            return None
        return int(f)

    def float_(self, cell: tuple[Any, Location], *, optional: bool = False) -> float | None:
        v, where = cell
        if v is None or v == "":
            if not optional:
                self.bad(where, "", E.EXPECTED["number"])
            return None
        try:
            return float(v)
        except (TypeError, ValueError):
            self.bad(where, v, E.EXPECTED["number"])
            return None

    def choice(
        self, cell: tuple[Any, Location], enum: type[StrEnum], *, optional: bool = False
    ) -> str | None:
        v = self.text(cell).strip()
        if not v and optional:
            return None
        if v not in {e.value for e in enum}:
            self.bad(cell[1], v, E.choice([e.value for e in enum]))
            return None
        return v

    def quarter(self, cell: tuple[Any, Location], cal: Calendar) -> int | None:
        v = self.text(cell)
        q = cal.parse(v)
        if q is None:
            self.bad(cell[1], v, E.EXPECTED["quarter"])
        return q

    def items(self, cell: tuple[Any, Location]) -> list[str]:
        return [x.strip() for x in self.text(cell).split(",") if x.strip()]

    def amounts(self, cell: tuple[Any, Location]) -> list[int]:
        """A comma-separated list of amounts ("5000000, 6000000"); a word among them is a located problem."""
        out: list[int] = []
        for x in self.items(cell):
            try:
                f = float(x)
            except ValueError:
                f = float("nan")
            if f != f or f in (float("inf"), float("-inf")):
                self.bad(cell[1], x, E.EXPECTED["number"])
                continue
            out.append(int(f))
        return out

    def translated(self, row: Row, prefix: str) -> dict[str, str]:
        return {lg: self.text(row[f"{prefix}_{lg}"]) for lg in LANGS}


def read_workbook(path: str | Path) -> tuple[Roadmap | None, list[Problem]]:
    p = Path(path)
    try:
        wb = load_workbook(p, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        return None, [Problem(E.XLSX_UNREADABLE, Location(file=p.name), {"detail": workbook_reason(exc)})]
    rd = _Reader(wb, p.name)
    data = _read(rd)
    wb.close()
    if rd.problems:
        return None, rd.problems
    try:
        return Roadmap.model_validate(data), []
    except ValidationError as exc:
        return None, [
            Problem(
                E.BAD_FILE,
                Location(file=p.name, path=".".join(str(x) for x in err["loc"])),
                {"detail": describe(err, field=_field(err["loc"]))},
            )
            for err in exc.errors()
        ]


def _field(loc: tuple[int | str, ...]) -> str:
    return str(loc[-1]) if loc and not isinstance(loc[-1], int) else ""


def _read(rd: _Reader) -> dict[str, Any]:
    missing = [sheet for sheet in ("Roadmap", "Initiatives") if sheet not in rd.wb.sheetnames]
    if missing:  # everything else refers to these two
        for sheet in missing:
            rd.problems.append(Problem(E.XLSX_MISSING_SHEET, Location(file=rd.file), {"sheet": sheet}))
        return {}
    kv = rd.keyvalues("Roadmap")
    get = kv.get
    none: tuple[Any, Location] = (None, Location(file=rd.file, sheet="Roadmap"))
    settings: dict[str, Any] = {
        "horizon_quarters": rd.int_(get("horizon_quarters", none), minimum=1),
        "budget_per_year": rd.amounts(get("budget_per_year", none)),
        "capacity_default": rd.int_(get("capacity_default", none), minimum=1),
        "start_year": rd.int_(get("start_year", none)),
        "start_quarter": rd.int_(get("start_quarter", none), minimum=1),
        "time_limit_s": rd.float_(get("time_limit_s", none)),
        "workers": rd.int_(get("workers", none), minimum=1),
        "gap_limit": rd.float_(get("gap_limit", none)),
        "short_max": rd.int_(get("short_max", none)),
        "medium_max": rd.int_(get("medium_max", none)),
        "capacity": {
            rd.text(r["owner"]): rd.int_(r["capacity"], minimum=1)
            for r in rd.table("Capacity", CAPACITY_COLUMNS, required=False)
        },
    }
    cal = Calendar(settings["start_year"] or 2026, settings["start_quarter"] or 1)
    kpis: dict[str, list[dict[str, Any]]] = {}
    for r in rd.table("KPIs", KPI_COLUMNS, required=False):
        kpis.setdefault(rd.text(r["initiative"]), []).append(
            {
                "id": rd.text(r["id"]),
                "name": rd.translated(r, "name"),
                "unit": rd.choice(r["unit"], KpiUnit),
                "baseline": rd.choice(r["baseline"], BaselineSource),
                "target": rd.float_(r["target"]),
                "direction": rd.int_(r["direction"], minimum=-1),
            }
        )
    initiatives, items = [], []
    for r in rd.table("Initiatives", INITIATIVE_COLUMNS):
        iid = rd.text(r["id"])
        initiatives.append(
            {
                "id": iid,
                "name": rd.translated(r, "name"),
                "description": rd.translated(r, "description"),
                "owner": rd.text(r["owner"]),
                "owner_name": rd.translated(r, "owner_name"),
                "pillar": rd.text(r["pillar"]),
                "category": rd.choice(r["category"], Category),
                "kind": rd.choice(r["kind"], Kind),
                "layer": rd.int_(r["layer"], optional=True),
                "cost_usd": rd.int_(r["cost_usd"]),
                "cost_low": rd.int_(r["cost_low"]),
                "cost_high": rd.int_(r["cost_high"]),
                "duration": rd.int_(r["duration"], minimum=1),
                "benefit": rd.int_(r["benefit"]),
                "release": rd.int_(r["release"]),
                "building_blocks": rd.items(r["building_blocks"]),
                "sdg": rd.items(r["sdg"]),
                "recommendations": rd.items(r["recommendations"]),
                "institutions": rd.items(r["institutions"]),
                "kpis": kpis.get(iid, []),
            }
        )
        if rd.text(r["start"]):
            start, last = rd.quarter(r["start"], cal), rd.quarter(r["end"], cal)
            items.append(
                {
                    "id": iid,
                    "start": start,
                    "end": None if last is None else last + 1,
                    "slack": rd.int_(r["slack"]),
                    "critical": rd.text(r["critical"]) == "yes",
                    "phase": rd.choice(r["phase"], Phase),
                }
            )
    known = {i["id"] for i in initiatives}
    dependencies = []
    for r in rd.table("Dependencies", DEPENDENCY_COLUMNS, required=False):
        for end in ("before", "after"):
            if rd.text(r[end]) not in known:
                rd.bad(r[end][1], rd.text(r[end]), E.EXPECTED["initiative"])
        dependencies.append(
            {
                "before": rd.text(r["before"]),
                "after": rd.text(r["after"]),
                "kind": rd.choice(r["kind"], DependencyKind),
                "lag": rd.int_(r["lag"], minimum=-80),
            }
        )
    data: dict[str, Any] = {
        "id": rd.text(get("id", none)),
        "version": rd.int_(get("version", none), minimum=1),
        "title": {lg: rd.text(get(f"title_{lg}", none)) for lg in LANGS},
        "created": rd.text(get("created", none)),
        "framework": rd.text(get("framework", none)),
        "based_on": rd.text(get("based_on", none)),
        "settings": settings,
        "initiatives": initiatives,
        "dependencies": dependencies,
        "progress": _progress(rd),
        "metadata": {
            k.removeprefix("metadata."): rd.text(v) for k, v in kv.items() if k.startswith("metadata.")
        },
    }
    sv = rd.keyvalues("Schedule", required=False)
    if sv:
        data["schedule"] = {
            "status": rd.choice(sv.get("status", none), SolveStatus),
            "items": items,
            **{
                k: rd.int_(sv[k], optional=True)
                for k in ("objective", "greedy_objective", "makespan")
                if k in sv
            },
            **{
                k: rd.float_(sv[k], optional=True)
                for k in ("bound", "gap", "improvement", "solve_seconds")
                if k in sv
            },
            "critical_path": rd.items(sv.get("critical_path", none)),
            "yearly_spend": [int(float(x)) for x in rd.items(sv.get("yearly_spend", none))],
        }
    return data


def _progress(rd: _Reader) -> list[dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for r in rd.table("Progress", PROGRESS_COLUMNS, required=False):
        iid = rd.text(r["initiative"])
        out[iid] = {
            "initiative": iid,
            "status": rd.choice(r["status"], ProgressStatus),
            "percent_done": rd.float_(r["percent_done"]),
            "updated": rd.text(r["updated"]),
            "milestones": [],
            "kpi_values": [],
        }
    for r in rd.table("Milestones", MILESTONE_COLUMNS, required=False):
        entry = out.get(rd.text(r["initiative"]))
        if entry is None:
            rd.bad(r["initiative"][1], rd.text(r["initiative"]), E.EXPECTED["initiative"])
            continue
        entry["milestones"].append(
            {
                "name": rd.translated(r, "name"),
                "planned": rd.text(r["planned"]),
                "actual": rd.text(r["actual"]),
            }
        )
    for r in rd.table("KPI values", KPI_VALUE_COLUMNS, required=False):
        entry = out.get(rd.text(r["initiative"]))
        if entry is None:
            rd.bad(r["initiative"][1], rd.text(r["initiative"]), E.EXPECTED["initiative"])
            continue
        entry["kpi_values"].append(
            {"kpi": rd.text(r["kpi"]), "date": rd.text(r["date"]), "value": rd.float_(r["value"])}
        )
    return list(out.values())
