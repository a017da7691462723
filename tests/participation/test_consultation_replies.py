"""Replies stay where they were when the comment they answer goes: deleted by its author (tracking code),
with everything its author wrote (deletion on request), or rejected by a moderator after replies were
published, it stays as a placeholder without its text or author and the replies under it; a placeholder
left without replies goes; the retention purge takes a whole thread and lifts nothing."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from raqmana.i18n.vocabulary import CommentState, HideReason
from raqmana.store.models import ConsultationComment
from raqmana.workspace import consultations as C
from raqmana.workspace import participation_people as people
from raqmana.workspace import participation_retention as K
from tests.participation.test_consultation_taking_part import SECRET, anonymous, person
from tests.participation.test_consultations import NOW, open_one


def thread(world, *, author_token=None):
    """An open consultation published without moderation: a comment (by the participant of
    ``author_token`` if given), a reply to it and a reply to that reply."""
    c = open_one(world, options=C.Options(premoderated=False))
    sid = c.sections[0].id

    def send(s, text, client, parent=None, who=None):
        return C.add_comment(
            s,
            consultation_id=c.id,
            section_id=sid,
            text=text,
            lang="en",
            client=client,
            now=NOW,
            parent_id=parent,
            person=who,
        )

    with world.ws.transaction() as s:
        first = send(
            s, "Call me on 07701234567 about it", "a", who=person(s, author_token) if author_token else None
        )
        reply = send(s, "I agree with the first", "b", parent=first.id)
        deeper = send(s, "Me too", "c", parent=reply.id)
        other = send(s, "Another topic", "d")
    return c, first, reply, deeper, other


def shown(world, c):
    with world.ws.reader() as s:
        return C.read_consultation(s, consultation_id=c.id, now=NOW).sections[0]


def shape(views):
    return [("removed" if v.removed else v.text, shape(v.replies)) for v in views]


def test_a_comment_deleted_by_its_author_leaves_its_replies_under_a_placeholder(world):
    c, first, *_ = thread(world)
    with world.ws.transaction() as s:
        K.forget_comment(s, tracking=first.tracking)
    section = shown(world, c)
    assert shape(section.comments) == [
        ("removed", [("I agree with the first", [("Me too", [])])]),
        ("Another topic", []),
    ]
    gone = section.comments[0]
    assert gone.id == first.id and gone.text == "" and gone.supports == 0
    assert section.published == 1  # the placeholder is not counted as a published comment
    with world.ws.reader() as s:
        row = s.get(ConsultationComment, first.id)
        assert (row.body, row.state, row.tracking, row.participant_id) == ("", "removed", None, None)
        assert all(
            m.state != CommentState.REMOVED
            for m in C.moderation_queue(s, world["fp_a"], consultation_id=c.id).comments
        )


def test_a_placeholder_goes_when_its_last_reply_is_deleted(world):
    c, first, reply, deeper, other = thread(world)
    with world.ws.transaction() as s:
        K.forget_comment(s, tracking=first.tracking)
        K.forget_comment(s, tracking=reply.tracking)
    assert shape(shown(world, c).comments) == [
        ("removed", [("removed", [("Me too", [])])]),
        ("Another topic", []),
    ]
    with world.ws.transaction() as s:
        K.forget_comment(s, tracking=deeper.tracking)
    assert shape(shown(world, c).comments) == [("Another topic", [])]
    with world.ws.reader() as s:
        left = s.scalars(select(ConsultationComment.id)).all()
    assert left == [other.id]


def test_a_reply_deleted_without_replies_of_its_own_goes_entirely(world):
    c, _, _, deeper, _ = thread(world)
    with world.ws.transaction() as s:
        K.forget_comment(s, tracking=deeper.tracking)
    assert shape(shown(world, c).comments) == [
        ("Call me on ▒▒▒ about it", [("I agree with the first", [])]),
        ("Another topic", []),
    ]


def test_deletion_on_request_keeps_the_replies_of_others_under_a_placeholder(world):
    token = anonymous(world)
    c, first, *_ = thread(world, author_token=token)
    with world.ws.transaction() as s:
        gone = people.forget_participant(s, secret=SECRET, token=token)
    assert gone.comments == 1
    section = shown(world, c)
    assert shape(section.comments) == [
        ("removed", [("I agree with the first", [("Me too", [])])]),
        ("Another topic", []),
    ]
    with world.ws.reader() as s:
        assert s.get(ConsultationComment, first.id).participant_id is None


def test_a_comment_rejected_after_replies_were_published_shows_as_a_placeholder(world):
    c, first, reply, deeper, _ = thread(world)
    with world.ws.transaction() as s:
        C.moderate_comment(
            s, world["fp_a"], comment_id=first.id, publish=False, reason=HideReason.PERSONAL_DATA
        )
    section = shown(world, c)
    assert shape(section.comments) == [
        ("removed", [("I agree with the first", [("Me too", [])])]),
        ("Another topic", []),
    ]
    assert "07701234567" not in section.model_dump_json() and "Call me" not in section.model_dump_json()
    with world.ws.transaction() as s:  # the reply rejected too: a placeholder while its own reply stands
        C.moderate_comment(s, world["fp_a"], comment_id=reply.id, publish=False, reason=HideReason.SPAM)
    assert shape(shown(world, c).comments) == [
        ("removed", [("removed", [("Me too", [])])]),
        ("Another topic", []),
    ]
    with world.ws.transaction() as s:  # and the last one: nothing of the thread is shown
        C.moderate_comment(s, world["fp_a"], comment_id=deeper.id, publish=False, reason=HideReason.SPAM)
    assert shape(shown(world, c).comments) == [("Another topic", [])]


def test_a_rejected_comment_without_replies_stays_hidden(world):
    c, *_, other = thread(world)
    with world.ws.transaction() as s:
        C.moderate_comment(s, world["fp_a"], comment_id=other.id, publish=False, reason=HideReason.SPAM)
    assert [v.text for v in shown(world, c).comments] == ["Call me on ▒▒▒ about it"]


def test_the_retention_purge_takes_whole_threads_and_lifts_no_reply(world):
    c = open_one(
        world,
        options=C.Options(premoderated=False, retention_days=30),
        closes_at=NOW + timedelta(days=1),
    )
    sid = c.sections[0].id
    with world.ws.transaction() as s:
        first = C.add_comment(
            s, consultation_id=c.id, section_id=sid, text="x", lang="en", client="a", now=NOW
        )
        C.add_comment(
            s,
            consultation_id=c.id,
            section_id=sid,
            text="y",
            lang="en",
            client="b",
            now=NOW,
            parent_id=first.id,
        )
    with world.ws.transaction() as s:
        done = K.purge_expired(s, now=NOW + timedelta(days=40))
    assert done.comments == 2
    with world.ws.reader() as s:
        assert C.read_consultation(s, consultation_id=c.id, now=NOW).sections[0].comments == []
        assert s.scalars(select(ConsultationComment.id)).all() == []
