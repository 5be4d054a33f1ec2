from decimal import Decimal as D

import pytest

from kinerja.core.achievement import (
    Achievement,
    IndicatorSpec,
    Target,
    achieve,
    monthly_pairs,
    realisation_upto,
)
from kinerja.core.rules import DEFAULT_RULES, Rules

HIGHER = IndicatorSpec()
LOWER = IndicatorSpec(polarity="lower")
RANGE = IndicatorSpec(value_type="range")
RANGE_LOWER = IndicatorSpec(polarity="lower", value_type="range")
T_OVER_R = Rules(lower_is_better="t_over_r")
NO_CAP = Rules(cap=None)
INSIDE_STRICT = Rules(range_inside_is_100=False)
OPINIONS = ("TMP", "TW", "WDP", "WTP")
QUAL = IndicatorSpec(value_type="qualitative", levels=OPINIONS)
QUAL_LOWER = IndicatorSpec(polarity="lower", value_type="qualitative", levels=("1", "2", "3"))
QUAL_MET = IndicatorSpec(value_type="qualitative", levels=OPINIONS, qualitative_mode="met")
QUAL_MET_LOWER = IndicatorSpec(
    polarity="lower", value_type="qualitative", levels=OPINIONS, qualitative_mode="met"
)
QUAL_MET_FREE = IndicatorSpec(value_type="qualitative", qualitative_mode="met")


