"""Roadmap JSON files: write, and read back with located problems instead of tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from raqmana.problems import Location, Problem
from raqmana.roadmap import errors as E
from raqmana.roadmap.model import Roadmap


def write(roadmap: Roadmap, path: str | Path) -> Path:
    p = Path(path)
    p.write_text(roadmap.to_json() + "\n", encoding="utf-8")
    return p


def read(path: str | Path) -> tuple[Roadmap | None, list[Problem]]:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Problem(E.BAD_FILE, Location(file=str(p)), {"detail": str(exc)})]
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return None, [Problem(E.BAD_FILE, Location(file=p.name, line=exc.lineno), {"detail": exc.msg})]
    try:
        return Roadmap.model_validate(data), []
    except ValidationError as exc:
        out = []
        for err in exc.errors():
            path_text = "".join(f"[{x}]" if isinstance(x, int) else f".{x}" for x in err["loc"]).lstrip(".")
            out.append(Problem(E.BAD_FILE, Location(file=p.name, path=path_text), {"detail": err["msg"]}))
        return None, out
