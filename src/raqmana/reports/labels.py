"""Fixed texts of the reports in en, ar and ckb."""

from __future__ import annotations

from raqmana.i18n import Translated
from raqmana.i18n.numbers import localize_digits

T = Translated.of

LABELS: dict[str, Translated] = {
    "contents": T("Contents", "المحتويات", "ناوەڕۆک"),
    "table": T("Table", "جدول", "خشتە"),
    "figure": T("Figure", "شكل", "وێنە"),
    "source": T("Source", "المصدر", "سەرچاوە"),
    "sheet": T("Sheet", "الورقة", "پەڕە"),
    "provenance": T("Sources and provenance", "المصادر ومنشأ البيانات", "سەرچاوەکان و بنەچەی داتا"),
    "national_title": T(
        "Digital Landscape Assessment", "تقييم المشهد الرقمي", "ھەڵسەنگاندنی دیمەنی دیجیتاڵی"
    ),
    "national_subtitle": T(
        "Digital maturity of the public sector and the digital transformation roadmap",
        "النضج الرقمي للقطاع العام وخارطة طريق التحول الرقمي",
        "پێگەیشتنی دیجیتاڵیی کەرتی گشتی و نەخشەڕێگای گۆڕانکاریی دیجیتاڵی",
    ),
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
    "benchmarks": T(
        "Against peers and over time",
        "المقارنة مع النظراء وعبر الزمن",
        "بەراورد لەگەڵ ھاوتاکان و بە درێژایی کات",
    ),
    "divide": T("The digital divide", "الفجوة الرقمية", "بۆشایی دیجیتاڵی"),
    "bottlenecks": T("Bottlenecks", "الاختناقات", "گرێکوێرەکان"),
    "recommendations": T("Recommendations", "التوصيات", "ڕاسپاردەکان"),
    "roadmap": T(
        "Digital transformation roadmap", "خارطة طريق التحول الرقمي", "نەخشەڕێگای گۆڕانکاریی دیجیتاڵی"
    ),
    "kpis": T("Key performance indicators", "مؤشرات الأداء الرئيسية", "پێوەرە سەرەکییەکانی ئەدا"),
    "annex_framework": T(
        "Annex: the assessment framework", "ملحق: إطار التقييم", "پاشکۆ: چوارچێوەی ھەڵسەنگاندن"
    ),
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
    "recommendation": T("Recommendation", "التوصية", "ڕاسپاردە"),
    "triggered_by": T("Triggered by", "سبب التوصية", "ھۆکاری ڕاسپاردەکە"),
    "depends_on": T("Depends on", "يعتمد على", "پشت دەبەستێت بە"),
    "code": T("Code", "الرمز", "کۆد"),
    "dependents": T(
        "Enablers that depend on it", "عوامل التمكين التي تعتمد عليه", "ئەو ھۆکارانەی پشتی پێ دەبەستن"
    ),
    "ahead": T(
        "Of these, already scoring higher", "منها ما حصل على درجة أعلى", "لەوانە، ئەوانەی نمرەیان بەرزترە"
    ),
    "component": T("Index or component", "المؤشر أو مكوّنه", "ئیندێکس یان پێکھاتە"),
    "institutions_n": T("Institutions", "عدد الجهات", "ژمارەی دامەزراوەکان"),
    "baseline": T("Baseline", "خط الأساس", "ھێڵی بنەڕەت"),
    "stage_name": T("Name", "الاسم", "ناو"),
    "description": T("Description", "الوصف", "وەسف"),
    "coverage_pct": T("Data coverage (%)", "تغطية البيانات (٪)", "ڕووماڵی داتا (٪)"),
    "stability_pct": T("Stage stability (%)", "ثبات المرحلة (٪)", "جێگیریی قۆناغ (٪)"),
    # sheet names of the workbook (at most 31 characters)
    "sheet_stages": T("Maturity stages", "مراحل النضج", "قۆناغەکانی پێگەیشتن"),
    "sheet_enablers": T("Scores by enabler", "الدرجات حسب عامل التمكين", "نمرە بەپێی ھۆکار"),
    "sheet_recs_short": T("Short-term recommendations", "التوصيات قصيرة الأمد", "ڕاسپاردە کورتخایەنەکان"),
    "sheet_recs_long": T("Long-term recommendations", "التوصيات طويلة الأمد", "ڕاسپاردە درێژخایەنەکان"),
    "sheet_initiatives": T("Roadmap initiatives", "مبادرات خارطة الطريق", "دەستپێشخەرییەکانی نەخشەڕێگا"),
    "sheet_institutions": T("Scores by institution", "الدرجات حسب الجهة", "نمرە بەپێی دامەزراوە"),
    "sheet_lowest": T("Lowest", "الأدنى", "نزمترین"),
    "sheet_gaps": T("Gaps to the target", "الفجوات عن المستهدف", "بۆشاییەکان لە ئامانج"),
    "sheet_actions": T("Roadmap actions", "إجراءات خارطة الطريق", "کارەکانی نەخشەڕێگا"),
    "missing_section": T(
        "No validated data yet for this section.",
        "لا توجد بيانات معتمدة بعد لهذا القسم.",
        "ھێشتا ھیچ داتایەکی پەسەندکراو بۆ ئەم بەشە نییە.",
    ),
    # lines of "Sources and provenance" ({placeholders}: names and citations, kept as their sources write them)
    "prov_framework": T(
        "Framework: {framework}", "إطار التقييم: {framework}", "چوارچێوەی ھەڵسەنگاندن: {framework}"
    ),
    "prov_answers": T(
        "Assessment answers: validated (accepted) answers only.",
        "إجابات التقييم: الإجابات المعتمدة (المقبولة) فقط.",
        "وەڵامەکانی ھەڵسەنگاندن: تەنھا وەڵامە پەسەندکراوەکان.",
    ),
    "prov_answers_illustrative": T(
        "Assessment answers: validated (accepted) answers only — ILLUSTRATIVE data generated by raqmana demo, "
        "not real answers.",
        "إجابات التقييم: الإجابات المعتمدة (المقبولة) فقط — بيانات توضيحية ولّدها الأمر raqmana demo، "
        "وليست إجابات حقيقية.",
        "وەڵامەکانی ھەڵسەنگاندن: تەنھا وەڵامە پەسەندکراوەکان — داتای نموونەیی کە فەرمانی raqmana demo "
        "دروستی کردووە، نەک وەڵامی ڕاستەقینە.",
    ),
    "prov_index": T(
        "{source}; editions {editions}; licence: {licence}",
        "{source}؛ الإصدارات: {editions}؛ الترخيص: {licence}",
        "{source}؛ دەرچوونەکان: {editions}؛ مۆڵەت: {licence}",
    ),
    "prov_index_no_edition": T(
        "{source}; licence: {licence}", "{source}؛ الترخيص: {licence}", "{source}؛ مۆڵەت: {licence}"
    ),
}


