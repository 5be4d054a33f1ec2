"""The community satisfaction index (IKM) of PermenPAN-RB 14/2017 and KepMenPAN 25/2004:
the formula and every boundary of both interval tables (no database)."""

from decimal import Decimal as D

import pytest

from kinerja.core.numbers import ARITHMETIC, round_half_up
from kinerja.multiyear.ikm import (
    GUIDELINES,
    ElementInput,
    combined_index,
    compute_survey,
    converted,
    element_mean,
    grade,
    survey_index,
)

G2017, G2004 = "permenpan_14_2017", "kepmenpan_25_2004"

# index (1–4) → the value compared, mutu and label under 14/2017 (decided on index × 25)
BOUNDS_2017 = [
    ("1", "25.00", "D", "Tidak Baik"),
    ("2.5996", "64.99", "D", "Tidak Baik"),
    ("2.59978", "64.99", "D", "Tidak Baik"),  # 64,9945 is shown 64,99
    ("2.5998", "65.00", "C", "Kurang Baik"),  # 64,995 is shown 65,00: the gap is closed
    ("2.6", "65.00", "C", "Kurang Baik"),
    ("3.064", "76.60", "C", "Kurang Baik"),
    ("3.06419", "76.60", "C", "Kurang Baik"),  # 76,60475
    ("3.0642", "76.61", "B", "Baik"),  # 76,605
    ("3.0644", "76.61", "B", "Baik"),
    ("3.2", "80.00", "B", "Baik"),
    ("3.3", "82.50", "B", "Baik"),  # "IKM 3,3" is B under 14/2017
    ("3.532", "88.30", "B", "Baik"),
    ("3.53219", "88.30", "B", "Baik"),  # 88,30475
    ("3.5322", "88.31", "A", "Sangat Baik"),  # 88,305
    ("3.5324", "88.31", "A", "Sangat Baik"),
    ("4", "100.00", "A", "Sangat Baik"),
]

# index (1–4) → mutu under 2004 (decided on the 1–4 value)
BOUNDS_2004 = [
    ("1", "1.00", "D", "Tidak Baik"),
    ("1.75", "1.75", "D", "Tidak Baik"),
    ("1.754", "1.75", "D", "Tidak Baik"),
    ("1.755", "1.76", "C", "Kurang Baik"),
    ("1.76", "1.76", "C", "Kurang Baik"),
    ("2.5", "2.50", "C", "Kurang Baik"),
    ("2.5049", "2.50", "C", "Kurang Baik"),
    ("2.505", "2.51", "B", "Baik"),
    ("2.51", "2.51", "B", "Baik"),
    ("3.2", "3.20", "B", "Baik"),
    ("3.25", "3.25", "B", "Baik"),
    ("3.2549", "3.25", "B", "Baik"),
    ("3.255", "3.26", "A", "Sangat Baik"),
    ("3.26", "3.26", "A", "Sangat Baik"),
    ("3.3", "3.30", "A", "Sangat Baik"),  # "IKM 3,3" is A under 2004
    ("4", "4.00", "A", "Sangat Baik"),
]


@pytest.mark.parametrize(("index", "compared", "mutu", "label"), BOUNDS_2017)
def test_grade_2017_boundaries(index, compared, mutu, label):
    g = grade(D(index), G2017)
    assert (g.compared, g.mutu, g.label, g.scale) == (D(compared), mutu, label, "converted")


@pytest.mark.parametrize(("index", "compared", "mutu", "label"), BOUNDS_2004)
def test_grade_2004_boundaries(index, compared, mutu, label):
    g = grade(D(index), G2004)
    assert (g.compared, g.mutu, g.label, g.scale) == (D(compared), mutu, label, "index")


def test_the_same_index_3_3_has_two_mutu():
    assert grade(D("3.3"), G2004).mutu == "A"
    assert grade(D("3.3"), G2017).mutu == "B"
    assert grade(D("3.2"), G2004).mutu == grade(D("3.2"), G2017).mutu == "B"


