"""Benchmark: how long the reports take.

1. The demo unit (Biro Pemerintahan 2020, the seed report's agency): every report kind built
   once and rendered in PDF, DOCX and XLSX one after another (each format timed on its own),
   and then the three formats in one call, ``make_reports``, as the app makes them: the
   document built once, the PDF in a forked process while this one makes the DOCX and XLSX
   (with two cores). The figure that matters is the Laporan Evaluasi Kinerja in all three
   formats from the data, with nothing cached (target: under 3 s on this machine).
2. The synthetic province of ``bench/province.py`` (``--units`` units, ``--leaves`` leaves):
   the Laporan of every unit in the formats asked (``--formats``), with ``make_reports``.

Each demo figure is the median of ``--repeat`` runs (best in brackets). The first PDF of a
process loads WeasyPrint's stylesheets and the fonts; it is made first and reported apart.
The machine is shared: the script prints the load average and a CPU reference (a fixed pure
Python loop) before and after, so that figures of different runs can be compared.

Runs on a temporary SQLite file, created, migrated and removed by the script:

    .venv/bin/python bench/reports.py [--repeat 3] [--units 50] [--leaves 15000]
        [--formats pdf,docx,xlsx] [--skip-province] [--sequential]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

FORMATS = ("pdf", "docx", "xlsx")
KINDS = ("evaluasi", "lkjip", "pk", "realisasi", "renja")
TARGET_S = 3.0


def timed(fn):
    start = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - start


def summary(values: list[float]) -> str:
    return f"{statistics.median(values):5.2f} ({min(values):.2f})"


def cpu_reference() -> float:
    """Seconds for a fixed pure-Python loop, best of 5: how fast this machine is now."""
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        sum(i * i for i in range(1_000_000))
        best = min(best, time.perf_counter() - start)
    return best


def machine(label: str) -> None:
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"{label}: load average {load}; CPU reference {cpu_reference() * 1000:.0f} ms")


def demo_unit(repeat: int, parallel: bool | None) -> None:
    from kinerja.demo.loader import load_demo
    from kinerja.org.models import OrgUnit
    from kinerja.reports.sample import sample_document
    from kinerja.reports.service import (
        build_document,
        can_render_in_parallel,
        make_reports,
        render_document,
    )

    load_demo()
    unit = OrgUnit.objects.get(slug="biro-pemerintahan")
    _, first = timed(lambda: render_document(sample_document(), "pdf"))
    print(f"first PDF in a fresh process (fonts, stylesheets): {first:.2f} s")
    together = can_render_in_parallel() if parallel is None else parallel
    how = "PDF in a forked process" if together else "one after another"
    print(f"demo unit: Biro Pemerintahan 2020; median of {repeat} runs (best)")
    print(
        f"  {'kind':<10} {'build':>12} "
        + " ".join(f"{f:>12}" for f in FORMATS)
        + f" {'one by one':>13} {'make_reports':>13}"
    )
    evaluasi = None
    for kind in KINDS:
        runs: dict[str, list[float]] = {key: [] for key in ("build", *FORMATS, "sum", "call")}
        for _ in range(repeat):
            document, build_s = timed(lambda kind=kind: build_document(kind, unit, 2020))
            runs["build"].append(build_s)
            total = build_s
            for fmt in FORMATS:
                _, seconds = timed(partial(render_document, document, fmt))
                runs[fmt].append(seconds)
                total += seconds
            runs["sum"].append(total)
            _, call_s = timed(
                lambda kind=kind: make_reports(kind, FORMATS, unit, 2020, parallel=parallel)
            )
            runs["call"].append(call_s)
        pages = _pages(render_document(document, "pdf").content)
        print(
            f"  {kind:<10} {summary(runs['build']):>12} "
            + " ".join(f"{summary(runs[f]):>12}" for f in FORMATS)
            + f" {summary(runs['sum']):>13} {summary(runs['call']):>13}   {pages} pages"
        )
        if kind == "evaluasi":
            evaluasi = runs
    call = statistics.median(evaluasi["call"])
    verdict = "met" if call < TARGET_S else "NOT met"
    print(
        f"  evaluasi in all three formats with make_reports ({how}): {call:.2f} s "
        f"(target < {TARGET_S:g} s: {verdict}); one format after another: "
        f"{statistics.median(evaluasi['sum']):.2f} s"
    )


def _pages(pdf: bytes) -> int:
    import io

    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def province(units: int, leaves: int, formats: list[str], parallel: bool | None) -> None:
    from bench import province as prov
    from kinerja.org.models import OrgUnit
    from kinerja.reports.service import make_reports

    counts, gen_s = timed(lambda: prov.generate(units, leaves))
    print(f"province: {units} units, {leaves} leaves generated in {gen_s:.1f} s")
    per_unit = []
    largest = (0, "")
    for unit in OrgUnit.objects.filter(government__code=prov.GOV_CODE, plans__year=prov.YEAR):
        files, seconds = timed(
            lambda unit=unit: make_reports("evaluasi", formats, unit, prov.YEAR, parallel=parallel)
        )
        per_unit.append(seconds)
        pdf = [f for f in files if f.filename.endswith(".pdf")]
        if pdf:
            largest = max(largest, (_pages(pdf[0].content), unit.name))
    print(
        f"  Laporan Evaluasi Kinerja ({', '.join(formats)}) for {len(per_unit)} units: "
        f"{sum(per_unit):.1f} s; per unit median {statistics.median(per_unit):.2f} s, "
        f"max {max(per_unit):.2f} s"
        + (f"; longest PDF {largest[0]} pages ({largest[1]})" if largest[0] else "")
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--units", type=int, default=50)
    parser.add_argument("--leaves", type=int, default=15_000)
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--skip-province", action="store_true")
    parser.add_argument(
        "--sequential", action="store_true", help="make_reports without the forked PDF process"
    )
    args = parser.parse_args(argv)
    formats = [f for f in args.formats.split(",") if f]
    if not formats or not set(formats) <= set(FORMATS):
        parser.error(f"--formats: choose from {', '.join(FORMATS)}")
    parallel = False if args.sequential else None

    folder = tempfile.mkdtemp(prefix="kinerja-bench-reports-")
    os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
    os.environ.setdefault("DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinerja.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.DEBUG = False
    call_command("migrate", verbosity=0)
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"{cpus} CPUs, Python {sys.version.split()[0]}, SQLite in {folder}")
    machine("before")
    demo_unit(max(args.repeat, 1), parallel)
    if not args.skip_province:
        province(args.units, args.leaves, formats, parallel)
    machine("after")
    Path(folder, "bench.sqlite3").unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
