"""The charts, drawn once for the printed reports and the web: mirrored in Arabic and Kurdish, with the shipped
fonts whatever the process's global style when they are saved, PNG at print resolution."""

from __future__ import annotations

import io
import threading
from types import SimpleNamespace

import numpy as np
import pytest
from matplotlib import rc_context
from matplotlib.axes import Axes
from matplotlib.image import imread
from tests.factories import framework_dict, write_framework
from tests.roadmap.inline import small_roadmap

from raqmana.frameworks import load
from raqmana.i18n import Translated
from raqmana.reports import adapters, charts
from raqmana.reports.inputs import InstitutionResult, ReportInputs
from raqmana.reports.model import Figure
from raqmana.reports.national import build_national

COLS = ["Policy", "Institutions", "Legal", "Finance"]
ROWS = ["Planning", "Health", "Basra"]
VALUES = np.array([[1, 2, 3, np.nan], [4, 5, 0.5, 2], [3, 3, 1, 1]], dtype=float)


def label_x(ax: Axes, axis: str = "x") -> dict[str, float]:
    """The horizontal centre of each tick label, in pixels, by its text."""
    ax.get_figure(root=True).draw_without_rendering()
    labels = ax.get_xticklabels() if axis == "x" else ax.get_yticklabels()
    return {
        t.get_text().replace("\n", " "): t.get_window_extent().x0 / 2 + t.get_window_extent().x1 / 2
        for t in labels
        if t.get_visible() and t.get_text()
    }


def main_axes(chart: charts.Chart) -> Axes:
    return chart.figure.axes[0]


@pytest.mark.parametrize("lang", ["ar", "ckb"])
def test_it_mirrors_the_heat_map_in_arabic_and_kurdish(lang):
    chart = charts.heatmap(ROWS, COLS, VALUES, lang)
    ax, bar = chart.figure.axes
    xs = label_x(ax)
    assert xs["Policy"] > xs["Institutions"] > xs["Legal"] > xs["Finance"], "the first enabler on the right"
    box = ax.get_window_extent()
    assert min(label_x(ax, "y").values()) > box.x1, "the institutions' names right of the map"
    assert_colour_bar_attached(ax, bar)


def test_it_keeps_the_heat_map_left_to_right_in_english():
    chart = charts.heatmap(ROWS, COLS, VALUES, "en")
    ax, bar = chart.figure.axes
    xs = label_x(ax)
    assert xs["Policy"] < xs["Institutions"] < xs["Legal"] < xs["Finance"]
    box = ax.get_window_extent()
    assert max(label_x(ax, "y").values()) < box.x0
    assert_colour_bar_attached(ax, bar)


def assert_colour_bar_attached(ax: Axes, bar: Axes) -> None:
    """The colour scale lies across the top of the map, over its columns, right above their names (not
    floating beside a tall map)."""
    ax.get_figure(root=True).draw_without_rendering()
    box, scale = ax.get_window_extent(), bar.get_window_extent()
    names_top = max(t.get_window_extent().y1 for t in ax.get_xticklabels() if t.get_text())
    assert scale.y0 >= names_top - 1, "above the column names"
    assert scale.y0 - names_top < 40, "attached to them"
    assert box.x0 <= scale.x0 and scale.x1 <= box.x1, "within the map's width"


@pytest.mark.parametrize("n", [54, 200])
def test_the_heat_map_keeps_its_names_legible_whatever_the_number_of_rows(n):
    rows = [f"Ministry {k}" for k in range(n)]
    chart = charts.heatmap(rows, COLS, np.full((n, 4), 2.0), "en")
    sizes = {t.get_fontsize() for t in main_axes(chart).get_yticklabels()}
    assert min(sizes) >= 8, "8 pt names at any length: long lists are paged, not shrunk"
    height = chart.figure.get_size_inches()[1] * 72
    assert height / n >= 8 * 1.6, "a row is as tall as a name"


def test_the_heat_map_groups_rows_under_bold_headings_and_explains_hatched_cells():
    chart = charts.heatmap(
        ROWS,
        COLS,
        VALUES,
        "en",
        groups=[("Ministries", 2), ("Governorates", 1)],
        missing_label="Hatched: no accepted answer",
        scale_label="Score (0–5)",
    )
    ax = main_axes(chart)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["Ministries", "Planning", "Health", "Governorates", "Basra"]
    bold = [t.get_text() for t in ax.get_yticklabels() if t.get_fontweight() == "bold"]
    assert bold == ["Ministries", "Governorates"]
    data = ax.images[0].get_array()
    assert bool(data.mask[0].all()) and bool(data.mask[3].all()), "heading rows hold no value"
    assert bool(data.mask[1, 3]), "Planning's Finance has no answer"
    assert ax.patch.get_hatch() == charts.MISSING_HATCH, "an empty cell shows the hatched background"
    [legend] = chart.figure.legends
    [patch] = legend.get_patches()
    assert patch.get_hatch() == charts.MISSING_HATCH
    assert [t.get_text() for t in legend.get_texts()] == ["Hatched: no accepted answer"]


