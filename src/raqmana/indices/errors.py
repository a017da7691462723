"""The error catalogue for public-index datasets (reading, importing, reproducing).

Codes are stable (IX0xx errors, IX1xx warnings).
"""

from __future__ import annotations

from raqmana.problems import Code, Severity

W = Severity.WARNING

UNKNOWN_INDEX = Code("IX001", "Unknown index '{name}'. Known: {known}.")
FILE_NOT_FOUND = Code("IX002", "File '{name}' not found.")
NOT_TEXT = Code("IX003", "Not a UTF-8 CSV file: {detail}")
EMPTY_FILE = Code("IX004", "The file has no data rows.")
MISSING_COLUMN = Code("IX005", "Column '{column}' is missing (accepted headers: {accepted}).")
NOT_A_NUMBER = Code("IX006", "'{value}' is not a number.")
OUT_OF_RANGE = Code("IX007", "{value} is outside the range {lo}–{hi} of {column}.")
UNKNOWN_COUNTRY = Code(
    "IX008", "Unknown country '{value}': add its ISO3 code in a column 'iso3' or use a known name."
)
DUPLICATE_ROW = Code("IX009", "{iso3} appears twice in edition {edition} (first at line {first}).")
NO_EDITION = Code("IX010", "The edition is not known: give --edition YEAR or a 'year' column.")
EDITION_CONFLICT = Code("IX011", "The row says edition {found} but the import is for edition {edition}.")
BAD_EDITION = Code("IX012", "'{value}' is not an edition: use a year (2026) or a year and month (2026-05).")
UNKNOWN_EDITION = Code("IX013", "{name} has no edition {edition}. Editions: {known}.")
NOT_IMPORTED = Code(
    "IX014",
    "{name} is not shipped with raqmana (licence). Import your copy: raqmana indices import {name} FILE --edition YEAR.",
)
UNKNOWN_COUNTRY_CODE = Code("IX015", "Unknown country '{value}' in the peers: use an ISO3 code such as IRQ.")
NOTHING_TO_COMPARE = Code(
    "IX016", "{name} {edition}: no row has every component needed to reproduce the index."
)
# warnings
UNKNOWN_COLUMN = Code(
    "IX101", "Column or variable '{column}' is not part of {name} and is ignored.", severity=W
)
STALE = Code(
    "IX102",
    "{name}: the newest edition here is {edition} ({age} years old); {publisher} publishes every {cycle} years, "
    "so a newer edition is probably out — import it.",
    severity=W,
)
REPLACES_EDITION = Code(
    "IX103",
    "Edition {edition} of {name} already exists and will be replaced by the imported file.",
    severity=W,
)
MISSING_VALUE = Code("IX104", "{iso3}: {column} is blank.", severity=W)

ALL: tuple[Code, ...] = tuple(v for v in list(globals().values()) if isinstance(v, Code))
