"""What the public pages show, as two version strings read in one small query: the web keeps finished
public pages until their version changes (:mod:`raqmana.web.public_edge`).

* ``portal``: the latest publication's number and how many publications were withdrawn. The portal shows
  only the latest publication not withdrawn, and a publication never changes once made.
* ``consultations``: the audit chain's last sequence number (every moderation, edit, comment, deletion,
  response report and purge is audited), the last support given (supports are counted on the page), and
  how many consultations have opened and closed by now (a consultation opens and closes with the clock,
  without any write).

Neither reads a table that grows with the data except through its primary key or an aggregate over the
small tables (publications, consultations)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from raqmana.store.models import AuditHead, Consultation, Publication
from raqmana.store.models.participation import ConsultationSupport
from raqmana.store.types import utcnow


@dataclass(frozen=True, slots=True)
class PublicVersion:
    portal: str
    consultations: str


def read(session: Session, *, now: datetime | None = None) -> PublicVersion:
    now = now or utcnow()
    row = session.execute(
        select(
            select(func.max(Publication.version)).scalar_subquery(),
            select(func.count(Publication.withdrawn_at)).scalar_subquery(),
            select(func.max(AuditHead.seq)).scalar_subquery(),
            select(func.max(ConsultationSupport.id)).scalar_subquery(),
            select(func.count(Consultation.id)).where(Consultation.opens_at <= now).scalar_subquery(),
            select(func.count(Consultation.id)).where(Consultation.closes_at <= now).scalar_subquery(),
        )
    ).one()
    published, withdrawn, seq, support, opened, closed = (v or 0 for v in row)
    return PublicVersion(
        portal=f"{published}.{withdrawn}", consultations=f"{seq}.{support}.{opened}.{closed}"
    )