# (spec, target, realisation, rules, raw, capped, is_capped, formula, explanation)
CASES = [
    # higher is better
    (HIGHER, Target(D(5)), D(7), DEFAULT_RULES, D(140), D(100), True, "r_over_t",
     "140 = 7 ÷ 5 × 100; dibatasi 100"),
    (HIGHER, Target(D(5)), D(7), NO_CAP, D(140), D(140), False, "r_over_t", "140 = 7 ÷ 5 × 100"),
    (HIGHER, Target(D(4)), D(3), DEFAULT_RULES, D(75), D(75), False, "r_over_t",
     "75 = 3 ÷ 4 × 100"),
    (HIGHER, Target(D(5)), D(5), DEFAULT_RULES, D(100), D(100), False, "r_over_t",
     "100 = 5 ÷ 5 × 100"),
    (HIGHER, Target(D(3)), D(1), DEFAULT_RULES, D("33.33333333333333333333333333333333"),
     D("33.33333333333333333333333333333333"), False, "r_over_t", "33,33 = 1 ÷ 3 × 100"),
    (HIGHER, Target(D(1)), D(0), DEFAULT_RULES, D(0), D(0), False, "r_over_t", "0 = 0 ÷ 1 × 100"),
    (HIGHER, Target(D("3.3")), D("3.3"), DEFAULT_RULES, D(100), D(100), False, "r_over_t",
     "100 = 3,3 ÷ 3,3 × 100"),
    (HIGHER, Target(D(10)), D(-2), DEFAULT_RULES, D(-20), D(-20), False, "r_over_t",
     "-20 = -2 ÷ 10 × 100"),
    (HIGHER, Target(D(5)), D(7), Rules(cap=D(120)), D(140), D(120), True, "r_over_t",
     "140 = 7 ÷ 5 × 100; dibatasi 120"),
    (IndicatorSpec(value_type="percent"), Target(D(75)), D("82.81"), DEFAULT_RULES,
     D("110.4133333333333333333333333333333"), D(100), True, "r_over_t",
     "110,41 = 82,81 ÷ 75 × 100; dibatasi 100"),
    (HIGHER, Target(D(5)), "7", DEFAULT_RULES, D(140), D(100), True, "r_over_t",
     "140 = 7 ÷ 5 × 100; dibatasi 100"),
    (HIGHER, Target(5), 6, DEFAULT_RULES, D(120), D(100), True, "r_over_t",
     "120 = 6 ÷ 5 × 100; dibatasi 100"),
    # lower is better, default (2T − R) ÷ T
    (LOWER, Target(D(8)), D(9), DEFAULT_RULES, D("87.5"), D("87.5"), False, "2t_minus_r",
     "87,5 = (2 × 8 − 9) ÷ 8 × 100"),
    (LOWER, Target(D(8)), D(6), DEFAULT_RULES, D(125), D(100), True, "2t_minus_r",
     "125 = (2 × 8 − 6) ÷ 8 × 100; dibatasi 100"),
    (LOWER, Target(D(8)), D(8), DEFAULT_RULES, D(100), D(100), False, "2t_minus_r",
     "100 = (2 × 8 − 8) ÷ 8 × 100"),
    (LOWER, Target(D(8)), D(16), DEFAULT_RULES, D(0), D(0), False, "2t_minus_r",
     "0 = (2 × 8 − 16) ÷ 8 × 100"),
    (LOWER, Target(D(8)), D(20), DEFAULT_RULES, D(0), D(0), False, "2t_minus_r",
     "0 = (2 × 8 − 20) ÷ 8 × 100 = -50; minimal 0"),
    (LOWER, Target(D(8)), D(0), NO_CAP, D(200), D(200), False, "2t_minus_r",
     "200 = (2 × 8 − 0) ÷ 8 × 100"),
    (LOWER, Target(D("2.5")), D("2.75"), DEFAULT_RULES, D(90), D(90), False, "2t_minus_r",
     "90 = (2 × 2,5 − 2,75) ÷ 2,5 × 100"),
    # lower is better, T ÷ R
    (LOWER, Target(D(8)), D(10), T_OVER_R, D(80), D(80), False, "t_over_r", "80 = 8 ÷ 10 × 100"),
    (LOWER, Target(D(8)), D(4), T_OVER_R, D(200), D(100), True, "t_over_r",
     "200 = 8 ÷ 4 × 100; dibatasi 100"),
    (LOWER, Target(D(8)), D(9), T_OVER_R, D("88.88888888888888888888888888888889"),
     D("88.88888888888888888888888888888889"), False, "t_over_r", "88,89 = 8 ÷ 9 × 100"),
    (LOWER, Target(D(8)), D(0), T_OVER_R, D(200), D(100), True, "t_over_r_zero",
     "200 = realisasi 0: 8 ÷ 0 tidak terdefinisi, dipakai (2 × 8 − 0) ÷ 8 × 100; dibatasi 100"),
    (LOWER, Target(D(8)), D(0), Rules(lower_is_better="t_over_r", cap=None), D(200), D(200),
     False, "t_over_r_zero",
     "200 = realisasi 0: 8 ÷ 0 tidak terdefinisi, dipakai (2 × 8 − 0) ÷ 8 × 100"),
    (LOWER, Target(D(8)), D(-4), T_OVER_R, D(0), D(0), False, "t_over_r",
     "0 = 8 ÷ -4 × 100 = -200; minimal 0"),
    # target 0
    (LOWER, Target(D(0)), D(0), DEFAULT_RULES, D(100), D(100), False, "target_zero",
     "100 = target 0 dan realisasi 0"),
    (LOWER, Target(D(0)), D(3), DEFAULT_RULES, D(0), D(0), False, "target_zero",
     "0 = target 0, realisasi 3 (bukan 0)"),
    (LOWER, Target(D(0)), D(0), T_OVER_R, D(100), D(100), False, "target_zero",
     "100 = target 0 dan realisasi 0"),
    (LOWER, Target(D(0)), D(2), T_OVER_R, D(0), D(0), False, "target_zero",
     "0 = target 0, realisasi 2 (bukan 0)"),
    (HIGHER, Target(D(0)), D(0), DEFAULT_RULES, None, None, False, "none",
     "target 0: capaian tidak terdefinisi"),
    (HIGHER, Target(D(0)), D(4), DEFAULT_RULES, None, None, False, "none",
     "target 0: capaian tidak terdefinisi"),
    (HIGHER, Target(D(-1)), D(4), DEFAULT_RULES, None, None, False, "none",
     "target negatif: capaian tidak terdefinisi"),
    (LOWER, Target(D(-1)), D(4), DEFAULT_RULES, None, None, False, "none",
     "target negatif: capaian tidak terdefinisi"),
    # missing data
    (HIGHER, None, D(4), DEFAULT_RULES, None, None, False, "none",
     "target belum diisi: capaian tidak terdefinisi"),
    (HIGHER, Target(), D(4), DEFAULT_RULES, None, None, False, "none",
     "target belum diisi: capaian tidak terdefinisi"),
    (HIGHER, Target(D(4)), None, DEFAULT_RULES, None, None, False, "none",
     "realisasi belum diisi: capaian tidak terdefinisi"),
    (HIGHER, Target(D(4)), "  ", DEFAULT_RULES, None, None, False, "none",
     "realisasi belum diisi: capaian tidak terdefinisi"),
    (HIGHER, Target(D(4)), "tiga", DEFAULT_RULES, None, None, False, "none",
     "realisasi bukan angka: tiga: capaian tidak terdefinisi"),
    # range, higher is better
    (RANGE, Target(low=D(5), high=D(8)), D(10), DEFAULT_RULES, D(125), D(100), True, "r_over_t",
     "125 = 10 ÷ 8 × 100 (di atas rentang 5–8); dibatasi 100"),
    (RANGE, Target(low=D(5), high=D(8)), D(4), DEFAULT_RULES, D(80), D(80), False, "r_over_t",
     "80 = 4 ÷ 5 × 100 (di bawah rentang 5–8)"),
    (RANGE, Target(low=D(5), high=D(8)), D(6), DEFAULT_RULES, D(100), D(100), False,
     "range_inside", "100 = 6 di dalam rentang 5–8"),
    (RANGE, Target(low=D(5), high=D(8)), D(5), DEFAULT_RULES, D(100), D(100), False,
     "range_inside", "100 = 5 di dalam rentang 5–8"),
    (RANGE, Target(low=D(5), high=D(8)), D(8), DEFAULT_RULES, D(100), D(100), False,
     "range_inside", "100 = 8 di dalam rentang 5–8"),
    (RANGE, Target(low=D(5), high=D(8)), D(6), INSIDE_STRICT, D(75), D(75), False, "r_over_t",
     "75 = 6 ÷ 8 × 100 (di dalam rentang 5–8, dihitung terhadap 8)"),
    (RANGE, Target(low=D(0), high=D(8)), D(-1), DEFAULT_RULES, None, None, False, "none",
     "target 0: capaian tidak terdefinisi"),
    (RANGE, Target(low=D(8), high=D(5)), D(6), DEFAULT_RULES, None, None, False, "none",
     "rentang target tidak valid: capaian tidak terdefinisi"),
    (RANGE, Target(low=D(5)), D(6), DEFAULT_RULES, None, None, False, "none",
     "target rentang belum lengkap: capaian tidak terdefinisi"),
    (RANGE, Target(high=D(0)), D(6), DEFAULT_RULES, None, None, False, "none",
     "target rentang belum lengkap: capaian tidak terdefinisi"),
    (RANGE, Target(value=D(5)), D(6), DEFAULT_RULES, None, None, False, "none",
     "target belum diisi: capaian tidak terdefinisi"),
    # range, lower is better
    (RANGE_LOWER, Target(low=D(5), high=D(8)), D(10), DEFAULT_RULES, D(75), D(75), False,
     "2t_minus_r", "75 = (2 × 8 − 10) ÷ 8 × 100 (di atas rentang 5–8)"),
    (RANGE_LOWER, Target(low=D(5), high=D(8)), D(4), DEFAULT_RULES, D(120), D(100), True,
     "2t_minus_r", "120 = (2 × 5 − 4) ÷ 5 × 100 (di bawah rentang 5–8); dibatasi 100"),
    (RANGE_LOWER, Target(low=D(5), high=D(8)), D(7), DEFAULT_RULES, D(100), D(100), False,
     "range_inside", "100 = 7 di dalam rentang 5–8"),
    (RANGE_LOWER, Target(low=D(5), high=D(8)), D(6), INSIDE_STRICT, D(80), D(80), False,
     "2t_minus_r", "80 = (2 × 5 − 6) ÷ 5 × 100 (di dalam rentang 5–8, dihitung terhadap 5)"),
    (RANGE_LOWER, Target(low=D(5), high=D(8)), D(10), T_OVER_R, D(80), D(80), False,
     "t_over_r", "80 = 8 ÷ 10 × 100 (di atas rentang 5–8)"),
    (RANGE_LOWER, Target(low=D(0), high=D(2)), D(3), DEFAULT_RULES, D(50), D(50), False,
     "2t_minus_r", "50 = (2 × 2 − 3) ÷ 2 × 100 (di atas rentang 0–2)"),
    # qualitative, levels
    (QUAL, Target(label="WTP"), "WDP", DEFAULT_RULES, D(75), D(75), False, "levels",
     "75 = 3 ÷ 4 × 100; tingkat WDP = 3, target WTP = 4"),
    (QUAL, Target(label="WTP"), "WTP", DEFAULT_RULES, D(100), D(100), False, "levels",
     "100 = 4 ÷ 4 × 100; tingkat WTP = 4, target WTP = 4"),
    (QUAL, Target(label="WDP"), "wtp", NO_CAP, D("133.3333333333333333333333333333333"),
     D("133.3333333333333333333333333333333"), False, "levels",
     "133,33 = 4 ÷ 3 × 100; tingkat wtp = 4, target WDP = 3"),
    (QUAL, Target(label="WDP"), "WTP", DEFAULT_RULES, D("133.3333333333333333333333333333333"),
     D(100), True, "levels", "133,33 = 4 ÷ 3 × 100; tingkat WTP = 4, target WDP = 3; dibatasi 100"),
    (QUAL, Target(label="WTP"), " TMP ", DEFAULT_RULES, D(25), D(25), False, "levels",
     "25 = 1 ÷ 4 × 100; tingkat TMP = 1, target WTP = 4"),
    (QUAL, Target(label="WTP"), "BAIK", DEFAULT_RULES, None, None, False, "none",
     "label realisasi tidak dikenal: BAIK: capaian tidak terdefinisi"),
    (QUAL, Target(label="AA"), "WTP", DEFAULT_RULES, None, None, False, "none",
     "label target tidak dikenal: AA: capaian tidak terdefinisi"),
    (QUAL, Target(label=" "), "WTP", DEFAULT_RULES, None, None, False, "none",
     "target belum diisi: capaian tidak terdefinisi"),
    (QUAL_LOWER, Target(label="2"), "3", DEFAULT_RULES, D(50), D(50), False, "levels",
     "50 = (2 × 2 − 3) ÷ 2 × 100; tingkat 3 = 3, target 2 = 2"),
    (QUAL_LOWER, Target(label="2"), "1", DEFAULT_RULES, D(150), D(100), True, "levels",
     "150 = (2 × 2 − 1) ÷ 2 × 100; tingkat 1 = 1, target 2 = 2; dibatasi 100"),
    (QUAL_LOWER, Target(label="2"), "3", T_OVER_R, D("66.66666666666666666666666666666667"),
     D("66.66666666666666666666666666666667"), False, "levels",
     "66,67 = 2 ÷ 3 × 100; tingkat 3 = 3, target 2 = 2"),
    (IndicatorSpec(value_type="qualitative"), Target(label="A"), "A", DEFAULT_RULES, None, None,
     False, "none", "tingkatan label belum diatur: capaian tidak terdefinisi"),
    # qualitative, met
    (QUAL_MET, Target(label="WDP"), "WTP", DEFAULT_RULES, D(100), D(100), False, "met",
     "100 = WTP memenuhi target WDP"),
    (QUAL_MET, Target(label="WDP"), "WDP", DEFAULT_RULES, D(100), D(100), False, "met",
     "100 = WDP memenuhi target WDP"),
    (QUAL_MET, Target(label="WTP"), "WDP", DEFAULT_RULES, D(0), D(0), False, "met",
     "0 = WDP belum memenuhi target WTP"),
    (QUAL_MET, Target(label="WTP"), "XYZ", DEFAULT_RULES, None, None, False, "none",
     "label realisasi tidak dikenal: XYZ: capaian tidak terdefinisi"),
    (QUAL_MET_LOWER, Target(label="WDP"), "TW", DEFAULT_RULES, D(100), D(100), False, "met",
     "100 = TW memenuhi target WDP"),
    (QUAL_MET_LOWER, Target(label="WDP"), "WTP", DEFAULT_RULES, D(0), D(0), False, "met",
     "0 = WTP belum memenuhi target WDP"),
    (QUAL_MET_FREE, Target(label="Tersedia"), "tersedia ", DEFAULT_RULES, D(100), D(100), False,
     "met", "100 = tersedia sesuai target Tersedia"),
    (QUAL_MET_FREE, Target(label="Tersedia"), "Belum  tersedia", DEFAULT_RULES, D(0), D(0), False,
     "met", "0 = Belum  tersedia tidak sesuai target Tersedia"),
    (QUAL_MET_FREE, Target(label="Tersedia"), None, DEFAULT_RULES, None, None, False, "none",
     "realisasi belum diisi: capaian tidak terdefinisi"),
]


