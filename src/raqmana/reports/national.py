"""The national Digital Landscape Assessment report, built from :class:`ReportInputs`."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from raqmana.i18n import Translated
from raqmana.i18n.numbers import format_number
from raqmana.reports import charts
from raqmana.reports.inputs import ReportInputs
from raqmana.reports.labels import label, report_labels
from raqmana.reports.model import Block, Bullets, Figure, Note, Paragraph, Report, Section, Table

T = Translated.of

PHASES = {
    "short": T("Short term", "قصير الأمد", "کورتخایەن"),
    "medium": T("Medium term", "متوسط الأمد", "مامناوەند"),
    "long": T("Long term", "طويل الأمد", "درێژخایەن"),
}
HEATMAP_ROWS = 40
SENTENCES = {
    "heatmap_subset": T("The {n} institutions furthest behind, of {total}", "الجهات الـ{n} الأكثر تأخراً من أصل {total}",
                        "ئەو {n} دامەزراوەیەی زۆرترین دواکەوتنیان ھەیە، لە کۆی {total}"),
    "overall": T(
        "Across {n} institutions, the public sector's digital maturity scores {score} out of 5 — stage {stage} ({stage_name}).",
        "على مستوى {n} جهة، بلغت درجة النضج الرقمي للقطاع العام {score} من 5 — المرحلة {stage} ({stage_name}).",
        "لە {n} دامەزراوەدا، پێگەیشتنی دیجیتاڵیی کەرتی گشتی نمرەی {score} لە 5 وەردەگرێت — قۆناغی {stage} ({stage_name}).",
    ),
    "strongest": T("Strongest enablers: {items}.", "أقوى عوامل التمكين: {items}.", "بەهێزترین هۆکارەکان: {items}."),
    "weakest": T("Weakest enablers: {items}.", "أضعف عوامل التمكين: {items}.", "لاوازترین هۆکارەکان: {items}."),
    "recs": T(
        "The assessment yields {short} short-term and {long} long-term recommendations, scheduled into {n} roadmap initiatives.",
        "أفضى التقييم إلى {short} توصية قصيرة الأمد و{long} توصية طويلة الأمد، جرت جدولتها في {n} مبادرة ضمن خارطة الطريق.",
        "هەڵسەنگاندنەکە {short} ڕاسپاردەی کورتخایەن و {long} ڕاسپاردەی درێژخایەنی لێکەوتەوە کە لە {n} دەستپێشخەریی نەخشەڕێگادا خشتە کراون.",
    ),
    "framework": T(
        "The assessment uses the framework “{name}” (version {version}): {pillars} enablers and {indicators} indicators. "
        "Each indicator is answered on a maturity ladder whose stages are defined by the evidence that proves them; "
        "only answers accepted by a reviewer are scored.",
        "يعتمد التقييم إطار «{name}» (الإصدار {version}): {pillars} عاملاً من عوامل التمكين و{indicators} مؤشراً. "
        "يُجاب عن كل مؤشر على سلّم نضج تُعرَّف مراحله بالأدلة التي تثبتها، ولا تُحتسب إلا الإجابات التي قبلها المراجع.",
        "هەڵسەنگاندنەکە چوارچێوەی «{name}» (وەشانی {version}) بەکاردەهێنێت: {pillars} هۆکاری ڕێخۆشکەر و {indicators} پێوەر. "
        "وەڵامی هەر پێوەرێک لەسەر پەیژەیەکی پێگەیشتن دەدرێتەوە کە قۆناغەکانی بەو بەڵگانە پێناسە دەکرێن کە دەیسەلمێنن؛ "
        "تەنها ئەو وەڵامانە دەژمێردرێن کە پێداچووەر پەسەندی کردوون.",
    ),
    "enabler_line": T(
        "Score {score} (stage {stage}); 90 % interval {low}–{high}; data coverage {coverage}.",
        "الدرجة {score} (المرحلة {stage})؛ مجال الثقة 90٪ من {low} إلى {high}؛ تغطية البيانات {coverage}.",
        "نمرە {score} (قۆناغی {stage})؛ مەودای 90٪ لە {low} بۆ {high}؛ ڕووماڵی داتا {coverage}.",
    ),
    "lowest_institutions": T("Institutions furthest behind on this enabler", "الجهات الأكثر تأخراً في هذا العامل",
                             "ئەو دامەزراوانەی لەم هۆکارەدا زۆرترین دواکەوتنیان هەیە"),
    "inequality": T("Gini {gini}, Theil {theil}. Furthest behind: {items}.",
                    "معامل جيني {gini}، مؤشر ثايل {theil}. الأكثر تأخراً: {items}.",
                    "هاوکۆلکەی جینی {gini}، پێوەری تایل {theil}. دواکەوتووترین: {items}."),
}


def _fmt(value: float | None, lang: str, decimals: int = 2) -> str:
    return "—" if value is None else format_number(value, lang, decimals=decimals)


def _s(key: str, lang: str, **params: object) -> str:
    return SENTENCES[key].get(lang).format(**params)


def _missing(lang: str) -> Note:
    return Note(label("missing_section", lang), "missing")


def build_national(inputs: ReportInputs, lang: str) -> Report:
    fw = inputs.framework
    names = {p.id: p.name.get(lang) for p in fw.pillars}
    sections = [
        _summary(inputs, lang, names),
        _methodology(inputs, lang),
        _findings(inputs, lang, names),
        _benchmarks(inputs, lang),
        _divide(inputs, lang),
        _bottlenecks(inputs, lang, names),
        _recommendations(inputs, lang, names),
        _roadmap(inputs, lang),
        _kpis(inputs, lang),
        _annex_framework(inputs, lang, names),
        _annex_data(inputs, lang, names),
    ]
    title = label("national_title", lang)
    return Report(
        id="national", lang=lang, title=f"{title} — {inputs.country.get(lang)}",
        subtitle=label("national_subtitle", lang), date=inputs.date, sections=sections,
        header=f"raqmana · {title}", illustrative=inputs.illustrative, illustrative_note=label("illustrative", lang),
        provenance=inputs.provenance, labels=report_labels(lang),
    )


def _summary(inputs: ReportInputs, lang: str, names: dict[str, str]) -> Section:
    blocks: list[Block] = []
    if inputs.illustrative:
        blocks.append(Note(label("illustrative", lang), "warning"))
    scored = [e for e in inputs.enablers if e.score is not None]
    if inputs.national_score is None or not scored:
        blocks.append(_missing(lang))
        return Section("summary", label("summary", lang), blocks)
    stage = inputs.national_stage if inputs.national_stage is not None else int(inputs.national_score)
    blocks.append(Paragraph(_s("overall", lang, n=len(inputs.institutions), score=_fmt(inputs.national_score, lang),
                                stage=stage, stage_name=inputs.framework.stage_label(stage).get(lang))))
    ranked = sorted(scored, key=lambda e: e.score or 0.0)
    sep = ", " if lang == "en" else "، "
    blocks.append(Paragraph(_s("strongest", lang, items=sep.join(names[e.pillar_id] for e in ranked[::-1][:3]))))
    blocks.append(Paragraph(_s("weakest", lang, items=sep.join(names[e.pillar_id] for e in ranked[:3]))))
    if inputs.bottlenecks:
        blocks.append(Bullets([f"{names.get(b.pillar_id, b.pillar_id)}: {b.reason.get(lang)}" for b in inputs.bottlenecks[:3]]))
    if inputs.recommendations:
        short = sum(1 for r in inputs.recommendations if r.horizon == "short")
        blocks.append(Paragraph(_s("recs", lang, short=short, long=len(inputs.recommendations) - short,
                                   n=len(inputs.initiatives))))
    if inputs.roadmap_summary:
        blocks.append(Paragraph(inputs.roadmap_summary.get(lang)))
    return Section("summary", label("summary", lang), blocks)


def _methodology(inputs: ReportInputs, lang: str) -> Section:
    fw = inputs.framework
    counts = fw.counts()
    blocks: list[Block] = [Paragraph(_s("framework", lang, name=fw.name.get(lang), version=fw.version,
                                        pillars=counts["pillars"], indicators=counts["indicators"]))]
    rows = [[sl.stage, sl.label.get(lang), sl.description.get(lang)] for sl in fw.stage_labels]
    if rows:
        blocks.append(Table("stages", label("stage", lang), [label("stage", lang), label("stage", lang), ""], rows))
    text = inputs.methodology.get(lang) or inputs.methodology.get("en")
    return Section("methodology", label("methodology", lang), blocks, _markdown_sections(text or "", "method"))


def _markdown_sections(text: str, prefix: str) -> list[Section]:
    """The scoring engine's methodology (headings ``##``, bullets ``-``, paragraphs) as report sections."""
    subs: list[Section] = []
    current: Section | None = None
    bullets: list[str] = []

    def flush() -> None:
        if bullets and current is not None:
            current.blocks.append(Bullets(list(bullets)))
        bullets.clear()

    for chunk in text.split("\n"):
        line = chunk.strip()
        if line.startswith("## "):
            flush()
            current = Section(f"{prefix}_{len(subs) + 1}", line[3:].strip())
            subs.append(current)
        elif line.startswith("# ") or not line:
            flush()
        elif line.startswith("- "):
            bullets.append(line[2:])
        elif current is not None:
            flush()
            current.blocks.append(Paragraph(line))
    flush()
    return subs


