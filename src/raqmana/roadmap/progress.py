"""Progress of initiatives: recording it (as a new roadmap object) and comparing it with the plan."""

from __future__ import annotations

from dataclasses import dataclass

from raqmana.problems import Location, Problem
from raqmana.roadmap import errors as E
from raqmana.roadmap.model import Progress, ProgressStatus, Roadmap


def record(roadmap: Roadmap, progress: Progress) -> tuple[Roadmap, list[Problem]]:
    """``roadmap`` with ``progress`` replacing the initiative's earlier record (the input is unchanged)."""
    if all(it.id != progress.initiative for it in roadmap.initiatives):
        return roadmap, [
            Problem(E.UNKNOWN_INITIATIVE, Location(field="initiative"), {"id": progress.initiative})
        ]
    others = [p for p in roadmap.progress if p.initiative != progress.initiative]
    return roadmap.model_copy(update={"progress": [*others, progress]}), []


def planned_percent(roadmap: Roadmap, initiative: str, quarter: float) -> float:
    """Share of the initiative the schedule expects done at plan quarter ``quarter`` (0–100)."""
    if roadmap.schedule is None:
        return 0.0
    item = roadmap.schedule.item(initiative)
    if quarter <= item.start:
        return 0.0
    if quarter >= item.end:
        return 100.0
    return 100.0 * (quarter - item.start) / (item.end - item.start)


@dataclass(frozen=True)
class Lag:
    initiative: str
    planned: float
    done: float

    @property
    def behind(self) -> float:
        return self.planned - self.done


def behind_schedule(roadmap: Roadmap, quarter: float, *, tolerance: float = 10.0) -> list[Lag]:
    """Initiatives more than ``tolerance`` points behind the plan at ``quarter`` (cancelled ones aside)."""
    done = {p.initiative: p for p in roadmap.progress}
    out = []
    for it in roadmap.initiatives:
        rec = done.get(it.id)
        if rec is not None and rec.status is ProgressStatus.CANCELLED:
            continue
        pct = (
            100.0
            if rec is not None and rec.status is ProgressStatus.DONE
            else rec.percent_done
            if rec
            else 0.0
        )
        planned = planned_percent(roadmap, it.id, quarter)
        if planned - pct > tolerance:
            out.append(Lag(it.id, planned, pct))
    return sorted(out, key=lambda lag: -lag.behind)
