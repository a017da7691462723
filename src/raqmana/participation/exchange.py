"""The exchange format of cases with other complaint systems (Iraq's Citizen Government network, the
Kurdistan Region's complaints system …): one row per case, the same columns in CSV and JSON, tracking
numbers kept, referral history as a list of ``{"from", "to", "at", "note"}``.

``contact`` is written only when the person agreed to share it; reading a file checks every cell and
locates every problem (row and column) before anything is applied.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from raqmana.i18n.vocabulary import CaseState, Channel, FeedbackKind
from raqmana.participation import errors as E
from raqmana.participation.tracking import normalise_tracking
from raqmana.problems import Location, Problem

COLUMNS = (
    "tracking",
    "kind",
    "institution",
    "service",
    "state",
    "rating",
    "channel",
    "visits",
    "text",
    "answer",
    "change_made",
    "received_at",
    "due_at",
    "answered_at",
    "closed_at",
    "contact",
    "contact_consent",
    "referrals",
    "illustrative",
)
REQUIRED = ("tracking", "kind", "institution", "state", "channel", "text", "received_at", "due_at")
MAX_TEXT = 4000


@dataclass(frozen=True)
class CaseRow:
    """One case as the exchange format carries it."""

    tracking: str
    kind: FeedbackKind
    institution: str
    state: CaseState
    channel: Channel
    text: str
    received_at: datetime
    due_at: datetime
    service: str | None = None
    rating: int | None = None
    visits: int | None = None
    answer: str | None = None
    change_made: str | None = None
    answered_at: datetime | None = None
    closed_at: datetime | None = None
    contact: str | None = None
    contact_consent: bool = False
    referrals: list[dict[str, Any]] = field(default_factory=list)
    illustrative: bool = False


def to_row(case: CaseRow) -> dict[str, str]:
    """``case`` as text cells (contact only with the person's consent)."""

    def when(d: datetime | None) -> str:
        return d.isoformat() if d else ""

    return {
        "tracking": case.tracking,
        "kind": str(case.kind),
        "institution": case.institution,
        "service": case.service or "",
        "state": str(case.state),
        "rating": "" if case.rating is None else str(case.rating),
        "channel": str(case.channel),
        "visits": "" if case.visits is None else str(case.visits),
        "text": case.text,
        "answer": case.answer or "",
        "change_made": case.change_made or "",
        "received_at": when(case.received_at),
        "due_at": when(case.due_at),
        "answered_at": when(case.answered_at),
        "closed_at": when(case.closed_at),
        "contact": (case.contact or "") if case.contact_consent else "",
        "contact_consent": "yes" if case.contact_consent else "no",
        "referrals": json.dumps(case.referrals, ensure_ascii=False) if case.referrals else "",
        "illustrative": "yes" if case.illustrative else "no",
    }


Locate = Callable[[str], Location]


def parse_row(values: dict[str, Any], loc: Locate) -> tuple[CaseRow | None, list[Problem]]:
    """One row of a file (text cells, or JSON values) as a case, or the located problems."""
    problems: list[Problem] = []
    cell = {c: ("" if values.get(c) is None else str(values.get(c)).strip()) for c in COLUMNS}
    if isinstance(values.get("referrals"), list):
        cell["referrals"] = json.dumps(values["referrals"], ensure_ascii=False)

    def bad(column: str) -> None:
        problems.append(Problem(E.BAD_VALUE, loc(column), {"value": cell[column][:80], "column": column}))

    for column in REQUIRED:
        if not cell[column]:
            problems.append(Problem(E.MISSING_COLUMN, loc(column), {"column": column}))
    tracking = normalise_tracking(cell["tracking"]) if cell["tracking"] else None
    if cell["tracking"] and tracking is None:
        problems.append(Problem(E.TRACKING_INVALID, loc("tracking"), {"value": cell["tracking"][:40]}))

    def choice(column: str, enum: Any) -> Any:
        if not cell[column]:
            return None
        try:
            return enum(cell[column])
        except ValueError:
            bad(column)
            return None

    def number(column: str, low: int, high: int) -> int | None:
        if not cell[column]:
            return None
        try:
            n = int(cell[column])
        except ValueError:
            n = low - 1
        if not low <= n <= high:
            bad(column)
            return None
        return n

    def date(column: str) -> datetime | None:
        if not cell[column]:
            return None
        try:
            d = datetime.fromisoformat(cell[column])
        except ValueError:
            bad(column)
            return None
        if d.tzinfo is None:
            d = d.replace(tzinfo=UTC)
        return d

    def flag(column: str) -> bool:
        v = cell[column].lower()
        if v in ("", "no", "false", "0"):
            return False
        if v in ("yes", "true", "1"):
            return True
        bad(column)
        return False

    kind, state, channel = (
        choice("kind", FeedbackKind),
        choice("state", CaseState),
        choice("channel", Channel),
    )
    rating, visits = number("rating", 1, 5), number("visits", 0, 1000)
    received, due, answered, closed = (date(c) for c in ("received_at", "due_at", "answered_at", "closed_at"))
    for column in ("text", "answer", "change_made"):
        if len(cell[column]) > MAX_TEXT:
            problems.append(Problem(E.TEXT_TOO_LONG, loc(column), {"max": MAX_TEXT}))
    referrals: list[dict[str, Any]] = []
    if cell["referrals"]:
        try:
            parsed = json.loads(cell["referrals"])
        except ValueError:
            parsed = None
        if not isinstance(parsed, list) or not all(isinstance(r, dict) for r in parsed):
            bad("referrals")
        else:
            referrals = [{k: str(r.get(k, "")) for k in ("from", "to", "at", "note")} for r in parsed]
    consent, illustrative = flag("contact_consent"), flag("illustrative")
    if problems:
        return None, problems
    assert tracking and kind and state and channel and received and due
    return (
        CaseRow(
            tracking=tracking,
            kind=kind,
            institution=cell["institution"],
            state=state,
            channel=channel,
            text=cell["text"],
            received_at=received,
            due_at=due,
            service=cell["service"] or None,
            rating=rating,
            visits=visits,
            answer=cell["answer"] or None,
            change_made=cell["change_made"] or None,
            answered_at=answered,
            closed_at=closed,
            contact=(cell["contact"] or None) if consent else None,
            contact_consent=consent,
            referrals=referrals,
            illustrative=illustrative,
        ),
        [],
    )
