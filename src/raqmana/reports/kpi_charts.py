"""A KPI's trend per quarter with its target line, drawn like the other charts (:mod:`raqmana.reports.charts`:
shipped fonts, text as paths, the reader's digits, mirrored in Arabic and Kurdish) for the web's KPI
pages and the report's services chapter; the data table beside it is the page's."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from raqmana.i18n.dates import quarter_text
from raqmana.i18n.locales import get_locale
from raqmana.i18n.numbers import format_number
from raqmana.reports.charts import PALETTE, Chart, _digits, _done, _drawing, _mirror, style


def _tick(value: float, lang: str, digits: str | None) -> str:
    """A tick number in the reader's digits with thousands separators (never 2e+06)."""
    decimals = 0 if float(value).is_integer() or abs(value) >= 100 else (1 if abs(value) >= 1 else 2)
    return format_number(value, lang, decimals=decimals, digits=digits)


def kpi_trend(
    periods: Sequence[str],
    values: Sequence[float | None],
    lang: str,
    *,
    target: float | None = None,
    target_label: str = "",
    ylabel: str = "",
    digits: str | None = None,
) -> Chart:
    """``values`` per quarter (``2026-Q1`` …) as a line with markers, and the target as a dashed line."""
    rc = style(lang)
    with _drawing(rc):
        fig = Figure(figsize=(7.2, 3.2))
        ax = fig.add_subplot()
        xs = list(range(len(periods)))
        ys = [np.nan if v is None else v for v in values]
        ax.plot(xs, ys, marker="o", linewidth=1.8, markersize=4, color=PALETTE[0], label=ylabel or None)
        if target is not None:
            ax.axhline(target, linestyle="--", linewidth=1.2, color=PALETTE[3], label=target_label or None)
        ax.set_xticks(xs, [quarter_text(p, lang, digits) for p in periods], fontsize=7)
        if len(periods) > 6:
            ax.tick_params(axis="x", labelrotation=35)
        ax.set_ylim(bottom=0)
        if ylabel or target_label:
            ax.legend(fontsize=8, loc="lower right" if not get_locale(lang).is_rtl else "lower left")
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: _tick(v, lang, digits)))
        if get_locale(lang).is_rtl:
            _mirror(ax)
        return _done(fig, rc)


def plan_vs_actual(
    names: Sequence[str],
    planned: Sequence[float],
    done: Sequence[float],
    lang: str,
    *,
    labels: tuple[str, str] = ("planned", "done"),
    digits: str | None = None,
) -> Chart:
    """Each initiative's share planned by now beside the share its owner reports done (0–100), one pair
    of bars per initiative, slipped ones first as the caller orders them."""
    from raqmana.reports.charts import _wrap

    rc = style(lang)
    with _drawing(rc):
        n = len(names)
        fig = Figure(figsize=(7.2, max(2.2, 0.42 * n + 0.9)))
        ax = fig.add_subplot()
        ys = np.arange(n)
        ax.barh(ys - 0.2, planned, height=0.38, color=PALETTE[5], label=labels[0])
        ax.barh(ys + 0.2, done, height=0.38, color=PALETTE[0], label=labels[1])
        ax.set_yticks(ys, [_wrap(x, 34, 2) for x in names], fontsize=7)
        ax.invert_yaxis()
        ax.set_xlim(0, 100)
        ax.legend(fontsize=8, loc="lower right" if not get_locale(lang).is_rtl else "lower left")
        _digits([ax.xaxis], lang, digits)
        if get_locale(lang).is_rtl:
            _mirror(ax)
        return _done(fig, rc)
