"""An XLSForm written elsewhere (KoboToolbox, ODK, raqmana) read into a raqmana survey.

pyxform reads and checks the form (the same conversion Kobo and ODK Central run); raqmana walks the
structure pyxform gives and keeps what it represents. Everything else — repeats, calculations, media
and location questions, languages other than ar/ckb/en — is listed as a warning located on its sheet,
row and column, never dropped silently. A form pyxform refuses is one located error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

from openpyxl.utils import get_column_letter

from raqmana.i18n import Translated
from raqmana.problems import Location, Problem, ProblemsError
from raqmana.surveys import errors as E
from raqmana.surveys.languages import language_code
from raqmana.surveys.model import Group, Kind, Option, Question, Role, Survey

#: pyxform's internal type names → raqmana's
KINDS = {
    "select one": Kind.SELECT_ONE,
    "select all that apply": Kind.SELECT_MULTIPLE,
    "integer": Kind.INTEGER,
    "decimal": Kind.DECIMAL,
    "text": Kind.TEXT,
    "date": Kind.DATE,
    "note": Kind.NOTE,
}
#: metadata the converters add or the form records about the device: nothing to keep, nothing lost
METADATA = {
    "start",
    "end",
    "today",
    "deviceid",
    "username",
    "email",
    "phonenumber",
    "simserial",
    "subscriberid",
    "audit",
    "start-geopoint",
    "background-audio",
}
_ROW = re.compile(r"\[row\s*:\s*(\d+)\]", re.IGNORECASE)


@dataclass
class ImportResult:
    survey: Survey
    warnings: list[Problem] = field(default_factory=list)

    def as_dict(self, lang: str = "en") -> dict[str, Any]:
        return {
            "ok": True,
            "survey": self.survey.id,
            "version": self.survey.version,
            **self.survey.counts(),
            "languages": sorted(
                {lang for q in self.survey.questions for lang in ("en", "ar", "ckb") if q.label[lang]}
            ),
            "warnings": [w.as_dict(lang) for w in self.warnings],
            "definition": self.survey.model_dump(mode="json"),
        }


class _Rows:
    """Where each name sits in the survey sheet (row numbers as the spreadsheet shows them)."""

    def __init__(self, data: Any, file: str) -> None:
        self.file = file
        self.rows: dict[str, tuple[int, dict[str, Any]]] = {}
        for i, row in enumerate(data.survey or []):
            name = str(row.get("name", "")).strip()
            if name and name not in self.rows:
                self.rows[name] = (i + 2, row)
        header = data.survey_header[0] if data.survey_header else {}
        self.columns = {str(k): get_column_letter(n + 1) for n, k in enumerate(header) if k is not None}

    def where(self, name: str, column: str = "") -> Location:
        line = self.rows.get(name, (None, {}))[0]
        return Location(file=self.file, sheet="survey", line=line, column=self.columns.get(column, ""))

    def raw(self, name: str) -> dict[str, Any]:
        return self.rows.get(name, (0, {}))[1]


class _Reader:
    def __init__(self, rows: _Rows, default_language: str) -> None:
        self.rows = rows
        self.warnings: list[Problem] = []
        self.groups: list[Group] = []
        self.questions: list[Question] = []
        self.reported_languages: set[str] = set()
        self.default_language = language_code(default_language) if default_language != "default" else None

    # texts ------------------------------------------------------------------------------------------
    def text(self, value: Any, where: Location) -> Translated:
        if value is None or value == "":
            return Translated()
        if isinstance(value, str):
            value = {"default": value}
        found: dict[str, str] = {}
        for name, text in value.items():
            lang = self.default_language if name == "default" else language_code(name)
            if name == "default" and lang is None:
                lang = "en"
                if "default" not in self.reported_languages:
                    self.reported_languages.add("default")
                    self.warnings.append(Problem(E.UNNAMED_LANGUAGE, where, {"lang": "English (en)"}))
            if lang is None:
                if name not in self.reported_languages:
                    self.reported_languages.add(name)
                    self.warnings.append(Problem(E.UNKNOWN_LANGUAGE, where, {"language": name}))
                continue
            found.setdefault(lang, str(text))
        return Translated(**found)

    # structure --------------------------------------------------------------------------------------
    def walk(
        self, children: list[dict[str, Any]], path: tuple[str, ...], lists: dict[str, list[Option]]
    ) -> None:
        for child in children:
            kind, name = str(child.get("type", "")), str(child.get("name", ""))
            where = self.rows.where(name, "type")
            if kind == "group":
                if name == "meta" and child.get("control", {}).get("bodyless"):
                    continue  # instanceID and the other metadata pyxform adds
                bind = child.get("bind", {})
                self.groups.append(
                    Group(
                        name=name,
                        label=self.text(child.get("label"), where),
                        relevant=bind.get("relevant", ""),
                    )
                )
                self.walk(child.get("children", []), (*path, name), lists)
            elif kind in ("repeat", "loop"):
                self.warnings.append(Problem(E.REPEAT_NOT_KEPT, where, {"name": name}))
            elif kind == "calculate":
                calculation = child.get("bind", {}).get("calculate", "")
                self.warnings.append(
                    Problem(E.CALCULATION_NOT_KEPT, where, {"name": name, "calculation": calculation})
                )
            elif kind in METADATA:
                continue
            elif kind in KINDS:
                question = self.question(child, KINDS[kind], path, lists)
                if question is not None:
                    self.questions.append(question)
            else:
                self.warnings.append(Problem(E.NOT_REPRESENTED, where, {"name": name, "type": kind}))

    def question(
        self, child: dict[str, Any], kind: Kind, path: tuple[str, ...], lists: dict[str, list[Option]]
    ) -> Question | None:
        name = str(child["name"])
        raw = self.rows.raw(name)
        previous = self.questions[-1] if self.questions else None
        if (
            kind is Kind.TEXT
            and previous is not None
            and previous.or_other
            and name == f"{previous.name}_other"
            and name not in self.rows.rows
        ):
            return None  # the "specify other" text pyxform adds to an or_other question
        bind = child.get("bind", {})
        where = self.rows.where(name, "label")
        list_name = str(child.get("list_name") or child.get("itemset") or "")
        if kind in (Kind.SELECT_ONE, Kind.SELECT_MULTIPLE) and list_name and list_name not in lists:
            lists[list_name] = [
                self.option(o, where) for o in child.get("choices", []) if o.get("name") != "other"
            ]
        role = str(raw.get("raqmana_role", "")).strip()
        return Question(
            name=name,
            kind=kind,
            label=self.text(child.get("label"), where),
            hint=self.text(child.get("hint"), where),
            guidance=self.text(child.get("guidance_hint"), where),
            choices=list_name if kind in (Kind.SELECT_ONE, Kind.SELECT_MULTIPLE) else "",
            or_other="or_other" in str(raw.get("type", "")).split() or "or other" in str(raw.get("type", "")),
            required=str(bind.get("required", "")).lower() in ("true()", "yes", "true"),
            relevant=str(bind.get("relevant", "")),
            constraint=str(bind.get("constraint", "")),
            constraint_message=self.text(bind.get("jr:constraintMsg"), where),
            choice_filter=str(child.get("choice_filter", "")),
            group=path,
            role=Role(role) if role in {r.value for r in Role} else Role.NONE,
            topic=str(raw.get("raqmana_topic", "")).strip(),
            indicator=str(raw.get("raqmana_indicator", "")).strip(),
        )

    def option(self, choice: dict[str, Any], where: Location) -> Option:
        extra = {k: str(v) for k, v in choice.items() if k not in ("name", "label", "media", "score")}
        score: float | None = None
        if str(choice.get("score", "")).strip():
            try:
                score = float(choice["score"])
            except ValueError:
                score = None
        return Option(
            name=str(choice["name"]), label=self.text(choice.get("label"), where), score=score, filters=extra
        )


def _rejected(exc: Exception, file: str, definition: Any = None) -> ProblemsError:
    reason = str(exc).strip() or type(exc).__name__
    found = _ROW.search(reason)
    where = Location(file=file, sheet="survey" if found else "", line=int(found.group(1)) if found else None)
    if found is None and definition is not None:  # pyxform named the type or name without its row
        quoted = set(re.findall(r"'([^']+)'", reason))
        for i, row in enumerate(definition.survey or []):
            for column in ("type", "name"):
                if str(row.get(column, "")).strip() in quoted:
                    where = _Rows(definition, file).where(str(row.get("name", "")), column)
                    where = Location(file=file, sheet="survey", line=i + 2, column=where.column)
                    return ProblemsError([Problem(E.FORM_REJECTED, where, {"reason": reason})])
    return ProblemsError([Problem(E.FORM_REJECTED, where, {"reason": reason})])


def _warning_location(message: str, file: str) -> Location:
    found = _ROW.search(message)
    if found is None:
        return Location(file=file)
    sheet = "choices" if "'choices' sheet" in message else "survey"
    return Location(file=file, sheet=sheet, line=int(found.group(1)))


def _survey_id(value: str) -> str:
    cleaned = re.sub(r"[^a-z0-9_-]+", "_", value.strip().lower()).strip("_-")
    return cleaned if cleaned[:1].isalpha() else f"form_{cleaned}" if cleaned else "form"


def read_form(data: bytes, *, file: str = "form.xlsx") -> ImportResult:
    """The survey of an XLSForm (``.xlsx``, ``.xls``, ``.csv`` or pyxform's markdown) and the warnings
    about what it could not keep. Raises :class:`ProblemsError` when pyxform refuses the form."""
    from pyxform.builder import create_survey_element_from_dict
    from pyxform.xls2json import workbook_to_json
    from pyxform.xls2json_backends import get_xlsform

    suffix = "." + file.rsplit(".", 1)[-1].lower() if "." in file else None
    file_type = suffix if suffix in (".xlsx", ".xlsm", ".xls", ".csv", ".md") else None
    pyx_warnings: list[str] = []
    definition = None
    try:
        definition = get_xlsform(xlsform=BytesIO(data), file_type=file_type)
        tree = workbook_to_json(
            workbook_dict=definition, fallback_form_name=file.rsplit(".", 1)[0], warnings=pyx_warnings
        )
        create_survey_element_from_dict(tree).to_xml(warnings=pyx_warnings)
    except Exception as exc:  # pyxform raises its own errors and, on broken files, the reader's
        raise _rejected(exc, file, definition) from None
    rows = _Rows(definition, file)
    reader = _Reader(rows, str(tree.get("default_language", "default")))
    lists: dict[str, list[Option]] = {}
    for list_name, options in (tree.get("choices") or {}).items():
        lists[list_name] = [reader.option(o, Location(file=file, sheet="choices")) for o in options]
    reader.walk(tree.get("children", []), (), lists)
    warnings = [Problem(E.FORM_WARNING, _warning_location(w, file), {"message": w}) for w in pyx_warnings]
    for q in reader.questions:  # pyxform adds "other" to the list of an or_other question; the flag says it
        if q.or_other and q.choices in lists:
            lists[q.choices] = [o for o in lists[q.choices] if o.name != "other"]
    settings = (definition.settings or [{}])[0]
    title = reader.text(
        settings.get("form_title") or tree.get("title", ""), Location(file=file, sheet="settings")
    )
    survey = Survey(
        id=_survey_id(str(tree.get("id_string") or tree.get("name") or "form")),
        version=str(settings.get("version", "") or "1"),
        title=title,
        groups=reader.groups,
        questions=reader.questions,
        choice_lists={k: v for k, v in lists.items() if any(q.choices == k for q in reader.questions)},
        not_kept=[
            str(w.params["name"])
            for w in reader.warnings
            if w.code in (E.REPEAT_NOT_KEPT, E.CALCULATION_NOT_KEPT, E.NOT_REPRESENTED)
        ],
    )
    return ImportResult(survey, warnings + reader.warnings)
