"""A small report in any language, built from the model directly (builders are tested elsewhere)."""

from raqmana.reports import charts
from raqmana.reports.model import Bullets, Figure, Note, Paragraph, Report, Section, Table

TEXTS = {
    "ar": (
        "تقييم المشهد الرقمي",
        "الإطار القانوني والتنظيمي",
        "الهوية الرقمية",
        "الملخص التنفيذي",
        "لا توجد إجابات معتمدة بعد",
    ),
    "ckb": (
        "هەڵسەنگاندنی دیمەنی دیجیتاڵی",
        "چوارچێوەی یاسایی",
        "ناسنامەی دیجیتاڵی",
        "کورتەی جێبەجێکار",
        "هێشتا هیچ وەڵامێکی پەسەندکراو نییە",
    ),
    "en": (
        "Digital Landscape Assessment",
        "Legal and regulatory framework",
        "Digital identity",
        "Executive summary",
        "No validated answers yet",
    ),
}


def sample_report(lang: str) -> Report:
    title, legal, ident, summary, missing = TEXTS[lang]
    chart = charts.bar_scores([legal, ident], [1.25, 2.5], lang, target=3.0)
    table = Table("scores", legal, [legal, ident], [[legal, 1.25], [ident, 2.5]], numeric=[1])
    return Report(
        id="sample",
        lang=lang,
        title=title,
        subtitle=legal,
        date="2026-11-25",
        header=title,
        illustrative=True,
        illustrative_note="illustrative",
        sections=[
            Section(
                "summary",
                summary,
                [
                    Paragraph(f"{legal} — {ident}"),
                    Note(missing, "missing"),
                    table,
                    Figure("fig", ident, chart, table),
                ],
            ),
            Section("details", ident, [Bullets([legal, ident])], page_break=True),
        ],
        labels={"contents": summary, "table": "T", "figure": "F", "source": "S"},
    )
