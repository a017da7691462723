"""The recipe of an index: indicator metadata (COINr's iMeta) plus one method per step.

A recipe is plain, frozen data. ``Recipe.to_dict()`` / ``Recipe.from_dict()`` round-trip it
through JSON or YAML, so that a build can be regenerated from its recipe and its data alone.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from raqmana.problems import Location, Problem, ProblemsError
from raqmana.scoring import errors as E
from raqmana.scoring.methods import (
    CATALOGUE,
    MEANS,
    NA_RULES,
    NODE_TYPES,
    SCREEN_ORDERS,
    STAGE_SCHEMES,
    TRANSFORMS,
    UNIT_SCREENS,
)


@dataclass(frozen=True)
class Node:
    """One row of the metadata: an indicator, an aggregate (sub-index, pillar, index) or a
    kept-but-not-aggregated Group/Denominator row."""

    code: str
    name: str = ""
    level: int | None = None
    parent: str = ""
    direction: int = 1
    weight: float = 1.0
    type: str = "Indicator"
    lo: float | None = None  # low goalpost (COINr-style column GoalpostLo)
    hi: float | None = None  # high goalpost (GoalpostHi)
    target: float | None = None  # for distance-to-target normalisation (Target)
    #: how a missing value of this node counts in its parent: "" (the recipe's rule), "reweight", "zero"
    na: str = ""
    #: COINr's Denominator: the data column this indicator is divided by (after × ``scale``)
    denominator: str = ""
    #: COINr's ScaleFactor: the ratio is indicator × scale / denominator (e.g. 1000 for "per thousand")
    scale: float | None = None
    #: COINr's Unit (e.g. "USD", "%"): printed, never computed with
    unit: str = ""
    #: row of the metadata file this node came from (for messages only; not part of the recipe)
    line: int | None = field(default=None, compare=False)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "iCode": self.code,
            "iName": self.name,
            "Level": self.level,
            "Parent": self.parent or None,
            "Direction": self.direction,
            "Weight": self.weight,
            "Type": self.type,
        }
        for key, value in (("GoalpostLo", self.lo), ("GoalpostHi", self.hi), ("Target", self.target)):
            if value is not None:
                out[key] = value
        if self.na:
            out["NA"] = self.na
        if self.denominator:
            out["Denominator"] = self.denominator
        if self.scale is not None:
            out["ScaleFactor"] = self.scale
        if self.unit:
            out["Unit"] = self.unit
        return out


@dataclass(frozen=True)
class Step:
    """A method name and its parameters (unset parameters take the catalogue's defaults)."""

    method: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "params", dict(self.params))

    def resolved(self, step: str) -> dict[str, Any]:
        return {**CATALOGUE[step][self.method], **self.params}

    def to_dict(self) -> dict[str, Any]:
        return {"method": self.method, **{k: _plain(v) for k, v in self.params.items()}}


@dataclass(frozen=True)
class StageRule:
    """Map scores of some nodes (all aggregates when ``nodes`` is empty) to stages or groups.

    ``score_max`` is the top of the score scale when it differs from the scheme's own
    (ladder 0–5, GTMI/EGDI 0–1, GCI 0–100, Compass 1–5.99 is never rescaled).
    """

    scheme: str
    nodes: tuple[str, ...] = ()
    score_max: float | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"scheme": self.scheme}
        if self.nodes:
            out["nodes"] = list(self.nodes)
        if self.score_max is not None:
            out["score_max"] = self.score_max
        return out


