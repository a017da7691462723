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
