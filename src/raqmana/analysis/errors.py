"""The error catalogue for analysis inputs (scores given to the gap, constraint and divide analyses)."""

from __future__ import annotations

from raqmana.problems import Code

UNKNOWN_PILLAR = Code("AN001", "{institution}: '{pillar}' is not an enabler of framework {framework}.")
SCORE_RANGE = Code("AN002", "{institution} {item}: score {value} is outside 0–5.")
NO_SCORES = Code("AN003", "There are no scores to analyse.")
UNKNOWN_INDICATOR = Code(
    "AN004", "{institution}: '{indicator}' is not an indicator of framework {framework}."
)
