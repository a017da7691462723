"""Structure of running text: headings, articles of a law, numbered actions of a plan, paragraphs."""

from __future__ import annotations

import re

from raqmana.documents.arabic import ascii_digits
from raqmana.documents.model import Block, BlockKind

_NUM = r"[0-9٠-٩۰-۹]+"
_ORDINALS = (
    "الأولى|الاولى|الأول|الاول|الثانية|الثاني|الثالثة|الثالث|الرابعة|الرابع|الخامسة|الخامس|السادسة|السادس|"
    "السابعة|السابع|الثامنة|الثامن|التاسعة|التاسع|العاشرة|العاشر"
)
_ORDINAL_NUMBER = {
    w: str(i)
    for i, ws in enumerate(
        (
            ("الأولى", "الاولى", "الأول", "الاول"),
            ("الثانية", "الثاني"),
            ("الثالثة", "الثالث"),
            ("الرابعة", "الرابع"),
            ("الخامسة", "الخامس"),
            ("السادسة", "السادس"),
            ("السابعة", "السابع"),
            ("الثامنة", "الثامن"),
            ("التاسعة", "التاسع"),
            ("العاشرة", "العاشر"),
        ),
        start=1,
    )
    for w in ws
}
ARTICLE = re.compile(
    rf"^\s*(?:المادة|مادة|ماددەی|ماددە|Article|Art\.)\s*[(\[]?\s*(?P<n>{_NUM}|{_ORDINALS})\s*[)\]]?\s*[:\-–—.]?\s*",
    re.IGNORECASE,
)
ACTION = re.compile(rf"^\s*(?P<n>{_NUM}(?:\.{_NUM})*)\s*[.)\-–—:]+\s+(?=\S)")
HEADING_WORDS = re.compile(
    r"^\s*(?:الفصل|الباب|الفرع|القسم|المحور|الهدف|الأسباب الموجبة|بەشی|تەوەری|Chapter|Part|Section|Pillar|Goal)\b",
    re.IGNORECASE,
)


def _number(raw: str) -> str:
    return _ORDINAL_NUMBER.get(raw, ascii_digits(raw))


def classify(text: str) -> tuple[BlockKind, str]:
    """The kind of a line or paragraph and its article/action number."""
    if m := ARTICLE.match(text):
        return BlockKind.ARTICLE, _number(m["n"])
    if m := ACTION.match(text):
        return BlockKind.ACTION, ascii_digits(m["n"])
    if HEADING_WORDS.match(text) and len(text) < 120:
        return BlockKind.HEADING, ""
    return BlockKind.PARAGRAPH, ""


def blocks_from_lines(pages: list[str]) -> list[Block]:
    """Blocks of running text (PDF pages, plain text): a new block at an article, an action, a heading
    or a blank line; wrapped lines of one paragraph are joined."""
    out: list[Block] = []
    for page_no, page in enumerate(pages, start=1):
        current: list[str] = []
        kind, number = BlockKind.PARAGRAPH, ""
        for raw in [*page.splitlines(), ""]:
            line = raw.strip()
            line_kind, line_number = classify(line) if line else (BlockKind.PARAGRAPH, "")
            if current and (not line or line_kind is not BlockKind.PARAGRAPH):
                out.append(Block(page_no, kind, " ".join(current), number))
                current = []
                kind, number = BlockKind.PARAGRAPH, ""
            if not line:
                continue
            if line_kind is BlockKind.HEADING:
                out.append(Block(page_no, line_kind, line))
                continue
            if line_kind is not BlockKind.PARAGRAPH:
                kind, number = line_kind, line_number
            current.append(line)
    return out
