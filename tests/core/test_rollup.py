import json
from decimal import Decimal as D

import pytest

from kinerja.core.achievement import IndicatorSpec, Target
from kinerja.core.numbers import percent
from kinerja.core.rollup import (
    ComputedNode,
    Figure,
    SeriesRow,
    compute_node,
    compute_tree,
    deviation_warning,
    monthly_series,
)
from kinerja.core.rules import DEFAULT_RULES, PredicateBand, Rules
from kinerja.core.tree import IndicatorInput, MonthInput, PlanNode

_ids = iter(range(1, 10**6))
HIGHER = IndicatorSpec()


def indicator(target, real, *, spec=HIGHER, statement="Jumlah dokumen", month=12):
    tgt = None if target is None else Target(D(target))
    monthly = {} if real is None else {month: D(real)}
    return IndicatorInput(next(_ids), statement, "Dokumen", spec, tgt, monthly)


def leaf(name, *, pagu=None, real=None, ach=None, months=(), indicators=None, level="tolok_ukur"):
    """A leaf; ``real`` is spent in December; ``ach`` = (target, realisation) of one indicator."""
    month_inputs = list(months)
    if real is not None:
        month_inputs.append(MonthInput(12, realisasi_keuangan=D(real)))
    if indicators is None:
        indicators = () if ach is None else (indicator(*ach),)
    return PlanNode(
        next(_ids),
        "",
        name,
        level,
        pagu=None if pagu is None else D(pagu),
        months=tuple(month_inputs),
        indicators=tuple(indicators),
    )


def parent(name, children, level="kegiatan", indicators=()):
    return PlanNode(next(_ids), "", name, level, children=tuple(children), indicators=indicators)


# --- money -----------------------------------------------------------------------------


def test_absorption_is_ratio_of_sums_not_mean_of_percentages():
    keg = parent("K", [leaf("A", pagu=100, real=100), leaf("B", pagu=900, real=0)])
    c = compute_node(keg)
    assert [ch.absorption.value for ch in c.children] == [D(100), D(0)]
    mean_of_percentages = (D(100) + D(0)) / 2
    assert c.absorption.value == D(10) != mean_of_percentages
    assert c.absorption.rule == "ratio_of_sums"
    assert c.absorption.explanation == "10,00% = Rp100 ÷ Rp1.000 × 100"
    assert c.pagu == Figure(D(1000), "sum", "Rp1.000 = jumlah 2 tolok ukur")
    assert c.realisasi == Figure(D(100), "sum", "Rp100 = jumlah 2 tolok ukur")
    assert c.children[0].pagu == Figure(D(100), "input", "Rp100 = pagu tolok ukur")
    assert c.children[0].absorption == Figure(D(100), "ratio", "100,00% = Rp100 ÷ Rp100 × 100")


@pytest.mark.parametrize(
    ("pagu", "real", "value", "rule", "explanation"),
    [
        (0, 0, None, "none", "pagu Rp0: penyerapan tidak terdefinisi"),
        (0, 5, None, "none", "pagu Rp0: penyerapan tidak terdefinisi"),
        (None, 5, None, "none", "penyerapan tidak dihitung: pagu belum ada"),
        (
            100,
            None,
            None,
            "none",
            "penyerapan tidak dihitung: realisasi belum diisi s.d. Desember",
        ),
        (3, 1, D("33.33333333333333333333333333333333"), "ratio", "33,33% = Rp1 ÷ Rp3 × 100"),
        (
            "655888600",
            "643797451",
            percent(D(643797451), D(655888600)),
            "ratio",
            "98,16% = Rp643.797.451 ÷ Rp655.888.600 × 100",
        ),
    ],
)
def test_leaf_absorption_edges(pagu, real, value, rule, explanation):
    c = compute_node(leaf("A", pagu=pagu, real=real))
    assert c.absorption == Figure(value, rule, explanation)


