"""Which changes are events and what an event tells: identifiers and codes, never a complaint's tracking
number, text or contact; a paused webhook's deliveries wait."""

from __future__ import annotations

from sqlalchemy import select

from raqmana.i18n.vocabulary import Channel, FeedbackKind
from raqmana.store.models import OutboxEvent, WebhookDelivery
from raqmana.workspace import SYSTEM, participation, publication
from raqmana.workspace.assessments import close_round
from raqmana.workspace.review import review
from raqmana.workspace.webhook_delivery import deliver_due
from raqmana.workspace.webhooks import register_webhook, set_active
from tests.workspace.test_review import answer_and_submit


def events(world, kind):
    with world.ws.reader() as s:
        return [
            (e.subject_type, e.subject_id, e.payload)
            for e in s.scalars(select(OutboxEvent).where(OutboxEvent.kind == kind))
        ]


def test_a_complaint_answered_is_an_event_without_its_tracking_number_text_or_contact(world):
    with world.ws.transaction() as s:
        receipt = participation.submit_feedback(
            s,
            institution="moa",
            kind=FeedbackKind.COMPLAINT,
            channel=Channel.OFFICE,
            text="the office was closed twice",
            lang="en",
            client="198.51.100.7",
            answer_days=15,
            contact="person@example.org",
            contact_consent=True,
        )
    with world.ws.transaction() as s:
        participation.answer(s, world["fp_a"], receipt.tracking, text="we opened on Saturdays")
    [(subject, subject_id, data)] = events(world, "complaint.answered")
    text = repr((subject_id, data))
    assert subject == "feedback" and data["institution"] == "moa" and data["answered_at"]
    for secret in (receipt.tracking, "closed twice", "Saturdays", "person@example.org"):
        assert secret not in text


def test_rounds_answers_and_publications_are_events(world):
    ids = answer_and_submit(world)
    with world.ws.transaction() as s:
        review(s, world["rev_a"], response_id=ids["P1-01"], decision="accept", expected_version=2)
        publication.publish(s, world["coord"])
        close_round(s, world["coord"], assessment_id=world.assessment_id)
    [(_, _, opened)] = events(world, "round.opened")
    assert opened["assessment_id"] == world.assessment_id and opened["framework"] == {
        "id": "mini",
        "version": "1.0",
    }
    [(_, _, closed)] = events(world, "round.closed")
    assert closed["status"] == "closed"
    [(_, rid, accepted)] = events(world, "answer.accepted")
    assert rid == str(ids["P1-01"]) and accepted["institution"] == "moa" and accepted["state"] == "accepted"
    [(_, _, published)] = events(world, "portal.published")
    assert published == {"version": 1}


def test_a_paused_webhooks_deliveries_wait_until_it_is_resumed(world):
    with world.ws.transaction() as s:
        hook = register_webhook(
            s, SYSTEM, settings=world.ws.settings, url="http://127.0.0.1:9/", kinds=["round.closed"]
        )
        set_active(s, SYSTEM, webhook_id=hook.webhook.id, active=False)
    with world.ws.transaction() as s:  # paused: the event gets no delivery at all
        close_round(s, world["coord"], assessment_id=world.assessment_id)
    with world.ws.reader() as s:
        assert s.scalars(select(WebhookDelivery)).all() == []
    assert deliver_due(world.ws) == {"delivered": 0, "retry": 0, "failed": 0}
