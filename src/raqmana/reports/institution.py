"""An institution's profile: its scores, stage per enabler, gaps, recommendations and roadmap actions."""

from __future__ import annotations

from raqmana.i18n import Translated
from raqmana.i18n.numbers import format_number
from raqmana.reports import charts
from raqmana.reports.inputs import InstitutionResult, ReportInputs
from raqmana.reports.labels import label, report_labels
from raqmana.reports.model import Block, Figure, Note, Paragraph, Report, Section, Table

T = Translated.of

SENTENCES = {
    "overall": T(
        "{name} scores {score} out of 5 (stage {stage}: {stage_name}); national average {national}.",
        "حصلت {name} على درجة {score} من 5 (المرحلة {stage}: {stage_name})؛ المعدل الوطني {national}.",
        "{name} نمرەی {score} لە 5 وەرگرتووە (قۆناغی {stage}: {stage_name})؛ تێکڕای نیشتمانی {national}.",
    ),
    "rank": T("Rank among {n} institutions: {low}–{high} (90 % of Monte Carlo runs).",
              "الترتيب بين {n} جهة: من {low} إلى {high} (90٪ من محاكاة مونت كارلو).",
              "ڕیزبەندی لە نێوان {n} دامەزراوەدا: {low}–{high} (90٪ی هەوڵەکانی مۆنتی کارلۆ)."),
    "national": T("National average", "المعدل الوطني", "تێکڕای نیشتمانی"),
    "gaps": T("Gaps to the target stage", "الفجوات عن المرحلة المستهدفة", "بۆشاییەکان لە قۆناغی ئامانج"),
    "actions": T("Roadmap actions owned by this institution", "إجراءات خارطة الطريق التي تتولاها الجهة",
                 "کارەکانی نەخشەڕێگا کە ئەم دامەزراوەیە بەرپرسیارە لێیان"),
}


def _fmt(v: float | None, lang: str) -> str:
    return "—" if v is None else format_number(v, lang, decimals=2)


def build_institution(inputs: ReportInputs, inst: InstitutionResult, lang: str, *,
                      recommendations: list[tuple[str, Translated, str]] | None = None) -> Report:
    """``recommendations``: (id, title, horizon) of the recommendations addressed to this institution."""
    fw = inputs.framework
    names = {p.id: p.name.get(lang) for p in fw.pillars}
    pids = [p.id for p in fw.pillars]
    national = {e.pillar_id: e.score for e in inputs.enablers}
    target = next((e.target for e in inputs.enablers if e.target is not None), 3)
    blocks: list[Block] = []
    if inputs.illustrative:
        blocks.append(Note(label("illustrative", lang), "warning"))
    if inst.overall is None:
        blocks.append(Note(label("missing_section", lang), "missing"))
    else:
        stage = inst.stage if inst.stage is not None else int(inst.overall)
        blocks.append(Paragraph(SENTENCES["overall"].get(lang).format(
            name=inst.name.get(lang), score=_fmt(inst.overall, lang), stage=stage,
            stage_name=fw.stage_label(stage).get(lang), national=_fmt(inputs.national_score, lang))))
        if inst.rank_low is not None:
            blocks.append(Paragraph(SENTENCES["rank"].get(lang).format(
                n=len(inputs.institutions), low=inst.rank_low, high=inst.rank_high)))
    rows = [[names[p], inst.scores.get(p), national.get(p)] for p in pids]
    table = Table("enablers", label("findings", lang),
                  [label("enabler", lang), label("score", lang), SENTENCES["national"].get(lang)], rows, numeric=[1, 2])
    have = [p for p in pids if inst.scores.get(p) is not None]
    if len(have) >= 3:
        chart = charts.radar([names[p] for p in have], {
            inst.name.get(lang): [inst.scores[p] or 0.0 for p in have],
            SENTENCES["national"].get(lang): [national.get(p) or 0.0 for p in have],
        }, lang)
        blocks.append(Figure("radar", label("findings", lang), chart, table))
    else:
        blocks.append(table)
    gaps = [[names[p], inst.scores[p], target, round(target - (inst.scores[p] or 0.0), 2)]
            for p in have if (inst.scores[p] or 0.0) < target]
    gap_section = Section("gaps", SENTENCES["gaps"].get(lang), [Table(
        "gaps", SENTENCES["gaps"].get(lang),
        [label("enabler", lang), label("score", lang), label("target", lang), label("gap", lang)],
        sorted(gaps, key=lambda r: -float(r[3] or 0)), numeric=[1, 2, 3])] if gaps else [Note(label("missing_section", lang), "missing")])
    recs = recommendations or []
    rec_section = Section("recommendations", label("recommendations", lang), [Table(
        "recommendations", label("recommendations", lang), ["#", label("recommendations", lang), label("horizon", lang)],
        [[rid, title.get(lang), label(h, lang)] for rid, title, h in recs])] if recs else
        [Note(label("missing_section", lang), "missing")])
    actions = [i for i in inputs.initiatives if i.owner == inst.code]
    act_section = Section("actions", SENTENCES["actions"].get(lang), [Table(
        "actions", SENTENCES["actions"].get(lang),
        ["#", label("initiative", lang), label("start", lang), label("end", lang), label("cost", lang)],
        [[a.id, a.name.get(lang), a.start, a.end, a.cost] for a in actions], numeric=[4], decimals=0)] if actions else
        [Note(label("missing_section", lang), "missing")])
    return Report(
        id=f"institution-{inst.code}", lang=lang, title=inst.name.get(lang),
        subtitle=f"{label('institution_title', lang)} — {label('national_title', lang)}", date=inputs.date,
        sections=[Section("profile", label("summary", lang), blocks), gap_section, rec_section, act_section],
        header=f"raqmana · {label('institution_title', lang)}", illustrative=inputs.illustrative,
        illustrative_note=label("illustrative", lang), provenance=inputs.provenance, labels=report_labels(lang),
    )
