"""Each format does what its reader expects: the workbook holds numbers with number formats and every
institution, the print keeps a compact annex, Word gets a table of contents and no blank page."""

import zipfile

import pytest
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook
from tests.factories import framework_dict, write_framework

from raqmana.frameworks import load
from raqmana.i18n import Translated
from raqmana.reports.docx import render_docx
from raqmana.reports.html import render_html
from raqmana.reports.inputs import EnablerResult, InstitutionResult, ReportInputs
from raqmana.reports.labels import label
from raqmana.reports.national import ANNEX_PRINT_ROWS, build_national
from raqmana.reports.xlsx import render_xlsx

IRAQ = Translated.of("Iraq", "العراق", "عێراق")


def inputs(tmp_path, n: int) -> ReportInputs:
    fw = load(write_framework(tmp_path, framework_dict())).framework
    inst = [
        InstitutionResult(
            f"m{k}",
            Translated.of(f"Ministry {k}", f"الوزارة {k}", f"وەزارەتی {k}"),
            "ministry",
            {"LEG": (k % 50) / 10, "SRV": 2.0},
            1.0 + (k % 30) / 10,
            1,
        )
        for k in range(n)
    ]
    return ReportInputs(
        framework=fw,
        country=IRAQ,
        national_score=2.1,
        national_stage=2,
        enablers=[
            EnablerResult("LEG", 2.1234, 2, 1.8765, 2.2345, 0.9, 0.95, 3),
            EnablerResult("SRV", 2.0, 2),
        ],
        institutions=inst,
    )


def sheet_rows(path, title):
    wb = load_workbook(path)
    ws = next(ws for ws in wb.worksheets if ws.title == title)
    return ws


def test_it_keeps_every_institution_in_the_workbook_and_a_compact_annex_in_print(tmp_path):
    n = ANNEX_PRINT_ROWS + 30
    report = build_national(inputs(tmp_path, n), "en")
    html = render_html(report)
    assert html.count("<tr>") < n, "the printed report does not list every institution"
    assert "all 150 institutions are in the report" in html
    path = render_xlsx(report, tmp_path / "r.xlsx")
    ws = sheet_rows(path, label("sheet_institutions", "en"))
    names = [ws.cell(row=r, column=1).value for r in range(3, ws.max_row + 1)]
    assert len([x for x in names if x and x.startswith("Ministry ")]) == n


def test_a_small_round_prints_its_whole_annex(tmp_path):
    html = render_html(build_national(inputs(tmp_path, 12), "en"))
    annex = html.split('id="annex_data"')[1]
    assert all(f"Ministry {k}<" in annex for k in range(12))


def test_the_workbook_has_number_formats_and_intervals_as_two_numeric_columns(tmp_path):
    path = render_xlsx(build_national(inputs(tmp_path, 3), "ar"), tmp_path / "r.xlsx")
    ws = sheet_rows(path, label("sheet_enablers", "ar"))
    header = [c.value for c in ws[2]]
    low = next(i for i, h in enumerate(header) if h and h.endswith(label("low", "ar")))
    assert header[low + 1].endswith(label("high", "ar"))
    assert ws.cell(row=3, column=low + 1).value == pytest.approx(1.8765)
    assert ws.cell(row=3, column=low + 2).value == pytest.approx(2.2345)
    assert ws.cell(row=3, column=low + 1).number_format == "#,##0.00"
    score = ws.cell(row=3, column=2)
    assert score.value == pytest.approx(2.1234) and score.number_format == "#,##0.00"


@pytest.mark.render
@pytest.mark.parametrize("lang", ["ar", "en"])
def test_word_gets_a_table_of_contents_and_no_blank_page(tmp_path, lang):
    path = render_docx(build_national(inputs(tmp_path, 3), lang), tmp_path / "r.docx")
    doc = Document(str(path))
    body = doc.element.body
    xml = zipfile.ZipFile(path).read("word/document.xml").decode()
    assert 'TOC \\o "1-2"' in xml
    settings = zipfile.ZipFile(path).read("word/settings.xml").decode()
    assert "updateFields" in settings
    # no page with nothing on it: between two page breaks there is always some text
    seen_text_since_break = True
    for p in body.iter(qn("w:p")):
        breaks = [b for b in p.iter(qn("w:br")) if b.get(qn("w:type")) == "page"]
        text = "".join(t.text or "" for t in p.iter(qn("w:t"))) + "".join(
            i.text or "" for i in p.iter(qn("w:instrText"))
        )
        if text.strip():
            seen_text_since_break = True
        if breaks:
            assert seen_text_since_break, "a page without text"
            seen_text_since_break = False
    assert doc.paragraphs[0].text  # the cover starts with the issuing line, not an empty band


def test_the_cover_names_the_issuer_the_round_and_the_date_in_the_readers_calendar(tmp_path):
    from dataclasses import replace

    from raqmana.reports.model import KeyFigures

    base = replace(
        inputs(tmp_path, 3),
        issuer=Translated.of("General Secretariat", "الأمانة العامة لمجلس الوزراء", "ئەمینداریی گشتی"),
        assessment_name=Translated.of("Round 2026", "جولة 2026", "خولی 2026"),
        date="2026-11-25",
    )
    ar = build_national(base, "ar")
    assert ar.header.startswith("رقمنة · ") and "raqmana" not in ar.header
    assert build_national(base, "ckb").header.startswith("ڕەقمەنە · "), "as the web app writes it"
    cover = dict(ar.cover)
    assert cover[label("issued_by", "ar")] == "الأمانة العامة لمجلس الوزراء"
    assert cover[label("round", "ar")] == "جولة ٢٠٢٦"
    assert "٢٠٢٦" in cover[label("date", "ar")] and "نوفمبر" in cover[label("date", "ar")]
    html = render_html(ar)
    assert '<p class="cover-band">' in html and 'class="cover-band"></div>' not in html
    assert "الأمانة العامة لمجلس الوزراء" in html.split('class="cover"')[1].split("</section>")[0]
    [figures] = [b for b in ar.sections[0].blocks if isinstance(b, KeyFigures)]
    shown = dict(figures.items)
    assert shown[label("kf_score", "ar")] == "٢٫١٠ من ٥"
    assert shown[label("kf_institutions", "ar")] == "٣"
    assert 'class="key-figures"' in html
    en = build_national(base, "en")
    assert en.header.startswith("raqmana · ") and dict(en.cover)["Date"] == "November 25, 2026"


@pytest.mark.render
def test_word_shows_the_cover_lines_and_the_key_figures(tmp_path):
    from dataclasses import replace

    base = replace(inputs(tmp_path, 3), assessment_name=Translated.of("Round A", "الجولة أ", "خولی أ"))
    doc = Document(str(render_docx(build_national(base, "en"), tmp_path / "r.docx")))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Assessment round: Round A" in text
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert "2.10 out of 5" in cells and label("kf_institutions", "en") in cells
