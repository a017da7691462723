"""Text with pages and structure from PDF (pypdf), DOCX (python-docx), HTML (html.parser) and plain text.

The format is read from the content, not the file name; bad input raises :class:`ProblemsError` with a
located, translated message and nothing else happens.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path, PurePath
from typing import Any

from raqmana.documents import errors as E
from raqmana.documents.arabic import language, repair
from raqmana.documents.bidi import drawn_spaces, glyph_text, has_rtl, reading_order, right_to_left
from raqmana.documents.model import Block, BlockKind, Document
from raqmana.documents.structure import blocks_from_lines, classify
from raqmana.problems import Location, Problem, ProblemsError

MAX_BYTES = 50 * 1024 * 1024
MAX_PAGES = 2000
MAX_UNPACKED = 200 * 1024 * 1024  # a .docx's parts once unzipped
_EXTENSIONS = {"pdf": "pdf", "docx": "docx", "docm": "docx", "html": "html", "htm": "html", "txt": "text"}
_KIND_NAMES = {"pdf": "PDF", "docx": "Word (.docx)", "html": "HTML", "text": "plain text"}


#: called with (pages read, pages) while a PDF is read
PageProgress = Callable[[int, int], None]


def _refuse(code: object, filename: str, **params: object) -> ProblemsError:
    return ProblemsError([Problem(code, Location(file=filename), dict(params))])  # type: ignore[arg-type]


def sniff(data: bytes) -> str | None:
    """``pdf``, ``docx``, ``html``, ``text`` or None, from the bytes."""
    head = data[:1024].lstrip()
    if data[:1024].find(b"%PDF-") != -1:
        return "pdf"
    if data[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                return "docx" if "word/document.xml" in zf.namelist() else None
        except zipfile.BadZipFile:
            return None
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    lowered = head[:512].lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or b"<body" in data[:4096].lower():
        return "html"
    return "text"


def sniff_file(path: Path) -> str | None:
    """As :func:`sniff`, reading only the head of the file (and a ZIP's directory), not the whole file."""
    with path.open("rb") as fh:
        head = fh.read(4096)
    if head[:1024].find(b"%PDF-") == -1 and head[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(path) as zf:
                return "docx" if "word/document.xml" in zf.namelist() else None
        except zipfile.BadZipFile:
            return None
    return sniff(head)


def check_kind(kind: str | None, filename: str) -> str:
    """The format read from the content, refused when it is none of the four or when the file name's
    extension says another one."""
    name = PurePath(filename).name
    if kind is None:
        raise _refuse(E.UNKNOWN_FORMAT, name)
    ext = PurePath(name).suffix.lower().lstrip(".")
    if ext in _EXTENSIONS and _EXTENSIONS[ext] != kind and not (ext == "txt" and kind == "html"):
        raise _refuse(E.WRONG_EXTENSION, name, extension=ext, actual=_KIND_NAMES[kind])
    return kind


def check_size(size: int, filename: str, max_bytes: int = MAX_BYTES) -> None:
    """Refuse an empty file or one over ``max_bytes``."""
    name = PurePath(filename).name
    if not size:
        raise _refuse(E.EMPTY_FILE, name)
    if size > max_bytes:
        raise _refuse(E.TOO_LARGE, name, size=round(size / 1048576, 1), limit=max_bytes // 1048576)


def extract(
    data: bytes,
    filename: str = "",
    *,
    max_bytes: int = MAX_BYTES,
    max_pages: int = MAX_PAGES,
    progress: PageProgress | None = None,
) -> Document:
    """The document's text as blocks with page numbers; warnings (OCR pages, repairs) in ``problems``.
    ``progress`` hears of each PDF page read."""
    name = PurePath(filename).name
    check_size(len(data), name, max_bytes)
    kind = check_kind(sniff(data), name)
    if kind == "pdf":
        return _pdf(data, name, max_pages, progress)
    if kind == "docx":
        return _docx(data, name)
    text = _decode(data, name)
    if kind == "html":
        return _html(text, name)
    return _text(text, name)


def _finish(fmt: str, pages: int, blocks: list[Block], name: str, warnings: list[Problem]) -> Document:
    blocks = [b for b in blocks if b.text.strip()]
    if not blocks:
        raise _refuse(E.NO_TEXT, name)
    doc_lang = language("\n".join(b.text for b in blocks[:200]))
    return Document(fmt, pages, tuple(blocks), doc_lang, tuple(warnings))


def _decode(data: bytes, name: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1256")
    except UnicodeDecodeError:
        raise _refuse(E.BAD_ENCODING, name) from None


def _text(text: str, name: str) -> Document:
    pages = text.replace("\r\n", "\n").split("\f")
    repaired = [repair(p)[0] for p in pages]
    return _finish("text", len(pages), blocks_from_lines(repaired), name, [])


def _pdf(data: bytes, name: str, max_pages: int, progress: PageProgress | None = None) -> Document:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise _refuse(E.ENCRYPTED, name)
        n = len(reader.pages)
    except ProblemsError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise _refuse(E.CORRUPT, name, kind="PDF", detail=str(exc)[:200]) from None
    except Exception as exc:  # pypdf raises NotImplementedError and others for unsupported encryption
        if "crypt" in str(exc).lower() or "AES" in str(exc):
            raise _refuse(E.ENCRYPTED, name) from None
        raise _refuse(E.CORRUPT, name, kind="PDF", detail=str(exc)[:200]) from None
    if n > max_pages:
        raise _refuse(E.TOO_MANY_PAGES, name, pages=n, limit=max_pages)
    if n == 0:
        raise _refuse(E.NO_TEXT, name)
    texts: list[str] = []
    warnings: list[Problem] = []
    empty_pages: list[int] = []
    fixed = 0
    for i, page in enumerate(reader.pages, start=1):
        try:
            raw, visual = _page_text(page)
        except Exception as exc:  # a damaged content stream on one page
            raise _refuse(E.CORRUPT, name, kind="PDF", detail=f"page {i}: {str(exc)[:160]}") from None
        if len(raw.strip()) < 3:
            empty_pages.append(i)
        if visual:
            rtl_page = right_to_left(raw)
            raw = "\n".join(reading_order(line, rtl_page=rtl_page) for line in raw.splitlines())
        text, count = repair(raw, reorder=not visual)
        fixed += count
        texts.append(text)
        if progress is not None:
            progress(i, n)
    if len(empty_pages) == n:
        raise _refuse(E.NEEDS_OCR, name, pages=n)
    warnings += [
        Problem(E.PAGE_NEEDS_OCR, Location(file=name), {"page": p})
        for p in empty_pages
        if _has_image(reader, p)
    ]
    if fixed:
        warnings.append(Problem(E.REPAIRED, Location(file=name), {"count": fixed}))
    return _finish("pdf", n, blocks_from_lines(texts), name, warnings)


def _page_text(page: Any) -> tuple[str, bool]:
    """The page's text, and whether it is in visual order. A page with right-to-left text is read with
    pypdf's layout mode, which gives each line's glyphs left to right as drawn, the order
    :func:`reading_order` turns round; each glyph's text is reversed first (:func:`glyph_text`), so a
    ligature's letters come out in reading order. Other pages (left-to-right text only, or text layout
    mode cannot place, all of it rotated) are read in content-stream order, which keeps the words of
    tables and tight columns apart."""
    fonts = getattr(page, "_layout_mode_fonts", None)  # the fonts layout mode decodes glyphs with
    if fonts is not None:

        def reversed_glyphs() -> Any:
            found = fonts()
            for font in found.values():
                glyphs = getattr(font, "character_map", None)
                if isinstance(glyphs, dict):
                    for code, text in glyphs.items():
                        if isinstance(text, str):
                            glyphs[code] = glyph_text(text)
            return found

        page._layout_mode_fonts = reversed_glyphs
    try:
        text = page.extract_text(extraction_mode="layout", layout_mode_space_vertically=False) or ""
    except Exception:  # a font or operator layout mode cannot place: the default mode may still read it
        text = ""
    finally:
        if fonts is not None:
            del page._layout_mode_fonts
    text = drawn_spaces(text) if fonts is not None else text
    if has_rtl(text):
        return text, True
    return page.extract_text() or "", False


def _has_image(reader: object, page_no: int) -> bool:
    try:
        page = reader.pages[page_no - 1]  # type: ignore[attr-defined]
        return bool(list(page.images))
    except Exception:
        return False


def _docx(data: bytes, name: str) -> Document:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = zf.namelist()
        unpacked = sum(info.file_size for info in zf.infolist())
        if unpacked > MAX_UNPACKED:  # a compression bomb: small file, huge XML
            raise _refuse(E.TOO_LARGE, name, size=round(unpacked / 1048576, 1), limit=MAX_UNPACKED // 1048576)
        if any(n.lower().endswith("vbaproject.bin") for n in names):
            raise _refuse(E.MACROS, name)
        try:
            types = zf.read("[Content_Types].xml")
        except KeyError:
            types = b""
        if b"macroEnabled" in types:
            raise _refuse(E.MACROS, name)
    import docx
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:
        raise _refuse(E.CORRUPT, name, kind="Word (.docx)", detail=str(exc)[:200]) from None
    blocks: list[Block] = []
    page = 1
    br, rendered = qn("w:br"), qn("w:lastRenderedPageBreak")
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            paragraphs = [Paragraph(child, document)]
        elif child.tag == qn("w:tbl"):
            table = Table(child, document)
            paragraphs = [p for row in table.rows for cell in row.cells for p in cell.paragraphs]
        else:
            continue
        for para in paragraphs:
            # a rendered break opens the paragraph's page; an explicit page break ends it
            breaks_after = 0
            for el in para._p.iter(br, rendered):
                if el.tag == rendered:
                    page += 1
                elif el.get(qn("w:type")) == "page":
                    breaks_after += 1
            text = repair(para.text)[0].strip()
            if text:
                style = (para.style.name if para.style is not None else "") or ""
                if style.lower().startswith(("heading", "title")):
                    blocks.append(Block(page, BlockKind.HEADING, text))
                else:
                    kind, number = classify(text)
                    blocks.append(Block(page, kind, text, number))
            page += breaks_after
    return _finish("docx", page, blocks, name, [])


class _HtmlText(HTMLParser):
    _SKIP = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe", "object"})
    _BLOCK = frozenset(
        {"p", "div", "li", "td", "th", "br", "section", "article", "tr", "blockquote", "dd", "dt"}
    )
    _HEAD = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "title"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[bool, str]] = []
        self._buf: list[str] = []
        self._skip = 0
        self._heading = 0
        self.skipped = 0

    def _flush(self) -> None:
        text = " ".join("".join(self._buf).split())
        if text:
            self.blocks.append((self._heading > 0, text))
        self._buf = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skip += 1
            self.skipped += tag in ("script", "style")
        elif tag in self._HEAD or tag in self._BLOCK:
            self._flush()
            self._heading += tag in self._HEAD

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in self._HEAD or tag in self._BLOCK:
            self._flush()
            if tag in self._HEAD:
                self._heading = max(0, self._heading - 1)

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._buf.append(data)


def _html(text: str, name: str) -> Document:
    parser = _HtmlText()
    parser.feed(text)
    parser.close()
    parser._flush()
    blocks: list[Block] = []
    for heading, chunk in parser.blocks:
        chunk = repair(chunk)[0]
        if heading:
            blocks.append(Block(1, BlockKind.HEADING, chunk))
        else:
            kind, number = classify(chunk)
            blocks.append(Block(1, kind, chunk, number))
    warnings = (
        [Problem(E.SCRIPT_IGNORED, Location(file=name), {"count": parser.skipped})] if parser.skipped else []
    )
    return _finish("html", 1, blocks, name, warnings)