@pytest.mark.parametrize("index", ["0.99", "4.0001", "0", "-1", "25"])
@pytest.mark.parametrize("key", [G2017, G2004])
def test_grade_refuses_values_off_the_scale(index, key):
    with pytest.raises(ValueError, match="di luar skala 1–4"):
        grade(D(index), key)


def test_grade_refuses_an_unknown_guideline():
    with pytest.raises(ValueError, match="pedoman IKM tidak dikenal"):
        grade(D(3), "permenpan_16_2014")


def test_band_tables_as_printed():
    assert GUIDELINES[G2017].band_text() == [
        "A (Sangat Baik): 88,31–100,00",
        "B (Baik): 76,61–88,30",
        "C (Kurang Baik): 65,00–76,60",
        "D (Tidak Baik): 25,00–64,99",
    ]
    assert GUIDELINES[G2004].band_text() == [
        "A (Sangat Baik): 3,26–4,00",
        "B (Baik): 2,51–3,25",
        "C (Kurang Baik): 1,76–2,50",
        "D (Tidak Baik): 1,00–1,75",
    ]
    assert len(GUIDELINES[G2017].elements) == 9
    assert len(GUIDELINES[G2004].elements) == 14


def test_the_nine_unsur_of_14_2017_as_the_sources_name_them():
    """domain-sources §6.1: U1–U9 in this order (the names an entry form shows)."""
    assert GUIDELINES[G2017].elements == (
        "Persyaratan",
        "Sistem, Mekanisme, dan Prosedur",
        "Waktu Penyelesaian",
        "Biaya/Tarif",
        "Produk Spesifikasi Jenis Pelayanan",
        "Kompetensi Pelaksana",
        "Perilaku Pelaksana",
        "Penanganan Pengaduan, Saran dan Masukan",
        "Sarana dan Prasarana",
    )
    assert GUIDELINES[G2017].weight_text == "0,111"
    assert GUIDELINES[G2004].weight_text == "0,071"
    assert len(set(GUIDELINES[G2004].elements)) == 14


# The 14/2017 table as the sources print it, both columns: NI (1–4) and NIK (25–100).
# The class is decided on the NIK; each NI bound of the table lands in its own class.
TABLE_2017 = [
    # (NI, NIK = NI × 25 as shown, mutu)
    ("1.00", "25.00", "D"),
    ("2.5996", "64.99", "D"),
    ("2.60", "65.00", "C"),
    ("3.064", "76.60", "C"),
    ("3.0644", "76.61", "B"),
    ("3.532", "88.30", "B"),
    ("3.5324", "88.31", "A"),
    ("4.00", "100.00", "A"),
]


@pytest.mark.parametrize(("ni", "nik", "mutu"), TABLE_2017)
def test_2017_table_both_columns(ni, nik, mutu):
    assert round_half_up(converted(D(ni)), 2) == D(nik)
    assert grade(D(ni), G2017).mutu == mutu


@pytest.mark.parametrize(
    ("nik", "mutu"),
    [
        ("88.31", "A"),
        ("88.30", "B"),
        ("76.61", "B"),
        ("76.60", "C"),
        ("65.00", "C"),
        ("64.99", "D"),
        ("88.305", "A"),  # shown 88,31
        ("88.3049", "B"),  # shown 88,30
    ],
)
def test_2017_boundaries_given_on_the_25_100_scale(nik, mutu):
    """A value known on the 25–100 scale (÷ 25 back to the index) is classed as printed."""
    index = ARITHMETIC.divide(D(nik), D(25))
    assert grade(index, G2017).mutu == mutu


# 2004: the table is on the 1–4 value; × 25 is shown beside it but does not decide.
TABLE_2004 = [
    # (NI, NI × 25, mutu)
    ("1.00", "25.00", "D"),
    ("1.75", "43.75", "D"),
    ("1.76", "44.00", "C"),
    ("2.50", "62.50", "C"),
    ("2.51", "62.75", "B"),
    ("3.25", "81.25", "B"),
    ("3.26", "81.50", "A"),
    ("4.00", "100.00", "A"),
]


