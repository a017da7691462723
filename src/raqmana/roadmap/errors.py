"""The error catalogue of the roadmap: dependency graph, feasibility of the plan, XLSX/JSON import."""

from __future__ import annotations

from raqmana.i18n import format_number
from raqmana.i18n.locales import LANGS
from raqmana.problems import Code, Severity

W = Severity.WARNING

DUPLICATE_INITIATIVE = Code(
    "RM001",
    "Initiative id '{id}' is used more than once.",
    "معرّف المبادرة '{id}' مستخدم أكثر من مرة.",
    "ناسنامەی دەستپێشخەریی '{id}' زیاتر لە جارێک بەکارھاتووە.",
)
UNKNOWN_DEPENDENCY = Code(
    "RM002",
    "Initiative {id} depends on unknown initiative '{dep}'.",
    "المبادرة {id} تعتمد على مبادرة غير معروفة '{dep}'.",
    "دەستپێشخەریی {id} پشت بە دەستپێشخەریی نەناسراوی '{dep}' دەبەستێت.",
)
CYCLE = Code(
    "RM003",
    "Initiatives depend on each other in a cycle: {cycle}.",
    "المبادرات تعتمد على بعضها في حلقة مغلقة: {cycle}.",
    "دەستپێشخەرییەکان لە بازنەیەکدا پشت بە یەکتر دەبەستن: {cycle}.",
)
DURATION_TOO_LONG = Code(
    "RM010",
    "Initiative {id} lasts {duration} quarters from quarter {release}, but the horizon is {horizon} quarters: "
    "{excess} quarter(s) too long.",
    "المبادرة {id} تستغرق {duration} فصول بدءاً من الفصل {release}، بينما الأفق {horizon} فصلاً: "
    "أطول بمقدار {excess} فصل.",
    "دەستپێشخەریی {id} لە چارەکی {release}ەوە {duration} چارەک دەخایەنێت، بەڵام ئاسۆی پلانەکە {horizon} چارەکە: "
    "{excess} چارەک درێژترە.",
)
CHAIN_TOO_LONG = Code(
    "RM011",
    "The dependency chain {chain} needs {length} quarters, but the horizon is {horizon}: "
    "{excess} quarter(s) more than the horizon.",
    "سلسلة الاعتماديات {chain} تحتاج إلى {length} فصلاً، بينما الأفق {horizon}: "
    "تزيد على الأفق بمقدار {excess} فصل.",
    "زنجیرەی پەیوەستبوونەکانی {chain} پێویستی بە {length} چارەکە، بەڵام ئاسۆکە {horizon}ە: "
    "{excess} چارەک لە ئاسۆکە زیاترە.",
)
YEAR_SHARE = Code(
    "RM012",
    "Initiative {id} must spend at least {need} USD in one fiscal year, but the yearly budget is {budget} USD: "
    "short by {short} USD.",
    "المبادرة {id} تحتاج إلى إنفاق {need} دولار على الأقل في سنة مالية واحدة، بينما الموازنة السنوية {budget} دولار: "
    "عجز بمقدار {short} دولار.",
    "دەستپێشخەریی {id} لانیکەم {need} دۆلار لە یەک ساڵی داراییدا خەرج دەکات، بەڵام بودجەی ساڵانە {budget} دۆلارە: "
    "{short} دۆلار کەمە.",
)
TOTAL_BUDGET = Code(
    "RM013",
    "The initiatives cost {total} USD in all, but the budget over the horizon is {budget} USD: "
    "short by {short} USD ({percent}).",
    "تبلغ كلفة المبادرات {total} دولار إجمالاً، بينما الموازنة على امتداد الأفق {budget} دولار: "
    "عجز بمقدار {short} دولار ({percent}).",
    "تێچووی گشتیی دەستپێشخەرییەکان {total} دۆلارە، بەڵام بودجەی سەرانسەری ئاسۆکە {budget} دۆلارە: "
    "{short} دۆلار کەمە ({percent}).",
)
OWNER_CAPACITY = Code(
    "RM014",
    "{owner} has {work} initiative-quarters of work, but {capacity} at a time over {horizon} quarters allows "
    "{available}: {excess} too many.",
    "لدى {owner} عمل بمقدار {work} فصل-مبادرة، بينما يسمح تنفيذ {capacity} في وقت واحد على مدى {horizon} فصلاً "
    "بـ {available} فقط: زيادة بمقدار {excess}.",
    "{owner} {work} چارەک-دەستپێشخەری کاری ھەیە، بەڵام {capacity} لە یەک کاتدا بە درێژایی {horizon} چارەک "
    "تەنھا ڕێگە بە {available} دەدات: {excess} زیاترە.",
)
SOLVER_INFEASIBLE = Code(
    "RM015",
    "The solver proved that no schedule meets every constraint together (dependencies, yearly budgets, "
    "capacity per owner), although each check alone passes. Raise the budget, the capacity or the horizon.",
    "أثبتت أداة الحل أنه لا يوجد جدول زمني يستوفي جميع القيود معاً (الاعتماديات، الموازنات السنوية، "
    "الطاقة الاستيعابية لكل جهة مالكة)، مع أن كل فحص على حدة ناجح. ارفع الموازنة أو الطاقة أو مدّد الأفق.",
    "چارەسەرکەرەکە سەلماندی کە ھیچ خشتەیەک ھەموو مەرجەکان پێکەوە جێبەجێ ناکات (پەیوەستبوونەکان، بودجەی ساڵانە، "
    "توانای ھەر خاوەنێک)، ھەرچەندە ھەر پشکنینێک بە تەنھا سەرکەوتووە. بودجە، توانا یان ئاسۆکە زیاد بکە.",
)
NO_SOLUTION_IN_TIME = Code(
    "RM016",
    "No schedule was found within {seconds} seconds; give the solver more time.",
    "لم يُعثر على جدول زمني خلال {seconds} ثانية؛ امنح أداة الحل وقتاً أطول.",
    "لە ماوەی {seconds} چرکەدا ھیچ خشتەیەک نەدۆزرایەوە؛ کاتی زیاتر بە چارەسەرکەرەکە بدە.",
)
GREEDY_FAILED = Code(
    "RM017",
    "The greedy baseline could not place initiative {id} within the horizon; the solver started without it.",
    "لم تتمكن الطريقة الجشعة المرجعية من جدولة المبادرة {id} ضمن الأفق؛ بدأت أداة الحل من دونها.",
    "ڕێگا چاوچنۆکە بنەڕەتییەکە نەیتوانی دەستپێشخەریی {id} لەناو ئاسۆکەدا دابنێت؛ چارەسەرکەرەکە بەبێ ئەو دەستی پێکرد.",
    W,
)
BUDGET_SHORTFALL = Code(
    "RM018",
    "The yearly budget of {budget} USD cannot carry these initiatives with their dependencies and capacities "
    "within the horizon; a schedule exists from {needed} USD per year: short by {short} USD per year ({percent}).",
    "الموازنة السنوية البالغة {budget} دولار لا تكفي لتنفيذ هذه المبادرات مع اعتمادياتها وطاقاتها ضمن الأفق؛ "
    "يوجد جدول زمني ابتداءً من {needed} دولار سنوياً: عجز بمقدار {short} دولار سنوياً ({percent}).",
    "بودجەی ساڵانەی {budget} دۆلار بەش ناکات بۆ ئەم دەستپێشخەرییانە لەگەڵ پەیوەستبوونەکان و تواناکانیان لەناو ئاسۆکەدا؛ "
    "خشتەیەک ھەیە لە {needed} دۆلار لە ساڵێکدا بەرەو سەرەوە: {short} دۆلار لە ساڵێکدا کەمە ({percent}).",
)
CAPACITY_SHORTFALL = Code(
    "RM019",
    "Even without a budget limit, {capacity} concurrent initiatives per owner are too few to finish within "
    "{horizon} quarters; a schedule exists with {needed} per owner ({extra} more) or a horizon of {quarters} quarters.",
    "حتى من دون حد للموازنة، لا يكفي تنفيذ {capacity} مبادرات متزامنة لكل جهة مالكة لإنجازها خلال {horizon} فصلاً؛ "
    "يوجد جدول زمني مع {needed} لكل جهة ({extra} إضافية) أو بأفق {quarters} فصلاً.",
    "تەنانەت بەبێ سنووری بودجەش، {capacity} دەستپێشخەریی ھاوکات بۆ ھەر خاوەنێک کەمە بۆ تەواوکردن لە ماوەی "
    "{horizon} چارەکدا؛ خشتەیەک ھەیە بە {needed} بۆ ھەر خاوەنێک ({extra} زیاتر) یان بە ئاسۆی {quarters} چارەک.",
)
UNKNOWN_INITIATIVE = Code(
    "RM020",
    "There is no initiative '{id}' in this roadmap.",
    "لا توجد مبادرة '{id}' في خارطة الطريق هذه.",
    "ھیچ دەستپێشخەرییەکی '{id}' لەم نەخشەڕێگایەدا نییە.",
)
BAD_SETTING = Code(
    "RM021",
    "{field}: {detail}",
    "{field}: {detail}",
    "{field}: {detail}",
)
NO_INITIATIVES = Code(
    "RM022",
    "No recommendation was triggered, so the roadmap has no initiatives.",
    "لم تُفعَّل أي توصية، لذا لا تحتوي خارطة الطريق على مبادرات.",
    "ھیچ ڕاسپاردەیەک چالاک نەبوو، بۆیە نەخشەڕێگاکە ھیچ دەستپێشخەرییەکی تێدا نییە.",
    W,
)
HORIZON_EXTENDED = Code(
    "RM023",
    "The horizon was extended from {horizon} to {extended} quarters: {reason} needs {needed} quarters.",
    "مُدّد الأفق من {horizon} إلى {extended} فصلاً: {reason} يحتاج إلى {needed} فصلاً.",
    "ئاسۆکە لە {horizon} چارەکەوە درێژکرایەوە بۆ {extended} چارەک: {reason} پێویستی بە {needed} چارەکە.",
    W,
)
XLSX_UNREADABLE = Code(
    "RM030",
    "Not a readable Excel workbook: {detail}",
    "ليس مصنف Excel قابلاً للقراءة: {detail}",
    "پەڕتووکی Excelـی خوێندراوە نییە: {detail}",
)
XLSX_MISSING_SHEET = Code(
    "RM031",
    "Sheet '{sheet}' is missing.",
    "الورقة '{sheet}' غير موجودة.",
    "پەڕەی '{sheet}' نییە.",
)
XLSX_MISSING_COLUMN = Code(
    "RM032",
    "Column '{column}' is missing.",
    "العمود '{column}' غير موجود.",
    "ستوونی '{column}' نییە.",
)
XLSX_BAD_CELL = Code(
    "RM033",
    "'{value}' is not {expected}.",
    "القيمة '{value}' ليست {expected}.",
    "'{value}' {expected} نییە.",
)
BAD_FILE = Code(
    "RM040",
    "Not a valid roadmap file: {detail}",
    "ليس ملف خارطة طريق صالحاً: {detail}",
    "پەڕگەی نەخشەڕێگای دروست نییە: {detail}",
)

