"""Selectors load a plan in a fixed number of queries and feed the core."""

from decimal import Decimal

import pytest

from kinerja.org.models import Government, OrgUnit
from kinerja.plans.models import (
    Indicator,
    IndicatorRealisation,
    IndicatorTarget,
    MonthlyEntry,
    Plan,
    PlanNode,
)
from kinerja.plans.selectors import compute_plan, plan_tree, plan_trees

pytestmark = pytest.mark.django_db


def make_plan(code: str, programs: int, kegiatan: int, leaves: int) -> Plan:
    gov = Government.objects.create(name=f"Kab {code}", kind="kabupaten", code=code)
    unit = OrgUnit.objects.create(
        government=gov, slug="dinas", name="Dinas", kind="perangkat_daerah", from_year=2022
    )
    plan = Plan.objects.create(unit=unit, year=2022, nomenclature="Permendagri 90/2019")
    for p in range(1, programs + 1):
        prog = PlanNode.objects.create(
            plan=plan, code=f"1.02.{p:02d}", level="program", name=f"Program {p}"
        )
        for k in range(1, kegiatan + 1):
            keg = PlanNode.objects.create(
                plan=plan,
                parent=prog,
                code=f"{prog.code}.2.{k:02d}",
                level="kegiatan",
                name=f"Kegiatan {p}.{k}",
            )
            for s in range(1, leaves + 1):
                leaf = PlanNode.objects.create(
                    plan=plan,
                    parent=keg,
                    code=f"{keg.code}.{s:04d}",
                    level="sub_kegiatan",
                    name=f"Sub {p}.{k}.{s}",
                    pagu_dpa=Decimal("1000000"),
                )
                for m in range(1, 13):
                    MonthlyEntry.objects.create(
                        node=leaf,
                        month=m,
                        plan_fisik=Decimal(m * 100) / 12,
                        plan_keuangan=Decimal(m * 1000000) / 12,
                        realisasi_keuangan=Decimal("50000"),
                        realisasi_fisik=Decimal(m * 5),
                    )
                ind = Indicator.objects.create(
                    node=leaf, statement="Jumlah dokumen", satuan="Dokumen"
                )
                IndicatorTarget.objects.create(indicator=ind, year=2022, value=Decimal("4"))
                IndicatorRealisation.objects.create(
                    indicator=ind, year=2022, month=6, value=Decimal("1")
                )
                IndicatorRealisation.objects.create(
                    indicator=ind, year=2022, month=11, value=Decimal("2")
                )
    return plan


def test_same_number_of_queries_whatever_the_size(django_assert_num_queries):
    small = make_plan("90.01", 1, 1, 1)
    large = make_plan("90.02", 3, 4, 5)
    with django_assert_num_queries(5):
        small_tree = plan_tree(small)
    with django_assert_num_queries(5):
        large_tree = plan_tree(large)
    assert len(small_tree) == 1 and len(large_tree) == 3
    with django_assert_num_queries(5):
        both = plan_trees([small, large])
    assert set(both) == {small.id, large.id}


def test_tree_carries_months_indicators_and_pagu():
    plan = make_plan("90.03", 1, 2, 2)
    (program,) = plan_tree(plan)
    leaf = program.children[0].children[0]
    assert leaf.pagu == Decimal("1000000")
    assert [m.month for m in leaf.months] == list(range(1, 13))
    (indicator,) = leaf.indicators
    assert indicator.target.value == Decimal("4")
    assert dict(indicator.monthly) == {6: Decimal("1"), 11: Decimal("2")}
    assert program.pagu is None


def test_compute_plan_by_month():
    plan = make_plan("90.04", 1, 2, 2)
    june = compute_plan(plan, upto_month=6).root
    assert june.pagu.value == Decimal("4000000")
    assert june.realisasi.value == Decimal("1200000")
    assert june.absorption.value == Decimal("30")
    assert june.fisik.value == Decimal("30")
    # cumulative indicator: 1 of 4 by June (25), 3 of 4 by December (75)
    assert june.achievement.value == Decimal("25")
    assert compute_plan(plan).root.achievement.value == Decimal("75")


def test_government_rules_change_the_result():
    plan = make_plan("90.05", 1, 1, 2)
    ind = Indicator.objects.filter(node__plan=plan).first()
    IndicatorRealisation.objects.filter(indicator=ind).update(value=Decimal("5"))
    # that leaf: 10 of 4 = 250 raw; the other 3 of 4 = 75
    gov = plan.unit.government
    assert compute_plan(plan).root.achievement.value == Decimal("87.5")
    gov.rules = {"cap": None}
    gov.save()
    plan.refresh_from_db()
    plan = Plan.objects.select_related("unit__government").get(pk=plan.pk)
    assert compute_plan(plan).root.achievement.value == Decimal("162.5")
