"""PDF from the report's HTML with WeasyPrint: shipped fonts, page numbers, contents, running headers."""

from __future__ import annotations

from pathlib import Path

from raqmana.reports.html import render_html
from raqmana.reports.model import Report


def render_pdf(report: Report, path: Path, *, vector_charts: bool = False) -> Path:
    """Charts go in as PNG at print resolution by default: WeasyPrint lays out path-text SVG charts
    several times slower. ``vector_charts`` embeds them as SVG instead (text as paths, shaped)."""
    from weasyprint import HTML

    path.parent.mkdir(parents=True, exist_ok=True)
    HTML(string=render_html(report, raster=not vector_charts), base_url=str(path.parent)).write_pdf(str(path))
    return path
