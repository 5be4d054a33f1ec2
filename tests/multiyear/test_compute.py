"""The pure computations of the multi-year area, table by table (no database)."""

from decimal import Decimal as D

import pytest

from kinerja.core.achievement import IndicatorSpec, Target
from kinerja.core.numbers import percent
from kinerja.core.rules import Rules
from kinerja.multiyear.compute import (
    CodeChange,
    NodeRow,
    end_target,
    match_indicators,
    match_nodes,
    medium_term_progress,
    realisation_to_date,
    remap_code,
    remap_tree,
    target_below_previous,
    trend,
)

STOCK = IndicatorSpec(cumulative=False)
COUNT = IndicatorSpec(cumulative=True)
LOWER_STOCK = IndicatorSpec(polarity="lower", cumulative=False)
LOWER_COUNT = IndicatorSpec(polarity="lower", cumulative=True)
PERCENT_CUM = IndicatorSpec(value_type="percent", cumulative=True)
RANGE = IndicatorSpec(value_type="range", cumulative=False)
LEVELS = ("D", "C", "CC", "B", "BB", "A", "AA")
QUAL = IndicatorSpec(value_type="qualitative", levels=LEVELS)
T = Target


def years(**kwargs):
    return {int(k[1:]): v for k, v in kwargs.items()}


# --- end target ---------------------------------------------------------------------------

END_CASES = [
    # spec, yearly targets, explicit, expected target value/label, rule, words in explanation
    (STOCK, years(y2018=T(3), y2022=T(D("3.5"))), None, D("3.5"), "last_year", "akhir periode"),
    (STOCK, years(y2018=T(3)), None, None, "none", "(2022) belum diisi"),
    (STOCK, years(y2022=T(4)), T(5), D(5), "explicit", "ditetapkan"),
    (STOCK, years(y2022=T(4)), T(), D(4), "last_year", "2022"),  # incomplete explicit ignored
    (
        COUNT,
        years(y2018=T(2), y2019=T(2), y2020=T(3), y2021=T(2), y2022=T(1)),
        None,
        D(10),
        "sum",
        "jumlah target 2018–2022: 2; 2; 3; 2; 1",
    ),
    (COUNT, years(y2018=T(2), y2019=T(2), y2021=T(2), y2022=T(1)), None, None, "none", "2020"),
    (
        COUNT,
        years(y2018=T(2), y2019=T(), y2020=T(1), y2021=T(2), y2022=T(1)),
        None,
        None,
        "none",
        "2019",
    ),
    (PERCENT_CUM, {y: T(20) for y in range(2018, 2023)}, None, D(100), "sum", "jumlah"),
    (COUNT, {y: T(0) for y in range(2018, 2023)}, None, D(0), "sum", "0 = jumlah"),
    (LOWER_COUNT, {y: T(1) for y in range(2018, 2023)}, None, D(5), "sum", "5 = jumlah"),
    (RANGE, years(y2022=T(low=80, high=90)), None, None, "last_year", "80–90"),
    (QUAL, years(y2022=T(label="BB")), None, None, "last_year", "BB"),
    (QUAL, years(y2022=T(label="")), None, None, "none", "belum diisi"),
]


@pytest.mark.parametrize(("spec", "yearly", "explicit", "value", "rule", "words"), END_CASES)
def test_end_target(spec, yearly, explicit, value, rule, words):
    result = end_target(spec, yearly, 2018, 2022, explicit)
    assert result.rule == rule
    assert words in result.explanation
    if rule == "none":
        assert result.target is None
    elif value is not None:
        assert result.target.value == value


def test_end_target_of_a_range_and_a_label_is_the_last_years():
    assert end_target(RANGE, years(y2022=T(low=80, high=90)), 2018, 2022).target == T(
        low=80, high=90
    )
    assert end_target(QUAL, years(y2022=T(label="BB")), 2018, 2022).target.label == "BB"


def test_end_target_refuses_a_reversed_period():
    with pytest.raises(ValueError, match="terbalik"):
        end_target(STOCK, {}, 2022, 2018)


# --- realisation to date -------------------------------------------------------------------