def _findings(inputs: ReportInputs, lang: str, names: dict[str, str]) -> Section:
    scored = [e for e in inputs.enablers if e.score is not None]
    if not scored:
        return Section("findings", label("findings", lang), [_missing(lang)])
    cols = [label("enabler", lang), label("score", lang), label("stage", lang), label("interval", lang),
            label("coverage", lang), label("stability", lang)]
    rows = [[names[e.pillar_id], e.score, e.stage,
             f"{_fmt(e.low, lang)}–{_fmt(e.high, lang)}" if e.low is not None else None,
             None if e.coverage is None else round(100 * e.coverage), None if e.stability is None else
             round(100 * e.stability)] for e in inputs.enablers]
    table = Table("enabler_scores", label("findings", lang), cols, rows, numeric=[1, 2, 4, 5])
    errs = [(e.low, e.high) if e.low is not None and e.high is not None else (e.score, e.score) for e in scored]
    target = next((e.target for e in scored if e.target is not None), None)
    chart = charts.bar_scores([names[e.pillar_id] for e in scored], [e.score or 0.0 for e in scored], lang,
                              target=target, errors=errs, xlabel=label("score", lang))  # type: ignore[arg-type]
    blocks: list[Block] = [Figure("fig_enablers", label("findings", lang), chart, table)]
    subs = []
    for e in inputs.enablers:
        pillar = inputs.framework.pillars[[p.id for p in inputs.framework.pillars].index(e.pillar_id)]
        sb: list[Block] = [Paragraph(pillar.description.get(lang))] if pillar.description.get(lang) else []
        if e.score is None:
            sb.append(_missing(lang))
        else:
            sb.append(Paragraph(_s("enabler_line", lang, score=_fmt(e.score, lang), stage=e.stage,
                                   low=_fmt(e.low, lang), high=_fmt(e.high, lang),
                                   coverage=_fmt(100 * (e.coverage or 0), lang, 0) + "%")))
            behind = sorted((i for i in inputs.institutions if i.scores.get(e.pillar_id) is not None),
                            key=lambda i: i.scores[e.pillar_id] or 0.0)[:5]
            if behind:
                sb.append(Table(f"behind_{e.pillar_id}", SENTENCES["lowest_institutions"].get(lang),
                                [label("institution", lang), label("score", lang)],
                                [[i.name.get(lang), i.scores[e.pillar_id]] for i in behind], numeric=[1]))
        subs.append(Section(f"enabler_{e.pillar_id}", names[e.pillar_id], sb))
    return Section("findings", label("findings", lang), blocks, subs)


