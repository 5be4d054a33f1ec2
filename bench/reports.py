"""Benchmark: how long the reports take.

1. The demo unit (Biro Pemerintahan 2020, the seed report's agency): every report kind built
   once and rendered in PDF, DOCX and XLSX; the figure that matters is the Laporan Evaluasi
   Kinerja in all three formats (target: under 3 s on this machine).
2. The synthetic province of ``bench/province.py`` (``--units`` units, ``--leaves`` leaves):
   the Laporan for every unit, in the formats asked (``--formats``).

Runs on a temporary SQLite file, created, migrated and removed by the script:

    .venv/bin/python bench/reports.py [--units 50] [--leaves 15000] [--formats pdf,docx,xlsx]
        [--skip-province]
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


def timed(fn):
    start = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - start


def demo_unit() -> None:
    from kinerja.demo.loader import load_demo
    from kinerja.org.models import OrgUnit
    from kinerja.reports.service import build_document, render_document

    load_demo()
    unit = OrgUnit.objects.get(slug="biro-pemerintahan")
    # A server renders many reports in one process: the first PDF also loads the fonts and
    # WeasyPrint's stylesheets, so it is measured apart and not counted below.
    from kinerja.reports.sample import sample_document

    _, first = timed(lambda: render_document(sample_document(), "pdf"))
    print(f"first PDF in a fresh process (fonts, stylesheets): {first:.2f} s")
    print("demo unit: Biro Pemerintahan 2020 (24 tolok ukur)")
    print(f"  {'kind':<10} {'build':>7} " + " ".join(f"{f:>7}" for f in FORMATS) + "    total")
    for kind in KINDS:
        document, build_s = timed(lambda kind=kind: build_document(kind, unit, 2020))
        times = []
        for fmt in FORMATS:
            _, seconds = timed(partial(render_document, document, fmt))
            times.append(seconds)
        total = build_s + sum(times)
        print(
            f"  {kind:<10} {build_s:7.2f} "
            + " ".join(f"{t:7.2f}" for t in times)
            + f"  {total:7.2f} s"
        )
        if kind == "evaluasi":
            verdict = "met" if total < 3 else "NOT met"
            evaluasi_total = total
    print(f"  evaluasi in all three formats: {evaluasi_total:.2f} s (target < 3 s: {verdict})")


def province(units: int, leaves: int, formats: list[str]) -> None:
    from bench import province as prov
    from kinerja.org.models import OrgUnit
    from kinerja.reports.service import build_document, render_document

    counts, gen_s = timed(lambda: prov.generate(units, leaves))
    print(f"province: {units} units, {leaves} leaves generated in {gen_s:.1f} s")
    per_unit = []
    per_format = dict.fromkeys(formats, 0.0)
    build_total = 0.0
    for unit in OrgUnit.objects.filter(government__code=prov.GOV_CODE, plans__year=prov.YEAR):
        document, build_s = timed(lambda unit=unit: build_document("evaluasi", unit, prov.YEAR))
        build_total += build_s
        spent = build_s
        for fmt in formats:
            _, seconds = timed(partial(render_document, document, fmt))
            per_format[fmt] += seconds
            spent += seconds
        per_unit.append(spent)
    print(
        f"  Laporan Evaluasi Kinerja for {len(per_unit)} units: {sum(per_unit):.1f} s "
        f"(build {build_total:.1f} s; "
        + ", ".join(f"{f} {s:.1f} s" for f, s in per_format.items())
        + ")"
    )
    print(f"  per unit: median {statistics.median(per_unit):.2f} s, max {max(per_unit):.2f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, default=50)
    parser.add_argument("--leaves", type=int, default=15_000)
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--skip-province", action="store_true")
    args = parser.parse_args(argv)
    formats = [f for f in args.formats.split(",") if f]
    if not set(formats) <= set(FORMATS):
        parser.error(f"--formats: choose from {', '.join(FORMATS)}")

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
    print(f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}, SQLite in {folder}")
    demo_unit()
    if not args.skip_province:
        province(args.units, args.leaves, formats)
    Path(folder, "bench.sqlite3").unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