@dataclass(frozen=True)
class UncertaintySpec:
    """Monte Carlo settings: which choices vary and how much (see :mod:`.uncertainty`)."""

    runs: int = 1000
    weight_noise: float = 0.0  # each weight × (1 + U(−x, +x)); 0.25 means ±25 %
    impute: tuple[Step, ...] = ()  # alternatives to the recipe's imputation
    normalise: tuple[Step, ...] = ()  # alternatives to the recipe's normalisation
    aggregate: tuple[str, ...] = ()  # alternative means, applied at every level
    seed: int = 12345
    quantiles: tuple[float, float] = (0.05, 0.95)
    #: the share of runs that must succeed (failed runs, e.g. a geometric mean meeting a 0, are left out)
    min_success: float = 0.25
    #: alternatives to the recipe's outlier treatment (e.g. winsorise with another winmax, none)
    treat: tuple[Step, ...] = ()
    #: weight noise per level of the weighted node (overrides ``weight_noise`` at that level)
    noise_by_level: Mapping[int, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "noise_by_level", {int(k): float(v) for k, v in self.noise_by_level.items()})

    @property
    def varies_weights(self) -> bool:
        return self.weight_noise > 0 or any(v > 0 for v in self.noise_by_level.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "min_success": self.min_success,
            "treat": [s.to_dict() for s in self.treat],
            "runs": self.runs,
            "weight_noise": dict(self.noise_by_level) if self.noise_by_level else self.weight_noise,
            "impute": [s.to_dict() for s in self.impute],
            "normalise": [s.to_dict() for s in self.normalise],
            "aggregate": list(self.aggregate),
            "seed": self.seed,
            "quantiles": list(self.quantiles),
        }


@dataclass(frozen=True)
class Recipe:
    meta: tuple[Node, ...]
    screen: Step = Step("availability")
    #: "meta" divides each indicator by its metadata Denominator (COINr's Denominate); "none" does not
    denominate: Step = Step("meta")
    impute: Step = Step("none")
    treat: Step = Step("none")
    normalise: Step = Step("minmax")
    weights: Step = Step("explicit")
    aggregate: Step = Step("arithmetic")
    stages: tuple[StageRule, ...] = ()
    uncertainty: UncertaintySpec | None = None
    name: str = ""
    #: the metadata file the nodes were read from, and the recipe document (for messages only)
    meta_file: str = field(default="", compare=False)
    source: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "meta", tuple(self.meta))
        object.__setattr__(self, "stages", tuple(self.stages))

    def with_(self, **changes: Any) -> Recipe:
        """A copy with some fields replaced (a recipe never changes in place)."""
        return replace(self, **changes)

    def node(self, code: str) -> Node:
        for n in self.meta:
            if n.code == code:
                return n
        raise KeyError(code)

    def check(self) -> None:
        """Refuse unknown methods, unknown parameters and impossible parameter values."""
        problems = _check_steps(self, self.source)
        if problems:
            raise ProblemsError(problems)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "meta": [n.to_dict() for n in self.meta]}
        for step in STEPS:
            out[step] = getattr(self, step).to_dict()
        out["stages"] = [s.to_dict() for s in self.stages]
        if self.uncertainty is not None:
            out["uncertainty"] = self.uncertainty.to_dict()
        return out

    @classmethod
    def from_dict(
        cls,
        data: Mapping[str, Any],
        *,
        file: str = "",
        meta: Sequence[Node] | None = None,
        meta_file: str = "",
    ) -> Recipe:
        """Read a recipe from plain data (parsed JSON/YAML); ``meta`` (read from ``meta_file``)
        replaces the document's own metadata."""
        from raqmana.scoring.recipe_parse import parse_recipe

        return parse_recipe(data, file=file, meta=meta, meta_file=meta_file)


STEPS: tuple[str, ...] = ("denominate", "screen", "impute", "treat", "normalise", "weights", "aggregate")


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def _check_steps(recipe: Recipe, file: str) -> list[Problem]:
    problems: list[Problem] = []
    for step in STEPS:
        problems += check_step(step, getattr(recipe, step), Location(file=file, path=step))
    for i, rule in enumerate(recipe.stages):
        if rule.scheme not in STAGE_SCHEMES:
            problems.append(
                _unknown("stages", rule.scheme, STAGE_SCHEMES, Location(file=file, path=f"stages[{i}]"))
            )
        if rule.score_max is not None and not rule.score_max > 0:
            problems.append(_bad("stages", "score_max", E.detail("positive"), file, f"stages[{i}]"))
    unc = recipe.uncertainty
    if unc is not None:
        problems += _check_uncertainty(unc, file)
    return problems


