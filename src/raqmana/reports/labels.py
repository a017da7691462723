"""Fixed texts of the reports in en, ar and ckb."""

from __future__ import annotations

from raqmana.i18n import Translated

T = Translated.of

LABELS: dict[str, Translated] = {
    "contents": T("Contents", "المحتويات", "ناوەڕۆک"),
    "table": T("Table", "جدول", "خشتە"),
    "figure": T("Figure", "شكل", "وێنە"),
    "source": T("Source", "المصدر", "سەرچاوە"),
    "sheet": T("Sheet", "الورقة", "پەڕە"),
    "provenance": T("Sources and provenance", "المصادر ومنشأ البيانات", "سەرچاوەکان و بنەچەی داتا"),
    "national_title": T("Digital Landscape Assessment", "تقييم المشهد الرقمي", "ھەڵسەنگاندنی دیمەنی دیجیتاڵی"),
    "national_subtitle": T("Digital maturity of the public sector and the digital transformation roadmap",
                           "النضج الرقمي للقطاع العام وخارطة طريق التحول الرقمي",
                           "پێگەیشتنی دیجیتاڵیی کەرتی گشتی و نەخشەڕێگای گۆڕانکاریی دیجیتاڵی"),
    "institution_title": T("Institution profile", "ملف الجهة", "پرۆفایلی دامەزراوە"),
    "illustrative": T(
        "ILLUSTRATIVE DATA: the assessment answers in this report were generated for demonstration. "
        "Public index figures are real and cite their source.",
        "بيانات توضيحية: إجابات التقييم في هذا التقرير مولَّدة لأغراض العرض. أرقام المؤشرات الدولية حقيقية ومصدرها مذكور.",
        "داتای نموونەیی: وەڵامەکانی ھەڵسەنگاندن لەم ڕاپۆرتەدا بۆ نمایشکردن دروستکراون. ژمارەکانی ئیندێکسە نێودەوڵەتییەکان ڕاستین و سەرچاوەکەیان نووسراوە.",
    ),
    "summary": T("Executive summary", "الملخص التنفيذي", "کورتەی جێبەجێکار"),
    "methodology": T("Methodology", "المنهجية", "میتۆدۆلۆژی"),
    "findings": T("Findings by enabler", "النتائج حسب عوامل التمكين", "ئەنجامەکان بەپێی ھۆکارە ڕێخۆشکەرەکان"),
    "benchmarks": T("Against peers and over time", "المقارنة مع النظراء وعبر الزمن", "بەراورد لەگەڵ ھاوتاکان و بە درێژایی کات"),
    "divide": T("The digital divide", "الفجوة الرقمية", "بۆشایی دیجیتاڵی"),
    "bottlenecks": T("Bottlenecks", "الاختناقات", "گرێکوێرەکان"),
    "recommendations": T("Recommendations", "التوصيات", "ڕاسپاردەکان"),
    "roadmap": T("Digital transformation roadmap", "خارطة طريق التحول الرقمي", "نەخشەڕێگای گۆڕانکاریی دیجیتاڵی"),
    "kpis": T("Key performance indicators", "مؤشرات الأداء الرئيسية", "پێوەرە سەرەکییەکانی ئەدا"),
    "annex_framework": T("Annex: the assessment framework", "ملحق: إطار التقييم", "پاشکۆ: چوارچێوەی ھەڵسەنگاندن"),
    "annex_data": T("Annex: data", "ملحق: البيانات", "پاشکۆ: داتا"),
    "enabler": T("Enabler", "عامل التمكين", "ھۆکاری ڕێخۆشکەر"),
    "indicator": T("Indicator", "المؤشر", "پێوەر"),
    "indicators": T("Indicators", "المؤشرات", "پێوەرەکان"),
    "score": T("Score (0–5)", "الدرجة (0–5)", "نمرە (0–5)"),
    "stage": T("Stage", "المرحلة", "قۆناغ"),
    "interval": T("90 % interval", "مجال الثقة 90٪", "مەودای 90٪"),
    "coverage": T("Data coverage", "تغطية البيانات", "ڕووماڵی داتا"),
    "stability": T("Stage stability", "ثبات المرحلة", "جێگیریی قۆناغ"),
    "target": T("Target stage", "المرحلة المستهدفة", "قۆناغی ئامانج"),
    "gap": T("Gap", "الفجوة", "بۆشایی"),
    "institution": T("Institution", "الجهة", "دامەزراوە"),
    "horizon": T("Horizon", "الأفق الزمني", "ماوە"),
    "short": T("Short term (≤ 18 months)", "قصير الأمد (≤ 18 شهراً)", "کورتخایەن (≤ 18 مانگ)"),
    "long": T("Long term", "طويل الأمد", "درێژخایەن"),
    "sdg": T("SDG targets", "غايات التنمية المستدامة", "ئامانجە لاوەکییەکانی گەشەپێدانی بەردەوام"),
    "owner": T("Owner", "الجهة المسؤولة", "خاوەن"),
    "start": T("Start", "البداية", "دەستپێک"),
    "end": T("End", "النهاية", "کۆتایی"),
    "cost": T("Cost (USD)", "الكلفة (دولار)", "تێچوو (دۆلار)"),
    "phase": T("Phase", "المرحلة الزمنية", "قۆناغی کات"),
    "initiative": T("Initiative", "المبادرة", "دەستپێشخەری"),
    "kpi": T("KPI", "مؤشر الأداء", "پێوەری ئەدا"),
    "unit": T("Unit", "الوحدة", "یەکە"),
    "value": T("Value", "القيمة", "بەھا"),
    "year": T("Year", "السنة", "ساڵ"),
    "country": T("Country", "البلد", "وڵات"),
    "question": T("Question", "السؤال", "پرسیار"),
    "missing_section": T("No validated data yet for this section.", "لا توجد بيانات معتمدة بعد لهذا القسم.",
                         "ھێشتا ھیچ داتایەکی پەسەندکراو بۆ ئەم بەشە نییە."),
}


def label(key: str, lang: str) -> str:
    return LABELS[key].get(lang)


def report_labels(lang: str) -> dict[str, str]:
    return {k: LABELS[k].get(lang) for k in ("contents", "table", "figure", "source", "sheet", "provenance")}
