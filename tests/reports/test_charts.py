"""Charts: inline SVG and PNG from the report's Chart blocks."""

import ast
import re
import struct
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal as D
from pathlib import Path

import pytest

from kinerja.reports import charts
from kinerja.reports.charts import EMPTY_TEXT, render_png, render_svg
from kinerja.reports.document import Chart, ChartSeries
from kinerja.reports.sample import MONTHS, sample_document

SVG = "{http://www.w3.org/2000/svg}"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _sample(key: str) -> Chart:
    return next(c for c in sample_document().charts() if c.key == key)


def _drawn_texts(svg: str) -> list[str]:
    """The texts drawn in the SVG: each line of text is one ``<text>`` element."""
    return ["".join(t.itertext()) for t in ET.fromstring(svg).iter(f"{SVG}text")]


def _texts(svg: str) -> list[ET.Element]:
    return list(ET.fromstring(svg).iter(f"{SVG}text"))


def _lines(svg: str) -> list[ET.Element]:
    """The drawn lines (polylines), with their stroke colour and dashes as attributes."""
    return list(ET.fromstring(svg).iter(f"{SVG}polyline"))


def _rects(svg: str) -> list[ET.Element]:
    return list(ET.fromstring(svg).iter(f"{SVG}rect"))


def _points(line: ET.Element) -> list[tuple[D, D]]:
    return [tuple(D(c) for c in p.split(",")) for p in line.get("points").split()]


def _view_box(svg: str) -> tuple[D, D]:
    _, _, width, height = ET.fromstring(svg).get("viewBox").split()
    return D(width), D(height)


def _text_box(text: ET.Element) -> tuple[D, D, D, D]:
    """x0, y0, x1, y1 of a text element, its width estimated as the chart module does."""
    size = D(text.get("font-size"))
    width = D(charts._text_width(text.text, int(size * 100), text.get("font-weight") == "bold"))
    width /= 100
    x, y = D(text.get("x")), D(text.get("y"))
    anchor = text.get("text-anchor", "start")
    x0 = x if anchor == "start" else x - width / 2 if anchor == "middle" else x - width
    return x0, y - size * D("0.76"), x0 + width, y + size * D("0.24")


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_SIGNATURE
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def _bars(n: int, name: str = "Kegiatan") -> Chart:
    return Chart(
        "bars-n",
        "Capaian",
        "bars",
        tuple(f"{name} {i}" for i in range(n)),
        (ChartSeries("Capaian", tuple(D(10 * i) for i in range(n)), "bar"),),
        bar_labels=("Tinggi",) * n,
    )


@pytest.fixture(scope="module")
def scurve_svg() -> str:
    return render_svg(_sample("scurve"))


@pytest.fixture(scope="module")
def bars_svg() -> str:
    return render_svg(_sample("bars"))


# --- SVG -------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["scurve", "bars"])
def test_svg_is_an_inline_element_with_title(key):
    chart = _sample(key)
    svg = render_svg(chart)
    assert svg.startswith("<svg ")
    assert "<?xml" not in svg and "<!DOCTYPE" not in svg
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root[0].tag == f"{SVG}title" and root[0].text == chart.title
    assert root[1].tag == f"{SVG}desc" and root[1].text
    assert root.findall(f"{SVG}title") == [root[0]]


def test_svg_is_about_16_cm_wide(scurve_svg):
    width = ET.fromstring(scurve_svg).get("width")
    assert width.endswith("pt")
    cm = D(width.removesuffix("pt")) / 72 * D("2.54")
    assert D(15) < cm < D(17)


def test_svg_style_leaves_its_size_to_the_attributes(scurve_svg):
    """WeasyPrint takes a ``width``/``height`` in the root's style for the SVG's own size
    (``height: auto`` drew the PDF's charts at three quarters of their box); browsers keep
    the proportions with ``block-size: auto``."""
    style = ET.fromstring(scurve_svg).get("style")
    properties = {part.split(":")[0].strip() for part in style.split(";") if part.strip()}
    assert "max-width" in properties and "block-size" in properties
    assert not properties & {"width", "height"}


def test_svg_has_no_date_and_no_page_wide_style(scurve_svg):
    assert "<dc:date>" not in scurve_svg and "<metadata>" not in scurve_svg
    assert "<style" not in scurve_svg  # a `*{…}` rule inline would restyle the whole page


