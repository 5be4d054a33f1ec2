"""Charts of a report as SVG (web pages, WeasyPrint PDF) and PNG (Word).

``render_svg(chart)`` gives an ``<svg>`` element to put inline in HTML: no XML declaration,
no DOCTYPE, a ``<title>`` (the chart title) and a ``<desc>`` (the figures in words) for
screen readers, element ids prefixed by the chart key so that several charts can share a
page, and byte-identical output for the same chart. ``render_png(chart, dpi)`` gives PNG
bytes. Both are 16 cm wide.

Kinds:
- ``scurve``: months on x, 0–100 % on y, one line per series: ``plan`` dashed grey,
  ``actual`` solid and coloured with markers; a missing value (None) is a gap, and a value
  alone between gaps is marked;
- ``bars``: one horizontal bar per category (the first series), coloured by the predicate in
  ``bar_labels``, the value written at the bar end, a reference line at 100, a legend of the
  predicates present.
A chart without any value is drawn as a small placeholder saying "Belum ada data".

The module lays a chart out itself (``_layout``: plot area, ticks, wrapped names, legend
rows) and writes it as SVG text or paints it with Pillow: an SVG takes about a millisecond
instead of the 0,1–0,5 s of a matplotlib figure with constrained layout. Lengths are
integers in hundredths of a point (the SVG's user unit is the point: 16 cm = 453,6 pt =
45360). Text widths are estimated from DejaVu Sans' advance widths: a table for ASCII, the
font file (read once with fontTools) for other characters, a digit's width when neither has
it. Labels are ``<text>`` in DejaVu Sans, which the PDF renderer and most browsers have; a
browser without it uses a narrower sans-serif, so the room reserved for a label is never too
small. Values stay ``Decimal``: positions are computed from them with Decimal arithmetic and
rounded to the integer grid, and every number a person reads is formatted by
``kinerja.core.numbers``.
"""

from __future__ import annotations

import functools
import io
import shutil
import subprocess
import textwrap
import threading
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_EVEN, Decimal
from math import isqrt
from pathlib import Path
from xml.sax.saxutils import escape

from kinerja.core.numbers import fmt_compact

from .document import Chart, ChartSeries

__all__ = ["EMPTY_TEXT", "PREDICATE_COLORS", "describe", "render_png", "render_svg"]

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
MUTED_COLOR = "#757575"
GRID_COLOR = "#e0e0e0"
SPINE_COLOR = "#9e9e9e"
REFERENCE_COLOR = "#424242"
FONT_FAMILY = "DejaVu Sans"

# lengths in hundredths of a point
WIDTH = 45360  # 6,3 in = 16 cm
SCURVE_HEIGHT = 28080  # 3,9 in
EMPTY_HEIGHT = 8640  # 1,2 in
PAD = 800
TITLE_SIZE = 1100
LABEL_SIZE = 900
VALUE_SIZE = 850
BAR_LEGEND_SIZE = 800
EMPTY_SIZE = 1000
CAP = 73  # DejaVu Sans' capital height, in % of the size: centres a line of text
LINE = 122  # line height, in % of the size
BAR_HEIGHT = 1350
BAR_ROW = 2200
NAME_WRAP = 35
LEGEND_WRAP = 45
TITLE_WRAP = 62

_PNG_SUPERSAMPLE = 3  # slanted shapes are painted at 3× and reduced: smooth lines
_PNG_LOCK = threading.Lock()


# --- public API ------------------------------------------------------------------------


def render_svg(chart: Chart, *, with_title: bool = True) -> str:
    """The chart as an inline-able ``<svg …>`` element (deterministic for the same chart).
    ``with_title=False`` leaves the title out of the drawing (for documents that print it
    as a caption); the ``<title>`` element for screen readers stays.

    Labels are ``<text>`` in DejaVu Sans (real text: searchable, copyable, and far faster
    for WeasyPrint than glyph paths)."""
    return _svg(_layout(chart, with_title), chart, _id_prefix(chart.key))


def render_png(chart: Chart, dpi: int = 150, *, with_title: bool = True) -> bytes:
    """The chart as PNG bytes (for python-docx); ``dpi`` sets the pixel width (16 cm)."""
    return _png(_layout(chart, with_title), dpi)


