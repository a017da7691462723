"""Why a JSON file or a workbook could not be read, as translated reasons (ar, ckb, en).

Python's ``json`` module, the operating system and openpyxl explain a failure in English only
("Expecting ',' delimiter", "File is not a zip file"). Each function here returns a ``{"en", "ar",
"ckb"}`` reason that a :class:`~raqmana.problems.Problem` can carry as a parameter: the English keeps
the original words in parentheses, the other languages say the same thing in their own words.
Used by the recommendation and roadmap readers, like :mod:`.validation_messages` for pydantic.
"""

from __future__ import annotations

import json

from raqmana.i18n import Translated
from raqmana.i18n.catalog import ui

#: (start of the ``json`` module's message, translated reason); the first match wins
_JSON: tuple[tuple[str, Translated], ...] = (
    (
        "Expecting value",
        ui(
            "a value is missing or is not valid JSON (text needs double quotes; 'true', 'false' and 'null' are lower case)"
        ),
    ),
    (
        "Expecting property name",
        ui("a key must be text in double quotes (is there a ',' too many before a '}'?)"),
    ),
    (
        "Expecting ',' delimiter",
        ui("a ',' is missing between two items"),
    ),
    (
        "Expecting ':' delimiter",
        ui("a ':' is missing after a key"),
    ),
    (
        "Unterminated string",
        ui("a text is not closed by a double quote"),
    ),
    (
        "Invalid control character",
        ui("a text contains a line break or a tab: write it as \\n or \\t"),
    ),
    (
        "Invalid \\",
        ui("a text has an unknown escape ('\\')"),
    ),
    (
        "Extra data",
        ui("there is more text after the end of the document"),
    ),
    (
        "Illegal trailing comma",
        ui("a ',' too many before a closing bracket"),
    ),
)
_JSON_OTHER = ui("{detail}")

NOT_FOUND = ui("the file does not exist").as_dict()
NOT_UTF8 = ui("the file is not UTF-8 text: save it with the UTF-8 encoding").as_dict()
_DIRECTORY = ui("this is a folder, not a file").as_dict()
_FORBIDDEN = ui("raqmana may not read the file (permissions)").as_dict()
# the library's own words (English) fill {detail} in English only: the Arabic and Sorani texts leave them
# out, and their catalogues mark these messages no-python-brace-format so that msgfmt -c agrees
_UNREADABLE = ui("the file cannot be read ({detail})")
_NOT_XLSX = ui("the file is not in the .xlsx format, or it is damaged ({detail})")
_XLS = ui("old Excel files (.xls) cannot be read: save the workbook as .xlsx").as_dict()


def _fill(reason: Translated, detail: str) -> dict[str, str]:
    return {lang: text.replace("{detail}", detail) for lang, text in reason.as_dict().items()}


def json_reason(exc: json.JSONDecodeError) -> dict[str, str]:
    """Why ``json.loads`` stopped (its line and column are on ``exc``; put them in the Location)."""
    for start, reason in _JSON:
        if exc.msg.startswith(start):
            return reason.as_dict()
    return _fill(_JSON_OTHER, exc.msg)


def read_reason(exc: OSError | UnicodeError) -> dict[str, str]:
    """Why a file could not be opened or decoded."""
    if isinstance(exc, UnicodeError):
        return NOT_UTF8
    if isinstance(exc, FileNotFoundError):
        return NOT_FOUND
    if isinstance(exc, IsADirectoryError):
        return _DIRECTORY
    if isinstance(exc, PermissionError):
        return _FORBIDDEN
    return _fill(_UNREADABLE, exc.strerror or type(exc).__name__)


def workbook_reason(exc: BaseException) -> dict[str, str]:
    """Why openpyxl could not open a workbook (it raises many kinds of error for a file that is not one)."""
    if isinstance(exc, (OSError, UnicodeError)):
        return read_reason(exc)
    detail = str(exc) or type(exc).__name__
    if ".xls file format" in detail:
        return _XLS
    return _fill(_NOT_XLSX, detail)
