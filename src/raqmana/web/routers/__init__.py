"""One router module per area; ``ROUTERS`` is the order the app includes them in."""

from __future__ import annotations

from fastapi import APIRouter

from raqmana.web.routers import (
    admin,
    api,
    assessments,
    audit,
    auth,
    consultations,
    documents,
    evidence,
    exchange,
    followup,
    jobs,
    kpis,
    participation,
    progress,
    questionnaire,
    reports,
    results,
    review,
    services,
    surveys,
)

_AREAS = [
    auth.area,
    assessments.area,
    progress.area,
    questionnaire.area,
    evidence.area,
    review.area,
    admin.area,
    api.area,
    results.area,
    reports.area,
    jobs.area,
    audit.area,
    services.area,
    kpis.area,
    followup.area,
    participation.area,
    consultations.area,
    documents.area,
    surveys.area,
    exchange.area,
]

ROUTERS: list[APIRouter] = [r for a in _AREAS for r in (a.html, a.api)]
