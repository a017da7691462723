"""An institution's profile: its scores, stage per enabler, gaps, recommendations and roadmap actions."""

from __future__ import annotations

from raqmana.i18n import Translated
from raqmana.i18n.catalog import ui, ui_n
from raqmana.i18n.dates import quarter_text
from raqmana.reports import charts
from raqmana.reports.inputs import InstitutionResult, ReportInputs
from raqmana.reports.labels import cover_lines, label, report_labels
from raqmana.reports.model import Block, Figure, Note, Paragraph, Report, Section, Table
from raqmana.reports.text import integer, num, pct, prose_digits
from raqmana.roadmap.model import initiative_code

T = Translated.of

SENTENCES = {
    "overall": ui(
        "{name} scores {score} out of {max} (stage {stage}: {stage_name}); national average {national}."
    ),
    "national": ui("National average"),
    "gaps": ui("Gaps to the target stage"),
    "actions": ui("Roadmap actions owned by this institution"),
}


def build_institution(
    inputs: ReportInputs,
    inst: InstitutionResult,
    lang: str,
    *,
    recommendations: list[tuple[str, Translated, str]] | None = None,
) -> Report:
    """``recommendations``: (id, title, horizon) of the recommendations addressed to this institution."""
    fw = inputs.framework
    d = inputs.digits

    def t(text: str) -> str:
        return prose_digits(text, lang, d)

    names = {p.id: t(p.name.get(lang)) for p in fw.pillars}
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
        blocks.append(
            Paragraph(
                SENTENCES["overall"]
                .get(lang)
                .format(
                    name=t(inst.name.get(lang)),
                    score=num(inst.overall, lang, 2, d),
                    max=integer(5, lang, d),
                    stage=integer(stage, lang, d),
                    stage_name=fw.stage_label(stage).get(lang),
                    national=num(inputs.national_score, lang, 2, d),
                )
            )
        )
        if inst.rank_low is not None:
            blocks.append(
                Paragraph(
                    ui_n(
                        "Rank among {n} institution: {low} to {high} (in {ninety} of the Monte Carlo runs).",
                        "Rank among {n} institutions: {low} to {high} (in {ninety} of the Monte Carlo runs).",
                        len(inputs.institutions),
                    )
                    .get(lang)
                    .format(
                        n=integer(len(inputs.institutions), lang, d),
                        low=integer(inst.rank_low, lang, d),
                        high=integer(inst.rank_high, lang, d),
                        ninety=pct(0.9, lang, digits=d),
                    )
                )
            )
            gloss = " ".join(label(k, lang, d) for k in ("gloss_interval", "gloss_rank"))
            blocks.append(Note(f"{label('gloss_title', lang)}: {gloss}", "info"))
    rows = [[names[p], inst.scores.get(p), national.get(p)] for p in pids]
    table = Table(
        "enablers",
        label("findings", lang),
        [label("enabler", lang), label("score", lang, d), SENTENCES["national"].get(lang)],
        rows,
        numeric=[1, 2],
        sheet=label("sheet_enablers", lang),
        widths=[5, 1.5, 1.5],
    )
    have = [p for p in pids if inst.scores.get(p) is not None]
    if len(have) >= 3:
        chart = charts.radar(
            [names[p] for p in have],
            {
                t(inst.name.get(lang)): [inst.scores[p] or 0.0 for p in have],
                SENTENCES["national"].get(lang): [national.get(p) or 0.0 for p in have],
            },
            lang,
            digits=d,
        )
        blocks.append(Figure("radar", label("findings", lang), chart, table))
    else:
        blocks.append(table)
    gaps = [
        [names[p], inst.scores[p], target, round(target - (inst.scores[p] or 0.0), 2)]
        for p in have
        if (inst.scores[p] or 0.0) < target
    ]
    gap_section = Section(
        "gaps",
        SENTENCES["gaps"].get(lang),
        [
            Table(
                "gaps",
                SENTENCES["gaps"].get(lang),
                [label("enabler", lang), label("score", lang, d), label("target", lang), label("gap", lang)],
                sorted(gaps, key=lambda r: -float(r[3] or 0)),
                numeric=[1, 2, 3],
                sheet=label("sheet_gaps", lang),
                widths=[5, 1.5, 1.5, 1.5],
            )
        ]
        if gaps
        else [Note(label("missing_section", lang), "missing")],
    )
    recs = recommendations or []
    rec_section = Section(
        "recommendations",
        label("recommendations", lang),
        [
            Table(
                "recommendations",
                label("recommendations", lang),
                [label("code", lang), label("recommendation", lang), label("horizon", lang)],
                [[initiative_code(rid), t(title.get(lang)), label(h, lang, d)] for rid, title, h in recs],
                widths=[1.5, 8, 2.5],
            )
        ]
        if recs
        else [Note(label("missing_section", lang), "missing")],
    )
    actions = [i for i in inputs.initiatives if i.owner == inst.code]
    act_section = Section(
        "actions",
        SENTENCES["actions"].get(lang),
        [
            Table(
                "actions",
                SENTENCES["actions"].get(lang),
                [
                    label("code", lang),
                    label("initiative", lang),
                    label("start", lang),
                    label("end", lang),
                    label("cost", lang),
                ],
                [
                    [
                        a.code,
                        t(a.name.get(lang)),
                        quarter_text(a.start, lang, d),
                        quarter_text(a.end, lang, d),
                        a.cost,
                    ]
                    for a in actions
                ],
                numeric=[4],
                decimals=0,
                sheet=label("sheet_actions", lang),
                widths=[1.5, 8, 1.6, 1.6, 2],
            )
        ]
        if actions
        else [Note(label("missing_section", lang), "missing")],
    )
    return Report(
        id=f"institution-{inst.code}",
        lang=lang,
        title=t(inst.name.get(lang)),
        subtitle=f"{label('institution_title', lang)} — {label('national_title', lang)}",
        date=inputs.date,
        sections=[Section("profile", label("summary", lang), blocks), gap_section, rec_section, act_section],
        header=f"{label('product', lang)} · {label('institution_title', lang)}",
        cover=cover_lines(inputs, lang),
        illustrative=inputs.illustrative,
        illustrative_note=label("illustrative", lang),
        provenance=inputs.provenance_in(lang),
        labels=report_labels(lang),
        digits=d,
    )
