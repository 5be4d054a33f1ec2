"""The government's deadline: when a month is due, the automatic lock of verified months
after it (idempotent, audited as done by the system, also from the command line and when
the months page opens), the admin's page to set it, and the list of months overdue or
returned with a fixed number of queries."""

import datetime as dt
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse

from kinerja.audit.models import AuditEntry
from kinerja.org.models import Government, Membership, OrgUnit
from kinerja.plans.models import Plan
from kinerja.realisation import deadlines, selectors, services
from kinerja.realisation.models import MonthStatus, RealisationDeadline

State = MonthStatus.State
D = dt.date


@pytest.mark.parametrize(
    ("year", "month", "days", "due"),
    [
        (2021, 1, 10, D(2021, 2, 10)),
        (2021, 2, 10, D(2021, 3, 10)),
        (2020, 2, 10, D(2020, 3, 10)),  # leap year: 29 February is the month's end
        (2021, 2, 1, D(2021, 3, 1)),
        (2020, 2, 1, D(2020, 3, 1)),
        (2021, 12, 10, D(2022, 1, 10)),
        (2021, 1, 30, D(2021, 3, 2)),
        (2021, 4, 90, D(2021, 7, 29)),
    ],
)
def test_month_deadline(year, month, days, due):
    assert deadlines.month_deadline(year, month, days) == due


@pytest.mark.parametrize(
    ("today", "past", "late"),
    [
        (D(2021, 1, 31), False, 0),
        (D(2021, 2, 10), False, 0),  # the deadline day itself is on time
        (D(2021, 2, 11), True, 1),
        (D(2021, 3, 12), True, 30),
        (D(2020, 12, 31), False, 0),
    ],
)
def test_past_and_days_late(today, past, late):
    assert deadlines.is_past(2021, 1, 10, today) is past
    assert deadlines.days_late(2021, 1, 10, today) == late


def test_months_past():
    assert deadlines.months_past(2021, 10, D(2021, 5, 10)) == [1, 2, 3]
    assert deadlines.months_past(2021, 10, D(2021, 5, 11)) == [1, 2, 3, 4]
    assert deadlines.months_past(2021, 10, D(2023, 1, 1)) == list(range(1, 13))
    assert deadlines.months_past(2021, 10, D(2020, 6, 1)) == []


# --- on the demo agency -----------------------------------------------------------------


def user(name):
    return get_user_model().objects.get(username=name)


@pytest.fixture
def plan(db):
    return Plan.objects.select_related("unit__government").get(
        unit__slug="biro-pemerintahan", year=2020
    )


def set_state(plan, month, state, comment=""):
    status = services.month_status(plan, month)
    status.state = state
    status.comment = comment
    status.save()
    return status


def states(plan):
    return dict(MonthStatus.objects.filter(plan=plan).values_list("month", "state"))


@pytest.fixture
def months(plan):
    """March and July verified, April submitted, May returned, June draft."""
    set_state(plan, 3, State.VERIFIED)
    set_state(plan, 4, State.SUBMITTED)
    set_state(plan, 5, State.RETURNED, "Kuitansi belum ada")
    set_state(plan, 6, State.DRAFT)
    set_state(plan, 7, State.VERIFIED)
    return plan


def deadline(plan, days=10, auto_lock=True):
    return RealisationDeadline.objects.create(
        government=plan.unit.government, days_after_month_end=days, auto_lock=auto_lock
    )


def test_lock_overdue_locks_verified_months_past_the_deadline_once(months):
    plan = months
    deadline(plan)
    # 10 August is July's deadline day: only March is past and verified
    locked = services.lock_overdue(today=D(2020, 8, 10))
    assert [(s.plan_id, s.month) for s in locked] == [(plan.id, 3)]
    assert states(plan) == {3: "locked", 4: "submitted", 5: "returned", 6: "draft", 7: "verified"}
    entry = AuditEntry.objects.get(action="workflow.autolock")
    assert entry.user is None and entry.username == ""
    assert (entry.unit_id, entry.year, entry.month) == (plan.unit_id, 2020, 3)
    assert (entry.field, entry.old_value, entry.new_value) == ("state", "verified", "locked")
    assert "otomatis oleh sistem" in entry.reason and "10 April 2020" in entry.reason
    # idempotent: again the same day changes nothing and records nothing
    assert services.lock_overdue(today=D(2020, 8, 10)) == []
    assert AuditEntry.objects.filter(action="workflow.autolock").count() == 1
    # the next day July is past too; submitted, returned and draft months stay as they are
    assert [s.month for s in services.lock_overdue(today=D(2020, 8, 11))] == [7]
    assert states(plan) == {3: "locked", 4: "submitted", 5: "returned", 6: "draft", 7: "locked"}
    assert services.lock_overdue(today=D(2021, 12, 31)) == []


