"""The error catalogue for framework files (YAML and XLSX).

Codes are stable; ``docs/errors.md`` is generated from this module (``raqmana framework errors``).
"""

from __future__ import annotations

from raqmana.problems import Code, Severity

W = Severity.WARNING

FILE_NOT_FOUND = Code(
    "FW001",
    "File or framework pack '{name}' not found.",
    "الملف أو حزمة الإطار '{name}' غير موجود.",
    "فایل یان پاکێجی چوارچێوەی '{name}' نەدۆزرایەوە.",
)
YAML_SYNTAX = Code(
    "FW002",
    "The YAML is not valid: {reason}.",
    "ملف YAML غير صالح: {reason}.",
    "YAMLـەکە دروست نییە: {reason}.",
)
SCHEMA = Code(
    "FW003",
    "{detail}",
    "{detail}",
    "{detail}",
)
MISSING_TRANSLATION = Code(
    "FW004",
    "{what} {id}: {field} missing in {lang}",
    "{what} {id}: {field} غير موجود باللغة {lang}",
    "{what} {id}: {field} بە زمانی {lang} نییە",
)
DUPLICATE_ID = Code(
    "FW005",
    "Duplicate id '{id}' (first used at {first}).",
    "المعرّف '{id}' مكرر (استُخدم أول مرة في {first}).",
    "ناسنامەی '{id}' دووبارەیە (یەکەمجار لە {first} بەکارھاتووە).",
)
UNKNOWN_CROSSWALK = Code(
    "FW006",
    "indicator {id}: unknown {target} reference '{value}'.",
    "المؤشر {id}: مرجع {target} غير معروف '{value}'.",
    "پێوەری {id}: ئاماژەی {target}ی نەناسراو '{value}'.",
)
LADDER_STAGE = Code(
    "FW007",
    "indicator {id}: stage {stage} is missing from the ladder.",
    "المؤشر {id}: المرحلة {stage} غير موجودة في سلّم النضج.",
    "پێوەری {id}: قۆناغی {stage} لە پەیژەی پێگەیشتندا نییە.",
)
LADDER_DUPLICATE = Code(
    "FW008",
    "indicator {id}: stage {stage} is defined more than once.",
    "المؤشر {id}: المرحلة {stage} معرّفة أكثر من مرة.",
    "پێوەری {id}: قۆناغی {stage} زیاتر لە جارێک پێناسە کراوە.",
)
UNKNOWN_DEPENDENCY = Code(
    "FW009",
    "pillar {id}: depends on unknown pillar '{value}'.",
    "العامل {id}: يعتمد على عامل غير معروف '{value}'.",
    "ھۆکاری {id}: پشت بە ھۆکاری نەناسراوی '{value}' دەبەستێت.",
)
DEPENDENCY_CYCLE = Code(
    "FW010",
    "pillar dependencies form a cycle: {cycle}.",
    "اعتماديات العوامل تشكّل حلقة مغلقة: {cycle}.",
    "پەیوەستبوونی ھۆکارەکان بازنەیەک پێکدەھێنن: {cycle}.",
)
XLSX_UNREADABLE = Code(
    "FW011",
    "Not a readable Excel workbook: {detail}",
    "ليس مصنف Excel قابلاً للقراءة: {detail}",
    "پەڕتووکی Excelـی خوێندراوە نییە: {detail}",
)
XLSX_MISSING_SHEET = Code(
    "FW012",
    "Sheet '{sheet}' is missing.",
    "الورقة '{sheet}' غير موجودة.",
    "پەڕەی '{sheet}' نییە.",
)
XLSX_MISSING_COLUMN = Code(
    "FW013",
    "Column '{column}' is missing.",
    "العمود '{column}' غير موجود.",
    "ستوونی '{column}' نییە.",
)
XLSX_BAD_CELL = Code(
    "FW014",
    "'{value}' is not {expected}.",
    "القيمة '{value}' ليست {expected}.",
    "'{value}' {expected} نییە.",
)
XLSX_UNKNOWN_PARENT = Code(
    "FW015",
    "'{value}' does not name a row of sheet '{parent_sheet}'.",
    "'{value}' لا يطابق أي صف في الورقة '{parent_sheet}'.",
    "'{value}' ھیچ ڕیزێکی پەڕەی '{parent_sheet}' ناناسێنێت.",
)
CHOICES_MISSING = Code(
    "FW016",
    "indicator {id}: a choice question needs at least two distinct choices.",
    "المؤشر {id}: سؤال الاختيار يحتاج إلى خيارين مختلفين على الأقل.",
    "پێوەری {id}: پرسیاری ھەڵبژاردن لانیکەم دوو ھەڵبژاردەی جیاوازی پێویستە.",
)
GOALPOSTS = Code(
    "FW017",
    "indicator {id}: min_value must be below max_value.",
    "المؤشر {id}: يجب أن تكون min_value أصغر من max_value.",
    "پێوەری {id}: min_value دەبێت لە max_value بچووکتر بێت.",
)
STAGES_NOT_ALLOWED = Code(
    "FW018",
    "indicator {id}: stages are only used by ladder questions (answer type is {answer_type}).",
    "المؤشر {id}: المراحل تُستخدم فقط مع أسئلة سلّم النضج (نوع الإجابة {answer_type}).",
    "پێوەری {id}: قۆناغەکان تەنھا بۆ پرسیاری پەیژە بەکاردێن (جۆری وەڵام {answer_type}ە).",
)
BAD_DIRECTION = Code(
    "FW019",
    "indicator {id}: direction must be 1 (higher is better) or -1 (lower is better).",
    "المؤشر {id}: يجب أن يكون الاتجاه 1 (الأعلى أفضل) أو -1 (الأدنى أفضل).",
    "پێوەری {id}: ئاراستە دەبێت 1 (بەرزتر باشترە) یان -1 (نزمتر باشترە) بێت.",
)
EMPTY_FRAMEWORK = Code(
    "FW020",
    "the framework has no indicators.",
    "الإطار لا يحتوي على أي مؤشر.",
    "چوارچێوەکە ھیچ پێوەرێکی تێدا نییە.",
)
SORANI_SPELLING = Code(
    "FW021",
    "{what} {id}: the Sorani {field} uses Arabic letters {letters}; write {fixed} (ھ ی ک ە, see the glossary).",
    "{what} {id}: النص الكردي ({field}) يستخدم حروفاً عربية {letters}؛ اكتب {fixed} (ھ ی ک ە، انظر المسرد).",
    "{what} {id}: دەقی کوردیی ({field}) پیتی عەرەبیی {letters} بەکاردێنێت؛ {fixed} بنووسە (ھ ی ک ە، سەیری فەرھەنگۆک بکە).",
)
# warnings
ZERO_WEIGHT = Code(
    "FW101",
    "{what} {id} has weight 0 and will not count in scores.",
    "{what} {id} وزنه 0 ولن يُحتسب في الدرجات.",
    "{what} {id} کێشی 0ـە و لە نمرەکاندا ناژمێردرێت.",
    W,
)
EMPTY_CONTAINER = Code(
    "FW102",
    "{what} {id} has no {children}.",
    "{what} {id} لا يحتوي على {children}.",
    "{what} {id} ھیچ {children}ی تێدا نییە.",
    W,
)
NO_CROSSWALK = Code(
    "FW103",
    "indicator {id} has no SDG target in its crosswalk.",
    "المؤشر {id} لا يرتبط بأي غاية من غايات التنمية المستدامة.",
    "پێوەری {id} بە ھیچ ئامانجێکی لاوەکیی گەشەپێدانی بەردەوامەوە نەبەستراوە.",
    W,
)
NO_GOALPOSTS = Code(
    "FW104",
    "indicator {id}: a number question without min_value/max_value is normalised against the other institutions' answers.",
    "المؤشر {id}: السؤال الرقمي بلا min_value/max_value يُطبَّع مقارنةً بإجابات الجهات الأخرى.",
    "پێوەری {id}: پرسیاری ژمارەیی بەبێ min_value/max_value بەراورد بە وەڵامی دامەزراوەکانی تر ئاسایی دەکرێتەوە.",
    W,
)

