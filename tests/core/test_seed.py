"""The seed report (Biro Pemerintahan, Setda Provinsi Banten) as test vectors.

Sources in /work/shared/seeds/000_fbef7e088ec34a1a.txt:
- Tabel 8.1 (capaian T.A. 2020): targets and realisations of every tolok ukur;
- Tabel 2.1 (pagu per tolok ukur) and Tabel 3.1 / 8.4 (rencana, realisasi, %);
- Lampiran 1 (Permendagri 90 codes, anggaran, realisasi, %).

Where the report contradicts itself the data below follows the table named in the comment,
and the validation tests assert that the contradictions are found.
"""

from decimal import Decimal as D

import pytest

from kinerja.core.achievement import IndicatorSpec, Target
from kinerja.core.numbers import fmt_percent, round_half_up
from kinerja.core.rollup import compute_tree
from kinerja.core.tree import Declared, IndicatorInput, MonthInput, PlanNode
from kinerja.core.validation import validate

_ids = iter(range(1, 10**6))
COUNT = IndicatorSpec()  # documents / activities: higher is better, cumulative


def tolok_ukur(name, target, real, pagu, realisasi, declared=None, level="tolok_ukur", code=""):
    indicator = IndicatorInput(
        next(_ids), name, "Dokumen", COUNT, Target(D(target)), {12: D(real)}
    )
    return PlanNode(
        next(_ids),
        code,
        name,
        level,
        pagu=D(pagu),
        months=(MonthInput(12, realisasi_keuangan=D(realisasi)),),
        indicators=(indicator,),
        declared=declared,
    )


def node(name, level, children, indicators=(), declared=None, code=""):
    return PlanNode(
        next(_ids),
        code,
        name,
        level,
        children=tuple(children),
        indicators=tuple(indicators),
        declared=declared,
    )


# (kegiatan, [(tolok ukur, target, realisasi output, pagu Tabel 2.1, realisasi Rp Tabel 3.1)])
TATA_USAHA = [
    ("Penyusunan Laporan Kinerja dan Neraca Aset", 1, 1, "12112000", "8464800"),
    ("Perencanaan, Evaluasi dan Pelaporan", 1, 1, "14548400", "13000000"),
    ("Penyediaan Barang dan Jasa Perkantoran", 1, 1, "655888600", "643797451"),
    ("Koordinasi Ke Dalam dan Ke Luar Daerah", 1, 1, "466610000", "186670119"),
    ("Peningkatan Kapasitas Aparatur", 1, 1, "44050000", "1300000"),
]
PERUMUSAN = [
    (
        "Penyelenggaraan Kerjasama Daerah",
        [
            ("Penyelenggaraan Kerjasama Daerah", 5, 7, "347007000", "243250500"),
            ("Penyusunan Perumusan Kebijakan Teknis Kerjasama Daerah", 1, 1, "14993000", "141000"),
        ],
    ),
    (
        "Penyelenggaraan Kerjasama Luar Negeri",
        [
            ("Penyelenggaraan Kerjasama Luar Negeri", 2, 2, "110000000", "96337000"),
            ("Penyusunan Perumusan Kebijakan Teknis Kerjasama Daerah", 0, 0, "0", "0"),
        ],
    ),
    (
        "Administrasi Rupabumi dan Kode Data Wilayah Administrasi Pemerintahan",
        [
            ("Administrasi Rupabumi", 4, 2, "131400000", "85194000"),
            (
                "Administrasi Kode dan Data Wilayah Administrasi Pemerintahan",
                2,
                1,
                "68600000",
                "9000000",
            ),
        ],
    ),
    (
        "Penyelenggaraan Pemerintahan Kecamatan dan Kelurahan",
        [
            # Tabel 3.1 prints 82.536.000 (the kegiatan's total) for this row; the realisation
            # used here is what makes the kegiatan's printed total add up.
            ("Penyusunan Perumusan Kebijakan Tekni Kecamatan dan Kelurahan", 1, 1, "36899000",
             "4460000"),
            ("Pembinaan Penyelenggaraan Pelayanan Administrasi Kecamatan", 4, 3, "131803000",
             "78076000"),
        ],
    ),
    (
        "Penataan Wilayah Administrasi dan Batas Daerah",
        [
            ("Administrasi Batas Daerah", 2, 1, "120000000", "51294000"),
            ("Pembangunan dan Pemeliharaan Pilar Batas Daerah", 2, 2, "109500000", "87037180"),
        ],
    ),
    (
        "Evaluasi Kinerja Pemerintah Daerah",
        [
            ("Penyusunan Kebijakan Teknis Evaluasi Kinerja Pemerintahan Daerah", 1, 1, "20401200",
             "11891200"),
            ("Penyusunan LPPD dan IKK Provinsi Banten", 2, 2, "98920000", "92632000"),
            ("Pembinaan Penyelenggaraan Pemerintahan Kabupaten/Kota", 1, 1, "54586800",
             "37762000"),
            ("Evaluasi Kinerja Penyelenggaraan Pemerintahan Daerah", 9, 9, "96092000", "25482000"),
        ],
    ),
    (
        "Penataan Daerah Otonom",
        [
            ("Penyusunan Perumusan Kebijakan Penataan Daerah", 1, 1, "40000000", "37710000"),
            ("Penataan Daerah Otonom", 1, 0, "69300000", "17800000"),
            ("Penyelesaian Pelimpahan Aset Antar Pemerintah Daerah", 2, 1, "29570000", "20130000"),
        ],
    ),
    (
        "Administrasi Kepala Daerah dan DPRD",
        [
            ("Penyusunan Kebijakan Administrasi Pemerintahan", 1, 1, "8280000", "8133000"),
            ("Administrasi Kepala Daerah dan DPRD", 1, 1, "121720000", "66456500"),
        ],
    ),
]


