"""Gantt chart of a scheduled roadmap, as static PNG or SVG (matplotlib, no pyplot global state).

Text uses the Noto fonts shipped in ``raqmana.i18n.fonts`` (registered with matplotlib first), in the
fallback order of ``FAMILIES`` for the language's direction, so Arabic and Sorani names are shaped
by matplotlib's text layout. In Arabic and Sorani the time axis runs from right to left.

:func:`draw` makes the figure; :func:`gantt` writes it to a file (the roadmap's output folder);
the printed reports and the web show it through :func:`raqmana.reports.charts.gantt`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from raqmana.i18n import is_rtl
from raqmana.i18n.catalog import ui, ui_n
from raqmana.i18n.dates import quarter_text
from raqmana.i18n.fonts import FAMILIES, register_matplotlib_fonts
from raqmana.i18n.numbers import localize_digits
from raqmana.recommend.labels import LAYER
from raqmana.roadmap.model import Roadmap, initiative_code
from raqmana.roadmap.quarters import Calendar

if TYPE_CHECKING:
    from matplotlib.typing import RcKeyType

LAYER_COLOURS = {
    0: "#5b3a8c",
    1: "#2b6cb0",
    2: "#2c7a7b",
    3: "#2f855a",
    4: "#b7791f",
    5: "#c05621",
    None: "#718096",
}
_TITLE = ui("Roadmap")
_CRITICAL = ui("critical path")
_NO_SCHEDULE = ui("The roadmap has no schedule.")


def overall_length(roadmap: Roadmap, lang: str, digits: str | None = None) -> str:
    """How long the whole roadmap runs, from its first start to its last end, in ``lang``'s words."""
    sched = roadmap.schedule
    if sched is None or not sched.items:
        return ""
    cal = Calendar(roadmap.settings.start_year, roadmap.settings.start_quarter)
    first, last = min(i.start for i in sched.items), max(i.end for i in sched.items) - 1
    n = last - first + 1
    text = ui_n(
        "Overall length: {n} quarter, {start} to {end}", "Overall length: {n} quarters, {start} to {end}", n
    ).get(lang)
    return text.format(
        n=localize_digits(str(n), lang, digits),
        start=quarter_text(cal.label(first), lang, digits),
        end=quarter_text(cal.label(last), lang, digits),
    )


def _label_lines(name: str, width: int) -> str:
    """An initiative's name on at most two lines of ``width`` characters, cut between words (and only
    beyond two lines, with "…")."""
    import textwrap

    if " — " in name:  # rows of one rule differ only after " — " (the institution): keep it whole
        head, tail = name.rsplit(" — ", 1)
        return "\n".join(
            (
                textwrap.shorten(head, width, placeholder=" …"),
                textwrap.shorten(tail, width, placeholder=" …"),
            )
        )
    lines = textwrap.wrap(name, width, break_long_words=False, break_on_hyphens=False) or [name]
    if len(lines) > 2:
        lines = [lines[0], textwrap.shorten(" ".join(lines[1:]), width, placeholder=" …")]
    return "\n".join(lines)


_fonts_registered = False


def _register() -> None:
    global _fonts_registered
    if not _fonts_registered:
        register_matplotlib_fonts()
        _fonts_registered = True


def fonts_for(lang: str) -> list[str]:
    """The font-family fallback list for ``lang`` (shipped Noto fonts, then matplotlib's default)."""
    return [*FAMILIES["rtl" if is_rtl(lang) else "ltr"], "DejaVu Sans"]


