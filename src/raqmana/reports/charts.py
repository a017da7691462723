"""Charts with matplotlib: vector SVG (text as paths, so Arabic and Kurdish stay shaped) plus PNG.

One colour-blind-safe palette (Okabe–Ito) everywhere; each chart is returned with its data table.
Every chart is drawn here, once, for the printed reports and for the web (which shows ``Chart.svg``):
matplotlib's object API (:class:`~matplotlib.figure.Figure`), never pyplot's global figures. The
language's style (shipped fonts, text as paths) is applied while a chart is drawn *and* while it is
saved (tick labels are laid out at saving time), under one lock: rcParams are global to the process.
In Arabic and Kurdish the charts are mirrored: the first column, the start of time and the row names
are on the right.
"""

from __future__ import annotations

import io
import itertools
import re
import textwrap
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import matplotlib as mpl
import numpy as np
from cycler import cycler
from matplotlib import rc_context
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from raqmana.i18n.fonts import FAMILIES, register_matplotlib_fonts
from raqmana.i18n.locales import get_locale
from raqmana.i18n.numbers import localize_digits

if TYPE_CHECKING:
    from matplotlib.typing import RcKeyType

    from raqmana.roadmap.model import Roadmap

#: raster charts (PDF pages, DOCX) at print resolution
PNG_DPI = 170
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
#: stage colours 0–5, light to dark (sequential, readable in grey)
STAGE_CMAP = "cividis"
#: one drawing or saving at a time in this process (rcParams are global); re-entrant for nested calls
LOCK = threading.RLock()


class Chart:
    """A drawn chart, saved on demand: ``svg`` (vector, text as paths) and ``png`` (raster, ``PNG_DPI``).

    ``rc`` is the style the figure was drawn with; it is applied again while the figure is saved."""

    def __init__(self, fig: Figure, rc: Mapping[RcKeyType, Any] | None = None):
        self._fig: Figure | None = fig
        self._rc: dict[RcKeyType, Any] = dict(rc or {})
        self._svg: str | None = None
        self._png: bytes | None = None

    @property
    def figure(self) -> Figure:
        """The matplotlib figure, until both formats are saved (then it is freed)."""
        if self._fig is None:
            raise RuntimeError("the chart's figure was freed after saving it as SVG and PNG")
        return self._fig

    def _save(self, fmt: str) -> bytes:
        fig = self.figure
        buf = io.BytesIO()
        with LOCK, rc_context(self._rc):
            fig.savefig(buf, format=fmt, dpi=PNG_DPI)
        other_done = self._png is not None if fmt == "svg" else self._svg is not None
        if other_done:  # both formats exist now: free the figure
            self._fig = None
        return buf.getvalue()

    @property
    def svg(self) -> str:
        if self._svg is None:
            text = self._save("svg").decode("utf-8")
            self._svg = _unique_ids(text[text.index("<svg") :])  # no XML prolog: the SVG is inlined
        return self._svg

    @property
    def png(self) -> bytes:
        if self._png is None:
            self._png = self._save("png")
        return self._png


@lru_cache(maxsize=1)
def _fonts() -> None:
    register_matplotlib_fonts()


def style(lang: str) -> dict[RcKeyType, Any]:
    """The rcParams of a chart in ``lang``: shipped fonts for its direction, text as paths, the palette."""
    _fonts()
    return {
        "font.family": FAMILIES[get_locale(lang).direction],
        "svg.fonttype": "path",
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.prop_cycle": cycler(color=PALETTE),
        "figure.dpi": 100,
    }


@contextmanager
def _drawing(rc: Mapping[RcKeyType, Any]) -> Iterator[None]:
    with LOCK, rc_context(dict(rc)):
        yield


def _done(fig: Figure, rc: Mapping[RcKeyType, Any]) -> Chart:
    fig.tight_layout()
    return Chart(fig, rc)


def _digits(axes: Sequence[Any], lang: str, digits: str | None) -> None:
    """Tick numbers in the report's digits (Arabic-Indic in ar and ckb unless the report says otherwise)."""
    if localize_digits("0", lang, digits) == "0":
        return

    def shown(value: float, _pos: int | None = None) -> str:
        return localize_digits(f"{value:g}".replace("-", "−"), lang, digits).replace(".", "٫")

    for axis in axes:
        axis.set_major_formatter(FuncFormatter(shown))


def _scale_ticks(axis: Any, lo: float, hi: float) -> None:
    """Ticks of a published scale that does not end on a round number (UNDP Compass 1–5.99): the whole
    numbers and both ends, so the axis shows where the scale starts and stops."""
    if hi == int(hi) and lo == int(lo):
        return
    ticks = [float(t) for t in range(int(np.ceil(lo)), int(hi) + 1)]
    ticks = sorted({lo, *ticks, hi})
    if len(ticks) >= 2 and ticks[-1] - ticks[-2] < 0.5:  # 5 and 5.99 would overlap: keep the end
        del ticks[-2]
    axis.set_ticks(ticks)
    axis.set_major_formatter(FuncFormatter(lambda v, _pos=None: f"{v:g}"))


