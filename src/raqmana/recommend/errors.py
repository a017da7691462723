"""The error catalogue of recommendation rule bases and assessment input files."""

from __future__ import annotations

from raqmana.problems import Code, Severity

W = Severity.WARNING

FILE_NOT_FOUND = Code(
    "RC001",
    "Rule base '{name}' not found.",
    "قاعدة القواعد '{name}' غير موجودة.",
    "بنکەی ڕێساکانی '{name}' نەدۆزرایەوە.",
)
YAML_SYNTAX = Code(
    "RC002",
    "Not valid YAML: {reason}.",
    "صيغة YAML غير صحيحة: {reason}.",
    "YAMLـەکە دروست نییە: {reason}.",
)
SCHEMA = Code(
    "RC003",
    "{detail}",
    "{detail}",
    "{detail}",
)
MISSING_TRANSLATION = Code(
    "RC004",
    "rule {id}: {field} missing in {lang}",
    "القاعدة {id}: {field} غير موجود باللغة {lang}",
    "ڕێسای {id}: {field} بە زمانی {lang} نییە",
)
DUPLICATE_RULE = Code(
    "RC005",
    "Duplicate rule id '{id}' (first used at {first}).",
    "معرّف القاعدة '{id}' مكرر (استُخدم أول مرة في {first}).",
    "ناسنامەی ڕێسای '{id}' دووبارەیە (یەکەمجار لە {first} بەکارھاتووە).",
)
UNKNOWN_PILLAR = Code(
    "RC006",
    "rule {id}: unknown pillar '{value}'.",
    "القاعدة {id}: عامل تمكين غير معروف '{value}'.",
    "ڕێسای {id}: ھۆکاری ڕێخۆشکەری نەناسراو '{value}'.",
)
CONDITION_SYNTAX = Code(
    "RC007",
    "rule {id}: cannot read the condition '{condition}': {detail}",
    "القاعدة {id}: تعذّرت قراءة الشرط '{condition}': {detail}",
    "ڕێسای {id}: مەرجی '{condition}' ناخوێندرێتەوە: {detail}",
)
UNKNOWN_INDICATOR = Code(
    "RC008",
    "rule {id}: the condition '{condition}' names unknown indicator '{value}'.",
    "القاعدة {id}: الشرط '{condition}' يشير إلى مؤشر غير معروف '{value}'.",
    "ڕێسای {id}: مەرجی '{condition}' ئاماژە بە پێوەری نەناسراوی '{value}' دەکات.",
)
UNKNOWN_CONDITION_PILLAR = Code(
    "RC009",
    "rule {id}: the condition '{condition}' names unknown pillar '{value}'.",
    "القاعدة {id}: الشرط '{condition}' يشير إلى عامل تمكين غير معروف '{value}'.",
    "ڕێسای {id}: مەرجی '{condition}' ئاماژە بە ھۆکاری ڕێخۆشکەری نەناسراوی '{value}' دەکات.",
)
UNKNOWN_RULE = Code(
    "RC010",
    "rule {id}: {where} names unknown rule '{value}'.",
    "القاعدة {id}: {where} يشير إلى قاعدة غير معروفة '{value}'.",
    "ڕێسای {id}: {where} ئاماژە بە ڕێسای نەناسراوی '{value}' دەکات.",
)
PREREQUISITE_CYCLE = Code(
    "RC011",
    "rule prerequisites form a cycle: {cycle}.",
    "المتطلبات المسبقة للقواعد تشكّل حلقة مغلقة: {cycle}.",
    "پێشمەرجەکانی ڕێساکان بازنەیەک پێکدەھێنن: {cycle}.",
)
FIRED_CYCLE = Code(
    "RC012",
    "conditions on other rules form a cycle: {cycle}.",
    "الشروط المتعلقة بقواعد أخرى تشكّل حلقة مغلقة: {cycle}.",
    "ئەو مەرجانەی پەیوەستن بە ڕێساکانی ترەوە بازنەیەک پێکدەھێنن: {cycle}.",
)
UNKNOWN_BLOCK = Code(
    "RC013",
    "rule {id}: unknown GovStack building block '{value}'.",
    "القاعدة {id}: لبنة GovStack غير معروفة '{value}'.",
    "ڕێسای {id}: بلۆکی بنیاتنانی GovStackـی نەناسراو '{value}'.",
)
UNKNOWN_SDG = Code(
    "RC014",
    "rule {id}: unknown SDG target '{value}'.",
    "القاعدة {id}: غاية غير معروفة من غايات التنمية المستدامة '{value}'.",
    "ڕێسای {id}: ئامانجی لاوەکیی نەناسراوی گەشەپێدانی بەردەوام '{value}'.",
)
COST_RANGE = Code(
    "RC015",
    "rule {id}: the low cost ({low}) is above the high cost ({high}).",
    "القاعدة {id}: الكلفة الدنيا ({low}) أعلى من الكلفة العليا ({high}).",
    "ڕێسای {id}: کەمترین تێچوو ({low}) لە زۆرترین تێچوو ({high}) زیاترە.",
)
NO_RESPONSIBLE = Code(
    "RC016",
    "rule {id}: a national rule needs a responsible institution type.",
    "القاعدة {id}: القاعدة الوطنية تحتاج إلى تحديد نوع الجهة المسؤولة.",
    "ڕێسای {id}: ڕێسایەکی نیشتمانی پێویستی بە جۆری دامەزراوەی بەرپرسیار ھەیە.",
)
DUPLICATE_KPI = Code(
    "RC017",
    "rule {id}: KPI id '{value}' is used more than once.",
    "القاعدة {id}: معرّف مؤشر الأداء '{value}' مستخدم أكثر من مرة.",
    "ڕێسای {id}: ناسنامەی پێوەری ئەدای '{value}' زیاتر لە جارێک بەکارھاتووە.",
)
INCLUDE_NOT_FOUND = Code(
    "RC018",
    "The rule file '{name}' listed under rules: does not exist.",
    "ملف القواعد '{name}' المذكور تحت rules: غير موجود.",
    "پەڕگەی ڕێساکانی '{name}' کە لەژێر rules: ناوی ھاتووە بوونی نییە.",
)
SORANI_SPELLING = Code(
    "RC019",
    "rule {id}: the Sorani {field} uses Arabic letters {letters}; write {fixed} (ھ ی ک ە, see the glossary).",
    "القاعدة {id}: النص الكردي ({field}) يستخدم حروفاً عربية {letters}؛ اكتب {fixed} (ھ ی ک ە، انظر المسرد).",
    "ڕێسای {id}: دەقی کوردیی ({field}) پیتی عەرەبیی {letters} بەکاردێنێت؛ {fixed} بنووسە (ھ ی ک ە، سەیری فەرھەنگۆک بکە).",
)
# assessment input
BAD_JSON = Code(
    "RC050",
    "Not valid JSON: {detail}",
    "ليس JSON صالحاً: {detail}",
    "JSONـی دروست نییە: {detail}",
)
DUPLICATE_INSTITUTION = Code(
    "RC051",
    "Institution id '{id}' appears more than once.",
    "معرّف الجهة '{id}' مكرر.",
    "ناسنامەی دامەزراوەی '{id}' زیاتر لە جارێک ھاتووە.",
)
NO_INSTITUTIONS = Code(
    "RC052",
    "The assessment has no institutions.",
    "لا يحتوي التقييم على أي جهة.",
    "ھەڵسەنگاندنەکە ھیچ دامەزراوەیەکی تێدا نییە.",
)
BAD_ANSWER = Code(
    "RC053",
    "institution {id}: {indicator} = '{value}' is not {expected}.",
    "الجهة {id}: القيمة '{value}' للمؤشر {indicator} ليست {expected}.",
    "دامەزراوەی {id}: بەھای '{value}'ی {indicator} {expected} نییە.",
)
# warnings
TYPE_IN_NATIONAL = Code(
    "RC101",
    "rule {id}: an institution-type condition in a national rule compares the type 'national'.",
    "القاعدة {id}: شرط نوع الجهة في قاعدة وطنية يُقارن بالنوع 'national'.",
    "ڕێسای {id}: مەرجی جۆری دامەزراوە لە ڕێسایەکی نیشتمانیدا بەراورد بە جۆری 'national' دەکرێت.",
    W,
)
SHORT_TOO_LONG = Code(
    "RC102",
    "rule {id}: a short-term recommendation lasts {duration} quarters (more than 6).",
    "القاعدة {id}: توصية قصيرة الأمد تستغرق {duration} فصول (أكثر من 6).",
    "ڕێسای {id}: ڕاسپاردەیەکی کورتخایەن {duration} چارەک دەخایەنێت (زیاتر لە 6).",
    W,
)
NO_CONDITIONS = Code(
    "RC103",
    "rule {id} has no condition and always fires.",
    "القاعدة {id} بلا شروط وتُفعَّل دائماً.",
    "ڕێسای {id} ھیچ مەرجێکی نییە و ھەمیشە چالاک دەبێت.",
    W,
)
PILLAR_WITHOUT_RULES = Code(
    "RC104",
    "pillar {value} has no recommendation rule.",
    "عامل التمكين {value} لا توجد له أي قاعدة توصية.",
    "ھۆکاری ڕێخۆشکەری {value} ھیچ ڕێسایەکی ڕاسپاردەی نییە.",
    W,
)
OTHER_FRAMEWORK = Code(
    "RC105",
    "The rule base is written for framework '{expected}', not '{actual}'.",
    "قاعدة القواعد مكتوبة للإطار '{expected}' وليس '{actual}'.",
    "بنکەی ڕێساکان بۆ چوارچێوەی '{expected}' نووسراوە، نەک '{actual}'.",
    W,
)
LADDER_THRESHOLD = Code(
    "RC106",
    "rule {id}: the condition '{condition}' compares a ladder indicator with {value}, outside stages 0–5.",
    "القاعدة {id}: الشرط '{condition}' يقارن مؤشر سلّم نضج بالقيمة {value} الواقعة خارج المراحل 0–5.",
    "ڕێسای {id}: مەرجی '{condition}' پێوەرێکی پەیژە بە {value} بەراورد دەکات کە لە دەرەوەی قۆناغەکانی 0–5یە.",
    W,
)
UNKNOWN_ANSWER = Code(
    "RC151",
    "institution {id}: '{value}' is not an indicator or pillar of the framework and is ignored.",
    "الجهة {id}: '{value}' ليس مؤشراً أو عامل تمكين في الإطار وسيُتجاهل.",
    "دامەزراوەی {id}: '{value}' پێوەر یان ھۆکارێکی چوارچێوەکە نییە و پشتگوێ دەخرێت.",
    W,
)

