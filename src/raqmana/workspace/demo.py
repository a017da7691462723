"""Demo seeding: the Iraqi institutions, demo users and an ILLUSTRATIVE assessment round whose answers
are generated (plausible per-pillar profiles), clearly labelled as illustrative in the data."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, insert, select

from raqmana.frameworks import AnswerType, Framework, Indicator
from raqmana.i18n import Translated
from raqmana.settings import Settings
from raqmana.store.models import (
    Assessment,
    AssessmentInstitution,
    Evidence,
    Organisation,
    Response,
    ResponseRevision,
    ReviewComment,
    User,
)
from raqmana.store.types import utcnow
from raqmana.workspace import passwords
from raqmana.workspace.actors import SYSTEM, Role
from raqmana.workspace.answers import Value
from raqmana.workspace.assessments import open_round
from raqmana.workspace.assignments import assign
from raqmana.workspace.audit import draft, record_many
from raqmana.workspace.auth import load_actor
from raqmana.workspace.factory import open_workspace
from raqmana.workspace.frameworks import register_framework
from raqmana.workspace.orgs import seed_iraq
from raqmana.workspace.participation_demo import seed_closed_consultation, seed_consultation, seed_feedback
from raqmana.workspace.results import round_country
from raqmana.workspace.services_demo import seed_services
from raqmana.workspace.users import create_user, grant_role, set_password

DEMO_NAME = Translated(
    en="Illustrative demo round", ar="جولة توضيحية تجريبية", ckb="خولی نموونەیی بۆ پیشاندان"
)
JUSTIFICATION = Translated(
    en="Illustrative generated answer for the demo, not a real assessment.",
    ar="إجابة توضيحية مولَّدة للعرض التجريبي، وليست تقييماً حقيقياً.",
    ckb="وەڵامێکی نموونەیی دروستکراو بۆ پیشاندان، نەک ھەڵسەنگاندنێکی ڕاستەقینە.",
)
RETURN_COMMENT = Translated(
    en="Illustrative review: please attach the document that supports this stage.",
    ar="مراجعة توضيحية: يرجى إرفاق المستند الذي يدعم هذه المرحلة.",
    ckb="پێداچوونەوەی نموونەیی: تکایە ئەو بەڵگەنامەیە ھاوپێچ بکە کە پشتگیری ئەم قۆناغە دەکات.",
)
TEXT_ANSWER = Translated(
    en="Illustrative answer (generated for the demo).",
    ar="إجابة توضيحية (مولَّدة للعرض التجريبي).",
    ckb="وەڵامی نموونەیی (بۆ پیشاندان دروستکراوە).",
)
EVIDENCE_NOTE = Translated(
    en="Illustrative link (not a real document)",
    ar="رابط توضيحي (ليس مستنداً حقيقياً)",
    ckb="بەستەری نموونەیی (بەڵگەنامەی ڕاستەقینە نییە)",
)
#: (username, display name, role, organisation code or None for the whole tree); the names are invented
#: Iraqi personal names, written as their bearers write them (Arabic script; Sorani for the people of Erbil
#: and the Kurdistan Region) and so the same on every page; a person's role and institution are shown from
#: their grants, in the reader's language
DEMO_USERS: list[tuple[str, str, Role, str | None]] = [
    ("demo-admin", "سامر عبد الله", Role.ADMIN, None),
    ("demo-coordinator", "أحمد كاظم الربيعي", Role.COORDINATOR, None),
    ("demo-fp-moc", "زينب حسين علي", Role.FOCAL_POINT, "moc"),
    ("demo-reviewer-moc", "علي جبار حسن", Role.REVIEWER, "moc"),
    ("demo-fp-mop", "مريم عبد الرزاق", Role.FOCAL_POINT, "mop"),
    ("demo-reviewer-mop", "حيدر سلمان داود", Role.REVIEWER, "mop"),
    ("demo-fp-erbil", "ھێرۆ عومەر", Role.FOCAL_POINT, "gov-erbil"),
    ("demo-reviewer-krg", "کاوە ئەحمەد", Role.REVIEWER, "krg"),
    ("demo-reviewer", "نور الهدى جاسم", Role.REVIEWER, None),
    ("demo-viewer", "مصطفى ناظم", Role.VIEWER, None),
]
#: the language a demo user writes in (others: Arabic)
DEMO_LOCALES = {"demo-fp-erbil": "ckb", "demo-reviewer-krg": "ckb"}
#: institutions that typically lead or lag (illustrative only)
_KIND_LEVEL = {
    "secretariat": 2.9,
    "independent_body": 2.6,
    "ministry": 2.3,
    "regional_body": 3.0,
    "region": 2.6,
    "governorate": 1.7,
}


@dataclass(frozen=True)
class DemoLogin:
    username: str
    password: str
    role: str
    org_code: str | None


@dataclass(frozen=True)
class DemoInfo:
    assessment_id: int
    institutions: int
    responses: int
    logins: list[DemoLogin] = field(default_factory=list)
    illustrative: bool = True
    #: the data directory already held the illustrative round: it is used as it is now, with any changes
    reused: bool = False


def demo_password(username: str, seed: int) -> str:
    """Demo passwords are predictable on purpose (printed by ``raqmana demo``); never use them in production."""
    return f"{username}-{seed}"


#: the seed of ``raqmana demo`` (its figures and its published passwords)
DEMO_SEED = 2026


def seed_demo(settings: Settings, *, framework: Framework, seed: int = DEMO_SEED) -> DemoInfo:
    """Create (or refresh the logins of) the demo workspace in ``settings``' database."""
    if settings.environment == "production":
        raise RuntimeError("refusing to seed illustrative demo data in production")
    ws = open_workspace(settings)
    try:
        with ws.transaction() as s:
            seed_iraq(s, SYSTEM)
            fv = register_framework(s, SYSTEM, framework)
            logins = _users(s, seed)
        with ws.transaction() as s:  # the service catalogue (illustrative figures), published
            seed_services(s, load_actor(s, _user_id(s, "demo-coordinator")))
        with ws.transaction() as s:  # citizen feedback and complaints (illustrative), some answered late
            seed_feedback(s, load_actor(s, _user_id(s, "demo-coordinator")))
            seed_consultation(s, load_actor(s, _user_id(s, "demo-coordinator")))
            coordinator = load_actor(s, _user_id(s, "demo-coordinator"))
            seed_closed_consultation(s, coordinator, secret=settings.secret_key)
        with ws.transaction() as s:
            existing = s.scalar(
                select(Assessment).where(
                    Assessment.illustrative.is_(True), Assessment.framework_version_id == fv.id
                )
            )
            if existing is not None:
                n = (
                    s.scalar(
                        select(func.count())
                        .select_from(Response)
                        .where(Response.assessment_id == existing.id)
                    )
                    or 0
                )
                insts = (
                    s.scalar(
                        select(func.count())
                        .select_from(AssessmentInstitution)
                        .where(AssessmentInstitution.assessment_id == existing.id)
                    )
                    or 0
                )
                return DemoInfo(existing.id, insts, n, logins, reused=True)
            coord = load_actor(s, _user_id(s, "demo-coordinator"))
            orgs = list(s.scalars(select(Organisation).order_by(Organisation.code)))
            a = open_round(
                s,
                coord,
                framework_version_id=fv.id,
                name=DEMO_NAME,
                period="2026",
                institution_codes=[o.code for o in orgs],
                target_stage=round_country(settings.country, framework.id).target_stage,
                illustrative=True,
            )
            _assign(s, a.id)
            n = _answers(s, a.id, framework, orgs, random.Random(seed))  # nosec B311  # reproducible illustrative answers, not a secret
        from raqmana.workspace.documents_demo import seed_documents

        seed_documents(ws, a.id)  # an illustrative plan analysed by a job, some suggestions accepted
        return DemoInfo(a.id, len(orgs), n, logins)
    finally:
        ws.dispose()


