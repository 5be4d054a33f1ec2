"""Charts of a report as SVG (web pages, WeasyPrint PDF) and PNG (Word).

``render_svg(chart)`` gives an ``<svg>`` element to put inline in HTML: no XML declaration,
no DOCTYPE, a ``<title>`` (the chart title) and a ``<desc>`` (the figures in words) for
screen readers, element ids prefixed by the chart key so that several charts can share a
page, and byte-identical output for the same chart. ``render_png(chart, dpi)`` gives PNG
bytes. Both are about 16 cm wide.

Kinds:
- ``scurve``: months on x, 0–100 % on y, one line per series: ``plan`` dashed grey,
  ``actual`` solid and coloured with markers; a missing value (None) is a gap;
- ``bars``: one horizontal bar per category (the first series), coloured by the predicate in
  ``bar_labels``, the value written at the bar end, a reference line at 100.
A chart without any value is drawn as a small placeholder saying "Belum ada data".

Values stay ``Decimal``: matplotlib receives them as they are and converts them itself for
pixel positions; every number a person reads is formatted from the Decimal by
``kinerja.core.numbers`` (decimal comma). Only the object API with the Agg canvas is used
(no pyplot); matplotlib's settings are process-wide, so a lock serialises rendering and the
few settings needed are applied only for its duration.
"""

from __future__ import annotations

import io
import re
import textwrap
import threading
from dataclasses import replace
from decimal import Decimal

import matplotlib as mpl
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FixedLocator, FuncFormatter

from kinerja.core.numbers import fmt_compact

from .document import Chart, ChartSeries

__all__ = ["EMPTY_TEXT", "PREDICATE_COLORS", "render_png", "render_svg"]

EMPTY_TEXT = "Belum ada data"

PREDICATE_COLORS = {
    "Sangat Tinggi": "#1e7b34",
    "Tinggi": "#7cb342",
    "Sedang": "#f9c74f",
    "Rendah": "#f3722c",
    "Sangat Rendah": "#c62828",
}
UNKNOWN_COLOR = "#9e9e9e"
UNKNOWN_PREDICATE = "Tanpa predikat"

PLAN_COLOR = "#757575"
ACTUAL_COLORS = ("#1565c0", "#e65100", "#2e7d32", "#6a1b9a", "#00838f", "#ad1457")
MARKERS = ("o", "s", "^", "D", "v", "P")
TEXT_COLOR = "#212121"
GRID_COLOR = "#e0e0e0"
REFERENCE_COLOR = "#424242"

WIDTH_IN = 6.3  # 16 cm; 945 px at 150 dpi
SCURVE_HEIGHT_IN = 3.9
EMPTY_HEIGHT_IN = 1.2
NAME_WRAP = 35
TITLE_WRAP = 62
LEGEND_WRAP = 45
LEGEND_ROW = 90  # characters that fit in one legend row

_RC = {
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],
    "font.size": 9,
    "svg.fonttype": "path",  # glyphs as paths: no font needed where the SVG is shown
    "svg.image_inline": True,
    "axes.unicode_minus": False,
    "text.color": TEXT_COLOR,
    "axes.edgecolor": "#9e9e9e",
    "xtick.color": TEXT_COLOR,
    "ytick.color": TEXT_COLOR,
}
_LOCK = threading.Lock()


# --- public API ------------------------------------------------------------------------


def render_svg(chart: Chart, *, with_title: bool = True, text_as_paths: bool = True) -> str:
    """The chart as an inline-able ``<svg …>`` element (deterministic for the same chart).
    ``with_title=False`` leaves the title out of the drawing (for documents that print it
    as a caption); the ``<title>`` element for screen readers stays.

    ``text_as_paths=False`` writes the labels as ``<text>`` in DejaVu Sans (the font
    matplotlib measured them with) instead of one path per glyph: for the PDF, whose
    renderer has that font from the system and draws a glyph path far more slowly than a
    text; the labels are then real text in the PDF too (searchable, copyable)."""
    prefix = _id_prefix(chart.key)
    rc = {**_RC, "svg.hashsalt": prefix}
    if not text_as_paths:
        rc["svg.fonttype"] = "none"
    buffer = io.StringIO()
    with _LOCK, mpl.rc_context(rc):
        figure = _figure(chart if with_title else replace(chart, title=""))
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    return _inline_svg(buffer.getvalue(), chart, prefix)


