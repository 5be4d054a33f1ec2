"""Model rules that keep the plan consistent, on SQLite and PostgreSQL."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from kinerja.org.models import Government, Membership, OrgUnit, UnitHead
from kinerja.plans.models import Indicator, MonthlyEntry, Plan, PlanNode

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan():
    gov = Government.objects.create(name="Kabupaten Contoh", kind="kabupaten", code="99.01")
    unit = OrgUnit.objects.create(
        government=gov,
        slug="dinas",
        name="Dinas Contoh",
        kind="perangkat_daerah",
        eselon="II",
        from_year=2021,
    )
    return Plan.objects.create(unit=unit, year=2022, nomenclature="Permendagri 90/2019")


def node(plan, code, level, parent=None, **kw):
    return PlanNode.objects.create(
        plan=plan, code=code, level=level, parent=parent, name=f"Simpul {code}", **kw
    )


def test_code_must_sit_under_parent(plan):
    program = node(plan, "1.02.01", "program")
    kegiatan = PlanNode(
        plan=plan, code="1.03.01.2.01", level="kegiatan", parent=program, name="Salah tempat"
    )
    with pytest.raises(ValidationError) as exc:
        kegiatan.full_clean()
    assert "tidak berada di bawah kode induknya 1.02.01" in str(exc.value)
    kegiatan.code = "1.02.01.2.01"
    kegiatan.full_clean()


def test_level_order_is_enforced(plan):
    program = node(plan, "1.02.01", "program")
    wrong = PlanNode(
        plan=plan,
        code="1.02.01.2.01.0001",
        level="sub_kegiatan",
        parent=program,
        name="Loncat tingkat",
    )
    with pytest.raises(ValidationError) as exc:
        wrong.full_clean()
    assert "level" in exc.value.message_dict
    orphan = PlanNode(plan=plan, code="1.02.01.2.01", level="kegiatan", name="Tanpa induk")
    with pytest.raises(ValidationError):
        orphan.full_clean()


def test_parent_pagu_cannot_be_typed(plan):
    program = PlanNode(
        plan=plan, code="1.02.01", level="program", name="P", pagu_dpa=Decimal("1000")
    )
    with pytest.raises(ValidationError) as exc:
        program.full_clean()
    assert "jumlah anak-anaknya" in str(exc.value)


def test_pagu_in_force(plan):
    program = node(plan, "1.02.01", "program")
    kegiatan = node(plan, "1.02.01.2.01", "kegiatan", program)
    leaf = node(
        plan,
        "1.02.01.2.01.0001",
        "sub_kegiatan",
        kegiatan,
        pagu_dpa=Decimal("1000"),
        pagu_dppa=Decimal("800"),
    )
    assert leaf.pagu == Decimal("1000")
    leaf.budget_in_force = "dppa"
    assert leaf.pagu == Decimal("800")


def test_codes_are_unique_per_plan_and_kept_as_text(plan):
    node(plan, "4.01.01", "program")
    with transaction.atomic(), pytest.raises(IntegrityError):
        node(plan, "4.01.01", "program")
    assert PlanNode.objects.get(plan=plan, code="4.01.01").code == "4.01.01"


def test_month_outside_1_12_is_refused(plan):
    program = node(plan, "1.02.01", "program")
    with transaction.atomic(), pytest.raises(IntegrityError):
        MonthlyEntry.objects.create(node=program, month=13)


def test_negative_pagu_is_refused(plan):
    with transaction.atomic(), pytest.raises(IntegrityError):
        node(plan, "1.02.01", "program", pagu_dpa=Decimal("-1"))


def test_indicator_needs_exactly_one_owner(plan):
    with transaction.atomic(), pytest.raises(IntegrityError):
        Indicator.objects.create(statement="Tanpa pemilik")


@pytest.mark.parametrize(
    "amount", ["9999999999999.99", "1193209000.01", "0.01", "15364169000.00", "7654321098765.43"]
)
def test_money_keeps_every_digit_and_sen(plan, amount):
    """15 significant digits survive the round trip on both engines (SQLite stores REAL)."""
    program = node(plan, "1.02.01", "program")
    kegiatan = node(plan, "1.02.01.2.01", "kegiatan", program)
    leaf = node(plan, "1.02.01.2.01.0001", "sub_kegiatan", kegiatan, pagu_dpa=Decimal(amount))
    leaf.refresh_from_db()
    assert leaf.pagu_dpa == Decimal(amount)


def test_money_beyond_the_column_is_refused_with_a_message(plan):
    program = node(plan, "1.02.01", "program")
    kegiatan = node(plan, "1.02.01.2.01", "kegiatan", program)
    leaf = PlanNode(
        plan=plan,
        parent=kegiatan,
        code="1.02.01.2.01.0001",
        level="sub_kegiatan",
        name="Terlalu besar",
        pagu_dpa=Decimal("10000000000000.00"),
    )
    with pytest.raises(ValidationError) as exc:
        leaf.full_clean()
    assert "pagu_dpa" in exc.value.message_dict


def test_nip_is_checked(plan):
    head = UnitHead(unit=plan.unit, year=2022, name="A", jabatan="Kepala", nip="1974 1004")
    with pytest.raises(ValidationError) as exc:
        head.full_clean()
    assert "18 angka" in str(exc.value)
    head.nip = "19741004 199402 1 002"
    head.full_clean()
    assert head.nip == "197410041994021002"


def test_unit_role_needs_a_unit(plan, django_user_model):
    user = django_user_model.objects.create_user("x")
    with transaction.atomic(), pytest.raises(IntegrityError):
        Membership.objects.create(user=user, government=plan.unit.government, role="operator")
    Membership.objects.create(user=user, government=plan.unit.government, role="admin")


def test_government_rules_are_validated(plan):
    gov = plan.unit.government
    assert gov.computation_rules().achievement_rollup == "mean"
    gov.rules = {"achievement_rollup": "median"}
    with pytest.raises(ValidationError) as exc:
        gov.full_clean()
    assert "achievement_rollup" in str(exc.value)
    gov.rules = {"achievement_rollup": "min", "cap": None}
    gov.full_clean()
    assert gov.computation_rules().achievement_rollup == "min"
    assert gov.computation_rules().cap is None
