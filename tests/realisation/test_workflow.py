"""Monthly realisation: typed numbers, all-or-nothing saves, conflicts, warnings, the
draft → submitted → verified / returned → locked workflow, reopening, and every forbidden
path, on the demo agency."""

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from kinerja.audit.models import AuditEntry
from kinerja.org.models import Government, Membership, OrgUnit
from kinerja.plans.models import IndicatorRealisation, MonthlyEntry, Plan, PlanNode
from kinerja.realisation import services
from kinerja.realisation.models import MonthStatus

pytestmark = pytest.mark.django_db
State = MonthStatus.State


def user(name):
    return get_user_model().objects.get(username=name)


@pytest.fixture
def plan():
    return Plan.objects.select_related("unit__government").get(
        unit__slug="biro-pemerintahan", year=2020
    )


def leaf(plan, name):
    return PlanNode.objects.get(plan=plan, name=name, children__isnull=True)


def save(plan, who, rows, month=3, version=None):
    if version is None:
        version = services.month_status(plan, month).version
    return services.realisation_save(
        user=user(who), plan=plan, month=month, rows=rows, version=version
    )


def test_operator_saves_numbers_typed_the_indonesian_way(plan):
    a = leaf(plan, "Penyediaan Barang dan Jasa Perkantoran")
    b = leaf(plan, "Peningkatan Kapasitas Aparatur")
    save(
        plan,
        "operator",
        [
            services.RowInput(
                a.id,
                keuangan="Rp1.193.209,-",
                fisik="98,16",
                output="1",
                narrative="ATK dibeli",
                obstacles="",
            ),
            services.RowInput(b.id, keuangan="2.500.000,50", fisik="35.5", output=""),
        ],
    )
    ea = MonthlyEntry.objects.get(node=a, month=3)
    assert ea.realisasi_keuangan == Decimal("1193209")
    assert ea.realisasi_fisik == Decimal("98.16")
    assert MonthlyEntry.objects.get(node=b, month=3).realisasi_keuangan == Decimal("2500000.50")
    real = IndicatorRealisation.objects.get(indicator__node=a, year=2020, month=3)
    assert real.value == Decimal("1") and real.narrative == "ATK dibeli"
    entries = AuditEntry.objects.filter(unit=plan.unit, action="realisation.update", month=3)
    fields = set(entries.values_list("field", flat=True))
    assert {"realisasi_keuangan", "realisasi_fisik", "value", "narrative"} <= fields
    assert entries.filter(username="operator").count() == entries.count()
    assert services.month_status(plan, 3).version == 1


def test_a_bad_cell_saves_nothing_and_says_where(plan):
    a = leaf(plan, "Penyediaan Barang dan Jasa Perkantoran")
    b = leaf(plan, "Peningkatan Kapasitas Aparatur")
    before = list(
        MonthlyEntry.objects.filter(node__plan=plan, month=3).values_list(
            "node_id", "realisasi_keuangan", "realisasi_fisik"
        )
    )
    with pytest.raises(services.InvalidInput) as exc:
        save(
            plan,
            "operator",
            [
                services.RowInput(a.id, keuangan="5.000.000", fisik="50"),
                services.RowInput(b.id, keuangan="lima juta", fisik="120"),
            ],
        )
    errors = {(e.code, e.field): e for e in exc.value.errors}
    assert errors[(b.code, "keuangan")].found == "lima juta"
    assert "lima juta" in errors[(b.code, "keuangan")].message
    assert "100%" in errors[(b.code, "fisik")].message
    after = list(
        MonthlyEntry.objects.filter(node__plan=plan, month=3).values_list(
            "node_id", "realisasi_keuangan", "realisasi_fisik"
        )
    )
    assert before == after
    assert services.month_status(plan, 3).version == 0


def test_second_save_from_a_stale_form_is_a_conflict(plan):
    a = leaf(plan, "Penyediaan Barang dan Jasa Perkantoran")
    opened = services.current_values(plan, 3)
    save(plan, "operator", [services.RowInput(a.id, keuangan="7.000.000", fisik="40")], version=0)
    with pytest.raises(services.Conflict) as exc:
        services.realisation_save(
            user=user("admin"),
            plan=plan,
            month=3,
            rows=[services.RowInput(a.id, keuangan="9.000.000", fisik="45")],
            version=0,
            opened_with={a.id: opened.get(a.id, {})},
        )
    changed = {(c.code, c.field): c for c in exc.value.changes}
    change = changed[(a.code, "realisasi keuangan (Rp)")]
    assert change.now == "7.000.000"
    assert MonthlyEntry.objects.get(node=a, month=3).realisasi_keuangan == Decimal("7000000")


def test_warnings_do_not_refuse(plan):
    a = leaf(plan, "Peningkatan Kapasitas Aparatur")  # pagu 44.050.000
    found = save(plan, "operator", [services.RowInput(a.id, keuangan="50.000.000", fisik="1")])
    assert any("melebihi pagu" in w for w in found)
    assert any("turun" in w for w in found)  # February's fisik was 14,79
    assert MonthlyEntry.objects.get(node=a, month=3).realisasi_keuangan == Decimal("50000000")


