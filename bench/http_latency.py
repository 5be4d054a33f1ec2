"""Benchmark: latency of the busiest pages under 50 concurrent users, served by gunicorn.

What it does (figures in bench/README.md):

1. builds the synthetic province of ``bench/province.py`` (``province.generate``: 50 units,
   15 000 sub kegiatan, 180 000 monthly rows) in a throw-away PostgreSQL database
   (``kinerja_bench_http``), gives each unit its urusan/bidang, marks the first months of
   each unit as verified, and creates one account per simulated user: operators and heads
   of a unit each, and a few admins and inspectors who read the whole province;
2. times each page alone, in this process through Django's test client: the first request
   (nothing kept yet) and the following ones; the cost of a request without any waiting;
3. starts gunicorn (``kinerja.wsgi``) with production settings (DEBUG off, plain HTTP),
   the application preloaded, ``--workers`` processes (default 2, one per core of this
   2-core machine: the work is CPU-bound) of ``--threads`` threads each (default 8, which
   cover the database waits and share each process's memory of computed pages; 1 gives
   gunicorn's sync workers);
4. logs every simulated user in through the login form, and requests every page of every
   unit through several connections, so that each worker process has computed each page
   once (``--no-prime`` skips this: the warm-up then shows what first views cost);
5. for ``--warmup`` seconds (not counted) and ``--duration`` seconds (counted) each user, in
   its own thread with its own cookies and a plain ``http.client`` connection, requests in
   turn the realisation grid of a month, the unit page and the government dashboard,
   waiting ``--think`` seconds on average between two requests (exponentially
   distributed; 0: back to back);
6. prints per page the number of requests, errors, p50, p95 and max latency, and the
   request rate, for the warm-up and for the measured part; a user who reads the whole
   province sees a dashboard of 50 units, an operator or head a dashboard of one, so the
   two are reported apart.

The client runs on the same 2 cores as the server and the database: its own work (threads,
reading the pages) is part of what is measured.

    .venv/bin/python bench/http_latency.py [--users 50] [--duration 60] [--think 1]
        [--warmup 60] [--workers 2] [--threads 8] [--no-prime] [--pages grid,unit,dashboard]
        [--units 50]
        [--leaves 15000] [--reuse] [--keep] [--port 8089]

``--users 0`` stops after step 2.
"""

from __future__ import annotations

import argparse
import http.client
import math
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.province import (  # noqa: E402
    GOV_CODE,
    YEAR,
    generate,
    pg_create,
    pg_database_exists,
    pg_drop,
    pg_drop_throwaway,
)

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/kinerja_bench_http"
PASSWORD = "Bench-Sandi-2025"
GRID_MONTH = 6
VERIFIED_MONTHS = 5
SEED = 20261128
# the names of the bidang of bench/province.py's units (Permendagri 90 bidang urusan)
URUSAN_NAMES = {
    "1.01": "Pendidikan",
    "1.02": "Kesehatan",
    "1.03": "Pekerjaan Umum dan Penataan Ruang",
    "1.04": "Perumahan Rakyat dan Kawasan Permukiman",
    "1.05": "Ketenteraman dan Ketertiban Umum serta Perlindungan Masyarakat",
    "1.06": "Sosial",
    "4.01": "Sekretariat Daerah",
    "4.02": "Sekretariat DPRD",
}


# --- set-up (in this process) ----------------------------------------------------------