def plan_2020():
    ikm = IndicatorInput(
        next(_ids),
        "Nilai IKM",
        "Skala",
        IndicatorSpec(cumulative=False),
        Target(D("3.3")),
        {12: D("3.3")},
    )
    keselarasan = IndicatorInput(
        next(_ids),
        "Presentase Keselarasan kebijakan di bidang pemerintahan",
        "%",
        IndicatorSpec(value_type="percent", cumulative=False),
        Target(D(100)),
        {12: D("82.81")},
    )
    tata_usaha = node("Tata Usaha Pemerintahan", "kegiatan", [tolok_ukur(*r) for r in TATA_USAHA])
    tata_kelola = node("Tata Kelola Pemerintahan", "program", [tata_usaha], indicators=[ikm])
    kegiatan = [
        node(name, "kegiatan", [tolok_ukur(*r) for r in rows]) for name, rows in PERUMUSAN
    ]
    perumusan = node(
        "Perumusan Kebijakan Pemerintahan", "program", kegiatan, indicators=[keselarasan]
    )
    return [tata_kelola, perumusan]


@pytest.fixture(scope="module")
def unit():
    return compute_tree(plan_2020(), name="Biro Pemerintahan")


def test_program_perumusan_capaian_is_mean_of_eight_kegiatan(unit):
    program = unit.find_name("Perumusan Kebijakan Pemerintahan")
    assert program.achievement.value == D("82.8125")
    assert program.achievement.rule == "mean"
    assert program.achievement.explanation == (
        "82,81 = rata-rata 8 kegiatan: 100; 100; 50; 87,5; 75; 100; 50; 100"
    )
    assert program.excluded == ()
    assert program.predicate == "Tinggi"


@pytest.mark.parametrize(
    ("kegiatan", "capaian"),
    [
        ("Penyelenggaraan Kerjasama Daerah", D(100)),
        ("Penyelenggaraan Kerjasama Luar Negeri", D(100)),
        ("Administrasi Rupabumi dan Kode Data Wilayah Administrasi Pemerintahan", D(50)),
        ("Penyelenggaraan Pemerintahan Kecamatan dan Kelurahan", D("87.5")),
        ("Penataan Wilayah Administrasi dan Batas Daerah", D(75)),
        ("Evaluasi Kinerja Pemerintah Daerah", D(100)),
        ("Penataan Daerah Otonom", D(50)),
        ("Administrasi Kepala Daerah dan DPRD", D(100)),
        ("Tata Usaha Pemerintahan", D(100)),
    ],
)
def test_kegiatan_capaian_as_in_tabel_8_1(unit, kegiatan, capaian):
    assert unit.find_name(kegiatan).achievement.value == capaian


def test_seven_of_five_documents_is_raw_140_capped_100(unit):
    keg = unit.find_name("Penyelenggaraan Kerjasama Daerah")
    tu = keg.children[0]
    assert tu.name == "Penyelenggaraan Kerjasama Daerah"
    assert tu.achievement_raw.value == D(140)
    assert tu.achievement.value == D(100)
    (result,) = tu.indicators
    assert result.achievement.is_capped is True
    assert result.achievement.explanation == "140 = 7 ÷ 5 × 100; dibatasi 100"
    assert keg.achievement.explanation == "100 = rata-rata 2 tolok ukur: 100; 100"
    assert keg.achievement_raw.explanation == "120 = rata-rata 2 tolok ukur: 140; 100"


