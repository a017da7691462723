"""The national report's chapter "Services and unified metrics": the derived KPIs of the service catalogue
with their working, the catalogue's digitisation levels, and the KPI trends against the roadmap's
targets (a chart with its data table each).

Self-contained: the workspace hands plain data in (:class:`ServicesData`, the dicts a publication keeps)
and gets a :class:`Section` back per language, through ``ReportInputs.chapters``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from raqmana.i18n import Translated
from raqmana.i18n.catalog import ui
from raqmana.i18n.dates import quarter_text
from raqmana.reports.kpi_charts import kpi_trend
from raqmana.reports.model import Block, Figure, Note, Paragraph, Section, Table
from raqmana.reports.text import integer, num, pct

WORDS = {
    "title": ui("Services and unified metrics"),
    "intro": ui(
        "The catalogue holds {services} government services. Its KPIs are computed from the services' measures, never typed: in-person visits avoided per year = the sum over services of (visits before − visits now) × transactions per year."
    ),
    "kpis_caption": ui("KPIs derived from the service catalogue"),
    "kpi": ui("KPI"),
    "value": ui("Value"),
    "visits": ui("In-person visits avoided per year"),
    "online": ui("Share of services fully online"),
    "once": ui("Once-only share of required documents"),
    "days": ui("Average processing time (days)"),
    "working_caption": ui("How visits avoided are computed: the services that avoid the most"),
    "service": ui("Service"),
    "before": ui("Visits before"),
    "now": ui("Visits now"),
    "transactions": ui("Transactions per year"),
    "avoided": ui("Visits avoided"),
    "levels_caption": ui("Services by digitisation level"),
    "level": ui("Digitisation level"),
    "services": ui("Services"),
    "trends_intro": ui(
        "Each KPI's national figure per quarter as institutions reported it (or as computed from their figures), with the roadmap's target where an initiative carries one."
    ),
    "quarter": ui("Quarter"),
    "target": ui("Target"),
    "trend_caption": ui("{name}: national figure per quarter"),
    "no_trends": ui("No KPI figure has been reported yet."),
    "illustrative": ui("Illustrative figures: generated for the demonstration, not measured."),
}


def _w(key: str, lang: str, **params: object) -> str:
    text = WORDS[key].get(lang)
    return text.format(**params) if params else text


@dataclass(frozen=True)
class ServicesData:
    #: :meth:`raqmana.metrics.DerivedKpis.as_dict`
    kpis: Mapping[str, Any]
    #: (level, its name, services at that level)
    levels: Sequence[tuple[int, Translated, int]]
    #: the KPI trends as a publication keeps them (kpi, name, unit, points, target, …)
    trends: Sequence[Mapping[str, Any]] = field(default_factory=tuple)
    illustrative: bool = False
    #: service code → its name
    names: Mapping[str, Translated] = field(default_factory=dict)


def _value(value: float | None, unit: str, lang: str, digits: str | None) -> str:
    if value is None:
        return "–"
    if unit == "share":
        return pct(value, lang, 1, digits)
    if unit == "percent":
        return pct(value / 100, lang, 1, digits)
    return integer(value, lang, digits) if float(value).is_integer() else num(value, lang, 1, digits)


def services_section(
    data: ServicesData, lang: str, digits: str | None = None, *, max_trends: int = 8
) -> Section:
    k = data.kpis
    blocks: list[Block] = [Paragraph(_w("intro", lang, services=integer(k["services"], lang, digits)))]
    if data.illustrative:
        blocks.append(Note(_w("illustrative", lang), "warning"))
    blocks.append(
        Table(
            "services-kpis",
            _w("kpis_caption", lang),
            [_w("kpi", lang), _w("value", lang)],
            [
                [_w("visits", lang), integer(k["visits_avoided_per_year"], lang, digits)],
                [_w("online", lang), _value(k["fully_online_share"], "share", lang, digits)],
                [_w("once", lang), _value(k["once_only_share"], "share", lang, digits)],
                [_w("days", lang), _value(k["processing_days_mean"], "days", lang, digits)],
            ],
            widths=[6, 3],
        )
    )
    working = list(k.get("working") or [])[:10]
    if working:
        blocks.append(
            Table(
                "services-working",
                _w("working_caption", lang),
                [_w(x, lang) for x in ("service", "before", "now", "transactions", "avoided")],
                [
                    [
                        data.names.get(w["code"], Translated(en=w["code"])).get(lang) or w["code"],
                        w["visits_before"],
                        w["visits_now"],
                        w["annual_transactions"],
                        w["visits_avoided"],
                    ]
                    for w in working
                ],
                numeric=[1, 2, 3, 4],
                decimals=0,
                widths=[5, 2, 2, 3, 3],
            )
        )
    blocks.append(
        Table(
            "services-levels",
            _w("levels_caption", lang),
            [_w("level", lang), _w("services", lang)],
            [[f"{integer(level, lang, digits)} · {name.get(lang)}", n] for level, name, n in data.levels],
            numeric=[1],
            decimals=0,
            widths=[6, 2],
        )
    )
    trends = [t for t in data.trends if t.get("points")][:max_trends]
    if not trends:
        blocks.append(Note(_w("no_trends", lang), "missing"))
    else:
        blocks.append(Paragraph(_w("trends_intro", lang)))
    for i, t in enumerate(trends):
        name = Translated(**t["name"]).get(lang)
        target = t["target"]["value"] if t.get("target") else None
        table = Table(
            f"services-trend-{i}",
            _w("trend_caption", lang, name=name),
            [_w("quarter", lang), _w("value", lang), _w("target", lang)],
            [
                [
                    quarter_text(p["period"], lang, digits),
                    _value(p["value"], t["unit"], lang, digits),
                    _value(target, t["unit"], lang, digits),
                ]
                for p in t["points"]
            ],
            widths=[2, 2, 2],
        )
        chart = kpi_trend(
            [p["period"] for p in t["points"]],
            [p["value"] for p in t["points"]],
            lang,
            target=target,
            target_label=_w("target", lang) if target is not None else "",
            ylabel=name,
            digits=digits,
        )
        blocks.append(
            Figure(f"services-trend-chart-{i}", _w("trend_caption", lang, name=name), chart, data=table)
        )
    return Section("services-kpis", _w("title", lang), blocks, page_break=True)


def chapter(data: ServicesData) -> Callable[[str, str | None], Section]:
    """The chapter as a function of (language, digits), for ``ReportInputs.chapters``."""

    def make(lang: str, digits: str | None) -> Section:
        return services_section(data, lang, digits)

    make.services_chapter = True  # type: ignore[attr-defined]  # found again to be replaced by a newer one
    return make
