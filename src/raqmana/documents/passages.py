"""Blocks → passages: each article and action alone, paragraphs grouped under their heading; the
owner, deadline and budget an action states."""

from __future__ import annotations

import re

from raqmana.documents.arabic import ascii_digits
from raqmana.documents.model import Block, BlockKind, Passage

MAX_CHARS = 1200

_OWNER = re.compile(
    r"(?:الجهة المسؤولة|الجهة المنفذة|الجهة المختصة|المسؤول|Responsible(?: body| entity)?|Owner|Lead(?: agency)?|لایەنی بەرپرس)"
    r"\s*[:：]\s*(?P<v>[^.؛;\n]+)",
    re.IGNORECASE,
)
#: the longer words first ("الموعد النهائي" before "الموعد"), so the value is what follows the whole label
_DEADLINE = re.compile(
    r"(?:الموعد النهائي|موعد الإنجاز|الموعد|المدة|Deadline|By|Due|وادە)\s*[:：]?\s*(?P<v>(?:[^\s.؛;:]+\s+)?(?:19|20)[0-9]{2})",
    re.IGNORECASE,
)
_BUDGET = re.compile(
    r"(?P<v>[0-9][0-9.,]*\s*(?:مليار|مليون|ألف|billion|million|thousand)?\s*(?:دينار(?: عراقي)?|دولار|IQD|USD|US\$|\$|dinars?|dollars?)"
    # the currency written before the amount: $ 120 million, USD 3.5 million, IQD 12 billion
    r"|(?:IQD|USD|US\$|\$)\s*[0-9][0-9.,]*(?:\s*(?:billion|million|thousand))?)",
    re.IGNORECASE,
)


def action_details(text: str) -> dict[str, str]:
    flat = ascii_digits(text)
    details: dict[str, str] = {}
    if m := _OWNER.search(flat):
        details["owner"] = m["v"].strip()
    if m := _DEADLINE.search(flat):
        details["deadline"] = m["v"].strip()
    if m := _BUDGET.search(flat):
        details["budget"] = m["v"].strip()
    return details


def _chunks(text: str) -> list[str]:
    if len(text) <= MAX_CHARS:
        return [text]
    parts, current = [], ""
    for sentence in re.split(r"(?<=[.!?؟؛])\s+", text):
        if current and len(current) + len(sentence) > MAX_CHARS:
            parts.append(current)
            current = ""
        current = f"{current} {sentence}".strip()
        while len(current) > MAX_CHARS:
            parts.append(current[:MAX_CHARS])
            current = current[MAX_CHARS:]
    if current:
        parts.append(current)
    return parts


def passages(blocks: tuple[Block, ...] | list[Block]) -> list[Passage]:
    out: list[Passage] = []
    heading = ""
    group: list[Block] = []

    def add(kind: BlockKind, page: int, text: str, number: str = "") -> None:
        for chunk in _chunks(text):
            details = action_details(chunk) if kind is BlockKind.ACTION else {}
            out.append(Passage(f"p{len(out) + 1}", page, chunk, kind, number, heading, details))

    def flush() -> None:
        if group:
            add(BlockKind.PARAGRAPH, group[0].page, " ".join(b.text for b in group))
            group.clear()

    for block in blocks:
        if block.kind is BlockKind.HEADING:
            flush()
            heading = block.text
        elif block.kind in (BlockKind.ARTICLE, BlockKind.ACTION):
            flush()
            add(block.kind, block.page, block.text, block.number)
        else:
            if group and (
                block.page != group[0].page or sum(len(b.text) for b in group) + len(block.text) > MAX_CHARS
            ):
                flush()
            group.append(block)
    flush()
    return out