def render_png(chart: Chart, dpi: int = 150, *, with_title: bool = True) -> bytes:
    """The chart as PNG bytes (for python-docx); ``dpi`` sets the pixel width (16 cm)."""
    buffer = io.BytesIO()
    with _LOCK, mpl.rc_context(_RC):
        figure = _figure(chart if with_title else replace(chart, title=""))
        figure.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()


# --- figures ---------------------------------------------------------------------------


def _figure(chart: Chart) -> Figure:
    if not _has_data(chart):
        figure = _empty(chart)
    elif chart.kind == "bars":
        figure = _bars(chart)
    else:
        figure = _scurve(chart)
    FigureCanvasAgg(figure)
    return figure


def _has_data(chart: Chart) -> bool:
    if not chart.categories:
        return False
    series = _bar_series(chart) if chart.kind == "bars" else chart.series
    return any(v is not None for s in series for v in s.values[: len(chart.categories)])


def _new_figure(height: float) -> Figure:
    figure = Figure(figsize=(WIDTH_IN, height), layout="constrained", facecolor="white")
    figure.get_layout_engine().set(w_pad=0.08, h_pad=0.08)
    return figure


def _title(figure: Figure, chart: Chart) -> None:
    if chart.title:
        figure.suptitle(textwrap.fill(chart.title, TITLE_WRAP), fontsize=11, fontweight="bold")


def _empty(chart: Chart) -> Figure:
    figure = _new_figure(EMPTY_HEIGHT_IN)
    _title(figure, chart)
    ax = figure.add_subplot()
    ax.set_axis_off()
    ax.text(
        0.5,
        0.5,
        EMPTY_TEXT,
        ha="center",
        va="center",
        fontsize=10,
        color="#757575",
        style="italic",
        transform=ax.transAxes,
    )
    return figure


def _scurve(chart: Chart) -> Figure:
    figure = _new_figure(SCURVE_HEIGHT_IN)
    _title(figure, chart)
    ax = figure.add_subplot()
    n = len(chart.categories)
    x = range(n)
    actual = 0
    plan = 0
    for series in chart.series:
        values = _values(series, n)
        if series.style == "plan":
            ax.plot(
                x,
                values,
                color=PLAN_COLOR,
                linestyle=(0, (5, 3)),
                linewidth=1.6,
                label=series.label,
                zorder=2,
                marker="o" if plan else None,
                markersize=3,
            )
            plan += 1
        else:
            ax.plot(
                x,
                values,
                color=ACTUAL_COLORS[actual % len(ACTUAL_COLORS)],
                linestyle="-",
                linewidth=1.8,
                label=series.label,
                zorder=3,
                marker=MARKERS[actual % len(MARKERS)],
                markersize=4.5,
                markeredgecolor="white",
                markeredgewidth=0.6,
                clip_on=False,
            )
            actual += 1
        line = ax.lines[-1]
        if line.get_marker() in (None, "None", "") and any(_isolated(values)):
            # a lone value between gaps draws no line: mark it so that it still shows
            ax.plot(
                x,
                _isolated(values),
                linestyle="none",
                marker="o",
                markersize=3,
                color=line.get_color(),
                zorder=line.get_zorder(),
            )
    ax.set_xticks(list(x), labels=list(chart.categories))
    ax.set_xlim(-0.4, n - 0.6)
    upper, ticks = _axis(chart.series, n)
    ax.set_ylim(0, upper)
    ax.yaxis.set_major_locator(FixedLocator(ticks))
    ax.yaxis.set_major_formatter(FuncFormatter(_tick_formatter(chart.y_label)))
    if chart.y_label and chart.y_label != "%":
        ax.set_ylabel(chart.y_label)
    ax.grid(True, axis="both", color=GRID_COLOR, linewidth=0.7)
    ax.set_axisbelow(True)
    _plain_spines(ax)
    ax.tick_params(length=0, pad=4)
    if len(chart.categories) > 12 or max(len(c) for c in chart.categories) > 5:
        ax.tick_params(axis="x", labelrotation=45)
        for label in ax.get_xticklabels():
            label.set_horizontalalignment("right")
            label.set_rotation_mode("anchor")
    handles = [line for line in ax.lines if not line.get_label().startswith("_")]
    labels = [textwrap.fill(h.get_label(), LEGEND_WRAP) for h in handles]
    figure.legend(
        handles,
        labels,
        loc="outside lower center",
        ncols=_legend_columns(labels, 8),
        frameon=False,
        handlelength=2.8,
        columnspacing=1.6,
    )
    return figure


