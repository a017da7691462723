"""DOCX with python-docx: right-to-left paragraphs, runs and tables set in the document XML.

Styles (Normal, Title, Heading 1–2, Caption, Table Grid) carry the fonts and colours, so a ministry
can re-brand the document by editing its styles in Word or LibreOffice.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph as DocxParagraph

from raqmana.i18n.bidi import LRI, PDI
from raqmana.i18n.bidi import runs as bidi_runs
from raqmana.i18n.fonts import FAMILIES
from raqmana.i18n.locales import get_locale
from raqmana.i18n.numbers import format_number
from raqmana.reports import formula
from raqmana.reports.model import (
    Block,
    Bullets,
    Figure,
    KeyFigures,
    Note,
    Paragraph,
    Report,
    Section,
    Table,
)
from raqmana.reports.text import ltr_runs

BRAND = RGBColor(0x0B, 0x4F, 0x6C)
LANG_TAGS = {"ar": "ar-IQ", "ckb": "ckb-IQ", "en": "en-GB"}


def _set_rtl_paragraph(p: DocxParagraph) -> None:
    ppr = p._p.get_or_add_pPr()
    if ppr.find(qn("w:bidi")) is None:
        ppr.append(OxmlElement("w:bidi"))
    for run in p.runs:
        rpr = run._r.get_or_add_rPr()
        if rpr.find(qn("w:rtl")) is None:
            rpr.append(OxmlElement("w:rtl"))


LRM = "\u200e"
RLM = "\u200f"
_LATIN = re.compile(r"[A-Za-z0-9]")
_NEUTRAL = re.compile(r"([^A-Za-z0-9])")
_CODE_CELL = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.@_-]{0,11}$")


def _rtl_run(run: Any) -> None:
    rpr = run._r.get_or_add_rPr()
    if rpr.find(qn("w:rtl")) is None:
        rpr.append(OxmlElement("w:rtl"))


def _ltr_piece(p: DocxParagraph, piece: str) -> None:
    """A code, quarter or range in a right-to-left paragraph: left-to-right runs (no ``w:rtl``), its
    punctuation held between left-to-right marks so that "2027-Q1" or "26–31" is never reversed, and
    non-breaking hyphens so that "SKL-R02" stays on one line."""
    for k, chunk in enumerate(piece.split("-")):
        if k:
            p.add_run()._r.append(OxmlElement("w:noBreakHyphen"))
        if chunk:
            p.add_run(LRM + _NEUTRAL.sub(LRM + r"\1" + LRM, chunk) + LRM)


def _held(text: str) -> str:
    """Right-to-left text whose punctuation at either end (the "، " between two codes, a bracket) is held
    to the right-to-left side by a right-to-left mark, so that a list of codes reads from the right."""
    if text and not text[0].isalnum():
        text = RLM + text
    if text and not text[-1].isalnum():
        text += RLM
    return text


def _size(run: Any, size: Any) -> None:
    """The run's size for Latin and for Arabic-script text (``w:szCs``, which right-to-left runs use)."""
    run.font.size = size
    rpr = run._r.get_or_add_rPr()
    cs = rpr.find(qn("w:szCs"))
    if cs is None:
        cs = OxmlElement("w:szCs")
        rpr.append(cs)
    cs.set(qn("w:val"), str(int(size.pt * 2)))


def _pieces(text: str, rtl: bool) -> list[tuple[str, bool | None]]:
    """The pieces of ``text``: codes and ranges (True), other text (False), and in ar/ckb a passage marked
    as a left-to-right isolate (None, written with its marks, :mod:`raqmana.i18n.bidi`)."""
    out: list[tuple[str, bool | None]] = []
    for piece, kind in bidi_runs(text):
        if kind == "ltr" and rtl:
            out.append((LRI + piece + PDI, None))
        else:
            out += ltr_runs(piece)
    return out


def _write(p: DocxParagraph, text: str, rtl: bool) -> DocxParagraph:
    """Add ``text`` to ``p``: right-to-left runs in ar/ckb, with codes and Latin ranges kept left to right,
    formulas (``$…$``) as Office Math."""
    for piece, is_formula in formula.split(text):
        if is_formula:
            p._p.append(formula.to_omml(piece))
            continue
        for part, ltr in _pieces(piece, rtl):
            if ltr is None:  # a passage left in English: a left-to-right run that keeps its isolate marks
                p.add_run(part)
            elif rtl and ltr and _LATIN.search(part):
                _ltr_piece(p, part)
            else:
                run = p.add_run(_held(part) if rtl else part)
                if rtl:
                    _rtl_run(run)
    if rtl:
        ppr = p._p.get_or_add_pPr()
        if ppr.find(qn("w:bidi")) is None:
            ppr.append(OxmlElement("w:bidi"))
    return p


