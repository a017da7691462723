"""A chain run on generated (illustrative) answers, for report tests."""

import numpy as np

from raqmana.frameworks.schema import Framework
from raqmana.i18n import Translated
from raqmana.reports.chain import ChainResult, InstitutionMeta, run_chain

NAMES = [("Ministry of Planning", "وزارة التخطيط"), ("Ministry of Health", "وزارة الصحة"),
         ("Ministry of Finance", "وزارة المالية"), ("Ministry of Justice", "وزارة العدل"),
         ("Basra Governorate", "محافظة البصرة"), ("Nineveh Governorate", "محافظة نينوى")]


def synthetic_chain(fw: Framework, *, institutions: int = 12, seed: int = 3) -> ChainResult:
    rng = np.random.default_rng(seed)
    metas = {"comsec": InstitutionMeta("comsec", Translated.of("General Secretariat", "الأمانة العامة لمجلس الوزراء",
                                                              "ئەمینداریی گشتیی ئەنجومەنی وەزیران"), "secretariat")}
    for k in range(institutions - 1):
        en, ar = NAMES[k % len(NAMES)]
        kind = "governorate" if "Governorate" in en else "ministry"
        metas[f"i{k}"] = InstitutionMeta(f"i{k}", Translated.of(f"{en} {k}", f"{ar} {k}", f"{en} {k}"), kind,
                                         governorate=f"i{k}" if kind == "governorate" else "")
    level = rng.uniform(0.5, 3.5, len(metas))
    responses = {}
    for k, code in enumerate(metas):
        row = {}
        for ind in fw.indicators():
            t = ind.answer_type.value
            if t == "ladder":
                row[ind.id] = int(np.clip(round(rng.normal(level[k], 1.0)), 0, 5))
            elif t in ("percentage", "number"):
                lo, hi = ind.min_value or 0.0, ind.max_value or 100.0
                row[ind.id] = float(lo + (hi - lo) * np.clip(level[k] / 5 + rng.normal(0, 0.1), 0, 1))
            elif t == "yes_no":
                row[ind.id] = bool(rng.random() < level[k] / 5)
            elif t == "choice":
                row[ind.id] = ind.choices[min(len(ind.choices) - 1, int(level[k] / 5 * len(ind.choices)))].value
        responses[code] = row
    return run_chain(fw, responses, metas, illustrative=True, mc_runs=100, time_limit_s=5.0,
                     country=Translated.of("Iraq", "العراق", "عێراق"))
