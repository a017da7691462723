"""Recommendations → JSON and XLSX (with the reasons, in the reader's language)."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from raqmana.celltext import as_text
from raqmana.frameworks.illustrative import label_workbook, labelled
from raqmana.frameworks.schema import Framework
from raqmana.i18n import is_rtl
from raqmana.recommend.explain import describe
from raqmana.recommend.labels import CATEGORY, HORIZON, KIND, word
from raqmana.recommend.model import RecommendationSet

LANGS = ("en", "ar", "ckb")


def write_json(
    recs: RecommendationSet,
    path: str | Path,
    framework: Framework | None = None,
    *,
    illustrative: bool = False,
) -> Path:
    """``illustrative``: the recommendations come from generated answers, and the file says so."""
    data = recs.as_dict()
    if framework is not None:  # add the explanations, in every language
        for rec, out in zip(recs.recommendations, data["recommendations"], strict=True):
            out["why"] = {lang: [describe(t, framework, lang) for t in rec.triggers] for lang in LANGS}
    p = Path(path)
    p.write_text(
        json.dumps(labelled(data, illustrative), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return p


def write_xlsx(
    recs: RecommendationSet,
    path: str | Path,
    *,
    framework: Framework | None = None,
    lang: str = "en",
    illustrative: bool = False,
) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Recommendations"
    ws.append(
        [
            "id",
            "rule",
            "scope",
            "institution",
            "pillar",
            "title_en",
            "title_ar",
            "title_ckb",
            "horizon",
            "kind",
            "category",
            "responsible",
            "owner",
            "cost_low",
            "cost_high",
            "duration_quarters",
            "sdg",
            "govstack",
            "benefit_weight",
            "visits_avoided",
            "transactions_online",
            "institutions_reached",
            "political_priority",
            "prerequisites",
            "prerequisites_met",
            "why",
        ]
    )
    for r in recs.recommendations:
        ws.append(
            [
                r.id,
                r.rule,
                r.scope.value,
                r.institution or "",
                r.pillar,
                r.title.en,
                r.title.ar,
                r.title.ckb,
                word(HORIZON, r.horizon.value, lang),
                word(KIND, r.kind.value, lang),
                word(CATEGORY, r.category.value, lang),
                r.responsible or "",
                r.owner,
                r.cost_usd.low,
                r.cost_usd.high,
                r.duration_quarters,
                ", ".join(r.sdg),
                ", ".join(r.govstack),
                r.benefit_weight,
                r.benefit.visits_avoided,
                r.benefit.transactions_online,
                r.benefit.institutions_reached,
                r.benefit.political_priority,
                ", ".join(r.prerequisites),
                ", ".join(r.prerequisites_met),
                "\n".join(describe(t, framework, lang) for t in r.triggers),
            ]
        )
    tr = wb.create_sheet("Triggers")
    tr.append(["recommendation", "group", "condition", "subject", "value"])
    for r in recs.recommendations:
        for t in r.triggers:
            tr.append([r.id, t.group, t.condition, t.subject, t.value])
    kp = wb.create_sheet("KPIs")
    kp.append(
        ["recommendation", "id", "name_en", "name_ar", "name_ckb", "unit", "baseline", "target", "direction"]
    )
    for r in recs.recommendations:
        for k in r.kpis:
            kp.append(
                [
                    r.id,
                    k.id,
                    k.name.en,
                    k.name.ar,
                    k.name.ckb,
                    k.unit.value,
                    k.baseline.value,
                    k.target,
                    k.direction,
                ]
            )
    for sheet in wb.worksheets:
        sheet.freeze_panes = "A2"
        sheet.sheet_view.rightToLeft = is_rtl(lang)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
    label_workbook(wb, illustrative)
    p = Path(path)
    as_text(wb).save(p)
    return p
