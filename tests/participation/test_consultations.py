"""Public consultations: a coordinator or the owner institution opens one on a draft, anyone comments on
a section while it is open, nothing is shown before a moderator publishes it, and the audit keeps every
decision without the text."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from raqmana.i18n import Translated
from raqmana.i18n.vocabulary import CommentState, HideReason
from raqmana.store.models import AuditEvent
from raqmana.workspace import Forbidden, NotFound, ValidationFailed
from raqmana.workspace import consultations as C

NOW = datetime(2026, 5, 1, 9, tzinfo=UTC)


def t(en: str) -> Translated:
    return Translated(en=en, ar=f"{en} (ar)", ckb=f"{en} (ckb)")


def open_one(world, who="fp_a", owner="moa", **more):
    with world.ws.transaction() as s:
        return C.open_consultation(
            s,
            world[who],
            owner=owner,
            title=t("Draft roadmap 2026–2030"),
            summary=t("Tell us what to change"),
            opens_at=more.get("opens_at", NOW - timedelta(days=1)),
            closes_at=more.get("closes_at", NOW + timedelta(days=30)),
            sections=more.get(
                "sections", [C.SectionIn(heading=t("Article 1"), body=t("One portal for all services"))]
            ),
            options=more.get("options"),
        )


def comment(
    world, consultation, text="Add the governorates too, call 07701234567", now=NOW, client="10.1.1.1"
):
    with world.ws.transaction() as s:
        return C.add_comment(
            s,
            consultation_id=consultation.id,
            section_id=consultation.sections[0].id,
            text=text,
            lang="ar",
            client=client,
            now=now,
        )


def read(world, consultation):
    with world.ws.reader() as s:
        return C.read_consultation(s, consultation_id=consultation.id, now=NOW)


def test_a_comment_is_published_only_after_moderation_with_personal_data_masked(world):
    c = open_one(world)
    receipt = comment(world, c)
    assert receipt.state is CommentState.PENDING
    assert read(world, c).sections[0].comments == []
    with world.ws.transaction() as s:
        queue = C.moderation_queue(s, world["fp_a"], consultation_id=c.id)
        assert [p.id for p in queue.comments] == [receipt.id]
        C.moderate_comment(s, world["fp_a"], comment_id=receipt.id, publish=True)
    shown = read(world, c).sections[0].comments
    assert len(shown) == 1 and "07701234567" not in shown[0].text and "governorates" in shown[0].text
    with world.ws.reader() as s:
        logged = [
            str(e.before) + str(e.after)
            for e in s.scalars(select(AuditEvent).where(AuditEvent.entity_type == "consultation_comment"))
        ]
    assert len(logged) == 2 and not any("governorates" in e for e in logged)


def test_a_rejected_comment_needs_a_reason_and_stays_hidden(world):
    c = open_one(world)
    receipt = comment(world, c, text="spam spam")
    with world.ws.transaction() as s, pytest.raises(ValidationFailed):
        C.moderate_comment(s, world["fp_a"], comment_id=receipt.id, publish=False)
    with world.ws.transaction() as s:
        C.moderate_comment(s, world["fp_a"], comment_id=receipt.id, publish=False, reason=HideReason.SPAM)
    assert read(world, c).sections[0].comments == []


def test_comments_are_refused_outside_the_dates_and_on_another_consultations_section(world):
    c = open_one(world)
    other = open_one(world)
    with pytest.raises(ValidationFailed) as e:
        comment(world, c, now=NOW + timedelta(days=31))
    assert e.value.problems[0].code.id == "CP030"
    with pytest.raises(ValidationFailed):
        comment(world, c, text="   \u200b ")
    with world.ws.transaction() as s, pytest.raises(NotFound):
        C.add_comment(
            s, consultation_id=c.id, section_id=other.sections[0].id, text="x", lang="en", client="x", now=NOW
        )


def test_only_the_owner_institutions_handlers_open_and_moderate(world):
    with pytest.raises(Forbidden):
        open_one(world, who="fp_b")  # ministry B's focal point, for ministry A
    with pytest.raises(Forbidden):
        open_one(world, who="rev_a")  # a reviewer reads, does not open
    with pytest.raises(ValidationFailed):
        open_one(world, closes_at=NOW - timedelta(days=2))
    with pytest.raises(ValidationFailed):
        open_one(world, sections=[])
    c = open_one(world, who="coord")
    receipt = comment(world, c)
    with world.ws.transaction() as s, pytest.raises(Forbidden):
        C.moderate_comment(s, world["fp_b"], comment_id=receipt.id, publish=True)


def test_the_list_shows_open_consultations_first(world):
    closed = open_one(world, opens_at=NOW - timedelta(days=60), closes_at=NOW - timedelta(days=30))
    opened = open_one(world)
    with world.ws.reader() as s:
        found = C.list_consultations(s, now=NOW)
    assert [(f.id, f.open) for f in found] == [(opened.id, True), (closed.id, False)]
