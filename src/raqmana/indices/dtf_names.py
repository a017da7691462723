"""Names of the UNDP Digital Transformation Framework (v1) pillars and sub-pillars in en/ar/ckb.

Ids are the slugs of ``raqmana.frameworks.crosswalk.undp_dtf_ids()``. English is UNDP's; the Arabic
and Central Kurdish names are raqmana's proposed translations (to be reviewed). Used for the
Digital Development Compass columns and by ``tools/build_reference_packs.py`` for the undp-dtf pack.
"""

from __future__ import annotations

from raqmana.i18n import Translated

DTF_NAMES: dict[str, tuple[str, str, str]] = {
    "business": ("Business", "الأعمال", "بازرگانی"),
    "business.financing-incentives": ("Financing Incentives", "حوافز التمويل", "ھاندەرەکانی دارایی"),
    "business.impact-commitments": ("Impact commitments", "التزامات الأثر", "پابەندبوونەکانی کاریگەری"),
    "business.startup-environment": ("Startup Environment", "بيئة الشركات الناشئة", "ژینگەی کۆمپانیا نوێکان"),
    "business.technology-adoption": ("Technology Adoption", "تبنّي التكنولوجيا", "بەکارخستنی تەکنەلۆجیا"),
    "foundations": ("Foundations", "الأسس", "بنەماکان"),
    "foundations.data-exchange": ("Data Exchange", "تبادل البيانات", "ئاڵوگۆڕی داتا"),
    "foundations.digital-legal-identity": (
        "Digital Legal Identity",
        "الهوية القانونية الرقمية",
        "ناسنامەی یاسایی دیجیتاڵی",
    ),
    "foundations.digital-payments": ("Digital Payments", "المدفوعات الرقمية", "پارەدانی دیجیتاڵی"),
    "government": ("Government", "الحكومة", "حکومەت"),
    "government.capabilities": ("Capabilities", "القدرات", "تواناکان"),
    "government.digital-public-services": (
        "Digital Public Services",
        "الخدمات العامة الرقمية",
        "خزمەتگوزارییە گشتییە دیجیتاڵییەکان",
    ),
    "government.funding-and-procurement": ("Funding and procurement", "التمويل والمشتريات", "دارایی و کڕین"),
    "government.leadership-and-coordination": (
        "Leadership and coordination",
        "القيادة والتنسيق",
        "سەرکردایەتی و ھەماھەنگی",
    ),
    "government.monitoring": ("Monitoring", "الرصد", "چاودێری"),
    "infrastructure": ("Infrastructure", "البنية التحتية", "ژێرخان"),
    "infrastructure.connectivity-technology": (
        "Connectivity Technology",
        "تكنولوجيا الاتصال",
        "تەکنەلۆجیای پەیوەستبوون",
    ),
    "infrastructure.innovation-ecosystem": ("Innovation Ecosystem", "منظومة الابتكار", "ژینگەی داھێنان"),
    "people": ("People", "الناس", "خەڵک"),
    "people.culture": ("Culture", "الثقافة", "کەلتوور"),
    "people.digital-literacy-skills": (
        "Digital Literacy Skills",
        "مهارات المعرفة الرقمية",
        "کارامەییەکانی خوێندەواریی دیجیتاڵی",
    ),
    "people.digital-wellbeing": ("Digital Wellbeing", "الرفاه الرقمي", "خۆشگوزەرانیی دیجیتاڵی"),
    "people.usage-and-ownership": ("Usage and ownership", "الاستخدام والملكية", "بەکارھێنان و خاوەندارێتی"),
    "regulation": ("Regulation", "التنظيم", "ڕێکخستنی یاسایی"),
    "regulation.cybersecurity": ("Cybersecurity", "الأمن السيبراني", "ئاسایشی سایبەری"),
    "regulation.data-standards-and-protection": (
        "Data standards and protection",
        "معايير البيانات وحمايتها",
        "ستانداردەکان و پاراستنی داتا",
    ),
    "regulation.e-commerce": ("E-commerce", "التجارة الإلكترونية", "بازرگانیی ئەلیکترۆنی"),
    "regulation.ethical-standards": ("Ethical Standards", "المعايير الأخلاقية", "ستانداردە ئەخلاقییەکان"),
    "regulation.fair-market-competition": (
        "Fair Market Competition",
        "المنافسة العادلة في السوق",
        "کێبڕکێی دادپەروەرانەی بازاڕ",
    ),
    "strategy": ("Strategy", "الاستراتيجية", "ستراتیژی"),
    "strategy.approach": ("Approach", "النهج", "ڕێباز"),
    "strategy.ambition": ("Ambition", "الطموح", "ئامانجی بەرز"),
}


def dtf_name(dtf_id: str) -> Translated:
    en, ar, ckb = DTF_NAMES[dtf_id]
    return Translated(en=en, ar=ar, ckb=ckb)