def test_no_lock_without_deadline_or_with_auto_lock_off(months):
    plan = months
    assert services.lock_overdue(today=D(2030, 1, 1)) == []
    deadline(plan, auto_lock=False)
    assert services.lock_overdue(today=D(2030, 1, 1)) == []
    assert states(plan)[3] == "verified"
    assert not AuditEntry.objects.filter(action="workflow.autolock").exists()


def test_lock_overdue_for_some_plans_leaves_the_others(months):
    plan = months
    deadline(plan)
    other = Plan.objects.get(unit__slug="biro-pemkesra", year=2021)
    assert services.lock_overdue(today=D(2030, 1, 1), plans=[other]) == []
    assert states(plan)[3] == "verified"
    assert len(services.lock_overdue(today=D(2030, 1, 1), plans=[plan])) == 2


def test_a_locked_month_can_still_be_reopened_by_request(months):
    plan = months
    deadline(plan)
    services.lock_overdue(today=D(2020, 5, 1))
    request = services.reopen_request(
        user=user("operator"), plan=plan, month=3, reason="Salah ketik"
    )
    services.reopen_decide(user=user("admin"), request=request, approve=True)
    assert states(plan)[3] == "draft"


def test_command_locks_with_a_fixed_date(months):
    plan = months
    deadline(plan)
    out = StringIO()
    call_command("lock_overdue", "--date", "2020-08-11", stdout=out)
    text = out.getvalue()
    assert "biro-pemerintahan Maret 2020" in text and "biro-pemerintahan Juli 2020" in text
    assert "2 bulan dikunci per 2020-08-11." in text
    out = StringIO()
    call_command("lock_overdue", "--date", "2020-08-11", stdout=out)
    assert "0 bulan dikunci" in out.getvalue()
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("lock_overdue", "--date", "11-08-2020")


def test_opening_the_months_page_locks_what_is_past(login, months):
    plan = months
    deadline(plan)  # 2020 is long past today
    url = reverse("realisation-months", args=["biro-pemerintahan", 2020])
    page = login("operator").get(url).content.decode()
    assert states(plan)[3] == states(plan)[7] == "locked"
    locks = AuditEntry.objects.filter(action="workflow.autolock", unit=plan.unit)
    assert {(e.month, e.username, e.source) for e in locks} == {
        (3, "", "kunci otomatis saat operator membuka halaman"),
        (7, "", "kunci otomatis saat operator membuka halaman"),
    }
    assert "10 hari setelah akhir bulan" in page
    assert "10 April 2020" in page and "terlambat" in page
    assert reverse("realisation-arrears", args=[2020]) in page
    assert reverse("realisation-deadline") not in page  # only the admin sets it
    assert reverse("realisation-deadline") in login("admin").get(url).content.decode()


def test_grid_shows_the_automatic_lock(login, months):
    plan = months
    deadline(plan)
    page = login("admin").get(reverse("realisation-grid", args=["biro-pemerintahan", 2020, 3]))
    assert "Dikunci" in page.content.decode() and 'value="lock"' not in page.content.decode()
    assert states(plan)[3] == "locked"
    lock = AuditEntry.objects.get(action="workflow.autolock", unit=plan.unit, month=3)
    assert lock.source == "kunci otomatis saat admin membuka halaman"


# --- the admin's page -------------------------------------------------------------------


def test_admin_sets_the_deadline_and_it_is_audited(login, plan):
    client = login("admin")
    url = reverse("realisation-deadline")
    assert "Batas waktu realisasi bulanan" in client.get(url).content.decode()
    gov = plan.unit.government
    response = client.post(url, {"government": gov.code, "days": "15", "auto_lock": "on"})
    assert response.status_code == 302
    rule = RealisationDeadline.objects.get(government=gov)
    assert (rule.days_after_month_end, rule.auto_lock) == (15, True)
    entries = AuditEntry.objects.filter(action="deadline.update", government=gov)
    assert {(e.field, e.old_value, e.new_value, e.username, e.source) for e in entries} == {
        ("days_after_month_end", "", "15", "admin", ""),  # a request: no source
        ("auto_lock", "", "true", "admin", ""),
    }
    client.post(url, {"government": gov.code, "days": "15"})  # auto lock off
    rule.refresh_from_db()
    assert rule.auto_lock is False
    assert AuditEntry.objects.filter(action="deadline.update", government=gov).count() == 3


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("sepuluh", "bukan bilangan bulat"),
        ("", "bukan bilangan bulat"),
        ("0", "harus 1 sampai 90"),
        ("120", "ditemukan 120"),
        ("-5", "bukan bilangan bulat"),
    ],
)
def test_bad_deadline_is_refused_at_its_field(login, plan, typed, message):
    response = login("admin").post(
        reverse("realisation-deadline"), {"government": plan.unit.government.code, "days": typed}
    )
    html = response.content.decode()
    assert response.status_code == 200 and message in html and "cell-error" in html
    assert not RealisationDeadline.objects.exists()
    assert not AuditEntry.objects.filter(action="deadline.update").exists()


