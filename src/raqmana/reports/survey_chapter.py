"""The national report's chapter on the perception surveys: the survey indicators with their 95 %
intervals and number of respondents, and the bottlenecks facing workers ranked by the share of civil
servants naming them (chart with its data table).

Self-contained: it takes the survey indicators and bottlenecks (:mod:`raqmana.surveys`) and gives a
:class:`Section` in a language and digit shape, added to the report through ``ReportInputs.chapters``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from raqmana.analysis.divide import DivideReport, GroupStat
from raqmana.i18n import Translated
from raqmana.i18n.catalog import ui
from raqmana.reports import charts
from raqmana.reports.model import Block, Figure, Interval, Note, Paragraph, Section, Table
from raqmana.reports.text import integer, num, pct, span
from raqmana.surveys.bottlenecks import Bottleneck
from raqmana.surveys.indicators import Scope, SurveyIndicator

WORDS = {
    "title": ui("Perception surveys: what civil servants and citizens say"),
    "intro": ui(
        "Survey results join the assessment as indicators: each is a topic score of a survey on 0–100 (the weighted mean of the respondents' scores, “don't know” left out), shown with its 95 % interval and the number of respondents behind it. A staff survey gives each institution with enough respondents its own value; a citizen survey gives the country's."
    ),
    "round": ui("The respondents are those of round {round} ({period}) only: {counts}."),
    "round_count": ui("{survey}: {n}"),
    "sampling": ui(
        "The Monte Carlo intervals of the scores include the survey sampling error: in each run the survey indicators are computed again from a bootstrap sample of their respondents (with replacement, within each institution or the country and within strata of equal design weight; n = {n} respondents)."
    ),
    "indicators_caption": ui("Survey indicators with their 95 % interval"),
    "indicator": ui("Indicator"),
    "source": ui("Source"),
    "value": ui("National value (0–100)"),
    "interval": ui("95 % interval"),
    "own": ui("Institutions with their own value"),
    "survey_n": ui("survey (n = {n})"),
    "national": ui("national"),
    "bottlenecks_title": ui("Bottlenecks facing workers"),
    "bottlenecks_intro": ui(
        "The share of civil servants for whom each bottleneck holds their work back a lot (the lowest answer), most often named first, with its 95 % interval."
    ),
    "bottlenecks_caption": ui("Bottlenecks facing workers: share of respondents naming each"),
    "bottleneck": ui("Bottleneck"),
    "share": ui("Share"),
    "respondents": ui("Respondents"),
    "illustrative": ui("ILLUSTRATIVE: the survey answers behind this chapter were generated, not collected."),
    "divide_title": ui("Digital divide among respondents"),
    "divide_intro": ui(
        "How far apart the groups of respondents are: each group's mean score (0–100), the gap between the highest and the lowest group, and the share of all inequality (Theil) that lies between the groups."
    ),
    "divide_caption": ui("{survey}: mean score by group"),
    "dimension": ui("Grouping"),
    "lowest": ui("Lowest group"),
    "highest": ui("Highest group"),
    "gap": ui("Gap"),
    "between": ui("Share between groups"),
    "band": ui(
        "With every survey indicator at the low end of its 95 % interval the national score would be {low}, at the high end {high} (it is {score}, on 0–5)."
    ),
}
DIMENSIONS = {
    "sex": ui("Sex"),
    "age_group": ui("Age group"),
    "governorate": ui("Governorate"),
    "area": ui("Urban or rural"),
    "disability": ui("Disability"),
}
Labels = Mapping[str, Mapping[str, Translated]]


def _w(key: str, lang: str, **params: object) -> str:
    text = WORDS[key].get(lang)
    return text.format(**params) if params else text


def sampling_note(lang: str, respondents: int) -> str:
    """The methodology's sentence on the survey sampling error in the Monte Carlo, in ``lang``."""
    return _w("sampling", lang, n=respondents)