def test_scurve_svg_shows_months_title_legend_and_percent_ticks(scurve_svg):
    texts = _drawn_texts(scurve_svg)
    for month in MONTHS:
        assert month in texts
    assert "Kurva S Realisasi Fisik dan Keuangan" in texts
    for label in ("Target fisik dan keuangan", "Realisasi fisik", "Realisasi keuangan"):
        assert label in texts
    assert {"0%", "20%", "40%", "60%", "80%", "100%"} <= set(texts)


def test_scurve_lines_plan_dashed_grey_actual_coloured(scurve_svg):
    lines = _lines(scurve_svg)
    plan = [line for line in lines if line.get("stroke") == charts.PLAN_COLOR]
    assert plan and all(line.get("stroke-dasharray") for line in plan)
    for colour in charts.ACTUAL_COLORS[:2]:
        actual = [line for line in lines if line.get("stroke") == colour]
        assert actual and not any(line.get("stroke-dasharray") for line in actual)
        # the actual series have markers in their colour (11 months of the sample)
        root = ET.fromstring(scurve_svg)
        markers = [
            e
            for tag in ("circle", "polygon")
            for e in root.iter(f"{SVG}{tag}")
            if e.get("fill") == colour
        ]
        assert len(markers) >= 11


def test_bars_svg_has_predicate_colours_values_and_names(bars_svg):
    fills = [r.get("fill") for r in _rects(bars_svg)]
    for predicate in ("Sangat Tinggi", "Tinggi", "Sedang", "Sangat Rendah"):
        # one bar and one legend patch
        assert fills.count(charts.PREDICATE_COLORS[predicate]) == 2
    assert charts.PREDICATE_COLORS["Rendah"] not in bars_svg  # not present in the sample
    texts = _drawn_texts(bars_svg)
    assert {"100", "50", "87,5", "75"} <= set(texts)
    assert "87.5" not in texts
    for name in ("Kerjasama Daerah", "Rupabumi", "Kecamatan", "Batas Daerah"):
        assert name in texts
    # the legend shows the predicates present, and nothing else
    assert {"Sangat Tinggi", "Tinggi", "Sedang", "Sangat Rendah"} <= set(texts)
    assert "Rendah" not in texts and "Tanpa predikat" not in texts


def test_bars_unknown_predicate_is_grey_with_legend_entry():
    chart = Chart(
        "b",
        "B",
        "bars",
        ("A", "B"),
        (ChartSeries("C", (D(1), D(2)), "bar"),),
        bar_labels=("Tinggi", "Entah"),
    )
    svg = render_svg(chart)
    assert charts.UNKNOWN_COLOR in [r.get("fill") for r in _rects(svg)]
    assert "Tanpa predikat" in _drawn_texts(svg)


def test_bars_long_names_are_wrapped():
    name = "Penyediaan Barang dan Jasa Perkantoran Penunjang Urusan Pemerintahan Daerah"
    chart = Chart(
        "b", "Judul", "bars", (name,), (ChartSeries("C", (D("87.5"),), "bar"),), bar_labels=("",)
    )
    texts = _drawn_texts(render_svg(chart))
    lines = [t for t in texts if t and t in name]
    assert " ".join(lines) == name
    assert len(lines) >= 2 and all(len(line) <= 35 for line in lines)


def test_bars_values_shown_in_indonesian_style():
    values = (D("87.50"), D("100.00"), D("1234.5"), D("71.5149"), None)
    chart = Chart(
        "b", "B", "bars", tuple("ABCDE"), (ChartSeries("C", values, "bar"),), bar_labels=()
    )
    texts = _drawn_texts(render_svg(chart))
    assert {"87,5", "100", "1.234,5", "71,51", "–"} <= set(texts)


def test_same_chart_gives_identical_svg(scurve_svg, bars_svg):
    assert render_svg(_sample("scurve")) == scurve_svg
    assert render_svg(_sample("bars")) == bars_svg


def test_two_charts_on_one_page_share_no_ids(scurve_svg, bars_svg):
    page = f"<div>{scurve_svg}{bars_svg}</div>"
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert ids and len(ids) == len(set(ids))
    references = re.findall(r'(?:xlink:href="#|url\(#)([^")]+)', page)
    assert references and set(references) <= set(ids)


def test_title_with_markup_characters_is_escaped():
    chart = Chart(
        "x", "Capaian <Renja> & Realisasi", "scurve", MONTHS[:2], (ChartSeries("R", (D(1), D(2))),)
    )
    root = ET.fromstring(render_svg(chart))
    assert root[0].text == "Capaian <Renja> & Realisasi"


