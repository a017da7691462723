"""Review of service-card edits: an owner institution's edit is submitted, then a coordinator or
administrator over the owner accepts it (it becomes the catalogue's card, a version up) or returns it with
a note, like answers. The catalogue holds only accepted cards, so only accepted versions are published.
Every step is on the audit chain with the card before and after.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from raqmana.i18n import Translated
from raqmana.metrics import ServiceRecord
from raqmana.metrics import errors as M
from raqmana.store.models import Organisation, Service, ServiceEdit, User
from raqmana.store.types import utcnow
from raqmana.workspace.actors import Actor
from raqmana.workspace.audit import record as audit
from raqmana.workspace.audit import record_many
from raqmana.workspace.exceptions import Conflict, Forbidden, NotAuthenticated, NotFound, ValidationFailed
from raqmana.workspace.services import apply_records, may_edit, may_review, org_name

SUBMITTED, ACCEPTED, RETURNED = "submitted", "accepted", "returned"


class EditView(BaseModel):
    id: int
    service: str
    owner: str
    owner_name: Translated
    state: str
    base_version: int
    record: ServiceRecord
    #: the fields the edit changes, with the accepted card's value and the proposed one
    changes: dict[str, tuple[str, str]]
    note: str
    submitted_by: str
    submitted_at: datetime
    reviewed_at: datetime | None = None
    can_review: bool = False


def submit(
    session: Session, actor: Actor, *, record: ServiceRecord, owner: Organisation, base_version: int
) -> ServiceEdit:
    """The owner's proposed card, waiting for review; a newer proposal replaces one still waiting."""
    data = record.model_dump(mode="json")
    edit = session.scalar(
        select(ServiceEdit).where(ServiceEdit.service_code == record.code, ServiceEdit.state == SUBMITTED)
    )
    now = utcnow()
    if edit is None:
        edit = ServiceEdit(
            service_code=record.code,
            owner_org_id=owner.id,
            base_version=base_version,
            record=data,
            state=SUBMITTED,
            note="",
            submitted_by=actor.user_id,
            submitted_at=now,
        )
        session.add(edit)
    else:
        edit.owner_org_id, edit.base_version, edit.record = owner.id, base_version, data
        edit.submitted_by, edit.submitted_at = actor.user_id, now
    session.flush()
    audit(session, actor, "service.submit", "service", record.code, after={"edit": edit.id, "record": data})
    return edit


def _changes(before: dict[str, object] | None, after: dict[str, object]) -> dict[str, tuple[str, str]]:
    old = before or {}
    return {k: (_text(old.get(k)), _text(v)) for k, v in after.items() if old.get(k) != v}


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        return " / ".join(str(v) for v in value.values() if v)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _view(
    actor: Actor, edit: ServiceEdit, owner: Organisation, current: Service | None, who: str
) -> EditView:
    return EditView(
        id=edit.id,
        service=edit.service_code,
        owner=owner.code,
        owner_name=org_name(owner),
        state=edit.state,
        base_version=edit.base_version,
        record=ServiceRecord.model_validate(edit.record),
        changes=_changes(current.record if current else None, edit.record),
        note=edit.note,
        submitted_by=who,
        submitted_at=edit.submitted_at,
        reviewed_at=edit.reviewed_at,
        can_review=edit.state == SUBMITTED and may_review(actor, owner),
    )


def list_edits(session: Session, actor: Actor) -> list[EditView]:
    """Edits the caller may see: those of institutions it edits or reviews; waiting ones first."""
    if actor.user_id is None and not actor.is_system:
        raise NotAuthenticated()
    q = (
        select(ServiceEdit, Organisation, Service, User.display_name)
        .join(Organisation, Organisation.id == ServiceEdit.owner_org_id)
        .outerjoin(Service, Service.code == ServiceEdit.service_code)
        .outerjoin(User, User.id == ServiceEdit.submitted_by)
        .order_by(ServiceEdit.state != SUBMITTED, ServiceEdit.submitted_at.desc())
        .limit(500)
    )
    return [
        _view(actor, e, o, svc, who or "")
        for e, o, svc, who in session.execute(q)
        if may_edit(actor, o) or may_review(actor, o)
    ]


def review(
    session: Session, actor: Actor, *, edit_id: int, decision: Literal["accept", "return"], note: str = ""
) -> EditView:
    """Accept (the card becomes the catalogue's, a version up) or return with a note. An edit made on a
    card that has changed since is refused (409): the owner submits it again on the current card."""
    found = session.execute(
        select(ServiceEdit, Organisation)
        .join(Organisation, Organisation.id == ServiceEdit.owner_org_id)
        .where(ServiceEdit.id == edit_id)
    ).first()
    if found is None:
        raise NotFound("service edit")
    edit, owner = found
    if not may_review(actor, owner):
        if may_edit(actor, owner):
            raise Forbidden(M.NOT_YOURS, value=owner.code)
        raise NotFound("service edit")
    if edit.state != SUBMITTED:
        raise ValidationFailed.one(M.EDIT_DECIDED, state=edit.state)
    current = session.scalar(select(Service).where(Service.code == edit.service_code))
    if decision == "return":
        if not note.strip():
            raise ValidationFailed.one(M.RETURN_NEEDS_NOTE)
        edit.state, edit.note = RETURNED, note.strip()
        action = "service.return"
    else:
        if (current.version if current else 0) != edit.base_version:
            raise Conflict(M.STALE, version=current.version if current else 0)
        services, events = apply_records(
            session, actor, [ServiceRecord.model_validate(edit.record)], {owner.code: owner}
        )
        record_many(session, events)
        current = services[0]
        edit.state, edit.note = ACCEPTED, note.strip()
        action = "service.accept"
    edit.reviewed_by, edit.reviewed_at = actor.user_id, utcnow()
    session.flush()
    audit(session, actor, action, "service", edit.service_code, after={"edit": edit.id, "note": edit.note})
    who = session.scalar(select(User.display_name).where(User.id == edit.submitted_by)) or ""
    return _view(actor, edit, owner, current, who)