TO_DATE_CASES = [
    # spec, yearly, year, expected value, rule, years used, missing
    (COUNT, years(y2018=D(2), y2019=D(3), y2020=D(4)), 2020, D(9), "sum", (2018, 2019, 2020), ()),
    (COUNT, years(y2018=D(2), y2020=D(4)), 2020, D(6), "sum", (2018, 2020), (2019,)),
    (COUNT, years(y2018=D(2), y2019=D(0)), 2019, D(2), "sum", (2018, 2019), ()),  # 0 counts
    (COUNT, years(y2018=D(2), y2019="x", y2020=D(1)), 2020, D(3), "sum", (2018, 2020), (2019,)),
    (COUNT, years(y2018=D(2), y2023=D(9)), 2024, D(2), "sum", (2018,), (2019, 2020, 2021, 2022)),
    (COUNT, years(y2017=D(5)), 2018, None, "none", (), (2018,)),  # before the period: not used
    (COUNT, {}, 2020, None, "none", (), (2018, 2019, 2020)),
    (COUNT, years(y2018=D(1)), 2017, None, "none", (), ()),  # year before the period
    (STOCK, years(y2018=D("3.1"), y2019=D("3.2")), 2019, D("3.2"), "latest", (2019,), ()),
    (STOCK, years(y2018=D("3.1"), y2019=D("3.2")), 2020, D("3.2"), "latest", (2019,), (2020,)),
    (STOCK, years(y2018=D("3.1"), y2019=None), 2019, D("3.1"), "latest", (2018,), (2019,)),
    (LOWER_STOCK, years(y2018=D(9), y2020=D(7)), 2020, D(7), "latest", (2020,), ()),
    (PERCENT_CUM, years(y2018=D(10), y2019=D(15)), 2019, D(25), "sum", (2018, 2019), ()),
    (QUAL, years(y2018="B", y2019=" BB "), 2020, "BB", "latest", (2019,), (2020,)),
    (QUAL, years(y2018="B", y2019="  "), 2019, "B", "latest", (2018,), (2019,)),
]


@pytest.mark.parametrize(
    ("spec", "yearly", "year", "value", "rule", "used", "missing"), TO_DATE_CASES
)
def test_realisation_to_date(spec, yearly, year, value, rule, used, missing):
    result = realisation_to_date(spec, yearly, 2018, year, 2022)
    assert (result.value, result.rule, result.years, result.missing) == (
        value,
        rule,
        used,
        missing,
    )
    assert result.complete == (value is not None and not missing)


def test_realisation_to_date_explains_the_sum_and_the_gap():
    result = realisation_to_date(COUNT, years(y2018=D(2), y2020=D(4)), 2018, 2020)
    assert result.explanation == "6 = 2 (2018) + 4 (2020); tanpa realisasi: 2019"
    stock = realisation_to_date(STOCK, years(y2018=D("3.1")), 2018, 2019)
    assert stock.explanation == (
        "3,1 = realisasi 2018 (nilai terakhir, tidak dijumlahkan); realisasi 2019 belum ada"
    )


# --- medium-term progress ------------------------------------------------------------------

