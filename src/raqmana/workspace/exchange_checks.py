"""The row checks of a round archive's import (:mod:`.exchange_import`): every problem of every table,
located by file (the JSON member), row (1-based) and field, found before anything is written."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from raqmana.exchange import errors as X
from raqmana.exchange.archive import EVIDENCE_DIR, Archive
from raqmana.frameworks import AnswerType, Indicator
from raqmana.problems import Location, Problem
from raqmana.store.models import Organisation
from raqmana.workspace.answers import Answer, Value, coerce
from raqmana.workspace.exceptions import ValidationFailed
from raqmana.workspace.views import ResponseState

STATES = {s.value for s in ResponseState}


class Rows:
    """Problems of one table, located by file (the JSON member), row (1-based) and field."""

    def __init__(self, name: str) -> None:
        self.file = f"{name}.json"
        self.problems: list[Problem] = []

    def at(self, row: int, field: str = "") -> Location:
        return Location(file=self.file, line=row, field=field)

    def add(self, which: Any, row: int, column: str = "", /, **params: Any) -> None:
        self.problems.append(Problem(which, self.at(row, column), params))


def when(value: Any, rows: Rows, n: int, name: str, *, required: bool = False) -> datetime | None:
    if value in (None, "") and not required:
        return None
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        rows.add(X.VALUE_INVALID, n, name, value=str(value)[:60], name=name)
        return None
    return moment


def _answer_of(row: dict[str, Any], kind: AnswerType) -> Answer:
    raw: Any = None
    for name in ("stage", "number", "choice", "text"):
        if row.get(name) not in (None, ""):
            raw = row[name]
            break
    return Answer(
        value=raw,
        na=bool(row.get("na")),
        dont_know=bool(row.get("dont_know")),
        justification=str(row.get("justification") or ""),
    )


def _value(row: dict[str, Any], indicator: Indicator, rows: Rows, n: int) -> Value | None:
    try:
        return coerce(indicator, _answer_of(row, indicator.answer_type), where=lambda f: rows.at(n, f))
    except ValidationFailed as exc:
        rows.problems.extend(exc.problems)
        return None


def check_answers(
    rows: list[dict[str, Any]], orgs: dict[str, Organisation], indicators: dict[str, Indicator]
) -> tuple[list[tuple[dict[str, Any], Value]], list[Problem]]:
    out: list[tuple[dict[str, Any], Value]] = []
    t = Rows("answers")
    first: dict[tuple[str, str], int] = {}
    for n, row in enumerate(rows, start=1):
        code, ind = str(row.get("institution", "")), str(row.get("indicator", ""))
        if code not in orgs:
            t.add(X.UNKNOWN_INSTITUTION, n, "institution", org=code[:64])
            continue
        indicator = indicators.get(ind)
        if indicator is None:
            t.add(X.UNKNOWN_INDICATOR, n, "indicator", indicator=ind[:64])
            continue
        if (code, ind) in first:
            t.add(X.DUPLICATE_ROW, n, "indicator", first=first[(code, ind)], key=f"{code}/{ind}")
            continue
        first[(code, ind)] = n
        if row.get("state") not in STATES:
            t.add(X.VALUE_INVALID, n, "state", value=str(row.get("state"))[:40], name="state")
        version = row.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            t.add(X.VALUE_INVALID, n, "version", value=str(version)[:40], name="version")
        for name in ("created_at", "submitted_at", "reviewed_at"):
            when(row.get(name), t, n, name)
        value = _value(row, indicator, t, n)
        if value is not None:
            out.append((row, value))
    return out, t.problems


def check_history(rows: list[dict[str, Any]], known: set[tuple[Any, Any]]) -> Rows:
    t = Rows("answer_history")
    for n, row in enumerate(rows, start=1):
        if (row.get("institution"), row.get("indicator")) not in known:
            t.add(X.UNKNOWN_INDICATOR, n, "indicator", indicator=str(row.get("indicator"))[:64])
        if not isinstance(row.get("version"), int):
            t.add(X.VALUE_INVALID, n, "version", value=str(row.get("version"))[:40], name="version")
        if row.get("state") not in STATES:
            t.add(X.VALUE_INVALID, n, "state", value=str(row.get("state"))[:40], name="state")
        when(row.get("at"), t, n, "at", required=True)
    return t


def check_evidence(rows: list[dict[str, Any]], known: set[tuple[Any, Any]], archive: Archive) -> Rows:
    t = Rows("evidence")
    for n, row in enumerate(rows, start=1):
        if (row.get("institution"), row.get("indicator")) not in known:
            t.add(X.UNKNOWN_INDICATOR, n, "indicator", indicator=str(row.get("indicator"))[:64])
        if row.get("kind") not in ("file", "url"):
            t.add(X.VALUE_INVALID, n, "kind", value=str(row.get("kind"))[:40], name="kind")
        if row.get("file_included") and f"{EVIDENCE_DIR}{row.get('sha256')}" not in archive.members:
            t.add(X.EVIDENCE_FILE_MISSING, n, "sha256", sha256=str(row.get("sha256"))[:64])
        when(row.get("uploaded_at"), t, n, "uploaded_at", required=True)
        when(row.get("removed_at"), t, n, "removed_at")
        if row.get("evidence_date"):
            try:
                date.fromisoformat(str(row["evidence_date"]))
            except ValueError:
                t.add(
                    X.VALUE_INVALID,
                    n,
                    "evidence_date",
                    value=str(row["evidence_date"])[:40],
                    field="evidence_date",
                )
    return t


def check_submissions(rows: list[dict[str, Any]]) -> Rows:
    t = Rows("survey_submissions")
    for n, row in enumerate(rows, start=1):
        for name in ("survey", "uuid", "digest"):
            if not isinstance(row.get(name), str) or not row[name]:
                t.add(X.VALUE_INVALID, n, name, value=str(row.get(name))[:40], name=name)
        try:
            answers = json.loads(str(row.get("answers", "")))
        except (ValueError, RecursionError):
            answers = None
        if not isinstance(answers, dict):
            t.add(X.VALUE_INVALID, n, "answers", value=str(row.get("answers"))[:40], name="answers")
    return t
