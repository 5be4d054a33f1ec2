"""Computed pages kept per process: reused only for equal inputs (unit page) or an unchanged
audit trail within the TTL (government dashboard); never a figure the data does not give."""

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


def test_dashboard_recomputes_after_the_ttl(kabupaten, monkeypatch):
    first, _ = _page(kabupaten, DASHBOARD)
    entry = MonthlyEntry.objects.filter(node__plan__unit__slug="dinas-2", month=1).first()
    entry.realisasi_keuangan = Decimal("7000000")
    entry.save()
    assert _page(kabupaten, DASHBOARD)[0] == first
    later = time.monotonic() + dashboard.TTL
    monkeypatch.setattr("kinerja.web.memo.time.monotonic", lambda: later)
    assert _page(kabupaten, DASHBOARD)[0] != first


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