def test_scurve_gaps_and_desc():
    chart = Chart(
        "gaps",
        "Kurva",
        "scurve",
        MONTHS[:4],
        (
            ChartSeries("Rencana", (D(25), D(50), D(75), D(100)), "plan"),
            ChartSeries("Realisasi", (D("10.5"), None, D(40), None)),
        ),
    )
    desc = ET.fromstring(render_svg(chart))[1].text
    assert "Realisasi: Jan 10,5%; Mar 40%." in desc
    assert "Feb" not in desc.split("Realisasi:")[1]


def test_scurve_above_100_extends_axis():
    chart = Chart("s", "S", "scurve", MONTHS[:2], (ChartSeries("R", (D(50), D(130))),))
    assert "140%" in _drawn_texts(render_svg(chart))


# --- empty charts ----------------------------------------------------------------------


EMPTY = [
    Chart("e1", "Kosong", "scurve", (), ()),
    Chart("e2", "Kosong", "scurve", MONTHS, (ChartSeries("R", (None,) * 12),)),
    Chart("e3", "Kosong", "bars", ("A", "B"), (ChartSeries("C", (None, None), "bar"),)),
    Chart("e4", "Kosong", "bars", ("A",), ()),
]


@pytest.mark.parametrize("chart", EMPTY, ids=lambda c: c.key)
def test_empty_chart_is_a_placeholder(chart):
    svg = render_svg(chart)
    root = ET.fromstring(svg)
    assert root[0].text == "Kosong"
    assert EMPTY_TEXT in _drawn_texts(svg)
    width, height = _png_size(render_png(chart))
    assert width == 945
    assert height < 300


# --- PNG -------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["scurve", "bars"])
def test_png_signature_and_width(key):
    data = render_png(_sample(key))
    assert data.startswith(PNG_SIGNATURE)
    width, height = _png_size(data)
    assert width == 945  # 6,3 in (16 cm) at 150 dpi
    assert 300 < height < width


def test_png_dpi_scales_pixels():
    width, _ = _png_size(render_png(_sample("bars"), dpi=100))
    assert width == 630


def test_bars_height_grows_with_bar_count():
    heights = [_png_size(render_png(_bars(n)))[1] for n in (2, 6, 12)]
    assert heights[0] < heights[1] < heights[2]


def test_png_is_deterministic():
    assert render_png(_sample("scurve")) == render_png(_sample("scurve"))


def test_rendering_from_threads_gives_the_same_output():
    expected_svg = render_svg(_sample("scurve"))
    expected_png = render_png(_sample("bars"))
    with ThreadPoolExecutor(max_workers=4) as pool:
        svgs = list(pool.map(lambda _: render_svg(_sample("scurve")), range(4)))
        pngs = list(pool.map(lambda _: render_png(_sample("bars")), range(4)))
    assert svgs == [expected_svg] * 4
    assert pngs == [expected_png] * 4


# --- project rules ---------------------------------------------------------------------


def test_module_uses_no_float_call_and_no_matplotlib():
    """No float for the figures; and the layout is the module's own (matplotlib's figures
    with constrained layout took 0,1–0,5 s a chart)."""
    source = Path(charts.__file__).read_text(encoding="utf-8")
    assert "float(" not in source
    tree = ast.parse(source)
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add(node.module or "")
            imported |= {f"{node.module}.{alias.name}" for alias in node.names}
    assert not any(name.startswith("matplotlib") for name in imported)


def test_tick_labels_use_decimal_comma():
    assert charts._tick_label(20, "%") == "20%"
    assert charts._tick_label(0, "%") == "0%"
    assert charts._tick_label(D("12.5"), "Rp") == "12,5"
    assert charts._tick_label(100, "Rp") == "100"
    assert charts._tick_label(1500, "%") == "1.500%"


# --- layout ----------------------------------------------------------------------------


NAMES = (
    "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik",
    "Fasilitasi Kerja Sama Daerah dengan Pemerintah Daerah Lain",
    "Pembinaan dan Pengawasan Penyelenggaraan Pemerintahan Kecamatan",
    "Rupabumi",
)
PREDICATES = ("Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah", "")


def _many_bars(n: int = 30) -> Chart:
    values = tuple(None if i % 11 == 5 else D(37 * i % 130) + D("0.57") for i in range(n))
    return Chart(
        "banyak",
        "Capaian Keluaran per Kegiatan Tahun 2020",
        "bars",
        tuple(f"{NAMES[i % len(NAMES)]} {i + 1}" for i in range(n)),
        (ChartSeries("Capaian (%)", values, "bar"),),
        bar_labels=tuple(PREDICATES[i % len(PREDICATES)] for i in range(n)),
    )