def check_step(step: str, spec: Step, where: Location) -> list[Problem]:
    methods = CATALOGUE[step]
    if spec.method not in methods:
        return [_unknown(step, spec.method, tuple(methods), where)]
    allowed = methods[spec.method]
    problems = [
        Problem(
            E.UNKNOWN_PARAMETER,
            where,
            {
                "step": E.STEP[step],
                "method": spec.method,
                "name": name,
                "choices": ", ".join(allowed) or "—",
            },
        )
        for name in spec.params
        if name not in allowed
    ]
    if problems:
        return problems
    return _check_values(step, spec.method, spec.resolved(step), where)


def _check_values(step: str, method: str, p: dict[str, Any], where: Location) -> list[Problem]:
    out: list[Problem] = []

    def bad(name: str, detail: dict[str, str]) -> None:
        out.append(Problem(E.BAD_PARAMETER, where, {"step": E.STEP[step], "name": name, "detail": detail}))

    def number(name: str) -> float | None:
        v = p[name]
        if isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v):
            bad(name, E.detail("not_number", value=v))
            return None
        return float(v)

    if step == "screen":
        for name in ("unit_min", "indicator_min", "nonzero_min"):
            v = number(name)
            if v is not None and not 0 <= v <= 1:
                bad(name, E.detail("share"))
        if p["unit_screen"] not in UNIT_SCREENS:
            bad("unit_screen", E.detail("one_of", choices=", ".join(UNIT_SCREENS)))
        if p["order"] not in SCREEN_ORDERS:
            bad("order", E.detail("one_of", choices=", ".join(SCREEN_ORDERS)))
        for name in ("force_include", "force_exclude"):
            if not isinstance(p[name], list | tuple) or not all(isinstance(u, str) for u in p[name]):
                bad(name, E.detail("list"))
    elif step == "impute" and method == "em":
        it, tol = number("max_iter"), number("tol")
        if it is not None and (it < 1 or it != int(it)):
            bad("max_iter", E.detail("whole"))
        if tol is not None and tol <= 0:
            bad("tol", E.detail("positive"))
    elif step == "impute" and method == "latest" and p["max_time"] is not None:
        mt = number("max_time")
        if mt is not None and (mt < 1 or mt != int(mt)):
            bad("max_time", E.detail("whole"))
    elif step == "impute" and method == "linear" and not isinstance(p["extrapolate"], bool):
        bad("extrapolate", E.detail("bool"))
    elif step == "impute" and method == "group_mean" and not str(p["group"]).strip():
        bad("group", E.detail("group"))
    elif step == "treat":
        out += _check_treat(method, p, where, number, bad)
    elif step == "normalise":
        if method == "minmax":
            lo, hi = number("low"), number("high")
            if lo is not None and hi is not None and not lo < hi:
                bad("high", E.detail("above_low"))
        elif method == "zscore":
            number("mean")
            sd = number("sd")
            if sd is not None and sd <= 0:
                bad("sd", E.detail("positive"))
        elif method in ("goalposts", "dist2target"):
            sc = number("scale")
            if sc is not None and sc <= 0:
                bad("scale", E.detail("positive"))
            if method == "goalposts" and p["fallback"] not in ("error", "minmax"):
                bad("fallback", E.detail("fallback"))
            if method == "goalposts" and not (
                isinstance(p["log"], bool)
                or (isinstance(p["log"], list | tuple) and all(isinstance(c, str) for c in p["log"]))
            ):
                bad("log", E.detail("log"))
    elif step == "weights" and method == "budget":
        if not isinstance(p["points"], Mapping) or not p["points"]:
            bad("points", E.detail("points"))
    elif step == "aggregate":
        if p["na"] not in NA_RULES:
            bad("na", E.detail("na"))
        if not _dat_thresh_ok(p["dat_thresh"]):
            bad("dat_thresh", E.detail("dat_thresh"))
        if "share_min" in p:
            lo, hi = number("share_min"), number("share_max")
            if lo is not None and hi is not None and not 0 <= lo <= hi <= 1:
                bad("share_max" if 0 <= lo <= 1 else "share_min", E.detail("shares"))
        if "p" in p:
            power = number("p")
            if power == 0:
                bad("p", E.detail("not_zero"))
        by_level = p["by_level"]
        if not isinstance(by_level, Mapping):
            bad("by_level", E.detail("by_level"))
        else:
            for level, mean in by_level.items():
                if mean not in MEANS:
                    out.append(_unknown("aggregate", str(mean), MEANS, where))
                try:
                    int(level)
                except (TypeError, ValueError):
                    bad("by_level", E.detail("level", value=level))
    return out