ALL: tuple[Code, ...] = tuple(v for v in list(globals().values()) if isinstance(v, Code))

EXPECTED = {
    "integer": {"en": "a whole number", "ar": "عدداً صحيحاً", "ckb": "ژمارەیەکی تەواو"},
    "positive": {
        "en": "a whole number of at least 1",
        "ar": "عدداً صحيحاً لا يقل عن 1",
        "ckb": "ژمارەیەکی تەواوی لانیکەم 1",
    },
    "number": {"en": "a number", "ar": "رقماً", "ckb": "ژمارە"},
    "quarter": {"en": "a quarter such as 2026-Q3", "ar": "فصلاً مثل 2026-Q3", "ckb": "چارەکێکی وەک 2026-Q3"},
    "initiative": {
        "en": "an initiative id of sheet Initiatives",
        "ar": "معرّف مبادرة من ورقة Initiatives",
        "ckb": "ناسنامەی دەستپێشخەرییەک لە پەڕەی Initiatives",
    },
    "choice": {"en": "one of: {choices}", "ar": "إحدى القيم: {choices}", "ckb": "یەکێک لەمانە: {choices}"},
    "json": {"en": "valid JSON", "ar": "JSON صالحاً", "ckb": "JSONـی دروست"},
}
REASONS = {
    "chain": {
        "en": "the dependency chain {chain}",
        "ar": "سلسلة الاعتماديات {chain}",
        "ckb": "زنجیرەی پەیوەستبوونەکانی {chain}",
    },
    "capacity": {
        "en": "the work of {owner} at {capacity} initiatives at a time",
        "ar": "عمل {owner} بمعدل {capacity} مبادرات في وقت واحد",
        "ckb": "کاری {owner} بە {capacity} دەستپێشخەری لە یەک کاتدا",
    },
}


def number(value: float) -> dict[str, str]:
    """A number formatted for each language (Latin digits; the renderer localises them)."""
    return {lang: format_number(value, lang, decimals=0, digits="latn") for lang in LANGS}


def percent(value: float) -> dict[str, str]:
    return dict.fromkeys(LANGS, f"{value:.1f} %")


def choice(choices: list[str]) -> dict[str, str]:
    text = ", ".join(choices)
    return {lang: EXPECTED["choice"][lang].format(choices=text) for lang in LANGS}
