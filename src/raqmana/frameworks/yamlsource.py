"""Read YAML keeping the line of every node, so problems can name a line."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

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


def _r(en: str, ar: str, ckb: str) -> dict[str, str]:
    return {"en": en, "ar": ar, "ckb": ckb}


#: (words in the parser's English message, translated reason); the first match wins
_REASONS: tuple[tuple[tuple[str, ...], dict[str, str]], ...] = (
    (
        ("expected ',' or ']'",),
        _r(
            "a ',' or ']' is missing: a list in [brackets] is not closed",
            "ينقص ',' أو ']': قائمة بين قوسين [ ] لم تُغلق",
            "',' یان ']' نییە: لیستێکی ناو کەوانەی [ ] دانەخراوە",
        ),
    ),
    (
        ("expected ',' or '}'",),
        _r(
            "a ',' or '}' is missing: a mapping in {braces} is not closed",
            "ينقص ',' أو '}': مجموعة بين قوسين { } لم تُغلق",
            "',' یان '}' نییە: نەخشەیەکی ناو کەوانەی { } دانەخراوە",
        ),
    ),
    (
        ("tab character",),
        _r(
            "a tab is used to indent: indent with spaces",
            "استُخدمت مسافة جدولة للإزاحة: استخدم المسافات العادية",
            "تاب بۆ بۆشایی سەرەتای دێڕ بەکارھاتووە: بۆشایی ئاسایی بەکاربھێنە",
        ),
    ),
    (
        ("expected key", "expected <block end>"),
        _r(
            "the indentation is wrong, or a line is not of the form 'key: value'",
            "المسافة البادئة غير صحيحة، أو أن سطراً ليس بالشكل 'key: value'",
            "بۆشایی سەرەتای دێڕ ھەڵەیە، یان دێڕێک بە شێوەی 'key: value' نییە",
        ),
    ),
    (
        ("mapping values are not allowed",),
        _r(
            "a ':' is not allowed here (put a text that contains ': ' in quotes)",
            "لا يُسمح بـ ':' هنا (ضع النص الذي يحتوي على ': ' بين علامتي اقتباس)",
            "':' لێرە ڕێگەپێدراو نییە (دەقێک کە ': ' تێیدایە بخەرە ناو نیشانەی وتەوە)",
        ),
    ),
    (
        ("could not find expected ':'",),
        _r("a ':' is missing after a key", "ينقص ':' بعد أحد المفاتيح", "':' لە دوای کلیلێک نییە"),
    ),
    (
        ("cannot start any token",),
        _r(
            "a value starts with a character that needs quotes (such as @ or `)",
            "تبدأ قيمة بمحرف يحتاج إلى علامتي اقتباس (مثل @ أو `)",
            "بەھایەک بە پیتێک دەست پێ دەکات کە پێویستی بە نیشانەی وتەیە (وەک @ یان `)",
        ),
    ),
    (
        ("unexpected end of stream",),
        _r(
            "the file ends inside a quoted text or an open bracket",
            "ينتهي الملف داخل نص بين علامتي اقتباس أو قوس مفتوح",
            "فایلەکە لەناو دەقێکی ناو نیشانەی وتە یان کەوانەیەکی کراوەدا کۆتایی دێت",
        ),
    ),
    (
        ("expected node content", "expected the node content"),
        _r(
            "a value is missing, or starts with a character that needs quotes",
            "توجد قيمة ناقصة، أو قيمة تبدأ بمحرف يحتاج إلى علامتي اقتباس",
            "بەھایەک نییە، یان بە پیتێک دەست پێ دەکات کە پێویستی بە نیشانەی وتەیە",
        ),
    ),
    (
        ("expected '-' indicator", "block sequence entries are not allowed"),
        _r(
            "a list item ('- ') is not where a list can be: check the indentation",
            "عنصر قائمة ('- ') في غير موضعه: تحقق من المسافة البادئة",
            "بڕگەیەکی لیست ('- ') لە شوێنی خۆیدا نییە: بۆشایی سەرەتای دێڕ بپشکنە",
        ),
    ),
    (
        ("undefined alias",),
        _r(
            "an alias ('*name') refers to no anchor ('&name')",
            "اسم مستعار ('*name') لا يشير إلى أي مرساة ('&name')",
            "ناوی خوازراو ('*name') ئاماژە بە ھیچ لەنگەرێک ('&name') ناکات",
        ),
    ),
    (
        ("unknown escape character",),
        _r(
            "a double-quoted text has an unknown escape ('\\'): use single quotes",
            "في نص بين علامتي اقتباس مزدوجتين رمز هروب ('\\') غير معروف: استخدم علامتي الاقتباس المفردتين",
            "دەقێکی ناو نیشانەی وتەی دووانە نیشانەی ('\\')ی نەناسراوی تێدایە: نیشانەی وتەی تاک بەکاربھێنە",
        ),
    ),
    (
        ("constructor for the tag", "undefined tag handle"),
        _r(
            "an unknown tag ('!…') is used",
            "استُخدم وسم غير معروف ('!…')",
            "تاگێکی نەناسراو ('!…') بەکارھاتووە",
        ),
    ),
    (
        ("another document", "single document", "expected <document start>"),
        _r(
            "the file holds more than one YAML document ('---'): keep one",
            "يحتوي الملف على أكثر من مستند YAML ('---'): أبقِ مستنداً واحداً",
            "فایلەکە زیاتر لە یەک بەڵگەنامەی YAML ('---') لەخۆ دەگرێت: یەکێکیان بھێڵەوە",
        ),
    ),
    (
        ("not UTF-8",),
        _r(
            "the file is not UTF-8 text: save it with the UTF-8 encoding",
            "الملف ليس نصاً بترميز UTF-8: احفظه بترميز UTF-8",
            "فایلەکە دەقی UTF-8 نییە: بە کۆدکردنی UTF-8 پاشەکەوتی بکە",
        ),
    ),
)
_UNKNOWN = _r("{detail}", "خطأ في الصياغة ({detail})", "ھەڵەی ڕێزمانی ({detail})")


def yaml_reason(detail: str) -> dict[str, str]:
    """The parser's English ``detail`` → a translated reason; unknown ones keep the English in parentheses."""
    for words, reason in _REASONS:
        if any(w in detail for w in words):
            return reason
    return {lang: text.format(detail=detail) for lang, text in _UNKNOWN.items()}


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
