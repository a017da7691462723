"""A consultation's questions in three languages: the owner writes them in one language and translates
them line for line in the others; a reader whose language has no translation reads the question as
written (the page marks its language); the response report and the workbook export print the results in
the reader's language."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from openpyxl import load_workbook

from raqmana.i18n import Translated
from raqmana.participation import errors as P
from raqmana.participation.questions import QuestionKind
from raqmana.participation.verification import OutboxSender, outbox_path
from raqmana.workspace import ValidationFailed
from raqmana.workspace import participation_analysis as A
from raqmana.workspace import participation_people as people
from raqmana.workspace import participation_questions as Q
from raqmana.workspace import participation_response as R
from tests.participation.test_consultations import NOW, open_one

AR = "single: أي خدمة أولاً؟ | الجوازات | البطاقة الوطنية\nlikert: البوابة سهلة الاستعمال"
EN = "Which service first? | Passports | National ID card\nThe portal is easy to use"


def test_the_forms_boxes_become_questions_in_each_language_written():
    made = Q.questions_from_text({"ar": AR, "en": EN, "ckb": ""}, "ar")
    assert [(q.kind, q.lang) for q in made] == [(QuestionKind.SINGLE, "ar"), (QuestionKind.LIKERT, "ar")]
    assert made[0].prompt == Translated(ar="أي خدمة أولاً؟", en="Which service first?")
    assert [o.en for o in made[0].options] == ["Passports", "National ID card"]
    assert [o.ckb for o in made[0].options] == ["", ""]
    boxes = Q.question_lines([Q.QuestionView(id=n, **q.model_dump()) for n, q in enumerate(made)])
    assert (
        boxes["ckb"] == ""
        and boxes["en"].splitlines()[0] == "single: Which service first? | Passports | National ID card"
    )
    assert Q.questions_from_text(boxes, "ar") == made  # the edit form gives back what it shows


@pytest.mark.parametrize(
    ("texts", "field", "line", "code"),
    [
        ({"ar": "poll: ما رأيك؟"}, "questions_ar", 1, P.QUESTIONS_LINE),
        (
            {"ar": AR, "en": "Which service first? | Passports | National ID card"},
            "questions_en",
            1,
            P.QUESTIONS_TRANSLATION,
        ),
        (
            {"ar": AR, "en": "Which first? | Passports\nThe portal is easy"},
            "questions_en",
            1,
            P.QUESTIONS_TRANSLATION,
        ),
    ],
)
def test_a_box_that_does_not_match_is_refused_at_its_line(texts, field, line, code):
    with pytest.raises(ValidationFailed) as e:
        Q.questions_from_text(texts, "ar")
    problem = e.value.problems[0]
    assert (problem.code, problem.location.field, problem.location.line) == (code, field, line)


def test_a_question_needs_its_text_in_the_language_it_is_written_in(world):
    c = open_one(world)
    with pytest.raises(ValidationFailed) as e, world.ws.transaction() as s:
        Q.set_questions(
            s,
            world["fp_a"],
            consultation_id=c.id,
            questions=[Q.QuestionIn(kind=QuestionKind.TEXT, prompt=Translated(ar="لماذا؟"), lang="en")],
        )
    assert e.value.problems[0].code is P.QUESTION_UNWRITTEN
    assert e.value.problems[0].location.field == "questions[0].prompt.en"


def test_results_are_reported_and_exported_in_the_readers_language(world):
    c = open_one(world)
    with world.ws.transaction() as s:
        [single, likert] = Q.set_questions(
            s,
            world["fp_a"],
            consultation_id=c.id,
            questions=Q.questions_from_text({"ar": AR, "en": EN}, "ar"),
        )
        token = people.start(
            s, secret="k" * 40, sender=OutboxSender(outbox_path(world.settings.data_dir))
        ).token
        me = people.require_participant(s, secret="k" * 40, token=token)
        Q.answer(s, consultation_id=c.id, answers={single.id: 1, likert.id: 4}, person=me, now=NOW)
    closed = NOW + timedelta(days=31)
    with world.ws.transaction() as s:
        R.write_response(
            s,
            world["fp_a"],
            consultation_id=c.id,
            data=R.ResponseIn(summary=Translated(en="Thanks"), items=[]),
            now=closed,
        )
    with world.ws.reader() as s:
        view = R.read_response(s, consultation_id=c.id, actor=world["fp_a"])
        workbook = A.export_analysis(s, world["fp_a"], consultation_id=c.id, fmt="xlsx", lang="ckb")
    english = R.response_file(view, "en", "html").decode()
    assert (
        "What people answered" in english
        and "Which service first?" in english
        and "National ID card" in english
    )
    assert "أي خدمة أولاً؟" in R.response_file(view, "ckb", "html").decode()  # no Sorani: as written
    rows = list(load_workbook(io.BytesIO(workbook))["questions"].values)
    assert rows[0] == ("question", "option", "answers", "mean", "text")
    assert ("أي خدمة أولاً؟", "البطاقة الوطنية", 1, None, None) in rows
