"""Why a JSON file or a workbook could not be read, as translated reasons (ar, ckb, en).

Python's ``json`` module, the operating system and openpyxl explain a failure in English only
("Expecting ',' delimiter", "File is not a zip file"). Each function here returns a ``{"en", "ar",
"ckb"}`` reason that a :class:`~raqmana.problems.Problem` can carry as a parameter: the English keeps
the original words in parentheses, the other languages say the same thing in their own words.
Used by the recommendation and roadmap readers, like :mod:`.validation_messages` for pydantic.
"""

from __future__ import annotations

import json


def _r(en: str, ar: str, ckb: str) -> dict[str, str]:
    return {"en": en, "ar": ar, "ckb": ckb}


#: (start of the ``json`` module's message, translated reason); the first match wins
_JSON: tuple[tuple[str, dict[str, str]], ...] = (
    (
        "Expecting value",
        _r(
            "a value is missing or is not valid JSON (text needs double quotes; 'true', 'false' and 'null' are lower case)",
            "توجد قيمة ناقصة أو غير صالحة (يوضع النص بين علامتي اقتباس مزدوجتين، وتُكتب 'true' و'false' و'null' بأحرف صغيرة)",
            "بەھایەک نییە یان دروست نییە (دەق دەکەوێتە ناو نیشانەی وتەی دووانەوە، 'true' و 'false' و 'null' بە پیتی "
            "بچووک دەنووسرێن)",
        ),
    ),
    (
        "Expecting property name",
        _r(
            "a key must be text in double quotes (is there a ',' too many before a '}'?)",
            "يجب أن يكون المفتاح نصاً بين علامتي اقتباس مزدوجتين (هل توجد ',' زائدة قبل '}'؟)",
            "کلیل دەبێت دەقێک بێت لە ناو نیشانەی وتەی دووانەدا (ئایا ','ی زیادە لە پێش '}' ھەیە؟)",
        ),
    ),
    (
        "Expecting ',' delimiter",
        _r("a ',' is missing between two items", "تنقص ',' بين عنصرين", "',' لە نێوان دوو بڕگەدا نییە"),
    ),
    (
        "Expecting ':' delimiter",
        _r("a ':' is missing after a key", "ينقص ':' بعد أحد المفاتيح", "':' لە دوای کلیلێک نییە"),
    ),
    (
        "Unterminated string",
        _r(
            "a text is not closed by a double quote",
            "نص لم يُغلق بعلامة اقتباس مزدوجة",
            "دەقێک بە نیشانەی وتەی دووانە دانەخراوە",
        ),
    ),
    (
        "Invalid control character",
        _r(
            "a text contains a line break or a tab: write it as \\n or \\t",
            "يحتوي نص على سطر جديد أو مسافة جدولة: اكتبهما \\n أو \\t",
            "دەقێک دێڕی نوێ یان تابی تێدایە: بە شێوەی \\n یان \\t بیاننووسە",
        ),
    ),
    (
        "Invalid \\",
        _r(
            "a text has an unknown escape ('\\')",
            "يحتوي نص على رمز هروب ('\\') غير معروف",
            "دەقێک نیشانەی ('\\')ی نەناسراوی تێدایە",
        ),
    ),
    (
        "Extra data",
        _r(
            "there is more text after the end of the document",
            "يوجد نص إضافي بعد نهاية المستند",
            "دەقی زیادە لە دوای کۆتایی بەڵگەنامەکە ھەیە",
        ),
    ),
    (
        "Illegal trailing comma",
        _r(
            "a ',' too many before a closing bracket",
            "توجد ',' زائدة قبل قوس الإغلاق",
            "','ی زیادە لە پێش کەوانەی داخستن ھەیە",
        ),
    ),
)
_JSON_OTHER = _r("{detail}", "ليس نصاً بصيغة JSON صالحة", "دەقی JSONـی دروست نییە")

NOT_FOUND = _r("the file does not exist", "الملف غير موجود", "فایلەکە بوونی نییە")
NOT_UTF8 = _r(
    "the file is not UTF-8 text: save it with the UTF-8 encoding",
    "الملف ليس نصاً بترميز UTF-8: احفظه بترميز UTF-8",
    "فایلەکە دەقی UTF-8 نییە: بە کۆدکردنی UTF-8 پاشەکەوتی بکە",
)
_DIRECTORY = _r("this is a folder, not a file", "هذا مجلد وليس ملفاً", "ئەمە بوخچەیە، نەک فایل")
_FORBIDDEN = _r(
    "raqmana may not read the file (permissions)",
    "لا يملك raqmana إذناً بقراءة الملف",
    "raqmana مۆڵەتی خوێندنەوەی فایلەکەی نییە",
)
_UNREADABLE = _r("the file cannot be read ({detail})", "تتعذر قراءة الملف", "فایلەکە ناخوێندرێتەوە")
_NOT_XLSX = _r(
    "the file is not in the .xlsx format, or it is damaged ({detail})",
    "الملف ليس بصيغة ‎.xlsx أو أنه تالف",
    "فایلەکە بە شێوەی ‎.xlsx نییە یان تێکچووە",
)
_XLS = _r(
    "old Excel files (.xls) cannot be read: save the workbook as .xlsx",
    "لا يمكن قراءة ملفات Excel القديمة (‎.xls): احفظ المصنف بصيغة ‎.xlsx",
    "فایلە کۆنەکانی Excel (‎.xls) ناخوێندرێنەوە: پەڕتووکەکە بە شێوەی ‎.xlsx پاشەکەوت بکە",
)


def _fill(reason: dict[str, str], detail: str) -> dict[str, str]:
    return {lang: text.replace("{detail}", detail) for lang, text in reason.items()}


def json_reason(exc: json.JSONDecodeError) -> dict[str, str]:
    """Why ``json.loads`` stopped (its line and column are on ``exc``; put them in the Location)."""
    for start, reason in _JSON:
        if exc.msg.startswith(start):
            return reason
    return _fill(_JSON_OTHER, exc.msg)


def read_reason(exc: OSError | UnicodeError) -> dict[str, str]:
    """Why a file could not be opened or decoded."""
    if isinstance(exc, UnicodeError):
        return NOT_UTF8
    if isinstance(exc, FileNotFoundError):
        return NOT_FOUND
    if isinstance(exc, IsADirectoryError):
        return _DIRECTORY
    if isinstance(exc, PermissionError):
        return _FORBIDDEN
    return _fill(_UNREADABLE, exc.strerror or type(exc).__name__)


def workbook_reason(exc: BaseException) -> dict[str, str]:
    """Why openpyxl could not open a workbook (it raises many kinds of error for a file that is not one)."""
    if isinstance(exc, (OSError, UnicodeError)):
        return read_reason(exc)
    detail = str(exc) or type(exc).__name__
    if ".xls file format" in detail:
        return _XLS
    return _fill(_NOT_XLSX, detail)
