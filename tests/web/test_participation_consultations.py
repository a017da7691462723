"""Consultations in the web: anyone reads them and comments on a section while one is open, the comment
shows only once a moderator of the owner institution publishes it, and the JSON twins answer the same."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from raqmana.i18n import Translated
from raqmana.workspace import SYSTEM
from raqmana.workspace import consultations as C


def t(en: str) -> Translated:
    return Translated(en=en, ar=f"{en} بالعربية", ckb=f"{en} بە کوردی")


def open_one(world, *, days_left: int = 30) -> C.ConsultationView:
    now = datetime.now(UTC)
    with world.ws.transaction() as s:
        return C.open_consultation(
            s,
            SYSTEM,
            owner="mofa",
            title=t("Draft consular services strategy"),
            summary=t("Comment on each article"),
            opens_at=now - timedelta(days=40),
            closes_at=now + timedelta(days=days_left),
            sections=[C.SectionIn(heading=t("Article 1"), body=t("Visas are issued online"))],
        )


def test_a_comment_is_read_by_everyone_only_after_moderation(world, client, as_user):
    c = open_one(world)
    page = client.get(f"/public/consultations/{c.id}?lang=ckb")
    assert page.status_code == 200 and 'dir="rtl"' in page.text
    section = c.sections[0].id
    r = client.form(
        f"/public/consultations/{c.id}/comments",
        {"section_id": str(section), "text": "<b>Also for students</b>"},
        page=f"/public/consultations/{c.id}",
    )
    assert r.status_code == 201
    assert "Also for students" not in client.get(f"/public/consultations/{c.id}").text
    focal = as_user("focal")
    queue = focal.get(f"/api/v1/consultations/{c.id}/moderation").json()
    comment_id = queue["comments"][0]["id"]
    assert as_user("outsider").get(f"/api/v1/consultations/{c.id}/moderation").status_code == 403
    done = focal.form(
        f"/consultations/{c.id}/comments/{comment_id}/moderate", {"publish": "true"}, page="/participation"
    )
    assert done.status_code == 303
    shown = client.get(f"/public/consultations/{c.id}").text
    assert "&lt;b&gt;Also for students&lt;/b&gt;" in shown and "<b>Also" not in shown
    listed = client.get("/api/v1/public/consultations").json()["consultations"]
    assert [(x["id"], x["open"], x["published_comments"]) for x in listed] == [(c.id, True, 1)]


def test_a_closed_consultation_takes_no_comment_and_says_why(world, client):
    c = open_one(world, days_left=-1)
    r = client.post(
        f"/api/v1/public/consultations/{c.id}/comments?lang=ar",
        json={"section_id": c.sections[0].id, "text": "late"},
    )
    assert r.status_code == 422 and r.json()["errors"][0]["code"] == "CP030"
    assert "<textarea" not in client.get(f"/public/consultations/{c.id}").text


def test_an_institution_opens_a_consultation_through_the_api(world, as_user):
    focal = as_user("focal")
    body = {
        "owner": "mofa",
        "title": t("Draft").model_dump(),
        "summary": t("Summary").model_dump(),
        "opens_at": "2026-01-01T00:00:00+03:00",
        "closes_at": "2026-02-01T00:00:00+03:00",
        "sections": [{"heading": t("Article 1").model_dump(), "body": t("Text").model_dump()}],
    }
    token = focal.csrf("/account")
    r = focal.post("/api/v1/consultations", json=body, headers={"X-CSRF-Token": token})
    assert r.status_code == 201, r.text
    assert r.json()["sections"][0]["heading"]["en"] == "Article 1"
    r = focal.post("/api/v1/consultations", json={**body, "owner": "moi"}, headers={"X-CSRF-Token": token})
    assert r.status_code == 403


def test_a_refusal_names_the_institution_in_the_readers_language(world, as_user):
    from sqlalchemy import select

    from raqmana.store.models import Organisation

    c = open_one(world)
    with world.ws.transaction() as s:
        mofa = s.scalars(select(Organisation).where(Organisation.code == "mofa")).one()
        names = {"ar": mofa.name_ar, "ckb": mofa.name_ckb, "en": mofa.name_en}
    outsider = as_user("outsider")
    for lang, name in names.items():
        page = outsider.get(f"/consultations/{c.id}/moderation?lang={lang}")
        assert page.status_code == 403
        assert f"'{name}'" in page.text.replace("&#39;", "'") and "'mofa'" not in page.text.replace(
            "&#39;", "'"
        )
        api = outsider.get(f"/api/v1/consultations/{c.id}/moderation?lang={lang}").json()
        assert name in str(api)


def test_the_analysis_speaks_the_readers_language(world, as_user, monkeypatch):
    import numpy as np

    from raqmana.participation import themes
    from raqmana.participation.verification import OutboxSender, outbox_path
    from raqmana.workspace import participation_people as people

    def two_directions(texts):
        return np.vstack([np.eye(4, dtype=np.float32)[0 if "hotline" in x else 1] for x in texts])

    monkeypatch.setattr(themes, "_use", two_directions)
    c = open_one(world)
    sender = OutboxSender(outbox_path(world.settings.data_dir))
    for n, (text, sex) in enumerate(
        (("please add a hotline for the elderly", "female"), ("a hotline too", "male"))
    ):
        with world.ws.transaction() as s:
            token = people.start(
                s, secret="s" * 40, sender=sender, profile=people.Profile(sex=sex, age_group="25-34")
            ).token
            C.add_comment(
                s,
                consultation_id=c.id,
                section_id=c.sections[0].id,
                text=text,
                lang="en",
                client=f"10.0.0.{n}",
                person=people.require_participant(s, secret="s" * 40, token=token),
            )
    focal = as_user("focal")
    ar = focal.get(f"/consultations/{c.id}/analysis?lang=ar").text
    assert ">female<" not in ar and ">male<" not in ar and "النساء" in ar and "الرجال" in ar
    assert not re.search(r">\s*\d{4}-\d{2}-\d{2}\s*<", ar), "a day in Latin digits"
    assert "<bdi>please add a hotline for the elderly</bdi>" in ar
    assert "تعليقات متشابهة" in ar and "٢٥" in ar
    ckb = focal.get(f"/consultations/{c.id}/analysis?lang=ckb").text
    assert "ئافرەتان" in ckb and "لێدوانی هاوشێوە" not in ckb and "لێدوانی ھاوشێوە" in ckb
    api = focal.get(f"/api/v1/consultations/{c.id}/analysis?lang=ar").json()
    meaning = next(t for t in api["themes"] if t["method"] == "meaning")
    assert meaning["quote"] == "please add a hotline for the elderly"
    assert meaning["name"]["en"] == "Similar comments: “please add a hotline for the elderly”"
    assert api["by_day"][0]["day"] == api["by_day"][0]["key"]