def _mirror(ax: Any) -> None:
    """Right to left: the x axis runs from the right, the y axis (names, numbers) stands on the right."""
    ax.invert_xaxis()
    ax.yaxis.tick_right()
    ax.yaxis.set_label_position("right")
    ax.spines["right"].set_visible(True)
    ax.spines["left"].set_visible(False)


def _wrap(text: str, width: int = 18, lines: int = 3) -> str:
    """A long label on at most ``lines`` short lines (radar and heat map labels must not overlap)."""
    parts = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [text]
    if len(parts) > lines:
        parts = [*parts[: lines - 1], parts[lines - 1] + "…"]
    return "\n".join(parts)


_counter = itertools.count(1)


def _unique_ids(svg: str) -> str:
    """Prefix the SVG's ids so that several charts can be inlined in one page."""
    p = f"c{next(_counter)}-"
    svg = re.sub(r'\bid="', f'id="{p}', svg)
    svg = re.sub(r'href="#', f'href="#{p}', svg)
    return re.sub(r"url\(#", f"url(#{p}", svg)


def bar_scores(
    labels: Sequence[str],
    values: Sequence[float],
    lang: str,
    *,
    xmax: float = 5.0,
    xmin: float = 0.0,
    xlabel: str = "",
    target: float | None = None,
    errors: Sequence[tuple[float, float]] | None = None,
    digits: str | None = None,
    whole: bool = False,
) -> Chart:
    """Horizontal bars (one per enabler/institution), optional target line and uncertainty whiskers;
    ``whole``: the values are counts, ticked at whole numbers only (no "0.25 passages")."""
    rc = style(lang)
    with _drawing(rc):
        fig = Figure(figsize=(7.2, 0.42 * len(labels) + 1.2))
        ax = fig.add_subplot()
        y = np.arange(len(labels))
        cmap = mpl.colormaps[STAGE_CMAP]
        colors = [cmap((min(v, xmax) - xmin) / (xmax - xmin) * 0.85 + 0.1) for v in values]
        ax.barh(y, [v - xmin for v in values], left=xmin, color=colors)
        if errors:
            lo = [v - e[0] for v, e in zip(values, errors, strict=True)]
            hi = [e[1] - v for v, e in zip(values, errors, strict=True)]
            ax.errorbar(values, y, xerr=[lo, hi], fmt="none", ecolor="#333333", capsize=3, linewidth=1)
        if target is not None:
            ax.axvline(target, color=PALETTE[3], linestyle="--", linewidth=1.2)
        ax.set_yticks(y, labels)
        ax.invert_yaxis()
        ax.set_xlim(xmin, xmax)
        _scale_ticks(ax.xaxis, xmin, xmax)
        if whole:
            ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_xlabel(xlabel)
        _digits([ax.xaxis], lang, digits)
        if get_locale(lang).is_rtl:
            _mirror(ax)
        return _done(fig, rc)


def radar(
    labels: Sequence[str],
    series: Mapping[str, Sequence[float]],
    lang: str,
    *,
    rmax: float = 5.0,
    digits: str | None = None,
) -> Chart:
    """One polygon per series; long enabler names are wrapped on short lines so that they do not overlap."""
    rc = style(lang)
    with _drawing(rc):
        fig = Figure(figsize=(7.0, 7.0))
        ax: Any = fig.add_subplot(projection="polar")
        # the first enabler at the top, the next ones in the reading direction (clockwise in English)
        ax.set_theta_zero_location("N")
        ax.set_theta_direction(1 if get_locale(lang).is_rtl else -1)
        angles = np.linspace(0, 2 * np.pi, len(labels), endpoint=False).tolist()
        for name, values in series.items():
            vals = [*list(values), values[0]]
            ax.plot([*angles, angles[0]], vals, linewidth=1.6, label=name)
            ax.fill([*angles, angles[0]], vals, alpha=0.12)
        ax.set_xticks(angles, [_wrap(label, 16) for label in labels], fontsize=9)
        ax.tick_params(axis="x", pad=18)
        ax.set_ylim(0, rmax)
        ax.set_yticks(range(int(rmax) + 1))
        ax.tick_params(axis="y", labelsize=8)
        _digits([ax.yaxis], lang, digits)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncols=2, fontsize=9, frameon=False)
        return _done(fig, rc)


#: rows of one heat map image: more institutions are split into pages (web) or summarised (print)
HEATMAP_PAGE_ROWS = 60
#: what an empty cell of the heat map looks like (hatched grey): the legend shows the same patch
MISSING_HATCH = "////"
MISSING_COLOUR = "#b8c2cc"


