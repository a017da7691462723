"""The words a published figure is read with (units, sources, groups of people, roadmap statuses, the
derived KPIs' definitions) in ar/ckb/en: a publication stores them beside its figures, so the portal in
each language reads them from the snapshot itself, as they were when it was published."""

from __future__ import annotations

from raqmana.i18n import Translated
from raqmana.i18n.catalog import ui

UNIT_NAMES: dict[str, Translated] = {
    "count": ui("count"),
    "percent": ui("percent"),
    "share": ui("share"),
    "share (0 to 1)": ui("share (0 to 1)"),
    "stage": ui("stage"),
    "days": ui("days"),
    "usd": ui("USD"),
    "score": ui("score"),
    "yes_no": ui("yes or no"),
    "visits per year": ui("visits per year"),
}

#: the sources raqmana names for what it publishes (an institution's own source is its own words)
CATALOGUE_SOURCE = "raqmana service catalogue"
FOLLOWUP_SOURCE = "roadmap follow-up"
REPORTED_SOURCE = "reported by institutions"
SOURCE_NAMES: dict[str, Translated] = {
    CATALOGUE_SOURCE: ui(CATALOGUE_SOURCE),
    FOLLOWUP_SOURCE: ui(FOLLOWUP_SOURCE),
    REPORTED_SOURCE: ui(REPORTED_SOURCE),
}

GROUP_NAMES: dict[str, Translated] = {
    "governorate": ui("Governorate"),
    "sex": ui("Sex"),
    "age_group": ui("Age group"),
    "area": ui("Urban or rural"),
    "disability": ui("Disability"),
}


def _same(text: str) -> Translated:
    return Translated(en=text, ar=text, ckb=text)


GROUP_VALUE_NAMES: dict[str, Translated] = {
    "female": ui("Women"),
    "male": ui("Men"),
    "urban": ui("Urban"),
    "rural": ui("Rural"),
    "yes": ui("With a disability"),
    "no": ui("Without a disability"),
    "under_18": ui("Under 18"),
    "18_29": _same("18–29"),
    "30_44": _same("30–44"),
    "45_59": _same("45–59"),
    "60_plus": ui("60 and over"),
}

STATUS_NAMES: dict[str, Translated] = {
    "not_started": ui("Not started"),
    "on_track": ui("On track"),
    "at_risk": ui("At risk"),
    "delayed": ui("Delayed"),
    "done": ui("Done"),
    "cancelled": ui("Cancelled"),
}


def name_of(table: dict[str, Translated], key: str) -> dict[str, str]:
    """``key``'s words from ``table`` as stored in a snapshot; a key the table lacks as written."""
    return (table.get(key) or _same(key)).model_dump()
