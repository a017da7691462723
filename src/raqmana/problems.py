"""Located, translated problems: the one way raqmana reports bad input to a person.

Each domain keeps a catalogue of :class:`Code` values (an id and an en/ar/ckb message template with
``{placeholders}``). A :class:`Problem` is one occurrence with its location (file, sheet, row,
column, path, field). :class:`ProblemsError` carries a list of them; the CLI and the web app turn
it into a message in the user's language and exit code 2 / HTTP 422 — never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from raqmana.i18n.locales import get_locale
from raqmana.i18n.numbers import localize_digits


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Code:
    """A catalogue entry: stable id and message templates in the three languages."""

    id: str
    en: str
    ar: str
    ckb: str
    severity: Severity = Severity.ERROR

    def template(self, lang: str) -> str:
        code = get_locale(lang).code
        text: str = getattr(self, code)
        return text or self.en


@dataclass(frozen=True, slots=True)
class Location:
    file: str = ""
    sheet: str = ""
    line: int | None = None  # YAML/CSV line or XLSX row (1-based)
    column: str = ""  # XLSX column letter or CSV column name
    path: str = ""  # path inside the document, e.g. "pillars[2].sub_areas[0].indicators[3]"
    field: str = ""

    def render(self, lang: str) -> str:
        labels = _LOCATION_LABELS[get_locale(lang).code]
        parts: list[str] = []
        if self.file:
            parts.append(self.file)
        if self.sheet:
            parts.append(f"{labels['sheet']} {self.sheet}")
        if self.line is not None:
            parts.append(f"{labels['row' if self.sheet else 'line']} {self.line}")
        if self.column:
            parts.append(f"{labels['column']} {self.column}")
        if self.path:
            parts.append(self.path)
        if self.field:
            parts.append(f"{labels['field']} {self.field}")
        return ", ".join(parts) if lang == "en" else "، ".join(parts)

    def as_dict(self) -> dict[str, Any]:
        return {
            k: v
            for k, v in {
                "file": self.file,
                "sheet": self.sheet,
                "line": self.line,
                "column": self.column,
                "path": self.path,
                "field": self.field,
            }.items()
            if v not in ("", None)
        }


_LOCATION_LABELS = {
    "en": {"sheet": "sheet", "row": "row", "line": "line", "column": "column", "field": "field"},
    "ar": {"sheet": "الورقة", "row": "الصف", "line": "السطر", "column": "العمود", "field": "الحقل"},
    "ckb": {"sheet": "پەڕە", "row": "ڕیز", "line": "دێڕ", "column": "ستوون", "field": "خانە"},
}


@dataclass(frozen=True, slots=True)
class Problem:
    code: Code
    location: Location = field(default_factory=Location)
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def severity(self) -> Severity:
        return self.code.severity

    def message(self, lang: str = "en") -> str:
        code = get_locale(lang).code
        params = {
            k: (v.get(code) or v.get("en", "")) if isinstance(v, dict) else v for k, v in self.params.items()
        }
        try:
            text = self.code.template(lang).format(**params)
        except (KeyError, IndexError):  # a template/param mismatch must not hide the problem
            text = self.code.template(lang) + " " + repr(self.params)
        return text

    def render(self, lang: str = "en") -> str:
        where = self.location.render(lang)
        text = f"{where}: {self.message(lang)}" if where else self.message(lang)
        return f"[{self.code.id}] " + localize_digits(text, lang, "latn")

    def as_dict(self, lang: str = "en") -> dict[str, Any]:
        return {
            "code": self.code.id,
            "severity": self.severity.value,
            "message": self.message(lang),
            "location": self.location.as_dict(),
        }


class ProblemsError(Exception):
    """Raised when input has errors; carries every problem found (errors and warnings)."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(p.render("en") for p in problems[:5]))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]


def split(problems: list[Problem]) -> tuple[list[Problem], list[Problem]]:
    """(errors, warnings)"""
    errs = [p for p in problems if p.severity is Severity.ERROR]
    warns = [p for p in problems if p.severity is Severity.WARNING]
    return errs, warns