def _style_fonts(doc: object, rtl: bool, lang: str) -> None:
    family = FAMILIES["rtl" if rtl else "ltr"][0]
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Caption", "List Bullet"):
        try:
            style = doc.styles[name]  # type: ignore[attr-defined]
        except KeyError:
            continue
        style.font.name = family
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            rpr.append(fonts)
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attr), family)
        lang_el = rpr.find(qn("w:lang"))
        if lang_el is None:
            lang_el = OxmlElement("w:lang")
            rpr.append(lang_el)
        lang_el.set(qn("w:val"), LANG_TAGS.get(lang, "en-GB") if not rtl else "en-GB")
        if rtl:
            lang_el.set(qn("w:bidi"), LANG_TAGS.get(lang, "ar-IQ"))
            ppr = style.element.get_or_add_pPr()
            if ppr.find(qn("w:bidi")) is None:
                ppr.append(OxmlElement("w:bidi"))
        if name.startswith("Heading") or name == "Title":
            style.font.color.rgb = BRAND
    doc.styles["Normal"].font.size = Pt(10.5)  # type: ignore[attr-defined]


def _page_number_footer(section: object, rtl: bool) -> None:
    footer = section.footer  # type: ignore[attr-defined]
    p = footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run()
    for tag, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if tag:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), tag)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)
    if rtl:
        _set_rtl_paragraph(p)


def _text_width(section: Any) -> Any:
    return section.page_width - section.left_margin - section.right_margin


def _column_widths(t: Table, total: int, points: float) -> list[int]:
    """Column widths (EMU) in the table's proportions, widened where a column holds only short codes
    ("SKL-R02", "2027-Q1") so that they fit on one line; the other columns give up the difference."""
    per_char = int(points * 0.6 * 12700)  # average Latin glyph width at ``points``, in EMU
    need = []
    for i in range(len(t.columns)):
        cells = [str(row[i]) for row in t.rows if row[i] not in (None, "—")]
        codes = bool(cells) and all(_CODE_CELL.match(c) for c in cells)
        need.append(max(map(len, cells)) * per_char + 2 * 72000 if codes else 0)  # + cell margins
    shares = [total * w / sum(t.widths) for w in t.widths]
    fixed = {i: max(n, shares[i]) for i, n in enumerate(need) if n}
    rest = [i for i in range(len(shares)) if i not in fixed]
    left = max(total - sum(fixed.values()), 0)
    scale = left / sum(shares[i] for i in rest) if rest and sum(shares[i] for i in rest) else 1.0
    return [int(fixed[i]) if i in fixed else int(shares[i] * scale) for i in range(len(shares))]


def _has_style(doc: Any, name: str) -> bool:
    return any(s.name == name for s in doc.styles)


def _toc_field(p: DocxParagraph, hint: str) -> None:
    """A table of contents Word fills in and updates (a ``TOC`` field over headings 1–2, marked dirty so
    that Word offers to update it when the file opens); ``hint`` shows until then."""
    run = p.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    begin.set(qn("w:dirty"), "true")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = 'TOC \\o "1-2" \\h \\z \\u'
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    for el in (begin, instr, sep):
        run._r.append(el)
    p.add_run(hint)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    p.add_run()._r.append(end)


def _update_fields_on_open(doc: Any) -> None:
    """Word asks to update the document's fields (the table of contents) when it opens the file."""
    settings = doc.settings.element
    if settings.find(qn("w:updateFields")) is None:
        el = OxmlElement("w:updateFields")
        el.set(qn("w:val"), "true")
        settings.append(el)