# --- drawing items (the layout, shared by SVG and PNG) ---------------------------------


@dataclass(frozen=True, slots=True)
class _Text:
    x: int
    y: int  # baseline
    text: str
    size: int
    anchor: str = "start"  # start | middle | end
    color: str = TEXT_COLOR
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True, slots=True)
class _Rect:
    x: int
    y: int
    w: int
    h: int
    fill: str
    clip: bool = False


@dataclass(frozen=True, slots=True)
class _Line:
    points: tuple[tuple[int, int], ...]
    color: str
    width: int
    dash: tuple[int, ...] = ()
    clip: bool = False


@dataclass(frozen=True, slots=True)
class _Marker:
    shape: str  # one of MARKERS
    x: int
    y: int
    size: int  # about the diameter
    fill: str
    edge: str = ""
    edge_width: int = 0


@dataclass
class _Drawing:
    width: int
    height: int
    items: list
    clip: tuple[int, int, int, int] | None = None  # x, y, w, h of the plot area


# --- text measure ----------------------------------------------------------------------

# DejaVu Sans advance widths (of 2048 units per em) of the printable ASCII characters (the
# font file is read only for other characters; a test checks the table against it).
_ASCII_REGULAR = (
    "651 821 942 1716 1303 1946 1597 563 799 799 1024 1716 651 739 651 690 1303 1303 1303 "
    "1303 1303 1303 1303 1303 1303 1303 690 690 1716 1716 1716 1087 2048 1401 1405 1430 1577 "
    "1294 1178 1587 1540 604 604 1343 1141 1767 1532 1612 1235 1612 1423 1300 1251 1499 1401 "
    "2025 1403 1251 1403 799 690 799 1716 1024 1024 1255 1300 1126 1300 1260 721 1300 1298 "
    "569 569 1186 569 1995 1298 1253 1300 1300 842 1067 803 1298 1212 1675 1212 1212 1075 "
    "1303 690 1303 1716"
)
_ASCII_BOLD = (
    "713 934 1067 1716 1425 2052 1786 627 936 936 1071 1716 778 850 778 748 1425 1425 1425 "
    "1425 1425 1425 1425 1425 1425 1425 819 819 1716 1716 1716 1188 2048 1585 1561 1503 1700 "
    "1399 1399 1681 1714 762 762 1587 1305 2038 1714 1741 1501 1741 1577 1475 1397 1663 1585 "
    "2259 1579 1483 1485 936 748 936 1716 1024 1024 1382 1466 1214 1466 1389 891 1466 1458 "
    "702 702 1362 702 2134 1458 1407 1466 1466 1010 1219 979 1458 1335 1892 1321 1335 1192 "
    "1458 748 1458 1716"
)
_UNITS_PER_EM = 2048
_DEFAULT_ADVANCE = 1303  # a digit's width, for a character the font does not have


@functools.cache
def _font_file(bold: bool = False, italic: bool = False) -> str | None:
    """The DejaVu Sans file of the style: the system's (fontconfig), else the copy that
    matplotlib ships, else None."""
    style = ":bold" if bold else ":oblique" if italic else ""
    if shutil.which("fc-match"):
        try:
            found = subprocess.run(
                ["fc-match", "-f", "%{family}|%{file}", f"{FONT_FAMILY}{style}"],
                capture_output=True,
                text=True,
                timeout=5,
                check=False,
            ).stdout
        except (OSError, subprocess.SubprocessError):
            found = ""
        family, _, path = found.partition("|")
        if FONT_FAMILY in family.split(",") and Path(path).is_file():
            return path
    import importlib.util

    spec = importlib.util.find_spec("matplotlib")
    if spec and spec.origin:
        name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans-Oblique.ttf" if italic else ""
        path = Path(spec.origin).parent / "mpl-data/fonts/ttf" / (name or "DejaVuSans.ttf")
        if path.is_file():
            return str(path)
    return None


