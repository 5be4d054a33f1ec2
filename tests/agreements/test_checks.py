"""Every check of the Perjanjian Kinerja on small hand-made agreements (no database).

The organisation: Biro (unit 1, eselon II) over Bagian (2, III) over Sub Bagian (3, IV).
Lines: 101 on the Biro's agreement, 201 on the Bagian's, 301 on the Sub Bagian's."""

from dataclasses import replace
from decimal import Decimal

import pytest

from kinerja.agreements.checks import (
    ERROR,
    WARNING,
    CheckInput,
    IndicatorFact,
    NodeRow,
    UnitFact,
    check_budget,
    check_cascade,
    check_missing,
    check_targets,
    check_unassigned,
    has_errors,
    node_facts,
    run_checks,
    same_target,
)
from kinerja.agreements.domain import AgreementDoc, BudgetLine, Line

D = Decimal
ONE = Decimal(1)


def doc(unit_id, superior, lines, budget=(), eselon="IV", name=None) -> AgreementDoc:
    return AgreementDoc(
        agreement_id=unit_id * 10,
        unit_id=unit_id,
        unit_slug=f"u{unit_id}",
        unit_name=name or f"Unit {unit_id}",
        eselon=eselon,
        year=2020,
        title=f"PK unit {unit_id}",
        superior_unit_id=superior,
        lines=tuple(lines),
        budget=tuple(budget),
    )


def line(key, parent=None, *, target=ONE, label="", satuan="Dokumen", indicator=None,
         node=None, position=0) -> Line:
    return Line(key, position, "Kegiatan", f"Indikator {key}", satuan, target, label,
                node_id=node, indicator_id=indicator, parent_key=parent)


BIRO = doc(1, None, [line(101)], eselon="II", name="Biro")
BAGIAN = doc(2, 1, [line(201, 101)], eselon="III", name="Bagian")
SUB = doc(3, 2, [line(301, 201)], name="Sub Bagian")


def codes(findings):
    return [(f.code, f.severity) for f in findings]


# --- cascade -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "agreements, superiors, expected",
    [
        pytest.param([BIRO, BAGIAN, SUB], [], [], id="complete chain"),
        pytest.param(
            [BIRO, replace(BAGIAN, lines=(line(201),)), SUB],
            [],
            [("pk_no_parent", ERROR), ("pk_no_children", WARNING)],
            id="bagian supports nothing: it has no parent, the biro's line no child",
        ),
        pytest.param(
            [BIRO, replace(BAGIAN, lines=(line(201, 101), line(202, 101))), SUB],
            [],
            [("pk_no_children", WARNING)],
            id="a bagian line nobody below supports",
        ),
        pytest.param(
            [BIRO, BAGIAN, replace(SUB, lines=(line(301, 101),))],
            [],
            [("pk_parent_not_superior", ERROR), ("pk_no_children", WARNING)],
            id="sub bagian skips a level and points at the biro",
        ),
        pytest.param(
            [BIRO, BAGIAN, replace(SUB, lines=(line(301, 999),))],
            [],
            [("pk_parent_not_superior", ERROR), ("pk_no_children", WARNING)],
            id="points at a line removed by a revision",
        ),
        pytest.param([BAGIAN, SUB], [], [], id="superior has no agreement: nothing expected"),
        pytest.param([SUB], [BAGIAN], [], id="superior outside the scope resolves the link"),
        pytest.param(
            [replace(SUB, lines=(line(301),))],
            [BAGIAN],
            [("pk_no_parent", ERROR)],
            id="superior outside the scope, no link",
        ),
        pytest.param(
            [BIRO], [], [], id="a lone agreement without sub-units expects no children"
        ),
    ],
)
def test_cascade(agreements, superiors, expected):
    assert sorted(codes(check_cascade(agreements, superiors=superiors))) == sorted(expected)


def test_cascade_finding_says_where_and_whose():
    findings = check_cascade([BIRO, replace(BAGIAN, lines=(line(201),))])
    [finding] = [f for f in findings if f.code == "pk_no_parent"]
    assert finding.where == "Bagian (PK versi 1) › indikator 1: Indikator 201"
    assert "Biro" in finding.message
    assert finding.expected == "mendukung salah satu dari 1 indikator PK atasan"


# --- targets -------------------------------------------------------------------------

