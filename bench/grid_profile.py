"""Benchmark: the server time of one realisation grid page, for the largest unit of a small
synthetic province, through Django's test client (no HTTP, no concurrency).

It generates a province with ``bench.province.generate`` into a temporary SQLite file (or
uses ``--database-url``, a throw-away PostgreSQL database named ``kinerja_bench*``), gives
the largest unit an operator, evidence rows on every tenth leaf and the narrative and
obstacles of every fifth, then requests the grid of June ``--repeat`` times (after two
warm-up requests) and prints the median and p95 of the time per request and the number of
queries of one request, and the median CPU time of this process per request (less
sensitive to other work on the machine). ``--profile N`` prints the top N functions of a cProfile of
``--repeat`` requests. ``--month`` picks another month, ``--editable/--readonly`` whether the
month is a draft (inputs and upload controls) or verified (read only).

    .venv/bin/python bench/grid_profile.py [--units 3] [--leaves 900] [--repeat 30]
        [--profile 25] [--database-url URL]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.province import YEAR, generate, pg_create, pg_database_exists, pg_drop  # noqa: E402


def percentile(values: list[float], q: float) -> float:
    """The nearest-rank percentile (``q`` in 0–100)."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * q // 100))
    return ordered[int(rank) - 1]


def setup_data(readonly: bool, month: int):
    """The largest plan, with an operator, some evidence and texts; returns (user, url,
    number of leaves)."""
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.db.models import Count

    from kinerja.org.models import Membership
    from kinerja.plans.models import IndicatorRealisation, Plan, PlanNode
    from kinerja.realisation.models import Evidence, MonthStatus

    plan = (
        Plan.objects.filter(year=YEAR)
        .annotate(n=Count("nodes"))
        .select_related("unit__government")
        .order_by("-n", "id")
        .first()
    )
    leaves = list(
        PlanNode.objects.filter(plan=plan, children__isnull=True).order_by("position", "code")
    )
    with transaction.atomic():
        user = get_user_model().objects.create_user("grid-bench-operator")
        Membership.objects.create(
            user=user, government=plan.unit.government, unit=plan.unit, role="operator"
        )
        state = MonthStatus.State.VERIFIED if readonly else MonthStatus.State.DRAFT
        MonthStatus.objects.update_or_create(plan=plan, month=month, defaults={"state": state})
        Evidence.objects.bulk_create(
            Evidence(
                node=leaf,
                month=month,
                name=f"kuitansi-{leaf.code}.pdf",
                kind="pdf",
                size=123_456,
                sha256="0" * 64,
                uploaded_by=user,
            )
            for leaf in leaves[::10]
        )
        for real in IndicatorRealisation.objects.filter(
            indicator__node__in=leaves[::5], month=month, indicator__position=0
        ):
            real.narrative = "Pengadaan selesai & diserahterimakan <tahap 1>"
            real.obstacles = "Cuaca"
            real.save(update_fields=["narrative", "obstacles"])
    url = f"/unit/{plan.unit.slug}/{plan.year}/realisasi/{month}/"
    return user, url, len(leaves)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, default=3)
    parser.add_argument("--leaves", type=int, default=900)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--month", type=int, default=6)
    parser.add_argument("--readonly", action="store_true", help="a verified (read-only) month")
    parser.add_argument("--profile", type=int, default=0, metavar="N")
    parser.add_argument("--database-url", default=None, help="a kinerja_bench* PostgreSQL db")
    args = parser.parse_args(argv)

    tmp = tempfile.TemporaryDirectory(prefix="kinerja-grid-")
    pg = None
    if args.database_url:
        name = urlsplit(args.database_url).path.lstrip("/")
        if not name.startswith("kinerja_bench"):
            raise SystemExit("only a database named kinerja_bench* is created and dropped")
        if pg_database_exists(args.database_url, name):
            pg_drop(args.database_url, name)
        pg_create(args.database_url, name)
        pg = (args.database_url, name)
        os.environ["DATABASE_URL"] = args.database_url
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp.name}/grid.sqlite3"
    os.environ["KINERJA_EVIDENCE_DIR"] = f"{tmp.name}/evidence"
    os.environ.setdefault("DEBUG", "1")  # development SECRET_KEY; query logging off below
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinerja.settings")
    import django

    warnings.filterwarnings("ignore", message="No directory at")  # whitenoise, no collectstatic

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    try:
        call_command("migrate", verbosity=0)
        t0 = time.perf_counter()
        counts = generate(args.units, args.leaves)
        print(f"generated {counts} in {time.perf_counter() - t0:.1f} s")
        user, url, n_leaves = setup_data(args.readonly, args.month)
        settings.DEBUG = False
        settings.ALLOWED_HOSTS = ["testserver"]
        settings.SECURE_SSL_REDIRECT = False
        client = Client()
        client.force_login(user)
        for _ in range(2):
            response = client.get(url)
            if response.status_code != 200:
                raise SystemExit(f"{url}: HTTP {response.status_code}")
        reset_queries()  # the set-up's log; each request starts by clearing it
        with CaptureQueriesContext(connection) as queries:
            size = len(client.get(url).content)
        n_queries = len(queries)  # read now: the next request clears the log it slices
        times, cpu = [], []
        for _ in range(args.repeat):
            t0, c0 = time.perf_counter(), time.process_time()
            client.get(url)
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
        load = os.getloadavg()[0]
        print(
            f"grid {url} ({n_leaves} leaves, {'verified' if args.readonly else 'draft'}, "
            f"{size // 1024} KB): median {statistics.median(times) * 1000:.1f} ms, "
            f"p95 {percentile(times, 95) * 1000:.1f} ms, min {min(times) * 1000:.1f} ms, "
            f"CPU median {statistics.median(cpu) * 1000:.1f} ms, "
            f"{n_queries} queries, {args.repeat} requests, load average {load:.1f}"
        )
        if args.profile:
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(args.repeat):
                client.get(url)
            profiler.disable()
            out = io.StringIO()
            stats = pstats.Stats(profiler, stream=out).sort_stats("cumulative")
            stats.print_stats(args.profile)
            stats.sort_stats("tottime").print_stats(args.profile)
            print(out.getvalue())
    finally:
        connection.close()
        if pg:
            pg_drop(*pg)
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
