"""Computed pages kept per process: reused only for equal inputs (unit page) or an unchanged
audit trail within the TTL (government dashboard); never a figure the data does not give."""

import threading
import time
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.plans.models import MonthlyEntry
from kinerja.web import dashboard
from kinerja.web.memo import Memo, TimedMemo

from .builders import YEAR, admin_of, make_government


def test_memo_gives_back_only_for_equal_inputs_and_forgets_the_oldest():
    memo = Memo(size=2)
    memo.put("a", (1, "x"), "A")
    assert memo.get("a", (1, "x")) == "A"
    assert memo.get("a", (2, "x")) is None
    assert memo.get("b", (1, "x")) is None
    memo.put("b", 1, "B")
    memo.get("a", (1, "x"))  # a is now the most recently used
    memo.put("c", 1, "C")
    assert memo.get("b", 1) is None and memo.get("a", (1, "x")) == "A" and len(memo) == 2


@pytest.mark.parametrize(("draw", "kept_until"), [(0.5, 130.0), (1.0, 160.0)])
def test_timed_memo_forgets_between_half_its_ttl_and_its_ttl(monkeypatch, draw, kept_until):
    now = [100.0]
    monkeypatch.setattr("kinerja.web.memo.time.monotonic", lambda: now[0])
    monkeypatch.setattr("kinerja.web.memo.random.uniform", lambda low, high: draw)
    memo = TimedMemo(size=4, ttl=60)
    memo.put("a", 1, "A")
    now[0] = kept_until - 0.1
    assert memo.get("a", 1) == "A"
    now[0] = kept_until
    assert memo.get("a", 1) is None


def test_timed_memo_lookup_gives_an_expired_value_marked_and_never_other_inputs(monkeypatch):
    now = [100.0]
    monkeypatch.setattr("kinerja.web.memo.time.monotonic", lambda: now[0])
    memo = TimedMemo(size=4, ttl=60)
    memo.put("a", 1, "A")
    assert memo.lookup("a", 1) == ("A", False)
    assert memo.lookup("a", 2) == (None, False) and memo.lookup("b", 1) == (None, False)
    now[0] = 161.0
    assert memo.lookup("a", 1) == ("A", True) and memo.get("a", 1) is None
    assert memo.lookup("a", 2) == (None, False)


