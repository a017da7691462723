"""The demo's citizen participation (its texts in ``data/demo_participation.json``). Feedback: illustrative
complaints and ratings in Arabic, Sorani and English on real institutions and services, some answered on
time, some late, some still open past their deadline, one referred, one hidden by moderation; imported
through the ordinary exchange import, so each is labelled illustrative and on the audit chain. A
consultation on the draft roadmap, open, with illustrative comments (most published, one waiting for
moderation, one rejected). A closed consultation on a draft read from its Word file, with questions,
comments from participants who said where they live, and its published response report."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from raqmana.i18n import Translated
from raqmana.i18n.vocabulary import HideReason
from raqmana.participation import new_tracking
from raqmana.store.models import Consultation, FeedbackCase
from raqmana.store.models.participation import ConsultationParticipant
from raqmana.store.types import utcnow
from raqmana.workspace.actors import Actor
from raqmana.workspace.consultations import (
    Options,
    SectionIn,
    add_comment,
    moderate_comment,
    open_consultation,
)
from raqmana.workspace.participation import moderate
from raqmana.workspace.participation_drafts import read_draft
from raqmana.workspace.participation_files import import_cases
from raqmana.workspace.participation_people import Profile, participant, start
from raqmana.workspace.participation_questions import QuestionIn, answer, set_questions
from raqmana.workspace.participation_response import ResponseIn, ResponseItemIn, write_response

DEMO_FILE = "demo_participation.json"


@cache
def demo_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        resources.files("raqmana.workspace").joinpath("data", DEMO_FILE).read_text("utf-8")
    )
    return data


def _row(case: dict[str, Any], now: datetime) -> dict[str, Any]:
    received = now - timedelta(days=case["received_days_ago"])
    after = case["answered_after_days"]
    answered = received + timedelta(days=after) if after is not None else None
    org, state, referrals = case["institution"], case["state"], []
    if state == "referred":
        referrals = [{"from": org, "to": "moi", "at": (received + timedelta(days=1)).isoformat(), "note": ""}]
        org, state = "moi", "received"
    return {
        "tracking": new_tracking(),
        "kind": case["kind"],
        "institution": org,
        "service": case["service"] or "",
        "state": "answered" if state == "hidden" else state,
        "rating": case["rating"],
        "channel": case["channel"],
        "visits": case["visits"],
        "text": case["text"],
        "answer": case["answer"] or "",
        "change_made": case["change_made"] or "",
        "received_at": received.isoformat(),
        "due_at": (received + timedelta(days=15)).isoformat(),
        "answered_at": answered.isoformat() if answered else "",
        "closed_at": (answered + timedelta(days=2)).isoformat() if answered and state == "closed" else "",
        "referrals": referrals,
        "contact_consent": "no",
        "illustrative": "yes",
    }


def seed_feedback(session: Session, actor: Actor, *, now: datetime | None = None) -> int:
    """Add the illustrative cases once (when there are none yet); the number of illustrative cases."""
    count = select(func.count()).select_from(FeedbackCase).where(FeedbackCase.illustrative.is_(True))
    if session.scalar(count):
        return session.scalar(count) or 0
    now = now or utcnow()
    cases = demo_data()["cases"]
    rows = [_row(case, now) for case in cases]
    data = json.dumps(rows, ensure_ascii=False).encode()
    import_cases(session, actor, data=data, filename="demo_feedback.json")
    for row, case in zip(rows, cases, strict=True):
        if case["state"] == "hidden":
            moderate(session, actor, row["tracking"], hide=True, reason=HideReason.ABUSIVE)
    return len(rows)


def seed_consultation(session: Session, actor: Actor, *, now: datetime | None = None) -> int:
    """Open the illustrative consultation on the draft roadmap once, with comments in the three languages
    (most published, one waiting, one rejected); its id."""
    found = session.scalar(select(Consultation.id).where(Consultation.illustrative.is_(True)))
    if found is not None:
        return found
    now = now or utcnow()
    spec = demo_data()["consultation"]
    c = open_consultation(
        session,
        actor,
        owner=spec["owner"],
        title=Translated.model_validate(spec["title"]),
        summary=Translated.model_validate(spec["summary"]),
        opens_at=now - timedelta(days=10),
        closes_at=now + timedelta(days=20),
        sections=[SectionIn.model_validate(s) for s in spec["sections"]],
        illustrative=True,
    )
    for n, comment in enumerate(spec["comments"]):
        receipt = add_comment(
            session,
            consultation_id=c.id,
            section_id=c.sections[comment["section"]].id,
            text=comment["text"],
            lang="ar",
            client=f"demo-{n}",
            now=now - timedelta(days=9 - n),
            illustrative=True,
        )
        if comment["fate"] != "pending":
            published = comment["fate"] == "published"
            moderate_comment(
                session,
                actor,
                comment_id=receipt.id,
                publish=published,
                reason=None if published else HideReason.ABUSIVE,
            )
    return c.id


def draft_docx() -> bytes:
    """The illustrative draft of the closed consultation as a Word file (its text from the demo data)."""
    import io

    import docx

    document = docx.Document()
    for style, text in demo_data()["closed_consultation"]["document"]:
        if style.startswith("Heading"):
            document.add_heading(text, level=int(style[-1]))
        else:
            document.add_paragraph(text)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def seed_closed_consultation(
    session: Session, actor: Actor, *, secret: str, now: datetime | None = None
) -> int:
    """A closed illustrative consultation once: its draft read from a Word file, four questions answered,
    comments from participants who said their governorate, sex and age group (one rejected, one with a
    phone number that is masked), and its published response report; its id."""
    spec = demo_data()["closed_consultation"]
    title = Translated.model_validate(spec["title"])
    for existing in session.scalars(select(Consultation).where(Consultation.illustrative.is_(True))):
        if existing.title == title.model_dump():
            return existing.id
    now = now or utcnow()
    sections, facts = read_draft(draft_docx(), "draft-digital-identity-plan.docx", max_bytes=10 * 1024 * 1024)
    opens, closes = now - timedelta(days=60), now - timedelta(days=15)
    c = open_consultation(
        session,
        actor,
        owner=spec["owner"],
        title=title,
        summary=Translated.model_validate(spec["summary"]),
        opens_at=opens,
        closes_at=closes,
        sections=sections,
        options=Options(retention_days=365),
        document=facts,
        illustrative=True,
    )
    sender = _NoSender()
    people: list[ConsultationParticipant] = []
    receipts = []
    for n, comment in enumerate(spec["comments"]):
        profile = Profile(
            governorate=comment["governorate"], sex=comment["sex"], age_group=comment["age_group"]
        )
        token = start(session, secret=secret, sender=sender, profile=profile, illustrative=True).token
        person = participant(session, secret=secret, token=token)
        assert person is not None
        people.append(person)
        receipt = add_comment(
            session,
            consultation_id=c.id,
            section_id=c.sections[comment["section"]].id,
            text=comment["text"],
            lang="ar",
            client=f"demo-closed-{n}",
            now=opens + timedelta(days=2 + 4 * n),
            illustrative=True,
            person=person,
        )
        published = comment["fate"] == "published"
        moderate_comment(
            session,
            actor,
            comment_id=receipt.id,
            publish=published,
            reason=None if published else HideReason.SPAM,
        )
        receipts.append(receipt)
    questions = set_questions(
        session,
        actor,
        consultation_id=c.id,
        questions=[QuestionIn.model_validate(q) for q in spec["questions"]],
    )
    for q, raw in zip(questions, spec["questions"], strict=True):
        for person, value in zip(people, raw["answers"], strict=False):
            answer(
                session,
                consultation_id=c.id,
                answers={q.id: value},
                person=person,
                now=opens + timedelta(days=3),
            )
    items = [
        ResponseItemIn(
            section_id=c.sections[item["section"]].id,
            taken=item["taken"],
            text=Translated.model_validate(item["text"]),
            comment_ids=[receipts[i].id for i in item["comments"]],
        )
        for item in spec["response"]["items"]
    ]
    write_response(
        session,
        actor,
        consultation_id=c.id,
        now=closes + timedelta(days=7),
        data=ResponseIn(
            summary=Translated.model_validate(spec["response"]["summary"]), items=items, publish=True
        ),
    )
    return c.id


class _NoSender:
    """The demo's participants are anonymous: no code is sent."""

    def send(self, message: object) -> None:  # pragma: no cover - never called for anonymous participants
        raise AssertionError("no message in the demo")