def render_docx(report: Report, path: Path) -> Path:
    rtl = get_locale(report.lang).is_rtl
    doc = Document()
    _style_fonts(doc, rtl, report.lang)
    sect = doc.sections[0]
    sect.page_width, sect.page_height = Mm(210), Mm(297)  # A4 with the PDF's margins: wider tables
    sect.left_margin = sect.right_margin = Mm(18)
    sect.top_margin, sect.bottom_margin = Mm(22), Mm(20)
    if rtl:
        sect_pr = sect._sectPr
        if sect_pr.find(qn("w:bidi")) is None:
            sect_pr.append(OxmlElement("w:bidi"))
    _write(sect.header.paragraphs[0], report.header, rtl)
    _page_number_footer(sect, rtl)

    def para(text: str, style: str | None = None) -> DocxParagraph:
        return _write(doc.add_paragraph(style=style), text, rtl)

    para(report.header, "Subtitle" if "Subtitle" in [s.name for s in doc.styles] else None)
    _write(doc.add_heading("", level=0), report.title, rtl)
    para(report.subtitle)
    if report.cover:
        for what, value in report.cover:
            line = _write(doc.add_paragraph(), f"{what}: ", rtl)
            _write(line, value, rtl)
            for r in line.runs[-1:]:
                r.bold = True
    else:
        para(report.date)
    if report.illustrative:
        note = para(report.illustrative_note)
        for r in note.runs:
            r.bold = True
            r.font.color.rgb = RGBColor(0x7A, 0x3E, 0x00)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def heading(text: str, level: int) -> None:
        _write(doc.add_heading("", level=level), text, rtl)

    contents = para(
        report.labels.get("contents", "Contents"), "TOC Heading" if _has_style(doc, "TOC Heading") else None
    )
    for r in contents.runs:
        r.bold = True
        _size(r, Pt(16))
        r.font.color.rgb = BRAND
    toc = doc.add_paragraph()
    _toc_field(toc, report.labels.get("toc_hint", "Right-click to update the table of contents."))
    if rtl:
        _set_rtl_paragraph(toc)
    _update_fields_on_open(doc)

    def table(t: Table) -> None:
        cap = para(f"{report.labels.get('table', 'Table')}: {t.caption}", "Caption")
        cap.paragraph_format.keep_with_next = True
        tbl = doc.add_table(rows=1, cols=len(t.columns))
        size = Pt(8) if len(t.columns) >= 6 else Pt(9)  # as the PDF's compact tables: codes fit their column
        tbl.style = "Table Grid"
        if rtl:
            tbl_pr = tbl._tbl.tblPr
            tbl_pr.append(OxmlElement("w:bidiVisual"))
        header = tbl.rows[0]._tr.get_or_add_trPr()
        header.append(OxmlElement("w:tblHeader"))  # repeated on every page the table runs over
        for i, c in enumerate(t.columns):
            p = _write(tbl.rows[0].cells[i].paragraphs[0], str(c), rtl)
            for r in p.runs:
                r.bold = True
                _size(r, size)
        for row in t.rows:
            cells = tbl.add_row().cells
            for i, value in enumerate(row):
                if i in t.numeric and isinstance(value, int | float):
                    text = format_number(
                        float(value),
                        report.lang,
                        digits=report.digits,
                        decimals=t.decimals if isinstance(value, float) else 0,
                    )
                else:
                    text = "—" if value is None else str(value)
                p = _write(cells[i].paragraphs[0], text, rtl)
                for r in p.runs:
                    _size(r, size)
                if i in t.numeric:
                    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT if not rtl else WD_ALIGN_PARAGRAPH.LEFT
        if t.widths and len(t.widths) == len(t.columns):
            tbl.autofit = False
            for i, share in enumerate(_column_widths(t, int(_text_width(sect)), size.pt)):
                tbl.columns[i].width = share  # the grid (LibreOffice reads it) and every cell (Word does)
                for cell in tbl.columns[i].cells:
                    cell.width = share
        if t.source:
            para(f"{report.labels.get('source', 'Source')}: {t.source}", "Caption")

    def key_figures(b: KeyFigures) -> None:
        """The key figures as a boxed grid: the value large and bold, what it is under it."""
        if b.title:
            cap = para(b.title, "Caption")
            cap.paragraph_format.keep_with_next = True
        per_row = 3
        for start in range(0, len(b.items), per_row):
            chunk = b.items[start : start + per_row]
            grid = doc.add_table(rows=2, cols=per_row)
            grid.style = "Table Grid"
            if rtl:
                grid._tbl.tblPr.append(OxmlElement("w:bidiVisual"))
            for k, (what, value) in enumerate(chunk):
                top = _write(grid.rows[0].cells[k].paragraphs[0], value, rtl)
                for r in top.runs:
                    r.bold = True
                    r.font.color.rgb = BRAND
                    _size(r, Pt(15))
                low = _write(grid.rows[1].cells[k].paragraphs[0], what, rtl)
                for r in low.runs:
                    _size(r, Pt(8.5))

    def blocks(items: list[Block]) -> None:
        for b in items:
            if isinstance(b, Paragraph):
                para(b.text)
            elif isinstance(b, Bullets):
                for item in b.items:
                    para(item, "List Bullet")
            elif isinstance(b, Note):
                p = para(b.text)
                for r in p.runs:
                    r.italic = b.level == "missing"
                    r.bold = b.level == "warning"
            elif isinstance(b, Table):
                if not b.workbook_only:
                    table(b)
            elif isinstance(b, KeyFigures):
                key_figures(b)
            elif isinstance(b, Figure):
                doc.add_picture(io.BytesIO(b.chart.png), width=_text_width(sect))
                para(f"{report.labels.get('figure', 'Figure')}: {b.caption}", "Caption")
                if b.data is not None:
                    table(b.data)

    def section(s: Section, level: int) -> None:
        if s.page_break or level == 1:
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        heading(s.title, level)
        blocks(s.blocks)
        for sub in s.subsections:
            section(sub, level + 1)

    for s in report.sections:
        section(s, 1)
    if report.provenance:
        heading(report.labels.get("provenance", "Sources and provenance"), 1)
        for item in report.provenance:
            para(item, "List Bullet")
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    return path
