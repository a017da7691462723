"""The error catalogue of surveys: XLSForms in and out, Kobo/ODK submission exports, perception scoring."""

from __future__ import annotations

from raqmana.problems import Code, Severity

W = Severity.WARNING

# XLSForms
FORM_REJECTED = Code("SV001", "The form is not a valid XLSForm: {reason}")
FORM_WARNING = Code("SV002", "XLSForm check: {message}", severity=W)
NOT_REPRESENTED = Code(
    "SV003",
    "Question '{name}' of type '{type}' is not kept: raqmana does not represent this type.",
    severity=W,
)
UNKNOWN_LANGUAGE = Code(
    "SV004",
    "Language '{language}' is not Arabic, Kurdish (Sorani) or English; its texts are not kept.",
    severity=W,
)
UNNAMED_LANGUAGE = Code("SV005", "Texts without a language are kept as {lang}.", severity=W)
UNKNOWN_SURVEY = Code(
    "SV006", "'{name}' is neither a framework pack nor a survey of one. Known surveys: {known}."
)
REPEAT_NOT_KEPT = Code(
    "SV007",
    "Repeat '{name}' and the questions in it are not kept: raqmana keeps one answer per question and respondent.",
    severity=W,
)
CALCULATION_NOT_KEPT = Code(
    "SV008",
    "Calculation '{name}' ({calculation}) is not kept: its value is computed by the form only.",
    severity=W,
)
COLUMN_NOT_KEPT = Code("SV009", "Column '{column}' is not kept: raqmana has no place for it.", severity=W)

UNKNOWN_QUESTION = Code("SV024", "Question '{name}' is not in survey {survey}.")
UNKNOWN_ROLE = Code("SV025", "'{role}' is not a respondent attribute raqmana knows ({known}).")

# submission exports
BROKEN_FILE = Code("SV010", "The file cannot be read as {kind}: {reason}")
NO_ID_COLUMN = Code(
    "SV011", "No submission identifier column was found (_uuid, meta/instanceID, instanceID or KEY)."
)
UNKNOWN_COLUMN = Code("SV012", "Column '{column}' matches no question of survey {survey}.")
NOT_A_CHOICE = Code("SV013", "'{value}' is not a choice of question {question}.")
NOT_A_NUMBER = Code("SV014", "'{value}' is not a number (question {question}).")
DUPLICATE_UUID = Code(
    "SV015", "Submission {uuid} appears twice with different answers (first on row {first})."
)
MISSING_ID = Code("SV016", "The row has no submission identifier.")
OTHER_VERSION = Code(
    "SV017", "The submission was made with form version {found}; survey {survey} is version {expected}."
)
NO_ROWS = Code("SV018", "The file has no submissions.")
UNKNOWN_FORMAT = Code("SV019", "'{name}' is neither a CSV nor an XLSX file.")
COLUMN_OF_NOT_KEPT = Code(
    "SV030",
    "Column '{column}' answers '{name}', which raqmana does not keep (see the form's warnings); it is left out.",
    severity=W,
)
SHEET_NOT_KEPT = Code(
    "SV023",
    "Sheet '{sheet}' (a repeat group) is not imported: raqmana keeps one answer per question and respondent.",
    severity=W,
)

# assessment rounds
ROUND_CLOSED = Code(
    "SV031", "Round {round} ({period}) is closed: its survey submissions can no longer change."
)
IN_OTHER_ROUND = Code(
    "SV032",
    "{count} submissions of the file were imported into round {round} ({period}) before and are left "
    "there; the first is on row {row}.",
    severity=W,
)
NO_OPEN_ROUND = Code("SV033", "No assessment round is open: name the round to import into ({rounds}).")

# scoring
NO_SCORED = Code("SV020", "Survey {survey} has no scored questions.")
NO_ANSWERS = Code("SV021", "There are no scored answers to analyse.")
BAD_WEIGHT = Code("SV022", "Design weight '{value}' of submission {uuid} is not a positive number.")

# survey indicators of a framework pack (survey_indicators.yaml)
SPEC_SUB_AREA = Code("SV026", "Survey indicator {id}: the framework has no sub-area '{value}'.")
SPEC_SURVEY = Code("SV027", "Survey indicator {id}: the pack has no survey '{value}'.")
SPEC_TOPIC = Code("SV028", "Survey indicator {id}: survey {survey} has no topic '{value}'.")
SPEC_ID_TAKEN = Code("SV029", "Survey indicator {id}: the id is already used by another indicator.")
