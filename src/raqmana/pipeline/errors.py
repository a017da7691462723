"""The error catalogue of the chain's country files (PL…)."""

from __future__ import annotations

from raqmana.problems import Code

COUNTRY_FILE_MISSING = Code("PL001", "Country file '{name}' not found.")
COUNTRY_YAML = Code("PL002", "Not valid YAML: {reason}.")
COUNTRY_FIELD = Code("PL003", "{detail}")
UNKNOWN_COUNTRY = Code("PL004", "No country file for '{iso3}'; known countries: {known}.")
DUPLICATE_COUNTRY = Code("PL005", "Two country files are for '{iso3}': {files}.")

ALL: tuple[Code, ...] = tuple(v for v in list(globals().values()) if isinstance(v, Code))
