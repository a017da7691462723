"""Generate the reference framework packs gtmi, egdi, undp-dtf, govstack and sdg.

    .venv/bin/python tools/build_reference_packs.py [--check]

Each pack is written to src/raqmana/frameworks/packs/<id>/framework.yaml with ``kind: reference``.
Inputs: the data shipped in the package (frameworks/data/undp_dtf_v1_stages.csv for the UNDP
Digital Transformation Framework v1, frameworks/data/sdg_goals_targets.csv for the SDGs,
crosswalk.GOVSTACK_BLOCKS for GovStack) and the tables below (GTMI indicators from the gtmiR
metadata, EGDI structure from the UN DESA methodology). English is the publishers'; Arabic and
Central Kurdish texts that no publisher provides are raqmana's proposed translations, marked as
such in each pack's description, for review by native speakers. ``--check`` fails when a
generated file differs from the one in the tree.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from raqmana.frameworks.crosswalk import GOVSTACK_BLOCKS, slug  # noqa: E402
from raqmana.frameworks.schema import Framework  # noqa: E402
from raqmana.frameworks.validate import validate  # noqa: E402
from raqmana.indices.dtf_names import DTF_NAMES  # noqa: E402

PACKS = ROOT / "src" / "raqmana" / "frameworks" / "packs"
DATA = ROOT / "src" / "raqmana" / "frameworks" / "data"
PROPOSED = {
    "en": "Arabic and Central Kurdish texts not published by the source are raqmana's proposed translations, to be reviewed.",
    "ar": "النصوص العربية والكردية التي لا ينشرها المصدر ترجمات مقترحة من raqmana تحتاج إلى مراجعة.",
    "ckb": "دەقە عەرەبی و کوردییەکان کە سەرچاوەکە بڵاوی نەکردوونەتەوە وەرگێڕانی پێشنیازکراوی raqmanaن و پێویستیان بە پێداچوونەوەیە.",
}


def t(en: str, ar: str, ckb: str) -> dict[str, str]:
    return {"en": en, "ar": ar, "ckb": ckb}


def joined(*texts: dict[str, str]) -> dict[str, str]:
    return {lang: " ".join(x[lang] for x in texts) for lang in ("en", "ar", "ckb")}


# --------------------------------------------------------------------------------------------- GTMI
GTMI_COMPONENTS = [
    (
        "CGSI",
        range(1, 18),
        t(
            "Core Government Systems Index",
            "مؤشر الأنظمة الحكومية الأساسية",
            "پێوەری سیستەمە بنەڕەتییەکانی حکومەت",
        ),
        t(
            "Whole-of-government platforms, public finance, revenue and human-resource systems.",
            "منصات الحكومة المتكاملة وأنظمة المالية العامة والإيرادات والموارد البشرية.",
            "سەکۆکانی ھەموو حکومەت و سیستەمەکانی داراییی گشتی، داھات و سەرچاوە مرۆییەکان.",
        ),
    ),
    (
        "PSDI",
        range(18, 27),
        t(
            "Public Service Delivery Index",
            "مؤشر تقديم الخدمات العامة",
            "پێوەری پێشکەشکردنی خزمەتگوزاریی گشتی",
        ),
        t(
            "Online services, portals, e-payment and digital identity for service access.",
            "الخدمات والبوابات الإلكترونية والدفع الإلكتروني والهوية الرقمية للوصول إلى الخدمات.",
            "خزمەتگوزاری و دەروازە ئۆنلاینەکان، پارەدانی ئەلیکترۆنی و ناسنامەی دیجیتاڵی بۆ گەیشتن بە خزمەتگوزاری.",
        ),
    ),
    (
        "DCEI",
        range(27, 33),
        t(
            "Digital Citizen Engagement Index",
            "مؤشر المشاركة الرقمية للمواطنين",
            "پێوەری بەشداریی دیجیتاڵیی ھاووڵاتیان",
        ),
        t(
            "Open government, open data, participation and feedback platforms.",
            "الحكومة المفتوحة والبيانات المفتوحة ومنصات المشاركة والملاحظات.",
            "حکومەتی کراوە، داتای کراوە و سەکۆکانی بەشداری و ڕاوبۆچوون.",
        ),
    ),
    (
        "GTEI",
        range(33, 49),
        t(
            "GovTech Enablers Index",
            "مؤشر ممكّنات التكنولوجيا الحكومية",
            "پێوەری ڕێخۆشکەرەکانی تەکنەلۆجیای حکومی",
        ),
        t(
            "Strategy, institutions, laws and regulations, skills and innovation.",
            "الاستراتيجية والمؤسسات والقوانين والأنظمة والمهارات والابتكار.",
            "ستراتیژی، دامەزراوەکان، یاسا و ڕێساکان، کارامەیی و داھێنان.",
        ),
    ),
]
GTMI_NAMES: dict[int, tuple[str, str, str]] = {
    1: ("Shared government cloud platform", "منصة سحابية حكومية مشتركة", "سەکۆی ھەوری ھاوبەشی حکومی"),
    2: (
        "Government enterprise architecture framework",
        "إطار البنية المؤسسية الحكومية",
        "چوارچێوەی بیناسازیی دامەزراوەیی حکومی",
    ),
    3: (
        "Government interoperability framework",
        "إطار التشغيل البيني الحكومي",
        "چوارچێوەی کارلێکی سیستەمە حکومییەکان",
    ),
    4: (
        "Government service bus platform",
        "منصة ناقل الخدمات الحكومية",
        "سەکۆی ھێڵی خزمەتگوزارییە حکومییەکان",
    ),
    5: (
        "Operational financial management information system (FMIS)",
        "نظام معلومات الإدارة المالية العامل",
        "سیستەمی زانیاریی بەڕێوەبردنی داراییی لە کاردا",
    ),
    6: (
        "Treasury single account supported by the FMIS",
        "حساب الخزينة الموحد المدعوم بنظام الإدارة المالية",
        "ئەژمێری یەکگرتووی گەنجینە بە پشتیوانیی سیستەمی بەڕێوەبردنی دارایی",
    ),
    7: (
        "Tax management information system",
        "نظام معلومات الإدارة الضريبية",
        "سیستەمی زانیاریی بەڕێوەبردنی باج",
    ),
    8: (
        "Customs management information system",
        "نظام معلومات إدارة الجمارك",
        "سیستەمی زانیاریی بەڕێوەبردنی گومرگ",
    ),
    9: (
        "HR management information system with self-service portal",
        "نظام معلومات إدارة الموارد البشرية مع بوابة خدمة ذاتية",
        "سیستەمی زانیاریی بەڕێوەبردنی سەرچاوە مرۆییەکان لەگەڵ دەروازەی خزمەتی خۆیی",
    ),
    10: (
        "Payroll system linked with the HRMIS",
        "نظام الرواتب المرتبط بنظام الموارد البشرية",
        "سیستەمی مووچە بەستراو بە سیستەمی سەرچاوە مرۆییەکان",
    ),
    11: ("Social insurance system", "نظام التأمينات الاجتماعية", "سیستەمی بیمەی کۆمەڵایەتی"),
    12: ("e-Procurement portal", "بوابة المشتريات الإلكترونية", "دەروازەی کڕینی ئەلیکترۆنی"),
    13: ("Debt management system", "نظام إدارة الدين العام", "سیستەمی بەڕێوەبردنی قەرز"),
    14: (
        "Public investment management system",
        "نظام إدارة الاستثمار العام",
        "سیستەمی بەڕێوەبردنی وەبەرھێنانی گشتی",
    ),
    15: ("Open-source software policy", "سياسة البرمجيات مفتوحة المصدر", "سیاسەتی نەرمەکاڵای سەرچاوە کراوە"),
    16: (
        "UN Telecommunication Infrastructure Index",
        "مؤشر البنية التحتية للاتصالات (الأمم المتحدة)",
        "پێوەری ژێرخانی گەیاندن (نەتەوە یەکگرتووەکان)",
    ),
    17: (
        "National strategy on disruptive and innovative technologies",
        "استراتيجية وطنية للتقنيات المبتكرة والمُحدِثة للتحول",
        "ستراتیژیی نیشتمانی بۆ تەکنەلۆجیا داھێنەر و گۆڕانکاریخوازەکان",
    ),
    18: (
        "UN Online Service Index",
        "مؤشر الخدمات الإلكترونية (الأمم المتحدة)",
        "پێوەری خزمەتگوزارییە ئۆنلاینەکان (نەتەوە یەکگرتووەکان)",
    ),
    19: (
        "Online public service portal (one-stop shop)",
        "بوابة الخدمات العامة الإلكترونية (الشباك الواحد)",
        "دەروازەی ئۆنلاینی خزمەتگوزاریی گشتی (یەک پەنجەرە)",
    ),
    20: (
        "Tax online service portal",
        "بوابة الخدمات الضريبية الإلكترونية",
        "دەروازەی ئۆنلاینی خزمەتگوزارییەکانی باج",
    ),
    21: (
        "e-Filing of tax and customs declarations",
        "الإقرار الإلكتروني للضرائب والجمارك",
        "پێشکەشکردنی ئەلیکترۆنیی ڕاگەیاندنەکانی باج و گومرگ",
    ),
    22: ("e-Payment services", "خدمات الدفع الإلكتروني", "خزمەتگوزارییەکانی پارەدانی ئەلیکترۆنی"),
    23: (
        "Customs online service portal (single window)",
        "بوابة الخدمات الجمركية الإلكترونية (النافذة الواحدة)",
        "دەروازەی ئۆنلاینی گومرگ (پەنجەرەی تاک)",
    ),
    24: (
        "Social insurance and pension online portal",
        "بوابة التأمينات الاجتماعية والتقاعد الإلكترونية",
        "دەروازەی ئۆنلاینی بیمەی کۆمەڵایەتی و خانەنشینی",
    ),
    25: ("Job portal", "بوابة التوظيف", "دەروازەی دۆزینەوەی کار"),
    26: (
        "Digital ID for online service access",
        "الهوية الرقمية للوصول إلى الخدمات الإلكترونية",
        "ناسنامەی دیجیتاڵی بۆ گەیشتن بە خزمەتگوزارییە ئۆنلاینەکان",
    ),
    27: ("Cybersecurity strategy", "استراتيجية الأمن السيبراني", "ستراتیژیی ئاسایشی سایبەری"),
    28: ("Open government portal", "بوابة الحكومة المفتوحة", "دەروازەی حکومەتی کراوە"),
    29: ("Open data portal", "بوابة البيانات المفتوحة", "دەروازەی داتای کراوە"),
    30: (
        "Citizen participation platforms",
        "منصات مشاركة المواطنين في صنع السياسات",
        "سەکۆکانی بەشداریی ھاووڵاتیان",
    ),
    31: (
        "Citizen feedback platforms",
        "منصات ملاحظات المواطنين على الخدمات",
        "سەکۆکانی ڕاوبۆچوونی ھاووڵاتیان",
    ),
    32: (
        "Citizen engagement statistics published",
        "نشر إحصاءات مشاركة المواطنين",
        "بڵاوکردنەوەی ئامارەکانی بەشداریی ھاووڵاتیان",
    ),
    33: ("GovTech entity", "جهة التكنولوجيا الحكومية", "دەزگای تەکنەلۆجیای حکومی"),
    34: ("Data governance entity", "جهة حوكمة البيانات", "دەزگای حوکمڕانیی داتا"),
    35: (
        "GovTech / digital transformation strategy",
        "استراتيجية التكنولوجيا الحكومية والتحول الرقمي",
        "ستراتیژیی تەکنەلۆجیای حکومی و گۆڕانکاریی دیجیتاڵی",
    ),
    36: ("Whole-of-government approach", "نهج الحكومة المتكاملة", "ڕێبازی ھەموو حکومەت"),
    37: (
        "Right-to-information law",
        "قانون الحق في الحصول على المعلومات",
        "یاسای مافی دەستگەیشتن بە زانیاری",
    ),
    38: (
        "Data protection / privacy law",
        "قانون حماية البيانات والخصوصية",
        "یاسای پاراستنی داتا و تایبەتمەندی",
    ),
    39: ("Data protection authority", "هيئة حماية البيانات", "دەستەی پاراستنی داتا"),
    40: (
        "National ID system (2022) / green-tech policy (2025)",
        "نظام الهوية الوطنية (2022) / سياسة التكنولوجيا الخضراء (2025)",
        "سیستەمی ناسنامەی نیشتمانی (2022) / سیاسەتی تەکنەلۆجیای سەوز (2025)",
    ),
    41: (
        "Digitised national ID records (2022) / AI ethics guidelines (2025)",
        "سجلات الهوية الوطنية الرقمية (2022) / إرشادات أخلاقيات الذكاء الاصطناعي (2025)",
        "تۆمارە دیجیتاڵییەکانی ناسنامەی نیشتمانی (2022) / ڕێنماییەکانی ئەخلاقی ژیریی دەستکرد (2025)",
    ),
    42: (
        "Digital signature regulation and PKI",
        "تنظيم التوقيع الرقمي والبنية التحتية للمفاتيح العامة",
        "ڕێکخستنی واژۆی دیجیتاڵی و ژێرخانی کلیلی گشتی",
    ),
    43: (
        "ITU Global Cybersecurity Index",
        "المؤشر العالمي للأمن السيبراني (الاتحاد الدولي للاتصالات)",
        "پێوەری جیھانیی ئاسایشی سایبەری (یەکێتیی نێودەوڵەتیی گەیاندن)",
    ),
    44: (
        "UN Human Capital Index",
        "مؤشر رأس المال البشري (الأمم المتحدة)",
        "پێوەری سەرمایەی مرۆیی (نەتەوە یەکگرتووەکان)",
    ),
    45: (
        "Public-sector digital skills strategy",
        "استراتيجية المهارات الرقمية في القطاع العام",
        "ستراتیژیی کارامەییە دیجیتاڵییەکانی کەرتی گشتی",
    ),
    46: (
        "Public-sector innovation strategy",
        "استراتيجية الابتكار في القطاع العام",
        "ستراتیژیی داھێنان لە کەرتی گشتیدا",
    ),
    47: ("Public-sector innovation entity", "جهة الابتكار في القطاع العام", "دەزگای داھێنان لە کەرتی گشتیدا"),
    48: (
        "GovTech start-up support policy",
        "سياسة دعم الشركات الناشئة في التكنولوجيا الحكومية",
        "سیاسەتی پشتگیریی کۆمپانیا نوێکانی تەکنەلۆجیای حکومی",
    ),
}
TIERS = {
    "T1": (
        [15, 17, 35, 37, 38, 40, 41, 48],
        t("Tier 1 — regulatory and policy", "المستوى 1 — التنظيم والسياسات", "ئاستی 1 — ڕێکخستن و سیاسەت"),
    ),
    "T2": (
        [33, 34, 39, 45, 46, 47],
        t("Tier 2 — institutional set-up", "المستوى 2 — الإطار المؤسسي", "ئاستی 2 — دامەزراندنی دامەزراوەیی"),
    ),
    "T3": (
        [2, 3, 36, 42],
        t(
            "Tier 3 — frameworks and standards",
            "المستوى 3 — الأطر والمعايير",
            "ئاستی 3 — چوارچێوە و ستانداردەکان",
        ),
    ),
    "T4": (
        [1, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 26],
        t(
            "Tier 4 — government-internal platforms",
            "المستوى 4 — المنصات الحكومية الداخلية",
            "ئاستی 4 — سەکۆ ناوخۆییەکانی حکومەت",
        ),
    ),
    "T5": (
        [19, 20, 21, 22, 23, 24, 25, 28, 29, 30, 31, 32],
        t(
            "Tier 5 — citizen- and business-facing services",
            "المستوى 5 — خدمات المواطنين وقطاع الأعمال",
            "ئاستی 5 — خزمەتگوزارییەکانی ھاووڵاتیان و بازرگانی",
        ),
    ),
}
EXTERNAL = t(
    "External index used as a GTMI indicator (standalone).",
    "مؤشر خارجي مستخدم كمؤشر في GTMI (مستقل).",
    "پێوەرێکی دەرەکی کە وەک پێوەری GTMI بەکارھاتووە (سەربەخۆ).",
)
TIER_NOTE = t("Implementation-complexity", "مستوى تعقيد التنفيذ:", "ئاستی ئاڵۆزیی جێبەجێکردن:")
CONSTRUCT_CHANGED = t(
    "The 2022 and 2025 questions measure different things: do not compare across editions.",
    "يقيس سؤالا 2022 و2025 أمرين مختلفين: لا تقارن بين الإصدارين.",
    "پرسیارەکانی 2022 و 2025 دوو شتی جیاواز دەپێون: لە نێوان دەرچوونەکاندا بەراورد مەکە.",
)
I27_NOTE = t(
    "Placed in DCEI by the published indicator counts; the gtmiR metadata labels I-27 a cybersecurity "
    "strategy and flags it as an external index — to verify against the GTMI methodology.",
    "وُضع في مؤشر المشاركة الرقمية وفق أعداد المؤشرات المنشورة؛ تصفه بيانات gtmiR الوصفية باستراتيجية الأمن "
    "السيبراني وتعدّه مؤشراً خارجياً — يجب التحقق منه في منهجية GTMI.",
    "بەپێی ژمارەی بڵاوکراوەی پێوەرەکان خراوەتە DCEI؛ زانیارییە وەسفییەکانی gtmiR بە ستراتیژیی ئاسایشی سایبەری "
    "ناوی دەبەن و وەک پێوەرێکی دەرەکی نیشانی دەدەن — پێویستە لە میتۆدی GTMIدا پشتڕاست بکرێتەوە.",
)
GTMI_CROSSWALK: dict[int, dict[str, list[str]]] = {
    1: {"govstack": ["cloud-infrastructure"]},
    2: {"sdg": ["16.6"]},
    3: {"govstack": ["information-mediator"], "sdg": ["16.6"]},
    4: {"govstack": ["information-mediator"]},
    5: {"sdg": ["16.6"]},
    6: {"sdg": ["16.6"]},
    7: {"sdg": ["17.1"]},
    8: {"sdg": ["17.1"]},
    9: {"sdg": ["16.6"]},
    10: {"sdg": ["16.6"]},
    11: {"sdg": ["1.3"]},
    12: {"govstack": ["e-marketplace"], "sdg": ["16.5", "12.7"]},
    13: {"sdg": ["17.4"]},
    14: {"sdg": ["16.6"]},
    16: {"egdi": ["TII"], "sdg": ["9.c", "17.8"]},
    18: {"egdi": ["OSI"], "sdg": ["16.6"]},
    19: {"govstack": ["registration", "workflow"], "sdg": ["16.6"]},
    20: {"sdg": ["17.1"]},
    21: {"sdg": ["17.1"]},
    22: {"govstack": ["payments"], "sdg": ["8.10", "1.4"]},
    23: {"sdg": ["17.11"]},
    24: {"sdg": ["1.3"]},
    25: {"sdg": ["8.5"]},
    26: {"govstack": ["identity"], "sdg": ["16.9"]},
    27: {"govstack": ["security"]},
    28: {"sdg": ["16.10"]},
    29: {"sdg": ["16.10", "17.18"]},
    30: {"sdg": ["16.7"]},
    31: {"govstack": ["messaging"], "sdg": ["16.6", "16.7"]},
    32: {"sdg": ["16.6"]},
    33: {"sdg": ["16.6"]},
    34: {"sdg": ["17.18"]},
    35: {"sdg": ["16.6"]},
    36: {"sdg": ["16.6"]},
    37: {"sdg": ["16.10"]},
    38: {"govstack": ["consent"], "sdg": ["16.10"]},
    39: {"sdg": ["16.10"]},
    40: {"govstack": ["identity"], "sdg": ["16.9"]},
    41: {"govstack": ["digital-registries"], "sdg": ["16.9"]},
    42: {"govstack": ["e-signature"], "sdg": ["16.6"]},
    43: {"govstack": ["security"]},
    44: {"egdi": ["HCI"], "sdg": ["4.4"]},
    45: {"sdg": ["4.4"]},
    46: {"sdg": ["9.5"]},
    47: {"sdg": ["9.5"]},
    48: {"sdg": ["9.3", "8.3"]},
}


def gtmi_pack() -> dict[str, Any]:
    tier_of = {n: tid for tid, (ns, _) in TIERS.items() for n in ns}
    pillars = []
    for pid, numbers, name, desc in GTMI_COMPONENTS:
        indicators = []
        for n in numbers:
            en, ar, ckb = GTMI_NAMES[n]
            parts = []
            if n in tier_of:
                parts.append(joined(TIER_NOTE, TIERS[tier_of[n]][1]))
            if n in (16, 18, 27, 43, 44):
                parts.append(EXTERNAL)
            if n in (40, 41):
                parts.append(CONSTRUCT_CHANGED)
            if n == 27:
                parts.append(I27_NOTE)
            ind: dict[str, Any] = {"id": f"I-{n}", "name": t(en, ar, ckb)}
            if parts:
                ind["description"] = joined(*parts)
            ind.update(
                {
                    "answer_type": "number",
                    "min_value": 0,
                    "max_value": 1,
                    "responsible": ["national"],
                    "evidence_types": ["external_index"],
                }
            )
            if n in GTMI_CROSSWALK:
                ind["crosswalk"] = GTMI_CROSSWALK[n]
            ind["source"] = "gtmiR raw-data/2.gtmi_indicators_logic.R (label_2022/label_2025)"
            indicators.append(ind)
        first, last = numbers[0], numbers[-1]
        pillars.append(
            {
                "id": pid,
                "name": name,
                "description": desc,
                "sub_areas": [
                    {
                        "id": f"{pid}-KI",
                        "name": joined(
                            t("Key indicators", "المؤشرات الرئيسية", "پێوەرە سەرەکییەکان"),
                            t(f"I-{first}–I-{last}", f"I-{first}–I-{last}", f"I-{first}–I-{last}"),
                        ),
                        "indicators": indicators,
                    }
                ],
            }
        )
    groups = [
        (
            "A",
            t(
                "Group A — GovTech leaders (GTMI ≥ 0.75)",
                "المجموعة أ — روّاد التكنولوجيا الحكومية (≥ 0.75)",
                "گرووپی A — پێشەنگانی تەکنەلۆجیای حکومی (≥ 0.75)",
            ),
        ),
        (
            "B",
            t(
                "Group B — significant focus (0.50–0.75)",
                "المجموعة ب — تركيز كبير (0.50–0.75)",
                "گرووپی B — سەرنجی بەرچاو (0.50–0.75)",
            ),
        ),
        (
            "C",
            t(
                "Group C — some focus (0.25–0.50)",
                "المجموعة ج — بعض التركيز (0.25–0.50)",
                "گرووپی C — ھەندێک سەرنج (0.25–0.50)",
            ),
        ),
        (
            "D",
            t(
                "Group D — minimal focus (below 0.25)",
                "المجموعة د — تركيز ضئيل (أقل من 0.25)",
                "گرووپی D — کەمترین سەرنج (خوار 0.25)",
            ),
        ),
    ]
    return {
        "schema_version": 1,
        "id": "gtmi",
        "version": "2025",
        "kind": "reference",
        "name": t(
            "World Bank GovTech Maturity Index (GTMI)",
            "مؤشر نضج التكنولوجيا الحكومية للبنك الدولي (GTMI)",
            "پێوەری پێگەیشتنی تەکنەلۆجیای حکومیی بانکی جیھانی (GTMI)",
        ),
        "description": joined(
            t(
                "48 key indicators in four sub-indices; GTMI = mean of CGSI, PSDI, DCEI and GTEI; groups A–D at "
                "0.75/0.50/0.25. Sub-index membership follows the published counts (CGSI 17, PSDI 9, DCEI 6, GTEI 16) "
                "over consecutive indicator numbers — uncertain for I-16, I-17 and I-27, to verify against the GTMI "
                "methodology (Dener et al. 2021).",
                "48 مؤشراً رئيسياً في أربعة مؤشرات فرعية؛ المؤشر = متوسط CGSI وPSDI وDCEI وGTEI؛ المجموعات أ–د عند "
                "0.75/0.50/0.25. توزيع المؤشرات على المؤشرات الفرعية يتبع الأعداد المنشورة (17 و9 و6 و16) على أرقام "
                "متتالية — غير مؤكد للمؤشرات I-16 وI-17 وI-27 ويجب التحقق منه في منهجية GTMI.",
                "48 پێوەری سەرەکی لە چوار ژێرپێوەردا؛ GTMI = تێکڕای CGSI و PSDI و DCEI و GTEI؛ گرووپەکانی A–D لە "
                "0.75/0.50/0.25. دابەشکردنی پێوەرەکان بەپێی ژمارە بڵاوکراوەکانە (17، 9، 6، 16) بە ژمارەی یەک لە دوای یەک — "
                "بۆ I-16 و I-17 و I-27 دڵنیا نییە و پێویستە لە میتۆدی GTMIدا پشتڕاست بکرێتەوە.",
            ),
            PROPOSED,
        ),
        "publisher": "World Bank",
        "licence": "CC-BY-4.0",
        "source": "World Bank GovTech Maturity Index 2020/2022/2025 (worldbank.org/en/programs/govtech/gtmi); "
        "indicator labels and implementation tiers from WB-PIDA-Data-Science-Shop/gtmiR "
        "(raw-data/2.gtmi_indicators_logic.R, documentation/GTMI_Tiers_Analytical_Note.json). "
        "Sub-index membership by published counts; I-16, I-17 and I-27 uncertain.",
        "pillars": pillars,
        "catalogue": [{"id": f"group-{g}", "kind": "group", "name": name} for g, name in groups],
    }


# --------------------------------------------------------------------------------------------- EGDI
def _ind(
    iid: str,
    name: dict[str, str],
    comp: str,
    *,
    weight: float = 1.0,
    answer: str = "number",
    lo: float | None = 0,
    hi: float | None = 1,
    sdg: list[str] | None = None,
    description: dict[str, str] | None = None,
) -> dict[str, Any]:
    ind: dict[str, Any] = {"id": iid, "name": name}
    if description:
        ind["description"] = description
    ind["answer_type"] = answer
    if lo is not None:
        ind["min_value"] = lo
    if hi is not None:
        ind["max_value"] = hi
    if weight != 1.0:
        ind["weight"] = weight
    ind.update(
        {
            "responsible": ["national"],
            "evidence_types": ["external_index"],
            "crosswalk": {"egdi": [comp], **({"sdg": sdg} if sdg else {})},
        }
    )
    return ind


VERIFY = t(
    "[to verify against the survey's methodology annex]",
    "[يجب التحقق منه في الملحق المنهجي للمسح]",
    "[پێویستە لە پاشکۆی میتۆدی ڕووپێوەکەدا پشتڕاست بکرێتەوە]",
)
ZSCORED = t(
    "Standardised by z-score over the 193 Member States, then min–max bounded.",
    "يُوحَّد بالدرجة المعيارية على الدول الأعضاء الـ193 ثم يُحصر بين الحد الأدنى والأعلى.",
    "بە z-score لە نێوان 193 دەوڵەتی ئەندامدا ستاندارد دەکرێت، پاشان لە نێوان کەمترین و زۆرترین دەبەسترێتەوە.",
)


def egdi_pack() -> dict[str, Any]:
    osi = [
        _ind(
            "OSI-SP",
            t("Services provision", "تقديم الخدمات", "پێشکەشکردنی خزمەتگوزاری"),
            "OSI",
            weight=0.45,
            sdg=["16.6"],
        ),
        _ind(
            "OSI-EPI",
            t(
                "E-participation (within OSI)",
                "المشاركة الإلكترونية (ضمن مؤشر الخدمات)",
                "بەشداریی ئەلیکترۆنی (لە ناو OSI)",
            ),
            "OSI",
            weight=0.35,
            sdg=["16.7"],
        ),
        _ind(
            "OSI-IF",
            t("Institutional framework", "الإطار المؤسسي", "چوارچێوەی دامەزراوەیی"),
            "OSI",
            weight=0.10,
            sdg=["16.6"],
        ),
        _ind(
            "OSI-CP",
            t("Content provision", "توفير المحتوى", "دابینکردنی ناوەڕۆک"),
            "OSI",
            weight=0.05,
            sdg=["16.10"],
        ),
        _ind("OSI-TEC", t("Technology", "التكنولوجيا", "تەکنەلۆجیا"), "OSI", weight=0.05),
    ]
    tii = [
        _ind(
            "TII-INT",
            t(
                "Individuals using the Internet (%)",
                "الأفراد الذين يستخدمون الإنترنت (%)",
                "ئەو کەسانەی ئینتەرنێت بەکاردەھێنن (%)",
            ),
            "TII",
            answer="percentage",
            lo=0,
            hi=100,
            sdg=["17.8"],
        ),
        _ind(
            "TII-MOB",
            t(
                "Mobile-cellular subscriptions per 100 inhabitants",
                "اشتراكات الهاتف المحمول لكل 100 نسمة",
                "بەشداربوونی مۆبایل بۆ ھەر 100 دانیشتوو",
            ),
            "TII",
            lo=None,
            hi=None,
            sdg=["9.c"],
            description=ZSCORED,
        ),
        _ind(
            "TII-MBB",
            t(
                "Active mobile-broadband subscriptions per 100 inhabitants",
                "اشتراكات النطاق العريض المحمول النشطة لكل 100 نسمة",
                "بەشداربوونی چالاکی ھێڵی پانی مۆبایل بۆ ھەر 100 دانیشتوو",
            ),
            "TII",
            lo=None,
            hi=None,
            sdg=["9.c"],
            description=ZSCORED,
        ),
        _ind(
            "TII-FBB",
            t(
                "Fixed-broadband subscriptions per 100 inhabitants",
                "اشتراكات النطاق العريض الثابت لكل 100 نسمة",
                "بەشداربوونی ھێڵی پانی جێگیر بۆ ھەر 100 دانیشتوو",
            ),
            "TII",
            lo=None,
            hi=None,
            sdg=["17.6"],
            description=ZSCORED,
        ),
        _ind(
            "TII-AFF",
            t(
                "Affordability of mobile and fixed broadband (2024)",
                "القدرة على تحمّل تكلفة النطاق العريض (2024)",
                "گونجاویی نرخی ھێڵی پانی مۆبایل و جێگیر (2024)",
            ),
            "TII",
            lo=None,
            hi=None,
            sdg=["9.c"],
            description=joined(t("Added in 2024.", "أُضيف في 2024.", "لە 2024دا زیاد کرا."), VERIFY),
        ),
    ]
    hci = [
        _ind(
            "HCI-LIT",
            t(
                "Adult literacy rate (%)",
                "معدل الإلمام بالقراءة والكتابة لدى البالغين (%)",
                "ڕێژەی خوێندەواریی گەورەساڵان (%)",
            ),
            "HCI",
            weight=3,
            answer="percentage",
            lo=0,
            hi=100,
            sdg=["4.6"],
        ),
        _ind(
            "HCI-GER",
            t("Gross enrolment ratio (%)", "نسبة الالتحاق الإجمالية (%)", "ڕێژەی گشتیی ناونووسین (%)"),
            "HCI",
            weight=2,
            lo=None,
            hi=None,
            sdg=["4.1"],
            description=ZSCORED,
        ),
        _ind(
            "HCI-EYS",
            t("Expected years of schooling", "سنوات الدراسة المتوقعة", "ساڵانی چاوەڕوانکراوی خوێندن"),
            "HCI",
            weight=2,
            lo=None,
            hi=None,
            sdg=["4.1"],
            description=ZSCORED,
        ),
        _ind(
            "HCI-MYS",
            t("Mean years of schooling", "متوسط سنوات الدراسة", "تێکڕای ساڵانی خوێندن"),
            "HCI",
            weight=2,
            lo=None,
            hi=None,
            sdg=["4.4"],
            description=ZSCORED,
        ),
    ]
    epi = [
        _ind(
            "EPI-INF",
            t("E-information", "المعلومات الإلكترونية", "زانیاریی ئەلیکترۆنی"),
            "EPI",
            sdg=["16.10"],
        ),
        _ind("EPI-CON", t("E-consultation", "التشاور الإلكتروني", "ڕاوێژی ئەلیکترۆنی"), "EPI", sdg=["16.7"]),
        _ind(
            "EPI-DEC",
            t("E-decision-making", "صنع القرار الإلكتروني", "بڕیاردانی ئەلیکترۆنی"),
            "EPI",
            sdg=["16.7"],
        ),
    ]

    def pillar(
        pid: str,
        name: dict[str, str],
        desc: dict[str, str],
        inds: list[dict[str, Any]],
        weight: float = 1.0,
        sub_name: dict[str, str] | None = None,
    ) -> dict[str, Any]:
        out: dict[str, Any] = {"id": pid, "name": name, "description": desc}
        if weight != 1.0:
            out["weight"] = weight
        out["sub_areas"] = [
            {
                "id": f"{pid}-parts",
                "name": sub_name or t("Components", "المكونات", "پێکھاتەکان"),
                "indicators": inds,
            }
        ]
        return out

    pillars = [
        pillar(
            "OSI",
            t("Online Service Index", "مؤشر الخدمات الإلكترونية", "پێوەری خزمەتگوزارییە ئۆنلاینەکان"),
            joined(
                t(
                    "Assessment of the national portal and questionnaire; sub-index weights as reported for "
                    "2022/2024:",
                    "تقييم البوابة الوطنية والاستبيان؛ أوزان المؤشرات الفرعية كما وردت لعامي 2022 و2024:",
                    "ھەڵسەنگاندنی دەروازەی نیشتمانی و پرسیارنامە؛ کێشی ژێرپێوەرەکان وەک بۆ 2022/2024 ڕاگەیەندراوە:",
                ),
                t(
                    "SP 45 %, EPI 35 %, IF 10 %, CP 5 %, TEC 5 %",
                    "الخدمات 45٪، المشاركة 35٪، الإطار 10٪، المحتوى 5٪، التكنولوجيا 5٪",
                    "خزمەتگوزاری 45٪، بەشداری 35٪، چوارچێوە 10٪، ناوەڕۆک 5٪، تەکنەلۆجیا 5٪",
                ),
                VERIFY,
            ),
            osi,
            sub_name=t("Sub-indices", "المؤشرات الفرعية", "ژێرپێوەرەکان"),
        ),
        pillar(
            "TII",
            t(
                "Telecommunication Infrastructure Index",
                "مؤشر البنية التحتية للاتصالات",
                "پێوەری ژێرخانی گەیاندن",
            ),
            t(
                "ITU indicators (2020–2022: four, equal weight; 2024 adds affordability).",
                "مؤشرات الاتحاد الدولي للاتصالات (2020–2022: أربعة بأوزان متساوية؛ أضاف 2024 القدرة على تحمّل التكلفة).",
                "پێوەرەکانی یەکێتیی نێودەوڵەتیی گەیاندن (2020–2022: چوار بە کێشی یەکسان؛ 2024 گونجاویی نرخی زیاد کرد).",
            ),
            tii,
            sub_name=t("Indicators", "المؤشرات", "پێوەرەکان"),
        ),
        pillar(
            "HCI",
            t("Human Capital Index", "مؤشر رأس المال البشري", "پێوەری سەرمایەی مرۆیی"),
            joined(
                t(
                    "Literacy ⅓, enrolment, expected and mean years of schooling 2⁄9 each.",
                    "الإلمام بالقراءة والكتابة ⅓، والالتحاق وسنوات الدراسة المتوقعة ومتوسطها 2⁄9 لكل منها.",
                    "خوێندەواری ⅓، ناونووسین و ساڵانی چاوەڕوانکراو و تێکڕای خوێندن ھەر یەکە 2⁄9.",
                ),
                VERIFY,
            ),
            hci,
            sub_name=t("Indicators", "المؤشرات", "پێوەرەکان"),
        ),
        pillar(
            "EPI",
            t("E-Participation Index", "مؤشر المشاركة الإلكترونية", "پێوەری بەشداریی ئەلیکترۆنی"),
            t(
                "Published beside EGDI; not part of EGDI (weight 0 here).",
                "يُنشر إلى جانب مؤشر تنمية الحكومة الإلكترونية ولا يدخل في حسابه (وزنه 0 هنا).",
                "لە تەنیشت EGDI بڵاو دەکرێتەوە؛ بەشێک نییە لە EGDI (کێشی لێرە 0ـە).",
            ),
            epi,
            weight=0.0,
            sub_name=t(
                "Stages of e-participation", "مراحل المشاركة الإلكترونية", "قۆناغەکانی بەشداریی ئەلیکترۆنی"
            ),
        ),
    ]
    groups = [
        ("VH", t("Very high EGDI (0.75–1.00)", "مرتفع جداً (0.75–1.00)", "زۆر بەرز (0.75–1.00)")),
        ("H", t("High EGDI (0.50–0.75)", "مرتفع (0.50–0.75)", "بەرز (0.50–0.75)")),
        ("M", t("Middle EGDI (0.25–0.50)", "متوسط (0.25–0.50)", "مامناوەند (0.25–0.50)")),
        ("L", t("Low EGDI (below 0.25)", "منخفض (أقل من 0.25)", "نزم (خوار 0.25)")),
    ]
    return {
        "schema_version": 1,
        "id": "egdi",
        "version": "2024",
        "kind": "reference",
        "name": t(
            "UN E-Government Development Index (EGDI)",
            "مؤشر تنمية الحكومة الإلكترونية للأمم المتحدة (EGDI)",
            "پێوەری گەشەپێدانی حکومەتی ئەلیکترۆنیی نەتەوە یەکگرتووەکان (EGDI)",
        ),
        "description": joined(
            t(
                "EGDI = (OSI + TII + HCI) / 3, each component min–max normalised; groups VH/H/M/L at 0.75/0.50/0.25, "
                "each split in four rating classes since 2020. EPI is published beside it.",
                "المؤشر = (OSI + TII + HCI) / 3 بعد تطبيع كل مكون؛ المجموعات عند 0.75/0.50/0.25 وتنقسم كل منها إلى أربع "
                "فئات تصنيف منذ 2020. يُنشر مؤشر المشاركة الإلكترونية إلى جانبه.",
                "EGDI = (OSI + TII + HCI) / 3 دوای ئاساییکردنی ھەر پێکھاتەیەک؛ گرووپەکان لە 0.75/0.50/0.25 و لە 2020ـەوە ھەر "
                "یەکەیان بۆ چوار پۆلی ھەڵسەنگاندن دابەش دەکرێت. EPI لە تەنیشتیەوە بڵاو دەکرێتەوە.",
            ),
            PROPOSED,
        ),
        "publisher": "UN DESA",
        "licence": "UN terms of use (re-use with attribution)",
        "source": "UN DESA E-Government Survey methodology (publicadministration.un.org/egovkb/en-us/About/Methodology); "
        "OSI sub-index weights and HCI/TII weights to verify against each edition's annex.",
        "pillars": pillars,
        "catalogue": [{"id": f"group-{g}", "kind": "group", "name": name} for g, name in groups],
    }


# ----------------------------------------------------------------------------------------- UNDP DTF
# (ar, ckb) for the definition and the five stage descriptors of every pillar / sub-pillar row.
DTF_TEXT: dict[str, list[tuple[str, str]]] = {
    "business": [
        ("دعم القطاع الخاص للتحول الرقمي", "پشتگیریی دیجیتاڵیی کەرتی تایبەت"),
        ("تكامل رقمي محدود بين القطاعات", "یەکگرتنی دیجیتاڵیی سنووردار لە نێوان کەرتەکاندا"),
        (
            "تزايد انتشار التكنولوجيا في القطاعات الرئيسية",
            "زیادبوونی بڵاوبوونەوەی تەکنەلۆجیا لە کەرتە سەرەکییەکاندا",
        ),
        ("تعاون بين القطاعات. تمويل أولي.", "ھاوکاریی نێوان کەرتەکان. داراییی سەرەتایی."),
        (
            "تنسيق رقمي بين القطاعات. تمويل برأس المال الجريء.",
            "ھەماھەنگیی دیجیتاڵی لە نێوان کەرتەکاندا. داراییی سەرمایەی وەبەرھێنانی مەترسیدار.",
        ),
        (
            "صناعة رقمية. تطبيق معايير المسؤولية الرقمية.",
            "پیشەسازیی دیجیتاڵی. جێبەجێکردنی ستانداردەکانی بەرپرسیارێتیی دیجیتاڵی.",
        ),
    ],
    "business.financing-incentives": [
        (
            "الخدمات المصرفية وغير المصرفية، والوصول إلى رأس المال الجريء، والتمويل الجماعي وغيرها",
            "بانکی، نابانکی، دەستگەیشتن بە سەرمایەی وەبەرھێنانی مەترسیدار، کۆکردنەوەی پارە لە خەڵک و ھتد",
        ),
        ("أساساً من المؤسسات الدولية", "بە زۆری لە دامەزراوە نێودەوڵەتییەکانەوە"),
        ("مدعوم من منظومة المستثمرين الملائكيين", "بە پشتیوانیی ژینگەی وەبەرھێنەرە فریشتەکان"),
        ("دعم كبير من رأس المال الجريء", "پشتیوانیی بەرچاوی سەرمایەی وەبەرھێنانی مەترسیدار"),
        ("الخدمات المصرفية التقليدية متاحة", "بانکداریی نەریتی بەردەستە"),
        (
            "منح البحث والتطوير ورأس المال الجريء الأجنبي متاحة",
            "بەخشینی توێژینەوە و گەشەپێدان و سەرمایەی وەبەرھێنانی بیانی بەردەستن",
        ),
    ],
    "business.impact-commitments": [
        (
            "أعراف التكنولوجيا الرقمية، ومتطلبات الشفافية، وأساليب الإبلاغ",
            "نۆرمەکانی تەکنەلۆجیای دیجیتاڵی، پێداویستییەکانی ڕوونی، ڕێگاکانی ڕاپۆرتدان",
        ),
        ("سياسات الخصوصية وشروط الخدمة", "سیاسەتەکانی تایبەتمەندی و مەرجەکانی خزمەتگوزاری"),
        (
            "الالتزام بمعايير على غرار اللائحة الأوروبية العامة لحماية البيانات",
            "پابەندبوون بە شێوەی ڕێساکانی گشتیی پاراستنی داتای یەکێتیی ئەورووپا",
        ),
        (
            "هيكل للالتزام بأثر إيجابي اجتماعي واقتصادي وتكنولوجي وبيئي",
            "پێکھاتەیەک بۆ پابەندبوون بە کاریگەریی ئەرێنیی کۆمەڵایەتی، ئابووری، تەکنەلۆجی و ژینگەیی",
        ),
        (
            "تدقيق الأمن العام والخصوصية والتوظيف / تقارير الشفافية",
            "وردبینیی ئاسایشی گشتی، تایبەتمەندی و دامەزراندن / ڕاپۆرتەکانی ڕوونی",
        ),
        (
            "بيانات مفتوحة وخوارزميات شفافة وممارسات توظيف شاملة",
            "داتای کراوە + ئەلگۆریتمی ڕوون + ڕێوشوێنی دامەزراندنی گشتگیر",
        ),
    ],
    "business.startup-environment": [
        (
            "قوة الحقوق القانونية، والوقت اللازم لبدء النشاط التجاري، وسهولة ممارسة الأعمال",
            "بەھێزیی مافە یاساییەکان، کاتی دەستپێکردنی بازرگانی، ئاسانیی کارکردن",
        ),
        (
            "بدء النشاط التجاري يتطلب أوراقاً مطوّلة وتعقيدات قانونية ورسوماً كثيرة",
            "دەستپێکردنی بازرگانی پێویستی بە کاغەزکاریی درێژ، ئاڵۆزیی یاسایی و کرێی زۆر ھەیە",
        ),
        (
            "سهولة تجهيز مكتب بالبناء والكهرباء والإنترنت",
            "دامەزراندنی نووسینگە بە بیناسازی، کارەبا و ئینتەرنێتەوە ئاسانە",
        ),
        (
            "يمكن تأسيس الشركات بسرعة. توجد حماية للأعمال الإلكترونية.",
            "کۆمپانیاکان بە خێرایی دادەمەزرێن. پاراستن بۆ بازرگانیی ئۆنلاین ھەیە.",
        ),
        (
            "الضرائب والخدمات المصرفية والتوظيف سهلة الإنجاز",
            "باج، بانکداری و دامەزراندن بە ئاسانی ئەنجام دەدرێن",
        ),
        (
            "إنفاذ رقمي للعقود. جميع الخدمات الحكومية متاحة فوراً عبر الإنترنت.",
            "جێبەجێکردنی دیجیتاڵیی گرێبەستەکان. ھەموو خزمەتگوزارییە حکومییەکان دەستبەجێ بە ئۆنلاین بەردەستن.",
        ),
    ],
    "business.technology-adoption": [
        (
            "المدفوعات، وتبنّي أنظمة تخطيط موارد المؤسسات وإدارة علاقات العملاء، وتبنّي التكنولوجيا، والأسواق الإلكترونية",
            "پارەدان، بەکارخستنی سیستەمەکانی پلاندانانی سەرچاوەکان و بەڕێوەبردنی پەیوەندیی کڕیار، بەکارخستنی تەکنەلۆجیا، بازاڕە ئەلیکترۆنییەکان",
        ),
        ("تعمل الشركات عبر البريد الإلكتروني", "کۆمپانیاکان بە ئیمەیڵ کار دەکەن"),
        ("تعمل الشركات عبر تطبيقات المحادثة", "کۆمپانیاکان بە چات کار دەکەن"),
        (
            "تعمل القطاعات الرئيسية باستخدام أدوات رقمية متنوعة للإدارة",
            "کەرتە سەرەکییەکان بە ئامرازی دیجیتاڵیی جۆراوجۆر بەڕێوە دەبرێن",
        ),
        (
            "تعمل معظم القطاعات باستخدام أدوات رقمية متنوعة للإدارة",
            "زۆربەی کەرتەکان بە ئامرازی دیجیتاڵیی جۆراوجۆر بەڕێوە دەبرێن",
        ),
        ("معظم الشركات رقمية افتراضياً", "زۆربەی کۆمپانیاکان بە شێوەی بنەڕەت دیجیتاڵین"),
    ],
    "foundations": [
        (
            "المحفزات الرقمية الأساسية أنظمة رقمية شاملة يمكنها تسريع التقدم في جميع أجزاء التحول الرقمي",
            "ھاندەرە دیجیتاڵییە بنەڕەتییەکان سیستەمی دیجیتاڵیی گشتگیرن کە دەتوانن پێشکەوتن لە ھەموو بەشەکانی گۆڕانکاریی دیجیتاڵیدا خێرا بکەن",
        ),
        (
            "منعزلة تعمل كلٌّ على حدة و/أو تفتقد عناصر أساسية كلياً",
            "دابڕاون و بە جیا کار دەکەن و/یان توخمە سەرەکییەکانیان بە تەواوی نییە",
        ),
        ("متزامنة جزئياً للعمل معاً", "بە بەشێک ھاوکات کراون بۆ ئەوەی پێکەوە کار بکەن"),
        (
            "متزامنة كلياً للعمل معاً مع حماية خصوصية المستخدم وتحكّمه",
            "بە تەواوی ھاوکات کراون بۆ کارکردنی پێکەوەیی لەگەڵ پاراستنی تایبەتمەندی و کۆنتڕۆڵی بەکارھێنەر",
        ),
        (
            "تستخدم معايير مفتوحة وتضمن الحياد تجاه المورّدين والتقنيات",
            "ستانداردی کراوە بەکاردێنن و بێلایەنی بەرامبەر دابینکەر و تەکنەلۆجیا مسۆگەر دەکەن",
        ),
        (
            "تضمن تغطية شاملة للأفراد من الولادة حتى الوفاة دون تمييز",
            "داپۆشینی گشتی بۆ تاکەکان لە لەدایکبوونەوە تا مردن بەبێ جیاکاری مسۆگەر دەکەن",
        ),
    ],
    "foundations.data-exchange": [
        (
            "البيانات الحكومية المفتوحة والبيانات الخاصة، مثل السجلات",
            "داتای کراوەی حکومی و داتای تایبەت، وەک تۆمارەکان",
        ),
        ("البيانات محدودة ومنعزلة وورقية", "داتا سنووردار، دابڕاو و کاغەزییە"),
        (
            "تُتبادل بعض البيانات عبر ملفات PDF مصوّرة",
            "ھەندێک داتا لە ڕێگەی فایلی PDFی وێنەییەوە ھاوبەش دەکرێت",
        ),
        (
            "تُتبادل البيانات عبر ملفات PDF وجداول بيانات قابلة للقراءة آلياً",
            "داتا لە ڕێگەی PDF و خشتەی خوێندراوە بە ئامێرەوە ھاوبەش دەکرێت",
        ),
        (
            "يوجد معيار لنشر البيانات يتزايد الالتزام به. معظم البيانات متاحة.",
            "ستانداردێک بۆ بڵاوکردنەوەی داتا ھەیە کە زیاتر پەیڕەو دەکرێت. زۆربەی داتا بەردەستە.",
        ),
        (
            "تُنشر البيانات العامة افتراضياً بشكل منظّم ويمكن الوصول إليها عبر واجهات برمجة التطبيقات",
            "داتای گشتی بە شێوەی بنەڕەت بە شێوازێکی ڕێکخراو و لە ڕێگەی APIـەوە بڵاو دەکرێتەوە",
        ),
    ],
    "foundations.digital-legal-identity": [
        (
            "نظام وطني للهوية القانونية الرقمية يغطي جميع السكان، ويمكن للجهات المعنية استخدامه للوصول إلى الخدمات وإجراء المعاملات",
            "سیستەمی نیشتمانیی ناسنامەی یاسایی دیجیتاڵی کە ھەموو دانیشتووان دەگرێتەوە؛ لایەنە پەیوەندیدارەکان دەتوانن بۆ گەیشتن بە خزمەتگوزاری و مامەڵەکردن بەکاری بھێنن",
        ),
        ("سجل ورقي للمواليد والوفيات", "تۆماری کاغەزیی لەدایکبوون و مردن"),
        ("السجلات محوّلة إلى صيغة رقمية", "تۆمارەکان کراونەتە شێوەی دیجیتاڵی"),
        ("السجلات مستخدمة في عمليات رقمية", "تۆمارەکان لە پرۆسە دیجیتاڵییەکاندا بەکاردێن"),
        (
            "السجلات متكاملة مع الخدمات الحكومية وخدمات الأعمال",
            "تۆمارەکان لەگەڵ خزمەتگوزارییەکانی حکومەت و بازرگانی یەکگرتوون",
        ),
        (
            "نظام هوية اتحادي / ذاتي السيادة مع جهات تحقق متعددة",
            "سیستەمی ناسنامەی فیدراڵی / خۆسەروەر لەگەڵ چەند پشتڕاستکەرەوەیەک",
        ),
    ],
    "foundations.digital-payments": [
        (
            "منظومة المدفوعات الرقمية التي تشمل مقدمي الخدمات المالية الرقمية، والخدمات المالية الرقمية، وخدمات الدعم والممكّنات "
            "(مثل المنصات والوكلاء والمعالِجين)، والتشغيل البيني الإقليمي والعالمي",
            "ژینگەی پارەدانی دیجیتاڵی کە دابینکەرانی خزمەتگوزاریی داراییی دیجیتاڵی، خزمەتگوزارییە داراییە دیجیتاڵییەکان، خزمەتگوزارییەکانی "
            "پشتگیری و ڕێخۆشکەرەکان (وەک سەکۆ، بریکار و پرۆسێسکەر) و کارلێکی ھەرێمی و جیھانی دەگرێتەوە",
        ),
        (
            "الخدمات المصرفية التقليدية: الوسيلة الرئيسية لإدارة الأموال والمدفوعات منذ القرن التاسع عشر، وتتمحور حول الحسابات المصرفية والدفع نقداً أو بالشيكات",
            "بانکداریی نەریتی: ڕێگای سەرەکیی بەڕێوەبردنی پارە و پارەدان لە سەدەی نۆزدەھەمەوە، کە لەسەر ئەژمێری بانکی و پارەدان بە نەختینە یان چەک دامەزراوە",
        ),
        (
            "إتاحة الوصول الرقمي إلى الحسابات المصرفية: رقمنة الخدمات المصرفية التقليدية ببطاقات الخصم والائتمان والخدمات المصرفية عبر الإنترنت للمدفوعات غير النقدية",
            "دەستگەیشتنی دیجیتاڵی بە ئەژمێری بانکی: دیجیتاڵکردنی بانکداریی نەریتی بە کارتی بانکی و کارتی قەرز و بانکداریی ئۆنلاین بۆ پارەدانی بێ نەختینە",
        ),
        (
            "الحسابات المسبقة الدفع والأموال عبر الهاتف المحمول: بطاقات الدفع المسبق والتطبيقات وحسابات الأموال المتنقلة التي قد لا تتطلب حساباً مصرفياً",
            "ئەژمێری پێشوەختە و پارەی مۆبایل: کارتی پارەدانی پێشوەختە، ئەپ و ئەژمێری پارەی مۆبایل کە لەوانەیە پێویستیان بە ئەژمێری بانکی نەبێت",
        ),
        (
            "فصل أنظمة الدفع: محافظ رقمية يبدأ فيها الدفع من جهاز متصل بينما تبقى الأموال في حساب مصرفي أو مسبق الدفع",
            "جیاکردنەوەی سیستەمەکانی پارەدان: جزدانی دیجیتاڵی کە پارەدان لە ئامێرێکی پەیوەستەوە دەست پێدەکات و پارەکە لە ئەژمێری بانکی یان پێشوەختەدا دەمێنێتەوە",
        ),
        (
            "فصل حساب العملة: محافظ رقمية تُحوَّل فيها الأموال إلى عملة خاصة أو محلية متاحة على الجهاز أو التطبيق فقط",
            "جیاکردنەوەی ئەژمێری دراو: جزدانی دیجیتاڵی کە پارەکە دەگۆڕدرێت بۆ دراوێکی تایبەت یان ناوخۆیی کە تەنھا لەسەر ئامێرەکە یان ئەپەکە بەردەستە",
        ),
    ],
    "government": [
        ("الدعم المؤسسي الوطني للتحول الرقمي", "پشتگیریی دیجیتاڵیی دامەزراوەیی نیشتمانی"),
        ("قدرات محدودة", "توانای سنووردار"),
        (
            "مبادرات رقمية أولى منعزلة. دعم سياسي محدود.",
            "یەکەم دەستپێشخەرییە دیجیتاڵییەکان بە دابڕاوی. پشتگیریی سیاسیی سنووردار.",
        ),
        ("رؤية واستراتيجية مشتركتان. تشجيع معلن.", "بینین و ستراتیژیی ھاوبەش. بە ئاشکرا ھاندەدرێت."),
        (
            "مدمج في صنع القرار. مقنّن في القرارات الإدارية.",
            "لە بڕیارداندا جێگیر کراوە. لە بڕیارە کارگێڕییەکاندا ڕێکخراوە.",
        ),
        ("ثقافة ابتكار. مقنّن في التشريعات.", "کەلتووری داھێنان. لە یاسادا ڕێکخراوە."),
    ],
    "government.capabilities": [
        (
            "المواهب التقنية، وتبنّي التكنولوجيا، وأساليب العمل",
            "بەھرەی تەکنیکی، بەکارخستنی تەکنەلۆجیا، شێوازەکانی کارکردن",
        ),
        (
            "تُختار الأدوات بشكل مستقل وتتباين كثيراً واستخدامها محدود",
            "ئامرازەکان بە سەربەخۆیی ھەڵدەبژێردرێن، زۆر جیاوازن و بەکارھێنانیان سنووردارە",
        ),
        (
            "لا يُسمح إلا بالأدوات المعتمدة مؤسسياً ونادراً ما تُستخدم",
            "تەنھا ئامرازە پەسەندکراوەکانی دامەزراوە ڕێگەپێدراون و بە دەگمەن بەکاردێن",
        ),
        ("يتقن الموظفون العمل عبر الإنترنت", "کارمەندان لە کارکردنی ئۆنلایندا شارەزان"),
        (
            "تُعتمد أدوات متخصصة. تُؤتمت العمليات المكررة. يجري التنسيق رقمياً بين الإدارات.",
            "ئامرازی تایبەتمەند دەناسێنرێن. پرۆسە دووبارەکان ئۆتۆماتیک دەکرێن. ھەماھەنگی لە نێوان بەشەکاندا بە دیجیتاڵی دەکرێت.",
        ),
        ("أسلوب العمل المرن هو القاعدة", "شێوازی کاری نەرم (Agile) ئاساییە"),
    ],
    "government.digital-public-services": [
        (
            "استراتيجية/برامج لرقمنة أهم الخدمات العامة بما فيها المشاركة الإلكترونية، ومعايير تصميم الخدمات وتقديمها، وإطار شامل "
            "لحوكمة البيانات، واستراتيجية البيانات الحكومية المفتوحة، واستراتيجية مراكز البيانات",
            "ستراتیژی/بەرنامە بۆ دیجیتاڵکردنی گرنگترین خزمەتگوزارییە گشتییەکان لەوانە بەشداریی ئەلیکترۆنی، ستانداردەکانی دیزاین و "
            "پێشکەشکردنی خزمەتگوزاری، چوارچێوەی گشتگیری حوکمڕانیی داتا، ستراتیژیی داتای کراوەی حکومی، ستراتیژیی ناوەندی داتا",
        ),
        ("تُنجز الخدمات ورقياً", "خزمەتگوزارییەکان بە کاغەز ئەنجام دەدرێن"),
        ("تحويل رقمي أولي للمستندات", "دیجیتاڵکردنی سەرەتاییی بەڵگەنامەکان"),
        ("رقمنة أولية للعمليات", "دیجیتاڵکردنی سەرەتاییی پرۆسەکان"),
        (
            "اعتماد مبادئ التنمية الرقمية والالتزام بها",
            "پەسەندکردن و پەیڕەوکردنی بنەماکانی گەشەپێدانی دیجیتاڵی",
        ),
        ("إنشاء منافع عامة رقمية قابلة للتكرار", "دروستکردنی کاڵای گشتیی دیجیتاڵیی دووبارەبەکارھاتوو"),
    ],
    "government.funding-and-procurement": [
        (
            "نهج منظومي لمشتريات تكنولوجيا المعلومات والاتصالات واستراتيجية/موازنة تمويل التحول الرقمي",
            "ڕێبازی سیستەمی بۆ کڕینی تەکنەلۆجیای زانیاری و گەیاندن و ستراتیژی/بودجەی دارایی بۆ گۆڕانکاریی دیجیتاڵی",
        ),
        (
            "تُجمع الموازنات الرقمية من أموال مخصصة لإدارات مختلفة",
            "بودجەی دیجیتاڵی لە پارەی تەرخانکراو بۆ بەشە جیاوازەکان کۆ دەکرێتەوە",
        ),
        ("تخصص الإدارات موازنات رقمية سنوياً", "بەشەکان ساڵانە بودجەی دیجیتاڵی تەرخان دەکەن"),
        (
            "يعتمد التحول الرقمي على مفاوضات الموازنة السنوية",
            "دیجیتاڵ پشت بە دانوستانی بودجەی ساڵانە دەبەستێت",
        ),
        (
            "يُدعم التحول الرقمي بتخصيص رأسمالي متعدد السنوات",
            "دیجیتاڵ بە تەرخانکردنی سەرمایەی چەند ساڵە پشتگیری دەکرێت",
        ),
        (
            "تشمل الموازنات متعددة السنوات تمويل التشغيل والنفقات الرأسمالية معاً",
            "بودجەی چەند ساڵە دارایی بۆ کارپێکردن و خەرجیی سەرمایەیی پێکەوە دەگرێتەوە",
        ),
    ],
    "government.leadership-and-coordination": [
        ("تفويض سياسي رفيع المستوى ومسؤوليات واضحة", "ڕاسپاردەی سیاسیی باڵا و بەرپرسیارێتیی ڕوون"),
        (
            "قيادة التكنولوجيا مستقلة دون رعاية تنفيذية رسمية",
            "سەرکردایەتیی تەکنەلۆجیا سەربەخۆیە بەبێ پشتیوانیی فەرمیی جێبەجێکار",
        ),
        (
            "للتحول الرقمي علاقة رسمية براعيه التنفيذي فقط",
            "دیجیتاڵ تەنھا پەیوەندیی فەرمیی لەگەڵ پشتیوانە جێبەجێکارەکەیدا ھەیە",
        ),
        (
            "للتحول الرقمي علاقات رسمية مع رعاة تنفيذيين متعددين عبر الإدارات",
            "دیجیتاڵ پەیوەندیی فەرمیی لەگەڵ چەند پشتیوانێکی جێبەجێکار لە بەشە جیاوازەکاندا ھەیە",
        ),
        ("تشجّع القيادة العليا التحول الرقمي علناً", "سەرکردایەتیی باڵا بە ئاشکرا دیجیتاڵ ھان دەدات"),
        (
            "تقدّر غالبية القيادة العليا التحول الرقمي وتدعمه",
            "زۆربەی سەرکردایەتیی باڵا بەھای گۆڕانکاریی دیجیتاڵی دەزانێت و پشتگیریی دەکات",
        ),
    ],
    "government.monitoring": [
        ("مؤشرات أداء رئيسية للمتابعة", "پێوەرە سەرەکییەکانی ئەدا بۆ بەدواداچوون"),
        ("قيود مشددة على الإصدارات والاختبار", "سنووردارکردنی توند لەسەر بڵاوکردنەوە و تاقیکردنەوە"),
        (
            "تُصان المشاريع لمعالجة المشكلات لا لتحسين المنافع",
            "پڕۆژەکان بۆ چارەسەری کێشەکان ڕادەگیرێن نەک بۆ باشترکردنی سوودەکان",
        ),
        (
            "يُتابع اختبار تجربة المستخدم ومقاييسها في المشاريع الرقمية بعد إطلاقها",
            "تاقیکردنەوە و پێوەرەکانی ئەزموونی بەکارھێنەر دوای دەستپێکردن لە پڕۆژە دیجیتاڵییەکاندا بەدواداچوونیان بۆ دەکرێت",
        ),
        (
            "نهج ألفا-بيتا-التشغيل هو المعيار، مع مقاييس موحدة لمتابعة النجاح والأثر",
            "ڕێبازی ئەلفا-بیتا-کارپێکردن ستانداردە، لەگەڵ پێوەری ستاندارد بۆ بەدواداچوونی سەرکەوتن و کاریگەری",
        ),
        (
            "المعيار هو العمل العلني مع إتاحة البيانات والمعلومات",
            "ستاندارد کارکردنی ئاشکرایە لەگەڵ بەردەستبوونی داتا و زانیاری",
        ),
    ],
    "infrastructure": [
        ("أدوات مادية وغير مادية لتمكين التحول الرقمي", "ئامرازی نەرم و ڕەق بۆ ڕێخۆشکردنی دیجیتاڵ"),
        (
            "بنية تحتية محدودة. وصول إلى كوابل الإنترنت البحرية.",
            "ژێرخانی سنووردار. دەستگەیشتن بە کێبڵی ئینتەرنێتی ژێر دەریا.",
        ),
        (
            "تنامي مزودي خدمة الإنترنت وشبكات الهاتف المحمول.",
            "زیادبوونی دابینکەرانی خزمەتگوزاریی ئینتەرنێت و تۆڕەکانی مۆبایل.",
        ),
        (
            "تنامي الاتصال. منظومات محدودة للمطورين والأعمال.",
            "زیادبوونی پەیوەستبوون. ژینگەی سنوورداری پەرەپێدەران و بازرگانی.",
        ),
        (
            "اتصال ميسور التكلفة. سلاسل توريد قوية. تنامي المراكز التقنية.",
            "پەیوەستبوونی گونجاو لە نرخدا. زنجیرەی دابینکردنی بەھێز. زیادبوونی ناوەندە تەکنەلۆجییەکان.",
        ),
        (
            "نطاق عريض شامل. إنترنت الأشياء. منظومات شاملة للجميع.",
            "ھێڵی پانی گشتی. ئینتەرنێتی شتەکان. ژینگەی گشتگیر.",
        ),
    ],
    "infrastructure.connectivity-technology": [
        (
            "توفّر النطاق العريض والإنترنت المحمول وخدمات وأجهزة الهاتف المحمول والكهرباء وغيرها، وقدرة تحمّل تكلفتها وجودتها",
            "بەردەستبوون، گونجاویی نرخ و کوالیتیی ئینتەرنێتی ھێڵی پان، ئینتەرنێتی مۆبایل، خزمەتگوزاری و ئامێرەکانی مۆبایل، کارەبا و ھتد",
        ),
        ("نطاق عريض محدود (محمول وثابت)", "ھێڵی پانی سنووردار (مۆبایل و دابینکەر)"),
        (
            "نطاق عريض ثابت في المدن. تغطية الهاتف المحمول في الريف.",
            "ھێڵی پانی دابینکەر لە شارەکاندا. داپۆشینی مۆبایل لە گوندەکاندا.",
        ),
        (
            "نطاق عريض ثابت في المدن الرئيسية والمناطق الميسورة. تغطية النطاق العريض المحمول في المدن الرئيسية.",
            "ھێڵی پانی دابینکەر لە شارە سەرەکییەکان و ناوچە دەوڵەمەندەکاندا. داپۆشینی ھێڵی پانی مۆبایل لە شارە سەرەکییەکاندا.",
        ),
        (
            "تغطية شاملة بالجيل الرابع. نطاق عريض ثابت ميسور التكلفة وسهل الوصول في المدن.",
            "4Gی گشتی. ھێڵی پانی دابینکەر لە شارەکاندا بە نرخی گونجاو و دەستگەیشتنی ئاسان.",
        ),
        (
            "نطاق عريض محمول شامل. نطاق عريض ثابت شامل. ميسور التكلفة وسهل الوصول وآمن.",
            "ھێڵی پانی مۆبایلی گشتی. ھێڵی پانی دابینکەری گشتی. نرخی گونجاو، دەستگەیشتنی ئاسان، پارێزراو.",
        ),
    ],
    "infrastructure.innovation-ecosystem": [
        (
            "مجموعات مصالح الأعمال، والجامعات المحلية ومؤسسات البحث الأخرى، وشراكات الابتكار المحلية، والقوى العاملة الرقمية المحلية، والمراكز التقنية وغيرها",
            "گرووپەکانی بەرژەوەندیی بازرگانی، زانکۆ ناوخۆییەکان و دامەزراوەکانی تری توێژینەوە، ھاوبەشییە ناوخۆییەکانی داھێنان، ھێزی کاری دیجیتاڵیی ناوخۆیی، ناوەندە تەکنەلۆجییەکان و ھتد",
        ),
        ("جامعات بمناهج قديمة ومدارس بلا إنترنت", "زانکۆ بە مەنھەجی کۆن و قوتابخانەی بێ ئینتەرنێت"),
        ("مغتربون منخرطون", "دیاسپۆرای بەشدار"),
        ("تنامي منظومة مطوري البرمجيات", "زیادبوونی ژینگەی پەرەپێدەرانی نەرمەکاڵا"),
        (
            "تنامي منظومة الشركات الناشئة والمساحات التقنية. انتشار التعليم الرقمي",
            "زیادبوونی ژینگەی کۆمپانیا نوێکان و شوێنە تەکنەلۆجییەکان. پەروەردەی دیجیتاڵیی بڵاو",
        ),
        (
            "تنامي منظومة رأس المال الجريء. تنوّع في المساحات التقنية وعبر المنظومات.",
            "زیادبوونی ژینگەی سەرمایەی وەبەرھێنانی مەترسیدار. فرەچەشنی لە شوێنە تەکنەلۆجییەکان و ژینگەکاندا.",
        ),
    ],
    "people": [
        (
            "عدم ترك أي مواطن خلف الركب في التحول الرقمي",
            "ھیچ ھاووڵاتییەک لە پشتگیریی دیجیتاڵیدا بەجێ نەھێڵرێت",
        ),
        (
            "إلمام محدود بالقراءة والكتابة. نفور ثقافي من التكنولوجيا.",
            "خوێندەواریی سنووردار. دوورەپەرێزیی کەلتووری لە تەکنەلۆجیا.",
        ),
        (
            "معرفة رقمية محدودة. تركيز على الاستهلاك. فجوة رقمية عميقة.",
            "خوێندەواریی دیجیتاڵیی سنووردار. سەرنج لەسەر بەکاربردن. کەلێنی دیجیتاڵیی قووڵ.",
        ),
        (
            "تنامي المعرفة الرقمية. زيادة الإنتاج. تقبّل التكنولوجيا.",
            "زیادبوونی خوێندەواریی دیجیتاڵی. بەرھەمھێنان زیاد دەکات. تەکنەلۆجیا پەسەند دەکرێت.",
        ),
        (
            "مستويات عالية من المعرفة الرقمية. معاملات مالية عبر الإنترنت.",
            "ئاستی بەرزی خوێندەواریی دیجیتاڵی. مامەڵەی داراییی ئۆنلاین.",
        ),
        ("فجوة رقمية محدودة.", "کەلێنی دیجیتاڵیی سنووردار."),
    ],
    "people.culture": [
        (
            "الثقة بالتقنيات الرقمية، والمواقف تجاه مخاطر ريادة الأعمال، والأعراف الاجتماعية لاستخدام الإنترنت والتكنولوجيا وامتلاكها",
            "متمانە بە تەکنەلۆجیا دیجیتاڵییەکان، ھەڵوێست بەرامبەر مەترسییەکانی کارئافرێنی، نۆرمە کۆمەڵایەتییەکانی بەکارھێنان و خاوەندارێتیی ئینتەرنێت و تەکنەلۆجیا",
        ),
        ("يُنظر إلى الرقمي على أنه غريب", "دیجیتاڵ وەک شتێکی بیانی دەبینرێت"),
        ("يُنظر إلى الرقمي على أنه محفوف بالمخاطر", "دیجیتاڵ وەک مەترسیدار دەبینرێت"),
        ("يُنظر إلى الرقمي على أنه ابتكار", "دیجیتاڵ وەک داھێنان دەبینرێت"),
        (
            "إعطاء الأولوية للتعليم الرقمي وتعليم العلوم والتكنولوجيا والهندسة والرياضيات",
            "پەروەردەی دیجیتاڵی و زانست و تەکنەلۆجیا و ئەندازیاری و بیرکاری لە پێشینەدایە",
        ),
        (
            "يُنظر إلى الرقمي على أنه مهارة أساسية للمجتمع",
            "دیجیتاڵ وەک کارامەییەکی بنەڕەتی بۆ کۆمەڵگا دەبینرێت",
        ),
    ],
    "people.digital-literacy-skills": [
        (
            "قدرة جميع فئات المجتمع (جميع المناطق والفئات العمرية والجنسين) على استخدام التكنولوجيا الرقمية، ولا سيما الفئات المهمشة "
            "تقليدياً (اللاجئون والمهاجرون، والنساء والشباب، والأشخاص ذوو الإعاقة والاحتياجات الخاصة، وكبار السن)",
            "توانای ھەموو بەشەکانی کۆمەڵگا (ھەموو ناوچەکان، تەمەنەکان، ڕەگەزەکان) لە بەکارھێنانی تەکنەلۆجیای دیجیتاڵی، بە تایبەتی "
            "گرووپە پەراوێزخراوە نەریتییەکان (پەنابەران و کۆچبەران، ئافرەتان و گەنجان، کەسانی خاوەن پێداویستیی تایبەت، بەساڵاچووان)",
        ),
        ("معرفة كيفية الوصول إلى الأدوات الرقمية", "زانینی چۆنیەتیی گەیشتن بە ئامرازە دیجیتاڵییەکان"),
        (
            "معرفة كيفية استخدام الأدوات الرقمية للاستخدام الشخصي",
            "زانینی چۆنیەتیی بەکارھێنانی ئامرازە دیجیتاڵییەکان بۆ بەکارھێنانی کەسی",
        ),
        (
            "معرفة كيفية الوصول إلى الأدوات الرقمية للاستخدام المهني",
            "زانینی چۆنیەتیی گەیشتن بە ئامرازە دیجیتاڵییەکان بۆ کاری پیشەیی",
        ),
        (
            "فهم كيفية تحديد الأدوات الرقمية الجديدة واستخدامها",
            "تێگەیشتن لە چۆنیەتیی ناسینەوە و بەکارھێنانی ئامرازە دیجیتاڵییە نوێیەکان",
        ),
        (
            "معرفة كيفية إنشاء أدوات رقمية و/أو عمليات مؤتمتة",
            "زانینی چۆنیەتیی دروستکردنی ئامرازی دیجیتاڵی و/یان ئۆتۆماتیککردن",
        ),
    ],
    "people.digital-wellbeing": [
        (
            "فهم الأضرار الناجمة عن الرقمي والحد منها، مثل الإدمان والتنمر الإلكتروني والتضليل والآثار الجسدية",
            "تێگەیشتن لە زیانەکانی دیجیتاڵ و کەمکردنەوەیان، وەک ئالوودەبوون، گاڵتەپێکردنی سایبەری، زانیاریی چەواشەکار و کاریگەرییە جەستەییەکان",
        ),
        ("الحد من النفايات الإلكترونية", "کەمکردنەوەی پاشماوەی ئەلیکترۆنی"),
        (
            "الحد من مخاطر الأمن المادي والتحرش عبر الإنترنت",
            "کەمکردنەوەی مەترسییەکانی ئاسایشی جەستەیی و ئازاردانی ئۆنلاین",
        ),
        ("الوصول إلى الخدمات الصحية", "دەستگەیشتن بە خزمەتگوزارییە تەندروستییەکان"),
        ("رصد الإدمان الرقمي", "چاودێریکردنی ئالوودەبوونی دیجیتاڵی"),
        ("تتبّع التضليل والحد منه", "بەدواداچوون و کەمکردنەوەی زانیاریی چەواشەکار"),
    ],
    "people.usage-and-ownership": [
        (
            "استخدام مختلف مستويات المجتمع للتكنولوجيا الرقمية، والشمول المالي، ونشاط التجارة الإلكترونية، واتجاهات الوصول إلى المعلومات",
            "بەکارھێنانی تەکنەلۆجیای دیجیتاڵی لەلایەن ئاستە جیاوازەکانی کۆمەڵگاوە، گشتگیریی دارایی، چالاکیی بازرگانیی ئەلیکترۆنی، ڕەوتەکانی دەستگەیشتن بە زانیاری",
        ),
        ("انتشار كبير للهاتف المحمول", "بڵاوبوونەوەی بەرچاوی مۆبایل"),
        ("فجوات رقمية ضئيلة في الهاتف المحمول", "کەمترین کەلێنی دیجیتاڵی لە مۆبایلدا"),
        ("انتشار كبير للحواسيب", "بڵاوبوونەوەی بەرچاوی کۆمپیوتەر"),
        ("فجوات رقمية ضئيلة في الحواسيب", "کەمترین کەلێنی دیجیتاڵی لە کۆمپیوتەردا"),
        (
            "الاقتصاد الرقمي يؤثر إيجاباً في المواطن العادي",
            "ئابووریی دیجیتاڵی کاریگەریی ئەرێنیی لەسەر ھاووڵاتیی ئاسایی ھەیە",
        ),
    ],
    "regulation": [
        ("الدعم القانوني والسياساتي للتحول الرقمي", "پشتگیریی یاسایی و سیاسەتی بۆ دیجیتاڵ"),
        ("قدرة قانونية محدودة", "توانای یاسایی سنووردار"),
        ("الأنظمة تدعم الأساسيات.", "ڕێساکان پشتگیریی بنەماکان دەکەن."),
        ("وضع سياسات وقوانين أولية.", "سیاسەت و یاسا سەرەتاییەکان دانراون."),
        (
            "الأنظمة تمكّن الابتكار. منشورة بشفافية عبر الإنترنت.",
            "ڕێساکان ڕێگە بە داھێنان دەدەن. بە ڕوونی و ئۆنلاین.",
        ),
        ("الأسس ممكَّنة. الأنظمة متكاملة.", "بنەماکان ڕێخۆشکراون. ڕێساکان یەکگرتوون."),
    ],
    "regulation.cybersecurity": [
        (
            "معايير الأمن وإدارة المخاطر، والجرائم الإلكترونية، وتصفية المحتوى، والإخطار بالاختراقات",
            "ستانداردەکانی ئاسایش و بەڕێوەبردنی مەترسی، تاوانی سایبەری، پاڵاوتنی ناوەڕۆک، ئاگادارکردنەوە لە دزەکردن",
        ),
        ("منع الرسائل المزعجة", "ڕێگریکردن لە نامەی بێزارکەر"),
        ("تعريفات الجرائم الإلكترونية", "پێناسەکانی تاوانی سایبەری"),
        (
            "أنظمة للأمن السيبراني مثل متطلبات الإبلاغ",
            "ڕێکخستنی ئاسایشی سایبەری وەک پێداویستییەکانی ڕاپۆرتدان",
        ),
        (
            "معايير التشفير وإخفاء الهوية. جهة تنظيمية مركزية.",
            "ستانداردەکانی شیفرەکردن و نەناسراوی. ڕێکخەری ناوەندی.",
        ),
        ("اللامركزية (مثل مكافآت اكتشاف الثغرات)", "ناناوەندی (وەک پاداشتی دۆزینەوەی کەلێنی ئاسایش)"),
    ],
    "regulation.data-standards-and-protection": [
        (
            "البيانات الحكومية المفتوحة، والوصول إلى البيانات، والتخزين الدولي للبيانات، وخصوصية البيانات وحمايتها",
            "داتای کراوەی حکومی، دەستگەیشتن بە داتا، ھەڵگرتنی نێودەوڵەتیی داتا، تایبەتمەندی و پاراستنی داتا",
        ),
        ("حماية الوسطاء من المسؤولية", "پاراستنی نێوەندگیران لە بەرپرسیارێتی"),
        (
            "التزامات تنطبق على كل حلقة من دورة حياة البيانات (الجمع والمعالجة والتخزين والنقل والإتلاف)",
            "ئەرکەکانی ھەر ئەڵقەیەکی سووڕی ژیانی داتا (کۆکردنەوە و پرۆسێسکردن، ھەڵگرتن، گواستنەوە و لەناوبردن)",
        ),
        (
            "التزامات شاملة تنطبق على جميع الحلقات (الاستجابة لاختراق البيانات، والاختصاص القضائي، وحقوق أصحاب البيانات)",
            "ئەرکە گشتگیرەکان کە ھەموو ئەڵقەکان دەگرنەوە (وەڵامدانەوە بە دزەکردنی داتا، دەسەڵاتی دادوەری و مافەکانی خاوەنی داتا)",
        ),
        ("جهة تنظيمية مركزية", "ڕێکخەری ناوەندی"),
        ("نظام امتثال وطني ودولي مبسّط", "سیستەمی ئاسانکراوی پابەندبوونی نیشتمانی و نێودەوڵەتی"),
    ],
    "regulation.e-commerce": [
        (
            "حماية المستهلك الرقمي، والمعاملات والمدفوعات الرقمية، والتوقيعات الإلكترونية",
            "پاراستنی بەکاربەری دیجیتاڵی، مامەڵە و پارەدانی دیجیتاڵی، واژۆی ئەلیکترۆنی",
        ),
        ("منصة معاملات. مدفوعات إلكترونية", "سەکۆی مامەڵە. پارەدانی ئەلیکترۆنی"),
        ("الهاتف المحمول. التوقيعات الإلكترونية.", "مۆبایل. واژۆی ئەلیکترۆنی."),
        (
            "تكنولوجيا مالية محلية. بيئة تجريبية تنظيمية.",
            "تەکنەلۆجیای داراییی ناوخۆیی. ژینگەی تاقیکردنەوەی ڕێکخستن.",
        ),
        ("ترابط عالمي للتكنولوجيا المالية", "پەیوەندییە جیھانییەکانی تەکنەلۆجیای دارایی"),
        ("معايير العملات المشفّرة", "ستانداردەکانی دراوی شیفرەکراو"),
    ],
    "regulation.ethical-standards": [
        (
            "معايير/إرشادات للتقنيات الناشئة ولا سيما استخدام الذكاء الاصطناعي",
            "ستاندارد/ڕێنمایی بۆ تەکنەلۆجیا نوێکان و بە تایبەتی بەکارھێنانی ژیریی دەستکرد",
        ),
        ("واجبات الإفصاح والإعلان", "ئەرکی ئاشکراکردن و ڕیکلام"),
        (
            "شروط المعاملات وأحكامها، والدفع الشفاف والآمن، وحماية البيانات",
            "مەرج و ڕێساکانی مامەڵە، پارەدانی ڕوون و پارێزراو، و پاراستنی داتا",
        ),
        (
            "تسوية النزاعات والانتصاف والحق في الانسحاب أو الإلغاء",
            "چارەسەرکردنی ناکۆکی و قەرەبووکردنەوە و مافی پاشگەزبوونەوە/ھەڵوەشاندنەوە",
        ),
        ("معايير الشفافية", "ستانداردەکانی ڕوونی"),
        ("الحماية من التلاعب", "پاراستن لە فێڵ و دەستکاری"),
    ],
    "regulation.fair-market-competition": [
        (
            "قانون الملكية الفكرية، والمنافسة والضرائب، وحياد الشبكة أو الناقل العام، والوصول العادل إلى قنوات الاتصال والبيانات لمزودي الاتصالات",
            "یاسای موڵکداریی ھزری، کێبڕکێ و باج، بێلایەنیی تۆڕ، دەستگەیشتنی دادپەروەرانە بە کەناڵەکانی پەیوەندی و داتا بۆ دابینکەرانی گەیاندن",
        ),
        ("حياد الشبكة", "بێلایەنیی تۆڕ"),
        ("آليات الشراء", "میکانیزمەکانی کڕین"),
        ("أنظمة منح البحث والتطوير", "سیستەمەکانی بەخشینی توێژینەوە و گەشەپێدان"),
        ("تعريفات حرّاس البوابات / السلوك المانع للمنافسة", "پێناسەکانی دەروازەوانان / ڕەفتاری دژە کێبڕکێ"),
        ("معايير نقل المعلومات والبيانات", "ستانداردەکانی گواستنەوەی زانیاری و داتا"),
    ],
    "strategy": [
        (
            "تعتمد التدخلات الرقمية المناسبة لكل بلد على مرحلة جاهزيته الرقمية في كل ركيزة وركيزة فرعية",
            "دەستێوەردانە دیجیتاڵییە گونجاوەکان بۆ ھەر وڵاتێک پشت بە قۆناغی ئامادەییی دیجیتاڵیی لە ھەر کۆڵەکە و کۆڵەکەیەکی لاوەکیدا دەبەستن",
        ),
        (
            "تفتقر البلاد إلى الأسس الأساسية للتحول الرقمي (ولا سيما البنية التحتية والمهارات الرقمية) مما يعيق الانتقال إلى المراحل التالية",
            "بنەما سەرەتاییەکانی گۆڕانکاریی دیجیتاڵی (بە تایبەتی ژێرخان و کارامەییە دیجیتاڵییەکان) نین و ڕێگرن لە گەیشتن بە قۆناغەکانی دواتر",
        ),
        (
            "تتقدم البلاد في مجالات مختارة من التحول الرقمي ولكن دون استراتيجية منسقة",
            "وڵات لە ھەندێک بواری ھەڵبژێردراوی گۆڕانکاریی دیجیتاڵیدا پێشدەکەوێت بەڵام بەبێ ستراتیژیی ھەماھەنگ",
        ),
        (
            "تتقدم البلاد بشكل منهجي في المجالات الرئيسية للتحول الرقمي بناءً على أولويات محددة (مثل المهارات والخدمات العامة الرقمية)",
            "وڵات بە شێوەیەکی سیستەماتیک لە بوارە سەرەکییەکانی گۆڕانکاریی دیجیتاڵیدا پێشدەکەوێت لەسەر بنەمای ئەولەویەتە دیاریکراوەکان "
            "(وەک کارامەیی و خزمەتگوزارییە گشتییە دیجیتاڵییەکان)",
        ),
        (
            "لدى البلاد نقاط قوة واضحة في التحول الرقمي وعناصر أساسية قائمة",
            "وڵات خاڵی بەھێزی ڕوونی لە گۆڕانکاریی دیجیتاڵیدا ھەیە و توخمە بنەڕەتییەکان لە شوێنی خۆیاندان",
        ),
        (
            "تتقدم البلاد في جميع مجالات التحول الرقمي الوطني بناءً على استراتيجية متكاملة",
            "وڵات لە ھەموو بوارەکانی گۆڕانکاریی دیجیتاڵیی نیشتمانیدا لەسەر بنەمای ستراتیژییەکی یەکگرتوو پێشدەکەوێت",
        ),
    ],
    "strategy.approach": [
        (
            "مسار تحوّل البلدان إلى دول رقمية منفتحة وشاملة",
            "پرۆسەی بوونی وڵاتان بە نەتەوەی دیجیتاڵیی کراوە و گشتگیر",
        ),
        ("تحوّل تناظري", "گۆڕانکاریی ئەنالۆگ"),
        ("تحوّل في تكنولوجيا المعلومات", "گۆڕانکاریی تەکنەلۆجیای زانیاری"),
        ("تحوّل رقمي", "گۆڕانکاریی دیجیتاڵی"),
        ("تحوّل رقمي على مستوى المجتمع كله", "گۆڕانکاریی دیجیتاڵی لە سەرانسەری کۆمەڵگادا"),
        ("تحوّل رقمي شامل للجميع على مستوى المجتمع كله", "گۆڕانکاریی دیجیتاڵیی گشتگیر لە سەرانسەری کۆمەڵگادا"),
    ],
    "strategy.ambition": [
        ("مسار التحديث ودعمه", "پرۆسە و پشتگیری بۆ نوێکردنەوە"),
        ("الوضع الراهن", "دۆخی ئێستا"),
        ("التحسّن عبر التحديث والتحضّر والتصنيع", "باشتربوون لە ڕێگەی نوێکردنەوە، شارنشینی و پیشەسازییەوە"),
        (
            "التحسّن عبر دعم المهارات والقدرة الإنتاجية وتقنيات المعلومات",
            "باشتربوون لە ڕێگەی پشتگیریی کارامەیی، توانای بەرھەمھێنان و تەکنەلۆجیای زانیارییەوە",
        ),
        (
            "القفز المرحلي: تجاوز مراحل التنمية التقليدية بالانتقال مباشرة إلى أحدث التقنيات لاغتنام فرص جديدة",
            "بازدان: تێپەڕاندنی قۆناغە نەریتییەکانی گەشەپێدان بە بازدانی ڕاستەوخۆ بۆ نوێترین تەکنەلۆجیا بۆ دۆزینەوەی دەرفەتی نوێ",
        ),
        (
            "القفز المرحلي: تجاوز مراحل التنمية التقليدية بالانتقال إلى مسار بديل للتطور التكنولوجي قائم على التقنيات الناشئة بمنافع وفرص جديدة",
            "بازدان: تێپەڕاندنی قۆناغە نەریتییەکانی گەشەپێدان بە بازدان بۆ ڕێگایەکی جێگرەوەی گەشەی تەکنەلۆجی کە تەکنەلۆجیا نوێکان بە سوود و دەرفەتی نوێوە لەخۆ دەگرێت",
        ),
    ],
}
DTF_STAGES = [
    (1, t("Basic", "أساسي", "سەرەتایی")),
    (2, t("Opportunistic", "ظرفي", "دەرفەتخواز")),
    (3, t("Systematic", "منهجي", "سیستەماتیک")),
    (4, t("Differentiating", "متميّز", "جیاکەرەوە")),
    (5, t("Transformational", "تحويلي", "گۆڕانکاریی بنەڕەتی")),
]
STAGE_COLUMNS = ["Basic", "Opportunistic", "Systematic", "Differentiating", "Transformational"]


def _clean(text: str) -> str:
    return " ".join(text.split())


def undp_dtf_pack() -> dict[str, Any]:
    with (DATA / "undp_dtf_v1_stages.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    texts: dict[str, dict[str, Any]] = {}
    whole: dict[str, str] | None = None
    for row in rows:
        pillar, sub = slug(row["Pillar"] or ""), slug(row["Sub-Pillar"] or "")
        if not pillar:
            whole = row
            continue
        key = f"{pillar}.{sub}" if sub else pillar
        ar_ckb = DTF_TEXT[key]
        texts[key] = {
            "definition": t(_clean(row["Definition"]), *ar_ckb[0]),
            "stages": [
                {"stage": k + 1, "descriptor": t(_clean(row[col]), *ar_ckb[k + 1])}
                for k, col in enumerate(STAGE_COLUMNS)
            ],
        }
    assert whole is not None
    pillars = []
    for pid in [k for k in texts if "." not in k]:
        subs = []
        members = [k for k in texts if k.startswith(pid + ".")]
        for key in [pid, *members]:
            en, ar, ckb = DTF_NAMES[key]
            if key == pid:
                name = t(f"{en} as a whole", f"{ar} ككل", f"{ckb} بە گشتی")
                sub_id = f"{pid}.overall"
            else:
                name, sub_id = t(en, ar, ckb), key
            subs.append(
                {
                    "id": sub_id,
                    "name": name,
                    "description": texts[key]["definition"],
                    "indicators": [
                        {
                            "id": f"{sub_id}.stage",
                            "name": joined(name, t("— stage", "— المرحلة", "— قۆناغ")),
                            "description": texts[key]["definition"],
                            "answer_type": "ladder",
                            "stages": texts[key]["stages"],
                            "responsible": ["national"],
                            "evidence_types": ["external_index", "survey"],
                            "crosswalk": {"undp_dtf": [key]},
                            "source": "undp/digital-development-compass dashboard/Definitions.csv (d95c62f)",
                        }
                    ],
                }
            )
        en, ar, ckb = DTF_NAMES[pid]
        pillars.append(
            {"id": pid, "name": t(en, ar, ckb), "description": texts[pid]["definition"], "sub_areas": subs}
        )
    stage_labels = [
        {
            "stage": s,
            "label": label,
            "description": t(_clean(whole[STAGE_COLUMNS[s - 1]]), *DTF_TEXT["strategy"][s]),
        }
        for s, label in DTF_STAGES
    ]
    return {
        "schema_version": 1,
        "id": "undp-dtf",
        "version": "1",
        "kind": "reference",
        "name": t(
            "UNDP Digital Transformation Framework (v1)",
            "إطار التحول الرقمي لبرنامج الأمم المتحدة الإنمائي (الإصدار 1)",
            "چوارچێوەی گۆڕانکاریی دیجیتاڵیی بەرنامەی گەشەپێدانی نەتەوە یەکگرتووەکان (وەشانی 1)",
        ),
        "description": joined(
            t(
                "Seven pillars and their sub-pillars, each with five stages (Basic → Transformational), as used by the "
                "Digital Readiness Assessment and the Digital Development Compass.",
                "سبع ركائز وركائزها الفرعية، لكل منها خمس مراحل (أساسي ← تحويلي)، كما يستخدمها تقييم الجاهزية الرقمية "
                "وبوصلة التنمية الرقمية.",
                "حەوت کۆڵەکە و کۆڵەکە لاوەکییەکانیان، ھەر یەکەیان بە پێنج قۆناغ (سەرەتایی ← گۆڕانکاریی بنەڕەتی)، وەک "
                "ھەڵسەنگاندنی ئامادەییی دیجیتاڵی و قیبلەنمای گەشەپێدانی دیجیتاڵی بەکاری دەھێنن.",
            ),
            PROPOSED,
        ),
        "publisher": "UNDP",
        "licence": "Data file of an AGPL-3.0 repository, re-used with attribution",
        "source": "undp/digital-development-compass dashboard/Definitions.csv (file commit d95c62f, HEAD 293e7a4), "
        "shipped as raqmana/frameworks/data/undp_dtf_v1_stages.csv. Ids: pillar slug and "
        "'pillar.sub-pillar' slug; '<pillar>.overall' holds the pillar-level stage descriptors.",
        "default_stage0": t(
            "Not assessed: no evidence for stage 1.",
            "لم يُقيَّم: لا توجد أدلة على المرحلة 1.",
            "ھەڵنەسەنگێنراوە: ھیچ بەڵگەیەک بۆ قۆناغی 1 نییە.",
        ),
        "stage_labels": stage_labels,
        "pillars": pillars,
    }


# ------------------------------------------------------------------------------------------ GovStack
GOVSTACK_TEXT: dict[str, tuple[str, str, tuple[str, str, str]]] = {
    "cloud-infrastructure": (
        "البنية التحتية السحابية",
        "ژێرخانی ھەور",
        (
            "Shared hosting, compute and storage on which the other building blocks run.",
            "استضافة وحوسبة وتخزين مشترك تعمل عليه اللبنات الأخرى.",
            "میوانداری، ژمێرکاری و ھەڵگرتنی ھاوبەش کە بلۆکەکانی تر لەسەری کار دەکەن.",
        ),
    ),
    "consent": (
        "الموافقة",
        "ڕەزامەندی",
        (
            "Records and checks a person's consent before their data is used or shared.",
            "يسجّل موافقة الشخص ويتحقق منها قبل استخدام بياناته أو مشاركتها.",
            "ڕەزامەندیی کەس تۆمار و پشتڕاست دەکاتەوە پێش بەکارھێنان یان ھاوبەشکردنی داتاکەی.",
        ),
    ),
    "content-management": (
        "نظام إدارة المحتوى",
        "سیستەمی بەڕێوەبردنی ناوەڕۆک",
        (
            "Publishes and maintains the content of government websites and portals.",
            "ينشر محتوى المواقع والبوابات الحكومية ويحدّثه.",
            "ناوەڕۆکی ماڵپەڕ و دەروازە حکومییەکان بڵاو و نوێ دەکاتەوە.",
        ),
    ),
    "digital-registries": (
        "السجلات الرقمية",
        "تۆمارە دیجیتاڵییەکان",
        (
            "Base registers (people, businesses, land, vehicles…) kept as digital, queryable records.",
            "السجلات الأساسية (الأشخاص والشركات والأراضي والمركبات…) محفوظة كسجلات رقمية قابلة للاستعلام.",
            "تۆمارە بنەڕەتییەکان (کەس، کۆمپانیا، زەوی، ئۆتۆمبێل…) وەک تۆماری دیجیتاڵیی پرسیارلێکراو.",
        ),
    ),
    "e-marketplace": (
        "السوق الإلكترونية",
        "بازاڕی ئەلیکترۆنی",
        (
            "Online catalogue and ordering, e.g. for public procurement.",
            "كتالوج وطلب عبر الإنترنت، مثل المشتريات العامة.",
            "کاتالۆگ و داواکاریی ئۆنلاین، بۆ نموونە بۆ کڕینی گشتی.",
        ),
    ),
    "e-signature": (
        "التوقيع الإلكتروني",
        "واژۆی ئەلیکترۆنی",
        (
            "Legally valid electronic signatures backed by a public-key infrastructure.",
            "توقيعات إلكترونية معتبرة قانوناً تستند إلى بنية تحتية للمفاتيح العامة.",
            "واژۆی ئەلیکترۆنیی یاسایی بە پشتیوانیی ژێرخانی کلیلی گشتی.",
        ),
    ),
    "gis": (
        "نظم المعلومات الجغرافية",
        "سیستەمی زانیاریی جوگرافی",
        (
            "Maps and location data shared across services.",
            "خرائط وبيانات مواقع مشتركة بين الخدمات.",
            "نەخشە و داتای شوێن کە لە نێوان خزمەتگوزارییەکاندا ھاوبەشن.",
        ),
    ),
    "identity": (
        "الهوية",
        "ناسنامە",
        (
            "Foundational identity and authentication of people for every service.",
            "الهوية الأساسية للأشخاص والتحقق منها لكل خدمة.",
            "ناسنامەی بنەڕەتی و پشتڕاستکردنەوەی کەسەکان بۆ ھەموو خزمەتگوزارییەک.",
        ),
    ),
    "information-mediator": (
        "وسيط المعلومات",
        "نێوەندگیری زانیاری",
        (
            "Secure data exchange between institutions (X-Road style), so no office asks for data "
            "another already holds.",
            "تبادل آمن للبيانات بين المؤسسات (على غرار X-Road) كي لا تطلب جهة بيانات تملكها جهة أخرى.",
            "ئاڵوگۆڕی پارێزراوی داتا لە نێوان دامەزراوەکاندا (بە شێوەی X-Road) بۆ ئەوەی ھیچ دەزگایەک "
            "داوای داتایەک نەکات کە دەزگایەکی تر ھەیەتی.",
        ),
    ),
    "messaging": (
        "المراسلة",
        "نامەناردن",
        (
            "Notifications to people and between systems (SMS, e-mail, push).",
            "إشعارات للأشخاص وبين الأنظمة (رسائل قصيرة وبريد إلكتروني وإشعارات فورية).",
            "ئاگادارکردنەوە بۆ کەسەکان و لە نێوان سیستەمەکاندا (نامەی کورت، ئیمەیڵ، push).",
        ),
    ),
    "payments": (
        "المدفوعات",
        "پارەدان",
        (
            "Government-to-person and person-to-government payments.",
            "المدفوعات من الحكومة إلى الأفراد ومن الأفراد إلى الحكومة.",
            "پارەدان لە حکومەتەوە بۆ کەس و لە کەسەوە بۆ حکومەت.",
        ),
    ),
    "registration": (
        "التسجيل",
        "تۆمارکردن",
        (
            "Online application and registration forms for services.",
            "نماذج التقديم والتسجيل الإلكترونية للخدمات.",
            "فۆرمەکانی داواکاری و تۆمارکردنی ئۆنلاین بۆ خزمەتگوزارییەکان.",
        ),
    ),
    "scheduler": (
        "الجدولة",
        "خشتەدانان",
        (
            "Appointments and timed tasks.",
            "المواعيد والمهام المجدولة.",
            "کاتی دیاریکراو و ئەرکە خشتەبۆکراوەکان.",
        ),
    ),
    "wallet": (
        "المحفظة",
        "جزدان",
        (
            "A person's digital credentials and documents in one place.",
            "وثائق الشخص وبيانات اعتماده الرقمية في مكان واحد.",
            "بەڵگەنامە و ناسنامە دیجیتاڵییەکانی کەس لە یەک شوێندا.",
        ),
    ),
    "workflow": (
        "سير العمل",
        "ڕەوتی کار",
        (
            "Orchestrates the steps of a service across building blocks and offices.",
            "ينسّق خطوات الخدمة بين اللبنات والمكاتب.",
            "ھەنگاوەکانی خزمەتگوزارییەک لە نێوان بلۆک و نووسینگەکاندا ڕێک دەخات.",
        ),
    ),
    "security": (
        "الأمن (متطلبات شاملة)",
        "ئاسایش (پێداویستییە گشتگیرەکان)",
        (
            "Cross-cutting security requirements every building block must meet.",
            "متطلبات أمنية شاملة يجب أن تستوفيها كل لبنة.",
            "پێداویستییە گشتگیرەکانی ئاسایش کە ھەموو بلۆکێک دەبێت جێبەجێیان بکات.",
        ),
    ),
}


def govstack_pack() -> dict[str, Any]:
    items = []
    for bid, en in GOVSTACK_BLOCKS.items():
        ar, ckb, (den, dar, dckb) = GOVSTACK_TEXT[bid]
        name_en = en if bid != "security" else "Security (cross-cutting requirements)"
        items.append(
            {
                "id": bid,
                "kind": "requirement" if bid == "security" else "building_block",
                "name": t(name_en, ar, ckb),
                "description": t(den, dar, dckb),
            }
        )
    return {
        "schema_version": 1,
        "id": "govstack",
        "version": "2024",
        "kind": "reference",
        "name": t(
            "GovStack building blocks", "اللبنات الأساسية لمبادرة GovStack", "بلۆکە بنەڕەتییەکانی GovStack"
        ),
        "description": joined(
            t(
                "Reusable software building blocks for digital government services; each exposes its services as REST APIs.",
                "لبنات برمجية قابلة لإعادة الاستخدام للخدمات الحكومية الرقمية، تتيح كل منها خدماتها عبر واجهات REST.",
                "بلۆکی نەرمەکاڵای دووبارەبەکارھاتوو بۆ خزمەتگوزارییە حکومییە دیجیتاڵییەکان؛ ھەر یەکەیان خزمەتگوزارییەکانی "
                "وەک REST API پێشکەش دەکات.",
            ),
            PROPOSED,
        ),
        "publisher": "GovStack (ITU, DIAL, Estonia, Germany)",
        "licence": "CC-BY-SA-4.0 (GovStack specifications)",
        "source": "GovStackWorkingGroup/specifications building-blocks.md (9ec4afe) and the implementation playbook; "
        "ids as raqmana.frameworks.crosswalk.GOVSTACK_BLOCKS.",
        "catalogue": items,
    }


# ------------------------------------------------------------------------------------------------ SDG
SDG_GOALS_CKB = {
    1: "کۆتایی ھێنان بە ھەژاری بە ھەموو شێوەکانییەوە لە ھەموو شوێنێک",
    2: "کۆتایی ھێنان بە برسێتی، بەدەستھێنانی ئاسایشی خۆراک و باشترکردنی خۆراکپێدان و بەرەوپێشبردنی کشتوکاڵی بەردەوام",
    3: "مسۆگەرکردنی ژیانی تەندروست و بەرەوپێشبردنی خۆشگوزەرانی بۆ ھەمووان لە ھەموو تەمەنێکدا",
    4: "مسۆگەرکردنی پەروەردەی کوالیتی بەرز و گشتگیر و یەکسان و بەرەوپێشبردنی دەرفەتەکانی فێربوونی درێژخایەن بۆ ھەمووان",
    5: "بەدەستھێنانی یەکسانیی ڕەگەزی و بەھێزکردنی ھەموو ئافرەتان و کچان",
    6: "مسۆگەرکردنی بەردەستبوون و بەڕێوەبردنی بەردەوامی ئاو و پاکوخاوێنی بۆ ھەمووان",
    7: "مسۆگەرکردنی دەستگەیشتن بە وزەی ھەرزان، متمانەپێکراو، بەردەوام و نوێ بۆ ھەمووان",
    8: "بەرەوپێشبردنی گەشەی ئابووریی بەردەوام، گشتگیر و پایەدار، دامەزراندنی تەواو و بەرھەمدار و کاری شایستە بۆ ھەمووان",
    9: "بنیادنانی ژێرخانی بەرگەگر، بەرەوپێشبردنی پیشەسازیی گشتگیر و بەردەوام و پەرەپێدانی داھێنان",
    10: "کەمکردنەوەی نایەکسانی لە ناو وڵاتان و لە نێوانیاندا",
    11: "گشتگیر، سەلامەت، بەرگەگر و بەردەوامکردنی شار و نیشتەجێبوونە مرۆییەکان",
    12: "مسۆگەرکردنی شێوازەکانی بەکاربردن و بەرھەمھێنانی بەردەوام",
    13: "ئەنجامدانی کاری بەپەلە بۆ بەرەنگاربوونەوەی گۆڕانی کەشوھەوا و کاریگەرییەکانی",
    14: "پاراستن و بەکارھێنانی بەردەوامی زەریاکان، دەریاکان و سەرچاوە دەریاییەکان بۆ گەشەپێدانی بەردەوام",
    15: "پاراستن، نۆژەنکردنەوە و بەرەوپێشبردنی بەکارھێنانی بەردەوامی ژینگە وشکانییەکان، بەڕێوەبردنی بەردەوامی دارستانەکان، "
    "بەرەنگاربوونەوەی بیابانبوون، ڕاگرتن و پێچەوانەکردنەوەی داڕمانی زەوی و ڕاگرتنی لەدەستدانی فرەچەشنیی زیندەیی",
    16: "بەرەوپێشبردنی کۆمەڵگای ئاشتیخواز و گشتگیر بۆ گەشەپێدانی بەردەوام، دابینکردنی دەستگەیشتن بە دادپەروەری بۆ ھەمووان و "
    "بنیادنانی دامەزراوەی کارا، لێپرسراو و گشتگیر لە ھەموو ئاستەکاندا",
    17: "بەھێزکردنی ئامرازەکانی جێبەجێکردن و زیندووکردنەوەی ھاوبەشیی جیھانی بۆ گەشەپێدانی بەردەوام",
}


def sdg_pack() -> dict[str, Any]:
    with (DATA / "sdg_goals_targets.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    items = []
    for r in rows:
        goal = int(r["goal"])
        if not r["target"]:
            items.append(
                {
                    "id": str(goal),
                    "kind": "goal",
                    "name": t(r["text_en"].strip(), r["text_ar"].strip(), SDG_GOALS_CKB[goal]),
                }
            )
        else:
            tid = r["target"]
            items.append(
                {
                    "id": tid,
                    "kind": "target",
                    "parent": str(goal),
                    "name": t(f"Target {tid}", f"الغاية {tid}", f"ئامانجی لاوەکیی {tid}"),
                    "description": {"en": r["text_en"].strip(), "ar": r["text_ar"].strip(), "ckb": ""},
                }
            )
    return {
        "schema_version": 1,
        "id": "sdg",
        "version": "2015",
        "kind": "reference",
        "name": t(
            "Sustainable Development Goals and targets",
            "أهداف التنمية المستدامة وغاياتها",
            "ئامانجەکانی گەشەپێدانی بەردەوام و ئامانجە لاوەکییەکانیان",
        ),
        "description": t(
            "The 17 goals and 169 targets of the 2030 Agenda (A/RES/70/1). Goal and target texts in Arabic and English "
            "from open-sdg/sdg-translations; the Central Kurdish goal texts are raqmana's proposed translations for "
            "review. No Central Kurdish target text exists in the source: each target is named by its number and its "
            "text is given in Arabic and English only.",
            "الأهداف الـ17 والغايات الـ169 لخطة 2030 (A/RES/70/1). نصوص الأهداف والغايات بالعربية والإنجليزية من "
            "open-sdg/sdg-translations؛ ونصوص الأهداف بالكردية ترجمات مقترحة من raqmana تحتاج إلى مراجعة. لا توجد "
            "نصوص كردية للغايات في المصدر: تُسمّى كل غاية برقمها ويرد نصها بالعربية والإنجليزية فقط.",
            "17 ئامانج و 169 ئامانجی لاوەکیی بەرنامەی 2030 (A/RES/70/1). دەقی ئامانج و ئامانجە لاوەکییەکان بە عەرەبی و "
            "ئینگلیزی لە open-sdg/sdg-translations؛ دەقی کوردیی ئامانجەکان وەرگێڕانی پێشنیازکراوی raqmanaن بۆ پێداچوونەوە. "
            "سەرچاوەکە دەقی کوردیی ئامانجە لاوەکییەکانی نییە: ھەر ئامانجێکی لاوەکی بە ژمارەکەی ناو دەبرێت و دەقەکەی "
            "تەنھا بە عەرەبی و ئینگلیزییە.",
        ),
        "publisher": "United Nations",
        "licence": "MIT (open-sdg/sdg-translations); UN resolution text",
        "source": "open-sdg/sdg-translations translations/{ar,en}/global_goals.yml and global_targets.yml (0cda585851a5), "
        "shipped as raqmana/frameworks/data/sdg_goals_targets.csv.",
        "catalogue": items,
    }


# --------------------------------------------------------------------------------------------- write
HEADER = (
    "# Generated by tools/build_reference_packs.py — do not edit by hand; change the script and rerun it.\n"
    "# {name}\n"
)
BUILDERS = {
    "gtmi": gtmi_pack,
    "egdi": egdi_pack,
    "undp-dtf": undp_dtf_pack,
    "govstack": govstack_pack,
    "sdg": sdg_pack,
}


def render(pack_id: str) -> str:
    data = BUILDERS[pack_id]()
    fw = Framework.model_validate(data)
    errors = [p for p in validate(fw) if p.severity.value == "error"]
    if errors:
        raise SystemExit(f"{pack_id}: " + "; ".join(p.render() for p in errors[:10]))
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=110)
    return HEADER.format(name=data["name"]["en"]) + body


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for pack_id in BUILDERS:
        text = render(pack_id)
        path = PACKS / pack_id / "framework.yaml"
        if check:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                stale.append(pack_id)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    if stale:
        print("out of date: " + ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
