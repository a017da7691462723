"""KPI observations: one figure of one KPI for one quarter, for the country or an institution (and a
service), possibly for one group of people (governorate, sex, age group, urban/rural, disability).

Pure: a row of an observations file is parsed and checked here against the KPI it names (unit, the
range a unit allows, whole numbers for counts); what needs the store (institutions, services,
governorates, duplicates against each other) is checked by the workspace.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from raqmana.i18n import Translated
from raqmana.metrics import errors as E
from raqmana.problems import Location, Problem

#: the groups an observation may be for; governorate is a governorate's code in the organisation tree
DIMENSIONS: dict[str, tuple[str, ...]] = {
    "sex": ("female", "male"),
    "age_group": ("under_18", "18_29", "30_44", "45_59", "60_plus"),
    "area": ("urban", "rural"),
    "disability": ("yes", "no"),
}
GROUPS = ("governorate", *DIMENSIONS)
COLUMNS = (
    "kpi",
    "period",
    "institution",
    "service",
    *GROUPS,
    "value",
    "unit",
    "source",
    "illustrative",
)
REQUIRED_COLUMNS = ("kpi", "period", "value", "unit")

#: the units an observation may carry, with the range of values each allows (None: no upper bound)
UNITS: dict[str, tuple[float, float | None, bool]] = {
    # unit: (low, high, whole numbers only)
    "percent": (0.0, 100.0, False),
    "share": (0.0, 1.0, False),
    "count": (0.0, None, True),
    "days": (0.0, None, False),
    "stage": (0.0, 5.0, False),
    "score": (0.0, None, False),
    "usd": (0.0, None, False),
    "yes_no": (0.0, 1.0, True),
}
#: other spellings people write for a unit
UNIT_ALIASES = {"%": "percent", "pct": "percent", "number": "count", "visits": "count", "day": "days"}

_QUARTER = re.compile(r"^\s*(\d{4})\s*[-/ ]?\s*[Qq]([1-4])\s*$|^\s*[Qq]([1-4])\s*[-/ ]?\s*(\d{4})\s*$")


def parse_quarter(text: str) -> str | None:
    """``2026-Q1`` from ``2026-Q1``, ``2026Q1``, ``2026 q1`` or ``Q1 2026``; None when it is not one."""
    m = _QUARTER.match(text)
    if m is None:
        return None
    year, q = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
    return f"{year}-Q{q}"


def quarter_index(period: str) -> int:
    """Quarters since year 0 (so periods sort and subtract)."""
    return int(period[:4]) * 4 + int(period[-1]) - 1


def quarter_of(index: int) -> str:
    return f"{index // 4}-Q{index % 4 + 1}"


def unit_of(text: str) -> str:
    t = text.strip().lower()
    return UNIT_ALIASES.get(t, t)


@dataclass(frozen=True)
class ObservedKpi:
    """A KPI as observations see it: its unit, direction and how institutions' figures add up."""

    id: str
    name: Translated
    unit: str
    #: 1: more is better; -1: less is better
    direction: int = 1
    #: computed from other figures, never reported
    derived: bool = False
    #: the national figure from institutions' ones: "sum" (counts, money) or "mean"
    rollup: str = "sum"


class Observation(BaseModel):
    model_config = ConfigDict(frozen=True)

    kpi: str
    period: str
    #: an institution's code; "" for the country
    institution: str = ""
    service: str = ""
    governorate: str = ""
    sex: str = ""
    age_group: str = ""
    area: str = ""
    disability: str = ""
    value: float
    unit: str
    source: str = ""
    illustrative: bool = False

    @property
    def key(self) -> str:
        """What makes an observation one: two with the same key are the same figure."""
        return "|".join(
            (self.kpi, self.period, self.institution, self.service, *(getattr(self, g) for g in GROUPS))
        )

    @property
    def groups(self) -> dict[str, str]:
        return {g: getattr(self, g) for g in GROUPS if getattr(self, g)}


def _number(text: str) -> float | None:
    try:
        value = float(text.replace(",", "").replace("٫", ".").strip())
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def check_value(kpi: ObservedKpi, value: float, where: Location) -> list[Problem]:
    low, high, whole = UNITS.get(kpi.unit, (0.0, None, False))
    if value < low:
        return [Problem(E.NEGATIVE, where, {"field": kpi.id, "value": value})]
    if high is not None and value > high:
        return [Problem(E.OUT_OF_RANGE, where, {"value": value, "unit": kpi.unit, "low": low, "high": high})]
    if whole and not float(value).is_integer():
        return [Problem(E.NOT_WHOLE, where, {"value": value})]
    return []


def parse_observation(
    values: Mapping[str, str],
    where: Callable[[str], Location],
    kpis: Mapping[str, ObservedKpi],
) -> tuple[Observation | None, list[Problem]]:
    """An observation from one row (column → text), or the located problems of the row."""
    problems: list[Problem] = []

    def bad(code: object, column: str, **params: object) -> None:
        problems.append(Problem(code, where(column), params))  # type: ignore[arg-type]

    def get(column: str) -> str:
        return (values.get(column) or "").strip()

    kpi = kpis.get(get("kpi"))
    if not get("kpi"):
        bad(E.REQUIRED, "kpi", field="kpi")
    elif kpi is None:
        bad(E.UNKNOWN_KPI, "kpi", value=get("kpi"))
    elif kpi.derived:
        bad(E.KPI_DERIVED, "kpi", value=kpi.id)
    period = parse_quarter(get("period"))
    if period is None:
        bad(E.PERIOD_INVALID if get("period") else E.REQUIRED, "period", value=get("period"), field="period")
    for group, allowed in DIMENSIONS.items():
        if get(group) and get(group).lower() not in allowed:
            bad(E.CHOICE_INVALID, group, value=get(group), choices=", ".join(allowed))
    raw = get("value")
    value = _number(raw) if raw else None
    if value is None:
        bad(E.VALUE_INVALID if raw else E.REQUIRED, "value", value=raw, field="value")
    unit = unit_of(get("unit"))
    if kpi is not None and not kpi.derived:
        if unit != kpi.unit:
            bad(E.UNIT_WRONG, "unit", value=get("unit"), kpi=kpi.id, unit=kpi.unit)
        elif value is not None:
            problems += check_value(kpi, value, where("value"))
    flag = get("illustrative").lower()
    if flag not in ("", "0", "1", "true", "false", "yes", "no"):
        bad(E.CHOICE_INVALID, "illustrative", value=flag, choices="true, false")
    if len(get("source")) > 200:
        bad(E.TOO_LONG, "source", max=200)
    if problems or kpi is None or period is None or value is None:
        return None, problems
    return (
        Observation(
            kpi=kpi.id,
            period=period,
            institution=get("institution"),
            service=get("service"),
            governorate=get("governorate"),
            **{g: get(g).lower() for g in DIMENSIONS},
            value=value,
            unit=kpi.unit,
            source=get("source"),
            illustrative=flag in ("1", "true", "yes"),
        ),
        [],
    )


def to_row(o: Observation) -> dict[str, str]:
    value = str(int(o.value)) if float(o.value).is_integer() else repr(o.value)
    return {
        **{c: str(getattr(o, c)) for c in ("kpi", "period", "institution", "service", *GROUPS)},
        "value": value,
        "unit": o.unit,
        "source": o.source,
        "illustrative": "true" if o.illustrative else "false",
    }
