"""Benchmark: the whole-province dashboard while its kept figures expire, with the expired
figures computed in the request that finds them or in a background thread.

A smaller measurement than ``bench/http_latency.py`` (no gunicorn, no HTTP, one process):
for when the machine is too busy for that one. What it does (figures in bench/README.md):

1. builds (or reuses) the synthetic province of ``bench/province.py`` in a throw-away
   PostgreSQL database (``kinerja_bench_dash``), with the accounts of
   ``bench/http_latency.py``;
2. for each way of refreshing (``kept``: nothing expires, the floor; ``request``: the
   request that finds expired figures computes them before it is answered, as before the
   background refresh, except that a plan another request is computing is not computed
   twice; ``background``: it is answered with them and a thread computes them), in this
   process: forgets the kept figures, shortens the dashboard's TTL to ``--ttl`` seconds
   (600 s in production: so that a short run sees as many expiries as a long one), computes
   the dashboard once and spreads the expiries of its figures over one TTL (as in a server
   running for a while), then ``--threads`` threads (those of one gunicorn worker process)
   request the whole-province dashboard through Django's test client for ``--duration``
   seconds, waiting ``--think`` seconds on average between two requests; ``--rounds``
   times, the ways in turn, so that they share the load of the machine;
3. prints per way: requests, p50, p95, max, the plans computed again, and the lowest and
   highest load average seen at the start and end of its rounds.

    .venv/bin/python bench/dashboard_refresh.py [--ttl 60] [--duration 40] [--rounds 3]
        [--threads 4] [--think 2] [--modes kept,request,background] [--units 50]
        [--leaves 15000] [--reuse] [--keep]

With the defaults about 1 plan expires per second and about 2 requests are made per
second: about the ratio of a server with the production TTL (50 plans expiring within
300–600 s) and a few users reading the whole province.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.http_latency import percentile, prepare  # noqa: E402
from bench.province import YEAR, pg_drop_throwaway  # noqa: E402

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/kinerja_bench_dash"
SEED = 20261128


def get_user(username: str):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=username)


def run(mode: str, username: str, args) -> dict:
    from django.conf import settings
    from django.db import connection
    from django.test import Client

    from kinerja.web import dashboard

    settings.KINERJA_MEMO_REFRESH_IN_BACKGROUND = mode == "background"
    dashboard.ROOTS.clear()
    dashboard.ROOTS.ttl = args.ttl if mode != "kept" else 10**9
    computed = []
    compute = dashboard._compute
    dashboard._compute = lambda plans: computed.append(len(plans)) or compute(plans)
    user = get_user(username)
    path = f"/dasbor/{YEAR}/"
    first = Client()
    first.force_login(user)
    t0 = time.perf_counter()
    assert first.get(path).status_code == 200
    cold = time.perf_counter() - t0
    if mode != "kept":
        # as in a server running for a while: the entries expire spread over one TTL
        # rather than all 0,5 to 1 TTL after the first request
        now = time.monotonic()
        with dashboard.ROOTS._lock:
            for key, (inputs, value, _until) in list(dashboard.ROOTS._entries.items()):
                dashboard.ROOTS._entries[key] = (inputs, value, now + random.uniform(0, args.ttl))
    computed.clear()
    load_before = os.getloadavg()
    stop_at = time.monotonic() + args.duration
    latencies: list[float] = []
    errors = []

    def reader(seed: int) -> None:
        rng = random.Random(seed)
        client = Client()
        client.force_login(user)
        try:
            while time.monotonic() < stop_at:
                t0 = time.perf_counter()
                status = client.get(path).status_code
                latencies.append(time.perf_counter() - t0)
                if status != 200:
                    errors.append(status)
                time.sleep(rng.expovariate(1 / args.think) if args.think else 0)
        finally:
            connection.close()

    threads = [threading.Thread(target=reader, args=(SEED + i,)) for i in range(args.threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    while any(dashboard.ROOTS.refreshing(key) for key in list(dashboard.ROOTS._entries)):
        time.sleep(0.1)  # a refresh still running
    dashboard._compute = compute
    return {
        "cold": cold,
        "latencies": latencies,
        "errors": len(errors),
        "computed": sum(computed),
        "load": (load_before[0], os.getloadavg()[0]),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--units", type=int, default=50)
    parser.add_argument("--leaves", type=int, default=15_000)
    parser.add_argument("--ttl", type=float, default=60, help="the dashboard's TTL, seconds")
    parser.add_argument(
        "--duration", type=float, default=40, help="measured seconds per way and round"
    )
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--think", type=float, default=2, help="mean seconds between requests")
    parser.add_argument(
        "--modes",
        type=lambda text: [m for m in text.split(",") if m],
        default=["kept", "request", "background"],
        help="kept (nothing expires: the floor), request, background",
    )
    parser.add_argument("--reuse", action="store_true", help="use the province already there")
    parser.add_argument("--keep", action="store_true", help="keep the database at the end")
    args = parser.parse_args(argv)
    if not args.modes or set(args.modes) - {"kept", "request", "background"}:
        parser.error("--modes: a comma-separated choice of kept, request, background")
    url = args.database_url
    print(f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}, database {url}")
    t0 = time.perf_counter()
    accounts, _slugs = prepare(url, args.units, args.leaves, 10, args.reuse)
    print(f"set-up {time.perf_counter() - t0:.1f} s")
    from django.conf import settings

    settings.DEBUG = False  # no query log
    settings.ALLOWED_HOSTS = ["testserver"]
    wide = next(u for u in accounts if u[2] is None)[0]
    from django.test import Client

    warm = Client()  # imports and templates: not counted
    warm.force_login(get_user(wide))
    warm.get(f"/dasbor/{YEAR}/")
    try:
        print(
            f"whole-province dashboard ({args.units} units), {args.threads} threads, think "
            f"{args.think:g} s, TTL {args.ttl:g} s (entries expire after {args.ttl / 2:g}–"
            f"{args.ttl:g} s), {args.rounds} rounds of {args.duration:g} s per way"
        )
        print(
            f"{'refresh in':12} {'first':>7} {'requests':>8} {'p50':>7} {'p95':>7} "
            f"{'max':>7} {'recomputed':>10}  load average"
        )
        results: dict[str, list[dict]] = {mode: [] for mode in args.modes}
        for _round in range(args.rounds):  # the ways in turn, so that they share the load
            for mode in args.modes:
                results[mode].append(run(mode, wide, args))
        for mode, runs in results.items():
            latencies = [x for r in runs for x in r["latencies"]]
            loads = [x for r in runs for x in r["load"]]
            errors = sum(r["errors"] for r in runs)
            print(
                f"{mode:12} {statistics.median(r['cold'] for r in runs) * 1000:5.0f}ms "
                f"{len(latencies):8d} {statistics.median(latencies) * 1000:5.0f}ms "
                f"{percentile(latencies, 95) * 1000:5.0f}ms {max(latencies) * 1000:5.0f}ms "
                f"{sum(r['computed'] for r in runs):10d}  {min(loads):.1f}–{max(loads):.1f}"
                + (f"  ({errors} errors)" if errors else "")
            )
    finally:
        if not args.keep:
            pg_drop_throwaway(url)
    return 0


if __name__ == "__main__":
    sys.exit(main())
