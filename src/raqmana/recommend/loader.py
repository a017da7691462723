"""Load a rule base from a framework pack (``packs/<id>/rules.yaml``) or a YAML file, with located problems."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from raqmana.frameworks.packs import pack_dir
from raqmana.frameworks.schema import Framework
from raqmana.frameworks.yamlsource import LineMap, YamlSyntaxError, load_yaml
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


def _locator(lm: LineMap) -> Locator:
    def locate(path: tuple[Any, ...]) -> Location:
        return Location(file=lm.file, line=lm.line_of(path), path=path_text(path))

    return locate


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def load_rules(source: str | Path, framework: Framework | None = None) -> RulesResult:
    """Read and validate a rule base; pass ``framework`` to check indicator and pillar ids."""
    path = resolve(source)
    if path is None:
        return RulesResult(None, [Problem(E.FILE_NOT_FOUND, params={"name": str(source)})], str(source))
    name = _display(path)
    try:
        data, lm = load_yaml(path.read_text(encoding="utf-8"), name)
    except UnicodeDecodeError as exc:
        return RulesResult(None, [Problem(E.YAML_SYNTAX, Location(file=name), {"detail": str(exc)})], name)
    except YamlSyntaxError as exc:
        prob = Problem(E.YAML_SYNTAX, Location(file=exc.file, line=exc.line), {"detail": exc.detail})
        return RulesResult(None, [prob], name)
    locate = _locator(lm)
    if not isinstance(data, dict):
        return RulesResult(None, [Problem(E.SCHEMA, Location(file=name, line=1), {"detail": "expected a mapping"})],
                           name)
    try:
        rb = RuleBase.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = tuple(err["loc"])
            where = locate(loc)
            field_name = str(loc[-1]) if loc and not isinstance(loc[-1], int) else ""
            detail = err["msg"]
            if err["type"] == "extra_forbidden":
                detail = f"unknown field '{field_name}'"
            elif "input" in err and err["type"] != "missing":
                detail = f"{err['msg']} (got {err['input']!r:.60})"
            problems.append(Problem(E.SCHEMA, Location(where.file, "", where.line, "", where.path, field_name),
                                    {"detail": detail}))
        return RulesResult(None, problems, name, locate)
    return RulesResult(rb, validate(rb, framework, locate=locate), name, locate)


def load_rules_or_raise(source: str | Path, framework: Framework | None = None) -> RuleBase:
    result = load_rules(source, framework)
    if not result.ok or result.rulebase is None:
        raise ProblemsError(result.problems)
    return result.rulebase
