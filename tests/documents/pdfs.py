"""Documents the tests build: Arabic PDFs made with WeasyPrint and LibreOffice, DOCX, HTML, images."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path
from typing import Any

LAW_HTML = """<html lang="ar" dir="rtl"><head><style>body {{ font-family: 'Noto Naskh Arabic'; }}</style></head><body>
<h1>قانون التوقيع الإلكتروني والمعاملات الإلكترونية</h1>
<p>الفصل الأول: التعاريف والأهداف</p>
<p>المادة ١ : يهدف هذا القانون إلى توفير الإطار القانوني لاستعمال الوسائل الإلكترونية في إجراء المعاملات.</p>
<p>المادة 2 - حماية البيانات الشخصية للمواطنين وتحسين الخدمات العامة عام 2025.</p>
{more}
<p style="page-break-before: always">المادة الثالثة: تلتزم الحكومة بالقضاء على الفقر وتوفير الحماية الاجتماعية للأسر الفقيرة.</p>
<p>1. إنشاء مركز وطني للبيانات. الجهة المسؤولة: وزارة الاتصالات. الموعد: 2026.</p>
</body></html>"""


def law_html(extra_paragraphs: int = 0) -> str:
    more = "\n".join(
        f"<p>المادة {i + 10}: تعمل الوزارات على تطوير الخدمات الإلكترونية للمواطنين في المحافظات.</p>"
        for i in range(extra_paragraphs)
    )
    return LAW_HTML.format(more=more)


def weasyprint_pdf(html: str) -> bytes:
    import weasyprint

    from raqmana.i18n import fonts

    base = Path(fonts.__file__).parent
    css = weasyprint.CSS(
        string=f"@font-face {{ font-family: 'Noto Naskh Arabic'; src: url('{(base / 'NotoNaskhArabic-Regular.ttf').as_uri()}'); }}"
    )
    return bytes(weasyprint.HTML(string=html).write_pdf(stylesheets=[css]))


def docx_bytes(
    paragraphs: list[tuple[str, str]], *, page_break_after: int | None = None, rtl: bool = False
) -> bytes:
    """A .docx with (style, text) paragraphs; style "" is Normal. ``rtl``: right-to-left paragraphs and
    runs, as Word and LibreOffice write an Arabic document."""
    import docx
    from docx.enum.text import WD_BREAK
    from docx.oxml import OxmlElement

    def right_to_left(para: Any) -> None:
        bidi = OxmlElement("w:bidi")
        para._p.get_or_add_pPr().append(bidi)
        for run in para.runs:
            run._r.get_or_add_rPr().append(OxmlElement("w:rtl"))

    document = docx.Document()
    for i, (style, text) in enumerate(paragraphs):
        if style.startswith("Heading"):
            para = document.add_heading(text, level=int(style[-1]))
        else:
            para = document.add_paragraph(text)
        if rtl:
            right_to_left(para)
        if page_break_after == i:
            para.add_run().add_break(WD_BREAK.PAGE)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def libreoffice_pdf(docx: bytes, tmp: Path) -> bytes | None:
    """The .docx converted by LibreOffice (another PDF producer), or None where it is not installed."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    src = tmp / "law.docx"
    src.write_bytes(docx)
    subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{tmp}/lo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp),
            str(src),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return (tmp / "law.pdf").read_bytes()


def image_only_pdf(pages: int = 2) -> bytes:
    """A 'scanned' PDF: each page one picture, no text layer."""
    from PIL import Image, ImageDraw

    images = []
    for n in range(pages):
        img = Image.new("RGB", (600, 800), "white")
        ImageDraw.Draw(img).rectangle((50, 50 + n * 10, 550, 120), fill="black")
        images.append(img)
    buf = io.BytesIO()
    images[0].save(buf, format="PDF", save_all=True, append_images=images[1:])
    return buf.getvalue()
