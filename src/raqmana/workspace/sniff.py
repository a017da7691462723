"""What an uploaded file really is, judged by its bytes (magic numbers, the OOXML content types),
not by its name. A file whose content does not match its extension is refused."""

from __future__ import annotations

import io
import unicodedata
import zipfile
from pathlib import PurePosixPath, PureWindowsPath

from raqmana.i18n.catalog import ui
from raqmana.problems import Location
from raqmana.workspace import errors as E
from raqmana.workspace.exceptions import ValidationFailed

#: extension → (kind, media type served)
ALLOWED: dict[str, tuple[str, str]] = {
    ".pdf": ("pdf", "application/pdf"),
    ".png": ("png", "image/png"),
    ".jpg": ("jpeg", "image/jpeg"),
    ".jpeg": ("jpeg", "image/jpeg"),
    ".docx": ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ".xlsx": ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ".csv": ("text", "text/csv; charset=utf-8"),
    ".txt": ("text", "text/plain; charset=utf-8"),
}
KIND_LABELS: dict[str, dict[str, str]] = {
    "pdf": ui("PDF").as_dict(),
    "png": ui("PNG image").as_dict(),
    "jpeg": ui("JPEG image").as_dict(),
    "docx": ui("Word document (DOCX)").as_dict(),
    "xlsx": ui("Excel workbook (XLSX)").as_dict(),
    "text": ui("text", "file kinds").as_dict(),
    "zip": ui("another ZIP archive").as_dict(),
    "program": ui("a program").as_dict(),
    "binary": ui("unknown binary data").as_dict(),
}
_DOCX_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_XLSX_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"


def clean_filename(name: str) -> str:
    """The last path component, without control characters, at most 255 characters."""
    base = PureWindowsPath(PurePosixPath(name or "").name).name
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C").strip().strip(".")
    if len(base) > 255:
        stem, dot, ext = base.rpartition(".")
        base = (stem[: 250 - len(ext)] + dot + ext) if dot else base[:255]
    return base


def detect(data: bytes) -> str:
    """The kind of ``data``: pdf, png, jpeg, docx, xlsx, zip, program, text or binary."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data.startswith(b"PK\x03\x04"):
        return _ooxml(data)
    if data.startswith((b"MZ", b"\x7fELF", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe", b"#!")):
        return "program"
    return "text" if _is_text(data) else "binary"


def _ooxml(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            info = zf.getinfo("[Content_Types].xml")
            if info.file_size > 1_000_000:
                return "zip"
            types = zf.read(info).decode("utf-8", "replace")
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError, NotImplementedError, EOFError):
        return "zip"
    if _DOCX_CT in types:
        return "docx"
    if _XLSX_CT in types:
        return "xlsx"
    return "zip"


def _is_text(data: bytes) -> bool:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            data.decode("utf-16")
            return True
        except UnicodeDecodeError:
            return False
    if b"\x00" in data:
        return False
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return True


def check_upload(filename: str, data: bytes, *, max_mb: int) -> tuple[str, str]:
    """(clean filename, media type) of an acceptable upload; ValidationFailed (translated) otherwise."""
    name = clean_filename(filename)
    loc = Location(field="file")
    ext = ("." + name.rsplit(".", 1)[1].lower()) if "." in name else ""
    if ext not in ALLOWED:
        raise ValidationFailed.one(E.FILE_TYPE_NOT_ALLOWED, loc, filename=name or "?")
    if not data:
        raise ValidationFailed.one(E.FILE_EMPTY, loc, filename=name)
    if len(data) > max_mb * 1024 * 1024:
        raise ValidationFailed.one(
            E.FILE_TOO_LARGE, loc, filename=name, size=f"{len(data) / 1048576:.1f}", limit=max_mb
        )
    expected, media_type = ALLOWED[ext]
    actual = detect(data)
    if actual != expected:
        raise ValidationFailed.one(
            E.FILE_DISGUISED, loc, filename=name, expected=ext[1:].upper(), actual=KIND_LABELS[actual]
        )
    return name, media_type