def _report_scurve() -> Chart:
    plan = tuple(D(8 * (i + 1)) + D("0.5") for i in range(12))
    real = tuple(D(6 * (i + 1)) + D("0.25") if i < 10 else None for i in range(12))
    return Chart(
        "kurva-s",
        "Kurva S Realisasi Fisik dan Keuangan Tahun 2020",
        "scurve",
        MONTHS,
        (
            ChartSeries("Target fisik", plan, "plan"),
            ChartSeries("Target keuangan", tuple(v - 3 for v in plan), "plan"),
            ChartSeries("Realisasi fisik", real),
            ChartSeries("Realisasi keuangan", tuple(None if v is None else v - 2 for v in real)),
        ),
    )


def test_thirty_bars_show_every_name_value_and_colour():
    chart = _many_bars(30)
    svg = render_svg(chart)
    texts = _drawn_texts(svg)
    joined = " ".join(texts)
    for name in chart.categories:
        assert name in joined  # wrapped over lines that follow each other
    for value in chart.series[0].values:
        expected = "–" if value is None else str(value).replace(".", ",")
        assert expected in texts
    fills = [r.get("fill") for r in _rects(svg)]
    for predicate, colour in charts.PREDICATE_COLORS.items():
        bars = sum(1 for i, p in enumerate(chart.bar_labels) if p == predicate and i % 11 != 5)
        assert fills.count(colour) == bars + 1  # and its legend patch
    assert "Tanpa predikat" in texts


@pytest.mark.parametrize(
    "chart",
    [_sample("scurve"), _sample("bars"), _many_bars(30), _report_scurve()],
    ids=["sample-scurve", "sample-bars", "bars-30", "report-scurve"],
)
def test_texts_stay_inside_the_chart_and_do_not_overlap(chart):
    svg = render_svg(chart)
    width, height = _view_box(svg)
    boxes = [_text_box(t) for t in _texts(svg)]
    for box in boxes:
        assert box[0] >= 0 and box[1] >= 0 and box[2] <= width and box[3] <= height
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not _overlap(a, b), (a, b)
    # the legend lies under the plot and its tick labels
    axes = [line for line in _lines(svg) if line.get("stroke") == charts.SPINE_COLOR]
    plot_bottom = max(y for line in axes for _, y in _points(line))
    if chart.kind == "bars":
        legend = {*charts.PREDICATE_COLORS, charts.UNKNOWN_PREDICATE, "Target 100"}
    else:
        legend = {s.label for s in chart.series}
    ticks = [t for t in _texts(svg) if t.text.endswith("%") or t.text in chart.categories]
    lowest_tick = max(_text_box(t)[3] for t in ticks)
    entries = [t for t in _texts(svg) if t.text in legend]
    assert len(entries) >= 2
    assert all(_text_box(t)[1] > max(plot_bottom, lowest_tick) for t in entries)


def test_bars_above_100_and_missing_values():
    chart = Chart(
        "b",
        "B",
        "bars",
        ("Lebih", "Kurang", "Kosong"),
        (ChartSeries("C", (D("130.25"), D(40), None), "bar"),),
        bar_labels=("Sangat Tinggi", "Rendah", ""),
    )
    svg = render_svg(chart)
    texts = _drawn_texts(svg)
    assert {"130,25", "40", "–", "150%"} <= set(texts)
    reference = next(line for line in _lines(svg) if line.get("stroke") == charts.REFERENCE_COLOR)
    x_100 = _points(reference)[0][0]
    rects = _rects(svg)

    def bar(predicate: str) -> tuple[D, D]:  # the first rect of the colour; the legend's is later
        rect = next(r for r in rects if r.get("fill") == charts.PREDICATE_COLORS[predicate])
        return D(rect.get("x")), D(rect.get("width"))

    (x0, over), (x1, under) = bar("Sangat Tinggi"), bar("Rendah")
    assert x0 == x1
    assert x0 + over > x_100 > x0 + under
    # drawn to scale from the same origin
    assert abs(over / under - D("130.25") / 40) < D("0.02")
    assert abs((x_100 - x0) / under - D("2.5")) < D("0.02")
    # the missing value draws no bar: the two bars and their legend patches are coloured,
    # the third category's legend patch is grey
    colours = set(charts.PREDICATE_COLORS.values()) | {charts.UNKNOWN_COLOR}
    assert len([r for r in rects if r.get("fill") in colours]) == 5


