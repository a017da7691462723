"""The audit log: every change is an event; tampering with the table is detected and located."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, select, text, update
from sqlalchemy.exc import DatabaseError

from raqmana.store.models import AuditEvent
from raqmana.workspace.answers import Answer
from raqmana.workspace.audit import list_events, verify_audit
from raqmana.workspace.responses import save_answer


def tamper(session):
    """What an attacker with database access does first: drop the append-only triggers."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("DROP TRIGGER trg_audit_append_only ON audit_events"))
    else:
        session.execute(text("DROP TRIGGER trg_audit_no_update"))
        session.execute(text("DROP TRIGGER trg_audit_no_delete"))


def changes(world, n=3):
    for i in range(n):
        with world.ws.transaction() as s:
            save_answer(
                s,
                world["fp_a"],
                assessment_id=world.assessment_id,
                institution_code="moa",
                indicator_id="P1-01",
                answer=Answer(i),
                expected_version=i,
            )


def verify(world):
    with world.ws.reader() as s:
        return verify_audit(s)


def test_it_records_who_did_what_with_before_and_after(world):
    changes(world)
    with world.ws.reader() as s:
        events = list_events(s, world["coord"], entity_type="response")
    assert [e.action for e in events] == ["response.save"] * 3
    assert events[0].actor == "fp_a" and events[0].before["stage"] == 1 and events[0].after["stage"] == 2
    assert verify(world).ok


def test_it_detects_an_edited_event_and_names_it(world):
    changes(world)
    with world.ws.transaction() as s:
        tamper(s)
        target = s.scalar(
            select(AuditEvent).where(AuditEvent.action == "response.save").order_by(AuditEvent.seq)
        )
        target_id = target.id
        s.execute(update(AuditEvent).where(AuditEvent.id == target_id).values(after='{"stage":5}'))
    report = verify(world)
    assert not report.ok
    assert [(b.kind, b.event_id) for b in report.breaks] == [("altered", target_id)]


def test_it_detects_a_rehashed_edit_by_the_broken_link_of_the_next_event(world):
    changes(world)
    with world.ws.transaction() as s:
        tamper(s)
        first, second = s.scalars(
            select(AuditEvent).where(AuditEvent.action == "response.save").order_by(AuditEvent.seq).limit(2)
        ).all()
        first.actor_name, first.hash = "someone else", "f" * 64
        ids = (first.id, second.id)
    kinds = {(b.kind, b.event_id) for b in verify(world).breaks}
    assert ("altered", ids[0]) in kinds and ("chain", ids[1]) in kinds


def test_it_detects_deleted_events_in_the_middle_and_at_the_end(world):
    changes(world)
    with world.ws.transaction() as s:
        tamper(s)
        seqs = s.scalars(select(AuditEvent.seq).order_by(AuditEvent.seq)).all()
        s.execute(delete(AuditEvent).where(AuditEvent.seq == seqs[3]))
    report = verify(world)
    assert [(b.kind, b.seq) for b in report.breaks] == [("missing", seqs[4])]
    with world.ws.transaction() as s:
        s.execute(delete(AuditEvent).where(AuditEvent.seq == seqs[-1]))
    assert "head" in {b.kind for b in verify(world).breaks}


def test_it_refuses_to_update_or_delete_audit_events(world):
    changes(world, 1)
    for statement in (update(AuditEvent).values(actor_name="x"), delete(AuditEvent)):
        with pytest.raises(DatabaseError, match="append-only"), world.ws.transaction() as s:
            s.execute(statement)
    assert verify(world).ok
