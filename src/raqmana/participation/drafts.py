"""A draft document as the sections people comment on: each article of a law alone, paragraphs grouped
under the heading they follow; the text before the first heading is the preamble.

The document is read by :mod:`raqmana.documents.extract` (PDF, DOCX, HTML, text); this module only
groups its blocks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from raqmana.documents.model import BlockKind, Document
from raqmana.documents.structure import ARTICLE

#: a section's heading when the document gives none (the preamble)
MAX_HEADING = 200


@dataclass(slots=True)
class DraftSection:
    heading: str
    body: list[str] = field(default_factory=list)
    number: str = ""
    page: int = 0

    @property
    def text(self) -> str:
        return "\n".join(self.body)


def draft_sections(doc: Document, *, preamble: str = "Preamble") -> list[DraftSection]:
    """The sections of ``doc`` in reading order: an article's label (``المادة ٣``, ``Article 3``) is its
    heading and the rest its body; a heading's section holds the paragraphs that follow it."""
    out: list[DraftSection] = []
    for b in doc.blocks:
        text = b.text.strip()
        if not text:
            continue
        if b.kind is BlockKind.HEADING:
            out.append(DraftSection(heading=text[:MAX_HEADING], number=b.number, page=b.page))
        elif b.kind is BlockKind.ARTICLE:
            label = ARTICLE.match(text)
            cut = label.end() if label else 0
            heading, body = text[:cut].strip().rstrip(":-–—.").strip(), text[cut:].strip()
            out.append(DraftSection(heading or text[:60], [body] if body else [], b.number, b.page))
        else:
            if not out:
                out.append(DraftSection(heading=preamble, page=b.page))
            out[-1].body.append(text)
    return out
