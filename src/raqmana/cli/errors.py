"""Error codes of the command line itself (options, files), before any domain reads the input.

``docs/errors.md`` lists them after the framework codes (``raqmana framework errors --markdown``).
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from raqmana.problems import Code

UNKNOWN_LANG = Code("CLI001", "'{value}' is not a language of raqmana: use {known}.")
BAD_OUTPUT_SUFFIX = Code("CLI002", "Cannot write '{value}': the file name must end in {known}.")
CANNOT_USE_PATH = Code("CLI003", "Cannot use {path}: {reason}.")
NO_ASSESSMENT = Code(
    "CLI004", "There is no assessment in this workspace: run `raqmana demo` or open a round first."
)
NOT_A_FOLDER = Code(
    "CLI005", "Cannot write to {path}: the folder cannot be created because {file} is a file, not a folder."
)
FILE_NOT_FOUND = Code("CLI006", "The file {path} does not exist.")
BAD_SETTING = Code("CLI007", "The setting RAQMANA_{name} cannot be used: {reason}.")
NO_PRODUCTION_SECRET = Code(
    "CLI008",
    "raqmana runs in production (RAQMANA_ENVIRONMENT=production) and needs its own secret key: put at least "
    "32 random characters in a file (e.g. `openssl rand -hex 32 > /etc/raqmana/secret_key`) and name it in "
    "RAQMANA_SECRET_KEY_FILE.",
)
NO_AUDIT_KEY = Code(
    "CLI009",
    "No audit key is set: put at least 32 random characters in a file kept outside the database and the "
    "backups (e.g. `openssl rand -hex 32 > /etc/raqmana/audit_key`) and name it in RAQMANA_AUDIT_KEY_FILE.",
    "لم يُضبط مفتاح التدقيق: ضع 32 حرفاً عشوائياً على الأقل في ملف يُحفظ خارج قاعدة البيانات والنسخ "
    "الاحتياطية (مثلاً `openssl rand -hex 32 > /etc/raqmana/audit_key`) واذكر اسمه في RAQMANA_AUDIT_KEY_FILE.",
    "کلیلی وردبینی دانەنراوە: لانیکەم 32 پیتی ھەڕەمەکی لە فایلێکدا دابنێ کە لە دەرەوەی بنکەدراوە و "
    "پاڵپشتەکان ھەڵدەگیرێت (بۆ نموونە `openssl rand -hex 32 > /etc/raqmana/audit_key`) و ناوەکەی لە "
    "RAQMANA_AUDIT_KEY_FILE بنووسە.",
)
BAD_CHECKPOINT = Code(
    "CLI010",
    "{path} is not an audit checkpoint of raqmana ({reason}).",
    "{path} ليس نقطة تحقق لسجل تدقيق raqmana ({reason}).",
    "{path} خاڵی پشکنینی تۆماری وردبینی raqmana نییە ({reason}).",
)
AUDIT_BROKEN = Code(
    "CLI011",
    "The audit chain does not verify ({count} problem(s), see `raqmana audit verify`): nothing was {done}.",
    "سلسلة التدقيق لا تجتاز التحقق ({count} من المشكلات، انظر `raqmana audit verify`): لم يتم {done}.",
    "زنجیرەی وردبینی پشکنین تێناپەڕێنێت ({count} کێشە، بڕوانە `raqmana audit verify`): ھیچ شتێک {done} نەکرا.",
)
BACKUP_NOT_AN_ARCHIVE = Code(
    "CLI012",
    "{path} is not a raqmana backup ({reason}); nothing was changed.",
    "{path} ليس نسخة احتياطية من raqmana ({reason})؛ لم يُغيَّر أي شيء.",
    "{path} پاڵپشتی raqmana نییە ({reason})؛ ھیچ شتێک نەگۆڕدرا.",
)
BACKUP_CHECKSUM = Code(
    "CLI013",
    "The backup {path} is damaged: {member} does not match its checksum in the manifest; nothing was changed.",
    "النسخة الاحتياطية {path} تالفة: {member} لا يطابق بصمته في البيان؛ لم يُغيَّر أي شيء.",
    "پاڵپشتی {path} تێکچووە: {member} لەگەڵ پشکنینەکەی لە لیستەکەدا یەک ناگرێتەوە؛ ھیچ شتێک نەگۆڕدرا.",
)
BACKUP_NEWER_SCHEMA = Code(
    "CLI014",
    "The backup {path} has schema revision {revision}, newer than this raqmana knows ({head}): install the "
    "raqmana version that wrote it ({version}) or newer; nothing was changed.",
    "النسخة الاحتياطية {path} بمراجعة مخطط {revision} أحدث مما يعرفه raqmana هذا ({head}): ثبّت إصدار raqmana "
    "الذي كتبها ({version}) أو أحدث؛ لم يُغيَّر أي شيء.",
    "پاڵپشتی {path} پێداچوونەوەی نەخشەی {revision}ی ھەیە، نوێترە لەوەی ئەم raqmanaیە دەیناسێت ({head}): ئەو "
    "وەشانەی raqmana دابمەزرێنە کە نووسیویەتی ({version}) یان نوێتر؛ ھیچ شتێک نەگۆڕدرا.",
)
BACKUP_AUDIT = Code(
    "CLI015",
    "The audit chain in the backup {path} does not verify: {detail}; nothing was changed.",
    "سلسلة التدقيق في النسخة الاحتياطية {path} لا تجتاز التحقق: {detail}؛ لم يُغيَّر أي شيء.",
    "زنجیرەی وردبینی لە پاڵپشتی {path} پشکنین تێناپەڕێنێت: {detail}؛ ھیچ شتێک نەگۆڕدرا.",
)
RESTORE_TARGET_IN_USE = Code(
    "CLI016",
    "The target already holds a workspace ({what}); restore into an empty data directory and database, or "
    "add --replace to overwrite it; nothing was changed.",
    "الهدف يحتوي على مساحة عمل ({what})؛ استعد إلى مجلد بيانات وقاعدة بيانات فارغين، أو أضف --replace "
    "للكتابة فوقها؛ لم يُغيَّر أي شيء.",
    "ئامانجەکە پێشتر شوێنی کاری تێدایە ({what})؛ بۆ بوخچەیەکی داتا و بنکەدراوەیەکی بەتاڵ بیگەڕێنەوە، یان "
    "--replace زیاد بکە بۆ ئەوەی بینووسیتەوە؛ ھیچ شتێک نەگۆڕدرا.",
)
BACKUP_TOOL = Code(
    "CLI017",
    "{tool} failed ({detail}); nothing was changed.",
    "فشل {tool} ({detail})؛ لم يُغيَّر أي شيء.",
    "{tool} سەرنەکەوت ({detail})؛ ھیچ شتێک نەگۆڕدرا.",
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
