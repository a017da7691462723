"""What a reader sees: text in logical order in the PDF, RTL in DOCX and XLSX, shipped fonts embedded."""

import shutil
import subprocess
import zipfile

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from tests.reports.sample import TEXTS, sample_report
from tests.support.environment import require

from raqmana.reports.docx import render_docx
from raqmana.reports.html import render_html
from raqmana.reports.pdf import render_pdf
from raqmana.reports.xlsx import render_xlsx


def pdf_text(path):
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


@pytest.mark.render
@pytest.mark.parametrize("lang", ["ar", "ckb", "en"])
def test_pdf_contains_the_texts_in_logical_order(lang, tmp_path):
    path = render_pdf(sample_report(lang), tmp_path / "r.pdf")
    text = pdf_text(path)
    for phrase in TEXTS[lang]:
        assert phrase in text, phrase


@pytest.mark.render
def test_pdf_embeds_the_shipped_fonts_and_numbers_its_pages(tmp_path):
    path = render_pdf(sample_report("ar"), tmp_path / "r.pdf")
    reader = PdfReader(str(path))
    fonts = set()
    for page in reader.pages:
        for font in (page.get("/Resources") or {}).get("/Font", {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert any("Noto-Naskh-Arabic" in f for f in fonts), fonts
    assert len(reader.pages) >= 4  # cover, contents, two chapters
    assert "٣" in reader.pages[2].extract_text()  # page number in Arabic-Indic digits


def test_html_sets_language_and_direction():
    html = render_html(sample_report("ckb"))
    assert '<html lang="ckb" dir="rtl">' in html
    assert "&#39;" not in html.split("</style>")[0]


@pytest.mark.render
@pytest.mark.parametrize("lang", ["ar", "ckb"])
def test_docx_paragraphs_and_tables_are_right_to_left(lang, tmp_path):
    path = render_docx(sample_report(lang), tmp_path / "r.docx")
    xml = zipfile.ZipFile(path).read("word/document.xml").decode()
    assert "<w:bidi/>" in xml and "<w:rtl/>" in xml and "<w:bidiVisual/>" in xml
    assert TEXTS[lang][1] in xml


@pytest.mark.render
def test_docx_in_english_is_left_to_right(tmp_path):
    xml = (
        zipfile.ZipFile(render_docx(sample_report("en"), tmp_path / "r.docx"))
        .read("word/document.xml")
        .decode()
    )
    assert "<w:bidi/>" not in xml


@pytest.mark.render
def test_docx_opens_in_libreoffice_and_keeps_right_to_left_text(tmp_path):
    require(
        shutil.which("soffice") is not None or shutil.which("libreoffice") is not None,
        "LibreOffice (Debian package libreoffice-writer-nogui)",
    )
    path = render_docx(sample_report("ar"), tmp_path / "r.docx")
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    run = subprocess.run(
        [exe, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
        capture_output=True,
        text=True,
        timeout=180,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert run.returncode == 0, run.stderr
    text = pdf_text(tmp_path / "r.pdf")
    assert TEXTS["ar"][1] in text


@pytest.mark.parametrize(("lang", "rtl"), [("ar", True), ("ckb", True), ("en", False)])
def test_xlsx_has_every_table_and_rtl_sheets(lang, rtl, tmp_path):
    wb = load_workbook(render_xlsx(sample_report(lang), tmp_path / "r.xlsx"))
    assert len(wb.sheetnames) == 3  # contents + the table + the figure's data table
    for ws in wb.worksheets:
        assert bool(ws.sheet_view.rightToLeft) is rtl
    ws = wb.worksheets[1]
    assert ws.cell(row=3, column=2).value == 1.25
