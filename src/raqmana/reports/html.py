"""Render a :class:`~raqmana.reports.model.Report` as a standalone HTML page (also the PDF's source)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from jinja2 import Environment, select_autoescape
from markupsafe import Markup, escape

from raqmana.i18n.bidi import runs as bidi_runs
from raqmana.i18n.fonts import FAMILIES, FONT_FILES, fonts_dir
from raqmana.i18n.locales import get_locale
from raqmana.i18n.numbers import format_number
from raqmana.reports import formula
from raqmana.reports.formula import to_html
from raqmana.reports.model import Report
from raqmana.reports.text import ltr_runs

#: a left-to-right token longer than this (a web address, a long file name) may wrap anywhere in a narrow
#: column; shorter ones (POL-03, 2027-Q1, a range) stay on one line
LONG_TOKEN = 24


def bidi(value: object) -> Markup:
    """Escaped text whose codes, quarters, dates and ranges are left-to-right isolates that do not break
    (``<bdi class="ltr">``), so that "2027-Q1" or "SKL-R02" never scramble in Arabic or Kurdish lines;
    formulas (``$…$``) typeset (:mod:`raqmana.reports.formula`)."""
    text = "—" if value is None else str(value)
    return Markup("").join(
        to_html(piece) if is_formula else _isolated(piece) for piece, is_formula in formula.split(text)
    )


def _isolated(text: str) -> Markup:
    """``text`` escaped, its codes, quarters, dates and ranges as left-to-right isolates, a passage
    marked as one (:mod:`raqmana.i18n.bidi`, English left as its source writes it) as ``<bdi lang="en">``."""
    return Markup("").join(
        Markup('<bdi dir="ltr" lang="en">{}</bdi>').format(piece) if kind == "ltr" else _codes(piece)
        for piece, kind in bidi_runs(text)
    )


def _codes(text: str) -> Markup:
    return Markup("").join(
        Markup('<bdi class="{}" dir="ltr">{}</bdi>').format(
            "ltr long" if len(part) > LONG_TOKEN else "ltr", part
        )
        if ltr
        else escape(part)
        for part, ltr in ltr_runs(text)
    )


@lru_cache(maxsize=1)
def _env() -> Environment:
    env = Environment(autoescape=select_autoescape(["html", "j2"]), trim_blocks=True, lstrip_blocks=True)
    env.filters["bidi"] = bidi
    return env


def _template(name: str) -> str:
    return resources.files("raqmana.reports").joinpath("templates", name).read_text(encoding="utf-8")


#: the family of the last resort for signs no Noto font shipped has (≤ in "short term (≤ 18 months)", ≥,
#: arrows): matplotlib's DejaVu Sans, installed with raqmana for the charts, so no system font is needed
SYMBOLS = "Raqmana Symbols"


def symbol_files() -> tuple[Path, Path]:
    """The regular and bold files of the symbols family."""
    import matplotlib

    ttf = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    return ttf / "DejaVuSans.ttf", ttf / "DejaVuSans-Bold.ttf"


def font_faces() -> str:
    """@font-face rules pointing at the fonts shipped in the package (no system fonts needed)."""
    rules = []
    base = fonts_dir()
    faces = [(family, base / regular, base / bold) for family, (regular, bold) in FONT_FILES.items()]
    for family, regular_path, bold_path in [*faces, (SYMBOLS, *symbol_files())]:
        for weight, path in (("normal", regular_path), ("bold", bold_path)):
            rules.append(
                f"@font-face {{ font-family: '{family}'; font-weight: {weight}; src: url('{path.as_uri()}'); }}"
            )
    return "\n".join(rules)


def render_html(report: Report, *, raster: bool = False) -> str:
    """The report as one HTML page; ``raster`` embeds charts as PNG (faster PDF layout) instead of SVG."""
    loc = get_locale(report.lang)
    families = FAMILIES[loc.direction]
    css = (
        Environment(autoescape=False)  # nosec B701  # renders the report's CSS (fonts, counters), not HTML
        .from_string(_template("report.css"))
        .render(
            font_faces=font_faces(),
            font_family=", ".join(f"'{f}'" for f in [*families, SYMBOLS]) + ", sans-serif",
            counter_style="arabic-indic" if (report.digits or loc.default_digits) == "arab" else "decimal",
        )
    )

    def fmt(value: object, decimals: int) -> str:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return format_number(
                float(value),
                report.lang,
                decimals=decimals if isinstance(value, float) else 0,
                digits=report.digits,
            )
        return "—" if value is None else str(value)

    template = _env().from_string(_template("report.html.j2"))
    return template.render(report=report, direction=loc.direction, css=css, fmt=fmt, raster=raster)
