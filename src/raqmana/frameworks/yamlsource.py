"""Read YAML keeping the line of every node, so problems can name a line."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from raqmana.i18n import Translated
from raqmana.i18n.catalog import ui
from raqmana.problems import Location


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
    """The YAML parser stopped: where (``line``, ``column``, 1-based), its English ``detail`` and a
    translated ``reason`` (``{"en", "ar", "ckb"}``); :meth:`params` fills the YAML_SYNTAX codes."""

    def __init__(
        self,
        file: str,
        line: int | None,
        detail: str,
        column: int | None = None,
        reason: dict[str, str] | None = None,
    ):
        self.file, self.line, self.detail, self.column = file, line, detail, column
        self.reason = reason or yaml_reason(detail)
        super().__init__(f"{file}:{line}: {detail}")

    def location(self) -> Location:
        """File, line and column of the problem (the column as text, like a workbook's)."""
        return Location(file=self.file, line=self.line, column=str(self.column) if self.column else "")

    def params(self) -> dict[str, Any]:
        """``reason`` (translated) and the parser's English ``detail``, for the YAML_SYNTAX codes."""
        return {"reason": self.reason, "detail": self.detail}


#: (words in the parser's English message, translated reason); the first match wins
_REASONS: tuple[tuple[tuple[str, ...], Translated], ...] = (
    (
        ("expected ',' or ']'",),
        ui("a ',' or ']' is missing: a list in [brackets] is not closed"),
    ),
    (
        ("expected ',' or '}'",),
        ui("a ',' or '}' is missing: a mapping in {braces} is not closed"),
    ),
    (
        ("tab character",),
        ui("a tab is used to indent: indent with spaces"),
    ),
    (
        ("expected key", "expected <block end>"),
        ui("the indentation is wrong, or a line is not of the form 'key: value'"),
    ),
    (
        ("mapping values are not allowed",),
        ui("a ':' is not allowed here (put a text that contains ': ' in quotes)"),
    ),
    (
        ("could not find expected ':'",),
        ui("a ':' is missing after a key"),
    ),
    (
        ("cannot start any token",),
        ui("a value starts with a character that needs quotes (such as @ or `)"),
    ),
    (
        ("unexpected end of stream",),
        ui("the file ends inside a quoted text or an open bracket"),
    ),
    (
        ("expected node content", "expected the node content"),
        ui("a value is missing, or starts with a character that needs quotes"),
    ),
    (
        ("expected '-' indicator", "block sequence entries are not allowed"),
        ui("a list item ('- ') is not where a list can be: check the indentation"),
    ),
    (
        ("undefined alias",),
        ui("an alias ('*name') refers to no anchor ('&name')"),
    ),
    (
        ("unknown escape character",),
        ui("a double-quoted text has an unknown escape ('\\'): use single quotes"),
    ),
    (
        ("constructor for the tag", "undefined tag handle"),
        ui("an unknown tag ('!…') is used"),
    ),
    (
        ("another document", "single document", "expected <document start>"),
        ui("the file holds more than one YAML document ('---'): keep one"),
    ),
    (
        ("not UTF-8",),
        ui("the file is not UTF-8 text: save it with the UTF-8 encoding"),
    ),
)
_UNKNOWN = ui("{detail}", "yaml reasons")


def yaml_reason(detail: str) -> dict[str, str]:
    """The parser's English ``detail`` → a translated reason; unknown ones keep the English in parentheses."""
    for words, reason in _REASONS:
        if any(w in detail for w in words):
            return reason.as_dict()
    return {lang: text.format(detail=detail) for lang, text in _UNKNOWN.as_dict().items()}


def _is_tab(text: str, line: int, column: int) -> bool:
    lines = text.splitlines()
    return 0 <= line < len(lines) and column < len(lines[line]) and lines[line][column] == "\t"


def load_yaml(text: str, file: str) -> tuple[Any, LineMap]:
    """Parse ``text``; return plain Python data and the line map."""
    try:
        node = yaml.compose(text, Loader=_FAST_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        detail = str(getattr(exc, "problem", None) or exc)
        if mark is None:
            raise YamlSyntaxError(file, None, detail) from None
        if _is_tab(text, mark.line, mark.column):
            detail = f"{detail} (tab character)"
        raise YamlSyntaxError(file, mark.line + 1, detail, mark.column + 1) from None
    lm = LineMap(file)
    if node is None:
        return None, lm
    loader = yaml.SafeLoader("")
    try:
        data = _construct(node, (), lm, loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        detail = str(getattr(exc, "problem", None) or exc)
        raise YamlSyntaxError(
            file, mark.line + 1 if mark else None, detail, mark.column + 1 if mark else None
        ) from None
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
