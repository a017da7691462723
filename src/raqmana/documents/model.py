"""Plain typed results of the document reader."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from raqmana.problems import Problem


class BlockKind(StrEnum):
    HEADING = "heading"
    ARTICLE = "article"  # an article of a law: المادة ٣ / Article 3 / ماددەی ٣
    ACTION = "action"  # a numbered action of a plan
    PARAGRAPH = "paragraph"


@dataclass(frozen=True, slots=True)
class Block:
    """One structural unit of text, on the page where it starts (1-based; 0 when the format has no pages)."""

    page: int
    kind: BlockKind
    text: str
    number: str = ""  # article or action number, in ASCII digits


@dataclass(frozen=True, slots=True)
class Document:
    format: str  # pdf, docx, html, text
    pages: int
    blocks: tuple[Block, ...]
    language: str  # ar, ckb or en (the dominant script/letters)
    problems: tuple[Problem, ...] = ()  # warnings (errors raise ProblemsError)

    @property
    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks)


@dataclass(frozen=True, slots=True)
class Passage:
    """A unit that gets suggestions: an article, an action or a few paragraphs under one heading."""

    id: str
    page: int
    text: str
    kind: BlockKind = BlockKind.PARAGRAPH
    number: str = ""
    heading: str = ""
    details: dict[str, str] = field(default_factory=dict)  # owner, deadline, budget of an action
