"""The chain's place in the package map (ARCHITECTURE.md): pipeline imports the domain packages, reports
only renders (it never imports pipeline), workspace calls pipeline, and web reaches it through workspace."""

import ast
from pathlib import Path

import raqmana

SRC = Path(raqmana.__file__).parent
DOMAIN = ("frameworks", "i18n", "indices", "scoring", "analysis", "recommend", "roadmap", "reports")


def _imports(package: str) -> dict[str, set[str]]:
    """module path → the raqmana packages (and outside libraries) it imports, at any depth in the code."""
    out: dict[str, set[str]] = {}
    for path in (SRC / package).rglob("*.py"):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
            elif isinstance(node, ast.Import):
                names.update(a.name for a in node.names)
        out[str(path.relative_to(SRC))] = names
    return out


def _offenders(package: str, forbidden: tuple[str, ...]) -> list[str]:
    return sorted(
        f"{module}: {name}"
        for module, names in _imports(package).items()
        for name in names
        if any(name == f or name.startswith(f + ".") for f in forbidden)
    )


def test_domain_packages_never_import_the_pipeline_or_the_layers_above():
    above = ("raqmana.pipeline", "raqmana.workspace", "raqmana.store", "raqmana.web", "raqmana.cli")
    assert [o for package in DOMAIN for o in _offenders(package, above)] == []


def test_the_pipeline_imports_no_database_web_or_cli():
    assert _offenders("pipeline", ("raqmana.store", "raqmana.workspace", "raqmana.web", "raqmana.cli")) == []
    assert _offenders("pipeline", ("sqlalchemy", "fastapi", "jinja2", "starlette")) == []


def test_web_reaches_the_chain_through_the_workspace():
    assert _offenders("web", ("raqmana.pipeline",)) == []


def test_the_scan_sees_imports():
    assert "raqmana.pipeline" in set().union(*_imports("workspace").values())
