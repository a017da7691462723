"""The national Digital Landscape Assessment report, built from :class:`ReportInputs`.

Every number in its sentences, tables and captions is written with the report's digits
(:mod:`raqmana.reports.text`); lists of names are separated by ";" / "؛" because names contain commas.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from raqmana.i18n import Translated, vocabulary
from raqmana.i18n.catalog import ui
from raqmana.i18n.dates import quarter_text
from raqmana.reports import charts
from raqmana.reports.groups import by_kind
from raqmana.reports.inputs import InstitutionResult, ReportInputs
from raqmana.reports.labels import COMPONENTS, cover_lines, label, report_labels, time_rule
from raqmana.reports.model import (
    Block,
    Bullets,
    Figure,
    Interval,
    KeyFigures,
    Note,
    Paragraph,
    Report,
    Section,
    Table,
)
from raqmana.reports.text import integer, listing, num, pct, plain, prose_digits, span
from raqmana.roadmap.model import initiative_code

PHASES = vocabulary.names("phase name")
HEATMAP_ROWS = 40
#: institutions whose scores the printed annex lists in full (beyond: only in the workbook)
ANNEX_PRINT_ROWS = 120
SENTENCES = {
    "heatmap_subset": ui("The {n} institutions furthest behind, of {total}"),
    "annex_in_workbook": ui(
        "The scores of all {n} institutions are in the report's workbook (XLSX), sheet “{sheet}”."
    ),
    "strongest": ui("Strongest enablers: {items}."),
    "weakest": ui("Weakest enablers: {items}."),
    "out_of": ui("{score} out of {max}"),
    "scheduled_later": ui(
        "Recommended for the short term (within 18 months) but scheduled to finish later, because what they depend on, the budget or their owners' capacity comes first: {items}."
    ),
    "bottlenecks_named": ui("Bottlenecks holding other enablers back: {items}."),
    "framework": ui(
        "The assessment uses the framework “{name}” (version {version}): {pillars} enablers and {indicators} indicators. Each indicator is answered on a maturity ladder whose stages are defined by the evidence that proves them; only answers accepted by a reviewer are scored."
    ),
    "enabler_line": ui("Score {score} (stage {stage}); {ninety} interval {range}; data coverage {coverage}."),
    "lowest_institutions": ui("Institutions furthest behind on this enabler"),
    "inequality": ui("Gini {gini}, Theil {theil}. Furthest behind: {items}."),
    "bottleneck_rule": ui(
        "An enabler is a bottleneck when it scores at or below {limit} (the median of the enablers' scores) and other enablers depend on it."
    ),
}


@dataclass(frozen=True)
class _W:
    """The words and numbers of one report: its language and digit setting."""

    lang: str
    digits: str | None

    def l(self, key: str) -> str:  # noqa: E743 — a label
        return label(key, self.lang, self.digits)

    def n(self, value: float | None, decimals: int = 2) -> str:
        return num(value, self.lang, decimals, self.digits)

    def i(self, value: float | None) -> str:
        return integer(value, self.lang, self.digits)

    def p(self, share: float | None) -> str:
        return pct(share, self.lang, digits=self.digits)

    def s(self, key: str, **params: object) -> str:
        return SENTENCES[key].get(self.lang).format(**params)

    def s_n(self, phrase: Translated, **params: object) -> str:
        """A counted phrase (from :func:`ui_n`) in the report's language."""
        return phrase.get(self.lang).format(**params)

    def t(self, text: str) -> str:
        """A text written by others (framework, rules, names) with its numbers in the report's digits."""
        return prose_digits(text, self.lang, self.digits)

    def join(self, items: list[str]) -> str:
        return listing(items, self.lang)

    def gloss(self, *keys: str) -> Note:
        """ "What this means": plain words for the measures a section shows (Gini, Theil, intervals)."""
        return Note(f"{self.l('gloss_title')}: " + " ".join(self.l(k) for k in keys), "info")

    def missing(self) -> Note:
        return Note(self.l("missing_section"), "missing")


