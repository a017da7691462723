"""A chain run on generated (illustrative) answers, for report tests."""

from raqmana.frameworks.illustrative import illustrative_answers
from raqmana.frameworks.schema import Framework
from raqmana.i18n import Translated
from raqmana.reports.chain import ChainResult, InstitutionMeta, run_chain

NAMES = [("Ministry of Planning", "وزارة التخطيط"), ("Ministry of Health", "وزارة الصحة"),
         ("Ministry of Finance", "وزارة المالية"), ("Ministry of Justice", "وزارة العدل"),
         ("Basra Governorate", "محافظة البصرة"), ("Nineveh Governorate", "محافظة نينوى")]


def synthetic_chain(fw: Framework, *, institutions: int = 12, seed: int = 3) -> ChainResult:
    metas = {"comsec": InstitutionMeta("comsec", Translated.of("General Secretariat", "الأمانة العامة لمجلس الوزراء",
                                                              "ئەمینداریی گشتیی ئەنجومەنی وەزیران"), "secretariat")}
    for k in range(institutions - 1):
        en, ar = NAMES[k % len(NAMES)]
        kind = "governorate" if "Governorate" in en else "ministry"
        metas[f"i{k}"] = InstitutionMeta(f"i{k}", Translated.of(f"{en} {k}", f"{ar} {k}", f"{en} {k}"), kind,
                                         governorate=f"i{k}" if kind == "governorate" else "")
    responses = illustrative_answers(fw, list(metas), seed=seed, low=0.5, high=3.5)
    return run_chain(fw, responses, metas, illustrative=True, mc_runs=100, time_limit_s=5.0,
                     country=Translated.of("Iraq", "العراق", "عێراق"))
