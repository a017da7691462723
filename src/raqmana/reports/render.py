"""Write a report in the requested formats: pdf, docx, xlsx, html, json.

The formats are a registry built by :func:`builtin_renderers` (format → function writing one file);
:func:`render` takes another one to add or replace formats. Each renderer's module (WeasyPrint,
python-docx, openpyxl) is imported when a file of its format is written, not before.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from raqmana.reports.model import Report

#: writes ``report`` to the file ``path``
Renderer = Callable[[Report, Path], None]
FORMATS = ("pdf", "docx", "xlsx", "html", "json")


class UnknownFormat(ValueError):
    pass


def _pdf(report: Report, path: Path) -> None:
    from raqmana.reports.pdf import render_pdf

    render_pdf(report, path)


def _docx(report: Report, path: Path) -> None:
    from raqmana.reports.docx import render_docx

    render_docx(report, path)


def _xlsx(report: Report, path: Path) -> None:
    from raqmana.reports.xlsx import render_xlsx

    render_xlsx(report, path)


def _html(report: Report, path: Path) -> None:
    from raqmana.reports.html import render_html

    path.write_text(render_html(report), encoding="utf-8")


def _json(report: Report, path: Path) -> None:
    path.write_text(json.dumps(report.to_dict(), ensure_ascii=False, indent=2), encoding="utf-8")


def builtin_renderers() -> dict[str, Renderer]:
    """The report formats raqmana writes, by name (the order of :data:`FORMATS`)."""
    return {"pdf": _pdf, "docx": _docx, "xlsx": _xlsx, "html": _html, "json": _json}


def render(
    report: Report,
    out_dir: Path,
    formats: Iterable[str],
    *,
    basename: str | None = None,
    renderers: Mapping[str, Renderer] | None = None,
) -> list[Path]:
    """Render ``report`` into ``out_dir`` as ``<basename>.<format>``; returns the written paths.

    Each file is written to a temporary name and moved into place, so a failing renderer never
    leaves a half-written file over an earlier, good one.
    """
    known = builtin_renderers() if renderers is None else renderers
    wanted = [f.strip().lower() for f in formats if f.strip()]
    for f in wanted:
        if f not in known:
            raise UnknownFormat(f)
    out_dir.mkdir(parents=True, exist_ok=True)
    name = basename or f"{report.id}-{report.lang}"
    written = []
    for fmt in wanted:
        final = out_dir / f"{name}.{fmt}"
        tmp = out_dir / f".{name}.{fmt}.partial"
        known[fmt](report, tmp)
        tmp.replace(final)
        written.append(final)
    return written
