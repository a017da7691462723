"""The pure part: tracking numbers, the state machine, the on-time KPI, "you said, we did" and masking."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from raqmana.i18n.vocabulary import CaseState
from raqmana.participation import (
    CaseFacts,
    answered_on_time,
    due_at,
    may_move,
    new_tracking,
    normalise_tracking,
    you_said_we_did,
)
from raqmana.participation.privacy import MASK, mask_personal

T0 = datetime(2026, 3, 1, 9, tzinfo=UTC)


def test_it_gives_tracking_numbers_that_read_back_however_they_are_typed():
    number = new_tracking()
    assert number.startswith("RQ-") and len(number) == len("RQ-XXXX-XXXX-XXXX-C")
    typed = number.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    assert normalise_tracking(typed) == number
    # a 0 or 1 in the check character too (a number whose check character is 0 was once refused)
    for check in "01":
        body = "".join(c for c in new_tracking()[3:-2] if c != "-")
        fixed = next(
            f"RQ-{b[:4]}-{b[4:8]}-{b[8:]}-{check}"
            for b in (body[:-1] + c for c in "0123456789ABCDEFGHJKMNPQRSTVWXYZ")
            if normalise_tracking(f"RQ{b}{check}") is not None
        )
        assert normalise_tracking(fixed.lower().replace("0", "o").replace("1", "l")) == fixed
    assert len({new_tracking() for _ in range(500)}) == 500
    assert all(re.fullmatch(r"RQ(-[0-9A-Z]{4}){3}-[0-9A-Z]", new_tracking()) for _ in range(200))


def test_it_refuses_a_mistyped_tracking_number():
    number = new_tracking()
    body = number.replace("-", "")[2:-1]
    swapped = body[1] + body[0] + body[2:]
    assert body[0] == body[1] or normalise_tracking("RQ" + swapped + number[-1]) is None
    wrong_check = number[:-1] + ("0" if number[-1] != "0" else "1")
    assert normalise_tracking(wrong_check) is None
    assert normalise_tracking("RQ-1234") is None
    assert normalise_tracking("<script>") is None


@pytest.mark.parametrize(
    ("state", "to", "allowed"),
    [
        ("received", "assigned", True),
        ("received", "answered", False),
        ("assigned", "answered", True),
        ("answered", "closed", True),
        ("closed", "received", False),
        ("answered", "assigned", False),
    ],
)
def test_it_moves_a_case_only_along_received_assigned_answered_closed(state, to, allowed):
    assert may_move(state, to) is allowed


def test_it_counts_complaints_answered_on_time_once_their_deadline_has_passed_or_they_were_answered():
    due = due_at(T0, 15)
    assert due == T0 + timedelta(days=15)
    cases = [
        CaseFacts("answered", T0, due, answered_at=T0 + timedelta(days=3)),
        CaseFacts("closed", T0, due, answered_at=T0 + timedelta(days=20)),
        CaseFacts("assigned", T0, due),  # overdue at "now"
        CaseFacts("received", T0 + timedelta(days=10), due_at(T0 + timedelta(days=10), 15)),  # still in time
    ]
    k = answered_on_time(cases, now=T0 + timedelta(days=16))
    assert (k.counted, k.on_time, k.late, k.overdue_open, k.open_in_time) == (3, 1, 1, 1, 1)
    assert k.share == pytest.approx(1 / 3)
    assert answered_on_time([], now=T0).share is None


def test_it_publishes_what_changed_without_hidden_text_and_with_personal_data_masked():
    done = T0 + timedelta(days=2)
    cases = [
        CaseFacts(
            "answered",
            T0,
            T0,
            answered_at=done,
            body="Queue too long, call 0770 123 4567",
            change_made="Online booking",
        ),
        CaseFacts("closed", T0, T0, answered_at=done, hidden=True, body="insult", change_made="nothing"),
        CaseFacts("answered", T0, T0, answered_at=done, body="no change asked"),
        CaseFacts("assigned", T0, T0, body="not answered yet", change_made="draft"),
    ]
    out = you_said_we_did(cases)
    assert [(r.said, r.did) for r in out] == [(f"Queue too long, call {MASK}", "Online booking")]


@pytest.mark.parametrize(
    "personal",
    [
        "07701234567",
        "0770 123 4567",
        "+964 770 123 4567",
        "٠٧٧٠١٢٣٤٥٦٧",
        "someone@example.iq",
        "IQ98 NBIQ 8501 2345 6789 012",
        "199012345678",
    ],
)
def test_it_masks_phone_numbers_emails_ibans_and_id_numbers(personal):
    masked = mask_personal(f"before {personal} after")
    assert personal not in masked and masked.startswith("before ") and masked.endswith(" after")
    assert MASK in masked


def test_it_keeps_small_numbers_that_are_not_personal():
    assert (
        mask_personal("It took 3 visits and 45 minutes in 2025") == "It took 3 visits and 45 minutes in 2025"
    )


def test_the_states_are_one_vocabulary():
    assert [str(s) for s in CaseState] == ["received", "assigned", "answered", "closed"]