def test_parent_sum_leaves_out_children_without_figure_and_names_them():
    keg = parent("K", [leaf("A", pagu=100, real=40), leaf("B"), leaf("C", pagu=50)])
    c = compute_node(keg)
    assert c.pagu == Figure(D(150), "sum", "Rp150 = jumlah 2 tolok ukur; tanpa nilai: B")
    assert c.realisasi == Figure(D(40), "sum", "Rp40 = jumlah 1 tolok ukur; tanpa nilai: B, C")
    assert c.absorption.value == percent(D(40), D(150))


def test_parent_with_no_money_at_all():
    c = compute_node(parent("K", [leaf("A"), leaf("B")]))
    assert c.pagu == Figure(None, "none", "pagu belum ada pada 2 tolok ukur")
    assert c.absorption.value is None


def test_parent_pagu_zero_absorption_undefined():
    c = compute_node(parent("K", [leaf("A", pagu=0, real=0), leaf("B", pagu=0, real=0)]))
    assert c.pagu.value == D(0)
    assert c.absorption == Figure(None, "none", "pagu Rp0: penyerapan tidak terdefinisi")


def test_money_with_sen_is_shown_exactly():
    c = compute_node(leaf("A", pagu="1000.50", real="500.25"))
    assert c.pagu.explanation == "Rp1.000,50 = pagu tolok ukur"
    assert c.absorption.explanation == "50,00% = Rp500,25 ÷ Rp1.000,50 × 100"


@pytest.mark.parametrize(
    ("upto", "value", "explanation"),
    [
        (1, D(10), "Rp10 = jumlah realisasi 1 bulan s.d. Januari"),
        (2, D(10), "Rp10 = jumlah realisasi 1 bulan s.d. Februari"),
        (3, D(40), "Rp40 = jumlah realisasi 2 bulan s.d. Maret"),
        (12, D(100), "Rp100 = jumlah realisasi 3 bulan s.d. Desember"),
    ],
)
def test_leaf_realisasi_is_sum_of_monthly_flows_upto(upto, value, explanation):
    months = [
        MonthInput(1, realisasi_keuangan=D(10)),
        MonthInput(2),
        MonthInput(3, realisasi_keuangan=D(30)),
        MonthInput(7, realisasi_keuangan=D(60)),
    ]
    c = compute_node(leaf("A", pagu=200, months=months), upto_month=upto)
    assert c.realisasi == Figure(value, "sum", explanation)


# --- physical progress and plans -------------------------------------------------------


def fisik_leaf(name, pagu, fisik=None, plan_fisik=None, plan_keuangan=None, month=6):
    return leaf(
        name,
        pagu=pagu,
        months=[
            MonthInput(
                month,
                plan_fisik=None if plan_fisik is None else D(plan_fisik),
                plan_keuangan=None if plan_keuangan is None else D(plan_keuangan),
                fisik=None if fisik is None else D(fisik),
            )
        ],
    )


def test_fisik_weighted_by_pagu():
    keg = parent("K", [fisik_leaf("A", 100, 80), fisik_leaf("B", 300, 50), fisik_leaf("C", 600)])
    c = compute_node(keg)
    assert c.fisik == Figure(
        D("57.5"),
        "weighted_pagu",
        "57,50% = (80 × Rp100 + 50 × Rp300) ÷ Rp400; tanpa nilai: C",
    )
    assert c.children[0].fisik == Figure(D(80), "input", "80% = realisasi fisik kumulatif Juni")


def test_fisik_mean_by_rule():
    keg = parent("K", [fisik_leaf("A", 100, 80), fisik_leaf("B", 300, 50), fisik_leaf("C", 600)])
    c = compute_node(keg, rules=Rules(fisik_rollup="mean"))
    assert c.fisik == Figure(
        D(65), "mean", "65,00% = rata-rata 2 tolok ukur: 80; 50; tanpa nilai: C"
    )


