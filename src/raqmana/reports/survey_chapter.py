"""The national report's chapter on the perception surveys: the survey indicators with their 95 %
intervals and number of respondents, and the bottlenecks facing workers ranked by the share of civil
servants naming them (chart with its data table).

Self-contained: it takes the survey indicators and bottlenecks (:mod:`raqmana.surveys`) and gives a
:class:`Section` in a language and digit shape, added to the report through ``ReportInputs.chapters``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from raqmana.i18n.catalog import ui
from raqmana.reports import charts
from raqmana.reports.model import Block, Figure, Interval, Note, Paragraph, Section, Table
from raqmana.reports.text import integer, pct, span
from raqmana.surveys.bottlenecks import Bottleneck
from raqmana.surveys.indicators import Scope, SurveyIndicator

WORDS = {
    "title": ui("Perception surveys: what civil servants and citizens say"),
    "intro": ui(
        "Survey results join the assessment as indicators: each is a topic score of a survey on 0–100 (the weighted mean of the respondents' scores, “don't know” left out), shown with its 95 % interval and the number of respondents behind it. A staff survey gives each institution with enough respondents its own value; a citizen survey gives the country's."
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
}


def _w(key: str, lang: str, **params: object) -> str:
    text = WORDS[key].get(lang)
    return text.format(**params) if params else text


def survey_section(
    indicators: Sequence[SurveyIndicator],
    bottlenecks: Sequence[Bottleneck],
    lang: str,
    digits: str | None = None,
    *,
    illustrative: bool = False,
) -> Section:
    blocks: list[Block] = []
    if illustrative:
        blocks.append(Note(_w("illustrative", lang), "warning"))
    blocks.append(Paragraph(_w("intro", lang)))
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
    return section


def survey_chapter(
    indicators: Sequence[SurveyIndicator], bottlenecks: Sequence[Bottleneck], *, illustrative: bool = False
) -> Callable[[str, str | None], Section]:
    """The chapter as a function of (language, digits), for ``ReportInputs.chapters``."""

    def make(lang: str, digits: str | None) -> Section:
        return survey_section(indicators, bottlenecks, lang, digits, illustrative=illustrative)

    return make
