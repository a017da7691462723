"""Load a rule base from a framework pack (``packs/<id>/rules.yaml``) or a YAML file, with located problems."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from raqmana.frameworks.packs import pack_dir
from raqmana.frameworks.schema import Framework
from raqmana.frameworks.validation_messages import describe
from raqmana.frameworks.yamlsource import LineMap, YamlSyntaxError, display_path, read_yaml_file
from raqmana.problems import Location, Problem, ProblemsError, split
from raqmana.recommend import errors as E
from raqmana.recommend.locate import Locator, path_text
from raqmana.recommend.rules import RuleBase
from raqmana.recommend.validate import validate

RULES_FILE = "rules.yaml"


@dataclass
class RulesResult:
    rulebase: RuleBase | None
    problems: list[Problem] = field(default_factory=list)
    source: str = ""
    locate: Locator | None = None

    @property
    def errors(self) -> list[Problem]:
        return split(self.problems)[0]

    @property
    def warnings(self) -> list[Problem]:
        return split(self.problems)[1]

    @property
    def ok(self) -> bool:
        return self.rulebase is not None and not self.errors


def resolve(source: str | Path) -> Path | None:
    """A pack id, a pack directory or a YAML file → the rules file (None if there is none)."""
    text = str(source)
    pd = pack_dir(text)
    if pd is not None:
        return pd / RULES_FILE if (pd / RULES_FILE).is_file() else None
    p = Path(text)
    if p.is_dir():
        return p / RULES_FILE if (p / RULES_FILE).is_file() else None
    return p if p.is_file() else None


@dataclass
class _Origin:
    """Where each rule came from: the main file, or a file named in ``rules:`` (``rules/LEG.yaml``)."""

    main: LineMap
    #: flattened rule index → (line map of the included file, index of the rule inside that file)
    included: dict[int, tuple[LineMap, int]] = field(default_factory=dict)

    def locate(self, path: tuple[Any, ...]) -> Location:
        if len(path) >= 2 and path[0] == "rules" and isinstance(path[1], int) and path[1] in self.included:
            lm, inner = self.included[path[1]]
            return Location(file=lm.file, line=lm.line_of((inner, *path[2:])), path=path_text(path))
        return Location(file=self.main.file, line=self.main.line_of(path), path=path_text(path))


def _syntax(exc: YamlSyntaxError) -> Problem:
    """The parser's stop, with its reason in the reader's language (the English detail stays in ``detail``)."""
    return Problem(E.YAML_SYNTAX, exc.location(), exc.params())


def _expand(data: dict[str, Any], base: Path, origin: _Origin) -> tuple[dict[str, Any], list[Problem]]:
    """Replace each string entry of ``rules:`` by the list of rules in the file it names."""
    entries = data.get("rules")
    if not isinstance(entries, list):
        return data, []
    problems: list[Problem] = []
    rules: list[Any] = []
    for i, entry in enumerate(entries):
        if not isinstance(entry, str):
            rules.append(entry)
            continue
        inc = (base / entry).resolve()
        if not inc.is_file():
            where = Location(
                file=origin.main.file, line=origin.main.line_of(("rules", i)), path=f"rules[{i}]"
            )
            problems.append(Problem(E.INCLUDE_NOT_FOUND, where, {"name": entry}))
            continue
        try:
            items, lm = read_yaml_file(inc)
        except YamlSyntaxError as exc:
            problems.append(_syntax(exc))
            continue
        if items is None:
            items = []
        if not isinstance(items, list):
            problems.append(
                Problem(E.SCHEMA, Location(file=lm.file, line=1), {"detail": E.NOT_A_LIST_OF_RULES})
            )
            continue
        for j, item in enumerate(items):
            origin.included[len(rules)] = (lm, j)
            rules.append(item)
    return {**data, "rules": rules}, problems


def load_rules(source: str | Path, framework: Framework | None = None) -> RulesResult:
    """Read and validate a rule base; pass ``framework`` to check indicator and pillar ids.

    ``rules:`` may list rules inline or name files (``rules/LEG.yaml``, relative to the rule base)
    that each hold a YAML list of rules; problems are located in the file and line they come from.
    """
    path = resolve(source)
    if path is None:
        return RulesResult(None, [Problem(E.FILE_NOT_FOUND, params={"name": str(source)})], str(source))
    name = display_path(path)
    try:
        data, lm = read_yaml_file(path)
    except YamlSyntaxError as exc:
        return RulesResult(None, [_syntax(exc)], name)
    origin = _Origin(lm)
    locate = origin.locate
    if not isinstance(data, dict):
        return RulesResult(
            None, [Problem(E.SCHEMA, Location(file=name, line=1), {"detail": E.NOT_A_MAPPING})], name
        )
    data, problems = _expand(data, path.parent, origin)
    if problems:
        return RulesResult(None, problems, name, locate)
    try:
        rb = RuleBase.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            loc = tuple(err["loc"])
            where = locate(loc)
            field_name = str(loc[-1]) if loc and not isinstance(loc[-1], int) else ""
            detail = describe(err, field=field_name)
            problems.append(
                Problem(
                    E.SCHEMA,
                    Location(where.file, "", where.line, "", where.path, field_name),
                    {"detail": detail},
                )
            )
        return RulesResult(None, problems, name, locate)
    return RulesResult(rb, validate(rb, framework, locate=locate), name, locate)


def load_rules_or_raise(source: str | Path, framework: Framework | None = None) -> RuleBase:
    result = load_rules(source, framework)
    if not result.ok or result.rulebase is None:
        raise ProblemsError(result.problems)
    return result.rulebase