PERIOD = {"period_start": 2018, "period_end": 2022}
PROGRESS_CASES = [
    # id, spec, year, targets, realisations, explicit end,
    #   year raw, year reason, end value, to-date value, tingkat capaian raw, reason
    (
        "ikm-2020-no-end-target",
        STOCK,
        2020,
        years(y2020=T(D("3.3"))),
        years(y2020=D("3.3")),
        None,
        D(100),
        "",
        None,
        D("3.3"),
        None,
        "target belum diisi",
    ),
    (
        "keselarasan-above-target",
        STOCK,
        2020,
        years(y2020=T(75), y2022=T(85)),
        years(y2020=D("82.81")),
        None,
        percent(D("82.81"), 75),
        "",
        D(85),
        D("82.81"),
        percent(D("82.81"), 85),
        "",
    ),
    (
        "cumulative-sum-of-years",
        COUNT,
        2020,
        {y: T(2) for y in range(2018, 2023)},
        years(y2018=D(2), y2019=D(3), y2020=D(1)),
        None,
        D(50),
        "",
        D(10),
        D(6),
        D(60),
        "",
    ),
    (
        "cumulative-missing-year",
        COUNT,
        2020,
        {y: T(2) for y in range(2018, 2023)},
        years(y2018=D(2), y2020=D(2)),
        None,
        D(100),
        "",
        D(10),
        D(4),
        D(40),
        "",
    ),
    (
        "cumulative-this-year-missing",
        COUNT,
        2020,
        {y: T(2) for y in range(2018, 2023)},
        years(y2018=D(2), y2019=D(2)),
        None,
        None,
        "realisasi belum diisi",
        D(10),
        D(4),
        D(40),
        "",
    ),
    (
        "lower-is-better",
        LOWER_STOCK,
        2020,
        years(y2020=T(10), y2022=T(5)),
        years(y2020=D(8)),
        None,
        D(120),
        "",
        D(5),
        D(8),
        D(40),
        "",
    ),
    (
        "lower-far-above-end-floors-at-0",
        LOWER_STOCK,
        2020,
        years(y2020=T(10), y2022=T(5)),
        years(y2020=D(12)),
        None,
        D(80),
        "",
        D(5),
        D(12),
        D(0),
        "",
    ),
    (
        "zero-target-higher-is-undefined",
        STOCK,
        2020,
        years(y2020=T(0), y2022=T(0)),
        years(y2020=D(1)),
        None,
        None,
        "target 0",
        D(0),
        D(1),
        None,
        "target 0",
    ),
    (
        "zero-target-lower-met",
        LOWER_STOCK,
        2020,
        years(y2020=T(0), y2022=T(0)),
        years(y2020=D(0)),
        None,
        D(100),
        "",
        D(0),
        D(0),
        D(100),
        "",
    ),
    (
        "zero-target-lower-missed",
        LOWER_COUNT,
        2020,
        {y: T(0) for y in range(2018, 2023)},
        years(y2019=D(2)),
        None,
        None,
        "realisasi belum diisi",
        D(0),
        D(2),
        D(0),
        "",
    ),
    (
        "explicit-end-target",
        COUNT,
        2019,
        years(y2019=T(4)),
        years(y2018=D(5), y2019=D(5)),
        T(20),
        D(125),
        "",
        D(20),
        D(10),
        D(50),
        "",
    ),
    (
        "after-the-period",
        STOCK,
        2023,
        years(y2022=T(4)),
        years(y2022=D(3), y2023=D(4)),
        None,
        None,
        "target belum diisi",
        D(4),
        D(3),
        D(75),
        "",
    ),
    (
        "nothing-realised",
        COUNT,
        2019,
        {y: T(1) for y in range(2018, 2023)},
        {},
        None,
        None,
        "realisasi belum diisi",
        D(5),
        None,
        None,
        "realisasi belum diisi",
    ),
    (
        "qualitative-levels",
        QUAL,
        2020,
        years(y2020=T(label="B"), y2022=T(label="A")),
        years(y2020="BB"),
        None,
        D(125),
        "",
        None,
        "BB",
        percent(5, 6),
        "",
    ),
]


@pytest.mark.parametrize(
    (
        "spec",
        "year",
        "targets",
        "reals",
        "explicit",
        "year_raw",
        "year_reason",
        "end",
        "to_date",
        "raw",
        "reason",
    ),
    [c[1:] for c in PROGRESS_CASES],
    ids=[c[0] for c in PROGRESS_CASES],
)
def test_medium_term_progress(
    spec, year, targets, reals, explicit, year_raw, year_reason, end, to_date, raw, reason
):
    p = medium_term_progress(
        spec,
        year=year,
        yearly_targets=targets,
        yearly_realisations=reals,
        explicit_end=explicit,
        **PERIOD,
    )
    assert p.year_achievement.raw == year_raw
    assert p.year_achievement.reason == year_reason
    if end is not None:
        assert p.end.target.value == end
    assert p.to_date.value == to_date
    assert p.to_date_achievement.raw == raw
    assert p.to_date_achievement.reason == reason
    assert p.in_period == (2018 <= year <= 2022)


