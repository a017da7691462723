"""The sentences of the methodology note; their Arabic and Sorani are in the gettext catalogues."""

from __future__ import annotations

from raqmana.i18n import Translated
from raqmana.i18n.catalog import ui

SENTENCES: dict[str, Translated] = {
    "uncertainty.treat": ui("The outlier treatment was also drawn among: {treat}."),
    "impute.latest": ui(
        "Each missing value is replaced by the unit's value of the same indicator in the latest earlier period that has one (COINr's impute_panel, \"latest\"); values with none stay missing."
    ),
    "impute.linear": ui(
        'Each missing value between two periods in which the unit has the indicator is read off the straight line through the nearest of them (COINr\'s impute_panel, "linear"); values before the first or after the last stay missing.'
    ),
    "impute.linear.extrapolate": ui(
        'Each missing value between two periods in which the unit has the indicator is read off the straight line through the nearest of them (COINr\'s impute_panel, "linear"); before the first or after the last, the nearest value is carried.'
    ),
    "copeland": ui("Copeland outranking count (COINr's a_copeland): units beaten minus units beating"),
    "genmean": ui("generalised mean (COINr's a_genmean)"),
    "treat.transformed": ui("Indicators transformed (COINr's Treat): {items}."),
    "treat.transform": ui(
        "Indicators failing the skewness/kurtosis test (skewness ≥ {skew} and kurtosis ≥ {kurt}) were transformed with {method}."
    ),
    "treat.by_indicator": ui("Indicators with their own treatment: {items}."),
    "denominate": ui(
        "Indicators divided by a denominator column (COINr's Denominate: {formula}, d being the denominator and s its scale): {items}."
    ),
    "denominate.none": ui(
        "The metadata names denominators, but the recipe asks for none: indicators are used as they are."
    ),
    "screen.after": ui(
        "Screening was applied to the imputed data (as in COINr's examples), so units whose gaps imputation filled are kept."
    ),
    "screen.forced": ui(
        "Units kept or left out by the recipe whatever their data: kept {kept}; left out {out}."
    ),
    "screen.zeros": ui(
        "Units with non-zero values for less than {share} of their available indicators are also left out."
    ),
    "dat_thresh": ui(
        "An aggregate is missing when fewer than {share} of its direct children have data{levels}."
    ),
    "dat_thresh.levels": ui(" (by level: {levels})"),
    "title": ui("Methodology of the index {name}"),
    "data": ui("Data: {units} and {indicators}, aggregated through {aggregates} over {levels}."),
    "h_screen": ui("1. Screening"),
    "screen": ui(
        "Units with data for less than {unit_min} of the indicators and indicators with data for less than {ind_min} of the units are left out. Units left out: {units}. Indicators left out: {indicators}."
    ),
    "screen.none": ui("No minimum share of data was set: no unit or indicator is left out for missing data."),
    "h_impute": ui("2. Missing values"),
    "impute.none": ui(
        "No imputation: missing values stay missing and are handled by the aggregation's N/A rule ({cells} missing values)."
    ),
    "impute.mean": ui("Each missing value is replaced by the indicator's mean over all units."),
    "impute.median": ui("Each missing value is replaced by the indicator's median over all units."),
    "impute.group_mean": ui(
        "Each missing value is replaced by the indicator's mean over the units of the same group (column {group}); where a group has no value, by the mean over all units."
    ),
    "impute.em": ui(
        "Expectation–maximisation for a multivariate normal distribution on the standardised indicators: each missing value is predicted from the unit's observed values; {rounds} rounds (tolerance {tol}, at most {max_iter}), {converged}."
    ),
    "converged": ui("converged"),
    "not_converged": ui("not converged"),
    "imputed": ui(
        "{imputed} values were imputed ({share} of all values); each is flagged in the imputed-cells table."
    ),
    "h_treat": ui("3. Outliers"),
    "treat.none": ui("No outlier treatment."),
    "treat.winsorise": ui(
        "Indicators with absolute skewness of at least {skew} and kurtosis of at least {kurt} were winsorised: the most extreme value was replaced by the next one inward, at most {winmax} values per indicator. Indicators treated: {indicators}; values changed: {cells}. Still outside the limits: {still}."
    ),
    "h_normalise": ui("4. Normalisation"),
    "normalise.minmax": ui("Min-max normalisation to {low}–{high}: {formula}."),
    "normalise.zscore": ui(
        "Standard scores: {formula}, the distance to the indicator's mean in standard deviations, rescaled to mean {mean} and standard deviation {sd}."
    ),
    "normalise.goalposts": ui(
        "Goalposts: {formula} for each indicator, L and H being its low and high goalposts, cut to 0–1 and multiplied by {scale}."
    ),
    "fallback": ui(
        "Indicators without goalposts were min-max normalised to 0–{scale} instead: {indicators}."
    ),
    "normalise.rank": ui("Ranks: 1 for the lowest value; tied values share the lowest rank."),
    "normalise.dist2target": ui(
        "Distance to target: {formula} for each indicator, T being its target, {cap}multiplied by {scale}."
    ),
    "cap": ui("capped at 1 and "),
    "normalise.compass": ui(
        "UNDP Digital Development Compass scale: min-max to 1–5.99 over the data and, where known, the indicator's theoretical range."
    ),
    "normalise.compass_quintile": ui(
        "UNDP Digital Development Compass quintile hybrid: values in the k-th fifth of the distribution are min-max normalised within that fifth to k…k+0.99."
    ),
    "inverted": ui("Indicators where a lower value is better were inverted: {indicators}."),
    "h_weights": ui("5. Weights"),
    "weights.equal": ui("Equal weights for the children of each aggregate."),
    "weights.explicit": ui("Weights as given in the metadata (expert or framework weights)."),
    "weights.pca": ui(
        "Weights from principal component analysis: within each aggregate, the squared loadings of its children on the first principal component of their correlation matrix."
    ),
    "weights.budget": ui(
        "Budget allocation: experts distributed 100 points over the children of each aggregate; weight = points / 100."
    ),
    "h_aggregate": ui("6. Aggregation"),
    "aggregate.level": ui("Level {level}: {mean} ({nodes})."),
    "arithmetic": ui("arithmetic mean"),
    "geometric": ui("geometric mean"),
    "harmonic": ui("harmonic mean"),
    "formula.legend": ui(
        "In the formulas, x is a value, w its weight and i runs over the children of an aggregate."
    ),
    "bod": ui(
        "benefit of the doubt (Compind's ci_bod): each unit's weights chosen by a linear programme to maximise its own score, 0–1"
    ),
    "na.reweight": ui("A missing child is left out and the weights of the others are scaled up."),
    "na.zero": ui("A missing child counts as 0."),
    "na.nodes": ui("Missing values count as 0 for: {nodes}."),
    "na.nodes_reweight": ui("Missing values are left out (the others re-weighted) for: {nodes}."),
    "availability": ui(
        "Each score comes with its data availability: the share of the indicators under it that had data before imputation."
    ),
    "h_stages": ui("7. Stages"),
    "stages.none": ui("No stages were assigned."),
    "stage.ladder": ui("Maturity stage = whole part of the score on 0–5 ({nodes})."),
    "stage.gtmi": ui("GovTech Maturity Index groups: A ≥ 0.75, B ≥ 0.50, C ≥ 0.25, otherwise D ({nodes})."),
    "stage.egdi": ui(
        "E-Government Development Index groups: very high > 0.75, high ≥ 0.50, middle ≥ 0.25, otherwise low ({nodes})."
    ),
    "stage.egdi_class": ui(
        "E-Government rating classes: each group split in four classes of width 0.0625 ({nodes})."
    ),
    "stage.compass": ui("Digital Development Compass stage = whole part of the 1–5.99 score ({nodes})."),
    "stage.gci": ui(
        "Global Cybersecurity Index tiers: T1 ≥ 95, T2 ≥ 85, T3 ≥ 55, T4 ≥ 20, otherwise T5 ({nodes})."
    ),
    "scaled": ui(" Scores were rescaled from 0–{max} to the scheme's scale."),
    "h_uncertainty": ui("8. Uncertainty analysis"),
    "uncertainty": ui(
        "Monte Carlo with {runs} runs (seed {seed}): each weight multiplied by 1 ± up to {noise}; imputation drawn among {impute}; normalisation among {normalise}; aggregation among {aggregate}. Reported per unit: the {low}–{high} score interval, the rank interval and the share of runs in the nominal stage."
    ),
    "recipe_choice": ui("the recipe's"),
    "none": ui("none"),
    "more": ui("… and {count} more"),
}
#: the names of the recipe's options (``opt.<step>.<method>``): what the uncertainty analysis drew among
#: and what a treatment used, in words rather than as the recipe writes them
OPTIONS: dict[str, Translated] = {
    "opt.impute.none": ui("no imputation", "method"),
    "opt.impute.mean": ui("the indicator's mean", "method"),
    "opt.impute.median": ui("the indicator's median", "method"),
    "opt.impute.group_mean": ui("the group's mean", "method"),
    "opt.impute.em": ui("expectation–maximisation", "method"),
    "opt.impute.latest": ui("the latest earlier value", "method"),
    "opt.impute.linear": ui("linear interpolation", "method"),
    "opt.normalise.minmax": ui("min-max", "method"),
    "opt.normalise.zscore": ui("standard scores", "method"),
    "opt.normalise.goalposts": ui("goalposts", "method"),
    "opt.normalise.rank": ui("ranks", "method"),
    "opt.normalise.dist2target": ui("distance to target", "method"),
    "opt.normalise.compass": ui("the Compass scale", "method"),
    "opt.normalise.compass_quintile": ui("the Compass quintiles", "method"),
    "opt.aggregate.arithmetic": ui("arithmetic mean"),
    "opt.aggregate.geometric": ui("geometric mean"),
    "opt.aggregate.harmonic": ui("harmonic mean"),
    "opt.aggregate.genmean": ui("generalised mean (COINr's a_genmean)"),
    "opt.aggregate.copeland": ui("Copeland count", "method"),
    "opt.aggregate.bod": ui("benefit of the doubt", "method"),
    "opt.treat.none": ui("no treatment", "method"),
    "opt.treat.winsorise": ui("winsorisation", "method"),
    "opt.treat.log_CT": ui("a logarithm (COINr's log_CT)", "method"),
    "opt.treat.log_CT_plus": ui("a logarithm on the side of the skew (COINr's log_CT_plus)", "method"),
    "opt.treat.log_GII": ui("a logarithm (the GII's log_GII)", "method"),
    "opt.treat.boxcox": ui("the Box–Cox transformation", "method"),
}
#: the formulas of the note, as TeX between ``$`` (typeset by :mod:`raqmana.reports.formula`); left to
#: right and in Latin letters in every language, as a code is
FORMULAS: dict[str, str] = {
    "denominate": r"\frac{x}{d / s}",
    "normalise.minmax": r"\frac{x - \min x}{\max x - \min x}",
    "normalise.zscore": r"\frac{x - \bar{x}}{s}",
    "normalise.goalposts": r"\frac{x - L}{H - L}",
    "normalise.dist2target": r"\frac{x - \min x}{T - \min x}",
    "arithmetic": r"\frac{\sum_i w_i x_i}{\sum_i w_i}",
    "geometric": r"\exp\left(\frac{\sum_i w_i \ln x_i}{\sum_i w_i}\right)",
    "harmonic": r"\frac{\sum_i w_i}{\sum_i w_i / x_i}",
    "genmean": r"\left(\frac{\sum_i w_i x_i^{p}}{\sum_i w_i}\right)^{1/p}",
    "log_CT": r"\ln\left(x - \min x + 0.01\,(\max x - \min x)\right)",
    "log_GII": r"\ln\left(\frac{(\max x - 1)(x - \min x)}{\max x - \min x} + 1\right)",
    "boxcox": r"\frac{(x - \min x + 1)^{\lambda} - 1}{\lambda}",
}
#: language → sentence key → template (what :func:`raqmana.scoring.methodology.render` reads)
TEXT: dict[str, dict[str, str]] = {
    lang: {key: sentence[lang] for key, sentence in (SENTENCES | OPTIONS).items()}
    for lang in ("en", "ar", "ckb")
}
