"""Problems with a report request."""

from __future__ import annotations

from raqmana.problems import Code

BAD_SCOPE = Code(
    "RP001",
    "Unknown report scope '{value}': use national, institution or all-institutions.",
    "نطاق التقرير '{value}' غير معروف: استخدم national أو institution أو all-institutions.",
    "بواری ڕاپۆرتی '{value}' نەناسراوە: national یان institution یان all-institutions بەکاربھێنە.",
)
BAD_LANG = Code(
    "RP002",
    "Unknown report language '{value}': use ar, ckb or en.",
    "لغة التقرير '{value}' غير معروفة: استخدم ar أو ckb أو en.",
    "زمانی ڕاپۆرتی '{value}' نەناسراوە: ar یان ckb یان en بەکاربھێنە.",
)
BAD_FORMAT = Code(
    "RP003",
    "Unknown report format '{value}': use pdf, docx, xlsx, html or json.",
    "صيغة التقرير '{value}' غير معروفة: استخدم pdf أو docx أو xlsx أو html أو json.",
    "فۆرماتی ڕاپۆرتی '{value}' نەناسراوە: pdf یان docx یان xlsx یان html یان json بەکاربھێنە.",
)
NO_INSTITUTION = Code(
    "RP004",
    "The institution scope needs an institution code that takes part in the assessment ('{value}' does not).",
    "نطاق الجهة يتطلب رمز جهة مشاركة في التقييم ('{value}' ليست كذلك).",
    "بواری دامەزراوە پێویستی بە کۆدی دامەزراوەیەکە کە بەشداری ھەڵسەنگاندنەکەیە ('{value}' نییە).",
)
INSTITUTION_REQUIRED = Code(
    "RP005",
    "An institution report needs an institution: choose one (on the command line, add --institution CODE).",
    "يتطلب تقرير الجهة تحديد الجهة: اختر جهة (في سطر الأوامر أضف ‎--institution CODE).",
    "ڕاپۆرتی دامەزراوە پێویستی بە دیاریکردنی دامەزراوەیە: یەکێک ھەڵبژێرە (لە ھێڵی فەرماندا ‎--institution CODE زیاد بکە).",
)