def _benchmarks(inputs: ReportInputs, lang: str) -> Section:
    if not inputs.indices:
        return Section("benchmarks", label("benchmarks", lang), [_missing(lang)])
    from raqmana.indices.countries import name as country_name

    def named(code: str) -> str:
        return country_name(code, lang) if len(code) == 3 and code.isupper() else code

    blocks: list[Block] = []
    for series in inputs.indices:
        if len(series.years) == 1:
            items = sorted(((named(c), v[0]) for c, v in series.values.items() if v[0] is not None),
                           key=lambda kv: -kv[1])
            chart = charts.bar_scores([k for k, _ in items], [v for _, v in items], lang, xmax=series.scale_max,
                                      xlabel=series.index)
        else:
            chart = charts.trend(series.years, series.values, lang, ylabel=series.index, ymax=series.scale_max)
        rows = [[named(country), *vals] for country, vals in series.values.items()]
        table = Table(f"index_{series.index}", series.index, [label("country", lang), *map(str, series.years)], rows,
                      numeric=list(range(1, len(series.years) + 1)), decimals=3, source=series.source)
        blocks.append(Figure(f"fig_{series.index}", series.index, chart, table, source=series.source))
    return Section("benchmarks", label("benchmarks", lang), blocks, page_break=True)


def _divide(inputs: ReportInputs, lang: str) -> Section:
    if not inputs.divides:
        return Section("divide", label("divide", lang), [_missing(lang)])
    blocks: list[Block] = []
    sep = ", " if lang == "en" else "، "
    for k, d in enumerate(inputs.divides):
        rows = [[g.label.get(lang), g.mean, g.count] for g in d.groups]
        blocks.append(Table(f"divide_{k}", d.dimension.get(lang), [d.dimension.get(lang), label("score", lang), "n"],
                            rows, numeric=[1, 2]))
        blocks.append(Paragraph(_s("inequality", lang, gini=_fmt(d.gini, lang, 3), theil=_fmt(d.theil, lang, 3),
                                   items=sep.join(x.get(lang) for x in d.furthest_behind[:5]))))
    return Section("divide", label("divide", lang), blocks)


