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
