"""Roadmap JSON files: write, and read back with located problems instead of tracebacks.

The file is the :class:`Roadmap` itself plus a derived ``plan`` list, easy to read without the model:
one entry per initiative with its start and end quarter (``2026-Q3``; ``end`` is the last quarter
worked), dependencies, owner, cost and benefit. ``plan`` is ignored when the file is read back, and so
is the label of a roadmap planned from illustrative answers (``illustrative``, ``note``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from raqmana.frameworks.file_messages import json_reason, read_reason
from raqmana.frameworks.illustrative import LABEL_KEYS, labelled
from raqmana.frameworks.validation_messages import describe
from raqmana.problems import Location, Problem
from raqmana.roadmap import errors as E
from raqmana.roadmap.model import Roadmap
from raqmana.roadmap.quarters import Calendar

DERIVED = "plan"


def plan_rows(roadmap: Roadmap) -> list[dict[str, Any]]:
    """One plain row per initiative: id, names, owner, start/end quarter, dependencies, cost, benefit."""
    cal = Calendar(roadmap.settings.start_year, roadmap.settings.start_quarter)
    items = {it.id: it for it in roadmap.schedule.items} if roadmap.schedule is not None else {}
    waits: dict[str, list[str]] = {}
    for d in roadmap.dependencies:
        waits.setdefault(d.after, []).append(d.before)
    rows = []
    for it in roadmap.initiatives:
        sch = items.get(it.id)
        rows.append(
            {
                "id": it.id,
                "name": it.name.model_dump(),
                "owner": it.owner,
                "pillar": it.pillar,
                "layer": None if it.layer is None else int(it.layer),
                "start": cal.label(sch.start) if sch else None,
                "end": cal.label(sch.end - 1) if sch else None,
                "start_quarter": sch.start if sch else None,
                "end_quarter": sch.end if sch else None,
                "phase": sch.phase.value if sch else None,
                "critical": sch.critical if sch else False,
                "dependencies": waits.get(it.id, []),
                "cost_usd": it.cost_usd,
                "benefit": it.benefit,
                "recommendations": list(it.recommendations),
            }
        )
    return rows


def write(roadmap: Roadmap, path: str | Path, *, illustrative: bool = False) -> Path:
    """``illustrative``: the roadmap was planned from generated answers, and the file says so."""
    p = Path(path)
    data = labelled({**roadmap.model_dump(mode="json"), DERIVED: plan_rows(roadmap)}, illustrative)
    p.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return p


def read(path: str | Path) -> tuple[Roadmap | None, list[Problem]]:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Problem(E.BAD_FILE, Location(file=str(p)), {"detail": read_reason(exc)})]
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        where = Location(file=p.name, line=exc.lineno, column=str(exc.colno))
        return None, [Problem(E.BAD_FILE, where, {"detail": json_reason(exc)})]
    if isinstance(data, dict):
        for key in (DERIVED, *LABEL_KEYS):
            data.pop(key, None)
    try:
        return Roadmap.model_validate(data), []
    except ValidationError as exc:
        out = []
        for err in exc.errors():
            loc = tuple(err["loc"])
            path_text = "".join(f"[{x}]" if isinstance(x, int) else f".{x}" for x in loc).lstrip(".")
            field_name = str(loc[-1]) if loc and not isinstance(loc[-1], int) else ""
            out.append(
                Problem(
                    E.BAD_FILE,
                    Location(file=p.name, path=path_text),
                    {"detail": describe(err, field=field_name)},
                )
            )
        return None, out
