"""Citizen feedback and complaints in the workspace: the public form, the tracking number, the inbox and
who reads the person's contact, the case's life, moderation and the audit chain."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from raqmana.i18n.vocabulary import CaseState, Channel, FeedbackKind, HideReason
from raqmana.store.models import AuditEvent
from raqmana.workspace import Forbidden, NotFound, ValidationFailed
from raqmana.workspace import participation as P
from raqmana.workspace.audit import verify_audit_chain
from raqmana.workspace.exceptions import TooManyRequests

T0 = datetime(2026, 3, 1, 9, tzinfo=UTC)
CONTACT = "07701234567"


def send(
    world,
    *,
    institution="mofa",
    kind=FeedbackKind.COMPLAINT,
    text="The passport office sent me back three times.",
    client="10.0.0.1",
    now=T0,
    **more,
):
    with world.ws.transaction() as s:
        return P.submit_feedback(
            s,
            institution=institution,
            kind=kind,
            channel=Channel.OFFICE,
            text=text,
            lang="ar",
            client=client,
            answer_days=15,
            now=now,
            **more,
        )


def as_(world, who, fn, *args, **kwargs):
    with world.ws.transaction() as s:
        return fn(s, world[who], *args, **kwargs)


def test_it_gives_the_person_a_tracking_number_and_the_date_the_answer_is_due(world):
    receipt = send(world, rating=2, visits=3, contact=CONTACT)
    assert receipt.tracking.startswith("RQ-") and receipt.due_at == T0 + timedelta(days=15)
    with world.ws.reader() as s:
        status = P.public_status(s, tracking=receipt.tracking.lower(), now=T0 + timedelta(days=1))
    assert status.state is CaseState.RECEIVED and status.answer is None and not status.late
    assert status.institution.en == "Ministry of Foreign Affairs"
    assert CONTACT not in status.model_dump_json()


def test_it_refuses_bad_input_with_every_problem_located(world):
    with pytest.raises(ValidationFailed) as e:
        send(world, institution="nowhere", text="", rating=9)
    fields = sorted(p.location.field for p in e.value.problems)
    assert fields == ["institution", "rating", "text"]
    with pytest.raises(ValidationFailed) as e:
        send(world, text="x" * 4001)
    assert e.value.problems[0].location.field == "text"
    with world.ws.reader() as s, pytest.raises(ValidationFailed):
        P.public_status(s, tracking="RQ-nope")


def test_it_stores_text_without_zero_width_or_direction_override_characters(world):
    receipt = send(world, text="\u202eabc\u200b def\ufeff")
    assert as_(world, "focal", P.get_case, receipt.tracking).text == "abc def"


def test_only_the_institutions_own_staff_read_the_contact(world):
    tracking = send(world, contact=CONTACT).tracking
    assert as_(world, "focal", P.get_case, tracking).contact == CONTACT
    for reader in ("rev", "coord", "admin", "viewer"):  # reads the case, not the contact
        view = as_(world, reader, P.get_case, tracking)
        assert view.contact is None and view.contact_given, reader
    with pytest.raises(NotFound):
        as_(world, "outsider", P.get_case, tracking)
    assert [c.tracking for c in as_(world, "focal", P.inbox).cases] == [tracking]
    assert as_(world, "outsider", P.inbox).cases == []


def test_a_case_goes_from_received_to_closed_and_the_person_sees_the_answer(world):
    tracking = send(world).tracking
    assert as_(world, "focal", P.assign, tracking).state is CaseState.ASSIGNED
    with pytest.raises(ValidationFailed):
        as_(world, "focal", P.close, tracking)  # not answered yet
    answered = as_(
        world,
        "focal",
        P.answer,
        tracking,
        text="We opened a booking line.",
        change_made="Appointments online",
        now=T0 + timedelta(days=20),
    )
    assert answered.state is CaseState.ANSWERED and answered.assigned_to == "focal"
    assert as_(world, "focal", P.close, tracking).state is CaseState.CLOSED
    with world.ws.reader() as s:
        status = P.public_status(s, tracking=tracking)
        changes = P.published_changes(s)
    assert status.answer == "We opened a booking line." and status.late
    assert [c.did for c in changes] == ["Appointments online"]


def test_reviewers_read_but_do_not_handle(world):
    tracking = send(world).tracking
    with pytest.raises(Forbidden):
        as_(world, "rev", P.answer, tracking, text="no")
    with pytest.raises(NotFound):
        as_(world, "outsider", P.answer, tracking, text="no")


def test_the_kpi_counts_complaints_answered_on_time(world):
    late = send(world, now=T0).tracking
    on_time = send(world, now=T0, client="10.0.0.2").tracking
    send(world, now=T0, client="10.0.0.3")  # never answered: overdue
    send(world, kind=FeedbackKind.FEEDBACK, text="", rating=5, now=T0, client="10.0.0.4")  # not a complaint
    as_(world, "focal", P.answer, late, text="late", now=T0 + timedelta(days=16))
    as_(world, "focal", P.answer, on_time, text="in time", now=T0 + timedelta(days=2))
    k = as_(world, "focal", P.inbox, now=T0 + timedelta(days=30)).on_time
    assert (k.counted, k.on_time, k.late, k.overdue_open) == (3, 1, 1, 1)


def test_moderation_hides_text_from_the_public_record_and_is_audited_without_it(world):
    tracking = send(world, text="You are all thieves", contact=CONTACT).tracking
    as_(world, "focal", P.answer, tracking, text="Noted", change_made="Signs at the counter")
    with pytest.raises(ValidationFailed):
        as_(world, "focal", P.moderate, tracking, hide=True)
    hidden = as_(world, "focal", P.moderate, tracking, hide=True, reason=HideReason.ABUSIVE)
    assert hidden.hidden and hidden.hidden_reason is HideReason.ABUSIVE
    with world.ws.reader() as s:
        assert P.published_changes(s) == []
        q = select(AuditEvent).where(AuditEvent.entity_id == tracking).order_by(AuditEvent.seq)
        events = [(e.action, str(e.before) + str(e.after)) for e in s.scalars(q)]
        assert verify_audit_chain(s, world["admin"]).ok
    assert [action for action, _ in events] == ["feedback.receive", "feedback.answer", "feedback.hide"]
    for _, stored in events:
        assert CONTACT not in stored and "thieves" not in stored


def test_a_referral_moves_the_case_and_keeps_its_history(world):
    tracking = send(world).tracking
    moved = as_(world, "focal", P.refer, tracking, institution="moi", note="passports are MoI's")
    assert moved.institution == "moi" and moved.state is CaseState.RECEIVED
    assert moved.referrals[0]["from"] == "mofa" and moved.referrals[0]["to"] == "moi"
    with pytest.raises(NotFound):  # no longer mofa's
        as_(world, "focal", P.get_case, tracking)


def test_the_public_form_is_throttled_per_address(world):
    for _ in range(P.THROTTLE_COUNT):
        send(world, client="192.0.2.9")
    with pytest.raises(TooManyRequests) as e:
        send(world, client="192.0.2.9")
    assert 0 < e.value.retry_after <= P.THROTTLE_WINDOW.total_seconds() + 1
    send(world, client="192.0.2.10")  # another address is not affected
    send(world, client="192.0.2.9", now=T0 + P.THROTTLE_WINDOW)  # the window passed
