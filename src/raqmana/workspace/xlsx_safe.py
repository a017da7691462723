"""Open a workbook that someone uploaded without letting it hurt the server.

Before openpyxl sees the bytes, the ZIP's table of contents is checked: few enough members, a sensible
unpacked size and compression ratio (a ZIP bomb is refused before anything is unpacked; ``zipfile``
never unpacks more than a member's declared size). The XML inside is parsed by openpyxl with
``defusedxml`` (a dependency of raqmana: openpyxl uses it whenever it is installed), so entity
declarations — billion laughs, quadratic blow-up, external entities — are refused. Whatever a parser
raises on a damaged or hostile file becomes the translated "not a readable workbook" problem.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from raqmana.problems import Location
from raqmana.workspace import errors as E
from raqmana.workspace.exceptions import ValidationFailed

#: members of one workbook (a questionnaire workbook has about 20)
MAX_MEMBERS = 2000
#: all members of one workbook together, unpacked
MAX_UNPACKED = 256 * 1024 * 1024
#: unpacked / packed size of one member bigger than RATIO_FROM (spreadsheet XML packs 5–30 times)
MAX_RATIO = 200
RATIO_FROM = 1024 * 1024

#: what openpyxl, zipfile and the XML parsers raise on files that are damaged or built to hurt
#: (defusedxml's refusals are ValueErrors; expat's and lxml's syntax errors are SyntaxErrors)
READ_ERRORS: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    KeyError,
    ValueError,
    TypeError,
    IndexError,
    AttributeError,
    SyntaxError,
    EOFError,
    OSError,
    NotImplementedError,
    RuntimeError,
)


def unreadable(filename: str) -> ValidationFailed:
    return ValidationFailed.one(E.XLSX_UNREADABLE, Location(file=filename), filename=filename)


def check_archive(data: bytes, filename: str) -> None:
    """Refuse (as an unreadable workbook) a ZIP with too many members or that unpacks too far."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except READ_ERRORS:
        raise unreadable(filename) from None
    if len(infos) > MAX_MEMBERS or sum(i.file_size for i in infos) > MAX_UNPACKED:
        raise unreadable(filename)
    for info in infos:
        if info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * max(1, info.compress_size):
            raise unreadable(filename)