def prepare(
    url: str, units: int, leaves: int, users: int, reuse: bool
) -> tuple[list[tuple], list[str]]:
    """Create (or reuse) the province and the accounts; returns the simulated users as
    (username, role, unit slug or None), and the slugs of the units."""
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    exists = pg_database_exists(url, name)
    if exists and not reuse:
        if not name.startswith("kinerja_bench"):
            raise SystemExit(f"database {name} exists; only kinerja_bench* is replaced")
        pg_drop(url, name)
        exists = False
    if not exists:
        pg_create(url, name)

    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DEBUG", "1")  # development SECRET_KEY for the set-up; not the server
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinerja.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command
    from django.db import connection, transaction

    from kinerja.org.models import Government, Membership, OrgUnit, Urusan
    from kinerja.plans.models import Plan
    from kinerja.realisation.models import MonthStatus

    call_command("migrate", verbosity=0)
    gov = Government.objects.filter(code=GOV_CODE).first()
    if gov is None:
        t0 = time.perf_counter()
        counts = generate(units, leaves)
        print(f"generated {counts} in {time.perf_counter() - t0:.1f} s")
        gov = Government.objects.get(code=GOV_CODE)
    with transaction.atomic():
        for unit in OrgUnit.objects.filter(government=gov).order_by("slug"):
            if unit.urusan_id is None and unit.code:
                urusan, _ = Urusan.objects.get_or_create(
                    code=unit.code,
                    defaults={"name": URUSAN_NAMES.get(unit.code, f"Bidang {unit.code}")},
                )
                unit.urusan = urusan
                unit.save(update_fields=["urusan"])
        for plan in Plan.objects.filter(unit__government=gov, year=YEAR):
            for month in range(1, VERIFIED_MONTHS + 1):
                MonthStatus.objects.update_or_create(
                    plan=plan, month=month, defaults={"state": MonthStatus.State.VERIFIED}
                )
        slugs = list(
            OrgUnit.objects.filter(government=gov).order_by("slug").values_list("slug", flat=True)
        )
        by_slug = {u.slug: u for u in OrgUnit.objects.filter(government=gov)}
        simulated = []
        hashed = make_password(PASSWORD)
        User = get_user_model()
        for i in range(users):
            role = _role(i, users)
            username = f"bench-{role}-{i:03d}"
            unit = None if role in ("admin", "inspectorate") else slugs[i % len(slugs)]
            user, _ = User.objects.get_or_create(username=username)
            user.password = hashed
            user.save(update_fields=["password"])
            Membership.objects.get_or_create(
                user=user, government=gov, unit=by_slug.get(unit), role=role
            )
            simulated.append((username, role, unit))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    connection.close()
    return simulated, slugs