def test_fisik_weighted_child_without_pagu_left_out():
    keg = parent("K", [fisik_leaf("A", 100, 80), fisik_leaf("B", None, 50)])
    c = compute_node(keg)
    assert c.fisik == Figure(
        D(80), "weighted_pagu", "80,00% = (80 × Rp100) ÷ Rp100; tanpa nilai: B (tanpa pagu)"
    )


def test_fisik_weighted_all_pagu_zero_is_undefined():
    keg = parent("K", [fisik_leaf("A", 0, 80), fisik_leaf("B", 0, 50)])
    c = compute_node(keg)
    assert c.fisik.value is None
    assert c.fisik.explanation == (
        "jumlah pagu 2 tolok ukur Rp0: rata-rata tertimbang tidak terdefinisi"
    )


def test_fisik_missing_everywhere():
    c = compute_node(parent("K", [leaf("A", pagu=1), leaf("B", pagu=1)]))
    assert c.fisik == Figure(None, "none", "realisasi fisik belum ada pada 2 tolok ukur")
    assert c.children[0].fisik == Figure(
        None, "none", "realisasi fisik belum diisi s.d. Desember"
    )


def test_cumulative_figures_carry_forward_to_upto_month():
    months = [
        MonthInput(3, plan_fisik=D(30), plan_keuangan=D(300), fisik=D(25)),
        MonthInput(6, plan_fisik=D(60), plan_keuangan=D(600), fisik=D(50)),
    ]
    node = leaf("A", pagu=1000, months=months)
    at_may = compute_node(node, upto_month=5)
    assert at_may.plan_fisik == Figure(D(30), "input", "30% = rencana fisik kumulatif Maret")
    assert at_may.plan_keuangan == Figure(
        D(300), "input", "Rp300 = rencana keuangan kumulatif Maret"
    )
    assert at_may.plan_keuangan_pct == Figure(D(30), "ratio", "30,00% = Rp300 ÷ Rp1.000 × 100")
    assert compute_node(node, upto_month=12).fisik.value == D(50)
    assert compute_node(node, upto_month=2).plan_fisik.value is None


def test_plan_keuangan_sum_and_ratio_of_sums():
    keg = parent(
        "K",
        [
            fisik_leaf("A", 1000, plan_keuangan=500, plan_fisik=40),
            fisik_leaf("B", 3000, plan_keuangan=600, plan_fisik=20),
        ],
    )
    c = compute_node(keg)
    assert c.plan_keuangan == Figure(D(1100), "sum", "Rp1.100 = jumlah 2 tolok ukur")
    assert c.plan_keuangan_pct == Figure(
        D("27.5"), "ratio_of_sums", "27,50% = Rp1.100 ÷ Rp4.000 × 100"
    )
    assert c.plan_fisik.value == D(25)  # (40 × 1000 + 20 × 3000) ÷ 4000


def test_deviation_and_warnings():
    months = [
        MonthInput(
            6, plan_fisik=D(60), plan_keuangan=D(600), realisasi_keuangan=D(400), fisik=D(49)
        )
    ]
    c = compute_node(leaf("A", pagu=1000, months=months), upto_month=6)
    assert c.deviation_fisik == Figure(
        D(-11), "deviation", "-11 = 49 − 60 (realisasi − rencana fisik)"
    )
    assert c.deviation_keuangan == Figure(
        D(-20), "deviation", "-20 = 40 − 60 (realisasi − rencana keuangan)"
    )
    assert c.deviation_fisik_warning is True
    assert c.deviation_keuangan_warning is True


def test_deviation_undefined_without_plan():
    c = compute_node(leaf("A", pagu=1000, real=10))
    assert c.deviation_fisik == Figure(
        None, "none", "realisasi − rencana fisik tidak dihitung: data belum lengkap"
    )
    assert c.deviation_fisik_warning is False