@pytest.mark.parametrize(
    ("spec", "target", "real", "rules", "raw", "capped", "is_capped", "formula", "explanation"),
    CASES,
)
def test_achieve(spec, target, real, rules, raw, capped, is_capped, formula, explanation):
    result = achieve(spec, target, real, rules)
    assert result.raw == raw
    assert result.capped == capped
    assert result.is_capped is is_capped
    assert result.formula == formula
    assert result.explanation == explanation
    assert result.defined is (raw is not None)
    if raw is None:
        assert result.reason
        assert result.explanation == f"{result.reason}: capaian tidak terdefinisi"
    else:
        assert result.reason == ""
        assert result.explanation.startswith(result.raw_explanation)


def test_default_rules_used_when_omitted():
    assert achieve(HIGHER, Target(D(5)), D(7)).capped == D(100)


def test_raw_value_kept_exactly():
    result = achieve(LOWER, Target(D(8)), D(9))
    assert str(result.raw) == "87.5"


def test_cap_below_raw_only_marks_capped_when_changed():
    result = achieve(HIGHER, Target(D(5)), D(5), Rules(cap=D(100)))
    assert result.is_capped is False
    assert result.explanation == "100 = 5 ÷ 5 × 100"


def test_achievement_defined_property():
    assert Achievement(D(1), D(1), False, "r_over_t", "").defined
    assert not Achievement(None, None, False, "none", "").defined


