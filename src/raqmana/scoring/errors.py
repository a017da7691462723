"""The error catalogue of the index engine (tables, metadata, recipes and computations).

Codes are stable (``SCxxx``); ``raqmana index errors`` lists them. Errors stop a build with a
:class:`~raqmana.problems.ProblemsError`; warnings travel with the result (``Build.warnings``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import TypeVar

from raqmana.i18n import Translated
from raqmana.i18n.catalog import ui
from raqmana.problems import Code, Severity

W = Severity.WARNING
T = TypeVar("T")

FILE_NOT_FOUND = Code("SC001", "File '{name}' not found.")
UNREADABLE = Code("SC002", "Cannot read the file: {detail}")
MISSING_COLUMN = Code("SC003", "Column '{column}' is missing.")
NOT_NUMERIC = Code("SC004", "'{value}' is not a number.")
DUPLICATE_UNIT = Code("SC005", "Unit code '{code}' appears more than once (first at line {first}).")
DUPLICATE_CODE = Code(
    "SC006", "Code '{code}' is defined more than once in the metadata (first at line {first})."
)
MISSING_PARENT = Code("SC007", "Parent '{parent}' of '{code}' is not defined in the metadata.")
HIERARCHY_CYCLE = Code(
    "SC008", "The hierarchy has a cycle: {cycle}. Change the Parent of one of these lines."
)
PARENT_NOT_AGGREGATE = Code(
    "SC009", "Parent '{parent}' of '{code}' is of type {type}; only Aggregate rows can have children."
)
BAD_TYPE = Code("SC010", "Type '{value}' is not one of Indicator, Aggregate, Group, Denominator, Other.")
BAD_DIRECTION = Code(
    "SC011", "Direction must be 1 (higher is better) or -1 (lower is better), not '{value}'."
)
BAD_WEIGHT = Code("SC012", "Weight must be a number of at least 0, not '{value}'.")
BAD_LEVEL = Code(
    "SC013",
    "'{code}' is at level {level} but its parent '{parent}' is at level {parent_level}; a parent must be higher.",
)
EMPTY_AGGREGATE = Code("SC014", "Aggregate '{code}' has no indicators under it.")
INDICATOR_NOT_IN_DATA = Code("SC015", "Indicator '{code}' of the metadata has no column in the data.")
NO_INDICATORS = Code("SC016", "The metadata defines no indicators (rows of type Indicator).")
NO_UNITS = Code("SC017", "The data has no units (rows).")
UNKNOWN_METHOD = Code("SC018", "Unknown {step} method '{value}'; choose one of: {choices}.")
UNKNOWN_PARAMETER = Code(
    "SC019", "The {step} method '{method}' has no parameter '{name}'; its parameters are: {choices}."
)
BAD_PARAMETER = Code("SC020", "{step} parameter '{name}': {detail}")
WEIGHTS_ZERO = Code(
    "SC021",
    "The weights of the children of '{code}' sum to zero: {children}. Give at least one of them a weight above 0.",
)
NOT_POSITIVE = Code(
    "SC022",
    "The {method} mean of '{code}' needs values above 0, but '{child}' is {value} for unit '{unit}'. "
    "Choose a normalisation whose scale starts above 0 (e.g. min-max to 1–100).",
)
ZERO_VARIANCE = Code(
    "SC023",
    "Indicator '{code}' has the same value for every unit, so its z-score is undefined (standard deviation 0).",
)
ZERO_RANGE = Code(
    "SC024",
    "Indicator '{code}' has the same value for every unit, so min-max normalisation is undefined (range 0). "
    "Use goalposts instead.",
)
MISSING_GOALPOSTS = Code("SC025", "Indicator '{code}' has no goalposts (columns GoalpostLo and GoalpostHi).")
BAD_GOALPOSTS = Code(
    "SC026", "Indicator '{code}': the low goalpost ({lo}) must be below the high goalpost ({hi})."
)
MISSING_TARGET = Code(
    "SC027", "Indicator '{code}' has no target (column Target), needed for distance-to-target normalisation."
)
NOTHING_TO_IMPUTE_FROM = Code(
    "SC028",
    "Indicator '{code}' has no values at all, so there is nothing to impute from. "
    "Raise the screening threshold to leave it out.",
)
GROUP_COLUMN_MISSING = Code(
    "SC029",
    "Group-mean imputation needs the group column '{group}', which the data does not have (found: {choices}).",
)
BUDGET_NOT_100 = Code("SC030", "The budget points of the children of '{code}' sum to {total}, not 100.")
PCA_TOO_FEW = Code(
    "SC031",
    "PCA weights for the children of '{code}' need at least 3 units with complete data; there are {count}.",
)
ALL_SCREENED_OUT = Code(
    "SC032", "Screening left no {what}: every one is below the data-availability threshold {threshold}."
)
RECIPE_INVALID = Code("SC033", "Recipe: {detail}")
UNKNOWN_NODE = Code("SC034", "'{code}' is not an indicator or aggregate of the index.")
BAD_ANSWER = Code("SC035", "'{value}' is not a valid answer to indicator {code} ({expected}).")
NOTHING_UNCERTAIN = Code(
    "SC036",
    "The uncertainty analysis has nothing to vary: give a weight noise above 0 or alternative methods.",
)

TEXT_COLUMN = Code(
    "SC037",
    "Column '{column}' holds text in {count} rows (the first: '{value}'), but it is read as numbers. "
    "If it labels groups of units, give it Type Group in the metadata (or name it Group_{column}); "
    "if it is information to keep, Type Other (or x_{column}).",
)
PANEL_DATA = Code(
    "SC038", "The data holds several periods in column Time ({periods}); choose one with --time."
)
UNKNOWN_PERIOD = Code("SC039", "Period '{time}' is not in column Time (found: {periods}).")
DENOMINATOR_NOT_IN_DATA = Code(
    "SC040",
    "Indicator '{code}' is to be divided by '{denominator}', which is not a Denominator column of the data.",
)
BAD_DENOMINATOR = Code(
    "SC041",
    "Unit '{unit}' has a value of '{code}' but its denominator '{denominator}' is {value}: "
    "the ratio cannot be computed (correct the denominator, or leave the cell empty if it is unknown).",
)
TOO_MANY_FAILED_RUNS = Code(
    "SC042",
    "Only {ok} of {runs} Monte Carlo runs succeeded, below the recipe's minimum share {minimum} "
    "(uncertainty.min_success). Most failures: {reason}",
)
SENSITIVITY_RUN_FAILED = Code(
    "SC043",
    "The sensitivity analysis needs every run, but {choice} cannot be computed: {reason} "
    "Remove that alternative from the uncertainty section.",
)
LOG_GOALPOSTS = Code(
    "SC044", "Indicator '{code}' is normalised on a log scale, so its low goalpost must be above 0, not {lo}."
)
NO_HISTORY = Code(
    "SC045",
    "Imputation from earlier periods ('latest') needs panel data: a Time column with earlier periods "
    "and the period to build given with --time.",
)
DUPLICATE_COLUMN = Code(
    "SC046", "Column '{column}' is already a column of {data}: name each denominator once."
)
NEEDS_AGG_META = Code(
    "SC047",
    "{file} is a COINr 0.6 IndMeta (the hierarchy in Agg… columns): give its AggMeta with --agg-meta.",
)
UNKNOWN_UNIT = Code("SC048", "'{code}' is not a unit of the data.")
NOT_IN_META = Code(
    "SC049",
    "Column '{column}' has no row in {meta}: add one (Type Other keeps it as information without "
    "computing with it), or remove the column.",
)

LINEAR_NEEDS_PANEL = Code(
    "SC050",
    "Interpolation over time ('linear') needs panel data: a Time column with several periods and the "
    "period to build given with --time.",
)
PERIOD_NOT_NUMBER = Code(
    "SC051",
    "Interpolation over time ('linear') needs periods that are numbers (years); '{period}' in column Time "
    "is not one.",
)

BOD_IN_MONTE_CARLO = Code(
    "SC052",
    "The benefit-of-the-doubt aggregation ('bod') chooses each unit's weights by a linear programme; it is "
    "not repeated in every run of a Monte Carlo or sensitivity analysis. Aggregate otherwise in the recipe "
    "whose uncertainty is analysed.",
)
BOD_NOT_SOLVED = Code(
    "SC053", "The benefit-of-the-doubt programme of '{code}' found no optimum for unit '{unit}': {detail}"
)

# warnings
IGNORED_COLUMN = Code(
    "SC101", "Column '{column}' is not an indicator of the metadata and is ignored.", severity=W
)
UNIT_SCREENED_OUT = Code(
    "SC102",
    "Unit '{code}' has data for {share} of the indicators, below the threshold {threshold}; it is left out.",
    severity=W,
)
INDICATOR_SCREENED_OUT = Code(
    "SC103",
    "Indicator '{code}' has data for {share} of the units, below the threshold {threshold}; it is left out.",
    severity=W,
)
STILL_SKEWED = Code(
    "SC104",
    "Indicator '{code}' is still outside the skewness/kurtosis limits after winsorising {count} points "
    "(skewness {skew}, kurtosis {kurt}).",
    severity=W,
)
NOT_AGGREGATED = Code(
    "SC105", "Indicator '{code}' has no parent, so it is normalised but not aggregated.", severity=W
)
GROUP_FALLBACK = Code(
    "SC106",
    "Group '{group}' has no value of '{code}', so the mean over all units was imputed there.",
    severity=W,
)
UNKNOWN_ANSWER = Code(
    "SC107", "'{code}' is not a scored indicator of the framework; its answers are ignored.", severity=W
)

DENOMINATION_OFF = Code(
    "SC110",
    "The metadata names denominators, but the recipe says 'denominate: none': the indicators are used as they are.",
    severity=W,
)
UNIT_SCREENED_ZEROS = Code(
    "SC111",
    "Unit '{code}' has non-zero values for {share} of its available indicators, below the threshold "
    "{threshold}; it is left out.",
    severity=W,
)
NO_DENOMINATOR = Code(
    "SC112",
    "Unit '{unit}' has no value of the denominator '{denominator}', so its ratios {codes} are missing "
    "(as in COINr); imputation may fill them.",
    severity=W,
)
FAILED_RUNS = Code(
    "SC109",
    "{failed} of {runs} Monte Carlo runs with {choice} failed and are left out of the intervals. {reason}",
    severity=W,
)

ALL: tuple[Code, ...] = tuple(v for v in list(globals().values()) if isinstance(v, Code))


class _Texts(Mapping[str, T]):
    """A table of translated texts made the first time one is read: importing the index engine (and
    ``raqmana index build --help``) parses no catalogue; a successful build reads them only for its
    methodology notes, while its Monte Carlo runs."""

    def __init__(self, make: Callable[[], dict[str, T]]) -> None:
        self._make = make
        self._table: dict[str, T] | None = None

    def _texts(self) -> dict[str, T]:
        if self._table is None:
            self._table = self._make()
        return self._table

    def __getitem__(self, key: str) -> T:
        return self._texts()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._texts())

    def __len__(self) -> int:
        return len(self._texts())


#: names of the steps, used inside messages
STEP: Mapping[str, dict[str, str]] = _Texts(
    lambda: {
        "screen": ui("screening").as_dict(),
        "denominate": ui("denomination").as_dict(),
        "impute": ui("imputation").as_dict(),
        "treat": ui("outlier treatment").as_dict(),
        "normalise": ui("normalisation").as_dict(),
        "weights": ui("weighting").as_dict(),
        "aggregate": ui("aggregation").as_dict(),
        "stages": ui("stage").as_dict(),
        "uncertainty": ui("uncertainty").as_dict(),
        "output": ui("output").as_dict(),
    }
)
WHAT: Mapping[str, dict[str, str]] = _Texts(
    lambda: {
        "unit": ui("unit", "error words").as_dict(),
        "indicator": ui("indicator", "error words").as_dict(),
    }
)

#: details of BAD_PARAMETER / RECIPE_INVALID, in the three languages
_DETAILS: Mapping[str, Translated] = _Texts(
    lambda: {
        "share": ui("must be a share between 0 and 1"),
        "not_number": ui("'{value}' is not a number"),
        "whole": ui("must be a whole number of at least 1"),
        "positive": ui("must be above 0"),
        "group": ui("name the Group_ column of the data that holds the groups"),
        "above_low": ui("must be above 'low'"),
        "fallback": ui("must be 'error' or 'minmax'"),
        "points": ui("give the points of each child, e.g. {{LEG-01: 40, LEG-02: 60}}"),
        "na": ui("must be 'reweight' or 'zero'"),
        "by_level": ui("must map a level number to a mean, e.g. {{2: geometric}}"),
        "level": ui("'{value}' is not a level number"),
        "noise": ui("must be a share from 0 to below 1 (0.25 means ±25 %)"),
        "quantiles": ui("must be two shares, the first below the second"),
        "one_of": ui("must be one of: {choices}"),
        "dat_thresh": ui(
            "must be a share between 0 and 1, or a mapping of level numbers to shares, e.g. {{2: 0.5}}"
        ),
        "log": ui("must be true (every indicator) or a list of indicator codes"),
        "runs": ui("must be at least 1"),
        "mapping": ui("must be a mapping of names to values"),
        "list": ui("must be a list", "scoring details"),
        "bool": ui("must be true or false", "scoring details"),
        "shares": ui("must be shares with 0 ≤ share_min ≤ share_max ≤ 1", "scoring details"),
        "bod_children": ui(
            "'{code}' has {n} children: needs share_min ≤ 1/{n} ≤ share_max", "scoring details"
        ),
        "unknown_key": ui("unknown key '{value}'; known keys: {choices}"),
        "no_meta": ui("the recipe has no metadata: give --meta or a 'meta' list"),
        "no_method": ui("has no 'method'"),
        "formats": ui("choose among csv, xlsx, json, parquet (comma separated), not '{value}'"),
        "parquet": ui("Parquet files need pyarrow: pip install 'raqmana[parquet]'"),
        "target": ui("'{value}' is not a column of the build"),
        "not_zero": ui("must not be 0 (p = 0 is the geometric mean: use geometric)"),
    }
)


def detail(key: str, **fmt: object) -> dict[str, str]:
    """A translated detail text for BAD_PARAMETER / RECIPE_INVALID messages."""
    detail = _DETAILS[key]
    return {lang: detail[lang].format(**fmt) for lang in ("en", "ar", "ckb")}