@pytest.mark.parametrize(
    ("plan", "real", "warn"),
    [
        (D(70), D(60), False),  # behind exactly 10 while plan ≤ 70
        (D(70), D("59.99"), True),
        (D(20), D("9.99"), True),
        (D(20), D(10), False),
        (D("70.01"), D("65.01"), False),  # behind exactly 5 after 70
        (D("70.01"), D(65), True),
        (D(100), D(95), False),
        (D(100), D("94.99"), True),
        (D(50), D(80), False),  # ahead
        (D(0), D(0), False),
        (None, D(10), False),
        (D(10), None, False),
    ],
)
def test_deviation_warning_thresholds(plan, real, warn):
    assert deviation_warning(plan, real, DEFAULT_RULES) is warn


def test_deviation_warning_custom_rules():
    rules = Rules(deviation_plan_split=D(50), deviation_early=D(20), deviation_late=D(2))
    assert deviation_warning(D(50), D(35), rules) is False
    assert deviation_warning(D(50), D(29), rules) is True
    assert deviation_warning(D(51), D(48), rules) is True
    assert deviation_warning(D(51), D(49), rules) is False


# --- achievements ----------------------------------------------------------------------


THREE = [("A", 100, (1, 1)), ("B", 300, (2, 1)), ("C", 600, (4, 3))]  # 100, 50, 75


def three_children():
    return parent(
        "P",
        [parent(n, [leaf(f"{n}1", pagu=p, ach=a)], level="kegiatan") for n, p, a in THREE],
        level="program",
    )


@pytest.mark.parametrize(
    ("rollup", "value", "rule", "explanation"),
    [
        ("mean", D(75), "mean", "75 = rata-rata 3 kegiatan: 100; 50; 75"),
        (
            "weighted_pagu",
            D(70),
            "weighted_pagu",
            "70 = (100 × Rp100 + 50 × Rp300 + 75 × Rp600) ÷ Rp1.000",
        ),
        ("min", D(50), "min", "50 = terendah dari 3 kegiatan: 100; 50; 75"),
    ],
)
def test_achievement_rollups(rollup, value, rule, explanation):
    c = compute_node(three_children(), rules=Rules(achievement_rollup=rollup))
    assert c.achievement == Figure(value, rule, explanation)
    assert c.achievement_raw.value == value
    assert c.excluded == ()


def test_leaf_single_indicator_figure_uses_its_explanation():
    c = compute_node(leaf("A", ach=(5, 7)))
    assert c.achievement == Figure(D(100), "indicator", "140 = 7 ÷ 5 × 100; dibatasi 100")
    assert c.achievement_raw == Figure(D(140), "indicator", "140 = 7 ÷ 5 × 100")
    assert c.predicate == "Sangat Tinggi"
    (result,) = c.indicators
    assert result.realisation == D(7)
    assert result.achievement.raw == D(140)
    ind, ach, real = result  # a plain tuple too
    assert (ind.statement, ach.capped, real) == ("Jumlah dokumen", D(100), D(7))


def test_parent_rolls_up_capped_and_raw_separately():
    keg = parent("K", [leaf("A", ach=(5, 7)), leaf("B", ach=(2, 1))])
    c = compute_node(keg)
    assert c.achievement == Figure(D(75), "mean", "75 = rata-rata 2 tolok ukur: 100; 50")
    assert c.achievement_raw == Figure(D(95), "mean", "95 = rata-rata 2 tolok ukur: 140; 50")


def test_no_cap_rolls_up_raw_values():
    keg = parent("K", [leaf("A", ach=(5, 7)), leaf("B", ach=(2, 1))])
    c = compute_node(keg, rules=Rules(cap=None))
    assert c.achievement.value == D(95)
    assert c.children[0].achievement.explanation == "140 = 7 ÷ 5 × 100"


