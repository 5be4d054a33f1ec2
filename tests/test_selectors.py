"""Selectors load a plan in a fixed number of queries and feed the core."""

from decimal import Decimal

import pytest

from kinerja.plans.models import (
    Indicator,
    IndicatorRealisation,
    Plan,
)
from kinerja.plans.selectors import compute_plan, plan_tree, plan_trees

from .helpers import make_plan

pytestmark = pytest.mark.django_db


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