def test_only_the_admin_of_the_government_sets_it(login, plan, client):
    url = reverse("realisation-deadline")
    gov = plan.unit.government
    for who in ("operator", "kepala", "inspektorat"):
        c = login(who)
        assert c.get(url).status_code == 404
        assert c.post(url, {"government": gov.code, "days": "5"}).status_code == 404
    other = Government.objects.create(name="Kota Lain", kind="kota", code="97.01")
    admin2 = get_user_model().objects.create_user("admin-lain")
    Membership.objects.create(user=admin2, government=other, role="admin")
    client.force_login(admin2)
    assert client.get(url).status_code == 200
    assert client.post(url, {"government": gov.code, "days": "5"}).status_code == 404
    assert not RealisationDeadline.objects.filter(government=gov).exists()
    assert client.post(url, {"government": other.code, "days": "5"}).status_code == 302
    assert RealisationDeadline.objects.get(government=other).days_after_month_end == 5


# --- months overdue or returned ---------------------------------------------------------


def test_arrears_for_the_admin_and_the_head(months):
    plan = months
    deadline(plan)
    today = D(2020, 5, 20)  # January to April are past
    # 10 February to 20 May 2020 (a leap year) is 100 days; 10 March to 20 May 71
    expected = [(1, "draft", 100), (2, "draft", 71), (4, "submitted", 10), (5, "returned", 0)]
    for who in ("admin", "kepala", "operator", "inspektorat"):
        rows = [r for r in selectors.arrears(user(who), 2020, today) if r.unit == plan.unit]
        assert [(r.month, r.state, r.days_late) for r in rows] == expected, who
    rows = selectors.arrears(user("admin"), 2020, today)
    returned = next(r for r in rows if r.month == 5)
    assert returned.returned and returned.comment == "Kuitansi belum ada"
    assert returned.deadline == D(2020, 6, 10)


def test_arrears_without_deadline_list_returned_months_only(months):
    rows = selectors.arrears(user("admin"), 2020, D(2030, 1, 1))
    assert [(r.month, r.state, r.deadline) for r in rows] == [(5, "returned", None)]


def test_arrears_of_other_units_are_not_shown(months, client):
    plan = months
    deadline(plan)
    unit = OrgUnit.objects.create(
        government=plan.unit.government,
        slug="dinas-lain",
        name="Dinas Lain",
        kind="perangkat_daerah",
        from_year=2020,
    )
    head = get_user_model().objects.create_user("kepala-dinas-lain")
    Membership.objects.create(user=head, government=plan.unit.government, unit=unit, role="head")
    assert selectors.arrears(head, 2020, D(2030, 1, 1)) == []
    client.force_login(head)
    page = client.get(reverse("realisation-arrears", args=[2020])).content.decode()
    assert "Biro Pemerintahan" not in page and "Kuitansi belum ada" not in page
    assert "Tidak ada bulan yang tertunggak" in page


def test_arrears_page_links_each_grid(login, months):
    deadline(months)
    page = login("admin").get(reverse("realisation-arrears", args=[2020])).content.decode()
    for m in (1, 2, 4, 5, 6, 8, 12):
        assert reverse("realisation-grid", args=["biro-pemerintahan", 2020, m]) in page
    assert reverse("realisation-grid", args=["biro-pemerintahan", 2020, 3]) not in page
    assert "Kuitansi belum ada" in page and reverse("realisation-deadline") in page


def _government(code: str, units: int) -> Government:
    gov = Government.objects.create(name=f"Kab {code}", kind="kabupaten", code=code)
    RealisationDeadline.objects.create(government=gov, days_after_month_end=10)
    for i in range(units):
        unit = OrgUnit.objects.create(
            government=gov, slug=f"dinas-{i}", name=f"Dinas {i}", kind="perangkat_daerah",
            from_year=2022,
        )
        plan = Plan.objects.create(unit=unit, year=2022, nomenclature="Permendagri 90/2019")
        MonthStatus.objects.create(plan=plan, month=1, state=State.RETURNED, comment="Ulangi")
        MonthStatus.objects.create(plan=plan, month=2, state=State.VERIFIED)
    return gov


def test_arrears_page_takes_the_same_number_of_queries_whatever_the_units(db, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for code, units in (("93.01", 2), ("93.02", 9)):
        gov = _government(code, units)
        admin = get_user_model().objects.create_user(f"admin-{code}")
        Membership.objects.create(user=admin, government=gov, role="admin")
        client.force_login(admin)
        url = reverse("realisation-arrears", args=[2022])
        with CaptureQueriesContext(connection) as queries:
            page = client.get(url)
        # every unit: January returned, March to December overdue (today is after 2022)
        assert page.content.decode().count("Ulangi") == units
        assert page.content.decode().count("/realisasi/") >= 11 * units
        counts.append(len(queries))
    assert counts[0] == counts[1]
