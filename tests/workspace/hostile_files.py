"""Hostile files made on the spot, small on disk (bombs compress well): XML bombs inside a real workbook,
ZIP bombs, disguised types, path-traversal names."""

from __future__ import annotations

import io
import zipfile

BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)
    )
    + ']>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>'
)
QUADRATIC = (
    '<?xml version="1.0"?>\n<!DOCTYPE q [<!ENTITY a "' + "a" * 50_000 + '">]>\n'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    '<row r="1"><c r="A1" t="inlineStr"><is><t>'
    + "&a;" * 50_000
    + "</t></is></c></row></sheetData></worksheet>"
)
EXTERNAL_ENTITY = (
    '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    '<row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>'
)
XML_BOMBS = {"billion-laughs": BILLION_LAUGHS, "quadratic": QUADRATIC, "external-entity": EXTERNAL_ENTITY}


def replace_members(data: bytes, replace: dict[str, bytes | str], *, suffix: str = "") -> bytes:
    """``data`` (a ZIP) with the members whose name ends with a key of ``replace`` swapped."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            new = next((v for k, v in replace.items() if info.filename.endswith(k)), None)
            dst.writestr(info.filename, src.read(info) if new is None else new)
    return out.getvalue()


def sheet_members(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return [n for n in zf.namelist() if n.startswith("xl/worksheets/sheet")]


def with_xml_bomb(workbook: bytes, bomb: str, *, strings: bool = True) -> bytes:
    """The workbook with every sheet replaced by ``bomb`` (and its shared strings with ``strings``)."""
    targets: dict[str, bytes | str] = dict.fromkeys(sheet_members(workbook), bomb)
    if strings:
        targets["xl/sharedStrings.xml"] = bomb.replace("worksheet", "sst")
    return replace_members(workbook, targets)


def with_zip_bomb(workbook: bytes, mib: int = 64) -> bytes:
    """The workbook with its first sheet padded to ``mib`` MiB of blanks (a few hundred KB packed)."""
    first = sheet_members(workbook)[0]
    with zipfile.ZipFile(io.BytesIO(workbook)) as zf:
        xml = zf.read(first)
    head, tail = xml.split(b"<sheetData>", 1)
    padded = head + b"<sheetData>" + b" " * (mib * 1024 * 1024) + tail
    return replace_members(workbook, {first: padded})


def zipped(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def files_under(path) -> list[str]:
    """Every file below ``path`` (temporary files included), as relative paths."""
    return sorted(str(p.relative_to(path)) for p in path.rglob("*") if p.is_file()) if path.exists() else []
