"""No country is written in Python: its code, name and lead institution live in its country file.

Only the demo (which seeds one country's institutions on purpose) may name it. Docstrings and comments
may mention a country as an example; string literals in code may not."""

import ast
from pathlib import Path

import raqmana
from raqmana.frameworks.packs import DEFAULT_PACK
from raqmana.pipeline import country_for

SRC = Path(raqmana.__file__).parent
ALLOWED = {SRC / "workspace" / "demo.py"}


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def _strings(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = _docstrings(tree)
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs
    ]


def _offenders(root: Path, codes: set[str], names: set[str]) -> list[str]:
    """String literals (not docstrings) that are a country's code or lead institution, or name it."""
    upper = {c.upper() for c in codes}
    out = []
    for path in sorted(root.rglob("*.py")):
        if path in ALLOWED:
            continue
        for line, text in _strings(path):
            if text.strip().upper() in upper or any(name in text for name in names):
                out.append(f"{path.relative_to(root)}:{line}: {text[:60]!r}")
    return out


def test_no_python_module_names_the_default_country():
    country = country_for(DEFAULT_PACK)
    codes = {"IRQ", "comsec", country.iso3, country.lead_institution}
    names = {"Iraq", "العراق", "عێراق", country.name.en, country.name.ar, country.name.ckb}
    assert _offenders(SRC, codes, names) == []


def test_the_guard_finds_a_literal(tmp_path):
    """The scan above sees a country literal in code and ignores docstrings (it can fail)."""
    (tmp_path / "mod.py").write_text(
        '"""Docs may say Atlantis."""\nCODE = "ATL"\nNAME = f"{CODE} of Atlantis"\n', encoding="utf-8"
    )
    assert _offenders(tmp_path, {"atl"}, {"Atlantis"}) == ["mod.py:2: 'ATL'", "mod.py:3: ' of Atlantis'"]