def test_progress_caps_as_the_government_says():
    args = dict(
        year=2020,
        yearly_targets=years(y2020=T(75)),
        yearly_realisations=years(y2020=D("82.81")),
        **PERIOD,
    )
    capped = medium_term_progress(STOCK, **args)
    assert capped.year_achievement.capped == 100 and capped.year_achievement.is_capped
    uncapped = medium_term_progress(STOCK, rules=Rules(cap=None), **args)
    assert uncapped.year_achievement.capped == percent(D("82.81"), 75)


def test_progress_lower_is_better_by_t_over_r_rule():
    p = medium_term_progress(
        LOWER_STOCK,
        year=2020,
        yearly_targets=years(y2020=T(10)),
        yearly_realisations=years(y2020=D(8)),
        rules=Rules(lower_is_better="t_over_r"),
        **PERIOD,
    )
    assert p.year_achievement.raw == D(125)


# --- trend ---------------------------------------------------------------------------------

TREND_CASES = [
    (D(100), D(80), "higher", (), "naik", "membaik", D(20)),
    (D("82.8125"), D("90.35"), "higher", (), "turun", "memburuk", D("-7.5375")),
    (D(5), D(5), "higher", (), "tetap", "tetap", D(0)),
    (D(5), D("5.00"), "lower", (), "tetap", "tetap", D(0)),
    (D(5), D(8), "lower", (), "turun", "membaik", D(-3)),
    (D(8), D(5), "lower", (), "naik", "memburuk", D(3)),
    ("82.81", D(75), "higher", (), "naik", "membaik", D("7.81")),
    (D(0), D(3), "higher", (), "turun", "memburuk", D(-3)),
    ("BB", "B", "higher", LEVELS, "naik", "membaik", D(1)),
    ("b", "bb", "higher", LEVELS, "turun", "memburuk", D(-1)),
    ("BB", "B", "lower", LEVELS, "naik", "memburuk", D(1)),
    ("BB", "B", "higher", (), None, None, None),
    ("WTP", D(1), "higher", LEVELS, None, None, None),
    (None, D(5), "higher", (), None, None, None),
    (D(5), None, "higher", (), None, None, None),
]


@pytest.mark.parametrize(
    ("now", "before", "polarity", "levels", "direction", "assessment", "diff"), TREND_CASES
)
def test_trend(now, before, polarity, levels, direction, assessment, diff):
    t = trend(now, before, polarity, levels)
    assert (t.direction, t.assessment, t.difference) == (direction, assessment, diff)
    assert t.comparable == (direction is not None)
    assert t.explanation


def test_trend_explains_in_indonesian():
    assert trend(D(100), D(80)).explanation == "naik dari 80 menjadi 100"
    assert trend(D(5), D(8), "lower").explanation == (
        "turun dari 8 menjadi 5 (membaik: makin rendah makin baik)"
    )
    assert trend(None, D(8)).explanation == "belum ada nilai tahun ini"
    assert trend(D(8), None).explanation == "tidak ada nilai tahun sebelumnya"


def test_trend_refuses_an_unknown_polarity():
    with pytest.raises(ValueError):
        trend(D(1), D(2), "up")


# --- target below last year's realisation --------------------------------------------------

BELOW_CASES = [
    (COUNT, T(3), D(4), "target 2021 (3) lebih rendah dari realisasi 2020 (4)"),
    (COUNT, T(4), D(4), None),
    (COUNT, T(5), D(4), None),
    (COUNT, T(0), D(2), "target 2021 (0) lebih rendah dari realisasi 2020 (2)"),
    (STOCK, T(D("3.2")), D("3.3"), "target 2021 (3,2) lebih rendah dari realisasi 2020 (3,3)"),
    (LOWER_STOCK, T(6), D(5), "target 2021 (6) lebih tinggi dari realisasi 2020 (5), padahal"),
    (LOWER_STOCK, T(4), D(5), None),
    (LOWER_STOCK, T(5), D(5), None),
    (RANGE, T(low=80, high=90), D(95), "target 2021 (90) lebih rendah"),
    (RANGE, T(low=80, high=96), D(95), None),
    (IndicatorSpec(value_type="range", polarity="lower"), T(low=10, high=20), D(8), "(10)"),
    (IndicatorSpec(value_type="range", polarity="lower"), T(low=5, high=20), D(8), None),
    (QUAL, T(label="B"), "BB", "target 2021 (B) di bawah realisasi 2020 (BB)"),
    (QUAL, T(label="A"), "BB", None),
    (QUAL, T(label="X"), "BB", None),
    (COUNT, None, D(4), None),
    (COUNT, T(3), None, None),
    (COUNT, T(3), "tidak ada", None),
    (COUNT, T(label="x"), D(3), None),
]