def _role(i: int, users: int) -> str:
    """Most users work on one unit; about one in ten reads the whole province."""
    wide = max(1, users // 10)
    if i < wide // 2 or (wide == 1 and i == 0):
        return "admin"
    if i < wide:
        return "inspectorate"
    return "operator" if i % 5 else "head"


# --- one request at a time, in this process ----------------------------------------------


def service_times(simulated, slugs, samples: int = 5) -> None:
    """Each page requested alone through Django's test client (no HTTP, no concurrency):
    the first time (nothing kept yet) and again (median of ``samples``), for a few units."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    from kinerja.web import dashboard, views

    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["testserver"]
    users = get_user_model().objects
    operator = next(u for u in simulated if u[1] == "operator")
    wide = next(u for u in simulated if u[2] is None)
    pages = []
    for unit in slugs[: min(len(slugs), samples)]:  # the admin reads every unit
        pages += [
            ("grid", wide[0], f"/unit/{unit}/{YEAR}/realisasi/{GRID_MONTH}/"),
            ("unit page", wide[0], f"/unit/{unit}/{YEAR}/"),
        ]
    pages += [
        ("dashboard, one unit", operator[0], f"/dasbor/{YEAR}/"),
        ("dashboard, whole province", wide[0], f"/dasbor/{YEAR}/"),
    ]
    clients = {}
    for username in {operator[0], wide[0]}:
        clients[username] = Client()
        clients[username].force_login(users.get(username=username))
    clients[wide[0]].get(pages[1][2])  # imports, fonts: not counted
    dashboard.ROOTS.clear()
    views.UNIT_BODIES.clear()
    first: dict[str, list[float]] = {}
    again: dict[str, list[float]] = {}
    for page, username, path in pages:
        client = clients[username]
        for attempt in range(samples + 1):
            t0 = time.perf_counter()
            status = client.get(path).status_code
            (again if attempt else first).setdefault(page, []).append(time.perf_counter() - t0)
            if status != 200:
                raise SystemExit(f"{path}: HTTP {status}")
    print(f"{'one request at a time':28} {'first':>8} {'again':>8}  (medians, in this process)")
    for page in first:
        print(
            f"{page:28} {statistics.median(first[page]) * 1000:6.0f}ms "
            f"{statistics.median(again[page]) * 1000:6.0f}ms"
        )


# --- the server ------------------------------------------------------------------------


def start_gunicorn(
    url: str, port: int, workers: int, threads: int, var_dir: str
) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DEBUG": "0",
        "SECRET_KEY": "bench-http-latency-not-a-real-secret-0123456789abcdefghij",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "SECURE_HSTS_SECONDS": "0",
        "KINERJA_VAR_DIR": var_dir,
    }
    gunicorn = Path(sys.executable).with_name("gunicorn")
    command = [
        str(gunicorn),
        "kinerja.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--timeout",
        "120",
        "--preload",  # the application is imported once, before the workers are forked
        "--log-level",
        "warning",
    ]
    if threads > 1:
        command += ["--worker-class", "gthread", "--threads", str(threads)]
    server = subprocess.Popen(command, cwd=REPO, env=env, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/masuk/")
            if conn.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.3)
    stop(server)
    raise SystemExit("gunicorn did not answer within 60 s")


def stop(server: subprocess.Popen) -> None:
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)


# --- the simulated users ----------------------------------------------------------------

COOKIE = re.compile(r"^\s*([^=;]+)=([^;]*)")
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Browser:
    """One user's cookies over one keep-alive connection (reopened when the server closes
    it)."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)

    def request(self, method: str, path: str, body: str | None = None) -> tuple[int, bytes]:
        headers = {"Host": "127.0.0.1", "Accept-Language": "id"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://127.0.0.1:{self.port}{path}"
        for attempt in (1, 2):
            try:
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                content = response.read()
                break
            except (OSError, http.client.HTTPException) as exc:
                # a closed keep-alive connection is retried once; a timeout is not
                self.conn.close()
                if attempt == 2 or isinstance(exc, TimeoutError):
                    raise
        for header in response.headers.get_all("Set-Cookie") or []:
            match = COOKIE.match(header)
            if match:
                self.cookies[match.group(1)] = match.group(2)
        if response.headers.get("Connection", "").lower() == "close":
            self.conn.close()
        return response.status, content

    def login(self, username: str) -> None:
        status, page = self.request("GET", "/masuk/")
        token = CSRF_INPUT.search(page.decode()).group(1)
        form = urlencode(
            {"csrfmiddlewaretoken": token, "username": username, "password": PASSWORD}
        )
        status, _ = self.request("POST", "/masuk/", form)
        if status != 302:
            raise SystemExit(f"login of {username} failed: HTTP {status}")


@dataclass
class Sample:
    page: str
    seconds: float
    ok: bool
    status: int = 200
    warmup: bool = False


@dataclass
class User:
    username: str
    role: str
    unit: str | None
    browser: Browser
    samples: list[Sample] = field(default_factory=list)

    def pages(self, slugs: list[str], rng: random.Random, kinds) -> list[tuple[str, str]]:
        unit = self.unit or rng.choice(slugs)
        wide = self.unit is None
        pages = {
            "grid": ("grid", f"/unit/{unit}/{YEAR}/realisasi/{GRID_MONTH}/"),
            "unit": ("unit page", f"/unit/{unit}/{YEAR}/"),
            "dashboard": (
                "dashboard, whole province" if wide else "dashboard, one unit",
                f"/dasbor/{YEAR}/",
            ),
        }
        return [pages[kind] for kind in kinds]


def run_user(
    user: User, slugs, kinds, think: float, start: float, stop_at: float, seed: int
) -> None:
    rng = random.Random(seed)
    time.sleep(rng.random() * max(think, 0.2))  # do not all start at once
    while time.monotonic() < stop_at:
        for page, path in user.pages(slugs, rng, kinds):
            if time.monotonic() >= stop_at:
                return
            t0 = time.monotonic()
            try:
                status, _ = user.browser.request("GET", path)
            except (OSError, http.client.HTTPException):
                status = 0
            t1 = time.monotonic()
            user.samples.append(Sample(page, t1 - t0, status == 200, status, t0 < start))
            if think:
                time.sleep(rng.expovariate(1 / think))


def prime(port: int, username: str, slugs: list[str], args) -> None:
    """Each page of each unit requested through several connections of a user who reads the
    whole province, so that every worker process has computed every page once (a
    connection stays with the process that accepted it) before the users start."""
    browsers = []
    for _ in range(4 * args.workers):
        browser = Browser(port)
        browser.login(username)
        browsers.append(browser)
    paths = [f"/dasbor/{YEAR}/"] + [
        path
        for slug in slugs
        for path in (f"/unit/{slug}/{YEAR}/", f"/unit/{slug}/{YEAR}/realisasi/{GRID_MONTH}/")
    ]

    def walk(i: int) -> None:
        # each connection starts elsewhere in the list: the first views are spread
        offset = i * len(paths) // len(browsers)
        for path in paths[offset:] + paths[:offset]:
            browsers[i].request("GET", path)

    with ThreadPoolExecutor(max_workers=len(browsers)) as pool:
        list(pool.map(walk, range(len(browsers))))


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(0, math.ceil(q / 100 * len(ordered)) - 1)  # nearest rank
    return ordered[rank]


def report(samples: list[Sample], seconds: float) -> None:
    pages = sorted({s.page for s in samples}, key=lambda p: ["g", "u", "d"].index(p[0]))
    print(f"{'page':28} {'requests':>8} {'errors':>6} {'p50':>8} {'p95':>8} {'max':>8}")
    for page in [*pages, "all pages"]:
        mine = [s for s in samples if page in (s.page, "all pages")]
        times = [s.seconds * 1000 for s in mine if s.ok]
        errors = sum(1 for s in mine if not s.ok)
        print(
            f"{page:28} {len(mine):8d} {errors:6d} {percentile(times, 50):6.0f}ms "
            f"{percentile(times, 95):6.0f}ms {max(times, default=float('nan')):6.0f}ms"
        )
    print(f"request rate: {len(samples) / seconds:.1f} requests/s over {seconds:.0f} s")
    failed = sorted({s.status for s in samples if not s.ok})
    if failed:
        print(f"errors: HTTP status {', '.join(map(str, failed))} (0: no answer)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--units", type=int, default=50)
    parser.add_argument("--leaves", type=int, default=15_000)
    parser.add_argument(
        "--users", type=int, default=50, help="0: only the one-request-at-a-time figures"
    )
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument(
        "--threads", type=int, default=8, help="threads per worker (gthread when above 1)"
    )
    parser.add_argument("--duration", type=float, default=60, help="measured seconds")
    parser.add_argument("--warmup", type=float, default=60, help="seconds not counted")
    parser.add_argument("--think", type=float, default=1.0, help="mean seconds between requests")
    parser.add_argument("--port", type=int, default=8089)
    parser.add_argument(
        "--pages",
        type=lambda text: [p for p in text.split(",") if p],
        default=["grid", "unit", "dashboard"],
        help="which pages each user requests, in turn: grid,unit,dashboard",
    )
    parser.add_argument(
        "--no-prime",
        dest="prime",
        action="store_false",
        help="do not request every page in every process before the users start",
    )
    parser.add_argument("--reuse", action="store_true", help="use the province already there")
    parser.add_argument("--keep", action="store_true", help="keep the database at the end")
    args = parser.parse_args(argv)
    if not args.pages or set(args.pages) - {"grid", "unit", "dashboard"}:
        parser.error("--pages: a comma-separated choice of grid, unit, dashboard")

    url = args.database_url
    parts = urlsplit(url)
    if not parts.path.lstrip("/"):
        url = urlunsplit(parts._replace(path="/kinerja_bench_http"))
    print(f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}, database {url}")
    t0 = time.perf_counter()
    accounts, slugs = prepare(url, args.units, args.leaves, max(args.users, 10), args.reuse)
    print(f"set-up {time.perf_counter() - t0:.1f} s")
    service_times(accounts, slugs)
    simulated = accounts[: args.users]
    if not simulated:
        return 0
    server = None
    try:
        with tempfile.TemporaryDirectory(prefix="kinerja-http-") as var_dir:
            server = start_gunicorn(url, args.port, args.workers, args.threads, var_dir)
            kind = f"gthread ({args.threads} threads each)" if args.threads > 1 else "sync"
            print(f"gunicorn: {args.workers} {kind} workers on 127.0.0.1:{args.port}")
            t0 = time.perf_counter()

            def logged_in(who) -> User:
                username, role, unit = who
                browser = Browser(args.port)
                browser.login(username)
                return User(username, role, unit, browser)

            with ThreadPoolExecutor(max_workers=args.workers) as pool:
                users = list(pool.map(logged_in, simulated))
            print(f"{len(users)} users logged in ({time.perf_counter() - t0:.1f} s)")
            if args.prime:
                t0 = time.perf_counter()
                prime(args.port, next(u for u in accounts if u[2] is None)[0], slugs, args)
                print(f"primed every page in every process ({time.perf_counter() - t0:.1f} s)")
            start = time.monotonic() + args.warmup
            stop_at = start + args.duration
            threads = [
                threading.Thread(
                    target=run_user,
                    args=(u, slugs, args.pages, args.think, start, stop_at, SEED + i),
                )
                for i, u in enumerate(users)
            ]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            print(
                f"{args.users} users, think time {args.think:g} s on average, "
                f"{args.warmup:g} s warm-up, {args.duration:g} s measured"
            )
            samples = [s for u in users for s in u.samples]
            print("\nwarm-up (each process computes each page for the first time):")
            report([s for s in samples if s.warmup], args.warmup)
            measured = [s for s in samples if not s.warmup]
            print("\nmeasured:")
            report(measured, args.duration)
            worst = max(
                percentile([s.seconds for s in measured if s.page == page], 95)
                for page in {s.page for s in measured}
            )
            print(f"target p95 < 200 ms on every page: {'met' if worst < 0.2 else 'NOT met'}")
    finally:
        if server is not None:
            stop(server)
        if not args.keep:
            pg_drop_throwaway(url)
    return 0


if __name__ == "__main__":
    sys.exit(main())
