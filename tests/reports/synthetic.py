"""A chain run on generated (illustrative) answers, for report tests."""

from typing import Any

from raqmana.frameworks.illustrative import illustrative_answers
from raqmana.frameworks.schema import Framework
from raqmana.i18n import Translated
from raqmana.reports.chain import ChainResult, InstitutionMeta, run_chain

NAMES = [
    ("Ministry of Planning", "وزارة التخطيط", "وەزارەتی پلاندانان"),
    ("Ministry of Health", "وزارة الصحة", "وەزارەتی تەندروستی"),
    ("Ministry of Finance", "وزارة المالية", "وەزارەتی دارایی"),
    ("Ministry of Justice", "وزارة العدل", "وەزارەتی دادوەری"),
    ("Basra Governorate", "محافظة البصرة", "پارێزگای بەسرە"),
    ("Nineveh Governorate", "محافظة نينوى", "پارێزگای نەینەوا"),
]


def synthetic_chain(fw: Framework, *, institutions: int = 12, seed: int = 3, **chain: Any) -> ChainResult:
    """``chain``: more arguments of :func:`run_chain` (e.g. ``assessment_name``)."""
    metas = {
        "comsec": InstitutionMeta(
            "comsec",
            Translated.of(
                "General Secretariat", "الأمانة العامة لمجلس الوزراء", "ئەمینداریی گشتیی ئەنجومەنی وەزیران"
            ),
            "secretariat",
        )
    }
    for k in range(institutions - 1):
        en, ar, ckb = NAMES[k % len(NAMES)]
        kind = "governorate" if "Governorate" in en else "ministry"
        metas[f"i{k}"] = InstitutionMeta(
            f"i{k}",
            Translated.of(f"{en} {k}", f"{ar} {k}", f"{ckb} {k}"),
            kind,
            governorate=f"i{k}" if kind == "governorate" else "",
        )
    responses = illustrative_answers(fw, list(metas), seed=seed, low=0.5, high=3.5)
    return run_chain(
        fw,
        responses,
        metas,
        illustrative=True,
        mc_runs=100,
        time_limit_s=5.0,
        country=Translated.of("Iraq", "العراق", "عێراق"),
        **chain,
    )
