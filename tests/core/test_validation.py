from decimal import Decimal as D

import pytest

from kinerja.core.achievement import IndicatorSpec, Target
from kinerja.core.rules import Rules
from kinerja.core.tree import Declared, IndicatorInput, MonthInput, PlanNode
from kinerja.core.validation import Finding, validate

_ids = iter(range(1, 10**6))


def leaf(name="L", *, code="", pagu=None, months=(), indicators=(), declared=None):
    return PlanNode(
        next(_ids),
        code,
        name,
        "sub_kegiatan",
        pagu=pagu,
        months=tuple(months),
        indicators=tuple(indicators),
        declared=declared,
    )


def parent(name="K", children=(), *, code="", declared=None, level="kegiatan"):
    return PlanNode(next(_ids), code, name, level, children=tuple(children), declared=declared)


def spent(amount, month=12):
    return MonthInput(month, realisasi_keuangan=D(amount))


def codes(findings):
    return [f.code for f in findings]


def test_clean_tree_has_no_findings():
    tree = parent(
        "K",
        [leaf("A", pagu=D(100), months=[spent(40)]), leaf("B", pagu=D(50), months=[spent(50)])],
        declared=Declared(pagu="150", realisasi="90", percent="60.00"),
    )
    assert validate([tree]) == []


@pytest.mark.parametrize(
    ("declared", "expected"),
    [
        (Declared(pagu="150"), []),
        (Declared(pagu="151"), [("pagu_sum", "Rp150", "Rp151")]),
        (Declared(realisasi="90"), []),
        (Declared(realisasi="80"), [("realisasi_sum", "Rp90", "Rp80")]),
        (
            Declared(pagu="1", realisasi="2"),
            [("pagu_sum", "Rp150", "Rp1"), ("realisasi_sum", "Rp90", "Rp2")],
        ),
        (Declared(pagu="150.00"), []),
        (None, []),
    ],
)
def test_parent_sums(declared, expected):
    tree = parent(
        "K",
        [leaf("A", pagu=D(100), months=[spent(40)]), leaf("B", pagu=D(50), months=[spent(50)])],
        declared=declared,
    )
    findings = validate([tree])
    assert [(f.code, f.expected, f.found) for f in findings] == expected
    assert all(f.where == "K" for f in findings)


def test_sum_uses_printed_child_figures_so_errors_are_not_repeated_upwards():
    keg = parent("K", [leaf("A", declared=Declared(pagu="100"))], declared=Declared(pagu="100"))
    bad = parent("K2", [leaf("B", declared=Declared(pagu="7"))], declared=Declared(pagu="5"))
    program = parent("P", [keg, bad], declared=Declared(pagu="105"), level="program")
    findings = validate([program])
    assert [(f.code, f.where, f.expected, f.found) for f in findings] == [
        ("pagu_sum", "P › K2", "Rp7", "Rp5")
    ]
    assert findings[0].message == (
        "Pagu kegiatan tidak sama dengan jumlah pagu 1 sub kegiatan di bawahnya."
    )


@pytest.mark.parametrize(
    ("pagu", "real", "printed", "expected"),
    [
        ("3", "1", "33.33", None),
        ("3", "1", "33.3", None),
        ("3", "1", "33", None),
        ("3", "1", "33.333", None),
        ("3", "1", "33.34", ("33,33", "33,34")),
        ("3", "1", "33.4", ("33,3", "33,4")),
        ("8", "1", "12.5", None),
        ("8", "1", "13", None),  # 12,5 rounds half up to 13
        ("8", "1", "12", ("13", "12")),
        ("36702000", "82536000", "48.92", ("224,88", "48,92")),
        ("0", "0", "0", None),
        ("0", "0", "0.00", None),
        ("0", "0", "100", ("–", "100")),
        ("100", "0", "0.00", None),
    ],
)
def test_percent_mismatch_uses_printed_decimals(pagu, real, printed, expected):
    node = leaf("A", declared=Declared(pagu=pagu, realisasi=real, percent=printed))
    findings = [f for f in validate([node]) if f.code == "percent_mismatch"]
    if expected is None:
        assert findings == []
    else:
        assert [(f.expected, f.found) for f in findings] == [expected]


