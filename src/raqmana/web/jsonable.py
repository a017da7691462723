"""Turn use-case views (frozen dataclasses, pydantic models, enums, dates) into JSON data.

Located problems become ``{code, severity, message, location}`` with the message in ``lang``, as in error
bodies (:mod:`raqmana.web.schemas.errors`)."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from enum import Enum
from pathlib import PurePath
from typing import Any

from pydantic import BaseModel

from raqmana.frameworks import Framework
from raqmana.problems import Problem


def jsonable(obj: Any, lang: str = "en") -> Any:
    if obj is None or isinstance(obj, str | int | float | bool):
        return obj
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, datetime | date):
        return obj.isoformat()
    if isinstance(obj, Framework):  # the whole framework is served by the framework endpoints
        return {"id": obj.id, "version": obj.version, "name": obj.name.model_dump()}
    if isinstance(obj, BaseModel):
        return obj.model_dump(mode="json")
    if isinstance(obj, Problem):
        return obj.as_dict(lang)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        out = {
            f.name: jsonable(getattr(obj, f.name), lang)
            for f in dataclasses.fields(obj)
            if not f.name.startswith("_")
        }
        for prop in ("answered", "not_started", "percent_accepted", "percent_answered"):
            if hasattr(type(obj), prop) and isinstance(getattr(type(obj), prop), property):
                out[prop] = jsonable(getattr(obj, prop), lang)
        return out
    if isinstance(obj, dict):
        return {
            str(k) if not isinstance(k, tuple) else "|".join(map(str, k)): jsonable(v, lang)
            for k, v in obj.items()
        }
    if isinstance(obj, list | tuple | set | frozenset):
        return [jsonable(v, lang) for v in obj]
    if isinstance(obj, PurePath):
        return obj.name
    if isinstance(obj, bytes):
        return None
    return str(obj)