def test_scurve_gap_splits_the_line_and_a_lone_value_is_marked():
    chart = Chart(
        "g",
        "G",
        "scurve",
        MONTHS[:6],
        (
            ChartSeries("Rencana", (D(10), D(20), None, D(40), None, D(60)), "plan"),
            ChartSeries("Realisasi", (D(5), D(15), None, D(35), D(45), D(130))),
        ),
    )
    svg = render_svg(chart)
    root = ET.fromstring(svg)
    plan = [len(_points(line)) for line in _lines(svg) if line.get("stroke") == charts.PLAN_COLOR]
    # Jan–Feb is a line (and the legend's handle has 2 points); Apr and Jun stand alone:
    # no line, a dot each
    assert sorted(plan) == [2, 2]
    dots = [c for c in root.iter(f"{SVG}circle") if c.get("fill") == charts.PLAN_COLOR]
    assert len(dots) == 2
    colour = charts.ACTUAL_COLORS[0]
    actual = [len(_points(line)) for line in _lines(svg) if line.get("stroke") == colour]
    assert sorted(actual) == [2, 2, 3]  # Jan–Feb, Apr–Jun, the legend's handle
    markers = [c for c in root.iter(f"{SVG}circle") if c.get("fill") == colour]
    assert len(markers) == 5 + 1  # every value, and the legend's
    # 130 % lies inside the plot: the axis grows to 140 %
    assert "140%" in _drawn_texts(svg)
    top_tick = next(t for t in _texts(svg) if t.text == "140%")
    highest = min(D(c.get("cy")) for c in markers)
    assert highest > D(top_tick.get("y")) - 10


def test_png_is_drawn_from_the_same_layout_as_the_svg():
    for chart in (_sample("scurve"), _many_bars(30), EMPTY[0]):
        svg_width, svg_height = _view_box(render_svg(chart))
        width, height = _png_size(render_png(chart, dpi=144))
        assert (width, height) == (int(svg_width * 2 + D("0.5")), int(svg_height * 2 + D("0.5")))


def test_labels_are_text_in_dejavu_sans():
    svg = render_svg(_sample("bars"))
    assert "font-family: 'DejaVu Sans', sans-serif" in ET.fromstring(svg).get("style")
    assert "<text" in svg


def test_without_title_the_drawing_leaves_it_out_and_keeps_the_title_element():
    chart = _sample("scurve")
    svg = render_svg(chart, with_title=False)
    assert ET.fromstring(svg)[0].text == chart.title
    assert chart.title not in _drawn_texts(svg)
    assert chart.title in _drawn_texts(render_svg(chart))


def test_long_title_is_wrapped_inside_the_width():
    title = "Capaian Keluaran per Kegiatan " * 5
    chart = Chart("t", title.strip(), "bars", ("A",), (ChartSeries("C", (D(1),), "bar"),))
    svg = render_svg(chart)
    width, _ = _view_box(svg)
    lines = [t for t in _texts(svg) if t.get("font-weight") == "bold"]
    assert len(lines) >= 2
    assert " ".join(t.text for t in lines) == title.strip()
    assert all(_text_box(t)[2] <= width for t in lines)


def test_fallback_widths_are_dejavu_sans():
    """The fixed table used without a font file is DejaVu Sans' own widths."""
    regular, per_em = charts._advances(False)
    if charts._font_file() is None:
        pytest.skip("no DejaVu Sans file here")
    table = [int(w) for w in charts._ASCII_REGULAR.split()]
    assert [regular[c] * 2048 // per_em for c in range(32, 127)] == table
    bold, per_em = charts._advances(True)
    table = [int(w) for w in charts._ASCII_BOLD.split()]
    assert [bold[c] * 2048 // per_em for c in range(32, 127)] == table


@pytest.mark.parametrize("kind", ["bars", "scurve"])
def test_a_huge_value_gets_a_few_ticks_not_thousands(kind):
    chart = Chart(
        "besar",
        "Besar",
        kind,
        ("A", "B"),
        (ChartSeries("C", (D(40), D("12345.6")), "bar" if kind == "bars" else "actual"),),
        bar_labels=("Tinggi", "Tinggi"),
    )
    svg = render_svg(chart)
    texts = _drawn_texts(svg)
    assert {"0%", "2.500%", "12.500%"} <= set(texts)
    assert len([t for t in texts if t.endswith("%")]) == 6
    boxes = [_text_box(t) for t in _texts(svg)]
    assert not any(_overlap(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])
