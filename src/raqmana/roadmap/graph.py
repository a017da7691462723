"""Dependency graph data (nodes and edges) for drawing in a browser or a report."""

from __future__ import annotations

from typing import Any

from raqmana.recommend.labels import LAYER
from raqmana.roadmap.model import Roadmap
from raqmana.roadmap.quarters import Calendar


def graph_data(roadmap: Roadmap, lang: str | None = None) -> dict[str, Any]:
    """``{"nodes": [...], "edges": [...]}``; names in ``lang``, or in all three languages when None."""
    cal = Calendar(roadmap.settings.start_year, roadmap.settings.start_quarter)
    items = {it.id: it for it in roadmap.schedule.items} if roadmap.schedule is not None else {}
    nodes = []
    for it in roadmap.initiatives:
        sch = items.get(it.id)
        layer = None if it.layer is None else int(it.layer)
        nodes.append(
            {
                "id": it.id,
                "name": it.name.get(lang) if lang else it.name.model_dump(),
                "owner": it.owner,
                "pillar": it.pillar,
                "category": it.category.value,
                "layer": layer,
                "layer_name": LAYER[layer].get(lang) if lang else LAYER[layer].model_dump(),
                "cost_usd": it.cost_usd,
                "benefit": it.benefit,
                "start": sch.start if sch else None,
                "end": sch.end if sch else None,
                "start_label": cal.label(sch.start) if sch else None,
                "end_label": cal.label(sch.end - 1) if sch else None,
                "slack": sch.slack if sch else None,
                "critical": sch.critical if sch else False,
                "phase": sch.phase.value if sch else None,
            }
        )
    edges = [
        {"source": d.before, "target": d.after, "kind": d.kind.value, "lag": d.lag}
        for d in roadmap.dependencies
    ]
    return {"nodes": nodes, "edges": edges}
