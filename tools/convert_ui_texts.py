"""Move three-language interface texts written in Python into the gettext catalogues.

Interface tables (report labels, the command line's messages, pydantic and parser reasons, sentences of
recommendations, workbook headers) were written with their Arabic and Sorani inline, in one of these forms::

    T("Contents", "المحتويات", "ناوەڕۆک")                 # T, _t, _r, Translated.of: (en, ar, ckb)
    Translated(en="Answers", ar="الإجابات", ckb="وەڵامەکان")
    {"en": "National", "ar": "وطني", "ckb": "نیشتمانی"}
    {"en": {"index": "index", …}, "ar": {"index": "المؤشر", …}, "ckb": {…}}   # language first

Each becomes ``ui("Contents")`` (a dict becomes ``ui("National").as_dict()``, still a dict; a
language-first table becomes ``by_language({"index": ui("index"), …})``, still language first) (:func:`raqmana.i18n.catalog.ui` gives a :class:`Translated` read from the
catalogues) and its Arabic and Sorani are written to ``src/raqmana/i18n/locale/{ar,ckb}/LC_MESSAGES/
raqmana.po`` under ``msgid "Contents"``. When the catalogue already has that English text with other
words, the entry gets a context (``ui("Region", "reports.labels")``). Content (frameworks, rule bases,
institution names) stays in data files and is never converted: only the files in ``FILES`` are.

Re-runnable: a converted text carries no Arabic any more, so a second run changes nothing. Run from the
repository root::

    .venv/bin/python tools/convert_ui_texts.py            # every file in FILES
    .venv/bin/python tools/convert_ui_texts.py FILE ...   # only these
    .venv/bin/python tools/convert_ui_texts.py --check    # list what would change; exit 1 if any

Converted files get ``from raqmana.i18n.catalog import ui`` and pass through ``ruff check --fix``
(unused helpers reported) and ``ruff format`` when ruff is installed beside the interpreter.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from convert_error_codes import LANGS, ROOT, load, save
from count_rtl_lines import ARABIC_SCRIPT

#: the interface tables (paths under src/raqmana) and the context used when an English text clashes
FILES: dict[str, str] = {
    "cli/messages.py": "cli",
    "frameworks/validation_messages.py": "validation",
    "frameworks/file_messages.py": "file reasons",
    "frameworks/yamlsource.py": "yaml reasons",
    "reports/labels.py": "report",
    "reports/national.py": "national report",
    "reports/adapters.py": "report groups",
    "recommend/labels.py": "recommendations",
    "recommend/sentences.py": "recommendation sentences",
    "recommend/explain.py": "recommendation sentences",
    "workspace/excel_layout.py": "workbook",
    "workspace/views.py": "workspace",
    "cli/indices.py": "indices",
    "cli/index.py": "index build",
    "scoring/methodology_text.py": "methodology",
    "workspace/actors.py": "roles",
    "workspace/sniff.py": "file kinds",
    "frameworks/validate.py": "framework fields",
    "reports/institution.py": "institution report",
    "reports/text.py": "report",
    "roadmap/milestones.py": "milestones",
    "indices/peers.py": "peer groups",
    "analysis/constraints.py": "analysis",
    "analysis/inputs.py": "analysis",
    "cli/common.py": "cli",
    "cli/framework.py": "cli",
    "reports/docx.py": "report",
    "roadmap/gantt.py": "roadmap",
    "roadmap/initiatives.py": "roadmap",
    "roadmap/pipeline.py": "roadmap",
    "roadmap/schedule.py": "roadmap",
    "roadmap/whatif.py": "roadmap",
    "scoring/build.py": "index build",
    "scoring/hierarchy.py": "index build",
    "scoring/weights.py": "index build",
    "indices/reproduce.py": "indices",
    # words that error messages take as parameters ({what}, {state}, {field} …)
    "analysis/errors.py": "error words",
    "cli/errors.py": "error words",
    "frameworks/errors.py": "error words",
    "indices/errors.py": "error words",
    "pipeline/errors.py": "error words",
    "recommend/errors.py": "error words",
    "reports/errors.py": "error words",
    "roadmap/errors.py": "error words",
    "scoring/errors.py": "error words",
    "workspace/errors.py": "error words",
}
HELPERS = {"T", "_t", "_r", "_tr"}
IMPORT = "from raqmana.i18n.catalog import ui\n"
BY_LANGUAGE = "from raqmana.i18n.catalog import by_language\n"


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    en: str
    ar: str
    ckb: str
    as_dict: bool  # a ``{"en", "ar", "ckb"}`` dict stays a dict: ``ui(...).as_dict()``
    rows: tuple[tuple[str, str, str, str], ...] = ()  # a language-first table: (key, en, ar, ckb)


def _str(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _texts(node: ast.AST) -> tuple[str, str, str] | None:
    """(en, ar, ckb) when ``node`` is one of the three-language forms with plain strings."""
    if isinstance(node, ast.Call):
        f = node.func
        name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
        owner = f.value.id if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) else ""
        if (name in HELPERS or (owner == "Translated" and name == "of")) and len(node.args) == 3:
            if not node.keywords:
                en, ar, ckb = (_str(a) for a in node.args)
                return (en, ar, ckb) if en is not None and ar is not None and ckb is not None else None
        if isinstance(f, ast.Name) and f.id == "Translated" and not node.args:
            kw = {k.arg: _str(k.value) for k in node.keywords}
            if set(kw) == {"en", "ar", "ckb"} and None not in kw.values():
                return kw["en"], kw["ar"], kw["ckb"]  # type: ignore[return-value]
    if isinstance(node, ast.Dict) and len(node.keys) == 3:
        keys = [_str(k) for k in node.keys]
        if sorted(k or "" for k in keys) == ["ar", "ckb", "en"]:
            values = dict(zip(keys, (_str(v) for v in node.values), strict=True))
            if None not in values.values():
                return values["en"], values["ar"], values["ckb"]  # type: ignore[return-value]
    return None


def _lang_first(node: ast.AST) -> list[tuple[str, str, str, str]] | None:
    """[(key, en, ar, ckb)] when ``node`` is ``{"en": {key: text}, "ar": {…}, "ckb": {…}}`` of plain strings."""
    if not isinstance(node, ast.Dict) or sorted(_str(k) or "" for k in node.keys) != ["ar", "ckb", "en"]:
        return None
    tables: dict[str, dict[str, str]] = {}
    for k, v in zip(node.keys, node.values, strict=True):
        if not isinstance(v, ast.Dict):
            return None
        pairs = {_str(a): _str(b) for a, b in zip(v.keys, v.values, strict=True)}
        if None in pairs or None in pairs.values():
            return None
        tables[_str(k) or ""] = pairs  # type: ignore[assignment]
    if not (set(tables["en"]) == set(tables["ar"]) == set(tables["ckb"])):
        return None
    return [(key, en, tables["ar"][key], tables["ckb"][key]) for key, en in tables["en"].items()]


def find(path: Path) -> list[Found]:
    source = path.read_bytes()
    starts = [0] + [i + 1 for i, b in enumerate(source) if b == 0x0A]
    found = []
    for node in ast.walk(ast.parse(source, filename=str(path))):
        rows = _lang_first(node)
        if rows is not None and any(ARABIC_SCRIPT.search(ar + ckb) for _, _, ar, ckb in rows):
            assert node.end_lineno is not None and node.end_col_offset is not None
            start = starts[node.lineno - 1] + node.col_offset
            end = starts[node.end_lineno - 1] + node.end_col_offset
            found.append(Found(start, end, "", "", "", as_dict=False, rows=tuple(rows)))
            continue
        texts = _texts(node)
        if texts is None or not ARABIC_SCRIPT.search(texts[1] + texts[2]):
            continue  # not a translation (e.g. language tags or codes written the same in each language)
        assert isinstance(node, ast.expr) and node.end_lineno is not None and node.end_col_offset is not None
        start = starts[node.lineno - 1] + node.col_offset
        end = starts[node.end_lineno - 1] + node.end_col_offset
        found.append(Found(start, end, *texts, as_dict=isinstance(node, ast.Dict)))
    # an outer form never contains an inner one, but keep the outermost if it ever does
    found.sort(key=lambda f: (f.start, -f.end))
    kept: list[Found] = []
    for f in found:
        if not kept or f.start >= kept[-1].end:
            kept.append(f)
    return kept


def _literal(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _add_import(source: str) -> str:
    """``source`` with the import of :func:`ui` after its last top-level import."""
    if IMPORT in source:
        return source
    tree = ast.parse(source)
    imports = [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))]
    after = max((n.end_lineno or n.lineno) for n in imports) if imports else 0
    lines = source.splitlines(keepends=True)
    lines.insert(after, IMPORT)
    return "".join(lines)


def _put(catalogs: dict, context: str, en: str, ar: str, ckb: str, *, key: str) -> str:
    """Write one text of a language-first table to the catalogues; its ``key: ui(...)`` source."""
    ctx = None
    for lang, text in (("ar", ar), ("ckb", ckb)):
        current = catalogs[lang].get(en)
        if current is not None and current.string and current.string != text:
            ctx = context
    for lang, text in (("ar", ar), ("ckb", ckb)):
        message = catalogs[lang].get(en, context=ctx)
        if message is None:
            catalogs[lang].add(en, text, context=ctx)
        else:
            message.string = text
    return f"{_literal(key)}: ui({_literal(en)}" + (f", {_literal(ctx)})" if ctx else ")")


def convert(path: Path, context: str, catalogs: dict) -> int:
    found = find(path)
    if not found:
        return 0
    source = path.read_bytes()
    for f in reversed(found):
        if f.rows:
            entries = [_put(catalogs, context, en, ar, ckb, key=key) for key, en, ar, ckb in f.rows]
            table = "by_language({" + ", ".join(entries) + "})"
            source = source[: f.start] + table.encode() + source[f.end :]
            continue
        ctx = None
        for lang, text in (("ar", f.ar), ("ckb", f.ckb)):
            current = catalogs[lang].get(f.en)
            if current is not None and current.string and current.string != text:
                ctx = context
        call = (
            f"ui({_literal(f.en)}"
            + (f", {_literal(ctx)})" if ctx else ")")
            + (".as_dict()" if f.as_dict else "")
        )
        for lang, text in (("ar", f.ar), ("ckb", f.ckb)):
            message = catalogs[lang].get(f.en, context=ctx)
            if message is None:
                catalogs[lang].add(f.en, text, context=ctx)
            else:
                message.string = text
        source = source[: f.start] + call.encode() + source[f.end :]
    text = _add_import(source.decode())
    if any(f.rows for f in found) and BY_LANGUAGE not in text:
        text = text.replace(IMPORT, IMPORT + BY_LANGUAGE, 1)
    path.write_text(text, encoding="utf-8")
    return len(found)


def main(argv: list[str]) -> int:
    check = "--check" in argv
    named = [Path(a).resolve() for a in argv if not a.startswith("--")]
    src = ROOT / "src" / "raqmana"
    targets = {src / rel: ctx for rel, ctx in FILES.items()}
    if named:
        targets = {p: targets.get(p, p.stem) for p in named}
    if check:
        pending = {p: len(find(p)) for p in targets if p.is_file()}
        for p, n in pending.items():
            if n:
                print(f"{p.relative_to(ROOT)}: {n} texts with Arabic/Sorani inline")
        return 1 if any(pending.values()) else 0
    catalogs = {lang: load(lang) for lang in LANGS}
    done = {p: convert(p, ctx, catalogs) for p, ctx in targets.items() if p.is_file()}
    changed = [p for p, n in done.items() if n]
    if changed:
        for lang in LANGS:
            save(lang, catalogs[lang])
        ruff = Path(sys.executable).parent / "ruff"
        if ruff.is_file():
            subprocess.run([str(ruff), "check", "--fix", "--quiet", *map(str, changed)], check=False)
            subprocess.run([str(ruff), "format", "--quiet", *map(str, changed)], check=False)
    print(f"converted {sum(done.values())} texts in {len(changed)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
