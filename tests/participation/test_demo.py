"""The demo's citizen feedback: labelled illustrative, in the three languages, some answered late, one
hidden, and added once."""

from __future__ import annotations

from raqmana.workspace import SYSTEM
from raqmana.workspace import participation as P
from raqmana.workspace.participation_demo import seed_feedback


def test_the_demo_adds_labelled_feedback_once_with_late_answers_and_a_hidden_text(world):
    with world.ws.transaction() as s:
        added = seed_feedback(s, SYSTEM)
    with world.ws.transaction() as s:
        assert seed_feedback(s, SYSTEM) == added  # nothing more the second time
    with world.ws.reader() as s:
        inbox = P.inbox(s, SYSTEM)
        changes = P.published_changes(s)
    assert len(inbox.cases) == added and all(c.illustrative for c in inbox.cases)
    k = inbox.on_time
    assert k.late >= 1 and k.on_time >= 1 and k.overdue_open >= 1
    texts = " ".join(c.text for c in inbox.cases)
    assert "مديرية" in texts and "ھێڵی" in texts and "booking" in texts  # ar, ckb, en
    assert any(c.hidden for c in inbox.cases)
    assert changes and not any("thieves" in c.said for c in changes)
    assert any(c.referrals for c in inbox.cases)


def test_the_demo_opens_a_consultation_on_the_draft_roadmap_with_moderated_comments(world):
    from raqmana.workspace import consultations as C
    from raqmana.workspace.participation_demo import seed_consultation

    with world.ws.transaction() as s:
        first = seed_consultation(s, SYSTEM)
    with world.ws.transaction() as s:
        assert seed_consultation(s, SYSTEM) == first
    with world.ws.reader() as s:
        c = C.read_consultation(s, consultation_id=first)
        queue = C.moderation_queue(s, SYSTEM, consultation_id=first)
    assert c.illustrative and c.open and c.title.ar.startswith("مسودة")
    shown = [m.text for s in c.sections for m in s.comments]
    assert len(shown) == 4 and not any("07701234567" in t or "فاسدون" in t for t in shown)
    assert sorted(m.state for m in queue.comments).count("pending") == 1