PLAN_4 = IndicatorFact(9, "Tersusunnya administrasi Rupabumi", "Dokumen", value=D("4.0000"))


@pytest.mark.parametrize(
    "item, plan, expected",
    [
        pytest.param(line(1, target=D(4), indicator=9), PLAN_4, [], id="same"),
        pytest.param(line(1, target=D("4.0"), indicator=9), PLAN_4, [], id="same, other scale"),
        pytest.param(
            line(1, target=D(2), indicator=9), PLAN_4, [("pk_target_mismatch", ERROR)],
            id="2 in the PK, 4 in the plan (Rupabumi)",
        ),
        pytest.param(
            line(1, target=D(4), satuan="dokumen", indicator=9), PLAN_4, [],
            id="satuan differs only in case",
        ),
        pytest.param(
            line(1, target=D(4), satuan="Kegiatan", indicator=9), PLAN_4,
            [("pk_satuan_mismatch", WARNING)], id="satuan differs",
        ),
        pytest.param(
            line(1, target=D(3), satuan="Kegiatan", indicator=9), PLAN_4,
            [("pk_target_mismatch", ERROR), ("pk_satuan_mismatch", WARNING)], id="both",
        ),
        pytest.param(line(1, target=D(2)), PLAN_4, [], id="line not linked to the plan"),
        pytest.param(
            line(1, target=None, label="WTP", indicator=9),
            IndicatorFact(9, "Opini BPK", "", label="wtp"), [], id="same label",
        ),
        pytest.param(
            line(1, target=None, label="WDP", indicator=9),
            IndicatorFact(9, "Opini BPK", "", label="WTP"),
            [("pk_target_mismatch", ERROR)], id="other label",
        ),
        pytest.param(
            line(1, target=ONE, indicator=9), IndicatorFact(9, "Opini BPK", "", label="WTP"),
            [("pk_target_mismatch", ERROR)], id="number against a label",
        ),
        pytest.param(
            line(1, target=None, label="70–80", satuan="", indicator=9),
            IndicatorFact(9, "Indeks", "", low=D(70), high=D(80)), [], id="same range",
        ),
        pytest.param(
            line(1, target=D(75), satuan="", indicator=9),
            IndicatorFact(9, "Indeks", "", low=D(70), high=D(80)),
            [("pk_target_mismatch", ERROR)], id="number against a range",
        ),
        pytest.param(
            line(1, target=D(4), indicator=9), IndicatorFact(9, "Tanpa target", "Dokumen"),
            [("pk_plan_target_missing", WARNING)], id="plan has no target",
        ),
    ],
)
def test_targets_of_lines(item, plan, expected):
    assert codes(check_targets([doc(3, 2, [item])], {plan.id: plan})) == expected


def test_target_of_an_anggaran_line_is_compared_too():
    budget = [
        BudgetLine(0, "Administrasi Rupabumi", "02.03.01", 5, D(131400000), 9, "Dokumen", D(2)),
        BudgetLine(1, "Tanpa target", "02.03.02", 6, D(68600000), 9),
    ]
    [finding] = check_targets([doc(1, None, [], budget)], {9: PLAN_4})
    assert finding.code == "pk_target_mismatch"
    assert finding.where == "Unit 1 (PK versi 1) › anggaran: 02.03.01 Administrasi Rupabumi"
    assert (finding.expected, finding.found) == ("4 Dokumen", "2 Dokumen")


@pytest.mark.parametrize(
    "number, label, plan, same",
    [
        (D(4), "", PLAN_4, True),
        (D(5), "", PLAN_4, False),
        (None, "4", PLAN_4, False),
        (None, " wtp ", IndicatorFact(1, "x", label="WTP"), True),
        (None, "70 - 80", IndicatorFact(1, "x", low=D(70), high=D(80)), True),
        (None, "70–81", IndicatorFact(1, "x", low=D(70), high=D(80)), False),
    ],
)
def test_same_target(number, label, plan, same):
    assert same_target(number, label, plan) is same


# --- anggaran ------------------------------------------------------------------------

