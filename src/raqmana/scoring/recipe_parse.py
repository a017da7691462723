"""Reading a recipe (and COINr iMeta rows) from plain data, with located problems."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from raqmana.problems import Location, Problem, ProblemsError
from raqmana.scoring import errors as E
from raqmana.scoring.cells import NotANumber, is_blank, parse_number
from raqmana.scoring.methods import NODE_TYPES
from raqmana.scoring.recipe import STEPS, Node, Recipe, StageRule, Step, UncertaintySpec

#: accepted spellings of the metadata columns (COINr iMeta names first)
META_COLUMNS: dict[str, tuple[str, ...]] = {
    "code": ("iCode", "IndCode"),
    "name": ("iName", "IndName"),
    "level": ("Level",),
    "parent": ("Parent",),
    "direction": ("Direction",),
    "weight": ("Weight", "IndWeight"),
    "type": ("Type",),
    "lo": ("GoalpostLo", "goalpost_lo"),
    "hi": ("GoalpostHi", "goalpost_hi"),
    "target": ("Target",),
    "na": ("NA", "na_treatment"),
    "denominator": ("Denominator",),
    "scale": ("ScaleFactor",),
    "unit": ("Unit", "IndUnit"),
}

Where = Callable[[str], Location]


def node_from_row(
    row: Mapping[str, Any], where: Where, line: int | None = None
) -> tuple[Node | None, list[Problem]]:
    """One metadata row (keys as in COINr's iMeta) → a :class:`Node`, or the problems found."""
    problems: list[Problem] = []
    get = {field: _pick(row, names) for field, names in META_COLUMNS.items()}

    code_key, code = get["code"]
    if is_blank(code):
        return None, [Problem(E.MISSING_COLUMN, where(code_key or "iCode"), {"column": "iCode"})]
    code = str(code).strip()

    def num(field: str, code_: Any = E.NOT_NUMERIC) -> float | None:
        key, value = get[field]
        if is_blank(value):
            return None
        try:
            f = parse_number(value)
        except NotANumber:
            problems.append(Problem(code_, where(key), {"value": value}))
            return None
        return None if f != f else f

    level = num("level")
    if level is not None and (level != int(level) or level < 1):
        problems.append(Problem(E.NOT_NUMERIC, where(get["level"][0]), {"value": get["level"][1]}))
        level = None
    direction = num("direction", E.BAD_DIRECTION)
    if direction is not None and direction not in (1, -1):
        problems.append(Problem(E.BAD_DIRECTION, where(get["direction"][0]), {"value": get["direction"][1]}))
    scale = num("scale")
    if scale is not None and scale <= 0:
        detail = {"step": E.STEP["denominate"], "name": "ScaleFactor", "detail": E.detail("positive")}
        problems.append(Problem(E.BAD_PARAMETER, where(get["scale"][0]), detail))
    weight = num("weight", E.BAD_WEIGHT)
    if weight is not None and weight < 0:
        problems.append(Problem(E.BAD_WEIGHT, where(get["weight"][0]), {"value": get["weight"][1]}))
    type_key, type_value = get["type"]
    if is_blank(type_value):
        node_type = "Indicator" if level in (None, 1) else "Aggregate"
    else:
        matches = [t for t in NODE_TYPES if t.lower() == str(type_value).strip().lower()]
        node_type = matches[0] if matches else ""
        if not matches:
            problems.append(Problem(E.BAD_TYPE, where(type_key), {"value": type_value}))
    na_key, na_value = get["na"]
    na = "" if is_blank(na_value) else str(na_value).strip().lower()
    if na not in ("", "reweight", "zero"):
        problems.append(
            Problem(
                E.BAD_PARAMETER,
                where(na_key),
                {"step": E.STEP["aggregate"], "name": "NA", "detail": E.detail("na")},
            )
        )
    if problems:
        return None, problems
    return Node(
        code=code,
        name=_text(get["name"][1]),
        level=None if level is None else int(level),
        parent=_text(get["parent"][1]),  # R's write.csv writes a missing parent as NA
        direction=1 if direction is None else int(direction),
        weight=1.0 if weight is None else weight,
        type=node_type,
        lo=num("lo"),
        hi=num("hi"),
        target=num("target"),
        na=na,
        denominator=_text(get["denominator"][1]),
        scale=scale,
        unit=_text(get["unit"][1]),
        line=line,
    ), problems


def _text(value: Any) -> str:
    if is_blank(value):
        return ""
    text = str(value).strip()
    return "" if text.lower() in ("na", "nan", "null") else text


def _pick(row: Mapping[str, Any], names: tuple[str, ...]) -> tuple[str, Any]:
    lowered = {str(k).strip().lower(): k for k in row}
    for name in names:
        key = lowered.get(name.lower())
        if key is not None:
            return str(key), row[key]
    return names[0], None


def parse_recipe(
    data: Mapping[str, Any], *, file: str = "", meta: Sequence[Node] | None = None, meta_file: str = ""
) -> Recipe:
    problems: list[Problem] = []
    if not isinstance(data, Mapping):
        raise ProblemsError([_invalid(file, "", E.detail("mapping"))])
    known = {"name", "meta", "stages", "uncertainty", *STEPS}
    for key in data:
        if key not in known:
            problems.append(
                _invalid(file, str(key), E.detail("unknown_key", value=key, choices=", ".join(sorted(known))))
            )

    nodes: list[Node] = []
    if meta is not None:
        nodes = list(meta)
    else:
        raw_meta = data.get("meta") or []
        if not isinstance(raw_meta, list):
            problems.append(_invalid(file, "meta", E.detail("list")))
            raw_meta = []
        for i, row in enumerate(raw_meta):
            if not isinstance(row, Mapping):
                problems.append(_invalid(file, f"meta[{i}]", E.detail("mapping")))
                continue
            node, found = node_from_row(row, _in_document(file, i))
            problems += found
            if node is not None:
                nodes.append(node)
        if not raw_meta:
            problems.append(_invalid(file, "meta", E.detail("no_meta")))

    steps: dict[str, Step] = {}
    for step in STEPS:
        if step in data:
            parsed = _step(data[step], file, step, problems)
            if parsed is not None:
                steps[step] = parsed
    stages = _stages(data.get("stages") or [], file, problems)
    uncertainty = _uncertainty(data.get("uncertainty"), file, problems)
    if problems:
        raise ProblemsError(problems)
    recipe = Recipe(
        meta=tuple(nodes), stages=stages, uncertainty=uncertainty, name=str(data.get("name") or "")
    )
    recipe = recipe.with_(meta_file=meta_file if meta is not None else file, source=file, **steps)
    recipe.check()
    return recipe


def _in_document(file: str, i: int) -> Where:
    def where(key: str) -> Location:
        return Location(file=file, path=f"meta[{i}]", field=key)

    return where


def _step(value: Any, file: str, path: str, problems: list[Problem]) -> Step | None:
    if isinstance(value, str):
        return Step(value)
    if not isinstance(value, Mapping):
        problems.append(_invalid(file, path, E.detail("mapping")))
        return None
    if "method" not in value:
        problems.append(_invalid(file, path, E.detail("no_method")))
        return None
    params = {str(k): v for k, v in value.items() if k != "method"}
    for key in ("by_level", "dat_thresh"):
        if isinstance(params.get(key), Mapping):
            params[key] = {_int_key(k): v for k, v in params[key].items()}
    return Step(str(value["method"]), params)


def _int_key(key: Any) -> Any:
    try:
        return int(key)
    except (TypeError, ValueError):
        return key


def _stages(value: Any, file: str, problems: list[Problem]) -> tuple[StageRule, ...]:
    if not isinstance(value, list):
        problems.append(_invalid(file, "stages", E.detail("list")))
        return ()
    rules: list[StageRule] = []
    for i, item in enumerate(value):
        if isinstance(item, str):
            rules.append(StageRule(item))
        elif isinstance(item, Mapping) and "scheme" in item:
            nodes = item.get("nodes") or []
            score_max = item.get("score_max")
            rules.append(
                StageRule(
                    str(item["scheme"]),
                    tuple(str(n) for n in nodes),
                    None if score_max is None else float(score_max),
                )
            )
        else:
            problems.append(_invalid(file, f"stages[{i}]", E.detail("mapping")))
    return tuple(rules)


def _uncertainty(value: Any, file: str, problems: list[Problem]) -> UncertaintySpec | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        problems.append(_invalid(file, "uncertainty", E.detail("mapping")))
        return None
    known = {
        "runs",
        "weight_noise",
        "impute",
        "treat",
        "normalise",
        "aggregate",
        "seed",
        "quantiles",
        "min_success",
    }
    for key in value:
        if key not in known:
            problems.append(
                _invalid(
                    file,
                    f"uncertainty.{key}",
                    E.detail("unknown_key", value=key, choices=", ".join(sorted(known))),
                )
            )
    before = len(problems)
    impute = [
        s
        for i, v in enumerate(value.get("impute") or [])
        if (s := _step(v, file, f"uncertainty.impute[{i}]", problems)) is not None
    ]
    normalise = [
        s
        for i, v in enumerate(value.get("normalise") or [])
        if (s := _step(v, file, f"uncertainty.normalise[{i}]", problems)) is not None
    ]
    treat = [
        s
        for i, v in enumerate(value.get("treat") or [])
        if (s := _step(v, file, f"uncertainty.treat[{i}]", problems)) is not None
    ]
    noise = value.get("weight_noise", 0.0)
    by_level = {_int_key(k): v for k, v in noise.items()} if isinstance(noise, Mapping) else {}
    try:
        spec = UncertaintySpec(
            runs=int(value.get("runs", 1000)),
            weight_noise=0.0 if by_level else float(noise),
            noise_by_level={int(k): float(v) for k, v in by_level.items()},
            treat=tuple(treat),
            impute=tuple(impute),
            normalise=tuple(normalise),
            aggregate=tuple(str(m) for m in value.get("aggregate") or []),
            seed=int(value.get("seed", 12345)),
            quantiles=tuple(float(q) for q in value.get("quantiles", (0.05, 0.95)))[:2],  # type: ignore[arg-type]
            min_success=float(value.get("min_success", 0.25)),
        )
    except (TypeError, ValueError) as exc:
        problems.append(_invalid(file, "uncertainty", E.detail("not_number", value=str(exc))))
        return None
    return spec if len(problems) == before else None


def _invalid(file: str, path: str, detail: dict[str, str]) -> Problem:
    return Problem(E.RECIPE_INVALID, Location(file=file, path=path), {"detail": detail})
