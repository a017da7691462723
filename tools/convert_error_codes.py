"""Move three-language error codes into the gettext catalogues.

A catalogue entry written the old way, with its Arabic and Sorani texts inline::

    NOT_FOUND = Code("WS001", "{what} not found.", "{what} غير موجود.", "{what} نەدۆزرایەوە.", W)

is rewritten to the English-only form ``Code("WS001", "{what} not found.", severity=W)``, and its Arabic
and Sorani texts are written to ``src/raqmana/i18n/locale/{ar,ckb}/LC_MESSAGES/raqmana.po`` as
``msgctxt "WS001"`` / ``msgid "{what} not found."``; :class:`raqmana.problems.Code` looks them up there.

The script is re-runnable: it finds every ``Code(...)`` call in ``src/raqmana`` that still carries inline
texts, converts those, and leaves everything else as it is (a second run changes nothing). Inline texts
win over the catalogue, so a text corrected in Python before conversion replaces the catalogue's; an
entry whose English changed replaces the old entry of the same code, and a run over the whole tree drops
the entries of codes no longer defined. Run from the repository root::

    .venv/bin/python tools/convert_error_codes.py             # convert every file under src/raqmana
    .venv/bin/python tools/convert_error_codes.py FILE ...    # convert only these files
    .venv/bin/python tools/convert_error_codes.py --check     # list what would change; exit 1 if any

Converted Python files are passed through ``ruff format`` when ruff is installed beside the interpreter.
"""

from __future__ import annotations

import ast
import io
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "raqmana"
LOCALE = SRC / "i18n" / "locale"
LANGS = ("ar", "ckb")
#: the message context of an error code (``WS001``, ``CLI008``, ``WEB404``)
CODE_ID = re.compile(r"[A-Z]{2,4}[0-9]{3}")


@dataclass(frozen=True)
class Found:
    """One ``Code(...)`` call with inline texts, and where it sits in the file (UTF-8 byte offsets)."""

    start: int
    end: int
    id: str
    en: str
    texts: dict[str, str]
    replacement: bytes


