"""Ready surveys shipped with the framework packs (``packs/<pack>/surveys/<survey>.yaml``) and the one
lookup a command needs: a name is a survey of a pack or a pack itself (its questionnaire)."""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import ValidationError

from raqmana.frameworks import load, pack_ids
from raqmana.frameworks.packs import pack_dir
from raqmana.problems import Location, Problem, ProblemsError
from raqmana.surveys import errors as E
from raqmana.surveys.model import Survey
from raqmana.surveys.xlsform_out import from_framework


def survey_files() -> dict[str, Path]:
    """survey id → its YAML file, over every built-in pack."""
    found: dict[str, Path] = {}
    for pid in pack_ids():
        folder = pack_dir(pid)
        if folder is None or not (folder / "surveys").is_dir():
            continue
        for path in sorted((folder / "surveys").glob("*.yaml")):
            found[path.stem.replace("-", "_")] = path
    return found


def read_survey(path: Path) -> Survey:
    """A survey YAML file (the fields of :class:`Survey`); problems are located in the file."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return Survey.model_validate(data)
    except yaml.YAMLError as exc:
        raise ProblemsError(
            [Problem(E.BROKEN_FILE, Location(file=path.name), {"kind": "YAML", "reason": str(exc)})]
        ) from None
    except ValidationError as exc:
        raise ProblemsError(
            [
                Problem(
                    E.BROKEN_FILE,
                    Location(file=path.name, path=".".join(str(p) for p in err["loc"])),
                    {"kind": "YAML", "reason": err["msg"]},
                )
                for err in exc.errors()
            ]
        ) from None


def known_names() -> list[str]:
    return [*pack_ids(), *survey_files()]


def find(name: str) -> Survey:
    """The survey called ``name``: a ready survey of a pack, a pack's questionnaire as a survey, a survey
    YAML file (as ``raqmana survey import-form --out`` writes it) or an XLSForm."""
    path = Path(name)
    if path.suffix.lower() in (".yaml", ".yml") and path.is_file():
        return read_survey(path)
    if path.suffix.lower() in (".xlsx", ".xls") and path.is_file():
        from raqmana.surveys.xlsform_in import read_form

        return read_form(path.read_bytes(), file=path.name).survey
    files = survey_files()
    key = name.replace("-", "_")
    if key in files:
        return read_survey(files[key])
    if name in pack_ids():
        result = load(name, check=False)
        if result.framework is not None:
            return from_framework(result.framework)
        raise ProblemsError(result.problems)
    raise ProblemsError([Problem(E.UNKNOWN_SURVEY, params={"name": name, "known": ", ".join(known_names())})])
