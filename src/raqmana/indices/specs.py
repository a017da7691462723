"""What each public index is: its components, scale, columns accepted on import and publishing cycle."""

from __future__ import annotations

from dataclasses import dataclass, field

from raqmana.i18n import Translated
from raqmana.indices.dtf_names import dtf_name

T = Translated.of


@dataclass(frozen=True)
class Component:
    id: str
    name: Translated
    aliases: tuple[str, ...] = ()
    lo: float = 0.0
    hi: float = 1.0
    required: bool = False  # an imported edition must have this column

    def names(self) -> tuple[str, ...]:
        return (self.id, *self.aliases)


@dataclass(frozen=True)
class IndexSpec:
    id: str
    name: Translated
    publisher: str
    composite: str  # id of the component that is the published index value
    components: tuple[Component, ...]
    cycle_years: int  # how often the publisher releases a new edition
    bundled: bool = True
    licence_notice: Translated | None = None  # shown when importing (non-redistributable data)
    rank_aliases: tuple[str, ...] = ("rank",)
    group_aliases: tuple[str, ...] = ()
    extra_ids: tuple[str, ...] = field(default=())  # long-format variables kept as is

    def component(self, cid: str) -> Component:
        for c in self.components:
            if c.id == cid:
                return c
        raise KeyError(cid)

    def component_ids(self) -> list[str]:
        return [c.id for c in self.components]


COUNTRY_ALIASES = ("country", "country name", "country-name", "country_name", "economy", "location", "name")
ISO3_ALIASES = ("iso3", "country code", "country-code", "country_code", "cc_iso3c", "code", "iso")
EDITION_ALIASES = ("edition", "year", "survey year", "ref_year", "ref year")

EGDI = IndexSpec(
    id="egdi",
    name=T(
        "UN E-Government Development Index",
        "مؤشر تنمية الحكومة الإلكترونية للأمم المتحدة",
        "پێوەری گەشەپێدانی حکومەتی ئەلیکترۆنیی نەتەوە یەکگرتووەکان",
    ),
    publisher="UN DESA",
    composite="egdi",
    components=(
        Component(
            "egdi",
            T("EGDI", "مؤشر تنمية الحكومة الإلكترونية", "پێوەری گەشەپێدانی حکومەتی ئەلیکترۆنی"),
            ("e-government index", "e-gov-index", "e_index", "egdi value"),
            required=True,
        ),
        Component(
            "osi",
            T("Online Service Index", "مؤشر الخدمات الإلكترونية", "پێوەری خزمەتگوزارییە ئۆنلاینەکان"),
            ("online service index", "online_service", "osi value"),
            required=True,
        ),
        Component(
            "tii",
            T(
                "Telecommunication Infrastructure Index",
                "مؤشر البنية التحتية للاتصالات",
                "پێوەری ژێرخانی گەیاندن",
            ),
            ("telecommunication infrastructure index", "tele_infra", "tii value"),
            required=True,
        ),
        Component(
            "hci",
            T("Human Capital Index", "مؤشر رأس المال البشري", "پێوەری سەرمایەی مرۆیی"),
            ("human capital index", "human_capital", "hci value"),
            required=True,
        ),
        Component(
            "epi",
            T("E-Participation Index", "مؤشر المشاركة الإلكترونية", "پێوەری بەشداریی ئەلیکترۆنی"),
            ("e-participation index", "e_participation", "e-pat-index", "epart"),
        ),
    ),
    cycle_years=2,
    rank_aliases=("egdi_rank", "e-government rank", "e-gov-rank", "rank"),
)

GTMI = IndexSpec(
    id="gtmi",
    name=T(
        "World Bank GovTech Maturity Index",
        "مؤشر نضج التكنولوجيا الحكومية للبنك الدولي",
        "پێوەری پێگەیشتنی تەکنەلۆجیای حکومیی بانکی جیھانی",
    ),
    publisher="World Bank",
    composite="gtmi",
    components=(
        Component(
            "gtmi",
            T("GTMI", "مؤشر نضج التكنولوجيا الحكومية", "پێوەری پێگەیشتنی تەکنەلۆجیای حکومی"),
            ("govtech maturity index",),
            required=True,
        ),
        Component(
            "cgsi",
            T(
                "Core Government Systems Index",
                "مؤشر الأنظمة الحكومية الأساسية",
                "پێوەری سیستەمە بنەڕەتییەکانی حکومەت",
            ),
            ("core government systems index",),
            required=True,
        ),
        Component(
            "psdi",
            T(
                "Public Service Delivery Index",
                "مؤشر تقديم الخدمات العامة",
                "پێوەری پێشکەشکردنی خزمەتگوزاریی گشتی",
            ),
            ("public service delivery index",),
            required=True,
        ),
        Component(
            "dcei",
            T(
                "Digital Citizen Engagement Index",
                "مؤشر المشاركة الرقمية للمواطنين",
                "پێوەری بەشداریی دیجیتاڵیی ھاووڵاتیان",
            ),
            ("digital citizen engagement index", "cei"),
            required=True,
        ),
        Component(
            "gtei",
            T(
                "GovTech Enablers Index",
                "مؤشر ممكّنات التكنولوجيا الحكومية",
                "پێوەری ڕێخۆشکەرەکانی تەکنەلۆجیای حکومی",
            ),
            ("govtech enablers index",),
            required=True,
        ),
    ),
    cycle_years=3,
    group_aliases=("grp", "group", "gtmi group"),
)