def _user_id(s: Any, username: str) -> int:
    uid = s.scalar(select(User.id).where(User.username == username))
    assert uid is not None
    return int(uid)


def _users(s: Any, seed: int) -> list[DemoLogin]:
    logins = []
    for username, display, role, org in DEMO_USERS:
        password = demo_password(username, seed)
        uid = s.scalar(select(User.id).where(User.username == username))
        if uid is None:
            uid = create_user(
                s,
                SYSTEM,
                username=username,
                password=password,
                display_name=display,
                locale=DEMO_LOCALES.get(username, "ar"),
                hasher=passwords.of(s).hash_published,
            ).id
        else:
            set_password(s, SYSTEM, user_id=uid, password=password, hasher=passwords.of(s).hash_published)
            s.get(User, uid).display_name = display  # a data directory seeded before the names changed
        grant_role(s, SYSTEM, user_id=uid, role=role, org_code=org)
        logins.append(DemoLogin(username, password, role.value, org))
    return logins


def _assign(s: Any, assessment_id: int) -> None:
    for username, _, role, org in DEMO_USERS:
        if role in (Role.FOCAL_POINT, Role.REVIEWER) and org and org != "krg":
            assign(
                s,
                SYSTEM,
                assessment_id=assessment_id,
                institution_code=org,
                user_id=_user_id(s, username),
                role=role,
            )


