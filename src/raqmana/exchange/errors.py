"""The error catalogue of data exchange: round archives (export and import) and webhooks."""

from __future__ import annotations

from raqmana.problems import Code

# --- round archives -------------------------------------------------------------------------------------
ARCHIVE_UNREADABLE = Code("EX001", "'{filename}' is not a readable ZIP archive of a round.")
ARCHIVE_TOO_BIG = Code(
    "EX002", "'{filename}' unpacks to more than {limit} MB or holds more than {members} files: refused."
)
MEMBER_UNSAFE = Code(
    "EX003", "The archive holds '{member}', a name outside the archive's own folders: refused."
)
MANIFEST_MISSING = Code(
    "EX004", "The archive has no manifest.json: it was not made by raqmana's round export."
)
MANIFEST_INVALID = Code("EX005", "manifest.json cannot be read: {reason}")
FORMAT_UNSUPPORTED = Code(
    "EX006", "The archive's format version is {found}; this raqmana reads format version {expected}."
)
FILE_MISSING = Code("EX007", "The manifest lists '{member}' but the archive does not hold it.")
FILE_UNLISTED = Code("EX008", "The archive holds '{member}', which the manifest does not list.")
CHECKSUM_MISMATCH = Code(
    "EX009", "'{member}' has changed since the export: its SHA-256 is not the one in the manifest."
)
COUNT_MISMATCH = Code("EX010", "'{member}' has {found} rows; the manifest says {expected}.")
FRAMEWORK_MISMATCH = Code(
    "EX011",
    "The archive's round uses framework {framework} version {found}; this round uses version {expected}.",
)
FRAMEWORK_CHANGED = Code(
    "EX012",
    "Framework {framework} version {version} here differs from the one in the archive (another text under "
    "the same version number): refused.",
)
TABLE_INVALID = Code("EX013", "The table cannot be read: {reason}")
VALUE_INVALID = Code("EX014", "'{value}' is not a valid {name}.")
UNKNOWN_INSTITUTION = Code("EX015", "Institution '{org}' is not in this workspace's organisation tree.")
UNKNOWN_INDICATOR = Code("EX016", "Indicator '{indicator}' is not in the round's framework.")
DUPLICATE_ROW = Code("EX017", "This row repeats row {first} ({key}).")
EVIDENCE_FILE_MISSING = Code(
    "EX018", "Evidence file {sha256} is marked as included but the archive does not hold it."
)
# --- webhooks -------------------------------------------------------------------------------------------
URL_NOT_HTTP = Code("EX030", "'{url}' is not a web address starting with http:// or https://.")
URL_PRIVATE = Code(
    "EX031",
    "'{url}' leads to a private, loopback or link-local address ({address}); this workspace refuses them.",
)
URL_UNRESOLVED = Code("EX032", "The host of '{url}' cannot be found.")
SECRET_WEAK = Code("EX033", "A webhook secret has at least {min} characters.")
KINDS_INVALID = Code("EX034", "Unknown event kind '{kind}' (use {kinds}).")
KINDS_REQUIRED = Code("EX035", "Choose at least one event kind.")
SECRET_UNREADABLE = Code(
    "EX036",
    "The webhook's secret cannot be unsealed (the workspace's secret key changed): register it again.",
)