def _bottlenecks(inputs: ReportInputs, lang: str, names: dict[str, str]) -> Section:
    if not inputs.bottlenecks:
        return Section("bottlenecks", label("bottlenecks", lang), [_missing(lang)])
    rows = [[names.get(b.pillar_id, b.pillar_id), b.score, ", ".join(names.get(x, x) for x in b.blocks),
             b.reason.get(lang)] for b in inputs.bottlenecks]
    return Section("bottlenecks", label("bottlenecks", lang), [Table(
        "bottlenecks", label("bottlenecks", lang),
        [label("enabler", lang), label("score", lang), label("enabler", lang), ""], rows, numeric=[1])])


def _owner_names(inputs: ReportInputs, lang: str) -> Callable[[str], str]:
    """Institution code → its name in ``lang`` (codes not in the assessment stay as they are)."""
    known = {i.code: i.name.get(lang) for i in inputs.institutions}
    known.update({code: name.get(lang) for code, name in inputs.owner_names.items()})
    return lambda code: known.get(code, code)


def _recommendations(inputs: ReportInputs, lang: str, names: dict[str, str]) -> Section:
    if not inputs.recommendations:
        return Section("recommendations", label("recommendations", lang), [_missing(lang)])
    owner = _owner_names(inputs, lang)
    subs = []
    for horizon in ("short", "long"):
        items = [r for r in inputs.recommendations if r.horizon == horizon]
        rows = [[r.id, r.title.get(lang), names.get(r.pillar_id, r.pillar_id), ", ".join(r.sdg), owner(r.owner),
                 r.rationale.get(lang)] for r in items]
        table = Table(f"recs_{horizon}", label(horizon, lang),
                      ["#", label("recommendations", lang), label("enabler", lang), label("sdg", lang),
                       label("owner", lang), ""], rows)
        subs.append(Section(f"recs_{horizon}", label(horizon, lang), [table] if rows else [_missing(lang)]))
    return Section("recommendations", label("recommendations", lang), [], subs, page_break=True)