def build_national(inputs: ReportInputs, lang: str) -> Report:
    fw = inputs.framework
    w = _W(lang, inputs.digits)
    names = {p.id: w.t(p.name.get(lang)) for p in fw.pillars}
    sections = [
        _summary(inputs, w, names),
        _methodology(inputs, w),
        _findings(inputs, w, names),
        _benchmarks(inputs, w),
        _divide(inputs, w),
        _bottlenecks(inputs, w, names),
        _recommendations(inputs, w, names),
        _roadmap(inputs, w),
        _kpis(inputs, w),
        *(chapter(lang, inputs.digits) for chapter in inputs.chapters),
        _annex_framework(inputs, w, names),
        _annex_data(inputs, w, names),
    ]
    title = label("national_title", lang)
    return Report(
        id="national",
        lang=lang,
        title=f"{title} — {inputs.country.get(lang)}",
        subtitle=label("national_subtitle", lang),
        date=inputs.date,
        sections=sections,
        header=f"{label('product', lang)} · {title}",
        cover=cover_lines(inputs, lang),
        illustrative=inputs.illustrative,
        illustrative_note=label("illustrative", lang),
        provenance=inputs.provenance_in(lang),
        labels=report_labels(lang),
        digits=inputs.digits,
    )


def _key_figures(inputs: ReportInputs, w: _W) -> KeyFigures:
    """The figures a minister reads first, each once."""
    stage = inputs.national_stage if inputs.national_stage is not None else int(inputs.national_score or 0)
    items = [
        (w.l("kf_score"), w.s("out_of", score=w.n(inputs.national_score), max=w.i(5))),
        (w.l("kf_stage"), f"{w.i(stage)} — {inputs.framework.stage_label(stage).get(w.lang)}"),
        (w.l("kf_institutions"), w.i(len(inputs.institutions))),
    ]
    if inputs.bottlenecks:
        items.append((w.l("bottlenecks"), w.i(len(inputs.bottlenecks))))
    if inputs.recommendations:
        short = sum(1 for r in inputs.recommendations if r.horizon == "short")
        items.append(
            (
                w.l("kf_recommendations"),
                f"{w.i(len(inputs.recommendations))} ({w.i(short)} {w.l('kf_short')})",
            )
        )
    if inputs.initiatives:
        first = min(inputs.initiatives, key=lambda i: i.start).start
        last = max(inputs.initiatives, key=lambda i: i.end).end
        items.append((w.l("kf_initiatives"), w.i(len(inputs.initiatives))))
        items.append(
            (
                w.l("kf_period"),
                f"{quarter_text(first, w.lang, w.digits)} – {quarter_text(last, w.lang, w.digits)}",
            )
        )
        costs = [i.cost for i in inputs.initiatives if i.cost is not None]
        if costs:
            items.append((w.l("cost"), w.i(sum(costs))))
    return KeyFigures(items, w.l("key_figures"))


#: recommendations listed in the summary
TOP_RECOMMENDATIONS = 5


