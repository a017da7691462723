"""PDF from the report's HTML with WeasyPrint: shipped fonts, page numbers, contents, running headers."""

from __future__ import annotations

from pathlib import Path

from raqmana.reports.html import render_html
from raqmana.reports.model import Report


def render_pdf(report: Report, path: Path) -> Path:
    from weasyprint import HTML

    path.parent.mkdir(parents=True, exist_ok=True)
    HTML(string=render_html(report), base_url=str(path.parent)).write_pdf(str(path))
    return path
