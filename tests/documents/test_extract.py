"""Text with pages and structure from PDF, DOCX, HTML and plain text; bad files get a located message."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from raqmana.documents import errors as E
from raqmana.documents.extract import extract
from raqmana.documents.model import BlockKind
from raqmana.problems import ProblemsError
from tests.documents.pdfs import docx_bytes, image_only_pdf, law_html, libreoffice_pdf, weasyprint_pdf


def _refused(data: bytes, name: str, **kw: int) -> ProblemsError:
    with pytest.raises(ProblemsError) as info:
        extract(data, name, **kw)
    return info.value


@pytest.fixture(scope="module")
def law_pdf() -> bytes:
    return weasyprint_pdf(law_html())


@pytest.mark.render
def test_it_reads_articles_and_actions_with_pages_from_a_weasyprint_arabic_pdf(law_pdf: bytes) -> None:
    doc = extract(law_pdf, "law.pdf")
    assert (doc.format, doc.pages, doc.language) == ("pdf", 2, "ar")
    articles = {b.number: b for b in doc.blocks if b.kind is BlockKind.ARTICLE}
    assert sorted(articles) == ["1", "2", "3"]
    assert articles["2"].text == "المادة 2 - حماية البيانات الشخصية للمواطنين وتحسين الخدمات العامة عام 2025."
    assert articles["3"].page == 2
    assert articles["3"].text.endswith("للأسر الفقيرة.")
    actions = [b for b in doc.blocks if b.kind is BlockKind.ACTION]
    assert [(a.number, a.page) for a in actions] == [("1", 2)]
    assert any(b.kind is BlockKind.HEADING and b.text.startswith("الفصل الأول") for b in doc.blocks)
    assert not any(p.code is E.REPAIRED for p in doc.problems)  # read in reading order, nothing to repair


@pytest.mark.render
@pytest.mark.slow
def test_it_reads_an_arabic_pdf_made_by_libreoffice(tmp_path: Path) -> None:
    data = docx_bytes(
        [
            ("Heading 1", "قانون التوقيع الإلكتروني"),
            ("", "المادة 1: يهدف هذا القانون إلى توفير الإطار القانوني للمعاملات الإلكترونية عام 2012."),
            ("", "المادة 2 - حماية البيانات الشخصية."),
        ],
        page_break_after=1,
    )
    pdf = libreoffice_pdf(data, tmp_path)
    if pdf is None:
        pytest.skip("LibreOffice is not installed")
    doc = extract(pdf, "law.pdf")
    articles = [(b.number, b.page) for b in doc.blocks if b.kind is BlockKind.ARTICLE]
    assert articles == [("1", 1), ("2", 2)]
    assert "عام 2012." in doc.blocks[1].text


# tanween (ًٌٍ) drawn as glyphs of their own, a full stop after a number, Arabic-Indic and Latin digits,
# Latin words with a number, a percentage, a year range and brackets in right-to-left lines
READING_ORDER = [
    "المادة 1: يُعدّ هذا القانون نافذاً من تاريخ نشره في الجريدة الرسمية عام 2025.",
    "المادة 2: تلتزم الوزارة بربط جميع المستشفيات والمراكز الصحية في المحافظات بشبكة ألياف ضوئية عالية"
    " السرعة بحلول نهاية عام 2027، وإنشاء مركز بيانات وطني احتياطي.",
    "المادة 3: إطلاق السجل الصحي الإلكتروني الموحد لكل مواطن، مرتبطاً بالبطاقة الوطنية الموحدة، مع حماية"
    " البيانات الشخصية وفق قانون حماية البيانات.",
    "المادة 4: يُنشأ مركزٌ وطنيٌ للبيانات بموجب القانون رقم ٧٨ لسنة ٢٠١٢ والتعليمات رقم 3 لسنة 2025.",
    "المادة 5: تدريب 5000 موظفٍ سنوياً، مع ضمان مشاركة النساء بنسبة لا تقل عن 40%، خلال الأعوام 2026-2028.",
    "المادة 6: تعتمد الوزارة معيار ISO 27001 وإطار عمل GovStack في مشاريع التحول الرقمي (المرحلة الأولى).",
]


@pytest.mark.render
@pytest.mark.parametrize("producer", ["weasyprint", pytest.param("libreoffice", marks=pytest.mark.slow)])
def test_it_reads_right_to_left_lines_in_reading_order(producer: str, tmp_path: Path) -> None:
    if producer == "libreoffice":
        pdf = libreoffice_pdf(docx_bytes([("", s) for s in READING_ORDER], rtl=True), tmp_path)
        if pdf is None:
            pytest.skip("LibreOffice is not installed")
    else:
        pdf = weasyprint_pdf(
            law_html().split("<body>")[0] + "<body>" + "".join(f"<p>{s}</p>" for s in READING_ORDER)
        )
    doc = extract(pdf, "plan.pdf")
    assert [b.text for b in doc.blocks] == READING_ORDER
    assert [b.number for b in doc.blocks] == ["1", "2", "3", "4", "5", "6"]
    assert not any(p.code is E.REPAIRED for p in doc.problems)


@pytest.mark.render
def test_it_reports_a_scanned_pdf_as_needing_ocr_in_the_users_language() -> None:
    error = _refused(image_only_pdf(pages=3), "scan.pdf")
    [problem] = error.problems
    assert problem.code is E.NEEDS_OCR
    assert problem.location.file == "scan.pdf"
    assert "OCR" in problem.render("ar") and "التعرف الضوئي" in problem.render("ar")
    assert "3" in problem.render("en")


def test_it_refuses_a_password_protected_pdf(law_pdf: bytes) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(law_pdf)))
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    assert _refused(buf.getvalue(), "law.pdf").problems[0].code is E.ENCRYPTED


def test_it_refuses_corrupt_empty_and_huge_files(law_pdf: bytes) -> None:
    assert _refused(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage", "x.pdf").problems[0].code in (
        E.CORRUPT,
        E.NO_TEXT,
    )
    assert _refused(law_pdf[: len(law_pdf) // 3], "cut.pdf").problems[0].code in (E.CORRUPT, E.NO_TEXT)
    assert _refused(b"", "empty.pdf").problems[0].code is E.EMPTY_FILE
    huge = _refused(law_pdf, "law.pdf", max_bytes=1024)
    assert huge.problems[0].code is E.TOO_LARGE
    assert _refused(law_pdf, "law.pdf", max_pages=1).problems[0].code is E.TOO_MANY_PAGES


def test_it_refuses_a_file_whose_name_lies_about_its_content(law_pdf: bytes) -> None:
    error = _refused(law_pdf, "plan.docx")
    assert error.problems[0].code is E.WRONG_EXTENSION
    assert "PDF" in error.problems[0].render("ckb")
    assert _refused(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "plan.pdf").problems[0].code is E.UNKNOWN_FORMAT


def test_it_refuses_a_word_document_with_macros() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx_bytes([("", "نص")]))) as src, zipfile.ZipFile(buf, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item))
        dst.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0macro")
    assert _refused(buf.getvalue(), "plan.docx").problems[0].code is E.MACROS


def test_it_reads_headings_articles_and_page_breaks_from_docx() -> None:
    data = docx_bytes(
        [
            ("Heading 1", "خطة العمل للحكومة الإلكترونية"),
            ("", "1. إطلاق بوابة الخدمات الحكومية. الجهة المسؤولة: الأمانة العامة لمجلس الوزراء."),
            ("", "Article 4: The ministry shall publish open data."),
        ],
        page_break_after=1,
    )
    doc = extract(data, "plan.docx")
    kinds = [(b.kind, b.number, b.page) for b in doc.blocks]
    assert kinds == [
        (BlockKind.HEADING, "", 1),
        (BlockKind.ACTION, "1", 1),
        (BlockKind.ARTICLE, "4", 2),
    ]


def test_it_ignores_scripts_in_html_and_says_so() -> None:
    html = (
        "<!doctype html><html><head><title>x</title><script>alert('المادة 9')</script></head>"
        "<body><h2>الباب الأول</h2><p>المادة 5: تنشأ هيئة لحماية البيانات.</p>"
        "<script>document.write('hidden')</script><style>p{}</style></body></html>"
    )
    doc = extract(html.encode(), "law.html")
    assert [b.text for b in doc.blocks] == ["الباب الأول", "المادة 5: تنشأ هيئة لحماية البيانات."]
    assert "hidden" not in doc.text and "alert" not in doc.text
    assert [p.code for p in doc.problems] == [E.SCRIPT_IGNORED]


def test_it_reads_plain_text_in_utf8_and_windows_1256_with_form_feed_pages() -> None:
    text = "المادة 1: أحكام عامة.\n\fالمادة 2: التوقيع الإلكتروني."
    for data in (text.encode("utf-8"), text.encode("cp1256")):
        doc = extract(data, "law.txt")
        assert [(b.number, b.page) for b in doc.blocks] == [("1", 1), ("2", 2)]


def test_it_refuses_a_docx_that_unzips_to_more_than_the_limit() -> None:
    buf = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(docx_bytes([("", "نص")]))) as src,
        zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for item in src.infolist():
            dst.writestr(item, src.read(item))
        dst.writestr("word/media/padding.xml", b"<a/>" + b" " * (201 * 1024 * 1024))
    data = buf.getvalue()
    assert len(data) < 2 * 1024 * 1024
    assert _refused(data, "plan.docx").problems[0].code is E.TOO_LARGE