def _summary(inputs: ReportInputs, w: _W, names: dict[str, str]) -> Section:
    """A key-figures box, the strongest and weakest enablers once each, the bottlenecks by name, and the
    first short-term recommendations with their owners."""
    blocks: list[Block] = []
    if inputs.illustrative:
        blocks.append(Note(w.l("illustrative"), "warning"))
    scored = [e for e in inputs.enablers if e.score is not None]
    if inputs.national_score is None or not scored:
        blocks.append(w.missing())
        return Section("summary", w.l("summary"), blocks)
    blocks.append(_key_figures(inputs, w))
    ranked = sorted(scored, key=lambda e: e.score or 0.0)
    strongest = [e.pillar_id for e in ranked[::-1][:3]]
    weakest = [e.pillar_id for e in ranked[:3] if e.pillar_id not in strongest]
    blocks.append(Paragraph(w.s("strongest", items=w.join([names[p] for p in strongest]))))
    if weakest:
        blocks.append(Paragraph(w.s("weakest", items=w.join([names[p] for p in weakest]))))
    if inputs.bottlenecks:
        blocks.append(
            Paragraph(
                w.s(
                    "bottlenecks_named",
                    items=w.join([names.get(b.pillar_id, b.pillar_id) for b in inputs.bottlenecks]),
                )
            )
        )
    if inputs.recommendations:
        owner = _owner_names(inputs, w.lang)
        top = [r for r in inputs.recommendations if r.horizon == "short"] or inputs.recommendations
        blocks.append(Paragraph(w.l("top_recommendations")))
        blocks.append(
            Bullets(
                [
                    f"{w.t(r.title.get(w.lang))} — {owner(r.owner)}" if r.owner else w.t(r.title.get(w.lang))
                    for r in top[:TOP_RECOMMENDATIONS]
                ]
            )
        )
    if inputs.roadmap_summary:
        blocks.append(Paragraph(inputs.roadmap_summary.get(w.lang)))
    return Section("summary", w.l("summary"), blocks)


def _methodology(inputs: ReportInputs, w: _W) -> Section:
    fw = inputs.framework
    counts = fw.counts()
    blocks: list[Block] = [
        Paragraph(
            w.s(
                "framework",
                name=w.t(fw.name.get(w.lang)),
                version=w.t(fw.version),
                pillars=w.i(counts["pillars"]),
                indicators=w.i(counts["indicators"]),
            )
        )
    ]
    rows = [[sl.stage, w.t(sl.label.get(w.lang)), w.t(sl.description.get(w.lang))] for sl in fw.stage_labels]
    if rows:
        blocks.append(
            Table(
                "stages",
                w.l("stage"),
                [w.l("stage"), w.l("stage_name"), w.l("description")],
                rows,
                numeric=[0],
                sheet=w.l("sheet_stages"),
                widths=[1, 2, 7],
            )
        )
    text = inputs.methodology.get(w.lang) or inputs.methodology.get("en")
    return Section(
        "methodology",
        w.l("methodology"),
        blocks,
        _markdown_sections(prose_digits(text or "", w.lang, w.digits), "method"),
    )


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


def _findings(inputs: ReportInputs, w: _W, names: dict[str, str]) -> Section:
    scored = [e for e in inputs.enablers if e.score is not None]
    if not scored:
        return Section("findings", w.l("findings"), [w.missing()])
    cols = [
        w.l("enabler"),
        w.l("score"),
        w.l("stage"),
        w.l("interval"),
        w.l("coverage_pct"),
        w.l("stability_pct"),
    ]
    rows = [
        [
            names[e.pillar_id],
            e.score,
            e.stage,
            Interval(e.low, e.high, span(e.low, e.high, w.lang, 2, w.digits)) if e.low is not None else None,
            None if e.coverage is None else round(100 * e.coverage),
            None if e.stability is None else round(100 * e.stability),
        ]
        for e in inputs.enablers
    ]
    table = Table(
        "enabler_scores",
        w.l("findings"),
        cols,
        rows,
        numeric=[1, 2, 4, 5],
        sheet=w.l("sheet_enablers"),
        widths=[5, 2, 1.5, 2.5, 2, 2],
    )
    errs = [
        (e.low, e.high) if e.low is not None and e.high is not None else (e.score, e.score) for e in scored
    ]
    target = next((e.target for e in scored if e.target is not None), None)
    chart = charts.bar_scores(
        [names[e.pillar_id] for e in scored],
        [e.score or 0.0 for e in scored],
        w.lang,
        target=target,
        errors=errs,  # type: ignore[arg-type]
        xlabel=w.l("score"),
        digits=w.digits,
    )
    blocks: list[Block] = [Figure("fig_enablers", w.l("findings"), chart, table), w.gloss("gloss_interval")]
    subs = []
    pillars = {p.id: p for p in inputs.framework.pillars}
    for e in inputs.enablers:
        pillar = pillars[e.pillar_id]
        sb: list[Block] = (
            [Paragraph(w.t(pillar.description.get(w.lang)))] if pillar.description.get(w.lang) else []
        )
        if e.score is None:
            sb.append(w.missing())
        else:
            sb.append(
                Paragraph(
                    w.s(
                        "enabler_line",
                        score=w.n(e.score),
                        stage=w.i(e.stage),
                        ninety=w.p(0.9),
                        range=span(e.low, e.high, w.lang, 2, w.digits),
                        coverage=w.p(e.coverage or 0),
                    )
                )
            )
            behind = sorted(
                (i for i in inputs.institutions if i.scores.get(e.pillar_id) is not None),
                key=lambda i: i.scores[e.pillar_id] or 0.0,
            )[:5]
            if behind:
                sb.append(
                    Table(
                        f"behind_{e.pillar_id}",
                        w.s("lowest_institutions"),
                        [w.l("institution"), w.l("score")],
                        [[w.t(i.name.get(w.lang)), i.scores[e.pillar_id]] for i in behind],
                        numeric=[1],
                        sheet=f"{w.l('sheet_lowest')} – {names[e.pillar_id]}",
                        widths=[4, 1],
                    )
                )
        subs.append(Section(f"enabler_{e.pillar_id}", names[e.pillar_id], sb))
    return Section("findings", w.l("findings"), blocks, subs)