def test_the_whole_workflow_with_its_forbidden_paths(plan):
    a = leaf(plan, "Penyediaan Barang dan Jasa Perkantoran")
    row = [services.RowInput(a.id, keuangan="1.000", fisik="30")]
    # only editors save, only reviewers decide, only the admin locks
    for who in ("inspektorat", "kepala"):
        with pytest.raises(services.NotAllowed):
            save(plan, who, row)
    with pytest.raises(services.NotAllowed):
        services.month_submit(user=user("inspektorat"), plan=plan, month=3)
    services.month_submit(user=user("operator"), plan=plan, month=3)
    with pytest.raises(services.WorkflowError):
        save(plan, "operator", row)  # submitted: not editable
    with pytest.raises(services.NotAllowed):
        services.month_verify(user=user("operator"), plan=plan, month=3)
    with pytest.raises(services.WorkflowError, match="alasan"):
        services.month_return(user=user("kepala"), plan=plan, month=3, comment="  ")
    services.month_return(user=user("kepala"), plan=plan, month=3, comment="Fisik kurang")
    assert services.month_status(plan, 3).comment == "Fisik kurang"
    save(plan, "operator", row)  # returned: editable again
    services.month_submit(user=user("operator"), plan=plan, month=3)
    services.month_verify(user=user("kepala"), plan=plan, month=3)
    with pytest.raises(services.NotAllowed):
        services.month_lock(user=user("kepala"), plan=plan, month=3)
    services.month_lock(user=user("admin"), plan=plan, month=3)
    for who in ("operator", "admin"):
        with pytest.raises(services.WorkflowError, match="dikunci"):
            save(plan, who, row)
    request = services.reopen_request(
        user=user("operator"), plan=plan, month=3, reason="Salah ketik realisasi"
    )
    with pytest.raises(services.NotAllowed):
        services.reopen_decide(user=user("kepala"), request=request, approve=True)
    services.reopen_decide(user=user("admin"), request=request, approve=True)
    assert services.month_status(plan, 3).state == State.DRAFT
    actions = list(
        AuditEntry.objects.filter(unit=plan.unit, month=3)
        .exclude(action="realisation.update")
        .order_by("at", "id")
        .values_list("action", flat=True)
    )
    assert actions == [
        "workflow.submit",
        "workflow.return",
        "workflow.submit",
        "workflow.verify",
        "workflow.lock",
        "reopen.request",
        "workflow.reopen",
        "reopen.approve",
    ]


def test_operator_of_an_unrelated_unit_can_do_nothing(plan, client):
    other = Government.objects.create(name="Kota Lain", kind="kota", code="97.01")
    unit = OrgUnit.objects.create(
        government=other, slug="dinas-x", name="Dinas X", kind="perangkat_daerah", from_year=2020
    )
    stranger = get_user_model().objects.create_user("orang-lain")
    Membership.objects.create(user=stranger, government=other, unit=unit, role="operator")
    a = leaf(plan, "Penyediaan Barang dan Jasa Perkantoran")
    with pytest.raises(services.NotAllowed):
        services.realisation_save(
            user=stranger,
            plan=plan,
            month=3,
            version=0,
            rows=[services.RowInput(a.id, keuangan="1", fisik="1")],
        )
    client.force_login(stranger)
    url = reverse("realisation-grid", args=["biro-pemerintahan", 2020, 3])
    assert client.get(url).status_code == 404
    before = MonthlyEntry.objects.get(node=a, month=3).realisasi_keuangan
    response = client.post(
        url, {"action": "save", "version": "0", f"n{a.id}-keuangan": "1", f"n{a.id}-fisik": "1"}
    )
    assert response.status_code == 404
    assert MonthlyEntry.objects.get(node=a, month=3).realisasi_keuangan == before
    assert client.post(url, {"action": "submit"}).status_code == 404
    assert services.month_status(plan, 3).state == State.DRAFT


def test_grid_page_shows_values_and_cell_errors(login, plan):
    a = leaf(plan, "Penyediaan Barang dan Jasa Perkantoran")
    client = login("operator")
    url = reverse("realisation-grid", args=["biro-pemerintahan", 2020, 3])
    page = client.get(url).content.decode()
    assert "Penyediaan Barang dan Jasa Perkantoran" in page and "Draf" in page
    stored = MonthlyEntry.objects.get(node=a, month=3).realisasi_keuangan
    response = client.post(
        url,
        {
            "action": "save",
            "version": "0",
            f"n{a.id}-keuangan": "12,3,4",
            f"n{a.id}-fisik": "10",
            f"n{a.id}-output": "",
            f"n{a.id}-narrative": "",
            f"n{a.id}-obstacles": "",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Tidak ada yang disimpan" in html and "12,3,4" in html and "cell-error" in html
    assert MonthlyEntry.objects.get(node=a, month=3).realisasi_keuangan == stored
    ok = client.post(
        url,
        {
            "action": "save",
            "version": "0",
            f"n{a.id}-keuangan": "12.345",
            f"n{a.id}-fisik": "10",
            f"n{a.id}-output": "",
            f"n{a.id}-narrative": "",
            f"n{a.id}-obstacles": "",
        },
    )
    assert ok.status_code == 302
    assert MonthlyEntry.objects.get(node=a, month=3).realisasi_keuangan == Decimal("12345")
    inspector = login("inspektorat").get(url).content.decode()
    assert 'value="save"' not in inspector and "readonly" in inspector


def test_grid_takes_the_same_number_of_queries_whatever_the_size(client, django_user_model):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from ..helpers import make_plan

    counts = []
    for code, leaves in (("95.01", 1), ("95.02", 12)):
        plan = make_plan(code, 1, 2, leaves)
        person = django_user_model.objects.create_user(f"op-{code}")
        Membership.objects.create(
            user=person, government=plan.unit.government, unit=plan.unit, role="operator"
        )
        client.force_login(person)
        url = reverse("realisation-grid", args=[plan.unit.slug, 2022, 6])
        client.get(url)  # creates the month's status row
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
