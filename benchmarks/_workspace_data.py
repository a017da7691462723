"""Synthetic data for the workspace benchmarks: N institutions, a framework of M indicators."""

from __future__ import annotations

from raqmana.frameworks import Framework


def _t(en: str) -> dict[str, str]:
    return {"en": en, "ar": f"{en} ع", "ckb": f"{en} ک"}


def synthetic_framework(indicators: int = 100, per_pillar: int = 10) -> Framework:
    """Pillars of ``per_pillar`` indicators: mostly ladders, with yes/no, number and choice questions."""
    stages = [{"stage": s, "descriptor": _t(f"stage {s}"), "evidence": _t(f"proof {s}")} for s in range(6)]
    pillars = []
    for p in range(max(1, indicators // per_pillar)):
        inds = []
        for i in range(per_pillar):
            iid = f"B{p:02d}-{i:02d}"
            kind = (
                "ladder",
                "ladder",
                "ladder",
                "yes_no",
                "ladder",
                "number",
                "ladder",
                "choice",
                "ladder",
                "percentage",
            )[i % 10]
            ind: dict[str, object] = {
                "id": iid,
                "name": _t(f"indicator {iid}"),
                "question": _t(f"question {iid}?"),
                "answer_type": kind,
                "na_allowed": i == 0,
            }
            if kind == "ladder":
                ind["stages"] = stages
            if kind == "number":
                ind.update(min_value=0, max_value=100)
            if kind == "choice":
                ind["choices"] = [
                    {"value": v, "label": _t(v), "score": sc}
                    for v, sc in (("none", 0), ("partial", 0.5), ("full", 1))
                ]
            inds.append(ind)
        pillars.append(
            {
                "id": f"B{p:02d}",
                "name": _t(f"pillar {p}"),
                "sub_areas": [{"id": f"B{p:02d}.1", "name": _t("sub"), "indicators": inds}],
            }
        )
    return Framework.model_validate(
        {
            "id": "bench",
            "version": "1",
            "name": _t("benchmark"),
            "pillars": pillars,
            "stage_labels": [{"stage": s, "label": _t(f"Stage {s}")} for s in range(6)],
        }
    )


def orgs_csv(n: int) -> bytes:
    rows = [
        "code,kind,parent_code,name_en,name_ar,name_ckb",
        "bench-gov,government,,Government,حكومة,حکوومەت",
    ]
    rows += [f"inst-{i:04d},agency,bench-gov,Institution {i},جهة {i},دامەزراوە {i}" for i in range(n)]
    return ("\n".join(rows) + "\n").encode()


def filled_cells(framework: Framework, lang: str, seed: int) -> dict[str, object]:
    """Answers for every row of the answers sheet (row 2 = first indicator)."""
    cells: dict[str, object] = {}
    for row, ind in enumerate(framework.indicators(), start=2):
        k = (seed + row) % 6
        value: object
        if ind.answer_type.value == "ladder":
            value = f"{k} — {framework.stage_label(k).get(lang)}"
        elif ind.answer_type.value == "yes_no":
            value = (
                {"en": "Yes", "ar": "نعم", "ckb": "بەڵێ"}[lang]
                if k % 2
                else {"en": "No", "ar": "لا", "ckb": "نەخێر"}[lang]
            )
        elif ind.answer_type.value in ("number", "percentage"):
            value = k * 17
        else:
            value = ind.choices[k % 3].label.get(lang)
        cells[f"E{row}"] = value
        cells[f"H{row}"] = f"justification {seed}-{row}"
    return cells