def test_the_heat_map_keeps_its_stage_colours_and_leaves_an_unanswered_cell_empty():
    image = main_axes(charts.heatmap(ROWS, COLS, VALUES, "ar")).images[0]
    assert image.get_cmap().name == charts.STAGE_CMAP and image.get_clim() == (0, 5.0)
    assert bool(image.get_array().mask[0, 3]) and not image.get_array().mask[0, 0]


def test_it_draws_with_the_shipped_fonts_whatever_the_global_style_when_saved():
    ar = charts.heatmap(["وزارة الصحة"], ["الإطار القانوني"], np.array([[2.5]]), "ar")
    en = charts.heatmap(["Ministry of Health"], ["Legal"], np.array([[2.5]]), "en")
    with rc_context({"font.family": "DejaVu Sans", "svg.fonttype": "none"}):  # another chart's style
        svg_ar, svg_en = ar.svg, en.svg
    assert "<text" not in svg_ar and "<text" not in svg_en, "text is drawn as paths (shaped Arabic)"
    assert "NotoNaskhArabic" in svg_ar and "DejaVuSans" not in svg_ar
    assert "NotoSans-" in svg_en and "DejaVuSans" not in svg_en


def test_charts_drawn_from_several_threads_keep_their_own_language():
    out: dict[int, str] = {}

    def draw(k: int) -> None:
        lang = "ar" if k % 2 else "en"
        out[k] = charts.bar_scores(["وزارة" if lang == "ar" else "Ministry"], [2.0], lang).svg

    threads = [threading.Thread(target=draw, args=(k,)) for k in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(("NotoNaskhArabic" in svg) == bool(k % 2) for k, svg in out.items())


def test_the_png_is_at_print_resolution():
    chart = charts.heatmap(ROWS, COLS, VALUES, "en")
    width, height = chart.figure.get_size_inches()
    pixels = imread(io.BytesIO(chart.png))
    assert (
        abs(pixels.shape[0] - height * charts.PNG_DPI) < 1
        and abs(pixels.shape[1] - width * charts.PNG_DPI) < 1
    )
    assert chart.svg.startswith("<svg")
    with pytest.raises(RuntimeError):
        chart.figure  # noqa: B018 — freed once both formats are saved


@pytest.fixture(scope="module")
def roadmap():
    return small_roadmap()


def test_the_gantt_runs_from_the_right_in_arabic_and_from_the_left_in_english(roadmap):
    ar, en = label_x(main_axes(charts.gantt(roadmap, "ar"))), label_x(main_axes(charts.gantt(roadmap, "en")))
    assert ar["الربع الأول ٢٠٢٦"] > ar["الربع الثاني ٢٠٢٦"] and en["Q1 2026"] < en["Q2 2026"]
    assert not any("Q" in label for label in ar), "quarters in words, not 2026-Q1"
    assert main_axes(charts.gantt(roadmap, "ar")).get_title(loc="right") == "خارطة طريق تجريبية"


def test_the_gantt_states_the_roadmaps_overall_length_and_keeps_its_legend_outside_the_bars(roadmap):
    from raqmana.roadmap.gantt import overall_length

    chart = charts.gantt(roadmap, "en")
    ax = main_axes(chart)
    assert ax.get_title(loc="right") == overall_length(roadmap, "en")
    first = min(i.start for i in roadmap.schedule.items)
    last = max(i.end for i in roadmap.schedule.items) - 1
    assert overall_length(roadmap, "en").startswith(f"Overall length: {last - first + 1} quarters, ")
    assert not ax.get_legend() and chart.figure.legends, "the legend is the figure's, under the chart"
    chart.figure.draw_without_rendering()
    legend_top = chart.figure.legends[0].get_window_extent().y1
    assert legend_top <= min(t.get_window_extent().y0 for t in ax.get_xticklabels() if t.get_text()) + 1


def test_the_gantt_wraps_names_between_words_and_keeps_the_institution_after_the_dash():
    from raqmana.roadmap.gantt import _label_lines

    long = "Make electronic signature the default for the institution's outgoing correspondence"
    lines = _label_lines(long, 40).split("\n")
    assert len(lines) == 2 and all(len(x) <= 40 for x in lines)
    assert all(word in long.split() or word == "…" for x in lines for word in x.split()), "no word cut"
    named = _label_lines(long + " — Ministry of Planning", 40).split("\n")
    assert named[1] == "Ministry of Planning"


def test_the_printed_gantt_is_split_by_phase_at_the_pages_width(roadmap, monkeypatch):
    monkeypatch.setattr(adapters, "GANTT_PAGE_ROWS", 2)
    parts = adapters._gantt_phases(SimpleNamespace(roadmap=roadmap))("ar", None)
    phases = {str(i.phase) for i in roadmap.schedule.items}
    assert {p for p, _, _ in parts} == phases
    for phase, _, chart in parts:
        rows = main_axes(chart).get_yticklabels()
        assert 1 <= len(rows) <= 2
        assert chart.figure.get_size_inches()[0] == adapters.GANTT_PRINT_WIDTH
        assert min(t.get_fontsize() for t in rows) >= 8
        assert phase in phases


def test_the_reports_gantt_is_the_shared_gantt_with_the_rows_a_page_holds(roadmap, monkeypatch):
    calls: list[tuple[str, list[str] | None]] = []
    real = charts.gantt

    def spy(rm, lang, *, initiatives=None):
        calls.append((lang, None if initiatives is None else list(initiatives)))
        return real(rm, lang, initiatives=initiatives)

    monkeypatch.setattr(charts, "gantt", spy)
    monkeypatch.setattr(adapters, "GANTT_ROWS", 3)
    chart = adapters._gantt_drawer(SimpleNamespace(roadmap=roadmap))("ckb")
    assert calls == [("ckb", calls[0][1])] and calls[0][1] is not None and len(calls[0][1]) == 3
    assert len(main_axes(chart).get_yticklabels()) == 3
    assert chart.png[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_printed_heat_map_is_drawn_by_the_shared_function_and_mirrored_in_arabic(tmp_path, monkeypatch):
    fw = load(write_framework(tmp_path, framework_dict())).framework
    inst = [
        InstitutionResult(
            f"m{k}",
            Translated.of(f"M{k}", f"وزارة {k}", f"وەزارەت {k}"),
            "ministry",
            {"LEG": 1.0 + k, "SRV": 2.0},
            1.5,
            1,
        )
        for k in range(3)
    ]
    calls: list[str] = []
    real = charts.heatmap

    def spy(*args, **kwargs):
        calls.append(args[3])
        return real(*args, **kwargs)

    monkeypatch.setattr(charts, "heatmap", spy)
    report = build_national(
        ReportInputs(framework=fw, country=Translated.of("Iraq", "العراق", "عێراق"), institutions=inst), "ar"
    )
    annex = next(s for s in report.sections if s.id == "annex_data")
    figure = next(b for b in annex.blocks if isinstance(b, Figure) and b.id == "heatmap")
    assert calls == ["ar"]
    ax = main_axes(figure.chart)  # type: ignore[arg-type]
    first, second = (p.name.get("ar") for p in fw.pillars[:2])
    xs = label_x(ax)
    assert xs[first] > xs[second], "the first enabler on the right"


@pytest.mark.parametrize("lang", ["ar", "ckb", "en"])
def test_time_runs_in_the_reading_direction_and_the_chart_says_so(lang):
    from raqmana.reports.labels import time_rule

    chart = charts.trend([2020, 2022, 2024], {"EGDI": [0.4, 0.5, 0.6]}, lang, note=time_rule(lang))
    ax = main_axes(chart)
    xs = sorted((x, t) for t, x in label_x(ax).items())
    left, right = xs[0][1], xs[-1][1]
    digits = {"ar": ("٢٠٢٠", "٢٠٢٤"), "ckb": ("٢٠٢٠", "٢٠٢٤"), "en": ("2020", "2024")}[lang]
    if lang == "en":
        assert (left, right) == digits
    else:
        assert (left, right) == digits[::-1], "the first edition on the right"
    assert chart.figure.get_suptitle() == time_rule(lang)
    assert "left to right" in time_rule("en")


def test_the_undp_compass_keeps_its_own_scale_from_1_to_5_99():
    chart = charts.bar_scores(["Iraq", "Jordan"], [2.3, 3.1], "en", xmin=1.0, xmax=5.99)
    ax = main_axes(chart)
    assert ax.get_xlim() == (1.0, 5.99)
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert ticks[0] == "1" and ticks[-1] == "5.99"
    [bars] = ax.containers
    assert [round(b.get_x(), 2) for b in bars] == [1.0, 1.0], "bars start at the scale's bottom"
    trend = main_axes(charts.trend([2020, 2022], {"DDC": [2.0, 2.5]}, "en", ymin=1.0, ymax=5.99))
    assert trend.get_ylim() == (1.0, 5.99)


def test_an_index_series_carries_its_published_scale():
    assert adapters._range("undp-ddc", [2.0, 3.5, None]) == (1.0, 5.99)
    assert adapters._range("egdi", [0.41, 0.62]) == (0.0, 1.0)
    assert adapters._range("unknown", [42.0]) == (0.0, 100.0)


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_radar_starts_at_the_top_and_turns_in_the_reading_direction_with_legible_names(lang):
    chart = charts.radar(["Policy", "Institutions", "Legal", "Finance"], {"A": [1, 2, 3, 4]}, lang)
    ax = main_axes(chart)
    assert ax.get_theta_offset() == pytest.approx(np.pi / 2), "the first enabler at the top"
    assert ax.get_theta_direction() == (1 if lang == "ar" else -1)
    assert min(t.get_fontsize() for t in ax.get_xticklabels()) >= 9
