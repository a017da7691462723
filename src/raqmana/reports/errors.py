"""Problems with a report request."""

from __future__ import annotations

from raqmana.problems import Code

BAD_SCOPE = Code("RP001", "Unknown report scope '{value}': use national, institution or all-institutions.")
BAD_LANG = Code("RP002", "Unknown report language '{value}': use ar, ckb or en.")
BAD_FORMAT = Code("RP003", "Unknown report format '{value}': use pdf, docx, xlsx, html or json.")
NO_INSTITUTION = Code(
    "RP004",
    "The institution scope needs an institution code that takes part in the assessment ('{value}' does not).",
)
INSTITUTION_REQUIRED = Code(
    "RP005",
    "An institution report needs an institution: choose one (on the command line, add --institution CODE).",
)