def test_target_zero_tolok_ukur_is_left_out(unit):
    keg = unit.find_name("Penyelenggaraan Kerjasama Luar Negeri")
    zero = keg.children[1]
    assert zero.achievement.value is None
    assert zero.achievement.explanation == "target 0: capaian tidak terdefinisi"
    assert zero.absorption.value is None  # pagu 0
    assert keg.achievement.value == D(100)
    assert keg.excluded == ("Penyusunan Perumusan Kebijakan Teknis Kerjasama Daerah (target 0)",)
    assert keg.achievement.explanation == (
        "100 = rata-rata 1 tolok ukur: 100; "
        "tidak dihitung: Penyusunan Perumusan Kebijakan Teknis Kerjasama Daerah (target 0)"
    )


def test_unit_capaian_is_mean_of_two_programs(unit):
    assert unit.achievement.value == D("91.40625")
    assert round_half_up(unit.achievement.value) == D("91.41")
    assert unit.achievement.explanation == "91,41 = rata-rata 2 program: 100; 82,8125"
    assert unit.predicate == "Sangat Tinggi"


def test_program_indicators_evaluated(unit):
    tata_kelola = unit.find_name("Tata Kelola Pemerintahan")
    (ikm,) = tata_kelola.indicators
    assert ikm.achievement.capped == D(100)
    assert ikm.achievement.explanation == "100 = 3,3 ÷ 3,3 × 100"
    assert tata_kelola.achievement.value == D(100)
    (keselarasan,) = unit.find_name("Perumusan Kebijakan Pemerintahan").indicators
    assert keselarasan.achievement.capped == D("82.81")


def test_tata_usaha_money(unit):
    keg = unit.find_name("Tata Usaha Pemerintahan")
    assert keg.pagu.value == D(1193209000)
    assert keg.realisasi.value == D(853232370)
    assert fmt_percent(keg.absorption.value) == "71,51%"
    assert keg.absorption.explanation == "71,51% = Rp853.232.370 ÷ Rp1.193.209.000 × 100"
    assert keg.pagu.explanation == "Rp1.193.209.000 = jumlah 5 tolok ukur"
    program = unit.find_name("Tata Kelola Pemerintahan")
    assert program.absorption.explanation == "71,51% = Rp853.232.370 ÷ Rp1.193.209.000 × 100"
    assert program.efficiency.explanation == "28,49 = 100 − 71,51 (capaian − penyerapan)"


@pytest.mark.parametrize(
    ("name", "printed"),
    [
        ("Penyediaan Barang dan Jasa Perkantoran", "98.16"),
        ("Koordinasi Ke Dalam dan Ke Luar Daerah", "40.01"),
        ("Penyusunan Laporan Kinerja dan Neraca Aset", "69.89"),
        ("Perencanaan, Evaluasi dan Pelaporan", "89.36"),
        ("Peningkatan Kapasitas Aparatur", "2.95"),
        ("Penyelenggaraan Kerjasama Luar Negeri", "87.58"),
        ("Evaluasi Kinerja Pemerintah Daerah", "62.14"),
        ("Penataan Wilayah Administrasi dan Batas Daerah", "60.28"),
        ("Penataan Daerah Otonom", "54.47"),
        ("Administrasi Kepala Daerah dan DPRD", "57.38"),
        ("Penyelenggaraan Pemerintahan Kecamatan dan Kelurahan", "48.92"),
        ("Administrasi Rupabumi dan Kode Data Wilayah Administrasi Pemerintahan", "47.10"),
        ("Administrasi Rupabumi", "64.84"),
    ],
)
def test_absorption_matches_tabel_3_1(unit, name, printed):
    assert round_half_up(unit.find_name(name).absorption.value) == D(printed)


def test_penyediaan_barang_dan_jasa(unit):
    tu = unit.find_name("Penyediaan Barang dan Jasa Perkantoran")
    assert tu.absorption.explanation == "98,16% = Rp643.797.451 ÷ Rp655.888.600 × 100"


def test_unit_money(unit):
    assert unit.pagu.value == D(2802281000)  # JUMLAH ANGGARAN of Tabel 2.1
    program = unit.find_name("Perumusan Kebijakan Pemerintahan")
    assert program.pagu.value == D(1609072000)
    # The report prints 972.645.880 (60,45 %); its own kegiatan rows add up to 972.645.380 and
    # its tolok ukur rows to 972.786.380, which is what the system computes.
    assert program.realisasi.value == D(972786380)
    assert fmt_percent(program.absorption.value) == "60,46%"
    assert fmt_percent(unit.absorption.value) == "65,16%"  # "Capaian Keuangan sebesar 65,16%"


