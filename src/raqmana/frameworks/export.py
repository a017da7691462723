"""Write a framework as YAML or JSON (single file, pillars inline)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from raqmana.frameworks.schema import Framework


class _Dumper(yaml.SafeDumper):
    pass


def _str_presenter(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _str_presenter)


def to_data(fw: Framework) -> dict[str, Any]:
    return fw.model_dump(mode="json")


def to_yaml(fw: Framework) -> str:
    return yaml.dump(to_data(fw), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=110)


def write(fw: Framework, path: Path) -> Path:
    """Write ``fw`` to ``path``; the format follows the suffix (.yaml/.yml, .json, .xlsx)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        path.write_text(to_yaml(fw), encoding="utf-8")
    elif suffix == ".json":
        path.write_text(json.dumps(to_data(fw), ensure_ascii=False, indent=2), encoding="utf-8")
    elif suffix == ".xlsx":
        from raqmana.frameworks.xlsx import write_workbook

        write_workbook(fw, path)
    else:
        raise ValueError(f"unsupported format: {suffix}")
    return path