#: names of the parts of public indices (rows of the benchmark tables)
COMPONENTS: dict[str, Translated] = {
    "EGDI": T(
        "E-Government Development Index",
        "مؤشر تنمية الحكومة الإلكترونية",
        "ئیندێکسی گەشەپێدانی حکومەتی ئەلیکترۆنی",
    ),
    "OSI": T("Online Services Index", "مؤشر الخدمات الإلكترونية", "ئیندێکسی خزمەتگوزارییە ئۆنلاینەکان"),
    "TII": T(
        "Telecommunications Infrastructure Index", "مؤشر البنية التحتية للاتصالات", "ئیندێکسی ژێرخانی گەیاندن"
    ),
    "HCI": T("Human Capital Index", "مؤشر رأس المال البشري", "ئیندێکسی سەرمایەی مرۆیی"),
    "EPI": T("E-Participation Index", "مؤشر المشاركة الإلكترونية", "ئیندێکسی بەشداریی ئەلیکترۆنی"),
    "GTMI": T("GovTech Maturity Index", "مؤشر نضج التقنيات الحكومية", "ئیندێکسی پێگەیشتنی تەکنەلۆژیای حکومی"),
    "CGSI": T(
        "Core Government Systems Index",
        "مؤشر الأنظمة الحكومية الأساسية",
        "ئیندێکسی سیستەمە بنەڕەتییەکانی حکومەت",
    ),
    "PSDI": T(
        "Public Service Delivery Index",
        "مؤشر تقديم الخدمات العامة",
        "ئیندێکسی پێشکەشکردنی خزمەتگوزارییە گشتییەکان",
    ),
    "DCEI": T(
        "Digital Citizen Engagement Index",
        "مؤشر المشاركة الرقمية للمواطنين",
        "ئیندێکسی بەشداریی دیجیتاڵیی ھاووڵاتییان",
    ),
    "GTEI": T(
        "GovTech Enablers Index", "مؤشر ممكّنات التقنيات الحكومية", "ئیندێکسی ڕێخۆشکەرەکانی تەکنەلۆژیای حکومی"
    ),
}


def label(key: str, lang: str, digits: str | None = None) -> str:
    """A fixed text; its digits ("Score (0–5)") follow the report's digit setting."""
    return localize_digits(LABELS[key].get(lang), lang, digits)


def report_labels(lang: str) -> dict[str, str]:
    return {k: LABELS[k].get(lang) for k in ("contents", "table", "figure", "source", "sheet", "provenance")}


def provenance_line(key: str, **params: str | list[str] | Translated) -> Translated:
    """One line of "Sources and provenance" in the three languages. ``params``: translated names, lists
    (joined with each language's comma) and citations used as their sources write them (a framework's
    source, an index's publisher, title and licence)."""
    lists = {"en": ", ", "ar": "، ", "ckb": "، "}
    out: dict[str, str] = {}
    for lang in ("en", "ar", "ckb"):
        values = {
            k: v.get(lang) if isinstance(v, Translated) else lists[lang].join(v) if isinstance(v, list) else v
            for k, v in params.items()
        }
        out[lang] = LABELS[key].get(lang).format(**values)
    return Translated(**out)