def test_tabel_8_1_printed_capaian_checked():
    roots = plan_2020()
    printed = {
        ("kegiatan", "Penyelenggaraan Kerjasama Daerah"): "100",
        ("tolok_ukur", "Penyelenggaraan Kerjasama Daerah"): "100",
        ("kegiatan", "Penyelenggaraan Kerjasama Luar Negeri"): "100",
        ("kegiatan", "Penyelenggaraan Pemerintahan Kecamatan dan Kelurahan"): "87.50",
        ("program", "Perumusan Kebijakan Pemerintahan"): "82.81",
        ("tolok_ukur", "Penyusunan Perumusan Kebijakan Teknis Kerjasama Daerah"): "100",
        ("kegiatan", "Penataan Daerah Otonom"): "50",
        ("tolok_ukur", "Penataan Daerah Otonom"): "0",
        ("tolok_ukur", "Pembinaan Penyelenggaraan Pelayanan Administrasi Kecamatan"): "75",
    }
    roots = [_with_declared_achievement(r, printed) for r in roots]
    findings = validate(roots)
    assert [(f.code, f.where, f.expected, f.found) for f in findings] == [
        (
            "achievement_mismatch",
            "Perumusan Kebijakan Pemerintahan › Penyelenggaraan Kerjasama Luar Negeri"
            " › Penyusunan Perumusan Kebijakan Teknis Kerjasama Daerah",
            "–",
            "100",
        )
    ]


def _with_declared_achievement(plan, printed):
    children = tuple(_with_declared_achievement(c, printed) for c in plan.children)
    key = (plan.level, plan.name)
    declared = Declared(achievement=printed[key]) if key in printed else None
    return PlanNode(
        plan.id,
        plan.code,
        plan.name,
        plan.level,
        children=children,
        pagu=plan.pagu,
        months=plan.months,
        indicators=plan.indicators,
        declared=declared,
    )


# --- Tabel 3.1 as printed: the Kecamatan kegiatan -----------------------------------------


def printed_leaf(name, pagu, realisasi, pct, level="tolok_ukur", code=""):
    declared = Declared(pagu=pagu, realisasi=realisasi, percent=pct)
    return PlanNode(next(_ids), code, name, level, declared=declared)


def printed_parent(name, pagu, realisasi, pct, children, level="kegiatan", code=""):
    return PlanNode(
        next(_ids),
        code,
        name,
        level,
        children=tuple(children),
        declared=Declared(pagu=pagu, realisasi=realisasi, percent=pct),
    )


KECAMATAN = "Penyelenggaraan Pemerintahan Kecamatan dan Kelurahan"
KEC_LEAF_1 = "Penyusunan Perumusan Kebijakan Tekni Kecamatan dan Kelurahan"
KEC_LEAF_2 = "Pembinaan Penyelenggaraan Pelayanan Administrasi Kecamatan dan Kelurahan"


def kecamatan_as_printed():
    return printed_parent(
        KECAMATAN,
        "168702000",
        "82536000",
        "48.92",
        [
            printed_leaf(KEC_LEAF_1, "36702000", "82536000", "48.92"),
            printed_leaf(KEC_LEAF_2, "131803000", "78076000", "59.24"),
        ],
    )


def test_tabel_3_1_kecamatan_findings():
    findings = validate([kecamatan_as_printed()])
    got = [(f.code, f.where, f.expected, f.found, f.severity) for f in findings]
    assert got == [
        ("pagu_sum", KECAMATAN, "Rp168.505.000", "Rp168.702.000", "error"),
        ("realisasi_sum", KECAMATAN, "Rp160.612.000", "Rp82.536.000", "error"),
        ("percent_mismatch", f"{KECAMATAN} › {KEC_LEAF_1}", "224,88", "48,92", "error"),
        (
            "realisasi_above_pagu",
            f"{KECAMATAN} › {KEC_LEAF_1}",
            "≤ Rp36.702.000",
            "Rp82.536.000",
            "error",
        ),
    ]
    messages = {f.code: f.message for f in findings}
    assert messages["pagu_sum"] == (
        "Pagu kegiatan tidak sama dengan jumlah pagu 2 tolok ukur di bawahnya."
    )
    assert messages["percent_mismatch"] == (
        "Persentase tertulis tidak sama dengan realisasi ÷ pagu × 100 "
        "(Rp82.536.000 ÷ Rp36.702.000 × 100)."
    )
    assert messages["realisasi_above_pagu"] == "Realisasi melebihi pagu."


# --- Tabel 8.4 as printed: programs, kegiatan, tolok ukur ----------------------------------