def test_percent_not_checked_without_figures():
    assert validate([leaf("A", declared=Declared(percent="50"))]) == []


def test_percent_uses_own_data_when_not_printed():
    node = leaf("A", pagu=D(200), months=[spent(50)], declared=Declared(percent="25.00"))
    assert validate([node]) == []
    node = leaf("A", pagu=D(200), months=[spent(50)], declared=Declared(percent="20.00"))
    assert [(f.code, f.expected) for f in validate([node])] == [("percent_mismatch", "25,00")]


def doc_indicator(target, real, statement="Dokumen"):
    return IndicatorInput(
        next(_ids), statement, "Dokumen", IndicatorSpec(), Target(D(target)), {12: D(real)}
    )


@pytest.mark.parametrize(
    ("target", "real", "printed", "rules", "expected"),
    [
        (8, 7, "87.5", Rules(), None),
        (8, 7, "87.50", Rules(), None),
        (8, 7, "88", Rules(), None),
        (8, 7, "87", Rules(), ("88", "87")),
        (5, 7, "100", Rules(), None),
        (5, 7, "140", Rules(), ("100", "140")),
        (5, 7, "140", Rules(cap=None), None),
        (0, 0, "100", Rules(), ("–", "100")),
        (3, 1, "33.33", Rules(), None),
    ],
)
def test_achievement_mismatch(target, real, printed, rules, expected):
    node = leaf(
        "A", indicators=[doc_indicator(target, real)], declared=Declared(achievement=printed)
    )
    findings = validate([node], rules=rules)
    if expected is None:
        assert findings == []
    else:
        assert [(f.code, f.expected, f.found) for f in findings] == [
            ("achievement_mismatch", *expected)
        ]


def test_achievement_mismatch_on_parent():
    keg = parent(
        "K",
        [leaf("A", indicators=[doc_indicator(2, 1)]), leaf("B", indicators=[doc_indicator(1, 1)])],
        declared=Declared(achievement="80"),
    )
    (finding,) = validate([keg])
    assert (finding.code, finding.expected, finding.found) == ("achievement_mismatch", "75", "80")
    assert finding.message == (
        "Capaian tertulis tidak sama dengan capaian hasil hitung "
        "(75 = rata-rata 2 sub kegiatan: 50; 100)."
    )


@pytest.mark.parametrize(
    ("node", "expected"),
    [
        (leaf("A", pagu=D(100), months=[spent(101)]), [("≤ Rp100", "Rp101")]),
        (leaf("A", pagu=D(100), months=[spent(100)]), []),
        (leaf("A", declared=Declared(pagu="10", realisasi="11")), [("≤ Rp10", "Rp11")]),
        (leaf("A", pagu=D(10), declared=Declared(realisasi="11")), [("≤ Rp10", "Rp11")]),
        (leaf("A", months=[spent(5)]), []),
    ],
)
def test_realisasi_above_pagu(node, expected):
    findings = [f for f in validate([node]) if f.code == "realisasi_above_pagu"]
    assert [(f.expected, f.found) for f in findings] == expected


def test_realisasi_above_pagu_only_on_leaves():
    keg = parent("K", [leaf("A", pagu=D(10))], declared=Declared(pagu="10", realisasi="20"))
    assert "realisasi_above_pagu" not in codes(validate([keg]))


