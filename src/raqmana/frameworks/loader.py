"""Load a framework from a built-in pack, a YAML file (with pillar includes) or an XLSX workbook.

Every problem comes back as a located :class:`~raqmana.problems.Problem`; nothing raises a
traceback for bad input.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from raqmana.frameworks import errors as E
from raqmana.frameworks.packs import pack_dir
from raqmana.frameworks.schema import Framework
from raqmana.frameworks.validation_messages import describe
from raqmana.frameworks.yamlsource import LineMap, YamlSyntaxError, read_yaml_file
from raqmana.problems import Location, Problem, ProblemsError, split


@dataclass
class LoadResult:
    framework: Framework | None
    problems: list[Problem] = field(default_factory=list)
    source: str = ""

    @property
    def errors(self) -> list[Problem]:
        return split(self.problems)[0]

    @property
    def warnings(self) -> list[Problem]:
        return split(self.problems)[1]

    @property
    def ok(self) -> bool:
        return self.framework is not None and not self.errors


@dataclass
class _Origin:
    """Where each part of the framework document came from (for locating problems)."""

    main: LineMap
    pillar_files: dict[int, tuple[LineMap, str]] = field(default_factory=dict)

    def locate(self, path: tuple[Any, ...]) -> Location:
        if (
            len(path) >= 2
            and path[0] == "pillars"
            and isinstance(path[1], int)
            and path[1] in self.pillar_files
        ):
            lm, _ = self.pillar_files[path[1]]
            inner = path[2:]
            return Location(file=lm.file, line=lm.line_of(inner), path=_path_text(path), field="")
        return Location(file=self.main.file, line=self.main.line_of(path), path=_path_text(path))


def _path_text(path: tuple[Any, ...]) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def resolve(source: str | Path) -> Path | None:
    """A pack id, a pack directory, or a file path → the file to read (None if not found)."""
    text = str(source)
    pd = pack_dir(text)
    if pd is not None:
        return pd / "framework.yaml"
    p = Path(text)
    if p.is_dir() and (p / "framework.yaml").is_file():
        return p / "framework.yaml"
    if p.is_file():
        return p
    return None


def load(source: str | Path, *, check: bool = True) -> LoadResult:
    """Load and (with ``check``) validate a framework from a pack id, YAML or XLSX file."""
    path = resolve(source)
    if path is None:
        return LoadResult(None, [Problem(E.FILE_NOT_FOUND, params={"name": str(source)})], str(source))
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from raqmana.frameworks.xlsx import read_workbook_with_origin

        data, problems, xorigin = read_workbook_with_origin(path)
        if data is None:
            return LoadResult(None, problems, str(path))
        result = from_data(data, xorigin, str(path))
        result.problems[:0] = problems
    else:
        result = _load_yaml_file(path)
    if check and result.framework is not None:
        from raqmana.frameworks.validate import validate

        result.problems.extend(validate(result.framework, locate=result_locator(result)))
    return result


def result_locator(result: LoadResult) -> Any:
    origin = getattr(result, "_origin", None)
    return origin.locate if origin is not None else None


def _load_yaml_file(path: Path) -> LoadResult:
    try:
        data, lm = read_yaml_file(path)
    except YamlSyntaxError as exc:
        prob = Problem(E.YAML_SYNTAX, exc.location(), exc.params())
        return LoadResult(None, [prob], str(path))
    origin = _Origin(lm)
    problems: list[Problem] = []
    if isinstance(data, dict) and isinstance(data.get("pillars"), list):
        pillars: list[Any] = []
        for i, entry in enumerate(data["pillars"]):
            if isinstance(entry, str):
                inc = (path.parent / entry).resolve()
                if not inc.is_file():
                    problems.append(Problem(E.FILE_NOT_FOUND, origin.locate(("pillars", i)), {"name": entry}))
                    continue
                try:
                    pdata, plm = read_yaml_file(inc)
                except YamlSyntaxError as exc:
                    problems.append(Problem(E.YAML_SYNTAX, exc.location(), exc.params()))
                    continue
                origin.pillar_files[len(pillars)] = (plm, entry)
                pillars.append(pdata)
            else:
                pillars.append(entry)
        data = {**data, "pillars": pillars}
    if problems:
        return LoadResult(None, problems, str(path))
    return from_data(data, origin, str(path))


def from_data(data: Any, origin: Any, source: str) -> LoadResult:
    """Build a :class:`Framework` from parsed data, turning schema errors into located problems."""
    if not isinstance(data, dict):
        prob = Problem(E.SCHEMA, origin.locate(()), {"detail": E.NOT_A_MAPPING})
        return LoadResult(None, [prob], source)
    try:
        fw = Framework.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = tuple(err["loc"])
            where = origin.locate(loc)
            field_name = str(loc[-1]) if loc and not isinstance(loc[-1], int) else ""
            where = Location(where.file, where.sheet, where.line, where.column, where.path, field_name)
            detail = describe(err, field=field_name)
            problems.append(Problem(E.SCHEMA, where, {"detail": detail}))
        return LoadResult(None, problems, source)
    result = LoadResult(fw, [], source)
    result._origin = origin  # type: ignore[attr-defined]
    return result


def load_or_raise(source: str | Path) -> Framework:
    """Load a framework that must be valid (built-in packs, tests); raise :class:`ProblemsError` otherwise."""
    result = load(source)
    if not result.ok or result.framework is None:
        raise ProblemsError(result.problems)
    return result.framework
