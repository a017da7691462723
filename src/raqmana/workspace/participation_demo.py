"""The demo's citizen feedback: illustrative complaints and ratings in Arabic, Sorani and English on real
institutions and services, some answered on time, some late, one still open past its deadline, one
referred, one hidden by moderation; imported through the ordinary exchange import, so each is labelled
illustrative and on the audit chain."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from raqmana.i18n.vocabulary import HideReason
from raqmana.participation import new_tracking
from raqmana.store.models import FeedbackCase
from raqmana.store.types import utcnow
from raqmana.workspace.actors import Actor
from raqmana.workspace.participation import moderate
from raqmana.workspace.participation_files import import_cases

#: (institution, service, kind, channel, rating, visits, text, received days ago, answered after days or
#: None, answer, what changed, state)
CASES = [
    (
        "moi",
        "passport",
        "complaint",
        "office",
        1,
        4,
        "راجعت مديرية الجوازات أربع مرات لأن الاستمارة كانت تُرفض كل مرة لسبب مختلف.",
        40,
        9,
        "تم توحيد قائمة المستمسكات المطلوبة ونشرها على بوابة أور.",
        "قائمة مستمسكات موحدة منشورة على بوابة أور وفي جميع المديريات.",
        "closed",
    ),
    (
        "moi",
        "national-card-appointment",
        "complaint",
        "online",
        2,
        2,
        "The booking site gave me an appointment, but the office said the system had no record of it.",
        35,
        22,
        "The booking system and the office system are now synchronised every night.",
        "Appointments are checked against the office list before they are confirmed.",
        "answered",
    ),
    (
        "mof",
        "retirement-pension",
        "complaint",
        "office",
        1,
        6,
        "زرت هيئة التقاعد ست مرات لتحديث بياناتي ولم يُحل الموضوع بعد.",
        30,
        None,
        None,
        None,
        "assigned",
    ),
    (
        "moh",
        "birth-certificate",
        "feedback",
        "office",
        4,
        1,
        "الموظفون كانوا متعاونين والمعاملة أُنجزت في يوم واحد.",
        25,
        None,
        None,
        None,
        "received",
    ),
    (
        "krg",
        None,
        "complaint",
        "phone",
        2,
        3,
        "سێ جار پەیوەندیم بە ھێڵی گەرمەوە کرد و کەس وەڵامی نەدایەوە.",
        28,
        5,
        "ژمارەی فەرمانبەرانی ھێڵی گەرم زیاد کرا و کاتی کارکردن درێژ کرایەوە.",
        "ھێڵی گەرم ئێستا تا کاتژمێر ٨ی ئێوارە وەڵام دەداتەوە.",
        "closed",
    ),
    (
        "gov-erbil",
        None,
        "complaint",
        "office",
        1,
        5,
        "بۆ مۆڵەتی بیناسازی پێنج جار سەردانی شارەوانیم کرد.",
        45,
        30,
        "داواکارییەکەت تەواو کرا؛ پێشکەشکردنی ئۆنلاین لە مانگی داھاتوودا دەست پێدەکات.",
        None,
        "answered",
    ),
    (
        "motr",
        "ration-card-member",
        "complaint",
        "agent",
        2,
        3,
        "Adding my newborn to the ration card needed three visits and a paid agent.",
        20,
        4,
        "The agent fee is not required; the form is now accepted at every ration agent.",
        "Newborns are added at the ration agent in one visit.",
        "answered",
    ),
    (
        "mof",
        "tax-card",
        "feedback",
        "online",
        5,
        0,
        "Obtained the tax card online without visiting; very quick.",
        12,
        None,
        None,
        None,
        "received",
    ),
    (
        "moj",
        "land-registry-extract",
        "complaint",
        "office",
        1,
        4,
        "المعاملة تحتاج كتاب تأييد من دائرة أخرى مع أن البيانات موجودة لديكم.",
        18,
        None,
        None,
        None,
        "received",
    ),
    (
        "mofa",
        None,
        "complaint",
        "online",
        3,
        1,
        "My question about document legalisation went to the wrong ministry.",
        10,
        None,
        None,
        None,
        "referred",
    ),
    (
        "moi",
        "vehicle-registration",
        "complaint",
        "office",
        1,
        2,
        "You are all thieves and liars.",
        8,
        1,
        "We have received your message.",
        None,
        "hidden",
    ),
]


def seed_feedback(session: Session, actor: Actor, *, now: datetime | None = None) -> int:
    """Add the illustrative cases once (when there are none yet); the number of illustrative cases."""
    count = select(func.count()).select_from(FeedbackCase).where(FeedbackCase.illustrative.is_(True))
    if session.scalar(count):
        return session.scalar(count) or 0
    now = now or utcnow()
    rows = []
    for org, service, kind, channel, rating, visits, text, ago, after, answer, change, state in CASES:
        received = now - timedelta(days=ago)
        answered = received + timedelta(days=after) if after is not None else None
        referrals = []
        if state == "referred":
            referrals = [
                {"from": "mofa", "to": "moi", "at": (received + timedelta(days=1)).isoformat(), "note": ""}
            ]
            org, state = "moi", "received"
        rows.append(
            {
                "tracking": new_tracking(),
                "kind": kind,
                "institution": org,
                "service": service or "",
                "state": "answered" if state == "hidden" else state,
                "rating": rating,
                "channel": channel,
                "visits": visits,
                "text": text,
                "answer": answer or "",
                "change_made": change or "",
                "received_at": received.isoformat(),
                "due_at": (received + timedelta(days=15)).isoformat(),
                "answered_at": answered.isoformat() if answered else "",
                "closed_at": (answered + timedelta(days=2)).isoformat()
                if answered and state == "closed"
                else "",
                "referrals": referrals,
                "contact_consent": "no",
                "illustrative": "yes",
            }
        )
    import_cases(
        session, actor, data=json.dumps(rows, ensure_ascii=False).encode(), filename="demo_feedback.json"
    )
    hidden = [str(r["tracking"]) for r, case in zip(rows, CASES, strict=True) if case[-1] == "hidden"]
    for tracking in hidden:
        moderate(session, actor, tracking, hide=True, reason=HideReason.ABUSIVE)
    return len(rows)