def test_float_realisation_is_a_programming_error():
    with pytest.raises(TypeError):
        achieve(HIGHER, Target(D(5)), 7.0)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"polarity": "up"},
        {"value_type": "text"},
        {"qualitative_mode": "maybe"},
        {"levels": ("A", "a")},
    ],
)
def test_invalid_spec(kwargs):
    with pytest.raises(ValueError):
        IndicatorSpec(**kwargs)


def test_spec_levels_become_tuple():
    spec = IndicatorSpec(value_type="qualitative", levels=["C", "B"])
    assert spec.levels == ("C", "B")
    assert hash(spec)


def test_target_coerces_numbers():
    target = Target(value=5, low="1.50", high=D(2))
    assert (target.value, target.low, target.high) == (D(5), D("1.50"), D(2))
    with pytest.raises(TypeError):
        Target(value=1.5)


@pytest.mark.parametrize(
    ("spec", "target", "complete"),
    [
        (HIGHER, Target(D(1)), True),
        (HIGHER, Target(), False),
        (RANGE, Target(low=D(1), high=D(2)), True),
        (RANGE, Target(low=D(1)), False),
        (QUAL, Target(label="WTP"), True),
        (QUAL, Target(label=" "), False),
        (QUAL, Target(D(1)), False),
    ],
)
def test_target_is_complete(spec, target, complete):
    assert target.is_complete(spec) is complete


