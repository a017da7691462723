"""Citizen participation: feedback and complaints on an institution or a service.

Pure domain code (no web, no database): the case state machine, the answer deadline, tracking numbers,
the KPI "complaints answered on time", the published "you said, we did" record and the exchange format
(CSV/JSON with tracking numbers and referral history) shared with other complaint systems.
"""

from raqmana.participation.cases import (
    CaseFacts,
    OnTime,
    YouSaidWeDid,
    answered_on_time,
    due_at,
    may_move,
    you_said_we_did,
)
from raqmana.participation.tracking import new_tracking, normalise_tracking

__all__ = [
    "CaseFacts",
    "OnTime",
    "YouSaidWeDid",
    "answered_on_time",
    "due_at",
    "may_move",
    "new_tracking",
    "normalise_tracking",
    "you_said_we_did",
]
