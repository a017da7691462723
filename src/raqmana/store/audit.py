"""The audit chain: append events (each hash covers the previous hash + its own content) and verify it.

The single ``audit_head`` row holds the last sequence number and hash; appending updates it first, which
locks it until commit, so concurrent writers (PostgreSQL) extend the chain one after the other.

The hashes alone do not stop someone with write access to the database from rewriting the whole chain
(recomputing every hash). With an audit key (``RAQMANA_AUDIT_KEY_FILE``, held outside the database) the
head is also signed (HMAC-SHA256) at every append, and signed :class:`Checkpoint` files exported now and
then (and into every backup) pin the chain up to their sequence number: a rewritten chain fails the head
signature, a chain cut back to an older signed head fails the checkpoints taken after it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Table, bindparam, insert, select, update
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


#: ``Session.info`` key holding the audit key (str) of the workspace; absent or empty: unsigned
SESSION_KEY = "audit_key"


def session_key(session: Session) -> bytes | None:
    """The audit key given to this session's maker by the workspace, or None."""
    key = session.info.get(SESSION_KEY)
    return key.encode() if isinstance(key, str) and key else None


def key_id(key: bytes) -> str:
    """Names a key without revealing it: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(key).hexdigest()[:16]


def sign_head(key: bytes, seq: int, head_hash: str) -> str:
    return hmac.new(key, f"raqmana-audit-head\n{seq}\n{head_hash}".encode(), hashlib.sha256).hexdigest()


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """A signed statement "the chain had ``hash`` at ``seq``", kept outside the database."""

    seq: int
    hash: str
    at: str  # when it was taken (ISO 8601, UTC)
    key_id: str
    signature: str

    @classmethod
    def take(cls, key: bytes, seq: int, head_hash: str) -> Checkpoint:
        at = datetime.now(UTC).isoformat(timespec="seconds")
        return cls(seq, head_hash, at, key_id(key), sign_head(key, seq, head_hash))

    def valid(self, key: bytes) -> bool:
        return self.key_id == key_id(key) and hmac.compare_digest(
            self.signature, sign_head(key, self.seq, self.hash)
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": "raqmana-audit-checkpoint",
            "seq": self.seq,
            "hash": self.hash,
            "at": self.at,
            "key_id": self.key_id,
            "signature": self.signature,
        }

    @classmethod
    def from_dict(cls, data: Any) -> Checkpoint:
        """Read one; ValueError when ``data`` is not a checkpoint."""
        if not isinstance(data, dict) or data.get("kind") != "raqmana-audit-checkpoint":
            raise ValueError("not a raqmana audit checkpoint")
        try:
            seq = int(data["seq"])
            fields = [str(data[k]) for k in ("hash", "at", "key_id", "signature")]
        except (KeyError, TypeError, ValueError):
            raise ValueError("not a raqmana audit checkpoint") from None
        if seq < 0:
            raise ValueError("not a raqmana audit checkpoint")
        return cls(seq, *fields)


def checkpoint(session: Session, key: bytes) -> Checkpoint:
    """A signed checkpoint of the chain head as the database holds it now (verify the chain first)."""
    head = session.get(AuditHead, 1, populate_existing=True)  # appends write the row without the ORM
    if head is None:
        raise ValueError("the audit head row is missing")
    return Checkpoint.take(key, head.seq, head.hash)


def sign_current_head(session: Session, key: bytes) -> Checkpoint:
    """Sign the head as it is (after a verify: when the key is first set, or replaced)."""
    cp = checkpoint(session, key)
    session.execute(
        update(AuditHead).where(AuditHead.id == 1).values(signature=cp.signature, key_id=cp.key_id)
    )
    return cp


# plain table statements built once, not ORM-enabled ones: nothing in a session mirrors these rows, and
# every audited change (a citizen's comment included) pays for them
_HEAD = cast(Table, AuditHead.__table__)
_RESERVE = (
    update(_HEAD)
    .where(_HEAD.c.id == 1)
    .values(seq=_HEAD.c.seq + bindparam("count"))
    .returning(_HEAD.c.seq, _HEAD.c.hash)
)
_EVENTS = insert(cast(Table, AuditEvent.__table__))
_HEAD_SET = (
    update(_HEAD)
    .where(_HEAD.c.id == 1)
    .values(hash=bindparam("new_hash"), signature=bindparam("new_signature"), key_id=bindparam("new_key_id"))
)


def append(session: Session, drafts: Sequence[EventDraft]) -> None:
    """Append ``drafts`` to the chain in this transaction (one head update, one multi-row insert); the
    new head is signed when the session carries an audit key."""
    if not drafts:
        return
    session.flush()  # the changes audited are written before the head is locked (as an ORM statement would)
    db = session.connection()
    seq, prev = db.execute(_RESERVE, {"count": len(drafts)}).one()
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
    db.execute(_EVENTS, rows)
    key = session_key(session)
    signed = {"new_hash": prev, "new_signature": "", "new_key_id": ""}
    if key:
        signed |= {"new_signature": sign_head(key, seq, prev), "new_key_id": key_id(key)}
    db.execute(_HEAD_SET, signed)


@dataclass(frozen=True, slots=True)
class AuditBreak:
    """One place where the chain does not hold."""

    kind: str  # "altered", "chain", "missing", "head", "signature", "checkpoint"
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
    signed: bool = False  # the head's signature was checked with the audit key (and held)
    checkpoints: int = 0  # checkpoints checked (each one held)

    @property
    def ok(self) -> bool:
        return not self.breaks

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "checked": self.checked,
            "last_seq": self.last_seq,
            "signed": self.signed,
            "checkpoints": self.checkpoints,
            "breaks": [b.as_dict() for b in self.breaks],
        }


def verify(
    session: Session,
    *,
    batch: int = 5000,
    key: bytes | None = None,
    checkpoints: Sequence[Checkpoint] = (),
) -> AuditReport:
    """Walk the whole chain; report edited rows, deleted rows (gaps, a cut tail) and broken links. With
    the audit key (``key``, else the session's) also check the head's signature and each checkpoint's
    signature and hash (the chain was not rewritten or cut back since it was taken)."""
    key = key or session_key(session)
    report = AuditReport()
    pinned = {cp.seq: "" for cp in checkpoints}
    if 0 in pinned:
        pinned[0] = GENESIS
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
        if e.seq in pinned:
            pinned[e.seq] = e.hash
    head = session.get(AuditHead, 1, populate_existing=True)  # appends write the row without the ORM
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
    if key is not None and head is not None:
        _check_signature(report, head, key)
    for cp in checkpoints:
        _check_checkpoint(report, cp, pinned.get(cp.seq, ""), key)
    return report


def _check_signature(report: AuditReport, head: AuditHead, key: bytes) -> None:
    if not head.signature:
        if head.seq == 0:
            report.signed = True  # nothing written yet: nothing to sign
            return
        detail = (
            "the audit head is not signed with the audit key (written before the key was set, or the "
            "signature was removed): check the log, then sign it with `raqmana audit sign`"
        )
    elif head.key_id != key_id(key):
        detail = f"the audit head was signed with another key ({head.key_id}, not {key_id(key)})"
    elif not hmac.compare_digest(head.signature, sign_head(key, head.seq, head.hash)):
        detail = "the signature of the audit head does not match: the chain was rewritten in the database"
    else:
        report.signed = True
        return
    report.breaks.append(AuditBreak("signature", None, head.seq, detail))


def _check_checkpoint(report: AuditReport, cp: Checkpoint, found: str, key: bytes | None) -> None:
    taken = f"the checkpoint of {cp.at} (seq {cp.seq})"
    if key is None:
        detail = f"{taken} cannot be checked without the audit key (RAQMANA_AUDIT_KEY_FILE)"
    elif not cp.valid(key):
        detail = f"{taken} is not signed with the audit key: it was altered, or belongs to another key"
    elif cp.seq > report.last_seq:
        detail = f"{taken}: events after seq {report.last_seq} were removed since it was taken"
    elif found != cp.hash:
        detail = f"{taken}: the chain up to seq {cp.seq} was rewritten since it was taken"
    else:
        report.checkpoints += 1
        return
    report.breaks.append(AuditBreak("checkpoint", None, cp.seq, detail))
