"""Turn what a person typed (web form, workbook cell, API) into a typed answer for one indicator."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from raqmana.frameworks import AnswerType, Indicator
from raqmana.problems import Location
from raqmana.workspace import errors as E
from raqmana.workspace.exceptions import ValidationFailed
from raqmana.workspace.views import NO_LABEL, YES_LABEL

MAX_TEXT = 10_000
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫", "01234567890123456789.")
_YES = {"yes", "y", "true", "1", *YES_LABEL.model_dump().values()}
_NO = {"no", "n", "false", "0", *NO_LABEL.model_dump().values()}


@dataclass(frozen=True, slots=True)
class Answer:
    """An answer as given: ``value`` is coerced by the indicator's answer type."""

    value: str | int | float | None = None
    na: bool = False
    dont_know: bool = False
    justification: str = ""


@dataclass(frozen=True, slots=True)
class Value:
    """An answer as stored (the columns shared by a response and its revisions)."""

    stage: int | None = None
    number: float | None = None
    choice: str | None = None
    text: str | None = None
    is_na: bool = False
    dont_know: bool = False
    justification: str = ""

    @property
    def answered(self) -> bool:
        return (
            self.is_na
            or self.dont_know
            or any(v is not None for v in (self.stage, self.number, self.choice, self.text))
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "stage": self.stage,
            "number": self.number,
            "choice": self.choice,
            "text": self.text,
            "na": self.is_na,
            "dont_know": self.dont_know,
            "justification": self.justification,
        }

    @classmethod
    def of(cls, row: Any) -> Value:
        return cls(
            row.stage, row.number, row.choice, row.text, row.is_na, row.dont_know, row.justification or ""
        )


Where = Callable[[str], Location]


def _fail(code: Any, field: str = "value", where: Where | None = None, **params: Any) -> ValidationFailed:
    return ValidationFailed.one(code, where(field) if where else Location(field=field), **params)


def parse_number(raw: str | int | float) -> float | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int | float):
        value = float(raw)
    else:
        text = raw.strip().translate(_DIGITS).replace("٬", "").replace(",", "").replace("%", "").strip()
        try:
            value = float(text)
        except ValueError:
            return None
    return value if math.isfinite(value) else None


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def clean_text(text: str) -> str:
    """Text as stored: surrounding blanks removed and line ends as ``\n`` (browsers send a textarea's
    lines with ``\r\n``, workbooks and the API with ``\n``: the same words must compare equal)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def coerce(indicator: Indicator, answer: Answer, *, where: Where | None = None) -> Value:
    """Validate ``answer`` against ``indicator``; raise ValidationFailed if it is wrong. Problems are
    located by field (value, na, justification) or by ``where(field)`` (e.g. a workbook cell)."""
    just = clean_text(answer.justification or "")
    if len(just) > MAX_TEXT:
        raise _fail(E.TEXT_TOO_LONG, "justification", where, max=MAX_TEXT)
    if answer.na and answer.dont_know:
        raise _fail(E.NA_AND_DONT_KNOW, "na", where)
    if answer.na:
        if not indicator.na_allowed:
            raise _fail(E.NA_NOT_ALLOWED, "na", where, indicator=indicator.id)
        return Value(is_na=True, justification=just)
    if answer.dont_know:
        return Value(dont_know=True, justification=just)
    raw = answer.value
    if _is_blank(raw):
        return Value(justification=just)
    assert raw is not None
    kind = indicator.answer_type
    if kind is AnswerType.LADDER:
        n = parse_number(raw)
        if n is None or not n.is_integer() or not 0 <= n <= 5:
            raise _fail(E.STAGE_INVALID, where=where, value=str(raw))
        return Value(stage=int(n), justification=just)
    if kind in (AnswerType.NUMBER, AnswerType.PERCENTAGE):
        n = parse_number(raw)
        if n is None:
            raise _fail(E.NUMBER_INVALID, where=where, value=str(raw))
        if kind is AnswerType.PERCENTAGE and not 0 <= n <= 100:
            raise _fail(E.NUMBER_RANGE, where=where, value=str(raw), min=0, max=100)
        return Value(number=n, justification=just)
    text = clean_text(str(raw))
    if kind is AnswerType.YES_NO:
        low = text.lower()
        if low in _YES:
            return Value(choice="yes", justification=just)
        if low in _NO:
            return Value(choice="no", justification=just)
        raise _fail(E.YES_NO_INVALID, where=where, value=text)
    if kind is AnswerType.CHOICE:
        for c in indicator.choices:
            if text == c.value or text in (c.label.en, c.label.ar, c.label.ckb):
                return Value(choice=c.value, justification=just)
        raise _fail(
            E.CHOICE_INVALID, where=where, value=text, choices=", ".join(c.value for c in indicator.choices)
        )
    if len(text) > MAX_TEXT:
        raise _fail(E.TEXT_TOO_LONG, where=where, max=MAX_TEXT)
    return Value(text=text, justification=just)