def _benchmarks(inputs: ReportInputs, w: _W) -> Section:
    if not inputs.indices:
        return Section("benchmarks", w.l("benchmarks"), [w.missing()])
    from raqmana.indices.countries import name as country_name

    def named(code: str) -> str:
        return country_name(code, w.lang) if len(code) == 3 and code.isupper() else code

    def component(code: str) -> str:
        known = COMPONENTS.get(code)
        return f"{code} — {known.get(w.lang)}" if known is not None else code

    blocks: list[Block] = []
    for series in inputs.indices:
        caption = re.sub(r"\(([A-Z]{3})\)", lambda m: f"— {named(m.group(1))}", series.index)
        caption = re.sub(r"\b(\d{4})\b", lambda m: plain(m.group(1), w.lang, w.digits), caption)
        if len(series.years) == 1:
            items = sorted(
                ((named(c), v[0]) for c, v in series.values.items() if v[0] is not None),
                key=lambda kv: -kv[1],
            )
            chart = charts.bar_scores(
                [k for k, _ in items],
                [v for _, v in items],
                w.lang,
                xmax=series.scale_max,
                xmin=series.scale_min,
                xlabel=series.index.split()[0],
                digits=w.digits,
            )
        else:
            chart = charts.trend(
                series.years,
                series.values,
                w.lang,
                ylabel=series.index.split()[0],
                ymax=series.scale_max,
                ymin=series.scale_min,
                digits=w.digits,
                note=time_rule(w.lang),
            )
        source = (
            prose_digits(series.source_text.get(w.lang), w.lang, w.digits)
            if series.source_text
            else series.source
        )
        by_component = series.rows == "component"
        rows = [
            [component(row) if by_component else named(row), *vals] for row, vals in series.values.items()
        ]
        first = w.l("component") if by_component else w.l("country")
        table = Table(
            f"index_{series.index}",
            caption,
            [first, *(plain(str(y), w.lang, w.digits) for y in series.years)],
            rows,
            numeric=list(range(1, len(series.years) + 1)),
            decimals=3,
            source=source,
            sheet=caption,
            widths=[4, *[1] * len(series.years)],
        )
        blocks.append(Figure(f"fig_{series.index}", caption, chart, table, source=source))
    return Section("benchmarks", w.l("benchmarks"), blocks, page_break=True)