ALL: tuple[Code, ...] = tuple(v for v in list(globals().values()) if isinstance(v, Code))

# words used inside messages
WHAT = {
    "framework": {"en": "framework", "ar": "الإطار", "ckb": "چوارچێوە"},
    "pillar": {"en": "pillar", "ar": "العامل", "ckb": "ھۆکار"},
    "sub_area": {"en": "sub-area", "ar": "المجال الفرعي", "ckb": "بواری لاوەکی"},
    "indicator": {"en": "indicator", "ar": "المؤشر", "ckb": "پێوەر"},
    "stage_label": {"en": "stage label", "ar": "تسمية المرحلة", "ckb": "ناوی قۆناغ"},
    "catalogue": {"en": "catalogue item", "ar": "عنصر الفهرس", "ckb": "بڕگەی پێڕست"},
}
#: what a workbook cell should hold (XLSX_BAD_CELL's {expected})
EXPECTED = {
    "yes/no": {"en": "yes or no", "ar": "نعم أو لا", "ckb": "بەڵێ یان نەخێر"},
    "a whole number": {"en": "a whole number", "ar": "عدداً صحيحاً", "ckb": "ژمارەیەکی تەواو"},
    "a number": {"en": "a number", "ar": "رقماً", "ckb": "ژمارە"},
}
#: FW003 details written by the loaders themselves (pydantic's come from validation_messages.describe)
NOT_A_MAPPING = {
    "en": "the document must be a mapping of 'key: value' lines",
    "ar": "يجب أن يكون المستند مجموعة أسطر بالشكل 'key: value'",
    "ckb": "بەڵگەنامەکە دەبێت کۆمەڵە دێڕێک بێت بە شێوەی 'key: value'",
}
LANG_NAMES = {
    "en": {"en": "en", "ar": "en", "ckb": "en"},
    "ar": {"en": "ar", "ar": "ar", "ckb": "ar"},
    "ckb": {"en": "ckb", "ar": "ckb", "ckb": "ckb"},
}
