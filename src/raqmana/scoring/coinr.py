"""COINr's functions and arguments side by side with raqmana's recipe keys, and how they differ.

``docs/coinr-migration.md`` prints :func:`markdown_table`; a test keeps the document equal to it and
checks that every method of the recipe catalogue (:data:`~raqmana.scoring.methods.CATALOGUE`) is
named in some row, so the table cannot fall behind the code.
"""

from __future__ import annotations

#: (COINr, raqmana, difference in behaviour); "—" when they behave the same
ROWS: tuple[tuple[str, str, str], ...] = (
    (
        "`new_coin(iData, iMeta)`",
        "`--data`, `--meta`; `read_data_csv`, `read_meta_csv`",
        "the same columns and `Type`s (Indicator, Aggregate, Group, Denominator, Other); a data column "
        "without a metadata row is refused, as COINr does (SC049); COINr 0.6's `Group_`/`Den_`/`x_` "
        "prefixes and `UnitCode`/`IndCode` spellings are read too",
    ),
    (
        "`COIN_to_coin(list(IndData, IndMeta, AggMeta))` (COINr 0.6 tables)",
        "`--meta IndMeta.csv --agg-meta AggMeta.csv`; `read_coinr6_meta`",
        "— (the same conversion: the first `Agg*` column is the indicators' parent; an IndMeta alone is "
        "refused with a hint, SC047)",
    ),
    (
        "`new_coin(split_to = …)` (panel data, a purse)",
        "`--time YEAR`, or `--time all` (a folder per period)",
        "one build per period with the same recipe; data with several periods and no `--time` is refused "
        "(SC038)",
    ),
    ("`new_coin(exclude = …)`", "leave the rows out of iMeta", "—"),
    (
        '`Denominate(dset = "Raw")` with iMeta\'s `Denominator`',
        "`denominate: meta` (default)",
        "applied whenever iMeta names denominators (COINr needs the call); `denominate: none` keeps raw "
        "values and says so (SC110); a missing denominator gives a missing ratio with a warning (SC112), "
        "a zero is refused (SC041)",
    ),
    (
        "`Denominate(denoms = WorldDenoms)`",
        "`--denoms sizes.csv`; `Dataset.with_denominators`",
        "units the table lacks get a missing ratio with a warning (COINr refuses them)",
    ),
    (
        "`Denominate(denomby = …ScaleFactor)`",
        "iMeta column `ScaleFactor`",
        "x ÷ (denominator ÷ ScaleFactor), as COINr; COINr reads the scale factor only from `denomby`",
    ),
    (
        '`Screen(dat_thresh, unit_screen = "byNA")`',
        "`screen: {method: availability, unit_min: …}`",
        "COINr's default threshold is 2/3 once you screen; raqmana screens nothing unless told",
    ),
    (
        '`Screen(unit_screen = "byzeros" / "byNAandzeros", nonzero_thresh)`',
        "`unit_screen: zeros / na_and_zeros`, `nonzero_min`",
        "— (0.05 by default, as COINr)",
    ),
    (
        '`Screen(dset = "Imputed")` (COINr\'s examples)',
        "`screen: {order: after_impute}`",
        "raqmana screens the raw data by default (`before_impute`), which drops units that imputation "
        "would complete; with `after_impute` the Monte Carlo alternatives keep the nominal build's units",
    ),
    (
        "`Screen(Force = data.frame(uCode, Include))`",
        "`force_include: [codes]`, `force_exclude: [codes]`",
        "— (a code the data lacks is refused, SC048)",
    ),
    ("—", "`indicator_min`", "raqmana only: leaves out indicators with too little data"),
    ('`Impute(f_i = "i_mean")`, `"i_median"`', "`impute: mean`, `median`", "—"),
    (
        '`Impute(f_i = "i_mean_grp", use_group = …)`',
        "`impute: {method: group_mean, group: …}`",
        "a group without any value falls back to the overall mean with a warning (SC106); COINr leaves NA",
    ),
    ('`Impute(f_i = "impute_EM")` (Amelia)', "`impute: em`", "one EM estimate, no multiple imputation"),
    (
        '`Impute(purse, f_i = "impute_panel", f_i_para = list(imp_type = "latest", max_time))`',
        "`impute: {method: latest, max_time: …}`",
        "— (the unit's latest earlier value)",
    ),
    (
        '`impute_panel(imp_type = "linear")` (R\'s `approx(rule = 2)`), `"linear-constant"`',
        "`impute: {method: linear, extrapolate: false | true}`",
        "COINr always carries the nearest value before a unit's first and after its last value; raqmana "
        "leaves those cells missing unless `extrapolate: true`. A series with one value is carried as "
        'COINr\'s `"linear-constant"` does (COINr\'s `"linear"` stops there); periods must be numbers '
        "(SC051)",
    ),
    (
        "`Treat()` (winsorise, winmax 5, skew 2, kurt 3.5, then `log_CT`)",
        "`treat: {method: winsorise, then: log_CT}`",
        "raqmana's `then` defaults to `none`: indicators still failing are reported (SC104), not transformed",
    ),
    (
        '`Treat(global_specs = list(f2 = "log_CT_plus" / "log_GII" / "boxcox"))`',
        "`then: log_CT_plus / log_GII / boxcox` (`lambda`, `makepos`)",
        "—",
    ),
    ("`Treat(combine_treat = TRUE)`", "`combine: true`", "—"),
    (
        "`Treat(indiv_specs = list(code = …))`",
        "`by_indicator: {code: {method: …}}`",
        "`none` turns treatment off for one indicator, as in COINr",
    ),
    (
        '`Treat(global_specs = list(f1 = "log_CT"))` and friends',
        "`treat: {method: log_CT / log_CT_plus / log_GII / boxcox}`",
        "applied to the indicators failing the skewness/kurtosis test (`all: true` for every one)",
    ),
    ('`Treat(global_specs = "none")`', "`treat: none`", "—"),
    ('`Normalise(f_n = "n_minmax", l_u = c(0, 100))`', "`normalise: {method: minmax, low, high}`", "—"),
    ("`n_zscore(m_sd = c(0, 1))`", "`{method: zscore, mean, sd}`", "—"),
    (
        "`n_goalposts(gposts = c(l, u, a))`",
        "`{method: goalposts, scale}` + iMeta `GoalpostLo`/`GoalpostHi`",
        "`log: [codes]` puts goalposts on a log scale (the HDI's income); `fallback: minmax` for "
        "indicators without goalposts",
    ),
    ("`n_rank`", "`{method: rank}`", "ties share the lowest rank"),
    (
        "`n_dist2targ(targ, cap_max = TRUE)`",
        "`{method: dist2target, cap}` + iMeta `Target`",
        "direction −1 measures from the maximum",
    ),
    ("—", "`compass`, `compass_quintile`", "raqmana only: the Digital Compass scales"),
    ("iMeta `Weight`", "`weights: explicit`", "—"),
    ("equal weights", "`weights: equal`", "—"),
    ("`get_PCA(…)$Weights`", "`weights: pca`", "squared loadings of the first component, per aggregate"),
    ("—", "`weights: {method: budget, points: …}`", "raqmana only: budget allocation points"),
    (
        '`Aggregate(f_ag = "a_amean" / "a_gmean" / "a_hmean")`',
        "`aggregate: arithmetic / geometric / harmonic`",
        "a geometric or harmonic mean meeting a value ≤ 0 is refused with its unit (SC022)",
    ),
    ("`Aggregate(f_ag = c(…))` per level", "`by_level: {level: mean}`", "—"),
    (
        "`a_copeland`",
        "`aggregate: copeland` (or in `by_level`)",
        "the same scores; COINr's `Aggregate()` cannot call it (it passes `x`, the function takes `X`)",
    ),
    (
        "`a_genmean(p = …)`",
        "`aggregate: {method: genmean, p: …}` (or in `by_level`)",
        "the same scores on complete data; a missing child is left out (`na: reweight`) where COINr's "
        "`a_genmean` returns NA",
    ),
    (
        '`Aggregate(f_ag = "ci_bod2", by_df = TRUE, w = "none")` (COINr\'s wrapper of Compind\'s `ci_bod`)',
        "`aggregate: {method: bod, share_min, share_max}` (or `bod` in `by_level`)",
        "the same linear programme per unit (scores 0–1, the recipe's weights unused); raqmana adds bounds on "
        "each child's share of a unit's score; a unit with a missing child has no score; not varied in the "
        "Monte Carlo (SC052)",
    ),
    ("`a_ahp`", "not available", "—"),
    (
        "`Aggregate(dat_thresh = …)`",
        "`aggregate: {dat_thresh: share}` or `{level: share}`",
        "— (an aggregate with less than that share of its direct children is missing)",
    ),
    (
        "missing children (dropped by `a_amean`)",
        "`na: reweight` (default) or `zero`, per node with iMeta `NA`",
        "raqmana adds `zero` (missing counts as 0)",
    ),
    (
        '`get_sensitivity(SA_type = "UA")`',
        "`uncertainty:` section (`runs`, `weight_noise` or `{level: noise}`, `impute`, `treat`, "
        "`normalise`, `aggregate`, `seed`)",
        "runs that cannot be computed are left out and reported per alternative (SC109); refused below "
        "`min_success` (SC042)",
    ),
    (
        '`get_sensitivity(SA_type = "SA")`',
        "`raqmana index sensitivity`",
        "Sobol S1 and ST with confidence intervals via SALib; N rounded up to a power of two",
    ),
    ("`Regen(coin)`", "`Build.regenerate()`; `--recipe results/recipe.yaml`", "—"),
    ("`coin$Data$…`", "`b.raw`, `b.denominated`, `b.screened`, … `b.aggregated`", "—"),
    ("`export_to_excel(coin)`", "`--format xlsx`", "one sheet per stage, plus weights, meta and uncertainty"),
)


def markdown_table() -> str:
    lines = ["| COINr | raqmana | difference |", "|---|---|---|"]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in ROWS]
    return "\n".join(lines) + "\n"
