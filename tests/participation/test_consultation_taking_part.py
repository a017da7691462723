"""Taking part in a consultation: a draft read from its Word or PDF file and shown section by section;
who may take part (anyone, verified participants, invited institutions); moderation on or off; replies
to published comments and support for them, once per participant; participant accounts confirmed by a
code sent through the outbox, whose contact is never shown."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from raqmana.i18n.vocabulary import CommentState
from raqmana.participation import errors as P
from raqmana.participation.verification import OutboxSender, outbox_path
from raqmana.problems import ProblemsError
from raqmana.workspace import ValidationFailed
from raqmana.workspace import consultations as C
from raqmana.workspace import participation_people as people
from raqmana.workspace.participation_drafts import open_with_document, read_draft
from raqmana.workspace.participation_support import support
from tests.documents.pdfs import docx_bytes, law_html, weasyprint_pdf
from tests.participation.test_consultations import NOW, open_one, t

SECRET = "s" * 40


def outbox(world):
    return OutboxSender(outbox_path(world.settings.data_dir))


def sent_codes(world):
    path = outbox_path(world.settings.data_dir)
    return (
        [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []
    )


def anonymous(world):
    with world.ws.transaction() as s:
        token = people.start(s, secret=SECRET, sender=outbox(world)).token
    assert token
    return token


def person(s, token):
    return people.require_participant(s, secret=SECRET, token=token)


def test_a_word_draft_becomes_one_section_per_article_with_the_file_kept(world):
    data = docx_bytes(
        [
            ("Heading 1", "مشروع قانون الخدمات الإلكترونية"),
            ("", "تمهيد: يهدف المشروع إلى تنظيم الخدمات."),
            ("", "المادة 1: تنشر الوزارات خدماتها على البوابة الوطنية."),
            ("", "المادة 2: تحمى البيانات الشخصية للمواطنين."),
        ]
    )
    with world.ws.transaction() as s:
        c = open_with_document(
            s,
            world["fp_a"],
            settings=world.settings,
            data=data,
            filename="draft-law.docx",
            owner="moa",
            title=t("Draft e-services law"),
            summary=t("Comment article by article"),
            opens_at=NOW - timedelta(days=1),
            closes_at=NOW + timedelta(days=30),
            options=C.Options(),
        )
    assert c.document_name == "draft-law.docx"
    assert [(x.number, x.heading.ar) for x in c.sections[1:]] == [("1", "المادة 1"), ("2", "المادة 2")]
    assert c.sections[1].body.ar == "تنشر الوزارات خدماتها على البوابة الوطنية."
    assert c.sections[1].body.get("en") == c.sections[1].body.ar  # shown in the draft's own language
    assert any(world.settings.data_dir.rglob("*")) and world.ws.blobs.exists(
        __import__("hashlib").sha256(data).hexdigest()
    )


def test_an_arabic_pdf_draft_is_read_inline_with_its_pages():
    sections, facts = read_draft(weasyprint_pdf(law_html()), "law.pdf", max_bytes=10_000_000)
    assert facts.format == "pdf" and facts.pages == 2
    numbered = [(s.number, s.page) for s in sections if s.number]
    assert numbered[:3] == [("1", 1), ("2", 1), ("3", 2)]


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"%PDF-1.4 not really", "draft.pdf"),
        (b"plain words", "draft.txt"),
        (docx_bytes([("", "x")]), "d.pdf"),
    ],
)
def test_a_file_that_is_not_a_readable_pdf_or_docx_is_refused_with_nothing_opened(world, data, name):
    with pytest.raises((ValidationFailed, ProblemsError)), world.ws.transaction() as s:
        open_with_document(
            s,
            world["fp_a"],
            settings=world.settings,
            data=data,
            filename=name,
            owner="moa",
            title=t("x"),
            summary=t("x"),
            opens_at=NOW,
            closes_at=NOW + timedelta(days=1),
            options=C.Options(),
        )
    with world.ws.reader() as s:
        assert C.list_consultations(s, now=NOW) == []


def test_without_moderation_a_comment_is_published_at_once_and_replies_nest_under_it(world):
    with world.ws.transaction() as s:
        c = C.open_consultation(
            s,
            world["fp_a"],
            owner="moa",
            title=t("Draft"),
            summary=t("Draft"),
            opens_at=NOW - timedelta(days=1),
            closes_at=NOW + timedelta(days=9),
            sections=[C.SectionIn(heading=t("Article 1"), body=t("One portal"))],
            options=C.Options(premoderated=False),
        )
        sid = c.sections[0].id
        first = C.add_comment(
            s, consultation_id=c.id, section_id=sid, text="Yes", lang="ar", client="a", now=NOW
        )
        reply = C.add_comment(
            s,
            consultation_id=c.id,
            section_id=sid,
            text="Agreed",
            lang="ar",
            client="b",
            now=NOW,
            parent_id=first.id,
        )
        assert first.state is reply.state is CommentState.PUBLISHED and first.tracking != reply.tracking
        shown = C.read_consultation(s, consultation_id=c.id, now=NOW).sections[0].comments
    assert [(m.text, [r.text for r in m.replies]) for m in shown] == [("Yes", ["Agreed"])]


def test_a_reply_to_a_comment_not_yet_published_is_refused(world):
    c = open_one(world)
    sid = c.sections[0].id
    with world.ws.transaction() as s:
        pending = C.add_comment(
            s, consultation_id=c.id, section_id=sid, text="x", lang="en", client="a", now=NOW
        )
    with pytest.raises(ValidationFailed) as e, world.ws.transaction() as s:
        C.add_comment(
            s,
            consultation_id=c.id,
            section_id=sid,
            text="y",
            lang="en",
            client="b",
            now=NOW,
            parent_id=pending.id,
        )
    assert e.value.problems[0].code is P.PARENT_NOT_FOUND


def test_a_participant_supports_a_published_comment_once(world):
    c = open_one(world)
    with world.ws.transaction() as s:
        m = C.add_comment(
            s, consultation_id=c.id, section_id=c.sections[0].id, text="A", lang="en", client="a", now=NOW
        )
        C.moderate_comment(s, world["fp_a"], comment_id=m.id, publish=True)
    alice, bob = anonymous(world), anonymous(world)
    for token in (alice, alice, bob):
        with world.ws.transaction() as s:
            counted = support(s, consultation_id=c.id, comment_id=m.id, person=person(s, token), now=NOW)
    assert counted.supports == 2
    with world.ws.reader() as s:
        assert C.read_consultation(s, consultation_id=c.id, now=NOW).sections[0].comments[0].supports == 2


def test_a_verified_consultation_takes_part_only_with_a_confirmed_code_and_never_shows_the_contact(world):
    with world.ws.transaction() as s:
        c = C.open_consultation(
            s,
            world["fp_a"],
            owner="moa",
            title=t("Draft"),
            summary=t("Draft"),
            opens_at=NOW - timedelta(days=1),
            closes_at=NOW + timedelta(days=9),
            sections=[C.SectionIn(heading=t("Article 1"), body=t("One portal"))],
            options=C.Options(who="verified", premoderated=False),
        )
    sid = c.sections[0].id
    stranger = anonymous(world)
    with pytest.raises(ValidationFailed) as e, world.ws.transaction() as s:
        C.add_comment(
            s,
            consultation_id=c.id,
            section_id=sid,
            text="x",
            lang="ar",
            client="a",
            now=NOW,
            person=person(s, stranger),
        )
    assert e.value.problems[0].code is P.NOT_VERIFIED
    with world.ws.transaction() as s:
        started = people.start(
            s,
            secret=SECRET,
            sender=outbox(world),
            contact="٠٧٧٠ ١٢٣ ٤٥٦٧",
            profile=people.Profile(sex="female"),
        )
    assert started.token is None and started.code_sent
    [message] = sent_codes(world)
    assert message["to"] == "+9647701234567" and message["kind"] == "phone"
    with world.ws.transaction() as s:
        assert (
            people.confirm(
                s,
                secret=SECRET,
                contact="07701234567",
                code="000000" if message["code"] != "000000" else "111111",
            )
            is None
        )
    with world.ws.transaction() as s:
        confirmed = people.confirm(
            s, secret=SECRET, contact="+964 770 123 4567", code=message["code"], now=NOW
        )
    assert confirmed is not None
    with world.ws.transaction() as s:
        C.add_comment(
            s,
            consultation_id=c.id,
            section_id=sid,
            text="Publish the service fees, my e-mail is a@b.iq",
            lang="ar",
            client="a",
            now=NOW,
            person=person(s, confirmed.token),
        )
    with world.ws.reader() as s:
        page = C.read_consultation(s, consultation_id=c.id, now=NOW).model_dump_json()
    assert "7701234567" not in page and "a@b.iq" not in page and "fees" in page


def test_a_code_is_refused_after_five_wrong_tries_or_when_expired(world):
    with world.ws.transaction() as s:
        people.start(s, secret=SECRET, sender=outbox(world), contact="someone@example.iq", now=NOW)
    code = sent_codes(world)[-1]["code"]
    wrong = "000000" if code != "000000" else "111111"
    with world.ws.transaction() as s:
        assert (
            people.confirm(
                s, secret=SECRET, contact="someone@example.iq", code=code, now=NOW + timedelta(hours=1)
            )
            is None
        )
    for _ in range(5):
        with world.ws.transaction() as s:
            assert people.confirm(s, secret=SECRET, contact="SOMEONE@example.iq", code=wrong, now=NOW) is None
    with world.ws.transaction() as s:
        assert people.confirm(s, secret=SECRET, contact="someone@example.iq", code=code, now=NOW) is None


def test_an_invited_consultation_takes_part_only_from_the_invited_institutions_staff(world):
    with world.ws.transaction() as s:
        c = C.open_consultation(
            s,
            world["fp_a"],
            owner="moa",
            title=t("Draft"),
            summary=t("Draft"),
            opens_at=NOW - timedelta(days=1),
            closes_at=NOW + timedelta(days=9),
            sections=[C.SectionIn(heading=t("Article 1"), body=t("One portal"))],
            options=C.Options(who="invited", invited=["mob"]),
        )
    sid = c.sections[0].id
    for who, ok in ((None, False), ("fp_a", False), ("fp_b", True)):
        actor = world[who] if who else None
        try:
            with world.ws.transaction() as s:
                C.add_comment(
                    s,
                    consultation_id=c.id,
                    section_id=sid,
                    text="x",
                    lang="en",
                    client=str(who),
                    now=NOW,
                    actor=actor,
                )
            assert ok, who
        except ValidationFailed as e:
            assert not ok and e.problems[0].code is P.NOT_ALLOWED


def test_forgetting_a_participant_removes_what_they_wrote_and_keeps_only_that_it_happened(world):
    from sqlalchemy import select

    from raqmana.store.models import AuditEvent

    c = open_one(world)
    token = anonymous(world)
    with world.ws.transaction() as s:
        C.add_comment(
            s,
            consultation_id=c.id,
            section_id=c.sections[0].id,
            text="my words",
            lang="en",
            client="a",
            now=NOW,
            person=person(s, token),
        )
    with world.ws.transaction() as s:
        gone = people.forget_participant(s, secret=SECRET, token=token)
    assert gone.comments == 1
    with world.ws.reader() as s:
        assert C.moderation_queue(s, world["fp_a"], consultation_id=c.id).comments == []
        assert people.participant(s, secret=SECRET, token=token) is None
        events = [
            str(e.after)
            for e in s.scalars(select(AuditEvent).where(AuditEvent.action == "participant.forget"))
        ]
    assert len(events) == 1 and "my words" not in events[0]


def test_options_are_checked(world):
    for options, code in (
        (C.Options(retention_days=5), P.RETENTION_RANGE),
        (C.Options(who="invited", invited=["nowhere"]), P.UNKNOWN_INSTITUTION),
    ):
        with pytest.raises(ValidationFailed) as e:
            open_one(world, options=options)
        assert e.value.problems[0].code is code


def test_a_section_shows_its_newest_comments_a_page_at_a_time(world):
    with world.ws.transaction() as s:
        c = C.open_consultation(
            s,
            world["fp_a"],
            owner="moa",
            title=t("Draft"),
            summary=t("Draft"),
            opens_at=NOW - timedelta(days=1),
            closes_at=NOW + timedelta(days=9),
            sections=[C.SectionIn(heading=t("Article 1"), body=t("One portal"))],
            options=C.Options(premoderated=False),
        )
        sid = c.sections[0].id
        for n in range(5):
            C.add_comment(
                s,
                consultation_id=c.id,
                section_id=sid,
                text=f"comment {n}",
                lang="en",
                client=f"c{n}",
                now=NOW + timedelta(minutes=n),
            )
    with world.ws.reader() as s:
        first = C.read_consultation(s, consultation_id=c.id, now=NOW, shown=2).sections[0]
        third = C.read_consultation(s, consultation_id=c.id, now=NOW, shown=2, page=3).sections[0]
    assert (
        [m.text for m in first.comments] == ["comment 3", "comment 4"] and first.more and first.published == 5
    )
    assert [m.text for m in third.comments] == ["comment 0"] and not third.more