def _divide(inputs: ReportInputs, w: _W) -> Section:
    if not inputs.divides:
        return Section("divide", w.l("divide"), [w.missing()])
    blocks: list[Block] = []
    for k, d in enumerate(inputs.divides):
        rows = [[w.t(g.label.get(w.lang)), g.mean, g.count] for g in d.groups]
        blocks.append(
            Table(
                f"divide_{k}",
                d.dimension.get(w.lang),
                [d.dimension.get(w.lang), w.l("score"), w.l("institutions_n")],
                rows,
                numeric=[1, 2],
                widths=[4, 1.5, 1.5],
            )
        )
        if d.left_out:
            blocks.append(Paragraph(w.l("governorate_left_out").format(n=w.i(d.left_out))))
        blocks.append(
            Paragraph(
                w.s(
                    "inequality",
                    gini=w.n(d.gini, 3),
                    theil=w.n(d.theil, 3),
                    items=w.join([w.t(x.get(w.lang)) for x in d.furthest_behind[:5]]),
                )
            )
        )
    blocks.append(w.gloss("gloss_gini", "gloss_theil"))
    return Section("divide", w.l("divide"), blocks)


def _bottlenecks(inputs: ReportInputs, w: _W, names: dict[str, str]) -> Section:
    if not inputs.bottlenecks:
        return Section("bottlenecks", w.l("bottlenecks"), [w.missing()])
    blocks: list[Block] = []
    if inputs.bottleneck_threshold is not None:
        blocks.append(Paragraph(w.s("bottleneck_rule", limit=w.n(inputs.bottleneck_threshold, 2))))
    rows = [
        [
            names.get(b.pillar_id, b.pillar_id),
            b.score,
            w.join([names.get(x, x) for x in b.blocks]),
            w.join([names.get(x, x) for x in b.ahead]) or "—",
        ]
        for b in inputs.bottlenecks
    ]
    blocks.append(
        Table(
            "bottlenecks",
            w.l("bottlenecks"),
            [w.l("enabler"), w.l("score"), w.l("dependents"), w.l("ahead")],
            rows,
            numeric=[1],
            widths=[3, 1.2, 5, 4],
        )
    )
    blocks.append(Bullets([b.reason.get(w.lang) for b in inputs.bottlenecks]))
    return Section("bottlenecks", w.l("bottlenecks"), blocks)


def _owner_names(inputs: ReportInputs, lang: str) -> Callable[[str], str]:
    """Institution code → its name in ``lang`` (codes not in the assessment stay as they are)."""
    known = {i.code: i.name.get(lang) for i in inputs.institutions}
    known.update({code: name.get(lang) for code, name in inputs.owner_names.items()})
    return lambda code: prose_digits(known.get(code, code), lang, inputs.digits)


def _recommendations(inputs: ReportInputs, w: _W, names: dict[str, str]) -> Section:
    if not inputs.recommendations:
        return Section("recommendations", w.l("recommendations"), [w.missing()])
    owner = _owner_names(inputs, w.lang)
    subs = []
    for horizon in ("short", "long"):
        items = [r for r in inputs.recommendations if r.horizon == horizon]
        rows = [
            [
                initiative_code(r.id),
                w.t(r.title.get(w.lang)),
                names.get(r.pillar_id, r.pillar_id),
                listing(r.sdg, w.lang),
                owner(r.owner),
                r.rationale.get(w.lang),
            ]
            for r in items
        ]
        table = Table(
            f"recs_{horizon}",
            w.l(horizon),
            [
                w.l("code"),
                w.l("recommendation"),
                w.l("enabler"),
                w.l("sdg"),
                w.l("owner"),
                w.l("triggered_by"),
            ],
            rows,
            sheet=w.l(f"sheet_recs_{horizon}"),
            widths=[2.2, 7.4, 4.3, 2.8, 3.3, 8],
        )
        subs.append(Section(f"recs_{horizon}", w.l(horizon), [table] if rows else [w.missing()]))
    return Section("recommendations", w.l("recommendations"), [], subs, page_break=True)


def _codes(ids: list[str]) -> list[str]:
    """Initiative ids as readers see them: without the ``@programme`` / ``@institution`` suffix, once each."""
    return list(dict.fromkeys(initiative_code(i) for i in ids))