def survey_section(
    indicators: Sequence[SurveyIndicator],
    bottlenecks: Sequence[Bottleneck],
    lang: str,
    digits: str | None = None,
    *,
    illustrative: bool = False,
    divides: Mapping[str, DivideReport] | None = None,
    labels: Mapping[str, Labels] | None = None,
    titles: Mapping[str, Translated] | None = None,
    band: tuple[float, float] | None = None,
    central: float | None = None,
    round_name: Translated | None = None,
    round_period: str = "",
    respondents: Mapping[str, int] | None = None,
    sampling_n: int = 0,
) -> Section:
    blocks: list[Block] = []
    if illustrative:
        blocks.append(Note(_w("illustrative", lang), "warning"))
    blocks.append(Paragraph(_w("intro", lang)))
    if round_name is not None and respondents:
        counts = "; ".join(
            _w(
                "round_count",
                lang,
                survey=(titles or {}).get(sid, Translated(en=sid)).get(lang) or sid,
                n=integer(n, lang, digits),
            )
            for sid, n in respondents.items()
        )
        blocks.append(
            Paragraph(_w("round", lang, round=round_name.get(lang), period=round_period, counts=counts))
        )
    if sampling_n:
        blocks.append(Paragraph(_w("sampling", lang, n=integer(sampling_n, lang, digits))))
    rows: list[list[object]] = []
    for ind in indicators:
        e = ind.national
        own = (
            _w("national", lang)
            if ind.spec.scope is Scope.NATIONAL
            else integer(len(ind.institutions), lang, digits)
        )
        rows.append(
            [
                f"{ind.spec.name.get(lang)} ({ind.id})",
                _w("survey_n", lang, n=integer(e.n if e else 0, lang, digits)),
                e.value if e else None,
                Interval(e.low, e.high, span(e.low, e.high, lang, 1, digits)) if e else None,
                own,
            ]
        )
    blocks.append(
        Table(
            "survey-indicators",
            _w("indicators_caption", lang),
            [_w(k, lang) for k in ("indicator", "source", "value", "interval", "own")],
            rows,
            numeric=[2],
            decimals=1,
            widths=[6, 3, 2, 3, 2],
        )
    )
    if band is not None and central is not None:
        blocks.append(
            Paragraph(
                _w(
                    "band",
                    lang,
                    low=num(band[0], lang, 2, digits),
                    high=num(band[1], lang, 2, digits),
                    score=num(central, lang, 2, digits),
                )
            )
        )
    section = Section("surveys", _w("title", lang), blocks)
    if bottlenecks:
        table = Table(
            "survey-bottlenecks",
            _w("bottlenecks_caption", lang),
            [_w(k, lang) for k in ("bottleneck", "share", "interval", "respondents")],
            [
                [
                    b.label.get(lang),
                    pct(b.overall.share, lang, 0, digits),
                    Interval(
                        b.overall.low,
                        b.overall.high,
                        f"{pct(b.overall.low, lang, 0, digits)}–{pct(b.overall.high, lang, 0, digits)}",
                    ),
                    b.overall.n,
                ]
                for b in bottlenecks
            ],
            numeric=[3],
            decimals=0,
            widths=[7, 2, 3, 2],
        )
        chart = charts.bar_scores(
            [b.label.get(lang) for b in bottlenecks],
            [100 * b.overall.share for b in bottlenecks],
            lang,
            xmax=100.0,
            xlabel=_w("share", lang),
            errors=[(100 * b.overall.low, 100 * b.overall.high) for b in bottlenecks],
            digits=digits,
        )
        section.subsections.append(
            Section(
                "survey-bottlenecks",
                _w("bottlenecks_title", lang),
                [
                    Paragraph(_w("bottlenecks_intro", lang)),
                    Figure("survey-bottlenecks-chart", _w("bottlenecks_caption", lang), chart, data=table),
                ],
            )
        )
    for survey, report in (divides or {}).items():
        section.subsections.append(
            _divide(survey, report, (labels or {}).get(survey, {}), (titles or {}).get(survey), lang, digits)
        )
    return section


def _divide(
    survey: str,
    report: DivideReport,
    labels: Labels,
    title: Translated | None,
    lang: str,
    digits: str | None,
) -> Section:
    def group(dim: str, name: str) -> str:
        label = labels.get(dim, {}).get(name)
        return label.get(lang) if label is not None else name

    def mean(dim: str, g: GroupStat) -> str:
        return f"{group(dim, g.group)} ({num(g.mean, lang, 1, digits)})"

    rows = [
        [
            DIMENSIONS[d.dimension].get(lang) if d.dimension in DIMENSIONS else d.dimension,
            mean(d.dimension, d.groups[0]),
            mean(d.dimension, d.groups[-1]),
            d.gap,
            pct(d.between_share, lang, 0, digits),
        ]
        for d in report.dimensions
    ]
    name = title.get(lang) if title is not None else survey
    table = Table(
        f"survey-divide-{survey}",
        _w("divide_caption", lang, survey=name),
        [_w(k, lang) for k in ("dimension", "lowest", "highest", "gap", "between")],
        rows,
        numeric=[3],
        decimals=1,
        widths=[3, 4, 4, 2, 2],
    )
    return Section(
        f"survey-divide-{survey}",
        f"{_w('divide_title', lang)} — {name}",
        [Paragraph(_w("divide_intro", lang)), table],
    )


def survey_chapter(
    indicators: Sequence[SurveyIndicator],
    bottlenecks: Sequence[Bottleneck],
    *,
    illustrative: bool = False,
    divides: Mapping[str, DivideReport] | None = None,
    labels: Mapping[str, Labels] | None = None,
    titles: Mapping[str, Translated] | None = None,
    band: tuple[float, float] | None = None,
    central: float | None = None,
    round_name: Translated | None = None,
    round_period: str = "",
    respondents: Mapping[str, int] | None = None,
    sampling_n: int = 0,
) -> Callable[[str, str | None], Section]:
    """The chapter as a function of (language, digits), for ``ReportInputs.chapters``."""

    def make(lang: str, digits: str | None) -> Section:
        return survey_section(
            indicators,
            bottlenecks,
            lang,
            digits,
            illustrative=illustrative,
            divides=divides,
            labels=labels,
            titles=titles,
            band=band,
            central=central,
            round_name=round_name,
            round_period=round_period,
            respondents=respondents,
            sampling_n=sampling_n,
        )

    return make
