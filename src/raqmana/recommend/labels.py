"""Words for the enumerations of recommendations and roadmaps, in en/ar/ckb."""

from __future__ import annotations

from typing import Any

from raqmana.i18n import Translated

T = Translated.of

HORIZON = {
    "short": T("Short term (≤ 18 months)", "قصير الأمد (≤ 18 شهراً)", "کورتخایەن (≤ 18 مانگ)"),
    "long": T("Long term", "طويل الأمد", "درێژخایەن"),
}
KIND = {
    "digitization": T("Digitization", "الرقمنة", "بە دیجیتاڵکردن"),
    "digitalization": T("Digitalization", "رقمنة الإجراءات والخدمات", "دیجیتاڵیکردنی ڕێکارەکان"),
    "transformation": T("Digital transformation", "التحول الرقمي", "گۆڕانکاریی دیجیتاڵی"),
}
CATEGORY = {
    "law": T("Law and regulation", "القانون والتنظيم", "یاسا و ڕێسا"),
    "institution": T("Institutions and coordination", "المؤسسات والتنسيق", "دامەزراوەکان و ھەماھەنگی"),
    "framework": T("Frameworks and standards", "الأطر والمعايير", "چوارچێوە و ستانداردەکان"),
    "platform": T("Shared platforms", "المنصات المشتركة", "پلاتفۆرمە ھاوبەشەکان"),
    "service": T("Services", "الخدمات", "خزمەتگوزارییەکان"),
    "capacity": T("Capacity development", "تنمية القدرات", "پەرەپێدانی توانا"),
}
SCOPE = {
    "national": T("National", "وطني", "نیشتمانی"),
    "institution": T("Institution", "على مستوى الجهة", "ئاستی دامەزراوە"),
}
INSTITUTION_TYPE = {
    "secretariat": T(
        "General Secretariat for the Council of Ministers",
        "الأمانة العامة لمجلس الوزراء",
        "ئەمینداریەتی گشتیی ئەنجومەنی وەزیران",
    ),
    "ministry": T("Ministry", "وزارة", "وەزارەت"),
    "independent_body": T("Independent body", "هيئة مستقلة", "دەستەی سەربەخۆ"),
    "governorate": T("Governorate", "محافظة", "پارێزگا"),
    "region": T("Region", "الإقليم", "ھەرێم"),
    "regional_body": T("Regional body", "جهة إقليمية", "دەزگای ھەرێمی"),
    "national": T("National level", "المستوى الوطني", "ئاستی نیشتمانی"),
}
KPI_UNIT = {
    "percent": T("%", "٪", "٪"),
    "count": T("number", "عدد", "ژمارە"),
    "days": T("days", "أيام", "ڕۆژ"),
    "stage": T("stage (0–5)", "مرحلة (0–5)", "قۆناغ (0–5)"),
    "score": T("score (0–100)", "درجة (0–100)", "نمرە (0–100)"),
    "usd": T("USD", "دولار أمريكي", "دۆلاری ئەمریکی"),
    "yes_no": T("yes/no", "نعم/لا", "بەڵێ/نەخێر"),
}
BASELINE_SOURCE = {
    "assessment": T("This assessment", "هذا التقييم", "ئەم ھەڵسەنگاندنە"),
    "service_catalogue": T(
        "Government service catalogue", "دليل الخدمات الحكومية", "پێڕستی خزمەتگوزارییە گشتییەکان"
    ),
    "administrative_data": T(
        "Administrative data (system logs, registers)",
        "البيانات الإدارية (سجلات الأنظمة)",
        "داتای کارگێڕی (تۆماری سیستەمەکان)",
    ),
    "user_survey": T("User satisfaction survey", "استبيان رضا المستخدمين", "ڕاپرسیی ڕەزامەندیی بەکارھێنەران"),
    "external_index": T(
        "International index (ITU, UN DESA, World Bank, eGA)",
        "مؤشر دولي (الاتحاد الدولي للاتصالات، الأمم المتحدة، البنك الدولي)",
        "ئیندێکسی نێودەوڵەتی (ITU، نەتەوە یەکگرتووەکان، بانکی جیھانی)",
    ),
    "official_gazette": T("Official gazette", "الجريدة الرسمية", "ڕۆژنامەی فەرمی"),
    "budget_records": T(
        "Budget and expenditure records", "سجلات الموازنة والإنفاق", "تۆمارەکانی بودجە و خەرجی"
    ),
}
PHASE = {
    "short": T("Short term (≤ 6 quarters)", "قصير الأمد (≤ 6 فصول)", "کورتخایەن (≤ 6 چارەک)"),
    "medium": T("Medium term (≤ 12 quarters)", "متوسط الأمد (≤ 12 فصلاً)", "مامناوەند (≤ 12 چارەک)"),
    "long": T("Long term", "طويل الأمد", "درێژخایەن"),
}
LAYER = {
    0: T("Mandate and law", "التفويض والقانون", "ڕاسپاردن و یاسا"),
    1: T("Institutions and coordination", "المؤسسات والتنسيق", "دامەزراوەکان و ھەماھەنگی"),
    2: T("Frameworks and standards", "الأطر والمعايير", "چوارچێوە و ستانداردەکان"),
    3: T("Shared platforms", "المنصات المشتركة", "پلاتفۆرمە ھاوبەشەکان"),
    4: T(
        "Services and e-participation", "الخدمات والمشاركة الإلكترونية", "خزمەتگوزاری و بەشداریی ئەلیکترۆنی"
    ),
    5: T("Proactive services", "الخدمات الاستباقية", "خزمەتگوزارییە پێشوەختەکان"),
    None: T("Runs in parallel", "تسير بالتوازي", "ھاوتەریب بەڕێوەدەچێت"),
}


def word(table: dict[Any, Any], key: object, lang: str) -> str:
    value = table.get(key)
    return value.get(lang) if value is not None else str(key)