def write_consultation_files(ws: Any, out: Path) -> list[Path]:
    """``out/consultations/``: the closed consultation's draft (Word), its response report (HTML, Word
    and PDF in each of the three languages), the analysis of its comments (CSV, XLSX) and its page as JSON."""
    from raqmana.workspace.actors import SYSTEM
    from raqmana.workspace.participation_analysis import export_analysis
    from raqmana.workspace.participation_public import page
    from raqmana.workspace.participation_response import read_response, response_file

    folder = out / "consultations"
    folder.mkdir(parents=True, exist_ok=True)
    spec = demo_data()["closed_consultation"]
    with ws.reader() as s:
        found = [
            c.id
            for c in s.scalars(select(Consultation).where(Consultation.illustrative.is_(True)))
            if c.title == spec["title"]
        ]
        if not found:
            return []
        cid = found[0]
        view = read_response(s, consultation_id=cid)
        shown = page(s, consultation_id=cid, secret="", token=None)  # nosec B106  # the public view: no participant secret
        files = {
            "draft-digital-identity-plan.docx": draft_docx(),
            "consultation.json": shown.model_dump_json(indent=1).encode(),
            "comments-analysis.csv": export_analysis(s, SYSTEM, consultation_id=cid, fmt="csv"),
            "comments-analysis.xlsx": export_analysis(s, SYSTEM, consultation_id=cid, fmt="xlsx"),
        }
    address = f"/public/consultations/{cid}/response"
    for lang in ("ar", "ckb", "en"):
        for fmt in ("html", "docx", "pdf"):
            files[f"response-{lang}.{fmt}"] = response_file(view, lang, fmt, address=address)
    written = []
    for name, data in files.items():
        (folder / name).write_bytes(data)
        written.append(folder / name)
    return written


def demo_consultation_files(settings: Any, out: Path) -> list[Path]:
    """:func:`write_consultation_files` on the demo workspace of ``settings``."""
    from raqmana.workspace.factory import open_workspace

    ws = open_workspace(settings)
    try:
        return write_consultation_files(ws, out)
    finally:
        ws.dispose()