def _short(text: str, limit: int = 58) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def row_label(name: str, limit: int = 70) -> str:
    """An initiative's name as a Gantt row label; a long name is cut in its first part so that the
    institution or programme after " — " stays readable (rows of one rule differ only there)."""
    if len(name) <= limit or " — " not in name:
        return _short(name, limit)
    head, tail = name.rsplit(" — ", 1)
    tail = _short(tail, limit // 2)
    return f"{_short(head, max(limit - len(tail) - 3, 12))} — {tail}"


def style(lang: str, fonts: Sequence[str] | None = None) -> dict[RcKeyType, Any]:
    """The rcParams of the Gantt chart in ``lang``: apply them while drawing and while saving it."""
    _register()
    return {
        "font.family": list(fonts) if fonts else fonts_for(lang),
        "svg.fonttype": "path",
        "axes.unicode_minus": False,
    }


def draw(
    roadmap: Roadmap,
    *,
    lang: str = "en",
    fonts: Sequence[str] | None = None,
    initiatives: Sequence[str] | None = None,
    dpi: int = 110,
    digits: str | None = None,
    width: float = 13.0,
) -> Figure:
    """The Gantt chart of ``roadmap`` as a matplotlib figure (no pyplot state); ``initiatives`` limits the rows.

    ``width`` in inches: 13 on screens, about 7.2 for an A4 page at 8 pt. Names are wrapped on two lines,
    never cut mid-word; the legend lies under the chart, outside the bars; the overall length of the
    roadmap is written opposite the title.

    Save it inside ``rc_context(style(lang, fonts))`` (as :func:`gantt` and
    :func:`raqmana.reports.charts.gantt` do): tick labels take their font when the figure is saved.
    Quarters read in ``lang``'s words and digits (``digits`` overrides the locale's)."""
    rtl = is_rtl(lang)
    cal = Calendar(roadmap.settings.start_year, roadmap.settings.start_quarter)
    sched = {it.id: it for it in roadmap.schedule.items} if roadmap.schedule is not None else {}
    chosen = set(initiatives) if initiatives is not None else None
    rows = [it for it in roadmap.initiatives if it.id in sched and (chosen is None or it.id in chosen)]
    rows.sort(key=lambda it: (sched[it.id].start, -1 if it.layer is None else int(it.layer), it.id))
    horizon = roadmap.settings.horizon_quarters
    height = min(max(2.8, 0.4 * len(rows) + 2.2), 160)
    chars = max(24, int(width * 4.2))  # characters of a name's line at 8 pt in a third of the width
    with rc_context(style(lang, fonts)):
        fig = Figure(figsize=(width, height), dpi=dpi, layout="constrained")
        FigureCanvasAgg(fig)
        ax = fig.add_subplot(1, 1, 1)
        if not rows:
            ax.text(0.5, 0.5, _NO_SCHEDULE.get(lang), ha="center", va="center", transform=ax.transAxes)
            ax.set_axis_off()
        for y, it in enumerate(rows):
            item = sched[it.id]
            layer = None if it.layer is None else int(it.layer)
            ax.barh(
                y,
                item.end - item.start,
                left=item.start,
                height=0.62,
                color=LAYER_COLOURS[layer],
                edgecolor="#c53030" if item.critical else "white",
                linewidth=1.8 if item.critical else 0.5,
            )
        ax.set_yticks(range(len(rows)))
        ax.set_yticklabels(
            [_label_lines(it.name.get(lang) or initiative_code(it.id), chars) for it in rows], fontsize=8
        )
        ax.set_ylim(len(rows) - 0.5, -0.5)
        # the quarters the rows run in (all of them: from the first quarter to the last end)
        lo = min((sched[it.id].start for it in rows), default=0) if chosen is not None else 0
        hi = max((sched[it.id].end for it in rows), default=horizon)
        ax.set_xlim(lo, hi)
        ax.set_xticks([t + 0.5 for t in range(lo, hi)])
        ax.set_xticklabels(
            [quarter_text(cal.label(t), lang, digits) for t in range(lo, hi)], rotation=90, fontsize=8
        )
        for t in range(lo, hi + 1):
            if cal.year_index(t) != cal.year_index(t - 1) or t == 0:
                ax.axvline(t, color="#a0aec0", linewidth=0.8, zorder=0)
        ax.set_axisbelow(True)
        ax.grid(axis="x", color="#edf2f7", linewidth=0.5, zorder=0)
        if rtl:
            ax.invert_xaxis()
            ax.yaxis.tick_right()
        layers = sorted(
            {None if it.layer is None else int(it.layer) for it in rows}, key=lambda v: 9 if v is None else v
        )
        handles = [Patch(color=LAYER_COLOURS[v], label=LAYER[v].get(lang)) for v in layers]
        handles.append(
            Patch(facecolor="white", edgecolor="#c53030", linewidth=1.8, label=_CRITICAL.get(lang))
        )
        if rows:
            fig.legend(
                handles=handles,
                loc="outside lower center",
                ncols=min(4, len(handles)),
                fontsize=8,
                frameon=False,
            )
        title = roadmap.title.get(lang) or _TITLE.get(lang)
        ax.set_title(title, fontsize=11, loc="right" if rtl else "left")
        ax.set_title(overall_length(roadmap, lang, digits), fontsize=8.5, loc="left" if rtl else "right")
    return fig


def gantt(
    roadmap: Roadmap,
    path: str | Path,
    *,
    lang: str = "en",
    fonts: Sequence[str] | None = None,
    initiatives: Sequence[str] | None = None,
    dpi: int = 110,
    digits: str | None = None,
) -> Path:
    """Draw the Gantt chart of ``roadmap`` into ``path`` (.png or .svg); ``initiatives`` limits the rows."""
    out = Path(path)
    with rc_context(style(lang, fonts)):
        fig = draw(roadmap, lang=lang, fonts=fonts, initiatives=initiatives, dpi=dpi, digits=digits)
        fig.savefig(out, format=out.suffix.lstrip(".").lower() or "png")
    return out