def _scheduled_later(inputs: ReportInputs, w: _W) -> list[str]:
    """Initiatives of short-term recommendations that the schedule finishes in a later phase (their
    dependencies, the budget or the owners' capacity push them back), as "code (phase)", once each."""
    short = {initiative_code(r.id) for r in inputs.recommendations if r.horizon == "short"}
    out: dict[str, str] = {}
    for i in inputs.initiatives:
        if i.code in short and i.phase != "short" and i.code not in out:
            out[i.code] = f"{i.code} ({PHASES[i.phase].get(w.lang) if i.phase in PHASES else i.phase})"
    return list(out.values())


def _roadmap(inputs: ReportInputs, w: _W) -> Section:
    if not inputs.initiatives:
        return Section("roadmap", w.l("roadmap"), [w.missing()])
    blocks: list[Block] = []
    if inputs.roadmap_summary:
        blocks.append(Paragraph(inputs.roadmap_summary.get(w.lang)))
    owner = _owner_names(inputs, w.lang)
    sep = ", " if w.lang == "en" else "، "
    rows = [
        [
            i.code,
            w.t(i.name.get(w.lang)),
            owner(i.owner),
            quarter_text(i.start, w.lang, w.digits),
            quarter_text(i.end, w.lang, w.digits),
            i.cost,
            sep.join(_codes(i.depends_on)) or "—",
            PHASES[i.phase].get(w.lang) if i.phase in PHASES else i.phase,
        ]
        for i in inputs.initiatives
    ]
    table = Table(
        "initiatives",
        w.l("roadmap"),
        [
            w.l("code"),
            w.l("initiative"),
            w.l("owner"),
            w.l("start"),
            w.l("end"),
            w.l("cost"),
            w.l("depends_on"),
            w.l("phase"),
        ],
        rows,
        numeric=[5],
        decimals=0,
        sheet=w.l("sheet_initiatives"),
        widths=[2.6, 8.7, 3.8, 2.3, 2.3, 2.9, 2.8, 2.9],
    )
    later = _scheduled_later(inputs, w)
    if later:
        sentence = label_digits(
            SENTENCES["scheduled_later"].get(w.lang), w
        )  # "18 months" in the report's digits
        blocks.append(Note(sentence.format(items=w.join(later)), "info"))
    if inputs.gantt_phases is not None:  # one page-wide Gantt per phase: 8 pt names, not a shrunk poster
        for phase, part, chart in inputs.gantt_phases(w.lang, w.digits):
            name = PHASES[phase].get(w.lang) if phase in PHASES else phase
            caption = f"{w.l('roadmap')} — {name}" + (f" ({w.i(part)})" if part > 1 else "")
            blocks.append(Figure(f"gantt_{phase}_{part}", caption, chart, None))
    elif inputs.gantt is not None:
        blocks.append(Figure("gantt", w.l("roadmap"), inputs.gantt(w.lang), None))
    blocks.append(table)
    return Section("roadmap", w.l("roadmap"), blocks, page_break=True)


def _kpis(inputs: ReportInputs, w: _W) -> Section:
    if not inputs.kpis:
        return Section("kpis", w.l("kpis"), [w.missing()])
    from raqmana.recommend.labels import BASELINE_SOURCE, KPI_UNIT

    def word(table: dict[str, Translated], key: str) -> str:
        return label_digits(table[key].get(w.lang), w) if key in table else key

    rows = [
        [
            w.t(k.name.get(w.lang)),
            word(KPI_UNIT, k.unit),
            word(BASELINE_SOURCE, k.baseline),
            k.target,
            initiative_code(k.source),
        ]
        for k in inputs.kpis
    ]
    return Section(
        "kpis",
        w.l("kpis"),
        [
            Table(
                "kpis",
                w.l("kpis"),
                [w.l("kpi"), w.l("unit"), w.l("baseline_source"), w.l("target"), w.l("initiative")],
                rows,
                numeric=[3],
                decimals=0,
                widths=[8, 2.5, 3, 1.5, 2],
            )
        ],
    )


