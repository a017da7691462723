"""Planned milestones of each scheduled initiative: launch, mid-term review, delivery and KPI checks.

They follow from the schedule (and move with it when the roadmap is re-planned); recorded progress
keeps its own milestones with actual dates (:class:`~raqmana.roadmap.model.Progress`).
"""

from __future__ import annotations

from raqmana.i18n import Translated
from raqmana.i18n.catalog import ui
from raqmana.roadmap.model import Milestone, Roadmap
from raqmana.roadmap.quarters import Calendar

T = Translated.of
LAUNCH = ui("Launch: owner, team and budget in place")
REVIEW = ui("Mid-term review")
DELIVERED = ui("Delivered and handed over")
KPI_CHECK = ui("KPI measured against its target: {kpi}")


def planned(roadmap: Roadmap) -> dict[str, list[Milestone]]:
    """initiative id → its planned milestones (empty when the roadmap is not scheduled)."""
    if roadmap.schedule is None:
        return {}
    cal = Calendar(roadmap.settings.start_year, roadmap.settings.start_quarter)
    items = {it.id: it for it in roadmap.schedule.items}
    out: dict[str, list[Milestone]] = {}
    for it in roadmap.initiatives:
        sch = items.get(it.id)
        if sch is None:
            continue
        ms = [Milestone(name=LAUNCH, planned=cal.first_day(sch.start))]
        if sch.end - sch.start >= 4:
            ms.append(
                Milestone(name=REVIEW, planned=cal.last_day(sch.start + (sch.end - sch.start) // 2 - 1))
            )
        ms.append(Milestone(name=DELIVERED, planned=cal.last_day(sch.end - 1)))
        due = cal.last_day(min(sch.end + 1, roadmap.settings.horizon_quarters) - 1)
        for k in it.kpis:
            name = Translated(
                **{lg: KPI_CHECK.get(lg).format(kpi=k.name.get(lg) or k.id) for lg in ("en", "ar", "ckb")}
            )
            ms.append(Milestone(name=name, planned=due))
        out[it.id] = ms
    return out
