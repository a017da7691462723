"""Submission exports of KoboToolbox and ODK Central read against a survey.

Both tools export CSV or XLSX with "XML values and headers" (``group/question`` or ``group-question``,
choice names) or with labels (question and choice labels in one of the form's languages);
``select_multiple`` comes as one column of space-separated names or one 0/1 column per choice
(``question/choice``). Each submission carries its identifier (Kobo ``_uuid``, ODK ``meta-instanceID``
or ``KEY``) and its time (``_submission_time``, ``SubmissionDate``).

Reading is all or nothing: every problem of the file is collected, located on its row and column, and
nothing is returned while there is one. Identifiers of people (the respondent question, the account
that submitted) are replaced by an HMAC of the workspace secret here, before anything is kept.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import hmac
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from raqmana.problems import Code, Location, Problem, ProblemsError
from raqmana.surveys import errors as E
from raqmana.surveys.model import Kind, Question, Role, Survey

ID_COLUMNS = ("_uuid", "meta/instanceID", "meta-instanceID", "instanceID", "KEY", "meta/instanceid")
TIME_COLUMNS = ("_submission_time", "SubmissionDate", "end", "_submitted_at")
VERSION_COLUMNS = ("FormVersion", "_version_")
SUBMITTER_COLUMNS = ("_submitted_by", "SubmitterID", "SubmitterName", "username")
#: columns the tools add that hold nothing raqmana keeps (and nothing it loses: status, device, media)
SYSTEM_COLUMNS = {
    "_id",
    "_index",
    "_parent_index",
    "_parent_table_name",
    "_validation_status",
    "_notes",
    "_status",
    "_tags",
    "__version__",
    "_version",
    "_attachments",
    "_geolocation",
    "_xform_id_string",
    "_duration",
    "formhub/uuid",
    "meta/rootUuid",
    "meta/deprecatedID",
    "meta-deprecatedID",
    "meta/instanceName",
    "meta-instanceName",
    "start",
    "end",
    "today",
    "deviceid",
    "simserial",
    "phonenumber",
    "subscriberid",
    "AttachmentsPresent",
    "AttachmentsExpected",
    "Status",
    "ReviewState",
    "DeviceID",
    "Edits",
    "SubmitterID",
    "SubmitterName",
}
_SELECTED = {"1", "1.0", "true", "yes", "True", "TRUE"}
_UNSELECTED = {"0", "0.0", "false", "no", "False", "FALSE", ""}
#: what some servers (Ona) write for a question the form skipped: no answer
_NOT_ASKED = {"n/a"}


@dataclass(frozen=True)
class Submission:
    uuid: str
    submitted_at: str
    #: question name → value (choice names; select_multiple names separated by spaces)
    answers: dict[str, str]
    #: a pseudonym of the account that submitted (HMAC), or ""
    submitter: str = ""
    row: int = 0

    @functools.cached_property
    def digest(self) -> str:
        """A fingerprint of the answers: the same submission exported twice has the same digest (computed
        once: reading checks duplicates with it, importing compares it with the stored one)."""
        canonical = json.dumps(self.answers, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass
class ReadResult:
    submissions: list[Submission]
    warnings: list[Problem] = field(default_factory=list)
    #: header → what it was read as ("question", "question/choice", "system", …)
    columns: dict[str, str] = field(default_factory=dict)


def pseudonym(value: str, secret: bytes) -> str:
    """An identifier that stands for ``value`` in this workspace and cannot be turned back without the secret."""
    if not value:
        return ""
    return hmac.new(secret, value.strip().encode("utf-8"), hashlib.sha256).hexdigest()[:24]


# reading the file ------------------------------------------------------------------------------------


def _rows_csv(data: bytes, file: str) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ProblemsError(
            [Problem(E.BROKEN_FILE, Location(file=file), {"kind": "CSV (UTF-8)", "reason": str(exc)})]
        ) from None
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = next(reader, [])
    return header, ((n, row) for n, row in enumerate(reader, start=2))


def _rows_xlsx(data: bytes, file: str) -> tuple[list[str], Iterator[tuple[int, list[str]]], list[str]]:
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (BadZipFile, OSError, KeyError, ValueError) as exc:
        raise ProblemsError(
            [
                Problem(
                    E.BROKEN_FILE,
                    Location(file=file),
                    {"kind": "XLSX", "reason": str(exc) or type(exc).__name__},
                )
            ]
        ) from None
    ws = wb.worksheets[0]  # Kobo and ODK put the main table first, repeats on the following sheets
    rows = ws.iter_rows(values_only=True)
    header = ["" if v is None else str(v) for v in next(rows, ())]

    def cells() -> Iterator[tuple[int, list[str]]]:
        for n, row in enumerate(rows, start=2):
            yield (
                n,
                ["" if v is None else (v.isoformat() if hasattr(v, "isoformat") else _cell(v)) for v in row],
            )

    return header, cells(), [w.title for w in wb.worksheets[1:]]


def _cell(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# matching the header -------------------------------------------------------------------------------


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip()).casefold()


class _Columns:
    """Which question (and choice) each header stands for."""

    def __init__(self, survey: Survey) -> None:
        self.survey = survey
        self.names: dict[str, Question] = {}
        self.choices: dict[str, tuple[Question, str]] = {}
        self.other: dict[str, Question] = {}
        for q in survey.questions:
            if q.kind is Kind.NOTE:
                continue
            paths = {
                q.name,
                "/".join((*q.group, q.name)),
                "-".join((*q.group, q.name)),
                ".".join((*q.group, q.name)),
            }
            labels = {q.label[lang] for lang in ("en", "ar", "ckb") if q.label[lang]}
            for key in paths | labels:
                self.names.setdefault(_norm(key), q)
            if q.or_other:
                for p in paths:
                    self.other[_norm(p + "_other")] = q
            if q.kind is Kind.SELECT_MULTIPLE:
                for o in survey.options(q):
                    option_keys = {o.name} | {o.label[lang] for lang in ("en", "ar", "ckb") if o.label[lang]}
                    for base in paths | labels:
                        for sep in ("/", "-", "."):
                            for ok in option_keys:
                                self.choices.setdefault(_norm(f"{base}{sep}{ok}"), (q, o.name))

    def classify(self, header: str) -> tuple[str, Question | None, str]:
        key = _norm(header)
        if header in ID_COLUMNS or header in TIME_COLUMNS or header in VERSION_COLUMNS:
            return "meta", None, ""
        if header in SUBMITTER_COLUMNS:
            return "submitter", None, ""
        if key in self.names:
            return "question", self.names[key], ""
        if key in self.choices:
            q, option = self.choices[key]
            return "choice", q, option
        if key in self.other:
            return "other", self.other[key], ""
        parts = set(re.split(r"[/-]", header.strip()))
        dropped = next((n for n in self.survey.not_kept if n in parts), None)
        if dropped is not None:
            return "dropped", None, dropped
        if (
            header in SYSTEM_COLUMNS
            or header.startswith("_")
            or header.startswith("meta/")
            or header.startswith("meta-")
        ):
            return "system", None, ""
        return "unknown", None, ""


def _option_name(survey: Survey, q: Question, value: str) -> str | None:
    options = survey.options(q)
    for o in options:
        if value == o.name:
            return o.name
    wanted = _norm(value)
    for o in options:
        if wanted in {_norm(o.label[lang]) for lang in ("en", "ar", "ckb") if o.label[lang]}:
            return o.name
    if q.or_other and value == "other":
        return "other"
    return None


def _lookup(survey: Survey, q: Question) -> dict[str, str]:
    """Answer text → choice name for a select_one question: names as written, labels in any language."""
    found: dict[str, str] = {}
    for o in survey.options(q):
        for lang in ("en", "ar", "ckb"):
            if o.label[lang]:
                found.setdefault(_norm(o.label[lang]), o.name)
    for o in survey.options(q):
        found[o.name] = o.name
    if q.or_other:
        found.setdefault("other", "other")
    return found


def _bad(code: Code, file: str, line: int, column: str, value: str, q: Question) -> Problem:
    return Problem(code, Location(file=file, line=line, column=column), {"value": value, "question": q.name})


def _multiple(survey: Survey, q: Question, value: str) -> list[str] | None:
    names = value.split()
    if all(_option_name(survey, q, n) == n for n in names):
        return names
    found: list[str] = []  # label headers: labels joined by spaces, matched longest first
    rest = " " + _norm(value) + " "
    labels = sorted(
        (
            (_norm(o.label[lang]), o.name)
            for o in survey.options(q)
            for lang in ("en", "ar", "ckb")
            if o.label[lang]
        ),
        key=lambda x: -len(x[0]),
    )
    for label, name in labels:
        if f" {label} " in rest and name not in found:
            found.append(name)
            rest = rest.replace(f" {label} ", " ", 1)
    return found if not rest.strip() else None


# how a column's cells are read (decided once per column)
_CHOICE, _OTHER, _PERSON, _ONE, _MANY, _WHOLE, _NUMBER, _TEXT = (
    "choice",
    "other",
    "person",
    "one",
    "many",
    "whole",
    "number",
    "text",
)


def _handling(kind: str, q: Question) -> str:
    if kind == "choice":
        return _CHOICE
    if kind == "other":
        return _OTHER
    if q.role is Role.RESPONDENT:
        return _PERSON
    if q.kind is Kind.SELECT_ONE:
        return _ONE
    if q.kind is Kind.SELECT_MULTIPLE:
        return _MANY
    if q.kind is Kind.INTEGER:
        return _WHOLE
    if q.kind is Kind.DECIMAL or q.role is Role.WEIGHT:
        return _NUMBER
    return _TEXT


def read_export(data: bytes, *, file: str, survey: Survey, secret: bytes) -> ReadResult:
    """The submissions of a Kobo/ODK export (CSV or XLSX) of ``survey``; raises :class:`ProblemsError`
    with every problem found when the file cannot be taken whole."""
    suffix = file.rsplit(".", 1)[-1].lower() if "." in file else ""
    other_sheets: list[str] = []
    if suffix == "csv":
        header, rows = _rows_csv(data, file)
    elif suffix in ("xlsx", "xlsm"):
        header, rows, other_sheets = _rows_xlsx(data, file)
    else:
        raise ProblemsError([Problem(E.UNKNOWN_FORMAT, Location(file=file), {"name": file})])
    from openpyxl.utils import get_column_letter

    columns = _Columns(survey)
    kinds = [columns.classify(h) for h in header]
    problems: list[Problem] = [
        Problem(E.SHEET_NOT_KEPT, Location(file=file, sheet=name), {"sheet": name}) for name in other_sheets
    ]
    letters = [get_column_letter(i + 1) if suffix != "csv" else h for i, h in enumerate(header)]
    for i, (kind, _, target) in enumerate(kinds):
        if kind == "dropped":
            problems.append(
                Problem(
                    E.COLUMN_OF_NOT_KEPT,
                    Location(file=file, line=1, column=letters[i]),
                    {"column": header[i], "name": target},
                )
            )
        if kind == "unknown" and header[i].strip():
            problems.append(
                Problem(
                    E.UNKNOWN_COLUMN,
                    Location(file=file, line=1, column=letters[i]),
                    {"column": header[i], "survey": survey.id},
                )
            )
    id_at = next((header.index(c) for c in ID_COLUMNS if c in header), None)
    if id_at is None:
        problems.append(Problem(E.NO_ID_COLUMN, Location(file=file, line=1)))
        raise ProblemsError(problems)
    time_at = next((header.index(c) for c in TIME_COLUMNS if c in header), None)
    version_at = next((header.index(c) for c in VERSION_COLUMNS if c in header), None)
    submitter_at = next((header.index(c) for c in SUBMITTER_COLUMNS if c in header), None)

    seen: dict[str, tuple[int, str]] = {}
    submissions: list[Submission] = []
    lookups = [_lookup(survey, q) if q is not None and kind == "question" else {} for kind, q, _ in kinds]
    # each column's handling decided once, not per cell (100,000 rows × 60 columns)
    active = [
        (i, _handling(kind, q), q, q.name, option, lookups[i])
        for i, (kind, q, option) in enumerate(kinds)
        if q is not None
    ]
    for line, row in rows:
        if not any(str(v).strip() for v in row):
            continue
        row = row + [""] * (len(header) - len(row))
        uuid = row[id_at].strip().removeprefix("uuid:")
        if not uuid:
            problems.append(Problem(E.MISSING_ID, Location(file=file, line=line, column=letters[id_at])))
            continue
        if version_at is not None and row[version_at].strip() and survey.version:
            found = row[version_at].strip()
            if found != survey.version:
                problems.append(
                    Problem(
                        E.OTHER_VERSION,
                        Location(file=file, line=line, column=letters[version_at]),
                        {"found": found, "survey": survey.id, "expected": survey.version},
                    )
                )
                continue
        answers: dict[str, str] = {}
        picked: dict[str, list[str]] = {}
        for i, how, q, qname, option, lookup in active:
            value = row[i].strip()
            if value in _NOT_ASKED:
                value = ""
            if how is _CHOICE:
                if value in _SELECTED:
                    picked.setdefault(qname, []).append(option)
                elif value not in _UNSELECTED:
                    problems.append(_bad(E.NOT_A_CHOICE, file, line, letters[i], value, q))
                continue
            if not value:
                continue
            if how is _ONE:
                name = lookup.get(value) or lookup.get(_norm(value))
                if name is None:
                    problems.append(_bad(E.NOT_A_CHOICE, file, line, letters[i], value, q))
                else:
                    answers[qname] = name
            elif how is _OTHER:
                answers[f"{qname}_other"] = value
            elif how is _PERSON:
                answers[qname] = pseudonym(value, secret)
            elif how is _MANY:
                names = _multiple(survey, q, value)
                if names is None:
                    problems.append(_bad(E.NOT_A_CHOICE, file, line, letters[i], value, q))
                else:
                    picked.setdefault(qname, []).extend(names)
            elif how is _WHOLE or how is _NUMBER:
                try:
                    number = float(value)
                except ValueError:
                    problems.append(_bad(E.NOT_A_NUMBER, file, line, letters[i], value, q))
                    continue
                answers[qname] = f"{number:g}" if how is _WHOLE else repr(number)
            else:
                answers[qname] = value
        for name, chosen in picked.items():
            answers[name] = " ".join(dict.fromkeys(chosen))
        submission = Submission(
            uuid=uuid,
            submitted_at=row[time_at].strip() if time_at is not None else "",
            answers=answers,
            submitter=pseudonym(row[submitter_at], secret) if submitter_at is not None else "",
            row=line,
        )
        if uuid in seen:
            first, digest = seen[uuid]
            if digest != submission.digest:
                problems.append(
                    Problem(
                        E.DUPLICATE_UUID,
                        Location(file=file, line=line, column=letters[id_at]),
                        {"uuid": uuid, "first": first},
                    )
                )
            continue
        seen[uuid] = (line, submission.digest)
        submissions.append(submission)
    if any(p.severity.value == "error" for p in problems):
        raise ProblemsError(problems)
    if not submissions:
        raise ProblemsError([Problem(E.NO_ROWS, Location(file=file))])
    return ReadResult(submissions, problems, {h: k for h, (k, _, _) in zip(header, kinds, strict=True)})
