"""The pure pickers of the unit page (no database): deviation warnings, kegiatan, lowest
absorption, months not submitted."""

import datetime
from decimal import Decimal

import pytest

from kinerja.core.rollup import compute_tree
from kinerja.core.rules import Rules
from kinerja.core.tree import MonthInput, PlanNode
from kinerja.web import unitdash


def leaf(code, *, pagu="1000", plan_fisik=None, fisik=None, plan_keuangan=None, spent=None):
    month = MonthInput(3, plan_fisik, plan_keuangan, spent, fisik)
    return PlanNode(
        id=code, code=code, name=f"Sub {code}", level="sub_kegiatan", pagu=pagu, months=(month,)
    )


def tree(*leaves_by_kegiatan):
    kegiatan = tuple(
        PlanNode(id=f"k{i}", code=f"k{i}", name=f"Kegiatan {i}", level="kegiatan", children=kids)
        for i, kids in enumerate(leaves_by_kegiatan, start=1)
    )
    program = PlanNode(id="p", code="p", name="Program", level="program", children=kegiatan)
    return (program,)


@pytest.mark.parametrize(
    ("plan_fisik", "fisik", "plan_keuangan", "spent", "warned"),
    [
        ("50", "39.99", None, None, True),  # behind 10,01 while the plan is ≤ 70
        ("50", "40", None, None, False),  # exactly 10 behind: not beyond the threshold
        ("70", "59", None, None, True),  # the split itself counts as "early"
        ("80", "74.9", None, None, True),  # after the split: beyond 5
        ("80", "75", None, None, False),
        ("50", "90", None, None, False),  # ahead never warns
        (None, "10", None, None, False),  # no plan: nothing to compare
        (None, None, "600", "450", True),  # keuangan 45% against a plan of 60%
        (None, None, "600", "550", False),
    ],
)
def test_deviation_warnings_follow_the_government_thresholds(
    plan_fisik, fisik, plan_keuangan, spent, warned
):
    roots = tree(
        (
            leaf("a", plan_fisik=plan_fisik, fisik=fisik, plan_keuangan=plan_keuangan, spent=spent),
            leaf("ok", plan_fisik="10", fisik="10"),
        )
    )
    picked = unitdash.deviation_warnings(compute_tree(roots, upto_month=3))
    assert [n.code for n in picked] == (["a"] if warned else [])


def test_deviation_thresholds_are_the_governments():
    roots = tree((leaf("a", plan_fisik="50", fisik="45"),))
    strict = Rules(deviation_early=Decimal(3))
    assert unitdash.deviation_warnings(compute_tree(roots, upto_month=3)) == []
    assert [n.code for n in unitdash.deviation_warnings(compute_tree(roots, rules=strict))] == [
        "a"
    ]


def test_warnings_and_lowest_keep_plan_order_across_kegiatan():
    roots = tree(
        (leaf("1", pagu="1000", spent="500"), leaf("2", pagu="1000", spent="100")),
        (
            leaf("3", pagu="1000", spent="100"),
            leaf("4", pagu=None, spent="1"),  # no pagu: no absorption
            leaf("5", pagu="0"),  # pagu 0: absorption undefined
            leaf("6", pagu="2000", spent="0"),
            leaf("7", pagu="400", spent="10"),
        ),
    )
    root = compute_tree(roots, upto_month=3)
    assert [k.name for k in unitdash.kegiatan_nodes(root)] == ["Kegiatan 1", "Kegiatan 2"]
    # 6: 0%, 7: 2,5%, 2 and 3: 10% (plan order), 1: 50%
    assert [n.code for n in unitdash.lowest_absorption(root)] == ["6", "7", "2", "3", "1"]
    assert [n.code for n in unitdash.lowest_absorption(root, 3)] == ["6", "7", "2"]
    assert [n.code for n in unitdash.leaves(root)] == ["1", "2", "3", "4", "5", "6", "7"]


def test_lowest_absorption_of_an_empty_plan_is_empty():
    assert unitdash.lowest_absorption(compute_tree(())) == []


D = datetime.date


@pytest.mark.parametrize(
    ("year", "states", "today", "expected"),
    [
        # a past year: every month is due; submitted, verified and locked are done
        (
            2021,
            {1: "submitted", 2: "verified", 3: "locked", 4: "returned", 5: "draft"},
            D(2022, 3, 1),
            [(4, "returned"), (5, "draft")] + [(m, "") for m in range(6, 13)],
        ),
        # the current year: only the months that have ended
        (2024, {}, D(2024, 3, 31), [(1, ""), (2, "")]),
        (2024, {1: "submitted"}, D(2024, 4, 1), [(2, ""), (3, "")]),
        (2024, dict.fromkeys(range(1, 13), "locked"), D(2025, 1, 1), []),
        # a future year: nothing is due yet
        (2030, {}, D(2024, 6, 15), []),
        # December ends on the 31st: not due on that day
        (2024, dict.fromkeys(range(1, 12), "verified"), D(2024, 12, 31), []),
        (2024, dict.fromkeys(range(1, 12), "verified"), D(2025, 1, 1), [(12, "")]),
    ],
)
def test_months_not_submitted(year, states, today, expected):
    found = unitdash.months_not_submitted(year, states, today)
    assert [(p.month, p.state) for p in found] == expected
