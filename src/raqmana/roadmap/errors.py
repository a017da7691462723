"""The error catalogue of the roadmap: dependency graph, feasibility of the plan, XLSX/JSON import."""

from __future__ import annotations

from raqmana.i18n import format_number
from raqmana.i18n.catalog import ui
from raqmana.i18n.locales import LANGS
from raqmana.problems import Code, Severity

W = Severity.WARNING

DUPLICATE_INITIATIVE = Code("RM001", "Initiative id '{id}' is used more than once.")
UNKNOWN_DEPENDENCY = Code("RM002", "Initiative {id} depends on unknown initiative '{dep}'.")
CYCLE = Code("RM003", "Initiatives depend on each other in a cycle: {cycle}.")
DURATION_TOO_LONG = Code(
    "RM010",
    "Initiative {id} lasts {duration} quarters from quarter {release}, but the horizon is {horizon} quarters: "
    "{excess} quarter(s) too long.",
)
CHAIN_TOO_LONG = Code(
    "RM011",
    "The dependency chain {chain} needs {length} quarters, but the horizon is {horizon}: "
    "{excess} quarter(s) more than the horizon.",
)
YEAR_SHARE = Code(
    "RM012",
    "Initiative {id} must spend at least {need} USD in one fiscal year, but the yearly budget is {budget} USD: "
    "short by {short} USD.",
)
TOTAL_BUDGET = Code(
    "RM013",
    "The initiatives cost {total} USD in all, but the budget over the horizon is {budget} USD: "
    "short by {short} USD ({percent}).",
)
OWNER_CAPACITY = Code(
    "RM014",
    "{owner} has {work} initiative-quarters of work, but {capacity} at a time over {horizon} quarters allows "
    "{available}: {excess} too many.",
)
SOLVER_INFEASIBLE = Code(
    "RM015",
    "The solver proved that no schedule meets every constraint together (dependencies, yearly budgets, "
    "capacity per owner), although each check alone passes. Raise the budget, the capacity or the horizon.",
)
NO_SOLUTION_IN_TIME = Code(
    "RM016", "No schedule was found within {seconds} seconds; give the solver more time."
)
GREEDY_FAILED = Code(
    "RM017",
    "The greedy baseline could not place initiative {id} within the horizon; the solver started without it.",
    severity=W,
)
BUDGET_SHORTFALL = Code(
    "RM018",
    "The yearly budget of {budget} USD cannot carry these initiatives with their dependencies and capacities "
    "within the horizon; a schedule exists from {needed} USD per year: short by {short} USD per year ({percent}).",
)
CAPACITY_SHORTFALL = Code(
    "RM019",
    "Even without a budget limit, {capacity} concurrent initiatives per owner are too few to finish within "
    "{horizon} quarters; a schedule exists with {needed} per owner ({extra} more) or a horizon of {quarters} quarters.",
)
UNKNOWN_INITIATIVE = Code("RM020", "There is no initiative '{id}' in this roadmap.")
BAD_SETTING = Code("RM021", "{field}: {detail}")
NO_INITIATIVES = Code(
    "RM022", "No recommendation was triggered, so the roadmap has no initiatives.", severity=W
)
HORIZON_EXTENDED = Code(
    "RM023",
    "The horizon was extended from {horizon} to {extended} quarters: {reason} needs {needed} quarters.",
    severity=W,
)
XLSX_UNREADABLE = Code("RM030", "Not a readable Excel workbook: {detail}")
XLSX_MISSING_SHEET = Code("RM031", "Sheet '{sheet}' is missing.")
XLSX_MISSING_COLUMN = Code("RM032", "Column '{column}' is missing.")
XLSX_BAD_CELL = Code("RM033", "'{value}' is not {expected}.")
BAD_FILE = Code("RM040", "Not a valid roadmap file: {detail}")

ALL: tuple[Code, ...] = tuple(v for v in list(globals().values()) if isinstance(v, Code))

EXPECTED = {
    "integer": ui("a whole number").as_dict(),
    "positive": ui("a whole number of at least 1").as_dict(),
    "number": ui("a number").as_dict(),
    "quarter": ui("a quarter such as 2026-Q3").as_dict(),
    "initiative": ui("an initiative id of sheet Initiatives").as_dict(),
    "choice": ui("one of: {choices}").as_dict(),
    "json": ui("valid JSON").as_dict(),
}
REASONS = {
    "chain": ui("the dependency chain {chain}").as_dict(),
    "capacity": ui("the work of {owner} at {capacity} initiatives at a time").as_dict(),
}


def number(value: float) -> dict[str, str]:
    """A number formatted for each language (Latin digits; the renderer localises them)."""
    return {lang: format_number(value, lang, decimals=0, digits="latn") for lang in LANGS}


def percent(value: float) -> dict[str, str]:
    return dict.fromkeys(LANGS, f"{value:.1f} %")


def choice(choices: list[str]) -> dict[str, str]:
    text = ", ".join(choices)
    return {lang: EXPECTED["choice"][lang].format(choices=text) for lang in LANGS}
