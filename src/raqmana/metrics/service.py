"""One government service: what an Ur service card holds, plus ownership, audience, channels, the
digitisation level and the measures the derived KPIs are computed from."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from raqmana.i18n import Translated
from raqmana.metrics import errors as E
from raqmana.metrics.levels import FULLY_ONLINE, DigitisationLevel
from raqmana.problems import Location, Problem

#: Ur's own classification of services (procedural, informational, interactive, cross-agency)
UR_CLASSES = ("procedural", "informational", "interactive", "cross_agency")
AUDIENCES = ("citizen", "business", "government")
CHANNELS = ("online", "mobile", "office", "phone", "agent")
BUILDING_BLOCKS = ("digital_identity", "e_signature", "payments", "data_exchange", "base_registries")

CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
MAX_TEXT = 4000


class ServiceRecord(BaseModel):
    """A service as the catalogue keeps it; every text a person reads in ar/ckb/en."""

    model_config = ConfigDict(frozen=True)

    code: str
    owner: str = Field(description="code of the owner institution in the organisation tree")
    name: Translated
    category: Translated = Translated()
    provider: Translated = Field(default_factory=Translated, description="the directorate that delivers it")
    ur_class: str = "procedural"
    description: Translated = Translated()
    steps: Translated = Translated()
    documents: Translated = Field(
        default_factory=Translated, description="the documents required, as the card lists them"
    )
    requirements: Translated = Translated()
    terms: Translated = Translated()
    life_event: Translated = Translated()
    audience: str = "citizen"
    channels: tuple[str, ...] = ()
    level: DigitisationLevel = DigitisationLevel.INFORMATION
    documents_required: int = 0
    documents_held: int = Field(0, description="documents another agency already holds (once only)")
    visits_before: int = 0
    visits_now: int = 0
    annual_transactions: int = 0
    fee: int = 0
    processing_days: float = 0.0
    building_blocks: tuple[str, ...] = ()
    source: str = ""
    as_of: date | None = None
    illustrative: bool = False

    @property
    def visits_avoided_per_transaction(self) -> int:
        return self.visits_before - self.visits_now

    @property
    def fully_online(self) -> bool:
        return self.level >= FULLY_ONLINE


TEXTS = (
    "name",
    "category",
    "provider",
    "description",
    "steps",
    "documents",
    "requirements",
    "terms",
    "life_event",
)
COUNTS = (
    "documents_required",
    "documents_held",
    "visits_before",
    "visits_now",
    "annual_transactions",
    "fee",
)
#: the columns of a catalogue file, in order
COLUMNS: tuple[str, ...] = (
    "code",
    "owner",
    *(f"{t}_{lang}" for t in TEXTS for lang in ("en", "ar", "ckb")),
    "ur_class",
    "audience",
    "channels",
    "level",
    *COUNTS,
    "processing_days",
    "building_blocks",
    "source",
    "as_of",
    "illustrative",
)
REQUIRED_COLUMNS = ("code", "owner", "name_en", "level")


def _list(value: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v.strip().lower() for v in re.split(r"[;,]", value) if v.strip()))


def parse_row(values: dict[str, str], where: Any) -> tuple[ServiceRecord | None, list[Problem]]:
    """A record from one row of a catalogue file (column → text), or the located problems of the row.

    ``where(column)`` gives the :class:`Location` of a column of the row."""
    problems: list[Problem] = []

    def bad(code: Any, column: str, **params: Any) -> None:
        problems.append(Problem(code, where(column), params))

    def get(column: str) -> str:
        return (values.get(column) or "").strip()

    code = get("code")
    if not CODE_RE.match(code):
        bad(E.CODE_INVALID if code else E.REQUIRED, "code", value=code, field="code")
    if not get("owner"):
        bad(E.REQUIRED, "owner", field="owner")
    texts: dict[str, Translated] = {}
    for t in TEXTS:
        parts = {lang: get(f"{t}_{lang}") for lang in ("en", "ar", "ckb")}
        for lang, text in parts.items():
            if len(text) > MAX_TEXT:
                bad(E.TOO_LONG, f"{t}_{lang}", max=MAX_TEXT)
        texts[t] = Translated(**parts)
    if texts["name"].is_empty():
        bad(E.REQUIRED, "name_en", field="name")
    choices = {"ur_class": UR_CLASSES, "audience": AUDIENCES}
    picked: dict[str, str] = {}
    for column, allowed in choices.items():
        value = get(column).lower() or allowed[0]
        if value not in allowed:
            bad(E.CHOICE_INVALID, column, value=value, choices=", ".join(allowed))
        picked[column] = value
    lists: dict[str, tuple[str, ...]] = {}
    for column, allowed in (("channels", CHANNELS), ("building_blocks", BUILDING_BLOCKS)):
        items = _list(get(column))
        for item in items:
            if item not in allowed:
                bad(E.CHOICE_INVALID, column, value=item, choices=", ".join(allowed))
        lists[column] = items
    level = DigitisationLevel.INFORMATION
    raw = get("level")
    if raw.isdigit() and 1 <= int(raw) <= 5:
        level = DigitisationLevel(int(raw))
    else:
        bad(E.LEVEL_INVALID, "level", value=raw)
    counts: dict[str, int] = {}
    for column in COUNTS:
        raw = get(column) or "0"
        number = raw[1:] if raw.startswith("-") else raw
        if not number.isdigit():
            bad(E.NUMBER_INVALID, column, value=raw)
        elif raw.startswith("-"):
            bad(E.NEGATIVE, column, field=column, value=raw)
        else:
            counts[column] = int(number)
    days = 0.0
    raw = get("processing_days") or "0"
    try:
        days = float(raw)
        if not days >= 0 or days == float("inf"):
            raise ValueError
    except ValueError:
        bad(E.DECIMAL_INVALID, "processing_days", value=raw)
    as_of = None
    if raw := get("as_of"):
        try:
            as_of = date.fromisoformat(raw[:10])
        except ValueError:
            bad(E.DATE_INVALID, "as_of", value=raw)
    if problems:
        return None, problems
    record = ServiceRecord(
        code=code,
        owner=get("owner"),
        **texts,
        ur_class=picked["ur_class"],
        audience=picked["audience"],
        channels=lists["channels"],
        level=level,
        **counts,
        processing_days=days,
        building_blocks=lists["building_blocks"],
        source=get("source"),
        as_of=as_of,
        illustrative=get("illustrative").lower() in ("1", "true", "yes", "y"),
    )
    return record, [Problem(p.code, where(p.location.field), p.params) for p in check_service(record)]


def check_service(record: ServiceRecord) -> list[Problem]:
    """What cannot be true of a service: more visits avoided than there were, negative measures, more
    documents held elsewhere than required, a fully online service that still needs a visit. Each
    problem's location names the field."""
    out: list[Problem] = []
    for name in COUNTS:
        value = getattr(record, name)
        if value < 0:
            out.append(Problem(E.NEGATIVE, Location(field=name), {"field": name, "value": value}))
    if record.processing_days < 0:
        out.append(
            Problem(
                E.NEGATIVE,
                Location(field="processing_days"),
                {"field": "processing_days", "value": record.processing_days},
            )
        )
    if record.visits_now > record.visits_before:
        out.append(
            Problem(
                E.MORE_VISITS_NOW,
                Location(field="visits_now"),
                {"now": record.visits_now, "before": record.visits_before},
            )
        )
    if record.documents_held > record.documents_required:
        out.append(
            Problem(
                E.HELD_OVER_REQUIRED,
                Location(field="documents_held"),
                {"held": record.documents_held, "required": record.documents_required},
            )
        )
    if record.fully_online and record.visits_now > 0:
        out.append(
            Problem(
                E.ONLINE_WITH_VISITS,
                Location(field="visits_now"),
                {"level": int(record.level), "now": record.visits_now},
            )
        )
    return out


def to_row(record: ServiceRecord) -> dict[str, Any]:
    """The record as one row of a catalogue file (the inverse of :func:`parse_row`)."""
    row: dict[str, Any] = {"code": record.code, "owner": record.owner}
    for t in TEXTS:
        text: Translated = getattr(record, t)
        for lang in ("en", "ar", "ckb"):
            row[f"{t}_{lang}"] = getattr(text, lang)
    row.update(
        ur_class=record.ur_class,
        audience=record.audience,
        channels="; ".join(record.channels),
        level=int(record.level),
        **{c: getattr(record, c) for c in COUNTS},
        processing_days=record.processing_days,
        building_blocks="; ".join(record.building_blocks),
        source=record.source,
        as_of=record.as_of.isoformat() if record.as_of else "",
        illustrative="yes" if record.illustrative else "no",
    )
    return {c: row[c] for c in COLUMNS}