def label_digits(text: str, w: _W) -> str:
    """A word from another module's table ("stage (0–5)") with the report's digits."""
    return plain(text, w.lang, w.digits)


def _annex_framework(inputs: ReportInputs, w: _W, names: dict[str, str]) -> Section:
    rows = []
    for p in inputs.framework.pillars:
        for s in p.sub_areas:
            for i in s.indicators:
                rows.append([i.id, w.t(i.name.get(w.lang)), names[p.id], listing(i.crosswalk.sdg, w.lang)])
    return Section(
        "annex_framework",
        w.l("annex_framework"),
        [
            Table(
                "framework_indicators",
                w.l("indicators"),
                [w.l("code"), w.l("indicator"), w.l("enabler"), w.l("sdg")],
                rows,
                widths=[1.6, 7, 4, 2],
            )
        ],
        page_break=True,
    )


def _annex_data(inputs: ReportInputs, w: _W, names: dict[str, str]) -> Section:
    """The scores of every institution. Up to :data:`ANNEX_PRINT_ROWS` institutions the table is printed;
    beyond, the printed annex is the heat map of those furthest behind with its data table, and the full
    table (every institution) is in the workbook only: laying out 900 rows made the PDF take a minute."""
    if not inputs.institutions:
        return Section("annex_data", w.l("annex_data"), [w.missing()])
    pids = [p.id for p in inputs.framework.pillars]
    columns = [w.l("institution"), *[names[p] for p in pids], w.l("score")]

    def table(rows: list[InstitutionResult], table_id: str, caption: str, *, workbook_only: bool) -> Table:
        return Table(
            table_id,
            caption,
            columns,
            [[w.t(i.name.get(w.lang)), *[i.scores.get(pid) for pid in pids], i.overall] for i in rows],
            numeric=list(range(1, len(pids) + 2)),
            decimals=1,
            sheet=w.l("sheet_institutions") if table_id == "institution_scores" else "",
            widths=[] if workbook_only else [4, *[1.2] * len(pids), 1.2],
            workbook_only=workbook_only,
        )

    full = table(inputs.institutions, "institution_scores", w.l("annex_data"), workbook_only=False)
    caption = w.l("annex_data")
    groups: list[tuple[str, int]] | None = None
    if (
        len(inputs.institutions) > HEATMAP_ROWS
    ):  # a printed heat map holds a few dozen rows: those furthest behind
        shown = sorted(inputs.institutions, key=lambda i: (i.overall is None, i.overall or 0.0))[
            :HEATMAP_ROWS
        ]
        caption = w.s("heatmap_subset", n=w.i(HEATMAP_ROWS), total=w.i(len(inputs.institutions)))
    else:  # every institution, grouped by kind
        grouped = by_kind(inputs.institutions, w.lang)
        shown = [i for _, members in grouped for i in members]
        groups = [(heading, len(members)) for heading, members in grouped]
    values = np.array(
        [[np.nan if i.scores.get(pid) is None else i.scores[pid] for pid in pids] for i in shown], dtype=float
    )
    chart = charts.heatmap(
        [w.t(i.name.get(w.lang)) for i in shown],
        [names[p] for p in pids],
        values,
        w.lang,
        digits=w.digits,
        groups=groups,
        scale_label=w.l("score"),
        missing_label=w.l("missing_cell"),
    )
    if len(inputs.institutions) <= ANNEX_PRINT_ROWS:
        blocks: list[Block] = [Figure("heatmap", caption, chart, None), full]
    else:
        full.workbook_only = True
        blocks = [
            Figure(
                "heatmap",
                caption,
                chart,
                table(shown, "institution_scores_behind", caption, workbook_only=False),
            ),
            Note(
                w.s(
                    "annex_in_workbook",
                    n=w.i(len(inputs.institutions)),
                    sheet=w.l("sheet_institutions"),
                )
            ),
            full,
        ]
    return Section("annex_data", w.l("annex_data"), blocks, page_break=True)
