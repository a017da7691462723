"""After a consultation: the analysis of what it received (themes by keyword and by meaning, counts by
day and by what participants chose to say), its export with the formula guard, the response report
written once it has closed and published in three languages as PDF, Word and HTML, and the retention
period and deletions on request that keep only the fact in the audit."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import numpy as np
import pytest
from sqlalchemy import select

from raqmana.participation import errors as P
from raqmana.participation.verification import OutboxSender, outbox_path
from raqmana.store.models import AuditEvent
from raqmana.workspace import NotFound, ValidationFailed
from raqmana.workspace import consultations as C
from raqmana.workspace import participation_analysis as A
from raqmana.workspace import participation_people as people
from raqmana.workspace import participation_response as R
from raqmana.workspace import participation_retention as K
from tests.participation.test_consultations import NOW, open_one, t

SECRET = "r" * 40
TEXTS = [
    "نريد تغطية الإنترنت في القرى",  # connectivity (keyword)
    "The portal should work on phones",  # services (keyword)
    '=HYPERLINK("http://x") please add a hotline for the elderly',
    "Add a helpline for old people, call 07701234567",
]


def fake_embed(texts):
    """Two directions: texts about a hotline/helpline together, everything else apart."""
    out = []
    for i, text in enumerate(texts):
        v = np.zeros(8, dtype=np.float32)
        v[0 if ("hotline" in text or "helpline" in text) else 1 + i] = 1
        out.append(v)
    return np.vstack(out)


def consultation_with_comments(world, governorate="gov-erbil"):
    c = open_one(world, options=C.Options(retention_days=30))
    sender = OutboxSender(outbox_path(world.settings.data_dir))
    ids = []
    for n, text in enumerate(TEXTS):
        with world.ws.transaction() as s:
            token = people.start(
                s, secret=SECRET, sender=sender, profile=people.Profile(governorate=governorate, sex="female")
            ).token
            me = people.require_participant(s, secret=SECRET, token=token)
            r = C.add_comment(
                s,
                consultation_id=c.id,
                section_id=c.sections[0].id,
                text=text,
                lang="ar",
                client=f"10.0.0.{n}",
                now=NOW,
                person=me,
            )
            C.moderate_comment(s, world["fp_a"], comment_id=r.id, publish=True)
            ids.append(r)
    return c, ids


def test_comments_are_grouped_by_keyword_then_by_meaning_and_counted_by_what_people_said(world):
    c, ids = consultation_with_comments(world)
    with world.ws.reader() as s:
        a = A.analyse(s, world["fp_a"], consultation_id=c.id, embed=fake_embed)
    groups = {(g.method, tuple(g.comment_ids)) for g in a.themes}
    assert ("keyword", (ids[0].id,)) in groups and ("keyword", (ids[1].id,)) in groups
    assert ("meaning", (ids[2].id, ids[3].id)) in groups
    assert a.received == 4 and [(x.key, x.count) for x in a.by_governorate] == [("gov-erbil", 4)]
    assert a.by_governorate[0].name.en and [(x.key, x.count) for x in a.by_sex] == [("female", 4)]
    assert [x.count for x in a.by_day] == [4]
    assert all("07701234567" not in g.name.en for g in a.themes)


def test_the_export_masks_personal_data_and_keeps_formulas_as_text(world):
    c, _ = consultation_with_comments(world)
    with world.ws.reader() as s:
        data = A.export_analysis(s, world["fp_a"], consultation_id=c.id, fmt="csv", embed=fake_embed)
        xlsx = A.export_analysis(s, world["fp_a"], consultation_id=c.id, fmt="xlsx", embed=fake_embed)
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == 4 and rows[2]["text"].startswith("'=HYPERLINK")
    assert "07701234567" not in data.decode("utf-8-sig") and rows[0]["governorate"] == "gov-erbil"
    from openpyxl import load_workbook

    ws = load_workbook(io.BytesIO(xlsx)).active
    assert ws.cell(4, 11).data_type == "s" and ws.cell(4, 11).value.startswith("=HYPERLINK")


def test_only_the_owner_analyses(world):
    c, _ = consultation_with_comments(world)
    with pytest.raises(Exception) as e, world.ws.reader() as s:
        A.analyse(s, world["fp_b"], consultation_id=c.id, embed=fake_embed)
    assert type(e.value).__name__ == "Forbidden"


def write(world, c, ids, *, publish, now):
    with world.ws.transaction() as s:
        return R.write_response(
            s,
            world["fp_a"],
            consultation_id=c.id,
            now=now,
            data=R.ResponseIn(
                summary=t("Thank you: four comments changed two things."),
                publish=publish,
                items=[
                    R.ResponseItemIn(
                        section_id=c.sections[0].id,
                        taken=True,
                        text=t("A helpline is added to article 1."),
                        comment_ids=[ids[2].id, ids[3].id],
                    ),
                    R.ResponseItemIn(taken=False, text=t("Village coverage is the telecom ministry's plan.")),
                ],
            ),
        )


def test_the_response_is_written_after_the_close_and_public_once_published(world):
    c, ids = consultation_with_comments(world)
    with pytest.raises(ValidationFailed) as e:
        write(world, c, ids, publish=True, now=NOW)
    assert e.value.problems[0].code is P.NOT_CLOSED
    after = NOW + timedelta(days=31)
    draft = write(world, c, ids, publish=False, now=after)
    assert draft.published_at is None
    with pytest.raises(NotFound), world.ws.reader() as s:
        R.read_response(s, consultation_id=c.id)
    write(world, c, ids, publish=True, now=after)
    with world.ws.reader() as s:
        view = R.read_response(s, consultation_id=c.id)
    assert view.received == 4 and view.governorates[0].count == 4
    quoted = view.items[0].comments
    assert [q.id for q in quoted] == [ids[2].id, ids[3].id] and "07701234567" not in quoted[1].text
    assert {x.name.en: x.count for x in view.themes}["Other themes"] == 2


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["ar", "ckb", "en"])
def test_the_response_report_renders_as_pdf_word_and_html(world, lang):
    c, ids = consultation_with_comments(world)
    write(world, c, ids, publish=True, now=NOW + timedelta(days=31))
    with world.ws.reader() as s:
        view = R.read_response(s, consultation_id=c.id)
    html = R.response_file(view, lang, "html").decode()
    assert view.items[0].text.get(lang) in html and f'lang="{lang}"' in html
    assert R.response_file(view, lang, "pdf").startswith(b"%PDF")
    assert R.response_file(view, lang, "docx")[:2] == b"PK"


def test_contributions_are_purged_after_the_retention_period_keeping_the_response(world):
    c, ids = consultation_with_comments(world)
    write(world, c, ids, publish=True, now=NOW + timedelta(days=31))
    with world.ws.transaction() as s:
        assert K.purge_expired(s, now=NOW + timedelta(days=59)).consultations == 0
    with world.ws.transaction() as s:
        done = K.purge_expired(s, now=NOW + timedelta(days=61))
    assert (done.consultations, done.comments) == (1, 4)
    with world.ws.reader() as s:
        assert C.read_consultation(s, consultation_id=c.id, now=NOW).published_comments == 0
        assert R.read_response(s, consultation_id=c.id).items[0].text.en.startswith("A helpline")
        logged = [
            str(e.after)
            for e in s.scalars(select(AuditEvent).where(AuditEvent.action == "consultation.purge"))
        ]
    assert logged and "helpline" not in logged[0]
    with world.ws.transaction() as s:
        assert K.purge_expired(s, now=NOW + timedelta(days=90)).consultations == 0


def test_a_comment_is_deleted_on_request_by_its_tracking_code(world):
    c, ids = consultation_with_comments(world)
    with world.ws.transaction() as s:
        K.forget_comment(s, tracking=ids[0].tracking.lower())
    with world.ws.reader() as s:
        shown = [m.id for m in C.read_consultation(s, consultation_id=c.id, now=NOW).sections[0].comments]
    assert ids[0].id not in shown and len(shown) == 3
    with pytest.raises(NotFound), world.ws.transaction() as s:
        K.forget_comment(s, tracking=ids[0].tracking)
    with pytest.raises(ValidationFailed), world.ws.transaction() as s:
        K.forget_comment(s, tracking="RQ-nonsense")


def test_the_purge_runs_as_a_job_of_the_workspace(world):
    consultation_with_comments(world)  # closed at NOW + 30 days, kept 30 days more: long over today
    result = world.ws.handlers[K.PURGE](world.ws, {}, None)
    assert result == {"consultations": 1, "comments": 4, "answers": 0}