TABEL_8_4 = [
    (
        "Program Tata Kelola Pemerintahan", "1193209000", "853232370", "71.51",
        [
            ("Tata Usaha Pemerintahan", "1193209000", "853232370", "71.51", [
                ("Penyediaan Barang dan Jasa Perkantoran", "655888600", "643797451", "98.16"),
                ("Koordinasi dan Konsultasi Ke Dalam dan Luar Daerah", "466610000",
                 "186670119", "40.01"),
                ("Penyusunan Laporan Kinerja Keuangan dan Neraca Aset", "12112000", "8464800",
                 "69.89"),
                ("Perencanaan Evaluasi dan Pelaporan pada Biro Pemerintahan", "14548400",
                 "13000000", "89.36"),
                ("Peningkatan Kapasitas Aparatur", "44050000", "1300000", "2.95"),
            ]),
        ],
    ),
    (
        "Program Perumusan Kebijakan Pemerintahan", "1609072000", "972645880", "60.45",
        [
            ("Penyelenggaraan Kerjasama Daerah", "362000000", "243250500", "67.20", [
                ("Penyelenggaraan Kerjasama Daerah ", "347007000", "243250500", "70.10"),
                ("Penyusunan Perumuan Kebijakan Teknis Kerjasama Daerah", "14993000", "141000",
                 "0.94"),
            ]),
            ("Penyelenggaraan Kerjasama Luar Negeri", "110000000", "96337000", "87.58", [
                ("Penyelenggaraan Kerjasama Luar Negeri ", "110000000", "96337000", "87.58"),
                ("Penyusunan Kebijakan Teknis Kerjasama Luar Negeri", "0", "0", "0"),
            ]),
            ("Evaluasi Kinerja Pemerintah Daerah", "270000000", "167767200", "62.14", [
                ("Penyusunan Kebijakan Teknis Evaluasi Kinerja Pemerintahan Daerah", "20401200",
                 "11891200", "58.29"),
                ("Penyusunan LPPD dan IKK Provinsi Banten", "98920000", "92632000", "93.64"),
                ("Pembinaan Penyelenggaraan Pemerintahan Daerah Kabupaten/Kota", "54586800",
                 "37762000", "69.18"),
                ("Evaluasi Kinerja Penyelenggaraan Pemerintahan Daerah", "96092000", "25482000",
                 "26.52"),
            ]),
            ("Penataan Wilayah Administrasi dan Batas Daerah", "229500000", "138331180", "60.28", [
                ("Administrasi Batas Daerah", "120000000", "51294000", "42.75"),
                ("Pembangunan dan Pemeliharaan Pilar Batas Daerah", "109500000", "87037180",
                 "79.49"),
            ]),
            ("Penataan Daerah Otonom", "138870000", "75640000", "54.47", [
                ("Penyusunan Perumusan Kebijakan Penataan Daerah", "40000000", "37710000",
                 "94.28"),
                ("Penataan Daerah Otonom ", "69300000", "17800000", "25.69"),
                ("Penyelesaian Pelimpahan Aset Antar Pemerintah Daerah", "29570000", "20130000",
                 "68.08"),
            ]),
            ("Administrasi Kepala Daerah dan DPRD", "130000000", "74589500", "57.38", [
                ("Penyusunan Kebijakan Administrasi Pemerintahan", "8280000", "8133000",
                 "98.22"),
                ("Administrasi Kepala Daerah dan DPRD ", "121720000", "66456500", "54.60"),
            ]),
            (KECAMATAN, "168702000", "82536000", "48.92", [
                (KEC_LEAF_1, "36702000", "82536000", "48.92"),
                (KEC_LEAF_2, "131803000", "78076000", "59.24"),
            ]),
            ("Administrasi Rupabumi dan Kode Data Wilayah Administrasi Pemerintahan",
             "200000000", "94194000", "47.10", [
                ("Administrasi Rupabumi", "131400000", "85194000", "64.84"),
                ("Administrasi Kode dan Data Wilayah Administrasi Pemerintahan Provinsi Banten",
                 "68600000", "9000000", "13.12"),
            ]),
        ],
    ),
]


def tabel_8_4():
    programs = []
    for p_name, p_pagu, p_real, p_pct, kegiatan in TABEL_8_4:
        keg_nodes = [
            printed_parent(k_name, k_pagu, k_real, k_pct, [printed_leaf(*leaf) for leaf in leaves])
            for k_name, k_pagu, k_real, k_pct, leaves in kegiatan
        ]
        programs.append(printed_parent(p_name, p_pagu, p_real, p_pct, keg_nodes, "program"))
    return programs


