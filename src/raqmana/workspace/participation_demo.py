"""The demo's citizen participation. Feedback: illustrative complaints and ratings in Arabic, Sorani and English on real
institutions and services, some answered on time, some late, one still open past its deadline, one
referred, one hidden by moderation; imported through the ordinary exchange import, so each is labelled
illustrative and on the audit chain. A consultation on the draft roadmap, open, with illustrative
comments (most published, one waiting for moderation, one rejected)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from raqmana.i18n import Translated
from raqmana.i18n.sorani import normalise
from raqmana.i18n.vocabulary import HideReason
from raqmana.participation import new_tracking
from raqmana.store.models import Consultation, FeedbackCase
from raqmana.store.types import utcnow
from raqmana.workspace.actors import Actor
from raqmana.workspace.consultations import SectionIn, add_comment, moderate_comment, open_consultation
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


def _t(en: str, ar: str, ckb: str) -> Translated:
    return Translated(en=en, ar=ar, ckb=normalise(ckb))


ROADMAP_SECTIONS = [
    (
        _t(
            "1. One portal for every service",
            "1. بوابة واحدة لكل الخدمات",
            "1. یەک دەروازە بۆ ھەموو خزمەتگوزارییەکان",
        ),
        _t(
            "Every ministry offers its services through the national portal by 2028.",
            "تقدّم كل وزارة خدماتها عبر البوابة الوطنية بحلول عام 2028.",
            "ھەموو وەزارەتێک تا ساڵی 2028 خزمەتگوزارییەکانی لە ڕێگەی دەروازەی نیشتمانییەوە پێشکەش دەکات.",
        ),
    ),
    (
        _t(
            "2. Data shared between agencies",
            "2. تبادل البيانات بين الدوائر",
            "2. ئاڵوگۆڕی داتا لە نێوان دامەزراوەکاندا",
        ),
        _t(
            "No citizen is asked for a document another agency already holds.",
            "لا يُطلب من المواطن مستمسك تحتفظ به دائرة أخرى.",
            "داوای بەڵگەنامەیەک لە ھاووڵاتی ناکرێت کە دامەزراوەیەکی تر ھەیەتی.",
        ),
    ),
    (
        _t(
            "3. Digital skills for civil servants",
            "3. المهارات الرقمية للموظفين",
            "3. کارامەیی دیجیتاڵی بۆ فەرمانبەران",
        ),
        _t(
            "Every civil servant who serves the public is trained by 2027.",
            "يُدرَّب كل موظف يقدّم خدمة للجمهور بحلول عام 2027.",
            "ھەموو فەرمانبەرێک کە خزمەت بە خەڵک دەکات تا ساڵی 2027 ڕادەھێنرێت.",
        ),
    ),
]
#: (section, comment, "published" | "rejected" | "pending")
ROADMAP_COMMENTS = [
    (
        0,
        "نرجو أن تعمل البوابة على الهاتف وبدون إنترنت سريع، فالكثير من القرى لديها تغطية ضعيفة.",
        "published",
    ),
    (
        0,
        "Please include the Kurdistan Region's services in the same portal, not a separate one.",
        "published",
    ),
    (1, "ئەگەر داتا ئاڵوگۆڕ بکرێت، دەبێت ھاووڵاتی بزانێت کێ سەیری داتاکەی کردووە.", "published"),
    (1, "اتصل بي على 07701234567 لأشرح المشكلة", "published"),
    (2, "Training should include the staff at governorate offices, not only in Baghdad.", "pending"),
    (2, "كلكم فاسدون", "rejected"),
]


def seed_consultation(session: Session, actor: Actor, *, now: datetime | None = None) -> int:
    """Open the illustrative consultation on the draft roadmap once, with comments in the three languages
    (most published, one waiting, one rejected); its id."""
    found = session.scalar(select(Consultation.id).where(Consultation.illustrative.is_(True)))
    if found is not None:
        return found
    now = now or utcnow()
    c = open_consultation(
        session,
        actor,
        owner="comsec",
        title=_t(
            "Draft digital transformation roadmap 2026–2030",
            "مسودة خارطة طريق التحول الرقمي 2026–2030",
            "ڕەشنووسی نەخشەڕێگای گۆڕانکاریی دیجیتاڵی 2026–2030",
        ),
        summary=_t(
            "Illustrative consultation: comment on each section of the draft roadmap.",
            "استشارة توضيحية: علّق على كل قسم من مسودة خارطة الطريق.",
            "ڕاوێژی نموونەیی: لەسەر ھەر بەشێکی ڕەشنووسی نەخشەڕێگاکە لێدوان بدە.",
        ),
        opens_at=now - timedelta(days=10),
        closes_at=now + timedelta(days=20),
        sections=[SectionIn(heading=h, body=b) for h, b in ROADMAP_SECTIONS],
        illustrative=True,
    )
    for n, (section, text, fate) in enumerate(ROADMAP_COMMENTS):
        receipt = add_comment(
            session,
            consultation_id=c.id,
            section_id=c.sections[section].id,
            text=text,
            lang="ar",
            client=f"demo-{n}",
            now=now - timedelta(days=9 - n),
            illustrative=True,
        )
        if fate != "pending":
            moderate_comment(
                session,
                actor,
                comment_id=receipt.id,
                publish=fate == "published",
                reason=None if fate == "published" else HideReason.ABUSIVE,
            )
    return c.id