def test_undefined_child_is_excluded_and_named():
    keg = parent("K", [leaf("A", ach=(2, 2)), leaf("Penyusunan", ach=(0, 0))])
    c = compute_node(keg)
    assert c.achievement == Figure(
        D(100), "mean", "100 = rata-rata 1 tolok ukur: 100; tidak dihitung: Penyusunan (target 0)"
    )
    assert c.excluded == ("Penyusunan (target 0)",)
    assert c.children[1].achievement == Figure(None, "none", "target 0: capaian tidak terdefinisi")
    assert c.children[1].reason == "target 0"
    assert c.children[1].predicate is None


def test_all_children_undefined_gives_undefined_parent():
    keg = parent("K", [leaf("A", ach=(0, 1)), leaf("B"), leaf("C", ach=(None, 3))])
    c = compute_node(keg)
    assert c.achievement == Figure(
        None,
        "none",
        "tidak ada tolok ukur dengan nilai terdefinisi; tidak dihitung: A (target 0), "
        "B (tanpa indikator), C (target belum diisi)",
    )
    assert c.achievement_raw.value is None
    assert c.predicate is None
    assert c.reason == "tidak ada capaian terdefinisi"
    assert c.efficiency.value is None
    up = compute_node(parent("P", [keg, parent("L", [leaf("D", ach=(4, 2))])], level="program"))
    assert up.achievement.value == D(50)
    assert up.excluded == ("K (tidak ada capaian terdefinisi)",)


def test_weighted_rollup_leaves_out_child_without_pagu():
    keg = parent("K", [leaf("A", pagu=300, ach=(2, 1)), leaf("B", ach=(1, 1))])
    c = compute_node(keg, rules=Rules(achievement_rollup="weighted_pagu"))
    assert c.achievement == Figure(
        D(50), "weighted_pagu", "50 = (50 × Rp300) ÷ Rp300; tidak dihitung: B (tanpa pagu)"
    )
    assert c.excluded == ("B (tanpa pagu)",)


def test_leaf_with_several_indicators_takes_their_mean():
    inds = (
        indicator(4, 3, statement="Dokumen"),
        indicator(2, 3, statement="Rapat"),
        indicator(0, 0, statement="Kajian"),
    )
    c = compute_node(leaf("A", indicators=inds))
    assert c.achievement == Figure(
        D("87.5"),
        "mean",
        "87,5 = rata-rata 2 indikator: 75; 100; tidak dihitung: Kajian (target 0)",
    )
    assert c.achievement_raw == Figure(
        D("112.5"),
        "mean",
        "112,5 = rata-rata 2 indikator: 75; 150; tidak dihitung: Kajian (target 0)",
    )
    assert c.excluded == ("Kajian (target 0)",)


def test_leaf_with_several_undefined_indicators():
    inds = (indicator(0, 1, statement="X"), indicator(3, None, statement="Y"))
    c = compute_node(leaf("A", indicators=inds))
    assert c.achievement == Figure(
        None,
        "none",
        "tidak ada indikator dengan capaian terdefinisi; tidak dihitung: X (target 0), "
        "Y (realisasi belum diisi)",
    )
    assert c.reason == "tidak ada capaian terdefinisi"


def test_leaf_without_indicators():
    c = compute_node(leaf("A", pagu=1))
    assert c.achievement == Figure(None, "none", "tanpa indikator")
    assert c.reason == "tanpa indikator"


def test_parent_indicators_are_evaluated_but_not_rolled_up():
    ikm = indicator("3.3", "3.3", spec=IndicatorSpec(cumulative=False), statement="Nilai IKM")
    prog = parent("P", [parent("K", [leaf("A", ach=(2, 1))])], level="program", indicators=(ikm,))
    c = compute_node(prog)
    assert c.achievement.value == D(50)
    (result,) = c.indicators
    assert result.achievement.capped == D(100)
    assert result.realisation == D("3.3")


