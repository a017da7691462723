"""Roadmap → XLSX workbook (read back losslessly by :mod:`.xlsx_read`).

Sheets: Roadmap (key/value: identity and settings), Initiatives (one row each, with its scheduled
quarters), Dependencies, KPIs, Capacity, Schedule (key/value), Progress, Milestones, KPI values, and
Actions (per-institution action list, for reading only). Column keys in row 1 are stable English ids;
quarters are written as ``2026-Q3`` (the end column is the last quarter worked).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from raqmana.celltext import as_text
from raqmana.frameworks.illustrative import label_workbook
from raqmana.i18n import is_rtl
from raqmana.roadmap.actions import actions_by_institution
from raqmana.roadmap.model import Roadmap
from raqmana.roadmap.quarters import Calendar

LANGS = ("en", "ar", "ckb")
SETTINGS_KEYS = (
    "horizon_quarters",
    "budget_per_year",
    "capacity_default",
    "start_year",
    "start_quarter",
    "time_limit_s",
    "workers",
    "gap_limit",
    "short_max",
    "medium_max",
)
ROADMAP_KEYS = (
    "id",
    "version",
    "title_en",
    "title_ar",
    "title_ckb",
    "created",
    "framework",
    "based_on",
    *SETTINGS_KEYS,
)
SCHEDULE_KEYS = (
    "status",
    "objective",
    "bound",
    "gap",
    "greedy_objective",
    "improvement",
    "solve_seconds",
    "makespan",
    "critical_path",
    "yearly_spend",
)
INITIATIVE_COLUMNS = (
    "id",
    "name_en",
    "name_ar",
    "name_ckb",
    "description_en",
    "description_ar",
    "description_ckb",
    "owner",
    "owner_name_en",
    "owner_name_ar",
    "owner_name_ckb",
    "pillar",
    "category",
    "kind",
    "layer",
    "cost_usd",
    "cost_low",
    "cost_high",
    "duration",
    "benefit",
    "release",
    "building_blocks",
    "sdg",
    "recommendations",
    "institutions",
    "start",
    "end",
    "slack",
    "critical",
    "phase",
)
DEPENDENCY_COLUMNS = ("before", "after", "kind", "lag")
KPI_COLUMNS = (
    "initiative",
    "id",
    "name_en",
    "name_ar",
    "name_ckb",
    "unit",
    "baseline",
    "target",
    "direction",
)
CAPACITY_COLUMNS = ("owner", "capacity")
PROGRESS_COLUMNS = ("initiative", "status", "percent_done", "updated")
MILESTONE_COLUMNS = ("initiative", "name_en", "name_ar", "name_ckb", "planned", "actual")
KPI_VALUE_COLUMNS = ("initiative", "kpi", "date", "value")
ACTION_COLUMNS = ("institution", "role", "initiative", "name", "start", "end", "cost_usd", "kpis")


def join(values: list[Any]) -> str:
    return ", ".join(str(v) for v in values)


def _sheet(wb: Workbook, title: str, columns: tuple[str, ...], rows: list[list[Any]], rtl: bool) -> Worksheet:
    ws = wb.create_sheet(title)
    ws.append(list(columns))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append([None if v == "" else v for v in row])
    ws.freeze_panes = "A2"
    ws.sheet_view.rightToLeft = rtl
    return ws


def write_workbook(
    roadmap: Roadmap, path: str | Path, *, lang: str = "en", illustrative: bool = False
) -> Path:
    """``illustrative``: the plan comes from generated answers; a first sheet says so (readers skip it)."""
    rtl = is_rtl(lang)
    cal = Calendar(roadmap.settings.start_year, roadmap.settings.start_quarter)
    wb = Workbook()
    wb.remove(wb.active)
    s = roadmap.settings
    values: dict[str, Any] = {
        "id": roadmap.id,
        "version": roadmap.version,
        "created": roadmap.created,
        "framework": roadmap.framework,
        "based_on": roadmap.based_on,
        **{f"title_{lg}": getattr(roadmap.title, lg) for lg in LANGS},
        **{k: getattr(s, k) for k in SETTINGS_KEYS},
        "budget_per_year": join(s.budget_per_year),
    }
    meta = [[f"metadata.{k}", v] for k, v in roadmap.metadata.items()]
    _sheet(wb, "Roadmap", ("key", "value"), [[k, values[k]] for k in ROADMAP_KEYS] + meta, rtl)

    items = {it.id: it for it in roadmap.schedule.items} if roadmap.schedule is not None else {}
    rows = []
    for it in roadmap.initiatives:
        sch = items.get(it.id)
        rows.append(
            [
                it.id,
                *(getattr(it.name, lg) for lg in LANGS),
                *(getattr(it.description, lg) for lg in LANGS),
                it.owner,
                *(getattr(it.owner_name, lg) for lg in LANGS),
                it.pillar,
                it.category.value,
                it.kind.value,
                "" if it.layer is None else int(it.layer),
                it.cost_usd,
                it.cost_low,
                it.cost_high,
                it.duration,
                it.benefit,
                it.release,
                join(it.building_blocks),
                join(it.sdg),
                join(it.recommendations),
                join(it.institutions),
                cal.label(sch.start) if sch else "",
                cal.label(sch.end - 1) if sch else "",
                sch.slack if sch else "",
                ("yes" if sch.critical else "no") if sch else "",
                sch.phase.value if sch else "",
            ]
        )
    _sheet(wb, "Initiatives", INITIATIVE_COLUMNS, rows, rtl)
    _sheet(
        wb,
        "Dependencies",
        DEPENDENCY_COLUMNS,
        [[d.before, d.after, d.kind.value, d.lag] for d in roadmap.dependencies],
        rtl,
    )
    _sheet(
        wb,
        "KPIs",
        KPI_COLUMNS,
        [
            [
                it.id,
                k.id,
                *(getattr(k.name, lg) for lg in LANGS),
                k.unit.value,
                k.baseline.value,
                k.target,
                k.direction,
            ]
            for it in roadmap.initiatives
            for k in it.kpis
        ],
        rtl,
    )
    _sheet(wb, "Capacity", CAPACITY_COLUMNS, [[o, c] for o, c in s.capacity.items()], rtl)
    if roadmap.schedule is not None:
        whole = roadmap.schedule
        sv: dict[str, Any] = {k: getattr(whole, k) for k in SCHEDULE_KEYS}
        sv["status"] = whole.status.value
        sv["critical_path"] = join(whole.critical_path)
        sv["yearly_spend"] = join(whole.yearly_spend)
        _sheet(
            wb,
            "Schedule",
            ("key", "value"),
            [[k, "" if sv[k] is None else sv[k]] for k in SCHEDULE_KEYS],
            rtl,
        )
    _sheet(
        wb,
        "Progress",
        PROGRESS_COLUMNS,
        [[p.initiative, p.status.value, p.percent_done, p.updated] for p in roadmap.progress],
        rtl,
    )
    _sheet(
        wb,
        "Milestones",
        MILESTONE_COLUMNS,
        [
            [p.initiative, *(getattr(m.name, lg) for lg in LANGS), m.planned, m.actual]
            for p in roadmap.progress
            for m in p.milestones
        ],
        rtl,
    )
    _sheet(
        wb,
        "KPI values",
        KPI_VALUE_COLUMNS,
        [[p.initiative, v.kpi, v.date, v.value] for p in roadmap.progress for v in p.kpi_values],
        rtl,
    )
    actions = actions_by_institution(roadmap, lang)
    _sheet(
        wb,
        "Actions",
        ACTION_COLUMNS,
        [
            [
                inst,
                a["role"],
                a["initiative"],
                a["name"],
                a["start"],
                a["end"],
                a["cost_usd"],
                join(a["kpis"]),
            ]
            for inst, items_ in actions.items()
            for a in items_
        ],
        rtl,
    )
    label_workbook(wb, illustrative)
    out = Path(path)
    as_text(wb).save(out)
    return out
