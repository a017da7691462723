"""Questions of a consultation: each kind's answers are checked (a ranking names every option once, a
Likert point is 1–5), an answer given again replaces the first, and the results appear only once the
consultation has closed."""

from __future__ import annotations

from datetime import timedelta

import pytest

from raqmana.participation import errors as P
from raqmana.participation.questions import AnswerError, QuestionKind, check_answer, summarise
from raqmana.participation.verification import OutboxSender, outbox_path
from raqmana.workspace import ValidationFailed
from raqmana.workspace import participation_people as people
from raqmana.workspace import participation_questions as Q
from tests.participation.test_consultations import NOW, open_one, t

K = QuestionKind


@pytest.mark.parametrize(
    ("kind", "options", "value", "stored"),
    [
        (K.TEXT, 0, "  more offices  ", "more offices"),
        (K.SINGLE, 3, "2", 2),
        (K.MULTIPLE, 3, [2, 0], [0, 2]),
        (K.RANKING, 3, [2, 0, 1], [2, 0, 1]),
        (K.LIKERT, 0, 5, 5),
    ],
)
def test_it_keeps_a_valid_answer_in_its_stored_form(kind, options, value, stored):
    assert check_answer(kind, options, value) == stored


@pytest.mark.parametrize(
    ("kind", "options", "value"),
    [
        (K.TEXT, 0, "   "),
        (K.SINGLE, 3, 3),
        (K.SINGLE, 3, True),
        (K.MULTIPLE, 3, [1, 1]),
        (K.RANKING, 3, [0, 1]),
        (K.LIKERT, 0, 6),
        (K.LIKERT, 0, "x"),
    ],
)
def test_it_refuses_an_answer_that_does_not_fit_the_question(kind, options, value):
    with pytest.raises(AnswerError):
        check_answer(kind, options, value)


def test_a_ranking_is_summed_as_borda_points_and_likert_as_counts_and_mean():
    assert summarise(K.RANKING, 3, [[2, 0, 1], [2, 1, 0]]).counts == [1, 1, 4]
    likert = summarise(K.LIKERT, 0, [5, 4, 4])
    assert likert.counts == [0, 0, 0, 2, 1] and likert.mean == pytest.approx(13 / 3)
    assert summarise(K.TEXT, 0, ["call 07701234567"]).texts == ["call ▒▒▒"]


def test_answers_are_kept_per_participant_and_shown_after_the_close(world):
    c = open_one(world)
    with world.ws.transaction() as s:
        qs = Q.set_questions(
            s,
            world["fp_a"],
            consultation_id=c.id,
            questions=[
                Q.QuestionIn(kind=K.SINGLE, prompt=t("Which first?"), options=[t("Portal"), t("ID")]),
                Q.QuestionIn(kind=K.LIKERT, prompt=t("Agree?"), required=True),
            ],
        )
    single, likert = (q.id for q in qs)
    sender = OutboxSender(outbox_path(world.settings.data_dir))
    tokens = []
    for choice in (0, 1, 1):
        with world.ws.transaction() as s:
            token = people.start(s, secret="k" * 40, sender=sender).token
            tokens.append(token)
            me = people.require_participant(s, secret="k" * 40, token=token)
            Q.answer(s, consultation_id=c.id, answers={single: choice, likert: 4}, person=me, now=NOW)
    with world.ws.transaction() as s:  # the first participant changes their mind
        me = people.require_participant(s, secret="k" * 40, token=tokens[0])
        Q.answer(s, consultation_id=c.id, answers={single: 1, likert: 2}, person=me, now=NOW)
    with pytest.raises(ValidationFailed) as e, world.ws.transaction() as s:
        Q.answer(s, consultation_id=c.id, answers={single: 0}, person=me, now=NOW)
    assert e.value.problems[0].code is P.ANSWER_INVALID  # the required Likert is missing
    with world.ws.reader() as s:
        assert all(q.result is None for q in Q.questions_of(s, consultation_id=c.id, now=NOW))
        after = Q.questions_of(s, consultation_id=c.id, now=NOW + timedelta(days=31))
    assert after[0].result.counts == [0, 3] and after[1].result.counts == [0, 1, 0, 2, 0]


def test_questions_with_answers_cannot_be_replaced(world):
    c = open_one(world)
    q = Q.QuestionIn(kind=K.TEXT, prompt=t("Anything else?"))
    with world.ws.transaction() as s:
        [made] = Q.set_questions(s, world["fp_a"], consultation_id=c.id, questions=[q])
        token = people.start(
            s, secret="k" * 40, sender=OutboxSender(outbox_path(world.settings.data_dir))
        ).token
        me = people.require_participant(s, secret="k" * 40, token=token)
        Q.answer(s, consultation_id=c.id, answers={made.id: "yes"}, person=me, now=NOW)
    with pytest.raises(ValidationFailed) as e, world.ws.transaction() as s:
        Q.set_questions(s, world["fp_a"], consultation_id=c.id, questions=[q])
    assert e.value.problems[0].code is P.NOT_EDITABLE
    with pytest.raises(ValidationFailed) as e, world.ws.transaction() as s:
        Q.set_questions(
            s, world["fp_a"], consultation_id=c.id, questions=[Q.QuestionIn(kind=K.SINGLE, prompt=t("?"))]
        )
    assert e.value.problems[0].code is P.QUESTION_OPTIONS