def _check_treat(method: str, p: dict[str, Any], where: Location, number: Any, bad: Any) -> list[Problem]:
    out: list[Problem] = []
    if method == "winsorise":
        wm = number("winmax")
        if wm is not None and (wm < 1 or wm != int(wm)):
            bad("winmax", E.detail("whole"))
        if p["then"] not in ("none", *TRANSFORMS):
            bad("then", E.detail("one_of", choices=", ".join(("none", *TRANSFORMS))))
    if method != "none":
        number("skew")
        number("kurt")
        number("lambda")
    by_indicator = p["by_indicator"]
    if not isinstance(by_indicator, Mapping):
        bad("by_indicator", E.detail("mapping"))
        return out
    for code, value in by_indicator.items():
        inner = Location(file=where.file, path=f"{where.path}.by_indicator.{code}")
        if not isinstance(value, str | Mapping) or (isinstance(value, Mapping) and "method" not in value):
            out.append(Problem(E.RECIPE_INVALID, inner, {"detail": E.detail("no_method")}))
            continue
        own = (
            Step(value)
            if isinstance(value, str)
            else Step(str(value["method"]), {str(k): v for k, v in value.items() if k != "method"})
        )
        if "by_indicator" in own.params:
            out.append(
                Problem(
                    E.RECIPE_INVALID,
                    inner,
                    {"detail": E.detail("unknown_key", value="by_indicator", choices="method, …")},
                )
            )
            continue
        out += check_step("treat", own, inner)
    return out


def _dat_thresh_ok(value: Any) -> bool:
    def share(v: Any) -> bool:
        return not isinstance(v, bool) and isinstance(v, int | float) and 0 <= v <= 1

    if value is None or share(value):
        return True
    if not isinstance(value, Mapping) or not value:
        return False
    try:
        return all(int(k) >= 1 and share(v) for k, v in value.items())
    except (TypeError, ValueError):
        return False


def _check_uncertainty(unc: UncertaintySpec, file: str) -> list[Problem]:
    out: list[Problem] = []
    if unc.runs < 1:
        out.append(_bad("uncertainty", "runs", E.detail("runs"), file, "uncertainty.runs"))
    if not 0 < unc.min_success <= 1:
        out.append(_bad("uncertainty", "min_success", E.detail("share"), file, "uncertainty.min_success"))
    if not 0 <= unc.weight_noise < 1 or not all(0 <= v < 1 for v in unc.noise_by_level.values()):
        out.append(_bad("uncertainty", "weight_noise", E.detail("noise"), file, "uncertainty.weight_noise"))
    for i, s in enumerate(unc.treat):
        out += check_step("treat", s, Location(file=file, path=f"uncertainty.treat[{i}]"))
    lo, hi = unc.quantiles
    if not 0 <= lo < hi <= 1:
        out.append(_bad("uncertainty", "quantiles", E.detail("quantiles"), file, "uncertainty.quantiles"))
    for i, s in enumerate(unc.impute):
        out += check_step("impute", s, Location(file=file, path=f"uncertainty.impute[{i}]"))
    for i, s in enumerate(unc.normalise):
        out += check_step("normalise", s, Location(file=file, path=f"uncertainty.normalise[{i}]"))
    for i, m in enumerate(unc.aggregate):
        if m not in MEANS:
            out.append(
                _unknown("aggregate", m, MEANS, Location(file=file, path=f"uncertainty.aggregate[{i}]"))
            )
    return out


def _unknown(step: str, value: str, choices: Sequence[str], where: Location) -> Problem:
    return Problem(
        E.UNKNOWN_METHOD, where, {"step": E.STEP[step], "value": value, "choices": ", ".join(choices)}
    )


def _bad(step: str, name: str, detail: dict[str, str], file: str, path: str) -> Problem:
    return Problem(
        E.BAD_PARAMETER,
        Location(file=file, path=path),
        {"step": E.STEP[step], "name": name, "detail": detail},
    )


__all__ = ["NODE_TYPES", "STEPS", "Node", "Recipe", "StageRule", "Step", "UncertaintySpec", "check_step"]