def _bars(chart: Chart) -> Figure:
    n = len(chart.categories)
    series = _bar_series(chart)[0]
    values = _values(series, n)
    names = [textwrap.fill(c, NAME_WRAP, break_long_words=True) for c in chart.categories]
    lines = sum(name.count("\n") + 1 for name in names)
    height = 1.35 + 0.3 * n + 0.15 * lines
    figure = _new_figure(height)
    _title(figure, chart)
    ax = figure.add_subplot()

    predicates = [chart.bar_labels[i] if i < len(chart.bar_labels) else "" for i in range(n)]
    colors = [PREDICATE_COLORS.get(p, UNKNOWN_COLOR) for p in predicates]
    widths = [Decimal(0) if v is None else v for v in values]
    bars = ax.barh(range(n), widths, height=0.62, color=colors, zorder=3)
    ax.bar_label(
        bars,
        labels=[fmt_compact(v) for v in values],
        padding=3,
        fontsize=8.5,
        zorder=4,
        # a white box keeps the number readable where the reference line passes
        bbox={"facecolor": "white", "edgecolor": "none", "pad": 1},
    )
    ax.axvline(100, color=REFERENCE_COLOR, linestyle=(0, (4, 2)), linewidth=1, zorder=2)

    ax.set_yticks(range(n), labels=names)
    ax.set_ylim(n - 0.45, -0.55)  # first category on top
    upper, ticks = _axis((series,), n, step=50)  # bars are wide: fewer ticks
    ax.set_xlim(0, upper + (10 if upper <= 120 else upper // 10))
    ax.xaxis.set_major_locator(FixedLocator(ticks))
    ax.xaxis.set_major_formatter(FuncFormatter(_tick_formatter(chart.y_label)))
    label = series.label
    if chart.y_label and chart.y_label != "%":
        label = f"{label} ({chart.y_label})" if label else chart.y_label
    if label:
        ax.set_xlabel(label)
    ax.grid(True, axis="x", color=GRID_COLOR, linewidth=0.7)
    ax.set_axisbelow(True)
    _plain_spines(ax)
    ax.spines["left"].set_visible(True)
    ax.tick_params(length=0, pad=4)

    present = []
    for predicate in [*PREDICATE_COLORS, UNKNOWN_PREDICATE]:
        known = predicate in PREDICATE_COLORS
        if (known and predicate in predicates) or (
            not known and any(p not in PREDICATE_COLORS for p in predicates)
        ):
            present.append(predicate)
    handles = [Patch(facecolor=PREDICATE_COLORS.get(p, UNKNOWN_COLOR), label=p) for p in present]
    handles.append(
        Line2D(
            [], [], color=REFERENCE_COLOR, linestyle=(0, (4, 2)), linewidth=1, label="Target 100"
        )
    )
    labels = [h.get_label() for h in handles]
    figure.legend(
        handles=handles,
        loc="outside lower center",
        ncols=_legend_columns(labels, 6),
        frameon=False,
        fontsize=8,
        handlelength=1.4,
        columnspacing=1.2,
    )
    return figure


# --- helpers ---------------------------------------------------------------------------


def _bar_series(chart: Chart) -> tuple[ChartSeries, ...]:
    """Bars show one series: the first one styled ``bar``, else the first one."""
    bars = [s for s in chart.series if s.style == "bar"] or list(chart.series)
    return tuple(bars[:1])


def _values(series: ChartSeries, n: int) -> list[Decimal | None]:
    """The series' values for the n categories (missing ones as None)."""
    values = list(series.values[:n])
    return values + [None] * (n - len(values))


def _isolated(values: list[Decimal | None]) -> list[Decimal | None]:
    n = len(values)
    return [
        v
        if v is not None
        and (i == 0 or values[i - 1] is None)
        and (i == n - 1 or values[i + 1] is None)
        else None
        for i, v in enumerate(values)
    ]


def _axis(series: tuple[ChartSeries, ...], n: int, step: int = 20) -> tuple[int, list[int]]:
    """The upper end of the value axis and its ticks: 0–100 by 20 with a little room above,
    or further (by ``step``, or by 50 past 200) to hold the largest value."""
    largest = max((v for s in series for v in _values(s, n) if v is not None), default=None)
    top = 100
    if largest is None or largest <= top:
        step = 20
    else:
        step = step if largest <= 200 else max(step, 50)
        top = (int(largest // step) + (0 if largest % step == 0 else 1)) * step
    return top + 5, list(range(0, top + 1, step))


def _legend_columns(labels: list[str], per_entry: int) -> int:
    """The most legend columns whose rows fit the width (roughly, in characters; ``per_entry``
    for the handle and the spacing). matplotlib fills a legend column by column."""
    widths = [max(len(part) for part in label.split("\n")) + per_entry for label in labels]
    for columns in range(len(widths), 1, -1):
        rows = -(-len(widths) // columns)
        chunks = [widths[i : i + rows] for i in range(0, len(widths), rows)]
        if len(chunks) == columns and sum(max(c) for c in chunks) <= LEGEND_ROW:
            return columns
    return 1


def _tick_formatter(y_label: str):
    suffix = "%" if y_label == "%" else ""

    def tick(x, _position) -> str:
        text = f"{x:.2f}".rstrip("0").rstrip(".")
        if text == "-0":
            text = "0"
        return text.replace(".", ",") + suffix

    return tick


def _plain_spines(ax) -> None:
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)


# --- SVG post-processing ---------------------------------------------------------------

_ID = re.compile(r'\bid="([^"]+)"')


def _id_prefix(key: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", key).strip("-") or "chart"
    return f"chart-{slug}-"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _inline_svg(svg: str, chart: Chart, prefix: str) -> str:
    """matplotlib's SVG document → an element for inline use: prolog dropped, ids unique to
    the chart, the page-wide ``*{…}`` style replaced by attributes on the root, ``<title>``
    and ``<desc>`` first."""
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r"\s*<style[^>]*>.*?</style>", "", svg, count=1, flags=re.S)
    svg = re.sub(r"\s*<metadata>.*?</metadata>", "", svg, count=1, flags=re.S)
    ids = set(_ID.findall(svg))

    def rename(match: re.Match) -> str:
        return f"{match.group(1)}{prefix}{match.group(2)}{match.group(3)}"

    if ids:
        names = "|".join(re.escape(i) for i in sorted(ids, key=len, reverse=True))
        svg = re.sub(rf'(\bid="|"#|url\(#)({names})("|\))', rename, svg)
    head_end = svg.index(">") + 1
    head = svg[:head_end].replace(
        "<svg ",
        '<svg role="img" style="max-width: 100%; height: auto" '
        'stroke-linejoin="round" stroke-linecap="butt" ',
        1,
    )
    title = f"<title>{_escape(chart.title)}</title>"
    desc = f"<desc>{_escape(describe(chart))}</desc>"
    return f"{head}\n {title}\n {desc}{svg[head_end:]}".rstrip() + "\n"


def describe(chart: Chart) -> str:
    """The chart's figures in one sentence per series, Indonesian number style."""
    n = len(chart.categories)
    if not _has_data(chart):
        return EMPTY_TEXT
    suffix = "%" if chart.y_label == "%" else ""
    if chart.kind == "bars":
        values = _values(_bar_series(chart)[0], n)
        parts = []
        for i, (name, value) in enumerate(zip(chart.categories, values, strict=True)):
            predicate = chart.bar_labels[i] if i < len(chart.bar_labels) else ""
            text = f"{name}: {fmt_compact(value)}{suffix if value is not None else ''}"
            parts.append(f"{text} ({predicate})" if predicate else text)
        return "; ".join(parts) + "."
    sentences = []
    for series in chart.series:
        points = [
            f"{c} {fmt_compact(v)}{suffix}"
            for c, v in zip(chart.categories, _values(series, n), strict=True)
            if v is not None
        ]
        sentences.append(f"{series.label}: {'; '.join(points) or '–'}.")
    return " ".join(sentences)
