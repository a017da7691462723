"""Fixed texts of the reports in en, ar and ckb."""

from __future__ import annotations

from typing import TYPE_CHECKING

from raqmana.i18n import Translated
from raqmana.i18n.catalog import ui
from raqmana.i18n.numbers import localize_digits

if TYPE_CHECKING:
    from raqmana.reports.inputs import ReportInputs

LABELS: dict[str, Translated] = {
    "product": ui("raqmana"),  # رقمنة in Arabic, ڕەقمەنە in Sorani: the web app's name
    "issued_by": ui("Issued by"),
    "round": ui("Assessment round"),
    "date": ui("Date"),
    "key_figures": ui("Key figures"),
    "kf_score": ui("National score (0–5)"),
    "kf_stage": ui("Stage of maturity"),
    "kf_institutions": ui("Institutions assessed"),
    "kf_recommendations": ui("Recommendations"),
    "kf_short": ui("short term", "count of recommendations"),
    "kf_initiatives": ui("Roadmap initiatives"),
    "kf_period": ui("Roadmap period"),
    "top_recommendations": ui("First recommendations to act on (short term):"),
    "gloss_title": ui("What this means"),
    "gloss_gini": ui(
        "Gini coefficient: how unevenly the scores are spread across the institutions, from 0 (every institution scores the same) to 1 (one institution holds all of it)."
    ),
    "gloss_theil": ui(
        "Theil index between groups: the part of the inequality that lies between the groups of a table (for example between governorates) rather than inside them; 0 when every group has the same average."
    ),
    "gloss_interval": ui(
        "90 % interval: the range a score stays in, in 90 of 100 recalculations in which the weights, the treatment of missing answers and the way scores are added up are varied (a Monte Carlo analysis). A narrow range means the score does not depend on those choices; two scores whose ranges overlap are not clearly different."
    ),
    "gloss_rank": ui(
        "Rank interval: the best and worst places the institution takes in 90 of 100 of the same recalculations. When two institutions' ranges overlap, their order is not certain."
    ),
    "governorate_left_out": ui(
        "Institutions without a governorate (ministries and national bodies) are not in this table: {n}."
    ),
    "contents": ui("Contents"),
    "low": ui("lower bound"),
    "high": ui("upper bound"),
    "toc_hint": ui("The table of contents fills in when Word updates the document's fields (F9)."),
    "table": ui("Table"),
    "figure": ui("Figure"),
    "source": ui("Source"),
    "sheet": ui("Sheet"),
    "provenance": ui("Sources and provenance"),
    "national_title": ui("Digital Landscape Assessment"),
    "national_subtitle": ui("Digital maturity of the public sector and the digital transformation roadmap"),
    "institution_title": ui("Institution profile"),
    "illustrative": ui(
        "ILLUSTRATIVE DATA: the assessment answers in this report were generated for demonstration. Public index figures are real and cite their source."
    ),
    "summary": ui("Executive summary"),
    "methodology": ui("Methodology"),
    "findings": ui("Findings by enabler"),
    "benchmarks": ui("Against peers and over time"),
    "divide": ui("The digital divide"),
    "bottlenecks": ui("Bottlenecks", "report"),
    "recommendations": ui("Recommendations"),
    "roadmap": ui("Digital transformation roadmap"),
    "kpis": ui("Key performance indicators"),
    "annex_framework": ui("Annex: the assessment framework"),
    "annex_data": ui("Annex: data"),
    "enabler": ui("Enabler"),
    "indicator": ui("Indicator"),
    "indicators": ui("Indicators"),
    "score": ui("Score (0–5)"),
    "stage": ui("Stage"),
    "interval": ui("90 % interval"),
    "coverage": ui("Data coverage"),
    "stability": ui("Stage stability"),
    "target": ui("Target stage"),
    "gap": ui("Gap"),
    "institution": ui("Institution"),
    "horizon": ui("Horizon"),
    "short": ui("Short term (≤ 18 months)"),
    "long": ui("Long term"),
    "sdg": ui("SDG targets"),
    "owner": ui("Owner"),
    "start": ui("Start"),
    "end": ui("End"),
    "cost": ui("Cost (USD)"),
    "phase": ui("Phase"),
    "initiative": ui("Initiative"),
    "kpi": ui("KPI"),
    "unit": ui("Unit"),
    "value": ui("Value"),
    "year": ui("Year"),
    "country": ui("Country"),
    "question": ui("Question"),
    "recommendation": ui("Recommendation"),
    "triggered_by": ui("Triggered by"),
    "depends_on": ui("Depends on"),
    "code": ui("Code"),
    "dependents": ui("Enablers that depend on it", "report"),
    "ahead": ui("Of these, already scoring higher"),
    "component": ui("Index or component"),
    "institutions_n": ui("Institutions", "report"),
    "baseline": ui("Baseline"),
    #: the KPI table's column: where the baseline will be measured (no baseline figure exists before then)
    "baseline_source": ui("Baseline measured from"),
    "stage_name": ui("Name"),
    "description": ui("Description"),
    "coverage_pct": ui("Data coverage (%)"),
    "stability_pct": ui("Stage stability (%)"),
    # sheet names of the workbook (at most 31 characters)
    "sheet_stages": ui("Maturity stages"),
    "sheet_enablers": ui("Scores by enabler", "report"),
    "sheet_recs_short": ui("Short-term recommendations"),
    "sheet_recs_long": ui("Long-term recommendations"),
    "sheet_initiatives": ui("Roadmap initiatives"),
    "sheet_institutions": ui("Scores by institution"),
    "sheet_lowest": ui("Lowest"),
    "sheet_gaps": ui("Gaps to the target"),
    "sheet_actions": ui("Roadmap actions"),
    "time_ltr": ui("Time runs from left to right, in the reading direction."),
    "time_rtl": ui("Time runs from right to left, in the reading direction."),
    "missing_cell": ui("Hatched: no accepted answer"),
    "missing_section": ui("No validated data yet for this section."),
    # lines of "Sources and provenance" ({placeholders}: names and citations, kept as their sources write them)
    "prov_framework": ui("Framework: {framework}"),
    "prov_answers": ui("Assessment answers: validated (accepted) answers only."),
    "prov_answers_illustrative": ui(
        "Assessment answers: validated (accepted) answers only — ILLUSTRATIVE data generated by raqmana demo, not real answers."
    ),
    "prov_index": ui("{source}; editions {editions}; licence: {licence}"),
    "prov_index_no_edition": ui("{source}; licence: {licence}"),
}