def test_concurrent_refreshes_of_a_key_start_one_thread(settings, monkeypatch):
    """Stale value while the refresh runs, the new one after; one refresh per key."""
    settings.KINERJA_MEMO_REFRESH_IN_BACKGROUND = True
    closed = []
    monkeypatch.setattr(
        "kinerja.web.memo.close_connection", lambda: closed.append(threading.current_thread())
    )
    memo = TimedMemo(size=4, ttl=0)  # every entry expired at once
    memo.put("a", 1, "old")
    release, calls = threading.Event(), []

    def compute(keys):
        calls.append(list(keys))
        assert release.wait(10)
        for key in keys:
            memo.put(key, 1, "new")

    readers = 8
    together = threading.Barrier(readers)
    started = []

    def reader():
        together.wait()
        started.append(memo.refresh(["a"], compute))

    threads = [threading.Thread(target=reader) for _ in range(readers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    refreshes = [t for t in started if t is not None]
    assert len(started) == readers and len(refreshes) == 1 and calls == [["a"]]
    assert memo.lookup("a", 1) == ("old", True) and memo.refreshing("a")
    # a key already being refreshed is left out of another refresh
    other = memo.refresh(["a", "b"], lambda keys: calls.append(list(keys)))
    other.join(10)
    assert calls == [["a"], ["b"]]
    release.set()
    refreshes[0].join(10)
    assert memo.lookup("a", 1) == ("new", True)  # ttl 0: expired again at once
    assert not memo.refreshing("a") and set(closed) == {refreshes[0], other}


def test_a_failed_background_refresh_is_logged_and_can_start_again(settings, monkeypatch, caplog):
    settings.KINERJA_MEMO_REFRESH_IN_BACKGROUND = True
    monkeypatch.setattr("kinerja.web.memo.close_connection", lambda: None)
    memo = TimedMemo(size=4, ttl=0)

    def broken(keys):
        raise RuntimeError("database gone")

    memo.refresh(["a"], broken).join(10)
    assert "refreshing 1 kept page parts failed" in caplog.text
    assert not memo.refreshing("a")
    memo.refresh(["a"], lambda keys: memo.put("a", 1, "A")).join(10)
    assert memo.lookup("a", 1) == ("A", True)


def test_a_refresh_runs_in_the_caller_when_not_in_background(settings):
    settings.KINERJA_MEMO_REFRESH_IN_BACKGROUND = False
    memo = TimedMemo(size=4, ttl=60)
    caller = threading.current_thread()
    ran = []
    assert memo.refresh(["a"], lambda keys: ran.append(threading.current_thread())) is None
    assert ran == [caller] and not memo.refreshing("a")
    with pytest.raises(RuntimeError):  # raised, not logged, here
        memo.refresh(["a"], lambda keys: (_ for _ in ()).throw(RuntimeError("x")))
    assert not memo.refreshing("a")


def _page(client, path):
    """The page's main part (without the header's changing CSRF tokens) and its queries."""
    with CaptureQueriesContext(connection) as queries:
        html = client.get(path).content.decode()
    return html.split("<main>", 1)[1], len(queries)


@pytest.fixture
def kabupaten(db, django_user_model):
    gov = make_government("96.01", ["1.01", "1.02"], leaves=2)
    client = Client()
    client.force_login(admin_of(gov, django_user_model, "adm-96"))
    return client


DASHBOARD = reverse("dashboard", args=[YEAR])


def test_dashboard_reuses_figures_until_the_audit_trail_changes(kabupaten):
    from kinerja.audit.services import record

    first, cold = _page(kabupaten, DASHBOARD)
    again, warm = _page(kabupaten, DASHBOARD)
    assert again == first and warm == cold - 5  # the plans' trees were not loaded again
    entry = MonthlyEntry.objects.filter(node__plan__unit__slug="dinas-1", month=3).first()
    entry.realisasi_keuangan = Decimal("5010000")
    entry.save()
    # a change outside the application: not seen before the TTL ...
    assert _page(kabupaten, DASHBOARD)[0] == first
    # ... a change through the application is seen at once (it is in the audit trail)
    record(user=None, action="realisation.update", unit=entry.node.plan.unit, obj=entry)
    changed, queries = _page(kabupaten, DASHBOARD)
    assert changed != first and queries == cold
    assert "5.240.000" in changed  # 5 010 000 + 23 other months of its two leaves × 10 000


def _expire(monkeypatch, memo_module_seconds: float) -> None:
    later = time.monotonic() + memo_module_seconds
    monkeypatch.setattr("kinerja.web.memo.time.monotonic", lambda: later)


def test_dashboard_shows_expired_figures_and_refreshes_them(kabupaten, monkeypatch):
    first, cold = _page(kabupaten, DASHBOARD)
    entry = MonthlyEntry.objects.filter(node__plan__unit__slug="dinas-2", month=1).first()
    entry.realisasi_keuangan = Decimal("7000000")
    entry.save()  # outside the application
    assert _page(kabupaten, DASHBOARD)[0] == first
    _expire(monkeypatch, dashboard.TTL)
    # expired: this request still shows the kept figures; the refresh (here run after the
    # request took them, in the tests) computes the two plans again ...
    stale, queries = _page(kabupaten, DASHBOARD)
    assert stale == first and queries == cold + 1  # the plans read again by the refresh
    # ... and the next request shows what it computed, from memory
    refreshed, warm = _page(kabupaten, DASHBOARD)
    assert "7.460.000" in refreshed and warm == cold - 5  # 7 000 000 + 23 months × 20 000


def test_an_expired_figure_still_follows_the_audit_trail_at_once(kabupaten, monkeypatch):
    from kinerja.audit.services import record

    first, cold = _page(kabupaten, DASHBOARD)
    _expire(monkeypatch, dashboard.TTL)
    entry = MonthlyEntry.objects.filter(node__plan__unit__slug="dinas-1", month=3).first()
    entry.realisasi_keuangan = Decimal("5010000")
    entry.save()
    record(user=None, action="realisation.update", unit=entry.node.plan.unit, obj=entry)
    started = []
    monkeypatch.setattr(dashboard.ROOTS, "refresh", lambda keys, compute: started.append(keys))
    changed, _ = _page(kabupaten, DASHBOARD)
    # dinas-1 was computed in the request (its audit entry changed); only dinas-2, unchanged
    # but expired, is left to the refresh
    assert "5.240.000" in changed and changed != first
    plans = dashboard.Plan.objects.filter(unit__government__code="96.01", year=YEAR)
    dinas = dict(plans.values_list("unit__slug", "id"))
    assert started == [[dinas["dinas-2"]]]


@pytest.fixture
def in_background(settings, monkeypatch):
    """Refreshes in threads, as in production; the threads' connections are not closed
    (these tests' refreshes make no query) but counted."""
    settings.KINERJA_MEMO_REFRESH_IN_BACKGROUND = True
    closed = []
    monkeypatch.setattr(
        "kinerja.web.memo.close_connection", lambda: closed.append(threading.current_thread())
    )
    return closed


def test_expired_dashboard_answers_at_once_and_starts_one_refresh(
    kabupaten, monkeypatch, in_background
):
    first, _ = _page(kabupaten, DASHBOARD)
    _expire(monkeypatch, dashboard.TTL)
    release, started = threading.Event(), []

    def slow_refresh(plan_ids):
        started.append((threading.current_thread(), sorted(plan_ids)))
        assert release.wait(10)

    monkeypatch.setattr(dashboard, "_refresh", slow_refresh)
    threads = []
    spawn = dashboard.ROOTS.refresh
    monkeypatch.setattr(
        dashboard.ROOTS, "refresh", lambda *a: threads.append(spawn(*a)) or threads[-1]
    )
    # two requests while the refresh is running: both get the kept page at once
    assert _page(kabupaten, DASHBOARD)[0] == first
    assert _page(kabupaten, DASHBOARD)[0] == first
    release.set()
    assert threads[0] is not None and threads[1:] == [None]  # one thread for both
    threads[0].join(10)
    assert not threads[0].is_alive()
    plan_ids = sorted(dashboard.ROOTS._entries)
    assert started == [(threads[0], plan_ids)] and in_background == [threads[0]]
    assert not any(dashboard.ROOTS.refreshing(plan_id) for plan_id in plan_ids)


def test_unit_page_follows_the_audit_trail_and_checks_the_data_after_the_ttl(
    kabupaten, monkeypatch
):
    from kinerja.audit.services import record
    from kinerja.web import views

    computed = []
    compute_plan = views.compute_plan
    monkeypatch.setattr(
        views, "compute_plan", lambda *a, **k: computed.append(1) or compute_plan(*a, **k)
    )
    page = reverse("unit-year", args=["dinas-1", YEAR])
    first, cold = _page(kabupaten, page)
    again, warm = _page(kabupaten, page)
    assert again == first and warm == cold - 5 and len(computed) == 1
    entry = MonthlyEntry.objects.filter(node__plan__unit__slug="dinas-1", month=3).first()
    entry.realisasi_keuangan = Decimal("5010000")
    entry.save()
    # a change outside the application: not seen before the TTL ...
    assert _page(kabupaten, page)[0] == first
    # ... a change through the application is seen at once
    record(user=None, action="realisation.update", unit=entry.node.plan.unit, obj=entry)
    changed, queries = _page(kabupaten, page)
    assert changed != first and "Rp5.240.000" in changed and queries == cold
    assert len(computed) == 2
    # after the TTL the data are loaded and compared again: computed only when they differ
    now = [time.monotonic() + views.TTL]
    monkeypatch.setattr("kinerja.web.views.time.monotonic", lambda: now[0])
    assert _page(kabupaten, page) == (changed, cold) and len(computed) == 2
    entry.realisasi_keuangan = Decimal("10000")
    entry.save()
    now[0] += views.TTL
    assert _page(kabupaten, page)[0] == first and len(computed) == 3
