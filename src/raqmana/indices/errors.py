"""The error catalogue for public-index datasets (reading, importing, reproducing).

Codes are stable (IX0xx errors, IX1xx warnings).
"""

from __future__ import annotations

from raqmana.problems import Code, Severity

W = Severity.WARNING

UNKNOWN_INDEX = Code(
    "IX001",
    "Unknown index '{name}'. Known: {known}.",
    "مؤشر غير معروف '{name}'. المؤشرات المعروفة: {known}.",
    "پێوەری نەناسراو '{name}'. ناسراوەکان: {known}.",
)
FILE_NOT_FOUND = Code(
    "IX002",
    "File '{name}' not found.",
    "الملف '{name}' غير موجود.",
    "فایلی '{name}' نەدۆزرایەوە.",
)
NOT_TEXT = Code(
    "IX003",
    "Not a UTF-8 CSV file: {detail}",
    "ليس ملف CSV بترميز UTF-8: {detail}",
    "فایلێکی CSVی UTF-8 نییە: {detail}",
)
EMPTY_FILE = Code(
    "IX004",
    "The file has no data rows.",
    "لا يحتوي الملف على صفوف بيانات.",
    "فایلەکە ھیچ ڕیزێکی داتای تێدا نییە.",
)
MISSING_COLUMN = Code(
    "IX005",
    "Column '{column}' is missing (accepted headers: {accepted}).",
    "العمود '{column}' غير موجود (العناوين المقبولة: {accepted}).",
    "ستوونی '{column}' نییە (سەردێڕە پەسەندکراوەکان: {accepted}).",
)
NOT_A_NUMBER = Code(
    "IX006",
    "'{value}' is not a number.",
    "'{value}' ليس رقماً.",
    "'{value}' ژمارە نییە.",
)
OUT_OF_RANGE = Code(
    "IX007",
    "{value} is outside the range {lo}–{hi} of {column}.",
    "القيمة {value} خارج النطاق {lo}–{hi} للعمود {column}.",
    "{value} لە دەرەوەی مەودای {lo}–{hi}ی {column}ە.",
)
UNKNOWN_COUNTRY = Code(
    "IX008",
    "Unknown country '{value}': add its ISO3 code in a column 'iso3' or use a known name.",
    "بلد غير معروف '{value}': أضف رمز ISO3 في عمود 'iso3' أو استخدم اسماً معروفاً.",
    "وڵاتی نەناسراو '{value}': کۆدی ISO3ـەکەی لە ستوونێکی 'iso3' زیاد بکە یان ناوێکی ناسراو بەکاربھێنە.",
)
DUPLICATE_ROW = Code(
    "IX009",
    "{iso3} appears twice in edition {edition} (first at line {first}).",
    "{iso3} مكرر في الإصدار {edition} (أول مرة في السطر {first}).",
    "{iso3} دوو جار لە دەرچوونی {edition}دا ھاتووە (یەکەمجار لە دێڕی {first}).",
)
NO_EDITION = Code(
    "IX010",
    "The edition is not known: give --edition YEAR or a 'year' column.",
    "الإصدار غير معروف: حدّد ‎--edition YEAR أو أضف عموداً 'year'.",
    "دەرچوونەکە نەزانراوە: ‎--edition YEAR بدە یان ستوونێکی 'year' زیاد بکە.",
)
EDITION_CONFLICT = Code(
    "IX011",
    "The row says edition {found} but the import is for edition {edition}.",
    "يشير الصف إلى الإصدار {found} بينما الاستيراد للإصدار {edition}.",
    "ڕیزەکە دەڵێت دەرچوونی {found}، بەڵام ھاوردەکردنەکە بۆ دەرچوونی {edition}ـە.",
)
BAD_EDITION = Code(
    "IX012",
    "'{value}' is not an edition: use a year (2026) or a year and month (2026-05).",
    "'{value}' ليس إصداراً: استخدم سنة (2026) أو سنة وشهراً (2026-05).",
    "'{value}' دەرچوون نییە: ساڵێک (2026) یان ساڵ و مانگێک (2026-05) بەکاربھێنە.",
)
UNKNOWN_EDITION = Code(
    "IX013",
    "{name} has no edition {edition}. Editions: {known}.",
    "لا يوجد للمؤشر {name} إصدار {edition}. الإصدارات: {known}.",
    "{name} دەرچوونی {edition}ی نییە. دەرچوونەکان: {known}.",
)
NOT_IMPORTED = Code(
    "IX014",
    "{name} is not shipped with raqmana (licence). Import your copy: raqmana indices import {name} FILE --edition YEAR.",
    "لا يُشحن {name} مع raqmana (بسبب الترخيص). استورد نسختك: raqmana indices import {name} FILE --edition YEAR.",
    "{name} لەگەڵ raqmana نانێردرێت (مۆڵەت). کۆپییەکەی خۆت ھاوردە بکە: raqmana indices import {name} FILE --edition YEAR.",
)
UNKNOWN_COUNTRY_CODE = Code(
    "IX015",
    "Unknown country '{value}' in the peers: use an ISO3 code such as IRQ.",
    "بلد غير معروف '{value}' بين النظراء: استخدم رمز ISO3 مثل IRQ.",
    "وڵاتی نەناسراو '{value}' لە ھاوتاکاندا: کۆدێکی ISO3 وەک IRQ بەکاربھێنە.",
)
NOTHING_TO_COMPARE = Code(
    "IX016",
    "{name} {edition}: no row has every component needed to reproduce the index.",
    "{name} {edition}: لا يوجد صف يحتوي على جميع المكونات اللازمة لإعادة حساب المؤشر.",
    "{name} {edition}: ھیچ ڕیزێک ھەموو پێکھاتەکانی پێویست بۆ دووبارە ژمێردنەوەی پێوەرەکەی تێدا نییە.",
)
# warnings
UNKNOWN_COLUMN = Code(
    "IX101",
    "Column or variable '{column}' is not part of {name} and is ignored.",
    "العمود أو المتغير '{column}' ليس جزءاً من {name} وسيُتجاهل.",
    "ستوون یان گۆڕاوی '{column}' بەشێک نییە لە {name} و پشتگوێ دەخرێت.",
    W,
)
STALE = Code(
    "IX102",
    "{name}: the newest edition here is {edition} ({age} years old); {publisher} publishes every {cycle} years, "
    "so a newer edition is probably out — import it.",
    "{name}: أحدث إصدار هنا هو {edition} (عمره {age} سنوات)؛ تنشر {publisher} كل {cycle} سنوات، "
    "لذا يُرجّح صدور إصدار أحدث — استورده.",
    "{name}: نوێترین دەرچوون لێرە {edition}ـە ({age} ساڵ)؛ {publisher} ھەموو {cycle} ساڵ جارێک بڵاوی دەکاتەوە، "
    "بۆیە ڕەنگە دەرچوونێکی نوێتر ھەبێت — ھاوردەی بکە.",
    W,
)
REPLACES_EDITION = Code(
    "IX103",
    "Edition {edition} of {name} already exists and will be replaced by the imported file.",
    "الإصدار {edition} من {name} موجود وسيُستبدل بالملف المستورد.",
    "دەرچوونی {edition}ی {name} ھەیە و فایلە ھاوردەکراوەکە جێگەی دەگرێتەوە.",
    W,
)
MISSING_VALUE = Code(
    "IX104",
    "{iso3}: {column} is blank.",
    "{iso3}: {column} فارغ.",
    "{iso3}: {column} بەتاڵە.",
    W,
)

ALL: tuple[Code, ...] = tuple(v for v in list(globals().values()) if isinstance(v, Code))
