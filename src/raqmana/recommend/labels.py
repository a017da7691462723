"""Words for the enumerations of recommendations and roadmaps, in en/ar/ckb."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from raqmana.i18n import vocabulary
from raqmana.i18n.catalog import ui

HORIZON = vocabulary.names("horizon")
KIND = {
    "digitization": ui("Digitization"),
    "digitalization": ui("Digitalization"),
    "transformation": ui("Digital transformation"),
}
CATEGORY = {
    "law": ui("Law and regulation"),
    "institution": ui("Institutions and coordination"),
    "framework": ui("Frameworks and standards"),
    "platform": ui("Shared platforms"),
    "service": ui("Services"),
    "capacity": ui("Capacity development"),
}
SCOPE = {
    "national": ui("National"),
    "institution": ui("Institution", "recommendations"),
}
INSTITUTION_TYPE = vocabulary.names("org kind")
KPI_UNIT = {
    "percent": ui("%"),
    "count": ui("number", "recommendations"),
    "days": ui("days"),
    "stage": ui("stage (0–5)"),
    "score": ui("score (0–100)"),
    "usd": ui("USD"),
    "yes_no": ui("yes/no"),
}
BASELINE_SOURCE = {
    "assessment": ui("This assessment"),
    "service_catalogue": ui("Government service catalogue"),
    "administrative_data": ui("Administrative data (system logs, registers)"),
    "user_survey": ui("User satisfaction survey"),
    "external_index": ui("International index (ITU, UN DESA, World Bank, eGA)"),
    "official_gazette": ui("Official gazette"),
    "budget_records": ui("Budget and expenditure records"),
}
PHASE = vocabulary.names("phase")
LAYER = {
    0: ui("Mandate and law"),
    1: ui("Institutions and coordination"),
    2: ui("Frameworks and standards"),
    3: ui("Shared platforms"),
    4: ui("Services and e-participation"),
    5: ui("Proactive services"),
    None: ui("Runs in parallel"),
}


def word(table: Mapping[Any, Any], key: object, lang: str) -> str:
    value = table.get(key)
    return value.get(lang) if value is not None else str(key)
