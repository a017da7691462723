"""The error catalogue of the assessment workspace (codes WS…); Arabic and Sorani in the catalogues.

Codes are stable. Placeholders are filled from the problem's params; a param may itself be a
translated dict ``{"en": …, "ar": …, "ckb": …}`` (see ``WHAT`` and ``STATES`` below).
"""

from __future__ import annotations

from raqmana.i18n.catalog import ui
from raqmana.problems import Code, Severity

W = Severity.WARNING

# --- access -------------------------------------------------------------------------------------------
NOT_FOUND = Code("WS001", "{what} not found.")
FORBIDDEN = Code("WS002", "You do not have permission to do this.")
NOT_AUTHENTICATED = Code("WS003", "Your session has ended. Please sign in again.")
LOGIN_FAILED = Code("WS004", "Wrong username or password.")
ACCOUNT_LOCKED = Code("WS005", "Too many failed sign-ins: this account is locked until {until} (UTC).")
RATE_LIMITED = Code("WS006", "Too many attempts. Try again in {seconds} seconds.")
CSRF_FAILED = Code("WS007", "The form has expired. Reload the page and try again.")
ROUND_CLOSED = Code("WS008", "This assessment round is closed; answers can no longer change.")
ANSWER_LOCKED = Code("WS009", "This answer is {state} and cannot be changed now.")
SELF_REVIEW = Code("WS010", "You cannot review an answer that you gave yourself.")
STALE_VERSION = Code(
    "WS011",
    "{author} changed this answer (now version {version}) after you opened it. Compare and save again.",
)
# --- answers --------------------------------------------------------------------------------------------
STAGE_INVALID = Code("WS021", "'{value}' is not a stage: choose a whole number from 0 to 5.")
NUMBER_INVALID = Code("WS022", "'{value}' is not a number.")
NUMBER_RANGE = Code("WS023", "{value} is outside the allowed range {min} to {max}.")
CHOICE_INVALID = Code("WS024", "'{value}' is not one of the choices ({choices}).")
YES_NO_INVALID = Code("WS025", "Answer yes or no (got '{value}').")
NA_NOT_ALLOWED = Code("WS026", "Indicator {indicator} cannot be answered N/A.")
NA_AND_DONT_KNOW = Code("WS027", 'An answer cannot be both N/A and "don\'t know".')
TEXT_TOO_LONG = Code("WS028", "The text is longer than {max} characters.")
UNKNOWN_INDICATOR = Code("WS029", "Indicator '{indicator}' is not in this assessment's framework.")
RETURN_NEEDS_COMMENT = Code("WS031", "Write a comment that tells the focal point what to change.")
NOT_REVIEWABLE = Code("WS032", "Only submitted answers can be reviewed; this one is {state}.")
DECISION_INVALID = Code("WS033", "Unknown review decision '{value}' (use accept or return).")
COMMENT_REQUIRED = Code("WS034", "The comment is empty.")
# --- evidence -------------------------------------------------------------------------------------------
FILE_EMPTY = Code("WS040", "The file '{filename}' is empty.")
FILE_TOO_LARGE = Code("WS041", "The file '{filename}' is {size} MB; the limit is {limit} MB.")
FILE_TYPE_NOT_ALLOWED = Code(
    "WS042", "Files like '{filename}' are not accepted. Allowed: PDF, PNG, JPEG, DOCX, XLSX, CSV, TXT."
)
FILE_DISGUISED = Code(
    "WS043",
    "'{filename}' is not really a {expected} file (its content looks like {actual}). Upload the real document.",
)
URL_INVALID = Code("WS044", "'{url}' is not a web address starting with http:// or https://.")
SOURCE_TYPE_INVALID = Code(
    "WS045", "Unknown evidence source '{value}' (use document, system, external_index or survey)."
)
DATE_INVALID = Code("WS047", "'{value}' is not a date (use YYYY-MM-DD).")
# --- users ----------------------------------------------------------------------------------------------
USERNAME_INVALID = Code("WS050", "A username has 3 to 64 characters: Latin letters, digits, '.', '_' or '-'.")
USERNAME_TAKEN = Code("WS051", "The username '{username}' is already taken.")
PASSWORD_WEAK = Code("WS052", "The password needs at least {min} characters.")
ROLE_INVALID = Code(
    "WS053", "Unknown role '{value}' (use admin, coordinator, focal_point, reviewer or viewer)."
)
LOCALE_INVALID = Code("WS054", "Unknown language '{value}' (use ar, ckb or en).")
WRONG_PASSWORD = Code("WS055", "The current password is wrong.")
NAME_REQUIRED = Code("WS056", "{field} is required.")
# --- organisations ----------------------------------------------------------------------------------------
ORG_FILE_UNREADABLE = Code("WS060", "The organisation list cannot be read: {detail}")
ORG_FILE_TYPE = Code("WS061", "Give the organisation list as a .csv or .xlsx file (got '{filename}').")
MISSING_COLUMN = Code("WS062", "Column '{column}' is missing.")
ORG_CODE_INVALID = Code(
    "WS063", "'{value}' is not a valid code (lower-case Latin letters, digits and '-', up to 64 characters)."
)
DUPLICATE_CODE = Code("WS064", "The code '{value}' is used twice (first on row {first}).")
ORG_KIND_INVALID = Code("WS065", "Unknown kind '{value}' (use {kinds}).")
ORG_PARENT_UNKNOWN = Code(
    "WS066", "The parent '{value}' is neither in the file nor in the organisation tree."
)
ORG_CYCLE = Code("WS067", "'{value}' would become its own ancestor ({cycle}).")
ORG_NAME_MISSING = Code("WS068", "The {lang} name is missing.")
ORG_NAME_CKB_MISSING = Code(
    "WS069", "The Sorani (ckb) name is missing; the English name will be shown instead.", severity=W
)
TOO_LONG = Code("WS070", "The value is longer than {max} characters.")
# --- assessments and frameworks ---------------------------------------------------------------------------
NO_INSTITUTIONS = Code("WS080", "Choose at least one institution.")
UNKNOWN_ORG = Code("WS081", "Unknown institution code '{org}'.")
TARGET_STAGE_INVALID = Code("WS082", "The target stage must be a whole number from 0 to 5.")
FRAMEWORK_FROZEN = Code(
    "WS083",
    "Framework {id} version {version} is already used by an assessment and cannot change; give it a new version number.",
)
FRAMEWORK_EMPTY = Code("WS084", "The framework has no indicators to ask.")
ASSIGN_ROLE_INVALID = Code(
    "WS085", "Only focal points and reviewers are assigned to institutions (got '{value}')."
)
# --- workbooks ------------------------------------------------------------------------------------------
XLSX_UNREADABLE = Code("WS090", "'{filename}' is not a readable Excel workbook (.xlsx).")
SHEET_MISSING = Code("WS091", "Sheet '{sheet}' is missing; export a fresh workbook from raqmana.")
WORKBOOK_META = Code(
    "WS092", "This workbook was not exported by raqmana, or its hidden settings were changed ({detail})."
)
HEADER_CHANGED = Code("WS093", "The heading should be '{expected}'; the columns were moved or renamed.")
ROW_UNKNOWN_INDICATOR = Code(
    "WS094", "This row names indicator '{indicator}', which is not in the questionnaire."
)
ROW_DUPLICATE = Code("WS095", "Indicator '{indicator}' appears twice (first on row {first}).")
FLAG_INVALID = Code("WS097", "'{value}' is not a value of the list ({allowed}).")
ROW_STALE = Code(
    "WS098",
    "This answer was changed in raqmana by {author} after the workbook was exported (version {theirs} → {ours}); export the workbook again.",
)
ROW_LOCKED = Code("WS099", "This answer is {state} in raqmana and cannot be changed by a workbook.")
JOB_FAILED = Code("WS100", "The job stopped because of an internal error ({detail}).")
JOB_QUOTA = Code(
    "WS120",
    "You already have {quota} jobs waiting or running. Try again in {seconds} seconds, when one has finished.",
)
SELF_GRANT = Code("WS121", "You cannot give a role to yourself: ask another coordinator or administrator.")
SELF_ASSIGN = Code(
    "WS122", "You cannot assign yourself to an institution: ask another coordinator or administrator."
)

