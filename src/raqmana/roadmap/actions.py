"""Per-institution action list: what each institution leads or takes part in, and when."""

from __future__ import annotations

from typing import Any

from raqmana.roadmap.milestones import planned
from raqmana.roadmap.model import Roadmap
from raqmana.roadmap.quarters import Calendar


def actions_by_institution(roadmap: Roadmap, lang: str = "en") -> dict[str, list[dict[str, Any]]]:
    """institution id → actions (role "lead" for the owner, "participant" for institutions a programme covers),
    in start order."""
    cal = Calendar(roadmap.settings.start_year, roadmap.settings.start_quarter)
    items = {it.id: it for it in roadmap.schedule.items} if roadmap.schedule is not None else {}
    milestones = planned(roadmap)
    out: dict[str, list[dict[str, Any]]] = {}
    for it in roadmap.initiatives:
        sch = items.get(it.id)
        base = {
            "initiative": it.id,
            "name": it.name.get(lang),
            "start": cal.label(sch.start) if sch else "",
            "end": cal.label(sch.end - 1) if sch else "",
            "start_quarter": sch.start if sch else None,
            "cost_usd": it.cost_usd,
            "kpis": [k.name.get(lang) for k in it.kpis],
            "milestones": [{"name": m.name.get(lang), "date": m.planned} for m in milestones.get(it.id, [])],
        }
        out.setdefault(it.owner, []).append({**base, "role": "lead"})
        for inst in it.institutions:
            if inst != it.owner:
                out.setdefault(inst, []).append({**base, "role": "participant"})
    for actions in out.values():
        actions.sort(
            key=lambda a: (a["start_quarter"] if a["start_quarter"] is not None else 10**6, a["initiative"])
        )
    return dict(sorted(out.items()))