def _str(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _is_code_call(node: ast.AST) -> bool:
    if not isinstance(node, ast.Call):
        return False
    f = node.func
    return (isinstance(f, ast.Name) and f.id == "Code") or (isinstance(f, ast.Attribute) and f.attr == "Code")


def _offsets(source: bytes) -> list[int]:
    starts = [0]
    for i, byte in enumerate(source):
        if byte == 0x0A:
            starts.append(i + 1)
    return starts


def find_inline_codes(path: Path) -> list[Found]:
    """The ``Code(...)`` calls in ``path`` that still carry Arabic/Sorani texts."""
    source = path.read_bytes()
    tree = ast.parse(source, filename=str(path))
    lines = _offsets(source)
    found: list[Found] = []
    for node in ast.walk(tree):
        if not _is_code_call(node):
            continue
        assert isinstance(node, ast.Call)
        args = list(node.args)
        kw = {k.arg: k.value for k in node.keywords if k.arg}
        ar_node = args[2] if len(args) > 2 else kw.get("ar")
        ckb_node = args[3] if len(args) > 3 else kw.get("ckb")
        if ar_node is None and ckb_node is None:
            continue  # already English-only
        id_node = args[0] if args else kw.get("id")
        en_node = args[1] if len(args) > 1 else kw.get("en")
        code_id, en, ar, ckb = _str(id_node), _str(en_node), _str(ar_node), _str(ckb_node)
        if None in (code_id, en, ar, ckb) or id_node is None or en_node is None:
            print(f"{path}:{node.lineno}: Code(...) with texts that are not plain strings, left as it is")
            continue
        assert code_id is not None and en is not None and ar is not None and ckb is not None
        sev_node = args[4] if len(args) > 4 else kw.get("severity")

        def segment(n: ast.expr) -> bytes:
            assert n.end_lineno is not None and n.end_col_offset is not None
            return source[lines[n.lineno - 1] + n.col_offset : lines[n.end_lineno - 1] + n.end_col_offset]

        func = segment(node.func)
        parts = [segment(id_node), segment(en_node)]
        if sev_node is not None:
            parts.append(b"severity=" + segment(sev_node))
        replacement = func + b"(" + b", ".join(parts) + b")"
        assert node.end_lineno is not None and node.end_col_offset is not None
        found.append(
            Found(
                start=lines[node.lineno - 1] + node.col_offset,
                end=lines[node.end_lineno - 1] + node.end_col_offset,
                id=code_id,
                en=en,
                texts={"ar": ar, "ckb": ckb},
                replacement=replacement,
            )
        )
    return sorted(found, key=lambda f: f.start)


def find_codes(path: Path) -> list[Found]:
    """Every ``Code(id, en, ...)`` call in ``path`` (converted or not); only ``id`` and ``en`` are filled."""
    found = []
    for node in ast.walk(ast.parse(path.read_bytes(), filename=str(path))):
        if _is_code_call(node):
            assert isinstance(node, ast.Call)
            kw = {k.arg: k.value for k in node.keywords if k.arg}
            code_id = _str(node.args[0] if node.args else kw.get("id"))
            en = _str(node.args[1] if len(node.args) > 1 else kw.get("en"))
            if code_id is not None and en is not None:
                found.append(Found(0, 0, code_id, en, {}, b""))
    return found


def rewrite(path: Path, found: list[Found]) -> None:
    source = path.read_bytes()
    for f in reversed(found):
        source = source[: f.start] + f.replacement + source[f.end :]
    path.write_bytes(source)


def po_file(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / "raqmana.po"


def load(lang: str) -> Catalog:
    with po_file(lang).open("rb") as fh:
        return read_po(fh, locale=lang)


def save(lang: str, catalog: Catalog) -> None:
    buf = io.BytesIO()
    write_po(buf, catalog, width=0, omit_header=False)
    po_file(lang).write_bytes(buf.getvalue())


def put(catalog: Catalog, *, context: str | None, msgid: str, text: str, only: bool = False) -> bool:
    """Set ``text`` for (context, msgid). True when the catalogue changed.

    With ``only`` the context holds one message (an error code): an older entry of it is dropped.
    """
    changed = False
    for message in list(catalog) if only else ():
        if message.context == context and message.id != msgid:
            catalog.delete(message.id, context=context)
            changed = True
    current = catalog.get(msgid, context=context)
    if current is None:
        catalog.add(msgid, text, context=context)
        return True
    if current.string != text or current.fuzzy:
        current.string = text
        current.flags.discard("fuzzy")
        return True
    return changed


def _ruff_format(paths: list[Path]) -> None:
    ruff = Path(sys.executable).parent / "ruff"
    if paths and ruff.is_file():
        subprocess.run([str(ruff), "format", "--quiet", *map(str, paths)], check=False)


def main(argv: list[str]) -> int:
    check = "--check" in argv
    named = [Path(a) for a in argv if not a.startswith("--")]
    paths = named or sorted(p for p in SRC.rglob("*.py") if b"Code(" in p.read_bytes())
    per_file = {p: f for p in paths if (f := find_inline_codes(p))}
    if check:
        for path, found in per_file.items():
            for f in found:
                print(f"{path.relative_to(ROOT) if path.is_absolute() else path}: {f.id} has inline texts")
        return 1 if per_file else 0
    catalogs = {lang: load(lang) for lang in LANGS}
    dirty: set[str] = set()
    if not named:  # a whole-tree run also drops the entries of codes that no longer exist
        defined = {(f.id, f.en) for p in paths for f in find_codes(p)}
        for lang in LANGS:
            for message in list(catalogs[lang]):
                code = message.context or ""
                if CODE_ID.fullmatch(code) and (code, message.id) not in defined:
                    catalogs[lang].delete(message.id, context=code)
                    dirty.add(lang)
    for found in per_file.values():
        for f in found:
            for lang in LANGS:
                if put(catalogs[lang], context=f.id, msgid=f.en, text=f.texts[lang], only=True):
                    dirty.add(lang)
    for lang in sorted(dirty):
        save(lang, catalogs[lang])
    for path, found in per_file.items():
        rewrite(path, found)
    _ruff_format(list(per_file))
    n = sum(len(f) for f in per_file.values())
    print(
        f"converted {n} codes in {len(per_file)} files; catalogues written: {', '.join(sorted(dirty)) or 'none'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