NCSI = IndexSpec(
    id="ncsi",
    name=T(
        "National Cyber Security Index (eGA)",
        "المؤشر الوطني للأمن السيبراني (أكاديمية الحوكمة الإلكترونية)",
        "پێوەری نیشتمانیی ئاسایشی سایبەری (ئەکادیمیای حوکمڕانیی ئەلیکترۆنی)",
    ),
    publisher="e-Governance Academy",
    composite="ncsi",
    components=(
        Component(
            "ncsi",
            T(
                "NCSI fulfilment %",
                "نسبة استيفاء المؤشر الوطني للأمن السيبراني",
                "ڕێژەی جێبەجێکردنی پێوەری ئاسایشی سایبەری",
            ),
            ("ncsi_score", "national cyber security index", "score"),
            0.0,
            100.0,
            required=True,
        ),
        Component(
            "ddl",
            T("Digital Development Level", "مستوى التنمية الرقمية", "ئاستی گەشەپێدانی دیجیتاڵی"),
            ("digital_development_level", "digital development level"),
            0.0,
            100.0,
        ),
        Component(
            "difference",
            T(
                "NCSI minus DDL",
                "الفرق بين المؤشر ومستوى التنمية الرقمية",
                "جیاوازیی پێوەر و ئاستی گەشەپێدانی دیجیتاڵی",
            ),
            ("difference",),
            -100.0,
            100.0,
        ),
    ),
    cycle_years=1,
    rank_aliases=("ncsi_rank", "rank"),
)

OECD_DGI = IndexSpec(
    id="oecd-dgi",
    name=T(
        "OECD Digital Government Index",
        "مؤشر الحكومة الرقمية لمنظمة التعاون الاقتصادي والتنمية",
        "پێوەری حکومەتی دیجیتاڵیی ڕێکخراوی ھاوکاری و گەشەپێدانی ئابووری",
    ),
    publisher="OECD",
    composite="dgi",
    components=(
        Component(
            "dgi",
            T("DGI composite", "المؤشر المركّب", "پێوەری لێکدراو"),
            ("composite_index", "composite", "dgi composite"),
            required=True,
        ),
        Component(
            "digital_design",
            T("Digital by design", "رقمي بالتصميم", "دیجیتاڵی لە دیزاینەوە"),
            (),
            required=True,
        ),
        Component(
            "data_driven",
            T("Data-driven public sector", "قطاع عام قائم على البيانات", "کەرتی گشتیی پشتبەستوو بە داتا"),
            (),
            required=True,
        ),
        Component(
            "govt_as_platform",
            T("Government as a platform", "الحكومة كمنصة", "حکومەت وەک سەکۆ"),
            ("government as a platform",),
            required=True,
        ),
        Component(
            "open_default",
            T("Open by default", "مفتوح افتراضياً", "کراوە بە شێوەی بنەڕەت"),
            ("open by default",),
            required=True,
        ),
        Component(
            "user_driven", T("User-driven", "موجّه بالمستخدم", "ئاراستەکراو بە بەکارھێنەر"), (), required=True
        ),
        Component("proactiveness", T("Proactiveness", "الاستباقية", "پێشدەستی"), (), required=True),
    ),
    cycle_years=4,
    rank_aliases=("composite_rank", "rank"),
)