@pytest.mark.parametrize(
    ("target", "real", "rules", "predicate"),
    [
        (100, 90, DEFAULT_RULES, "Tinggi"),
        (10000, 9001, DEFAULT_RULES, "Sangat Tinggi"),
        (100, 150, DEFAULT_RULES, "Sangat Tinggi"),
        (100, 150, Rules(cap=None), "Sangat Tinggi"),
        (100, 76, DEFAULT_RULES, "Tinggi"),
        (100, 75, DEFAULT_RULES, "Sedang"),
        (100, 66, DEFAULT_RULES, "Sedang"),
        (100, 65, DEFAULT_RULES, "Rendah"),
        (100, 51, DEFAULT_RULES, "Rendah"),
        (100, 50, DEFAULT_RULES, "Sangat Rendah"),
        (100, 0, DEFAULT_RULES, "Sangat Rendah"),
        (
            100,
            81,
            Rules(predicate_scale=(PredicateBand(D(80), "Baik"),), predicate_floor="Kurang"),
            "Baik",
        ),
        (
            100,
            80,
            Rules(predicate_scale=(PredicateBand(D(80), "Baik"),), predicate_floor="Kurang"),
            "Kurang",
        ),
    ],
)
def test_predicate_of_node(target, real, rules, predicate):
    c = compute_node(leaf("A", ach=(target, real)), rules=rules)
    assert c.predicate == predicate


def test_efficiency_is_achievement_minus_absorption():
    c = compute_node(leaf("A", pagu=1193209000, real=853232370, ach=(1, 1)))
    assert c.efficiency.value == D("28.49263037741083079326421439999195")
    assert c.efficiency.rule == "difference"
    assert c.efficiency.explanation == "28,49 = 100 − 71,51 (capaian − penyerapan)"


def test_efficiency_can_be_negative_and_uses_capped_achievement():
    c = compute_node(leaf("A", pagu=100, real=90, ach=(5, 7)))
    assert c.efficiency.value == D(10)
    c = compute_node(leaf("A", pagu=100, real=90, ach=(2, 1)))
    assert c.efficiency == Figure(D(-40), "difference", "-40 = 50 − 90 (capaian − penyerapan)")


@pytest.mark.parametrize(
    ("pagu", "real", "ach"),
    [(None, None, (1, 1)), (0, 0, (1, 1)), (100, 50, None)],
)
def test_efficiency_undefined(pagu, real, ach):
    assert compute_node(leaf("A", pagu=pagu, real=real, ach=ach)).efficiency.value is None


# --- the tree --------------------------------------------------------------------------


def test_compute_tree_synthetic_root_walk_find_and_to_dict():
    k1 = PlanNode(10, "4.01.01.1.01", "K1", "kegiatan", children=(leaf("A", pagu=10, ach=(1, 1)),))
    prog = PlanNode(1, "4.01.01", "P", "program", children=(k1,))
    root = compute_tree([prog], name="Biro Pemerintahan")
    assert isinstance(root, ComputedNode)
    assert (root.name, root.level, root.code) == ("Biro Pemerintahan", "unit", "")
    assert [n.name for n in root.walk()] == ["Biro Pemerintahan", "P", "K1", "A"]
    assert root.find("4.01.01.1.01").name == "K1"
    assert root.find("9") is None
    assert root.find_name("A").pagu.value == D(10)
    assert root.achievement.explanation == "100 = rata-rata 1 program: 100"
    data = json.loads(json.dumps(root.to_dict()))
    assert data["name"] == "Biro Pemerintahan"
    assert data["id"] is None
    assert data["pagu"] == {"value": "10", "rule": "sum", "explanation": "Rp10 = jumlah 1 program"}
    assert data["absorption"]["value"] is None
    assert data["children"][0]["id"] == 1
    leaf_data = data["children"][0]["children"][0]["children"][0]
    assert leaf_data["achievement"]["value"] == "100"
    assert leaf_data["indicators"][0]["achievement"]["formula"] == "r_over_t"
    assert leaf_data["indicators"][0]["realisation"] == "1"
    assert leaf_data["predicate"] == "Sangat Tinggi"