#: names of the parts of public indices (rows of the benchmark tables)
COMPONENTS: dict[str, Translated] = {
    "EGDI": ui("E-Government Development Index"),
    "OSI": ui("Online Services Index"),
    "TII": ui("Telecommunications Infrastructure Index"),
    "HCI": ui("Human Capital Index"),
    "EPI": ui("E-Participation Index"),
    "GTMI": ui("GovTech Maturity Index"),
    "CGSI": ui("Core Government Systems Index"),
    "PSDI": ui("Public Service Delivery Index"),
    "DCEI": ui("Digital Citizen Engagement Index"),
    "GTEI": ui("GovTech Enablers Index"),
}


def label(key: str, lang: str, digits: str | None = None) -> str:
    """A fixed text; its digits ("Score (0–5)") follow the report's digit setting."""
    return localize_digits(LABELS[key].get(lang), lang, digits)


def cover_lines(inputs: ReportInputs, lang: str) -> list[tuple[str, str]]:
    """The cover's lines under the title: who issues the report, the round, the date in the reader's
    calendar words and digits (an unreadable date is left as written)."""
    from datetime import date

    from babel.dates import format_date

    from raqmana.i18n.locales import get_locale
    from raqmana.i18n.prose import prose_digits

    d = inputs.digits
    lines = []
    if inputs.issuer is not None:
        lines.append((label("issued_by", lang), prose_digits(inputs.issuer.get(lang), lang, d)))
    if inputs.assessment_name is not None:
        lines.append((label("round", lang), prose_digits(inputs.assessment_name.get(lang), lang, d)))
    if inputs.date:
        try:
            day = date.fromisoformat(inputs.date[:10])
            shown = localize_digits(format_date(day, "long", locale=get_locale(lang).babel_code), lang, d)
        except ValueError:
            shown = localize_digits(inputs.date, lang, d)
        lines.append((label("date", lang), shown))
    return lines


def time_rule(lang: str) -> str:
    """The rule of every chart over time, said under it: time runs in the reading direction (charts are
    mirrored in Arabic and Kurdish)."""
    from raqmana.i18n.locales import get_locale

    return LABELS["time_rtl" if get_locale(lang).is_rtl else "time_ltr"].get(lang)


def report_labels(lang: str) -> dict[str, str]:
    return {
        k: LABELS[k].get(lang)
        for k in ("contents", "toc_hint", "low", "high", "table", "figure", "source", "sheet", "provenance")
    }


def provenance_line(key: str, **params: str | list[str] | Translated) -> Translated:
    """One line of "Sources and provenance" in the three languages. ``params``: translated names, lists
    (joined with each language's comma) and citations used as their sources write them (a framework's
    source, an index's publisher, title and licence)."""
    lists = ui(", ")
    out: dict[str, str] = {}
    for lang in ("en", "ar", "ckb"):
        values = {
            k: v.get(lang) if isinstance(v, Translated) else lists[lang].join(v) if isinstance(v, list) else v
            for k, v in params.items()
        }
        out[lang] = LABELS[key].get(lang).format(**values)
    return Translated(**out)
