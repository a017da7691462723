"""The audit chain: append events (each hash covers the previous hash + its own content) and verify it.

The single ``audit_head`` row holds the last sequence number and hash; appending updates it first, which
locks it until commit, so concurrent writers (PostgreSQL) extend the chain one after the other.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from raqmana.store.models import AuditEvent, AuditHead
from raqmana.store.types import utcnow

GENESIS = "0" * 64


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


@dataclass(frozen=True, slots=True)
class EventDraft:
    actor_id: int | None
    actor_name: str
    action: str
    entity_type: str
    entity_id: str
    before: Any = None
    after: Any = None


def event_hash(
    prev_hash: str,
    *,
    seq: int,
    at: datetime,
    actor_id: int | None,
    actor_name: str,
    action: str,
    entity_type: str,
    entity_id: str,
    before: str,
    after: str,
) -> str:
    content = canonical_json(
        {
            "seq": seq,
            "at": at.astimezone(UTC).isoformat(timespec="microseconds"),
            "actor_id": actor_id,
            "actor_name": actor_name,
            "action": action,
            "entity_type": entity_type,
            "entity_id": entity_id,
            "before": before,
            "after": after,
        }
    )
    return hashlib.sha256(f"{prev_hash}\n{content}".encode()).hexdigest()


def _hash_of(e: AuditEvent) -> str:
    return event_hash(
        e.prev_hash,
        seq=e.seq,
        at=e.at,
        actor_id=e.actor_id,
        actor_name=e.actor_name,
        action=e.action,
        entity_type=e.entity_type,
        entity_id=e.entity_id,
        before=e.before,
        after=e.after,
    )


def append(session: Session, drafts: Sequence[EventDraft]) -> None:
    """Append ``drafts`` to the chain in this transaction (one head update, one multi-row insert)."""
    if not drafts:
        return
    seq, prev = session.execute(
        update(AuditHead)
        .where(AuditHead.id == 1)
        .values(seq=AuditHead.seq + len(drafts))
        .returning(AuditHead.seq, AuditHead.hash)
    ).one()
    seq -= len(drafts)
    at = utcnow()
    rows: list[dict[str, Any]] = []
    for d in drafts:
        seq += 1
        before, after = canonical_json(d.before), canonical_json(d.after)
        digest = event_hash(
            prev,
            seq=seq,
            at=at,
            actor_id=d.actor_id,
            actor_name=d.actor_name,
            action=d.action,
            entity_type=d.entity_type,
            entity_id=str(d.entity_id),
            before=before,
            after=after,
        )
        rows.append(
            {
                "seq": seq,
                "at": at,
                "actor_id": d.actor_id,
                "actor_name": d.actor_name,
                "action": d.action,
                "entity_type": d.entity_type,
                "entity_id": str(d.entity_id),
                "before": before,
                "after": after,
                "prev_hash": prev,
                "hash": digest,
            }
        )
        prev = digest
    session.execute(insert(AuditEvent), rows)
    session.execute(update(AuditHead).where(AuditHead.id == 1).values(hash=prev))


@dataclass(frozen=True, slots=True)
class AuditBreak:
    """One place where the chain does not hold."""

    kind: str  # "altered", "chain", "missing", "head"
    event_id: int | None
    seq: int | None
    detail: str

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "event_id": self.event_id, "seq": self.seq, "detail": self.detail}


@dataclass
class AuditReport:
    checked: int = 0
    last_seq: int = 0
    breaks: list[AuditBreak] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.breaks

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "checked": self.checked,
            "last_seq": self.last_seq,
            "breaks": [b.as_dict() for b in self.breaks],
        }


def verify(session: Session, *, batch: int = 5000) -> AuditReport:
    """Walk the whole chain; report edited rows, deleted rows (gaps, a cut tail) and broken links."""
    report = AuditReport()
    prev_hash, expected_seq = GENESIS, 1
    events: Iterable[AuditEvent] = session.scalars(
        select(AuditEvent).order_by(AuditEvent.seq).execution_options(yield_per=batch)
    )
    for e in events:
        report.checked += 1
        if e.seq != expected_seq:
            missing = f"{expected_seq}" if e.seq == expected_seq + 1 else f"{expected_seq}–{e.seq - 1}"
            report.breaks.append(
                AuditBreak("missing", e.id, e.seq, f"events seq {missing} are missing (deleted)")
            )
        elif e.prev_hash != prev_hash:
            report.breaks.append(
                AuditBreak(
                    "chain",
                    e.id,
                    e.seq,
                    f"previous-hash link broken: event seq {e.seq - 1} was changed or replaced",
                )
            )
        if _hash_of(e) != e.hash:
            report.breaks.append(
                AuditBreak(
                    "altered",
                    e.id,
                    e.seq,
                    f"content of event {e.id} (seq {e.seq}, {e.action} {e.entity_type} "
                    f"{e.entity_id}) does not match its hash: the row was edited",
                )
            )
        prev_hash, expected_seq = e.hash, e.seq + 1
        report.last_seq = e.seq
    head = session.get(AuditHead, 1)
    if head is None:
        report.breaks.append(AuditBreak("head", None, None, "the audit head row is missing"))
    elif head.seq != report.last_seq or head.hash != prev_hash:
        if head.seq > report.last_seq:
            detail = (
                f"events seq {report.last_seq + 1}–{head.seq} at the end of the chain are missing (deleted)"
            )
        else:
            detail = f"the audit head (seq {head.seq}) does not match the last event (seq {report.last_seq})"
        report.breaks.append(AuditBreak("head", None, head.seq, detail))
    return report
