"""The demo's citizen participation (its texts in ``data/demo_participation.json``). Feedback: illustrative
complaints and ratings in Arabic, Sorani and English on real institutions and services, some answered on
time, some late, some still open past their deadline, one referred, one hidden by moderation; imported
through the ordinary exchange import, so each is labelled illustrative and on the audit chain. A
consultation on the draft roadmap, open, with illustrative comments (most published, one waiting for
moderation, one rejected)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from functools import cache
from importlib import resources
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from raqmana.i18n import Translated
from raqmana.i18n.vocabulary import HideReason
from raqmana.participation import new_tracking
from raqmana.store.models import Consultation, FeedbackCase
from raqmana.store.types import utcnow
from raqmana.workspace.actors import Actor
from raqmana.workspace.consultations import SectionIn, add_comment, moderate_comment, open_consultation
from raqmana.workspace.participation import moderate
from raqmana.workspace.participation_files import import_cases

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