def test_printed_leaf_figures_compared_with_own_data():
    node = leaf(
        "A",
        pagu=D(100),
        months=[spent(30, 3), spent(20, 6)],
        declared=Declared(pagu="120", realisasi="60"),
    )
    findings = validate([node])
    assert [(f.code, f.expected, f.found) for f in findings] == [
        ("pagu_mismatch", "Rp100", "Rp120"),
        ("realisasi_mismatch", "Rp50", "Rp60"),
    ]
    at_march = validate([node], upto_month=3)
    assert [(f.code, f.expected) for f in at_march] == [
        ("pagu_mismatch", "Rp100"),
        ("realisasi_mismatch", "Rp30"),
    ]


@pytest.mark.parametrize(
    ("months", "upto", "require", "expected"),
    [
        ([spent(1, m) for m in range(1, 13)], 12, True, []),
        ([spent(1, 1), spent(1, 2), spent(1, 4)], 4, True, ["tidak ada: Maret"]),
        ([spent(1, 1)], 3, True, ["tidak ada: Februari, Maret"]),
        ([MonthInput(1, fisik=D(5))], 1, True, []),
        ([MonthInput(1, plan_fisik=D(5))], 1, True, ["tidak ada: Januari"]),
        ([], 2, True, ["tidak ada: Januari, Februari"]),
        ([], 12, False, []),
    ],
)
def test_months_missing(months, upto, require, expected):
    node = leaf("A", months=months)
    findings = [
        f for f in validate([node], upto_month=upto, require_months=require)
        if f.code == "months_missing"
    ]
    assert [f.found for f in findings] == expected


def test_months_missing_not_for_parents():
    keg = parent("K", [leaf("A", months=[spent(1, 1)])])
    findings = validate([keg], upto_month=1, require_months=True)
    assert findings == []


def test_month_invalid_and_duplicate():
    node = leaf("A", months=[spent(1, 1), spent(2, 1), spent(1, 13), spent(1, 0)])
    findings = validate([node])
    assert [(f.code, f.found) for f in findings] == [
        ("month_invalid", "0, 13"),
        ("month_duplicate", "Januari"),
    ]


@pytest.mark.parametrize(
    ("spec", "target", "flagged"),
    [
        (IndicatorSpec(), Target(D(1)), False),
        (IndicatorSpec(), Target(D(0)), False),
        (IndicatorSpec(), None, True),
        (IndicatorSpec(), Target(), True),
        (IndicatorSpec(value_type="range"), Target(low=D(1)), True),
        (IndicatorSpec(value_type="range"), Target(low=D(1), high=D(2)), False),
        (IndicatorSpec(value_type="qualitative", levels=("A",)), Target(label=""), True),
    ],
)
def test_indicator_without_target(spec, target, flagged):
    ind = IndicatorInput(next(_ids), "Jumlah dokumen", "Dokumen", spec, target)
    findings = validate([parent("P", [leaf("A")], level="program")] + [leaf("B", indicators=[ind])])
    found = [f for f in findings if f.code == "indicator_without_target"]
    assert bool(found) is flagged
    if flagged:
        assert found[0].message == "Indikator “Jumlah dokumen” belum memiliki target lengkap."
        assert found[0].where == "B"


@pytest.mark.parametrize(
    ("parent_code", "child_code", "flagged"),
    [
        ("4.01.01", "4.01.01.1.01", False),
        ("4.01.01.1.01", "4.01.01.1.01.07", False),
        ("4.01.01", "4.01.02.1.01", True),
        ("4.01.01", "4.01.011.1", True),
        ("4.01.01", "4.01.01", True),
        ("4.01.01", "4.01.01.", True),
        ("", "4.01.01.1.01", False),
        ("4.01.01", "", False),
    ],
)
def test_code_not_under_parent(parent_code, child_code, flagged):
    tree = parent("P", [leaf("A", code=child_code)], code=parent_code, level="program")
    found = [f for f in validate([tree]) if f.code == "code_not_under_parent"]
    assert bool(found) is flagged
    if flagged:
        assert found[0].expected == f"{parent_code}.…"
        assert found[0].found == child_code


