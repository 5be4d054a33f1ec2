from decimal import Decimal as D

import pytest

from kinerja.core.achievement import IndicatorSpec, Target
from kinerja.core.tree import (
    Declared,
    IndicatorInput,
    MonthInput,
    PlanNode,
    level_name,
)


@pytest.mark.parametrize(
    ("level", "name"),
    [
        ("program", "program"),
        ("kegiatan", "kegiatan"),
        ("sub_kegiatan", "sub kegiatan"),
        ("tolok_ukur", "tolok ukur"),
        ("unit", "unit"),
        ("sasaran_strategis", "sasaran strategis"),
    ],
)
def test_level_name(level, name):
    assert level_name(level) == name


def test_indicator_monthly_from_mapping_is_sorted_pairs_and_hashable():
    ind = IndicatorInput(1, "Jumlah dokumen", "Dokumen", monthly={3: D(2), 1: D(1)})
    assert ind.monthly == ((1, D(1)), (3, D(2)))
    assert ind.monthly_map == {1: D(1), 3: D(2)}
    assert hash(ind)


@pytest.mark.parametrize(
    ("spec", "monthly", "upto", "expected"),
    [
        (IndicatorSpec(), {1: D(1), 3: D(2)}, 12, D(3)),
        (IndicatorSpec(), {1: D(1), 3: D(2)}, 2, D(1)),
        (IndicatorSpec(cumulative=False), {1: D(70), 3: D(65)}, 12, D(65)),
    ],
)
def test_indicator_realisation(spec, monthly, upto, expected):
    ind = IndicatorInput("x", "Indikator", spec=spec, target=Target(D(1)), monthly=monthly)
    assert ind.realisation(upto) == expected


def test_inputs_coerce_numbers_and_keep_printed_decimals():
    month = MonthInput(1, plan_fisik=10, plan_keuangan="1000", realisasi_keuangan=D(5), fisik=None)
    assert (month.plan_fisik, month.plan_keuangan, month.realisasi_keuangan) == (
        D(10),
        D(1000),
        D(5),
    )
    declared = Declared(pagu=1, realisasi="2", percent="47.10", achievement="100")
    assert str(declared.percent) == "47.10"
    assert PlanNode(1, "1", "A", "tolok_ukur", pagu="250.00").pagu == D("250.00")


@pytest.mark.parametrize(
    "build",
    [
        lambda: MonthInput(1, plan_fisik=1.5),
        lambda: Declared(pagu=1.5),
        lambda: PlanNode(1, "", "A", "program", pagu=2.0),
    ],
)
def test_inputs_refuse_floats(build):
    with pytest.raises(TypeError):
        build()


def test_plan_node_structure():
    leaf1 = PlanNode(2, "4.01.01.1.01.01", "Satu", "sub_kegiatan", pagu=D(1))
    leaf2 = PlanNode(3, "4.01.01.1.01.02", "Dua", "sub_kegiatan", pagu=D(2))
    parent = PlanNode(1, "4.01.01.1.01", "Induk", "kegiatan", children=[leaf1, leaf2])
    assert parent.children == (leaf1, leaf2)
    assert not parent.is_leaf
    assert leaf1.is_leaf
    assert [n.name for n in parent.walk()] == ["Induk", "Satu", "Dua"]
    assert parent.label == "4.01.01.1.01 Induk"
    assert PlanNode(9, "", "Tanpa Kode", "program").label == "Tanpa Kode"
    assert hash(parent)


def test_months_map_later_duplicate_wins():
    node = PlanNode(
        1,
        "",
        "A",
        "tolok_ukur",
        months=[MonthInput(1, fisik=D(1)), MonthInput(1, fisik=D(2))],
    )
    assert node.months_map()[1].fisik == D(2)


def test_month_input_is_a_named_tuple_in_field_order():
    month = MonthInput(3, "10.5", 1000, D("7.25"), None)
    assert tuple(month) == (3, D("10.5"), D(1000), D("7.25"), None)
    assert month.month == 3 and month.plan_keuangan == D(1000)
    assert month == MonthInput(
        3, plan_fisik=D("10.5"), plan_keuangan=D(1000), realisasi_keuangan=D("7.25")
    )
    assert hash(month)
    with pytest.raises(AttributeError):
        month.fisik = D(1)  # type: ignore[misc]


def test_trusted_constructors_build_the_same_inputs():
    target = Target(value=D(4))
    month = MonthInput(1, D(1), D(2), D(3), D(4))
    spec = IndicatorSpec()
    indicator = IndicatorInput(7, "Jumlah", "dokumen", spec, target, {2: D(1), 1: D(2)}, None)
    node = PlanNode(
        1, "1.01", "A", "sub_kegiatan", pagu=D(5), months=[month], indicators=[indicator]
    )

    assert Target.trusted(D(4)) == target
    assert MonthInput.trusted(1, D(1), D(2), D(3), D(4)) == month
    assert type(MonthInput.trusted(1)) is MonthInput
    trusted_indicator = IndicatorInput.trusted(
        7, "Jumlah", "dokumen", spec, target, ((1, D(2)), (2, D(1))), None
    )
    assert trusted_indicator == indicator
    assert trusted_indicator.realisation(12) == D(3)
    trusted_node = PlanNode.trusted(
        1, "1.01", "A", "sub_kegiatan", (), D(5), (month,), (indicator,)
    )
    assert trusted_node == node
    assert hash(trusted_node) == hash(node)