def _value(ind: Indicator, level: float, rng: random.Random, lang: str = "ar") -> Value:
    just = JUSTIFICATION.get(lang)
    if ind.na_allowed and rng.random() < 0.05:
        return Value(is_na=True, justification=just)
    if rng.random() < 0.03:
        return Value(dont_know=True, justification=just)
    x = max(0.0, min(5.0, level + rng.gauss(0, 0.6)))
    t = ind.answer_type
    if t is AnswerType.LADDER:
        return Value(stage=round(x), justification=just)
    if t is AnswerType.YES_NO:
        return Value(
            choice="yes" if rng.random() < 1 / (1 + math.exp(-(x - 2.2) * 1.5)) else "no", justification=just
        )
    if t is AnswerType.PERCENTAGE:
        return Value(number=round(min(100.0, max(0.0, x * 20 + rng.gauss(0, 5))), 1), justification=just)
    if t is AnswerType.NUMBER:
        lo, hi = ind.min_value or 0.0, ind.max_value if ind.max_value is not None else 100.0
        return Value(number=round(lo + (hi - lo) * x / 5, 1), justification=just)
    if t is AnswerType.CHOICE and ind.choices:
        ranked = sorted(ind.choices, key=lambda c: c.score)
        return Value(choice=ranked[min(len(ranked) - 1, int(x / 5 * len(ranked)))].value, justification=just)
    return Value(text=TEXT_ANSWER.get(lang), justification=just)


def _plan(rng: random.Random) -> list[str]:
    """The workflow steps an illustrative answer went through (most end accepted)."""
    roll = rng.random()
    if roll < 0.05:
        return ["save"]
    if roll < 0.10:
        return ["save", "submit"]
    if roll < 0.15:
        return ["save", "submit", "return"]
    return ["save", "submit", "accept"]


_STATE_AFTER = {"save": "draft", "submit": "submitted", "return": "returned", "accept": "accepted"}


@dataclass(frozen=True)
class _People:
    """Who answered and who reviewed one institution's illustrative answers, and in which language."""

    author_id: int
    author: str
    first_step: str  # "save" by the institution's own focal point, "import" when the coordinator entered them
    reviewer_id: int
    reviewer: str
    lang: str


def _people(s: Any, orgs: list[Organisation]) -> dict[int, _People]:
    """An institution's answers come from its demo focal point where there is one (else the coordinator,
    who imported the workbook it sent) and are reviewed by the closest demo reviewer (of the institution,
    of its region, else the national one). Generated texts are in the language the author writes:
    the focal point's own, else Sorani in the Kurdistan Region and Arabic elsewhere."""
    users = {
        u.username: u for u in s.scalars(select(User).where(User.username.in_([x[0] for x in DEMO_USERS])))
    }
    by_code = {o.code: o for o in orgs}
    focal = {org: users[name] for name, _, role, org in DEMO_USERS if role is Role.FOCAL_POINT and org}
    reviewers = [(org, users[name]) for name, _, role, org in DEMO_USERS if role is Role.REVIEWER]
    coordinator = users["demo-coordinator"]
    krg = by_code.get("krg")
    out = {}
    for o in orgs:
        covering = [
            (len(by_code[c].path) if c else 0, u)
            for c, u in reviewers
            if c is None or (c in by_code and o.path.startswith(by_code[c].path))
        ]
        reviewer = max(covering, key=lambda x: x[0])[1]
        fp = focal.get(o.code)
        lang = fp.locale if fp else ("ckb" if krg is not None and o.path.startswith(krg.path) else "ar")
        author = fp or coordinator
        out[o.id] = _People(
            author.id,
            author.display_name,
            "save" if fp else "import",
            reviewer.id,
            reviewer.display_name,
            lang,
        )
    return out


