"""The error catalogue of citizen participation (codes CP…); Arabic and Sorani in the gettext catalogues
under the code."""

from __future__ import annotations

from raqmana.problems import Code

UNKNOWN_INSTITUTION = Code("CP001", "The institution '{value}' is not in the organisation tree.")
UNKNOWN_SERVICE = Code("CP002", "The service '{value}' is not in the catalogue of this institution.")
RATING_RANGE = Code("CP003", "Give a rating from 1 to 5 (got '{value}').")
TEXT_REQUIRED = Code("CP004", "Write what happened: a complaint needs a few words.")
TEXT_TOO_LONG = Code("CP005", "The text is longer than {max} characters.")
TRACKING_INVALID = Code(
    "CP006", "'{value}' is not a tracking number: check it against the one you were given (RQ-…)."
)
TOO_MANY = Code("CP007", "Too many messages from your connection; try again in {seconds} seconds.")
NOT_HANDLER = Code("CP008", "You may not handle the cases of '{value}'.")
WRONG_STATE = Code("CP009", "A case that is {state} cannot be {action}.")
ANSWER_REQUIRED = Code("CP010", "Write the answer to send to the person.")
REASON_REQUIRED = Code("CP011", "Choose why the text is hidden.")
TRAP_FILLED = Code("CP012", "Leave the last field empty: it is there to catch automated messages.")
FILE_TYPE = Code("CP020", "Give the cases as a .csv or .json file (got '{filename}').")
MISSING_COLUMN = Code("CP021", "Column '{column}' is missing.")
BAD_VALUE = Code("CP022", "'{value}' is not a valid {column}.")
DUPLICATE_TRACKING = Code(
    "CP023", "The tracking number '{value}' is in the file twice (first on row {first})."
)
BAD_JSON = Code("CP024", "The file is not a JSON list of cases: {reason}.")
# --- consultations ---------------------------------------------------------------------------------------
CONSULTATION_CLOSED = Code(
    "CP030", "This consultation is not open for comments (open from {opens} to {closes})."
)
DATES_ORDER = Code("CP031", "The consultation must close after it opens.")
NO_SECTIONS = Code("CP032", "A consultation needs at least one section of the draft to comment on.")
COMMENT_REQUIRED = Code("CP033", "Write your comment on this section.")
NOT_ALLOWED = Code("CP034", "This consultation is open to {who} only.")
PARENT_NOT_FOUND = Code("CP035", "The comment you reply to is not published in this consultation.")
QUESTION_OPTIONS = Code("CP036", "A choice, multiple-choice or ranking question needs at least two options.")
QUESTION_NO_OPTIONS = Code("CP037", "A free-text or Likert question has no options.")
ANSWER_INVALID = Code("CP038", "This is not an answer to the question: choose among its options.")
RANKING_INCOMPLETE = Code("CP039", "Rank all {options} options, each once.")
PARTICIPANT_UNKNOWN = Code(
    "CP040", "Your participation is not recognised: start again from the consultation."
)
CONTACT_INVALID = Code("CP041", "'{value}' is not an e-mail address or a phone number.")
CODE_WRONG = Code("CP042", "The code is wrong or has expired: ask for a new one.")
NOT_VERIFIED = Code("CP043", "Confirm your e-mail or phone with the code sent to it before taking part.")
NOT_CLOSED = Code("CP044", "The response report is written once the consultation has closed ({closes}).")
DOCUMENT_TYPE = Code("CP045", "Give the draft as a PDF or Word (.docx) file (got '{filename}').")
RETENTION_RANGE = Code(
    "CP046", "Keep the contributions between 30 and 3650 days after closing (got {value})."
)
NOT_EDITABLE = Code(
    "CP047", "A consultation that has comments keeps its sections; only its details can change."
)
QUESTION_UNWRITTEN = Code("CP048", "Question {n} has no text in the language it is written in ({language}).")
OPTION_UNWRITTEN = Code(
    "CP049",
    "Option {option} of question {n} has no text in the language the question is written in ({language}).",
)
QUESTIONS_LINE = Code(
    "CP050",
    "Write each question on one line as kind: question | option | option, the kind one of text, single, "
    "multiple, ranking, likert.",
)
QUESTIONS_TRANSLATION = Code(
    "CP051",
    "This translation has {got} questions or options where the questions as written have {expected}: "
    "one line for each question, in the same order, with the same options.",
)
COMMENT_REPEATED = Code(
    "CP052",
    "You sent the same comment on this section a moment ago; it was not added a second time.",
)
