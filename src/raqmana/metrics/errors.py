"""The error catalogue of the service catalogue and its measures (codes MT…); Arabic and Sorani in the
gettext catalogues under the code."""

from __future__ import annotations

from raqmana.problems import Code

NUMBER_INVALID = Code("MT001", "'{value}' is not a whole number of zero or more.")
NEGATIVE = Code("MT002", "{field} cannot be negative (got {value}).")
LEVEL_INVALID = Code("MT003", "'{value}' is not a digitisation level: use a whole number from 1 to 5.")
CHOICE_INVALID = Code("MT004", "'{value}' is not one of: {choices}.")
REQUIRED = Code("MT005", "{field} is required.")
MORE_VISITS_NOW = Code(
    "MT006",
    "Visits now ({now}) exceed visits before ({before}): more visits avoided than possible is refused; "
    "check the two columns.",
)
HELD_OVER_REQUIRED = Code(
    "MT007", "Documents another agency holds ({held}) exceed the documents required ({required})."
)
ONLINE_WITH_VISITS = Code(
    "MT008", "A service at level {level} is fully online, so it needs no visit (visits now: {now})."
)
CODE_INVALID = Code(
    "MT009", "'{value}' is not a valid service code (Latin letters, digits, '.', '_' or '-', up to 64)."
)
DATE_INVALID = Code("MT010", "'{value}' is not a date (use YYYY-MM-DD).")
DECIMAL_INVALID = Code("MT011", "'{value}' is not a number of zero or more.")
TOO_LONG = Code("MT012", "The text is longer than {max} characters.")
# --- the catalogue in the workspace ---------------------------------------------------------------------
UNKNOWN_OWNER = Code("MT020", "The institution '{value}' is not in the organisation tree.")
DUPLICATE_SERVICE = Code("MT021", "The service '{value}' is in the file twice (first on row {first}).")
NOT_YOURS = Code("MT022", "You may not change the services of '{value}'.")
FILE_TYPE = Code("MT023", "Give the service catalogue as a .csv or .xlsx file (got '{filename}').")
MISSING_COLUMN = Code("MT024", "Column '{column}' is missing.")
STALE = Code("MT025", "Someone changed this service (now version {version}) after you opened it.")
NOTHING_PUBLISHED = Code("MT026", "Nothing is published.")
PUBLICATION_MOVED = Code(
    "MT027", "Version {version} is published now; reload the page before withdrawing it."
)
# --- KPI observations -------------------------------------------------------------------------------------
UNKNOWN_KPI = Code("MT030", "'{value}' is not a KPI of the dictionary.")
KPI_DERIVED = Code(
    "MT031", "'{value}' is computed from the catalogue and the observations; it is not reported."
)
PERIOD_INVALID = Code("MT032", "'{value}' is not a quarter (write it as 2026-Q1).")
UNIT_WRONG = Code("MT033", "The unit '{value}' is not the unit of {kpi}: it is measured in '{unit}'.")
OUT_OF_RANGE = Code("MT034", "{value} is impossible in '{unit}' (from {low} to {high}).")
VALUE_INVALID = Code("MT035", "'{value}' is not a number.")
UNKNOWN_SERVICE = Code("MT036", "The service '{value}' is not in the catalogue.")
UNKNOWN_GOVERNORATE = Code("MT037", "'{value}' is not a governorate of the organisation tree.")
DUPLICATE_OBSERVATION = Code(
    "MT038",
    "The same KPI, quarter, institution, service and group is in the file twice (first on row {first}).",
)
VISITS_OVER_TRANSACTIONS = Code(
    "MT039",
    "Visits avoided ({avoided}) exceed what {transactions} transactions allow ({possible}); check the two rows.",
)
ONLINE_OVER_TRANSACTIONS = Code(
    "MT040", "Transactions online ({online}) exceed all transactions ({transactions}) in the same quarter."
)
NOT_WHOLE = Code("MT041", "A count is a whole number (got {value}).")
NOT_YOURS_TO_REPORT = Code("MT042", "You may not report figures for '{value}'.")
OBSERVATION_STALE = Code("MT043", "Someone changed this figure (now version {version}) after you opened it.")
OBSERVATION_FILE_TYPE = Code("MT044", "Give the observations as a .csv or .xlsx file (got '{filename}').")
# --- roadmap follow-up ------------------------------------------------------------------------------------
NO_ROADMAP = Code("MT050", "No roadmap is adopted yet: a coordinator adopts one first.")
UNKNOWN_INITIATIVE = Code("MT051", "'{value}' is not an initiative of the adopted roadmap.")
QUARTER_OUTSIDE = Code("MT052", "'{value}' is not a quarter of the roadmap (from {first} to {last}).")
NOT_YOURS_TO_FOLLOW = Code(
    "MT053", "You may not report the progress of '{value}': its owner institution does."
)
PROGRESS_STALE = Code(
    "MT054", "Someone changed this progress report (now version {version}) after you opened it."
)
ROADMAP_MOVED = Code("MT055", "Roadmap version {version} is adopted now; reload the page before re-planning.")
ROADMAP_FILE = Code("MT056", "'{filename}' is not a roadmap written by raqmana (roadmap.json): {reason}")
# --- review of service edits ------------------------------------------------------------------------------
EDIT_DECIDED = Code("MT060", "This edit was already {state}.")
RETURN_NEEDS_NOTE = Code("MT061", "Say in a note what to change when returning an edit.")
# --- review of KPI figures --------------------------------------------------------------------------------
FIGURE_DECIDED = Code("MT062", "This figure is not waiting for review: only a submitted figure is decided.")
FIGURE_RETURN_NEEDS_NOTE = Code("MT063", "Say in a note what to change when returning a figure.")
FIGURE_SELF_REVIEW = Code("MT064", "You cannot review a figure that you reported yourself.")
NOT_YOURS_TO_REVIEW = Code("MT065", "You may not review the figures of '{value}'.")
WITHDRAW_NEEDS_REASON = Code("MT066", "Say why the figure is withdrawn.")
FIGURE_WITHDRAWN = Code("MT067", "This figure is already withdrawn.")
WITHDRAW_ACCEPTED = Code(
    "MT068",
    "This figure of '{value}' was accepted, so a reviewer withdraws it: report the right figure instead, "
    "or ask a reviewer.",
)