def test_tabel_8_4_whole_table_findings():
    findings = validate(tabel_8_4())
    perumusan = "Program Perumusan Kebijakan Pemerintahan"
    assert [(f.code, f.where, f.expected, f.found) for f in findings] == [
        ("realisasi_sum", perumusan, "Rp972.645.380", "Rp972.645.880"),
        (
            "realisasi_sum",
            f"{perumusan} › Penyelenggaraan Kerjasama Daerah",
            "Rp243.391.500",
            "Rp243.250.500",
        ),
        ("pagu_sum", f"{perumusan} › {KECAMATAN}", "Rp168.505.000", "Rp168.702.000"),
        ("realisasi_sum", f"{perumusan} › {KECAMATAN}", "Rp160.612.000", "Rp82.536.000"),
        ("percent_mismatch", f"{perumusan} › {KECAMATAN} › {KEC_LEAF_1}", "224,88", "48,92"),
        (
            "realisasi_above_pagu",
            f"{perumusan} › {KECAMATAN} › {KEC_LEAF_1}",
            "≤ Rp36.702.000",
            "Rp82.536.000",
        ),
    ]


# --- Lampiran 1: Permendagri 90 codes ------------------------------------------------------

# (code, name, anggaran, realisasi, printed %, output target, output realised)
LAMPIRAN_1 = [
    ("4.01.01", "Program Penunjang Urusan Pemerintahan Daerah Provinsi", "2322925750.00",
     "2085237252.00", "89.77"),
    ("4.01.01.1.01", "Perencanaan, Penganggaran dan Evaluasi Kinerja Perangkat Daerah",
     "28200250.00", "10000000.00", "35.46"),
    ("4.01.01.1.01.01", "Penyusunan Dokumen Perencanaan Perangkat Daerah", "250.00", "0.00",
     "0.00", 0, 0),
    ("4.01.01.1.01.02", "Koordinasi dan Penyusunan Dokumen RKA-SKPD", "2500000.00",
     "2500000.00", "100.00", 1, 1),
    ("4.01.01.1.01.03", "Koordinasi dan Penyusunan Dokumen Perubahan RKA-SKPD", "2500000.00",
     "2500000.00", "100.00", 1, 1),
    ("4.01.01.1.01.04", "Koordinasi dan Penyusunan DPA-SKPD", "2500000.00", "2500000.00",
     "100.00", 1, 1),
    ("4.01.01.1.01.05", "Koordinasi dan Penyusunan Perubahan DPA-SKPD", "2500000.00",
     "2500000.00", "100.00", 1, 1),
    ("4.01.01.1.01.06", "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar "
     "Realisasi Kinerja SKPD", "9100000.00", "0.00", "0.00", 1, 0),
    ("4.01.01.1.01.07", "Evaluasi Kinerja Perangkat Daerah", "9100000.00", "0.00", "0.00", 1, 0),
    ("4.01.01.1.02", "Administrasi Keuangan Perangkat Daerah", "9100000.00", "5750000.00",
     "63.19"),
    ("4.01.01.1.02.04", "Koordinasi dan Pelaksanaan Akuntansi SKPD", "9100000.00", "5750000.00",
     "63.19", 1, 1),
    ("4.01.01.1.05", "Administrasi Kepegawaian Perangkat Daerah", "170721500.00",
     "154490000.00", "90.49"),
    ("4.01.01.1.05.01", "Peningkatan Sarana dan Prasarana Disiplin Pegawai", "250.00", "0.00",
     "0.00", 0, 0),
    ("4.01.01.1.05.02", "Pengadaan Pakaian Dinas Beserta Atribut Kelengkapannya",
     "170721000.00", "154490000.00", "90.49", 1, 1),
    ("4.01.01.1.05.03", "Pendidikan dan Pelatihan Pegawai Berdasarkan Tugas dan Fungsi",
     "250.00", "0.00", "0.00", 0, 0),
    ("4.01.01.1.06", "Administrasi Umum Perangkat Daerah", "564104000.00", "448495500.00",
     "79.51"),
    ("4.01.01.1.06.02", "Penyediaan Peralatan dan Perlengkapan Kantor", "215094000.00",
     "197755000.00", "91.94", 1, 1),
    ("4.01.01.1.06.04", "Penyediaan Bahan Logistik Kantor", "72560000.00", "65680000.00",
     "90.52", 1, 1),
    ("4.01.01.1.06.05", "Penyediaan Barang Cetak dan Penggandaan", "120592000.00",
     "110667500.00", "91.77", 1, 1),
    ("4.01.01.1.06.09", "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD", "155858000.00",
     "74393000.00", "47.73", 1, 1),
    ("4.01.01.1.08", "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah", "1550800000.00",
     "1466501752.00", "94.56"),
    ("4.01.01.1.08.04", "Penyediaan Jasa Pelayanan Umum Kantor", "1550800000.00",
     "1466501752.00", "94.56", 1, 1),
    ("4.01.03", "Program Pemerintahan dan Otonomi Daerah", "1262133000.00", "868296250.00",
     "68.80"),
    ("4.01.03.1.01", "Pelaksanaan Tugas Pemerintahan", "374966000.00", "194881000.00", "51.97"),
    ("4.01.03.1.01.01", "Pengelolaan Administrasi Kebijakan Pemerintahan", "129763000.00",
     "44536500.00", "34.32", 1, 1),
    ("4.01.03.1.01.02", "Fasilitasi Pelaksanaan Pemerintahan Umum", "84914000.00",
     "49451500.00", "58.24", 1, 1),
    ("4.01.03.1.01.03", "Fasilitasi Penataan Wilayah", "160289000.00", "100893000.00", "62.94",
     1, 1),
    ("4.01.03.1.02", "Pelaksanaan Otonomi Daerah", "489167000.00", "386596750.00", "79.03"),
    ("4.01.03.1.02.01", "Fasilitasi Administrasi Kepala Daerah dan DPRD", "140000000.00",
     "115758750.00", "82.68", 1, 1),
    ("4.01.03.1.02.02", "Pengembangan Otonomi dan Penataan Urusan", "119060000.00",
     "102008000.00", "85.68", 1, 1),
    ("4.01.03.1.02.03", "Evaluasi dan Penyelenggaraan Pemerintahan", "230107000.00",
     "168830000.00", "73.37", 1, 1),
    ("4.01.03.1.03", "Fasilitasi Kerjasama Daerah", "398000000.00", "286818500.00", "72.06"),
    ("4.01.03.1.03.01", "Fasilitasi Kerjasama Pemerintah", "306026000.00", "243862000.00",
     "79.69", 1, 1),
    ("4.01.03.1.03.02", "Fasilitasi Kerjasama Badan Usaha/Swasta", "45310000.00",
     "16741500.00", "36.95", 1, 1),
    ("4.01.03.1.03.03", "Evaluasi Pelaksanaan Kerjasama", "46664000.00", "26215000.00", "56.18",
     1, 1),
    ("4.01.04", "Program Kesejahteraan Rakyat", "16575712000.00", "14378767562.00", "86.75"),
    ("4.01.04.1.01", "Fasilitasi Pembinaan Menta Spiritual", "15904532000.00",
     "14056551562.00", "88.38"),
    ("4.01.04.1.01.01", "Pengelolaan Sarana dan Prasarana Spiritual", "540363000.00",
     "76036000.00", "14.07", 1, 1),
    ("4.01.04.1.01.02", "Fasilitasi Kelembagaan Bina Spiritual", "15364169000.00",
     "13980515562.00", "90.99", 1, 1),
    ("4.01.04.1.02", "Fasilitasi Pengembangan Kesejahteraan Rakyat Pelayanan Dasar",
     "406432000.00", "205102000.00", "50.46"),
    ("4.01.04.1.02.01", "Fasilitasi, Koordinasi, Sinkronisasi, Evaluasi dan Capaian Kinerja "
     "Kebijakan Kesejahteraan Rakyat Bidang Pendidikan", "53196000.00", "46636000.00", "87.67",
     1, 1),
    ("4.01.04.1.02.02", "Fasilitasi, Koordinasi, Sinkronisasi, Evaluasi dan Capaian Kinerja "
     "Kebijakan Kesejahteraan Rakyat Bidang Kesehatan", "143316000.00", "73796000.00", "51.49",
     1, 1),
    ("4.01.04.1.02.03", "Fasilitasi, Koordinasi, Sinkronisasi, Evaluasi dan Capaian Kinerja "
     "Kebijakan Kesejahteraan Rakyat Bidang Sosial", "209920000.00", "84670000.00", "40.33",
     1, 1),
    ("4.01.04.1.03", "Fasilitasi Pengembangan Kesejahteraan Rakyat Non Pelayanan Dasar",
     "264748000.00", "117114000.00", "44.24"),
    ("4.01.04.1.03.01", "Koordinasi dan Sinkronisasi Kebijakan Kesejahteraan Rakyat Bidang "
     "Kepemudaan, Olahraga, Kebudayaan dan Pariwisata", "79596000.00", "65836000.00", "82.71",
     1, 1),
    ("4.01.04.1.03.02", "Koordinasi dan Sinkronisasi Kebijakan Kesejahteraan Rakyat Bidang "
     "Pemberdayaan Perempuan dan Perlindungan Anak, Pengendalian Penduduk dan Keluarga "
     "Berencana, Administrasi Kependudukan dan Pencatatan Sipil, Pemberdayaan Masyarakat dan "
     "Desa, Transmigrasi dan Tenaga Kerja", "123976000.00", "27076000.00", "21.84", 1, 1),
    ("4.01.04.1.03.03", "Koordinasi dan Sinkronisasi Kebijakan Kesejahteraan Rakyat Bidang "
     "Komunikasi, Informatika, Statistik, Persandian, dan Perhubungan", "61176000.00",
     "24202000.00", "39.56", 1, 1),
]
LEVEL_BY_DEPTH = {3: "program", 5: "kegiatan", 6: "sub_kegiatan"}
CHILD_DOTS = {2: 4, 4: 5, 5: 6}  # program 4.01.01 → kegiatan 4.01.01.1.01 → sub kegiatan


