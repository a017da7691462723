"""Participants of consultations: anonymous, or with an e-mail address or phone number confirmed by a
code. A participant is known by a secret token their browser (or client) keeps; what they chose to say
about themselves (governorate, sex, age group) is only ever counted.

Nobody reads a participant's contact through raqmana: no view, export or audit event carries it. It is
kept to send codes, and removed with everything the person wrote when they ask for it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from raqmana.participation import errors as P
from raqmana.participation.verification import (
    MAX_ATTEMPTS,
    Message,
    Sender,
    code_expires,
    digest,
    new_code,
    new_token,
    normalise_contact,
)
from raqmana.problems import Location
from raqmana.store.models import ConsultationComment, Organisation
from raqmana.store.models.participation import ConsultationAnswer, ConsultationParticipant
from raqmana.store.types import utcnow
from raqmana.workspace.audit import record
from raqmana.workspace.exceptions import ValidationFailed
from raqmana.workspace.participation import PUBLIC, throttle
from raqmana.workspace.participation_retention import remove_comments

Sex = Literal["female", "male"]
AgeGroup = Literal["15-24", "25-34", "35-44", "45-54", "55-64", "65+"]


class Profile(BaseModel):
    """What a participant may choose to say about themselves (each optional)."""

    governorate: str | None = Field(None, max_length=64, description="code of a governorate")
    sex: Sex | None = None
    age_group: AgeGroup | None = None


class Started(BaseModel):
    """An anonymous participant's token at once; with a contact, a code was sent to it instead."""

    token: str | None = None
    code_sent: bool = False


class Confirmed(BaseModel):
    token: str
    verified: bool = True


def _key(secret: str) -> str:
    return "consultation participants\x00" + secret


def start(
    session: Session,
    *,
    secret: str,
    sender: Sender,
    contact: str | None = None,
    profile: Profile | None = None,
    lang: str = "ar",
    client: str = "",
    now: datetime | None = None,
    illustrative: bool = False,
) -> Started:
    """Take part anonymously (a token now) or with a contact (a code sent to it, confirmed by
    :func:`confirm`). Asking for a code counts against the public form's per-address limit."""
    now = now or utcnow()
    profile = profile or Profile()
    if (
        profile.governorate
        and session.scalar(select(Organisation.id).where(Organisation.code == profile.governorate)) is None
    ):
        raise ValidationFailed.one(
            P.UNKNOWN_INSTITUTION, Location(field="governorate"), value=profile.governorate[:64]
        )
    if not contact or not contact.strip():
        token = new_token()
        session.add(
            ConsultationParticipant(
                token_hash=digest(_key(secret), token),
                created_at=now,
                illustrative=illustrative,
                **profile.model_dump(),
            )
        )
        session.flush()
        return Started(token=token)
    found = normalise_contact(contact)
    if found is None:
        raise ValidationFailed.one(P.CONTACT_INVALID, Location(field="contact"), value=contact.strip()[:80])
    throttle(session, client, now)
    kind, value = found
    contact_hash = digest(_key(secret), f"{kind}:{value}")
    person = session.scalar(
        select(ConsultationParticipant).where(ConsultationParticipant.contact_hash == contact_hash)
    )
    if person is None:
        person = ConsultationParticipant(
            token_hash=digest(_key(secret), new_token()),  # replaced once the code is confirmed
            contact_kind=kind,
            contact=value,
            contact_hash=contact_hash,
            created_at=now,
            illustrative=illustrative,
        )
        session.add(person)
    for name, v in profile.model_dump().items():
        if v is not None:
            setattr(person, name, v)
    code = new_code()
    person.code_hash = digest(_key(secret), code)
    person.code_expires_at = code_expires(now)
    person.code_attempts = 0
    session.flush()
    sender.send(Message(kind=kind, to=value, code=code, lang=lang))
    return Started(code_sent=True)


def confirm(
    session: Session, *, secret: str, contact: str, code: str, now: datetime | None = None
) -> Confirmed | None:
    """The participant's new token once the code sent to ``contact`` is given back in time; None for a
    wrong code, which counts as one of five tries (so the caller commits, then refuses with
    :data:`~raqmana.participation.errors.CODE_WRONG`)."""
    now = now or utcnow()
    found = normalise_contact(contact)
    person = (
        session.scalar(
            select(ConsultationParticipant).where(
                ConsultationParticipant.contact_hash == digest(_key(secret), f"{found[0]}:{found[1]}")
            )
        )
        if found
        else None
    )
    if (
        person is None
        or person.code_hash is None
        or person.code_expires_at is None
        or person.code_expires_at < now
        or person.code_attempts >= MAX_ATTEMPTS
    ):
        return None
    if person.code_hash != digest(_key(secret), code.strip()):
        person.code_attempts += 1
        session.flush()
        return None
    token = new_token()
    person.token_hash = digest(_key(secret), token)
    person.verified_at = person.verified_at or now
    person.code_hash = person.code_expires_at = None
    person.code_attempts = 0
    session.flush()
    return Confirmed(token=token)


def wrong_code() -> ValidationFailed:
    return ValidationFailed.one(P.CODE_WRONG, Location(field="code"))


def participant(session: Session, *, secret: str, token: str | None) -> ConsultationParticipant | None:
    """The participant ``token`` stands for, or None."""
    if not token:
        return None
    return session.scalar(
        select(ConsultationParticipant).where(
            ConsultationParticipant.token_hash == digest(_key(secret), token)
        )
    )


def require_participant(session: Session, *, secret: str, token: str | None) -> ConsultationParticipant:
    person = participant(session, secret=secret, token=token)
    if person is None:
        raise ValidationFailed.one(P.PARTICIPANT_UNKNOWN, Location(field="participant"))
    return person


class Forgotten(BaseModel):
    comments: int
    answers: int


def forget_participant(session: Session, *, secret: str, token: str) -> Forgotten:
    """Deletion on request: everything the participant wrote, their answers, supports and contact go;
    the audit keeps that it happened and how much was removed, nothing of the content."""
    person = require_participant(session, secret=secret, token=token)
    written = list(
        session.scalars(select(ConsultationComment.id).where(ConsultationComment.participant_id == person.id))
    )
    comments = remove_comments(session, written)  # replies of others stay, under a placeholder
    answers = session.execute(
        delete(ConsultationAnswer).where(ConsultationAnswer.participant_id == person.id)
    )
    gone = Forgotten(comments=comments, answers=answers.rowcount or 0)  # type: ignore[attr-defined]
    pid = person.id
    session.delete(person)
    session.flush()
    record(session, PUBLIC, "participant.forget", "consultation_participant", pid, after=gone.model_dump())
    return gone