def test_to_dict_writes_decimals_without_exponent():
    c = compute_node(leaf("A", pagu=D("1E+3"), real=D(1)))
    assert c.to_dict()["pagu"]["value"] == "1000"


def test_empty_tree():
    root = compute_tree([])
    assert root.pagu.value is None
    assert root.achievement.value is None
    assert root.children == ()


@pytest.mark.parametrize("upto", [0, 13, -1, True])
def test_invalid_upto_month(upto):
    with pytest.raises(ValueError):
        compute_tree([], upto_month=upto)


def test_parent_own_pagu_and_months_are_ignored():
    node = PlanNode(
        1,
        "",
        "K",
        "kegiatan",
        children=(leaf("A", pagu=10, real=5),),
        pagu=D(999),
        months=(MonthInput(12, realisasi_keuangan=D(999)),),
    )
    c = compute_node(node)
    assert (c.pagu.value, c.realisasi.value) == (D(10), D(5))


def test_mixed_child_levels_are_called_anak():
    node = parent("K", [leaf("A", pagu=1), leaf("B", pagu=2, level="sub_kegiatan")])
    assert compute_node(node).pagu.explanation == "Rp3 = jumlah 2 anak"


# --- S-curve ---------------------------------------------------------------------------


def s_curve_tree():
    a_months = [
        MonthInput(m, plan_fisik=D(m * 10), plan_keuangan=D(m * 100), realisasi_keuangan=D(50))
        for m in range(1, 11)
    ] + [MonthInput(3, fisik=D(20))]
    b_months = [MonthInput(6, plan_fisik=D(100), plan_keuangan=D(3000), fisik=D(90))]
    return [
        PlanNode(
            1,
            "1",
            "P",
            "program",
            children=(
                PlanNode(2, "1.1", "A", "tolok_ukur", pagu=D(1000), months=tuple(a_months)),
                PlanNode(3, "1.2", "B", "tolok_ukur", pagu=D(3000), months=tuple(b_months)),
            ),
        )
    ]


def test_monthly_series_unit_level():
    rows = monthly_series(s_curve_tree(), name="Biro")
    assert len(rows) == 12
    assert all(isinstance(r, SeriesRow) and r.name == "Biro" for r in rows)
    jan, mar, jun, dec = rows[0], rows[2], rows[5], rows[11]
    assert (jan.month, jan.plan_fisik, jan.plan_keuangan, jan.fisik, jan.keuangan) == (
        1,
        D(10),
        D("2.5"),
        None,
        D("1.25"),
    )
    assert (mar.plan_fisik, mar.fisik, mar.keuangan) == (D(30), D(20), D("3.75"))
    # June: plan fisik (60 × 1000 + 100 × 3000) ÷ 4000 = 90; fisik (20 × 1000 + 90 × 3000) ÷ 4000
    assert (jun.plan_fisik, jun.plan_keuangan, jun.fisik) == (D(90), D(90), D("72.5"))
    assert (dec.plan_fisik, dec.plan_keuangan, dec.keuangan) == (D(100), D(100), D("12.5"))


def test_monthly_series_per_node_and_from_computed():
    computed = compute_tree(s_curve_tree())
    rows = monthly_series(computed.children[0], per_node=True)
    assert len(rows) == 36
    assert [r.code for r in rows[:3]] == ["1", "1.1", "1.2"]
    a_june = next(r for r in rows if r.month == 6 and r.code == "1.1")
    assert (a_june.plan_fisik, a_june.plan_keuangan, a_june.fisik, a_june.keuangan) == (
        D(60),
        D(60),
        D(20),
        D(30),
    )
    assert monthly_series(computed)[5] == monthly_series(s_curve_tree())[5]
