"""Benchmark: how long one chart takes to draw (``kinerja.reports.charts``).

Each chart is drawn ``--repeat`` times in each form a caller asks for and the median is
printed in milliseconds (best in brackets):

- ``svg``: ``render_svg(chart)``, the web pages' form (the unit page draws every chart of the
  unit on its first view);
- ``svg pdf``: ``render_svg(chart, with_title=False, text_as_paths=False)``, the PDF's form, on
  the critical path of every PDF report;
- ``png``: ``render_png(chart, dpi=150, with_title=False)``, the Word report's form.

The charts: the sample document's S-curve (3 series) and bars (4 kegiatan), a report's S-curve
(4 series, 12 months), bar charts of 12 and 30 kegiatan with long names, and an empty chart.
No database is needed.

``--against REV`` also measures the chart module as it was at a git revision (read with
``git show``, loaded beside the current one) and prints both tables, so that one run on the
same machine load gives the before and the after; for the matplotlib version that this
module replaced:

    .venv/bin/python bench/charts.py [--repeat 20] [--against 530171b]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from decimal import Decimal as D
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

NAMES = (
    "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik",
    "Fasilitasi Kerja Sama Daerah dengan Pemerintah Daerah Lain",
    "Pembinaan dan Pengawasan Penyelenggaraan Pemerintahan Kecamatan",
    "Rupabumi",
    "Penegasan Batas Daerah",
    "Penyediaan Peralatan dan Perlengkapan Kantor",
)
PREDICATES = ("Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah", "")


def charts():
    from kinerja.reports.document import Chart, ChartSeries
    from kinerja.reports.sample import MONTHS, sample_document

    sample = {c.key: c for c in sample_document().charts()}
    plan = tuple(D(8 * (i + 1)) + D("0.5") for i in range(12))
    real = tuple(D(6 * (i + 1)) + D("0.25") if i < 10 else None for i in range(12))
    report_scurve = Chart(
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

    def bars(n: int) -> Chart:
        return Chart(
            f"bars-{n}",
            "Capaian Keluaran per Kegiatan Tahun 2020",
            "bars",
            tuple(f"{NAMES[i % len(NAMES)]} {i + 1}" for i in range(n)),
            (
                ChartSeries(
                    "Capaian (%)",
                    tuple(None if i % 11 == 5 else D(37 * i % 130) + D("0.57") for i in range(n)),
                    "bar",
                ),
            ),
            bar_labels=tuple(PREDICATES[i % len(PREDICATES)] for i in range(n)),
        )

    return {
        "sample scurve": sample["scurve"],
        "sample bars (4)": sample["bars"],
        "report scurve (4 series)": report_scurve,
        "bars 12 kegiatan": bars(12),
        "bars 30 kegiatan": bars(30),
        "empty": Chart("kosong", "Kosong", "bars", ("A",), ()),
    }


def measure(fn, repeat: int) -> list[float]:
    fn()  # warm-up: font loading, imports
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


def module_at(revision: str):
    """kinerja/reports/charts.py as it was at ``revision``, imported beside the current one."""
    import importlib.util
    import subprocess

    source = subprocess.run(
        ["git", "show", f"{revision}:kinerja/reports/charts.py"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    folder = Path(tempfile.mkdtemp(prefix="kinerja-bench-charts-"))
    path = folder / "charts.py"
    path.write_text(source, encoding="utf-8")
    name = "kinerja.reports._charts_before"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    module.__package__ = "kinerja.reports"
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def table(label: str, module, repeat: int) -> None:
    forms = {
        "svg": lambda c: module.render_svg(c),
        "svg pdf": lambda c: module.render_svg(c, with_title=False, text_as_paths=False),
        "png": lambda c: module.render_png(c, dpi=150, with_title=False),
    }
    print(f"{label}: ms per chart, median of {repeat} (best)")
    print(f"{'chart':28}" + "".join(f"{form:>18}" for form in forms))
    for name, chart in charts().items():
        cells = []
        for draw in forms.values():
            times = measure(lambda draw=draw, chart=chart: draw(chart), repeat)
            cells.append(f"{statistics.median(times):9.2f} ({min(times):6.2f})")
        print(f"{name:28}" + "".join(f"{cell:>18}" for cell in cells))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--against", metavar="REV", help="also measure charts.py at REV")
    args = parser.parse_args()

    from kinerja.reports import charts as current

    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"load average {load}")
    if args.against:
        table(f"at {args.against}", module_at(args.against), args.repeat)
        print()
    table("now", current, args.repeat)


if __name__ == "__main__":
    main()
