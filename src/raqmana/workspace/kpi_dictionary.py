"""The KPI dictionary of the workspace: what an observation may name (the figures institutions report, the
computed KPIs, the rule base's initiative KPIs) and the adopted roadmap's targets on them."""

from __future__ import annotations

from functools import cache

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from raqmana.metrics.dictionary import DICTIONARY, FOLLOWUP, QUARTERLY, REPORTED
from raqmana.metrics.observations import ObservedKpi
from raqmana.store.models import RoadmapVersion

RULES_PACK = "iraq-dla"


@cache
def dictionary() -> dict[str, ObservedKpi]:
    """Every KPI an observation may name: the figures institutions report, the computed ones (refused
    in a file) and the rule base's initiative KPIs (the roadmap's targets are set on these)."""
    from raqmana.recommend.loader import load_rules_or_raise  # 0.4 s: only when KPIs are first used

    out: dict[str, ObservedKpi] = {}
    for k in REPORTED:
        out[k.id] = ObservedKpi(k.id, k.name, k.unit, 1, False, "sum")
    for k in (*DICTIONARY, *QUARTERLY, *FOLLOWUP):
        out[k.id] = ObservedKpi(k.id, k.name, k.unit, 1 if k.direction == "up" else -1, True)
    for rule in load_rules_or_raise(RULES_PACK).rules:
        for kpi in rule.kpis:
            unit = str(kpi.unit.value)
            out.setdefault(
                kpi.id,
                ObservedKpi(
                    kpi.id,
                    kpi.name,
                    unit,
                    kpi.direction,
                    False,
                    "sum" if unit in ("count", "usd") else "mean",
                ),
            )
    return out


class Target(BaseModel):
    value: float
    #: the quarter it is due (the end of the initiative that carries it in the roadmap); "" if unknown
    period: str = ""
    initiative: str = ""


def targets(session: Session) -> dict[str, Target]:
    """The targets of the adopted roadmap (its latest stored version): each initiative KPI's target,
    due in the quarter the initiative ends."""
    from raqmana.roadmap.model import Roadmap
    from raqmana.roadmap.quarters import Calendar

    stored = session.scalar(select(RoadmapVersion.roadmap).order_by(RoadmapVersion.version.desc()).limit(1))
    if stored is None:
        return {}
    roadmap = Roadmap.model_validate(stored)
    cal = Calendar(roadmap.settings.start_year, roadmap.settings.start_quarter)
    ends = {it.id: it.end for it in roadmap.schedule.items} if roadmap.schedule else {}
    out: dict[str, Target] = {}
    for it in roadmap.initiatives:
        for kpi in it.kpis:
            end = ends.get(it.id)
            period = cal.label(end - 1) if end else ""
            out.setdefault(kpi.id, Target(value=kpi.target, period=period, initiative=it.id))
    return out
