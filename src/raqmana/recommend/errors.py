"""The error catalogue of recommendation rule bases and assessment input files."""

from __future__ import annotations

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
    "title": {"en": "title", "ar": "العنوان", "ckb": "ناونیشان"},
    "description": {"en": "description", "ar": "الوصف", "ckb": "وەسف"},
    "kpi": {"en": "KPI name", "ar": "اسم مؤشر الأداء", "ckb": "ناوی پێوەری ئەدا"},
}
EXPECTED = {
    "stage": {"en": "a stage from 0 to 5", "ar": "مرحلة من 0 إلى 5", "ckb": "قۆناغێک لە 0 تا 5"},
    "percentage": {
        "en": "a percentage from 0 to 100",
        "ar": "نسبة مئوية من 0 إلى 100",
        "ckb": "ڕێژەیەکی سەدی لە 0 تا 100",
    },
    "score": {"en": "a score from 0 to 100", "ar": "درجة من 0 إلى 100", "ckb": "نمرەیەک لە 0 تا 100"},
    "yes_no": {"en": "0 (no) or 1 (yes)", "ar": "0 (لا) أو 1 (نعم)", "ckb": "0 (نەخێر) یان 1 (بەڵێ)"},
    "choice": {
        "en": "one of the indicator's choices",
        "ar": "أحد خيارات المؤشر",
        "ckb": "یەکێک لە ھەڵبژاردەکانی پێوەرەکە",
    },
    "number": {"en": "a number", "ar": "رقماً", "ckb": "ژمارە"},
    "share": {"en": "a share from 0 to 1", "ar": "نسبة من 0 إلى 1", "ckb": "ڕێژەیەک لە 0 تا 1"},
}
WHERE_WORDS = {
    "prerequisites": {"en": "prerequisites", "ar": "المتطلبات المسبقة", "ckb": "پێشمەرجەکان"},
    "condition": {"en": "a condition", "ar": "أحد الشروط", "ckb": "مەرجێک"},
}
#: details of RC003 when a rules file is not shaped as it should be
NOT_A_MAPPING = {
    "en": "expected a mapping of 'key: value' lines",
    "ar": "يجب أن يكون الملف مجموعة أسطر بالشكل 'key: value'",
    "ckb": "فایلەکە دەبێت کۆمەڵە دێڕێک بێت بە شێوەی 'key: value'",
}
NOT_A_LIST_OF_RULES = {
    "en": "expected a list of rules (items starting with '- ')",
    "ar": "يجب أن يكون الملف قائمة قواعد (عناصر تبدأ بـ '- ')",
    "ckb": "فایلەکە دەبێت لیستی ڕێساکان بێت (بڕگەگەلێک کە بە '- ' دەست پێ دەکەن)",
}