ALL: tuple[Code, ...] = tuple(v for v in list(globals().values()) if isinstance(v, Code))

FIELD_WORDS = {
    "title": {"en": "title", "ar": "العنوان", "ckb": "ناونیشان"},
    "description": {"en": "description", "ar": "الوصف", "ckb": "وەسف"},
    "kpi": {"en": "KPI name", "ar": "اسم مؤشر الأداء", "ckb": "ناوی پێوەری ئەدا"},
}
EXPECTED = {
    "stage": {"en": "a stage from 0 to 5", "ar": "مرحلة من 0 إلى 5", "ckb": "قۆناغێک لە 0 تا 5"},
    "percentage": {
        "en": "a percentage from 0 to 100",
        "ar": "نسبة مئوية من 0 إلى 100",
        "ckb": "ڕێژەیەکی سەدی لە 0 تا 100",
    },
    "score": {"en": "a score from 0 to 100", "ar": "درجة من 0 إلى 100", "ckb": "نمرەیەک لە 0 تا 100"},
    "yes_no": {"en": "0 (no) or 1 (yes)", "ar": "0 (لا) أو 1 (نعم)", "ckb": "0 (نەخێر) یان 1 (بەڵێ)"},
    "choice": {
        "en": "one of the indicator's choices",
        "ar": "أحد خيارات المؤشر",
        "ckb": "یەکێک لە ھەڵبژاردەکانی پێوەرەکە",
    },
    "number": {"en": "a number", "ar": "رقماً", "ckb": "ژمارە"},
    "share": {"en": "a share from 0 to 1", "ar": "نسبة من 0 إلى 1", "ckb": "ڕێژەیەک لە 0 تا 1"},
}
WHERE_WORDS = {
    "prerequisites": {"en": "prerequisites", "ar": "المتطلبات المسبقة", "ckb": "پێشمەرجەکان"},
    "condition": {"en": "a condition", "ar": "أحد الشروط", "ckb": "مەرجێک"},
}
#: details of RC003 when a rules file is not shaped as it should be
NOT_A_MAPPING = {
    "en": "expected a mapping of 'key: value' lines",
    "ar": "يجب أن يكون الملف مجموعة أسطر بالشكل 'key: value'",
    "ckb": "فایلەکە دەبێت کۆمەڵە دێڕێک بێت بە شێوەی 'key: value'",
}
NOT_A_LIST_OF_RULES = {
    "en": "expected a list of rules (items starting with '- ')",
    "ar": "يجب أن يكون الملف قائمة قواعد (عناصر تبدأ بـ '- ')",
    "ckb": "فایلەکە دەبێت لیستی ڕێساکان بێت (بڕگەگەلێک کە بە '- ' دەست پێ دەکەن)",
}
