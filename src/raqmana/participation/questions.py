"""Questions of a consultation and their answers: free text, single choice, multiple choice, ranking
(every option in the order the person prefers) and a five-point Likert scale; each answer is checked
against its question, and the answers of everyone are summed up once the consultation closes."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from raqmana.participation import errors as E
from raqmana.participation.privacy import mask_personal
from raqmana.problems import Code

LIKERT_POINTS = 5
MAX_ANSWER = 2000


class QuestionKind(StrEnum):
    TEXT = "text"
    SINGLE = "single"
    MULTIPLE = "multiple"
    RANKING = "ranking"
    LIKERT = "likert"


CHOICES = frozenset({QuestionKind.SINGLE, QuestionKind.MULTIPLE, QuestionKind.RANKING})


class AnswerError(ValueError):
    def __init__(self, code: Code, **params: Any) -> None:
        super().__init__(code.id)
        self.code, self.params = code, params


def question_problem(kind: QuestionKind, options: int) -> Code | None:
    """What is wrong with a question of ``kind`` offering ``options`` choices, if anything."""
    if kind in CHOICES and options < 2:
        return E.QUESTION_OPTIONS
    if kind not in CHOICES and options:
        return E.QUESTION_NO_OPTIONS
    return None


def check_answer(kind: QuestionKind, options: int, value: Any) -> Any:
    """``value`` as it is stored: text for free text, an option index for single choice and Likert
    (1–5), a list of distinct option indexes for multiple choice, every index once for a ranking."""
    if kind is QuestionKind.TEXT:
        if not isinstance(value, str) or not value.strip():
            raise AnswerError(E.ANSWER_INVALID)
        if len(value) > MAX_ANSWER:
            raise AnswerError(E.TEXT_TOO_LONG, max=MAX_ANSWER)
        return value.strip()
    if kind is QuestionKind.LIKERT:
        if not _index(value) or not 1 <= int(value) <= LIKERT_POINTS:
            raise AnswerError(E.ANSWER_INVALID)
        return int(value)
    if kind is QuestionKind.SINGLE:
        if not _index(value) or not 0 <= int(value) < options:
            raise AnswerError(E.ANSWER_INVALID)
        return int(value)
    items = value if isinstance(value, list) else [value]
    if not all(_index(v) and 0 <= int(v) < options for v in items):
        raise AnswerError(E.ANSWER_INVALID)
    picked = [int(v) for v in items]
    if len(set(picked)) != len(picked) or not picked:
        raise AnswerError(E.ANSWER_INVALID)
    if kind is QuestionKind.RANKING and sorted(picked) != list(range(options)):
        raise AnswerError(E.RANKING_INCOMPLETE, options=options)
    return picked if kind is QuestionKind.RANKING else sorted(picked)


def _index(v: Any) -> bool:
    return (isinstance(v, int) and not isinstance(v, bool)) or (isinstance(v, str) and v.strip().isdigit())


@dataclass(frozen=True, slots=True)
class Summary:
    """The answers to one question: how many answered; per option the count (choices, Likert points) or
    the Borda points of a ranking (first of n gets n−1); the mean Likert point; free texts (masked)."""

    answered: int
    counts: list[int] = field(default_factory=list)
    mean: float | None = None
    texts: list[str] = field(default_factory=list)


def summarise(kind: QuestionKind, options: int, values: Iterable[Any]) -> Summary:
    values = list(values)
    if kind is QuestionKind.TEXT:
        return Summary(len(values), texts=[mask_personal(str(v)) for v in values])
    if kind is QuestionKind.LIKERT:
        c = Counter(int(v) for v in values)
        mean = sum(int(v) for v in values) / len(values) if values else None
        return Summary(len(values), [c[p] for p in range(1, LIKERT_POINTS + 1)], mean)
    counts = [0] * options
    for v in values:
        picked = v if isinstance(v, list) else [v]
        for rank, i in enumerate(picked):
            if 0 <= int(i) < options:
                counts[int(i)] += options - 1 - rank if kind is QuestionKind.RANKING else 1
    return Summary(len(values), counts)
