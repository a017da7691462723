"""A chain run on generated (illustrative) answers, for report tests."""

from raqmana.frameworks.illustrative import illustrative_answers
from raqmana.frameworks.schema import Framework
from raqmana.i18n import Translated
from raqmana.pipeline import ChainOptions, ChainResult, InstitutionMeta, RoundOptions, country_for, run_chain

NAMES = [
    ("Ministry of Planning", "وزارة التخطيط", "وەزارەتی پلاندانان"),
    ("Ministry of Health", "وزارة الصحة", "وەزارەتی تەندروستی"),
    ("Ministry of Finance", "وزارة المالية", "وەزارەتی دارایی"),
    ("Ministry of Justice", "وزارة العدل", "وەزارەتی دادوەری"),
    ("Basra Governorate", "محافظة البصرة", "پارێزگای بەسرە"),
    ("Nineveh Governorate", "محافظة نينوى", "پارێزگای نەینەوا"),
]


def synthetic_chain(
    fw: Framework, *, institutions: int = 12, seed: int = 3, assessment_name: Translated | None = None
) -> ChainResult:
    """A chain on generated answers of the framework pack's country (its lead institution and others);
    ``assessment_name``: the round's name."""
    country = country_for(fw.id)
    lead = country.lead_institution
    metas = {
        lead: InstitutionMeta(
            lead,
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
    options = ChainOptions(
        country=country,
        round=RoundOptions(name=assessment_name),
        illustrative=True,
        mc_runs=100,
        time_limit_s=5.0,
    )
    return run_chain(fw, responses, metas, options)
