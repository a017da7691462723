"""A short table (up to eight rows) is never cut across two pages of a PDF report: it moves whole to the
next page with its caption, instead of leaving two rows under its caption and three overleaf."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from raqmana.reports.model import Paragraph, Report, Section, Table
from raqmana.reports.pdf import render_pdf

FILLER = "This sentence fills the page so that the tables below fall at many heights of it. "


@pytest.mark.render
def test_a_short_table_moves_whole_to_the_next_page(tmp_path):
    blocks: list = []
    for j in range(14):
        blocks.append(Paragraph(FILLER * (3 + 2 * j)))
        rows = [[f"T{j:02d}R{i}", float(i)] for i in range(1, 6)]
        blocks.append(Table(f"t{j}", f"Table {j}", ["Institution", "Score"], rows, numeric=[1]))
    report = Report(
        id="t",
        lang="en",
        title="Short tables",
        subtitle="",
        date="2026-12-07",
        sections=[Section("s", "Findings", blocks)],
    )
    reader = PdfReader(render_pdf(report, tmp_path / "r.pdf"))
    pages_of: dict[str, set[int]] = {}
    for n, page in enumerate(reader.pages):
        for word in (page.extract_text() or "").split():
            if word.startswith("T") and "R" in word and len(word) == 5:
                pages_of.setdefault(word[:3], set()).add(n)
    assert len(pages_of) == 14 and len(reader.pages) >= 4
    split = {t: sorted(p) for t, p in pages_of.items() if len(p) > 1}
    assert split == {}, f"tables cut across pages: {split}"