def test_duplicate_code_reported_at_second_use_with_path():
    tree = [
        parent("Program", [leaf("Evaluasi", code="4.01.01.1.01.07")], code="4.01.01.1.01"),
        parent("Lain", [leaf("Evaluasi lagi", code="4.01.01.1.01.07")], code="4.01.01.1.02"),
    ]
    findings = validate(tree)
    assert [(f.code, f.where) for f in findings] == [
        ("code_not_under_parent", "4.01.01.1.02 Lain › 4.01.01.1.01.07 Evaluasi lagi"),
        ("duplicate_code", "4.01.01.1.02 Lain › 4.01.01.1.01.07 Evaluasi lagi"),
    ]
    assert findings[1].message == (
        "Kode 4.01.01.1.01.07 dipakai lebih dari sekali "
        "(pertama di 4.01.01.1.01 Program › 4.01.01.1.01.07 Evaluasi)."
    )


def plan_months(fisik_plan, keu_plan, fisik=None):
    return [
        MonthInput(
            m,
            plan_fisik=None if p is None else D(p),
            plan_keuangan=None if k is None else D(k),
            fisik=None if fisik is None or fisik[i] is None else D(fisik[i]),
        )
        for i, (m, p, k) in enumerate(
            zip(range(1, len(fisik_plan) + 1), fisik_plan, keu_plan, strict=True)
        )
    ]


@pytest.mark.parametrize(
    ("months", "pagu", "expected"),
    [
        (plan_months([10, 50, 100], [100, 500, 1000]), D(1000), []),
        (
            plan_months([10, 5, 100], [100, 500, 1000]),
            D(1000),
            [("plan_decreasing", "error", "≥ 10", "5")],
        ),
        (
            plan_months([10, 50, 100], [100, 50, 1000]),
            D(1000),
            [("plan_decreasing", "error", "≥ Rp100", "Rp50")],
        ),
        (
            plan_months([10, 50, 100], [100, 500, 1000], fisik=[10, 8, 100]),
            D(1000),
            [("fisik_decreasing", "warning", "≥ 10", "8")],
        ),
        (
            plan_months([10, 50, 90], [100, 500, 1000]),
            D(1000),
            [("plan_not_complete", "warning", "100", "90")],
        ),
        (
            plan_months([10, 50, 100], [100, 500, 900]),
            D(1000),
            [("plan_not_complete", "warning", "Rp1.000", "Rp900")],
        ),
        (plan_months([10, None, 100], [None, None, None]), None, []),
        (plan_months([100, None, None], [1000, None, None]), D(1000), []),
    ],
)
def test_plan_checks(months, pagu, expected):
    findings = validate([leaf("A", pagu=pagu, months=months)])
    assert [(f.code, f.severity, f.expected, f.found) for f in findings] == expected


def test_plan_not_complete_uses_printed_pagu_when_no_own_pagu():
    node = leaf("A", months=plan_months([100], [900]), declared=Declared(pagu="1000"))
    assert [(f.code, f.expected) for f in validate([node])] == [("plan_not_complete", "Rp1.000")]


def test_validate_never_raises_on_bad_data():
    node = leaf("A", pagu=D(10), months=[MonthInput("x", realisasi_keuangan=D(1))])  # type: ignore[arg-type]
    findings = validate([node])
    assert findings
    assert {f.code for f in findings} == {"check_failed"}
    assert all(isinstance(f, Finding) for f in findings)


@pytest.mark.parametrize("upto", [0, 13, True])
def test_validate_bad_upto_is_a_finding(upto):
    (finding,) = validate([], upto_month=upto)
    assert finding.code == "upto_invalid"


def test_finding_to_dict():
    finding = Finding("pagu_sum", "K", "Pesan", "Rp1", "Rp2")
    assert finding.to_dict() == {
        "code": "pagu_sum",
        "where": "K",
        "message": "Pesan",
        "expected": "Rp1",
        "found": "Rp2",
        "severity": "error",
    }


def test_empty_input():
    assert validate([]) == []
