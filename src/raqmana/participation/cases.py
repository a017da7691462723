"""A case's life: received → assigned → answered → closed, its deadline and the KPIs over many cases."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from raqmana.i18n.vocabulary import CaseState
from raqmana.participation.privacy import mask_personal

#: the moves a case may make (a referral keeps the state: it changes who handles the case)
MOVES: dict[CaseState, frozenset[CaseState]] = {
    CaseState.RECEIVED: frozenset({CaseState.ASSIGNED}),
    CaseState.ASSIGNED: frozenset({CaseState.ASSIGNED, CaseState.ANSWERED}),
    CaseState.ANSWERED: frozenset({CaseState.CLOSED}),
    CaseState.CLOSED: frozenset(),
}


def may_move(state: str, to: str) -> bool:
    return CaseState(to) in MOVES[CaseState(state)]


def due_at(received: datetime, days: int) -> datetime:
    """The answer is due ``days`` calendar days after the case was received."""
    return received + timedelta(days=days)


@dataclass(frozen=True, slots=True)
class CaseFacts:
    """What the KPIs need of one case."""

    state: str
    received_at: datetime
    due_at: datetime
    answered_at: datetime | None = None
    hidden: bool = False
    body: str = ""
    answer: str | None = None
    change_made: str | None = None
    org: str = ""


@dataclass(frozen=True, slots=True)
class OnTime:
    """The KPI "complaints answered on time" at ``now``: cases answered by their deadline over every case
    whose deadline has passed or that was answered (a case still inside its deadline is not counted yet)."""

    counted: int
    on_time: int
    late: int
    overdue_open: int
    open_in_time: int

    @property
    def share(self) -> float | None:
        return self.on_time / self.counted if self.counted else None


def answered_on_time(cases: Iterable[CaseFacts], now: datetime) -> OnTime:
    on_time = late = overdue = waiting = 0
    for c in cases:
        if c.answered_at is not None:
            if c.answered_at <= c.due_at:
                on_time += 1
            else:
                late += 1
        elif c.due_at < now:
            overdue += 1
        else:
            waiting += 1
    return OnTime(
        counted=on_time + late + overdue,
        on_time=on_time,
        late=late,
        overdue_open=overdue,
        open_in_time=waiting,
    )


@dataclass(frozen=True, slots=True)
class YouSaidWeDid:
    org: str
    said: str
    did: str
    answered_at: datetime


def you_said_we_did(cases: Iterable[CaseFacts]) -> list[YouSaidWeDid]:
    """The published record of what changed: answered or closed cases whose institution wrote what it
    changed, newest first; text hidden by moderation never appears, and personal data in what the person
    said is masked."""
    out = [
        YouSaidWeDid(org=c.org, said=mask_personal(c.body), did=c.change_made, answered_at=c.answered_at)
        for c in cases
        if c.change_made
        and c.answered_at is not None
        and not c.hidden
        and c.state in (CaseState.ANSWERED, CaseState.CLOSED)
    ]
    return sorted(out, key=lambda r: r.answered_at, reverse=True)
