"""The legal and institutional register in the workspace: the pack's entries (``legal_register.yaml``) with
the edits stored over them (``register_entries``), read by everyone with a role, edited by whole-tree
coordinators and administrators (audited). Each gap's proposal is what the roadmap and the national
report's chapter take."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from raqmana.documents import errors as DE
from raqmana.documents.register import COST_BANDS, LANGS, STATUSES, RegisterArea, pack_register
from raqmana.problems import Location
from raqmana.store.models import RegisterEntry
from raqmana.store.types import utcnow
from raqmana.workspace.actors import MANAGER_ROLES, Actor
from raqmana.workspace.audit import record
from raqmana.workspace.exceptions import Forbidden, ValidationFailed
from raqmana.workspace.response_views import user_names

PACK = "iraq-dla"
MAX_TEXT = 2000
MAX_REFERENCE = 300


@dataclass(frozen=True, slots=True)
class RegisterEntryView:
    area: str
    name: dict[str, str]
    indicators: list[str]
    #: exists, drafted or missing
    status: str
    instrument: dict[str, str]
    #: number and date of the instrument in each language (the English one only when no other is known)
    reference: dict[str, str]
    institution: dict[str, str]
    budget_line: dict[str, str]
    note: dict[str, str]
    sources: list[str]
    #: for a gap: what, drafter, basis, cost_band, sdg_targets
    proposal: dict[str, Any] | None
    edited_by: str = ""
    edited_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class RegisterView:
    entries: list[RegisterEntryView]
    may_edit: bool
    #: where the seeded entries come from
    pack: str = PACK
    statuses: list[str] = field(default_factory=lambda: list(STATUSES))


def _may_edit(actor: Actor) -> bool:
    return actor.is_system or any(g.org_id is None and g.role in MANAGER_ROLES for g in actor.grants)


def _view(a: RegisterArea, row: RegisterEntry | None, names: dict[int, str]) -> RegisterEntryView:
    proposal = a.proposal.as_dict() if a.proposal else None
    if row is None:
        return RegisterEntryView(
            a.id,
            a.name,
            list(a.indicators),
            a.status,
            a.instrument,
            a.reference,
            a.institution,
            a.budget_line,
            a.note,
            list(a.sources),
            proposal,
        )
    return RegisterEntryView(
        a.id,
        a.name,
        list(a.indicators),
        row.status,
        row.instrument or a.instrument,
        _reference(row.reference, a.reference),
        row.institution or a.institution,
        row.budget_line or a.budget_line,
        row.note or a.note,
        list(row.sources or a.sources),
        {**(proposal or {}), **(row.proposal or {})} or None,
        names.get(row.updated_by or -1, ""),
        row.updated_at,
    )


def _reference(stored: dict[str, str] | None, pack: dict[str, str]) -> dict[str, str]:
    """The stored reference; one kept from before it had languages (English only) that is still the
    pack's takes the pack's other languages."""
    stored = dict(stored or {})
    if stored.get("en") == pack.get("en") and set(stored) <= {"en"}:
        return dict(pack)
    return stored


def register_entries(session: Session) -> list[RegisterEntryView]:
    """The register as it stands (no permission check: for the report and the roadmap)."""
    rows = {r.area: r for r in session.scalars(select(RegisterEntry))}
    names = user_names(session, [r.updated_by for r in rows.values()])
    return [_view(a, rows.get(a.id), names) for a in pack_register(PACK)]


def read_register(session: Session, actor: Actor) -> RegisterView:
    if not (actor.is_system or actor.grants):
        raise Forbidden()
    return RegisterView(register_entries(session), _may_edit(actor))


def _texts(changes: dict[str, Any], key: str, current: dict[str, str]) -> dict[str, str]:
    out = dict(current)
    for lang in LANGS:
        value = changes.get(f"{key}_{lang}")
        if value is None:
            continue
        value = " ".join(str(value).split())
        if len(value) > MAX_TEXT:
            raise ValidationFailed.one(DE.TITLE_TOO_LONG, Location(field=f"{key}_{lang}"), max=MAX_TEXT)
        out[lang] = value
    return out


def update_register_entry(
    session: Session, actor: Actor, *, area: str, changes: dict[str, Any]
) -> RegisterEntryView:
    """Change an area's status, instrument, reference, institution, budget line or cost band (keys
    ``status``, ``cost_band``, ``reference_en`` … ``budget_line_ckb``, ``reference`` for one reference in
    every language; None leaves a value)."""
    if not _may_edit(actor):
        raise Forbidden()
    areas = {a.id: a for a in pack_register(PACK)}
    a = areas.get(area)
    if a is None:
        raise ValidationFailed.one(DE.REGISTER_AREA, Location(field="area"), value=str(area)[:48])
    row = session.scalar(select(RegisterEntry).where(RegisterEntry.area == area))
    before = _view(a, row, {})
    status = changes.get("status")
    if status is not None and status not in STATUSES:
        raise ValidationFailed.one(DE.REGISTER_STATUS, Location(field="status"), value=str(status)[:20])
    band = changes.get("cost_band")
    if band is not None and band not in COST_BANDS:
        raise ValidationFailed.one(DE.COST_BAND, Location(field="cost_band"), value=str(band)[:20])
    if row is None:
        row = RegisterEntry(area=area, position=list(areas).index(area), sources=list(a.sources))
        session.add(row)
    row.status = status or before.status
    reference = dict(before.reference)
    if changes.get("reference") is not None:  # one text for every language (a number and a date)
        typed = " ".join(str(changes["reference"]).split())[:MAX_REFERENCE]
        reference = dict.fromkeys(LANGS, typed)
    reference = _texts(changes, "reference", reference)
    if any(len(v) > MAX_REFERENCE for v in reference.values()):
        lang = next(k for k, v in reference.items() if len(v) > MAX_REFERENCE)
        raise ValidationFailed.one(DE.TITLE_TOO_LONG, Location(field=f"reference_{lang}"), max=MAX_REFERENCE)
    row.reference = reference
    row.instrument = _texts(changes, "instrument", before.instrument)
    row.institution = _texts(changes, "institution", before.institution)
    row.budget_line = _texts(changes, "budget_line", before.budget_line)
    row.note = dict(before.note)
    row.proposal = {**(before.proposal or {}), **({"cost_band": band} if band else {})}
    row.updated_by, row.updated_at = actor.user_id, utcnow()
    session.flush()
    after = _view(a, row, {actor.user_id: actor.display_name} if actor.user_id else {})
    record(
        session,
        actor,
        "register.update",
        "register",
        area,
        before={"status": before.status, "reference": before.reference},
        after={"status": after.status, "reference": after.reference, "cost_band": band},
    )
    return after


STATUS_VALUES = {"missing": 0.0, "drafted": 1.0, "exists": 2.0}


def register_status(session: Session) -> dict[str, float]:
    """Area → 0 missing, 1 drafted, 2 exists: what the rules' ``register(…)`` condition reads."""
    return {e.area: STATUS_VALUES[e.status] for e in register_entries(session)}
