"""Error codes of the command line itself (options, files), before any domain reads the input.

``docs/errors.md`` lists them after the framework codes (``raqmana framework errors --markdown``).
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from raqmana.problems import Code

UNKNOWN_LANG = Code(
    "CLI001",
    "'{value}' is not a language of raqmana: use {known}.",
    "اللغة '{value}' غير مدعومة في raqmana: استخدم {known}.",
    "زمانی '{value}' لە raqmana پشتگیری ناکرێت: {known} بەکاربھێنە.",
)
BAD_OUTPUT_SUFFIX = Code(
    "CLI002",
    "Cannot write '{value}': the file name must end in {known}.",
    "لا يمكن كتابة '{value}': يجب أن ينتهي اسم الملف بـ {known}.",
    "ناتوانرێت '{value}' بنووسرێت: ناوی فایلەکە دەبێت بە {known} کۆتایی بێت.",
)
CANNOT_USE_PATH = Code(
    "CLI003",
    "Cannot use {path}: {reason}.",
    "لا يمكن استخدام {path}: {reason}.",
    "ناتوانرێت {path} بەکاربھێنرێت: {reason}.",
)
NO_ASSESSMENT = Code(
    "CLI004",
    "There is no assessment in this workspace: run `raqmana demo` or open a round first.",
    "لا يوجد أي تقييم في مساحة العمل هذه: شغّل `raqmana demo` أو افتح جولة أولاً.",
    "ھیچ ھەڵسەنگاندنێک لەم شوێنی کارەدا نییە: سەرەتا `raqmana demo` ڕابکە یان خولێک بکەرەوە.",
)
NOT_A_FOLDER = Code(
    "CLI005",
    "Cannot write to {path}: the folder cannot be created because {file} is a file, not a folder.",
    "لا يمكن الكتابة في {path}: يتعذر إنشاء المجلد لأن {file} ملف وليس مجلداً.",
    "ناتوانرێت لە {path} بنووسرێت: بوخچەکە دروست ناکرێت چونکە {file} فایلە، نەک بوخچە.",
)
FILE_NOT_FOUND = Code(
    "CLI006",
    "The file {path} does not exist.",
    "الملف {path} غير موجود.",
    "فایلی {path} بوونی نییە.",
)
BAD_SETTING = Code(
    "CLI007",
    "The setting RAQMANA_{name} cannot be used: {reason}.",
    "لا يمكن استخدام الإعداد RAQMANA_{name}: {reason}.",
    "ڕێکخستنی RAQMANA_{name} بەکارناھێنرێت: {reason}.",
)
NO_PRODUCTION_SECRET = Code(
    "CLI008",
    "raqmana runs in production (RAQMANA_ENVIRONMENT=production) and needs its own secret key: put at least "
    "32 random characters in a file (e.g. `openssl rand -hex 32 > /etc/raqmana/secret_key`) and name it in "
    "RAQMANA_SECRET_KEY_FILE.",
    "يعمل raqmana في وضع الإنتاج (RAQMANA_ENVIRONMENT=production) ويحتاج إلى مفتاح سري خاص به: ضع 32 حرفاً "
    "عشوائياً على الأقل في ملف (مثلاً `openssl rand -hex 32 > /etc/raqmana/secret_key`) واذكر اسمه في "
    "RAQMANA_SECRET_KEY_FILE.",
    "raqmana لە دۆخی بەرھەمھێناندا کار دەکات (RAQMANA_ENVIRONMENT=production) و پێویستی بە کلیلێکی نهێنی "
    "خۆی ھەیە: لانیکەم 32 پیتی ھەڕەمەکی لە فایلێکدا دابنێ (بۆ نموونە `openssl rand -hex 32 > "
    "/etc/raqmana/secret_key`) و ناوەکەی لە RAQMANA_SECRET_KEY_FILE بنووسە.",
)

ALL: tuple[Code, ...] = tuple(v for v in list(globals().values()) if isinstance(v, Code))


def file_in_the_way(path: str | os.PathLike[str]) -> Path | None:
    """The nearest existing entry of ``path`` and its parents when it is a file, not a folder (why a folder
    could not be created there: ENOTDIR, or EEXIST from ``mkdir``)."""
    p = Path(path)
    for candidate in (p, *p.parents):
        if candidate.exists():
            return None if candidate.is_dir() else candidate
    return None


#: the reason of an operating-system error, by errno; others keep the system's own words
OS_REASONS: dict[int, dict[str, str]] = {
    errno.ENOENT: {
        "en": "no such file or directory",
        "ar": "لا يوجد ملف أو مجلد بهذا الاسم",
        "ckb": "فایل یان بوخچەیەکی بەو ناوە نییە",
    },
    errno.EACCES: {"en": "permission denied", "ar": "لا توجد صلاحية", "ckb": "ڕێگەپێدان نییە"},
    errno.EPERM: {
        "en": "operation not permitted",
        "ar": "العملية غير مسموح بها",
        "ckb": "ئەم کارە ڕێگەپێدراو نییە",
    },
    errno.EISDIR: {"en": "it is a directory", "ar": "إنه مجلد", "ckb": "ئەمە بوخچەیە"},
    errno.ENOTDIR: {
        "en": "a part of the path is not a directory",
        "ar": "جزء من المسار ليس مجلداً",
        "ckb": "بەشێک لە ڕێڕەوەکە بوخچە نییە",
    },
    errno.ENOSPC: {
        "en": "no space left on the device",
        "ar": "لا توجد مساحة كافية على القرص",
        "ckb": "شوێنی بەتاڵ لەسەر دیسکەکە نەماوە",
    },
    errno.EROFS: {
        "en": "the file system is read-only",
        "ar": "نظام الملفات للقراءة فقط",
        "ckb": "سیستەمی فایلەکان تەنھا بۆ خوێندنەوەیە",
    },
    errno.EEXIST: {"en": "it already exists", "ar": "موجود مسبقاً", "ckb": "پێشتر ھەیە"},
}