def lampiran_1(with_own_data=True):
    """The Lampiran 1 tree: every row carries its printed figures; leaves also carry their own
    pagu, realisation (in December) and output indicator when ``with_own_data``."""
    rows = {r[0]: r for r in LAMPIRAN_1}

    def build(code):
        row = rows[code]
        _, name, anggaran, realisasi, pct = row[:5]
        depth = CHILD_DOTS[code.count(".")]
        kids = [c for c in rows if c.startswith(code + ".") and c.count(".") == depth]
        declared = Declared(pagu=anggaran, realisasi=realisasi, percent=pct)
        level = LEVEL_BY_DEPTH[len(code.split("."))]
        if kids:
            return PlanNode(
                code, code, name, level, children=tuple(build(k) for k in kids), declared=declared
            )
        if not with_own_data:
            return PlanNode(code, code, name, level, declared=declared)
        output = IndicatorInput(code, name, "Kegiatan", COUNT, Target(D(row[5])), {12: D(row[6])})
        return PlanNode(
            code,
            code,
            name,
            level,
            pagu=D(anggaran),
            months=(MonthInput(12, realisasi_keuangan=D(realisasi)),),
            indicators=(output,),
            declared=declared,
        )

    programs = [c for c in rows if c.count(".") == 2]
    return [build(p) for p in programs]


