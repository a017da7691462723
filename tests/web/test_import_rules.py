"""The web package keeps to ARCHITECTURE.md: it reaches the database only through ``workspace`` use cases,
so it imports neither ``raqmana.store`` nor SQLAlchemy (not even for type hints)."""

from __future__ import annotations

import ast
from pathlib import Path

import raqmana.web

WEB = Path(raqmana.web.__file__).parent
FORBIDDEN = ("raqmana.store", "sqlalchemy")


def imported_modules(source: str) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found += [(node.lineno, node.module)]
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
    return found


def test_it_finds_imports_of_every_form() -> None:
    source = "import sqlalchemy\nfrom raqmana import store\nfrom raqmana.store.models import User\n"
    names = [name for _, name in imported_modules(source)]
    assert "sqlalchemy" in names and "raqmana.store" in names and "raqmana.store.models" in names


def test_it_keeps_the_store_and_sqlalchemy_out_of_web() -> None:
    files = sorted(WEB.rglob("*.py"))
    assert len(files) > 20, "the web package was not found"
    breaks = [
        f"{path.relative_to(WEB.parent)}:{line}: {name}"
        for path in files
        for line, name in imported_modules(path.read_text(encoding="utf-8"))
        if any(name == f or name.startswith(f + ".") for f in FORBIDDEN)
    ]
    assert not breaks, "web imports what only workspace may:\n" + "\n".join(breaks)