CUMULATIVE = IndicatorSpec(cumulative=True)
STOCK = IndicatorSpec(cumulative=False)
QUALITATIVE = IndicatorSpec(value_type="qualitative", levels=("B", "A"))


@pytest.mark.parametrize(
    ("spec", "monthly", "upto", "expected"),
    [
        (CUMULATIVE, {1: D(1), 2: D(2), 3: D(4)}, 12, D(7)),
        (CUMULATIVE, {1: D(1), 2: D(2), 3: D(4)}, 2, D(3)),
        (CUMULATIVE, {1: D(1), 2: None, 3: D(4)}, 3, D(5)),
        (CUMULATIVE, {3: D(4)}, 2, None),
        (CUMULATIVE, {}, 12, None),
        (CUMULATIVE, {1: None, 2: None}, 12, None),
        (CUMULATIVE, {1: "1.5", 2: 2}, 12, D("3.5")),
        (CUMULATIVE, {1: D(0)}, 12, D(0)),
        (CUMULATIVE, [(2, D(2)), (1, D(1))], 12, D(3)),
        (CUMULATIVE, {0: D(9), 1: D(1), 13: D(9)}, 12, D(1)),
        (STOCK, {1: D(60), 2: D(70), 3: D(65)}, 12, D(65)),
        (STOCK, {1: D(60), 2: D(70), 3: D(65)}, 2, D(70)),
        (STOCK, {1: D(60), 2: D(70), 3: None}, 12, D(70)),
        (STOCK, {6: D("3.3")}, 5, None),
        (STOCK, {6: "3.30"}, 12, D("3.30")),
        (QUALITATIVE, {1: "B", 6: " A ", 7: None}, 12, "A"),
        (QUALITATIVE, {1: "B", 6: "A"}, 5, "B"),
        (QUALITATIVE, {}, 12, None),
    ],
)
def test_realisation_upto(spec, monthly, upto, expected):
    result = realisation_upto(spec, monthly, upto)
    assert result == expected
    if isinstance(expected, D):
        assert isinstance(result, D)


def test_realisation_upto_garbage_raises():
    with pytest.raises(ValueError):
        realisation_upto(CUMULATIVE, {1: "satu"}, 12)


def test_monthly_pairs_sorted_and_later_duplicate_wins():
    assert monthly_pairs([(3, "c"), (1, "a"), (3, "d")]) == ((1, "a"), (3, "d"))
    assert monthly_pairs({2: D(2), 1: None}) == ((1, None), (2, D(2)))