@pytest.mark.parametrize(("ni", "nik", "mutu"), TABLE_2004)
def test_2004_table_and_its_conversion(ni, nik, mutu):
    assert round_half_up(converted(D(ni)), 2) == D(nik)
    g = grade(D(ni), G2004)
    assert (g.mutu, g.scale, g.compared) == (mutu, "index", D(ni))
    result = compute_survey(G2004, mode="index", index=D(ni))
    assert f"mutu {mutu} " in result.explanation and "dari nilai IKM" in result.explanation


ELEMENT_CASES = [
    ((0, 2, 5, 3), D("3.1"), 10),
    ((1, 1, 1, 1), D("2.5"), 4),
    ((0, 0, 0, 7), D(4), 7),
    ((3, 0, 0, 0), D(1), 3),
    ((0, 0, 0, 0), None, 0),
    ((0, 1, 2, 0), ARITHMETIC.divide(D(8), D(3)), 3),
]


@pytest.mark.parametrize(("counts", "mean", "answered"), ELEMENT_CASES)
def test_element_mean(counts, mean, answered):
    got, n = element_mean(counts)
    assert n == answered
    if mean is None:
        assert got is None
    else:
        assert got == mean


@pytest.mark.parametrize("counts", [(1, 2, 3), (1, 2, 3, 4, 5), (1, -1, 0, 0), (True, 0, 0, 0)])
def test_element_mean_refuses_bad_counts(counts):
    with pytest.raises(ValueError):
        element_mean(counts)


def test_all_fours_give_exactly_4_and_100():
    """1/9 exactly, not 0,111 (which would give 3,996)."""
    elements = [ElementInput(n, counts=(0, 0, 0, 50)) for n in range(1, 10)]
    result = compute_survey(G2017, mode="counts", respondents=50, elements=elements)
    assert result.ok
    assert result.index == 4
    assert result.converted == 100
    assert result.grade.mutu == "A"


def _counts_survey():
    # NRR per unsur: 3.1, 3.0, 2.9, 4, 3.5, 3.2, 3.3, 2.5, 3.0 (10 answers each; U4 only 8)
    counts = [
        (0, 2, 5, 3),
        (0, 2, 6, 2),
        (1, 1, 6, 2),
        (0, 0, 0, 8),
        (0, 0, 5, 5),
        (0, 1, 6, 3),
        (0, 1, 5, 4),
        (1, 4, 4, 1),
        (0, 2, 6, 2),
    ]
    return [ElementInput(n, counts=c) for n, c in enumerate(counts, start=1)]


def test_counts_survey_index_conversion_and_mutu():
    result = compute_survey(G2017, mode="counts", respondents=10, elements=_counts_survey())
    assert result.errors == ()
    means = [D("3.1"), D("3.0"), D("2.9"), D(4), D("3.5"), D("3.2"), D("3.3"), D("2.5"), D(3)]
    assert [r.mean for r in result.elements] == means
    assert result.elements[3].answered == 8
    assert result.index == survey_index(means)
    assert result.index == ARITHMETIC.divide(D("28.5"), D(9))
    assert result.converted == converted(result.index)
    assert result.grade.compared == D("79.17")  # 79,1666…
    assert result.grade.mutu == "B"
    assert "Σ NRR × 0,111 (1/9)" in result.explanation
    assert "× 25 = 79,17; mutu B (Baik) menurut PermenPAN-RB 14/2017" in result.explanation
    assert result.elements[0].explanation == (
        "NRR 3,1 = (1 × 0 + 2 × 2 + 3 × 5 + 4 × 3) ÷ 10 jawaban"
    )


def test_means_survey():
    elements = [ElementInput(n, mean=D("3.3")) for n in range(1, 10)]
    result = compute_survey(G2017, mode="means", respondents=120, elements=elements)
    assert result.ok and result.index == D("3.3") and result.grade.mutu == "B"
    result_2004 = compute_survey(
        G2004,
        mode="means",
        respondents=120,
        elements=[ElementInput(n, mean=D("3.3")) for n in range(1, 15)],
    )
    assert result_2004.ok and result_2004.grade.mutu == "A"
    assert "0,071 (1/14)" in result_2004.explanation


def test_index_only_survey():
    result = compute_survey(G2017, mode="index", index=D("3.3"))
    assert result.ok
    assert result.converted == D("82.5")
    assert result.explanation.startswith("3,3 = nilai IKM yang dicatat; × 25 = 82,50; mutu B")


