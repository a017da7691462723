"""Every kind of job that raqmana queues has a built-in handler (a worker would otherwise fail the job)."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import raqmana
from raqmana.workspace.job_handlers import builtin_handlers

SRC = Path(raqmana.__file__).parent


def _queued_kinds() -> dict[str, str]:
    """kind → where it is queued, from every ``enqueue(..., kind=…)`` call in the package."""
    kinds: dict[str, str] = {}
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        module = None
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name != "enqueue":
                continue
            for kw in node.keywords:
                if kw.arg != "kind":
                    continue
                where = f"{path.relative_to(SRC)}:{node.lineno}"
                if isinstance(kw.value, ast.Constant) and isinstance(kw.value.value, str):
                    kinds[kw.value.value] = where
                elif isinstance(kw.value, ast.Name):
                    if module is None:
                        dotted = ".".join(("raqmana", *path.relative_to(SRC).with_suffix("").parts))
                        module = importlib.import_module(dotted)
                    value = getattr(module, kw.value.id, None)
                    if isinstance(value, str):
                        kinds[value] = where
    return kinds


def test_every_queued_kind_of_job_has_a_builtin_handler():
    kinds = _queued_kinds()
    assert len(kinds) >= 5, (
        kinds
    )  # the scan finds the calls (workbooks, reports, surveys, documents, webhooks)
    handlers = builtin_handlers()
    missing = {kind: where for kind, where in kinds.items() if kind not in handlers}
    assert missing == {}
