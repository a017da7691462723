"""The results charts as SVG (text drawn as paths, so Arabic and Kurdish stay shaped), from the cached chain.

Pages show them with ``<img>``: matplotlib writes ``style`` attributes that the site's Content Security
Policy (``style-src 'self'``) would strip from an inline ``<svg>``; an image keeps them. Each chart has
its data table beside it in the page. Every chart is drawn by :mod:`raqmana.reports.charts`, the same
functions as the printed reports'; this module only picks the data (and draws inside the cache's lock).
"""

from __future__ import annotations

import numpy as np

from raqmana.i18n import gettext
from raqmana.i18n.numbers import localize_digits
from raqmana.reports import charts
from raqmana.reports.groups import by_kind
from raqmana.reports.labels import time_rule
from raqmana.web.results_cache import Entry
from raqmana.web.results_data import benchmarks, label_of

#: a blank image for a chart without data (the page says why beside it)
EMPTY = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1" viewBox="0 0 1 1"></svg>'


def _names(entry: Entry, lang: str) -> dict[str, str]:
    return {p.id: p.name.get(lang) for p in entry.done.inputs.framework.pillars}


def enablers(entry: Entry, lang: str) -> str:
    inputs = entry.done.inputs
    names = _names(entry, lang)
    scored = [e for e in inputs.enablers if e.score is not None]
    if not scored:
        return EMPTY
    errors = [
        (e.low if e.low is not None else e.score, e.high if e.high is not None else e.score) for e in scored
    ]
    target = next((e.target for e in scored if e.target is not None), None)
    return charts.bar_scores(
        [names[e.pillar_id] for e in scored],
        [e.score or 0.0 for e in scored],
        lang,
        target=target,
        errors=errors,  # type: ignore[arg-type]
        xlabel=localize_digits(gettext(lang, "Score (0–5)"), lang),
    ).svg


def heatmap_pages(entry: Entry) -> int:
    """How many images the results heat map takes (:data:`charts.HEATMAP_PAGE_ROWS` institutions each)."""
    n = len(entry.done.inputs.institutions)
    return max(1, -(-n // charts.HEATMAP_PAGE_ROWS))


def heatmap(entry: Entry, lang: str, page: int = 1) -> str:
    """:func:`raqmana.reports.charts.heatmap`, the printed reports' heat map (mirrored in Arabic and Kurdish):
    institutions grouped by kind, highest score first in each group, :data:`charts.HEATMAP_PAGE_ROWS` per
    image (``page`` from 1), so that names stay legible at 54 and at 900 institutions."""
    inputs = entry.done.inputs
    names = _names(entry, lang)
    flat = [(heading, i) for heading, members in by_kind(inputs.institutions, lang) for i in members]
    size = charts.HEATMAP_PAGE_ROWS
    shown = flat[(page - 1) * size : page * size]
    if not shown:
        return EMPTY
    groups: list[tuple[str, int]] = []
    for heading, _ in shown:
        if groups and groups[-1][0] == heading:
            groups[-1] = (heading, groups[-1][1] + 1)
        else:
            groups.append((heading, 1))
    pids = [p.id for p in inputs.framework.pillars]
    values = np.array(
        [[np.nan if i.scores.get(p) is None else i.scores[p] for p in pids] for _, i in shown], dtype=float
    )
    return charts.heatmap(
        [i.name.get(lang) for _, i in shown],
        [names[p] for p in pids],
        values,
        lang,
        groups=groups,
        scale_label=localize_digits(gettext(lang, "Score (0–5)"), lang),
        missing_label=gettext(lang, "Hatched: no accepted answer"),
    ).svg


def index(entry: Entry, lang: str, k: int) -> str:
    series = benchmarks(entry.done.inputs)[k]
    labels = {code: t.get(lang) for code, t in series["labels"].items()}
    if series["kind"] == "peers":
        items = sorted(
            ((labels[c], v[0]) for c, v in series["values"].items() if v[0] is not None),
            key=lambda kv: -kv[1],
        )
        return charts.bar_scores(
            [k for k, _ in items],
            [v for _, v in items],
            lang,
            xmax=series["scale_max"],
            xmin=series["scale_min"],
            xlabel=localize_digits(series["index"], lang),
        ).svg
    values = {labels[c]: v for c, v in series["values"].items()}
    return charts.trend(
        series["years"],
        values,
        lang,
        ylabel=localize_digits(series["index"], lang),
        ymax=series["scale_max"],
        ymin=series["scale_min"],
        note=time_rule(lang),
    ).svg


def radar(entry: Entry, lang: str, code: str) -> str:
    inputs = entry.done.inputs
    names = _names(entry, lang)
    inst = next(i for i in inputs.institutions if i.code == code)
    national = {e.pillar_id: e.score for e in inputs.enablers}
    have = [p for p in names if inst.scores.get(p) is not None]
    if len(have) < 3:  # a radar of fewer than three axes says nothing; the table says it all
        return EMPTY
    return charts.radar(
        [names[p] for p in have],
        {
            label_of(code, entry.names).get(lang): [inst.scores[p] or 0.0 for p in have],
            gettext(lang, "National average"): [national.get(p) or 0.0 for p in have],
        },
        lang,
    ).svg


def gantt(entry: Entry, lang: str) -> str:
    """:func:`raqmana.reports.charts.gantt` with every scheduled initiative (the report prints the first rows)."""
    plan = entry.done.plan
    if plan is None or plan.schedule is None or not plan.schedule.items:
        return EMPTY
    return charts.gantt(plan.roadmap, lang).svg
