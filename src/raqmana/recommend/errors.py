"""The error catalogue of recommendation rule bases and assessment input files."""

from __future__ import annotations

from raqmana.i18n.catalog import ui
from raqmana.problems import Code, Severity

W = Severity.WARNING

FILE_NOT_FOUND = Code("RC001", "Rule base '{name}' not found.")
YAML_SYNTAX = Code("RC002", "Not valid YAML: {reason}.")
SCHEMA = Code("RC003", "{detail}")
MISSING_TRANSLATION = Code("RC004", "rule {id}: {field} missing in {lang}")
DUPLICATE_RULE = Code("RC005", "Duplicate rule id '{id}' (first used at {first}).")
UNKNOWN_PILLAR = Code("RC006", "rule {id}: unknown pillar '{value}'.")
CONDITION_SYNTAX = Code("RC007", "rule {id}: cannot read the condition '{condition}': {detail}")
UNKNOWN_INDICATOR = Code("RC008", "rule {id}: the condition '{condition}' names unknown indicator '{value}'.")
UNKNOWN_CONDITION_PILLAR = Code(
    "RC009", "rule {id}: the condition '{condition}' names unknown pillar '{value}'."
)
UNKNOWN_RULE = Code("RC010", "rule {id}: {where} names unknown rule '{value}'.")
PREREQUISITE_CYCLE = Code("RC011", "rule prerequisites form a cycle: {cycle}.")
FIRED_CYCLE = Code("RC012", "conditions on other rules form a cycle: {cycle}.")
UNKNOWN_BLOCK = Code("RC013", "rule {id}: unknown GovStack building block '{value}'.")
UNKNOWN_SDG = Code("RC014", "rule {id}: unknown SDG target '{value}'.")
COST_RANGE = Code("RC015", "rule {id}: the low cost ({low}) is above the high cost ({high}).")
NO_RESPONSIBLE = Code("RC016", "rule {id}: a national rule needs a responsible institution type.")
DUPLICATE_KPI = Code("RC017", "rule {id}: KPI id '{value}' is used more than once.")
INCLUDE_NOT_FOUND = Code("RC018", "The rule file '{name}' listed under rules: does not exist.")
SORANI_SPELLING = Code(
    "RC019",
    "rule {id}: the Sorani {field} uses Arabic letters {letters}; write {fixed} (ھ ی ک ە, see the glossary).",
)
UNKNOWN_BOTTLENECK = Code(
    "RC020",
    "rule {id}: the condition '{condition}' names '{value}', which no survey of the pack asks as a bottleneck"
    " ({known}).",
)
# assessment input
BAD_JSON = Code("RC050", "Not valid JSON: {detail}")
DUPLICATE_INSTITUTION = Code("RC051", "Institution id '{id}' appears more than once.")
NO_INSTITUTIONS = Code("RC052", "The assessment has no institutions.")
BAD_ANSWER = Code("RC053", "institution {id}: {indicator} = '{value}' is not {expected}.")
# warnings
TYPE_IN_NATIONAL = Code(
    "RC101",
    "rule {id}: an institution-type condition in a national rule compares the type 'national'.",
    severity=W,
)
SHORT_TOO_LONG = Code(
    "RC102", "rule {id}: a short-term recommendation lasts {duration} quarters (more than 6).", severity=W
)
NO_CONDITIONS = Code("RC103", "rule {id} has no condition and always fires.", severity=W)
PILLAR_WITHOUT_RULES = Code("RC104", "pillar {value} has no recommendation rule.", severity=W)
OTHER_FRAMEWORK = Code(
    "RC105", "The rule base is written for framework '{expected}', not '{actual}'.", severity=W
)
LADDER_THRESHOLD = Code(
    "RC106",
    "rule {id}: the condition '{condition}' compares a ladder indicator with {value}, outside stages 0–5.",
    severity=W,
)
UNKNOWN_ANSWER = Code(
    "RC151",
    "institution {id}: '{value}' is not an indicator or pillar of the framework and is ignored.",
    severity=W,
)

ALL: tuple[Code, ...] = tuple(v for v in list(globals().values()) if isinstance(v, Code))

FIELD_WORDS = {
    "title": ui("title").as_dict(),
    "description": ui("description").as_dict(),
    "kpi": ui("KPI name").as_dict(),
}
EXPECTED = {
    "stage": ui("a stage from 0 to 5").as_dict(),
    "percentage": ui("a percentage from 0 to 100").as_dict(),
    "score": ui("a score from 0 to 100").as_dict(),
    "yes_no": ui("0 (no) or 1 (yes)").as_dict(),
    "choice": ui("one of the indicator's choices").as_dict(),
    "number": ui("a number").as_dict(),
    "share": ui("a share from 0 to 1").as_dict(),
}
WHERE_WORDS = {
    "prerequisites": ui("prerequisites").as_dict(),
    "condition": ui("a condition").as_dict(),
}
#: details of RC003 when a rules file is not shaped as it should be
NOT_A_MAPPING = ui("expected a mapping of 'key: value' lines").as_dict()
NOT_A_LIST_OF_RULES = ui("expected a list of rules (items starting with '- ')").as_dict()
