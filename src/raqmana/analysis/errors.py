"""The error catalogue for analysis inputs (scores given to the gap, constraint and divide analyses)."""

from __future__ import annotations

from raqmana.problems import Code

UNKNOWN_PILLAR = Code(
    "AN001",
    "{institution}: '{pillar}' is not an enabler of framework {framework}.",
    "{institution}: '{pillar}' ليس من عوامل التمكين في الإطار {framework}.",
    "{institution}: '{pillar}' ھۆکارێکی ڕێخۆشکەر نییە لە چوارچێوەی {framework}دا.",
)
SCORE_RANGE = Code(
    "AN002",
    "{institution} {item}: score {value} is outside 0–5.",
    "{institution} {item}: الدرجة {value} خارج النطاق 0–5.",
    "{institution} {item}: نمرەی {value} لە دەرەوەی 0–5ـە.",
)
NO_SCORES = Code(
    "AN003",
    "There are no scores to analyse.",
    "لا توجد درجات لتحليلها.",
    "ھیچ نمرەیەک نییە بۆ شیکردنەوە.",
)
UNKNOWN_INDICATOR = Code(
    "AN004",
    "{institution}: '{indicator}' is not an indicator of framework {framework}.",
    "{institution}: '{indicator}' ليس مؤشراً في الإطار {framework}.",
    "{institution}: '{indicator}' پێوەرێک نییە لە چوارچێوەی {framework}دا.",
)
