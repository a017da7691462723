"""A comment deleted by its author after someone replied: the public page and its JSON twin keep the reply
where it was, under a "comment removed" placeholder in the reader's language, without the deleted text;
the same when a moderator rejects a comment that has a published reply."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from raqmana.workspace import SYSTEM
from raqmana.workspace import consultations as C
from tests.web.test_participation_consultations import t

REMOVED = {"ar": "حُذف هذا التعليق", "ckb": "ئەم لێدوانە سڕاوەتەوە", "en": "Comment removed"}


def open_unmoderated(world) -> C.ConsultationView:
    now = datetime.now(UTC)
    with world.ws.transaction() as s:
        return C.open_consultation(
            s,
            SYSTEM,
            owner="mofa",
            title=t("Draft consular services strategy"),
            summary=t("Comment on each article"),
            opens_at=now - timedelta(days=1),
            closes_at=now + timedelta(days=30),
            sections=[C.SectionIn(heading=t("Article 1"), body=t("Visas are issued online"))],
            options=C.Options(premoderated=False),
        )


def thread(client, c):
    page = f"/api/v1/public/consultations/{c.id}"
    section = c.sections[0].id
    first = client.post(f"{page}/comments", json={"section_id": section, "text": "Secret words of mine"})
    assert first.status_code == 201, first.text
    reply = client.post(
        f"{page}/comments",
        json={"section_id": section, "text": "A reply that stays", "parent_id": first.json()["id"]},
    )
    assert reply.status_code == 201, reply.text
    return first.json(), reply.json()


def check_placeholder(client, c, first):
    for lang, words in REMOVED.items():
        html = client.get(f"/public/consultations/{c.id}?lang={lang}").text
        assert words in html and "Secret words" not in html
        item = re.search(rf'<li[^>]*id="c-{first["id"]}".*?</li>\s*</ul>', html, re.S)
        assert item and "A reply that stays" in item.group(0)  # the reply under the placeholder
    shown = client.get(f"/api/v1/public/consultations/{c.id}").json()["consultation"]["sections"][0]
    assert [(m["id"], m["removed"], m["text"]) for m in shown["comments"]] == [(first["id"], True, "")]
    assert [r["text"] for r in shown["comments"][0]["replies"]] == ["A reply that stays"]
    assert shown["published"] == 0


def test_a_comment_deleted_by_its_author_keeps_its_reply_under_a_placeholder(world, client):
    c = open_unmoderated(world)
    first, _ = thread(client, c)
    gone = client.form(
        "/public/consultations/forget", {"tracking": first["tracking"]}, page=f"/public/consultations/{c.id}"
    )
    assert gone.status_code == 200
    check_placeholder(client, c, first)


def test_a_comment_rejected_after_a_reply_keeps_the_reply_under_a_placeholder(world, client, as_user):
    c = open_unmoderated(world)
    first, _ = thread(client, c)
    focal = as_user("focal")
    done = focal.form(
        f"/consultations/{c.id}/comments/{first['id']}/moderate",
        {"publish": "false", "reason": "personal_data"},
        page=f"/consultations/{c.id}/moderation",
    )
    assert done.status_code == 303
    check_placeholder(client, c, first)
