"""The national report's "Services and unified metrics" chapter from the workspace: the catalogue's
derived KPIs with their working and levels, and the KPI trends against the roadmap's targets as they
stand (:mod:`raqmana.reports.services_chapter` draws them)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from raqmana.metrics import LEVEL_NAMES, DigitisationLevel, derive_kpis
from raqmana.reports.services_chapter import ServicesData, chapter
from raqmana.store.models import KpiObservation, Service
from raqmana.workspace.publication import followup_sections
from raqmana.workspace.services import record_of, service_rows


def services_chapters(session: Session) -> list[Callable[[str, str | None], Any]]:
    """The chapter, or none when the workspace has neither services nor KPI figures."""
    if not session.scalar(select(func.count()).select_from(Service)) and not session.scalar(
        select(func.count()).select_from(KpiObservation)
    ):
        return []
    records = [record_of(s) for s, _ in service_rows(session)]
    kpis = derive_kpis(records)
    counts = Counter(int(r.level) for r in records)
    trends, _ = followup_sections(session)
    data = ServicesData(
        kpis=kpis.as_dict(),
        levels=[(int(level), LEVEL_NAMES[level], counts.get(int(level), 0)) for level in DigitisationLevel],
        trends=trends,
        illustrative=kpis.illustrative or any(t["illustrative"] for t in trends),
        names={r.code: r.name for r in records},
    )
    return [chapter(data)]
