"""Consultations in the web beyond commenting: a focal point opens one from the form with a Word draft;
a visitor takes part anonymously (a cookie), replies, supports once, answers the questions; a participant
confirms a phone number with the code from the outbox; the owner reads the analysis and its CSV, writes
and publishes the response report, which everyone reads and downloads; a comment is deleted by its
tracking code. No participant's contact appears anywhere public."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta

from raqmana.participation.questions import QuestionKind
from raqmana.participation.verification import outbox_path
from raqmana.workspace import SYSTEM
from raqmana.workspace import consultations as C
from raqmana.workspace import participation_questions as Q
from tests.documents.pdfs import docx_bytes
from tests.web.test_participation_consultations import t


def test_a_focal_point_opens_a_consultation_from_the_form_with_a_word_draft(world, as_user):
    focal = as_user("focal")
    assert "multipart/form-data" in focal.get("/consultations/new").text
    today = datetime.now(UTC).date()
    draft = docx_bytes(
        [("", "المادة 1: تنشر الوزارة خدماتها القنصلية إلكترونياً."), ("", "المادة 2: تحمى البيانات.")]
    )
    r = focal.post(
        "/consultations/new",
        data={
            "csrf_token": focal.csrf("/consultations/new"),
            "owner": "mofa",
            "title_ar": "مسودة قانون",
            "title_en": "Draft law",
            "opens_on": today.isoformat(),
            "closes_on": (today + timedelta(days=10)).isoformat(),
            "who": "anyone",
            "retention_days": "365",
        },
        files={"file": ("draft.docx", draft, "application/octet-stream")},
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text
    page = focal.get(r.headers["location"]).text
    assert "تنشر الوزارة خدماتها القنصلية" in page and "تحمى البيانات" in page and "draft.docx" in page
    refused = focal.post(
        "/api/v1/consultations/new",
        data={
            "owner": "mofa",
            "title_en": "x",
            "opens_on": today.isoformat(),
            "closes_on": today.isoformat(),
        },
        files={"file": ("draft.pdf", b"not a pdf at all", "application/pdf")},
        headers={"X-CSRF-Token": focal.csrf("/account")},
    )
    assert refused.status_code == 422 and refused.json()["errors"][0]["code"].startswith("DC")
    assert as_user("rev").get("/consultations/new").status_code == 403  # a reviewer opens none


def open_with_question(world):
    now = datetime.now(UTC)
    with world.ws.transaction() as s:
        c = C.open_consultation(
            s,
            SYSTEM,
            owner="mofa",
            title=t("Draft"),
            summary=t("Draft"),
            opens_at=now - timedelta(days=1),
            closes_at=now + timedelta(days=10),
            sections=[C.SectionIn(heading=t("Article 1"), body=t("Visas online"))],
            options=C.Options(premoderated=False),
        )
        Q.set_questions(
            s,
            SYSTEM,
            consultation_id=c.id,
            questions=[
                Q.QuestionIn(kind=QuestionKind.SINGLE, prompt=t("First?"), options=[t("Visas"), t("IDs")])
            ],
        )
    return c


def test_a_visitor_takes_part_anonymously_replies_supports_once_and_answers(world, client):
    c = open_with_question(world)
    page = f"/public/consultations/{c.id}"
    r = client.form("/public/consultations/participants", {"next": page}, page=page)
    assert r.status_code == 303 and "rq_participant" in client.cookies
    sent = client.form(
        f"{page}/comments", {"section_id": str(c.sections[0].id), "text": "Yes please"}, page=page
    )
    assert sent.status_code == 201 and re.search(r"RQ-[0-9A-Z]{4}-", sent.text)
    comment_id = client.get(f"/api/v1{page}").json()["consultation"]["sections"][0]["comments"][0]["id"]
    reply = client.form(
        f"{page}/comments",
        {"section_id": str(c.sections[0].id), "text": "Agreed", "parent_id": str(comment_id)},
        page=page,
    )
    assert reply.status_code == 201
    for _ in range(2):
        assert client.form(f"{page}/comments/{comment_id}/support", {}, page=page).status_code == 303
    shown = client.get(f"/api/v1{page}").json()
    top = shown["consultation"]["sections"][0]["comments"][0]
    assert top["supports"] == 1 and [x["text"] for x in top["replies"]] == ["Agreed"]
    assert shown["visitor"] == {"participant": True, "verified": False}
    qid = shown["questions"][0]["id"]
    assert client.form(f"{page}/answers", {f"q-{qid}": "1"}, page=page).status_code == 303
    bad = client.post(f"/api/v1{page}/answers", json={"answers": {str(qid): 7}})
    assert bad.status_code == 422 and bad.json()["errors"][0]["code"] == "CP038", bad.text


def test_a_participant_confirms_a_phone_with_the_code_and_the_contact_is_never_shown(world, client):
    c = open_with_question(world)
    page = f"/public/consultations/{c.id}"
    asked = client.post("/api/v1/public/consultations/participants", json={"contact": "0770 123 4567"})
    assert asked.status_code == 200 and asked.json() == {"token": None, "code_sent": True}
    code = json.loads(outbox_path(world.settings.data_dir).read_text().splitlines()[-1])["code"]
    wrong = client.post(
        "/api/v1/public/consultations/participants/confirm", json={"contact": "07701234567", "code": "x"}
    )
    assert wrong.status_code == 422 and wrong.json()["errors"][0]["code"] == "CP042"
    ok = client.post(
        "/api/v1/public/consultations/participants/confirm", json={"contact": "07701234567", "code": code}
    )
    token = ok.json()["token"]
    sent = client.post(
        f"/api/v1{page}/comments",
        json={"section_id": c.sections[0].id, "text": "Call me on 0770 123 4567", "participant": token},
    )
    assert sent.status_code == 201
    for path in (page, f"/api/v1{page}", "/public/consultations"):
        body = client.get(path).text
        assert "123 4567" not in body and "7701234567" not in body


def test_the_owner_analyses_and_publishes_the_response_that_everyone_downloads(world, client, as_user):
    c = open_with_question(world)
    page = f"/public/consultations/{c.id}"
    client.post(
        f"/api/v1{page}/comments", json={"section_id": c.sections[0].id, "text": "=1+1 more internet"}
    )
    focal = as_user("focal")
    csv = focal.get(f"/consultations/{c.id}/analysis.csv")
    assert csv.status_code == 200 and "'=1+1 more internet" in csv.content.decode("utf-8-sig")
    assert focal.get(f"/api/v1/consultations/{c.id}/analysis").json()["received"] == 1
    assert as_user("outsider").get(f"/consultations/{c.id}/analysis").status_code == 403
    with world.ws.transaction() as s:  # the consultation closes
        from raqmana.store.models import Consultation

        s.get(Consultation, c.id).closes_at = datetime.now(UTC) - timedelta(minutes=1)
    comment_id = client.get(f"/api/v1{page}").json()["consultation"]["sections"][0]["comments"][0]["id"]
    assert client.get(f"{page}/response").status_code == 404
    done = focal.form(
        f"/consultations/{c.id}/response",
        {
            "summary_en": "Thank you",
            "section_1": str(c.sections[0].id),
            "taken_1": "yes",
            "item_1_en": "Internet access added",
            "comments_1": str(comment_id),
            "publish": "yes",
        },
        page=f"/consultations/{c.id}/response",
    )
    assert done.status_code == 303
    public = client.get(f"{page}/response?lang=en")
    assert public.status_code == 200 and "Internet access added" in public.text
    assert (
        client.get(f"/api/v1{page}/response").json()["response"]["items"][0]["comments"][0]["id"]
        == comment_id
    )
    pdf = client.get(f"{page}/response.ar.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert "attachment" in pdf.headers["content-disposition"]
    assert client.get(f"{page}/response.ckb.docx").content[:2] == b"PK"


def test_a_comment_is_deleted_by_its_tracking_code(world, client):
    c = open_with_question(world)
    page = f"/public/consultations/{c.id}"
    sent = client.post(
        f"/api/v1{page}/comments", json={"section_id": c.sections[0].id, "text": "Mine"}
    ).json()
    gone = client.form("/public/consultations/forget", {"tracking": sent["tracking"]}, page=page)
    assert gone.status_code == 200
    assert client.get(f"/api/v1{page}").json()["consultation"]["published_comments"] == 0


def test_the_owner_sets_the_questions_from_the_edit_form(world, client, as_user):
    c = open_with_question(world)
    focal = as_user("focal")
    edit = f"/consultations/{c.id}/edit"
    assert all(f'name="questions_{lang}"' in focal.get(edit).text for lang in ("ar", "ckb", "en"))
    done = focal.form(
        f"/consultations/{c.id}/questions",
        {
            "questions_ar": "single: أي خدمة أولاً؟ | الجوازات | البطاقة\nlikert: البوابة سهلة",
            "questions_en": "Which service first? | Passports | ID card\nThe portal is easy",
            "questions_lang": "ar",
        },
        page=edit,
    )
    assert done.status_code == 303
    shown = client.get(f"/api/v1/public/consultations/{c.id}").json()["questions"]
    assert [
        (q["kind"], q["prompt"]["ar"], q["prompt"]["en"], len(q["options"]), q["lang"]) for q in shown
    ] == [
        ("single", "أي خدمة أولاً؟", "Which service first?", 2, "ar"),
        ("likert", "البوابة سهلة", "The portal is easy", 0, "ar"),
    ]
    assert "Which service first?" in focal.get(edit).text  # the form shows the translation to change
    page = f"/public/consultations/{c.id}"
    client.form("/public/consultations/participants", {"next": page}, page=page)  # taking part: the form
    english = client.get(f"/public/consultations/{c.id}?lang=en").text
    assert "Which service first?" in english and "أي خدمة" not in english
    sorani = client.get(f"/public/consultations/{c.id}?lang=ckb").text  # no Sorani: as written, marked
    assert '<span lang="ar" dir="rtl">أي خدمة أولاً؟</span>' in sorani
    bad = focal.form(f"/consultations/{c.id}/questions", {"questions_text": "poll: x"}, page=edit)
    assert bad.status_code == 422 and "CP050" in bad.text
