"""Write a report in the requested formats: pdf, docx, xlsx, html, json."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from raqmana.reports.model import Report

FORMATS = ("pdf", "docx", "xlsx", "html", "json")


class UnknownFormat(ValueError):
    pass


def render(
    report: Report, out_dir: Path, formats: Iterable[str], *, basename: str | None = None
) -> list[Path]:
    """Render ``report`` into ``out_dir`` as ``<basename>.<format>``; returns the written paths.

    Each file is written to a temporary name and moved into place, so a failing renderer never
    leaves a half-written file over an earlier, good one.
    """
    wanted = [f.strip().lower() for f in formats if f.strip()]
    for f in wanted:
        if f not in FORMATS:
            raise UnknownFormat(f)
    out_dir.mkdir(parents=True, exist_ok=True)
    name = basename or f"{report.id}-{report.lang}"
    written = []
    for fmt in wanted:
        final = out_dir / f"{name}.{fmt}"
        tmp = out_dir / f".{name}.{fmt}.partial"
        if fmt == "pdf":
            from raqmana.reports.pdf import render_pdf

            render_pdf(report, tmp)
        elif fmt == "docx":
            from raqmana.reports.docx import render_docx

            render_docx(report, tmp)
        elif fmt == "xlsx":
            from raqmana.reports.xlsx import render_xlsx

            render_xlsx(report, tmp)
        elif fmt == "html":
            from raqmana.reports.html import render_html

            tmp.write_text(render_html(report), encoding="utf-8")
        else:
            tmp.write_text(json.dumps(report.to_dict(), ensure_ascii=False, indent=2), encoding="utf-8")
        tmp.replace(final)
        written.append(final)
    return written
