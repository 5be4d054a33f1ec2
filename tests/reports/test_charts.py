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
    """The texts drawn in the SVG: glyphs are paths, each text run is preceded by a comment
    holding its string."""
    return [t.strip() for t in re.findall(r"<!--(.*?)-->", svg, re.S)]


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
    assert f"stroke: {charts.PLAN_COLOR}" in scurve_svg
    assert "stroke-dasharray" in scurve_svg
    for colour in charts.ACTUAL_COLORS[:2]:
        assert f"stroke: {colour}" in scurve_svg


def test_bars_svg_has_predicate_colours_values_and_names(bars_svg):
    for predicate in ("Sangat Tinggi", "Tinggi", "Sedang", "Sangat Rendah"):
        assert f"fill: {charts.PREDICATE_COLORS[predicate]}" in bars_svg
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
    assert f"fill: {charts.UNKNOWN_COLOR}" in svg
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


def test_module_uses_no_float_call_and_no_pyplot():
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
    assert not any("pyplot" in name for name in imported)


def test_tick_formatter_uses_decimal_comma():
    percent = charts._tick_formatter("%")
    plain = charts._tick_formatter("Rp")
    assert percent(20, 0) == "20%"
    assert percent(-0.0, 0) == "0%"
    assert plain(12.5, 0) == "12,5"
    assert plain(100, 0) == "100"
