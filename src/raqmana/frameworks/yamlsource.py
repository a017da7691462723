"""Read YAML keeping the line of every node, so problems can name a line."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml


@dataclass
class LineMap:
    """Maps a document path (tuple of keys and indexes) to the 1-based line where it starts."""

    file: str
    lines: dict[tuple[Any, ...], int] = field(default_factory=dict)

    def line_of(self, path: tuple[Any, ...]) -> int | None:
        """The line of ``path`` or of its nearest ancestor that has one."""
        p = tuple(path)
        while p:
            if p in self.lines:
                return self.lines[p]
            p = p[:-1]
        return self.lines.get((), None)


#: libyaml's C parser when PyYAML was built with it (it gives the same nodes and marks, much faster)
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR = "tag:yaml.org,2002:str"


class YamlSyntaxError(Exception):
    def __init__(self, file: str, line: int | None, detail: str):
        self.file, self.line, self.detail = file, line, detail
        super().__init__(f"{file}:{line}: {detail}")


def load_yaml(text: str, file: str) -> tuple[Any, LineMap]:
    """Parse ``text``; return plain Python data and the line map."""
    try:
        node = yaml.compose(text, Loader=_FAST_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        detail = str(getattr(exc, "problem", None) or exc)
        raise YamlSyntaxError(file, line, detail) from None
    lm = LineMap(file)
    if node is None:
        return None, lm
    loader = yaml.SafeLoader("")
    try:
        data = _construct(node, (), lm, loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise YamlSyntaxError(file, mark.line + 1 if mark else None, str(exc)) from None
    return data, lm


def _construct(node: yaml.Node, path: tuple[Any, ...], lm: LineMap, loader: yaml.SafeLoader) -> Any:
    lm.lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value if key_node.tag == _STR else loader.construct_object(key_node, deep=True)
            out[key] = _construct(value_node, (*path, key), lm, loader)
            lm.lines[(*path, key)] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_construct(item, (*path, i), lm, loader) for i, item in enumerate(node.value)]
    if isinstance(node, yaml.ScalarNode) and node.tag == _STR:
        return node.value
    return loader.construct_object(node, deep=True)


def display_path(path: Path) -> str:
    """``path`` as a user should see it in messages: relative to the working directory when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def read_yaml_file(path: Path) -> tuple[Any, LineMap]:
    """Read a UTF-8 YAML file with its line map; raises :class:`YamlSyntaxError` (also for non-UTF-8 text)."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise YamlSyntaxError(display_path(path), None, f"not UTF-8 text ({exc.reason})") from None
    return load_yaml(text, display_path(path))
