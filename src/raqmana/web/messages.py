"""The web layer's own problem codes (bad requests that never reach a use case)."""

from __future__ import annotations

from raqmana.problems import Code

CSRF = Code(
    "WEB001",
    "This form has expired or was not sent from this site. Reload the page and try again.",
    "انتهت صلاحية هذه الاستمارة أو لم تُرسل من هذا الموقع. أعد تحميل الصفحة وحاول مرة أخرى.",
    "ئەم فۆرمە بەسەرچووە یان لەم ماڵپەڕەوە نەنێردراوە. پەڕەکە نوێ بکەرەوە و دووبارە هەوڵ بدەرەوە.",
)
BAD_FIELD = Code(
    "WEB002",
    "The value of “{field}” is not valid: {reason}",
    "قيمة «{field}» غير صالحة: {reason}",
    "بەهای «{field}» دروست نییە: {reason}",
)
MISSING_FIELD = Code(
    "WEB003",
    "“{field}” is required.",
    "الحقل «{field}» مطلوب.",
    "خانەی «{field}» داواکراوە.",
)
TOO_LARGE = Code(
    "WEB004",
    "The upload is too large: the limit is {limit} MiB.",
    "الملف المرفوع كبير جدًا: الحد الأقصى {limit} ميغابايت.",
    "پەڕگەی بارکراو زۆر گەورەیە: سنووری {limit} مێگابایتە.",
)
NOT_FOUND = Code(
    "WEB404",
    "This page does not exist, or you may not see it.",
    "هذه الصفحة غير موجودة، أو ليست لديك صلاحية الاطلاع عليها.",
    "ئەم پەڕەیە بوونی نییە، یان ڕێگەپێدانی بینینیت نییە.",
)
NOT_ALLOWED = Code(
    "WEB405",
    "This address does not accept this kind of request.",
    "هذا العنوان لا يقبل هذا النوع من الطلبات.",
    "ئەم ناونیشانە ئەم جۆرە داواکارییە وەرناگرێت.",
)
SIGN_IN = Code(
    "WEB401",
    "Please sign in to continue.",
    "يرجى تسجيل الدخول للمتابعة.",
    "تکایە بچۆ ژوورەوە بۆ بەردەوامبوون.",
)
SERVER = Code(
    "WEB500",
    "Something went wrong on the server. Nothing was changed; please try again later.",
    "حدث خطأ في الخادم. لم يتغير شيء؛ يرجى المحاولة لاحقًا.",
    "هەڵەیەک لە ڕاژەکار ڕوویدا. هیچ شتێک نەگۆڕا؛ تکایە دواتر هەوڵ بدەرەوە.",
)