ERROR_CASES = [
    (
        G2017,
        {"mode": "counts", "respondents": 10, "elements": _counts_survey()[:8]},
        "unsur belum diisi: U9 (Sarana dan Prasarana)",
    ),
    (
        G2004,
        {"mode": "counts", "respondents": 10, "elements": _counts_survey()},
        "unsur belum diisi: U10 (Kewajaran biaya pelayanan)",
    ),
    (
        G2017,
        {
            "mode": "counts",
            "respondents": 10,
            "elements": _counts_survey() + [ElementInput(10, counts=(0, 0, 0, 1))],
        },
        "unsur tidak dikenal atau ganda: U10",
    ),
    (
        G2017,
        {
            "mode": "counts",
            "respondents": 10,
            "elements": _counts_survey() + [ElementInput(3, counts=(0, 0, 0, 1))],
        },
        "unsur tidak dikenal atau ganda: U3",
    ),
    (
        G2017,
        {"mode": "counts", "respondents": 9, "elements": _counts_survey()},
        "U1 (Persyaratan): 10 jawaban, lebih banyak dari 9 responden",
    ),
    (
        G2017,
        {"mode": "counts", "respondents": None, "elements": _counts_survey()},
        "jumlah responden belum diisi",
    ),
    (
        G2017,
        {"mode": "counts", "respondents": 0, "elements": _counts_survey()},
        "jumlah responden belum diisi",
    ),
    (
        G2017,
        {"mode": "counts", "respondents": -3, "elements": _counts_survey()},
        "jumlah responden harus bilangan bulat",
    ),
    (
        G2017,
        {
            "mode": "counts",
            "respondents": 10,
            "elements": [ElementInput(1, counts=(0, 0, 0, 0))] + _counts_survey()[1:],
        },
        "U1 (Persyaratan): belum ada jawaban",
    ),
    (
        G2017,
        {"mode": "counts", "respondents": 10, "elements": [ElementInput(1)] + _counts_survey()[1:]},
        "U1 (Persyaratan): jumlah jawaban 1–4 belum diisi",
    ),
    (
        G2017,
        {
            "mode": "counts",
            "respondents": 10,
            "elements": [ElementInput(1, counts=(0, -1, 0, 1))] + _counts_survey()[1:],
        },
        "U1 (Persyaratan): jumlah jawaban harus bilangan bulat ≥ 0",
    ),
    (
        G2017,
        {
            "mode": "means",
            "respondents": 10,
            "elements": [ElementInput(n, mean=D("4.5") if n == 2 else D(3)) for n in range(1, 10)],
        },
        "U2 (Sistem, Mekanisme, dan Prosedur): NRR 4,5 di luar skala 1–4",
    ),
    (
        G2017,
        {
            "mode": "means",
            "respondents": 10,
            "elements": [ElementInput(n, mean=None if n == 5 else D(3)) for n in range(1, 10)],
        },
        "U5 (Produk Spesifikasi Jenis Pelayanan): NRR belum diisi",
    ),
    (G2017, {"mode": "index", "index": D("4.2")}, "nilai IKM 4,2 di luar skala 1–4"),
    (G2017, {"mode": "index", "index": D("0.5")}, "nilai IKM 0,5 di luar skala 1–4"),
    (G2017, {"mode": "index"}, "nilai IKM (skala 1–4) belum diisi"),
]


@pytest.mark.parametrize(("key", "kwargs", "error"), ERROR_CASES)
def test_survey_errors(key, kwargs, error):
    result = compute_survey(key, **kwargs)
    assert not result.ok
    assert result.index is None and result.grade is None
    assert any(error in e for e in result.errors), result.errors


def test_unknown_mode_is_a_programming_error():
    with pytest.raises(ValueError, match="cara isian tidak dikenal"):
        compute_survey(G2017, mode="median")


def test_combined_index_is_the_mean_of_the_services():
    assert combined_index([D("3.2"), D("3.4")]) == D("3.3")
    with pytest.raises(ValueError):
        combined_index([])
