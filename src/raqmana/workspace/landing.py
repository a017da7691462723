"""Where each person starts after signing in: the page where their work is.

In the newest open round the person can read (or the newest round when none is open):

- a focal point lands on the questionnaire of the institution they answer for;
- a reviewer on the review queue;
- a coordinator (or administrator) on the round's progress;
- anyone else who can read the round (a viewer) on its results.

A person with several roles starts with the work that waits on them first: answering, then reviewing,
then following the round. Without any round, the list of rounds ("/") is the start.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from sqlalchemy import select
from sqlalchemy.orm import Session

from raqmana.i18n import Translated
from raqmana.store.models import Assessment, Organisation, User
from raqmana.workspace.actors import ROLE_LABELS, Actor
from raqmana.workspace.assessments import get_assessment, list_assessments, my_institutions


def start_page(session: Session, actor: Actor) -> str:
    """The path of the page where ``actor``'s work is (see the module's description)."""
    rounds = list_assessments(session, actor)
    if not rounds:
        return "/"
    current = next((a for a in rounds if a.status == "open"), rounds[0])
    base = f"/assessments/{current.id}"
    _, rights = get_assessment(session, actor, current.id)
    mine = my_institutions(session, actor, assessment_id=current.id)
    answering = [i for i in mine if i.rights.answer]
    if answering and not rights.manage:
        return f"{base}/institutions/{quote(answering[0].org.code, safe='')}"
    if any(i.rights.review for i in mine) and not rights.manage:
        return f"{base}/review"
    if rights.manage:
        return f"{base}/progress"
    return f"{base}/results"


@dataclass(frozen=True, slots=True)
class DemoAccount:
    """A login of the illustrative workspace, as the sign-in page lists it."""

    username: str
    password: str
    role: Translated  # the role in words
    institution: Translated | None  # the institution it works for (None: the whole government)


def demo_accounts(session: Session) -> list[DemoAccount]:
    """The demo's logins when the workspace holds an illustrative round (nothing otherwise).

    Their passwords are published on purpose (``raqmana demo`` prints them); a workspace without an
    illustrative round, or where an operator disabled a demo account, lists nothing of it.
    """
    from raqmana.workspace.demo import DEMO_SEED, DEMO_USERS, demo_password

    if session.scalar(select(Assessment.id).where(Assessment.illustrative.is_(True)).limit(1)) is None:
        return []
    names = {u for u, _, _, _ in DEMO_USERS}
    active = set(session.scalars(select(User.username).where(User.username.in_(names), User.is_active)))
    codes = {org for _, _, _, org in DEMO_USERS if org}
    orgs = {
        o.code: Translated(en=o.name_en, ar=o.name_ar or o.name_en, ckb=o.name_ckb or o.name_ar or o.name_en)
        for o in session.scalars(select(Organisation).where(Organisation.code.in_(codes)))
    }
    return [
        DemoAccount(username, demo_password(username, DEMO_SEED), ROLE_LABELS[role], orgs.get(org or ""))
        for username, _, role, org in DEMO_USERS
        if username in active
    ]