GCI = IndexSpec(
    id="gci",
    name=T(
        "ITU Global Cybersecurity Index",
        "المؤشر العالمي للأمن السيبراني للاتحاد الدولي للاتصالات",
        "پێوەری جیھانیی ئاسایشی سایبەریی یەکێتیی نێودەوڵەتیی گەیاندن",
    ),
    publisher="ITU",
    composite="overall",
    components=(
        Component(
            "overall",
            T("GCI score", "درجة المؤشر العالمي للأمن السيبراني", "نمرەی پێوەری جیھانیی ئاسایشی سایبەری"),
            ("gci_overall", "score", "score (2020)", "gci score"),
            0.0,
            100.0,
            required=True,
        ),
        Component(
            "legal",
            T("Legal measures", "التدابير القانونية", "ڕێوشوێنە یاساییەکان"),
            ("gci_legal_measures", "legal measures"),
            0.0,
            20.0,
        ),
        Component(
            "technical",
            T("Technical measures", "التدابير التقنية", "ڕێوشوێنە تەکنیکییەکان"),
            ("gci_technical_measures", "technical measures"),
            0.0,
            20.0,
        ),
        Component(
            "organisational",
            T("Organisational measures", "التدابير التنظيمية", "ڕێوشوێنە ڕێکخراوەییەکان"),
            ("gci_organisational_measures", "organizational measures", "organisational measures"),
            0.0,
            20.0,
        ),
        Component(
            "capacity",
            T("Capacity development", "تنمية القدرات", "پەرەپێدانی توانا"),
            ("gci_capacity_development", "capacity development"),
            0.0,
            20.0,
        ),
        Component(
            "cooperation",
            T("Cooperative measures", "تدابير التعاون", "ڕێوشوێنەکانی ھاوکاری"),
            ("gci_cooperative_measures", "cooperative measures", "cooperation"),
            0.0,
            20.0,
        ),
    ),
    cycle_years=2,
    bundled=False,
    licence_notice=T(
        "ITU licence: the Global Cybersecurity Index may be re-used for educational and non-commercial purposes "
        "only. raqmana stores your copy in your data directory and never redistributes it.",
        "ترخيص الاتحاد الدولي للاتصالات: يجوز استخدام المؤشر العالمي للأمن السيبراني لأغراض تعليمية وغير تجارية "
        "فقط. يحفظ raqmana نسختك في دليل بياناتك ولا يعيد توزيعها.",
        "مۆڵەتی یەکێتیی نێودەوڵەتیی گەیاندن: پێوەری جیھانیی ئاسایشی سایبەری تەنھا بۆ مەبەستی پەروەردەیی و "
        "نابازرگانی بەکاردەھێنرێتەوە. raqmana کۆپییەکەت لە بوخچەی داتاکەتدا ھەڵدەگرێت و ھەرگیز دابەشی ناکاتەوە.",
    ),
    rank_aliases=("rank", "rank (2020)", "gci_rank"),
)

_DDC_IDS = (
    "overall",
    "business",
    "business.financing-incentives",
    "business.impact-commitments",
    "business.startup-environment",
    "business.technology-adoption",
    "foundations",
    "foundations.data-exchange",
    "foundations.digital-legal-identity",
    "foundations.digital-payments",
    "government",
    "government.capabilities",
    "government.digital-public-services",
    "government.funding-and-procurement",
    "government.leadership-and-coordination",
    "government.monitoring",
    "infrastructure",
    "infrastructure.connectivity-technology",
    "infrastructure.innovation-ecosystem",
    "people",
    "people.culture",
    "people.digital-literacy-skills",
    "people.digital-wellbeing",
    "people.usage-and-ownership",
    "regulation",
    "regulation.cybersecurity",
    "regulation.data-standards-and-protection",
    "regulation.e-commerce",
    "regulation.ethical-standards",
    "regulation.fair-market-competition",
    "strategy",
    "strategy.ambition",
    "strategy.approach",
)


def _ddc_name(cid: str) -> Translated:
    if cid == "overall":
        return T("Compass overall score", "الدرجة الإجمالية للبوصلة", "نمرەی گشتیی قیبلەنما")
    return dtf_name(cid)


UNDP_DDC = IndexSpec(
    id="undp-ddc",
    name=T(
        "UNDP Digital Development Compass",
        "بوصلة التنمية الرقمية لبرنامج الأمم المتحدة الإنمائي",
        "قیبلەنمای گەشەپێدانی دیجیتاڵیی بەرنامەی گەشەپێدانی نەتەوە یەکگرتووەکان",
    ),
    publisher="UNDP",
    composite="overall",
    components=tuple(Component(c, _ddc_name(c), (), 1.0, 5.99, required=c == "overall") for c in _DDC_IDS),
    cycle_years=1,
)

SPECS: dict[str, IndexSpec] = {s.id: s for s in (EGDI, GTMI, NCSI, OECD_DGI, GCI, UNDP_DDC)}


def spec(index_id: str) -> IndexSpec:
    return SPECS[index_id]