def _roadmap(inputs: ReportInputs, lang: str) -> Section:
    if not inputs.initiatives:
        return Section("roadmap", label("roadmap", lang), [_missing(lang)])
    blocks: list[Block] = []
    if inputs.roadmap_summary:
        blocks.append(Paragraph(inputs.roadmap_summary.get(lang)))
    owner = _owner_names(inputs, lang)
    rows = [[i.id, i.name.get(lang), owner(i.owner), i.start, i.end, i.cost, ", ".join(i.depends_on),
             PHASES[i.phase].get(lang) if i.phase in PHASES else i.phase]
            for i in inputs.initiatives]
    table = Table("initiatives", label("roadmap", lang),
                  ["#", label("initiative", lang), label("owner", lang), label("start", lang), label("end", lang),
                   label("cost", lang), "↤", label("phase", lang)], rows, numeric=[5], decimals=0)
    if inputs.gantt is not None:
        blocks.append(Figure("gantt", label("roadmap", lang), inputs.gantt(lang), None))
    blocks.append(table)
    return Section("roadmap", label("roadmap", lang), blocks, page_break=True)


def _kpis(inputs: ReportInputs, lang: str) -> Section:
    if not inputs.kpis:
        return Section("kpis", label("kpis", lang), [_missing(lang)])
    rows = [[k.name.get(lang), k.unit, k.baseline, k.target, k.source] for k in inputs.kpis]
    return Section("kpis", label("kpis", lang), [Table(
        "kpis", label("kpis", lang),
        [label("kpi", lang), label("unit", lang), "baseline", label("target", lang), label("source", lang)], rows)])


def _annex_framework(inputs: ReportInputs, lang: str, names: dict[str, str]) -> Section:
    rows = []
    for p in inputs.framework.pillars:
        for s in p.sub_areas:
            for i in s.indicators:
                rows.append([i.id, i.name.get(lang), names[p.id], ", ".join(i.crosswalk.sdg)])
    return Section("annex_framework", label("annex_framework", lang), [Table(
        "framework_indicators", label("indicators", lang),
        ["#", label("indicator", lang), label("enabler", lang), label("sdg", lang)], rows)], page_break=True)


def _annex_data(inputs: ReportInputs, lang: str, names: dict[str, str]) -> Section:
    if not inputs.institutions:
        return Section("annex_data", label("annex_data", lang), [_missing(lang)])
    pids = [p.id for p in inputs.framework.pillars]
    rows = [[i.name.get(lang), *[i.scores.get(pid) for pid in pids], i.overall] for i in inputs.institutions]
    table = Table("institution_scores", label("annex_data", lang),
                  [label("institution", lang), *pids, label("score", lang)], rows,
                  numeric=list(range(1, len(pids) + 2)), decimals=1)
    shown = inputs.institutions
    caption = label("annex_data", lang)
    if len(shown) > HEATMAP_ROWS:  # a printed heat map holds a few dozen rows: those furthest behind
        shown = sorted(shown, key=lambda i: (i.overall is None, i.overall or 0.0))[:HEATMAP_ROWS]
        caption = SENTENCES["heatmap_subset"].get(lang).format(n=HEATMAP_ROWS, total=len(inputs.institutions))
    values = np.array([[np.nan if i.scores.get(pid) is None else i.scores[pid] for pid in pids]
                       for i in shown], dtype=float)
    chart = charts.heatmap([i.name.get(lang) for i in shown], [names[p] for p in pids], values, lang)
    return Section("annex_data", label("annex_data", lang),
                   [Figure("heatmap", caption, chart, None), table], page_break=True)