@pytest.mark.parametrize(("spec", "target", "previous", "warning"), BELOW_CASES)
def test_target_below_previous(spec, target, previous, warning):
    found = target_below_previous(spec, target, previous, year=2021, previous_year=2020)
    if warning is None:
        assert found is None
    else:
        assert found is not None and warning in found


# --- codes between versions ----------------------------------------------------------------

MAP = {
    "4.01.01": CodeChange("4.01.02"),
    "4.01.01.1.05": CodeChange("4.01.02.1.07", "Administrasi Kepegawaian"),
    "4.01.03.1.01.02": CodeChange(""),
    "4.01.04": CodeChange(""),
    "1.02.01.2.01": CodeChange("1.02.01.2.09"),
}

REMAP_CASES = [
    ("4.01.01", "4.01.02", "", "own"),
    ("4.01.01.1.01", "4.01.02.1.01", "", "parent"),
    ("4.01.01.1.01.07", "4.01.02.1.01.07", "", "parent"),
    ("4.01.01.1.05", "4.01.02.1.07", "Administrasi Kepegawaian", "own"),
    ("4.01.01.1.05.02", "4.01.02.1.07.02", "", "parent"),  # nearest ancestor wins
    ("4.01.03.1.01.02", None, "", "own"),
    ("4.01.03.1.01.03", "4.01.03.1.01.03", "", "same"),
    ("4.01.04.1.01", None, "", "parent"),
    ("1.02.01.2.01.0001", "1.02.01.2.09.0001", "", "parent"),
    ("01.01", "01.01", "", "same"),
]


@pytest.mark.parametrize(("code", "new", "name", "rule"), REMAP_CASES)
def test_remap_code(code, new, name, rule):
    assert remap_code(code, MAP) == (new, name, rule)


def _rows(*items):
    return [NodeRow(code, parent, level, name) for code, parent, level, name in items]


def test_remap_tree_carries_children_and_removes_subtrees():
    rows = _rows(
        ("4.01.01", None, "program", "Penunjang"),
        ("4.01.01.1.05", "4.01.01", "kegiatan", "Kepegawaian"),
        ("4.01.01.1.05.02", "4.01.01.1.05", "sub_kegiatan", "Pakaian Dinas"),
        ("4.01.04", None, "program", "Kesra"),
        ("4.01.04.1.01", "4.01.04", "kegiatan", "Mental Spiritual"),
    )
    mapped, errors = remap_tree(rows, MAP)
    assert errors == []
    assert [(m.old_code, m.code, m.name, m.rule) for m in mapped] == [
        ("4.01.01", "4.01.02", "Penunjang", "own"),
        ("4.01.01.1.05", "4.01.02.1.07", "Administrasi Kepegawaian", "own"),
        ("4.01.01.1.05.02", "4.01.02.1.07.02", "Pakaian Dinas", "parent"),
        ("4.01.04", None, "Kesra", "own"),
        ("4.01.04.1.01", None, "Mental Spiritual", "removed_parent"),
    ]
    assert mapped[2].parent_code == "4.01.02.1.07"
    assert [m.changed for m in mapped] == [True, True, True, True, True]


REMAP_ERRORS = [
    (
        {"01.02": CodeChange("01.01")},
        "01.01 dan 01.02: keduanya menjadi kode 01.01",
    ),
    (
        {"01.02": CodeChange("02.05")},
        "01.02: kode baru 02.05 tidak berada di bawah kode baru induknya 01",
    ),
    (
        {"01": CodeChange(""), "01.02": CodeChange("03.02")},
        "01.02: induknya 01 dihapus di versi baru, tetapi kodenya dipetakan ke 03.02",
    ),
]