def _answers(s: Any, assessment_id: int, fw: Framework, orgs: list[Organisation], rng: random.Random) -> int:
    """Generate the answers with bulk inserts (thousands of rows: no per-object ORM work)."""
    people = _people(s, orgs)
    now = utcnow()
    planned: list[tuple[dict[str, Any], list[str], _People]] = []
    for org in orgs:
        who = people[org.id]
        base = _KIND_LEVEL.get(org.kind, 2.2) + rng.gauss(0, 0.6)
        partial = rng.random() < 0.1
        for p_index, p in enumerate(fw.pillars):
            if partial and p_index == len(fw.pillars) - 1:
                continue  # some institutions have not started their last page yet
            level = base + rng.gauss(0, 0.7)
            for sub in p.sub_areas:
                for ind in sub.indicators:
                    steps = _plan(rng)
                    v = _value(ind, level, rng, who.lang)
                    row = {
                        **_columns(v),
                        "assessment_id": assessment_id,
                        "org_id": org.id,
                        "indicator_id": ind.id,
                        "pillar_id": p.id,
                        "version": len(steps),
                        "state": _STATE_AFTER[steps[-1]],
                        "answered": v.answered,
                        "assessor_id": who.author_id,
                        "created_at": now,
                        "updated_at": now,
                        "submitted_at": now if len(steps) > 1 else None,
                        "reviewed_at": now if len(steps) > 2 else None,
                        "reviewed_by": who.reviewer_id if len(steps) > 2 else None,
                    }
                    planned.append((row, steps, who))
    s.execute(insert(Response), [row for row, _, _ in planned])
    key_to_id = {
        (o, i): rid
        for rid, o, i in s.execute(
            select(Response.id, Response.org_id, Response.indicator_id).where(
                Response.assessment_id == assessment_id
            )
        )
    }
    ids = [key_to_id[(row["org_id"], row["indicator_id"])] for row, _, _ in planned]
    revisions, comments, evidence, events = [], [], [], []
    for rid, (row, steps, who) in zip(ids, planned, strict=True):
        for version, step in enumerate(steps, start=1):
            by_reviewer = step in ("return", "accept")
            comment = RETURN_COMMENT.get(who.lang) if step == "return" else ""
            revisions.append(
                {
                    **_columns_of(row),
                    "response_id": rid,
                    "version": version,
                    "state": _STATE_AFTER[step],
                    "action": who.first_step if step == "save" else step,
                    "at": now,
                    "comment": comment,
                    "actor_id": who.reviewer_id if by_reviewer else who.author_id,
                    "actor_name": who.reviewer if by_reviewer else who.author,
                }
            )
            if comment:
                comments.append(
                    {
                        "response_id": rid,
                        "author_id": who.reviewer_id,
                        "author_name": who.reviewer,
                        "kind": "return",
                        "text": comment,
                        "response_version": version,
                        "at": now,
                    }
                )
        if row["stage"] is not None and row["stage"] >= 3 and rng.random() < 0.3:
            evidence.append(
                {
                    "response_id": rid,
                    "kind": "url",
                    "source_type": "document",
                    "uploaded_by": who.author_id,
                    "url": f"https://example.org/raqmana-demo/{row['org_id']}/{row['indicator_id']}",
                    "description": EVIDENCE_NOTE.get(who.lang),
                    "uploaded_at": now,
                }
            )
        events.append(
            draft(
                SYSTEM,
                "demo.response",
                "response",
                rid,
                after={**_columns_of(row), "state": row["state"], "illustrative": True},
            )
        )
    for model, rows in ((ResponseRevision, revisions), (ReviewComment, comments), (Evidence, evidence)):
        if rows:
            s.execute(insert(model), rows)
    record_many(s, events)
    return len(planned)


_VALUE_COLUMNS = ("stage", "number", "choice", "text", "is_na", "dont_know", "justification")


def _columns(v: Value) -> dict[str, Any]:
    return {k: getattr(v, k) for k in _VALUE_COLUMNS}


def _columns_of(row: dict[str, Any]) -> dict[str, Any]:
    return {k: row[k] for k in _VALUE_COLUMNS}