@functools.cache
def _advances(bold: bool) -> tuple[dict[int, int], int]:
    """Advance width by code point, and units per em, of DejaVu Sans (bold or regular; the
    oblique has the regular widths)."""
    path = _font_file(bold=bold)
    if path:
        try:
            from fontTools.ttLib import TTFont

            font = TTFont(path, lazy=True)
            metrics = font["hmtx"].metrics
            widths = {cp: metrics[glyph][0] for cp, glyph in font.getBestCmap().items()}
            return widths, font["head"].unitsPerEm
        except Exception:  # an unreadable file: the table below is close enough
            pass
    table = (_ASCII_BOLD if bold else _ASCII_REGULAR).split()
    return {32 + i: int(w) for i, w in enumerate(table)}, _UNITS_PER_EM


_ASCII = {
    False: tuple(int(w) for w in _ASCII_REGULAR.split()),
    True: tuple(int(w) for w in _ASCII_BOLD.split()),
}


def _advance(code: int, bold: bool) -> int:
    """A character's advance in 1/2048 em: printable ASCII from the table, anything else
    from the font file (read on the first such character)."""
    if 32 <= code < 127:
        return _ASCII[bold][code - 32]
    widths, per_em = _advances(bold)
    width = widths.get(code)
    return _DEFAULT_ADVANCE if width is None else width * _UNITS_PER_EM // per_em


def _text_width(text: str, size: int, bold: bool = False) -> int:
    units = sum(_advance(ord(ch), bold) for ch in text)
    return (units * size + _UNITS_PER_EM - 1) // _UNITS_PER_EM


def _wrap_to_width(text: str, width: int, size: int, bold: bool = False) -> list[str]:
    """``text`` in lines no wider than ``width`` (a word wider than that stays whole)."""
    lines: list[str] = []
    for word in text.split():
        if lines and _text_width(f"{lines[-1]} {word}", size, bold) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


def _line_height(size: int) -> int:
    return size * LINE // 100


def _baseline(center: int, size: int) -> int:
    """The baseline that centres a line of capitals and digits on ``center``."""
    return center + size * CAP // 200


# --- layout ----------------------------------------------------------------------------


def _layout(chart: Chart, with_title: bool) -> _Drawing:
    title = chart.title if with_title else ""
    if not _has_data(chart):
        return _empty(title)
    if chart.kind == "bars":
        return _bars(chart, title)
    return _scurve(chart, title)


def _has_data(chart: Chart) -> bool:
    if not chart.categories:
        return False
    series = _bar_series(chart) if chart.kind == "bars" else chart.series
    return any(v is not None for s in series for v in s.values[: len(chart.categories)])


def _title(items: list, title: str) -> int:
    """Draws the title centred at the top; gives the y below it."""
    if not title:
        return PAD
    height = _line_height(TITLE_SIZE)
    lines = _wrap_to_width(title, WIDTH - 2 * PAD, TITLE_SIZE, bold=True)
    for i, line in enumerate(lines):
        items.append(
            _Text(
                WIDTH // 2,
                PAD + i * height + TITLE_SIZE * 93 // 100,
                line,
                TITLE_SIZE,
                "middle",
                bold=True,
            )
        )
    return PAD + len(lines) * height + 400


def _empty(title: str) -> _Drawing:
    items: list = []
    top = _title(items, title)
    height = max(EMPTY_HEIGHT, top + 3000)
    center = (top + height - PAD) // 2
    items.append(
        _Text(
            WIDTH // 2,
            _baseline(center, EMPTY_SIZE),
            EMPTY_TEXT,
            EMPTY_SIZE,
            "middle",
            MUTED_COLOR,
            italic=True,
        )
    )
    return _Drawing(WIDTH, height, items)


@dataclass(frozen=True, slots=True)
class _Entry:
    label: str
    kind: str  # "line" or "patch"
    color: str
    width: int = 0
    dash: tuple[int, ...] = ()
    marker: str = ""
    marker_size: int = 0
    marker_edge: str = ""