JOB_ABANDONED = Code(
    "WS101",
    "The worker running this job stopped {attempts} times before finishing it, so the job was given up. "
    "Start it again; if it stops again, ask the administrator to look at the worker's log.",
)
ZIP_UNREADABLE = Code("WS102", "'{filename}' is not a ZIP archive that can be opened.")
ZIP_NO_WORKBOOK = Code("WS103", "'{filename}' holds no Excel workbook (XLSX).")
UPLOAD_TOO_MANY = Code(
    "WS104", "Too many workbooks at once: {count} (at most {max}). Send them in several parts."
)
UPLOAD_TOO_BIG = Code("WS105", "'{filename}' is too big once unpacked (more than {max} MB in all).")

WORKBOOK_OTHER_ROUND = Code(
    "WS106",
    "This workbook belongs to another assessment round (number {theirs}), not to this one (number {ours}).",
)

ROW_KEPT_SERVER = Code(
    "WS107",
    "This row was not imported: {author} changed the answer in raqmana after the workbook was exported "
    "(version {theirs} → {ours}) and the row was not edited in the workbook, so the answer in raqmana is kept.",
    severity=W,
)
ANSWER_IGNORED_FLAG = Code(
    "WS108",
    "The answer '{value}' is ignored because the row is marked '{flag}'; clear '{flag}' to keep the answer.",
    severity=W,
)

ALL: tuple[Code, ...] = tuple(v for v in list(globals().values()) if isinstance(v, Code))

# words used inside messages ({what}, {state}, {lang})
WHAT: dict[str, dict[str, str]] = {
    "assessment": ui("Assessment").as_dict(),
    "response": ui("Answer").as_dict(),
    "organisation": ui("Institution").as_dict(),
    "user": ui("User").as_dict(),
    "evidence": ui("Evidence", "error words").as_dict(),
    "job": ui("Job").as_dict(),
    "audit": ui("Audit log").as_dict(),
    "framework": ui("Framework version").as_dict(),
    "assignment": ui("Assignment").as_dict(),
    "grant": ui("Role").as_dict(),
    "token": ui("API token").as_dict(),
    "name": ui("The name").as_dict(),
    "period": ui("The period").as_dict(),
    "display_name": ui("The display name").as_dict(),
    "service": ui("Service").as_dict(),
    "publication": ui("Publication").as_dict(),
    "case": ui("Case", "feedback").as_dict(),
    "consultation": ui("Consultation", "feedback").as_dict(),
    "section": ui("Section", "feedback").as_dict(),
    "comment": ui("Comment", "feedback").as_dict(),
    "document": ui("Document", "error words").as_dict(),
    "suggestion": ui("Suggestion", "error words").as_dict(),
}
STATES: dict[str, dict[str, str]] = {
    "draft": ui("a draft").as_dict(),
    "submitted": ui("submitted").as_dict(),
    "returned": ui("returned", "error words").as_dict(),
    "accepted": ui("accepted", "error words").as_dict(),
}
LANG_NAMES: dict[str, dict[str, str]] = {
    "en": ui("English").as_dict(),
    "ar": ui("Arabic").as_dict(),
    "ckb": ui("Sorani").as_dict(),
}
