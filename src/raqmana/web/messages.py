"""The web layer's own problem codes (bad requests that never reach a use case)."""

from __future__ import annotations

from raqmana.problems import Code

CSRF = Code(
    "WEB001",
    "This form has expired or was not sent from this site. Reload the page and try again.",
    "انتهت صلاحية هذه الاستمارة أو لم تُرسل من هذا الموقع. أعد تحميل الصفحة وحاول مرة أخرى.",
    "ئەم فۆرمە بەسەرچووە یان لەم ماڵپەڕەوە نەنێردراوە. پەڕەکە نوێ بکەرەوە و دووبارە ھەوڵ بدەرەوە.",
)
BAD_FIELD = Code(
    "WEB002",
    "The value of “{field}” is not valid: {reason}",
    "قيمة «{field}» غير صالحة: {reason}",
    "بەھای «{field}» دروست نییە: {reason}",
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
    "ھەڵەیەک لە ڕاژەکار ڕوویدا. ھیچ شتێک نەگۆڕا؛ تکایە دواتر ھەوڵ بدەرەوە.",
)

# reasons given inside BAD_FIELD, by pydantic error type
EXPECT_INT = Code("WEB010", "a whole number is expected", "يُتوقع عدد صحيح", "ژمارەیەکی تەواو چاوەڕوان دەکرێت")
EXPECT_NUMBER = Code("WEB011", "a number is expected", "يُتوقع رقم", "ژمارەیەک چاوەڕوان دەکرێت")
EXPECT_DATE = Code(
    "WEB012",
    "a date (YYYY-MM-DD) is expected",
    "يُتوقع تاريخ (YYYY-MM-DD)",
    "بەروارێک (YYYY-MM-DD) چاوەڕوان دەکرێت",
)
EXPECT_CHOICE = Code(
    "WEB013",
    "choose one of the offered values",
    "اختر إحدى القيم المعروضة",
    "یەکێک لە بەھا پێشکەشکراوەکان ھەڵبژێرە",
)
TOO_LONG_TEXT = Code("WEB014", "the text is too long", "النص طويل جدًا", "دەقەکە زۆر درێژە")
INVALID = Code("WEB015", "the value is not accepted", "القيمة غير مقبولة", "بەھاکە وەرناگیرێت")
BAD_JSON = Code(
    "WEB016",
    "the request body is not valid JSON",
    "متن الطلب ليس JSON صالحًا",
    "ناوەڕۆکی داواکارییەکە JSONی دروست نییە",
)

PYDANTIC_REASONS = {
    "int_parsing": EXPECT_INT,
    "int_type": EXPECT_INT,
    "int_from_float": EXPECT_INT,
    "float_parsing": EXPECT_NUMBER,
    "float_type": EXPECT_NUMBER,
    "decimal_parsing": EXPECT_NUMBER,
    "date_parsing": EXPECT_DATE,
    "date_from_datetime_parsing": EXPECT_DATE,
    "date_type": EXPECT_DATE,
    "literal_error": EXPECT_CHOICE,
    "enum": EXPECT_CHOICE,
    "string_too_long": TOO_LONG_TEXT,
    "too_long": TOO_LONG_TEXT,
    "json_invalid": BAD_JSON,
    "model_attributes_type": BAD_JSON,
    "dict_type": BAD_JSON,
}