def _legend(entries: list[_Entry], size: int, handle: int, bottom: int) -> tuple[list, int]:
    """The legend's items in columns (filled column by column, as many columns as fit the
    width), centred above ``bottom``; gives the items and the legend's height."""
    gap = size * 8 // 10
    spacing = size * 16 // 10
    lines = [textwrap.wrap(e.label, LEGEND_WRAP) or [""] for e in entries]
    widths = [handle + gap + max(_text_width(t, size) for t in ls) for ls in lines]
    row_height = _line_height(size) + size // 4
    columns = 1
    for n in range(len(entries), 1, -1):
        rows = -(-len(entries) // n)
        chunks = [widths[i : i + rows] for i in range(0, len(widths), rows)]
        if sum(max(c) for c in chunks) + spacing * (len(chunks) - 1) <= WIDTH - 2 * PAD:
            columns = n
            break
    rows = -(-len(entries) // columns)
    grid = [list(range(i, min(i + rows, len(entries)))) for i in range(0, len(entries), rows)]
    heights = [
        max(
            (len(lines[grid[c][r]]) for c in range(len(grid)) if r < len(grid[c])),
            default=1,
        )
        * row_height
        for r in range(rows)
    ]
    total = sum(heights)
    col_widths = [max(widths[i] for i in col) for col in grid]
    x = (WIDTH - sum(col_widths) - spacing * (len(grid) - 1)) // 2
    top = bottom - total
    items: list = []
    for col, col_width in zip(grid, col_widths, strict=True):
        y = top
        for r, index in enumerate(col):
            entry = entries[index]
            center = y + _line_height(size) // 2
            if entry.kind == "patch":
                side = size * 7 // 10
                items.append(_Rect(x, center - side // 2, handle, side, entry.color))
            else:
                items.append(
                    _Line(((x, center), (x + handle, center)), entry.color, entry.width, entry.dash)
                )
                if entry.marker:
                    items.append(
                        _Marker(
                            entry.marker,
                            x + handle // 2,
                            center,
                            entry.marker_size,
                            entry.color,
                            entry.marker_edge,
                            60 if entry.marker_edge else 0,
                        )
                    )
            for j, text in enumerate(lines[index]):
                items.append(
                    _Text(x + handle + gap, _baseline(center, size) + j * row_height, text, size)
                )
            y += heights[r]
        x += col_width + spacing
    return items, total


def _scale(value: Decimal, length: int, span: int) -> int:
    """``value`` of an axis 0..``span`` as a length of the ``length`` long axis."""
    return int((value * length / span).quantize(Decimal(1), ROUND_HALF_EVEN))


def _scurve(chart: Chart, title: str) -> _Drawing:
    items: list = []
    n = len(chart.categories)
    top = _title(items, title)
    upper, ticks = _axis(chart.series, n)
    labels = [_tick_label(t, chart.y_label) for t in ticks]
    unit = chart.y_label if chart.y_label and chart.y_label != "%" else ""
    plot_top = top + LABEL_SIZE // 2 + (_line_height(LABEL_SIZE) + 200 if unit else 0)
    left = PAD + max(_text_width(t, LABEL_SIZE) for t in labels) + 500
    right = WIDTH - PAD

    # the legend: one entry per series
    entries = []
    styles = []  # (colour, width, dash, marker, marker size, z) per series
    actual = plan = 0
    for series in chart.series:
        if series.style == "plan":
            style = (PLAN_COLOR, 160, (800, 480), "o" if plan else "", 300, 2)
            plan += 1
        else:
            colour = ACTUAL_COLORS[actual % len(ACTUAL_COLORS)]
            style = (colour, 180, (), MARKERS[actual % len(MARKERS)], 450, 3)
            actual += 1
        styles.append(style)
        edge = "#ffffff" if series.style != "plan" else ""
        entries.append(_Entry(series.label, "line", *style[:5], marker_edge=edge))
    legend, legend_height = _legend(entries, LABEL_SIZE, LABEL_SIZE * 28 // 10, SCURVE_HEIGHT - PAD)
    plot_bottom = SCURVE_HEIGHT - PAD - legend_height - 700 - _line_height(LABEL_SIZE) - 400
    plot_height = plot_bottom - plot_top
    plot_width = right - left

    def x_of(i: int) -> int:  # categories from 0,4 slot inside either edge, as before
        return left + plot_width * (10 * i + 4) // (10 * n - 2)

    def y_of(value: Decimal | int) -> int:
        return plot_bottom - _scale(Decimal(value), plot_height, upper)

    # grid, axis, tick labels
    for tick, label in zip(ticks, labels, strict=True):
        y = y_of(tick)
        items.append(_Line(((left, y), (right, y)), GRID_COLOR, 70))
        items.append(_Text(left - 500, _baseline(y, LABEL_SIZE), label, LABEL_SIZE, "end"))
    if unit:
        items.append(_Text(PAD, plot_top - LABEL_SIZE // 2 - 300, unit, LABEL_SIZE))
    slot = plot_width * 10 // (10 * n - 2)
    widest = max(_text_width(c, LABEL_SIZE) for c in chart.categories) + 300
    step = max(1, -(-widest // max(slot, 1)))  # every step-th label, so that none overlap
    for i, category in enumerate(chart.categories):
        x = x_of(i)
        items.append(_Line(((x, plot_top), (x, plot_bottom)), GRID_COLOR, 70))
        if i % step == 0:
            baseline = plot_bottom + 400 + LABEL_SIZE * CAP // 100
            items.append(_Text(x, baseline, category, LABEL_SIZE, "middle"))
    items.append(_Line(((left, plot_bottom), (right, plot_bottom)), SPINE_COLOR, 80))

    # the lines: plans under actuals, each in the order given
    order = sorted(range(len(chart.series)), key=lambda k: styles[k][5])
    for k in order:
        colour, width, dash, marker, marker_size, _z = styles[k]
        values = _values(chart.series[k], n)
        run: list[tuple[int, int]] = []
        for i, value in enumerate([*values, None]):
            if value is not None:
                run.append((x_of(i), y_of(value)))
            elif run:
                if len(run) > 1:
                    items.append(_Line(tuple(run), colour, width, dash, clip=True))
                run = []
        if marker:
            edge, edge_width = ("#ffffff", 60) if styles[k][5] == 3 else ("", 0)
            for i, value in enumerate(values):
                if value is not None:
                    items.append(
                        _Marker(marker, x_of(i), y_of(value), marker_size, colour, edge, edge_width)
                    )
        else:  # a lone value between gaps draws no line: mark it so that it still shows
            for i, value in enumerate(_isolated(values)):
                if value is not None:
                    items.append(_Marker("o", x_of(i), y_of(value), 300, colour))
    items.extend(legend)
    margin = 400  # markers on the axis or at the top stay whole
    clip = (left - margin, plot_top - margin, plot_width + 2 * margin, plot_height + 2 * margin)
    return _Drawing(WIDTH, SCURVE_HEIGHT, items, clip)


def _bars(chart: Chart, title: str) -> _Drawing:
    items: list = []
    n = len(chart.categories)
    series = _bar_series(chart)[0]
    values = _values(series, n)
    predicates = [chart.bar_labels[i] if i < len(chart.bar_labels) else "" for i in range(n)]
    colors = [PREDICATE_COLORS.get(p, UNKNOWN_COLOR) for p in predicates]
    names = [textwrap.wrap(c, NAME_WRAP, break_long_words=True) or [""] for c in chart.categories]
    texts = [fmt_compact(v) for v in values]
    line_height = _line_height(LABEL_SIZE)
    rows = [max(BAR_ROW, len(lines) * line_height + 900) for lines in names]

    top = _title(items, title)
    plot_top = top + 300
    plot_bottom = plot_top + sum(rows) + 600
    left = PAD + max(_text_width(t, LABEL_SIZE) for lines in names for t in lines) + 500
    upper, ticks = _axis((series,), n, step=50)  # bars are wide: fewer ticks
    span = upper + (10 if upper <= 120 else upper // 10)
    # the plot ends where the widest value label at its bar's end still fits the chart
    plot_width = WIDTH - PAD - left
    for value, text in zip(values, texts, strict=True):
        if value is not None and value > 0:
            room = WIDTH - PAD - left - 300 - _text_width(text, VALUE_SIZE) - 100
            plot_width = min(plot_width, int((Decimal(room) * span / value).to_integral_value()))
    right = left + plot_width

    def x_of(value: Decimal | int) -> int:
        return left + _scale(max(Decimal(value), Decimal(0)), plot_width, span)

    # grid and tick labels
    tick_baseline = plot_bottom + 400 + LABEL_SIZE * CAP // 100
    for tick in ticks:
        x = x_of(tick)
        items.append(_Line(((x, plot_top), (x, plot_bottom)), GRID_COLOR, 70))
        label = _tick_label(tick, chart.y_label)
        items.append(_Text(x, tick_baseline, label, LABEL_SIZE, "middle"))
    reference = x_of(100)
    items.append(
        _Line(((reference, plot_top), (reference, plot_bottom)), REFERENCE_COLOR, 100, (400, 200))
    )
    items.append(_Line(((left, plot_top), (left, plot_bottom)), SPINE_COLOR, 80))
    items.append(_Line(((left, plot_bottom), (right, plot_bottom)), SPINE_COLOR, 80))
    # bars (over the axis line: a small value still shows), values, names
    y = plot_top + 300
    for lines, value, text, colour, row in zip(names, values, texts, colors, rows, strict=True):
        center = y + row // 2
        end = x_of(value if value is not None else 0)
        if end > left:
            items.append(_Rect(left, center - BAR_HEIGHT // 2, end - left, BAR_HEIGHT, colour))
        width = _text_width(text, VALUE_SIZE)
        # a white box keeps the number readable where the reference line passes
        items.append(_Rect(end + 200, center - 600, width + 200, 1200, "#ffffff"))
        items.append(_Text(end + 300, _baseline(center, VALUE_SIZE), text, VALUE_SIZE))
        first = _baseline(center, LABEL_SIZE) - (len(lines) - 1) * line_height // 2
        for j, line in enumerate(lines):
            items.append(_Text(left - 500, first + j * line_height, line, LABEL_SIZE, "end"))
        y += row

    label = series.label
    if chart.y_label and chart.y_label != "%":
        label = f"{label} ({chart.y_label})" if label else chart.y_label
    bottom = tick_baseline + 400
    if label:
        bottom += line_height + 100
        items.append(_Text((left + right) // 2, bottom - 300, label, LABEL_SIZE, "middle"))

    present = []
    for predicate in [*PREDICATE_COLORS, UNKNOWN_PREDICATE]:
        known = predicate in PREDICATE_COLORS
        if (known and predicate in predicates) or (
            not known and any(p not in PREDICATE_COLORS for p in predicates)
        ):
            present.append(predicate)
    entries = [_Entry(p, "patch", PREDICATE_COLORS.get(p, UNKNOWN_COLOR)) for p in present]
    entries.append(_Entry("Target 100", "line", REFERENCE_COLOR, 100, (400, 200)))
    # laid out against a provisional bottom, then moved under the axis
    legend, legend_height = _legend(entries, BAR_LEGEND_SIZE, BAR_LEGEND_SIZE * 14 // 10, 0)
    shift = bottom + 600 + legend_height
    items.extend(_moved(item, shift) for item in legend)
    return _Drawing(WIDTH, shift + PAD, items)


def _moved(item, dy: int):
    if isinstance(item, _Line):
        return replace(item, points=tuple((x, y + dy) for x, y in item.points))
    return replace(item, y=item.y + dy)


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
    or further (by ``step``, or by 50 past 200, and by 100, 250, 500, 1.000, … past 500
    so that there are at most ten steps) to hold the largest value."""
    largest = max((v for s in series for v in _values(s, n) if v is not None), default=None)
    top = 100
    if largest is None or largest <= top:
        step = 20
    else:
        step = step if largest <= 200 else max(step, 50)
        steps = (100, 250, 500)
        while largest > 10 * step:
            step = steps[0] if step < steps[0] else steps[1] if step < steps[1] else step * 2
            steps = tuple(s * 10 for s in steps) if step >= steps[2] else steps
        top = (int(largest // step) + (0 if largest % step == 0 else 1)) * step
    return top + 5, list(range(0, top + 1, step))


def _tick_label(value: int | Decimal, y_label: str) -> str:
    """A tick's label in Indonesian style: ``20%``, ``12,5``, ``1.000``."""
    return fmt_compact(value) + ("%" if y_label == "%" else "")


# --- SVG -------------------------------------------------------------------------------


def _n(value: int) -> str:
    """A length in hundredths of a point as SVG user units (points): 45360 → ``453.6``."""
    sign = "-" if value < 0 else ""
    whole, cents = divmod(abs(value), 100)
    return f"{sign}{whole}.{cents:02d}".rstrip("0").rstrip(".") if cents else f"{sign}{whole}"


def _dash(dash: tuple[int, ...]) -> str:
    return f' stroke-dasharray="{" ".join(_n(d) for d in dash)}"' if dash else ""


def _svg_item(item, out: list[str]) -> None:
    if isinstance(item, _Text):
        attrs = f'x="{_n(item.x)}" y="{_n(item.y)}" font-size="{_n(item.size)}"'
        if item.anchor != "start":
            attrs += f' text-anchor="{item.anchor}"'
        if item.bold:
            attrs += ' font-weight="bold"'
        if item.italic:
            attrs += ' font-style="italic"'
        if item.color != TEXT_COLOR:
            attrs += f' fill="{item.color}"'
        out.append(f"<text {attrs}>{escape(item.text)}</text>")
    elif isinstance(item, _Rect):
        out.append(
            f'<rect x="{_n(item.x)}" y="{_n(item.y)}" width="{_n(item.w)}" '
            f'height="{_n(item.h)}" fill="{item.fill}"/>'
        )
    elif isinstance(item, _Line):
        points = " ".join(f"{_n(x)},{_n(y)}" for x, y in item.points)
        out.append(
            f'<polyline points="{points}" fill="none" stroke="{item.color}" '
            f'stroke-width="{_n(item.width)}"{_dash(item.dash)}/>'
        )
    else:
        edge = f' stroke="{item.edge}" stroke-width="{_n(item.edge_width)}"' if item.edge else ""
        if item.shape == "o":
            out.append(
                f'<circle cx="{_n(item.x)}" cy="{_n(item.y)}" r="{_n(item.size // 2)}" '
                f'fill="{item.fill}"{edge}/>'
            )
        else:
            points = " ".join(f"{_n(x)},{_n(y)}" for x, y in _marker_points(item))
            out.append(f'<polygon points="{points}" fill="{item.fill}"{edge}/>')


# marker outlines on a grid of ±10 (scaled by half the marker size)
_MARKER_SHAPES = {
    "s": ((-8, -8), (8, -8), (8, 8), (-8, 8)),
    "^": ((0, -11), (10, 7), (-10, 7)),
    "v": ((0, 11), (10, -7), (-10, -7)),
    "D": ((0, -11), (9, 0), (0, 11), (-9, 0)),
    "P": (
        (-3, -10), (3, -10), (3, -3), (10, -3), (10, 3), (3, 3),
        (3, 10), (-3, 10), (-3, 3), (-10, 3), (-10, -3), (-3, -3),
    ),
}  # fmt: skip


def _marker_points(marker: _Marker) -> list[tuple[int, int]]:
    half = marker.size // 2
    shape = _MARKER_SHAPES.get(marker.shape, _MARKER_SHAPES["s"])
    return [(marker.x + dx * half // 10, marker.y + dy * half // 10) for dx, dy in shape]


def _svg(drawing: _Drawing, chart: Chart, prefix: str) -> str:
    width, height = _n(drawing.width), _n(drawing.height)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}pt" '
        f'height="{height}pt" viewBox="0 0 {width} {height}" '
        'stroke-linejoin="round" stroke-linecap="butt" '
        # The font in the style attribute, so that no rule of the page around it changes it.
        # `block-size: auto` keeps the proportions when a browser narrows the chart; it is
        # `height: auto` by another name, which WeasyPrint would read as the SVG's height
        # (drawing the chart of a PDF at three quarters of its size inside its box).
        f"style=\"max-width: 100%; block-size: auto; font-family: '{FONT_FAMILY}', sans-serif; "
        f'fill: {TEXT_COLOR}">',
        f"<title>{escape(chart.title)}</title>",
        f"<desc>{escape(describe(chart))}</desc>",
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
    ]
    clip_id = f"{prefix}plot"
    if drawing.clip and any(getattr(item, "clip", False) for item in drawing.items):
        x, y, w, h = drawing.clip
        out.append(
            f'<defs><clipPath id="{clip_id}"><rect x="{_n(x)}" y="{_n(y)}" width="{_n(w)}" '
            f'height="{_n(h)}"/></clipPath></defs>'
        )
    clipped = False
    for item in drawing.items:
        wants = drawing.clip is not None and getattr(item, "clip", False)
        if wants != clipped:
            out.append(f'<g clip-path="url(#{clip_id})">' if wants else "</g>")
            clipped = wants
        _svg_item(item, out)
    if clipped:
        out.append("</g>")
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _id_prefix(key: str) -> str:
    slug = "".join(ch if ch.isascii() and (ch.isalnum() or ch in "_-") else "-" for ch in key)
    while "--" in slug:
        slug = slug.replace("--", "-")
    return f"chart-{slug.strip('-') or 'chart'}-"


# --- PNG -------------------------------------------------------------------------------


@functools.cache
def _png_font(size_px: int, bold: bool, italic: bool):
    from PIL import ImageFont

    path = _font_file(bold=bold, italic=italic)
    if path:
        return ImageFont.truetype(path, size_px)
    return ImageFont.load_default(size_px)


def _dashed(points, dash: tuple[int, ...]) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The drawn pieces of a dashed polyline (integer geometry, the pattern carried over
    the corners)."""
    pieces = []
    index, left, on = 0, dash[0], True
    for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
        length = isqrt((x1 - x0) ** 2 + (y1 - y0) ** 2)
        done = 0
        while done < length:
            step = min(left, length - done)
            if on:
                a = (x0 + (x1 - x0) * done // length, y0 + (y1 - y0) * done // length)
                end = done + step
                b = (x0 + (x1 - x0) * end // length, y0 + (y1 - y0) * end // length)
                pieces.append((a, b))
            done += step
            left -= step
            if left == 0:
                index = (index + 1) % len(dash)
                left, on = dash[index], not on
    return pieces


def _slanted(item) -> bool:
    if isinstance(item, _Marker):
        return True
    if isinstance(item, _Line):
        pairs = zip(item.points, item.points[1:], strict=False)
        return any(a[0] != b[0] and a[1] != b[1] for a, b in pairs)
    return False


def _png(drawing: _Drawing, dpi: int) -> bytes:
    from PIL import Image, ImageDraw

    # Shapes that are all upright rectangles and level or plumb lines (a bar chart) need no
    # smoothing; slanted lines and markers are painted larger and reduced.
    ss = _PNG_SUPERSAMPLE if any(_slanted(item) for item in drawing.items) else 1

    def px(value: int, factor: int = ss) -> int:  # hundredths of a point → pixels
        return (value * dpi * factor + 3600) // 7200

    width, height = px(drawing.width, 1), px(drawing.height, 1)
    with _PNG_LOCK:
        big = Image.new("RGB", (width * ss, height * ss), "#ffffff")
        draw = ImageDraw.Draw(big)
        for item in drawing.items:
            if isinstance(item, _Rect):
                x0, y0 = px(item.x), px(item.y)
                draw.rectangle(
                    (x0, y0, max(x0, px(item.x + item.w) - 1), max(y0, px(item.y + item.h) - 1)),
                    fill=item.fill,
                )
            elif isinstance(item, _Line):
                stroke = max(1, px(item.width))
                if item.dash:
                    for a, b in _dashed(item.points, item.dash):
                        draw.line((px(a[0]), px(a[1]), px(b[0]), px(b[1])), item.color, stroke)
                else:
                    points = [(px(x), px(y)) for x, y in item.points]
                    draw.line(points, item.color, stroke, joint="curve")
            elif isinstance(item, _Marker):
                edge = max(1, px(item.edge_width)) if item.edge else 0
                if item.shape == "o":
                    r = px(item.size // 2)
                    box = (px(item.x) - r, px(item.y) - r, px(item.x) + r, px(item.y) + r)
                    draw.ellipse(box, item.fill, item.edge or None, edge)
                else:
                    points = [(px(x), px(y)) for x, y in _marker_points(item)]
                    draw.polygon(points, item.fill, item.edge or None, edge)
        image = big.reduce(ss) if ss > 1 else big
        draw = ImageDraw.Draw(image)
        anchors = {"start": "ls", "middle": "ms", "end": "rs"}
        for item in drawing.items:
            if isinstance(item, _Text):
                font = _png_font(px(item.size, 1), item.bold, item.italic)
                position = (px(item.x, 1), px(item.y, 1))
                draw.text(position, item.text, item.color, font, anchors[item.anchor])
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=3)  # a third of level 6's time
    return buffer.getvalue()


# --- words -----------------------------------------------------------------------------


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
