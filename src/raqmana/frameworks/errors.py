"""The error catalogue for framework files (YAML and XLSX).

Codes are stable; their Arabic and Sorani are in the gettext catalogues (msgctxt = code) and
``docs/errors.md`` is generated from every catalogue (``raqmana framework errors --markdown``).
"""

from __future__ import annotations

from raqmana.i18n.catalog import ui
from raqmana.problems import Code, Severity

W = Severity.WARNING

FILE_NOT_FOUND = Code("FW001", "File or framework pack '{name}' not found.")
YAML_SYNTAX = Code("FW002", "The YAML is not valid: {reason}.")
SCHEMA = Code("FW003", "{detail}")
MISSING_TRANSLATION = Code("FW004", "{what} {id}: {field} missing in {lang}")
DUPLICATE_ID = Code("FW005", "Duplicate id '{id}' (first used at {first}).")
UNKNOWN_CROSSWALK = Code("FW006", "indicator {id}: unknown {target} reference '{value}'.")
LADDER_STAGE = Code("FW007", "indicator {id}: stage {stage} is missing from the ladder.")
LADDER_DUPLICATE = Code("FW008", "indicator {id}: stage {stage} is defined more than once.")
UNKNOWN_DEPENDENCY = Code("FW009", "pillar {id}: depends on unknown pillar '{value}'.")
DEPENDENCY_CYCLE = Code("FW010", "pillar dependencies form a cycle: {cycle}.")
XLSX_UNREADABLE = Code("FW011", "Not a readable Excel workbook: {detail}")
XLSX_MISSING_SHEET = Code("FW012", "Sheet '{sheet}' is missing.")
XLSX_MISSING_COLUMN = Code("FW013", "Column '{column}' is missing.")
XLSX_BAD_CELL = Code("FW014", "'{value}' is not {expected}.")
XLSX_UNKNOWN_PARENT = Code("FW015", "'{value}' does not name a row of sheet '{parent_sheet}'.")
CHOICES_MISSING = Code("FW016", "indicator {id}: a choice question needs at least two distinct choices.")
GOALPOSTS = Code("FW017", "indicator {id}: min_value must be below max_value.")
STAGES_NOT_ALLOWED = Code(
    "FW018", "indicator {id}: stages are only used by ladder questions (answer type is {answer_type})."
)
BAD_DIRECTION = Code(
    "FW019", "indicator {id}: direction must be 1 (higher is better) or -1 (lower is better)."
)
EMPTY_FRAMEWORK = Code("FW020", "the framework has no indicators.")
SORANI_SPELLING = Code(
    "FW021",
    "{what} {id}: the Sorani {field} uses Arabic letters {letters}; write {fixed} (ھ ی ک ە, see the glossary).",
)
# warnings
ZERO_WEIGHT = Code("FW101", "{what} {id} has weight 0 and will not count in scores.", severity=W)
EMPTY_CONTAINER = Code("FW102", "{what} {id} has no {children}.", severity=W)
NO_CROSSWALK = Code("FW103", "indicator {id} has no SDG target in its crosswalk.", severity=W)
NO_GOALPOSTS = Code(
    "FW104",
    "indicator {id}: a number question without min_value/max_value is normalised against the other institutions' answers.",
    severity=W,
)

ALL: tuple[Code, ...] = tuple(v for v in list(globals().values()) if isinstance(v, Code))

# words used inside messages
WHAT = {
    "framework": ui("framework").as_dict(),
    "pillar": ui("pillar").as_dict(),
    "sub_area": ui("sub-area").as_dict(),
    "indicator": ui("indicator").as_dict(),
    "stage_label": ui("stage label").as_dict(),
    "catalogue": ui("catalogue item").as_dict(),
}
#: what a workbook cell should hold (XLSX_BAD_CELL's {expected})
EXPECTED = {
    "yes/no": ui("yes or no").as_dict(),
    "a whole number": ui("a whole number").as_dict(),
    "a number": ui("a number").as_dict(),
}
#: FW003 details written by the loaders themselves (pydantic's come from validation_messages.describe)
NOT_A_MAPPING = ui("the document must be a mapping of 'key: value' lines").as_dict()
#: a language is named by its code in every language ({lang} in FW004)
LANG_NAMES = {code: {"en": code, "ar": code, "ckb": code} for code in ("en", "ar", "ckb")}