@pytest.mark.parametrize(("mapping", "error"), REMAP_ERRORS)
def test_remap_tree_errors(mapping, error):
    rows = _rows(
        ("01", None, "program", "P"),
        ("01.01", "01", "kegiatan", "K1"),
        ("01.02", "01", "kegiatan", "K2"),
    )
    _mapped, errors = remap_tree(rows, mapping)
    assert error in errors


def test_remap_tree_needs_parents_first():
    _mapped, errors = remap_tree(_rows(("01.01", "01", "kegiatan", "K")), {})
    assert errors == ["01.01: induk 01 tidak ada di atasnya"]


# --- matching the rows and indicators of two years -----------------------------------------

MATCH_CASES = [
    # current, previous, mapping, expected
    (
        [("01", "Tata Kelola", "program")],
        [("01", "Tata Kelola Pemerintahan", "program")],
        None,
        {"01": ("01", "kode")},
    ),
    (
        [("4.01.03.1.03", "Fasilitasi Kerjasama Daerah", "kegiatan")],
        [("02.01", "Penyelenggaraan Kerjasama Daerah", "kegiatan")],
        {"02.01": CodeChange("4.01.03.1.03")},
        {"4.01.03.1.03": ("02.01", "kode dipetakan")},
    ),
    (
        [("4.01.03.1.03.01", "Fasilitasi Kerjasama Pemerintah", "sub_kegiatan")],
        [("02.01.01", "Penyelenggaraan Kerjasama Daerah", "tolok_ukur")],
        {"02.01": CodeChange("4.01.03.1.03"), "02.01.01": CodeChange("4.01.03.1.03.01")},
        {"4.01.03.1.03.01": ("02.01.01", "kode dipetakan")},
    ),
    (
        [("9.9", "  evaluasi   KINERJA ", "kegiatan")],
        [("02.06", "Evaluasi Kinerja", "kegiatan")],
        None,
        {"9.9": ("02.06", "nama")},
    ),
    (  # same name at another depth is not the same row
        [("9.9", "Evaluasi Kinerja", "program")],
        [("02.06", "Evaluasi Kinerja", "kegiatan")],
        None,
        {},
    ),
    (  # same code at another depth is not the same row either
        [("01", "A", "kegiatan")],
        [("01", "A", "program")],
        None,
        {},
    ),
    (  # two previous rows with the name: ambiguous, no pairing
        [("9.9", "Rapat", "sub_kegiatan")],
        [("1.1.1", "Rapat", "sub_kegiatan"), ("1.1.2", "Rapat", "sub_kegiatan")],
        None,
        {},
    ),
    (  # a removed code is not paired by code; its name still pairs
        [("01", "Tata Kelola", "program")],
        [("01", "Tata Kelola", "program")],
        {"01": CodeChange("")},
        {"01": ("01", "nama")},
    ),
    (  # a previous row paired by code is not paired again by name
        [("01", "X", "program"), ("02", "Y", "program")],
        [("01", "Y", "program")],
        None,
        {"01": ("01", "kode")},
    ),
]


@pytest.mark.parametrize(("current", "previous", "mapping", "expected"), MATCH_CASES)
def test_match_nodes(current, previous, mapping, expected):
    assert match_nodes(current, previous, mapping) == expected


INDICATOR_CASES = [
    ([(1, "Nilai IKM", "Skala")], [(9, "nilai  ikm", "skala")], {1: (9, "pernyataan")}),
    (
        [(1, "Jumlah dokumen", "Dokumen")],
        [(9, "Jumlah laporan", "dokumen")],
        {1: (9, "satu-satunya")},
    ),
    ([(1, "Jumlah dokumen", "Dokumen")], [(9, "Jumlah laporan", "Kegiatan")], {}),
    (
        [(1, "A", "x"), (2, "B", "x")],
        [(8, "B", "x"), (9, "C", "x")],
        {2: (8, "pernyataan")},
    ),
    ([(1, "A", "x"), (2, "A", "x")], [(8, "A", "x")], {1: (8, "pernyataan")}),
    ([], [(8, "A", "x")], {}),
]


@pytest.mark.parametrize(("current", "previous", "expected"), INDICATOR_CASES)
def test_match_indicators(current, previous, expected):
    assert match_indicators(current, previous) == expected
