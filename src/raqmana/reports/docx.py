"""DOCX with python-docx: right-to-left paragraphs, runs and tables set in the document XML.

Styles (Normal, Title, Heading 1–2, Caption, Table Grid) carry the fonts and colours, so a ministry
can re-brand the document by editing its styles in Word or LibreOffice.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.text.paragraph import Paragraph as DocxParagraph

from raqmana.i18n.fonts import FAMILIES
from raqmana.i18n.locales import get_locale
from raqmana.i18n.numbers import format_number
from raqmana.reports.model import Block, Bullets, Figure, Note, Paragraph, Report, Section, Table

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


def render_docx(report: Report, path: Path) -> Path:
    rtl = get_locale(report.lang).is_rtl
    doc = Document()
    _style_fonts(doc, rtl, report.lang)
    sect = doc.sections[0]
    if rtl:
        sect_pr = sect._sectPr
        if sect_pr.find(qn("w:bidi")) is None:
            sect_pr.append(OxmlElement("w:bidi"))
    header_p = sect.header.paragraphs[0]
    header_p.text = report.header
    if rtl:
        _set_rtl_paragraph(header_p)
    _page_number_footer(sect, rtl)

    def para(text: str, style: str | None = None) -> DocxParagraph:
        p = doc.add_paragraph(text, style=style)
        if rtl:
            _set_rtl_paragraph(p)
        return p

    para(report.header, "Subtitle" if "Subtitle" in [s.name for s in doc.styles] else None)
    title = doc.add_heading(report.title, level=0)
    if rtl:
        _set_rtl_paragraph(title)
    para(report.subtitle)
    para(report.date)
    if report.illustrative:
        note = para(report.illustrative_note)
        for r in note.runs:
            r.bold = True
            r.font.color.rgb = RGBColor(0x7A, 0x3E, 0x00)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def heading(text: str, level: int) -> None:
        h = doc.add_heading(text, level=level)
        if rtl:
            _set_rtl_paragraph(h)

    def table(t: Table) -> None:
        cap = para(f"{report.labels.get('table', 'Table')}: {t.caption}", "Caption")
        cap.paragraph_format.keep_with_next = True
        tbl = doc.add_table(rows=1, cols=len(t.columns))
        tbl.style = "Table Grid"
        if rtl:
            tbl_pr = tbl._tbl.tblPr
            tbl_pr.append(OxmlElement("w:bidiVisual"))
        for i, c in enumerate(t.columns):
            cell = tbl.rows[0].cells[i]
            cell.text = str(c)
            for p in cell.paragraphs:
                for r in p.runs:
                    r.bold = True
                if rtl:
                    _set_rtl_paragraph(p)
        for row in t.rows:
            cells = tbl.add_row().cells
            for i, value in enumerate(row):
                if i in t.numeric and isinstance(value, int | float):
                    text = format_number(float(value), report.lang, decimals=t.decimals if isinstance(value, float) else 0)
                else:
                    text = "—" if value is None else str(value)
                cells[i].text = text
                for p in cells[i].paragraphs:
                    if i in t.numeric:
                        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT if not rtl else WD_ALIGN_PARAGRAPH.LEFT
                    if rtl:
                        _set_rtl_paragraph(p)
        if t.source:
            para(f"{report.labels.get('source', 'Source')}: {t.source}", "Caption")

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
                table(b)
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