def heatmap(
    rows: Sequence[str],
    cols: Sequence[str],
    values: np.ndarray,
    lang: str,
    *,
    vmax: float = 5.0,
    digits: str | None = None,
    groups: Sequence[tuple[str, int]] | None = None,
    scale_label: str = "",
    missing_label: str = "",
) -> Chart:
    """Institutions (rows) × enablers (columns), stage colours 0–5, at a fixed, legible size per row
    (8 pt names): callers page or summarise long lists (:data:`HEATMAP_PAGE_ROWS`).

    ``groups`` (label, number of rows) in the rows' order puts a bold heading row above each group (kinds
    of institution). The colour bar lies across the top, attached to the cells, labelled ``scale_label``;
    a hatched cell has no accepted answer, and the legend under the colour bar says so (``missing_label``).
    In Arabic and Kurdish the heat map is mirrored: the first column and the row names on the right."""
    rc = style(lang)
    rtl = get_locale(lang).is_rtl
    data = np.asarray(values, dtype=float)
    labels = list(rows)
    heads: list[int] = []
    if groups:
        parts: list[np.ndarray] = []
        names: list[str] = []
        at = 0
        for label, n in groups:
            heads.append(len(names))
            names.append(label)
            parts.append(np.full((1, data.shape[1]), np.nan))
            names += labels[at : at + n]
            parts.append(data[at : at + n])
            at += n
        data, labels = np.vstack(parts), names
    with _drawing(rc):
        fig = Figure(figsize=(0.75 * len(cols) + 3.6, 0.24 * len(labels) + 1.9), layout="constrained")
        ax = fig.add_subplot()
        ax.set_facecolor("white")
        ax.patch.set_hatch(MISSING_HATCH)
        ax.patch.set_edgecolor(MISSING_COLOUR)
        image = ax.imshow(np.ma.masked_invalid(data), cmap=STAGE_CMAP, vmin=0, vmax=vmax, aspect="auto")
        for r in heads:  # a heading row: white, its label bold
            ax.axhspan(r - 0.5, r + 0.5, color="white", zorder=2)
        ax.set_xticks(range(len(cols)), [_wrap(c, 11, 4) for c in cols], fontsize=8)
        ax.set_yticks(range(len(labels)), [_wrap(x, 44, 1) for x in labels], fontsize=8)
        for r in heads:
            tick = ax.get_yticklabels()[r]
            tick.set_fontweight("bold")
            tick.set_fontsize(9)
        ax.tick_params(axis="x", top=True, bottom=False, labeltop=True, labelbottom=False)
        ax.tick_params(axis="y", length=0)
        if rtl:
            _mirror(ax)
        bar = fig.colorbar(image, ax=ax, location="top", shrink=0.6, aspect=40, pad=0.01)
        bar.ax.tick_params(labelsize=8)
        if scale_label:
            bar.set_label(scale_label, fontsize=8)
        _digits([bar.ax.xaxis], lang, digits)
        if missing_label:
            from matplotlib.patches import Patch

            patch = Patch(
                facecolor="white", edgecolor=MISSING_COLOUR, hatch=MISSING_HATCH, label=missing_label
            )
            fig.legend(handles=[patch], loc="outside lower center", fontsize=8, frameon=False)
        return Chart(fig, rc)


def trend(
    years: Sequence[int],
    series: Mapping[str, Sequence[float | None]],
    lang: str,
    *,
    ylabel: str = "",
    ymax: float = 1.0,
    ymin: float = 0.0,
    digits: str | None = None,
    note: str = "",
) -> Chart:
    """Values over editions. Time runs in the reading direction: left to right in English, right to left
    in Arabic and Kurdish (the first edition on the right), as every chart of raqmana is mirrored there;
    ``note`` (under the chart) says so to the reader."""
    rc = style(lang)
    with _drawing(rc):
        fig = Figure(figsize=(7.2, 3.9), layout="constrained")
        ax = fig.add_subplot()
        for name, values in series.items():
            ys = [np.nan if v is None else v for v in values]
            ax.plot(years, ys, marker="o", linewidth=1.6, markersize=3.5, label=name)
        ax.set_ylim(ymin, ymax)
        _scale_ticks(ax.yaxis, ymin, ymax)
        ax.set_ylabel(ylabel)
        fig.legend(loc="outside lower center", fontsize=8, ncols=3, frameon=False)
        ax.set_xticks(list(years))
        _digits([ax.xaxis, ax.yaxis], lang, digits)
        if get_locale(lang).is_rtl:
            _mirror(ax)
        if note:
            fig.suptitle(
                note,
                fontsize=7.5,
                color="#37474f",
                x=0.99 if get_locale(lang).is_rtl else 0.01,
                ha="right" if get_locale(lang).is_rtl else "left",
            )
        return Chart(fig, rc)


def gantt(
    roadmap: Roadmap,
    lang: str,
    *,
    initiatives: Sequence[str] | None = None,
    width: float = 13.0,
    digits: str | None = None,
) -> Chart:
    """The roadmap's Gantt chart (drawn by :func:`raqmana.roadmap.gantt.draw`, mirrored in Arabic and
    Kurdish); ``initiatives`` limits the rows."""
    from raqmana.roadmap import gantt as drawn

    rc = drawn.style(lang)
    with _drawing(rc):
        return Chart(drawn.draw(roadmap, lang=lang, initiatives=initiatives, width=width, digits=digits), rc)
