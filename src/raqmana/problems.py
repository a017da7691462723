"""Located, translated problems: the one way raqmana reports bad input to a person.

Each domain keeps a catalogue of :class:`Code` values (an id and an English message template with
``{placeholders}``); the Arabic and Sorani templates live in the gettext catalogues
(``raqmana/i18n/locale/*/LC_MESSAGES/raqmana.po``, msgctxt = the code id, msgid = the English text).
A :class:`Problem` is one occurrence with its location (file, sheet, row,
column, path, field). :class:`ProblemsError` carries a list of them; the CLI and the web app turn
it into a message in the user's language and exit code 2 / HTTP 422 — never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from raqmana.i18n.catalog import pgettext
from raqmana.i18n.locales import get_locale
from raqmana.i18n.numbers import localize_digits
from raqmana.i18n.text import Translated


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class Code:
    """A catalogue entry: a stable id, the English message template and a severity.

    The Arabic and Sorani templates are looked up in the gettext catalogue under the context ``id``.
    ``Code(id, en, ar, ckb)`` with the texts inline is still read (a definition not yet moved to the
    catalogues by ``tools/convert_error_codes.py``); inline texts win over the catalogue.
    """

    __slots__ = ("_inline", "en", "id", "severity")

    id: str
    en: str
    severity: Severity
    _inline: tuple[str, str]

    def __init__(
        self, id: str, en: str, ar: str = "", ckb: str = "", severity: Severity = Severity.ERROR
    ) -> None:
        object.__setattr__(self, "id", id)
        object.__setattr__(self, "en", en)
        object.__setattr__(self, "severity", severity)
        object.__setattr__(self, "_inline", (ar, ckb))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Code is immutable: {name}")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Code) and (self.id, self.en, self.severity) == (
            other.id,
            other.en,
            other.severity,
        )

    def __hash__(self) -> int:
        return hash((self.id, self.en, self.severity))

    def __repr__(self) -> str:
        return f"Code({self.id!r}, {self.en!r}, severity={self.severity.value!r})"

    def __reduce__(self) -> tuple[type[Code], tuple[str, str, str, str, Severity]]:
        return (Code, (self.id, self.en, *self._inline, self.severity))

    @property
    def ar(self) -> str:
        return self.template("ar")

    @property
    def ckb(self) -> str:
        return self.template("ckb")

    def template(self, lang: str) -> str:
        """The message template in ``lang`` (English when the catalogue has no text for it)."""
        code = get_locale(lang).code
        if code == "en":
            return self.en
        inline = self._inline[0 if code == "ar" else 1]
        return inline or pgettext(code, self.id, self.en)


@dataclass(frozen=True, slots=True)
class Location:
    file: str = ""
    sheet: str = ""
    line: int | None = None  # YAML/CSV line or XLSX row (1-based)
    column: str = ""  # XLSX column letter or CSV column name
    path: str = ""  # path inside the document, e.g. "pillars[2].sub_areas[0].indicators[3]"
    field: str = ""

    def render(self, lang: str) -> str:
        labels = {
            "sheet": pgettext(lang, "location", "sheet"),
            "row": pgettext(lang, "location", "row"),
            "line": pgettext(lang, "location", "line"),
            "column": pgettext(lang, "location", "column"),
            "field": pgettext(lang, "location", "field"),
        }
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
            k: v.get(code)
            if isinstance(v, Translated)
            else (v.get(code) or v.get("en", ""))
            if isinstance(v, dict)
            else v
            for k, v in self.params.items()
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