NODES = node_facts(
    [
        NodeRow(1, "02", "Program", "program", None, None),
        NodeRow(2, "02.03", "Kegiatan", "kegiatan", 1, None),
        NodeRow(3, "02.03.01", "Sub 1", "sub_kegiatan", 2, D("131400000.00")),
        NodeRow(4, "02.03.02", "Sub 2", "sub_kegiatan", 2, D("68600000.00")),
        NodeRow(5, "02.04", "Kegiatan tanpa pagu", "kegiatan", 1, None),
        NodeRow(6, "02.04.01", "Sub tanpa pagu", "sub_kegiatan", 5, None),
    ]
)


def test_node_facts_sum_the_leaves():
    assert NODES[1].pagu == D(200000000)
    assert NODES[2].pagu == D(200000000)
    assert NODES[6].pagu == D(0)
    assert [n.id for n in NODES.values() if n.is_leaf] == [3, 4, 6]


@pytest.mark.parametrize(
    "budget, expected",
    [
        ([BudgetLine(0, "Kegiatan", "02.03", 2, D(200000000))], []),
        ([BudgetLine(0, "Sub 1", "02.03.01", 3, D("131400000"))], []),
        ([BudgetLine(0, "Kegiatan", "02.03", 2, D(199000000))], [("pk_budget_mismatch", ERROR)]),
        ([BudgetLine(0, "Sub 1", "02.03.01", 3, None)], [("pk_budget_mismatch", ERROR)]),
        ([BudgetLine(0, "Sub tanpa pagu", "02.04.01", 6, D(0))], []),
        ([BudgetLine(0, "Hilang", "02.09", 99, D(5))], [("pk_budget_node_missing", ERROR)]),
        ([BudgetLine(0, "Belanja lain", "", None, D(5))], [("pk_budget_unlinked", WARNING)]),
    ],
)
def test_budget(budget, expected):
    assert codes(check_budget([doc(3, 2, [], budget)], NODES)) == expected


def test_budget_finding_in_rupiah():
    [f] = check_budget([doc(3, 2, [], [BudgetLine(0, "Kegiatan", "02.03", 2, D(199000000))])],
                       NODES)
    assert (f.expected, f.found) == ("Rp200.000.000", "Rp199.000.000")
    assert "kegiatan 02.03" in f.message


# --- coverage ------------------------------------------------------------------------

LEAVES = tuple(n for n in NODES.values() if n.is_leaf)


@pytest.mark.parametrize(
    "agreements, expected_codes",
    [
        pytest.param([], ["02.03.01", "02.03.02"], id="nobody: both leaves with pagu"),
        pytest.param(
            [doc(3, 2, [line(1, node=3)])], ["02.03.02"], id="an indicator about one leaf"
        ),
        pytest.param(
            [doc(3, 2, [], [BudgetLine(0, "Kegiatan", "02.03", 2, D(1))])], [],
            id="anggaran of the kegiatan covers its sub kegiatan",
        ),
        pytest.param(
            [doc(3, 2, [line(1, node=1)])], ["02.03.01", "02.03.02"],
            id="a program is not enough",
        ),
        pytest.param(
            [doc(3, 2, [line(1, node=3)]), doc(4, 2, [], [BudgetLine(0, "S", "", 4, D(1))])],
            [], id="two agreements share the work",
        ),
    ],
)
def test_unassigned(agreements, expected_codes):
    findings = check_unassigned(agreements, LEAVES)
    assert [f.where.split()[0] for f in findings] == expected_codes
    assert all(f.code == "pk_unassigned_leaf" and f.severity == ERROR for f in findings)


# --- presence and the whole run -------------------------------------------------------


def test_missing():
    units = [UnitFact(1, "Biro", "II"), UnitFact(2, "Bagian", "III"), UnitFact(9, "Tim", "")]
    findings = check_missing(units, [BIRO], 2020)
    assert codes(findings) == [("pk_missing", WARNING)]
    assert findings[0].where == "Bagian"


def test_run_checks_puts_errors_first_and_has_errors():
    data = CheckInput(
        year=2020,
        units=(UnitFact(1, "Biro", "II"), UnitFact(2, "Bagian", "III")),
        agreements=(BIRO,),
        nodes=NODES,
        leaves=LEAVES,
    )
    findings = run_checks(data)
    assert [f.severity for f in findings] == [ERROR, ERROR, WARNING]
    assert has_errors(findings)
    clean = CheckInput(year=2020, units=(UnitFact(1, "Biro", "II"),), agreements=(BIRO,))
    assert run_checks(clean) == [] and not has_errors([])
