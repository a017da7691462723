"""Reading the audit log: filters, paging, a summary of each change, the chain check; managers only."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select, update

from raqmana.store.models import AuditEvent
from raqmana.store.types import utcnow
from raqmana.workspace import NotFound
from raqmana.workspace.answers import Answer
from raqmana.workspace.audit import AuditFilters, audit_events, change_summary, verify_audit_chain
from raqmana.workspace.responses import save_answer
from tests.workspace.test_audit import tamper


def saves(world, who="fp_a", inst="moa", n=3):
    for i in range(n):
        with world.ws.transaction() as s:
            save_answer(
                s,
                world[who],
                assessment_id=world.assessment_id,
                institution_code=inst,
                indicator_id="P1-01",
                answer=Answer(i + 1),
                expected_version=i,
            )


def page(world, who="coord", before=None, limit=50, **filters):
    with world.ws.reader() as s:
        return audit_events(s, world[who], filters=AuditFilters(**filters), before=before, limit=limit)


def test_it_filters_by_user_object_type_and_date(world):
    saves(world, "fp_a", "moa")
    saves(world, "fp_b", "mob", n=2)
    by_user = page(world, user="FP_B")
    assert by_user.total == 2 and {e.actor for e in by_user.events} == {"fp_b"}
    responses = page(world, entity_type="response")
    assert responses.total == 5 and {e.entity_type for e in responses.events} == {"response"}
    assert "assessment" in responses.entity_types and "response" in responses.entity_types
    today = utcnow().date()
    assert page(world, entity_type="response", since=today, until=today).total == 5
    assert page(world, since=today + timedelta(days=1)).total == 0
    assert page(world, until=date(2000, 1, 1)).total == 0
    assert page(world, user="50%_").total == 0  # LIKE wildcards are taken literally


def test_it_pages_back_by_sequence_number_newest_first(world):
    saves(world, n=5)
    first = page(world, entity_type="response", limit=2)
    second = page(world, entity_type="response", limit=2, before=first.next_before)
    last = page(world, entity_type="response", limit=2, before=second.next_before)
    seqs = [e.seq for p in (first, second, last) for e in p.events]
    assert seqs == sorted(seqs, reverse=True) and len(seqs) == 5 and len(set(seqs)) == 5
    assert last.next_before is None and first.total == 5


def test_it_summarises_what_an_event_changed():
    assert change_summary(
        {"stage": 1, "na": False, "justification": "x"},
        {"stage": 2, "na": False, "justification": "x", "version": 2},
    ) == [("stage", "1", "2"), ("version", "", "2")]
    assert change_summary(None, {"role": "viewer"}) == [("role", "", "viewer")]
    assert change_summary(None, None) == []
    long = change_summary({"t": "a" * 200}, {"t": "b"}, width=10)
    assert long == [("t", "aaaaaaaaa…", "b")]


@pytest.mark.parametrize("who", ["fp_a", "rev_a", "viewer", "outsider"])
def test_it_hides_the_log_and_its_check_from_everyone_but_admins_and_coordinators(world, who):
    with pytest.raises(NotFound), world.ws.reader() as s:
        audit_events(s, world[who])
    with pytest.raises(NotFound), world.ws.reader() as s:
        verify_audit_chain(s, world[who])
    assert page(world, who="admin").total >= 1


def test_it_verifies_the_chain_and_names_an_edited_event(world):
    saves(world)
    with world.ws.reader() as s:
        assert verify_audit_chain(s, world["coord"]).ok
    with world.ws.transaction() as s:
        tamper(s)
        target = s.scalar(
            select(AuditEvent).where(AuditEvent.action == "response.save").order_by(AuditEvent.seq)
        )
        s.execute(update(AuditEvent).where(AuditEvent.id == target.id).values(actor_name="someone else"))
        seq = target.seq
    with world.ws.reader() as s:
        report = verify_audit_chain(s, world["admin"])
    assert not report.ok and [(b.kind, b.seq) for b in report.breaks] == [("altered", seq)]
