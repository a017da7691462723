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


def test_the_demo_closes_a_consultation_on_a_word_draft_with_answers_and_a_published_response(
    world, tmp_path
):
    import csv
    import io

    from raqmana.workspace import consultations as C
    from raqmana.workspace import participation_questions as Q
    from raqmana.workspace import participation_response as R
    from raqmana.workspace.participation_demo import seed_closed_consultation, write_consultation_files

    with world.ws.transaction() as s:
        first = seed_closed_consultation(s, SYSTEM, secret="d" * 40)
    with world.ws.transaction() as s:
        assert seed_closed_consultation(s, SYSTEM, secret="d" * 40) == first
    with world.ws.reader() as s:
        c = C.read_consultation(s, consultation_id=first)
        response = R.read_response(s, consultation_id=first)
        questions = Q.questions_of(s, consultation_id=first)
    assert c.illustrative and not c.open and c.document_name.endswith(".docx")
    assert [x.number for x in c.sections if x.number] == ["1", "2", "3", "4"]
    assert response.published_at and response.received == 7 and response.governorates
    assert all(q.result and q.result.answered for q in questions)
    assert "07701234567" not in response.model_dump_json()
    files = {p.name: p for p in write_consultation_files(world.ws, tmp_path)}
    # the response report in each language, the PDF too
    assert all(files[f"response-{lang}.pdf"].read_bytes().startswith(b"%PDF") for lang in ("ar", "ckb", "en"))
    assert "response-ckb.html" in files and "draft-digital-identity-plan.docx" in files
    rows = list(csv.DictReader(io.StringIO(files["comments-analysis.csv"].read_text("utf-8-sig"))))
    assert len(rows) == 7 and {r["governorate"] for r in rows} >= {"gov-erbil", "gov-basra"}