@pytest.fixture(scope="module")
def lampiran():
    return compute_tree(lampiran_1(), name="Biro Pemerintahan dan Kesejahteraan Rakyat")


def test_lampiran_total(lampiran):
    assert lampiran.pagu.value == D("20160770750.00")
    assert lampiran.realisasi.value == D("17332301064.00")
    assert fmt_percent(lampiran.absorption.value) == "85,97%"
    assert lampiran.absorption.explanation == (
        "85,97% = Rp17.332.301.064 ÷ Rp20.160.770.750 × 100"
    )
    assert lampiran.pagu.explanation == "Rp20.160.770.750 = jumlah 3 program"


@pytest.mark.parametrize("row", LAMPIRAN_1, ids=lambda r: r[0])
def test_lampiran_every_printed_row_reproduced(lampiran, row):
    code, _, anggaran, realisasi, pct = row[:5]
    computed = lampiran.find(code)
    assert computed.pagu.value == D(anggaran)
    assert computed.realisasi.value == D(realisasi)
    assert round_half_up(computed.absorption.value) == D(pct)


def test_lampiran_output_capaian(lampiran):
    keg = lampiran.find("4.01.01.1.01")
    # .01 has target 0 (undefined, left out); .02–.05 reach 1 of 1; .06 and .07 reach 0 of 1
    assert keg.achievement.value == D("66.66666666666666666666666666666667")
    assert keg.achievement.explanation == (
        "66,67 = rata-rata 6 sub kegiatan: 100; 100; 100; 100; 0; 0; tidak dihitung: "
        "Penyusunan Dokumen Perencanaan Perangkat Daerah (target 0)"
    )
    assert keg.predicate == "Sedang"


@pytest.mark.parametrize("with_own_data", [True, False])
def test_lampiran_validates_clean(with_own_data):
    assert validate(lampiran_1(with_own_data)) == []


def test_lampiran_codes_checked():
    roots = lampiran_1()
    program = roots[0]
    stray = PlanNode("x", "4.01.03.1.09", "Kegiatan Salah Tempat", "kegiatan")
    dup = PlanNode("y", "4.01.01.1.02", "Kembar", "kegiatan")
    broken = PlanNode(
        program.id,
        program.code,
        program.name,
        program.level,
        children=(*program.children, stray, dup),
    )
    findings = validate([broken, *roots[1:]])
    assert [(f.code, f.found) for f in findings] == [
        ("code_not_under_parent", "4.01.03.1.09"),
        ("duplicate_code", "4.01.01.1.02"),
    ]
