"""Perception scoring as UNDP's DRA survey does it: points per answer, don't know left out of means."""

from __future__ import annotations

import numpy as np
import pytest

from raqmana.i18n import Translated
from raqmana.problems import ProblemsError
from raqmana.surveys import errors as E
from raqmana.surveys.model import Kind, Option, Question, Role, Survey
from raqmana.surveys.perception import choice_counts, number_by_choice, score, weighted_estimate
from raqmana.surveys.submissions import Submission

THREE = [
    Option(name="no", score=1),
    Option(name="limited", score=2),
    Option(name="yes", score=3),
    Option(name="dk"),
]
FIVE = [Option(name=str(i), score=i) for i in range(1, 6)] + [Option(name="dk")]


def _survey(weight: bool = False) -> Survey:
    questions = [
        Question(name="sex", kind=Kind.SELECT_ONE, choices="sex", role=Role.SEX),
        Question(name="payments", kind=Kind.SELECT_ONE, choices="three", topic="foundations"),
        Question(name="trust", kind=Kind.SELECT_ONE, choices="five", topic="people"),
        Question(name="bn_power", kind=Kind.SELECT_ONE, choices="three", topic="bottlenecks"),
        Question(name="bn_paper", kind=Kind.SELECT_ONE, choices="three", topic="bottlenecks"),
        Question(name="visits", kind=Kind.INTEGER),
    ]
    if weight:
        questions.append(Question(name="w", kind=Kind.DECIMAL, role=Role.WEIGHT))
    return Survey(
        id="t",
        questions=questions,
        choice_lists={
            "three": THREE,
            "five": FIVE,
            "sex": [Option(name="female", label=Translated(en="F")), Option(name="male")],
        },
    )


def _sub(uuid: str, **answers: str) -> Submission:
    return Submission(uuid=uuid, submitted_at="", answers=answers)


def test_dont_know_is_left_out_of_the_mean_and_counted() -> None:
    subs = [
        _sub("a", payments="yes", trust="5"),
        _sub("b", payments="no", trust="1"),
        _sub("c", payments="dk", trust="3"),
    ]
    result = score(_survey(), subs)
    payments = next(i for i in result.items if i.question == "payments")
    assert payments.estimate is not None and payments.estimate.mean == 2.0 and payments.estimate.n == 2
    assert payments.dont_know == 1
    assert payments.estimate_100 is not None and payments.estimate_100.mean == 50.0


def test_items_of_different_scales_meet_on_0_to_100() -> None:
    result = score(_survey(), [_sub("a", payments="yes", trust="1")])
    [respondent] = result.respondents
    assert respondent.score == 50.0  # 100 on the 1–3 item, 0 on the 1–5 item
    assert respondent.topics == {"foundations": 100.0, "people": 0.0}


def test_design_weights_move_the_mean_and_the_interval_follows_kish() -> None:
    values = np.array([1.0, 3.0, 3.0, np.nan])
    weights = np.array([3.0, 1.0, 1.0, 5.0])
    estimate = weighted_estimate(values, weights)
    assert estimate is not None
    assert estimate.mean == pytest.approx((3 * 1 + 3 + 3) / 5)
    assert estimate.n_effective == pytest.approx(25 / 11)
    assert estimate.low < estimate.mean < estimate.high
    subs = [_sub("a", payments="no", w="3"), _sub("b", payments="yes", w="1")]
    weighted = score(_survey(weight=True), subs)
    assert weighted.items[0].estimate is not None and weighted.items[0].estimate.mean == pytest.approx(1.5)


def test_a_weight_that_is_not_positive_is_refused() -> None:
    with pytest.raises(ProblemsError) as caught:
        score(_survey(weight=True), [_sub("a", payments="no", w="-2")])
    assert caught.value.problems[0].code is E.BAD_WEIGHT


def test_the_interval_narrows_with_more_respondents() -> None:
    few = score(_survey(), [_sub(str(i), payments=("no", "yes")[i % 2]) for i in range(10)])
    many = score(_survey(), [_sub(str(i), payments=("no", "yes")[i % 2]) for i in range(1000)])
    width = lambda r: r.items[0].estimate.high - r.items[0].estimate.low  # noqa: E731
    assert width(many) < width(few) / 5


def test_bottlenecks_are_ranked_by_the_share_held_back_most() -> None:
    subs = [
        _sub("a", bn_power="no", bn_paper="yes"),
        _sub("b", bn_power="no", bn_paper="no"),
        _sub("c", bn_power="limited", bn_paper="yes"),
    ]
    result = score(_survey(), subs)
    assert [b.question for b in result.bottlenecks] == ["bn_power", "bn_paper"]
    assert result.bottlenecks[0].lowest_share == pytest.approx(2 / 3)


def test_respondents_carry_the_attributes_the_divide_groups_by() -> None:
    result = score(_survey(), [_sub("a", sex="female", payments="yes"), _sub("b", payments="no")])
    assert [r.attributes for r in result.respondents] == [{"sex": "female"}, {"sex": ""}]


def test_a_survey_without_scored_items_or_answers_is_reported() -> None:
    bare = Survey(id="bare", questions=[Question(name="x", kind=Kind.TEXT)])
    with pytest.raises(ProblemsError) as caught:
        score(bare, [_sub("a", x="1")])
    assert caught.value.problems[0].code is E.NO_SCORED
    with pytest.raises(ProblemsError) as caught:
        score(_survey(), [_sub("a", payments="dk")])
    assert caught.value.problems[0].code is E.NO_ANSWERS


def test_counts_and_means_per_choice() -> None:
    survey = _survey()
    subs = [_sub("a", sex="female", visits="3"), _sub("b", sex="female", visits="1"), _sub("c", sex="male")]
    assert choice_counts(survey, subs, "sex") == {"female": 2, "male": 1}
    assert number_by_choice(survey, subs, "visits", "sex")["female"].mean == 2.0
